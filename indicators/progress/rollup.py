"""Roll-ups of indicator statuses per action, theme and level, and the progress as JSON (CLI, report)."""
from __future__ import annotations

import math
from typing import Any, Iterable, Sequence

import numpy as np
import pandas as pd

from .rules import (ACHIEVED, DEFAULT_METHOD, NOT_ASSESSED, RATIO_SCORE_POINTS, STATUSES, _check_method, snap,
                    status_from_score)

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
        # a mean within EPS of a score cut is on it, as its status says (−1e-16 is 0)
        score = snap(float(mean.get(a, np.nan)), RATIO_SCORE_POINTS[1]) if a in mean.index else math.nan
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
        score = snap(float(scores.mean()), RATIO_SCORE_POINTS[1]) if len(scores) else math.nan
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
# The milestone's own status, for the command line's table (DESIGN.md: shown as the milestone's): not in the
# JSON document, whose keys are DESIGN.md's, which scripts read.
MILESTONE_FIELDS: tuple[str, ...] = ("milestone_status", "milestone_period", "milestone_value")
JSON_ACTION_FIELDS: tuple[str, ...] = ("action_id", "status", "score", "indicators", "reason")
BREAK_IN_SERIES = "break_in_series"   # the `reason` of an entry whose status is judged from a break in series


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


def progress_json(assessed: pd.DataFrame, action_rollup: pd.DataFrame, method: str = DEFAULT_METHOD,
                  milestones: bool = False) -> dict:
    """The JSON document of `python -m indicators progress --format json` (DESIGN.md); with `milestones`, each
    entry also holds its milestone's status, period and value (MILESTONE_FIELDS), for the table."""
    _check_method(method)
    numeric = {"score", "ratio", "cagr", "latest_value", "target_value", "projected_value", "milestone_value"}
    indicators = []
    if len(assessed):
        ordered = assessed.sort_values(["indicator_id", "territory_id"], kind="stable")
        fields = JSON_INDICATOR_FIELDS + (MILESTONE_FIELDS if milestones else ())
        # a frame made before the milestone's fields (or by hand) has none: null
        columns = {f: (ordered[f].to_numpy(dtype=object) if f in ordered else np.full(len(ordered), None, dtype=object))
                   for f in fields}
        breaks = (ordered["break_period"].to_numpy(dtype=object) if "break_period" in ordered
                  else np.full(len(ordered), None, dtype=object))
        for i in range(len(ordered)):
            entry = {}
            for f in fields:
                v = columns[f][i]
                if f in numeric:
                    entry[f] = _number(v)
                elif f == "headline":
                    entry[f] = bool(v)
                else:
                    entry[f] = _plain(v)
            if entry["reason"] is None and _plain(breaks[i]) is not None:
                # Assessed from a break in series (DESIGN: every place showing such a status says so): the
                # reason names it, and base_period is the break's period (docs/methodology.md).
                entry["reason"] = BREAK_IN_SERIES
            indicators.append(entry)
    actions = []
    if len(action_rollup):
        for row in action_rollup.sort_values("action_id", kind="stable").itertuples(index=False):
            actions.append({"action_id": str(row.action_id), "status": str(row.status),
                            "score": _number(row.score),
                            "indicators": [str(i) for i in (row.indicators or [])],
                            "reason": _plain(getattr(row, "reason", None))})
    return {"method": method, "indicators": indicators, "actions": actions}
