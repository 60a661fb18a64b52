"""Texts of what planners' own spreadsheets hold beside their table: a template's example row
(templates.py), a total and notes under the table (below_table.py), months and dates Excel made of a
period, thousands spaces Windows-1252 lost (parsing.py), numbers beyond what a store keeps.

`TEXTS` joins the interface texts (i18n); `MESSAGES` and `SUGGESTIONS` join the problems' words
(problem_messages.py), `BELOW_WORDS` names what lies under a table inside a sentence (problems._localise)."""

TEXTS = {
    # The text a template's example row carries (templates.template), in the column EXAMPLE_MARK names.
    "template_example_mark": {"fr": "Exemple : remplacez ou supprimez cette ligne",
                              "nl": "Voorbeeld: vervang of verwijder deze rij",
                              "en": "Example: replace or delete this row"},
}

MESSAGES = {
    "template_example_row": {
        "en": "Row {row} is the example row of the downloaded template ({example}): left out, not imported. "
              "Write your own rows in its place or below it.",
        "fr": "La ligne {row} est la ligne d'exemple du modèle téléchargé ({example}) : écartée, elle n'est pas "
              "importée. Écrivez vos propres lignes à sa place ou en dessous.",
        "nl": "Rij {row} is de voorbeeldrij van het gedownloade sjabloon ({example}): weggelaten, niet "
              "geïmporteerd. Schrijf uw eigen rijen in haar plaats of eronder.",
    },
    "template_example_mark": {
        "en": "Row {row} holds your values but column {column} still says the template's example text "
              "({mark}): the row is imported, that text is not stored.",
        "fr": "La ligne {row} contient vos valeurs mais la colonne {column} porte encore le texte d'exemple du "
              "modèle ({mark}) : la ligne est importée, ce texte n'est pas enregistré.",
        "nl": "Rij {row} bevat uw waarden maar kolom {column} bevat nog de voorbeeldtekst van het sjabloon "
              "({mark}): de rij wordt geïmporteerd, die tekst wordt niet opgeslagen.",
    },
    "only_template_example": {
        "en": "The table holds only the template's example row (row {row}): there is nothing to import. Write "
              "your own rows in its place or below it.",
        "fr": "Le tableau ne contient que la ligne d'exemple du modèle (ligne {row}) : il n'y a rien à importer. "
              "Écrivez vos propres lignes à sa place ou en dessous.",
        "nl": "De tabel bevat alleen de voorbeeldrij van het sjabloon (rij {row}): er is niets te importeren. "
              "Schrijf uw eigen rijen in haar plaats of eronder.",
    },
    "rows_below_table": {
        "en": "Rows {rows} are below the table ({below}): they are not read. Delete them from the sheet to "
              "import it without this notice.",
        "fr": "Les lignes {rows} sont sous le tableau ({below}) : elles ne sont pas lues. Supprimez-les de la "
              "feuille pour l'importer sans cette remarque.",
        "nl": "Rijen {rows} staan onder de tabel ({below}): ze worden niet gelezen. Verwijder ze uit het blad "
              "om het zonder deze opmerking te importeren.",
    },
    # `100 p` in a target's baseline or any number cell of a table that keeps no flag (only observations
    # and flows do): the number is read, the letters are not kept; said, never dropped unsaid.
    "flag_not_kept": {
        "en": "Letters after a number are not kept in column {column}: the number is read ({example}: {read_as}); "
              "only observations and flows keep a flag (p, e…). Rows: {rows}.",
        "fr": "Les lettres après un nombre ne sont pas gardées dans la colonne {column} : le nombre est lu "
              "({example} : {read_as}) ; seules les observations et les flux gardent un indicateur (p, e…). "
              "Lignes : {rows}.",
        "nl": "Letters na een getal worden niet bewaard in kolom {column}: het getal wordt gelezen ({example}: "
              "{read_as}); alleen waarnemingen en stromen bewaren een vlag (p, e…). Rijen: {rows}."},
    "months_read": {
        "en": "Months written as Excel shows a date are read as months ({example}: {read_as}). "
              "Rows: {rows}. To keep a period as typed, format the column as Text before typing.",
        "fr": "Les mois écrits comme Excel affiche une date sont lus comme des mois ({example} : "
              "{read_as}). Lignes : {rows}. Pour garder une période telle que saisie, mettez la colonne au format "
              "Texte avant de saisir.",
        "nl": "Maanden geschreven zoals Excel een datum toont, worden als maanden gelezen ({example}: "
              "{read_as}). Rijen: {rows}. Om een periode te houden zoals getypt, zet de kolom vóór het typen op de "
              "opmaak Tekst.",
    },
    "lost_thousands_read": {
        "en": "A '?' between digits is the thousands space Excel wrote, which the encoding it "
              "saved this file in (Windows-1252) cannot hold; read as such ({example}: {read_as}). Rows: {rows}. "
              "Saving the file as 'CSV UTF-8' keeps the space.",
        "fr": "Un « ? » entre des chiffres est l'espace des milliers qu'Excel écrivait et que "
              "l'encodage dans lequel il a enregistré ce fichier (Windows-1252) ne peut pas contenir ; lu comme "
              "tel ({example} : {read_as}). Lignes : {rows}. Enregistrer le fichier en « CSV UTF-8 » garde "
              "l'espace.",
        "nl": "Een '?' tussen cijfers is de duizendtalspatie die Excel schreef en die de codering "
              "waarin het dit bestand opsloeg (Windows-1252) niet kan bevatten; zo gelezen ({example}: {read_as}). "
              "Rijen: {rows}. Het bestand opslaan als 'CSV UTF-8' behoudt de spatie.",
    },
    "too_small": {
        "en": "The number is too small to store: it would be stored as 0. Apart from 0, the smallest number "
              "stored is {smallest}; write 0 if zero is meant.",
        "fr": "Le nombre est trop petit pour être enregistré : il le serait comme 0. En dehors de 0, le plus "
              "petit nombre enregistré est {smallest} ; écrivez 0 si c'est zéro.",
        "nl": "Het getal is te klein om op te slaan: het zou als 0 worden opgeslagen. Behalve 0 is het kleinste "
              "opgeslagen getal {smallest}; schrijf 0 als nul bedoeld is.",
    },
    # A spreadsheet's error value in a cell (#N/A, #DIV/0!, #VALEUR!, #DEEL/0!…): spreadsheet_errors.py.
    "formula_error_cell": {
        "en": "{value} is a formula's error in the spreadsheet, not a value this column takes: nothing is read "
              "from this cell.",
        "fr": "{value} est une erreur de formule du tableur, pas une valeur que cette colonne accepte : rien "
              "n'est lu dans cette cellule.",
        "nl": "{value} is een formulefout van het rekenblad, geen waarde die deze kolom aanneemt: uit deze cel "
              "wordt niets gelezen.",
    },
    "formula_not_available": {
        "en": "{values} is a formula's error in the spreadsheet (its \"not available\"), read "
              "as no value: nothing is stored, never 0. Rows: {rows}.",
        "fr": "{values} est une erreur de formule du tableur (son « non disponible »), lue "
              "comme une absence de valeur : rien n'est enregistré, jamais 0. Lignes : {rows}.",
        "nl": "{values} is een formulefout van het rekenblad (zijn \"niet beschikbaar\"), "
              "gelezen als geen waarde: er wordt niets opgeslagen, nooit 0. Rijen: {rows}.",
    },
    "formula_error_text": {
        "en": "{values} is a formula's error in the spreadsheet, kept as text, as written. "
              "Rows: {rows}.",
        "fr": "{values} est une erreur de formule du tableur, gardée comme texte, telle "
              "qu'écrite. Lignes : {rows}.",
        "nl": "{values} is een formulefout van het rekenblad, als tekst bewaard, zoals "
              "geschreven. Rijen: {rows}.",
    },
}

SUGGESTIONS = {
    "period_is_date": {
        "en": "This is a date: write {year} for the year, or {month} for the month (in Excel, format the "
              "column as Text first, or it turns them into dates again).",
        "fr": "C'est une date : écrivez {year} pour l'année, ou {month} pour le mois (dans Excel, mettez "
              "d'abord la colonne au format Texte, sinon il en refait des dates).",
        "nl": "Dit is een datum: schrijf {year} voor het jaar, of {month} voor de maand (zet in Excel de kolom "
              "eerst op de opmaak Tekst, anders maakt het er weer datums van).",
    },
    "check_formula": {
        "en": "Check the formula in the spreadsheet (a lookup that found nothing, a reference to a deleted "
              "cell, a division by zero…), or type the value.",
        "fr": "Vérifiez la formule dans le tableur (une recherche qui n'a rien trouvé, une référence à une "
              "cellule supprimée, une division par zéro…), ou tapez la valeur.",
        "nl": "Controleer de formule in het rekenblad (een zoekopdracht die niets vond, een verwijzing naar een "
              "verwijderde cel, een deling door nul…), of typ de waarde.",
    },
}

# What lies under a table (below_table.rows_below_table), inside the sentence of `rows_below_table`.
BELOW_WORDS = {
    "total": {"en": "a total", "fr": "un total", "nl": "een totaal"},
    "totals": {"en": "totals", "fr": "des totaux", "nl": "totalen"},
    "note": {"en": "a note", "fr": "une note", "nl": "een opmerking"},
    "notes": {"en": "notes", "fr": "des notes", "nl": "opmerkingen"},
}
