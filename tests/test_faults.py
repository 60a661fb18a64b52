"""Faults and concurrency: nothing is lost or mixed, and the user gets a clear message.

Each fault test compares a full export after the fault with the export before
it (or with the completed import, when it completed).
"""
from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time

import pytest
import sqlalchemy as sa

from indicators.importing import import_files
from indicators.store import StoreError, data_version, list_batches, open_store, read_table, rollback

from .conftest import ROOT
from .helpers import snapshot, store_with_framework, write

OBS = "indicator_id,territory_id,period,value\n"


@pytest.fixture(autouse=True)
def _any_year(monkeypatch):
    # The big files below number their months from year 1000 to keep every key distinct; the years a
    # real file may hold (limits.MIN_YEAR..MAX_YEAR) are widened for them, also in subprocesses.
    monkeypatch.setenv("MONITOR_MIN_YEAR", "1000")
    monkeypatch.setenv("MONITOR_MAX_YEAR", "9999")


def _big_file(tmp_path, rows: int = 60_000):
    lines = [OBS.strip()]
    for i in range(rows):
        k = i // 4   # monthly periods keep the keys distinct and valid for any number of rows
        lines.append(f"MOB02,{('59350', '59512', '34022', '57096')[i % 4]},{1000 + k // 12}-{k % 12 + 1:02d},{i}.5")
    return write(tmp_path, "big.csv", "\n".join(lines) + "\n")


def test_concurrent_imports_of_different_values_both_land(store_url, tmp_path):
    engine = store_with_framework(store_url)
    a = write(tmp_path, "a.csv", OBS + "".join(f"MOB02,59350,{y},{y}\n" for y in range(2000, 2020)))
    b = write(tmp_path, "b.csv", OBS + "".join(f"MOB02,34022,{y},{y}\n" for y in range(2000, 2020)))
    results, errors = {}, {}

    def run(name, path):
        try:
            results[name] = import_files(open_store(store_url), [path], user=name)
        except StoreError as exc:
            errors[name] = str(exc)

    threads = [threading.Thread(target=run, args=(n, p)) for n, p in (("alice", a), ("bob", b))]
    for th in threads:
        th.start()
    for th in threads:
        th.join(120)
    for name, message in errors.items():          # a loser is told to retry, then its retry lands
        assert "retry" in message.lower()
        run(name, a if name == "alice" else b)
    assert not set(errors) - set(results)
    obs = read_table(engine, "observations")
    assert sorted(obs.groupby("territory_id").size().tolist()) == [20, 20]
    alice = results["alice"].result.batch_id
    rollback(engine, alice)
    obs = read_table(engine, "observations")
    assert set(obs["territory_id"]) == {"34022"} and len(obs) == 20


def test_concurrent_imports_of_the_same_keys_never_mix(store_url, tmp_path):
    engine = store_with_framework(store_url)
    files = {v: write(tmp_path, f"v{v}.csv", OBS + "".join(f"MOB02,59350,{y},{v}\n" for y in range(1990, 2020)))
             for v in (1, 2)}
    outcomes = []

    def run(v):
        try:
            outcomes.append(import_files(open_store(store_url), [files[v]], user=f"u{v}"))
        except StoreError as exc:
            outcomes.append(str(exc))

    threads = [threading.Thread(target=run, args=(v,)) for v in files]
    for th in threads:
        th.start()
    for th in threads:
        th.join(120)
    assert len(outcomes) == 2 and any(not isinstance(o, str) for o in outcomes)
    for o in outcomes:
        if isinstance(o, str):
            assert "retry" in o.lower()
    values = set(read_table(engine, "observations")["value"])
    assert values in ({1.0}, {2.0})              # one file's values, never a mixture


def _writing(url: str, path) -> bool:
    """True once the import holds an open write transaction (it has started writing, not committed)."""
    if url.startswith("sqlite"):
        import sqlite3

        conn = sqlite3.connect(path, timeout=0)
        try:
            conn.execute("BEGIN IMMEDIATE")   # refused while another writer holds the lock
            conn.rollback()
            return False
        except sqlite3.OperationalError:
            return True
        finally:
            conn.close()
    probe = sa.create_engine(url)
    try:
        with probe.connect() as conn:        # a transaction id is assigned at its first write
            return bool(conn.execute(sa.text(
                "select count(*) from pg_stat_activity where backend_xid is not null and pid <> pg_backend_pid()"
            )).scalar())
    finally:
        probe.dispose()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_killed_import_leaves_the_store_as_before(backend, tmp_path, request):
    path = tmp_path / "store.sqlite"
    url = f"sqlite:///{path}" if backend == "sqlite" else request.getfixturevalue("store_url_pg")
    engine = store_with_framework(url)
    before = snapshot(engine)
    big = _big_file(tmp_path, 200_000)
    proc = subprocess.Popen([sys.executable, "-m", "indicators", "import", "--db", url, str(big)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while not _writing(url, path) and proc.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the import finished before it could be killed: make the file larger"
    proc.send_signal(signal.SIGKILL)           # in the middle of writing the rows
    proc.wait(30)
    engine.dispose()
    engine = open_store(url)
    assert len(list_batches(engine)) == 1      # only the framework's batch: the killed one left nothing
    assert snapshot(engine) == before


def test_postgres_restart_while_the_app_runs(postgres_server, store_url_pg):
    engine = store_with_framework(store_url_pg)
    version = data_version(engine)
    prefix, bindir, data = postgres_server["prefix"], postgres_server["bindir"], postgres_server["data"]
    # -l: the restarted server must not hold our pipes open.
    subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(data / "server.log"), "-m", "fast",
                             "-w", "-t", "60", "restart"], check=True, capture_output=True, timeout=120)
    # The pooled connections died with the server; the next page load works again (pre-ping).
    assert data_version(engine) == version
    assert len(read_table(engine, "territories")) == 5


def test_store_unreachable_gives_a_clear_message():
    from indicators.store import apply_import

    engine = open_store("postgresql+psycopg://nobody@127.0.0.1:1/none", create=False)
    with pytest.raises(StoreError, match="could not be written"):
        apply_import(engine, {}, user="x", files=[])


@pytest.mark.parametrize("bulk_rows", [10**9, 100], ids=["pandas", "bulk"])   # store/bulk.py: large tables
def test_full_disk_gives_a_clear_message_and_changes_nothing(tmp_path, monkeypatch, bulk_rows):
    import tempfile

    from indicators.store import bulk

    monkeypatch.setattr(bulk, "BULK_ROWS", bulk_rows)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "scratch"))
    (tmp_path / "scratch").mkdir()
    path = tmp_path / "full.sqlite"
    engine = store_with_framework(f"sqlite:///{path}")
    before = snapshot(engine)
    engine.dispose()
    full = open_store(f"sqlite:///{path}", create=False)

    @sa.event.listens_for(full, "connect")
    def _limit(dbapi_conn, _record):   # the store may not grow, as on a full disk (the scratch file may)
        pages = dbapi_conn.execute("PRAGMA main.page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA main.max_page_count = {pages + 2}")

    with pytest.raises(StoreError, match="disk is full"):
        import_files(full, [_big_file(tmp_path, 20_000)])
    assert list((tmp_path / "scratch").iterdir()) == []
    full.dispose()
    assert snapshot(open_store(f"sqlite:///{path}")) == before
