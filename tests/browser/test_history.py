"""Browser Back after a page switch in the sidebar: one press returns to the page before.

Streamlit's own page list switched pages with the query cleared, then the page wrote its link: two
history entries per switch, so Back stayed on the page, or came back to the one before twice. The
sidebar's links now carry each page's query (common.navigation_links).
"""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from indicators.i18n import t

from .conftest import wait_for_app


def query(page) -> dict:
    return parse_qs(urlparse(page.url).query)


def heading(page, key: str, lang: str):
    """The heading of the page whose name is `key` (the Overview's is the app's title)."""
    key = {"page_overview": "app_title"}.get(key, key)
    return page.get_by_role("heading", level=1, name=t(key, lang), exact=True)


def switch(page, key: str, lang: str) -> None:
    page.locator(".st-key-nav").get_by_text(t(key, lang), exact=True).click()
    wait_for_app(page)
    expect(heading(page, key, lang)).to_be_visible()


def entries(page) -> int:
    return page.evaluate("history.length")


def test_back_after_a_switch_with_a_territory_returns_to_the_page_before(page, app_url):
    page.goto(f"{app_url}/actions?lang=fr&territory=BE254")
    wait_for_app(page)
    expect(heading(page, "page_actions", "fr")).to_be_visible()
    before = entries(page)
    switch(page, "page_explorer", "fr")
    q = query(page)
    assert q.get("territory") == ["BE254"] and q.get("indicator"), page.url   # the filters and the chosen indicator
    assert entries(page) == before + 1
    page.go_back()
    wait_for_app(page)
    expect(heading(page, "page_actions", "fr")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/actions\?"))
    assert query(page).get("territory") == ["BE254"], page.url


def test_each_switch_is_one_history_entry_and_back_walks_them_in_order(page, app_url):
    page.goto(f"{app_url}/?lang=nl&level=metropolis")
    wait_for_app(page)
    start = entries(page)
    walk = ["page_actions", "page_map", "page_data", "page_explorer"]
    for i, key in enumerate(walk, 1):
        switch(page, key, "nl")
        assert entries(page) == start + i, (key, page.url)
        assert query(page).get("level") == ["metropolis"], page.url
    for key in reversed(["page_overview", *walk[:-1]]):
        page.go_back()
        wait_for_app(page)
        expect(heading(page, key, "nl")).to_be_visible()
        assert query(page).get("level") == ["metropolis"], (key, page.url)


def choose(page, label: str, option) -> None:
    box = page.get_by_role("combobox", name=label)
    box.scroll_into_view_if_needed()
    box.click()
    page.get_by_role("option", name=option).first.click()
    wait_for_app(page)


def test_back_after_a_filter_change_brings_the_filter_back(page, app_url):
    """The URL was read once per session: Back after choosing a level gave the earlier address, and the
    page kept the level (one press wasted, the next one left the dashboard)."""
    page.goto(f"{app_url}/?lang=fr")
    wait_for_app(page)
    choose(page, t("level", "fr"), re.compile("^Métropole lilloise"))
    expect(page).to_have_url(re.compile(r"level=metropolis"))
    switch(page, "page_explorer", "fr")
    page.go_back()
    wait_for_app(page)
    expect(heading(page, "page_overview", "fr")).to_be_visible()
    assert query(page).get("level") == ["metropolis"], page.url
    page.go_back()
    wait_for_app(page)
    expect(page).not_to_have_url(re.compile(r"level="))
    expect(page.get_by_role("combobox", name=t("level", "fr"))).to_have_value(t("all", "fr"))
    expect(heading(page, "page_overview", "fr")).to_be_visible()


def test_back_after_choosing_an_indicator_shows_the_one_before(page, app_url):
    page.goto(f"{app_url}/explorer?lang=en")
    wait_for_app(page)
    first = query(page)["indicator"][0]
    box = page.get_by_role("combobox", name=t("choose_indicator", "en"))
    expect(box).to_have_value(re.compile(rf"^{first} · "))
    box.click()
    options = page.get_by_role("option")
    other = next(o for o in options.all_inner_texts() if not o.startswith(first))
    page.get_by_role("option", name=other, exact=True).click()
    wait_for_app(page)
    second = other.split(" · ")[0]
    expect(page).to_have_url(re.compile(rf"indicator={second}"))
    page.go_back()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(rf"indicator={first}(&|$)"))
    expect(page.get_by_role("combobox", name=t("choose_indicator", "en"))).to_have_value(re.compile(rf"^{first} · "))
