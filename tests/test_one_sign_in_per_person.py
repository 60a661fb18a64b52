"""One sign-in per person (DESIGN.md "People and rights": an editor imports directly and rolls back): an
account with the editor's or the admin's role, signed in on the Contributions page, is an editor on the
Data page too, whose history offers it the rollback and whose imports name it. A contributor's account
is not; the shared `[editors]` password still signs an editor in (AppTest, real store)."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest

from indicators import accounts as A
from indicators.auth import hash_password
from indicators.i18n import t
from indicators.store import list_batches, open_store

from .conftest import ROOT, switch_page

APP = str(ROOT / "app.py")


def contributions(lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.context = {"locale": f"{lang}-BE"}
    at.query_params["lang"] = lang
    at.run()
    switch_page(at, "pages/review.py").run()
    assert not at.exception, at.exception
    return at


def sign_in_on_contributions(at: AppTest, email: str, password: str) -> AppTest:
    at.text_input(key="account_login_email").input(email)
    at.text_input(key="account_login_password").input(password)
    next(b for b in at.get("form_submit_button") if b.label == t("sign_in", "fr")).click().run()
    assert not at.exception, at.exception
    return at


def to_data_page(at: AppTest, tab: str | None = None) -> AppTest:
    switch_page(at, "pages/data.py").run()
    if tab:
        at.session_state["data_tab"] = t(tab, "fr")
        at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    return "\n".join(str(e.value) for e in (*at.caption, *at.info, *at.warning, *at.markdown))


def test_an_editor_signed_in_on_contributions_imports_and_rolls_back_on_the_data_page(demo_url):
    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, "relecture@demo.test", "editor", None, "pw-1234567", name="Camille Relecture")
    at = sign_in_on_contributions(contributions("fr"), "relecture@demo.test", "pw-1234567")
    assert "review_approve" in {b.key for b in at.button if b.key} or any(
        t("review_none", "fr") in s.value for s in at.success)   # the editor's view of Contributions
    to_data_page(at, "tab_history")
    shown = texts(at)
    assert t("editor_only", "fr") not in shown
    # the account's label as written: its "<" and ">" escaped in the page's Markdown (safe_markdown.literal)
    assert t("signed_in_as", "fr", name="Camille Relecture \\<relecture@demo.test\\>") in shown
    assert at.button(key="rollback_button") is not None          # the rollback is offered to the editor
    at.session_state["data_tab"] = t("tab_import", "fr")
    at.run()
    (uploader,) = [u for u in at.get("file_uploader") if u.key.startswith("uploads")]
    uploader.set_value([("direct.csv", b"indicator_id;territory_id;period;value\nMOB04;59350;2031;12,5\n",
                         "text/csv")]).run()
    assert not at.exception, at.exception
    at.button(key="confirm_import").click().run()
    assert not at.exception, at.exception
    latest = list_batches(engine).iloc[0]
    assert latest["user"] == "Camille Relecture <relecture@demo.test>" and "direct.csv" in latest["files"]


def test_signing_out_on_the_data_page_signs_the_person_out_of_contributions_too(demo_url):
    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, "admin@demo.test", "admin", None, "pw-1234567")
    at = to_data_page(sign_in_on_contributions(contributions("fr"), "admin@demo.test", "pw-1234567"))
    assert t("signed_in_as", "fr", name="admin@demo.test") in texts(at)    # an admin holds the editor's rights
    at.button(key="sign_out").click().run()
    assert t("editor_only", "fr") in texts(at)
    switch_page(at, "pages/review.py").run()
    assert at.text_input(key="account_login_email") is not None


def test_a_contributor_signed_in_on_contributions_is_no_editor_on_the_data_page(demo_url):
    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, "data@west-vlaanderen.be", "contributor", "PROV_WVL", "pw-1234567")
    at = to_data_page(sign_in_on_contributions(contributions("fr"), "data@west-vlaanderen.be", "pw-1234567"),
                      "tab_history")
    shown = texts(at)
    assert t("editor_only", "fr") in shown and "data@west-vlaanderen.be" not in shown
    assert t("editor_account_hint", "fr", page=t("page_review", "fr")) in shown   # where an editor's account signs in
    assert not [b for b in at.button if b.key == "rollback_button"]


def test_the_shared_editor_password_still_signs_an_editor_in(demo_url):
    password = "correct horse battery"
    at = AppTest.from_file(APP, default_timeout=120)
    at.context = {"locale": "fr-BE"}
    at.query_params["lang"] = "fr"
    at.secrets["editors"] = {"password_hash": hash_password(password, iterations=1000)}
    at.run()
    to_data_page(at)
    at.text_input(key="editor_login_name").input("Alice")
    at.text_input(key="editor_login_password").input(password)
    next(b for b in at.get("form_submit_button") if b.label == t("sign_in", "fr")).click().run()
    assert not at.exception, at.exception
    assert t("signed_in_as", "fr", name="Alice") in texts(at)
