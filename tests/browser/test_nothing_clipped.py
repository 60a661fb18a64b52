"""Words a planner must read whole, at the widths of an office screen (1280 and 1400 px), in the three
languages, opened by an en-US browser:
- no button, metric label, caption or toggle of any page cut or ended with an ellipsis (the Dutch
  download button read "Downloaden (CSV voor…" at 1280 px);
- the Data page's history shows the import's state (it was half cut at the table's right edge);
- the Explorer's ranking writes the aggregate territory's reference label whole, above the bars, over none.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from indicators.i18n import LANGS, t

from .conftest import wait_for_app
from .test_pages import PAGES as SHOWN

# every page of the navigation: the planner's pages and the partners' and reviewers' ones
PAGES = {**SHOWN, "partners": ("partners", "page_partners"), "review": ("review", "page_review")}


def url_of(app_url: str, name: str, lang: str) -> str:
    return f"{app_url}/{PAGES[name][0]}?lang={lang}"

CLIPPED = (Path(__file__).parent / "clipped.js").read_text()
WIDTHS = (1280, 1400)
FILES_WIDTH = 400        # the history's file list: a "large" column


@pytest.fixture(scope="module", params=WIDTHS)
def context(request, browser):
    ctx = browser.new_context(viewport={"width": request.param, "height": 1000}, locale="en-US")
    yield ctx
    ctx.close()


def _open(context, app_url, name: str, lang: str):
    tab = context.new_page()
    tab.goto(url_of(app_url, name, lang))
    wait_for_app(tab)
    expect(tab.get_by_role("heading", name=t(PAGES[name][1], lang)).first).to_be_visible()
    return tab


@pytest.mark.parametrize("lang", LANGS)
def test_no_words_cut_on_any_page(context, app_url, lang):
    cut = {}
    for name in PAGES:
        tab = _open(context, app_url, name, lang)
        try:
            found = tab.evaluate(CLIPPED)
        finally:
            tab.close()
        if found:
            cut[name] = found
    assert not cut, cut


def _box_inside(inner, outer, slack: float = 1.0) -> bool:
    return (inner["x"] >= outer["x"] - slack and inner["y"] >= outer["y"] - slack
            and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + slack
            and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + slack)


def _overlap(a, b) -> bool:
    return not (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])


@pytest.mark.parametrize("lang", LANGS)
def test_history_shows_each_imports_state(context, app_url, lang):
    tab = _open(context, app_url, "data", lang)
    try:
        tab.get_by_role("tab", name=t("tab_history", lang)).click()
        wait_for_app(tab)
        grid = tab.locator("[data-testid='stDataFrame']:visible").first
        expect(grid).to_be_visible()
        expect(grid.locator("th", has_text=t("state", lang))).to_have_count(1)
        headers = [grid.locator("th").nth(i).text_content().strip() for i in range(grid.locator("th").count())]
        assert headers.index(t("state", lang)) <= 3 and headers[-1] == t("files", lang), headers
        # the grid draws its columns on a canvas: what the page does not show is the scroller's overflow;
        # every column but the last (the file list, "large": 400 px, spelled out below) shows whole
        hidden = grid.evaluate("g => { const s = g.querySelector('.dvn-scroller'); "
                               "return s.scrollWidth - s.clientWidth; }")
        assert hidden < FILES_WIDTH - 40, hidden
    finally:
        tab.close()


@pytest.mark.parametrize("lang", LANGS)
def test_ranking_reference_label_is_whole_and_over_no_bar(context, app_url, lang):
    tab = _open(context, app_url, "explorer", lang)
    try:
        chart = tab.get_by_test_id("stPlotlyChart").nth(1)       # the series first, the ranking second
        chart.scroll_into_view_if_needed()
        labels = chart.locator(".annotation-text")            # the reference lines' labels
        expect(labels.first).to_be_visible()
        figure = chart.locator(".main-svg").first.bounding_box()
        bars = chart.locator(".barlayer .point path")
        assert bars.count() >= 2
        for n in range(labels.count()):
            box, text = labels.nth(n).bounding_box(), labels.nth(n).text_content()
            assert _box_inside(box, figure), (text, box, figure)
            for i in range(bars.count()):
                assert not _overlap(box, bars.nth(i).bounding_box()), (text, i)
    finally:
        tab.close()
