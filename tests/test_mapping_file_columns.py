"""A mapped file's problems are said at the file's own columns, and its spreadsheet errors as a direct
import says them (left by the helper of mappings/cells.py, stop 31):

a. the validator checks the reshaped table, whose columns are `period`, `source`, `value`: a future
   period, or a source too long, was reported under those names, not under the file's `annee` or
   `origine` (or the year column `2099` of a table with years as columns);
b. `#N/A` and `#DIV/0!` (spreadsheet_errors.column_errors) were said by the direct import only: the
   mapped path called an `#N/A` territory an unknown code with a "nearest" code, or left it out silently
   as a territory outside the framework, and an `#N/A` period or flag a bad period or flag."""
from __future__ import annotations

import pytest

from indicators.importing import import_files, validate_files
from indicators.mappings import apply_mapping, known_for_mapping
from indicators.store import open_store

LANGS = ("fr", "nl", "en")


@pytest.fixture
def engine(demo_url):
    return open_store(demo_url)


def _checked(engine, text: str, spec: dict, dry_run: bool = False):
    mapped = apply_mapping(("f.csv", text.encode()), spec, known=known_for_mapping(engine))
    if dry_run:   # as the Data page checks it
        return import_files(engine, [mapped], user="-", dry_run=True).checked
    return validate_files(engine, [mapped])


@pytest.mark.parametrize("dry_run", [False, True])
def test_a_future_period_and_a_long_source_are_said_at_the_files_columns(engine, dry_run):
    long = "x" * 100_001
    text = f"code;annee;valeur;origine\n59350;2099;1;{long}\n59350;2020;2;INSEE\n"
    spec = {"territory": {"column": "code"}, "period": {"column": "annee"}, "values": {"valeur": "MOB10"},
            "source": {"column": "origine"}}
    checked = _checked(engine, text, spec, dry_run)
    said = {p.code: p for p in checked.problems}
    assert (said["future_period"].row, said["future_period"].column, said["future_period"].value) == (2, "annee", "2099")
    assert (said["too_long"].row, said["too_long"].column) == (2, "origine")
    for lang in LANGS:
        assert "annee" in said["future_period"].as_dict(lang)["column"]
    assert not [p for p in checked.problems if p.column in ("period", "source")]


def test_a_future_year_column_is_said_at_that_column(engine):
    text = "geo;2020;2099\n59350;1;2\n59512;3;4\n"
    spec = {"territory": {"column": "geo"}, "years_in_columns": {"indicator": "MOB10"}}
    checked = _checked(engine, text, spec)
    future = [(p.row, p.column, p.value) for p in checked.problems if p.code == "future_period"]
    assert future == [(2, "2099", "2099"), (3, "2099", "2099")]


def test_a_fixed_period_in_the_future_stays_the_mappings_own(engine):
    """A period the mapping gives (not a column of the file) is no column of the file to point at."""
    checked = _checked(engine, "code;valeur\n59350;1\n", {"territory": "code", "period": {"value": "2099"},
                                                           "values": {"valeur": "MOB10"}})
    (future,) = [p for p in checked.problems if p.code == "future_period"]
    assert future.column == "period" and future.row == 2


def _said(checked, lang: str) -> list[tuple]:
    return sorted((p.severity, p.code, p.row, p.column_said(lang), p.shown_value(lang), p.message(lang),
                   str(p.suggestion_text(lang))) for p in checked.problems if p.code != "ignored_columns")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("row, code", [
    ("59350;2020;#N/A;", "formula_not_available"),     # a value: no value, said by a notice
    ("#N/A;2020;5;", "formula_error_cell"),              # a territory: refused, never an unknown code
    ("59350;#N/A;5;", "formula_error_cell"),             # a period: refused, never a bad period
    ("59350;2020;5;#N/A", "formula_error_cell"),         # a flag: refused, never an unknown flag
    ("#DIV/0!;2020;5;", "formula_error_cell"),
    ("59350;2020;#DIV/0!;", "formula_error"),
])
def test_spreadsheet_errors_are_said_as_a_direct_import_says_them(engine, lang, row, code):
    body = "59512;2019;1;\n" + row + "\n"
    direct = validate_files(engine, [("f.csv", ("indicator_id;territory_id;period;value;flag\n" + "".join(
        f"MOB10;{line}\n" for line in body.splitlines())).encode())])
    spec = {"territory": {"column": "territory_id"}, "period": {"column": "period"}, "values": {"value": "MOB10"},
            "flag": {"column": "flag"}}
    mapped = _checked(engine, "territory_id;period;value;flag\n" + body, spec)
    assert code in {p.code for p in mapped.problems}
    assert _said(mapped, lang) == _said(direct, lang)


def test_an_na_territory_is_refused_even_where_the_mapping_keeps_the_frameworks_territories(engine):
    """With "keep": "known", an `#N/A` code was left out silently as a territory outside the framework."""
    spec = {"territory": {"column": "code", "keep": "known"}, "period": "2020", "values": {"valeur": "MOB10"}}
    mapped = apply_mapping(("f.csv", b"code;valeur\n59350;1\n#N/A;2\n99999;3\n"), spec,
                           known=known_for_mapping(engine))
    (problem,) = [p for p in mapped.problems if p.severity == "error"]
    assert (problem.code, problem.row, problem.column, problem.value) == ("formula_error_cell", 3, "code", "#N/A")
    assert mapped.summary["not_in_framework"] == 1 and mapped.summary["observations"] == 1


@pytest.mark.parametrize("lang", LANGS)
def test_an_error_in_a_source_column_is_kept_as_text_and_said_at_the_files_column(engine, lang):
    """An optional text keeps a spreadsheet's error as written, with a notice, as in an observations file."""
    spec = {"territory": "code", "period": "2020", "values": {"valeur": "MOB10"}, "source": {"column": "origine"}}
    checked = _checked(engine, "code;valeur;origine\n59350;1;#REF!\n59512;2;INSEE\n", spec)
    (notice,) = [p for p in checked.problems if p.code == "formula_error_text"]
    assert notice.column_said(lang) == "origine" and "2" in notice.message(lang)
    assert checked.ok
