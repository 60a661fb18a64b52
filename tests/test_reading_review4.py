"""Review 4 of the file reader: records longer than the header (row numbers, every one reported, extra
empty cells read), one invalid byte in a UTF-8 file, columns with an empty header, and a header
repeated inside a file."""
from __future__ import annotations

import io

import openpyxl
import pytest

from indicators.importing import import_files, validate_files
from indicators.reading import read_file
from indicators.validation import check

from .fixtures_dir import fixtures_dir
from .helpers import store_with_framework, write

FIXTURES = fixtures_dir()
OBS = "indicator_id,territory_id,period,value,note\n"
FR = "indicateur;territoire;période;valeur"


def _errors(result):
    return [p for p in result.problems if p.severity == "error"]


def _sheet(result):
    assert not _errors(result), result.problems
    (sheet,) = result.sheets
    return sheet


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return store_with_framework(f"sqlite:///{tmp_path_factory.mktemp('review4') / 'store.sqlite'}")


def _notes(engine) -> dict:
    from sqlalchemy import text

    with engine.connect() as conn:
        return dict(conn.execute(text("SELECT period, note FROM observations WHERE indicator_id = 'MOB02' "
                                      "AND period LIKE '2031-%'")).all())


# ---------------------------------------------------------------- 1. more cells than the header

ABOVE = "# comment\nMy title\n" + OBS + "ECO06,59350,2031,1,a\n\nECO06,59512,2031,2,b,EXTRA\n"


@pytest.mark.parametrize("text", [ABOVE, ABOVE.replace("\n", "\r"), ABOVE.replace("\n", "\r\n")],
                         ids=["lf", "cr", "crlf"])
def test_a_longer_record_below_lines_above_the_header_is_named_at_its_row(text):
    problems = _errors(read_file(text.encode(), "above.csv"))
    assert [(p.code, p.row, p.value, p.params.get("letter")) for p in problems] == [
        ("too_many_fields", 6, "EXTRA", "F")]
    assert "column F" in problems[0].message("en") and "colonne F" in problems[0].message("fr")
    assert "kolom F" in problems[0].message("nl")


def test_every_longer_record_is_reported_with_its_column_and_value():
    text = (OBS + "ECO06,59350,2031,1,a\nECO06,59350,2032,1,\"x\ny\",,late\n"
            "ECO06,59512,2031,43,300,b\nECO06,59512,2032,2,b\nECO06,59017,2031,3,c,,\n")
    problems = _errors(read_file(text.encode(), "wide.csv"))
    assert [(p.code, p.row, p.value, p.params["letter"]) for p in problems] == [
        ("too_many_fields", 3, "late", "G"), ("too_many_fields", 4, "b", "F")]


def test_the_longer_records_are_capped(monkeypatch):
    monkeypatch.setenv("MONITOR_MAX_PROBLEMS_LISTED", "3")
    text = OBS + "".join(f"ECO06,59350,20{i:02d},1,a,extra{i}\n" for i in range(10, 17))
    problems = _errors(read_file(text.encode(), "many.csv"))
    assert [(p.code, p.row) for p in problems] == [("too_many_fields", 2), ("too_many_fields", 3),
                                                    ("too_many_fields", 4), ("more_same", 5)]
    assert problems[-1].params["count"] == 4 and problems[-1].more_rows == (5, 6, 7, 8)


@pytest.mark.parametrize("text", [
    FR + "\nECO06;59350;2031;1,5;\nECO06;59512;2031;2,5;\n",
    FR + "\nECO06;59350;2031;1,5;;\n\nECO06;59512;2031;2,5\n",            # blank line: the careful reader
    FR + "\nECO06;59350;2031;1,5; \nECO06;\"59512\";2031;2,5;;;\n",       # quotes: the careful reader
    FR + "\r\nECO06;59350;2031;1,5;\r\nECO06;59512;2031;2,5;\r\n",
], ids=["lf", "blank-line", "quoted", "crlf"])
def test_records_ending_with_extra_empty_cells_are_read(text):
    sheet = _sheet(read_file(text.encode("cp1252"), "semis.csv"))
    assert list(sheet.frame.columns) == ["indicateur", "territoire", "période", "valeur"]
    assert sheet.frame["valeur"].tolist() == ["1,5", "2,5"] and sheet.frame["territoire"].tolist() == ["59350", "59512"]
    assert sheet.decimal == "," and sheet.rows[0] == 2


def test_extra_empty_cells_import(store, tmp_path):
    path = write(tmp_path, "semis.csv", "indicateur;territoire;période;valeur;note\nMOB02;59350;2028;1,5;été;\n"
                 "MOB02;59512;2028;2,5;;;\n", "cp1252")
    outcome = import_files(store, [path], user="test")
    assert outcome.ok, outcome.report("en")["problems"]
    assert outcome.result.summary()["added"] == 2


# ---------------------------------------------------------------- 2. invalid bytes in a UTF-8 file

MIXED = OBS.encode() + "ECO06,59350,2031,1,été\n".encode() + b"ECO06,59512,2031,2,\xe9t\xe9 \x80\n"


def test_one_invalid_byte_leaves_a_utf8_file_utf8_and_names_its_cell():
    result = read_file(MIXED, "mixed.csv")
    (sheet,) = result.sheets
    assert sheet.encoding == "utf-8"
    assert sheet.frame["note"].iloc[0] == "été"
    problems = _errors(result)
    assert [(p.file, p.row, p.column, p.value, p.code) for p in problems] == [
        ("mixed.csv", 3, "note", "\\xe9t\\xe9 \\x80", "invalid_bytes")]
    for lang in ("en", "fr", "nl"):
        assert "UTF-8" in problems[0].message(lang)
    assert not [p for p in result.problems if p.code == "mixed_encoding"]


def test_a_utf8_file_with_a_bom_and_an_invalid_byte_names_its_cell():
    result = read_file(b"\xef\xbb\xbf" + MIXED, "bom.csv")
    assert _errors(result)[0].value == "\\xe9t\\xe9 \\x80" and result.sheets[0].frame["note"].iloc[0] == "été"


def test_a_real_utf8_file_with_one_pasted_windows_line(tmp_path):
    raw = (FIXTURES / "csv" / "insee_poplegales_Communes.csv").read_bytes()
    raw = raw.rstrip(b"\r\n") + b"\r\n" + "99999;Orchies Fléchette;1;1;2\r\n".encode("cp1252")
    result = read_file(raw, "insee.csv")
    (sheet,) = result.sheets
    assert sheet.encoding == "utf-8"
    assert sheet.frame["COM"].iloc[0] == "L' Abergement-Clémenciat"
    (problem,) = _errors(result)
    assert (problem.code, problem.row, problem.column, problem.value) == (
        "invalid_bytes", int(sheet.rows[-1]), "COM", "Orchies Fl\\xe9chette")


def test_a_row_with_invalid_bytes_is_not_stored_and_can_be_left_out(store, tmp_path):
    path = write(tmp_path, "mixed.csv", OBS.encode() + "MOB02,59350,2031-01,1,été\n".encode()
                 + b"MOB02,59512,2031-02,2,\xe9t\xe9\n")
    assert not import_files(store, [path], user="test").ok
    outcome = import_files(store, [path], user="test", skip_invalid_rows=True)
    assert outcome.ok and outcome.result.summary()["rejected"] == 1
    assert _notes(store) == {"2031-01": "été"}


# ---------------------------------------------------------------- 3. columns with an empty header

def test_a_csv_column_with_an_empty_header_is_named_by_its_letter():
    raw = (FR + ";;note\nMOB02;59350;2031;1,5;important;x\n").encode("cp1252")
    checked = check([read_file(raw, "unnamed.csv")])
    (notice,) = [p for p in checked.problems if p.code == "ignored_columns"]
    assert notice.message("en").endswith(": column E.")
    assert "colonne E" in notice.message("fr") and "kolom E" in notice.message("nl")
    assert "Unnamed" not in str(checked.files)


def test_an_xlsx_column_with_an_empty_header_is_named_by_its_letter():
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "observations"
    ws.append(["indicator_id", "territory_id", "period", "value", None, "note"])
    ws.append(["MOB02", "59350", "2031", 1.5, "important", "x"])
    buffer = io.BytesIO()
    book.save(buffer)
    checked = check([read_file(buffer.getvalue(), "unnamed.xlsx")])
    (notice,) = [p for p in checked.problems if p.code == "ignored_columns"]
    assert "column E" in notice.message("en") and "Unnamed" not in notice.message("en")


def test_a_column_letter_in_a_table_no_schema_names():
    raw = b"a,,c\n1,2,3\n"
    checked = check([read_file(raw, "odd.csv")])
    (problem,) = [p for p in checked.problems if p.code == "unknown_table"]
    assert "a, kolom B, c" in problem.message("nl")


# ---------------------------------------------------------------- 4. a header repeated inside a file

PASTED = (FR + ";note\nMOB02;59350;2031;12,5;a\nMOB02;59512;2031;13,5;b\n" + FR + ";note\n"
          "MOB02;34022;2031;14,5;c\n")


def _only_problem(checked):
    errors = [p for p in checked.problems if p.severity == "error"]
    assert len(errors) == 1, errors
    return errors[0]


def test_a_repeated_header_is_one_problem_and_the_rows_after_it_are_read(store, tmp_path):
    path = write(tmp_path, "pasted.csv", PASTED, "cp1252")
    checked = validate_files(store, [path])
    problem = _only_problem(checked)
    assert (problem.code, problem.row, problem.column) == ("header_repeated", 4, "indicateur")
    assert "row 4" in problem.message("en") and "ligne 4" in problem.message("fr")
    assert "rij 4" in problem.message("nl")
    assert sorted(checked.tables["observations"]["_row"]) == [2, 3, 5]
    outcome = import_files(store, [path], user="test", skip_invalid_rows=True)
    assert outcome.ok and outcome.result.summary()["rejected"] == 1


def test_a_header_repeated_in_another_language_is_found_too(store, tmp_path):
    text = OBS + "MOB02,59350,2030,1,a\nindicateur,territoire,Période,valeur,commentaire\nMOB02,59512,2030,2,b\n"
    problem = _only_problem(validate_files(store, [write(tmp_path, "en_fr.csv", text)]))
    assert (problem.code, problem.row) == ("header_repeated", 3)


def test_a_repeated_header_in_a_workbook(store, tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "observations"
    for row in (["indicator_id", "territory_id", "period", "value"], ["MOB02", "59350", "2030", 1.5],
                ["indicator_id", "territory_id", "period", "value"], ["MOB02", "59512", "2030", 2.5]):
        ws.append(row)
    path = tmp_path / "pasted.xlsx"
    book.save(path)
    problem = _only_problem(validate_files(store, [path]))
    assert (problem.code, problem.row, problem.file) == ("header_repeated", 3, "pasted.xlsx [observations]")


def test_utf8_rows_pasted_into_a_windows_1252_file_are_read_as_utf8():
    """The other direction of a mixed file: most accents in Windows-1252, one row pasted from a UTF-8
    file. Its text was stored LiÃ¨ge, with only a notice."""
    from indicators.reading import read_file

    raw = ("territory_id;name_fr;name_nl;country;kind\n99001;Orchies Fléchette;Orchies;FR;commune\n"
           "99002;Hénin;Hénin;FR;commune\n").encode("cp1252") + "99003;Liège;Luik;BE;commune\n".encode()
    result = read_file(raw, "mixed.csv")
    (sheet,) = result.sheets
    assert sheet.encoding in ("cp1252", "iso-8859-1")
    assert list(sheet.frame["name_fr"]) == ["Orchies Fléchette", "Hénin", "Liège"]
    (notice,) = [p for p in result.problems if p.code == "mixed_encoding"]
    assert notice.severity == "notice" and notice.params["rows"] == "4" and "lu en UTF-8" in notice.message("fr")
