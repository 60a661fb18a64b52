"""The Overview's tables of latest imports and stale data, and Data health's freshness table, show every
column at 1280 px, in each language (no horizontal scroll)."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from indicators.i18n import t

from .conftest import shoot, wait_for_app
from .test_pages import url_of

FITS = """e => { const s = e.querySelector('.dvn-scroller');
                 return s ? [s.scrollWidth, s.clientWidth] : null; }"""


@pytest.fixture
def narrow(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_stale_table_shows_every_column_at_1280(narrow, app_url, lang):
    """The latest imports and the stale indicators are Markdown tables: every column within the page."""
    page = narrow
    page.goto(url_of(app_url, "overview", lang))
    wait_for_app(page)
    heading = page.get_by_role("heading", name=t("stale", lang), exact=True)
    expect(heading).to_be_visible()
    tables = page.locator("[data-testid='stMarkdownContainer'] table")
    table = tables.last                                       # the last table of the page
    table.scroll_into_view_if_needed()
    expect(table.locator("th")).to_have_count(4)
    assert [table.locator("th").nth(i).inner_text() for i in range(4)] == \
        [t(k, lang) for k in ("indicator", "latest_period", "health_behind", "owner")]
    assert table.locator("tbody tr").count() >= 3
    for shown in (table, tables.nth(-2)):                     # the latest imports, just above
        assert shown.evaluate("e => e.scrollWidth <= e.parentElement.clientWidth + 1")
        box = shown.bounding_box()
        assert box["x"] + box["width"] <= 1280, box
    assert [tables.nth(-2).locator("th").nth(i).inner_text() for i in range(5)] == \
        [t(k, lang) for k in ("when", "user", "files", "added", "updated")]
    page.screenshot(path=f"/tmp/overview_stale_{lang}.png", full_page=True)
    shoot(page, f"overview_1280_{lang}")


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_health_freshness_table_shows_every_column_at_1280(narrow, app_url, lang):
    page = narrow
    page.goto(url_of(app_url, "overview", lang))          # a cold server: the entry page first
    wait_for_app(page)
    page.goto(url_of(app_url, "health", lang))
    wait_for_app(page)
    ask = page.locator("[data-testid='stMarkdownContainer'] table").first   # whom to ask: a Markdown table
    expect(ask.locator("th")).to_have_count(3)
    assert ask.evaluate("e => e.scrollWidth <= e.parentElement.clientWidth + 1")
    expect(page.get_by_test_id("stDataFrame")).to_have_count(0)   # the grid waits in its own tab
    page.get_by_role("tab", name=t("health_tab_freshness", lang)).click()
    table = page.get_by_test_id("stDataFrame").first        # every indicator's freshness
    table.scroll_into_view_if_needed()
    expect(table.locator("th")).to_have_count(7)
    # two headers shortened to fit their narrow columns ("Dernière période" was cut to "Dernière péri")
    assert [table.locator("th").nth(i).inner_text() for i in (2, 6)] == \
        [t("health_latest_short", lang), t("health_action_short", lang)]
    scroll, width = table.evaluate(FITS)
    assert scroll <= width + 1, (scroll, width)
    shoot(page, f"health_1280_{lang}")
