"""The pages and their links: st.navigation's pages, the sidebar's list of links (each carrying the query
its page writes), and the link a page writes before it runs (one browser history entry per page).

Moved out of pages/common.py (which re-exports these names: app.py and the pages read them there); the
session's URL helpers, view and guard stay in common, read when a function is called.
"""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

from indicators import filters as F
from indicators.i18n import t


# The parameters a page reads beyond the sidebar's filters (DESIGN.md, "Interface"), by page name: its link
# carries them, other pages' links do not (the Overview's link named the indicator last seen in the
# Explorer, which it does not show). Health's report maps the chosen indicator. The sidebar's filters
# go in every page's link: every page shows them in the sidebar, and a link reproduces them.
PAGE_PARAMETERS = {"explorer": ("indicator",), "map": ("indicator",), "health": ("indicator",)}
PAGE_ONLY = frozenset(p for params in PAGE_PARAMETERS.values() for p in params)


def _settle_explorer(view):
    from pages.explorer import settle

    return settle(view)


def _explorer_link(view) -> F.Filters:
    from pages.explorer import chosen

    code = chosen(view)[0]
    return view.filters if code is None else replace(view.filters, indicator=code)


# What a page decides of its own parameters before its link is written, by page name (the Explorer
# picks its indicator): the link is then written once per run, one browser history entry. LINKED: the
# same decision without its effects, for the sidebar's link to that page.
SETTLE = {"explorer": _settle_explorer}
LINKED = {"explorer": _explorer_link}


def page_query(filters: F.Filters, name: str) -> dict[str, str | list[str]]:
    """The query parameters of page `name`'s link (its url path; the Overview's is "overview")."""
    own = PAGE_PARAMETERS.get(name, ())
    return {k: v for k, v in filters.to_query().items() if k not in PAGE_ONLY or k in own}


def _write_url(filters: F.Filters, name: str) -> tuple:
    """Write page `name`'s link when the URL differs from it; return the link (_frozen)."""
    from pages.common import _frozen, _query

    wanted = page_query(filters, name)
    frozen = _frozen(wanted)
    if _frozen(_query()) != frozen:
        st.query_params.from_dict(wanted)
    return frozen


HOME_PATH = "overview-page"   # the default page's reserved path (it is served at /; /overview leads there)
LINK_PATH = "overview"        # the hidden page at /overview, which switches to the default page


def navigation_pages(lang: str) -> dict[str, "st.Page"]:
    """The pages of st.navigation, by url path. Each page is its module's `main`: modules are imported
    once, while a page given as a file is compiled again whenever the last session closes and
    re-creates its cached functions (hashing their source) on every run."""
    from pages import actions, data, explorer, health, map, methodology, overview, partners, review  # noqa: E501 (they import this module)

    icons = {overview: ":material/dashboard:", actions: ":material/flag:", explorer: ":material/query_stats:",
             map: ":material/map:", partners: ":material/groups:", review: ":material/rate_review:",
             data: ":material/upload_file:",
             health: ":material/monitor_heart:", methodology: ":material/menu_book:"}
    pages = {}
    for module, icon in icons.items():
        name = module.__name__.rsplit(".", 1)[-1]          # the url path: /explorer, /map…
        # The default page is served at /; its own path is reserved under another name so that
        # /overview (a link typed after the page's title) can lead there instead of "Page not found".
        pages[name] = st.Page(module.main, title=t(f"page_{name}", lang), icon=icon,
                              url_path=HOME_PATH if module is overview else name, default=module is overview)
    home = pages["overview"]
    pages["overview-link"] = st.Page(lambda: st.switch_page(home, query_params={   # every value: territory=…&territory=…
        k: st.query_params.get_all(k) for k in st.query_params}), title=home.title, url_path=LINK_PATH, visibility="hidden")
    return pages


def navigation_links(box, pages: dict, view) -> None:
    """The sidebar's list of pages, each link carrying the query its page will write (page_query).
    Streamlit's own list (st.navigation in the sidebar) switches pages with the query cleared, then the
    page's link is written: two browser history entries, and Back had to be pressed twice."""
    from pages.common import _frozen, _query

    with box:
        # a link under the keyboard's focus got the current page's grey, and two links looked current
        st.html("<style>.st-key-nav a:focus-visible { outline: 2px solid #1F4E79; outline-offset: 1px; }</style>")
        links = []
        for name, page in pages.items():
            if name == "overview-link":
                continue
            if view.filters_read:
                linked = LINKED.get(name)
                query = page_query(linked(view) if linked else view.filters, name)
            else:   # the sidebar failed: the URL as it came
                query = _query()
            st.page_link(page, query_params=query)
            links.append(_frozen(query))
    st.session_state["_links"] = links


def run_page(page) -> None:
    """Write the page's link, then run the page. Not when the sidebar failed: the URL stays as it came."""
    from pages.common import current, guarded

    view = current()
    if view.filters_read:
        name = page.url_path or "overview"   # the default page's url path is ""
        settle = SETTLE.get(name)
        if settle is not None:
            view.filters = settle(view)
        written = _write_url(view.filters, name)
        # the URLs this session leaves the browser at or links to: any other one at the next run was
        # brought by Back, Forward or the address bar (start reads it)
        st.session_state["_ours"] = {written, *st.session_state.get("_links", ())}
    guarded(view.lang, page.run)
