"""Partners: who leads which action, who owns which indicator, what each has not updated; per partner,
the list of what is due, to download and send (no mail server needed)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators import countries, downloads, i18n, templates
from indicators import health as H
from indicators import partners as P
from indicators.i18n import t
from pages import common, safe_markdown, widgets


@st.cache_data(show_spinner=False, max_entries=4)
def responsibilities(version: tuple) -> pd.DataFrame:
    fw = common.framework(version)
    return P.responsibilities(fw["partners"], fw["actions"], fw["indicators"], common.observations(version),
                              common.flows(version))


# the table's last columns, past the page's edge at the narrowest layout (1024 px, sidebar open): the
# partner, its country and what it has to update are in view (indicators/partners.py: `table`), in its order
PARTNER_COLUMNS_PAST_EDGE = ("partner_leads", "partner_owns", "partner_kind")


def _own_lists(fw, resp: pd.DataFrame, partner_id: str, lang: str) -> None:
    """The chosen partner's actions and indicators, every one named (the table's cells hold a few)."""
    indicators, actions = P.item_labels(fw, lang)
    row = resp[resp["partner_id"] == partner_id]
    if row.empty:
        return
    row = row.iloc[0]
    lines = [f"**{t(key, lang)}**{i18n.colon(lang)} "
             + (", ".join(safe_markdown.literal(labels.get(c, c)) for c in row[column]) or "–")
             for key, column, labels in (("partner_leads", "leads", actions), ("partner_owns", "owns", indicators))]
    st.markdown("  \n".join(lines))


def _key(resp: pd.DataFrame, lang: str) -> str:
    """The signs the table uses, in the data health page's words."""
    used = [s for s in H.FRESHNESS if any(s in states for states in resp["late_state"])]
    return t("partner_late_key", lang, signs=" · ".join(H.freshness_label(s, lang) for s in used),
             page=t("page_health", lang))


def due_box(view, partner_id: str) -> None:
    lang, fw = view.lang, view.framework
    who = P.names(fw["partners"], lang).get(partner_id, partner_id)
    st.subheader(t("partner_due_title", lang, partner=safe_markdown.plain_markdown(who)), anchor=False)
    st.caption(t("partner_due_help", lang))
    due = P.due(partner_id, fw["indicators"], common.observations(view.version), lang, common.flows(view.version),
                fw["actions"], fw.get("action_updates"))
    if due.empty:
        st.success(t("partner_nothing_due", lang), icon=":material/check_circle:")
        return
    shown = pd.DataFrame({
        t("partner_due_what", lang): [f"{i if isinstance(i, str) else a} · {n or ''}"
                                      for i, a, n in zip(due["indicator_id"], due["action_id"], due["name"])],
        t("partner_latest_period", lang): due["latest_period"].fillna("–"),
        t("partner_state", lang): [t("partner_no_update_state", lang) if s == "no_update"
                                   else H.freshness_label(s, lang) for s in due["state"]],
    })
    st.dataframe(shown, hide_index=True, width="stretch")
    # The list goes to the partner as observations and flows to fill in and send back (the import format),
    # its extra columns' titles and words in the page's language: a CSV of each, or one workbook of both.
    obs, flows = common.observations(view.version), common.flows(view.version)
    sent = P.due_download(due, lang, fw, obs, flows)
    sent_flows = templates.due_flows(due, lang, fw, obs, flows)
    # side by side, as wide as their words, wrapping on a narrow page (as on Explorer and Actions:
    # widgets.import_format_downloads); two fixed halves left the flows' button alone on a second row
    row = st.container(horizontal=True, gap="small")
    row.download_button(t("partner_download_due", lang), data=downloads.to_excel_csv(sent, reversible=True),
                        file_name=P.due_file_name(partner_id, lang, "csv"), mime="text/csv", key="partner_due_csv",
                        icon=":material/download:", disabled=sent.empty)
    row.download_button(t("partner_download_due_xlsx", lang),
                        data=templates.due_workbook({"observations": sent, "flows": sent_flows}),
                        disabled=sent.empty and sent_flows.empty,
                        file_name=P.due_file_name(partner_id, lang, "xlsx"), key="partner_due_xlsx",
                        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        icon=":material/download:")
    if len(sent_flows):
        row.download_button(t("partner_download_due_flows", lang), key="partner_due_flows_csv",
                            data=downloads.to_excel_csv(sent_flows, reversible=True), mime="text/csv",
                            file_name=templates.due_flows_file_name(partner_id, lang), icon=":material/download:")
    notes = [t("partner_due_file_help", lang, page=t("page_review", lang))]
    flow_ids = set(sent_flows["indicator_id"])
    if flow_ids:
        notes.append(t("partner_due_flows_help", lang, page=t("page_review", lang),
                       ids=", ".join(safe_markdown.md_code(i) for i in sorted(flow_ids))))
    left_out = [i for i in P.apart(due, obs, fw.get("targets"), flows) if i not in flow_ids]
    if left_out:
        notes.append(t("partner_due_apart", lang, ids=", ".join(safe_markdown.md_code(i) for i in left_out),
                       page=t("page_review", lang)))
    st.caption("  \n".join(notes))


def main() -> None:
    view = common.current()
    lang, fw = view.lang, view.framework
    st.title(t("page_partners", lang), anchor="page-partners")
    st.caption(t("partners_intro", lang))
    if fw["partners"].empty:
        st.info(t("partners_none", lang), icon=":material/groups:")
        return
    name = P.names(fw["partners"], lang)
    resp = responsibilities(view.version)   # in the order of the names a planner reads, not of the codes
    resp = resp.assign(_n=resp["partner_id"].map(name).str.casefold()).sort_values("_n").drop(columns="_n")
    # each country by its name in the page's language ("Frankrijk", "Grensoverschrijdend"), as every other page
    # writes it, never its code ("FR", "EU"); the table's widths are measured on the names
    named = {c: countries.name(c, lang) for c in resp["country"].dropna().unique()}
    table, widths = P.table(fw, resp.assign(country=resp["country"].map(named).fillna("–")), lang)
    lists = {t(key, lang): st.column_config.TextColumn(width=widths["lists"])
             for key in ("partner_late", "partner_leads", "partner_owns")}
    # rows of P.CELL_LINES lines: a cell's words wrap (names beside codes, as every page writes them)
    st.dataframe(table, hide_index=True, width="stretch", key="partners_table", row_height=P.ROW_HEIGHT,
                 height=38 + P.ROW_HEIGHT * min(len(table), P.ROWS_SHOWN),
                 column_config={t("partner", lang): st.column_config.TextColumn(width=widths["partner"], pinned=True),
                                t("partner_country", lang): st.column_config.TextColumn(width=widths["country"]),
                                t("partner_kind", lang): st.column_config.TextColumn(width=widths["kind"]),
                                **lists})
    hint = widgets.more_columns_note(PARTNER_COLUMNS_PAST_EDGE, lang)
    if any(len(x) for x in resp["late_state"]):
        st.caption(f"{_key(resp, lang)}  \n{hint}")
    else:
        st.caption(hint)
    ids = list(resp["partner_id"])
    pick = st.selectbox(t("partner", lang), ids, format_func=lambda p: name.get(p, p), key="partner_pick")
    if pick:
        _own_lists(fw, resp, pick, lang)
        due_box(view, pick)
    widgets.demo_caption(view)


if __name__ == "__main__":   # run as a file, by Streamlit's legacy pages/ folder mode
    common.run_through_shell()
