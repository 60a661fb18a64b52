"""Words of what goes wrong with a file's bytes before they are a table (reading.py, reading_text.py): a
compressed file cut off, damaged, compressed twice or followed by other bytes, a file the system will not
open, a text no CSV reader can split into rows, and the invisible characters a cell may hold, each named.
Never a Python exception's name or a library's English text.

`TEXTS` joins the interface texts (i18n, none here); `MESSAGES` joins the problems' words
(problem_messages.py); `INVISIBLE_NAMES` names an invisible character inside a sentence: a message's
`{name[fr]}` picks its language's word from the problem's `name` parameter (one of these entries)."""

TEXTS: dict = {}

MESSAGES = {
    "gzip_cut": {
        "en": "The compressed file (.gz) is cut off: it ends before its compressed content does (a download or "
              "copy that stopped). Download it or compress it again, then import it.",
        "fr": "Le fichier compressé (.gz) est tronqué : il s'arrête avant la fin de son contenu compressé (un "
              "téléchargement ou une copie interrompus). Téléchargez-le ou compressez-le de nouveau, puis "
              "importez-le.",
        "nl": "Het gecomprimeerde bestand (.gz) is afgebroken: het houdt op vóór het einde van de gecomprimeerde "
              "inhoud (een onderbroken download of kopie). Download of comprimeer het opnieuw en importeer het dan.",
    },
    "gzip_damaged": {
        "en": "The compressed file (.gz) is damaged: its content does not unpack (wrong bytes, or a checksum that "
              "does not match). Download it or compress it again, then import it.",
        "fr": "Le fichier compressé (.gz) est endommagé : son contenu ne se décompresse pas (octets erronés, ou "
              "somme de contrôle qui ne correspond pas). Téléchargez-le ou compressez-le de nouveau, puis "
              "importez-le.",
        "nl": "Het gecomprimeerde bestand (.gz) is beschadigd: de inhoud laat zich niet uitpakken (foute bytes, "
              "of een controlesom die niet klopt). Download of comprimeer het opnieuw en importeer het dan.",
    },
    "gzip_trailing": {
        "en": "The compressed file (.gz) holds {count} more bytes after its compressed content: they were left "
              "aside, as gunzip does. Check that the table read is complete.",
        "fr": "Le fichier compressé (.gz) contient encore {count} octets après son contenu compressé : ils ont "
              "été laissés de côté, comme gunzip le fait. Vérifiez que le tableau lu est complet.",
        "nl": "Het gecomprimeerde bestand (.gz) bevat nog {count} bytes na de gecomprimeerde inhoud: die zijn "
              "terzijde gelaten, zoals gunzip doet. Controleer of de gelezen tabel volledig is.",
    },
    "gzip_twice": {
        "en": "The file is compressed twice (a .gz file inside a .gz file). Unpack it once (gunzip, 7-Zip) and "
              "import the .gz file it holds.",
        "fr": "Le fichier est compressé deux fois (un fichier .gz dans un fichier .gz). Décompressez-le une fois "
              "(gunzip, 7-Zip) et importez le fichier .gz qu'il contient.",
        "nl": "Het bestand is twee keer gecomprimeerd (een .gz-bestand in een .gz-bestand). Pak het één keer uit "
              "(gunzip, 7-Zip) en importeer het .gz-bestand dat erin zit.",
    },
    "file_missing": {
        "en": "The file cannot be found: check its name and its folder.",
        "fr": "Le fichier est introuvable : vérifiez son nom et son dossier.",
        "nl": "Het bestand is niet gevonden: controleer de naam en de map.",
    },
    "file_denied": {
        "en": "The file cannot be opened: reading it is not allowed. Ask for the right to read it, or copy it "
              "into a folder of yours.",
        "fr": "Le fichier ne peut pas être ouvert : sa lecture n'est pas autorisée. Demandez le droit de le lire, "
              "ou copiez-le dans un de vos dossiers.",
        "nl": "Het bestand kan niet worden geopend: lezen is niet toegestaan. Vraag leesrechten, of kopieer het "
              "naar een eigen map.",
    },
    "file_unopenable": {
        "en": "The file cannot be opened (a folder, a device, or a file another program holds). Close it "
              "elsewhere or copy it, then try again.",
        "fr": "Le fichier ne peut pas être ouvert (un dossier, un périphérique, ou un fichier qu'un autre "
              "programme tient ouvert). Fermez-le ailleurs ou copiez-le, puis réessayez.",
        "nl": "Het bestand kan niet worden geopend (een map, een apparaat, of een bestand dat een ander programma "
              "openhoudt). Sluit het elders of kopieer het en probeer opnieuw.",
    },
    "csv_unparsable": {
        "en": "The text cannot be read as a table: its quotation marks and separators do not make rows of cells. "
              "Open it in a spreadsheet program and save it again as CSV (UTF-8).",
        "fr": "Le texte ne peut pas être lu comme un tableau : ses guillemets et séparateurs ne forment pas des "
              "lignes de cellules. Ouvrez-le dans un tableur et enregistrez-le de nouveau en CSV (UTF-8).",
        "nl": "De tekst kan niet als tabel worden gelezen: de aanhalingstekens en scheidingstekens vormen geen "
              "rijen cellen. Open hem in een rekenbladprogramma en sla hem opnieuw op als CSV (UTF-8).",
    },
    "file_out_of_memory": {
        "en": "The file is too large to be read on this server (its memory ran out). Split it into smaller "
              "files and import them one by one.",
        "fr": "Le fichier est trop volumineux pour être lu sur ce serveur (sa mémoire est épuisée). Découpez-le "
              "en fichiers plus petits et importez-les un à un.",
        "nl": "Het bestand is te groot om op deze server te lezen (het geheugen is op). Splits het in kleinere "
              "bestanden en importeer ze één voor één.",
    },
    # reading_text.trim_invisible: an invisible character inside a cell, removed (those around it are trimmed).
    "invisible_inside": {
        "en": "The cell held an invisible character after “{before}”: a {name[en]} ({code}). It was removed, "
              "with any other in the cell: the cell is read as it shows.",
        "fr": "La cellule contenait un caractère invisible après « {before} » : {name[fr]} ({code}). Il a été "
              "retiré, avec tout autre de la cellule : la cellule est lue telle qu'elle s'affiche.",
        "nl": "De cel bevatte een onzichtbaar teken na '{before}': {name[nl]} ({code}). Het is verwijderd, met "
              "elk ander in de cel: de cel wordt gelezen zoals ze wordt getoond.",
    },
}

# Invisible characters (Unicode's format characters) as each language names them; "" any other.
INVISIBLE_NAMES = {
    "\x00": {"en": "NUL character", "fr": "un caractère NUL", "nl": "een NUL-teken"},
    "\u200b": {"en": "zero-width space", "fr": "une espace sans chasse", "nl": "een breedteloze spatie"},
    "\ufeff": {"en": "byte order mark (BOM)", "fr": "une marque d'ordre des octets (BOM)",
               "nl": "een bytevolgordemarkering (BOM)"},
    "\u2060": {"en": "word joiner", "fr": "un gluon de mots", "nl": "een woordverbinder"},
    "\u00ad": {"en": "soft hyphen", "fr": "un trait d'union conditionnel", "nl": "een zacht afbreekstreepje"},
    "\u200e": {"en": "left-to-right mark", "fr": "une marque gauche-à-droite", "nl": "een links-naar-rechtsteken"},
    "\u200f": {"en": "right-to-left mark", "fr": "une marque droite-à-gauche", "nl": "een rechts-naar-linksteken"},
    "": {"en": "format character", "fr": "un caractère de mise en forme", "nl": "een opmaakteken"},
}
