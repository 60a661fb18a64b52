"""Problems of a mapped file (indicators/mappings/apply.py): what the mapping expects and the file lacks.
Registered in problem_messages.MESSAGES."""

TEXTS: dict = {}

MESSAGES = {
    "mapping_sheet_missing": {
        "en": "The mapping reads the sheet “{sheet}”, which this workbook does not have (its sheets: {found}).",
        "fr": "La correspondance lit la feuille « {sheet} », que ce classeur n'a pas (ses feuilles : {found}).",
        "nl": "De koppeling leest het blad „{sheet}”, dat deze werkmap niet heeft (zijn bladen: {found}).",
    },
    "mapping_header_unreadable": {
        "en": "The mapping reads the header on row {row}, where this file has no readable header: check the "
              "mapping's header_row.",
        "fr": "La correspondance lit l'en-tête à la ligne {row}, où ce fichier n'a pas d'en-tête lisible : "
              "vérifiez le header_row de la correspondance.",
        "nl": "De koppeling leest de kopregel op rij {row}, waar dit bestand geen leesbare kopregel heeft: "
              "controleer de header_row van de koppeling.",
    },
    # A mapped file's column of units holds several in the rows kept (mappings/apply.py _mixed_units).
    "mixed_units": {
        "en": "Column {column} holds several units in the rows the mapping keeps ({units}): values in different "
              "units would be stored under one indicator.",
        "fr": "La colonne {column} contient plusieurs unités dans les lignes que la correspondance garde ({units}) : "
              "des valeurs en unités différentes seraient enregistrées sous un même indicateur.",
        "nl": "Kolom {column} bevat meerdere eenheden in de rijen die de koppeling behoudt ({units}): waarden in "
              "verschillende eenheden zouden onder één indicator worden opgeslagen.",
    },
    # A mapping reading several columns of values (Eurostat's years, CNAF's variables): its empty cells are
    # cells, not rows, with the rows that hold them (mappings/cells.py no_value_notice).
    "no_value_cells": {
        "en": "Cells without a value (empty, ':', 'NA'…), skipped: {count}. A value already stored for them is "
              "kept. Rows holding them ({listed}): {rows}.",
        "fr": "Cellules sans valeur (vides, « : », « NA »…), ignorées : {count}. Une valeur déjà enregistrée pour "
              "elles est conservée. Lignes concernées ({listed}) : {rows}.",
        "nl": "Cellen zonder waarde (leeg, ':', 'NA'…), overgeslagen: {count}. Een al opgeslagen waarde blijft "
              "behouden. Rijen waarin ze staan ({listed}): {rows}.",
    },
    # A mapping that keeps no value of the file (mappings/apply.py): what became of its rows.
    "mapping_kept_nothing": {
        "en": "The mapping keeps no value of the file's {count} rows: {filtered_out} left out by the filters, "
              "{not_in_framework} of a territory outside the framework, {missing} cells without a value in "
              "the others.",
        "fr": "La correspondance ne garde aucune valeur des {count} lignes du fichier : {filtered_out} écartées "
              "par les filtres, {not_in_framework} d'un territoire absent de la base, {missing} cellules sans "
              "valeur dans les autres.",
        "nl": "De koppeling behoudt geen enkele waarde van de {count} rijen van het bestand: {filtered_out} "
              "weggelaten door de filters, {not_in_framework} van een gebied dat niet in de database staat, "
              "{missing} cellen zonder waarde in de andere.",
    },
}

SUGGESTIONS = {
    "mapping_kept_nothing": {
        "en": "Check the values kept by the filters, the column of the territory code and the indicator of each "
              "column of values.",
        "fr": "Vérifiez les valeurs gardées par les filtres, la colonne du code territoire et l'indicateur de "
              "chaque colonne de valeurs.",
        "nl": "Controleer de waarden die de filters behouden, de kolom met de gebiedscode en de indicator van elke "
              "kolom met waarden.",
    },
    # A mapping whose columns the file does not have (mappings/apply.py): the mapping, not the file, to change.
    "mapping_does_not_fit": {
        "en": "The mapping '{name}' does not fit this file: it reads columns this file does not have ({missing}). "
              "Choose the mapping made for this layout, or correct these column names in the mapping (case and "
              "accents do not matter).",
        "fr": "La correspondance « {name} » ne convient pas à ce fichier : elle lit des colonnes que ce fichier n'a "
              "pas ({missing}). Choisissez la correspondance faite pour cette présentation, ou corrigez ces noms "
              "de colonnes dans la correspondance (majuscules et accents ne comptent pas).",
        "nl": "De koppeling '{name}' past niet bij dit bestand: ze leest kolommen die dit bestand niet heeft "
              "({missing}). Kies de koppeling die voor deze opmaak is gemaakt, of verbeter deze kolomnamen in de "
              "koppeling (hoofdletters en accenten tellen niet).",
    },
    "mapping_does_not_fit_unnamed": {
        "en": "The mapping does not fit this file: it reads columns this file does not have ({missing}). Name the "
              "file's own columns in the mapping (case and accents do not matter).",
        "fr": "La correspondance ne convient pas à ce fichier : elle lit des colonnes que ce fichier n'a pas "
              "({missing}). Indiquez dans la correspondance les colonnes du fichier (majuscules et accents ne "
              "comptent pas).",
        "nl": "De koppeling past niet bij dit bestand: ze leest kolommen die dit bestand niet heeft ({missing}). "
              "Noem in de koppeling de kolommen van het bestand zelf (hoofdletters en accenten tellen niet).",
    },
    "keep_one_unit": {
        "en": "Keep the rows of one unit: on the Data page, choose it under 'Keep the rows whose {column} is'; in "
              "the mapping's JSON, add \"filters\": [{{\"column\": \"{column}\", \"equals\": \"{first}\"}}].",
        "fr": "Gardez les lignes d'une seule unité : sur la page Données, choisissez-la sous « Garder les lignes "
              "dont {column} vaut » ; dans le JSON de la correspondance, ajoutez \"filters\": [{{\"column\": "
              "\"{column}\", \"equals\": \"{first}\"}}].",
        "nl": "Behoud de rijen van één eenheid: kies ze op de pagina Gegevens onder 'Rijen behouden waarvan "
              "{column} gelijk is aan'; voeg in de JSON van de koppeling \"filters\": [{{\"column\": "
              "\"{column}\", \"equals\": \"{first}\"}}] toe.",
    },
    # Its page form (i18n.on_page): the Data page's mapping step says it under the chooser it names
    "keep_one_unit_on_page": {
        "en": "Keep the rows of one unit: choose it above, under 'Keep the rows whose {column} is' (for example "
              "{first}).",
        "fr": "Gardez les lignes d'une seule unité : choisissez-la ci-dessus, sous « Garder les lignes dont "
              "{column} vaut » (par exemple {first}).",
        "nl": "Behoud de rijen van één eenheid: kies ze hierboven, onder 'Rijen behouden waarvan {column} gelijk "
              "is aan' (bijvoorbeeld {first}).",
    },
}
