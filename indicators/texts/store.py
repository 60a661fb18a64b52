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
    # A saved mapping asked for by name (store/documents.py, mappings/saved.py)
    "mapping_not_found": {
        "fr": "Aucune correspondance enregistrée ne s'appelle « {name} ». Correspondances enregistrées : {names}.",
        "nl": "Er is geen opgeslagen koppeling met de naam '{name}'. Opgeslagen koppelingen: {names}.",
        "en": "There is no saved mapping named '{name}'. Saved mappings: {names}.",
    },
    "mapping_none_saved": {
        "fr": "Aucune correspondance enregistrée ne s'appelle « {name} », et aucune n'est encore enregistrée : "
              "enregistrez-en une avec `python -m indicators save-mapping NOM FICHIER.json` ou depuis la page Données.",
        "nl": "Er is geen opgeslagen koppeling met de naam '{name}', en er is er nog geen opgeslagen: sla er een op "
              "met `python -m indicators save-mapping NAAM BESTAND.json` of via de pagina Gegevens.",
        "en": "There is no saved mapping named '{name}', and none is saved yet: save one with "
              "`python -m indicators save-mapping NAME FILE.json` or from the Data page.",
    },
    # Database failures while writing: nothing was written (store/writing.py, store/bulk.py).
    "store_busy": {
        "fr": "Un autre import est en cours d'écriture : rien n'a été écrit. Réessayez dans quelques secondes.",
        "nl": "Er wordt op dit moment een andere import geschreven: er is niets geschreven. Probeer het over enkele "
              "seconden opnieuw.",
        "en": "Another import is being written at this moment: nothing was written. Please retry in a few seconds.",
    },
    "store_same_keys": {
        "fr": "Un autre import a écrit les mêmes valeurs au même moment : rien n'a été écrit. Réessayez ; les "
              "fichiers seront vérifiés à nouveau avec les nouvelles données.",
        "nl": "Een andere import schreef op hetzelfde moment dezelfde waarden: er is niets geschreven. Probeer het "
              "opnieuw; de bestanden worden opnieuw gecontroleerd tegen de nieuwe gegevens.",
        "en": "Another import wrote the same values at the same moment: nothing was written. Please retry; the "
              "files will be checked again against the new data.",
    },
    "store_read_only": {
        "fr": "Le fichier de la base est en lecture seule : rien n'a été écrit. Demandez le droit d'écriture.",
        "nl": "Het databasebestand is alleen-lezen: er is niets geschreven. Vraag schrijfrechten aan.",
        "en": "The database file is read-only: nothing was written. Ask for write access to the store.",
    },
    "store_full": {
        "fr": "Le disque est plein : rien n'a été écrit. Libérez de la place et réessayez.",
        "nl": "De schijf is vol: er is niets geschreven. Maak ruimte vrij en probeer het opnieuw.",
        "en": "The disk is full: nothing was written. Free some space and try again.",
    },
    "store_write_failed": {
        "fr": "La base n'a pas pu être écrite : rien n'a été écrit. Réessayez ; si cela persiste, prévenez "
              "l'administrateur.",
        "nl": "De database kon niet worden geschreven: er is niets geschreven. Probeer het opnieuw; blijft het "
              "gebeuren, meld het dan aan de beheerder.",
        "en": "The database could not be written: nothing was written. Please retry; if it persists, tell the "
              "administrator.",
    },
    "store_no_scratch_room": {
        "fr": "La copie temporaire d'un gros import n'a pas pu être écrite dans {folder} : rien n'a été écrit. "
              "Libérez de la place dans ce dossier (ou indiquez dans TMPDIR un dossier qui en a) et réessayez.",
        "nl": "De tijdelijke kopie van een grote import kon niet worden geschreven in {folder}: er is niets "
              "geschreven. Maak daar ruimte vrij (of geef in TMPDIR een map met ruimte op) en probeer het opnieuw.",
        "en": "The temporary copy of a large import could not be written in {folder}: nothing was written. Free "
              "some space there (or set TMPDIR to a folder with room) and try again.",
    },
}
