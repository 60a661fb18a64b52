"""Partners submit flows too, in a real browser: on the Partners page a Flemish planner downloads the flows
its agency owes (origin -> destination, the flows format), fills them in, and the agency's contributor sends
them on the Contributions page; the editor reads the flows approving would add and approves; the store
holds them in one batch naming both. A flows row of another partner's indicator is refused in words that
say where it is."""
from __future__ import annotations

import re

import pandas as pd
import pytest
from playwright.sync_api import expect

from indicators import accounts as A
from indicators import submissions as S
from indicators.queries import load_flows
from indicators.store import list_batches, open_store

from .conftest import sign_in, start_with_accounts, stop_app, wait_for_app

CONTRIBUTOR, EDITOR = "data@adulm.fr", "editor@mel.fr"
ADULM_NL = "Ontwikkelings- en stedenbouwagentschap Rijsel Metropool"


@pytest.fixture(scope="module")
def flows_app(demo_store_file, tmp_path_factory):
    proc, url, store = start_with_accounts(demo_store_file, tmp_path_factory.mktemp("flows"),
                                           (CONTRIBUTOR, "contributor", "ADULM", "Lena Maes"),
                                           (EDITOR, "editor", None, "Camille Dubois"))
    yield url, store
    stop_app(proc)


def test_the_flows_due_are_downloaded_filled_in_sent_reviewed_and_approved(browser, flows_app, tmp_path):
    url, store = flows_app
    engine = open_store(f"sqlite:///{store}")
    before = len(load_flows(engine))
    lena = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-BE",
                               accept_downloads=True).new_page()
    camille = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-FR").new_page()

    lena.goto(f"{url}/partners?lang=nl")
    wait_for_app(lena)
    expect(lena.get_by_role("heading", name="Partners", exact=True)).to_be_visible(timeout=30_000)
    lena.get_by_test_id("stSelectbox").filter(has_text="Partner").click()
    lena.keyboard.type("stedenbouw")                    # the list shows its first names only: typed to find it
    lena.get_by_role("option", name=ADULM_NL).click()
    wait_for_app(lena)
    button = lena.get_by_role("button", name="Stromen downloaden (CSV)")
    expect(button).to_be_visible()
    expect(lena.get_by_text(re.compile(r"De stromen herkomst → bestemming .*MOB10"))).to_be_visible()
    with lena.expect_download() as info:
        button.click()
    assert info.value.suggested_filename == "aan_te_leveren_ADULM_stromen.csv"
    due = pd.read_csv(info.value.path(), sep=";", dtype=str, encoding="utf-8-sig", keep_default_na=False)
    assert list(due.columns[:5]) == ["indicator_id", "origin_id", "destination_id", "period", "value"]
    assert set(due["indicator_id"]) == {"MOB10", "MOB11"} and (due["value"] == "").all()
    filled = due.assign(value="1.250")                  # as a Dutch Excel writes 1250: thousands point
    path = tmp_path / "stromen.csv"
    path.write_bytes(filled.to_csv(index=False, sep=";", lineterminator="\r\n").encode("utf-8-sig"))

    sign_in(lena, url, CONTRIBUTOR, "nl")
    lena.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
    wait_for_app(lena)
    lena.get_by_role("button", name="Insturen ter beoordeling").click()
    wait_for_app(lena)
    expect(lena.get_by_text(re.compile(r"Inzending \d+ wacht op beoordeling"))).to_be_visible()
    sent = S.listing(engine, A.find(engine, EDITOR))[0]
    assert sent["partner_id"] == "ADULM" and sent["status"] == S.PENDING and sent["rows"] == len(due)

    sign_in(camille, url, EDITOR, "fr")
    camille.get_by_test_id("stSelectbox").filter(has_text="Soumission").click()
    camille.get_by_role("option", name=re.compile(rf"^#{sent['submission_id']} ")).click()
    wait_for_app(camille)
    expect(camille.get_by_text(f"Flux que l'approbation écrira ({len(due)})")).to_be_visible()
    camille.get_by_role("button", name="Approuver et importer").click()
    wait_for_app(camille)
    expect(camille.get_by_text(re.compile(r"Importé comme lot \d+"))).to_be_visible()
    batch = list_batches(engine).iloc[0]
    assert CONTRIBUTOR in batch["user"] and EDITOR in batch["user"]
    after = load_flows(engine)
    assert len(after) == before + len(due)
    stored = after.merge(due[["indicator_id", "origin_id", "destination_id", "period"]])
    assert len(stored) == len(due) and set(stored["value"]) == {1250.0}
    engine.dispose()


def test_a_flows_row_of_another_partner_is_refused_naming_its_row(browser, flows_app, tmp_path):
    url, store = flows_app
    page = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-FR").new_page()
    sign_in(page, url, CONTRIBUTOR, "fr")
    path = tmp_path / "flux.csv"
    path.write_bytes("indicateur;origine;destination;période;valeur\r\nMOB10;FRE;BE25;2031;10\r\n"
                     "CIT08;FRE;BE25;2031;20\r\n".encode("cp1252"))
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
    wait_for_app(page)
    page.get_by_role("button", name="Envoyer pour relecture").click()
    wait_for_app(page)
    expect(page.get_by_text(re.compile(r"Refusé : ces indicateurs ou actions ne relèvent pas de votre partenaire "
                                       r"\(ADULM\) : CIT08 .*fichier flux\.csv, ligne 3, colonne indicateur, "
                                       r"valeur CIT08"))).to_be_visible()
    expect(page.get_by_text(re.compile(r"Soumission \d+ en attente de relecture"))).to_have_count(0)
