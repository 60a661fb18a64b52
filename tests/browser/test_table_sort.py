"""A table column of numbers with both signs sorts by value in the browser (indicators/table_numbers.py).

The Actions page's score (−5…+5, one decimal) in French, opened by an en-US browser: a click on its
header sorts the rows; the grid's accessible copy gives each cell's key, which ends with the label
the canvas draws. Ascending, the labels read as numbers never go down; descending, never up.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from indicators.i18n import t

from .conftest import wait_for_app
from .test_pages import url_of

# Streamlit's named column widths (px); the Actions table's action and status columns are given in pixels,
# sized to their texts in each language (indicators/indicator_tables.py): read from the page's own config.
WIDTHS = {"large": 400, "medium": 200, "small": 75}
HEADER = 17        # the middle of the header row


def _widths(store, lang: str, monkeypatch) -> dict[str, int]:
    """{column: width in px} of the Actions page's first table, as the page configures it (AppTest, same store)."""
    import json

    from tests.conftest import open_page

    monkeypatch.setenv("INDICATORS_DB_URL", f"sqlite:///{store}")
    config = json.loads(open_page("pages/actions.py", {"lang": lang}).dataframe[0].proto.columns)
    return {name: WIDTHS.get(c.get("width"), c.get("width")) for name, c in config.items() if c.get("width")}


def _read_scores(grid, column: int) -> list[float]:
    cells = grid.locator(f"td[aria-colindex='{column}']")
    texts = [cells.nth(i).inner_text() for i in range(cells.count())]
    numbers = []
    for text in texts:
        if text.strip():                                   # no value: an empty cell
            key, label = text.split(" ", 1)
            assert key.isdigit(), text
            numbers.append(float(label.replace("\u202f", "").replace(".", "").replace(",", ".")))
    return numbers


@pytest.fixture
def en_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="en-US")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_score_column_sorts_by_value_negatives_included(en_page, app_url, demo_store_file, lang, monkeypatch):
    page = en_page
    widths = _widths(demo_store_file, lang, monkeypatch)
    page.goto(url_of(app_url, "actions", lang))
    wait_for_app(page)
    grid = page.get_by_test_id("stDataFrame").first
    grid.scroll_into_view_if_needed()
    headers = grid.locator("th")
    expect(headers.nth(2)).to_have_text(t("score", lang))
    column = int(headers.nth(2).get_attribute("aria-colindex"))
    box = grid.bounding_box()
    x = box["x"] + widths["action"] + widths["status_text"] + widths["score"] / 2
    first = grid.locator(f"td[aria-colindex='{column}']").first
    before = _read_scores(grid, column)
    assert any(v < 0 for v in before) and any(v > 0 for v in before), before   # both signs to sort
    assert before != sorted(before)                        # the click has something to do
    shown = first.inner_text()
    page.mouse.click(x, box["y"] + HEADER)
    expect(first).not_to_have_text(shown)                  # the grid has redrawn its rows
    ascending = _read_scores(grid, column)
    shown = first.inner_text()
    page.mouse.click(x, box["y"] + HEADER)
    expect(first).not_to_have_text(shown)
    descending = _read_scores(grid, column)
    assert ascending == sorted(ascending) and ascending[0] < 0, ascending
    assert descending == sorted(descending, reverse=True) and descending[0] > 0, descending


def _read_labels(grid, column: int) -> list[float]:
    """The numbers at the head of a labelled column's cells (`7 162 élèves (2024)`); words alone skipped."""
    import re

    cells = grid.locator(f"td[aria-colindex='{column}']")
    numbers = []
    for i in range(cells.count()):
        text = cells.nth(i).inner_text().strip()
        if not text:
            continue
        key, label = text.split(" ", 1)
        assert key.isdigit(), text
        head = re.match(r"-?\d{1,3}([\u202f.]\d{3})*(,\d+)?(?=\u00a0| \(|%|$)", label)   # 9,9% in Dutch
        if head:
            numbers.append(float(head.group(0).replace("\u202f", "").replace(".", "").replace(",", ".")))
    return numbers


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_indicator_latest_value_sorts_by_value(browser, app_url, lang):
    """The Actions page's indicator table: its latest value (each row its own unit) sorts by value."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page = context.new_page()
    try:
        page.goto(url_of(app_url, "actions", lang))
        wait_for_app(page)
        grid = page.get_by_test_id("stDataFrame").nth(1)
        grid.scroll_into_view_if_needed()
        headers = grid.locator("th")
        expect(headers.nth(3)).to_have_text(t("latest_value", lang))
        column = int(headers.nth(3).get_attribute("aria-colindex"))
        box = grid.bounding_box()
        x = box["x"] + WIDTHS["small"] + WIDTHS["large"] + WIDTHS["medium"] + WIDTHS["medium"] / 2
        first = grid.locator(f"td[aria-colindex='{column}']").first
        before = _read_labels(grid, column)
        assert len(before) > 5 and before != sorted(before), before
        shown = first.inner_text()
        page.mouse.click(x, box["y"] + HEADER)
        expect(first).not_to_have_text(shown)
        ascending = _read_labels(grid, column)
        assert ascending == sorted(ascending), ascending
        assert len(ascending) > 5 and ascending[0] < ascending[-1], ascending
    finally:
        context.close()
