"""Texts that make the Overview and its charts read right: the score key, axis titles, plural forms."""

TEXTS = {
    "matrix_score_key": {
        "fr": "Chaque case donne le **score moyen** des actions de ce niveau et de cette thématique, "
              "de **−5** (s'éloigne nettement de la cible) à **+5** (cible atteinte) : à partir de 2,5 en bonne voie, "
              "de 0 à 2,5 accélération nécessaire, de −2,5 à 0 progrès limité, en dessous dégradation. "
              "Les indicateurs de contexte n'y entrent pas.",
        "nl": "Elk vak toont de **gemiddelde score** van de acties van dit niveau en thema, van **−5** "
              "(verwijdert zich duidelijk van de streefwaarde) tot **+5** (streefwaarde bereikt): vanaf 2,5 op koers, "
              "van 0 tot 2,5 versnelling nodig, van −2,5 tot 0 beperkte vooruitgang, daaronder achteruitgang. "
              "Contextindicatoren tellen niet mee.",
        "en": "Each square gives the **mean score** of the actions of that level and theme, from **−5** "
              "(moving clearly away from the target) to **+5** (target achieved): from 2.5 on track, "
              "0 to 2.5 acceleration needed, −2.5 to 0 limited progress, below that deterioration. "
              "Context indicators are not counted.",
    },
    "axis_actions_count": {"fr": "Nombre d'actions", "nl": "Aantal acties", "en": "Number of actions"},
    # plural forms chosen by babel's CLDR rule (one / other) for `behind_<periodicity>`
    "behind_annual_one": {"fr": "{n} an de retard", "nl": "{n} jaar achter", "en": "{n} year behind"},
    "behind_annual_other": {"fr": "{n} ans de retard", "nl": "{n} jaar achter", "en": "{n} years behind"},
    "behind_quarterly_one": {"fr": "{n} trimestre de retard", "nl": "{n} kwartaal achter", "en": "{n} quarter behind"},
    "behind_quarterly_other": {"fr": "{n} trimestres de retard", "nl": "{n} kwartalen achter",
                               "en": "{n} quarters behind"},
    "behind_monthly_one": {"fr": "{n} mois de retard", "nl": "{n} maand achter", "en": "{n} month behind"},
    "behind_monthly_other": {"fr": "{n} mois de retard", "nl": "{n} maanden achter", "en": "{n} months behind"},
    "behind_multiannual_one": {"fr": "{n} cycle de retard", "nl": "{n} cyclus achter", "en": "{n} cycle behind"},
    "behind_multiannual_other": {"fr": "{n} cycles de retard", "nl": "{n} cycli achter", "en": "{n} cycles behind"},
}
TEXTS["report_file_all"] = {"fr": "strategie", "nl": "strategie", "en": "strategy"}   # a file name's scope word
