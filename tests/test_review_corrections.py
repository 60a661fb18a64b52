"""Correcting a returned submission (stop 29, findings 13 and 4): a returned submission is corrected
once. A second correction of it (a second tab, a colleague of the same partner) is refused, naming the
correction that came first, in the contributor's language, and nothing is kept — the page sends the
correction it showed when the button was drawn, not "no correction" because the returned one went away
meanwhile. Once sent, the confirmation is shown above the tabs (seen whichever tab is open) and the
returned box of the corrected submission goes."""
from __future__ import annotations

import pytest

from indicators import accounts as A
from indicators import submissions as S
from indicators.i18n import t
from indicators.store import open_store

from .test_review_page import review_page

CONTRIBUTOR, EDITOR = "data@west-vlaanderen.be", "relecture@demo.test"


def _returned(demo_url) -> tuple:
    """The store with a returned submission of West Flanders (ECO08, 2031)."""
    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, EDITOR, "editor", None, "pw-1234567")
    wvl = A.add_account(engine, A.OPERATOR, CONTRIBUTOR, "contributor", "PROV_WVL", "pw-1234567")
    sent = S.submit(engine, wvl, "eco08.csv", b"indicator_id;territory_id;period;value\nECO08;BE25;2031;12\n")
    assert sent.submission_id is not None, [p.as_dict() for p in sent.checked.problems]
    S.send_back(engine, A.find(engine, EDITOR), sent.submission_id, "Ajoutez le flag p.")
    return engine, wvl, sent.submission_id


def _fix(value: int) -> bytes:
    return f"indicator_id;territory_id;period;value;flag\nECO08;BE25;2031;{value};p\n".encode()


def test_a_second_correction_of_the_same_returned_submission_is_refused_naming_the_first(demo_url):
    engine, wvl, returned = _returned(demo_url)
    first = S.submit(engine, wvl, "fix_a.csv", _fix(163), replaces=returned).submission_id
    queue = S.listing(engine, A.OPERATOR)
    with pytest.raises(S.StoreError) as refused:
        S.submit(engine, wvl, "fix_b.csv", _fix(164), replaces=returned)
    assert refused.value.text("nl").startswith(f"Inzending {returned} is al verbeterd door inzending {first}; ")
    assert refused.value.text("fr").startswith(f"La soumission {returned} a déjà été corrigée par la soumission "
                                               f"{first} ; ")
    assert S.listing(engine, A.OPERATOR) == queue          # nothing kept


def _tab(lang: str, returned: int):
    at = review_page({"lang": lang}, {"_account": CONTRIBUTOR})
    at.selectbox(key="submit_replaces").set_value(returned).run()
    assert not at.exception, at.exception
    return at


def _uploader(at):
    (uploader,) = [u for u in at.get("file_uploader") if u.proto.id.endswith("submit_upload")]
    return uploader


def _typed_send(at):
    return next(b for b in at.get("form_submit_button") if "typed_form" in b.proto.id)


def test_two_tabs_correcting_the_same_returned_submission_the_second_is_told_and_nothing_is_kept(demo_url):
    engine, _, returned = _returned(demo_url)
    tab_a, tab_b = _tab("nl", returned), _tab("nl", returned)
    _uploader(tab_a).set_value([("fix_a.csv", _fix(163), "text/csv")]).run()
    tab_a.button(key="submit_send").click().run()
    assert not tab_a.exception, tab_a.exception
    first = S.listing(engine, A.OPERATOR)[0]
    assert (first["replaces"], first["status"]) == (returned, S.PENDING)
    assert t("cli_submitted", "nl", id=first["submission_id"]) in [s.value for s in tab_a.success]
    # the corrected submission's box is gone from the tab that sent the correction
    assert not [w.value for w in tab_a.warning if f"Inzending {returned} " in w.value]
    # the file still in the uploader is not offered for a second send
    assert "submit_send" not in {b.key for b in tab_a.button}
    assert t("submit_file_sent", "nl", id=first["submission_id"]) in [c.value for c in tab_a.caption]

    queue = S.listing(engine, A.OPERATOR)
    tab_b.text_input(key="typed_value_ECO08").input("164")      # the other tab, through the typing form
    _typed_send(tab_b).click().run()
    assert not tab_b.exception, tab_b.exception
    said = [e.value for e in tab_b.error]
    assert any(e.startswith(f"Inzending {returned} is al verbeterd door inzending {first['submission_id']}; ")
               for e in said), said
    assert S.listing(engine, A.OPERATOR) == queue          # no second, conflicting submission


def test_a_correction_sent_by_file_from_a_stale_tab_is_refused_too(demo_url):
    engine, wvl, returned = _returned(demo_url)
    stale = _tab("en", returned)
    first = S.submit(engine, wvl, "fix_a.csv", _fix(163), replaces=returned).submission_id   # another tab
    queue = S.listing(engine, A.OPERATOR)
    _uploader(stale).set_value([("fix_b.csv", _fix(164), "text/csv")]).run()
    # the file's rerun reads the store: the tab says its correction was corrected already, before any send
    assert t("submission_corrected_meanwhile", "en", id=returned, by=first) in [w.value for w in stale.warning]
    assert stale.selectbox(key="submit_replaces").value == returned       # still the one chosen, not "new"
    stale.button(key="submit_send").click().run()
    assert not stale.exception, stale.exception
    assert f"Submission {returned} was already corrected by submission {first}; this file was not kept." \
        in " ".join(e.value for e in stale.error)
    assert S.listing(engine, A.OPERATOR) == queue


def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def test_a_correction_typed_in_the_form_is_confirmed_above_the_tabs(demo_url):
    """The tabs are re-drawn once the returned box goes: a confirmation inside the form's tab was hidden
    behind the file's tab."""
    engine, _, returned = _returned(demo_url)
    at = _tab("nl", returned)
    at.text_input(key="typed_value_ECO08").input("163")
    _typed_send(at).click().run()
    assert not at.exception, at.exception
    sent = S.listing(engine, A.OPERATOR)[0]
    assert sent["replaces"] == returned
    order = [e for e in _walk(at.main) if getattr(e, "type", None) in ("tab", "success")]
    told = t("cli_submitted", "nl", id=sent["submission_id"])
    assert order and getattr(order[0], "value", None) == told, [getattr(e, "type", None) for e in order]
    assert at.text_input(key="typed_value_ECO08").value == ""         # emptied: not sent twice
