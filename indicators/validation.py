"""Checking read tables against the schema and against each other.

Per column (pandera): required cells, allowed values, ranges, periods.
Across rows and tables (pandas): duplicate keys, two values for one key,
unknown codes with the nearest known one as a suggestion, percentages over
100, target periods before baselines. Every problem found is reported, with
the file, spreadsheet row, column as written, value and a suggestion.
"""
from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd
import pandera.pandas as pa

from .downloads import is_formula
from .parsing import parse_numbers, parse_periods, restore_text
from .problems import Problem, errors
from .reading import ReadResult, Sheet, repeated_problems
from . import limits
from .templates import is_notes_sheet
from .schema import CODE, CODE_LENGTH, CODES, FLAGS, TEXT_LENGTH, INTEGER, NUMBER, PERIOD, TABLES, Table, match_columns, recognise

META = ("_file", "_row")  # where each row came from
NO_VALUE_TABLES = ("observations", "flows")   # tables whose rows without a value are skipped, not refused


@dataclass
class Known:
    """Codes the store already holds (the framework the new files refer to)."""

    levels: set[str] = field(default_factory=set)
    themes: set[str] = field(default_factory=set)
    actions: set[str] = field(default_factory=set)
    indicators: dict[str, str] = field(default_factory=dict)   # indicator_id -> unit
    territories: dict[str, str | None] = field(default_factory=dict)  # territory_id -> replaced_by

    def codes(self, table: str) -> set[str]:
        value = getattr(self, table)
        return set(value) if isinstance(value, dict) else value


@dataclass
class Checked:
    files: list[dict]
    tables: dict[str, pd.DataFrame]
    problems: list[Problem]
    headers: dict[str, dict[str, str]]  # file label -> canonical column -> header as written

    @property
    def ok(self) -> bool:
        return not errors(self.problems)

    def report(self, lang: str = "en") -> dict:
        """The JSON report of DESIGN.md."""
        return {
            "ok": self.ok,
            "files": self.files,
            "problems": [p.as_dict(lang) for p in errors(self.problems)],
            # Beyond DESIGN.md's keys: what was read but deserves a word (rows without a value, mixed encodings).
            "notices": [p.as_dict(lang) for p in self.problems if p.severity != "error"],
        }


# ---------------------------------------------------------------- per sheet

def _written(headers: dict[str, dict[str, str]], file: str, column: str) -> str:
    return headers.get(file, {}).get(column, column)


def _frame_schema(table: Table) -> pa.DataFrameSchema:
    """The pandera schema of a parsed table, derived from `schema.TABLES`."""
    columns = {}
    for col in table.columns:
        checks = []
        if col.allowed:
            allowed = list(col.allowed)
            checks.append(pa.Check(lambda s, a=allowed: s.isna() | s.isin(a), name="not_allowed"))
        if col.minimum is not None or col.maximum is not None:
            lo = -np.inf if col.minimum is None else col.minimum
            hi = np.inf if col.maximum is None else col.maximum
            checks.append(pa.Check(lambda s, lo=lo, hi=hi: s.isna() | ((s >= lo) & (s <= hi)), name="out_of_range"))
        if col.required:
            checks.append(pa.Check(lambda s: s.notna(), name="required", ignore_na=False))
        dtype = float if col.kind in (NUMBER, INTEGER) else object
        columns[col.name] = pa.Column(dtype, checks=checks, nullable=True, required=False, coerce=False)
    return pa.DataFrameSchema(columns, strict=False)


def _parse_sheet(sheet: Sheet, table: Table, mapping: dict[str, str]) -> tuple[pd.DataFrame, list[Problem]]:
    problems: list[Problem] = []
    raw = sheet.frame
    out = pd.DataFrame(index=raw.index)
    written = {canonical: header for header, canonical in mapping.items()}
    rows = sheet.rows

    def add(mask, column: str, code: str, values, suggestion=None, params=None):
        for i in np.flatnonzero(np.asarray(mask, dtype=bool)):
            problems.append(Problem(sheet.label, int(rows[i]), written.get(column, column), str(values[i]),
                                    code, dict(params or {}), suggestion))

    for col in table.columns:
        if col.name not in written:
            out[col.name] = None
            continue
        cells = raw[written[col.name]].astype("str")
        # What one database refuses, every one refuses here, before any write: NUL characters
        # (PostgreSQL) and codes longer than their column (PostgreSQL; SQLite would take them).
        nul = cells.str.contains("\x00", regex=False).to_numpy(dtype=bool)
        add(nul, col.name, "nul_byte", cells.str.replace("\x00", "\\0", regex=False).to_numpy())
        cells = cells.where(~nul, "")
        longest = CODE_LENGTH if col.kind == CODE else TEXT_LENGTH
        lengths = cells.str.strip().str.len().to_numpy()
        too_long = lengths > longest
        if too_long.any():
            for i in np.flatnonzero(too_long):
                problems.append(Problem(sheet.label, int(rows[i]), written[col.name], cells.iat[i][:80] + "…",
                                        "too_long", {"length": int(lengths[i]), "limit": longest}))
            cells = cells.where(~too_long, "")
        if col.kind in (NUMBER, INTEGER):
            values, flags, codes = parse_numbers(cells, sheet.decimal)
            text = cells.to_numpy()
            for code in ("not_a_number", "too_large", "bad_flag"):
                add((codes == code).to_numpy(), col.name, code, text,
                    ("write_number", {}) if code == "not_a_number" else None,
                    {"known": ", ".join(FLAGS)} if code == "bad_flag" else None)
            if col.kind == INTEGER:
                frac = np.isfinite(values) & (np.floor(values) != values)
                add(frac, col.name, "not_an_integer", text)
                values = np.where(frac, np.nan, values)
            out[col.name] = values
            if col.name == "value" and "flag" in table.names:
                out["_value_flag"] = flags
        elif col.kind == PERIOD:
            periods, bad, outside = parse_periods(cells)
            add(bad.to_numpy(), col.name, "bad_period", cells.to_numpy(), ("write_period", {}))
            add(outside.to_numpy(), col.name, "period_out_of_range", cells.to_numpy(), None,
                {"minimum": limits.get("MIN_YEAR"), "maximum": limits.get("MAX_YEAR")})
            out[col.name] = periods
        elif col.kind == CODES:
            stripped = cells.str.strip()
            add(stripped.map(is_formula).to_numpy(dtype=bool), col.name, "formula_code", cells.to_numpy())
            out[col.name] = stripped.where(stripped != "", None).astype("object")
        else:
            stripped = cells.str.strip()
            if col.allowed:  # enumerations are case-insensitive
                upper = all(a.isupper() for a in col.allowed)
                stripped = stripped.str.upper() if upper else stripped.str.lower()
            if col.kind == CODE or col.name == "color":
                # Codes and colours are never formulas: refused here rather than guarded in every export.
                add(stripped.map(is_formula).to_numpy(dtype=bool), col.name, "formula_code", cells.to_numpy())
            value = stripped if col.kind == CODE else restore_text(cells.str.strip())
            if col.pattern:
                value = value.str.upper() if col.upper else value.str.lower()
                wrong = ((value != "") & ~value.str.match(col.pattern).fillna(False)).to_numpy(dtype=bool)
                add(wrong, col.name, col.pattern_problem, cells.to_numpy(), None, {"known": ", ".join(FLAGS)})
                value = value.where(~wrong, "")
            out[col.name] = value.where(value != "", None).astype("object")
    if "_value_flag" in out:
        has = out["_value_flag"].notna() & out["flag"].isna()
        out.loc[has, "flag"] = out.loc[has, "_value_flag"]
        out = out.drop(columns="_value_flag")
    keep = np.ones(len(out), dtype=bool)
    if table.name in NO_VALUE_TABLES and "value" in written:
        # DESIGN.md: a row whose value is empty, `:`, `..`, `NA`… (a flag may follow, `: c`) is not an
        # error and is not stored; it leaves a stored value untouched. One notice counts them.
        failed = {p.row for p in problems if p.column == written["value"]}
        no_value = np.isnan(out["value"].to_numpy(dtype="float64", na_value=np.nan))
        no_value &= ~np.isin(rows, list(failed))
        if no_value.any():
            keep = ~no_value
            shown = ", ".join(str(int(r)) for r in rows[no_value][:10]) + (" …" if no_value.sum() > 10 else "")
            problems.append(Problem(sheet.label, None, written["value"], None, "no_value_rows",
                                    {"count": int(no_value.sum()), "rows": shown}, severity="notice"))
            out = out[keep]

    # Column checks derived from the schema, run by pandera (lazy: every failure at once).
    parse_failed = {(p.row, p.column) for p in problems}
    try:
        _frame_schema(table).validate(out, lazy=True)
    except pa.errors.SchemaErrors as exc:
        fc = exc.failure_cases
        fc = fc[fc["index"].notna()]
        for rec in fc.itertuples(index=False):
            col = table.column(rec.column)
            i = int(rec.index)
            where = (int(rows[i]), written.get(col.name, col.name))
            if where in parse_failed:
                continue  # the cell already has its own problem (e.g. not a number)
            cell = raw[written[col.name]].iat[i] if col.name in written else ""
            params, suggestion = {}, None
            if rec.check == "not_allowed":
                params = {"allowed": ", ".join(col.allowed)}
                close = difflib.get_close_matches(str(cell).strip().lower(), col.allowed, n=1, cutoff=0.5)
                suggestion = ("did_you_mean", {"code": close[0]}) if close else None
            elif rec.check == "out_of_range":
                params = {"minimum": col.minimum if col.minimum is not None else "-∞",
                          "maximum": col.maximum if col.maximum is not None else "∞"}
            problems.append(Problem(sheet.label, where[0], where[1], str(cell), rec.check, params, suggestion))
    out["_file"] = sheet.label
    out["_row"] = rows[keep]
    return out.reset_index(drop=True), problems


# ---------------------------------------------------------------- across rows and tables

def _key_problems(frame: pd.DataFrame, table: Table, headers) -> list[Problem]:
    problems: list[Problem] = []
    key = list(table.key)
    complete = frame.dropna(subset=key)
    dup = complete.duplicated(subset=key, keep=False)
    if not dup.any():
        return problems
    data_cols = [c for c in table.names if c not in key]
    groups = complete[dup].groupby(key, sort=False, dropna=False)
    for key_values, group in groups:
        first = group.iloc[0]
        for _, row in group.iloc[1:].iterrows():
            first_row = (f"{first['_row']}" if first["_file"] == row["_file"]
                         else f"{first['_row']} ({first['_file']})")
            differing = next((c for c in data_cols if not _same(first[c], row[c])), None)
            if differing is None:
                problems.append(Problem(row["_file"], int(row["_row"]), _written(headers, row["_file"], key[-1]),
                                        str(row[key[-1]]), "duplicate_key", {"first_row": first_row},
                                        ("keep_one", {})))
            else:
                label = " / ".join(str(v) for v in (key_values if isinstance(key_values, tuple) else (key_values,)))
                problems.append(Problem(row["_file"], int(row["_row"]), _written(headers, row["_file"], differing),
                                        _fmt(row[differing]), "conflicting_key",
                                        {"key": label, "first_row": first_row}, ("keep_one", {})))
    return problems


def _same(a, b) -> bool:
    if a is None or (isinstance(a, float) and np.isnan(a)):
        return b is None or (isinstance(b, float) and np.isnan(b))
    return a == b


_LEADING_ZEROS = re.compile(r"(?<!\d)0+(?=\d)")
# Letters typed for the digits they look like (MOB0l for MOB01, 5935O for 59350).
_LOOKALIKES = str.maketrans({"o": "0", "l": "1", "i": "1"})


def _fold(code: str) -> str:
    return _LEADING_ZEROS.sub("", code.lower().translate(_LOOKALIKES))


def nearest_code(value: str, codes: list[str]) -> str | None:
    """The known code a typo most likely meant.

    Same code but for case, leading zeros (Excel drops them: 1001 for 01001,
    MOB4 for MOB04) or letters typed for lookalike digits (MOB0l) first; then
    difflib's closest, ties going to the longest common prefix, then to the
    smallest code.
    """
    if not value:
        return None
    folded = {}
    for code in codes:
        folded.setdefault(_fold(code), code)
    hit = folded.get(_fold(value))
    if hit:
        return hit
    close = difflib.get_close_matches(value, codes, n=5, cutoff=0.6)
    if not close:
        return None
    best = difflib.SequenceMatcher(None, value, close[0]).ratio()
    ties = [c for c in close if difflib.SequenceMatcher(None, value, c).ratio() >= best - 1e-9]
    return min(ties, key=lambda c: (-len(os.path.commonprefix([value, c])), c))


def _reference_problems(frame: pd.DataFrame, table: Table, known_codes: dict[str, set[str]], headers,
                        replaced: dict[str, str | None]) -> list[Problem]:
    problems: list[Problem] = []
    for col in table.columns:
        if not col.references or col.name not in frame:
            continue
        codes = known_codes[col.references]
        series = frame[col.name]
        if col.kind == CODES:
            exploded = series.dropna().str.split("|").explode().str.strip()
            bad_idx = exploded[~exploded.isin(codes) | (exploded == "")].index.unique()
            mask = frame.index.isin(bad_idx)
        else:
            mask = (series.notna() & ~series.isin(codes)).to_numpy()
        if not mask.any():
            continue
        suggestions: dict[str, tuple | None] = {}
        sorted_codes = sorted(codes)
        for idx in np.flatnonzero(mask):
            row = frame.iloc[idx]
            value = row[col.name]
            if value not in suggestions:
                probe = value.split("|")[0] if col.kind == CODES else value
                close = nearest_code(probe, sorted_codes) if len(sorted_codes) < 50000 else None
                suggestions[value] = ("did_you_mean", {"code": close}) if close else ("add_it", {"kind": col.references})
            problems.append(Problem(row["_file"], int(row["_row"]), _written(headers, row["_file"], col.name), value,
                                    "unknown_code", {"kind": col.references}, suggestions[value]))
    # Old territory codes are accepted; the user is told where the value goes.
    if table.name in ("observations", "targets") and "territory_id" in frame:
        old = frame["territory_id"].map(lambda c: replaced.get(c)).notna() if replaced else None
        if old is not None and old.any():
            for _, row in frame[old.to_numpy()].head(1000).iterrows():
                succ = replaced[row["territory_id"]]
                problems.append(Problem(row["_file"], int(row["_row"]), _written(headers, row["_file"], "territory_id"),
                                        row["territory_id"], "replaced_code",
                                        {"code": row["territory_id"], "successor": succ},
                                        ("attach_successor", {"successor": succ}), severity="notice"))
    return problems


def _value_problems(frame: pd.DataFrame, table: Table, units: dict[str, str], headers) -> list[Problem]:
    problems: list[Problem] = []
    percent = {i for i, u in units.items() if str(u).strip() in ("%", "pourcent", "percent", "procent", "% ")}
    value_cols = [c for c in ("value", "baseline_value", "target_value", "milestone_value") if c in frame]
    if percent and value_cols:
        is_pct = frame["indicator_id"].isin(percent).to_numpy()
        for c in value_cols:
            v = frame[c].to_numpy(dtype="float64", na_value=np.nan)
            bad = is_pct & np.isfinite(v) & ((v < 0) | (v > 100))
            for idx in np.flatnonzero(bad):
                row = frame.iloc[idx]
                problems.append(Problem(row["_file"], int(row["_row"]), _written(headers, row["_file"], c),
                                        _fmt(row[c]), "percent_over_100", {"indicator": row["indicator_id"]}))
    if table.name == "targets":
        base, target = frame["baseline_period"], frame["target_period"]
        bad = base.notna() & target.notna() & (target.astype(str) <= base.astype(str))
        for _, row in frame[bad.to_numpy()].iterrows():
            problems.append(Problem(row["_file"], int(row["_row"]), _written(headers, row["_file"], "target_period"),
                                    row["target_period"], "target_order"))
    if table.name == "flows":
        same = (frame["origin_id"] == frame["destination_id"]).fillna(False).to_numpy(dtype=bool)
        for _, row in frame[same].iterrows():
            problems.append(Problem(row["_file"], int(row["_row"]), _written(headers, row["_file"], "destination_id"),
                                    row["destination_id"], "same_origin_destination"))
    return problems


def _cycle_problems(frame: pd.DataFrame, column: str, stored: dict[str, str], headers) -> list[Problem]:
    """A territory that is its own parent or successor, directly or through others, is refused:
    following the links would never end."""
    links = {k: v for k, v in stored.items() if v}
    links.update({k: v for k, v in zip(frame["territory_id"], frame[column]) if k and v})
    problems = []
    for _, row in frame[frame[column].notna().to_numpy()].iterrows():
        start, path, code = row["territory_id"], [row["territory_id"]], links.get(row["territory_id"])
        while code is not None and code not in path and len(path) <= len(links):
            path.append(code)
            code = links.get(code)
        if code == start:
            problems.append(Problem(row["_file"], int(row["_row"]), _written(headers, row["_file"], column),
                                    row[column], "cycle", {"column": _written(headers, row["_file"], column),
                                                           "path": " → ".join(path + [start])}))
    return problems


def _fmt(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


# ---------------------------------------------------------------- entry point

def check(results: list[ReadResult], known: Known | None = None, expected_kind: str | None = None) -> Checked:
    """Validate every table read from the given files, all problems at once."""
    known = known or Known()
    problems: list[Problem] = []
    files: list[dict] = []
    parts: dict[str, list[pd.DataFrame]] = {}
    headers: dict[str, dict[str, str]] = {}
    empty: list[Problem] = []   # tables with a header and no row
    for result in results:
        problems.extend(result.problems)
        for sheet in result.sheets:
            kind, mapping = recognise(list(sheet.frame.columns))
            if sheet.sheet and sheet.sheet.strip().lower() in TABLES and kind != sheet.sheet.strip().lower():
                # A workbook's sheet named as a table is that table (DESIGN.md).
                named = sheet.sheet.strip().lower()
                kind, mapping = named, match_columns(TABLES[named], list(sheet.frame.columns))
            if kind is None and is_notes_sheet(sheet.sheet, list(sheet.frame.columns)):
                # The notes sheet of a downloaded template: uploaded back with its data sheet, it is skipped.
                problems.append(Problem(sheet.label, sheet.header_row, None, None, "notes_sheet_skipped",
                                        {"sheet": sheet.sheet}, severity="notice"))
                continue
            info = {**sheet.describe(), "kind": kind}
            files.append(info)
            if sheet.repeated:
                # Which of the repeated columns holds the data? Never guessed: the user says (a mapping
                # can pick one by its column letter) or renames the others.
                problems.extend(repeated_problems(sheet))
                continue
            found = ", ".join(map(str, sheet.frame.columns)) or "—"
            if kind is None:
                problems.append(Problem(sheet.label, sheet.header_row, None, None, "unknown_table",
                                        {"found": found, "expected": "indicator_id, territory_id, period, value"},
                                        ("rename_columns", {})))
                continue
            table = TABLES[kind]
            if expected_kind and kind != expected_kind:
                problems.append(Problem(sheet.label, sheet.header_row, None, None, "wrong_table",
                                        {"found_kind": kind, "expected_kind": expected_kind}))
                continue
            missing = [c for c in table.required if c not in mapping.values()]
            if missing:
                problems.append(Problem(sheet.label, sheet.header_row, None, None, "missing_columns",
                                        {"kind": kind, "missing": ", ".join(missing), "found": found},
                                        ("rename_columns", {})))
                continue
            if len(sheet.frame) == 0:
                empty.append(Problem(sheet.label, sheet.header_row, None, None, "no_rows"))
                continue
            headers[sheet.label] = {canonical: header for header, canonical in mapping.items()}
            ignored = [c for c in sheet.frame.columns if c not in mapping]
            info["ignored_columns"] = ignored
            if ignored:
                problems.append(Problem(sheet.label, sheet.header_row, None, None, "ignored_columns",
                                        {"columns": ", ".join(ignored)}, severity="notice"))
            frame, found_problems = _parse_sheet(sheet, table, mapping)
            problems.extend(found_problems)
            parts.setdefault(kind, []).append(frame)

    # An empty sheet beside filled ones (an export of a store without flows) is only a notice;
    # files with nothing to import at all are an error.
    problems.extend(replace(p, severity="notice") if parts else p for p in empty)
    tables = {kind: pd.concat(frames, ignore_index=True) for kind, frames in parts.items()}
    known_codes = {name: known.codes(name) for name in ("levels", "themes", "actions", "indicators", "territories")}
    units = dict(known.indicators)
    replaced = {k: v for k, v in known.territories.items() if v}
    for kind in ("levels", "themes", "actions", "indicators", "territories"):
        if kind in tables:
            ids = tables[kind][TABLES[kind].key[0]].dropna()
            known_codes[kind] = known_codes[kind] | set(ids)
    if "indicators" in tables:
        units.update(dict(zip(tables["indicators"]["indicator_id"], tables["indicators"]["unit"])))
    if "territories" in tables:
        t = tables["territories"]
        replaced.update({k: v for k, v in zip(t["territory_id"], t["replaced_by"]) if v})
    if "territories" in tables:
        problems.extend(_cycle_problems(tables["territories"], "replaced_by", replaced, headers))
        problems.extend(_cycle_problems(tables["territories"], "parent_id", {}, headers))
    for kind, frame in tables.items():
        table = TABLES[kind]
        problems.extend(_key_problems(frame, table, headers))
        problems.extend(_reference_problems(frame, table, known_codes, headers, replaced))
        problems.extend(_value_problems(frame, table, units, headers))
    problems.sort(key=lambda p: (p.file, p.row or 0, p.column or ""))
    return Checked(files=files, tables=tables, problems=problems, headers=headers)


def rows_with_errors(checked: Checked) -> set[tuple[str, int]]:
    return {(p.file, p.row) for p in errors(checked.problems) if p.row is not None}


def drop_rows(checked: Checked, rows: set[tuple[str, int]]) -> dict[str, pd.DataFrame]:
    """The tables without the given (file, row) pairs: for importing the good rows only."""
    out = {}
    for kind, frame in checked.tables.items():
        keys = list(zip(frame["_file"], frame["_row"]))
        keep = np.array([k not in rows for k in keys], dtype=bool)
        out[kind] = frame[keep].reset_index(drop=True)
    return out
