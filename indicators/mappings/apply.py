"""Applying a mapping to a foreign file (`apply_mapping`): every cell checked where its original
column is still known, and reported at the file, row and column as written in the foreign file."""
from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from ..parsing import normal_flag, parse_period
from ..problems import cap, capped, Problem
from ..reading import ReadResult, Sheet, read_file
from ..reading_decimal import detect_decimal
from ..reading_header import drop_blank, sep_directive, sniff, unique_header
from ..reading_text import decode, has_invisible, trim_invisible
from ..schema import FLAGS, OBSERVATIONS, is_flag, match_columns, normalise_header
from ..cross_checks import nearest_code
from ..units import is_percent

from .cells import cell_said, formula_errors, no_value_notice, nul_refused, nul_shown, period_problems, read_numbers
from .layouts import UNIT_HEADERS
from .spec import (
    MappedSource, MappingError, _fullmatch, validate_spec)

# ---------------------------------------------------------------- applying a mapping

def _load(source, name: str | None, sha256: str | None):
    """(ReadResult, file name, sha256, raw bytes or None) for any kind of input."""
    if isinstance(source, MappedSource):
        source = source.result
    if isinstance(source, ReadResult):
        sheet = source.sheets[0] if source.sheets else None
        label = name or (sheet.file if sheet else (source.problems[0].file if source.problems else "upload"))
        return source, label, sha256 or "", None
    if isinstance(source, Sheet):
        return ReadResult(sheets=[source]), name or source.file, sha256 or "", None
    if isinstance(source, tuple):
        file_name, raw = source
        raw = bytes(raw)
        return read_file(raw, name or file_name), name or file_name, sha256 or hashlib.sha256(raw).hexdigest(), raw
    if isinstance(source, (bytes, bytearray)):
        raw = bytes(source)
        return read_file(raw, name or "upload"), name or "upload", sha256 or hashlib.sha256(raw).hexdigest(), raw
    path = Path(source)
    file_name = name or path.name
    try:
        raw = path.read_bytes()
    except OSError:
        return read_file(path, file_name), file_name, sha256 or "", None
    return read_file(raw, file_name), file_name, sha256 or hashlib.sha256(raw).hexdigest(), raw


def _reread_csv(sheet: Sheet, raw: bytes, header_row: int) -> tuple[Sheet, list[Problem]]:
    """The CSV read again with its header on `header_row` (as a spreadsheet numbers lines), its columns
    named as the plain reader names them (reading_header.unique_header), and the invisible characters of
    its cells trimmed as the reader trims them, with its notices (`invisible_inside`) at these columns."""
    decoded = decode(raw)
    if decoded is None:
        raise ValueError("not a text file")
    text, directive = sep_directive(decoded[0].lstrip("\ufeff"))   # rows as Excel numbers them
    sep = directive or sheet.separator or sniff(text)[0]
    skip = header_row - 1
    # Read without a header: its cells as written, the first record (pandas would name an empty one
    # `Unnamed: 4`, as it names a header that says `Unnamed: 4`, and rename a repeated one `Voix.1`).
    frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, na_filter=False,
                        skiprows=skip, skip_blank_lines=False, quotechar='"', engine="c", header=None)
    if not len(frame):
        raise ValueError(f"row {header_row} is past the end of the file")
    cells = [str(c).strip() for c in frame.iloc[0]]
    frame = frame.iloc[1:].reset_index(drop=True)
    frame.columns, repeated = unique_header(cells)
    positions, empty = tuple(range(1, len(cells) + 1)), frozenset(k + 1 for k, c in enumerate(cells) if not c)
    rows = np.arange(len(frame), dtype=np.int64) + skip + 2
    frame, rows, positions = drop_blank(frame, rows, positions, empty)
    decimal, detected = detect_decimal(frame, sep)
    out = Sheet(sheet.file, frame, rows, sheet=sheet.sheet, encoding=sheet.encoding, separator=sep,
                decimal=decimal, decimal_detected=detected, header_row=header_row, repeated=repeated,
                positions=positions, empty_headers=empty)
    notices: list[Problem] = []
    if has_invisible(text, text.encode("utf-8")):   # as the reader trims a CSV (reading_text.trim_invisible)
        out.frame, notices = trim_invisible(out.frame, out.rows, out.label, out.unnamed_letters())
    return out, notices


def _promote(sheet: Sheet, header_row: int) -> Sheet:
    """The sheet with the record on spreadsheet row `header_row` taken as its header, its columns named
    as the plain reader names them, at the spreadsheet positions the reader found them."""
    hits = np.flatnonzero(sheet.rows == header_row)
    if not len(hits):
        raise ValueError(f"row {header_row} is empty or past the end of the table")
    i = int(hits[0])
    cells = [cell.strip() for cell in sheet.frame.iloc[i].astype(str)]
    frame = sheet.frame.iloc[i + 1:].reset_index(drop=True)
    frame.columns, repeated = unique_header(cells, sheet.positions)
    empty = frozenset(p for p, cell in zip(sheet.positions, cells) if not cell)
    return replace(sheet, frame=frame, rows=sheet.rows[i + 1:], header_row=header_row, repeated=repeated,
                   empty_headers=empty)


def _resolve(frame: pd.DataFrame, wanted: str) -> str | None:
    """The frame's column for a name in the spec: exact, else case- and accent-insensitive."""
    if wanted in frame.columns:
        return wanted
    target = normalise_header(wanted)
    hits = [c for c in frame.columns if normalise_header(c) == target]
    return hits[0] if len(hits) == 1 else None


def known_for_mapping(engine) -> dict:
    """The store's codes a mapping is checked against: territories (with their country) and indicators."""
    from ..store import known_codes, read_table

    known = known_codes(engine)
    territories = read_table(engine, "territories")
    return {"territories": known.territories, "indicators": known.indicators,
            "countries": dict(zip(territories["territory_id"], territories["country"]))}


def _known_parts(known):
    """(territory codes, indicator id → unit, territory → country), each None when not given.

    `known`: a `validation.Known` (`store.known_codes(engine)`) or the dict of `known_for_mapping`.
    """
    if known is None:
        return None, None, None
    if isinstance(known, dict):
        ter, ind, countries = known.get("territories"), known.get("indicators"), known.get("countries")
    else:
        ter, ind = getattr(known, "territories", None), getattr(known, "indicators", None)
        countries = getattr(known, "countries", None)
    ter = set(ter) if ter is not None else None
    ind = dict(ind) if isinstance(ind, dict) else ({i: "" for i in ind} if ind is not None else None)
    return ter, ind, (dict(countries) if countries is not None else None)


def _flag_text(flag) -> str:
    return flag if isinstance(flag, str) else ""


def _suggest(code: str, codes: list[str], kind: str):
    close = nearest_code(code, codes) if len(codes) < 50000 else None
    return ("did_you_mean", {"code": close}) if close else ("add_it", {"kind": kind})


def _choose_sheet(result: ReadResult, spec: dict, name: str | None, raw: bytes | None, file_name: str,
                  problems: list[Problem]) -> Sheet | None:
    """The sheet the mapping reads, with its header on `header_row`; None (and a problem) if impossible."""
    sheet = result.sheets[0]
    if spec.get("sheet"):
        named = [s for s in result.sheets if (s.sheet or "").strip().lower() == spec["sheet"].strip().lower()]
        if not named:
            found = ", ".join(s.sheet or s.file for s in result.sheets)
            problems.append(Problem(file_name, None, None, spec["sheet"], "mapping_sheet_missing",
                                    {"sheet": spec["sheet"], "found": found}))
            return None
        sheet = named[0]
    if name:
        sheet = replace(sheet, file=name)
    if spec.get("header_row") and spec["header_row"] != sheet.header_row:
        try:
            if raw is not None and sheet.sheet is None:
                moved, notices = _reread_csv(sheet, raw, spec["header_row"])
            else:
                moved, notices = _promote(sheet, spec["header_row"]), None
        except (ValueError, pd.errors.ParserError, csv.Error):   # said in words, not the parser's
            problems.append(Problem(sheet.label, spec["header_row"], None, None, "mapping_header_unreadable",
                                    {"row": spec["header_row"]}))
            return None
        problems[:] = _header_moved(problems, sheet, moved, notices)
        return moved
    return sheet


def _header_moved(problems: list[Problem], before: Sheet, after: Sheet, notices: list[Problem] | None
                  ) -> list[Problem]:
    """The reader's problems once the header is on another row: those about the cells of the sheet (an
    invisible character inside a cell, `invisible_inside`) named by the columns of the new header, at the
    same spreadsheet position, and none left about the rows above it. A CSV read again (`notices`: its
    own) replaces the reader's notices about its cells by those."""
    renamed = dict(zip(map(str, before.frame.columns), (  # old name -> new name, by spreadsheet position
        dict(zip(after.positions, map(str, after.frame.columns))).get(p) for p in before.positions)))
    out = []
    for p in problems:
        about_cells = p.file == before.label and p.column is not None and p.column in renamed
        if not about_cells:
            out.append(p)
        elif notices is None and p.row is not None and p.row > after.header_row and renamed[p.column]:
            out.append(replace(p, column=renamed[p.column]))
    return out + (notices or [])


def _duplicates(cells: pd.DataFrame, rows: np.ndarray, label: str, problems: list[Problem]) -> pd.DataFrame:
    """The cells without a second value for the same indicator, territory and period (reported)."""
    key = ["indicator_id", "territory_id", "period"]
    dup = cells.duplicated(subset=key, keep="first").to_numpy()
    if not dup.any():
        return cells
    group = cells.groupby(key, sort=False).ngroup().to_numpy()
    first = pd.Series(np.arange(len(cells))).groupby(group).transform("min").to_numpy()
    value, flag = cells["_value"].to_numpy(dtype="float64"), cells["flag"].map(_flag_text).to_numpy()
    same = ((value == value[first]) | (np.isnan(value) & np.isnan(value[first]))) & (flag == flag[first])
    pos_of, column_of, text_of = (cells[c].to_numpy() for c in ("pos", "column", "text"))
    keys = cells[key].astype(str).to_numpy()
    for (column, code), at in _groups(np.flatnonzero(dup), column_of,
                                      np.where(same, "duplicate_key", "conflicting_key")):
        problems.extend(capped(label, column, code, rows[pos_of[at].astype(np.int64)], lambda j, at=at, code=code:
                               Problem(label, int(rows[pos_of[at[j]]]), column_of[at[j]], text_of[at[j]], code,
                                       {"first_row": str(int(rows[pos_of[first[at[j]]]])),
                                        "key": " / ".join(keys[at[j]])}, ("keep_one", {}))))
    return cells[~dup].reset_index(drop=True)


def _mixed_units(columns: dict, keep: np.ndarray, label: str, problems: list[Problem]) -> None:
    """A notice for each column of units (`unit`, virtual ones of a split too) holding several in the rows
    kept: EUR_HAB beside MIO_EUR would be stored under one indicator, said with the filter keeping one."""
    for name, cells in columns.items():
        if normalise_header(name) not in UNIT_HEADERS:
            continue
        units = [u for u in pd.unique(cells.astype(str).str.strip().to_numpy()[keep]) if u]
        if len(units) > 1:
            shown = ", ".join(units[:5]) + (" …" if len(units) > 5 else "")
            problems.append(Problem(label, None, name, None, "mixed_units", {"column": name, "units": shown},
                                    ("keep_one_unit", {"column": name, "first": units[0]}), severity="notice"))


def _leave_out(keep: np.ndarray, holds: np.ndarray, step: dict, steps: list[dict]) -> int:
    """Keep (in place) only the rows of `keep` where `holds`, and count in `steps` the rows this step left
    out: one after the other, the steps' counts and the rows kept add up to the rows read."""
    out = int((keep & ~holds).sum())
    keep &= holds
    steps.append({**step, "rows": out})
    return out


def _groups(at: np.ndarray, columns: np.ndarray, codes: np.ndarray):
    """The positions `at` grouped by (column, problem code), in order of first appearance."""
    if not len(at):
        return []
    frame = pd.DataFrame({"at": at, "column": columns[at], "code": codes[at]})
    return [(name, part["at"].to_numpy()) for name, part in frame.groupby(["column", "code"], sort=False)]


def apply_mapping(source, spec: dict, name: str | None = None, *, known=None, sha256: str | None = None,
                  mapping_name: str | None = None) -> MappedSource:
    """Reshape a foreign file into observations that `import_files` / `validate_files` accept.

    `source`: a path, (file name, bytes), bytes, a `reading.ReadResult` or a `reading.Sheet`
    (pass `sha256` with the last two when the batch should record the file's hash).
    `name`: the file name reports use (default: the source's own name).
    `known`: the store's codes (`known_for_mapping(engine)`, or `store.known_codes(engine)` when
    no `country` is set), needed for `"keep": "known"`; with them unknown territory and
    indicator codes are reported at the original column.
    Raises `MappingError` when the spec cannot be used; problems of the file itself are
    returned in the `MappedSource` (its `problems`), as the reader's would be.
    """
    spec = validate_spec(spec)
    result, file_name, digest, raw = _load(source, name, sha256)
    summary = {"rows": 0, "filtered_out": 0, "not_in_framework": 0, "cells": 0, "missing": 0,
               "observations": 0, "problems": 0}
    steps: list[dict] | None = None   # what became of the rows, once the mapping reads them (_leave_out)
    value_cols: list[tuple[str, str, str]] = []   # (column, indicator, period or "")

    def done(sheets, problems, columns=None, headers=None) -> MappedSource:
        summary["problems"] = sum(p.severity != "notice" for p in problems)   # the cells without a value: `missing`
        # The problems made here name the chosen sheet's columns: those whose header cell was empty are
        # said by their letter (the reader's problems say their own).
        problems = cap(problems[:read] + [replace(p, unnamed=unnamed) for p in problems[read:]])
        return MappedSource(file_name, digest, ReadResult(sheets=sheets, problems=problems), spec, mapping_name,
                            summary, columns if columns is not None else np.array([], dtype=object), headers or {},
                            steps, len(value_cols))

    problems: list[Problem] = list(result.problems)
    read, unnamed = len(problems), ()
    if not result.sheets:
        return done([], problems)
    sheet = _choose_sheet(result, spec, name, raw, file_name, problems)
    if sheet is None:
        return done([], problems)
    read = len(problems)   # the reader's, said at the columns of the header the mapping reads (_header_moved)
    unnamed = sheet.unnamed_letters()
    label = sheet.label
    decimal = spec.get("decimal") or sheet.decimal
    frame = sheet.frame
    rows = np.asarray(sheet.rows)
    summary["rows"] = int(len(frame))

    # Virtual columns from combined ones ("unit,geo\time" → unit, geo).
    columns: dict[str, pd.Series] = {c: frame[c] for c in frame.columns}
    missing: list[str] = []

    def col(wanted: str) -> str | None:
        if wanted in columns:
            return wanted
        real = _resolve(frame, wanted)
        if real is None:
            target = normalise_header(wanted)
            virtual = [c for c in columns if c not in frame.columns and normalise_header(c) == target]
            real = virtual[0] if len(virtual) == 1 else None
        if real is None and sheet.repeated:
            same = next((n for n in sheet.repeated if normalise_header(n) == normalise_header(wanted)), None)
            if same is not None:
                # A repeated name is never taken for one of its columns: the mapping says which, by letter.
                letters = sheet.repeated[same]
                if not any(p.code == "repeated_header" and p.column == same for p in problems):
                    problems.append(Problem(label, sheet.header_row, same, same, "repeated_header",
                                            {"column": same, "count": len(letters), "positions": ", ".join(
                                                f"{same} ({x})" for x in letters)}))
        if real is None and wanted not in missing:
            missing.append(wanted)
        return real

    split_cols: list[str] = []
    for s in spec["split"]:
        real = col(s["column"])
        if real is None:
            continue
        split_cols.append(real)
        parts = frame[real].astype(str).str.split(s["separator"], n=len(s["into"]) - 1, expand=True,
                                                  regex=False)
        for k, part_name in enumerate(s["into"]):
            series = parts[k] if k in parts.columns else pd.Series([""] * len(frame), index=frame.index)
            columns[part_name] = series.fillna("").astype(str).str.strip()

    territory = spec["territory"]
    ter_col = col(territory["column"])
    filter_cols = [(f, col(f["column"])) for f in spec["filters"]]
    if "period" in spec and "column" in spec["period"]:
        period_col = col(spec["period"]["column"])
    else:
        period_col = None
    if "values" in spec:
        for wanted, indicator in spec["values"].items():
            real = col(wanted)
            if real is not None:
                value_cols.append((real, indicator, ""))
    else:
        y = spec["years_in_columns"]
        used = {ter_col, period_col, *(c for _, c in filter_cols), *split_cols}
        candidates = y.get("columns") or [c for c in frame.columns if c not in used]
        for wanted in candidates:
            real = col(wanted) if y.get("columns") else wanted
            if real is None:
                continue
            period = parse_period(real)
            if period is None:
                if y.get("columns"):
                    problems.append(Problem(label, sheet.header_row, real, real, "bad_period", {},
                                            ("write_period", {})))
                continue
            if ("from" in y and period < y["from"]) or ("to" in y and period > y["to"]):
                continue
            value_cols.append((real, y["indicator"], period))
    extra: dict[str, tuple[str | None, str | None]] = {}
    for key in ("flag", "source", "note"):
        if key in spec:
            extra[key] = (col(spec[key]["column"]) if "column" in spec[key] else None, spec[key].get("value"))
    if missing:
        # The file is not the one the mapping was written for: the mapping's columns, not ours, are missing.
        found = ", ".join(map(str, frame.columns))
        said = {"missing": ", ".join(missing)}
        problems.append(Problem(label, sheet.header_row, None, None, "missing_columns",
                                {"kind": "observations", "missing": ", ".join(missing), "found": found},
                                ("mapping_does_not_fit", {**said, "name": mapping_name}) if mapping_name
                                else ("mapping_does_not_fit_unnamed", said)))
        return done([], problems)
    if not value_cols:
        problems.append(Problem(label, sheet.header_row, None, None, "missing_columns",
                                {"kind": "observations", "missing": "value (a column whose header is a period)",
                                 "found": ", ".join(map(str, frame.columns))}))
        return done([], problems)

    # Rows kept: comment lines, filters on other columns, then the territory code filters; each step's rows
    # left out are counted (`steps`), so that the Data page says what became of every row of the file.
    keep = np.ones(len(frame), dtype=bool)
    steps = []
    if spec.get("comment") and len(frame.columns):
        _leave_out(keep, ~frame.iloc[:, 0].astype(str).str.lstrip().str.startswith(spec["comment"]).to_numpy(),
                   {"step": "comment", "text": spec["comment"]}, steps)
    for f, real in filter_cols:
        cells = columns[real].astype(str).str.strip()
        if "equals" in f:
            holds = (cells == f["equals"]).to_numpy()
        elif "in" in f:
            holds = cells.isin([str(v) for v in f["in"]]).to_numpy()
        else:
            holds = _fullmatch(cells, f["pattern"])
        _leave_out(keep, holds, {"step": "filter", **f, "column": real}, steps)
    codes = columns[ter_col].astype(str).str.strip()
    if territory.get("strip_prefix"):
        prefix = territory["strip_prefix"]
        codes = codes.where(~codes.str.startswith(prefix), codes.str.slice(len(prefix))).str.strip()
    if territory.get("pad"):
        digits = codes.str.fullmatch(r"\d+").fillna(False)
        codes = codes.where(~digits, codes.str.zfill(territory["pad"]))
    for key, wanted in (("pattern", True), ("exclude", False)):
        if territory.get(key):
            hit = _fullmatch(codes, territory[key])
            _leave_out(keep, hit if wanted else ~hit, {"step": key, "column": ter_col, "pattern": territory[key]},
                       steps)
    summary["filtered_out"] = int((~keep).sum())
    # #N/A, #DIV/0! in the territory column of a row kept: a formula that broke, refused as the direct import
    # refuses it (spreadsheet_errors), never taken for a territory outside the framework.
    broken_at, broken_said = formula_errors(sheet, "territory_id", ter_col, columns[ter_col], np.flatnonzero(keep))
    broken = np.zeros(len(frame), dtype=bool)
    broken[broken_at] = True
    _mixed_units(columns, keep, label, problems)
    known_territories, known_indicators, countries = _known_parts(known)
    if territory.get("country") and known_territories is not None:
        # INSEE 34022 (Baillargues) is not NIS 34022 (Kortrijk): only this country's territories match.
        if countries is None:
            raise MappingError("Mapping: territory \"country\" needs the countries of the store's territories: "
                               "pass known=mappings.known_for_mapping(engine).")
        known_territories = {c for c in known_territories if countries.get(c) == territory["country"]}
    if territory["keep"] == "known":
        if known_territories is None:
            raise MappingError("Mapping: \"keep\": \"known\" keeps the territories of the framework: pass the "
                               "store's codes (known=mappings.known_for_mapping(engine)).")
        in_framework = codes.isin(known_territories).to_numpy()
        # an empty code is reported below, not dropped
        summary["not_in_framework"] = _leave_out(keep, in_framework | (codes == "").to_numpy() | broken,
                                                 {"step": "outside", "column": ter_col}, steps)
    elif isinstance(territory["keep"], list):
        summary["not_in_framework"] = _leave_out(keep, codes.isin(territory["keep"]).to_numpy() | broken,
                                                 {"step": "outside", "column": ter_col, "listed": True}, steps)

    # One entry per value cell of the kept rows.
    positions = np.flatnonzero(keep)
    parts = []
    for real, indicator, period in value_cols:
        parts.append(pd.DataFrame({"pos": positions, "column": real, "indicator_id": indicator,
                                   "period": period, "text": columns[real].to_numpy()[positions]}))
    cells = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=["pos", "column", "indicator_id", "period", "text"])
    cells["text"] = cells["text"].astype(str).str.strip()
    cells = cells.sort_values(["pos"], kind="stable").reset_index(drop=True)
    summary["cells"] = int(len(cells))
    # Read as the direct import reads a value column (cells.read_numbers): `12,5 %` with the indicator's
    # unit, `236?710` in a Windows-1252 file (said by a notice), a NUL refused.
    values, flags, codes_bad, read_text, notices = read_numbers(cells, sheet, decimal, known_indicators)
    problems.extend(notices)
    empty = np.isnan(values) & codes_bad.isna().to_numpy()
    summary["missing"] = int(empty.sum())
    if empty.any():   # as the plain files' report says them (DESIGN: a notice counts the rows without a value)
        problems.append(no_value_notice(label, cells, empty, rows, len(value_cols)))
    cells["flag"] = flags.to_numpy()
    cells["_read"] = read_text.to_numpy(dtype=object)
    cells["_value"] = values
    # Problems read from arrays by position, capped per column and kind (`problems.capped`): a `.at`
    # lookup per bad cell took 20 s for 600,000 of them.
    pos_of, column_of, text_of, ind_of = (cells[c].to_numpy() for c in ("pos", "column", "text", "indicator_id"))
    code_of = codes_bad.to_numpy()
    for (column, code), at in _groups(np.flatnonzero(codes_bad.notna().to_numpy()), column_of, code_of):
        problems.extend(capped(label, column, code, rows[pos_of[at].astype(np.int64)], lambda j, at=at, code=code:
                               Problem(label, int(rows[pos_of[at[j]]]), column_of[at[j]], nul_shown(text_of[at[j]]),
                                       code, *cell_said(code, text_of[at[j]], ind_of[at[j]], known_indicators))))
    cells = cells[~empty & codes_bad.isna().to_numpy()].reset_index(drop=True)

    # Per row: territory, period, flag/source/note columns (one problem per row and column).
    row_bad = np.zeros(len(frame), dtype=bool)
    used_pos = np.unique(cells["pos"].to_numpy(dtype=np.int64))
    code_at = codes.to_numpy()
    at, found = nul_refused(label, ter_col, code_at, used_pos, rows)   # a NUL, as the direct import says it
    problems.extend(found + broken_said)
    row_bad[at] = True
    row_bad[broken_at] = True
    at = used_pos[code_at[used_pos] == ""]
    problems.extend(capped(label, ter_col, "required", rows[at],
                           lambda j: Problem(label, int(rows[at[j]]), ter_col, "", "required")))
    row_bad[at] = True
    if known_territories is not None and territory["keep"] == "all":
        ordered = sorted(known_territories)
        cache: dict[str, tuple] = {}

        def unknown_territory(j, at):
            c = code_at[at[j]]
            if c not in cache:
                cache[c] = _suggest(c, ordered, "territories")
            return Problem(label, int(rows[at[j]]), ter_col, c, "unknown_code", {"kind": "territories"}, cache[c])

        here = code_at[used_pos]
        at = used_pos[(here != "") & ~row_bad[used_pos] & ~pd.Series(here).isin(known_territories).to_numpy()]
        problems.extend(capped(label, ter_col, "unknown_code", rows[at], lambda j, at=at: unknown_territory(j, at)))
        row_bad[at] = True
    if period_col is not None:
        # As the direct import reads a period column (cells.period_problems): Excel's `mars-24` read and said,
        # a day named with its year and month, a year outside the plausible range refused.
        parsed, refused, found = period_problems(sheet, period_col, columns[period_col], used_pos,
                                                 spec["period"].get("as"))
        problems.extend(found)
        row_bad[used_pos[refused]] = True
        period_at = np.full(len(frame), "", dtype=object)
        period_at[used_pos] = np.where(pd.isna(parsed), "", parsed)
        cells["period"] = period_at[cells["pos"].to_numpy(dtype=np.int64)]
    elif "period" in spec:
        cells["period"] = spec["period"]["value"]
    for key, (real, constant) in extra.items():
        if real is None:
            cells[f"_{key}"] = constant
            continue
        texts = columns[real].astype(str).str.strip().to_numpy()[cells["pos"].to_numpy(dtype=np.int64)]
        at, found = nul_refused(label, real, columns[real].astype(str).to_numpy(dtype=object), used_pos, rows)
        problems.extend(found)
        row_bad[at] = True
        if key == "flag":
            texts = np.array([t.lower() for t in texts], dtype=object)
            raw_flags = columns[real].astype(str).str.strip().to_numpy()
            here = raw_flags[used_pos]
            broken_flags, said = formula_errors(sheet, "flag", real, columns[real], used_pos)   # #N/A, as directly
            problems.extend(said)
            row_bad[broken_flags] = True
            wrong = {text for text in pd.unique(here) if text and "\x00" not in text and not is_flag(text)}
            at = used_pos[pd.Series(here).isin(wrong).to_numpy() & ~np.isin(used_pos, broken_flags)]
            problems.extend(capped(label, real, "bad_flag", rows[at], lambda j, at=at: Problem(
                label, int(rows[at[j]]), real, raw_flags[at[j]], "bad_flag", {"known": ", ".join(FLAGS)})))
            row_bad[at] = True
        cells[f"_{key}"] = texts
    cells = cells[~row_bad[cells["pos"].to_numpy(dtype=np.int64)]].reset_index(drop=True)
    cells["territory_id"] = code_at[cells["pos"].to_numpy(dtype=np.int64)] if len(cells) else []
    if "_flag" in cells:
        # The cell's own flag (`12,5 p`) and the flag column's or constant's (`e`) together, as the plain
        # import stores them (`ep`): neither is dropped. (The column's once lost to the cell's, and to a
        # NaN where the cell had none.)
        cells["flag"] = [normal_flag(own, other) for own, other in zip(cells["flag"], cells["_flag"])]

    # Indicators: unknown ones are reported once per column; percentages over 100 at their cell.
    if known_indicators is not None:
        ordered = sorted(known_indicators)
        unknown = ~cells["indicator_id"].isin(list(known_indicators)).to_numpy()
        for indicator, column in cells.loc[unknown, ["indicator_id", "column"]].drop_duplicates().itertuples(
                index=False):
            per_column = "values" in spec
            problems.append(Problem(label, None, column if per_column else None, indicator, "unknown_code",
                                    {"kind": "indicators"}, _suggest(indicator, ordered, "indicators")))
        cells = cells[~unknown].reset_index(drop=True)
        percent = {i for i, u in known_indicators.items() if is_percent(u)}   # units.is_percent: the one rule
        v = cells["_value"].to_numpy(dtype="float64")
        bad = cells["indicator_id"].isin(percent).to_numpy() & ((v < 0) | (v > 100))
        pos_of, column_of, text_of, ind_of = (cells[c].to_numpy() for c in ("pos", "column", "text", "indicator_id"))
        for (column, _), at in _groups(np.flatnonzero(bad), column_of, np.full(len(cells), "")):
            problems.extend(capped(label, column, "percent_over_100", rows[pos_of[at].astype(np.int64)],
                                   lambda j, at=at: Problem(label, int(rows[pos_of[at[j]]]), column_of[at[j]],
                                                            text_of[at[j]], "percent_over_100",
                                                            {"indicator": ind_of[at[j]]})))
        cells = cells[~bad].reset_index(drop=True)

    # The same indicator, territory and period twice in the file.
    cells = _duplicates(cells, rows, label, problems)

    if cells.empty:
        # Every value reported above (an unknown indicator, bad cells): no table is left to check, and
        # none is passed on, which the checker would call a header without a data row.
        if not [p for p in problems if p.severity == "error"]:   # in the user's words (texts/mapping_problems.py)
            problems.append(Problem(label, None, None, None, "mapping_kept_nothing",
                                    {"count": summary["rows"], "filtered_out": summary["filtered_out"],
                                     "not_in_framework": summary["not_in_framework"], "missing": summary["missing"]},
                                    ("mapping_kept_nothing", {})))
        return done([], problems)

    # The observations table the validator reads (every cell as text, as the reader gives it).
    ter_header = ter_col if match_columns(OBSERVATIONS, [ter_col]).get(ter_col) == "territory_id" else "territory_id"
    out = pd.DataFrame({
        "indicator_id": cells["indicator_id"].astype(str),
        ter_header: cells["territory_id"].astype(str),
        "period": cells["period"].astype(str),
        "value": cells["_read"].astype(str),
        "flag": cells["flag"].fillna("").astype(str),
    })
    for key in ("source", "note"):
        if f"_{key}" in cells:
            out[key] = cells[f"_{key}"].fillna("").astype(str)
    out_rows = rows[cells["pos"].to_numpy(dtype=np.int64)] if len(cells) else np.array([], dtype=np.int64)
    summary["observations"] = int(len(out))
    mapped = Sheet(sheet.file, out, out_rows, sheet=sheet.sheet, encoding=sheet.encoding,
                   separator=sheet.separator, decimal=decimal, decimal_detected=sheet.decimal_detected,
                   header_row=sheet.header_row)
    headers = {"territory_id": ter_col, "territory_header": ter_header, "period": period_col,
               "value": [c for c, _, _ in value_cols], **{key: real for key, (real, _) in extra.items()}}
    return done([mapped], problems, cells["column"].to_numpy(dtype=object), headers)


