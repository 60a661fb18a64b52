"""Reading the CSV and XLSX files planners bring, and saying what was detected (XLSX: reading_xlsx.py;
the bytes' encoding: reading_text.py).

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
from array import array
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from . import limits
from .problems import Problem, capped
from .reading_text import decode, has_mojibake, invalid_byte_problems, mixed_encoding, repair_mixed
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
    sample = [ln for _, ln in candidates[:60]]
    for sep in SEPARATORS:
        counts = _field_counts(sample, sep)
        if not counts:
            continue
        modal = max(set(counts), key=counts.count)
        if modal < 2:
            continue
        # The lines read alike, but not those whose cells would hold a tab between words: a cell's text
        # next to never does, while Eurostat's TSV joins its codes with commas and its years with tabs
        # (`freq,unit,geo\TIME_PERIOD<tab>2019<tab>2020`), and with few years a comma gives as many
        # fields as a tab, or more.
        score = (sum(1 for line, count in zip(sample, counts)
                     if count == modal and (sep == "\t" or "\t" not in line.strip())), modal)
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
    decoded = decode(raw)
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
    longer: list[Problem] = []
    try:
        try:
            frame = _read_careful(text, sep, skip)
        except pd.errors.ParserError as exc:
            match = _LONGER.search(str(exc))
            if match is None:
                raise
            # Records longer than the header (pandas names the first only): those whose extra cells are
            # all empty (`MOB04;59350;2023;1,5;`, as many exports end their lines) are no problem; each
            # with a filled one is a problem at its row, skipped with the other invalid rows when the
            # user asks. The table keeps the header's width either way.
            width = int(match.group(1))
            wide = _wide_records(text, data, sep, skip, width)
            if wide is None:
                # The csv module cannot read the text to its end (a cell past its field limit): which rows
                # to skip is not known, so the record pandas named stands for the whole file.
                return ReadResult(problems=[Problem(name, int(match.group(2)), None, None, "too_many_fields",
                                                    {"letter": column_letter(width + 1)})])
            frame, rows, columns, values = wide
            longer = _longer_problems(name, rows, columns, values)
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


def _read_careful(text: str, sep: str, skip: int, **options):
    """Every cell as text through pandas' C reader (quotes, line breaks in cells, blank lines); `options`
    go to pandas (`_wide_records`: as many columns as the longest record, block by block)."""
    # header=None: the header is read as a row, so a record with more cells than the header is a
    # parser error at its line (pandas would otherwise take the first column as an index and shift
    # the others), and repeated names stay as written (pandas would rename them `x.1`).
    return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, na_filter=False,
                       skiprows=skip, skip_blank_lines=False, quotechar='"', engine="c", header=None,
                       index_col=False, **options)


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


# pandas' error at the first record longer than those before it.
_LONGER = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")

# The records longer than a table's header (`_wide_records`): the table cut to the header's width, the
# spreadsheet rows of the records holding a filled cell past it, the position (from 0) of the first
# such cell of each, and, by row, its value for the first MAX_PROBLEMS_LISTED records at each position
# (the others are only counted, as `problems.capped` lists them).
Wide = tuple[pd.DataFrame, np.ndarray, np.ndarray, dict[int, str]]


def _wide_records(text: str, data: bytes, sep: str, skip: int, width: int) -> Wide | None:
    """A table some of whose records hold more cells than its header's `width` ones, read as `Wide`;
    None when the csv module cannot read it to its end.

    Two readers, for two costs. pandas reads every record with as many cells as the longest line has
    fields, in C, a block at a time: the fast way when records are about as long as one another (a
    separator ending every line of bench/ingest.py's million: a third of the csv module's time). But
    its cells are records x longest line: one line of 900 fields among a million lines makes 900
    million (195 s). Beyond twice the header's width, the csv module reads each record's own cells.

    Records are counted as a spreadsheet numbers its rows: a quoted cell's line breaks stay in its
    row, blank lines count, and a bare CR ends a line as LF does."""
    most = max(_most_fields(data, sep), width + 1)
    if most <= 2 * width:   # at most twice the table's cells
        try:
            return _wide_pandas(text, sep, skip, width, most)
        except pd.errors.ParserError as exc:
            if _LONGER.search(str(exc)) is None:
                raise
            # a record spanning lines (a quoted line break) holds more fields than any line: counted below
    return _wide_csv(text, sep, skip, width)


def _wide_pandas(text: str, sep: str, skip: int, width: int, most: int) -> Wide:
    """`_wide_records` by pandas, every record read with `most` cells, MAX_CELLS cells at a time."""
    listed = limits.get("MAX_PROBLEMS_LISTED")
    kept: list[pd.DataFrame] = []
    rows: list[np.ndarray] = []
    columns: list[np.ndarray] = []
    values: dict[int, str] = {}
    counted: dict[int, int] = {}
    with _read_careful(text, sep, skip, names=range(most),
                       chunksize=max(1, limits.get("MAX_CELLS") // most)) as blocks:
        for block in blocks:
            first = np.full(len(block), -1, dtype=np.int64)   # the first filled column past the header
            for j in range(most - 1, width - 1, -1):
                first[(block[j].fillna("").astype("str").str.strip() != "").to_numpy(dtype=bool)] = j
            at = np.flatnonzero(first >= 0)
            # a record's spreadsheet row: the lines skipped above the header, then one a record
            found = at + int(block.index[0]) + skip + 1
            rows.append(found)
            columns.append(first[at])
            for j in map(int, np.unique(first[at])):   # the first values at each position only
                take = np.flatnonzero(first[at] == j)[:listed - counted.get(j, 0)]
                counted[j] = counted.get(j, 0) + len(take)
                values.update(zip(found[take].tolist(), block[j].iloc[at[take]].astype("str").tolist()))
            kept.append(block.iloc[:, :width])
    frame = kept[0] if len(kept) == 1 else pd.concat(kept, ignore_index=True)
    return frame, np.concatenate(rows), np.concatenate(columns), values


def _wide_csv(text: str, sep: str, skip: int, width: int) -> Wide | None:
    """`_wide_records` by the csv module, record by record, the table made of each record's first
    `width` cells as it goes (into Arrow text columns every 100,000 records, as pandas holds them):
    once it has met a line of many fields, pandas reads even the header's width slowly (6 s for one
    line of 900 fields among a million). None when the csv module cannot read the text to its end."""
    start = _line_start(text, skip)
    if start is None:
        return None
    stream = io.StringIO(text, newline="")
    stream.seek(start)
    listed = limits.get("MAX_PROBLEMS_LISTED")
    rows, columns = array("q"), array("q")   # 8 bytes a row: six million wide lines hold 48 MB, not 200
    values: dict[int, str] = {}
    counted: dict[int, int] = {}
    batch: list[list[str]] = []
    made: list[list[pa.Array]] = [[] for _ in range(width)]

    def keep() -> None:
        for j, cells in enumerate(zip(*batch)):
            made[j].append(pa.array(cells, type=pa.string()))
        batch.clear()

    reader = csv.reader(stream, delimiter=sep, quotechar='"')
    before = read = fields = 0   # the lines read before the last record and with it, its fields
    try:
        for records, record in enumerate(reader, start=1):
            before, read, fields = read, reader.line_num, len(record)
            if fields > width:
                extra = next((j for j in range(width, len(record)) if record[j].strip()), None)
                if extra is not None:
                    rows.append(skip + records)
                    columns.append(extra)
                    if counted.get(extra, 0) < listed:
                        counted[extra] = counted.get(extra, 0) + 1
                        values[skip + records] = record[extra]
                record = record[:width]
            elif fields < width:   # pandas gives a short record's missing cells as empty ones
                record = record + [""] * (width - len(record))
            batch.append(record)
            if len(batch) == 100_000:
                keep()
    except csv.Error:
        return None
    # A quote left open takes the rest of the file into the last record's cell, where pandas stops
    # (read_csv_bytes names its row): pandas reads that record alone to tell.
    last = _line_start(text, before, start) if read - before > 1 else None
    if last is not None and '"' in text[last:]:
        try:
            _read_careful(text[last:], sep, 0, names=range(fields))
        except pd.errors.ParserError as exc:
            if "EOF inside string" in str(exc):   # at that record's spreadsheet row, as pandas would say it
                raise pd.errors.ParserError(f"EOF inside string starting at row {skip + records - 1}") from exc
    keep()
    frame = pa.table([pa.chunked_array(arrays, type=pa.string()) for arrays in made],
                     names=[str(j) for j in range(width)]).to_pandas()
    frame.columns = range(width)
    return frame, np.asarray(rows, dtype=np.int64), np.asarray(columns, dtype=np.int64), values


def _longer_problems(name: str, rows: np.ndarray, columns: np.ndarray, values: dict[int, str]) -> list[Problem]:
    """One `too_many_fields` problem per record holding a filled cell past the header, at its row and
    that cell's column (named by its letter, as `unnamed` names a column without a header), capped
    column by column as every problem is."""
    problems: list[Problem] = []
    for j in map(int, np.unique(columns)):
        found, column, letter = np.sort(rows[columns == j]), unnamed(j + 1), column_letter(j + 1)

        def make(i: int, found=found, column=column, letter=letter) -> Problem:
            return Problem(name, int(found[i]), column, values[int(found[i])], "too_many_fields", {"letter": letter})

        problems.extend(capped(name, column, "too_many_fields", found, make))
    return sorted(problems, key=lambda p: p.row)


_LINE_END = re.compile(r"\r\n?|\n")


def _line_start(text: str, index: int, start: int = 0) -> int | None:
    """Where the line `index` lines after the one at `start` begins; None past the text's end.
    A bare CR ends a line too (a CR-only file is otherwise one line, its header every separator)."""
    for _ in range(index):
        end = _LINE_END.search(text, start)
        if end is None:
            return None
        start = end.end()
    return start


def _line(text: str, index: int) -> str:
    """The line at `index` (from 0), found without copying the text: 40 ms on 25 MB through StringIO."""
    start = _line_start(text, index)
    if start is None:
        return ""
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
    mixed = has_mojibake(text, encoding)   # rows pasted from a UTF-8 file into a Windows-1252 one
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
