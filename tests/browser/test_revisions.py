"""A revised target in a real browser: the explorer and the action's charts draw the earlier target
faintly and say in the page's language when and why it was revised (demo: MOB04, revised on
19 March 2026; INT02, on 22 June 2023)."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from indicators.i18n import t

from .conftest import wait_for_app

# the names of the traces of every plotly chart on the page
TRACES = "() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(p => (p.data || []).map(d => d.name))"

CASES = {
    "fr": ("Cible révisée (décision du 19 mars 2026)", "Cible antérieure (décision du 24 juin 2021)", "auparavant 100,0"),
    "nl": ("Streefwaarde herzien (besluit van 19 mrt 2026)", "Eerdere streefwaarde (besluit van 24 jun 2021)",
           "voorheen 100,0"),
}


@pytest.mark.parametrize("lang", sorted(CASES))
def test_explorer_draws_the_earlier_target_and_says_when_it_was_revised(app_url, browser, lang):
    note, trace, before = CASES[lang]
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page = context.new_page()
    try:
        page.goto(f"{app_url}/explorer?lang={lang}&indicator=MOB04")
        wait_for_app(page)
        caption = page.get_by_text(note)
        expect(caption).to_be_visible()
        assert before in caption.inner_text()
        page.wait_for_function(f"() => ({TRACES})().length > 0")
        assert trace in page.evaluate(TRACES)
    finally:
        context.close()


def test_the_action_charts_draw_the_earlier_target_too(app_url, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page = context.new_page()
    try:
        page.goto(f"{app_url}/actions?lang=fr&action=A10")     # INT02's action
        wait_for_app(page)
        # the revision is said under INT02's heading even before its charts are drawn (the action's first
        # indicator only is drawn at once: pages/actions.py, EAGER_INDICATORS)
        expect(page.get_by_text("Cible révisée (décision du 22 juin 2023)")).to_be_visible()
        charts = page.get_by_test_id("stExpander").filter(has_text=t("indicator_charts", "fr")).first
        charts.scroll_into_view_if_needed()
        charts.locator("summary").click()
        page.wait_for_function(f"() => ({TRACES})().some(n => n && n.startsWith('Cible antérieure'))")
    finally:
        context.close()
