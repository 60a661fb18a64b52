"""Large tables are compared and written inside SQLite (indicators/store/bulk.py): the same import,
through that path and through pandas' (writing._plan_slice), leaves the same store, counts, changes
and history; a failure on the way leaves nothing, not even the scratch file."""
from __future__ import annotations

import glob
import sqlite3
import tempfile

import pandas as pd
import pytest
import sqlalchemy as sa

from indicators.importing import import_files
from indicators.store import StoreError, bulk, list_batches, open_store, read_table, rollback
from indicators.store.tables import history

from .helpers import snapshot, store_with_framework, write

TERRITORIES = ("59350", "59512", "34022", "57096")


def _observations(rows: int, *, value=lambda i: f"{i}.5", note=lambda i: "révisé" if i % 7 == 0 else "",
                  flag=lambda i: "p" if i % 11 == 0 else "", start: int = 0, columns=("flag", "note")) -> str:
    head = ["indicator_id", "territory_id", "period", "value", *columns]
    lines = [",".join(head)]
    for i in range(start, start + rows):
        k = i // 4
        cells = {"flag": flag(i), "note": note(i)}
        lines.append(",".join([("MOB02", "CLI01")[i % 2], TERRITORIES[i % 4], f"{1990 + k // 12}-{k % 12 + 1:02d}",
                               value(i), *[cells[c] for c in columns]]))
    return "\n".join(lines) + "\n"


def _flows(rows: int, shift: int = 0) -> str:
    lines = ["indicator_id,origin_id,destination_id,period,value,note"]
    for i in range(rows):
        lines.append(f"MOB02,{TERRITORIES[i % 4]},{TERRITORIES[(i + 1) % 4]},{1990 + i // 4},{i * 10 + shift},"
                     f"{'x' if i % 5 == 0 else ''}")
    return "\n".join(lines) + "\n"


def _steps(tmp_path):
    """A first import, the same again, then changed values, flags and new rows in a file without notes."""
    first = [write(tmp_path, "obs.csv", _observations(400)), write(tmp_path, "flows.csv", _flows(80))]
    changed = write(tmp_path, "obs2.csv", _observations(
        300, start=200, value=lambda i: f"{i}.5" if i % 3 else f"{i}.25", flag=lambda i: "e" if i % 13 == 0 else "",
        columns=("flag",)))
    flows = write(tmp_path, "flows2.csv", _flows(100, shift=1))
    return [first, first, [changed, flows]]


def _state(engine):
    with engine.connect() as conn:
        rows = conn.execute(sa.select(history.c.batch_id, history.c.table_name, history.c.op, history.c.row_key,
                                      history.c.row, history.c.old_batch_id).order_by(history.c.id)).all()
    return snapshot(engine), sorted(map(tuple, rows)), read_table(engine, "observations", with_batch=True)


def _run(tmp_path, name: str, bulk_rows: int, monkeypatch):
    monkeypatch.setattr(bulk, "BULK_ROWS", bulk_rows)
    engine = store_with_framework(f"sqlite:///{tmp_path / name}")
    outcomes = []
    for files in _steps(tmp_path):
        dry = import_files(engine, files, user="test", dry_run=True)
        done = import_files(engine, files, user="test")
        assert done.ok, [p.as_dict() for p in done.checked.problems]
        outcomes.append((dry.result.summary(), done.result.summary(),
                         {t: c.sort_values(list(c.columns[:3])).reset_index(drop=True)
                          for t, c in done.result.changes.items()}))
    after = _state(engine)
    rollback(engine, 4, user="test")   # the batch of changed rows (1: the framework, 2 and 3: the first file)
    return outcomes, after, _state(engine)


def test_the_bulk_path_and_the_pandas_path_leave_the_same_store(tmp_path, monkeypatch):
    used = []
    real_plan = bulk.plan
    monkeypatch.setattr(bulk, "plan", lambda *a, **k: used.append(a[1]) or real_plan(*a, **k))
    through_sql = _run(tmp_path, "bulk.sqlite", 1, monkeypatch)
    assert {"observations", "flows", "indicators", "territories"} <= set(used)   # the framework too: 1 row is large
    used.clear()
    through_pandas = _run(tmp_path, "pandas.sqlite", 10**9, monkeypatch)
    assert used == []
    (sql_outcomes, sql_after, sql_rolled), (pd_outcomes, pd_after, pd_rolled) = through_sql, through_pandas
    for (sql_dry, sql_done, sql_changes), (pd_dry, pd_done, pd_changes) in zip(sql_outcomes, pd_outcomes):
        assert sql_dry == sql_done == pd_dry == pd_done
        assert sql_changes.keys() == pd_changes.keys()
        for table in sql_changes:
            pd.testing.assert_frame_equal(sql_changes[table], pd_changes[table], check_dtype=False)
    # What the steps did, so that the comparison means something: new, unchanged, then changed rows.
    changed = sum(1 for i in range(200, 400) if i % 3 == 0 or ("e" if i % 13 == 0 else "") != ("p" if i % 11 == 0 else ""))
    assert [o[1] for o in sql_outcomes] == [
        {"added": 480, "updated": 0, "unchanged": 0, "rejected": 0},
        {"added": 0, "updated": 0, "unchanged": 480, "rejected": 0},
        {"added": 100 + 20, "updated": changed + 80, "unchanged": 200 - changed, "rejected": 0}]
    changes = sql_outcomes[2][2]["observations"]
    # The file has no notes: a changed row keeps its stored note; its flag is what the file says.
    kept = changes[changes["note_old"].notna()]
    assert len(kept) and (kept["note"] == kept["note_old"]).all()
    assert (changes["flag"].fillna("") != changes["flag_old"].fillna("")).any()
    assert sql_after[0] == pd_after[0] and sql_after[1] == pd_after[1]
    pd.testing.assert_frame_equal(sql_after[2], pd_after[2])
    assert sql_rolled[0] == pd_rolled[0] and sql_rolled[1] == pd_rolled[1]


def test_the_scratch_file_goes_and_the_connection_is_left_as_it_was(tmp_path, monkeypatch):
    monkeypatch.setattr(bulk, "BULK_ROWS", 100)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "scratch"))
    (tmp_path / "scratch").mkdir()
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    assert import_files(engine, [write(tmp_path, "obs.csv", _observations(400))], user="test").ok
    changed = write(tmp_path, "obs2.csv", _observations(400, value=lambda i: f"{i}.25"))   # staged, not skipped
    assert import_files(engine, [changed], user="test", dry_run=True).result.summary()["updated"] == 400
    assert glob.glob(str(tmp_path / "scratch" / "*")) == []
    with engine.connect() as conn:   # the pooled connection the import used: no scratch file attached
        names = [row[1] for row in conn.exec_driver_sql("PRAGMA database_list")]
    # SQLite's own "temp" schema may be there (an earlier write's statement journal); the scratch is not
    assert bulk.SCHEMA not in names and set(names) <= {"main", "temp"}, names
    assert len(read_table(engine, "observations")) == 400


def test_no_room_for_the_scratch_file_is_said_and_changes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(bulk, "BULK_ROWS", 100)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no such folder"))
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    before = snapshot(engine)
    with pytest.raises(StoreError, match="temporary") as raised:
        import_files(engine, [write(tmp_path, "obs.csv", _observations(400))], user="test")
    assert "nothing was written" in str(raised.value)
    assert snapshot(engine) == before


def test_only_large_tables_of_a_sqlite_file_without_versions_take_the_bulk_path(tmp_path, monkeypatch):
    monkeypatch.setattr(bulk, "BULK_ROWS", 10)
    many = pd.DataFrame({"x": range(10)})
    tables = {"observations": many, "targets": many, "flows": many.head(9)}
    engine = open_store(f"sqlite:///{tmp_path / 's.sqlite'}")
    with engine.connect() as conn:
        assert bulk.eligible(conn, tables, attach_to_successor=False) == ["observations"]
        assert bulk.eligible(conn, tables, attach_to_successor=True) == []   # successors: pandas' path
    with open_store("sqlite://").connect() as conn:   # an in-memory store has no file to attach beside
        assert bulk.eligible(conn, tables, attach_to_successor=False) == []


def test_the_store_file_stays_readable_by_pythons_own_sqlite(tmp_path, monkeypatch):
    """ADBC writes the scratch file with its own SQLite; the store itself is only ever written by
    Python's, through the store's connection."""
    monkeypatch.setattr(bulk, "BULK_ROWS", 100)
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    assert import_files(engine, [write(tmp_path, "obs.csv", _observations(400))], user="test").ok
    engine.dispose()
    with sqlite3.connect(tmp_path / "s.sqlite") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        types = conn.execute("SELECT DISTINCT typeof(value), typeof(period), typeof(territory_id) "
                             "FROM observations").fetchall()
    assert types == [("real", "text", "text")]



def _spy_plan(monkeypatch) -> list[str]:
    compared = []
    real_plan = bulk.plan
    monkeypatch.setattr(bulk, "plan", lambda *a, **k: compared.append(a[1]) or real_plan(*a, **k))
    return compared


def test_a_file_sent_again_unchanged_is_counted_unchanged_without_comparing_row_by_row(tmp_path, monkeypatch):
    monkeypatch.setattr(bulk, "BULK_ROWS", 100)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "scratch"))
    (tmp_path / "scratch").mkdir()
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    files = [write(tmp_path, "obs.csv", _observations(400)), write(tmp_path, "flows.csv", _flows(80))]
    assert import_files(engine, files, user="test").result.summary()["added"] == 400 + 80
    before = snapshot(engine)
    compared = _spy_plan(monkeypatch)
    made = []
    real_mkstemp = tempfile.mkstemp
    monkeypatch.setattr(tempfile, "mkstemp", lambda *a, **k: made.append(1) or real_mkstemp(*a, **k))
    again = import_files(engine, files, user="test")
    # flows (80 rows) stay under BULK_ROWS: compared by pandas as before; observations are not compared
    assert again.result.counts["observations"] == {"added": 0, "updated": 0, "unchanged": 400}
    assert again.result.summary()["unchanged"] == 480 and compared == [] and made == []
    assert {k: v for k, v in snapshot(engine).items() if k != "batches"} == {
        k: v for k, v in before.items() if k != "batches"}
    # and the next time again: the record follows the batches
    assert import_files(engine, files, user="test").result.summary()["unchanged"] == 480 and compared == []


def test_one_changed_value_makes_the_file_compared_again(tmp_path, monkeypatch):
    monkeypatch.setattr(bulk, "BULK_ROWS", 100)
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    assert import_files(engine, [write(tmp_path, "obs.csv", _observations(400))], user="test").ok
    compared = _spy_plan(monkeypatch)
    changed = write(tmp_path, "obs.csv", _observations(400, value=lambda i: "7.75" if i == 123 else f"{i}.5"))
    outcome = import_files(engine, [changed], user="test")
    assert compared == ["observations"]
    assert outcome.result.counts["observations"] == {"added": 0, "updated": 1, "unchanged": 399}


@pytest.mark.parametrize("between", ["rollback", "other file", "mapping"])
def test_any_write_since_the_last_import_makes_the_same_file_compared_again(tmp_path, monkeypatch, between):
    """The shortcut trusts the store only while nothing was written since the import it remembers."""
    monkeypatch.setattr(bulk, "BULK_ROWS", 100)
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    same = write(tmp_path, "obs.csv", _observations(400))
    first = import_files(engine, [same], user="test").result
    if between == "rollback":
        rollback(engine, first.batch_id, user="test")
        expected = {"added": 400, "updated": 0, "unchanged": 0}
    elif between == "other file":   # the same keys, other values
        other = write(tmp_path, "obs2.csv", _observations(400, value=lambda i: f"{i}.25" if i < 10 else f"{i}.5"))
        assert import_files(engine, [other], user="test").result.summary()["updated"] == 10
        expected = {"added": 0, "updated": 10, "unchanged": 390}
    else:   # a writer that is not an import at all
        from indicators.store.documents import save_mapping
        save_mapping(engine, "m", {"columns": {}}, user="test")
        expected = {"added": 0, "updated": 0, "unchanged": 400}
    compared = _spy_plan(monkeypatch)
    assert import_files(engine, [same], user="test").result.counts["observations"] == expected
    assert compared == ["observations"]
    assert len(read_table(engine, "observations")) == 400


def test_a_write_between_the_check_and_the_batch_is_refused_not_trusted(tmp_path, monkeypatch):
    """Another writer commits after the import decided to trust the store, before its own
    transaction: the import writes nothing and asks to retry (the tables it skipped are not compared)."""
    monkeypatch.setattr(bulk, "BULK_ROWS", 100)
    url = f"sqlite:///{tmp_path / 's.sqlite'}"
    engine = store_with_framework(url)
    same = write(tmp_path, "obs.csv", _observations(400))
    first = import_files(engine, [same], user="test").result
    real_digest = bulk.digest

    def digest_then_someone_writes(*args):
        rollback(open_store(url), first.batch_id, user="someone else")
        return real_digest(*args)

    monkeypatch.setattr(bulk, "digest", digest_then_someone_writes)
    batches = len(list_batches(engine))
    with pytest.raises(StoreError, match="retry"):
        import_files(engine, [same], user="test")
    assert len(list_batches(engine)) == batches   # no batch of this import
    assert read_table(engine, "observations").empty   # rolled back by the other writer, not re-filled


def test_scratch_files_a_killed_import_left_are_removed_by_the_next(tmp_path, monkeypatch):
    """A process killed in the middle of a large import (a server restarted) cannot remove its scratch
    file (tests/test_faults.py kills one); the next large import removes those over an hour old, and
    leaves younger ones, which another import may be reading."""
    import os
    import time

    monkeypatch.setattr(bulk, "BULK_ROWS", 100)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    old, young, other = (scratch / f"{bulk.PREFIX}old.sqlite", scratch / f"{bulk.PREFIX}young.sqlite",
                         scratch / "someone-else.sqlite")
    for path in (old, young, other):
        path.write_bytes(b"x" * 1000)
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))
    os.utime(other, (hours_ago, hours_ago))
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    assert import_files(engine, [write(tmp_path, "obs.csv", _observations(400))], user="test").ok
    assert sorted(p.name for p in scratch.iterdir()) == sorted([young.name, other.name])
