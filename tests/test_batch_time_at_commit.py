"""Proposed with /tmp/s31/H/writing-commit-time.patch (indicators/store/writing.py is not helper H's):
a batch that waited for another writer is dated when it is written, so the history stays in time order."""
from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from datetime import datetime

from indicators.importing import import_files
from indicators.store import list_batches, open_store


def test_a_batch_that_waited_for_the_store_is_dated_when_it_was_written(demo_store_file, tmp_path):
    store = tmp_path / "s.sqlite"
    shutil.copy(demo_store_file, store)
    engine = open_store(f"sqlite:///{store}")
    colleague = sqlite3.connect(store, isolation_level=None, timeout=30)
    colleague.execute("BEGIN IMMEDIATE")
    colleague.execute("UPDATE meta SET value = value WHERE key = 'data_version'")
    raw = b"indicator_id,territory_id,period,value\nMOB04,59350,2027,13.5\n"
    done = []
    writer = threading.Thread(target=lambda: done.append(import_files(engine, [("small2.csv", raw)], user="Ed")))
    writer.start()
    time.sleep(2.5)   # the import waits for the colleague's write (busy_timeout)
    released = datetime.now().astimezone()
    colleague.execute("COMMIT")
    colleague.close()
    writer.join(timeout=60)
    assert done and done[0].ok
    written = datetime.fromisoformat(list_batches(engine).iloc[0]["created_at"])
    assert written >= released.replace(microsecond=0), (written, released)
