"""Interface texts in French, Dutch and English, and number and date formats (babel).

Every string the interface shows has a key here with its three languages; a
test fails when one is missing. Framework names (levels, themes, actions,
indicators, territories) come from the data's `name_fr/nl/en` columns.
"""
from __future__ import annotations

import math
from datetime import date, datetime

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal, format_percent

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
    "kpi_assessed": {"fr": "actions évaluées", "nl": "beoordeelde acties", "en": "actions assessed"},
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
}

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


def number(value, lang: str, decimals: int | None = 1) -> str:
    """1 234,5 in French, 1.234,5 in Dutch, 1,234.5 in English; an en dash for no value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    digits = 1 if decimals is None else int(decimals)
    value = round(float(value), digits) + 0.0  # no "-0,0"
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def percent(value, lang: str, decimals: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + " %"
    return format_percent(value, format=pattern, locale=LOCALES[lang])


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
