"""Importing validated tables as one batch, in one transaction: each table compared with the store
(added, updated with its previous version kept in `history`, unchanged), all or nothing."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import datetime, timezone

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..cross_checks import last_successors, replaced_links
from ..revisions import is_earlier, latest_versions
from ..schema import INTEGER, NUMBER, TABLES, Table

from . import bulk
from .tables import (
    POSITION, POSITIONED, SQL_TABLES, StoreError, _bump_version, batches, history, next_position, read_table)

# ---------------------------------------------------------------- importing

@dataclass
class ImportResult:
    batch_id: int | None
    counts: dict[str, dict[str, int]] = field(default_factory=dict)   # table -> added/updated/unchanged
    changes: dict[str, pd.DataFrame] = field(default_factory=dict)    # table -> updated rows, old and new
    rejected: int = 0
    dry_run: bool = False
    undated: list[str] = field(default_factory=list)   # targets revised without a decision date ("INT02 / EMLKT")

    def total(self, what: str) -> int:
        return sum(c.get(what, 0) for c in self.counts.values())

    def summary(self) -> dict[str, int]:
        out = {"added": self.total("added"), "updated": self.total("updated"),
               "unchanged": self.total("unchanged"), "rejected": self.rejected}
        if self.total("earlier_versions"):   # a file listing a target's successive decisions
            out["earlier_versions"] = self.total("earlier_versions")
        if self.undated:   # in force from this import, said as a notice (texts/revisions.py)
            out["undated_revisions"] = len(self.undated)
        return out


class _DryRun(Exception):
    pass


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _clean(value):
    if value is None or value is pd.NA:
        return None
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else float(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    return value


def _column_values(frame: pd.DataFrame, col: str) -> list:
    series = frame[col]
    if series.dtype.kind == "f":
        arr = series.to_numpy(dtype="float64")
        out = arr.astype(object)
        out[np.isnan(arr)] = None
        return out.tolist()
    if str(series.dtype) == "Int64":
        return [None if v is pd.NA else int(v) for v in series]
    values = series.astype(object)
    return values.where(values.notna(), None).tolist()


def _placeholder(conn) -> str:
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def _insert_rows(conn, name: str, frame: pd.DataFrame, batch_id: int, positions: np.ndarray | None = None) -> None:
    """Insert `frame`'s rows. A positioned table's rows (the targets) take `positions` where given (a row
    updated or restored keeps its place, NaN where it has none) and the next numbers, in frame order, elsewhere."""
    if frame.empty:
        return
    table = TABLES[name]
    quote = conn.dialect.identifier_preparer.quote
    extra = ["batch_id"]
    if name in POSITIONED:
        extra.append(POSITION)
        given = (np.full(len(frame), np.nan) if positions is None
                 else np.asarray(positions, dtype="float64").copy())
        new = np.isnan(given)
        given[new] = next_position(conn, name) + np.arange(int(new.sum()))
        positions = given.astype("int64")
    step = 100_000  # chunks keep memory flat on million-row imports
    for start in range(0, len(frame), step):
        chunk = frame.iloc[start:start + step]
        # A column empty in every row of the chunk is left to the database's NULL: each value bound
        # costs the driver, and three empty columns of a million rows cost 0.6 s (bench/ingest.py).
        cols = [c for c in table.names if c in table.key or chunk[c].notna().any()]
        # Values always travel as parameters; the identifiers come from the schema, never from a file.
        sql = (f"INSERT INTO {quote(name)} ({', '.join(quote(c) for c in cols + extra)}) "
               f"VALUES ({', '.join([_placeholder(conn)] * (len(cols) + len(extra)))})")
        columns = [_column_values(chunk, c) for c in cols] + [[batch_id] * len(chunk)]
        if name in POSITIONED:
            columns.append([int(p) for p in positions[start:start + step]])
        conn.exec_driver_sql(sql, list(zip(*columns)))


def stored_positions(conn, name: str, keys: pd.DataFrame) -> np.ndarray:
    """The stored positions of the rows of `keys` (a frame with the key columns), NaN where none."""
    table = TABLES[name]
    key = list(table.key)
    if keys.empty or name not in POSITIONED:
        return np.full(len(keys), np.nan)
    sql_table = SQL_TABLES[name]
    first = key[0]
    found = []
    ids = sorted({str(v) for v in keys[first].dropna()})
    for start in range(0, len(ids), 500):
        query = sa.select(*[sql_table.c[k] for k in key], sql_table.c[POSITION]).where(
            sql_table.c[first].in_(ids[start:start + 500]))
        found.extend(tuple(r) for r in conn.execute(query))
    where = {tuple(str(v) for v in r[:-1]): r[-1] for r in found}
    return np.array([np.nan if where.get(k) is None else float(where[k])
                     for k in (tuple(str(v) for v in r) for r in keys[key].itertuples(index=False))], dtype="float64")


def _delete_keys(conn, name: str, keys: pd.DataFrame) -> None:
    if keys.empty:
        return
    table = TABLES[name]
    quote = conn.dialect.identifier_preparer.quote
    ph = _placeholder(conn)
    sql = f"DELETE FROM {quote(name)} WHERE " + " AND ".join(f"{quote(k)} = {ph}" for k in table.key)
    conn.exec_driver_sql(sql, list(zip(*[keys[k].tolist() for k in table.key])))


def _existing_for(conn, name: str, incoming: pd.DataFrame, codes: list | None = None) -> pd.DataFrame:
    table = TABLES[name]
    sql_table = SQL_TABLES[name]
    count = conn.execute(sa.select(sa.func.count()).select_from(sql_table)).scalar()
    if not count:
        return read_table(conn, name, where=sa.false(), with_batch=True)
    first = table.key[0]
    ids = sorted(set(incoming[first].dropna()))
    if codes is not None:   # a slice of a large file: its first-key codes, however many
        return read_table(conn, name, where=sql_table.c[first].in_(ids), with_batch=True, ordered=False)
    if len(ids) <= 500:
        return read_table(conn, name, where=sql_table.c[first].in_(ids), with_batch=True, ordered=False)
    return read_table(conn, name, with_batch=True, ordered=False)


def _equal(a: pd.Series, b: pd.Series) -> np.ndarray:
    a_na, b_na = a.isna().to_numpy(), b.isna().to_numpy()
    if a.dtype.kind == "f" or b.dtype.kind == "f":
        av = pd.to_numeric(a, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        bv = pd.to_numeric(b, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        same = av == bv
    else:
        # Missing cells become None first: pd.NA in an object comparison has no truth value.
        av = a.astype(object).where(~a_na, None).to_numpy()
        bv = b.astype(object).where(~b_na, None).to_numpy()
        same = av == bv
    return (a_na & b_na) | (~a_na & ~b_na & same)


def _prepare(frame: pd.DataFrame, table: Table, present: set[str] | None) -> pd.DataFrame:
    # No .copy(): pandas' copy-on-write keeps `frame` as it is when a column is replaced below, and the
    # copy cost 0.05 s of a million-row import (bench/ingest.py).
    out = frame[[c for c in table.names]]
    for col in table.columns:
        if col.kind == INTEGER:
            out[col.name] = pd.to_numeric(out[col.name], errors="coerce").astype("Int64")
        elif col.kind == NUMBER:
            out[col.name] = pd.to_numeric(out[col.name], errors="coerce").astype("float64")
    out.attrs["present"] = present if present is not None else set(table.names)
    return out


PLAN_CHUNK_ROWS = 400_000   # rows of a large file compared with the store at a time


def _plan_table(conn, name: str, incoming: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, int]:
    """(rows to add, rows to update with their old version, old versions, unchanged count).

    A large file is compared with the store a slice of its first key at a time (a few hundred
    indicators), so that the stored rows read back and the merge stay a slice too: re-importing
    2.4 million rows whole went past a 1.5 GB process (tests/test_large_valid_file.py)."""
    first = TABLES[name].key[0]
    stored = conn.execute(sa.select(sa.func.count()).select_from(SQL_TABLES[name])).scalar()
    if not stored or len(incoming) <= PLAN_CHUNK_ROWS or incoming[first].isna().any():
        return _plan_slice(conn, name, incoming)
    sizes = incoming.groupby(first, sort=True).size()
    groups, current, count = [], [], 0
    for code, size in sizes.items():
        if current and (count + size > PLAN_CHUNK_ROWS or len(current) >= 500):   # 500: bound parameters
            groups.append(current)
            current, count = [], 0
        current.append(code)
        count += size
    groups.append(current)
    parts = []
    for codes in groups:
        part = incoming[incoming[first].isin(codes)]
        part.attrs = dict(incoming.attrs)
        parts.append(_plan_slice(conn, name, part, codes))
    added, updated, old = (pd.concat([p[i] for p in parts], ignore_index=True) for i in range(3))
    added.attrs["present"] = updated.attrs["present"] = incoming.attrs.get("present")
    return added, updated, old, sum(p[3] for p in parts)


def _plan_slice(conn, name: str, incoming: pd.DataFrame, codes: list | None = None):
    table = TABLES[name]
    key = list(table.key)
    data_cols = [c for c in table.names if c not in key]
    present = incoming.attrs.get("present", set(table.names))
    existing = _existing_for(conn, name, incoming, codes)
    if existing.empty:
        return incoming, incoming.iloc[:0], existing, 0
    merged = incoming.merge(existing, on=key, how="left", suffixes=("", "__old"), indicator=True)
    is_new = (merged["_merge"] == "left_only").to_numpy()
    # No .copy(): the mask already makes a new frame (copy-on-write), and copying it again cost 0.3 s
    # of a million-row re-import (bench/ingest.py).
    both = merged if not is_new.any() else merged[~is_new]
    # A column the file does not carry keeps its stored value (a file of values keeps the notes).
    for c in data_cols:
        if c not in present:
            both[c] = both[c + "__old"]
    changed = np.zeros(len(both), dtype=bool)
    for c in data_cols:
        changed |= ~_equal(both[c], both[c + "__old"])
    added = merged.loc[is_new, table.names]
    updated = both.loc[changed].copy()
    # A new version (a target's revision) holds what its row says: it inherits no milestone, note,
    # decision date or reason of the one it replaces. A row equal to the stored version on every column
    # its file carries is that version again (unchanged above); other tables keep the stored value of
    # a column their file does not carry.
    for c in (data_cols if table.version else ()):
        if c not in present:
            updated[c] = None
    old = updated[key + [c + "__old" for c in data_cols] + ["batch_id"]].rename(
        columns={c + "__old": c for c in data_cols})
    return added, updated, old, int((~changed).sum())


def apply_import(engine: Engine, tables: dict[str, pd.DataFrame], *, user: str, files: list[dict],
                 dry_run: bool = False, rejected: int = 0, present: dict[str, set[str]] | None = None,
                 attach_to_successor: bool = False) -> ImportResult:
    """Write validated tables as one batch, in one transaction; all or nothing."""
    result = ImportResult(batch_id=None, rejected=rejected, dry_run=dry_run)
    present = present or {}
    try:
        with engine.connect() as conn:
            large = bulk.eligible(conn, tables, attach_to_successor)
            known = bulk.latest(conn) if large else {}
            conn.rollback()   # ends that read's transaction: the batch begins its own below
            with bulk.scratch(conn, large, lambda name: _prepare(tables[name], TABLES[name], present.get(name)),
                              present, known) as staged:
                with conn.begin():
                    if staged.unchanged and bulk.latest(conn) != known:
                        # Written meanwhile: the skipped tables would need comparing after all.
                        raise busy()
                    _write_batch(conn, result, tables, user=user, files=files, present=present, staged=staged,
                                 attach_to_successor=attach_to_successor)
                    if dry_run:
                        raise _DryRun()
    except _DryRun:
        result.batch_id = None
    except sa.exc.IntegrityError as exc:
        # Another import wrote the same keys between our read and our write: nothing of ours was kept.
        raise StoreError("Another import wrote the same values at the same moment: nothing was written. Please "
                         "retry; the files will be checked again against the new data.", key="store_same_keys") from exc
    except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
        raise _operational_message(exc) from exc
    return result


def _write_batch(conn, result: ImportResult, tables: dict[str, pd.DataFrame], *, user: str, files: list[dict],
                 present: dict[str, set[str]], staged: bulk.Staged, attach_to_successor: bool) -> None:
    batch_id = conn.execute(batches.insert().values(
        created_at=_now(), user=user or "unknown", files=", ".join(f["file"] for f in files) or "-",
        sha256=", ".join(f.get("sha256", "") for f in files), status="active",
        added=0, updated=0, unchanged=0, rejected=result.rejected)).inserted_primary_key[0]
    successors = _successors(conn, tables) if attach_to_successor else {}
    for name in TABLES:
        if name not in tables or tables[name].empty:
            continue
        table = TABLES[name]
        earlier = tables[name].iloc[:0]
        if name in staged.unchanged:   # the same rows as the latest import's, nothing written since
            result.counts[name] = {"added": 0, "updated": 0, "unchanged": staged.unchanged[name]}
            continue
        if name in staged.tables:   # a large table, compared and written inside SQLite
            n_added, updated, old, unchanged = bulk.plan(conn, name, staged.tables[name],
                                                         present.get(name, set(table.names)))
        else:
            incoming = _prepare(tables[name], table, present.get(name))
            if successors:
                incoming = _attach(incoming, name, successors)
            if table.version:
                # latest_versions sorts by key: the rows go back to the order of each key's first row in
                # the file, the order a positioned table numbers them in (the targets' headline)
                attrs = dict(incoming.attrs)
                incoming = incoming.assign(_first=incoming.groupby(list(table.key), sort=False,
                                                                    dropna=False).ngroup().to_numpy())
                incoming, earlier = latest_versions(incoming, table)
                incoming = incoming.sort_values("_first", kind="stable").drop(columns="_first")
                earlier = earlier.drop(columns="_first")
                incoming.attrs = earlier.attrs = attrs
            added, updated, old, unchanged = _plan_table(conn, name, incoming)
            n_added = len(added)
            del incoming
        if table.version and len(updated):
            # The store already holds a later decision: the file's row is an earlier version.
            older = is_earlier(updated, table, _decided_before(conn, name, updated))
            earlier = pd.concat([earlier, updated.loc[older, table.names]], ignore_index=True)
            updated, old = updated[~older], old[~older]
            undated = updated[updated[list(table.version)].isna().all(axis=1)]
            result.undated += [" / ".join(str(v) for v in r) for r in undated[list(table.key)].itertuples(index=False)]
        if len(earlier):
            # A re-imported export brings the earlier versions the store already keeps, and the version
            # this batch replaces is kept by the update: each such row read is unchanged.
            known = _kept_already(conn, name, earlier) | _same_rows(earlier, old, table)
            unchanged += int(known.sum())
            earlier = earlier[~known]
        if len(earlier):
            _write_history(conn, batch_id, name, earlier.assign(batch_id=None), "revision")
        # An earlier version written is a row written: counted as added (each row read is in one count),
        # and said again as `earlier_versions`.
        result.counts[name] = {"added": n_added + len(earlier), "updated": len(updated), "unchanged": unchanged}
        if len(earlier):
            result.counts[name]["earlier_versions"] = len(earlier)
        if len(updated):
            data_cols = [c for c in table.names if c not in table.key]
            view = updated[list(table.key)].copy()
            for c in data_cols:
                view[f"{c}_old"] = updated[c + "__old"].to_numpy()
                view[c] = updated[c].to_numpy()
            result.changes[name] = view
        if name in staged.tables:
            if n_added:
                bulk.insert_new(conn, name, staged.tables[name], batch_id,
                                only_missing=bool(unchanged or len(updated)))
        else:
            _insert_rows(conn, name, added, batch_id)
        if len(updated):
            _write_history(conn, batch_id, name, old, "update")
            kept = stored_positions(conn, name, updated)   # a revision keeps the row's place
            _delete_keys(conn, name, updated)
            _insert_rows(conn, name, updated[table.names], batch_id, kept)
    summary = result.summary()
    # The batch's time is the time it is written, just before it commits: its insert may have waited up to
    # 30 s for another writer, and a time taken before that wait put batches out of time order.
    conn.execute(batches.update().where(batches.c.batch_id == batch_id).values(
        added=summary["added"], updated=summary["updated"], unchanged=summary["unchanged"], created_at=_now()))
    bulk.remember(conn, _bump_version(conn), staged.digests)
    result.batch_id = batch_id


def _operational_message(exc: Exception) -> StoreError:
    """A database failure as a StoreError the pages and the command line say in the user's language."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "readonly" in text or "read-only" in text:
        return StoreError("The database file is read-only: nothing was written. Ask for write access to the store.",
                          key="store_read_only")
    if ("disk" in text or "database" in text) and ("full" in text or "space" in text):
        return StoreError("The disk is full: nothing was written. Free some space and try again.", key="store_full")
    if "locked" in text or "could not serialize" in text or "deadlock" in text:
        return busy()
    return StoreError("The database could not be written: nothing was written. Please retry; if it persists, tell "
                      "the administrator.", key="store_write_failed")


def busy() -> StoreError:
    return StoreError("Another import is being written at this moment: nothing was written. Please retry in a few "
                      "seconds.", key="store_busy")


def _successors(conn, tables) -> dict[str, str]:
    ter = SQL_TABLES["territories"]
    stored = dict(conn.execute(sa.select(ter.c.territory_id, ter.c.replaced_by)).all())
    return last_successors(replaced_links(stored, tables.get("territories")))


def _attach(frame: pd.DataFrame, name: str, successors: dict[str, str]) -> pd.DataFrame:
    columns = {"observations": ["territory_id"], "targets": ["territory_id"],
               "flows": ["origin_id", "destination_id"]}.get(name, [])
    if not columns:
        return frame
    out = frame.copy()
    for c in columns:
        out[c] = out[c].map(lambda v: successors.get(v, v))
    key = list(TABLES[name].key)
    # A value already given under the successor's own code wins over the old code's.
    original = frame[columns[0]].isin(list(successors)).to_numpy()
    out["_moved"] = original
    out = out.sort_values("_moved", kind="stable").drop_duplicates(subset=key, keep="first")
    attrs = frame.attrs
    out = out.drop(columns="_moved").reset_index(drop=True)
    out.attrs = attrs
    return out


def _json_row(values: dict) -> str:
    return json.dumps({k: _clean(v) for k, v in values.items()}, ensure_ascii=False, sort_keys=True)


def _same(table: Table, values: dict) -> tuple:
    """A row as comparable values, read back from JSON: 12 and 12.0 are alike, NaN is None."""
    return tuple(values.get(c) for c in table.names)


def _kept_versions(conn, name: str, rows: pd.DataFrame) -> list[dict]:
    """The earlier versions the store keeps (batches not rolled back) of the keys of `rows`."""
    table = TABLES[name]
    keys = sorted({_json_row(dict(zip(table.key, r))) for r in rows[list(table.key)].itertuples(index=False)})
    kept: list[dict] = []
    for start in range(0, len(keys), 500):
        query = (sa.select(history.c.row).join(batches, batches.c.batch_id == history.c.batch_id)
                 .where(history.c.table_name == name, history.c.op.in_(("update", "revision")),
                        batches.c.status == "active", history.c.row_key.in_(keys[start:start + 500])))
        kept.extend(json.loads(row) for (row,) in conn.execute(query))
    return kept


def _kept_already(conn, name: str, rows: pd.DataFrame) -> np.ndarray:
    """Which of `rows` (earlier versions a file brings) the store keeps already as an earlier version of
    an active batch: an export imported again must not add them a second time."""
    table = TABLES[name]
    kept = {_same(table, values) for values in _kept_versions(conn, name, rows)}
    records = [{c: r[c] for c in table.names} for r in rows.to_dict("records")]
    return np.array([_same(table, json.loads(_json_row(r))) in kept for r in records], dtype=bool)


def _same_rows(rows: pd.DataFrame, others: pd.DataFrame, table: Table) -> np.ndarray:
    """Which of `rows` are, column for column, one of `others`."""
    if others.empty:
        return np.zeros(len(rows), dtype=bool)
    seen = {_same(table, json.loads(_json_row({c: r[c] for c in table.names}))) for r in others.to_dict("records")}
    return np.array([_same(table, json.loads(_json_row({c: r[c] for c in table.names}))) in seen
                     for r in rows.to_dict("records")], dtype=bool)


def _decided_before(conn, name: str, updated: pd.DataFrame) -> pd.Series:
    """For each planned update whose stored version has no decision date: the latest decision among the
    versions it replaced (revisions.is_earlier), None where there is none or the stored version is dated."""
    table = TABLES[name]
    out = pd.Series([None] * len(updated), index=updated.index, dtype=object)
    column = table.version[0]
    undated = updated[updated[column + "__old"].isna() & updated[column].notna()]
    if undated.empty:
        return out
    latest: dict[tuple, str] = {}
    for values in _kept_versions(conn, name, undated):
        day = values.get(column)
        key = tuple(str(values.get(k)) for k in table.key)
        if day is not None and (key not in latest or str(day) > latest[key]):
            latest[key] = str(day)
    keys = [tuple(str(v) for v in r) for r in undated[list(table.key)].itertuples(index=False)]
    out.loc[undated.index] = [latest.get(k) for k in keys]
    return out


def _write_history(conn, batch_id: int, name: str, rows: pd.DataFrame, op: str) -> None:
    table = TABLES[name]
    quote = conn.dialect.identifier_preparer.quote
    columns = ["batch_id", "table_name", "op", "row_key", "row", "old_batch_id"]
    sql = (f"INSERT INTO {quote('history')} ({', '.join(quote(c) for c in columns)}) "
           f"VALUES ({', '.join([_placeholder(conn)] * len(columns))})")
    # 50,000 rows at a time, made and written: a file changing every value of a million rows held a
    # million dicts and their JSON at once (1 GB more than its frames). The driver's own tuples: the
    # same rows as SQLAlchemy's dicts cost a third more (15 of 47 s, py-spy).
    for start in range(0, len(rows), 50_000):
        records = rows.iloc[start:start + 50_000].to_dict("records")
        conn.exec_driver_sql(sql, [(
            batch_id, name, op, _json_row({k: r[k] for k in table.key}), _json_row({c: r[c] for c in table.names}),
            _clean(r.get("batch_id"))) for r in records])
