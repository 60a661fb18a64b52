"""Numbers in a table cell written in the page's language, sorted by value when a header is clicked.

Streamlit 1.67 writes a NumberColumn in the *browser's* format ("localized") or with a printf format.
Its printf (sprintf-js, extended) groups thousands with any character (`%'.,d` gives 1.186) but always
writes a decimal point. So:
- a column whose shown numbers are whole stays a NumberColumn with a printf format for the page's
  language: sorted as numbers (its sort mode compares values), copied as numbers;
- a column with decimals is a read-only SelectboxColumn whose cells are *sort keys* and whose options
  show each key's label. Streamlit sorts such a column with String.localeCompare on the cell's value
  (not on its label), so the key is the value's rank among the column's distinct values, zero-padded
  to one width: equal-width digit strings compare as their numbers, negative values included
  (−5,0 < −0,5 < 0,0 < 12,3), which a padded label cannot do (its text puts −0,5 before −5,0).
  A copied cell gives its key, then its label ("07 -5,0"): the rank is the price of a sortable
  decimal comma.
"""
from __future__ import annotations

import math

from indicators import i18n

# printf grouping character per page language (the decimal separator never shows: whole numbers only)
_GROUPING = {"fr": "\u202f", "nl": ".", "en": ","}


def _numbers(values) -> list[float]:
    return [float(v) for v in values
            if v is not None and not (isinstance(v, float) and math.isnan(v)) and v == v]


def integer_format(lang: str) -> str:
    """The printf format of a NumberColumn writing whole numbers as the page's language does."""
    sep = _GROUPING.get(lang, ",")
    return "%,d" if sep == "," else f"%'{sep},d"


def shown_whole(values, decimals: int | None) -> bool:
    """True when every number is shown without decimals: none asked, or every value is whole. A whole number
    from 1e15 on is not: i18n.number writes it in scientific notation, and the grid's printf `%d` would read
    "1e+21" as 1 (JavaScript's parseInt)."""
    return decimals == 0 and all(abs(float(v)) < 1e15 for v in _numbers(values)) or \
        all(float(v).is_integer() and abs(float(v)) < 1e15 for v in _numbers(values))


def labels(values, lang: str, decimals: int | None = 1) -> dict[float, str]:
    """{value: its label in `lang`}, for the distinct numbers among `values` (no value: left out)."""
    return {v: i18n.number(v, lang, decimals) for v in sorted(set(_numbers(values)))}


def sort_keys(values, lang: str, decimals: int | None = 1) -> tuple[dict[float, str], dict[str, str]]:
    """({value: key}, {key: label}): keys whose text order is the values' order, and what each shows."""
    written = labels(values, lang, decimals)
    width = len(str(max(len(written) - 1, 0)))
    keys = {v: f"{str(rank).zfill(width)} {label}" for rank, (v, label) in enumerate(written.items())}
    return keys, {keys[v]: written[v] for v in written}


def labelled_keys(values, texts) -> tuple[list[str | None], dict[str, str]]:
    """(a key per row, {key: label}) for a column whose cells are words around a number (`7 162 élèves
    (2024)`, each row with its own unit and decimals): keys ranked by the row's number, so the column sorts
    by value, and labels the rows' own words. A row with words but no number (`Pas de cible`) ranks after
    every number; a row with neither has no key (the table's placeholder)."""
    rows = []
    for value, text in zip(values, texts):
        number = _numbers([value])
        text = None if text is None or (isinstance(text, float) and math.isnan(text)) else str(text)
        rows.append((number[0] if number else None, text))
    order = sorted({r for r in rows if r[1] is not None and r[1] != "–"},
                   key=lambda r: (r[0] is None, r[0] if r[0] is not None else 0.0, r[1]))
    width = len(str(max(len(order) - 1, 0)))
    keys = {r: f"{str(rank).zfill(width)} {r[1]}" for rank, r in enumerate(order)}
    return [keys.get(r) for r in rows], {key: r[1] for r, key in keys.items()}
