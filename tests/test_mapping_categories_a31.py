"""The Data page's first mapping (suggest_mapping) makes a column of categories a filter, whatever its name:
Santé publique France's `sexe` (0, 1, 2 beside each department and day) was listed as a value column, and
the three rows of a department and a day then conflicted. A measure, or a column of few values in a file of
one row per territory and period, stays what it was."""
from __future__ import annotations

import pytest

from indicators.i18n import t
from indicators.importing import import_files
from indicators.mappings import apply_mapping, filter_choices, known_for_mapping, suggest_mapping
from indicators.reading import read_file
from indicators.store import open_store, read_table

from .conftest import FIXTURES
from .test_data_page import HASH, data_page, sign_in, upload

CSV = FIXTURES / "csv"
SPF = CSV / "spf_donnees-hospitalieres-covid19-2020-10-16_dep59.csv"
FRAMEWORK = {
    "levels.csv": "level_id,name_fr\nborder,Communes frontalières\n",
    "themes.csv": "theme_id,name_fr\nhealth,Santé\n",
    "actions.csv": "action_id,level_id,theme_id,title_fr\nA1,border,health,Santé\n",
    "indicators.csv": "indicator_id,action_id,name_fr,unit,direction\nHOSP,A1,Hospitalisations,persons,decrease\n"
                      "EFF,A1,Effectif,persons,increase\n",
    "territories.csv": "territory_id,name_fr,country,kind\n59,Nord,FR,department\n59350,Lille,FR,commune\n"
                       "59512,Roubaix,FR,commune\n",
}


@pytest.fixture
def engine(sqlite_url, tmp_path):
    engine = open_store(sqlite_url)
    files = []
    for name, text in FRAMEWORK.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        files.append(tmp_path / name)
    assert import_files(engine, files, user="test").ok
    return engine


def test_spf_sexe_is_a_filter_not_a_value_column_and_the_mapped_file_imports(engine):
    result = read_file(SPF)
    spec = suggest_mapping(result, known_for_mapping(engine))
    # the file has one row per day: the latest day is kept (mappings/saved.py _one_day), the planner may choose another
    assert spec["filters"] == [{"column": "sexe", "equals": "0"}, {"column": "jour", "equals": "2020-10-16"}]
    assert list(spec["values"]) == ["hosp", "rea", "rad", "dc"]
    assert filter_choices(result, spec)["sexe"] == ["0", "1", "2"]
    # The planner chooses an indicator: one value, no conflict.
    spec["values"] = {"hosp": "HOSP"}
    outcome = import_files(engine, [apply_mapping(SPF, spec, known=known_for_mapping(engine))], user="test")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems]
    stored = read_table(engine, "observations")
    assert stored[["territory_id", "period", "value"]].values.tolist() == [["59", "2020", 622.0]]


def test_a_column_of_a_few_words_or_codes_is_a_filter_whatever_its_name(engine):
    """`public` (femmes, hommes, ensemble) and `tranche` (1, 2, 3, written as numbers): each tells apart the
    rows of one commune and year; the measures (`effectif`, `part`) stay values."""
    rows = []
    for commune in ("59350", "59512"):
        for year in (2019, 2020):
            for k, public in enumerate(("femmes", "hommes", "ensemble")):
                for tranche in (1, 2, 3):
                    n = int(commune[-3:]) + year % 10 * 7 + k * 31 + tranche * 5
                    rows.append(f"{commune};{year};{public};{tranche};{n};{n / 13:.1f}".replace(".", ","))
    raw = ("commune;annee;public;tranche;effectif;part\n" + "\n".join(rows) + "\n").encode()
    result = read_file(raw, "publics.csv")
    spec = suggest_mapping(result, known_for_mapping(engine))
    assert spec["filters"] == [{"column": "public", "equals": "femmes"}, {"column": "tranche", "equals": "1"}]
    assert list(spec["values"]) == ["effectif", "part"]
    assert filter_choices(result, spec) == {"public": ["femmes", "hommes", "ensemble"], "tranche": ["1", "2", "3"]}
    spec["values"] = {"effectif": "EFF"}
    mapped = apply_mapping(("publics.csv", raw), spec, known=known_for_mapping(engine))
    assert [p.code for p in mapped.problems if p.severity == "error"] == []
    assert mapped.summary["observations"] == 4   # two communes, two years


def test_few_values_in_a_file_of_one_row_per_territory_and_period_stay_as_they_were(engine):
    """A count of few values (`gares`: 0, 1, 2) and a region's name, one row per commune: a value column and
    no filter; a measure varying within the rows of one commune and year is no category either. The real
    files of other producers get no category filter."""
    raw = "".join(f"{c};2020;Hauts-de-France;{g}\n" for c, g in (("59350", 2), ("59512", 1), ("59009", 0),
                                                                 ("59599", 1), ("59178", 0), ("59360", 2)))
    spec = suggest_mapping(read_file(("commune;annee;region;gares\n" + raw).encode(), "gares.csv"))
    assert "filters" not in spec and list(spec["values"]) == ["gares"]
    varied = "".join(f"59350;2020;{k};{k * 3 + 1}\n59512;2020;{k};{k * 5 + 2}\n" for k in range(3))
    spec = suggest_mapping(read_file(("commune;annee;type;nb\n" + varied).encode(), "types.csv"))
    assert spec["filters"] == [{"column": "type", "equals": "0"}] and list(spec["values"]) == ["nb"]
    for name in ("cnaf_data_DEMO_2020_V1_COM.csv", "insee_poplegales_Communes.csv", "statbel_NIS_ZIP_MNTY.csv",
                 "statbel_bevolking_per_gemeente_2020.csv", "thd_commune-debit-beta_dep59.csv"):
        assert "filters" not in suggest_mapping(read_file(CSV / name)), name
    assert suggest_mapping(read_file(CSV / "eurostat_nama_10r_3gdp_BE_FR.tsv"))["filters"] == [
        {"column": "unit", "equals": "EUR_HAB"}]


def test_the_data_page_offers_the_categories_to_keep(demo_url):
    at = sign_in(data_page({"editors": {"password_hash": HASH}}, lang="fr"))
    upload(at, (SPF.name, SPF.read_bytes()))
    box = at.selectbox(key=f"map_filter_{SPF.name}_sexe")
    assert box.options == [t("mapping_filter_all", "fr"), "0", "1", "2"] and box.value == "0"
