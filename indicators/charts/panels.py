"""The sides' charts together (indicators/charts): the same axes and plot area for charts shown side by
side, and the panels of the sides as one figure sharing its value axis and its legend."""
from __future__ import annotations

import math

import plotly.graph_objects as go

from ..wording import _isnum
from .look import FONT_SIZE, NARROW_CHART_PX, PANEL_SPACING, legend_rows, year_step


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
    # the same years labelled on each side, as many as fit a panel of the row they stand in (look.year_step):
    # left to itself, plotly labelled every second year on one panel (crammed) and every fourth on the other
    step = year_step(x_lo, x_hi, panel_grid(len(figures))[1])
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


def side_by_side(panels: list[tuple[str, go.Figure]], width: int = NARROW_CHART_PX, plot_height: int = 300,
                 above: tuple[str, go.Figure] | None = None) -> go.Figure:
    """Charts of the sides (title, figure: a country each), aligned by `align_axes`, as one figure of panels
    side by side sharing their value axis, each series listed once in one legend (a click on an entry
    toggles it on every side). One figure, not one per side: a plotly chart fewer for the browser to mount
    per indicator (navigation to Actions, 7 clicks: 0.39 → 0.37 s with the demo, 0.97 → 0.92 s with the
    large store). Two or three countries stand in one row; more wrap onto rows (`panel_grid`).
    `width`: the chart's, for the legend's rows (the narrowest the pages lay out: at 900, the legend's fifth
    row of a 1024 px screen ran over the panels' titles).
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
    out = make_subplots(rows=rows, cols=cols, shared_yaxes=True, horizontal_spacing=PANEL_SPACING,
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
