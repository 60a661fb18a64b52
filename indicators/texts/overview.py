"""Texts of the Overview page (pages/overview.py, indicators/overview.py): key figures, the level × theme
matrix and its score key, status bars, the actions needing attention, stale data and how far behind it is
(also on Data health); with the first general words (indicator, status, score, count) every page uses."""

TEXTS = {
    "kpi_actions": {"fr": "Actions suivies", "nl": "Opgevolgde acties", "en": "Actions followed"},
    "kpi_indicators": {"fr": "Indicateurs", "nl": "Indicatoren", "en": "Indicators"},
    "kpi_on_track": {"fr": "Actions en bonne voie", "nl": "Acties op koers", "en": "Actions on track"},
    "kpi_assessed": {"fr": "actions évaluées", "nl": "beoordeeld", "en": "actions assessed"},
    "user": {"fr": "Utilisateur", "nl": "Gebruiker", "en": "User"},
    "files": {"fr": "Fichiers", "nl": "Bestanden", "en": "Files"},
    "added": {"fr": "Ajoutées", "nl": "Toegevoegd", "en": "Added"},
    "updated": {"fr": "Modifiées", "nl": "Gewijzigd", "en": "Updated"},
    "kpi_latest": {"fr": "Dernière donnée reçue", "nl": "Laatst ontvangen gegevens", "en": "Latest data received"},
    # the Overview's figure is a period (2025); the import that brought the latest data is said beneath
    "kpi_latest_period": {"fr": "Dernière période", "nl": "Laatste periode", "en": "Latest period"},
    "kpi_latest_period_help": {"fr": "La période la plus récente qui a une valeur ; en dessous, le jour du dernier "
                                     "import.",
                               "nl": "De recentste periode met een waarde; eronder de dag van de laatste import.",
                               "en": "The most recent period with a value; beneath, the day of the last import."},
    "matrix_title": {"fr": "Avancement par niveau et thématique", "nl": "Voortgang per niveau en thema",
                     "en": "Progress by level and theme"},
    "matrix_help": {"fr": "Cliquez sur une case pour filtrer sur ce niveau et cette thématique.",
                    "nl": "Klik op een vak om op dat niveau en thema te filteren.",
                    "en": "Click a cell to filter on that level and theme."},
    # under the matrix's legend when a square needs it (overview.shown_score)
    "matrix_two_decimals": {
        "fr": "Deux décimales (2,45) quand l'arrondi à une seule ferait changer le score de statut "
              "(2,5 : en bonne voie).",
        "nl": "Twee decimalen (2,45) wanneer afronden op één de score van status zou doen veranderen "
              "(2,5: op koers).",
        "en": "Two decimals (2.45) where rounding to one would move the score into another status (2.5: on track).",
    },
    "by_theme": {"fr": "Statuts par thématique", "nl": "Statussen per thema", "en": "Statuses by theme"},
    "by_level": {"fr": "Statuts par niveau", "nl": "Statussen per niveau", "en": "Statuses by level"},
    "attention": {"fr": "Actions à regarder en premier", "nl": "Acties die eerst aandacht vragen",
                  "en": "Actions that need attention first"},
    "attention_none_assessed": {
        "fr": "Aucune action n'a pu être évaluée avec ces filtres (pas de valeur pour ces territoires ou cette "
              "période) : rien à signaler ne veut pas dire que tout va bien.",
        "nl": "Met deze filters kon geen enkele actie beoordeeld worden (geen waarde voor deze gebieden of deze "
              "periode): niets te melden betekent niet dat alles goed gaat.",
        "en": "No action could be assessed with these filters (no value for these territories or this period): "
              "nothing to report does not mean all is well.",
    },
    "attention_all_fine": {
        "fr": "Aucune action en retard : les actions évaluées ({assessed}) sont toutes en bonne voie ou à leur cible.",
        "nl": "Geen actie loopt achter: de beoordeelde acties ({assessed}) zijn alle op koers of op hun streefwaarde.",
        "en": "No action is behind: the assessed actions ({assessed}) are all on track or at their target.",
    },
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
    # the indicators are there, their values are not: the territory or the period emptied the view
    "no_values_filters": {
        "fr": "Ces indicateurs n'ont aucune valeur pour {what} : changez ou effacez ce filtre (le niveau et la "
              "thématique n'y sont pour rien).",
        "nl": "Deze indicatoren hebben geen waarde voor {what}: wijzig of wis die filter (niveau en thema zijn niet "
              "de oorzaak).",
        "en": "These indicators have no value for {what}: change or clear that filter (the level and theme are "
              "not the cause).",
    },
    "no_values_territory": {"fr": "les territoires choisis", "nl": "de gekozen gebieden", "en": "the chosen territories"},
    "no_values_period": {"fr": "la période choisie", "nl": "de gekozen periode", "en": "the chosen period"},
    "no_values_both": {"fr": "les territoires et la période choisis", "nl": "de gekozen gebieden en periode",
                       "en": "the chosen territories and period"},
    "empty_store": {"fr": "La base ne contient encore aucune donnée : importez des fichiers depuis la page Données.",
                    "nl": "De databank bevat nog geen gegevens: importeer bestanden via de pagina Gegevens.",
                    "en": "The store holds no data yet: import files from the Data page."},
    # The first steps in a store with no framework yet, the same on every page (pages/first_steps.py): {page} the
    # Data page's name, {tab} its templates tab's, {tables} the framework's tables, {observations} that table's.
    "first_steps_intro": {"fr": "La base ne contient encore aucune donnée : importez des fichiers depuis la page "
                                "{page}, dans cet ordre :",
                          "nl": "De databank bevat nog geen gegevens: importeer bestanden via de pagina {page}, in "
                                "deze volgorde:",
                          "en": "The store holds no data yet: import files from the {page} page, in this order:"},
    "first_steps_templates": {"fr": "Téléchargez les modèles de fichiers : page {page}, onglet « {tab} ».",
                              "nl": "Download de sjablonen van de bestanden: pagina {page}, tabblad '{tab}'.",
                              "en": "Download the file templates: {page} page, '{tab}' tab."},
    "first_steps_framework": {"fr": "Remplissez-les et importez d'abord le cadre de la stratégie : {tables}.",
                              "nl": "Vul ze in en importeer eerst het kader van de strategie: {tables}.",
                              "en": "Fill them in and import the strategy's framework first: {tables}."},
    "first_steps_observations": {"fr": "Importez ensuite les {observations} : les valeurs des indicateurs, par "
                                       "territoire et par période.",
                                 "nl": "Importeer daarna de {observations}: de waarden van de indicatoren, per "
                                       "gebied en per periode.",
                                 "en": "Then import the {observations}: the indicators' values, by territory and "
                                       "period."},
    "first_steps_editor": {"fr": "Importer demande un compte éditeur : c'est l'administrateur de l'application (la "
                                 "personne qui l'a installée) qui le crée.",
                           "nl": "Importeren vraagt een redacteursaccount: de beheerder van de toepassing (wie ze "
                                 "heeft geïnstalleerd) maakt het aan.",
                           "en": "Importing takes an editor account: the application's administrator (whoever "
                                 "installed it) creates it."},
    # For whoever installed the dashboard: the demo data come with one command (the default store only is
    # seeded on first start; a store named by INDICATORS_DB_URL starts empty).
    "first_steps_demo": {"fr": "Pour l'administrateur : pour essayer le tableau de bord avec les données de "
                               "démonstration, lancez `python -m indicators init --demo` sur cette base.",
                         "nl": "Voor de beheerder: om het dashboard met de demogegevens uit te proberen, voert u "
                               "`python -m indicators init --demo` uit op deze database.",
                         "en": "For the administrator: to try the dashboard with the demo data, run "
                               "`python -m indicators init --demo` on this store."},
    "first_steps_open": {"fr": "Ouvrir la page {page}", "nl": "De pagina {page} openen", "en": "Open the {page} page"},
    # making the Overview and its charts read right: the score key, axis titles, plural forms
    "matrix_score_key": {
        "fr": "Chaque case donne le **score moyen** des actions de ce niveau et de cette thématique, "
              "de **-5** (s'éloigne nettement de la cible) à **+5** (cible atteinte, ou bien en avance sur sa trajectoire) : à partir de 2,5 en bonne voie, "
              "de 0 à 2,5 accélération nécessaire, de -2,5 à 0 progrès limité, en dessous dégradation. "
              "Les indicateurs de contexte n'y entrent pas.",
        "nl": "Elk vak toont de **gemiddelde score** van de acties van dit niveau en thema, van **-5** "
              "(verwijdert zich duidelijk van de streefwaarde) tot **+5** (streefwaarde bereikt, of ruim voor op het traject): vanaf 2,5 op koers, "
              "van 0 tot 2,5 versnelling nodig, van -2,5 tot 0 beperkte vooruitgang, daaronder achteruitgang. "
              "Contextindicatoren tellen niet mee.",
        "en": "Each square gives the **mean score** of the actions of that level and theme, from **-5** "
              "(moving clearly away from the target) to **+5** (target achieved, or well ahead of its path): from 2.5 on track, "
              "0 to 2.5 acceleration needed, -2.5 to 0 limited progress, below that deterioration. "
              "Context indicators are not counted.",
    },
    "axis_actions_count": {"fr": "Nombre d'actions", "nl": "Aantal acties", "en": "Number of actions"},
}
TEXTS["report_file_all"] = {"fr": "strategie", "nl": "strategie", "en": "strategy"}   # a file name's scope word
