"""The dashboard in a real browser: first open, language, shared links, the matrix click."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from .conftest import shoot, wait_for_app


def query(page) -> dict:
    return parse_qs(urlparse(page.url).query)


def no_error(page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.locator("[data-testid='stAlertContentError']")).to_have_count(0)


def test_first_open_shows_the_overview_in_french(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Observatoire de la coopération transfrontalière")).to_be_visible()
    expect(page.get_by_test_id("stMetricValue").first).to_be_visible()
    expect(page.get_by_test_id("stPlotlyChart").first).to_be_visible()
    no_error(page)
    assert query(page).get("lang") == ["fr"]
    shoot(page, "overview-fr")


def test_language_switch_is_in_the_url(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Cross-Border Cooperation Monitor")).to_be_visible()
    expect(page).to_have_url(re.compile(r"lang=en"))
    page.goto(app_url + "/?lang=nl")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Monitor grensoverschrijdende samenwerking")).to_be_visible()
    shoot(page, "overview-nl")


def test_clicking_the_chosen_language_again_keeps_it(page, app_url):
    """A segmented control deselects its option on a second click: the language must stay, no error."""
    page.goto(app_url + "/?lang=en")
    wait_for_app(page)
    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Cross-Border Cooperation Monitor")).to_be_visible()
    no_error(page)
    page.get_by_test_id("stSidebar").get_by_text("Français", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Observatoire de la coopération transfrontalière")).to_be_visible()
    expect(page).to_have_url(re.compile(r"lang=fr"))
    no_error(page)


def test_a_language_switch_keeps_the_open_tab_of_data_health(page, app_url):
    """The tabs widget remembers its open tab by label: a language switch must keep the same tab."""
    page.goto(app_url + "/health?lang=nl")
    wait_for_app(page)
    page.get_by_role("tab", name="Volledigheid per jaar").click()
    wait_for_app(page)
    expect(page.get_by_test_id("stPlotlyChart").first).to_be_visible()
    page.get_by_test_id("stSidebar").get_by_text("Français", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Santé des données")).to_be_visible()
    expect(page.get_by_role("tab", name="Complétude par année")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_test_id("stPlotlyChart").first).to_be_visible()
    no_error(page)


def test_shared_link_reproduces_the_view_across_pages(page, app_url):
    page.goto(app_url + "/?lang=en&level=border&theme=mobility")
    wait_for_app(page)
    expect(page.get_by_role("combobox", name="Level")).to_have_value(re.compile("Border municipalities"))
    page.locator(".st-key-nav").get_by_text("Strategic actions").click()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"/actions"))
    q = query(page)
    assert q.get("level") == ["border"] and q.get("theme") == ["mobility"]
    no_error(page)


def test_bad_link_opens_with_a_notice(page, app_url):
    page.goto(app_url + "/?level=atlantis&from=19x9")
    wait_for_app(page)
    expect(page.get_by_test_id("stToast").filter(has_text="level=atlantis")).to_have_count(1)
    expect(page.get_by_test_id("stToast").filter(has_text="from=19x9")).to_have_count(1)
    no_error(page)
    assert "level" not in query(page)


def test_click_on_a_matrix_cell_filters(page, app_url):
    page.goto(app_url + "/?lang=en")
    wait_for_app(page)
    chart = page.get_by_test_id("stPlotlyChart").first
    chart.scroll_into_view_if_needed()
    point = chart.locator("g.points path").first
    point.wait_for(state="visible")
    point.click(force=True)
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"level=\w+"), timeout=15_000)
    q = query(page)
    assert q.get("level") and q.get("theme")
    no_error(page)


def test_the_matrix_draws_every_cell_when_no_cell_has_reached_its_target(page, app_url):
    """With a territory chosen, no level × theme cell is "achieved": the first band's trace then had no
    point, plotly typed both axes as numbers from it, and the matrix was an empty grey chart."""
    page.goto(app_url + "/?lang=fr&territory=BE254")
    wait_for_app(page)
    chart = page.get_by_test_id("stPlotlyChart").first
    chart.scroll_into_view_if_needed()
    chart.locator("g.points path").first.wait_for(state="visible")
    drawn = chart.evaluate("""c => [...c.querySelectorAll('.scatterlayer .trace .points path')]
        .filter(p => { const r = p.getBoundingClientRect(); return r.width > 20 && r.height > 20; }).length""")
    ticks = chart.evaluate("c => [...c.querySelectorAll('.xtick text')].map(t => t.textContent)")
    assert drawn == 20, drawn                                   # 4 levels × 5 themes
    assert "Mobilité" in ticks, ticks                           # the themes' names, not numbers
