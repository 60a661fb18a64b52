"""Foreign layouts: real INSEE, CNAF, Statbel, ARCEP and Eurostat files imported through mappings.

The files are read from ../shared/fixtures/csv (never copied into the repository). The
expected figures below were read by eye in the files (line numbers = spreadsheet rows).
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from indicators.exporting import export_frames
from indicators.importing import import_files, validate_files
from indicators.mappings import (MappingError, apply_mapping, apply_saved_mapping, known_for_mapping,
                                 save_mapping_spec, suggest_mapping, validate_spec)
from indicators.reading import read_file
from indicators.store import get_mapping, list_mappings, open_store

from .conftest import FIXTURES, ROOT
from .helpers import snapshot, write

CSV = FIXTURES / "csv"
CNAF = CSV / "cnaf_data_DEMO_2020_V1_COM.csv"
EUROSTAT = CSV / "eurostat_nama_10r_3gdp_BE_FR.tsv"
STATBEL = CSV / "statbel_bevolking_per_gemeente_2020.csv"
INSEE = CSV / "insee_poplegales_Communes.csv"
ARCEP = CSV / "thd_commune-debit-beta_dep59.csv"

FRAMEWORK = {
    "levels.csv": "level_id,name_fr\nborder,Communes frontalières\n",
    "themes.csv": "theme_id,name_fr\neconomy,Économie\nquality_of_life,Qualité de vie\n",
    "actions.csv": "action_id,level_id,theme_id,title_fr\nA1,border,economy,Économie\nA2,border,quality_of_life,Vie\n",
    "indicators.csv": (
        "indicator_id,action_id,name_fr,unit,direction\n"
        "DEM_TXF,A2,Part des femmes,%,increase\n"
        "CAF_ETUD,A2,Allocataires étudiants,persons,increase\n"
        "POP_FR,A2,Population municipale,persons,increase\n"
        "POP_BE,A2,Bevolking,persons,increase\n"
        "GDP_HAB,A1,PIB par habitant,EUR/hab,increase\n"
        "THD_FTTH,A2,Locaux éligibles FTTH,dwellings,increase\n"),
    "territories.csv": (
        "territory_id,name_fr,country,kind\n"
        "59350,Lille,FR,commune\n59512,Roubaix,FR,commune\n59599,Tourcoing,FR,commune\n"
        "01001,L'Abergement-Clémenciat,FR,commune\n01034,Belley,FR,commune\n2A004,Ajaccio,FR,commune\n"
        "34022,Courtrai,BE,commune\n57096,Mouscron,BE,commune\n57081,Tournai,BE,commune\n21004,Bruxelles,BE,commune\n"
        "BE254,Arr. Kortrijk,BE,nuts3\nBE328,Tournai-Mouscron,BE,nuts3\nFRE11,Nord,FR,nuts3\n"),
}

CNAF_SPEC = {"territory": {"column": "CODGEO", "keep": "known", "country": "FR"}, "period": {"value": "2020"},
             "values": {"TX_F": "DEM_TXF", "A_ETUD": "CAF_ETUD"}, "source": "CNAF / INSEE RP 2020"}
EUROSTAT_SPEC = {
    "split": [{"column": "unit,geo\\time", "separator": ",", "into": ["unit", "geo"]}],
    "filters": [{"column": "unit", "equals": "EUR_HAB"}],
    "territory": {"column": "geo", "keep": "known"},
    "years_in_columns": {"indicator": "GDP_HAB"},
    "source": "Eurostat nama_10r_3gdp",
}
STATBEL_SPEC = {"territory": {"column": "NIS code", "pattern": r"\d{5}", "exclude": r"\d{2}000|2000[12]"},
                "period": {"value": "2020"}, "values": {"Totaal": "POP_BE"}}
INSEE_SPEC = {"territory": {"column": "DEPCOM", "keep": "known", "country": "FR"}, "period": {"value": "2019"},
              "values": {"PMUN": "POP_FR"}}
ARCEP_SPEC = {"territory": {"column": "code_insee", "keep": "known", "country": "FR"},
              "period": {"column": "date", "as": "year"}, "values": {"elig_thd1g": "THD_FTTH"}}


@pytest.fixture
def framework(tmp_path):
    folder = tmp_path / "framework"
    folder.mkdir()
    return [write(folder, name, text) for name, text in FRAMEWORK.items()]


def _store(url, framework):
    engine = open_store(url)
    outcome = import_files(engine, framework, user="test")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems]
    return engine


def _observations(engine):
    frame = export_frames(engine, "observations")["observations"]
    return {(r.indicator_id, r.territory_id, r.period): (r.value, r.flag if isinstance(r.flag, str) else None)
            for r in frame.itertuples(index=False)}


def _errors(mapped) -> list:
    """A mapped file's problems, without its notices (the cells without a value it counts)."""
    return [p for p in mapped.problems if p.severity == "error"]


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "indicators", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


# ---------------------------------------------------------------- the real files, end to end

def test_five_real_foreign_files_import_in_one_batch(store_url, framework):
    engine = _store(store_url, framework)
    known = known_for_mapping(engine)
    sources = [apply_mapping(CNAF, CNAF_SPEC, known=known),
               apply_mapping(EUROSTAT, EUROSTAT_SPEC, known=known),
               apply_mapping(STATBEL, {**STATBEL_SPEC, "territory": {**STATBEL_SPEC["territory"], "keep": "known"}},
                             known=known),
               apply_mapping(INSEE, INSEE_SPEC, known=known),
               apply_mapping(ARCEP, ARCEP_SPEC, known=known)]
    outcome = import_files(engine, sources, user="planner")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems]
    # CNAF: 2 columns x 5 communes, minus the empty A_ETUD of 01034 (not stored as zero).
    # Eurostat: BE254 19 years, BE328 11, FRE11 22 (':' is no value). Statbel 4, INSEE 6, ARCEP 3.
    assert outcome.result.summary() == {"added": 9 + 52 + 4 + 6 + 3, "updated": 0, "unchanged": 0, "rejected": 0}
    obs = _observations(engine)
    assert len(obs) == 74

    # CNAF commune file: decimal comma, fixed period.
    assert obs[("DEM_TXF", "59350", "2020")] == (51.6, None)
    assert obs[("DEM_TXF", "59512", "2020")] == (51.4, None)
    assert obs[("DEM_TXF", "59599", "2020")] == (52.0, None)
    assert obs[("DEM_TXF", "01034", "2020")] == (52.9, None)
    assert obs[("CAF_ETUD", "59350", "2020")] == (26215.0, None)
    assert obs[("CAF_ETUD", "59599", "2020")] == (687.0, None)
    assert ("CAF_ETUD", "01034", "2020") not in obs          # empty cell in the file
    assert obs[("CAF_ETUD", "2A004", "2020")] == (99.0, None)
    # Eurostat GDP per inhabitant: years as columns, flags after the value, ':' not stored.
    assert obs[("GDP_HAB", "BE254", "2021")] == (48600.0, "p")
    assert obs[("GDP_HAB", "BE254", "2019")] == (44900.0, None)
    assert obs[("GDP_HAB", "BE254", "2003")] == (27600.0, None)
    assert ("GDP_HAB", "BE254", "2002") not in obs
    assert obs[("GDP_HAB", "FRE11", "2020")] == (30400.0, "e")
    assert obs[("GDP_HAB", "FRE11", "2000")] == (20300.0, None)
    assert obs[("GDP_HAB", "BE328", "2017")] == (29800.0, None)
    assert ("GDP_HAB", "BE328", "2016") not in obs
    assert sorted(p for i, t, p in obs if (i, t) == ("GDP_HAB", "BE328")) == [
        "2003", "2004", "2005", "2006", "2007", "2008", "2017", "2018", "2019", "2020", "2021"]
    assert sum(1 for i, t, p in obs if i == "GDP_HAB") == 52
    # Statbel (UTF-8 BOM, Dutch headers), INSEE (codes keep their zeros), ARCEP (note line above the header).
    assert obs[("POP_BE", "34022", "2020")] == (77109.0, None)
    assert obs[("POP_BE", "21004", "2020")] == (185103.0, None)
    assert obs[("POP_FR", "01001", "2019")] == (776.0, None)
    assert obs[("POP_FR", "2A004", "2019")] == (70659.0, None)
    assert obs[("POP_FR", "59350", "2019")] == (232787.0, None)
    # INSEE 34022 is Baillargues (Hérault), not Kortrijk: "country": "FR" keeps it out.
    assert ("POP_FR", "34022", "2019") not in obs and ("POP_FR", "57096", "2019") not in obs
    assert obs[("THD_FTTH", "59350", "2019")] == (71775.0, None)
    assert obs[("THD_FTTH", "59512", "2019")] == (39885.0, None)

    # The batch records the original files with their SHA-256.
    import hashlib

    files = {f["file"]: f for f in outcome.checked.files}
    assert set(files) == {CNAF.name, EUROSTAT.name, STATBEL.name, INSEE.name, ARCEP.name}
    assert all(f["kind"] == "observations" for f in files.values())
    assert [s.sha256 for s in sources] == [hashlib.sha256(p.read_bytes()).hexdigest()
                                           for p in (CNAF, EUROSTAT, STATBEL, INSEE, ARCEP)]
    frame = export_frames(engine, "observations")["observations"]
    assert set(frame.loc[frame["indicator_id"] == "GDP_HAB", "source"]) == {"Eurostat nama_10r_3gdp"}


def test_eurostat_rows_keep_their_original_row_numbers_and_year_columns():
    mapped = apply_mapping(EUROSTAT, {**EUROSTAT_SPEC, "territory": {"column": "geo", "keep": ["BE254", "FRE11"]}})
    assert _errors(mapped) == []
    preview = mapped.preview()
    first = preview.iloc[0]
    assert (first["row"], first["column"], first["territory_id"], first["period"], first["value"], first["flag"]) == (
        29, "2021", "BE254", "2021", "48600 p", "p")
    fre11 = preview[preview["territory_id"] == "FRE11"]
    assert set(fre11["row"]) == {102} and len(fre11) == 22
    assert mapped.summary == {"rows": 1439, "filtered_out": 1236, "not_in_framework": 201, "cells": 44,
                              "missing": 3, "observations": 41, "problems": 0}


def test_statbel_aggregate_rows_are_dropped_by_the_code_filter():
    mapped = apply_mapping(STATBEL, STATBEL_SPEC)
    assert _errors(mapped) == []
    # The file's own territory header (`NIS code`, an alias of territory_id) names the column: preview() reads
    # it back as territory_id.
    frame = mapped.preview()
    # 638 rows: country, 3 regions, 10 provinces and 43 arrondissements are left out; 581 municipalities.
    assert mapped.summary["rows"] == 638 and mapped.summary["filtered_out"] == 57
    assert len(frame) == 581
    codes = set(frame["territory_id"])
    assert not codes & {"01000", "02000", "04000", "10000", "20001", "20002", "34000", "57000"}
    assert {"11001", "34022", "57096", "93090"} <= codes
    kortrijk = frame.index[frame["territory_id"] == "34022"][0]
    assert int(mapped.sheet.rows[kortrijk]) == 228 and frame.at[kortrijk, "value"] == "77109"


def test_without_a_country_insee_codes_would_match_belgian_territories(sqlite_url, framework):
    engine = _store(sqlite_url, framework)
    spec = {**INSEE_SPEC, "territory": {"column": "DEPCOM", "keep": "known"}}
    codes = set(apply_mapping(INSEE, spec, known=known_for_mapping(engine)).sheet.frame["territory_id"])
    assert {"34022", "57096", "57081", "21004"} <= codes      # Baillargues, Boulange, Bidestroff, Aignay-le-Duc
    codes = set(apply_mapping(INSEE, INSEE_SPEC, known=known_for_mapping(engine)).sheet.frame["territory_id"])
    assert codes == {"59350", "59512", "59599", "01001", "01034", "2A004"}
    with pytest.raises(MappingError, match="known_for_mapping"):
        apply_mapping(INSEE, INSEE_SPEC, known={"territories": {"59350": None}})


def test_insee_codes_keep_their_leading_zeros_and_pad_restores_lost_ones(tmp_path):
    mapped = apply_mapping(INSEE, {**INSEE_SPEC, "territory": {"column": "DEPCOM", "pattern": "01\\d{3}"}})
    frame = mapped.sheet.frame
    assert frame["territory_id"].iloc[0] == "01001" and mapped.sheet.rows[0] == 2
    assert frame["value"].iloc[0] == "776"
    # A spreadsheet that turned the codes into numbers: "pad" gives the zero back.
    mangled = write(tmp_path, "pop.csv", "DEPCOM;PMUN\n1001;776\n59350;232787\n")
    mapped = apply_mapping(mangled, {"territory": {"column": "depcom", "pad": 5}, "period": "2019",
                                     "values": {"pmun": "POP_FR"}})
    assert list(mapped.sheet.frame["territory_id"]) == ["01001", "59350"]


def test_arcep_note_line_above_the_header_and_a_period_read_from_dates():
    result = read_file(ARCEP)
    assert result.sheets[0].header_row == 2          # the free-text note on line 1 is skipped
    mapped = apply_mapping(result, {**ARCEP_SPEC, "period": {"column": "date", "as": "quarter"},
                                    "territory": {"column": "code_insee"}})
    frame = mapped.preview()   # `code_insee` (an alias of territory_id) names the mapped column
    assert len(frame) == 648 and set(frame["period"]) == {"2019-Q3"}
    lille = frame.index[frame["territory_id"] == "59350"][0]
    assert int(mapped.sheet.rows[lille]) == 242 and frame.at[lille, "value"] == "71775"
    # header_row override: the same file read with its header on row 2 explicitly gives the same table.
    again = apply_mapping(ARCEP, {**ARCEP_SPEC, "header_row": 2, "territory": {"column": "code_insee"}})
    assert len(again.sheet.frame) == 648 and int(again.sheet.rows[0]) == 3


# ---------------------------------------------------------------- problems point at the foreign file

def test_a_bad_value_is_reported_at_the_original_file_row_and_column(tmp_path, sqlite_url, framework):
    engine = _store(sqlite_url, framework)
    before = snapshot(engine)
    raw = CNAF.read_bytes().replace(b"\r\n59350;231491;51,6;", b"\r\n59350;231491;5l,6;")
    bad = write(tmp_path, CNAF.name, raw)
    outcome = import_files(engine, [apply_mapping(bad, CNAF_SPEC, known=known_for_mapping(engine))], user="x")
    assert outcome.result is None
    problems = [p.as_dict() for p in outcome.checked.problems if p.severity == "error"]
    assert problems == [{"file": CNAF.name, "row": 354, "column": "TX_F", "value": "5l,6",
                         "message": "Not a number.",
                         "suggestion": "Write a number such as 1234,5 or 1234.5, or leave the cell empty."}]
    assert snapshot(engine) == before
    # With the bad rows left out, the rest goes in and the row is counted as rejected.
    outcome = import_files(engine, [apply_mapping(bad, CNAF_SPEC, known=known_for_mapping(engine))], user="x",
                           skip_invalid_rows=True)
    assert outcome.ok and outcome.result.summary()["rejected"] == 1
    obs = _observations(engine)
    assert ("DEM_TXF", "59350", "2020") not in obs and ("CAF_ETUD", "59350", "2020") not in obs
    assert obs[("DEM_TXF", "59512", "2020")] == (51.4, None)


def test_a_bad_flag_in_a_year_column_names_that_year_column(tmp_path):
    raw = EUROSTAT.read_bytes().replace(b"EUR_HAB,BE254\t48600 p\t43700 p", b"EUR_HAB,BE254\t48600 x\t43700 p")
    bad = write(tmp_path, EUROSTAT.name, raw)
    mapped = apply_mapping(bad, {**EUROSTAT_SPEC, "territory": {"column": "geo", "keep": ["BE254"]}})
    assert [(p.file, p.row, p.column, p.value, p.code) for p in _errors(mapped)] == [
        (EUROSTAT.name, 29, "2021", "48600 x", "bad_flag")]
    from indicators.schema import FLAGS

    for lang in ("fr", "nl", "en"):   # said with the flags it knows (it raised KeyError: 'known')
        assert ", ".join(FLAGS) in _errors(mapped)[0].as_dict(lang)["message"]
    assert len(mapped.sheet.frame) == 18          # the other 18 years of BE254 are kept
    checked = validate_files(None, [mapped])      # the validator passes the problem on, not a second one
    assert [(p.row, p.column) for p in checked.problems if p.code in ("bad_flag", "not_a_number", "required")] == [
        (29, "2021")]


def test_unknown_territories_point_at_the_original_column_with_the_nearest_code(sqlite_url, framework):
    engine = _store(sqlite_url, framework)
    spec = {**STATBEL_SPEC, "territory": {**STATBEL_SPEC["territory"], "pattern": r"3402\d"}}
    mapped = apply_mapping(STATBEL, spec, known=known_for_mapping(engine))
    found = [(p.row, p.column, p.value, p.suggestion_text()) for p in _errors(mapped)]
    assert found == [(229, "NIS code", "34023", "Did you mean 34022?"),
                     (230, "NIS code", "34025", "Did you mean 34022?"),
                     (231, "NIS code", "34027", "Did you mean 34022?")]
    # Without the store's codes the validator still finds them, under the column the file shows.
    checked = validate_files(engine, [apply_mapping(CNAF, {**CNAF_SPEC, "territory": "CODGEO"})])
    unknown = [p for p in checked.problems if p.code == "unknown_code"]
    # Every value cell of an unknown commune (1,445 filled cells, 9 known): the first thousand listed,
    # the others counted in one problem that keeps their rows.
    more = [p for p in checked.problems if p.code == "more_same"]
    assert len(unknown) == 1000 and len(more) == 1
    assert len(unknown) + more[0].params["count"] == 1445 - 9
    assert max(p.row for p in unknown) <= min(more[0].more_rows)
    assert {p.column for p in unknown + more} == {"CODGEO"}


def test_an_unknown_indicator_is_reported_once_for_its_column(sqlite_url, framework):
    engine = _store(sqlite_url, framework)
    mapped = apply_mapping(CNAF, {**CNAF_SPEC, "values": {"TX_F": "DEM_TXG"}}, known=known_for_mapping(engine))
    assert [(p.row, p.column, p.value, p.code, p.suggestion_text()) for p in _errors(mapped)] == [
        (None, "TX_F", "DEM_TXG", "unknown_code", "Did you mean DEM_TXF?")]


def test_a_column_the_file_does_not_have_is_a_clear_problem():
    mapped = apply_mapping(CNAF, {**CNAF_SPEC, "values": {"TX_Z": "DEM_TXF"}})
    assert mapped.sheet is None
    (problem,) = _errors(mapped)
    assert problem.code == "missing_columns" and problem.file == CNAF.name
    assert "TX_Z" in problem.message() and "CODGEO" in problem.message()


@pytest.mark.parametrize("spec, words", [
    ({"period": "2020", "values": {"A": "X"}}, "territory"),
    ({"territory": "CODGEO", "values": {"A": "X"}}, "period"),
    ({"territory": "CODGEO", "period": "2020"}, "values"),
    ({"territory": "CODGEO", "period": {"value": "20x0"}, "values": {"A": "X"}}, "not a period"),
    ({"territory": {"column": "CODGEO", "pad": "5"}, "period": "2020", "values": {"A": "X"}}, "pad"),
    ({"territory": {"column": "CODGEO", "pattern": "("}, "period": "2020", "values": {"A": "X"}}, "regular"),
    ({"territory": "geo", "years_in_columns": {"indicator": "X"}, "values": {"A": "X"}}, "not both"),
    ({"territory": "CODGEO", "period": "2020", "values": {"A": "X"}, "flag": "q"}, "flag"),
    ({"territory": "CODGEO", "period": "2020", "values": {"A": "X"}, "colour": "red"}, "colour"),
])
def test_an_unusable_spec_says_what_to_fix(spec, words):
    with pytest.raises(MappingError, match=words):
        validate_spec(spec)


def test_keep_known_needs_the_store_codes():
    with pytest.raises(MappingError, match="known_for_mapping"):
        apply_mapping(CNAF, CNAF_SPEC)


# ---------------------------------------------------------------- saved mappings, store and command line

def test_a_saved_mapping_round_trips_through_the_store(sqlite_url, framework):
    engine = _store(sqlite_url, framework)
    saved = save_mapping_spec(engine, "eurostat-gdp", EUROSTAT_SPEC, "alice")
    assert get_mapping(engine, "eurostat-gdp") == saved == validate_spec(EUROSTAT_SPEC)
    assert list(list_mappings(engine)["name"]) == ["eurostat-gdp"]
    mapped = apply_saved_mapping(engine, "eurostat-gdp", EUROSTAT)
    assert mapped.mapping_name == "eurostat-gdp" and mapped.summary["observations"] == 52
    with pytest.raises(MappingError, match="no saved mapping named 'gdp'.*eurostat-gdp"):
        apply_saved_mapping(engine, "gdp", EUROSTAT)


def test_cli_save_mapping_then_import_with_it(tmp_path, sqlite_url, framework):
    assert _cli("init", "--db", sqlite_url).returncode == 0
    assert _cli("import", "--db", sqlite_url, *framework).returncode == 0
    spec = write(tmp_path, "cnaf.json", json.dumps(CNAF_SPEC))
    out = _cli("save-mapping", "--db", sqlite_url, "cnaf-2020", spec)
    assert out.returncode == 0, out.stderr
    out = _cli("import", "--db", sqlite_url, "--user", "bob", CNAF, "--mapping", "cnaf-2020")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "added 9" in out.stdout
    obs = _observations(open_store(sqlite_url))
    assert obs[("DEM_TXF", "59350", "2020")] == (51.6, None) and len(obs) == 9
    # JSON report of a second run: unchanged.
    out = _cli("import", "--db", sqlite_url, "--format", "json", CNAF, "--mapping", "cnaf-2020")
    assert out.returncode == 0 and json.loads(out.stdout)["counts"]["unchanged"] == 9


def test_cli_unknown_mapping_and_bad_spec_are_clear_messages(tmp_path, sqlite_url, framework):
    assert _cli("init", "--db", sqlite_url).returncode == 0
    out = _cli("import", "--db", sqlite_url, CNAF, "--mapping", "nope")
    assert out.returncode in (1, 2)
    assert "no saved mapping named 'nope'" in out.stderr and "save-mapping" in out.stderr
    assert "Traceback" not in out.stderr + out.stdout
    spec = write(tmp_path, "cnaf.json", json.dumps(CNAF_SPEC))
    assert _cli("save-mapping", "--db", sqlite_url, "cnaf-2020", spec).returncode == 0
    out = _cli("import", "--db", sqlite_url, CNAF, "--mapping", "cnaf")
    assert out.returncode in (1, 2) and "Saved mappings: cnaf-2020." in out.stderr
    bad = write(tmp_path, "bad.json", json.dumps({"territory": "CODGEO", "values": {"TX_F": "DEM_TXF"}}))
    out = _cli("save-mapping", "--db", sqlite_url, "bad", bad)
    assert out.returncode == 1 and "period" in out.stderr and "Traceback" not in out.stderr
    broken = write(tmp_path, "broken.json", "{territory: CODGEO")
    out = _cli("save-mapping", "--db", sqlite_url, "broken", broken)
    assert out.returncode == 1 and "not valid JSON" in out.stderr and "Traceback" not in out.stderr


# ---------------------------------------------------------------- first guesses for the Data page

def test_suggestions_for_the_real_files():
    cnaf = suggest_mapping(read_file(CNAF))
    assert cnaf["territory"] == {"column": "CODGEO", "keep": "known", "country": "FR"}
    assert cnaf["period"] == {"value": "2020"}           # the year in the file name
    assert "TX_F" in cnaf["values"] and "CODGEO" not in cnaf["values"]
    eurostat = suggest_mapping(read_file(EUROSTAT))
    assert eurostat["split"] == [{"column": "unit,geo\\time", "separator": ",", "into": ["unit", "geo"]}]
    assert eurostat["territory"]["column"] == "geo" and eurostat["years_in_columns"] == {"indicator": ""}
    assert eurostat["filters"] == [{"column": "unit", "equals": "EUR_HAB"}]
    statbel = suggest_mapping(read_file(STATBEL))
    assert statbel["territory"]["column"] == "NIS code" and statbel["territory"]["country"] == "BE"
    assert statbel["territory"]["exclude"]
    assert suggest_mapping(read_file(INSEE))["territory"]["column"] == "DEPCOM"
    arcep = suggest_mapping(read_file(ARCEP))
    assert arcep["territory"]["column"] == "code_insee" and arcep["period"] == {"column": "date", "as": "year"}
    # Once the user picks the indicator, the suggestion is a usable mapping.
    eurostat["years_in_columns"]["indicator"] = "GDP_HAB"
    eurostat["territory"]["keep"] = ["FRE11"]
    assert apply_mapping(EUROSTAT, eurostat).summary["observations"] == 22


def test_a_eurostat_file_of_one_year_is_suggested_years_in_columns(tmp_path):
    """Eurostat's columns after its key are periods however few: a file of one year (its 2021 column
    only, cut from the real file) was suggested a `values` mapping with no period."""
    lines = EUROSTAT.read_text(encoding="utf-8").splitlines()
    one_year = "\n".join("\t".join(line.split("\t")[:2]) for line in lines) + "\n"
    path = write(tmp_path, "eurostat_2021.tsv", one_year)
    spec = suggest_mapping(read_file(path))
    assert spec["split"][0]["into"] == ["unit", "geo"] and spec["territory"]["column"] == "geo"
    assert spec["years_in_columns"] == {"indicator": ""} and "values" not in spec and "period" not in spec
    spec["years_in_columns"]["indicator"] = "GDP_HAB"
    spec["territory"]["keep"] = ["FRE11"]
    mapped = apply_mapping(path, spec)
    assert _errors(mapped) == [] and list(mapped.sheet.frame["period"]) == ["2021"]
    # a key of one dimension (`geo\time`) is the territory itself, not split
    geo_only = "\n".join("geo\\time\t2021" if k == 0 else line.split(",", 1)[1].split("\t")[0] + "\t" +
                         line.split("\t")[1] for k, line in enumerate(lines) if k == 0 or line.startswith("EUR_HAB,"))
    spec = suggest_mapping(read_file(write(tmp_path, "geo_only.tsv", geo_only + "\n")))
    assert "split" not in spec and spec["territory"]["column"] == "geo\\time"
    assert spec["years_in_columns"] == {"indicator": ""}


def test_header_row_override_comment_lines_and_constant_flag(tmp_path):
    # A note with as many separators as the table: the reader takes it for the header; header_row fixes it.
    text = "Source;INSEE;2021\nCODGEO;Libellé;Part\n59350;Lille;12,5\n59512;Roubaix;8,25\n# Champ : communes\n"
    path = write(tmp_path, "note.csv", text, "cp1252")
    assert read_file(path).sheets[0].header_row == 1
    spec = {"header_row": 2, "comment": "#", "territory": "CODGEO", "period": "2021", "values": {"Part": "X"},
            "flag": "e", "note": "extrait"}
    mapped = apply_mapping(path, spec)
    assert _errors(mapped) == []
    frame = mapped.sheet.frame
    assert list(mapped.sheet.rows) == [3, 4]
    assert list(frame["value"]) == ["12,5", "8,25"] and mapped.sheet.decimal == ","
    assert list(frame["flag"]) == ["e", "e"] and list(frame["note"]) == ["extrait", "extrait"]
    checked = validate_files(None, [mapped])
    assert list(checked.tables["observations"]["value"]) == [12.5, 8.25]
    # A header row the file does not have is a problem of the file, not a crash.
    bad = apply_mapping(path, {**spec, "header_row": 40})
    assert bad.sheet is None and bad.problems[0].code == "mapping_header_unreadable"


def test_xlsx_title_rows_are_skipped_with_header_row(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "Données"
    ws.append(["Population légale 2019", "Hauts-de-France"])
    ws.append([])
    ws.append(["Code commune", "Population"])
    ws.append(["59350", 232787])
    ws.append([59512, 96990.0])
    path = tmp_path / "pop.xlsx"
    book.save(path)
    mapped = apply_mapping(path, {"header_row": 3, "territory": {"column": "code commune", "pad": 5},
                                  "period": "2019", "values": {"Population": "POP_FR"}})
    assert _errors(mapped) == []
    frame = mapped.sheet.frame
    assert list(mapped.sheet.rows) == [4, 5] and mapped.sheet.label == "pop.xlsx [Données]"
    assert list(frame["territory_id"]) == ["59350", "59512"] and list(frame["value"]) == ["232787", "96990"]


def test_the_documented_examples_are_valid_and_do_what_the_page_says(sqlite_url, framework):
    import re

    page = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    section = page.split("## Foreign layouts (mappings)", 1)[1]
    examples = [json.loads(block) for block in re.findall(r"```json\n(.*?)```", section, re.S)]
    assert len(examples) == 5
    for spec in examples:
        validate_spec(spec)
    engine = _store(sqlite_url, framework)
    known = known_for_mapping(engine)
    cnaf, eurostat, statbel, insee, arcep = examples
    assert cnaf == CNAF_SPEC
    assert apply_mapping(CNAF, cnaf, known=known).summary["observations"] == 9
    # From 2010: BE254 and FRE11 twelve years each, BE328 five (2009-2016 are ':').
    mapped = apply_mapping(EUROSTAT, eurostat, known=known)
    assert mapped.summary["observations"] == 29 and _errors(mapped) == []
    assert apply_mapping(STATBEL, statbel, known=known).summary["observations"] == 4   # "keep": "known"
    outcome = import_files(engine, [apply_mapping(path, spec, known=known) for path, spec in
                                    ((CNAF, cnaf), (EUROSTAT, eurostat), (INSEE, insee), (ARCEP, arcep))], user="doc")
    assert outcome.ok and outcome.result.summary()["added"] == 9 + 29 + 6 + 3


def test_the_same_commune_twice_is_reported_at_the_second_row_and_its_column(tmp_path):
    path = write(tmp_path, "twice.csv", "CODGEO;TX_F;A_ETUD\n59350;51,6;10\n59512;51,4;3\n59350;52,0;10\n")
    mapped = apply_mapping(path, {"territory": "CODGEO", "period": "2020",
                                  "values": {"TX_F": "DEM_TXF", "A_ETUD": "CAF_ETUD"}})
    assert [(p.row, p.column, p.value, p.code, p.params["first_row"]) for p in _errors(mapped)] == [
        (4, "TX_F", "52,0", "conflicting_key", "2"), (4, "A_ETUD", "10", "duplicate_key", "2")]
    assert len(mapped.sheet.frame) == 4


def test_a_mapped_files_cells_without_a_value_are_counted_in_a_notice(tmp_path):
    """DESIGN: the report counts the rows without a value as a notice; the mapped path kept the count
    for itself."""
    spec = {**EUROSTAT_SPEC, "territory": {"column": "geo", "keep": ["BE254"]}}
    before = sum(p.params["count"] for p in apply_mapping(EUROSTAT, spec).problems if p.code == "no_value_cells")
    raw = EUROSTAT.read_bytes().replace(b"EUR_HAB,BE254\t48600 p\t43700 p", b"EUR_HAB,BE254\t:\t: c")
    mapped = apply_mapping(write(tmp_path, EUROSTAT.name, raw), spec)
    (notice,) = [p for p in mapped.problems if p.code == "no_value_cells"]   # 22 year columns: cells, not rows
    assert notice.severity == "notice" and notice.params["count"] == before + 2 and notice.params["rows"] == "29"
    assert mapped.summary["problems"] == 0   # a notice, not a problem to fix
    assert "Cellules sans valeur" in notice.message("fr") and "Lignes concernées (1) : 29" in notice.message("fr")
