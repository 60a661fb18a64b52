"""A file that is no text table is refused by the reader with one problem, `binary_file`, in the user's
language, and never offered to the mapping step as a table of junk (it was read as ISO-8859-1, a column
named `\\x00\\x01\\x02PK…`). The rule (reading_text.is_binary): a binary format's signature, or more than
2 control characters (not tab, LF, VT, FF, CR) and more than 1 in 1,000 bytes among the first 64 KB.
A workbook renamed .csv is read as a workbook, a UTF-16 file with its byte order mark as text."""
from __future__ import annotations

import struct
import zlib

import pytest

from indicators.reading import read_file
from indicators.reading_text import decode, is_binary

from .fixtures_dir import fixtures_dir
from .helpers import workbook, zip_of

OBS = "indicator_id;territory_id;period;value\nMOB02;59350;2021;1,5\n"


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    pixels = b"".join(b"\x00" + bytes((x * 7 + y) % 256 for x in range(30)) for y in range(20))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 30, 20, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(pixels)) + chunk(b"IEND", b""))


def _pdf() -> bytes:
    """A small PDF: lines of text around one short compressed stream (too few control bytes to tell)."""
    stream = zlib.compress(b"BT /F1 12 Tf 72 712 Td (Population 2021) Tj ET")
    return (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length " + str(len(stream)).encode()
            + b" /Filter /FlateDecode >>\nstream\n" + stream + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


def _zip(names: dict[str, str]) -> bytes:
    return zip_of(names)


def _xlsx() -> bytes:
    return workbook({"observations": [line.split(";") for line in OBS.splitlines()]})


BINARY = {
    # the file of the findings (session 27, §8): a NUL, control bytes, "PK" not at the start, then text
    "garbage": b"\x00\x01\x02PK\x03\x04 not a csv at all\xff\xfe",
    "png": _png(),
    "pdf": _pdf(),
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 3,
    "ole2_doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512),   # a Word 97 file, no Excel stream
    "random": bytes((i * 97 + 13) % 256 for i in range(5000)),
    # an Office document that is no workbook (a .docx; an .ods or a ZIP of CSV files are said as such,
    # reading_other_formats.other_format)
    "docx": _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}),
}


@pytest.mark.parametrize("case", sorted(BINARY))
def test_a_binary_file_named_csv_is_one_problem_and_no_table(case):
    result = read_file(BINARY[case], f"{case}.csv")
    assert result.sheets == []   # pages/data.py offers the mapping step only for a file read as a table
    (problem,) = result.problems
    assert (problem.code, problem.row, problem.column, problem.severity) == ("binary_file", None, None, "error")
    assert "binaire" in problem.message("fr") and "binair" in problem.message("nl")
    assert "binary" in problem.message("en") and problem.suggestion_text("fr")


def test_the_findings_garbage_file_was_the_one_the_nul_count_let_through():
    """One NUL in its first bytes: under the former rule (NULs alone) it was text."""
    assert is_binary(BINARY["garbage"]) and decode(BINARY["garbage"]) is None


def test_a_workbook_renamed_csv_is_read_as_a_workbook():
    result = read_file(_xlsx(), "observations.csv")
    (sheet,) = result.sheets
    assert list(sheet.frame.columns) == ["indicator_id", "territory_id", "period", "value"]
    assert sheet.frame["territory_id"].tolist() == ["59350"]


TEXT = {
    "utf16_bom": (OBS.encode("utf-16"), "utf-16"),                       # NULs beside every letter, and a BOM
    "utf16_bom_cut": (OBS.encode("utf-16") + b"\x00", "utf-16"),          # an odd byte count
    "one_nul_and_ctrl_z": ((OBS + "MOB02;59512;2021;2\n").encode()[:-1] + b"\x00\n\x1a", "utf-8"),
    "filemaker_vt": (("note;" + OBS.replace("\nMOB02", "\nLi\x0bège\x0bNord\x0bEst;MOB02")).encode("cp1252"),
                     "cp1252"),                                       # line breaks inside a cell
    "pk_header": (("PK_ID;" + OBS.replace("\nMOB02", "\n1;MOB02")).encode(), "utf-8"),   # "PK" opens no ZIP
}


@pytest.mark.parametrize("case", sorted(TEXT))
def test_text_with_a_few_control_characters_or_a_bom_is_still_read(case):
    raw, encoding = TEXT[case]
    result = read_file(raw, f"{case}.csv")
    assert [p.code for p in result.problems if p.code == "binary_file" or p.code == "bad_xlsx"] == []
    (sheet,) = result.sheets
    assert sheet.encoding == encoding and sheet.frame["indicator_id"].tolist()[0] == "MOB02"


@pytest.mark.parametrize("name", ["insee_poplegales_Communes.csv", "statbel_bevolking_per_gemeente_2020.csv",
                                  "eurostat_nama_10r_3gdp_BE_FR.tsv"])
def test_real_public_files_are_still_text(name):
    raw = (fixtures_dir() / "csv" / name).read_bytes()
    assert not is_binary(raw)
    result = read_file(raw, name)
    assert result.sheets and len(result.sheets[0].frame) > 10
    assert "binary_file" not in {p.code for p in result.problems}
