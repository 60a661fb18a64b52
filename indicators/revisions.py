"""Target revisions (DESIGN.md): a target row for an indicator and territory that already has one
is a revision with a decision date and a reason; every earlier version is kept and shown.

The store keeps the current version in `targets` and each earlier one in its history: the row a
batch replaced (`update`), or an earlier version a file brought along with the current one
(`revision`, a file listing a target's successive decisions). Rolling a batch back removes what it
brought, so the earlier versions shown are always those of the batches still in force.

Here: which of a file's versions is current, and the revisions as plain data and words.
No Streamlit, no SQL (the store reads the history: `store.earlier_versions`).
"""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from . import i18n
from .i18n import t
from .schema import Table
from .wording import format_value

TARGET_NUMBERS = ("baseline_period", "baseline_value", "target_period", "target_value",
                  "milestone_period", "milestone_value")


def in_order(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    """`frame`'s versions of each key, oldest first, as the import orders a file's rows: by decision
    date; an undated version comes after the decisions listed above it (before every one at the top),
    and versions that tie keep their order in `frame` (a row below came later). For the store's earlier
    versions `frame` is in the order the store kept them, so that an export lists them as they came."""
    key = list(table.key)
    cols = list(table.version)
    is_dated = frame[cols].notna().any(axis=1).to_numpy()
    text = frame[cols].astype(object).where(frame[cols].notna(), "").astype(str)
    stamp = text[cols[0]] if len(cols) == 1 else text.agg("\x1f".join, axis=1)
    rank = pd.Series(np.where(is_dated, stamp.rank(method="dense").to_numpy(), 0), index=frame.index).astype("int64")
    # an undated version's place: the latest decision above it (0 at the top), ties kept in frame order
    after = rank.groupby([frame[k].astype(str) for k in key], sort=False).cummax()
    order = frame.assign(_version_rank=np.where(is_dated, rank, after), _position=np.arange(len(frame)))
    order = order.sort_values(key + ["_version_rank", "_position"], kind="stable")
    out = order.drop(columns=["_version_rank", "_position"])
    out.attrs = dict(frame.attrs)
    return out


def latest_versions(frame: pd.DataFrame, table: Table) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the latest version of each key, the earlier ones), in the order of `in_order`: the last one
    is in force, so an undated row below a target's decisions is a revision of them, not older."""
    key = list(table.key)
    order = in_order(frame, table)
    last = ~order.duplicated(subset=key, keep="last").to_numpy()
    current, earlier = order.loc[last], order.loc[~last]
    current.attrs = earlier.attrs = dict(frame.attrs)
    return current, earlier


def is_earlier(updated: pd.DataFrame, table: Table, stored_after: pd.Series | None = None) -> np.ndarray:
    """Rows of a planned update whose stored version was decided later than the file's. An undated
    stored version came after the decisions it replaced: `stored_after` (aligned with `updated`) holds
    the latest of those, and a dated row before it, or of that same day, is an earlier version too."""
    older = np.zeros(len(updated), dtype=bool)
    for c in table.version:
        new, stored = updated[c], updated[c + "__old"]
        older |= (new.notna() & stored.notna() & (stored.astype(str) > new.astype(str))).to_numpy()
        if stored_after is not None:
            after = pd.Series(stored_after.to_numpy(), index=updated.index)
            older |= (new.notna() & stored.isna() & after.notna() & (after.astype(str) >= new.astype(str))).to_numpy()
    return older


def _numbers(row: dict) -> tuple:
    """A version's numbers and periods, comparable: missing is None, numbers are floats."""
    def norm(v):
        return None if v is None or (isinstance(v, float) and v != v) else (
            float(v) if isinstance(v, (int, float, np.number)) else str(v))
    return tuple(norm(row.get(c)) for c in TARGET_NUMBERS)


def _pick(rows: list[dict], current: dict | None) -> list[dict]:
    """Of one target's earlier versions (oldest first), those that differ from the current in a number,
    each (numbers, decision date) once: a set, so that a target with thousands of versions costs their
    number, not its square (1 000 versions took 2.7 s, 4 000 took 40 s)."""
    here = _numbers(current) if current is not None else None
    seen, out = set(), []
    for row in rows:
        numbers = _numbers(row)
        if numbers == here or (numbers, row.get("decided_on")) in seen:
            continue
        seen.add((numbers, row.get("decided_on")))
        out.append(row)
    return out


def for_target(earlier: pd.DataFrame, current: dict | None, indicator_id: str, territory_id: str) -> list[dict]:
    """The earlier versions of one target that differ from the current in a number, oldest first.
    A version that only added a date or a reason to the same numbers is not shown as a revision."""
    if earlier is None or earlier.empty:
        return []
    rows = earlier[(earlier["indicator_id"] == indicator_id) & (earlier["territory_id"].astype(str) == str(territory_id))]
    return _pick(rows.to_dict("records"), current)


def _by_target(earlier: pd.DataFrame) -> dict[tuple[str, str], list[dict]]:
    """The earlier versions grouped by (indicator, territory), in their order: one pass, where a filter
    per target read the whole history once per target."""
    grouped: dict[tuple[str, str], list[dict]] = {}
    for row in earlier.to_dict("records"):
        grouped.setdefault((str(row["indicator_id"]), str(row["territory_id"])), []).append(row)
    return grouped


DRAWN_PER_TARGET = 5   # a chart draws the latest earlier versions of a target; its note counts them all


def for_frame(earlier: pd.DataFrame, targets: pd.DataFrame) -> list[dict]:
    """The earlier versions of every target in `targets` that a chart draws: the latest
    DRAWN_PER_TARGET of each, oldest first (a store may keep thousands; a faint line each made a chart
    no browser could draw, and the note under it says how many there are)."""
    if earlier is None or earlier.empty or targets is None or targets.empty:
        return []
    grouped = _by_target(earlier)
    return [v for current in targets.to_dict("records")
            for v in _pick(grouped.get((str(current["indicator_id"]), str(current["territory_id"])), []),
                           current)[-DRAWN_PER_TARGET:]]


def notes(earlier: pd.DataFrame, targets: pd.DataFrame, lang: str, decimals=1, unit: str | None = None,
          names: dict[str, str] | None = None) -> list[str]:
    """A note per revised target of `targets`, its territory named when there are several."""
    out = []
    if earlier is None or earlier.empty or targets is None or targets.empty:
        return out
    several = len(targets) > 1
    grouped = _by_target(earlier)
    for current in targets.to_dict("records"):
        text = note(current, _pick(grouped.get((str(current["indicator_id"]), str(current["territory_id"])), []), current),
                    lang, decimals, unit)
        if text:
            name = (names or {}).get(str(current["territory_id"]), str(current["territory_id"]))
            out.append(f"{name} · {text}" if several else text)
    return out


def decided(row: dict) -> str | None:
    """A version's decision date (ISO), or None."""
    value = row.get("decided_on")
    return None if value is None or (isinstance(value, float) and value != value) or value == "" else str(value)


def when_text(row: dict, lang: str) -> str:
    """`décision du 15 mars 2024`, or for an undated version the day the store recorded its successor."""
    day = decided(row)
    key = "revision_decided"
    if not day:
        day, key = str(row.get("replaced_at") or "")[:10], "revision_recorded"
    try:
        shown = i18n.when(date.fromisoformat(day), lang)
    except ValueError:
        return "–"
    return t(key, lang, day=shown)


def version_text(row: dict, lang: str, decimals=1, unit: str | None = None) -> str:
    """`4,8 en 2030 (jalon 3,8 en 2027)`: a version's target in words."""
    text = t("revision_target", lang, value=format_value(row.get("target_value"), lang, decimals, unit),
             period=row.get("target_period") or "–")
    mp, mv = row.get("milestone_period"), row.get("milestone_value")
    if mp and mv is not None and not (isinstance(mv, float) and mv != mv):
        text += " " + t("revision_milestone", lang, value=format_value(mv, lang, decimals, unit), period=mp)
    return text


def note(current: dict, earlier: list[dict], lang: str, decimals=1, unit: str | None = None) -> str | None:
    """One sentence under a chart: the current target's decision and what it replaced."""
    if not earlier:
        return None
    last = earlier[-1]
    text = t("revision_note", lang, when=when_text(current if decided(current) else {"replaced_at": last.get("replaced_at")}, lang),
             now=version_text(current, lang, decimals, unit), before=version_text(last, lang, decimals, unit))
    reason = current.get("reason")
    if reason and not (isinstance(reason, float) and reason != reason):
        text += " " + t("revision_reason", lang, reason=str(reason))
    if len(earlier) > 1:
        text += " " + t("revision_more", lang, n=len(earlier) - 1)
    return text


def _by_decision(versions: list[dict]) -> list[dict]:
    """Earlier versions in the order they were decided (a decision imported after a later one is stored
    after it); an undated version stays after the decisions kept before it, as `in_order` places it."""
    rank, keys = "", []
    for version in versions:
        rank = decided(version) or rank
        keys.append(rank)
    return [v for _, _, v in sorted(zip(keys, range(len(versions)), versions))]


def since(targets: pd.DataFrame, earlier: pd.DataFrame, day: date) -> list[dict]:
    """Every revision of the current targets decided on or after `day`, newest decision first: each
    version so decided (`current`: the one in force, or an earlier one that a later decision replaced
    since) with the version it replaced (`previous`). A target revised twice since `day` is listed
    twice (it listed the latest decision only, and the one before it, its value and its reason were
    nowhere). For the committee report's list of revisions; undated versions are not listed."""
    out = []
    if earlier is None or earlier.empty or targets.empty:
        return out
    grouped = _by_target(earlier)
    start = day.isoformat()
    for current in targets.to_dict("records"):
        versions = _by_decision(_pick(grouped.get((str(current["indicator_id"]), str(current["territory_id"])), []),
                                      current))
        previous = None
        for version in versions + [current]:
            when = decided(version)
            if previous is not None and when and when >= start and _numbers(version) != _numbers(previous):
                out.append({"current": version, "previous": previous, "decided_on": when})
            previous = version
    out.sort(key=lambda r: r["decided_on"], reverse=True)
    return out


def undated_notice(targets: list[str], lang: str, shown: int = 10) -> str | None:
    """The import's notice for targets revised without a decision date (ImportResult.undated: each
    "INT02 / EMLKT"), the first `shown` named; None when there are none."""
    if not targets:
        return None
    named = ", ".join(targets[:shown]) + (", …" if len(targets) > shown else "")
    return t("undated_revisions", lang, n=i18n.number(len(targets), lang, 0), targets=named)
