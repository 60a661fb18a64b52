"""XLSX cells as Excel shows them, until a sheet's decimal mark is known (indicators/reading_xlsx.py reads
the sheets): a cell's value as text, its number format's kind (a percentage, a currency, a date shown as a
month or a year, a zero-padded code) and the value that format shows; numbers kept as numbers until the
sheet's mark is found, then written with it (typed_numbers)."""
from __future__ import annotations

import re

import pandas as pd
from openpyxl.utils.escape import unescape

from .reading_decimal import detect_decimal
from .shown_days import Day, DayFormat


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        # OOXML writes a character XML cannot hold as `_xHHHH_` (Excel: a carriage return `_x000D_`) and
        # a text `_xHHHH_` as `_x005F_xHHHH_`; openpyxl hands both over as written (reading_xlsx_parts.raw_strings).
        return unescape(value) if "_x" in value else value
    if hasattr(value, "text"):   # an array formula (no cached value)
        return str(value.text)
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


# A number format's tokens outside quotes and brackets (`"m²"`, `[Red]`, `\\%`): what Excel shows.
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')


_BRACKETS = re.compile(r"\[[^\]]*\]")   # a colour or a locale, `[Red]`, `[$-40C]`: nothing shown


def _format_kind(number_format: str | None) -> str | int | None:
    """What a cell's number format makes of its value: "percent" (Excel shows 100 times the value),
    "month" or "year" (a date shown as a month, mmm-yy or yyyy-mm, or as a year, yyyy), the number of
    digits a zero-padding format shows (`00000`, Excel's "ZIP code": 5), else None."""
    if not number_format or number_format == "General":
        return None
    section = number_format.split(";")[0]
    bare = _BRACKETS.sub("", section)
    if len(bare) > 1 and bare.count("0") == len(bare):
        return len(bare)
    code = _FORMAT_LITERALS.sub("", section).lower()
    if "%" in code:
        return "percent"
    sign = _currency_sign(section, code)
    if sign:
        return ("currency", sign)
    if "y" in code and "h" not in code and "s" not in code:   # a day: named as displayed (shown_days)
        return DayFormat(code) if "d" in code else "month" if "m" in code else "year"
    return None


# A currency a number format shows: `[$€-40C]` (a currency and its locale; `[$-40C]` is a locale alone), a
# quoted or escaped text (`"€"`, `\€`, `"EUR"`), or a sign written as is (`#,##0 €`).
_LOCALE_CURRENCY = re.compile(r"\[\$([^\]\-]+)(?:-[0-9A-Fa-f]+)?\]")
_QUOTED = re.compile(r'"([^"]*)"|\\(.)')
_CURRENCY_SIGNS = ("\u20ac", "$", "\u00a3")


def _currency_sign(section: str, code: str) -> str | None:
    """The currency sign or code a format section shows beside its number (`€`, `EUR`), None for none;
    `code` is the section without its literals and brackets (_format_kind)."""
    from .units import SIGNS

    found = [m.group(1).strip() for m in _LOCALE_CURRENCY.finditer(section)]
    found += [(m.group(1) if m.group(1) is not None else m.group(2)).strip() for m in _QUOTED.finditer(section)]
    found += [c for c in code if c in _CURRENCY_SIGNS]
    for text in found:
        if SIGNS.get(text.lower()) in ("eur", "usd", "gbp"):
            return text
    return None


class _Money(float):
    """A number shown with a currency by its format (`#,##0 "€"`): written with its sign once the sheet's
    decimal mark is known (`1234,5 €`, _number_text), as a CSV would hold it, so that the sign is judged by
    the same rule as a CSV cell's (parsing.wrong_signs): taken for an indicator in EUR, refused for one in km."""

    sign = ""


class _Percent(float):
    """A percentage cell's number of percent (0.125 shown 12,5 % is 12.5). It is written with its `%`
    once the sheet's decimal mark is known (_number_text), as a CSV would hold it (`12,5%`): the unit
    sign is then judged by the same rule (parsing.wrong_signs), taken for an indicator in %, refused
    for one in km."""


def _shown(value, kind: str | int | None):
    """A cell's value as its number format shows it: a percentage as its number of percent with its
    sign (_Percent), a whole number under a zero-padding format as the digits shown (2691 formatted
    `00000` is the code `02691`), a date on the first of a month shown as a month as `YYYY-MM`, on
    1 January shown as a year as `YYYY` (Excel turns a typed 2024-03 into a date); any other value
    unchanged (a fraction under `00000` keeps its digits: Excel's rounding is not a value)."""
    if kind is None or value is None or isinstance(value, bool):
        return value
    if isinstance(kind, int):
        if isinstance(value, (int, float)) and float(value).is_integer() and abs(value) < 1e15:
            return ("-" if value < 0 else "") + f"{abs(int(value)):0{kind}d}"
        return value
    if isinstance(kind, tuple) and isinstance(value, (int, float)):   # ("currency", sign)
        money = _Money(value)
        money.sign = kind[1]
        return money
    if kind == "percent" and isinstance(value, (int, float)):
        from decimal import Decimal, InvalidOperation

        try:   # through the decimal digits: 0.07 is 7, not 7.000000000000001
            return _Percent(Decimal(repr(value)) * 100)
        except (InvalidOperation, ValueError, OverflowError):
            return value
    if kind in ("month", "year") and hasattr(value, "year") and hasattr(value, "hour"):
        if value.day != 1 or (value.hour, value.minute, value.second, value.microsecond) != (0, 0, 0, 0):
            return value
        if kind == "year" and value.month == 1:
            return f"{value.year:04d}"
        if kind == "month":
            return f"{value.year:04d}-{value.month:02d}"
    return Day.of(value, kind)   # a day under a day's format: its ISO text, named as displayed (shown_days)


def row_values(cells: tuple, kinds: dict) -> tuple:
    """A row's values, as read with values_only, each as its number format shows it (_shown); the
    format is looked up once per style (`kinds`, by style id), and only for numbers and dates."""
    out = []
    for cell in cells:
        value = getattr(cell, "value", None)
        if value is not None and not isinstance(value, (str, bool)) and getattr(cell, "_style_id", 0):
            style = cell._style_id
            kind = kinds.get(style, "?")
            if kind == "?":
                try:
                    kind = kinds[style] = _format_kind(cell.number_format)
                except (AttributeError, IndexError, KeyError, TypeError):
                    kind = kinds[style] = None
            value = _shown(value, kind)
        out.append(value)
    return tuple(out)


def kept_cell(value):
    """A cell as the reader keeps it until the sheet's decimal mark is known: text, or a number with a
    fraction or a percentage kept as a number (written with that mark once it is known, typed_numbers)."""
    if isinstance(value, float) and (value.__class__ in (_Percent, _Money) or not (value.is_integer() and abs(value) < 1e15)):
        return value
    return _cell_text(value)


def _number_text(value: float, decimal: str) -> str:
    """A number kept by kept_cell as the sheet's text writes it: with its decimal mark, a percentage with
    its sign (`12,5%`, `7%`)."""
    if value.__class__ in (_Percent, _Money):
        text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(float(value))
        return text.replace(".", decimal) + ("%" if value.__class__ is _Percent else f" {value.sign}")
    return repr(value).replace(".", decimal)


def kept_text(cell) -> str:
    return _number_text(cell, ".") if isinstance(cell, float) else cell


def is_blank(cell) -> bool:
    return isinstance(cell, str) and not cell.strip()


def typed_numbers(frame: pd.DataFrame) -> tuple[pd.DataFrame, str, bool]:
    """The sheet as text, its decimal mark and whether its cells showed it.

    Numbers typed as text (pasted from a PDF or a web page: `0,125`, `1.234,5`) are read as a CSV's
    cells are: the mark is found from the text cells of the number columns (detect_decimal).
    Numbers typed as numbers have no mark of their own: they are written with the one found, so that
    both read the same (2.375 typed as a number is 2,375 in a sheet whose text says `12,5`)."""
    def is_number(v) -> bool:
        return v.__class__ in (float, _Percent, _Money)

    typed = {c: frame[c].map(is_number).to_numpy(dtype=bool) for c in frame.columns} if len(frame) else {}
    head = frame.head(5000)
    text_only = pd.DataFrame({c: head[c].where(~typed[c][:len(head)], "") for c in frame.columns}) if typed else head
    decimal, detected = detect_decimal(text_only.astype("str"), None)
    for c, mask in typed.items():
        if mask.any():
            frame[c] = frame[c].map(lambda v: _number_text(v, decimal) if is_number(v) else v)
    return frame.astype("str"), decimal, detected
