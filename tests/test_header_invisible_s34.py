"""An invisible character or a NUL inside a column's name is removed, and said in a notice at the header's
row as one inside a cell is; it was removed without a word."""
from __future__ import annotations

import pytest

from indicators.reading import read_file


@pytest.mark.parametrize("char, code", [("\u200b", "U+200B"), ("\x00", "U+0000"), ("\u00ad", "U+00AD")])
def test_an_invisible_character_inside_a_header_is_said(char, code):
    raw = f"Titre du tableau\nindicator_id,terr{char}itory_id,period,value\nMOB04,59350,2024,1\n".encode()
    result = read_file(raw, "releve.csv")
    (sheet,) = result.sheets
    assert "territory_id" in sheet.frame.columns
    (notice,) = [p for p in result.problems if p.code == "invisible_inside"]
    assert notice.row == 2 and notice.column == "territory_id" and notice.severity == "notice"
    assert notice.params["code"] == code and "terr" in notice.message("fr") and "\x00" not in notice.message("en")


def test_a_clean_header_says_nothing():
    result = read_file(b"indicator_id,territory_id,period,value\nMOB04,59350,2024,1\n", "releve.csv")
    assert not [p for p in result.problems if p.code == "invisible_inside"]
