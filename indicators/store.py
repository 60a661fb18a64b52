"""The store: SQL tables derived from the schema, import batches, history and rollback.

SQLAlchemy Core on a SQLite file by default, PostgreSQL by URL. Every import is
one transaction and one batch; a row an import changes keeps its previous
version in `history`, so that a batch can be rolled back exactly. A rollback
keeps a trace of the rows it removes: nothing is deleted without a trace.
"""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from .revisions import is_earlier, latest_versions
from .schema import CODE, CODE_LENGTH, CODES, DATE, FRAMEWORK_TABLES, INTEGER, NUMBER, PERIOD, TABLES, Table

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB_PATH = ROOT / "data" / "monitor.sqlite"
DEMO_DIR = ROOT / "data" / "demo"
ENV_VAR = "INDICATORS_DB_URL"

metadata = sa.MetaData()


def _sql_type(kind: str):
    return {
        NUMBER: sa.Float(precision=53),
        INTEGER: sa.BigInteger(),
        PERIOD: sa.String(7),
        CODE: sa.String(CODE_LENGTH),
        CODES: sa.Text(),
        DATE: sa.String(10),
    }.get(kind, sa.Text())


def _sql_table(table: Table) -> sa.Table:
    cols = [sa.Column(c.name, _sql_type(c.kind), primary_key=c.name in table.key,
                      nullable=c.name not in table.key) for c in table.columns]
    # No index on batch_id: it cost a fifth of a million-row import (3.1 s against 2.4 s of bare
    # executemany, bench/ingest.py) and only rollback looks rows up by batch, a scan of well under a second.
    cols.append(sa.Column("batch_id", sa.Integer, nullable=True))
    # SQLite: keyed tables without the hidden rowid, so a row is written once, in key order.
    return sa.Table(table.name, metadata, *cols, sqlite_with_rowid=False)


SQL_TABLES: dict[str, sa.Table] = {name: _sql_table(t) for name, t in TABLES.items()}

batches = sa.Table(
    "batches", metadata,
    sa.Column("batch_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("user", sa.String(200), nullable=False),
    sa.Column("files", sa.Text, nullable=False),
    sa.Column("sha256", sa.Text, nullable=False),
    sa.Column("added", sa.Integer, nullable=False, default=0),
    sa.Column("updated", sa.Integer, nullable=False, default=0),
    sa.Column("unchanged", sa.Integer, nullable=False, default=0),
    sa.Column("rejected", sa.Integer, nullable=False, default=0),
    sa.Column("status", sa.String(16), nullable=False, default="active"),
    sa.Column("rolled_back_at", sa.String(32)),
    sa.Column("rolled_back_by", sa.String(200)),
)

history = sa.Table(
    "history", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("batch_id", sa.Integer, nullable=False, index=True),
    sa.Column("table_name", sa.String(32), nullable=False),
    # update: row before the batch; rollback: row removed; revision: an earlier version the batch
    # brought along with the current one (a file listing a target's successive decisions)
    sa.Column("op", sa.String(16), nullable=False),
    sa.Column("row_key", sa.Text, nullable=False),
    sa.Column("row", sa.Text, nullable=False),
    sa.Column("old_batch_id", sa.Integer, index=True),
)

# Saved layouts of foreign files (see indicators/mappings/) and uploaded boundaries (maps).
mappings = sa.Table(
    "mappings", metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("spec", sa.Text, nullable=False),          # JSON
    sa.Column("saved_at", sa.String(32), nullable=False),
    sa.Column("user", sa.String(200), nullable=False),
)

boundaries = sa.Table(
    "boundaries", metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("code_property", sa.String(200), nullable=False),
    sa.Column("geojson", sa.Text, nullable=False),       # FeatureCollection in WGS84, simplified
    sa.Column("saved_at", sa.String(32), nullable=False),
    sa.Column("user", sa.String(200), nullable=False),
)

meta = sa.Table(
    "meta", metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)


class StoreError(Exception):
    """A store problem a user can act on (the message says what to do).

    With a `key` of the interface texts, `text(lang)` says it in the user's language.
    """

    def __init__(self, message: str, key: str | None = None, **params):
        super().__init__(message)
        self.key, self.params = key, params

    def text(self, lang: str) -> str:
        from .i18n import TEXTS, t

        return t(self.key, lang, **self.params) if self.key in TEXTS else str(self)


# ---------------------------------------------------------------- opening

def database_url(url: str | None = None) -> str:
    """--db URL, else $INDICATORS_DB_URL, else the default SQLite file."""
    return url or os.environ.get(ENV_VAR) or f"sqlite:///{DEFAULT_DB_PATH}"


def is_default(url: str | None) -> bool:
    return database_url(url) == f"sqlite:///{DEFAULT_DB_PATH}"


def _on_sqlite_connect(dbapi_conn, _record):
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=OFF")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA cache_size=-65536")  # 64 MB: large imports stay in memory while indexed
    cur.close()


def open_store(url: str | None = None, create: bool = True) -> Engine:
    """An engine on the store, its schema created if missing."""
    url = database_url(url)
    if url.startswith("sqlite:///") and create:
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, future=True, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _on_sqlite_connect)
    if create:
        metadata.create_all(engine)
        _add_new_columns(engine)
        _drop_old_indexes(engine)
    return engine


def _drop_old_indexes(engine: Engine) -> None:
    """Stores made before the data tables lost their batch_id index drop it (see _sql_table)."""
    inspector = sa.inspect(engine)
    with engine.begin() as conn:
        for name in TABLES:
            if not inspector.has_table(name):
                continue
            for index in inspector.get_indexes(name):
                if index["name"] == f"ix_{name}_batch_id":
                    conn.exec_driver_sql(f'DROP INDEX IF EXISTS "{index["name"]}"')


def _add_new_columns(engine: Engine) -> None:
    """A store made before an optional column joined the schema (e.g. `unit_fr`) gets it, empty:
    create_all makes missing tables only. Only nullable columns are ever added this way."""
    inspector = sa.inspect(engine)
    with engine.begin() as conn:
        for table in metadata.sorted_tables:
            if not inspector.has_table(table.name):
                continue
            present = {c["name"] for c in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name not in present and column.nullable:
                    kind = column.type.compile(dialect=engine.dialect)
                    conn.exec_driver_sql(f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {kind}')


def open_default(url: str | None = None) -> Engine:
    """The store the app and CLI use: the default file is seeded with the demo on first start."""
    engine = open_store(url)
    if is_default(url) and is_empty(engine):
        load_demo(engine)
    return engine


def is_empty(engine: Engine) -> bool:
    with engine.connect() as conn:
        return all(conn.execute(sa.select(sa.func.count()).select_from(SQL_TABLES[name])).scalar() == 0
                   for name in ("levels", "indicators", "observations"))


def data_version(engine: Engine) -> int:
    """A number that changes with every write: cheap to check on each rerun."""
    with engine.connect() as conn:
        value = conn.execute(sa.select(meta.c.value).where(meta.c.key == "data_version")).scalar()
    return int(value or 0)


def _bump_version(conn) -> None:
    current = conn.execute(sa.select(meta.c.value).where(meta.c.key == "data_version")).scalar()
    if current is None:
        conn.execute(meta.insert().values(key="data_version", value="1"))
    else:
        conn.execute(meta.update().where(meta.c.key == "data_version").values(value=str(int(current) + 1)))


# ---------------------------------------------------------------- reading

def read_table(engine_or_conn, name: str, where: sa.ColumnElement | None = None,
               with_batch: bool = False, ordered: bool = True) -> pd.DataFrame:
    """A stored table as a DataFrame with the schema's columns, sorted by key."""
    table = TABLES[name]
    sql_table = SQL_TABLES[name]
    cols = [sql_table.c[c] for c in table.names] + ([sql_table.c.batch_id] if with_batch else [])
    stmt = sa.select(*cols)
    if ordered:
        stmt = stmt.order_by(*[sql_table.c[k] for k in table.key])
    if where is not None:
        stmt = stmt.where(where)

    def run(conn):
        result = conn.execute(stmt)
        keys = list(result.keys())
        # The driver's own tuples (SQLAlchemy's Row objects cost more than the query on large tables),
        # a chunk at a time: a million rows as Python tuples at once would double an import's memory.
        frames = []
        while rows := result.cursor.fetchmany(200_000):
            frames.append(pd.DataFrame(rows, columns=keys))
        result.close()
        if not frames:
            return pd.DataFrame([], columns=keys)
        return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)

    if isinstance(engine_or_conn, Engine):
        with engine_or_conn.connect() as conn:
            frame = run(conn)
    else:
        frame = run(engine_or_conn)
    return _typed(frame, table)


def _typed(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    for col in table.columns:
        if col.name not in frame:
            continue
        if col.kind == NUMBER:
            frame[col.name] = pd.to_numeric(frame[col.name], errors="coerce").astype("float64")
        elif col.kind == INTEGER:
            frame[col.name] = pd.to_numeric(frame[col.name], errors="coerce").astype("Int64")
        else:
            frame[col.name] = frame[col.name].astype("object").where(frame[col.name].notna(), None)
    return frame


def read_all(engine: Engine) -> dict[str, pd.DataFrame]:
    return {name: read_table(engine, name) for name in TABLES}


def known_codes(engine: Engine):
    """The framework codes the validator checks references against."""
    from .validation import Known

    with engine.connect() as conn:
        def ids(name, col):
            t = SQL_TABLES[name]
            return {r[0] for r in conn.execute(sa.select(t.c[col]))}

        ind = SQL_TABLES["indicators"]
        ter = SQL_TABLES["territories"]
        return Known(
            levels=ids("levels", "level_id"),
            themes=ids("themes", "theme_id"),
            actions=ids("actions", "action_id"),
            indicators={r[0]: r[1] for r in conn.execute(sa.select(ind.c.indicator_id, ind.c.unit))},
            territories={r[0]: r[1] for r in conn.execute(sa.select(ter.c.territory_id, ter.c.replaced_by))},
        )


# ---------------------------------------------------------------- importing

@dataclass
class ImportResult:
    batch_id: int | None
    counts: dict[str, dict[str, int]] = field(default_factory=dict)   # table -> added/updated/unchanged
    changes: dict[str, pd.DataFrame] = field(default_factory=dict)    # table -> updated rows, old and new
    rejected: int = 0
    dry_run: bool = False

    def total(self, what: str) -> int:
        return sum(c.get(what, 0) for c in self.counts.values())

    def summary(self) -> dict[str, int]:
        out = {"added": self.total("added"), "updated": self.total("updated"),
               "unchanged": self.total("unchanged"), "rejected": self.rejected}
        if self.total("earlier_versions"):   # a file listing a target's successive decisions
            out["earlier_versions"] = self.total("earlier_versions")
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


def _insert_rows(conn, name: str, frame: pd.DataFrame, batch_id: int) -> None:
    if frame.empty:
        return
    table = TABLES[name]
    quote = conn.dialect.identifier_preparer.quote
    cols = table.names + ["batch_id"]
    # Values always travel as parameters; the identifiers come from the schema, never from a file.
    sql = (f"INSERT INTO {quote(name)} ({', '.join(quote(c) for c in cols)}) "
           f"VALUES ({', '.join([_placeholder(conn)] * len(cols))})")
    step = 100_000  # chunks keep memory flat on million-row imports
    for start in range(0, len(frame), step):
        chunk = frame.iloc[start:start + step]
        columns = [_column_values(chunk, c) for c in table.names] + [[batch_id] * len(chunk)]
        conn.exec_driver_sql(sql, list(zip(*columns)))


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
    out = frame[[c for c in table.names]].copy()
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
    both = merged[~is_new].copy()
    # A column the file does not carry keeps its stored value (a file of values keeps the notes).
    for c in data_cols:
        if c not in present:
            both[c] = both[c + "__old"]
    changed = np.zeros(len(both), dtype=bool)
    for c in data_cols:
        changed |= ~_equal(both[c], both[c + "__old"])
    added = merged.loc[is_new, table.names]
    updated = both.loc[changed].copy()
    # A new version does not inherit the decision date and reason of the one it replaces.
    for c in table.version + table.version_notes:
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
    try:
        with engine.begin() as conn:
            batch_id = conn.execute(batches.insert().values(
                created_at=_now(), user=user or "unknown", files=", ".join(f["file"] for f in files) or "-",
                sha256=", ".join(f.get("sha256", "") for f in files), status="active",
                added=0, updated=0, unchanged=0, rejected=rejected)).inserted_primary_key[0]
            successors = _successors(conn, tables) if attach_to_successor else {}
            for name in TABLES:
                if name not in tables or tables[name].empty:
                    continue
                table = TABLES[name]
                incoming = _prepare(tables[name], table, (present or {}).get(name))
                if successors:
                    incoming = _attach(incoming, name, successors)
                earlier = incoming.iloc[:0]
                if table.version:
                    incoming, earlier = latest_versions(incoming, table)
                added, updated, old, unchanged = _plan_table(conn, name, incoming)
                del incoming
                if table.version and len(updated):
                    # The store already holds a later decision: the file's row is an earlier version.
                    older = is_earlier(updated, table)
                    earlier = pd.concat([earlier, updated.loc[older, table.names]], ignore_index=True)
                    updated, old = updated[~older], old[~older]
                if len(earlier):
                    _write_history(conn, batch_id, name, earlier.assign(batch_id=None), "revision")
                result.counts[name] = {"added": len(added), "updated": len(updated), "unchanged": unchanged}
                if len(earlier):
                    result.counts[name]["earlier_versions"] = len(earlier)
                if len(updated):
                    data_cols = [c for c in table.names if c not in table.key]
                    view = updated[list(table.key)].copy()
                    for c in data_cols:
                        view[f"{c}_old"] = updated[c + "__old"].to_numpy()
                        view[c] = updated[c].to_numpy()
                    result.changes[name] = view
                _insert_rows(conn, name, added, batch_id)
                if len(updated):
                    _write_history(conn, batch_id, name, old, "update")
                    _delete_keys(conn, name, updated)
                    _insert_rows(conn, name, updated[table.names], batch_id)
            summary = result.summary()
            conn.execute(batches.update().where(batches.c.batch_id == batch_id).values(
                added=summary["added"], updated=summary["updated"], unchanged=summary["unchanged"]))
            _bump_version(conn)
            result.batch_id = batch_id
            if dry_run:
                raise _DryRun()
    except _DryRun:
        result.batch_id = None
    except sa.exc.IntegrityError as exc:
        # Another import wrote the same keys between our read and our write: nothing of ours was kept.
        raise StoreError("Another import wrote the same values at the same moment: nothing was written. "
                         "Please retry; the files will be checked again against the new data.") from exc
    except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
        raise StoreError(_operational_message(exc)) from exc
    return result


def _operational_message(exc: Exception) -> str:
    text = str(getattr(exc, "orig", exc)).lower()
    if "readonly" in text or "read-only" in text:
        return "The database file is read-only: nothing was written. Ask for write access to the store."
    if ("disk" in text or "database" in text) and ("full" in text or "space" in text):
        return "The disk is full: nothing was written. Free some space and try again."
    if "locked" in text or "could not serialize" in text or "deadlock" in text:
        return "Another import is being written at this moment: nothing was written. Please retry in a few seconds."
    return "The database could not be written: nothing was written. Please retry; if it persists, tell the administrator."


def _successors(conn, tables) -> dict[str, str]:
    ter = SQL_TABLES["territories"]
    mapping = {r[0]: r[1] for r in conn.execute(sa.select(ter.c.territory_id, ter.c.replaced_by)) if r[1]}
    if "territories" in tables:
        t = tables["territories"]
        mapping.update({k: v for k, v in zip(t["territory_id"], t["replaced_by"]) if v})

    def final(code, seen=()):
        nxt = mapping.get(code)
        return code if not nxt or nxt in seen else final(nxt, (*seen, code))

    return {code: final(code) for code in mapping}


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


def _write_history(conn, batch_id: int, name: str, rows: pd.DataFrame, op: str) -> None:
    table = TABLES[name]
    records = rows.to_dict("records")
    payload = [{
        "batch_id": batch_id, "table_name": name, "op": op,
        "row_key": _json_row({k: r[k] for k in table.key}),
        "row": _json_row({c: r[c] for c in table.names}),
        "old_batch_id": _clean(r.get("batch_id")),
    } for r in records]
    for start in range(0, len(payload), 50_000):
        conn.execute(history.insert(), payload[start:start + 50_000])


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
    `replaced_at`: the time of the batch that replaced it or brought it along (see revisions.py)."""
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
    return frame.drop_duplicates(subset=table.names, keep="first").reset_index(drop=True)


def rollback(engine: Engine, batch_id: int, user: str = "unknown") -> dict[str, int]:
    """Undo one batch exactly: remove what it added, restore what it changed."""
    try:
        with engine.begin() as conn:
            batch = conn.execute(sa.select(batches).where(batches.c.batch_id == batch_id)).mappings().first()
            if batch is None:
                raise StoreError(f"There is no batch {batch_id}.")
            if batch["status"] != "active":
                raise StoreError(f"Batch {batch_id} was already rolled back on {batch['rolled_back_at']}.")
            later = sorted({r[0] for r in conn.execute(
                sa.select(history.c.batch_id).where(history.c.old_batch_id == batch_id, history.c.op == "update",
                                                    history.c.batch_id.in_(
                                                        sa.select(batches.c.batch_id).where(
                                                            batches.c.status == "active"))))})
            if later:
                raise StoreError(
                    f"Batch {batch_id} cannot be rolled back alone: batch(es) {', '.join(map(str, later))} changed "
                    f"values it wrote since. Roll back {', '.join(map(str, reversed(later)))} first.")
            counts = {"removed": 0, "restored": 0}
            for name in reversed(list(TABLES)):
                sql_table = SQL_TABLES[name]
                current = read_table(conn, name, where=sql_table.c.batch_id == batch_id, with_batch=True)
                if current.empty:
                    continue
                _write_history(conn, batch_id, name, current, "rollback")
                conn.execute(sql_table.delete().where(sql_table.c.batch_id == batch_id))
                counts["removed"] += len(current)
                olds = conn.execute(sa.select(history.c.row, history.c.old_batch_id).where(
                    history.c.batch_id == batch_id, history.c.table_name == name, history.c.op == "update")).all()
                if olds:
                    frame = pd.DataFrame([json.loads(r[0]) for r in olds])
                    frame = _typed(frame.reindex(columns=TABLES[name].names), TABLES[name])
                    for old_batch, group in frame.groupby(pd.Series([r[1] for r in olds]), dropna=False):
                        _insert_rows(conn, name, group, None if pd.isna(old_batch) else int(old_batch))
                    counts["restored"] += len(olds)
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
        raise StoreError(_operational_message(exc)) from exc


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


# ---------------------------------------------------------------- named documents (mappings, boundaries)

def save_mapping(engine: Engine, name: str, spec: dict, user: str) -> None:
    """Save (or replace) a named mapping of a foreign layout; `spec` is plain JSON data."""
    with engine.begin() as conn:
        conn.execute(mappings.delete().where(mappings.c.name == name))
        conn.execute(mappings.insert().values(name=name, spec=json.dumps(spec, ensure_ascii=False, sort_keys=True),
                                              saved_at=_now(), user=user or "unknown"))
        _bump_version(conn)


def get_mapping(engine: Engine, name: str) -> dict | None:
    with engine.connect() as conn:
        spec = conn.execute(sa.select(mappings.c.spec).where(mappings.c.name == name)).scalar()
    return json.loads(spec) if spec else None


def list_mappings(engine: Engine) -> pd.DataFrame:
    with engine.connect() as conn:
        result = conn.execute(sa.select(mappings.c.name, mappings.c.saved_at, mappings.c.user)
                              .order_by(mappings.c.name))
        return pd.DataFrame(list(map(tuple, result.fetchall())), columns=["name", "saved_at", "user"])


def save_boundaries(engine: Engine, name: str, geojson: dict, code_property: str, user: str) -> None:
    """Save (or replace) a named boundary set, already in WGS84 and simplified."""
    with engine.begin() as conn:
        conn.execute(boundaries.delete().where(boundaries.c.name == name))
        conn.execute(boundaries.insert().values(name=name, code_property=code_property,
                                                geojson=json.dumps(geojson, separators=(",", ":")),
                                                saved_at=_now(), user=user or "unknown"))
        _bump_version(conn)


def load_boundaries(engine: Engine) -> list[dict]:
    """Every saved boundary set: name, code_property, geojson (dict), saved_at, user."""
    with engine.connect() as conn:
        rows = conn.execute(sa.select(boundaries).order_by(boundaries.c.name)).mappings().all()
    return [{**dict(r), "geojson": json.loads(r["geojson"])} for r in rows]


def delete_boundaries(engine: Engine, name: str) -> None:
    with engine.begin() as conn:
        conn.execute(boundaries.delete().where(boundaries.c.name == name))
        _bump_version(conn)


# ---------------------------------------------------------------- demo

def demo_files() -> list[Path]:
    return [DEMO_DIR / f"{name}.csv" for name in TABLES if (DEMO_DIR / f"{name}.csv").exists()]


def load_demo(engine: Engine, user: str = "demo") -> ImportResult:
    from .importing import import_files

    outcome = import_files(engine, demo_files(), user=user)
    if not outcome.checked.ok:
        first = outcome.checked.problems[0]
        raise StoreError(f"The demo data does not validate: {first.file} row {first.row}: {first.message('en')}")
    from .demo_boundaries import seed_demo_boundaries
    from .demo_workflow import seed   # partners' accounts and submissions waiting for review

    # The map reads on first open: the shipped boundaries saved as an editor's upload would be.
    seed_demo_boundaries(engine, read_table(engine, "territories"))
    seed(engine)
    return outcome.result
