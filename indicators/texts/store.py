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
    "rollback_no_batch": {
        "fr": "Il n'y a pas de lot {batch} : la commande history liste les lots ; rien n'a été modifié.",
        "nl": "Er is geen batch {batch}: de opdracht history toont de batches; er is niets gewijzigd.",
        "en": "There is no batch {batch}: the history command lists the batches; nothing was changed.",
    },
    "rollback_already": {
        "fr": "Le lot {batch} a déjà été annulé le {when} ; rien n'a été modifié.",
        "nl": "Batch {batch} is al teruggedraaid op {when}; er is niets gewijzigd.",
        "en": "Batch {batch} was already rolled back on {when}; nothing was changed.",
    },
    # A later batch changed values this one wrote: undone newest first.
    "rollback_later": {
        "fr": "Le lot {batch} ne peut pas être annulé seul : les lots {later} ont modifié depuis des valeurs qu'il a "
              "écrites. Annulez d'abord {order}, puis le lot {batch} ; rien n'a été modifié.",
        "nl": "Batch {batch} kan niet alleen worden teruggedraaid: de batches {later} wijzigden sindsdien waarden "
              "die hij schreef. Draai eerst {order} terug, daarna batch {batch}; er is niets gewijzigd.",
        "en": "Batch {batch} cannot be rolled back alone: batches {later} changed values it wrote since. Roll back "
              "{order} first, then batch {batch}; nothing was changed.",
    },
    # Later approved submissions sent the same values, which the store still holds from this batch
    # (submissions.resting_on): rolling it back would take their values away while they read "approved".
    "rollback_rests_on": {
        "fr": "Le lot {batch} ne peut pas être annulé seul : les soumissions approuvées {subs} (envoyées par {who}, "
              "importées par les lots {batches}) ont envoyé depuis les mêmes valeurs, que la base tient de ce lot. "
              "L'annuler les retirerait du tableau de bord alors qu'elles restent « approuvées ». Annulez d'abord les "
              "lots {batches}, dans cet ordre (leurs contributeurs en sont avertis), puis le lot {batch} ; rien n'a "
              "été modifié.",
        "nl": "Batch {batch} kan niet alleen worden teruggedraaid: de goedgekeurde inzendingen {subs} (ingestuurd "
              "door {who}, geïmporteerd als batches {batches}) stuurden sindsdien dezelfde waarden, die de databank "
              "uit deze batch haalt. Terugdraaien zou ze uit het dashboard halen terwijl ze 'goedgekeurd' blijven. "
              "Draai eerst de batches {batches} terug, in die volgorde (hun bijdragers worden verwittigd), daarna "
              "batch {batch}; er is niets gewijzigd.",
        "en": "Batch {batch} cannot be rolled back alone: the approved submissions {subs} (sent by {who}, imported "
              "as batches {batches}) sent the same values since, which the store holds from this batch. Rolling it "
              "back would take them off the dashboard while they still read 'approved'. Roll back batches "
              "{batches} first, in that order (their contributors are told), then batch {batch}; nothing was "
              "changed.",
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
    # The SQLite file the store works on was deleted, moved away or replaced under it (store/tables.py:
    # an engine keeps to the file at its path). Said on every page, to viewers too: no path.
    "store_file_gone": {
        "fr": "Le fichier de la base de données n'est plus là (supprimé ou déplacé) : rien n'est affiché ni écrit. "
              "Prévenez l'administrateur ; la page reviendra d'elle-même quand une base sera de nouveau en place.",
        "nl": "Het databankbestand is er niet meer (verwijderd of verplaatst): er wordt niets getoond of "
              "geschreven. Verwittig de beheerder; de pagina komt vanzelf terug zodra er weer een databank staat.",
        "en": "The database file is no longer there (deleted or moved away): nothing is shown or written. Tell "
              "the administrator; the page comes back by itself once a store is in place again.",
    },
    "store_file_replaced_open": {
        "fr": "Le fichier de la base de données a été remplacé pendant qu'il était ouvert : son journal (le "
              "fichier « -wal » à côté) appartient à l'ancienne base, et le lire mêlerait les deux. Rien n'est "
              "affiché ni écrit. Pour l'administrateur : arrêtez l'application, supprimez les fichiers « -wal » et "
              "« -shm » à côté de la base, puis relancez-la (docs/deployment.md, restaurer une sauvegarde).",
        "nl": "Het databankbestand werd vervangen terwijl het open was: zijn journaal (het '-wal'-bestand ernaast) "
              "hoort bij de vorige databank, en het lezen zou beide vermengen. Er wordt niets getoond of "
              "geschreven. Voor de beheerder: stop de toepassing, verwijder de bestanden '-wal' en '-shm' naast "
              "de databank en start ze opnieuw (docs/deployment.md, een back-up terugzetten).",
        "en": "The database file was replaced while it was open: its journal (the '-wal' file beside it) belongs "
              "to the store it replaced, and reading it would mix the two. Nothing is shown or written. For the "
              "administrator: stop the application, delete the '-wal' and '-shm' files beside the store, and "
              "start it again (docs/deployment.md, restoring a backup).",
    },
}
