"""Each column of a table read carries its spreadsheet position (Sheet.positions) and whether its header cell
was empty (Sheet.empty_headers), from the reader: nothing reads `column E` back from a column's name.

1. A header written `column E` is a name as any other: said as written in every language, found by that
   name in a mapping (even with no cell filled), never taken for a column without a header.
2. A column whose header cell is empty is still said by its letter (`colonne E`, `kolom E`), beside one
   whose header looks like such a name.
3. A mapping that moves the header (`header_row`) names the new header's cells at the positions the reader
   found them, also after the reader left out a column with neither a header nor a cell, and after a
   header written `Total (E)`.
"""
from __future__ import annotations


import pytest

from indicators.mappings import apply_mapping
from indicators.reading import read_file

from .helpers import workbook

BASE = {"territory": "GEO", "period": "2021"}


def _xlsx(rows: list[list]) -> bytes:
    return workbook({"Données": rows})


def _source(rows: list[list], kind: str):
    """(file name, bytes) of the table as a CSV (`;`) or a workbook (None: an empty cell)."""
    if kind == "csv":
        text = "".join(";".join("" if c is None else str(c) for c in row) + "\n" for row in rows)
        return "t.csv", text.encode()
    return "t.xlsx", _xlsx(rows)


def _errors(mapped):
    return [p for p in mapped.problems if p.severity == "error"]


# ---------------------------------------------------------------- 1. a header written `column E`

@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_header_written_column_e_is_a_name_said_as_written(kind):
    name, raw = _source([["GEO", "column E", "LIB"], ["59350", "environ", "Lille"], ["59512", "12", "Roubaix"]],
                        kind)
    sheet = read_file(raw, name).sheets[0]
    assert (list(sheet.frame.columns), sheet.positions, sheet.unnamed_letters()) == (
        ["GEO", "column E", "LIB"], (1, 2, 3), ())
    mapped = apply_mapping((name, raw), {**BASE, "values": {"column E": "DEM_TXF"}})
    (problem,) = _errors(mapped)
    assert (problem.row, problem.column, problem.value, problem.code) == (2, "column E", "environ", "not_a_number")
    assert [problem.as_dict(lang)["column"] for lang in ("fr", "nl", "en")] == ["column E"] * 3
    assert not problem.column_unnamed()


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_header_written_column_e_over_empty_cells_is_found_by_its_name(kind):
    """Its cells all empty, at the position E it names: a column with a header, kept and found by a mapping."""
    rows = [["GEO", "VAL", "x", "y", "column E"], ["59350", "1", "a", "b", None], [], ["59512", "2", "c", "d", None]]
    name, raw = _source(rows, kind)   # (the blank line sends the CSV to the reader that drops blank columns)
    sheet = read_file(raw, name).sheets[0]
    assert list(sheet.frame.columns)[-1] == "column E" and sheet.positions == (1, 2, 3, 4, 5)
    mapped = apply_mapping((name, raw), {**BASE, "values": {"VAL": "DEM_TXF"}, "note": {"column": "column E"}})
    assert _errors(mapped) == [] and len(mapped.sheet.frame) == 2


# ---------------------------------------------------------------- 2. an empty header cell

@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_an_empty_header_is_said_by_its_letter_beside_a_look_alike(kind):
    name, raw = _source([["GEO", "column D", None, "POP"], ["59350", "environ", "vers 5", "1"],
                         ["59512", "2", "3", "4"]], kind)
    sheet = read_file(raw, name).sheets[0]
    assert list(sheet.frame.columns) == ["GEO", "column D", "column C", "POP"]
    assert (sheet.empty_headers, sheet.unnamed_letters()) == ({3}, ("C",))
    mapped = apply_mapping((name, raw), {**BASE, "values": {"column D": "A", "column C": "B"}})
    said = {(p.row, p.value): [p.as_dict(lang)["column"] for lang in ("fr", "nl", "en")] for p in _errors(mapped)}
    assert said == {(2, "environ"): ["column D", "column D", "column D"],   # written so in the header
                    (2, "vers 5"): ["colonne C", "kolom C", "column C"]}     # an empty header cell
    missing = apply_mapping((name, raw), {**BASE, "values": {"TX": "A"}}).problems[0]
    assert missing.code == "missing_columns"
    assert "GEO, column D, colonne C, POP" in missing.message("fr")
    assert "GEO, column D, kolom C, POP" in missing.message("nl")


# ---------------------------------------------------------------- 3. a header moved by a mapping

# The reader takes row 1 for the header; column B has neither a header nor a cell, so it leaves it out.
MOVED = [["Extrait", None, "RP", "2021", "INSEE"],
         ["GEO", None, "LIB", None, "POP"],
         ["59350", None, "Lille", "51,6", "232787"],
         ["59512", None, "Roubaix", "environ", "98089"]]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_moved_header_names_its_cells_at_their_letters_past_a_column_left_out(kind):
    name, raw = _source(MOVED, kind)
    result = read_file(raw, name)
    sheet = result.sheets[0]
    assert (sheet.header_row, list(sheet.frame.columns), sheet.positions) == (
        1, ["Extrait", "RP", "2021", "INSEE"], (1, 3, 4, 5))
    spec = {**BASE, "header_row": 2, "values": {"column D": "DEM_TXF", "POP": "POP_FR"}}
    # A workbook's header is promoted inside the sheet read; a CSV read already (no bytes) too.
    mapped = apply_mapping(result if kind == "csv" else (name, raw), spec)
    (problem,) = _errors(mapped)
    assert (problem.row, problem.column, problem.value) == (4, "column D", "environ")
    assert [problem.as_dict(lang)["column"] for lang in ("fr", "nl")] == ["colonne D", "kolom D"]
    assert mapped.sheet.frame["value"].tolist() == ["51,6", "232787", "98089"]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_header_written_total_e_does_not_move_the_letters_of_a_moved_header(kind):
    """`Total (E)` in column A beside a repeated `Total` (renamed `Total (B)`, `Total (C)`): column A stays A."""
    rows = [["Total (E)", "Total", "Total", "x"],
            ["GEO", None, "POP", "Voix"],
            ["59350", "12", "1", "3"],
            ["59512", "trois", "2", "4"]]
    name, raw = _source(rows, kind)
    result = read_file(raw, name)
    assert result.sheets[0].repeated == {"Total": ["B", "C"]}
    mapped = apply_mapping(result if kind == "csv" else (name, raw), {**BASE, "header_row": 2,
                                                                       "values": {"column B": "X"}})
    (problem,) = _errors(mapped)
    assert (problem.row, problem.column, problem.value) == (4, "column B", "trois")
    assert problem.as_dict("fr")["column"] == "colonne B"


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_moved_header_names_a_repeated_name_by_its_letters_as_the_plain_reader_does(kind):
    rows = [["Extrait", None, "RP", "2021", "INSEE"],
            ["GEO", None, "Voix", "Voix", "LIB"],
            ["59350", None, "1", "2", "Lille"]]
    name, raw = _source(rows, kind)
    result = read_file(raw, name)
    source = result if kind == "csv" else (name, raw)
    mapped = apply_mapping(source, {**BASE, "header_row": 2, "values": {"Voix (D)": "X"}})
    assert _errors(mapped) == [] and mapped.sheet.frame["value"].tolist() == ["2"]
    unsaid = apply_mapping(source, {**BASE, "header_row": 2, "values": {"Voix": "X"}})
    assert [p.code for p in _errors(unsaid)][:1] == ["repeated_header"]   # never taken for one of them
