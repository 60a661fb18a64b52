"""A contributor types the latest values of its own indicators in a form (indicators/typed_values.py):
the page's number format is read, the typed values become the rows a file would hold and take the same
path as an uploaded file (submissions.submit: checked at once, waiting for review, another partner's
indicator refused). The page lists only the partner's own indicators."""
from __future__ import annotations

import pytest

from indicators import accounts as A
from indicators import submissions as S
from indicators import typed_values as TV
from indicators.queries import load_framework, load_observations
from indicators.store import list_batches, open_store

from .test_review_page import signed_in


@pytest.mark.parametrize("lang, text, value", [
    ("fr", "1 234,5", 1234.5), ("fr", "1\u202f234,5", 1234.5), ("fr", "12,5", 12.5),
    ("nl", "1.234,5", 1234.5), ("nl", "0,75", 0.75),
    ("en", "1,234.5", 1234.5), ("en", "12.5", 12.5), ("en", "-3", -3.0)])
def test_a_typed_value_is_read_in_the_pages_number_format(lang, text, value):
    assert TV.read_value(text, lang) == (value, None, None)


def test_unreadable_cells_are_named_by_their_indicator_and_empty_ones_send_nothing():
    typed = TV.rows({"ECO08": "douze", "ECO09": "", "MOB01": "12,5 p", "MOB02": "3", "MOB03": "n.d."},
                    "BE254", "2026", "fr", flags={"MOB02": "xq"})
    assert {(i, key) for i, _, key in typed.problems} == {("ECO08", "typed_not_a_number"),
                                                         ("MOB02", "typed_bad_flag"), ("MOB03", "typed_no_value")}
    assert typed.frame[["indicator_id", "value", "flag"]].values.tolist() == [["MOB01", "12.5", "p"]]
    assert TV.rows({"ECO08": ""}, "BE254", "2026", "fr").problems == [("", "", "typed_nothing")]
    assert TV.rows({"ECO08": "1"}, "BE254", "26", "fr").problems[0][2] == "typed_bad_period"


@pytest.fixture
def people(demo_url):
    engine = open_store(demo_url)
    return engine, {
        "editor": A.add_account(engine, A.OPERATOR, "editor@mel.fr", "editor"),
        "wvl": A.add_account(engine, A.OPERATOR, "data@west-vlaanderen.be", "contributor", "PROV_WVL"),
    }


def _place(engine, indicator: str) -> tuple[str, str]:
    mine = load_observations(engine).query("indicator_id == @indicator")
    return mine["territory_id"].iloc[0], str(int(mine["period"].max()) + 1)


def test_typed_values_take_the_files_path_and_reach_the_dashboard_after_approval(people):
    engine, who = people
    owned = TV.owned(load_framework(engine)["indicators"], "PROV_WVL")
    assert set(owned["indicator_id"]) == {"ECO08", "ECO09"}
    territory, period = _place(engine, "ECO08")
    before = len(load_observations(engine))
    found, sent = TV.submit(engine, who["wvl"], {"ECO08": "1 234,5", "ECO09": ""}, territory, period, "fr",
                            flags={"ECO08": "p"}, notes={"ECO08": "chiffre provisoire"})
    assert found.ok and sent.submission_id is not None
    assert sent.checked.files[0]["rows"] == 1 and len(load_observations(engine)) == before   # waits for review
    kept = S.get(engine, who["editor"], sent.submission_id)
    assert kept["status"] == S.PENDING and kept["file_name"].startswith("form-PROV_WVL")
    assert bytes(kept["content"]).decode().splitlines()[0] == "indicator_id,territory_id,period,value,flag,note"
    assert S.preview(engine, who["editor"], sent.submission_id).result.summary()["added"] == 1
    outcome = S.approve(engine, who["editor"], sent.submission_id)
    assert outcome.ok
    assert "data@west-vlaanderen.be" in list_batches(engine).iloc[0]["user"]
    row = load_observations(engine).query("indicator_id == 'ECO08' and period == @period "
                                          "and territory_id == @territory").iloc[0]
    assert (row["value"], row["flag"], row["note"]) == (1234.5, "p", "chiffre provisoire")


def test_a_typed_value_for_another_partners_indicator_is_refused_and_nothing_is_kept(people):
    engine, who = people
    queue = S.listing(engine, who["editor"])
    territory, period = _place(engine, "MOB04")
    with pytest.raises(A.Refused) as refused:
        TV.submit(engine, who["wvl"], {"ECO08": "12", "MOB04": "3"}, territory, period, "fr")
    assert "MOB04" in refused.value.text("fr") and refused.value.text("fr").startswith("Refusé")
    assert S.listing(engine, who["editor"]) == queue
    with pytest.raises(A.Refused):                       # a viewer types nothing either
        TV.submit(engine, A.VIEWER, {"ECO08": "12"}, territory, period, "fr")


def test_a_typed_value_the_import_refuses_is_reported_like_a_file_and_not_kept(people):
    engine, who = people
    queue = S.listing(engine, who["editor"])
    found, sent = TV.submit(engine, who["wvl"], {"ECO08": "12"}, "NOWHERE", "2026", "en")
    assert found.ok and sent.submission_id is None
    assert any(p.severity == "error" and p.value == "NOWHERE" for p in sent.checked.problems)
    assert S.listing(engine, who["editor"]) == queue


def test_the_form_lists_only_the_partners_indicators_and_sends_a_french_value(demo_url):
    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, "data@west-vlaanderen.be", "contributor", "PROV_WVL", "pw-1234567")
    at = signed_in({"lang": "fr"}, "data@west-vlaanderen.be", "pw-1234567")
    assert not at.exception, at.exception
    typed = sorted(w.key for w in at.text_input if w.key and w.key.startswith("typed_value_"))
    assert typed == ["typed_value_ECO08", "typed_value_ECO09"]
    territory, period = at.selectbox(key="typed_territory").value, at.selectbox(key="typed_period").value
    at.text_input(key="typed_value_ECO08").input("1 234,5")
    next(b for b in at.get("form_submit_button") if "typed_form" in b.proto.id).click().run()
    assert not at.exception, at.exception
    assert any("en attente de relecture" in s.value for s in at.success), [e.value for e in at.error]
    assert at.text_input(key="typed_value_ECO08").value == ""          # emptied once sent
    sent = S.listing(engine, A.find(engine, "data@west-vlaanderen.be"))[0]
    content = bytes(S.get(engine, A.OPERATOR, sent["submission_id"])["content"]).decode()
    assert content.splitlines()[1] == f"ECO08,{territory},{period},1234.5"


def test_a_sent_value_is_shown_back_with_the_decimals_it_was_typed_with():
    assert [TV.decimals_of(v) for v in ("1234.5", "12.0", "0.75", "3")] == [1, 0, 2, 0]


def test_typed_values_correct_a_returned_submission_as_a_file_would(people):
    engine, who = people
    territory, period = _place(engine, "ECO09")
    _, first = TV.submit(engine, who["wvl"], {"ECO09": "66,9"}, territory, period, "fr")
    S.send_back(engine, who["editor"], first.submission_id, "Provisoire : ajoutez p.")
    _, second = TV.submit(engine, who["wvl"], {"ECO09": "66,9"}, territory, period, "fr", flags={"ECO09": "p"},
                          replaces=first.submission_id)
    states = {s["submission_id"]: s["status"] for s in S.listing(engine, who["wvl"])}
    assert (states[first.submission_id], states[second.submission_id]) == (S.SUPERSEDED, S.PENDING)
    assert b",p" in bytes(S.get(engine, who["editor"], second.submission_id)["content"])
