"""Texts of the Data page's check, dry run and history (pages/data.py, indicators/changes.py)."""

TEXTS = {
    "origin": {"fr": "Origine", "nl": "Herkomst", "en": "Origin"},
    "destination": {"fr": "Destination", "nl": "Bestemming", "en": "Destination"},
    "name_col": {"fr": "nom", "nl": "naam", "en": "name"},
    "change_col": {"fr": "Ce qui change (ancienne → nouvelle)", "nl": "Wat verandert (oud → nieuw)",
                   "en": "What changes (old → new)"},
    "download_indicator_name": {"fr": "Nom de l'indicateur", "nl": "Naam van de indicator", "en": "Indicator name"},
    "download_territory_name": {"fr": "Nom du territoire", "nl": "Naam van het gebied", "en": "Territory name"},
    "download_country": {"fr": "Pays", "nl": "Land", "en": "Country"},
    "download_flag_meaning": {"fr": "Signification de l'indicateur de qualité", "nl": "Betekenis van de vlag",
                              "en": "Meaning of the flag"},
    "ignored_columns": {"fr": "Colonnes ignorées à l'import (noms et libellés) : {columns}.",
                        "nl": "Kolommen die de import negeert (namen en labels): {columns}.",
                        "en": "Columns the import ignores (names and labels): {columns}."},
    "viewer_check": {"fr": "Vous pouvez vérifier un fichier : le rapport complet s'affiche, rien n'est enregistré. "
                           "Pour l'importer, connectez-vous comme éditeur.",
                     "nl": "U kunt een bestand controleren: het volledige rapport verschijnt, er wordt niets "
                           "opgeslagen. Meld u aan als redacteur om het te importeren.",
                     "en": "You can check a file: the full report is shown, nothing is saved. Sign in as an "
                           "editor to import it."},
}
