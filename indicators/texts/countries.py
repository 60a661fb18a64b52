"""Countries' names (`country_<code>`) for every code a territory or partner may carry, derived from babel
(CLDR) in each language, not written by hand: France and Belgium keep theirs (common.py). EU, a
cross-border body, is said as such. Also the words that describe how a chart draws each country."""
from __future__ import annotations

from ..countries import babel_names
from .common import TEXTS as _COMMON

_NAMES = {lang: babel_names(lang) for lang in ("fr", "nl", "en")}

TEXTS = {
    key: {lang: _NAMES[lang][key] for lang in ("fr", "nl", "en")}
    for key in _NAMES["fr"] if key not in _COMMON and key != "country_EU"
}

TEXTS.update({
    # a territory coded EU: a cross-border body (an EGTC, the Eurometropolis), no country's side
    "country_EU": {"fr": "Transfrontalier", "nl": "Grensoverschrijdend", "en": "Cross-border"},
    # the Actions page's charts of an indicator wait in an expander titled with the countries drawn
    "indicator_charts_of": {"fr": "Graphiques de l'indicateur ({countries})",
                            "nl": "Grafieken van de indicator ({countries})",
                            "en": "Charts of the indicator ({countries})"},
    "indicator_charts_cross_border": {"fr": "Graphiques de l'indicateur (territoires transfrontaliers)",
                                      "nl": "Grafieken van de indicator (grensoverschrijdende gebieden)",
                                      "en": "Charts of the indicator (cross-border territories)"},
    "no_data_sides": {"fr": "Pas de valeur pour {sides} avec ces filtres.",
                      "nl": "Geen waarde voor {sides} met deze filters.",
                      "en": "No value for {sides} with these filters."},
    # how a chart draws each country's series (charts.side_looks): "France : trait plein et ronds"
    "look_line_and_marker": {"fr": "{line} et {marker}", "nl": "{line} en {marker}", "en": "{line} and {marker}"},
    "look_line_solid": {"fr": "trait plein", "nl": "volle lijn", "en": "solid line"},
    "look_line_dash": {"fr": "tirets", "nl": "streepjes", "en": "dashes"},
    "look_line_dashdot": {"fr": "tirets-points", "nl": "streep-stip", "en": "dash-dots"},
    "look_line_longdash": {"fr": "longs tirets", "nl": "lange streepjes", "en": "long dashes"},
    "look_line_longdashdot": {"fr": "longs tirets-points", "nl": "lange streep-stip", "en": "long dash-dots"},
    "look_marker_circle": {"fr": "ronds", "nl": "cirkels", "en": "circles"},
    "look_marker_square": {"fr": "carrés", "nl": "vierkanten", "en": "squares"},
    "look_marker_triangle_up": {"fr": "triangles", "nl": "driehoeken", "en": "triangles"},
    "look_marker_triangle_down": {"fr": "triangles pointe en bas", "nl": "omgekeerde driehoeken",
                                  "en": "downward triangles"},
    "look_marker_pentagon": {"fr": "pentagones", "nl": "vijfhoeken", "en": "pentagons"},
    "look_marker_hexagon": {"fr": "hexagones", "nl": "zeshoeken", "en": "hexagons"},
    "look_marker_cross": {"fr": "croix", "nl": "kruisjes", "en": "crosses"},
    "look_marker_x": {"fr": "croix en X", "nl": "x-tekens", "en": "x marks"},
    "look_marker_triangle_left": {"fr": "triangles pointe à gauche", "nl": "driehoeken naar links",
                                  "en": "left-pointing triangles"},
    "look_marker_triangle_right": {"fr": "triangles pointe à droite", "nl": "driehoeken naar rechts",
                                   "en": "right-pointing triangles"},
    "look_marker_hexagram": {"fr": "étoiles à six branches", "nl": "zespuntige sterren", "en": "six-pointed stars"},
})
