"""One series (one indicator in one territory): `assess`, written to be read; it is the reference
for the method (DESIGN.md, docs/methodology.md), which `vectorised.assess_all` must match."""
from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from ..units import is_percent
from .rules import (
    ACHIEVED, ACHIEVED_SCORE, DEFAULT_METHOD, DETERIORATION, NOT_ASSESSED, SAME_LEVEL_MISSED_SCORE,
    ZERO_REPLACEMENT, _DIRECTIONS, _check_method, _is_number, period_text, period_year, score_from_growth,
    score_from_ratio, status_from_growth, status_from_ratio)

def bounded_projection(projected: Any, slope: Any, at_base: Any, base_period: Any, unit: Any
                       ) -> tuple[float | None, float | None]:
    """(value, year): the projection as every page says it. The trend line of a share (a percent unit)
    stops at 100 % or 0 %, as the validator refuses a share past them (cross_checks.value_problems): when
    it gets there before the target period, the value is the bound and `year` the (fractional) year it
    is reached; otherwise `year` is None. 132 % broadband coverage in 2030 is not a projection."""
    if not _is_number(projected):
        return None, None
    value = float(projected)
    bound = 100.0 if value > 100 else 0.0 if value < 0 else None
    start = period_year(base_period)
    if bound is None or not is_percent(unit) or not (_is_number(slope) and _is_number(at_base)) or start is None:
        return value, None
    if float(slope) == 0 or not 0 <= float(at_base) <= 100:
        return value, None
    return bound, start + (bound - float(at_base)) / float(slope)


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
    break_period: str | None = None       # the break in series the series is judged from (flag `b`)

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


def _has_break(flag: Any) -> bool:
    """A flag that says "break in series": it holds a `b` (`b`, `bp`, `B`…)."""
    return flag is not None and not (isinstance(flag, float) and math.isnan(flag)) and "b" in str(flag).lower()


def _in_view(rows: list[tuple[Any, Any, Any]], target: Mapping[str, Any] | None, period_from: str | None,
             period_to: str | None) -> tuple[list[tuple[Any, Any, Any]], str | None]:
    """(the rows the series is judged on, the break it is judged from or None), for one series.

    The view's period keeps the rows whose period starts with a year from `period_from` to `period_to`
    (as the period filter reads them: the first four characters). The base is the target's baseline,
    whatever the period; without one, the first year with a value in the period. The latest `b` after
    the base and not after `period_to` restarts the series: its year's rows are the base (even before
    `period_from`), then the rows of the period after it."""
    def start(period) -> str:
        return str(period)[:4]

    seen = [r for r in rows if not period_to or start(r[0]) <= period_to]
    in_period = [not period_from or start(r[0]) >= period_from for r in seen]
    inside = [r for r, keep in zip(seen, in_period) if keep]
    _, b_year, _ = _target_fields(target, "baseline")
    if b_year is None:
        years = [period_year(p) for p, v, _ in inside if _is_number(v) and period_year(p) is not None]
        b_year = min(years) if years else None
    marks = [(period_year(p), period_text(p)) for p, v, f in seen
             if _has_break(f) and period_year(p) is not None and _is_number(v)]
    marks = [(y, p) for y, p in marks if b_year is not None and y > b_year]
    if not marks:
        return inside, None
    year = max(y for y, _ in marks)
    period = max(p for y, p in marks if y == year)
    kept = [r for r, keep in zip(seen, in_period) if period_year(r[0]) is not None and period_year(r[0]) >= year
            and (period_year(r[0]) == year or keep)]
    return kept, period


def assess(periods: Sequence[Any], values: Sequence[Any], direction: str,
           target: Mapping[str, Any] | None = None, method: str = DEFAULT_METHOD,
           flags: Sequence[Any] | None = None, period_from: str | None = None,
           period_to: str | None = None) -> Assessment:
    """Assess one series of one indicator in one territory.

    periods: `YYYY`, `YYYY-Qn` or `YYYY-MM`; values: numbers (None/NaN = no value).
    direction: "increase" or "decrease". target: a mapping with baseline_period, baseline_value,
    target_period, target_value and optionally milestone_period, milestone_value (or None).
    flags: the observations' flags; a `b` after the base restarts the series there.
    period_from, period_to: the view's period (years as text): the series is judged on its values in
    it, from the latest break after the base that is not after `period_to` (`_in_view`).
    """
    _check_method(method)
    if flags is not None or period_from or period_to:
        rows = list(zip(periods, values, flags if flags is not None else [None] * len(periods)))
        kept, broke = _in_view(rows, target, period_from, period_to)
        if broke is None:
            return assess([p for p, _, _ in kept], [v for _, v, _ in kept], direction, target, method)
        moved = None if target is None else {**target, "baseline_period": None, "baseline_value": None}
        result = assess([p for p, _, _ in kept], [v for _, v, _ in kept], direction, moved, method)
        reason = "break_in_series" if result.reason == "too_few_years" else result.reason
        return dataclasses.replace(result, reason=reason, break_period=broke)
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


