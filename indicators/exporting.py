"""Writing stored tables in the import format, so that export then import is a round trip.

CSV files are UTF-8 with `,` and `.`; an XLSX workbook has one sheet per table,
named as the table. Text is always written as text, guarded the same way in both
(downloads.safe_frame): a cell holding `=SUM(A1)`, `'x` or `<b>` comes back exactly
as it was stored, and no spreadsheet runs it as a formula.
"""
from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy.engine import Engine

from .downloads import exact_numbers, keep_carriage_returns, neutralise, safe_frame, workbook_frame, xml_safe
from .schema import TABLES
from .store import earlier_versions, read_table


def export_frames(engine: Engine, table: str | None = None) -> dict[str, pd.DataFrame]:
    """Each table as stored; a table with versions (targets) also with its earlier versions, so that a
    restore into an empty store keeps the revisions it records (DESIGN.md: never overwritten)."""
    names = [table] if table else list(TABLES)
    return {name: with_earlier_versions(engine, name, read_table(engine, name)) if TABLES[name].version
            else read_table(engine, name) for name in names}


def with_earlier_versions(engine: Engine, name: str, current: pd.DataFrame) -> pd.DataFrame:
    """`current` with every earlier version, each key's versions together, oldest first and the one in
    force last, in the order the import reads them back (revisions.in_order: by decision date, an
    undated version after the decisions listed above it). So an undated revision in force comes back
    in force with the dated decisions it replaced before it.

    A file holds one version of a target per decision date (two rows with the same date, or two
    undated ones, are refused as a conflict), so an earlier version sharing its date with a later one
    (a same-day correction, an undated version revised again without a date) is left out, the later
    one kept: the database file keeps it. So is, in a store written before versions were ordered this
    way, an earlier decision dated after the one in force, which the import would put back in force."""
    table = TABLES[name]
    key, dates = list(table.key), list(table.version)
    earlier = earlier_versions(engine, name).drop(columns="replaced_at")   # oldest first (in_order)
    if earlier.empty:
        return current
    now = current[key].assign(_now=_stamps(current, dates))
    earlier = (earlier.assign(_stamp=_stamps(earlier, dates), _position=np.arange(len(earlier)))
               .merge(now, on=key, how="inner").sort_values("_position", kind="stable"))
    mine, then = earlier["_stamp"].to_numpy(dtype=object), earlier["_now"].to_numpy(dtype=object)
    # before the version in force: when it is dated, an earlier decision or an undated version; when it
    # is undated (after every decision), each dated version
    earlier = earlier[np.where(then != "", mine < then, mine != "").astype(bool)]
    earlier = earlier[~earlier.duplicated(subset=key + ["_stamp"], keep="last")]   # the latest of each date
    earlier = earlier[list(current.columns)]
    both = pd.concat([earlier.assign(_last=0), current.assign(_last=1)], ignore_index=True)
    both = both.assign(_position=np.arange(len(both)))
    # each key in the order of `current` (the store's: the order the rows were first imported, which names
    # an indicator's headline territory), so that export then import keeps it
    place = pd.MultiIndex.from_frame(current[key].astype(str)).get_indexer(
        pd.MultiIndex.from_frame(both[key].astype(str)))
    both = both.assign(_place=place)
    return (both.sort_values(["_place", "_last", "_position"], kind="stable")
            .drop(columns=["_place", "_last", "_position"])
            .reset_index(drop=True).astype(current.dtypes.to_dict()))


def _stamps(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
    """Each row's version columns as one comparable text ("" when undated)."""
    text = frame[columns].astype(object).where(frame[columns].notna(), "").astype(str)
    return text.agg("\x1f".join, axis=1).to_numpy(dtype=object) if len(frame) else np.array([], dtype=object)


def to_csv_bytes(frame: pd.DataFrame, sep: str = ",", decimal: str = ".", encoding: str = "utf-8") -> bytes:
    """CSV in the import format. Every text cell that a spreadsheet would run as a formula gets a
    leading `'` (downloads.safe_frame), which the reader removes again: a CSV export opened in Excel
    runs nothing, and export then import still gives the text back."""
    safe = numbers_as_text(safe_frame(frame, reversible=True), decimal)
    text = safe.to_csv(index=False, sep=sep, decimal=decimal, lineterminator="\n")
    if "\r" in text:
        # Python's csv quotes a field holding a line end only if that character ends its lines: with `\n`,
        # `a\rb` was written bare and read back as two rows. Such a file ends its lines with `\r\n`.
        text = safe.to_csv(index=False, sep=sep, decimal=decimal, lineterminator="\r\n")
    return text.encode(encoding)


def numbers_as_text(frame: pd.DataFrame, decimal: str = ".") -> pd.DataFrame:
    """`frame` with its decimal numbers written as a source writes them: a whole number without a decimal
    part (`77109`, never `77109.0`, as the Explorer's CSV download and the XLSX export write it: a French
    Excel read `77109.0` as text), any other in the fewest digits that read back as exactly the stored
    number (`14350.27`, Python's repr), so that export then import stays a round trip. Whole numbers are
    written so below 1e16 (beyond, `1e+16`); empty cells stay empty. Integer and text columns are left
    as they are; a float in a column of mixed cells (a template's example row) is written the same way."""
    out = frame.copy()
    for col in range(out.shape[1]):
        series = out.iloc[:, col]
        if pd.api.types.is_bool_dtype(series):
            continue
        if pd.api.types.is_float_dtype(series):
            out[out.columns[col]] = _float_texts(series.astype("float64"), decimal) if len(series) else series
        elif series.dtype == object and len(series):
            floats = series.map(lambda v: isinstance(v, (float, np.floating)) and not isinstance(v, bool))
            if floats.any():
                texts = _float_texts(series[floats].astype("float64"), decimal)
                out[out.columns[col]] = series.where(~floats, texts)
    return out


def _float_texts(values: pd.Series, decimal: str) -> pd.Series:
    """Each finite number as text (`numbers_as_text`), None where there is none (written as an empty cell)."""
    v = values.to_numpy(dtype="float64")
    finite = np.isfinite(v)
    whole = finite & (np.abs(np.where(finite, v, 0)) < 1e16) & (np.where(finite, v, 0) % 1 == 0)
    texts = np.full(len(v), None, dtype=object)
    texts[whole] = v[whole].astype("int64").astype(str)
    rest = finite & ~whole
    if rest.any():
        texts[rest] = [repr(float(x)) for x in v[rest]]
    if decimal != ".":
        texts[rest] = [x.replace(".", decimal) for x in texts[rest]]
    return pd.Series(texts, index=values.index, dtype=object)


def to_xlsx_bytes(frames: dict[str, pd.DataFrame], notes: dict[str, list[tuple[str, str]]] | None = None) -> bytes:
    """A workbook with one sheet per frame; strings are text cells, guarded as a CSV's are
    (downloads.workbook_frame): the reader removes the guard's `'` from a workbook's cells as from a
    CSV's, so a text cell written unguarded lost its own leading `'` on the way back (`'=1+1` came back
    `=1+1`), and, edited in Excel (F2, Enter), ran as a formula."""
    from openpyxl import Workbook

    book = Workbook(write_only=False)
    book.remove(book.active)
    for name, frame in frames.items():
        frame = workbook_frame(frame)
        ws = book.create_sheet(title=name[:31])
        ws.append(list(frame.columns))
        for record in frame.itertuples(index=False):
            ws.append([None if _missing(v) else (v.item() if hasattr(v, "item") else v) for v in record])
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # never a formula, whatever the text starts with
        exact_numbers(ws)
    for name, lines in (notes or {}).items():
        ws = book.create_sheet(title=name[:31])
        for line in lines:
            ws.append([xml_safe(neutralise(v)) for v in line])   # explanations, never imported: guarded only
            for cell in ws[ws.max_row]:
                cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return keep_carriage_returns(buffer.getvalue())


def _missing(value) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


class ExportTargetError(ValueError):
    """OUT names nothing an export can write (an unknown extension, a folder that does not exist):
    `key` and `params` say it with the interface texts; nothing was written."""

    def __init__(self, key: str, **params):
        super().__init__(f"{key}: {params}")
        self.key, self.params = key, params


def check_target(out: str | Path) -> None:
    """Raise ExportTargetError unless OUT can be written: a .xlsx or .csv file in a folder that exists, or
    a folder (an existing one, or a new one named without an extension in a folder that exists). A name
    such as `out.tsv` or `out.csv.gz` once became a folder of CSV files; a missing folder an error with a
    traceback's words."""
    out = Path(out)
    if out.is_dir():
        return
    if out.suffix.lower() not in ("", ".csv", ".xlsx"):
        raise ExportTargetError("cli_export_ext", file=str(out))
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise ExportTargetError("cli_export_no_folder", file=str(out), folder=str(parent))


def export(engine: Engine, out: str | Path, table: str | None = None) -> list[Path]:
    """Write OUT (.xlsx: every table; .csv: one table, or one file per table beside OUT; a folder: one
    file per table in it). ExportTargetError, before anything is read or written, for another OUT."""
    check_target(out)
    out = Path(out)
    frames = export_frames(engine, table)
    if out.suffix.lower() == ".xlsx":
        out.write_bytes(to_xlsx_bytes(frames))
        return [out]
    if table or out.suffix.lower() != ".csv":
        if out.suffix.lower() != ".csv":
            out.mkdir(exist_ok=True)   # its parent exists (check_target)
            written = []
            for name, frame in frames.items():
                path = out / f"{name}.csv"
                path.write_bytes(to_csv_bytes(frame))
                written.append(path)
            return written
        out.write_bytes(to_csv_bytes(frames[table]))
        return [out]
    written = []
    for name, frame in frames.items():
        path = out.with_name(f"{out.stem}-{name}.csv")
        path.write_bytes(to_csv_bytes(frame))
        written.append(path)
    return written
