"""Progress of indicators towards their targets, and roll-ups per action, theme and level.

The method is fixed by DESIGN.md ("Progress method") and explained to users in docs/methodology.md;
the decisions where DESIGN.md is silent are listed in `rules`. Two implementations are tested against
each other: `series.assess` (one series, written to be read: the reference) and
`vectorised.assess_all` (every series of a store at once; `window` chooses a view's rows, breaks in
series included). `rollup` rolls statuses up per action,
theme and level. Plain data in, plain data out: no Streamlit, no database.
"""
from .rules import (
    ACCELERATION_NEEDED, ACHIEVED, ACHIEVED_SCORE, DEFAULT_METHOD, DETERIORATION, EPS, EUROSTAT_LABELS,
    EUROSTAT_TARGET_LABELS, GROWTH_CUTS, GROWTH_SCORE_POINTS, LIMITED_PROGRESS, METHODS, NOT_ASSESSED, ON_TRACK,
    RATIO_CUTS, RATIO_SCORE_POINTS, REASONS, SAME_LEVEL_MISSED_SCORE, SCORE_CUTS, STATUSES, ZERO_REPLACEMENT,
    cagr, period_text, period_year, score_from_growth, score_from_ratio, status_from_growth, status_from_ratio,
    status_from_score)
from .series import (
    Assessment, annual_series, assess)
from .vectorised import (
    ASSESSED_COLUMNS, assess_all)
from .rollup import (
    COUNT_COLUMNS, JSON_ACTION_FIELDS, JSON_INDICATOR_FIELDS, progress_json, rollup_actions, rollup_groups)
