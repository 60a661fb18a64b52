"""Names, e-mails, file names, comments and the engine's refusals shown as written on the Contributions, Data
(editor's sign-in), Health pages and the shared page frame (helper U, stop 32): never emphasis, a link,
HTML or a colour. Each shown text is the page's Markdown source; a backslash before each mark keeps it as
written (`rendered` reads it back as a CommonMark reader shows it). AppTest, real store."""
from __future__ import annotations


import pytest

from indicators import accounts as A
from indicators import submissions as S
from indicators.i18n import t
from indicators.store import open_store

from .helpers import rendered
from .test_one_sign_in_per_person import contributions, to_data_page
from .test_review_page import review_page

NAME, EMAIL = "_Ana_ *Dupont*", "a_b_c@x.be"                 # the contributor
EDITOR, ED_EMAIL = "*Ed* `x` $y$", "e_d_@x.be"               # the editor who returns
FILE, COMMENT = "*mes*_valeurs_.csv", "[lien](http://x) <b>gras</b> :red[rouge]"
ROW = b"indicator_id;territory_id;period;value\nECO01;200093201;2025;10\n"   # ECO01: ADULM's


def _shown(elements, words: str) -> list[str]:
    """The elements' texts (their Markdown source) that show `words` as written."""
    found = [e.value for e in elements if words in rendered(str(e.value))]
    assert found, f"{words!r} not shown as written in {[e.value for e in elements]}"
    return found


def _returned(engine) -> int:
    A.add_account(engine, A.OPERATOR, EMAIL, "contributor", "ADULM", "pw-1234567", name=NAME)
    A.add_account(engine, A.OPERATOR, ED_EMAIL, "editor", None, "pw-1234567", name=EDITOR)
    sent = S.submit(engine, A.find(engine, EMAIL), FILE, ROW, None)
    S.send_back(engine, A.find(engine, ED_EMAIL), sent.submission_id, COMMENT)
    return sent.submission_id


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_contributor_reads_its_name_and_the_reviewers_comment_as_written(demo_url, lang):
    engine = open_store(demo_url)
    sid = _returned(engine)
    at = review_page({"lang": lang}, {"_account": EMAIL})
    caption = _shown(at.caption, f"{NAME} <{EMAIL}>")[0]
    assert "\\_Ana\\_ \\*Dupont\\*" in caption and "a\\_b\\_c@x.be" in caption
    note = _shown(at.warning, COMMENT)[0]
    assert rendered(note) == t("submission_returned_note", lang, id=sid, file=FILE,
                               reviewer=ED_EMAIL, comment=COMMENT)
    assert "\\[lien\\](http:\u200b//x)" in note and "\\<b\\>" in note and "\\:red\\[rouge\\]" in note


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_editor_reads_a_removed_senders_address_and_its_own_lost_rights_as_written(demo_url, lang):
    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, EMAIL, "contributor", "ADULM", "pw-1234567", name=NAME)
    A.add_account(engine, A.OPERATOR, ED_EMAIL, "editor", None, "pw-1234567", name=EDITOR)
    sent = S.submit(engine, A.find(engine, EMAIL), FILE, ROW, None)
    assert A.remove_account(engine, A.OPERATOR, EMAIL)
    at = review_page({"lang": lang}, {"_account": ED_EMAIL})
    at.selectbox(key="review_pick").set_value(sent.submission_id).run()
    assert not at.exception, at.exception
    assert "\\*Ed\\* \\`x\\` \\$y\\$" in _shown(at.caption, f"{EDITOR} <{ED_EMAIL}>")[0]
    gone = _shown(at.info, EMAIL)[0]
    assert "a\\_b\\_c@x.be" in gone
    assert rendered(gone) == t("review_contributor_gone", lang, email=EMAIL)

    A.add_account(engine, A.OPERATOR, ED_EMAIL, "viewer", change=True)    # demoted before clicking
    at.button(key="review_approve").click().run()
    assert not at.exception, at.exception
    error = _shown(at.error, ED_EMAIL)[0]
    assert "e\\_d\\_@x.be" in error
    why = t("rights_lost_role", lang, email=ED_EMAIL, role=t("role_viewer", lang))
    assert rendered(error) == t("rights_lost_approve", lang, why=why, id=sent.submission_id)


def test_the_data_page_names_the_signed_in_editor_as_written(demo_url):
    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, ED_EMAIL, "editor", None, "pw-1234567", name=EDITOR)
    at = contributions("fr")
    at.session_state["_account"] = ED_EMAIL
    at.run()
    to_data_page(at, "tab_history")
    shown = _shown(at.caption, f"{EDITOR} <{ED_EMAIL}>")
    assert any(rendered(c) == t("signed_in_as", "fr", name=f"{EDITOR} <{ED_EMAIL}>") for c in shown), shown


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_an_admin_refused_an_existing_account_reads_its_address_as_written_and_its_role_in_words(demo_url,
                                                                                                   lang):
    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, "adm@x.be", "admin", None, "admin-pass-1")
    A.add_account(engine, A.OPERATOR, EMAIL, "contributor", "ADULM", "pw-1234567", name=NAME)
    at = review_page({"lang": lang}, {"_account": "adm@x.be"})
    at.text_input(key="account_add_email").input(EMAIL)
    at.selectbox(key="account_add_role").set_value("editor")
    next(b for b in at.get("form_submit_button") if b.label == t("account_save", lang)).click().run()
    assert not at.exception, at.exception
    error = _shown(at.error, EMAIL)[0]
    assert "a\\_b\\_c@x.be" in error
    assert t("role_contributor", lang) in error and ", ADULM" in error      # the role in words, the partner


def test_the_engines_refusals_keep_their_words_and_show_their_names_as_written():
    from indicators.store import StoreError
    from pages.safe_markdown import error_said as error_text

    exists = A.AccountExists("x", key="account_exists", email=EMAIL, role="editor", partner="P_1")
    assert error_text(exists, "fr") == t("account_exists", "fr", email="a\\_b\\_c@x.be", role=t("role_editor", "fr"),
                                         partner=", P\\_1")
    said = error_text(S.NotPending("x", key="submission_not_pending", id=3, state="approved"), "nl")
    assert said == S.NotPending("x", key="submission_not_pending", id=3, state="approved").text("nl")
    assert rendered(error_text(StoreError(f"{FILE} is gone"), "en")) == f"{FILE} is gone"
