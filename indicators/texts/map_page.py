"""Texts of the Map page (pages/map.py) added with the shipped boundaries."""

TEXTS = {
    "map_attribution": {
        "fr": "Contours : {sources}.",
        "nl": "Grenzen: {sources}.",
        "en": "Boundaries: {sources}.",
    },
}
