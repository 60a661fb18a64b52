"""Interface texts in French, Dutch and English, and number and date formats (babel).

Every string the interface shows has a key here with its three languages; a
test fails when one is missing. Framework names (levels, themes, actions,
indicators, territories) come from the data's `name_fr/nl/en` columns.
"""
from __future__ import annotations

import functools
import math
from datetime import date, datetime

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.numbers import format_percent, parse_pattern

LANGS = ("fr", "nl", "en")
DEFAULT_LANG = "fr"
LANG_NAMES = {"fr": "Français", "nl": "Nederlands", "en": "English"}
LOCALES = {"fr": "fr_FR", "nl": "nl_BE", "en": "en_GB"}

TEXTS: dict[str, dict[str, str]] = {
    # shell
    "app_title": {"fr": "Observatoire de la coopération transfrontalière",
                  "nl": "Monitor grensoverschrijdende samenwerking",
                  "en": "Cross-Border Cooperation Monitor"},
    "strategy_name": {"fr": "Stratégie de coopération transfrontalière de la Métropole Européenne de Lille",
                      "nl": "Strategie voor grensoverschrijdende samenwerking van de Metropool Rijsel",
                      "en": "Cross-border cooperation strategy of the Lille European Metropolis"},
    "language": {"fr": "Langue", "nl": "Taal", "en": "Language"},
    "filters": {"fr": "Filtres", "nl": "Filters", "en": "Filters"},
    "level": {"fr": "Niveau", "nl": "Niveau", "en": "Level"},
    "theme": {"fr": "Thématique", "nl": "Thema", "en": "Theme"},
    "action": {"fr": "Action stratégique", "nl": "Strategische actie", "en": "Strategic action"},
    "action_short": {"fr": "Action", "nl": "Actie", "en": "Action"},   # a narrow column's header
    "territory": {"fr": "Territoire", "nl": "Gebied", "en": "Territory"},
    "territories": {"fr": "Territoires", "nl": "Gebieden", "en": "Territories"},
    "period_range": {"fr": "Période", "nl": "Periode", "en": "Period"},
    "method": {"fr": "Méthode de suivi", "nl": "Voortgangsmethode", "en": "Progress method"},
    "method_opensdg": {"fr": "Open SDG (Statistique Canada)", "nl": "Open SDG (Statistics Canada)",
                       "en": "Open SDG (Statistics Canada)"},
    "method_eurostat": {"fr": "Eurostat ODD", "nl": "Eurostat SDG", "en": "Eurostat SDG"},
    "all": {"fr": "Tous", "nl": "Alle", "en": "All"},
    "clear_filters": {"fr": "Effacer les filtres", "nl": "Filters wissen", "en": "Clear filters"},
    "share_link": {"fr": "Le lien de cette page reproduit la vue filtrée.",
                   "nl": "De link van deze pagina geeft dezelfde gefilterde weergave.",
                   "en": "This page's link reproduces the filtered view."},
    "notice_dropped": {"fr": "Filtre ignoré (code inconnu ou mal formé) : {what}",
                       "nl": "Filter genegeerd (onbekende of foutieve code): {what}",
                       "en": "Filter ignored (unknown or malformed code): {what}"},
    "country_FR": {"fr": "France", "nl": "Frankrijk", "en": "France"},
    "country_BE": {"fr": "Belgique", "nl": "België", "en": "Belgium"},
    "demo_notice": {"fr": "Données de démonstration : chiffres illustratifs, sauf les repères publiés cités.",
                    "nl": "Demogegevens: illustratieve cijfers, behalve de vermelde gepubliceerde ijkpunten.",
                    "en": "Demo data: illustrative figures, apart from the published anchors cited."},
    "store_error": {"fr": "La base de données ne répond pas. Réessayez dans un instant ; si le problème persiste, "
                          "prévenez l'administrateur.",
                    "nl": "De databank antwoordt niet. Probeer het zo opnieuw; blijft het probleem, "
                          "verwittig dan de beheerder.",
                    "en": "The database does not answer. Try again in a moment; if it persists, tell the "
                          "administrator."},
    "page_error": {"fr": "Cette page n'a pas pu s'afficher. Les données ne sont pas modifiées. Détail : {detail}",
                   "nl": "Deze pagina kon niet worden getoond. De gegevens zijn niet gewijzigd. Detail: {detail}",
                   "en": "This page could not be shown. No data was changed. Detail: {detail}"},
    # pages
    "page_overview": {"fr": "Vue d'ensemble", "nl": "Overzicht", "en": "Overview"},
    "page_actions": {"fr": "Actions stratégiques", "nl": "Strategische acties", "en": "Strategic actions"},
    "page_explorer": {"fr": "Explorateur d'indicateurs", "nl": "Indicatorverkenner", "en": "Indicator explorer"},
    "page_map": {"fr": "Carte", "nl": "Kaart", "en": "Map"},
    "page_data": {"fr": "Données", "nl": "Gegevens", "en": "Data"},
    "page_methodology": {"fr": "Méthodologie", "nl": "Methodologie", "en": "Methodology"},
    # overview
    "kpi_actions": {"fr": "Actions suivies", "nl": "Opgevolgde acties", "en": "Actions followed"},
    "kpi_indicators": {"fr": "Indicateurs", "nl": "Indicatoren", "en": "Indicators"},
    "kpi_on_track": {"fr": "Actions en bonne voie", "nl": "Acties op koers", "en": "Actions on track"},
    "kpi_assessed": {"fr": "actions évaluées", "nl": "beoordeeld", "en": "actions assessed"},
    "user": {"fr": "Utilisateur", "nl": "Gebruiker", "en": "User"},
    "files": {"fr": "Fichiers", "nl": "Bestanden", "en": "Files"},
    "added": {"fr": "Ajoutées", "nl": "Toegevoegd", "en": "Added"},
    "updated": {"fr": "Modifiées", "nl": "Gewijzigd", "en": "Updated"},
    "kpi_latest": {"fr": "Dernière donnée reçue", "nl": "Laatst ontvangen gegevens", "en": "Latest data received"},
    "matrix_title": {"fr": "Avancement par niveau et thématique", "nl": "Voortgang per niveau en thema",
                     "en": "Progress by level and theme"},
    "matrix_help": {"fr": "Cliquez sur une case pour filtrer sur ce niveau et cette thématique.",
                    "nl": "Klik op een vak om op dat niveau en thema te filteren.",
                    "en": "Click a cell to filter on that level and theme."},
    "by_theme": {"fr": "Statuts par thématique", "nl": "Statussen per thema", "en": "Statuses by theme"},
    "by_level": {"fr": "Statuts par niveau", "nl": "Statussen per niveau", "en": "Statuses by level"},
    "attention": {"fr": "Actions à regarder en premier", "nl": "Acties die eerst aandacht vragen",
                  "en": "Actions that need attention first"},
    "stale": {"fr": "Données en retard", "nl": "Achterstallige gegevens", "en": "Stale data"},
    "stale_help": {"fr": "Indicateurs sans valeur depuis deux périodes ou plus.",
                   "nl": "Indicatoren zonder waarde sinds twee of meer periodes.",
                   "en": "Indicators with no value for two periods or more."},
    "stale_more": {"fr": "… et {n} autres indicateurs en retard : la page {page} les montre tous.",
                   "nl": "… en {n} andere achterstallige indicatoren: de pagina {page} toont ze allemaal.",
                   "en": "… and {n} more stale indicators: the {page} page shows them all."},
    "no_stale": {"fr": "Aucun indicateur en retard.", "nl": "Geen achterstallige indicatoren.",
                 "en": "No indicator is overdue."},
    "latest_received": {"fr": "Dernières données reçues", "nl": "Laatst ontvangen gegevens",
                        "en": "Latest data received"},
    "count": {"fr": "Nombre", "nl": "Aantal", "en": "Count"},
    "status": {"fr": "Statut", "nl": "Status", "en": "Status"},
    "score": {"fr": "Score", "nl": "Score", "en": "Score"},
    "indicator": {"fr": "Indicateur", "nl": "Indicator", "en": "Indicator"},
    "indicators": {"fr": "Indicateurs", "nl": "Indicatoren", "en": "Indicators"},
    "actions": {"fr": "Actions", "nl": "Acties", "en": "Actions"},
    "action_one": {"fr": "Action", "nl": "Actie", "en": "Action"},
    "latest_period": {"fr": "Dernière période", "nl": "Laatste periode", "en": "Latest period"},
    "latest_value": {"fr": "Dernière valeur", "nl": "Laatste waarde", "en": "Latest value"},
    "periods_missing": {"fr": "Périodes manquantes", "nl": "Ontbrekende periodes", "en": "Periods missing"},
    "owner": {"fr": "Référent", "nl": "Contactpersoon", "en": "Owner"},
    "lead": {"fr": "Pilote", "nl": "Trekker", "en": "Lead"},
    "empty_filters": {"fr": "Aucun indicateur ne correspond à ces filtres : effacez le filtre {what}.",
                      "nl": "Geen indicator past bij deze filters: wis de filter {what}.",
                      "en": "No indicator matches these filters: clear the {what} filter."},
    "empty_store": {"fr": "La base ne contient encore aucune donnée : importez des fichiers depuis la page Données.",
                    "nl": "De databank bevat nog geen gegevens: importeer bestanden via de pagina Gegevens.",
                    "en": "The store holds no data yet: import files from the Data page."},
    # actions page
    "progress_to_target": {"fr": "Avancement vers la cible", "nl": "Voortgang naar streefwaarde",
                           "en": "Progress to target"},
    "trend": {"fr": "Tendance", "nl": "Trend", "en": "Trend"},
    "target": {"fr": "Cible", "nl": "Streefwaarde", "en": "Target"},
    "baseline": {"fr": "Référence", "nl": "Referentie", "en": "Baseline"},
    "milestone": {"fr": "Jalon", "nl": "Mijlpaal", "en": "Milestone"},
    "observed": {"fr": "Observé", "nl": "Waargenomen", "en": "Observed"},
    "target_path": {"fr": "Trajectoire cible", "nl": "Streefpad", "en": "Target path"},
    "projection": {"fr": "Projection", "nl": "Projectie", "en": "Projection"},
    "detail_of": {"fr": "Détail de l'action", "nl": "Detail van de actie", "en": "Action detail"},
    "choose_action": {"fr": "Choisir une action pour le détail", "nl": "Kies een actie voor het detail",
                      "en": "Choose an action for its detail"},
    "no_target": {"fr": "Pas de cible", "nl": "Geen streefwaarde", "en": "No target"},
    "action_status": {"fr": "État d'avancement", "nl": "Uitvoeringsstatus", "en": "Implementation"},
    "sides": {"fr": "Côtés français et belge", "nl": "Franse en Belgische kant", "en": "French and Belgian sides"},
    "milestone_status": {"fr": "Statut au jalon", "nl": "Status bij mijlpaal", "en": "Status at milestone"},
    # explorer
    "choose_indicator": {"fr": "Indicateur", "nl": "Indicator", "en": "Indicator"},
    "time_series": {"fr": "Évolution par territoire", "nl": "Evolutie per gebied", "en": "Time series by territory"},
    "ranking": {"fr": "Classement de la dernière année", "nl": "Rangschikking laatste jaar",
                "en": "Latest-year ranking"},
    "values_table": {"fr": "Tableau des valeurs", "nl": "Tabel van de waarden", "en": "Table of values"},
    "metadata": {"fr": "Métadonnées", "nl": "Metagegevens", "en": "Metadata"},
    "definition": {"fr": "Définition", "nl": "Definitie", "en": "Definition"},
    "unit": {"fr": "Unité", "nl": "Eenheid", "en": "Unit"},
    "source": {"fr": "Source", "nl": "Bron", "en": "Source"},
    "comparability": {"fr": "Comparabilité transfrontalière", "nl": "Grensoverschrijdende vergelijkbaarheid",
                      "en": "Cross-border comparability"},
    "type": {"fr": "Type", "nl": "Type", "en": "Type"},
    "code": {"fr": "Code", "nl": "Code", "en": "Code"},
    "period": {"fr": "Période", "nl": "Periode", "en": "Period"},
    "value": {"fr": "Valeur", "nl": "Waarde", "en": "Value"},
    "flag": {"fr": "Qualité", "nl": "Kwaliteit", "en": "Flag"},
    "note": {"fr": "Note", "nl": "Opmerking", "en": "Note"},
    "country": {"fr": "Pays", "nl": "Land", "en": "Country"},
    "download_csv": {"fr": "Télécharger (CSV pour Excel)", "nl": "Downloaden (CSV voor Excel)",
                     "en": "Download (CSV for Excel)"},
    "download_xlsx": {"fr": "Télécharger (XLSX)", "nl": "Downloaden (XLSX)", "en": "Download (XLSX)"},
    "no_data_indicator": {"fr": "Pas de valeur pour cet indicateur avec ces filtres : élargissez la période ou les "
                                "territoires.",
                          "nl": "Geen waarde voor deze indicator met deze filters: verruim de periode of de gebieden.",
                          "en": "No value for this indicator with these filters: widen the period or territories."},
    "comparability_harmonised": {"fr": "harmonisée", "nl": "geharmoniseerd", "en": "harmonised"},
    "comparability_partial": {"fr": "partielle", "nl": "gedeeltelijk", "en": "partial"},
    "comparability_not_comparable": {"fr": "non comparable", "nl": "niet vergelijkbaar", "en": "not comparable"},
    "type_context": {"fr": "contexte", "nl": "context", "en": "context"},
    "type_output": {"fr": "réalisation", "nl": "realisatie", "en": "output"},
    "type_result": {"fr": "résultat", "nl": "resultaat", "en": "result"},
    "context_note": {"fr": "Indicateur de contexte : il décrit le territoire, la stratégie n'en est pas seule "
                           "responsable.",
                     "nl": "Contextindicator: beschrijft het gebied; de strategie is er niet alleen "
                           "verantwoordelijk voor.",
                     "en": "Context indicator: it describes the territory; the strategy is not alone "
                           "responsible for it."},
    # editors
    "editor_only": {"fr": "Réservé aux éditeurs : connectez-vous pour importer, annuler un import ou enregistrer "
                          "une correspondance.",
                    "nl": "Alleen voor redacteurs: meld u aan om te importeren, een import terug te draaien of een "
                          "koppeling op te slaan.",
                    "en": "Editors only: sign in to import, roll back an import or save a mapping."},
    "editor_password": {"fr": "Mot de passe éditeur", "nl": "Redacteurswachtwoord", "en": "Editor password"},
    "editor_name": {"fr": "Votre nom (inscrit dans l'historique)", "nl": "Uw naam (in de geschiedenis)",
                    "en": "Your name (recorded in the history)"},
    "sign_in": {"fr": "Se connecter", "nl": "Aanmelden", "en": "Sign in"},
    "sign_out": {"fr": "Se déconnecter", "nl": "Afmelden", "en": "Sign out"},
    "wrong_password": {"fr": "Mot de passe incorrect.", "nl": "Onjuist wachtwoord.", "en": "Wrong password."},
    "no_password_set": {"fr": "Aucun mot de passe éditeur n'est défini. Un administrateur doit lancer "
                              "`python -m indicators hash-password` et copier la ligne obtenue dans "
                              "`.streamlit/secrets.toml` (voir docs/deployment.md).",
                        "nl": "Er is geen redacteurswachtwoord ingesteld. Een beheerder moet "
                              "`python -m indicators hash-password` uitvoeren en de regel in "
                              "`.streamlit/secrets.toml` zetten (zie docs/deployment.md).",
                        "en": "No editor password is set. An administrator must run "
                              "`python -m indicators hash-password` and copy the line it prints into "
                              "`.streamlit/secrets.toml` (see docs/deployment.md)."},
    "signed_in_as": {"fr": "Connecté comme éditeur : {name}", "nl": "Aangemeld als redacteur: {name}",
                     "en": "Signed in as editor: {name}"},
    "not_an_editor": {"fr": "{email} n'est pas sur la liste des éditeurs.",
                      "nl": "{email} staat niet op de lijst van redacteurs.",
                      "en": "{email} is not on the list of editors."},
    "sign_in_oidc": {"fr": "Se connecter avec le compte de l'organisation", "nl": "Aanmelden met het "
                     "organisatieaccount", "en": "Sign in with your organisation's account"},
    # data page
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
    "problems_found": {"fr": "{n} problème(s) à corriger avant l'import.", "nl": "{n} probleem/problemen op te "
                       "lossen vóór de import.", "en": "{n} problem(s) to fix before importing."},
    "download_problems": {"fr": "Télécharger la liste des problèmes", "nl": "Lijst van problemen downloaden",
                          "en": "Download the list of problems"},
    "notices": {"fr": "{n} remarque(s)", "nl": "{n} opmerking(en)", "en": "{n} notice(s)"},
    "fix_then_retry": {"fr": "Corrigez les fichiers puis déposez-les à nouveau, ou choisissez d'importer sans les "
                             "lignes en erreur.",
                       "nl": "Verbeter de bestanden en laad ze opnieuw op, of kies om zonder de foutieve rijen te "
                             "importeren.",
                       "en": "Fix the files and drop them again, or choose to import without the rows in error."},
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
    "import_failed": {"fr": "L'import n'a pas eu lieu : les données ont changé entre-temps. Vérifiez de nouveau.",
                      "nl": "De import is niet gebeurd: de gegevens zijn intussen gewijzigd. Controleer opnieuw.",
                      "en": "The import did not happen: the data changed meanwhile. Check again."},
    "imported": {"fr": "Import n°{batch} enregistré : {added} ajoutée(s), {updated} modifiée(s), {unchanged} "
                       "inchangée(s), {rejected} écartée(s). Toutes les pages sont à jour.",
                 "nl": "Import nr. {batch} opgeslagen: {added} toegevoegd, {updated} gewijzigd, {unchanged} "
                       "ongewijzigd, {rejected} geweigerd. Alle pagina's zijn bijgewerkt.",
                 "en": "Import #{batch} saved: {added} added, {updated} updated, {unchanged} unchanged, "
                       "{rejected} rejected. Every page is up to date."},
    "rolled_back": {"fr": "Import n°{batch} annulé : {removed} ligne(s) retirée(s), {restored} restaurée(s).",
                    "nl": "Import nr. {batch} teruggedraaid: {removed} rij(en) verwijderd, {restored} hersteld.",
                    "en": "Import #{batch} rolled back: {removed} row(s) removed, {restored} restored."},
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
    "templates_help": {"fr": "Un modèle par table, avec ses colonnes et une ligne d'exemple ; le XLSX a une feuille "
                             "de notes qui explique chaque colonne.",
                       "nl": "Eén sjabloon per tabel, met de kolommen en een voorbeeldrij; de XLSX heeft een blad "
                             "met uitleg bij elke kolom.",
                       "en": "One template per table, with its columns and an example row; the XLSX has a notes "
                             "sheet explaining each column."},
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
    "mapping_advanced": {"fr": "Correspondance complète (JSON, voir docs/data-format.md)",
                         "nl": "Volledige koppeling (JSON, zie docs/data-format.md)",
                         "en": "Full mapping (JSON, see docs/data-format.md)"},
    "mapping_incomplete": {"fr": "Correspondance incomplète : {detail}", "nl": "Onvolledige koppeling: {detail}",
                           "en": "Mapping incomplete: {detail}"},
    "mapping_summary": {"fr": "{observations} observation(s) tirée(s) de {rows} ligne(s). Aperçu :",
                        "nl": "{observations} waarneming(en) uit {rows} rij(en). Voorbeeld:",
                        "en": "{observations} observation(s) from {rows} row(s). Preview:"},
    "mapping_save_as": {"fr": "Enregistrer cette correspondance sous le nom", "nl": "Deze koppeling opslaan als",
                        "en": "Save this mapping as"},
    "mapping_save": {"fr": "Enregistrer", "nl": "Opslaan", "en": "Save"},
    "mapping_saved": {"fr": "Correspondance « {name} » enregistrée : réutilisable l'an prochain, ici ou avec "
                            "`import --mapping`.",
                      "nl": "Koppeling '{name}' opgeslagen: volgend jaar herbruikbaar, hier of met "
                            "`import --mapping`.",
                      "en": "Mapping '{name}' saved: reuse it next year, here or with `import --mapping`."},
    "notes_sheet": {"fr": "notes", "nl": "uitleg", "en": "notes"},
    # placeholders
    "map_placeholder": {"fr": "La carte des territoires et des flux arrive bientôt.",
                        "nl": "De kaart van gebieden en stromen komt binnenkort.",
                        "en": "The map of territories and flows is coming soon."},
    "data_placeholder": {"fr": "L'import de fichiers depuis le tableau de bord arrive bientôt. En attendant : "
                               "`python -m indicators import FICHIER`.",
                         "nl": "Bestanden importeren vanuit het dashboard komt binnenkort. Intussen: "
                               "`python -m indicators import BESTAND`.",
                         "en": "Importing files from the dashboard is coming soon. Meanwhile: "
                               "`python -m indicators import FILE`."},
    # action statuses (implementation)
    "impl_planned": {"fr": "prévue", "nl": "gepland", "en": "planned"},
    "impl_ongoing": {"fr": "en cours", "nl": "lopend", "en": "ongoing"},
    "impl_done": {"fr": "réalisée", "nl": "afgerond", "en": "done"},
    "impl_delayed": {"fr": "retardée", "nl": "vertraagd", "en": "delayed"},
    "impl_cancelled": {"fr": "annulée", "nl": "geannuleerd", "en": "cancelled"},
    # flags
    "flag_p": {"fr": "provisoire", "nl": "voorlopig", "en": "provisional"},
    "flag_e": {"fr": "estimé", "nl": "geschat", "en": "estimated"},
    "flag_b": {"fr": "rupture de série", "nl": "breuk in de reeks", "en": "break in series"},
    "flag_c": {"fr": "confidentiel", "nl": "vertrouwelijk", "en": "confidential"},
    "flag_u": {"fr": "fiabilité faible", "nl": "lage betrouwbaarheid", "en": "low reliability"},
    # --- actions & explorer pages (helper)
    "actions_summary": {"fr": "**{actions}** actions et **{indicators}** indicateurs correspondent aux filtres.",
                        "nl": "**{actions}** acties en **{indicators}** indicatoren passen bij de filters.",
                        "en": "**{actions}** actions and **{indicators}** indicators match the filters."},
    "indicators_progress": {"fr": "Avancement des indicateurs", "nl": "Voortgang van de indicatoren",
                            "en": "Progress of the indicators"},
    "calendar": {"fr": "Calendrier", "nl": "Looptijd", "en": "Timeline"},
    "mean_progress": {"fr": "Avancement moyen", "nl": "Gemiddelde voortgang", "en": "Mean progress"},
    "progress_help": {"fr": "Part du chemin parcouru de la valeur de référence à la cible (de 0 à 100 %).",
                      "nl": "Deel van de weg van referentiewaarde naar streefwaarde dat is afgelegd (0 tot 100 %).",
                      "en": "Share of the way from the baseline to the target covered so far (0 to 100 %)."},
    "score_help": {"fr": "Score de −5 à +5 : moyenne des indicateurs évalués de l'action.",
                   "nl": "Score van −5 tot +5: gemiddelde van de beoordeelde indicatoren van de actie.",
                   "en": "Score from −5 to +5: mean of the action's assessed indicators."},
    "trend_help": {"fr": "Valeurs annuelles du territoire de référence.",
                   "nl": "Jaarwaarden van het referentiegebied.",
                   "en": "Annual values of the headline territory."},
    "milestone_help": {"fr": "Valeur intermédiaire attendue et statut de la série par rapport à elle.",
                       "nl": "Verwachte tussenwaarde en de status van de reeks ten opzichte ervan.",
                       "en": "Intermediate value expected and the series' status against it."},
    "headline_territory": {"fr": "Territoire de référence", "nl": "Referentiegebied", "en": "Headline territory"},
    "headline_help": {"fr": "Le territoire de la cible ; sans cible, celui qui a le plus de valeurs.",
                      "nl": "Het gebied van de streefwaarde; zonder streefwaarde, het gebied met de meeste waarden.",
                      "en": "The target's territory; without a target, the one with the most values."},
    "projection_help": {"fr": "Tendance des valeurs observées (moindres carrés) prolongée jusqu'à l'année cible.",
                        "nl": "Trend van de waargenomen waarden (kleinste kwadraten) doorgetrokken tot het doeljaar.",
                        "en": "Trend of the observed values (least squares) extended to the target year."},
    "flagged_values": {"fr": "Valeur signalée", "nl": "Gemarkeerde waarde", "en": "Flagged value"},
    "chart_no_data": {"fr": "Aucune valeur à afficher", "nl": "Geen waarden om te tonen", "en": "No value to show"},
    "n_territories": {"fr": "{n} territoire(s)", "nl": "{n} gebied(en)", "en": "{n} territory(ies)"},
    "no_data_side": {"fr": "Pas de valeur côté {side} avec ces filtres.",
                     "nl": "Geen waarde aan de kant {side} met deze filters.",
                     "en": "No value on the {side} side with these filters."},
    "no_indicators_action": {"fr": "Cette action n'a pas encore d'indicateur : ajoutez-en depuis la page Données.",
                             "nl": "Deze actie heeft nog geen indicator: voeg er een toe via de pagina Gegevens.",
                             "en": "This action has no indicator yet: add some from the Data page."},
    "other_territories": {"fr": "Territoires transfrontaliers et autres", "nl": "Grensoverschrijdende en andere gebieden",
                          "en": "Cross-border and other territories"},
    "statuses_by_territory": {"fr": "Statut par territoire", "nl": "Status per gebied", "en": "Status by territory"},
    "territory_code": {"fr": "Code territoire", "nl": "Gebiedscode", "en": "Territory code"},
    "interreg_code": {"fr": "Code Interreg", "nl": "Interreg-code", "en": "Interreg code"},
    "wanted_direction": {"fr": "Sens souhaité", "nl": "Gewenste richting", "en": "Desired direction"},
    "direction_increase": {"fr": "à la hausse", "nl": "stijgend", "en": "upwards"},
    "direction_decrease": {"fr": "à la baisse", "nl": "dalend", "en": "downwards"},
    "periodicity_label": {"fr": "Périodicité", "nl": "Periodiciteit", "en": "Periodicity"},
    "periodicity_annual": {"fr": "annuelle", "nl": "jaarlijks", "en": "annual"},
    "periodicity_quarterly": {"fr": "trimestrielle", "nl": "driemaandelijks", "en": "quarterly"},
    "periodicity_monthly": {"fr": "mensuelle", "nl": "maandelijks", "en": "monthly"},
    "periodicity_multiannual": {"fr": "pluriannuelle", "nl": "meerjaarlijks", "en": "multiannual"},
    "not_given": {"fr": "non renseigné", "nl": "niet ingevuld", "en": "not given"},
    "missing_in_year": {"fr": "Sans valeur en {year} : {names}.", "nl": "Geen waarde in {year}: {names}.",
                        "en": "No value in {year}: {names}."},
    "rows_shown": {"fr": "{n} valeurs affichées, téléchargeables ci-dessous.",
                   "nl": "{n} getoonde waarden, hieronder te downloaden.",
                   "en": "{n} values shown, downloadable below."},
    "indicator_outside_filters": {"fr": "L'indicateur {code} ne fait pas partie des actions filtrées : "
                                        "effacez les filtres pour le voir.",
                                  "nl": "Indicator {code} hoort niet bij de gefilterde acties: "
                                        "wis de filters om hem te zien.",
                                  "en": "Indicator {code} is not among the filtered actions: "
                                        "clear the filters to see it."},
    "flag_legend": {"fr": "⚑ valeur signalée (provisoire, estimée, rupture de série…) : le détail est dans le tableau.",
                    "nl": "⚑ gemarkeerde waarde (voorlopig, geschat, breuk in de reeks…): details in de tabel.",
                    "en": "⚑ flagged value (provisional, estimated, break in series…): details in the table."},
    "series_limited": {"fr": "{total} territoires : le graphique en montre {shown} (ceux de la cible, puis ceux qui ont "
                             "le plus de valeurs, des deux côtés). Choisissez les territoires dans le filtre à gauche ; "
                             "le classement et le tableau les montrent tous.",
                       "nl": "{total} gebieden: de grafiek toont er {shown} (die van de streefwaarde, dan die met de "
                             "meeste waarden, aan beide kanten). Kies de gebieden in de filter links; de rangschikking "
                             "en de tabel tonen ze allemaal.",
                       "en": "{total} territories: the chart shows {shown} (the target's, then those with the most "
                             "values, on both sides). Choose territories in the filter on the left; the ranking and "
                             "the table show them all."},
    "series_limited_side": {"fr": "{total} territoires : chaque graphique en montre au plus {limit} ; "
                                  "l'explorateur d'indicateurs les montre tous.",
                            "nl": "{total} gebieden: elke grafiek toont er hoogstens {limit}; "
                                  "de indicatorverkenner toont ze allemaal.",
                            "en": "{total} territories: each chart shows at most {limit}; "
                                  "the indicator explorer shows them all."},
    "ranking_limited": {"fr": "Les {n} premiers et les {n} derniers des {total} territoires ; le tableau les donne tous.",
                        "nl": "De {n} eerste en de {n} laatste van de {total} gebieden; de tabel geeft ze allemaal.",
                        "en": "The top {n} and the bottom {n} of {total} territories; the table gives them all."},
    "flow_indicator": {"fr": "Indicateur de flux entre territoires : ses valeurs sont sur la page Carte.",
                       "nl": "Indicator van stromen tussen gebieden: de waarden staan op de pagina Kaart.",
                       "en": "Indicator of flows between territories: its values are on the Map page."},
    "and_more": {"fr": "et {n} autres", "nl": "en {n} andere", "en": "and {n} more"},
    "growth_per_year": {"fr": "Évolution annuelle moyenne", "nl": "Gemiddelde jaarlijkse evolutie",
                        "en": "Mean annual change"},
    # --- map page (helper)
    "map_intro": {"fr": "Valeurs de l'indicateur choisi par territoire, ou ses flux transfrontaliers. Cliquez sur un "
                        "territoire pour le choisir dans les filtres et voir sa fiche.",
                  "nl": "Waarden van de gekozen indicator per gebied, of de grensoverschrijdende stromen ervan. Klik op "
                        "een gebied om het in de filters te kiezen en de fiche te zien.",
                  "en": "Values of the chosen indicator by territory, or its cross-border flows. Click a territory to "
                        "select it in the filters and see its card."},
    "map_colour_by": {"fr": "Couleur selon", "nl": "Kleur volgens", "en": "Colour by"},
    "map_colour_value": {"fr": "Valeur", "nl": "Waarde", "en": "Value"},
    "map_colour_status": {"fr": "Statut de progrès", "nl": "Voortgangsstatus", "en": "Progress status"},
    "map_kind": {"fr": "Territoires montrés", "nl": "Getoonde gebieden", "en": "Territories shown"},
    "map_kind_commune": {"fr": "Communes", "nl": "Gemeenten", "en": "Municipalities"},
    "map_kind_epci": {"fr": "Intercommunalités (EPCI)", "nl": "Intercommunales (EPCI)", "en": "Inter-municipal bodies (EPCI)"},
    "map_kind_arrondissement": {"fr": "Arrondissements", "nl": "Arrondissementen", "en": "Arrondissements"},
    "map_kind_nuts3": {"fr": "NUTS 3 (départements, arrondissements)", "nl": "NUTS 3 (departementen, arrondissementen)",
                       "en": "NUTS 3 (departments, arrondissements)"},
    "map_kind_department": {"fr": "Départements", "nl": "Departementen", "en": "Departments"},
    "map_kind_province": {"fr": "Provinces", "nl": "Provincies", "en": "Provinces"},
    "map_kind_region": {"fr": "Régions", "nl": "Gewesten en regio's", "en": "Regions"},
    "map_kind_custom": {"fr": "Autres territoires", "nl": "Andere gebieden", "en": "Other territories"},
    "map_period": {"fr": "Période affichée", "nl": "Getoonde periode", "en": "Period shown"},
    "map_latest_option": {"fr": "La plus récente", "nl": "Meest recente", "en": "Most recent"},
    "map_classes": {"fr": "Classes", "nl": "Klassen", "en": "Classes"},
    "map_method_quantiles": {"fr": "Quantiles", "nl": "Kwantielen", "en": "Quantiles"},
    "map_method_equal_interval": {"fr": "Intervalles égaux", "nl": "Gelijke intervallen", "en": "Equal intervals"},
    "map_method_natural_breaks": {"fr": "Seuils de Jenks", "nl": "Jenks-grenzen", "en": "Jenks breaks"},
    "map_k": {"fr": "Nombre de classes", "nl": "Aantal klassen", "en": "Number of classes"},
    "map_palette": {"fr": "Couleurs", "nl": "Kleuren", "en": "Colours"},
    "map_palette_help": {"fr": "Palettes lisibles par les daltoniens (Paul Tol). Les palettes divergentes sont centrées "
                               "sur la médiane ; le bleu (ou le vert) va du côté souhaité par l'indicateur.",
                         "nl": "Kleurenblindveilige paletten (Paul Tol). Divergerende paletten zijn gecentreerd op de "
                               "mediaan; blauw (of groen) ligt aan de gewenste kant van de indicator.",
                         "en": "Colour-blind-safe palettes (Paul Tol). Diverging palettes are centred on the median; "
                               "blue (or green) lies on the indicator's desired side."},
    "map_palette_ylorbr": {"fr": "Séquentielle · jaune → brun", "nl": "Sequentieel · geel → bruin",
                           "en": "Sequential · yellow → brown"},
    "map_palette_iridescent": {"fr": "Séquentielle · irisée", "nl": "Sequentieel · iriserend",
                               "en": "Sequential · iridescent"},
    "map_palette_sunset": {"fr": "Divergente · rouge (moins bien) → bleu (mieux)",
                           "nl": "Divergerend · rood (slechter) → blauw (beter)",
                           "en": "Diverging · red (worse) → blue (better)"},
    "map_palette_prgn": {"fr": "Divergente · violet (moins bien) → vert (mieux)",
                         "nl": "Divergerend · paars (slechter) → groen (beter)",
                         "en": "Diverging · purple (worse) → green (better)"},
    "map_symbol": {"fr": "Sans contour, montrer", "nl": "Zonder grenzen, tonen als", "en": "Without a shape, show"},
    "map_symbol_circles": {"fr": "Cercles proportionnels", "nl": "Evenredige cirkels", "en": "Proportional circles"},
    "map_symbol_columns": {"fr": "Colonnes", "nl": "Kolommen", "en": "Columns"},
    "map_online": {"fr": "Fond de carte web", "nl": "Online basiskaart", "en": "Online basemap"},
    "map_online_help": {"fr": "Ajoute sous les territoires un fond de carte téléchargé sur Internet (Carto). Désactivé "
                              "par défaut : la carte fonctionne sans Internet.",
                        "nl": "Voegt onder de gebieden een achtergrondkaart van het internet toe (Carto). Standaard "
                              "uit: de kaart werkt zonder internet.",
                        "en": "Adds a basemap downloaded from the internet (Carto) under the territories. Off by "
                              "default: the map works without internet."},
    "map_no_data": {"fr": "Pas de donnée", "nl": "Geen gegevens", "en": "No data"},
    "map_flow_direction": {"fr": "de l'origine (foncé) à la destination (orange)",
                           "nl": "van herkomst (donker) naar bestemming (oranje)",
                           "en": "from origin (dark) to destination (orange)"},
    "map_flows_caption": {"fr": "{n} flux en {period} ; la largeur d'un arc est proportionnelle à sa valeur.",
                          "nl": "{n} stromen in {period}; de breedte van een boog is evenredig met de waarde.",
                          "en": "{n} flows in {period}; the width of an arc is proportional to its value."},
    "map_flows_tag": {"fr": "flux", "nl": "stromen", "en": "flows"},
    "map_no_flows": {"fr": "Pas de flux pour cet indicateur avec ces filtres : élargissez la période.",
                     "nl": "Geen stromen voor deze indicator met deze filters: verruim de periode.",
                     "en": "No flows for this indicator with these filters: widen the period."},
    "map_mixed_periods": {"fr": "Dernière valeur de chaque territoire : périodes de {first} à {last}.",
                          "nl": "Laatste waarde van elk gebied: periodes van {first} tot {last}.",
                          "en": "Latest value of each territory: periods from {first} to {last}."},
    "map_no_boundaries": {"fr": "Aucun contour chargé : les territoires sont des cercles à leurs coordonnées, sans "
                                "tracé de la frontière. Un éditeur peut charger des contours (GeoJSON ou TopoJSON) "
                                "ci-dessous pour obtenir une carte choroplèthe et la frontière.",
                          "nl": "Geen grenzen geladen: de gebieden zijn cirkels op hun coördinaten, zonder de "
                                "landsgrens. Een redacteur kan hieronder grenzen (GeoJSON of TopoJSON) laden voor een "
                                "choropletenkaart en de landsgrens.",
                          "en": "No boundaries uploaded: territories are circles at their coordinates, and the border "
                                "is not drawn. An editor can upload boundaries (GeoJSON or TopoJSON) below to get a "
                                "choropleth map and the border."},
    "map_without_shape": {"fr": "{n} territoire(s) avec une valeur mais sans contour, montrés en cercles : {names}.",
                          "nl": "{n} gebied(en) met een waarde maar zonder grens, getoond als cirkels: {names}.",
                          "en": "{n} territory(ies) with a value but no shape, shown as circles: {names}."},
    "map_no_values": {"fr": "Aucun indicateur de ces filtres n'a de valeur à cartographier : élargissez les filtres.",
                      "nl": "Geen indicator van deze filters heeft waarden om in kaart te brengen: verruim de filters.",
                      "en": "No indicator of these filters has values to map: widen the filters."},
    "map_panel_empty": {"fr": "Cliquez sur un territoire de la carte pour voir sa fiche ici.",
                        "nl": "Klik op een gebied op de kaart om hier de fiche te zien.",
                        "en": "Click a territory on the map to see its card here."},
    "map_open_explorer": {"fr": "Ouvrir dans l'explorateur d'indicateurs", "nl": "Openen in de indicatorverkenner",
                          "en": "Open in the indicator explorer"},
    "map_latest_values": {"fr": "Dernières valeurs des indicateurs filtrés", "nl": "Laatste waarden van de gefilterde "
                          "indicatoren", "en": "Latest values of the filtered indicators"},
    "map_legend_status": {"fr": "Statut de progrès", "nl": "Voortgangsstatus", "en": "Progress status"},
    "map_boundaries": {"fr": "Contours des territoires (GeoJSON, TopoJSON)", "nl": "Grenzen van de gebieden (GeoJSON, "
                       "TopoJSON)", "en": "Territory boundaries (GeoJSON, TopoJSON)"},
    "map_sets_none": {"fr": "Aucun jeu de contours enregistré.", "nl": "Geen set grenzen opgeslagen.",
                      "en": "No boundary set saved."},
    "map_col_set": {"fr": "Jeu de contours", "nl": "Set grenzen", "en": "Boundary set"},
    "map_col_property": {"fr": "Propriété du code", "nl": "Eigenschap met de code", "en": "Code property"},
    "map_col_features": {"fr": "Contours", "nl": "Vormen", "en": "Shapes"},
    "map_col_matched": {"fr": "Territoires reconnus", "nl": "Herkende gebieden", "en": "Territories matched"},
    "map_col_saved": {"fr": "Enregistré le", "nl": "Opgeslagen op", "en": "Saved on"},
    "map_missing_all": {"fr": "Territoires sans contour dans aucun jeu ({n})", "nl": "Gebieden zonder grens in geen "
                        "enkele set ({n})", "en": "Territories without a shape in any set ({n})"},
    "map_upload": {"fr": "Fichier de contours (GeoJSON ou TopoJSON, WGS84 ou projeté, {limit} Mo au plus)",
                   "nl": "Grenzenbestand (GeoJSON of TopoJSON, WGS84 of geprojecteerd, hoogstens {limit} MB)",
                   "en": "Boundary file (GeoJSON or TopoJSON, WGS84 or projected, {limit} MB at most)"},
    "map_code_property": {"fr": "Propriété qui porte le code du territoire", "nl": "Eigenschap met de gebiedscode",
                          "en": "Property holding the territory code"},
    "map_code_option": {"fr": "{prop} — {n} code(s) reconnu(s), ex. {example}",
                        "nl": "{prop} — {n} herkende code(s), bv. {example}",
                        "en": "{prop} — {n} code(s) matched, e.g. {example}"},
    "map_preview": {"fr": "« {file} » : {matched} territoire(s) reconnu(s) parmi {features} contours ; {unknown} "
                          "contour(s) au code inconnu (gardés en fond de carte s'ils sont proches) ; simplifié de "
                          "{before} à {after} points ({size} Ko).",
                    "nl": "„{file}”: {matched} herkend(e) gebied(en) op {features} vormen; {unknown} vorm(en) met een "
                          "onbekende code (als achtergrond bewaard als ze dichtbij liggen); vereenvoudigd van {before} "
                          "tot {after} punten ({size} kB).",
                    "en": "“{file}”: {matched} territory(ies) matched out of {features} shapes; {unknown} shape(s) "
                          "with an unknown code (kept as background when nearby); simplified from {before} to "
                          "{after} points ({size} KB)."},
    "map_unknown_title": {"fr": "Contours dont le code ne correspond à aucun territoire ({n})",
                          "nl": "Vormen waarvan de code bij geen enkel gebied hoort ({n})",
                          "en": "Shapes whose code matches no territory ({n})"},
    "map_missing_title": {"fr": "Territoires du même type sans contour dans ce fichier ({n})",
                          "nl": "Gebieden van hetzelfde type zonder vorm in dit bestand ({n})",
                          "en": "Territories of the same kind without a shape in this file ({n})"},
    "map_set_name": {"fr": "Nom du jeu de contours", "nl": "Naam van de set grenzen", "en": "Name of the boundary set"},
    "map_save": {"fr": "Enregistrer les contours", "nl": "Grenzen opslaan", "en": "Save the boundaries"},
    "map_saved": {"fr": "Contours « {name} » enregistrés : {n} territoire(s) ont un contour.",
                  "nl": "Grenzen „{name}” opgeslagen: {n} gebied(en) hebben een vorm.",
                  "en": "Boundaries “{name}” saved: {n} territory(ies) have a shape."},
    "map_delete_set": {"fr": "Jeu de contours à supprimer", "nl": "Te verwijderen set grenzen",
                       "en": "Boundary set to delete"},
    "map_delete": {"fr": "Supprimer", "nl": "Verwijderen", "en": "Delete"},
    "map_deleted": {"fr": "Contours « {name} » supprimés.", "nl": "Grenzen „{name}” verwijderd.",
                    "en": "Boundaries “{name}” deleted."},
    "map_err_too_big": {"fr": "« {file} » pèse {size} Mo : les fichiers de contours sont limités à {limit} Mo. "
                              "Simplifiez-le d'abord (par exemple avec mapshaper) ou gardez seulement votre territoire.",
                        "nl": "„{file}” is {size} MB: grenzenbestanden zijn beperkt tot {limit} MB. Vereenvoudig het "
                              "eerst (bijvoorbeeld met mapshaper) of houd alleen uw gebied over.",
                        "en": "“{file}” is {size} MB: boundary files are limited to {limit} MB. Simplify it first "
                              "(for instance with mapshaper) or keep only your area."},
    "map_err_empty": {"fr": "« {file} » est vide.", "nl": "„{file}” is leeg.", "en": "“{file}” is empty."},
    "map_err_json": {"fr": "« {file} » n'est pas un JSON valide (ligne {line}, colonne {column} : {detail}). "
                           "Exportez-le de nouveau en GeoJSON.",
                     "nl": "„{file}” is geen geldige JSON (regel {line}, kolom {column}: {detail}). Exporteer het "
                           "opnieuw als GeoJSON.",
                     "en": "“{file}” is not valid JSON (line {line}, column {column}: {detail}). Export it again as "
                           "GeoJSON."},
    "map_err_not_geojson": {"fr": "« {file} » n'est ni du GeoJSON (FeatureCollection ou Feature) ni du TopoJSON.",
                            "nl": "„{file}” is geen GeoJSON (FeatureCollection of Feature) en geen TopoJSON.",
                            "en": "“{file}” is neither GeoJSON (a FeatureCollection or a Feature) nor TopoJSON."},
    "map_err_bare_geometry": {"fr": "« {file} » contient une géométrie {type} seule, sans propriétés : il faut des "
                                    "« Feature » dont une propriété porte le code du territoire.",
                              "nl": "„{file}” bevat alleen een {type}-geometrie zonder eigenschappen: er zijn "
                                    "„Features” nodig waarvan een eigenschap de gebiedscode bevat.",
                              "en": "“{file}” holds a bare {type} geometry without properties: it needs Features "
                                    "with a property holding the territory code."},
    "map_err_too_many": {"fr": "« {file} » compte {n} contours ; la limite est {limit}. Gardez seulement votre "
                               "territoire.",
                         "nl": "„{file}” telt {n} vormen; de limiet is {limit}. Houd alleen uw gebied over.",
                         "en": "“{file}” has {n} shapes; the limit is {limit}. Keep only your area."},
    "map_err_no_polygons": {"fr": "« {file} » ne contient aucun polygone (des points ou des lignes ne délimitent pas "
                                  "un territoire).",
                            "nl": "„{file}” bevat geen enkele polygoon (punten of lijnen bakenen geen gebied af).",
                            "en": "“{file}” holds no polygon (points or lines do not outline a territory)."},
    "map_err_topojson": {"fr": "« {file} » est un TopoJSON mal formé (arcs ou objets illisibles).",
                         "nl": "„{file}” is een foutief TopoJSON-bestand (onleesbare bogen of objecten).",
                         "en": "“{file}” is a malformed TopoJSON (unreadable arcs or objects)."},
    "map_err_crs_unknown": {"fr": "« {file} » déclare un système de coordonnées inconnu ({crs}). Exportez-le en WGS84 "
                                  "(EPSG:4326), Lambert 93 (EPSG:2154), Lambert belge 2008 (EPSG:3812) ou "
                                  "EPSG:3035.",
                            "nl": "„{file}” vermeldt een onbekend coördinatenstelsel ({crs}). Exporteer het in WGS84 "
                                  "(EPSG:4326), Lambert 93 (EPSG:2154), Belgische Lambert 2008 (EPSG:3812) of "
                                  "EPSG:3035.",
                            "en": "“{file}” declares an unknown coordinate system ({crs}). Export it in WGS84 "
                                  "(EPSG:4326), Lambert 93 (EPSG:2154), Belgian Lambert 2008 (EPSG:3812) or "
                                  "EPSG:3035."},
    "map_err_crs_missing": {"fr": "« {file} » a des coordonnées projetées ({bounds}) sans dire dans quel système. "
                                  "Exportez-le en WGS84 (EPSG:4326) ou ajoutez le membre « crs ».",
                            "nl": "„{file}” heeft geprojecteerde coördinaten ({bounds}) zonder het stelsel te "
                                  "vermelden. Exporteer het in WGS84 (EPSG:4326) of voeg het lid „crs” toe.",
                            "en": "“{file}” has projected coordinates ({bounds}) without saying in which system. "
                                  "Export it in WGS84 (EPSG:4326) or add the “crs” member."},
    "map_err_coordinates": {"fr": "« {file} » : les coordonnées ne sont pas des longitudes et latitudes valides, même "
                                  "après reprojection.",
                            "nl": "„{file}”: de coördinaten zijn geen geldige lengte- en breedtegraden, ook niet na "
                                  "herprojectie.",
                            "en": "“{file}”: the coordinates are not valid longitudes and latitudes, even after "
                                  "reprojection."},
    "map_err_no_match": {"fr": "« {file} » : aucun code de la propriété « {prop} » ne correspond à un territoire "
                               "(codes du fichier : {examples} ; codes connus : {known}…). Choisissez une autre "
                               "propriété ou importez d'abord ces territoires.",
                         "nl": "„{file}”: geen enkele code van de eigenschap „{prop}” hoort bij een gebied (codes in "
                               "het bestand: {examples}; gekende codes: {known}…). Kies een andere eigenschap of "
                               "importeer eerst die gebieden.",
                         "en": "“{file}”: no code of the property “{prop}” matches a territory (codes in the file: "
                               "{examples}; known codes: {known}…). Choose another property or import those "
                               "territories first."},
    "map_err_no_properties": {"fr": "« {file} » : les contours n'ont aucune propriété qui puisse porter un code.",
                              "nl": "„{file}”: de vormen hebben geen eigenschap die een code kan bevatten.",
                              "en": "“{file}”: the shapes have no property that could hold a code."},
    "map_err_read": {"fr": "« {file} » n'a pas pu être lu ({detail}). Le fichier n'est pas enregistré.",
                     "nl": "„{file}” kon niet worden gelezen ({detail}). Het bestand is niet opgeslagen.",
                     "en": "“{file}” could not be read ({detail}). The file was not saved."},
    "map_note_encoding": {"fr": "« {file} » n'est pas en UTF-8 : lu en Windows-1252.",
                          "nl": "„{file}” is niet in UTF-8: gelezen als Windows-1252.",
                          "en": "“{file}” is not UTF-8: read as Windows-1252."},
    "map_note_topo_object": {"fr": "« {file} » : objet TopoJSON « {name} » utilisé ; autres objets ignorés : {others}.",
                             "nl": "„{file}”: TopoJSON-object „{name}” gebruikt; andere objecten genegeerd: {others}.",
                             "en": "“{file}”: TopoJSON object “{name}” used; other objects ignored: {others}."},
    "map_note_single_feature": {"fr": "« {file} » contient une seule Feature (et non une FeatureCollection) : elle est "
                                      "acceptée comme un jeu d'un seul contour.",
                                "nl": "„{file}” bevat één Feature (geen FeatureCollection): die wordt aanvaard als "
                                      "een set van één vorm.",
                                "en": "“{file}” holds a single Feature (not a FeatureCollection): it is accepted as a "
                                      "set of one shape."},
    "map_note_skipped": {"fr": "« {file} » : {n} élément(s) sans polygone (vides, points ou lignes) ignoré(s).",
                         "nl": "„{file}”: {n} element(en) zonder polygoon (leeg, punten of lijnen) genegeerd.",
                         "en": "“{file}”: {n} item(s) without a polygon (empty, points or lines) ignored."},
    "map_note_crs_guessed": {"fr": "« {file} » ne déclare pas son système de coordonnées ; ses coordonnées sont "
                                   "celles de {crs}.",
                             "nl": "„{file}” vermeldt zijn coördinatenstelsel niet; de coördinaten zijn die van {crs}.",
                             "en": "“{file}” does not declare its coordinate system; its coordinates are those of "
                                   "{crs}."},
    "map_note_reprojected": {"fr": "« {file} » était en {crs} : reprojeté en WGS84 (longitude, latitude).",
                             "nl": "„{file}” stond in {crs}: geherprojecteerd naar WGS84 (lengte, breedte).",
                             "en": "“{file}” was in {crs}: reprojected to WGS84 (longitude, latitude)."},
    # --- reports & data health (helper)
    "page_health": {"fr": "Santé des données", "nl": "Gezondheid van de gegevens", "en": "Data health"},
    "report_title": {"fr": "Rapport d'avancement", "nl": "Voortgangsrapport", "en": "Progress report"},
    "report_whole": {"fr": "Toute la stratégie", "nl": "De volledige strategie", "en": "The whole strategy"},
    "report_scope": {"fr": "Périmètre", "nl": "Reikwijdte", "en": "Scope"},
    "report_date": {"fr": "Date du rapport", "nl": "Datum van het rapport", "en": "Report date"},
    "report_file": {"fr": "rapport-avancement", "nl": "voortgangsrapport", "en": "progress-report"},
    "report_page": {"fr": "Page", "nl": "Pagina", "en": "Page"},
    "report_empty": {"fr": "Aucune action ne correspond à ces filtres : le rapport serait vide.",
                     "nl": "Geen enkele actie past bij deze filters: het rapport zou leeg zijn.",
                     "en": "No action matches these filters: the report would be empty."},
    "report_contents": {"fr": "Contenu : synthèse, les actions en un coup d'œil, une section par action avec ses "
                              "indicateurs, méthode, santé des données.",
                        "nl": "Inhoud: samenvatting, de acties in één oogopslag, een hoofdstuk per actie met haar "
                              "indicatoren, methode, gezondheid van de gegevens.",
                        "en": "Contents: summary, the actions at a glance, one section per action with its "
                              "indicators, method, data health."},
    "report_of_assessed": {"fr": "{n} sur {total} évaluées", "nl": "{n} van {total} beoordeeld",
                           "en": "{n} of {total} assessed"},
    "report_summary": {"fr": "Synthèse", "nl": "Samenvatting", "en": "Summary"},
    "report_status_counts": {"fr": "Statuts des actions et des indicateurs", "nl": "Status van acties en indicatoren",
                             "en": "Statuses of actions and indicators"},
    "report_indicators_headline": {"fr": "Indicateurs (territoire de référence)",
                                   "nl": "Indicatoren (referentiegebied)", "en": "Indicators (headline territory)"},
    "report_attention_none": {"fr": "Aucune action n'est en dégradation, en progrès limité ou en accélération "
                                    "nécessaire.",
                              "nl": "Geen enkele actie gaat achteruit, boekt beperkte vooruitgang of heeft versnelling "
                                    "nodig.",
                              "en": "No action is deteriorating, making limited progress or needing acceleration."},
    "report_overview": {"fr": "Les actions en un coup d'œil", "nl": "De acties in één oogopslag",
                        "en": "The actions at a glance"},
    "report_chart_limited": {"fr": "{total} territoires : le graphique en montre {shown} (ceux de la cible d'abord) ; "
                                   "le tableau de bord les montre tous.",
                             "nl": "{total} gebieden: de grafiek toont er {shown} (eerst die van de streefwaarde); "
                                   "het dashboard toont ze allemaal.",
                             "en": "{total} territories: the chart shows {shown} (the target's first); the dashboard "
                                   "shows them all."},
    "report_expected": {"fr": "Attendu sur la trajectoire", "nl": "Verwacht op het streefpad",
                        "en": "Expected on the target path"},
    "report_reason": {"fr": "Pourquoi non évalué", "nl": "Waarom niet beoordeeld", "en": "Why not assessed"},
    "report_sources": {"fr": "Sources", "nl": "Bronnen", "en": "Sources"},
    "report_flags": {"fr": "Valeurs signalées", "nl": "Gemarkeerde waarden", "en": "Flagged values"},
    "report_no_flags": {"fr": "aucune", "nl": "geen", "en": "none"},
    "report_data": {"fr": "Données", "nl": "Gegevens", "en": "Data"},
    "report_method_title": {"fr": "Méthode", "nl": "Methode", "en": "Method"},
    "report_method_intro": {"fr": "Chaque indicateur est suivi dans son territoire de référence, de sa base (la valeur "
                                  "de référence de sa cible, ou sa première valeur) à sa dernière valeur, avec la "
                                  "méthode {method}. Le taux de croissance annuel moyen observé est comparé au rythme "
                                  "nécessaire pour atteindre la cible à temps (rapport R) ; sans cible, il est lu tel "
                                  "quel (croissance g par an dans le sens souhaité).",
                            "nl": "Elke indicator wordt gevolgd in zijn referentiegebied, van zijn basis (de "
                                  "referentiewaarde van zijn streefwaarde, of zijn eerste waarde) tot zijn laatste "
                                  "waarde, met de methode {method}. Het waargenomen gemiddelde jaarlijkse "
                                  "groeipercentage wordt vergeleken met het tempo dat nodig is om de streefwaarde op "
                                  "tijd te halen (verhouding R); zonder streefwaarde wordt het op zich gelezen (groei "
                                  "g per jaar in de gewenste richting).",
                            "en": "Each indicator is followed in its headline territory, from its base (the baseline "
                                  "of its target, or its first value) to its latest value, with the {method} method. "
                                  "The compound annual growth rate observed is compared with the pace needed to reach "
                                  "the target on time (ratio R); without a target it is read on its own (growth g a "
                                  "year in the desired direction)."},
    "report_with_target": {"fr": "Avec une cible (R)", "nl": "Met streefwaarde (R)", "en": "With a target (R)"},
    "report_without_target": {"fr": "Sans cible (g par an)", "nl": "Zonder streefwaarde (g per jaar)",
                              "en": "Without a target (g a year)"},
    "report_rule_achieved": {"fr": "dernière valeur à la cible ou au-delà",
                             "nl": "laatste waarde op of voorbij de streefwaarde",
                             "en": "latest value at or past the target"},
    "report_rule_na": {"fr": "moins de deux années de données, ou taux non calculable",
                       "nl": "minder dan twee jaar gegevens, of geen berekenbaar groeipercentage",
                       "en": "fewer than two years of data, or no rate can be computed"},
    "report_method_score": {"fr": "Chaque indicateur évalué reçoit un score de −5 à +5. Le statut d'une action vient "
                                  "de la moyenne des scores de ses indicateurs : {high} ou plus en bonne voie, de {mid} "
                                  "à {high} accélération nécessaire, de {low} à {mid} progrès limité, sous {low} "
                                  "dégradation ; cible atteinte seulement si tous ses indicateurs l'ont atteinte, non "
                                  "évaluée si aucun ne l'est. Niveaux et thématiques font de même avec leurs actions.",
                            "nl": "Elke beoordeelde indicator krijgt een score van −5 tot +5. De status van een actie "
                                  "volgt uit het gemiddelde van de scores van haar indicatoren: {high} of meer op "
                                  "koers, van {mid} tot {high} versnelling nodig, van {low} tot {mid} beperkte "
                                  "vooruitgang, onder {low} achteruitgang; streefwaarde bereikt alleen als al haar "
                                  "indicatoren die bereikt hebben, niet beoordeeld als geen enkele beoordeeld is. "
                                  "Niveaus en thema's doen hetzelfde met hun acties.",
                            "en": "Each assessed indicator gets a score from −5 to +5. An action's status comes from "
                                  "the mean score of its indicators: {high} or more on track, {mid} to {high} "
                                  "acceleration needed, {low} to {mid} limited progress, below {low} deterioration; "
                                  "target achieved only when all its indicators are, not assessed when none is. Levels "
                                  "and themes do the same with their actions."},
    "report_method_charts": {"fr": "Sur les graphiques : les valeurs observées par territoire (côté français en trait "
                                   "plein et ronds, côté belge en tirets et carrés), la trajectoire cible de la "
                                   "référence à la cible (pointillés, étoile à la cible), le jalon (losange) et la "
                                   "projection de la tendance jusqu'à l'année cible (tirets gris). La projection aide "
                                   "à lire ; elle ne change jamais le statut. Un losange ouvert signale une valeur "
                                   "provisoire, estimée ou une rupture de série.",
                             "nl": "Op de grafieken: de waargenomen waarden per gebied (Franse kant volle lijn en "
                                   "cirkels, Belgische kant streepjes en vierkanten), het streefpad van referentie tot "
                                   "streefwaarde (stippellijn, ster bij de streefwaarde), de mijlpaal (ruit) en de "
                                   "projectie van de trend tot het doeljaar (grijze streepjes). De projectie helpt "
                                   "lezen; ze verandert de status nooit. Een open ruit markeert een voorlopige of "
                                   "geschatte waarde of een breuk in de reeks.",
                             "en": "On the charts: observed values by territory (French side solid lines and circles, "
                                   "Belgian side dashes and squares), the target path from baseline to target (dotted, "
                                   "a star at the target), the milestone (diamond) and the projection of the trend to "
                                   "the target year (grey dashes). The projection is a reading aid; it never changes "
                                   "the status. An open diamond marks a provisional or estimated value or a break in "
                                   "series."},
    "report_method_more": {"fr": "La méthode complète, avec des exemples chiffrés, est sur la page Méthodologie du "
                                 "tableau de bord.",
                           "nl": "De volledige methode, met uitgewerkte voorbeelden, staat op de pagina Methodologie "
                                 "van het dashboard.",
                           "en": "The full method, with worked examples, is on the dashboard's Methodology page."},
    "reason_no_data": {"fr": "aucune valeur", "nl": "geen waarde", "en": "no value"},
    "reason_no_direction": {"fr": "sens souhaité non renseigné", "nl": "gewenste richting niet ingevuld",
                            "en": "desired direction not given"},
    "reason_latest_before_base": {"fr": "dernière valeur antérieure à la référence",
                                  "nl": "laatste waarde ouder dan de referentie",
                                  "en": "latest value older than the baseline"},
    "reason_too_few_years": {"fr": "une seule année de données", "nl": "slechts één jaar gegevens",
                             "en": "a single year of data"},
    "reason_opposite_signs": {"fr": "base et dernière valeur de signes opposés",
                              "nl": "basis en laatste waarde met tegengesteld teken",
                              "en": "base and latest value of opposite signs"},
    "reason_target_before_base": {"fr": "cible antérieure à la référence", "nl": "streefwaarde vóór de referentie",
                                  "en": "target before the baseline"},
    "reason_target_opposite_sign": {"fr": "cible et base de signes opposés",
                                    "nl": "streefwaarde en basis met tegengesteld teken",
                                    "en": "target and base of opposite signs"},
    "reason_target_wrong_side": {"fr": "cible du mauvais côté de la référence",
                                 "nl": "streefwaarde aan de verkeerde kant van de referentie",
                                 "en": "target on the wrong side of the baseline"},
    "report_box_title": {"fr": "Rapport pour le comité de pilotage", "nl": "Rapport voor het stuurcomité",
                         "en": "Report for the steering committee"},
    "report_box_help": {"fr": "Le rapport suit les filtres actuels ({scope}) dans la langue choisie : synthèse, une "
                              "section par action avec les graphiques de ses indicateurs, méthode et santé des "
                              "données. Le HTML s'ouvre hors ligne ; le PDF est au format A4.",
                        "nl": "Het rapport volgt de huidige filters ({scope}) in de gekozen taal: samenvatting, een "
                              "hoofdstuk per actie met de grafieken van haar indicatoren, methode en gezondheid van de "
                              "gegevens. De HTML opent offline; de PDF is in A4-formaat.",
                        "en": "The report follows the current filters ({scope}) in the chosen language: summary, one "
                              "section per action with its indicators' charts, method and data health. The HTML "
                              "opens offline; the PDF is A4."},
    "report_download_html": {"fr": "Télécharger le rapport (HTML)", "nl": "Rapport downloaden (HTML)",
                             "en": "Download the report (HTML)"},
    "report_download_pdf": {"fr": "Télécharger le rapport (PDF A4)", "nl": "Rapport downloaden (PDF A4)",
                            "en": "Download the report (PDF A4)"},
    "report_pdf_unavailable": {"fr": "Le PDF ne peut pas être produit sur ce serveur : {detail} Le rapport HTML "
                                     "s'imprime depuis le navigateur.",
                               "nl": "De PDF kan op deze server niet worden gemaakt: {detail} Het HTML-rapport kan "
                                     "vanuit de browser worden afgedrukt.",
                               "en": "The PDF cannot be produced on this server: {detail} The HTML report prints from "
                                     "the browser."},
    "health_page_intro": {"fr": "Ce qui manque, ce qui est en retard, à qui le demander, et ce qui se compare d'un "
                                "côté à l'autre de la frontière, pour les indicateurs des filtres.",
                          "nl": "Wat ontbreekt, wat achterloopt, wie het te vragen, en wat over de grens heen "
                                "vergelijkbaar is, voor de indicatoren van de filters.",
                          "en": "What is missing, what is late, whom to ask, and what compares across the border, "
                                "for the indicators of the filters."},
    "health_intro": {"fr": "Période de référence : {period}, la plus récente pour laquelle la base contient une valeur. "
                           "Une donnée est attendue une période après la dernière reçue, et en retard après deux : un "
                           "indicateur annuel sans valeur depuis deux ans est en retard.",
                     "nl": "Referentieperiode: {period}, de recentste waarvoor de databank een waarde bevat. Een "
                           "gegeven wordt verwacht één periode na het laatst ontvangene, en is achterstallig na twee: "
                           "een jaarlijkse indicator zonder waarde sinds twee jaar is achterstallig.",
                     "en": "Reference period: {period}, the latest for which the store holds a value. A value is due "
                           "one period after the latest received, and overdue after two: a yearly indicator with no "
                           "value for two years is overdue."},
    "health_kpi_overdue": {"fr": "Indicateurs en retard ou sans donnée", "nl": "Indicatoren achterstallig of zonder "
                           "gegevens", "en": "Indicators overdue or without data"},
    "health_kpi_due": {"fr": "Indicateurs attendus (une période)", "nl": "Verwachte indicatoren (één periode)",
                       "en": "Indicators due (one period)"},
    "health_latest_values": {"fr": "{n} valeurs sur {expected} attendues en {year}",
                             "nl": "{n} van {expected} verwachte waarden in {year}",
                             "en": "{n} of {expected} expected values in {year}"},
    "health_kpi_not_comparable": {"fr": "Indicateurs non comparables d'un côté à l'autre",
                                  "nl": "Indicatoren niet vergelijkbaar over de grens",
                                  "en": "Indicators not comparable across the border"},
    "health_to_ask": {"fr": "À qui demander quoi", "nl": "Wie wat vragen", "en": "Whom to ask for what"},
    "health_to_ask_what": {"fr": "Indicateurs à réclamer", "nl": "Op te vragen indicatoren",
                           "en": "Indicators to request"},
    "health_all_fresh": {"fr": "Tous les indicateurs sont à jour ou attendus depuis une période seulement : rien à "
                               "réclamer.",
                         "nl": "Alle indicatoren zijn bijgewerkt of pas één periode verwacht: niets op te vragen.",
                         "en": "Every indicator is up to date or due by one period only: nothing to chase."},
    "health_no_owner": {"fr": "référent non renseigné", "nl": "contactpersoon niet ingevuld",
                        "en": "owner not given"},
    "health_caution_not_comparable": {"fr": "Mesuré des deux côtés mais non comparable : ne pas comparer les valeurs "
                                            "françaises et belges.",
                                      "nl": "Aan beide kanten gemeten maar niet vergelijkbaar: vergelijk de Franse en "
                                            "Belgische waarden niet.",
                                      "en": "Measured on both sides but not comparable: do not compare French and "
                                            "Belgian values."},
    "health_caution_partial": {"fr": "Comparer avec prudence les valeurs françaises et belges (définitions ou sources "
                                     "différentes).",
                               "nl": "Franse en Belgische waarden voorzichtig vergelijken (verschillende definities of "
                                     "bronnen).",
                               "en": "Compare French and Belgian values with care (different definitions or "
                                     "sources)."},
    "health_sides": {"fr": "Côtés mesurés", "nl": "Gemeten kanten", "en": "Sides measured"},
    "health_by_year": {"fr": "Complétude par année", "nl": "Volledigheid per jaar", "en": "Completeness by year"},
    "health_by_year_help": {"fr": "Part des territoires couverts par chaque indicateur qui ont une valeur cette "
                                  "année-là.",
                            "nl": "Aandeel van de gebieden die elke indicator dekt met een waarde in dat jaar.",
                            "en": "Share of the territories each indicator covers that have a value that year."},
    "health_by_territory": {"fr": "Complétude par territoire en {year}", "nl": "Volledigheid per gebied in {year}",
                            "en": "Completeness by territory in {year}"},
    "health_territories_limited": {
        "fr": "{shown} territoires sur {total} : ceux qui ont le plus de valeurs manquantes. Choisissez des "
              "territoires dans les filtres pour voir les autres.",
        "nl": "{shown} van {total} gebieden: die met de meeste ontbrekende waarden. Kies gebieden in de filters "
              "om de andere te zien.",
        "en": "{shown} of {total} territories: those with the most missing values. Choose territories in the "
              "filters to see the others."},
    "health_by_territory_help": {"fr": "✓ valeur, ⚑ valeur signalée (provisoire, estimée…), ✗ manquante ; case vide : "
                                       "territoire non couvert par l'indicateur.",
                                 "nl": "✓ waarde, ⚑ gemarkeerde waarde (voorlopig, geschat…), ✗ ontbrekend; leeg vak: "
                                       "gebied niet gedekt door de indicator.",
                                 "en": "✓ value, ⚑ flagged value (provisional, estimated…), ✗ missing; blank: "
                                       "territory not covered by the indicator."},
    "health_not_covered": {"fr": "non couvert par l'indicateur", "nl": "niet gedekt door de indicator",
                           "en": "not covered by the indicator"},
    "health_cell": {"fr": "{n} territoire(s) sur {expected}", "nl": "{n} van {expected} gebied(en)",
                    "en": "{n} of {expected} territory(ies)"},
    "health_flows_note": {"fr": "Indicateurs de flux ({ids}) : comptés par couple origine → destination ; ils ne "
                                "figurent pas dans la matrice par territoire.",
                          "nl": "Stroomindicatoren ({ids}): geteld per paar herkomst → bestemming; ze staan niet in de "
                                "matrix per gebied.",
                          "en": "Flow indicators ({ids}): counted by origin → destination pair; they are not in the "
                                "matrix by territory."},
    "health_freshness": {"fr": "Fraîcheur des données et référents", "nl": "Actualiteit van de gegevens en "
                         "contactpersonen", "en": "Freshness of the data and owners"},
    "health_tab_territory": {"fr": "Par territoire", "nl": "Per gebied", "en": "By territory"},
    "health_year": {"fr": "Année", "nl": "Jaar", "en": "Year"},
    "health_behind": {"fr": "Retard", "nl": "Achterstand", "en": "Behind"},
    "fresh_up_to_date": {"fr": "à jour", "nl": "bijgewerkt", "en": "up to date"},
    "fresh_due": {"fr": "attendue", "nl": "verwacht", "en": "due"},
    "fresh_overdue": {"fr": "en retard", "nl": "achterstallig", "en": "overdue"},
    "fresh_no_data": {"fr": "aucune donnée", "nl": "geen gegevens", "en": "no data"},
    "behind_annual": {"fr": "{n} an(s) de retard", "nl": "{n} jaar achter", "en": "{n} year(s) behind"},
    "behind_quarterly": {"fr": "{n} trimestre(s) de retard", "nl": "{n} kwarta(a)l(en) achter",
                         "en": "{n} quarter(s) behind"},
    "behind_monthly": {"fr": "{n} mois de retard", "nl": "{n} maand(en) achter", "en": "{n} month(s) behind"},
    "behind_multiannual": {"fr": "{n} cycle(s) de retard", "nl": "{n} cyclus/cycli achter",
                           "en": "{n} cycle(s) behind"},
    "cell_value": {"fr": "valeur", "nl": "waarde", "en": "value"},
    "cell_flagged": {"fr": "valeur signalée", "nl": "gemarkeerde waarde", "en": "flagged value"},
    "cell_missing": {"fr": "manquante", "nl": "ontbrekend", "en": "missing"},
    "health_m_overdue": {"fr": "En retard ou vides", "nl": "Achterstallig of leeg", "en": "Overdue or no data"},
    "health_m_due": {"fr": "Attendus (une période)", "nl": "Verwacht (één periode)", "en": "Due (one period)"},
    "health_m_latest": {"fr": "Reçues pour {year}", "nl": "Ontvangen voor {year}",
                        "en": "Values received for {year}"},
    "health_m_not_comparable": {"fr": "Non comparables", "nl": "Niet vergelijkbaar", "en": "Not comparable"},
}

# Texts of newer areas live in `indicators/texts/<area>.py` (one module per concern, each with a
# `TEXTS` dict of the same shape); they join the one table here, and a key may be defined only once.
def _area_texts() -> None:
    import importlib
    import pkgutil

    from . import texts as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        clash = sorted(set(module.TEXTS) & set(TEXTS))
        if clash:
            raise RuntimeError(f"indicators/texts/{info.name}.py redefines {clash}")
        TEXTS.update(module.TEXTS)


_area_texts()

# Progress statuses: Open SDG words, and Eurostat's own words for the no-target case.
STATUS_TEXTS: dict[str, dict[str, str]] = {
    "achieved": {"fr": "Cible atteinte", "nl": "Streefwaarde bereikt", "en": "Target achieved"},
    "on_track": {"fr": "En bonne voie", "nl": "Op koers", "en": "On track"},
    "acceleration_needed": {"fr": "Accélération nécessaire", "nl": "Versnelling nodig", "en": "Acceleration needed"},
    "limited_progress": {"fr": "Progrès limité", "nl": "Beperkte vooruitgang", "en": "Limited progress"},
    "deterioration": {"fr": "Dégradation", "nl": "Achteruitgang", "en": "Deterioration"},
    "not_assessed": {"fr": "Non évalué", "nl": "Niet beoordeeld", "en": "Not assessed"},
}
EUROSTAT_TEXTS: dict[str, dict[str, str]] = {
    "on_track": {"fr": "Progrès significatif", "nl": "Significante vooruitgang", "en": "Significant progress"},
    "acceleration_needed": {"fr": "Progrès modéré", "nl": "Matige vooruitgang", "en": "Moderate progress"},
    "limited_progress": {"fr": "Éloignement modéré", "nl": "Matige verwijdering", "en": "Moderate movement away"},
    "deterioration": {"fr": "Éloignement significatif", "nl": "Significante verwijdering",
                      "en": "Significant movement away"},
}


# Encodings as the reader names them (Python codec names), and as a planner knows them.
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "utf-16": "UTF-16", "cp1252": "Windows-1252",
                  "iso-8859-1": "ISO-8859-1 (Latin-1)"}


def encoding_name(code: str | None) -> str:
    return "XLSX" if not code else ENCODING_NAMES.get(code.lower(), code)


def count(n: int, one_key: str, other_key: str, lang: str) -> str:
    """`1 action`, `3 actions`, `0 action` in French: the language's own plural rule (CLDR, via babel)."""
    from babel import Locale

    form = Locale.parse(lang).plural_form(n)
    return f"{number(n, lang, 0)} {t(one_key if form == 'one' else other_key, lang).lower()}"   # 1 001, not 1001


def t(key: str, lang: str, **params) -> str:
    entry = TEXTS[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**params) if params else text


def status_label(status: str, lang: str, method: str = "opensdg", has_target: bool = True) -> str:
    if method == "eurostat" and not has_target and status in EUROSTAT_TEXTS:
        return EUROSTAT_TEXTS[status][lang]
    return STATUS_TEXTS.get(status, STATUS_TEXTS["not_assessed"])[lang]


def pick_lang(requested: str | None, browser_locale: str | None) -> str:
    """The URL's language, else the browser's, else French."""
    if requested in LANGS:
        return requested
    base = (browser_locale or "").replace("_", "-").split("-")[0].lower()
    return base if base in LANGS else DEFAULT_LANG


def name(row, field: str, lang: str) -> str:
    """A framework name in the language, falling back to French then to the code."""
    for key in (f"{field}_{lang}", f"{field}_fr", f"{field}_en"):
        value = row.get(key) if hasattr(row, "get") else None
        if value is not None and not (isinstance(value, float) and math.isnan(value)) and str(value).strip():
            return str(value)
    return ""


def colon(lang: str) -> str:
    """A colon as the language writes it: French puts a narrow no-break space before it."""
    return "\u202f:" if lang == "fr" else ":"


def number(value, lang: str, decimals: int | None = 1) -> str:
    """1 234,5 in French, 1.234,5 in Dutch, 1,234.5 in English; an en dash for no value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    digits = 1 if decimals is None else int(decimals)
    value = round(float(value), digits) + 0.0  # no "-0,0"
    return _decimal_pattern(digits).apply(value, _locale(lang))


@functools.lru_cache(maxsize=16)
def _decimal_pattern(digits: int):
    # babel's format_decimal parses its pattern and locale on every call: 7,000 table cells took 0.2 s
    return parse_pattern("#,##0" + ("." + "0" * digits if digits > 0 else ""))


@functools.lru_cache(maxsize=8)
def _locale(lang: str) -> Locale:
    return Locale.parse(LOCALES[lang])


def percent(value, lang: str, decimals: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + " %"
    return format_percent(value, format=pattern, locale=LOCALES[lang])


def size(nbytes, lang: str) -> str:
    """A size in bytes as a reader says it: 340 ko, 1,2 Mo, 1.2 MB (babel's units)."""
    from babel.units import format_unit

    n = float(nbytes or 0)
    unit, value = (("digital-megabyte", n / 1e6) if n >= 1e6 else ("digital-kilobyte", n / 1e3))
    return format_unit(value, unit, locale=LOCALES.get(lang, "en_GB"), length="short", format="#,##0.#")


def when(value, lang: str) -> str:
    """A date or timestamp in the language's medium format."""
    if value in (None, ""):
        return "–"
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        return format_datetime(value, format="medium", locale=LOCALES[lang])
    if isinstance(value, date):
        return format_date(value, format="medium", locale=LOCALES[lang])
    return str(value)
