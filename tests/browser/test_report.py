"""The report in a real browser: the HTML opens offline in Chromium, charts drawn, no console error;
the Data health page offers both formats for the current filters. Screenshots of the first pages of
the PDF (pdftoppm) and of the HTML go to docs/screenshots/report-*.png."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from playwright.sync_api import expect

from indicators import i18n

from ..test_report import LANGS, SCOPES, demo, made, normal, pdf_text  # noqa: F401  (demo is a fixture)
from .conftest import SHOTS, wait_for_app


def open_offline(browser, path, viewport=None):
    """A page on `path` in a context where every request but file:// is refused (and counted)."""
    context = browser.new_context(viewport=viewport or {"width": 900, "height": 1200})
    refused: list[str] = []

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            refused.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri())
    page.wait_for_function("document.body.getAttribute('data-ready') !== null", timeout=120_000)
    return context, page, errors, refused


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("scope", list(SCOPES))
def test_html_report_opens_offline_with_its_charts(browser, demo, tmp_path, scope, lang):  # noqa: F811
    report, html, _ = made(demo, scope, lang, pdf=False)
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    context, page, errors, refused = open_offline(browser, path)
    try:
        assert page.evaluate("document.body.getAttribute('data-ready')") == "1"
        plots = page.locator("div.plot").count()
        assert plots > 0
        assert page.locator("svg.main-svg").count() > 0
        # every figure was drawn (plotly gives each plot its own svg.main-svg)
        assert page.locator("div.plot svg.main-svg").count() >= plots
        assert page.locator("div.plot .scatterlayer .trace").count() > 0
        text = normal(page.inner_text("body"))
        for aid in report.action_ids():
            assert f"{aid} · " in text, aid
        for word in report.status_words():
            assert normal(word) in text, word
        assert normal(report.scope) in text
        for _, value in report.filter_summary:
            assert normal(value) in text
        assert normal(i18n.t("report_title", lang)) in text
        assert errors == [], errors
        assert refused == [], refused          # it never even tried the network
        if (scope, lang) == ("strategy", "fr"):
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.set_viewport_size({"width": 900, "height": 1300})
            page.screenshot(path=str(SHOTS / "report-html-fr.png"))
            page.locator("section.action").first.scroll_into_view_if_needed()
            page.screenshot(path=str(SHOTS / "report-html-fr-action.png"))
    finally:
        context.close()


def pdf_pages_to_png(pdf: bytes, tmp_path, name: str, pages: dict[str, int]) -> list:
    """Pages of a PDF as PNG in docs/screenshots, `<name>-<label>.png` (Debian's poppler-utils)."""
    if not shutil.which("pdftoppm"):
        pytest.fail("pdftoppm not found: run the README's test command (make test), which installs poppler-utils.")
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(pdf)
    SHOTS.mkdir(parents=True, exist_ok=True)
    written = []
    for label, n in pages.items():
        target = SHOTS / f"{name}-{label}"
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(n), "-l", str(n), "-singlefile", str(source),
                        str(target)], check=True, timeout=120)
        written.append(target.with_suffix(".png"))
    return written


def test_pdf_first_pages_as_pictures(demo, tmp_path):  # noqa: F811
    report, _, pdf = made(demo, "strategy", "fr")
    reader, _ = pdf_text(pdf)
    first_action = next(i for i, page in enumerate(reader.pages, 1) if "A01 · " in page.extract_text())
    health = next(i for i, page in enumerate(reader.pages, 1)
                  if page.extract_text().lstrip().startswith(i18n.t("page_health", "fr")))
    shots = pdf_pages_to_png(pdf, tmp_path, "report-pdf-fr", {"1-cover": 1, "2-summary": 2, "3-actions": 3,
                                                              "4-first-action": first_action,
                                                              "5-data-health": health})
    _, _, pdf_en = made(demo, "action", "en")
    shots += pdf_pages_to_png(pdf_en, tmp_path, "report-pdf-en-action", {"1-cover": 1, "2-summary": 2, "3-action": 3})
    for shot in shots:
        assert shot.exists() and shot.stat().st_size > 10_000, shot


def test_health_page_offers_the_report_of_the_current_filters(page, app_url, tmp_path):
    page.goto(app_url + "/health?lang=en&theme=mobility")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Data health")).to_be_visible()
    expect(page.get_by_text("The report follows the current filters (Theme: Mobility)")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.locator("[data-testid='stAlertContentError']")).to_have_count(0)
    expect(page.get_by_text("Whom to ask for what")).to_be_visible()
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.screenshot(path=str(SHOTS / "report-data-health-page.png"))

    with page.expect_download(timeout=120_000) as download:
        page.get_by_role("button", name="Download the report (HTML)").click()
    saved = tmp_path / "report.html"
    download.value.save_as(saved)
    assert re.fullmatch(r"progress-report-mobility-\d{4}-\d{2}-\d{2}\.html", download.value.suggested_filename)
    html = saved.read_text(encoding="utf-8")
    assert "Progress report" in html and "Theme: Mobility" in html
    assert 'id="A01"' in html and 'id="A03"' not in html          # mobility actions only

    with page.expect_download(timeout=180_000) as download:
        page.get_by_role("button", name="Download the report (PDF A4)").click()
    saved = tmp_path / "report.pdf"
    download.value.save_as(saved)
    _, text = pdf_text(saved.read_bytes())
    assert "Progress report" in text and "Theme: Mobility" in text and "A01 · " in text
    expect(page.get_by_test_id("stException")).to_have_count(0)

    # the other tabs draw their matrices
    page.get_by_role("tab", name="By territory").click()
    wait_for_app(page)
    expect(page.get_by_text("Completeness by territory in 2025")).to_be_visible()
    expect(page.get_by_test_id("stPlotlyChart").last).to_be_visible()


def test_health_page_in_french_without_chromium_says_so(page, demo_store_file, tmp_path):
    """Without Chromium the PDF button gives way to a message; the HTML stays."""
    import os

    from .conftest import start_app, stop_app

    store = tmp_path / "app.sqlite"
    shutil.copy(demo_store_file, store)
    old = os.environ.get("CHROMIUM")
    os.environ["CHROMIUM"] = "/nonexistent/chromium"      # the app's environment, not the test browser's
    try:
        proc, url = start_app(store)
    finally:
        if old is None:
            os.environ.pop("CHROMIUM")
        else:
            os.environ["CHROMIUM"] = old
    try:
        page.goto(url + "/health?lang=fr&action=A01")
        wait_for_app(page)
        expect(page.get_by_role("heading", name="Santé des données")).to_be_visible()
        expect(page.get_by_text("Le PDF ne peut pas être produit sur ce serveur")).to_be_visible()
        expect(page.get_by_role("button", name="Télécharger le rapport (HTML)")).to_be_visible()
        expect(page.get_by_role("button", name="Télécharger le rapport (PDF A4)")).to_have_count(0)
    finally:
        stop_app(proc)

