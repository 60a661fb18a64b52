"""A mapping that cannot be read or applied is said in the user's words: never the JSON library's
("Expecting ',' delimiter", "Exceeds the limit (4300 digits)", "'utf-8' codec can't decode") nor a
parser's, and never in English on a French or Dutch command line."""
from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from indicators.cli import main
from indicators.mappings import apply_mapping

LIBRARY_WORDS = ("Expecting", "codec", "set_int_max_str_digits", "Exceeds the limit", "delimiter", "Error")


@pytest.mark.parametrize("raw, said", [
    (b'{"territory": "CODGEO" "period": "2020"}', {"fr": "ligne 1, colonne", "nl": "regel 1, kolom",
                                                   "en": "line 1, column"}),
    (b"\x89PNG\r\n\x1a\n not json", {"fr": "UTF-8", "nl": "UTF-8", "en": "UTF-8"}),
    (b'{"period": ' + b"9" * 5000 + b"}", {"fr": "trop long", "nl": "te lang", "en": "too long"}),
])
def test_save_mapping_says_why_a_json_file_is_not_read_in_the_users_language(sqlite_url, tmp_path, capsys, raw, said):
    path = tmp_path / "m.json"
    path.write_bytes(raw)
    assert main(["--db", sqlite_url, "init"]) == 0
    capsys.readouterr()
    for lang in ("fr", "nl", "en"):
        assert main(["--db", sqlite_url, "--lang", lang, "save-mapping", "m", str(path)]) == 1
        err = capsys.readouterr().err
        assert said[lang] in err and "m.json" in err, err
        assert not any(word in err for word in LIBRARY_WORDS), err


def _workbook() -> bytes:
    book = Workbook()
    book.active.title = "Données"
    book.active.append(["CODGEO", "TX"])
    book.active.append(["59350", "51,6"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_mapping_naming_a_sheet_the_workbook_lacks_names_both_in_words():
    mapped = apply_mapping(("f.xlsx", _workbook()), {"sheet": "Feuil1", "territory": "CODGEO", "period": "2020",
                                                     "values": {"TX": "DEM_TXF"}})
    problem = next(p for p in mapped.problems if p.code == "mapping_sheet_missing")
    assert "« Feuil1 »" in problem.message("fr") and "Données" in problem.message("fr")
    assert "„Feuil1”" in problem.message("nl")
    assert "malformed" not in problem.message("en")


def test_an_sdmx_csv_file_is_a_foreign_layout_never_a_broken_indicators_table(tmp_path):
    # Its `unit` column named it an indicators table "missing indicator_id, action_id, name_fr, direction".
    from indicators.importing import validate_files
    from indicators.store import open_store

    path = tmp_path / "sdmx.csv"
    path.write_text("STRUCTURE,STRUCTURE_ID,freq,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n"
                    "dataflow,ESTAT:NAMA_10R_3GDP(1.0),A,EUR_HAB,BE254,2021,48600,p\n", encoding="utf-8")
    checked = validate_files(open_store(f"sqlite:///{tmp_path / 's.sqlite'}"), [path])
    assert [p.code for p in checked.problems] == ["unknown_table"]
    assert checked.files[0]["kind"] is None
    assert "Eurostat" in checked.problems[0].message("en") + str(checked.problems[0].suggestion)


def test_the_data_page_names_an_unrecognised_table_in_words():
    # "What was detected" wrote "?" in the table column of a file of another layout
    from pages.data import _table_label

    assert _table_label(None, "fr") == "non reconnue" and _table_label(None, "nl") == "niet herkend"
    assert _table_label("observations", "en").endswith("(observations)")
