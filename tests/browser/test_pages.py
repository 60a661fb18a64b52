"""Every page in every language in a real browser, and the three interactions a planner does first.

Each page is opened by its URL (`/actions?lang=nl`…) on the demo store and must show its translated
title, no exception element, no error alert and no error in the browser console. The matrix of the
Overview is clicked through, an action's detail is opened and the explorer's CSV is downloaded.
Full-page screenshots go to docs/screenshots/page-<name>-<lang>.png (every page in French, the
Overview in Dutch and English).
"""
from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from indicators.i18n import LANGS, t

from .conftest import SHOTS, wait_for_app

# name -> (url path, i18n key of the page's h1). The Overview's h1 is the dashboard's name;
# its entry in the navigation is `page_overview` like every other page's is `page_<name>`.
PAGES = {
    "overview": ("", "app_title"),
    "actions": ("actions", "page_actions"),
    "explorer": ("explorer", "page_explorer"),
    "map": ("map", "page_map"),
    "data": ("data", "page_data"),
    "health": ("health", "page_health"),
    "methodology": ("methodology", "page_methodology"),
}
NAV_KEYS = ("page_overview", "page_actions", "page_explorer", "page_map", "page_data", "page_health",
            "page_methodology")
WITH_CHARTS = {"overview", "actions", "explorer"}   # pages whose first screen shows plotly charts (demo)
IN_TABS = {"health": "health_by_year"}               # pages whose charts wait in a tab not shown first
SCREENSHOTS = {(name, lang) for name in PAGES for lang in LANGS}   # every page in every language, looked at


# ---------------------------------------------------------------- the browser console

# The only console errors tolerated, each as narrow as it can be:
# 1. Streamlit's frontend probes `<page>/_stcore/health` and `<page>/_stcore/host-config` under the
#    page's own path before falling back to the root; the server answers 404. Only for our page
#    paths, only those two endpoints, only a 404.
PROBE_404 = re.compile(r"^http://127\.0\.0\.1:\d+/(" + "|".join(p for p, _ in PAGES.values() if p)
                       + r")/_stcore/(health|host-config)$")
RESOURCE_404 = "Failed to load resource: the server responded with a status of 404 (Not Found)"
# 2. A resource on another host that the test machine cannot reach (no internet, e.g. a basemap
#    tile): a network failure (net::ERR_…), never an HTTP error, and never from the app's own host.
NETWORK_FAILURE = re.compile(r"^Failed to load resource: net::ERR_[A-Z_]+$")
LOCAL_HOSTS = ("127.0.0.1", "localhost")


def ignored(text: str, url: str) -> bool:
    if text == RESOURCE_404 and PROBE_404.match(url or ""):
        return True
    host = urlparse(url or "").hostname
    return bool(NETWORK_FAILURE.match(text)) and host is not None and host not in LOCAL_HOSTS


@pytest.fixture(scope="module")
def context(browser):
    """One browser context for the module: its HTTP cache spares re-fetching Streamlit's bundles on
    every page (each test still opens its own tab and its own Streamlit session)."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-FR")
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    tab = context.new_page()
    yield tab
    tab.close()


@pytest.fixture
def console(page):
    """Errors of this page: console messages of type error (minus the rules above) and uncaught exceptions."""
    errors: list[str] = []

    def on_console(message):
        if message.type == "error":
            url = message.location.get("url", "") if message.location else ""
            if not ignored(message.text, url):
                errors.append(f"console.error: {message.text} ({url})")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    return errors


def no_error(page, console: list[str]) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.locator("[data-testid='stAlertContentError']")).to_have_count(0)
    assert console == [], "\n".join(console)


# ---------------------------------------------------------------- helpers

def url_of(app_url: str, name: str, lang: str, extra: str = "") -> str:
    return f"{app_url}/{PAGES[name][0]}?lang={lang}{extra}"


def query(page) -> dict:
    return parse_qs(urlparse(page.url).query)


def shoot_full(page, name: str) -> None:
    """A screenshot of the whole page: Streamlit scrolls inside `stMain`, so the viewport is made as tall
    as the page's content (and the sidebar's) for the shot, then put back."""
    size = page.viewport_size
    height = page.evaluate("""() => Math.max(...['stMain', 'stSidebarContent'].map(id => {
        const e = document.querySelector(`[data-testid='${id}']`); return e ? e.scrollHeight : 0; }))""")
    page.set_viewport_size({"width": size["width"], "height": min(max(height, size["height"]), 16_000)})
    page.wait_for_timeout(600)          # charts and tables re-lay out to the new height
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    page.set_viewport_size(size)


def charts_drawn(page) -> None:
    """Every plotly chart shown on the page has drawn its SVG (not only its placeholder)."""
    charts = page.get_by_test_id("stPlotlyChart").filter(visible=True)
    for i in range(charts.count()):
        expect(charts.nth(i).locator("svg.main-svg").first).to_be_attached(timeout=20_000)


# ---------------------------------------------------------------- every page × every language

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(PAGES))
def test_page_opens_by_url_in_each_language(page, console, app_url, name, lang):
    page.goto(url_of(app_url, name, lang))
    wait_for_app(page)
    expect(page).to_have_url(re.compile(rf"/{PAGES[name][0]}\?(.*&)?lang={lang}(&|$)"))
    expect(page.get_by_role("heading", level=1, name=t(PAGES[name][1], lang), exact=True)).to_be_visible()
    nav = page.locator(".st-key-nav")
    for key in NAV_KEYS:
        expect(nav.get_by_text(t(key, lang), exact=True)).to_be_visible()
    if name in WITH_CHARTS:
        expect(page.get_by_test_id("stPlotlyChart").first).to_be_visible()
        charts_drawn(page)
    if name in IN_TABS:       # lazy tabs: a chart is drawn once its tab is opened
        expect(page.get_by_test_id("stPlotlyChart")).to_have_count(0)
        page.get_by_role("tab", name=t(IN_TABS[name], lang)).click()
        wait_for_app(page)
        expect(page.get_by_test_id("stPlotlyChart").first).to_be_visible()
        charts_drawn(page)
    if name == "map":
        page.get_by_test_id("stDeckGlJsonChart").locator("canvas").first.wait_for(state="visible")
        page.wait_for_timeout(1000)     # deck.gl draws on the next animation frames
    no_error(page, console)
    if (name, lang) in SCREENSHOTS:
        shoot_full(page, f"page-{name}-{lang}")
        no_error(page, console)


# ---------------------------------------------------------------- interactions

def matrix_cells(page) -> list[list[tuple[str, str]]]:
    """(level, theme) of every square of the matrix, trace by trace, in the order plotly draws them."""
    return [[tuple(c) for c in trace] for trace in page.evaluate(
        """() => document.querySelector("[data-testid='stPlotlyChart'] .js-plotly-plot").data
                 .map(trace => trace.customdata || [])""")]


def test_click_through_the_matrix(page, console, app_url):
    page.goto(url_of(app_url, "overview", "en"))
    wait_for_app(page)
    chart = page.get_by_test_id("stPlotlyChart").first
    chart.scroll_into_view_if_needed()
    chart.locator("g.points path").first.wait_for(state="visible")
    cells = matrix_cells(page)
    assert sum(map(len, cells)) >= 10, cells
    # A square from the first, a middle and the last status trace: three different cells in a row.
    picks = [(0, 0), (len(cells) // 2, len(cells[len(cells) // 2]) - 1), (len(cells) - 1, 0)]
    seen = set()
    for trace, point in picks:
        level, theme = cells[trace][point]
        square = chart.locator("g.trace.scatter").nth(trace).locator("g.points path").nth(point)
        square.click(force=True)
        wait_for_app(page)
        expect(page).to_have_url(re.compile(rf"level={level}(&|$)"), timeout=15_000)
        q = query(page)
        assert q.get("level") == [level] and q.get("theme") == [theme], (level, theme, page.url)
        expect(page.get_by_role("combobox", name="Level")).to_have_value(re.compile(".+"))
        no_error(page, console)
        seen.add((level, theme))
        chart.locator("g.points path").first.wait_for(state="visible")
    assert len(seen) == len(picks)
    # The filtered view holds on the next page.
    page.locator(".st-key-nav").get_by_text(t("page_actions", "en"), exact=True).click()
    wait_for_app(page)
    q = query(page)
    assert (q.get("level", [None])[0], q.get("theme", [None])[0]) == (level, theme)
    no_error(page, console)


def _action_with_most_series(demo_store_file) -> tuple[str, str]:
    """(the action the detail opens on, the action with the most indicators holding observations)."""
    from indicators.queries import load_framework, load_observations
    from indicators.store import open_store

    engine = open_store(f"sqlite:///{demo_store_file}")
    try:
        fw, obs = load_framework(engine), load_observations(engine)
    finally:
        engine.dispose()
    with_data = fw["indicators"][fw["indicators"]["indicator_id"].isin(obs["indicator_id"].unique())]
    counts = with_data.groupby("action_id").size().sort_values(ascending=False, kind="stable")
    first = sorted(fw["actions"]["action_id"])[0]
    best = counts.index[0]
    assert counts[best] > counts.get(first, 0), counts
    return first, best


def test_action_detail_draws_its_charts(page, console, app_url, demo_store_file):
    first, chosen = _action_with_most_series(demo_store_file)
    page.goto(url_of(app_url, "actions", "fr"))
    wait_for_app(page)
    charts_drawn(page)
    box = page.get_by_role("combobox", name=t("choose_action", "fr"))
    expect(box).to_have_value(re.compile(rf"^{first} · "))
    before = page.get_by_test_id("stPlotlyChart").count()
    box.scroll_into_view_if_needed()
    box.click()
    box.fill(chosen)
    page.get_by_role("option", name=re.compile(rf"^{chosen} · ")).first.click()
    wait_for_app(page)
    expect(box).to_have_value(re.compile(rf"^{chosen} · "))
    expect(page.get_by_role("heading", level=3, name=re.compile(rf"^{chosen} · "))).to_be_visible()
    charts_drawn(page)
    after = page.get_by_test_id("stPlotlyChart").count()
    assert after >= 1, (before, after)
    # The charts of its later indicators wait in expanders (pages/actions.py, EAGER_INDICATORS):
    # opening one draws them.
    later = page.get_by_test_id("stExpander").filter(has_text=t("indicator_charts", "fr")).first
    later.scroll_into_view_if_needed()
    later.locator("summary").click()
    expect(page.get_by_test_id("stPlotlyChart")).not_to_have_count(after)
    assert page.get_by_test_id("stPlotlyChart").count() > after
    charts_drawn(page)
    no_error(page, console)


def test_explorer_downloads_a_french_excel_csv(page, console, app_url):
    page.goto(url_of(app_url, "explorer", "fr"))
    wait_for_app(page)
    button = page.get_by_test_id("stDownloadButton").filter(has_text=t("download_csv", "fr"))
    button.scroll_into_view_if_needed()
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename.endswith("_fr.csv")
    raw = open(download.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), raw[:20]
    text = raw[3:].decode("utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert len(rows) >= 2 and len(rows[0]) >= 3, rows[:2]
    assert {len(r) for r in rows if r} == {len(rows[0])}      # every line splits into the same columns on ';'
    assert not any("." in cell and cell.replace(".", "").isdigit() for r in rows[1:] for cell in r), \
        "a decimal point in the French CSV"
    no_error(page, console)
