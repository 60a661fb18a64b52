"""Texts of target revisions (indicators/revisions.py): chart legend, notes under charts, report."""

TEXTS = {
    "earlier_target": {
        "fr": "Cible antérieure ({when})",
        "nl": "Eerdere streefwaarde ({when})",
        "en": "Earlier target ({when})",
    },
    "revision_decided": {"fr": "décision du {day}", "nl": "besluit van {day}", "en": "decided on {day}"},
    "revision_recorded": {"fr": "enregistrée le {day}", "nl": "geregistreerd op {day}", "en": "recorded on {day}"},
    "revision_target": {"fr": "{value} en {period}", "nl": "{value} in {period}", "en": "{value} by {period}"},
    "revision_milestone": {"fr": "(jalon : {value} en {period})", "nl": "(mijlpaal: {value} in {period})",
                           "en": "(milestone: {value} by {period})"},
    "revision_note": {
        "fr": "Cible révisée ({when}) : {now} ; auparavant {before}.",
        "nl": "Streefwaarde herzien ({when}): {now}; voorheen {before}.",
        "en": "Target revised ({when}): {now}; previously {before}.",
    },
    # The reason is free text in its writer's language (a target file has no language column): quoted
    # as entered, so that a French reason on an English page reads as a quotation, not a slip.
    "revision_reason": {"fr": "Motif, tel que saisi : «\u00a0{reason}\u00a0»", "nl": "Reden, zoals ingevoerd: ‘{reason}’",
                        "en": "Reason, as entered: ‘{reason}’"},
    "revision_more": {
        "fr": "Révisions plus anciennes, en pointillé clair sur le graphique : {n}.",
        "nl": "Oudere herzieningen, licht gestippeld in de grafiek: {n}.",
        "en": "Older revisions, drawn faintly on the chart: {n}.",
    },
    "report_revisions": {"fr": "Cibles révisées depuis le {day}", "nl": "Streefwaarden herzien sinds {day}",
                         "en": "Targets revised since {day}"},
    "report_revisions_none": {
        "fr": "Aucune cible n'a été révisée depuis le {day}.",
        "nl": "Geen enkele streefwaarde werd herzien sinds {day}.",
        "en": "No target was revised since {day}.",
    },
    "report_revision_columns": {
        "fr": "Indicateur|Territoire|Décision|Nouvelle cible|Cible précédente|Motif",
        "nl": "Indicator|Gebied|Besluit|Nieuwe streefwaarde|Vorige streefwaarde|Reden",
        "en": "Indicator|Territory|Decision|New target|Previous target|Reason",
    },
    "earlier_versions_kept": {
        "fr": "Versions antérieures de cibles conservées comme révisions : {n}.",
        "nl": "Eerdere versies van streefwaarden bewaard als herzieningen: {n}.",
        "en": "Earlier versions of targets kept as revisions: {n}.",
    },
    # ImportResult.undated / summary()["undated_revisions"]: a revision row with no decision date is the
    # newest version (in force), the one it replaces kept; said so that a planner can add the date.
    "undated_revisions": {
        "fr": "Cibles révisées sans date de décision : {n} ({targets}). Chacune est en vigueur dès cet import et "
              "la version qu'elle remplace est conservée ; indiquez une date_decision pour dater la décision.",
        "nl": "Streefwaarden herzien zonder besluitdatum: {n} ({targets}). Elke streefwaarde geldt vanaf deze import "
              "en de versie die ze vervangt blijft bewaard; vul een beslisdatum in om het besluit te dateren.",
        "en": "Targets revised without a decision date: {n} ({targets}). Each is in force from this import and the "
              "version it replaces is kept; give a decided_on date to say when it was decided.",
    },
}
