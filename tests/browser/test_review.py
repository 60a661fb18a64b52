"""The partners' review loop in a real browser: a Belgian partner's contributor submits a French-Excel
file, the editor returns it with a comment, the contributor corrects and resubmits, the editor
approves; the dashboard shows the new year and the history names both. Refusals are shown in words."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from indicators import accounts as A
from indicators import submissions as S
from indicators.queries import load_observations
from indicators.store import list_batches, open_store

from .conftest import shoot, sign_in, start_with_accounts, stop_app, wait_for_app

CONTRIBUTOR, EDITOR = "data@west-vlaanderen.be", "editor@mel.fr"
ACCOUNTS = ((CONTRIBUTOR, "contributor", "PROV_WVL", "Els Vermeulen"), (EDITOR, "editor", None, "Camille Dubois"))


@pytest.fixture(scope="module")
def review_app(demo_store_file, tmp_path_factory):
    proc, url, store = start_with_accounts(demo_store_file, tmp_path_factory.mktemp("review"), *ACCOUNTS)
    yield url, store
    stop_app(proc)


def rerun(page, other: str, back: str) -> None:
    """Open another page and come back, in the same session (a reload would start a new one)."""
    for name in (other, back):
        page.locator(".st-key-nav").get_by_text(name, exact=True).click()
        wait_for_app(page)


def _file(tmp_path, name: str, value: str, territory: str) -> str:
    path = tmp_path / name
    path.write_bytes(f"indicateur;territoire;période;valeur\r\nECO08;{territory};2026;{value}\r\n".encode("cp1252"))
    return str(path)


def test_contributor_submits_editor_returns_then_approves(browser, review_app, tmp_path):
    url, store = review_app
    engine = open_store(f"sqlite:///{store}")
    territory = load_observations(engine).query("indicator_id == 'ECO08'")["territory_id"].iloc[0]
    els = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-BE").new_page()
    camille = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-FR").new_page()

    sign_in(els, url, CONTRIBUTOR, "nl")
    expect(els.get_by_text(re.compile("Aangemeld: Els Vermeulen"))).to_be_visible()
    els.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(_file(tmp_path, "eco08.csv", "1 234,5",
                                                                            territory))
    wait_for_app(els)
    els.get_by_role("button", name="Insturen ter beoordeling").click()
    wait_for_app(els)
    expect(els.get_by_text(re.compile(r"Inzending \d+ wacht op beoordeling"))).to_be_visible()
    shoot(els, "review-contributor-nl")
    first = S.listing(engine, A.find(engine, EDITOR))[0]["submission_id"]

    sign_in(camille, url, EDITOR, "fr")
    expect(camille.get_by_role("heading", name="À relire")).to_be_visible()
    expect(camille.get_by_test_id("stMetricValue").first).to_have_text("1")          # one value added
    shoot(camille, "review-editor-fr")
    camille.get_by_label("Commentaire de relecture").fill("Valeur provisoire : ajoutez le flag p.")
    camille.get_by_role("button", name="Renvoyer avec le commentaire").click()
    wait_for_app(camille)
    expect(camille.get_by_text(f"Soumission {first} renvoyée avec votre commentaire.")).to_be_visible()

    rerun(els, "Partners", "Bijdragen")
    expect(els.get_by_text(re.compile(f"Inzending {first} .* teruggestuurd door {EDITOR}: "
                                      "'Valeur provisoire : ajoutez le flag p.'"))).to_be_visible()
    shoot(els, "review-returned-nl")
    els.get_by_test_id("stSelectbox").filter(has_text="Verbetert").click()
    els.get_by_role("option", name=f"#{first}").click()
    wait_for_app(els)
    els.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(_file(tmp_path, "eco08_p.csv",
                                                                            "1 234,5 p", territory))
    wait_for_app(els)
    els.get_by_role("button", name="Insturen ter beoordeling").click()
    wait_for_app(els)
    expect(els.get_by_text(re.compile(r"Inzending \d+ wacht op beoordeling"))).to_be_visible()

    rerun(camille, "Partenaires", "Contributions")
    camille.get_by_role("button", name="Approuver et importer").click()
    wait_for_app(camille)
    expect(camille.get_by_text(re.compile(r"Importé comme lot \d+"))).to_be_visible()
    batch = list_batches(engine).iloc[0]
    assert CONTRIBUTOR in batch["user"] and EDITOR in batch["user"]
    stored = load_observations(engine).query("indicator_id == 'ECO08' and period == '2026'")
    assert stored["value"].tolist() == [1234.5] and stored["flag"].tolist() == ["p"]
    camille.locator(".st-key-nav").get_by_text("Vue d'ensemble").click()
    wait_for_app(camille)
    expect(camille.get_by_test_id("stMetricValue").nth(3)).to_have_text("2026")


def test_a_contributor_sees_the_refusal_for_another_partners_indicator(browser, review_app, tmp_path):
    url, store = review_app
    page = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-FR").new_page()
    sign_in(page, url, CONTRIBUTOR, "fr")
    path = tmp_path / "mel.csv"
    path.write_bytes("indicateur;territoire;période;valeur\r\nMOB04;59350;2026;3\r\n".encode("cp1252"))
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
    wait_for_app(page)
    page.get_by_role("button", name="Envoyer pour relecture").click()
    wait_for_app(page)
    expect(page.get_by_text(re.compile(r"Refusé : ces indicateurs ou actions ne relèvent pas de votre partenaire.*MOB04")))\
        .to_be_visible()
    expect(page.get_by_role("button", name="Approuver et importer")).to_have_count(0)
    shoot(page, "review-refused-fr")


def test_a_viewer_sees_only_the_sign_in(page, review_app):
    url, _ = review_app
    page.goto(f"{url}/review?lang=en")
    wait_for_app(page)
    expect(page.get_by_label("E-mail address")).to_be_visible()
    expect(page.get_by_role("button", name="Approve and import")).to_have_count(0)
    expect(page.get_by_role("button", name="Send for review")).to_have_count(0)


def test_an_action_update_goes_through_the_same_review_and_shows_in_the_timeline(browser, review_app, tmp_path):
    url, store = review_app
    engine = open_store(f"sqlite:///{store}")
    els = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-BE").new_page()
    camille = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-FR").new_page()

    def update(name: str, state: str) -> str:
        path = tmp_path / name
        path.write_bytes(("actie;periode;uitvoering;tekst;taal;volgende stappen\r\n"
                          f"A09;2026-S1;{state};Twee snelfietsroutes aanbesteed;nl;Werken starten in september\r\n")
                         .encode("cp1252"))
        return str(path)

    sign_in(els, url, CONTRIBUTOR, "nl")
    els.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(update("a09.csv", "ongoing"))
    wait_for_app(els)
    els.get_by_role("button", name="Insturen ter beoordeling").click()
    wait_for_app(els)
    expect(els.get_by_text(re.compile(r"Inzending \d+ wacht op beoordeling"))).to_be_visible()
    first = S.listing(engine, A.find(engine, EDITOR))[0]["submission_id"]

    sign_in(camille, url, EDITOR, "fr")
    camille.get_by_label("Commentaire de relecture").fill("Le marché est attribué avec retard : état delayed.")
    camille.get_by_role("button", name="Renvoyer avec le commentaire").click()
    wait_for_app(camille)
    expect(camille.get_by_text(f"Soumission {first} renvoyée avec votre commentaire.")).to_be_visible()

    rerun(els, "Partners", "Bijdragen")
    expect(els.get_by_text(re.compile("état delayed"))).to_be_visible()
    els.get_by_test_id("stSelectbox").filter(has_text="Verbetert").click()
    els.get_by_role("option", name=f"#{first}").click()
    wait_for_app(els)
    els.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(update("a09_delayed.csv", "delayed"))
    wait_for_app(els)
    els.get_by_role("button", name="Insturen ter beoordeling").click()
    wait_for_app(els)

    rerun(camille, "Partenaires", "Contributions")
    camille.get_by_role("button", name="Approuver et importer").click()
    wait_for_app(camille)
    expect(camille.get_by_text(re.compile(r"Importé comme lot \d+"))).to_be_visible()
    assert CONTRIBUTOR in list_batches(engine).iloc[0]["user"] and EDITOR in list_batches(engine).iloc[0]["user"]

    camille.goto(f"{url}/actions?lang=fr&action=A09")
    wait_for_app(camille)
    expect(camille.get_by_text("Twee snelfietsroutes aanbesteed")).to_be_visible()
    expect(camille.get_by_text("rédigé en néerlandais").first).to_be_visible()
    shoot(camille, "action-timeline-fr")


def test_a_contributor_types_a_value_in_french_format_the_editor_approves_and_it_shows(browser, review_app):
    """The typing form: the partner's own indicators only, a value typed as French writes it, the same
    review as a file; after approval the explorer shows the value as the latest one."""
    from indicators.queries import progress_report

    url, store = review_app
    engine = open_store(f"sqlite:///{store}")
    headline = next(r["territory_id"] for r in progress_report(engine)["indicators"]
                    if r["indicator_id"] == "ECO09" and r["headline"])
    period = str(int(load_observations(engine).query("indicator_id == 'ECO09'")["period"].max()) + 1)
    els = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-BE").new_page()
    camille = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-FR").new_page()

    sign_in(els, url, CONTRIBUTOR, "fr")
    els.get_by_role("tab", name="Saisir les valeurs").click()
    expect(els.get_by_label("Valeur ECO09")).to_be_visible()
    expect(els.get_by_label("Valeur MOB04")).to_have_count(0)            # another partner's indicator
    els.get_by_test_id("stSelectbox").filter(has_text="Territoire").click()
    els.get_by_role("option", name=re.compile(rf"\({headline}\)$")).click()
    wait_for_app(els)
    els.get_by_test_id("stSelectbox").filter(has_text="Période").click()
    els.get_by_role("option", name=period, exact=True).click()
    wait_for_app(els)
    els.get_by_label("Valeur ECO09").fill("71,3")
    shoot(els, "review-typed-form-fr")
    els.get_by_role("button", name="Envoyer les valeurs pour relecture").click()
    wait_for_app(els)
    expect(els.get_by_text(re.compile(r"Soumission \d+ en attente de relecture"))).to_be_visible()
    expect(els.get_by_label("Valeur ECO09")).to_have_value("")          # emptied: not sent twice by mistake
    sent = S.listing(engine, A.find(engine, EDITOR))[0]
    assert sent["status"] == S.PENDING and sent["file_name"].startswith("form-PROV_WVL")

    sign_in(camille, url, EDITOR, "fr")
    camille.get_by_test_id("stSelectbox").filter(has_text="Soumission").click()
    camille.get_by_role("option", name=re.compile(rf"^#{sent['submission_id']} ")).click()
    wait_for_app(camille)
    camille.get_by_role("button", name="Approuver et importer").click()
    wait_for_app(camille)
    expect(camille.get_by_text(re.compile(r"Importé comme lot \d+"))).to_be_visible()
    camille.goto(f"{url}/explorer?lang=fr&indicator=ECO09")
    wait_for_app(camille)
    expect(camille.get_by_test_id("stMetricValue").first).to_contain_text("71,3")
