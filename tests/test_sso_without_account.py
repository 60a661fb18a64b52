"""Single sign-on on the Contributions page (AppTest, real store, `[auth]` in the secrets): a person signed in
by the organisation's login whose e-mail has no account is told so in the page's language, who to ask,
and may sign out; it used to get the sign-in button again, as if the sign-in had not happened. An e-mail
that has an account gets that account's role and partner."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from indicators import accounts as A
from indicators.i18n import LANGS, t
from indicators.store import open_store

from .conftest import ROOT, switch_page

APP = str(ROOT / "app.py")
PARTNER = "MEL"
AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "s" * 32,
        "client_id": "monitor", "client_secret": "secret",
        "server_metadata_url": "http://localhost:1/.well-known/openid-configuration"}


def contributions(lang: str, user: dict) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.secrets["auth"] = AUTH
    at.user = user
    at.query_params["lang"] = lang
    at.run()
    switch_page(at, "pages/review.py").run()
    assert not at.exception, at.exception
    return at


def shown(at: AppTest) -> str:
    return "\n".join(str(e.value) for e in (*at.caption, *at.info, *at.warning, *at.markdown))


@pytest.mark.parametrize("lang", LANGS)
def test_signed_in_without_an_account_is_told_who_to_ask_and_may_sign_out(demo_url, lang):
    at = contributions(lang, {"is_logged_in": True, "name": "Noa", "email": "noa@partner.test"})
    (warning,) = [w.value for w in at.warning if "noa@partner.test" in w.value]
    assert warning == t("account_sso_unknown", lang, email="noa@partner.test")
    assert "account_oidc" not in {b.key for b in at.button}           # not offered the sign-in again
    assert "account_sign_out" in {b.key for b in at.button}
    assert t("review_sign_in_hint", lang) not in shown(at)


def test_signed_out_gets_the_organisation_sign_in(demo_url):
    at = contributions("nl", {"is_logged_in": False})
    assert "account_oidc" in {b.key for b in at.button}
    assert t("review_sign_in_hint", "nl") in shown(at)
    assert not [w for w in at.warning if "@" in w.value]


def test_an_email_with_an_account_gets_its_role(demo_url):
    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, "noa@partner.test", "contributor", PARTNER, None, name="Noa")
    at = contributions("fr", {"is_logged_in": True, "name": "Noa", "email": "noa@partner.test"})
    text = shown(at)
    assert t("role_contributor", "fr") in text and t("account_sso_unknown", "fr", email="noa@partner.test") not in text
