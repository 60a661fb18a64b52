"""A mapped file's cells read as a direct import reads them (validation._parse_sheet), with the same helpers
of `parsing` and the same notices: numbers (`12,5 p`, `:`, `−5`, `12 %`, `1 234,5`, `236?710` in a
Windows-1252 file), periods (`2024Q1`, Excel's `mars-24`, a day `31/12/2020` said with its year and month,
a year outside the plausible range) and NUL characters. What differs is only where a problem points: the
row and column of the foreign file, as the user sees them there."""
from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pandas as pd

from .. import limits
from ..parsing import (lost_groups, month_cell, month_cells, parse_numbers, parse_period, parse_periods, single_byte,
                       unit_sign, wrong_signs)
from ..problems import Problem, capped, read_notice
from ..reading import Sheet
from ..schema import OBSERVATIONS
from ..spreadsheet_errors import column_errors


def nul_cells(texts) -> np.ndarray:
    """A mask of the cells holding a NUL character, which no database accepts (`nul_byte`, as the direct
    import says it: the cell shown with `\\0`, never the character itself)."""
    return pd.Series(texts, dtype=object).astype(str).str.contains("\x00", regex=False).to_numpy(dtype=bool)


def nul_shown(text: str) -> str:
    return str(text).replace("\x00", "\\0")


def nul_refused(label: str, column: str, written: np.ndarray, used: np.ndarray, rows: np.ndarray
                ) -> tuple[np.ndarray, list[Problem]]:
    """The positions among `used` whose cell of `column` (`written`: its cells, by frame position) holds a
    NUL, and their `nul_byte` problems at the file's row and column."""
    at = used[nul_cells(written[used])]
    return at, capped(label, column, "nul_byte", rows[at], lambda j: Problem(
        label, int(rows[at[j]]), column, nul_shown(written[at[j]]), "nul_byte"))


def formula_errors(sheet: Sheet, canonical: str, where: str, written, used: np.ndarray
                   ) -> tuple[np.ndarray, list[Problem]]:
    """The positions among `used` whose cell of the file's column `where` (`written`: its cells, by frame
    position) is a spreadsheet's error refused there (`#N/A` as a territory, a period, a flag), and the
    problems and notices of its error cells at those positions, as the direct import says them for the
    observations' column `canonical` (spreadsheet_errors.column_errors: an `#N/A` value is no value, said)."""
    if not getattr(sheet, "error_cells", True) or not len(used):
        return used[:0], []
    written = np.asarray(written, dtype=object)
    cells = np.full(len(written), "", dtype=object)
    cells[used] = written[used]
    column = next(c for c in OBSERVATIONS.columns if c.name == canonical)
    after, problems = column_errors(sheet, column, where, pd.Series(cells, dtype=object).astype(str),
                                    canonical == "value")
    return used[after.to_numpy(dtype=object)[used] != cells[used].astype(str)], problems


def no_value_notice(label: str, cells: pd.DataFrame, empty: np.ndarray, rows: np.ndarray, columns: int) -> Problem:
    """The notice of the value cells without a value (empty, `:`, `NA`): with one column of values, its
    rows, as the direct import says them (`no_value_rows`, at its column); with several (Eurostat's years,
    CNAF's variables) its cells, which are not rows, with how many rows hold them (`no_value_cells`)."""
    at_rows = np.unique(rows[cells["pos"].to_numpy(dtype=np.int64)[empty]])
    shown = ", ".join(str(int(r)) for r in at_rows[:10]) + (" …" if len(at_rows) > 10 else "")
    named = pd.unique(cells["column"].to_numpy(dtype=object)[empty])   # the direct import names its column
    column = named[0] if len(named) == 1 else None
    if columns <= 1:
        return Problem(label, None, column, None, "no_value_rows", {"count": int(empty.sum()), "rows": shown},
                       severity="notice")
    return Problem(label, None, column, None, "no_value_cells",
                   {"count": int(empty.sum()), "listed": int(len(at_rows)), "rows": shown}, severity="notice")


# ---------------------------------------------------------------- numbers

def read_numbers(cells: pd.DataFrame, sheet: Sheet, decimal: str, units: dict | None) -> tuple:
    """(values, flags, problem codes, the texts read, notices) of the value cells (`cells`: "pos", the frame
    position of each cell's row, "column" and "text" as written, "indicator_id"); the notices say the cells
    read otherwise than written, one per column (`lost_thousands_read`: `236?710` in a single-byte file).

    As validation._parse_sheet reads a value column: a NUL refused (`nul_byte`), a lost thousands space read
    in its strict shape only (parsing.lost_groups), then parse_numbers with the unit signs judged against
    the indicator's unit (`unit_signs`)."""
    text = cells["text"]
    notices: list[Problem] = []
    if getattr(sheet, "error_cells", True) and text.str.contains("#", regex=False).any():
        # `#N/A` (no value, counted with the empty cells) said by a notice per column, as directly
        pos, column = cells["pos"].to_numpy(dtype=np.int64), cells["column"].to_numpy(dtype=object)
        for name in pd.unique(column):
            mine = column == name
            written = np.full(len(sheet.rows), "", dtype=object)
            written[pos[mine]] = text.to_numpy(dtype=object)[mine]
            notices.extend(formula_errors(sheet, "value", name, written, pos[mine])[1])
    nul = nul_cells(text.to_numpy(dtype=object))
    read = text.where(~nul, "") if nul.any() else text
    repaired, lost = lost_groups(read)
    if lost.any() and single_byte(sheet.encoding, sheet.frame):   # `236?710`: Windows-1252 lost a thousands space
        read = repaired
    else:
        lost = np.zeros(len(text), dtype=bool)
    values, flags, codes = parse_numbers(read, decimal, units=True)
    codes = unit_signs(cells, codes, units)
    if nul.any():
        codes = codes.where(~nul, "nul_byte")
    if lost.any():
        notices = _lost_notices(cells, lost, values, replace(sheet, decimal=decimal))
    return values, flags, codes, read, notices


def _lost_notices(cells: pd.DataFrame, lost: np.ndarray, values: np.ndarray, sheet: Sheet) -> list[Problem]:
    """One `lost_thousands_read` notice per column, as the direct import gives one for its value column."""
    out: list[Problem] = []
    pos, column = cells["pos"].to_numpy(dtype=np.int64), cells["column"].to_numpy(dtype=object)
    text = cells["text"].to_numpy(dtype=object)
    for name in pd.unique(column[lost]):   # (a part of a split column too: its cells as the mapping read them)
        at = np.flatnonzero(lost & (column == name))
        mask = np.zeros(len(sheet.rows), dtype=bool)
        mask[pos[at]] = True
        written = np.full(len(sheet.rows), "", dtype=object)
        written[pos[at]] = text[at]
        value_at = dict(zip(pos[at].tolist(), values[at].tolist()))
        out.extend(read_notice(sheet, name, "lost_thousands_read", mask, pd.Series(written),
                               lambda p, value_at=value_at: value_at[p]))
    return out


def unit_signs(cells: pd.DataFrame, codes: pd.Series, units: dict | None) -> pd.Series:
    """The cells' problem codes, numbers written with a unit sign (`12,5 %`, `1 234 €`: "unit_sign" from
    parse_numbers) judged as the plain import judges them (parsing.wrong_signs, which
    validation._unit_signs calls too): read where the sign is the unit of the cell's indicator,
    "unit_mismatch" where that unit is another. Without the store's units (`known`), or for an indicator
    with no unit, the cell goes on as written: the validator judges it at import, as for a plain file."""
    signed = (codes == "unit_sign").to_numpy()
    if not signed.any():
        return codes
    out = codes.to_numpy(dtype=object, copy=True)
    out[signed] = None
    if units:
        texts = np.where(signed, cells["text"].to_numpy(dtype=object), None)
        out[wrong_signs(texts, cells["indicator_id"].to_numpy(dtype=object), units)] = "unit_mismatch"
    return pd.Series(out, index=codes.index)


def cell_said(code: str, text: str, indicator: str, units: dict | None) -> tuple[dict, tuple | None]:
    """(params, suggestion) of a value cell's problem, as the plain import says it."""
    if code == "unit_mismatch":   # naming the sign and the indicator's unit (validation._unit_signs)
        unit = units[indicator]
        return {"sign": unit_sign(text), "indicator": indicator, "unit": unit}, ("write_in_unit", {"unit": unit})
    return {}, (("write_number", {}) if code == "not_a_number" else None)


# ---------------------------------------------------------------- periods

_ISO_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2})?(?:[ T].*)?$")     # 2019-09-30, 2019/09
_DMY_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T].*)?$")      # 30/09/2019


def date_period(text: str, kind: str | None) -> str | None:
    """A period from a cell: as written (2020, 2020-Q1, 2020-03, Excel's month `mars-24`), or from a date
    when `kind` ("year", "quarter", "month") is given."""
    t = str(text).strip()
    if not t:
        return None
    if kind is None:
        return parse_period(t) or month_cell(t)
    iso = _ISO_DATE.match(t)
    dmy = _DMY_DATE.match(t)
    if iso:
        year, month = int(iso.group(1)), int(iso.group(2))
    elif dmy:
        year, month = int(dmy.group(3)), int(dmy.group(2))
    else:
        period = parse_period(t) or month_cell(t)
        if period is None:
            return None
        year = int(period[:4])
        if len(period) == 4:
            return period if kind == "year" else None
        if "Q" in period:
            if kind == "month":
                return None
            month = int(period[-1]) * 3
        else:
            month = int(period[5:7])
    if not 1 <= month <= 12:
        return None
    if kind == "year":
        return f"{year:04d}"
    if kind == "quarter":
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    return f"{year:04d}-{month:02d}"


def read_periods(texts: np.ndarray, kind: str | None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(periods, None where none; a mask of unreadable cells; a mask of periods whose year lies outside
    limits.MIN_YEAR..MAX_YEAR; a mask of Excel's months, `mars-24`) of a period column's cells as written.

    Read as written, with the direct import's own parsing.parse_periods and month_cells; read as the
    year, quarter or month of dates (`kind`), each distinct cell once (`date_period`)."""
    cells = pd.Series(texts, dtype=object)
    months = month_cells(cells) if len(cells) else np.zeros(0, dtype=bool)
    if kind is None:
        periods, bad, outside = parse_periods(cells)
        return (periods.to_numpy(dtype=object), bad.to_numpy(dtype=bool), outside.to_numpy(dtype=bool),
                np.asarray(months, dtype=bool))
    parsed_of = {text: date_period(text, kind) for text in pd.unique(cells)}
    periods = np.array([parsed_of[text] for text in texts], dtype=object)
    bad = (cells != "").to_numpy(dtype=bool) & pd.isna(periods)
    years = np.array([int(p[:4]) if p else 0 for p in periods], dtype=np.int64)
    outside = ~pd.isna(periods) & ((years < limits.get("MIN_YEAR")) | (years > limits.get("MAX_YEAR")))
    periods = np.where(outside, None, periods)
    return periods, bad, outside, np.asarray(months, dtype=bool)


def period_problems(sheet: Sheet, column: str, cells: pd.Series, used: np.ndarray, kind: str | None
                    ) -> tuple[np.ndarray, np.ndarray, list[Problem]]:
    """The period of each row at the positions `used` (None where it has none), a mask of those rows that
    are refused, and their problems, at the file's row and column, as the direct import says them: an empty
    cell (`required`), a NUL, no period (`bad_period`, a day named with its year and month), a year outside
    the plausible range (`period_out_of_range`), and a notice for Excel's months (`months_read`)."""
    label, rows = sheet.label, np.asarray(sheet.rows)
    written = cells.astype(str).str.strip().to_numpy(dtype=object)
    texts = written[used]
    nul = nul_cells(texts)
    broken_at, problems = formula_errors(sheet, "period", column, written, used)   # `#N/A`: a formula's error
    broken = np.isin(used, broken_at)
    periods, bad, outside, months = read_periods(np.where(nul | broken, "", texts), kind)
    refused = broken.copy()
    limits_said = {"minimum": limits.get("MIN_YEAR"), "maximum": limits.get("MAX_YEAR")}
    for code, mask, params, suggestion in (
            ("required", (texts == "") & ~nul & ~broken, None, None),
            ("nul_byte", nul, None, None),
            ("bad_period", bad & ~nul, None, ("write_period", {})),
            ("period_out_of_range", outside, limits_said, None)):
        at = used[mask]
        problems.extend(capped(label, column, code, rows[at], lambda j, at=at, code=code, params=params,
                               suggestion=suggestion: Problem(
            label, int(rows[at[j]]), column, nul_shown(written[at[j]]), code, dict(params or {}), suggestion)))
        refused |= mask
    said = months & ~refused
    if said.any():   # `mars-24`: Excel's month, read and said, as the direct import says it
        mask = np.zeros(len(rows), dtype=bool)
        mask[used[said]] = True
        period_at = dict(zip(used.tolist(), periods.tolist()))
        problems.extend(read_notice(sheet, column, "months_read", mask, cells,
                                    lambda p: period_at[p] if kind is None else date_period(written[p], None)))
    return periods, refused, problems
