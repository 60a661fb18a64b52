"""What every chart shares (indicators/charts): the sizes of its fonts, the sides' symbols and colours,
the marks of targets, milestones, projections, flags and breaks, a period on the time axis, the shades
of one side's territories, the layout (also the ranking's) and the legend's height."""
from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .. import countries
from ..i18n import t
from ..parsing import period_span
from ..style import mix

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
BREAK_COLOR = "#6B3FA0"     # the break's line: apart from the sides' colours, the target's near-black and the grey
BREAK_DASH = "dashdot"


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


# The years labelled on a time axis fit the narrowest chart the pages lay out (a 1024 px screen with the
# sidebar open: a chart ~530 px wide), shared by `cols` panels side by side: plotly's own choice kept five
# or more labels whatever the panel's width, and 2014201620182020 ran together in panels of ~200 px.
NARROW_CHART_PX = 530
VALUE_AXIS_PX = 90          # the value axis' title and numbers, and the margins, beside the panels
PANEL_SPACING = 0.06        # between panels side by side, a share of the width (panels.side_by_side)
YEAR_LABEL_PX = 48          # a year at SMALL_FONT (~36 px in DejaVu Sans) and the room that keeps two apart
YEAR_STEPS = (1, 2, 4, 5, 10, 20, 25, 50, 100)


def year_step(lo: int, hi: int, cols: int = 1) -> int:
    """The years between two labels of a time axis from `lo` to `hi` (labelled from `lo`) in one of `cols`
    panels side by side: the smallest step whose labels fit the panel's width at NARROW_CHART_PX."""
    cols = max(int(cols), 1)
    panel = (NARROW_CHART_PX - VALUE_AXIS_PX) * (1 - PANEL_SPACING * (cols - 1)) / cols
    fits = max(2, int(panel // YEAR_LABEL_PX))
    return next((d for d in YEAR_STEPS if (hi - lo) // d + 1 <= fits), YEAR_STEPS[-1])


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
