"""Applying a mapping to a foreign file (`apply_mapping`): every cell checked where its original
column is still known, and reported at the file, row and column as written in the foreign file."""
from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from ..parsing import normal_flag, parse_numbers, parse_period, unit_sign, wrong_signs
from ..problems import cap, capped, Problem
from ..reading import ReadResult, Sheet, read_file
from ..reading_decimal import detect_decimal
from ..reading_header import drop_blank, sep_directive, sniff, unique_header
from ..reading_text import decode
from ..schema import FLAGS, OBSERVATIONS, is_flag, match_columns, normalise_header
from ..cross_checks import nearest_code

from .layouts import UNIT_HEADERS
from .spec import (
    MappedSource, MappingError, PERCENT_UNITS, _fullmatch, validate_spec)

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


def _reread_csv(sheet: Sheet, raw: bytes, header_row: int) -> Sheet:
    """The CSV read again with its header on `header_row` (as a spreadsheet numbers lines), its columns
    named as the plain reader names them (reading_header.unique_header)."""
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
    return Sheet(sheet.file, frame, rows, sheet=sheet.sheet, encoding=sheet.encoding, separator=sep,
                 decimal=decimal, decimal_detected=detected, header_row=header_row, repeated=repeated,
                 positions=positions, empty_headers=empty)


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


_ISO_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2})?(?:[ T].*)?$")     # 2019-09-30, 2019/09
_DMY_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T].*)?$")      # 30/09/2019


def _date_period(text: str, kind: str | None) -> str | None:
    """A period from a cell: as written (2020, 2020-Q1, 2020-03), or from a date when `kind` is given."""
    t = str(text).strip()
    if not t:
        return None
    if kind is None:
        return parse_period(t)
    iso = _ISO_DATE.match(t)
    dmy = _DMY_DATE.match(t)
    if iso:
        year, month = int(iso.group(1)), int(iso.group(2))
    elif dmy:
        year, month = int(dmy.group(3)), int(dmy.group(2))
    else:
        period = parse_period(t)
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


def _unit_signs(cells: pd.DataFrame, codes: pd.Series, units: dict | None) -> pd.Series:
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


def _cell_said(code: str, text: str, indicator: str, units: dict | None) -> tuple[dict, tuple | None]:
    """(params, suggestion) of a value cell's problem, as the plain import says it."""
    if code == "unit_mismatch":   # naming the sign and the indicator's unit (validation._unit_signs)
        unit = units[indicator]
        return {"sign": unit_sign(text), "indicator": indicator, "unit": unit}, ("write_in_unit", {"unit": unit})
    return {}, (("write_number", {}) if code == "not_a_number" else None)


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
                return _reread_csv(sheet, raw, spec["header_row"])
            return _promote(sheet, spec["header_row"])
        except (ValueError, pd.errors.ParserError, csv.Error):   # said in words, not the parser's
            problems.append(Problem(sheet.label, spec["header_row"], None, None, "mapping_header_unreadable",
                                    {"row": spec["header_row"]}))
            return None
    return sheet


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

    def done(sheets, problems, columns=None, headers=None) -> MappedSource:
        summary["problems"] = sum(p.severity != "notice" for p in problems)   # the cells without a value: `missing`
        # The problems made here name the chosen sheet's columns: those whose header cell was empty are
        # said by their letter (the reader's problems say their own).
        problems = cap(problems[:read] + [replace(p, unnamed=unnamed) for p in problems[read:]])
        return MappedSource(file_name, digest, ReadResult(sheets=sheets, problems=problems), spec, mapping_name,
                            summary, columns if columns is not None else np.array([], dtype=object), headers or {})

    problems: list[Problem] = list(result.problems)
    read, unnamed = len(problems), ()
    if not result.sheets:
        return done([], problems)
    sheet = _choose_sheet(result, spec, name, raw, file_name, problems)
    if sheet is None:
        return done([], problems)
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
    value_cols: list[tuple[str, str, str]] = []   # (column, indicator, period or "")
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

    # Rows kept: comment lines, filters on other columns, then the territory code filters.
    keep = np.ones(len(frame), dtype=bool)
    if spec.get("comment") and len(frame.columns):
        keep &= ~frame.iloc[:, 0].astype(str).str.lstrip().str.startswith(spec["comment"]).to_numpy()
    for f, real in filter_cols:
        cells = columns[real].astype(str).str.strip()
        if "equals" in f:
            keep &= (cells == f["equals"]).to_numpy()
        elif "in" in f:
            keep &= cells.isin([str(v) for v in f["in"]]).to_numpy()
        else:
            keep &= _fullmatch(cells, f["pattern"])
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
            keep &= hit if wanted else ~hit
    summary["filtered_out"] = int((~keep).sum())
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
        summary["not_in_framework"] = int((keep & ~in_framework & (codes != "").to_numpy()).sum())
        keep &= in_framework | (codes == "").to_numpy()   # an empty code is reported below, not dropped
    elif isinstance(territory["keep"], list):
        listed = codes.isin(territory["keep"]).to_numpy()
        summary["not_in_framework"] = int((keep & ~listed).sum())
        keep &= listed

    # One entry per value cell of the kept rows.
    positions = np.flatnonzero(keep)
    parts = []
    for real, indicator, period in value_cols:
        parts.append(pd.DataFrame({"pos": positions, "column": real, "indicator_id": indicator,
                                   "period": period, "text": frame[real].to_numpy()[positions]}))
    cells = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=["pos", "column", "indicator_id", "period", "text"])
    cells["text"] = cells["text"].astype(str).str.strip()
    cells = cells.sort_values(["pos"], kind="stable").reset_index(drop=True)
    summary["cells"] = int(len(cells))
    # `12,5 %`: a number written with a unit sign is read as the plain import reads it (_unit_signs).
    values, flags, codes_bad = parse_numbers(cells["text"], decimal, units=True)
    codes_bad = _unit_signs(cells, codes_bad, known_indicators)
    empty = np.isnan(values) & codes_bad.isna().to_numpy()
    summary["missing"] = int(empty.sum())
    if empty.any():   # as the plain files' report says them (DESIGN: a notice counts the rows without a value)
        at_rows = np.unique(rows[cells["pos"].to_numpy(dtype=np.int64)[empty]])
        shown = ", ".join(str(int(r)) for r in at_rows[:10]) + (" …" if len(at_rows) > 10 else "")
        problems.append(Problem(label, None, None, None, "no_value_rows", {"count": int(empty.sum()), "rows": shown},
                                severity="notice"))
    cells["flag"] = flags.to_numpy()
    cells["_value"] = values
    # Problems read from arrays by position, capped per column and kind (`problems.capped`): a `.at`
    # lookup per bad cell took 20 s for 600,000 of them.
    pos_of, column_of, text_of, ind_of = (cells[c].to_numpy() for c in ("pos", "column", "text", "indicator_id"))
    code_of = codes_bad.to_numpy()
    for (column, code), at in _groups(np.flatnonzero(codes_bad.notna().to_numpy()), column_of, code_of):
        problems.extend(capped(label, column, code, rows[pos_of[at].astype(np.int64)], lambda j, at=at, code=code:
                               Problem(label, int(rows[pos_of[at[j]]]), column_of[at[j]], text_of[at[j]], code,
                                       *_cell_said(code, text_of[at[j]], ind_of[at[j]], known_indicators))))
    cells = cells[~empty & codes_bad.isna().to_numpy()].reset_index(drop=True)

    # Per row: territory, period, flag/source/note columns (one problem per row and column).
    row_bad = np.zeros(len(frame), dtype=bool)
    used_pos = np.unique(cells["pos"].to_numpy(dtype=np.int64))
    code_at = codes.to_numpy()
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
        at = used_pos[(here != "") & ~pd.Series(here).isin(known_territories).to_numpy()]
        problems.extend(capped(label, ter_col, "unknown_code", rows[at], lambda j, at=at: unknown_territory(j, at)))
        row_bad[at] = True
    if period_col is not None:
        as_kind = spec["period"].get("as")
        raw_periods = columns[period_col].astype(str).str.strip().to_numpy()
        texts = raw_periods[used_pos]
        parsed_of = {text: _date_period(text, as_kind) for text in pd.unique(texts)}   # each distinct text once
        parsed = np.array([parsed_of[text] for text in texts], dtype=object)
        for code, mask in (("required", texts == ""), ("bad_period", (texts != "") & pd.isna(parsed))):
            at = used_pos[mask]
            problems.extend(capped(label, period_col, code, rows[at], lambda j, at=at, code=code: Problem(
                label, int(rows[at[j]]), period_col, raw_periods[at[j]], code, {},
                ("write_period", {}) if code == "bad_period" else None)))
            row_bad[at] = True
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
        if key == "flag":
            texts = np.array([t.lower() for t in texts], dtype=object)
            raw_flags = columns[real].astype(str).str.strip().to_numpy()
            here = raw_flags[used_pos]
            wrong = {text for text in pd.unique(here) if text and not is_flag(text)}
            at = used_pos[pd.Series(here).isin(wrong).to_numpy()]
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
        percent = {i for i, u in known_indicators.items() if str(u or "").strip() in PERCENT_UNITS}
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
        if not [p for p in problems if p.severity == "error"]:
            detail = (f"the mapping kept no value: {summary['rows']} rows read, {summary['filtered_out']} left out "
                      f"by the filters, {summary['not_in_framework']} with a territory outside the framework, "
                      f"{summary['missing']} empty cells")
            problems.append(Problem(label, None, None, None, "bad_structure", {"detail": detail}))
        return done([], problems)

    # The observations table the validator reads (every cell as text, as the reader gives it).
    ter_header = ter_col if match_columns(OBSERVATIONS, [ter_col]).get(ter_col) == "territory_id" else "territory_id"
    out = pd.DataFrame({
        "indicator_id": cells["indicator_id"].astype(str),
        ter_header: cells["territory_id"].astype(str),
        "period": cells["period"].astype(str),
        "value": cells["text"].astype(str),
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
               "value": [c for c, _, _ in value_cols]}
    return done([mapped], problems, cells["column"].to_numpy(dtype=object), headers)


