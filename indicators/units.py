"""Units as each language writes them (DESIGN.md: `unit_fr/nl/en`, else the product's own list).

An indicator's `unit` is its code-like unit (`persons`, `%`, `km`…). For display the indicator's own
`unit_<lang>` wins; else a unit of the list below is translated; else the unit is shown as written.
"""
from __future__ import annotations

import math
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


PERCENT_UNITS = ("%", "pourcent", "percent", "procent")


def is_percent(unit: Any) -> bool:
    """A share of a whole: its values lie between 0 and 100 (checked on import, capped on charts)."""
    return str(unit or "").strip().lower() in PERCENT_UNITS


def unit_of(indicator: Mapping[str, Any], lang: str) -> str:
    """The indicator's unit in `lang`: its `unit_<lang>`, else the product's translation, else as written."""
    own = _text(indicator.get(f"unit_{lang}"))
    if own:
        return own
    unit = _text(indicator.get("unit"))
    return KNOWN.get(unit.lower(), {}).get(lang, unit)
