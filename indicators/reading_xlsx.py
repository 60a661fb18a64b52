"""Reading the XLSX workbooks planners bring: the first worksheet with a table, every cell as text.

A workbook is read with the values Excel saved (a formula's last result), in read-only mode, row by
row, under the limits of indicators/limits.py; a formula Excel never computed keeps its text and is
refused by the validator. Numbers typed as text go through the same decimal detection as a CSV's
(indicators/reading.py)."""
from __future__ import annotations

import io
import re
import zipfile

import numpy as np
import pandas as pd
from openpyxl.utils.escape import unescape

from . import limits
from .problems import Problem
from .reading import ZIP_SIGNATURES, ReadResult, Sheet, thousands_notices
from .reading_decimal import detect_decimal
from .reading_header import column_letter, drop_blank, header_repeats, header_strength, known_headers, unique_header
from .schema import normalise_header
from .shown_days import Day, DayFormat, periods_as_shown
from .templates import is_notes_sheet


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        # OOXML writes a character XML cannot hold as `_xHHHH_` (Excel: a carriage return `_x000D_`) and
        # a text `_xHHHH_` as `_x005F_xHHHH_`; openpyxl hands both over as written (_raw_strings).
        return unescape(value) if "_x" in value else value
    if hasattr(value, "text"):   # an array formula (no cached value)
        return str(value.text)
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


# A number format's tokens outside quotes and brackets (`"m²"`, `[Red]`, `\\%`): what Excel shows.
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')


_BRACKETS = re.compile(r"\[[^\]]*\]")   # a colour or a locale, `[Red]`, `[$-40C]`: nothing shown


def _format_kind(number_format: str | None) -> str | int | None:
    """What a cell's number format makes of its value: "percent" (Excel shows 100 times the value),
    "month" or "year" (a date shown as a month, mmm-yy or yyyy-mm, or as a year, yyyy), the number of
    digits a zero-padding format shows (`00000`, Excel's "ZIP code": 5), else None."""
    if not number_format or number_format == "General":
        return None
    section = number_format.split(";")[0]
    bare = _BRACKETS.sub("", section)
    if len(bare) > 1 and bare.count("0") == len(bare):
        return len(bare)
    code = _FORMAT_LITERALS.sub("", section).lower()
    if "%" in code:
        return "percent"
    sign = _currency_sign(section, code)
    if sign:
        return ("currency", sign)
    if "y" in code and "h" not in code and "s" not in code:   # a day: named as displayed (shown_days)
        return DayFormat(code) if "d" in code else "month" if "m" in code else "year"
    return None


# A currency a number format shows: `[$€-40C]` (a currency and its locale; `[$-40C]` is a locale alone), a
# quoted or escaped text (`"€"`, `\€`, `"EUR"`), or a sign written as is (`#,##0 €`).
_LOCALE_CURRENCY = re.compile(r"\[\$([^\]\-]+)(?:-[0-9A-Fa-f]+)?\]")
_QUOTED = re.compile(r'"([^"]*)"|\\(.)')
_CURRENCY_SIGNS = ("\u20ac", "$", "\u00a3")


def _currency_sign(section: str, code: str) -> str | None:
    """The currency sign or code a format section shows beside its number (`€`, `EUR`), None for none;
    `code` is the section without its literals and brackets (_format_kind)."""
    from .units import SIGNS

    found = [m.group(1).strip() for m in _LOCALE_CURRENCY.finditer(section)]
    found += [(m.group(1) if m.group(1) is not None else m.group(2)).strip() for m in _QUOTED.finditer(section)]
    found += [c for c in code if c in _CURRENCY_SIGNS]
    for text in found:
        if SIGNS.get(text.lower()) in ("eur", "usd", "gbp"):
            return text
    return None


class _Money(float):
    """A number shown with a currency by its format (`#,##0 "€"`): written with its sign once the sheet's
    decimal mark is known (`1234,5 €`, _number_text), as a CSV would hold it, so that the sign is judged by
    the same rule as a CSV cell's (parsing.wrong_signs): taken for an indicator in EUR, refused for one in km."""

    sign = ""


class _Percent(float):
    """A percentage cell's number of percent (0.125 shown 12,5 % is 12.5). It is written with its `%`
    once the sheet's decimal mark is known (_number_text), as a CSV would hold it (`12,5%`): the unit
    sign is then judged by the same rule (parsing.wrong_signs), taken for an indicator in %, refused
    for one in km."""


def _shown(value, kind: str | int | None):
    """A cell's value as its number format shows it: a percentage as its number of percent with its
    sign (_Percent), a whole number under a zero-padding format as the digits shown (2691 formatted
    `00000` is the code `02691`), a date on the first of a month shown as a month as `YYYY-MM`, on
    1 January shown as a year as `YYYY` (Excel turns a typed 2024-03 into a date); any other value
    unchanged (a fraction under `00000` keeps its digits: Excel's rounding is not a value)."""
    if kind is None or value is None or isinstance(value, bool):
        return value
    if isinstance(kind, int):
        if isinstance(value, (int, float)) and float(value).is_integer() and abs(value) < 1e15:
            return ("-" if value < 0 else "") + f"{abs(int(value)):0{kind}d}"
        return value
    if isinstance(kind, tuple) and isinstance(value, (int, float)):   # ("currency", sign)
        money = _Money(value)
        money.sign = kind[1]
        return money
    if kind == "percent" and isinstance(value, (int, float)):
        from decimal import Decimal, InvalidOperation

        try:   # through the decimal digits: 0.07 is 7, not 7.000000000000001
            return _Percent(Decimal(repr(value)) * 100)
        except (InvalidOperation, ValueError, OverflowError):
            return value
    if kind in ("month", "year") and hasattr(value, "year") and hasattr(value, "hour"):
        if value.day != 1 or (value.hour, value.minute, value.second, value.microsecond) != (0, 0, 0, 0):
            return value
        if kind == "year" and value.month == 1:
            return f"{value.year:04d}"
        if kind == "month":
            return f"{value.year:04d}-{value.month:02d}"
    return Day.of(value, kind)   # a day under a day's format: its ISO text, named as displayed (shown_days)


def _row_values(cells: tuple, kinds: dict) -> tuple:
    """A row's values, as read with values_only, each as its number format shows it (_shown); the
    format is looked up once per style (`kinds`, by style id), and only for numbers and dates."""
    out = []
    for cell in cells:
        value = getattr(cell, "value", None)
        if value is not None and not isinstance(value, (str, bool)) and getattr(cell, "_style_id", 0):
            style = cell._style_id
            kind = kinds.get(style, "?")
            if kind == "?":
                try:
                    kind = kinds[style] = _format_kind(cell.number_format)
                except (AttributeError, IndexError, KeyError, TypeError):
                    kind = kinds[style] = None
            value = _shown(value, kind)
        out.append(value)
    return tuple(out)


def _cell(value):
    """A cell as the reader keeps it until the sheet's decimal mark is known: text, or a number with a
    fraction or a percentage kept as a number (written with that mark once it is known, _typed_numbers)."""
    if isinstance(value, float) and (value.__class__ in (_Percent, _Money) or not (value.is_integer() and abs(value) < 1e15)):
        return value
    return _cell_text(value)


def _number_text(value: float, decimal: str) -> str:
    """A number kept by _cell as the sheet's text writes it: with its decimal mark, a percentage with
    its sign (`12,5%`, `7%`)."""
    if value.__class__ in (_Percent, _Money):
        text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(float(value))
        return text.replace(".", decimal) + ("%" if value.__class__ is _Percent else f" {value.sign}")
    return repr(value).replace(".", decimal)


def _text(cell) -> str:
    return _number_text(cell, ".") if isinstance(cell, float) else cell


def _blank(cell) -> bool:
    return isinstance(cell, str) and not cell.strip()


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


def _scan_worksheets(archive: zipfile.ZipFile, max_cells: int | None = None
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


def _worksheets_opened_unsized() -> None:
    """Make openpyxl's read-only worksheets without their size pass: opening a workbook, each worksheet's
    XML was parsed once to its end looking for a `<dimension>` element (ReadOnlyWorksheet._get_size; a
    sheet written without one, as openpyxl and other programs write them, is read whole): 7 s of 39 s for
    1 M cells. The reader never uses that size: it resets the dimensions (_read_worksheet)."""
    from openpyxl.reader import excel
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    if getattr(excel.ReadOnlyWorksheet, "_unsized", False):
        return

    class Unsized(ReadOnlyWorksheet):
        _unsized = True

        def _get_size(self) -> None:
            """No pass over the sheet: its dimensions stay unknown, as reset_dimensions leaves them."""

    excel.ReadOnlyWorksheet = Unsized


def read_xlsx(raw: bytes, name: str) -> ReadResult:
    import openpyxl

    _worksheets_opened_unsized()

    # What the workbook may hold follows from its own size (limits.budget): a small file never costs much.
    max_cells = limits.affordable("MAX_CELLS", len(raw), "xlsx_cell")
    max_chars = limits.affordable("MAX_WORKBOOK_CHARS", len(raw), "xlsx_char")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            # Parts that unpack to more than the workbook's size pays for (shared strings of gigabytes, a
            # sheet of 185 MB of rows in 0.7 MB) are refused unread, from the archive's directory.
            limits.check_zip(archive, len(raw))
            if any(_has_doctype(archive, info) for info in archive.infolist() if info.filename.endswith(".xml")):
                return ReadResult(problems=[Problem(name, None, None, None, "bad_xlsx", {"detail": "DOCTYPE"})])
            uncached, merged = _scan_worksheets(archive, max_cells)
            strings = _raw_strings(archive)
        # The values Excel computed and saved with each formula (rate = count / population): what the
        # planner sees. Nothing is evaluated here; a cached text starting with "=" stays text, refused
        # in a code column and guarded by every export (downloads.safe_frame) as any text cell is.
        # (The reader first read formulas as their text, data_only=False, which refused them all.)
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        # A formula with no saved value keeps its text ("=E2/4"), so that it is reported at its cell
        # rather than read as an empty cell: the formulas are read too, only for such a workbook.
        formulas = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=False) if uncached else None
        if strings is not None and book.worksheets:
            book.worksheets[0]._shared_strings[:] = strings   # the one list every sheet reads
    except limits.LimitExceeded:
        raise
    except Exception:  # noqa: BLE001 - any failure of the archive or its XML is the file's
        # Said without the failure's name (KeyError, BadZipFile): English words a planner can do nothing with.
        return ReadResult(problems=[Problem(name, None, None, None, "damaged_xlsx")])
    result = ReadResult()
    try:
        # Before any sheet is read: each costs ~0.05 s however small (3,000 of them took four minutes).
        limits.check("MAX_SHEETS", len(book.worksheets))
        chars = [0]   # characters of the text cells read, all sheets together (MAX_WORKBOOK_CHARS)
        # Worksheets only (a chart sheet holds no cells), and only those the user sees: a hidden sheet
        # (a calculation, an old copy) is never read. Among the visible ones, when some name a table's
        # columns, a sheet naming none (a readme, a chart's data: `Année | Lille | Roubaix`) is left
        # out; the template's notes sheet stays, for the check to say it skips it. The sheet used
        # is named in every report (Sheet.label: "file [sheet]").
        from .schema import TABLES

        read: list[tuple[Sheet, list[Problem], int]] = []
        aside: list[Problem] = []   # the sheets left out, each said in a notice
        for i, ws in enumerate(book.worksheets):
            if getattr(ws, "sheet_state", "visible") != "visible":
                aside.append(Problem(f"{name} [{ws.title}]", None, None, None, "sheet_left_aside",
                                     {"sheet": ws.title, "why": "hidden"}, severity="notice"))
                continue
            sheet, problems, strength = _read_worksheet(ws, name, formulas.worksheets[i] if formulas is not None else None,
                                                        chars, max_cells=max_cells, max_chars=max_chars)
            if sheet is not None:
                sheet.merged = _merged_cells(sheet, merged.get(str(getattr(ws, "_worksheet_path", "")).lstrip("/"), ()))
            if sheet is not None:
                if str(ws.title).strip().lower() in TABLES:   # a sheet named as a table is that table
                    strength = max(strength, 1)
                read.append((sheet, problems, strength))
        tables = any(strength for _, _, strength in read)
        for sheet, problems, strength in read:
            if tables and not strength and not is_notes_sheet(sheet.sheet, list(sheet.frame.columns)):
                aside.append(Problem(sheet.label, None, None, None, "sheet_left_aside",
                                     {"sheet": sheet.sheet, "why": "no_table"}, severity="notice"))
                continue
            result.problems.extend(problems)
            result.sheets.append(sheet)
        if result.sheets:   # beside the data read (a workbook of none says so by its own problem)
            result.problems.extend(aside)
    except limits.LimitExceeded:
        raise
    except Exception:  # noqa: BLE001
        return ReadResult(problems=[Problem(name, None, None, None, "damaged_xlsx")])
    finally:
        book.close()
        if formulas is not None:
            formulas.close()
    if not result.sheets and not result.problems:
        result.problems.append(Problem(name, None, None, None, "empty_file"))
    return result


# An OLE2 container's first bytes: an Excel 97-2003 workbook, a workbook saved with a password (Excel
# wraps the encrypted .xlsx in one), also a Word .doc. The stream names say which (UTF-16 in its directory).
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_XLS_STREAM = "Workbook".encode("utf-16-le")
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def other_format(raw: bytes, name: str) -> Problem | None:
    """A file in a format the import does not read, said as what it is and what to do (a file-level
    error): an Excel 97-2003 workbook (OLE2 holding a `Workbook` stream, or named .xls), a workbook
    protected by a password, an OpenDocument spreadsheet (.ods), or a ZIP archive of files (INSEE and
    Eurostat ship their tables so), named by its first members. None for anything else (a text file, a
    workbook: a ZIP with `xl/` parts, another Office document, a damaged archive), left to the readers."""
    if raw.startswith(OLE2_SIGNATURE):
        if _ENCRYPTED_STREAM in raw:
            return Problem(name, None, None, None, "encrypted_xlsx")
        if _XLS_STREAM in raw or name.lower().removesuffix(".gz").endswith((".xls", ".xlt")):
            return Problem(name, None, None, None, "xls_file")
        return None
    if not raw.startswith(ZIP_SIGNATURES):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = [n for n in archive.namelist() if not n.endswith("/")]
            if "mimetype" in names:
                with archive.open("mimetype") as part:
                    if part.read(len(_ODS_MIMETYPE)) == _ODS_MIMETYPE:
                        return Problem(name, None, None, None, "ods_file")
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError, RuntimeError):
        return None
    # An Office document (its `[Content_Types].xml`: a workbook, a .docx) or an empty archive: not said here.
    if not names or "[Content_Types].xml" in names or any(n.startswith("xl/") for n in names):
        return None
    shown = ", ".join(n[:80] for n in names[:5]) + (", …" if len(names) > 5 else "")
    return Problem(name, None, None, None, "zip_archive", {"files": shown})


def _raw_strings(archive: zipfile.ZipFile) -> list[str] | None:
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


def _has_doctype(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """A DOCTYPE in a workbook's XML (entity expansion, external entities): Excel never writes one."""
    with archive.open(info) as part:
        return b"<!DOCTYPE" in part.read(4096).upper()


def _with_formulas(values: tuple, formulas: tuple) -> tuple:
    """A row's cached values, with the formula's text where a formula has none."""
    if len(values) != len(formulas):
        import itertools

        pairs = itertools.zip_longest(values, formulas)
    else:
        pairs = zip(values, formulas)
    return tuple(f if v is None and f is not None else v for v, f in pairs)


def _read_worksheet(ws, name: str, formulas=None, chars_read: list[int] | None = None, *,
                    max_cells: int | None = None, max_chars: int | None = None
                    ) -> tuple[Sheet | None, list[Problem], int]:
    """One worksheet, row by row, trusting the cells present, not the sheet's declared dimension, and
    how well its header names a table (reading_header.header_strength: 2 a whole table, 1 part of one, 0 none).

    A stray cell at XFD1048576 would make openpyxl pad every row to 16,384 cells and yield a
    million rows: rows are kept only when they hold something, trailing empty cells are cut,
    and the cells kept are counted against the limit. The characters of its text cells are added to
    `chars_read` (the workbook's count, shared by its sheets) and counted against MAX_WORKBOOK_CHARS: a
    long shared string is one object here, but one copy per cell in the table made of the sheet.
    `max_cells` and `max_chars` replace MAX_CELLS and MAX_WORKBOOK_CHARS when given (what the workbook's
    size pays for, read_xlsx).
    """
    ws.reset_dimensions()   # read-only sheets otherwise pad rows to the declared (or stray) extent
    kinds: dict = {}
    # The cells, for their number formats: a percentage or a date reads as Excel shows it (_shown).
    found = (_row_values(cells, kinds) for cells in ws.iter_rows(values_only=False))
    if formulas is not None:   # the same sheet read for its formulas (_scan_worksheets): row by row alongside
        formulas.reset_dimensions()
        found = map(_with_formulas, found, formulas.iter_rows(values_only=True))
    known = known_headers()
    max_cells = limits.get("MAX_CELLS") if max_cells is None else max_cells
    max_cols = limits.get("MAX_COLUMNS")
    header: list[str] | None = None
    header_row = 0
    strength = 0
    body: list[list[str]] = []
    numbers: list[int] = []
    notes: list[tuple[int, list[str]]] = []   # non-empty rows before the header is known
    outside: list[tuple[int, int]] = []       # (row, column) of a cell right of the header's last name
    cells = 0
    window = limits.get("MAX_HEADER_ROW")
    chars_read = [0] if chars_read is None else chars_read
    max_chars = limits.get("MAX_WORKBOOK_CHARS") if max_chars is None else max_chars

    def add(index: int, row: list) -> None:
        beyond = next((i for i in range(len(header), len(row)) if not _blank(row[i])), None)
        if beyond is not None and len(outside) < 1000:
            outside.append((index, beyond))
        body.append(row[:len(header)] + [""] * (len(header) - len(row[:len(header)])))
        numbers.append(index)

    def settle() -> None:
        """The header among the rows read so far when none names a whole table: the row naming the most
        known columns (two at least), else the first naming one, else the first row (the check then
        names the table it lacks); the rows after it are records."""
        nonlocal header, header_row, strength
        scored = [(sum(1 for c in row if c and normalise_header(c) in known), k) for k, (_, row) in enumerate(notes)]
        most = max(scored)[0] if scored else 0
        if most >= 2:
            at = next(k for hits, k in scored if hits == most)
            strength = 1
        else:
            at = next((k for hits, k in scored if hits), 0)
        header_row, first = notes[at]
        header = [_text(c).strip() for c in first]
        for index, row in notes[at + 1:]:
            add(index, row)

    for index, values in enumerate(found, start=1):
        if not values or all(v is None or v == "" for v in values):
            continue
        chars_read[0] += sum(len(v) for v in values if isinstance(v, str))   # before any cell is copied
        if chars_read[0] > max_chars:
            raise limits.LimitExceeded("MAX_WORKBOOK_CHARS", chars_read[0], max_chars)
        row = [_cell(v) for v in values]
        while row and _blank(row[-1]):
            row.pop()
        if header is None:
            if len(row) > max_cols:
                raise limits.LimitExceeded("MAX_COLUMNS", len(row), max_cols)
            # The header is the first row naming every required column of a table: titles and
            # metadata rows above it (`Source | INSEE`) are skipped, within MAX_HEADER_ROW rows.
            # A template's notes sheet names columns in its rows: its own header is taken as it is.
            if header_strength([_text(c) for c in row], known) == 2 or is_notes_sheet(ws.title, row):
                header, header_row, strength = [_text(c).strip() for c in row], index, 2
                continue
            notes.append((index, row))
            cells += len(row)
            if cells > max_cells:
                raise limits.LimitExceeded("MAX_CELLS", cells, max_cells)
            if index >= window:
                settle()
            continue
        cells += min(len(row), len(header))
        if cells > max_cells:
            raise limits.LimitExceeded("MAX_CELLS", cells, max_cells)
        add(index, row)
    if header is None:
        if not notes:
            return None, [], 0
        settle()
    while header and not header[-1]:
        header.pop()
    width = len(header)
    for index, row in zip(numbers, body):   # cells under the trailing empty header cells are outside too
        beyond = next((i for i in range(width, len(row)) if not _blank(row[i])), None)
        if beyond is not None and len(outside) < 1000:
            outside.append((index, beyond))
    body = [r[:width] for r in body]
    frame = pd.DataFrame(body, columns=header, dtype=object) if body else pd.DataFrame(
        {h: pd.Series([], dtype="str") for h in header})
    frame.columns, repeated = unique_header(header)
    positions, empty = tuple(range(1, width + 1)), frozenset(k + 1 for k, c in enumerate(header) if not c)
    rows = np.asarray(numbers, dtype=np.int64)
    label = f"{name} [{ws.title}]"   # Sheet.label
    frame, rows, again = header_repeats(frame, rows, header, label)
    frame, decimal, detected = _typed_numbers(periods_as_shown(frame, kinds.values()))   # `31/12/2020`, as shown
    frame, rows, positions = drop_blank(frame, rows, positions, empty)
    sheet = Sheet(name, frame, rows, sheet=ws.title, encoding=None, separator=None,
                  decimal=decimal, decimal_detected=detected, header_row=header_row, repeated=repeated,
                  positions=positions, empty_headers=empty)
    return sheet, again + _outside_problems(sheet.label, sorted(set(outside))) + thousands_notices(sheet), strength


def _merged_cells(sheet: Sheet, ranges) -> dict[tuple[int, int], tuple[str, str]]:
    """The table's cells that a merged range covers other than its first (they read as empty: Excel keeps
    the value in the first cell only), as (row, column position) -> (the range, its first cell), for a
    problem at such a cell to say it (validation._merged_said). Never filled down: the user says. At most
    100,000 cells, within the table's rows and columns."""
    if not len(ranges) or not len(sheet.rows):
        return {}
    out: dict[tuple[int, int], tuple[str, str]] = {}
    for c1, r1, c2, r2 in ranges:
        # Only the table's rows and columns are walked: a range to XFD1048576 costs no more than the table.
        columns = [c for c in sheet.positions if c1 <= c <= c2]
        rows = sheet.rows[np.searchsorted(sheet.rows, r1):np.searchsorted(sheet.rows, r2, side="right")]
        shown = (f"{column_letter(c1)}{r1}:{column_letter(c2)}{r2}", f"{column_letter(c1)}{r1}")
        for r in rows.tolist() if columns else ():
            for c in columns:
                if (r, c) != (r1, c1):
                    out[(r, c)] = shown
                    if len(out) >= 100_000:
                        return out
    return out


def _typed_numbers(frame: pd.DataFrame) -> tuple[pd.DataFrame, str, bool]:
    """The sheet as text, its decimal mark and whether its cells showed it.

    Numbers typed as text (pasted from a PDF or a web page: `0,125`, `1.234,5`) are read as a CSV's
    cells are: the mark is found from the text cells of the number columns (detect_decimal).
    Numbers typed as numbers have no mark of their own: they are written with the one found, so that
    both read the same (2.375 typed as a number is 2,375 in a sheet whose text says `12,5`)."""
    def is_number(v) -> bool:
        return v.__class__ in (float, _Percent, _Money)

    typed = {c: frame[c].map(is_number).to_numpy(dtype=bool) for c in frame.columns} if len(frame) else {}
    head = frame.head(5000)
    text_only = pd.DataFrame({c: head[c].where(~typed[c][:len(head)], "") for c in frame.columns}) if typed else head
    decimal, detected = detect_decimal(text_only.astype("str"), None)
    for c, mask in typed.items():
        if mask.any():
            frame[c] = frame[c].map(lambda v: _number_text(v, decimal) if is_number(v) else v)
    return frame.astype("str"), decimal, detected


def _outside_problems(label: str, outside: list[tuple[int, int]]) -> list[Problem]:
    """A notice naming the cells right of the table (a total, a comment): they are not read."""
    if not outside:
        return []
    shown = ", ".join(f"{column_letter(col + 1)}{row}" for row, col in outside[:10]) + (", …" if len(outside) > 10 else "")
    return [Problem(label, outside[0][0], None, None, "cells_outside_table", {"cells": shown}, severity="notice")]
