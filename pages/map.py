"""Map: placeholder until the map issue lands."""
import streamlit as st

from indicators.i18n import t
from pages import common

view = common.current()
st.title(t("page_map", view.lang))
st.info(t("map_placeholder", view.lang), icon=":material/map:")
