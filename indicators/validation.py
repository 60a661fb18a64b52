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

from .downloads import formula_mask
from .parsing import parse_dates, parse_numbers, parse_periods, restore_text
from .problems import Problem, capped, errors, problem_rows_of
from .reading import ReadResult, Sheet, repeated_problems
from . import limits
from .templates import is_notes_sheet
from .schema import CODE, CODE_LENGTH, CODES, DATE, FLAGS, TEXT_LENGTH, INTEGER, NUMBER, PERIOD, TABLES, Table, match_columns, recognise

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
        # Text columns are built here as Python objects, or checked as categories (_parse_sheet): no dtype to hold them to.
        dtype = float if col.kind in (NUMBER, INTEGER) else None
        columns[col.name] = pa.Column(dtype, checks=checks, nullable=True, required=False, coerce=False)
    return pa.DataFrameSchema(columns, strict=False)


def _text_values(col, cells: pd.Series) -> tuple[pd.Series, list[tuple[np.ndarray, str, dict | None]]]:
    """A text or code column's values (None where empty) and its problems, as (mask, code, params)."""
    found: list[tuple[np.ndarray, str, dict | None]] = []
    stripped = cells.str.strip()
    if col.kind == CODES:
        found.append((formula_mask(stripped).to_numpy(dtype=bool), "formula_code", None))
        return stripped.where(stripped != "", None).astype("object"), found
    if col.allowed:  # enumerations are case-insensitive
        upper = all(a.isupper() for a in col.allowed)
        stripped = stripped.str.upper() if upper else stripped.str.lower()
    if col.kind == CODE or col.name == "color":
        # Codes and colours are never formulas: refused here rather than guarded in every export.
        found.append((formula_mask(stripped).to_numpy(dtype=bool), "formula_code", None))
    value = stripped if col.kind == CODE else restore_text(cells.str.strip())
    if col.pattern:
        value = value.str.upper() if col.upper else value.str.lower()
        wrong = ((value != "") & ~value.str.match(col.pattern).fillna(False)).to_numpy(dtype=bool)
        found.append((wrong, col.pattern_problem, {"known": ", ".join(FLAGS)}))
        value = value.where(~wrong, "")
    return value.where(value != "", None).astype("object"), found


def _parse_sheet(sheet: Sheet, table: Table, mapping: dict[str, str]) -> tuple[pd.DataFrame, list[Problem]]:
    problems: list[Problem] = []
    raw = sheet.frame
    out = pd.DataFrame(index=raw.index)
    categories: dict[str, pd.Categorical] = {}   # the columns of few distinct values, for the schema checks
    written = {canonical: header for header, canonical in mapping.items()}
    rows = sheet.rows

    def add(mask, column: str, code: str, values: pd.Series, suggestion=None, params=None):
        # `values` stays a Series, read at the few positions that fail: turning a million Arrow
        # strings into a numpy array for each check cost 0.75 s of a 4 s validation (profiled).
        at = np.flatnonzero(np.asarray(mask, dtype=bool))
        if not len(at):
            return
        where = written.get(column, column)
        problems.extend(capped(sheet.label, where, code, rows[at], lambda i: Problem(
            sheet.label, int(rows[at[i]]), where, str(values.iat[at[i]]), code, dict(params or {}), suggestion)))

    for col in table.columns:
        if col.name not in written:
            out[col.name] = None
            continue
        cells = raw[written[col.name]].astype("str")
        # What one database refuses, every one refuses here, before any write: NUL characters
        # (PostgreSQL) and codes longer than their column (PostgreSQL; SQLite would take them).
        nul = cells.str.contains("\x00", regex=False).to_numpy(dtype=bool)
        if nul.any():
            add(nul, col.name, "nul_byte", cells.str.replace("\x00", "\\0", regex=False))
        cells = cells.where(~nul, "")
        longest = CODE_LENGTH if col.kind == CODE else TEXT_LENGTH
        lengths = cells.str.len().to_numpy()
        too_long = lengths > longest
        if too_long.any():   # the spaces around a cell do not count: strip only when it matters (0.1 s)
            lengths = cells.str.strip().str.len().to_numpy()
            too_long = lengths > longest
        if too_long.any():
            at = np.flatnonzero(too_long)
            problems.extend(capped(sheet.label, written[col.name], "too_long", rows[at], lambda i: Problem(
                sheet.label, int(rows[at[i]]), written[col.name], cells.iat[at[i]][:80] + "…", "too_long",
                {"length": int(lengths[at[i]]), "limit": longest})))
            cells = cells.where(~too_long, "")
        if col.kind in (NUMBER, INTEGER):
            values, flags, codes = parse_numbers(cells, sheet.decimal)
            text = cells
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
            add(bad.to_numpy(), col.name, "bad_period", cells, ("write_period", {}))
            add(outside.to_numpy(), col.name, "period_out_of_range", cells, None,
                {"minimum": limits.get("MIN_YEAR"), "maximum": limits.get("MAX_YEAR")})
            out[col.name] = periods
        elif col.kind == DATE:
            days, bad = parse_dates(cells)
            add(bad.to_numpy(), col.name, "bad_date", cells, ("write_date", {}))
            out[col.name] = days
        else:
            # Text and codes are pure functions of each cell: a column repeating a few codes (territories,
            # indicators over a million rows) is read once per distinct cell and spread back by position.
            positions, distinct = pd.factorize(cells, use_na_sentinel=False)
            few = len(distinct) * 4 < len(cells)
            value, found = _text_values(col, pd.Series(distinct, dtype=cells.dtype) if few else cells)
            for mask, code, params in found:
                add(mask[positions] if few else mask, col.name, code, cells, None, params)
            out[col.name] = (pd.Series(value.to_numpy()[positions], index=raw.index, dtype="object") if few
                             else value)
            if few:
                codes, names = pd.factorize(value.to_numpy())   # None (an empty cell) is code -1
                categories[col.name] = pd.Categorical.from_codes(codes[positions], names)
    if "_value_flag" in out:
        has = out["_value_flag"].notna() & out["flag"].isna()
        out.loc[has, "flag"] = out.loc[has, "_value_flag"]
        out = out.drop(columns="_value_flag")
    keep = np.ones(len(out), dtype=bool)
    if table.name in NO_VALUE_TABLES and "value" in written:
        # DESIGN.md: a row whose value is empty, `:`, `..`, `NA`… (a flag may follow, `: c`) is not an
        # error and is not stored; it leaves a stored value untouched. One notice counts them.
        failed = [r for p in problems if p.column == written["value"] for r in problem_rows_of(p)]
        no_value = np.isnan(out["value"].to_numpy(dtype="float64", na_value=np.nan))
        no_value &= ~np.isin(rows, np.asarray(failed, dtype=np.int64))
        if no_value.any():
            keep = ~no_value
            shown = ", ".join(str(int(r)) for r in rows[no_value][:10]) + (" …" if no_value.sum() > 10 else "")
            problems.append(Problem(sheet.label, None, written["value"], None, "no_value_rows",
                                    {"count": int(no_value.sum()), "rows": shown}, severity="notice"))
            out = out[keep]

    # Column checks derived from the schema, run by pandera (lazy: every failure at once). A column of
    # few distinct codes is checked as categories: "required" and "allowed" then look at integer codes,
    # where over Python strings they cost 20 ms a column a million rows (0.12 s of an import, profiled).
    checked = out.assign(**{name: cat[keep] for name, cat in categories.items()}) if categories else out
    try:
        # inplace: no coercion is asked, so nothing changes; without it pandera copies the whole table first.
        _frame_schema(table).validate(checked, lazy=True, inplace=True)
    except pa.errors.SchemaErrors as exc:
        problems.extend(_schema_problems(exc.failure_cases, sheet, table, written, rows, problems))
    out["_file"] = sheet.label
    out["_row"] = rows[keep]
    return out.reset_index(drop=True), problems


def _schema_problems(fc: pd.DataFrame, sheet: Sheet, table: Table, written: dict, rows, found: list[Problem]):
    """pandera's failure cases as problems, skipping cells that already have their own (not a number)."""
    failed: dict[str | None, list[int]] = {}
    for p in found:
        failed.setdefault(p.column, []).extend(problem_rows_of(p))
    fc = fc[fc["index"].notna()]
    problems: list[Problem] = []
    for (name, check), group in fc.groupby(["column", "check"], sort=False):
        col = table.column(name)
        where = written.get(col.name, col.name)
        at = group["index"].to_numpy(dtype=np.int64)
        at = at[~np.isin(rows[at], np.asarray(failed.get(where, []), dtype=np.int64))]
        cells = sheet.frame[written[col.name]] if col.name in written else None
        params = {}
        if check == "out_of_range":
            params = {"minimum": col.minimum if col.minimum is not None else "-∞",
                      "maximum": col.maximum if col.maximum is not None else "∞"}
        elif check == "not_allowed":
            params = {"allowed": ", ".join(col.allowed)}

        def make(i, at=at, cells=cells, col=col, where=where, check=check, params=params):
            cell = str(cells.iat[at[i]]) if cells is not None else ""
            suggestion = None
            if check == "not_allowed":
                close = difflib.get_close_matches(cell.strip().lower(), col.allowed, n=1, cutoff=0.5)
                suggestion = ("did_you_mean", {"code": close[0]}) if close else None
            return Problem(sheet.label, int(rows[at[i]]), where, cell, check, dict(params), suggestion)

        problems.extend(capped(sheet.label, where, check, rows[at], make))
    return problems


# ---------------------------------------------------------------- across rows and tables

def _per_file(frame: pd.DataFrame, at, column: str | None, code: str, make, headers,
              severity: str = "error") -> list[Problem]:
    """Problems at the frame positions `at` (a table gathers several files), capped per file:
    `make(position, file, column_as_written)` builds one."""
    at = np.asarray(at, dtype=np.int64)
    if not len(at):
        return []
    files = frame["_file"].to_numpy()[at]
    file_rows = frame["_row"].to_numpy()[at]
    problems: list[Problem] = []
    for file in pd.unique(files):
        mine = files == file
        where = _written(headers, file, column) if column else None
        positions = at[mine]
        problems.extend(capped(file, where, code, file_rows[mine],
                               lambda i, positions=positions, file=file, where=where: make(positions[i], file, where),
                               severity=severity))
    return problems


def _key_problems(frame: pd.DataFrame, table: Table, headers) -> list[Problem]:
    """Later rows repeating a key: the same data (a duplicate) or other data (a conflict)."""
    key = list(table.key)
    # Most files repeat no key, and one pass over the whole table says so (dropping the rows with a
    # missing key first copies the table: 0.13 s a million rows). Dropping rows can only remove
    # duplicates; a version column's empty cell is not a plain value (below), so those tables take the long way.
    if not table.version and not frame.duplicated(subset=key).any():
        return []
    complete = frame.dropna(subset=key)
    # Successive versions (a target decided in 2021, revised in 2024) share the key: they are told
    # apart by their version columns, an empty one being a version of its own.
    versions = [f"_version_{c}" for c in table.version if c in complete]
    if versions:
        complete = complete.assign(**{f"_version_{c}": complete[c].fillna("") for c in table.version
                                      if c in complete})
    dup = complete.duplicated(subset=key + versions, keep="first").to_numpy()
    if not dup.any():
        return []
    positions = np.flatnonzero(frame.index.isin(complete.index))
    group = complete.groupby(key + versions, sort=False, dropna=False).ngroup().to_numpy()
    first = pd.Series(np.arange(len(complete))).groupby(group).transform("min").to_numpy()
    data_cols = [c for c in table.names if c not in key]
    # The first column whose value differs from the key's first row (-1: none, a plain duplicate).
    differing = np.full(len(complete), -1)
    for j in reversed(range(len(data_cols))):
        values = complete[data_cols[j]].to_numpy()
        differs = ~_same_arrays(values, values[first])
        differing = np.where(differs, j, differing)
    later = np.flatnonzero(dup)

    def describe(p_local: int) -> tuple[pd.Series, str]:
        row = complete.iloc[p_local]
        head = complete.iloc[first[p_local]]
        first_row = f"{head['_row']}" if head["_file"] == row["_file"] else f"{head['_row']} ({head['_file']})"
        return row, first_row

    problems: list[Problem] = []
    plain = later[differing[later] < 0]

    def make_dup(pos, file, where):
        local = int(np.searchsorted(positions, pos))
        row, first_row = describe(local)
        return Problem(file, int(row["_row"]), where, str(row[key[-1]]), "duplicate_key",
                       {"first_row": first_row}, ("keep_one", {}))

    problems.extend(_per_file(frame, positions[plain], key[-1], "duplicate_key", make_dup, headers))
    for j, name in enumerate(data_cols):
        conflict = later[differing[later] == j]

        def make_conflict(pos, file, where, name=name):
            local = int(np.searchsorted(positions, pos))
            row, first_row = describe(local)
            label = " / ".join(str(row[k]) for k in key)
            return Problem(file, int(row["_row"]), where, _fmt(row[name]), "conflicting_key",
                           {"key": label, "first_row": first_row}, ("keep_one", {}))

        problems.extend(_per_file(frame, positions[conflict], name, "conflicting_key", make_conflict, headers))
    return problems


def _same_arrays(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Element-wise `_same`: equal, or both empty."""
    empty_a, empty_b = pd.isna(a), pd.isna(b)
    with np.errstate(invalid="ignore"):
        equal = np.asarray(a == b, dtype=bool)
    return (empty_a & empty_b) | (~empty_a & ~empty_b & equal)


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
            mask = ~series.isin(codes).to_numpy()
            if mask.any():   # an empty cell is not an unknown code (finding them costs 40 ms a million: only when needed)
                mask &= series.notna().to_numpy()
        if not mask.any():
            continue
        suggestions: dict[str, tuple | None] = {}
        sorted_codes = sorted(codes)
        values = series.to_numpy()

        def make(pos, file, where, col=col, values=values, suggestions=suggestions, sorted_codes=sorted_codes):
            value = values[pos]
            if value not in suggestions:
                probe = value.split("|")[0] if col.kind == CODES else value
                close = nearest_code(probe, sorted_codes) if len(sorted_codes) < 50000 else None
                suggestions[value] = ("did_you_mean", {"code": close}) if close else ("add_it", {"kind": col.references})
            return Problem(file, int(frame["_row"].iat[pos]), where, value, "unknown_code",
                           {"kind": col.references}, suggestions[value])

        problems.extend(_per_file(frame, np.flatnonzero(mask), col.name, "unknown_code", make, headers))
    # Old territory codes are accepted; the user is told where the value goes.
    if table.name in ("observations", "targets") and "territory_id" in frame:
        old = frame["territory_id"].map(lambda c: replaced.get(c)).notna() if replaced else None
        if old is not None and old.any():
            codes = frame["territory_id"].to_numpy()

            def successor(pos, file, where):
                code = codes[pos]
                return Problem(file, int(frame["_row"].iat[pos]), where, code, "replaced_code",
                               {"code": code, "successor": replaced[code]},
                               ("attach_successor", {"successor": replaced[code]}), severity="notice")

            problems.extend(_per_file(frame, np.flatnonzero(old.to_numpy()), "territory_id", "replaced_code",
                                      successor, headers, severity="notice"))
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

            def over(pos, file, where, c=c, v=v):
                return Problem(file, int(frame["_row"].iat[pos]), where, _fmt(v[pos]), "percent_over_100",
                               {"indicator": frame["indicator_id"].iat[pos]})

            problems.extend(_per_file(frame, np.flatnonzero(bad), c, "percent_over_100", over, headers))
    if table.name == "targets":
        base, target = frame["baseline_period"], frame["target_period"]
        bad = base.notna() & target.notna() & (target.astype(str) <= base.astype(str))
        problems.extend(_per_file(frame, np.flatnonzero(bad.to_numpy()), "target_period", "target_order",
                                  lambda pos, file, where: Problem(file, int(frame["_row"].iat[pos]), where,
                                                                   frame["target_period"].iat[pos], "target_order"),
                                  headers))
    if table.name == "flows":
        same = (frame["origin_id"] == frame["destination_id"]).fillna(False).to_numpy(dtype=bool)
        problems.extend(_per_file(frame, np.flatnonzero(same), "destination_id", "same_origin_destination",
                                  lambda pos, file, where: Problem(file, int(frame["_row"].iat[pos]), where,
                                                                   frame["destination_id"].iat[pos],
                                                                   "same_origin_destination"),
                                  headers))
    return problems


def _cycle_problems(frame: pd.DataFrame, column: str, stored: dict[str, str], headers) -> list[Problem]:
    """A territory that is its own parent or successor, directly or through others, is refused:
    following the links would never end."""
    links = {k: v for k, v in stored.items() if v}
    links.update({k: v for k, v in zip(frame["territory_id"], frame[column]) if k and v})
    cycles = _cycles(links)
    ids = frame["territory_id"].to_numpy()
    at = np.flatnonzero(frame[column].notna().to_numpy() & frame["territory_id"].isin(cycles).to_numpy())

    def make(pos, file, where):
        start = ids[pos]
        cycle = cycles[start]
        i = cycle.index(start)
        path = cycle[i:] + cycle[:i] + [start]
        return Problem(file, int(frame["_row"].iat[pos]), where, frame[column].iat[pos], "cycle",
                       {"column": where, "path": " → ".join(path)})

    return _per_file(frame, at, column, "cycle", make, headers)


def _cycles(links: dict[str, str]) -> dict[str, list[str]]:
    """Each code on a loop of `links` (one link per code), with its loop; one walk over all codes,
    so a chain of a million parents costs a million steps, not a million squared."""
    done: set[str] = set()
    found: dict[str, list[str]] = {}
    for start in links:
        path: list[str] = []
        index: dict[str, int] = {}
        node = start
        while node is not None and node not in done and node not in index:
            index[node] = len(path)
            path.append(node)
            node = links.get(node)
        if node in index:   # the walk came back onto itself: a loop
            loop = path[index[node]:]
            for code in loop:
                found[code] = loop
        done.update(path)
    return found


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


def rows_with_errors(checked: Checked) -> dict[str, np.ndarray]:
    """Per file, the spreadsheet rows that hold an error (the counted ones of `more_same` included)."""
    rows: dict[str, list[int]] = {}
    for p in errors(checked.problems):
        rows.setdefault(p.file, []).extend(problem_rows_of(p))
    return {file: np.unique(np.asarray(found, dtype=np.int64)) for file, found in rows.items()}


def drop_rows(checked: Checked, rows: dict[str, np.ndarray]) -> dict[str, pd.DataFrame]:
    """The tables without the given rows of each file: for importing the good rows only."""
    out = {}
    for kind, frame in checked.tables.items():
        keep = np.ones(len(frame), dtype=bool)
        for file, bad in rows.items():
            keep &= ~((frame["_file"] == file).to_numpy() & np.isin(frame["_row"].to_numpy(), bad))
        out[kind] = frame[keep].reset_index(drop=True)
    return out
