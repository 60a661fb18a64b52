"""Units, one rule each (findings Z#2 and Z#3, stop 32).

Z#2: whether a unit is a percentage was a list of four spellings: `per cent`, `pct`, `percentage`,
`pourcentage`, `% des actifs` were not, so `12 %` was refused for them while 150 passed, and a unit changed
to `per cent` skipped the range check. One rule (units.is_percent) now serves every check.
Z#3: an observations file's `unit` column contradicting the indicator's unit passed silently; it is refused
at its cell, as the same unit written in the value cell is, and the indicator's own unit passes quietly."""
from __future__ import annotations

import pytest

from indicators.importing import import_files, validate_files
from indicators.units import is_percent

from .helpers import store_with_framework, write

PERCENT = ["%", "percent", "Percent", "per-cent", "per cent", "PER CENT", "procent", "pct", "pct.", "pourcentage",
           "Pourcent", "pour cent", "percentage", "Percentages", "% des actifs", "% of residents",
           "pourcentage de la population", " % "]
NOT_PERCENT = ["‰", "km", "persons", "EUR", "percentile", "% points", "percentage points", "points de pourcentage",
               "procentpunten", "pp", "", None, "perc"]


@pytest.mark.parametrize("unit", PERCENT)
def test_a_percent_unit_is_read_as_one(unit):
    assert is_percent(unit)


@pytest.mark.parametrize("unit", NOT_PERCENT)
def test_other_units_are_not_percentages(unit):
    assert not is_percent(unit)


@pytest.fixture
def store(tmp_path):
    return store_with_framework(f"sqlite:///{tmp_path / 'store.sqlite'}")


def _errors(checked):
    return [(p.file, p.row, p.column, p.value, p.code) for p in checked.problems if p.severity == "error"]


def test_every_check_reads_each_percent_spelling_alike(store, tmp_path):
    ids = [f"Q{k}" for k in range(len(PERCENT))] + ["PM"]
    units = PERCENT + ["‰"]
    indicators = "indicator_id,action_id,name_fr,unit,direction\n" + "".join(
        f'{i},A01,q,"{u}",increase\n' for i, u in zip(ids, units))
    observations = "indicator_id,territory_id,period,value\n" + "".join(
        f'{i},59350,2020,12 %\n{i},59350,2021,150\n{i},59350,2022,-1\n' for i in ids)
    checked = validate_files(store, [write(tmp_path, "ind.csv", indicators), write(tmp_path, "obs.csv", observations)])
    found = {(p.value, p.code) for p in checked.problems if p.severity == "error"}
    by_row = {p.row: p.code for p in checked.problems if p.severity == "error"}
    for k, i in enumerate(ids[:-1]):
        row = 2 + 3 * k
        assert row not in by_row, (units[k], by_row.get(row))                     # `12 %` is the unit's
        assert by_row.get(row + 1) == "percent_over_100", units[k]                  # 150 is refused
        assert by_row.get(row + 2) == "percent_over_100", units[k]                  # so is -1
    last = 2 + 3 * (len(ids) - 1)
    assert by_row[last] == "unit_mismatch" and last + 1 not in by_row              # ‰: not a percentage
    assert ("12 %", "unit_mismatch") in found


@pytest.mark.parametrize("unit", ["per cent", "pct", "% des actifs", "Pourcentage"])
def test_a_unit_changed_to_any_percent_spelling_is_refused_while_values_lie_outside(store, tmp_path, unit):
    assert import_files(store, [write(tmp_path, "obs.csv", "indicator_id,territory_id,period,value\n"
                                                           "MOB02,59350,2020,1000\n")], user="t").ok
    changed = write(tmp_path, "ind.csv", f'indicator_id,action_id,name_fr,unit,direction\nMOB02,A01,F,"{unit}",increase\n')
    outcome = import_files(store, [changed], user="t")
    assert not outcome.ok
    assert [p.code for p in outcome.checked.problems if p.severity == "error"] == ["unit_leaves_values"]
    # a percentage point is a difference: no bound, the unit may change
    points = write(tmp_path, "pts.csv", "indicator_id,action_id,name_fr,unit,direction\nMOB02,A01,F,% points,increase\n")
    assert import_files(store, [points], user="t").ok


# ------------------------------------------------------------------ Z#3: the observations' own unit column

@pytest.mark.parametrize("written, unit", [("%", "per cent"), ("per cent", "%"), ("€", "EUR"), ("eur", "EUR"),
                                           ("personnes", "persons"), ("Persons", "persons"), ("", "km"),
                                           ("EUR / habitant", "EUR/inhabitant"), ("km", "km")])
def test_the_same_unit_in_any_accepted_spelling(written, unit):
    from indicators.units import same_unit

    assert same_unit(written, unit)


@pytest.mark.parametrize("written, unit", [("%", "km"), ("MIO_EUR", "EUR"), ("km", "%"), ("‰", "%"), ("EUR", "persons")])
def test_another_unit(written, unit):
    from indicators.units import same_unit

    assert not same_unit(written, unit)


OBS_WITH_UNITS = """indicator_id;territory_id;period;value;{header}
MOB02;59350;2021;12;%
MOB02;59350;2022;13;persons
MOB01;59350;2022;12;MIO_EUR
MOB01;59350;2023;12;per cent
CLI01;59350;2023;12;µg/m³
MOB02;59512;2023;14;personnes
MOB02;59512;2024;15;
"""


@pytest.mark.parametrize("header", ["unit", "Unité", "EENHEID", "unite"])
@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_a_unit_column_contradicting_the_indicator_is_refused_at_its_cell(store, tmp_path, header, lang):
    path = write(tmp_path, "obsunit.csv", OBS_WITH_UNITS.format(header=header))
    checked = validate_files(store, [path])
    refused = [p for p in checked.problems if p.severity == "error"]
    assert [(p.file, p.row, p.column, p.value, p.code) for p in refused] == [
        ("obsunit.csv", 2, header, "%", "unit_column_mismatch"),
        ("obsunit.csv", 4, header, "MIO_EUR", "unit_column_mismatch")]
    first, second = (p.as_dict(lang) for p in refused)
    assert "MOB02" in first["message"] and {"fr": "personnes", "nl": "personen", "en": "persons"}[lang] in first["message"]
    assert "MOB01" in second["message"] and "%" in second["message"]
    words = {"fr": "colonne d'unité", "nl": "eenheidskolom", "en": "unit column"}[lang]
    assert words in first["message"] and first["suggestion"]
    # nothing is imported while a row contradicts its unit
    assert not import_files(store, [path], user="t").ok


def test_a_unit_column_matching_the_indicator_passes_quietly(store, tmp_path):
    path = write(tmp_path, "ok.csv", "indicator_id,territory_id,period,value,unit\n"
                                     "MOB01,59350,2021,12,%\nMOB01,59350,2022,13,Percent\n"
                                     "MOB02,59350,2022,13,persons\nMOB02,59512,2022,13,Personen\n")
    checked = validate_files(store, [path])
    assert _errors(checked) == []
    assert "_unit_cells" not in checked.tables["observations"]
    assert import_files(store, [path], user="t").ok


def test_a_unit_column_of_targets_and_of_an_indicator_in_the_same_import(store, tmp_path):
    indicators = write(tmp_path, "ind.csv", "indicator_id,action_id,name_fr,unit,unit_fr,direction\n"
                                            "BIKE,A01,Vélos,cyclists/day,cyclistes/jour,increase\n")
    targets = write(tmp_path, "tg.csv", "indicator_id;territory_id;baseline_period;baseline_value;target_period;"
                                        "target_value;Unité\nBIKE;59350;2020;10;2030;20;cyclistes/jour\n"
                                        "BIKE;59512;2020;10;2030;20;km\n")
    checked = validate_files(store, [indicators, targets])
    assert _errors(checked) == [("tg.csv", 3, "Unité", "km", "unit_column_mismatch")]
