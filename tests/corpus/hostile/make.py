"""Generators of hostile and broken files: each small on disk, each built to cost memory or time
(a zip bomb, a stray cell at XFD1048576, a TopoJSON reusing one arc 400,000 times…) or to slip
something through (formula codes, periods 0000 and ٢٠٢٤, a shifted row).

Nothing large is committed: `CASES[name](folder)` writes the case's file into `folder` and returns
what to do with it and what must come out. tests/test_hostile.py runs each one in a subprocess
under a memory and time limit, so a regression fails instead of freezing CI.
"""
from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

OBS = "indicator_id,territory_id,period,value\n"


def _xlsx(rows: list[list], extra: dict | None = None) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "observations"
    for row in rows:
        ws.append(row)
    for cell, value in (extra or {}).items():
        ws[cell] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rezip(raw: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None) -> bytes:
    """The XLSX archive with some members replaced or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = (replace or {}).get(info.filename, src.read(info.filename))
            dst.writestr(info.filename, data)
        for name, data in (add or {}).items():
            dst.writestr(name, data)
    return out.getvalue()


def _case(kind: str, file: str, expect: str, **more) -> dict:
    """kind: file (validate then import), boundary, mapping (save a spec). expect: refused or read."""
    return {"kind": kind, "file": file, "expect": expect, **more}


def xlsx_stray_cell(folder: Path) -> dict:
    raw = _xlsx([["indicator_id", "territory_id", "period", "value"], ["MOB01", "59350", "2020", 3.5]],
                {"XFD1048576": "x"})
    (folder / "stray.xlsx").write_bytes(raw)
    return _case("file", "stray.xlsx", "read", values={("MOB01", "59350", "2020"): 3.5})


def xlsx_shared_strings_bomb(folder: Path) -> dict:
    raw = _xlsx([["indicator_id", "territory_id", "period", "value"], ["MOB01", "59350", "2020", 3.5]])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "xl/sharedStrings.xml":
                dst.writestr(info.filename, src.read(info.filename))
        with dst.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:   # 1 GB of one letter
            part.write(b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                       b"<si><t>")
            chunk = b"A" * (1 << 20)
            for _ in range(1024):
                part.write(chunk)
            part.write(b"</t></si></sst>")
    (folder / "bomb.xlsx").write_bytes(out.getvalue())
    return _case("file", "bomb.xlsx", "refused", words="once unpacked")


def xlsx_doctype(folder: Path) -> dict:
    raw = _xlsx([["indicator_id", "territory_id", "period", "value"], ["MOB01", "59350", "2020", 3.5]])
    with zipfile.ZipFile(io.BytesIO(raw)) as src:
        sheet = src.read("xl/worksheets/sheet1.xml")
    evil = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
            + (sheet.split(b"?>", 1)[1] if sheet.startswith(b"<?xml") else sheet))
    (folder / "doctype.xlsx").write_bytes(_rezip(raw, replace={"xl/worksheets/sheet1.xml": evil}))
    return _case("file", "doctype.xlsx", "refused", words="DOCTYPE")


def gzip_bomb(folder: Path) -> dict:
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9) as stream:
        stream.write(OBS.encode())
        chunk = b"\n" * (1 << 20)
        for _ in range(1024):
            stream.write(chunk)
    (folder / "bomb.csv.gz").write_bytes(buffer.getvalue())
    return _case("file", "bomb.csv.gz", "refused", words="once unpacked")


def trailing_separator_levels(folder: Path) -> dict:
    (folder / "levels.csv").write_text("level_id,name_fr,order\nborder,Communes frontalières,1,\n", encoding="utf-8")
    return _case("file", "levels.csv", "refused", row=2, words="more cells than the header")


def unquoted_comma_observations(folder: Path) -> dict:
    (folder / "obs.csv").write_text(OBS + "MOB01,59350,2020,3,5\nMOB01,59350,2021,3.6\n", encoding="utf-8")
    return _case("file", "obs.csv", "refused", row=2, words="more cells than the header")


def formula_codes(folder: Path) -> dict:
    (folder / "levels.csv").write_text(
        'level_id,name_fr\n"=HYPERLINK(""http://x"",""y"")",Niveau\n+cmd|calc,Autre\n@SUM(A1),Trois\n'
        "-1+1+cmd|x,Quatre\n", encoding="utf-8")
    return _case("file", "levels.csv", "refused", rows=[2, 3, 4, 5], words="formula")


def formula_colour(folder: Path) -> dict:
    (folder / "themes.csv").write_text("theme_id,name_fr,color\nnew,Nouveau,=1+1\n", encoding="utf-8")
    return _case("file", "themes.csv", "refused", row=2, words="formula")


def implausible_periods(folder: Path) -> dict:
    (folder / "obs.csv").write_text(OBS + "MOB01,59350,0000,1\nMOB01,59350,9999,2\nMOB01,59350,٢٠٢٤,3\n",
                                    encoding="utf-8")
    return _case("file", "obs.csv", "refused", rows=[2, 3, 4])


def utf16_odd_bytes(folder: Path) -> dict:
    raw = (OBS + "MOB01,59350,2020,3.5\n").encode("utf-16")
    (folder / "odd.csv").write_bytes(raw + b"\x00")
    return _case("file", "odd.csv", "read", values={("MOB01", "59350", "2020"): 3.5})


def long_note_above_header(folder: Path) -> dict:
    (folder / "notes.csv").write_text("Note: " + "x" * 200_000 + "\n" + OBS + "MOB01,59350,2020,3.5\n",
                                      encoding="utf-8")
    return _case("file", "notes.csv", "either")


def many_fields(folder: Path) -> dict:
    (folder / "wide.csv").write_text(OBS + "MOB01,59350,2020,3.5" + ",1" * 200_000 + "\n", encoding="utf-8")
    return _case("file", "wide.csv", "refused", words="cells in one row")


def nul_and_long_code(folder: Path) -> dict:
    (folder / "obs.csv").write_text("indicator_id,territory_id,period,value,note\n"
                                    "MOB01,59350,2020,3.5,bad\x00note\n"
                                    f"MOB01,{'5' * 70},2021,3.5,\n", encoding="utf-8")
    return _case("file", "obs.csv", "refused", rows=[2, 3])


def mixed_encodings(folder: Path) -> dict:
    head = "indicator_id,territory_id,period,value,note\n"
    raw = (head + "MOB01,59350,2020,3.5,Dépôt\n").encode("cp1252") + "MOB01,59350,2021,3.6,Dépôt\n".encode("utf-8")
    (folder / "mixed.csv").write_bytes(raw)
    return _case("file", "mixed.csv", "read", values={("MOB01", "59350", "2020"): 3.5}, notice="rows 3 hold UTF-8")


def territory_cycles(folder: Path) -> dict:
    (folder / "territories.csv").write_text(
        "territory_id,name_fr,country,parent_id,replaced_by\n"
        "T1,Un,FR,T1,\nT2,Deux,FR,,T3\nT3,Trois,FR,,T2\n", encoding="utf-8")
    return _case("file", "territories.csv", "refused", rows=[2, 3, 4], words="loop")


def topojson_arc_reuse(folder: Path) -> dict:
    arc = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]
    doc = {"type": "Topology", "arcs": [[[3.0 + x * 0.01, 50.0 + y * 0.01] for x, y in arc]],
           "objects": {"areas": {"type": "GeometryCollection", "geometries": [
               {"type": "Polygon", "arcs": [[0] * 400_000], "properties": {"code": "59350"}}]}}}
    (folder / "arcs.topojson").write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
    return _case("boundary", "arcs.topojson", "refused", words="too many points")


def self_intersecting_polygon(folder: Path) -> dict:
    import random

    rng = random.Random(7)
    ring = [[3.0 + rng.random() * 0.2, 50.5 + rng.random() * 0.2] for _ in range(200_000)]
    ring.append(ring[0])
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": "59350"}, "geometry": {"type": "Polygon", "coordinates": [ring]}}]}
    (folder / "zigzag.geojson").write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
    return _case("boundary", "zigzag.geojson", "refused")


def deep_json_boundary(folder: Path) -> dict:
    (folder / "deep.geojson").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    return _case("boundary", "deep.geojson", "refused")


def mapping_header_row(folder: Path) -> dict:
    (folder / "spec.json").write_text(json.dumps({"territory": "CODGEO", "period": "2020", "values": {"P": "MOB01"},
                                                  "header_row": 10 ** 12}), encoding="utf-8")
    return _case("mapping", "spec.json", "refused", words="header_row")


def mapping_deep_json(folder: Path) -> dict:
    (folder / "spec.json").write_text('{"a":' * 100_000 + "1" + "}" * 100_000, encoding="utf-8")
    return _case("mapping", "spec.json", "refused", words="JSON")


def mapping_catastrophic_regex(folder: Path) -> dict:
    (folder / "spec.json").write_text(json.dumps({
        "territory": {"column": "CODGEO", "pattern": "(?=a)(a+)+$"}, "period": "2020",
        "values": {"P": "MOB01"}}), encoding="utf-8")
    return _case("mapping", "spec.json", "refused", words="lookaround")


CASES = {f.__name__: f for f in (
    xlsx_stray_cell, xlsx_shared_strings_bomb, xlsx_doctype, gzip_bomb, trailing_separator_levels,
    unquoted_comma_observations, formula_codes, formula_colour, implausible_periods, utf16_odd_bytes,
    long_note_above_header, many_fields, nul_and_long_code, mixed_encodings, territory_cycles,
    topojson_arc_reuse, self_intersecting_polygon, deep_json_boundary, mapping_header_row, mapping_deep_json,
    mapping_catastrophic_regex)}
