"""A problem's value is the cell as the file writes it: `−12,5` (a Unicode minus, U+2212) is shown as
`−12,5`, not as the number read back (`-12,5`) (outside tester's finding D15 of session 27)."""
from __future__ import annotations

from indicators.importing import validate_files

from .helpers import store_with_framework, write


def test_a_percentage_out_of_range_shows_its_cell_as_written(tmp_path):
    engine = store_with_framework(f"sqlite:///{tmp_path / 'store.sqlite'}")
    path = write(tmp_path, "minus.csv", "indicator_id;territory_id;period;value\n"
                                        "MOB01;59350;2021;\u221212,5\nMOB01;59350;2022;1\u00a0250,0 %\n")
    checked = validate_files(engine, [path])
    shown = [(p.row, p.code, p.as_dict("fr")["value"]) for p in checked.problems if p.severity == "error"]
    assert shown == [(2, "percent_over_100", "\u221212,5"), (3, "percent_over_100", "1\u00a0250,0 %")]


def test_a_conflicting_repeat_shows_its_cell_as_written(tmp_path):
    engine = store_with_framework(f"sqlite:///{tmp_path / 'store.sqlite'}")
    path = write(tmp_path, "twice.csv", "indicator_id;territory_id;period;value\n"
                                        "MOB02;59350;2021;12\nMOB02;59350;2021;\u22121 200\n")
    checked = validate_files(engine, [path])
    (problem,) = [p for p in checked.problems if p.code == "conflicting_key"]
    assert (problem.row, problem.value) == (3, "\u22121 200")
