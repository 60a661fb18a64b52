"""`validate` names a folder as a folder and a device as no regular file, not as a typo; a file name
holding a newline or another control character is shown escaped, so that it cannot break or forge a line
of the text report (outside tester's finding D15 of session 27)."""
from __future__ import annotations

import os

import pytest

from indicators.cli import main

from .test_cli_usage_errors import store  # noqa: F401  (the fixture: a store holding the framework)

OBS = "indicator_id;territory_id;period;value\nMOB02;59350;2021;12\nMOB02;59350;2022;x\n"


@pytest.mark.parametrize("lang, words", [("en", "folder"), ("fr", "dossier"), ("nl", "map")])
def test_a_folder_is_said_to_be_a_folder(store, tmp_path, capsys, lang, words):
    capsys.readouterr()
    assert main(["--lang", lang, "validate", "--db", store, str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert words in err and str(tmp_path) in err and "no such file" not in err and "aucun fichier" not in err


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
@pytest.mark.parametrize("lang, words", [("en", "not a regular file"), ("fr", "pas un fichier ordinaire"),
                                         ("nl", "geen gewoon bestand")])
def test_a_device_is_said_to_be_no_regular_file(store, capsys, lang, words):
    capsys.readouterr()
    assert main(["--lang", lang, "validate", "--db", store, "/dev/zero"]) == 2
    assert words in capsys.readouterr().err


def test_a_missing_file_is_still_said_missing(store, tmp_path, capsys):
    capsys.readouterr()
    assert main(["validate", "--db", store, str(tmp_path / "nothere.csv")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_a_file_name_with_a_newline_keeps_each_report_line_whole(store, tmp_path, capsys):
    path = tmp_path / "bad\nname\x1b.csv"
    path.write_text(OBS, encoding="utf-8")
    capsys.readouterr()
    assert main(["validate", "--db", store, str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert all(line.startswith("bad\\nname\\x1b.csv") for line in lines[:-1]), lines
    assert len(lines) == 3 and "row 3" in lines[1]
