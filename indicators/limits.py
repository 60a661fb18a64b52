"""Every limit on what a file may cost before and while it is read, in one place.

A small hostile file (a stray cell at XFD1048576, a zip bomb of shared strings,
200,000 fields in one row, a TopoJSON reusing one arc 400,000 times, a JSON
nested 100,000 deep) must be refused with a report, never read until the
machine runs out of memory or time. The size defaults are lowered for a 1.5 GB
address space per process (measurements in docs/deployment.md); each can be
changed by an environment variable of the same name prefixed `MONITOR_`
(documented in docs/deployment.md).

A small file never costs much: what a file may unpack to or hold (a workbook's cells and characters, a
gzip file's text, a boundary file's points) is also tied to its own size, through a memory budget
(`budget`: MAX_COST_RATIO times the file's size above FREE_COST_BYTES) and what each unit costs to read
(`COSTS`, measured by bench/small_files.py). A 0.7 MB workbook of 1.4 M rows cost 78 s and 0.98 GB, a
3.9 MB gzip file of long notes 0.93 GB: both are now refused early, naming the limit.
"""
from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass

DEFAULTS: dict[str, int] = {
    "MAX_FILE_BYTES": 100 * 1024 * 1024,       # one uploaded or imported file, as stored on disk
    "MAX_UNPACKED_BYTES": 200 * 1024 * 1024,   # a gzip file or an XLSX archive, once unpacked
    # A gzip file unpacks to at most this many times its own size (real tables pack 2 to 13 times;
    # 739 KB of repeated rows unpacking to 190 MB cost 1 GB to read), above the free amount below,
    # and to no more text than its memory budget pays for (unpacked_limit).
    "MAX_UNPACK_RATIO": 50,
    "FREE_UNPACKED_BYTES": 6 * 1024 * 1024,    # what any gzip file may unpack to, whatever its ratio
    # The memory reading a file may cost: this many times its size (as uploaded, packed) above the free
    # amount below (a process holds ~170 MB before it reads a file). Counts follow from it (COSTS).
    "MAX_COST_RATIO": 10,
    "FREE_COST_BYTES": 128 * 1024 * 1024,
    "MAX_SUBMISSION_BYTES": 20 * 1024 * 1024,  # a partner's submitted file, kept in the store until reviewed
    "MAX_CELLS": 6_000_000,                    # cells of one table (rows x columns, blank lines included): 1.5 M rows of 4 columns import, and import again, in 1.5 GB
    "MAX_COLUMNS": 1_000,                      # columns of one table (an XLSX row or a CSV record)
    # Worksheets of one XLSX workbook (one sheet per table: a planner's workbook holds a handful; each
    # sheet read costs ~0.05 s, 3,000 of them four minutes).
    "MAX_SHEETS": 50,
    # Characters of all the text cells read from one XLSX workbook. A shared string is stored once but
    # each cell using it becomes its own text in the table: one 10 M-character string in 40 cells of a
    # 12 KB file cost 0.75 GB. As much text as a CSV of MAX_FILE_BYTES holds.
    "MAX_WORKBOOK_CHARS": 100_000_000,
    "MAX_FIELDS_PER_ROW": 1_000,               # fields in one CSV line
    "MAX_LINE_BYTES": 1024 * 1024,             # characters in one CSV line
    "MAX_HEADER_ROW": 1_000,                   # a mapping's header row (lines of notes above the header)
    "MAX_JSON_DEPTH": 64,                      # nesting of a mapping or boundary JSON
    "MAX_JSON_BYTES": 100 * 1024 * 1024,       # a mapping or boundary file (boundaries also have boundaries.MAX_BYTES)
    "MAX_VERTICES": 1_500_000,                 # coordinates of one boundary file, arcs expanded (25 MB of GeoJSON holds ~1.2 M)
    "MAX_PATTERN_CHARS": 200,                  # a saved mapping's regular expression
    "MAX_PROBLEMS_LISTED": 1_000,              # problems of one kind in one column of a file listed one by one; the rest are counted
    "MIN_YEAR": 1900,                          # periods outside these years are refused
    "MAX_YEAR": 2100,
}


# Bytes of memory one unit costs to read and check, peak over the process's own (measured with
# bench/small_files.py, Python 3.11, openpyxl 3.1, shapely 2): what turns a file's budget into counts.
COSTS: dict[str, int] = {
    "xlsx_cell": 150,   # a workbook's cell read by openpyxl's read-only reader, kept as text, then checked (131-144)
    "xlsx_char": 4,     # a character of a workbook's text cell (95 M characters of a 0.17 MB file cost 0.32 GB)
    "text_byte": 6,     # a byte of text unpacked from gzip, decoded, parsed, checked (ASCII 5.1, accented 6.1)
    # The least a byte of a workbook's XML costs, once unpacked: a cell of 35 to 50 bytes costs 131-150, a
    # character of text 3.3 (a coarse gate read from the archive's directory; cells and characters are
    # then counted against their own budgets).
    "xlsx_xml_byte": 2,
    "vertex": 170,      # a point of a GeoJSON boundary file: read into numpy, made a shape, prepared
    "topo_vertex": 450,  # a point of a TopoJSON file, arcs expanded: its arcs' JSON lists, then arrays (431 measured)
}


def _whole(raw: str) -> int | None:
    """A setting's text as a whole number (`6_000_000` too), None when it is not one (`abc`, `-5`, `1e6`)."""
    text = raw.strip().replace("_", "")
    return int(text) if text.isascii() and text.isdecimal() else None


def get(name: str) -> int:
    """The limit `name`, from `MONITOR_<name>` when set to a whole number, else its default (a setting that
    is not one is said by `bad_settings`: the command line refuses to run with it)."""
    found = _whole(os.environ.get(f"MONITOR_{name}", ""))
    return DEFAULTS[name] if found is None else found


def bad_settings() -> list[tuple[str, str]]:
    """(variable, its text) for each `MONITOR_<limit>` set to something that is not a whole number of zero
    or more (`abc`, `-5`, `1.5`): the default would apply unsaid, and an operator who mistyped a limit
    would never know. An empty variable is unset."""
    out = []
    for name in DEFAULTS:
        raw = os.environ.get(f"MONITOR_{name}")
        if raw is not None and raw.strip() and _whole(raw) is None:
            out.append((f"MONITOR_{name}", raw))
    return out


@dataclass
class LimitExceeded(Exception):
    """A file went past a limit: `what` names the limit, `found` and `limit` are sizes."""

    what: str
    found: int
    limit: int

    def __str__(self) -> str:
        return f"{self.what}: {self.found} > {self.limit}"


def check(name: str, found: int) -> None:
    limit = get(name)
    if found > limit:
        raise LimitExceeded(name, int(found), limit)


def budget(size: int) -> int:
    """The memory (bytes) reading a file of `size` bytes may cost: MAX_COST_RATIO times its size, above
    FREE_COST_BYTES."""
    return get("MAX_COST_RATIO") * max(int(size), 0) + get("FREE_COST_BYTES")


def affordable(name: str, size: int, unit: str) -> int:
    """The limit `name` for a file of `size` bytes: as many units (COSTS[unit]) as its budget pays for,
    never more than the limit itself. A refusal still names `name` (its words, docs/deployment.md)."""
    return min(get(name), budget(size) // COSTS[unit])


def check_zip(archive: zipfile.ZipFile, packed: int | None = None) -> None:
    """Refuse an archive whose members unpack past the limit, or pack absurdly (a zip bomb): past
    MAX_UNPACKED_BYTES, or, given the archive's own size `packed`, past the XML its budget pays for (a
    0.7 MB workbook unpacking to 185 MB of rows is refused here, unread).

    The sizes come from the archive's directory; a member that lies about its size is cut off by
    zipfile itself, which reads no more than the size the directory gives.
    """
    total = sum(max(info.file_size, 0) for info in archive.infolist())
    limit = get("MAX_UNPACKED_BYTES") if packed is None else affordable("MAX_UNPACKED_BYTES", packed, "xlsx_xml_byte")
    if total > limit:
        raise LimitExceeded("MAX_UNPACKED_BYTES", int(total), limit)


def unpacked_limit(packed: int) -> int:
    """The bytes a compressed file of `packed` bytes may unpack to: a small file never costs much
    (MAX_UNPACK_RATIO times its size, FREE_UNPACKED_BYTES at least), none past MAX_UNPACKED_BYTES, nor
    past the text its memory budget pays for (a 3.9 MB file unpacking to 150 MB cost 0.93 GB to read)."""
    plausible = max(get("FREE_UNPACKED_BYTES"), get("MAX_UNPACK_RATIO") * int(packed))
    return min(get("MAX_UNPACKED_BYTES"), plausible, affordable("MAX_UNPACKED_BYTES", packed, "text_byte"))


def read_capped(stream, name: str = "MAX_UNPACKED_BYTES", chunk: int = 1024 * 1024, limit: int | None = None) -> bytes:
    """Read a decompressing stream to its end, refusing past the limit (a gzip bomb stops early).

    Read in chunks: one `read(limit + 1)` would reserve the whole limit at once, whatever the file.
    `limit` (bytes) replaces the limit `name` when given (a gzip file's `unpacked_limit`); a refusal
    still names `name`. The chunks go to a BytesIO, whose value is handed over without a second copy.
    """
    import io

    limit = get(name) if limit is None else limit
    data = io.BytesIO()
    while True:
        part = stream.read(chunk)
        if not part:
            return data.getvalue()
        data.write(part)
        if data.tell() > limit:
            raise LimitExceeded(name, data.tell(), limit)


def check_unpacked(size: int) -> None:
    """Refuse an archive member or decompressed stream of `size` bytes past the unpacked limit."""
    check("MAX_UNPACKED_BYTES", size)


def load_json(text: str | bytes):
    """`json.loads` under the size and depth limits: ValueError (with the reason) past either."""
    import json

    check("MAX_JSON_BYTES", len(text))
    if not json_depth_ok(text):
        raise ValueError(f"nested deeper than {get('MAX_JSON_DEPTH')} levels")
    return json.loads(text)


def json_depth_ok(text: str | bytes) -> bool:
    """Whether a JSON text nests no deeper than the limit, measured without parsing it.

    Python's json module recurses: 100,000 `[` raise RecursionError deep in the
    parser. Strings are removed first so that brackets inside them don't count.
    The depth is summed block by block, in small integers: over the whole text at once, its int32 and
    int64 arrays cost 21 times the text (a 21 MB boundary file peaked at 0.49 GB here alone).
    """
    import re

    import numpy as np

    if isinstance(text, str):
        text = text.encode("utf-8", errors="replace")
    bare = re.sub(rb'"(?:[^"\\]|\\.)*"', b"", text)
    codes = np.frombuffer(bare, dtype=np.uint8)
    limit, depth, block = get("MAX_JSON_DEPTH"), 0, 1 << 20
    for start in range(0, len(codes), block):
        part = codes[start:start + block]
        steps = ((part == ord("[")) | (part == ord("{"))).view(np.int8) \
            - ((part == ord("]")) | (part == ord("}"))).view(np.int8)
        levels = np.cumsum(steps, dtype=np.int32)
        if depth + int(levels.max()) > limit:
            return False
        depth += int(levels[-1])
    return True
