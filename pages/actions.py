"""Strategic actions: every action of the current filters, its status and its indicators'
progress to target, then the detail of one action with a chart per indicator, a panel per country
with values side by side (France and Belgium for the demo), the cross-border bodies above."""
from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from indicators import charts, countries, downloads, indicator_tables, revisions, wording
from indicators import filters as F
from indicators import i18n
from indicators import overview as O
from indicators import partners as P
from indicators import style
from indicators.i18n import t
from indicators.style import STATUS_PILL_COLORS
from indicators.units import unit_of
from pages import common, safe_markdown, widgets

DETAIL_KEY = "actions_detail"
SIDE_LIMIT = 8          # territories drawn per side chart at most


# ---------------------------------------------------------------- cached data for this page

# Statuses from the observations of the chosen territories and period (the whole store's when neither
# is filtered): the function the Overview and the report use too, so the pages never disagree.
assessment = common.scoped_assessment


@st.cache_data(show_spinner=False, max_entries=32)
def observations_of(version: int, indicator_ids: tuple[str, ...], territories: tuple[str, ...],
                    period_from: str | None, period_to: str | None) -> pd.DataFrame:
    obs = common.observations(version)
    obs = obs[obs["indicator_id"].isin(indicator_ids)]
    scope = F.Filters(territories=territories, period_from=period_from, period_to=period_to)
    return F.in_period(F.in_territories(obs, scope), scope)


@st.cache_data(show_spinner=False, max_entries=4)
def _latest_states(version) -> dict[str, str]:
    """Each action's implementation state as its latest progress update reports it.

    Keyed on the store's version: keyed on the framework itself, Streamlit hashed all its tables on
    every run, 28 % of the Actions page's time (py-spy, demo store)."""
    from indicators.updates import latest

    updates = common.framework(version).get("action_updates")
    if updates is None or updates.empty:
        return {}
    last = latest(updates)
    return dict(zip(last["action_id"].astype(str), last["implementation"]))


# Built once per data version and filters, and shared (the page only reads them): unpickled on every
# run, as cache_data gives them, the action table's column selection alone took 5 ms of a 40 ms run.
@st.cache_resource(show_spinner=False, max_entries=16)
def tables(version: int, flt: F.Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(one row per action, one row per indicator) for the filters, in the filters' language."""
    fw = common.framework(version)
    lang, method = flt.lang, flt.method
    actions = F.selected_actions(fw, flt)
    indicators = fw["indicators"][fw["indicators"]["action_id"].isin(actions["action_id"])]
    assessed, roll = assessment(version, method, flt.territories, flt.period_from, flt.period_to)
    obs = observations_of(version, tuple(indicators["indicator_id"]), flt.territories, flt.period_from,
                          flt.period_to)
    indicators = indicators.sort_values(["action_id", "indicator_id"], kind="stable")
    per_indicator = indicator_tables.indicator_table(indicators, assessed, obs, fw["targets"], fw["territories"],
                                                     lang, method)
    roll = roll.set_index("action_id") if len(roll) else roll
    reported = _latest_states(version)
    rows = []
    for action in actions.to_dict("records"):
        aid = str(action["action_id"])
        status = roll.at[aid, "status"] if aid in getattr(roll, "index", []) else "not_assessed"
        score = roll.at[aid, "score"] if aid in getattr(roll, "index", []) else None
        # context indicators stand beside the action: never in its status, bar or count
        everyone = per_indicator[per_indicator["action_id"] == aid]
        mine = everyone[~everyone["context"].astype(bool)]
        shares = pd.to_numeric(mine["progress"], errors="coerce").dropna()
        reason = roll.at[aid, "reason"] if aid in getattr(roll, "index", []) and "reason" in roll else None
        impl = reported.get(str(action["action_id"]), action.get("status"))   # the latest update says it
        start, end = action.get("start_year"), action.get("end_year")
        rows.append({
            "action_id": aid,
            "action": f"{aid} · {i18n.name(action, 'title', lang) or aid}",
            "status": status,
            "status_text": wording.status_text(status, lang, method, True),
            "note": t(f"reason_{reason}", lang) if isinstance(reason, str) and status == "not_assessed" else "",
            "reason": reason if isinstance(reason, str) and status == "not_assessed" else "",
            "score": None if score is None or pd.isna(score) else float(score),
            "progress": float(shares.mean()) * 100 if len(shares) else None,
            "indicators": len(mine),
            "context_indicators": len(everyone) - len(mine),   # said beside the count in the downloads
            "lead": P.label(action.get("lead"), fw["partners"], lang) or "–",
            "implementation": t(f"impl_{impl}", lang) if impl and f"impl_{impl}" in i18n.TEXTS else "–",
            "years": (f"{int(start)}–{int(end)}" if pd.notna(start) and pd.notna(end)
                      else f"{int(start)}–" if pd.notna(start) else "–"),
        })
    per_action = pd.DataFrame(rows, columns=["action_id", "action", "status", "status_text", "note", "reason", "score",
                                             "progress", "indicators", "context_indicators", "lead",
                                             "implementation", "years"])
    return per_action, per_indicator


# ---------------------------------------------------------------- rendering helpers

def _pct_format(lang: str) -> str:
    """printf format of a 0–100 share, with the percent sign every other number of the page takes."""
    return "%.0f" + i18n.PERCENT_SIGN[lang].replace("%", "%%")


def _status_pills(texts: pd.Series, codes: pd.Series, label: str, **options):
    """(the status column as one-item lists, its column config): each status a pill in its colour.
    A pandas Styler coloured these cells before: it turns every cell of the table into styled text,
    and the page's two tables took more than a quarter of its server time (py-spy)."""
    colour = dict(zip(texts, codes))
    column = st.column_config.MultiselectColumn(
        label, options=list(colour),
        color=[STATUS_PILL_COLORS.get(code, STATUS_PILL_COLORS["not_assessed"]) for code in colour.values()],
        **options)
    return [[text] for text in texts], column




def _with_note(texts: pd.Series, notes: pd.Series) -> pd.Series:
    """`▼ Progrès limité · contexte`: each status with its note, when it has one."""
    notes = notes.fillna("").astype(str)
    return texts.where(notes.eq(""), texts + " · " + notes)


def _score(value, lang: str) -> str:
    """A score never written across a status cut (2.4527 reads 2,45, not 2,5: indicators/overview.py)."""
    return O.score_text(value, lang)


def _filters_caption(view, lang: str) -> None:
    fw, flt = view.framework, view.filters
    parts = []
    for key, table, column, field in (("level", "levels", "level_id", "name"), ("theme", "themes", "theme_id", "name")):
        code = getattr(flt, key)
        if code:
            rows = fw[table][fw[table][column] == code].to_dict("records")
            parts.append(f"{t(key, lang)}{i18n.colon(lang)} {i18n.name(rows[0], field, lang) if rows else code}")
    if flt.territories:
        parts.append(i18n.count(len(flt.territories), "territory", "territories", lang))   # 1 territoire, 2 territoires
    if flt.period_from or flt.period_to:
        parts.append(f"{t('period_range', lang)}{i18n.colon(lang)} {flt.period_from or '…'}–{flt.period_to or '…'}")
    parts.append(t(f"method_{flt.method}", lang))
    st.caption(" · ".join(parts))


def _empty(view, lang: str) -> None:
    hint = F.empty_hint(view.filters)
    if hint is None:
        from pages import first_steps   # the first steps, said the same way on every page

        first_steps.empty_store(view)
        return
    what = t({"territory": "territory", "period": "period"}.get(hint, hint), lang).lower()
    st.info(t("empty_filters", lang, what=what), icon=":material/filter_alt_off:")


# The headers (text keys) named under each table: every column after the status. The names and the status
# are in view at the narrowest layout (1024 px, sidebar open: indicator_tables.NARROWEST_TABLE); what
# follows them may lie past the page's edge, at any width (a fixed list, written for 1280 px, left out
# the score and progress at 1024 px and the half-cut lead at 1400 px).
ACTION_COLUMNS_PAST_EDGE = indicator_tables.past_status(indicator_tables.ACTION_COLUMNS)
INDICATOR_COLUMNS_PAST_EDGE = indicator_tables.past_status(indicator_tables.INDICATOR_COLUMNS)


def _action_table(per_action: pd.DataFrame, lang: str) -> None:
    shown = per_action[[column for column, _ in indicator_tables.ACTION_COLUMNS]]
    # An action with only context indicators says so in its status ("Non évalué · contexte", as its
    # indicators say it): the note column, which says why in full, lies past the page's edge.
    context = per_action["reason"].eq("only_context_indicators")
    marks = pd.Series(t("context_status", lang), index=per_action.index).where(context, "")
    texts = _with_note(shown["status_text"], marks)
    # the status whole beside the pinned action at the narrowest layout: each as wide as its words need
    wide = indicator_tables.status_width(texts, t("status", lang))
    pills, status = _status_pills(texts, per_action["status"], t("status", lang), width=wide)
    action_width = indicator_tables.name_width(shown["action"], wide, t("action", lang))
    # the score in the page's number format whatever the browser's, sorted by value (indicators/table_numbers.py)
    shown, score = _score_column(shown.assign(status_text=pills), t("score", lang), lang,
                                 help=t("score_help", lang), width="small")
    st.dataframe(shown, hide_index=True, width="stretch", placeholder="–", column_config={
        "action": st.column_config.TextColumn(t("action", lang), pinned=True, width=action_width),
        "status_text": status,
        "note": st.column_config.TextColumn(t("note", lang), width="medium"),
        "score": score,
        "progress": st.column_config.ProgressColumn(t("mean_progress", lang), help=t("progress_help", lang),
                                                    min_value=0.0, max_value=100.0, format=_pct_format(lang),
                                                    width="medium"),
        "indicators": st.column_config.NumberColumn(t("indicators", lang), width="small", format="%d"),
        "lead": st.column_config.TextColumn(t("lead", lang), width="medium"),
        "implementation": st.column_config.TextColumn(t("action_status", lang)),
        "years": st.column_config.TextColumn(t("calendar", lang), width="small"),
    }, key="actions_table")
    st.caption(widgets.more_columns_note(ACTION_COLUMNS_PAST_EDGE, lang))


def _score_column(frame: pd.DataFrame, label: str, lang: str, **options) -> tuple[pd.DataFrame, object]:
    """(frame, column config) of the score column: as `widgets.number_column` (the page's number format,
    sorted by value), each score written by the rule that never crosses a status cut (`O.score_text`:
    2.4527 "accélération nécessaire" reads 2,45, where one decimal wrote 2,5, the first "en bonne voie")."""
    values = pd.to_numeric(frame["score"], errors="coerce")
    distinct = sorted({float(v) for v in values.dropna()})
    # every score with its decimal, whole ones too ("5,0" as the action's detail writes it, never "5")
    width = len(str(max(len(distinct) - 1, 0)))
    keys = {v: f"{str(rank).zfill(width)} {O.score_text(v, lang)}" for rank, v in enumerate(distinct)}
    written = {keys[v]: O.score_text(v, lang) for v in distinct}
    cells = values.map(lambda v: None if pd.isna(v) else keys[float(v)])
    return (frame.assign(score=cells.astype(object)),
            st.column_config.SelectboxColumn(label, options=list(written), format_func=written.get,
                                             disabled=True, **options))


def _indicator_table(per_indicator: pd.DataFrame, lang: str) -> None:
    # where it stands and where it should go beside its status, before the bar and the trend
    shown = per_indicator[[column for column, _ in indicator_tables.INDICATOR_COLUMNS]].assign(
        progress=per_indicator["progress"] * 100)
    # A context indicator's status describes the territory, not the action's progress: said in it (the
    # note column lies past the page's edge), and grey. Its other notes (a break, why not assessed) are
    # long: they stay in the note column and beside the detail's badge.
    context = per_indicator["context"].astype(bool)
    marks = pd.Series(t("context_status", lang), index=per_indicator.index).where(context, "")
    texts = _with_note(shown["status_text"], marks)
    # the action code, the indicator and its status whole at the narrowest layout, the first two pinned
    wide = indicator_tables.status_width(texts, t("status", lang))
    code_width = indicator_tables.text_column_width(shown["action_id"], t("action_short", lang))
    indicator_width = indicator_tables.name_width(shown["indicator"], code_width + wide, t("indicator", lang))
    pills, status = _status_pills(texts, per_indicator["status"].where(~context, "not_assessed"), t("status", lang),
                                  width=wide)
    # the value and target in the page's number format whatever the browser's, sorted by value
    shown = shown.assign(status_text=pills, latest_number=per_indicator["latest_number"],
                         target_number=per_indicator["target_number"])
    # large: a value's flag is written after it in words ("⚑ provisional (p)"), cut at medium width
    shown, latest = widgets.labelled_number_column(shown, "latest", "latest_number", t("latest_value", lang),
                                                  width="large")
    shown, target = widgets.labelled_number_column(shown, "target", "target_number", t("target", lang),
                                                  width="medium")
    st.dataframe(shown.drop(columns=["latest_number", "target_number"]), hide_index=True, width="stretch", placeholder="–", column_config={
        "action_id": st.column_config.TextColumn(t("action_short", lang), width=code_width, pinned=True,
                                                 help=t("action", lang)),
        "indicator": st.column_config.TextColumn(t("indicator", lang), width=indicator_width, pinned=True),
        "territory": st.column_config.TextColumn(t("headline_territory", lang),
                                                 help=t("headline_help", lang)),
        "status_text": status,
        "note": st.column_config.TextColumn(t("note", lang), width="medium"),
        "progress": st.column_config.ProgressColumn(t("progress_to_target", lang), help=t("progress_help", lang),
                                                    min_value=0.0, max_value=100.0, format=_pct_format(lang),
                                                    width="medium"),
        "trend": st.column_config.LineChartColumn(t("trend", lang), help=t("trend_help", lang), width="small"),
        "latest": latest,
        "target": target,
        "milestone": st.column_config.TextColumn(t("milestone", lang), help=t("milestone_help", lang),
                                                 width="medium"),
    }, key="indicators_table")
    st.caption(widgets.more_columns_note(INDICATOR_COLUMNS_PAST_EDGE, lang))


def _territory_statuses(rows: pd.DataFrame, targets: pd.DataFrame, fw, lang: str, method: str, dec, unit,
                        obs: pd.DataFrame | None = None) -> None:
    labels = wording.territory_labels(fw["territories"], lang)
    # each territory's own periods: a quarterly or monthly series' latest value is its year's mean, said so
    periods = (obs.assign(territory_id=obs["territory_id"].astype(str)).groupby("territory_id")["period"]
               .apply(lambda p: p.astype(str).tolist()).to_dict() if obs is not None and len(obs) else {})
    # each territory's own rows, for its latest value's flag (`⚑ provisoire (p)`, as the Explorer gives it)
    series = ({str(k): g for k, g in obs.groupby(obs["territory_id"].astype(str), sort=False)}
              if obs is not None and len(obs) else {})
    with_target = set(targets["territory_id"].astype(str))
    table = pd.DataFrame({
        "territory": [labels.get(str(x), (str(x), ""))[0] for x in rows["territory_id"]],
        "country": [countries.name(labels.get(str(x), ("", ""))[1], lang) for x in rows["territory_id"]],
        "status_text": [wording.status_text(s, lang, method, str(x) in with_target)
                        for s, x in zip(rows["status"], rows["territory_id"])],
        # a status judged after a break in series says so, here as everywhere (DESIGN): beside the status,
        # where the table opens (at the right end, the note was past the table's edge and never seen)
        "note": [t("break_since", lang, period=b) if isinstance(b, str) else ""
                 for b in (rows["break_period"] if "break_period" in rows else [None] * len(rows))],
        "latest": [wording.with_flag(f"{wording.format_value(r['latest_value'], lang, dec, unit)} "
                                     f"({wording.latest_when(r, periods.get(str(r['territory_id']), []), lang)})",
                                     wording.latest_flag(r, series.get(str(r["territory_id"]))), lang)
                   if pd.notna(r["latest_value"]) else "–" for r in rows.to_dict("records")],
        "projected": [wording.projection_text(r, lang, dec, unit) for _, r in rows.iterrows()],
    })
    table["_rank"] = [countries.rank(labels.get(str(x), ("", ""))[1]) for x in rows["territory_id"]]
    order = table.sort_values(["_rank", "territory"]).index
    table, codes = table.loc[order].drop(columns="_rank"), rows["status"].reset_index(drop=True).loc[order]
    table = table.reset_index(drop=True)
    if not table["note"].astype(bool).any():
        table = table.drop(columns="note")
    codes = codes.reset_index(drop=True)
    pills, status = _status_pills(table["status_text"], codes, t("status", lang))
    st.dataframe(table.assign(status_text=pills), hide_index=True, width="stretch", placeholder="–", column_config={
        "territory": st.column_config.TextColumn(t("territory", lang)),
        "country": st.column_config.TextColumn(t("country", lang), width="small"),
        "status_text": status,
        "latest": st.column_config.TextColumn(t("latest_value", lang)),
        "projected": st.column_config.TextColumn(t("projection", lang), help=t("projection_help", lang)),
        "note": st.column_config.TextColumn(t("note", lang)),
    })


def _side_figure(fw, lang: str, method: str, ind: dict, mine: pd.DataFrame, targets: pd.DataFrame,
                 rows: pd.DataFrame, members: list[str], compact: bool, earlier: pd.DataFrame):
    return charts.indicator_chart(
        mine[mine["territory_id"].isin(members)], targets[targets["territory_id"].isin(members)],
        rows[rows["territory_id"].isin(members)] if len(rows) else None, fw["territories"], lang,
        ind.get("decimals"), unit_of(ind, lang), method=method, height=420 if compact else 400,
        compact=compact, earlier_targets=revisions.for_frame(earlier, targets[targets["territory_id"].isin(members)]))


@st.cache_resource(show_spinner=False, max_entries=256)   # shared, read-only: read per indicator on every run
def _statuses_and_targets(version, flt: F.Filters, iid: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(its statuses by territory, its target rows) within the filters."""
    fw = common.framework(version)
    assessed, _ = assessment(version, flt.method, flt.territories, flt.period_from, flt.period_to)
    rows = assessed[assessed["indicator_id"] == iid] if len(assessed) else assessed
    targets = fw["targets"][fw["targets"]["indicator_id"] == iid]
    if flt.territories:
        targets = targets[targets["territory_id"].isin(flt.territories)]
    return rows, targets


@st.cache_resource(show_spinner=False, max_entries=256)   # shared, read-only
def indicator_outline(version, flt: F.Filters, iid: str) -> dict | None:
    """What an indicator's detail says of its charts without drawing them: the countries they draw and its
    target revisions in words; None when it has no value within the filters. The charts of an action's
    later indicators wait in a closed expander: building their figures too took most of the 0.3-0.5 s
    a new action cost the server (AppTest over ten actions of the demo)."""
    fw, lang = common.framework(version), flt.lang
    mine = observations_of(version, (iid,), flt.territories, flt.period_from, flt.period_to)
    if mine.empty:
        return None
    ind = fw["indicators"][fw["indicators"]["indicator_id"].astype(str) == iid].iloc[0].to_dict()
    _, targets = _statuses_and_targets(version, flt, iid)
    sides = countries.sides_of(mine["territory_id"].unique(), fw["territories"])
    names = {tid: name for tid, (name, _) in wording.territory_labels(fw["territories"], lang).items()}
    return {"drawn": sides.countries,
            "revisions": revisions.notes(fw.get("earlier_targets"), targets, lang, ind.get("decimals"),
                                         unit_of(ind, lang), names)}


@st.cache_resource(show_spinner=False, max_entries=64)   # figures shared, not unpickled on every run
def indicator_figures(version, flt: F.Filters, iid: str) -> dict | None:
    """The charts of one indicator (cross-border bodies above, then a panel per country with values: France
    and Belgium for the demo), built once per data version, filters and language; None when it has no
    value within the filters."""
    fw, lang = common.framework(version), flt.lang
    ind = fw["indicators"][fw["indicators"]["indicator_id"].astype(str) == iid].iloc[0].to_dict()
    mine = observations_of(version, (iid,), flt.territories, flt.period_from, flt.period_to)
    if mine.empty:
        return None
    rows, targets = _statuses_and_targets(version, flt, iid)
    earlier = fw.get("earlier_targets")
    sides = countries.sides_of(mine["territory_id"].unique(), fw["territories"])

    def readable(ids: list[str]) -> list[str]:   # a few lines per chart; the explorer shows them all
        part = mine[mine["territory_id"].isin(ids)]
        return charts.chart_territories(part, targets, fw["territories"], limit=SIDE_LIMIT) if len(part) else []

    def figure(members: list[str], compact: bool):
        return _side_figure(fw, lang, flt.method, ind, mine, targets, rows, members, compact, earlier)

    others = readable(sides.others)
    members = {side: readable(ids) for side, ids in sides.drawn.items()}
    figures = {side: figure(members[side], True) for side in members if members[side]}
    charts.align_axes(*figures.values())
    above = figure(others, False) if others else None
    if len(figures) > 1:      # one chart of panels (cross-border bodies above): plotly charts fewer to mount
        figures = {"both": charts.side_by_side([(countries.name(side, lang), fig) for side, fig in figures.items()],
                                               above=(t("other_territories", lang), above) if above else None)}
        above = None
    total = len(sides.others) + sum(len(ids) for ids in sides.drawn.values())
    return {"others": above, "sides": figures, "total": total,
            # a country of the region without values is said beside the one country that has some
            "missing": sides.missing if len(sides.drawn) == 1 else [],
            "limited": sum(len(m) for m in members.values()) + len(others) < total}


def _show(fig, key: str) -> None:
    widgets.plotly_chart(fig, key=key, config={"displaylogo": False, "responsive": True}, theme=None)


EAGER_INDICATORS = 1   # indicators of an action whose charts are drawn at once; the others on demand


def _indicator_detail(view, ind: dict, row: dict | None, eager: bool = True) -> None:
    fw, lang, flt = view.framework, view.lang, view.filters
    method = flt.method
    iid = str(ind["indicator_id"])
    dec, unit = ind.get("decimals"), unit_of(ind, lang)
    c = i18n.colon(lang)
    st.markdown(f"#### {iid} · {i18n.name(ind, 'name', lang) or iid}")
    facts = [f"{t('unit', lang)}{c} {unit or '–'}"]
    if ind.get("type"):
        facts.append(f"{t('type', lang)}{c} {t('type_' + str(ind['type']), lang)}")
    if row is not None:
        facts.append(f"{t('headline_territory', lang)}{c} **{row['territory']}**")
        facts.append(f"{t('target', lang)}{c} {row['target']}")
        if row["milestone"]:
            facts.append(f"{t('milestone', lang)}{c} {row['milestone']}")
        if row.get("note"):      # context, break in series, why not assessed: said beside the status
            facts.append(f"*{row['note']}*")
    status = row["status"] if row is not None else "not_assessed"
    st.markdown(style.status_badge(status, lang, method, bool(row is not None and row["has_target"]))
                + " &nbsp; " + " · ".join(facts))
    scope = replace(flt, indicator=None)
    outline = indicator_outline(view.version, scope, iid)
    if outline is None:
        st.info(t("flow_indicator" if common.is_flow(view.version, iid) else "no_data_indicator", lang))
        return
    rows, targets = _statuses_and_targets(view.version, flt, iid)
    if not eager:
        # Past the first indicators, the charts wait in an expander, built and drawn once it is opened: the
        # browser spends ~0.25 s per plotly chart, and an action of the large store drew eight (2.2 s a visit).
        charts_box = st.expander(_charts_title(outline, lang), key=f"charts-{iid}", on_change="rerun")
        if charts_box.open:
            with charts_box:
                _draw_charts(indicator_figures(view.version, scope, iid), iid, lang)
    else:
        _draw_charts(indicator_figures(view.version, scope, iid), iid, lang)
    for text in outline["revisions"]:      # a revised target is said whether or not its charts are drawn
        st.caption(text)
    _statuses_expander(rows, targets, fw, lang, method, dec, unit, iid,   # its values read once it is opened
                       lambda: observations_of(view.version, (iid,), flt.territories, flt.period_from, flt.period_to))


def _draw_charts(built: dict, iid: str, lang: str) -> None:
    if built["others"] is not None:   # cross-border bodies (often the target's territory) span the width
        st.markdown(f"**{t('other_territories', lang)}**")
        _show(built["others"], f"chart-{iid}-other")
    if built["limited"]:
        st.caption(t("series_limited_side", lang, total=built["total"], limit=SIDE_LIMIT))
    if "both" in built["sides"]:     # the two sides as the panels of one chart
        _show(built["sides"]["both"], f"chart-{iid}-sides")
    else:
        _one_side(built, iid, lang)


def _charts_title(outline: dict, lang: str) -> str:
    """The folded charts' title with the countries they draw: "Charts of the indicator (France, Belgium)"."""
    if outline["drawn"]:
        return t("indicator_charts_of", lang, countries=countries.names(outline["drawn"], lang))
    return t("indicator_charts_cross_border", lang)


def _one_side(built: dict, iid: str, lang: str) -> None:
    """The one country with values in its column, the region's other countries saying they have none
    beside it; nothing more when only cross-border bodies have values (drawn above)."""
    if not built["sides"]:
        return
    (side, fig), = built["sides"].items()
    left, right = st.columns(2, gap="medium")
    with left:
        st.markdown(f"**{countries.name(side, lang)}**")
        _show(fig, f"chart-{iid}-{side}")
    missing = [countries.name(c, lang) for c in built["missing"]]
    with right:
        if len(missing) == 1:
            st.markdown(f"**{missing[0]}**")
            st.caption(t("no_data_side", lang, side=missing[0]))
        elif missing:
            st.caption(t("no_data_sides", lang, sides=", ".join(missing)))


def _statuses_expander(rows, targets, fw, lang, method, dec, unit, iid: str, values=None) -> None:
    if len(rows):   # lazy: the table (a row per territory) is built only once the expander is opened
        statuses = st.expander(t("statuses_by_territory", lang), key=f"statuses-{iid}", on_change="rerun")
        if statuses.open:
            with statuses:
                _territory_statuses(rows, targets, fw, lang, method, dec, unit, values() if values else None)


def _detail(view, per_action: pd.DataFrame, per_indicator: pd.DataFrame) -> None:
    fw, lang, flt = view.framework, view.lang, view.filters
    st.subheader(t("detail_of", lang), divider="gray", anchor="detail-of")
    codes = per_action["action_id"].tolist()
    labels = dict(zip(per_action["action_id"], per_action["action"]))
    ss = st.session_state
    if ss.get(DETAIL_KEY) not in codes:
        ss[DETAIL_KEY] = flt.action if flt.action in codes else codes[0]
    chosen = st.selectbox(t("choose_action", lang), codes, key=DETAIL_KEY, format_func=lambda c: labels.get(c, c),
                          persist_state="session")
    info = per_action[per_action["action_id"] == chosen].iloc[0]
    action = fw["actions"][fw["actions"]["action_id"] == chosen].iloc[0].to_dict()
    st.markdown(f"### {info['action']}")
    why = f" &nbsp; *{info['note']}*" if info["status"] == "not_assessed" and info.get("note") else ""
    st.markdown(style.status_badge(info["status"], lang, flt.method, True)
                + f" &nbsp; {t('score', lang)}{i18n.colon(lang)} **{_score(info['score'], lang)}** / 5" + why)
    cols = st.columns(3)
    cols[0].markdown(f"**{t('lead', lang)}**  \n{info['lead']}")
    cols[1].markdown(f"**{t('action_status', lang)}**  \n{info['implementation']}")
    cols[2].markdown(f"**{t('calendar', lang)}**  \n{info['years']}")
    description = i18n.name(action, "description", lang)
    if description:
        st.markdown(safe_markdown.plain_markdown(description))
    with st.container(border=True):   # the timeline writes its own heading: an expander said it twice
        from pages.updates import timeline

        timeline(view, chosen)
    indicators = fw["indicators"][fw["indicators"]["action_id"] == chosen]
    if indicators.empty:
        st.info(t("no_indicators_action", lang))
        return
    by_indicator = {r["indicator_id"]: r for r in per_indicator.to_dict("records")}
    for i, ind in enumerate(indicators.to_dict("records")):
        with st.container(border=True):
            _indicator_detail(view, ind, by_indicator.get(str(ind["indicator_id"])), eager=i < EAGER_INDICATORS)


# ---------------------------------------------------------------- the page

def _actions_downloads(view, per_action: pd.DataFrame, lang: str) -> None:
    """The shown actions in the import format (codes first, the page's words beside): edited and
    uploaded again on the Data page, they import."""
    fw = common.framework(view.version)

    def download() -> pd.DataFrame:
        shown = fw["actions"][fw["actions"]["action_id"].astype(str).isin(per_action["action_id"])]
        return downloads.actions_download(shown, per_action, downloads.level_theme_names(fw, lang), lang)

    widgets.import_format_downloads(download, "actions", "actions", "actions_download", lang)


def main() -> None:
    view = common.current()
    lang = view.lang
    st.title(t("page_actions", lang), anchor="page-actions")
    _filters_caption(view, lang)
    per_action, per_indicator = tables(view.version, replace(view.filters, indicator=None))
    if per_action.empty:
        _empty(view, lang)
        return
    st.markdown(t("actions_summary", lang, actions=i18n.count(len(per_action), "action_one", "actions", lang),
                  indicators=i18n.count(len(per_indicator), "indicator", "indicators", lang)))
    _action_table(per_action, lang)
    _actions_downloads(view, per_action, lang)
    st.subheader(t("indicators_progress", lang), divider="gray", anchor="indicators-progress")
    if per_indicator.empty:
        st.info(t("no_indicators_action", lang))
    else:
        _indicator_table(per_indicator, lang)
        flt = view.filters
        by_values = ("territory" if flt.territories else "") + ("period" if flt.period_from or flt.period_to else "")
        if per_indicator["status"].eq("not_assessed").all() and by_values:
            # the indicators are listed above: their values, not they, are missing (it said "no indicator
            # matches: clear the level filter" under the list, when the territory was the cause)
            what = {"territory": "no_values_territory", "period": "no_values_period",
                    "territoryperiod": "no_values_both"}[by_values]
            st.info(t("no_values_filters", lang, what=t(what, lang)), icon=":material/filter_alt_off:")
    _detail(view, per_action, per_indicator)


if __name__ == "__main__":   # run as a file, by Streamlit's legacy pages/ folder mode
    common.run_through_shell()
