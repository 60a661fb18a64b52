"""The view's filters as plain data, read from and written to the URL.

The URL holds codes, never translated labels (DESIGN.md: `lang`, `level`,
`theme`, `action`, `territory` (repeatable), `from`, `to`, `method`,
`indicator`). Unknown codes and malformed periods are dropped with a notice,
so a shared link always opens; a territory outside the link's level is said (and kept), a
quarter or month (`2014-Q1`, `2025-12`) is read as its year and a reversed period swapped, each said.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .i18n import LANGS
from .schema import PERIOD_PATTERN

METHODS = ("opensdg", "eurostat")


@dataclass(frozen=True)
class Filters:
    lang: str = "fr"
    level: str | None = None
    theme: str | None = None
    action: str | None = None
    territories: tuple[str, ...] = ()
    period_from: str | None = None
    period_to: str | None = None
    method: str = "opensdg"
    indicator: str | None = None

    def to_query(self) -> dict[str, str | list[str]]:
        out: dict[str, str | list[str]] = {"lang": self.lang}
        for key, value in (("level", self.level), ("theme", self.theme), ("action", self.action),
                           ("from", self.period_from), ("to", self.period_to), ("indicator", self.indicator)):
            if value:
                out[key] = value
        if self.territories:
            out["territory"] = list(self.territories)
        if self.method != "opensdg":
            out["method"] = self.method
        return out

    def cleared(self) -> "Filters":
        return Filters(lang=self.lang, method=self.method)


QUERY_KEYS = ("lang", "level", "theme", "action", "territory", "from", "to", "method", "indicator")   # to_query's


@dataclass
class Parsed:
    filters: Filters
    dropped: list[str] = field(default_factory=list)   # "key=value" items that were ignored
    # "key=value" of an unknown code -> the known code it most likely meant (`territory=7211000`, a
    # spreadsheet's lost leading zero -> 07211000), found as the import finds it (cross_checks.nearest_code)
    nearest: dict[str, str] = field(default_factory=dict)
    # notices in their own words, (text key, parameters as codes): territories not of the link's level
    # (`territories`, a tuple, and `level`), a quarter or month read as its year (`what`, `year`), a period whose start
    # is after its end, swapped (`start`, `end`); the page names the codes in its language
    said: list[tuple[str, dict]] = field(default_factory=list)


def _first(params: dict[str, list[str]], key: str) -> str | None:
    values = params.get(key) or []
    return values[0] if values else None


def parse_query(params: dict[str, list[str]], framework: dict[str, pd.DataFrame], lang: str) -> Parsed:
    """Filters from URL parameters (each a list of strings), checked against the framework."""
    dropped: list[str] = []
    nearest: dict[str, str] = {}

    def unknown(key: str, value: str, codes) -> None:
        from .cross_checks import nearest_code

        dropped.append(f"{key}={value}")
        close = nearest_code(value, sorted(str(c) for c in codes)) if len(codes) < 50000 else None
        if close:
            nearest[f"{key}={value}"] = close

    def code(key: str, table: str, column: str) -> str | None:
        value = _first(params, key)
        if value is None or value == "":
            return None
        codes = set(framework[table][column])
        if value in codes:
            return value
        unknown(key, value, codes)
        return None

    level = code("level", "levels", "level_id")
    theme = code("theme", "themes", "theme_id")
    action = code("action", "actions", "action_id")
    if action:   # an action outside the level or theme of the link: said, not silently let go
        row = framework["actions"][framework["actions"]["action_id"] == action].iloc[0]
        if (level and row["level_id"] != level) or (theme and row["theme_id"] != theme):
            dropped.append(f"action={action}")
            action = None
    indicator = code("indicator", "indicators", "indicator_id")
    known = set(framework["territories"]["territory_id"])
    territories = []
    for value in params.get("territory", []):
        (territories.append(value) if value in known and value not in territories
         else unknown("territory", value, known) if value not in known else None)
    said: list[tuple[str, dict]] = []
    # a territory not of the link's level: kept (a link may mean it: tests/test_overview_reads.py) and said,
    # not silently: the page then said only "no value", and the planner believed the data were missing
    outside = _outside_level(framework["territories"], territories, level)
    if outside:
        said.append(("notice_territory_other_level", {"territories": tuple(outside), "level": level}))
    periods = {}
    for key in ("from", "to"):
        value = _first(params, key)
        # a period of DESIGN.md's forms: the filter counts in years, so its year is kept
        if value and re.match(PERIOD_PATTERN, value):
            periods[key] = value[:4]
            if len(value) > 4:   # 2014-Q1, 2025-12
                said.append(("notice_period_as_year", {"what": f"{key}={value}", "year": value[:4]}))
        elif value:
            dropped.append(f"{key}={value}")
    if "from" in periods and "to" in periods and periods["from"] > periods["to"]:   # the two ends swapped
        said.append(("notice_period_swapped", {"start": periods["from"], "end": periods["to"]}))
        periods["from"], periods["to"] = periods["to"], periods["from"]
    # a parameter the dashboard does not know (a typo such as `territories=`) is said; Streamlit's own
    # (embed, embed_options) and tracking ones (utm_…) pass quietly
    for key in params:
        if key not in QUERY_KEYS and not key.startswith(("embed", "utm_")):
            dropped.extend(f"{key}={value}" for value in params[key][:1])
    method = _first(params, "method") or "opensdg"
    if method not in METHODS:
        dropped.append(f"method={method}")
        method = "opensdg"
    asked = _first(params, "lang")
    if asked and asked not in LANGS:   # `lang=de`: said, the page then follows the browser's language
        dropped.append(f"lang={asked}")
    if lang not in LANGS:
        lang = "fr"
    filters = Filters(lang=lang, level=level, theme=theme, action=action, territories=tuple(territories),
                      period_from=periods.get("from"), period_to=periods.get("to"), method=method,
                      indicator=indicator)
    return Parsed(filters, dropped, nearest, said)


def _outside_level(territories: pd.DataFrame, codes: list[str], level: str | None) -> list[str]:
    """The `codes` whose territory lists its levels (`levels`, `a|b`) without `level`; a territory that
    lists none is of every level."""
    if not level or not codes or "levels" not in territories:
        return []
    cells = dict(zip(territories["territory_id"], territories["levels"]))
    out = []
    for code in codes:
        cell = cells.get(code)
        own = {part.strip() for part in cell.split("|") if part.strip()} if isinstance(cell, str) else set()
        if own and level not in own:
            out.append(code)
    return out


def selected_actions(framework: dict[str, pd.DataFrame], filters: Filters) -> pd.DataFrame:
    actions = framework["actions"]
    mask = pd.Series(True, index=actions.index)
    if filters.level:
        mask &= actions["level_id"] == filters.level
    if filters.theme:
        mask &= actions["theme_id"] == filters.theme
    if filters.action:
        mask &= actions["action_id"] == filters.action
    return actions[mask]


def selected_indicators(framework: dict[str, pd.DataFrame], filters: Filters) -> pd.DataFrame:
    actions = selected_actions(framework, filters)
    indicators = framework["indicators"]
    return indicators[indicators["action_id"].isin(actions["action_id"])]


def first_indicator(codes: list[str], with_values: set[str], wanted: str | None) -> tuple[str | None, str | None]:
    """(the indicator to show among `codes`, the one wanted but outside them or None). The wanted one
    when it is among them; else the first with a value within the filters (`with_values`): a first
    open on an indicator without any ("no value with these filters") while others had some showed
    nothing; else the first."""
    if wanted in codes:
        return wanted, None
    chosen = next((c for c in codes if c in with_values), codes[0] if codes else None)
    return chosen, wanted or None


def indicators_with_values(observations: pd.DataFrame, filters: Filters) -> set[str]:
    """The indicators with at least one value within the filters' territories and period."""
    shown = in_period(in_territories(observations, filters), filters)
    return set(pd.unique(shown["indicator_id"].astype(str)))


def in_period(frame: pd.DataFrame, filters: Filters, column: str = "period") -> pd.DataFrame:
    if not filters.period_from and not filters.period_to:
        return frame
    # Each distinct period is compared once: a large store has millions of values but few periods.
    codes, periods = pd.factorize(frame[column], use_na_sentinel=False)
    years = np.array([str(p)[:4] for p in periods], dtype=object)
    keep = np.ones(len(periods), dtype=bool)
    if filters.period_from:
        keep &= years >= filters.period_from
    if filters.period_to:
        keep &= years <= filters.period_to
    return frame[keep[codes]]


def in_territories(frame: pd.DataFrame, filters: Filters, column: str = "territory_id") -> pd.DataFrame:
    if not filters.territories:
        return frame
    return frame[frame[column].isin(filters.territories)]


def empty_hint(filters: Filters) -> str | None:
    """Which filter to clear first when nothing matches (the narrowest one set)."""
    for key in ("action", "theme", "level", "territory", "period"):
        if key == "territory" and filters.territories:
            return key
        if key == "period" and (filters.period_from or filters.period_to):
            return key
        if key not in ("territory", "period") and getattr(filters, key):
            return key
    return None
