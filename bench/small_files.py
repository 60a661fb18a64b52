"""What a small file costs: peak memory (as a ratio to the file's size) and time of each hostile shape
outside tester L found in session 30, of files failing on each of their rows (finding L4, stop 31:
`csv_700k_<shape>`), and of a valid file beside each.

Each case is generated (seeded) into a temporary folder, then checked in its own process under
`/usr/bin/time -v`, as a planner's upload is: `python -m indicators validate` for tables (against a
fresh demo store), `read_boundary_file` + `code_properties` + `prepare_boundaries` for boundary files
(what the Map page calls). Printed per case: the file's size, the peak resident memory, that peak as
a ratio to the size, the tester's bound (10 x the size + 300 MB), the wall time and what came of it (read,
or the limit that refused it). The process itself holds about 170 MB before it reads anything: the
column `over idle / size` is what reading the file added, per byte of file.

    python bench/small_files.py [--only NAME ...] [--keep DIR]

The limits these figures set are in indicators/limits.py (`budget`, `COSTS`).
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


# ---------------------------------------------------------------- generators

def _workbook(path: Path, rows) -> None:
    """A hand-zipped workbook of one sheet `observations` whose XML rows are `rows` (as the tester's)."""
    sys.path.insert(0, str(ROOT))
    from tests.workbooks import hand_zipped   # the tests' own maker of such files

    path.write_bytes(hand_zipped(rows))


def _inline(text: str) -> str:
    return f'<c t="inlineStr"><is><t>{text}</t></is></c>'


def _row(*cells: str) -> bytes:
    return ("<row>" + "".join(cells) + "</row>").encode()


HEADER4 = _row(*(_inline(h) for h in ("indicator_id", "territory_id", "period", "value")))


def xlsx_rows(path: Path) -> None:
    """1.4 M identical rows of 4 cells (0.7 MB): the tester's xlsx-1.4M-rows.xlsx."""
    row = _row(_inline("CIT01"), _inline("200093201"), "<c><v>2014</v></c>", "<c><v>1</v></c>")
    _workbook(path, [HEADER4] + [row] * 1_400_000)


def xlsx_chars(path: Path) -> None:
    """1,000 rows with a 95,000-character note (0.17 MB): the tester's xlsx-95M-chars.xlsx."""
    header = _row(*(_inline(h) for h in ("indicator_id", "territory_id", "period", "value", "note")))
    row = _row(_inline("CIT01"), _inline("200093201"), "<c><v>1902</v></c>", "<c><v>2</v></c>", _inline("z" * 95_000))
    _workbook(path, [header] + [row] * 1_000)


def xlsx_cells_near_cap(path: Path) -> None:
    """Short numeric cells, as many as the budget of such a file pays for, less 5 %: read."""
    sys.path.insert(0, str(ROOT))
    from indicators import limits

    row = b"<row><c><v>1</v></c><c><v>2</v></c><c><v>2014</v></c><c><v>1</v></c></row>"
    rows = 200_000
    for _ in range(3):   # the cap depends on the packed size, which depends on the rows
        _workbook(path, [HEADER4] + [row] * rows)
        cap = limits.affordable("MAX_CELLS", path.stat().st_size, "xlsx_cell")
        rows = int(cap * 0.95) // 4


def xlsx_real(path: Path) -> None:
    """A workbook as openpyxl writes one: 300,000 distinct rows of codes, periods and values (1.2 M cells,
    5.3 MB: about as many as its size pays for)."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("observations")
    sheet.append(["indicator_id", "territory_id", "period", "value"])
    for i in range(300_000):
        sheet.append([f"I{i // 12_000:03d}", f"T{(i // 12) % 1000:04d}", 2000 + i % 12, i / 2])
    book.save(path)


def _notes(rows: int, chars: int, seed: int = 30) -> bytes:
    """Rows whose note repeats a sentence with a word and a number changed: packs as a real note might, as the
    tester's file did (28 times here, 38 there)."""
    rng = random.Random(seed)
    words = ["trajet", "frontalier", "emploi", "mobilité", "Lille", "Kortrijk", "Tournai", "bus", "train", "vélo"]
    sentence = ("Les navetteurs de la zone frontalière prennent le train entre Lille et Kortrijk chaque matin "
                "et le bus entre Tournai et Mouscron le soir. ")
    out = ["indicator_id,territory_id,period,value,note"]
    for i in range(rows):
        parts, size = [], 0
        while size < chars:
            part = f"{rng.choice(words)} {rng.randrange(10_000)} {sentence}"
            parts.append(part)
            size += len(part)
        out.append(f"CIT01,200093201,{2000 + i % 20},{i},{''.join(parts)}")
    return ("\n".join(out) + "\n").encode()


def gz_notes(path: Path) -> None:
    """800 rows of 190 KB notes: 150 MB of CSV in a few MB of gzip, as the tester's gz-long-notes.csv.gz."""
    with gzip.open(path, "wb", compresslevel=6) as out:
        for start in range(0, 800, 100):
            text = _notes(100, 190_000, seed=start)
            out.write(text if start == 0 else text.split(b"\n", 1)[1])


def gz_notes_near_cap(path: Path) -> None:
    """Notes unpacking to 95 % of what such a file may unpack to: read."""
    sys.path.insert(0, str(ROOT))
    from indicators import limits

    rows = 100
    for _ in range(4):
        path.write_bytes(gzip.compress(_notes(rows, 20_000), 6))
        target = int(limits.unpacked_limit(path.stat().st_size) * 0.95)
        rows = max(1, target // 20_030)


def gz_bomb(path: Path) -> None:
    """2 GB of zeros after a header, in 2 MB of gzip (the tester's was 5 GB in 4.9 MB)."""
    import zlib

    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"0" * (4 * MB)
    with path.open("wb") as out:
        out.write(compressor.compress(b"indicator_id;territory_id;period;value\n"))
        for _ in range(512):
            out.write(compressor.compress(block))
        out.write(compressor.flush())


def csv_short_rows(path: Path) -> None:
    """700,000 rows `C,2,2014,1` (7.7 MB): the tester's short-rows file (finding 4)."""
    path.write_text("indicator_id,territory_id,period,value\n" + "C,2,2014,1\n" * 700_000)


# Every row failing the same way (finding L4, stop 31): each failing row was kept as a Python int in its
# problems (and its file and code as Python strings), 470 MB for 7.7 MB. Short rows are the worst: the
# budget follows the file's size, the problems its rows. Read against the demo store's codes.
FAILING_ROWS = {
    "unknown_indicator": "Z,FRE,2014,1",
    "missing_territory": "CIT01,,2014,1",
    "bad_number": "CIT01,FRE,2014,x",
    "bad_flag": "CIT01,FRE,2014,1 q",
    "bad_period": "CIT01,FRE,x,1",
    "too_many_cells": "CIT01,FRE,2014,1,x",
    "duplicate": "CIT01,FRE,2014,1",
}


def csv_failing(shape: str, rows: int = 700_000):
    """A generator of `rows` identical rows failing as FAILING_ROWS[shape] says (7 to 13 MB)."""
    def generate(path: Path) -> None:
        path.write_text("indicator_id,territory_id,period,value\n" + (FAILING_ROWS[shape] + "\n") * rows)

    generate.__doc__ = f"{rows:,} rows `{FAILING_ROWS[shape]}`: every one fails ({shape.replace('_', ' ')})."
    return generate


def csv_valid(path: Path) -> None:
    """700,000 distinct observations of the demo's codes (20 indicators, 35 territories, 1,000 months from
    1900; 15 MB), every one valid: what a valid file of short rows costs. (One indicator and territory
    over 2,400 months, as before stop 31, repeated its keys: 697,600 of its rows failed.)"""
    import csv

    demo = ROOT / "data" / "demo"
    with (demo / "indicators.csv").open(encoding="utf-8") as f:
        indicators = [row["indicator_id"] for row in csv.DictReader(f)][:20]
    with (demo / "territories.csv").open(encoding="utf-8") as f:
        territories = [row["territory_id"] for row in csv.DictReader(f)][:35]
    rows = "".join(f"{indicators[i % 20]},{territories[(i // 20) % 35]},{1900 + i // 8400}-{1 + (i // 700) % 12:02d},"
                   f"{i % 100}\n" for i in range(700_000))
    path.write_text("indicator_id,territory_id,period,value\n" + rows)


def _ring(points: int, digits: int = 5, swap: bool = False) -> list:
    ring = [[round(3.06 + 0.05 * math.cos(2 * math.pi * i / points), digits),
             round(50.63 + 0.05 * math.sin(2 * math.pi * i / points), digits)] for i in range(points)]
    ring.append(ring[0])
    return [[y, x] for x, y in ring] if swap else ring


def _collection(path: Path, rings: list[tuple[str, list]]) -> None:
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": code}, "geometry": {"type": "Polygon", "coordinates": [ring]}}
        for code, ring in rings]}
    path.write_text(json.dumps(doc, separators=(",", ":")))


def geo_ring(path: Path) -> None:
    """One ring of 1.3 M points (21 MB, under the 25 MB and 1.5 M-point limits), a circle of 3,200 points
    each written 406 times: the tester's geo-1.3M-ring."""
    circle = [f"[{3.06 + 0.05 * math.cos(2 * math.pi * i / 3200):.4f},{50.63 + 0.05 * math.sin(2 * math.pi * i / 3200):.4f}]"
              for i in range(3200)]
    with path.open("w") as out:
        out.write('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"59350"},'
                  '"geometry":{"type":"Polygon","coordinates":[[')
        out.write(",".join(point for point in circle for _ in range(406)) + "," + circle[0])
        out.write("]]}}]}")


def geo_circle(path: Path) -> None:
    """One real-looking ring of 1.1 M distinct points (21 MB)."""
    _collection(path, [("59350", _ring(1_100_000))])


def topo_circle(path: Path) -> None:
    """A TopoJSON of one arc of 600,000 points (12 MB)."""
    doc = {"type": "Topology", "arcs": [_ring(600_000, 6)], "objects": {"communes": {
        "type": "GeometryCollection", "geometries": [{"type": "Polygon", "arcs": [[0]], "properties": {"code": "59350"}}]}}}
    path.write_text(json.dumps(doc, separators=(",", ":")))


CASES = {   # name: (file name, generator, how it is checked)
    "xlsx_1.4M_rows": ("rows.xlsx", xlsx_rows, "validate"),
    "xlsx_95M_chars": ("chars.xlsx", xlsx_chars, "validate"),
    "xlsx_cells_near_cap": ("near.xlsx", xlsx_cells_near_cap, "validate"),
    "xlsx_1.2M_cells_real": ("real.xlsx", xlsx_real, "validate"),
    "gz_150MB_notes": ("notes.csv.gz", gz_notes, "validate"),
    "gz_notes_near_cap": ("near.csv.gz", gz_notes_near_cap, "validate"),
    "gz_bomb_2GB": ("bomb.csv.gz", gz_bomb, "validate"),
    "csv_700k_short_rows": ("short.csv", csv_short_rows, "validate"),
    "csv_700k_valid_rows": ("valid.csv", csv_valid, "validate"),
    **{f"csv_700k_{shape}": (f"{shape}.csv", csv_failing(shape), "validate") for shape in FAILING_ROWS},
    "geojson_1.3M_ring": ("ring.geojson", geo_ring, "boundary"),
    "geojson_1.1M_circle": ("circle.geojson", geo_circle, "boundary"),
    "topojson_600k_arc": ("arc.topojson", topo_circle, "boundary"),
}

BOUNDARY = """
import json, sys
from sqlalchemy import create_engine
from indicators import boundaries
from indicators.store import read_table
territories = read_table(create_engine(sys.argv[1]), "territories")
raw = open(sys.argv[2], "rb").read()
try:
    bfile = boundaries.read_boundary_file(raw, sys.argv[2])
    found = boundaries.code_properties(bfile, territories["territory_id"])
    prepared = boundaries.prepare_boundaries(bfile, found[0]["property"], territories)
    print(json.dumps({"outcome": f"read: {len(prepared.matched)} matched, {prepared.vertices_before} points"}))
except boundaries.BoundaryError as exc:
    print(json.dumps({"outcome": f"refused: {exc.key} (limit {exc.params.get('limit')})"}))
"""


def _measured(command: list[str]) -> tuple[float, float, str]:
    """(peak resident MB, wall seconds, stdout) of a command under /usr/bin/time -v."""
    done = subprocess.run(["/usr/bin/time", "-v", *command], cwd=ROOT, capture_output=True, text=True,
                          env={"ARROW_DEFAULT_MEMORY_POOL": "system", "PATH": "/usr/bin:/bin",
                               "PYTHONPATH": str(ROOT), "HOME": str(Path.home())})
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1)) / 1024
    clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", done.stderr).group(1)
    seconds = sum(float(part) * 60 ** i for i, part in enumerate(reversed(clock.split(":"))))
    return peak, seconds, done.stdout


def _outcome(kind: str, stdout: str) -> str:
    if kind == "boundary":
        return json.loads(stdout.strip().splitlines()[-1])["outcome"]
    report = json.loads(stdout)
    for problem in report.get("problems", []):
        found = re.search(r"limit of this server: (more than [\d,]+ [^,.]+)", problem.get("message") or "")
        if found:
            return f"refused: {found.group(1)}"
    rows = sum(f.get("rows") or 0 for f in report.get("files", []))
    return f"read: {rows:,} rows, {len(report.get('problems', []))} problems"


def _check(kind: str, db: str, path: Path) -> list[str]:
    if kind == "boundary":
        return [sys.executable, "-c", BOUNDARY, db, str(path)]
    return [sys.executable, "-m", "indicators", "--db", db, "validate", "--format", "json", str(path)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=None, help="case names (default: all)")
    parser.add_argument("--keep", default=None, help="generate the files into this folder and keep them")
    args = parser.parse_args(argv)
    names = args.only or list(CASES)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "demo.sqlite").unlink(missing_ok=True)
        db = f"sqlite:///{folder / 'demo.sqlite'}"
        subprocess.run([sys.executable, "-m", "indicators", "--db", db, "init", "--demo"], cwd=ROOT,
                       capture_output=True, check=True)
        tiny = folder / "tiny.csv"
        tiny.write_text("indicator_id,territory_id,period,value\nCIT01,200093201,2020,1\n")
        idle, _, _ = _measured(_check("validate", db, tiny))
        print(f"idle: validating a one-row file peaks at {idle:.0f} MB\n")
        print(f"{'case':<28}{'size MB':>9}{'peak MB':>9}{'peak/size':>10}{'over idle/size':>15}{'bound MB':>10}"
              f"{'within':>8}{'s':>7}  outcome")
        for name in names:
            file_name, generate, kind = CASES[name]
            path = folder / file_name
            generate(path)
            size = path.stat().st_size / MB
            peak, seconds, stdout = _measured(_check(kind, db, path))
            bound = 10 * size + 300
            print(f"{name:<28}{size:>9.2f}{peak:>9.0f}{peak / size:>10.1f}{(peak - idle) / size:>15.1f}{bound:>10.0f}"
                  f"{'yes' if peak <= bound and seconds <= 20 else 'NO':>8}{seconds:>7.1f}  {_outcome(kind, stdout)}")
            if not args.keep:
                path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
