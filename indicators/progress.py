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
- `projected_value` exists only with a target period (there is no date to read the line at
  otherwise); `trend_slope` and `trend_at_base` give the line itself for charts.
"""
from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

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


def _piecewise(x: float, points: tuple[tuple[float, ...], tuple[float, ...]]) -> float:
    xs, ys = points
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


# --------------------------------------------------------------------------- one series

@dataclass(frozen=True)
class Assessment:
    """The progress of one indicator in one territory."""

    status: str
    score: float | None = None
    ratio: float | None = None            # R, with a target
    cagr: float | None = None             # observed CAGR from base to latest, a fraction
    required_cagr: float | None = None    # CAGR needed from base to target
    growth: float | None = None           # g = sign · d · CAGR
    base_period: str | None = None
    base_value: float | None = None
    latest_period: str | None = None
    latest_value: float | None = None
    target_period: str | None = None
    target_value: float | None = None
    projected_value: float | None = None  # trend line read at the target period
    expected_value: float | None = None   # target path read at the latest period
    milestone_status: str | None = None
    reason: str | None = None             # why not_assessed; None when assessed
    trend_slope: float | None = None      # least-squares line: change per year
    trend_at_base: float | None = None    # least-squares line: value at the base year
    method: str = DEFAULT_METHOD

    def __post_init__(self):
        # "Not defined" is None, never NaN (inf/inf and the like), so that results compare and
        # serialise plainly.
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, float) and math.isnan(value):
                object.__setattr__(self, f.name, None)


def annual_series(periods: Iterable[Any], values: Iterable[Any]) -> list[tuple[int, float]]:
    """(year, value) pairs, one per year, sorted by year.

    Values that are missing (None, NaN) or whose period has no year are dropped. Several values
    for one period are averaged first; then the periods of one year (quarters, months) are
    averaged into the annual value.
    """
    per_period: dict[str, list[float]] = {}
    for period, value in zip(periods, values):
        if not _is_number(value):
            continue
        text = period_text(period)
        if text is None or period_year(text) is None:
            continue
        per_period.setdefault(text, []).append(float(value))
    per_year: dict[int, list[float]] = {}
    for text, vals in per_period.items():
        per_year.setdefault(period_year(text), []).append(sum(vals) / len(vals))
    return [(year, sum(means) / len(means)) for year, means in sorted(per_year.items())]


def _target_fields(target: Mapping[str, Any] | None, prefix: str) -> tuple[str | None, int | None, float | None]:
    """(period text, year, value) of `<prefix>_period` / `<prefix>_value`, Nones when incomplete."""
    if target is None:
        return None, None, None
    period = period_text(target.get(f"{prefix}_period"))
    year = period_year(period)
    value = target.get(f"{prefix}_value")
    if year is None or not _is_number(value):
        return None, None, None
    return period, year, float(value)


@dataclass(frozen=True)
class _Judgement:
    status: str
    score: float | None
    ratio: float | None
    cagr: float | None
    required_cagr: float | None
    growth: float | None
    expected_value: float | None
    reason: str | None


def _pow(x: float, y: float) -> float:
    """x ** y for x ≥ 0, with numpy's answers where Python raises (overflow, 0 ** −n)."""
    if x < 0:
        return math.nan
    try:
        return x ** y
    except (OverflowError, ZeroDivisionError):
        return math.inf


def _opposite(a: float, b: float) -> bool:
    """Opposite signs (zero has no sign). Compared by sign, as a product can underflow to 0."""
    return (a > 0 and b < 0) or (a < 0 and b > 0)


def _judge(base_year: int, base_value: float, latest_year: int, latest_value: float, d: int,
           target_year: int | None, target_value: float | None, method: str) -> _Judgement:
    """The method of DESIGN.md for one base, one latest value and at most one target."""
    has_target = target_year is not None
    b0 = base_value if base_value != 0 else ZERO_REPLACEMENT
    sign = -1 if b0 < 0 else 1

    # Observed growth: needs two distinct years in order and no change of sign.
    observed = None
    if latest_year > base_year and not _opposite(b0, latest_value):
        observed = _pow(latest_value / b0, 1.0 / (latest_year - base_year)) - 1.0
    growth = None if observed is None else sign * d * observed

    # Required growth: a target after the base, of the same sign as the base.
    required = None
    wrong_side = False
    t0 = None
    if has_target:
        t0 = target_value if target_value != 0 else ZERO_REPLACEMENT * sign
        if target_year > base_year and not _opposite(t0, b0):
            required = _pow(t0 / b0, 1.0 / (target_year - base_year)) - 1.0
            wrong_side = d * (t0 - b0) < 0
    expected = None if required is None else b0 * _pow(1.0 + required, latest_year - base_year)
    ratio = None
    if observed is not None and required is not None and required != 0 and not wrong_side:
        ratio = sign * d * observed / abs(required)

    def not_assessed(reason: str) -> _Judgement:
        return _Judgement(NOT_ASSESSED, None, ratio, observed, required, growth, expected, reason)

    if has_target and d * (latest_value - target_value) >= 0:
        return _Judgement(ACHIEVED, ACHIEVED_SCORE, ratio, observed, required, growth, expected, None)
    if latest_year < base_year:
        return not_assessed("latest_before_base")
    if latest_year == base_year:
        return not_assessed("too_few_years")
    if observed is None:
        return not_assessed("opposite_signs")
    if has_target:
        if target_year <= base_year:
            return not_assessed("target_before_base")
        if required is None:
            return not_assessed("target_opposite_sign")
        if wrong_side:
            return not_assessed("target_wrong_side")
        if required == 0:   # keep the level of the baseline, and the latest value is worse
            return _Judgement(DETERIORATION, SAME_LEVEL_MISSED_SCORE, None, observed, required, growth,
                              expected, None)
        return _Judgement(status_from_ratio(ratio, method), score_from_ratio(ratio), ratio, observed,
                          required, growth, expected, None)
    return _Judgement(status_from_growth(growth, method), score_from_growth(growth), None, observed,
                      None, growth, None, None)


def _trend(points: list[tuple[int, float]], base_year: int) -> tuple[float, float] | None:
    """Least-squares line through points (year, value), as (slope per year, value at base year)."""
    if len({y for y, _ in points}) < 2:
        return None
    n = len(points)
    sx = sum(y - base_year for y, _ in points)
    sy = sum(v for _, v in points)
    sxx = sum((y - base_year) ** 2 for y, _ in points)
    sxy = sum((y - base_year) * v for y, v in points)
    slope = (n * sxy - sx * sy) / (n * sxx - sx * sx)
    return slope, (sy - slope * sx) / n


def assess(periods: Sequence[Any], values: Sequence[Any], direction: str,
           target: Mapping[str, Any] | None = None, method: str = DEFAULT_METHOD,
           flags: Sequence[Any] | None = None) -> Assessment:
    """Assess one series of one indicator in one territory.

    periods: `YYYY`, `YYYY-Qn` or `YYYY-MM`; values: numbers (None/NaN = no value).
    direction: "increase" or "decrease". target: a mapping with baseline_period, baseline_value,
    target_period, target_value and optionally milestone_period, milestone_value (or None).
    flags: the observations' flags; a `b` after the base restarts the series there.
    """
    _check_method(method)
    if flags is not None:
        from indicators.breaks import after_breaks

        series = pd.DataFrame({"indicator_id": "i", "territory_id": "t", "period": list(periods),
                               "value": list(values), "flag": list(flags)})
        targets = pd.DataFrame([{**target, "indicator_id": "i", "territory_id": "t"}]) if target else None
        kept, moved, breaks = after_breaks(series, targets)
        if not breaks.empty:
            result = assess(kept["period"].tolist(), kept["value"].tolist(), direction,
                            moved.iloc[0].to_dict() if moved is not None else None, method)
            if result.reason == "too_few_years":
                result = dataclasses.replace(result, reason="break_in_series")
            return result
    series = annual_series(periods, values)
    t_period, t_year, t_value = _target_fields(target, "target")
    m_period, m_year, m_value = _target_fields(target, "milestone")
    b_period, b_year, b_value = _target_fields(target, "baseline")
    common = dict(target_period=t_period, target_value=t_value, method=method,
                  milestone_status=None if m_year is None else NOT_ASSESSED)
    if not series:
        return Assessment(NOT_ASSESSED, reason="no_data", **common)

    if b_year is not None:
        base_year, base_value, base_period = b_year, b_value, b_period
    else:
        base_year, base_value = series[0]
        base_period = str(base_year)
    latest_year, latest_value = series[-1]

    later = [(y, v) for y, v in series if y > base_year]
    line = _trend([(base_year, base_value)] + later, base_year) if later else None
    projected = None
    if line is not None and t_year is not None:
        projected = line[1] + line[0] * (t_year - base_year)

    common.update(base_period=base_period, base_value=base_value, latest_period=str(latest_year),
                  latest_value=latest_value, projected_value=projected,
                  trend_slope=None if line is None else line[0],
                  trend_at_base=None if line is None else line[1])
    d = _DIRECTIONS.get(str(direction).strip().lower())
    if d is None:
        return Assessment(NOT_ASSESSED, reason="no_direction", **common)

    main = _judge(base_year, base_value, latest_year, latest_value, d, t_year, t_value, method)
    if m_year is not None:
        common["milestone_status"] = _judge(base_year, base_value, latest_year, latest_value, d,
                                            m_year, m_value, method).status
    return Assessment(main.status, score=main.score, ratio=main.ratio, cagr=main.cagr,
                      required_cagr=main.required_cagr, growth=main.growth,
                      expected_value=main.expected_value, reason=main.reason, **common)


# --------------------------------------------------------------------------- every series

ASSESSED_COLUMNS: tuple[str, ...] = (
    "indicator_id", "territory_id", "action_id", "headline", "status", "score", "ratio", "cagr",
    "required_cagr", "growth", "base_period", "base_value", "latest_period", "latest_value",
    "target_period", "target_value", "projected_value", "expected_value", "milestone_status",
    "reason", "trend_slope", "trend_at_base", "n_observations", "n_years", "break_period",
)


def _codes(column: pd.Series, text=str) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes and the unique values as text (object array), for one key column.

    Values that are equal as text (59350 and "59350") share one code.
    """
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy(np.int64)
        raw = column.cat.categories
    else:
        # Sorted codes: a table sorted by its key (as the store returns it) needs no sort below.
        codes, raw = pd.factorize(column, sort=True, use_na_sentinel=True)
        codes = codes.astype(np.int64, copy=False)
    names = [text(u) for u in raw]
    if any(n is None for n in names) or len(set(names)) < len(names):
        merged, uniques = pd.factorize(pd.Series(names, dtype=object), sort=True, use_na_sentinel=True)
        merged = np.append(merged.astype(np.int64), -1)          # code −1 stays −1
        codes = merged[codes]
        names = list(uniques)
    return codes, np.array(names, dtype=object)


def _runs(sorted_keys: np.ndarray) -> np.ndarray:
    """Start index of each run of equal keys in a sorted array."""
    if len(sorted_keys) == 0:
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1])))


def _run_means(values: np.ndarray, starts: np.ndarray) -> np.ndarray:
    counts = np.diff(np.append(starts, len(values)))
    return np.add.reduceat(values, starts) / counts


def _sort_if_needed(keys: np.ndarray) -> np.ndarray | None:
    if len(keys) < 2 or bool(np.all(keys[1:] >= keys[:-1])):
        return None
    return np.argsort(keys, kind="stable")


def _judge_arrays(by, bv, ly, lv, has_lv, d, ty, tv, has_t, method):
    """Vectorised `_judge`: arrays in, (status code, score, ratio, cagr, required, growth,
    expected, reason code) out. Same order of checks as `_judge`."""
    n = len(by)
    nan = np.full(n, np.nan)
    with np.errstate(all="ignore"):
        b0 = np.where(bv == 0, ZERO_REPLACEMENT, bv)
        sign = np.where(b0 < 0, -1.0, 1.0)
        span = (ly - by).astype(np.float64)
        obs_ok = has_lv & (span >= 1) & ~(((b0 > 0) & (lv < 0)) | ((b0 < 0) & (lv > 0)))
        observed = np.where(obs_ok, np.power(lv / b0, 1.0 / np.where(obs_ok, span, 1.0)) - 1.0, nan)
        growth = sign * d * observed

        t0 = np.where(tv == 0, ZERO_REPLACEMENT * sign, tv)
        tspan = (ty - by).astype(np.float64)
        req_ok = has_t & (tspan >= 1) & ~(((b0 > 0) & (t0 < 0)) | ((b0 < 0) & (t0 > 0)))
        required = np.where(req_ok, np.power(t0 / b0, 1.0 / np.where(req_ok, tspan, 1.0)) - 1.0, nan)
        wrong = req_ok & (d * (t0 - b0) < 0)
        expected = np.where(req_ok & has_lv, b0 * np.power(1.0 + required, ly - by), nan)
        ratio_ok = obs_ok & req_ok & ~wrong & (required != 0)
        ratio = np.where(ratio_ok, sign * d * observed / np.abs(required), nan)

        g_cuts = GROWTH_CUTS[method]

        def by_cuts(x, cuts):
            high, med, low = cuts
            return np.select([x >= high - EPS, x >= med - EPS, x >= low - EPS],
                             [_STATUS_CODE[ON_TRACK], _STATUS_CODE[ACCELERATION_NEEDED],
                              _STATUS_CODE[LIMITED_PROGRESS]], _STATUS_CODE[DETERIORATION])

        ratio_status = by_cuts(ratio, RATIO_CUTS)
        growth_status = by_cuts(growth, g_cuts)
        ratio_score = np.interp(ratio, *RATIO_SCORE_POINTS)
        growth_score = np.interp(growth, *GROWTH_SCORE_POINTS)
        achieved = has_t & has_lv & (d != 0) & (d * (lv - tv) >= 0)

    na = _STATUS_CODE[NOT_ASSESSED]
    conditions = [
        ~has_lv,
        d == 0,
        achieved,
        ly < by,
        ly == by,
        ~obs_ok,
        has_t & (tspan < 1),
        has_t & ~req_ok,
        has_t & wrong,
        has_t & (required == 0),
        has_t,
    ]
    status = np.select(conditions, [na, na, _STATUS_CODE[ACHIEVED], na, na, na, na, na, na,
                                    _STATUS_CODE[DETERIORATION], ratio_status], growth_status)
    reason = np.select(conditions[:2] + conditions[3:9],
                       [_REASON_CODE[r] for r in REASONS[:8]], 0)   # break_in_series: set by assess_all
    reason = np.where(achieved & (d != 0) & has_lv, 0, reason)
    score = np.select([status == na, achieved, has_t & (required == 0), has_t],
                      [nan, ACHIEVED_SCORE, SAME_LEVEL_MISSED_SCORE, ratio_score], growth_score)
    nothing = ~has_lv | (d == 0)   # as `assess`: nothing is computed without data or direction
    for arr in (ratio, observed, required, growth, expected):
        arr[nothing] = np.nan
    return status.astype(np.int8), score, ratio, observed, required, growth, expected, reason


def _periods_of(raw: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Period texts, years and "has a year" flags of an array of periods (computed once per value)."""
    codes, uniques = pd.factorize(pd.Series(raw, dtype=object), use_na_sentinel=True)
    texts = [period_text(u) for u in uniques]
    years = [period_year(t) for t in texts]
    u_text = np.array(texts + [None], dtype=object)
    u_year = np.array([y if y is not None else 0 for y in years] + [0], dtype=np.int64)
    u_ok = np.array([y is not None for y in years] + [False], dtype=bool)
    return u_text[codes], u_year[codes], u_ok[codes]


def _text_of_ints(values: np.ndarray, valid: np.ndarray) -> np.ndarray:
    out = np.full(len(values), None, dtype=object)
    if valid.any():
        uniq, inverse = np.unique(values[valid], return_inverse=True)
        out[valid] = np.array([str(int(u)) for u in uniq], dtype=object)[inverse]
    return out


def assess_all(observations: pd.DataFrame, indicators: pd.DataFrame, targets: pd.DataFrame | None = None,
               method: str = DEFAULT_METHOD) -> pd.DataFrame:
    """Assess every indicator × territory that has observations, each series from its latest break
    in series (flag `b`) after the base onward; `break_period` names that break (else None)."""
    from indicators.breaks import after_breaks

    obs, tgt, breaks = after_breaks(observations, targets)
    out = _assess_all(obs, indicators, tgt, method)
    if breaks.empty or out.empty:
        return out.assign(break_period=None)
    key = pd.MultiIndex.from_arrays([out["indicator_id"].astype(str), out["territory_id"].astype(str)])
    where = pd.MultiIndex.from_frame(breaks[["indicator_id", "territory_id"]])
    found = where.get_indexer(key)
    out["break_period"] = np.where(found >= 0, breaks["break_period"].to_numpy(dtype=object)[found], None)
    short = (found >= 0) & (out["reason"] == "too_few_years").to_numpy()
    out.loc[short, "reason"] = "break_in_series"
    return out


def _assess_all(observations: pd.DataFrame, indicators: pd.DataFrame, targets: pd.DataFrame | None = None,
                method: str = DEFAULT_METHOD) -> pd.DataFrame:
    """Assess every indicator × territory that has observations (same results as `assess`).

    observations: indicator_id, territory_id, period, value. indicators: indicator_id, action_id,
    direction (other columns ignored). targets: the targets table (may be empty or None).
    Returns one row per indicator × territory with the columns of `ASSESSED_COLUMNS`.
    """
    _check_method(method)
    obs = observations
    if obs is None or len(obs) == 0:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in ASSESSED_COLUMNS})

    ind_codes, ind_names = _codes(obs["indicator_id"])
    ter_codes, ter_names = _codes(obs["territory_id"])
    per_codes, per_names = _codes(obs["period"], text=period_text)
    n_ter = max(len(ter_names), 1)
    values = pd.to_numeric(obs["value"], errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)

    per_years = np.array([period_year(p) if p is not None else None for p in per_names], dtype=object)
    per_year_ok = np.array([y is not None for y in per_years], dtype=bool)
    per_year = np.array([y if y is not None else 0 for y in per_years], dtype=np.int64)

    keyed = (ind_codes >= 0) & (ter_codes >= 0)
    group = np.where(keyed, ind_codes * n_ter + ter_codes, -1)

    # Every indicator × territory with at least one row is reported, even without a value.
    n_keys = len(ind_names) * n_ter
    dense = n_keys <= 4 * len(group) + 1_000_000
    if dense:
        present = np.flatnonzero(np.bincount(group[keyed], minlength=n_keys))
        compact = np.full(n_keys, -1, dtype=np.int64)
        compact[present] = np.arange(len(present))
    else:
        present = np.unique(group[keyed])
    n_groups = len(present)

    # Rows that carry a value with a year.
    usable = keyed & (per_codes >= 0) & ~np.isnan(values)
    usable &= per_year_ok[np.where(per_codes >= 0, per_codes, 0)]
    g_rows = compact[group[usable]] if dense else np.searchsorted(present, group[usable])
    p_rows = per_codes[usable]
    y_rows = per_year[p_rows]
    v_rows = values[usable]
    n_obs = np.bincount(g_rows, minlength=n_groups)

    # Annual values: mean per period (duplicates), then mean per year (quarters, months).
    if len(v_rows):
        y_min = int(y_rows.min())
        n_y = int(y_rows.max()) - y_min + 1
        subannual = any(p is not None and len(p) > 4 for p in per_names)
        gy = g_rows * n_y + (y_rows - y_min)
        if subannual:
            n_p = len(per_names)
            key = gy * n_p + p_rows
            order = _sort_if_needed(key)
            if order is not None:
                key, v_sorted = key[order], v_rows[order]
            else:
                v_sorted = v_rows
            starts = _runs(key)
            period_means = _run_means(v_sorted, starts)
            gy_p = key[starts] // n_p
            ystarts = _runs(gy_p)
            annual_v = _run_means(period_means, ystarts)
            annual_key = gy_p[ystarts]
        else:
            order = _sort_if_needed(gy)
            if order is not None:
                key, v_sorted = gy[order], v_rows[order]
            else:
                key, v_sorted = gy, v_rows
            starts = _runs(key)
            annual_v = v_sorted[starts] if len(starts) == len(key) else _run_means(v_sorted, starts)
            annual_key = key[starts]
        annual_g = annual_key // n_y
        annual_y = annual_key % n_y + y_min
    else:
        annual_g = np.zeros(0, np.int64)
        annual_y = np.zeros(0, np.int64)
        annual_v = np.zeros(0, np.float64)

    gstarts = _runs(annual_g)
    gends = np.append(gstarts[1:], len(annual_g))[:len(gstarts)] - 1
    has_lv = np.zeros(n_groups, dtype=bool)
    with_data = annual_g[gstarts]
    has_lv[with_data] = True
    n_years = np.zeros(n_groups, dtype=np.int64)
    n_years[with_data] = gends - gstarts + 1
    first_y = np.zeros(n_groups, np.int64)
    first_v = np.full(n_groups, np.nan)
    last_y = np.zeros(n_groups, np.int64)
    last_v = np.full(n_groups, np.nan)
    first_y[with_data] = annual_y[gstarts]
    first_v[with_data] = annual_v[gstarts]
    last_y[with_data] = annual_y[gends]
    last_v[with_data] = annual_v[gends]

    g_ind = present // n_ter
    g_ter = present % n_ter

    # Directions and actions per indicator.
    ind_frame = indicators[~indicators["indicator_id"].astype(str).duplicated()] if len(indicators) else indicators
    ind_lookup = pd.Index(ind_frame["indicator_id"].astype(str)) if len(ind_frame) else pd.Index([])
    pos = ind_lookup.get_indexer(ind_names) if len(ind_lookup) else np.full(len(ind_names), -1)
    dir_text = (ind_frame["direction"].astype(str).str.strip().str.lower().to_numpy(dtype=object)
                if len(ind_frame) else np.zeros(0, dtype=object))
    act_text = (ind_frame["action_id"].map(lambda a: None if a is None or a is pd.NA or
                                           (isinstance(a, float) and math.isnan(a)) else str(a))
                .to_numpy(dtype=object) if len(ind_frame) else np.zeros(0, dtype=object))
    d_ind = np.array([_DIRECTIONS.get(dir_text[p], 0) if p >= 0 else 0 for p in pos], dtype=np.int64)
    a_ind = np.array([act_text[p] if p >= 0 else None for p in pos], dtype=object)
    d = d_ind[g_ind].astype(np.float64)

    # Target rows per group (the first row for a key), and the headline target rows.
    t_has = np.zeros(n_groups, bool)
    fields = {k: np.full(n_groups, None, dtype=object) for k in ("baseline_period", "target_period",
                                                                 "milestone_period")}
    field_years = {k: (np.zeros(n_groups, np.int64), np.zeros(n_groups, bool)) for k in fields}
    nums = {k: np.full(n_groups, np.nan) for k in ("baseline_value", "target_value", "milestone_value")}
    headline_group = np.full(len(ind_names), -1, dtype=np.int64)
    has_target_rows = np.zeros(len(ind_names), dtype=bool)
    if targets is not None and len(targets):
        ti = pd.Index(ind_names).get_indexer(targets["indicator_id"].astype(str))
        tt = pd.Index(ter_names).get_indexer(targets["territory_id"].astype(str))
        has_target_rows[np.unique(ti[ti >= 0])] = True
        tkey = np.where((ti >= 0) & (tt >= 0), ti * n_ter + tt, -1)
        gpos = np.minimum(np.searchsorted(present, tkey), max(n_groups - 1, 0))
        ok = (tkey >= 0) & (present[gpos] == tkey) if n_groups else np.zeros(len(tkey), bool)
        rows = np.flatnonzero(ok)
        # The first target row of each indicator × territory, in table order.
        gidx, first = np.unique(gpos[rows], return_index=True)
        ridx = rows[first]
        t_has[gidx] = True
        for k in fields:
            if k in targets.columns:
                texts, yrs, ok_years = _periods_of(targets[k].to_numpy(dtype=object)[ridx])
                fields[k][gidx] = texts
                field_years[k][0][gidx] = yrs
                field_years[k][1][gidx] = ok_years
        for k in nums:
            if k in targets.columns:
                nums[k][gidx] = pd.to_numeric(targets[k], errors="coerce").to_numpy(
                    dtype=np.float64, na_value=np.nan)[ridx]
        # Headline: the first target row (table order) whose territory has values.
        with_values = rows[n_obs[gpos[rows]] > 0]
        inds, first = np.unique(ti[with_values], return_index=True)
        headline_group[inds] = gpos[with_values[first]]

    bl_y, bl_ok = field_years["baseline_period"]
    tg_y, tg_ok = field_years["target_period"]
    ms_y, ms_ok = field_years["milestone_period"]
    baseline = t_has & bl_ok & np.isfinite(nums["baseline_value"])
    has_t = t_has & tg_ok & np.isfinite(nums["target_value"])
    has_m = t_has & ms_ok & np.isfinite(nums["milestone_value"])

    by = np.where(baseline, bl_y, first_y)
    bv = np.where(baseline, nums["baseline_value"], first_v)
    tv = np.where(has_t, nums["target_value"], np.nan)
    mv = np.where(has_m, nums["milestone_value"], np.nan)

    status, score, ratio, observed, required, growth, expected, reason = _judge_arrays(
        by, bv, last_y, last_v, has_lv, d, tg_y, tv, has_t, method)
    m_status = _judge_arrays(by, bv, last_y, last_v, has_lv, d, ms_y, mv, has_m, method)[0]

    # Least squares through the base point and the later annual values.
    with np.errstate(all="ignore"):
        if len(annual_g):
            x = (annual_y - by[annual_g]).astype(np.float64)
            later = x > 0
            gl = annual_g[later]
            xl = x[later]
            vl = annual_v[later]
            n_later = np.bincount(gl, minlength=n_groups).astype(np.float64)
            sx = np.bincount(gl, weights=xl, minlength=n_groups)
            sy = np.bincount(gl, weights=vl, minlength=n_groups)
            sxx = np.bincount(gl, weights=xl * xl, minlength=n_groups)
            sxy = np.bincount(gl, weights=xl * vl, minlength=n_groups)
        else:
            n_later = sx = sy = sxx = sxy = np.zeros(n_groups)
        fit = has_lv & (n_later > 0)
        n = n_later + 1.0
        sy = sy + np.where(fit, bv, 0.0)
        slope = np.where(fit, (n * sxy - sx * sy) / (n * sxx - sx * sx), np.nan)
        at_base = np.where(fit, (sy - slope * sx) / n, np.nan)
        projected = np.where(fit & has_t, at_base + slope * (tg_y - by), np.nan)

    # Headline without a target row: most values, ties to the smallest territory code.
    no_target = ~has_target_rows & (headline_group < 0)
    if no_target.any() and n_groups:
        ter_rank = np.empty(len(ter_names), dtype=np.int64)
        ter_rank[np.argsort(ter_names.astype(str), kind="stable")] = np.arange(len(ter_names))
        candidates = np.flatnonzero(no_target[g_ind] & (n_obs > 0))
        if len(candidates):
            order = np.lexsort((ter_rank[g_ter[candidates]], -n_obs[candidates], g_ind[candidates]))
            ranked = candidates[order]
            first = _runs(g_ind[ranked])
            headline_group[g_ind[ranked[first]]] = ranked[first]
    headline = np.zeros(n_groups, dtype=bool)
    headline[headline_group[headline_group >= 0]] = True

    status_names = np.array(STATUSES, dtype=object)
    reason_names = np.array((None,) + REASONS, dtype=object)
    m_names = status_names[m_status]
    m_names[~has_m] = None
    target_period = fields["target_period"].copy()
    target_period[~has_t] = None
    base_period = np.where(baseline, fields["baseline_period"], _text_of_ints(first_y, has_lv))
    base_period[~has_lv] = None
    bv_out = np.where(has_lv, bv, np.nan)

    out = pd.DataFrame({
        "indicator_id": ind_names[g_ind],
        "territory_id": ter_names[g_ter],
        "action_id": a_ind[g_ind],
        "headline": headline,
        "status": status_names[status],
        "score": score,
        "ratio": ratio,
        "cagr": observed,
        "required_cagr": required,
        "growth": growth,
        "base_period": base_period,
        "base_value": bv_out,
        "latest_period": _text_of_ints(last_y, has_lv),
        "latest_value": last_v,
        "target_period": target_period,
        "target_value": tv,
        "projected_value": projected,
        "expected_value": expected,
        "milestone_status": m_names,
        "reason": reason_names[reason],
        "trend_slope": slope,
        "trend_at_base": at_base,
        "n_observations": n_obs,
        "n_years": n_years,
    }, columns=list(ASSESSED_COLUMNS))
    return out


# --------------------------------------------------------------------------- roll-ups

COUNT_COLUMNS: tuple[str, ...] = tuple(f"n_{s}" for s in STATUSES)


def _status_counts(status: pd.Series, by: pd.Series) -> pd.DataFrame:
    counts = pd.crosstab(by, pd.Categorical(status, categories=list(STATUSES)), dropna=False)
    counts = counts.reindex(columns=list(STATUSES), fill_value=0)
    counts.columns = list(COUNT_COLUMNS)
    return counts


def rollup_actions(assessed: pd.DataFrame, indicators: pd.DataFrame, actions: pd.DataFrame | None = None,
                   exclude_types: Iterable[str] = ()) -> pd.DataFrame:
    """Status of every strategic action from its indicators' headline entries.

    score = mean score of the indicators whose headline entry is assessed; status from that score
    (≥ 2.5 on_track, [0, 2.5) acceleration_needed, [−2.5, 0) limited_progress, < −2.5
    deterioration); `achieved` only when every indicator of the action is achieved;
    `not_assessed` when none is assessed. `indicators` lists the ids rolled up (assessed ones);
    `n_<status>` count the action's indicators by status (an indicator without a headline
    entry counts as not_assessed). With `actions`, every action of that table is reported.
    Context indicators never move an action (DESIGN.md): they are listed in `context`, beside it;
    `exclude_types` leaves indicators of further types out. `reason` says why an action is
    not_assessed: only_context_indicators, no_indicators or no_assessed_indicator.
    """
    ind = indicators.drop_duplicates("indicator_id")
    kinds = (ind["type"].astype("string").str.strip().str.lower().fillna("") if "type" in ind.columns
             else pd.Series("", index=ind.index))
    is_context = (kinds == "context").to_numpy()
    context = (ind.loc[is_context].assign(action_id=lambda d: d["action_id"].astype(str))
               .groupby("action_id")["indicator_id"].agg(lambda s: [str(i) for i in s]))
    ind = ind.loc[~is_context]
    exclude = {str(k).lower() for k in exclude_types}
    if exclude and "type" in ind.columns:
        ind = ind[~kinds.loc[ind.index].isin(exclude)]
    ind = pd.DataFrame({"indicator_id": ind["indicator_id"].astype(str).to_numpy(dtype=object),
                        "action_id": ind["action_id"].astype(str).to_numpy(dtype=object)})
    if len(assessed):
        head = assessed.loc[assessed["headline"].astype(bool), ["indicator_id", "status", "score"]]
        head = head.assign(indicator_id=head["indicator_id"].astype(str)).drop_duplicates("indicator_id")
    else:
        head = pd.DataFrame({"indicator_id": pd.Series(dtype=object), "status": pd.Series(dtype=object),
                             "score": pd.Series(dtype=float)})
    merged = ind.merge(head, on="indicator_id", how="left")
    merged["status"] = merged["status"].where(merged["status"].notna(), NOT_ASSESSED).astype(object)
    merged["score"] = pd.to_numeric(merged["score"], errors="coerce").astype(float)
    rated = merged["status"] != NOT_ASSESSED
    merged.loc[~rated, "score"] = np.nan

    action_ids = sorted(set(merged["action_id"]) | set(context.index) |
                        (set(actions["action_id"].astype(str)) if actions is not None and len(actions) else set()))
    grouped = merged.groupby("action_id", sort=True)
    mean = grouped["score"].mean()
    n_ind = grouped.size()
    n_ach = grouped["status"].agg(lambda s: int((s == ACHIEVED).sum()))
    ids = merged[rated].groupby("action_id")["indicator_id"].agg(list)
    counts = _status_counts(merged["status"], merged["action_id"])

    rows = []
    for a in action_ids:
        score = float(mean.get(a, np.nan)) if a in mean.index else math.nan
        total = int(n_ind.get(a, 0))
        if math.isnan(score):
            status = NOT_ASSESSED
        elif total and int(n_ach.get(a, 0)) == total:
            status = ACHIEVED
        else:
            status = status_from_score(score)
        row = {"action_id": a, "status": status, "score": score, "indicators": list(ids.get(a, []))}
        for c in COUNT_COLUMNS:
            row[c] = int(counts.at[a, c]) if a in counts.index else 0
        row["n_indicators"] = total
        row["context"] = list(context.get(a, []))
        row["reason"] = None if status != NOT_ASSESSED else (
            "no_assessed_indicator" if total else "only_context_indicators" if row["context"] else "no_indicators")
        rows.append(row)
    columns = ["action_id", "status", "score", "indicators", *COUNT_COLUMNS, "n_indicators", "context", "reason"]
    return pd.DataFrame(rows, columns=columns)


def rollup_groups(action_rollup: pd.DataFrame, actions: pd.DataFrame,
                  by: str | Sequence[str] = ("theme_id",)) -> pd.DataFrame:
    """Roll actions up per theme, per level, or per level × theme cell.

    score = mean score of the group's assessed actions; status from that mean with the action
    cuts (`achieved` when every action of the group is achieved, `not_assessed` when none is
    assessed); `n_<status>` count the group's indicators by status; `n_actions` counts actions.
    """
    keys = [by] if isinstance(by, str) else list(by)
    acts = actions.drop_duplicates("action_id")
    acts = pd.DataFrame({"action_id": acts["action_id"].astype(str).to_numpy(dtype=object),
                         **{k: acts[k].astype(str).to_numpy(dtype=object) for k in keys}})
    roll = action_rollup.drop(columns=[k for k in keys if k in action_rollup.columns])
    roll = roll.assign(action_id=roll["action_id"].astype(str))
    merged = acts.merge(roll, on="action_id", how="left")
    merged["status"] = merged["status"].where(merged["status"].notna(), NOT_ASSESSED).astype(object)
    merged["score"] = pd.to_numeric(merged["score"], errors="coerce").astype(float)
    for c in (*COUNT_COLUMNS, "n_indicators"):
        merged[c] = pd.to_numeric(merged[c], errors="coerce").fillna(0).astype(np.int64) \
            if c in merged.columns else 0
    rows = []
    for key, part in merged.groupby(keys, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        scores = part["score"].dropna()
        score = float(scores.mean()) if len(scores) else math.nan
        if not len(scores):
            status = NOT_ASSESSED
        elif bool((part["status"] == ACHIEVED).all()):
            status = ACHIEVED
        else:
            status = status_from_score(score)
        row = dict(zip(keys, key))
        row.update(status=status, score=score, n_actions=len(part), n_actions_assessed=len(scores))
        for c in (*COUNT_COLUMNS, "n_indicators"):
            row[c] = int(part[c].sum())
        rows.append(row)
    columns = [*keys, "status", "score", "n_actions", "n_actions_assessed", *COUNT_COLUMNS, "n_indicators"]
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------- JSON

JSON_INDICATOR_FIELDS: tuple[str, ...] = (
    "indicator_id", "territory_id", "headline", "status", "score", "ratio", "cagr", "base_period",
    "latest_period", "latest_value", "target_value", "projected_value", "reason")
JSON_ACTION_FIELDS: tuple[str, ...] = ("action_id", "status", "score", "indicators", "reason")


def _plain(value: Any) -> Any:
    """A JSON-ready scalar: float for numbers, None for NaN/inf/NA, bool, str."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        value = float(value)
        return value if math.isfinite(value) else None
    return str(value)


def _number(value: Any) -> float | None:
    plain = _plain(value)
    if plain is None or isinstance(plain, str):
        return None
    return float(plain)


def progress_json(assessed: pd.DataFrame, action_rollup: pd.DataFrame, method: str = DEFAULT_METHOD) -> dict:
    """The JSON document of `python -m indicators progress --format json` (DESIGN.md)."""
    _check_method(method)
    numeric = {"score", "ratio", "cagr", "latest_value", "target_value", "projected_value"}
    indicators = []
    if len(assessed):
        ordered = assessed.sort_values(["indicator_id", "territory_id"], kind="stable")
        columns = {f: ordered[f].to_numpy(dtype=object) for f in JSON_INDICATOR_FIELDS}
        for i in range(len(ordered)):
            entry = {}
            for f in JSON_INDICATOR_FIELDS:
                v = columns[f][i]
                if f in numeric:
                    entry[f] = _number(v)
                elif f == "headline":
                    entry[f] = bool(v)
                else:
                    entry[f] = _plain(v)
            indicators.append(entry)
    actions = []
    if len(action_rollup):
        for row in action_rollup.sort_values("action_id", kind="stable").itertuples(index=False):
            actions.append({"action_id": str(row.action_id), "status": str(row.status),
                            "score": _number(row.score),
                            "indicators": [str(i) for i in (row.indicators or [])],
                            "reason": _plain(getattr(row, "reason", None))})
    return {"method": method, "indicators": indicators, "actions": actions}
