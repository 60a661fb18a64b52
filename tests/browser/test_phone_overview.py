"""The Overview's level × theme matrix on a phone (390 × 844, Chromium): the theme names printed over one
another ("Burgerschap Economie Klimaat"), the columns of unequal widths and the scores cut at the right
edge. The matrix now keeps the width it is drawn for and scrolls sideways inside the column, as the
tables do: no header overlaps another (bounding boxes), no square overlaps another, every score and count
lies inside its square, the page itself does not scroll sideways, and the last column is reached by
scrolling the matrix. Shots: docs/screenshots/overview-phone-<lang>.png."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from indicators.i18n import t

from .boxes import inside as _inside, overlap as _overlap
from .conftest import SHOTS, wait_for_app

PHONE = {"width": 390, "height": 844}

MATRIX = """() => {
  const rect = e => { const r = e.getBoundingClientRect(); return {x: r.x, y: r.y, width: r.width, height: r.height}; };
  const box = document.querySelector('.st-key-matrix');
  const plot = box.querySelector('.js-plotly-plot');
  return {
    squares: [...plot.querySelectorAll('.scatterlayer .trace .points path')].map(rect),
    texts: [...plot.querySelectorAll('.scatterlayer .trace .textpoint')].map(e => ({...rect(e), text: e.textContent})),
    themes: [...plot.querySelectorAll('.xtick text')].map(e => ({...rect(e), text: e.textContent})),
    levels: [...plot.querySelectorAll('.ytick text')].map(e => ({...rect(e), text: e.textContent})),
    box: rect(box), scroll: {width: box.scrollWidth, client: box.clientWidth, left: box.scrollLeft},
    page: document.documentElement.scrollWidth,
  };
}"""

DRAWN = """() => {   // plotly has laid the matrix out at its frame's width (it is drawn again when that changes)
  const frame = document.querySelector('.st-key-matrix [data-testid=stFullScreenFrame]');
  const svg = frame && frame.querySelector('.main-svg');
  return !!svg && svg.querySelectorAll('.xtick text').length > 0
         && Math.abs(svg.getBoundingClientRect().width - frame.getBoundingClientRect().width) < 1;
}"""


def _pairs(boxes: list[dict]) -> list[tuple[str, str]]:
    return [(boxes[i].get("text"), boxes[j].get("text")) for i in range(len(boxes)) for j in range(i)
            if _overlap(boxes[i], boxes[j])]


@pytest.fixture(scope="module")
def phone(browser):
    ctx = browser.new_context(viewport=PHONE, locale="nl-BE", device_scale_factor=2)
    yield ctx
    ctx.close()


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_the_matrix_reads_on_a_phone(phone, app_url, lang):
    tab = phone.new_page()
    try:
        tab.goto(f"{app_url}/?lang={lang}")
        wait_for_app(tab)
        expect(tab.get_by_role("heading", name=t("matrix_title", lang))).to_be_visible()
        tab.locator(".st-key-matrix .scatterlayer .points path").first.wait_for()
        tab.wait_for_function(DRAWN)
        seen = tab.evaluate(MATRIX)
        tab.locator(".st-key-matrix").scroll_into_view_if_needed()
        SHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SHOTS / f"overview-phone-{lang}.png"))
        # scrolled to its right end, the matrix shows its last column whole
        tab.evaluate("() => { const b = document.querySelector('.st-key-matrix'); b.scrollLeft = b.scrollWidth; }")
        right = tab.evaluate(MATRIX)   # scrollLeft is set at once: the boxes are read after it
    finally:
        tab.close()

    themes, levels, squares, texts = seen["themes"], seen["levels"], seen["squares"], seen["texts"]
    assert len(themes) == 5 and len(levels) == 4 and len(squares) >= 16, (themes, levels)
    assert not _pairs(themes), _pairs(themes)             # the theme names were printed over one another
    assert not _pairs(levels), _pairs(levels)
    assert not _pairs(squares), len(_pairs(squares))      # the squares overlapped their neighbours
    # every score and count inside a square (they were cut: "► 2", "5,0▲ 3")
    assert len(texts) == len(squares)
    assert all(any(_inside(text, square) for square in squares) for text in texts), texts
    # a level's name never runs under a square, a theme's name never over one
    assert not [(a.get("text"), b.get("text")) for a in levels + themes for b in squares if _overlap(a, b)]
    # the columns are as wide as one another (Burgerschap was a sliver)
    widths = {round(s["width"]) for s in squares}
    assert max(widths) - min(widths) <= 1, widths
    # the page does not scroll sideways: the matrix does, inside the column
    assert seen["page"] <= PHONE["width"], seen["page"]
    assert seen["scroll"]["width"] > seen["scroll"]["client"], seen["scroll"]
    box = right["box"]
    last = max(right["squares"], key=lambda s: s["x"])
    assert _inside(last, box), (last, box)
    theme = max(right["themes"], key=lambda s: s["x"])
    assert box["x"] - 1 <= theme["x"] and theme["x"] + theme["width"] <= box["x"] + box["width"] + 1, (theme, box)
