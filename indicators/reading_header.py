"""Finding a CSV text's separator and header row, and naming a table's columns (empty, repeated, or a
header written again below the first)."""
from __future__ import annotations

import re

import csv
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from . import limits
from .problems import Problem, capped, unnamed_said
from .schema import normalise_header, TABLES, alias_map

if TYPE_CHECKING:   # reading.py imports this module: the type only, never at run time
    from .reading import Sheet

SEPARATORS = (";", ",", "\t", "|")


def known_headers() -> set[str]:
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

    known = known_headers() if known is None else known
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


_SEP_DIRECTIVE = re.compile(r'"?sep=([;,\t|])"?[ \t]*(?:\r\n|\r|\n)', re.IGNORECASE)


def sep_directive(text: str) -> tuple[str, str | None]:
    """(the text without its first line, the separator it names) for a file opening with Excel's
    `sep=;` line, else (text, None). Excel reads that line as a directive and does not show it: the
    header below it is the spreadsheet's row 1, and every row number said to the user follows."""
    found = _SEP_DIRECTIVE.match(text)
    return (text[found.end():], found.group(1)) if found else (text, None)


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
    known = known_headers()
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


# ---------------------------------------------------------------- naming columns

def unnamed(position: int) -> str:
    """The name of a column whose header cell is empty: its letter (1 -> "column A"), as a spreadsheet
    shows it; messages say it in the user's language (Problem.unnamed, known from Sheet.empty_headers)."""
    return unnamed_said(column_letter(position))


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
        label, int(found[i]), column, str(frame.iat[at[i], k0]), "header_repeated", {"row": int(found[i])},
        unnamed=()))   # a named column
    keep = np.ones(len(frame), dtype=bool)
    keep[at] = False
    return frame.loc[keep].reset_index(drop=True), rows[keep], problems


def unique_header(header: list[str], positions: tuple[int, ...] | None = None
                  ) -> tuple[list[str], dict[str, list[str]]]:
    """The columns' names from the header's cells (stripped) at their spreadsheet `positions` (default
    A, B, C…): an empty cell's column named by its letter (`unnamed`), every repeated name made unique
    as "name (letter)" (an election file has eleven columns named `Voix`); and the repeated names with
    their column letters."""
    positions = positions or tuple(range(1, len(header) + 1))
    seen: dict[str, list[int]] = {}
    for k, h in enumerate(header):
        if h and not h.startswith("Unnamed: "):
            seen.setdefault(normalise_header(h), []).append(k)
    out, repeated = [h or unnamed(p) for h, p in zip(header, positions)], {}
    for ks in seen.values():
        if len(ks) > 1:
            repeated[header[ks[0]]] = [column_letter(positions[k]) for k in ks]
            for k in ks:
                out[k] = f"{header[k]} ({column_letter(positions[k])})"
    return out, repeated


def repeated_problems(sheet: Sheet) -> list[Problem]:
    """One problem per repeated column name of a sheet read as a plain table."""
    return [Problem(sheet.label, sheet.header_row, name, name, "repeated_header",
                    {"column": name, "count": len(letters), "positions": ", ".join(letters)}, unnamed=())
            for name, letters in sheet.repeated.items()]


def column_letter(position: int) -> str:
    """A spreadsheet's column letter for a 1-based position (1 -> A, 27 -> AA)."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(position)


def drop_blank(frame: pd.DataFrame, rows: np.ndarray, positions: tuple[int, ...], empty: frozenset[int]
               ) -> tuple[pd.DataFrame, np.ndarray, tuple[int, ...]]:
    """The table without its rows of empty cells and its columns with neither a header (their positions
    in `empty`) nor a cell, with the spreadsheet positions of the columns kept."""
    def left_out(k: int, c: str) -> bool:
        no_header = positions[k] in empty or c.startswith("Unnamed: ")
        return no_header and bool((frame.iloc[:, k].str.strip() == "").all())

    kept = [k for k, c in enumerate(frame.columns) if not left_out(k, c)]
    frame, positions = frame.iloc[:, kept], tuple(positions[k] for k in kept)
    if frame.shape[1] == 0:
        return frame, rows[:0], positions
    blank = np.ones(len(frame), dtype=bool)
    for k in range(frame.shape[1]):
        blank &= (frame.iloc[:, k].str.strip() == "").to_numpy()
    if blank.any():
        frame = frame.loc[~blank].reset_index(drop=True)
        rows = rows[~blank]
    return frame, rows, positions
