"""The tables of the Strategic actions and Indicator explorer pages (and of the committee report).

One row per indicator with its headline territory's status, progress and trend (`indicator_table`),
the headline a territory filter would otherwise leave out (`fill_headlines`), and the table of an
indicator's values shown and downloaded (`values_table`). Plain DataFrames out, no figures (those
are in `charts`), no Streamlit.
"""
from __future__ import annotations

from typing import Any, Mapping

import pandas as pd

from . import countries, i18n
from .i18n import t
from .units import unit_of
from .wording import (_get, _isnum, flag_word, format_value, latest_flag, latest_when, milestone_text, status_text,
                      territory_labels, with_flag)


def fill_headlines(assessed: pd.DataFrame) -> pd.DataFrame:
    """Give every indicator a headline entry among the territories kept by a filter.

    `progress.assess_all` makes the target's territory the headline; when a territory filter
    leaves that territory out, the indicator would have none and read "not assessed". Here
    the filtered territory with the most values (then the smallest code) stands in for it.
    """
    if assessed is None or not len(assessed):
        return assessed
    has = assessed.groupby("indicator_id")["headline"].transform(lambda h: bool(h.astype(bool).any()))
    missing = assessed[~has.astype(bool)]
    if not len(missing):
        return assessed
    best = (missing.sort_values(["indicator_id", "n_observations", "territory_id"], ascending=[True, False, True])
            .drop_duplicates("indicator_id").index)
    out = assessed.copy()
    out["headline"] = out["headline"].astype(bool)
    out.loc[best, "headline"] = True
    return out


def indicator_table(indicators: pd.DataFrame, assessed: pd.DataFrame, observations: pd.DataFrame,
                    targets: pd.DataFrame, territories: pd.DataFrame | None, lang: str,
                    method: str = "opensdg") -> pd.DataFrame:
    """One row per indicator with its headline territory's status, progress and trend.

    Columns: action_id, indicator_id, indicator (label), territory, status (code), status_text,
    score, progress (0–1 or None), trend (list of annual values), latest (text), target (text),
    milestone (text), has_target.
    """
    labels = territory_labels(territories, lang)
    head = assessed[assessed["headline"].astype(bool)] if len(assessed) else assessed
    head_by = {str(r["indicator_id"]): r for r in head.to_dict("records")} if len(head) else {}
    tgt = targets if targets is not None and len(targets) else None
    by_target: dict[tuple[str, str], dict] = {}
    first_target: dict[str, dict] = {}
    if tgt is not None:
        for r in tgt.to_dict("records"):
            key = (str(r["indicator_id"]), str(r["territory_id"]))
            by_target.setdefault(key, r)
            first_target.setdefault(key[0], r)
    # the headline series only: a small slice of the observations, grouped once
    pairs = {iid: str(_get(a, "territory_id", "")) for iid, a in head_by.items()}
    series_of: dict[tuple[str, str], pd.DataFrame] = {}
    if len(observations) and pairs:
        wanted = observations["indicator_id"].isin(list(pairs)) & observations["territory_id"].isin(
            set(pairs.values()))
        part = observations[wanted]
        keep = [pairs.get(i) == tr for i, tr in zip(part["indicator_id"].astype(str), part["territory_id"].astype(str))]
        part = part[keep]
        series_of = {(str(k[0]), str(k[1])): g for k, g in part.groupby(["indicator_id", "territory_id"], sort=False)}
    rows = []
    for ind in indicators.to_dict("records"):
        iid = str(ind["indicator_id"])
        dec, unit = ind.get("decimals"), unit_of(ind, lang)
        a = head_by.get(iid)
        tid = str(_get(a, "territory_id", "")) if a is not None else ""
        # without an assessed series (no value in the territories kept), the indicator's first
        # target is still shown, but no territory is named: none of the kept ones has values
        trow = by_target.get((iid, tid)) if tid else first_target.get(iid)
        has_target = trow is not None
        series = series_of.get((iid, tid))
        status = _get(a, "status", "not_assessed")
        latest = _get(a, "latest_value")
        base = _get(a, "base_value") if _isnum(_get(a, "base_value")) else _get(trow, "baseline_value")
        context = str(ind.get("type") or "").strip().lower() == "context"
        notes = [t("context_status", lang)] if context else []
        if _get(a, "break_period"):     # every place showing such a status says so
            notes.append(t("break_since", lang, period=_get(a, "break_period")))
        if status == "not_assessed" and _get(a, "reason"):
            notes.append(t(f"reason_{_get(a, 'reason')}", lang))
        rows.append({
            "action_id": str(ind["action_id"]),
            "indicator_id": iid,
            "indicator": f"{iid} · {i18n.name(ind, 'name', lang) or iid}",
            "territory": labels.get(tid, (tid, ""))[0] if tid else "–",
            "status": status,
            "status_text": status_text(status, lang, method, has_target),
            "score": _get(a, "score"),
            # the bar never contradicts the status: none when not assessed, full when achieved
            # (also when the base already lay past the target, where the share reads 0)
            "progress": None if not has_target or status == "not_assessed" else 1.0 if status == "achieved"
            else progress_share(base, latest, _get(trow, "target_value")),
            "context": context,
            "note": " · ".join(notes),
            "trend": sparkline_values(series) if series is not None else [],
            # a quarterly or monthly series' latest value is its year's mean, and says so; its flag beside it
            # (`⚑ provisoire (p)`), as the Explorer's table, chart and ranking give it
            "latest": with_flag(f"{format_value(latest, lang, dec, unit)} "
                                f"({latest_when(a, series['period'] if series is not None else [], lang)})",
                                latest_flag(a, series), lang) if _isnum(latest) else "–",
            "target": (f"{format_value(_get(trow, 'target_value'), lang, dec, unit)} "
                       f"({_get(trow, 'target_period')})") if has_target else t("no_target", lang),
            "milestone": milestone_text(trow, a, lang, dec, unit, method),
            "has_target": has_target,
            # the numbers behind `latest` and `target`: tables sort those words by these values
            "latest_number": float(latest) if _isnum(latest) else None,
            "target_number": float(_get(trow, "target_value")) if has_target and _isnum(_get(trow, "target_value")) else None,
        })
    return pd.DataFrame(rows, columns=["action_id", "indicator_id", "indicator", "territory", "status",
                                       "status_text", "score", "progress", "context", "note", "trend", "latest", "target",
                                       "milestone", "has_target", "latest_number", "target_number"])


def values_table(obs: pd.DataFrame, indicator: Mapping, territories: pd.DataFrame | None,
                 lang: str) -> pd.DataFrame:
    """The table of values shown and downloaded: codes, names, country, period, value, flag word,
    note and source, with headers in the language."""
    labels = territory_labels(territories, lang)
    iid = str(indicator.get("indicator_id"))
    cols = {
        "indicator_id": t("code", lang), "indicator": t("indicator", lang),
        "territory_id": t("territory_code", lang), "territory": t("territory", lang),
        "country": t("country", lang), "period": t("period", lang), "value": t("value", lang),
        "unit": t("unit", lang), "flag": t("flag", lang), "note": t("note", lang), "source": t("source", lang),
    }
    if obs is None or len(obs) == 0:
        return pd.DataFrame(columns=list(cols.values()))
    data = obs.copy()
    data["territory_id"] = data["territory_id"].astype(str)
    data["_country"] = [labels.get(tid, (tid, ""))[1] for tid in data["territory_id"]]
    data["_name"] = [labels.get(tid, (tid, ""))[0] for tid in data["territory_id"]]
    # France, Belgium, the other countries, then cross-border bodies (the charts' order); codes as stored
    order = {c: i for i, c in enumerate(sorted(set(data["_country"]), key=countries.rank))}
    data["_rank"] = [order[c] for c in data["_country"]]
    data = data.sort_values(["_rank", "_country", "_name", "period"], kind="stable")
    out = pd.DataFrame({
        "indicator_id": iid,
        "indicator": i18n.name(indicator, "name", lang) or iid,
        "territory_id": data["territory_id"].to_numpy(dtype=object),
        "territory": data["_name"].to_numpy(dtype=object),
        "country": data["_country"].to_numpy(dtype=object),
        "period": data["period"].astype(str).to_numpy(dtype=object),
        "value": pd.to_numeric(data["value"], errors="coerce").to_numpy(dtype="float64"),
        "unit": indicator.get("unit") or "",
        "flag": [flag_word(f, lang) for f in (data["flag"] if "flag" in data else [None] * len(data))],
        "note": [(n if isinstance(n, str) else "") for n in (data["note"] if "note" in data else [None] * len(data))],
        "source": [(s if isinstance(s, str) else "") for s in
                   (data["source"] if "source" in data else [None] * len(data))],
    })
    return out.rename(columns=cols).reset_index(drop=True)


def sparkline_values(obs: pd.DataFrame) -> list[float]:
    """The annual values of one series, oldest first, for `st.column_config.LineChartColumn`."""
    from .progress import annual_series

    if obs is None or len(obs) == 0:
        return []
    values = pd.to_numeric(obs["value"], errors="coerce").tolist()
    return [float(v) for _, v in annual_series(obs["period"].tolist(), values)]


def progress_share(base: Any, latest: Any, target: Any) -> float | None:
    """Share of the way from baseline to target, clipped to 0–1 (None when not defined)."""
    if not (_isnum(base) and _isnum(latest) and _isnum(target)):
        return None
    base, latest, target = float(base), float(latest), float(target)
    if target == base:
        return 1.0 if latest == target else None
    return float(min(1.0, max(0.0, (latest - base) / (target - base))))


# ---------------------------------------------------------------- the Strategic actions tables' columns

# The narrowest layout the pages are made for, a 1024-px window with the sidebar open, draws a table
# 564 px wide (tests/browser/test_tables_fit_browser_r32.py measures it). The columns up to the status fit in
# it whole: the status was cut at the edge ("Acceleratio", "Limited pr") behind pinned names 475 px wide.
NARROWEST_TABLE = 564
SCROLLBAR = 16          # the grid's vertical scroll bar, over its right edge
CELL_PADDING = 8        # each side of a cell's words
PILL_PADDING = 9        # each side of a pill's words
SMALLEST_NAME = 180     # a name column is never narrower, whatever stands beside it

# (column, its header's text key) of each table, in the order drawn: the status right after the name.
ACTION_COLUMNS = (("action", "action"), ("status_text", "status"), ("score", "score"),
                  ("progress", "mean_progress"), ("lead", "lead"), ("implementation", "action_status"),
                  ("years", "calendar"), ("indicators", "indicators"), ("note", "note"))
INDICATOR_COLUMNS = (("action_id", "action_short"), ("indicator", "indicator"), ("status_text", "status"),
                     ("latest", "latest_value"), ("target", "target"), ("progress", "progress_to_target"),
                     ("trend", "trend"), ("milestone", "milestone"), ("territory", "headline_territory"),
                     ("note", "note"))


def past_status(columns: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """The header keys of the columns after the status: those a table at its narrowest does not show,
    named under it ("Further right, the table also has: …"), true at any width."""
    keys = [key for _, key in columns]
    return tuple(keys[keys.index("status") + 1:])


def _ceil(px: float) -> int:
    return int(-(-px // 1))


def text_column_width(texts, header: str = "") -> int:
    """The width in pixels a column of words needs: its longest cell, or its header, whole."""
    from .style import text_px

    longest = max([text_px(x) for x in texts if isinstance(x, str)] + [text_px(header) * 1.1], default=0.0)
    return _ceil(longest + 2 * CELL_PADDING + 4)


def status_width(texts, header: str = "") -> int:
    """The status column's width: its longest pill (icon, word and note) whole, and its header."""
    from .style import text_px

    longest = max([text_px(x) for x in texts if isinstance(x, str)], default=0.0)
    return max(_ceil(longest + 2 * PILL_PADDING + 2 * CELL_PADDING + 4), text_column_width([], header))


def name_width(names, beside: int, header: str = "") -> int:
    """A pinned name column's width: what its longest name needs, at most what leaves the columns
    `beside` it (pixels: a code before it, the status after it) whole in the narrowest table; a longer
    name ends with an ellipsis (the action's detail below writes it whole)."""
    room = NARROWEST_TABLE - SCROLLBAR - beside
    return min(text_column_width(names, header), max(SMALLEST_NAME, room))
