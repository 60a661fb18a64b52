"""The Data page: editors only, dry run, problems, import visible everywhere, history, rollback, templates."""
from __future__ import annotations

import io

import pytest
from streamlit.testing.v1 import AppTest

from indicators.auth import hash_password, is_allowed, verify_password
from indicators.store import list_batches, open_store, read_table

from .conftest import ROOT

APP = str(ROOT / "app.py")
PASSWORD = "correct horse battery"
HASH = hash_password(PASSWORD, iterations=1000)   # fewer rounds: the test checks the logic, not the cost


def data_page(secrets: dict | None = None, lang: str = "fr") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.context = {"locale": f"{lang}-BE"}
    at.query_params["lang"] = lang
    if secrets is not None:
        for key, value in secrets.items():
            at.secrets[key] = value
    at.run()
    at.switch_page("pages/data.py").run()
    assert not at.exception, at.exception
    return at


def sign_in(at: AppTest, name: str = "Camille") -> AppTest:
    at.text_input(key="editor_login_name").input(name)
    at.text_input(key="editor_login_password").input(PASSWORD)
    at.button[0].click().run()   # the form's submit button
    assert not at.exception, at.exception
    return at


def upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    at.file_uploader(key="uploads").set_value([(name, raw, "text/csv") for name, raw in files]).run()
    assert not at.exception, at.exception
    return at


def all_text(at: AppTest) -> str:
    parts = [e.value for e in (*at.markdown, *at.caption, *at.info, *at.warning, *at.error, *at.success)]
    return "\n".join(map(str, parts))


def test_password_hash_and_allow_list():
    assert verify_password(PASSWORD, HASH)
    assert not verify_password("wrong", HASH)
    assert not verify_password(PASSWORD, "garbage")
    assert not verify_password(PASSWORD, None)
    assert is_allowed("Planner@MEL.fr", ["planner@mel.fr"]) and not is_allowed("x@y.z", ["planner@mel.fr"])


def test_viewers_see_history_but_cannot_import(demo_url):
    at = data_page()
    text = all_text(at)
    assert "Réservé aux éditeurs" in text
    assert "Aucun mot de passe éditeur n'est défini" in text
    assert not at.get("file_uploader")
    assert "demo" in at.dataframe[0].value.to_string()    # the history is visible to all


def test_wrong_password_is_refused(demo_url):
    at = data_page({"editors": {"password_hash": HASH}})
    at.text_input(key="editor_login_name").input("Eve")
    at.text_input(key="editor_login_password").input("guess")
    at.button[0].click().run()
    assert "Mot de passe incorrect." in all_text(at)
    assert not at.get("file_uploader")


def test_clean_file_dry_run_then_import_is_visible_on_overview(demo_url):
    at = sign_in(data_page({"editors": {"password_hash": HASH}}))
    assert "Connecté comme éditeur : Camille" in all_text(at)
    raw = "indicateur;territoire;période;valeur\nMOB04;59350;2026;99,5\n".encode("cp1252")
    upload(at, ("releve.csv", raw))
    detected = at.dataframe[0].value
    assert detected.iloc[0].tolist()[:6] == ["releve.csv", "observations", "iso-8859-1", ";", ",", 1]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Ajoutées"] == "1" and metrics["Modifiées"] == "0"
    engine = open_store(demo_url)
    assert len(list_batches(engine)) == 1                 # the dry run wrote nothing
    at.button(key="confirm_import").click().run()
    assert not at.exception
    assert "Import n°2 enregistré : 1 ajoutée(s)" in all_text(at)
    batches = list_batches(engine)
    assert batches.iloc[0]["user"] == "Camille" and batches.iloc[0]["files"] == "releve.csv"
    obs = read_table(engine, "observations")
    assert obs[(obs.indicator_id == "MOB04") & (obs.period == "2026")]["value"].tolist() == [99.5]
    # AppTest keeps no sidebar after the first run of an st.navigation app, so a new session reads the
    # overview; the browser test checks the same session.
    overview = AppTest.from_file(APP, default_timeout=120)
    overview.run()
    assert any(m.value == "2026" for m in overview.metric), [(m.label, m.value) for m in overview.metric]


def test_file_with_problems_lists_them_and_cannot_be_imported(demo_url):
    at = sign_in(data_page({"editors": {"password_hash": HASH}}, lang="en"))
    raw = ("indicateur;territoire;période;valeur\nMOB04;59350;2026;12,5\nMOB04;5935;2026;abc\n"
           "MOB4;59350;2027;1\n").encode("cp1252")
    upload(at, ("bad.csv", raw))
    assert "problem(s) to fix before importing" in all_text(at)
    problems = at.dataframe[1].value
    assert set(problems["Row"]) == {3, 4}
    assert "Did you mean 59350?" in problems["Suggestion"].tolist()
    assert not [b for b in at.button if b.key == "confirm_import"]
    at.toggle(key="skip_bad_rows").set_value(True).run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Added"] == "1" and metrics["Rejected"] == "2"
    at.button(key="confirm_import").click().run()
    assert "1 added" in all_text(at) and "2 rejected" in all_text(at)


def test_history_shows_changes_and_rollback_needs_confirmation(demo_url):
    at = sign_in(data_page({"editors": {"password_hash": HASH}}, lang="en"))
    first = read_table(open_store(demo_url), "observations").iloc[0]
    raw = (f"indicator_id,territory_id,period,value\n{first.indicator_id},{first.territory_id},"
           f"{first.period},{first.value + 1}\n").encode()
    upload(at, ("fix.csv", raw))
    assert {m.label: m.value for m in at.metric}["Updated"] == "1"
    at.button(key="confirm_import").click().run()
    at = sign_in(data_page({"editors": {"password_hash": HASH}}, lang="en"))   # a new session sees batch 2
    assert at.selectbox(key="history_batch").value == 2                      # newest first
    assert "Values before this batch" in all_text(at)
    assert not at.button(key="rollback_button").value
    assert at.button(key="rollback_button").disabled
    at.checkbox(key="confirm_rollback_2").check().run()
    at.button(key="rollback_button").click().run()
    assert "Batch #2 rolled back" in all_text(at) or "#2 rolled back" in all_text(at)
    after = read_table(open_store(demo_url), "observations").iloc[0]
    assert after.value == first.value


def test_templates_offer_csv_and_xlsx_with_notes(demo_url):
    at = data_page()
    buttons = at.get("download_button")
    labels = [b.proto.label for b in buttons]
    assert labels.count("CSV") == 8 and labels.count("XLSX") == 8


def test_template_workbook_has_a_notes_sheet_in_the_users_language():
    from openpyxl import load_workbook

    from indicators.exporting import to_xlsx_bytes
    from indicators.templates import notes, template

    raw = to_xlsx_bytes({"observations": template("observations")}, notes={"uitleg": notes("observations", "nl")})
    book = load_workbook(io.BytesIO(raw))
    assert book.sheetnames == ["observations", "uitleg"]
    sheet = book["uitleg"]
    assert [c.value for c in sheet[1]] == ["kolom", "status", "toegestane waarden", "uitleg"]
    assert sheet.max_row == 1 + 7
