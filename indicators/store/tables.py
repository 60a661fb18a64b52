"""The SQL tables derived from the schema (and the store's own: batches, history, mappings,
boundaries, meta), opening a store by URL (and keeping to the file it opened), the data version, and
reading tables back typed."""
from __future__ import annotations

import os
import uuid
import weakref
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..schema import CODE, CODE_LENGTH, CODES, DATE, INTEGER, NUMBER, PERIOD, TABLES, Table

ROOT = Path(__file__).resolve().parents[2]
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
    if table.name in POSITIONED:
        cols.append(sa.Column(POSITION, sa.BigInteger, nullable=True))
    # SQLite: keyed tables without the hidden rowid, so a row is written once, in key order.
    return sa.Table(table.name, metadata, *cols, sqlite_with_rowid=False)


# Tables whose rows are read back in the order they were first imported, not by key: the targets, whose
# first row (for an indicator) names its headline territory (DESIGN.md "Progress method"). The store
# numbers each new key as it is first written (file order); an update or a revision of a row keeps its
# number, and a rollback restores it. Neither rowid nor heap order is relied on (PostgreSQL alike).
POSITION = "row_position"
POSITIONED = ("targets",)


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
        from ..i18n import TEXTS, t

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
        _keep_to_file(engine)
    if create:
        metadata.create_all(engine)
        _add_new_columns(engine)
        _number_positions(engine)
        _drop_old_indexes(engine)
        _mark_older_demo(engine)
    return engine


# ---------------------------------------------------------------- the file a SQLite store opened

@dataclass
class StoreFile:
    """The SQLite file an engine works on: its path, the file's identity (device, inode) when the engine
    last connected, and the identities of the journals (`-wal`) its connections used."""
    path: Path
    opened: tuple[int, int] | None = None
    journals: set = field(default_factory=set)


_FILES: "weakref.WeakKeyDictionary[Engine, StoreFile]" = weakref.WeakKeyDictionary()


def sqlite_file(url) -> Path | None:
    """The file of a SQLite store's URL; None for another database, an in-memory one or SQLite's URI form."""
    parsed = sa.engine.make_url(str(url)) if not isinstance(url, sa.engine.URL) else url
    name = parsed.database
    if parsed.get_backend_name() != "sqlite" or not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name)


def file_identity(path: Path | str) -> tuple[int, int] | None:
    """(device, inode) of the file at `path`, None when there is none: one stat."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    return found.st_dev, found.st_ino


def _journal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _gone(path: Path) -> StoreError:
    return StoreError(f"The store's file {path} is no longer there (deleted or moved away): nothing is shown "
                      "and nothing is written until a store is back at that path.", key="store_file_gone")


def _keep_to_file(engine: Engine) -> None:
    """Every connection of `engine` works on the file now at its path, never on one deleted or replaced.

    A connection opened on a file keeps reading it after the file is deleted or another is moved to its
    path (a restored copy, `init` at the same path): the dashboard then showed, and would have written to,
    a store nobody could see. Each checkout compares the file at the path with the one the connection
    opened (one stat): another file there, the connection is replaced by one on it; no file there, the
    store is said to be gone, and no new, empty file is made in its place. A file moved over the store
    while its journal (`-wal`) was in use would be read through that journal, the replaced store's: refused
    in words too (docs/deployment.md says how to restore)."""
    path = sqlite_file(engine.url)
    if path is None:
        return
    kept = _FILES[engine] = StoreFile(path)

    def before_connect(dialect, record, cargs, cparams):
        if kept.opened is not None:   # not the first connection, which may create the store
            _still_there(kept)

    def connected(dbapi_conn, record):
        now = file_identity(path)
        if now != kept.opened:   # the journals of the file opened before are no longer this file's
            kept.journals = set()
        record.info["store_file"] = kept.opened = now
        journal = file_identity(_journal(path))
        if journal is not None:
            kept.journals.add(journal)

    def checkout(dbapi_conn, record, proxy):
        now = file_identity(path)
        if now is None:
            raise _gone(path)
        if now != record.info.get("store_file"):
            raise sa.exc.DisconnectionError("another file is at the store's path")   # reconnected to it

    sa.event.listen(engine, "do_connect", before_connect)
    sa.event.listen(engine, "connect", connected)
    sa.event.listen(engine, "checkout", checkout)


def _still_there(kept: StoreFile) -> bool:
    """Whether the file at the path is the one last connected to; StoreError when there is none, or when
    another one is there with the journal of the one it replaced (SQLite would read it through it)."""
    path = kept.path
    now = file_identity(path)
    if now is None:
        raise _gone(path)
    if now != kept.opened and file_identity(_journal(path)) in kept.journals:
        raise StoreError(f"The store's file {path} was replaced while it was open: its journal {path}-wal "
                         "belongs to the file it replaced, and reading it would mix the two stores. Stop "
                         "the application, delete that -wal file and the -shm file beside it, and start "
                         "it again.", key="store_file_replaced_open")
    return now == kept.opened


def same_file(engine: Engine) -> bool:
    """Whether the file at a SQLite store's path is the one `engine` last connected to (always true for
    another database): False when another file was put there (open it again: its schema may be older).
    Raises StoreError when there is none, or when it cannot be read safely (`_still_there`). One or two
    stats, cheap enough for every rerun of a page."""
    kept = _FILES.get(engine)
    if kept is None or kept.opened is None:
        return True
    return _still_there(kept)


def _mark_older_demo(engine: Engine) -> None:
    from ..i18n import t
    from .documents import demo_files
    from .identity import LANGS, mark_older_demo

    try:
        mark_older_demo(engine, [f.name for f in demo_files()],
                        {lang: t("demo_strategy_name", lang) for lang in LANGS})
    except sa.exc.DBAPIError:   # a read-only file, or another replica marking it at the same moment
        pass


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


def _number_positions(engine: Engine) -> None:
    """Rows of a positioned table without a position (a store made before positions) get one, after the
    numbered rows, in key order: what they were read in until then, so no headline moves."""
    for name in POSITIONED:
        table = SQL_TABLES[name]
        key = [table.c[k] for k in TABLES[name].key]
        try:
            with engine.begin() as conn:
                if not conn.execute(sa.select(sa.func.count()).select_from(table)
                                    .where(table.c[POSITION].is_(None))).scalar():
                    continue
                assign_positions(conn, name, [tuple(r) for r in conn.execute(
                    sa.select(*key).where(table.c[POSITION].is_(None)).order_by(*key))])
        except sa.exc.DBAPIError:   # a read-only file: read in key order after the numbered rows
            pass


def next_position(conn, name: str) -> int:
    """The number the next new row of a positioned table gets."""
    table = SQL_TABLES[name]
    return int(conn.execute(sa.select(sa.func.max(table.c[POSITION]))).scalar() or 0) + 1


def assign_positions(conn, name: str, keys: list[tuple], positions: list[int] | None = None) -> None:
    """Give the rows of `keys` (key tuples) the positions `positions`, or the next ones in that order."""
    if not keys:
        return
    if positions is None:
        start = next_position(conn, name)
        positions = list(range(start, start + len(keys)))
    table = SQL_TABLES[name]
    names = TABLES[name].key
    stmt = (table.update().where(*[table.c[k] == sa.bindparam(f"k_{k}") for k in names])
            .values({POSITION: sa.bindparam("p_position")}))
    conn.execute(stmt, [{"p_position": int(p), **{f"k_{k}": v for k, v in zip(names, key)}}
                        for key, p in zip(keys, positions)])


def open_default(url: str | None = None) -> Engine:
    """The store the app and CLI use: the default file is seeded with the demo on first start."""
    engine = open_store(url)
    if is_default(url) and is_empty(engine):
        from .documents import load_demo

        load_demo(engine)
    return engine


def is_empty(engine: Engine) -> bool:
    with engine.connect() as conn:
        return all(conn.execute(sa.select(sa.func.count()).select_from(SQL_TABLES[name])).scalar() == 0
                   for name in ("levels", "indicators", "observations"))


VERSION_KEY, TOKEN_KEY = "data_version", "data_token"


def data_version(engine: Engine) -> str:
    """A key that changes with every write, cheap to check on each rerun: the write counter and the random
    token every write draws ("31.6f0c…"). The counter alone came back: a store restored from a backup
    counts from the backup's number again, and its next write reached a number the pages had cached the
    content of before the restore (they showed values the restore had removed). A token is never drawn
    twice, so no two contents share a key, a store copied over another included. A store last written
    before writes drew tokens has its counter alone, until its next write (opening a store writes nothing)."""
    with engine.connect() as conn:
        return version_of(conn)


def version_of(conn) -> str:
    """data_version, read on an open connection (inside a transaction: that transaction's view)."""
    query = sa.select(meta.c.key, meta.c.value).where(meta.c.key.in_((VERSION_KEY, TOKEN_KEY)))
    rows = dict(conn.execute(query).all())
    counter, token = int(rows.get(VERSION_KEY) or 0), rows.get(TOKEN_KEY)
    return f"{counter}.{token}" if token else str(counter)


def meta_value(conn, key: str) -> str | None:
    return conn.execute(sa.select(meta.c.value).where(meta.c.key == key)).scalar()


def set_meta_value(conn, key: str, value: str) -> None:
    if conn.execute(meta.update().where(meta.c.key == key).values(value=value)).rowcount == 0:
        conn.execute(meta.insert().values(key=key, value=value))


def _bump_version(conn) -> str:
    """Every writer of the store calls this in its transaction; returns the new version (data_version)."""
    counter = int(meta_value(conn, VERSION_KEY) or 0) + 1
    token = uuid.uuid4().hex
    set_meta_value(conn, VERSION_KEY, str(counter))
    set_meta_value(conn, TOKEN_KEY, token)
    return f"{counter}.{token}"



# ---------------------------------------------------------------- reading

def read_table(engine_or_conn, name: str, where: sa.ColumnElement | None = None,
               with_batch: bool = False, ordered: bool = True) -> pd.DataFrame:
    """A stored table as a DataFrame with the schema's columns, sorted by key (a positioned table, the
    targets, in the order its rows were first imported: POSITIONED)."""
    table = TABLES[name]
    sql_table = SQL_TABLES[name]
    cols = [sql_table.c[c] for c in table.names] + ([sql_table.c.batch_id] if with_batch else [])
    stmt = sa.select(*cols)
    if ordered:
        if name in POSITIONED:   # in the order first imported (rows without a number last, in key order)
            position = sql_table.c[POSITION]
            stmt = stmt.order_by(sa.case((position.is_(None), 1), else_=0), position)
        stmt = stmt.order_by(*[sql_table.c[k] for k in table.key])
    if where is not None:
        stmt = stmt.where(where)

    if isinstance(engine_or_conn, Engine):
        with engine_or_conn.connect() as conn:
            frame = result_frame(conn.execute(stmt))
    else:
        frame = result_frame(engine_or_conn.execute(stmt))
    if with_batch:
        frame["batch_id"] = pd.to_numeric(frame["batch_id"])
    return _typed(frame, table)


def result_frame(result, each=lambda part: part) -> pd.DataFrame:
    """A query's rows as a frame of Python objects, `each` applied to every chunk.

    The driver's own tuples (SQLAlchemy's Row objects cost more than the query on large tables), a chunk
    at a time: a million rows as Python tuples at once would double an import's memory. As objects,
    typed by the caller: pandas would first infer each text column into an Arrow string that `_typed`
    turns back (half the frame's cost)."""
    keys = list(result.keys())
    frames = []
    while rows := result.cursor.fetchmany(200_000):
        frames.append(each(pd.DataFrame(rows, columns=keys, dtype=object)))
    result.close()
    if not frames:
        return each(pd.DataFrame([], columns=keys, dtype=object))
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


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
    from ..validation import Known

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
            unit_spellings={r[0]: tuple(r[1:]) for r in conn.execute(
                sa.select(ind.c.indicator_id, ind.c.unit_fr, ind.c.unit_nl, ind.c.unit_en))},
            territories={r[0]: r[1] for r in conn.execute(sa.select(ter.c.territory_id, ter.c.replaced_by))},
            parents={r[0]: r[1] for r in conn.execute(sa.select(ter.c.territory_id, ter.c.parent_id))},
            partners=ids("partners", "partner_id"),
            stored_outside=lambda ids, low, high: stored_outside(engine, ids, low, high),
        )


# The stored numbers of each table an indicator's unit bounds (validation: a unit changed to %).
BOUNDED_VALUES = {"observations": ("value",), "flows": ("value",),
                  "targets": ("baseline_value", "target_value", "milestone_value")}


def stored_outside(engine: Engine, ids, low: float, high: float) -> list[tuple]:
    """The stored values of the indicators `ids` outside [low, high], as (table, indicator, territory,
    period, column, value): asked only when a file changes a unit to one that bounds them, so the filter
    runs in the database, not over every stored row."""
    found: list[tuple] = []
    ids = list(ids)
    if not ids:
        return found
    with engine.connect() as conn:
        for name, columns in BOUNDED_VALUES.items():
            t = SQL_TABLES[name]
            where_ = t.c.territory_id if "territory_id" in t.c else t.c.origin_id
            for column in columns:
                v = t.c[column]
                # A target's value is dated by its own period (`baseline_value` by `baseline_period`).
                period = t.c.period if "period" in t.c else t.c[column.replace("_value", "_period")]
                query = sa.select(t.c.indicator_id, where_, period, v).where(
                    t.c.indicator_id.in_(ids), v.is_not(None), sa.or_(v < low, v > high))
                found.extend((name, i, where, when, column, value) for i, where, when, value in conn.execute(query))
    return found


