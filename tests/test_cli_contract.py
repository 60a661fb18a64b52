"""The command line keeps DESIGN.md's contract where an outside audit found it did not (stop 29):
attach-to-successor notices say where the value goes, validate's JSON lists every file given, a
Windows-1252 file is named so, `import` checks the rights of the account it names, and the English
messages count and name tables as a reader expects."""
from __future__ import annotations

import gzip
import json

import pytest

from indicators.cli import main
from indicators.store import list_batches, open_store, read_table

from .helpers import write

CONTRIBUTOR = "donnees@demo.lillemetropole.fr"    # MEL's contributor in the demo; CIT01 is EUROMETROPOLE's
EDITOR = "coordination@demo.lillemetropole.fr"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


# --------------------------------------------------------------------------- #3 attach to successor

OLD_CODE = "indicator_id,territory_id,period,value\nCLI01,54007,2013,15.1\nCLI01,54007,2019,11.7\n"


def test_attach_to_successor_says_the_value_is_recorded_under_the_successor(demo_url, tmp_path, capsys):
    path = write(tmp_path, "succ.csv", OLD_CODE)
    code, out, _ = run(capsys, "import", "--db", demo_url, str(path), "--attach-to-successor", "--dry-run")
    assert code == 0
    assert "Territory 54007 was replaced by 57096; the value is recorded under 57096." in out
    assert "kept under 54007" not in out and "Import with 'attach to successor'" not in out
    code, out, _ = run(capsys, "import", "--db", demo_url, str(path), "--attach-to-successor", "--format", "json",
                       "--lang", "fr")
    report = json.loads(out)
    assert code == 0 and not report["dry_run"]
    notices = [n for n in report["notices"] if n["column"] == "territory_id"]
    assert [(n["row"], n["value"]) for n in notices] == [(2, "54007"), (3, "54007")]
    assert {n["message"] for n in notices} == {
        "Le territoire 54007 a été remplacé par 57096 ; la valeur est enregistrée sous 57096."}
    assert {n["suggestion"] for n in notices} == {None}
    stored = read_table(open_store(demo_url), "observations")
    cli01 = stored[stored.indicator_id == "CLI01"]
    assert cli01[cli01.territory_id == "57096"].set_index("period")["value"].reindex(["2013", "2019"]).tolist() \
        == [15.1, 11.7]
    old = cli01[cli01.territory_id == "54007"]
    assert not old["period"].isin(["2013", "2019"]).any()      # recorded where the notice says, not under 54007


def test_without_the_option_the_notice_still_says_kept_under_the_old_code(demo_url, tmp_path, capsys):
    path = write(tmp_path, "succ.csv", OLD_CODE)
    code, out, _ = run(capsys, "import", "--db", demo_url, str(path), "--dry-run", "--format", "json")
    notice = next(n for n in json.loads(out)["notices"] if n["column"] == "territory_id")
    assert code == 0 and notice["message"] == "Territory 54007 was replaced by 57096; the value is kept under 54007."
    assert notice["suggestion"] == "Import with 'attach to successor' to record it under 57096."


def test_an_old_code_row_given_also_under_the_successor_is_said_left_out(demo_url, tmp_path, capsys):
    path = write(tmp_path, "both.csv", "indicator_id,territory_id,period,value\nCLI01,54007,2013,15.1\n"
                                       "CLI01,57096,2013,15.3\nCLI01,54007,2019,11.7\n")
    code, out, _ = run(capsys, "import", "--db", demo_url, str(path), "--attach-to-successor", "--format", "json")
    notices = {n["row"]: n["message"] for n in json.loads(out)["notices"] if n["column"] == "territory_id"}
    assert code == 0
    assert notices[2].startswith("Territory 54007 was replaced by 57096, and the files also have a row for 57096")
    assert notices[2].endswith("that row is recorded, this one is left out.")
    assert notices[4] == "Territory 54007 was replaced by 57096; the value is recorded under 57096."
    stored = read_table(open_store(demo_url), "observations")
    mine = stored[(stored.indicator_id == "CLI01") & (stored.territory_id == "57096")].set_index("period")["value"]
    assert (mine["2013"], mine["2019"]) == (15.3, 11.7)


# --------------------------------------------------------------------------- #4 validate JSON: every file

def test_validate_json_has_one_entry_per_file_with_the_same_keys(demo_url, tmp_path, capsys):
    files = [
        write(tmp_path, "binary.csv", b"\x00\x01\x02\x03\xff\xfe\x00\x00\x10\x11"),
        write(tmp_path, "empty.csv", b""),
        write(tmp_path, "binary.csv.gz", gzip.compress(bytes(range(256)) * 64)),   # no text once unpacked
        write(tmp_path, "good.csv", "indicator_id,territory_id,period,value,extra\nCIT01,200093201,2020,5,x\n"),
        write(tmp_path, "missing.csv", "indicator_id,territory_id,period\nCIT01,200093201,2020\n"),
        write(tmp_path, "unknown.csv", "a,b\n1,2\n"),
    ]
    code, out, _ = run(capsys, "validate", "--db", demo_url, "--format", "json", *map(str, files))
    report = json.loads(out)
    assert code == 1 and not report["ok"]
    assert [f["file"] for f in report["files"]] == [p.name for p in files]
    keys = {"file", "kind", "encoding", "separator", "decimal", "rows", "ignored_columns", "sheet"}
    assert [set(f) for f in report["files"]] == [keys] * len(files)
    by_name = {f["file"]: f for f in report["files"]}
    for name in ("binary.csv", "empty.csv", "binary.csv.gz"):
        assert {k: v for k, v in by_name[name].items() if k != "file"} == dict.fromkeys(keys - {"file"}), name
        assert any(p["file"] == name for p in report["problems"]), name    # and said why in `problems`
    assert by_name["good.csv"]["kind"] == "observations" and by_name["good.csv"]["ignored_columns"] == ["extra"]
    assert by_name["good.csv"]["rows"] == 1
    assert by_name["unknown.csv"]["kind"] is None and by_name["unknown.csv"]["rows"] == 1
    assert by_name["missing.csv"]["ignored_columns"] is None
    # import --format json says the same of the same files
    code, out, _ = run(capsys, "import", "--db", demo_url, "--format", "json", *map(str, files))
    assert code == 1 and [f["file"] for f in json.loads(out)["files"]] == [p.name for p in files]


def test_each_sheet_of_a_workbook_keeps_its_own_entry(demo_url, tmp_path, capsys):
    import pandas as pd

    path = tmp_path / "book.xlsx"
    with pd.ExcelWriter(path) as xl:
        pd.DataFrame({"indicator_id": ["CIT01"], "territory_id": ["200093201"], "period": ["2020"],
                      "value": [5]}).to_excel(xl, sheet_name="observations", index=False)
        pd.DataFrame({"level_id": ["x9"], "name_fr": ["X"]}).to_excel(xl, sheet_name="levels", index=False)
    code, out, _ = run(capsys, "validate", "--db", demo_url, "--format", "json", str(path))
    files = json.loads(out)["files"]
    # `file` is the file's name, as a CSV's is; the sheet is said apart
    assert code == 0 and [f["file"] for f in files] == ["book.xlsx", "book.xlsx"]
    assert {(f["sheet"], f["kind"]) for f in files} == {("observations", "observations"), ("levels", "levels")}


def test_a_problem_in_a_workbook_names_the_file_and_its_sheet_apart(demo_url, tmp_path, capsys):
    """`file` in `problems` is the file's name as given (an outside program groups problems by file); the
    sheet is in `sheet` (it used to ride in `file` as "book.xlsx [Observations]"); a CSV's problem has
    DESIGN.md's keys only."""
    import pandas as pd

    path = tmp_path / "book.xlsx"
    with pd.ExcelWriter(path) as xl:
        pd.DataFrame({"indicator_id": ["CIT01"], "territory_id": ["200093201"], "period": ["2020"],
                      "value": ["abc"]}).to_excel(xl, sheet_name="Observations", index=False)
    csv = write(tmp_path, "plain.csv", "indicator_id,territory_id,period,value\nCIT01,200093201,2021,x\n")
    code, out, _ = run(capsys, "validate", "--db", demo_url, "--format", "json", str(path), str(csv))
    report = json.loads(out)
    assert code == 1
    (book,) = [p for p in report["problems"] if p["value"] == "abc"]
    assert book["file"] == "book.xlsx" and book["sheet"] == "Observations" and book["row"] == 2
    (plain,) = [p for p in report["problems"] if p["value"] == "x"]
    assert plain["file"] == "plain.csv" and set(plain) == {"file", "row", "column", "value", "message", "suggestion"}
    assert [f["sheet"] for f in report["files"]] == ["Observations", None]


# --------------------------------------------------------------------------- #5 Windows-1252

def test_a_windows_1252_file_without_euro_or_quotes_is_named_windows_1252(demo_url, tmp_path, capsys):
    path = write(tmp_path, "v6_1252.csv", b"indicator_id;territory_id;period;value;note\n"
                                          b"CIT01;200093201;2020;12,5;P\xe9riode \xe9valu\xe9e \xe0 Li\xe8ge\n")
    code, out, _ = run(capsys, "validate", "--db", demo_url, str(path), "--format", "json")
    assert code == 0 and json.loads(out)["files"][0]["encoding"] == "cp1252"
    code, out, _ = run(capsys, "validate", "--db", demo_url, str(path))
    assert "encoding Windows-1252" in out and "ISO-8859-1" not in out
    with_euro = write(tmp_path, "v5_1252.csv", "indicator_id;territory_id;period;value;note\n"
                                               "CIT01;200093201;2020;12,5;coût 5 € œuvre\n".encode("cp1252"))
    code, out, _ = run(capsys, "validate", "--db", demo_url, str(with_euro), "--format", "json")
    assert code == 0 and json.loads(out)["files"][0]["encoding"] == "cp1252"


# --------------------------------------------------------------------------- #8 rights of import

NOT_MINE = "indicator_id,territory_id,period,value\nCIT01,200093201,2025,777\n"


def test_import_user_naming_an_account_that_may_not_import_is_refused(demo_url, tmp_path, capsys):
    path = write(tmp_path, "sub_notmine.csv", NOT_MINE)
    assert run(capsys, "account", "add", "--db", demo_url, "--role", "viewer", "v@x.org")[0] == 0
    before = len(list_batches(open_store(demo_url)))
    for who in (CONTRIBUTOR, "v@x.org", CONTRIBUTOR.upper(), f"Données MEL <{CONTRIBUTOR}>"):
        code, out, err = run(capsys, "import", "--db", demo_url, str(path), "--user", who)
        assert code == 1, who
        assert "may not import directly" in err and "nothing was changed" in err and "Traceback" not in err
    code, _, err = run(capsys, "import", "--db", demo_url, str(path), "--user", CONTRIBUTOR, "--lang", "fr")
    assert code == 1 and "compte contributeur" in err and "rien n'a été modifié" in err
    assert run(capsys, "import", "--db", demo_url, str(path), "--user", CONTRIBUTOR, "--dry-run")[0] == 0
    assert len(list_batches(open_store(demo_url))) == before          # nothing recorded in their names
    code, out, _ = run(capsys, "import", "--db", demo_url, str(path), "--user", "A. Planner")
    assert code == 0 and list_batches(open_store(demo_url)).iloc[0]["user"] == "A. Planner"


def test_rollback_user_naming_an_account_that_may_not_roll_back_is_refused(demo_url, tmp_path, capsys):
    path = write(tmp_path, "sub_notmine.csv", NOT_MINE)
    assert run(capsys, "import", "--db", demo_url, str(path), "--user", "A. Planner")[0] == 0
    batch = str(list_batches(open_store(demo_url)).iloc[0]["batch_id"])
    for who in (CONTRIBUTOR, f"Données MEL <{CONTRIBUTOR}>"):
        code, _, err = run(capsys, "rollback", "--db", demo_url, batch, "--user", who)
        assert code == 1 and "may not roll back a batch" in err and "Traceback" not in err, err
    code, _, err = run(capsys, "rollback", "--db", demo_url, batch, "--user", CONTRIBUTOR, "--lang", "nl")
    assert code == 1 and "mag terugdraaien" in err
    assert list_batches(open_store(demo_url)).iloc[0]["status"] == "active"     # nothing undone
    assert run(capsys, "rollback", "--db", demo_url, batch, "--user", "A. Planner")[0] == 0
    assert list_batches(open_store(demo_url)).iloc[0]["status"] != "active"


def test_import_as_checks_the_accounts_role_in_the_engine(demo_url, tmp_path, capsys):
    path = write(tmp_path, "sub_notmine.csv", NOT_MINE)
    assert run(capsys, "account", "add", "--db", demo_url, "--role", "viewer", "v@x.org")[0] == 0
    before = len(list_batches(open_store(demo_url)))
    for who, role in ((CONTRIBUTOR, "contributor"), ("v@x.org", "viewer")):
        code, _, err = run(capsys, "import", "--db", demo_url, str(path), "--as", who)
        assert code == 1 and f"only an editor may import directly (your role: {role})" in err
    code, _, err = run(capsys, "import", "--db", demo_url, str(path), "--as", "nobody@x.org")
    assert code == 1 and "nobody@x.org" in err
    assert len(list_batches(open_store(demo_url))) == before
    code, out, _ = run(capsys, "import", "--db", demo_url, str(path), "--as", EDITOR)
    assert code == 0 and "Imported as batch" in out
    assert EDITOR in list_batches(open_store(demo_url)).iloc[0]["user"]
    with pytest.raises(SystemExit) as usage:   # --user and --as together: which name? a usage error
        main(["import", "--db", demo_url, str(path), "--as", EDITOR, "--user", "someone"])
    assert usage.value.code == 2


def test_an_approved_submission_still_names_contributor_and_reviewer(demo_url, tmp_path, capsys):
    # A reviewed batch is recorded as "contributor (reviewed by editor)": not an account's bare e-mail.
    path = write(tmp_path, "mine.csv", "indicator_id,territory_id,period,value\nCIT10,200093201,2025,61\n")
    code, out, err = run(capsys, "submit", "--db", demo_url, str(path), "--as", CONTRIBUTOR)   # CIT10: MEL's
    assert code == 0 and out.strip().endswith("waits for review."), out + err
    sub_id = out.strip().splitlines()[-1].split()[1]
    code, out, err = run(capsys, "review", "approve", sub_id, "--db", demo_url, "--as", EDITOR)
    assert code == 0, out + err
    user = list_batches(open_store(demo_url)).iloc[0]["user"]
    assert CONTRIBUTOR in user and EDITOR in user


# --------------------------------------------------------------------------- #10 English wording

def test_wrong_table_names_both_tables_the_same_way(demo_url, tmp_path, capsys):
    path = write(tmp_path, "v1.csv", "indicator_id;territory_id;period;value\nCIT01;200093201;2020;12,5\n")
    code, out, _ = run(capsys, "validate", "--db", demo_url, str(path), "--table", "levels", "--format", "json")
    message = json.loads(out)["problems"][0]["message"]
    assert code == 1 and message == "This file holds the Observations table, not the Levels table."
    code, out, _ = run(capsys, "validate", "--db", demo_url, str(path), "--table", "targets", "--format", "json",
                       "--lang", "fr")
    message = json.loads(out)["problems"][0]["message"]
    assert message == "Ce fichier contient la table Observations, pas la table Cibles (targets)."


def test_rollback_counts_rows_in_words_and_an_updated_row_once(demo_url, tmp_path, capsys):
    added = write(tmp_path, "added.csv", "indicator_id,territory_id,period,value\nCIT01,200093201,2031,5\n")
    assert run(capsys, "import", "--db", demo_url, str(added))[0] == 0
    changed = write(tmp_path, "changed.csv", "indicator_id,territory_id,period,value\nCIT01,200093201,2031,6\n")
    assert run(capsys, "import", "--db", demo_url, str(changed))[0] == 0
    batches = list_batches(open_store(demo_url))["batch_id"].tolist()
    code, out, _ = run(capsys, "rollback", "--db", demo_url, str(batches[0]))
    assert code == 0
    assert out.strip() == f"Batch {batches[0]} rolled back: 0 rows removed, 1 row back to its earlier version."
    code, out, _ = run(capsys, "rollback", "--db", demo_url, str(batches[1]), "--lang", "fr")
    assert out.strip() == f"Lot {batches[1]} annulé : 1 ligne retirée, 0 ligne remise à sa version antérieure."
