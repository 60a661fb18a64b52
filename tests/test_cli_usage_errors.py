"""The command line's usage errors (exit 2, said in the CLI's language, nothing created): an export
target it cannot write and a --db that names no reachable database (outside tester's findings D12, D13
of session 27). Exit 1 is kept for invalid data: a script reading it blames the planner's file."""
from __future__ import annotations

import pytest

from indicators.cli import main

from .helpers import FRAMEWORK, write

OBS = "indicator_id,territory_id,period,value\nMOB01,59350,2020,2.5\n"


@pytest.fixture
def store(sqlite_url):
    assert main(["init", "--db", sqlite_url]) == 0
    assert main(["import", "--db", sqlite_url, *map(str, FRAMEWORK)]) == 0
    return sqlite_url


@pytest.mark.parametrize("name", ["out.tsv", "out.txt", "out.csv.gz"])
def test_export_to_an_unknown_extension_is_a_usage_error_and_creates_nothing(store, tmp_path, capsys, name):
    out = tmp_path / "exports" / name
    out.parent.mkdir()
    capsys.readouterr()
    assert main(["--lang", "fr", "export", "--db", store, str(out)]) == 2
    err = capsys.readouterr().err
    assert ".xlsx" in err and ".csv" in err and "Traceback" not in err and "Unexpected" not in err
    assert list(out.parent.iterdir()) == []   # once a folder `out.tsv/` of CSV files


@pytest.mark.parametrize("name", ["out.csv", "all.xlsx", "folder"])
def test_export_into_a_missing_folder_is_a_usage_error_said_in_words(store, tmp_path, capsys, name):
    out = tmp_path / "missing" / name
    capsys.readouterr()
    assert main(["--lang", "nl", "export", "--db", store, str(out)]) == 2
    err = capsys.readouterr().err
    assert "bestaat niet" in err and str(tmp_path / "missing") in err and "FileNotFoundError" not in err
    assert not (tmp_path / "missing").exists()
    (tmp_path / "missing").mkdir()   # the folder made, the same command writes (a new folder OUT too)
    assert main(["export", "--db", store, str(out)]) == 0 and any((tmp_path / "missing").iterdir())


@pytest.mark.parametrize("url", ["nonsense://x", "foo", "postgresql://u:secret@127.0.0.1:notaport/x"])
@pytest.mark.parametrize("command", ["validate", "import", "history"])
def test_a_db_that_is_no_database_url_is_a_usage_error(tmp_path, capsys, url, command):
    args = [str(write(tmp_path, "obs.csv", OBS))] if command != "history" else []
    assert main(["--lang", "fr", command, "--db", url, *args]) == 2
    err = capsys.readouterr().err
    assert "--db" in err and "sqlite:///" in err and "secret" not in err   # never the password


def test_a_db_server_that_does_not_answer_is_a_usage_error(tmp_path, capsys):
    obs = write(tmp_path, "obs.csv", OBS)
    assert main(["validate", "--db", "postgresql+psycopg://u:p@127.0.0.1:1/x", str(obs)]) == 2
    assert "could not be reached" in capsys.readouterr().err


def test_an_import_into_a_sqlite_store_in_a_missing_folder_is_a_usage_error_and_no_folder_is_made(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'typo' / 'store.sqlite'}"
    # import would create a missing store file, never its folder (once made, folders and all, as root)
    assert main(["import", "--db", url, str(write(tmp_path, "obs.csv", OBS))]) == 2
    assert "does not exist" in capsys.readouterr().err and not (tmp_path / "typo").exists()
    assert main(["init", "--db", url]) == 0   # init creates the store where it is told, its folder too
    assert (tmp_path / "typo" / "store.sqlite").is_file()
