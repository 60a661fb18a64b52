"""What the Contributions page tells partners and editors (stop 33, tester H #2, #3, #4, #8).

- A file's notices (a period after today: "a forecast?", rows without a value, columns left aside) reach
  the contributor once sent and the reviewer before approving, in the page's language, as the Data page
  lists an import's notices (they were dropped: an editor approved a 2027 value unwarned).
- A correction of a returned submission that leaves out rows of it carries them: approving imports them
  with it, and the contributor (when sending) and the reviewer are told which, row by row. They vanished.
- A viewer's account signed in on Contributions is told it may not send data, with a sign-out (the page
  came back with the same empty form).
- The typing form reads `71,25%` for an indicator in % as a file's cell is read; a unit that is not the
  indicator's names the indicator, and the other values typed stay in their boxes.
"""
from __future__ import annotations

from indicators import accounts as A
from indicators import submissions as S
from indicators.i18n import t
from indicators.store import open_store, read_table

from .test_review_page import review_page, signed_in

CONTRIBUTOR, EDITOR, VIEWER = "data@west-vlaanderen.be", "relecture@demo.test", "lecteur@demo.test"
PASSWORD = "pw-1234567"


def _accounts(demo_url):
    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, EDITOR, "editor", None, PASSWORD)
    wvl = A.add_account(engine, A.OPERATOR, CONTRIBUTOR, "contributor", "PROV_WVL", PASSWORD)
    return engine, wvl


def _uploader(at):
    (uploader,) = [u for u in at.get("file_uploader") if u.proto.id.endswith("submit_upload")]
    return uploader


def _expander_labels(at) -> list[str]:
    return [e.label for e in at.expander]


def _tables_text(at) -> str:
    return " ".join(tb.value.to_string() for tb in at.table)


FUTURE = b"indicator_id;territory_id;period;value;note\nECO08;BE251;2027;56;\nECO08;BE253;2026;..;geheim\n"


def test_the_notices_of_a_file_reach_its_contributor_once_sent_and_its_reviewer_before_approving(demo_url):
    engine, _ = _accounts(demo_url)
    at = review_page({"lang": "nl"}, {"_account": CONTRIBUTOR})
    _uploader(at).set_value([("x.csv", FUTURE, "text/csv")]).run()
    at.button(key="submit_send").click().run()
    assert not at.exception, at.exception
    sent = S.listing(engine, A.OPERATOR)[0]
    assert t("cli_submitted", "nl", id=sent["submission_id"]) in [s.value for s in at.success]
    assert "2 opmerkingen" in _expander_labels(at), _expander_labels(at)
    told = _tables_text(at)
    assert "2027" in told and "prognose" in told.lower(), told          # the period after today, in Dutch
    assert "zonder waarde" in told.lower(), told                       # the row without a value, left out

    review = review_page({"lang": "fr"}, {"_account": EDITOR, "review_pick": sent["submission_id"]})
    assert "review_approve" in {b.key for b in review.button}
    assert "2 remarques" in _expander_labels(review), _expander_labels(review)
    seen = _tables_text(review)
    assert "2027" in seen and "prévision" in seen.lower(), seen


def _returned(engine, wvl) -> int:
    sent = S.submit(engine, wvl, "wvl_bom.csv",
                    b'indicator_id,territory_id,period,value,flag\nECO08,BE251,2026,55,\nECO08,BE253,2026,"1,234",e\n')
    assert sent.submission_id is not None, [p.as_dict() for p in sent.checked.problems]
    S.send_back(engine, A.find(engine, EDITOR), sent.submission_id, "Valeur 1,234 pour BE253 douteuse : renvoyez 1234.")
    return sent.submission_id


def _stored(engine, territory: str) -> list[float]:
    obs = read_table(engine, "observations")
    mine = obs[(obs["indicator_id"] == "ECO08") & (obs["territory_id"] == territory) & (obs["period"] == "2026")]
    return list(mine["value"])


def test_a_correction_carries_the_returned_rows_it_leaves_out_and_says_so_to_both(demo_url):
    engine, wvl = _accounts(demo_url)
    returned = _returned(engine, wvl)
    at = review_page({"lang": "nl"}, {"_account": CONTRIBUTOR})
    at.selectbox(key="submit_replaces").set_value(returned).run()
    _uploader(at).set_value([("fix.csv", b"indicator_id,territory_id,period,value,flag\nECO08,BE253,2026,1234,e\n",
                              "text/csv")]).run()
    at.button(key="submit_send").click().run()
    assert not at.exception, at.exception
    correction = S.listing(engine, A.OPERATOR)[0]["submission_id"]
    told = [i.value for i in at.info]
    assert any(v.startswith(f"1 rij van inzending {returned} staat niet in deze verbetering") and "ECO08 · BE251 · 2026"
               in v for v in told), told

    review = review_page({"lang": "en"}, {"_account": EDITOR, "review_pick": correction})
    seen = [i.value for i in review.info]
    assert any(v.startswith(f"1 row of submission {returned} is not in this correction") and "ECO08 · BE251 · 2026"
               in v for v in seen), seen
    review.button(key="review_approve").click().run()
    assert not review.exception, review.exception
    assert _stored(engine, "BE251") == [55.0] and _stored(engine, "BE253") == [1234.0]


def test_a_correction_typed_in_the_form_carries_the_returned_rows_too(demo_url):
    engine, wvl = _accounts(demo_url)
    returned = _returned(engine, wvl)
    at = review_page({"lang": "fr"}, {"_account": CONTRIBUTOR})
    at.selectbox(key="submit_replaces").set_value(returned).run()
    at.selectbox(key="typed_territory").set_value("BE253").run()
    at.selectbox(key="typed_period").set_value("2026").run()
    at.text_input(key="typed_value_ECO08").input("1234")
    next(b for b in at.get("form_submit_button") if "typed_form" in b.proto.id).click().run()
    assert not at.exception, at.exception
    assert any(v.startswith(f"1 ligne de la soumission {returned} n'est pas dans cette correction")
               for v in [i.value for i in at.info]), [i.value for i in at.info]
    correction = S.listing(engine, A.OPERATOR)[0]["submission_id"]
    S.approve(engine, A.find(engine, EDITOR), correction)
    assert _stored(engine, "BE251") == [55.0] and _stored(engine, "BE253") == [1234.0]


def test_a_correction_holding_every_row_carries_nothing(demo_url):
    engine, wvl = _accounts(demo_url)
    returned = _returned(engine, wvl)
    sent = S.submit(engine, wvl, "fix.csv", b"indicator_id,territory_id,period,value\nECO08,BE251,2026,56\n"
                    b"ECO08,BE253,2026,1234\n", replaces=returned)
    assert sent.carried is None and S.carried_rows(engine, A.OPERATOR, sent.submission_id) is None
    S.approve(engine, A.find(engine, EDITOR), sent.submission_id)
    assert _stored(engine, "BE251") == [56.0]              # the correction's value, not the returned one's


def test_a_viewer_signed_in_on_contributions_is_told_it_may_not_send_and_can_sign_out(demo_url):
    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, VIEWER, "viewer", None, PASSWORD)
    at = signed_in({"lang": "fr"}, VIEWER, PASSWORD)
    assert not at.exception, at.exception
    assert t("account_may_not_send", "fr", role="lecteur") in [w.value for w in at.warning]
    assert any(VIEWER in c.value and "lecteur" in c.value for c in at.caption), [c.value for c in at.caption]
    at.button(key="account_sign_out").click().run()
    assert at.text_input(key="account_login_email") is not None and "_account" not in at.session_state


def _typed(at, **values):
    for indicator, text in values.items():
        at.text_input(key=f"typed_value_{indicator}").input(text)
    next(b for b in at.get("form_submit_button") if "typed_form" in b.proto.id).click().run()
    assert not at.exception, at.exception


def test_a_typed_value_with_its_indicators_unit_is_read_as_in_a_file(demo_url):
    engine, _ = _accounts(demo_url)
    at = review_page({"lang": "nl"}, {"_account": CONTRIBUTOR})
    before = len(S.listing(engine, A.OPERATOR))
    _typed(at, ECO08="1.234,5", ECO09="71,25%")
    assert not at.error, [e.value for e in at.error]
    assert len(S.listing(engine, A.OPERATOR)) == before + 1
    sent = bytes(S.get(engine, A.OPERATOR, S.listing(engine, A.OPERATOR)[0]["submission_id"])["content"]).decode()
    assert "ECO09" in sent and "71.25" in sent and "1234.5" in sent, sent


def test_a_typed_value_in_another_unit_is_named_and_the_others_stay(demo_url):
    engine, _ = _accounts(demo_url)
    at = review_page({"lang": "en"}, {"_account": CONTRIBUTOR})
    before = len(S.listing(engine, A.OPERATOR))
    _typed(at, ECO08="1,234.5", ECO09="71.25 km")
    said = " ".join(m.value for m in at.markdown).replace("\\", "")   # Markdown escapes the dots
    assert "ECO09: '71.25 km' is written with another unit than the indicator's (%)" in said, said
    assert len(S.listing(engine, A.OPERATOR)) == before              # nothing sent
    assert at.text_input(key="typed_value_ECO08").value == "1,234.5"   # the other value kept


def test_the_command_line_says_what_a_correction_carries(demo_url, tmp_path, capsys):
    from indicators.cli import main

    engine, wvl = _accounts(demo_url)
    first = tmp_path / "wvl.csv"
    first.write_bytes(b"indicator_id;territory_id;period;value\nECO08;BE251;2026;55\nECO08;BE255;2026;1,234\n")
    assert main(["submit", str(first), "--as", CONTRIBUTOR, "--db", demo_url, "--lang", "en"]) == 0
    returned = S.listing(engine, A.OPERATOR)[0]["submission_id"]
    assert main(["review", "return", str(returned), "--as", EDITOR, "--comment", "1234, not 1,234",
                 "--db", demo_url, "--lang", "en"]) == 0
    fix = tmp_path / "wvl_fix.csv"
    fix.write_bytes(b"indicator_id;territory_id;period;value\nECO08;BE255;2026;1234\n")
    capsys.readouterr()
    assert main(["submit", str(fix), "--as", CONTRIBUTOR, "--replaces", str(returned), "--db", demo_url,
                 "--lang", "en"]) == 0
    said = capsys.readouterr().out
    assert f"1 row of submission {returned} is not in this correction" in said, said
    assert "ECO08 · BE251 · 2026" in said and "BE255" not in said.split("correction")[-1], said


def test_a_correction_of_a_returned_correction_still_carries_the_first_rows(demo_url):
    # #1 (BE251, BE253) returned; #2 corrects BE253 only and carries BE251; #2 returned in turn; #3 corrects
    # BE253 again: what #2 carried (BE251) must still go with #3, not only #2's own file.
    engine, wvl = _accounts(demo_url)
    first = _returned(engine, wvl)
    second = S.submit(engine, wvl, "fix1.csv", b"indicator_id,territory_id,period,value\nECO08,BE253,2026,1200\n",
                      replaces=first)
    S.send_back(engine, A.find(engine, EDITOR), second.submission_id, "1234, pas 1200")
    third = S.submit(engine, wvl, "fix2.csv", b"indicator_id,territory_id,period,value\nECO08,BE253,2026,1234\n",
                     replaces=second.submission_id)
    assert third.carried is not None and third.carried.rows == ["ECO08 · BE251 · 2026"], third.carried
    S.approve(engine, A.find(engine, EDITOR), third.submission_id)
    assert _stored(engine, "BE251") == [55.0] and _stored(engine, "BE253") == [1234.0]
