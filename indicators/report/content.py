"""The progress report for the steering committee, as data.

`build` gathers everything the report says for a set of filters (the whole strategy, a level,
a theme or one action; optionally territories and a period) in one language: the cover, the
summary (status counts, level × theme matrix, the actions needing attention, every action at a
glance), one section per action with its indicators' charts (reusing `charts.indicator_chart`),
statuses in the method's words, sources and flags, and a closing part on the method and the
health of the data (`health.py`). No Streamlit here.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from .. import charts, health as H, i18n, indicator_tables, revisions, wording
from .. import filters as F
from .. import overview as O
from ..partners import label as partner_label
from ..updates import latest
from ..i18n import t
from ..progress import ACHIEVED, GROWTH_CUTS, RATIO_CUTS, STATUSES
from ..style import STATUS_ICONS
from ..units import unit_of
from .chart_key import sides_text

PAGE_WIDTH = 680          # px: A4 (210 mm) less 2 × 14 mm margins, at 96 px per inch
CHART_WIDTH = 410         # px: an indicator's chart, its facts beside it
CHART_HEIGHT = 200        # px: the plot and its axes, without the legend
CHART_TERRITORIES = 4     # series drawn per chart in print; the dashboard shows them all
ATTENTION = 6             # actions needing attention listed on the summary page
HEATMAP_ROWS = 60         # indicators per completeness figure: one figure never spans two pages
FORMATS = ("html", "pdf")


class ReportError(Exception):
    """The report could not be produced; the message says why and what to do."""


# ------------------------------------------------------------------ the report as data

@dataclass
class IndicatorEntry:
    indicator_id: str
    name: str
    type: str | None
    unit: str
    direction: str | None
    status: str
    status_text: str
    has_target: bool
    score: float | None
    reason: str | None
    territory: str                       # headline territory's name ('–' when none)
    latest: str
    target: str
    milestone: str
    expected: str | None                 # on the target path at the latest period
    projected: str | None                # the trend read at the target period
    growth: str | None                   # observed mean annual change (the CAGR: the explorer's figure)
    comparability: str
    sides: list[str]
    freshness: str
    latest_period: str | None
    periods_behind: int | None
    periodicity: str
    owner: str
    sources: list[str]
    flags: list[tuple[str, int, str]]    # (word, count, years)
    note: str                            # the target's note
    figure: go.Figure | None
    chart_note: str | None               # why the chart shows only some territories
    empty: str | None                    # why there is no chart
    revisions: list[str] = field(default_factory=list)   # the target's revisions, in words
    caution: str | None = None           # text key of the comparability caution (health.comparability_caution)
    since_break: str | None = None       # "assessed since the break in series of 2020": said beside the status


@dataclass
class ActionSection:
    action_id: str
    title: str
    level: str
    theme: str
    status: str
    status_text: str
    score: float | None
    lead: str
    implementation: str
    years: str
    description: str
    indicators: list[IndicatorEntry]
    update: str = ""          # the latest progress update: period, text, next steps, risks
    reason: str | None = None  # why it is not assessed (progress JSON's reason: only_context_indicators…)


@dataclass
class Report:
    lang: str
    method: str
    filters: F.Filters
    created: datetime
    data_as_of: str | None
    scope: str                                       # one line: "Theme: Mobility"…
    filter_summary: list[tuple[str, str]]            # (label, value) for the cover
    figures: dict[str, Any]                          # key figures
    action_counts: dict[str, int]
    indicator_counts: dict[str, int]
    matrix: go.Figure | None
    attention: list[dict]
    overview: list[dict]                             # every action at a glance
    sections: list[ActionSection]
    health: H.Health
    health_figures: list[go.Figure]                  # completeness by year, in page-sized parts
    method_rows: list[tuple[str, str, str]]          # (status label, with a target, without)
    level_rank: dict[str, int] = field(default_factory=dict)   # levels in the framework's order
    revisions_since: date | None = None                        # targets revised on or after this day
    revisions: list[dict] = field(default_factory=list)        # their rows, for the summary's list
    map: Any = None                                            # map_figure.ReportMap, when boundaries exist
    chart_sides: str = ""                                      # how the charts draw each country (chart_key)
    strategy_name: str = ""                                    # the store's name of its strategy (the cover)

    @property
    def title(self) -> str:
        return t("report_title", self.lang)

    def action_ids(self) -> list[str]:
        return [s.action_id for s in self.sections]

    def status_words(self) -> set[str]:
        """Every status label the report shows for an action or an indicator."""
        words = {s.status_text for s in self.sections}
        words |= {i.status_text for s in self.sections for i in s.indicators}
        return {w.split(" ", 1)[1] if " " in w and w[0] in "✔▲►▼✖–" else w for w in words}


def _text_or_none(value) -> str | None:
    return None if value is None or (isinstance(value, float) and value != value) else str(value)


def _isnum(value) -> bool:
    return wording._isnum(value)


def _text(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _name_of(frame: pd.DataFrame, key: str, code, field_: str, lang: str) -> str:
    rows = frame[frame[key].astype(str) == str(code)].to_dict("records")
    return (i18n.name(rows[0], field_, lang) or str(code)) if rows else str(code or "")


def filter_summary(framework: dict[str, pd.DataFrame], filters: F.Filters) -> tuple[str, list[tuple[str, str]]]:
    """(one-line scope, (label, value) pairs) of the filters, in the filters' language."""
    lang = filters.lang
    items: list[tuple[str, str]] = []
    scope: list[str] = []
    if filters.level:
        value = _name_of(framework["levels"], "level_id", filters.level, "name", lang)
        items.append((t("level", lang), value))
        scope.append(f"{t('level', lang)}{i18n.colon(lang)} {value}")
    if filters.theme:
        value = _name_of(framework["themes"], "theme_id", filters.theme, "name", lang)
        items.append((t("theme", lang), value))
        scope.append(f"{t('theme', lang)}{i18n.colon(lang)} {value}")
    if filters.action:
        value = f"{filters.action} · {_name_of(framework['actions'], 'action_id', filters.action, 'title', lang)}"
        items.append((t("action", lang), value))
        scope.append(f"{t('action', lang)}{i18n.colon(lang)} {value}")
    if not scope:
        items.append((t("report_scope", lang), t("report_whole", lang)))
        scope.append(t("report_whole", lang))
    if filters.territories:
        names = [_name_of(framework["territories"], "territory_id", c, "name", lang) for c in filters.territories]
        shown = ", ".join(names[:6]) + (f" {t('and_more', lang, n=len(names) - 6)}" if len(names) > 6 else "")
        items.append((t("territories", lang), shown))
        scope.append(i18n.count(len(names), "territory", "territories", lang))     # the language's plural
    if filters.period_from or filters.period_to:
        value = f"{filters.period_from or '…'}–{filters.period_to or '…'}"
        items.append((t("period_range", lang), value))
        scope.append(f"{t('period_range', lang)}{i18n.colon(lang)} {value}")
    items.append((t("method", lang), t(f"method_{filters.method}", lang)))
    return " · ".join(scope), items


def _assess(framework, observations: pd.DataFrame, filters: F.Filters):
    """(observations in the filters' territories and period, assessments, action roll-up): the
    same statuses as the Overview and the Strategic actions page for the same filters: the one
    function they all use (`overview.assess_in_scope`)."""
    return O.assess_in_scope(framework, observations, filters)


def _print_style(fig: go.Figure, width: int, height: int | None = None, font: int = 11) -> go.Figure:
    """Sizes for paper: the dashboard's projector fonts are too large on A4."""
    fig.update_layout(width=width, height=height or fig.layout.height, autosize=False,
                      font=dict(size=font), legend=dict(font=dict(size=font - 1)),
                      hoverlabel=dict(font=dict(size=font)))
    fig.update_xaxes(tickfont=dict(size=font - 1), title=dict(font=dict(size=font)))
    fig.update_yaxes(tickfont=dict(size=font - 1), title=dict(font=dict(size=font)))
    for annotation in fig.layout.annotations or []:
        annotation.font = dict(size=font)
    return fig


def _chart(ind: dict, mine: pd.DataFrame, targets: pd.DataFrame, rows: pd.DataFrame, framework, lang: str,
           method: str) -> tuple[go.Figure, str | None]:
    head = [str(x) for x in rows.loc[rows["headline"].astype(bool), "territory_id"]] \
        if len(rows) and "headline" in rows else []
    keep = charts.chart_territories(mine, targets, framework["territories"], limit=CHART_TERRITORIES, first=head)
    fig = charts.indicator_chart(
        mine[mine["territory_id"].astype(str).isin(keep)],
        targets[targets["territory_id"].astype(str).isin(keep)],
        rows[rows["territory_id"].astype(str).isin(keep)] if len(rows) else None,
        framework["territories"], lang, ind.get("decimals"), unit_of(ind, lang), method=method,
        height=CHART_HEIGHT, compact=True,
        earlier_targets=revisions.for_frame(framework.get("earlier_targets"),
                                            targets[targets["territory_id"].astype(str).isin(keep)]))
    _print_style(fig, CHART_WIDTH, CHART_HEIGHT, font=10)
    # the legend above the plot, with room for as many rows as it takes
    top = 8 + 20 * charts.legend_rows(fig, CHART_WIDTH - 12, font=9, swatch=48)
    fig.update_layout(height=CHART_HEIGHT + top, margin=dict(l=4, r=8, t=top, b=4),
                      legend=dict(orientation="h", y=1.0, yanchor="top", yref="container", x=0, xanchor="left",
                                  font=dict(size=9), itemwidth=30, tracegroupgap=0, maxheight=1.0))
    total = mine["territory_id"].nunique()
    # the target's territory first; without a target, the headline's (the most values), as the Explorer says
    note = t("report_chart_limited" if len(targets) else "report_chart_limited_no_target", lang, total=total,
             shown=len(keep)) if total > len(keep) else None
    return fig, note


def _flags(mine: pd.DataFrame, lang: str) -> list[tuple[str, int, str]]:
    if "flag" not in mine or not len(mine):
        return []
    flagged = mine[[bool(_text(f)) for f in mine["flag"]]]
    out = []
    for code, part in flagged.groupby(flagged["flag"].astype(str).str.strip().str.lower(), sort=True):
        years = sorted({str(p)[:4] for p in part["period"]})
        span = years[0] if len(years) == 1 else (f"{years[0]}–{years[-1]}" if len(years) > 3 else ", ".join(years))
        out.append((wording.flag_word(code, lang) or code, int(len(part)), span))
    return out


def _sources(ind: dict, mine: pd.DataFrame, lang: str) -> list[str]:
    found = [_text(ind.get("source"))]
    if "source" in mine:
        found += sorted({_text(s) for s in mine["source"] if _text(s)})
    unique = [s for s in dict.fromkeys(found) if s]
    if len(unique) > 4:
        unique = unique[:4] + [t("and_more", lang, n=len(unique) - 4)]
    return unique


def _update_text(update: dict | None, lang: str) -> str:
    """The latest update in one line, as its partner wrote it (in its own language), which it names when it is
    not the report's, as the Actions page does (i18n.written_in): its text, next steps and risks are in it."""
    if not update:
        return ""
    written = i18n.written_in(update.get("lang"), lang)
    parts = [" · ".join(p for p in (str(update["period"]), written, str(update["text"])) if p)]
    for column, key in (("next_steps", "updates_next"), ("risks", "updates_risks")):
        if isinstance(update.get(column), str) and update[column].strip():
            parts.append(f"{t(key, lang)}{i18n.colon(lang)} {update[column].strip()}")
    return " — ".join(parts)


def _indicator(ind: dict, row: dict | None, obs: pd.DataFrame, assessed: pd.DataFrame, framework,
               filters: F.Filters, fresh: dict, comp: dict, flow_ids: frozenset) -> IndicatorEntry:
    lang, method = filters.lang, filters.method
    iid = str(ind["indicator_id"])
    dec, unit = ind.get("decimals"), unit_of(ind, lang)
    mine = obs[obs["indicator_id"].astype(str) == iid]
    rows = assessed[assessed["indicator_id"].astype(str) == iid] if len(assessed) else assessed
    targets = framework["targets"][framework["targets"]["indicator_id"].astype(str) == iid]
    if filters.territories:
        targets = targets[targets["territory_id"].isin(filters.territories)]
    head = rows[rows["headline"].astype(bool)].to_dict("records") if len(rows) else []
    head = head[0] if head else {}
    figure, note, empty = None, None, None
    if len(mine):
        figure, note = _chart(ind, mine, targets, rows, framework, lang, method)
    else:
        empty = t("flow_indicator" if iid in flow_ids else "no_data_indicator", lang)
    target_rows = targets[targets["territory_id"].astype(str) == str(head.get("territory_id"))].to_dict("records")
    status = row["status"] if row else "not_assessed"
    has_target = bool(row and row["has_target"])
    expected = projected = growth = None
    if head:
        if _isnum(head.get("expected_value")) and has_target:
            # the year as the tables write it: "2024, annual mean" for a quarterly or monthly series
            expected = (f"{wording.format_value(head['expected_value'], lang, dec, unit)} "
                        f"({wording.latest_when(head, mine['period'] if len(mine) else (), lang)})")
        if _isnum(head.get("projected_value")):
            projected = wording.projection_text(head, lang, dec, unit, period=True)
        # "Mean annual change" is the observed CAGR, as the explorer shows it under that label: the change
        # in the desired direction (d·CAGR, `growth`) printed rising CO2 as -1.6 %
        if _isnum(head.get("cagr")):
            growth = i18n.percent(float(head["cagr"]), lang, 1)
    fr = fresh.get(iid, {})
    cp = comp.get(iid, {})
    # a status judged from a break in series says so, in the command line's and the tables' words (DESIGN.md)
    broke = head.get("break_period") if isinstance(head.get("break_period"), str) else None
    since_break = (t("reason_assessed_since_break", lang, period=broke) if broke and status != "not_assessed"
                   else t("break_since", lang, period=broke) if broke else None)
    return IndicatorEntry(
        indicator_id=iid, name=i18n.name(ind, "name", lang) or iid, type=_text(ind.get("type")) or None,
        unit=unit, direction=_text(ind.get("direction")) or None, status=status,
        status_text=wording.status_text(status, lang, method, has_target), has_target=has_target,
        score=row["score"] if row and _isnum(row["score"]) else None,
        reason=head.get("reason") if status == "not_assessed" else None,
        territory=row["territory"] if row else "–", latest=row["latest"] if row else "–",
        target=row["target"] if row else t("no_target", lang), milestone=row["milestone"] if row else "",
        expected=expected, projected=projected, growth=growth,
        comparability=cp.get("comparability", "unknown"), sides=list(cp.get("sides", [])), caution=cp.get("caution"),
        freshness=fr.get("state", "no_data"), latest_period=_text_or_none(fr.get("latest_period")),
        periods_behind=None if fr.get("periods_behind") is None or fr.get("periods_behind") is pd.NA
        else int(fr["periods_behind"]),
        periodicity=fr.get("periodicity", "annual"),
        owner=partner_label(fr.get("owner", ""), framework.get("partners"), lang),
        sources=_sources(ind, mine, lang), flags=_flags(mine, lang),
        note=_text(target_rows[0].get("note")) if target_rows else "",
        figure=figure, chart_note=note, empty=empty, since_break=since_break,
        revisions=revisions.notes(framework.get("earlier_targets"), targets, lang, dec, unit, _names(framework, lang)))


def _names(framework, lang: str) -> dict[str, str]:
    return {tid: name for tid, (name, _) in wording.territory_labels(framework["territories"], lang).items()}


def _revised(framework, indicators: pd.DataFrame, filters: F.Filters, day: date) -> list[dict]:
    """The targets of the report's indicators revised on or after `day`, in the report's words."""
    lang = filters.lang
    targets = framework["targets"][framework["targets"]["indicator_id"].isin(indicators["indicator_id"])]
    if filters.territories:
        targets = targets[targets["territory_id"].isin(filters.territories)]
    by_id = {str(r["indicator_id"]): r for r in indicators.to_dict("records")}
    names = _names(framework, lang)
    out = []
    for r in revisions.since(targets, framework.get("earlier_targets"), day):
        ind = by_id[str(r["current"]["indicator_id"])]
        dec, unit = ind.get("decimals"), unit_of(ind, lang)
        out.append({"indicator_id": str(ind["indicator_id"]), "indicator": i18n.name(ind, "name", lang),
                    "territory": names.get(str(r["current"]["territory_id"]), str(r["current"]["territory_id"])),
                    "decided_on": i18n.when(date.fromisoformat(r["decided_on"]), lang),
                    "new": revisions.version_text(r["current"], lang, dec, unit),
                    "previous": revisions.version_text(r["previous"], lang, dec, unit),
                    "reason": _text(r["current"].get("reason"))})
    return out


def _method_rows(lang: str, method: str) -> list[tuple[str, str, str]]:
    n = lambda v: i18n.number(v, lang, 2)                      # noqa: E731
    pct = lambda v: i18n.percent(v, lang, 1)  # noqa: E731
    hi, mid, lo = RATIO_CUTS
    g_hi, g_mid, g_lo = GROWTH_CUTS[method]
    label = lambda s, target=True: f"{STATUS_ICONS[s]} {i18n.status_label(s, lang, method, target)}"  # noqa: E731
    rows = [(label(ACHIEVED), t("report_rule_achieved", lang), "–")]
    for status, r_rule, g_rule in (
            ("on_track", f"R ≥ {n(hi)}", f"g ≥ {pct(g_hi)}"),
            ("acceleration_needed", f"{n(mid)} ≤ R < {n(hi)}", f"{pct(g_mid)} ≤ g < {pct(g_hi)}"),
            ("limited_progress", f"{n(lo)} ≤ R < {n(mid)}", f"{pct(g_lo)} ≤ g < {pct(g_mid)}"),
            ("deterioration", f"R < {n(lo)}", f"g < {pct(g_lo)}")):
        first = label(status)
        other = label(status, False)
        rows.append((first if first == other else f"{first} / {other}", r_rule, g_rule))
    rows.append((label("not_assessed"), t("report_rule_na", lang), t("report_rule_na", lang)))
    return rows


REVISIONS_DAYS = 365      # the report lists the targets revised in the year before it, unless told a day


def build(framework: dict[str, pd.DataFrame], observations: pd.DataFrame, filters: F.Filters,
          flows: pd.DataFrame | None = None, data_as_of: str | None = None,
          created: datetime | None = None, revisions_since: date | None = None, geography=None,
          map_indicator: str | None = None, strategy_name: str | None = None) -> Report:
    """The report of `filters` as data. Raises ReportError when no action matches. It lists the
    targets revised since `revisions_since` (the last report's day; a year before by default), and maps
    `map_indicator` (the dashboard's chosen one; else the Map page's default) on `geography`'s shapes."""
    lang, method = filters.lang, filters.method
    actions = F.selected_actions(framework, filters)
    if actions.empty:
        raise ReportError(t("report_empty", lang))
    indicators = F.selected_indicators(framework, filters).sort_values(["action_id", "indicator_id"], kind="stable")
    obs, assessed, roll = _assess(framework, observations, filters)
    obs = obs[obs["indicator_id"].isin(indicators["indicator_id"])]
    scope, summary = filter_summary(framework, filters)

    per_indicator = indicator_tables.indicator_table(indicators, assessed, obs, framework["targets"],
                                                     framework["territories"], lang, method)
    by_indicator = {r["indicator_id"]: r for r in per_indicator.to_dict("records")}
    roll_by = {r["action_id"]: r for r in roll.to_dict("records")}

    flows_in = flows[flows["indicator_id"].isin(indicators["indicator_id"])] if flows is not None and len(flows) \
        else None
    health = H.assess_health(indicators, F.in_territories(observations, filters), flows_in,
                             framework["territories"], store_observations=observations, store_flows=flows)
    fresh = {r["indicator_id"]: r for r in health.freshness.to_dict("records")}
    comp = {r["indicator_id"]: r for r in health.comparability.to_dict("records")}

    # summary
    action_status = [roll_by.get(str(a), {}).get("status", "not_assessed") for a in actions["action_id"]]
    action_counts = {s: action_status.count(s) for s in STATUSES}
    ind_status = [by_indicator.get(str(i), {}).get("status", "not_assessed") for i in indicators["indicator_id"]]
    indicator_counts = {s: ind_status.count(s) for s in STATUSES}
    figures = O.key_figures(actions, roll, indicators)
    matrix = None
    cells = O.matrix(roll, actions, framework["levels"], framework["themes"])
    if len(cells) > 1:
        levels = framework["levels"][framework["levels"]["level_id"].isin(cells["level_id"])]
        themes = framework["themes"][framework["themes"]["theme_id"].isin(cells["theme_id"])]
        matrix = O.matrix_figure(cells, levels, themes, lang, method)
        matrix.update_traces(marker=dict(size=50), textfont=dict(size=11))
        # a column per theme: one theme is a narrow matrix, not a wide empty band
        _print_style(matrix, min(PAGE_WIDTH, 200 + 96 * len(themes)), 95 + 62 * len(levels), font=10)
        matrix.update_layout(dragmode=False, margin=dict(l=6, r=6, t=44, b=4), showlegend=False)
    level_names = {r["level_id"]: i18n.name(r, "name", lang) for r in framework["levels"].to_dict("records")}
    updates = framework.get("action_updates")
    latest_updates = {str(r["action_id"]): r for r in latest(updates).to_dict("records")} \
        if updates is not None and len(updates) else {}
    theme_names = {r["theme_id"]: i18n.name(r, "name", lang) for r in framework["themes"].to_dict("records")}
    attention = []
    for r in O.attention(roll, actions, limit=ATTENTION).to_dict("records"):
        attention.append({"action_id": r["action_id"], "title": i18n.name(r, "title", lang) or r["action_id"],
                          "lead": partner_label(r.get("lead"), framework.get("partners"), lang) or "–", "status": r["status"],
                          "status_text": wording.status_text(r["status"], lang, method, True),
                          "score": r["score"] if _isnum(r["score"]) else None})

    sections, overview = [], []
    for action in actions.sort_values("action_id", kind="stable").to_dict("records"):
        aid = str(action["action_id"])
        r = roll_by.get(aid, {})
        status = r.get("status", "not_assessed")
        update = latest_updates.get(aid)
        impl = update["implementation"] if update else _text(action.get("status"))   # the latest update says it
        start, end = action.get("start_year"), action.get("end_year")
        years = (f"{int(start)}–{int(end)}" if _isnum(start) and _isnum(end)
                 else f"{int(start)}–" if _isnum(start) else "–")
        mine = indicators[indicators["action_id"].astype(str) == aid]
        entries = [_indicator(ind, by_indicator.get(str(ind["indicator_id"])), obs, assessed, framework, filters,
                              fresh, comp, health.flow_indicators) for ind in mine.to_dict("records")]
        section = ActionSection(
            action_id=aid, title=i18n.name(action, "title", lang) or aid,
            level=level_names.get(action.get("level_id"), _text(action.get("level_id"))),
            theme=theme_names.get(action.get("theme_id"), _text(action.get("theme_id"))),
            status=status, status_text=wording.status_text(status, lang, method, True),
            score=r.get("score") if _isnum(r.get("score")) else None, lead=partner_label(action.get("lead"), framework.get("partners"), lang) or "–",
            implementation=t(f"impl_{impl}", lang) if f"impl_{impl}" in i18n.TEXTS else (impl or "–"),
            years=years, description=i18n.name(action, "description", lang), indicators=entries,
            update=_update_text(update, lang),
            reason=r.get("reason") if status == "not_assessed" and isinstance(r.get("reason"), str) else None)
        sections.append(section)
        overview.append({"action_id": aid, "title": section.title, "level_id": _text(action.get("level_id")),
                         "level": section.level, "theme": section.theme,
                         "status": status, "status_text": section.status_text, "score": section.score,
                         "reason": section.reason,
                         # context indicators stand beside the action: never in its count (DESIGN.md)
                         "indicators": sum(i.type != "context" for i in entries),
                         "context": sum(i.type == "context" for i in entries), "lead": section.lead})

    health_figures = []
    if health.years and len(health.by_year):
        # at most HEATMAP_ROWS indicators a figure, so that none is cut by a page break
        ids = list(health.indicators["indicator_id"])
        for start in range(0, len(ids), HEATMAP_ROWS):
            part = replace(health, indicators=health.indicators[health.indicators["indicator_id"].isin(
                ids[start:start + HEATMAP_ROWS])])
            fig = H.year_heatmap(part, lang, row_height=13, font_size=9, label_width=40)
            _print_style(fig, PAGE_WIDTH, fig.layout.height, font=9)
            fig.update_traces(textfont=dict(size=8))
            fig.update_layout(margin=dict(l=4, r=4, t=24, b=4))
            health_figures.append(fig)

    report_map = None
    if geography is not None and not geography.empty:
        from .map_figure import choose, indicator_map

        chosen = choose(framework, obs, indicators["indicator_id"], map_indicator)
        report_map = indicator_map(geography, chosen, obs, framework["territories"], lang) if chosen else None
    created = created or datetime.now()
    since = revisions_since or (created.date() - timedelta(days=REVISIONS_DAYS))
    return Report(lang=lang, method=method, filters=filters, created=created,
                  strategy_name=strategy_name or "", data_as_of=data_as_of, scope=scope, filter_summary=summary,
                  figures=figures,
                  action_counts=action_counts, indicator_counts=indicator_counts, matrix=matrix,
                  attention=attention, overview=overview, sections=sections, health=health,
                  health_figures=health_figures, method_rows=_method_rows(lang, method),
                  level_rank={c: i for i, c in enumerate(O._ordered(framework["levels"], "level_id"))},
                  revisions_since=since, revisions=_revised(framework, indicators, filters, since),
                  map=report_map, chart_sides=sides_text(framework["territories"],
                                                         (i.figure for s in sections for i in s.indicators), lang))


def from_store(engine, filters: F.Filters, created: datetime | None = None,
               framework: dict[str, pd.DataFrame] | None = None, revisions_since: date | None = None,
               map_indicator: str | None = None) -> Report:
    """The report of `filters` from a store (the command line and the benchmark)."""
    from ..queries import load_flows, load_framework, load_observations

    from ..boundaries import build_geography
    from ..store import list_batches, load_boundaries
    from ..store.identity import strategy_name

    framework = framework if framework is not None else load_framework(engine)
    live = O.in_force(list_batches(engine))   # a rolled-back import brought nothing (as the Overview)
    as_of = live["created_at"].iloc[0] if len(live) else None
    geography = build_geography(load_boundaries(engine), framework["territories"])
    return build(framework, load_observations(engine), filters, flows=load_flows(engine),
                 data_as_of=as_of, created=created, revisions_since=revisions_since, geography=geography,
                 map_indicator=map_indicator, strategy_name=strategy_name(engine, filters.lang))

def file_name(filters: F.Filters, fmt: str, day: date | None = None,
              framework: dict[str, pd.DataFrame] | None = None) -> str:
    """`rapport-avancement-mobilite-2026-11-25.pdf`: every word in the report's language (the level's and
    theme's names from `framework`, the action's code), ASCII only so that any mail client keeps it."""
    import unicodedata

    lang = filters.lang
    words = []
    for key, table, column in (("level", "levels", "level_id"), ("theme", "themes", "theme_id")):
        code = getattr(filters, key)
        if code:
            name = _name_of(framework[table], column, code, "name", lang) if framework is not None else ""
            words.append(name or code)
    if filters.action:
        words.append(filters.action)
    scope = "-".join(words) or t("report_file_all", lang)
    ascii_text = unicodedata.normalize("NFKD", scope).encode("ascii", "ignore").decode().lower()
    safe = "-".join("".join(ch if ch.isalnum() else " " for ch in ascii_text).split())[:60].strip("-")
    return f"{t('report_file', lang)}-{safe}-{(day or date.today()):%Y-%m-%d}.{fmt}"


