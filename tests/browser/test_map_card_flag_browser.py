"""The Map's territory card and tooltip in a real browser, at 1400 and 1024 px, in French, Dutch and
English (outside tester X, stop 31, findings 1 and 9): the card's figure is whole ("4 056,31 milli…" cut
its unit) with the value's flag under it, and a tooltip near the map's right edge is read whole, its
period and flag included ("14 350,27 millions d'EUR (20…" was cut at the map's edge)."""
from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from .conftest import start_app, stop_app, wait_for_app
from .test_map import first_view, screen_point

WIDTHS = (1400, 1024)
LANGS = ("fr", "nl", "en")
WORDS = {"fr": "provisoire", "nl": "voorlopig", "en": "provisional"}
BRUSSELS = (4.3517, 50.8466)      # the Brussels-Capital Region (BE100): the shape nearest the map's right edge

# Every element of the card's figure (its label, number and flag) whose text a box hides (cut, or ended
# with an ellipsis).
CUT_IN_CARD = """() => {
  const out = [];
  for (const el of document.querySelectorAll('[data-testid=stMain] [data-testid=stMetric] *')) {
    if (!el.textContent.trim() || !el.getClientRects().length) continue;
    const cs = getComputedStyle(el);
    const hides = cs.overflowX === 'hidden' || cs.overflowX === 'clip' || cs.textOverflow === 'ellipsis';
    if (hides && el.scrollWidth > el.clientWidth + 1) out.push(el.textContent.trim().slice(0, 60));
  }
  return out;
}"""

# How far the tooltip reaches past any box that hides what overflows it, or past the window (pixels).
TOOLTIP_CUT = """() => {
  const tip = document.querySelector('.deck-tooltip');
  const r = tip.getBoundingClientRect();
  let worst = Math.max(0, r.right - document.documentElement.clientWidth, -r.left);
  for (let el = tip.parentElement; el; el = el.parentElement) {
    const cs = getComputedStyle(el);
    if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
    const b = el.getBoundingClientRect();
    worst = Math.max(worst, r.right - b.right, b.left - r.left, r.bottom - b.bottom, b.top - r.top);
  }
  return worst;
}"""


@pytest.fixture(scope="module")
def demo_app(demo_store_file, tmp_path_factory):
    store = tmp_path_factory.mktemp("map-card") / "app.sqlite"
    shutil.copy(demo_store_file, store)
    proc, url = start_app(store)
    yield url, store
    stop_app(proc)


@pytest.fixture(scope="module")
def view(demo_app):
    """The map's first view for GDP per inhabitant (the same at every screen width: the map's frame is fixed)."""
    return first_view(demo_app[1], {"lang": "fr", "indicator": "ECO06"})["initialViewState"]


def hover_until_tooltip(page, x: float, y: float):
    """Move over (x, y) until deck.gl shows its tooltip: before the deck has drawn, a move shows none."""
    tip = page.locator(".deck-tooltip")
    for attempt in range(40):
        page.mouse.move(x + attempt % 2, y)
        try:
            tip.wait_for(state="visible", timeout=500)
            return tip
        except Exception:   # not drawn yet: move again
            continue
    raise AssertionError("no tooltip appeared over the map")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_the_card_and_the_tooltip_are_whole_and_say_the_flag(browser, demo_app, view, width, lang):
    url, _ = demo_app
    context = browser.new_context(viewport={"width": width, "height": 1000}, locale="en-US")
    page = context.new_page()
    try:
        page.goto(f"{url}/map?lang={lang}&indicator=ECO06&territory=BE253")
        wait_for_app(page)
        canvas = page.get_by_test_id("stDeckGlJsonChart").locator("canvas").first
        canvas.wait_for(state="visible")
        figure = page.get_by_test_id("stMain").get_by_test_id("stMetric")     # the card's one figure
        figure.scroll_into_view_if_needed()
        expect(figure).to_contain_text("2021")
        assert page.evaluate(CUT_IN_CARD) == []
        value = figure.get_by_test_id("stMetricValue").bounding_box()
        box = figure.bounding_box()
        assert value["x"] + value["width"] <= box["x"] + box["width"] + 1     # inside the card
        expect(figure.get_by_test_id("stMetricDelta")).to_have_text(f"⚑\u00a0{WORDS[lang]}\u00a0(p)")
        # the tooltip of the shape nearest the map's right edge, whole, with its period and flag
        canvas.scroll_into_view_if_needed()
        tip = hover_until_tooltip(page, *screen_point(page, view, *BRUSSELS))
        text = tip.inner_text().replace("\u00a0", " ")
        assert "(2021)" in text and f"⚑ {WORDS[lang]} (p)" in text, text
        assert page.evaluate(TOOLTIP_CUT) <= 1
    finally:
        context.close()
