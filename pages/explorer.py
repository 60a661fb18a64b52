"""Indicator explorer: one indicator at a time, its time series by territory, the latest-year
ranking, the table of values with their flags, its metadata, and downloads of what is shown."""
from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from indicators import charts, countries, downloads, health, indicator_tables, revisions, wording
from indicators import filters as F
from indicators import i18n, style
from indicators.i18n import t
from indicators.ranking import latest_year_values, ranking_chart, split_references
from indicators.units import unit_of
from pages import common, safe_markdown, widgets

KEY = "f_indicator"          # bound to the URL parameter `indicator` by pages/common.py
SERIES_LIMIT = 12            # lines a time series shows at most (the table and ranking show all)
NAMES_LIMIT = 12             # territory names listed in a caption at most
RANKING_LIMIT = 30           # bars in the ranking at most (the best and the worst halves)
HEADLINE_KEY = "explorer_headline"   # the headline's figures (their style is scoped to it)


@st.cache_data(show_spinner=False, max_entries=32)
def observations_of(version, indicator_id: str, territories: tuple[str, ...], period_from: str | None,
                    period_to: str | None) -> pd.DataFrame:
    obs = common.observations(version)
    obs = obs[obs["indicator_id"] == indicator_id]
    scope = F.Filters(territories=territories, period_from=period_from, period_to=period_to)
    return F.in_period(F.in_territories(obs, scope), scope).reset_index(drop=True)


@st.cache_data(show_spinner=False, max_entries=16)
def assessment_of(version, method: str, indicator_id: str, territories: tuple[str, ...],
                  period_from: str | None, period_to: str | None) -> pd.DataFrame:
    """The indicator's statuses per territory: the chosen territories' whole series, judged by the engine within
    the period (a break in series before `from` still counts: progress/window.py)."""
    if not territories and not period_from and not period_to:
        assessed, _ = common.assessment(version, method)
        return assessed[assessed["indicator_id"] == indicator_id].reset_index(drop=True)
    from indicators.progress import assess_all

    fw = common.framework(version)
    # the period goes to the engine, not as filtered rows: a break before `from` still counts (DESIGN)
    obs = observations_of(version, indicator_id, territories, None, None)
    ind = fw["indicators"][fw["indicators"]["indicator_id"] == indicator_id]
    targets = fw["targets"][fw["targets"]["indicator_id"] == indicator_id]
    return indicator_tables.fill_headlines(assess_all(obs, ind, targets, method=method, period_from=period_from,
                                                      period_to=period_to))


def _inputs(version, flt: F.Filters, code: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(observations, statuses by territory, target rows) of the indicator within the filters."""
    fw = common.framework(version)
    obs = observations_of(version, code, flt.territories, flt.period_from, flt.period_to)
    rows = assessment_of(version, flt.method, code, flt.territories, flt.period_from, flt.period_to)
    targets = fw["targets"][fw["targets"]["indicator_id"] == code]
    if flt.territories:
        targets = targets[targets["territory_id"].isin(flt.territories)]
    return obs, rows, targets


@st.cache_resource(show_spinner=False, max_entries=32)   # shared, built once per view
def drawn(version, flt: F.Filters, code: str) -> dict:
    """The indicator's figures and table of values for these filters and language: the time series
    (at most SERIES_LIMIT territories), the latest year's ranking (its head and tail beyond
    RANKING_LIMIT), and the table of every value shown."""
    fw, lang, method = common.framework(version), flt.lang, flt.method
    ind = fw["indicators"][fw["indicators"]["indicator_id"] == code].iloc[0].to_dict()
    dec, unit = ind.get("decimals"), unit_of(ind, lang)
    obs, rows, targets = _inputs(version, flt, code)
    judged = headline_ids(rows)
    shown = charts.chart_territories(obs, targets, fw["territories"], limit=SERIES_LIMIT, first=judged)
    by_side = str(ind.get("comparability") or "").strip().lower() == "not_comparable"
    sides = countries.sides_of(shown, fw["territories"])
    above: list[str] = []
    if by_side and len(sides.drawn) >= 2:
        # values that do not compare across the border: a panel for each country, as on the Actions page,
        # and no cross-border total adding them up, but the one the status is judged on (the headline's, the
        # target's: a cross-border body's) drawn above them on its own value axis, with its target path and
        # projection; the table below keeps every value
        target_ids = set(targets["territory_id"].astype(str)) if len(targets) else set()
        above = [tid for tid in sides.others if tid in set(judged) | target_ids]
        shown = [tid for ids in sides.drawn.values() for tid in ids] + above
    else:
        by_side = False
    in_chart = obs[obs["territory_id"].astype(str).isin(shown)]
    drawn_targets = targets[targets["territory_id"].isin(shown)]
    earlier = fw.get("earlier_targets")

    def series_of(ids: list[str], height: int):
        return charts.indicator_chart(in_chart[in_chart["territory_id"].astype(str).isin(ids)],
                                      drawn_targets[drawn_targets["territory_id"].isin(ids)],
                                      rows[rows["territory_id"].isin(ids)] if len(rows) else None,
                                      fw["territories"], lang, dec, unit, method=method, height=height,
                                      earlier_targets=revisions.for_frame(earlier, drawn_targets[
                                          drawn_targets["territory_id"].isin(ids)]))

    if by_side:
        panels = {side: series_of(ids, 420) for side, ids in sides.drawn.items()}
        charts.align_axes(*panels.values(), width=400, plot_height=360)
        top = None
        if above:   # the headline's cross-border body, titled by its name, over the sides' panels
            top = (names_of(above, fw["territories"], lang) if len(above) == 1 else t("other_territories", lang),
                   series_of(above, 420))
        # the legend's rows counted at the narrowest chart (1024 px, sidebar open): counted at 820 px, its
        # last row ran over the title of the panel above
        series = charts.side_by_side([(countries.name(side, lang), fig) for side, fig in panels.items()],
                                     plot_height=320 if above else 360, above=top)
    else:
        series = series_of(shown, 520)
    names = {tid: name for tid, (name, _) in wording.territory_labels(fw["territories"], lang).items()}
    year, latest = latest_year_values(obs)
    ranking, ranked = None, 0
    with_value = set(latest["territory_id"].astype(str)) if len(latest) else set()
    if year is not None and len(latest):
        # totals (references, not ranks) are set aside first: the head and tail are RANKING_LIMIT bars
        parts, totals = split_references(latest.assign(territory_id=latest["territory_id"].astype(str)), fw["territories"])
        ranked = len(parts)
        if len(parts) > RANKING_LIMIT:   # the head and the tail; the table holds every value
            ordered = parts.assign(_v=pd.to_numeric(parts["value"], errors="coerce")).sort_values(
                "_v", ascending=str(ind.get("direction")) == "decrease")
            half = RANKING_LIMIT // 2
            latest = pd.concat([ordered.head(half), ordered.tail(half), totals]).drop(columns="_v")
        # French and Belgian values that do not compare are ranked each on their side
        ranking = ranking_chart(latest, lang, dec, unit, fw["territories"], ind.get("direction"),
                                by_side=str(ind.get("comparability") or "").strip().lower() == "not_comparable")
    return {"series": series, "by_side": by_side, "above": names_of(above, fw["territories"], lang),
            "has_target": bool(len(targets)), "shown": len(shown), "territories": obs["territory_id"].nunique(),
            "year": year, "latest": latest, "ranking": ranking, "ranked": ranked, "with_value": with_value,
            "table": _named_countries(indicator_tables.values_table(obs, ind, fw["territories"], lang), lang),
            "revisions": revisions.notes(earlier, drawn_targets, lang, dec, unit, names)}


def headline_ids(rows: pd.DataFrame) -> list[str]:
    """The territories whose status the page's headline gives (the target's; without one, the territory with
    the most values): the chart draws them whatever else it leaves out."""
    if not len(rows) or "headline" not in rows:
        return []
    return [str(x) for x in rows.loc[rows["headline"].astype(bool), "territory_id"]]


def names_of(ids: list[str], territories: pd.DataFrame, lang: str) -> str:
    """The territories' names, in the page's language, joined: "Eurométropole Lille-Courtrai-Tournai"."""
    labels = wording.territory_labels(territories, lang)
    return ", ".join(labels.get(tid, (tid,))[0] for tid in ids)


def _named_countries(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table of values with each country's name ("France"), not its code, as the page says it
    everywhere else; the downloads keep the codes (the import format)."""
    column = t("country", lang)
    if not len(table) or column not in table:
        return table
    names = {c: countries.name(c, lang) if c else "" for c in table[column].unique()}
    return table.assign(**{column: table[column].map(names)})


def _empty(view, lang: str) -> None:
    hint = F.empty_hint(view.filters)
    if hint is None:
        from pages import first_steps   # the first steps, said the same way on every page

        first_steps.empty_store(view)
        return
    what = t({"territory": "territory", "period": "period"}.get(hint, hint), lang).lower()
    st.info(t("empty_filters", lang, what=what), icon=":material/filter_alt_off:")


def _word(prefix: str, code, lang: str) -> str:
    if code is None or (isinstance(code, float) and pd.isna(code)) or str(code).strip() == "":
        return f"_{t('not_given', lang)}_"
    key = f"{prefix}_{code}"
    return t(key, lang) if key in i18n.TEXTS else str(code)


def _text(value, lang: str) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or str(value).strip() == "":
        return f"_{t('not_given', lang)}_"
    return str(value)


def _metadata(ind: dict, lang: str) -> None:
    c = i18n.colon(lang)
    definition = i18n.name(ind, "definition", lang)
    facts = [
        (t("unit", lang), _text(unit_of(ind, lang), lang)),
        (t("source", lang), _text(ind.get("source"), lang)),
        (t("comparability", lang), _word("comparability", ind.get("comparability"), lang)),
        (t("owner", lang), widgets.partner_label(ind.get("owner"), lang)),
        (t("type", lang), _word("type", ind.get("type"), lang)),
        (t("interreg_code", lang), _text(ind.get("code"), lang)),
        (t("wanted_direction", lang), _word("direction", ind.get("direction"), lang)),
        (t("periodicity_label", lang), _word("periodicity", ind.get("periodicity"), lang)),
    ]
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.markdown(f"**{t('definition', lang)}**{c} {safe_markdown.plain_markdown(definition) if definition else '_' + t('not_given', lang) + '_'}")
        if str(ind.get("type") or "") == "context":
            st.info(t("context_note", lang), icon=":material/info:")
    with right:
        st.markdown("\n".join(f"- **{label}**{c} {value}" for label, value in facts))


def _headline(ind: dict, rows: pd.DataFrame, targets: pd.DataFrame, fw, lang: str, method: str,
              obs: pd.DataFrame | None = None) -> None:
    dec, unit = ind.get("decimals"), unit_of(ind, lang)
    head = rows[rows["headline"].astype(bool)] if len(rows) else rows
    labels = wording.territory_labels(fw["territories"], lang)
    if not len(head):
        st.markdown(style.status_badge("not_assessed", lang, method, len(targets) > 0))
        return
    a = head.iloc[0].to_dict()
    tid = str(a["territory_id"])
    target = targets[targets["territory_id"] == tid]
    has_target = len(target) > 0
    # a long unit goes under the figure, beside its period, so that neither the figure nor the label is cut
    # in a narrow column ("Dernière valeur (EUR/habit…"); every figure says when it stands
    short = not unit or len(str(unit)) <= 3
    value_unit = unit if short else None

    def when(period) -> str | None:
        parts = [p for p in ((None if short else unit), period) if p and str(p) != "nan"]
        return " · ".join(str(p) for p in parts) or None

    plain = {"delta_color": "off", "delta_arrow": "off"}
    # the annual value progress is judged on: a quarterly or monthly series' is the mean of the year's
    # periods, labelled so ("2024, moyenne annuelle"), as the ranking below and every other page label it
    own = obs[obs["territory_id"].astype(str) == tid]["period"].astype(str).tolist() if obs is not None else []
    latest_when = wording.latest_when(a, own, lang)
    year = str(a.get("latest_period") or "")
    in_year = sorted(p for p in own if p[:4] == year and "-" in p)
    mean_help = (" · " + t("annual_mean_help", lang, first=in_year[0], last=in_year[-1])) if in_year else ""
    # the value's flag, as the chart's hover, the ranking and the table below give it (`14 350,27 ⚑`, and
    # "⚑ provisoire (p)" beside its period); a year's mean carries the flags of the periods averaged
    flag = latest_flag(obs, tid, year)
    word = wording.flag_note(flag, lang)
    latest_text = wording.format_value(a.get("latest_value"), lang, dec, value_unit)
    latest_text += " ⚑" if flag and latest_text != "–" else ""
    projected, reached = wording.projection(a, unit)   # a share's trend stops at 100 %: "around 2029"
    figures = [latest_text, wording.format_value(projected, lang, dec, value_unit)] + (
        [wording.format_value(target.iloc[0].get("target_value"), lang, dec, value_unit)] if has_target else [])
    # the figures sized to be whole in the narrowest column (129 px at 1024 px: "14 350…"), their period and
    # flag beneath free to wrap
    st.html(headline_style(max(len(f) for f in figures)))
    cols = st.container(key=HEADLINE_KEY).columns(4)
    cols[0].metric(t("latest_value", lang), latest_text,
                   " · ".join(x for x in (when(latest_when if a.get("latest_period") else None), word) if x) or None,
                   help=f"{labels.get(tid, (tid,))[0]} · {latest_when}{mean_help}" + (f" · {word}" if word else ""),
                   **plain)
    if has_target:
        trow = target.iloc[0].to_dict()
        cols[1].metric(t("target", lang), wording.format_value(trow.get("target_value"), lang, dec, value_unit),
                       when(trow.get("target_period")),
                       help=f"{t('baseline', lang)} {trow.get('baseline_period')}{i18n.colon(lang)} "
                            f"{wording.format_value(trow.get('baseline_value'), lang, dec, unit)} · "
                            f"{t('target', lang)} {trow.get('target_period')}", **plain)
        status = a.get("status") or "not_assessed"   # the share never contradicts the status
        share = None if status == "not_assessed" else 1.0 if status == "achieved" else indicator_tables.progress_share(
            a.get("base_value") if pd.notna(a.get("base_value")) else trow.get("baseline_value"),
            a.get("latest_value"), trow.get("target_value"))
        cols[2].metric(t("progress_to_target", lang), i18n.percent(share, lang) if share is not None else "–",
                       help=t("progress_help", lang))
    else:
        cols[1].metric(t("target", lang), "–", help=t("no_target", lang))
        cols[2].metric(t("growth_per_year", lang),
                       i18n.percent(a.get("cagr"), lang, 1) if pd.notna(a.get("cagr")) else "–")
    cols[3].metric(t("projection", lang), wording.format_value(projected, lang, dec, value_unit),
                   t("around_year", lang, year=int(reached)) if reached is not None
                   else when(target.iloc[0].get("target_period")) if has_target and projected is not None else None,
                   help=t("projection_help", lang), **plain)
    notes = []
    if isinstance(a.get("break_period"), str):        # a status judged after a break in series says so
        notes.append(t("break_since", lang, period=a.get("break_period")))
    if (a.get("status") or "not_assessed") == "not_assessed" and isinstance(a.get("reason"), str):
        notes.append(t(f"reason_{a.get('reason')}", lang))
    # with a milestone, its own status, in the Actions page's words (wording.milestone_text): "Jalon : 20,0 %
    # (2025) · ▲ Jalon : En bonne voie", never as the target's status (DESIGN, Progress method)
    milestone = wording.milestone_text(target.iloc[0].to_dict() if has_target else None, a, lang, dec, unit, method)
    st.markdown(f"{style.status_badge(a.get('status') or 'not_assessed', lang, method, has_target)} "
                f"&nbsp; {t('headline_territory', lang)}{i18n.colon(lang)} **{labels.get(tid, (tid,))[0]}**"
                + (f" · {t('milestone', lang)}{i18n.colon(lang)} {milestone}" if milestone else "")
                + "".join(f" · *{n}*" for n in notes))


def headline_style(longest: int) -> str:
    """The headline's figures fitted to their columns' width (a CSS container query: `longest` characters of
    about half the font's size each), from Streamlit's 2.25rem down to 1.25rem, and wrapping below that;
    their labels and the period and flag under them wrap rather than end in an ellipsis."""
    scope = f".st-key-{HEADLINE_KEY}"
    fit = 100 / (0.5 * max(longest, 1))
    free = "white-space: normal !important; overflow: visible !important; text-overflow: clip !important"
    return ("<style>"
            f"{scope} [data-testid='stColumn'] {{container-type: inline-size}}"
            f"{scope} [data-testid='stMetricValue'] {{font-size: clamp(1.25rem, {fit:.2f}cqi, 2.25rem)}}"
            f"{scope} [data-testid='stMetricValue'], {scope} [data-testid='stMetricValue'] *, "
            f"{scope} [data-testid='stMetricLabel'] *, "
            f"{scope} [data-testid='stMetricDelta'], {scope} [data-testid='stMetricDelta'] * {{{free}}}"
            "</style>")


def latest_flag(obs: pd.DataFrame | None, territory_id: str, year: str) -> str | None:
    """The flag of the headline's latest value: its period's own, or, for the mean of a year's quarters or
    months, the letters of theirs together, each once (as the ranking gives them: wording.year_flag)."""
    if obs is None or not len(obs) or "flag" not in obs or not year:
        return None
    mine = obs[obs["territory_id"].astype(str) == str(territory_id)]
    return wording.year_flag(mine["period"], mine["flag"], year, mine["value"] if "value" in mine else None)


def _values_table(frame: pd.DataFrame, ind: dict, lang: str) -> None:
    """The values in the page's number format with the indicator's decimals, sortable by value
    (indicators/table_numbers.py). A pandas Styler did this before at half of the page script's server
    time on the 47 rows of MOB04 (py-spy); labels of the distinct values cost a babel call each."""
    frame, values = widgets.number_column(frame, t("value", lang), t("value", lang), lang,
                                         wording.digits(ind.get("decimals")))
    config = {t("territory_code", lang): st.column_config.TextColumn(width="small"),
              t("code", lang): None, t("indicator", lang): None, t("unit", lang): None,
              t("value", lang): values}
    st.dataframe(frame, hide_index=True, width="stretch", placeholder="–", column_config=config, height=360, key="values_table")


OUTSIDE_KEY = "_indicator_outside"   # the indicator a link or another page wanted, outside the filters


@st.cache_resource(show_spinner=False, max_entries=16)
def _with_values(version, territories: tuple[str, ...], period_from, period_to) -> frozenset[str]:
    flt = F.Filters(territories=territories, period_from=period_from, period_to=period_to)
    return frozenset(F.indicators_with_values(common.observations(version), flt))


def chosen(view) -> tuple[str | None, str | None]:
    """(the indicator this page shows within the filters, the one asked for outside them): the
    one asked for (link, another page) when the filters hold it, else the first with a value.
    (None, None) when no indicator is within the filters. Reads the session, changes nothing: the
    sidebar's link to this page carries the same choice."""
    flt = view.filters
    codes = F.selected_indicators(view.framework, flt)["indicator_id"].astype(str).tolist()
    if not codes:
        return None, None
    asked = st.session_state.get(KEY)
    with_values = _with_values(view.version, flt.territories, flt.period_from, flt.period_to) \
        if asked not in codes else frozenset()
    return F.first_indicator(codes, with_values, asked)


def settle(view) -> F.Filters:
    """The filters with the indicator this page will show, decided before the page's link is written
    (common.run_page): the link is written once per run. Written twice (the filters, then the
    indicator chosen here), the browser kept two history entries, and Back stayed on the page."""
    code, outside = chosen(view)
    if code is None:
        return view.filters
    if outside:
        st.session_state[OUTSIDE_KEY] = outside
    st.session_state[KEY] = code
    return replace(view.filters, indicator=code)


def main() -> None:
    view = common.current()
    fw, lang, flt = view.framework, view.lang, view.filters
    method = flt.method
    st.title(t("page_explorer", lang), anchor="page-explorer")
    indicators = F.selected_indicators(fw, flt)
    if indicators.empty:
        _empty(view, lang)
        return
    codes = indicators["indicator_id"].astype(str).tolist()
    names = {r["indicator_id"]: i18n.name(r, "name", lang) or r["indicator_id"] for r in indicators.to_dict("records")}
    outside = st.session_state.pop(OUTSIDE_KEY, None)
    if outside:
        st.info(t("indicator_outside_filters", lang, code=outside), icon=":material/info:")
    code = st.selectbox(t("choose_indicator", lang), codes, key=KEY, format_func=lambda c: f"{c} · {names.get(c, c)}",
                        persist_state="session")
    if flt.indicator != code:   # chosen in this run's selectbox: the next run writes it into the link
        view.filters = flt = replace(flt, indicator=code)
    ind = indicators[indicators["indicator_id"] == code].iloc[0].to_dict()
    action = fw["actions"][fw["actions"]["action_id"] == ind["action_id"]]
    if len(action):
        st.caption(f"{t('action', lang)}{i18n.colon(lang)} {ind['action_id']} · {i18n.name(action.iloc[0].to_dict(), 'title', lang)}")
    obs, rows, targets = _inputs(view.version, flt, code)

    flow = obs.empty and common.is_flow(view.version, code)
    if not flow:   # a flows indicator has no status of its own: no grey "not assessed" badge above its arcs
        _headline(ind, rows, targets, fw, lang, method, obs)

    if obs.empty:
        st.info(t("flow_indicator" if flow else "no_data_indicator", lang), icon=":material/info:")
        if flow:   # its values are drawn as arcs on the map
            st.page_link(common.navigation_pages(lang)["map"], label=t("open_on_map", lang), icon=":material/map:",
                         query_params={**flt.to_query(), "indicator": code})
        _metadata(ind, lang)
        return

    st.subheader(t("time_series", lang), divider="gray", anchor="time-series")
    built = drawn(view.version, replace(flt, indicator=None), code)
    if built["shown"] < built["territories"]:
        # the target's territory first, or without a target the headline's (the most values): said as it is
        st.caption(t("series_limited" if built["has_target"] else "series_limited_no_target", lang,
                     shown=built["shown"], total=built["territories"]))
    widgets.plotly_chart(built["series"], key="explorer_series", config={"displaylogo": False, "responsive": True},
                    theme=None)
    if built["by_side"]:   # the headline's cross-border body drawn above the panels is named
        st.caption(t("series_by_side_above", lang, name=built["above"]) if built["above"]
                   else t("series_by_side", lang))
    for text in built["revisions"]:
        st.caption(text)

    year, latest = built["year"], built["latest"]
    # the year's annual values: a mean of quarters or months says so ("2024, moyenne annuelle")
    mean = bool(len(latest)) and "mean_of" in latest and latest["mean_of"].notna().any()
    st.subheader(t("ranking", lang) + (f" · {wording.year_text(year, lang, mean)}" if year else ""), divider="gray", anchor="ranking")
    if built["ranking"] is not None:
        caution = health.comparability_caution(ind.get("comparability"), latest["territory_id"], fw["territories"])
        if health.is_alarm(caution):   # said before the bars, which invite a comparison the sources forbid
            st.warning(f"{t(caution, lang)} {t('ranking_by_side', lang)}", icon=":material/compare_arrows:")
        elif caution:   # partly comparable or not given: a quiet note, as under the Map
            st.caption(t(caution, lang))
        if built["ranked"] > RANKING_LIMIT:
            st.caption(t("ranking_limited", lang, n=RANKING_LIMIT // 2, total=built["ranked"]))
        widgets.plotly_chart(built["ranking"], key="explorer_ranking", config={"displaylogo": False}, theme=None)
        meta = built["ranking"].layout.meta or {}
        if meta.get("off_scale"):      # totals far above the bars (ranking.lines_and_words)
            st.caption(t("ranking_off_scale", lang, items=" · ".join(meta["off_scale"])))
        if latest["flag"].notna().any():
            st.caption(t("flag_legend", lang))
        # territories without a value that year (not those left out of a long ranking)
        missing = sorted(set(obs["territory_id"].astype(str)) - built["with_value"])
        if missing:
            labels = wording.territory_labels(fw["territories"], lang)
            # not `names`: the indicator selectbox's format_func above reads that name when it runs again
            absent = [labels.get(m, (m,))[0] for m in missing]
            text = ", ".join(absent[:NAMES_LIMIT])
            if len(absent) > NAMES_LIMIT:
                text += " " + t("and_more", lang, n=len(absent) - NAMES_LIMIT)
            st.caption(t("missing_in_year", lang, year=year, names=text))

    st.subheader(t("metadata", lang), divider="gray", anchor="metadata")
    _metadata(ind, lang)

    st.subheader(t("values_table", lang), divider="gray", anchor="values-table")
    frame = built["table"]
    st.caption(t("rows_shown", lang, n=i18n.number(len(frame), lang, 0)))
    _values_table(frame, ind, lang)
    stem = f"{code}_{lang}"
    # Downloads in the import format (codes first, names beside): edited and uploaded again, they import.
    def download() -> pd.DataFrame:
        places = wording.territory_labels(fw["territories"], lang)
        labels_for = {"indicator": {code: i18n.name(ind, "name", lang) or code},
                      "territory": {c: v[0] for c, v in places.items()},
                      "country": {c: v[1] for c, v in places.items()}}
        return downloads.observations_download(obs, labels_for, lang)

    widgets.import_format_downloads(download, "observations", stem, "download", lang)


if __name__ == "__main__":   # run as a file, by Streamlit's legacy pages/ folder mode
    common.run_through_shell()
