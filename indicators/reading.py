"""Reading the CSV and XLSX files planners bring, and saying what was detected (XLSX: reading_xlsx.py).

Every cell is read as text: numbers, periods and codes are parsed later by the
validator, which knows each column's kind (so `01001` keeps its zero and a
decimal comma is never mistaken for a separator). The reader only finds the
encoding, the separator, the header row and the decimal mark, and keeps the
row number a spreadsheet would show for every record.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from array import array
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from . import limits
from .problems import Problem, capped
from .schema import MISSING_MARKERS, normalise_header, TABLES, alias_map

SEPARATORS = (";", ",", "\t", "|")
_SEP_NAMES = {";": "semicolon", ",": "comma", "\t": "tab", "|": "pipe"}

# Cells that show a decimal comma (1,5 / 1 234,5 / 1.234,56) or a decimal point (1.5, 3.05858).
_COMMA_DECIMAL = re.compile(r"^[+-]?\d{1,3}(?:[ .\u00a0\u202f]\d{3})*,\d+(?:\s*[a-z]{1,2})?$|^[+-]?\d+,\d+(?:\s*[a-z]{1,2})?$")
_POINT_DECIMAL = re.compile(r"^[+-]?\d{1,3}(?:[ ,\u00a0\u202f]\d{3})*\.\d+(?:\s*[a-z]{1,2})?$|^[+-]?\d+\.\d+(?:\s*[a-z]{1,2})?$")
# A line with no cell. Two patterns that start with a plain "\n" scan 25 MB in 0.05 s; one with
# "(?:^|\n)" in front took 0.4 s (measured on bench/ingest.py's file).
_BLANK_INSIDE = re.compile(r"\n[ \t\r;,|]*\n")
_BLANK_LAST = re.compile(r"[ \t\r]*[;,|][ \t\r;,|]*")


# The same, where a bare CR also ends a line (old Mac Excel's "CSV (Macintosh)", or CR CR LF): slower,
# so only for texts holding a CR.
_BLANK_INSIDE_CR = re.compile(r"(?:\r\n?|\n)[ \t;,|]*(?:\r|\n)")


def _has_blank_line(text: str, cr: bool = False) -> bool:
    """Whether a line holds no cell; with `cr`, a bare CR ends a line too."""
    cr = cr and "\r" in text
    if text.startswith(("\n", "\r") if cr else "\n") or (_BLANK_INSIDE_CR if cr else _BLANK_INSIDE).search(text):
        return True
    last = text[max(text.rfind("\n"), text.rfind("\r") if cr else -1) + 1:]
    return bool(last) and _BLANK_LAST.fullmatch(last) is not None


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
            from .reading_xlsx import read_xlsx

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

    # Bounded by the packed size too: a 739 KB file of repeated rows unpacking to 190 MB cost 1 GB and
    # 5 s to read (limits.unpacked_limit).
    with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
        return limits.read_capped(stream, limit=limits.unpacked_limit(len(raw)))


# ---------------------------------------------------------------- encodings

def decode(raw: bytes) -> tuple[str, str] | None:
    """Text and encoding name; None when the bytes are not text."""
    decoded = _decode(raw)
    return None if decoded is None else decoded[:2]


# The bytes 0x80-0xFF: deleting them from a file leaves its ASCII bytes (bytes.translate, at C speed).
_HIGH_BYTES = bytes(range(128, 256))
# A byte that is not UTF-8 as "backslashreplace" writes it, visibly: \xe9 (always 0x80 or more).
INVALID_BYTE = re.compile(r"\\x[89a-f][0-9a-f]")


def _mostly_utf8(raw: bytes) -> bool:
    """Whether most non-ASCII bytes of a file that is not all UTF-8 belong to valid UTF-8 sequences:
    a UTF-8 file into which a few bytes of another encoding were pasted (é written as the one byte
    0xE9 among é written as the two C3 A9), rather than a Windows-1252 file (no such sequence, or a
    chance pair). Counted a block at a time: a copy of a whole 100 MB file is never made."""
    # Each byte that is not UTF-8 is one character with "surrogateescape" and none with "ignore".
    escaping = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape")
    ignoring = codecs.getincrementaldecoder("utf-8")(errors="ignore")
    high = invalid = 0
    block = 1 << 20
    for start in range(0, len(raw), block):
        chunk, final = raw[start:start + block], start + block >= len(raw)
        high += len(chunk) - len(chunk.translate(None, _HIGH_BYTES))
        invalid += len(escaping.decode(chunk, final=final)) - len(ignoring.decode(chunk, final=final))
        if invalid >= 1000 and high - invalid < invalid // 10:
            return False   # plainly Windows-1252 from the first megabytes (0.05 s of a 25 MB file saved)
    return high - invalid > invalid


def _decode(raw: bytes) -> tuple[str, str, bool] | None:
    """Text, encoding name and whether bytes that are not of that encoding were found (a UTF-8 file
    holding a few bytes of another encoding: each is written visibly in the text, as \\xe9, and the
    cells holding one are refused by `invalid_bytes`); None when the bytes are not text."""
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "utf-8-sig", False
        except UnicodeDecodeError:
            return raw[3:].decode("utf-8", errors="backslashreplace"), "utf-8-sig", True
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" export
        # An odd byte count (a cut file) loses its last half character, not the whole file.
        return raw.decode("utf-16", errors="replace"), "utf-16", False
    head = raw[:8192]
    if head.count(b"\x00") > max(2, len(head) // 1000):   # a stray NUL in a note is text (and a problem)
        return None
    try:
        return raw.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(raw):
        # Read as Windows-1252 (as it was), every accent of the file would be stored as Ã©: UTF-8, and the
        # few cells holding other bytes are refused, naming them.
        return raw.decode("utf-8", errors="backslashreplace"), "utf-8", True
    try:
        # Excel on Windows in France and Belgium writes Windows-1252; it and ISO-8859-1 differ
        # only in 0x80-0x9F, where Windows puts € ’ œ …: name the one the bytes show.
        text = raw.decode("cp1252")
        return text, ("cp1252" if re.search(rb"[\x80-\x9f]", raw) else "iso-8859-1"), False
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # other single-byte files (DOS, Mac): let it measure

    best = from_bytes(raw[:65536]).best()
    encoding = best.encoding if best else "latin_1"
    try:
        return raw.decode(encoding), encoding, False
    except (UnicodeDecodeError, LookupError):
        return raw.decode("cp1252", errors="replace"), "cp1252", False


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


def header_strength(cells: list, known: set[str] | None = None) -> int:
    """How well a row of cells names a table's columns: 2 when every required column of a table is
    there, 1 when two known column names or more are (a table missing a column, reported as such),
    0 otherwise (a title, a metadata line such as `Source;INSEE`, a data row)."""
    from .schema import recognise

    known = _known_headers() if known is None else known
    names = [str(c) for c in cells if c is not None and str(c).strip()]
    hits = sum(1 for c in names if normalise_header(c) in known)
    if hits == 0:
        return 0
    kind, mapping = recognise(names)
    if kind is not None and all(r in mapping.values() for r in TABLES[kind].required):
        return 2
    return 1 if hits >= 2 else 0


def _split(line: str, sep: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=sep), [])
    except csv.Error:   # a pasted note longer than the csv module's field limit: not the header
        return []


def sniff(text: str) -> tuple[str, int]:
    """The separator and the number of lines before the header row.

    The header is the first line naming every required column of a table, within the first
    MAX_HEADER_ROW lines (and 200,000 characters): title and metadata lines above it are skipped
    (`Titre;;;;` as Excel pads a title, `Source;INSEE`). Without such a line (a table missing a
    column, or one no schema names, read through a mapping): the first line naming a known column or
    with as many fields as most of the lines after it; comment lines (#) and, where lines hold
    several fields, lines of a single cell (a padded title) are skipped.
    """
    window = limits.get("MAX_HEADER_ROW")
    # Within the first 200,000 characters too: a header below a pasted 200 KB note is not looked for.
    lines = text[:200_000].splitlines()[:window + 1]
    candidates = [(i, ln) for i, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#")]
    known = _known_headers()
    # A line naming a whole table settles the separator and the header at once.
    best: tuple | None = None
    for sep in SEPARATORS:
        for index, line in candidates:
            if sep not in line or index >= (best[0] if best else len(lines)):
                continue
            cells = _split(line, sep)
            if len(cells) >= 2 and header_strength(cells, known) == 2:
                best = (index, sep)
                break
    if best is not None:
        return best[1], best[0]
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
    for (index, line), count in zip(candidates, counts):
        cells = _split(line, best_sep)
        if modal >= 2 and sum(1 for c in cells if c.strip()) < 2:
            continue   # a title, padded with separators by Excel (`Titre;;;;`)
        if any(normalise_header(c) in known for c in cells) or count >= modal:
            return best_sep, index
    return best_sep, candidates[0][0] if candidates else 0


# 1.234 / 1,234 (and with a flag): a thousand and some, or one and a bit: no evidence either way.
_AMBIGUOUS = re.compile(r"^[+-]?[1-9]\d{0,2}[.,]\d{3}(?:\s*[a-z]{1,2})?$")
# 1.234.567 / 1,234,567: the mark groups thousands, so the decimal mark is the other one.
_GROUPED_POINT = re.compile(r"^[+-]?[1-9]\d{0,2}(?:\.\d{3}){2,}(?:\s*[a-z]{1,2})?$")
_GROUPED_COMMA = re.compile(r"^[+-]?[1-9]\d{0,2}(?:,\d{3}){2,}(?:\s*[a-z]{1,2})?$")
# A cell that reads as a number (marks, spaces and a flag allowed), and a year (2020, 2020.0).
_NUMBERISH = re.compile(r"^[+-]?[\d.,][\d .,\u00a0\u202f']*(?:\s*[A-Za-z]{1,2})?$")
_YEARISH = re.compile(r"^\d{4}(?:[.,]0+)?$")


def number_columns(frame: pd.DataFrame) -> list:
    """The columns of a table that hold numbers, the only ones whose cells tell the decimal mark: a
    period written 2020.0, a note saying "2.5" or a code must not sway how the values read.

    A recognised table's number columns (its integer ones only where it has none); for a table no
    schema names (a file read through a mapping), the columns whose cells mostly read as numbers,
    leaving out those named as another kind of column and those holding only years."""
    from .schema import INTEGER, NUMBER, recognise

    headers = list(frame.columns)
    kind, mapping = recognise([str(h) for h in headers])
    if kind is not None:
        table = TABLES[kind]
        kinds = {h: table.column(c).kind for h, c in mapping.items()}
        return ([h for h in headers if kinds.get(str(h)) == NUMBER]
                or [h for h in headers if kinds.get(str(h)) == INTEGER])
    numeric, other = set(), set()
    for table in TABLES.values():
        for alias, canonical in alias_map(table).items():
            (numeric if table.column(canonical).kind in (NUMBER, INTEGER) else other).add(alias)
    other -= numeric
    out = []
    sample = frame.head(500)
    for h in headers:
        if normalise_header(h) in other:
            continue
        cells = sample[h]
        if isinstance(cells, pd.DataFrame):
            cells = cells.iloc[:, 0]
        cells = cells.astype(str).str.strip()
        cells = cells[(cells != "") & ~cells.str.startswith(":") & ~cells.isin(MISSING_MARKERS)]
        if not len(cells) or cells.str.match(_YEARISH).all():
            continue
        if cells.str.match(_NUMBERISH).mean() >= 0.5:
            out.append(h)
    return out


def detect_decimal(frame: pd.DataFrame, sep: str | None, columns: list | None = None) -> tuple[str, bool]:
    """The decimal mark the number cells show, and whether any cell showed it.

    Only the number columns count (`number_columns`, or `columns` when given). A cell such as
    1.234 or 1,234 says nothing (a thousand, or one and a bit); 0.125 does (no thousands group starts
    with 0), as do 1,5, 1.234,5 and 1.234.567. Without any evidence: a comma with `;` (French and
    Belgian Excel pair them), a point otherwise."""
    sample = frame.head(5000)
    commas = points = 0
    for col in (number_columns(sample) if columns is None else columns):
        values = sample[col]
        if isinstance(values, pd.DataFrame):   # a name written twice (pandas keeps both)
            values = values.iloc[:, 0]
        values = values.astype(str).str.strip()
        plain = ~values.str.match(_AMBIGUOUS)
        commas += int(((values.str.match(_COMMA_DECIMAL) & plain) | values.str.match(_GROUPED_POINT)).sum())
        points += int(((values.str.match(_POINT_DECIMAL) & plain) | values.str.match(_GROUPED_COMMA)).sum())
    if commas or points:
        return ("," if commas > points else "."), True
    # No decimal in the data: French and Belgian Excel pair ';' with a decimal comma.
    return ("," if sep == ";" else "."), False


def read_csv_bytes(raw: bytes, name: str) -> ReadResult:
    decoded = _decode(raw)
    if decoded is None:
        return ReadResult(problems=[Problem(name, None, None, None, "binary_file",
                                            suggestion=("save_as_csv", {}))])
    text, encoding, invalid = decoded
    text = text.lstrip("\ufeff")
    if not text or text.isspace():   # (strip() would copy 25 MB to say so)
        return ReadResult(problems=[Problem(name, None, None, None, "empty_file")])
    # The text as UTF-8 for the byte-level passes: a file that decoded as UTF-8 already is (one copy of
    # a large file fewer held at once).
    data = raw if encoding == "utf-8" and not invalid else text.encode("utf-8", errors="replace")
    lines = check_lines(data)
    sep, skip = sniff(text)
    # Cells the parser would make, bounded before it makes them: ten million blank lines are 10 MB of
    # text but forty million cells once parsed.
    header_line = _line(text, skip)
    limits.check("MAX_CELLS", max(lines - skip - 1, 0) * max(header_line.count(sep) + 1, 1))
    # Blank lines between LFs send the file to the careful reader (Arrow would refuse them); blank
    # lines a bare CR ends (CR CR LF) both readers give as rows of empty cells: dropped after reading.
    careful = _has_blank_line(text)
    blank = careful or _has_blank_line(text, cr=True)
    frame = None if careful else read_plain_table(data, sep, skip)
    if frame is not None:
        return _sheet_from(frame, name, text, encoding, sep, skip, blank, invalid)
    try:
        frame = _read_careful(text, sep, skip)
    except pd.errors.EmptyDataError:
        return ReadResult(problems=[Problem(name, None, None, None, "empty_file")])
    except pd.errors.ParserError as exc:
        match = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
        if match:
            # A record longer than the header: pandas names the first only. The records are counted
            # again: those whose extra cells are all empty (`MOB04;59350;2023;1,5;`, as many exports
            # end their lines) are read without them; every record with a filled one is a problem.
            width = int(match.group(1))
            # Without quotes a line is a record: one read of every cell by pandas does both (half the
            # time of the csv module's count followed by a second read, on a million lines).
            plain = _wide_lines(text, data, sep, skip, width) if '"' not in text else None
            if plain is not None:
                rows, cells, frame = plain
            else:
                records = _wide_records(text, sep, skip)
                if records is None or records[2] != width:   # not counted as pandas did: its first row
                    return ReadResult(problems=[Problem(name, int(match.group(2)), None, None, "too_many_fields",
                                                        {"letter": column_letter(width + 1)})])
                rows, cells, _ = records
            if len(rows):
                return ReadResult(problems=capped(name, None, "too_many_fields", rows, lambda i: Problem(
                    name, int(rows[i]), None, cells[i][1], "too_many_fields", {"letter": cells[i][0]})))
            if frame is None:
                try:
                    frame = _read_careful(text, sep, skip, width)
                except pd.errors.ParserError as again:
                    exc = again
        if frame is None:
            quote = re.search(r"EOF inside string starting at row (\d+)", str(exc))
            if quote:   # pandas counts lines from 0, skipped ones included: a spreadsheet row is one more
                return ReadResult(problems=[Problem(name, int(quote.group(1)) + 1, None, None, "unclosed_quote")])
            return ReadResult(problems=[Problem(name, None, None, None, "bad_structure", {"detail": str(exc)[:200]})])
    return _sheet_from(frame, name, text, encoding, sep, skip, blank, invalid)


def _read_careful(text: str, sep: str, skip: int, width: int | None = None) -> pd.DataFrame:
    """Every cell as text through pandas' C reader (quotes, line breaks in cells, blank lines); with
    `width`, the cells past the header's `width` ones are left out (they are all empty)."""
    # header=None: the header is read as a row, so a record with more cells than the header is a
    # parser error at its line (pandas would otherwise take the first column as an index and shift
    # the others), and repeated names stay as written (pandas would rename them `x.1`).
    return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, na_filter=False,
                       skiprows=skip, skip_blank_lines=False, quotechar='"', engine="c", header=None,
                       index_col=False, usecols=None if width is None else range(width))


def _most_fields(data: bytes, sep: str) -> int:
    """The most fields a line of `data` holds (separators inside quotes counted too), block by block
    as check_lines goes."""
    array_ = np.frombuffer(data, dtype=np.uint8)
    code, most, carried = ord(sep), 0, 0
    for begin in range(0, len(array_), _CHECK_BLOCK):
        stop = min(begin + _CHECK_BLOCK, len(array_))
        ends = _line_ends(array_, begin, stop)
        at = np.flatnonzero(array_[begin:stop] == code) + begin
        per_piece = np.bincount(np.searchsorted(ends, at), minlength=len(ends) + 1)
        per_piece[0] += carried
        most = max(most, int(per_piece.max()))
        carried = int(per_piece[-1]) if len(ends) else int(per_piece[0])
    return most + 1


def _wide_lines(text: str, data: bytes, sep: str, skip: int, width: int
                ) -> tuple[np.ndarray, list[tuple[str, str]], pd.DataFrame] | None:
    """`_wide_records` for a text without quotes, where a line is a record: every cell read at once by
    pandas (as many columns as the longest line has fields), the records with a filled cell past the
    header's `width` found column by column, and the table's first `width` columns; None when those
    cells would go past MAX_CELLS (the csv module then counts, record by record)."""
    most = _most_fields(data, sep)
    lines = data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n") + 1
    if most <= width or lines * most > limits.get("MAX_CELLS"):
        return None
    try:
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, na_filter=False,
                            skiprows=skip, skip_blank_lines=False, quoting=csv.QUOTE_NONE, engine="c",
                            header=None, index_col=False, names=range(most))
    except pd.errors.ParserError:
        return None
    filled = np.zeros(len(frame), dtype=bool)
    first = np.full(len(frame), -1, dtype=np.int64)   # the first filled column past the header, per record
    for j in range(most - 1, width - 1, -1):
        here = (frame[j].fillna("").astype("str").str.strip() != "").to_numpy(dtype=bool, copy=True)
        here[0] = False   # the header
        first[here] = j
        filled |= here
    at = np.flatnonzero(filled)
    listed = limits.get("MAX_PROBLEMS_LISTED")
    cells = [(column_letter(int(first[k]) + 1), str(frame.iat[k, int(first[k])])) for k in at[:listed]]
    return at + skip + 1, cells, frame.iloc[:, :width]


def _wide_records(text: str, sep: str, skip: int) -> tuple[array, list[tuple[str, str]], int] | None:
    """The records holding a filled cell past the header's last one: their spreadsheet rows, the column
    letter and value of that cell for the first MAX_PROBLEMS_LISTED (the others are only counted), and
    the header's number of cells. None when the csv module cannot read the file to its end, or finds
    no record longer than the header (it would then not read the file as pandas does).

    Records are counted as a spreadsheet numbers its rows: a quoted cell's line breaks stay in its
    row, blank lines count, and a bare CR ends a line as LF does."""
    start = 0
    for _ in range(skip):
        end = _LINE_END.search(text, start)
        if end is None:
            return None
        start = end.end()
    stream = io.StringIO(text, newline="")
    stream.seek(start)
    listed = limits.get("MAX_PROBLEMS_LISTED")
    rows = array("q")   # 8 bytes a row: a file of six million wide lines holds 48 MB of them, not 200
    cells: list[tuple[str, str]] = []
    width = None
    longer = False
    try:
        for k, record in enumerate(csv.reader(stream, delimiter=sep, quotechar='"')):
            if width is None:
                width = len(record)
            elif len(record) > width:
                longer = True
                extra = next((j for j in range(width, len(record)) if record[j].strip()), None)
                if extra is not None:
                    rows.append(skip + 1 + k)
                    if len(cells) < listed:
                        cells.append((column_letter(extra + 1), record[extra]))
    except csv.Error:
        if not rows:
            return None
    return (rows, cells, width or 0) if longer else None


_LINE_END = re.compile(r"\r\n?|\n")


def _line(text: str, index: int) -> str:
    """The line at `index` (from 0), found without copying the text: 40 ms on 25 MB through StringIO.
    A bare CR ends a line too (a CR-only file is otherwise one line, its header every separator)."""
    start = 0
    for _ in range(index):
        end = _LINE_END.search(text, start)
        if end is None:
            return ""
        start = end.end()
    end = _LINE_END.search(text, start)
    return text[start:] if end is None else text[start:end.end()]


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
    frame.columns, repeated = unique_header([h if h else unnamed(i + 1) for i, h in enumerate(header)])
    # Rows as a spreadsheet numbers them: the lines skipped above the header, the header, then records.
    rows = np.arange(len(frame), dtype=np.int64) + skip + 2
    frame, rows, again = header_repeats(frame, rows, header, name)
    if blank or not all(header):
        frame, rows = _drop_blank(frame, rows)
    mixed = _has_mojibake(text, encoding)   # rows pasted from a UTF-8 file into a Windows-1252 one
    if mixed:
        frame = repair_mixed(frame)
    decimal, detected = detect_decimal(frame, sep)
    sheet = Sheet(name, frame, rows, encoding=encoding, separator=sep, decimal=decimal,
                  decimal_detected=detected, header_row=skip + 1, repeated=repeated)
    problems = again + (invalid_byte_problems(sheet) if invalid else [])
    return ReadResult(sheets=[sheet], problems=problems + (mixed_encoding(name, text) if mixed else []))


def unnamed(position: int) -> str:
    """The name of a column whose header cell is empty: its letter (1 -> "column A"), as a spreadsheet
    shows it; messages say it in the user's language (problems.py)."""
    return f"column {column_letter(position)}"


def header_repeats(frame: pd.DataFrame, rows: np.ndarray, header: list[str], label: str
                   ) -> tuple[pd.DataFrame, np.ndarray, list[Problem]]:
    """The records that repeat the header (two exports pasted one after the other), left out of the
    table with one problem each at its row; the records after them are read as any other.

    A record repeats the header when each of its cells under a named column names that column too
    (`indicateur` under `indicator_id`: a French export pasted below an English one). The first named
    column picks the candidates (a hash lookup over the column); only those are looked at cell by cell."""
    named = [(k, h) for k, h in enumerate(header) if h and k < frame.shape[1]]
    if not named or not len(frame):
        return frame, rows, []
    from .schema import recognise

    kind, _ = recognise([h for _, h in named])
    aliases = alias_map(TABLES[kind]) if kind else {}

    def names(h: str) -> set[str]:
        """The normalised headers naming the same column as `h`."""
        target = aliases.get(normalise_header(h))
        return {normalise_header(h)} | {a for a, c in aliases.items() if target and c == target}

    k0, h0 = named[0]
    spellings = {h0}
    for alias in names(h0):
        for text in (alias, alias.replace("_", " ")):
            spellings |= {text, text.upper(), text.capitalize(), text.title()}
    first = frame.iloc[:, k0]
    at = np.flatnonzero(first.isin(spellings).to_numpy(dtype=bool))
    if not len(at):
        return frame, rows, []
    same = np.ones(len(at), dtype=bool)
    for k, h in named:
        accepted = names(h)
        codes, distinct = pd.factorize(frame.iloc[at, k].astype("str"))
        same &= np.asarray([normalise_header(v) in accepted for v in distinct], dtype=bool)[codes]
    at = at[same]
    if not len(at):
        return frame, rows, []
    column, found = frame.columns[k0], rows[at]
    problems = capped(label, column, "header_repeated", found, lambda i: Problem(
        label, int(found[i]), column, str(frame.iat[at[i], k0]), "header_repeated", {"row": int(found[i])}))
    keep = np.ones(len(frame), dtype=bool)
    keep[at] = False
    return frame.loc[keep].reset_index(drop=True), rows[keep], problems


def invalid_byte_problems(sheet: Sheet) -> list[Problem]:
    """The cells of a UTF-8 file holding bytes that are not UTF-8 (written \\xe9 by `_decode`), one error
    each at its row and column with the cell as read: stored, such a cell would be garbled text."""
    problems: list[Problem] = []
    for column in sheet.frame.columns:
        cells = sheet.frame[column].astype("str")
        at = np.flatnonzero(cells.str.contains("\\x", regex=False).to_numpy(dtype=bool))
        if len(at):   # (a backslash alone in a note is no such byte)
            at = at[cells.iloc[at].str.contains(INVALID_BYTE.pattern, regex=True).to_numpy(dtype=bool)]
        if len(at):
            found = sheet.rows[at]

            def make(i: int, at=at, found=found, cells=cells, column=column) -> Problem:
                return Problem(sheet.label, int(found[i]), column, cells.iat[at[i]], "invalid_bytes")

            problems.extend(capped(sheet.label, column, "invalid_bytes", found, make))
    return problems


_CHECK_BLOCK = 8 * 1024 * 1024   # bytes looked at at once by check_lines: its arrays stay this small


def _line_ends(data: np.ndarray, begin: int, stop: int) -> np.ndarray:
    """Where lines end in data[begin:stop] (absolute positions): at LF, and at a CR that no LF follows
    (old Mac Excel ends its lines with a CR alone; pandas and Arrow read them so)."""
    block = data[begin:stop]
    ends = block == 10
    cr = np.flatnonzero(block == 13)
    if len(cr):
        following = cr + begin + 1
        lf = np.zeros(len(cr), dtype=bool)
        inside = following < len(data)
        lf[inside] = data[following[inside]] == 10
        ends[cr[~lf]] = True
    return np.flatnonzero(ends) + begin


def check_lines(encoded: bytes) -> int:
    """Refuse, before parsing, a line longer or with more fields than any real table has; the line count.

    A row of 200,000 fields costs the parser time in the square of its length; passes over the
    text's line ends and separators (vectorised, on the text as UTF-8) bound both. They go block by
    block: arrays the size of the file (a mask of its bytes, its line ends in int64) cost 900 MB on a
    170 MB text of short lines.
    """
    data = np.frombuffer(encoded, dtype=np.uint8)
    size = len(data)
    lines, start, longest = 1, 0, 0   # `start`: where the line being read began
    for begin in range(0, size, _CHECK_BLOCK):
        stop = min(begin + _CHECK_BLOCK, size)
        ends = _line_ends(data, begin, stop)
        if len(ends):
            longest = max(longest, int(ends[0] - start), int(np.diff(ends).max(initial=1)) - 1)
            start = int(ends[-1]) + 1
            lines += len(ends)
        longest = max(longest, stop - start)   # the line still open (a line with no end refused early)
        limits.check("MAX_LINE_BYTES", longest)
    limit = limits.get("MAX_FIELDS_PER_ROW")
    if longest + 1 <= limit:   # a line of n bytes holds at most n + 1 fields: nothing to count
        return lines
    for sep in SEPARATORS:   # an upper bound: separators inside quotes count too
        code = ord(sep)
        if sum(int(np.count_nonzero(data[b:b + _CHECK_BLOCK] == code)) for b in range(0, size, _CHECK_BLOCK)) <= limit:
            continue
        carried = 0   # separators of the line still open
        for begin in range(0, size, _CHECK_BLOCK):
            stop = min(begin + _CHECK_BLOCK, size)
            ends = _line_ends(data, begin, stop)
            at = np.flatnonzero(data[begin:stop] == code) + begin
            per_piece = np.bincount(np.searchsorted(ends, at), minlength=len(ends) + 1)
            per_piece[0] += carried
            most = int(per_piece.max())   # the open line's count is checked as it grows
            limits.check("MAX_FIELDS_PER_ROW", most + 1)
            carried = int(per_piece[-1]) if len(ends) else int(per_piece[0])
    return lines


def unique_header(header: list[str]) -> tuple[list[str], dict[str, list[str]]]:
    """The header with every repeated name made unique as "name (letter)" (an election file has
    eleven columns named `Voix`), and the repeated names with their column letters."""
    seen: dict[str, list[int]] = {}
    for i, h in enumerate(header, start=1):
        if h and not h.startswith("Unnamed: ") and h != unnamed(i):
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


def _has_mojibake(text: str, encoding: str) -> bool:
    # Â or Ã opens every such pair: looking for them first spares the pattern a pass over 25 MB.
    return encoding in ("cp1252", "iso-8859-1") and ("\u00c2" in text or "\u00c3" in text) \
        and _MOJIBAKE.search(text) is not None


def _as_utf8(cell: str) -> str:
    """A cell of a Windows-1252 file holding UTF-8 text (Ã© for é) read as UTF-8, when its bytes are that."""
    try:
        return cell.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return cell


def repair_mixed(frame: pd.DataFrame) -> pd.DataFrame:
    """The cells of a Windows-1252 file that hold UTF-8 text (rows pasted from a UTF-8 file), each read
    as UTF-8: stored as read, Liège would be LiÃ¨ge on every page. Other cells are left as they are."""
    frame = frame.copy()
    for column in frame.columns:
        cells = frame[column].astype("str")
        at = np.flatnonzero(cells.str.contains(_MOJIBAKE.pattern, regex=True).to_numpy(dtype=bool))
        if len(at):
            values = frame[column].to_numpy(dtype=object, copy=True)
            values[at] = [_as_utf8(v) for v in values[at]]
            frame[column] = values
    return frame


def mixed_encoding(name: str, text: str) -> list[Problem]:
    """A notice naming the rows of a Windows-1252 file that hold UTF-8 text (read as such, repair_mixed)."""
    lines = text.splitlines()
    bad = [i + 1 for i, line in enumerate(lines) if _MOJIBAKE.search(line)]
    shown = ", ".join(map(str, bad[:10])) + (" …" if len(bad) > 10 else "")
    return [Problem(name, bad[0], None, None, "mixed_encoding", {"rows": shown}, severity="notice")]


def _drop_blank(frame: pd.DataFrame, rows: np.ndarray) -> tuple[pd.DataFrame, np.ndarray]:
    def empty_unnamed(k: int, c: str) -> bool:
        return (c.startswith("Unnamed: ") or c == unnamed(k + 1)) and bool((frame[c].str.strip() == "").all())

    frame = frame.loc[:, [c for k, c in enumerate(frame.columns) if not empty_unnamed(k, c)]]
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

def separator_name(sep: str | None) -> str | None:
    return _SEP_NAMES.get(sep) if sep else None
