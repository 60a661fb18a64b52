"""Reading the CSV and XLSX files planners bring, and saying what was detected.

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
from .schema import normalise_header, TABLES, alias_map

SEPARATORS = (";", ",", "\t", "|")
_SEP_NAMES = {";": "semicolon", ",": "comma", "\t": "tab", "|": "pipe"}

# Cells that show a decimal comma (1,5 / 1 234,5 / 1.234,56) or a decimal point (1.5, 3.05858).
_COMMA_DECIMAL = re.compile(r"^[+-]?\d{1,3}(?:[ .\u00a0\u202f]\d{3})*,\d+(?:\s*[a-z]{1,2})?$|^[+-]?\d+,\d+(?:\s*[a-z]{1,2})?$")
_POINT_DECIMAL = re.compile(r"^[+-]?\d{1,3}(?:[ ,\u00a0\u202f]\d{3})*\.\d+(?:\s*[a-z]{1,2})?$|^[+-]?\d+\.\d+(?:\s*[a-z]{1,2})?$")
# A line with no cell. Two patterns that start with a plain "\n" scan 25 MB in 0.05 s; one with
# "(?:^|\n)" in front took 0.4 s (measured on bench/ingest.py's file).
_BLANK_INSIDE = re.compile(r"\n[ \t\r;,|]*\n")
_BLANK_LAST = re.compile(r"[ \t\r]*[;,|][ \t\r;,|]*")


def _has_blank_line(text: str) -> bool:
    if text.startswith("\n") or _BLANK_INSIDE.search(text):
        return True
    last = text[text.rfind("\n") + 1:]
    return bool(last) and _BLANK_LAST.fullmatch(last) is not None
_AMBIGUOUS_POINT = re.compile(r"^[+-]?\d{1,3}\.\d{3}$")  # 1.234: a thousand or one and a bit


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
        if raw[:2] == b"PK" or name_inner.lower().endswith((".xlsx", ".xlsm")):
            return read_xlsx(raw, name)
        return read_csv_bytes(raw, name)
    except limits.LimitExceeded as exc:
        return ReadResult(problems=[limit_problem(name, exc)])
    except (MemoryError, RecursionError, ValueError, TypeError, KeyError, IndexError, OSError, EOFError,
            UnicodeError, csv.Error, zipfile.BadZipFile) as exc:
        # A file we could not foresee: a report naming it, never a traceback.
        return ReadResult(problems=[Problem(name, None, None, None, "unreadable", {"detail": type(exc).__name__})])


def limit_problem(name: str, exc: limits.LimitExceeded, row: int | None = None) -> Problem:
    return Problem(name, row, None, None, "too_large_file", {"what": exc.what, "found": exc.found, "limit": exc.limit})


def gunzip(raw: bytes) -> bytes:
    import gzip

    with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
        return limits.read_capped(stream)


# ---------------------------------------------------------------- encodings

def decode(raw: bytes) -> tuple[str, str] | None:
    """Text and encoding name; None when the bytes are not text."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" export
        # An odd byte count (a cut file) loses its last half character, not the whole file.
        return raw.decode("utf-16", errors="replace"), "utf-16"
    head = raw[:8192]
    if head.count(b"\x00") > max(2, len(head) // 1000):   # a stray NUL in a note is text (and a problem)
        return None
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # Excel on Windows in France and Belgium writes Windows-1252; it and ISO-8859-1 differ
        # only in 0x80-0x9F, where Windows puts € ’ œ …: name the one the bytes show.
        text = raw.decode("cp1252")
        return text, ("cp1252" if re.search(rb"[\x80-\x9f]", raw) else "iso-8859-1")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # other single-byte files (DOS, Mac): let it measure

    best = from_bytes(raw[:65536]).best()
    encoding = best.encoding if best else "latin_1"
    try:
        return raw.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return raw.decode("cp1252", errors="replace"), "cp1252"


# ---------------------------------------------------------------- CSV

def _known_headers() -> set[str]:
    names: set[str] = set()
    for table in TABLES.values():
        names.update(alias_map(table))
    return names


def _field_counts(lines: list[str], sep: str) -> list[int]:
    counts = []
    for line in lines:
        try:
            counts.append(len(next(csv.reader([line], delimiter=sep))))
        except (csv.Error, StopIteration):
            counts.append(0)
    return counts


def sniff(text: str) -> tuple[str, int]:
    """The separator and the number of lines before the header row.

    Comment lines (#) and free-text notes above the header are skipped: the
    header is the first line with as many fields as most of the lines after it.
    """
    lines = text[:200_000].splitlines()[:200]
    candidates = [(i, ln) for i, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#")]
    best_sep, best_score = ",", (-1, -1)
    for sep in SEPARATORS:
        counts = _field_counts([ln for _, ln in candidates[:60]], sep)
        if not counts:
            continue
        modal = max(set(counts), key=counts.count)
        if modal < 2:
            continue
        score = (counts.count(modal), modal)
        if score > best_score:
            best_sep, best_score = sep, score
    counts = _field_counts([ln for _, ln in candidates[:60]], best_sep)
    if not counts:
        return best_sep, 0
    modal = max(set(counts), key=counts.count)
    known = _known_headers()
    for (index, line), count in zip(candidates, counts):
        try:
            cells = next(csv.reader([line], delimiter=best_sep), [])
        except csv.Error:   # a pasted note longer than the csv module's field limit: not the header
            cells = []
        if any(normalise_header(c) in known for c in cells) or count >= modal:
            return best_sep, index
    return best_sep, candidates[0][0] if candidates else 0


def detect_decimal(frame: pd.DataFrame, sep: str) -> tuple[str, bool]:
    """The decimal mark the cells show, and whether any cell showed it."""
    sample = frame.head(5000)
    commas = points = 0
    for col in sample.columns:
        values = sample[col].astype(str).str.strip()
        commas += int(values.str.match(_COMMA_DECIMAL).sum())
        points += int((values.str.match(_POINT_DECIMAL) & ~values.str.match(_AMBIGUOUS_POINT)).sum())
    if commas or points:
        return ("," if commas > points else "."), True
    # No decimal in the data: French and Belgian Excel pair ';' with a decimal comma.
    return ("," if sep == ";" else "."), False


def read_csv_bytes(raw: bytes, name: str) -> ReadResult:
    decoded = decode(raw)
    if decoded is None:
        return ReadResult(problems=[Problem(name, None, None, None, "binary_file",
                                            suggestion=("save_as_csv", {}))])
    text, encoding = decoded
    text = text.lstrip("\ufeff")
    if not text or text.isspace():   # (strip() would copy 25 MB to say so)
        return ReadResult(problems=[Problem(name, None, None, None, "empty_file")])
    data = text.encode("utf-8", errors="replace")
    lines = check_lines(data)
    sep, skip = sniff(text)
    # Cells the parser would make, bounded before it makes them: ten million blank lines are 10 MB of
    # text but forty million cells once parsed.
    header_line = _line(text, skip)
    limits.check("MAX_CELLS", max(lines - skip - 1, 0) * max(header_line.count(sep) + 1, 1))
    blank = _has_blank_line(text)
    frame = None if blank else read_plain_table(data, sep, skip)
    if frame is not None:
        return _sheet_from(frame, name, text, encoding, sep, skip, blank)
    try:
        # header=None: the header is read as a row, so a record with more cells than the header is a
        # parser error at its line (pandas would otherwise take the first column as an index and shift
        # the others), and repeated names stay as written (pandas would rename them `x.1`).
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, na_filter=False,
                            skiprows=skip, skip_blank_lines=False, quotechar='"', engine="c", header=None,
                            index_col=False)
    except pd.errors.EmptyDataError:
        return ReadResult(problems=[Problem(name, None, None, None, "empty_file")])
    except pd.errors.ParserError as exc:
        match = re.search(r"line (\d+), saw (\d+)", str(exc))
        if match:
            row = int(match.group(1)) + skip
            return ReadResult(problems=[Problem(name, row, None, None, "too_many_fields")])
        quote = re.search(r"EOF inside string starting at row (\d+)", str(exc))
        if quote:   # pandas counts lines from 0, skipped ones included: a spreadsheet row is one more
            return ReadResult(problems=[Problem(name, int(quote.group(1)) + 1, None, None, "unclosed_quote")])
        return ReadResult(problems=[Problem(name, None, None, None, "bad_structure", {"detail": str(exc)[:200]})])
    return _sheet_from(frame, name, text, encoding, sep, skip, blank)


def _line(text: str, index: int) -> str:
    """The line at `index` (from 0), found without copying the text: 40 ms on 25 MB through StringIO."""
    start = 0
    for _ in range(index):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    stop = text.find("\n", start)
    return text[start:] if stop < 0 else text[start:stop + 1]


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
                blank: bool) -> ReadResult:
    limits.check("MAX_CELLS", frame.size)
    header = [str(c).strip() for c in frame.iloc[0]] if len(frame) else []
    frame = frame.iloc[1:].reset_index(drop=True)
    frame.columns, repeated = unique_header([h if h else f"Unnamed: {i}" for i, h in enumerate(header)])
    # Rows as a spreadsheet numbers them: the lines skipped above the header, the header, then records.
    rows = np.arange(len(frame), dtype=np.int64) + skip + 2
    if blank or "Unnamed: " in "".join(frame.columns):
        frame, rows = _drop_blank(frame, rows)
    decimal, detected = detect_decimal(frame, sep)
    sheet = Sheet(name, frame, rows, encoding=encoding, separator=sep, decimal=decimal,
                  decimal_detected=detected, header_row=skip + 1, repeated=repeated)
    return ReadResult(sheets=[sheet], problems=mixed_encoding(name, text, encoding, rows, skip))


def check_lines(encoded: bytes) -> int:
    """Refuse, before parsing, a line longer or with more fields than any real table has; the line count.

    A row of 200,000 fields costs the parser time in the square of its length; one pass over the
    text's line ends and separators (vectorised, on the text as UTF-8) bounds both.
    """
    data = np.frombuffer(encoded, dtype=np.uint8)
    ends = np.flatnonzero(data == 10)
    starts = np.concatenate(([0], ends + 1))
    stops = np.concatenate((ends, [len(data)]))
    longest = int((stops - starts).max()) if len(starts) else 0
    limits.check("MAX_LINE_BYTES", longest)
    limit = limits.get("MAX_FIELDS_PER_ROW")
    if longest + 1 <= limit:   # a line of n bytes holds at most n + 1 fields: nothing to count
        return len(starts)
    for sep in SEPARATORS:   # an upper bound: separators inside quotes count too
        at = np.flatnonzero(data == ord(sep))
        if len(at) > limit:
            per_line = np.bincount(np.searchsorted(ends, at), minlength=len(starts))
            limits.check("MAX_FIELDS_PER_ROW", int(per_line.max()) + 1)
    return len(starts)


def unique_header(header: list[str]) -> tuple[list[str], dict[str, list[str]]]:
    """The header with every repeated name made unique as "name (letter)" (an election file has
    eleven columns named `Voix`), and the repeated names with their column letters."""
    seen: dict[str, list[int]] = {}
    for i, h in enumerate(header, start=1):
        if h and not h.startswith("Unnamed: "):
            seen.setdefault(normalise_header(h), []).append(i)
    out, repeated = list(header), {}
    for positions in seen.values():
        if len(positions) > 1:
            repeated[header[positions[0] - 1]] = [column_letter(p) for p in positions]
            for p in positions:
                out[p - 1] = f"{header[p - 1]} ({column_letter(p)})"
    return out, repeated


def repeated_problems(sheet: Sheet) -> list[Problem]:
    """One problem per repeated column name of a sheet read as a plain table."""
    return [Problem(sheet.label, sheet.header_row, name, name, "repeated_header",
                    {"column": name, "count": len(letters), "positions": ", ".join(letters)})
            for name, letters in sheet.repeated.items()]


def column_letter(position: int) -> str:
    """A spreadsheet's column letter for a 1-based position (1 -> A, 27 -> AA)."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(position)


_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]")


def mixed_encoding(name: str, text: str, encoding: str, rows: np.ndarray, skip: int) -> list[Problem]:
    """A notice naming the rows of a Windows-1252 file that hold UTF-8 text (é read as Ã©)."""
    # Â or Ã opens every such pair: looking for them first spares the pattern a pass over 25 MB.
    if encoding not in ("cp1252", "iso-8859-1") or ("\u00c2" not in text and "\u00c3" not in text) \
            or not _MOJIBAKE.search(text):
        return []
    lines = text.splitlines()
    bad = [i + 1 for i, line in enumerate(lines) if _MOJIBAKE.search(line)]
    shown = ", ".join(map(str, bad[:10])) + (" …" if len(bad) > 10 else "")
    return [Problem(name, bad[0], None, None, "mixed_encoding", {"rows": shown}, severity="notice")]


def _drop_blank(frame: pd.DataFrame, rows: np.ndarray) -> tuple[pd.DataFrame, np.ndarray]:
    frame = frame.loc[:, [c for c in frame.columns if not (c.startswith("Unnamed: ") and
                                                            (frame[c].str.strip() == "").all())]]
    if frame.shape[1] == 0:
        return frame, rows[:0]
    blank = np.ones(len(frame), dtype=bool)
    for col in frame.columns:
        blank &= (frame[col].str.strip() == "").to_numpy()
    if blank.any():
        frame = frame.loc[~blank].reset_index(drop=True)
        rows = rows[~blank]
    return frame, rows


# ---------------------------------------------------------------- XLSX

def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text[:10] if text.endswith("T00:00:00") else text
    return str(value)


def read_xlsx(raw: bytes, name: str) -> ReadResult:
    import openpyxl

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            limits.check_zip(archive)   # shared strings that unpack to gigabytes are refused unread
            if any(_has_doctype(archive, info) for info in archive.infolist() if info.filename.endswith(".xml")):
                return ReadResult(problems=[Problem(name, None, None, None, "bad_xlsx", {"detail": "DOCTYPE"})])
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    except limits.LimitExceeded:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure of the archive or its XML is the file's
        detail = "not a valid XLSX archive" if isinstance(exc, zipfile.BadZipFile) else type(exc).__name__
        return ReadResult(problems=[Problem(name, None, None, None, "bad_xlsx", {"detail": detail})])
    result = ReadResult()
    try:
        for ws in book.worksheets:
            sheet, problems = _read_worksheet(ws, name)
            result.problems.extend(problems)
            if sheet is not None:
                result.sheets.append(sheet)
    except limits.LimitExceeded:
        raise
    except Exception as exc:  # noqa: BLE001
        return ReadResult(problems=[Problem(name, None, None, None, "bad_xlsx", {"detail": type(exc).__name__})])
    finally:
        book.close()
    if not result.sheets and not result.problems:
        result.problems.append(Problem(name, None, None, None, "empty_file"))
    return result


def _has_doctype(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """A DOCTYPE in a workbook's XML (entity expansion, external entities): Excel never writes one."""
    with archive.open(info) as part:
        return b"<!DOCTYPE" in part.read(4096).upper()


def _read_worksheet(ws, name: str) -> tuple[Sheet | None, list[Problem]]:
    """One worksheet, row by row, trusting the cells present, not the sheet's declared dimension.

    A stray cell at XFD1048576 would make openpyxl pad every row to 16,384 cells and yield a
    million rows: rows are kept only when they hold something, trailing empty cells are cut,
    and the cells kept are counted against the limit.
    """
    ws.reset_dimensions()   # read-only sheets otherwise pad rows to the declared (or stray) extent
    known = _known_headers()
    max_cells, max_cols = limits.get("MAX_CELLS"), limits.get("MAX_COLUMNS")
    header: list[str] | None = None
    header_row = 0
    body: list[list[str]] = []
    numbers: list[int] = []
    notes: list[tuple[int, list[str]]] = []   # non-empty rows before a known header
    outside: list[tuple[int, int]] = []       # (row, column) of a cell right of the header's last name
    cells = 0
    for index, values in enumerate(ws.iter_rows(values_only=True), start=1):
        if not values or all(v is None or v == "" for v in values):
            continue
        row = [_cell_text(v) for v in values]
        while row and not row[-1].strip():
            row.pop()
        if header is None:
            if len(row) > max_cols:
                raise limits.LimitExceeded("MAX_COLUMNS", len(row), max_cols)
            # The header is the first row naming a known column (notes may sit above it).
            if any(normalise_header(c) in known for c in row if c):
                header, header_row = [c.strip() for c in row], index
            else:
                notes.append((index, row))
                cells += len(row)
                if cells > max_cells:
                    raise limits.LimitExceeded("MAX_CELLS", cells, max_cells)
            continue
        cells += min(len(row), len(header))
        if cells > max_cells:
            raise limits.LimitExceeded("MAX_CELLS", cells, max_cells)
        beyond = next((i for i in range(len(header), len(row)) if row[i].strip()), None)
        if beyond is not None and len(outside) < 1000:
            outside.append((index, beyond))
        body.append(row[:len(header)] + [""] * (len(header) - len(row[:len(header)])))
        numbers.append(index)
    if header is None:
        if not notes:
            return None, []
        # No known column: the first non-empty row is the header (the check then names the table it lacks).
        header_row, first = notes[0]
        header = [c.strip() for c in first]
        for index, row in notes[1:]:
            body.append(row[:len(header)] + [""] * (len(header) - len(row[:len(header)])))
            numbers.append(index)
    while header and not header[-1]:
        header.pop()
    width = len(header)
    for index, row in zip(numbers, body):   # cells under the trailing empty header cells are outside too
        beyond = next((i for i in range(width, len(row)) if row[i].strip()), None)
        if beyond is not None and len(outside) < 1000:
            outside.append((index, beyond))
    body = [r[:width] for r in body]
    frame = pd.DataFrame(body, columns=header, dtype="str") if body else pd.DataFrame(
        {h: pd.Series([], dtype="str") for h in header})
    frame.columns, repeated = unique_header([c if c else f"Unnamed: {i}" for i, c in enumerate(frame.columns)])
    rows = np.asarray(numbers, dtype=np.int64)
    frame, rows = _drop_blank(frame, rows)
    sheet = Sheet(name, frame, rows, sheet=ws.title, encoding=None, separator=None,
                  decimal=".", decimal_detected=False, header_row=header_row, repeated=repeated)
    return sheet, _outside_problems(sheet.label, sorted(set(outside)))


def _outside_problems(label: str, outside: list[tuple[int, int]]) -> list[Problem]:
    """A notice naming the cells right of the table (a total, a comment): they are not read."""
    if not outside:
        return []
    shown = ", ".join(f"{column_letter(col + 1)}{row}" for row, col in outside[:10]) + (", …" if len(outside) > 10 else "")
    return [Problem(label, outside[0][0], None, None, "cells_outside_table", {"cells": shown}, severity="notice")]


def separator_name(sep: str | None) -> str | None:
    return _SEP_NAMES.get(sep) if sep else None
