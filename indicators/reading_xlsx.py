"""Reading the XLSX workbooks planners bring: the first worksheet with a table, every cell as text.

A workbook is read with the values Excel saved (a formula's last result), in read-only mode, row by
row, under the limits of indicators/limits.py; a formula Excel never computed keeps its text and is
refused by the validator. Numbers typed as text go through the same decimal detection as a CSV's
(indicators/reading.py). A cell's value as Excel shows it: indicators/reading_xlsx_cells.py; the
workbook's XML parts read as bytes before openpyxl parses them: indicators/reading_xlsx_parts.py."""
from __future__ import annotations

import io
import re
import zipfile

import numpy as np
import pandas as pd

from . import limits
from .problems import Problem
from .reading import ReadResult, Sheet, thousands_notices
from .reading_header import column_letter, drop_blank, header_repeats, header_strength, known_headers, unique_header
from .reading_xlsx_cells import is_blank, kept_cell, kept_text, row_values, typed_numbers
from .reading_xlsx_parts import has_doctype, raw_strings, scan_worksheets
from .schema import normalise_header
from .shown_days import periods_as_shown
from .templates import is_notes_sheet


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


_SHEET_ELEMENT = re.compile(rb"<(?:\w+:)?sheet\s")


def _declared_sheets(archive: zipfile.ZipFile) -> int:
    """How many sheets the workbook's own list names (xl/workbook.xml; its size is checked with the archive's)."""
    try:
        return len(_SHEET_ELEMENT.findall(archive.read("xl/workbook.xml")))
    except KeyError:   # no list at all: openpyxl says the workbook is damaged
        return 0


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
            if any(has_doctype(archive, info) for info in archive.infolist() if info.filename.endswith(".xml")):
                return ReadResult(problems=[Problem(name, None, None, None, "bad_xlsx", {"detail": "DOCTYPE"})])
            uncached, merged = scan_worksheets(archive, max_cells)
            declared = _declared_sheets(archive)
            strings = raw_strings(archive)
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
    if declared > len(book.worksheets) + len(getattr(book, "chartsheets", ())):
        # a sheet the workbook names whose part is missing or elsewhere: openpyxl leaves it out unsaid,
        # and the workbook read as "empty" sent the user looking for data that Excel shows
        book.close()
        if formulas is not None:
            formulas.close()
        return ReadResult(problems=[Problem(name, None, None, None, "damaged_xlsx")])
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
    # The cells, for their number formats: a percentage or a date reads as Excel shows it (reading_xlsx_cells).
    found = (row_values(cells, kinds) for cells in ws.iter_rows(values_only=False))
    if formulas is not None:   # the same sheet read for its formulas (scan_worksheets): row by row alongside
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
        beyond = next((i for i in range(len(header), len(row)) if not is_blank(row[i])), None)
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
        header = [kept_text(c).strip() for c in first]
        for index, row in notes[at + 1:]:
            add(index, row)

    for index, values in enumerate(found, start=1):
        if not values or all(v is None or v == "" for v in values):
            continue
        chars_read[0] += sum(len(v) for v in values if isinstance(v, str))   # before any cell is copied
        if chars_read[0] > max_chars:
            raise limits.LimitExceeded("MAX_WORKBOOK_CHARS", chars_read[0], max_chars)
        row = [kept_cell(v) for v in values]
        while row and is_blank(row[-1]):
            row.pop()
        if header is None:
            if len(row) > max_cols:
                raise limits.LimitExceeded("MAX_COLUMNS", len(row), max_cols)
            # The header is the first row naming every required column of a table: titles and
            # metadata rows above it (`Source | INSEE`) are skipped, within MAX_HEADER_ROW rows.
            # A template's notes sheet names columns in its rows: its own header is taken as it is.
            if header_strength([kept_text(c) for c in row], known) == 2 or is_notes_sheet(ws.title, row):
                header, header_row, strength = [kept_text(c).strip() for c in row], index, 2
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
        beyond = next((i for i in range(width, len(row)) if not is_blank(row[i])), None)
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
    frame, decimal, detected = typed_numbers(periods_as_shown(frame, kinds.values()))   # `31/12/2020`, as shown
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


def _outside_problems(label: str, outside: list[tuple[int, int]]) -> list[Problem]:
    """A notice naming the cells right of the table (a total, a comment): they are not read."""
    if not outside:
        return []
    shown = ", ".join(f"{column_letter(col + 1)}{row}" for row, col in outside[:10]) + (", …" if len(outside) > 10 else "")
    return [Problem(label, outside[0][0], None, None, "cells_outside_table", {"cells": shown}, severity="notice")]
