"""The small words left wrong at stop 31 (helper Q, stop 32).

1. The command line's lists (`review list`, `account list`, `history`) say states, roles and sign-in kinds in
   words in every language, English included; `--format json` gives scripts the codes (and the store's ISO
   times), and the JSON of `validate` and `progress` keeps DESIGN.md's codes.
2. The Data page's rollback refusals (later approved submissions naming their senders' e-mails, a batch
   rolled back meanwhile by someone) show names and e-mails as written, never as Markdown.
3. Every time a user reads is in the language's words and the region's time (7 déc. 2026 à 14:05), never the
   store's ISO text: lists of the command line, the engine's refusals, the pages, a problem naming today.
4. A notice names its column once, as written in the file (the column beside it), never again inside its
   sentence ("colonne valeur: Colonne valeur : …").
"""
from __future__ import annotations

import datetime
import json
import re

import pytest

from indicators import accounts as A
from indicators import i18n
from indicators import submissions as S
from indicators.cli import main
from indicators.i18n import t
from indicators.importing import import_files
from indicators.store import list_batches, open_store, rollback
from indicators.store.tables import batches

from .helpers import rendered, write

LANGS = ("fr", "nl", "en")
ISO = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
ED, ED2 = "ed@w.test", "ed2@w.test"
# An address as people have them, with what Markdown would take for emphasis, a link, HTML, an address link.
ODD = "_ana_*x*[1]<b>@w.test"
ROW = b"indicator_id;territory_id;period;value\nECO01;200093201;2025;10\n"   # ADULM's indicator, no value yet
# The stored times (UTC) and how each language says them in Brussels' time (winter +1, summer +2).
CREATED, ROLLED = "2026-12-07T13:05:00+00:00", "2026-07-01T08:30:00+00:00"
SAID = {"fr": ("7 déc. 2026 à 14:05", "1 juil. 2026 à 10:30"),
        "nl": ("7 dec 2026 om 14:05", "1 jul 2026 om 10:30"),
        "en": ("7 Dec 2026 at 14:05", "1 Jul 2026 at 10:30")}
ZONE_VAR = "INDICATORS_TIME_ZONE"   # the region's time zone (docs/deployment.md)
STATE_CODES = {"pending", "returned", "approved", "superseded", "rolled_back", "approving"}


@pytest.fixture(autouse=True)
def _brussels(monkeypatch):
    monkeypatch.delenv(ZONE_VAR, raising=False)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


# --------------------------------------------------------------------------- 1: lists in words, JSON in codes

def _lists(engine) -> dict:
    """An approved submission whose batch is rolled back, a pending one from ODD, a local and an SSO account;
    every time set to CREATED, the rollback to ROLLED."""
    editor = A.add_account(engine, A.OPERATOR, ED, "editor", None, "pw-1234567")
    odd = A.add_account(engine, A.OPERATOR, ODD, "contributor", "ADULM")
    sent = S.submit(engine, odd, "a_b_.csv", ROW).submission_id
    done = S.approve(engine, editor, sent)
    rollback(engine, done.result.batch_id, user="x_y_")
    waiting = S.submit(engine, odd, "w.csv", ROW).submission_id
    with engine.begin() as conn:
        conn.execute(S.submissions.update().values(created_at=CREATED))
        conn.execute(batches.update().values(created_at=CREATED))
        conn.execute(batches.update().where(batches.c.status != "active").values(rolled_back_at=ROLLED))
    return {"rolled": sent, "waiting": waiting, "batch": done.result.batch_id}


@pytest.mark.parametrize("lang", LANGS)
def test_the_command_lines_lists_say_states_roles_and_times_in_words_in_every_language(demo_url, capsys, lang):
    engine = open_store(demo_url)
    made = _lists(engine)
    created, rolled = SAID[lang]

    code, out, _ = run(capsys, "review", "list", "--as", ED, "--db", demo_url, "--lang", lang)
    assert code == 0
    lines = {int(line.split("\t")[0]): line.split("\t") for line in out.splitlines()}
    assert lines[made["rolled"]][1] == t("submission_rolled_back", lang, when=rolled)
    assert lines[made["waiting"]][1] == t("submission_pending", lang)
    assert {line[2] for line in lines.values()} == {created}            # when each was sent, in words
    assert not {line[1] for line in lines.values()} & STATE_CODES and not ISO.search(out)
    assert lines[made["waiting"]][3] == ODD and lines[made["waiting"]][5] == "w.csv"   # as written

    code, out, _ = run(capsys, "account", "list", "--db", demo_url, "--lang", lang)
    accounts = {line.split("\t")[0]: line.split("\t") for line in out.splitlines()}
    assert accounts[ED][1] == t("role_editor", lang) and accounts[ED][4] == t("account_local", lang)
    assert accounts[ODD][1] == t("role_contributor", lang) and accounts[ODD][4] == t("account_sso", lang)
    assert not {line[4] for line in accounts.values()} & {"local", "sso"}

    code, out, _ = run(capsys, "history", "--db", demo_url, "--lang", lang)
    assert code == 0 and not ISO.search(out)
    (line,) = [line for line in out.splitlines() if line.split()[0] == str(made["batch"])]
    assert created in line and t("cli_rolled_back_by", lang, when=rolled, who="x_y_") in line


def test_the_lists_in_json_keep_the_codes_and_the_stored_times_for_scripts(demo_url, capsys):
    engine = open_store(demo_url)
    made = _lists(engine)
    code, out, _ = run(capsys, "review", "list", "--as", ED, "--format", "json", "--db", demo_url, "--lang", "fr")
    subs = {s["submission_id"]: s for s in json.loads(out)}
    assert code == 0 and subs[made["rolled"]]["status"] == "rolled_back" and subs[made["waiting"]]["status"] == "pending"
    assert subs[made["rolled"]]["rolled_back_at"] == ROLLED and subs[made["waiting"]]["created_at"] == CREATED
    assert subs[made["waiting"]]["contributor"] == ODD and subs[made["waiting"]]["contributor_gone"] is False
    code, out, _ = run(capsys, "account", "list", "--format", "json", "--db", demo_url, "--lang", "nl")
    accounts = {a["email"]: a for a in json.loads(out)}
    assert (accounts[ED]["role"], accounts[ED]["sign_in"]) == ("editor", "local")
    assert (accounts[ODD]["role"], accounts[ODD]["sign_in"], accounts[ODD]["partner_id"]) == ("contributor", "sso", "ADULM")
    code, out, _ = run(capsys, "history", "--format", "json", "--db", demo_url, "--lang", "fr")
    listed = {b["batch_id"]: b for b in json.loads(out)}
    assert code == 0 and listed[made["batch"]]["status"] == "rolled_back" and listed[1]["status"] == "active"
    assert listed[made["batch"]]["rolled_back_at"] == ROLLED and listed[made["batch"]]["rolled_back_by"] == "x_y_"
    assert listed[1]["rolled_back_at"] is None and listed[1]["created_at"] == CREATED


def test_the_json_of_validate_and_progress_keeps_designs_codes(demo_url, capsys, tmp_path):
    path = write(tmp_path, "f.csv", "indicateur;territoire;période;valeur\nMOB04;59350;2023;abc\n")
    code, out, _ = run(capsys, "validate", str(path), "--format", "json", "--db", demo_url, "--lang", "fr")
    report = json.loads(out)
    assert code == 1 and report["ok"] is False
    assert {"file", "kind", "encoding", "separator", "decimal", "rows"} <= set(report["files"][0])
    (problem,) = report["problems"]
    assert set(problem) == {"file", "row", "column", "value", "message", "suggestion"}
    assert (problem["row"], problem["column"], problem["value"]) == (2, "valeur", "abc")
    code, out, _ = run(capsys, "progress", "--format", "json", "--db", demo_url, "--lang", "nl")
    progress = json.loads(out)
    statuses = {"achieved", "on_track", "acceleration_needed", "limited_progress", "deterioration", "not_assessed"}
    assert code == 0 and {i["status"] for i in progress["indicators"]} <= statuses
    assert {a["status"] for a in progress["actions"]} <= statuses


# --------------------------------------------------------------------------- 2 and 3: the Data page's refusals

def _data_page(lang: str):
    from .test_data_page import HASH, data_page, open_tab, sign_in

    return open_tab(sign_in(data_page({"editors": {"password_hash": HASH}}, lang=lang)), "tab_history", lang)


def _roll_back_on_the_page(at, batch: int):
    at.selectbox(key="history_batch").set_value(batch).run()
    at.checkbox(key=f"confirm_rollback_{batch}").check().run()
    at.button(key="rollback_button").click().run()
    assert not at.exception, at.exception
    return [e.value for e in at.error]


@pytest.mark.parametrize("lang", LANGS)
def test_a_rollback_refused_for_later_approved_submissions_shows_their_senders_as_written(demo_url, lang):
    engine = open_store(demo_url)
    ed = A.add_account(engine, A.OPERATOR, ED, "editor")
    ed2 = A.add_account(engine, A.OPERATOR, ED2, "editor")
    odd = A.add_account(engine, A.OPERATOR, ODD, "contributor", "ADULM")
    first = S.approve(engine, ed2, S.submit(engine, ed, "a.csv", ROW).submission_id).result.batch_id
    again = S.submit(engine, odd, "b.csv", ROW).submission_id
    later = S.approve(engine, ed, again).result.batch_id          # the same value again: resting on `first`
    at = _data_page(lang)
    (said,) = _roll_back_on_the_page(at, first)
    assert rendered(said) == t("rollback_rests_on", lang, batch=first, subs=again, who=ODD, batches=later)
    assert set(list_batches(engine)["status"]) == {"active"}        # nothing was rolled back


@pytest.mark.parametrize("lang", LANGS)
def test_a_batch_rolled_back_meanwhile_says_who_as_written_and_when_in_words(demo_url, lang):
    engine = open_store(demo_url)
    assert import_files(engine, [("small2.csv", b"indicator_id,territory_id,period,value\nMOB04,59350,2026,12.5\n")],
                        user="Ed Itor").ok
    at = _data_page(lang)
    at.selectbox(key="history_batch").set_value(2).run()
    at.checkbox(key="confirm_rollback_2").check().run()
    rollback(engine, 2, user="*x_y_* <b>")                          # from another tab, or the command line
    with engine.begin() as conn:
        conn.execute(batches.update().where(batches.c.batch_id == 2).values(rolled_back_at=ROLLED))
    at.button(key="rollback_button").click().run()
    assert not at.exception, at.exception
    (said,) = [e.value for e in at.error]
    assert rendered(said) == t("rollback_already_by", lang, batch=2, when=SAID[lang][1], who="*x_y_* <b>")


def test_words_put_into_markdown_are_shown_as_written():
    from pages.safe_markdown import error_said, literal, said
    from indicators.store import StoreError

    for text in (ODD, "a_b_c.csv", "**bold** [site](http://x.example) <img src=x> $x^2$ :red[red] ~~no~~ `code`",
                 ":smile: www.x.be 14:05",
                 "\\_already\\_ 1. # title &lt;", "# heading", "- item", "12. item", "plain words, 7 déc. 2026"):
        assert rendered(literal(text)) == text, literal(text)
    for start in ("# heading", "- item", "+ item", "> quote", "12. item", "3) item"):   # no heading, list, quote
        assert re.match(r"^(\\[#\-+>]|\d+\\[.)])", literal(start)), literal(start)
    assert rendered(said("rollback_already", "fr", batch=3, when=CREATED)) == \
        "Le lot 3 a déjà été annulé le 7 déc. 2026 à 14:05 ; rien n'a été modifié."
    refused = StoreError("x", key="rollback_rests_on", batch=2, subs="4", who=ODD, batches="3")
    assert rendered(error_said(refused, "nl")) == t("rollback_rests_on", "nl", batch=2, subs="4", who=ODD, batches="3")
    assert rendered(error_said(StoreError("An *odd* <refusal>"), "en")) == "An *odd* <refusal>"


# --------------------------------------------------------------------------- 3: times in words everywhere

@pytest.mark.parametrize("lang", LANGS)
def test_a_stored_time_is_said_in_the_language_and_the_regions_time(lang):
    created, rolled = SAID[lang]
    assert i18n.when(CREATED, lang) == created and i18n.when(ROLLED, lang) == rolled
    assert i18n.when(datetime.datetime(2026, 12, 7, 13, 5), lang) == created    # a time without zone: the store's
    assert i18n.when(datetime.date(2026, 12, 7), lang) == {"fr": "7 déc. 2026", "nl": "7 dec 2026", "en": "7 Dec 2026"}[lang]
    assert i18n.when(None, lang) == "–" and i18n.when("2024-Q3", lang) == "2024-Q3"   # a period is no moment
    # the engine's refusal passes the stored time: the text says it in words
    assert t("rollback_already", lang, batch=3, when=CREATED) == t("rollback_already", lang, batch=3, when=created)
    assert not ISO.search(t("rollback_already", lang, batch=3, when=CREATED))


def test_another_region_sets_its_time_zone(monkeypatch):
    monkeypatch.setenv(ZONE_VAR, "America/New_York")
    assert i18n.when(CREATED, "en") == "7 Dec 2026 at 08:05"
    monkeypatch.setenv(ZONE_VAR, "Not/AZone")                    # unknown: the default region
    assert i18n.when(CREATED, "en") == "7 Dec 2026 at 14:05"


@pytest.mark.parametrize("lang", LANGS)
def test_rolling_back_twice_at_the_command_line_says_when_in_words(demo_url, capsys, lang):
    engine = open_store(demo_url)
    assert import_files(engine, [("s.csv", b"indicator_id,territory_id,period,value\nMOB04,59350,2026,12.5\n")],
                        user="Ed Itor").ok
    rollback(engine, 2, user="x")
    with engine.begin() as conn:
        conn.execute(batches.update().where(batches.c.batch_id == 2).values(rolled_back_at=ROLLED))
    code, out, err = run(capsys, "rollback", "2", "--db", demo_url, "--lang", lang)
    assert code == 1 and err.strip() == t("rollback_already", lang, batch=2, when=SAID[lang][1])
    assert SAID[lang][1] in err and not ISO.search(err)


@pytest.mark.parametrize("lang", LANGS)
def test_a_future_period_names_today_in_words(lang):
    import pandas as pd

    from indicators.cross_checks import future_problems
    from indicators.schema import TABLES

    frame = pd.DataFrame({"indicator_id": ["MOB01"], "territory_id": ["59350"], "period": ["2031"], "value": [1.0],
                          "_file": ["f.csv"], "_row": [2]})
    (notice,) = future_problems(frame, TABLES["observations"], {}, today=datetime.date(2030, 6, 15))
    day = {"fr": "15 juin 2030", "nl": "15 jun 2030", "en": "15 Jun 2030"}[lang]
    assert f"({day})" in notice.message(lang) and "2030-06-15" not in notice.message(lang)


# --------------------------------------------------------------------------- 4: a notice names its column once

NOTICES = ("months_read", "lost_thousands_read", "formula_not_available", "formula_error_text")


@pytest.mark.parametrize("lang", LANGS)
def test_a_notice_names_its_column_once_as_written(demo_url, capsys, tmp_path, lang):
    from indicators.importing import validate_files

    raw = ("indicateur;territoire;période;valeur;commentaire\n"
           "MOB04;59350;mars-24;#N/A;#REF!\n"
           "MOB04;59350;2023;236?710;y\n").encode("cp1252")
    path = tmp_path / "calc.csv"
    path.write_bytes(raw)
    notices = [p for p in validate_files(open_store(demo_url), [path]).problems if p.code in NOTICES]
    assert sorted(p.code for p in notices) == sorted(NOTICES), [(p.code, p.column) for p in notices]
    for p in notices:
        column = p.column_said(lang)
        assert column in ("période", "valeur", "commentaire"), column            # as written, never `value`
        assert not _named(column, p.message(lang)), p.message(lang)                # beside it, not again in it
    code, out, _ = run(capsys, "validate", str(path), "--format", "json", "--db", demo_url, "--lang", lang)
    said = {n["message"]: n["column"] for n in json.loads(out)["notices"]}
    assert {said[p.message(lang)] for p in notices} == {p.column for p in notices}   # the JSON's column beside it
    code, out, _ = run(capsys, "validate", str(path), "--db", demo_url, "--lang", lang)
    for p in notices:                                                             # "colonne valeur" once
        (line,) = [line for line in out.splitlines() if p.message(lang) in line]
        assert len(_named(p.column, line)) == 1, line


def _named(column: str, text: str) -> list[str]:
    """Where `text` names the column `column` ("colonne valeur", "Kolom valeur", "column valeur")."""
    return re.findall(rf"(?i)\b(?:colonne|kolom|column)\s+{re.escape(column)}\b", text)


@pytest.mark.parametrize("lang", LANGS)
def test_a_repeated_column_is_named_beside_its_message_not_in_it(tmp_path, lang):
    from indicators.importing import validate_files

    path = write(tmp_path, "r.csv", "indicator_id;territory_id;period;note;note;value\nMOB01;59350;2020;a;b;1\n")
    (problem,) = [p for p in validate_files(None, [path]).problems if p.code == "repeated_header"]
    assert problem.column == "note"
    assert "note" not in problem.message(lang) and "(" in problem.message(lang)
