"""Texts of the Data page (pages/data.py): import, mappings, history, templates. Its check, dry run and
history of changes have more in imports.py."""

TEXTS = {
    "tab_import": {"fr": "Importer", "nl": "Importeren", "en": "Import"},
    "tab_history": {"fr": "Historique", "nl": "Geschiedenis", "en": "History"},
    "tab_templates": {"fr": "Modèles", "nl": "Sjablonen", "en": "Templates"},
    "checking": {"fr": "Vérification des fichiers…", "nl": "Bestanden worden gecontroleerd…",
                 "en": "Checking the files…"},
    "checked": {"fr": "Fichiers vérifiés", "nl": "Bestanden gecontroleerd", "en": "Files checked"},
    "file": {"fr": "Fichier", "nl": "Bestand", "en": "File"},
    "row": {"fr": "Ligne", "nl": "Rij", "en": "Row"},
    "column": {"fr": "Colonne", "nl": "Kolom", "en": "Column"},
    "problem": {"fr": "Problème", "nl": "Probleem", "en": "Problem"},
    "suggestion": {"fr": "Suggestion", "nl": "Suggestie", "en": "Suggestion"},
    "table": {"fr": "Table", "nl": "Tabel", "en": "Table"},
    "encoding": {"fr": "Encodage", "nl": "Codering", "en": "Encoding"},
    "separator": {"fr": "Séparateur", "nl": "Scheidingsteken", "en": "Separator"},
    "decimal_mark": {"fr": "Décimale", "nl": "Decimaalteken", "en": "Decimal mark"},
    "rows": {"fr": "Lignes", "nl": "Rijen", "en": "Rows"},
    "upload_label": {"fr": "Déposez un ou plusieurs fichiers CSV ou XLSX", "nl": "Sleep een of meer CSV- of "
                     "XLSX-bestanden hierheen", "en": "Drop one or several CSV or XLSX files"},
    "upload_help": {"fr": "Exports Excel français ou belges acceptés : « ; », virgule décimale, Windows-1252.",
                    "nl": "Franse of Belgische Excel-exports worden aanvaard: ';', decimale komma, Windows-1252.",
                    "en": "French or Belgian Excel exports are fine: ';', decimal comma, Windows-1252."},
    "upload_hint": {"fr": "Rien n'est enregistré avant votre confirmation : les fichiers sont d'abord vérifiés "
                          "(simulation).",
                    "nl": "Niets wordt opgeslagen vóór uw bevestiging: de bestanden worden eerst gecontroleerd "
                          "(proefimport).",
                    "en": "Nothing is written before you confirm: the files are checked first (dry run)."},
    "skip_bad_rows": {"fr": "Importer sans les lignes en erreur", "nl": "Importeren zonder foutieve rijen",
                      "en": "Import without the rows in error"},
    "skip_bad_rows_help": {"fr": "Les lignes écartées sont comptées et listées ci-dessous.",
                           "nl": "De weggelaten rijen worden geteld en hieronder opgesomd.",
                           "en": "The rows left out are counted and listed below."},
    "attach_successor": {"fr": "Rattacher les anciens codes à leur successeur",
                         "nl": "Oude codes aan hun opvolger koppelen", "en": "Attach old codes to their successor"},
    "attach_successor_help": {"fr": "Ex. : INS 54007 (Mouscron avant 2019) enregistré sous 57096.",
                              "nl": "Bv.: NIS 54007 (Moeskroen vóór 2019) geregistreerd onder 57096.",
                              "en": "E.g. NIS 54007 (Mouscron before 2019) recorded under 57096."},
    "detected": {"fr": "Ce qui a été détecté", "nl": "Wat werd gedetecteerd", "en": "What was detected"},
    # {n}: i18n.count's "1 problème", "5 problèmes"
    "problems_found": {"fr": "{n} à corriger avant l'import.", "nl": "{n} op te lossen vóór de import.",
                       "en": "{n} to fix before importing."},
    "problem_one": {"fr": "Problème", "nl": "Probleem", "en": "Problem"},
    "problem_other": {"fr": "Problèmes", "nl": "Problemen", "en": "Problems"},
    "download_problems": {"fr": "Télécharger la liste des problèmes", "nl": "Lijst van problemen downloaden",
                          "en": "Download the list of problems"},
    "notices": {"fr": {"one": "{n} remarque", "other": "{n} remarques"},
                "nl": {"one": "{n} opmerking", "other": "{n} opmerkingen"},
                "en": {"one": "{n} notice", "other": "{n} notices"}},
    "fix_then_retry": {"fr": "Corrigez les fichiers puis déposez-les à nouveau, ou choisissez d'importer sans les "
                             "lignes en erreur.",
                       "nl": "Verbeter de bestanden en laad ze opnieuw op, of kies om zonder de foutieve rijen te "
                             "importeren.",
                       "en": "Fix the files and drop them again, or choose to import without the rows in error."},
    # A viewer cannot import: the toggle only shows what an editor's import without those rows would do.
    "fix_then_retry_viewer": {
        "fr": "Corrigez les fichiers puis déposez-les à nouveau. « Importer sans les lignes en erreur » montre ce "
              "qu'un éditeur importerait sans elles.",
        "nl": "Verbeter de bestanden en laad ze opnieuw op. 'Importeren zonder foutieve rijen' toont wat een "
              "redacteur zonder die rijen zou importeren.",
        "en": "Fix the files and drop them again. 'Import without the rows in error' shows what an editor would "
              "import without them."},
    "dry_run": {"fr": "Simulation : ce que l'import changerait", "nl": "Proefimport: wat de import zou wijzigen",
                "en": "Dry run: what the import would change"},
    "unchanged": {"fr": "Inchangées", "nl": "Ongewijzigd", "en": "Unchanged"},
    "rejected": {"fr": "Écartées", "nl": "Geweigerd", "en": "Rejected"},
    "changes_in": {"fr": "Valeurs modifiées dans {table} (ancienne → nouvelle)",
                   "nl": "Gewijzigde waarden in {table} (oud → nieuw)",
                   "en": "Values changed in {table} (old → new)"},
    "nothing_to_import": {"fr": "Ces fichiers n'apportent rien de nouveau.", "nl": "Deze bestanden brengen niets "
                          "nieuws.", "en": "These files bring nothing new."},
    "confirm_import": {"fr": "Confirmer l'import", "nl": "Import bevestigen", "en": "Confirm the import"},
    # While the confirmed import is written (pages/data.py): it may wait up to 30 s for another import to end.
    "import_running": {"fr": "Import en cours d'écriture… S'il attend la fin d'un autre import, cela peut prendre "
                             "jusqu'à 30 secondes ; ne cliquez pas de nouveau.",
                       "nl": "De import wordt geschreven… Als hij op het einde van een andere import wacht, kan dat "
                             "tot 30 seconden duren; klik niet opnieuw.",
                       "en": "The import is being written… If it waits for another import to end, this can take up "
                             "to 30 seconds; do not click again."},
    "import_failed": {"fr": "L'import n'a pas eu lieu : les données ont changé entre-temps. Vérifiez de nouveau.",
                      "nl": "De import is niet gebeurd: de gegevens zijn intussen gewijzigd. Controleer opnieuw.",
                      "en": "The import did not happen: the data changed meanwhile. Check again."},
    "imported": {"fr": "Import n°{batch} enregistré : {added}, {updated}, {unchanged}, {rejected}. Toutes les pages "
                       "sont à jour.",
                 "nl": "Import nr. {batch} opgeslagen: {added}, {updated}, {unchanged}, {rejected}. Alle pagina's "
                       "zijn bijgewerkt.",
                 "en": "Import #{batch} saved: {added}, {updated}, {unchanged}, {rejected}. Every page is up to date."},
    # the counts of `imported` and `rolled_back`, each in its plural (i18n.py's module docstring)
    "imported_added": {"fr": {"one": "{n} ajoutée", "other": "{n} ajoutées"}, "nl": "{n} toegevoegd",
                       "en": "{n} added"},
    "imported_updated": {"fr": {"one": "{n} modifiée", "other": "{n} modifiées"}, "nl": "{n} gewijzigd",
                         "en": "{n} updated"},
    "imported_unchanged": {"fr": {"one": "{n} inchangée", "other": "{n} inchangées"}, "nl": "{n} ongewijzigd",
                           "en": "{n} unchanged"},
    "imported_rejected": {"fr": {"one": "{n} écartée", "other": "{n} écartées"}, "nl": "{n} geweigerd",
                          "en": "{n} rejected"},
    "rolled_back": {"fr": "Import n°{batch} annulé : {removed}, {restored}.",
                    "nl": "Import nr. {batch} teruggedraaid: {removed}, {restored}.",
                    "en": "Import #{batch} rolled back: {removed}, {restored}."},
    "rolled_back_removed": {"fr": {"one": "{n} ligne retirée", "other": "{n} lignes retirées"},
                            "nl": {"one": "{n} rij verwijderd", "other": "{n} rijen verwijderd"},
                            "en": {"one": "{n} row removed", "other": "{n} rows removed"}},
    "rolled_back_restored": {"fr": {"one": "{n} restaurée", "other": "{n} restaurées"}, "nl": "{n} hersteld",
                             "en": "{n} restored"},
    "no_batch": {"fr": "Aucun import pour l'instant.", "nl": "Nog geen import.", "en": "No import yet."},
    "when": {"fr": "Date", "nl": "Datum", "en": "When"},
    "state": {"fr": "État", "nl": "Toestand", "en": "State"},
    "state_active": {"fr": "en vigueur", "nl": "actief", "en": "active"},
    "state_rolled_back": {"fr": "annulé", "nl": "teruggedraaid", "en": "rolled back"},
    "batch": {"fr": "Import", "nl": "Import", "en": "Batch"},
    "batch_only_added": {"fr": "Cet import n'a modifié aucune valeur existante (il n'a fait qu'ajouter).",
                         "nl": "Deze import wijzigde geen bestaande waarde (hij voegde alleen toe).",
                         "en": "This batch changed no existing value (it only added)."},
    "batch_previous_values": {"fr": "Valeurs d'avant cet import (restaurées en cas d'annulation) :",
                              "nl": "Waarden van vóór deze import (hersteld bij terugdraaien):",
                              "en": "Values before this batch (restored by a rollback):"},
    "key": {"fr": "Clé", "nl": "Sleutel", "en": "Key"},
    "previous": {"fr": "Valeur précédente", "nl": "Vorige waarde", "en": "Previous value"},
    "rollback_confirm": {"fr": "Je confirme l'annulation de l'import n°{batch}",
                         "nl": "Ik bevestig het terugdraaien van import nr. {batch}",
                         "en": "I confirm rolling back batch #{batch}"},
    "rollback": {"fr": "Annuler cet import", "nl": "Deze import terugdraaien", "en": "Roll back this batch"},
    # The batch confirmed for rollback was rolled back meanwhile by someone else (another tab, the CLI).
    "rollback_already_by": {"fr": "L'import n°{batch} avait déjà été annulé, le {when} par {who} : rien n'a été "
                                  "modifié.",
                            "nl": "Import nr. {batch} was al teruggedraaid, op {when} door {who}: er is niets "
                                  "gewijzigd.",
                            "en": "Batch #{batch} had already been rolled back, on {when} by {who}: nothing was "
                                  "changed."},
    "templates_help": {"fr": "Un modèle par table, avec ses colonnes et une ligne d'exemple, qui n'est jamais "
                             "importée : écrivez vos lignes à sa place ou en dessous. Le XLSX a une feuille de notes "
                             "qui explique chaque colonne.",
                       "nl": "Eén sjabloon per tabel, met de kolommen en een voorbeeldrij, die nooit wordt "
                             "geïmporteerd: schrijf uw rijen in haar plaats of eronder. De XLSX heeft een blad met "
                             "uitleg bij elke kolom.",
                       "en": "One template per table, with its columns and an example row, which is never imported: "
                             "write your rows in its place or below it. The XLSX has a notes sheet explaining each "
                             "column."},
    "mapping_title": {"fr": "Fichiers dans une autre présentation", "nl": "Bestanden in een andere opmaak",
                      "en": "Files in another layout"},
    "mapping_intro": {"fr": "ses colonnes ne correspondent à aucune table : indiquez où se trouvent le territoire, "
                            "la période et les valeurs.",
                      "nl": "de kolommen passen bij geen enkele tabel: geef aan waar het gebied, de periode en de "
                            "waarden staan.",
                      "en": "its columns match no table: say where the territory, the period and the values are."},
    "mapping_choose": {"fr": "Correspondance", "nl": "Koppeling", "en": "Mapping"},
    "mapping_new": {"fr": "Nouvelle correspondance", "nl": "Nieuwe koppeling", "en": "New mapping"},
    "mapping_territory": {"fr": "Colonne du code territoire", "nl": "Kolom met de gebiedscode",
                          "en": "Column of the territory code"},
    "mapping_indicator": {"fr": "Indicateur des valeurs", "nl": "Indicator van de waarden",
                          "en": "Indicator of the values"},
    "mapping_period": {"fr": "Période (fixe, ex. 2020)", "nl": "Periode (vast, bv. 2020)",
                       "en": "Period (fixed, e.g. 2020)"},
    # The mapping as the form wrote it, as text, for a user who edits it by hand (the page's words: no file
    # format, no repository path)
    "mapping_advanced": {"fr": "Correspondance complète, en texte (usage avancé)",
                         "nl": "Volledige koppeling als tekst (gevorderd gebruik)",
                         "en": "The full mapping as text (advanced use)"},
    # A store with no indicator yet (pages/data_mapping.py): no column can be given one; {tables} the framework's
    # tables (pages/first_steps.py), {tab} the templates tab
    "mapping_no_indicators": {
        "fr": "La base ne contient encore aucun indicateur : les colonnes de ce fichier ne peuvent être rattachées "
              "à aucun. Importez d'abord le cadre de la stratégie, avec les modèles de l'onglet « {tab} » "
              "ci-dessus : {tables}. Déposez ensuite ce fichier de nouveau pour indiquer ses colonnes.",
        "nl": "De databank bevat nog geen indicatoren: de kolommen van dit bestand kunnen aan geen enkele "
              "gekoppeld worden. Importeer eerst het kader van de strategie, met de sjablonen van het tabblad "
              "'{tab}' hierboven: {tables}. Laad dit bestand daarna opnieuw op om de kolommen aan te duiden.",
        "en": "The store has no indicators yet: this file's columns cannot be given to any. Import the strategy's "
              "framework first, with the templates of the '{tab}' tab above: {tables}. Then drop this file again "
              "to say what its columns hold."},
    "mapping_incomplete": {"fr": "Correspondance incomplète : {detail}", "nl": "Onvolledige koppeling: {detail}",
                           "en": "Mapping incomplete: {detail}"},
    "mapping_summary": {"fr": "{observations} de {rows}. Aperçu :", "nl": "{observations} uit {rows}. Voorbeeld:",
                        "en": "{observations} from {rows}. Preview:"},
    "mapping_observations": {"fr": {"one": "{n} observation tirée", "other": "{n} observations tirées"},
                             "nl": {"one": "{n} waarneming", "other": "{n} waarnemingen"},
                             "en": {"one": "{n} observation", "other": "{n} observations"}},
    "mapping_rows": {"fr": {"one": "{n} ligne", "other": "{n} lignes"}, "nl": {"one": "{n} rij", "other": "{n} rijen"},
                     "en": {"one": "{n} row", "other": "{n} rows"}},
    "mapping_save_as": {"fr": "Enregistrer cette correspondance sous le nom", "nl": "Deze koppeling opslaan als",
                        "en": "Save this mapping as"},
    "mapping_save": {"fr": "Enregistrer", "nl": "Opslaan", "en": "Save"},
    "mapping_saved": {"fr": "Correspondance « {name} » enregistrée : l'an prochain, choisissez-la sous "
                            "« Correspondance » en déposant le nouveau fichier.",
                      "nl": "Koppeling '{name}' opgeslagen: kies ze volgend jaar onder 'Koppeling' wanneer u het "
                            "nieuwe bestand oplaadt.",
                      "en": "Mapping '{name}' saved: next year, choose it under 'Mapping' when you drop the new "
                            "file."},
    "notes_sheet": {"fr": "notes", "nl": "uitleg", "en": "notes"},
}
