"""A template's example row is never imported as data (finding N30 2).

The Data page's templates (CSV and XLSX, every table) hold one example row. A planner who filled the
template below it, or left it in, stored `MOB01;59350;2023;12,5;p` as 12.5 provisional cross-border
workers in Lille, without a word; the targets template likewise stored a target for MOB01. The example
now says in one of its cells that it is one, and the import leaves it out with a notice naming its row.
"""
from __future__ import annotations

import pandas as pd
import pytest

from indicators.exporting import export_frames, to_csv_bytes, to_xlsx_bytes
from indicators.importing import import_files
from indicators.reading import read_file
from indicators.schema import TABLES
from indicators.store import read_table
from indicators.templates import notes, template
from indicators.validation import check

LANGS = ("fr", "nl", "en")


def page_files(table: str, lang: str, frame_csv=None, frame_xlsx=None) -> dict[str, bytes]:
    """The template of `table` as the Data page writes it (French CSV; XLSX with its notes sheet)."""
    csv = template(table, lang=lang) if frame_csv is None else frame_csv
    xlsx = template(table, typed=True, lang=lang) if frame_xlsx is None else frame_xlsx
    return {f"{table}.csv": to_csv_bytes(csv, sep=";", decimal=",", encoding="utf-8-sig"),
            f"{table}.xlsx": to_xlsx_bytes({table: xlsx}, notes={"notes": notes(table, lang)})}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("table", list(TABLES))
def test_a_template_uploaded_as_downloaded_has_nothing_to_import(table, lang):
    """Every table's template, CSV and XLSX: the example row is not a row of the table; the report says
    the table holds only the template's example, naming row 2, in the planner's language."""
    for name, raw in page_files(table, lang).items():
        checked = check([read_file(raw, name)])
        assert table not in checked.tables or checked.tables[table].empty, name
        errors = [p for p in checked.problems if p.severity == "error"]
        assert [p.code for p in errors] == ["only_template_example"], (name, [p.code for p in checked.problems])
        assert errors[0].row == 2 and "2" in errors[0].message(lang), name


@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_observations_filled_below_the_example_store_only_the_planners_rows(demo, form):
    """The finding's file: the example left in, the planner's rows below. Lille's MOB01 2023 stays
    absent from the store; the planner's row is stored; a notice names row 2."""
    typed = form == "xlsx"
    example = template("observations", typed=typed, lang="fr")
    mine = pd.DataFrame([{"indicator_id": "MOB01", "territory_id": "59350", "period": "2022",
                          "value": 41000 if typed else "41000", "flag": "", "note": "", "source": ""}])
    frame = pd.concat([example, mine], ignore_index=True)
    raw = page_files("observations", "fr", frame, frame)[f"observations.{form}"]
    outcome = import_files(demo, [(f"obs.{form}", raw)], user="test")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems]
    notices = [p for p in outcome.checked.problems if p.code == "template_example_row"]
    assert [p.row for p in notices] == [2]
    assert "MOB01, 59350, 2023" in notices[0].message("en") and "ligne d'exemple" in notices[0].message("fr")
    stored = read_table(demo, "observations")
    lille = stored[(stored["indicator_id"] == "MOB01") & (stored["territory_id"] == "59350")]
    assert "2023" not in set(lille["period"])
    assert float(lille.loc[lille["period"] == "2022", "value"].iloc[0]) == 41000


def test_a_template_downloaded_before_the_mark_is_recognised_by_its_values(demo):
    """The tester's own files, from the templates as they were (no mark): `MOB01;59350;2023;12,5;p` and
    the targets example are left out, the planner's rows kept."""
    obs = ("\ufeffindicator_id;territory_id;period;value;flag;note;source\r\n"
           "MOB01;59350;2023;12,5;p;;\r\nMOB01;59350;2022;41000;;;\r\n").encode("utf-8")
    targets = ("\ufeffindicator_id;territory_id;baseline_period;baseline_value;target_period;target_value;"
               "milestone_period;milestone_value;note;decided_on;reason\n"
               "MOB01;200093201;2018;2,1;2030;8;2027;5;;2024-03-15;\n").encode("utf-8")
    outcome = import_files(demo, [("obs.csv", obs)], user="test")
    assert outcome.ok and [p.row for p in outcome.checked.problems if p.code == "template_example_row"] == [2]
    stored = read_table(demo, "observations")
    assert stored[(stored["indicator_id"] == "MOB01") & (stored["territory_id"] == "59350")
                  & (stored["period"] == "2023")].empty
    checked = check([read_file(targets, "targets.csv")])
    assert [p.code for p in checked.problems if p.severity == "error"] == ["only_template_example"]


def test_the_planners_values_written_over_the_example_are_imported_without_its_text(demo):
    """Row 2 written over with the planner's values, the example's text left in its note: the row is the
    planner's, imported; the example's text is not stored as its note, and a notice says so."""
    frame = template("observations", lang="nl")
    frame.loc[0, ["period", "value", "flag"]] = ["2022", "41000", ""]
    raw = page_files("observations", "nl", frame, frame)["observations.csv"]
    outcome = import_files(demo, [("obs.csv", raw)], user="test")
    assert outcome.ok
    said = [p for p in outcome.checked.problems if p.code == "template_example_mark"]
    assert [(p.row, p.column) for p in said] == [(2, "note")] and "voorbeeldtekst" in said[0].message("nl")
    stored = read_table(demo, "observations")
    row = stored[(stored["indicator_id"] == "MOB01") & (stored["territory_id"] == "59350")
                 & (stored["period"] == "2022")]
    assert float(row["value"].iloc[0]) == 41000 and not str(row["note"].iloc[0] or "").strip()


def test_a_real_row_equal_to_a_short_example_is_imported(demo):
    """A partner MEL named only in French (what the partners template's example holds, without its mark)
    is a real row: an export of such a store comes back in whole, nothing left out."""
    raw = ("partner_id;name_fr;name_nl;name_en;country;kind\n"
           "MEL;Métropole Européenne de Lille;;;FR;metropolis\n").encode("utf-8")
    checked = check([read_file(raw, "partners.csv")])
    assert checked.ok and len(checked.tables["partners"]) == 1
    assert not [p for p in checked.problems if p.code.startswith("template_example")]


def test_the_demo_export_comes_back_whole(demo):
    """No stored row is ever taken for the example: the demo's export of each table reads back with
    every row."""
    for name, frame in export_frames(demo).items():
        if frame.empty:
            continue
        checked = check([read_file(to_csv_bytes(frame), f"{name}.csv")])
        assert not [p for p in checked.problems if p.code.startswith(("template_example", "only_template"))]
        assert len(checked.tables[name]) == len(frame), name


def test_every_table_has_its_mark_in_an_optional_text_column_the_example_leaves_empty():
    from indicators.templates import EXAMPLE_MARK

    for name, table in TABLES.items():
        column = table.column(EXAMPLE_MARK[name])
        assert column.kind == "text" and not column.required and not column.example, name
        assert template(name, lang="en").at[0, column.name] == "Example: replace or delete this row"
