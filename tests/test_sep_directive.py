"""Excel's `sep=;` first line is a directive Excel does not show: the header below it is row 1 in the
spreadsheet, and every row number said to the user follows (it was one more)."""
from __future__ import annotations

from indicators.mappings import apply_mapping
from indicators.reading import read_file

TEXT = "sep=;\r\nindicator_id;territory_id;period;value\r\nMOB04;59350;2023;x\r\nMOB04;59350;2024;1,5\r\n"


def test_rows_are_numbered_as_excel_shows_them():
    sheet = read_file(TEXT.encode("cp1252"), "export.csv").sheets[0]
    assert sheet.separator == ";" and sheet.header_row == 1 and list(sheet.rows) == [2, 3]
    assert list(sheet.frame.columns) == ["indicator_id", "territory_id", "period", "value"]


def test_the_directive_names_the_separator_even_where_another_would_fit():
    # the cells hold commas: without the directive a comma might be taken for the separator
    text = 'sep=;\nindicator_id;territory_id;period;value;note\nMOB04;59350;2023;1,5;"a, b, c, d, e"\n'
    sheet = read_file(text.encode(), "export.csv").sheets[0]
    assert sheet.separator == ";" and list(sheet.frame["note"]) == ["a, b, c, d, e"]


def test_a_mapping_counts_its_header_row_as_excel_does(tmp_path):
    path = tmp_path / "insee.csv"
    path.write_bytes("sep=;\nSource INSEE;;\nCODGEO;LIBGEO;Part\n59350;Lille;12,5\n".encode("cp1252"))
    mapped = apply_mapping(path, {"header_row": 2, "territory": "CODGEO", "period": "2021", "values": {"Part": "X"}})
    assert list(mapped.sheet.rows) == [3]
    assert list(mapped.sheet.frame["value"]) == ["12,5"]
