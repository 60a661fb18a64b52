"""Progress of indicators towards their targets, and roll-ups per action, theme and level.

The method is fixed by DESIGN.md ("Progress method") and explained to users in
docs/methodology.md. Two implementations live here and are tested against each other:

- `assess` takes one series (one indicator in one territory) and is written to be read:
  it is the reference for the method;
- `assess_all` does the same for every indicator × territory of a store at once, with
  numpy group arithmetic (sorting, run boundaries, `bincount`), because a store of
  1.5 million observations must be assessed in well under a second.

Everything is plain data in, plain data out: no Streamlit, no database.

Decisions where DESIGN.md is silent (all documented in docs/methodology.md):

- Series whose base is negative follow Open SDG's `sign`: growth is multiplied by −1, so a
  negative value that rises towards zero counts as an increase. A zero target is replaced by
  0.001 with the sign of the base.
- `achieved` takes precedence over every other case: a latest value at or past the target
  (the target as written, before any zero replacement) is achieved, even with one point.
- A target equal to its baseline asks to keep the level: a latest value worse than it is
  `deterioration` (score −5; the ratio is not defined).
- Measures within 1e-9 of a threshold count as reaching it (floating-point noise: 100.5/100 − 1
  is 0.004999999999999893 in binary arithmetic, yet it is 0.5 %).
  Such a measure also scores as if exactly on the threshold (0, not −5.3e-14), and a mean score
  within 1e-9 of a score cut is that cut (`snap`).
- `projected_value` exists only with a target period (there is no date to read the line at
  otherwise); `trend_slope` and `trend_at_base` give the line itself for charts.
- A view's period (`from`/`to`) keeps a target's baseline as the base, so a break in series after
  it and not after `to` counts even before `from` (its value is then the base); without a target the
  base is the first value from `from` on, and an earlier break is before it (`window`).
"""
from __future__ import annotations

import math
from typing import Any, Sequence

import numpy as np

# --------------------------------------------------------------------------- constants

STATUSES: tuple[str, ...] = (
    "achieved",
    "on_track",
    "acceleration_needed",
    "limited_progress",
    "deterioration",
    "not_assessed",
)
ACHIEVED, ON_TRACK, ACCELERATION_NEEDED, LIMITED_PROGRESS, DETERIORATION, NOT_ASSESSED = STATUSES
_STATUS_CODE = {s: i for i, s in enumerate(STATUSES)}

METHODS: tuple[str, ...] = ("opensdg", "eurostat")
DEFAULT_METHOD = "opensdg"

# Names Eurostat gives to the four codes when there is no target (what the interface shows
# with method=eurostat), and with a quantified target.
EUROSTAT_LABELS: dict[str, str] = {
    ON_TRACK: "significant progress",
    ACCELERATION_NEEDED: "moderate progress",
    LIMITED_PROGRESS: "moderate movement away",
    DETERIORATION: "significant movement away",
}
EUROSTAT_TARGET_LABELS: dict[str, str] = {
    ON_TRACK: "significant progress towards the target",
    ACCELERATION_NEEDED: "moderate progress towards the target",
    LIMITED_PROGRESS: "insufficient progress towards the target",
    DETERIORATION: "movement away from the target",
}

# Cuts (on_track, acceleration_needed, limited_progress) from the top: a value at or above the
# first cut is on_track, and so on; below the last cut is deterioration.
RATIO_CUTS: tuple[float, float, float] = (0.95, 0.60, 0.0)          # both methods
GROWTH_CUTS: dict[str, tuple[float, float, float]] = {
    "opensdg": (0.015, 0.005, 0.0),
    "eurostat": (0.01, 0.0, -0.01),
}
SCORE_CUTS: tuple[float, float, float] = (2.5, 0.0, -2.5)          # roll-ups, both methods

# Piecewise-linear score, clamped at both ends (Open SDG; the same for both methods).
RATIO_SCORE_POINTS: tuple[tuple[float, ...], tuple[float, ...]] = (
    (-0.60, 0.0, 0.60, 0.95, 1.30), (-5.0, -2.5, 0.0, 2.5, 5.0))
GROWTH_SCORE_POINTS: tuple[tuple[float, ...], tuple[float, ...]] = (
    (-0.02, 0.0, 0.005, 0.015, 0.02), (-5.0, -2.5, 0.0, 2.5, 5.0))
ACHIEVED_SCORE = 5.0
SAME_LEVEL_MISSED_SCORE = -5.0   # target equal to its baseline and the latest value is worse

ZERO_REPLACEMENT = 0.001
EPS = 1e-9                       # measures within EPS of a threshold reach it

# Why a series is not assessed, in the order they are checked.
REASONS: tuple[str, ...] = (
    "no_data",               # no value at all
    "no_direction",          # the indicator's direction is unknown (not increase/decrease)
    "latest_before_base",    # the latest value is older than the baseline of the target row
    "too_few_years",         # base and latest value in the same year
    "opposite_signs",        # base and latest value of opposite sign: no growth rate
    "target_before_base",    # target period not after the base year
    "target_opposite_sign",  # target and base of opposite sign: no required growth rate
    "target_wrong_side",     # the target lies behind the base for the indicator's direction
    "break_in_series",       # fewer than two years since the latest break in series (flag b)
)
_REASON_CODE = {r: i + 1 for i, r in enumerate(REASONS)}   # 0 = no reason (assessed)
_DIRECTIONS = {"increase": 1, "decrease": -1}


# --------------------------------------------------------------------------- small functions

def _check_method(method: str) -> str:
    if method not in METHODS:
        raise ValueError(f"unknown progress method {method!r}; expected one of {', '.join(METHODS)}")
    return method


def _is_number(x: Any) -> bool:
    if x is None or isinstance(x, bool):
        return False
    try:
        return math.isfinite(float(x))
    except (TypeError, ValueError):
        return False


def period_text(period: Any) -> str | None:
    """A period as text (`2015`, `2015-Q3`, `2015-07`); integral numbers become `YYYY`."""
    if period is None:
        return None
    if isinstance(period, float):
        if not math.isfinite(period):
            return None
        if period.is_integer():
            return str(int(period))
    if isinstance(period, (int, np.integer)) and not isinstance(period, bool):
        return str(int(period))
    text = str(period)
    return text if text and text.lower() not in ("nan", "none", "<na>") else None


def period_year(period: Any) -> int | None:
    """The year of a period: its first four characters (`2015-Q3` → 2015), None if not a year."""
    text = period_text(period)
    if text is None or len(text) < 4 or not text[:4].isdigit():
        return None
    return int(text[:4])


def cagr(v1: float, v0: float, t1: float, t0: float) -> float:
    """Compound annual growth rate `(v1/v0)^(1/(t1−t0)) − 1`, NaN where it is not defined.

    This is the bare formula: the zero replacement and the sign rule of the method are applied
    by `assess`, not here.
    """
    try:
        ratio = v1 / v0
        if t1 == t0 or ratio < 0 or not math.isfinite(ratio):
            return math.nan
        return ratio ** (1.0 / (t1 - t0)) - 1.0
    except (ZeroDivisionError, OverflowError, TypeError):
        return math.nan


def _status_from_cuts(x: float | None, cuts: Sequence[float]) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return NOT_ASSESSED
    high, med, low = cuts
    if x >= high - EPS:
        return ON_TRACK
    if x >= med - EPS:
        return ACCELERATION_NEEDED
    if x >= low - EPS:
        return LIMITED_PROGRESS
    return DETERIORATION


def status_from_ratio(ratio: float | None, method: str = DEFAULT_METHOD) -> str:
    """Status of a ratio R of observed to required growth (the same cuts for both methods)."""
    _check_method(method)
    return _status_from_cuts(ratio, RATIO_CUTS)


def status_from_growth(growth: float | None, method: str = DEFAULT_METHOD) -> str:
    """Status of a growth rate g in the desired direction (a fraction: 0.015 is 1.5 %)."""
    return _status_from_cuts(growth, GROWTH_CUTS[_check_method(method)])


def status_from_score(score: float | None) -> str:
    """Status of a mean score in a roll-up (≥ 2.5, [0, 2.5), [−2.5, 0), < −2.5)."""
    return _status_from_cuts(score, SCORE_CUTS)


def snap(x: float, points: Sequence[float]) -> float:
    """`x`, or the point of `points` it lies within EPS of: a measure that reaches a threshold as its
    status says (0.004999999999999893 is 0.5 %) sits exactly on it, so its score is the point's own
    (0, not −5.3e-14)."""
    for point in points:
        if abs(x - point) < EPS:
            return float(point)
    return x


def snap_array(x: np.ndarray, points: Sequence[float]) -> np.ndarray:
    """`snap` for every value of an array (NaN stays NaN)."""
    x = np.asarray(x, dtype=np.float64)
    for point in points:
        x = np.where(np.abs(x - point) < EPS, point, x)
    return x


def _piecewise(x: float, points: tuple[tuple[float, ...], tuple[float, ...]]) -> float:
    xs, ys = points
    x = snap(x, xs)
    if x <= xs[0]:
        return ys[0]
    if x >= xs[-1]:
        return ys[-1]
    for (x0, x1), (y0, y1) in zip(zip(xs, xs[1:]), zip(ys, ys[1:])):
        if x0 <= x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return math.nan  # NaN input


def score_from_ratio(ratio: float | None) -> float | None:
    """Score −5…+5 of a ratio R: −0.60 → −5, 0 → −2.5, 0.60 → 0, 0.95 → 2.5, 1.30 → 5 (clamped)."""
    if ratio is None or math.isnan(ratio):
        return None
    return _piecewise(float(ratio), RATIO_SCORE_POINTS)


def score_from_growth(growth: float | None) -> float | None:
    """Score −5…+5 of a growth g: −2 % → −5, 0 → −2.5, 0.5 % → 0, 1.5 % → 2.5, 2 % → 5 (clamped)."""
    if growth is None or math.isnan(growth):
        return None
    return _piecewise(float(growth), GROWTH_SCORE_POINTS)


