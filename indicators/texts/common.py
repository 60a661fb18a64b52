"""Texts every page shares: the shell (title, navigation, errors, sign-in: app.py, pages/common.py),
the pages' names, the implementation statuses of actions and the words of flags."""

TEXTS = {
    # shell
    "app_title": {"fr": "Observatoire de la coopération transfrontalière",
                  "nl": "Monitor grensoverschrijdende samenwerking",
                  "en": "Cross-Border Cooperation Monitor"},
    # The demo's strategy: written into the store's meta by the demo's loading (store/identity.py), never
    # shown by itself: every other store names its own strategy (`python -m indicators strategy-name`).
    "demo_strategy_name": {"fr": "Stratégie de coopération transfrontalière de la Métropole Européenne de Lille",
                           "nl": "Strategie voor grensoverschrijdende samenwerking van de Metropool Rijsel",
                           "en": "Cross-border cooperation strategy of the Lille European Metropolis"},
    "language": {"fr": "Langue", "nl": "Taal", "en": "Language"},
    # A moment (i18n.moment): the day as babel writes it (medium), then the time (short), joined as CLDR's
    # "atTime" patterns join them.
    "date_at_time": {"fr": "{date} à {time}", "nl": "{date} om {time}", "en": "{date} at {time}"},
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
    "notice_dropped_nearest": {"fr": "Filtre ignoré (code inconnu) : {what}. Vouliez-vous dire {code} ?",
                               "nl": "Filter genegeerd (onbekende code): {what}. Bedoelde u {code}?",
                               "en": "Filter ignored (unknown code): {what}. Did you mean {code}?"},
    "notice_lang_unknown": {"fr": "Langue inconnue dans le lien : {what} ; la page est en français.",
                            "nl": "Onbekende taal in de link: {what}; de pagina is in het Nederlands.",
                            "en": "Unknown language in the link: {what}; the page is in English."},
    "notice_period_clamped": {"fr": "Période du lien ({asked}) ramenée aux années qui ont des données : {shown}",
                              "nl": "Periode van de link ({asked}) beperkt tot de jaren met gegevens: {shown}",
                              "en": "The link's period ({asked}) narrowed to the years with data: {shown}"},
    # filters.parse_query's own notices: a link's territory not of its level (kept), a quarter or month
    # read as its year, a start after the end (swapped); the period then narrowed as notice_period_clamped says
    "notice_territory_other_level": {
        "fr": {"one": "{territories} n'est pas un territoire du niveau « {level} » : gardé dans le filtre, il peut "
                      "n'avoir aucune valeur pour les actions de ce niveau.",
               "other": "{territories} ne sont pas des territoires du niveau « {level} » : gardés dans le filtre, "
                        "ils peuvent n'avoir aucune valeur pour les actions de ce niveau."},
        "nl": {"one": "{territories} is geen gebied van het niveau '{level}': het blijft in de filter, maar heeft "
                      "mogelijk geen waarden voor de acties van dat niveau.",
               "other": "{territories} zijn geen gebieden van het niveau '{level}': ze blijven in de filter, maar "
                        "hebben mogelijk geen waarden voor de acties van dat niveau."},
        "en": {"one": "{territories} is not a territory of the level '{level}': it stays in the filter, but may have "
                      "no values for that level's actions.",
               "other": "{territories} are not territories of the level '{level}': they stay in the filter, but may "
                        "have no values for that level's actions."}},
    "notice_period_as_year": {"fr": "Période du lien {what} lue comme l'année {year} : le filtre compte en années.",
                              "nl": "Periode van de link {what} gelezen als het jaar {year}: de filter telt in jaren.",
                              "en": "The link's period {what} read as the year {year}: the filter counts in years."},
    "notice_period_swapped": {"fr": "Période du lien inversée (début {start} après la fin {end}) : lue comme "
                                    "{end}–{start}.",
                              "nl": "Periode van de link omgekeerd (begin {start} na het einde {end}): gelezen als "
                                    "{end}–{start}.",
                              "en": "The link's period was reversed (start {start} after the end {end}): read as "
                                    "{end}–{start}."},
    # i18n.bad_time_zone: the server's INDICATORS_TIME_ZONE names no known zone (said once per session)
    "notice_time_zone_bad": {"fr": "Le réglage {setting} n'est pas un fuseau horaire connu : "
                                   "les dates et heures sont affichées à l'heure de Bruxelles.",
                             "nl": "De instelling {setting} is geen bekende tijdzone: "
                                   "datums en tijden worden in Brusselse tijd getoond.",
                             "en": "The setting {setting} is not a known time zone: "
                                   "dates and times are shown in Brussels time."},
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
    "for_administrator": {"fr": "Pour l'administrateur : aucun accès éditeur n'est configuré",
                          "nl": "Voor de beheerder: er is geen redacteurstoegang ingesteld",
                          "en": "For the administrator: no editor access is set up"},
    # Shown only while neither way is set up (pages/editors.py): it names both.
    "no_password_set": {"fr": "Aucun mot de passe éditeur n'est défini, et aucun compte éditeur n'a de mot de "
                              "passe. Un administrateur a deux possibilités (voir docs/deployment.md) :\n\n"
                              "- un compte par éditeur : `python -m indicators account add ADRESSE --role editor "
                              "--password-stdin` ; l'éditeur se connecte ensuite sur la page « {page} » ;\n"
                              "- un mot de passe éditeur partagé : lancer `python -m indicators hash-password` et "
                              "copier la ligne obtenue dans `.streamlit/secrets.toml`.",
                        "nl": "Er is geen redacteurswachtwoord ingesteld, en geen redacteursaccount heeft een "
                              "wachtwoord. Een beheerder kan dat op twee manieren doen (zie docs/deployment.md):\n\n"
                              "- een account per redacteur: `python -m indicators account add ADRES --role editor "
                              "--password-stdin`; de redacteur meldt zich daarna aan op de pagina '{page}';\n"
                              "- een gedeeld redacteurswachtwoord: `python -m indicators hash-password` uitvoeren "
                              "en de regel in `.streamlit/secrets.toml` zetten.",
                        "en": "No editor password is set, and no editor account has a password. An "
                              "administrator has two ways (see docs/deployment.md):\n\n"
                              "- an account per editor: `python -m indicators account add EMAIL --role editor "
                              "--password-stdin`; the editor then signs in on the '{page}' page;\n"
                              "- one shared editor password: run `python -m indicators hash-password` and copy the "
                              "line it prints into `.streamlit/secrets.toml`."},
    "signed_in_as": {"fr": "Connecté comme éditeur : {name}", "nl": "Aangemeld als redacteur: {name}",
                     "en": "Signed in as editor: {name}"},
    "not_an_editor": {"fr": "{email} n'est pas sur la liste des éditeurs.",
                      "nl": "{email} staat niet op de lijst van redacteurs.",
                      "en": "{email} is not on the list of editors."},
    "sign_in_oidc": {"fr": "Se connecter avec le compte de l'organisation", "nl": "Aanmelden met het "
                     "organisatieaccount", "en": "Sign in with your organisation's account"},
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
    # the rest of Eurostat's list (schema.FLAGS), so that no page shows a bare letter for them
    "flag_d": {"fr": "définition différente", "nl": "definitie wijkt af", "en": "definition differs"},
    "flag_f": {"fr": "prévision", "nl": "prognose", "en": "forecast"},
    "flag_n": {"fr": "non significatif", "nl": "niet significant", "en": "not significant"},
    "flag_r": {"fr": "révisé", "nl": "herzien", "en": "revised"},
    "flag_s": {"fr": "estimation Eurostat", "nl": "raming van Eurostat", "en": "Eurostat estimate"},
    "flag_z": {"fr": "sans objet", "nl": "niet van toepassing", "en": "not applicable"},
    # The file uploader's own words (pages/widgets.file_uploader), in place of Streamlit's English.
    "upload_button": {"fr": "Parcourir", "nl": "Bladeren", "en": "Browse files"},
    "upload_limit": {"fr": "{types} · {size} Mo au plus par fichier", "nl": "{types} · hoogstens {size} MB per bestand",
                     "en": "{types} · {size} MB at most per file"},
    # A file the browser refused to send (Streamlit says "File must be 100.0MB or smaller." in English, in a
    # tooltip, and "Only one file is allowed." when several are dropped on a one-file uploader).
    "upload_refused_many": {"fr": "Fichier non envoyé : {size} Mo au plus par fichier.",
                            "nl": "Bestand niet verzonden: hoogstens {size} MB per bestand.",
                            "en": "File not sent: {size} MB at most per file."},
    "upload_refused_one": {"fr": "Fichier non envoyé : un seul fichier à la fois, de {size} Mo au plus.",
                           "nl": "Bestand niet verzonden: één bestand tegelijk, van hoogstens {size} MB.",
                           "en": "File not sent: one file at a time, of {size} MB at most."},
}
