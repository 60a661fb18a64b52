"""Every limit on what a file may cost before and while it is read, in one place.

A small hostile file (a stray cell at XFD1048576, a zip bomb of shared strings,
200,000 fields in one row, a TopoJSON reusing one arc 400,000 times, a JSON
nested 100,000 deep) must be refused with a report, never read until the
machine runs out of memory or time. The size defaults are lowered for a 1.5 GB
address space per process (measurements in docs/deployment.md); each can be
changed by an environment variable of the same name prefixed `MONITOR_`
(documented in docs/deployment.md).
"""
from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass

DEFAULTS: dict[str, int] = {
    "MAX_FILE_BYTES": 100 * 1024 * 1024,       # one uploaded or imported file, as stored on disk
    "MAX_UNPACKED_BYTES": 200 * 1024 * 1024,   # a gzip file or an XLSX archive, once unpacked
    # A gzip file unpacks to at most this many times its own size (real tables pack 2 to 13 times;
    # 739 KB of repeated rows unpacking to 190 MB cost 1 GB to read), above the free amount below.
    "MAX_UNPACK_RATIO": 50,
    "FREE_UNPACKED_BYTES": 20 * 1024 * 1024,   # what any gzip file may unpack to, whatever its ratio
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


def get(name: str) -> int:
    """The limit `name`, from `MONITOR_<name>` when set to a whole number, else its default."""
    raw = os.environ.get(f"MONITOR_{name}", "").strip().replace("_", "")
    if raw.isdigit():
        return int(raw)
    return DEFAULTS[name]


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


def check_zip(archive: zipfile.ZipFile) -> None:
    """Refuse an archive whose members unpack past the limit, or pack absurdly (a zip bomb).

    The sizes come from the archive's directory; a member that lies about its
    size is still cut off by `read_capped` while it is unpacked.
    """
    total = sum(max(info.file_size, 0) for info in archive.infolist())
    check("MAX_UNPACKED_BYTES", total)


def unpacked_limit(packed: int) -> int:
    """The bytes a compressed file of `packed` bytes may unpack to: a small file never costs much
    (MAX_UNPACK_RATIO times its size, FREE_UNPACKED_BYTES at least), none past MAX_UNPACKED_BYTES."""
    return min(get("MAX_UNPACKED_BYTES"), max(get("FREE_UNPACKED_BYTES"), get("MAX_UNPACK_RATIO") * int(packed)))


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
    """
    import re

    import numpy as np

    if isinstance(text, str):
        text = text.encode("utf-8", errors="replace")
    bare = re.sub(rb'"(?:[^"\\]|\\.)*"', b"", text)
    codes = np.frombuffer(bare, dtype=np.uint8)
    steps = (np.isin(codes, (ord("["), ord("{"))).astype(np.int32)
             - np.isin(codes, (ord("]"), ord("}"))).astype(np.int32))
    return not len(steps) or int(np.cumsum(steps).max()) <= get("MAX_JSON_DEPTH")
