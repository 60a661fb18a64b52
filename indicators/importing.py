"""From files to the store: read, check against the store's framework, write one batch.

Used by the command line and the Data page alike, so both behave the same.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy.engine import Engine

from .mappings import MappedSource
from .problems import Problem, cap, errors
from .reading import read_file
from .store import ImportResult, apply_import, known_codes
from .validation import Checked, check, drop_rows, rows_with_errors

# A path, (name, bytes) for an upload, or a foreign file reshaped by a mapping
# (`mappings.MappedSource`: its reshaped sheet, original file name and SHA-256).
Source = str | Path | tuple[str, bytes] | MappedSource


@dataclass
class Outcome:
    checked: Checked
    result: ImportResult | None   # None when nothing was (or would be) written
    names: list[str] = field(default_factory=list)   # each file's name in reports, in the order given

    @property
    def ok(self) -> bool:
        return self.result is not None

    def report(self, lang: str = "en") -> dict:
        out = json_report(self.checked, self.names, lang)
        if self.result is not None:
            out["counts"] = self.result.summary()
            out["batch_id"] = self.result.batch_id
            out["dry_run"] = self.result.dry_run
        return out


# The keys of every entry of a report's `files` (DESIGN.md's, then the columns the import ignores with a
# notice): each entry has them all, null where nothing was read or recognised.
FILE_KEYS = ("file", "kind", "encoding", "separator", "decimal", "rows", "ignored_columns", "sheet")


def files_of(checked: Checked, names: list[str]) -> list[dict]:
    """One entry per file given, in the order given (each sheet of a workbook its own), all with the same
    keys: a file nothing could be read from (binary, empty, stopped at a size limit) is there too, with
    its name and nulls, as a file whose columns name no table is (DESIGN.md's JSON of validate)."""
    entries, out, taken = list(checked.files), [], set()
    for name in names:
        mine = [f for f in entries
                if id(f) not in taken and (f["file"] == name or str(f["file"]).startswith(name + " ["))]
        taken.update(id(f) for f in mine)
        out.extend(mine or [{"file": name}])
    out.extend(f for f in entries if id(f) not in taken)
    keys = list(dict.fromkeys([*FILE_KEYS, *(k for f in out for k in f)]))
    return [{k: f.get(k) for k in keys} for f in out]


def json_report(checked: Checked, names: list[str], lang: str = "en") -> dict:
    """The JSON report of `validate` and `import --format json` (DESIGN.md), one `files` entry per file.
    `file` is the file's name as given; a workbook's sheet is said apart, in `sheet` (every `files` entry,
    null for a CSV; a problem or notice of a sheet), where the reports people read write "book.xlsx [Sheet]"."""
    out = checked.report(lang)
    out["files"] = [_sheet_apart(f, names) for f in files_of(checked, names)]
    for key in ("problems", "notices"):
        out[key] = [_sheet_apart(p, names, always=False) for p in out.get(key, [])]
    return out


def _sheet_apart(entry: dict, names: list[str], always: bool = True) -> dict:
    """`entry` with its `file` "book.xlsx [Sheet]" written as `file` "book.xlsx" and `sheet` "Sheet" (in
    that order of keys, `sheet` last); with `always`, `sheet` null for an entry of a file without sheets."""
    label = str(entry.get("file") or "")
    name = next((n for n in names if label.startswith(n + " [") and label.endswith("]")), None)
    if name is None:
        return {**entry, "sheet": entry.get("sheet")} if always else entry
    return {**{k: (name if k == "file" else v) for k, v in entry.items() if k != "sheet"},
            "sheet": label[len(name) + 2:-1]}


def labels(sources: list[Source]) -> list[str]:
    """Each source's name in reports, one per source: two files named alike (d1/obs.csv, d2/obs.csv)
    carry their folder, or a number, so that a problem, a skipped row or a digest is never the other's."""
    names = [_name_of(s) for s in sources]
    out = []
    for source, name in zip(sources, names):
        if names.count(name) > 1 and not isinstance(source, (MappedSource, tuple)):
            name = f"{Path(source).parent.name}/{name}" if Path(source).parent.name else name
        out.append(name)
    for i, name in enumerate(out):   # still alike (two uploads, one folder twice): numbered
        if out.count(name) > 1:
            out[i] = f"{name} ({out[:i + 1].count(name)})" if out[:i].count(name) else name
    return out


def _read(sources: list[Source]):
    results, hashes = [], []
    for source, label in zip(sources, labels(sources)):
        if isinstance(source, MappedSource):
            results.append(source.result)
            hashes.append((source.name, source.sha256))
        elif isinstance(source, tuple):
            name, raw = source
            results.append(read_file(raw, label))
            hashes.append((label, hashlib.sha256(raw).hexdigest()))
        else:
            path = Path(source)
            results.append(read_file(path, label))
            try:
                hashes.append((label, hashlib.sha256(path.read_bytes()).hexdigest()))
            except OSError:
                hashes.append((label, ""))
    return results, hashes


def validate_files(engine: Engine | None, sources: list[Source], expected_kind: str | None = None) -> Checked:
    try:
        results, _ = _read(sources)
        known = known_codes(engine) if engine is not None else None
        return at_file_columns(check(results, known, expected_kind=expected_kind), sources)
    except MemoryError:
        return out_of_memory(sources)


def at_file_columns(checked: Checked, sources: list[Source]) -> Checked:
    """`checked` with the problems the validator found in a mapped file's reshaped table (a future period, a
    source too long) said at the file's own columns (MappedSource.at_file_columns), as the mapping's own are."""
    mapped = [s for s in sources if isinstance(s, MappedSource) and s.sheet is not None]
    if not mapped:
        return checked
    problems = checked.problems
    for source in mapped:
        problems = source.at_file_columns(problems)
    return replace(checked, problems=problems)


def out_of_memory(sources: list[Source]) -> Checked:
    """The report when files within every size limit still do not fit in this server's memory (the
    limits are set for a 1.5 GB process; a smaller one can run out first): refused, naming them."""
    names = [_name_of(s) for s in sources]
    return Checked(files=[], tables={}, headers={},
                   problems=[Problem(", ".join(names), None, None, None, "out_of_memory")])


def _name_of(source: Source) -> str:
    if isinstance(source, MappedSource):
        return source.name
    if isinstance(source, tuple):
        return source[0]
    return Path(source).name


def import_files(engine: Engine, sources: list[Source], *, user: str = "unknown", dry_run: bool = False,
                 skip_invalid_rows: bool = False, attach_to_successor: bool = False,
                 expected_kind: str | None = None) -> Outcome:
    """Validate then import all files as one batch; nothing is written if a problem blocks it.

    With `skip_invalid_rows`, rows with problems are left out (and counted as
    rejected) as long as every problem is tied to a row; problems of a whole
    file (missing columns, unreadable file) still block the import.
    Refused (accounts.Refused, nothing written) when `user`, the name the batch records, is the e-mail
    of an account that may not import directly (`refuse_account_name`).
    """
    if not dry_run:   # a dry run records nothing, in nobody's name (and a page's check never fails on it)
        refuse_account_name(engine, user)
    try:
        outcome = _import(engine, sources, user=user, dry_run=dry_run, skip_invalid_rows=skip_invalid_rows,
                          attach_to_successor=attach_to_successor, expected_kind=expected_kind)
    except MemoryError:
        # Within the limits but past this process's memory: the transaction, if it began, rolled back.
        outcome = Outcome(out_of_memory(sources), None)
    outcome.names = labels(sources)
    return outcome


def refuse_account_name(engine: Engine, user: str | None, right: str = "import") -> None:
    """Refused (nothing written) when the name a direct import (or a rollback: `right`) records is the
    e-mail of an account whose role may not do it (a contributor, a viewer): the history would show an
    unreviewed batch, or an undone one, in that person's name. A contributor submits; an editor acts as
    itself (`import --as`, `rollback --as`)."""
    from . import accounts

    email = (user or "").strip()
    if "<" in email and email.endswith(">"):   # an account's label: "Name <e-mail>"
        email = email[email.rindex("<") + 1:-1]
    if "@" not in email:
        return
    account = accounts.find(engine, email)
    if account is not None and not accounts.can(account, right):
        raise accounts.Refused(f"Refused: {account.email} is a {account.role} account, which may not {right} "
                               f"directly; nothing was changed.", key=f"refused_{right}_user", email=account.email,
                               role=account.role)


def _import(engine: Engine, sources: list[Source], *, user: str, dry_run: bool, skip_invalid_rows: bool,
            attach_to_successor: bool, expected_kind: str | None) -> Outcome:
    results, hashes = _read(sources)
    known = known_codes(engine)
    checked = at_file_columns(check(results, known, expected_kind=expected_kind), sources)
    del results   # the text cells are parsed now: free them before writing (a million rows weigh)
    if attach_to_successor:
        checked = attached_notices(checked, known.territories)
    blocking = errors(checked.problems)
    tables = checked.tables
    rejected = 0
    if blocking:
        file_level = [p for p in blocking if p.row is None or p.column is None]
        if not skip_invalid_rows or file_level:
            return Outcome(checked, None)
        checked = both_sides_of_conflicts(checked)
        bad = rows_with_errors(checked)
        tables = drop_rows(checked, bad)
        rejected = sum(len(found) for found in bad.values())
    present = {kind: set(mapping_columns(checked, kind)) for kind in tables}
    for kind in ("observations", "flows"):
        if kind in present:
            present[kind].add("flag")   # a row's flag is what its file says: none clears an old `p`
    files = []
    for info in checked.files:
        # a file's own digest: "obs.csv" is not "obs.csv.gz"; a workbook's sheets are "name [sheet]"
        sha = next((h for n, h in hashes if info["file"] == n or info["file"].startswith(n + " [")), "")
        files.append({**info, "sha256": sha})
    result = apply_import(engine, tables, user=user, files=files, dry_run=dry_run, rejected=rejected,
                          present=present, attach_to_successor=attach_to_successor)
    return Outcome(checked, result)


def attached_notices(checked: Checked, stored: dict[str, str | None]) -> Checked:
    """`checked` with the notices of replaced territory codes saying where an import that attaches them to
    their successor records the value: under the successor (the last of a chain, as store/writing.py
    moves it), or nowhere when the files also give that value under the successor's own code, which wins.
    `stored`: the store's territory codes and what replaced each."""
    from .cross_checks import last_successors, replaced_links
    from .schema import TABLES

    replaced = replaced_links(stored, checked.tables.get("territories"))
    if not replaced:
        return checked

    chains = last_successors(replaced)

    def final(code):
        return chains.get(code, code)

    given_twice: set[tuple] = set()   # (file, row) of an old code's row whose value the successor's row gives
    for kind in ("observations", "targets"):
        frame = checked.tables.get(kind)
        if frame is None or frame.empty or "territory_id" not in frame:
            continue
        old = frame["territory_id"].isin(list(replaced)).to_numpy()
        if not old.any():
            continue
        key = list(TABLES[kind].key)
        moved = frame[key].assign(territory_id=frame["territory_id"].map(lambda c: final(c) if c in replaced else c))
        keys = list(moved.itertuples(index=False, name=None))
        own = {k for k, o in zip(keys, old) if not o}
        files, rows = frame["_file"].to_numpy(), frame["_row"].to_numpy()
        given_twice.update((files[at], int(rows[at])) for at in np.flatnonzero(old) if keys[at] in own)

    def attached(p: Problem) -> Problem:
        code = "replaced_code_given_twice" if (p.file, p.row) in given_twice else "replaced_code_attached"
        return replace(p, code=code, params={"code": p.params["code"], "successor": final(p.params["code"])},
                       suggestion=None)

    problems = [attached(p) if p.code == "replaced_code" else p for p in checked.problems]
    return replace(checked, problems=problems)


def both_sides_of_conflicts(checked: Checked) -> Checked:
    """`checked` with a problem at the first row of each key given two different values (cross_checks
    reports the later rows only): when bad rows are left out, keeping the first would pick one of the
    values where nothing says which is right, so both sides are left out and listed. A key repeated
    with the same data keeps its first row; a target's versions (decision dates) are keys of their own."""
    from .cross_checks import shown_value, same_arrays, written
    from .schema import TABLES

    decimals = {info["file"]: info.get("decimal") or "." for info in checked.files}
    added: list[Problem] = []
    for kind, frame in checked.tables.items():
        table = TABLES[kind]
        key = list(table.key)
        complete = frame.dropna(subset=key)
        grouping = complete[key].assign(**{c: complete[c].fillna("") for c in table.version if c in complete})
        if complete.empty or not grouping.duplicated().any():
            continue
        group = grouping.groupby(list(grouping.columns), sort=False, dropna=False).ngroup().to_numpy()
        first = pd.Series(np.arange(len(complete))).groupby(group).transform("min").to_numpy()
        data_cols = [c for c in table.names if c not in key and c in complete]
        differing = np.full(len(complete), -1)   # a row's first column differing from its key's first row
        for j in reversed(range(len(data_cols))):
            values = complete[data_cols[j]].to_numpy()
            differing = np.where(~same_arrays(values, values[first]), j, differing)
        conflicts = np.flatnonzero(differing >= 0)
        # Each conflicting key once, told by its first conflicting row.
        _, once = np.unique(first[conflicts], return_index=True)
        files, rows = complete["_file"].to_numpy(), complete["_row"].to_numpy()
        for later in conflicts[once]:
            at, name = first[later], data_cols[differing[later]]
            file = files[at]
            other = f"{rows[later]}" if files[later] == file else f"{rows[later]} ({files[later]})"
            added.append(Problem(file, int(rows[at]), written(checked.headers, file, name),
                                 shown_value(complete[name].iat[at], file, decimals),
                                 "conflicting_key", {"key": " / ".join(str(complete[k].iat[at]) for k in key),
                                                     "first_row": other}, ("keep_one", {})))
    if not added:
        return checked
    problems = sorted(checked.problems + cap(added), key=lambda p: (p.file, p.row or 0, p.column or ""))
    return replace(checked, problems=problems)


def mapping_columns(checked: Checked, kind: str) -> set[str]:
    """Canonical columns carried by at least one file of this kind."""
    labels = {info["file"] for info in checked.files if info.get("kind") == kind}
    cols: set[str] = set()
    for label in labels:
        cols.update(checked.headers.get(label, {}))
    return cols


def problem_rows(problems: list[Problem], lang: str) -> list[dict]:
    return [p.as_dict(lang) for p in problems]
