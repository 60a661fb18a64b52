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

Where each part happens: `look` (what every chart shares: sizes, symbols, colours, the time axis, the
layout), `indicator` (one indicator's chart: values, target path, milestone, projection, flags, breaks),
`panels` (the sides' charts aligned and put side by side), `territories` (which territories a chart
draws when there are too many to read).
"""
from __future__ import annotations

from ..countries import Sides, side_looks, side_looks_text, sides_of  # noqa: F401  (the sides drawn)
from ..style import PROJECTION_COLOR, TARGET_COLOR  # noqa: F401
from .indicator import GROUPED_TARGETS, indicator_chart, path_start, target_path_points  # noqa: F401
from .look import (  # noqa: F401
    BREAK_COLOR, BREAK_DASH, COUNTRY_SYMBOLS, EARLIER_TARGET_COLOR, FLAG_SYMBOL, FONT_FAMILY, FONT_SIZE,
    MILESTONE_SYMBOL, NEUTRAL_MARK, OTHER_SIDE_COLOR, OTHER_SIDE_DASH, OTHER_SYMBOL, PROJECTION_DASH, SEPARATORS,
    SMALL_FONT, SYMBOL_VARIANTS, TARGET_DOT, base_layout, legend_rows, period_x, side_shades, value_axis_title)
from .panels import PANELS_PER_ROW, align_axes, panel_grid, side_by_side  # noqa: F401
from .territories import chart_territories  # noqa: F401
