"""Units as each language writes them (DESIGN.md: `unit_fr/nl/en`, else the product's own list).

An indicator's `unit` is its code-like unit (`persons`, `%`, `km`…). For display the indicator's own
`unit_<lang>` wins; else a unit of the list below is translated; else the unit is shown as written.
"""
from __future__ import annotations

import math
import re
from typing import Any, Mapping

# The product's list of known units: {unit as written in files: {lang: as shown}}.
KNOWN: dict[str, dict[str, str]] = {
    "%": {"fr": "%", "nl": "%", "en": "%"},
    "km": {"fr": "km", "nl": "km", "en": "km"},
    "ha": {"fr": "ha", "nl": "ha", "en": "ha"},
    "eur": {"fr": "EUR", "nl": "EUR", "en": "EUR"},
    "t co2e": {"fr": "t CO2e", "nl": "t CO2e", "en": "t CO2e"},
    "µg/m³": {"fr": "µg/m³", "nl": "µg/m³", "en": "µg/m³"},
    "persons": {"fr": "personnes", "nl": "personen", "en": "persons"},
    "people": {"fr": "personnes", "nl": "personen", "en": "people"},
    "inhabitants": {"fr": "habitants", "nl": "inwoners", "en": "inhabitants"},
    "minutes": {"fr": "minutes", "nl": "minuten", "en": "minutes"},
    "years": {"fr": "ans", "nl": "jaar", "en": "years"},
    "days": {"fr": "jours", "nl": "dagen", "en": "days"},
    "jobs": {"fr": "emplois", "nl": "banen", "en": "jobs"},
    "companies": {"fr": "entreprises", "nl": "bedrijven", "en": "companies"},
    "projects": {"fr": "projets", "nl": "projecten", "en": "projects"},
    "events": {"fr": "événements", "nl": "evenementen", "en": "events"},
    "participants": {"fr": "participants", "nl": "deelnemers", "en": "participants"},
    "passengers": {"fr": "voyageurs", "nl": "reizigers", "en": "passengers"},
    "visitors": {"fr": "visiteurs", "nl": "bezoekers", "en": "visitors"},
    "students": {"fr": "étudiants", "nl": "studenten", "en": "students"},
    "pupils": {"fr": "élèves", "nl": "leerlingen", "en": "pupils"},
    "organisations": {"fr": "organisations", "nl": "organisaties", "en": "organisations"},
    "stations": {"fr": "stations", "nl": "stations", "en": "stations"},
    "eur/inhabitant": {"fr": "EUR/habitant", "nl": "EUR/inwoner", "en": "EUR/inhabitant"},
    "t co2e/inhabitant": {"fr": "t CO2e/habitant", "nl": "t CO2e/inwoner", "en": "t CO2e/inhabitant"},
    "m²/inhabitant": {"fr": "m²/habitant", "nl": "m²/inwoner", "en": "m²/inhabitant"},
}


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


# The words a unit may start with to be a percentage, in English, French and Dutch (`per cent`, `pour-cent`
# are read as one word first). `‰` is not one (per mille), nor is a percentage *point* (a difference).
PERCENT_WORDS = frozenset({"percent", "percents", "pct", "pct.", "percentage", "percentages", "pourcent",
                           "pourcents", "pourcentage", "pourcentages", "procent", "procenten"})
_TWO_WORDS = re.compile(r"\b(per|pour)[\s\-\u00a0]+(cent)\b")
_FIRST_WORD = re.compile(r"([^\W\d_]+\.?)")
_POINTS = re.compile(r"[\s\-\u00a0]*(points?\b|pts?\b|pp\b|punt)")


def is_percent(unit: Any) -> bool:
    """A share of a whole: its values lie between 0 and 100 (checked on import, capped on charts). The one
    rule every check uses: a unit that starts with `%` (`%`, `% des actifs`, `% of residents`) or whose first
    word is a percent word (`percent`, `per cent`, `per-cent`, `pct`, `percentage`, `pourcent`,
    `pourcentage`, `procent`…, any case), unless it is a percentage point (`% points`, `percentage points`:
    a difference, which may be negative). `‰` is not a percentage."""
    text = _TWO_WORDS.sub(r"\1\2", str(unit or "").strip().lower())
    if text.startswith("%"):
        rest = text[1:]
    else:
        first = _FIRST_WORD.match(text)
        if not first or first.group(1) not in PERCENT_WORDS:
            return False
        rest = text[first.end():]
    return not _POINTS.match(rest)


def unit_of(indicator: Mapping[str, Any], lang: str) -> str:
    """The indicator's unit in `lang`: its `unit_<lang>`, else the product's translation, else as written."""
    own = _text(indicator.get(f"unit_{lang}"))
    if own:
        return own
    unit = _text(indicator.get("unit"))
    return KNOWN.get(unit.lower(), {}).get(lang, unit)


# Signs and words a planner writes beside a number, as the unit they stand for: `12,5 %` is read for an
# indicator in %, `1 234 €` for one in EUR (indicators/parsing.py); a word of the list above stands for itself.
SIGNS = {"%": "%", "\u2030": "\u2030", "\u20ac": "eur", "eur": "eur", "euro": "eur", "euros": "eur",
         "$": "usd", "usd": "usd", "\u00a3": "gbp", "gbp": "gbp"}


def sign_unit(sign: Any) -> str | None:
    """The unit a sign or word written beside a number stands for (`€` → `eur`), None if it is none."""
    text = str(sign or "").strip().lower()
    if text in SIGNS:
        return SIGNS[text]
    return text if text in KNOWN and " " not in text else None


def sign_matches(sign: Any, unit: Any) -> bool:
    """Whether a number written with `sign` is in `unit`: `%` for a percentage, `€` for EUR or for
    EUR/inhabitant (the unit's first part), `km` for km."""
    said = sign_unit(sign)
    own = str(unit or "").strip().lower()
    if said is None or not own:
        return False
    if is_percent(own):
        return said == "%"
    head = own.split("/")[0].strip()
    return said in (sign_unit(own) or own, sign_unit(head) or head)


def _said(text: Any) -> str:
    """A unit as compared: case and spacing aside (`EUR / habitant` is `eur/habitant`)."""
    return re.sub(r"\s*/\s*", "/", " ".join(_text(text).casefold().split()))


def same_unit(written: Any, unit: Any, spellings: tuple = ()) -> bool:
    """Whether a unit written in a row (an observations file's `unit` column) is the indicator's `unit`, in
    any spelling the product accepts: as written in the indicator (case and spacing aside), its `unit_fr/nl/en`
    (`spellings`), the product's translation of a unit of its list (`personnes` for `persons`), the same sign
    (`€` for `EUR`), or a percentage for a percentage (`per cent` for `%`). An empty cell says nothing."""
    said, own = _said(written), _said(unit)
    if not said or not own:
        return True
    known = KNOWN.get(own, {}).values()
    if said in {own, *map(_said, spellings), *map(_said, known)}:
        return True
    if is_percent(said) or is_percent(own):
        return is_percent(said) and is_percent(own)
    return sign_unit(said) is not None and sign_unit(said) == sign_unit(own)
