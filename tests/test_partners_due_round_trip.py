"""The Partners page's "list of what is due" is a table of observations to fill in (DESIGN: every download
is in the import format, codes first, so that filling it in and uploading it again is a round trip):
`indicator_id, territory_id, period, value` first, one row per due indicator × territory (those it has
values or a target for) × period due, `value` empty; names and the due words in extra columns, in the
page's language, which the import ignores with a notice. It was `Partner;Indicator;…` with the partner's
name first: it could not be filled in, and uploaded back it was taken for a partners table and refused.

Filled in, it is accepted from that partner's contributor and imports; left empty, its rows are "no
value" rows (a notice) and nothing is stored. Both as CSV and XLSX, through downloads.py's spreadsheet
guard (a name starting like a formula stays text)."""
from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from indicators import accounts as A
from indicators import downloads as D
from indicators import partners as P
from indicators import submissions as S
from indicators.i18n import t
from indicators.importing import validate_files
from indicators.queries import load_framework, load_observations
from indicators.store import open_store

from .partners_harness import downloads, partners_page, read_due_csv  # noqa: F401  (the fixture)

CODES = ["indicator_id", "territory_id", "period", "value"]
EXTRA = ("download_indicator_name", "download_territory_name", "partner_due_unit", "periodicity_label",
         "partner_latest_period", "partner_periods_behind", "partner_state")


def _files(downloads: dict, lang: str, partner: str) -> tuple[bytes, bytes]:
    stem = f"{t('partner_due_file', lang)}_{partner}"
    return downloads[f"{stem}.csv"], downloads[f"{stem}.xlsx"]


def _expected(url: str, partner: str) -> set[tuple[str, str, str]]:
    """(indicator, territory, period) the partner owes, worked out here from the store: its annual
    indicators whose latest year is behind the store's latest year, for every territory the indicator has
    a value or a target for, each year after its latest."""
    engine = open_store(url)
    fw, obs = load_framework(engine), load_observations(engine)
    engine.dispose()
    owned = fw["indicators"][fw["indicators"]["owner"].fillna("").str.split("|").map(lambda c: partner in c)]
    reference = int(obs["period"].str[:4].astype(int).max())
    out = set()
    for iid in owned["indicator_id"]:
        mine = obs[obs["indicator_id"] == iid]
        if mine.empty:
            continue
        latest = int(mine["period"].str[:4].astype(int).max())
        places = set(mine["territory_id"]) | set(fw["targets"].loc[fw["targets"]["indicator_id"] == iid, "territory_id"])
        out |= {(iid, place, str(year)) for place in places for year in range(latest + 1, reference + 1)}
    return out


def _notices(checked) -> dict[str, dict]:
    return {p.code: p.params for p in checked.problems}


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_the_list_is_observations_to_fill_in_codes_first_words_in_the_pages_language(demo_url, downloads, lang):
    at = partners_page(lang, "PROV_WVL")
    raw, book = _files(downloads, lang, "PROV_WVL")
    sent = read_due_csv(raw)
    assert list(sent.columns[:4]) == CODES, list(sent.columns)
    assert [t(k, lang) for k in EXTRA] == list(sent.columns[7:])          # names and due words after the codes
    assert not {"Partner", "Partenaire", "partner_id"} & set(sent.columns)   # it was read as a partners table
    assert (sent["value"] == "").all() and len(sent)
    assert set(zip(sent["indicator_id"], sent["territory_id"], sent["period"])) == _expected(demo_url, "PROV_WVL")
    assert len(sent) == len(_expected(demo_url, "PROV_WVL"))
    assert set(sent[t("periodicity_label", lang)]) == {t("periodicity_annual", lang)}
    assert set(sent[t("partner_state", lang)]) <= {t(f"fresh_{s}", lang) for s in ("due", "overdue", "no_data")}
    assert all(sent[t("download_territory_name", lang)] != "")
    # uploaded back as it is: observations, no error, every row a "no value" row, the extra columns ignored
    engine = open_store(demo_url)
    for name, content in (("due.csv", raw), ("due.xlsx", book)):
        checked = validate_files(engine, [(name, content)])
        assert checked.files[0]["kind"] == "observations", checked.files
        assert not [p for p in checked.problems if p.severity == "error"], checked.problems
        notices = _notices(checked)
        assert notices["no_value_rows"]["count"] == len(sent)
        assert notices["ignored_columns"]["columns"] == ", ".join(t(k, lang) for k in EXTRA)
    engine.dispose()
    assert openpyxl.load_workbook(io.BytesIO(book)).sheetnames == ["observations"]   # sheet named as the table
    # the page says what the file is and how it comes back
    captions = " ".join(c.value for c in at.caption)
    assert t("partner_due_file_help", lang, page=t("page_review", lang)) in captions


def _people(url: str):
    engine = open_store(url)
    admin = A.add_account(engine, A.OPERATOR, "admin@example.org", "admin")
    return engine, (A.add_account(engine, admin, "editor@mel.fr", "editor"),
                    A.add_account(engine, admin, "jan@west-vlaanderen.be", "contributor", partner_id="PROV_WVL"))


def test_filled_in_it_is_accepted_from_the_partners_contributor_and_imports(demo_url, downloads):
    partners_page("nl", "PROV_WVL")
    raw, book = _files(downloads, "nl", "PROV_WVL")
    sent = read_due_csv(raw)
    values = [70.5 + i for i in range(len(sent))]
    # as a Dutch Excel saves it: `;`, decimal comma, the extra columns kept
    filled = sent.assign(value=[f"{v:.1f}".replace(".", ",") for v in values])
    content = filled.to_csv(index=False, sep=";", lineterminator="\r\n").encode("utf-8-sig")
    engine, (editor, jan) = _people(demo_url)
    before = len(load_observations(engine))
    done = S.submit(engine, jan, "aan_te_leveren_PROV_WVL.csv", content)
    assert done.submission_id is not None
    assert not [p for p in done.checked.problems if p.severity == "error"]
    assert "ignored_columns" in _notices(done.checked) and "no_value_rows" not in _notices(done.checked)
    outcome = S.approve(engine, editor, done.submission_id)
    assert outcome.ok and outcome.result.summary()["added"] == len(sent)
    after = load_observations(engine)
    assert len(after) == before + len(sent)
    stored = after.set_index(["indicator_id", "territory_id", "period"])["value"]
    for row, value in zip(sent.itertuples(index=False), values):
        assert stored.loc[(row.indicator_id, row.territory_id, row.period)] == pytest.approx(value)

    # the workbook too: a value typed in its value column, a flag beside it
    wb = openpyxl.load_workbook(io.BytesIO(book))
    ws = wb["observations"]
    header = [c.value for c in ws[1]]
    for i, row in enumerate(ws.iter_rows(min_row=2), start=0):
        row[header.index("value")].value = 10 + i
        row[header.index("flag")].value = "p"
    out = io.BytesIO()
    wb.save(out)
    done = S.submit(engine, jan, "aan_te_leveren_PROV_WVL.xlsx", out.getvalue())
    assert done.submission_id is not None and len(done.checked.tables["observations"]) == len(sent)
    assert S.approve(engine, editor, done.submission_id).result.summary()["updated"] == len(sent)
    engine.dispose()


def test_left_empty_it_stores_nothing_and_says_no_value(demo_url, downloads):
    partners_page("fr", "PROV_WVL")
    raw, _ = _files(downloads, "fr", "PROV_WVL")
    engine, (editor, jan) = _people(demo_url)
    before = load_observations(engine)
    done = S.submit(engine, jan, "a_envoyer_PROV_WVL.csv", raw)
    assert not [p for p in done.checked.problems if p.severity == "error"]
    assert _notices(done.checked)["no_value_rows"]["count"] == len(read_due_csv(raw))
    assert not any(len(frame) for frame in done.checked.tables.values())
    assert len(load_observations(engine)) == len(before)
    engine.dispose()


def test_what_an_observations_table_cannot_hold_is_named_beside_the_buttons(demo_url, downloads):
    """ADULM's commuter flows (origin → destination) are another table: left out of the observations file,
    named beside the buttons (offered as flows); a progress update an action leader owes is named too."""
    at = partners_page("fr", "ADULM")
    sent = read_due_csv(_files(downloads, "fr", "ADULM")[0])
    assert not {"MOB10", "MOB11"} & set(sent["indicator_id"]) and "ECO06" in set(sent["indicator_id"])
    captions = " ".join(c.value for c in at.caption)
    assert "MOB10" in captions and "MOB11" in captions
    at = partners_page("en", "CUD")    # only a progress update due: nothing to fill in, the buttons are off
    assert all(b.proto.disabled for b in at.get("download_button"))
    assert "A17" in " ".join(c.value for c in at.caption)


def test_periods_due_follow_the_periodicity():
    assert P.periods_due("2022", 2, "annual", "2024") == ["2023", "2024"]
    assert P.periods_due("2024-Q2", 3, "quarterly", None) == ["2024-Q3", "2024-Q4", "2025-Q1"]
    assert P.periods_due("2024-11", 2, "monthly", None) == ["2024-12", "2025-01"]
    assert P.periods_due("2018", 2, "multiannual", None) == ["2021", "2024"]
    assert P.periods_due(None, None, "quarterly", "2025") == ["2025-Q4"]        # no value yet: the latest period
    late = P.periods_due("2000", 25, "annual", None)
    assert len(late) == P.MAX_PERIODS_DUE and late[-1] == "2025"


def test_the_list_keeps_a_formula_like_name_as_text_and_names_its_file():
    due = pd.DataFrame([{"partner_id": "X", "indicator_id": "I1", "action_id": "A1", "name": "=HYPERLINK(\"x\")",
                         "periodicity": "quarterly", "latest_period": "2024-Q1", "periods_behind": 2,
                         "state": "overdue", "periods_due": ["2024-Q2", "2024-Q3"]},
                        {"partner_id": "X", "indicator_id": None, "action_id": "A2", "name": "Suivi",
                         "periodicity": "semester", "latest_period": None, "periods_behind": None,
                         "state": "no_update", "periods_due": []}])
    framework = {"indicators": pd.DataFrame([{"indicator_id": "I1", "unit": "%"}]),
                 "territories": pd.DataFrame([{"territory_id": "T1", "name_fr": "Terre"}]),
                 "targets": pd.DataFrame([{"indicator_id": "I1", "territory_id": "T1"}])}
    frame = P.due_download(due, "en", framework, pd.DataFrame(columns=["indicator_id", "territory_id"]))
    sent = read_due_csv(D.to_excel_csv(frame, reversible=True))
    assert sent[["indicator_id", "territory_id", "period"]].values.tolist() == [["I1", "T1", "2024-Q2"],
                                                                                 ["I1", "T1", "2024-Q3"]]
    assert sent["Indicator name"].tolist() == ["'=HYPERLINK(\"x\")"] * 2
    assert sent["Periodicity"].tolist() == ["quarterly"] * 2 and sent["State"].tolist() == ["overdue"] * 2
    assert sent["Territory name"].tolist() == ["Terre"] * 2 and sent["Behind (periods)"].tolist() == ["2"] * 2
    assert P.due_file_name("A/B..", "fr", "csv") == "a_envoyer_A_B_.csv"
