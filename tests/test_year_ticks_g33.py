"""The years of a chart's time axis never run together: on a 1024 px screen (the sidebar open, a chart
~530 px wide) the panels of the sides, side by side, labelled every second year over twelve years
("2014201620182020…"). Two labels' centres are now at least a year's width apart (~36 px at 14 px, plus a
gap) in each panel, for two, three and four panels, and for a chart alone."""
from __future__ import annotations

import plotly.graph_objects as go
import pytest

from indicators.charts.panels import align_axes, side_by_side

LABEL_PX = 36 + 8   # "2014" at 14 px in DejaVu Sans, and 8 px between two labels
NARROW_CHART_PX = 530   # a chart's width on a 1024 px screen, the sidebar open (measured in Chromium)
VALUE_AXIS_PX = 90      # the value axis' title and numbers, the margins


def _panels(n: int, first: int, last: int) -> list[go.Figure]:
    return [go.Figure(go.Scatter(x=list(range(first + k % 2, last + 1)), y=[k + i for i in range(last - first + 1)]))
            for k in range(n)]


def _x_axes(fig: go.Figure) -> list:
    return [fig.layout[name] for name in fig.layout if name.startswith("xaxis")]


def _centre_distances(fig: go.Figure) -> list[float]:
    """For each panel: the pixels between two labelled years at NARROW_CHART_PX."""
    plot = NARROW_CHART_PX - VALUE_AXIS_PX
    out = []
    for axis in _x_axes(fig):
        lo, hi = axis.range
        out.append(axis.dtick / (hi - lo) * plot * (axis.domain[1] - axis.domain[0]))
    return out


@pytest.mark.parametrize("n", [2, 3, 4])
@pytest.mark.parametrize("first, last", [(2014, 2025), (2014, 2030), (2000, 2025), (2019, 2025), (1990, 2025)])
def test_the_panels_years_fit_their_width(n, first, last):
    figures = _panels(n, first, last)
    align_axes(*figures)
    both = side_by_side([(f"P{k}", f) for k, f in enumerate(figures)])
    distances = _centre_distances(both)
    assert len(distances) == n and all(d >= LABEL_PX for d in distances), (n, first, last, distances)
    axes = _x_axes(both)
    assert len({(a.dtick, a.tick0) for a in axes}) == 1          # every side labels the same years
    labelled = [y for y in range(first, last + 1) if (y - axes[0].tick0) % axes[0].dtick == 0]
    assert len(labelled) >= 2, labelled                            # a time axis, not one lone year


def test_a_chart_alone_labels_more_years_than_a_panel():
    alone, = _panels(1, 2014, 2030)
    align_axes(alone)
    pair = _panels(2, 2014, 2030)
    align_axes(*pair)
    assert alone.layout.xaxis.dtick < pair[0].layout.xaxis.dtick
    span = 2030 - 2014 + 0.8
    assert alone.layout.xaxis.dtick / span * (NARROW_CHART_PX - VALUE_AXIS_PX) >= LABEL_PX


def test_the_actions_page_s_panels_fit_at_1024(demo_url):
    """The Actions page's own chart of panels (MOB07 of the demo: France and Belgium, cross-border above)."""
    from indicators import filters as F
    from pages import common
    from pages.actions import indicator_figures

    version = common.data_version()
    built = indicator_figures(version, F.Filters(lang="fr"), "MOB07")
    both = built["sides"]["both"]
    distances = _centre_distances(both)
    assert len(distances) == 3 and all(d >= LABEL_PX for d in distances), distances
