"""Two columns naming one code (`indicateur` beside `indicator_id`, `territoire` beside `codgeo`): when
the second holds codes too and differs on a row, the row is refused, naming both columns and both
values; a real label column (`Population` beside `POP01`, `Lille` beside `59350`) still rides along with
its notice (outside tester's finding D15 of session 27)."""
from __future__ import annotations

import pytest

from indicators.importing import validate_files

from .helpers import store_with_framework, write


@pytest.fixture(scope="module")
def framework_store(tmp_path_factory):
    return store_with_framework(f"sqlite:///{tmp_path_factory.mktemp('codes') / 'store.sqlite'}")


@pytest.mark.parametrize("text, second, row, values", [
    ("indicateur;indicator_id;territory_id;period;value\nMOB02;MOB02;59350;2021;1\nMOB02;MOB01;59350;2022;2\n",
     "indicator_id", 3, ("MOB02", "MOB01")),
    ("territoire;codgeo;indicator_id;period;value\n59350;59350;MOB02;2021;1\n59350;59512;MOB02;2022;2\n",
     "codgeo", 3, ("59350", "59512")),
    # never equal on any row, but codes by their shape
    ("indicator_id;indicateur;territory_id;period;value\nMOB02;MOB01;59350;2021;1\n", "indicateur", 2, ("MOB02", "MOB01")),
])
def test_a_second_code_column_that_differs_is_refused_naming_both(tmp_path, framework_store, text, second, row, values):
    checked = validate_files(framework_store, [write(tmp_path, "two.csv", text)])
    refused = [p for p in checked.problems if p.severity == "error"]
    assert [(p.code, p.row, p.column, p.value) for p in refused] == [("conflicting_code_columns", row, second, values[1])]
    first = text.split(";")[0] if second != "indicateur" else "indicator_id"
    for lang in ("en", "fr", "nl"):
        message = refused[0].message(lang)
        assert all(w in message for w in (first, second, *values)), (lang, message)


@pytest.mark.parametrize("text", [
    "indicator_id;indicateur;territory_id;period;value\nMOB02;Cross-border commuters;59350;2021;1\nMOB02;Frontaliers;59350;2022;2\n",
    "territory_id;territoire;indicator_id;period;value\n59350;Lille;MOB02;2021;1\n59512;Roubaix;MOB02;2022;2\n",
])
def test_a_label_column_rides_along_with_its_notice(tmp_path, framework_store, text):
    checked = validate_files(framework_store, [write(tmp_path, "label.csv", text)])
    assert checked.ok, [p.as_dict() for p in checked.problems]
    assert [p.code for p in checked.problems] == ["ignored_columns"]


def test_an_agreeing_code_column_is_checked_not_ignored(tmp_path, framework_store):
    """Compared row by row, it is not listed among the ignored columns (stop 33): nothing to say."""
    text = "indicateur;indicator_id;territory_id;period;value\nMOB02;MOB02;59350;2021;1\n"
    checked = validate_files(framework_store, [write(tmp_path, "label.csv", text)])
    assert checked.ok and not checked.problems, [p.as_dict() for p in checked.problems]
