"""Accounts, rights and the review of partners' submissions, on a real store.

Every right is checked in the engine: these tests call the engine's functions directly with the
acting account, as any page, URL or command ends up doing."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from indicators import accounts as A
from indicators import submissions as S
from indicators.queries import load_framework, load_observations
from indicators.store import SQL_TABLES, list_batches, open_store

from .helpers import store_with_framework


def test_accounts_are_managed_by_admins_only_with_hashed_passwords(store_url):
    engine = store_with_framework(store_url)
    admin = A.add_account(engine, A.OPERATOR, "Admin@Example.org", "admin", password="correct horse 1")
    assert admin.email == "admin@example.org"
    editor = A.add_account(engine, admin, "editor@example.org", "editor", password="s3cret-pass")
    with pytest.raises(A.Refused) as refused:
        A.add_account(engine, editor, "x@example.org", "admin")
    assert "administrateur" in refused.value.text("fr") and "éditeur" in refused.value.text("fr")
    with pytest.raises(A.StoreError) as bad:
        A.add_account(engine, admin, "c@example.org", "contributor")
    assert "partner" in bad.value.text("nl") and "--" not in bad.value.text("nl")   # no option of the CLI
    assert A.sign_in(engine, "EDITOR@example.org", "s3cret-pass") == editor
    assert A.sign_in(engine, "editor@example.org", "wrong") is None
    with engine.connect() as conn:
        stored = conn.execute(sa.select(A.accounts.c.password_hash)
                              .where(A.accounts.c.email == "editor@example.org")).scalar()
    assert stored.startswith("pbkdf2_sha256$") and "s3cret-pass" not in stored
    assert A.find(engine, "nobody@example.org") is None


@pytest.fixture
def people(demo_url):
    engine = open_store(demo_url)
    admin = A.add_account(engine, A.OPERATOR, "admin@example.org", "admin")
    return engine, {
        "editor": A.add_account(engine, admin, "editor@mel.fr", "editor"),
        "wvl": A.add_account(engine, admin, "data@west-vlaanderen.be", "contributor", partner_id="PROV_WVL"),
        "mel": A.add_account(engine, admin, "data@mel.fr", "contributor", partner_id="MEL"),
    }


def _owned_by(engine, partner: str) -> list[str]:
    ind = load_framework(engine)["indicators"]
    return sorted(ind[ind["owner"].str.split("|").map(lambda c: partner in c)]["indicator_id"])


def _french_excel(engine, indicator: str, value: str) -> bytes:
    """A value for the next period, as French Excel saves it: Windows-1252, `;`, decimal comma."""
    obs = load_observations(engine)
    mine = obs[obs["indicator_id"] == indicator]
    territory = mine["territory_id"].iloc[0]
    period = str(int(mine["period"].max()) + 1)
    return (f"Indicateur;Territoire;Période;Valeur\r\n{indicator};{territory};{period};{value}\r\n").encode("cp1252")


def test_the_whole_review_loop_names_contributor_and_reviewer(people):
    engine, who = people
    indicator = _owned_by(engine, "PROV_WVL")[0]
    before = len(load_observations(engine))
    first = S.submit(engine, who["wvl"], "données.csv", _french_excel(engine, indicator, "12,5"))
    assert first.submission_id is not None and first.checked.files[0]["decimal"] == ","
    assert len(load_observations(engine)) == before           # nothing reaches the dashboard before review
    assert S.preview(engine, who["editor"], first.submission_id).result.summary()["added"] == 1

    S.send_back(engine, who["editor"], first.submission_id, "La valeur 2025 est provisoire : ajoutez le flag p")
    mine = S.listing(engine, who["wvl"])
    assert mine[0]["status"] == S.RETURNED and "flag p" in mine[0]["comment"]

    second = S.submit(engine, who["wvl"], "données.csv", _french_excel(engine, indicator, "12,5 p"),
                      replaces=first.submission_id)
    states = {s["submission_id"]: s["status"] for s in S.listing(engine, who["editor"])}
    assert (states[first.submission_id], states[second.submission_id]) == (S.SUPERSEDED, S.PENDING)
    outcome = S.approve(engine, who["editor"], second.submission_id)
    assert outcome.ok
    batch = list_batches(engine).set_index("batch_id").loc[outcome.result.batch_id]
    assert "data@west-vlaanderen.be" in batch["user"] and "editor@mel.fr" in batch["user"]
    after = load_observations(engine)
    row = after[(after["indicator_id"] == indicator)].sort_values("period").iloc[-1]
    assert row["value"] == 12.5 and row["flag"] == "p"
    with pytest.raises(A.StoreError):                           # approved once, never twice
        S.approve(engine, who["editor"], second.submission_id)


def test_a_contributor_cannot_submit_for_another_partner_and_nothing_is_kept(people):
    engine, who = people
    foreign = _owned_by(engine, "MEL")[0]
    assert foreign not in _owned_by(engine, "PROV_WVL")
    queue = S.listing(engine, who["editor"])
    with pytest.raises(A.Refused) as refused:
        S.submit(engine, who["wvl"], "x.csv", _french_excel(engine, foreign, "3"))
    assert foreign in refused.value.text("nl") and "Geweigerd" in refused.value.text("nl")
    assert S.listing(engine, who["editor"]) == queue


def test_the_demo_shows_pending_and_returned_submissions(people):
    engine, who = people
    states = [s["status"] for s in S.listing(engine, who["editor"])]
    assert states.count(S.PENDING) >= 2 and S.RETURNED in states
    partners = {s["partner_id"] for s in S.listing(engine, who["editor"])}
    for s in S.listing(engine, who["editor"]):     # each demo file holds only its partner's indicators
        checked = S.preview(engine, who["editor"], s["submission_id"]).checked
        ids = set(checked.tables["observations"]["indicator_id"])
        assert ids <= set(_owned_by(engine, s["partner_id"]))
    assert "PROV_WVL" in partners


def test_a_contributor_cannot_review_roll_back_import_or_read_another_partners_drafts(people, tmp_path):
    engine, who = people
    theirs = {s["submission_id"] for s in S.listing(engine, who["editor"]) if s["partner_id"] == "MEL"}
    sent = S.submit(engine, who["wvl"], "wvl.csv", _french_excel(engine, _owned_by(engine, "PROV_WVL")[0], "1"))
    for attempt in (lambda: S.approve(engine, who["wvl"], sent.submission_id),
                    lambda: S.send_back(engine, who["wvl"], sent.submission_id, "no"),
                    lambda: S.preview(engine, who["wvl"], sent.submission_id),
                    lambda: A.rollback_as(engine, who["wvl"], int(list_batches(engine)["batch_id"].iloc[0])),
                    lambda: A.import_as(engine, who["wvl"], [("x.csv", b"indicator_id,territory_id,period,value\n")]),
                    lambda: S.get(engine, who["mel"], sent.submission_id),
                    lambda: S.approve(engine, who["mel"], sent.submission_id)):
        with pytest.raises(A.Refused) as refused:
            attempt()
        assert refused.value.text("fr").startswith("Refusé")
    assert {s["submission_id"] for s in S.listing(engine, who["mel"])} == theirs     # its own partner's only
    assert all(s["partner_id"] == "PROV_WVL" for s in S.listing(engine, who["wvl"]))
    assert next(s for s in S.listing(engine, who["editor"])
                if s["submission_id"] == sent.submission_id)["status"] == S.PENDING


def test_a_viewer_writes_nothing(people):
    engine, who = people
    raw = _french_excel(engine, _owned_by(engine, "PROV_WVL")[0], "1")
    for attempt in (lambda: S.submit(engine, A.VIEWER, "x.csv", raw),
                    lambda: A.import_as(engine, None, [("x.csv", raw)]),
                    lambda: A.add_account(engine, A.VIEWER, "v@example.org", "admin")):
        with pytest.raises(A.Refused) as refused:
            attempt()
        assert refused.value.text("en").startswith("Refused")
    assert S.listing(engine, A.VIEWER) == []
    with pytest.raises(A.Refused):
        S.get(engine, A.VIEWER, S.listing(engine, who["editor"])[0]["submission_id"])


def test_a_file_with_problems_is_reported_and_not_kept(people):
    engine, who = people
    queue = S.listing(engine, who["editor"])
    indicator = _owned_by(engine, "PROV_WVL")[0]
    raw = _french_excel(engine, indicator, "douze")
    sent = S.submit(engine, who["wvl"], "faux.csv", raw)
    assert sent.submission_id is None
    problem = next(p for p in sent.checked.problems if p.severity == "error")
    assert (problem.row, problem.column, problem.value) == (2, "Valeur", "douze")
    assert S.listing(engine, who["editor"]) == queue


def test_two_editors_approving_the_same_submission_import_it_once(people):
    import threading

    engine, who = people
    other = A.add_account(engine, A.OPERATOR, "editor2@mel.fr", "editor")
    sent = S.submit(engine, who["wvl"], "wvl.csv", _french_excel(engine, _owned_by(engine, "PROV_WVL")[0], "7"))
    before = len(list_batches(engine))
    outcomes, refusals = [], []

    def approve(editor):
        try:
            outcomes.append(S.approve(engine, editor, sent.submission_id))
        except A.StoreError as exc:
            refusals.append(exc.text("fr"))

    threads = [threading.Thread(target=approve, args=(e,)) for e in (who["editor"], other)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(outcomes) == 1 and outcomes[0].ok and len(refusals) == 1
    assert "déjà été traitée" in refusals[0]
    assert len(list_batches(engine)) == before + 1


def test_submissions_keep_their_bytes_and_import_on_postgresql_too(store_url_pg):
    engine = store_with_framework(store_url_pg)
    partners = "partner_id;name_fr;country\r\nPROV_WVL;Province de Flandre-Occidentale;BE\r\n".encode("cp1252")
    editor = A.add_account(engine, A.OPERATOR, "editor@mel.fr", "editor")
    assert A.import_as(engine, editor, [("partners.csv", partners)]).ok
    # the partner owns MOB01 from now on
    with engine.begin() as conn:
        ind = SQL_TABLES["indicators"]
        conn.execute(ind.update().where(ind.c.indicator_id == "MOB01").values(owner="PROV_WVL"))
    wvl = A.add_account(engine, A.OPERATOR, "data@west-vlaanderen.be", "contributor", "PROV_WVL")
    raw = "indicateur;territoire;période;valeur\r\nMOB01;59350;2024;3,5\r\n".encode("cp1252")
    sent = S.submit(engine, wvl, "mob01.csv", raw)
    assert bytes(S.get(engine, editor, sent.submission_id)["content"]) == raw
    assert S.approve(engine, editor, sent.submission_id).ok
    obs = load_observations(engine)
    assert obs[(obs["indicator_id"] == "MOB01") & (obs["period"] == "2024")]["value"].tolist() == [3.5]
