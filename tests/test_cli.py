"""The command line: every command, its exit codes and its JSON."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from indicators.cli import main

from .conftest import ROOT
from .helpers import CORPUS, FRAMEWORK, write


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "indicators", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def test_usage_error_exits_2():
    assert cli("frobnicate").returncode == 2
    assert cli("import").returncode == 2           # FILE is required
    assert cli("rollback", "abc").returncode == 2  # BATCH_ID is a number


def test_validate_json_shape_and_exit_codes(tmp_path, sqlite_url):
    assert main(["init", "--db", sqlite_url]) == 0
    assert main(["import", "--db", sqlite_url, *map(str, FRAMEWORK)]) == 0
    good = write(tmp_path, "good.csv", "indicateur;territoire;période;valeur\nMOB01;59350;2020;2,5\n", "cp1252")
    out = cli("validate", "--db", sqlite_url, "--format", "json", str(good))
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["ok"] is True and report["problems"] == []
    assert {k: report["files"][0][k] for k in ("file", "kind", "encoding", "separator", "decimal", "rows")} == {
        "file": "good.csv", "kind": "observations", "encoding": "cp1252", "separator": ";", "decimal": ",",
        "rows": 1}
    bad = CORPUS / "bad" / "unknown_territory.csv"
    out = cli("validate", "--db", sqlite_url, "--format", "json", str(bad))
    assert out.returncode == 1
    problem = json.loads(out.stdout)["problems"][0]
    assert set(problem) == {"file", "row", "column", "value", "message", "suggestion"}
    assert (problem["row"], problem["column"], problem["value"]) == (2, "territory_id", "5935")
    assert problem["suggestion"] == "Did you mean 59350?"
    fr = json.loads(cli("validate", "--db", sqlite_url, "--format", "json", "--lang", "fr", str(bad)).stdout)
    assert fr["problems"][0]["message"] == "Code inconnu (territoire)."


def test_import_history_rollback_export_roundtrip(tmp_path, sqlite_url, capsys):
    assert main(["init", "--db", sqlite_url]) == 0
    assert main(["import", "--db", sqlite_url, "--user", "alice", *map(str, FRAMEWORK)]) == 0
    obs = write(tmp_path, "obs.csv", "indicator_id,territory_id,period,value\nMOB01,59350,2020,2.5\n")
    capsys.readouterr()
    assert main(["import", "--db", sqlite_url, "--dry-run", str(obs)]) == 0
    assert "Dry run, nothing written: added 1" in capsys.readouterr().out
    assert main(["import", "--db", sqlite_url, "--format", "json", "--user", "bob", str(obs)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and report["counts"] == {"added": 1, "updated": 0, "unchanged": 0, "rejected": 0}
    assert main(["history", "--db", sqlite_url]) == 0
    history = capsys.readouterr().out.splitlines()
    assert "bob" in history[0] and "obs.csv" in history[0] and "alice" in history[1]
    assert main(["rollback", "--db", sqlite_url, str(report["batch_id"])]) == 0
    assert "1 row removed" in capsys.readouterr().out
    assert main(["rollback", "--db", sqlite_url, str(report["batch_id"])]) == 1   # already rolled back
    assert main(["rollback", "--db", sqlite_url, "999"]) == 1
    assert main(["export", "--db", sqlite_url, str(tmp_path / "all.xlsx")]) == 0
    other = f"sqlite:///{tmp_path / 'other.sqlite'}"
    assert main(["import", "--db", other, str(tmp_path / "all.xlsx")]) == 0
    assert main(["export", "--db", other, str(tmp_path / "again.csv"), "--table", "territories"]) == 0
    assert main(["export", "--db", sqlite_url, str(tmp_path / "first.csv"), "--table", "territories"]) == 0
    assert (tmp_path / "again.csv").read_bytes() == (tmp_path / "first.csv").read_bytes()


def test_invalid_import_exits_1_and_changes_nothing(tmp_path, sqlite_url, capsys):
    assert main(["import", "--db", sqlite_url, *map(str, FRAMEWORK)]) == 0
    assert main(["import", "--db", sqlite_url, str(CORPUS / "bad" / "percent_over_100.csv")]) == 1
    out = capsys.readouterr().out
    assert "percent_over_100.csv, row 2, column value [112,5]" in out and "Nothing imported" in out   # as written
    assert main(["history", "--db", sqlite_url]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 1


@pytest.mark.parametrize("method", ["opensdg", "eurostat"])
def test_progress_json_has_the_designed_shape(sqlite_url, method, capsys):
    assert main(["init", "--demo", "--db", sqlite_url]) == 0
    capsys.readouterr()
    assert main(["progress", "--db", sqlite_url, "--format", "json", "--method", method]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["method"] == method
    assert set(report["indicators"][0]) == {"indicator_id", "territory_id", "headline", "status", "score", "ratio",
                                            "cagr", "base_period", "latest_period", "latest_value", "target_value",
                                            "projected_value", "reason"}
    assert set(report["actions"][0]) == {"action_id", "status", "score", "indicators", "reason"}  # DESIGN.md
    statuses = {i["status"] for i in report["indicators"] if i["headline"]}
    assert {"achieved", "on_track", "deterioration", "not_assessed"} <= statuses
    assert len(report["actions"]) >= 24
    assert main(["progress", "--db", sqlite_url]) == 0
    assert "A01" in capsys.readouterr().out


def test_unreachable_database_is_a_message_not_a_traceback():
    out = cli("history", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert out.returncode == 2   # a usage error: --db to check (1 says the data is invalid)
    assert "Traceback" not in out.stderr and "could not be reached" in out.stderr


def test_problem_lines_speak_the_chosen_language_and_repeated_notes_are_grouped(tmp_path, sqlite_url):
    assert main(["init", "--db", sqlite_url]) == 0
    assert main(["import", "--db", sqlite_url, *map(str, FRAMEWORK)]) == 0
    rows = "\n".join(f"MOB01,54007,{year},{year - 2000}" for year in range(2010, 2015))
    old_code = write(tmp_path, "ancien_code.csv", f"indicator_id,territory_id,period,value\n{rows}\n")
    out = cli("validate", "--db", sqlite_url, "--lang", "fr", str(old_code))
    assert out.returncode == 0, out.stdout + out.stderr
    notes = [line for line in out.stdout.splitlines() if "remarque\u202f:" in line]
    assert notes == [notes[0]] and "lignes 2-6, colonne territory_id" in notes[0] and "57096" in notes[0]
    bad = write(tmp_path, "faute.csv", "indicator_id,territory_id,period,value\nMOB0l,59350,20244,1\n")
    out = cli("validate", "--db", sqlite_url, "--lang", "fr", str(bad))
    assert out.returncode == 1
    assert "faute.csv, ligne 2, colonne indicator_id [MOB0l]" in out.stdout and "MOB01" in out.stdout
    assert "faute.csv, ligne 2, colonne period [20244]" in out.stdout
    # Every line in French: the file summary and the count too, no English left.
    assert "faute.csv : table Observations ; lignes : 1 ;" in out.stdout and "Problèmes trouvés : 2." in out.stdout
    for english in ("problem(s)", "rows,", "separator", "Nothing imported", "note:"):
        assert english not in out.stdout


def test_history_and_rollback_answer_in_dutch_and_a_mistyped_store_is_not_created(tmp_path, sqlite_url):
    assert main(["init", "--db", sqlite_url]) == 0
    assert main(["import", "--db", sqlite_url, *map(str, FRAMEWORK)]) == 0
    out = cli("rollback", "--db", sqlite_url, "--lang", "nl", "1")
    assert out.returncode == 0 and "Batch 1 teruggedraaid" in out.stdout, out.stdout + out.stderr
    out = cli("history", "--db", sqlite_url, "--lang", "nl")
    assert "teruggedraaid op" in out.stdout and "rolled back" not in out.stdout
    typo = tmp_path / "typo" / "stroe.sqlite"
    out = cli("history", "--db", f"sqlite:///{typo}", "--lang", "fr")
    assert out.returncode == 2 and "Aucune base" in out.stderr and not typo.exists()


def test_history_says_what_each_batch_keeps_to_be_undone(tmp_path, sqlite_url, capsys):
    assert main(["import", "--db", sqlite_url, *map(str, FRAMEWORK)]) == 0
    rows = "".join(f"MOB01,59350,{2000 + i},{i}\n" for i in range(50))
    first = write(tmp_path, "obs.csv", "indicator_id,territory_id,period,value\n" + rows)
    second = write(tmp_path, "obs2.csv", "indicator_id,territory_id,period,value\n"
                   + "".join(f"MOB01,59350,{2000 + i},{i / 2}\n" for i in range(50)))
    assert main(["import", "--db", sqlite_url, str(first)]) == 0
    assert main(["import", "--db", sqlite_url, str(second)]) == 0   # changes the 50 values: keeps their old ones
    capsys.readouterr()
    assert main(["history", "--db", sqlite_url, "--lang", "fr"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "conservés pour annuler" in lines[0] and "ko" in lines[0]          # the update keeps 50 rows
    assert "conservés pour annuler" not in lines[1]                              # a batch that only added keeps none


def test_options_given_before_the_command_are_kept(tmp_path, capsys, monkeypatch):
    """`python -m indicators --db URL --lang fr import f` writes to URL and speaks French: the command's
    own defaults once overwrote both, and the import went to the default store."""
    monkeypatch.delenv("INDICATORS_DB_URL", raising=False)
    store = tmp_path / "before.sqlite"
    url = f"sqlite:///{store}"
    assert main(["--db", url, "init"]) == 0 and store.exists()
    assert main(["--db", url, "import", *map(str, FRAMEWORK)]) == 0
    bad = write(tmp_path, "obs.csv", "indicator_id,territory_id,period,value\nMOB01,59350,20x1,2.5\n")
    capsys.readouterr()
    assert main(["--lang", "fr", "--db", url, "import", str(bad)]) == 1
    assert "Rien n'a été importé" in capsys.readouterr().out
    assert main(["--lang", "nl", "--db", url, "history"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 1     # the framework's batch, in this store


@pytest.mark.parametrize("command", ["import", "validate"])
def test_a_file_that_is_not_there_is_a_usage_error_in_the_chosen_language(tmp_path, sqlite_url, capsys, command):
    """It was "the table is malformed: No such file or directory" (English inside French), exit 1."""
    from .helpers import store_with_framework

    store_with_framework(sqlite_url)
    missing = tmp_path / "absent.csv"
    assert main(["--lang", "fr", command, "--db", sqlite_url, str(missing)]) == 2
    err = capsys.readouterr().err
    assert f"{missing} : aucun fichier de ce nom" in err and "No such file" not in err


def test_an_unknown_saved_mapping_is_said_in_the_chosen_language(tmp_path, sqlite_url, capsys):
    path = write(tmp_path, "es.tsv", "unit,geo\\time\t2020\nEUR_HAB,BE254\t1\n")
    assert main(["--lang", "nl", "import", "--db", sqlite_url, str(path), "--mapping", "nosuch"]) == 1
    assert "Er is geen opgeslagen koppeling met de naam 'nosuch'" in capsys.readouterr().err
