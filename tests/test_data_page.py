"""The Data page: editors only, dry run, problems, import visible everywhere, history, rollback, templates."""
from __future__ import annotations

import json

import io

from streamlit.testing.v1 import AppTest

from indicators.auth import hash_password, is_allowed, verify_password
from indicators.i18n import t
from indicators.store import list_batches, open_store, read_table

from .conftest import ROOT, switch_page

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
    switch_page(at, "pages/data.py").run()
    assert not at.exception, at.exception
    return at


def open_tab(at: AppTest, code: str, lang: str = "fr") -> AppTest:
    """Only the open tab is drawn (and the import's, always): choose one as a click would."""
    from indicators.i18n import t

    at.session_state["data_tab"] = t(code, lang)
    at.run()
    assert not at.exception, at.exception
    return at


def sign_in(at: AppTest, name: str = "Camille") -> AppTest:
    at.text_input(key="editor_login_name").input(name)
    at.text_input(key="editor_login_password").input(PASSWORD)
    at.main.button[0].click().run()   # the form's submit button
    assert not at.exception, at.exception
    return at


def uploader(at: AppTest):
    """The Data page's uploader (its key changes after each import, which empties it)."""
    return next(u for u in at.get("file_uploader") if u.key.startswith("uploads"))


def upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    uploader(at).set_value([(name, raw, "text/csv") for name, raw in files]).run()
    assert not at.exception, at.exception
    return at


def problems_table(at: AppTest):
    """The problems as the page shows them: a wrapped table (up to pages.data.WRAPPED_PROBLEMS), else a grid."""
    return at.table[0] if at.table else at.dataframe[1]


def problems_shown(at: AppTest):
    return problems_table(at).value

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
    assert not at.dataframe and not at.get("download_button")   # hidden tabs are not drawn
    open_tab(at, "tab_history")
    text = all_text(at)
    assert "Réservé aux éditeurs" in text
    assert "Aucun mot de passe éditeur n'est défini" in text
    # the set-up is folded for the administrator, not a warning to every visitor
    assert [e.label for e in at.expander if "administrateur" in e.label] == [
        "Pour l'administrateur : aucun accès éditeur n'est configuré"]
    assert not any("mot de passe" in w.value for w in at.warning)
    assert "demo" in at.dataframe[-1].value.to_string()    # the history is visible to all
    history = next(d for d in at.dataframe if "demo" in d.value.to_string())
    config = json.loads(history.proto.columns) if history.proto.columns else {}
    added = next(v for k, v in config.items() if k == "Ajoutées")
    assert added["type_config"]["format"] == "%'\u202f,d"     # 4 001 whatever the browser's locale


def test_a_viewer_checks_a_file_and_sees_the_full_report_but_cannot_import(demo_url):
    at = data_page(lang="nl")
    assert "U kunt een bestand controleren" in all_text(at)
    raw = "indicator_id;territory_id;period;value\nMOB4;59350;2020;1\nMOB04;59350;2026;99,5\n".encode("cp1252")
    before = list_batches(open_store(demo_url))
    upload(at, ("controle.csv", raw))
    problems = problems_shown(at).to_string()
    assert "MOB4" in problems and "MOB04" in problems          # the problem and its suggestion
    assert not [b for b in at.button if b.key == "confirm_import"]
    assert len(list_batches(open_store(demo_url))) == len(before)


def test_a_checked_file_stays_while_the_planner_reads_the_history(demo_url):
    """The history and templates are drawn only when open; the import's tab always is, so that its
    uploaded files and their report survive a look at another tab."""
    at = data_page(lang="en")
    raw = "indicator_id;territory_id;period;value\nMOB4;59350;2020;1\n".encode("cp1252")
    upload(at, ("controle.csv", raw))
    report = all_text(at)
    assert "MOB4" in problems_shown(at).to_string()
    open_tab(at, "tab_history", "en")
    assert at.selectbox(key="history_batch").value == 1
    open_tab(at, "tab_import", "en")
    assert [f.name for f in uploader(at).value] == ["controle.csv"]
    assert "MOB4" in problems_shown(at).to_string() and all_text(at) == report


def test_wrong_password_is_refused(demo_url):
    at = data_page({"editors": {"password_hash": HASH}})
    at.text_input(key="editor_login_name").input("Eve")
    at.text_input(key="editor_login_password").input("guess")
    at.main.button[0].click().run()
    assert "Mot de passe incorrect." in all_text(at)
    assert "Connecté comme éditeur" not in all_text(at)


def test_clean_file_dry_run_then_import_is_visible_on_overview(demo_url):
    at = sign_in(data_page({"editors": {"password_hash": HASH}}))
    assert "Connecté comme éditeur : Camille" in all_text(at)
    raw = "indicateur;territoire;période;valeur\nMOB04;59350;2026;99,5\n".encode("cp1252")
    upload(at, ("releve.csv", raw))
    detected = at.dataframe[0].value
    assert detected.iloc[0].tolist()[:6] == ["releve.csv", "Observations (observations)", "Windows-1252", ";", ",", 1]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Ajoutées"] == "1" and metrics["Modifiées"] == "0"
    engine = open_store(demo_url)
    assert len(list_batches(engine)) == 1                 # the dry run wrote nothing
    at.button(key="confirm_import").click().run()
    assert not at.exception
    assert "Import n°2 enregistré : 1 ajoutée, 0 modifiée, 0 inchangée, 0 écartée." in all_text(at)
    assert not uploader(at).value and "rien de nouveau" not in all_text(at)   # no re-check of the same file
    batches = list_batches(engine)
    assert batches.iloc[0]["user"] == "Camille" and batches.iloc[0]["files"] == "releve.csv"
    obs = read_table(engine, "observations")
    assert obs[(obs.indicator_id == "MOB04") & (obs.period == "2026")]["value"].tolist() == [99.5]
    # AppTest keeps no sidebar after the first run of an st.navigation app, so a new session reads the
    # overview; the browser test checks the same session.
    overview = AppTest.from_file(APP, default_timeout=120)
    overview.run()
    assert any(m.value == "2026" for m in overview.metric), [(m.label, m.value) for m in overview.metric]


def test_a_store_that_cannot_write_is_said_in_the_users_language_and_keeps_the_page(demo_url, tmp_path,
                                                                                     monkeypatch):
    """A refusal of the store (here: no room for a large import's scratch copy) during the check or the
    import is said in the page's language, with nothing written; the rest of the page stays."""
    import tempfile

    from indicators.store import bulk

    monkeypatch.setattr(bulk, "BULK_ROWS", 2)   # this small file takes the large files' path
    at = sign_in(data_page({"editors": {"password_hash": HASH}}))
    raw = "indicateur;territoire;période;valeur\nMOB04;59350;2026;99,5\nMOB04;59350;2027;98\n".encode("cp1252")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "absent"))
    upload(at, ("releve.csv", raw))
    assert not at.exception
    text = all_text(at)
    assert "La copie temporaire d'un gros import n'a pas pu être écrite" in text and "absent" in text
    assert "StoreError" not in text
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))   # the check passes now
    at.run()
    assert at.button(key="confirm_import")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "absent"))   # and the import fails
    at.button(key="confirm_import").click().run()
    assert not at.exception
    assert "rien n'a été écrit" in all_text(at) and "Import n°2" not in all_text(at)
    assert len(list_batches(open_store(demo_url))) == 1


def test_file_with_problems_lists_them_and_cannot_be_imported(demo_url):
    at = sign_in(data_page({"editors": {"password_hash": HASH}}, lang="en"))
    raw = ("indicateur;territoire;période;valeur\nMOB04;59350;2026;12,5\nMOB04;5935;2026;abc\n"
           "MOB4;59350;2027;1\n").encode("cp1252")
    upload(at, ("bad.csv", raw))
    assert "3 problems to fix before importing" in all_text(at)
    problems = problems_shown(at)
    assert set(map(str, problems["Row"])) == {"3", "4"}
    assert "Did you mean 59350?" in problems["Suggestion"].tolist()
    assert not [b for b in at.button if b.key == "confirm_import"]
    at.toggle(key="skip_bad_rows").set_value(True).run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Added"] == "1" and metrics["Rejected"] == "2"
    at.button(key="confirm_import").click().run()
    assert "1 added" in all_text(at) and "2 rejected" in all_text(at)


def test_a_problem_without_suggestion_shows_a_dash_not_none(demo_url):
    # "Le nombre est trop grand" has no suggestion: the grid drew Streamlit's grey "None" there, in
    # English on every page; the Contributions page shows the same tables (pages/data.show_problems).
    at = data_page(lang="fr")
    upload(at, ("trop_grand.csv", "indicateur;territoire;période;valeur\nMOB04;59350;2026;1e400\n".encode("cp1252")))
    detected, problems = at.dataframe[0], problems_table(at)
    assert problems.value["Suggestion"].tolist() == ["–"] and problems.value["Valeur"].tolist() == ["1e400"]
    assert detected.proto.placeholder == "–"


def test_history_shows_changes_and_rollback_needs_confirmation(demo_url):
    at = sign_in(data_page({"editors": {"password_hash": HASH}}, lang="en"))
    first = read_table(open_store(demo_url), "observations").iloc[0]
    raw = (f"indicator_id,territory_id,period,value\n{first.indicator_id},{first.territory_id},"
           f"{first.period},{first.value + 1}\n").encode()
    upload(at, ("fix.csv", raw))
    assert {m.label: m.value for m in at.metric}["Updated"] == "1"
    at.button(key="confirm_import").click().run()
    at = sign_in(data_page({"editors": {"password_hash": HASH}}, lang="en"))   # a new session sees batch 2
    open_tab(at, "tab_history", "en")
    assert at.selectbox(key="history_batch").value == 2                      # newest first
    assert "Values before this batch" in all_text(at)
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Download the previous values (Observations, CSV)" in labels, labels
    assert not at.button(key="rollback_button").value
    assert at.button(key="rollback_button").disabled
    at.checkbox(key="confirm_rollback_2").check().run()
    at.button(key="rollback_button").click().run()
    assert "Batch #2 rolled back" in all_text(at) or "#2 rolled back" in all_text(at)
    after = read_table(open_store(demo_url), "observations").iloc[0]
    assert after.value == first.value


def test_templates_offer_csv_and_xlsx_with_notes(demo_url):
    at = open_tab(data_page(), "tab_templates")
    buttons = at.get("download_button")
    labels = [b.proto.label for b in buttons]
    from indicators.schema import TABLES

    assert labels.count("CSV") == len(TABLES) and labels.count("XLSX") == len(TABLES)   # one per table


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


def test_a_foreign_layout_is_mapped_saved_and_imported(demo_url):
    """An INSEE-style wide file: territory column, fixed period, a column → indicator, saved for next year."""
    from indicators.mappings import mapping_names

    at = sign_in(data_page({"editors": {"password_hash": HASH}}, lang="en"))
    raw = "CODGEO;LIBGEO;P_MUN\n59350;Lille;12,5\n59512;Roubaix;9,5\n".encode("cp1252")
    upload(at, ("insee.csv", raw))
    assert "Files in another layout" in [s.value for s in at.subheader]
    assert at.selectbox(key="map_ter_insee.csv").value == "CODGEO"
    at.text_input(key="map_period_insee.csv").input("2026").run()
    at.session_state["map_values_insee.csv"] = {"edited_rows": {0: {"indicator": "MOB04"}}, "added_rows": [],
                                                "deleted_rows": []}
    at.run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Added"] == "2", (metrics, all_text(at))
    at.text_input(key="map_name_insee.csv").input("insee-p-mun").run()
    at.button(key="map_save_insee.csv").click().run()
    assert "insee-p-mun" in mapping_names(open_store(demo_url))
    at.button(key="confirm_import").click().run()
    obs = read_table(open_store(demo_url), "observations")
    got = obs[(obs.indicator_id == "MOB04") & (obs.period == "2026")].set_index("territory_id")["value"]
    assert got.to_dict() == {"59350": 12.5, "59512": 9.5}
    assert list_batches(open_store(demo_url)).iloc[0]["files"] == "insee.csv"


def test_ten_kinds_of_problems_are_each_reported_and_nothing_written(demo_url):
    at = sign_in(data_page({"editors": {"password_hash": HASH}}, lang="en"))
    raw = ("indicator_id;territory_id;period;value;flag\n"
           "MOB4;59350;2020;1;\n"            # 1 unknown indicator
           "MOB04;5935;2020;1;\n"            # 2 unknown territory
           "MOB04;59350;2020-13;1;\n"        # 3 bad period
           "MOB04;59350;2021;abc;\n"         # 4 not a number
           "MOB04;59350;2022;1e400;\n"       # 5 too large
           "MOB04;59350;2023;12 x;\n"        # 6 unknown flag after the number
           "MOB04;59350;2024;1;q\n"          # 7 flag column: not one of Eurostat's
           ";59350;2024;1;\n"                # 8 required cell empty
           "MOB04;59512;2019;1;\n"
           "MOB04;59512;2019;2;\n"           # 9 two values for one key
           "MOB04;59512;2018;1;\n"
           "MOB04;59512;2018;1;\n").encode("cp1252")   # 10 duplicate row
    before = list_batches(open_store(demo_url))
    upload(at, ("ten.csv", raw))
    problems = problems_shown(at)
    messages = " | ".join(problems["Problem"])
    for words in ("Unknown indicator code", "Unknown territory code", "Not a period", "Not a number",
                  "too large", "Unknown flag", "value is required",
                  "Two different values", "same row appears again"):
        assert words in messages, words
    assert messages.count("Unknown flag") == 2   # after the number (6) and in the flag column (7)
    assert not [b for b in at.button if b.key == "confirm_import"]
    assert len(list_batches(open_store(demo_url))) == len(before)


def test_a_viewer_has_no_way_to_import(demo_url):
    at = AppTest.from_file(APP, default_timeout=120)
    for key in ("editor", "role", "user"):
        at.query_params[key] = "admin"
    at.secrets["editors"] = {"password_hash": HASH}
    at.run()
    switch_page(at, "pages/data.py").run()
    upload(at, ("ok.csv", "indicator_id;territory_id;period;value\nMOB04;59350;2026;99,5\n".encode()))
    assert len(at.metric) >= 4          # checked: the dry run's counts are shown to a viewer too
    assert not [b for b in at.button if b.key in ("confirm_import", "rollback_button")]


def test_the_dry_run_reads_in_the_planners_words(demo_url):
    at = sign_in(data_page({"editors": {"password_hash": HASH}}, lang="fr"))
    engine = open_store(demo_url)
    obs = read_table(engine, "observations")
    row = obs[obs.territory_id == "59350"].iloc[-1]
    raw = f"indicator_id;territory_id;period;value;flag\n{row.indicator_id};59350;{row.period};1234,5;bp\n".encode()
    upload(at, ("maj.csv", raw))
    changes = next(d.value for d in at.dataframe if "Ce qui change (ancienne → nouvelle)" in d.value.columns)
    text = changes.to_string()
    assert row.indicator_id in text and "59350" in text and "Lille" in text     # codes with their names
    what = changes["Ce qui change (ancienne → nouvelle)"].iloc[0]   # after the codes, before their names
    assert "1 234,5" in what.replace("\u202f", " ").replace("\u00a0", " ")   # French number format
    assert "rupture de série, provisoire" in what                               # flags as words
    for schema_word in ("value_old", "flag_old", "None", "nan"):
        assert schema_word not in text, schema_word


def test_one_broken_file_among_several_is_named_and_the_others_still_checked(demo_url, tmp_path):
    from .corpus.hostile.cases import xlsx_billion_laughs

    xlsx_billion_laughs(tmp_path / "doctype.xlsx")
    at = data_page(lang="en")
    good = "indicator_id;territory_id;period;value\nMOB04;59350;2026;99,5\n".encode()
    upload(at, ("good.csv", good), ("doctype.xlsx", (tmp_path / "doctype.xlsx").read_bytes()))
    assert not at.exception
    detected = at.dataframe[0].value
    assert "good.csv" in detected.iloc[:, 0].tolist()                  # the good file was read and checked
    problems = problems_shown(at)
    assert problems["File"].tolist() == ["doctype.xlsx"] and "DOCTYPE" in problems["Problem"].iloc[0]
    assert "Unexpected" not in all_text(at) and "Traceback" not in all_text(at)


def test_a_viewer_is_not_told_to_import_and_sees_every_problem_whole(demo_url):
    """A viewer cannot import: the page used to end with "or choose to import without the rows in error";
    the problems came in a grid that cut the suggestion at the page's edge."""
    from pages.data import WRAPPED_PROBLEMS

    at = data_page(lang="en")
    raw = "indicator_id;territory_id;period;value\nMOB04;5935;2026;abc\n".encode()
    upload(at, ("bad.csv", raw))
    text = all_text(at)
    assert t("fix_then_retry_viewer", "en") in text and t("fix_then_retry", "en") not in text
    assert at.table and "Did you mean 59350?" in at.table[0].value["Suggestion"].tolist()
    many = "indicator_id;territory_id;period;value\n" + "".join(f"MOB04;59350;{1950 + i};abc\n"
                                                              for i in range(WRAPPED_PROBLEMS + 1))
    upload(at, ("many.csv", many.encode()))
    assert not at.table and len(at.dataframe[1].value) == WRAPPED_PROBLEMS + 1     # beyond, a grid
