"""Texts of the command line (`python -m indicators ... --lang fr|nl|en`)."""

TEXTS = {
    "cli_file_line": {
        "fr": "{file} : table {kind} ; lignes : {rows} ; encodage {encoding} ; séparateur {sep} ; décimale « {decimal} »",
        "nl": "{file}: tabel {kind}; rijen: {rows}; codering {encoding}; scheidingsteken {sep}; decimaalteken '{decimal}'",
        "en": "{file}: {kind} table; rows: {rows}; encoding {encoding}; separator {sep}; decimal '{decimal}'"},
    "cli_unrecognised": {"fr": "non reconnue", "nl": "niet herkend", "en": "unrecognised"},
    "cli_tab": {"fr": "tabulation", "nl": "tab", "en": "tab"},
    "cli_note": {"fr": "remarque", "nl": "opmerking", "en": "note"},
    "cli_no_such_file": {"fr": "{file} : aucun fichier de ce nom (vérifiez le chemin).",
                         "nl": "{file}: geen bestand met die naam (controleer het pad).",
                         "en": "{file}: no such file (check the path)."},
    "cli_is_folder": {"fr": "{file} : c'est un dossier, pas un fichier. Nommez les fichiers qu'il contient "
                            "(par exemple {file}/*.csv).",
                      "nl": "{file}: dit is een map, geen bestand. Noem de bestanden die erin staan "
                            "(bijvoorbeeld {file}/*.csv).",
                      "en": "{file}: this is a folder, not a file. Name the files it holds (for example {file}/*.csv)."},
    "cli_not_regular_file": {"fr": "{file} : ce n'est pas un fichier ordinaire (un périphérique, un tube…). "
                                   "Nommez un fichier CSV ou XLSX.",
                             "nl": "{file}: dit is geen gewoon bestand (een apparaat, een pipe…). "
                                   "Noem een CSV- of XLSX-bestand.",
                             "en": "{file}: this is not a regular file (a device, a pipe…). Name a CSV or XLSX file."},
    "cli_ok": {"fr": "OK : aucun problème.", "nl": "OK: geen probleem gevonden.", "en": "OK: no problem found."},
    "cli_problems": {"fr": "Problèmes trouvés : {n}.", "nl": "Gevonden problemen: {n}.", "en": "Problems found: {n}."},
    "cli_nothing_imported": {"fr": "Rien n'a été importé. Problèmes : {n}.",
                             "nl": "Er is niets geïmporteerd. Problemen: {n}.",
                             "en": "Nothing imported. Problems: {n}."},
    "cli_dry_run": {"fr": "Essai à blanc, rien n'est écrit", "nl": "Proefrun, er is niets geschreven",
                    "en": "Dry run, nothing written"},
    "cli_imported": {"fr": "Importé comme lot {batch}", "nl": "Geïmporteerd als batch {batch}",
                     "en": "Imported as batch {batch}"},
    "cli_counts": {"fr": "{what} : ajoutées {added}, modifiées {updated}, inchangées {unchanged}, rejetées {rejected}.",
                   "nl": "{what}: toegevoegd {added}, gewijzigd {updated}, ongewijzigd {unchanged}, geweigerd {rejected}.",
                   "en": "{what}: added {added}, updated {updated}, unchanged {unchanged}, rejected {rejected}."},
    "cli_no_import": {"fr": "Aucun import pour l'instant.", "nl": "Nog geen import.", "en": "No import yet."},
    "cli_rolled_back_by": {"fr": "annulé le {when} par {who}", "nl": "teruggedraaid op {when} door {who}",
                           "en": "rolled back on {when} by {who}"},
    # {removed}, {restored}: counted with i18n.count (1 row removed, 2 rows removed; 0 ligne retirée)
    "cli_rollback_done": {"fr": "Lot {batch} annulé : {removed}, {restored}.",
                          "nl": "Batch {batch} teruggedraaid: {removed}, {restored}.",
                          "en": "Batch {batch} rolled back: {removed}, {restored}."},
    "cli_rows_removed_one": {"fr": "ligne retirée", "nl": "rij verwijderd", "en": "row removed"},
    "cli_rows_removed_other": {"fr": "lignes retirées", "nl": "rijen verwijderd", "en": "rows removed"},
    "cli_rows_restored_one": {"fr": "ligne remise à sa version antérieure", "nl": "rij teruggezet naar de vorige versie",
                              "en": "row back to its earlier version"},
    "cli_rows_restored_other": {"fr": "lignes remises à leur version antérieure",
                                "nl": "rijen teruggezet naar hun vorige versie",
                                "en": "rows back to their earlier version"},
    "cli_demo_present": {"fr": "La base contient déjà des données ; la démonstration n'a pas été rechargée.",
                         "nl": "De databank bevat al gegevens; de demo is niet opnieuw geladen.",
                         "en": "The store already holds data; the demo was not loaded again."},
    "cli_demo_loaded": {"fr": "Démonstration chargée comme lot {batch} : {added} lignes ajoutées.",
                        "nl": "Demo geladen als batch {batch}: {added} rijen toegevoegd.",
                        "en": "Demo loaded as batch {batch}: {added} rows added."},
    "cli_schema_ready": {"fr": "Schéma prêt.", "nl": "Schema klaar.", "en": "Schema ready."},
    # limits.bad_settings: a MONITOR_* limit that is not a whole number (the default would apply unsaid)
    "cli_limit_bad": {"fr": "{variable}={value} : ce n'est pas un nombre entier positif ou nul. Donnez un nombre "
                            "entier (par défaut {default}) ou retirez la variable. Rien n'a été fait.",
                      "nl": "{variable}={value}: dit is geen geheel getal van nul of meer. Geef een geheel getal "
                            "(standaard {default}) of verwijder de variabele. Er is niets gedaan.",
                      "en": "{variable}={value}: not a whole number of zero or more. Give a whole number "
                            "(default {default}) or remove the variable. Nothing was done."},
    # i18n.bad_time_zone: INDICATORS_TIME_ZONE set to no zone zoneinfo knows (Brussels time would apply unsaid)
    "cli_time_zone_bad": {"fr": "{variable}={value} : ce n'est pas un fuseau horaire connu. Donnez un nom IANA "
                                "(Europe/Paris, UTC ; par défaut {default}) ou retirez la variable. Rien n'a été fait.",
                          "nl": "{variable}={value}: dit is geen bekende tijdzone. Geef een IANA-naam "
                                "(Europe/Paris, UTC; standaard {default}) of verwijder de variabele. Er is niets gedaan.",
                          "en": "{variable}={value}: not a known time zone. Give an IANA name "
                                "(Europe/Paris, UTC; default {default}) or remove the variable. Nothing was done."},
    "cli_db_unreachable": {"fr": "La base de données n'a pas pu être jointe ou lue ({detail}). Vérifiez {option}.",
                           "nl": "De databank kon niet worden bereikt of gelezen ({detail}). Controleer {option}.",
                           "en": "The database could not be reached or read ({detail}). Check {option}."},
    "cli_no_store": {"fr": "Aucune base à l'adresse {url} : vérifiez {option} (créez-la avec « init »).",
                     "nl": "Geen databank op {url}: controleer {option} (maak ze aan met 'init').",
                     "en": "No store at {url}: check {option} (create one with 'init')."},
    "cli_unexpected": {"fr": "Erreur imprévue ({detail}). Si la commande écrit, rien n'a été modifié ; "
                             "INDICATORS_DEBUG=1 montre le détail.",
                       "nl": "Onverwachte fout ({detail}). Als de opdracht schrijft, is er niets gewijzigd; "
                             "INDICATORS_DEBUG=1 toont de details.",
                       "en": "Unexpected error ({detail}). Nothing was changed by this command if it writes; "
                             "set INDICATORS_DEBUG=1 to see the details."},
    "cli_db_bad_url": {"fr": "{option} {url} : ce n'est pas l'adresse d'une base que ce programme sait ouvrir ({detail}). "
                             "Écrivez par exemple sqlite:///data/monitor.sqlite ou "
                             "postgresql+psycopg://utilisateur:motdepasse@serveur:5432/monitor.",
                       "nl": "{option} {url}: dit is geen adres van een databank die dit programma kan openen ({detail}). "
                             "Schrijf bijvoorbeeld sqlite:///data/monitor.sqlite of "
                             "postgresql+psycopg://gebruiker:wachtwoord@server:5432/monitor.",
                       "en": "{option} {url}: not the address of a database this program can open ({detail}). "
                             "Write for example sqlite:///data/monitor.sqlite or "
                             "postgresql+psycopg://user:password@host:5432/monitor."},
    "cli_db_no_folder": {"fr": "Le dossier {folder} de la base {url} n'existe pas : vérifiez {option} (ou créez d'abord "
                               "le dossier).",
                         "nl": "De map {folder} van de databank {url} bestaat niet: controleer {option} (of maak eerst "
                               "de map aan).",
                         "en": "The folder {folder} of the store {url} does not exist: check {option} (or create the "
                               "folder first)."},
    "cli_export_ext": {"fr": "{file} : l'export s'écrit en .xlsx (toutes les tables), en .csv ou dans un dossier "
                             "(un nom sans extension) ; donnez à OUT l'une de ces formes.",
                       "nl": "{file}: de export wordt als .xlsx (alle tabellen), als .csv of in een map (een naam "
                             "zonder extensie) geschreven; geef OUT een van die vormen.",
                       "en": "{file}: the export is written as .xlsx (every table), as .csv or into a folder (a name "
                             "without an extension); give OUT one of these forms."},
    "cli_export_no_folder": {"fr": "{file} : le dossier {folder} n'existe pas ; créez-le d'abord ou choisissez un "
                                   "autre emplacement. Rien n'a été écrit.",
                             "nl": "{file}: de map {folder} bestaat niet; maak ze eerst aan of kies een andere "
                                   "plaats. Er is niets geschreven.",
                             "en": "{file}: the folder {folder} does not exist; create it first or choose another "
                                   "place. Nothing was written."},
    "cli_export_cannot_write": {"fr": "{file} : impossible d'écrire ({detail}).",
                                "nl": "{file}: kan niet worden geschreven ({detail}).",
                                "en": "{file}: cannot be written ({detail})."},
    "cli_method": {"fr": "Méthode : {method}", "nl": "Methode: {method}", "en": "Method: {method}"},
    "cli_col_status": {"fr": "statut", "nl": "status", "en": "status"},
    "cli_col_score": {"fr": "score", "nl": "score", "en": "score"},
    "cli_col_latest": {"fr": "dernière", "nl": "laatste", "en": "latest"},
    "cli_col_reason": {"fr": "motif", "nl": "reden", "en": "reason"},
    # `progress`: the milestone's own status (DESIGN.md: shown as the milestone's, never as the target's)
    "cli_col_milestone": {"fr": "jalon", "nl": "mijlpaal", "en": "milestone"},
    "cli_milestone_cell": {"fr": "{period} : {status}", "nl": "{period}: {status}", "en": "{period}: {status}"},
    "cli_password_short": {"fr": "Choisissez un mot de passe d'au moins 8 caractères.",
                           "nl": "Kies een wachtwoord van minstens 8 tekens.",
                           "en": "Choose a password of at least 8 characters."},
    "cli_cannot_read": {"fr": "{file} : illisible ({detail}).", "nl": "{file}: onleesbaar ({detail}).",
                        "en": "{file}: cannot be read ({detail})."},
    # Why the system refused a file named on the command line (cli._os_reason): never the system's English.
    "os_reason_missing": {"fr": "aucun fichier ni dossier de ce nom ; vérifiez le chemin",
                          "nl": "geen bestand of map met die naam; controleer het pad",
                          "en": "no such file or folder; check the path"},
    "os_reason_denied": {"fr": "accès refusé par les droits du fichier ou de son dossier",
                         "nl": "toegang geweigerd door de rechten van het bestand of de map",
                         "en": "access denied by the file's or its folder's permissions"},
    "os_reason_folder": {"fr": "c'est un dossier, pas un fichier", "nl": "dit is een map, geen bestand",
                         "en": "this is a folder, not a file"},
    "os_reason_not_folder": {"fr": "un fichier se trouve là où le chemin demande un dossier",
                             "nl": "er staat een bestand waar het pad een map vraagt",
                             "en": "a file stands where the path needs a folder"},
    "os_reason_full": {"fr": "le disque est plein ou en lecture seule", "nl": "de schijf is vol of alleen-lezen",
                       "en": "the disk is full or read-only"},
    "os_reason_other": {"fr": "le système a refusé de l'ouvrir (code {code})",
                        "nl": "het systeem weigerde het te openen (code {code})",
                        "en": "the system refused to open it (code {code})"},
    "cli_file_refused": {"fr": "{file} : {reason}. Si la commande écrit, rien n'a été modifié.",
                         "nl": "{file}: {reason}. Als de opdracht schrijft, is er niets gewijzigd.",
                         "en": "{file}: {reason}. Nothing was changed by this command if it writes."},
    "cli_bad_json": {"fr": "{file} : JSON non valide ({detail}).", "nl": "{file}: geen geldige JSON ({detail}).",
                     "en": "{file}: not valid JSON ({detail})."},
    "cli_mapping_saved": {"fr": "Correspondance « {name} » enregistrée : utilisez-la avec "
                                "python -m indicators import FICHIER --mapping {name}",
                          "nl": "Koppeling '{name}' opgeslagen: gebruik ze met "
                                "python -m indicators import BESTAND --mapping {name}",
                          "en": "Mapping '{name}' saved: use it with python -m indicators import FILE --mapping {name}"},
    "cli_bad_since": {"fr": "--since {value} : écrivez une date AAAA-MM-JJ, par exemple 2025-12-01.",
                      "nl": "--since {value}: schrijf een datum JJJJ-MM-DD, bijvoorbeeld 2025-12-01.",
                      "en": "--since {value}: write a date YYYY-MM-DD, for example 2025-12-01."},
    "cli_report_ext": {"fr": "{file} : le rapport s'écrit en .pdf ou .html ; donnez l'une de ces extensions.",
                       "nl": "{file}: het rapport wordt als .pdf of .html geschreven; geef een van die extensies.",
                       "en": "{file}: the report is written as .pdf or .html; give OUT one of these extensions."},
    "cli_unknown_code": {"fr": "{what} inconnu : « {value} ». Connus : {known}.",
                         "nl": "Onbekende {what}: '{value}'. Bekend: {known}.",
                         "en": "Unknown {what} '{value}'. Known: {known}."},
    "cli_report_empty": {"fr": "Aucune action ne correspond à ces filtres : le rapport serait vide.",
                         "nl": "Geen actie past bij deze filters: het rapport zou leeg zijn.",
                         "en": "No action matches these filters: the report would be empty."},
    "cli_report_failed": {"fr": "Le rapport n'a pas été écrit : {detail}", "nl": "Het rapport is niet geschreven: {detail}",
                          "en": "The report was not written: {detail}"},
    "cli_report_written": {"fr": "Rapport écrit dans {path} : actions {actions}, indicateurs {indicators}, {size}.",
                           "nl": "Rapport geschreven naar {path}: acties {actions}, indicatoren {indicators}, {size}.",
                           "en": "Report written to {path}: actions {actions}, indicators {indicators}, {size}."},
    # strategy-name (cli_region.py)
    "cli_strategy_name_saved": {"fr": "Nom de la stratégie enregistré :", "nl": "Naam van de strategie opgeslagen:",
                                "en": "Strategy name saved:"},
    "cli_strategy_name_none": {"fr": "Cette base ne nomme aucune stratégie : le tableau de bord n'affiche aucun nom "
                                     "sous son titre. Donnez-en un : python -m indicators strategy-name --lang fr "
                                     "\"Stratégie …\" (--fr, --nl, --en pour les trois langues).",
                               "nl": "Deze databank noemt geen strategie: het dashboard toont geen naam onder zijn "
                                     "titel. Geef er een: python -m indicators strategy-name --lang nl "
                                     "\"Strategie …\" (--fr, --nl, --en voor de drie talen).",
                               "en": "This store names no strategy: the dashboard shows no name under its title. "
                                     "Set one: python -m indicators strategy-name --lang en \"Strategy …\" "
                                     "(--fr, --nl, --en for the three languages)."},
    "cli_strategy_name_too_long": {"fr": "Le nom --{option} a {length} caractères : {most} au plus. Rien n'a été "
                                         "enregistré ; donnez un nom plus court.",
                                   "nl": "De naam --{option} telt {length} tekens: hoogstens {most}. Er is niets "
                                         "opgeslagen; geef een kortere naam.",
                                   "en": "The name --{option} has {length} characters: {most} at most. Nothing was "
                                         "saved; give a shorter name."},
    "cli_strategy_name_twice": {"fr": "Deux noms différents pour --{option} : donnez-en un seul.",
                                "nl": "Twee verschillende namen voor --{option}: geef er één.",
                                "en": "Two different names for --{option}: give one."},
    "cli_strategy_name_clear_alone": {"fr": "--clear efface tous les noms : ne donnez aucun nom avec lui.",
                                      "nl": "--clear wist alle namen: geef er geen naam bij.",
                                      "en": "--clear removes every name: give no name with it."},
}
