"""Rows under a table that are not records: a total (`Total`, `Totaal`, `Somme` and an Excel sum) and
notes (`Source : INSEE…`, `Note : les chiffres 2024 sont provisoires.`).

A planner's Excel sheet often ends that way. Read as records, a total was an "unknown indicator, add it
to the indicator table", one note "text too long" and another counted among the rows without a value.
The rows at the end of the sheet that are a total or a note are left out before the sheet is read, with
one notice naming them and what they are (`rows_below_table`): none of them could be a record, since a
record names its codes and a note fills one cell only.
"""
from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from .problems import Problem
from .reading import Sheet
from .schema import TEXT, Table

# A cell that says "total" in French, Dutch or English (`Total général`, `Sous-total`, `Totaal`, `Somme`,
# `Eindtotaal`, `Grand total :`), as a spreadsheet's total row starts.
_TOTAL = re.compile(r"^(?:grand\s+|sous[-\s]?|sub[-\s]?|eind)?(?:total|totaal|totaux|totals|totale|somme|sum|som)"
                    r"(?:\s+(?:général|general|generaal|\d{4}))?\s*[:.]?$")
_WORDS = re.compile(r"[^\W\d_].*\s|\s.*[^\W\d_]")   # a letter and a space: words, not a code
_LONGEST_TOTAL = 40


# Rows looked at from the end: notes under a table are a few lines; a sheet whose last rows are all one
# filled cell is a table of one column, read as it is.
_MOST_BELOW = 100


def _tail(sheet: Sheet) -> np.ndarray:
    """The sheet's last rows (one more than _MOST_BELOW), each cell as stripped text ("" when empty)."""
    tail = sheet.frame.iloc[-(_MOST_BELOW + 1):]
    return tail.apply(lambda c: c.map(lambda v: "" if v is None or v != v else str(v).strip())).to_numpy(dtype=object)


def _what(row, required_at: list[int], note_at: set[int]) -> str | None:
    """"total", "note" or None for a row's cells (stripped text). A note is one cell of words in a column
    that holds no words in a record (a code, a number, a period: `note_at`); the last record of a table of
    names, with its code left out, stays a record (and is refused for its missing code)."""
    filled = [k for k, v in enumerate(row) if v]
    if not filled:
        return None
    if any(len(row[k]) <= _LONGEST_TOTAL and _TOTAL.match(row[k].lower()) for k in filled) \
            and any(k not in filled for k in required_at):
        return "total"
    if len(filled) == 1 and filled[0] in note_at and _WORDS.search(row[filled[0]]):
        return "note"
    return None


def rows_below_table(sheet: Sheet, table: Table, mapping: dict[str, str]) -> tuple[Sheet, list[Problem]]:
    """The sheet without the rows at its end that are a total or a note, and one notice naming them
    ("rows 11–14 are below the table (a total, notes)"); the sheet unchanged when there are none, or when
    every row would go (a table of one filled column is read as it is, and its problems said)."""
    if len(sheet.frame) < 2:
        return sheet, []
    columns = list(sheet.frame.columns)
    required_at = [columns.index(h) for h, c in mapping.items() if c in table.required and h in columns]
    note_at = {columns.index(h) for h, c in mapping.items() if h in columns and table.column(c).kind != TEXT}
    if columns and columns[0] not in mapping:   # a column of labels read by no table: a note's usual place
        note_at.add(0)
    cells = _tail(sheet)
    found: list[str] = []
    at = len(cells)   # in the tail
    while at > 1:
        what = _what(cells[at - 1], required_at, note_at)
        if what is None:
            break
        found.append(what)
        at -= 1
    if not found or at <= 1 and len(cells) > _MOST_BELOW:
        return sheet, []
    at += len(sheet.frame) - len(cells)   # in the sheet
    rows = sheet.rows[at:]
    first, last = int(rows[0]), int(rows[-1])
    totals, notes = found.count("total"), found.count("note")
    below = "+".join(w for w, n in (("total" if totals == 1 else "totals", totals),
                                    ("note" if notes == 1 else "notes", notes)) if n)
    said = str(first) if first == last else f"{first}\u2013{last}"
    notice = Problem(sheet.label, first, None, None, "rows_below_table", {"rows": said, "below": below},
                     severity="notice")
    kept = replace(sheet, frame=sheet.frame.iloc[:at].reset_index(drop=True), rows=sheet.rows[:at])
    kept.merged = {k: v for k, v in sheet.merged.items() if k[0] < first}
    return kept, [notice]
