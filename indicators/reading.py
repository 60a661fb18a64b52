"""Reading the CSV and XLSX files planners bring, and saying what was detected.

Every cell is read as text: numbers, periods and codes are parsed later by the
validator, which knows each column's kind (so `01001` keeps its zero and a
decimal comma is never mistaken for a separator). The reader only finds the
encoding, the separator, the header row and the decimal mark, and keeps the
row number a spreadsheet would show for every record.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .problems import Problem
from .schema import normalise_header, TABLES, alias_map

SEPARATORS = (";", ",", "\t", "|")
_SEP_NAMES = {";": "semicolon", ",": "comma", "\t": "tab", "|": "pipe"}

# Cells that show a decimal comma (1,5 / 1 234,5 / 1.234,56) or a decimal point (1.5, 3.05858).
_COMMA_DECIMAL = re.compile(r"^[+-]?\d{1,3}(?:[ .\u00a0\u202f]\d{3})*,\d+(?:\s*[a-z]{1,2})?$|^[+-]?\d+,\d+(?:\s*[a-z]{1,2})?$")
_POINT_DECIMAL = re.compile(r"^[+-]?\d{1,3}(?:[ ,\u00a0\u202f]\d{3})*\.\d+(?:\s*[a-z]{1,2})?$|^[+-]?\d+\.\d+(?:\s*[a-z]{1,2})?$")
_BLANK_LINE = re.compile(r"(?:^|\n)[ \t\r;,|]*\n|\n[ \t\r]*[;,|][ \t\r;,|]*$")  # a line with no cell
_AMBIGUOUS_POINT = re.compile(r"^[+-]?\d{1,3}\.\d{3}$")  # 1.234: a thousand or one and a bit


@dataclass
class Sheet:
    """One table read from a file: every cell as text, with its spreadsheet row numbers."""

    file: str
    frame: pd.DataFrame
    rows: np.ndarray
    sheet: str | None = None
    encoding: str | None = None
    separator: str | None = None
    decimal: str = "."
    decimal_detected: bool = False
    header_row: int = 1

    @property
    def label(self) -> str:
        return f"{self.file} [{self.sheet}]" if self.sheet else self.file

    def describe(self) -> dict:
        return {
            "file": self.label,
            "encoding": self.encoding,
            "separator": self.separator,
            "decimal": self.decimal,
            "rows": int(len(self.frame)),
        }


@dataclass
class ReadResult:
    sheets: list[Sheet] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_file(source: str | Path | bytes, name: str | None = None) -> ReadResult:
    """Read a CSV or XLSX given as a path or as bytes (an upload)."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        name = name or path.name
        try:
            raw = path.read_bytes()
        except OSError as exc:
            return ReadResult(problems=[Problem(name, None, None, None, "bad_structure",
                                                {"detail": exc.strerror or str(exc)})])
    else:
        raw = bytes(source)
        name = name or "upload"
    if not raw.strip():
        return ReadResult(problems=[Problem(name, None, None, None, "empty_file")])
    if raw[:2] == b"PK" or name.lower().endswith((".xlsx", ".xlsm")):
        return read_xlsx(raw, name)
    return read_csv_bytes(raw, name)


# ---------------------------------------------------------------- encodings

def decode(raw: bytes) -> tuple[str, str] | None:
    """Text and encoding name; None when the bytes are not text."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" export
        return raw.decode("utf-16"), "utf-16"
    if b"\x00" in raw[:8192]:
        return None
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # Excel on Windows in France and Belgium writes Windows-1252; it and ISO-8859-1 differ
        # only in 0x80-0x9F, where Windows puts € ’ œ …: name the one the bytes show.
        text = raw.decode("cp1252")
        return text, ("cp1252" if re.search(rb"[\x80-\x9f]", raw) else "iso-8859-1")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # other single-byte files (DOS, Mac): let it measure

    best = from_bytes(raw[:65536]).best()
    encoding = best.encoding if best else "latin_1"
    try:
        return raw.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return raw.decode("cp1252", errors="replace"), "cp1252"


# ---------------------------------------------------------------- CSV

def _known_headers() -> set[str]:
    names: set[str] = set()
    for table in TABLES.values():
        names.update(alias_map(table))
    return names


def _field_counts(lines: list[str], sep: str) -> list[int]:
    counts = []
    for line in lines:
        try:
            counts.append(len(next(csv.reader([line], delimiter=sep))))
        except (csv.Error, StopIteration):
            counts.append(0)
    return counts


def sniff(text: str) -> tuple[str, int]:
    """The separator and the number of lines before the header row.

    Comment lines (#) and free-text notes above the header are skipped: the
    header is the first line with as many fields as most of the lines after it.
    """
    lines = text[:200_000].splitlines()[:200]
    candidates = [(i, ln) for i, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#")]
    best_sep, best_score = ",", (-1, -1)
    for sep in SEPARATORS:
        counts = _field_counts([ln for _, ln in candidates[:60]], sep)
        if not counts:
            continue
        modal = max(set(counts), key=counts.count)
        if modal < 2:
            continue
        score = (counts.count(modal), modal)
        if score > best_score:
            best_sep, best_score = sep, score
    counts = _field_counts([ln for _, ln in candidates[:60]], best_sep)
    if not counts:
        return best_sep, 0
    modal = max(set(counts), key=counts.count)
    known = _known_headers()
    for (index, line), count in zip(candidates, counts):
        cells = next(csv.reader([line], delimiter=best_sep), [])
        if any(normalise_header(c) in known for c in cells) or count >= modal:
            return best_sep, index
    return best_sep, candidates[0][0] if candidates else 0


def detect_decimal(frame: pd.DataFrame, sep: str) -> tuple[str, bool]:
    """The decimal mark the cells show, and whether any cell showed it."""
    sample = frame.head(5000)
    commas = points = 0
    for col in sample.columns:
        values = sample[col].astype(str).str.strip()
        commas += int(values.str.match(_COMMA_DECIMAL).sum())
        points += int((values.str.match(_POINT_DECIMAL) & ~values.str.match(_AMBIGUOUS_POINT)).sum())
    if commas or points:
        return ("," if commas > points else "."), True
    # No decimal in the data: French and Belgian Excel pair ';' with a decimal comma.
    return ("," if sep == ";" else "."), False


def read_csv_bytes(raw: bytes, name: str) -> ReadResult:
    decoded = decode(raw)
    if decoded is None:
        return ReadResult(problems=[Problem(name, None, None, None, "binary_file",
                                            suggestion=("save_as_csv", {}))])
    text, encoding = decoded
    text = text.lstrip("\ufeff")
    if not text.strip():
        return ReadResult(problems=[Problem(name, None, None, None, "empty_file")])
    sep, skip = sniff(text)
    try:
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, na_filter=False,
                            skiprows=skip, skip_blank_lines=False, quotechar='"', engine="c")
    except pd.errors.EmptyDataError:
        return ReadResult(problems=[Problem(name, None, None, None, "empty_file")])
    except pd.errors.ParserError as exc:
        match = re.search(r"line (\d+), saw (\d+)", str(exc))
        if match:
            row = int(match.group(1)) + skip
            return ReadResult(problems=[Problem(name, row, None, None, "too_many_fields")])
        return ReadResult(problems=[Problem(name, None, None, None, "bad_structure", {"detail": str(exc)})])
    frame.columns = [str(c).strip() for c in frame.columns]
    # Rows as a spreadsheet numbers them: the lines skipped above the header, the header, then records.
    rows = np.arange(len(frame), dtype=np.int64) + skip + 2
    if _BLANK_LINE.search(text) or "Unnamed: " in "".join(frame.columns):
        frame, rows = _drop_blank(frame, rows)
    decimal, detected = detect_decimal(frame, sep)
    sheet = Sheet(name, frame, rows, encoding=encoding, separator=sep, decimal=decimal,
                  decimal_detected=detected, header_row=skip + 1)
    return ReadResult(sheets=[sheet])


def _drop_blank(frame: pd.DataFrame, rows: np.ndarray) -> tuple[pd.DataFrame, np.ndarray]:
    frame = frame.loc[:, [c for c in frame.columns if not (c.startswith("Unnamed: ") and
                                                            (frame[c].str.strip() == "").all())]]
    if frame.shape[1] == 0:
        return frame, rows[:0]
    blank = np.ones(len(frame), dtype=bool)
    for col in frame.columns:
        blank &= (frame[col].str.strip() == "").to_numpy()
    if blank.any():
        frame = frame.loc[~blank].reset_index(drop=True)
        rows = rows[~blank]
    return frame, rows


# ---------------------------------------------------------------- XLSX

def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text[:10] if text.endswith("T00:00:00") else text
    return str(value)


def read_xlsx(raw: bytes, name: str) -> ReadResult:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        detail = "not a valid XLSX archive" if isinstance(exc, zipfile.BadZipFile) else type(exc).__name__
        return ReadResult(problems=[Problem(name, None, None, None, "bad_xlsx", {"detail": detail})])
    result = ReadResult()
    known = _known_headers()
    try:
        for ws in book.worksheets:
            records = [[_cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
            # The header is the first row naming a known column (notes may sit above it).
            start = next((i for i, r in enumerate(records) if any(normalise_header(c) in known for c in r if c)),
                         next((i for i, r in enumerate(records) if any(c.strip() for c in r)), None))
            if start is None:
                continue
            header = [c.strip() for c in records[start]]
            while header and not header[-1]:
                header.pop()
            width = len(header)
            body = [r[:width] + [""] * (width - len(r[:width])) for r in records[start + 1:]]
            frame = pd.DataFrame(body, columns=header, dtype="str") if body else pd.DataFrame(
                {h: pd.Series([], dtype="str") for h in header})
            frame.columns = [c if c else f"Unnamed: {i}" for i, c in enumerate(frame.columns)]
            rows = np.arange(len(frame), dtype=np.int64) + start + 2
            frame, rows = _drop_blank(frame, rows)
            result.sheets.append(Sheet(name, frame, rows, sheet=ws.title, encoding=None, separator=None,
                                       decimal=".", decimal_detected=False, header_row=start + 1))
    finally:
        book.close()
    if not result.sheets:
        result.problems.append(Problem(name, None, None, None, "empty_file"))
    return result


def separator_name(sep: str | None) -> str | None:
    return _SEP_NAMES.get(sep) if sep else None
