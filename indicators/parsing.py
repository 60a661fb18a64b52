"""Turning text cells into numbers, flags, periods and codes, column by column.

Vectorised for the common case (a million plain numbers parse in a blink);
only cells the fast path cannot read go through the careful per-cell parser,
which understands thousands separators, Eurostat flags and missing markers.
"""
from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import limits
from .schema import FLAGS, MISSING_MARKERS, PERIOD_PATTERN, is_flag
from .units import sign_matches, sign_unit

# A dash alone is "no value" however a word processor wrote it: en dash, em dash, minus sign. Any case:
# `Secret`, `N.D.` and `nc` are the same marker (cells are compared lower-cased).
_MISSING = frozenset(m.lower() for m in MISSING_MARKERS) | {"\u2013", "\u2014", "\u2212"}
# A spreadsheet's formula error, as Excel or LibreOffice writes it in any language (#DIV/0!, #VALEUR!,
# #NOM?, #WAARDE!, Err:502): never a number, and not a "no value" either (the formula is to be fixed).
# #N/A (#N/D, #N/B), the spreadsheet's own "not available", is a no-value marker (MISSING_MARKERS).
_FORMULA_ERROR = re.compile(r"^(?:#[^\W\d_][\w/]*[!?]|Err:\d{3})$")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_TRAILING_FLAG = re.compile(r"^(.*?[0-9:.%\u20ac$\u00a3\u2030])\s*([A-Za-z]{1,4})$")
# The minus sign of Word and web pages (U+2212), and the dashes pasted for one (U+2012, U+2013), before a number.
_UNICODE_MINUS = re.compile(r"^[\u2212\u2012\u2013](?=\s*[0-9.,])")
# A unit written beside the number: `12,5 %`, `1 234 €`, `€ 12`, `12 km` (a sign or a word; units.sign_unit
# says which ones are units).
_UNIT_AFTER = re.compile(r"^(.*?[0-9][.,]?)\s*([%\u2030\u20ac$\u00a3]|[^\W\d_](?:[^\W\d_]|[\u00b2\u00b3/])*)$")
_UNIT_CELL = 64   # longer cells hold no number with its unit (and the patterns would backtrack over them)
_UNIT_BEFORE = re.compile(r"^([\u20ac$\u00a3])\s*([-+\u2212]?\s*[0-9.,].*)$")
_ACCOUNTING = re.compile(r"^\(\s*([0-9][0-9\s\u00a0\u202f.,']*)\s*\)$")
# Thousands groups: the first group never starts with 0 (0.125 and 0,125 are one eighth in any file).
_THOUSANDS_POINT = re.compile(r"^[+-]?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$")
_THOUSANDS_COMMA = re.compile(r"^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$")
_PLAIN = re.compile(r"^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$")
_PERIOD = re.compile(PERIOD_PATTERN)
_QUARTER = re.compile(r"^([0-9]{4})\s*[-/ ]?\s*[QqTtKk]([1-4])$")   # 2024Q1, 2024-T1 (trimestre), 2024-K1 (kwartaal)
_QUARTER_FIRST = re.compile(r"^[QqTtKk]([1-4])\s*[-/ ]?\s*([0-9]{4})$")   # T1 2024, Q1-2024, K1 2024
_YEAR_GROUPED = re.compile(r"^([0-9])[ \u00a0\u202f\u2009]([0-9]{3})$")   # 2 024: a year shown with a thousands space
# 2024M03, 2024-3, 2024/03, 202403; not 20244, which is more likely a typo than April 2024.
_MONTH = re.compile(r"^([0-9]{4})(?:\s*(?:[-/ ]\s*[Mm]?|[Mm])\s*([0-9]{1,2})|([0-9]{2}))$")
_YEAR_FLOAT = re.compile(r"^([0-9]{4})[.,]0+$")                         # 2024.0 from a spreadsheet

# The numbers a store keeps: beyond LARGEST, or nearer to zero than SMALLEST (0 aside), a number is refused,
# never stored as infinity or as 0 (`1e-400` reads as 0.0 in every float parser).
LARGEST = 1e300
SMALLEST = 1e-300
_ZERO = re.compile(r"^[+-]?[0.]*(?:[eE][+-]?\d+)?$")   # a written zero (`0`, `0,00`, `0e5`), decimal mark `.`

# A month as Excel shows a date formatted `mmm-yy` in French, Dutch or English (`mars-24`, `janv.-24`,
# `mrt-24`, `Mar-24`, `March 2024`), or written `03/2024`: a planner typed 2024-03 and Excel made it a date.
_MONTH_NAMES = {
    **dict.fromkeys(("janvier", "janv", "januari", "january", "jan"), 1),
    **dict.fromkeys(("février", "fevrier", "févr", "fevr", "fév", "fev", "februari", "february", "feb"), 2),
    **dict.fromkeys(("mars", "maart", "mrt", "march", "mar"), 3),
    **dict.fromkeys(("avril", "avr", "april", "apr"), 4),
    **dict.fromkeys(("mai", "mei", "may"), 5),
    **dict.fromkeys(("juin", "juni", "june", "jun"), 6),
    **dict.fromkeys(("juillet", "juil", "juli", "july", "jul"), 7),
    **dict.fromkeys(("août", "aout", "aoû", "augustus", "august", "aug"), 8),
    **dict.fromkeys(("septembre", "sept", "september", "sep"), 9),
    **dict.fromkeys(("octobre", "oktober", "october", "oct", "okt"), 10),
    **dict.fromkeys(("novembre", "november", "nov"), 11),
    **dict.fromkeys(("décembre", "decembre", "déc", "december", "dec"), 12),
}
_MONTH_WORD = re.compile(r"^([^\W\d_]+)\.?\s*[-/ .]?\s*([0-9]{2}|[0-9]{4})$")
_MONTH_FIRST = re.compile(r"^([0-9]{1,2})\s*[/.-]\s*([0-9]{4})$")
# A day written in a period cell (`31/12/2020`, `2020-12-31` from an XLSX date cell, `31.12.2020`): a date,
# not a period; the suggestion names the year and the month it holds (period_hint).
_DAY = re.compile(r"^(?:([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[ T]00:00(?::00)?)?"
                  r"|([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4}))$")

# French Excel on Windows groups thousands with a narrow no-break space (U+202F), which Windows-1252 cannot
# hold: a CSV it saves holds `236?710`. Read only in this strict shape (groups of exactly three digits after
# each `?`, then decimals, then a unit or a flag), and only in a single-byte file (lost_groups).
_LOST_GROUPS = re.compile(r"^([+-]?[1-9][0-9]{0,2}(?:\?[0-9]{3})+(?:[.,][0-9]+)?)(\??)([^0-9?]*)$")


def parse_number_cell(text: str, decimal: str, units: bool = False) -> tuple[float | None, str | None, str | None]:
    """(value, flag, problem code) for one cell; value None means "no value".

    A unit written beside the number (`12,5 %`, `1 234 €`) is "not_a_number" here, as it is for a
    table whose rows name no indicator; with `units`, the number is read and the code is "unit_sign":
    whether the sign agrees with the indicator's unit is for the caller to say (`unit_sign`)."""
    value, flag, problem, sign = _read_cell(text, decimal)
    if sign is not None and problem is None:
        return (value, flag, "unit_sign") if units and value is not None else (None, None, "not_a_number")
    return value, flag, problem


def unit_sign(text: str) -> str | None:
    """The unit sign written beside the number of a cell (`%` in `12,5 % p`), None when there is none."""
    t = str(text).strip()
    m = _TRAILING_FLAG.match(t)
    if m and sign_unit(m.group(2)) is None:
        t = m.group(1).strip()
    return _split_unit(t)[1]


def wrong_signs(texts: np.ndarray, indicator_ids: np.ndarray, units: dict) -> list[int]:
    """Positions of the cells written with a unit sign (`12,5 %`; None or NaN elsewhere) whose sign is not
    the unit of their row's indicator: the plain and the mapped imports refuse those. An indicator with
    no known unit is not judged (it is an unknown code, said as such)."""
    return [int(i) for i in np.flatnonzero(pd.notna(texts))
            if units.get(indicator_ids[i]) and not sign_matches(unit_sign(texts[i]), units[indicator_ids[i]])]


def _split_unit(t: str) -> tuple[str, str | None]:
    """The cell without the unit written beside its number, and that unit (None when there is none)."""
    m = (_UNIT_AFTER.match(t) or _UNIT_BEFORE.match(t)) if len(t) <= _UNIT_CELL else None
    if m:
        found, rest = (m.group(2), m.group(1)) if m.re is _UNIT_AFTER else (m.group(1), m.group(2))
        if sign_unit(found) is not None:
            return rest.strip(), found
    return t, None


def _read_cell(text: str, decimal: str) -> tuple[float | None, str | None, str | None, str | None]:
    """(value, flag, problem code, unit sign) for one cell."""
    t = text.strip()
    if t.lower() in _MISSING:
        return None, None, None, None
    if _FORMULA_ERROR.match(t):
        return None, None, "formula_error", None
    flag = None
    m = _TRAILING_FLAG.match(t)
    if m and sign_unit(m.group(2)) is None:   # `12 km`, `12 EUR` are units (read below), not flags e, u, r
        t, flag = m.group(1).strip(), m.group(2)
        if flag.lower() in ("na", "nd"):
            return None, None, "not_a_number", None
        if not is_flag(flag):   # `43300 x`: a flag Eurostat does not have; `12x`, `1.2.3 x`: not a number
            flag_like = _flag_like(text.strip(), m) and _reads(t, decimal)
            return None, None, "bad_flag" if flag_like else "not_a_number", None
        flag = normal_flag(flag)
        if t.lower() in _MISSING:
            return None, flag, None, None
    t, sign = _split_unit(t)
    t = _UNICODE_MINUS.sub("-", t)
    t = _SPACES.sub("", t)
    if decimal == ",":
        if _THOUSANDS_POINT.match(t):
            t = t.replace(".", "")
        t = t.replace(",", ".") if t.count(",") == 1 and "." not in t else t
    else:
        if _THOUSANDS_COMMA.match(t):
            t = t.replace(",", "")
        elif t.count(",") == 1 and "." not in t:
            t = t.replace(",", ".")
    if not _PLAIN.match(t):
        return None, None, "not_a_number", None
    try:
        value = float(t.replace(",", "."))
    except ValueError:
        return None, None, "not_a_number", None
    if not math.isfinite(value) or abs(value) > LARGEST:
        return None, None, "too_large", None
    if abs(value) < SMALLEST and (value != 0 or not _ZERO.match(t.replace(",", "."))):
        return None, None, "too_small", None   # `1e-400`, `0,000…01`: never stored as 0
    return value, flag, None, sign


def _flag_like(text: str, m: re.Match) -> bool:
    """Whether the letters after a number look written as a flag: one or two, set apart by a space
    (`43300 x`, `12,5 xy`). Stuck to the number (`12x`) or longer (`12 abc`), they are more likely a
    typo or a word than a flag: the cell is said as not a number, with the letters it holds."""
    return len(m.group(2)) <= 2 and len(m.group(1)) + len(m.group(2)) < len(text)


def _reads(text: str, decimal: str) -> bool:
    """Whether the part before a flag reads: a number (with a unit or not) or a no-value marker (`: x`)."""
    return text.lower() in _MISSING or _read_cell(text, decimal)[2] is None


def normal_flag(*written: str | None) -> str | None:
    """The flag that the known letters of `written` make, each once, in Eurostat's order: `pp` -> `p`,
    `pe` -> `ep`; the flag after a number and the flag column's together (`12,5 p` beside `e`) -> `ep`.
    None when there is no letter. One set of letters is one stored flag, whatever the file wrote."""
    letters = "".join(w for w in written if isinstance(w, str)).lower()   # None, NaN: an empty cell
    return "".join(f for f in FLAGS if f in letters) or None


def number_hint(text: str | None) -> tuple[str, dict] | None:
    """What a cell that is not a number holds instead, as a suggestion (key, params), where it says
    more than "write a number": a unit, a number in brackets, words, signs a number does not take."""
    t = str(text or "").strip()
    if not t:
        return None
    if t.startswith("=") and len(t) > 1:   # an XLSX formula with no saved value (reading_xlsx keeps its text)
        return "formula_not_computed", {}
    m = _ACCOUNTING.match(t) if len(t) <= _UNIT_CELL else None
    if m:
        return "negative_with_minus", {"number": "-" + m.group(1).strip()}
    m = _TRAILING_FLAG.match(t)
    flagged = m and is_flag(m.group(2)) and sign_unit(m.group(2)) is None   # `12,5 % p`: the flag is fine
    apart = re.fullmatch(r"(.*?[0-9])((?:\s+[A-Za-z]{1,2})+)", t) if len(t) <= _UNIT_CELL else None
    if apart and _is_number(apart.group(1)) and all(is_flag(w) for w in apart.group(2).split()):
        return "flags_apart", {"number": apart.group(1).strip(), "flags": normal_flag(apart.group(2))}   # `12 e p`
    rest, sign = _split_unit(m.group(1).strip() if flagged else t)
    if sign is not None and _is_number(rest):
        return "number_with_unit", {"sign": sign, "number": rest}
    if sign is not None or flagged:   # `28?900 €`: "write the number alone (28?900)" would name no number;
        t = rest                        # `1,2,3 p`: the flag is right, the number is not
    words = re.findall(r"[^\W\d_]+", t)
    if words and (not re.search(r"\d", t) or re.match(r"^[^\W\d_]", t) or re.search(r"[^\W\d_]$", t)):
        # letters alone, or a word before or after the number; not a typo inside one (5l,6)
        return "number_with_letters", {"letters": " ".join(dict.fromkeys(words))[:40]}
    odd = [c for c in dict.fromkeys(t) if not (c.isdigit() or c.isspace() or c in ".,+-'" or c.isalpha())]
    if odd:
        return "number_with_sign", {"chars": " ".join(odd)[:40]}
    return None


def _is_number(text: str) -> bool:
    """Whether `text` reads as a number with either decimal mark (no unit, no flag)."""
    for mark in (",", "."):
        value, _, problem, sign = _read_cell(text, mark)
        if value is not None and problem is None and sign is None:
            return True
    return False


def single_byte(encoding: str | None, frame: pd.DataFrame) -> bool:
    """Whether a CSV was saved in a single-byte encoding (Windows-1252, ISO-8859, Mac Roman), where a
    character the encoding lacks became `?` (lost_groups): a file of ASCII characters only reads as UTF-8
    and may be one too. Never an XLSX (no encoding) nor a file with other UTF-8 or UTF-16 characters."""
    name = str(encoding or "").lower().replace("_", "-")
    if name in ("cp1252", "windows-1252", "iso-8859-1", "iso-8859-15", "latin-1", "mac-roman"):
        return True
    return name in ("utf-8", "ascii") and all(frame[c].astype("str").str.isascii().all() for c in frame.columns)


def lost_groups(cells: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """The cells with each `?` that stands for a thousands space Windows-1252 could not hold (`236?710`,
    `28?900 €`, _LOST_GROUPS) written as that space, and a mask of those cells. Only the strict shape:
    `1?23`, `12?3456` or `?12` stay as written (and are refused as not numbers)."""
    text = cells.astype("str")
    found = np.zeros(len(text), dtype=bool)
    maybe = np.flatnonzero(text.str.contains("?", regex=False).to_numpy(dtype=bool))
    if not len(maybe):
        return cells, found
    values = text.to_numpy(dtype=object, copy=True)
    for i in maybe:
        m = _LOST_GROUPS.match(values[i].strip())
        if m:
            values[i] = m.group(1).replace("?", "\u202f") + (" " if m.group(2) else "") + m.group(3)
            found[i] = True
    return pd.Series(values, index=cells.index, dtype=cells.dtype if found.any() else text.dtype), found


def parse_numbers(cells: pd.Series, decimal: str, units: bool = False) -> tuple[np.ndarray, pd.Series, pd.Series]:
    """Values (NaN for no value), flags found after the numbers, and a problem code per cell; with
    `units`, a number written with a unit sign is read and its code is "unit_sign" (parse_number_cell)."""
    text = cells.astype("str").str.strip()
    fast, ok = _plain_numbers(pa.array(text, type=pa.string(), from_pandas=True), decimal)
    values = np.where(ok, fast, np.nan)
    # Plain object arrays filled by position: a pandas setitem per cell costs 20 µs, a million of them 20 s.
    flags = np.full(len(text), None, dtype=object)
    problems = np.full(len(text), None, dtype=object)
    slow = np.flatnonzero(~ok)
    if len(slow):
        texts = text.to_numpy()
        for i in slow:
            value, flag, problem = parse_number_cell(texts[i], decimal, units)
            if value is not None:
                values[i] = value
            if flag:
                flags[i] = flag.lower()
            if problem:
                problems[i] = problem
    # dtype=object: left to infer, pandas scans a million cells twice for a type (0.03-0.16 s each).
    index = cells.index
    return values, pd.Series(flags, index=index, dtype=object), pd.Series(problems, index=index, dtype=object)


def _plain_numbers(text: pa.Array, decimal: str) -> tuple[np.ndarray, np.ndarray]:
    """The values of the cells that are plain numbers once grouping marks are dropped, and a mask of
    those cells; every other cell goes through the careful parser.

    All in Arrow's kernels, and each grouping mark is removed only when some cell holds it: 0.2 s for
    a million values with non-breaking-space thousands, where the same steps through pandas' string
    methods took 0.8 s (bench/ingest.py)."""
    compact = text
    for mark in (" ", "\u00a0", "\u202f", "\t", "'"):
        if _may_hold(compact, mark):
            compact = pc.replace_substring(compact, mark, "")
    group, point = (".", ",") if decimal == "," else (",", ".")
    thousands = _THOUSANDS_POINT if decimal == "," else _THOUSANDS_COMMA
    risky = None
    if _may_hold(compact, group):
        risky = pc.match_substring(compact, group)
        if pc.any(risky).as_py():
            grouped = pc.match_substring_regex(compact, thousands.pattern)
            compact = pc.if_else(grouped, pc.replace_substring(compact, group, ""), compact)
            risky = pc.match_substring(compact, group)   # a stray mark left: the careful path
    candidate = _swap_ascii(compact, ",", ".") if point == "," else compact
    if risky is not None:
        candidate = pc.if_else(risky, pa.scalar(None, pa.string()), candidate)
    candidate = pc.if_else(pc.equal(candidate, ""), pa.scalar(None, pa.string()), candidate)
    try:
        # Most columns are all numbers: one cast reads them (a pattern over every cell first cost 70 ms
        # a million). The cast also reads "inf" and "nan", which the finiteness test below sends to the
        # careful parser; it reads no finite number the pattern refuses (checked on 270,000 strings).
        values = pc.cast(candidate, pa.float64())
    except pa.ArrowInvalid:   # some cell is not a plain number: keep the plain ones only
        plain = pc.match_substring_regex(candidate, r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
        values = pc.cast(pc.if_else(plain, candidate, pa.scalar(None, pa.string())), pa.float64())
    fast = values.to_numpy(zero_copy_only=False).astype("float64")   # NaN where not read
    with np.errstate(invalid="ignore"):
        ok = np.isfinite(fast) & (np.abs(fast) <= LARGEST) & ~((fast != 0) & (np.abs(fast) < SMALLEST))
    zero = fast == 0
    if zero.any():   # `1e-400` casts to 0.0: only a written zero is one, the others go to the careful parser
        written = pc.match_substring_regex(candidate, _ZERO.pattern).to_numpy(zero_copy_only=False)
        ok &= ~zero | np.asarray(written, dtype=bool)
    return fast, ok


def _swap_ascii(text: pa.Array | pa.ChunkedArray, old: str, new: str) -> pa.Array | pa.ChunkedArray:
    """`text` with the ASCII character `old` made `new` everywhere: the characters' buffer translated
    byte for byte, offsets and validity kept (an ASCII byte is never part of another UTF-8 character).
    4 ms a million cells where Arrow's replace kernel takes 0.1 s (the decimal comma of every number)."""
    if isinstance(text, pa.ChunkedArray):
        return pa.chunked_array([_swap_ascii(chunk, old, new) for chunk in text.chunks], type=text.type)
    if text.type != pa.string() or len(text) == 0:
        return pc.replace_substring(text, old, new)
    validity, offsets, data = text.buffers()
    if data is None:
        return text
    swapped = pa.py_buffer(data.to_pybytes().translate(bytes.maketrans(old.encode("ascii"), new.encode("ascii"))))
    return pa.StringArray.from_buffers(len(text), offsets, swapped, validity, text.null_count, text.offset)


def _may_hold(text: pa.Array | pa.ChunkedArray, mark: str) -> bool:
    """Whether some cell may hold `mark`: one search of the columns' character buffers, 1 ms where
    Arrow's match kernel takes 10 ms a million cells. A sliced array's buffer can hold characters of
    cells outside the slice: a "yes" only costs the exact kernel, never a wrong value."""
    needle = mark.encode("utf-8")
    chunks = text.chunks if isinstance(text, pa.ChunkedArray) else [text]
    buffers = (chunk.buffers()[2] for chunk in chunks)   # [validity, offsets, characters]
    return any(buffer is not None and needle in buffer.to_pybytes() for buffer in buffers)


def parse_period(text: str) -> str | None:
    t = str(text).strip()
    if _PERIOD.match(t):
        return t
    m = _YEAR_FLOAT.match(t)
    if m:
        return m.group(1)
    m = _QUARTER.match(t)
    if m:
        return f"{m.group(1)}-Q{m.group(2)}"
    m = _QUARTER_FIRST.match(t)
    if m:
        return f"{m.group(2)}-Q{m.group(1)}"
    m = _YEAR_GROUPED.match(t)
    if m:
        return m.group(1) + m.group(2)
    m = _MONTH.match(t)
    if m and 1 <= int(m.group(2) or m.group(3)) <= 12:
        return f"{m.group(1)}-{int(m.group(2) or m.group(3)):02d}"
    return None


def month_cell(text: str) -> str | None:
    """`2024-03` for a month as Excel shows a date formatted as a month (`mars-24`, `janv.-24`, `mrt-24`,
    `Mar-24`, `March 2024`) or written `03/2024`; None for anything else. A two-digit year is read as
    Excel reads one typed: 00-29 in the 2000s, 30-99 in the 1900s."""
    t = str(text).strip().lower()
    m = _MONTH_WORD.match(t)
    if m and m.group(1) in _MONTH_NAMES:
        year = int(m.group(2))
        if len(m.group(2)) == 2:
            year += 2000 if year < 30 else 1900
        return f"{year:04d}-{_MONTH_NAMES[m.group(1)]:02d}"
    m = _MONTH_FIRST.match(t)
    if m and 1 <= int(m.group(1)) <= 12:
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    return None


def month_cells(cells: pd.Series) -> np.ndarray:
    """A mask of the cells `parse_periods` reads as months written the way Excel shows a date (month_cell):
    each is said in a notice, the planner having typed something else."""
    codes, distinct = pd.factorize(cells, use_na_sentinel=False)   # a period column repeats a few cells
    text = pd.Series(distinct, dtype=cells.dtype).astype("str").str.strip()
    plain = text.str.match(PERIOD_PATTERN).fillna(True).to_numpy(dtype=bool) | (text == "").to_numpy(dtype=bool)
    found = np.zeros(len(text), dtype=bool)
    texts = text.to_numpy()
    for i in np.flatnonzero(~plain):
        found[i] = parse_period(texts[i]) is None and month_cell(texts[i]) is not None
    return found[codes]


def period_hint(text: str | None) -> tuple[str, dict] | None:
    """What a cell that is no period holds instead, as a suggestion (key, params), where it says more
    than the periods' shapes: a date (`31/12/2020`), whose year and month are named."""
    m = _DAY.match(str(text or "").strip())
    if not m:
        return None
    year, month, day = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(6), m.group(5), m.group(4))
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    return "period_is_date", {"year": year, "month": f"{year}-{int(month):02d}"}


def parse_periods(cells: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Normalised periods (None where unreadable or empty), a mask of unreadable ones, and a mask
    of readable ones whose year lies outside the plausible range (limits.MIN_YEAR..MAX_YEAR)."""
    # A period column repeats a few distinct cells (ten years over a million rows): each is read once
    # and the results spread back by position, 0.1 s instead of 0.6 s for a million rows (bench/ingest.py).
    codes, distinct = pd.factorize(cells, use_na_sentinel=False)
    if len(distinct) * 4 < len(cells):
        parts = _parse_periods(pd.Series(distinct, dtype=cells.dtype))
        return tuple(pd.Series(part.to_numpy()[codes], index=cells.index, dtype=part.dtype)  # type: ignore
                     for part in parts)
    return _parse_periods(cells)


def _parse_periods(cells: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    text = cells.astype("str").str.strip()
    good = text.str.match(PERIOD_PATTERN).fillna(False).to_numpy(dtype=bool)
    values = text.where(good, None).astype("object").to_numpy(copy=True)
    bad = np.zeros(len(text), dtype=bool)
    texts = text.to_numpy()
    for i in np.flatnonzero(~good):   # by position in arrays: a pandas setitem per cell is slow
        t = texts[i]
        if t == "":
            values[i] = None
            continue
        parsed = parse_period(t) or month_cell(t)   # `mars-24`: said by a notice (month_cells)
        values[i] = parsed
        bad[i] = parsed is None
    out = pd.Series(values, index=cells.index, dtype="object")
    bad = pd.Series(bad, index=cells.index)
    years = _years(out)
    outside = pd.Series((years < limits.get("MIN_YEAR")) | (years > limits.get("MAX_YEAR")), index=cells.index)
    out = out.where(~outside, None)
    return out, bad, outside


def _years(periods: pd.Series) -> np.ndarray:
    """The year of each normalised period (NaN for none). Their first four characters are digits, so
    pyarrow's cast reads them: 0.02 s a million, where pandas' to_numeric on text took 0.34 s."""
    first = pa.array(periods.str.slice(0, 4), type=pa.string(), from_pandas=True)
    return pc.cast(first, pa.float64()).to_numpy(zero_copy_only=False)


def period_year(periods: pd.Series) -> pd.Series:
    return periods.str.slice(0, 4).astype("int64")


_SPAN = re.compile(r"^([0-9]{4})(?:-(?:([QqSs])([1-4])|([0-9]{1,2})))?$")
_SPAN_MONTHS = {"q": 3, "s": 6}   # months in a quarter, a semester


def period_span(period) -> tuple[float, float] | None:
    """When a period starts and when it ends, in years: `2030` -> (2030.0, 2031.0), `2030-Q2` -> (2030.25,
    2030.5), `2030-S2` -> (2030.5, 2031.0), `2030-03` -> (2030.1666…, 2030.25); None for what is not a
    period. Periods of different lengths compare by these bounds (docs/data-format.md, "Periods"): a text
    comparison put `2030-Q1` after `2030` and `2030-03` before `2030-Q1`. Each bound is the year plus
    whole months / 12, so the end of one period and the start of the next are the same number."""
    m = _SPAN.match(str(period).strip()) if period is not None else None
    if not m:
        return None
    year = int(m.group(1))
    if m.group(2):
        size = _SPAN_MONTHS[m.group(2).lower()]
        if int(m.group(3)) * size > 12:   # S3, S4
            return None
        first = (int(m.group(3)) - 1) * size
    elif m.group(4):
        size, first = 1, int(m.group(4)) - 1
        if not 0 <= first < 12:
            return None
    else:
        size, first = 12, 0
    return year + first / 12, year + (first + size) / 12


def period_spans(periods: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """`period_span` of each cell: its starts and its ends (NaN where there is no period), each distinct
    period read once."""
    codes, distinct = pd.factorize(periods.astype(object), use_na_sentinel=True)
    spans = [period_span(p) or (np.nan, np.nan) for p in distinct] + [(np.nan, np.nan)]   # code -1: empty
    table = np.array(spans, dtype="float64").reshape(-1, 2)
    return table[codes, 0], table[codes, 1]


def restore_text(cells: pd.Series) -> pd.Series:
    """Undo a spreadsheet's formula guard: `'=SUM(A1)` is the text `=SUM(A1)`, `''x` is `'x`."""
    guarded = cells.str.match(r"^'['=+\-@\t\r]").fillna(False)
    if not guarded.any():
        return cells
    return cells.where(~guarded, cells.str.slice(1))


# Day-first as French and Belgian spreadsheets write dates; ISO first (an Excel date cell reads as
# `2024-03-15 00:00:00`). Never month-first: 03/04/2024 is the 3rd of April here.
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y")


def parse_dates(cells: pd.Series) -> tuple[pd.Series, pd.Series]:
    """ISO days (`YYYY-MM-DD`, None where empty or unreadable) and a mask of unreadable cells.
    A year outside limits.MIN_YEAR..MAX_YEAR is unreadable too (a typo such as 20244)."""
    text = cells.astype("str").str.strip().str.replace(r"[ T]00:00(:00)?$", "", regex=True)
    found = pd.Series(pd.NaT, index=cells.index, dtype="datetime64[ns]")
    for fmt in _DATE_FORMATS:
        todo = found.isna() & (text != "")
        if not todo.any():
            break
        found[todo] = pd.to_datetime(text[todo], format=fmt, errors="coerce")
    years = found.dt.year
    found = found.where((years >= limits.get("MIN_YEAR")) & (years <= limits.get("MAX_YEAR")))
    values = found.dt.strftime("%Y-%m-%d").astype("object").where(found.notna(), None)
    bad = found.isna() & (text != "")
    return values, bad
