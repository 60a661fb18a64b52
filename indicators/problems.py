"""Problems found in a user's file, and their messages in French, English and Dutch.

A problem names the file, the row as a spreadsheet shows it (header = row 1),
the column as written in the file, the value, what is wrong and, where one
exists, a suggestion. Messages are templates so that every language says the
same thing with the same figures.
"""
from __future__ import annotations

from dataclasses import dataclass, field

LANGS = ("fr", "en", "nl")

MESSAGES: dict[str, dict[str, str]] = {
    "empty_file": {
        "en": "The file is empty.",
        "fr": "Le fichier est vide.",
        "nl": "Het bestand is leeg.",
    },
    "binary_file": {
        "en": "This is not a text table (CSV) or an Excel workbook (XLSX): it looks like a binary file.",
        "fr": "Ce n'est ni un tableau texte (CSV) ni un classeur Excel (XLSX) : le fichier semble binaire.",
        "nl": "Dit is geen teksttabel (CSV) of Excel-werkmap (XLSX): het lijkt een binair bestand.",
    },
    "bad_xlsx": {
        "en": "The Excel workbook cannot be opened ({detail}). Save it again from Excel as .xlsx.",
        "fr": "Le classeur Excel ne peut pas être ouvert ({detail}). Enregistrez-le de nouveau au format .xlsx.",
        "nl": "De Excel-werkmap kan niet worden geopend ({detail}). Sla hem opnieuw op als .xlsx.",
    },
    "bad_structure": {
        "en": "The table is malformed: {detail}.",
        "fr": "Le tableau est mal formé : {detail}.",
        "nl": "De tabel is misvormd: {detail}.",
    },
    "no_header": {
        "en": "No header row was found (no line names the columns).",
        "fr": "Aucune ligne d'en-tête n'a été trouvée (aucune ligne ne nomme les colonnes).",
        "nl": "Er is geen kopregel gevonden (geen regel noemt de kolommen).",
    },
    "unknown_table": {
        "en": "The columns ({found}) match no table. Expected for example: {expected}.",
        "fr": "Les colonnes ({found}) ne correspondent à aucune table. Attendu par exemple : {expected}.",
        "nl": "De kolommen ({found}) passen bij geen enkele tabel. Verwacht bijvoorbeeld: {expected}.",
    },
    "wrong_table": {
        "en": "This file holds a {found_kind} table, not {expected_kind}.",
        "fr": "Ce fichier contient une table {found_kind}, pas {expected_kind}.",
        "nl": "Dit bestand bevat een tabel {found_kind}, geen {expected_kind}.",
    },
    "missing_columns": {
        "en": "Missing required column(s) for the {kind} table: {missing}. Columns found: {found}.",
        "fr": "Colonne(s) obligatoire(s) manquante(s) pour la table {kind} : {missing}. Colonnes trouvées : {found}.",
        "nl": "Verplichte kolom(men) ontbreken voor de tabel {kind}: {missing}. Gevonden kolommen: {found}.",
    },
    "no_rows": {
        "en": "The table has a header but no data row.",
        "fr": "Le tableau a un en-tête mais aucune ligne de données.",
        "nl": "De tabel heeft een kopregel maar geen gegevensrij.",
    },
    "required": {
        "en": "A value is required in this column.",
        "fr": "Une valeur est obligatoire dans cette colonne.",
        "nl": "In deze kolom is een waarde verplicht.",
    },
    "not_a_number": {
        "en": "Not a number.",
        "fr": "Ce n'est pas un nombre.",
        "nl": "Geen getal.",
    },
    "not_an_integer": {
        "en": "Not a whole number.",
        "fr": "Ce n'est pas un nombre entier.",
        "nl": "Geen geheel getal.",
    },
    "too_large": {
        "en": "The number is too large to store.",
        "fr": "Le nombre est trop grand pour être enregistré.",
        "nl": "Het getal is te groot om op te slaan.",
    },
    "out_of_range": {
        "en": "The value must be between {minimum} and {maximum}.",
        "fr": "La valeur doit être comprise entre {minimum} et {maximum}.",
        "nl": "De waarde moet tussen {minimum} en {maximum} liggen.",
    },
    "percent_over_100": {
        "en": "A percentage must be between 0 and 100 (the unit of {indicator} is %).",
        "fr": "Un pourcentage doit être compris entre 0 et 100 (l'unité de {indicator} est %).",
        "nl": "Een percentage moet tussen 0 en 100 liggen (de eenheid van {indicator} is %).",
    },
    "bad_period": {
        "en": "Not a period: write YYYY, YYYY-Qn or YYYY-MM.",
        "fr": "Ce n'est pas une période : écrivez AAAA, AAAA-Qn ou AAAA-MM.",
        "nl": "Geen periode: schrijf JJJJ, JJJJ-Qn of JJJJ-MM.",
    },
    "bad_code": {
        "en": "A code may not contain spaces in the middle or the character |.",
        "fr": "Un code ne peut contenir ni espace au milieu ni le caractère |.",
        "nl": "Een code mag geen spaties in het midden of het teken | bevatten.",
    },
    "not_allowed": {
        "en": "Not an allowed value. Allowed: {allowed}.",
        "fr": "Valeur non admise. Valeurs admises : {allowed}.",
        "nl": "Geen toegestane waarde. Toegestaan: {allowed}.",
    },
    "bad_flag": {
        "en": "Unknown flag after the number. Known flags: p, e, b, c, u.",
        "fr": "Indicateur de qualité inconnu après le nombre. Connus : p, e, b, c, u.",
        "nl": "Onbekende vlag na het getal. Bekend: p, e, b, c, u.",
    },
    "unknown_code": {
        "en": "Unknown {kind} code.",
        "fr": "Code inconnu ({kind}).",
        "nl": "Onbekende code ({kind}).",
    },
    "duplicate_key": {
        "en": "The same row appears again (first at row {first_row}).",
        "fr": "La même ligne apparaît de nouveau (d'abord à la ligne {first_row}).",
        "nl": "Dezelfde rij komt opnieuw voor (eerst op rij {first_row}).",
    },
    "conflicting_key": {
        "en": "Two different values for {key}: here and at row {first_row}.",
        "fr": "Deux valeurs différentes pour {key} : ici et à la ligne {first_row}.",
        "nl": "Twee verschillende waarden voor {key}: hier en op rij {first_row}.",
    },
    "target_order": {
        "en": "The target period must come after the baseline period.",
        "fr": "La période cible doit être postérieure à la période de référence.",
        "nl": "De doelperiode moet na de referentieperiode komen.",
    },
    "same_origin_destination": {
        "en": "Origin and destination are the same territory.",
        "fr": "L'origine et la destination sont le même territoire.",
        "nl": "Herkomst en bestemming zijn hetzelfde gebied.",
    },
    "replaced_code": {
        "en": "Territory {code} was replaced by {successor}; the value is kept under {code}.",
        "fr": "Le territoire {code} a été remplacé par {successor} ; la valeur est conservée sous {code}.",
        "nl": "Gebied {code} werd vervangen door {successor}; de waarde blijft onder {code}.",
    },
    "too_many_fields": {
        "en": "This row has more cells than the header.",
        "fr": "Cette ligne a plus de cellules que l'en-tête.",
        "nl": "Deze rij heeft meer cellen dan de kopregel.",
    },
}

SUGGESTIONS: dict[str, dict[str, str]] = {
    "did_you_mean": {"en": "Did you mean {code}?", "fr": "Vouliez-vous dire {code} ?", "nl": "Bedoelde u {code}?"},
    "add_it": {
        "en": "Add it to the {kind} table first, or correct the code.",
        "fr": "Ajoutez-le d'abord à la table {kind}, ou corrigez le code.",
        "nl": "Voeg het eerst toe aan de tabel {kind}, of verbeter de code.",
    },
    "rename_columns": {
        "en": "Rename the columns or download the template of the table.",
        "fr": "Renommez les colonnes ou téléchargez le modèle de la table.",
        "nl": "Hernoem de kolommen of download het sjabloon van de tabel.",
    },
    "save_as_csv": {
        "en": "Export it from your spreadsheet as CSV or XLSX.",
        "fr": "Exportez-le depuis votre tableur en CSV ou XLSX.",
        "nl": "Exporteer het vanuit uw rekenblad als CSV of XLSX.",
    },
    "write_number": {
        "en": "Write a number such as 1234,5 or 1234.5, or leave the cell empty.",
        "fr": "Écrivez un nombre comme 1234,5 ou 1234.5, ou laissez la cellule vide.",
        "nl": "Schrijf een getal zoals 1234,5 of 1234.5, of laat de cel leeg.",
    },
    "write_period": {"en": "For example 2024, 2024-Q1 or 2024-03.", "fr": "Par exemple 2024, 2024-Q1 ou 2024-03.",
                     "nl": "Bijvoorbeeld 2024, 2024-Q1 of 2024-03."},
    "keep_one": {"en": "Keep one of the two rows.", "fr": "Gardez une seule des deux lignes.",
                 "nl": "Houd één van de twee rijen."},
    "attach_successor": {
        "en": "Import with 'attach to successor' to record it under {successor}.",
        "fr": "Importez avec « rattacher au successeur » pour l'enregistrer sous {successor}.",
        "nl": "Importeer met 'koppelen aan opvolger' om het onder {successor} te registreren.",
    },
}


# Table names as they read inside a sentence.
KIND_NAMES = {
    "levels": {"en": "level", "fr": "niveau", "nl": "niveau"},
    "themes": {"en": "theme", "fr": "thématique", "nl": "thema"},
    "actions": {"en": "action", "fr": "action", "nl": "actie"},
    "indicators": {"en": "indicator", "fr": "indicateur", "nl": "indicator"},
    "territories": {"en": "territory", "fr": "territoire", "nl": "gebied"},
    "targets": {"en": "targets", "fr": "cibles", "nl": "streefwaarden"},
    "observations": {"en": "observations", "fr": "observations", "nl": "waarnemingen"},
    "flows": {"en": "flows", "fr": "flux", "nl": "stromen"},
}


def _localise(params: dict, lang: str) -> dict:
    return {k: (KIND_NAMES[v].get(lang, v) if k.endswith("kind") and v in KIND_NAMES else v)
            for k, v in params.items()}


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    value: str | None
    code: str
    params: dict = field(default_factory=dict)
    suggestion: tuple[str, dict] | None = None
    severity: str = "error"  # "error" blocks the import; "notice" informs

    def message(self, lang: str = "en") -> str:
        template = MESSAGES[self.code].get(lang) or MESSAGES[self.code]["en"]
        return template.format(**_localise(self.params, lang))

    def suggestion_text(self, lang: str = "en") -> str | None:
        if not self.suggestion:
            return None
        key, params = self.suggestion
        template = SUGGESTIONS[key].get(lang) or SUGGESTIONS[key]["en"]
        return template.format(**_localise(params, lang))

    def as_dict(self, lang: str = "en") -> dict:
        """The JSON form fixed by DESIGN.md."""
        return {
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "message": self.message(lang),
            "suggestion": self.suggestion_text(lang),
        }


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
