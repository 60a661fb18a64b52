"""Countries: their names in the page's language, their order, and how charts tell them apart.

Territories and partners carry a country code (`schema.COUNTRIES`: every ISO 3166-1 alpha-2 code, and
EU for a cross-border body). Nothing here is specific to one border: a region's countries are those of
its territories. France and Belgium, the demo's two sides, keep their colours, dashes and marks
(`style.COUNTRY_COLORS`, `style.COUNTRY_DASH`) and come first; every other country takes the next look
of the palette below, in the order of `ordered`, so that a country keeps one look on every chart of a
store. A territory coded EU (or without a country) is "cross-border and other": one look of its own.
"""
from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from .schema import COUNTRIES
from .style import COUNTRY_COLORS, COUNTRY_DASH

CROSS_BORDER = "EU"           # a cross-border body (an EGTC, a Eurometropolis): no country's side
FIRST = ("FR", "BE")          # the demo's two sides: first, with the looks they always had

# The palette, in one place. Colours away from France's blue, Belgium's orange, the cross-border purple,
# the projection's grey and the target's near-black (Paul Tol's "bright" and "vibrant" schemes).
PALETTE = ("#228833", "#CC3311", "#009988", "#EE3377", "#8C564B", "#33BBEE", "#AA8800", "#5D6D7E")
# Marker shapes with all four fillings plotly draws (filled, -open, -dot, -open-dot); not the diamond
# (milestone, flagged value), the star (target) nor the triangle-up (cross-border).
SYMBOLS = ("triangle-down", "pentagon", "hexagon", "cross", "x", "triangle-left", "triangle-right", "hexagram")
# Line dashes not taken by France (solid), Belgium (dash), the cross-border bodies (dashdot), the target
# path (dot); past these, colour and marker still tell the countries apart.
DASHES = ("longdash", "longdashdot")
FIRST_SYMBOLS = {"FR": "circle", "BE": "square"}

OTHER_COLOR = "#7B3294"       # cross-border and other territories: a third hue
OTHER_DASH = "dashdot"
OTHER_SYMBOL = "triangle-up"

# Eurostat's own codes for two countries (ISO 3166-1 has GR and GB): said as a suggestion.
EUROSTAT_CODES = {"EL": "GR", "UK": "GB"}


@dataclass(frozen=True)
class Look:
    """How a country's series are drawn: colour, line dash, marker shape."""
    color: str
    dash: str
    symbol: str


OTHER_LOOK = Look(OTHER_COLOR, OTHER_DASH, OTHER_SYMBOL)


def code_of(value) -> str:
    """A country cell as a code: stripped, upper case; '' for none."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip().upper()


def is_country(code) -> bool:
    """Whether `code` is a country's (a side of the border), not a cross-border body nor unknown."""
    code = code_of(code)
    return bool(code) and code != CROSS_BORDER and code in _KNOWN


_KNOWN = frozenset(COUNTRIES)


def rank(code) -> tuple:
    """Sort key: France, Belgium, then the other countries by code, then EU, then unknown."""
    code = code_of(code)
    if code in FIRST:
        return (0, FIRST.index(code), code)
    if is_country(code):
        return (1, 0, code)
    return (2, 0 if code == CROSS_BORDER else 1, code)


def ordered(codes: Iterable) -> list[str]:
    """The distinct countries among `codes` (no EU, no empty), in `rank` order."""
    return sorted({code_of(c) for c in codes if is_country(c)}, key=rank)


def of_territories(territories) -> list[str]:
    """The countries of a framework's territories (a DataFrame with `country`), in `rank` order."""
    if territories is None or not len(territories) or "country" not in territories:
        return []
    return ordered(territories["country"].dropna().unique())


def looks(countries: Iterable) -> dict[str, Look]:
    """country → Look: France and Belgium their own, the others the palette's next, in `rank` order of
    `countries` (pass a store's countries, `of_territories`, for one look per country on every chart)."""
    out: dict[str, Look] = {}
    k = 0
    for code in ordered(countries):
        if code in FIRST:
            out[code] = Look(COUNTRY_COLORS[code], COUNTRY_DASH[code], FIRST_SYMBOLS[code])
        else:
            out[code] = Look(PALETTE[k % len(PALETTE)], DASHES[k % len(DASHES)], SYMBOLS[k % len(SYMBOLS)])
            k += 1
    return out


def look(code, countries: Iterable = ()) -> Look:
    """The look of one country among `countries` (the store's); EU and unknown: the cross-border look."""
    code = code_of(code)
    if not is_country(code):
        return OTHER_LOOK
    return looks([*countries, code])[code]


# ---------------------------------------------------------------- names

@functools.lru_cache(maxsize=8)
def _territory_names(lang: str) -> dict[str, str]:
    from babel import Locale

    from .i18n import LOCALES

    return dict(Locale.parse(LOCALES.get(lang, lang)).territories)


def name(code, lang: str) -> str:
    """The country's name in the page's language (babel, CLDR): France, Belgique, Allemagne, Suisse…;
    the interface's own words for FR and BE (`country_FR`); the code itself when babel knows none."""
    from . import i18n

    code = code_of(code)
    if not code:
        return "–"
    key = f"country_{code}"
    if key in i18n.TEXTS:
        return i18n.t(key, lang)
    return _territory_names(lang).get(code, code)


def names(codes: Iterable, lang: str) -> str:
    """Countries' names joined as a list: "France, Belgique, Luxembourg"."""
    return ", ".join(name(c, lang) for c in codes)


def babel_names(lang: str) -> dict[str, str]:
    """`country_<code>` → the name in `lang`, for every country code of the schema (and EU): the
    interface texts of the countries (indicators/texts/countries.py)."""
    table = _territory_names(lang)
    return {f"country_{code}": table.get(code, code) for code in COUNTRIES}


# ---------------------------------------------------------------- a name written for a code

# Languages whose country names a planner may write in a `country` cell: the interface's and those of
# Europe's borders. Loaded once, on the first cell to read.
NAME_LANGUAGES = ("fr", "nl", "en", "de", "lb", "it", "es", "ca", "eu", "pt", "pl", "cs", "sk", "hu", "sl",
                  "hr", "sr", "ro", "bg", "el", "da", "sv", "nb", "fi", "et", "lv", "lt", "ga")


def _folded(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii").lower()
    return "".join(ch for ch in text if ch.isalnum())


@functools.lru_cache(maxsize=1)
def _by_name() -> dict[str, str]:
    from babel import Locale
    from babel.core import get_global

    out: dict[str, str] = {}
    for alias, targets in get_global("territory_aliases").items():   # DEU, CHE, 276, UK…
        if len(targets) == 1 and targets[0] in _KNOWN:
            out.setdefault(_folded(alias), targets[0])
    for lang in NAME_LANGUAGES:
        try:
            territories = Locale.parse(lang).territories
        except Exception:   # a language this babel does not carry
            continue
        for code, text in territories.items():
            if code in _KNOWN:
                out.setdefault(_folded(text), code)
    for written, code in EUROSTAT_CODES.items():
        out[_folded(written)] = code
    return out


def code_for(text) -> str | None:
    """The country code a cell most likely means, or None: `ch` → CH, `Suisse`, `Zwitserland`,
    `Switzerland`, `Schweiz` → CH, `Deutschland` → DE, `DEU` → DE, Eurostat's `EL` → GR. A cell that is
    already a code gives that code."""
    written = str(text or "").strip()
    if not written:
        return None
    if written.upper() in _KNOWN:
        return written.upper()
    return _by_name().get(_folded(written))


# ---------------------------------------------------------------- the sides a chart draws

@dataclass(frozen=True)
class Sides:
    """How an indicator's territories split into panels: `drawn`, each country with values → its
    territories (in `rank` order: France, Belgium, then the others by code); `others`, the
    territories of no country's side (coded EU, or without a country: the "cross-border and other"
    group); `missing`, the region's countries (its territories') with no value here."""
    drawn: dict[str, list[str]]
    others: list[str]
    missing: list[str]

    @property
    def countries(self) -> list[str]:
        return list(self.drawn)


def sides_of(territory_ids, territories) -> Sides:
    """The panels of a chart by side, derived from the countries of the territories with values
    (`territory_ids`): one per country with values, none for a country without any; a territory coded EU
    or without a country goes with the cross-border and other territories."""
    from .wording import side_of

    side = side_of([str(x) for x in dict.fromkeys(territory_ids)], territories)
    drawn: dict[str, list[str]] = {}
    for code in ordered(side.values()):
        drawn[code] = [tid for tid, c in side.items() if code_of(c) == code]
    others = [tid for tid, c in side.items() if not is_country(c)]
    missing = [c for c in of_territories(territories) if c not in drawn]
    return Sides(drawn, others, missing)


def side_looks(territories, lang: str, territory_ids=None) -> list[dict]:
    """How the charts draw each side, for a text that describes them (the committee report's method):
    one entry per country with values among `territory_ids` (every territory of `territories` when None),
    then one for the cross-border and other territories when there are some; each {"country" (code, or
    None for the cross-border group), "name", "color", "dash", "symbol", "text"}, e.g. text "France :
    trait plein et ronds", "Allemagne : longs tirets et triangles pointe en bas"."""
    from . import i18n
    from .i18n import t

    if territory_ids is None:
        territory_ids = territories["territory_id"].astype(str).tolist() if territories is not None else []

    sides = sides_of(territory_ids, territories)
    region = of_territories(territories)
    entries = [(code, name(code, lang), look(code, region)) for code in sides.drawn]
    if sides.others:
        entries.append((None, t("other_territories", lang), OTHER_LOOK))
    out = []
    for code, said, drawn in entries:
        words = t("look_line_and_marker", lang, line=t(f"look_line_{drawn.dash}", lang),
                  marker=t(f"look_marker_{drawn.symbol.replace('-', '_')}", lang))
        out.append({"country": code, "name": said, "color": drawn.color, "dash": drawn.dash,
                    "symbol": drawn.symbol, "text": f"{said}{i18n.colon(lang)} {words}"})
    return out


def side_looks_text(territories, lang: str, territory_ids=None) -> str:
    """`side_looks` as one phrase: "France : trait plein et ronds ; Belgique : tirets et carrés"."""
    semicolon = "\u202f; " if lang == "fr" else "; "      # French puts a thin space before it, as before ":"
    return semicolon.join(e["text"] for e in side_looks(territories, lang, territory_ids))
