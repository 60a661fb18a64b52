"""The contributor's two tabs ("Een bestand insturen", "Waarden invullen") keep their place in the page when
a submission is sent (stop 32, a flaky browser test): the confirmation shown on the run after a send was
drawn above the tabs, in the page itself, so the tabs moved two places down. Streamlit's browser places
what a run sends by position: the confirmation took the tabs' place, and the tabs were built anew two
places further, their open tab restored only once both labels had arrived. On a slow browser or
connection the form vanished for seconds after "Waarden insturen" and showed the first tab meanwhile.
The confirmation now has a place of its own, drawn (empty) on every run: the tabs never move."""
from __future__ import annotations

from indicators import accounts as A
from indicators import submissions as S
from indicators.i18n import t

from .test_review_corrections import _fix, _returned, _tab, _typed_send, _uploader


def _where(node, key: str, path: tuple = ()) -> tuple | None:
    """The position in the page of the block whose key is `key` (None: not drawn)."""
    proto_id = getattr(getattr(node, "proto", None), "id", "") or ""
    if path and proto_id.endswith(f"-{key}"):
        return path
    for index, child in getattr(node, "children", {}).items():
        found = _where(child, key, path + (index,))
        if found:
            return found
    return None


def test_a_typed_correction_leaves_the_tabs_where_they_were(demo_url):
    engine, _, returned = _returned(demo_url)
    at = _tab("nl", returned)
    before = _where(at.main, "submit_tabs")
    assert before is not None
    at.text_input(key="typed_value_ECO08").input("163")
    _typed_send(at).click().run()
    assert not at.exception, at.exception
    sent = S.listing(engine, A.OPERATOR)[0]["submission_id"]
    assert t("cli_submitted", "nl", id=sent) in [s.value for s in at.success]       # the confirmation, shown
    assert _where(at.main, "submit_tabs") == before
    at.run()                                                       # the next run: the confirmation has gone
    assert not at.success
    assert _where(at.main, "submit_tabs") == before


def test_a_file_sent_leaves_the_tabs_where_they_were(demo_url):
    engine, _, returned = _returned(demo_url)
    at = _tab("en", returned)
    _uploader(at).set_value([("fix.csv", _fix(163), "text/csv")]).run()
    before = _where(at.main, "submit_tabs")
    assert before is not None
    at.button(key="submit_send").click().run()
    assert not at.exception, at.exception
    sent = S.listing(engine, A.OPERATOR)[0]["submission_id"]
    assert t("cli_submitted", "en", id=sent) in [s.value for s in at.success]
    assert _where(at.main, "submit_tabs") == before
