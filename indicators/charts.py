"""Chart builders for the Strategic actions and Indicator explorer pages (and the committee report).

Pure functions: plain data (DataFrames, mappings) in, plotly figures out. No Streamlit here, so
everything is tested without a browser. Values and statuses in words come from `wording`; the
latest year's ranking of territories is `ranking`'s.

Conventions, the same on every chart:

- the countries (sides of the border) are told apart at a glance by their colour *and* their line
  dash and marker shape (never colour alone): France and Belgium as always (`style.COUNTRY_COLORS`),
  every other country the next look of `countries.looks`, the same on every chart of a store;
  several territories of one side get shades of their side's colour;
- the target path (baseline → target, along the required growth rate) is dark and dotted,
  with a square at the baseline and a star at the target; the milestone is a diamond; after a break
  in series the path starts at the break (the base the status is judged from), and a dash-dotted
  vertical line marks the break;
- the projection (least-squares trend read at the target period) is a grey dashed line;
- flagged values (provisional, estimated, break in series…) get an open diamond around the
  point and the flag's word in the hover;
- numbers follow the language (`separators`), hover numbers are pre-formatted with babel,
  fonts are at least 14 px so that a projector shows them.
"""
from __future__ import annotations

import math
from typing import Any, Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import countries, i18n
from .countries import Sides, side_looks, side_looks_text, sides_of  # noqa: F401  (the sides drawn)
from .i18n import t
from .parsing import period_span
from .style import PROJECTION_COLOR, TARGET_COLOR, mix
from .wording import (_get, _isnum, flag_word, format_value, milestone_status_text, projection, projection_text,
                      side_of, territory_labels)

# Plotly `separators`: decimal mark then thousands separator.
SEPARATORS = {"fr": ", ", "nl": ",.", "en": ".,"}
FONT_SIZE = 16          # base font: readable on a projector
SMALL_FONT = 14         # legend, ticks: never below 14
COUNTRY_SYMBOLS = countries.FIRST_SYMBOLS         # France's and Belgium's; the others': countries.SYMBOLS
OTHER_SYMBOL = countries.OTHER_SYMBOL
SYMBOL_VARIANTS = ("", "-open", "-dot", "-open-dot")   # plotly's fillings of one marker shape
# Territories of no country's side (a cross-border body coded EU, a territory without a country): a
# hue of their own, away from the grey of the projection and the near-black of the target path.
OTHER_SIDE_COLOR = countries.OTHER_COLOR
OTHER_SIDE_DASH = countries.OTHER_DASH
FLAG_SYMBOL = "diamond-open"
NEUTRAL_MARK = "#4A4F55"   # a legend key that stands for marks of every colour
MILESTONE_SYMBOL = "diamond"
TARGET_DOT = "dot"
EARLIER_TARGET_COLOR = "#A7AFB8"   # a target a revision replaced: light, behind the current path
PROJECTION_DASH = "dash"
FONT_FAMILY = "Source Sans Pro, DejaVu Sans, Arial, sans-serif"


# ------------------------------------------------------------------ small helpers

def period_x(period: Any) -> float | None:
    """A period as a number on the time axis: 2020 → 2020.0, 2020-Q3 → 2020.5, 2020-07 → 2020.5."""
    if period is None or period is pd.NA:
        return None
    if isinstance(period, (int, np.integer)) and not isinstance(period, bool):
        return float(period)
    if isinstance(period, float):
        return None if math.isnan(period) else float(period)
    span = period_span(period)   # where the period starts: the one reading of periods (parsing)
    if span is not None:
        return span[0]
    text = str(period).strip()
    return float(text[:4]) if len(text) >= 4 and text[:4].isdigit() else None


def side_shades(country: str | None, n: int, region=()) -> list[str]:
    """`n` shades of a side's colour (darker to lighter), the side's own colour first. `region`: the
    store's countries (`countries.of_territories`), which give each country its look."""
    base = countries.look(country, region).color
    if n <= 1:
        return [base]
    shades = [base]
    steps = [(-0.35, "#000000"), (0.35, "#FFFFFF"), (-0.6, "#000000"), (0.5, "#FFFFFF"), (-0.2, "#000000"),
             (0.2, "#FFFFFF")]
    for i in range(1, n):
        share, towards = steps[(i - 1) % len(steps)]
        # beyond the list, alternate again with a little more contrast each round
        share = abs(share) * (1 + 0.1 * ((i - 1) // len(steps)))
        shades.append(mix(base, towards, min(share, 0.7 if towards == "#000000" else 0.5)))
    return shades


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


def base_layout(fig: go.Figure, lang: str, y_title: str, x_title: str | None = None, height: int = 460,
                legend_on_top: bool = True) -> None:
    """The look every chart shares (also the ranking's): the language's numbers, projector-sized fonts."""
    fig.update_layout(
        separators=SEPARATORS.get(lang, ".,"),
        font=dict(size=FONT_SIZE, family=FONT_FAMILY, color="#1A1A1A"),
        height=height,
        margin=dict(l=10, r=10, t=20, b=10),
        plot_bgcolor="#FFFFFF",
        paper_bgcolor="#FFFFFF",
        hoverlabel=dict(font=dict(size=SMALL_FONT + 1), bgcolor="#FFFFFF"),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0,
                    font=dict(size=SMALL_FONT), title=None) if legend_on_top else
        dict(font=dict(size=SMALL_FONT), title=None),
    )
    fig.update_yaxes(title=dict(text=y_title, font=dict(size=SMALL_FONT + 1)), tickfont=dict(size=SMALL_FONT),
                     gridcolor="#E3E6EA", zerolinecolor="#B0B5BB", tickformat=",~f", automargin=True)
    if x_title is not None:
        fig.update_xaxes(title=dict(text=x_title, font=dict(size=SMALL_FONT + 1)), tickfont=dict(size=SMALL_FONT),
                         gridcolor="#F0F2F4", automargin=True)


def value_axis_title(lang: str, unit: str | None) -> str:
    unit = (unit or "").strip()
    return f"{t('value', lang)} ({unit})" if unit else t("value", lang)


# ------------------------------------------------------------------ indicator chart

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
        fig.add_trace(go.Scatter(
            x=part["_x"].tolist(), y=part["_v"].tolist(), name=f"{name} ({side})", mode="lines+markers",
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
        span = hi - lo
        steps = (2, 4, 10) if compact else (1, 2, 5)
        dtick = steps[0] if span <= 10 else steps[1] if span <= 20 else steps[2]
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


BREAK_COLOR = "#6B3FA0"     # the break's line: apart from the sides' colours, the target's near-black and the grey
BREAK_DASH = "dashdot"


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
    from .revisions import version_text, when_text

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


def legend_rows(fig: go.Figure, width: int, font: int | None = None, swatch: int = 56) -> int:
    """How many rows a horizontal legend takes in a chart `width` pixels wide: items flow left to
    right and wrap (an estimate, generous so that the legend never runs into the plot)."""
    size = font or ((fig.layout.legend.font.size or SMALL_FONT) if fig.layout.legend else SMALL_FONT)
    rows, used = 1, 0.0
    for trace in fig.data:
        if trace.showlegend is False:
            continue
        item = swatch + 0.6 * size * len(trace.name or "")
        if used and used + item > width:
            rows, used = rows + 1, 0.0
        used += item
    return rows


def align_axes(*figures: go.Figure, width: int = 430, plot_height: int = 300) -> None:
    """Give figures shown side by side (French side | Belgian side) the same axes and the same
    plot area, so that their values compare at a glance: same ranges, and the same room for
    the legend above the plot whatever the number of territories."""
    xs, ys = [], []
    for fig in figures:
        for trace in fig.data:
            xs += [float(x) for x in (trace.x or []) if _isnum(x)]
            ys += [float(y) for y in (trace.y or []) if _isnum(y)]
    if not xs or not ys:
        return
    lo, hi = min(ys), max(ys)
    pad = (hi - lo) * 0.06 or abs(hi) * 0.1 or 1.0
    x_lo, x_hi = math.floor(min(xs)), math.ceil(max(xs))
    rows = max(legend_rows(fig, width) for fig in figures)
    top = 12 + 32 * rows
    # the same years labelled on each side, six or so: left to itself, plotly labelled every second
    # year on one panel (crammed) and every fourth on the other
    step = next((d for d in (1, 2, 4, 5, 10) if (x_hi - x_lo) / d <= 6), 20)
    for fig in figures:
        fig.update_yaxes(range=[lo - pad, hi + pad], autorange=False)
        fig.update_xaxes(range=[x_lo - 0.4, x_hi + 0.4], autorange=False, tick0=x_lo, dtick=step)
        fig.update_layout(height=plot_height + top + 80, margin=dict(t=top, b=10, l=10, r=10),
                          legend=dict(y=1.0, yanchor="top", yref="container"))


PANELS_PER_ROW = 3     # past this many countries, the panels wrap onto rows (four: two rows of two)


def panel_grid(n: int) -> tuple[int, int]:
    """(rows, columns) of `n` side panels: one row up to PANELS_PER_ROW, else rows as even as can be."""
    if n <= PANELS_PER_ROW:
        return 1, max(n, 1)
    rows = math.ceil(n / PANELS_PER_ROW)
    cols = math.ceil(n / rows)
    return rows, cols


def side_by_side(panels: list[tuple[str, go.Figure]], width: int = 900, plot_height: int = 300,
                 above: tuple[str, go.Figure] | None = None) -> go.Figure:
    """Charts of the sides (title, figure: a country each), aligned by `align_axes`, as one figure of panels
    side by side sharing their value axis, each series listed once in one legend (a click on an entry
    toggles it on every side). One figure, not one per side: a plotly chart fewer for the browser to mount
    per indicator (navigation to Actions, 7 clicks: 0.39 → 0.37 s with the demo, 0.97 → 0.92 s with the
    large store). Two or three countries stand in one row; more wrap onto rows (`panel_grid`).
    `above` (title, figure), the cross-border bodies, spans the width above them on its own value axis:
    one chart again, not two (in Chromium, plotly drew the two in ~110 ms, the one in ~40 ms)."""
    from plotly.subplots import make_subplots

    n, gap = len(panels), 76                          # between the rows: the upper axis' years, the titles
    lower, cols = panel_grid(n)
    rows = lower + (1 if above else 0)
    titled = ([above] if above else []) + list(panels)
    grid = [[{}] * cols for _ in range(lower)]
    for k in range(n, lower * cols):                  # the last row's empty cells
        grid[k // cols][k % cols] = None
    specs = ([[{"colspan": cols}] + [None] * (cols - 1)] if above else []) + grid
    out = make_subplots(rows=rows, cols=cols, shared_yaxes=True, horizontal_spacing=0.06,
                        specs=specs if (above or lower > 1) else None,
                        vertical_spacing=gap / (rows * plot_height + (rows - 1) * gap) if rows > 1 else None,
                        subplot_titles=[f"<b>{title}</b>" for title, _ in titled])
    out.update_annotations(font=dict(size=FONT_SIZE), yshift=4)
    shown: set[str] = set()
    first_row = 2 if above else 1
    places = ([(1, 1, above[1])] if above else []) + [
        (first_row + k // cols, 1 + k % cols, fig) for k, (_, fig) in enumerate(panels)]
    for k, (row, col, fig) in enumerate(places):
        for trace in fig.data:
            key = trace.legendgroup or trace.name
            copy = type(trace)(trace, legendgroup=key)
            if trace.showlegend is not False:
                copy.showlegend = key not in shown
                shown.add(key)
            out.add_trace(copy, row=row, col=col)
        first = col == 1
        # the years' title under the lowest panel of each column only ("Période" would crowd the gap above
        # the titles of the panels below); the upper panel's years need none
        lowest = row == rows or (row == rows - 1 and col > (n - 1) % cols + 1 and row >= first_row)
        x_axis = {key: v for key, v in fig.layout.xaxis.to_plotly_json().items()
                  if key not in ("domain", "anchor") and (lowest or key != "title")}
        y_axis = {key: v for key, v in fig.layout.yaxis.to_plotly_json().items()
                  if key not in ("domain", "anchor", "matches") and (first or key != "title")}
        out.update_xaxes(x_axis, row=row, col=col)
        out.update_yaxes(y_axis, row=row, col=col)
    if lower > 1:     # every side on one value axis, across its rows too (the rows share theirs already)
        names = [out.get_subplot(row, col).yaxis.plotly_name for row, col, _ in places[1 if above else 0:]]
        main = names[0].replace("axis", "")
        for name in names[1:]:
            out.layout[name].matches = main
    layout = panels[0][1].layout.to_plotly_json()
    out.update_layout({key: v for key, v in layout.items()
                       if key not in ("xaxis", "yaxis", "annotations", "shapes", "template", "height", "margin")})
    top = 12 + 32 * legend_rows(out, width) + 28          # the legend, then the panels' titles
    plots = rows * plot_height + (rows - 1) * gap
    out.update_layout(height=plots + top + 80, margin=dict(t=top, b=10, l=10, r=10))
    return out


def chart_territories(obs: pd.DataFrame, targets: pd.DataFrame | None, territories: pd.DataFrame | None,
                      limit: int = 12) -> list[str]:
    """The territories a time series shows when there are too many to read: the targets'
    territories first, then, taking each country's side in turn (France, Belgium, the others, the
    cross-border bodies), those with the most values and the largest latest value."""
    ids = list(dict.fromkeys(str(x) for x in obs["territory_id"]))
    if len(ids) <= limit:
        return ids
    chosen = [str(x) for x in (targets["territory_id"] if targets is not None and len(targets) else [])
              if str(x) in ids][:limit]
    data = obs.assign(_v=pd.to_numeric(obs["value"], errors="coerce"), territory_id=obs["territory_id"].astype(str))
    data = data[data["_v"].notna()]
    stats = data.sort_values("period").groupby("territory_id").agg(n=("_v", "size"), last=("_v", "last"))
    stats = stats.sort_values(["n", "last"], ascending=[False, False])
    sides = side_of(stats.index, territories)
    queues = {}
    for tid in stats.index:
        queues.setdefault(sides.get(tid, ""), []).append(tid)
    order = [q for _, q in sorted(queues.items(), key=lambda kv: countries.rank(kv[0]))]
    while len(chosen) < limit and any(order):
        for queue in order:
            while queue and queue[0] in chosen:
                queue.pop(0)
            if queue and len(chosen) < limit:
                chosen.append(queue.pop(0))
    return chosen

