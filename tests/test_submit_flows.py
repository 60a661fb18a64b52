"""Partners submit flows too (DESIGN "People and rights": a contributor submits observations for the
indicators its partner owns; flows, origin -> destination, are the observations of flow indicators such as
cross-border commuters).

A contributor's flows file goes through the same loop as its observations: checked at once, kept for
review, previewed by an editor (dry run, the rows approving would add, in words), returned with a comment,
corrected, approved as one batch naming contributor and reviewer, and undone by a rollback. A row of another
partner's indicator refuses the whole file, naming file, row, column and value. A workbook mixing an
observations sheet and a flows sheet is read as an import reads it. The Partners page's list of what is
due offers the partner's flow indicators in the flows format (a flows CSV, a flows sheet of the workbook),
and that file, filled in, is accepted from the partner's contributor.

Before, `CONTRIBUTOR_TABLES` left flows out (any flows file was refused) and the list of what is due named
the flow indicators as "through an editor" instead of offering them."""
from __future__ import annotations

import io

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from indicators import accounts as A
from indicators import submissions as S
from indicators.i18n import t
from indicators.importing import import_files
from indicators.queries import load_flows, load_framework, load_observations
from indicators.store import list_batches, open_store

from .conftest import ROOT, switch_page
from .helpers import workbook
from .partners_harness import downloads, partners_page, read_due_csv  # noqa: F401  (the fixture)

APP = str(ROOT / "app.py")
FLOW_CODES = ["indicator_id", "origin_id", "destination_id", "period", "value"]


@pytest.fixture
def people(demo_url):
    engine = open_store(demo_url)
    admin = A.add_account(engine, A.OPERATOR, "admin@example.org", "admin")
    yield engine, {
        "editor": A.add_account(engine, admin, "editor@mel.fr", "editor", password="editor-pass-1"),
        "adulm": A.add_account(engine, admin, "data@adulm.fr", "contributor", partner_id="ADULM",
                               password="adulm-pass-1"),
    }
    engine.dispose()


def _pairs(engine, indicator: str) -> list[tuple[str, str]]:
    flows = load_flows(engine)
    mine = flows[flows["indicator_id"] == indicator]
    return sorted(set(zip(mine["origin_id"], mine["destination_id"])))


def _next_period(engine, indicator: str) -> str:
    flows = load_flows(engine)
    return str(int(flows.loc[flows["indicator_id"] == indicator, "period"].max()) + 1)


def _french_flows(engine, indicator: str, values: list[str], extra: str = "") -> bytes:
    """The indicator's flows for its next year, as French Excel saves them: Windows-1252, `;`, French
    headers, decimal comma."""
    period = _next_period(engine, indicator)
    lines = ["indicateur;origine;destination;période;valeur"]
    lines += [f"{indicator};{o};{d};{period};{v}" for (o, d), v in zip(_pairs(engine, indicator), values)]
    return ("\r\n".join(lines) + "\r\n" + extra).encode("cp1252")


def test_a_contributor_sends_its_flows_the_editor_returns_then_approves_and_a_rollback_undoes_them(people):
    engine, who = people
    pairs = _pairs(engine, "MOB10")
    period = _next_period(engine, "MOB10")
    before = load_flows(engine)
    first = S.submit(engine, who["adulm"], "navetteurs.csv", _french_flows(engine, "MOB10", ["9 850"] * len(pairs)))
    assert first.submission_id is not None, [p.as_dict() for p in first.checked.problems]
    assert first.checked.files[0]["kind"] == "flows" and first.checked.files[0]["separator"] == ";"
    assert len(load_flows(engine)) == len(before)                  # nothing reaches the dashboard before review

    outcome = S.preview(engine, who["editor"], first.submission_id)
    assert outcome.result.counts["flows"]["added"] == len(pairs)
    (item,) = S.to_approve(engine, outcome)
    assert item.table == "flows" and item.total == len(pairs)
    shown = S.readable_to_approve(item, load_framework(engine), "fr")
    assert {"Origine", "Destination"} <= set(shown.columns)
    assert any("Hauts-de-France" in str(v) for v in shown["Origine"])
    assert set(shown["Valeur"]) == {"9\u202f850\xa0personnes"}

    S.send_back(engine, who["editor"], first.submission_id, "Chiffres provisoires : ajoutez le flag p")
    mine = S.listing(engine, who["adulm"])
    assert mine[0]["status"] == S.RETURNED and "flag p" in mine[0]["comment"]
    second = S.submit(engine, who["adulm"], "navetteurs.csv",
                      _french_flows(engine, "MOB10", ["9 850 p"] * len(pairs)), replaces=first.submission_id)
    assert second.submission_id is not None
    done = S.approve(engine, who["editor"], second.submission_id)
    assert done.ok and done.result.counts["flows"]["added"] == len(pairs)
    batch = list_batches(engine).set_index("batch_id").loc[done.result.batch_id]
    assert "data@adulm.fr" in batch["user"] and "editor@mel.fr" in batch["user"]
    after = load_flows(engine)
    new = after[(after["indicator_id"] == "MOB10") & (after["period"] == period)]
    assert sorted(zip(new["origin_id"], new["destination_id"])) == pairs
    assert set(new["value"]) == {9850.0} and set(new["flag"]) == {"p"}

    A.rollback_as(engine, who["editor"], done.result.batch_id)
    assert len(load_flows(engine)) == len(before)
    assert S.state(S.listing(engine, who["adulm"])[0]) == S.ROLLED_BACK


@pytest.mark.parametrize("lang, words", [("fr", ("fichier", "ligne 4", "colonne indicateur", "valeur CIT08")),
                                         ("nl", ("bestand", "rij 4", "kolom indicateur", "waarde CIT08")),
                                         ("en", ("file", "row 4", "column indicateur", "value CIT08"))])
def test_a_flows_row_of_another_partners_indicator_refuses_the_whole_file_naming_where(people, lang, words):
    """ADULM owns MOB10; CIT08's flows (students across the border) are ULILLE's: one such row, the file's
    fourth as a spreadsheet numbers it, refuses the whole file, and the message says where it is."""
    engine, who = people
    assert "ULILLE" in str(load_framework(engine)["indicators"].set_index("indicator_id").loc["CIT08", "owner"])
    origin, destination = _pairs(engine, "CIT08")[0]
    content = _french_flows(engine, "MOB10", ["100", "200"],
                            extra=f"CIT08;{origin};{destination};{_next_period(engine, 'MOB10')};300\r\n")
    queue = S.listing(engine, who["editor"])
    with pytest.raises(A.Refused) as refused:
        S.submit(engine, who["adulm"], "flux_adulm.csv", content)
    text = refused.value.text(lang)
    assert "CIT08" in text and "MOB10" not in text and "flux_adulm.csv" in text
    for word in words:
        assert word in text, text
    assert S.listing(engine, who["editor"]) == queue                # nothing kept


def test_an_observations_row_of_another_partner_is_named_where_it_is_too(people):
    engine, who = people
    obs = load_observations(engine)
    row = obs[obs["indicator_id"] == "MOB04"].iloc[0]              # EUROMETROPOLE's
    content = ("Indicator;Territory;Period;Value\r\n"
               f"ECO06;{row['territory_id']};2030;1\r\nMOB04;{row['territory_id']};2030;2\r\n").encode()
    with pytest.raises(A.Refused) as refused:
        S.submit(engine, who["adulm"], "values.csv", content)
    text = refused.value.text("en")
    assert "values.csv" in text and "row 3" in text and "column Indicator" in text and "value MOB04" in text


def _mixed(engine) -> bytes:
    """ADULM's observations sheet and flows sheet in one workbook, as a planner fills them in."""
    obs = load_observations(engine)
    eco = obs[obs["indicator_id"] == "ECO06"]
    territory, period = eco["territory_id"].iloc[0], str(int(eco["period"].max()) + 1)
    flows_period = _next_period(engine, "MOB11")
    return workbook({
        "observations": [["indicator_id", "territory_id", "period", "value"], ["ECO06", territory, period, 41250]],
        "flows": [["indicator_id", "origin_id", "destination_id", "period", "value", "note"]]
                 + [["MOB11", o, d, flows_period, 900 + i, "enquête 2024"]
                    for i, (o, d) in enumerate(_pairs(engine, "MOB11"))],
    })


def test_a_workbook_of_observations_and_flows_is_reviewed_and_imported_as_an_import_would(people):
    engine, who = people
    content = _mixed(engine)
    n_flows = len(_pairs(engine, "MOB11"))
    as_import = import_files(engine, [("partenaire.xlsx", content)], dry_run=True).result.counts
    before_obs, before_flows = len(load_observations(engine)), len(load_flows(engine))
    sent = S.submit(engine, who["adulm"], "partenaire.xlsx", content)
    assert sent.submission_id is not None, [p.as_dict() for p in sent.checked.problems]
    assert {f["kind"] for f in sent.checked.files} == {"observations", "flows"}

    outcome = S.preview(engine, who["editor"], sent.submission_id)
    assert outcome.result.counts == as_import
    assert as_import["observations"]["added"] == 1 and as_import["flows"]["added"] == n_flows
    assert [item.table for item in S.to_approve(engine, outcome)] == ["observations", "flows"]
    done = S.approve(engine, who["editor"], sent.submission_id)
    assert done.ok
    assert len(load_observations(engine)) == before_obs + 1 and len(load_flows(engine)) == before_flows + n_flows
    assert list_batches(engine).iloc[0]["batch_id"] == done.result.batch_id       # both tables, one batch

    A.rollback_as(engine, who["editor"], done.result.batch_id)
    assert len(load_observations(engine)) == before_obs and len(load_flows(engine)) == before_flows


# ---------------------------------------------------------------- the pages

@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_the_list_of_what_is_due_offers_flow_indicators_in_the_flows_format(people, downloads, lang):
    engine, who = people
    at = partners_page(lang, "ADULM")
    stem = f"{t('partner_due_file', lang)}_ADULM"
    flows_csv = read_due_csv(downloads[f"{stem}_{t('partner_due_flows_file', lang)}.csv"])
    assert list(flows_csv.columns[:5]) == FLOW_CODES, list(flows_csv.columns)
    assert set(flows_csv["indicator_id"]) == {"MOB10", "MOB11"} and (flows_csv["value"] == "").all()
    expected = {(i, o, d, p) for i in ("MOB10", "MOB11") for o, d in _pairs(engine, i)
                for p in (_next_period(engine, i), str(int(_next_period(engine, i)) + 1))}
    assert set(zip(flows_csv["indicator_id"], flows_csv["origin_id"], flows_csv["destination_id"],
                   flows_csv["period"])) == expected
    assert t("download_origin_name", lang) in flows_csv.columns
    observations_csv = read_due_csv(downloads[f"{stem}.csv"])
    assert not {"MOB10", "MOB11"} & set(observations_csv["indicator_id"])   # each in its own table
    book = openpyxl.load_workbook(io.BytesIO(downloads[f"{stem}.xlsx"]))
    assert book.sheetnames == ["observations", "flows"]
    captions = " ".join(c.value for c in at.caption)
    assert "MOB10" in captions and t("partner_due_flows_help", lang, ids="", page="")[:20] in captions
    assert "through an editor" not in captions and "via een redacteur" not in captions


def test_filled_in_the_due_workbook_goes_through_review_with_its_flows(people, downloads):
    engine, who = people
    partners_page("fr", "ADULM")
    book = openpyxl.load_workbook(io.BytesIO(downloads["a_envoyer_ADULM.xlsx"]))
    filled = {}
    for name in book.sheetnames:
        ws = book[name]
        header = [c.value for c in ws[1]]
        rows = list(ws.iter_rows(min_row=2))
        for row in rows:
            row[header.index("value")].value = 40      # a share in % among them: at most 100
        filled[name] = len(rows)
    out = io.BytesIO()
    book.save(out)
    sent = S.submit(engine, who["adulm"], "a_envoyer_ADULM.xlsx", out.getvalue())
    assert sent.submission_id is not None, [p.as_dict() for p in sent.checked.problems]
    assert {k: len(v) for k, v in sent.checked.tables.items()} == filled
    done = S.approve(engine, who["editor"], sent.submission_id)
    assert done.ok and done.result.counts["flows"]["added"] == filled["flows"] > 0


def test_a_partner_owing_only_flows_gets_a_workbook_of_flows(people, downloads):
    """ULILLE owes only CIT08, measured as flows: the observations CSV is off, the flows come as a CSV and
    as the workbook's only sheet."""
    partners_page("en", "ULILLE")
    assert read_due_csv(downloads["due_ULILLE_flows.csv"])["indicator_id"].unique().tolist() == ["CIT08"]
    assert openpyxl.load_workbook(io.BytesIO(downloads["due_ULILLE.xlsx"])).sheetnames == ["flows"]


def test_the_editor_reads_a_flows_submission_with_both_ends_named(people):
    engine, who = people
    pairs = _pairs(engine, "MOB10")
    sent = S.submit(engine, who["adulm"], "flux.csv", _french_flows(engine, "MOB10", ["10 000"] * len(pairs)))
    assert sent.submission_id is not None
    at = AppTest.from_file(APP, default_timeout=120)
    at.context = {"locale": "fr-FR", "timezone": "Europe/Paris"}
    at.query_params["lang"] = "fr"
    at.run()
    switch_page(at, "pages/review.py").run()
    at.text_input(key="account_login_email").input("editor@mel.fr")
    at.text_input(key="account_login_password").input("editor-pass-1")
    at.get("form_submit_button")[0].click().run()
    at.selectbox(key="review_pick").set_value(sent.submission_id).run()
    assert not at.exception, at.exception
    table = next(d.value for d in at.dataframe if "Origine" in d.value.columns)
    assert len(table) == len(pairs) and "origin_id" not in table.columns
    assert any(str(v).startswith("FRE · Hauts-de-France") for v in table["Origine"])
    assert any(t("review_rows_in", "fr", table="Flux", n=str(len(pairs))) == c.value for c in at.caption)
