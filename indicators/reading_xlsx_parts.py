"""An XLSX workbook's XML parts, read as bytes before openpyxl parses them (indicators/reading_xlsx.py):
one pass over the worksheets (cells counted against the limit, a formula without its saved value, the
merged ranges), the shared strings as written, a DOCTYPE refused."""
from __future__ import annotations

import re
import zipfile

from . import limits


# A formula cell with no cached value (`<f>E2/4</f></c>`, or an empty `<v>`): a workbook written by a
# program and never opened in Excel. Not a cell of type "str" with an empty `<v>`: that is a formula
# Excel computed to an empty text (=IF(B2="";"";B2/C2)), a cell without a value. The formula text may
# not hold "<" (it is escaped), and an element is never longer than the overlap between the blocks
# searched.
_UNCACHED = re.compile(rb"<(?:\w+:)?c\b(?![^>]*\bt=[\"']str[\"'])[^>]*>\s*"
                       rb"<(?:\w+:)?f\b[^>]*?(?:/>|>[^<]*</(?:\w+:)?f>)\s*"
                       rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>")


# A merged range (`<mergeCell ref="A2:A3"/>`): read-only worksheets do not give them (ws.merged_cells).
_MERGE_CELL = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref=["\']\$?([A-Z]{1,3})\$?([0-9]{1,7}):\$?([A-Z]{1,3})\$?([0-9]{1,7})["\']')
_MERGED_KEPT = 10_000   # merged ranges kept per sheet: a hostile file's million costs no more
# A cell's element (`<c r="A1" t="s">`, `<c/>`, `<x:c>`): counted in the scan, before openpyxl makes any object.
_CELL_ELEMENT = re.compile(rb"<(?:\w+:)?c[\s/>]")


def scan_worksheets(archive: zipfile.ZipFile, max_cells: int | None = None
                    ) -> tuple[bool, dict[str, list[tuple[int, int, int, int]]]]:
    """One pass over the worksheets' XML, in blocks: whether one holds a formula without the value Excel
    computed, and each sheet's merged ranges (its part's name -> (first column, first row, last column,
    last row), at most _MERGED_KEPT of them).

    The cells of all the worksheets are counted on the way (empty ones too: openpyxl parses each), and the
    scan stops at `max_cells` (limits.LimitExceeded, MAX_CELLS): a 0.7 MB workbook of 1.4 M rows cost 73 s
    and 0.94 GB to read through openpyxl; it is refused here in a fraction of a second."""
    from openpyxl.utils import column_index_from_string

    block, overlap = 4 * 1024 * 1024, 64 * 1024
    uncached, merged, cells = False, {}, 0
    for info in archive.infolist():
        if "/worksheets/" not in "/" + info.filename or not info.filename.endswith(".xml"):
            continue
        ranges: list[tuple[int, int, int, int]] = []
        with archive.open(info) as part:
            tail, seen = b"", 0   # `seen`: where the new bytes of `text` begin (a range in the overlap is counted once)
            while True:
                chunk = part.read(block)
                if not chunk:
                    break
                text = tail + chunk
                if max_cells is not None:   # the elements in the overlap were counted with the block before
                    cells += len(_CELL_ELEMENT.findall(text)) - len(_CELL_ELEMENT.findall(tail))
                    if cells > max_cells:
                        raise limits.LimitExceeded("MAX_CELLS", cells, max_cells)
                if not uncached and (b"<f" in text or b":f" in text) and _UNCACHED.search(text):
                    uncached = True
                if b"mergeCell" in text and len(ranges) < _MERGED_KEPT:
                    for m in _MERGE_CELL.finditer(text):
                        if m.end() > len(tail) and len(ranges) < _MERGED_KEPT:
                            a, b = column_index_from_string(m.group(1).decode()), column_index_from_string(m.group(3).decode())
                            r1, r2 = int(m.group(2)), int(m.group(4))
                            ranges.append((min(a, b), min(r1, r2), max(a, b), max(r1, r2)))
                tail = text[-overlap:]
        if ranges:
            merged[info.filename] = ranges
    return uncached, merged


def raw_strings(archive: zipfile.ZipFile) -> list[str] | None:
    """The workbook's shared strings as written, where openpyxl's would differ: it removes every
    `x005F_` from them, so that Excel's `_x005F_x000D_` (the text `_x000D_`) came back as `_x000D_` and was
    then read as a carriage return, and a text holding `x005F_` lost it. None: openpyxl's are as written."""
    from openpyxl.cell.text import Text
    from openpyxl.packaging.manifest import Manifest
    from openpyxl.xml.constants import ARC_CONTENT_TYPES, SHARED_STRINGS, SHEET_MAIN_NS
    from openpyxl.xml.functions import fromstring, iterparse

    try:
        part = Manifest.from_tree(fromstring(archive.read(ARC_CONTENT_TYPES))).find(SHARED_STRINGS)
    except KeyError:
        return None
    if part is None:
        return None
    name, found, tail = part.PartName[1:], False, b""
    with archive.open(name) as src:   # in blocks: the table may be large
        while not found and (block := src.read(1 << 20)):
            found, tail = b"x005F_" in tail + block, block[-8:]
    if not found:
        return None
    strings, tag = [], f"{{{SHEET_MAIN_NS}}}si"
    with archive.open(name) as src:
        for _, node in iterparse(src):
            if node.tag == tag:
                strings.append(Text.from_tree(node).content)
                node.clear()
    return strings


def has_doctype(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """A DOCTYPE in a workbook's XML (entity expansion, external entities): Excel never writes one."""
    with archive.open(info) as part:
        return b"<!DOCTYPE" in part.read(4096).upper()
