"""A valid file near the size limits is read within the memory the hostile cases get (1.5 GB), or
refused with a report that names it: never a crash, never a half-written store."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from indicators import limits

ROOT = Path(__file__).resolve().parent.parent


def test_the_largest_file_the_limits_allow_imports_under_the_memory_limit(tmp_path):
    rows = limits.DEFAULTS["MAX_CELLS"] // 4 - 100_000   # four columns: just under the cells limit
    done = subprocess.run([sys.executable, "-m", "tests.corpus.hostile.big_valid", str(tmp_path), str(rows)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    verdict = json.loads(done.stdout.strip().splitlines()[-1])
    assert verdict["first"]["ok"] and verdict["first"]["counts"]["added"] == rows, verdict
    # Imported again in the same process (what a server does), every row is found unchanged.
    assert verdict["again"]["ok"] and verdict["again"]["counts"]["unchanged"] == rows, verdict
    # A copy with one value in ten revised is compared row by row, its old values kept to undo.
    revised = (rows + 9) // 10
    assert verdict["revised"]["ok"], verdict
    assert verdict["revised"]["counts"]["updated"] == revised, verdict
    assert verdict["revised"]["counts"]["unchanged"] == rows - revised, verdict
    assert verdict["stored"] == rows


def test_past_the_memory_a_file_is_refused_whole_naming_it(tmp_path, monkeypatch):
    """Files within every limit that still do not fit (a smaller process, a limit raised too far)."""
    from indicators.importing import import_files, validate_files

    from .helpers import snapshot, store_with_framework, write

    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    good = write(tmp_path, "obs.csv", "indicator_id,territory_id,period,value\nMOB02,59350,2020,1\n")
    before = snapshot(engine)

    def no_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr("indicators.store.writing._insert_rows", no_memory)    # the write runs out of memory
    outcome = import_files(engine, [good], user="test")
    assert not outcome.ok and snapshot(engine) == before
    (problem,) = outcome.checked.problems
    assert problem.file == "obs.csv" and "rien n'a été importé" in problem.message("fr")
    monkeypatch.setattr("indicators.validation.check", no_memory)      # so does the check
    monkeypatch.setattr("indicators.importing.check", no_memory)
    checked = validate_files(engine, [good])
    assert not checked.ok and checked.problems[0].file == "obs.csv"
