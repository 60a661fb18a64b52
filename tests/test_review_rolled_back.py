"""An approved submission whose import batch was rolled back says so (stop 29, finding 1): its values are
no longer on the dashboard, and neither the partner nor the editor may read "approved and imported" for
it. The contributor's page says when and by whom, until the partner sends something again; the lists of
both say it in the page's language; `review list` prints `rolled_back`."""
from __future__ import annotations

import json

import pytest

from indicators import accounts as A
from indicators import i18n
from indicators import submissions as S
from indicators.cli import main
from indicators.i18n import t
from pages.safe_markdown import literal
from indicators.store import open_store, rollback

from .test_review_page import review_page

CONTRIBUTOR, EDITOR = "data@west-vlaanderen.be", "relecture@demo.test"


def _approved_then_rolled_back(demo_url) -> tuple:
    engine = open_store(demo_url)
    editor = A.add_account(engine, A.OPERATOR, EDITOR, "editor", None, "pw-1234567", name="Édith")
    wvl = A.add_account(engine, A.OPERATOR, CONTRIBUTOR, "contributor", "PROV_WVL", "pw-1234567")
    sent = S.submit(engine, wvl, "wvl_obs.csv", b"indicator_id;territory_id;period;value\nECO08;BE25;2031;12\n")
    outcome = S.approve(engine, editor, sent.submission_id)
    assert outcome.ok
    rollback(engine, outcome.result.batch_id, user=editor.label)
    return engine, wvl, sent.submission_id, outcome.result.batch_id


def test_the_engine_tells_an_approval_whose_import_was_rolled_back(demo_url):
    engine, wvl, sid, batch = _approved_then_rolled_back(demo_url)
    (row,) = [s for s in S.listing(engine, wvl) if s["submission_id"] == sid]
    assert row["status"] == S.APPROVED and row["batch_id"] == batch          # what happened stays recorded
    assert S.state(row) == S.ROLLED_BACK and row["rolled_back_at"] and row["rolled_back_by"] == f"Édith <{EDITOR}>"
    others = [s for s in S.listing(engine, A.OPERATOR) if s["submission_id"] != sid]
    assert all(S.state(s) == s["status"] for s in others)


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_contributor_and_the_editor_read_that_the_import_was_rolled_back(demo_url, lang):
    engine, _, sid, batch = _approved_then_rolled_back(demo_url)
    row = next(s for s in S.listing(engine, A.OPERATOR) if s["submission_id"] == sid)
    when = i18n.when(row["rolled_back_at"], lang)
    state = t("submission_rolled_back", lang, when=when)

    partner = review_page({"lang": lang}, {"_account": CONTRIBUTOR})
    # the file's name as written: its "_" escaped in the page's Markdown (safe_markdown.literal)
    notes = [w.value for w in partner.warning if w.value.startswith(t("submission_rolled_back_note", lang, id=sid,
                                                                      file=literal("wvl_obs.csv"), batch=batch,
                                                                      when=when, who="X")[:20])]
    assert notes and str(batch) in notes[0] and when in notes[0] and EDITOR in notes[0], \
        [w.value for w in partner.warning]
    mine = next(d.value for d in partner.dataframe if "#" in d.value.columns)
    assert mine.set_index("#").loc[sid, t("submission_state", lang)] == state
    assert t("submission_approved", lang) not in set(mine[t("submission_state", lang)])

    editor = review_page({"lang": lang}, {"_account": EDITOR})
    everything = next(d.value for d in editor.dataframe if "#" in d.value.columns)
    assert everything.set_index("#").loc[sid, t("submission_state", lang)] == state


def test_the_contributors_note_goes_once_the_partner_sends_again(demo_url):
    engine, wvl, sid, _ = _approved_then_rolled_back(demo_url)
    assert S.submit(engine, wvl, "again.csv",
                    b"indicator_id;territory_id;period;value\nECO08;BE25;2031;12\n").submission_id is not None
    partner = review_page({"lang": "en"}, {"_account": CONTRIBUTOR})
    assert not [w.value for w in partner.warning if f"Submission {sid} " in w.value]


def test_review_list_prints_rolled_back(demo_url, capsys):
    _, _, sid, _ = _approved_then_rolled_back(demo_url)
    assert main(["review", "list", "--as", CONTRIBUTOR, "--db", demo_url, "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [s["status"] for s in listed if s["submission_id"] == sid] == [S.ROLLED_BACK]
