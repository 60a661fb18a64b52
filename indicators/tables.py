"""Numbers in a table cell written in the page's language, still sorted by value.

Streamlit's NumberColumn writes numbers in the *browser's* format ("localized") or with a printf
format, which has no decimal comma. A table of a French page therefore shows text made by babel.
A column header sorts text with the browser's collation (String.localeCompare), where every space
sorts before the digits: padding each label on the left with figure spaces (U+2007, as wide as a
digit) to one width makes the text order the numeric order for values of one sign, and aligns the
digits as a number column would. Measured in Chromium (en-US): 0,0 < 5,0 < 12,2 < 999,0 < 1 186,0.
"""
from __future__ import annotations

import math

from indicators import i18n

FIGURE_SPACE = "\u2007"


def labels(values, lang: str, decimals: int | None = 1) -> dict[float, str]:
    """{value: its label in `lang`}, for the distinct numbers among `values` (no value: left out)."""
    distinct = sorted({float(v) for v in values if v is not None and not (isinstance(v, float) and math.isnan(v))})
    written = {v: i18n.number(v, lang, decimals) for v in distinct}
    width = max((len(s) for s in written.values()), default=0)
    return {v: s.rjust(width, FIGURE_SPACE) for v, s in written.items()}
