"""A value a French or Dutch planner writes in words (`hausse`, `stijging`, `somme`, `en cours`) is refused,
as the codes are English, but the report names the code meant: spelling distance alone offered nothing."""
from __future__ import annotations

import pytest

from indicators.sheet_checks import allowed_meant


@pytest.mark.parametrize("column, cell, allowed, meant", [
    ("direction", "hausse", ("increase", "decrease"), "increase"),
    ("direction", "à la baisse", ("increase", "decrease"), "decrease"),
    ("direction", "Stijging", ("increase", "decrease"), "increase"),
    ("direction", "daling ", ("increase", "decrease"), "decrease"),
    ("aggregation", "somme", ("sum", "mean", "none"), "sum"),
    ("aggregation", "Gemiddelde", ("sum", "mean", "none"), "mean"),
    ("type", "réalisation", ("context", "output", "result"), "output"),
    ("status", "en cours", ("planned", "ongoing", "done", "delayed", "cancelled"), "ongoing"),
    ("implementation", "afgerond", ("planned", "ongoing", "done", "delayed", "cancelled"), "done"),
    ("comparability", "partielle", ("harmonised", "partial", "not_comparable"), "partial"),
    ("direction", "sideways", ("increase", "decrease"), None),
])
def test_the_code_meant_by_french_and_dutch_words(column, cell, allowed, meant):
    assert allowed_meant(column, cell, allowed) == meant


def test_the_report_suggests_it(demo_url):
    from indicators.importing import validate_files
    from indicators.store import open_store

    raw = ("indicator_id,action_id,name_fr,unit,direction,aggregation\n"
           "U1,A01,u1,km,hausse,somme\n").encode()
    checked = validate_files(open_store(demo_url), [("ind.csv", raw)])
    said = {p.column: p.suggestion_text("fr") for p in checked.problems if p.code == "not_allowed"}
    assert "increase" in said["direction"] and "sum" in said["aggregation"]
