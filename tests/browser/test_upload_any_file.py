"""Every uploader takes any file and lets the page's reader say what it is, in the page's language.

Told which types to take, Streamlit's browser refused the others itself, in English and with nothing of
what to do ("application/gzip files are not allowed."): a Belgian contributor's `.csv.gz`, which DESIGN.md
allows and the command line's `submit` takes, never reached the Contributions page's reader.
"""
from __future__ import annotations

import gzip
import re

import pytest
from playwright.sync_api import expect

from indicators import accounts as A
from indicators import submissions as S
from indicators.i18n import t
from indicators.store import open_store

from .conftest import sign_in, start_with_accounts, stop_app, wait_for_app

CONTRIBUTOR, EDITOR = "data@prov-wvl.be", "editor@mel.fr"
NOT_ALLOWED = re.compile("not allowed", re.IGNORECASE)


@pytest.fixture(scope="module")
def accounts_app(demo_store_file, tmp_path_factory):
    proc, url, store = start_with_accounts(demo_store_file, tmp_path_factory.mktemp("any_file"),
                                           (CONTRIBUTOR, "contributor", "PROV_WVL", "Lena Maes"),
                                           (EDITOR, "editor", None, "Camille Dubois"))
    yield url, store
    stop_app(proc)


def test_a_gzipped_csv_is_sent_from_the_contributions_page(browser, accounts_app, tmp_path):
    url, store = accounts_app
    engine = open_store(f"sqlite:///{store}")
    path = tmp_path / "wvl.csv.gz"
    path.write_bytes(gzip.compress(b"indicator_id;territory_id;period;value\r\nECO08;BE25;2024;150\r\n"))
    page = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-BE").new_page()
    sign_in(page, url, CONTRIBUTOR, "nl")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
    wait_for_app(page)
    expect(page.get_by_text(NOT_ALLOWED)).to_have_count(0)
    page.get_by_role("button", name=t("submit_send", "nl")).click()
    wait_for_app(page)
    expect(page.get_by_text(NOT_ALLOWED)).to_have_count(0)
    sent = S.listing(engine, A.find(engine, EDITOR))
    engine.dispose()
    assert [(s["file_name"], s["rows"]) for s in sent if s["partner_id"] == "PROV_WVL"][:1] == [("wvl.csv.gz", 1)]


def test_a_workbook_of_another_kind_is_said_in_the_pages_language(browser, accounts_app, tmp_path):
    url, _ = accounts_app
    path = tmp_path / "tableau.ods"
    path.write_bytes(b"PK\x03\x04 an OpenDocument spreadsheet, not an Excel workbook")
    page = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-FR").new_page()
    page.goto(f"{url}/data?lang=fr")
    wait_for_app(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(str(path))
    wait_for_app(page)
    expect(page.get_by_text(NOT_ALLOWED)).to_have_count(0)
    expect(page.get_by_text(re.compile(r"tableau\.ods.*Excel", re.DOTALL)).first).to_be_visible()
