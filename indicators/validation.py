"""Checking read tables against the schema and against each other.

Each sheet is parsed here, column by column: numbers, periods, dates, codes and text, then its rows
are checked (sheet_checks: required cells, allowed values, ranges, milestones). The checks across
rows and tables (repeated keys, unknown codes, units, loops) live in cross_checks. Every problem found
is reported, with the file, spreadsheet row, column as written, value and a suggestion.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

import numpy as np
import pandas as pd
import pandera.pandas as pa

from .cross_checks import (UNIT_CELLS, case_problems, cycle_problems, future_problems, key_problems, partner_problems,
                           reference_problems, replaced_links, stored_value_problems, unit_column_problems,
                           update_partner_problems, value_problems, year_order_problems)
from .downloads import formula_mask
from .mappings.layouts import foreign_layout, sdmx_columns
from .below_table import rows_below_table
from .parsing import (lost_groups, month_cells, normal_flag, parse_dates, parse_numbers, parse_periods,
                      restore_text, single_byte, unit_sign, wrong_signs)
from .problems import Problem, capped, errors, name_shown, names_cut, names_listed, read_notice, rows_of
from .reading import ReadResult, Sheet
from .reading_header import column_letter, repeated_problems
from .sheet_checks import milestone_problems, required_problems, schema_problems
from .spreadsheet_errors import column_errors
from . import limits
from .templates import is_notes_sheet, leave_out_examples
from .schema import (CODE, CODE_LENGTH, CODES, DATE, FLAGS, TEXT_LENGTH, INTEGER, NUMBER, PERIOD, TABLES, Table,
                     alias_map, match_columns, normalise_header, recognise)

META = ("_file", "_row")  # where each row came from
NO_VALUE_TABLES = ("observations", "flows")   # tables whose rows without a value are skipped, not refused


@dataclass
class Known:
    """Codes the store already holds (the framework the new files refer to)."""

    levels: set[str] = field(default_factory=set)
    themes: set[str] = field(default_factory=set)
    actions: set[str] = field(default_factory=set)
    indicators: dict[str, str] = field(default_factory=dict)   # indicator_id -> unit
    unit_spellings: dict[str, tuple] = field(default_factory=dict)   # indicator_id -> its unit_fr/nl/en
    territories: dict[str, str | None] = field(default_factory=dict)  # territory_id -> replaced_by
    parents: dict[str, str | None] = field(default_factory=dict)      # territory_id -> parent_id
    partners: set[str] = field(default_factory=set)
    # (indicator ids, low, high) -> the stored values of those indicators outside [low, high], as
    # (table, indicator, territory, period, column, value) (store.stored_outside); None: nothing stored.
    stored_outside: Callable | None = field(default=None, compare=False, repr=False)

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
        # Text columns are Python objects here, or checked as categories (_parse_sheet): no dtype to hold.
        dtype = float if col.kind in (NUMBER, INTEGER) else None
        columns[col.name] = pa.Column(dtype, checks=checks, nullable=True, required=False, coerce=False)
    return pa.DataFrameSchema(columns, strict=False)


def _text_values(col, cells: pd.Series) -> tuple[pd.Series, list[tuple[np.ndarray, str, dict | None]]]:
    """A text or code column's values (None where empty) and its problems, as (mask, code, params)."""
    found: list[tuple[np.ndarray, str, dict | None]] = []
    stripped = cells.str.strip()
    # A code written `=I1` is one problem, formula-like: read as no code, never also an unknown one with a
    # "nearest" (I1), a value outside the allowed ones or a bad pattern.
    if col.kind == CODES:
        formula = formula_mask(stripped).to_numpy(dtype=bool)
        found.append((formula, "formula_code", None))
        return stripped.where((stripped != "") & ~formula, None).astype("object"), found
    if col.allowed:  # enumerations are case-insensitive
        upper = all(a.isupper() for a in col.allowed)
        stripped = stripped.str.upper() if upper else stripped.str.lower()
    formula = None
    if col.kind == CODE or col.name == "color":
        # Codes and colours are never formulas: refused here rather than guarded in every export.
        formula = formula_mask(stripped).to_numpy(dtype=bool)
        found.append((formula, "formula_code", None))
    value = stripped if col.kind == CODE else restore_text(cells.str.strip())
    if formula is not None and formula.any():
        value = value.where(~formula, "")
    if col.pattern:
        value = value.str.upper() if col.upper else value.str.lower()
        wrong = ((value != "") & ~value.str.match(col.pattern).fillna(False)).to_numpy(dtype=bool)
        found.append((wrong, col.pattern_problem, {"known": ", ".join(FLAGS)}))
        value = value.where(~wrong, "")
        if col.pattern_problem == "bad_flag":   # `pp` is `p`, `pe` is `ep`: one stored flag per set of letters
            value = value.map(lambda v: normal_flag(v) or "")
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
        if sheet.nul_cells:
            nul = cells.str.contains("\x00", regex=False).to_numpy(dtype=bool)
            if nul.any():
                add(nul, col.name, "nul_byte", cells.str.replace("\x00", "\\0", regex=False))
                cells = cells.where(~nul, "")
        longest = CODE_LENGTH if col.kind == CODE else TEXT_LENGTH
        if sheet.longest_cell is not None and sheet.longest_cell <= longest:
            too_long = np.zeros(len(cells), dtype=bool)   # no line of the file is that long
        else:
            too_long = cells.str.len().to_numpy() > longest
        if too_long.any():   # the spaces around a cell do not count: strip only when it matters (0.1 s)
            lengths = cells.str.strip().str.len().to_numpy()
            too_long = lengths > longest
        if too_long.any():
            at = np.flatnonzero(too_long)
            problems.extend(capped(sheet.label, written[col.name], "too_long", rows[at], lambda i: Problem(
                sheet.label, int(rows[at[i]]), written[col.name], cells.iat[at[i]][:80] + "…", "too_long",
                {"length": int(lengths[at[i]]), "limit": longest})))
            cells = cells.where(~too_long, "")
        # #N/A, #DIV/0!, #VALEUR!: a formula that broke, said as such (spreadsheet_errors)
        cells, said = column_errors(sheet, col, written[col.name], cells, table.name in NO_VALUE_TABLES)
        problems.extend(said)
        if col.kind in (NUMBER, INTEGER):
            text = cells
            repaired, lost = lost_groups(cells)
            if lost.any() and single_byte(sheet.encoding, raw):   # `236?710`: Windows-1252 lost a thousands space
                cells = repaired
                problems.extend(read_notice(sheet, written[col.name], "lost_thousands_read", lost, text,
                                            lambda at: parse_numbers(cells.iloc[at:at + 1], sheet.decimal)[0][0]))
            # `12,5 %`: read where the rows name an indicator, whose unit says if the sign fits (_unit_signs).
            values, flags, codes = parse_numbers(cells, sheet.decimal, units="indicator_id" in table.names)
            # Compared only with the codes present: five comparisons over a million objects of a column
            # read without fault cost 0.04 s (profiled).
            present = set(codes.dropna().unique())
            if "unit_sign" in present:
                signed = (codes == "unit_sign").to_numpy()
                out[f"_sign_{col.name}"] = np.where(signed, cells.to_numpy(dtype=object), None)
            for code in ("not_a_number", "formula_error", "too_large", "too_small", "bad_flag"):
                if code not in present:
                    continue
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
            elif flags.notna().any():   # a flag where none is kept (a target's `100 p`): said, not dropped unsaid
                problems.extend(read_notice(sheet, written[col.name], "flag_not_kept", flags.notna().to_numpy(), text,
                                            lambda at: float(values[at])))
        elif col.kind == PERIOD:
            periods, bad, outside = parse_periods(cells)
            add(bad.to_numpy(), col.name, "bad_period", cells, ("write_period", {}))   # a day: period_hint
            problems.extend(read_notice(sheet, written[col.name], "months_read", month_cells(cells), cells,
                                        lambda at: periods.iat[at]))   # `mars-24`: Excel's month, said
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
        # `12,5 p` in a row whose flag column says `e`: both were written, neither is dropped (`ep`).
        has = out["_value_flag"].notna().to_numpy()
        if has.any():
            out.loc[has, "flag"] = [normal_flag(column, after) for column, after
                                    in zip(out.loc[has, "flag"], out.loc[has, "_value_flag"])]
        out = out.drop(columns="_value_flag")
    keep = np.ones(len(out), dtype=bool)
    if table.name in NO_VALUE_TABLES and "value" in written:
        # DESIGN.md: a row whose value is empty, `:`, `..`, `NA`… (a flag may follow, `: c`) is not an
        # error and is not stored; it leaves a stored value untouched. One notice counts them.
        failed = rows_of([p for p in problems if p.column == written["value"]])   # numbers, not a Python int a row
        no_value = np.isnan(out["value"].to_numpy(dtype="float64", na_value=np.nan))
        no_value &= ~np.isin(rows, failed)
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
        problems.extend(schema_problems(exc.failure_cases, sheet, table, written, rows, problems))
    problems.extend(required_problems(checked, sheet, table, written, rows, problems))
    if table.name == "targets":
        problems.extend(milestone_problems(out, sheet, written, rows, problems))
    # One category: a million copies of the file's name as Arrow strings cost 0.02-0.09 s.
    out["_file"] = pd.Categorical.from_codes(np.zeros(len(out), dtype=np.int8), [sheet.label])
    out["_row"] = rows[keep]
    return out.reset_index(drop=True), problems


# ---------------------------------------------------------------- entry point

def check(results: list[ReadResult], known: Known | None = None, expected_kind: str | None = None) -> Checked:
    """Validate every table read from the given files, all problems at once."""
    known = known or Known()
    problems: list[Problem] = []
    files: list[dict] = []
    parts: dict[str, list[pd.DataFrame]] = {}
    headers: dict[str, dict[str, str]] = {}
    decimals: dict[str, str] = {}    # file label -> its decimal mark, to say numbers as the file writes them
    read: dict[str, Sheet] = {}      # file label -> its sheet, to show a cell as written (_as_written)
    empty: list[Problem] = []   # tables with a header and no row
    for result in results:
        problems.extend(result.problems)
        for sheet in result.sheets:
            kind, mapping = recognise(list(sheet.frame.columns))
            if sheet.sheet and sheet.sheet.strip().lower() in TABLES and kind != sheet.sheet.strip().lower():
                # A workbook's sheet named as a table is that table (DESIGN.md).
                named = sheet.sheet.strip().lower()
                kind, mapping = named, match_columns(TABLES[named], list(sheet.frame.columns))
            elif kind is not None and not set(TABLES[kind].required) <= set(mapping.values()) and (
                    sdmx_columns(list(sheet.frame.columns)) is not None or (
                        foreign_layout(list(sheet.frame.columns)) and set(mapping.values()) <= set(TABLES[kind].key))):
                # SDMX-CSV's `unit` column makes no indicators table, nor does INSEE's CODGEO or Statbel's NIS code
                # alone make a territories table that lacks its names: a foreign layout, which matches no table
                # and is read with a mapping (said as such, not as a broken territories file).
                kind, mapping = None, {}
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
            found = names_listed(sheet.frame.columns) or "—"
            # Which of the columns listed had an empty header (said "colonne E"), as the reader knew it:
            # a header written `column E` is said as written.
            unnamed = sheet.unnamed_letters()
            if kind is None:
                layout = foreign_layout(list(sheet.frame.columns))   # Eurostat, Statbel…: read with a mapping
                problems.append(Problem(sheet.label, sheet.header_row, None, None, "unknown_table",
                                        {"found": found, "expected": "indicator_id, territory_id, period, value"},
                                        ("mapped_layout", {"layout": layout}) if layout else ("rename_columns", {}),
                                        unnamed=unnamed))
                continue
            table = TABLES[kind]
            if expected_kind and kind != expected_kind:
                problems.append(Problem(sheet.label, sheet.header_row, None, None, "wrong_table",
                                        {"found_kind": kind, "expected_kind": expected_kind}))
                continue
            missing = [c for c in table.required if c not in mapping.values()]
            if missing:
                # A Statbel or INSEE file names its territories by code only: taken for a territories table
                # that lacks the names, it is data by territory, read with a mapping. A table naming more of
                # its columns (a country, a kind) is a territories table lacking one: renamed, not mapped.
                layout = foreign_layout(list(sheet.frame.columns)) if "name_fr" in missing and set(
                    mapping.values()) <= set(table.key) else None
                problems.append(Problem(sheet.label, sheet.header_row, None, None, "missing_columns",
                                        {"kind": kind, "missing": ", ".join(missing), "found": found},
                                        ("mapped_layout", {"layout": layout}) if layout else ("rename_columns", {}),
                                        unnamed=unnamed))
                continue
            sheet, below = rows_below_table(sheet, table, mapping)   # a total, notes under the table
            problems.extend(below)
            info["rows"] = int(len(sheet.frame))   # the rows read as the table: those below are not
            if len(sheet.frame) == 0:
                empty.append(Problem(sheet.label, sheet.header_row, None, None, "no_rows"))
                continue
            # two headers that name one number, period or date (`value` and `valeur`): which to read is
            # not ours to guess. A code's second header is its label (`level_id` beside `Niveau`, as our
            # downloads write them) and rides along.
            aliases = alias_map(table)
            valued = {c.name for c in table.columns if c.kind in (NUMBER, INTEGER, PERIOD, DATE)}
            twice = {canonical: [h for h in sheet.frame.columns if aliases.get(normalise_header(h)) == canonical]
                     for canonical in set(mapping.values()) & valued}
            twice = {c: hs for c, hs in twice.items() if len(hs) > 1}
            if twice:
                # The letters of the spreadsheet (Sheet.positions), not of the frame: a blank column left out
                # before them moves no letter.
                position = {h: column_letter(p) for h, p in zip(sheet.frame.columns, sheet.positions)}
                problems.extend(Problem(sheet.label, sheet.header_row, c, " / ".join(hs), "repeated_header",
                                        {"column": c, "count": len(hs), "positions": ", ".join(position[h] for h in hs)})
                                for c, hs in twice.items())
                continue
            headers[sheet.label] = {canonical: header for header, canonical in mapping.items()}
            decimals[sheet.label] = sheet.decimal
            read[sheet.label] = sheet
            ignored = [c for c in sheet.frame.columns if c not in mapping]
            # Not stored, but read and checked, so not ignored: a second code column (a row where it
            # differs is refused) and a unit column (judged against the row's indicator's unit).
            conflicts, compared = _code_conflicts(sheet, table, mapping, ignored)
            checked = {*compared, _unit_column(table, ignored)}
            listed = [c for c in ignored if c not in checked]
            info["ignored_columns"] = [name_shown(c) for c in listed]
            if listed:
                problems.append(Problem(sheet.label, sheet.header_row, None, None, "ignored_columns",
                                        {"columns": names_listed(listed)}, severity="notice", unnamed=unnamed))
            problems.extend(conflicts)
            frame, found_problems = _parse_sheet(sheet, table, mapping)
            problems.extend(_merged_said(found_problems, sheet) if sheet.merged else found_problems)
            # A template's example row, left in or filled below: never stored (templates.leave_out_examples).
            frame, examples = leave_out_examples(frame, table, mapping.values(), sheet.label, headers[sheet.label])
            if examples and not len(frame) and not errors(found_problems):
                empty.append(Problem(sheet.label, examples[0].row, None, None, "only_template_example",
                                     {"row": examples[0].row}))
                continue
            problems.extend(examples)
            frame = _unit_cells(frame, sheet, table, ignored, headers[sheet.label])
            parts.setdefault(kind, []).append(frame)

    # An empty sheet beside filled ones (an export of a store without flows) is only a notice;
    # files with nothing to import at all are an error.
    problems.extend(replace(p, severity="notice") if parts else p for p in empty)
    tables = {kind: pd.concat(frames, ignore_index=True) for kind, frames in parts.items()}
    known_codes = {name: known.codes(name) for name in ("levels", "themes", "actions", "indicators", "territories")}
    units = dict(known.indicators)
    replaced = replaced_links(known.territories, tables.get("territories"))
    for kind in ("levels", "themes", "actions", "indicators", "territories"):
        if kind in tables:
            ids = tables[kind][TABLES[kind].key[0]].dropna()
            known_codes[kind] = known_codes[kind] | set(ids)
    spellings = dict(known.unit_spellings)
    if "indicators" in tables:
        units.update(dict(zip(tables["indicators"]["indicator_id"], tables["indicators"]["unit"])))
        own = tables["indicators"]
        spellings.update({i: tuple(own[c].iat[k] for c in ("unit_fr", "unit_nl", "unit_en") if c in own)
                          for k, i in enumerate(own["indicator_id"])})
    if "territories" in tables:
        problems.extend(cycle_problems(tables["territories"], "replaced_by", replaced, headers))
        # The stored parents too, as the successors above: a loop may close across two imports.
        problems.extend(cycle_problems(tables["territories"], "parent_id", known.parents, headers))
    # A code created beside a stored one that differs only by case (fre11 beside FRE11), or twice in the files.
    problems.extend(case_problems(tables, {name: known.codes(name) for name in ("levels", "themes", "actions",
                                                                                "indicators", "territories")}
                                  | {"partners": known.partners}, headers))
    partners = set(known.partners) | (set(tables["partners"]["partner_id"].dropna()) if "partners" in tables else set())
    problems.extend(partner_problems(tables, partners, headers))
    problems.extend(update_partner_problems(tables, partners, headers))
    if "actions" in tables:
        problems.extend(year_order_problems(tables["actions"], headers))
    if "indicators" in tables and known.stored_outside is not None:
        problems.extend(stored_value_problems(tables, known.indicators, known.stored_outside, headers))
    for kind in list(tables):
        tables[kind], found = _unit_signs(tables[kind], units, headers)
        problems.extend(found)
        if UNIT_CELLS in tables[kind]:   # a row's own unit column, judged against its indicator's, then dropped
            problems.extend(unit_column_problems(tables[kind], units, spellings, headers))
            tables[kind] = tables[kind].drop(columns=UNIT_CELLS)
    for kind, frame in tables.items():
        table = TABLES[kind]
        problems.extend(key_problems(frame, table, headers, decimals))
        problems.extend(reference_problems(frame, table, known_codes, headers, replaced))
        problems.extend(value_problems(frame, table, units, headers, decimals))
        problems.extend(future_problems(frame, table, headers))
    problems = [names_cut(p) for p in _as_written(problems, read)]
    problems.sort(key=lambda p: (p.file, p.row or 0, p.column or ""))
    return Checked(files=files, tables=tables, problems=problems, headers=headers)


# Problems whose value cross_checks writes back from the parsed number (`-12,5` for a cell `−12,5`, U+2212).
_FROM_NUMBERS = frozenset({"conflicting_key", "percent_over_100"})


def _as_written(problems: list[Problem], sheets: dict[str, Sheet]) -> list[Problem]:
    """Each problem about one cell whose value was written back from its parsed number, with the cell as
    the file writes it instead: the user looks for `−12,5` (a Unicode minus), `150 %` or `1 234,50`."""
    out = []
    for p in problems:
        sheet = sheets.get(p.file) if p.code in _FROM_NUMBERS and p.row is not None and p.value is not None else None
        if sheet is not None and p.column in sheet.frame.columns:
            at = int(np.searchsorted(sheet.rows, p.row))   # a sheet's rows only grow
            if at < len(sheet.rows) and sheet.rows[at] == p.row:
                p = replace(p, value=str(sheet.frame[p.column].iat[at]).strip())
        out.append(p)
    return out


def _merged_said(problems: list[Problem], sheet: Sheet) -> list[Problem]:
    """A required cell found empty where a merged range covers it (Sheet.merged) is said as such, with the
    range and what to do: Excel keeps a merged value in the first cell only, and filling it down unasked
    would make rows the user never wrote."""
    position = dict(zip(map(str, sheet.frame.columns), sheet.positions))
    out = []
    for p in problems:
        where = sheet.merged.get((p.row, position.get(str(p.column)))) if p.code == "required" else None
        out.append(replace(p, code="required_merged", params={"range": where[0], "first": where[1]})
                   if where else p)
    return out


def _code_shape(code: str) -> str:
    """A code's shape: MOB04 is AAA99, 59350 is 99999, Lille is Aaaaa (a name, not a code)."""
    return "".join("A" if c.isupper() else "a" if c.islower() else "9" if c.isdigit() else c for c in code)


def _code_conflicts(sheet: Sheet, table: Table, mapping: dict[str, str],
                    ignored: list) -> tuple[list[Problem], list]:
    """A second column naming a code (`indicateur` beside `indicator_id`, `codgeo` beside `territoire`)
    rides along as its label (`Population` beside `POP01`, `Lille` beside `59350`). When it holds codes
    too (every value has the shape of one of the first's codes, as when it repeats them), a row where the
    two differ is refused, naming both: which of `MOB04` and `MOB03` is meant is not ours to guess.
    (the problems, the columns so compared: checked, never listed as ignored)"""
    aliases = alias_map(table)
    read_as = {canonical: header for header, canonical in mapping.items()}
    found: list[Problem] = []
    compared = []
    for other in ignored:
        canonical = aliases.get(normalise_header(other))
        if canonical not in read_as or table.column(canonical).kind != CODE:
            continue
        first = read_as[canonical]
        a = sheet.frame[first].astype("str").str.strip()
        b = sheet.frame[other].astype("str").str.strip()
        filled = ((a != "") & (b != "")).to_numpy(dtype=bool)
        if not filled.any():
            continue
        # Codes when every value has the shape of one of the first's (a shape keeps the case: `Mobility`
        # is the label of `mobility`, `Quality of life` of `quality_of_life`).
        shapes = {_code_shape(v) for v in pd.unique(a[filled])}
        if not all(_code_shape(v) in shapes for v in pd.unique(b[filled])):
            continue   # a label
        compared.append(other)
        at = np.flatnonzero(filled & (a != b).to_numpy(dtype=bool))
        found.extend(capped(sheet.label, str(other), "conflicting_code_columns", sheet.rows[at],
                            lambda i, at=at, a=a, b=b, first=first, other=other: Problem(
            sheet.label, int(sheet.rows[at[i]]), str(other), b.iat[at[i]], "conflicting_code_columns",
            {"column": str(other), "value": b.iat[at[i]], "first": str(first), "first_value": a.iat[at[i]]})))
    return found, compared


def _unit_column(table: Table, ignored: list):
    """The column of units of a table whose rows name an indicator (`unit`, `unité`, `eenheid`, as the
    indicators table names it, in any case or spacing), among the columns it does not store; else None."""
    if "indicator_id" not in table.names or table.name == "indicators":
        return None
    names = alias_map(TABLES["indicators"])
    return next((c for c in ignored if names.get(normalise_header(c)) == "unit"), None)


def _unit_cells(frame: pd.DataFrame, sheet: Sheet, table: Table, ignored: list, written: dict) -> pd.DataFrame:
    """A table whose rows name an indicator, read with a column of units the import does not store (`unit`,
    `unité`, `eenheid`: the indicators table's names for it): each row's unit cell kept as `UNIT_CELLS`, for
    cross_checks.unit_column_problems to judge against the indicator's unit; `written` learns its header."""
    column = _unit_column(table, ignored)
    if column is None or not len(frame):
        return frame
    cells = sheet.frame[column].astype("str").str.strip().to_numpy(dtype=object)
    at = np.searchsorted(sheet.rows, frame["_row"].to_numpy())   # a sheet's rows only grow
    written[UNIT_CELLS] = str(column)
    mine = cells[at]
    return frame.assign(**{UNIT_CELLS: np.where(mine == "", None, mine)})


def _unit_signs(frame: pd.DataFrame, units: dict[str, str], headers) -> tuple[pd.DataFrame, list[Problem]]:
    """Numbers written with a unit (`12,5 %`, `1 234 €`, kept by _parse_sheet as `_sign_<column>`): the
    sign is dropped where it is the unit of the row's indicator, refused where the unit is another."""
    from .cross_checks import per_file

    signed = [c for c in frame.columns if str(c).startswith("_sign_")]
    problems: list[Problem] = []
    ids = frame["indicator_id"].to_numpy(dtype=object) if signed else None
    for column in signed:
        name, texts = column[len("_sign_"):], frame[column].to_numpy(dtype=object)
        # An indicator with no known unit is an unknown code, reported as such: its sign is not judged.
        bad = wrong_signs(texts, ids, units)
        if bad:
            values = frame[name].to_numpy(dtype="float64", copy=True)
            values[bad] = np.nan   # not judged again (a percentage over 100)
            frame[name] = values
            problems.extend(per_file(frame, bad, name, "unit_mismatch", lambda pos, file, where: Problem(
                file, int(frame["_row"].iat[pos]), where, texts[pos], "unit_mismatch",
                {"sign": unit_sign(texts[pos]), "indicator": ids[pos], "unit": units[ids[pos]]},
                ("write_in_unit", {"unit": units[ids[pos]]})), headers))
    return (frame.drop(columns=signed) if signed else frame), problems


def rows_with_errors(checked: Checked) -> dict[str, np.ndarray]:
    """Per file, the spreadsheet rows that hold an error (the counted ones of `more_same` included)."""
    found = errors(checked.problems)
    return {file: np.unique(rows_of([p for p in found if p.file == file]))
            for file in dict.fromkeys(p.file for p in found)}


def drop_rows(checked: Checked, rows: dict[str, np.ndarray]) -> dict[str, pd.DataFrame]:
    """The tables without the given rows of each file: for importing the good rows only."""
    out = {}
    for kind, frame in checked.tables.items():
        keep = np.ones(len(frame), dtype=bool)
        for file, bad in rows.items():
            keep &= ~((frame["_file"] == file).to_numpy() & np.isin(frame["_row"].to_numpy(), bad))
        out[kind] = frame[keep].reset_index(drop=True)
    return out
