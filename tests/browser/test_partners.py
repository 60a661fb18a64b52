"""The Partners page in a real browser, in each language: the partners' table, and per partner the
list of what is due, downloaded as the CSV French Excel opens (observations to fill in), in the page's
language."""
from __future__ import annotations

import io

import pandas as pd
import pytest
from playwright.sync_api import expect

from indicators.i18n import t

from .conftest import shoot, wait_for_app

WORDS = {"fr": ("Partenaires", "Télécharger la liste (CSV)", "À envoyer :"),
         "nl": ("Partners", "Lijst downloaden (CSV)", "Aan te leveren:"),
         "en": ("Partners", "Download the list (CSV)", "Due from")}


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_partners_page_lists_partners_and_exports_what_is_due(page, app_url, lang):
    title, download, due = WORDS[lang]
    page.goto(f"{app_url}/partners?lang={lang}")
    wait_for_app(page)
    # The first visit of a cold server builds the partners' lists: wait on what the page shows.
    expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible(timeout=30_000)
    expect(page.get_by_text(due).first).to_be_visible(timeout=30_000)
    button = page.get_by_role("button", name=download)
    expect(button.or_(page.get_by_role("alert")).first).to_be_visible(timeout=30_000)
    shoot(page, f"partners-{lang}")
    if button.count():            # the first partner has something due: the list downloads as CSV
        with page.expect_download() as info:
            button.click()
        raw = open(info.value.path(), "rb").read()
        assert raw.startswith(b"\xef\xbb\xbf")
        frame = pd.read_csv(io.BytesIO(raw), sep=";", dtype=str, encoding="utf-8-sig")
        # sent to the partner: observations to fill in, codes first (the import format), then names and the
        # due words under titles in the page's language; the file's name in that language too
        assert list(frame.columns[:4]) == ["indicator_id", "territory_id", "period", "value"] and len(frame) >= 1
        assert frame["value"].isna().all() and t("download_indicator_name", lang) in frame.columns
        assert info.value.suggested_filename.startswith(t("partner_due_file", lang) + "_")
    else:
        expect(page.get_by_role("alert")).to_be_visible()
