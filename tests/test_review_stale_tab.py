"""A review tab acts on the submission it shows (stop 29, finding 16): two tabs of one editor (or two
editors) show the same pending submission; the first approves it; the second, still showing it, clicks
approve or return: it is told, in its language, that the submission was already dealt with, and nothing
else happens — no other submission is approved or returned in its place. The engine refuses acting on
a submission that is no longer pending, whoever asks."""
from __future__ import annotations

import pytest

from indicators import accounts as A
from indicators import submissions as S
from indicators.i18n import t
from indicators.store import list_batches, open_store

from .test_review_page import review_page

EDITOR = "relecture@demo.test"


def _two_tabs(demo_url, lang: str):
    """The store with its two pending demo submissions, and two tabs of one editor on the same one."""
    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, EDITOR, "editor", None, "pw-1234567")
    pending = [s["submission_id"] for s in S.listing(engine, A.OPERATOR, S.PENDING)]
    assert len(pending) >= 2, pending
    shown = pending[-1]             # not the first of the list: a re-pick would fall on another one
    tabs = []
    for _ in range(2):
        at = review_page({"lang": lang}, {"_account": EDITOR})
        at.selectbox(key="review_pick").set_value(shown).run()
        assert not at.exception, at.exception
        assert at.selectbox(key="review_pick").value == shown
        tabs.append(at)
    return engine, pending, shown, tabs


def _comment_box(at, lang: str):
    return next(a for a in at.text_area if a.label == t("submission_comment", lang))


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_stale_tab_approving_is_told_and_approves_nothing_else(demo_url, lang):
    engine, pending, shown, (first, stale) = _two_tabs(demo_url, lang)
    batches = len(list_batches(engine))
    first.button(key="review_approve").click().run()
    assert not first.exception, first.exception
    assert any(t("cli_imported", lang, batch=int(list_batches(engine).iloc[0]["batch_id"])) == s.value
               for s in first.success), [s.value for s in first.success]

    stale.button(key="review_approve").click().run()       # still showing `shown`, approved by the first tab
    assert not stale.exception, stale.exception
    told = t("submission_not_pending", lang, id=shown, state=f" ({t('submission_approved', lang)})")
    assert told in [e.value for e in stale.error], [e.value for e in stale.error]
    assert not stale.success, [s.value for s in stale.success]
    states = {s["submission_id"]: s["status"] for s in S.listing(engine, A.OPERATOR)}
    assert states[shown] == S.APPROVED
    assert all(states[i] == S.PENDING for i in pending if i != shown), states     # the others wait, untouched
    assert len(list_batches(engine)) == batches + 1                                # one import, not two


def test_a_stale_tab_returning_is_told_and_returns_nothing_else(demo_url):
    engine, pending, shown, (first, stale) = _two_tabs(demo_url, "fr")
    first.button(key="review_approve").click().run()
    _comment_box(stale, "fr").input("Ajoutez le flag p.")
    stale.button(key="review_return").click().run()
    assert not stale.exception, stale.exception
    told = t("submission_not_pending", "fr", id=shown, state=f" ({t('submission_approved', 'fr')})")
    assert told in [e.value for e in stale.error], [e.value for e in stale.error]
    rows = {s["submission_id"]: s for s in S.listing(engine, A.OPERATOR)}
    assert all(rows[i]["status"] == S.PENDING and not rows[i]["comment"] for i in pending if i != shown), rows
    # the comment typed for one submission is not offered for the one the tab shows now
    assert stale.selectbox(key="review_pick").value != shown
    assert _comment_box(stale, "fr").value in ("", None)


def test_the_engine_refuses_acting_on_a_submission_no_longer_pending_in_the_readers_language(demo_url):
    engine = open_store(demo_url)
    editor = A.add_account(engine, A.OPERATOR, EDITOR, "editor", None, "pw-1234567")
    returned = next(s["submission_id"] for s in S.listing(engine, A.OPERATOR) if s["status"] == S.RETURNED)
    for act in (lambda: S.approve(engine, editor, returned), lambda: S.send_back(engine, editor, returned, "x")):
        with pytest.raises(S.NotPending) as refused:
            act()
        assert refused.value.text("nl") == (f"Inzending {returned} is al behandeld (teruggestuurd ter verbetering); "
                                            "er is niets gewijzigd.")
        assert refused.value.text("fr").startswith(f"La soumission {returned} a déjà été traitée")
    assert S.get(engine, editor, returned)["status"] == S.RETURNED


def test_a_stale_tab_redrawn_keeps_showing_its_submission_as_dealt_with_and_offers_no_button(demo_url):
    """Any rerun of the stale tab (a comment typed, a click elsewhere) reads the store again: it says the
    submission on screen was dealt with, and does not swap it for the next one unseen."""
    engine, pending, shown, (first, stale) = _two_tabs(demo_url, "nl")
    first.button(key="review_approve").click().run()
    _comment_box(stale, "nl").input("Voeg vlag p toe.").run()
    assert not stale.exception, stale.exception
    assert stale.selectbox(key="review_pick").value == shown
    state = t("submission_approved", "nl")
    assert t("review_gone", "nl", id=shown, state=state) in [w.value for w in stale.warning]
    assert not [b for b in stale.button if b.key in ("review_approve", "review_return")]
    other = next(i for i in pending if i != shown)
    stale.selectbox(key="review_pick").set_value(other).run()          # another one chosen: its buttons
    assert {"review_approve", "review_return"} <= {b.key for b in stale.button}
    assert S.get(engine, A.OPERATOR, other)["status"] == S.PENDING
