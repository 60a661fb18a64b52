"""Proposed with validation_patch.py (helper B, stop 31): a missing required cell on every row costs no more
to validate than a valid row (pandera's failure cases and the lists of failed rows cost Python objects a
failing row: 215 bytes a row where a valid one costs 150). Ratios measured in the same run (tracemalloc)."""
from __future__ import annotations

import gc
import tracemalloc

import pytest

from indicators.importing import validate_files

from .helpers import store_with_framework, write

OBS = "indicator_id,territory_id,period,value\n"
# Every period from 1900 to 2024 (years, quarters, months), by 3 indicators and 5 territories: 31,875 keys.
PERIODS = [str(y) for y in range(1900, 2025)] + [f"{y}-Q{q}" for y in range(1900, 2025) for q in range(1, 5)] \
    + [f"{y}-{m:02d}" for y in range(1900, 2025) for m in range(1, 13)]
KEYS = [(i, t, p) for p in PERIODS for i in ("MOB01", "MOB02", "CLI01")
        for t in ("59350", "59512", "34022", "57096", "54007")]


def _peak(engine, tmp_path, template: str, rows: int) -> int:
    path = write(tmp_path, "f.csv", OBS + "".join(template.format(i=i, t=t, p=p, v=n % 100) + "\n"
                                                  for n, (i, t, p) in enumerate(KEYS[:rows])))
    gc.collect()
    tracemalloc.start()
    try:
        checked = validate_files(engine, [str(path)])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert checked.files[0]["rows"] == rows
    return peak


@pytest.mark.parametrize("missing", ["{i},,{p},{v}", ",{t},{p},{v}"])
def test_a_missing_cell_on_every_row_costs_what_a_valid_row_costs(tmp_path, missing):
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    # What 15,000 more rows add to the peak: the listed problems and the table itself cancel out.
    valid = _peak(engine, tmp_path, "{i},{t},{p},{v}", 30_000) - _peak(engine, tmp_path, "{i},{t},{p},{v}", 15_000)
    failing = _peak(engine, tmp_path, missing, 30_000) - _peak(engine, tmp_path, missing, 15_000)
    assert failing < 1.25 * valid
