"""Lines and records of a CSV text: checks on its bytes before parsing (long lines, many fields, blank
lines), and records holding more cells than the header."""
from __future__ import annotations

import csv
import io
import re
from array import array

import numpy as np
import pandas as pd
import pyarrow as pa

from . import limits
from .problems import Problem, capped
from .reading_header import SEPARATORS, column_letter, unnamed

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


def check_lines(encoded: bytes) -> tuple[int, int]:
    """Refuse, before parsing, a line longer or with more fields than any real table has; the line count
    and the longest line's bytes.

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
        return lines, longest
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
    return lines, longest


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


def line_at(text: str, index: int) -> str:
    """The line at `index` (from 0), found without copying the text: 40 ms on 25 MB through StringIO."""
    start = _line_start(text, index)
    if start is None:
        return ""
    end = _LINE_END.search(text, start)
    return text[start:] if end is None else text[start:end.end()]


# A line with no cell. Two patterns that start with a plain "\n" scan 25 MB in 0.05 s; one with
# "(?:^|\n)" in front took 0.4 s (measured on bench/ingest.py's file).
_BLANK_INSIDE = re.compile(r"\n[ \t\r;,|]*\n")
_BLANK_LAST = re.compile(r"[ \t\r]*[;,|][ \t\r;,|]*")


# The same, where a bare CR also ends a line (old Mac Excel's "CSV (Macintosh)", or CR CR LF): slower,
# so only for texts holding a CR.
_BLANK_INSIDE_CR = re.compile(r"(?:\r\n?|\n)[ \t;,|]*(?:\r|\n)")


def has_blank_line(text: str, cr: bool = False) -> bool:
    """Whether a line holds no cell; with `cr`, a bare CR ends a line too."""
    cr = cr and "\r" in text
    if text.startswith(("\n", "\r") if cr else "\n") or (_BLANK_INSIDE_CR if cr else _BLANK_INSIDE).search(text):
        return True
    last = text[max(text.rfind("\n"), text.rfind("\r") if cr else -1) + 1:]
    return bool(last) and _BLANK_LAST.fullmatch(last) is not None


# The bytes of a line holding no cell: spaces, tabs, CR and separators (LF ends lines).
_EMPTY_BYTES = np.zeros(256, dtype=bool)
_EMPTY_BYTES[list(b" \t\r;,|\n")] = True
_FILLED_BLOCK = 1024 * 1024   # smaller than check_lines' blocks: the positions of a block's bytes are kept


def filled_lines(encoded: bytes) -> int:
    """How many lines of a text (as UTF-8) hold a cell, as check_lines counts lines: a line of nothing but
    spaces, tabs and separators is a blank row, dropped while reading (read_careful_filled). A million blank
    lines and one row are 1 MB: counted as lines, they were refused as "more than 6,000,000 cells". A pass a
    block at a time, only for a text with blank lines whose lines would pass the cell limit."""
    data = np.frombuffer(encoded, dtype=np.uint8)
    filled, open_filled = 0, False   # whether the line still open (from the block before) holds a cell
    for begin in range(0, len(data), _FILLED_BLOCK):
        stop = min(begin + _FILLED_BLOCK, len(data))
        ends = _line_ends(data, begin, stop)
        cells = np.flatnonzero(~_EMPTY_BYTES[data[begin:stop]]) + begin
        per_piece = np.bincount(np.searchsorted(ends, cells), minlength=len(ends) + 1) > 0
        if len(ends):
            filled += int(per_piece[:-1].sum()) + int(open_filled and not per_piece[0])
            open_filled = bool(per_piece[-1])
        else:
            open_filled = open_filled or bool(per_piece[0])
    return filled + int(open_filled)


def read_careful_filled(text: str, sep: str, skip: int) -> tuple[pd.DataFrame, np.ndarray]:
    """read_careful a block of records at a time, each block without its blank records (no cell but spaces),
    with the spreadsheet row of every record kept (the header's first): a text of a million blank lines
    and a few rows holds those rows' cells, never a million rows of empty ones."""
    kept: list[pd.DataFrame] = []
    rows: list[np.ndarray] = []
    with read_careful(text, sep, skip, chunksize=100_000) as blocks:
        for block in blocks:
            filled = np.zeros(len(block), dtype=bool)
            for j in range(block.shape[1]):
                filled |= (block.iloc[:, j].fillna("").astype("str").str.strip() != "").to_numpy(dtype=bool)
            filled[:1] |= block.index[0] == 0   # the header, whatever it holds
            kept.append(block.loc[filled])
            rows.append(block.index.to_numpy()[filled] + skip + 1)
    frame = kept[0] if len(kept) == 1 else pd.concat(kept, ignore_index=True)
    return frame.reset_index(drop=True), np.concatenate(rows).astype(np.int64)


def read_careful(text: str, sep: str, skip: int, **options):
    """Every cell as text through pandas' C reader (quotes, line breaks in cells, blank lines); `options`
    go to pandas (`wide_records`: as many columns as the longest record, block by block)."""
    # header=None: the header is read as a row, so a record with more cells than the header is a
    # parser error at its line (pandas would otherwise take the first column as an index and shift
    # the others), and repeated names stay as written (pandas would rename them `x.1`).
    return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, na_filter=False,
                       skiprows=skip, skip_blank_lines=False, quotechar='"', engine="c", header=None,
                       index_col=False, **options)


# ---------------------------------------------------------------- records longer than the header

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
LONGER = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")

# The records longer than a table's header (`wide_records`): the table cut to the header's width, the
# spreadsheet rows of the records holding a filled cell past it, the position (from 0) of the first
# such cell of each, and, by row, its value for the first MAX_PROBLEMS_LISTED records at each position
# (the others are only counted, as `problems.capped` lists them).
Wide = tuple[pd.DataFrame, np.ndarray, np.ndarray, dict[int, str]]


def wide_records(text: str, data: bytes, sep: str, skip: int, width: int) -> Wide | None:
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
            if LONGER.search(str(exc)) is None:
                raise
            # a record spanning lines (a quoted line break) holds more fields than any line: counted below
    return _wide_csv(text, sep, skip, width)


def _wide_pandas(text: str, sep: str, skip: int, width: int, most: int) -> Wide:
    """`wide_records` by pandas, every record read with `most` cells, MAX_CELLS cells at a time."""
    listed = limits.get("MAX_PROBLEMS_LISTED")
    kept: list[pd.DataFrame] = []
    rows: list[np.ndarray] = []
    columns: list[np.ndarray] = []
    values: dict[int, str] = {}
    counted: dict[int, int] = {}
    with read_careful(text, sep, skip, names=range(most),
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
    """`wide_records` by the csv module, record by record, the table made of each record's first
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
            read_careful(text[last:], sep, 0, names=range(fields))
        except pd.errors.ParserError as exc:
            if "EOF inside string" in str(exc):   # at that record's spreadsheet row, as pandas would say it
                raise pd.errors.ParserError(f"EOF inside string starting at row {skip + records - 1}") from exc
    keep()
    frame = pa.table([pa.chunked_array(arrays, type=pa.string()) for arrays in made],
                     names=[str(j) for j in range(width)]).to_pandas()
    frame.columns = range(width)
    return frame, np.asarray(rows, dtype=np.int64), np.asarray(columns, dtype=np.int64), values


def longer_problems(name: str, rows: np.ndarray, columns: np.ndarray, values: dict[int, str]) -> list[Problem]:
    """One `too_many_fields` problem per record holding a filled cell past the header, at its row and
    that cell's column (named by its letter, as `unnamed` names a column without a header), capped
    column by column as every problem is."""
    problems: list[Problem] = []
    for j in map(int, np.unique(columns)):
        found, column, letter = np.sort(rows[columns == j]), unnamed(j + 1), column_letter(j + 1)

        def make(i: int, found=found, column=column, letter=letter) -> Problem:
            return Problem(name, int(found[i]), column, values[int(found[i])], "too_many_fields", {"letter": letter},
                           unnamed=(letter,))   # a column without a header cell

        problems.extend(capped(name, column, "too_many_fields", found, make))
    return sorted(problems, key=lambda p: p.row)
