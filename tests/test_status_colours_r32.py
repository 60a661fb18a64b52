"""One status = one word, one symbol, one colour on every page (tester V, stop 32, finding 1).

The Overview's "look at first" list and the action detail's badges drew Streamlit's named badge colours
(blue, orange, red, violet), while the matrix, the bars and the tables drew the palette: "on track" was
teal in a table and blue in the badge right under it. Each surface's engine function is asked here for
each status's colour, and all must give the palette's (indicators/style.py), with the text colour a
Streamlit table pill writes on it; the palette is readable (contrast) and colour-blind safe.
"""
from __future__ import annotations

import itertools
import math
import re

import pandas as pd
import pytest

from indicators import i18n, map_classes, style
from indicators import overview as O
from indicators.report import as_html
from indicators.style import STATUS_COLORS, STATUS_ICONS, STATUS_ORDER, STATUS_TEXT_COLORS

from .conftest import open_page


LANGS = ("fr", "nl", "en")
CHIP = re.compile(r':color\[(?P<text>(?:\\.|[^\]\\])*)\]\{foreground="(?P<fg>#[0-9A-Fa-f]{6})" '
                  r'background="(?P<bg>#[0-9A-Fa-f]{6})"\}')


def _streamlit_pill_text(fill: str) -> str:
    """The text colour Streamlit's data grid writes on a pill: black above a relative luminance of 0.5."""
    return "#1A1A1A" if style.relative_luminance(fill) > 0.5 else "#FFFFFF"


def _contrast(one: str, other: str) -> float:
    a, b = sorted((style.relative_luminance(one), style.relative_luminance(other)))
    return (b + 0.05) / (a + 0.05)


def _label(status: str, lang: str) -> str:
    return f"{STATUS_ICONS[status]} {i18n.status_label(status, lang)}"


def _matrix(lang: str) -> dict[str, tuple[str, str]]:
    """status -> (fill, text colour) of the Overview matrix's squares."""
    levels = pd.DataFrame({"level_id": ["L1"], "name_fr": ["Niveau"], "order": [1]})
    themes = pd.DataFrame({"theme_id": [f"T{i}" for i in range(len(STATUS_ORDER))],
                           "name_fr": [f"Thème {i}" for i in range(len(STATUS_ORDER))],
                           "order": list(range(len(STATUS_ORDER)))})
    cells = pd.DataFrame([{"level_id": "L1", "theme_id": f"T{i}", "status": s, "score": 1.0, "n_actions": 1}
                          for i, s in enumerate(STATUS_ORDER)])
    fig = O.matrix_figure(cells, levels, themes, lang)
    by_name = {trace.name: trace for trace in fig.data}
    return {s: (by_name[_label(s, lang)].marker.color, by_name[_label(s, lang)].textfont.color) for s in STATUS_ORDER}


def _bars(lang: str) -> dict[str, tuple[str, str]]:
    """status -> (fill, text colour) of the Overview's status bars."""
    groups = pd.DataFrame([{"theme_id": "T1", **{f"n_{s}": 1 for s in STATUS_ORDER}, "n_actions": len(STATUS_ORDER)}])
    fig = O.status_bars_figure(groups, "theme_id", {"T1": "Thème"}, lang)
    by_name = {trace.name: trace for trace in fig.data}
    return {s: (by_name[_label(s, lang)].marker.color, by_name[_label(s, lang)].textfont.color) for s in STATUS_ORDER}


def _pills(lang: str) -> dict[str, tuple[str, str]]:
    """status -> (fill, text colour) of the Strategic actions tables' pills (Streamlit writes the text)."""
    from pages import actions

    texts = pd.Series([_label(s, lang) for s in STATUS_ORDER])
    _, column = actions._status_pills(texts, pd.Series(STATUS_ORDER), "Status")
    fills = {o["value"]: o["color"] for o in column["type_config"]["options"]}
    return {s: (fills[_label(s, lang)], _streamlit_pill_text(fills[_label(s, lang)])) for s in STATUS_ORDER}


def _badges(lang: str) -> dict[str, tuple[str, str]]:
    """status -> (background, text colour) of the Markdown badge the Overview's list, the action detail and
    the Explorer draw."""
    from pages import widgets

    badge = getattr(style, "status_badge", None) or widgets.status_badge   # the pages' one badge function
    out = {}
    for s in STATUS_ORDER:
        found = CHIP.search(badge(s, lang))
        assert found, badge(s, lang)
        assert found["text"].replace("\u00a0", " ") == _label(s, lang)
        out[s] = (found["bg"], found["fg"])
    return out


def _report(lang: str) -> dict[str, tuple[str, str]]:
    """status -> (background, text colour) of the committee report's chips."""
    out = {}
    for s in STATUS_ORDER:
        html = as_html.chip(s, _label(s, lang))
        out[s] = (re.search(r"background:(#\w{6})", html)[1], re.search(r"[;\"]color:(#\w{6})", html)[1])
    return out


def _map(lang: str) -> dict[str, tuple[str, str]]:
    """status -> (fill, text colour) of the map's status legend (its text colour: the palette's)."""
    rows = {r["label"]: r["color"] for r in map_classes.status_legend(list(STATUS_ORDER), lang)}
    return {s: (rows[_label(s, lang)], STATUS_TEXT_COLORS[s]) for s in STATUS_ORDER}


SURFACES = {"matrix": _matrix, "bars": _bars, "tables": _pills, "badges": _badges, "report": _report, "map": _map}


@pytest.mark.parametrize("lang", LANGS)
def test_every_surface_draws_each_status_in_one_colour(lang):
    seen = {name: surface(lang) for name, surface in SURFACES.items()}
    for status in STATUS_ORDER:
        colours = {name: tuple(c.upper() for c in got[status]) for name, got in seen.items()}
        assert set(colours.values()) == {(STATUS_COLORS[status].upper(), STATUS_TEXT_COLORS[status].upper())}, \
            (status, colours)


def test_each_status_colour_is_one_a_table_pill_writes_readable_text_on():
    """Streamlit picks a pill's text colour by the fill's luminance: the palette's text colour is that one,
    and it reads at 4.5:1 at least (WCAG AA for the pills' small text)."""
    for status, fill in STATUS_COLORS.items():
        assert style.pill_text_colour(fill) == _streamlit_pill_text(fill) == STATUS_TEXT_COLORS[status], status
        assert _contrast(fill, STATUS_TEXT_COLORS[status]) >= 4.5, (status, fill)


# Machado, Oliveira and Fernandes (2009), full severity, on linear RGB.
CVD = {"normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
       "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                      (-0.003882, -0.048116, 1.051998)),
       "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                        (-0.011820, 0.042940, 0.968881)),
       "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                      (0.004733, 0.691367, 0.303900))}


def _lab(hex_colour: str, matrix) -> tuple[float, float, float]:
    def linear(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    rgb = [linear(v) for v in style.rgb(hex_colour)]
    r, g, b = (min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb)))) for row in matrix)
    x, y, z = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, \
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


@pytest.mark.parametrize("vision", list(CVD))
def test_the_statuses_stay_apart_for_colour_blind_readers(vision):
    """No two statuses closer than ΔE 15 (CIE76), for normal vision and each full dichromacy: the lightened
    pills of before (teal, pink and grey) were 2 to 5 apart under protanopia."""
    lab = {s: _lab(c, CVD[vision]) for s, c in STATUS_COLORS.items()}
    closest = min((math.dist(lab[a], lab[b]), a, b) for a, b in itertools.combinations(STATUS_ORDER, 2))
    assert closest[0] >= 15, closest


def _chips(markdown: str) -> list[tuple[str, str, str]]:
    return [(m["text"], m["bg"].upper(), m["fg"].upper()) for m in CHIP.finditer(markdown)]


def _status_of(text: str, lang: str) -> str:
    for s in STATUS_ORDER:
        if text.replace("\\", "").replace("\u00a0", " ") == _label(s, lang):
            return s
    raise AssertionError(text)


@pytest.mark.parametrize("lang", LANGS)
def test_the_overview_list_and_the_action_detail_draw_the_palette(demo_url, lang):
    """In the running pages: the Overview's "look at first" list and the Strategic actions page's detail
    badges (the action's and each indicator's) are chips of the palette, never a Streamlit badge colour."""
    overview = open_page("pages/overview.py", {"lang": lang})
    attention = [m.value for m in overview.markdown if t_attention(lang, m.value)]
    assert attention, "no attention table"
    chips = _chips(attention[0])
    assert len(chips) >= 3, attention[0]
    for text, bg, fg in chips:
        s = _status_of(text, lang)
        assert (bg, fg) == (STATUS_COLORS[s].upper(), STATUS_TEXT_COLORS[s].upper()), (text, bg, fg)
    assert "-badge[" not in attention[0]

    actions = open_page("pages/actions.py", {"lang": lang})
    badges = [m.value for m in actions.markdown if CHIP.search(m.value)]
    assert len(badges) >= 2          # the action's badge and its first indicator's
    for value in badges:
        for text, bg, fg in _chips(value):
            s = _status_of(text, lang)
            assert (bg, fg) == (STATUS_COLORS[s].upper(), STATUS_TEXT_COLORS[s].upper()), (text, bg)
    assert not any(re.search(r":\w+-badge\[[►▲▼✖✔–]", m.value) for m in actions.markdown)


def t_attention(lang: str, markdown: str) -> bool:
    """The Overview's attention table: a Markdown table with a status header and chips."""
    return markdown.lstrip().startswith("|") and f"| {i18n.t('status', lang)} |" in markdown
