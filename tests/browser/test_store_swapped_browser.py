"""The store changes under an open page (outside tester Y, stop 31): in a real browser.

- Findings 3 and 4: while another writer holds the store, "Confirmer l'import" is disabled at once and a
  spinner says the import waits; a second click imports nothing more: one upload, one batch.
- Finding 2: the store's file deleted under an open page is said in the page's language within seconds,
  and a store made again at that path is shown by itself, without a reload.
"""
from __future__ import annotations

import re
import shutil
import sqlite3

import pytest
from playwright.sync_api import expect

from indicators.auth import hash_password
from indicators.i18n import t
from indicators.store import list_batches, open_store
from indicators.store.identity import set_strategy_names

from .conftest import start_app, stop_app, wait_for_app

PASSWORD = "browser-test-password"


@pytest.fixture
def editor_app(demo_store_file, tmp_path):
    store = tmp_path / "app.sqlite"
    shutil.copy(demo_store_file, store)
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[editors]\npassword_hash = "{hash_password(PASSWORD, iterations=1000)}"\n')
    proc, url = start_app(store, "--secrets.files", str(secrets))
    yield url, store
    stop_app(proc)


def _checked_upload(page, url: str, tmp_path) -> None:
    page.goto(url + "/data?lang=fr")
    wait_for_app(page)
    page.get_by_label(t("editor_name", "fr")).fill("Ed Itor")
    page.get_by_label(t("editor_password", "fr")).fill(PASSWORD)
    page.get_by_role("button", name=t("sign_in", "fr")).click()
    wait_for_app(page)
    upload = tmp_path / "small2.csv"
    upload.write_text("indicator_id,territory_id,period,value\nMOB04,59350,2027,13.5\n")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(upload))
    wait_for_app(page)
    expect(page.get_by_role("button", name=t("confirm_import", "fr"))).to_be_enabled()


def _colleague_writing(store):
    """Another writer holding the store (a colleague's long import): released by the caller."""
    colleague = sqlite3.connect(store, isolation_level=None, timeout=30)
    colleague.execute("BEGIN IMMEDIATE")
    colleague.execute("UPDATE meta SET value = value WHERE key = 'data_version'")
    return colleague


def _imported_once(page, store, before: int) -> None:
    expect(page.get_by_text(re.compile(r"Import n°\d+ enregistré : 1 ajoutée"))).to_be_visible(timeout=60_000)
    wait_for_app(page)
    batches = list_batches(open_store(f"sqlite:///{store}"))
    assert len(batches) == before + 1, batches[["batch_id", "created_at", "files", "added", "unchanged"]]
    assert batches.iloc[0]["files"] == "small2.csv" and batches.iloc[0]["added"] == 1


def test_a_confirmed_import_waiting_for_the_store_is_disabled_said_and_imported_once(page, editor_app, tmp_path):
    url, store = editor_app
    _checked_upload(page, url, tmp_path)
    button = page.get_by_role("button", name=t("confirm_import", "fr"))
    before = len(list_batches(open_store(f"sqlite:///{store}")))
    colleague = _colleague_writing(store)
    try:
        button.click()
        expect(button).to_be_disabled(timeout=5000)
        expect(page.get_by_text(re.compile("^Import en cours d'écriture"))).to_be_visible(timeout=5000)
        button.click(force=True)   # the impatient second click of finding 3
    finally:
        colleague.execute("COMMIT")
        colleague.close()
    _imported_once(page, store, before)


def test_a_run_of_the_page_while_the_import_waits_says_its_outcome(page, editor_app, tmp_path):
    """Streamlit stops the waiting run when the page runs again (here: another tab chosen), at its next
    element or session-state access: the new run waits for the import, then says it."""
    url, store = editor_app
    _checked_upload(page, url, tmp_path)
    before = len(list_batches(open_store(f"sqlite:///{store}")))
    colleague = _colleague_writing(store)
    try:
        page.get_by_role("button", name=t("confirm_import", "fr")).click()
        expect(page.get_by_role("button", name=t("confirm_import", "fr"))).to_be_disabled(timeout=5000)
        page.get_by_role("tab", name=t("tab_templates", "fr")).click()
        expect(page.get_by_role("tab", name=t("tab_templates", "fr"))).to_have_attribute("aria-selected", "true")
    finally:
        colleague.execute("COMMIT")
        colleague.close()
    _imported_once(page, store, before)


def test_a_store_deleted_under_an_open_page_is_said_and_its_successor_shown(page, editor_app):
    url, store = editor_app
    page.goto(url + "/?lang=fr")
    wait_for_app(page)
    expect(page.get_by_text(t("demo_strategy_name", "fr"), exact=True)).to_be_visible()
    for part in (store, store.with_name(store.name + "-wal"), store.with_name(store.name + "-shm")):
        part.unlink(missing_ok=True)
    expect(page.get_by_text(t("store_file_gone", "fr"))).to_be_visible(timeout=20_000)   # the 5 s watcher
    assert not store.exists()
    other = open_store(f"sqlite:///{store}")      # `init` at the same path, and a name
    set_strategy_names(other, {"fr": "REMPLACÉE"})
    other.dispose()
    expect(page.get_by_text("REMPLACÉE", exact=True)).to_be_visible(timeout=20_000)
    expect(page.get_by_text(t("store_file_gone", "fr"))).to_have_count(0)
