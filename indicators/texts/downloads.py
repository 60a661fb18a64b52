"""Texts of the downloads in the import format (extra columns the import ignores with a notice)."""

TEXTS = {
    "download_action_status": {"fr": "Statut d'avancement", "nl": "Voortgangsstatus", "en": "Progress status"},
    "download_action_progress": {"fr": "Avancement moyen (%)", "nl": "Gemiddelde voortgang (%)",
                                 "en": "Mean progress (%)"},
    "download_action_indicators": {"fr": "Nombre d'indicateurs (hors contexte)",
                                   "nl": "Aantal indicatoren (zonder context)",
                                   "en": "Number of indicators (without context)"},
    "download_action_context": {"fr": "Indicateurs de contexte", "nl": "Contextindicatoren",
                                "en": "Context indicators"},
    "download_origin_name": {"fr": "Origine", "nl": "Herkomst", "en": "Origin"},
    "download_destination_name": {"fr": "Destination", "nl": "Bestemming", "en": "Destination"},
    "map_download_caption": {"fr": "Les valeurs de la carte, au format d'import :",
                             "nl": "De waarden van de kaart, in het importformaat:",
                             "en": "The map's values, in the import format:"},
    "download_level_name": {"fr": "Niveau", "nl": "Niveau", "en": "Level"},
    "download_theme_name": {"fr": "Thème", "nl": "Thema", "en": "Theme"},
    "download_import_format_help": {
        "fr": "Fichier au format d'import : les colonnes de codes d'abord ; les colonnes lisibles qui suivent "
              "sont ignorées à l'import.",
        "nl": "Bestand in het importformaat: eerst de codekolommen; de leesbare kolommen daarna worden bij "
              "het importeren genegeerd.",
        "en": "File in the import format: the code columns first; the readable columns after them are "
              "ignored on import."},
    "download_previous_values": {
        "fr": "Télécharger les valeurs précédentes ({table}, CSV)",
        "nl": "Vorige waarden downloaden ({table}, CSV)",
        "en": "Download the previous values ({table}, CSV)"},
    "download_previous_values_help": {
        "fr": "Au format d'import : importé de nouveau (éventuellement corrigé), ce fichier rétablit ces valeurs.",
        "nl": "In het importformaat: opnieuw geïmporteerd (eventueel verbeterd) herstelt dit bestand deze waarden.",
        "en": "In the import format: imported again (corrected if need be), this file restores these values."},
}
