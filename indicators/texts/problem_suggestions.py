"""What to do about each problem of a user's file (problems.py), in French, English and Dutch: the
suggestion templates, merged into problem_messages.SUGGESTIONS."""
from __future__ import annotations

TEXTS: dict = {}   # no interface text: the problems' own words

SUGGESTIONS: dict[str, dict[str, str]] = {
    "did_you_mean": {"en": "Did you mean {code}?", "fr": "Vouliez-vous dire {code} ?", "nl": "Bedoelde u {code}?"},
    "add_it": {
        "en": "Add it to the {table} table first, or correct the code.",
        "fr": "Ajoutez-le d'abord à la table {table}, ou corrigez le code.",
        "nl": "Voeg het eerst toe aan de tabel {table}, of verbeter de code.",
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
    "write_date": {"en": "For example 2024-03-15 or 15/03/2024.", "fr": "Par exemple 2024-03-15 ou 15/03/2024.",
                   "nl": "Bijvoorbeeld 2024-03-15 of 15/03/2024."},
    "write_partners": {"en": "Write {codes}.", "fr": "Écrivez {codes}.", "nl": "Schrijf {codes}."},
    "flag_forecast": {
        "en": "A forecast? Observations and flows are measured values: check the year, or give a forecast the "
              "flag f.",
        "fr": "Une prévision ? Les observations et les flux sont des valeurs mesurées : vérifiez l'année, ou "
              "donnez à une prévision l'indicateur f.",
        "nl": "Een prognose? Waarnemingen en stromen zijn gemeten waarden: controleer het jaar, of geef een "
              "prognose de vlag f.",
    },
    "keep_one": {"en": "Keep one of the two rows.", "fr": "Gardez une seule des deux lignes.",
                 "nl": "Houd één van de twee rijen."},
    "write_in_unit": {
        "en": "Write the number alone, in {unit}, or check the indicator code.",
        "fr": "Écrivez le nombre seul, en {unit}, ou vérifiez le code de l'indicateur.",
        "nl": "Schrijf het getal alleen, in {unit}, of controleer de indicatorcode.",
    },
    "unit_column_fix": {
        "en": "Give the value in {unit} (and write {unit} in the unit column, or remove that column), or check "
              "the indicator code.",
        "fr": "Donnez la valeur en {unit} (et écrivez {unit} dans la colonne d'unité, ou retirez cette colonne), "
              "ou vérifiez le code de l'indicateur.",
        "nl": "Geef de waarde in {unit} (en schrijf {unit} in de eenheidskolom, of verwijder die kolom), of "
              "controleer de indicatorcode.",
    },
    "formula_not_computed": {
        "en": "The cell holds a formula whose result the file does not keep (a workbook written by a program, "
              "never opened in a spreadsheet): open it in Excel or LibreOffice and save it, or type the value.",
        "fr": "La cellule contient une formule dont le fichier ne garde pas le résultat (un classeur écrit par un "
              "programme, jamais ouvert dans un tableur) : ouvrez-le dans Excel ou LibreOffice et enregistrez-le, "
              "ou tapez la valeur.",
        "nl": "De cel bevat een formule waarvan het bestand de uitkomst niet bewaart (een werkmap die een "
              "programma schreef, nooit in een rekenblad geopend): open hem in Excel of LibreOffice en sla hem "
              "op, of typ de waarde.",
    },
    "negative_with_minus": {
        "en": "Write a negative number with a minus sign: {number}, not in brackets.",
        "fr": "Écrivez un nombre négatif avec le signe moins : {number}, pas entre parenthèses.",
        "nl": "Schrijf een negatief getal met een minteken: {number}, niet tussen haakjes.",
    },
    "number_with_unit": {
        "en": "The cell holds a unit ({sign}) beside the number: write the number alone ({number}); the "
              "indicator's unit says what it counts.",
        "fr": "La cellule contient une unité ({sign}) à côté du nombre : écrivez le nombre seul ({number}) ; "
              "l'unité de l'indicateur dit ce qu'il compte.",
        "nl": "De cel bevat een eenheid ({sign}) naast het getal: schrijf het getal alleen ({number}); de "
              "eenheid van de indicator zegt wat het telt.",
    },
    "number_with_letters": {
        "en": "The cell holds letters ({letters}): write the number alone, followed if need be by a flag such "
              "as p or e (43300 p), or leave the cell empty.",
        "fr": "La cellule contient des lettres ({letters}) : écrivez le nombre seul, suivi si besoin d'un "
              "indicateur de qualité comme p ou e (43300 p), ou laissez la cellule vide.",
        "nl": "De cel bevat letters ({letters}): schrijf het getal alleen, zo nodig gevolgd door een vlag zoals "
              "p of e (43300 p), of laat de cel leeg.",
    },
    "flags_apart": {
        "en": "Flags are written together after the number, without a space between them: {number} {flags}.",
        "fr": "Les indicateurs de qualité s'écrivent ensemble après le nombre, sans espace entre eux : "
              "{number} {flags}.",
        "nl": "Vlaggen staan samen na het getal, zonder spatie ertussen: {number} {flags}.",
    },
    "number_with_sign": {
        "en": "The cell holds a sign a number does not take ({chars}): write a number such as 1234,5 or 1234.5.",
        "fr": "La cellule contient un signe qu'un nombre ne prend pas ({chars}) : écrivez un nombre comme "
              "1234,5 ou 1234.5.",
        "nl": "De cel bevat een teken dat een getal niet heeft ({chars}): schrijf een getal zoals 1234,5 of "
              "1234.5.",
    },
    "mapped_layout": {
        "en": "These columns are laid out as {layout} publishes its files: such a layout is imported with a "
              "mapping, not renamed. On the Data page, use 'Files in another layout' to map its columns; on the "
              "command line, import it with --mapping NAME (docs/data-format.md, 'Foreign layouts').",
        "fr": "Ces colonnes ont la présentation d'un fichier {layout} : elle s'importe avec une "
              "correspondance, sans renommer les colonnes. Sur la page Données, utilisez « Fichiers dans une "
              "autre présentation » pour indiquer ses colonnes ; en ligne de commande, importez le fichier avec "
              "--mapping NOM (docs/data-format.md, « Autres présentations »).",
        "nl": "Deze kolommen hebben de opmaak van een {layout}-bestand: die wordt met een koppeling "
              "geïmporteerd, zonder de kolommen te hernoemen. Gebruik op de pagina Gegevens 'Bestanden in een "
              "andere opmaak' om de kolommen aan te duiden; importeer het bestand op de opdrachtregel met "
              "--mapping NAAM (docs/data-format.md, 'Andere opmaak').",
    },
    # Its page form (i18n.on_page): a page names its own section, not the command line's flag nor a repository path
    "mapped_layout_on_page": {
        "en": "These columns are laid out as {layout} publishes its files: such a layout is imported with a "
              "mapping, not renamed. Say what its columns hold under 'Files in another layout', on the Data page.",
        "fr": "Ces colonnes ont la présentation d'un fichier {layout} : elle s'importe avec une "
              "correspondance, sans renommer les colonnes. Indiquez ce que contiennent ses colonnes sous "
              "« Fichiers dans une autre présentation », sur la page Données.",
        "nl": "Deze kolommen hebben de opmaak van een {layout}-bestand: die wordt met een koppeling "
              "geïmporteerd, zonder de kolommen te hernoemen. Geef aan wat de kolommen bevatten onder "
              "'Bestanden in een andere opmaak', op de pagina Gegevens.",
    },
    "attach_successor": {
        "en": "Import with 'attach to successor' to record it under {successor}.",
        "fr": "Importez avec « rattacher au successeur » pour l'enregistrer sous {successor}.",
        "nl": "Importeer met 'koppelen aan opvolger' om het onder {successor} te registreren.",
    },
}
