"""The Explorer's first indicator, decided before the page's link is written (pages/explorer.settle)."""
from __future__ import annotations

from indicators import filters as F

from .test_pages_actions_explorer import open_page


def test_the_wanted_indicator_stands_else_the_first_with_a_value():
    codes = ["MOB01", "MOB03", "MOB16"]
    assert F.first_indicator(codes, {"MOB16"}, "MOB01") == ("MOB01", None)     # chosen: it stands
    assert F.first_indicator(codes, {"MOB03", "MOB16"}, None) == ("MOB03", None)
    assert F.first_indicator(codes, set(), None) == ("MOB01", None)             # none has a value
    assert F.first_indicator(codes, {"MOB16"}, "ECO07") == ("MOB16", "ECO07")   # wanted, outside the filters
    assert F.first_indicator([], set(), "ECO07") == (None, "ECO07")


def test_the_explorer_opens_on_an_indicator_with_a_value_for_the_territory_chosen(demo_url):
    """Metropolis × mobility, Kortrijk: the Explorer opened on MOB01, with "no value for these filters",
    while other indicators of those filters had values for Kortrijk."""
    from indicators.queries import load_observations
    from indicators.store import open_store

    obs = load_observations(open_store(demo_url))
    kortrijk = set(obs.loc[obs["territory_id"] == "BE254", "indicator_id"])
    at = open_page("pages/explorer.py", {"lang": "fr", "level": "metropolis", "theme": "mobility",
                                         "territory": "BE254"})
    chosen = at.session_state["f_indicator"]
    options = at.selectbox(key="f_indicator").options
    assert options[0].split(" · ")[0] not in kortrijk        # the first of the list has no value there
    assert chosen in kortrijk and chosen != options[0].split(" · ")[0]
    assert not [i.value for i in at.info if "Pas de valeur" in str(i.value)]


def test_a_link_naming_an_indicator_opens_it_even_without_a_value(demo_url):
    at = open_page("pages/explorer.py", {"lang": "fr", "level": "metropolis", "theme": "mobility",
                                         "territory": "BE254", "indicator": "MOB01"})
    assert at.session_state["f_indicator"] == "MOB01"
