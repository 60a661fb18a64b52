"""Rights and accounts said in the reader's words (outside tester W, stop 31, findings 1, 5, 6, 7, 8, 10).

1. No command shows "Unexpected error" or the system's English text for a file it cannot read or write:
   `submit` of a missing file, a folder or an unreadable file is said as `import` says it (exit 2), and so
   are save-mapping's, export's and report's files.
5. An account demoted or removed by an admin between drawing a page and clicking its button is told what
   was not done (Contributions: approve, return; Data page: roll back), nothing written.
6. `review approve` without a number says which is missing, in words (exit 2).
7. `account remove` says what it removed, speaks to the admin about an unknown address, and keeps the last
   admin (nor may `account add --change` take the admin's role from it).
8. A partner code in another letter case or with spaces is refused with the partner it most likely meant.
10. `review list` and `account list` print states, roles and sign-in kinds in French and Dutch words.
In-process command line (exit codes), engine, and the pages (AppTest), in French, Dutch and English.
"""
from __future__ import annotations

import errno
from pathlib import Path

import pytest

from indicators import accounts as A
from indicators import i18n
from indicators import submissions as S
from indicators.cli import main
from indicators.i18n import t
from indicators.store import StoreError, list_batches, open_store, rollback

from .test_one_sign_in_per_person import contributions, to_data_page
from .test_review_page import review_page

ED, ADULM = "ed@w.test", "c@w.test"
ROW = b"indicator_id;territory_id;period;value\nECO01;200093201;2025;10\n"   # ECO01: ADULM's
# What never reaches the reader: the catch-all's words and the system's own English.
NEVER = ("Unexpected error", "Erreur imprévue", "Onverwachte fout", "Errno", "No such file", "Permission denied",
         "Is a directory", "FileNotFoundError", "PermissionError", "Traceback")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def _clean(text: str) -> bool:
    return not any(word in text for word in NEVER)


# --------------------------------------------------------------------------- 1: files

@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_submit_says_a_missing_a_folder_or_an_unreadable_file_in_words(demo_url, tmp_path, capsys, monkeypatch,
                                                                         lang):
    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, ADULM, "contributor", "ADULM")
    queue = S.listing(engine, A.OPERATOR)
    missing = str(tmp_path / "nofile.csv")
    code, out, err = run(capsys, "submit", missing, "--as", ADULM, "--db", demo_url, "--lang", lang)
    assert (code, out, err.strip()) == (2, "", t("cli_no_such_file", lang, file=missing))
    code, out, err = run(capsys, "submit", str(tmp_path), "--as", ADULM, "--db", demo_url, "--lang", lang)
    assert (code, err.strip()) == (2, t("cli_is_folder", lang, file=str(tmp_path)))
    locked = tmp_path / "locked.csv"
    locked.write_bytes(ROW)

    def denied(self):
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    code, out, err = run(capsys, "submit", str(locked), "--as", ADULM, "--db", demo_url, "--lang", lang)
    monkeypatch.undo()
    assert code == 2 and err.strip() == t("cli_file_refused", lang, file=str(locked),
                                          reason=t("os_reason_denied", lang))
    assert S.listing(engine, A.OPERATOR) == queue


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_no_command_shows_the_systems_english_for_a_file(demo_url, tmp_path, capsys, monkeypatch, lang):
    """Every command that takes a file: validate, import, submit, save-mapping (read), export and report
    (written), each with a file the system refuses."""
    db = ["--db", demo_url, "--lang", lang]
    in_the_way = tmp_path / "a_file"
    in_the_way.write_text("x")
    said = []
    for args in (["validate", str(tmp_path / "no.csv")], ["import", str(tmp_path / "no.csv")],
                 ["submit", str(tmp_path / "no.csv"), "--as", "coordination@demo.lillemetropole.fr"],
                 ["save-mapping", "m", str(tmp_path / "no.json")], ["save-mapping", "m", str(tmp_path)],
                 ["report", str(in_the_way / "report.html")]):
        code, out, err = run(capsys, *args, *db)
        said.append(err)
        assert code == 2 and err.strip() and _clean(err), (args, code, err)
    assert said[-1].strip() == t("cli_file_refused", lang, file=str(in_the_way), reason=t("os_reason_not_folder", lang))

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "out.csv"))

    monkeypatch.setattr("indicators.exporting.export", denied)
    code, _, err = run(capsys, "export", str(tmp_path / "out.csv"), *db)
    assert code == 2 and err.strip() == t("cli_export_cannot_write", lang, file=str(tmp_path / "out.csv"),
                                          detail=t("os_reason_denied", lang))
    spec = tmp_path / "m.json"
    spec.write_text("{}")
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: denied())
    code, _, err = run(capsys, "save-mapping", "m", str(spec), *db)
    assert code == 2 and err.strip() == t("cli_cannot_read", lang, file=str(spec), detail=t("os_reason_denied", lang))


# --------------------------------------------------------------------------- 5: rights lost between two clicks

@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_an_editor_demoted_or_removed_before_clicking_is_told_nothing_was_done(demo_url, lang):
    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, ED, "editor")
    pending = [s["submission_id"] for s in S.listing(engine, A.OPERATOR) if s["status"] == S.PENDING]
    at = review_page({"lang": lang}, {"_account": ED})
    assert at.button(key="review_approve") is not None
    A.add_account(engine, A.OPERATOR, ED, "viewer", change=True)           # an admin demotes the editor
    at.button(key="review_approve").click().run()
    assert not at.exception, at.exception
    assert at.error and ED in at.error[0].value, "the click was dropped without a word"
    why = t("rights_lost_role", lang, email=ED, role=t("role_viewer", lang))
    assert [e.value for e in at.error] == [t("rights_lost_approve", lang, why=why, id=pending[0])]
    assert [s["submission_id"] for s in S.listing(engine, A.OPERATOR) if s["status"] == S.PENDING] == pending

    A.add_account(engine, A.OPERATOR, ED, "editor", change=True)
    at = review_page({"lang": lang}, {"_account": ED})
    assert A.remove_account(engine, A.OPERATOR, ED)                        # an admin removes the account
    at.button(key="review_return").click().run()
    assert at.error and ED in at.error[0].value, "the click was dropped without a word"
    why = t("rights_lost_removed", lang, email=ED)
    assert [e.value for e in at.error] == [t("rights_lost_return", lang, why=why, id=pending[0])]
    assert [s["submission_id"] for s in S.listing(engine, A.OPERATOR) if s["status"] == S.PENDING] == pending
    at.run()                                                               # said once, not on every run
    assert not at.error


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_an_editor_removed_before_rolling_back_on_the_data_page_is_told(demo_url, lang):
    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, ED, "editor")
    at = contributions(lang)
    at.session_state["_account"] = ED
    at.run()
    to_data_page(at)
    at.session_state["data_tab"] = t("tab_history", lang)
    at.run()
    batch = int(at.selectbox(key="history_batch").value)
    at.checkbox(key=f"confirm_rollback_{batch}").check().run()
    assert A.remove_account(engine, A.OPERATOR, ED)
    at.button(key="rollback_button").click().run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error if ED in e.value], "the click was dropped without a word"
    why = t("rights_lost_removed", lang, email=ED)
    assert t("rights_lost_page", lang, why=why) in [e.value for e in at.error]
    assert list_batches(engine).set_index("batch_id").loc[batch, "status"] == "active"


# --------------------------------------------------------------------------- 6: review without its number

@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_review_without_a_number_says_so(demo_url, capsys, lang):
    for action in ("approve", "return"):
        code, out, err = run(capsys, "review", action, "--as", "coordination@demo.lillemetropole.fr", "--db",
                             demo_url, "--lang", lang)
        assert "ID?" not in err and f"review {action} ID" in err
        assert (code, out, err.strip()) == (2, "", t("cli_review_needs_id", lang, action=action))


# --------------------------------------------------------------------------- 7: account remove

@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_account_remove_says_what_it_did_and_keeps_the_last_admin(demo_url, capsys, lang):
    engine = open_store(demo_url)
    db = ["--db", demo_url, "--lang", lang]
    A.add_account(engine, A.OPERATOR, "gone@w.test", "viewer")
    code, out, _ = run(capsys, "account", "remove", "GONE@w.test", *db)
    assert code == 0 and "gone@w.test" in out, "a removal that says nothing"
    assert out == t("cli_account_removed", lang, email="gone@w.test") + "\n"
    assert A.find(engine, "gone@w.test") is None
    code, out, err = run(capsys, "account", "remove", "nobody@w.test", *db)
    assert (code, err.strip()) == (1, t("cli_account_remove_unknown", lang, email="nobody@w.test"))
    assert t("cli_no_account", lang, email="nobody@w.test") not in err       # not "ask an admin" to the admin

    A.add_account(engine, A.OPERATOR, "boss@w.test", "admin")
    code, out, err = run(capsys, "account", "remove", "BOSS@W.TEST", *db)
    assert (code, err.strip()) == (1, t("account_last_admin", lang, email="boss@w.test"))
    code, out, err = run(capsys, "account", "add", "boss@w.test", "--role", "editor", "--change", *db)
    assert (code, err.strip()) == (1, t("account_last_admin", lang, email="boss@w.test"))
    assert A.find(engine, "boss@w.test").role == "admin"
    A.add_account(engine, A.OPERATOR, "boss2@w.test", "admin")              # another admin: now it may go
    assert run(capsys, "account", "remove", "boss@w.test", *db)[0] == 0
    with pytest.raises(StoreError) as last:
        A.remove_account(engine, A.OPERATOR, "boss2@w.test")
    assert last.value.key == "account_last_admin" and A.find(engine, "boss2@w.test") is not None


# --------------------------------------------------------------------------- 8: a partner's code nearly right

@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_a_partner_code_in_another_case_is_refused_with_the_one_meant(demo_url, capsys, lang):
    engine = open_store(demo_url)
    db = ["--db", demo_url, "--lang", lang]
    for written, meant in ((" adulm ", "ADULM"), ("prov_wvl", "PROV_WVL"), ("Mel", "MEL")):
        code, out, err = run(capsys, "account", "add", "odd@w.test", "--role", "contributor", "--partner", written,
                             *db)
        assert code == 1 and meant in err, "no suggestion of the partner meant"
        assert (code, err.strip()) == (1, t("account_unknown_partner_near", lang, partner=written.strip(),
                                            near=meant))
    code, out, err = run(capsys, "account", "add", "odd@w.test", "--role", "contributor", "--partner", "NOPE", *db)
    assert (code, err.strip()) == (1, t("account_unknown_partner", lang, partner="NOPE"))
    assert A.find(engine, "odd@w.test") is None


# --------------------------------------------------------------------------- 10: states and roles in words

CODES = {"pending", "returned", "approved", "superseded", "rolled_back", "approving"}


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_review_list_and_account_list_print_words_not_codes(demo_url, capsys, lang):
    engine = open_store(demo_url)
    editor = A.add_account(engine, A.OPERATOR, ED, "editor", None, "pw-1234567")
    mel = A.find(engine, "donnees@demo.lillemetropole.fr")
    returned = next(s for s in S.listing(engine, mel) if s["status"] == S.RETURNED)["submission_id"]
    S.submit(engine, mel, "fix.csv", b"indicator_id,territory_id,period,value\nCIT10,200093201,2025,61\n",
             replaces=returned)                                            # the returned one: superseded
    adulm = A.add_account(engine, A.OPERATOR, ADULM, "contributor", "ADULM")
    done = S.approve(engine, editor, S.submit(engine, adulm, "a.csv", ROW).submission_id)
    rollback(engine, done.result.batch_id, user=ED)                        # approved, import rolled back
    code, out, _ = run(capsys, "review", "list", "--as", ED, "--db", demo_url, "--lang", lang)
    assert code == 0
    states = {int(line.split("\t")[0]): line.split("\t")[1] for line in out.splitlines()}
    rows = {s["submission_id"]: s for s in S.listing(engine, A.OPERATOR)}
    assert states == {i: t("submission_rolled_back", lang, when=i18n.when(r["rolled_back_at"], lang))
                      if S.state(r) == S.ROLLED_BACK else t(f"submission_{r['status']}", lang) for i, r in rows.items()}
    assert {S.state(r) for r in rows.values()} >= {S.PENDING, S.SUPERSEDED, S.ROLLED_BACK}
    assert not set(states.values()) & CODES

    code, out, _ = run(capsys, "account", "list", "--db", demo_url, "--lang", lang)
    lines = {line.split("\t")[0]: line.split("\t") for line in out.splitlines()}
    assert lines[ED][1] == t("role_editor", lang) and lines[ED][4] == t("account_local", lang)
    assert lines[ADULM][1] == t("role_contributor", lang) and lines[ADULM][4] == t("account_sso", lang)
    assert not {line[4] for line in lines.values()} & {"local", "sso"}
