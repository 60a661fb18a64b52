"""One click, one import; a click on a batch rolled back meanwhile says so (outside tester Y, stop 31,
findings 3 and 5; the browser side of 3 and 4 is in tests/browser/test_store_swapped_browser.py).

Streamlit starts a new run of the page at each click while the run before it may still be writing
(runner.fastReruns): a second click on "Confirmer l'import" while the first waited for the store made a
second, empty batch of the same upload. A confirmation now has a token that one run only may claim.
"""
from __future__ import annotations

import threading

from indicators.i18n import t
from indicators.importing import import_files
from indicators.store import list_batches, open_store, rollback

from .test_data_page import HASH, all_text, data_page, open_tab, sign_in


def test_a_confirmation_is_imported_by_one_run_and_the_others_wait_for_it():
    from pages.data import OUTCOMES, RUNNING, claim, release

    claimed: set = set()
    first = claim("session-1", "session-1:0", claimed)
    assert first is not None and RUNNING["session-1"] is first
    seen = []

    def second_click():   # another run of the same confirmation, while the first one writes
        seen.append(claim("session-1", "session-1:0", claimed))
        RUNNING["session-1"].wait(timeout=10)
        seen.append("waited")

    other = threading.Thread(target=second_click)
    other.start()
    other.join(timeout=0.2)
    assert seen == [None] and other.is_alive()     # not claimed twice; it waits for the first
    assert claim("session-1", "session-1:1", claimed) is None   # nor another import of the session meanwhile
    release("session-1", ("session-1:0", "imported", 19, {"added": 1}))
    other.join(timeout=10)
    assert seen == [None, "waited"] and "session-1" not in RUNNING
    assert OUTCOMES.pop("session-1") == ("session-1:0", "imported", 19, {"added": 1})   # for the next run to say
    assert claim("session-1", "session-1:0", claimed) is None      # imported already: never again
    assert claim("session-2", "session-2:0", set()) is not None    # another session imports on its own
    release("session-2", ("session-2:0", "stopped"))
    OUTCOMES.pop("session-2")


def test_a_rollback_done_meanwhile_by_someone_else_is_said_with_when_and_by_whom(demo_url):
    engine = open_store(demo_url)
    raw = b"indicator_id,territory_id,period,value\nMOB04,59350,2026,12.5\n"
    assert import_files(engine, [("small2.csv", raw)], user="Ed Itor").ok
    at = open_tab(sign_in(data_page({"editors": {"password_hash": HASH}})), "tab_history")
    assert at.selectbox(key="history_batch").value == 2
    at.checkbox(key="confirm_rollback_2").check().run()
    rollback(engine, 2, user="outside-python")      # from another tab, or the command line
    at.button(key="rollback_button").click().run()
    assert not at.exception
    said = [e.value for e in at.error]
    assert len(said) == 1 and said[0].startswith("L'import n°2 avait déjà été annulé, le ")
    assert "par outside-python : rien n'a été modifié." in said[0]
    batches = list_batches(engine).set_index("batch_id")
    assert batches.loc[2, "rolled_back_by"] == "outside-python"   # rolled back once, by the first
    assert t("rolled_back", "fr").split("{")[0] not in all_text(at)   # no success claimed either


def test_a_rollback_clicked_is_done_and_said_once(demo_url):
    engine = open_store(demo_url)
    raw = b"indicator_id,territory_id,period,value\nMOB04,59350,2026,12.5\n"
    assert import_files(engine, [("small2.csv", raw)], user="Ed Itor").ok
    at = open_tab(sign_in(data_page({"editors": {"password_hash": HASH}}, lang="nl")), "tab_history", "nl")
    at.checkbox(key="confirm_rollback_2").check().run()
    at.button(key="rollback_button").click().run()
    assert not at.exception and not at.error
    assert [s.value for s in at.success] == ["Import nr. 2 teruggedraaid: 1 rij verwijderd, 0 hersteld."]
    assert list_batches(engine).set_index("batch_id").loc[2, "rolled_back_by"] == "Camille"
