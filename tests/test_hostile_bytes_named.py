"""Hostile bytes named plainly (outside tester L, stop 30: findings 5's gzip part, 6, 7, 10, 11, 12).

Whatever goes wrong reading a file is said as a reason in the user's language with what to do, never a
Python exception's name or a library's English text; a compressed file cut off, damaged, compressed twice
or followed by other bytes is said as such; invisible characters (Unicode's format characters) around a
cell are trimmed as spaces are, and those inside are removed with a notice naming them; two Excel "CSV
UTF-8" files pasted together show their repeated header; UTF-16 and UTF-32 files with or without byte
order mark are read; a CSV named .xlsx is read as the CSV it is; blank lines do not count as cells.
Every file is generated here, small."""
from __future__ import annotations

import gzip
import re
import unicodedata
import zlib

import numpy as np
import pandas as pd
import pytest

from indicators import reading, reading_rows
from indicators.reading import read_file
from indicators.reading_rows import filled_lines
from indicators.reading_text import INVISIBLE, trim_invisible

from .helpers import workbook

HEADER = "indicator_id,territory_id,period,value,flag,note,source"
ROWS = [f"CIT01,200093201,{2010 + i},{1000 + i}.0,,," for i in range(40)]
CSV = "\n".join([HEADER, *ROWS]) + "\n"
LANGS = ("fr", "nl", "en")
# What a message must never hold: an exception's name, a library's English text, a NUL.
LEAKS = re.compile(r"[A-Z]\w*(?:Error|Exception)|BadGzipFile|Compressed file ended|CRC check|invalid start byte|"
                   r"Expecting|tokenizing|Errno|\x00")


def _said(problem) -> str:
    return " ".join(problem.message(lang) + " " + (problem.suggestion_text(lang) or "") for lang in LANGS)


def _only(result, code: str):
    assert result.sheets == []
    (problem,) = result.problems
    assert problem.code == code and problem.severity == "error"
    assert not LEAKS.search(_said(problem)), _said(problem)
    return problem


# ---------------------------------------------------------------- compressed files

PACKED = gzip.compress(CSV.encode(), mtime=0)


def test_a_cut_gzip_file_is_said_cut_off_in_each_language_without_the_exception_name():
    for cut in (len(PACKED) // 2, len(PACKED) - 4, 5):   # mid-stream, in its trailer, in its header
        problem = _only(read_file(PACKED[:cut], "obs.csv.gz"), "gzip_cut")
        assert "tronqué" in problem.message("fr") and "afgebroken" in problem.message("nl")
        assert "cut off" in problem.message("en") and "compress it again" in problem.message("en")


def test_a_damaged_gzip_file_is_said_damaged():
    stream = bytearray(PACKED)
    stream[len(stream) // 2] ^= 0xFF   # a byte of the compressed data
    crc = bytearray(PACKED)
    crc[-8] ^= 0x01   # the checksum of the content
    for raw in (bytes(stream), bytes(crc)):
        problem = _only(read_file(raw, "obs.csv.gz"), "gzip_damaged")
        assert "endommagé" in problem.message("fr") and "beschadigd" in problem.message("nl")


def test_bytes_after_the_compressed_content_are_left_aside_as_gunzip_does_with_a_notice():
    result = read_file(PACKED + b"garbage after the member", "obs.csv.gz")
    (sheet,) = result.sheets
    assert len(sheet.frame) == len(ROWS)
    (notice,) = [p for p in result.problems if p.code == "gzip_trailing"]
    assert notice.severity == "notice" and notice.params["count"] == len(b"garbage after the member")
    assert "24" in notice.message("fr") and "gunzip" in notice.message("nl")
    # zero bytes after it are padding (tape blocks), and a second member is read as gunzip reads it
    padded = read_file(PACKED + bytes(512), "obs.csv.gz")
    assert [p.code for p in padded.problems] == [] and len(padded.sheets[0].frame) == len(ROWS)
    head, tail = "\n".join([HEADER, *ROWS[:10]]) + "\n", "\n".join(ROWS[10:]) + "\n"
    two = read_file(gzip.compress(head.encode()) + gzip.compress(tail.encode()), "obs.csv.gz")
    assert two.sheets[0].frame["period"].tolist() == [str(2010 + i) for i in range(40)]


def test_a_file_compressed_twice_is_said_so():
    problem = _only(read_file(gzip.compress(PACKED), "obs.csv.gz"), "gzip_twice")
    assert "deux fois" in problem.message("fr") and "twice" in problem.message("en")


def test_a_large_gzip_file_is_still_read_whole():
    rows = [f"CIT01,{200093201 + i},{2000 + i % 20},{i}.5,,," for i in range(60_000)]
    text = "\n".join([HEADER, *rows]) + "\n"
    (sheet,) = read_file(gzip.compress(text.encode(), compresslevel=1), "big.csv.gz").sheets
    assert len(sheet.frame) == 60_000 and sheet.frame["value"].iat[-1] == "59999.5"


# ---------------------------------------------------------------- reasons, never exception names

def test_a_path_that_cannot_be_read_is_said_in_words(tmp_path, monkeypatch):
    _only(read_file(tmp_path / "absent.csv"), "file_missing")
    _only(read_file(tmp_path), "file_unopenable")   # a folder
    path = tmp_path / "locked.csv"
    path.write_text(CSV)

    def refused(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "read_bytes", refused)
    problem = _only(read_file(path), "file_denied")
    assert "Permission denied" not in _said(problem)


@pytest.mark.parametrize("error, code", [(ValueError("could not convert string to float: 'x'"), "unreadable"),
                                         (EOFError("Compressed file ended"), "unreadable"),
                                         (MemoryError(), "file_out_of_memory")])
def test_an_unforeseen_failure_is_said_without_its_name_or_its_text(monkeypatch, error, code):
    def fails(raw, name):
        raise error

    monkeypatch.setattr(reading, "read_csv_bytes", fails)
    problem = _only(read_file(CSV.encode(), "obs.csv"), code)
    assert "could not convert" not in _said(problem)


def test_a_parser_error_is_said_at_its_row_in_words(monkeypatch):
    def fails(*args, **kwargs):
        raise pd.errors.ParserError("Error tokenizing data. C error: Buffer overflow caught in line 7")

    monkeypatch.setattr(reading, "read_careful", fails)
    problem = _only(read_file(CSV.replace("CIT01,200093201,2011", 'CIT01,"200093201",2011').encode(), "obs.csv"),
                    "csv_unparsable")
    assert problem.row == 7 and "tableur" in problem.message("fr")


# ---------------------------------------------------------------- two exports pasted together

def test_two_excel_csv_utf8_files_pasted_together_show_their_repeated_header():
    bom = b"\xef\xbb\xbf"
    first, second = "\n".join([HEADER, *ROWS[:3]]) + "\n", "\n".join([HEADER, *ROWS[3:6]]) + "\n"
    for raw in (bom + first.encode() + bom + second.encode(),                       # `cat a.csv b.csv`
                (bom + first.encode() + bom + second.encode()).replace(b"\n", b"\r\n")):   # Windows line ends
        result = read_file(raw, "pasted.csv")
        (problem,) = result.problems
        assert (problem.code, problem.row) == ("header_repeated", 5)
        (sheet,) = result.sheets
        assert sheet.frame["indicator_id"].tolist() == ["CIT01"] * 6
        assert sheet.rows.tolist() == [2, 3, 4, 6, 7, 8]


# ---------------------------------------------------------------- invisible characters

ZWSP, BOM, WJ, SHY, ZWJ = "\u200b", "\ufeff", "\u2060", "\u00ad", "\u200d"


def test_every_format_character_is_invisible_but_the_tags_of_flag_emoji():
    cf = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"]
    assert len(cf) > 150
    missed = [f"U+{ord(c):04X}" for c in cf if not INVISIBLE.match(c) and not 0xE0020 <= ord(c) <= 0xE007F]
    assert missed == []
    assert INVISIBLE.match("\U000E0067") is None   # a tag: part of 🏴 + tags (a subdivision's flag)


@pytest.mark.parametrize("cell", [ZWSP + "200093201", "200093201" + ZWSP, BOM + "200093201", "200093201" + WJ,
                                  f" {ZWSP}200093201\u00a0", f"{SHY}{ZWSP} 200093201"])
def test_invisible_characters_around_a_code_are_trimmed_as_spaces_are(cell):
    raw = f'{HEADER}\nCIT01,"{cell}",2001,12{ZWSP},,,\n'.encode()
    result = read_file(raw, "obs.csv")
    (sheet,) = result.sheets
    assert sheet.frame["territory_id"].tolist() == ["200093201"] and sheet.frame["value"].tolist() == ["12"]
    assert result.problems == []


def test_an_invisible_character_inside_a_cell_is_removed_and_named():
    raw = (f"{HEADER}\nCIT01,200{ZWSP}093201,2001,1{WJ}2,,note,\n"
           f"CIT01,200093201,2002,5,,famille \U0001F468{ZWJ}\U0001F469 di{SHY}rect,\n").encode()
    result = read_file(raw, "obs.csv")
    (sheet,) = result.sheets
    assert sheet.frame["territory_id"].tolist() == ["200093201"] * 2
    assert sheet.frame["value"].tolist() == ["12", "5"]
    # the joiner of an emoji stays; the soft hyphen goes
    assert sheet.frame["note"].tolist() == ["note", f"famille \U0001F468{ZWJ}\U0001F469 direct"]
    named = {(p.row, p.column): p for p in result.problems}
    assert set(named) == {(2, "territory_id"), (2, "value"), (3, "note")}
    code = named[2, "territory_id"]
    assert code.severity == "notice" and code.value == "200093201"
    assert "espace sans chasse (U+200B)" in code.message("fr") and "« 200 »" in code.message("fr")
    assert "zero-width space (U+200B)" in code.message("en") and "breedteloze spatie" in code.message("nl")
    assert "gluon de mots (U+2060)" in named[2, "value"].message("fr")
    assert "soft hyphen (U+00AD)" in named[3, "note"].message("en")
    for problem in result.problems:   # no message shows an invisible character (but an emoji's joiner)
        for text in (_said(problem), problem.value):
            assert not INVISIBLE.search(text.replace(ZWJ, ""))


def test_a_workbook_s_invisible_characters_are_trimmed_too():
    raw = workbook({"observations": [[f"{ZWSP}indicator_id", "territory_id", "period", "value"],
                                     ["CIT01", f"200093201{BOM}", 2001, f"{WJ}12"],
                                     ["CIT01", f"200{ZWSP}093201", 2002, 13]]})
    result = read_file(raw, "obs.xlsx")
    (sheet,) = result.sheets
    assert list(sheet.frame.columns)[0] == "indicator_id"
    assert sheet.frame["territory_id"].tolist() == ["200093201"] * 2
    assert [p.code for p in result.problems] == ["invisible_inside"]


def test_many_invisible_characters_inside_a_column_are_counted_not_listed(monkeypatch):
    monkeypatch.setenv("MONITOR_MAX_PROBLEMS_LISTED", "5")
    frame = pd.DataFrame({"a": [f"x{ZWSP}{i}" for i in range(30)]})
    out, problems = trim_invisible(frame, np.arange(2, 32), "f.csv")
    assert out["a"].tolist() == [f"x{i}" for i in range(30)]
    assert [p.code for p in problems] == ["invisible_inside"] * 5 + ["more_same"]
    assert frame["a"].iat[0] == f"x{ZWSP}0"   # the frame given is left as it was


# ---------------------------------------------------------------- wide encodings, and names that lie

OBS = "indicator_id;territory_id;period;value\nMOB02;59350;2021;1,5\nMOB02;59512;2021;2\n"


@pytest.mark.parametrize("codec, encoding", [("utf-32", "utf-32"), ("utf-32-be", "utf-32"),
                                             ("utf-16-le", "utf-16"), ("utf-16-be", "utf-16"),
                                             ("utf-32-le", "utf-32")])
def test_utf16_and_utf32_with_or_without_bom_are_read(codec, encoding):
    raw = (("\ufeff" if codec == "utf-32-be" else "") + OBS.replace("59512", "Liège 59512")).encode(codec)
    result = read_file(raw, "obs.csv")
    (sheet,) = result.sheets
    assert sheet.encoding == encoding
    assert list(sheet.frame.columns) == ["indicator_id", "territory_id", "period", "value"]
    assert sheet.frame["territory_id"].tolist() == ["59350", "Liège 59512"]
    assert not any("\x00" in _said(p) for p in result.problems)


def test_a_binary_file_with_many_nuls_is_still_binary():
    raw = bytes(range(256)) * 4 + bytes(4096)
    problem = _only(read_file(raw, "junk.csv"), "binary_file")   # not taken for UTF-16/32 without a BOM
    assert problem.file == "junk.csv" and "\x00" not in problem.message("fr")


def test_a_csv_named_xlsx_is_read_as_the_csv_it_is_and_junk_named_xlsx_is_still_a_damaged_workbook():
    (sheet,) = read_file(CSV.encode(), "obs.xlsx").sheets
    assert sheet.encoding == "utf-8" and len(sheet.frame) == len(ROWS)
    _only(read_file(bytes(range(256)) * 8, "obs.xlsx"), "damaged_xlsx")


# ---------------------------------------------------------------- blank lines are no cells

@pytest.mark.parametrize("blank", ["\n", "\r", ",,,,,,\n", "\r\r\n"])
def test_many_blank_lines_are_not_counted_as_cells(monkeypatch, blank):
    monkeypatch.setenv("MONITOR_MAX_CELLS", "2000")   # 7 columns: 285 rows; 5,000 blank lines are 35,000 cells
    ends = "\r" if blank == "\r" else "\n"
    last = 'CIT01,200093201,2030,"1",,,'   # a quoted cell: the careful reader, as a real file may need
    text = ends.join([HEADER, ROWS[0], ROWS[1]]) + ends + blank * 5000 + ends.join([ROWS[2], last]) + ends
    result = read_file(text.encode(), "sparse.csv")
    assert [p.code for p in result.problems if p.severity == "error"] == []
    (sheet,) = result.sheets
    assert sheet.frame["period"].tolist() == ["2010", "2011", "2012", "2030"]
    first = 4 + 5000 * (2 if blank == "\r\r\n" else 1)   # a spreadsheet row per line, blank ones too
    assert sheet.rows.tolist() == [2, 3, first, first + 1]


def test_rows_past_the_cell_limit_are_still_refused_blank_lines_or_not(monkeypatch):
    monkeypatch.setenv("MONITOR_MAX_CELLS", "2000")
    text = "\n".join([HEADER, *([ROWS[0]] * 400)]) + "\n\n\n"
    (problem,) = read_file(text.encode(), "full.csv").problems
    assert problem.code == "too_large_file" and problem.params["what"] == "MAX_CELLS"


def test_filled_lines_counts_lines_holding_a_cell_across_blocks(monkeypatch):
    monkeypatch.setattr(reading_rows, "_FILLED_BLOCK", 7)
    text = b"a,b\n\n  ,\n\r\nlonger line here,x\r\r\n;;\nlast"
    assert filled_lines(text) == 3
    assert filled_lines(b"\n\n\n") == 0 and filled_lines(b"x") == 1 and filled_lines(b"") == 0


def test_a_header_holding_a_nul_names_its_column_without_it():
    (sheet,) = read_file(b"indicator_id,territory\x00_id,period,value\nCIT01,200093201,2001,5\n", "nul.csv").sheets
    assert list(sheet.frame.columns) == ["indicator_id", "territory_id", "period", "value"]


def test_pasted_exports_and_invisible_codes_pass_the_whole_check(sqlite_url):
    """Through the validator, as `validate` and the Data page run it: one problem, the repeated header;
    codes and numbers around which a zero-width space, a BOM or a word joiner sat are accepted."""
    from indicators.importing import validate_files

    from .helpers import store_with_framework

    engine = store_with_framework(sqlite_url)
    head = "indicator_id,territory_id,period,value\n"
    one = head + f"MOB02,{ZWSP}59350,2019,1200\nMOB02,59512{WJ},2019,{BOM}1300\n"
    two = head + f"MOB02,{BOM}59350,2020,1250\nMOB02,{WJ}59512,2020,1350{ZWSP}\n"
    checked = validate_files(engine, [("pasted.csv", (BOM + one + BOM + two).encode())])
    assert [(p.code, p.row) for p in checked.problems] == [("header_repeated", 4)]
    assert not LEAKS.search(" ".join(_said(p) for p in checked.problems))
