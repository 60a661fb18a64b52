"""A large table compared with the store and written inside SQLite.

Python's sqlite3 binds about half a million rows a second, and a million-row import paid that twice
in pandas' path: reading the stored rows back to compare them (2.2 s for a million observations) and
binding the new rows into the keyed table (2.8 s). Here the incoming rows go, as Arrow columns, into a
scratch SQLite file through ADBC's bulk ingest (0.6 s), which the store's connection attaches; SQLite
then counts the unchanged rows, returns only the changed ones (few, in practice) and copies the new
ones itself (INSERT ... SELECT, 0.6 s). bench/ingest.py prints the import's figures.

Only for a SQLite file store (PostgreSQL keeps the pandas path), for tables of at least BULK_ROWS rows
without version columns (a target's successive decisions need the pandas path's ordering), and not when
an import moves retired territories' rows to their successors. writing._plan_slice is the reference:
tests/test_bulk_import.py checks that both paths leave the same counts, changes, history and rows.

A file that comes back unchanged (a partner sending the same export again, a planner re-uploading to
check) is not compared row by row: the store keeps, beside its data version, the digest of each large
table the latest import wrote (LAST_IMPORT). When nothing was written since (the version is the one
that import left) and the incoming table's digest is the same, every one of its rows is already stored
as it is: the scratch copy and the join (1.2 s of a million rows) are skipped. Every writer bumps the
version, so any write in between, a rollback included, makes the import compare as usual.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import pandas as pd
import pyarrow as pa
import sqlalchemy as sa

from ..schema import INTEGER, NUMBER, TABLES
from .tables import SQL_TABLES, StoreError, _typed, meta_value, result_frame, set_meta_value, version_of

BULK_ROWS = 50_000   # below this, the pandas path costs less than a scratch file
SCHEMA = "stage"     # the scratch file's name on the store's connection
PREFIX = "indicators-import-"   # scratch files, in the temporary folder
STALE_SECONDS = 3600   # an import takes seconds: a scratch file an hour old was left by a killed process
LAST_IMPORT = "last_import"   # meta key: {"version": data version it left, "digests": {table: digest}}


def eligible(conn, tables: dict[str, pd.DataFrame], attach_to_successor: bool) -> list[str]:
    """The tables of this import that take the bulk path."""
    url = conn.engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:" or attach_to_successor:
        return []
    return [name for name in TABLES if name in tables and len(tables[name]) >= BULK_ROWS
            and not TABLES[name].version and not TABLES[name].version_notes]


def _arrow(frame: pd.DataFrame, name: str) -> pa.Table:
    # Types from the schema, not from the cells. A column empty in every row is left out (the staged
    # table reads as NULL there, see _cell): three such columns cost 0.12 s of a million rows.
    table = TABLES[name]
    kinds = {NUMBER: pa.float64(), INTEGER: pa.int64()}
    schema = pa.schema([(c.name, kinds.get(c.kind, pa.string())) for c in table.columns])
    columns = frame[schema.names]
    columns.attrs = {}   # the import's own notes (which columns the file carries) are not data
    data = pa.Table.from_pandas(columns, schema=schema, preserve_index=False)
    return data.select([c for c in data.column_names
                        if c in table.key or data.column(c).null_count < data.num_rows])


def _cell(temp: sa.Table, column: str):
    """A staged column, or NULL for a column the file left empty in every row (see _arrow)."""
    return temp.c[column] if column in temp.c else sa.null()


def latest(conn) -> dict[str, str]:
    """The digests of the large tables the latest write of the store imported, by table; empty when
    something else was written since (every writer bumps the version)."""
    record = json.loads(meta_value(conn, LAST_IMPORT) or "{}")
    return record.get("digests", {}) if record.get("version") == version_of(conn) else {}


def remember(conn, version: int, digests: dict[str, str]) -> None:
    """Called by an import in its transaction, with the version it leaves."""
    set_meta_value(conn, LAST_IMPORT, json.dumps({"version": version, "digests": digests}, sort_keys=True))


def digest(data: pa.Table, present: set[str]) -> str:
    """SHA-256 of the staged columns' Arrow buffers, their types and the columns the file carries. Equal
    digests mean equal rows; a difference in padding bytes only costs the comparison it would skip."""
    h = hashlib.sha256(json.dumps([data.num_rows, data.column_names, sorted(present)]).encode())
    for column in data.columns:
        for chunk in column.chunks:
            h.update(f"{chunk.type}|{len(chunk)}|{chunk.offset}|{chunk.null_count}".encode())
            for buffer in chunk.buffers():
                h.update(b"-" if buffer is None else memoryview(buffer))
    return h.hexdigest()


@dataclass
class Staged:
    tables: dict[str, sa.Table] = field(default_factory=dict)   # staged in the scratch file, by name
    digests: dict[str, str] = field(default_factory=dict)       # every large table's digest
    unchanged: dict[str, int] = field(default_factory=dict)     # same digest as stored: name -> rows


@contextmanager
def scratch(conn, names: list[str], prepare: Callable[[str], pd.DataFrame], present: dict[str, set[str]],
            known: dict[str, str]) -> Iterator[Staged]:
    """Each table `prepare(name)` gives written into a scratch file, one at a time (a frame lives only
    while it is written), attached to `conn` as SCHEMA outside any transaction (SQLite attaches no file
    inside one); yields what was staged. A table whose digest is in `known` (see latest) is not staged.
    Detached and deleted after, whatever happened. Nothing staged: no file is made."""
    staged = Staged()
    if not names:
        yield staged
        return
    import adbc_driver_sqlite.dbapi as adbc   # only large imports pay for loading it

    path, attached, scratch_conn = None, False, None
    try:
        try:
            for name in names:
                data = _arrow(prepare(name), name)
                staged.digests[name] = digest(data, present.get(name, set(TABLES[name].names)))
                if known.get(name) == staged.digests[name]:
                    staged.unchanged[name] = data.num_rows
                    continue
                if scratch_conn is None:
                    _remove_stale(Path(tempfile.gettempdir()))
                    fd, path = tempfile.mkstemp(suffix=".sqlite", prefix=PREFIX)
                    os.close(fd)
                    # A scratch file is deleted after the import whatever happens: no journal and no sync
                    # to pay for (0.03 s of the 0.5 s a million rows take).
                    scratch_conn = adbc.connect(path, autocommit=True)
                    with scratch_conn.cursor() as cur:
                        cur.execute("PRAGMA journal_mode=OFF")
                        cur.execute("PRAGMA synchronous=OFF")
                with scratch_conn.cursor() as cur:
                    cur.adbc_ingest(f"incoming_{name}", data, mode="create")
                staged.tables[name] = _stage_table(name, data.column_names)
                del data
            if scratch_conn is not None:
                scratch_conn.close()
                scratch_conn = None
        except (OSError, adbc.Error) as exc:
            raise StoreError(f"The temporary copy of a large import could not be written in {tempfile.gettempdir()} "
                             f"({exc}): nothing was written. Free some space there (or set TMPDIR to a folder "
                             "with room) and try again.", key="store_no_scratch_room",
                             folder=tempfile.gettempdir()) from exc
        if path:
            conn.exec_driver_sql(f"ATTACH DATABASE ? AS {SCHEMA}", (path,))
            conn.commit()
            attached = True
        yield staged
    finally:
        if scratch_conn is not None:
            scratch_conn.close()
        if attached:
            _detach(conn)
        for leftover in (path, f"{path}-journal") if path else ():
            Path(leftover).unlink(missing_ok=True)


def _remove_stale(folder: Path) -> None:
    """Scratch files a killed process left behind (a server stopped in the middle of an import)."""
    now = time.time()
    for path in folder.glob(f"{PREFIX}*"):
        try:
            if now - path.stat().st_mtime > STALE_SECONDS:
                path.unlink()
        except OSError:   # gone meanwhile, or not ours to remove: not this import's concern
            pass


def _detach(conn) -> None:
    try:
        if conn.in_transaction():
            conn.rollback()
        conn.exec_driver_sql(f"DETACH DATABASE {SCHEMA}")
        conn.commit()
    except sa.exc.DBAPIError:
        conn.invalidate()   # the pool opens a new connection rather than keep one with the file attached


def _stage_table(name: str, columns: list[str]) -> sa.Table:
    return sa.Table(f"incoming_{name}", sa.MetaData(), *[sa.Column(c) for c in columns], schema=SCHEMA)


def _matching(name: str, temp: sa.Table):
    stored = SQL_TABLES[name]
    return sa.and_(*[stored.c[k] == temp.c[k] for k in TABLES[name].key])


def plan(conn, name: str, temp: sa.Table, present: set[str]) -> tuple[int, pd.DataFrame, pd.DataFrame, int]:
    """(rows new to the store, rows to update with their old version, old versions, unchanged count),
    as writing._plan_slice gives them, but with the new rows counted, not returned."""
    table = TABLES[name]
    stored = SQL_TABLES[name]
    key = list(table.key)
    data_cols = [c for c in table.names if c not in key]
    # A column the file does not carry keeps its stored value: it is not compared.
    same = sa.and_(sa.true(), *[stored.c[c].is_not_distinct_from(_cell(temp, c)) for c in data_cols if c in present])
    on = _matching(name, temp)
    total = conn.execute(sa.select(sa.func.count()).select_from(temp)).scalar()
    # One pass of the join counts the rows and lists the changed ones' row ids, which the second query
    # reads by id: a second pass of the join cost 0.55 s of a million rows with 1 % of them revised.
    rowid = _rowid(temp)
    matched, unchanged, changed = conn.execute(
        sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(sa.case((same, 1), else_=0)), 0),
                  sa.func.group_concat(sa.case((same, None), else_=rowid)))
        .select_from(temp.join(stored, on))).one()
    updated = _changed_rows(conn, name, temp, on, f"[{changed}]") if matched > unchanged else _no_rows(name)
    for c in data_cols:
        if c not in present:
            updated[c] = updated[c + "__old"]
    old = updated[key + [c + "__old" for c in data_cols] + ["batch_id"]].rename(
        columns={c + "__old": c for c in data_cols})
    return total - matched, updated, old, int(unchanged)


def _no_rows(name: str) -> pd.DataFrame:
    table = TABLES[name]
    data_cols = [c for c in table.names if c not in table.key]
    return pd.DataFrame(columns=table.names + [c + "__old" for c in data_cols] + ["batch_id"])


def _rowid(temp: sa.Table):
    return sa.literal_column(f"{SCHEMA}.{temp.name}.rowid")


def _changed_rows(conn, name: str, temp: sa.Table, on, rowids: str) -> pd.DataFrame:
    """The staged rows of these row ids (a JSON array), with their stored versions."""
    table = TABLES[name]
    stored = SQL_TABLES[name]
    data_cols = [c for c in table.names if c not in table.key]
    ids = sa.select(sa.func.json_each(sa.bindparam("rowids", rowids)).table_valued("value").c.value).scalar_subquery()
    stmt = (sa.select(*[_cell(temp, c).label(c) for c in table.names], *[stored.c[c].label(c + "__old") for c in data_cols],
                      stored.c.batch_id)
            .select_from(temp.join(stored, on)).where(_rowid(temp).in_(ids)))
    def typed(part: pd.DataFrame) -> pd.DataFrame:   # a chunk at a time: every value of a million rows may change
        part = _typed(part, table)
        old = _typed(part[[c + "__old" for c in data_cols]].rename(columns=lambda c: c.removesuffix("__old")),
                     table)
        for c in data_cols:
            part[c + "__old"] = old[c].to_numpy()
        return part

    frame = result_frame(conn.execute(stmt), typed)
    frame["batch_id"] = pd.to_numeric(frame["batch_id"])
    return frame


def insert_new(conn, name: str, temp: sa.Table, batch_id: int, only_missing: bool) -> None:
    """Copy the staged rows the store does not hold into it, in SQLite's own loop. `only_missing`
    false: the store held none of these keys, so nothing is looked up."""
    cols = TABLES[name].names
    stored = SQL_TABLES[name]
    select = sa.select(*[_cell(temp, c) for c in cols], sa.literal(batch_id, sa.Integer))
    if only_missing:
        select = select.where(~sa.exists().where(_matching(name, temp)))
    conn.execute(stored.insert().from_select(cols + ["batch_id"], select))
