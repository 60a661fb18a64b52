"""A browser whose locale is en-US opens the French and Dutch pages: every number reads in the page's format.

The test reads what the page renders: its text (the tables' accessible copies left out: they hold
the cells' raw numbers, while the canvas draws the labels) and the text of every chart (SVG).
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from indicators.i18n import t

from .conftest import wait_for_app
from .test_pages import PAGES, charts_drawn, url_of

# English-only number shapes, impossible in the page's own format:
# French (1 234,5): a decimal point, or a comma grouping thousands before another group.
# Dutch (1.234,5): a comma grouping thousands (not 0,001), or a point followed by 1 or 2 digits.
WRONG = {
    "fr": re.compile(r"(?<![\w.])\d{1,3}(,\d{3})+(\.\d+)(?!\d)|(?<![\w.\-/])\d+\.\d+(?![\d.])"),
    "nl": re.compile(r"(?<![\w.,])[1-9]\d{0,2}(,\d{3})+(\.\d+)?(?![\d,])|(?<![\w.\-/])\d+\.\d{1,2}(?![\d.])"),
}

READ = """() => {
    const main = document.querySelector("[data-testid='stMain']").cloneNode(true);
    main.querySelectorAll("[role='grid'], table, svg, code, pre").forEach(e => e.remove());
    const charts = [...document.querySelectorAll("[data-testid='stPlotlyChart'] svg text")]
        .map(e => e.textContent);
    return main.innerText + "\\n" + charts.join("\\n");
}"""


@pytest.fixture
def en_page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize("name", ["overview", "actions", "explorer", "health", "methodology"])
def test_numbers_follow_the_page_not_the_browser(en_page, app_url, name, lang):
    page = en_page
    page.goto(url_of(app_url, name, lang))
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1, name=t(PAGES[name][1], lang), exact=True)).to_be_visible()
    charts_drawn(page)
    text = page.evaluate(READ)
    assert re.search(r"\d", text), "no number read on the page"
    wrong = sorted({m.group(0) for m in WRONG[lang].finditer(text)})
    context = [text[max(0, m.start() - 40): m.end() + 20] for m in WRONG[lang].finditer(text)][:5]
    assert not wrong, f"English-format numbers on the {lang} page: {wrong} in {context}"
