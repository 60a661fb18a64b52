"""Data health: what is missing, what is late and whom to ask, what compares across the border;
and the progress report of the current filters (HTML and PDF) for the steering committee."""
from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from indicators import downloads
from indicators import filters as F
from indicators import health as H
from indicators import i18n
from indicators import report as R
from indicators.i18n import t
from indicators.store.identity import shown_name
from pages import common, safe_markdown, widgets


KPI_KEY = "health_kpis"   # the four figures at the top (their titles' style is scoped to them)
# Their titles wrap rather than end in "…" ("Achterstal…" at 1024 px in Dutch), and in a column as narrow as
# 1024 px makes it (~73 px beside the (?)) a size smaller, so that their longest words ("vergelijkbaar",
# "comparables", 76 px at 14 px) stand whole on a line, not cut "vergelijkbaa-r"
_LABEL = f".st-key-{KPI_KEY} [data-testid='stMetricLabel']"
KPI_STYLE = ("<style>"
             f".st-key-{KPI_KEY} [data-testid='stColumn'] {{container-type: inline-size}}"
             f"{_LABEL}, {_LABEL} * {{white-space: normal !important; overflow: visible !important; "
             "text-overflow: clip !important; height: auto !important}"
             f"@container (max-width: 170px) {{{_LABEL} p {{font-size: 0.8rem !important}}}}"
             "</style>")


@st.cache_data(show_spinner=False, max_entries=16)
def health_of(version: tuple, level: str | None, theme: str | None, action: str | None,
              territories: tuple[str, ...], year: int | None) -> H.Health:
    fw = common.framework(version)
    scope = F.Filters(level=level, theme=theme, action=action, territories=territories)
    indicators = F.selected_indicators(fw, scope).sort_values(["action_id", "indicator_id"], kind="stable")
    obs, flows = common.observations(version), common.flows(version)
    flows_in = flows[flows["indicator_id"].isin(indicators["indicator_id"])] if len(flows) else None
    return H.assess_health(indicators, F.in_territories(obs, scope), flows_in, fw["territories"], year=year,
                           store_observations=obs, store_flows=flows)


@st.cache_resource(show_spinner=False, max_entries=16)   # figures shared, not unpickled on every run
def heatmaps(version: tuple, level: str | None, theme: str | None, action: str | None,
             territories: tuple[str, ...], year: int | None, lang: str):
    """(indicators × years, indicators × territories) figures: the second has a cell per indicator and
    territory, too many to build again on every rerun of a large store."""
    health = health_of(version, level, theme, action, territories, year)
    return H.year_heatmap(health, lang), H.territory_heatmap(health, common.framework(version)["territories"], lang)


# Whom to ask opens first; every indicator's freshness is a tab of its own: its grid was 0.14 s of the
# page's first open (1.30 -> 1.16 x the floor, medians of 9 warm loads, A/B interleaved).
TABS = ("health_tab_to_ask", "health_tab_freshness", "health_by_year", "health_tab_territory", "comparability")


def report_box(view) -> None:
    """The report of the current filters, in the current language: HTML and PDF, made on click."""
    lang, fw = view.lang, view.framework
    flt = replace(view.filters, indicator=None)
    scope, _ = R.filter_summary(fw, flt)
    with st.container(border=True):
        st.subheader(t("report_box_title", lang), anchor=False)
        whole = scope == t("report_whole", lang)      # inside the sentence, no capital
        st.caption(t("report_box_help", lang, scope=t("report_whole_inline", lang) if whole else scope))
        if F.selected_actions(fw, flt).empty:
            st.info(t("report_empty", lang), icon=":material/filter_alt_off:")
            return
        # the data of this run, handed to the callables (they run on click, outside the script)
        obs, flows = common.observations(view.version), common.flows(view.version)
        geo = common.geography(view.version)     # the report maps the chosen indicator on these shapes
        batches = common.batches(view.version)
        live = batches[batches["rolled_back_at"].isna()] if "rolled_back_at" in batches else batches
        as_of = live["created_at"].iloc[0] if len(live) else None   # a rolled-back import brought nothing

        name = shown_name(widgets.store_identity(view.version)["names"], lang)   # the cover's, as the Overview's

        def payload(fmt: str):
            def make() -> bytes:
                report = R.build(fw, obs, flt, flows=flows, data_as_of=as_of, geography=geo,
                                 map_indicator=view.filters.indicator, strategy_name=name)
                return R.render(report, fmt)
            return make

        left, right = st.columns(2)
        left.download_button(t("report_download_html", lang), data=payload("html"),
                             file_name=R.file_name(flt, "html", framework=fw), mime="text/html", on_click="ignore",
                             icon=":material/html:", key="report_html", width="stretch")
        problem = R.pdf_problem()
        if problem:
            right.warning(t("report_pdf_unavailable", lang, detail=problem), icon=":material/print_disabled:")
        else:
            right.download_button(t("report_download_pdf", lang), data=payload("pdf"),
                                  file_name=R.file_name(flt, "pdf", framework=fw), mime="application/pdf", on_click="ignore",
                                  icon=":material/picture_as_pdf:", key="report_pdf", type="primary",
                                  width="stretch")


def _names(fw, lang: str) -> dict[str, str]:
    return {str(r["indicator_id"]): f"{r['indicator_id']} · {i18n.name(r, 'name', lang) or r['indicator_id']}"
            for r in fw["indicators"].to_dict("records")}


def _state_css(states: pd.Series):
    def css(column: pd.Series) -> list[str]:
        return [f"background-color: {H.FRESHNESS_COLORS.get(states[i], '#BBBBBB')}; color: #1A1A1A; "
                "font-weight: 600" for i in column.index]
    return css


def to_ask_tab(health: H.Health, lang: str) -> None:
    """Whom to ask for what: a row per partner, the indicators late or empty they own."""
    ask = health.to_ask()
    st.markdown(f"**{t('health_to_ask', lang)}**")
    if ask.empty:
        st.success(t("health_all_fresh", lang), icon=":material/check_circle:")
        return
    # A short table (a row per partner) as Markdown, like the Overview's: one data grid fewer to start
    # (a returning user's page 1.31 -> 1.22 s, medians of 7 loads, A/B alternated).
    rows = [[safe_markdown.md_text(widgets.partner_label(o, lang) if o else t("health_no_owner", lang)),
             i18n.number(n, lang, 0), safe_markdown.md_text(", ".join(ids))]
            for o, n, ids in zip(ask["owner"], ask["n"], ask["indicator_ids"])]
    st.markdown(safe_markdown.md_table([t("owner", lang), t("indicators", lang), t("health_to_ask_what", lang)],
                                rows, "lrl"))
    st.caption(t("health_to_ask_more", lang, tab=t("health_tab_freshness", lang)))


def freshness_tab(health: H.Health, fw, lang: str) -> None:
    """Every indicator's freshness, most urgent first, in a grid the planner can sort."""
    names = _names(fw, lang)
    fresh = health.freshness.reset_index(drop=True)
    table = pd.DataFrame({
        t("indicator", lang): [names.get(i, i) for i in fresh["indicator_id"]],
        t("state", lang): [H.freshness_label(s, lang) for s in fresh["state"]],
        t("latest_period", lang): [p or "–" for p in fresh["latest_period"]],
        t("health_behind", lang): [H.behind_text(r, lang) for r in fresh.to_dict("records")],
        t("periodicity_label", lang): [H.periodicity_label(p, lang) + ("" if given else f" ({t('not_given', lang)})")
                                       for p, given in zip(fresh["periodicity"], fresh["periodicity_given"])],
        t("owner", lang): [widgets.partner_label(o, lang) if o else "–" for o in fresh["owner"]],
        t("action", lang): fresh["action_id"],
    })
    st.markdown(f"**{t('health_freshness', lang)}**")
    # widths (px) adding up to the main area at 1280 px with the sidebar open: every column visible. Two
    # headers are shortened to fit their column ("Dernière période" read "Dernière péri"), in full on hover.
    widths = {"indicator": 230, "state": 115, "latest_period": 85, "health_behind": 105, "periodicity_label": 90,
              "owner": 120, "action": 55}
    short = {"latest_period": "health_latest_short", "action": "health_action_short"}
    st.dataframe(table.style.apply(_state_css(fresh["state"]), subset=[t("state", lang)], axis=0),
                 hide_index=True, width="stretch", key="health_freshness", placeholder="–",
                 column_config={t(k, lang): st.column_config.TextColumn(
                     t(short[k], lang) if k in short else None, help=t(k, lang) if k in short else None, width=w)
                     for k, w in widths.items()})
    _freshness_downloads(fw, fresh, table, lang)


def _freshness_downloads(fw, fresh: pd.DataFrame, table: pd.DataFrame, lang: str) -> None:
    """The indicators in the import format, the freshness words beside (ignored on import): an owner
    or a periodicity corrected in it and uploaded on the Data page is exactly that update."""
    def download() -> pd.DataFrame:
        words = {c: table[c].tolist() for c in (t("state", lang), t("latest_period", lang), t("health_behind", lang))}
        return downloads.indicators_download(fw["indicators"], fresh, words, lang)

    widgets.import_format_downloads(download, "indicators", "indicators", "health_download", lang)


def comparability_tab(health: H.Health, fw, lang: str) -> None:
    names = _names(fw, lang)
    comp = health.comparability
    summary = health.summary()
    st.markdown(" · ".join(f"**{H.comparability_label(c, lang)}**{i18n.colon(lang)} {summary['n_' + c]}"
                           for c in H.COMPARABILITY if summary["n_" + c]))
    # the engine's caution, as the Explorer and the Map say it (a code not given: a quiet note, not "partial")
    warnings = [t(key, lang) if key else "" for key in comp["caution"]]
    st.dataframe(pd.DataFrame({
        t("indicator", lang): [names.get(i, i) for i in comp["indicator_id"]],
        t("comparability", lang): [H.comparability_label(c, lang) for c in comp["comparability"]],
        t("health_sides", lang): [", ".join(s) or "–" for s in comp["sides"]],
        t("note", lang): warnings,
    }), hide_index=True, width="stretch", key="health_comparability", column_config={
        t("indicator", lang): st.column_config.TextColumn(width="medium"),
        t("health_sides", lang): st.column_config.TextColumn(width="small"),
        t("note", lang): st.column_config.TextColumn(width="large"),
    })


def main() -> None:
    view = common.current()
    lang, fw, flt = view.lang, view.framework, view.filters
    st.title(t("page_health", lang), anchor="page-health")
    st.caption(t("health_page_intro", lang))
    report_box(view)
    if F.selected_indicators(fw, flt).empty:
        hint = F.empty_hint(flt)
        st.info(t("empty_filters", lang, what=t(hint, lang).lower()) if hint in ("level", "theme", "action")
                else t("empty_store", lang), icon=":material/filter_alt_off:")
        return
    scope = (view.version, flt.level, flt.theme, flt.action, flt.territories, st.session_state.get("health_year"))
    health = health_of(*scope)
    if not health.years:
        st.info(t("empty_store", lang))
        return
    s = health.summary()
    st.html(KPI_STYLE)   # the four titles wrap in a narrow column, never "Achterstal…" (1024 px, nl)
    c1, c2, c3, c4 = st.container(key=KPI_KEY).columns(4)
    c1.metric(t("health_m_overdue", lang), s["n_overdue"] + s["n_no_data"], help=t("health_kpi_overdue", lang),
              border=True)
    c2.metric(t("health_m_due", lang), s["n_due"], help=t("health_kpi_due", lang), border=True)
    c3.metric(t("health_m_latest", lang, year=s["latest_year"]),
              i18n.percent(s["latest_share"], lang) if s["latest_expected"] else "–",
              f"{s['latest_values']} / {s['latest_expected']}", delta_color="off", delta_arrow="off",
              help=t("health_latest_values", lang, year=s["latest_year"], n=s["latest_values"],
                     expected=s["latest_expected"]), border=True)
    c4.metric(t("health_m_not_comparable", lang), s["n_not_comparable"], help=t("health_kpi_not_comparable", lang),
              border=True)

    st.caption(safe_markdown.said("health_intro", lang, period=health.reference_period or "–"))
    # Lazy tabs: only the open one runs and is sent, so the page opens without its two large charts
    # (and without loading the charting library) until a completeness tab is chosen.
    tabs = widgets.lazy_tabs(TABS, "health_tab", lang)
    if tabs[0].open:
        with tabs[0]:
            to_ask_tab(health, lang)
    if tabs[1].open:
        with tabs[1]:
            freshness_tab(health, fw, lang)
    if tabs[2].open:
        with tabs[2]:
            st.caption(t("health_by_year_help", lang))
            by_year, _ = heatmaps(*scope, lang)
            widgets.plotly_chart(by_year, key="health_years", config={"displayModeBar": False})
    if tabs[3].open:
        with tabs[3]:
            _, by_territory = heatmaps(*scope, lang)
            years = health.years
            current = health.territory_year if health.territory_year in years else years[-1]
            st.select_slider(t("health_year", lang), options=years, value=current, key="health_year")
            st.markdown(f"**{t('health_by_territory', lang, year=health.territory_year)}**")
            st.caption(t("health_by_territory_help", lang))
            if by_territory.layout.meta and by_territory.layout.meta["shown"] < by_territory.layout.meta["total"]:
                st.caption(t("health_territories_limited", lang, **by_territory.layout.meta))
            widgets.plotly_chart(by_territory, key="health_territories", config={"displayModeBar": False})
            if health.flow_indicators:
                st.caption(safe_markdown.said("health_flows_note", lang, ids=", ".join(sorted(health.flow_indicators))))
    if tabs[4].open:
        with tabs[4]:
            comparability_tab(health, fw, lang)
    widgets.demo_caption(view)


if __name__ == "__main__":   # run as a file, by Streamlit's legacy pages/ folder mode
    common.run_through_shell()
