"""Hostile and broken files (tests/corpus/hostile/make.py): each is refused with a report naming it,
or read correctly, within 1.5 GB of address space and 60 s, and a refused file leaves the store
unchanged. Each case runs in its own process under `resource.setrlimit`, so a regression fails here
instead of freezing the machine."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from indicators.store import open_store, read_table

from .conftest import ROOT
from .corpus.hostile.make import CASES
from .helpers import snapshot, store_with_framework

MEMORY = 1536 * 1024 * 1024
SECONDS = 60

CHILD = r"""
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
resource.setrlimit(resource.RLIMIT_CPU, ({seconds}, {seconds}))
kind, path, url = sys.argv[1:4]
if kind == "boundary":
    from indicators import maps
    from indicators.queries import load_framework
    from indicators.store import open_store
    try:
        bfile = maps.read_boundary_file(open(path, "rb").read(), path.rsplit("/", 1)[-1])
        prepared = maps.prepare_boundaries(bfile, "code", load_framework(open_store(url))["territories"])
        print(json.dumps({{"read": len(prepared.matched)}}))
    except maps.BoundaryError as exc:
        print(json.dumps({{"refused": exc.message("en")}}))
        sys.exit(1)
else:
    from indicators.cli import main
    args = (["save-mapping", "hostile", path] if kind == "mapping"
            else ["import", path, "--format", "json"])
    sys.exit(main(args + ["--db", url, "--lang", "en"]))
"""


def run_case(kind: str, path, url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "PYTHONPATH": str(ROOT)}
    code = CHILD.format(memory=MEMORY, seconds=SECONDS)
    return subprocess.run([sys.executable, "-c", code, kind, str(path), url], capture_output=True, text=True,
                          timeout=SECONDS * 2, cwd=ROOT, env=env)


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file_is_refused_with_a_report_or_read_right(name, tmp_path):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    engine = store_with_framework(url)
    before = snapshot(engine)
    folder = tmp_path / "case"
    folder.mkdir()
    case = CASES[name](folder)
    path = folder / case["file"]
    out = run_case(case["kind"], path, url)
    said = out.stdout + out.stderr
    assert "Traceback" not in said and "Unexpected error" not in said, said[-2000:]
    assert out.returncode in (0, 1), (out.returncode, said[-2000:])   # not killed by a limit
    refused = out.returncode == 1
    if case["expect"] != "either":
        assert refused == (case["expect"] == "refused"), said[-2000:]
    if case.get("words"):
        assert case["words"].lower() in said.lower(), said[-2000:]
    if case["kind"] == "file" and refused:
        report = json.loads(out.stdout)
        assert report["ok"] is False and report["problems"]
        assert all(p["file"] == case["file"] for p in report["problems"]), report["problems"]
        rows = {p["row"] for p in report["problems"]}
        for row in case.get("rows", [case["row"]] if "row" in case else []):
            assert row in rows, (row, report["problems"])
    if refused or case["kind"] != "file":
        assert snapshot(engine) == before          # nothing written
    if case.get("values"):
        obs = read_table(open_store(url), "observations")
        for (indicator, territory, period), value in case["values"].items():
            got = obs[(obs.indicator_id == indicator) & (obs.territory_id == territory) & (obs.period == period)]
            assert got["value"].tolist() == [value]
    if case.get("notice"):
        assert case["notice"] in said, said[-2000:]
