"""The checks of one sheet's rows once its cells are parsed: a required cell left empty, pandera's failure
cases (allowed values, ranges), a target's milestone against its baseline and target. A cell that already has
a problem of its own (not a number, not a period) is never judged again."""
from __future__ import annotations

import difflib

import numpy as np
import pandas as pd

from .countries import code_for
from .parsing import period_spans
from .problems import Problem, capped, rows_of
from .reading import Sheet
from .schema import COUNTRIES, Table


def milestone_problems(out: pd.DataFrame, sheet: Sheet, written: dict, rows, found: list[Problem]) -> list[Problem]:
    """A target's milestone is a period and a value together, between the baseline and the target: half
    of one (a period without its value, or a value without its period) or one outside (at or before the
    baseline, after the target) would be stored and judged against nothing sensible. A cell that already
    has a problem (an unreadable period, not a number) is not judged again."""
    def ok(name: str) -> np.ndarray:   # the rows whose cell of `name` has no problem of its own
        return ~np.isin(rows, rows_of([p for p in found if p.column == written.get(name, name)]))

    period = out["milestone_period"]
    value = out["milestone_value"].to_numpy(dtype="float64", na_value=np.nan)
    has_period, has_value = period.notna().to_numpy(), np.isfinite(value)
    shown = {name: sheet.frame[written[name]].astype("str").str.strip() if name in written else None
             for name in ("milestone_period", "milestone_value")}
    base, target = out["baseline_period"], out["target_period"]
    # Periods compare as periods, by their bounds (parsing.period_span; docs/data-format.md, "Periods"), as
    # target_order does: the milestone starts once the baseline is over, and ends when the target does or
    # before (`2030-Q1` is within a target `2030`). NaN (no period) compares False: nothing is said.
    starts, ends = period_spans(period)
    base_end = period_spans(base)[1]
    target_end = period_spans(target)[1]
    checks = (
        ("milestone_value", "milestone_value_missing", has_period & ~has_value & ok("milestone_value"),
         lambda i: {"period": period.iat[i]}),
        ("milestone_period", "milestone_period_missing", has_value & ~has_period & ok("milestone_period"),
         lambda i: {}),
        ("milestone_period", "milestone_before_baseline", has_period & (starts < base_end),
         lambda i: {"baseline": base.iat[i]}),
        ("milestone_period", "milestone_after_target", has_period & (ends > target_end),
         lambda i: {"target": target.iat[i]}),
    )
    problems: list[Problem] = []
    for name, code, bad, params in checks:
        at = np.flatnonzero(bad)
        where = written.get(name, name)
        cells = shown[name]
        problems.extend(capped(sheet.label, where, code, rows[at], lambda i, at=at, where=where, code=code,
                               cells=cells, params=params: Problem(
            sheet.label, int(rows[at[i]]), where, None if cells is None else cells.iat[at[i]], code,
            params(at[i]))))
    return problems


def required_problems(checked: pd.DataFrame, sheet: Sheet, table: Table, written: dict, rows,
                       found: list[Problem]) -> list[Problem]:
    """A required cell left empty, unless it has a problem of its own (not a number): one pass a column.
    As a pandera check, its failure cases cost Python objects a failing row (70 MB for 700,000 rows)."""
    problems: list[Problem] = []
    labels = checked.index.to_numpy()
    for col in table.columns:
        if not col.required or col.name not in checked:
            continue
        at = labels[checked[col.name].isna().to_numpy(dtype=bool)]
        if not len(at):
            continue
        where = written.get(col.name, col.name)
        at = at[~np.isin(rows[at], rows_of([p for p in found if p.column == where]))]
        cells = sheet.frame[written[col.name]] if col.name in written else None
        problems.extend(capped(sheet.label, where, "required", rows[at], lambda i, at=at, cells=cells, where=where:
                               Problem(sheet.label, int(rows[at[i]]), where,
                                       str(cells.iat[at[i]]) if cells is not None else "", "required", {})))
    return problems


def schema_problems(fc: pd.DataFrame, sheet: Sheet, table: Table, written: dict, rows, found: list[Problem]):
    """pandera's failure cases as problems, skipping cells that already have their own (not a number)."""
    fc = fc[fc["index"].notna()]
    problems: list[Problem] = []
    for (name, check), group in fc.groupby(["column", "check"], sort=False):
        col = table.column(name)
        where = written.get(col.name, col.name)
        at = group["index"].to_numpy(dtype=np.int64)
        at = at[~np.isin(rows[at], rows_of([p for p in found if p.column == where]))]
        cells = sheet.frame[written[col.name]] if col.name in written else None
        params = {}
        if check == "out_of_range":
            params = {"minimum": col.minimum if col.minimum is not None else "-∞",
                      "maximum": col.maximum if col.maximum is not None else "∞"}
        elif check == "not_allowed" and col.allowed is COUNTRIES:
            check = "not_country"      # 251 codes are no list to read: what a code is, and the one meant
        elif check == "not_allowed":
            params = {"allowed": ", ".join(col.allowed)}

        def make(i, at=at, cells=cells, col=col, where=where, check=check, params=params):
            cell = str(cells.iat[at[i]]) if cells is not None else ""
            suggestion = None
            if check == "not_allowed":
                close = allowed_meant(col.name, cell, col.allowed) \
                    or next(iter(difflib.get_close_matches(cell.strip().lower(), col.allowed, n=1, cutoff=0.5)), None)
                suggestion = ("did_you_mean", {"code": close}) if close else None
            elif check == "not_country":   # `Suisse`, `Deutschland`, `DEU`, Eurostat's `EL`: the code meant
                meant = code_for(cell)
                suggestion = ("did_you_mean", {"code": meant}) if meant else None
            return Problem(sheet.label, int(rows[at[i]]), where, cell, check, dict(params), suggestion)

        problems.extend(capped(sheet.label, where, check, rows[at], make))
    return problems


# The words a French or Dutch planner writes for an allowed value (`hausse`, `stijging`, `somme`): the
# interface's own words for it (texts under these prefixes), and a few more of the same sense.
_WORDS_OF = {"direction": "direction_", "type": "type_", "implementation": "impl_", "status": "impl_",
             "comparability": "comparability_", "periodicity": "periodicity_"}
_MORE_WORDS = {
    "increase": ("hausse", "augmentation", "croissant", "croissance", "stijging", "toename", "hoger", "up"),
    "decrease": ("baisse", "diminution", "décroissant", "réduction", "daling", "afname", "lager", "down"),
    "sum": ("somme", "som", "total", "totaal", "addition"),
    "mean": ("moyenne", "gemiddelde", "average", "moyen"),
    "none": ("aucune", "aucun", "geen", "sans", "néant"),
}


def allowed_meant(column: str, cell: str, allowed) -> str | None:
    """The allowed value a cell names in French or Dutch words (`hausse` -> increase, `en cours` -> ongoing,
    `somme` -> sum): spelling distance alone offered nothing for them. None when no word matches."""
    from .i18n import TEXTS
    from .schema import normalise_header as plain   # case, accents and spaces folded: `à la baisse` a_la_baisse

    said = plain(cell)
    if not said:
        return None
    prefix = _WORDS_OF.get(column)
    for value in allowed:
        words = {plain(w) for w in _MORE_WORDS.get(value, ())}
        if prefix and f"{prefix}{value}" in TEXTS:
            words |= {plain(w) for w in TEXTS[f"{prefix}{value}"].values()}
        # `à la hausse` is said `hausse` too: the label's last word
        words |= {w.split("_")[-1] for w in words if w}
        if said in words:
            return value
    return None
