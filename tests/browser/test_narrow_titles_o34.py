"""At the narrowest layout (1024 px, sidebar open), in the three languages:
- Data health's four figures have whole titles: in Dutch they ended in "Achterstal…", "Verwacht …",
  "Ontvange…", "Niet verge…" (finding F9), and no word is broken anywhere but at its hyphen;
- the Explorer of CIT01 (not comparable across the border) draws the Eurometropolis, whose status the page
  gives, above the sides' panels, and its legend stays above that panel's title (finding F7).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from indicators.i18n import LANGS, t

from .conftest import wait_for_app

CLIPPED = (Path(__file__).parent / "clipped.js").read_text()


@pytest.fixture(scope="module")
def narrow(browser):
    ctx = browser.new_context(viewport={"width": 1024, "height": 900}, locale="nl-BE")
    yield ctx
    ctx.close()


@pytest.mark.parametrize("lang", LANGS)
def test_data_health_titles_are_whole_at_1024_px(narrow, app_url, lang):
    tab = narrow.new_page()
    try:
        tab.goto(f"{app_url}/health?lang={lang}")
        wait_for_app(tab)
        labels = tab.locator(".st-key-health_kpis [data-testid='stMetricLabel']")
        labels.last.wait_for(timeout=60_000)
        wait_for_app(tab)
        assert labels.count() == 4
        cut = tab.evaluate(CLIPPED)
        assert not cut, cut
        assert labels.all_inner_texts() == [t(k, lang, year=2025) for k in
                                            ("health_m_overdue", "health_m_due", "health_m_latest",
                                             "health_m_not_comparable")]
        # no word broken across two lines ("vergelijkbaa" / "r", "comparable" / "s"), at most three lines each
        found = tab.evaluate("""() => [...document.querySelectorAll(
            ".st-key-health_kpis [data-testid='stMetricLabel'] p")].map(p => {
              const node = p.firstChild, text = node.textContent, broken = [], tops = new Set();
              for (const m of text.matchAll(/\\S+/g)) {
                const r = document.createRange(); r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
                const rows = new Set([...r.getClientRects()].map(q => Math.round(q.top)));
                rows.forEach(y => tops.add(y));
                if (rows.size > 1) broken.push(m[0]);
              }
              return {broken, lines: tops.size}; })""")
        assert not [f["broken"] for f in found if f["broken"]], found
        assert max(f["lines"] for f in found) <= 3, found
    finally:
        tab.close()


def test_the_explorer_draws_the_headline_body_above_the_sides_under_its_legend(narrow, app_url):
    tab = narrow.new_page()
    try:
        tab.goto(f"{app_url}/explorer?lang=nl&indicator=CIT01")
        wait_for_app(tab)
        tab.locator(".js-plotly-plot .legend").first.wait_for(timeout=30_000)
        box = tab.evaluate("""() => { const p = document.querySelector('.js-plotly-plot');
            const top = p.getBoundingClientRect().top;
            const legend = p.querySelector('.legend').getBoundingClientRect();
            const titles = [...p.querySelectorAll('.annotation')].map(a => [a.textContent,
                a.getBoundingClientRect().top - top]);
            return {legend: legend.bottom - top, titles}; }""")
        titles = dict(box["titles"])
        assert "Eurometropool Lille-Kortrijk-Tournai" in titles, titles
        assert titles["Eurometropool Lille-Kortrijk-Tournai"] >= box["legend"], box
        assert titles["Frankrijk"] > titles["Eurometropool Lille-Kortrijk-Tournai"]
    finally:
        tab.close()
