"""How an indicator's values, flags, statuses and territories are written in the page's language.

Shared by the charts' hovers (`charts`), the pages' tables (`indicator_tables`), the pages and the
committee report, so that each says a value or a status in the same words: `1 234,5 %`,
`▲ En bonne voie`, `provisoire`.
"""
from __future__ import annotations

import math
from typing import Any, Iterable, Mapping

import pandas as pd

from . import i18n
from .i18n import t
from .style import STATUS_ICONS


def _isnum(value: Any) -> bool:
    if value is None or isinstance(value, bool) or value is pd.NA:
        return False
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def _get(row: Mapping | None, key: str, default=None):
    if row is None:
        return default
    value = row.get(key, default) if hasattr(row, "get") else default
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return default
    return value


def digits(decimals: Any) -> int:
    """The decimals an indicator's values are shown with: its own, else 1."""
    return int(float(decimals)) if _isnum(decimals) else 1


def format_value(value: Any, lang: str, decimals: Any = 1, unit: str | None = None) -> str:
    """A number in the language's format with its unit: `1 234,5 %` (fr), `1.234,5 %` (nl)."""
    if not _isnum(value):
        return "–"
    return i18n.with_unit(i18n.number(float(value), lang, digits(decimals)), unit, lang)


def sub_annual(periods: Iterable[Any], year: Any = None) -> bool:
    """Whether among `periods` (those of `year` only, when given) one is a quarter or a month (`2024-Q4`,
    `2024-12`): the year's value is then the mean of them, as progress reads it (docs/methodology.md)."""
    year = None if year is None else str(year)[:4]
    return any("-" in text and (year is None or text[:4] == year)
               for text in (str(p).strip() for p in periods if p is not None and not (isinstance(p, float) and math.isnan(p))))


def year_text(year: Any, lang: str, mean: bool = False) -> str:
    """The period a year's value stands for: `2024`, or `2024, moyenne annuelle` when it is the mean of
    the year's quarters or months. Every page labels such a value so, never as the year alone: beside a
    month's own value (`2024-12`), "2024" read as a second latest value for the same year."""
    if year is None or (isinstance(year, float) and math.isnan(year)) or str(year).strip() in ("", "nan"):
        return "–"
    return t("annual_mean_of", lang, year=str(year)) if mean else str(year)


def latest_when(assessment: Mapping | None, periods: Iterable[Any], lang: str) -> str:
    """The latest period of an assessment row as every place writes it (`year_text`), `periods` being
    the series' own periods: `2024`, or `2024, moyenne annuelle` for a quarterly or monthly series."""
    year = _get(assessment, "latest_period")
    return year_text(year, lang, year is not None and sub_annual(periods, year))


def projection(a: Mapping | None, unit: str | None, drawn: bool = False) -> tuple[float | None, float | None]:
    """(value, year it reaches a share's bound or None) of an assessment row (progress.bounded_projection).

    The trend line of a saturating series can pass 100 % before the latest value (96,1 % in 2025, the
    line at 100 % in 2024): words then give no year, since "around 2024" beside a 2025 value below it
    reads as a contradiction; the value is still the bound at the target period. A chart (`drawn`)
    stops its line where it reaches the bound whatever the year."""
    from .progress.series import bounded_projection, period_year

    value, year = bounded_projection(_get(a, "projected_value"), _get(a, "trend_slope"), _get(a, "trend_at_base"),
                                     _get(a, "base_period"), unit)
    latest, at = period_year(_get(a, "latest_period")), _get(a, "latest_value")
    short = _isnum(at) and value is not None and float(at) != value   # the data not at the bound yet
    if year is not None and not drawn and latest is not None and int(year) <= latest and short:
        year = None
    return value, year


def projection_text(a: Mapping | None, lang: str, decimals: Any = 1, unit: str | None = None,
                    period: bool = False) -> str:
    """The projection in words: `87,5 %` (`87,5 % (2030)` with `period`), or `atteint 100 % vers 2029` for a
    share whose trend reaches its bound before the target period."""
    value, year = projection(a, unit)
    text = format_value(value, lang, decimals, unit)
    if year is not None:
        return t("projection_reaches", lang, value=text, year=int(year))
    target = _get(a, "target_period")
    return f"{text} ({target})" if period and value is not None and target else text


def flag_code(flag: Any) -> str:
    """A flag as every place writes it (`bp`: lower case, no spaces), or an empty string without a flag."""
    if flag is None or flag is pd.NA or (isinstance(flag, float) and math.isnan(flag)):
        return ""
    return "".join(str(flag).split()).lower()


def flag_word(flag: Any, lang: str) -> str:
    """The flag in words, each letter of a combined flag spelled out (`bp`: `rupture de série, provisoire`),
    a letter of no known flag kept as it is; an empty string without a flag."""
    code = flag_code(flag)
    return ", ".join(t(f"flag_{c}", lang) if f"flag_{c}" in i18n.TEXTS else c for c in dict.fromkeys(code))


def flag_note(flag: Any, lang: str) -> str:
    """A value's flag as the Explorer's chart and ranking say it: `⚑ provisoire (p)` (no-break spaces),
    each letter of a combined flag in words (`⚑ rupture de série, provisoire (bp)`), or an empty string
    without a flag."""
    code = flag_code(flag)
    return f"⚑\u00a0{flag_word(code, lang)}\u00a0({code})" if code else ""   # never "(p)" alone at a line's start


def with_flag(text: str, flag: Any, lang: str) -> str:
    """`text` (a value and its period) followed by its flag's note (`flag_note`), or `text` alone."""
    note = flag_note(flag, lang)
    return f"{text} {note}" if note else text


def flag_letters(flags: Iterable[Any]) -> str | None:
    """The letters of several rows' flags together, each once (`p` and `e` -> `pe`), or None."""
    return "".join(dict.fromkeys("".join(flag_code(f) for f in flags))) or None


def year_flag(periods: Iterable[Any], flags: Iterable[Any], year: Any, values: Iterable[Any] | None = None) -> str | None:
    """The flag of a year's value as progress reads it (`progress.annual_series`: the mean of the year's
    periods): its own row's flag, or the letters of the flags of the quarters or months averaged, each
    once (`p` when one month is provisional). Rows without a value (`values`, when given) do not count."""
    if year is None or (isinstance(year, float) and math.isnan(year)) or not str(year).strip():
        return None
    year = str(year).strip()[:4]
    periods, flags = list(periods), list(flags)
    counted = [True] * len(periods) if values is None else [_isnum(v) for v in values]
    return flag_letters(f for p, f, ok in zip(periods, flags, counted) if ok and str(p).strip()[:4] == year)


def latest_flag(assessment: Mapping | None, series: pd.DataFrame | None) -> str | None:
    """The flag of an assessment row's latest value (`year_flag` of its `latest_period`), `series` being the
    series' own rows (period, value, flag)."""
    if series is None or not len(series) or "flag" not in series:
        return None
    return year_flag(series["period"], series["flag"], _get(assessment, "latest_period"),
                     series["value"] if "value" in series else None)


def milestone_status_text(status: Any, lang: str, method: str = "opensdg") -> str:
    """The milestone's status, always named as the milestone's: `✔ Jalon atteint`, `▲ Jalon : En bonne voie`."""
    status = str(status) if status else "not_assessed"
    if status == "achieved":
        return f"{STATUS_ICONS.get(status, '')} {t('milestone_reached', lang)}"
    return f"{STATUS_ICONS.get(status, '')} {t('milestone_word', lang)}{i18n.colon(lang)} " \
           f"{i18n.status_label(status, lang, method, True)}"


def status_text(status: Any, lang: str, method: str = "opensdg", has_target: bool = True) -> str:
    """A status as icon + word: `▲ En bonne voie`."""
    status = str(status) if status else "not_assessed"
    return f"{STATUS_ICONS.get(status, '')} {i18n.status_label(status, lang, method, has_target)}".strip()


def milestone_text(target: Mapping | None, assessment: Mapping | None, lang: str, decimals: Any = 1,
                   unit: str | None = None, method: str = "opensdg") -> str:
    """`5,0 % (2027) · ▲ En bonne voie`: the milestone and where the series stands against it."""
    mp, mv = _get(target, "milestone_period"), _get(target, "milestone_value")
    if mp is None or not _isnum(mv):
        return ""
    text = f"{format_value(mv, lang, decimals, unit)} ({mp})"
    status = _get(assessment, "milestone_status")
    if status:
        text += f" · {milestone_status_text(status, lang, method)}"
    return text


def territory_labels(territories: pd.DataFrame | None, lang: str) -> dict[str, tuple[str, str]]:
    """territory_id → (name in the language, country code)."""
    if territories is None or len(territories) == 0:
        return {}
    # the name columns zipped, not to_dict("records") (1 ms a call on the demo's 70 territories)
    fields = [f"name_{x}" for x in (lang, "fr", "en") if f"name_{x}" in territories]
    countries = territories["country"] if "country" in territories else [None] * len(territories)
    out = {}
    for code, country, *names in zip(territories["territory_id"], countries, *(territories[f] for f in fields)):
        code = str(code)
        out[code] = (i18n.name(dict(zip(fields, names)), "name", lang) or code, str(country or ""))
    return out


def side_of(territory_ids: Iterable[str], territories: pd.DataFrame | None) -> dict[str, str]:
    """territory_id → country code ('' when unknown)."""
    labels = territory_labels(territories, "fr")
    return {str(tid): labels.get(str(tid), ("", ""))[1] for tid in territory_ids}
