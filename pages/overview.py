"""Overview: are we on track? Key figures, the level × theme matrix, what needs attention."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import streamlit as st

from indicators import filters as F
from indicators import i18n
from indicators import health as H
from indicators import overview as O
from indicators import style
from indicators import submissions as S
from indicators.i18n import t
from pages import common, safe_markdown, widgets

STYLE = Path(__file__).resolve().parent.parent / "static" / "overview.css"


@st.cache_resource(show_spinner=False, max_entries=4)   # shared, read-only
def stale_indicators(version: tuple) -> pd.DataFrame:
    """Freshness of every indicator of the store, by Data health's own rule (its periodicity, its flows
    counted, the store's latest period as reference), so that the two pages never disagree: this table
    read "no data" for the commuter flows that Data health showed two years late."""
    fw = common.framework(version)
    obs, flows = common.observations(version), common.flows(version)
    fresh = H.assess_health(fw["indicators"], obs, flows if len(flows) else None, fw["territories"],
                            store_observations=obs, store_flows=flows).freshness
    return fresh.assign(stale=fresh["state"].isin(["overdue", "no_data"]))


@st.cache_resource(show_spinner=False, max_entries=4)   # shared, read-only
def latest_periods(version: tuple) -> pd.Series:
    """indicator_id → its latest period with a value, over the whole store."""
    obs = common.observations(version)
    return obs[obs["value"].notna()].groupby("indicator_id")["period"].max()


@st.cache_resource(show_spinner=False, max_entries=16)   # shared, read-only
def matrix_cells(version: tuple, method: str, territories: tuple[str, ...], period_from: str | None,
                 period_to: str | None) -> pd.DataFrame:
    """The matrix's cells: every action's, whatever level, theme or action is chosen (those are marked on
    it), so computed once per scope of statuses, not for every filter (30 ms of a theme change's 100)."""
    fw = common.framework(version)
    _, rollup = common.scoped_assessment(version, method, territories, period_from, period_to)
    return O.matrix(rollup, F.selected_actions(fw, F.Filters()), fw["levels"], fw["themes"])


@st.cache_resource(show_spinner=False, max_entries=64)   # shared, read-only
def summary(version: tuple, flt: F.Filters) -> dict:
    """What the page shows for these filters, computed once per data version and filters: a page
    opened by many users (or reopened) then costs only its drawing. Shared by every session, not
    copied (cache_data would unpickle it on every run), so the page must not change it.

    Every status (key figures, matrix, bars, attention) comes from the observations of the chosen
    territories and period, by the function the Strategic actions page and the report use
    (`common.scoped_assessment`): the whole store's cached statuses when neither is filtered. The
    matrix keeps every level and theme (the filtered ones are marked), with those statuses."""
    fw = common.framework(version)
    _, rollup = common.scoped_assessment(version, flt.method, flt.territories, flt.period_from, flt.period_to)
    actions = F.selected_actions(fw, flt)
    indicators = F.selected_indicators(fw, flt)
    if actions.empty or indicators.empty:
        return {"empty": True}
    if flt.territories or flt.period_from or flt.period_to:
        obs = F.in_territories(F.in_period(common.observations(version), flt), flt)
        obs = obs[obs["indicator_id"].isin(indicators["indicator_id"]) & obs["value"].notna()]
        latest = obs["period"].max() if len(obs) else None
    else:  # a level, theme or action filter: no need to go through every observation again
        periods = latest_periods(version).reindex(indicators["indicator_id"]).dropna()
        latest = periods.max() if len(periods) else None
    return {
        "empty": False, "actions": actions, "indicators": indicators,
        "figures": O.key_figures(actions, rollup, indicators),
        "latest_period": latest,
        "cells": matrix_cells(version, flt.method, flt.territories, flt.period_from, flt.period_to),
        "by_theme": O.status_counts(rollup, actions, "theme_id"),
        "by_level": O.status_counts(rollup, actions, "level_id"),
        "worst": O.attention(rollup, actions),
        "stale": _stale(version, indicators, fw["indicators"]),
        "implementation": _implementation_counts(actions, fw.get("action_updates")),
    }


def _implementation_counts(actions: pd.DataFrame, updates: pd.DataFrame | None) -> dict[str, int] | None:
    from indicators import updates as U

    if updates is None:
        return None
    return U.implementation_counts(actions, updates[updates["action_id"].isin(actions["action_id"])])


def _stale(version: tuple, shown: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """The stale indicators among those shown, with their names and owners."""
    stale = stale_indicators(version)
    stale = stale[stale["stale"] & stale["indicator_id"].isin(shown["indicator_id"])]
    return stale.merge(indicators.drop(columns=["action_id", "periodicity", "owner"], errors="ignore"),
                       on="indicator_id")


@st.cache_resource(show_spinner=False, max_entries=64)   # figures shared, built once per view
def figures_of(version: tuple, flt: F.Filters) -> dict:
    """The page's three plotly figures for these filters and language."""
    fw, lang = common.framework(version), flt.lang
    computed = summary(version, replace(flt, lang="", indicator=None))
    theme_names = {r["theme_id"]: i18n.name(r, "name", lang) for r in fw["themes"].to_dict("records")}
    level_names = {r["level_id"]: i18n.name(r, "name", lang) for r in fw["levels"].to_dict("records")}
    return {
        "matrix": O.matrix_figure(computed["cells"], fw["levels"], fw["themes"], lang, flt.method,
                                  selected=(flt.level, flt.theme)),
        # in the matrix's order (the framework's `order`), titled axes
        "by_theme": O.status_bars_figure(computed["by_theme"], "theme_id", theme_names, lang, flt.method,
                                         order=O.ordered_codes(fw["themes"], "theme_id"), axis_title=t("theme", lang)),
        "by_level": O.status_bars_figure(computed["by_level"], "level_id", level_names, lang, flt.method,
                                         order=O.ordered_codes(fw["levels"], "level_id"), axis_title=t("level", lang)),
    }


def _implementation_line(counts: dict[str, int] | None, lang: str) -> None:
    """The actions shown, counted by implementation state (their latest progress update), beside the
    indicator statuses above."""
    from pages.updates import IMPL_COLOURS

    if counts is None:
        return
    badges = " ".join(f":{IMPL_COLOURS[s]}-badge[{t(f'impl_{s}', lang)} · {i18n.number(n, lang, 0)}]"
                      for s, n in counts.items() if n)
    st.markdown(f"**{t('updates_counts', lang)}** &nbsp; {badges}")


@st.cache_resource(show_spinner=False, max_entries=64)   # shared, read-only text
def tables_text(version: tuple, flt: F.Filters, lang: str) -> dict[str, str]:
    """The attention and stale tables in Markdown, written once per data version, filters (as
    `summary` takes them) and language: written on every run, they took 4 ms of the Overview's
    30 ms (py-spy on bench/load.py)."""
    computed = summary(version, flt)
    partners = common.framework(version).get("partners")
    worst, stale = computed["worst"], computed["stale"]
    return {"attention": "" if worst.empty else _attention_table(worst, lang, flt.method, partners),
            "stale": "" if stale.empty else _stale_table(stale, lang, partners)}


def _attention_table(worst: pd.DataFrame, lang: str, method: str, partners: pd.DataFrame | None = None) -> str:
    """The actions needing attention as one Markdown table: one element for the browser to draw,
    where a row of columns made seven."""
    rows = [[f"**{safe_markdown.md_cell(row['action_id'])}** · {safe_markdown.md_text(i18n.name(row, 'title', lang))}",
             safe_markdown.md_text(widgets.partner_label(row.get("lead"), lang, partners)),
             style.status_badge(row["status"], lang, method),   # the palette's colours
             f"**{O.score_text(row['score'], lang)}**"] for row in worst.to_dict("records")]
    return safe_markdown.md_table([t(k, lang) for k in ("action", "lead", "status", "score")], rows, "lllr")


def _received_table(batches: pd.DataFrame, lang: str) -> str:
    """The latest imports: when, by whom, which files, how many values added and updated."""
    rows = [[safe_markdown.md_cell(i18n.when(b["created_at"], lang)), safe_markdown.md_text(S.batch_user(b["user"], lang)),
             safe_markdown.md_cell(safe_markdown.md_code(b["files"])), i18n.number(b["added"], lang, 0),
             i18n.number(b["updated"], lang, 0)] for b in batches.to_dict("records")]
    return safe_markdown.md_table([t(k, lang) for k in ("when", "user", "files", "added", "updated")], rows, "lllrr")


STALE_SHOWN = 10   # stale indicators listed here; Data health lists every indicator


def _stale_table(stale: pd.DataFrame, lang: str, partners: pd.DataFrame | None = None) -> str:
    """The stale indicators in the words of Data health: its latest period, "2 ans de retard",
    "aucune donnée" (never a bare dash), and whom to ask."""
    no_data = t("fresh_no_data", lang)
    rows = [[f"{safe_markdown.md_cell(r['indicator_id'])} · {safe_markdown.md_text(i18n.name(r, 'name', lang))}",
             no_data if pd.isna(r["latest_period"]) or not r["latest_period"] else safe_markdown.md_cell(r["latest_period"]),
             no_data if r["state"] == "no_data" else safe_markdown.md_cell(H.behind_text(r, lang)),
             safe_markdown.md_text(widgets.partner_label(r["owner"], lang, partners))]
            for r in stale.head(STALE_SHOWN).to_dict("records")]
    return safe_markdown.md_table([t(k, lang) for k in ("indicator", "latest_period", "health_behind", "owner")],
                           rows, "llll")


def _scope_caption(flt: F.Filters, lang: str) -> None:
    """The territories and period every status of the page is assessed on, when either is chosen
    (as the Strategic actions page says it): the page once ignored them without a word."""
    parts = []
    if flt.territories:
        parts.append(i18n.count(len(flt.territories), "territory", "territories", lang))
    if flt.period_from or flt.period_to:
        parts.append(f"{t('period_range', lang)}{i18n.colon(lang)} {flt.period_from or '…'}–{flt.period_to or '…'}")
    if parts:
        st.caption(" · ".join(parts))


def main() -> None:
    view = common.current()
    lang, fw, flt = view.lang, view.framework, view.filters

    st.html(STYLE)   # the tables' fit at 1024 px (style only: drawn nowhere)
    st.title(t("app_title", lang), anchor="app-title")
    widgets.strategy_caption(view)

    if fw["indicators"].empty:
        from pages import first_steps   # the first steps, said the same way on every page

        first_steps.empty_store(view)
        return

    scope = replace(flt, lang="", indicator=None)   # the same for every language
    computed = summary(view.version, scope)
    if computed["empty"]:
        hint = F.empty_hint(flt)
        st.warning(t("empty_filters", lang, what=t(hint if hint != "period" else "period_range", lang).lower())
                   if hint else t("empty_store", lang), icon=":material/filter_alt_off:")
        return
    _scope_caption(flt, lang)
    figures = computed["figures"]
    texts = tables_text(view.version, scope, lang)
    batches = common.batches(view.version)
    # the imports still in force: a rolled-back one brought nothing (left out of the table below too)
    live = O.in_force(batches)
    # A row that wraps (not four columns): at 1024 px a quarter of the column cut the labels ("Opgevolgde a…")
    row = st.container(horizontal=True, gap="medium")
    row.metric(t("kpi_actions", lang), i18n.number(figures["actions"], lang, 0), border=True)
    row.metric(t("kpi_indicators", lang), i18n.number(figures["indicators"], lang, 0), border=True)
    row.metric(t("kpi_on_track", lang), i18n.percent(figures["share_on_track"], lang),
              f"{figures['on_track']} / {figures['assessed']}", delta_color="off", delta_arrow="off",
              delta_description=t("kpi_assessed", lang), border=True)
    latest_period = computed["latest_period"]
    row.metric(t("kpi_latest_period", lang), latest_period or "–",
              # the day of the import that brought it (its time is in the table below: the badge has no room)
              i18n.when(pd.Timestamp(live["created_at"].iloc[0]).date(), lang) if not live.empty else None,
              delta_color="off", delta_arrow="off", help=t("kpi_latest_period_help", lang), border=True)

    _implementation_line(computed["implementation"], lang)

    # Level × theme matrix: a click on a cell filters on that level and theme.
    st.subheader(t("matrix_title", lang), anchor="matrix-title")
    st.caption(t("matrix_score_key", lang))       # the scores explained on the first screen
    drawn = figures_of(view.version, replace(flt, indicator=None))
    # The click is read by the shell before the sidebar is drawn (common._follow_clicks).
    widgets.plotly_chart(drawn["matrix"], key="matrix", on_select="rerun", selection_mode="points", config={"displayModeBar": False})
    if O.two_decimals(computed["cells"]):   # why one square reads "2,45" beside "3,2"
        st.caption(t("matrix_two_decimals", lang))
    st.caption(t("matrix_help", lang))

    # Status counts per theme and per level: side by side when both have room (static/overview.css), one
    # under the other below it; two fixed halves squeezed the level names' chart to thin bars at 1024 px.
    row = st.container(horizontal=True, gap="medium", key="status_bars")
    left, right = row.container(), row.container()
    with left:
        st.subheader(t("by_theme", lang), anchor="by-theme")
        widgets.plotly_chart(drawn["by_theme"], config={"displayModeBar": False}, key="by_theme")
    with right:
        st.subheader(t("by_level", lang), anchor="by-level")
        widgets.plotly_chart(drawn["by_level"], config={"displayModeBar": False}, key="by_level")

    # The actions needing attention first.
    st.subheader(t("attention", lang), anchor="attention")
    worst = computed["worst"]
    assessed = figures["assessed"]
    if worst.empty and not assessed:   # nothing measured is not good news: said in the neutral style
        st.info(t("attention_none_assessed", lang), icon=":material/info:")
    elif worst.empty:
        st.success(t("attention_all_fine", lang, assessed=i18n.number(assessed, lang, 0)),
                   icon=":material/check_circle:")
    else:
        st.markdown(texts["attention"])

    # Latest data received, then what is stale: one below the other at full width, so that every
    # column of the stale table shows at 1280 px (in a half-width column it was cut on the right).
    st.subheader(t("latest_received", lang), anchor="latest-received")
    if live.empty:
        st.caption("–")
    else:
        st.markdown(_received_table(live.head(5), lang))
    st.subheader(t("stale", lang), anchor="stale")
    st.caption(t("stale_help", lang))
    stale = computed["stale"]
    if stale.empty:
        st.success(t("no_stale", lang), icon=":material/check_circle:")
    else:
        st.markdown(texts["stale"])
        if len(stale) > STALE_SHOWN:
            st.caption(t("stale_more", lang, n=i18n.number(len(stale) - STALE_SHOWN, lang, 0),
                         page=t("page_health", lang)))
    widgets.demo_caption(view)


if __name__ == "__main__":   # run as a file, by Streamlit's legacy pages/ folder mode
    common.run_through_shell()
