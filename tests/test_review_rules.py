"""The review's rules, kept (outside tester W, stop 31, findings 2, 3 and 9; DESIGN.md "People and rights").

- Four eyes: nobody approves or returns their own submission, in the engine, whoever calls it; an editor or
  an admin without a partner may still submit (anything) and is told it waits for another editor; an account
  with a partner only sends its partner's indicators.
- A rollback never takes values off the dashboard that later *approved* submissions sent again (their import
  found them unchanged, resting on the batch): it is refused, naming those submissions, their senders and the
  batches to roll back first (newest first; their contributors are then told "import rolled back").
- The review list says when a submission's contributor no longer has an account; approving stays possible.
Through the engine and the command line (in-process, exit codes), in French, Dutch and English, on SQLite
and PostgreSQL for the engine's rules.
"""
from __future__ import annotations

import pytest

from indicators import accounts as A
from indicators import submissions as S
from indicators.cli import main
from indicators.i18n import t
from indicators.queries import load_observations
from indicators.store import StoreError, list_batches, load_demo, open_store, rollback

from .test_review_page import review_page

ED, ED2, ADMIN, ADULM = "ed@w.test", "ed2@w.test", "admin@w.test", "c@w.test"
# ECO01 is ADULM's in the demo; 2025 has no value there yet
ROW = b"indicator_id;territory_id;period;value\nECO01;200093201;2025;10\n"
OTHER_ROW = b"indicator_id;territory_id;period;value\nECO01;245900428;2025;11\n"
NOT_ADULMS = b"indicator_id;territory_id;period;value\nCIT10;200093201;2025;61\n"   # MEL's


def _people(engine) -> dict[str, A.Account]:
    return {"ed": A.add_account(engine, A.OPERATOR, ED, "editor"),
            "ed2": A.add_account(engine, A.OPERATOR, ED2, "editor"),
            "admin": A.add_account(engine, A.OPERATOR, ADMIN, "admin"),
            "adulm": A.add_account(engine, A.OPERATOR, ADULM, "contributor", "ADULM")}


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def _value(engine, territory: str = "200093201"):
    obs = load_observations(engine)
    hit = obs[(obs["indicator_id"] == "ECO01") & (obs["territory_id"] == territory) & (obs["period"] == "2025")]
    return hit["value"].tolist()


# --------------------------------------------------------------------------- 2: four eyes

@pytest.fixture
def demo_anywhere(store_url):
    engine = open_store(store_url)
    load_demo(engine)
    return engine


def test_nobody_approves_or_returns_their_own_submission_in_the_engine(demo_anywhere):
    engine = demo_anywhere
    who = _people(engine)
    for me, other in (("ed", "ed2"), ("admin", "ed")):
        sent = S.submit(engine, who[me], "mine.csv", ROW)           # an editor without a partner may submit
        assert sent.submission_id is not None
        batches = len(list_batches(engine))
        for attempt in (lambda: S.approve(engine, who[me], sent.submission_id),
                        lambda: S.send_back(engine, who[me], sent.submission_id, "mine")):
            with pytest.raises(A.Refused) as refused:
                attempt()
            assert refused.value.key == "refused_review_own"
            assert refused.value.text("fr").startswith("Refusé : la soumission")
        assert len(list_batches(engine)) == batches
        row = next(s for s in S.listing(engine, who[other]) if s["submission_id"] == sent.submission_id)
        assert row["status"] == S.PENDING and row["reviewer"] is None
        done = S.approve(engine, who[other], sent.submission_id)   # another editor approves it
        assert done.ok
        user = list_batches(engine).iloc[0]["user"]
        assert user == f"{who[me].email} (reviewed by {who[other].email})"
    assert _value(engine) == [10.0]


def test_an_editor_without_a_partner_sends_anything_one_with_a_partner_its_partners_only(demo_anywhere):
    engine = demo_anywhere
    who = _people(engine)
    assert S.submit(engine, who["ed"], "mel.csv", NOT_ADULMS).submission_id is not None
    partnered = A.add_account(engine, A.OPERATOR, "ed3@w.test", "editor", "ADULM")
    queue = S.listing(engine, A.OPERATOR)
    with pytest.raises(A.Refused) as refused:
        S.submit(engine, partnered, "mel.csv", NOT_ADULMS)
    assert refused.value.key == "refused_submit_foreign" and "CIT10" in refused.value.text("en")
    assert S.listing(engine, A.OPERATOR) == queue
    assert S.submit(engine, partnered, "adulm.csv", ROW).submission_id is not None


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_command_line_tells_the_editor_it_waits_and_refuses_its_own_review(demo_url, tmp_path, capsys, lang):
    engine = open_store(demo_url)
    _people(engine)
    path = tmp_path / "mine.csv"
    path.write_bytes(ROW)
    code, out, err = run(capsys, "submit", str(path), "--as", ED, "--db", demo_url, "--lang", lang)
    assert code == 0, err
    sid = max(s["submission_id"] for s in S.listing(engine, A.OPERATOR))
    assert out.strip().splitlines()[-1] != t("cli_submitted", lang, id=sid), "not told it waits for another editor"
    assert out.strip().splitlines()[-1] == t("cli_submitted_other_editor", lang, id=sid)
    batches = len(list_batches(engine))
    for action in (["approve"], ["return", "--comment", "x"]):
        code, out, err = run(capsys, "review", action[0], str(sid), *action[1:], "--as", ED, "--db", demo_url,
                             "--lang", lang)
        assert code == 1 and out == ""
        assert err.strip() == A.Refused("", key="refused_review_own", id=sid).text(lang)
    assert len(list_batches(engine)) == batches and _value(engine) == []
    code, out, err = run(capsys, "review", "approve", str(sid), "--as", ED2, "--db", demo_url, "--lang", lang)
    assert code == 0, err
    assert _value(engine) == [10.0]


def test_the_editors_own_submission_shows_no_review_buttons_on_the_page(demo_url):
    engine = open_store(demo_url)
    who = _people(engine)
    sid = S.submit(engine, who["ed"], "mine.csv", ROW).submission_id
    at = review_page({"lang": "nl"}, {"_account": ED, "review_pick": sid})
    assert [i.value for i in at.info if i.value == t("review_own_note", "nl")]
    assert "review_approve" not in {b.key for b in at.button if b.key}
    other = review_page({"lang": "nl"}, {"_account": ED2, "review_pick": sid})
    assert "review_approve" in {b.key for b in other.button if b.key}
    assert not [i.value for i in other.info if i.value == t("review_own_note", "nl")]


# --------------------------------------------------------------------------- 3: rollback and later approvals

def _resting(engine, who) -> tuple[int, int, int]:
    """Batch X (ed's submission, approved by ed2) adds the value; ADULM's approved submission sends it
    again (unchanged, resting on X). (X, ADULM's submission, its batch)."""
    first = S.approve(engine, who["ed2"], S.submit(engine, who["ed"], "a.csv", ROW).submission_id)
    again = S.submit(engine, who["adulm"], "obsA.csv", ROW).submission_id
    second = S.approve(engine, who["ed"], again)
    assert second.result.summary()["unchanged"] == 1
    return first.result.batch_id, again, second.result.batch_id


def test_a_rollback_is_refused_while_a_later_approved_submission_rests_on_it(demo_anywhere):
    engine = demo_anywhere
    who = _people(engine)
    batch, again, later = _resting(engine, who)
    with pytest.raises(StoreError) as refused:
        rollback(engine, batch, user=ED)
    assert refused.value.key == "rollback_rests_on"
    assert refused.value.params == {"batch": batch, "subs": str(again), "who": ADULM, "batches": str(later)}
    said = refused.value.text("en")
    assert f"approved submissions {again} (sent by {ADULM}" in said and f"Roll back batches {later} first" in said
    assert _value(engine) == [10.0]                                                  # nothing was changed
    assert set(list_batches(engine)["status"]) == {"active"}
    # the later batch first (it wrote nothing), then the batch: the contributor is told
    assert rollback(engine, later, user=ED) == {"removed": 0, "restored": 0}
    assert rollback(engine, batch, user=ED)["removed"] == 1
    assert _value(engine) == []
    row = next(s for s in S.listing(engine, who["adulm"]) if s["submission_id"] == again)
    assert S.state(row) == S.ROLLED_BACK


def test_a_later_approval_of_other_values_does_not_hold_a_rollback(demo_url):
    engine = open_store(demo_url)
    who = _people(engine)
    first = S.approve(engine, who["ed2"], S.submit(engine, who["ed"], "a.csv", ROW).submission_id)
    other = S.approve(engine, who["ed"], S.submit(engine, who["adulm"], "b.csv", OTHER_ROW).submission_id)
    assert other.ok
    assert rollback(engine, first.result.batch_id, user=ED)["removed"] == 1
    assert _value(engine) == [] and _value(engine, "245900428") == [11.0]


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_command_lines_rollback_names_the_submissions_in_the_readers_language(demo_url, capsys, lang):
    engine = open_store(demo_url)
    who = _people(engine)
    batch, again, later = _resting(engine, who)
    for how in ([], ["--as", ED]):
        code, out, err = run(capsys, "rollback", str(batch), *how, "--db", demo_url, "--lang", lang)
        assert code == 1 and out == ""
        assert err.strip() == t("rollback_rests_on", lang, batch=batch, subs=again, who=ADULM, batches=later)
    assert _value(engine) == [10.0]
    code, out, err = run(capsys, "rollback", "999", "--as", ED, "--db", demo_url, "--lang", lang)
    assert code == 1 and err.strip() == t("rollback_no_batch", lang, batch=999)
    assert run(capsys, "rollback", str(later), "--as", ED, "--db", demo_url, "--lang", lang)[0] == 0
    code, out, err = run(capsys, "rollback", str(later), "--as", ED, "--db", demo_url, "--lang", lang)
    assert code == 1 and err.startswith(t("rollback_already", lang, batch=later, when="")[:12])


# --------------------------------------------------------------------------- 9: the contributor's account removed

@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_review_list_says_the_contributor_has_no_account_any_more(demo_url, capsys, lang):
    engine = open_store(demo_url)
    who = _people(engine)
    sid = S.submit(engine, who["adulm"], "obsA.csv", ROW).submission_id
    assert A.remove_account(engine, A.OPERATOR, ADULM)
    row = next(s for s in S.listing(engine, who["ed"]) if s["submission_id"] == sid)
    assert row["contributor_gone"] is True
    assert not any(s["contributor_gone"] for s in S.listing(engine, who["ed"]) if s["submission_id"] != sid)
    code, out, _ = run(capsys, "review", "list", "--as", ED, "--db", demo_url, "--lang", lang)
    assert code == 0
    line = next(line.split("\t") for line in out.splitlines() if line.startswith(f"{sid}\t"))
    assert line[3] == f"{ADULM} ({t('submission_no_account', lang)})"

    page = review_page({"lang": lang}, {"_account": ED, "review_pick": sid})
    assert [i.value for i in page.info if i.value == t("review_contributor_gone", lang, email=ADULM)]
    everything = next(d.value for d in page.dataframe if "#" in d.value.columns)
    assert everything.set_index("#").loc[sid, t("submission_by", lang)] == line[3]

    code, out, err = run(capsys, "review", "approve", str(sid), "--as", ED, "--db", demo_url, "--lang", lang)
    assert code == 0, err                                      # approving stays possible
    assert list_batches(engine).iloc[0]["user"] == f"{ADULM} (reviewed by {ED})"
