"""A small file never costs much: what a file may unpack to or hold is tied to its own size (outside
tester L of session 30, findings 1, 2 and 3).

A 0.7 MB workbook of 1.4 M rows cost 78 s and 0.98 GB, a 0.17 MB one of 95 M characters 0.49 GB, a 3.9 MB
`.csv.gz` of long notes 0.93 GB, a 21 MB boundary file of 1.3 M points 0.68 GB. The memory a file may
cost is now `limits.budget(size)` (MAX_COST_RATIO times its size above FREE_COST_BYTES), and each count
follows from it (`limits.affordable`): a workbook's XML once unpacked, its cells, its characters, a gzip
file's text, a boundary file's points. Each is refused early, before the work it would cost, with a
message naming the limit. The budget is lowered here through MONITOR_FREE_COST_BYTES so that small
files show it; the measured figures are bench/small_files.py's. No timing is asserted: what is refused,
and how much work was done before (a counter)."""
from __future__ import annotations

import gzip
import json
import math
import tracemalloc

import pytest

from indicators import boundaries, limits
from indicators.reading import read_file

from .workbooks import hand_zipped


def _workbook(rows, shared: list[str] | None = None) -> bytes:
    return hand_zipped(rows, shared)


def _inline(text: str) -> str:
    return f'<c t="inlineStr"><is><t>{text}</t></is></c>'


HEADER = ("<row>" + "".join(_inline(h) for h in ("indicator_id", "territory_id", "period", "value")) + "</row>").encode()
SHORT_ROW = b"<row><c><v>1</v></c><c><v>2</v></c><c><v>2014</v></c><c><v>1</v></c></row>"   # four cells, 73 bytes


@pytest.fixture
def opened(monkeypatch):
    """How many times openpyxl opened a workbook: zero when a file is refused before any row is parsed."""
    import openpyxl

    calls = []
    original = openpyxl.load_workbook
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: calls.append(1) or original(*a, **k))
    return calls


# ---------------------------------------------------------------- finding 1: workbooks

def test_the_testers_workbook_of_1_4_million_rows_could_not_pass_with_the_defaults():
    """The 719 KB workbook unpacked to 185 MB of XML: within MAX_UNPACKED_BYTES (200 MB), past what its size
    pays for (about 70 MB)."""
    assert limits.DEFAULTS["MAX_COST_RATIO"] == 10 and limits.DEFAULTS["FREE_COST_BYTES"] == 128 * 1024 * 1024
    assert 184_800_000 < limits.get("MAX_UNPACKED_BYTES")
    assert limits.affordable("MAX_UNPACKED_BYTES", 718_752, "xlsx_xml_byte") < 75_000_000
    assert limits.affordable("MAX_CELLS", 718_752, "xlsx_cell") < 1_000_000 < 5_600_000 < limits.get("MAX_CELLS")
    assert limits.affordable("MAX_WORKBOOK_CHARS", 179_101, "xlsx_char") < 40_000_000 < 95_000_000


def test_a_small_workbook_unpacking_to_much_xml_is_refused_unread(monkeypatch, opened):
    monkeypatch.setenv("MONITOR_FREE_COST_BYTES", str(2 * 1024 * 1024))
    raw = _workbook([HEADER] + [SHORT_ROW] * 100_000)          # 7.3 MB of XML, ~40 KB packed
    assert len(raw) < 100_000 and limits.affordable("MAX_UNPACKED_BYTES", len(raw), "xlsx_xml_byte") < 2_000_000
    result = read_file(raw, "rows.xlsx")
    assert result.sheets == []
    (problem,) = result.problems
    assert (problem.file, problem.code, problem.params["what"]) == ("rows.xlsx", "too_large_file", "MAX_UNPACKED_BYTES")
    assert problem.params["limit"] == limits.affordable("MAX_UNPACKED_BYTES", len(raw), "xlsx_xml_byte")
    assert problem.params["found"] > 7_000_000            # from the archive's directory
    assert opened == []                                  # no row was parsed
    assert f"{problem.params['limit']:,}" in problem.message("en")


def test_the_cells_of_a_small_workbook_are_counted_before_a_row_is_parsed(monkeypatch, opened):
    """XML within what the file pays for, cells past it: refused by the scan, before openpyxl opens it."""
    monkeypatch.setenv("MONITOR_FREE_COST_BYTES", str(10 * 1024 * 1024))
    raw = _workbook([HEADER] + [SHORT_ROW] * 40_000)           # 160,004 cells, 2.9 MB of XML
    cap = limits.affordable("MAX_CELLS", len(raw), "xlsx_cell")
    assert cap < 160_000 and 2_900_000 < limits.affordable("MAX_UNPACKED_BYTES", len(raw), "xlsx_xml_byte")
    result = read_file(raw, "cells.xlsx")
    assert result.sheets == []
    (problem,) = result.problems
    assert (problem.code, problem.params["what"], problem.params["limit"]) == ("too_large_file", "MAX_CELLS", cap)
    assert cap < problem.params["found"] <= 160_004
    assert opened == []
    assert "cellules d'un tableau" in problem.message("fr") and "cellen in één tabel" in problem.message("nl")


def test_a_workbook_within_its_budget_is_read_whole(monkeypatch):
    monkeypatch.setenv("MONITOR_FREE_COST_BYTES", str(10 * 1024 * 1024))
    raw = _workbook([HEADER] + [b"<row>" + "".join(_inline(v) for v in ("MOB02", "59350")).encode()
                                + f"<c><v>{2000 + i % 20}</v></c><c><v>{i}</v></c></row>".encode() for i in range(5_000)])
    (sheet,) = read_file(raw, "ok.xlsx").sheets
    assert len(sheet.frame) == 5_000 and sheet.frame["value"].iloc[-1] == "4999"


def test_text_reused_past_what_a_small_workbook_pays_for_is_refused_at_the_row_that_passed_it():
    """One 100,000-character shared string in 400 cells (40 M characters in a few KB): the default
    MAX_WORKBOOK_CHARS (100 M) let it through; its size pays for about 34 M."""
    long = "MOB04" + " A" * 50_000
    row = b"<row>" + b'<c t="s"><v>1</v></c>' * 4 + b"</row>"
    raw = _workbook([HEADER] + [row] * 100, shared=["indicator_id", long])
    cap = limits.affordable("MAX_WORKBOOK_CHARS", len(raw), "xlsx_char")
    assert len(raw) < 50_000 and cap < 40_000_000 < limits.get("MAX_WORKBOOK_CHARS")
    result = read_file(raw, "text.xlsx")
    assert result.sheets == []
    (problem,) = result.problems
    assert (problem.params["what"], problem.params["limit"]) == ("MAX_WORKBOOK_CHARS", cap)
    assert cap < problem.params["found"] <= cap + 4 * len(long) + 100   # stopped at the row that passed it


# ---------------------------------------------------------------- finding 2: gzip

def _notes(rows: int, chars: int) -> bytes:
    """A CSV of long notes that packs about 30 times (words drawn from a short list, seeded)."""
    import random

    rng = random.Random(30)
    words = ["trajet", "frontalier", "emploi", "mobilité", "Lille", "Kortrijk", "Tournai", "bus", "train", "vélo"]
    lines = ["indicator_id,territory_id,period,value,note"]
    for i in range(rows):
        note = " ".join(rng.choice(words) for _ in range(chars // 7))
        lines.append(f"MOB02,59350,{2000 + i % 20},{i},{note}")
    return ("\n".join(lines) + "\n").encode()


def test_a_gzip_file_unpacks_to_no_more_text_than_its_size_pays_for(monkeypatch):
    monkeypatch.setenv("MONITOR_FREE_COST_BYTES", str(2 * 1024 * 1024))
    text = _notes(300, 10_000)                                # 3 MB of notes
    packed = gzip.compress(text, 6)
    limit = limits.unpacked_limit(len(packed))
    assert limit == limits.affordable("MAX_UNPACKED_BYTES", len(packed), "text_byte") < len(text) // 2
    # The other bounds allowed it: its ratio (a few times) and the free amount.
    assert len(text) < limits.get("MAX_UNPACK_RATIO") * len(packed) and len(text) < limits.get("FREE_UNPACKED_BYTES")
    result = read_file(packed, "notes.csv.gz")
    assert not result.sheets
    (problem,) = result.problems
    assert (problem.file, problem.params["what"], problem.params["limit"]) == ("notes.csv.gz", "MAX_UNPACKED_BYTES", limit)
    assert limit < problem.params["found"] <= limit + 1024 * 1024   # unpacking stopped within a chunk of the limit
    assert f"{limit:,}" in problem.message("en")


def test_a_gzip_file_within_its_budget_is_read():
    text = _notes(200, 2_000)
    packed = gzip.compress(text, 6)
    assert len(text) <= limits.unpacked_limit(len(packed))
    (sheet,) = read_file(packed, "notes.csv.gz").sheets
    assert len(sheet.frame) == 200


def test_a_gzip_bomb_stops_at_the_text_its_budget_pays_for(monkeypatch):
    """5 GB of zeros packed in 5 MB (the tester's) stopped at 200 MB, past the memory a 5 MB file may
    cost (peak 0.35 GB), where its ratio alone allowed 250 MB; now at 37 MB. Here 400 MB in 0.4 MB,
    whose ratio allows 20 MB, under a budget lowered to pay for 1 MB."""
    monkeypatch.setenv("MONITOR_FREE_COST_BYTES", str(1024 * 1024))
    assert limits.DEFAULTS["FREE_COST_BYTES"] > 1024 * 1024
    assert limits.unpacked_limit(4_977_000) < 40_000_000 < limits.get("MAX_UNPACKED_BYTES")
    compressor = __import__("zlib").compressobj(6, 8, 31)   # gzip framing
    block = b"0" * (1 << 20)
    packed = b"".join([compressor.compress(b"indicator_id;territory_id;period;value\n")]
                      + [compressor.compress(block) for _ in range(400)] + [compressor.flush()])
    limit = limits.unpacked_limit(len(packed))
    assert limit == limits.affordable("MAX_UNPACKED_BYTES", len(packed), "text_byte") < 2_000_000
    assert limit < limits.get("MAX_UNPACK_RATIO") * len(packed)
    (problem,) = read_file(packed, "bomb.csv.gz").problems
    assert (problem.params["what"], problem.params["limit"]) == ("MAX_UNPACKED_BYTES", limit)
    assert problem.params["found"] <= limit + 1024 * 1024


# ---------------------------------------------------------------- finding 3: boundary files

def _ring_file(points: int, digits: int = 5) -> bytes:
    ring = [[round(3.0 + 0.05 * math.cos(2 * math.pi * i / points), digits),
             round(50.6 + 0.05 * math.sin(2 * math.pi * i / points), digits)] for i in range(points)]
    ring.append(ring[0])
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": "59350", "nom": "Lille"},
         "geometry": {"type": "Polygon", "coordinates": [ring]}}]}
    return json.dumps(doc, separators=(",", ":")).encode()


def test_a_boundary_files_coordinates_are_not_parsed_as_json_lists(monkeypatch):
    """json.loads parses the properties and types; the coordinates (nearly all the file) go to numpy."""
    raw = _ring_file(100_000)
    parsed: list[int] = []
    original = json.loads
    monkeypatch.setattr(json, "loads", lambda text, *a, **k: parsed.append(len(text)) or original(text, *a, **k))
    bfile = boundaries.read_boundary_file(raw, "ring.geojson")
    assert len(bfile.features) == 1 and bfile.features[0][0] == {"code": "59350", "nom": "Lille"}
    import shapely

    assert shapely.get_num_coordinates(bfile.features[0][2]) == 100_001
    assert sum(parsed) < 500 < len(raw) // 1000


def test_reading_a_boundary_file_costs_a_few_times_its_size_not_twenty():
    """Traced by Python (numpy's arrays included): json.loads made 170 bytes a point (a 17-byte point of
    text), then shapely copied them into lists again: 23 times the file; now 6.6 times (its text decoded,
    and the arrays of the one feature being read)."""
    raw = _ring_file(200_000)
    tracemalloc.start()
    try:
        bfile = boundaries.read_boundary_file(raw, "ring.geojson")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(bfile.features) == 1
    assert peak < 10 * len(raw), (peak, len(raw))


def test_the_points_a_boundary_file_may_hold_follow_its_size_and_are_counted_before_they_are_read(monkeypatch):
    from indicators import boundary_coordinates

    monkeypatch.setenv("MONITOR_FREE_COST_BYTES", str(1024 * 1024))
    parsed = []
    original = boundary_coordinates._parse
    monkeypatch.setattr(boundary_coordinates, "_parse", lambda *a: parsed.append(1) or original(*a))
    raw = _ring_file(150_000, digits=2)                        # ~1.7 MB
    cap = limits.affordable("MAX_VERTICES", len(raw), "vertex")
    assert cap < 150_000 < limits.get("MAX_VERTICES")
    with pytest.raises(boundaries.BoundaryError) as caught:
        boundaries.read_boundary_file(raw, "heavy.geojson")
    assert (caught.value.key, caught.value.params["limit"]) == ("map_err_too_complex", cap)
    assert parsed == []                                       # refused before its numbers were read
    assert "heavy.geojson" in caught.value.message("fr")


def test_the_json_depth_is_measured_without_arrays_many_times_the_text():
    text = b'{"a":[' + b"[1.25,50.5]," * 1_000_000 + b"[0,0]]}"     # 12 MB
    tracemalloc.start()
    try:
        assert limits.json_depth_ok(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 3 * len(text), (peak, len(text))
    assert not limits.json_depth_ok(b"[" * 65 + b"]" * 65)
    assert limits.json_depth_ok(b"[" * 64 + b"]" * 64) and limits.json_depth_ok(b'["' + b"[" * 100 + b'"]')
    assert not limits.json_depth_ok(b" " * (3 << 20) + b"{" * 65)   # past the first block
