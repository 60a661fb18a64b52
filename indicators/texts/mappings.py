"""Texts of a mapping's refusals (mappings/spec.py `validate_spec`, mappings/saved.py: `MappingError` with a
key) and of the Data page's mapping step. JSON keys, JSON snippets and column names stay as written, in
every language: the user types them into the mapping. A text without parameters is not formatted
(`i18n.t`), so its braces are single; a text with parameters doubles them."""

TEXTS = {
    "mapping_spec_not_object": {
        "fr": "une correspondance est un objet JSON (entre accolades { }).",
        "nl": "een koppeling is een JSON-object (tussen accolades { }).",
        "en": "a mapping is a JSON object (a dict).",
    },
    "mapping_spec_unknown_keys": {
        # `n`: how many keys `unknown` names (i18n.py's module docstring)
        "fr": {"one": "clé inconnue : {unknown} ; les clés possibles sont {keys}.",
               "other": "clés inconnues : {unknown} ; les clés possibles sont {keys}."},
        "nl": {"one": "onbekende sleutel: {unknown}; de mogelijke sleutels zijn {keys}.",
               "other": "onbekende sleutels: {unknown}; de mogelijke sleutels zijn {keys}."},
        "en": {"one": "unknown key {unknown}; the keys are {keys}.",
               "other": "unknown keys {unknown}; the keys are {keys}."},
    },
    "mapping_spec_version": {
        "fr": "la version {version} n'est pas prise en charge (ce produit lit les versions 1 à {latest}).",
        "nl": "versie {version} wordt niet ondersteund (dit product leest de versies 1 tot en met {latest}).",
        "en": "version {version} is not supported (this version reads versions 1 to {latest}).",
    },
    "mapping_spec_header_row": {
        "fr": "'header_row' est le numéro de la ligne d'en-tête, tel que le tableur le montre (1 pour la "
              "première ligne).",
        "nl": "'header_row' is het rijnummer van de koprij, zoals het rekenblad het toont (1 voor de eerste "
              "regel).",
        "en": "'header_row' is the spreadsheet row number of the header (1 for the first line).",
    },
    "mapping_spec_header_row_max": {
        "fr": "'header_row' vaut au plus {limit} (lignes de notes au-dessus de l'en-tête).",
        "nl": "'header_row' is hoogstens {limit} (regels met opmerkingen boven de koprij).",
        "en": "'header_row' is at most {limit} (lines of notes above the header).",
    },
    "mapping_spec_decimal": {
        "fr": "'decimal' vaut ',' ou '.'.",
        "nl": "'decimal' is ',' of '.'.",
        "en": "'decimal' is ',' or '.'.",
    },
    "mapping_spec_split": {
        "fr": "chaque 'split' s'écrit {\"column\": NOM, \"separator\": \",\", \"into\": [NOMS]}.",
        "nl": "elke 'split' schrijft u als {\"column\": NAAM, \"separator\": \",\", \"into\": [NAMEN]}.",
        "en": "each 'split' is {\"column\": NAME, \"separator\": \",\", \"into\": [NAMES]}.",
    },
    "mapping_spec_split_separator": {
        "fr": "le 'separator' d'un 'split' est un texte non vide.",
        "nl": "de 'separator' van een 'split' is een niet-lege tekst.",
        "en": "a split's 'separator' is a non-empty text.",
    },
    "mapping_spec_split_into": {
        "fr": "le 'into' d'un 'split' est une liste de noms pour les parties.",
        "nl": "de 'into' van een 'split' is een lijst met namen voor de delen.",
        "en": "a split's 'into' is a list of names for the parts.",
    },
    "mapping_spec_filter": {
        "fr": "chaque filtre de 'filters' s'écrit {\"column\": NOM} avec une seule des clés \"equals\", \"in\" "
              "ou \"pattern\".",
        "nl": "elke filter in 'filters' schrijft u als {\"column\": NAAM} met precies één van de sleutels "
              "\"equals\", \"in\" of \"pattern\".",
        "en": "each filter is {\"column\": NAME} with one of \"equals\", \"in\" or \"pattern\".",
    },
    "mapping_spec_filter_in": {
        "fr": "le 'in' d'un filtre est une liste de textes.",
        "nl": "de 'in' van een filter is een lijst met teksten.",
        "en": "a filter's 'in' is a list of texts.",
    },
    "mapping_spec_territory_missing": {
        "fr": "indiquez quelle colonne porte le code du territoire : \"territory\": {\"column\": NOM}.",
        "nl": "geef aan welke kolom de gebiedscode bevat: \"territory\": {\"column\": NAAM}.",
        "en": "say which column holds the territory code: \"territory\": {\"column\": NAME}.",
    },
    "mapping_spec_territory_keys": {
        "fr": {"one": "clé inconnue dans 'territory' : {bad} ; les clés possibles sont {keys}.",
               "other": "clés inconnues dans 'territory' : {bad} ; les clés possibles sont {keys}."},
        "nl": {"one": "onbekende sleutel in 'territory': {bad}; de mogelijke sleutels zijn {keys}.",
               "other": "onbekende sleutels in 'territory': {bad}; de mogelijke sleutels zijn {keys}."},
        "en": {"one": "unknown territory key {bad}; the keys are {keys}.",
               "other": "unknown territory keys {bad}; the keys are {keys}."},
    },
    "mapping_spec_pad": {
        "fr": "le 'pad' de 'territory' est le nombre de chiffres auquel compléter les codes numériques par des "
              "zéros à gauche (5 pour les codes INSEE et NIS).",
        "nl": "de 'pad' van 'territory' is het aantal cijfers waarop numerieke codes vooraan met nullen worden "
              "aangevuld (5 voor INSEE- en NIS-codes).",
        "en": "territory 'pad' is the number of digits to zero-pad numeric codes to (5 for INSEE and NIS).",
    },
    "mapping_spec_keep": {
        "fr": "le 'keep' de 'territory' vaut \"all\" (tous), \"known\" (les territoires enregistrés dans la "
              "base) ou une liste de codes.",
        "nl": "de 'keep' van 'territory' is \"all\" (alle), \"known\" (de gebieden die in de "
              "database staan) of een lijst met codes.",
        "en": "territory 'keep' is \"all\", \"known\" (the territories of the framework) or a list of codes.",
    },
    "mapping_spec_country": {
        "fr": "le 'country' de 'territory' est un code de pays comme FR ou BE, pas « {value} ».",
        "nl": "de 'country' van 'territory' is een landcode zoals FR of BE, niet '{value}'.",
        "en": "territory 'country' is a country code such as FR or BE, not '{value}'.",
    },
    "mapping_spec_values_form": {
        "fr": "'values' associe chaque colonne de valeurs à un indicateur : {\"TX_F\": \"DEM01\"}.",
        "nl": "'values' koppelt elke kolom met waarden aan een indicator: {\"TX_F\": \"DEM01\"}.",
        "en": "'values' maps each value column to an indicator: {\"TX_F\": \"DEM01\"}.",
    },
    "mapping_spec_values_and_years": {
        "fr": "donnez soit 'values' (une colonne par indicateur), soit 'years_in_columns', pas les deux.",
        "nl": "geef ofwel 'values' (één kolom per indicator), ofwel 'years_in_columns', niet allebei.",
        "en": "give either 'values' (one column per indicator) or 'years_in_columns', not both.",
    },
    "mapping_spec_years_indicator": {
        "fr": "'years_in_columns' demande l'indicateur auquel appartiennent les valeurs : "
              "{\"indicator\": \"ECO06\"}.",
        "nl": "'years_in_columns' vraagt de indicator waartoe de waarden behoren: {\"indicator\": \"ECO06\"}.",
        "en": "'years_in_columns' needs the indicator the values belong to: {\"indicator\": \"ECO06\"}.",
    },
    "mapping_spec_years_keys": {
        "fr": {"one": "clé inconnue dans 'years_in_columns' : {bad} ; les clés possibles sont {keys}.",
               "other": "clés inconnues dans 'years_in_columns' : {bad} ; les clés possibles sont {keys}."},
        "nl": {"one": "onbekende sleutel in 'years_in_columns': {bad}; de mogelijke sleutels zijn {keys}.",
               "other": "onbekende sleutels in 'years_in_columns': {bad}; de mogelijke sleutels zijn {keys}."},
        "en": {"one": "unknown years_in_columns key {bad}; the keys are {keys}.",
               "other": "unknown years_in_columns keys {bad}; the keys are {keys}."},
    },
    "mapping_spec_years_columns": {
        "fr": "'years_in_columns.columns' est une liste de noms de colonnes.",
        "nl": "'years_in_columns.columns' is een lijst met kolomnamen.",
        "en": "'years_in_columns.columns' is a list of column names.",
    },
    "mapping_spec_years_bound": {
        "fr": "le '{bound}' de 'years_in_columns' est une période comme 2010, pas « {value} ».",
        "nl": "de '{bound}' van 'years_in_columns' is een periode zoals 2010, niet '{value}'.",
        "en": "years_in_columns '{bound}' is a period such as 2010, not '{value}'.",
    },
    "mapping_spec_years_period": {
        "fr": "avec 'years_in_columns', la période vient de l'en-tête de chaque colonne : retirez 'period'.",
        "nl": "met 'years_in_columns' komt de periode uit de kop van elke kolom: verwijder 'period'.",
        "en": "with 'years_in_columns' the period comes from each column's header: remove 'period'.",
    },
    "mapping_spec_values_missing": {
        "fr": "indiquez quelles colonnes portent les valeurs de quel indicateur : \"values\": {\"COLONNE\": "
              "\"INDICATEUR\"} (ou \"years_in_columns\" pour un tableau à une colonne par année).",
        "nl": "geef aan welke kolommen de waarden van welke indicator bevatten: \"values\": {\"KOLOM\": "
              "\"INDICATOR\"} (of \"years_in_columns\" voor een tabel met één kolom per jaar).",
        "en": "say which columns hold which indicator's values: \"values\": {\"COLUMN\": \"INDICATOR\"} "
              "(or \"years_in_columns\" for a table with one column per year).",
    },
    # Page forms (i18n.on_page) of the refusals the Data page's form can give: its own choosers named, where the
    # command line's text shows the JSON to write
    "mapping_spec_values_missing_on_page": {
        "fr": "choisissez dans le tableau ci-dessus l'indicateur de chaque colonne de valeurs à importer.",
        "nl": "kies in de tabel hierboven de indicator van elke kolom met waarden die u wilt importeren.",
        "en": "choose, in the table above, the indicator of each column of values to import.",
    },
    "mapping_spec_years_indicator_on_page": {
        "fr": "choisissez ci-dessus l'indicateur des valeurs.",
        "nl": "kies hierboven de indicator van de waarden.",
        "en": "choose the indicator of the values above.",
    },
    "mapping_spec_period_missing_on_page": {
        "fr": "choisissez ci-dessus la colonne de la période, ou tapez une période fixe (par exemple 2020).",
        "nl": "kies hierboven de kolom met de periode, of typ een vaste periode (bijvoorbeeld 2020).",
        "en": "choose the column of the period above, or type a fixed period (for example 2020).",
    },
    "mapping_spec_territory_missing_on_page": {
        "fr": "choisissez ci-dessus la colonne du code territoire.",
        "nl": "kies hierboven de kolom met de gebiedscode.",
        "en": "choose the column of the territory code above.",
    },
    "mapping_spec_period_missing": {
        "fr": "indiquez où se trouve la période : \"period\": {\"value\": \"2020\"} ou {\"column\": NOM}.",
        "nl": "geef aan waar de periode staat: \"period\": {\"value\": \"2020\"} of {\"column\": NAAM}.",
        "en": "say where the period is: \"period\": {\"value\": \"2020\"} or {\"column\": NAME}.",
    },
    "mapping_spec_period_value": {
        "fr": "la période fixe « {value} » n'est pas une période : écrivez AAAA, AAAA-Qn ou AAAA-MM.",
        "nl": "de vaste periode '{value}' is geen periode: schrijf JJJJ, JJJJ-Qn of JJJJ-MM.",
        "en": "the fixed period '{value}' is not a period (YYYY, YYYY-Qn or YYYY-MM).",
    },
    "mapping_spec_period_as": {
        "fr": "le 'as' de 'period' est l'un de {kinds} (pour lire des dates comme 2019-09-30), pas « {value} ».",
        "nl": "de 'as' van 'period' is één van {kinds} (om datums zoals 2019-09-30 te lezen), niet '{value}'.",
        "en": "period 'as' is one of {kinds} (to read dates such as 2019-09-30), not '{value}'.",
    },
    "mapping_spec_flag": {
        "fr": "'flag' est l'un de {flags} (ou {{\"column\": NOM}}), pas « {value} ».",
        "nl": "'flag' is één van {flags} (of {{\"column\": NAAM}}), niet '{value}'.",
        "en": "'flag' is one of {flags} (or {{\"column\": NAME}}), not '{value}'.",
    },
    "mapping_spec_part_empty": {
        "fr": "'{what}' doit nommer une colonne ou donner un texte.",
        "nl": "'{what}' moet een kolom noemen of een tekst geven.",
        "en": "'{what}' must name a column or give a text.",
    },
    "mapping_spec_part_form": {
        "fr": "'{what}' est un texte ou {{\"column\": NOM}}.",
        "nl": "'{what}' is een tekst of {{\"column\": NAAM}}.",
        "en": "'{what}' must be a text or {{\"column\": NAME}}.",
    },
    "mapping_spec_pattern_long": {
        "fr": "'{what}' dépasse {limit} caractères.",
        "nl": "'{what}' is langer dan {limit} tekens.",
        "en": "'{what}' is longer than {limit} characters.",
    },
    "mapping_spec_pattern_invalid": {
        "fr": "'{what}' : « {pattern} » n'est pas une expression régulière que ce produit accepte : les assertions "
              "avant ou arrière ((?=, (?!), les références arrière (\\1) et constructions semblables sont "
              "refusées ({detail}).",
        "nl": "'{what}': '{pattern}' is geen reguliere expressie die dit product aanvaardt: vooruit- of "
              "terugkijkende voorwaarden ((?=, (?!), terugverwijzingen (\\1) en dergelijke constructies zijn "
              "niet toegestaan ({detail}).",
        "en": "'{what}': '{pattern}' is not a regular expression this product accepts: lookarounds ((?=, (?!), "
              "backreferences (\\1) and similar are not allowed ({detail}).",
    },
    "mapping_spec_name_missing": {
        "fr": "donnez un nom à la correspondance.",
        "nl": "geef de koppeling een naam.",
        "en": "give the mapping a name.",
    },
    # The command line says which document was refused, as the English message of a MappingError does.
    "cli_mapping_refused": {"fr": "Correspondance : {detail}", "nl": "Koppeling: {detail}", "en": "Mapping: {detail}"},
    # save-mapping: saved, but its indicators are not in the store yet (`n` of them, named).
    "cli_mapping_unknown_indicators": {
        "fr": {"one": "Attention : la correspondance nomme {n} indicateur que cette base n'a pas : {names}. "
                      "Ajoutez-le à la table Indicateurs (indicators) avant d'importer avec cette "
                      "correspondance, ou corrigez le code et enregistrez-la de nouveau.",
               "other": "Attention : la correspondance nomme {n} indicateurs que cette base n'a pas : {names}. "
                        "Ajoutez-les à la table Indicateurs (indicators) avant d'importer avec cette "
                        "correspondance, ou corrigez les codes et enregistrez-la de nouveau."},
        "nl": {"one": "Let op: de koppeling noemt {n} indicator die deze databank niet heeft: {names}. Voeg hem "
                      "toe aan de tabel Indicatoren (indicators) voordat u met deze koppeling importeert, of "
                      "verbeter de code en sla haar opnieuw op.",
               "other": "Let op: de koppeling noemt {n} indicatoren die deze databank niet heeft: {names}. Voeg ze "
                        "toe aan de tabel Indicatoren (indicators) voordat u met deze koppeling importeert, of "
                        "verbeter de codes en sla haar opnieuw op."},
        "en": {"one": "Note: the mapping names {n} indicator this store does not have: {names}. Add it to the "
                      "Indicators table before importing with this mapping, or correct the code and save it again.",
               "other": "Note: the mapping names {n} indicators this store does not have: {names}. Add them to "
                        "the Indicators table before importing with this mapping, or correct the codes and save "
                        "it again."},
    },
    # The Data page's mapping step (pages/data.py).
    "mapping_json_invalid": {
        "fr": "le JSON ne se lit pas ligne {line}, colonne {column} : vérifiez les guillemets, les virgules et "
              "les accolades.",
        "nl": "de JSON is niet leesbaar op regel {line}, kolom {column}: controleer de aanhalingstekens, komma's "
              "en accolades.",
        "en": "the JSON cannot be read at line {line}, column {column}: check the quotes, commas and braces.",
    },
    "mapping_cannot_apply": {
        "fr": "cette correspondance ne s'applique pas à ce fichier : vérifiez les colonnes et les filtres qu'elle "
              "nomme.",
        "nl": "deze koppeling past niet op dit bestand: controleer de kolommen en filters die ze noemt.",
        "en": "this mapping does not apply to this file: check the columns and filters it names.",
    },
    "mapping_json_not_text": {
        "fr": "le fichier n'est pas du texte UTF-8 : enregistrez le JSON en UTF-8.",
        "nl": "het bestand is geen UTF-8-tekst: sla de JSON op in UTF-8.",
        "en": "the file is not UTF-8 text: save the JSON as UTF-8.",
    },
    "mapping_json_unreadable": {
        "fr": "le JSON est trop long ou trop imbriqué pour être lu.",
        "nl": "de JSON is te lang of te diep genest om te lezen.",
        "en": "the JSON is too long or nested too deep to be read.",
    },
    "mapping_choose_indicator": {"fr": "choisir…", "nl": "kiezen…", "en": "choose…"},
    "mapping_no_value_columns": {
        "fr": "Aucune colonne de nombres n'a été reconnue dans ce fichier : indiquez les colonnes de valeurs dans "
              "la correspondance complète ci-dessous (usage avancé).",
        "nl": "Er is geen kolom met getallen herkend in dit bestand: geef de kolommen met waarden aan in de "
              "volledige koppeling hieronder (gevorderd gebruik).",
        "en": "No column of numbers was recognised in this file: say which columns hold values in the full "
              "mapping below (advanced use).",
    },
    # The period, flag and filters of a new mapping (pages/data.py _period_form, _flag_form, _filters_form).
    "mapping_period_column": {"fr": "Colonne de la période", "nl": "Kolom met de periode",
                              "en": "Column of the period"},
    "mapping_period_fixed": {"fr": "aucune : une période fixe, tapée ci-dessous",
                             "nl": "geen: een vaste periode, hieronder getypt",
                             "en": "none: a fixed period, typed below"},
    "mapping_period_as": {"fr": "Lire la période", "nl": "De periode lezen", "en": "Read the period"},
    "mapping_period_as_written": {"fr": "telle qu'écrite (2020, 2020-Q1, 2020-03)",
                                  "nl": "zoals geschreven (2020, 2020-Q1, 2020-03)",
                                  "en": "as written (2020, 2020-Q1, 2020-03)"},
    "mapping_period_as_year": {"fr": "l'année d'une date (30/09/2019 → 2019)",
                               "nl": "het jaar van een datum (30/09/2019 → 2019)",
                               "en": "the year of a date (30/09/2019 → 2019)"},
    "mapping_period_as_quarter": {"fr": "le trimestre d'une date (30/09/2019 → 2019-Q3)",
                                  "nl": "het kwartaal van een datum (30/09/2019 → 2019-Q3)",
                                  "en": "the quarter of a date (30/09/2019 → 2019-Q3)"},
    "mapping_period_as_month": {"fr": "le mois d'une date (30/09/2019 → 2019-09)",
                                "nl": "de maand van een datum (30/09/2019 → 2019-09)",
                                "en": "the month of a date (30/09/2019 → 2019-09)"},
    "mapping_flag_column": {"fr": "Colonne des marques de qualité (p, e…)",
                            "nl": "Kolom met de kwaliteitsmarkeringen (p, e…)",
                            "en": "Column of the flags (p, e…)"},
    "mapping_flag_none": {"fr": "aucune", "nl": "geen", "en": "none"},
    # Said as in the suggestion `keep_one_unit` (problem_messages.py), which names this choice.
    "mapping_filter": {"fr": "Garder les lignes dont {column} vaut",
                       "nl": "Rijen behouden waarvan {column} gelijk is aan", "en": "Keep the rows whose {column} is"},
    "mapping_filter_all": {"fr": "toutes (aucun filtre)", "nl": "alle (geen filter)", "en": "all (no filter)"},
}
