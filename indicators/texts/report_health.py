"""Texts of the committee report (indicators/report/) and of the Data health page (pages/health.py,
indicators/health.py)."""

TEXTS = {
    "page_health": {"fr": "Santé des données", "nl": "Gezondheid van de gegevens", "en": "Data health"},
    "report_title": {"fr": "Rapport d'avancement", "nl": "Voortgangsrapport", "en": "Progress report"},
    "report_whole": {"fr": "Toute la stratégie", "nl": "De volledige strategie", "en": "The whole strategy"},
    # the same inside a sentence, "(toute la stratégie)"
    "report_whole_inline": {"fr": "toute la stratégie", "nl": "de volledige strategie", "en": "the whole strategy"},
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
    "report_chart_limited_no_target": {"fr": "{total} territoires : le graphique en montre {shown} (le territoire "
                                             "de référence, puis ceux qui ont le plus de valeurs) ; le "
                                             "tableau de bord les montre tous.",
                                       "nl": "{total} gebieden: de grafiek toont er {shown} (het referentiegebied, dan "
                                             "die met de meeste waarden); het dashboard toont ze allemaal.",
                                       "en": "{total} territories: the chart shows {shown} (the headline territory's, "
                                             "then those with the most values); the dashboard shows them all."},
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
    "report_method_score": {"fr": "Chaque indicateur évalué reçoit un score de -5 à +5. Le statut d'une action vient "
                                  "de la moyenne des scores de ses indicateurs : {high} ou plus en bonne voie, de {mid} "
                                  "à {high} accélération nécessaire, de {low} à {mid} progrès limité, sous {low} "
                                  "dégradation ; cible atteinte seulement si tous ses indicateurs l'ont atteinte, non "
                                  "évaluée si aucun ne l'est. Niveaux et thématiques font de même avec leurs actions.",
                            "nl": "Elke beoordeelde indicator krijgt een score van -5 tot +5. De status van een actie "
                                  "volgt uit het gemiddelde van de scores van haar indicatoren: {high} of meer op "
                                  "koers, van {mid} tot {high} versnelling nodig, van {low} tot {mid} beperkte "
                                  "vooruitgang, onder {low} achteruitgang; streefwaarde bereikt alleen als al haar "
                                  "indicatoren die bereikt hebben, niet beoordeeld als geen enkele beoordeeld is. "
                                  "Niveaus en thema's doen hetzelfde met hun acties.",
                            "en": "Each assessed indicator gets a score from -5 to +5. An action's status comes from "
                                  "the mean score of its indicators: {high} or more on track, {mid} to {high} "
                                  "acceleration needed, {low} to {mid} limited progress, below {low} deterioration; "
                                  "target achieved only when all its indicators are, not assessed when none is. Levels "
                                  "and themes do the same with their actions."},
    "report_method_charts": {"fr": "Sur les graphiques : les valeurs observées par territoire{sides}, la "
                                   "trajectoire cible de la référence à la cible (pointillés, étoile à la cible), le "
                                   "jalon (losange) et la "
                                   "projection de la tendance jusqu'à l'année cible (tirets gris). La projection aide "
                                   "à lire ; elle ne change jamais le statut. Un losange ouvert signale une valeur "
                                   "provisoire, estimée ou une rupture de série. Après une rupture de série, la "
                                   "trajectoire et la projection partent de la rupture (trait vertical violet).",
                             "nl": "Op de grafieken: de waargenomen waarden per gebied{sides}, het streefpad "
                                   "van referentie tot streefwaarde (stippellijn, ster bij de streefwaarde), de "
                                   "mijlpaal (ruit) en de "
                                   "projectie van de trend tot het doeljaar (grijze streepjes). De projectie helpt "
                                   "lezen; ze verandert de status nooit. Een open ruit markeert een voorlopige of "
                                   "geschatte waarde of een breuk in de reeks. Na een breuk in de reeks beginnen het "
                                   "streefpad en de projectie bij de breuk (paarse verticale lijn).",
                             "en": "On the charts: observed values by territory{sides}, the target path from "
                                   "baseline to target (dotted, a star at the target), the milestone (diamond) and "
                                   "the projection of the trend to "
                                   "the target year (grey dashes). The projection is a reading aid; it never changes "
                                   "the status. An open diamond marks a provisional or estimated value or a break in "
                                   "series. After a break in series, the path and the projection start at the break "
                                   "(purple vertical line)."},
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
                          "nl": "Wat ontbreekt, wat achterloopt, aan wie het te vragen, en wat over de grens heen "
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
    # a quiet note, not an alarm: nobody said the sides differ, only that nobody said they compare
    "health_caution_unknown": {"fr": "Comparabilité transfrontalière non renseignée : vérifier auprès du référent de "
                                     "l'indicateur avant de comparer les valeurs françaises et belges.",
                               "nl": "Grensoverschrijdende vergelijkbaarheid niet ingevuld: vraag het na bij de "
                                     "contactpersoon van de indicator voor u Franse en Belgische waarden vergelijkt.",
                               "en": "Cross-border comparability not given: check with the indicator's owner before "
                                     "comparing French and Belgian values."},
    "health_sides": {"fr": "Côtés mesurés", "nl": "Gemeten kanten", "en": "Sides measured"},
    "health_by_year": {"fr": "Complétude par année", "nl": "Volledigheid per jaar", "en": "Completeness by year"},
    "health_by_year_help": {"fr": "Part, en %, des territoires couverts par chaque indicateur qui ont une valeur "
                                  "cette année-là.",
                            "nl": "Aandeel, in %, van de gebieden die elke indicator dekt met een waarde in dat jaar.",
                            "en": "Share, in %, of the territories each indicator covers that have a value that "
                                  "year."},
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
    "health_cell": {"fr": {"one": "{n} territoire sur {expected}", "other": "{n} territoires sur {expected}"},
                    "nl": {"one": "{n} gebied van de {expected}", "other": "{n} gebieden van de {expected}"},
                    "en": {"one": "{n} territory out of {expected}", "other": "{n} territories out of {expected}"}},
    "health_flows_note": {"fr": "Indicateurs de flux ({ids}) : comptés par couple origine → destination ; ils ne "
                                "figurent pas dans la matrice par territoire.",
                          "nl": "Stroomindicatoren ({ids}): geteld per paar herkomst → bestemming; ze staan niet in de "
                                "matrix per gebied.",
                          "en": "Flow indicators ({ids}): counted by origin → destination pair; they are not in the "
                                "matrix by territory."},
    "health_freshness": {"fr": "Fraîcheur des données et référents", "nl": "Actualiteit van de gegevens en "
                         "contactpersonen", "en": "Freshness of the data and owners"},
    "health_tab_territory": {"fr": "Par territoire", "nl": "Per gebied", "en": "By territory"},
    "health_tab_to_ask": {"fr": "À relancer", "nl": "Op te vragen", "en": "To chase"},
    "health_tab_freshness": {"fr": "Fraîcheur", "nl": "Actualiteit", "en": "Freshness"},
    "health_to_ask_more": {"fr": "Chaque indicateur, son état, sa dernière période et son référent : onglet « {tab} ».",
                           "nl": "Elke indicator, zijn toestand, zijn laatste periode en zijn contactpersoon: tabblad "
                                 "'{tab}'.",
                           "en": "Every indicator, its state, latest period and owner: the '{tab}' tab."},
    "health_year": {"fr": "Année", "nl": "Jaar", "en": "Year"},
    "health_behind": {"fr": "Retard", "nl": "Achterstand", "en": "Behind"},
    "health_latest_short": {"fr": "Dernière", "nl": "Laatste", "en": "Latest"},   # latest period, in a narrow column
    "health_action_short": {"fr": "Action", "nl": "Actie", "en": "Action"},
    "fresh_up_to_date": {"fr": "à jour", "nl": "bijgewerkt", "en": "up to date"},
    "fresh_due": {"fr": "attendue", "nl": "verwacht", "en": "due"},
    "fresh_overdue": {"fr": "en retard", "nl": "achterstallig", "en": "overdue"},
    "fresh_no_data": {"fr": "aucune donnée", "nl": "geen gegevens", "en": "no data"},
    # `behind_<periodicity>`: plural forms (i18n.py's module docstring)
    "behind_annual": {"fr": {"one": "{n} an de retard", "other": "{n} ans de retard"}, "nl": "{n} jaar achter",
                      "en": {"one": "{n} year behind", "other": "{n} years behind"}},
    "behind_quarterly": {"fr": {"one": "{n} trimestre de retard", "other": "{n} trimestres de retard"},
                         "nl": {"one": "{n} kwartaal achter", "other": "{n} kwartalen achter"},
                         "en": {"one": "{n} quarter behind", "other": "{n} quarters behind"}},
    "behind_monthly": {"fr": "{n} mois de retard", "nl": {"one": "{n} maand achter", "other": "{n} maanden achter"},
                       "en": {"one": "{n} month behind", "other": "{n} months behind"}},
    "behind_multiannual": {"fr": {"one": "{n} cycle de retard", "other": "{n} cycles de retard"},
                           "nl": {"one": "{n} cyclus achter", "other": "{n} cycli achter"},
                           "en": {"one": "{n} cycle behind", "other": "{n} cycles behind"}},
    "cell_value": {"fr": "valeur", "nl": "waarde", "en": "value"},
    "cell_flagged": {"fr": "valeur signalée", "nl": "gemarkeerde waarde", "en": "flagged value"},
    "cell_missing": {"fr": "manquante", "nl": "ontbrekend", "en": "missing"},
    "health_m_overdue": {"fr": "En retard ou vides", "nl": "Achterstallig of leeg", "en": "Overdue or no data"},
    "health_m_due": {"fr": "Attendus (une période)", "nl": "Verwacht (één periode)", "en": "Due (one period)"},
    "health_m_latest": {"fr": "Reçues pour {year}", "nl": "Ontvangen voor {year}",
                        "en": "Values received for {year}"},
    "health_m_not_comparable": {"fr": "Non comparables", "nl": "Niet vergelijkbaar", "en": "Not comparable"},
}
