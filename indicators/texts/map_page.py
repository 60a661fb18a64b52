"""Texts of the Map page (pages/map.py) added with the shipped boundaries."""

TEXTS = {
    "map_attribution": {
        "fr": "Contours : {sources}.",
        "nl": "Grenzen: {sources}.",
        "en": "Boundaries: {sources}.",
    },
    "report_map_title": {"fr": "Carte : {name}", "nl": "Kaart: {name}", "en": "Map: {name}"},
    "report_map_note": {
        "fr": "Dernière valeur connue de chaque territoire ({period}). Territoires représentés ({kind}) : {n}. "
              "Classes en quantiles (effectifs égaux).",
        "nl": "Laatst gekende waarde van elk gebied ({period}). Getoonde gebieden ({kind}): {n}. "
              "Klassen in kwantielen (gelijke aantallen).",
        "en": "Latest known value of each territory ({period}). Territories shown ({kind}): {n}. "
              "Classes are quantiles (equal counts).",
    },
}
