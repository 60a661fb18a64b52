"""The widths the pages give their tables hold in Chromium (tester V, stop 32, findings 2, 7 and 10):

- at 1024 px with the sidebar open (the narrowest layout) the Strategic actions and Partners tables are
  as wide as indicator_tables.NARROWEST_TABLE, the width the columns up to the status (Actions) and up to
  what a partner has to update (Partners) are sized for (tests/test_tables_fit_r32.py);
- the Explorer's ranking draws its value axis's numbers in the page's language and its reference line,
  the label's stem rising from it;
- the Partners page's download buttons stand side by side.
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from indicators.i18n import LANGS, t

from .conftest import wait_for_app

# indicator_tables.NARROWEST_TABLE and SCROLLBAR (tests/test_tables_fit_r32.py holds the engine to them)
NARROWEST_TABLE, SCROLLBAR = 564, 16
# the value axis's thousands, as each language writes them (plotly: base_layout's separators)
THOUSANDS = {"fr": re.compile(r"^\d{1,3}(?: \d{3})+$"), "nl": re.compile(r"^\d{1,3}(?:\.\d{3})+$"),
             "en": re.compile(r"^\d{1,3}(?:,\d{3})+$")}


@pytest.fixture(scope="module")
def narrow(browser):
    ctx = browser.new_context(viewport={"width": 1024, "height": 900}, locale="en-US")
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def wide(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    yield ctx
    ctx.close()


def _coloured_at_right_edge(grid, band: int = 14) -> int:
    """Pixels of a colour (not a grey: text, borders, the page) in the `band` px left of the grid's scroll
    bar, over its drawn rows."""
    from io import BytesIO

    from PIL import Image

    image = Image.open(BytesIO(grid.screenshot())).convert("RGB")
    right = image.width - SCROLLBAR - 2
    crop = image.crop((right - band, 40, right, image.height - 4))      # below the header row
    return sum(1 for r, g, b in crop.getdata() if max(r, g, b) - min(r, g, b) > 40)


def _open(context, url: str, heading: str):
    tab = context.new_page()
    tab.goto(url)
    wait_for_app(tab)
    expect(tab.get_by_role("heading", name=heading).first).to_be_visible()
    return tab


@pytest.mark.parametrize("lang", LANGS)
def test_at_1024_px_the_tables_are_as_wide_as_their_columns_are_sized_for(narrow, app_url, lang):
    for path, heading, tables in (("actions", "page_actions", 2), ("partners", "page_partners", 1)):
        tab = _open(narrow, f"{app_url}/{path}?lang={lang}", t(heading, lang))
        try:
            expect(tab.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "false")
            grids = tab.get_by_test_id("stDataFrame")
            expect(grids.nth(tables - 1)).to_be_visible()
            for i in range(tables):
                grid = grids.nth(i)
                width = grid.evaluate("g => g.querySelector('.dvn-scroller').clientWidth")
                # the scroller holds the columns (its scroll bar may take some): at least the sized width
                # less the scroll bar the sizes leave room for
                assert width >= NARROWEST_TABLE - SCROLLBAR, (path, i, width)
                if path == "actions":
                    # no status pill runs into the table's right edge: the band left of the scroll bar
                    # holds the next column's words (grey), never a pill's colour cut off there
                    assert _coloured_at_right_edge(grid) == 0, (lang, i)
        finally:
            tab.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_ranking_draws_its_axis_numbers_and_its_reference_line(wide, app_url, lang):
    tab = _open(wide, f"{app_url}/explorer?lang={lang}&indicator=CIT01", t("page_explorer", lang))
    try:
        chart = tab.get_by_test_id("stPlotlyChart").nth(1)       # the series first, the ranking second
        chart.scroll_into_view_if_needed()
        expect(chart.locator(".annotation-text").first).to_be_visible()
        ticks = chart.evaluate("c => [...c.querySelectorAll('.xtick text')].map(t => t.textContent)")
        ticks = [x.replace("\u00a0", " ").replace("\u202f", " ") for x in ticks]
        assert len(ticks) >= 3 and any(THOUSANDS[lang].match(x) for x in ticks), ticks
        # the reference line is drawn (a vertical path among the figure's shapes), and the label's stem
        lines = chart.evaluate("c => [...c.querySelectorAll('.shapelayer path, .layer-below .shapelayer path')]"
                               ".map(p => p.getAttribute('d'))")
        vertical = [d for d in lines if (m := re.match(r"M([\d.]+),[\d.]+L([\d.]+),[\d.]+$", d or ""))
                    and abs(float(m[1]) - float(m[2])) < 0.5]
        assert vertical, lines
        assert chart.locator(".annotation-arrow-g path").count() >= 1
    finally:
        tab.close()


def test_the_partners_download_buttons_stand_side_by_side(wide, app_url):
    tab = _open(wide, f"{app_url}/partners?lang=fr", t("page_partners", "fr"))
    try:
        names = [t(k, "fr") for k in ("partner_download_due", "partner_download_due_xlsx",
                                      "partner_download_due_flows")]
        buttons = [tab.get_by_role("button", name=n) for n in names]
        expect(buttons[0]).to_be_visible()
        if not buttons[2].count():     # the first partner has no flows due: the two list buttons
            buttons = buttons[:2]
        tops = [b.bounding_box()["y"] for b in buttons]
        lefts = [b.bounding_box()["x"] for b in buttons]
        assert max(tops) - min(tops) < 2, tops                  # one row
        assert lefts == sorted(lefts) and lefts[1] - lefts[0] < 400, lefts   # next to each other
    finally:
        tab.close()
