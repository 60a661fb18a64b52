"""Texts of the typing form on the Contributions page (indicators/typed_values.py, pages/review.py)."""

TEXTS = {
    "submit_tab_file": {"fr": "Envoyer un fichier", "nl": "Een bestand insturen", "en": "Send a file"},
    "submit_tab_form": {"fr": "Saisir les valeurs", "nl": "Waarden invullen", "en": "Type the values"},
    "typed_help": {
        "fr": "Choisissez le territoire et la période, puis tapez les valeurs au format {example} ; une case vide "
              "n'envoie rien. Seuls les indicateurs de {partner} sont proposés.",
        "nl": "Kies het gebied en de periode en vul de waarden in als {example}; een leeg vak stuurt niets. Alleen "
              "de indicatoren van {partner} staan hier.",
        "en": "Choose the territory and the period, then type the values as {example}; an empty box sends nothing. "
              "Only the indicators of {partner} are listed."},
    "typed_none_owned": {
        "fr": "{partner} n'est référent d'aucun indicateur : il n'y a rien à saisir ici.",
        "nl": "{partner} levert geen enkele indicator aan: hier valt niets in te vullen.",
        "en": "{partner} owns no indicator: there is nothing to type here."},
    "typed_territory": {"fr": "Territoire", "nl": "Gebied", "en": "Territory"},
    "typed_period": {"fr": "Période", "nl": "Periode", "en": "Period"},
    "typed_value": {"fr": "Valeur", "nl": "Waarde", "en": "Value"},
    "typed_flag": {"fr": "Qualité", "nl": "Kwaliteit", "en": "Flag"},
    "typed_note": {"fr": "Note (facultative)", "nl": "Opmerking (optioneel)", "en": "Note (optional)"},
    "typed_latest": {"fr": "Dernière valeur : {value} ({period})", "nl": "Laatste waarde: {value} ({period})",
                     "en": "Latest value: {value} ({period})"},
    "typed_no_latest": {"fr": "Aucune valeur pour ce territoire", "nl": "Nog geen waarde voor dit gebied",
                        "en": "No value for this territory yet"},
    "typed_send": {"fr": "Envoyer les valeurs pour relecture", "nl": "Waarden insturen ter beoordeling",
                   "en": "Send the values for review"},
    "typed_problems": {"fr": "Rien n'a été envoyé : corrigez ces valeurs.",
                       "nl": "Er is niets ingestuurd: verbeter deze waarden.",
                       "en": "Nothing was sent: correct these values."},
    "typed_not_a_number": {"fr": "{indicator} : « {text} » n'est pas un nombre (exemple : {example}).",
                           "nl": "{indicator}: '{text}' is geen getal (voorbeeld: {example}).",
                           "en": "{indicator}: '{text}' is not a number (example: {example})."},
    # A unit written beside the number that is not the indicator's (parsing.wrong_signs, as for a file's cell).
    "typed_wrong_unit": {"fr": "{indicator} : « {text} » est écrit avec une autre unité que celle de l'indicateur "
                               "({unit}) ; tapez le nombre seul, en {unit}.",
                         "nl": "{indicator}: '{text}' is geschreven met een andere eenheid dan die van de indicator "
                               "({unit}); typ alleen het getal, in {unit}.",
                         "en": "{indicator}: '{text}' is written with another unit than the indicator's ({unit}); "
                               "type the number alone, in {unit}."},
    "typed_bad_flag": {"fr": "{indicator} : « {text} » n'est pas une marque de qualité connue (p, e, b…).",
                       "nl": "{indicator}: '{text}' is geen bekende kwaliteitsmarkering (p, e, b…).",
                       "en": "{indicator}: '{text}' is not a known flag (p, e, b…)."},
    "typed_formula_error": {"fr": "{indicator} : « {text} » est une erreur de formule du tableur, pas un nombre.",
                            "nl": "{indicator}: '{text}' is een formulefout van het rekenblad, geen getal.",
                            "en": "{indicator}: '{text}' is a spreadsheet's formula error, not a number."},
    "typed_too_large": {"fr": "{indicator} : « {text} » est trop grand (le plus grand nombre enregistré est 1e300).",
                        "nl": "{indicator}: '{text}' is te groot (het grootste opgeslagen getal is 1e300).",
                        "en": "{indicator}: '{text}' is too large (the largest number stored is 1e300)."},
    # parsing.SMALLEST: a number that would be stored as 0 (`1e-400`) is refused, never stored as zero.
    "typed_too_small": {"fr": "{indicator} : « {text} » est trop petit : il serait enregistré comme 0 (hors 0, le plus "
                              "petit nombre enregistré est 1e-300).",
                        "nl": "{indicator}: '{text}' is te klein: het zou als 0 worden opgeslagen (behalve 0 is het "
                              "kleinste opgeslagen getal 1e-300).",
                        "en": "{indicator}: '{text}' is too small: it would be stored as 0 (apart from 0, the smallest "
                              "number stored is 1e-300)."},
    "typed_no_value": {"fr": "{indicator} : « {text} » veut dire « pas de valeur » ; laissez la case vide.",
                       "nl": "{indicator}: '{text}' betekent 'geen waarde'; laat het vak leeg.",
                       "en": "{indicator}: '{text}' means 'no value'; leave the box empty."},
    "typed_bad_period": {"fr": "« {text} » n'est pas une période (2026, 2026-Q1 ou 2026-03).",
                         "nl": "'{text}' is geen periode (2026, 2026-Q1 of 2026-03).",
                         "en": "'{text}' is not a period (2026, 2026-Q1 or 2026-03)."},
    "typed_kept": {"fr": "Les autres valeurs saisies restent dans leurs cases : corrigez celles-ci, puis envoyez à "
                         "nouveau.",
                   "nl": "De andere ingevulde waarden blijven in hun vakken staan: verbeter deze en stuur opnieuw in.",
                   "en": "The other values typed stay in their boxes: correct these, then send again."},
    "typed_nothing": {"fr": "Aucune valeur saisie : rien n'a été envoyé.", "nl": "Geen waarde ingevuld: er is niets "
                      "ingestuurd.", "en": "No value typed: nothing was sent."},
    "typed_flag_none": {"fr": "aucun", "nl": "geen", "en": "none"},
}
