"""Each page's link (the URL the sidebar tells users to share) carries the parameters that page reads.

The sidebar's filters are shown on every page and go in every page's link; `indicator` only in the links
of the pages that read it (Explorer, Map, and Data health, whose report maps it). The Overview's link kept
the `indicator=` of the last indicator seen in the Explorer, a parameter the Overview does not use.
Run headless with Streamlit's AppTest through app.py, as tests/test_app.py does.
"""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from .conftest import ROOT, switch_page

APP = str(ROOT / "app.py")
SIDEBAR = {"lang": ["en"], "level": ["border"], "theme": ["mobility"], "territory": ["59350", "34022"],
           "from": ["2016"], "method": ["eurostat"]}


def query(at: AppTest) -> dict[str, list[str]]:
    return {k: (v if isinstance(v, list) else [v]) for k, v in at.query_params.items()}


def opened(page: str, **extra) -> AppTest:
    """The app opened on the Explorer's link for MOB05 with every sidebar filter, then switched to `page`."""
    at = AppTest.from_file(APP, default_timeout=90)
    at.context = {"locale": "en-GB", "timezone": "Europe/Paris"}
    for key, values in {**SIDEBAR, "indicator": ["MOB05"], **extra}.items():
        at.query_params[key] = values
    at.run()
    switch_page(at, "pages/explorer.py").run()
    assert not at.exception, at.exception
    assert query(at).get("indicator") == ["MOB05"], query(at)
    switch_page(at, page).run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/actions.py", "pages/data.py", "pages/methodology.py"])
def test_a_page_that_does_not_read_the_indicator_leaves_it_out_of_its_link(demo_url, page):
    at = opened(page)
    assert query(at) == SIDEBAR, query(at)   # the sidebar's filters, every value kept; no indicator
    assert at.session_state["f_indicator"] == "MOB05"   # still chosen: the Explorer opens on it again
    switch_page(at, "pages/explorer.py").run()
    assert query(at) == {**SIDEBAR, "indicator": ["MOB05"]}, query(at)


@pytest.mark.parametrize("page", ["pages/explorer.py", "pages/map.py", "pages/health.py"])
def test_a_page_that_reads_the_indicator_keeps_it_in_its_link(demo_url, page):
    at = opened(page)
    assert query(at) == {**SIDEBAR, "indicator": ["MOB05"]}, query(at)


def test_the_overview_opened_on_a_link_naming_an_indicator_leaves_it_out(demo_url):
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params.update({"lang": "fr", "level": "border", "indicator": "MOB05"})
    at.run()
    assert not at.exception, at.exception
    assert query(at) == {"lang": ["fr"], "level": ["border"]}, query(at)


def test_the_period_of_a_link_holds_through_page_and_language_switches(demo_url):
    """The period slider came back from a page switch (and from a language switch) as one value, and was
    reset to every year: a link's `from=2016&to=2020` was gone from the view and its link at the first
    click elsewhere."""
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params.update({"lang": "fr", "from": "2016", "to": "2020"})
    at.run()
    for step in ("pages/actions.py", "nl", "pages/map.py", "en", "pages/overview.py"):
        if step in ("nl", "en"):
            at.sidebar.segmented_control(key="f_lang").set_value(step).run()
        else:
            switch_page(at, step).run()
        assert not at.exception, at.exception
        assert at.sidebar.select_slider(key="f_years").value == (2016, 2020), step
        assert query(at)["from"] == ["2016"] and query(at)["to"] == ["2020"], (step, query(at))
