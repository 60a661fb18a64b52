"""Texts of the Strategic actions page (pages/actions.py) added for its speed."""

TEXTS = {
    "indicator_charts": {
        "fr": "Graphiques de l'indicateur (France, Belgique)",
        "nl": "Grafieken van de indicator (Frankrijk, België)",
        "en": "Charts of the indicator (France, Belgium)",
    },
}
