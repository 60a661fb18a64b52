"""Milestones of a target, a flag written twice, the no-value markers of French and Belgian files and a
spreadsheet's formula errors (outside tester's findings D7, D8, D11 of session 27): each checked against
what is stored or refused, with the row, column and value a planner would look for."""
from __future__ import annotations

import io

import pytest

from indicators.importing import import_files, validate_files
from indicators.parsing import normal_flag, parse_number_cell
from indicators.store import read_table

from .helpers import store_with_framework

TARGETS = "indicator_id,territory_id,baseline_period,baseline_value,target_period,target_value," \
          "milestone_period,milestone_value\n"
OBS = "indicator_id,territory_id,period,value,flag\n"


@pytest.fixture
def engine(tmp_path):
    return store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")


def errors_of(checked) -> list[tuple]:
    return [(p.row, p.column, p.value, p.code) for p in checked.problems if p.severity == "error"]


# ------------------------------------------------------------------ D7: milestones

def test_half_written_and_misplaced_milestones_are_refused_with_row_column_and_value(engine):
    raw = (TARGETS + "MOB01,59350,2019,1,2030,20,2027,\n"      # a period without its value
                     "MOB02,59350,2019,1,2030,20,,5\n"         # a value without its period
                     "MOB01,59512,2019,1,2030,20,2035,5\n"     # after the target
                     "MOB02,59512,2019,1,2030,20,2018,5\n"     # before the baseline
                     "MOB01,34022,2019,1,2030,20,2019,5\n"     # at the baseline: no path to judge it on
                     "MOB02,34022,2019,1,2030,20,2027,12\n"    # a good one
                     "MOB01,57096,2019,1,2030,20,2030,20\n"    # at the target: allowed
                     "MOB02,57096,2019,1,2030,20,,\n")         # none: fine
    checked = validate_files(engine, [("targets.csv", raw.encode())])
    assert errors_of(checked) == [
        (2, "milestone_value", "", "milestone_value_missing"),
        (3, "milestone_period", "", "milestone_period_missing"),
        (4, "milestone_period", "2035", "milestone_after_target"),
        (5, "milestone_period", "2018", "milestone_before_baseline"),
        (6, "milestone_period", "2019", "milestone_before_baseline"),
    ]
    said = {p.code: {lang: p.message(lang) for lang in ("fr", "nl", "en")} for p in checked.problems}
    assert "2027" in said["milestone_value_missing"]["fr"] and "jalon" in said["milestone_value_missing"]["fr"]
    assert "(2030)" in said["milestone_after_target"]["nl"] and "mijlpaal" in said["milestone_after_target"]["nl"]
    assert "(2019)" in said["milestone_before_baseline"]["en"]
    assert import_files(engine, [("targets.csv", raw.encode())]).result is None   # nothing stored
    assert read_table(engine, "targets").empty


def test_milestone_checks_name_the_columns_as_written_and_skip_cells_already_refused(engine):
    header = "indicateur;territoire;periode_reference;valeur_reference;periode_cible;valeur_cible;" \
             "periode_jalon;valeur_jalon\n"
    raw = header + ("MOB01;59350;2019;1;2030;20;20x7;5\nMOB02;59350;2019;1;2030;20;2027;abc\n"
                    "MOB01;59512;2019;1;2030;20;2035;5\n")
    checked = validate_files(engine, [("cibles.csv", raw.encode())])
    # The unreadable cells have their own problems only: not "a value without a period" nor "a period
    # without a value".
    assert errors_of(checked) == [(2, "periode_jalon", "20x7", "bad_period"),
                                  (3, "valeur_jalon", "abc", "not_a_number"),
                                  (4, "periode_jalon", "2035", "milestone_after_target")]


# ------------------------------------------------------------------ D8: a flag written twice

def test_flag_after_the_number_and_in_the_flag_column_are_both_kept_in_eurostats_order(engine):
    raw = OBS + ("MOB01,59350,2019,12.5 p,e\n"      # both written: neither dropped
                 "MOB01,59350,2020,13 pp,\n"        # a letter repeated
                 "MOB01,59350,2021,14,pp\n"
                 "MOB01,59350,2022,15,PE\n"         # any case, any order
                 "MOB01,59350,2023,16 e,e\n")       # the same letter twice
    outcome = import_files(engine, [("flags.csv", raw.encode())], user="test")
    assert outcome.ok, errors_of(outcome.checked)
    obs = read_table(engine, "observations")
    assert dict(zip(obs.period, obs.flag)) == {"2019": "ep", "2020": "p", "2021": "p", "2022": "ep", "2023": "e"}
    again = import_files(engine, [("flags.csv", raw.encode())], user="test")
    assert again.result.summary()["unchanged"] == 5   # a round trip: the stored flags read back the same


def test_normal_flag():
    assert normal_flag("pe") == "ep" and normal_flag("p", "e") == "ep" and normal_flag("bpb", "P") == "bp"
    assert normal_flag(None, "") is None and normal_flag("e", None) == "e" and normal_flag(float("nan"), "p") == "p"


# ------------------------------------------------------------------ D11: markers and formula errors

NEW_MARKERS = ["s", "secret", "Secret", "S", "nc", "n.c.", "N.C.", "n/d", "N/D", "#N/A", "#N/D", "#N/B"]
MARKERS = NEW_MARKERS + ["nd", "n.d."]


@pytest.mark.parametrize("marker", NEW_MARKERS)
def test_french_and_belgian_no_value_markers_mean_no_value(marker):
    assert parse_number_cell(marker, ",") == (None, None, None)


def test_no_value_markers_are_skipped_and_counted_never_stored_and_keep_stored_values(engine):
    assert import_files(engine, [("first.csv", (OBS + "MOB01,59350,2010,7.5,\n").encode())], user="t").ok
    raw = "indicateur;territoire;periode;valeur\n" + "".join(
        f"MOB01;59350;{2010 + i};{m}\n" for i, m in enumerate(MARKERS)) + "MOB01;59350;2030;12 s\n"
    outcome = import_files(engine, [("insee.csv", raw.encode("utf-8"))], user="t")
    assert outcome.ok, errors_of(outcome.checked)
    notice = next(p for p in outcome.checked.problems if p.code == "no_value_rows")
    assert notice.params["count"] == len(MARKERS)
    obs = read_table(engine, "observations")
    # 2010 keeps its value; `12 s` is Eurostat's estimate flag after a number, not the secret marker.
    assert {r.period: (r.value, r.flag) for r in obs.itertuples()} == {"2010": (7.5, None), "2030": (12.0, "s")}
    assert parse_number_cell(": s", ".") == (None, "s", None)   # Eurostat's flag after "no value" too


@pytest.mark.parametrize("error", ["#DIV/0!", "#VALEUR!", "#VALUE!", "#REF!", "#NAME?", "#NOM?", "#WAARDE!",
                                   "#NOMBRE!", "Err:502"])
def test_formula_errors_are_refused_as_formula_errors_not_letters(engine, error):
    raw = "indicateur;territoire;periode;valeur\nMOB01;59350;2023;" + error + "\n"
    checked = validate_files(engine, [("calc.csv", raw.encode())])
    assert errors_of(checked) == [(2, "valeur", error, "formula_error")]
    problem = checked.problems[-1]
    assert problem.message("fr").startswith("Erreur de formule dans le tableur")
    assert "letters" not in (problem.suggestion_text("en") or "") and "lettres" not in problem.message("fr")


def test_formula_errors_cached_in_an_xlsx_are_refused_and_its_na_is_no_value(engine):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "observations"
    sheet.append(["indicator_id", "territory_id", "period", "value"])
    for year, error in ((2021, "#N/A"), (2022, "#DIV/0!"), (2023, "#VALUE!")):
        sheet.append(["MOB01", "59350", year, error])
        sheet.cell(sheet.max_row, 4).data_type = "e"   # an error Excel computed and saved
    buffer = io.BytesIO()
    book.save(buffer)
    checked = validate_files(engine, [("book.xlsx", buffer.getvalue())])
    assert [(r, v, c) for r, _, v, c in errors_of(checked)] == [(3, "#DIV/0!", "formula_error"),
                                                                (4, "#VALUE!", "formula_error")]
    assert next(p for p in checked.problems if p.code == "no_value_rows").params["count"] == 1
