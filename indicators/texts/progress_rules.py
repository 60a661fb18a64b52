"""Texts of the progress rules shown to planners: milestones, breaks in series, context indicators."""

TEXTS = {
    "milestone_reached": {"fr": "Jalon atteint", "nl": "Mijlpaal bereikt", "en": "Milestone reached"},
    "milestone_word": {"fr": "Jalon", "nl": "Mijlpaal", "en": "Milestone"},
    "break_since": {"fr": "rupture de série en {period}", "nl": "breuk in de reeks in {period}",
                    "en": "break in series in {period}"},
    "reason_break_in_series": {"fr": "rupture de série trop récente (moins de deux années depuis)",
                               "nl": "te recente breuk in de reeks (minder dan twee jaar sindsdien)",
                               "en": "break in series too recent (fewer than two years since)"},
    # the `reason` of an assessed status judged from a break in series (progress table of the command line)
    "reason_assessed_since_break": {"fr": "évalué depuis la rupture de série de {period}",
                                    "nl": "beoordeeld sinds de breuk in de reeks in {period}",
                                    "en": "assessed since the break in series of {period}"},
    "reason_only_context_indicators": {"fr": "seulement des indicateurs de contexte",
                                       "nl": "alleen contextindicatoren", "en": "only context indicators"},
    "reason_no_indicators": {"fr": "aucun indicateur", "nl": "geen indicator", "en": "no indicator"},
    "reason_no_assessed_indicator": {"fr": "aucun indicateur évalué", "nl": "geen beoordeelde indicator",
                                     "en": "no indicator assessed"},
    "context_beside": {"fr": "Contexte (n'entre pas dans le statut de l'action)",
                       "nl": "Context (telt niet mee in de status van de actie)",
                       "en": "Context (not counted in the action's status)"},
    "context_status": {"fr": "contexte", "nl": "context", "en": "context"},
    # "1 remarque", "3 remarques" (i18n.count picks the language's plural form)
    "notice_word_one": {"fr": "remarque", "nl": "opmerking", "en": "notice"},
    "notice_word_other": {"fr": "remarques", "nl": "opmerkingen", "en": "notices"},
}
