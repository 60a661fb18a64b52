"""XLSX cells read as Excel shows them, and workbooks read under limits (findings of session 27, B: D2, D3,
D4, D5, D10).

- a whole number under a zero-padding format (`00000`, Excel's "ZIP code") is the code it shows, `02691`;
- a percentage cell reaches the checks as a CSV would hold it, `12.5%`: taken for an indicator in %,
  refused for one in another unit, by the same rule as a CSV's `12,5%` (parsing.wrong_signs);
- a workbook of too many sheets, or whose cells hold too much text (one long shared string used by many
  cells), is refused with the limit it passed, before its sheets become tables;
- an .xls, a password-protected workbook, an .ods or a ZIP of CSV files is said as what it is, with
  what to do, and with no English detail in a French or Dutch message."""
from __future__ import annotations


import pytest

from indicators import limits
from indicators.importing import validate_files
from indicators.reading import read_file

from .helpers import store_with_framework, workbook, zip_of
from .workbooks import hand_zipped


def _xlsx(sheets: dict[str, list[list]], formats: dict[tuple[str, str], str] | None = None) -> bytes:
    return workbook(sheets, formats)


@pytest.fixture(scope="module")
def framework_store(tmp_path_factory):
    return store_with_framework(f"sqlite:///{tmp_path_factory.mktemp('xlsx') / 'store.sqlite'}")


# ---------------------------------------------------------------- D2: zero-padded codes

def test_a_code_typed_as_a_number_reads_as_its_zero_padded_format_shows_it():
    raw = _xlsx({"territories": [["territory_id", "name_fr", "country", "kind"],
                                 [2691, "Saint-Quentin", "FR", "commune"],
                                 [1001, "L'Abergement-Clémenciat", "FR", "commune"],
                                 [123456789, "Une entreprise", "FR", "commune"],
                                 [59350, "Lille", "FR", "commune"],
                                 [2691.5, "Une fraction", "FR", "commune"]]},
                {("territories", "A2"): "00000", ("territories", "A3"): "[Blue]00000",
                 ("territories", "A4"): "000000000", ("territories", "A5"): "00000",
                 ("territories", "A6"): "00000"})
    (sheet,) = read_file(raw, "terr.xlsx").sheets
    # a fraction keeps its digits: Excel's rounding to 02692 on screen is no value
    assert sheet.frame["territory_id"].tolist() == ["02691", "01001", "123456789", "59350", "2691.5"]


def test_a_zero_padded_code_is_stored_and_referenced_as_shown(tmp_path, framework_store):
    path = tmp_path / "terr_zero.xlsx"
    path.write_bytes(_xlsx({"territories": [["territory_id", "name_fr", "country", "kind"],
                                            [2691, "Saint-Quentin", "FR", "commune"]],
                            "observations": [["indicator_id", "territory_id", "period", "value"],
                                             ["MOB02", 2691, 2023, 5]]},
                           {("territories", "A2"): "00000", ("observations", "B2"): "00000"}))
    checked = validate_files(framework_store, [path])
    assert [p.code for p in checked.problems if p.severity == "error"] == []
    assert checked.tables["territories"]["territory_id"].tolist() == ["02691"]
    assert checked.tables["observations"]["territory_id"].tolist() == ["02691"]


# ---------------------------------------------------------------- D5: percentage cells

def test_a_percentage_cell_is_judged_by_the_unit_sign_rule_as_a_csv_cell_is(tmp_path, framework_store):
    path = tmp_path / "pct.xlsx"
    path.write_bytes(_xlsx({"observations": [["indicator_id", "territory_id", "period", "value"],
                                             ["MOB02", "59350", 2023, 0.125],    # persons: refused
                                             ["MOB01", "59350", 2023, 0.125]]},  # in %: 12.5
                           {("observations", "D2"): "0.0%", ("observations", "D3"): "0.0%"}))
    csv = tmp_path / "pct.csv"
    csv.write_text("indicator_id;territory_id;period;value\nMOB02;59350;2022;12,5%\n", encoding="utf-8")
    checked = validate_files(framework_store, [path, csv])
    refused = sorted((p.file, p.row, p.code) for p in checked.problems if p.severity == "error")
    assert refused == [("pct.csv", 2, "unit_mismatch"), ("pct.xlsx [observations]", 2, "unit_mismatch")]
    obs = checked.tables["observations"]
    assert obs.loc[obs["indicator_id"] == "MOB01", "value"].tolist() == [12.5]


def test_a_percentage_cell_is_written_with_its_sign_and_the_sheets_decimal_mark():
    raw = _xlsx({"observations": [["indicator_id", "territory_id", "period", "value"],
                                  ["MOB01", "59350", 2021, 0.125], ["MOB01", "59350", 2022, 0.07],
                                  ["MOB01", "59350", 2023, "8,25"]]},
                {("observations", "D2"): "0.0%", ("observations", "D3"): "0%"})
    (sheet,) = read_file(raw, "pct.xlsx").sheets
    assert sheet.decimal == "," and sheet.frame["value"].tolist() == ["12,5%", "7%", "8,25"]


# ---------------------------------------------------------------- D3, D4: limits

def _shared_string_reuse(chars: int, rows: int) -> bytes:
    """The findings' file: one long shared string, used by the 4 cells of each row (a few KB packed)."""
    long = "MOB04" + " A" * (chars // 2)
    cells = [f'<row r="{r}">' + "".join(f'<c r="{c}{r}" t="s"><v>{i if r == 1 else 4}</v></c>'
                                        for i, c in enumerate("ABCD")) + "</row>" for r in range(1, rows + 2)]
    return hand_zipped([row.encode() for row in cells], ["indicator_id", "territory_id", "period", "value", long])


def test_a_shared_string_reused_past_the_text_limit_is_refused_by_the_limit(monkeypatch):
    monkeypatch.setenv("MONITOR_MAX_WORKBOOK_CHARS", "1000000")
    raw = _shared_string_reuse(100_000, 20)   # 20 rows x 4 cells x 100,000 characters: 8 M characters
    assert len(raw) < 20_000
    result = read_file(raw, "reuse.xlsx")
    assert result.sheets == []
    (problem,) = result.problems
    assert (problem.code, problem.params["what"], problem.params["limit"]) == ("too_large_file",
                                                                             "MAX_WORKBOOK_CHARS", 1_000_000)
    assert problem.params["found"] <= 1_000_000 + 4 * 100_010   # refused at the row that passed it
    assert "caractères de texte du classeur" in problem.message("fr")
    assert "teksttekens in de werkmap" in problem.message("nl")


def test_text_under_the_limit_is_read_and_all_sheets_count_together(monkeypatch):
    monkeypatch.setenv("MONITOR_MAX_WORKBOOK_CHARS", "99")
    header = ["indicator_id", "territory_id", "period", "value"]   # 35 characters
    one = _xlsx({"observations": [header, ["MOB02", "59350", "2023", "5"]]})   # 35 + 15
    (sheet,) = read_file(one, "one.xlsx").sheets
    assert sheet.frame["territory_id"].tolist() == ["59350"]
    two = _xlsx({"observations": [header, ["MOB02", "59350", "2023", "5"]],
                 "observations 2": [header, ["MOB02", "59512", "2023", "6"]]})   # 100 in all: one more than 99
    (problem,) = read_file(two, "two.xlsx").problems
    assert (problem.code, problem.params["what"], problem.params["found"]) == ("too_large_file",
                                                                             "MAX_WORKBOOK_CHARS", 100)


def test_a_workbook_of_more_sheets_than_the_limit_is_refused_before_they_are_read(monkeypatch):
    assert limits.DEFAULTS["MAX_SHEETS"] == limits.get("MAX_SHEETS") == 50
    monkeypatch.setenv("MONITOR_MAX_SHEETS", "3")
    rows = [["indicator_id", "territory_id", "period", "value"], ["MOB02", "59350", 2023, 5]]
    assert len(read_file(_xlsx({f"s{i}": rows for i in range(3)}), "three.xlsx").sheets) == 3
    result = read_file(_xlsx({f"s{i}": rows for i in range(4)}), "four.xlsx")
    assert result.sheets == []
    (problem,) = result.problems
    assert (problem.code, problem.params["what"], problem.params["found"], problem.params["limit"]) == (
        "too_large_file", "MAX_SHEETS", 4, 3)
    assert "feuilles du classeur" in problem.message("fr") and "bladen in de werkmap" in problem.message("nl")


# ---------------------------------------------------------------- D10: other formats

def _zip(members: dict[str, str]) -> bytes:
    return zip_of(members)


def _ole2(stream: str) -> bytes:
    """An OLE2 container's first bytes and its directory entry naming `stream` (UTF-16), as Excel writes."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + stream.encode("utf-16-le") + bytes(3000)


OBS_CSV = "indicator_id;territory_id;period;value\nMOB02;59350;2023;5\n"
OTHER = {   # file -> (bytes, code, words of the French message)
    "insee.zip": (_zip({"obs.csv": OBS_CSV, "meta.txt": "x"}), "zip_archive", "archive ZIP qui contient obs.csv"),
    "calc.ods": (_zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}),
                 "ods_file", "LibreOffice Calc"),
    "old.xls": (_ole2("Workbook"), "xls_file", "classeur Excel 97-2003"),
    "old_renamed.csv": (_ole2("Workbook"), "xls_file", "classeur Excel 97-2003"),
    "protected.xlsx": (_ole2("EncryptedPackage"), "encrypted_xlsx", "mot de passe"),
    "calc_renamed.xlsx": (_zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}), "ods_file",
                          "OpenDocument"),
}


@pytest.mark.parametrize("name", sorted(OTHER))
def test_another_format_is_said_as_what_it_is_and_what_to_do(name):
    raw, code, words = OTHER[name]
    result = read_file(raw, name)
    assert result.sheets == []
    (problem,) = result.problems
    assert (problem.code, problem.row, problem.column, problem.severity) == (code, None, None, "error")
    assert words in problem.message("fr")
    for lang in ("fr", "nl", "en"):
        assert ".xlsx" in problem.message(lang) or "XLSX" in problem.message(lang)
    for english in ("binary", "cannot be opened", "Error", "archive (", "not a valid"):
        assert english not in problem.message("fr") and english not in problem.message("nl")


def test_a_damaged_workbook_is_said_without_the_failures_english_name():
    raw = _zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})   # no sheets, no rels
    (problem,) = read_file(raw, "broken.xlsx").problems
    assert problem.code == "damaged_xlsx" and "cannot be opened" in problem.message("en")
    assert "Error" not in problem.message("fr") and "endommagé" in problem.message("fr")
    (problem,) = read_file(b"PK\x03\x04 cut short", "cut.xlsx").problems
    assert problem.code == "damaged_xlsx"


def test_an_office_document_that_is_no_workbook_is_not_called_an_archive():
    docx = _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"})
    assert [p.code for p in read_file(docx, "letter.csv").problems] == ["binary_file"]
