"""The Contributions page's words (stop 29, findings 2, 5, 6, 17): the user an approval's batch records
reads in the page's language (old stores' batches too), a refusal names tables by their names, the
submission's uploader asks for one file, and the submissions list draws without an Arrow fallback."""
from __future__ import annotations

import logging

import pytest

from indicators import accounts as A
from indicators import submissions as S
from indicators.i18n import t
from indicators.store import list_batches, open_store

from .test_review_page import review_page

CONTRIBUTOR, EDITOR = "data@west-vlaanderen.be", "relecture@demo.test"


@pytest.mark.parametrize("lang, shown", [
    ("fr", "jan@west-vlaanderen.be (relu par editeur@mel.fr)"),
    ("nl", "jan@west-vlaanderen.be (beoordeeld door editeur@mel.fr)"),
    ("en", "jan@west-vlaanderen.be (reviewed by editeur@mel.fr)")])
def test_an_approvals_batch_user_reads_in_the_pages_language(lang, shown):
    # the form every store holds (batches written before this version too)
    assert S.batch_user("jan@west-vlaanderen.be (reviewed by editeur@mel.fr)", lang) == shown
    for other in ("Édith Éditrice <editeur@mel.fr>", "demo", "A. Planner (reviewed by)", "", None):
        assert S.batch_user(other, lang) == (other or "")          # any other user as recorded


def test_the_batch_an_approval_writes_is_read_back_with_both_names(demo_url):
    engine = open_store(demo_url)
    editor = A.add_account(engine, A.OPERATOR, EDITOR, "editor")
    wvl = A.add_account(engine, A.OPERATOR, CONTRIBUTOR, "contributor", "PROV_WVL")
    sent = S.submit(engine, wvl, "x.csv", b"indicator_id;territory_id;period;value\nECO08;BE25;2031;12\n")
    assert S.approve(engine, editor, sent.submission_id).ok
    user = list_batches(engine).iloc[0]["user"]
    assert S.batch_user(user, "nl") == f"{CONTRIBUTOR} (beoordeeld door {EDITOR})"


@pytest.mark.parametrize("lang, named", [("nl", "niet: streefwaarden"), ("fr", "pas : cibles"),
                                         ("en", "not: targets")])
def test_a_refused_table_is_named_in_the_readers_language(demo_url, lang, named):
    engine = open_store(demo_url)
    wvl = A.add_account(engine, A.OPERATOR, CONTRIBUTOR, "contributor", "PROV_WVL")
    content = (b"indicator_id,territory_id,baseline_period,baseline_value,target_period,target_value\n"
               b"ECO08,BE25,2020,5,2030,10\n")
    with pytest.raises(A.Refused) as refused:
        S.submit(engine, wvl, "targets.csv", content)
    assert named in refused.value.text(lang) and "targets" not in refused.value.text(lang).replace("not: targets", "")


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_submission_uploader_asks_for_one_file(demo_url, lang):
    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, CONTRIBUTOR, "contributor", "PROV_WVL")
    at = review_page({"lang": lang}, {"_account": CONTRIBUTOR})
    (uploader,) = [u for u in at.get("file_uploader") if u.proto.id.endswith("submit_upload")]
    assert uploader.proto.label == t("submit_upload_label", lang) and not uploader.proto.multiple_files
    assert {"fr": "un fichier", "nl": "een CSV- of XLSX-bestand", "en": "one CSV"}[lang] in uploader.proto.label
    assert not any(word in uploader.proto.label for word in ("plusieurs", "meer", "several"))


def test_the_submissions_list_draws_its_batch_column_as_numbers_without_an_arrow_fallback(demo_url, caplog):
    engine = open_store(demo_url)
    editor = A.add_account(engine, A.OPERATOR, EDITOR, "editor")
    pending = S.listing(engine, A.OPERATOR, S.PENDING)[0]["submission_id"]
    assert S.approve(engine, editor, pending).ok                     # one row with a batch, others without
    with caplog.at_level(logging.WARNING):
        at = review_page({"lang": "en"}, {"_account": EDITOR})
    everything = next(d.value for d in at.dataframe if "#" in d.value.columns)
    batch = everything[t("batch", "en")]
    assert str(batch.dtype) in ("Int64", "int64", "float64"), batch.dtype
    assert batch.notna().sum() == 1 and batch.dropna().tolist() == [list_batches(engine).iloc[0]["batch_id"]]
    assert not [r for r in caplog.records if "Arrow" in r.getMessage()], [r.getMessage() for r in caplog.records]
