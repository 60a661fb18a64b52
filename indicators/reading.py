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
import io
import re
import zipfile
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
from .reading_rows import LONGER, _line_ends, check_lines, has_blank_line, line_at, longer_problems, read_careful, wide_records
from .reading_text import decode, has_mojibake, invalid_byte_problems, mixed_encoding, repair_mixed


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

    Never raises on a file's content: whatever goes wrong becomes a problem naming the file.
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
            return ReadResult(problems=[Problem(name, None, None, None, "bad_structure",
                                                {"detail": exc.strerror or str(exc)})])
    else:
        raw = bytes(source)
        name = name or "upload"
    try:
        limits.check("MAX_FILE_BYTES", len(raw))
        if raw[:2] == b"\x1f\x8b":   # gzip (.csv.gz, .tsv.gz, as Eurostat ships its tables): its inner file
            raw = gunzip(raw)
            name_inner = name[:-3] if name.lower().endswith(".gz") else name
        else:
            name_inner = name
        if not raw or raw.isspace():
            return ReadResult(problems=[Problem(name, None, None, None, "empty_file")])
        from .reading_xlsx import other_format, read_xlsx

        other = other_format(raw, name)   # an .xls, an .ods, a ZIP of CSV files: said as what it is
        if other is not None:
            return ReadResult(problems=[other])
        named_workbook = name_inner.lower().endswith((".xlsx", ".xlsm"))
        if raw.startswith(ZIP_SIGNATURES) or named_workbook:   # a workbook renamed .csv is read as one
            if not named_workbook and not _holds_workbook(raw):
                return ReadResult(problems=[binary_problem(name)])
            return read_xlsx(raw, name)
        return read_csv_bytes(raw, name)
    except limits.LimitExceeded as exc:
        return ReadResult(problems=[limit_problem(name, exc)])
    except (MemoryError, RecursionError, ValueError, TypeError, KeyError, IndexError, OSError, EOFError,
            UnicodeError, csv.Error, zipfile.BadZipFile) as exc:
        # A file we could not foresee: a report naming it, never a traceback.
        return ReadResult(problems=[Problem(name, None, None, None, "unreadable", {"detail": type(exc).__name__})])


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


def gunzip(raw: bytes) -> bytes:
    import gzip

    # Bounded by the packed size too: a 739 KB file of repeated rows unpacking to 190 MB cost 1 GB and
    # 5 s to read (limits.unpacked_limit).
    with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
        return limits.read_capped(stream, limit=limits.unpacked_limit(len(raw)))


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
        lines = check_lines(data)
    except limits.LimitExceeded as exc:
        if exc.what != "MAX_LINE_BYTES":
            raise
        return ReadResult(problems=[limit_problem(name, exc, long_line_row(data, exc.limit))])
    sep, skip = sniff(text)
    sep = directive or sep
    # Cells the parser would make, bounded before it makes them: ten million blank lines are 10 MB of
    # text but forty million cells once parsed.
    header_line = line_at(text, skip)
    limits.check("MAX_CELLS", max(lines - skip - 1, 0) * max(header_line.count(sep) + 1, 1))
    # Blank lines between LFs send the file to the careful reader (Arrow would refuse them); blank
    # lines a bare CR ends (CR CR LF) both readers give as rows of empty cells: dropped after reading.
    careful = has_blank_line(text)
    blank = careful or has_blank_line(text, cr=True)
    frame = None if careful else read_plain_table(data, sep, skip)
    if frame is not None:
        return _sheet_from(frame, name, text, encoding, sep, skip, blank, invalid)
    longer: list[Problem] = []
    try:
        try:
            frame = read_careful(text, sep, skip)
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
            frame, rows, columns, values = wide
            longer = longer_problems(name, rows, columns, values)
    except pd.errors.EmptyDataError:
        return ReadResult(problems=[Problem(name, None, None, None, "empty_file")])
    except pd.errors.ParserError as exc:
        quote = re.search(r"EOF inside string starting at row (\d+)", str(exc))
        if quote:   # pandas counts lines from 0, skipped ones included: a spreadsheet row is one more
            return ReadResult(problems=[Problem(name, int(quote.group(1)) + 1, None, None, "unclosed_quote")])
        return ReadResult(problems=[Problem(name, None, None, None, "bad_structure", {"detail": str(exc)[:200]})])
    result = _sheet_from(frame, name, text, encoding, sep, skip, blank, invalid)
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
                blank: bool, invalid: bool = False) -> ReadResult:
    limits.check("MAX_CELLS", frame.size)
    header = [str(c).strip() for c in frame.iloc[0]] if len(frame) else []
    frame = frame.iloc[1:].reset_index(drop=True)
    frame.columns, repeated = unique_header(header)
    positions, empty = tuple(range(1, len(header) + 1)), frozenset(k + 1 for k, h in enumerate(header) if not h)
    # Rows as a spreadsheet numbers them: the lines skipped above the header, the header, then records.
    rows = np.arange(len(frame), dtype=np.int64) + skip + 2
    frame, rows, again = header_repeats(frame, rows, header, name)
    if blank or empty:
        frame, rows, positions = drop_blank(frame, rows, positions, empty)
    mixed = has_mojibake(text, encoding)   # rows pasted from a UTF-8 file into a Windows-1252 one
    if mixed:
        frame = repair_mixed(frame)
    decimal, detected = detect_decimal(frame, sep)
    sheet = Sheet(name, frame, rows, encoding=encoding, separator=sep, decimal=decimal,
                  decimal_detected=detected, header_row=skip + 1, repeated=repeated, positions=positions,
                  empty_headers=empty)
    problems = again + (invalid_byte_problems(sheet) if invalid else []) + thousands_notices(sheet)
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

