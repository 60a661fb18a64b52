"""Generators for the hostile corpus: every case is written on demand, nothing large is committed.

Each case is a small (or well-compressed) file that an attacker or an unlucky colleague could bring:
it must be refused with a report naming the file, or read correctly, within the memory and time
limits `run_case.py` imposes, the store unchanged when refused. `EXPECT` says which.

A generator writes to a path and streams what it writes, so that making a case never costs the
memory its reading would.
"""
from __future__ import annotations

import gzip
import io
import json
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

OBS = "indicator_id,territory_id,period,value\n"
GOOD = OBS + "MOB02,59512,2019,1200\n"
LEVELS = "level_id,name_fr,name_nl,name_en,order\n"
TERRITORIES = "territory_id,name_fr,name_nl,country,kind,replaced_by,valid_to,lat,lon\n"
THEMES = "theme_id,name_fr,name_nl,name_en,color,order\n"


@dataclass(frozen=True)
class Case:
    file: str                      # the file name as the user would give it
    make: Callable[[Path], None]   # writes the case to that path
    expect: str                    # "refused" (a report, nothing written) or "read" (imported as meant)
    words: str = ""                # words the English report must contain (refused) or "" for any report
    path: str = "import"           # "import" (validate + import), "mapping" (save one), "apply", "boundary"
    spec: dict | None = None       # the mapping an "apply" case reads its file with


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _text(text: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    return _bytes(text.encode(encoding))


# ------------------------------------------------------------------ XLSX built by hand (zip members)

_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/xl/workbook.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
       '<Override PartName="/xl/worksheets/sheet1.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
       '<Override PartName="/xl/sharedStrings.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
       '</Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="xl/workbook.xml"/></Relationships>')
_BOOK = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
         '<sheets><sheet name="observations" sheetId="1" r:id="rId1"/></sheets></workbook>')
_BOOK_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
              'worksheet" Target="worksheets/sheet1.xml"/>'
              '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
              'sharedStrings" Target="sharedStrings.xml"/></Relationships>')
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _row(number: int, cells: list[tuple[str, str]]) -> str:
    """One `<row>` of inline strings: cells are (reference, text)."""
    inner = "".join(f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>' for ref, text in cells)
    return f'<row r="{number}">{inner}</row>'


_HEADER = _row(1, [("A1", "indicator_id"), ("B1", "territory_id"), ("C1", "period"), ("D1", "value")])
_DATA = _row(2, [("A2", "MOB02"), ("B2", "59350"), ("C2", "2020"), ("D2", "43300")])


def _xlsx(path: Path, sheet_xml: str | Callable[[io.RawIOBase], None],
          shared: str | Callable[[io.RawIOBase], None] = f'<sst {_NS} count="0" uniqueCount="0"/>',
          prolog: str = "") -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _BOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS)
        for member, body in (("xl/worksheets/sheet1.xml", sheet_xml), ("xl/sharedStrings.xml", shared)):
            if callable(body):
                with z.open(member, "w", force_zip64=True) as out:
                    body(out)
            else:
                z.writestr(member, prolog + body)


def _sheet(rows: str, dimension: str = "A1:D2") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {_NS}>'
            f'<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>')


def xlsx_stray_cell(path: Path) -> None:
    """5 KB: one stray cell at XFD1048576, which a reader trusting the dimension pads to 17 billion cells."""
    stray = _row(1048576, [("XFD1048576", "x")])
    _xlsx(path, _sheet(_HEADER + _DATA + stray, "A1:XFD1048576"))


def xlsx_lying_dimension(path: Path) -> None:
    """The sheet declares A1:XFD1048576 but holds two rows: read as the two rows it holds."""
    _xlsx(path, _sheet(_HEADER + _DATA, "A1:XFD1048576"))


def xlsx_shared_strings_bomb(path: Path) -> None:
    """A few MB whose shared strings unpack past the archive limit (700 MB of one repeated string)."""
    chunk = b"<si><t>" + b"A" * 1000 + b"</t></si>"
    head = f'<?xml version="1.0" encoding="UTF-8"?><sst {_NS}>'.encode()

    def body(out) -> None:
        out.write(head)
        block = chunk * 1000
        for _ in range(700):
            out.write(block)
        out.write(b"</sst>")

    _xlsx(path, _sheet(_HEADER + _DATA), body)


def xlsx_billion_laughs(path: Path) -> None:
    """A DOCTYPE with nested entities (the billion laughs) in the worksheet."""
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    prolog = f'<?xml version="1.0"?><!DOCTYPE worksheet [{entities}]>'
    rows = _HEADER + _row(2, [("A2", "&lol9;"), ("B2", "59350"), ("C2", "2020"), ("D2", "1")])
    sheet = f'{prolog}<worksheet {_NS}><sheetData>{rows}</sheetData></worksheet>'
    _xlsx(path, sheet)


def xlsx_wide_row(path: Path) -> None:
    """One row with 20,000 cells (well compressed): past the columns limit, refused at that row."""
    cells = [(f"{_letters(i)}2", "1") for i in range(1, 20_001)]
    _xlsx(path, _sheet(_HEADER + _row(2, cells)))


def xlsx_many_rows(path: Path) -> None:
    """Millions of empty-looking rows that compress to little: refused past the cells limit or read."""
    def body(out) -> None:
        out.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_NS}><sheetData>'.encode())
        out.write(_HEADER.encode())
        for start in range(2, 8_000_002, 100_000):
            out.write("".join(
                f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>MOB02</t></is></c>'
                f'<c r="B{r}" t="inlineStr"><is><t>59350</t></is></c>'
                f'<c r="C{r}" t="inlineStr"><is><t>2020</t></is></c>'
                f'<c r="D{r}" t="inlineStr"><is><t>1</t></is></c></row>'
                for r in range(start, start + 100_000)).encode())
        out.write(b"</sheetData></worksheet>")

    _xlsx(path, body)


def _letters(position: int) -> str:
    out = ""
    while position:
        position, rem = divmod(position - 1, 26)
        out = chr(65 + rem) + out
    return out


def xlsx_not_a_workbook(path: Path) -> None:
    """A valid zip holding no workbook at all."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "not a spreadsheet")


# ------------------------------------------------------------------ archives (gzip)

def gzip_bomb(path: Path) -> None:
    """A .csv.gz of a few hundred KB that unpacks to 1 GB."""
    with gzip.open(path, "wb", compresslevel=1) as out:
        out.write(OBS.encode())
        block = b"MOB02,59350,2020,1" + b" " * 1_000_000 + b"\n"
        for _ in range(1024):
            out.write(block)


def gzip_truncated(path: Path) -> None:
    """A .csv.gz cut in the middle."""
    data = gzip.compress((GOOD * 2000).encode())
    path.write_bytes(data[: len(data) // 2])


def zlib_raw(path: Path) -> None:
    """Deflate bytes without a gzip header, named .gz."""
    path.write_bytes(zlib.compress(GOOD.encode()))


# ------------------------------------------------------------------ CSV shapes

def fields_200k(path: Path) -> None:
    """A row with 200,000 extra fields (quadratic in naive readers)."""
    path.write_bytes((OBS + "MOB02,59350,2020,1" + "," * 200_000 + "\n").encode())


def long_line_above_header(path: Path) -> None:
    """A free-text line of 200 KB above the header (a pasted note)."""
    path.write_bytes(("Note: " + "x" * 200_000 + "\n" + GOOD).encode())


def unclosed_quote(path: Path) -> None:
    """An opening quote never closed, followed by 20 MB: one 'field' swallowing the file."""
    path.write_bytes((OBS + 'MOB02,59350,2020,"1\n' + ("a" * 99 + "\n") * 200_000).encode())


def many_blank_lines(path: Path) -> None:
    """Ten million empty lines between two rows: read (blank lines hold no cell, DESIGN: skipped)."""
    path.write_bytes((OBS + "MOB02,59350,2020,1200\n" + "\n" * 10_000_000 + "MOB02,59350,2021,43400\n").encode())


# ------------------------------------------------------------------ encodings

def utf16_odd(path: Path) -> None:
    """UTF-16 with a byte order mark and an odd byte count."""
    path.write_bytes((OBS + "MOB02,59350,2021,43400\n").encode("utf-16") + b"\x00")


def mixed_encodings(path: Path) -> None:
    """UTF-8 rows, then a row pasted from a Windows-1252 file."""
    head = "territory_id,name_fr,name_nl,country,kind\n99001,Liège,Luik,BE,commune\n".encode()
    path.write_bytes(head + "99002,Orchies Fléchette,Orchies,FR,commune\n".encode("cp1252"))


def nul_bytes(path: Path) -> None:
    """A NUL byte inside a name (PostgreSQL refuses it; SQLite would store it)."""
    path.write_bytes((TERRITORIES + "99003,Lil\x00le,Rijsel,FR,commune,,,50.6,3.0\n").encode())


def code_too_long(path: Path) -> None:
    """A territory code longer than the schema allows."""
    path.write_bytes((TERRITORIES + "9" * 5000 + ",Long,Lang,FR,commune,,,50.6,3.0\n").encode())


# ------------------------------------------------------------------ a problem on every row

ROWS_EVERY = 1_000_000   # 20 MB of CSV, under the size limit: the cost must come from the report


def _every_row(line: str) -> Callable[[Path], None]:
    """A million rows that each hold the same kind of mistake."""
    def make(path: Path) -> None:
        with path.open("w") as out:
            out.write(OBS)
            for start in range(0, ROWS_EVERY, 100_000):
                out.write("".join(line.format(i=i) for i in range(start, start + 100_000)))
    return make


# ------------------------------------------------------------------ framework integrity

CASES: dict[str, Case] = {
    # archives and spreadsheets
    "xlsx_stray_cell": Case("stray.xlsx", xlsx_stray_cell, "read"),
    "xlsx_lying_dimension": Case("lying.xlsx", xlsx_lying_dimension, "read"),
    "xlsx_shared_strings_bomb": Case("bomb.xlsx", xlsx_shared_strings_bomb, "refused"),
    "xlsx_billion_laughs": Case("laughs.xlsx", xlsx_billion_laughs, "refused"),
    "xlsx_wide_row": Case("wide.xlsx", xlsx_wide_row, "refused"),
    "xlsx_many_rows": Case("rows.xlsx", xlsx_many_rows, "refused"),
    "xlsx_not_a_workbook": Case("nobook.xlsx", xlsx_not_a_workbook, "refused"),
    "xlsx_random_bytes": Case("random.xlsx", _bytes(b"PK\x03\x04" + bytes(range(256)) * 40), "refused"),
    "gzip_bomb": Case("bomb.csv.gz", gzip_bomb, "refused"),
    "gzip_truncated": Case("cut.csv.gz", gzip_truncated, "refused"),
    "gzip_not_gzip": Case("raw.csv.gz", zlib_raw, "refused"),
    # CSV shapes
    # many exports end each line with a separator: an empty cell past the header is no problem
    "trailing_separator_levels": Case(
        "levels.csv", _text(LEVELS + "border2,Communes frontalières,Grensgemeenten,Border,1,\n"), "read"),
    "unquoted_comma_first_row": Case(
        "obs.csv", _text(OBS + "MOB02,59350,2020,43,300\nMOB02,59350,2021,43400\n"),
        "refused", "more cells than the header"),
    "fields_200k": Case("fields.csv", fields_200k, "refused"),
    "long_line_above_header": Case("note.csv", long_line_above_header, "refused"),
    "unclosed_quote": Case("quote.csv", unclosed_quote, "refused", "quote.csv row 2 column None: A quotation mark"),
    "many_blank_lines": Case("blank.csv", many_blank_lines, "read"),
    # periods
    "period_0000": Case("p0.csv", _text(OBS + "MOB02,59350,0000,1\n"), "refused", "period"),
    "period_9999": Case("p9.csv", _text(OBS + "MOB02,59350,9999,1\n"), "refused", "period"),
    "period_arabic_indic": Case("pa.csv", _text(OBS + "MOB02,59350,٢٠٢٤,1\n"), "refused", "period"),
    "period_fullwidth": Case("pf.csv", _text(OBS + "MOB02,59350,２０２４,1\n"), "refused", "period"),
    "period_quarter_far": Case("pq.csv", _text(OBS + "MOB02,59350,1850-Q1,1\n"), "refused", "period"),
    # encodings and bytes
    "utf16_odd_bytes": Case("u16.csv", utf16_odd, "read"),   # the cut half character is dropped
    # Read, with a notice naming the rows that hold UTF-8 in a Windows-1252 file.
    # read as Windows-1252, Liège was stored Liège garbled: the UTF-8 file's foreign bytes are refused where they are
    "mixed_encodings": Case("mixed.csv", mixed_encodings, "refused",
                            "row 3 column name_fr: This cell holds bytes that are not UTF-8"),
    "nul_byte": Case("nul.csv", nul_bytes, "refused"),
    "code_too_long": Case("long.csv", code_too_long, "refused"),
    # formulas in codes and colours
    "formula_code_hyperlink": Case(
        "levels.csv", _text(LEVELS + '"=HYPERLINK(""http://x"",""y"")",Nom,Naam,Name,3\n'), "refused"),
    "formula_code_dde": Case("themes.csv", _text(THEMES + "+cmd|' /C calc'!A0,Nom,Naam,Name,#000000,3\n"),
                             "refused"),
    "formula_code_at": Case("levels.csv", _text(LEVELS + "@SUM(1+1),Nom,Naam,Name,3\n"), "refused"),
    "formula_code_minus": Case("territories.csv",
                               _text(TERRITORIES + "-1+1+cmd|' /C calc'!A0,Nom,Naam,FR,commune,,,50.6,3.0\n"),
                               "refused"),
    "formula_colour": Case("themes.csv", _text(THEMES + 'x1,Nom,Naam,Name,"=1+1",3\n'), "refused"),
    "formula_tab_prefix": Case("levels.csv", _text(LEVELS + "\t=1+1,Nom,Naam,Name,3\n"), "refused"),
    # a problem on every row: reported in full up to a cap, then counted, within the limits
    "bad_value_every_row": Case("values.csv", _every_row("MOB02,59512,2020,abc{i}\n"), "refused",
                                "more cells have the same problem"),
    "unknown_code_every_row": Case("codes.csv", _every_row("X{i},59512,2020,1\n"), "refused",
                                   "more cells have the same problem"),
    "duplicate_every_row": Case("dups.csv", _every_row("MOB02,59512,2020,{i}\n"), "refused",
                                "more cells have the same problem"),
    # cycles
    "own_parent": Case("territories.csv", _text(
        "territory_id,name_fr,country,parent_id\n99010,Boucle,FR,99010\n"), "refused"),
    "replaced_by_cycle": Case("territories.csv", _text(
        "territory_id,name_fr,country,replaced_by,valid_to\n99011,Un,FR,99012,2020\n99012,Deux,FR,99011,2020\n"),
        "refused"),
    "parent_cycle_long": Case("territories.csv", _text(
        "territory_id,name_fr,country,parent_id\n"
        + "".join(f"99{i:03d},T{i},FR,99{(i + 1) % 300:03d}\n" for i in range(300))), "refused"),
}


# ------------------------------------------------------------------ mappings (saved JSON specs)

def _spec(**over) -> bytes:
    spec = {"territory": {"column": "code"}, "period": {"column": "year"}, "values": {"v": "MOB02"}}
    spec.update(over)
    return json.dumps(spec).encode()


def json_deep(path: Path) -> None:
    path.write_bytes(b"[" * 100_000 + b"]" * 100_000)


def json_deep_in_string(path: Path) -> None:
    """Brackets inside strings are not nesting: a plain mapping whose name holds 100,000 '['."""
    path.write_bytes(_spec(sheet="[" * 100_000))


MAPPING_CASES: dict[str, Case] = {
    "mapping_header_row_huge": Case("m.json", _bytes(_spec(header_row=10 ** 12)), "refused", path="mapping"),
    "mapping_header_row_negative": Case("m.json", _bytes(_spec(header_row=-3)), "refused", path="mapping"),
    "mapping_lookahead": Case("m.json", _bytes(_spec(territory={"column": "code", "pattern": "(?=a)(a+)+$"})),
                              "refused", path="mapping"),
    "mapping_backreference": Case("m.json", _bytes(_spec(territory={"column": "code", "pattern": r"(a+)\1$"})),
                                  "refused", path="mapping"),
    "mapping_json_deep": Case("m.json", json_deep, "refused", path="mapping"),
    "mapping_not_json": Case("m.json", _bytes(b"\xff\xfe{"), "refused", path="mapping"),
    "mapping_brackets_in_string": Case("m.json", json_deep_in_string, "read", path="mapping"),
    # A foreign file with a mistake in every cell: the mapping's own checks are capped like the validator's.
    "mapping_every_cell_bad": Case("foreign.csv", lambda path: path.write_text(
        "code;year;v;w\n" + "".join(f"X{i};2020;abc;n/a{i}\n" for i in range(600_000))),
        "refused", "more cells have the same problem", path="apply",
        spec=json.loads(_spec(values={"v": "MOB02", "w": "MOB01"}))),
    # RE2 matches `(a+)+$` in linear time: a backtracking engine takes minutes on these cells.
    "mapping_catastrophic_pattern": Case(
        "foreign.csv", _text("code;year;v\n" + "".join(f"{'a' * 40}!;2020;{i}\n" for i in range(2000))
                             + "59350;2020;43300\n"),
        "read", path="apply", spec=json.loads(_spec(territory={"column": "code", "pattern": "(a+)+$|\\d+"}))),
}


# ------------------------------------------------------------------ boundary files

def _square(x: float, y: float, size: float = 0.01) -> list:
    return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]


def topo_arc_reused(path: Path) -> None:
    """A TopoJSON of a few MB reusing one 5-point arc 400,000 times."""
    doc = {"type": "Topology", "arcs": [[[3.0, 50.6], [3.01, 50.6], [3.01, 50.61], [3.0, 50.61], [3.0, 50.6]]],
           "objects": {"communes": {"type": "GeometryCollection", "geometries": [
               {"type": "Polygon", "arcs": [[0] * 400_000], "properties": {"code": "59350"}}]}}}
    path.write_text(json.dumps(doc, separators=(",", ":")))


def self_intersecting(path: Path) -> None:
    """One self-intersecting polygon of 200,000 vertices (a zigzag bow-tie)."""
    n = 200_000
    ring = [[3.0 + (i % 2) * 0.1, 50.6 + i * 1e-6] for i in range(n)] + [[3.0, 50.6]]
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": "59350"}, "geometry": {"type": "Polygon", "coordinates": [ring]}},
        {"type": "Feature", "properties": {"code": "59512"}, "geometry": {"type": "Polygon",
                                                                       "coordinates": _square(3.17, 50.69)}}]}
    path.write_text(json.dumps(doc, separators=(",", ":")))


def too_many_vertices(path: Path) -> None:
    """Three million vertices in plain rings (20 MB, under the size limit): past the vertices limit."""
    with path.open("w") as out:
        out.write('{"type":"FeatureCollection","features":[')
        for f in range(30):
            ring = ",".join(f"[{3 + i % 2},{50 + (i // 2) % 2}]" for i in range(100_000))
            out.write(("," if f else "") + '{"type":"Feature","properties":{"code":"59350"},'
                      f'"geometry":{{"type":"Polygon","coordinates":[[{ring}]]}}}}')
        out.write("]}")


def duplicated_codes(path: Path) -> None:
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": "59350", "name": "Lille"},
         "geometry": {"type": "Polygon", "coordinates": _square(3.05, 50.63)}},
        {"type": "Feature", "properties": {"code": "59350", "name": "Lille bis"},
         "geometry": {"type": "Polygon", "coordinates": _square(3.07, 50.63)}},
        {"type": "Feature", "properties": {"code": "59512", "name": "Roubaix"},
         "geometry": {"type": "Polygon", "coordinates": _square(3.17, 50.69)}}]}
    path.write_text(json.dumps(doc))


BOUNDARY_CASES: dict[str, Case] = {
    "topo_arc_reused": Case("arcs.topojson", topo_arc_reused, "refused", path="boundary"),
    "self_intersecting_200k": Case("bowtie.geojson", self_intersecting, "read", path="boundary"),
    "too_many_vertices": Case("heavy.geojson", too_many_vertices, "refused", path="boundary"),
    "boundary_json_deep": Case("deep.geojson", json_deep, "refused", path="boundary"),
    "duplicated_codes": Case("dups.geojson", duplicated_codes, "read", "59350", path="boundary"),
}

ALL: dict[str, Case] = {**CASES, **MAPPING_CASES, **BOUNDARY_CASES}
