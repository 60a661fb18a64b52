"""The Overview and the Map at 1024 px wide (a meeting-room projector), sidebar open, in Chromium:
- the matrix's squares do not overlap, each square holds its own score and count, the theme names lie
  flat without touching, and the legend lists every band;
- no word of either page is cut, and the Overview's tables keep inside the content column;
- the map's frame keeps its width and inside the column, and every territory the map colours is drawn
  inside it on its first view.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import expect

from indicators.i18n import t
from pages.map import MAP_WIDTH
from indicators.style import STATUS_ORDER

from ..conftest import DEMO
from ..test_maps import style_colours, style_of
from .boxes import inside as _inside, overlap as _overlap
from .conftest import wait_for_app
from .test_map import first_view, screen_point

CLIPPED = (Path(__file__).parent / "clipped.js").read_text()
WIDTH = 1024


@pytest.fixture(scope="module")
def narrow(browser):
    ctx = browser.new_context(viewport={"width": WIDTH, "height": 800}, locale="en-US")
    yield ctx
    ctx.close()


def _open(context, app_url: str, path: str, lang: str):
    tab = context.new_page()
    tab.goto(f"{app_url}/{path}?lang={lang}")
    wait_for_app(tab)
    return tab


MATRIX = """() => {
  const rect = e => { const r = e.getBoundingClientRect(); return {x: r.x, y: r.y, width: r.width, height: r.height}; };
  const plot = document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot');
  const column = document.querySelector('[data-testid=stMainBlockContainer] [data-testid=stVerticalBlock]');
  return {
    squares: [...plot.querySelectorAll('.scatterlayer .trace .points path')].map(rect),
    texts: [...plot.querySelectorAll('.scatterlayer .trace .textpoint')].map(rect),
    ticks: [...plot.querySelectorAll('.xtick text')].map(e => ({...rect(e), transform: e.getAttribute('transform') || ''})),
    legend: [...plot.querySelectorAll('.legend .legendtext')].map(e => e.textContent),
    plot: rect(plot), column: rect(column),
    tables: [...document.querySelectorAll('[data-testid=stMain] table')].map(e => rect(e.parentElement)),
  };
}"""


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_overview_fits_a_1024_px_screen(narrow, app_url, lang):
    tab = _open(narrow, app_url, "", lang)
    try:
        expect(tab.get_by_role("heading", name=t("matrix_title", lang))).to_be_visible()
        tab.locator("[data-testid=stPlotlyChart] .scatterlayer .points path").first.wait_for()
        seen = tab.evaluate(MATRIX)
        cut = tab.evaluate(CLIPPED)
    finally:
        tab.close()
    squares = seen["squares"]
    assert len(squares) >= 16
    touching = [(i, j) for i in range(len(squares)) for j in range(i) if _overlap(squares[i], squares[j])]
    assert not touching, touching
    # each square's score and count lie inside a square (they were cut by the next square)
    assert len(seen["texts"]) == len(squares)
    assert all(any(_inside(text, square) for square in squares) for text in seen["texts"]), seen["texts"]
    # the theme names lie flat (they turned vertical) and do not touch one another
    ticks = seen["ticks"]
    assert len(ticks) >= 5 and not any(re.search(r"rotate\((?!0[,)])", tick["transform"]) for tick in ticks)
    assert not [(i, j) for i in range(len(ticks)) for j in range(i) if _overlap(ticks[i], ticks[j])], ticks
    # every band in the legend, the one no square is in included
    assert len(seen["legend"]) == len(STATUS_ORDER), seen["legend"]
    # the figure and the tables keep inside the content column
    column = seen["column"]
    assert _inside(seen["plot"], column)
    assert seen["tables"] and all(table["x"] + table["width"] <= column["x"] + column["width"] + 1
                                  for table in seen["tables"]), (seen["tables"], column)
    assert not cut, cut                 # the key figures' labels were cut ("Opgevolgde a…")


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_map_shows_every_coloured_territory_and_whole_controls_at_1024_px(narrow, app_url, demo_store_file, lang):
    tab = _open(narrow, app_url, "map", lang)
    try:
        canvas = tab.get_by_test_id("stDeckGlJsonChart").locator("canvas").first
        canvas.wait_for(state="visible")
        box = canvas.bounding_box()
        cut = tab.evaluate(CLIPPED)
        spec = first_view(demo_store_file, {"lang": lang})
        view = spec["initialViewState"]
        coloured = set(style_colours(style_of(spec)))
        territories = pd.read_csv(DEMO / "territories.csv", dtype={"territory_id": str}).set_index("territory_id")
        assert box["width"] == pytest.approx(MAP_WIDTH, abs=1) and len(coloured) >= 10   # the demo's communes
        column = tab.locator("[data-testid=stMainBlockContainer] [data-testid=stVerticalBlock]").first.bounding_box()
        assert box["x"] + box["width"] <= column["x"] + column["width"] + 1
        outside = {}
        for code in coloured:
            x, y = screen_point(tab, view, float(territories.at[code, "lon"]), float(territories.at[code, "lat"]))
            if not (box["x"] <= x <= box["x"] + box["width"] and box["y"] <= y <= box["y"] + box["height"]):
                outside[code] = (round(x), round(y))
    finally:
        tab.close()
    assert not outside, (outside, box)
    assert not cut, cut                 # "Statut de p…", "La plus réc…", the indicator's name


BARS = """() => {
  const rect = k => { const r = document.querySelector(`.st-key-${k} .main-svg`).getBoundingClientRect();
                      return {x: r.x, y: r.y, width: r.width, height: r.height}; };
  const column = document.querySelector('[data-testid=stMainBlockContainer]').getBoundingClientRect();
  return {theme: rect('by_theme'), level: rect('by_level'), column: column.width};
}"""


@pytest.mark.parametrize("width", [WIDTH, 1400])
def test_the_status_count_charts_sit_side_by_side_only_when_both_have_room(browser, app_url, width):
    """Two fixed halves squeezed the levels' long names and their bars into 270 px at 1024 px (the counts
    unreadable): below about 1280 px the charts now sit one under the other, each the column's width."""
    ctx = browser.new_context(viewport={"width": width, "height": 900}, locale="fr-FR")
    tab = ctx.new_page()
    tab.goto(f"{app_url}/?lang=fr")
    wait_for_app(tab)
    tab.locator(".st-key-by_level .main-svg").first.wait_for()
    box = tab.evaluate(BARS)
    ctx.close()
    if width == WIDTH:
        assert box["level"]["y"] >= box["theme"]["y"] + box["theme"]["height"] - 1, box   # one under the other
        assert box["level"]["width"] >= 500, box                                          # the column's width
    else:
        assert abs(box["level"]["y"] - box["theme"]["y"]) < 2 and box["level"]["x"] > box["theme"]["x"], box
        assert box["level"]["width"] >= 360, box


@pytest.mark.parametrize("width,open_", [(683, False), (WIDTH, True)])
def test_the_sidebar_starts_closed_only_where_it_would_cover_the_page(browser, app_url, width, open_):
    """At 200 % zoom on a 1366 px screen (683 px) the sidebar opened over half the page on every load;
    from 1024 px (a projector) it sits beside the page and starts open."""
    ctx = browser.new_context(viewport={"width": width, "height": 768}, locale="fr-FR")
    tab = ctx.new_page()
    tab.goto(f"{app_url}/actions?lang=fr")
    wait_for_app(tab)
    expect(tab.get_by_role("heading", level=1, name=t("page_actions", "fr"))).to_be_visible()
    side = tab.get_by_test_id("stSidebar")
    expect(side).to_have_attribute("data-collapsed", "false" if open_ else "true")
    ctx.close()
