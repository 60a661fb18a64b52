"""Every download the product offers comes back in: uploaded unchanged it brings nothing new, uploaded
with one edited value it brings exactly that update (DESIGN.md, file formats)."""
from __future__ import annotations

import pandas as pd
import pytest

from indicators import downloads, i18n, indicator_tables, wording
from indicators.exporting import export_frames, to_csv_bytes, to_xlsx_bytes
from indicators.importing import import_files
from indicators.queries import load_framework, load_observations
from indicators.schema import TABLES
from indicators.store import read_table

LANGS = ("fr", "nl", "en")


def explorer_download(engine, code: str, lang: str) -> pd.DataFrame:
    """What the Explorer's download buttons hand out for one indicator (pages/explorer.py)."""
    fw = load_framework(engine)
    obs = load_observations(engine)
    obs = obs[obs["indicator_id"] == code]
    ind = fw["indicators"][fw["indicators"]["indicator_id"] == code].iloc[0].to_dict()
    labels = wording.territory_labels(fw["territories"], lang)
    names = {"indicator": {code: i18n.name(ind, "name", lang)},
             "territory": {c: v[0] for c, v in labels.items()}, "country": {c: v[1] for c, v in labels.items()}}
    return downloads.observations_download(obs, names, lang)


def counts(outcome) -> dict:
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems if p.severity == "error"]
    return outcome.result.summary()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_explorer_download_comes_back_in(demo, lang, form):
    frame = explorer_download(demo, "MOB04", lang)
    assert list(frame.columns[:4]) == ["indicator_id", "territory_id", "period", "value"]
    raw = downloads.to_excel_csv(frame, reversible=True) if form == "csv" else downloads.to_xlsx(frame, "observations")
    name = f"MOB04_{lang}.{form}"
    same = import_files(demo, [(name, raw)], user="test", dry_run=True)
    got = counts(same)
    assert (got["added"], got["updated"]) == (0, 0) and got["unchanged"] == len(frame)
    notices = " ".join(p.message(lang) for p in same.checked.problems if p.severity == "notice")
    assert i18n.t("download_territory_name", lang) in notices          # names ride along, ignored with a word
    edited = frame.copy()
    edited.loc[edited.index[0], "value"] = 123456.5
    raw = downloads.to_excel_csv(edited, reversible=True) if form == "csv" else downloads.to_xlsx(edited, "observations")
    got = counts(import_files(demo, [(name, raw)], user="test"))
    assert (got["added"], got["updated"], got["unchanged"]) == (0, 1, len(frame) - 1)
    obs = read_table(demo, "observations")
    row = edited.iloc[0]
    stored = obs[(obs.indicator_id == "MOB04") & (obs.territory_id == row.territory_id) & (obs.period == row.period)]
    assert stored["value"].tolist() == [123456.5]


@pytest.mark.parametrize("table", ["observations", "targets", "indicators", "territories"])
def test_export_of_every_table_comes_back_in_csv_and_xlsx(demo, table):
    frame = export_frames(demo, table)[table]
    for raw, name in ((to_csv_bytes(frame), f"{table}.csv"), (to_xlsx_bytes({table: frame}), f"{table}.xlsx")):
        got = counts(import_files(demo, [(name, raw)], user="test", dry_run=True))
        assert (got["added"], got["updated"]) == (0, 0), name


def test_export_keeps_every_digit_of_a_stored_number_in_csv_and_xlsx(demo):
    """Values as pandas or R write them need 17 significant digits; openpyxl wrote 16 (0.30000000000000004
    came back 0.3), so importing an XLSX export updated them: the backup did not restore the store."""
    values = ["0.30000000000000004", "1234.5678901234567", "123456789012345678", "2.220446049250313e-16"]
    raw = ("indicator_id,territory_id,period,value\n"
           + "".join(f"MOB04,59350,{2040 + i},{v}\n" for i, v in enumerate(values))).encode()
    assert import_files(demo, [("precise.csv", raw)], user="test").ok
    frame = export_frames(demo, "observations")["observations"]
    for raw, name in ((to_csv_bytes(frame), "observations.csv"), (to_xlsx_bytes({"observations": frame}), "observations.xlsx"),
                      (downloads.to_xlsx(frame, "observations"), "download.xlsx")):
        got = counts(import_files(demo, [(name, raw)], user="test", dry_run=True))
        assert (got["added"], got["updated"]) == (0, 0), name
    stored = read_table(demo, "observations").query("indicator_id == 'MOB04' and period >= '2040'")
    assert sorted(stored["value"]) == sorted(float(v) for v in values)


def actions_download(engine, lang: str) -> pd.DataFrame:
    """What the Actions page's download buttons hand out with no filter (pages/actions.py)."""
    from indicators.progress import assess_all, rollup_actions

    fw = load_framework(engine)
    obs = load_observations(engine)
    roll = rollup_actions(indicator_tables.fill_headlines(assess_all(obs, fw["indicators"], fw["targets"])),
                          fw["indicators"], fw["actions"])
    per_action = pd.DataFrame({"action_id": roll["action_id"].astype(str),
                               "status_text": [wording.status_text(s, lang, "linear", True) for s in roll["status"]],
                               "progress": roll["score"], "indicators": 1})
    return downloads.actions_download(fw["actions"], per_action, downloads.level_theme_names(fw, lang), lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_actions_download_comes_back_in(demo, lang, form):
    frame = actions_download(demo, lang)
    assert list(frame.columns[:3]) == ["action_id", "level_id", "theme_id"]
    assert frame[i18n.t("download_theme_name", lang)].ne("").all()      # every action's theme named
    write = (lambda f: downloads.to_excel_csv(f, reversible=True)) if form == "csv" else (
        lambda f: downloads.to_xlsx(f, "actions"))
    name = f"actions_{lang}.{form}"
    same = import_files(demo, [(name, write(frame))], user="test", dry_run=True)
    got = counts(same)
    assert (got["added"], got["updated"]) == (0, 0) and got["unchanged"] == len(frame)
    notices = " ".join(p.message(lang) for p in same.checked.problems if p.severity == "notice")
    assert i18n.t("download_action_status", lang) in notices
    edited = frame.copy()
    edited.loc[edited.index[1], "title_en"] = "Edited title"
    got = counts(import_files(demo, [(name, write(edited))], user="test"))
    assert (got["added"], got["updated"], got["unchanged"]) == (0, 1, len(frame) - 1)
    stored = read_table(demo, "actions").set_index("action_id")
    assert stored.at[edited.iloc[1]["action_id"], "title_en"] == "Edited title"
    assert stored.at[edited.iloc[0]["action_id"], "title_en"] == frame.iloc[0]["title_en"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("table", list(__import__("indicators.schema", fromlist=["TABLES"]).TABLES))
def test_templates_come_back_in_with_their_example_values(table, lang):
    """Each template as the Data page writes it (French CSV; XLSX with a notes sheet in the page's
    language): as downloaded it has nothing to import, its example row being the template's (finding N30
    2); a planner's row written below it in the example's own words reads back as its table with exactly
    the example's values (another first code, the example's text cleared), the example row left out with a
    notice. The notes sheet is skipped with a notice. Only the example's codes may be unknown (they name
    rows of the other templates)."""
    from indicators.reading import read_file
    from indicators.templates import EXAMPLE_MARK, notes, template
    from indicators.validation import check

    first, mark = TABLES[table].key[0], EXAMPLE_MARK[table]

    def filled(frame):   # the example, then the planner's copy of it under another code
        copy = frame.iloc[0].to_dict()
        copy[first], copy[mark] = copy[first] + "X", ""
        return pd.concat([frame, pd.DataFrame([copy])], ignore_index=True)

    typed = template(table, typed=True, lang=lang).iloc[0].to_dict()
    typed[first], typed[mark] = typed[first] + "X", ""
    for fill in (False, True):
        csv, xlsx = template(table, lang=lang), template(table, typed=True, lang=lang)
        files = {f"{table}.csv": to_csv_bytes(filled(csv) if fill else csv, sep=";", decimal=",",
                                              encoding="utf-8-sig"),
                 f"{table}.xlsx": to_xlsx_bytes({table: filled(xlsx) if fill else xlsx},
                                                notes={i18n.t("notes_sheet", lang): notes(table, lang)})}
        for name, raw in files.items():
            checked = check([read_file(raw, name)])
            codes = [p.code for p in checked.problems]
            said = {"unknown_code", "notes_sheet_skipped", "template_example_row" if fill else "only_template_example"}
            assert set(codes) <= said and said - {"unknown_code", "notes_sheet_skipped"} <= set(codes), (name, codes)
            assert ("notes_sheet_skipped" in codes) == name.endswith(".xlsx"), name
            if not fill:
                continue
            assert len(checked.tables[table]) == 1, name
            row = checked.tables[table].iloc[0]
            for column, expected in typed.items():
                got = row[column]
                if expected == "":
                    assert pd.isna(got), (name, column, got)
                elif isinstance(expected, (int, float)):
                    assert float(got) == float(expected), (name, column, got)
                else:
                    assert str(got) == str(expected), (name, column, got)


def health_download(engine, lang: str) -> pd.DataFrame:
    """What Data health's download buttons hand out (pages/health.py: the freshness table's words)."""
    from indicators import health as H

    fw = load_framework(engine)
    fresh = H.assess_health(fw["indicators"], load_observations(engine)).freshness.reset_index(drop=True)
    words = {i18n.t("state", lang): [H.freshness_label(s, lang) for s in fresh["state"]],
             i18n.t("latest_period", lang): [p or "–" for p in fresh["latest_period"]],
             i18n.t("health_behind", lang): [H.behind_text(r, lang) for r in fresh.to_dict("records")]}
    return downloads.indicators_download(fw["indicators"], fresh, words, lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_health_download_comes_back_in(demo, lang, form):
    frame = health_download(demo, lang)
    assert frame.columns[0] == "indicator_id" and frame[i18n.t("state", lang)].ne("").all()
    write = (lambda f: downloads.to_excel_csv(f, reversible=True)) if form == "csv" else (
        lambda f: downloads.to_xlsx(f, "indicators"))
    name = f"indicators_{lang}.{form}"
    same = import_files(demo, [(name, write(frame))], user="test", dry_run=True)
    got = counts(same)
    assert (got["added"], got["updated"]) == (0, 0) and got["unchanged"] == len(frame)
    notices = " ".join(p.message(lang) for p in same.checked.problems if p.severity == "notice")
    assert i18n.t("health_behind", lang) in notices
    edited = frame.copy()
    edited.loc[edited.index[2], "owner"] = "Statbel – team B"
    got = counts(import_files(demo, [(name, write(edited))], user="test"))
    assert (got["added"], got["updated"], got["unchanged"]) == (0, 1, len(frame) - 1)
    stored = read_table(demo, "indicators").set_index("indicator_id")
    assert stored.at[edited.iloc[2]["indicator_id"], "owner"] == "Statbel – team B"


@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_history_download_restores_exactly_the_previous_values(demo, form):
    """The history's download of a batch's previous values: after the batch's rollback, uploaded
    unchanged it brings nothing new; with one edited value, exactly that update."""
    from indicators.store import batch_changes, rollback

    before = read_table(demo, "observations")
    frame = explorer_download(demo, "MOB04", "fr").iloc[:3].copy()
    frame["value"] = [111.25, 222.5, 333.75]
    outcome = import_files(demo, [("edit.csv", downloads.to_excel_csv(frame, reversible=True))], user="test")
    assert counts(outcome)["updated"] == 3
    batch = outcome.result.batch_id
    previous = downloads.previous_values(batch_changes(demo, batch))["observations"]
    assert len(previous) == 3 and list(previous.columns[:4]) == ["indicator_id", "territory_id", "period", "value"]
    rollback(demo, batch, user="test")
    write = (lambda f: downloads.to_excel_csv(f, reversible=True)) if form == "csv" else (
        lambda f: downloads.to_xlsx(f, "observations"))
    got = counts(import_files(demo, [(f"previous.{form}", write(previous))], user="test", dry_run=True))
    assert (got["added"], got["updated"], got["unchanged"]) == (0, 0, 3)
    edited = previous.copy()
    edited.loc[edited.index[0], "value"] = 42.125
    got = counts(import_files(demo, [(f"previous.{form}", write(edited))], user="test"))
    assert (got["added"], got["updated"], got["unchanged"]) == (0, 1, 2)
    after = read_table(demo, "observations").set_index(["indicator_id", "territory_id", "period"])
    first = edited.iloc[0]
    assert after.at[(first.indicator_id, first.territory_id, str(first.period)), "value"] == 42.125
    second = edited.iloc[1]
    old = before.set_index(["indicator_id", "territory_id", "period"])
    key = (second.indicator_id, second.territory_id, str(second.period))
    assert after.at[key, "value"] == old.at[key, "value"]


@pytest.mark.parametrize("lang, expected", [("fr", "Valeur : "), ("nl", "Waarde: "), ("en", "Value: ")])
def test_history_previous_values_read_as_the_language_writes(demo, lang, expected):
    from indicators.changes import readable_history
    from indicators.store import batch_changes

    frame = explorer_download(demo, "MOB04", lang).iloc[:1].copy()
    frame["value"] = [98765.5]
    batch = import_files(demo, [("e.csv", downloads.to_excel_csv(frame, reversible=True))], user="t").result.batch_id
    shown = readable_history(batch_changes(demo, batch), load_framework(demo), lang)
    cell = shown[i18n.t("previous", lang)].iloc[0]
    assert cell.startswith(expected) and "{" not in cell and "None" not in cell, cell
