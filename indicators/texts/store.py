"""Texts of the store's refusals (indicators/store/: StoreError with a key)."""

TEXTS = {
    "rollback_dangling": {
        "fr": "Le lot {batch} a créé des codes que des données plus récentes utilisent encore ({what}). "
              "Annulez ou corrigez d'abord ces données ; rien n'a été modifié.",
        "nl": "Batch {batch} maakte codes aan die latere gegevens nog gebruiken ({what}). Draai die gegevens "
              "eerst terug of pas ze aan; er is niets gewijzigd.",
        "en": "Batch {batch} created codes that later data still uses ({what}). Roll back or change that data "
              "first; nothing was changed.",
    },
    "kept_to_undo": {
        "fr": "Copie pour annuler", "nl": "Kopie voor herstel", "en": "Kept to undo",   # a table header: short
    },
    "cli_kept_to_undo": {
        "fr": "{size} conservés pour annuler", "nl": "{size} bewaard om terug te draaien", "en": "{size} kept to undo",
    },
}
