"""The Contributions page (AppTest, real store): the role comes from the store, never from the URL or
from what the session holds besides the signed-in e-mail; refusals are said in the page's language."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest

from indicators import accounts as A
from indicators import submissions as S
from indicators.store import open_store

from .conftest import ROOT, switch_page

APP = str(ROOT / "app.py")


def review_page(query: dict, session: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.context = {"locale": "fr-FR", "timezone": "Europe/Paris"}
    for key, value in query.items():
        at.query_params[key] = value
    for key, value in (session or {}).items():
        at.session_state[key] = value
    at.run()
    switch_page(at, "pages/review.py").run()
    assert not at.exception, at.exception
    return at


def _buttons(at: AppTest) -> set[str]:
    return {b.key for b in at.button if b.key}


def test_neither_url_nor_session_state_makes_a_viewer_an_editor(demo_url):
    at = review_page({"lang": "en", "role": "editor", "account": "coordination@demo.lillemetropole.fr"},
                     {"_editor": "Camille", "role": "editor", "_role": "admin"})
    assert "review_approve" not in _buttons(at) and "submit_send" not in _buttons(at)
    assert at.text_input(key="account_login_email") is not None     # a sign-in form, nothing else


def test_a_contributor_signed_in_sees_only_its_partners_submissions_and_no_review(demo_url):
    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, "data@west-vlaanderen.be", "contributor", "PROV_WVL", "pw-1234567")
    at = review_page({"lang": "nl"})
    at.text_input(key="account_login_email").input("data@west-vlaanderen.be")
    at.text_input(key="account_login_password").input("pw-1234567")
    at.get("form_submit_button")[0].click().run()
    assert not at.exception, at.exception
    assert "review_approve" not in _buttons(at)
    assert at.title[0].value == "Bijdragen"
    shown = next((d.value for d in at.dataframe if "#" in d.value.columns), None)
    theirs = S.listing(engine, A.find(engine, "data@west-vlaanderen.be"))
    assert theirs and all(s["partner_id"] == "PROV_WVL" for s in theirs)
    assert shown is not None and set(shown["#"]) == {s["submission_id"] for s in theirs}


def test_an_admin_adds_a_contributor_from_the_panel_and_a_bad_entry_is_refused_in_words(demo_url):
    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, "admin@mel.fr", "admin", None, "admin-pass-1")
    at = review_page({"lang": "fr"})
    at.text_input(key="account_login_email").input("admin@mel.fr")
    at.text_input(key="account_login_password").input("admin-pass-1")
    at.get("form_submit_button")[0].click().run()
    at.text_input(key="account_add_email").input("data@leiedal.be")
    at.selectbox(key="account_add_role").set_value("contributor")
    at.get("form_submit_button")[0].click().run()          # no partner: refused, said in French
    assert not at.exception, at.exception
    assert any("--partner" in e.value for e in at.error) and A.find(engine, "data@leiedal.be") is None
    box = at.selectbox(key="account_add_partner")
    box.select_index(box.options.index("Intercommunale Leiedal"))
    at.get("form_submit_button")[0].click().run()
    assert A.find(engine, "data@leiedal.be") == A.Account("data@leiedal.be", "contributor", "LEIEDAL")
