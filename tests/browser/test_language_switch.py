"""A language switch keeps the view: the level, theme and action filters, and the indicator chosen on
the Explorer and the Map, survive the next click, and the URL keeps codes, never labels.

Streamlit 1.67's browser sends a choice list's value back as its label: after a switch, the next
click used to send the old language's label, which matched no option, and every translated choice
fell back to its first option (pages/common.py: RELABELLED)."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from indicators.i18n import LANG_NAMES, t

from .conftest import wait_for_app
from .test_pages import no_error


def query(page) -> dict:
    return parse_qs(urlparse(page.url).query)


def switch_language(page, lang: str) -> None:
    page.get_by_test_id("stSidebar").get_by_text(LANG_NAMES[lang], exact=True).click()
    wait_for_app(page)


def click_method(page, lang: str) -> None:
    """Any click after the switch: the radio of the progress method."""
    page.get_by_test_id("stSidebar").get_by_text(t("method_eurostat", lang), exact=True).click()
    wait_for_app(page)


@pytest.mark.parametrize("first,then", [("fr", "en"), ("nl", "fr"), ("en", "nl")])
def test_the_filters_survive_a_language_switch_and_the_next_click(page, app_url, first, then):
    page.goto(f"{app_url}/actions?lang={first}&level=brussels&theme=mobility")
    wait_for_app(page)
    switch_language(page, then)
    assert query(page).get("level") == ["brussels"] and query(page).get("theme") == ["mobility"], page.url
    click_method(page, then)
    q = query(page)
    assert q.get("lang") == [then] and q.get("method") == ["eurostat"], page.url
    assert q.get("level") == ["brussels"] and q.get("theme") == ["mobility"], page.url   # codes, kept
    side = page.get_by_test_id("stSidebar")
    assert side.get_by_role("combobox", name=t("level", then)).input_value() != t("all", then)
    # and a second switch, then a page of the menu
    switch_language(page, first)
    page.locator(".st-key-nav").get_by_text(t("page_overview", first), exact=True).click()
    wait_for_app(page)
    q = query(page)
    assert q.get("level") == ["brussels"] and q.get("theme") == ["mobility"] and q.get("lang") == [first], page.url
    no_error(page, [])


@pytest.mark.parametrize("first,then", [("fr", "nl"), ("nl", "en")])
def test_the_progress_method_survives_a_language_switch_and_the_next_click(page, app_url, first, then):
    """The method's radio showed neither choice after a switch, and the next click dropped `method=eurostat`
    from the link, back to Open SDG's statuses."""
    page.goto(f"{app_url}/actions?lang={first}&theme=mobility&method=eurostat")
    wait_for_app(page)
    switch_language(page, then)
    radio = page.get_by_test_id("stSidebar").get_by_role("radio", name=t("method_eurostat", then), exact=True)
    expect(radio).to_be_checked()
    page.get_by_test_id("stSidebar").get_by_role("combobox", name=t("theme", then)).click()
    page.get_by_role("option", name=t("all", then), exact=True).click()
    wait_for_app(page)
    q = query(page)
    assert q.get("method") == ["eurostat"] and q.get("lang") == [then] and "theme" not in q, page.url
    expect(radio).to_be_checked()
    no_error(page, [])


@pytest.mark.parametrize("name", ["explorer", "map"])
def test_the_chosen_indicator_survives_a_language_switch(page, app_url, name):
    page.goto(f"{app_url}/{name}?lang=fr&indicator=MOB09")
    wait_for_app(page)
    switch_language(page, "nl")
    click_method(page, "nl")
    assert query(page).get("indicator") == ["MOB09"], page.url
    box = page.get_by_role("combobox", name=t("choose_indicator", "nl"))
    assert box.input_value().startswith("MOB09 · "), box.input_value()
    no_error(page, [])


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_overview_by_its_name_opens_the_overview_with_the_link_filters(page, app_url, lang):
    """/overview (the page's name, as every other page is reached) used to open Streamlit's English
    "Page not found" dialog above the dashboard: the default page lives at /."""
    page.goto(f"{app_url}/overview?lang={lang}&level=brussels&territory=59350&territory=34022")
    wait_for_app(page)
    page.wait_for_url(lambda url: urlparse(url).path in ("", "/"))
    assert query(page).get("level") == ["brussels"] and query(page).get("lang") == [lang], page.url
    assert query(page).get("territory") == ["59350", "34022"], page.url        # repeated values, all kept
    # a link's unknown value is said after the switch too (the first run's notices went with it)
    page.goto(f"{app_url}/overview?lang={lang}&level=nowhere")
    expect(page.get_by_test_id("stToast").filter(has_text="level=nowhere")).to_be_visible(timeout=30_000)
    assert page.get_by_text("Page not found").count() == 0
    assert page.get_by_role("heading", name=t("app_title", lang)).count() >= 1
    no_error(page, [])
