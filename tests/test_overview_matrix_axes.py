"""The Overview's matrix names its axes' categories outright: plotly types an axis from the first trace's
values, and the first band's trace has no point when no cell is in that band (a placeholder kept for the
legend), which made both axes numeric and drew no square (browser test: tests/browser/test_dashboard.py)."""
from __future__ import annotations

import pandas as pd

from indicators import overview as O
from indicators.style import STATUS_ORDER


def test_the_matrix_axes_are_categories_whatever_band_comes_first(demo_tables):
    levels, themes = demo_tables["framework"]["levels"], demo_tables["framework"]["themes"]
    cells = pd.DataFrame([{"level_id": lv, "theme_id": th, "status": "on_track", "score": 3.0, "n_actions": 1}
                          for lv in levels["level_id"] for th in themes["theme_id"]])
    fig = O.matrix_figure(cells, levels, themes, "fr")
    first = fig.data[0]
    assert first.name.endswith(O.i18n.status_label(STATUS_ORDER[0], "fr")) and list(first.x) == [None]
    assert fig.layout.xaxis.type == "category" and fig.layout.yaxis.type == "category"
    drawn = [x for trace in fig.data for x in (trace.x or ()) if x is not None]
    assert len(drawn) == len(levels) * len(themes)
    assert set(drawn) <= set(fig.layout.xaxis.categoryarray)
