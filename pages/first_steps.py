"""A new store's first steps, said the same way on every page that has nothing to show yet (Overview, Strategic
actions, Explorer, Map): which files to import, in which order, with a link to the Data page; and, in the Data
page's mapping step, that no column can be given an indicator before the framework is imported (not a page)."""
from __future__ import annotations

import streamlit as st
from babel.lists import format_list

from indicators.i18n import LOCALES, t

# The strategy's framework, imported before any value: the tables of the Data page's templates tab, in order.
FRAMEWORK = ("levels", "themes", "actions", "indicators", "territories")


def framework_tables(lang: str) -> str:
    """The framework's tables as the templates tab names them, in one list: "niveaux, thématiques, actions
    stratégiques, indicateurs et territoires"."""
    from indicators.schema import TABLES

    return format_list([getattr(TABLES[name], f"label_{lang}").lower() for name in FRAMEWORK], locale=LOCALES[lang])


def steps_text(lang: str) -> str:
    """The first steps as Markdown: a numbered list under one sentence, and who sets up the editor's account."""
    from indicators.schema import TABLES

    page, tab = t("page_data", lang), t("tab_templates", lang)
    steps = [t("first_steps_templates", lang, page=page, tab=tab),
             t("first_steps_framework", lang, tables=framework_tables(lang)),
             t("first_steps_observations", lang, observations=getattr(TABLES["observations"], f"label_{lang}").lower())]
    return "\n\n".join([t("first_steps_intro", lang, page=page),
                        "\n".join(f"{i}. {step}" for i, step in enumerate(steps, 1)),
                        t("first_steps_editor", lang)])


def empty_store(view) -> None:
    """The store has no framework yet: the first steps, and the Data page one click away (in the page's
    language, the view's filters kept as every page link keeps them)."""
    from pages import common

    lang = view.lang
    st.info(steps_text(lang), icon=":material/inventory_2:")
    st.page_link(common.navigation_pages(lang)["data"], label=t("first_steps_open", lang, page=t("page_data", lang)),
                 icon=":material/upload_file:", query_params=common.page_query(view.filters, "data"))
    st.caption(t("first_steps_demo", lang))
