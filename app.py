"""The shell: page config, navigation, global filters in the sidebar and the URL, language."""
from __future__ import annotations

import streamlit as st

from pages import common

st.set_page_config(page_title="Cross-Border Cooperation Monitor", page_icon="🤝", layout="wide",
                   initial_sidebar_state="auto")   # closed on a phone or a 200 % zoom, where it covers the page

state = common.start()          # store, language, filters from the URL (with notices)
lang = state.lang

pages = common.navigation_pages(lang)
page = st.navigation(list(pages.values()), position="hidden")
links = st.sidebar.container(key="nav")     # filled once the filters are read: each link carries them
common.guarded(lang, common.sidebar_filters, state, page.url_path == common.LINK_PATH)
common.guarded(lang, common.navigation_links, links, pages, state)
common.run_page(page)
