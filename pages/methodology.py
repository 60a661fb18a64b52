"""Methodology: docs/methodology.md in the chosen language."""
import streamlit as st

from indicators.docs import methodology_text
from indicators.i18n import t
from pages import common

view = common.current()
st.title(t("page_methodology", view.lang))
st.markdown(methodology_text(view.lang))
