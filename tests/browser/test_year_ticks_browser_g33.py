"""The years under the Actions page's charts, drawn by plotly in Chromium at 1024 and 1400 px wide (sidebar
open), in French, Dutch and English: in every panel no two year labels touch. At 1024 px the panels of the
sides labelled every second year over twelve years, "2014201620182020…" read as one word."""
from __future__ import annotations

import pytest

from .conftest import wait_for_app

GAP = 4   # pixels at least between two years of one axis

LABELS = """() => [...document.querySelectorAll("[data-testid='stPlotlyChart'] .main-svg .subplot")].map(sub => ({
    name: [...sub.classList].join(' '),
    boxes: [...sub.querySelectorAll('.xaxislayer-above g[class$="tick"] text')].map(t => {
        const r = t.getBoundingClientRect();
        return {text: t.textContent, left: r.left, right: r.right, width: r.width};
    }).filter(b => b.width > 0),
}))"""


@pytest.mark.parametrize("width", [1024, 1400])
@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_no_two_years_of_a_panel_touch(browser, app_url, width, lang):
    context = browser.new_context(viewport={"width": width, "height": 1000}, locale="fr-FR")
    try:
        page = context.new_page()
        page.goto(f"{app_url}/actions?lang={lang}&level=metropolis&theme=mobility")
        wait_for_app(page)
        chart = page.get_by_test_id("stPlotlyChart").first
        chart.scroll_into_view_if_needed()
        page.locator("[data-testid='stPlotlyChart'] .xtick text").first.wait_for(state="attached")
        panels = [p for p in page.evaluate(LABELS) if p["boxes"]]
        assert len(panels) >= 3, panels          # the cross-border bodies, France, Belgium
        for panel in panels:
            boxes = sorted(panel["boxes"], key=lambda b: b["left"])
            assert len(boxes) >= 2, panel
            for a, b in zip(boxes, boxes[1:]):
                assert a["right"] + GAP <= b["left"], (width, lang, panel["name"], a, b)
    finally:
        context.close()
