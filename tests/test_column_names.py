"""A column with an empty header is named by its letter ("column E"): every place that shows a problem
says it in the user's language, the command line without the word twice."""
from __future__ import annotations

from indicators.cli import main
from indicators.problems import Problem

from .helpers import FRAMEWORK, write


def test_a_problem_at_a_column_without_header_says_it_in_each_language():
    p = Problem("f.csv", 2, "column E", "x", "too_many_fields", {"letter": "E"}, unnamed=("E",))
    assert [p.as_dict(lang)["column"] for lang in ("fr", "nl", "en")] == ["colonne E", "kolom E", "column E"]
    named = Problem("f.csv", 2, "valeur", "x", "not_a_number", unnamed=("E",))
    assert named.as_dict("fr")["column"] == "valeur"   # a name as written is never translated
    written = Problem("f.csv", 2, "column E", "x", "not_a_number", unnamed=())   # a header written so
    assert written.as_dict("fr")["column"] == "column E" and not written.column_unnamed()


def test_names_inside_a_list_and_look_alikes():
    listed = Problem("f.csv", 1, None, None, "unknown_table", {"found": "indicateur, column B, column AA",
                                                               "expected": "x"}, unnamed=("B", "AA"))
    assert "indicateur, kolom B, kolom AA" in listed.message("nl")
    look_alike = Problem("f.csv", 1, None, None, "unknown_table", {"found": "my column Earth", "expected": "x"},
                         unnamed=("E",))
    assert "my column Earth" in look_alike.message("fr")   # a word, not a letter
    assert Problem("f.csv", 1, "column XFD", None, "required", unnamed=("XFD",)).column_unnamed()
    assert not Problem("f.csv", 1, "Voix (E)", None, "required", unnamed=("E",)).column_unnamed()
    missing = Problem("f.csv", 1, None, None, "missing_columns",
                      {"kind": "observations", "missing": "column D", "found": "column A, valeur"},
                      unnamed=("A", "D"))
    assert "colonne D" in missing.message("fr") and "column" not in missing.message("fr")


def test_command_line_names_the_column_once_in_the_users_language(tmp_path, sqlite_url, capsys):
    assert main(["init", "--db", sqlite_url]) == 0
    assert main(["import", "--db", sqlite_url, *map(str, FRAMEWORK)]) == 0
    bad = write(tmp_path, "wide.csv", "indicator_id;territory_id;period;value\nMOB01;59350;2023;1,5;x\n"
                "MOB01;59350;2022;1,4\n")
    capsys.readouterr()
    assert main(["validate", "--db", sqlite_url, "--lang", "fr", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "wide.csv, ligne 2, colonne E [x]" in out
    assert "column" not in out
