"""The lists of a sheet's columns in the checker's problems (`unknown_table`, `missing_columns`,
`ignored_columns`) say which columns had an empty header from the reader (Sheet.unnamed_letters), never
from the names' text; and a repeated header's letters are the spreadsheet's (Sheet.positions), also after
a blank column was left out before them."""
from __future__ import annotations


import pytest

from indicators.reading import read_file
from indicators.validation import check

from .helpers import workbook


def _xlsx(rows: list[list]) -> bytes:
    return workbook({"Feuil1": rows})


def _source(rows: list[list], kind: str) -> tuple[bytes, str]:
    if kind == "csv":
        return "".join(";".join("" if c is None else str(c) for c in row) + "\n" for row in rows).encode(), "t.csv"
    return _xlsx(rows), "t.xlsx"


def _only(checked, code: str):
    (problem,) = [p for p in checked.problems if p.code == code]
    return problem


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_header_written_column_e_is_said_as_written_among_the_ignored_columns(kind):
    """`column E` written at E beside a truly empty header at F: only F is said by its letter."""
    rows = [["indicator_id", "territory_id", "period", "value", "column E", None, "extra"],
            ["MOB02", "59350", "2031", "1,5", "x", "y", "z"]]
    raw, name = _source(rows, kind)
    notice = _only(check([read_file(raw, name)]), "ignored_columns")
    assert notice.message("fr").endswith(" : column E, colonne F, extra.")
    assert notice.message("nl").endswith(": column E, kolom F, extra.")
    assert notice.message("en").endswith(": column E, column F, extra.")


def test_a_header_written_column_b_is_said_as_written_in_a_table_no_schema_names():
    notice = _only(check([read_file(b"a;column B;;d\n1;2;3;4\n", "odd.csv")]), "unknown_table")
    assert "(a, column B, colonne C, d)" in notice.message("fr")
    assert "(a, column B, kolom C, d)" in notice.message("nl")


def test_a_header_written_column_a_is_said_as_written_among_the_columns_found():
    """A territories table without its names, one header written `column A`: missing_columns lists it
    as written."""
    raw = b"territory_id;column A;;level\n59350;x;y;commune\n"
    problem = _only(check([read_file(raw, "t.csv")]), "missing_columns")
    assert "territory_id, column A, colonne C, level" in problem.message("fr")


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_letters_of_a_repeated_header_after_a_blank_column_left_out_are_the_spreadsheets(kind):
    """Column B has neither a header nor a cell (the reader leaves it out): `value` is still at E and
    `valeur` at F, as the spreadsheet shows them (the frame's index said D and E)."""
    rows = [["indicator_id", None, "territory_id", "period", "value", "valeur"],
            ["MOB02", None, "59350", "2020", "1", "2"]]
    raw, name = _source(rows, kind)
    read = read_file(raw, name)
    assert read.sheets[0].positions == (1, 3, 4, 5, 6)
    problem = _only(check([read]), "repeated_header")
    assert problem.params["positions"] == "E, F"
    assert "(colonnes E, F)" in problem.message("fr")
