"""Single-byte files as French and Belgian planners save them: Windows-1252 (Excel on Windows), Latin-9
(ISO-8859-15) and Mac Roman (Excel for Mac's "CSV (Macintosh)"). A Mac file was stored as "DonnŽes
ŽvaluŽes", a Latin-9 one as "coût 5 ¤ ½uvre", both with no word."""
from __future__ import annotations

import pytest

from indicators.reading import read_file
from indicators.importing import validate_files

NOTE = "Données évaluées – « mise en œuvre » à Liège, coût 5 €"
HEADER = "indicator_id;territory_id;period;value;note"


def _file(encoding: str, note: str = NOTE, header: str = HEADER, end: str = "\r\n") -> bytes:
    rows = "".join(f"MOB04;59350;{2000 + i};{i},5;{note}{end}" for i in range(5))
    return (header + end + rows).encode(encoding, errors="replace" if encoding == "mac_roman" else "strict")


@pytest.mark.parametrize("encoding, note, said", [
    ("cp1252", NOTE, "cp1252"),
    ("iso8859_15", "Données évaluées, mise en œuvre, coût 5 €", "iso-8859-15"),
    ("mac_roman", "Données évaluées – « mise en œuvre » à Liège", "mac-roman"),
    ("latin-1", "Données évaluées à Liège", "cp1252")   # both fit: Windows-1252 (docs),
])
def test_each_single_byte_encoding_is_read_as_written(encoding, note, said):
    end = "\r" if encoding == "mac_roman" else "\r\n"     # Excel for Mac ends lines with CR
    sheet = read_file(_file(encoding, note, end=end), "export.csv").sheets[0]
    assert sheet.encoding == said
    assert set(sheet.frame["note"]) == {note}


def test_a_mac_file_with_accents_in_its_header_is_recognised(demo_url):
    from indicators.store import open_store

    raw = _file("mac_roman", "évaluée", header="indicateur;territoire;période;valeur;note", end="\r")
    checked = validate_files(open_store(demo_url), [("mac.csv", raw)])
    assert not [p for p in checked.problems if p.severity == "error"], [p.message("fr") for p in checked.problems]
    assert list(checked.tables["observations"]["note"].unique()) == ["évaluée"]


@pytest.mark.parametrize("encoding, note, said", [
    # a capital that starts a word: Œ (0x8C in Windows-1252, å in Mac Roman) flipped the whole file to Mac
    # Roman, which then stored "donnÈes ÈtÈ", "LiËge", "chÙmage" without a word
    ("cp1252", "MISE EN ŒUVRE : données été, Liège, chômage", "cp1252"),
    ("cp1252", "Œuvre sociale de Liège", "cp1252"),
    ("cp1252", "L'HAŸ-LES-ROSES, données", "cp1252"),
    ("cp1252", "Škoda, données été", "cp1252"),
    ("cp1252", "l´été (an acute accent typed for an apostrophe)", "cp1252"),
    ("cp1252", "École, État, Île-de-France, données", "cp1252"),
    ("iso8859_15", "Œuvre, coût 5 €, données", "iso-8859-15"),
    ("mac_roman", "Données évaluées à Liège, Œuvre", "mac-roman"),
    # a Mac file whose only accents are ë î ï (0x91, 0x94, 0x95): read as Windows-1252 they were ‘ ” •,
    # stored as "financi‘le steun (Belgi‘)", "ma”trise, No‘l"
    ("mac_roman", "financiële steun (België)", "mac-roman"),
    ("mac_roman", "maîtrise, Noël, naïf", "mac-roman"),
    # a Mac file whose accents follow a capital or start a word: "RŽgion", "Žtat" read as Windows-1252
    ("mac_roman", "Région Hauts-de-France, Département du Nord", "mac-roman"),
    ("mac_roman", "Masses d'eau en bon état écologique", "mac-roman"),
    ("mac_roman", "Financement Interreg à confirmer", "mac-roman"),
    # a Windows-1252 file's quotes and apostrophes stay what they are
    ("cp1252", "aujourd’hui « l’été », ‘cité’ “entre guillemets”, Lille–Kortrijk", "cp1252"),
])
def test_capitals_that_start_french_words_keep_the_file_in_its_encoding(encoding, note, said):
    sheet = read_file(_file(encoding, note), "export.csv").sheets[0]
    assert sheet.encoding == said
    assert set(sheet.frame["note"]) == {note}
