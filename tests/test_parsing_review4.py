"""Review 4: how cells are read and how problems are said.

Numbers pasted from Word and web pages (the minus sign U+2212, a unit beside the number), periods
written quarter first or with a thousands space, a huge cell echoed in every report, "rows 1" for one
row, and a Eurostat or Statbel file imported without its mapping. Each test goes through the real
reader and checks (read_file, check) or the command line.
"""
from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from indicators.reading import read_file
from indicators.validation import Known, check

from .conftest import ROOT
from .fixtures_dir import fixtures_dir
from .helpers import FRAMEWORK, write

LANGS = ("fr", "nl", "en")
OBS = "indicateur;territoire;période;valeur"
KNOWN = Known(indicators={"PCT": "%", "EUR": "EUR", "EURH": "EUR/inhabitant", "PERS": "persons", "KM": "km"},
              territories={"59350": None, "59512": None, "59599": None, "59009": None, "57096": None})


def _check(text: str, name: str = "obs.csv", known: Known = KNOWN):
    return check([read_file(text.encode("utf-8"), name)], known)


def _rows(lines: list[tuple[str, str]], period: str = "2024") -> str:
    """An observations file, one line per (indicator, value), each on its own territory-and-year key."""
    return OBS + "\n" + "".join(f"{ind};59350;{2000 + i};{value}\n" for i, (ind, value) in enumerate(lines))


def _values(checked) -> list[float | None]:
    return [None if np.isnan(v) else float(v) for v in checked.tables["observations"]["value"]]


def _errors(checked) -> list:
    return [p for p in checked.problems if p.severity == "error"]


# ---------------------------------------------------------------- numbers

def test_unicode_minus_signs_are_a_minus_and_a_lone_dash_stays_no_value():
    cells = ["\u22125", "\u22121 234,5", "\u2012 7", "\u20133,5 p", "-5", "\u2212", "\u2013", "-"]
    checked = _check(_rows([("PERS", c) for c in cells]))
    assert _errors(checked) == []
    # The last three are no value: skipped, never stored as zero, counted in the notice.
    assert _values(checked) == [-5.0, -1234.5, -7.0, -3.5, -5.0]
    assert list(checked.tables["observations"]["flag"])[3] == "p"
    notice = next(p for p in checked.problems if p.code == "no_value_rows")
    assert notice.params["count"] == 3


def test_a_unit_sign_that_is_the_indicators_unit_is_dropped():
    lines = [("PCT", "12 %"), ("PCT", "12,5 %"), ("PCT", "12,50%"), ("PCT", "12,5\u00a0%"), ("PCT", "7,5 % p"),
             ("EUR", "1 234 €"), ("EUR", "12,5 €"), ("EUR", "€ 12"), ("EURH", "1 234 €"), ("KM", "12 km"),
             ("EUR", "12 EUR"), ("PCT", "3")]
    checked = _check(_rows(lines))
    assert _errors(checked) == [], [p.as_dict() for p in _errors(checked)]
    assert _values(checked) == [12.0, 12.5, 12.5, 12.5, 7.5, 1234.0, 12.5, 12.0, 1234.0, 12.0, 12.0, 3.0]
    flags = list(checked.tables["observations"]["flag"])
    assert flags[4] == "p" and flags[10] is None   # `12 EUR` is a unit, not the flags e, u and r
    assert not [c for c in checked.tables["observations"].columns if c.startswith("_sign")]   # nothing left behind


def test_a_unit_sign_read_with_the_unit_of_an_indicator_of_the_same_upload():
    indicators = ("indicator_id,action_id,name_fr,unit,direction\nNEW1,A01,Part,%,increase\n"
                  "NEW2,A01,Budget,EUR,increase\n")
    obs = "indicator_id;territory_id;period;value\nNEW1;59350;2024;12,5 %\nNEW2;59350;2024;12,5 %\n"
    checked = check([read_file(indicators.encode(), "indicators.csv"), read_file(obs.encode(), "obs.csv")],
                    Known(actions={"A01"}, territories={"59350": None}))
    wrong = [(p.row, p.code) for p in _errors(checked)]
    assert wrong == [(3, "unit_mismatch")]
    assert checked.tables["observations"]["value"].iloc[0] == 12.5


@pytest.mark.parametrize("indicator, cell, unit", [("EURH", "12 %", {"en": "EUR/inhabitant", "fr": "EUR/habitant",
                                                                     "nl": "EUR/inwoner"}),
                                                   ("PCT", "12 €", {"en": "%", "fr": "%", "nl": "%"}),
                                                   ("PCT", "1.234,5 €", {"en": "%", "fr": "%", "nl": "%"}),
                                                   ("PERS", "12,5 %", {"en": "persons", "fr": "personnes",
                                                                       "nl": "personen"})])
def test_a_unit_sign_that_is_not_the_indicators_unit_is_refused_saying_both(indicator, cell, unit):
    checked = _check(_rows([(indicator, cell)]))
    problems = _errors(checked)
    assert [(p.row, p.column, p.value, p.code) for p in problems] == [(2, "valeur", cell, "unit_mismatch")]
    sign = cell.split()[-1]
    for lang in LANGS:
        said = problems[0].as_dict(lang)
        assert sign in said["message"] and unit[lang] in said["message"] and indicator in said["message"], said
        assert said["suggestion"] and unit[lang] in said["suggestion"]
    # refused once: not judged again as a percentage over 100, never stored
    assert not [p for p in problems if p.code == "percent_over_100"]


def test_a_number_in_brackets_is_refused_saying_to_write_a_minus():
    checked = _check(_rows([("PERS", "(12)"), ("PERS", "(1 234,5)")]))
    problems = _errors(checked)
    assert [(p.row, p.code) for p in problems] == [(2, "not_a_number"), (3, "not_a_number")]
    for lang, word in (("en", "minus"), ("fr", "moins"), ("nl", "minteken")):
        assert word in problems[0].suggestion_text(lang) and "-12" in problems[0].suggestion_text(lang)
        assert "-1 234,5" in problems[1].suggestion_text(lang)


def test_not_a_number_says_what_the_cell_holds():
    checked = _check(_rows([("PERS", "x"), ("PERS", "12 na"), ("PERS", "1_000"), ("PERS", "5l,6")]))
    said = {p.value: p.suggestion_text("en") for p in _errors(checked)}
    assert set(said) == {"x", "12 na", "1_000", "5l,6"}
    assert "letters (x)" in said["x"] and "letters (na)" in said["12 na"]
    assert "(_)" in said["1_000"]
    assert said["5l,6"] == "Write a number such as 1234,5 or 1234.5, or leave the cell empty."   # a typo: as before
    fr = {p.value: p.suggestion_text("fr") for p in _errors(checked)}
    assert "lettres (x)" in fr["x"]
    # A unit in a column whose rows name no indicator (a territory's population): refused, saying it is a unit.
    territories = "territory_id,name_fr,country,population\nT1,Un,FR,12 %\n"
    problem = _errors(check([read_file(territories.encode(), "territories.csv")]))[0]
    assert problem.code == "not_a_number" and "unit (%)" in problem.suggestion_text("en")
    assert "unité (%)" in problem.suggestion_text("fr") and "eenheid (%)" in problem.suggestion_text("nl")


# ---------------------------------------------------------------- periods

def test_periods_written_quarter_first_or_with_a_thousands_space():
    read = {"2 024": "2024", "2\u00a0024": "2024", "2\u202f024": "2024", "T1 2024": "2024-Q1",
            "Q2 2024": "2024-Q2", "K3 2024": "2024-Q3", "Q4-2024": "2024-Q4", "t1-2023": "2023-Q1",
            "Q12022": "2022-Q1", "2021 Q1": "2021-Q1", "2021 T2": "2021-Q2"}
    refused = ["2024-13", "20244", "Q5 2024", "2 0244", "20 24", "24", "2024-2025", "2024/25", "FY2024",
               "2024-S1"]
    cells = list(read) + refused
    text = OBS + "\n" + "".join(f"PERS;{59000 + i};{c};1\n" for i, c in enumerate(cells))
    checked = _check(text, known=Known(indicators={"PERS": "persons"},
                                       territories={str(59000 + i): None for i in range(len(cells))}))
    assert list(checked.tables["observations"]["period"])[:len(read)] == list(read.values())
    bad = [p.value for p in _errors(checked) if p.code == "bad_period"]
    assert bad == refused


# ---------------------------------------------------------------- a huge cell is never echoed whole

@pytest.mark.parametrize("cell", ["x" * 100_000, '"' * 100_000])
def test_a_huge_cell_is_cut_in_every_report(tmp_path, cell):
    quoted = '"' + cell.replace('"', '""') + '"'
    text = f"indicator_id,territory_id,period,value\nPERS,59350,2024,{quoted}\n"
    checked = _check(text, "huge.csv")
    problem = next(p for p in _errors(checked) if p.row == 2)
    assert problem.code == "not_a_number" and len(problem.value) < 200
    for lang, words in (("en", "100,000 characters"), ("fr", "caractères"), ("nl", "tekens")):
        shown = problem.as_dict(lang)["value"]
        assert len(shown) < 200 and words in shown and shown.startswith(cell[:100]), shown
        assert len(json.dumps(checked.report(lang))) < 5_000
    # The command line's text and JSON outputs too.
    path = write(tmp_path, "huge.csv", text)
    url = f"sqlite:///{tmp_path / 's.sqlite'}"
    subprocess.run([sys.executable, "-m", "indicators", "--db", url, "init"], cwd=ROOT, check=True, timeout=300)
    for args in ((), ("--format", "json")):
        done = subprocess.run([sys.executable, "-m", "indicators", "--db", url, "validate", *args, str(path)],
                              cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert done.returncode == 1 and len(done.stdout) < 5_000, (done.stderr[-2000:], done.stdout[:300])


# ---------------------------------------------------------------- "row 1", "rows 2, 3"

def test_the_command_line_says_row_for_one_row_and_rows_for_several(tmp_path):
    url = f"sqlite:///{tmp_path / 's.sqlite'}"
    done = subprocess.run([sys.executable, "-m", "indicators", "--db", url, "import", *map(str, FRAMEWORK)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    # An ignored column (a notice on the header, row 1) and a replaced territory code on rows 2 and 3.
    path = write(tmp_path, "obs.csv", "indicator_id,territory_id,period,value,label\n"
                                      "MOB02,54007,2017,1,a\nMOB02,54007,2018,2,b\n")
    expected = {"en": (", row 1:", ", rows 2-3"), "fr": (", ligne 1\u202f:", ", lignes 2-3"),
                "nl": (", rij 1:", ", rijen 2-3")}
    for lang in LANGS:
        done = subprocess.run([sys.executable, "-m", "indicators", "--db", url, "--lang", lang, "validate",
                               str(path)], cwd=ROOT, capture_output=True, text=True, timeout=300)
        one, several = expected[lang]
        lines = done.stdout.splitlines()
        assert any(f"obs.csv{one}" in line for line in lines), (lang, done.stdout)
        assert any(f"obs.csv{several}" in line for line in lines), (lang, done.stdout)


# ---------------------------------------------------------------- a foreign layout without its mapping

EUROSTAT = ("freq,unit,geo\\TIME_PERIOD\t2021 \t2020 \t2019 \t2018 \t2017 \n"
            "A,EUR_HAB,BE254\t48600 p\t43700 \t44600 \t43300 \t42100 \n"
            "A,EUR_HAB,FRE11\t35000 \t33000 \t34100 \t33600 \t32900 \n")
STATBEL = "NIS code,Woonplaats,Mannen,Vrouwen,Totaal\n01000,België,5660064,5832577,11492641\n" \
          "11001,Aartselaar,7066,7221,14287\n"


@pytest.mark.parametrize("name, text, layout", [("estat.tsv", EUROSTAT, "Eurostat"),
                                                ("statbel.csv", STATBEL, "Statbel")])
def test_a_foreign_layout_without_a_mapping_is_pointed_to_the_mapping(name, text, layout):
    checked = _check(text, name)
    problem = _errors(checked)[0]
    words = {"en": ("Files in another layout", "mapping"), "fr": ("Fichiers dans une autre présentation",
                                                                   "correspondance"),
             "nl": ("Bestanden in een andere opmaak", "koppeling")}
    for lang in LANGS:
        said = problem.suggestion_text(lang)
        assert layout in said and "--mapping" in said and all(w in said for w in words[lang]), said
        assert "Rename" not in said
    # A table of unknown columns that no mapping layout names is still told to rename them.
    checked = _check("dep;sexe;jour;hosp\n59;0;2020-03-18;106\n", "spf.csv")
    assert _errors(checked)[0].suggestion_text("en") == "Rename the columns or download the template of the table."


def test_the_real_eurostat_file_without_a_mapping_is_pointed_to_the_mapping():
    path = fixtures_dir() / "csv" / "eurostat_nama_10r_3gdp_BE_FR.tsv"
    if not path.exists():
        pytest.skip("MONITOR_FIXTURES is not set")
    problem = _errors(check([read_file(path)]))[0]
    assert problem.code == "unknown_table" and "--mapping" in problem.suggestion_text("en")

