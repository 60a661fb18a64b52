"""Outside files through the mapping route, as docs/data-format.md promises (findings N30 1, 2, 6, 9).

- The Data page's form starts from the mapping `suggest_mapping` proposes: a period read from a column
  (SDMX-CSV's TIME_PERIOD, ARCEP's date read as a year) or a fixed one, the flag column, the filters
  (SDMX's `unit`), the territory of a split column (Eurostat's `unit,geo\\time` → geo). It used to
  overwrite the period with a fixed, empty one, so a long file could not be mapped from the form.
- SDMX-CSV (Eurostat's download 1.0 and its API's 2.0) is a known foreign layout whose suggestion imports
  it right once the indicator is chosen: value, period, flag, one unit.
- A column of units holding several in the rows kept is said; a mapping naming indicators the store lacks
  is said by save-mapping; an unknown indicator is the import's only problem (not also "a header without
  a data row"); a mapping that does not fit a file says so, naming every column it misses.

The real files are read from ../shared/fixtures/csv (never copied into the repository); the SDMX-CSV
files are written here from the Eurostat fixture, as Eurostat lays them out.
"""
from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pytest

from indicators.i18n import t
from indicators.importing import import_files
from indicators.mappings import (apply_mapping, apply_saved_mapping, known_for_mapping, save_mapping_spec,
                                 suggest_mapping)
from indicators.mappings.layouts import foreign_layout
from indicators.problems import Problem
from indicators.reading import read_file
from indicators.store import open_store, read_table

from .conftest import FIXTURES, ROOT
from .helpers import write
from .test_mappings import EUROSTAT, _errors, _observations, _store, framework  # noqa: F401 (a fixture)

CSV = FIXTURES / "csv"
ARCEP = CSV / "thd_commune-debit-beta_dep59.csv"
STATBEL = CSV / "statbel_bevolking_per_gemeente_2020.csv"
NIS_ZIP = CSV / "statbel_NIS_ZIP_MNTY.csv"
SPF = CSV / "spf_donnees-hospitalieres-covid19-2020-10-16_dep59.csv"
LANGS = ("fr", "nl", "en")


def sdmx_csv(version: str = "2.0", labels: bool = False) -> str:
    """The Eurostat fixture's EUR_HAB and MIO_EUR rows from 2010, one row per observation, as Eurostat's
    SDMX-CSV downloads write them (1.0: DATAFLOW, LAST UPDATE; 2.0: STRUCTURE, STRUCTURE_ID, CONF_STATUS;
    labels: `BE254:Region BE254`); `:` is an empty OBS_VALUE, `48600 p` is 48600 with OBS_FLAG p."""
    lines = EUROSTAT.read_text(encoding="utf-8").splitlines()
    years = [h.strip() for h in lines[0].split("\t")[1:]]
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        unit, geo = cells[0].split(",")
        if unit not in ("EUR_HAB", "MIO_EUR"):
            continue
        for year, cell in zip(years, cells[1:]):
            value, _, flag = cell.strip().partition(" ")
            if int(year) >= 2010:
                rows.append((unit, geo, year, "" if value == ":" else value, flag))
    rows.sort()
    name = {"EUR_HAB": "Euro per inhabitant", "MIO_EUR": "Million euro"}
    if labels:
        rows = [(f"{u}:{name[u]}", f"{g}:Region {g}", y, v, f) for u, g, y, v, f in rows]
    if version == "1.0":
        head = "DATAFLOW,LAST UPDATE,freq,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG"
        body = [f"ESTAT:NAMA_10R_3GDP(1.0),26/02/2024 23:00:00,A,{u},{g},{y},{v},{f}" for u, g, y, v, f in rows]
    else:
        head = "STRUCTURE,STRUCTURE_ID,freq,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS"
        body = [f"dataflow,ESTAT:NAMA_10R_3GDP(1.0),A,{u},{g},{y},{v},{f}," for u, g, y, v, f in rows]
    return "\n".join([head, *body]) + "\n"


SDMX_SUGGESTED = {"version": 2, "territory": {"column": "geo", "keep": "known"},
                  "filters": [{"column": "unit", "equals": "EUR_HAB"}], "period": {"column": "TIME_PERIOD"},
                  "values": {"OBS_VALUE": ""}, "flag": {"column": "OBS_FLAG"}}


# ---------------------------------------------------------------- SDMX-CSV, a foreign layout of its own

@pytest.mark.parametrize("version, gz", [("1.0", False), ("2.0", False), ("2.0", True)])
def test_sdmx_csv_is_suggested_a_mapping_that_imports_value_period_flag_and_one_unit(
        tmp_path, sqlite_url, framework, version, gz):
    text = sdmx_csv(version)
    path = tmp_path / ("sdmx.csv.gz" if gz else "sdmx.csv")
    path.write_bytes(gzip.compress(text.encode()) if gz else text.encode())
    result = read_file(path)
    assert foreign_layout(list(result.sheets[0].frame.columns)) == "Eurostat"
    spec = suggest_mapping(result)
    assert spec == SDMX_SUGGESTED
    spec["values"]["OBS_VALUE"] = "GDP_HAB"   # the one choice left to the planner
    engine = _store(sqlite_url, framework)
    mapped = apply_mapping(path, spec, known=known_for_mapping(engine))
    assert _errors(mapped) == [] and not [p for p in mapped.problems if p.code == "mixed_units"]
    outcome = import_files(engine, [mapped], user="planner")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems]
    obs = _observations(engine)
    assert obs[("GDP_HAB", "BE254", "2021")] == (48600.0, "p")
    assert obs[("GDP_HAB", "FRE11", "2021")] == (32800.0, "e")
    assert obs[("GDP_HAB", "BE254", "2019")] == (44900.0, None)
    assert obs[("GDP_HAB", "BE328", "2017")] == (29800.0, None)
    assert ("GDP_HAB", "BE328", "2016") not in obs            # `:` in Eurostat's table, empty here
    # From 2010: BE254 and FRE11 twelve years each, BE328 five, as the years-in-columns example gives.
    assert len(obs) == 29


def test_sdmx_csv_downloaded_with_labels_has_its_territory_code_split_from_the_label(tmp_path, sqlite_url,
                                                                                       framework):
    path = write(tmp_path, "sdmx_labels.csv", sdmx_csv("1.0", labels=True))
    spec = suggest_mapping(read_file(path))
    assert spec["split"] == [{"column": "geo", "separator": ":", "into": ["geo_code", "geo_label"]}]
    assert spec["territory"]["column"] == "geo_code"
    assert spec["filters"] == [{"column": "unit", "equals": "EUR_HAB:Euro per inhabitant"}]
    spec["values"]["OBS_VALUE"] = "GDP_HAB"
    engine = _store(sqlite_url, framework)
    assert import_files(engine, [apply_mapping(path, spec, known=known_for_mapping(engine))], user="p").ok
    assert _observations(engine)[("GDP_HAB", "BE254", "2021")] == (48600.0, "p")


def test_several_units_in_the_rows_kept_are_said_with_the_filter_that_keeps_one(tmp_path, sqlite_url, framework):
    path = write(tmp_path, "sdmx.csv", sdmx_csv())
    engine = _store(sqlite_url, framework)
    unfiltered = {k: v for k, v in SDMX_SUGGESTED.items() if k != "filters"}
    unfiltered["values"] = {"OBS_VALUE": "GDP_HAB"}
    mapped = apply_mapping(path, unfiltered, known=known_for_mapping(engine))
    (mixed,) = [p for p in mapped.problems if p.code == "mixed_units"]
    assert (mixed.column, mixed.severity) == ("unit", "notice")
    for lang in LANGS:
        said = f"{mixed.message(lang)} {mixed.suggestion_text(lang)}"
        assert "EUR_HAB, MIO_EUR" in said and '"equals": "EUR_HAB"' in said, said
        assert t("mapping_filter", lang, column="unit") in said, said   # the Data page's choice, named
    assert mixed.message("fr") != mixed.message("nl") != mixed.message("en")
    # A generic long file: its unit column gets the filter, its flag column is taken as flags.
    long = write(tmp_path, "long.csv", "code;annee;unite;valeur;statut\n59350;2020;EUR;12,5;p\n"
                                        "59350;2020;%;3,5;\n59512;2021;EUR;8;e\n")
    spec = suggest_mapping(read_file(long))
    assert spec["filters"] == [{"column": "unite", "equals": "EUR"}] and spec["flag"] == {"column": "statut"}
    assert spec["period"] == {"column": "annee"} and spec["values"] == {"valeur": ""}


# ---------------------------------------------------------------- messages of the mapped import

def test_an_unknown_indicator_is_the_only_problem_not_also_a_table_without_rows(sqlite_url, framework):
    """Finding 6: the documented Statbel mapping on a store without POP_BE also said "row 1: The table has
    a header but no data row" of a 600-row file."""
    engine = _store(sqlite_url, framework)
    spec = {"territory": {"column": "NIS code", "country": "BE", "pattern": r"\d{5}",
                          "exclude": r"\d{2}000|2000[12]", "keep": "known"},
            "period": {"value": "2020"}, "values": {"Totaal": "POP_XX"}}
    save_mapping_spec(engine, "statbel", spec)
    outcome = import_files(engine, [apply_saved_mapping(engine, "statbel", STATBEL)], user="p", dry_run=True)
    assert not outcome.ok
    assert [(p.row, p.column, p.value, p.code) for p in outcome.checked.problems if p.severity == "error"] == [
        (None, "Totaal", "POP_XX", "unknown_code")]


def test_a_mapping_that_does_not_fit_the_file_says_so_naming_every_column_it_misses(sqlite_url, framework):
    engine = _store(sqlite_url, framework)
    save_mapping_spec(engine, "statbel-pop", {"territory": {"column": "NIS code", "keep": "known"},
                                              "period": {"column": "Jaar"}, "values": {"Totaal": "POP_BE"}})
    mapped = apply_saved_mapping(engine, "statbel-pop", NIS_ZIP)   # NIS_CODE is found, Jaar and Totaal are not
    (problem,) = _errors(mapped)
    assert problem.code == "missing_columns" and problem.suggestion[0] == "mapping_does_not_fit"
    for lang in LANGS:
        advice = problem.suggestion_text(lang)
        assert "statbel-pop" in advice and "Jaar, Totaal" in advice, advice
        assert not any(word in advice for word in ("template", "modèle", "sjabloon")), advice   # a plain table's
    assert problem.suggestion_text("fr").startswith("La correspondance « statbel-pop » ne convient pas à ce fichier")
    assert problem.suggestion_text("nl").startswith("De koppeling 'statbel-pop' past niet bij dit bestand")
    # Unsaved (the Data page's JSON): said without a name.
    unsaved = _errors(apply_mapping(NIS_ZIP, {"territory": "NIS code", "period": "2020",
                                              "values": {"Totaal": "POP_BE"}}))[0]
    assert unsaved.suggestion == ("mapping_does_not_fit_unnamed", {"missing": "Totaal"})
    assert "Totaal" in unsaved.suggestion_text("fr") and "ne convient pas" in unsaved.suggestion_text("fr")


def _cli(url, *args):
    return subprocess.run([sys.executable, "-m", "indicators", "--db", url, *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_save_mapping_names_the_indicators_the_store_does_not_have_in_the_users_language(tmp_path, sqlite_url):
    assert _cli(sqlite_url, "init", "--demo").returncode == 0
    spec = write(tmp_path, "cnaf.json", json.dumps({"territory": "CODGEO", "period": "2020",
                                                    "values": {"TX_F": "DEM_TXF", "A_ETUD": "CAF_ETUD",
                                                               "P_MUN": "MOB04"}}))
    for lang in LANGS:
        out = _cli(sqlite_url, "save-mapping", "--lang", lang, "cnaf", spec)
        assert out.returncode == 0, out.stderr    # saved all the same: the indicators may be added next
        assert out.stderr.strip() == t("cli_mapping_unknown_indicators", lang, n=2, names="DEM_TXF, CAF_ETUD")
    assert "Attention" in t("cli_mapping_unknown_indicators", "fr", n=2, names="X")
    one = write(tmp_path, "one.json", json.dumps({"territory": "CODGEO", "period": "2020",
                                                  "values": {"P_MUN": "MOB04", "X": "POP_BE"}}))
    out = _cli(sqlite_url, "save-mapping", "--lang", "nl", "one", one)
    assert out.returncode == 0 and "1 indicator die deze databank niet heeft: POP_BE." in out.stderr, out.stderr
    known = write(tmp_path, "known.json", json.dumps({"territory": "CODGEO", "period": "2020",
                                                      "values": {"P_MUN": "MOB04"}}))
    out = _cli(sqlite_url, "save-mapping", "known", known)
    assert out.returncode == 0 and out.stderr == "", out.stderr


# ---------------------------------------------------------------- the Data page's form

def _json_of(at, n: int) -> list[dict]:
    shown = [json.loads(a.value) for a in at.text_area if a.label == "JSON"]
    assert len(shown) == n, shown
    return shown


def test_the_data_page_form_starts_from_the_suggested_mapping_of_each_file(demo_url):
    """Period columns (SDMX's TIME_PERIOD, ARCEP's date as a year, SPF's day), flags, filters and a split
    territory are what the page's mapping says before the planner touches anything, as suggest_mapping
    proposes them (only the indicators are left to choose)."""
    from indicators.mappings import known_for_mapping
    from .test_data_page import data_page, upload

    files = [("sdmx.csv", sdmx_csv().encode()), (ARCEP.name, ARCEP.read_bytes()), (SPF.name, SPF.read_bytes()),
             (EUROSTAT.name, EUROSTAT.read_bytes()), (STATBEL.name, STATBEL.read_bytes())]
    at = data_page(lang="en")
    upload(at, *files)
    known = known_for_mapping(open_store(demo_url))
    for (name, raw), shown in zip(files, _json_of(at, len(files))):
        expected = suggest_mapping(read_file(raw, name), known)
        if "values" in expected:
            expected["values"] = {c: i for c, i in expected["values"].items() if i}   # none chosen yet
        assert shown == expected, name
    assert at.selectbox(key="map_period_col_sdmx.csv").value == "TIME_PERIOD"
    assert at.selectbox(key=f"map_period_col_{ARCEP.name}").value == "date"
    assert at.selectbox(key=f"map_period_as_{ARCEP.name}").value == "year"
    assert at.selectbox(key="map_flag_sdmx.csv").value == "OBS_FLAG"
    assert at.selectbox(key="map_filter_sdmx.csv_unit").value == "EUR_HAB"
    assert at.selectbox(key=f"map_ter_{EUROSTAT.name}").value == "geo"   # a part of `unit,geo\time`
    # A fixed period is still typed: Statbel's year, from the file name.
    assert at.text_input(key=f"map_period_{STATBEL.name}").value == "2020"


def test_an_sdmx_file_is_mapped_from_the_form_and_imported_with_its_flags(demo_url):
    from .test_data_page import HASH, data_page, sign_in, upload

    at = sign_in(data_page({"editors": {"password_hash": HASH}}, lang="fr"))
    upload(at, ("nama_10r_3gdp.csv", sdmx_csv().encode()))
    name = "nama_10r_3gdp.csv"
    assert at.selectbox(key=f"map_period_col_{name}").label == t("mapping_period_column", "fr")
    at.session_state[f"map_values_{name}"] = {"edited_rows": {0: {"indicator": "ECO06"}}, "added_rows": [],
                                             "deleted_rows": []}
    at.run()
    assert not at.exception, at.exception
    # the preview in the page's words: the number as stored, its flag as a word (mappings/shown.py)
    (preview,) = [d.value for d in at.dataframe if "Qualité" in d.value.columns]
    latest = preview[preview["Territoire"].str.startswith("BE100 ") & (preview["Période"] == "2021")]
    assert [tuple(r) for r in latest[["Colonne", "Valeur", "Qualité"]].to_numpy()] == [
        ("OBS_VALUE", "73\u202f600", "provisoire")]
    assert set(preview["Indicateur"]) == {"ECO06 · PIB par habitant"}
    assert not at.error, [e.value for e in at.error]
    # Every unit kept: the page says which units are mixed, in its language, where the filter is chosen.
    at.selectbox(key=f"map_filter_{name}_unit").set_value("").run()
    warned = [w.value for w in at.warning if "EUR_HAB, MIO_EUR" in w.value]
    assert warned and warned[0].startswith("La colonne unit contient plusieurs unités"), [w.value for w in at.warning]
    at.selectbox(key=f"map_filter_{name}_unit").set_value("EUR_HAB").run()
    assert not [w.value for w in at.warning if "MIO_EUR" in w.value]
    at.button(key="confirm_import").click().run()
    assert not at.exception, at.exception
    obs = read_table(open_store(demo_url), "observations")
    eco = obs[obs.indicator_id == "ECO06"].set_index(["territory_id", "period"])
    assert eco.loc[("BE254", "2021"), "value"] == 48600 and eco.loc[("BE254", "2021"), "flag"] == "p"
    assert eco.loc[("FRE11", "2021"), "value"] == 32800 and eco.loc[("FRE11", "2021"), "flag"] == "e"
