"""Partners' files, read and said right (tester H, stop 33): a Windows-1252 file whose header was pasted
from the UTF-8 template (`pÃ©riode`), a typo in a value cell (`12x`) said as a flag, and messages naming
a table that does not exist ("the table gebied")."""
from __future__ import annotations

import pytest

from indicators.i18n import t
from indicators.importing import validate_files
from indicators.parsing import parse_number_cell
from indicators.reading import read_file

from .helpers import store_with_framework, write

LANGS = ("fr", "nl", "en")
HEADER = "indicateur;territoire;période;valeur;note\r\n"
ROWS = "MOB02;59350;2025;8,1 p;chiffre d’après l’Insee\r\nMOB02;59512;2025;7,9;données révisées\r\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return store_with_framework(f"sqlite:///{tmp_path_factory.mktemp('l33') / 'store.sqlite'}")


def _report(store, path, lang):
    return validate_files(store, [path]).report(lang)


# ---------------------------------------------------------------- a UTF-8 header over a Windows-1252 file

def test_a_header_pasted_from_the_utf8_template_names_its_columns(store, tmp_path):
    path = write(tmp_path, "adulm_mixed_header.csv", HEADER.encode() + ROWS.encode("cp1252"))
    (sheet,) = read_file(path).sheets
    assert list(sheet.frame.columns) == ["indicateur", "territoire", "période", "valeur", "note"]
    assert list(sheet.frame["note"]) == ["chiffre d’après l’Insee", "données révisées"]
    for lang in LANGS:
        report = _report(store, path, lang)
        assert report["ok"] is True, report["problems"]
        (notice,) = [p for p in report["notices"] if p["row"] == 1]
        said = {"fr": "la ligne 1 contient", "nl": "rij 1 bevat", "en": "row 1 holds"}[lang]
        assert said in notice["message"], notice["message"]
        assert "pÃ©riode" not in str(report)


def test_a_header_below_a_title_line_is_repaired_too(tmp_path):
    raw = "Taux de chômage;;;;\r\n".encode("cp1252") + HEADER.encode() + ROWS.encode("cp1252")
    result = read_file(write(tmp_path, "title.csv", raw))
    (sheet,) = result.sheets
    assert "période" in sheet.frame.columns and sheet.header_row == 2
    (notice,) = [p for p in result.problems if p.code == "mixed_encoding"]
    assert notice.row == 2 and notice.params["count"] == 1


def test_the_mixed_encoding_notice_counts_its_rows_in_each_language(tmp_path):
    one = read_file(write(tmp_path, "one.csv", "indicator_id;territory_id;period;value;note\r\n".encode()
                          + "MOB02;59350;2025;8;données révisées\r\n".encode("cp1252") + "MOB02;59512;2025;7;Liège\r\n".encode()))
    two = read_file(write(tmp_path, "two.csv", HEADER.encode() + ROWS.encode("cp1252")
                          + "MOB02;59512;2024;7;Liège\r\n".encode()))
    (single,) = [p for p in one.problems if p.code == "mixed_encoding"]
    (double,) = [p for p in two.problems if p.code == "mixed_encoding"]
    assert single.params["rows"] == "3" and double.params["rows"] == "1, 4"
    assert "la ligne 3 contient" in single.message("fr") and "son texte" in single.message("fr")
    assert "rij 3 bevat" in single.message("nl") and "row 3 holds" in single.message("en")
    assert "les lignes 1, 4 contiennent" in double.message("fr") and "leur texte" in double.message("fr")
    assert "rijen 1, 4 bevatten" in double.message("nl") and "rows 1, 4 hold" in double.message("en")


# ---------------------------------------------------------------- `12x`: not a number, not a flag

def test_numbers_with_a_known_flag_are_read():
    assert parse_number_cell("12 p", ",") == (12.0, "p", None)
    assert parse_number_cell("12p", ",") == (12.0, "p", None)
    assert parse_number_cell("12 z", ",") == (12.0, "z", None)


@pytest.mark.parametrize("cell, code", [
    ("12x", "not_a_number"), ("12X", "not_a_number"), ("12 xyz", "not_a_number"), ("1.2.3", "not_a_number"),
    ("1.2.3 x", "not_a_number"), ("abc", "not_a_number"), ("12 e p", "not_a_number"),
    ("12,5 x", "bad_flag"), ("43300 x", "bad_flag"), (": x", "bad_flag")])
def test_a_value_cell_is_said_as_what_a_planner_most_likely_typed(cell, code):
    assert parse_number_cell(cell, ",")[2] == code


SAID = {   # value -> (message, words of the suggestion), fr, nl, en
    "12x": {"fr": ("Ce n'est pas un nombre.", "des lettres (x)"), "nl": ("Geen getal.", "letters (x)"),
            "en": ("Not a number.", "letters (x)")},
    "12,5 x": {"fr": ("Indicateur de qualité inconnu", None), "nl": ("Onbekende vlag", None),
               "en": ("Unknown flag", None)},
    "abc": {"fr": ("Ce n'est pas un nombre.", "des lettres (abc)"), "nl": ("Geen getal.", "letters (abc)"),
            "en": ("Not a number.", "letters (abc)")},
    "1.2.3": {"fr": ("Ce n'est pas un nombre.", "Écrivez un nombre"), "nl": ("Geen getal.", "Schrijf een getal"),
              "en": ("Not a number.", "Write a number")},
    "1,2,3 p": {"fr": ("Ce n'est pas un nombre.", "Écrivez un nombre"), "nl": ("Geen getal.", "Schrijf een getal"),
                "en": ("Not a number.", "Write a number")},
    "12 e p": {"fr": ("Ce n'est pas un nombre.", "ensemble après le nombre, sans espace entre eux : 12 ep"),
               "nl": ("Geen getal.", "samen na het getal, zonder spatie ertussen: 12 ep"),
               "en": ("Not a number.", "together after the number, without a space between them: 12 ep")},
}


@pytest.mark.parametrize("lang", LANGS)
def test_value_cells_are_said_in_each_language(store, tmp_path, lang):
    cells = list(SAID) + ["12 p", "12p"]
    text = "indicator_id;territory_id;period;value\n" + "".join(
        f"MOB02;59350;{2001 + i};{cell}\n" for i, cell in enumerate(cells))
    problems = _report(store, write(tmp_path, "wvl_95.csv", text), lang)["problems"]
    by_value = {p["value"]: p for p in problems if p["column"] == "value"}
    assert set(by_value) == set(SAID), by_value   # `12 p` and `12p` are read
    for cell, said in SAID.items():
        message, suggestion = said[lang]
        assert by_value[cell]["message"].startswith(message), (cell, by_value[cell])
        if suggestion is None:
            assert "b, c, d, e, f, n, p, r, s, u, z" in by_value[cell]["message"]
        else:
            assert suggestion in (by_value[cell]["suggestion"] or ""), (cell, by_value[cell])
    assert "12 z" not in by_value


# ---------------------------------------------------------------- tables named as the docs name them

TABLES_SAID = {"fr": "la table Territoires (territories)", "nl": "de tabel Gebieden (territories)",
               "en": "the Territories table"}


@pytest.mark.parametrize("lang", LANGS)
def test_an_unknown_territory_names_the_territories_table(store, tmp_path, lang):
    path = write(tmp_path, "unk.csv", "indicator_id;territory_id;period;value\nMOB02;ZZ999999;2026;1\n")
    (problem,) = _report(store, path, lang)["problems"]
    assert TABLES_SAID[lang] in problem["suggestion"], problem
    assert not any(w in problem["suggestion"] for w in ("table territoire", "tabel gebied", "territory table"))


@pytest.mark.parametrize("lang", LANGS)
def test_missing_and_wrong_tables_are_named_as_the_docs_name_them(store, tmp_path, lang):
    missing = write(tmp_path, "terr.csv", "territory_id;name_fr\nX1;Y\n")
    (problem,) = _report(store, missing, lang)["problems"]
    assert {"fr": "pour la table Territoires (territories)", "nl": "voor de tabel Gebieden (territories)",
            "en": "for the Territories table"}[lang] in problem["message"], problem
    obs = write(tmp_path, "obs.csv", "indicator_id;territory_id;period;value\nMOB02;59350;2020;1\n")
    (problem,) = validate_files(store, [obs], expected_kind="levels").report(lang)["problems"]
    assert problem["message"] == {
        "fr": "Ce fichier contient la table Observations, pas la table Niveaux (levels).",
        "nl": "Dit bestand bevat de tabel Waarnemingen (observations), niet de tabel Niveaus (levels).",
        "en": "This file holds the Observations table, not the Levels table."}[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_other_texts_name_tables_as_the_docs_do(lang):
    partner = t("account_unknown_partner", lang, partner="X")
    assert {"fr": "la table Partenaires (partners)", "nl": "de tabel Partners",
            "en": "the Partners table"}[lang] in partner
    mapping = t("cli_mapping_unknown_indicators", lang, n=2, names="A, B")
    assert {"fr": "la table Indicateurs (indicators)", "nl": "de tabel Indicatoren (indicators)",
            "en": "the Indicators table"}[lang] in mapping
    assert not any(w in mapping for w in ("table des indicateurs", "indicatortabel", "indicator table"))
