"""The command line's contract, as outside tester Z read it (stop 32):

- Z#7: `import --skip-invalid-rows --format json` said `"ok": false` with exit 0 and a batch: `ok` is true
  exactly when the exit status is 0 (README);
- Z#8: a `MONITOR_*` limit that is not a whole number was silently replaced by its default; a bad
  `INDICATORS_DB_URL` was said as `--db`;
- Z#9: `account add --role contributor` without `--partner` exited 1 (invalid data), not 2 (usage);
  `rollback --user` had no help text and was not in the README;
- Z#4: `save-mapping --user` saved a mapping in a viewer's or contributor's name, and had no `--as`."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from indicators.store import open_store

from .conftest import ROOT
from .helpers import write

LANGS = ("fr", "nl", "en")


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([sys.executable, "-m", "indicators", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})})


# ------------------------------------------------------------------ Z#7: `ok` agrees with the exit status

def test_import_json_ok_agrees_with_the_exit_status(demo_url, tmp_path):
    mixed = write(tmp_path, "mixed.csv", "indicator_id,territory_id,period,value\n"
                                         "MOB01,FRE,2030,22000\nNOPE,FRE,2030,1\nMOB01,FRE,2031,douze\n")
    runs = {
        "skip": cli("--db", demo_url, "import", "--format", "json", "--skip-invalid-rows", str(mixed)),
        "refused": cli("--db", demo_url, "import", "--format", "json", str(mixed)),
        "dry": cli("--db", demo_url, "import", "--format", "json", "--dry-run", "--skip-invalid-rows", str(mixed)),
        "validate": cli("--db", demo_url, "validate", "--format", "json", str(mixed)),
    }
    for name, done in runs.items():
        report = json.loads(done.stdout)
        assert report["ok"] == (done.returncode == 0), (name, report["ok"], done.returncode)
    skipped = json.loads(runs["skip"].stdout)
    assert runs["skip"].returncode == 0 and skipped["ok"] is True and skipped["batch_id"]
    assert skipped["counts"]["rejected"] == 2 and len(skipped["problems"]) == 2   # the rows left out, listed
    assert runs["refused"].returncode == 1 and json.loads(runs["refused"].stdout)["ok"] is False
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert '`"ok": true` exactly when\nthe exit status is 0' in readme


# ------------------------------------------------------------------ Z#8: the environment's settings said

@pytest.mark.parametrize("value", ["abc", "-5", "1.5", "1e6"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_limit_that_is_not_a_whole_number_is_said_and_stops(demo_url, tmp_path, value, lang):
    path = write(tmp_path, "t.csv", "indicator_id,territory_id,period,value\nMOB01,FRE,2020,1\n")
    done = cli("--db", demo_url, "--lang", lang, "validate", str(path), env={"MONITOR_MAX_CELLS": value})
    assert done.returncode == 2
    assert f"MONITOR_MAX_CELLS={value}" in done.stderr and "6000000" in done.stderr
    words = {"fr": "nombre entier", "nl": "geheel getal", "en": "whole number"}[lang]
    assert words in done.stderr and "Traceback" not in done.stderr


def test_whole_limits_still_apply(demo_url, tmp_path):
    path = write(tmp_path, "t.csv", "indicator_id,territory_id,period,value\nMOB01,FRE,2020,1\nMOB01,FRE,2021,2\n")
    ok = cli("--db", demo_url, "validate", str(path), env={"MONITOR_MAX_CELLS": "6_000_000", "MONITOR_MAX_YEAR": ""})
    assert ok.returncode == 0, ok.stderr
    small = cli("--db", demo_url, "validate", str(path), env={"MONITOR_MAX_CELLS": "3"})
    assert small.returncode == 1


@pytest.mark.parametrize("lang", LANGS)
def test_a_bad_url_from_the_environment_is_named_as_that_variable(tmp_path, lang):
    bogus = cli("--lang", lang, "history", env={"INDICATORS_DB_URL": "bogus://u:pw@h/db"})
    assert bogus.returncode == 2
    assert bogus.stderr.startswith("INDICATORS_DB_URL ") and "--db" not in bogus.stderr and "pw" not in bogus.stderr
    away = cli("--lang", lang, "history", env={"INDICATORS_DB_URL": "postgresql+psycopg://u:pw@127.0.0.1:1/db"})
    assert away.returncode == 2 and "INDICATORS_DB_URL" in away.stderr and "--db" not in away.stderr
    missing = cli("--lang", lang, "history", env={"INDICATORS_DB_URL": f"sqlite:///{tmp_path}/none.sqlite"})
    assert missing.returncode == 2 and "INDICATORS_DB_URL" in missing.stderr and "--db" not in missing.stderr
    # given as --db, it is said as --db (even with the variable set)
    given = cli("--db", "bogus://h/db", "--lang", lang, "history", env={"INDICATORS_DB_URL": "sqlite:///x.sqlite"})
    assert given.returncode == 2 and given.stderr.startswith("--db ")


# ------------------------------------------------------------------ Z#9: usage errors and help

@pytest.mark.parametrize("args", [("cz@x.org", "--role", "contributor"), ("bad", "--role", "editor")])
def test_an_account_option_missing_or_ill_formed_is_a_usage_error(demo_url, args):
    done = cli("--db", demo_url, "--lang", "fr", "account", "add", *args)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() and "Traceback" not in done.stderr
    unknown = cli("--db", demo_url, "account", "add", "cz@x.org", "--role", "contributor", "--partner", "NOPE")
    assert unknown.returncode == 1   # a partner the store does not know: invalid data, not usage


def test_rollback_user_has_help_and_is_documented():
    shown = cli("rollback", "--help").stdout
    options = shown[shown.index("options:"):]
    line = re.search(r"^\s+--user NAME\s+(\S.*)$", options, re.M)
    assert line and "recorded" in line.group(1)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python -m indicators rollback BATCH_ID [--user NAME" in readme
    assert "python -m indicators save-mapping NAME FILE.json [--user NAME \\| --as EMAIL]" in readme


# ------------------------------------------------------------------ Z#4: save-mapping in a non-writer's name

MAPPING = '{"territory": "CODGEO", "period": {"value": "2020"}, "values": {"X": "MOB01"}}'


def _mappings(url) -> list:
    import sqlalchemy as sa

    from indicators.store.tables import mappings

    engine = open_store(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(sa.select(mappings.c.name, mappings.c.user))]
    finally:
        engine.dispose()


@pytest.mark.parametrize("role, partner", [("viewer", None), ("contributor", "MEL")])
@pytest.mark.parametrize("lang", LANGS)
def test_save_mapping_is_refused_in_the_name_of_an_account_that_may_not_import(demo_url, tmp_path, role, partner, lang):
    spec = write(tmp_path, "m.json", MAPPING)
    made = cli("--db", demo_url, "account", "add", "who@x.org", "--role", role, *(["--partner", partner] if partner else []))
    assert made.returncode == 0, made.stderr
    by_name = cli("--db", demo_url, "--lang", lang, "save-mapping", "m1", str(spec), "--user", "who@x.org")
    as_account = cli("--db", demo_url, "--lang", lang, "save-mapping", "m1", str(spec), "--as", "who@x.org")
    for done in (by_name, as_account):
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert {"fr": "Refusé", "nl": "Geweigerd", "en": "Refused"}[lang] in done.stderr
    assert "who@x.org" in by_name.stderr
    assert _mappings(demo_url) == []


def test_save_mapping_as_an_editor_records_the_editor(demo_url, tmp_path):
    spec = write(tmp_path, "m.json", MAPPING)
    assert cli("--db", demo_url, "account", "add", "ed@x.org", "--role", "editor").returncode == 0
    done = cli("--db", demo_url, "save-mapping", "m1", str(spec), "--as", "ed@x.org")
    assert done.returncode == 0, done.stderr
    named = cli("--db", demo_url, "save-mapping", "m2", str(spec), "--user", "Jane Planner")
    assert named.returncode == 0
    assert sorted(_mappings(demo_url)) == [("m1", "ed@x.org"), ("m2", "Jane Planner")]
    nobody = cli("--db", demo_url, "save-mapping", "m3", str(spec), "--as", "nobody@x.org")
    assert nobody.returncode == 1 and len(_mappings(demo_url)) == 2
