"""The decimal mark a table's number cells show (a comma or a point), for CSV and XLSX alike."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .schema import MISSING_MARKERS, normalise_header, TABLES, alias_map

# Cells that show a decimal comma (1,5 / 1 234,5 / 1.234,56) or a decimal point (1.5, 3.05858).
_COMMA_DECIMAL = re.compile(r"^[+-]?\d{1,3}(?:[ .\u00a0\u202f]\d{3})*,\d+(?:\s*[a-z]{1,2})?$|^[+-]?\d+,\d+(?:\s*[a-z]{1,2})?$")
_POINT_DECIMAL = re.compile(r"^[+-]?\d{1,3}(?:[ ,\u00a0\u202f]\d{3})*\.\d+(?:\s*[a-z]{1,2})?$|^[+-]?\d+\.\d+(?:\s*[a-z]{1,2})?$")
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


# 1.250 / 12,500 p: one mark followed by exactly three digits, as _AMBIGUOUS, its parts apart.
_GROUPED_ONCE = re.compile(r"^([+-]?)([1-9]\d{0,2})([.,])(\d{3})(\s*[a-z]{1,2})?$")


def thousands_columns(frame: pd.DataFrame, decimal: str, columns: list | None = None) -> list[tuple]:
    """The number columns whose every number is written like 1.250 with the mark that the file's
    decimal makes a thousands separator (a `;` file with no decimal shown reads 1.250 as 1250): the
    documented reading, but a pandas file writing `.` beside `;` is read 1000 times too large with it.
    Each as (column, position of its first number, that cell, what it was read as, what it would be
    with the mark as decimal). One number written otherwise (0.125, 12, 1,5) and the column is left out."""
    grouping = "." if decimal == "," else ","
    # Vectorised match of the whole column (0.1 s a million rows), the parts of its first number only.
    pattern = r"^[+-]?[1-9]\d{0,2}" + re.escape(grouping) + r"\d{3}(?:\s*[a-z]{1,2})?$"
    found = []
    for col in (number_columns(frame) if columns is None else columns):
        values = frame[col]
        if isinstance(values, pd.DataFrame):
            values = values.iloc[:, 0]
        # The first rows first: a column with another number among them costs no pass over the rest.
        for cells in (values.head(5000), values):
            cells = cells.astype(str).str.strip()
            empty = ((cells == "") | cells.str.startswith(":") | cells.isin(MISSING_MARKERS)).to_numpy(dtype=bool)
            if empty.all() or not cells.str.match(pattern).to_numpy(dtype=bool)[~empty].all():
                break
        else:
            at = int(np.flatnonzero(~empty)[0])
            first = str(cells.iat[at])
            sign, head, _, tail = _GROUPED_ONCE.match(first).groups()[:4]
            meant = f"{head}.{tail}".rstrip("0").rstrip(".")
            found.append((col, at, first, f"{sign}{head}{tail}",
                          sign + meant.replace(".", grouping), sign + meant.replace(".", decimal)))
    return found
