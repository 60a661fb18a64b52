"""Action progress updates: per action and semester, its implementation state and a short text by
the lead partner, in its own language (the `action_updates` table, reviewed like data)."""
from __future__ import annotations

from datetime import date

import pandas as pd

from .schema import ACTION_STATUSES


def semester_of(day: date) -> str:
    return f"{day.year}-S{1 if day.month <= 6 else 2}"


def previous_semester(period: str) -> str:
    year, half = int(period[:4]), period[-1]
    return f"{year}-S1" if half == "2" else f"{year - 1}-S2"


def _order(period: str) -> tuple[int, int]:
    """2025 (a whole year) sorts after its two semesters."""
    text = str(period)
    return int(text[:4]), int(text[-1]) if "-S" in text else 3


def timeline(updates: pd.DataFrame, action_id: str) -> pd.DataFrame:
    """An action's updates, newest first."""
    mine = updates[updates["action_id"].astype(str) == str(action_id)]
    return mine.assign(_o=mine["period"].map(_order)).sort_values("_o", ascending=False).drop(columns="_o") \
        .reset_index(drop=True)


def latest(updates: pd.DataFrame) -> pd.DataFrame:
    """Each action's latest update."""
    if updates.empty:
        return updates
    # a pass over two columns, not a sort and a groupby: the Overview counts states on every run
    newest: dict[str, tuple[tuple[int, int], int]] = {}
    for i, (action, period) in enumerate(zip(updates["action_id"], updates["period"])):
        order = _order(period)
        if action not in newest or order >= newest[action][0]:
            newest[action] = (order, i)
    chosen = [i for _, i in sorted(newest.values())]   # oldest first, as the sort gave them
    return updates.iloc[chosen].reset_index(drop=True)


def implementation_counts(actions: pd.DataFrame, updates: pd.DataFrame) -> dict[str, int]:
    """Actions by implementation state: the latest update's, else the framework's `status`."""
    state = dict(zip(actions["action_id"].astype(str), actions["status"]))
    last = latest(updates)
    if not last.empty:
        for action, implementation in zip(last["action_id"].astype(str), last["implementation"]):
            if action in state:
                state[action] = implementation
    return {s: sum(1 for v in state.values() if v == s) for s in ACTION_STATUSES}


def without_update(actions: pd.DataFrame, updates: pd.DataFrame, period: str) -> list[str]:
    """Actions still running (not done or cancelled) with no update for `period`."""
    done = set(updates[updates["period"] == period]["action_id"].astype(str))
    running = actions[~actions["status"].isin(["done", "cancelled"])]
    return [str(a) for a in running["action_id"] if str(a) not in done]
