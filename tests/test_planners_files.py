"""What planners' spreadsheets write in good faith, read right or told exactly what to change
(findings N30 3, 4, 5, 7 and L30 9, 13).

- a period typed `2024-03` that French, Dutch or English Excel turned into `mars-24`, `mrt-24`, `Mar-24`;
- a period written as a date (`31/12/2020`, an XLSX date cell): the year and the month to write;
- a total row and notes under an Excel table: said once, left out;
- `236?710`: the thousands space French Excel writes, lost in a Windows-1252 CSV;
- `1e-400` was stored as 0, `1e308` refused without naming the limit;
- `naam_fr` named `name_fr` in some tables only; a territories table missing one column was sent to mappings.
"""
from __future__ import annotations

import io
from datetime import datetime

import pytest

from indicators.importing import import_files, validate_files
from indicators.store import read_table


KNOWN = []


@pytest.fixture(autouse=True)
def _known(demo_read_only):
    """The demo store, only read: the codes the files name are known."""
    KNOWN[:] = [demo_read_only]


def checked_of(raw: bytes, name: str = "obs.csv"):
    return validate_files(KNOWN[0], [(name, raw)])


def errors(checked):
    return [p for p in checked.problems if p.severity == "error"]


def stored(engine, indicator: str, territory: str) -> dict[str, float]:
    obs = read_table(engine, "observations")
    mine = obs[(obs["indicator_id"] == indicator) & (obs["territory_id"] == territory)]
    return dict(zip(mine["period"], mine["value"].astype(float)))


# ---------------------------------------------------------------- months and dates in a period column

@pytest.mark.parametrize("cell", ["mars-24", "mrt-24", "Mar-24", "janv.-24", "févr.-24", "03/2024", "maart 2024"])
def test_a_month_excel_made_a_date_reads_as_that_month_with_a_notice(cell):
    month = "2024-01" if cell.startswith("janv") else "2024-02" if cell.startswith("févr") else "2024-03"
    raw = f"indicator_id;territory_id;period;value\nMOB03;59350;2023;5,1\nMOB03;59350;{cell};5,3\n".encode("utf-8")
    checked = checked_of(raw)
    assert checked.ok, [p.as_dict() for p in errors(checked)]
    assert list(checked.tables["observations"]["period"]) == ["2023", month]
    notice = [p for p in checked.problems if p.code == "months_read"]
    assert len(notice) == 1 and notice[0].row == 3 and notice[0].column == "period"
    said = notice[0].message("fr")
    assert cell in said and month in said and "Texte" in said


def test_a_typed_template_filled_in_french_excel_imports(demo):
    """The tester's file: the CSV template filled in French Excel, `2024-03` saved as `mars-24`."""
    raw = ("\ufeffindicator_id;territory_id;period;value;flag;note;source\r\n"
           "MOB03;59350;mars-24;5,3;;;\r\nMOB03;34022;2024-Q1;12,5;;;\r\n").encode("utf-8")
    outcome = import_files(demo, [("filled.csv", raw)], user="test")
    assert outcome.ok, [p.as_dict() for p in errors(outcome.checked)]
    assert stored(demo, "MOB03", "59350")["2024-03"] == 5.3


@pytest.mark.parametrize("cell", ["31/12/2020", "2020-12-31", "31.12.2020", "31-12-2020"])
def test_a_date_in_a_period_column_names_the_year_and_the_month_to_write(cell):
    raw = f"indicateur;territoire;Periode;waarde\nQOL05;34022;{cell};76265\n".encode("utf-8")
    problem = errors(checked_of(raw))[0]
    assert (problem.code, problem.row, problem.column, problem.value) == ("bad_period", 2, "Periode", cell)
    advice = problem.suggestion_text("nl")
    assert "datum" in advice and "2020 " in advice and "2020-12 " in advice
    assert "2020" in problem.suggestion_text("fr") and "2020-12" in problem.suggestion_text("en")


def test_an_xlsx_date_cell_in_a_period_column_is_named_as_it_displays():
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["indicateur", "territoire", "période", "valeur"])
    sheet.append(["QOL05", "34022", datetime(2020, 12, 31), 76265])
    sheet["C2"].number_format = "dd/mm/yyyy"
    sheet.append(["QOL05", "34022", datetime(2021, 6, 30), 76300])
    sheet["C3"].number_format = "mm-dd-yy"           # Excel's short date (format 14), day first in fr/nl
    sheet.append(["MOB03", "59350", datetime(2024, 3, 1), 5.3])
    sheet["C4"].number_format = "mmm-yy"             # a month: read as 2024-03, as before
    out = io.BytesIO()
    book.save(out)
    checked = checked_of(out.getvalue(), "dates.xlsx")
    bad = {p.row: p for p in errors(checked)}
    assert sorted(bad) == [2, 3]
    assert bad[2].value == "31/12/2020" and "2020-12" in bad[2].suggestion_text("fr")
    assert bad[3].value == "30/06/2021" and "2021-06" in bad[3].suggestion_text("en")


def test_a_decision_date_cell_still_reads_as_its_day():
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "targets"
    sheet.append(["indicator_id", "territory_id", "baseline_period", "baseline_value", "target_period",
                  "target_value", "decided_on"])
    sheet.append(["MOB01", "200093201", 2018, 2.1, 2030, 8, datetime(2020, 12, 31)])
    sheet["G2"].number_format = "dd/mm/yyyy"
    out = io.BytesIO()
    book.save(out)
    checked = checked_of(out.getvalue(), "targets.xlsx")
    assert list(checked.tables["targets"]["decided_on"]) == ["2020-12-31"]


# ---------------------------------------------------------------- a total and notes under the table

def _formatted_workbook() -> bytes:
    """The tester's 07 workbook: a title, an empty row, the header, seven rows, a Total row with an Excel
    sum, an empty row and two notes (one of 75 characters, one of 42)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Relevés 2024"
    sheet.append(["Relevés des indicateurs transfrontaliers 2024"])
    sheet.append([])
    sheet.append(["Indicateur", "Territoire", "Nom du territoire", "Période", "Valeur", "Note"])
    rows = [("QOL05", "59350", "Lille", 2021, 236710), ("MOB03", "59350", "Lille", 2024, 5.3),
            ("MOB03", "34022", "Kortrijk", 2023, 12.5), ("ECO06", "FRE11", "Nord", 2021, 28900.5),
            ("QOL05", "34022", "Kortrijk", 2020, 76265), ("MOB01", "FRE", "Hauts-de-France", 2023, 35000),
            ("QOL05", "57096", "Mouscron", 2020, 58444)]
    for row in rows:
        sheet.append(list(row))
    sheet.append(["Total", None, None, None, 407319.678])
    sheet.append([])
    sheet.append(["Source : INSEE, recensement de la population 2021 ; Statbel ; enquêtes MEL."])
    sheet.append(["Note : les chiffres 2024 sont provisoires."])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_total_row_and_notes_under_an_excel_table_are_said_once_and_left_out(demo):
    outcome = import_files(demo, [("07_excel_formatted.xlsx", _formatted_workbook())], user="test", dry_run=True)
    assert outcome.ok, [p.as_dict("fr") for p in errors(outcome.checked)]
    below = [p for p in outcome.checked.problems if p.code == "rows_below_table"]
    assert len(below) == 1 and below[0].severity == "notice"
    assert "11\u201314" in below[0].message("fr") and "un total, des notes" in below[0].message("fr")
    assert "een totaal, opmerkingen" in below[0].message("nl")
    assert not [p for p in outcome.checked.problems if p.code == "no_value_rows"]   # no note counted as a row
    assert len(outcome.checked.tables["observations"]) == 7
    # the report's `rows` counts the rows read as the table, not the total and notes said left out
    assert [f["rows"] for f in outcome.checked.files if f.get("kind") == "observations"] == [7]


def test_a_csv_saved_from_such_a_sheet_is_read_the_same():
    raw = ("Indicateur;Territoire;Période;Valeur\nQOL05;59350;2021;236710\nMOB03;59350;2024;5,3\n"
           "Totaal;;;236715,3\n;;;\nBron: Statbel, 2024.;;;\n").encode("utf-8")
    checked = checked_of(raw)
    assert checked.ok, [p.as_dict() for p in errors(checked)]
    below = [p for p in checked.problems if p.code == "rows_below_table"]
    assert [p.params["rows"] for p in below] == ["4\u20136"] and "a total, a note" in below[0].message("en")
    assert [f["rows"] for f in checked.files] == [2]


def test_a_row_that_names_its_codes_is_never_taken_for_a_total():
    """A record whose territory is called `Total` (all its cells filled) and a record without its value
    stay records: the first is an unknown code, the second a row without a value."""
    raw = "indicator_id;territory_id;period;value\nMOB03;59350;2024;5,3\nMOB03;Total;2024;12\nMOB03;59350;2023;\n"
    checked = checked_of(raw.encode("utf-8"))
    assert not [p for p in checked.problems if p.code == "rows_below_table"]
    assert [p.code for p in checked.problems if p.code == "no_value_rows"] == ["no_value_rows"]


def test_the_last_record_of_a_table_of_names_missing_its_code_stays_a_record():
    """A level written with its name only (its code forgotten) is a record to correct, not a note."""
    raw = "level_id;name_fr\nborder;Communes frontalières\n;Agglomération transfrontalière\n".encode("utf-8")
    checked = checked_of(raw, "levels.csv")
    assert not [p for p in checked.problems if p.code == "rows_below_table"]
    assert [(p.code, p.row, p.column) for p in errors(checked)] == [("required", 3, "level_id")]


# ---------------------------------------------------------------- `236?710`: a thousands space lost

def _cp1252_file(*values: str) -> bytes:
    lines = ["Indicateur;Territoire;Période;Valeur;Note"]
    lines += [f"ECO06;FRE11;{2015 + k};{v};Donnée provisoire" for k, v in enumerate(values)]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def test_a_question_mark_between_thousands_in_a_windows_1252_file_is_a_thousands_space(demo):
    raw = _cp1252_file("236?710", "28?900 €", "1?234?567,5", "28?900,5")
    outcome = import_files(demo, [("01b.csv", raw)], user="test")
    assert outcome.ok, [p.as_dict() for p in errors(outcome.checked)]
    values = stored(demo, "ECO06", "FRE11")
    assert [values[str(y)] for y in (2015, 2016, 2017, 2018)] == [236710, 28900, 1234567.5, 28900.5]
    notice = [p for p in outcome.checked.problems if p.code == "lost_thousands_read"]
    assert len(notice) == 1 and "236?710" in notice[0].message("fr") and "236710" in notice[0].message("fr")
    assert "2, 3, 4, 5" in notice[0].message("en")


@pytest.mark.parametrize("cell", ["1?23", "12?3456", "?123", "1?234?56"])
def test_only_the_strict_shape_of_thousands_is_read(cell):
    problem = errors(checked_of(_cp1252_file(cell)))[0]
    assert (problem.code, problem.value) == ("not_a_number", cell)


def test_a_file_of_ascii_characters_only_may_be_windows_1252_too():
    """Excel's `CSV (séparateur : point-virgule)` of codes and numbers only holds no accent: read as UTF-8,
    it is as much a Windows-1252 file, and its `236?710` the same lost space."""
    raw = b"indicator_id;territory_id;period;value\r\nECO06;FRE11;2021;236?710\r\n"
    checked = checked_of(raw)
    assert checked.ok and list(checked.tables["observations"]["value"]) == [236710]
    assert [p.code for p in checked.problems if p.severity == "notice"] == ["lost_thousands_read"]


def test_in_a_utf8_file_the_sign_is_refused_and_never_suggested_as_the_number_alone():
    raw = "Indicateur;Territoire;Période;Valeur;Note\nECO06;FRE11;2021;28?900 €;été\n".encode("utf-8")
    problem = errors(checked_of(raw))[0]
    assert problem.code == "not_a_number"
    advice = problem.suggestion_text("fr")
    assert "(28?900)" not in advice and "?" in advice


# ---------------------------------------------------------------- numbers a store cannot keep

@pytest.mark.parametrize("cell", ["1e-400", "0." + "0" * 400 + "1", "-1e-320"])
def test_a_number_too_small_to_store_is_refused_naming_the_smallest(cell, demo):
    raw = f"indicator_id,territory_id,period,value\nCIT01,200093201,2001,{cell}\nCIT01,200093201,2002,0\n"
    outcome = import_files(demo, [("underflow.csv", raw.encode())], user="test")
    assert not outcome.ok
    problem = errors(outcome.checked)[0]
    assert (problem.code, problem.row, problem.column) == ("too_small", 2, "value")
    assert "1e-300" in problem.message("en") and "0" in problem.message("fr")
    assert "2001" not in stored(demo, "CIT01", "200093201")


def test_zero_written_any_way_is_zero():
    raw = "indicator_id,territory_id,period,value\n" + "".join(
        f"CIT01,200093201,{2001 + k},{cell}\n" for k, cell in enumerate(["0", "0.000", "-0", "0e5", "0.0e-400"]))
    checked = checked_of(raw.encode())
    assert checked.ok and list(checked.tables["observations"]["value"]) == [0.0] * 5


def test_a_number_too_large_names_the_largest():
    raw = b"indicator_id,territory_id,period,value\nCIT01,200093201,2001,1e308\n"
    problem = errors(checked_of(raw))[0]
    assert problem.code == "too_large" and "1e300" in problem.message("nl") and "1e300" in problem.message("en")


# ---------------------------------------------------------------- aliases, one set per column

@pytest.mark.parametrize("table,header", [
    ("territories", "territory_id;naam_fr;country\n59350;Rijsel;FR\n"),
    ("indicators", "indicator_id;action_id;naam_fr;unit;direction\nX01;A01;Fietsers;persons;increase\n"),
    ("targets", "indicator_id;codgeo;baseline_period;baseline_value;target_period;target_value\n"
                "MOB01;59350;2018;1;2030;2\n"),
    ("observations", "indicator_code;territory;period;value\nMOB01;59350;2018;1\n"),
])
def test_an_alias_of_one_table_names_the_same_column_in_every_table(table, header):
    checked = checked_of(header.encode("utf-8"), f"{table}_file.csv")
    assert checked.files[0]["kind"] == table
    assert not [p for p in checked.problems if p.code in ("missing_columns", "unknown_table")]


def test_a_territories_table_missing_one_column_is_told_to_rename_not_to_map():
    raw = "code_geo,land,soort,naam_nl\n59350,FR,commune,Rijsel\n".encode("utf-8")
    problem = errors(checked_of(raw, "territories.csv"))[0]
    assert problem.code == "missing_columns" and problem.suggestion[0] == "rename_columns"
    assert "INSEE" not in problem.suggestion_text("en")


def test_an_insee_file_is_still_sent_to_the_mapping_step():
    raw = "CODGEO;LIBGEO;P_MUN\n59350;Lille;12,5\n".encode("cp1252")
    problem = errors(checked_of(raw, "insee.csv"))[0]
    assert problem.suggestion == ("mapped_layout", {"layout": "INSEE"})


def test_a_typed_value_too_small_is_refused_in_the_form_too():
    """The Contributions page's form reads a typed value as a file's cell: `1e-400` is no 0 there either."""
    from indicators import i18n
    from indicators.typed_values import rows

    typed = rows({"CIT01": "1e-400", "CIT02": "0"}, "200093201", "2024", "en")
    assert [(i, key) for i, _, key in typed.problems] == [("CIT01", "typed_too_small")]
    assert all("1e-300" in i18n.t("typed_too_small", lang, indicator="CIT01", text="1e-400") for lang in i18n.LANGS)
