"""The progress report for the steering committee: as data, as self-contained HTML, as PDF.

`build` gathers everything the report says for a set of filters (the whole strategy, a level,
a theme or one action; optionally territories and a period) in one language: the cover, the
summary (status counts, level × theme matrix, the actions needing attention, every action at a
glance), one section per action with its indicators' charts (reusing `charts.indicator_chart`),
statuses in the method's words, sources and flags, and a closing part on the method and the
health of the data (`health.py`).

`render_html` writes one HTML file that opens offline: plotly.js is embedded once, inline, and
each figure is a div drawn from its JSON. `render_pdf` prints that same HTML with headless
Chromium (Python playwright): A4, page numbers, date and scope in the footer.

Every text that comes from the data (names, notes, sources, leads) is escaped: nothing from the
store is ever written as raw HTML. No Streamlit here.
"""
from __future__ import annotations

import html
import math
import os
import tempfile
import threading
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from . import charts, health as H, i18n
from . import filters as F
from . import overview as O
from .partners import label as partner_label
from .updates import latest
from .i18n import t
from .progress import ACHIEVED, GROWTH_CUTS, RATIO_CUTS, SCORE_CUTS, STATUSES, assess_all, rollup_actions
from .style import STATUS_COLORS, STATUS_ICONS, STATUS_TEXT_COLORS
from .units import unit_of

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
PAGE_WIDTH = 680          # px: A4 (210 mm) less 2 × 14 mm margins, at 96 px per inch
CHART_WIDTH = 410         # px: an indicator's chart, its facts beside it
CHART_HEIGHT = 200        # px: the plot and its axes, without the legend
CHART_TERRITORIES = 4     # series drawn per chart in print; the dashboard shows them all
ATTENTION = 6             # actions needing attention listed on the summary page
HEATMAP_ROWS = 60         # indicators per completeness figure: one figure never spans two pages
PDF_TIMEOUT_MS = 180_000
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
    growth: str | None                   # mean annual change in the desired direction
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


def _isnum(value) -> bool:
    return charts._isnum(value)


def _text(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _colon(lang: str) -> str:
    return charts.colon(lang)


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
        scope.append(f"{t('level', lang)}{_colon(lang)} {value}")
    if filters.theme:
        value = _name_of(framework["themes"], "theme_id", filters.theme, "name", lang)
        items.append((t("theme", lang), value))
        scope.append(f"{t('theme', lang)}{_colon(lang)} {value}")
    if filters.action:
        value = f"{filters.action} · {_name_of(framework['actions'], 'action_id', filters.action, 'title', lang)}"
        items.append((t("action", lang), value))
        scope.append(f"{t('action', lang)}{_colon(lang)} {value}")
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
        scope.append(f"{t('period_range', lang)}{_colon(lang)} {value}")
    items.append((t("method", lang), t(f"method_{filters.method}", lang)))
    return " · ".join(scope), items


def _assess(framework, observations: pd.DataFrame, filters: F.Filters):
    """(observations in the filters' territories and period, assessments, action roll-up): the
    same statuses as the Strategic actions page for the same filters."""
    obs = F.in_period(F.in_territories(observations, filters), filters)
    if filters.territories or filters.period_from or filters.period_to:
        assessed = charts.fill_headlines(assess_all(obs, framework["indicators"], framework["targets"],
                                                    method=filters.method))
    else:
        assessed = assess_all(observations, framework["indicators"], framework["targets"], method=filters.method)
    return obs, assessed, rollup_actions(assessed, framework["indicators"], framework["actions"])


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
    keep = charts.chart_territories(mine, targets, framework["territories"], limit=CHART_TERRITORIES)
    fig = charts.indicator_chart(
        mine[mine["territory_id"].astype(str).isin(keep)],
        targets[targets["territory_id"].astype(str).isin(keep)],
        rows[rows["territory_id"].astype(str).isin(keep)] if len(rows) else None,
        framework["territories"], lang, ind.get("decimals"), unit_of(ind, lang), method=method,
        height=CHART_HEIGHT, compact=True)
    _print_style(fig, CHART_WIDTH, CHART_HEIGHT, font=10)
    # the legend above the plot, with room for as many rows as it takes
    top = 8 + 20 * charts.legend_rows(fig, CHART_WIDTH - 12, font=9, swatch=48)
    fig.update_layout(height=CHART_HEIGHT + top, margin=dict(l=4, r=8, t=top, b=4),
                      legend=dict(orientation="h", y=1.0, yanchor="top", yref="container", x=0, xanchor="left",
                                  font=dict(size=9), itemwidth=30, tracegroupgap=0, maxheight=1.0))
    total = mine["territory_id"].nunique()
    note = t("report_chart_limited", lang, total=total, shown=len(keep)) if total > len(keep) else None
    return fig, note


def _flags(mine: pd.DataFrame, lang: str) -> list[tuple[str, int, str]]:
    if "flag" not in mine or not len(mine):
        return []
    flagged = mine[[bool(_text(f)) for f in mine["flag"]]]
    out = []
    for code, part in flagged.groupby(flagged["flag"].astype(str).str.strip().str.lower(), sort=True):
        years = sorted({str(p)[:4] for p in part["period"]})
        span = years[0] if len(years) == 1 else (f"{years[0]}–{years[-1]}" if len(years) > 3 else ", ".join(years))
        out.append((charts.flag_word(code, lang) or code, int(len(part)), span))
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
    """The latest update in one line, as its partner wrote it (in its own language)."""
    if not update:
        return ""
    parts = [f"{update['period']} · {update['text']}"]
    for field, key in (("next_steps", "updates_next"), ("risks", "updates_risks")):
        if isinstance(update.get(field), str) and update[field].strip():
            parts.append(f"{t(key, lang)}{_colon(lang)} {update[field].strip()}")
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
            expected = (f"{charts.format_value(head['expected_value'], lang, dec, unit)} "
                        f"({head.get('latest_period')})")
        if _isnum(head.get("projected_value")):
            projected = (f"{charts.format_value(head['projected_value'], lang, dec, unit)} "
                         f"({head.get('target_period')})")
        if _isnum(head.get("growth")):
            growth = f"{i18n.number(100 * float(head['growth']), lang, 1)}\u00a0%"
    fr = fresh.get(iid, {})
    cp = comp.get(iid, {})
    return IndicatorEntry(
        indicator_id=iid, name=i18n.name(ind, "name", lang) or iid, type=_text(ind.get("type")) or None,
        unit=unit, direction=_text(ind.get("direction")) or None, status=status,
        status_text=charts.status_text(status, lang, method, has_target), has_target=has_target,
        score=row["score"] if row and _isnum(row["score"]) else None,
        reason=head.get("reason") if status == "not_assessed" else None,
        territory=row["territory"] if row else "–", latest=row["latest"] if row else "–",
        target=row["target"] if row else t("no_target", lang), milestone=row["milestone"] if row else "",
        expected=expected, projected=projected, growth=growth,
        comparability=cp.get("comparability", "unknown"), sides=list(cp.get("sides", [])),
        freshness=fr.get("state", "no_data"), latest_period=_text_or_none(fr.get("latest_period")),
        periods_behind=None if fr.get("periods_behind") is None or fr.get("periods_behind") is pd.NA
        else int(fr["periods_behind"]),
        periodicity=fr.get("periodicity", "annual"),
        owner=partner_label(fr.get("owner", ""), framework.get("partners"), lang),
        sources=_sources(ind, mine, lang), flags=_flags(mine, lang),
        note=_text(target_rows[0].get("note")) if target_rows else "",
        figure=figure, chart_note=note, empty=empty)


def _method_rows(lang: str, method: str) -> list[tuple[str, str, str]]:
    n = lambda v: i18n.number(v, lang, 2)                      # noqa: E731
    pct = lambda v: f"{i18n.number(100 * v, lang, 1)}\u00a0%"  # noqa: E731
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


def build(framework: dict[str, pd.DataFrame], observations: pd.DataFrame, filters: F.Filters,
          flows: pd.DataFrame | None = None, data_as_of: str | None = None,
          created: datetime | None = None) -> Report:
    """The report of `filters` as data. Raises ReportError when no action matches."""
    lang, method = filters.lang, filters.method
    actions = F.selected_actions(framework, filters)
    if actions.empty:
        raise ReportError(t("report_empty", lang))
    indicators = F.selected_indicators(framework, filters).sort_values(["action_id", "indicator_id"], kind="stable")
    obs, assessed, roll = _assess(framework, observations, filters)
    obs = obs[obs["indicator_id"].isin(indicators["indicator_id"])]
    scope, summary = filter_summary(framework, filters)

    per_indicator = charts.indicator_table(indicators, assessed, obs, framework["targets"],
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
                          "status_text": charts.status_text(r["status"], lang, method, True),
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
            status=status, status_text=charts.status_text(status, lang, method, True),
            score=r.get("score") if _isnum(r.get("score")) else None, lead=partner_label(action.get("lead"), framework.get("partners"), lang) or "–",
            implementation=t(f"impl_{impl}", lang) if f"impl_{impl}" in i18n.TEXTS else (impl or "–"),
            years=years, description=i18n.name(action, "description", lang), indicators=entries,
            update=_update_text(update, lang))
        sections.append(section)
        overview.append({"action_id": aid, "title": section.title, "level_id": _text(action.get("level_id")),
                         "level": section.level, "theme": section.theme,
                         "status": status, "status_text": section.status_text, "score": section.score,
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

    return Report(lang=lang, method=method, filters=filters, created=created or datetime.now(),
                  data_as_of=data_as_of, scope=scope, filter_summary=summary, figures=figures,
                  action_counts=action_counts, indicator_counts=indicator_counts, matrix=matrix,
                  attention=attention, overview=overview, sections=sections, health=health,
                  health_figures=health_figures, method_rows=_method_rows(lang, method),
                  level_rank={c: i for i, c in enumerate(O._ordered(framework["levels"], "level_id"))})


def from_store(engine, filters: F.Filters, created: datetime | None = None,
               framework: dict[str, pd.DataFrame] | None = None) -> Report:
    """The report of `filters` from a store (the command line and the benchmark)."""
    from .queries import latest_batch_time, load_flows, load_framework, load_observations

    framework = framework if framework is not None else load_framework(engine)
    as_of = latest_batch_time(engine)
    return build(framework, load_observations(engine), filters, flows=load_flows(engine),
                 data_as_of=as_of, created=created)


# ------------------------------------------------------------------ HTML

def _text_or_none(value) -> str | None:
    return None if value is None or (isinstance(value, float) and value != value) else str(value)


def e(value) -> str:
    """HTML-escaped text; a missing value (None, NaN: an indicator with no value yet) is an en dash."""
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    return html.escape(str(value))

CSS = """
@page { size: A4; margin: 14mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "Source Sans Pro", "Source Sans 3", "DejaVu Sans", "Liberation Sans", Arial,
       sans-serif; font-size: 9.2pt; line-height: 1.36; color: #1A1A1A; background: #FFFFFF; }
.sheet { width: 182mm; margin: 0 auto; }
h1, h2, h3, h4 { line-height: 1.2; margin: 0; font-weight: 700; }
h2 { font-size: 15pt; color: #1F3A5F; border-bottom: 2px solid #1F3A5F; padding-bottom: 3px; margin: 0 0 6px; }
h3 { font-size: 11pt; margin: 10px 0 4px; color: #1F3A5F; }
p { margin: 3px 0 6px; }
a { color: inherit; text-decoration: none; }
.muted { color: #555; }
.small { font-size: 8.2pt; }
.chip { display: inline-block; padding: 1px 7px; border-radius: 9px; font-weight: 700; font-size: 8.4pt;
        white-space: nowrap; }
.code { font-weight: 700; color: #1F3A5F; }
table { border-collapse: collapse; width: 100%; margin: 3px 0 6px; }
th, td { text-align: left; vertical-align: top; padding: 2.5px 5px; border-bottom: 1px solid #DDE1E6; }
th { font-size: 8.2pt; color: #444; font-weight: 700; border-bottom: 1.5px solid #9AA3AD; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; }
tr.group td { background: #F1F4F8; font-weight: 700; color: #1F3A5F; padding-top: 4px; }
.page-break { break-before: page; }
/* cover */
.cover { height: 262mm; display: flex; flex-direction: column; break-after: page; }
.cover .band { background: #1F3A5F; color: #FFFFFF; padding: 16mm 12mm 12mm; }
.cover .app { font-size: 10pt; letter-spacing: 0.04em; text-transform: uppercase; opacity: 0.85; }
.cover h1 { font-size: 28pt; margin: 8mm 0 4mm; }
.cover .strategy { font-size: 13pt; }
.cover .scope { font-size: 17pt; font-weight: 700; margin: 12mm 12mm 3mm; color: #1F3A5F; }
.cover table.filters { margin: 0 12mm; width: auto; font-size: 10.5pt; }
.cover table.filters th { font-size: 10.5pt; border: 0; color: #555; padding: 3px 14px 3px 0; font-weight: 400;
                          white-space: nowrap; }
.cover table.filters td { border: 0; padding: 3px 0; font-weight: 700; }
.cover .figures { display: flex; gap: 5mm; margin: 10mm 12mm 0; }
.cover .figure { flex: 1; border: 1px solid #C9CED6; border-radius: 4px; padding: 4mm 5mm; }
.cover .figure b { display: block; font-size: 22pt; color: #1F3A5F; }
.cover .glance { margin: 8mm 12mm 0; }
.cover .glance .stack { display: flex; height: 9mm; border-radius: 3px; overflow: hidden; margin: 2mm 0; }
.cover .glance .stack span { display: flex; align-items: center; justify-content: center; font-weight: 700;
                             font-size: 10pt; }
.cover .glance .keys { display: flex; flex-wrap: wrap; gap: 1.5mm 4mm; font-size: 8.6pt; }
.cover .dates { margin: auto 12mm 0; padding-top: 5mm; border-top: 1px solid #C9CED6; font-size: 9.5pt; }
/* summary */
.bar { height: 9px; background: #EEF0F3; border-radius: 2px; min-width: 60px; }
.bar span { display: block; height: 9px; border-radius: 2px; }
.kpis { display: flex; gap: 4mm; margin: 2mm 0 3mm; }
.kpi { flex: 1; border: 1px solid #C9CED6; border-radius: 4px; padding: 2mm 3mm; font-size: 8.6pt; }
.kpi b { display: block; font-size: 15pt; color: #1F3A5F; }
/* actions */
.keep { break-inside: avoid; }
.context-beside { font-size: 10pt; color: #555; margin: 12px 0 4px; padding-top: 6px; border-top: 1px solid #ddd; }
.action { margin-top: 6mm; }
.action-head { background: #F1F4F8; border-left: 5px solid #1F3A5F; padding: 2.5mm 4mm; margin-bottom: 2mm; }
.action-head h2 { border: 0; margin: 0 0 1.5mm; padding: 0; font-size: 13pt; }
.action-head .facts { display: flex; flex-wrap: wrap; gap: 0.5mm 5mm; font-size: 8.4pt; margin-top: 1.5mm; }
.action-head .facts b { color: #555; font-weight: 400; }
.action .description { font-size: 8.8pt; margin: 0 0 2mm; }
.indicator { border: 1px solid #D5DAE1; border-radius: 4px; padding: 2mm 2.5mm; margin: 0 0 2.5mm;
             break-inside: avoid; }
.indicator .title { display: flex; justify-content: space-between; gap: 4mm; align-items: baseline; }
.indicator h3 { margin: 0; font-size: 10pt; }
.indicator .body { display: flex; gap: 3mm; margin-top: 1mm; }
.indicator .chart { flex: 0 0 """ + str(CHART_WIDTH) + """px; }
.indicator .side { flex: 1; min-width: 0; font-size: 8pt; line-height: 1.3; }
.indicator .facts { margin: 0 0 1.5mm; padding-bottom: 1mm; border-bottom: 1px dotted #C9CED6; }
.indicator .facts div { margin-top: 1px; color: #444; }
.indicator .facts b { color: #1A1A1A; }
.indicator .foot div { margin-top: 1px; }
.indicator .foot b { font-weight: 700; color: #333; }
.indicator .foot .chip { font-size: 7.6pt; padding: 0 5px; }
.empty { background: #F4F5F7; color: #444; padding: 10mm 4mm; text-align: center; border-radius: 3px; }
.note { font-size: 7.8pt; color: #555; font-style: italic; }
.caution { color: #882255; font-weight: 700; }
.ids { font-size: 8.4pt; }
@media screen {
  body { background: #E9ECEF; }
  .sheet { background: #FFFFFF; padding: 14mm; width: 210mm; margin: 8mm auto; box-shadow: 0 1px 6px rgba(0,0,0,.2); }
  .cover { height: auto; min-height: 250mm; }
}
"""

RENDER_JS = """
(function () {
  var jobs = [];
  document.querySelectorAll('div.plot[data-fig]').forEach(function (div) {
    var spec = JSON.parse(document.getElementById(div.getAttribute('data-fig')).textContent);
    jobs.push(Plotly.newPlot(div, spec.data, spec.layout,
                             {displayModeBar: false, responsive: false, displaylogo: false}));
  });
  Promise.all(jobs).then(function () { document.body.setAttribute('data-ready', '1'); },
                         function (err) { document.body.setAttribute('data-ready', 'error'); console.error(err); });
})();
"""


class _Figures:
    """Collects figures as JSON islands; each becomes a div the script draws."""

    def __init__(self):
        self.blocks: list[str] = []

    def div(self, fig: go.Figure, css_class: str = "plot") -> str:
        n = len(self.blocks) + 1
        spec = pio.to_json(fig, validate=False)
        # JSON inside a <script> element: no "<" may close it early
        spec = spec.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        self.blocks.append(f'<script type="application/json" id="fig-{n}">{spec}</script>')
        width = fig.layout.width or PAGE_WIDTH
        height = fig.layout.height or 300
        return (f'<div class="{css_class}" data-fig="fig-{n}" id="plot-{n}" '
                f'style="width:{int(width)}px;height:{int(height)}px"></div>')


def chip(status: str, text: str) -> str:
    return (f'<span class="chip st-{e(status)}" style="background:{STATUS_COLORS.get(status, "#BBBBBB")};'
            f'color:{STATUS_TEXT_COLORS.get(status, "#1A1A1A")}">{e(text)}</span>')


def _fresh_chip(state: str, lang: str) -> str:
    colour = H.FRESHNESS_COLORS.get(state, "#BBBBBB")
    return f'<span class="chip" style="background:{colour};color:#1A1A1A">{e(H.freshness_label(state, lang))}</span>'


def _score(value, lang: str) -> str:
    return "–" if value is None or not _isnum(value) else i18n.number(float(value), lang, 1)


def long_date(value: datetime | date, lang: str) -> str:
    from babel.dates import format_date

    return format_date(value.date() if isinstance(value, datetime) else value, format="long",
                       locale=i18n.LOCALES[lang])


def _glance(r: Report) -> str:
    """The actions' statuses as one stacked bar, with its key."""
    lang, method = r.lang, r.method
    total = sum(r.action_counts.values())
    if not total:
        return ""
    spans, keys = [], []
    for s in STATUSES:
        n = r.action_counts.get(s, 0)
        if not n:
            continue
        word = f"{STATUS_ICONS[s]} {i18n.status_label(s, lang, method, True)}"
        spans.append(f'<span style="flex:{n};background:{STATUS_COLORS[s]};color:{STATUS_TEXT_COLORS[s]}">{n}</span>')
        keys.append(f"{chip(s, word)} {n}")
    return (f'<div class="glance"><b>{e(t("kpi_actions", lang))}</b><div class="stack">{"".join(spans)}</div>'
            f'<div class="keys">{"".join(f"<span>{k}</span>" for k in keys)}</div></div>')


def _cover(r: Report) -> str:
    lang = r.lang
    # the scope (level, theme, action) is the heading; the table gives the other filters
    in_heading = {t(k, lang) for k in ("report_scope", "level", "theme", "action")}
    rows = "".join(f"<tr><th>{e(label)}</th><td>{e(value)}</td></tr>" for label, value in r.filter_summary
                   if label not in in_heading)
    f = r.figures
    share = i18n.percent(f["share_on_track"], lang) if f["assessed"] else "–"
    contents = (f'<br><span class="muted small">{e(t("report_contents", lang))}</span>'
                if len(r.overview) > 1 else "")
    as_of = (f"<br>{e(t('kpi_latest', lang))}{_colon(lang)} {e(i18n.when(r.data_as_of, lang))}"
             if r.data_as_of else "")
    return f"""
<section class="cover">
  <div class="band">
    <div class="app">{e(t('app_title', lang))}</div>
    <h1>{e(r.title)}</h1>
    <div class="strategy">{e(t('strategy_name', lang))}</div>
  </div>
  <div class="scope">{e(r.scope)}</div>
  <table class="filters">{rows}</table>
  <div class="figures">
    <div class="figure"><b>{e(i18n.number(f['actions'], lang, 0))}</b>{e(t('kpi_actions', lang))}</div>
    <div class="figure"><b>{e(i18n.number(f['indicators'], lang, 0))}</b>{e(t('kpi_indicators', lang))}</div>
    <div class="figure"><b>{e(share)}</b>{e(t('kpi_on_track', lang))}
      <span class="small muted">({e(t('report_of_assessed', lang, n=f['on_track'], total=f['assessed']))})</span></div>
  </div>
  {_glance(r)}
  <div class="dates">{e(t('report_date', lang))}{_colon(lang)} <b>{e(long_date(r.created, lang))}</b>{as_of}
    {contents}</div>
</section>"""


def _count_table(r: Report) -> str:
    lang, method = r.lang, r.method
    total_a = sum(r.action_counts.values()) or 1
    total_i = sum(r.indicator_counts.values()) or 1
    rows = []
    for s in STATUSES:
        a, i = r.action_counts.get(s, 0), r.indicator_counts.get(s, 0)
        if not a and not i:
            continue
        word = f"{STATUS_ICONS[s]} {i18n.status_label(s, lang, method, True)}"
        colour = STATUS_COLORS[s]
        rows.append(
            f"<tr><td>{chip(s, word)}</td>"
            f'<td class="num">{a}</td><td><div class="bar"><span style="width:{100 * a / total_a:.0f}%;'
            f'background:{colour}"></span></div></td>'
            f'<td class="num">{i}</td><td><div class="bar"><span style="width:{100 * i / total_i:.0f}%;'
            f'background:{colour}"></span></div></td></tr>')
    return (f'<table><thead><tr><th>{e(t("status", lang))}</th><th class="num" colspan="2">'
            f'{e(t("actions", lang))}</th><th class="num" colspan="2">{e(t("report_indicators_headline", lang))}'
            f'</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def _summary(r: Report, figs: _Figures) -> str:
    lang = r.lang
    c = _colon(lang)
    parts = [f'<section class="summary"><h2>{e(t("report_summary", lang))}</h2>',
             f'<p class="muted">{e(r.scope)} · {e(t(f"method_{r.method}", lang))}</p>',
             f"<h3>{e(t('report_status_counts', lang))}</h3>", _count_table(r)]
    if r.matrix is not None:
        parts += [f"<h3>{e(t('matrix_title', lang))}</h3>", figs.div(r.matrix),
                  # the scores explained where they are shown (the dashboard's words, without Markdown)
                  f'<p class="note">{e(t("matrix_score_key", lang).replace("**", ""))}</p>']
    parts.append(f"<h3>{e(t('attention', lang))}</h3>")
    if r.attention:
        rows = "".join(
            f"<tr><td><a class=\"code\" href=\"#{e(a['action_id'])}\">{e(a['action_id'])}</a></td>"
            f"<td>{e(a['title'])}<br><span class=\"small muted\">{e(t('lead', lang))}{c} "
            f"{e(a['lead'])}</span></td><td>{chip(a['status'], a['status_text'])}</td>"
            f"<td class=\"num\">{e(_score(a['score'], lang))}</td></tr>" for a in r.attention)
        parts.append(f"<table><thead><tr><th>{e(t('action', lang))}</th><th></th><th>{e(t('status', lang))}</th>"
                     f"<th class=\"num\">{e(t('score', lang))}</th></tr></thead><tbody>{rows}</tbody></table>")
    else:
        parts.append(f"<p>{e(t('report_attention_none', lang))}</p>")
    parts.append("</section>")
    if len(r.overview) > 1:
        rows, level = [], None
        for o in sorted(r.overview, key=lambda o: (r.level_rank.get(o["level_id"], 99), o["action_id"])):
            if o["level"] != level:
                level = o["level"]
                rows.append(f'<tr class="group"><td colspan="5">{e(t("level", lang))}{c} {e(level)}</td></tr>')
            rows.append(
                f"<tr><td><a class=\"code\" href=\"#{e(o['action_id'])}\">{e(o['action_id'])}</a></td>"
                f"<td>{e(o['title'])}<br><span class=\"small muted\">{e(o['theme'])}</span></td>"
                f"<td>{chip(o['status'], o['status_text'])}</td><td class=\"num\">{e(_score(o['score'], lang))}</td>"
                f"<td class=\"num\">{e(i18n.number(o['indicators'], lang, 0))}{_context_count(o, lang)}</td></tr>")
        parts.append(
            f'<section class="page-break"><h2>{e(t("report_overview", lang))}</h2>'
            f"<table><thead><tr><th>{e(t('action', lang))}</th><th>{e(t('theme', lang))}</th>"
            f"<th>{e(t('status', lang))}</th><th class=\"num\">{e(t('score', lang))}</th>"
            f"<th class=\"num\">{e(t('indicators', lang))}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
            f'<p class="small muted">{e(t("score_help", lang))}</p></section>')
    return "".join(parts)


def _indicator_html(entry: IndicatorEntry, r: Report, figs: _Figures) -> str:
    lang = r.lang
    c = _colon(lang)
    meta = []
    if entry.type:
        meta.append(t(f"type_{entry.type}", lang) if f"type_{entry.type}" in i18n.TEXTS else entry.type)
    meta.append(f"{t('unit', lang)}{c} {entry.unit or '–'}")
    if entry.direction in ("increase", "decrease"):
        meta.append(f"{t('wanted_direction', lang)}{c} {t('direction_' + entry.direction, lang)}")
    meta.append(f"{t('headline_territory', lang)}{c} {entry.territory}")
    facts = [(t("latest_value", lang), entry.latest), (t("target", lang), entry.target)]
    if entry.milestone:
        facts.append((t("milestone", lang), entry.milestone))
    if entry.expected:
        facts.append((t("report_expected", lang), entry.expected))
    if entry.projected:
        facts.append((t("projection", lang), entry.projected))
    if entry.growth:
        facts.append((t("growth_per_year", lang), entry.growth))
    if entry.score is not None:
        facts.append((t("score", lang), f"{_score(entry.score, lang)} / 5"))
    if entry.reason:
        key = f"reason_{entry.reason}"
        facts.append((t("report_reason", lang), t(key, lang) if key in i18n.TEXTS else entry.reason))
    dl = "".join(f"<div>{e(k)}{c} <b>{e(v)}</b></div>" for k, v in facts)
    if entry.figure is not None:
        chart = figs.div(entry.figure)
        if entry.chart_note:
            chart += f'<div class="note">{e(entry.chart_note)}</div>'
    else:
        chart = f'<div class="empty">{e(entry.empty or "")}</div>'
    comp = H.comparability_label(entry.comparability, lang)
    if entry.sides:
        comp += f" ({', '.join(entry.sides)})"
    caution = ""
    if entry.comparability == "not_comparable" and {"FR", "BE"} <= set(entry.sides):
        caution = f' <span class="caution">{e(t("health_caution_not_comparable", lang))}</span>'
    behind = H.behind_text({"periods_behind": entry.periods_behind, "state": entry.freshness,
                            "periodicity": entry.periodicity}, lang)
    data_line = (f"{e(entry.latest_period or '–')} {_fresh_chip(entry.freshness, lang)}"
                 + (f" <span class=\"muted\">({e(behind)})</span>" if entry.freshness in ("due", "overdue") else ""))
    flags = ("; ".join(f"{word}{c} {n} ({years})" for word, n, years in entry.flags)
             if entry.flags else t("report_no_flags", lang))
    foot = [f"<div><b>{e(t('latest_period', lang))}</b>{c} {data_line}</div>",
            f"<div><b>{e(t('owner', lang))}</b>{c} {e(entry.owner or t('not_given', lang))}</div>",
            f"<div><b>{e(t('report_sources', lang))}</b>{c} {e(' · '.join(entry.sources) or t('not_given', lang))}"
            f"</div>",
            f"<div><b>{e(t('report_flags', lang))}</b>{c} {e(flags)}</div>",
            f"<div><b>{e(t('comparability', lang))}</b>{c} {e(comp)}{caution}</div>"]
    if entry.note:
        foot.append(f"<div><b>{e(t('note', lang))}</b>{c} {e(entry.note)}</div>")
    if entry.type == "context":
        foot.append(f'<div class="muted">{e(t("context_note", lang))}</div>')
    return f"""
<article class="indicator" id="{e(entry.indicator_id)}">
  <div class="title"><h3><span class="code">{e(entry.indicator_id)}</span> · {e(entry.name)}</h3>
    {chip(entry.status, entry.status_text)}</div>
  <div class="small muted">{e(' · '.join(meta))}</div>
  <div class="body"><div class="chart">{chart}</div>
    <div class="side"><div class="facts">{dl}</div><div class="foot">{''.join(foot)}</div></div></div>
</article>"""


def _section_html(s: ActionSection, r: Report, figs: _Figures) -> str:
    lang = r.lang
    c = _colon(lang)
    facts = [(t("level", lang), s.level), (t("theme", lang), s.theme), (t("lead", lang), s.lead),
             (t("action_status", lang), s.implementation), (t("calendar", lang), s.years)]
    facts_html = "".join(f"<span><b>{e(k)}{c}</b> {e(v)}</span>" for k, v in facts)
    score = (f' <span class="small">{e(t("score", lang))}{c} <b>{e(_score(s.score, lang))}</b> / 5</span>'
             if s.score is not None else "")
    head = f"""
  <div class="action-head">
    <h2><span class="code">{e(s.action_id)}</span> · {e(s.title)}</h2>
    <div>{chip(s.status, s.status_text)}{score}</div>
    <div class="facts">{facts_html}</div>
  </div>
  {f'<p class="description">{e(s.description)}</p>' if s.description else ''}
  {f'<p class="description"><b>{e(t("updates_latest", lang))}{c}</b> {e(s.update)}</p>' if s.update else ''}"""
    # context indicators are shown beside the action, after its own, under a heading saying they do
    # not count in its status (DESIGN.md); never among the indicators it rolls up
    cards = [_indicator_html(i, r, figs) for i in s.indicators if i.type != "context"] or \
        [f'<p class="muted">{e(t("no_indicators_action", lang))}</p>']
    context = [_indicator_html(i, r, figs) for i in s.indicators if i.type == "context"]
    if context:
        context[0] = (f'<div class="keep"><h3 class="context-beside">{e(t("context_beside", lang))}</h3>'
                      f'{context[0]}</div>')
    # the action's heading never ends a page: it stays with its first indicator
    return (f'<section class="action" id="{e(s.action_id)}"><div class="keep">{head}{cards[0]}</div>'
            f'{"".join(cards[1:] + context)}</section>')


def _context_count(o: dict, lang: str) -> str:
    """'+ 2 context' under an action's indicator count: shown, never counted."""
    if not o.get("context"):
        return ""
    return f'<br><span class="small muted">+{e(i18n.number(o["context"], lang, 0))} {e(t("context_status", lang))}</span>'



def _method_html(r: Report) -> str:
    lang = r.lang
    n = lambda v: i18n.number(v, lang, 1)  # noqa: E731
    rows = "".join(f"<tr><td>{e(a)}</td><td>{e(b)}</td><td>{e(c)}</td></tr>" for a, b, c in r.method_rows)
    hi, mid, lo = SCORE_CUTS
    return f"""
<section class="page-break method">
  <h2>{e(t('report_method_title', lang))}</h2>
  <p>{e(t('report_method_intro', lang, method=t(f'method_{r.method}', lang)))}</p>
  <table><thead><tr><th>{e(t('status', lang))}</th><th>{e(t('report_with_target', lang))}</th>
    <th>{e(t('report_without_target', lang))}</th></tr></thead><tbody>{rows}</tbody></table>
  <p>{e(t('report_method_score', lang, high=n(hi), mid=n(mid), low=n(lo)))}</p>
  <p>{e(t('report_method_charts', lang))}</p>
  <p>{e(t('context_note', lang))}</p>
  <p class="muted">{e(t('report_method_more', lang))}</p>
</section>"""


def _health_html(r: Report, figs: _Figures) -> str:
    lang = r.lang
    h = r.health
    s = h.summary()
    c = _colon(lang)
    latest = (t("health_latest_values", lang, year=s["latest_year"], n=s["latest_values"],
                expected=s["latest_expected"]) if s["latest_year"] else "–")
    share = i18n.percent(s["latest_share"], lang) if s["latest_expected"] else "–"
    kpis = [(i18n.number(s["n_overdue"] + s["n_no_data"], lang, 0), t("health_kpi_overdue", lang)),
            (i18n.number(s["n_due"], lang, 0), t("health_kpi_due", lang)),
            (share, latest),
            (i18n.number(s["n_not_comparable"], lang, 0), t("health_kpi_not_comparable", lang))]
    kpi_html = "".join(f'<div class="kpi"><b>{e(v)}</b>{e(k)}</div>' for v, k in kpis)
    names = {str(x["indicator_id"]): i18n.name(x, "name", lang) for x in h.indicators.to_dict("records")}
    fresh = {row["indicator_id"]: row for row in h.freshness.to_dict("records")}
    ask = h.to_ask()
    if len(ask):
        rows = []
        for a in ask.to_dict("records"):
            items = "<br>".join(
                f"<span class=\"code\">{e(i)}</span> {e(names.get(i, ''))} "
                f"<span class=\"muted\">({e(t('latest_period', lang).lower())}{c} "
                f"{e(fresh[i]['latest_period'] or '–')}, {e(H.behind_text(fresh[i], lang))})</span>"
                for i in a["indicator_ids"])
            rows.append(f"<tr><td><b>{e(a['owner'] or t('health_no_owner', lang))}</b></td><td>{items}</td></tr>")
        ask_html = (f"<table><thead><tr><th>{e(t('owner', lang))}</th><th>{e(t('health_to_ask_what', lang))}"
                    f"</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")
    else:
        ask_html = f"<p>{e(t('health_all_fresh', lang))}</p>"
    # comparability: one row per class, the indicators of the class that need care
    comp = h.comparability
    comp_rows = []
    for code in H.COMPARABILITY:
        part = comp[comp["comparability"] == code]
        if not len(part):
            continue
        both = part[[{"FR", "BE"} <= set(x) for x in part["sides"]]]
        if code == "harmonised":
            what = ""
        elif code == "not_comparable":
            what = (f'<span class="caution">{e(t("health_caution_not_comparable", lang))}</span><br>' if len(both)
                    else "") + "<br>".join(f"<span class=\"code\">{e(i)}</span> {e(names.get(i, ''))}"
                                           for i in part["indicator_id"])
        else:
            what = (f"{e(t('health_caution_partial', lang))}<br>" if len(both) else "") + \
                f'<span class="ids">{e(", ".join(part["indicator_id"]))}</span>'
        comp_rows.append(f"<tr><td><b>{e(H.comparability_label(code, lang))}</b></td>"
                         f'<td class="num">{len(part)}</td><td>{what}</td></tr>')
    comp_html = (f"<table><thead><tr><th>{e(t('comparability', lang))}</th><th class=\"num\">"
                 f"{e(t('indicators', lang))}</th><th></th></tr></thead><tbody>{''.join(comp_rows)}</tbody></table>")
    heat = ""
    for n, fig in enumerate(r.health_figures):
        title = (f"<h3>{e(t('health_by_year', lang))}</h3><p class=\"small muted\">"
                 f"{e(t('health_by_year_help', lang))}</p>") if n == 0 else ""
        heat += f'<div class="keep">{title}{figs.div(fig)}</div>'

    flows = ""
    if h.flow_indicators:
        flows = f'<p class="small muted">{e(t("health_flows_note", lang, ids=", ".join(sorted(h.flow_indicators))))}</p>'
    return f"""
<section class="page-break health">
  <h2>{e(t('page_health', lang))}</h2>
  <p>{e(t('health_intro', lang, period=h.reference_period or '–'))}</p>
  <div class="kpis">{kpi_html}</div>
  <h3>{e(t('health_to_ask', lang))}</h3>
  {ask_html}
  <h3>{e(t('comparability', lang))}</h3>
  {comp_html}
  {heat}
  {flows}
</section>"""


def render_html(report: Report, plotly_js: str | None = None) -> str:
    """The report as one self-contained HTML page (plotly.js inline, once)."""
    from plotly.offline import get_plotlyjs

    figs = _Figures()
    body = [_cover(report), _summary(report, figs)]
    body += [_section_html(s, report, figs) for s in report.sections]
    body += [_method_html(report), _health_html(report, figs)]
    title = f"{report.title} · {report.scope}"
    js = plotly_js if plotly_js is not None else get_plotlyjs()
    return (f'<!DOCTYPE html>\n<html lang="{e(report.lang)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{e(title)}</title><style>{CSS}</style>"
            f'<script type="text/javascript">{js}</script></head>'
            f'<body><div class="sheet">{"".join(body)}</div>{"".join(figs.blocks)}'
            f"<script>{RENDER_JS}</script></body></html>")


# ------------------------------------------------------------------ PDF

def pdf_problem() -> str | None:
    """Why a PDF cannot be produced here (None when it can): Chromium or playwright missing."""
    if not Path(CHROMIUM).exists():
        return (f"Chromium was not found at {CHROMIUM}. Install Debian's package (apt-get install chromium) "
                "or set the CHROMIUM environment variable to its path.")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "The Python package playwright is not installed (pip install -r requirements.txt)."
    return None


def _footer(report: Report) -> str:
    lang = report.lang
    left = e(f"{report.title} · {report.scope}")
    if len(left) > 110:
        left = left[:108] + "…"
    return (f'<div style="font-size:7.5pt;font-family:\'DejaVu Sans\',Arial,sans-serif;color:#555;width:100%;'
            f'margin:0 14mm;display:flex;justify-content:space-between;gap:8mm">'
            f"<span>{left}</span><span>{e(i18n.when(report.created.date(), lang))}</span>"
            f'<span style="white-space:nowrap">{e(t("report_page", lang))} <span class="pageNumber"></span> / '
            f'<span class="totalPages"></span></span></div>')


def _print(html_text: str, footer: str) -> bytes:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="report-") as tmp:
        path = Path(tmp) / "report.html"
        path.write_text(html_text, encoding="utf-8")
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                try:
                    context = browser.new_context(viewport={"width": 794, "height": 1123})
                    # nothing leaves the machine: the file and nothing else
                    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                                  else route.abort())
                    page = context.new_page()
                    page.goto(path.as_uri(), wait_until="load", timeout=PDF_TIMEOUT_MS)
                    page.wait_for_function("document.body.getAttribute('data-ready') !== null",
                                           timeout=PDF_TIMEOUT_MS)
                    if page.evaluate("document.body.getAttribute('data-ready')") != "1":
                        raise ReportError("The charts of the report could not be drawn.")
                    page.emulate_media(media="print")
                    return page.pdf(format="A4", print_background=True, display_header_footer=True,
                                    header_template="<div></div>", footer_template=footer,
                                    margin={"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
                                    prefer_css_page_size=True)
                finally:
                    browser.close()
        except PlaywrightError as exc:
            raise ReportError(f"Chromium could not print the report ({str(exc).splitlines()[0]}).") from exc


def render_pdf(report: Report, html_text: str | None = None) -> bytes:
    """The report as an A4 PDF: the HTML printed by headless Chromium.

    Playwright's synchronous API refuses to run in a thread that has an asyncio loop (a
    server's), so the printing runs in a thread of its own."""
    problem = pdf_problem()
    if problem:
        raise ReportError(problem)
    html_text = html_text if html_text is not None else render_html(report)
    footer = _footer(report)
    result: dict[str, Any] = {}

    def work():
        try:
            result["pdf"] = _print(html_text, footer)
        except BaseException as exc:  # handed to the caller's thread
            result["error"] = exc

    worker = threading.Thread(target=work, name="report-pdf", daemon=True)
    worker.start()
    worker.join()
    if "error" in result:
        error = result["error"]
        raise error if isinstance(error, ReportError) else ReportError(
            f"The PDF could not be produced ({type(error).__name__}: {error}).") from error
    return result["pdf"]


def render(report: Report, fmt: str) -> bytes:
    """The report in a format: `html` or `pdf`, as bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; expected html or pdf")
    return render_pdf(report) if fmt == "pdf" else render_html(report).encode("utf-8")


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


def write(report: Report, out: str | os.PathLike) -> Path:
    """Write the report to `out`; its extension (.pdf, .html, .htm) decides the format."""
    path = Path(out)
    suffix = path.suffix.lower()
    fmt = {".pdf": "pdf", ".html": "html", ".htm": "html"}.get(suffix)
    if fmt is None:
        raise ValueError(f"{path.name}: the report is written as .pdf or .html")
    data = render(report, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
