"""The words of the problems found in a user's file (problems.py), in French, English and Dutch: each
kind's message and suggestion templates (the names they put in their sentences: texts/problem_names.py). Every
language says the same thing with the same figures."""
from __future__ import annotations

from .i18n import Plural   # a message whose words follow a count (problems.Problem.message picks the form)
from .i18n import dated   # a message naming a day: said in the reader's words, never ISO

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
    # Files the import does not read, said as what they are (reading_other_formats.other_format, read_xlsx).
    "damaged_xlsx": {
        "en": "The Excel workbook cannot be opened: it is damaged, or it is not an Excel workbook. Open it in "
              "Excel and save it again as .xlsx.",
        "fr": "Le classeur Excel ne peut pas être ouvert : il est endommagé, ou ce n'est pas un classeur Excel. "
              "Ouvrez-le dans Excel et enregistrez-le de nouveau au format .xlsx.",
        "nl": "De Excel-werkmap kan niet worden geopend: hij is beschadigd, of het is geen Excel-werkmap. Open hem "
              "in Excel en sla hem opnieuw op als .xlsx.",
    },
    "xls_file": {
        "en": "This is an Excel 97-2003 workbook (.xls), a format the import does not read. Open it in Excel or "
              "LibreOffice and save it as an Excel workbook (.xlsx) or as CSV.",
        "fr": "C'est un classeur Excel 97-2003 (.xls), un format que l'import ne lit pas. Ouvrez-le dans Excel ou "
              "LibreOffice et enregistrez-le comme classeur Excel (.xlsx) ou en CSV.",
        "nl": "Dit is een Excel 97-2003-werkmap (.xls), een formaat dat de import niet leest. Open hem in Excel of "
              "LibreOffice en sla hem op als Excel-werkmap (.xlsx) of als CSV.",
    },
    "encrypted_xlsx": {
        "en": "The workbook is protected by a password, so it cannot be read. Open it in Excel, remove the "
              "password and save it again as .xlsx.",
        "fr": "Le classeur est protégé par un mot de passe : il ne peut pas être lu. Ouvrez-le dans Excel, "
              "retirez le mot de passe et enregistrez-le de nouveau au format .xlsx.",
        "nl": "De werkmap is met een wachtwoord beveiligd en kan niet worden gelezen. Open hem in Excel, verwijder "
              "het wachtwoord en sla hem opnieuw op als .xlsx.",
    },
    "ods_file": {
        "en": "This is an OpenDocument spreadsheet (.ods, LibreOffice or OpenOffice), a format the import does not "
              "read. Save it from LibreOffice Calc as an Excel workbook (.xlsx) or as CSV.",
        "fr": "C'est un classeur OpenDocument (.ods, LibreOffice ou OpenOffice), un format que l'import ne lit pas. "
              "Enregistrez-le depuis LibreOffice Calc comme classeur Excel (.xlsx) ou en CSV.",
        "nl": "Dit is een OpenDocument-rekenblad (.ods, LibreOffice of OpenOffice), een formaat dat de import niet "
              "leest. Sla het vanuit LibreOffice Calc op als Excel-werkmap (.xlsx) of als CSV.",
    },
    "zip_archive": {
        "en": "This is a ZIP archive holding {files}. Unpack it and import the CSV or XLSX file it holds.",
        "fr": "C'est une archive ZIP qui contient {files}. Décompressez-la et importez le fichier CSV ou XLSX "
              "qu'elle contient.",
        "nl": "Dit is een ZIP-archief met {files}. Pak het uit en importeer het CSV- of XLSX-bestand dat erin zit.",
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
        "en": "This file holds the {found_table} table, not the {expected_table} table.",
        "fr": "Ce fichier contient la table {found_table}, pas la table {expected_table}.",
        "nl": "Dit bestand bevat de tabel {found_table}, niet de tabel {expected_table}.",
    },
    "missing_columns": {
        "en": Plural({"one": "Missing required column for the {table} table: {missing}. Columns found: {found}.",
                      "other": "Missing required columns for the {table} table: {missing}. Columns found: {found}."}),
        "fr": Plural({"one": "Colonne obligatoire manquante pour la table {table} : {missing}. Colonnes trouvées : "
                             "{found}.",
                      "other": "Colonnes obligatoires manquantes pour la table {table} : {missing}. Colonnes "
                               "trouvées : {found}."}),
        "nl": Plural({"one": "Verplichte kolom ontbreekt voor de tabel {table}: {missing}. Gevonden kolommen: {found}.",
                      "other": "Verplichte kolommen ontbreken voor de tabel {table}: {missing}. Gevonden kolommen: "
                               "{found}."}),
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
    # validation._merged_said: the empty cell is covered by a merged range (XLSX).
    "required_merged": {
        "en": "A value is required in this column, and this cell is empty because it is merged with others "
              "({range}): Excel keeps the value in the first cell only ({first}). Unmerge the cells and fill the "
              "value down into each row, then check the file again.",
        "fr": "Une valeur est obligatoire dans cette colonne, et cette cellule est vide parce qu'elle est "
              "fusionnée avec d'autres ({range}) : Excel garde la valeur dans la première cellule seulement "
              "({first}). Annulez la fusion et recopiez la valeur vers le bas dans chaque ligne, puis vérifiez "
              "de nouveau le fichier.",
        "nl": "Een waarde is verplicht in deze kolom, en deze cel is leeg omdat ze met andere is samengevoegd "
              "({range}): Excel bewaart de waarde alleen in de eerste cel ({first}). Maak de samenvoeging ongedaan "
              "en vul de waarde naar beneden in elke rij in, en controleer het bestand dan opnieuw.",
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
        "en": "The number is too large to store: the largest number stored is {largest}.",
        "fr": "Le nombre est trop grand pour être enregistré : le plus grand nombre enregistré est {largest}.",
        "nl": "Het getal is te groot om op te slaan: het grootste opgeslagen getal is {largest}.",
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
    "unit_mismatch": {
        "en": "The value is written with {sign}, but the unit of {indicator} is {unit}.",
        "fr": "La valeur est écrite avec {sign}, mais l'unité de {indicator} est {unit}.",
        "nl": "De waarde is geschreven met {sign}, maar de eenheid van {indicator} is {unit}.",
    },
    # cross_checks.unit_column_problems: a file's own unit column contradicting the indicator's unit.
    "unit_column_mismatch": {
        "en": "The unit column says another unit than {indicator}'s, which is {unit}: the value would be "
              "stored as if it were in {unit}.",
        "fr": "La colonne d'unité donne une autre unité que celle de {indicator}, qui est {unit} : la valeur "
              "serait enregistrée comme si elle était en {unit}.",
        "nl": "De eenheidskolom geeft een andere eenheid dan die van {indicator}, namelijk {unit}: de waarde "
              "zou worden opgeslagen alsof ze in {unit} was.",
    },
    "bad_period": {
        "en": "Not a period: write YYYY, YYYY-Qn or YYYY-MM.",
        "fr": "Ce n'est pas une période : écrivez AAAA, AAAA-Qn ou AAAA-MM.",
        "nl": "Geen periode: schrijf JJJJ, JJJJ-Qn of JJJJ-MM.",
    },
    "bad_date": {
        "en": "Not a date: write it as 2024-03-15 or 15/03/2024 (day first).",
        "fr": "Ce n'est pas une date : écrivez-la 2024-03-15 ou 15/03/2024 (le jour d'abord).",
        "nl": "Geen datum: schrijf 2024-03-15 of 15/03/2024 (de dag eerst).",
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
    "not_country": {
        "en": "Not a country code: write the country's two-letter ISO 3166-1 code (FR, BE, DE, LU, NL, CH…), or "
              "EU for a cross-border body.",
        "fr": "Ce n'est pas un code pays : écrivez le code ISO 3166-1 à deux lettres du pays (FR, BE, DE, LU, NL, "
              "CH…), ou EU pour un organisme transfrontalier.",
        "nl": "Geen landcode: schrijf de ISO 3166-1-code van twee letters van het land (FR, BE, DE, LU, NL, CH…), "
              "of EU voor een grensoverschrijdend orgaan.",
    },
    "bad_semester": {
        "en": "Not a period of an update: write YYYY-S1, YYYY-S2 or YYYY (2025-S1).",
        "fr": "Période de point d'avancement invalide : écrivez AAAA-S1, AAAA-S2 ou AAAA (2025-S1).",
        "nl": "Geen periode van een voortgangsrapport: schrijf JJJJ-S1, JJJJ-S2 of JJJJ (2025-S1).",
    },
    "bad_lang": {   # action_updates.lang: any ISO 639-1 language (languages.py)
        "en": "Not a language code: write the language's two-letter ISO 639-1 code (fr, nl, en, de, lb…), or "
              "leave the cell empty.",
        "fr": "Ce n'est pas un code de langue : écrivez le code ISO 639-1 de la langue, en deux lettres (fr, nl, "
              "en, de, lb…), ou laissez la cellule vide.",
        "nl": "Geen taalcode: schrijf de ISO 639-1-code van de taal, in twee letters (fr, nl, en, de, lb…), of "
              "laat de cel leeg.",
    },
    "bad_flag": {
        "en": "Unknown flag. Known flags (Eurostat's, letters may combine as in bp): {known}.",
        "fr": "Indicateur de qualité inconnu. Connus (ceux d'Eurostat, les lettres peuvent se combiner comme "
              "dans bp) : {known}.",
        "nl": "Onbekende vlag. Bekend (die van Eurostat, letters mogen samen staan zoals in bp): {known}.",
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
    # cross_checks.case_problems: codes are case-sensitive in the store, not in spreadsheets.
    "code_case_stored": {
        "en": "{written}: the store has {code}, which differs only by case; a second code would split its "
              "values in two.",
        "fr": "{written} : la base contient déjà {code}, qui ne diffère que par les majuscules ; un second code "
              "couperait ses valeurs en deux.",
        "nl": "{written}: de databank bevat al {code}, dat alleen in hoofdletters verschilt; een tweede code zou "
              "de waarden ervan in tweeën splitsen.",
    },
    "code_case_twice": {
        "en": "{written} differs only by case from {code} at row {first_row}: one code is meant twice.",
        "fr": "{written} ne diffère que par les majuscules de {code} à la ligne {first_row} : c'est deux fois le "
              "même code.",
        "nl": "{written} verschilt alleen in hoofdletters van {code} op rij {first_row}: het is twee keer dezelfde "
              "code.",
    },
    # cross_checks.partner_problems: notices, as older free text is allowed in owner and lead.
    "unknown_partner": {
        "en": "{part} is not a partner code: the contributors of the partner meant will not see this row as "
              "their partner's.",
        "fr": "{part} n'est pas un code de partenaire : les contributeurs du partenaire visé ne verront pas cette "
              "ligne comme celle de leur partenaire.",
        "nl": "{part} is geen partnercode: de bijdragers van de bedoelde partner zien deze rij niet als die van "
              "hun partner.",
    },
    "partner_separator": {
        "en": "{part}: partner codes are separated by |, not by a comma.",
        "fr": "{part} : les codes de partenaires se séparent par |, pas par une virgule.",
        "nl": "{part}: partnercodes worden gescheiden door |, niet door een komma.",
    },
    "action_years_order": {
        "en": "The end year {end} comes before the start year {start} ({start_column}).",
        "fr": "L'année de fin {end} est antérieure à l'année de début {start} ({start_column}).",
        "nl": "Het eindjaar {end} ligt vóór het beginjaar {start} ({start_column}).",
    },
    "future_period": dated({
        "en": "{period} is after today ({today}): the value is stored and read as the latest one.",
        "fr": "{period} est postérieur à aujourd'hui ({today}) : la valeur est enregistrée et lue comme la plus "
              "récente.",
        "nl": "{period} ligt na vandaag ({today}): de waarde wordt opgeslagen en als de laatste gelezen.",
    }),
    # cross_checks.stored_value_problems: the store would hold values its own export cannot import again.
    "unit_leaves_values": {
        "en": Plural({"one": "With the unit {unit}, {count} value already stored for {indicator} would be out of "
                             "range (0 to 100): {examples}. Correct that value first, or keep the unit.",
                      "other": "With the unit {unit}, {count} values already stored for {indicator} would be out of "
                               "range (0 to 100): {examples}. Correct those values first, or keep the unit."}),
        "fr": Plural({"one": "Avec l'unité {unit}, {count} valeur déjà enregistrée pour {indicator} serait hors "
                             "limites (0 à 100) : {examples}. Corrigez d'abord cette valeur, ou gardez l'unité.",
                      "other": "Avec l'unité {unit}, {count} valeurs déjà enregistrées pour {indicator} seraient "
                               "hors limites (0 à 100) : {examples}. Corrigez d'abord ces valeurs, ou gardez "
                               "l'unité."}),
        "nl": Plural({"one": "Met de eenheid {unit} zou {count} al opgeslagen waarde van {indicator} buiten het "
                             "bereik (0 tot 100) liggen: {examples}. Verbeter eerst die waarde, of behoud de eenheid.",
                      "other": "Met de eenheid {unit} zouden {count} al opgeslagen waarden van {indicator} buiten "
                               "het bereik (0 tot 100) liggen: {examples}. Verbeter eerst die waarden, of behoud de "
                               "eenheid."}),
    },
    "target_order": {
        "en": "The target period must come after the baseline period.",
        "fr": "La période cible doit être postérieure à la période de référence.",
        "nl": "De doelperiode moet na de referentieperiode komen.",
    },
    "milestone_value_missing": {
        "en": "The milestone period {period} has no milestone value: write the value due then, or leave both "
              "milestone cells empty.",
        "fr": "La période du jalon {period} n'a pas de valeur de jalon : écrivez la valeur attendue à cette date, "
              "ou laissez vides les deux cellules du jalon.",
        "nl": "De periode van de mijlpaal {period} heeft geen waarde van de mijlpaal: schrijf de waarde die dan "
              "verwacht wordt, of laat beide cellen van de mijlpaal leeg.",
    },
    "milestone_period_missing": {
        "en": "The milestone value has no milestone period: write the period it is due (such as 2027), or leave "
              "both milestone cells empty.",
        "fr": "La valeur du jalon n'a pas de période de jalon : écrivez la période où elle est attendue (par "
              "exemple 2027), ou laissez vides les deux cellules du jalon.",
        "nl": "De waarde van de mijlpaal heeft geen periode van de mijlpaal: schrijf de periode waarin ze verwacht "
              "wordt (bijvoorbeeld 2027), of laat beide cellen van de mijlpaal leeg.",
    },
    "milestone_before_baseline": {
        "en": "The milestone period must come after the baseline period ({baseline}).",
        "fr": "La période du jalon doit être postérieure à la période de référence ({baseline}).",
        "nl": "De periode van de mijlpaal moet na de referentieperiode ({baseline}) komen.",
    },
    "milestone_after_target": {
        "en": "The milestone period may not come after the target period ({target}).",
        "fr": "La période du jalon ne peut pas être postérieure à la période cible ({target}).",
        "nl": "De periode van de mijlpaal mag niet na de doelperiode ({target}) komen.",
    },
    "formula_error": {
        "en": "A formula error of the spreadsheet, not a number: correct the formula in the spreadsheet (or type "
              "the value), or leave the cell empty.",
        "fr": "Erreur de formule dans le tableur, pas un nombre : corrigez la formule dans le tableur (ou tapez "
              "la valeur), ou laissez la cellule vide.",
        "nl": "Een formulefout van het rekenblad, geen getal: verbeter de formule in het rekenblad (of typ de "
              "waarde), of laat de cel leeg.",
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
    # the same row imported with "attach to successor" (importing.attached_notices)
    "replaced_code_attached": {
        "en": "Territory {code} was replaced by {successor}; the value is recorded under {successor}.",
        "fr": "Le territoire {code} a été remplacé par {successor} ; la valeur est enregistrée sous {successor}.",
        "nl": "Gebied {code} werd vervangen door {successor}; de waarde wordt onder {successor} geregistreerd.",
    },
    "replaced_code_given_twice": {
        "en": "Territory {code} was replaced by {successor}, and the files also have a row for {successor} in "
              "this one's place: that row is recorded, this one is left out.",
        "fr": "Le territoire {code} a été remplacé par {successor}, et les fichiers ont aussi une ligne pour "
              "{successor} à la place de celle-ci : c'est elle qui est enregistrée, celle-ci est laissée de côté.",
        "nl": "Gebied {code} werd vervangen door {successor}, en de bestanden hebben ook een rij voor {successor} "
              "op de plaats van deze: die rij wordt geregistreerd, deze wordt overgeslagen.",
    },
    "notes_sheet_skipped": {
        "en": "Sheet '{sheet}' explains the columns (the template's notes): not imported.",
        "fr": "La feuille « {sheet} » explique les colonnes (notes du modèle) : elle n'est pas importée.",
        "nl": "Het blad '{sheet}' legt de kolommen uit (uitleg bij het sjabloon): het wordt niet geïmporteerd.",
    },
    "sheet_left_aside": {
        "en": "Sheet '{sheet}' was not read: {why}.",
        "fr": "La feuille « {sheet} » n'a pas été lue : {why}.",
        "nl": "Het blad '{sheet}' werd niet gelezen: {why}.",
    },
    "ignored_columns": {
        "en": "Columns the import ignores (names and labels ride along): {columns}.",
        "fr": "Colonnes ignorées à l'import (noms et libellés, pour information) : {columns}.",
        "nl": "Kolommen die de import negeert (namen en labels, ter informatie): {columns}.",
    },
    # validation._code_conflicts: two columns naming one code, that differ on a row.
    "conflicting_code_columns": {
        "en": "The columns {first} and {column} both give a code, and differ on this row: {first} says "
              "{first_value}, {column} says {value}. Which one is meant is not guessed: make them agree, or remove "
              "one of the two columns.",
        "fr": "Les colonnes {first} et {column} donnent toutes deux un code, et diffèrent sur cette ligne : "
              "{first} indique {first_value}, {column} indique {value}. Lequel vaut n'est pas deviné : "
              "mettez-les d'accord, ou supprimez l'une des deux colonnes.",
        "nl": "De kolommen {first} en {column} geven allebei een code, en verschillen op deze rij: {first} "
              "zegt {first_value}, {column} zegt {value}. Welke bedoeld is, wordt niet geraden: laat ze "
              "overeenkomen, of verwijder een van beide kolommen.",
    },
    "no_value_rows": {
        "en": "Rows without a value (empty, ':', 'NA'…), skipped: {count}. A value already stored for them is "
              "kept. Rows: {rows}.",
        "fr": "Lignes sans valeur (vide, « : », « NA »…), ignorées : {count}. Une valeur déjà enregistrée pour "
              "elles est conservée. Lignes : {rows}.",
        "nl": "Rijen zonder waarde (leeg, ':', 'NA'…), overgeslagen: {count}. Een al opgeslagen waarde blijft "
              "behouden. Rijen: {rows}.",
    },
    # The limit, and that reading stopped past it: the count reached then is no size of the file (a gzip
    # file stops being unpacked at the limit, whatever it would unpack to).
    "too_large_file": {
        "en": "The file goes past a limit of this server: more than {limit} {what}, where reading stopped. "
              "Split it, or remove empty rows and columns, and try again.",
        "fr": "Le fichier dépasse une limite de ce serveur ({what} : plus de {limit}) ; la lecture s'est "
              "arrêtée là. Découpez-le, ou supprimez les lignes et colonnes vides, puis réessayez.",
        "nl": "Het bestand overschrijdt een limiet van deze server: meer dan {limit} {what}, waar het lezen "
              "stopte. Splits het, of verwijder lege rijen en kolommen, en probeer opnieuw.",
    },
    # One line past MAX_LINE_BYTES, at its row: seldom a table's record (a file without line ends, one cell
    # holding a whole text), so the advice is about that line, not about empty rows.
    "too_long_line": {
        "en": "This line is longer than this server reads: more than {limit} {what}, where reading stopped. A "
              "table's row is seldom this long: check that the file has one record per line (its line ends may "
              "be missing), or shorten the long cell of this line, and try again.",
        "fr": "Cette ligne est plus longue que ce que ce serveur lit ({what} : plus de {limit}) ; la lecture "
              "s'est arrêtée là. Une ligne de tableau est rarement aussi longue : vérifiez que le fichier a un "
              "enregistrement par ligne (ses fins de ligne manquent peut-être), ou raccourcissez la longue cellule "
              "de cette ligne, puis réessayez.",
        "nl": "Deze regel is langer dan deze server leest: meer dan {limit} {what}, waar het lezen stopte. Een rij "
              "van een tabel is zelden zo lang: controleer of het bestand één record per regel heeft (de "
              "regeleinden ontbreken misschien), of maak de lange cel van deze regel korter, en probeer opnieuw.",
    },
    # reading_decimal.thousands_columns: the documented reading, said where a decimal mark may have been meant.
    "read_as_thousands": {
        "en": "Every number of column {column} is written like {example}, read as {read_as}: in this file "
              "'{mark}' separates thousands and '{decimal}' marks decimals. If '{mark}' is your decimal mark "
              "({example} meaning {meant}), write the numbers with '{decimal}' ({fixed}) and check the file again.",
        "fr": "Chaque nombre de la colonne {column} s'écrit comme {example}, lu {read_as} : dans ce fichier, "
              "« {mark} » sépare les milliers et « {decimal} » marque les décimales. Si « {mark} » est votre "
              "séparateur décimal ({example} voulant dire {meant}), écrivez les nombres avec « {decimal} » "
              "({fixed}) et vérifiez de nouveau le fichier.",
        "nl": "Elk getal in kolom {column} is geschreven als {example}, gelezen als {read_as}: in dit bestand "
              "scheidt '{mark}' de duizendtallen en geeft '{decimal}' de decimalen aan. Is '{mark}' uw "
              "decimaalteken ({example} betekent {meant}), schrijf de getallen dan met '{decimal}' ({fixed}) en "
              "controleer het bestand opnieuw.",
    },
    "cells_outside_table": {
        "en": "Cells right of the table's last column name are not read: {cells}. Give their column a name "
              "if they hold data.",
        "fr": "Des cellules à droite de la dernière colonne nommée ne sont pas lues : {cells}. Donnez un nom "
              "à leur colonne si elles contiennent des données.",
        "nl": "Cellen rechts van de laatste kolom met een naam worden niet gelezen: {cells}. Geef hun kolom een "
              "naam als ze gegevens bevatten.",
    },
    "out_of_memory": {
        "en": "These files together are too large for the memory of this server: nothing was imported. Split "
              "them into smaller files (fewer rows each) and import them one after the other.",
        "fr": "Ces fichiers sont ensemble trop volumineux pour la mémoire de ce serveur : rien n'a été importé. "
              "Découpez-les en fichiers plus petits (moins de lignes chacun) et importez-les l'un après l'autre.",
        "nl": "Deze bestanden zijn samen te groot voor het geheugen van deze server: er is niets geïmporteerd. "
              "Splits ze in kleinere bestanden (minder rijen elk) en importeer ze na elkaar.",
    },
    "period_out_of_range": {
        "en": "The year must be between {minimum} and {maximum}.",
        "fr": "L'année doit être comprise entre {minimum} et {maximum}.",
        "nl": "Het jaar moet tussen {minimum} en {maximum} liggen.",
    },
    # The column is the problem's own (named beside the message): not named again in it.
    "repeated_header": {
        "en": "This column appears {count} times (columns {positions}): say which one to read "
              "(a mapping can pick it by position) or rename the others.",
        "fr": "Cette colonne apparaît {count} fois (colonnes {positions}) : indiquez laquelle lire "
              "(une correspondance peut la choisir par sa position) ou renommez les autres.",
        "nl": "Deze kolom komt {count} keer voor (kolommen {positions}): zeg welke gelezen moet worden "
              "(een koppeling kan ze op positie kiezen) of hernoem de andere.",
    },
    "mixed_encoding": {
        "en": Plural({"one": "The file mixes two encodings: row {rows} holds UTF-8 text in a Windows-1252 file; its "
                             "text was read as UTF-8 (é, not Ã©). Check it, and save the whole file in one encoding "
                             "(UTF-8).",
                      "other": "The file mixes two encodings: rows {rows} hold UTF-8 text in a Windows-1252 file; "
                               "their text was read as UTF-8 (é, not Ã©). Check it, and save the whole file in one "
                               "encoding (UTF-8)."}),
        "fr": Plural({"one": "Le fichier mélange deux encodages : la ligne {rows} contient du texte UTF-8 dans un "
                             "fichier Windows-1252 ; son texte a été lu en UTF-8 (é, et non Ã©). Vérifiez-le, et "
                             "enregistrez tout le fichier dans un seul encodage (UTF-8).",
                      "other": "Le fichier mélange deux encodages : les lignes {rows} contiennent du texte UTF-8 dans "
                               "un fichier Windows-1252 ; leur texte a été lu en UTF-8 (é, et non Ã©). Vérifiez-le, "
                               "et enregistrez tout le fichier dans un seul encodage (UTF-8)."}),
        "nl": Plural({"one": "Het bestand mengt twee coderingen: rij {rows} bevat UTF-8-tekst in een "
                             "Windows-1252-bestand; de tekst ervan werd als UTF-8 gelezen (é, niet Ã©). Controleer "
                             "hem, en sla het hele bestand op in één codering (UTF-8).",
                      "other": "Het bestand mengt twee coderingen: rijen {rows} bevatten UTF-8-tekst in een "
                               "Windows-1252-bestand; hun tekst werd als UTF-8 gelezen (é, niet Ã©). Controleer "
                               "hem, en sla het hele bestand op in één codering (UTF-8)."}),
    },
    "formula_code": {
        "en": "A code may not start with =, +, -, @ or a tab: a spreadsheet would run it as a formula.",
        "fr": "Un code ne peut pas commencer par =, +, -, @ ou une tabulation : un tableur l'exécuterait "
              "comme une formule.",
        "nl": "Een code mag niet beginnen met =, +, -, @ of een tab: een rekenblad zou hem als formule uitvoeren.",
    },
    "nul_byte": {
        "en": "The text holds an invisible NUL character, which no database accepts.",
        "fr": "Le texte contient un caractère invisible NUL, qu'aucune base de données n'accepte.",
        "nl": "De tekst bevat een onzichtbaar NUL-teken, dat geen databank aanvaardt.",
    },
    "too_long": {
        "en": "The text is too long: {length} characters for at most {limit}.",
        "fr": "Le texte est trop long : {length} caractères pour {limit} au plus.",
        "nl": "De tekst is te lang: {length} tekens voor hoogstens {limit}.",
    },
    "cycle": {
        "en": "{column} makes a loop: {path}.",
        "fr": "{column} forme une boucle : {path}.",
        "nl": "{column} vormt een lus: {path}.",
    },
    "unreadable": {
        "en": "The file cannot be read: its content is neither a text table nor a workbook this import can read. "
              "Save it again as CSV (UTF-8) or XLSX.",
        "fr": "Le fichier ne peut pas être lu : son contenu n'est ni un tableau texte ni un classeur que cet "
              "import sait lire. Enregistrez-le de nouveau en CSV (UTF-8) ou XLSX.",
        "nl": "Het bestand kan niet worden gelezen: de inhoud is geen teksttabel of werkmap die deze import kan "
              "lezen. Sla het opnieuw op als CSV (UTF-8) of XLSX.",
    },
    "unclosed_quote": {
        "en": "A quotation mark (\") opened on this row is never closed: the rest of the file would be one cell. "
              "Close it, or remove it.",
        "fr": "Un guillemet (\") ouvert sur cette ligne n'est jamais fermé : le reste du fichier ne ferait qu'une "
              "cellule. Fermez-le ou supprimez-le.",
        "nl": "Een aanhalingsteken (\") dat op deze rij opent, wordt nooit gesloten: de rest van het bestand zou één "
              "cel zijn. Sluit het of verwijder het.",
    },
    "more_same": {
        "en": "{count} more cells have the same problem in this column as row {first} (rows {rows}). Only "
              "the first {listed} are listed one by one.",
        "fr": "{count} autres cellules ont le même problème dans cette colonne que la ligne {first} (lignes "
              "{rows}). Seules les {listed} premières sont listées une à une.",
        "nl": "Nog {count} cellen hebben hetzelfde probleem in deze kolom als rij {first} (rijen {rows}). "
              "Alleen de eerste {listed} worden één voor één vermeld.",
    },
    "too_many_fields": {
        "en": "This row has more cells than the header: column {letter} holds a value past the last named column "
              "(a separator inside a cell, such as 43,300 in a comma file?). Quote that cell, or name the column.",
        "fr": "Cette ligne a plus de cellules que l'en-tête : la colonne {letter} contient une valeur après la "
              "dernière colonne nommée (un séparateur dans une cellule, comme 43,300 dans un fichier à virgules ?). "
              "Mettez cette cellule entre guillemets, ou nommez la colonne.",
        "nl": "Deze rij heeft meer cellen dan de kopregel: kolom {letter} bevat een waarde na de laatste kolom met "
              "een naam (een scheidingsteken in een cel, zoals 43,300 in een bestand met komma's?). Zet die cel "
              "tussen aanhalingstekens, of geef de kolom een naam.",
    },
    "invalid_bytes": {
        "en": "This cell holds bytes that are not UTF-8 (shown as \\xe9), in a file otherwise written in UTF-8: "
              "text pasted from a file in another encoding, which would be stored garbled. Type it again, or "
              "save the whole file in one encoding (UTF-8).",
        "fr": "Cette cellule contient des octets qui ne sont pas de l'UTF-8 (affichés \\xe9), dans un fichier "
              "écrit par ailleurs en UTF-8 : du texte collé depuis un fichier d'un autre encodage, qui serait "
              "enregistré illisible. Retapez-le, ou enregistrez tout le fichier dans un seul encodage (UTF-8).",
        "nl": "Deze cel bevat bytes die geen UTF-8 zijn (getoond als \\xe9), in een bestand dat verder in UTF-8 "
              "is geschreven: tekst geplakt uit een bestand met een andere codering, die onleesbaar zou worden "
              "opgeslagen. Typ hem opnieuw, of sla het hele bestand op in één codering (UTF-8).",
    },
    "header_repeated": {
        "en": "The header is repeated at row {row} (two files pasted one after the other?): delete this row. "
              "The rows after it are read as the others.",
        "fr": "L'en-tête est répété à la ligne {row} (deux fichiers collés l'un après l'autre ?) : supprimez "
              "cette ligne. Les lignes qui la suivent sont lues comme les autres.",
        "nl": "De kopregel wordt herhaald op rij {row} (twee bestanden na elkaar geplakt?): verwijder deze rij. "
              "De rijen erna worden gelezen zoals de andere.",
    },
}

from .texts.problem_suggestions import SUGGESTIONS  # noqa: E402  (what to do: its own module)


# The words of what planners' own spreadsheets hold beside their table (template example rows, a total and
# notes under the table, months and dates Excel made of periods, lost thousands spaces, too small numbers).
from .texts.planners_files import MESSAGES as _PLANNERS, SUGGESTIONS as _PLANNERS_ADVICE  # noqa: E402

MESSAGES.update(_PLANNERS)
SUGGESTIONS.update(_PLANNERS_ADVICE)

# The words of what goes wrong with a file's bytes (a compressed file cut off or damaged, a file that
# cannot be opened, invisible characters in a cell): reading.py, reading_text.py.
from .texts.reading_bytes import MESSAGES as _BYTES  # noqa: E402

MESSAGES.update(_BYTES)

# The words of a mapped file that does not fit its mapping (mappings/apply.py).
from .texts.mapping_problems import MESSAGES as _MAPPED, SUGGESTIONS as _MAPPED_ADVICE  # noqa: E402

MESSAGES.update(_MAPPED)
SUGGESTIONS.update(_MAPPED_ADVICE)
