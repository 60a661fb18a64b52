"""Rights kept and said in a real browser (outside tester W, stop 31, findings 2 and 5).

- An editor's own submission is shown without its review buttons (four eyes), with a sentence saying why.
- An editor whom an admin demotes (Contributions) or removes (Data page) between drawing the page and
  clicking its button is told in words that nothing was done; nothing is written.
"""
from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import expect

from indicators import accounts as A
from indicators import submissions as S
from indicators.i18n import t
from indicators.store import list_batches, open_store

from .conftest import start_app, stop_app, wait_for_app

PASSWORD = "rights-test-password"
ED, ED2 = "ed@w.test", "ed2@w.test"
ROW = b"indicator_id;territory_id;period;value\nECO01;200093201;2025;10\n"


@pytest.fixture(scope="module")
def rights_app(demo_store_file, tmp_path_factory):
    store = tmp_path_factory.mktemp("rights") / "app.sqlite"
    shutil.copy(demo_store_file, store)
    proc, url = start_app(store)
    yield url, f"sqlite:///{store}"
    stop_app(proc)


def sign_in(page, url: str, email: str, lang: str) -> None:
    page.goto(f"{url}/review?lang={lang}")
    wait_for_app(page)
    page.get_by_label(t("account_email", lang)).fill(email)
    page.get_by_label(t("account_password", lang), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=t("sign_in", lang), exact=True).click()
    wait_for_app(page)
    expect(page.get_by_role("button", name=t("sign_out", lang))).to_be_visible()


def _pending(engine) -> list[int]:
    return [s["submission_id"] for s in S.listing(engine, A.OPERATOR) if s["status"] == S.PENDING]


def test_the_editors_own_submission_has_no_review_buttons(browser, rights_app):
    url, db = rights_app
    engine = open_store(db)
    editor = A.add_account(engine, A.OPERATOR, ED, "editor", None, PASSWORD, change=True)
    own = S.submit(engine, editor, "mine.csv", ROW).submission_id          # the newest: shown first
    page = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-BE").new_page()
    sign_in(page, url, ED, "nl")
    # the submission drawn in full (its file offered), the run over: then no review button
    expect(page.get_by_role("button", name="Het ingestuurde bestand downloaden")).to_be_visible()
    wait_for_app(page)
    expect(page.get_by_role("button", name="Goedkeuren en importeren")).to_have_count(0)
    expect(page.get_by_text(t("review_own_note", "nl"))).to_be_visible()
    assert own in _pending(engine)


def test_an_editor_demoted_before_clicking_approve_is_told_nothing_was_approved(browser, rights_app):
    url, db = rights_app
    engine = open_store(db)
    A.add_account(engine, A.OPERATOR, ED2, "editor", None, PASSWORD, change=True)
    page = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-FR").new_page()
    sign_in(page, url, ED2, "fr")
    approve = page.get_by_role("button", name=t("review_approve", "fr"))
    expect(approve).to_be_visible()
    pending, batches = _pending(engine), len(list_batches(engine))
    shown = pending[0]                                                      # the newest, first in the queue
    A.add_account(engine, A.OPERATOR, ED2, "viewer", change=True)           # an admin demotes the editor
    approve.click()
    wait_for_app(page)
    expect(page.get_by_text(re.compile(re.escape(ED2) + f".*{shown}"))).to_be_visible()   # said, in a sentence
    why = t("rights_lost_role", "fr", email=ED2, role=t("role_viewer", "fr"))
    expect(page.get_by_text(t("rights_lost_approve", "fr", why=why, id=shown))).to_be_visible()
    assert _pending(engine) == pending and len(list_batches(engine)) == batches


def test_an_editor_removed_before_rolling_back_is_told_nothing_was_changed(browser, rights_app):
    url, db = rights_app
    engine = open_store(db)
    A.add_account(engine, A.OPERATOR, "ed3@w.test", "editor", None, PASSWORD, change=True)
    page = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB").new_page()
    sign_in(page, url, "ed3@w.test", "en")
    page.locator(".st-key-nav").get_by_text(t("page_data", "en"), exact=True).click()
    wait_for_app(page)
    page.get_by_role("tab", name=t("tab_history", "en")).click()
    wait_for_app(page)
    batch = int(list_batches(engine).iloc[0]["batch_id"])
    page.get_by_text(t("rollback_confirm", "en", batch=batch)).click()
    wait_for_app(page)
    button = page.get_by_role("button", name=t("rollback", "en"))
    expect(button).to_be_enabled()
    assert A.remove_account(engine, A.OPERATOR, "ed3@w.test")               # an admin removes the account
    button.click()
    wait_for_app(page)
    expect(page.get_by_text(re.compile(re.escape("ed3@w.test") + ".*nothing was changed"))).to_be_visible()
    why = t("rights_lost_removed", "en", email="ed3@w.test")
    expect(page.get_by_text(t("rights_lost_page", "en", why=why))).to_be_visible()
    assert list_batches(engine).set_index("batch_id").loc[batch, "status"] == "active"
