"""Stored text a person wrote, shown on the Contributions page (a reviewer's comment, a file's name, an
account's name), is shown as written: no Markdown link or image of theirs renders and no HTML (a
contributor trusts the returned-submission box). And a contributor whose file has blocking problems is
told what it can do there: send the file again, not "import without the rows in error" (the Data
page's choice, which the Contributions page does not have)."""
from __future__ import annotations

import re

from indicators import accounts as A
from indicators import submissions as S
from indicators.i18n import t
from indicators.store import open_store

from .test_review_page import signed_in

CONTRIBUTOR = "data@west-vlaanderen.be"
HOSTILE = "Voeg vlag p toe. <b>vet</b> [link](http://evil.example) ![pixel](http://evil.example/p.png) <http://evil.example/a>"
# Markup Markdown would render: a mark escaped with a backslash (safe_markdown.literal) shows as itself.
LINK = re.compile(r"(?<!\\)\]\(|(?<!\\)<b>|(?<!\\)<http|(?<!\\)!\[")


def _accounts(engine):
    A.add_account(engine, A.OPERATOR, "relecture@demo.test", "editor", None, "pw-1234567")
    A.add_account(engine, A.OPERATOR, CONTRIBUTOR, "contributor", "PROV_WVL", "pw-1234567",
                  name="Jan [Klik hier](http://evil.example)")


def _sent_and_returned(engine) -> int:
    contributor, editor = A.find(engine, CONTRIBUTOR), A.find(engine, "relecture@demo.test")
    import pandas as pd

    from .conftest import ROOT

    owned = pd.read_csv(ROOT / "data" / "demo" / "indicators.csv", dtype=str).query("owner == 'PROV_WVL'")
    content = f"indicator_id;territory_id;period;value\n{owned['indicator_id'].iloc[0]};BE25;2031;12\n".encode()
    sent = S.submit(engine, contributor, "[rapport](http://evil.example).csv", content)
    assert sent.submission_id is not None, [p.as_dict() for p in sent.checked.problems]
    S.send_back(engine, editor, sent.submission_id, HOSTILE)
    return sent.submission_id


def test_a_reviewers_comment_renders_no_link_image_or_html_for_the_contributor(demo_url):
    engine = open_store(demo_url)
    _accounts(engine)
    sid = _sent_and_returned(engine)
    at = signed_in({"lang": "nl"}, CONTRIBUTOR, "pw-1234567")
    assert not at.exception, at.exception
    (note,) = [w.value for w in at.warning if f"Inzending {sid}" in w.value]
    assert not LINK.search(note), note
    assert "Voeg vlag p toe." in note and "link" in note and "vet" in note   # the reviewer's words stay
    assert "evil" in note      # the address is shown as text, not followed
    signed = " ".join(c.value for c in at.caption if "Aangemeld" in c.value)
    assert "Klik hier" in signed and not LINK.search(signed), signed


def test_a_contributors_blocked_file_is_not_told_to_import_without_the_faulty_rows(demo_url):
    engine = open_store(demo_url)
    _accounts(engine)
    at = signed_in({"lang": "fr"}, CONTRIBUTOR, "pw-1234567")
    (uploader,) = [u for u in at.get("file_uploader") if u.proto.id.endswith("submit_upload")]
    uploader.set_value([("faux.csv", b"indicator_id;territory_id;period;value\nECO08;BE25;2031;abc\n",
                         "text/csv")]).run()
    at.button(key="submit_send").click().run()
    assert not at.exception, at.exception
    told = [i.value for i in at.info]
    assert told and t("fix_then_retry", "fr") not in told and not any("sans les lignes en erreur" in i for i in told)
    assert t("submit_fix_then_retry", "fr") in told, told
