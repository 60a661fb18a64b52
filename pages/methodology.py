"""Methodology: docs/methodology.md in the chosen language."""
import re

import streamlit as st

from indicators.docs import methodology_text
from indicators.i18n import t
from indicators.methodology_view import status_pictures
from pages import common, widgets


def under_title(markdown: str) -> str:
    """The document one heading level down: the page's own title is its only first-level heading, and the
    document's title ("How progress is measured") reads as a section beside the pictures, not above the page."""
    out, fenced = [], False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        out.append("#" + line if not fenced and re.match(r"#{1,5} ", line) else line)
    return "\n".join(out)


@st.cache_resource(show_spinner=False, max_entries=3)   # one per language: never changes, shared
def pictures(lang: str):
    """The five pictured statuses: building them took 40 ms of every visit's run (py-spy, a sidebar
    walk through the pages)."""
    return status_pictures(lang)


def main() -> None:
    lang = common.current().lang
    st.title(t("page_methodology", lang), anchor="page-methodology")
    st.header(t("statuses_pictured", lang), anchor="statuses-pictured")
    st.caption(t("statuses_pictured_help", lang))
    widgets.plotly_chart(pictures(lang), config={"displayModeBar": False}, key="statuses_pictured", theme=None)
    st.markdown(under_title(methodology_text(lang)))


if __name__ == "__main__":   # run as a file, by Streamlit's legacy pages/ folder mode
    common.run_through_shell()
