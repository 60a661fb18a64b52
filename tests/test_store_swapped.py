"""The dashboard never shows a store that is not the store (outside tester Y, stop 31, findings 1 and 2).

1. The pages' caches were keyed on a write counter, which a restored backup winds back: the next write
   reached a number whose content was cached from before the restore, and every page showed the values
   the restore had removed. The data version now carries a token drawn by every write.
2. A SQLite file deleted, replaced or moved under the running app went on being read (and would have
   been written) through the connections the engine kept open. The engine keeps to the file at its path.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from indicators.i18n import t
from indicators.importing import import_files
from indicators.store import StoreError, bulk, data_version, open_store, read_table
from indicators.store.identity import set_strategy_names, strategy_names

from .conftest import ROOT
from .helpers import store_with_framework, write

APP = str(ROOT / "app.py")


def _value_file(value, period: str = "2028") -> tuple[str, bytes]:
    return (f"x{value}.csv", f"indicator_id,territory_id,period,value\nMOB04,EMLKT,{period},{value}\n".encode())


def _latest(engine) -> list[float]:
    obs = read_table(engine, "observations")
    return obs[(obs.indicator_id == "MOB04") & (obs.territory_id == "EMLKT") & (obs.period == "2028")]["value"].tolist()


def _copy(source: Path, target: Path) -> None:
    """A complete copy through SQLite's backup API: `sqlite3 target ".restore source"` (and `.backup`)."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


@pytest.fixture
def store(demo_store_file, tmp_path) -> Path:
    path = tmp_path / "y.sqlite"
    shutil.copy(demo_store_file, path)
    return path


def _import(engine, value, period: str = "2028") -> None:
    outcome = import_files(engine, [_value_file(value, period)], user="outside")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems]


# ---------------------------------------------------------------- 1. a restored backup

def test_a_restored_store_never_gets_again_a_version_it_had_before_the_restore(store, tmp_path):
    engine = open_store(f"sqlite:///{store}")
    before = data_version(engine)
    _copy(store, tmp_path / "bk.sqlite")
    _import(engine, 111)
    with_111 = data_version(engine)
    _copy(tmp_path / "bk.sqlite", store)          # the restore: the backup's content, and its version
    assert data_version(engine) == before and _latest(engine) == []
    _import(engine, 222)                           # as many writes since the backup as before the restore
    assert _latest(engine) == [222.0]
    assert data_version(engine) not in (with_111, before)


def test_the_pages_show_the_store_after_a_restore_and_the_same_number_of_writes(store, tmp_path, monkeypatch):
    from pages import common

    monkeypatch.setenv("INDICATORS_DB_URL", f"sqlite:///{store}")
    engine = open_store(f"sqlite:///{store}")
    _copy(store, tmp_path / "bk.sqlite")
    _import(engine, 111)
    shown = common.observations(common.data_version())      # what a page draws after the first import
    assert 111.0 in shown.loc[shown.indicator_id == "MOB04", "value"].tolist()
    _copy(tmp_path / "bk.sqlite", store)
    common.observations(common.data_version())
    _import(engine, 222)
    shown = common.observations(common.data_version())
    values = shown.loc[(shown.indicator_id == "MOB04") & (shown.territory_id == "EMLKT")
                       & (shown.period == "2028"), "value"].tolist()
    assert values == [222.0]


def test_a_file_checked_before_a_restore_is_checked_again_after_it(store, tmp_path, monkeypatch):
    """The Data page keeps its dry run for the session, keyed on the data version: after a restore and as
    many writes, it said that a file the store no longer held "brings nothing new", and offered no import."""
    from .test_data_page import HASH, data_page, sign_in, upload

    monkeypatch.setenv("INDICATORS_DB_URL", f"sqlite:///{store}")
    engine = open_store(f"sqlite:///{store}")
    _copy(store, tmp_path / "bk.sqlite")
    _import(engine, 111)
    at = sign_in(data_page({"editors": {"password_hash": HASH}}))
    upload(at, _value_file(111))
    assert not [b for b in at.button if b.key == "confirm_import"]    # the store holds it: nothing new
    _copy(tmp_path / "bk.sqlite", store)   # the value is gone
    _import(engine, 5, period="2029")      # and one write since, as before the restore
    at.run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}[t("added", "fr")] == "1"
    assert [b for b in at.button if b.key == "confirm_import"]


def test_an_import_after_a_restore_writes_the_rows_the_restore_removed(tmp_path, monkeypatch):
    """A large table the latest import wrote is recognised without comparing when it comes back with
    nothing written since (bulk.LAST_IMPORT). A restore must never let it skip rows the store no longer
    holds, whichever side of the import the backup was taken on."""
    monkeypatch.setattr(bulk, "BULK_ROWS", 100)
    url = f"sqlite:///{tmp_path / 's.sqlite'}"
    engine = store_with_framework(url)
    lines = ["indicator_id,territory_id,period,value"] + [
        f"MOB02,59350,{1990 + i // 12}-{i % 12 + 1:02d},{i}.5" for i in range(400)]
    big = write(tmp_path, "obs.csv", "\n".join(lines) + "\n")
    _copy(tmp_path / "s.sqlite", tmp_path / "before.sqlite")
    assert import_files(engine, [big], user="test").result.summary()["added"] == 400
    _copy(tmp_path / "s.sqlite", tmp_path / "after.sqlite")
    _copy(tmp_path / "before.sqlite", tmp_path / "s.sqlite")
    assert read_table(engine, "observations").empty
    assert import_files(engine, [big], user="test").result.counts["observations"]["added"] == 400
    assert len(read_table(engine, "observations")) == 400
    _copy(tmp_path / "after.sqlite", tmp_path / "s.sqlite")    # holds the file's rows: the shortcut is right
    again = import_files(engine, [big], user="test").result.counts["observations"]
    assert again == {"added": 0, "updated": 0, "unchanged": 400} and len(read_table(engine, "observations")) == 400


# ---------------------------------------------------------------- 2. a file deleted, replaced, moved

def _remove(path: Path) -> None:
    for part in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        part.unlink(missing_ok=True)


def test_a_deleted_store_is_said_gone_and_never_written_nor_made_again_empty(store):
    engine = open_store(f"sqlite:///{store}")
    assert strategy_names(engine)
    _remove(store)
    with pytest.raises(StoreError) as gone:
        data_version(engine)
    assert gone.value.key == "store_file_gone" and "plus là" in gone.value.text("fr")
    with pytest.raises(StoreError):
        set_strategy_names(engine, {"fr": "écrit dans le vide"})
    assert not store.exists()   # no empty store made in its place either


def test_a_store_made_again_at_the_same_path_is_the_one_read(store):
    engine = open_store(f"sqlite:///{store}")
    assert "Lille" in strategy_names(engine)["fr"]
    _remove(store)
    other = open_store(f"sqlite:///{store}")      # `init` at the same path, then a name
    set_strategy_names(other, {"fr": "REMPLACÉE"})
    other.dispose()
    assert strategy_names(engine) == {"fr": "REMPLACÉE"}


def test_a_copy_moved_over_the_open_store_is_refused_until_its_journal_is_removed(store, tmp_path):
    """`mv restored.sqlite monitor.sqlite` while the app runs: SQLite would read the moved file through the
    journal (-wal) of the one it replaced (two stores mixed). Said instead; read once the journal is gone."""
    engine = open_store(f"sqlite:///{store}")
    assert "Lille" in strategy_names(engine)["fr"]
    restored = tmp_path / "restored.sqlite"
    made = open_store(f"sqlite:///{restored}")
    set_strategy_names(made, {"fr": "RESTAURÉE"})
    made.dispose()
    os.replace(restored, store)
    with pytest.raises(StoreError) as mixed:
        strategy_names(engine)
    assert mixed.value.key == "store_file_replaced_open" and "-wal" in mixed.value.text("nl")
    engine.dispose()   # the application stopped…
    for part in (Path(f"{store}-wal"), Path(f"{store}-shm")):
        part.unlink()   # …and the administrator removed the old journal
    assert strategy_names(engine) == {"fr": "RESTAURÉE"}


def test_the_page_says_in_its_language_that_the_store_is_gone_then_shows_the_new_one(store, monkeypatch):
    monkeypatch.setenv("INDICATORS_DB_URL", f"sqlite:///{store}")
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = "nl"
    at.run()
    assert not at.exception and not at.error
    assert any("Rijsel" in c.value for c in at.caption)
    _remove(store)
    at.run()
    assert not at.exception
    assert [e.value for e in at.error] == [t("store_file_gone", "nl")]
    assert not store.exists()
    other = open_store(f"sqlite:///{store}")
    set_strategy_names(other, {"nl": "VERVANGEN"})
    other.dispose()
    at.run()
    assert not at.exception and not at.error
    assert any(c.value == "VERVANGEN" for c in at.caption), [c.value for c in at.caption]


def test_a_rollback_ticked_before_a_restore_does_not_stand_for_the_batch_that_took_its_number(store, tmp_path,
                                                                                              monkeypatch):
    """A restored store numbers its batches from the backup's again: the tick "I confirm rolling back #2",
    given to the batch the restore removed, stood for the new #2, which nobody had looked at."""
    from .test_data_page import HASH, data_page, open_tab, sign_in

    monkeypatch.setenv("INDICATORS_DB_URL", f"sqlite:///{store}")
    engine = open_store(f"sqlite:///{store}")
    _copy(store, tmp_path / "bk.sqlite")
    _import(engine, 111)
    at = open_tab(sign_in(data_page({"editors": {"password_hash": HASH}}, lang="en")), "tab_history", "en")
    at.checkbox(key="confirm_rollback_2").check().run()
    assert not at.button(key="rollback_button").disabled
    _copy(tmp_path / "bk.sqlite", store)
    _import(engine, 222)                       # batch 2 again, another one
    at.run()
    assert not at.exception
    assert at.selectbox(key="history_batch").value == 2
    assert not at.checkbox(key="confirm_rollback_2").value and at.button(key="rollback_button").disabled
