"""The shell: page config, navigation, global filters in the sidebar and the URL, language."""
from __future__ import annotations

import streamlit as st

from pages import common

st.set_page_config(page_title="Cross-Border Cooperation Monitor", page_icon="🤝", layout="wide",
                   initial_sidebar_state="expanded")

state = common.start()          # store, language, filters from the URL (with notices)
lang = state.lang

page = st.navigation(list(common.navigation_pages(lang).values()), position="sidebar")
common.guarded(lang, common.sidebar_filters, state, page.url_path == common.LINK_PATH)
common.run_page(page)
