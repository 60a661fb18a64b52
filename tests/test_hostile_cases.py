"""The hostile cases of tests/corpus/hostile/cases.py: every case refused with a report or read as meant, under 1.5 GB and 60 s of CPU.

Each case (tests/corpus/hostile/cases.py) is generated in a temporary folder and run by
`tests/corpus/hostile/run_case.py` in its own process under `RLIMIT_AS` and `RLIMIT_CPU`, so a
regression ends that process (and fails here) instead of freezing the machine running the tests.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from indicators import limits

from .corpus.hostile.cases import ALL

ROOT = Path(__file__).resolve().parent.parent


def _run(name: str, work: Path) -> dict:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "PYTHONPATH": str(ROOT)}
    for key in list(env):
        if key.startswith("MONITOR_"):   # the defaults are what is checked
            del env[key]
    # The wall-clock bound only keeps a stuck case from hanging the suite; CPU is limited in the child.
    done = subprocess.run([sys.executable, "-m", "tests.corpus.hostile.run_case", name, str(work)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300)
    lines = done.stdout.strip().splitlines()
    assert done.returncode == 0 and lines, (done.returncode, done.stderr[-3000:])
    return json.loads(lines[-1])


@pytest.mark.parametrize("name", sorted(ALL))
def test_hostile_case(name, tmp_path):
    case = ALL[name]
    verdict = _run(name, tmp_path)
    assert verdict["outcome"] == case.expect, verdict
    assert not verdict["unexpected"], verdict
    assert verdict["named"], verdict          # every problem names the hostile file
    if case.words:
        assert case.words.lower() in verdict["report"].lower(), verdict
    if case.expect == "refused":
        assert verdict["unchanged"], verdict  # nothing written
        assert verdict["report"].strip(), verdict
    elif case.path in ("import", "apply"):
        assert not verdict["unchanged"], verdict   # what was read was stored
    if "others" in verdict:
        assert verdict["others"], verdict     # a good file checked alongside is still read and reported


def test_limit_changed_by_environment(monkeypatch):
    monkeypatch.setenv("MONITOR_MAX_CELLS", "1_000")
    assert limits.get("MAX_CELLS") == 1000
    monkeypatch.setenv("MONITOR_MAX_CELLS", "lots")
    assert limits.get("MAX_CELLS") == limits.DEFAULTS["MAX_CELLS"]


def test_unclosed_quote_named_at_its_row_below_a_note():
    from indicators.reading import read_file

    raw = ("Note du service\nindicator_id,territory_id,period,value\nMOB02,59350,2019,1\nMOB02,59350,2020,2\n"
           'MOB02,59350,2021,"3\n' + "a,b,c,d\n" * 50).encode()
    problems = read_file(raw, "q.csv").problems
    assert [(p.file, p.row, p.code) for p in problems] == [("q.csv", 5, "unclosed_quote")]
    assert "jamais fermé" in problems[0].message("fr")
