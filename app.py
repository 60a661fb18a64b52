"""The shell: page config, navigation, global filters in the sidebar and the URL, language."""
from __future__ import annotations

import streamlit as st

from indicators.i18n import t
from pages import common

st.set_page_config(page_title="Cross-Border Cooperation Monitor", page_icon="🤝", layout="wide",
                   initial_sidebar_state="expanded")

state = common.start()          # store, language, filters from the URL (with notices)
lang = state.lang

PAGES = [
    st.Page("pages/overview.py", title=t("page_overview", lang), icon=":material/dashboard:", default=True,
            url_path="overview"),
    st.Page("pages/actions.py", title=t("page_actions", lang), icon=":material/flag:", url_path="actions"),
    st.Page("pages/explorer.py", title=t("page_explorer", lang), icon=":material/query_stats:",
            url_path="explorer"),
    st.Page("pages/map.py", title=t("page_map", lang), icon=":material/map:", url_path="map"),
    st.Page("pages/data.py", title=t("page_data", lang), icon=":material/upload_file:", url_path="data"),
    st.Page("pages/health.py", title=t("page_health", lang), icon=":material/monitor_heart:", url_path="health"),
    st.Page("pages/methodology.py", title=t("page_methodology", lang), icon=":material/menu_book:",
            url_path="methodology"),
]
page = st.navigation(PAGES, position="sidebar")
common.guarded(lang, common.sidebar_filters, state)
common.run_page(page)
