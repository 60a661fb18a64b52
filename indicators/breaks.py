"""Breaks in series (flag `b`): a series is judged from its latest break after the base onward.

DESIGN.md: when an observation after the base carries `b`, that observation becomes the base (with
a target, the required path runs from it to the target); fewer than two distinct years from there:
not assessed, reason "break in series". Kept apart from the progress package: it only trims the inputs.
"""
from __future__ import annotations

import pandas as pd

from indicators.progress import period_year   # indicators.progress imports this module lazily

KEY = ["indicator_id", "territory_id"]


def _has_break(flags: pd.Series) -> pd.Series:
    return flags.astype("string").str.lower().str.contains("b", regex=False, na=False)


def _base_years(obs: pd.DataFrame, targets: pd.DataFrame | None) -> pd.Series:
    """Base year per indicator × territory: the first target row's baseline, else the first value's year."""
    first = obs.dropna(subset=["_year", "_value"]).groupby(KEY)["_year"].min()
    if targets is None or not len(targets) or "baseline_period" not in targets.columns:
        return first
    t = targets.assign(indicator_id=targets["indicator_id"].astype(str),
                       territory_id=targets["territory_id"].astype(str))
    t = t.drop_duplicates(KEY)
    years = t["baseline_period"].map(period_year)
    ok = years.notna() & pd.to_numeric(t.get("baseline_value"), errors="coerce").notna()
    baseline = pd.Series(years[ok].to_numpy(), index=pd.MultiIndex.from_frame(t.loc[ok, KEY]), dtype=float)
    return baseline.combine_first(first)


def after_breaks(observations: pd.DataFrame, targets: pd.DataFrame | None):
    """(observations from each series' break on, targets whose baseline a break replaces, breaks).

    `breaks`: indicator_id, territory_id, break_period for every series whose base a break moved.
    Inputs are not changed; without a `flag` column, or no `b`, they come back as they are.
    """
    empty = pd.DataFrame({"indicator_id": pd.Series(dtype=object), "territory_id": pd.Series(dtype=object),
                          "break_period": pd.Series(dtype=object)})
    if observations is None or not len(observations) or "flag" not in observations.columns:
        return observations, targets, empty
    flagged = _has_break(observations["flag"])
    if not flagged.any():
        return observations, targets, empty
    obs = observations.assign(indicator_id=observations["indicator_id"].astype(str),
                              territory_id=observations["territory_id"].astype(str),
                              _year=observations["period"].map(period_year).astype(float),
                              _value=pd.to_numeric(observations["value"], errors="coerce"))
    base = _base_years(obs, targets).rename("_base").reset_index()
    marks = obs[flagged & obs["_year"].notna() & obs["_value"].notna()].merge(base, on=KEY, how="left")
    marks = marks[marks["_year"] > marks["_base"]]
    if marks.empty:
        return observations, targets, empty
    latest = marks.sort_values("_year").groupby(KEY, as_index=False).last()[KEY + ["_year", "period"]]
    latest = latest.rename(columns={"_year": "_break", "period": "break_period"})
    joined = obs.merge(latest[KEY + ["_break"]], on=KEY, how="left")
    keep = joined["_break"].isna() | (joined["_year"] >= joined["_break"])
    trimmed = observations.loc[keep.to_numpy()]
    new_targets = targets
    if targets is not None and len(targets):
        keys = pd.MultiIndex.from_frame(latest[KEY])
        moved = pd.MultiIndex.from_arrays([targets["indicator_id"].astype(str),
                                           targets["territory_id"].astype(str)]).isin(keys)
        if moved.any():
            new_targets = targets.copy()
            for column in ("baseline_period", "baseline_value"):
                if column in new_targets.columns:
                    new_targets[column] = new_targets[column].astype(object)
                    new_targets.loc[moved, column] = None
    return trimmed, new_targets, latest[KEY + ["break_period"]].astype({"break_period": str})
