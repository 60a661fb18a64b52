"""One indicator's chart (indicators/charts): the observed values per territory, the target path from
the baseline (or the break in series) to the target, earlier targets, milestones, the projection,
flagged values and breaks in series."""
from __future__ import annotations

import math
from typing import Any, Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .. import countries, i18n
from ..i18n import t
from ..style import PROJECTION_COLOR, TARGET_COLOR
from ..wording import (_get, _isnum, flag_word, format_value, milestone_status_text, projection, projection_text,
                       territory_labels)
from .look import (BREAK_COLOR, BREAK_DASH, EARLIER_TARGET_COLOR, FLAG_SYMBOL, FONT_SIZE, MILESTONE_SYMBOL,
                   NEUTRAL_MARK, PROJECTION_DASH, SYMBOL_VARIANTS, TARGET_DOT, base_layout, period_x, side_shades,
                   value_axis_title, year_step)


def _target_rows(target_row) -> list[dict]:
    if target_row is None:
        return []
    if isinstance(target_row, pd.DataFrame):
        return target_row.to_dict("records")
    if isinstance(target_row, pd.Series):
        return [target_row.to_dict()]
    if isinstance(target_row, Mapping):
        return [dict(target_row)]
    return [dict(r) for r in target_row]


def _assessment_rows(rows) -> list[dict]:
    if rows is None:
        return []
    if isinstance(rows, pd.DataFrame):
        return rows.to_dict("records")
    if isinstance(rows, pd.Series):
        return [rows.to_dict()]
    if isinstance(rows, Mapping):
        return [dict(rows)]
    return [dict(r) for r in rows]


GROUPED_TARGETS = 2      # more territories with a target than this: one legend entry for their paths


def _add_all(fig: go.Figure, traces: list[go.Scatter], grouped: bool, group: str) -> None:
    """Add traces of one look (each territory's target path, say); with `grouped`, as one trace whose
    lines break between territories, under one legend entry, each point keeping its own hover.

    One trace rather than one per territory: the browser builds each trace's own SVG layers, and the
    large store's Actions page drew 64 traces for two sides of eight communes (22 now)."""
    if not traces:
        return
    if not grouped or len(traces) == 1:
        fig.add_traces(traces)
        return
    def each(value, n: int) -> list:   # a marker option given once or per point, per point
        return list(value) if isinstance(value, (list, tuple)) else [value] * n

    # Between two territories a gap point (None): the line stops at one's last point, starts at the next.
    xs, ys, hovers, sizes, symbols = [], [], [], [], []
    for k, trace in enumerate(traces):
        gap = 1 if k else 0
        n = len(trace.x)
        xs += [None] * gap + list(trace.x)
        ys += [None] * gap + list(trace.y)
        hovers += [""] * gap + list(trace.hovertext)
        sizes += [0] * gap + each(trace.marker.size, n)
        symbols += ["circle"] * gap + each(trace.marker.symbol, n)
    first = traces[0]
    merged = go.Scatter(first, x=xs, y=ys, hovertext=hovers, legendgroup=group,
                        meta={"role": first.meta["role"], "territory_ids": [tr.meta["territory_id"] for tr in traces]})
    merged.marker.size, merged.marker.symbol = sizes, symbols
    fig.add_trace(merged)


def _period_kind(period) -> str:
    text = str(period).strip().upper()
    return "quarter" if "-Q" in text else "month" if "-" in text else "year"


def period_steps(data: pd.DataFrame) -> dict[str, float]:
    """The chart's step for each kind of period (year, quarter, month): the smallest distance between two
    periods of that kind next to each other in one territory's series (`_x`: period_x). A series that
    skips a step has a gap there; one published every five years (a census) has a step of five."""
    steps: dict[str, float] = {}
    if not len(data):
        return steps
    for _, part in data.groupby(data["territory_id"].astype(str), sort=False):
        kinds = [_period_kind(p) for p in part["period"]]
        xs = part["_x"].tolist()
        for (k0, x0), (k1, x1) in zip(zip(kinds, xs), zip(kinds[1:], xs[1:])):
            if k0 == k1 and x1 - x0 > 1e-9:
                steps[k0] = min(steps.get(k0, math.inf), x1 - x0)
    return steps


def with_gaps(periods: list, xs: list, ys: list, hover: list, steps: Mapping[str, float]) -> tuple[list, list, list]:
    """One territory's points (in period order) with a gap point (None) wherever the series skips one
    of the chart's steps (`period_steps`): plotly breaks the line there, the values on both sides keep
    their markers."""
    out_x, out_y, out_h = [], [], []
    for i, (period, x, y, text) in enumerate(zip(periods, xs, ys, hover)):
        if i:
            kinds = (_period_kind(periods[i - 1]), _period_kind(period))
            step = max(steps.get(k, 1.0) for k in kinds)
            if x - xs[i - 1] > step + 1e-6:
                out_x.append(None)
                out_y.append(None)
                out_h.append("")
        out_x.append(x)
        out_y.append(y)
        out_h.append(text)
    return out_x, out_y, out_h


def target_path_points(baseline_period, baseline_value, target_period, target_value,
                       steps_per_year: int = 4) -> tuple[list[float], list[float]]:
    """The target path from baseline to target: the constant required growth rate (CAGR) curve
    when both values have the same sign and are not zero, else a straight line."""
    x0, x1 = period_x(baseline_period), period_x(target_period)
    if x0 is None or x1 is None or not (_isnum(baseline_value) and _isnum(target_value)) or x1 <= x0:
        return [], []
    v0, v1 = float(baseline_value), float(target_value)
    n = max(2, int(round((x1 - x0) * steps_per_year)) + 1)
    xs = list(np.linspace(x0, x1, n))
    if v0 * v1 > 0:
        ys = [v0 * (v1 / v0) ** ((x - x0) / (x1 - x0)) for x in xs]
    else:
        ys = [v0 + (v1 - v0) * (x - x0) / (x1 - x0) for x in xs]
    return [float(x) for x in xs], [float(y) for y in ys]


def indicator_chart(obs: pd.DataFrame | None, target_row=None, assessment_rows=None,
                    territories: pd.DataFrame | None = None, lang: str = "fr", decimals: Any = 1,
                    unit: str | None = None, method: str = "opensdg", height: int = 460,
                    compact: bool = False, earlier_targets: list[dict] | None = None) -> go.Figure:
    """Observed values per territory, target path, milestone, projection, flagged values.

    obs: observations of one indicator (territory_id, period, value, optional flag).
    target_row: a target (mapping), several (DataFrame / list of mappings) or None.
    assessment_rows: rows of `progress.assess_all` for this indicator (for the projection and
    the milestone's status), or None. territories: the framework's territories (names, country).
    earlier_targets: earlier versions of these targets (revisions.for_target), drawn faintly.
    """
    fig = go.Figure()
    labels = territory_labels(territories, lang)
    obs = obs if obs is not None else pd.DataFrame(columns=["territory_id", "period", "value"])
    data = obs.copy()
    if len(data):
        data["_x"] = [period_x(p) for p in data["period"]]
        data["_v"] = pd.to_numeric(data["value"], errors="coerce")
        data = data[data["_x"].notna() & data["_v"].notna()].sort_values(["territory_id", "_x"])
    flag_col = "flag" if "flag" in data.columns else None

    # order: French side first, then Belgian, then the other countries, then cross-border bodies; by
    # name within a side
    tids = list(dict.fromkeys(str(x) for x in data["territory_id"])) if len(data) else []
    side_of = {tid: labels.get(tid, (tid, ""))[1] for tid in tids}
    tids.sort(key=lambda tid: (countries.rank(side_of[tid]), labels.get(tid, (tid,))[0]))
    region = countries.of_territories(territories) + list(side_of.values())
    look = {side: countries.look(side, region) for side in set(side_of.values())}
    colour: dict[str, str] = {}
    variant: dict[str, str] = {}
    for side in dict.fromkeys(side_of[tid] for tid in tids):
        members = [tid for tid in tids if side_of[tid] == side]
        for i, (tid, shade) in enumerate(zip(members, side_shades(side, len(members), region))):
            colour[tid] = shade
            # the side's marker, filled, open, dotted…: eight Belgian lines in close shades of orange
            # could not be told apart; the shape still says the side
            variant[tid] = SYMBOL_VARIANTS[i % len(SYMBOL_VARIANTS)]

    flagged_x, flagged_y, flagged_text, flagged_colour = [], [], [], []
    steps = period_steps(data)
    for tid in tids:
        part = data[data["territory_id"].astype(str) == tid]
        name, country = labels.get(tid, (tid, ""))
        side = country if country else "?"
        hover = []
        for row in part.to_dict("records"):
            word = flag_word(row.get(flag_col), lang) if flag_col else ""
            text = (f"<b>{name}</b> ({side})<br>{row['period']}{i18n.colon(lang)} "
                    f"<b>{format_value(row['_v'], lang, decimals, unit)}</b>")
            if word:
                text += f"<br>⚑ {word} ({str(row[flag_col]).strip()})"
                flagged_x.append(row["_x"])
                flagged_y.append(row["_v"])
                flagged_text.append(text)
                flagged_colour.append(colour[tid])
            hover.append(text)
        # a period the series skips (Eurostat's `:`, never stored) breaks its line: one segment from 2008 to
        # 2017 read as eight years of growth the source never published
        xs, ys, hover = with_gaps(part["period"].tolist(), part["_x"].tolist(), part["_v"].tolist(), hover, steps)
        fig.add_trace(go.Scatter(
            x=xs, y=ys, name=f"{name} ({side})", mode="lines+markers", connectgaps=False,
            line=dict(color=colour[tid], width=3, dash=look[country].dash),
            marker=dict(size=8, color=colour[tid], symbol=look[country].symbol + variant[tid],
                        line=dict(width=1.5, color=colour[tid])),
            hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
            legendgroup=f"territory-{tid}", meta={"role": "observed", "territory_id": tid, "country": country},
        ))

    targets = _target_rows(target_row)
    many_targets = len(targets) > 1
    # Past a few territories with their own target, one legend entry stands for all their paths (and
    # one for their milestones): eight communes with targets made a legend of 24 entries above the
    # chart. The hover still names each path's territory.
    grouped = len(targets) > GROUPED_TARGETS
    for version in earlier_targets or []:       # drawn first: under the current path
        _earlier_target(fig, version, labels, many_targets, lang, decimals, unit)
    assessments = _assessment_rows(assessment_rows)
    by_territory = {str(_get(a, "territory_id", "")): a for a in assessments}
    paths: list[go.Scatter] = []
    for target in targets:
        tid = str(_get(target, "territory_id", ""))
        start = path_start(target, by_territory.get(tid))
        xs, ys = target_path_points(start[0], start[1], _get(target, "target_period"), _get(target, "target_value"))
        if not xs:
            continue
        suffix = f" · {labels.get(tid, (tid,))[0]}" if many_targets and tid else ""
        sizes = [0] * len(xs)
        symbols = ["circle"] * len(xs)
        sizes[0], symbols[0] = 10, "square"
        sizes[-1], symbols[-1] = 16, "star"
        hover = [f"{t('target_path', lang)}{suffix}<br>{x:.0f}{i18n.colon(lang)} {format_value(y, lang, decimals, unit)}"
                 for x, y in zip(xs, ys)]
        since = f" · {t('break_since', lang, period=start[2])}" if start[2] else ""
        hover[0] = (f"<b>{t('baseline', lang)}{since}{suffix}</b><br>{start[0]}{i18n.colon(lang)} "
                    f"{format_value(ys[0], lang, decimals, unit)}")
        hover[-1] = (f"<b>{t('target', lang)}{suffix}</b><br>{_get(target, 'target_period')}{i18n.colon(lang)} "
                     f"{format_value(ys[-1], lang, decimals, unit)}")
        paths.append(go.Scatter(
            x=xs, y=ys, name=t("target_path", lang) + ("" if grouped else suffix), mode="lines+markers",
            line=dict(color=TARGET_COLOR, width=2.5, dash=TARGET_DOT),
            marker=dict(size=sizes, symbol=symbols, color=TARGET_COLOR, line=dict(width=0)),
            hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
            meta={"role": "target_path", "territory_id": tid},
        ))
    _add_all(fig, paths, grouped, "target_path")

    milestones: dict[str, list[go.Scatter]] = {}
    for target in targets:
        mp, mv = _get(target, "milestone_period"), _get(target, "milestone_value")
        mx = period_x(mp)
        if mx is None or not _isnum(mv):
            continue
        tid = str(_get(target, "territory_id", ""))
        suffix = f" · {labels.get(tid, (tid,))[0]}" if many_targets and tid else ""
        text = f"<b>{t('milestone', lang)} {mp}{suffix}</b><br>{format_value(mv, lang, decimals, unit)}"
        status = _get(by_territory.get(tid), "milestone_status")
        if status:
            text += f"<br>{milestone_status_text(status, lang, method)}"
        milestones.setdefault(str(mp), []).append(go.Scatter(
            x=[mx], y=[float(mv)], name=f"{t('milestone', lang)} {mp}{'' if grouped else suffix}", mode="markers",
            marker=dict(size=17, symbol=MILESTONE_SYMBOL, color=TARGET_COLOR, line=dict(width=2, color="#FFFFFF")),
            hovertext=[text], hovertemplate="%{hovertext}<extra></extra>",
            meta={"role": "milestone", "territory_id": tid},
        ))
    for period, traces in milestones.items():
        _add_all(fig, traces, grouped, f"milestone {period}")

    projections = [a for a in assessments if _isnum(_get(a, "projected_value"))
                   and period_x(_get(a, "target_period")) is not None
                   and period_x(_get(a, "base_period")) is not None]
    trends: list[go.Scatter] = []
    for a in projections:
        tid = str(_get(a, "territory_id", ""))
        x0, x1 = period_x(_get(a, "base_period")), period_x(_get(a, "target_period"))
        y0 = _get(a, "trend_at_base")
        if not _isnum(y0):
            y0 = _get(a, "base_value")
        if not _isnum(y0) or x1 <= x0:
            continue
        # a share does not pass 100 % (nor 0): the trend stops where it reaches the bound (wording.projection)
        y1, reached = projection(a, unit, drawn=True)
        x1 = x1 if reached is None else max(x0, min(x1, reached))
        suffix = f" · {labels.get(tid, (tid,))[0]}" if len(projections) > 1 and tid else ""
        text = (f"<b>{t('projection', lang)}{suffix}</b><br>"
                + (f"{_get(a, 'target_period')}{i18n.colon(lang)} {format_value(y1, lang, decimals, unit)}"
                   if reached is None else projection_text(a, lang, decimals, unit)))
        trends.append(go.Scatter(
            x=[x0, x1], y=[float(y0), y1], mode="lines+markers",
            name=t("projection", lang) + ("" if len(projections) > GROUPED_TARGETS else suffix),
            line=dict(color=PROJECTION_COLOR, width=2.5, dash=PROJECTION_DASH),
            marker=dict(size=[0, 11], symbol="circle-open", color=PROJECTION_COLOR, line=dict(width=2)),
            hovertext=[f"{t('projection', lang)}{suffix}<br>{_get(a, 'base_period')}{i18n.colon(lang)} "
                       f"{format_value(y0, lang, decimals, unit)}", text],
            hovertemplate="%{hovertext}<extra></extra>",
            meta={"role": "projection", "territory_id": tid},
        ))
    _add_all(fig, trends, len(projections) > GROUPED_TARGETS, "projection")

    if flagged_x:
        # Each ring takes its territory's colour; the legend, which would show the first ring's, has
        # its own neutral one (an empty trace of the same group: a click hides both).
        fig.add_trace(go.Scatter(
            x=flagged_x, y=flagged_y, name=t("flagged_values", lang), mode="markers",
            marker=dict(size=17, symbol=FLAG_SYMBOL, color=flagged_colour, line=dict(width=2.5)),
            hovertext=flagged_text, hovertemplate="%{hovertext}<extra></extra>",
            legendgroup="flagged", showlegend=False, meta={"role": "flagged"},
        ))
        fig.add_trace(go.Scatter(
            x=[None], y=[None], name=t("flagged_values", lang), mode="markers", legendgroup="flagged",
            marker=dict(size=13, symbol=FLAG_SYMBOL, color=NEUTRAL_MARK, line=dict(width=2)),
            hoverinfo="skip", meta={"role": "flagged_key"},
        ))

    _mark_breaks(fig, assessments, labels, lang)
    base_layout(fig, lang, value_axis_title(lang, unit), t("period", lang), height=height)
    xs_all = [x for tr in fig.data for x in (tr.x or []) if x is not None]
    if xs_all:
        lo, hi = math.floor(min(xs_all)), math.ceil(max(xs_all))
        dtick = year_step(lo, hi, 2 if compact else 1)   # a compact chart is a panel beside another
        fig.update_xaxes(tickformat="d", tickmode="linear", tick0=lo - lo % dtick if dtick > 1 else lo,
                         dtick=dtick, tickangle=0, range=[lo - 0.4, hi + 0.4])
    else:
        fig.add_annotation(text=t("chart_no_data", lang), showarrow=False, xref="paper", yref="paper",
                           x=0.5, y=0.5, font=dict(size=FONT_SIZE))
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
    return fig


def _break_of(assessment) -> str | None:
    """The break in series a status is judged from (`progress.assess_all`'s `break_period`), or None."""
    value = _get(assessment, "break_period") if assessment is not None else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def path_start(target: Mapping, assessment=None) -> tuple[Any, Any, str | None]:
    """(period, value, break) where the target path starts: the target's baseline; after a break in
    series, the base the status is judged from (the break's year and value, DESIGN.md: "with a target
    the required path runs from it to the target"), with the break's period. The status, the expected
    value and the progress bar use that path: the chart draws the same one."""
    broke = _break_of(assessment)
    if broke and _isnum(_get(assessment, "base_value")) and period_x(_get(assessment, "base_period")) is not None:
        return _get(assessment, "base_period"), float(_get(assessment, "base_value")), broke
    return _get(target, "baseline_period"), _get(target, "baseline_value"), None


def _mark_breaks(fig: go.Figure, assessments: list[dict], labels, lang: str) -> None:
    """A vertical line at each break in series a status is judged from, across the values drawn, named
    as the tables name it ("Rupture de série en 2020"): the path and the projection start there."""
    found: dict[str, list[str]] = {}
    for a in assessments:
        broke = _break_of(a)
        if broke and period_x(broke) is not None:
            tid = str(_get(a, "territory_id", ""))
            found.setdefault(broke, []).append(labels.get(tid, (tid,))[0])
    ys = [float(y) for trace in fig.data for y in (trace.y or []) if _isnum(y)]
    if not found or not ys:
        return
    lo, hi = min(ys), max(ys)
    for period, names in sorted(found.items()):
        text = t("break_since", lang, period=period)
        name = text[:1].upper() + text[1:]
        hover = f"<b>{name}</b><br>{', '.join(dict.fromkeys(names))}"
        x = period_x(period)
        fig.add_trace(go.Scatter(
            x=[x, x], y=[lo, hi], name=name, mode="lines", line=dict(color=BREAK_COLOR, width=2, dash=BREAK_DASH),
            hovertext=[hover, hover], hovertemplate="%{hovertext}<extra></extra>", legendgroup=f"break {period}",
            meta={"role": "break", "period": period}))


def _earlier_target(fig: go.Figure, version: Mapping, labels, many: bool, lang: str, decimals, unit) -> None:
    """A target path that a revision replaced: thin, light and dotted, under the current one."""
    from ..revisions import version_text, when_text

    xs, ys = target_path_points(_get(version, "baseline_period"), _get(version, "baseline_value"),
                                _get(version, "target_period"), _get(version, "target_value"))
    if not xs:
        return
    tid = str(_get(version, "territory_id", ""))
    suffix = f" · {labels.get(tid, (tid,))[0]}" if many and tid else ""
    name = t("earlier_target", lang, when=when_text(dict(version), lang)) + suffix
    text = f"<b>{name}</b><br>{version_text(dict(version), lang, decimals, unit)}"
    fig.add_trace(go.Scatter(
        x=xs, y=ys, name=name, mode="lines+markers",
        line=dict(color=EARLIER_TARGET_COLOR, width=1.5, dash="dot"),
        marker=dict(size=[0] * (len(xs) - 1) + [10], symbol="star-open", color=EARLIER_TARGET_COLOR),
        hovertext=[text] * len(xs), hovertemplate="%{hovertext}<extra></extra>",
        meta={"role": "earlier_target", "territory_id": tid, "decided_on": _get(version, "decided_on")},
    ))
