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


def signed_in(query: dict, email: str, password: str) -> AppTest:
    """The page after signing in through its own form (a local account)."""
    at = review_page(query)
    at.text_input(key="account_login_email").input(email)
    at.text_input(key="account_login_password").input(password)
    at.get("form_submit_button")[0].click().run()
    return at


def _buttons(at: AppTest) -> set[str]:
    return {b.key for b in at.button if b.key}


def test_neither_url_nor_session_state_makes_a_viewer_an_editor(demo_url):
    at = review_page({"lang": "en", "role": "editor", "account": "coordination@demo.lillemetropole.fr"},
                     {"_editor": "Camille", "role": "editor", "_role": "admin"})
    assert "review_approve" not in _buttons(at) and "submit_send" not in _buttons(at)
    assert at.text_input(key="account_login_email") is not None     # a sign-in form, nothing else
    assert not [w for w in at.text_input if w.key and w.key.startswith("typed_value_")]   # no typing form


def test_a_contributor_asking_for_the_editors_rights_by_url_or_session_state_gets_none(demo_url):
    """Signed in as a contributor, a URL or session state naming the editor's role or another partner's
    submission gives neither the review nor that partner's drafts."""
    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, "data@west-vlaanderen.be", "contributor", "PROV_WVL", "pw-1234567")
    other = next(s for s in S.listing(engine, A.OPERATOR) if s["partner_id"] != "PROV_WVL")
    at = review_page({"lang": "en", "role": "editor", "partner": other["partner_id"]},
                     {"_account": "data@west-vlaanderen.be", "review_pick": other["submission_id"], "_role": "admin"})
    assert not at.exception, at.exception
    assert "review_approve" not in _buttons(at) and "review_return" not in _buttons(at)
    shown = next(d.value for d in at.dataframe if "#" in d.value.columns)
    assert other["submission_id"] not in set(shown["#"])
    assert at.selectbox(key="typed_territory") is not None     # its own typing form, nothing more


def test_a_contributor_signed_in_sees_only_its_partners_submissions_and_no_review(demo_url):
    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, "data@west-vlaanderen.be", "contributor", "PROV_WVL", "pw-1234567")
    at = signed_in({"lang": "nl"}, "data@west-vlaanderen.be", "pw-1234567")
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
    said = [e.value for e in at.error]   # in French, naming no command-line option (the page has a field)
    assert any("partenaire" in e and "--" not in e for e in said) and A.find(engine, "data@leiedal.be") is None
    box = at.selectbox(key="account_add_partner")
    box.select_index(box.options.index("Intercommunale Leiedal"))
    at.get("form_submit_button")[0].click().run()
    assert A.find(engine, "data@leiedal.be") == A.Account("data@leiedal.be", "contributor", "LEIEDAL")


def test_the_editor_reads_a_submissions_changes_in_words_as_on_the_data_page(demo_url):
    """The dry run of a pending submission: indicator and territory names, old and new values in the
    page's format, not the store's raw columns."""
    import pandas as pd

    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, "relecture@demo.test", "editor", None, "pw-1234567")
    A.add_account(engine, A.OPERATOR, "data@west-vlaanderen.be", "contributor", "PROV_WVL", "pw-1234567")
    contributor = A.find(engine, "data@west-vlaanderen.be")
    obs = pd.read_csv(ROOT / "data" / "demo" / "observations.csv", dtype=str)
    owned = set(pd.read_csv(ROOT / "data" / "demo" / "indicators.csv", dtype=str)
                .query("owner == 'PROV_WVL'")["indicator_id"])
    row = obs[obs["indicator_id"].isin(owned) & obs["value"].notna()].iloc[0]
    content = ("indicator_id;territory_id;period;value\n"
               f"{row['indicator_id']};{row['territory_id']};{row['period']};{float(row['value']) + 1234.5:.1f}\n")
    sent = S.submit(engine, contributor, "correction.csv", content.encode("utf-8"))
    assert sent.submission_id is not None, [p.as_dict() for p in sent.checked.problems]
    at = signed_in({"lang": "fr"}, "relecture@demo.test", "pw-1234567")
    at.selectbox(key="review_pick").set_value(sent.submission_id).run()
    assert not at.exception, at.exception
    changed = [d.value for d in at.dataframe if "Indicateur" in d.value.columns]
    assert changed, [list(d.value.columns) for d in at.dataframe]
    table = changed[-1]
    assert "indicator_id" not in table.columns and "value_old" not in table.columns
    assert any(row["indicator_id"] in str(v) for v in table["Indicateur"])


def test_the_submission_uploader_states_the_submissions_limit(demo_url):
    from indicators import limits

    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, "data@west-vlaanderen.be", "contributor", "PROV_WVL", "pw-1234567")
    at = signed_in({"lang": "fr"}, "data@west-vlaanderen.be", "pw-1234567")
    (uploader,) = [u for u in at.get("file_uploader") if u.proto.id.endswith("submit_upload")]
    assert uploader.proto.max_upload_size_mb == limits.get("MAX_SUBMISSION_BYTES") // (1024 * 1024) == 20
