"""What a link's filters say (findings J34 F3, F4): a territory that is not of the link's level is said,
named with the level in the page's language, and kept (it was kept silently and the page said only "no
value", as if data were missing; a link may mean it, tests/test_overview_reads.py); a quarter or a month in `from`/`to` (DESIGN.md's period forms) is read as its year, and a start
after the end is swapped, each said (both were dropped as an "unknown or malformed code"); out-of-range
years are narrowed alike at both ends (AppTest, real demo store)."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from indicators.filters import Filters, parse_query
from indicators.i18n import t

from .conftest import ROOT

APP = str(ROOT / "app.py")
LEVEL_NAMES = {"fr": "Communes frontalières (des deux côtés de la frontière)",
               "nl": "Grensgemeenten (aan beide kanten van de grens)",
               "en": "Border municipalities (both sides of the border)"}
WEST_FLANDERS = {"fr": "Province de Flandre-Occidentale (BE25)", "nl": "Provincie West-Vlaanderen (BE25)",
                 "en": "Province of West Flanders (BE25)"}


def run(query: dict, lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.context = {"locale": f"{lang}-BE", "timezone": "Europe/Brussels"}
    for key, value in {"lang": lang, **query}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def notices(at: AppTest) -> list[str]:
    return [str(x.value) for x in at.toast]


# ---------------------------------------------------------------- the link read (filters.parse_query)

def test_a_territory_outside_the_link_s_level_is_said(demo_tables):
    fw = demo_tables["framework"]
    parsed = parse_query({"level": ["border"], "territory": ["BE25", "200093201", "34022"]}, fw, "fr")
    # BE25 (West Flanders) is of the level euroregion only, Kortrijk (34022) of metropolis only; the Lille
    # Metropolis is of the border level
    assert parsed.filters.territories == ("BE25", "200093201", "34022") and parsed.filters.level == "border"
    assert parsed.said == [("notice_territory_other_level", {"territories": ("BE25", "34022"), "level": "border"})]
    assert parsed.dropped == []   # not an "unknown or malformed code": a code of another level
    assert parse_query({"level": ["euroregion"], "territory": ["BE25"]}, fw, "fr").said == []
    assert parse_query({"territory": ["BE25"]}, fw, "fr").said == []   # no level: nothing to say


def test_a_quarter_or_a_month_is_read_as_its_year_and_a_reversed_period_swapped(demo_tables):
    fw = demo_tables["framework"]
    parsed = parse_query({"from": ["2014-Q1"], "to": ["2025-12"]}, fw, "fr")
    assert (parsed.filters.period_from, parsed.filters.period_to) == ("2014", "2025")
    assert parsed.dropped == []
    assert parsed.said == [("notice_period_as_year", {"what": "from=2014-Q1", "year": "2014"}),
                           ("notice_period_as_year", {"what": "to=2025-12", "year": "2025"})]
    swapped = parse_query({"from": ["2022"], "to": ["2016"]}, fw, "en")
    assert swapped.filters == Filters(lang="en", period_from="2016", period_to="2022") and swapped.dropped == []
    assert swapped.said == [("notice_period_swapped", {"start": "2022", "end": "2016"})]
    # not a period of DESIGN.md's forms: dropped as before
    bad = parse_query({"from": ["2014-Q5"], "to": ["2025-13"]}, fw, "fr")
    assert bad.dropped == ["from=2014-Q5", "to=2025-13"] and bad.filters.period_from is None


# ---------------------------------------------------------------- what the pages say

@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_pages_say_a_territory_is_not_of_the_link_s_level(demo_url, lang):
    at = run({"method": "eurostat", "level": "border", "territory": "BE25"}, lang)
    assert at.sidebar.multiselect(key="f_territory").value == ["BE25"]          # kept, as the link says
    assert at.sidebar.selectbox(key="f_level").value == "border"
    # in a box above the page: as a toast its long names folded behind Streamlit's English "view more"
    boxes = [str(b.value) for b in at.info]
    assert t("notice_territory_other_level", lang, n=1, territories=WEST_FLANDERS[lang],
             level=LEVEL_NAMES[lang]) in boxes, boxes
    assert not any("BE25" in n for n in notices(at))   # not also an "unknown or malformed code"
    at = run({"level": "border", "territory": ["BE25", "34022", "200093201"]}, lang)   # two: one box names both
    said = [str(b.value) for b in at.info if "BE25" in str(b.value)]
    assert len(said) == 1 and "(34022)" in said[0] and "200093201" not in said[0], said
    assert said[0] == t("notice_territory_other_level", lang, n=2, territories=said[0].split(" (34022)")[0]
                        + " (34022)", level=LEVEL_NAMES[lang])


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_pages_read_a_reversed_period_and_quarters_as_years(demo_url, lang):
    at = run({"from": "2022", "to": "2016"}, lang)
    assert at.sidebar.select_slider(key="f_years").value == (2016, 2022)
    said = notices(at)
    assert t("notice_period_swapped", lang, start="2022", end="2016") in said, said
    assert not any("2022" in n and t("notice_dropped", lang, what="").split("(")[0] in n for n in said), said
    assert (at.query_params.get("from"), at.query_params.get("to")) == ("2016", "2022")

    at = run({"from": "2014-Q1", "to": "2025-12"}, lang)
    lo, hi = at.sidebar.select_slider(key="f_years").value
    said = notices(at)
    assert t("notice_period_as_year", lang, what="` from=2014-Q1 `", year="2014") in said, said
    assert t("notice_period_as_year", lang, what="` to=2025-12 `", year="2025") in said, said
    assert lo == 2014 and hi <= 2025


def test_out_of_range_years_are_narrowed_alike_at_both_ends(demo_url):
    """`from=2025&to=2010` gave "2014–2014" and "from=2025 malformed"; `from=2030` alone is narrowed too."""
    at = run({"from": "2025", "to": "2010"}, "fr")
    years = at.sidebar.select_slider(key="f_years")
    first, last = years.options[0], years.options[-1]
    assert years.value == (int(first), min(int(last), 2025))
    said = " ".join(notices(at))
    assert "from=2025" not in said and t("notice_period_swapped", "fr", start="2025", end="2010") in said
    at = run({"from": "2030"}, "fr")
    assert at.sidebar.select_slider(key="f_years").value == (int(last), int(last))
    assert t("notice_period_clamped", "fr", asked="2030–", shown=f"{last}–{last}") in notices(at)
