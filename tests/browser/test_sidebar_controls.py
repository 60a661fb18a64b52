"""Every sidebar control pressed on every page, then "Clear filters": no error, and sidebar and URL agree.

"Clear filters" used to set the widgets' values after they were drawn (Streamlit raises
StreamlitWidgetAlreadyInstantiatedError); it now resets them in its on_click callback.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from indicators.i18n import LANG_NAMES, LANGS, t

from .conftest import wait_for_app
from .test_pages import PAGES, no_error, url_of

FILTER_PARAMS = ("level", "theme", "action", "territory", "from", "to")


def query(page) -> dict:
    return parse_qs(urlparse(page.url).query)


def pick(page, label: str, nth: int = 1) -> str:
    """Open the sidebar's select box or multiselect named `label` and choose its nth option (options
    with a label only: a multiselect's first entry may be "select all"); its text."""
    box = page.get_by_test_id("stSidebar").get_by_role("combobox", name=label)
    box.scroll_into_view_if_needed()
    box.click()
    option = page.get_by_role("option").filter(has_text=re.compile(r"\w")).nth(nth)
    text = option.inner_text()
    option.click()
    wait_for_app(page)
    return text


def press_every_control(page, lang: str) -> None:
    side = page.get_by_test_id("stSidebar")
    pick(page, t("level", lang))
    assert query(page).get("level"), page.url
    pick(page, t("theme", lang))
    assert query(page).get("theme"), page.url
    pick(page, t("action", lang), nth=1)
    territory = pick(page, t("territories", lang), nth=2)
    page.keyboard.press("Escape")
    assert " · " in territory, territory
    assert len(query(page).get("territory", [])) == 1, page.url
    assert query(page).get("territory"), page.url
    move_the_period(page)
    side.get_by_text(t("method_eurostat", lang), exact=True).click()
    wait_for_app(page)
    assert query(page).get("method") == ["eurostat"], page.url
    no_error(page, [])


def move_the_period(page) -> None:
    """Each end of the period slider moved one year with the keyboard: the slider keeps it and the URL
    says it (the two ends the browser sent were read as one value and the slider snapped back)."""
    thumbs = page.get_by_test_id("stSidebar").get_by_role("slider")
    for thumb, key, param in ((thumbs.first, "ArrowRight", "from"), (thumbs.last, "ArrowLeft", "to")):
        before = int(thumb.get_attribute("aria-valuetext"))
        thumb.focus()
        page.keyboard.press(key)
        year = str(before + (1 if key == "ArrowRight" else -1))
        expect(page).to_have_url(re.compile(rf"[?&]{param}={year}(&|$)"))
        wait_for_app(page)
        expect(thumb).to_have_attribute("aria-valuetext", year)
        assert query(page).get(param) == [year], page.url


def clear_and_check(page, lang: str) -> None:
    side = page.get_by_test_id("stSidebar")
    side.get_by_role("button", name=t("clear_filters", lang)).click()
    wait_for_app(page)
    no_error(page, [])
    expect(page.get_by_text("StreamlitWidgetAlreadyInstantiatedError")).to_have_count(0)
    q = query(page)
    assert not any(k in q for k in FILTER_PARAMS), page.url
    assert q.get("lang") == [lang] and q.get("method") == ["eurostat"], page.url   # kept, not filters
    for key in ("level", "theme", "action"):
        expect(side.get_by_role("combobox", name=t(key, lang))).to_have_value(t("all", lang))
    expect(side.get_by_role("slider").first).not_to_have_attribute("aria-valuetext", "2016")
    expect(side.get_by_test_id("stMultiSelect").get_by_role("button", name=re.compile("Remove|delete", re.I))) \
        .to_have_count(0)


@pytest.mark.parametrize("name", list(PAGES))
def test_every_sidebar_control_then_clear_on_every_page(page, app_url, name):
    lang = LANGS[list(PAGES).index(name) % len(LANGS)]       # every language gets its turn
    # the period comes from the link, then moves with the keyboard (press_every_control)
    page.goto(url_of(app_url, name, lang, "&from=2016&to=2023"))
    wait_for_app(page)
    assert query(page).get("from") == ["2016"], page.url
    expect(page.get_by_test_id("stSidebar").get_by_role("slider").first).to_have_attribute("aria-valuetext", "2016")
    press_every_control(page, lang)
    clear_and_check(page, lang)
    # the language switch last: the page and its sidebar follow, nothing breaks
    other = next(code for code in LANGS if code != lang)
    page.get_by_test_id("stSidebar").get_by_text(LANG_NAMES[other],
                                                 exact=True).click()
    wait_for_app(page)
    assert query(page).get("lang") == [other], page.url
    expect(page.get_by_role("heading", level=1, name=t(PAGES[name][1], other), exact=True)).to_be_visible()
    no_error(page, [])


@pytest.mark.parametrize("lang", LANGS)
def test_clear_filters_from_a_shared_link_in_each_language(page, app_url, lang):
    page.goto(url_of(app_url, "overview", lang, "&level=border&theme=mobility&method=eurostat&from=2016"))
    wait_for_app(page)
    assert query(page).get("level") == ["border"]
    clear_and_check(page, lang)
