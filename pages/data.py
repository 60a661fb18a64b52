"""Data: placeholder until the upload issue lands."""
import streamlit as st

from indicators.i18n import t
from pages import common

view = common.current()
st.title(t("page_data", view.lang))
st.info(t("data_placeholder", view.lang), icon=":material/upload_file:")
