"""The batches, what each changed, the targets' earlier versions, and rolling a batch back exactly."""
from __future__ import annotations

import json

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..revisions import in_order
from ..schema import CODES, FRAMEWORK_TABLES, TABLES

from .tables import (
    POSITION, POSITIONED, SQL_TABLES, StoreError, _bump_version, _typed, batches, history, read_table)
from .writing import (
    _insert_rows, _now, _operational_message, _write_history)

# ---------------------------------------------------------------- history and rollback

def list_batches(engine: Engine) -> pd.DataFrame:
    """The batches, newest first, with `kept_bytes`: what the store keeps to undo each one (previous
    versions of the rows it changed, rows a rollback removed), which a large batch makes large."""
    kept = (sa.select(history.c.batch_id,
                      sa.func.sum(sa.func.length(history.c.row) + sa.func.length(history.c.row_key)).label("kept"))
            .group_by(history.c.batch_id).subquery())
    with engine.connect() as conn:
        result = conn.execute(sa.select(batches, sa.func.coalesce(kept.c.kept, 0).label("kept_bytes"))
                              .select_from(batches.outerjoin(kept, kept.c.batch_id == batches.c.batch_id))
                              .order_by(batches.c.batch_id.desc()))
        return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def batch_changes(engine: Engine, batch_id: int) -> pd.DataFrame:
    """The previous versions of the rows a batch changed (what rollback would restore)."""
    with engine.connect() as conn:
        result = conn.execute(sa.select(history.c.table_name, history.c.op, history.c.row_key, history.c.row,
                                        history.c.old_batch_id)
                              .where(history.c.batch_id == batch_id).order_by(history.c.id))
        return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def earlier_versions(engine: Engine, name: str = "targets") -> pd.DataFrame:
    """Every earlier version of `name`'s rows still in force (their batches not rolled back), with
    `replaced_at`: the time of the batch that replaced it or brought it along (see revisions.py); each
    row's versions oldest first (revisions.in_order: by decision date, an undated one after the
    decisions kept before it), so that the last is the one the version in force replaced."""
    table = TABLES[name]
    query = (sa.select(history.c.row, history.c.op, batches.c.created_at)
             .join(batches, batches.c.batch_id == history.c.batch_id)
             .where(history.c.table_name == name, history.c.op.in_(("update", "revision")),
                    batches.c.status == "active")
             .order_by(history.c.id))
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    if not rows:
        return pd.DataFrame(columns=table.names + ["replaced_at"])
    frame = _typed(pd.DataFrame([json.loads(r[0]) for r in rows]).reindex(columns=table.names), table)
    frame["replaced_at"] = [r[2] for r in rows]
    frame = frame.drop_duplicates(subset=table.names, keep="first")
    return (in_order(frame, table) if table.version else frame).reset_index(drop=True)


def rollback(engine: Engine, batch_id: int, user: str = "unknown") -> dict[str, int]:
    """Undo one batch exactly: remove what it added, restore what it changed. Returns how many rows
    were removed (the batch's new rows) and restored (the rows it changed, back to their earlier version).

    Refused, nothing changed, when a later batch changed values it wrote, and when later approved submissions
    sent values the store still holds from it (submissions.resting_on): rolling it back would take their
    values off the dashboard while they read "approved"; their batches are rolled back first."""
    from ..submissions import resting_on   # the submissions table lives above the store

    _refuse_resting(batch_id, resting_on(engine, batch_id))
    try:
        with engine.begin() as conn:
            batch = conn.execute(sa.select(batches).where(batches.c.batch_id == batch_id)).mappings().first()
            if batch is None:
                raise StoreError(f"There is no batch {batch_id}.", key="rollback_no_batch", batch=batch_id)
            if batch["status"] != "active":
                raise StoreError(f"Batch {batch_id} was already rolled back on {batch['rolled_back_at']}.",
                                 key="rollback_already", batch=batch_id, when=batch["rolled_back_at"])
            later = sorted({r[0] for r in conn.execute(
                sa.select(history.c.batch_id).where(history.c.old_batch_id == batch_id, history.c.op == "update",
                                                    history.c.batch_id.in_(
                                                        sa.select(batches.c.batch_id).where(
                                                            batches.c.status == "active"))))})
            if later:
                raise StoreError(
                    f"Batch {batch_id} cannot be rolled back alone: batch(es) {', '.join(map(str, later))} changed "
                    f"values it wrote since. Roll back {', '.join(map(str, reversed(later)))} first.",
                    key="rollback_later", batch=batch_id, later=", ".join(map(str, later)),
                    order=", ".join(map(str, reversed(later))))
            counts = {"removed": 0, "restored": 0}
            for name in reversed(list(TABLES)):
                sql_table = SQL_TABLES[name]
                current = read_table(conn, name, where=sql_table.c.batch_id == batch_id, with_batch=True)
                if current.empty:
                    continue
                _write_history(conn, batch_id, name, current, "rollback")
                places = None
                if name in POSITIONED:   # a restored row takes back the place its changed version held
                    key = TABLES[name].key
                    places = {tuple(str(v) for v in r[:-1]): r[-1] for r in conn.execute(
                        sa.select(*[sql_table.c[k] for k in key], sql_table.c[POSITION])
                        .where(sql_table.c.batch_id == batch_id))}
                conn.execute(sql_table.delete().where(sql_table.c.batch_id == batch_id))
                olds = conn.execute(sa.select(history.c.row, history.c.old_batch_id).where(
                    history.c.batch_id == batch_id, history.c.table_name == name, history.c.op == "update")).all()
                if olds:
                    frame = pd.DataFrame([json.loads(r[0]) for r in olds])
                    frame = _typed(frame.reindex(columns=TABLES[name].names), TABLES[name])
                    for old_batch, group in frame.groupby(pd.Series([r[1] for r in olds]), dropna=False):
                        kept = None if places is None else [
                            places.get(tuple(str(v) for v in r), None) for r in
                            group[list(TABLES[name].key)].itertuples(index=False)]
                        kept = None if kept is None else [float("nan") if p is None else p for p in kept]
                        _insert_rows(conn, name, group, None if pd.isna(old_batch) else int(old_batch), kept)
                    counts["restored"] += len(olds)
                # A row the batch changed is restored to its earlier version, not removed: "removed" counts
                # the rows it added (each changed row left one earlier version in the history).
                counts["removed"] += len(current) - len(olds)
            dangling = _dangling_references(conn)
            if dangling:
                # Raised inside the transaction: nothing of the rollback is kept.
                what = "; ".join(f"{n} {table}.{col} → {', '.join(codes)}" for table, col, n, codes in dangling)
                raise StoreError(f"Batch {batch_id} created codes that later data still uses ({what}). Roll back "
                                 f"or change that data first.", key="rollback_dangling", batch=batch_id, what=what)
            conn.execute(batches.update().where(batches.c.batch_id == batch_id).values(
                status="rolled_back", rolled_back_at=_now(), rolled_back_by=user or "unknown"))
            _bump_version(conn)
            return counts
    except sa.exc.OperationalError as exc:
        raise _operational_message(exc) from exc


def _refuse_resting(batch_id: int, resting: list[dict]) -> None:
    """Refuse the rollback of a batch that later approved submissions rest on, naming them, their senders
    and their batches (newest first: the order to roll them back in)."""
    if not resting:
        return
    subs = ", ".join(str(r["submission_id"]) for r in resting)
    who = ", ".join(dict.fromkeys(str(r["contributor"]) for r in resting))
    later = ", ".join(str(b) for b in dict.fromkeys(r["batch_id"] for r in resting))
    raise StoreError(f"Batch {batch_id} cannot be rolled back alone: the approved submissions {subs} (sent by "
                     f"{who}, batches {later}) sent the same values since. Roll back batches {later} first.",
                     key="rollback_rests_on", batch=batch_id, subs=subs, who=who, batches=later)


def _dangling_references(conn) -> list[tuple[str, str, int, list[str]]]:
    """(table, column, rows, first codes) for every reference to a code no longer in its table.

    Run inside a rollback's transaction: removing the batch that created a territory or an
    indicator must not leave observations, targets or flows pointing at nothing (the store would
    no longer export and import back).
    """
    out = []
    keys = {name: {r[0] for r in conn.execute(sa.select(SQL_TABLES[name].c[TABLES[name].key[0]]))}
            for name in FRAMEWORK_TABLES}
    for name, table in TABLES.items():
        for col in table.columns:
            if not col.references or col.references not in keys:
                continue
            known = keys[col.references]
            column = SQL_TABLES[name].c[col.name]
            if col.kind == CODES:
                values = pd.Series([r[0] for r in conn.execute(sa.select(column).where(column.is_not(None)))],
                                   dtype=object)
                used = values.str.split("|").explode().str.strip()
                missing = sorted(set(used[used != ""]) - known)
                count = int(values.map(lambda v: any(p.strip() in missing for p in str(v).split("|"))).sum())
            else:
                rows = conn.execute(sa.select(column, sa.func.count()).where(column.is_not(None))
                                    .group_by(column)).all()
                missing = sorted(v for v, _ in rows if v not in known)
                count = sum(n for v, n in rows if v not in known)
            if missing:
                out.append((name, col.name, count, missing[:5]))
    return out


