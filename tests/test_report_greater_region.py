"""The committee report of another border region (Germany, Luxembourg, France; no Belgian value) says
what is true: the observed mean annual change under the explorer's label, why an action with only
context indicators is not assessed, and how its charts draw the countries that are in its data.

Tester C's findings 7, 8 and the report's side of 5 (stop 29)."""
from __future__ import annotations

import html
import re
from datetime import datetime

import plotly.graph_objects as go
import pytest

from indicators import filters as F
from indicators import i18n
from indicators import report as R
from indicators.importing import import_files
from indicators.queries import progress_report
from indicators.store import open_store

from .helpers import write

WHEN = datetime(2026, 11, 25, 9, 30)
LANGS = ("fr", "nl", "en")
COUNTRIES = {"fr": ("Allemagne", "Luxembourg", "France"), "nl": ("Duitsland", "Luxemburg", "Frankrijk"),
             "en": ("Germany", "Luxembourg", "France")}
BELGIUM = {"fr": "Belgique", "nl": "België", "en": "Belgium"}

FILES = {
    "levels.csv": "level_id,name_fr,name_nl,name_en\nregion,Grande Région,Grote Regio,Greater Region\n",
    "themes.csv": "theme_id,name_fr,name_nl,name_en\nclimate,Climat,Klimaat,Climate\neconomy,Emploi,Werk,Jobs\n",
    "actions.csv": ("action_id,level_id,theme_id,title_fr,title_nl,title_en\n"
                    "GR-A1,region,economy,Faciliter le travail frontalier,Grensarbeid vergemakkelijken,"
                    "Ease cross-border work\n"
                    "GR-U1,region,climate,Réduire les émissions,Uitstoot verminderen,Cut emissions\n"
                    "GR-Z9,region,climate,Action sans indicateur,Actie zonder indicator,Action without indicator\n"),
    "indicators.csv": ("indicator_id,action_id,name_fr,name_nl,name_en,unit,direction,type,decimals\n"
                       "A1-CHOM,GR-A1,Taux de chômage,Werkloosheid,Unemployment rate,%,decrease,context,1\n"
                       "A1-FRONT,GR-A1,Frontaliers,Grensarbeiders,Cross-border workers,persons,increase,context,0\n"
                       "U1-CO2,GR-U1,Émissions de CO2,CO2-uitstoot,CO2 emissions,t CO2e,decrease,result,0\n"),
    "territories.csv": ("territory_id,name_fr,name_nl,name_en,country,kind,lat,lon\n"
                        "DEC0,Sarre,Saarland,Saarland,DE,region,49.3964,7.023\n"
                        "LU000,Luxembourg (Grand-Duché),Luxemburg (Groothertogdom),Luxembourg,LU,nuts3,49.61,6.13\n"
                        "FRF3,Lorraine,Lotharingen,Lorraine,FR,region,48.87,6.21\n"),
    "observations.csv": ("indicator_id,territory_id,period,value\n"
                         # emissions rose every year: the observed change is positive (a deterioration)
                         "U1-CO2,DEC0,2020,1250000\nU1-CO2,DEC0,2021,1270000\nU1-CO2,DEC0,2022,1290000\n"
                         "U1-CO2,DEC0,2023,1310000\n"
                         # unemployment fell: negative observed change (progress for a "decrease" indicator)
                         "A1-CHOM,FRF3,2016,8.1\nA1-CHOM,FRF3,2024,5.8\nA1-CHOM,LU000,2016,6.3\n"
                         "A1-CHOM,LU000,2024,6.4\nA1-CHOM,DEC0,2016,7.2\nA1-CHOM,DEC0,2024,6.0\n"
                         "A1-FRONT,LU000,2016,180000\nA1-FRONT,LU000,2024,230000\n"),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("greater-region")
    engine = open_store(f"sqlite:///{folder / 'gr.sqlite'}")
    outcome = import_files(engine, [write(folder, name, text) for name, text in FILES.items()], user="test")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems]
    return engine


_MADE: dict = {}


def made(store, lang: str):
    if lang not in _MADE:
        report = R.from_store(store, F.Filters(lang=lang), created=WHEN)
        _MADE[lang] = (report, R.render_html(report))
    return _MADE[lang]


def plain(text: str) -> str:
    """The HTML's text: tags out, entities decoded, spaces as one plain space."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def entry(report, iid: str):
    return next(i for s in report.sections for i in s.indicators if i.indicator_id == iid)


def section_html(page: str, action_id: str) -> str:
    start = page.index(f'<section class="action" id="{action_id}">')
    return page[start:page.index("</section>", start)]


@pytest.mark.parametrize("lang", LANGS)
def test_mean_annual_change_is_the_observed_change_the_explorer_shows(store, lang):
    """Rising CO2 (a "decrease" indicator) was printed -1.6 % under the explorer's "mean annual change":
    the report printed d·CAGR, the explorer the observed CAGR."""
    report, page = made(store, lang)
    head = {(a["indicator_id"], a["territory_id"]): a for a in progress_report(store)["indicators"]}
    rising = ((1_310_000 / 1_250_000) ** (1 / 3) - 1)
    assert head[("U1-CO2", "DEC0")]["cagr"] == pytest.approx(rising)          # the explorer's figure
    co2 = entry(report, "U1-CO2")
    assert co2.growth == i18n.percent(rising, lang, 1) and not co2.growth.startswith(("-", "−"))
    assert co2.status == "deterioration"
    text = plain(section_html(page, "GR-U1"))
    label = i18n.t("growth_per_year", lang)
    assert f"{label}{i18n.colon(lang)} {i18n.percent(rising, lang, 1)}".replace("\u00a0", " ").replace(
        "\u202f", " ") in text
    # unemployment fell in its headline territory: the change is negative, as observed
    chom = entry(report, "A1-CHOM")
    cagr = head[("A1-CHOM", next(t for (i, t), a in head.items() if i == "A1-CHOM" and a["headline"]))]["cagr"]
    assert cagr < 0 and chom.growth == i18n.percent(cagr, lang, 1)


@pytest.mark.parametrize("lang", LANGS)
def test_an_action_with_only_context_indicators_is_not_assessed_and_says_why(store, lang):
    """It was told "This action has no indicator yet: add some from the Data page" above its two
    (context) indicators; the pages and the progress JSON say: not assessed, only context indicators."""
    report, page = made(store, lang)
    actions = {a["action_id"]: a for a in progress_report(store)["actions"]}
    assert actions["GR-A1"]["reason"] == "only_context_indicators"
    section = next(s for s in report.sections if s.action_id == "GR-A1")
    assert (section.status, section.reason) == ("not_assessed", actions["GR-A1"]["reason"])
    text = plain(section_html(page, "GR-A1"))
    why = i18n.t("reason_only_context_indicators", lang)
    assert plain(i18n.t("no_indicators_action", lang)) not in text
    assert f"{i18n.status_label('not_assessed', lang)}{i18n.colon(lang)} {why}.".replace("\u202f", " ") in text
    assert text.index(why) < text.index(plain(i18n.t("context_beside", lang))) < text.index("A1-CHOM")
    # the at-a-glance table says why under the status, as the Actions page's note column
    overview = next(o for o in report.overview if o["action_id"] == "GR-A1")
    assert overview["reason"] == "only_context_indicators"
    table = page.index(f"<h2>{html.escape(i18n.t('report_overview', lang))}</h2>")
    row = page.index('href="#GR-A1"', table)
    assert why in plain(page[row:page.index("</tr>", row)])
    # an action with no indicator at all is still told to add some
    assert plain(i18n.t("no_indicators_action", lang)) in plain(section_html(page, "GR-Z9"))


@pytest.mark.parametrize("lang", LANGS)
def test_the_method_text_names_the_countries_the_charts_draw_as_they_draw_them(store, lang):
    """It described a French and a Belgian side with fixed styles; this region has no Belgian value."""
    report, page = made(store, lang)
    start = page.index('<section class="page-break method">')
    method = plain(page[start:page.index("</section>", start)])
    opening = plain(i18n.t("report_method_charts", lang, sides="")).split(",")[0]
    sentence = method[method.index(opening) + len(opening):]
    sentence = sentence[:sentence.index(")")]
    for country in COUNTRIES[lang]:
        assert country in sentence, (country, sentence)
    assert BELGIUM[lang] not in method
    # each country's line and marks named as the report's own figures draw its series
    drawn = {}
    for s in report.sections:
        for i in s.indicators:
            for trace in (i.figure.data if i.figure is not None else []):
                if isinstance(trace.meta, dict) and trace.meta.get("role") == "observed":
                    drawn[trace.meta["country"]] = (trace.line.dash, trace.marker.symbol)
    assert set(drawn) == {"DE", "LU", "FR"}
    from indicators import countries

    said = {e["country"]: e for e in countries.side_looks(store_territories(store), lang, list(drawn_ids(report)))}
    assert set(said) == set(drawn)
    for country, (dash, symbol) in drawn.items():
        assert (said[country]["dash"], said[country]["symbol"]) == (dash, symbol.split("-open")[0].split("-dot")[0])
        assert plain(said[country]["text"]) in sentence


def store_territories(store):
    from indicators.queries import load_framework

    return load_framework(store)["territories"]


def drawn_ids(report):
    from indicators.report.chart_key import drawn_territories

    return drawn_territories(i.figure for s in report.sections for i in s.indicators)


def test_the_countries_said_are_those_the_figures_draw():
    """Only the territories whose values a chart draws count: a country of the framework with no value
    in the report is not said; a cross-border body drawn is."""
    import pandas as pd

    from indicators.report.chart_key import drawn_territories, sides_text

    territories = pd.DataFrame({"territory_id": ["DEC0", "CH03", "GR", "FRF3"], "name_fr": ["Sarre", "Bâle", "GR", "L"],
                                "country": ["DE", "CH", "EU", "FR"]})
    fig = go.Figure()
    for tid, country in (("CH03", "CH"), ("DEC0", "DE"), ("GR", "EU"), ("CH03", "CH")):
        fig.add_trace(go.Scatter(x=[2020, 2021], y=[1, 2], meta={"role": "observed", "territory_id": tid,
                                                                  "country": country}))
    fig.add_trace(go.Scatter(x=[2020, 2030], y=[1, 3], meta={"role": "target", "territory_id": "FRF3"}))
    assert drawn_territories([fig, None]) == ["CH03", "DEC0", "GR"]
    text = sides_text(territories, [fig], "fr")
    assert "Allemagne" in text and "Suisse" in text and "France" not in text
    assert sides_text(territories, [None], "en") == ""
