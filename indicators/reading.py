"""Reading the CSV and XLSX files planners bring, and saying what was detected (XLSX: reading_xlsx.py;
the bytes' encoding: reading_text.py; the separator, header row and column names: reading_header.py;
line checks and records longer than the header: reading_rows.py; the decimal mark: reading_decimal.py).

Every cell is read as text: numbers, periods and codes are parsed later by the
validator, which knows each column's kind (so `01001` keeps its zero and a
decimal comma is never mistaken for a separator). The reader only finds the
encoding, the separator, the header row and the decimal mark, and keeps the
row number a spreadsheet would show for every record.
"""
from __future__ import annotations

import csv
import errno
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from . import limits
from .problems import Problem
from .reading_decimal import detect_decimal, thousands_columns
from .reading_header import column_letter, drop_blank, header_repeats, sep_directive, sniff, unique_header
from .reading_rows import (LONGER, _line_ends, check_lines, filled_lines, has_blank_line, line_at, longer_problems,
                           read_careful, read_careful_filled, wide_records)
from .reading_text import (decode, has_invisible, has_mojibake, header_notice, invalid_byte_problems, is_text,
                           mixed_encoding, repair_header, repair_mixed, trim_invisible, visible)


@dataclass
class Sheet:
    """One table read from a file: every cell as text, with its spreadsheet row numbers."""

    file: str
    frame: pd.DataFrame
    rows: np.ndarray
    sheet: str | None = None
    encoding: str | None = None
    separator: str | None = None
    decimal: str = "."
    decimal_detected: bool = False
    header_row: int = 1
    # Names written more than once in the header, with their spreadsheet column letters; each such
    # column is renamed "name (letter)" so that none is taken silently for another.
    repeated: dict[str, list[str]] = field(default_factory=dict)
    # Each frame column's position in the spreadsheet (1 = A), in step with frame.columns: the reader
    # leaves out columns with neither a header nor a cell, so a column's letter is known from here,
    # never read back from its name (a header may say `column E` or `Total (B)`). Default: A, B, C…
    positions: tuple[int, ...] = ()
    # The positions whose header cell was empty: the columns named by their letter (reading_header.unnamed).
    empty_headers: frozenset[int] = frozenset()
    # XLSX: the cells a merged range covers other than its first, which read as empty, as (row, column
    # position) -> (the range, its first cell): a problem at one says the cell is merged (reading_xlsx).
    merged: dict = field(default_factory=dict)
    # False for a text file holding neither `#` nor `Err:`: none of its cells is a spreadsheet's error value,
    # and spreadsheet_errors need not look at each column (0.14 s of a million rows, 5 columns).
    error_cells: bool = True
    # For a text file: whether any cell may hold a NUL character (the text holds one), and the most
    # characters a cell may hold (its longest line, when no quote lets a cell span lines; None: not
    # known). The per-column checks of both are skipped when they cannot find anything (0.05-0.1 s of a
    # million rows, 5 columns).
    nul_cells: bool = True
    longest_cell: int | None = None

    def __post_init__(self):
        if not self.positions:
            self.positions = tuple(range(1, self.frame.shape[1] + 1))

    def unnamed_letters(self) -> tuple[str, ...]:
        """The letters of the columns whose header cell was empty: a problem naming one says it by its
        letter in the user's language ("colonne E", Problem.unnamed)."""
        return tuple(column_letter(p) for p in self.positions if p in self.empty_headers)

    @property
    def label(self) -> str:
        return f"{self.file} [{self.sheet}]" if self.sheet else self.file

    def describe(self) -> dict:
        return {
            "file": self.label,
            "encoding": self.encoding,
            "separator": self.separator,
            "decimal": self.decimal,
            "rows": int(len(self.frame)),
        }


@dataclass
class ReadResult:
    sheets: list[Sheet] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_file(source: str | Path | bytes, name: str | None = None) -> ReadResult:
    """Read a CSV or XLSX (possibly gzip-compressed) given as a path or as bytes (an upload).

    Never raises on a file's content: whatever goes wrong becomes a problem naming the file, and saying
    why in the user's language (never an exception's name or a library's English text).
    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        name = name or path.name
        try:
            size = path.stat().st_size
            if size > limits.get("MAX_FILE_BYTES"):
                raise limits.LimitExceeded("MAX_FILE_BYTES", size, limits.get("MAX_FILE_BYTES"))
            raw = path.read_bytes()
        except limits.LimitExceeded as exc:
            return ReadResult(problems=[limit_problem(name, exc)])
        except OSError as exc:
            return ReadResult(problems=[Problem(name, None, None, None, _NOT_OPENED.get(exc.errno, "file_unopenable"))])
    else:
        raw = bytes(source)
        name = name or "upload"
    try:
        limits.check("MAX_FILE_BYTES", len(raw))
        trailing = 0
        if raw[:2] == GZIP_SIGNATURE:   # gzip (.csv.gz, .tsv.gz, as Eurostat ships its tables): its inner file
            raw, trailing = gunzip(raw)
            if raw[:2] == GZIP_SIGNATURE:
                return ReadResult(problems=[Problem(name, None, None, None, "gzip_twice")])
            name_inner = name[:-3] if name.lower().endswith(".gz") else name
        else:
            name_inner = name
        result = _read_unpacked(raw, name, name_inner)
        if trailing and result.sheets:
            result.problems.insert(0, Problem(name, None, None, None, "gzip_trailing", {"count": trailing},
                                              severity="notice"))
        return result
    except GzipDamaged as exc:
        return ReadResult(problems=[Problem(name, None, None, None, exc.code)])
    except limits.LimitExceeded as exc:
        return ReadResult(problems=[limit_problem(name, exc)])
    except MemoryError:
        return ReadResult(problems=[Problem(name, None, None, None, "file_out_of_memory")])
    except (RecursionError, ValueError, TypeError, KeyError, IndexError, OSError, EOFError,
            UnicodeError, csv.Error, zipfile.BadZipFile):
        # A file we could not foresee: a report naming it, never a traceback (nor the exception's name).
        return ReadResult(problems=[Problem(name, None, None, None, "unreadable")])


# Why a path could not be read, as a problem: any other error is `file_unopenable`.
_NOT_OPENED = {errno.ENOENT: "file_missing", errno.ENOTDIR: "file_missing", errno.EACCES: "file_denied",
               errno.EPERM: "file_denied"}


def _read_unpacked(raw: bytes, name: str, name_inner: str) -> ReadResult:
    """A file's (unpacked) bytes read by what they are, whatever the name says: a workbook renamed .csv is
    read as a workbook, a CSV text renamed .xlsx as a CSV (it was "a damaged workbook")."""
    if not raw or raw.isspace():
        return ReadResult(problems=[Problem(name, None, None, None, "empty_file")])
    from .reading_other_formats import other_format
    from .reading_xlsx import read_xlsx

    other = other_format(raw, name)   # an .xls, an .ods, a ZIP of CSV files: said as what it is
    if other is not None:
        return ReadResult(problems=[other])
    named_workbook = name_inner.lower().endswith((".xlsx", ".xlsm"))
    if raw.startswith(ZIP_SIGNATURES) or (named_workbook and not is_text(raw)):
        if not named_workbook and not _holds_workbook(raw):
            return ReadResult(problems=[binary_problem(name)])
        result = read_xlsx(raw, name)
        for sheet in result.sheets:   # (a CSV's are trimmed before its repeated headers are looked for)
            sheet.frame, notices = trim_invisible(sheet.frame, sheet.rows, sheet.label, sheet.unnamed_letters(),
                                                  header_row=sheet.header_row)
            result.problems.extend(notices)
        return result
    return read_csv_bytes(raw, name)


# A ZIP archive's first bytes (an XLSX is one): a local file header, or the end record of an empty
# archive. Two bytes alone, "PK", also open a CSV whose first column is `PK_ID`.
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")


def _holds_workbook(raw: bytes) -> bool:
    """Whether a ZIP archive under another name than .xlsx holds a workbook (its `xl/` parts): a .docx
    renamed .csv is no table (an .ods or a ZIP of files is said as such before, other_format). An archive
    that cannot be opened is left to the workbook reader, which says it is damaged."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return any(n.startswith("xl/") for n in archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return True


def binary_problem(name: str) -> Problem:
    """The one problem of a file that is no text table and no workbook (reading_text.is_binary)."""
    return Problem(name, None, None, None, "binary_file", suggestion=("save_as_csv", {}))


def limit_problem(name: str, exc: limits.LimitExceeded, row: int | None = None) -> Problem:
    code = "too_long_line" if exc.what == "MAX_LINE_BYTES" and row is not None else "too_large_file"
    return Problem(name, row, None, None, code, {"what": exc.what, "found": exc.found, "limit": exc.limit})


GZIP_SIGNATURE = b"\x1f\x8b"


class GzipDamaged(Exception):
    """A .gz file that does not unpack, as the problem that says why: `gzip_cut` (it ends before its
    compressed content does: a download that stopped) or `gzip_damaged` (wrong bytes or checksum)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


class _Members:
    """A gzip file's members unpacked one after the other, `read(size)` bytes at a time (limits.read_capped
    reads it), as gunzip reads them: zero bytes after the last member are padding, and other bytes there are
    left aside and counted in `trailing` (gunzip: "trailing garbage ignored"). Python's gzip module refused
    such a file, and said a cut or damaged one by its exception's name (EOFError, BadGzipFile)."""

    _FEED = 1 << 16   # compressed bytes given to zlib at once

    def __init__(self, raw: bytes):
        self.raw, self.at, self.trailing, self.ended = memoryview(raw), 0, 0, False
        self.member = zlib.decompressobj(16 + zlib.MAX_WBITS)   # a gzip header and trailer (CRC, size)

    def read(self, size: int) -> bytes:
        try:
            while not self.ended:
                member = self.member
                if member.eof:
                    self._next()
                    continue
                if member.unconsumed_tail:
                    out = member.decompress(member.unconsumed_tail, size)
                elif self.at < len(self.raw):
                    chunk = self.raw[self.at:self.at + self._FEED]
                    self.at += len(chunk)
                    out = member.decompress(chunk, size)
                else:
                    out = member.decompress(b"", size)   # what zlib still holds of the input given
                    if not out and not member.eof:
                        raise GzipDamaged("gzip_cut")
                if out:
                    return out
        except zlib.error as exc:
            raise GzipDamaged("gzip_damaged") from exc
        return b""

    def _next(self) -> None:
        """After a member's end: the next member, or the end (padding, or other bytes counted)."""
        self.at -= len(self.member.unused_data)   # given to zlib past the member's end
        rest = self.raw[self.at:]
        if rest[:2] == GZIP_SIGNATURE:
            self.member = zlib.decompressobj(16 + zlib.MAX_WBITS)
            return
        self.ended = True
        if np.frombuffer(rest, dtype=np.uint8).any():
            self.trailing = len(rest)


def gunzip(raw: bytes) -> tuple[bytes, int]:
    """A gzip file's content, and how many bytes after it were left aside; GzipDamaged when it does not
    unpack. Bounded by the packed size too: a 739 KB file of repeated rows unpacking to 190 MB cost 1 GB and
    5 s to read (limits.unpacked_limit)."""
    members = _Members(raw)
    return limits.read_capped(members, limit=limits.unpacked_limit(len(raw))), members.trailing


# ---------------------------------------------------------------- CSV

def read_csv_bytes(raw: bytes, name: str) -> ReadResult:
    decoded = decode(raw)
    if decoded is None:
        return ReadResult(problems=[binary_problem(name)])
    text, encoding, invalid = decoded
    text, directive = sep_directive(text.lstrip("\ufeff"))
    if not text or text.isspace():   # (strip() would copy 25 MB to say so)
        return ReadResult(problems=[Problem(name, None, None, None, "empty_file")])
    # The text as UTF-8 for the byte-level passes: a file that decoded as UTF-8 already is (one copy of
    # a large file fewer held at once).
    data = raw if encoding == "utf-8" and not invalid and not directive else text.encode("utf-8", errors="replace")
    try:
        lines, longest = check_lines(data)
    except limits.LimitExceeded as exc:
        if exc.what != "MAX_LINE_BYTES":
            raise
        return ReadResult(problems=[limit_problem(name, exc, long_line_row(data, exc.limit))])
    sep, skip = sniff(text)
    sep = directive or sep
    # Blank lines between LFs send the file to the careful reader (Arrow would refuse them); blank
    # lines a bare CR ends (CR CR LF) both readers give as rows of empty cells: dropped after reading.
    careful = has_blank_line(text)
    blank = careful or has_blank_line(text, cr=True)
    # Cells the parser would make, bounded before it makes them: ten million blank lines are 10 MB of
    # text but forty million cells once parsed. Past the limit with blank lines, the lines holding a cell
    # count, and the careful reader drops the blank ones as it goes (a million blank lines and one row).
    width = max(line_at(text, skip).count(sep) + 1, 1)
    sparse = blank and max(lines - skip - 1, 0) * width > limits.get("MAX_CELLS")
    if sparse:
        lines = filled_lines(data)
    limits.check("MAX_CELLS", max(lines - skip - 1, 0) * width)
    invisible = has_invisible(text, data)
    frame = None if careful or sparse else read_plain_table(data, sep, skip)
    if frame is not None:
        return _sheet_from(frame, name, text, encoding, sep, skip, blank, invalid, invisible=invisible,
                           longest=longest)
    longer: list[Problem] = []
    rows = None
    try:
        try:
            frame, rows = read_careful_filled(text, sep, skip) if sparse else (read_careful(text, sep, skip), None)
        except pd.errors.ParserError as exc:
            match = LONGER.search(str(exc))
            if match is None:
                raise
            # Records longer than the header (pandas names the first only): those whose extra cells are
            # all empty (`MOB04;59350;2023;1,5;`, as many exports end their lines) are no problem; each
            # with a filled one is a problem at its row, skipped with the other invalid rows when the
            # user asks. The table keeps the header's width either way.
            width = int(match.group(1))
            wide = wide_records(text, data, sep, skip, width)
            if wide is None:
                # The csv module cannot read the text to its end (a cell past its field limit): which rows
                # to skip is not known, so the record pandas named stands for the whole file.
                return ReadResult(problems=[Problem(name, int(match.group(2)), None, None, "too_many_fields",
                                                    {"letter": column_letter(width + 1)})])
            frame, wide_rows, columns, values = wide
            longer = longer_problems(name, wide_rows, columns, values)
    except pd.errors.EmptyDataError:
        return ReadResult(problems=[Problem(name, None, None, None, "empty_file")])
    except pd.errors.ParserError as exc:
        quote = re.search(r"EOF inside string starting at row (\d+)", str(exc))
        if quote:   # pandas counts lines from 0, skipped ones included: a spreadsheet row is one more
            return ReadResult(problems=[Problem(name, int(quote.group(1)) + 1, None, None, "unclosed_quote")])
        # Any other: said in the user's words, at the line pandas names if it does (never its English text).
        line = re.search(r"\b(?:line|row) (\d+)", str(exc))
        return ReadResult(problems=[Problem(name, int(line.group(1)) if line else None, None, None, "csv_unparsable")])
    result = _sheet_from(frame, name, text, encoding, sep, skip, blank, invalid, rows=rows, invisible=invisible,
                         longest=longest)
    result.problems[:0] = longer
    return result


def long_line_row(encoded: bytes, limit: int) -> int | None:
    """The number of the first line longer than `limit` bytes (the row a spreadsheet shows, the header
    row 1), counted as check_lines counts, block by block: the long line is said where it is."""
    data = np.frombuffer(encoded, dtype=np.uint8)
    line, start, block = 1, 0, 8 * 1024 * 1024
    for begin in range(0, len(data), block):
        stop = min(begin + block, len(data))
        ends = _line_ends(data, begin, stop)
        if len(ends):
            lengths = ends - np.concatenate(([start], ends[:-1] + 1))
            over = np.flatnonzero(lengths > limit)
            if len(over):
                return line + int(over[0])
            line, start = line + len(ends), int(ends[-1]) + 1
        if stop - start > limit:
            return line
    return None


def read_plain_table(data: bytes, sep: str, skip: int) -> pd.DataFrame | None:
    """Every cell as text through Arrow's CSV reader, or None when the careful reader must take the file.

    A plain table reads 8 times faster here than in pandas' C reader (0.09 against 0.73 s for the
    1 M rows of bench/ingest.py), into the same Arrow-backed text columns. Plain means: no quote
    character at all (Arrow takes a quote left open at the end of a file as a field, where pandas
    names its row), and every record as many fields as the header (Arrow refuses the others, and
    pandas' reader then names the row at fault). Large statistical exports are plain; a file
    quoting its cells takes the careful reader."""
    start = 0
    for _ in range(skip):
        start = data.find(b"\n", start) + 1
        if start == 0:
            return None
    if b'"' in data or len(data[:start].decode("utf-8", errors="replace").splitlines()) != skip:
        return None
    try:
        table = pa_csv.read_csv(
            pa.BufferReader(pa.py_buffer(data)[start:]),
            read_options=pa_csv.ReadOptions(autogenerate_column_names=True),
            parse_options=pa_csv.ParseOptions(delimiter=sep, quote_char=False, escape_char=False,
                                              newlines_in_values=False, ignore_empty_lines=False),
            convert_options=pa_csv.ConvertOptions(
                column_types={f"f{i}": pa.string() for i in range(limits.get("MAX_FIELDS_PER_ROW") + 1)},
                strings_can_be_null=False, quoted_strings_can_be_null=False))
    except (pa.ArrowException, ValueError):
        return None
    frame = table.to_pandas()
    frame.columns = range(frame.shape[1])
    return frame


def _sheet_from(frame: pd.DataFrame, name: str, text: str, encoding: str, sep: str, skip: int,
                blank: bool, invalid: bool = False, rows: np.ndarray | None = None, invisible: bool = False,
                longest: int | None = None) -> ReadResult:
    """The table read (its header the first record), as a Sheet; `rows`: each record's spreadsheet row
    when blank records were left out while reading (read_careful_filled); `invisible`: the text holds an
    invisible character (reading_text.has_invisible), trimmed around cells before repeated headers are
    looked for (two Excel "CSV UTF-8" files pasted together: the second header opens with a BOM);
    `longest`: the text's longest line, in UTF-8 bytes (reading_rows.check_lines)."""
    limits.check("MAX_CELLS", frame.size)
    written = [str(c) for c in frame.iloc[0]] if len(frame) else []
    header = [visible(c) for c in written]
    # a NUL inside a column's name (`terr\x00itory_id`) is removed: said, as one in a cell is refused
    nul_notices = [header_notice(name, skip + 1, h, c) for h, c in zip(header, written) if "\x00" in c.strip("\x00 ")]
    mixed = has_mojibake(text, encoding)   # rows pasted from a UTF-8 file into a Windows-1252 one
    if mixed:   # the header too: pasted from the template, its `période` is no `pÃ©riode`
        header = repair_header(header)
    frame = frame.iloc[1:].reset_index(drop=True)
    frame.columns, repeated = unique_header(header)
    positions, empty = tuple(range(1, len(header) + 1)), frozenset(k + 1 for k, h in enumerate(header) if not h)
    # Rows as a spreadsheet numbers them: the lines skipped above the header, the header, then records.
    rows = np.arange(len(frame), dtype=np.int64) + skip + 2 if rows is None else rows[1:]
    notices: list[Problem] = []
    if invisible:
        frame, notices = trim_invisible(frame, rows, name, tuple(column_letter(p) for p in sorted(empty)),
                                        header_row=skip + 1)
    frame, rows, again = header_repeats(frame, rows, header, name)
    if blank or empty or invisible:
        frame, rows, positions = drop_blank(frame, rows, positions, empty)
    if mixed:
        frame = repair_mixed(frame)
    decimal, detected = detect_decimal(frame, sep)
    sheet = Sheet(name, frame, rows, encoding=encoding, separator=sep, decimal=decimal,
                  decimal_detected=detected, header_row=skip + 1, repeated=repeated, positions=positions,
                  empty_headers=empty, error_cells="#" in text or "Err:" in text, nul_cells="\x00" in text,
                  longest_cell=longest if longest is not None and '"' not in text else None)
    problems = nul_notices + again + notices + (invalid_byte_problems(sheet) if invalid else []) + thousands_notices(sheet)
    return ReadResult(sheets=[sheet], problems=problems + (mixed_encoding(name, text) if mixed else []))


def thousands_notices(sheet: Sheet) -> list[Problem]:
    """A notice for each number column read with its only mark as a thousands separator (1.250 read
    as 1250, reading_decimal.thousands_columns): the reading stays the documented one, but a file whose
    mark was decimal would otherwise be stored 1000 times too large without a word."""
    grouping = "." if sheet.decimal == "," else ","
    return [Problem(sheet.label, int(sheet.rows[at]), str(col), cell, "read_as_thousands",
                    {"column": str(col), "example": cell, "read_as": read_as, "mark": grouping, "decimal": sheet.decimal,
                     "meant": meant, "fixed": fixed}, severity="notice")
            for col, at, cell, read_as, meant, fixed in thousands_columns(sheet.frame, sheet.decimal)]

