"""What a report names, as outside tester Z read the contract (stop 32):

- Z#6: a report echoed huge header names in full (a 1 MB report for a 1 MB header); every header is now
  cut as a cell is (120 characters, then "…"), and a list of columns names its first ten, then how many more;
- Z#10: a code written `=I1` was two problems (formula-like, then "unknown code, did you mean I1"): one;
- Z#5: an action update's `partner_id` that is no partner code (`ZZ`, or `pb` for `PB`) passed silently: it
  is refused with the nearest code, as other unknown codes are."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from indicators.importing import import_files, validate_files

from .conftest import ROOT
from .helpers import write

LANGS = ("fr", "nl", "en")


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "indicators", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def _long(k: int) -> str:
    return f"col{k:04d}" + "x" * 1100


# ------------------------------------------------------------------ Z#6: headers cut in every report

def test_a_header_of_huge_names_is_reported_cut(demo_read_only, tmp_path):
    path = write(tmp_path, "longhdr.csv", ",".join(_long(k) for k in range(300)) + "\n" + ",".join("1" * 300) + "\n")
    checked = validate_files(demo_read_only, [path])
    (problem,) = [p for p in checked.problems if p.severity == "error"]
    for lang in LANGS:
        said = problem.as_dict(lang)
        text = json.dumps(said, ensure_ascii=False)
        assert len(text) < 3000, len(text)
        assert _long(0)[:120] + "…" in said["message"] and _long(9)[:120] + "…" in said["message"]
        assert _long(10)[:120] not in said["message"] and "(+290)" in said["message"]


def test_ignored_columns_are_named_cut_in_the_notice_and_the_json(demo_url, tmp_path):
    header = "indicator_id,territory_id,period,value," + ",".join(_long(k) for k in range(200))
    path = write(tmp_path, "longextra.csv", header + "\nMOB01,FRE,2020,1" + "," * 200 + "\n")
    size = path.stat().st_size
    done = _cli("--db", demo_url, "validate", "--format", "json", str(path))
    assert done.returncode == 0, done.stdout[-2000:]
    assert len(done.stdout) < size / 5, (len(done.stdout), size)
    report = json.loads(done.stdout)
    (entry,) = report["files"]
    assert len(entry["ignored_columns"]) == 200 and entry["ignored_columns"][0] == _long(0)[:120] + "…"
    (notice,) = [n for n in report["notices"] if _long(0)[:120] in n["message"]]
    assert "(+190)" in notice["message"] and _long(10)[:120] not in notice["message"]
    text = _cli("--db", demo_url, "--lang", "fr", "validate", str(path))
    assert len(text.stdout) < 5000 and _long(0)[:121] not in text.stdout


def test_many_short_column_names_are_listed_with_a_count(demo_read_only, tmp_path):
    path = write(tmp_path, "wide.csv", ",".join(f"c{k}" for k in range(999)) + "\n" + ",".join("1" * 999) + "\n")
    (problem,) = [p for p in validate_files(demo_read_only, [path]).problems if p.severity == "error"]
    message = problem.message("en")
    assert "c0, c1" in message and "c9, … (+989)" in message and "c10," not in message and len(message) < 400


def test_a_huge_header_named_as_a_problem_column_is_cut(demo_read_only, tmp_path):
    """A cell's problem names its column as written: a value column headed by 1,000 characters."""
    long_value = "valeur" + "v" * 1000
    path = write(tmp_path, "obs.csv", f"indicator_id;territory_id;period;{long_value}\nMOB01;FRE;2020;douze\n")
    checked = validate_files(demo_read_only, [path])
    problems = [p for p in checked.problems if p.severity == "error"]
    assert problems and all(len(p.column or "") <= 121 for p in problems)


# ------------------------------------------------------------------ Z#10: a formula-like code, one problem

@pytest.mark.parametrize("cell", ["=MOB01", "+MOB01", "@MOB01", "-MOB01"])
def test_a_formula_like_code_is_one_problem(demo_read_only, tmp_path, cell):
    path = write(tmp_path, "obs.csv", f"indicator_id;territory_id;period;value\n{cell};FRE;2020;12\n"
                                      "MOB01;=FRE;2021;12\n")
    checked = validate_files(demo_read_only, [path])
    found = [(p.row, p.column, p.value, p.code) for p in checked.problems if p.severity == "error"]
    assert found == [(2, "indicator_id", cell, "formula_code"), (3, "territory_id", "=FRE", "formula_code")]


def test_a_formula_like_code_in_a_code_list_or_an_allowed_value_is_one_problem(demo_read_only, tmp_path):
    path = write(tmp_path, "ind.csv", "indicator_id,action_id,name_fr,unit,direction\n"
                                      "NEW1,=A01,Nouveau,km,=increase\n")
    checked = validate_files(demo_read_only, [path])
    found = sorted((p.column, p.code) for p in checked.problems if p.severity == "error")
    assert found == [("action_id", "formula_code"), ("direction", "formula_code")]
    territories = write(tmp_path, "ter.csv", "territory_id,name_fr,country,levels\nT9,Neuf,FR,=border|metropolis\n")
    checked = validate_files(demo_read_only, [territories])
    assert [(p.column, p.code) for p in checked.problems if p.severity == "error"] == [("levels", "formula_code")]


# ------------------------------------------------------------------ Z#5: an update's partner, checked

@pytest.mark.parametrize("lang", LANGS)
def test_an_update_partner_unknown_or_in_another_case_is_refused_with_the_nearest(demo, tmp_path, lang):
    path = write(tmp_path, "au.csv", "action_id;period;implementation;text;partner_id\n"
                                     "A01;2026-S1;ongoing;unknown;ZZZZZZ\n"
                                     "A01;2026-S2;ongoing;lower;mel\n"
                                     "A01;2027-S1;ongoing;right;MEL\n"
                                     "A01;2027-S2;ongoing;none;\n")
    outcome = import_files(demo, [path], user="t")
    assert not outcome.ok
    refused = [p for p in outcome.checked.problems if p.severity == "error"]
    assert [(p.row, p.column, p.value, p.code) for p in refused] == [
        (2, "partner_id", "ZZZZZZ", "unknown_code"), (3, "partner_id", "mel", "unknown_code")]
    lower = refused[1].as_dict(lang)
    assert "MEL" in lower["suggestion"]
    assert {"fr": "partenaire", "nl": "partner", "en": "partner"}[lang] in refused[0].message(lang)


def test_an_update_naming_a_partner_of_the_same_files_passes(demo, tmp_path):
    partners = write(tmp_path, "partners.csv", "partner_id,name_fr,country\nNEWP,Nouveau partenaire,FR\n")
    updates = write(tmp_path, "au.csv", "action_id,period,implementation,text,partner_id\nA01,2027-S1,ongoing,x,NEWP\n")
    assert import_files(demo, [partners, updates], user="t").ok
