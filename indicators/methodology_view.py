"""The Methodology page as planners read it: a picture of each status, the docs without code names.

docs/methodology*.md stay the reference (their worked examples are tests). For the page, a status
code written as code (`on_track`) becomes the status as the dashboard shows it (▲ En bonne voie), a
worked example's fields are named in the page's language, and numbers take the page's format.
"""
from __future__ import annotations

import re
import textwrap

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from . import i18n
from .i18n import t
from .charts.look import year_step
from .progress import REASONS, STATUSES, assess
from .style import STATUS_COLORS, STATUS_ICONS

SEPARATORS = {"fr": ", ", "nl": ",.", "en": ".,"}
BASE, TARGET = (2015, 100.0), (2025, 130.0)
TITLE_CHARS = 13   # a subplot title's line after its icon: what a ~95 px panel holds at 12 px
# Yearly change of each pictured series (the target needs about +2.7 % a year); its status is computed.
PICTURED = {"achieved": 0.05, "on_track": 0.027, "acceleration_needed": 0.02, "limited_progress": 0.008,
            "deterioration": -0.015}
YEARS = list(range(2015, 2023))


def pictured_series(status: str) -> tuple[list[int], list[float]]:
    growth = PICTURED[status]
    return YEARS, [round(BASE[1] * (1 + growth) ** (y - BASE[0]), 1) for y in YEARS]


def pictured_status(status: str) -> str:
    """The status `assess` gives the pictured series (a test checks it is the one pictured)."""
    years, values = pictured_series(status)
    target = {"baseline_period": str(BASE[0]), "baseline_value": BASE[1],
              "target_period": str(TARGET[0]), "target_value": TARGET[1]}
    return assess([str(y) for y in years], values, "increase", target).status


def status_pictures(lang: str) -> go.Figure:
    """Five small charts: one series per status against the same target path (dashed)."""
    names = [f"{STATUS_ICONS[s]} {i18n.status_label(s, lang)}" for s in PICTURED]
    # a panel is ~95 px wide at a laptop's width: its title on lines of a few words, never over the next
    # one's; the icon stays with the first word
    titles = [f"{STATUS_ICONS[s]} " + "<br>".join(textwrap.wrap(i18n.status_label(s, lang), TITLE_CHARS,
                                                                 break_long_words=False)) for s in PICTURED]
    fig = make_subplots(rows=1, cols=len(PICTURED), shared_yaxes=True, subplot_titles=titles,
                        horizontal_spacing=0.02)
    for col, status in enumerate(PICTURED, start=1):
        years, values = pictured_series(status)
        fig.add_trace(go.Scatter(x=[BASE[0], TARGET[0]], y=[BASE[1], TARGET[1]], mode="lines",
                                 line=dict(color="#555555", dash="dash", width=1.5), name=t("target", lang),
                                 showlegend=False, hoverinfo="skip"), row=1, col=col)   # the caption names the dashes
        fig.add_trace(go.Scatter(x=years, y=values, mode="lines+markers", name=names[col - 1],
                                 line=dict(color=STATUS_COLORS[status], width=3), showlegend=False,
                                 hovertemplate="%{x}: %{y:,.1f}<extra></extra>"), row=1, col=col)
    # five panels side by side: as many year labels as fit one panel at a laptop's width (look.year_step)
    step = year_step(2015, 2025, cols=len(PICTURED))
    fig.update_xaxes(range=[2014, 2026], tickvals=list(range(2015, 2026, step)), automargin=True)
    fig.update_xaxes(title_text=t("period", lang), row=1, col=(len(PICTURED) + 1) // 2)   # once, in the middle
    fig.update_yaxes(title_text=t("pictured_axis", lang), row=1, col=1, tickformat=",.0f", automargin=True)
    fig.update_layout(height=340, margin=dict(l=70, r=10, t=80, b=60), separators=SEPARATORS[lang],
                      plot_bgcolor="#FFFFFF")
    for annotation in fig.layout.annotations:
        annotation.font = dict(size=12)
    return fig


_CODE_SPAN = re.compile(r"`([^`\n]+)`")
_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")


def _words(code: str, lang: str) -> str | None:
    if code in STATUSES:
        return f"{STATUS_ICONS[code]} {i18n.status_label(code, lang)}"
    if code in REASONS and f"reason_{code}" in i18n.TEXTS:
        return t(f"reason_{code}", lang)
    if code in ("increase", "decrease"):
        return t(f"direction_{code}", lang)
    return None


def planner_text(text: str, lang: str) -> str:
    """Code names out, numbers in the page's format: `on_track` → ▲ En bonne voie; in French and Dutch
    a decimal point inside a formula or an example's value becomes a comma."""
    def span(m: re.Match) -> str:
        inner = m.group(1)
        words = _words(inner.strip(), lang)
        if words:
            return f"**{words}**"
        if lang in ("fr", "nl"):
            inner = _DECIMAL_POINT.sub(",", inner)
        return f"`{inner}`"

    text = _CODE_SPAN.sub(span, text)
    # bare codes with an underscore (on_track…) are code names wherever they stand
    text = _BARE_CODE.sub(lambda m: f"**{_words(m.group(1), lang)}**", text)
    text = _WORD_CODE.sub(lambda m: f"**{_words(m.group(1), lang)}**"
                          if m.group(2).lower() == i18n.status_label(m.group(1), lang).lower() else m.group(0), text)
    # "`on_track` (en bonne voie)" read "▲ En bonne voie (en bonne voie)": the words once are enough
    return _REPEATED.sub(lambda m: m.group(1) if m.group(2).lower() == m.group(3).lower() else m.group(0), text)


_BARE_CODE = re.compile(r"(?<![\w`])\**(" + "|".join(c for c in (*STATUSES, *REASONS) if "_" in c)
                        + r")\**(?![\w`])")
_WORD_CODE = re.compile(r"(?<![\w`*])(achieved|deterioration) \(([^)]+)\)")
_REPEATED = re.compile(r"(\*\*[✔▲►▼✖–] ([^*]+)\*\*) \(([^)]+)\)")


FIELD_KEYS = ("direction", "series", "target", "method", "indicators", "status", "reason", "milestone_status",
              "base_period", "latest_period", "target_period", "score", "ratio", "cagr", "required_cagr", "growth",
              "base_value", "latest_value", "target_value", "projected_value", "expected_value")


def field_name(field: str, lang: str) -> str:
    key = f"field_{field}"
    return t(key, lang) if key in i18n.TEXTS else field
