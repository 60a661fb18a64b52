"""A store that loaded the demo before stores recorded it (no mark, no name in `meta`) keeps its
strategy's name and its "illustrative figures" line after the upgrade; any other store gets neither."""
from __future__ import annotations

import shutil

import sqlalchemy as sa

from indicators.store import open_store
from indicators.store.identity import holds_demo, strategy_name


def _forget_identity(path) -> None:
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM meta WHERE key = 'demo_batch' OR key LIKE 'strategy_name_%'"))
    engine.dispose()


def test_an_older_demo_store_is_recognised_once_and_names_lille(demo_store_file, tmp_path):
    path = tmp_path / "older.sqlite"
    shutil.copy(demo_store_file, path)
    _forget_identity(path)
    engine = open_store(f"sqlite:///{path}")
    assert holds_demo(engine)
    assert "Lille" in strategy_name(engine, "en") and "Rijsel" in strategy_name(engine, "nl")


def test_a_region_s_store_is_not_taken_for_the_demo(sqlite_url, tmp_path):
    from indicators.importing import import_files

    engine = open_store(sqlite_url)
    raw = b"level_id,name_fr\nborder,Communes frontalieres\n"
    assert import_files(engine, [("levels.csv", raw)], user="demo").ok   # even a user called "demo"
    _forget_identity(sqlite_url.removeprefix("sqlite:///"))   # as a store made before the mark was
    engine = open_store(sqlite_url)
    assert not holds_demo(engine) and strategy_name(engine, "fr") is None


def test_opening_a_new_store_writes_nothing_to_it(sqlite_url):
    # Only a store with a first batch can be an older demo: a new one is left as created (a read-only
    # replica or a backup being inspected must not be written to by opening it).
    engine = open_store(sqlite_url)
    with engine.connect() as conn:
        keys = [row[0] for row in conn.execute(sa.text("SELECT key FROM meta"))]
    assert "demo_batch" not in keys
    engine.dispose()
