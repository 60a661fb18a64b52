"""Review 3 of the file reader: title and metadata lines above the header (finding 6), which sheets of
a workbook are read (finding 11), Excel dates in the period column (finding 12) and percent-formatted
cells (finding 4)."""
from __future__ import annotations

import datetime

import openpyxl
import pytest
from openpyxl.chart import BarChart, Reference

from indicators.parsing import parse_periods
from indicators.reading import read_file

HEADER_FR = "indicateur;territoire;période;valeur;note"


def _csv(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return read_file(path)


def _only(result):
    assert not [p for p in result.problems if p.severity == "error"], result.problems
    (sheet,) = result.sheets
    return sheet


# ---------------------------------------------------------------- finding 6: lines above the header

@pytest.mark.parametrize("text, header_row, rows", [
    # A title in A1 saved by Excel: padded with the separator up to the table's width.
    ("Indicateurs MEL 2024;;;;\n" + HEADER_FR + "\nECO06;59350;2031;12,5;a\n", 2, [3]),
    # Two title lines, one padded, and an empty padded line.
    ("Indicateurs MEL 2024\nExtrait du 12/03/2024;;;;\n;;;;\n" + HEADER_FR + "\nECO06;59350;2031;12,5;a\n"
     "ECO06;59512;2031;13,5;b\n", 4, [5, 6]),
    # A metadata block whose lines name a known column (Source, Unité).
    ("Indicateurs transfrontaliers 2031\nSource;INSEE, Statbel\nUnité;EUR/habitant\n\n"
     "indicateur;territoire;période;valeur\nECO06;59350;2031;5\n", 5, [6]),
    # The same with commas.
    ("Indicators 2024,,,\nindicator_id,territory_id,period,value\nECO06,59350,2031,12.5\n", 2, [3]),
    # A metadata line with as many cells as the table.
    ("Source;INSEE;Statbel;2031\nindicator_id;territory_id;period;value\nECO06;59350;2031;5\n", 2, [3]),
])
def test_title_and_metadata_lines_above_the_header_are_skipped(tmp_path, text, header_row, rows):
    sheet = _only(_csv(tmp_path, "titled.csv", text, "cp1252"))
    assert sheet.header_row == header_row
    assert [str(c) for c in sheet.frame.columns][:4] in (
        ["indicateur", "territoire", "période", "valeur"], ["indicator_id", "territory_id", "period", "value"])
    assert list(sheet.rows) == rows
    assert sheet.frame.iloc[0, 0] == "ECO06"


def test_a_title_above_a_file_with_an_error_names_the_right_row(tmp_path):
    text = "Titre\n\nindicator_id,territory_id,period,value,note\nECO06,59350,2031,1,a\nECO06,59512,2031,2,\"b\n" \
           "ECO06,59599,2031,3,c\n"
    result = _csv(tmp_path, "unclosed.csv", text)
    assert [(p.code, p.row) for p in result.problems] == [("unclosed_quote", 5)]


def test_xlsx_metadata_rows_above_the_header_are_skipped(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Indicateurs transfrontaliers 2031"])
    ws.append(["Source", "INSEE", "Statbel"])
    ws.append(["Unité", "EUR/habitant"])
    ws.append([])
    ws.append(["indicateur", "territoire", "période", "valeur"])
    ws.append(["ECO06", "59350", 2031, 5])
    ws.append(["ECO06", "59512", 2031, 6])
    wb.save(tmp_path / "meta.xlsx")
    result = read_file(tmp_path / "meta.xlsx")
    sheet = _only(result)
    assert sheet.header_row == 5
    assert list(sheet.frame.columns) == ["indicateur", "territoire", "période", "valeur"]
    assert list(sheet.rows) == [6, 7]
    assert not result.problems   # the metadata cells are no "cells outside the table"


# ---------------------------------------------------------------- finding 11: sheets

def test_a_hidden_sheet_is_not_read(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Lisez-moi"
    wb.active.append(["Ce classeur rassemble les indicateurs de la MEL."])
    ws = wb.create_sheet("Données")
    ws.append(["indicateur", "territoire", "période", "valeur"])
    ws.append(["ECO06", "59350", 2031, 5])
    hidden = wb.create_sheet("calc")
    hidden.append(["indicator_id", "territory_id", "period", "value"])
    hidden.append(["ECO06", "59512", 2031, 999])
    hidden.sheet_state = "hidden"
    wb.save(tmp_path / "hidden.xlsx")
    result = read_file(tmp_path / "hidden.xlsx")
    sheet = _only(result)
    # each sheet left aside is said, with why (the readme names no table, calc is hidden)
    aside = {p.params["sheet"]: p.message("fr") for p in result.problems if p.code == "sheet_left_aside"}
    assert aside == {"Lisez-moi": "La feuille « Lisez-moi » n'a pas été lue : ses colonnes ne nomment aucune "
                                  "table, à côté de feuilles qui le font (un mode d'emploi, les données d'un graphique).",
                     "calc": "La feuille « calc » n'a pas été lue : elle est masquée dans le classeur."}
    assert all(p.severity == "notice" for p in result.problems)
    assert sheet.sheet == "Données"
    assert sheet.label == "hidden.xlsx [Données]"
    assert sheet.describe()["file"] == "hidden.xlsx [Données]"
    assert list(sheet.frame.iloc[:, 3]) == ["5"]


def test_readme_chart_and_chart_data_sheets_beside_the_data_sheet_are_skipped(tmp_path):
    wb = openpyxl.Workbook()
    readme = wb.active
    readme.title = "Lisez-moi"
    readme.append(["Indicateurs de la MEL, extraction du 12/03/2031"])
    readme.append(["Source", "INSEE"])
    chart = wb.create_sheet("Graphique")
    chart.append(["Année", "Lille", "Roubaix"])
    chart.append([2031, 5, 6])
    bars = BarChart()
    bars.add_data(Reference(chart, min_col=2, min_row=1, max_row=2))
    wb.create_chartsheet("Graphe").add_chart(bars)
    ws = wb.create_sheet("Données")
    ws.append(["indicateur", "territoire", "période", "valeur"])
    ws.append(["ECO06", "59350", 2031, 5])
    wb.save(tmp_path / "book.xlsx")
    sheet = _only(read_file(tmp_path / "book.xlsx"))
    assert sheet.label == "book.xlsx [Données]"
    assert list(sheet.rows) == [2]


# ---------------------------------------------------------------- finding 12: dates as periods

def _book(tmp_path, cells: list[tuple], column: str, name: str = "book.xlsx"):
    """An observations sheet whose `column` cells hold each value with its number format."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "observations"
    ws.append(["indicator_id", "territory_id", "period", "value"])
    for i, (value, fmt) in enumerate(cells, start=2):
        ws.append(["ECO06", "59350", 2031, 5])
        ws[f"{column}{i}"] = value
        ws[f"{column}{i}"].number_format = fmt
    wb.save(tmp_path / name)
    return _only(read_file(tmp_path / name))


def test_excel_dates_in_the_period_column_read_as_the_period_they_show(tmp_path):
    sheet = _book(tmp_path, [
        (datetime.datetime(2031, 3, 1), "mmm-yy"),           # a typed 2031-03, shown mars-31
        (datetime.datetime(2031, 4, 1), "yyyy-mm"),
        (datetime.datetime(2031, 5, 1), '[$-40C]mmmm\\ yyyy;@'),
        (datetime.datetime(2031, 1, 1), "yyyy"),             # a year
        (datetime.datetime(2031, 1, 1), "mmm-yy"),           # January as a month
    ], "C")
    assert list(sheet.frame["period"]) == ["2031-03", "2031-04", "2031-05", "2031", "2031-01"]
    periods, bad, outside = parse_periods(sheet.frame["period"])
    assert list(periods) == ["2031-03", "2031-04", "2031-05", "2031", "2031-01"]
    assert not bad.any() and not outside.any()


def test_dates_shown_as_days_or_not_on_the_first_stay_dates(tmp_path):
    sheet = _book(tmp_path, [
        (datetime.datetime(2031, 3, 1), "mmm-yy"),
        (datetime.datetime(2031, 3, 15), "mmm-yy"),          # not the first of a month: a date
        (datetime.datetime(2031, 3, 1), "dd/mm/yyyy"),       # shown as a day: a date
        (datetime.datetime(2031, 6, 1), "yyyy"),             # a year, but not on 1 January
    ], "C")
    # a day in a period column is named as the cell displays it (shown_days: finding N30 4), refused as no period
    assert list(sheet.frame["period"]) == ["2031-03", "2031-03-15", "01/03/2031", "2031-06-01"]


# ---------------------------------------------------------------- finding 4: percent-formatted cells

def test_percent_formatted_cells_read_as_the_percentage_excel_shows(tmp_path):
    sheet = _book(tmp_path, [
        (0.125, "0.0%"),     # 12,5 %
        (0.07, "0%"),        # 7 %, not 7.000000000000001
        (1, "0%"),           # 100 %
        (0.5, "0.00"),       # no percent format: the value as it is
        (0.25, '0.0" %"'),   # a % in quotes is text: Excel shows 0,3 %
    ], "D")
    # with its sign, as a CSV holds it: the unit-sign rule judges it (test_xlsx_shown_and_limits.py)
    assert list(sheet.frame["value"]) == ["12.5%", "7%", "100%", "0.5", "0.25"]


def test_percent_formatted_cells_with_a_french_text_cell_keep_the_sheets_decimal_mark(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "observations"
    ws.append(["indicator_id", "territory_id", "period", "value"])
    ws.append(["MOB03", "59350", 2031, 0.125])
    ws["D2"].number_format = "0.0%"
    ws.append(["MOB03", "59512", 2031, "8,25"])
    wb.save(tmp_path / "pct.xlsx")
    sheet = _only(read_file(tmp_path / "pct.xlsx"))
    assert sheet.decimal == ","
    assert list(sheet.frame["value"]) == ["12,5%", "8,25"]
