"""The names the problems' templates put in their sentences (problem_messages.py, problems._localise), in
French, English and Dutch: the kind of thing a code names, why a sheet was left aside, a limit as a
planner reads it."""
from __future__ import annotations

TEXTS: dict = {}   # no interface text: words inside the problems' sentences


# The kind of thing a code names, inside a sentence ("Unknown territory code"); a table is `table_said`.
KIND_NAMES = {
    "levels": {"en": "level", "fr": "niveau", "nl": "niveau"},
    "themes": {"en": "theme", "fr": "thématique", "nl": "thema"},
    "actions": {"en": "action", "fr": "action", "nl": "actie"},
    "indicators": {"en": "indicator", "fr": "indicateur", "nl": "indicator"},
    "territories": {"en": "territory", "fr": "territoire", "nl": "gebied"},
    "targets": {"en": "targets", "fr": "cibles", "nl": "streefwaarden"},
    "observations": {"en": "observations", "fr": "observations", "nl": "waarnemingen"},
    "flows": {"en": "flows", "fr": "flux", "nl": "stromen"},
    "partners": {"en": "partner", "fr": "partenaire", "nl": "partner"},
    "action_updates": {"en": "progress updates", "fr": "points d'avancement", "nl": "voortgangsrapporten"},
}


# Why a workbook's sheet was left aside (reading_xlsx.read_xlsx), as each language says it.
SHEET_ASIDE = {
    "hidden": {"en": "it is hidden in the workbook", "fr": "elle est masquée dans le classeur",
               "nl": "het is verborgen in de werkmap"},
    "no_table": {"en": "its columns name no table, beside sheets that do (a readme, a chart's data)",
                 "fr": "ses colonnes ne nomment aucune table, à côté de feuilles qui le font (un mode d'emploi, "
                       "les données d'un graphique)",
                 "nl": "de kolommen noemen geen tabel, naast bladen die dat wel doen (een leesmij, de gegevens van "
                       "een grafiek)"},
}

# Limits (indicators/limits.py) as a planner reads them.
LIMIT_WORDS = {
    "MAX_FILE_BYTES": {"en": "bytes in the file", "fr": "octets du fichier", "nl": "bytes in het bestand"},
    "MAX_UNPACKED_BYTES": {"en": "bytes once unpacked", "fr": "octets une fois décompressé",
                           "nl": "bytes na uitpakken"},
    "MAX_CELLS": {"en": "cells in one table", "fr": "cellules d'un tableau", "nl": "cellen in één tabel"},
    "MAX_COLUMNS": {"en": "columns", "fr": "colonnes", "nl": "kolommen"},
    "MAX_SHEETS": {"en": "sheets in the workbook", "fr": "feuilles du classeur", "nl": "bladen in de werkmap"},
    "MAX_WORKBOOK_CHARS": {"en": "characters of text in the workbook", "fr": "caractères de texte du classeur",
                           "nl": "teksttekens in de werkmap"},
    "MAX_FIELDS_PER_ROW": {"en": "cells in one row", "fr": "cellules d'une ligne", "nl": "cellen in één rij"},
    "MAX_LINE_BYTES": {"en": "characters in one line", "fr": "caractères d'une ligne",
                       "nl": "tekens in één regel"},
    "MAX_HEADER_ROW": {"en": "header row", "fr": "ligne d'en-tête", "nl": "kopregel"},
    "MAX_JSON_DEPTH": {"en": "nesting depth", "fr": "profondeur d'imbrication", "nl": "nestingsdiepte"},
    "MAX_JSON_BYTES": {"en": "bytes in the file", "fr": "octets du fichier", "nl": "bytes in het bestand"},
    "MAX_VERTICES": {"en": "points of the boundaries", "fr": "points des contours", "nl": "punten van de grenzen"},
    "MAX_PATTERN_CHARS": {"en": "characters in the pattern", "fr": "caractères du motif",
                          "nl": "tekens in het patroon"},
}
