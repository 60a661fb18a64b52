"""The report as one self-contained HTML page that opens offline.

plotly.js is embedded once, inline, and each figure is a div drawn from its JSON. Every text that
comes from the data (names, notes, sources, leads) is escaped: nothing from the store is ever
written as raw HTML.
"""
from __future__ import annotations

import html
from datetime import date, datetime

import plotly.graph_objects as go
import plotly.io as pio

from .. import health as H, i18n
from ..i18n import t
from ..progress import SCORE_CUTS, STATUSES
from ..style import STATUS_COLORS, STATUS_ICONS, STATUS_TEXT_COLORS
from .content import CHART_WIDTH, PAGE_WIDTH, ActionSection, IndicatorEntry, Report, _isnum

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
/* The map's place names: a white outline under the letters. plotly's text shadow is lost when
   Chromium prints to PDF (names over dark classes were unreadable); an SVG stroke is kept. */
.report-map .textpoint text { paint-order: stroke; stroke: #FFFFFF; stroke-width: 3px;
  stroke-linejoin: round; }
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
.indicator .title .status { text-align: right; flex: 0 0 auto; }
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


def _caution_html(caution: str | None, lang: str) -> str:
    """A comparability caution as the pages say it: the alarm in the caution colour, a quiet note plain."""
    if not caution:
        return ""
    return f'<span class="caution">{e(t(caution, lang))}</span>' if H.is_alarm(caution) else e(t(caution, lang))


def _score(value, lang: str) -> str:
    """Written as on the pages: never across a status cut (overview.score_text)."""
    from ..overview import score_text

    return "–" if value is None or not _isnum(value) else score_text(float(value), lang)


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
    as_of = (f"<br>{e(t('kpi_latest', lang))}{i18n.colon(lang)} {e(i18n.when(r.data_as_of, lang))}"
             if r.data_as_of else "")
    return f"""
<section class="cover">
  <div class="band">
    <div class="app">{e(t('app_title', lang))}</div>
    <h1>{e(r.title)}</h1>
    <div class="strategy">{e(r.strategy_name)}</div>
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
  <div class="dates">{e(t('report_date', lang))}{i18n.colon(lang)} <b>{e(long_date(r.created, lang))}</b>{as_of}
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
    c = i18n.colon(lang)
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
    parts.append(_revisions_html(r))
    parts.append("</section>")
    if r.map is not None:
        parts.append(f'<section class="page-break report-map"><h2>{e(t("report_map_title", lang, name=r.map.title))}</h2>'
                     f'{figs.div(r.map.figure)}<p class="note">{e(r.map.note)}</p></section>')
    if len(r.overview) > 1:
        rows, level = [], None
        for o in sorted(r.overview, key=lambda o: (r.level_rank.get(o["level_id"], 99), o["action_id"])):
            if o["level"] != level:
                level = o["level"]
                rows.append(f'<tr class="group"><td colspan="5">{e(t("level", lang))}{c} {e(level)}</td></tr>')
            rows.append(
                f"<tr><td><a class=\"code\" href=\"#{e(o['action_id'])}\">{e(o['action_id'])}</a></td>"
                f"<td>{e(o['title'])}<br><span class=\"small muted\">{e(o['theme'])}</span></td>"
                f"<td>{chip(o['status'], o['status_text'])}{_reason_line(o, lang)}</td>"
                f"<td class=\"num\">{e(_score(o['score'], lang))}</td>"
                f"<td class=\"num\">{e(i18n.number(o['indicators'], lang, 0))}{_context_count(o, lang)}</td></tr>")
        parts.append(
            f'<section class="page-break"><h2>{e(t("report_overview", lang))}</h2>'
            f"<table><thead><tr><th>{e(t('action', lang))}</th><th>{e(t('theme', lang))}</th>"
            f"<th>{e(t('status', lang))}</th><th class=\"num\">{e(t('score', lang))}</th>"
            f"<th class=\"num\">{e(t('indicators', lang))}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
            f'<p class="small muted">{e(t("score_help", lang))}</p></section>')
    return "".join(parts)


def _revisions_html(r: Report) -> str:
    """The targets revised since the last report (a year by default): what changed, when, why."""
    if r.revisions_since is None:
        return ""
    lang = r.lang
    day = long_date(r.revisions_since, lang)
    head = f"<h3>{e(t('report_revisions', lang, day=day))}</h3>"
    if not r.revisions:
        return head + f"<p>{e(t('report_revisions_none', lang, day=day))}</p>"
    columns = t("report_revision_columns", lang).split("|")
    rows = "".join(
        f"<tr><td><a class='code' href='#{e(v['indicator_id'])}'>{e(v['indicator_id'])}</a> {e(v['indicator'])}</td>"
        f"<td>{e(v['territory'])}</td><td>{e(v['decided_on'])}</td><td>{e(v['new'])}</td>"
        f"<td>{e(v['previous'])}</td><td>{e(v['reason'] or '–')}</td></tr>" for v in r.revisions)
    return (head + '<table class="revisions"><thead><tr>' + "".join(f"<th>{e(c)}</th>" for c in columns)
            + f"</tr></thead><tbody>{rows}</tbody></table>")


def _indicator_html(entry: IndicatorEntry, r: Report, figs: _Figures) -> str:
    lang = r.lang
    c = i18n.colon(lang)
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
    caution = _caution_html(entry.caution, lang)
    caution = f" {caution}" if caution else ""
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
    for text in entry.revisions:
        foot.append(f'<div class="revision">{e(text)}</div>')
    if entry.type == "context":
        foot.append(f'<div class="muted">{e(t("context_note", lang))}</div>')
    since = f'<div class="small muted since-break">{e(entry.since_break)}</div>' if entry.since_break else ""
    return f"""
<article class="indicator" id="{e(entry.indicator_id)}">
  <div class="title"><h3><span class="code">{e(entry.indicator_id)}</span> · {e(entry.name)}</h3>
    <div class="status">{chip(entry.status, entry.status_text)}{since}</div></div>
  <div class="small muted">{e(' · '.join(meta))}</div>
  <div class="body"><div class="chart">{chart}</div>
    <div class="side"><div class="facts">{dl}</div><div class="foot">{''.join(foot)}</div></div></div>
</article>"""


def _section_html(s: ActionSection, r: Report, figs: _Figures) -> str:
    lang = r.lang
    c = i18n.colon(lang)
    facts = [(t("level", lang), s.level), (t("theme", lang), s.theme), (t("lead", lang), s.lead),
             (t("action_status", lang), s.implementation), (t("calendar", lang), s.years)]
    facts_html = "".join(f"<span><b>{e(k)}{c}</b> {e(v)}</span>" for k, v in facts)
    score = (f' <span class="small">{e(t("score", lang))}{c} <b>{e(_score(s.score, lang))}</b> / 5</span>'
             if s.score is not None else "")
    if s.reason:     # why it is not assessed, in the Actions page's words (progress JSON's `reason`)
        score += f' <span class="small muted reason"><i>{e(_reason(s.reason, lang))}</i></span>'
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
    # an action with only context indicators has indicators: it is not assessed, and says why (it was told to
    # "add some from the Data page" above the two it had)
    empty = (f"{i18n.status_label('not_assessed', lang)}{c} {_reason('only_context_indicators', lang)}."
             if any(i.type == "context" for i in s.indicators) else t("no_indicators_action", lang))
    cards = [_indicator_html(i, r, figs) for i in s.indicators if i.type != "context"] or \
        [f'<p class="muted no-own-indicator">{e(empty)}</p>']
    context = [_indicator_html(i, r, figs) for i in s.indicators if i.type == "context"]
    if context:
        context[0] = (f'<div class="keep"><h3 class="context-beside">{e(t("context_beside", lang))}</h3>'
                      f'{context[0]}</div>')
    # the action's heading never ends a page: it stays with its first indicator
    return (f'<section class="action" id="{e(s.action_id)}"><div class="keep">{head}{cards[0]}</div>'
            f'{"".join(cards[1:] + context)}</section>')


def _reason(reason: str, lang: str) -> str:
    key = f"reason_{reason}"
    return t(key, lang) if key in i18n.TEXTS else reason


def _reason_line(o: dict, lang: str) -> str:
    """Why an action is not assessed, under its status (the Actions page's note column)."""
    if not o.get("reason"):
        return ""
    return f'<br><span class="small muted">{e(_reason(o["reason"], lang))}</span>'


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
    sides = r.chart_sides      # what the report's own charts draw, country by country (chart_key)
    return f"""
<section class="page-break method">
  <h2>{e(t('report_method_title', lang))}</h2>
  <p>{e(t('report_method_intro', lang, method=t(f'method_{r.method}', lang)))}</p>
  <table><thead><tr><th>{e(t('status', lang))}</th><th>{e(t('report_with_target', lang))}</th>
    <th>{e(t('report_without_target', lang))}</th></tr></thead><tbody>{rows}</tbody></table>
  <p>{e(t('report_method_score', lang, high=n(hi), mid=n(mid), low=n(lo)))}</p>
  <p>{e(t('report_method_charts', lang, sides=f" ({sides})" if sides else ""))}</p>
  <p>{e(t('context_note', lang))}</p>
  <p class="muted">{e(t('report_method_more', lang))}</p>
</section>"""


def _health_html(r: Report, figs: _Figures) -> str:
    lang = r.lang
    h = r.health
    s = h.summary()
    c = i18n.colon(lang)
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
        # one code, one caution (health.CAUTIONS), said when one of the class has values on both sides
        caution = _caution_html(next(iter(part["caution"].dropna()), None), lang)
        if code == "harmonised":
            what = ""
        elif code == "not_comparable":
            what = (f"{caution}<br>" if caution else "") + "<br>".join(
                f"<span class=\"code\">{e(i)}</span> {e(names.get(i, ''))}" for i in part["indicator_id"])
        else:
            what = (f"{caution}<br>" if caution else "") + \
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


