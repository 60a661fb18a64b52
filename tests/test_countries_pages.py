"""Any border, any countries, on the pages and in the files (stop 29, findings C5, C9, C10): a country
written as a name gets the code suggested, the templates say what a country code is, the Actions page
draws a panel per country with values (none for a country without), the explorer's ranking gives each
country its colour, the filter names countries in the page's language, the map's border runs between
every two countries of the region."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators import boundaries, countries, indicator_tables, ranking
from indicators.importing import import_files, validate_files
from indicators.store import open_store
from indicators.style import COUNTRY_COLORS
from indicators.templates import notes

from .conftest import ROOT, switch_page
from .helpers import write

GREATER_REGION = pd.DataFrame({
    "territory_id": ["DEC0", "DEB2", "LU000", "FRF3", "BE34", "GR"],
    "name_fr": ["Sarre", "Région de Trèves", "Luxembourg", "Lorraine", "Province de Luxembourg", "Grande Région"],
    "country": ["DE", "DE", "LU", "FR", "BE", "EU"],
    "kind": ["region", "region", "nuts3", "region", "province", "custom"]})

FILES = {
    "levels.csv": "level_id,name_fr,name_nl,name_en\nregion,Grande Région,Grote Regio,Greater Region\n",
    "themes.csv": "theme_id,name_fr,name_nl,name_en\neconomy,Emploi,Werk,Jobs\nclimate,Climat,Klimaat,Climate\n",
    "actions.csv": ("action_id,level_id,theme_id,title_fr,title_nl,title_en\n"
                    "GR-A1,region,economy,Faciliter le travail frontalier,Grensarbeid vergemakkelijken,Ease work\n"
                    "GR-U1,region,climate,Réduire les émissions,Uitstoot verminderen,Cut emissions\n"),
    "indicators.csv": ("indicator_id,action_id,name_fr,name_nl,name_en,unit,direction,type,decimals,comparability\n"
                       "A1-CHOM,GR-A1,Taux de chômage,Werkloosheid,Unemployment rate,%,decrease,result,1,not_comparable\n"
                       "A1-FRONT,GR-A1,Frontaliers,Grensarbeiders,Cross-border workers,persons,increase,context,0,\n"
                       "U1-CO2,GR-U1,Émissions de CO2,CO2-uitstoot,CO2 emissions,t CO2e,decrease,result,0,partial\n"),
    "territories.csv": ("territory_id,name_fr,name_nl,name_en,country,kind,lat,lon\n"
                        "DEC0,Sarre,Saarland,Saarland,DE,region,49.39,7.02\n"
                        "DEB2,Région de Trèves,Trier,Trier,DE,region,49.75,6.64\n"
                        "LU000,Luxembourg,Luxemburg,Luxembourg,LU,nuts3,49.61,6.13\n"
                        "FRF3,Lorraine,Lotharingen,Lorraine,FR,region,48.87,6.21\n"
                        "BE34,Province de Luxembourg,Provincie Luxemburg,Luxembourg province,BE,province,49.9,5.5\n"
                        "GR,Grande Région,Grote Regio,Greater Region,EU,custom,49.6,6.4\n"),
    "observations.csv": ("indicator_id,territory_id,period,value\n"
                         + "".join(f"A1-CHOM,{tid},{y},{v + (y - 2020) * 0.2:.1f}\n"
                                   for tid, v in (("DEC0", 7.0), ("DEB2", 4.5), ("LU000", 6.0), ("FRF3", 8.0),
                                                  ("BE34", 7.5)) for y in range(2020, 2025))
                         + "".join(f"A1-FRONT,LU000,{y},{200000 + 5000 * (y - 2020)}\n" for y in range(2020, 2025))
                         + "".join(f"U1-CO2,GR,{y},{1250000 + 20000 * (y - 2020)}\n" for y in range(2020, 2024))),
}


@pytest.fixture
def region_url(tmp_path, monkeypatch):
    """The app's store for this test: the Greater Region (DE, LU, FR, BE and the region itself, EU)."""
    url = f"sqlite:///{tmp_path / 'gr.sqlite'}"
    outcome = import_files(open_store(url), [write(tmp_path, n, text) for n, text in FILES.items()], user="test")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems]
    monkeypatch.setenv("INDICATORS_DB_URL", url)
    return url


def open_page(page: str, query: dict) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.context = {"locale": "fr-FR", "timezone": "Europe/Paris"}
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    switch_page(at, page).run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def specs(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


# ------------------------------------------------------------------ C10: a country written as a name

@pytest.mark.parametrize("written,code", [("Suisse", "CH"), ("Zwitserland", "CH"), ("Switzerland", "CH"),
                                          ("Deutschland", "DE")])
def test_a_country_name_is_refused_with_its_code_suggested_in_the_users_language(tmp_path, written, code):
    path = write(tmp_path, "territories.csv", f"territory_id;name_fr;country\n2701;Bâle;{written}\n")
    checked = validate_files(None, [path])
    (problem,) = [p for p in checked.problems if p.severity == "error"]
    said = problem.as_dict("fr")
    assert (said["row"], said["column"], said["value"]) == (2, "country", written)
    assert "ISO 3166-1" in said["message"] and len(said["message"]) < 200     # not 251 codes to read
    assert said["suggestion"] == f"Vouliez-vous dire {code} ?"
    assert problem.as_dict("nl")["suggestion"] == f"Bedoelde u {code}?"


def test_a_cell_that_names_no_country_gets_no_far_fetched_suggestion(tmp_path):
    path = write(tmp_path, "partners.csv", "partner_id,name_fr,country\nGR_SEC,Secrétariat,Grande Région\n")
    (problem,) = [p for p in validate_files(None, [path]).problems if p.severity == "error"]
    assert problem.code == "not_country" and problem.suggestion is None
    assert "EU" in problem.message("en")


def test_the_templates_say_what_a_country_code_is():
    for table in ("territories", "partners"):
        for lang in ("fr", "nl", "en"):
            row = next(r for r in notes(table, lang) if r[0] == "country")
            assert row[2] == "ISO 3166-1 alpha-2 (FR, BE, DE, LU, NL, CH…), EU"


# ------------------------------------------------------------------ C9: the explorer's ranking, the tables

def test_the_ranking_gives_each_country_its_colour_and_its_own_block_when_not_comparable():
    latest = pd.DataFrame({"territory_id": ["DEC0", "DEB2", "LU000", "FRF3", "BE34"], "period": "2024",
                           "value": [7.8, 5.3, 6.8, 8.8, 8.3]})
    fig = ranking.ranking_chart(latest, "fr", 1, "%", GREATER_REGION, "decrease", by_side=True)
    colours = {tr.meta["country"]: tr.marker.color for tr in fig.data}
    assert [tr.name for tr in fig.data] == ["France", "Belgique", "Allemagne", "Luxembourg"]
    assert len(set(colours.values())) == 4
    assert colours["FR"] == COUNTRY_COLORS["FR"] and colours["BE"] == COUNTRY_COLORS["BE"]
    assert colours["DE"] == countries.look("DE", ["DE", "LU", "FR", "BE"]).color
    # one block per country, a line between two blocks: three lines for four countries
    assert len([s for s in fig.layout.shapes if s.type == "line"]) == 3


def test_the_table_of_values_lists_france_belgium_the_other_countries_then_the_region():
    obs = pd.DataFrame({"territory_id": ["GR", "LU000", "DEC0", "BE34", "FRF3"], "period": "2024",
                        "value": [1.0, 2.0, 3.0, 4.0, 5.0]})
    table = indicator_tables.values_table(obs, {"indicator_id": "X", "name_fr": "X"}, GREATER_REGION, "fr")
    assert list(table["Pays"]) == ["FR", "BE", "DE", "LU", "EU"]


def test_the_border_is_drawn_between_every_two_countries_of_the_region():
    """The national border was drawn between France and Belgium only (style.COUNTRY_COLORS' keys)."""
    def square(x0, code):
        return {"type": "Feature", "properties": {"code": code},
                "geometry": {"type": "Polygon", "coordinates": [[[x0, 49], [x0 + 1, 49], [x0 + 1, 50], [x0, 50],
                                                                 [x0, 49]]]}}
    sets = [{"name": "nuts", "geojson": {"type": "FeatureCollection",
                                         "features": [square(6.0, "DEC0"), square(7.0, "LU000")]},
             "user": "planner", "saved_at": "2026-01-01"}]
    geography = boundaries.build_geography(sets, GREATER_REGION)
    assert geography.border and all(abs(x - 7.0) < 0.02 for path in geography.border for x, _ in path)


# ------------------------------------------------------------------ C5: the Actions page's panels

def test_an_indicator_of_four_countries_has_a_panel_for_each_named_in_the_page_language(region_url):
    at = open_page("pages/actions.py", {"action": "GR-A1", "lang": "fr"})
    (spec,) = specs(at)[:1]
    titles = [a["text"] for a in spec["layout"]["annotations"]]
    assert titles == ["<b>France</b>", "<b>Belgique</b>", "<b>Allemagne</b>", "<b>Luxembourg</b>"]
    observed = [tr for tr in spec["data"] if (tr.get("meta") or {}).get("role") == "observed"]
    looks = {tr["meta"]["country"]: (tr["line"]["dash"], tr["marker"]["symbol"]) for tr in observed}
    assert len({dash for dash, _ in looks.values()}) == 4 and looks["FR"][0] == "solid"
    # A1-FRONT, measured in Luxembourg only: its folded charts say so, no French or Belgian side
    expanders = [e.label for e in at.expander]
    assert "Graphiques de l'indicateur (Luxembourg)" in expanders
    assert not any("France, Belgique" in label for label in expanders)


def test_an_indicator_of_the_whole_region_draws_no_empty_country_panel(region_url):
    """GR-U1 (U1-CO2, territory GR): two empty panels, "France — no value" and "Belgique — no value"."""
    at = open_page("pages/actions.py", {"action": "GR-U1", "lang": "fr"})
    (spec,) = specs(at)
    assert [a["text"] for a in spec["layout"].get("annotations", []) if "<b>" in a["text"]] == []
    countries_drawn = {(tr.get("meta") or {}).get("country") for tr in spec["data"]} - {None}
    assert countries_drawn == {"EU"}
    words = " ".join(str(c.value) for c in at.caption) + " ".join(str(m.value) for m in at.markdown)
    assert "Pas de valeur" not in words and "**France**" not in words


def test_a_not_comparable_indicator_has_a_panel_per_country_in_the_explorer(region_url):
    at = open_page("pages/explorer.py", {"indicator": "A1-CHOM", "lang": "nl"})
    series = specs(at)[0]
    assert [a["text"] for a in series["layout"]["annotations"]] == [
        "<b>Frankrijk</b>", "<b>België</b>", "<b>Duitsland</b>", "<b>Luxemburg</b>"]


def test_the_territory_filter_names_the_countries_in_the_page_language(region_url):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["lang"] = "nl"
    at.run()
    options = list(at.multiselect(key="f_territory").options)
    assert options[0].startswith("Frankrijk · ") and "Duitsland · Saarland" in options
    assert [o.split(" · ")[0] for o in options] == [
        "Frankrijk", "België", "Duitsland", "Duitsland", "Luxemburg", "Grensoverschrijdend"]
