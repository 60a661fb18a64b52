"""Methodology: docs/methodology.md in the chosen language."""
import streamlit as st

from indicators.docs import methodology_text
from indicators.i18n import t
from indicators.methodology_view import status_pictures
from pages import common


def main() -> None:
    lang = common.current().lang
    st.title(t("page_methodology", lang))
    st.subheader(t("statuses_pictured", lang))
    st.caption(t("statuses_pictured_help", lang))
    st.plotly_chart(status_pictures(lang), config={"displayModeBar": False}, key="statuses_pictured", theme=None)
    st.markdown(methodology_text(lang))


if __name__ == "__main__":   # run as a file, by Streamlit's legacy pages/ folder mode
    common.run_through_shell()
