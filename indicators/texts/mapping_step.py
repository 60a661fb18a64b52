"""Texts of the Data page's mapping step (pages/data.py, indicators/mappings/shown.py): what became of the
file's rows and cells, counts that add up with the right noun (rows, cells), the preview and the choosers."""

TEXTS = {
    "mapping_counts_title": {"fr": "Ce que la correspondance fait des {rows} du fichier :",
                             "nl": "Wat de koppeling doet met de {rows} van het bestand:",
                             "en": "What the mapping does with the file's {rows}:"},
    "mapping_step_comment": {
        "fr": {"one": "{n} ligne de commentaire (commençant par {text}) écartée",
               "other": "{n} lignes de commentaire (commençant par {text}) écartées"},
        "nl": {"one": "{n} commentaarregel (beginnend met {text}) weggelaten",
               "other": "{n} commentaarregels (beginnend met {text}) weggelaten"},
        "en": {"one": "{n} comment row (starting with {text}) left out",
               "other": "{n} comment rows (starting with {text}) left out"}},
    "mapping_step_filter": {
        "fr": {"one": "{n} ligne écartée par le filtre {rule}", "other": "{n} lignes écartées par le filtre {rule}"},
        "nl": {"one": "{n} rij weggelaten door de filter {rule}", "other": "{n} rijen weggelaten door de filter {rule}"},
        "en": {"one": "{n} row left out by the filter {rule}", "other": "{n} rows left out by the filter {rule}"}},
    "mapping_rule_in": {"fr": "{column} parmi {values}", "nl": "{column} een van {values}",
                        "en": "{column} one of {values}"},
    "mapping_rule_pattern": {"fr": "{column} de la forme {pattern}", "nl": "{column} van de vorm {pattern}",
                             "en": "{column} matching {pattern}"},
    "mapping_step_pattern": {
        "fr": {"one": "{n} ligne écartée : son code territoire ({column}) n'a pas la forme {pattern}",
               "other": "{n} lignes écartées : leur code territoire ({column}) n'a pas la forme {pattern}"},
        "nl": {"one": "{n} rij weggelaten: de gebiedscode ({column}) heeft niet de vorm {pattern}",
               "other": "{n} rijen weggelaten: hun gebiedscode ({column}) heeft niet de vorm {pattern}"},
        "en": {"one": "{n} row left out: its territory code ({column}) does not match {pattern}",
               "other": "{n} rows left out: their territory code ({column}) does not match {pattern}"}},
    "mapping_step_exclude": {
        "fr": {"one": "{n} ligne écartée : son code territoire ({column}) a la forme exclue {pattern}",
               "other": "{n} lignes écartées : leur code territoire ({column}) a la forme exclue {pattern}"},
        "nl": {"one": "{n} rij weggelaten: de gebiedscode ({column}) heeft de uitgesloten vorm {pattern}",
               "other": "{n} rijen weggelaten: hun gebiedscode ({column}) heeft de uitgesloten vorm {pattern}"},
        "en": {"one": "{n} row left out: its territory code ({column}) matches the excluded {pattern}",
               "other": "{n} rows left out: their territory code ({column}) matches the excluded {pattern}"}},
    "mapping_step_outside": {
        "fr": {"one": "{n} ligne écartée : son territoire ({column}) n'est pas dans la base",
               "other": "{n} lignes écartées : leur territoire ({column}) n'est pas dans la base"},
        "nl": {"one": "{n} rij weggelaten: het gebied ({column}) staat niet in de database",
               "other": "{n} rijen weggelaten: hun gebied ({column}) staat niet in de database"},
        "en": {"one": "{n} row left out: its territory ({column}) is not in the framework",
               "other": "{n} rows left out: their territory ({column}) is not in the framework"}},
    "mapping_step_not_listed": {
        "fr": {"one": "{n} ligne écartée : son territoire ({column}) n'est pas dans la liste de la correspondance",
               "other": "{n} lignes écartées : leur territoire ({column}) n'est pas dans la liste de la "
                        "correspondance"},
        "nl": {"one": "{n} rij weggelaten: het gebied ({column}) staat niet in de lijst van de koppeling",
               "other": "{n} rijen weggelaten: hun gebied ({column}) staat niet in de lijst van de koppeling"},
        "en": {"one": "{n} row left out: its territory ({column}) is not in the mapping's list",
               "other": "{n} rows left out: their territory ({column}) is not in the mapping's list"}},
    "mapping_step_kept": {
        "fr": {"one": "{n} ligne gardée, lue dans {columns} : {cells}",
               "other": "{n} lignes gardées, lues dans {columns} : {cells}"},
        "nl": {"one": "{n} rij behouden, gelezen in {columns}: {cells}",
               "other": "{n} rijen behouden, gelezen in {columns}: {cells}"},
        "en": {"one": "{n} row kept, read in {columns}: {cells}", "other": "{n} rows kept, read in {columns}: {cells}"}},
    "mapping_value_columns": {"fr": {"one": "{n} colonne de valeurs", "other": "{n} colonnes de valeurs"},
                              "nl": {"one": "{n} kolom met waarden", "other": "{n} kolommen met waarden"},
                              "en": {"one": "{n} column of values", "other": "{n} columns of values"}},
    "mapping_cells": {"fr": {"one": "{n} cellule", "other": "{n} cellules"},
                      "nl": {"one": "{n} cel", "other": "{n} cellen"},
                      "en": {"one": "{n} cell", "other": "{n} cells"}},
    "mapping_cells_observations": {
        "fr": {"one": "{n} cellule lue comme une observation", "other": "{n} cellules lues comme observations"},
        "nl": {"one": "{n} cel gelezen als waarneming", "other": "{n} cellen gelezen als waarnemingen"},
        "en": {"one": "{n} cell read as an observation", "other": "{n} cells read as observations"}},
    "mapping_cells_empty": {
        "fr": {"one": "{n} cellule sans valeur (vide, « : », « NA »…), non enregistrée",
               "other": "{n} cellules sans valeur (vides, « : », « NA »…), non enregistrées"},
        "nl": {"one": "{n} cel zonder waarde (leeg, ':', 'NA'…), niet opgeslagen",
               "other": "{n} cellen zonder waarde (leeg, ':', 'NA'…), niet opgeslagen"},
        "en": {"one": "{n} cell without a value (empty, ':', 'NA'…), not stored",
               "other": "{n} cells without a value (empty, ':', 'NA'…), not stored"}},
    "mapping_cells_refused": {
        "fr": {"one": "{n} cellule écartée pour un problème signalé plus bas",
               "other": "{n} cellules écartées pour un problème signalé plus bas"},
        "nl": {"one": "{n} cel weggelaten om een probleem dat hieronder staat",
               "other": "{n} cellen weggelaten om een probleem dat hieronder staat"},
        "en": {"one": "{n} cell left out for a problem listed below",
               "other": "{n} cells left out for a problem listed below"}},
    "mapping_preview": {"fr": "Aperçu ({shown} sur {total}), tel que les valeurs seront enregistrées :",
                        "nl": "Voorbeeld ({shown} van {total}), zoals de waarden worden opgeslagen:",
                        "en": "Preview ({shown} of {total}), as the values will be stored:"},
    # A period column of days (Santé publique France's `jour`): one day is kept by a filter (mappings/saved.py).
    "mapping_days_kept": {
        "fr": "{column} donne des jours, et une seule valeur est enregistrée par territoire et par période : la "
              "correspondance garde les lignes d'un jour (choisi ci-dessus, le plus récent d'abord), enregistrées "
              "pour sa période. Toutes les garder donnerait plusieurs valeurs pour une même période.",
        "nl": "{column} geeft dagen, en per gebied en periode wordt één waarde opgeslagen: de koppeling behoudt "
              "de rijen van één dag (hierboven gekozen, de meest recente eerst), opgeslagen voor zijn periode. "
              "Ze allemaal behouden zou meerdere waarden voor één periode geven.",
        "en": "{column} gives days, and one value is stored per territory and period: the mapping keeps the rows "
              "of one day (chosen above, the latest first), stored for its period. Keeping them all would give "
              "several values for one period."},
}
