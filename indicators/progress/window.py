"""Which observations a series is assessed on in a view's period (`from`/`to`), breaks in series included.

DESIGN.md: a break (flag `b`) after the base restarts the series there. A view's period must not hide
one: the base stays the target's baseline whatever `from` says, so a break after that baseline and up
to the view's end (`to`) counts even when it lies before `from`, and its year's value is then the base
(a filter from 2024 judged a series straight across its 2020 break, from the 2015 baseline: two
statuses for one series). Without a baseline the base is the first year with a value in the period:
a break before it is before the base and does not count. Values after `to` are not seen.

`in_view` only chooses the rows (and the break that moves each base, `breaks.after_breaks`); the
vectorised engine assesses them. `series.assess` does the same for one series, in plain Python.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .rules import period_year

KEY = ["indicator_id", "territory_id"]


def year_texts(periods: pd.Series) -> np.ndarray:
    """The first four characters of each period, as the view's period filter compares them
    (`filters.in_period`: `"2024" <= "2024-Q3"[:4]`); each distinct period read once."""
    codes, uniques = pd.factorize(periods, use_na_sentinel=False)
    return np.array([str(p)[:4] for p in uniques] + [""], dtype=object)[codes]


def _has_break(flags: pd.Series) -> np.ndarray:
    return flags.astype("string").str.lower().str.contains("b", regex=False, na=False).to_numpy(dtype=bool)


def _keys(frame: pd.DataFrame) -> pd.MultiIndex:
    return pd.MultiIndex.from_arrays([frame["indicator_id"].astype(str), frame["territory_id"].astype(str)])


def with_baseline(targets: pd.DataFrame | None) -> pd.MultiIndex:
    """The indicator × territory keys whose first target row has a baseline (a period with a year and
    a number): their base does not depend on the view's period (as `breaks.after_breaks` reads it)."""
    empty = pd.MultiIndex.from_arrays([[], []], names=KEY)
    if targets is None or not len(targets) or not {"baseline_period", "baseline_value"} <= set(targets.columns):
        return empty
    t = targets.assign(indicator_id=targets["indicator_id"].astype(str),
                       territory_id=targets["territory_id"].astype(str)).drop_duplicates(KEY)
    ok = t["baseline_period"].map(period_year).notna() & pd.to_numeric(t["baseline_value"], errors="coerce").notna()
    return _keys(t[ok.to_numpy()]) if ok.any() else empty


def in_view(observations: pd.DataFrame, targets: pd.DataFrame | None, period_from: str | None = None,
            period_to: str | None = None):
    """(observations to assess, targets whose baseline a break replaces, breaks): `breaks.after_breaks`
    of the view's rows, where a series with a baseline also brings the break year's rows from before
    `from` when its latest break after the baseline (and not after `to`) lies there.

    Every indicator × territory with a row in the period, and only those, comes back."""
    from indicators.breaks import after_breaks

    if observations is None or not len(observations) or not (period_from or period_to):
        return after_breaks(observations, targets)
    text = year_texts(observations["period"])
    upto = text <= period_to if period_to else np.ones(len(text), dtype=bool)
    inside = upto & (text >= period_from) if period_from else upto
    window = observations[inside]
    before = upto & ~inside
    if not before.any() or "flag" not in observations.columns:
        return after_breaks(window, targets)
    early = observations[before]
    flagged = early[_has_break(early["flag"])]
    if flagged.empty:
        return after_breaks(window, targets)
    # The series that may have their break before `from`: a baseline, a `b` before `from`, a row in the period.
    candidates = _keys(flagged).unique()
    candidates = candidates[candidates.isin(with_baseline(targets))]
    if len(candidates):
        near = window[window["indicator_id"].isin(flagged["indicator_id"].unique())]
        candidates = candidates[candidates.isin(_keys(near).unique())]
    if not len(candidates):
        return after_breaks(window, targets)
    early = early[early["indicator_id"].isin(flagged["indicator_id"].unique())]
    early = early[_keys(early).isin(candidates)]
    marker = "_before_view"
    composed = pd.concat([window.assign(**{marker: False}), early.assign(**{marker: True})])
    kept, moved, breaks = after_breaks(composed, targets)
    # Of the rows before `from`, only the break year's stay: they are the base; the others are outside the view.
    pulled = kept[kept[marker].to_numpy(dtype=bool)]
    keep = ~kept[marker].to_numpy(dtype=bool)
    if len(pulled) and len(breaks):
        break_year = pd.Series([period_year(p) for p in breaks["break_period"]],
                               index=_keys(breaks), dtype=float)
        wanted = break_year.reindex(_keys(pulled)).to_numpy()
        years = np.array([period_year(p) for p in pulled["period"]], dtype=float)
        keep[np.flatnonzero(kept[marker].to_numpy(dtype=bool))] = years == wanted
    return kept.loc[keep].drop(columns=marker), moved, breaks
