"""Texts of the Strategic actions and Indicator explorer pages (pages/actions.py, pages/explorer.py) and
of their charts and tables (indicators/charts/, indicators/ranking.py, indicators/indicator_tables.py)."""

TEXTS = {
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
    "around_year": {"fr": "vers {year}", "nl": "rond {year}", "en": "around {year}"},
    "projection_reaches": {"fr": "atteint {value} vers {year}", "nl": "bereikt {value} rond {year}",
                           "en": "reaches {value} around {year}"},
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
    "annual_mean_of": {"fr": "{year}, moyenne annuelle", "nl": "{year}, jaargemiddelde", "en": "{year}, annual mean"},
    "annual_mean_help": {"fr": "Moyenne des valeurs de {first} à {last} : la valeur de l'année sur laquelle "
                               "l'avancement est jugé.",
                         "nl": "Gemiddelde van de waarden van {first} tot {last}: de jaarwaarde waarop de voortgang "
                               "wordt beoordeeld.",
                         "en": "Mean of the values from {first} to {last}: the year's value progress is judged on."},
    "status_judged_on": {"fr": "Statut jugé sur {when} : {value}", "nl": "Status beoordeeld op {when}: {value}",
                         "en": "Status judged on {when}: {value}"},
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
                     # the French and Belgian Excel dialect whatever the page's language: say so in English
                     "en": "Download (CSV: semicolons, decimal comma)"},
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
    # both pages
    # {actions}, {indicators}: i18n.count's "1 action", "3 actions" (the language's plural)
    # Streamlit's tables show their scroll bar only under the pointer: the columns past the page's edge
    # are named under a wide table.
    "table_more_columns": {"fr": "↔ Plus à droite, le tableau a aussi : {columns}.",
                           "nl": "↔ Verder naar rechts heeft de tabel ook: {columns}.",
                           "en": "↔ Further right, the table also has: {columns}."},
    "actions_summary": {"fr": "**{actions}** et **{indicators}** correspondent aux filtres.",
                        "nl": "**{actions}** en **{indicators}** passen bij de filters.",
                        "en": "**{actions}** and **{indicators}** match the filters."},
    "indicators_progress": {"fr": "Avancement des indicateurs", "nl": "Voortgang van de indicatoren",
                            "en": "Progress of the indicators"},
    "calendar": {"fr": "Calendrier", "nl": "Looptijd", "en": "Timeline"},
    "mean_progress": {"fr": "Avancement moyen", "nl": "Gemiddelde voortgang", "en": "Mean progress"},
    "progress_help": {"fr": "Part du chemin parcouru de la valeur de référence à la cible (de 0 à 100 %).",
                      "nl": "Deel van de weg van referentiewaarde naar streefwaarde dat is afgelegd (0 tot 100 %).",
                      "en": "Share of the way from the baseline to the target covered so far (0 to 100 %)."},
    "score_help": {"fr": "Score de -5 à +5 : moyenne des indicateurs évalués de l'action.",
                   "nl": "Score van -5 tot +5: gemiddelde van de beoordeelde indicatoren van de actie.",
                   "en": "Score from -5 to +5: mean of the action's assessed indicators."},
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
    "n_territories": {"fr": {"one": "{n} territoire", "other": "{n} territoires"},
                      "nl": {"one": "{n} gebied", "other": "{n} gebieden"},
                      "en": {"one": "{n} territory", "other": "{n} territories"}},
    "no_data_side": {"fr": "Pas de valeur côté {side} avec ces filtres.",
                     "nl": "Geen waarde voor {side} met deze filters.",
                     "en": "No value for {side} with these filters."},
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
    "rows_shown": {"fr": "Valeurs affichées : {n}, téléchargeables ci-dessous.",   # "1 values": never
                   "nl": "Getoonde waarden: {n}, hieronder te downloaden.",
                   "en": "Values shown: {n}, downloadable below."},
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
    "series_limited_no_target": {"fr": "{total} territoires : le graphique en montre {shown} (le territoire de "
                                       "référence, puis ceux qui ont le plus de valeurs, des deux côtés). Choisissez "
                                       "les territoires dans le filtre à gauche ; le classement et le tableau les "
                                       "montrent tous.",
                                 "nl": "{total} gebieden: de grafiek toont er {shown} (het referentiegebied, dan die met "
                                       "de meeste waarden, aan beide kanten). Kies de gebieden in de filter links; de "
                                       "rangschikking en de tabel tonen ze allemaal.",
                                 "en": "{total} territories: the chart shows {shown} (the headline territory's, then "
                                       "those with the most values, on both sides). Choose territories in the filter "
                                       "on the left; the ranking and the table show them all."},
    "series_by_side_above": {"fr": "Non comparable d'un côté à l'autre de la frontière : chaque côté a son panneau. "
                                   "Au-dessus, sur sa propre échelle : {name}, le territoire de référence dont le "
                                   "statut est donné en haut de la page. Les autres totaux transfrontaliers ne sont "
                                   "pas tracés (ils sont dans le tableau).",
                             "nl": "Niet vergelijkbaar over de grens heen: elke kant heeft een eigen paneel. "
                                   "Erboven, op een eigen schaal: {name}, het referentiegebied waarvan de status "
                                   "bovenaan de pagina staat. Andere grensoverschrijdende totalen worden niet "
                                   "getekend (ze staan in de tabel).",
                             "en": "Not comparable across the border: each side has its own panel. Above them, on "
                                   "its own scale: {name}, the headline territory whose status is given at the top "
                                   "of the page. Other cross-border totals are not drawn (they are in the table)."},
    "series_limited_side": {"fr": "{total} territoires : chaque graphique en montre au plus {limit} ; "
                                  "l'explorateur d'indicateurs les montre tous.",
                            "nl": "{total} gebieden: elke grafiek toont er hoogstens {limit}; "
                                  "de indicatorverkenner toont ze allemaal.",
                            "en": "{total} territories: each chart shows at most {limit}; "
                                  "the indicator explorer shows them all."},
    "series_by_side": {"fr": "Non comparable d'un côté à l'autre de la frontière : chaque côté a son panneau, et "
                             "les totaux transfrontaliers ne sont pas tracés (ils sont dans le tableau).",
                       "nl": "Niet vergelijkbaar over de grens heen: elke kant heeft een eigen paneel, en "
                             "grensoverschrijdende totalen worden niet getekend (ze staan in de tabel).",
                       "en": "Not comparable across the border: each side has its own panel, and cross-border totals "
                             "are not drawn (they are in the table)."},
    "ranking_by_side": {"fr": "Chaque côté de la frontière est donc classé à part.",
                        "nl": "Elke kant van de grens wordt daarom apart gerangschikt.",
                        "en": "Each side of the border is therefore ranked on its own."},
    "ranking_off_scale": {"fr": "Autres totaux (non tracés) : {items}.",
                          "nl": "Andere totalen (niet getekend): {items}.",
                          "en": "Other totals (not drawn): {items}."},
    "ranking_limited": {"fr": "Les {n} premiers et les {n} derniers des {total} territoires ; le tableau les donne tous.",
                        "nl": "De {n} eerste en de {n} laatste van de {total} gebieden; de tabel geeft ze allemaal.",
                        "en": "The top {n} and the bottom {n} of {total} territories; the table gives them all."},
    "flow_indicator": {"fr": "Indicateur de flux entre territoires : ses valeurs sont sur la page Carte.",
                       "nl": "Indicator van stromen tussen gebieden: de waarden staan op de pagina Kaart.",
                       "en": "Indicator of flows between territories: its values are on the Map page."},
    "open_on_map": {"fr": "Voir ses flux sur la carte", "nl": "De stromen op de kaart bekijken",
                    "en": "See its flows on the map"},
    "and_more": {"fr": "et {n} autres", "nl": "en {n} andere", "en": "and {n} more"},
    "growth_per_year": {"fr": "Évolution annuelle moyenne", "nl": "Gemiddelde jaarlijkse evolutie",
                        "en": "Mean annual change"},
    # the Actions page's charts of an indicator wait in an expander
    "indicator_charts": {
        "fr": "Graphiques de l'indicateur (France, Belgique)",
        "nl": "Grafieken van de indicator (Frankrijk, België)",
        "en": "Charts of the indicator (France, Belgium)",
    },
}
