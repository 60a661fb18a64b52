"""Checks across rows and tables: a key given twice (the same data, or two values for it), codes that
name nothing known (with the nearest known code as a suggestion), values that contradict their unit or
their baseline, and territories that replace or contain each other in a loop. validation.check runs them
on the tables it parsed; every problem names its file, spreadsheet row, column as written and value.
"""
from __future__ import annotations

import array
import datetime
import difflib
import os
import re

import numpy as np
import pandas as pd

from . import limits
from .parsing import period_spans
from .problems import Problem, capped
from .schema import CODES, FRAMEWORK_TABLES, TABLES, Table
from .units import is_percent


def written(headers: dict[str, dict[str, str]], file: str, column: str) -> str:
    """A column's name as the file wrote it."""
    return headers.get(file, {}).get(column, column)


def per_file(frame: pd.DataFrame, at, column: str | None, code: str, make, headers,
              severity: str = "error") -> list[Problem]:
    """Problems at the frame positions `at` (a table gathers several files), capped per file:
    `make(position, file, column_as_written)` builds one."""
    at = np.asarray(at, dtype=np.int64)
    if not len(at):
        return []
    # Each position's file as a number: `_file` as a numpy array is a Python string a row (pandas' str
    # columns are Arrow's), 50 MB for a file failing on each of its 700,000 rows.
    files, names = pd.factorize(frame["_file"].iloc[at])
    file_rows = frame["_row"].to_numpy()[at]
    problems: list[Problem] = []
    for number, file in enumerate(names):
        mine = files == number
        where = written(headers, file, column) if column else None
        positions = at[mine]
        problems.extend(capped(file, where, code, file_rows[mine],
                               lambda i, positions=positions, file=file, where=where: make(positions[i], file, where),
                               severity=severity))
    return problems


def key_problems(frame: pd.DataFrame, table: Table, headers, decimals: dict[str, str] | None = None) -> list[Problem]:
    """Later rows repeating a key: the same data (a duplicate) or other data (a conflict). `decimals`:
    each file's decimal mark, to say a number as its file writes it."""
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
    # Each row's key as a group number, and the position of the first row of its group: a later row repeats
    # a key. Found once, in arrays of numbers (a file repeating one key on a million rows paid for it three
    # times: `duplicated`, the groups, then a groupby for each group's first row).
    first = _first_of_key(complete, key + versions)
    dup = first != np.arange(len(complete))
    if not dup.any():
        return []
    positions = np.arange(len(frame)) if len(complete) == len(frame) else \
        np.flatnonzero(frame.index.isin(complete.index))
    data_cols = [c for c in table.names if c not in key]
    # The first column whose value differs from the key's first row (-1: none, a plain duplicate).
    differing = np.full(len(complete), -1)
    for j in reversed(range(len(data_cols))):
        values = complete[data_cols[j]].to_numpy()
        differs = ~same_arrays(values, values[first])
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

    problems.extend(per_file(frame, positions[plain], key[-1], "duplicate_key", make_dup, headers))
    for j, name in enumerate(data_cols):
        conflict = later[differing[later] == j]

        def make_conflict(pos, file, where, name=name):
            local = int(np.searchsorted(positions, pos))
            row, first_row = describe(local)
            label = " / ".join(str(row[k]) for k in key)
            return Problem(file, int(row["_row"]), where, shown_value(row[name], file, decimals), "conflicting_key",
                           {"key": label, "first_row": first_row}, ("keep_one", {}))

        problems.extend(per_file(frame, positions[conflict], name, "conflicting_key", make_conflict, headers))
    return problems


def _first_of_key(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
    """For each row, the position of the first row with the same values in `columns` (empty ones alike)."""
    group = frame.groupby(columns, sort=False, dropna=False).ngroup().to_numpy()
    if not len(group):
        return group
    # Numbered as first seen (sort=False): a row opens its group where the highest number so far grows.
    highest = np.maximum.accumulate(group)
    opens = np.flatnonzero(highest > np.concatenate(([-1], highest[:-1])))
    if len(opens) == int(highest[-1]) + 1 and np.array_equal(group[opens], np.arange(len(opens))):
        return opens[group]
    return pd.Series(np.arange(len(group))).groupby(group).transform("min").to_numpy()   # numbered otherwise


def same_arrays(a: np.ndarray, b: np.ndarray) -> np.ndarray:
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


def reference_problems(frame: pd.DataFrame, table: Table, known_codes: dict[str, set[str]], headers,
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

        # Each cell read where a problem is made: the column as a numpy array is a Python string a row.
        def make(pos, file, where, col=col, series=series, suggestions=suggestions, sorted_codes=sorted_codes):
            value = series.iat[pos]
            if value not in suggestions:
                probe = value.split("|")[0] if col.kind == CODES else value
                close = nearest_code(probe, sorted_codes) if len(sorted_codes) < 50000 else None
                suggestions[value] = ("did_you_mean", {"code": close}) if close else ("add_it", {"kind": col.references})
            return Problem(file, int(frame["_row"].iat[pos]), where, value, "unknown_code",
                           {"kind": col.references}, suggestions[value])

        problems.extend(per_file(frame, np.flatnonzero(mask), col.name, "unknown_code", make, headers))
    # Old territory codes are accepted; the user is told where the value goes.
    if table.name in ("observations", "targets") and "territory_id" in frame:
        old = frame["territory_id"].isin([c for c, nxt in replaced.items() if nxt]) if replaced else None
        if old is not None and old.any():
            codes = frame["territory_id"]

            def successor(pos, file, where):
                code = codes.iat[pos]
                return Problem(file, int(frame["_row"].iat[pos]), where, code, "replaced_code",
                               {"code": code, "successor": replaced[code]},
                               ("attach_successor", {"successor": replaced[code]}), severity="notice")

            problems.extend(per_file(frame, np.flatnonzero(old.to_numpy()), "territory_id", "replaced_code",
                                      successor, headers, severity="notice"))
    return problems


def value_problems(frame: pd.DataFrame, table: Table, units: dict[str, str], headers,
                   decimals: dict[str, str] | None = None) -> list[Problem]:
    problems: list[Problem] = []
    percent = {i for i, u in units.items() if is_percent(u)}
    value_cols = [c for c in ("value", "baseline_value", "target_value", "milestone_value") if c in frame]
    if percent and value_cols:
        is_pct = frame["indicator_id"].isin(percent).to_numpy()
        for c in value_cols:
            v = frame[c].to_numpy(dtype="float64", na_value=np.nan)
            bad = is_pct & np.isfinite(v) & ((v < 0) | (v > 100))

            def over(pos, file, where, c=c, v=v):
                return Problem(file, int(frame["_row"].iat[pos]), where, shown_value(v[pos], file, decimals),
                               "percent_over_100",
                               {"indicator": frame["indicator_id"].iat[pos]})

            problems.extend(per_file(frame, np.flatnonzero(bad), c, "percent_over_100", over, headers))
    if table.name == "targets":
        # Periods compare as periods (parsing.period_span; docs/data-format.md, "Periods"): the target starts
        # once the baseline is over. As text, `2030-12` came after a baseline `2030`, within that very year.
        bad = period_spans(frame["target_period"])[0] < period_spans(frame["baseline_period"])[1]
        problems.extend(per_file(frame, np.flatnonzero(bad), "target_period", "target_order",
                                  lambda pos, file, where: Problem(file, int(frame["_row"].iat[pos]), where,
                                                                   frame["target_period"].iat[pos], "target_order"),
                                  headers))
    if table.name == "flows":
        same = (frame["origin_id"] == frame["destination_id"]).fillna(False).to_numpy(dtype=bool)
        problems.extend(per_file(frame, np.flatnonzero(same), "destination_id", "same_origin_destination",
                                  lambda pos, file, where: Problem(file, int(frame["_row"].iat[pos]), where,
                                                                   frame["destination_id"].iat[pos],
                                                                   "same_origin_destination"),
                                  headers))
    return problems


# The cells of a row's own unit column (an observations file's `unit`, `unité`, `eenheid`), which the import
# does not store: kept beside the row by validation.check under this name, judged here, then dropped.
UNIT_CELLS = "_unit_cells"


def unit_column_problems(frame: pd.DataFrame, units: dict[str, str], spellings: dict[str, tuple],
                         headers) -> list[Problem]:
    """A row whose unit column names another unit than its indicator's (`%` for an indicator in km,
    `MIO_EUR` for one in EUR) is refused, as the same unit written in the value cell is (`12 %`): its value
    would be stored as if it were in the indicator's unit. The indicator's unit in any spelling the product
    accepts passes quietly (units.same_unit); an unknown indicator is reported as such, not here."""
    from .units import same_unit

    if UNIT_CELLS not in frame or "indicator_id" not in frame:
        return []
    cells = frame[UNIT_CELLS].to_numpy(dtype=object)
    ids = frame["indicator_id"].to_numpy(dtype=object)
    # judged once per distinct (unit, indicator) pair: a million rows repeat a handful
    pairs, distinct = pd.factorize(pd.Series(cells, dtype=object).fillna("").astype(str) + "\x00"
                                   + pd.Series(ids, dtype=object).fillna("").astype(str))
    verdict = np.zeros(len(distinct), dtype=bool)
    for k, pair in enumerate(distinct):
        cell, indicator = pair.split("\x00", 1)
        verdict[k] = bool(cell) and indicator in units and not same_unit(cell, units[indicator],
                                                                         spellings.get(indicator, ()))
    bad = verdict[pairs] if len(pairs) else np.zeros(0, dtype=bool)

    def make(pos, file, where):
        return Problem(file, int(frame["_row"].iat[pos]), where, str(cells[pos]).strip(), "unit_column_mismatch",
                       {"indicator": ids[pos], "unit": units[ids[pos]]},
                       ("unit_column_fix", {"unit": units[ids[pos]]}))

    return per_file(frame, np.flatnonzero(bad), UNIT_CELLS, "unit_column_mismatch", make, headers)


def cycle_problems(frame: pd.DataFrame, column: str, stored: dict[str, str], headers) -> list[Problem]:
    """A territory that is its own parent or successor, directly or through others, is refused:
    following the links would never end."""
    links = dict(stored)
    # A file's row replaces the stored one, an empty cell included (it clears the stored link).
    links.update({k: v for k, v in zip(frame["territory_id"], frame[column]) if k})
    links = {k: v for k, v in links.items() if v}
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

    return per_file(frame, at, column, "cycle", make, headers)


def replaced_links(stored: dict[str, str | None], territories: pd.DataFrame | None) -> dict[str, str]:
    """Each replaced territory code and its successor: the store's links, where a territories file's row
    replaces the stored one, an empty cell included (it clears the stored link). An empty cell is read as
    NaN, which is truthy: `if v` took it for a successor and sent values to no territory."""
    links = dict(stored)
    if territories is not None and "replaced_by" in territories:
        links.update(zip(territories["territory_id"], territories["replaced_by"]))
    return {code: nxt for code, nxt in links.items() if isinstance(nxt, str) and nxt}


def last_successors(links: dict[str, str]) -> dict[str, str]:
    """Each replaced code of `links` (code -> its successor) with the last code of its chain of successors,
    where an import that attaches old codes records their values (a code that is replaced by nothing is not
    in it). One walk per chain, not per code, and no
    recursion: a hostile file's chain of 100,000 codes costs 100,000 steps. On a loop (validation refuses
    them) the walk stops before coming back onto itself."""
    links = {code: nxt for code, nxt in links.items() if isinstance(nxt, str) and nxt}
    last: dict[str, str] = {}     # codes whose chain ends (no loop): shared by every code on the way
    looped: dict[str, str] = {}   # codes whose walk met a loop: each its own end
    for start in links:
        path, on_path, node = [start], {start}, start
        while node not in last:
            nxt = links.get(node)
            if nxt and nxt in on_path:
                looped[start] = node
                break
            if not nxt:
                break
            path.append(nxt)
            on_path.add(nxt)
            node = nxt
        else:
            last.update((code, last[node]) for code in path)
            continue
        if start not in looped:
            last.update((code, node) for code in path)
    return {code: looped.get(code) or last[code] for code in links}


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


def case_problems(tables: dict[str, pd.DataFrame], known: dict[str, set[str]], headers) -> list[Problem]:
    """A code created that equals a stored one but for case or surrounding spaces (`fre11` beside `FRE11`),
    or two rows of the files whose codes differ only so (`MOB04` and `mob04`): refused. Codes are
    case-sensitive in the store, spreadsheets' look-ups and planners are not, so the second code would
    split one series in two."""
    problems: list[Problem] = []
    for kind in FRAMEWORK_TABLES:
        if kind not in tables:
            continue
        frame, key = tables[kind], TABLES[kind].key[0]
        codes = frame[key].to_numpy(dtype=object)
        stored = {str(c).strip().casefold(): c for c in known.get(kind, ())}
        # Vectorised: a territories file may hold every commune of a country.
        series = frame[key].astype(object)
        folded = series.where(series.notna(), None).str.strip().str.casefold()
        new = (series.notna() & ~series.isin(list(known.get(kind, ())))).to_numpy(dtype=bool)
        at_stored = np.flatnonzero(new & folded.isin(list(stored)).to_numpy(dtype=bool))
        # The first row of each folded code; a later row of that code written otherwise is its twin.
        head = pd.Series(np.arange(len(frame))).groupby(folded.to_numpy(), dropna=True).transform("min")
        heads = head.reindex(range(len(frame))).to_numpy(dtype="float64", na_value=np.nan)
        first_code = codes[np.where(heads == heads, heads, 0).astype(np.int64)]
        twin = new & ~np.isin(np.arange(len(frame)), at_stored) & (first_code != codes) & (heads == heads)
        at_twice = np.flatnonzero(twin)
        first = {f: int(h) for f, h in zip(folded.to_numpy()[at_twice], heads[at_twice])}

        def make_stored(pos, file, where, codes=codes, stored=stored):
            code = stored[codes[pos].strip().casefold()]
            return Problem(file, int(frame["_row"].iat[pos]), where, codes[pos], "code_case_stored",
                           {"written": codes[pos], "code": code}, ("did_you_mean", {"code": code}))

        def make_twice(pos, file, where, codes=codes, first=first, frame=frame):
            head = first[codes[pos].strip().casefold()]
            row = f"{frame['_row'].iat[head]}" if frame["_file"].iat[head] == file else \
                f"{frame['_row'].iat[head]} ({frame['_file'].iat[head]})"
            return Problem(file, int(frame["_row"].iat[pos]), where, codes[pos], "code_case_twice",
                           {"written": codes[pos], "code": codes[head], "first_row": row},
                           ("did_you_mean", {"code": codes[head]}))

        problems.extend(per_file(frame, at_stored, key, "code_case_stored", make_stored, headers))
        problems.extend(per_file(frame, at_twice, key, "code_case_twice", make_twice, headers))
    return problems


# The columns that name partners (DESIGN.md: partner ids separated by `|`; older free text is allowed).
PARTNER_LISTS = {"indicators": "owner", "actions": "lead"}
_OTHER_SEPARATORS = re.compile(r"\s*[,;/]\s*")


def partner_problems(tables: dict[str, pd.DataFrame], partners: set[str], headers) -> list[Problem]:
    """A notice for each part of an `owner` or `lead` cell that is no partner code (stored or in the
    files), with the nearest code, and for a list separated by a comma where `|` is meant: a contributor
    of that partner would otherwise be refused its own indicators and actions with no word to anyone.
    A store with no partner at all (free text from before partners) is not judged."""
    if not partners:
        return []
    ordered = sorted(partners)
    listed = limits.get("MAX_PROBLEMS_LISTED")
    problems: list[Problem] = []
    for kind, column in PARTNER_LISTS.items():
        if kind not in tables or column not in tables[kind]:
            continue
        frame = tables[kind]
        # Per file and kind of problem: the first `listed` problems, and the row of every one (an array,
        # not a Problem a cell: a file naming an unknown owner on each of its rows costs no more than its rows).
        found: dict[str, dict[str, tuple[list[Problem], array.array]]] = {}
        wheres: dict[str, str] = {}

        def add(file, row, code, make):
            kept, rows = found.setdefault(file, {}).setdefault(code, ([], array.array("q")))
            rows.append(row)
            if len(kept) < listed:
                kept.append(make())

        for pos, cell in enumerate(frame[column].to_numpy(dtype=object)):
            if not isinstance(cell, str) or not cell.strip():
                continue
            file, row = frame["_file"].iat[pos], int(frame["_row"].iat[pos])
            where = wheres.get(file) or wheres.setdefault(file, written(headers, file, column))
            for part in (p.strip() for p in cell.split("|")):
                pieces = [p for p in _OTHER_SEPARATORS.split(part) if p]
                if len(pieces) > 1:
                    add(file, row, "partner_separator", lambda part=part, pieces=pieces: Problem(
                        file, row, where, cell, "partner_separator", {"part": part},
                        ("write_partners", {"codes": "|".join(pieces)}), severity="notice"))
                for piece in pieces:
                    if piece in partners:
                        continue

                    def unknown(piece=piece):   # the nearest code is looked for only for a listed problem
                        close = nearest_code(piece, ordered)
                        return Problem(file, row, where, cell, "unknown_partner", {"part": piece},
                                       ("did_you_mean", {"code": close}) if close else ("add_it", {"kind": "partners"}),
                                       severity="notice")

                    add(file, row, "unknown_partner", unknown)
        for file, codes in found.items():
            for code in ("partner_separator", "unknown_partner"):
                if code in codes:
                    kept, rows = codes[code]
                    problems.extend(capped(file, kept[0].column, code, np.frombuffer(rows, dtype=np.int64),
                                           lambda i, kept=kept: kept[i], severity="notice"))
    return problems


def update_partner_problems(tables: dict[str, pd.DataFrame], partners: set[str], headers) -> list[Problem]:
    """An action update's `partner_id` (the partner writing: one code) that is no partner code, stored or in
    the files, is refused as any unknown code is, with the nearest one (`pb` when the store has `PB`: the
    case is not guessed, as for every code). A store with no partner at all is not judged (`partner_problems`)."""
    frame = tables.get("action_updates")
    if not partners or frame is None or "partner_id" not in frame:
        return []
    series = frame["partner_id"]
    bad = (series.notna() & ~series.isin(list(partners))).to_numpy(dtype=bool)
    ordered = sorted(partners)

    def make(pos, file, where):
        code = series.iat[pos]
        close = nearest_code(code, ordered)
        return Problem(file, int(frame["_row"].iat[pos]), where, code, "unknown_code", {"kind": "partners"},
                       ("did_you_mean", {"code": close}) if close else ("add_it", {"kind": "partners"}))

    return per_file(frame, np.flatnonzero(bad), "partner_id", "unknown_code", make, headers)


def year_order_problems(frame: pd.DataFrame, headers) -> list[Problem]:
    """An action that ends before it starts is refused at its row, as a target before its baseline is."""
    start = frame["start_year"].to_numpy(dtype="float64", na_value=np.nan)
    end = frame["end_year"].to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        bad = np.flatnonzero(start > end)

    def make(pos, file, where):
        return Problem(file, int(frame["_row"].iat[pos]), where, shown_value(end[pos], file, None), "action_years_order",
                       {"start": shown_value(start[pos], file, None), "end": shown_value(end[pos], file, None),
                        "start_column": written(headers, file, "start_year"), "column": where})

    return per_file(frame, bad, "end_year", "action_years_order", make, headers)


def future_problems(frame: pd.DataFrame, table: Table, headers, today: datetime.date | None = None) -> list[Problem]:
    """A notice for each value dated after today (a typo, 2052 for 2025, would become the latest value
    progress is judged on), unless its flag says it is a forecast (`f`): such a row is kept, and said."""
    if "period" not in frame or "value" not in frame or table.name not in ("observations", "flows"):
        return []
    today = today or datetime.date.today()
    now = today.year + (today.month - 1) / 12   # the current month's start, as period_span counts
    starts = period_spans(frame["period"])[0]
    with np.errstate(invalid="ignore"):
        future = starts > now
    if not future.any():
        return []
    if "flag" in frame:
        future &= ~frame["flag"].fillna("").astype(str).str.contains("f", regex=False).to_numpy(dtype=bool)
    periods = frame["period"].to_numpy(dtype=object)

    def make(pos, file, where):
        return Problem(file, int(frame["_row"].iat[pos]), where, periods[pos], "future_period",
                       {"period": periods[pos], "today": today.isoformat()}, ("flag_forecast", {}),
                       severity="notice")

    return per_file(frame, np.flatnonzero(future), "period", "future_period", make, headers, severity="notice")


def stored_value_problems(tables: dict[str, pd.DataFrame], stored_units: dict[str, str], stored_outside,
                          headers) -> list[Problem]:
    """An indicator whose unit a file changes to one that bounds its values (to %) is refused while values
    or targets stored for it lie outside the bounds, as importing them again would be: else the store holds
    what its own export can no longer import. A stored value the files replace (same key) is not counted."""
    frame = tables["indicators"]
    ids = frame["indicator_id"].to_numpy(dtype=object)
    units = frame["unit"].to_numpy(dtype=object)
    changed = [pos for pos, (i, u) in enumerate(zip(ids, units))
               if i in stored_units and is_percent(u) and not is_percent(stored_units[i])]
    if not changed:
        return []
    outside = stored_outside(sorted({ids[pos] for pos in changed}), 0, 100)
    if not outside:
        return []
    replaced = _keys_in_files(tables)
    by_indicator: dict[str, list[tuple]] = {}
    for table, indicator, where, when, column, value in outside:
        if (table, indicator, where, when if table != "targets" else None) not in replaced:
            by_indicator.setdefault(indicator, []).append((table, where, when, column, value))
    at = [pos for pos in changed if ids[pos] in by_indicator]

    def make(pos, file, where):
        found = by_indicator[ids[pos]]
        shown = "; ".join(f"{w} {p} {c} = {shown_value(float(v), file, None)}" for _, w, p, c, v in found[:5])
        return Problem(file, int(frame["_row"].iat[pos]), where, units[pos], "unit_leaves_values",
                       {"indicator": ids[pos], "unit": units[pos], "count": len(found),
                        "examples": shown + ("; …" if len(found) > 5 else "")})

    return per_file(frame, at, "unit", "unit_leaves_values", make, headers)


def _keys_in_files(tables: dict[str, pd.DataFrame]) -> set[tuple]:
    """The stored rows the files replace, as stored_value_problems names them: (table, indicator, territory
    , period; None for a target, whose key has no period)."""
    keys: set[tuple] = set()
    # Not flows: their key has a destination the stored values are not named by (such a value is counted).
    for table, where, when in (("observations", "territory_id", "period"), ("targets", "territory_id", None)):
        if table in tables:
            f = tables[table]
            periods = f[when] if when else [None] * len(f)
            keys.update((table, i, w, p) for i, w, p in zip(f["indicator_id"], f[where], periods))
    return keys


def shown_value(value, file: str, decimals: dict[str, str] | None) -> str | None:
    """A cell as its file writes it: a number in full (not 1.23457e+06) with the file's decimal mark;
    None for an empty cell (not 'nan')."""
    if not isinstance(value, float):
        return None if value is None or value is pd.NA else str(value)
    if value != value:
        return None
    text = np.format_float_positional(value, trim="-")
    return text.replace(".", (decimals or {}).get(file, "."))
