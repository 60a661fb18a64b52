"""A spreadsheet's error values in a cell: a formula that broke (`#N/A`, `#DIV/0!`, `#VALEUR!`, `#DEEL/0!`…).

Excel writes them in the language it runs in and saves them as text in a CSV, or as an error cell in an
XLSX; either way the readers hand them over as the text Excel shows. In a number column the parser reads
them (parsing._read_cell): `#N/A` (`#N/D`, `#N/B`), the spreadsheet's "not available", as no value, the
others refused as formula errors. What no other check says is said here, column by column:

- a number column: an `#N/A` read as no value is said by a notice naming its rows and the cell as written
  (it is never stored, never as 0); where the column requires a number (a target's baseline) it is refused
  as a formula error, not as an empty cell;
- a code, period, flag or date column: refused as a formula error, not as an unknown code (with a "nearest"
  code that has nothing to do with it), a bad period or an unknown flag; the cell is then read as empty,
  so that no other check speaks of it again;
- a text column: a required one (a name, a unit) is refused the same way; an optional one (a note, a
  source) is text, kept as written, with a notice.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .problems import Problem, capped
from .schema import INTEGER, NUMBER, TEXT, Column

# The spreadsheet's "not available", as Excel writes it in English and French (#N/A), Dutch (#N/B), and as
# Italian, Spanish or LibreOffice in French write it (#N/D): schema.MISSING_MARKERS, "no value".
NOT_AVAILABLE = frozenset({"#n/a", "#n/b", "#n/d"})
# Excel's error values in English, French and Dutch (compared lower-cased), and the newer ones
# (spilled arrays, data types, linked data): the known list, the one a text column is judged by.
KNOWN = frozenset(e.lower() for e in (
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!", "#GETTING_DATA",
    "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!",
    "#NUL!", "#VALEUR!", "#NOM?", "#NOMBRE!", "#PROPAGATION!", "#CALCUL!", "#N/D",
    "#LEEG!", "#DEEL/0!", "#WAARDE!", "#VERW!", "#NAAM?", "#GETAL!", "#N/B", "#OVERLOOP!", "#BEREKENING!",
))
# LibreOffice's errors (`Err:502`), whatever its language.
_LIBREOFFICE = re.compile(r"^Err:\d{3}$")
# Any error of the shape Excel gives them in any language (`#WORD!`, `#WORD?`, `#DIV/0!`): a code, a period
# or a flag never has that shape, so there it is judged by shape (parsing._FORMULA_ERROR, and #N/x).
_SHAPE = re.compile(r"^(?:#[^\W\d_][\w/]*[!?]|#N/[ABD])$", re.IGNORECASE)

NOTICE_NO_VALUE = "formula_not_available"   # an #N/A read as no value
NOTICE_TEXT = "formula_error_text"          # an error kept as text (an optional text column)
REFUSED = "formula_error_cell"              # an error where a code, a period, a flag, a date, a name goes,
                                            # or an #N/A where a number is required


def is_error(text: str, by_shape: bool = True) -> bool:
    """Whether a cell holds a spreadsheet's error value: by its shape (`#WORD!`, any language), or with
    `by_shape` False by the known list only (a text column's `#Merci!` is not one)."""
    t = str(text).strip()
    return t.lower() in KNOWN or bool(_LIBREOFFICE.match(t)) or (by_shape and bool(_SHAPE.match(t)))


def column_errors(sheet, col: Column, where: str, cells: pd.Series, no_value: bool) -> tuple[pd.Series, list[Problem]]:
    """The problems of a column's error cells, and the cells to read on (a refused code, period, flag,
    date or required text read as empty). `where` is the column as the file writes it; `no_value` says
    whether a row without a value is skipped rather than refused (observations' and flows' `value`)."""
    # A cheap first look over the whole column (a million cells: 17 ms a text searched, where a regular
    # expression costs a second); only the cells found are looked at again. A number column's errors
    # other than #N/A are parsing's (LibreOffice's `Err:502` too).
    if not getattr(sheet, "error_cells", True):   # a text file without `#` or `Err:` (reading.Sheet)
        return cells, []
    maybe = cells.str.contains("#", regex=False).fillna(False).to_numpy(dtype=bool, copy=True)
    if col.kind not in (NUMBER, INTEGER):
        maybe |= cells.str.contains("Err:", regex=False, case=True).fillna(False).to_numpy(dtype=bool)
    if not maybe.any():
        return cells, []
    at = np.flatnonzero(maybe)
    texts = [str(t).strip() for t in cells.iloc[at]]
    if col.kind in (NUMBER, INTEGER):
        # parsing refuses the other errors as formula errors; #N/A is its "no value"
        hit = at[[t.lower() in NOT_AVAILABLE for t in texts]]
        if not len(hit):
            return cells, []
        if no_value or not col.required:
            return cells, [_notice(sheet, where, NOTICE_NO_VALUE, hit, cells)]
        return cells, _refused(sheet, where, hit, cells)
    text = col.kind == TEXT and not col.allowed and not col.pattern
    hit = at[[is_error(t, by_shape=not text) for t in texts]]
    if not len(hit):
        return cells, []
    if text and not col.required:
        return cells, [_notice(sheet, where, NOTICE_TEXT, hit, cells)]
    refused = np.zeros(len(cells), dtype=bool)
    refused[hit] = True
    return cells.where(~refused, ""), _refused(sheet, where, hit, cells)


def _refused(sheet, where: str, hit: np.ndarray, cells: pd.Series) -> list[Problem]:
    rows = sheet.rows[hit]
    unnamed = sheet.unnamed_letters()
    return capped(sheet.label, where, REFUSED, rows, lambda i: Problem(
        sheet.label, int(rows[i]), where, str(cells.iat[hit[i]]).strip(), REFUSED,
        {"value": str(cells.iat[hit[i]]).strip()}, ("check_formula", {}), unnamed=unnamed))


def _notice(sheet, where: str, code: str, hit: np.ndarray, cells: pd.Series) -> Problem:
    return notice(sheet.label, where, code, sheet.rows[hit], [str(cells.iat[i]).strip() for i in hit[:1000]],
                  sheet.unnamed_letters())


def notice(file: str, where: str, code: str, rows, texts: list[str], unnamed: tuple[str, ...] = ()) -> Problem:
    """One notice for a column (`NOTICE_NO_VALUE`, `NOTICE_TEXT`): the cells as written (each spelling
    once) and their rows. No row of its own: the rows it names are read (as no value, or as text), none is
    refused or left out for it. A mapped import says its #N/A cells with it too."""
    shown = ", ".join(str(int(r)) for r in rows[:10]) + (" …" if len(rows) > 10 else "")
    values = ", ".join(dict.fromkeys(texts))
    return Problem(file, None, where, values, code,
                   {"column": where, "values": values, "count": int(len(rows)), "rows": shown},
                   ("check_formula", {}), severity="notice", unnamed=unnamed)
