"""The Data page in a real browser: a deep link on a fresh server, sign-in, upload, dry run, import."""
from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import expect

from indicators.auth import hash_password
from indicators.store import list_batches, open_store

from .conftest import shoot, start_app, stop_app, wait_for_app

PASSWORD = "browser-test-password"


@pytest.fixture(scope="module")
def editor_app(demo_store_file, tmp_path_factory):
    folder = tmp_path_factory.mktemp("editor")
    store = folder / "app.sqlite"
    shutil.copy(demo_store_file, store)
    secrets = folder / "secrets.toml"
    secrets.write_text(f'[editors]\npassword_hash = "{hash_password(PASSWORD, iterations=1000)}"\n')
    proc, url = start_app(store, "--secrets.files", str(secrets))
    yield url, store
    stop_app(proc)


def test_deep_link_on_a_fresh_server_goes_through_the_shell(page, editor_app):
    url, _ = editor_app
    page.goto(url + "/data?lang=en")              # the very first request this server gets
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Data", exact=True)).to_be_visible()
    expect(page.locator(".st-key-nav")).to_contain_text("Strategic actions")
    expect(page.locator(".st-key-nav")).not_to_contain_text("common")
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)   # no legacy list of the pages/ folder


def test_editor_uploads_a_french_excel_file_and_imports_it(page, editor_app, tmp_path):
    url, store = editor_app
    page.goto(url + "/data?lang=fr")
    wait_for_app(page)
    page.get_by_label("Votre nom (inscrit dans l'historique)").fill("Camille")
    page.get_by_label("Mot de passe éditeur").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    wait_for_app(page)
    expect(page.get_by_text("Connecté comme éditeur : Camille")).to_be_visible()
    bad = tmp_path / "releve.csv"
    bad.write_bytes("indicateur;territoire;période;valeur\nMOB04;59350;2026;12,5\nMOB04;5935;2026;abc\n"
                    .encode("cp1252"))
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(bad))
    wait_for_app(page)
    expect(page.get_by_text("2 problèmes à corriger avant l'import.")).to_be_visible()
    shoot(page, "data-problems")
    good = tmp_path / "releve_ok.csv"
    good.write_bytes("indicateur;territoire;période;valeur\nMOB04;59350;2026;12,5\n".encode("cp1252"))
    page.get_by_role("button", name=re.compile("Remove|Supprimer|Delete")).first.click() \
        if page.get_by_role("button", name=re.compile("Remove|Supprimer|Delete")).count() else None
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(good))
    wait_for_app(page)
    expect(page.get_by_role("button", name="Confirmer l'import")).to_be_visible()
    page.get_by_role("button", name="Confirmer l'import").click()
    wait_for_app(page)
    expect(page.get_by_text(re.compile(r"Import n°\d+ enregistré : 1 ajoutée"))).to_be_visible()
    batches = list_batches(open_store(f"sqlite:///{store}"))
    assert batches.iloc[0]["user"] == "Camille" and batches.iloc[0]["files"] == "releve_ok.csv"
    # The same session sees the new year on the Overview at once.
    page.locator(".st-key-nav").get_by_text("Vue d'ensemble").click()
    wait_for_app(page)
    expect(page.get_by_test_id("stMetricValue").nth(3)).to_have_text("2026")


def test_a_100000_row_file_reaches_the_dry_run_report_quickly(page, editor_app, tmp_path):
    import time

    import pandas as pd

    from ..conftest import DEMO

    url, _ = editor_app
    indicators = pd.read_csv(DEMO / "indicators.csv", dtype=str)["indicator_id"].head(10)
    territories = pd.read_csv(DEMO / "territories.csv", dtype=str)["territory_id"].head(50)
    lines = ["indicateur;territoire;période;valeur"]
    for ind in indicators:
        for ter in territories:
            lines += [f"{ind};{ter};{1900 + k // 12}-{k % 12 + 1:02d};{k % 90},5" for k in range(200)]
    big = tmp_path / "gros_fichier.csv"
    big.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    assert len(lines) - 1 == 100_000
    page.goto(url + "/data?lang=fr")
    wait_for_app(page)
    page.get_by_label("Votre nom (inscrit dans l'historique)").fill("Camille")
    page.get_by_label("Mot de passe éditeur").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    wait_for_app(page)
    expect(page.get_by_text("Connecté comme éditeur : Camille")).to_be_visible()
    start = time.perf_counter()
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(big))
    expect(page.get_by_text("Simulation : ce que l'import changerait")).to_be_visible(timeout=60_000)
    seconds = time.perf_counter() - start
    print(f"\n100,000-row file: drop to dry-run report in {seconds:.1f} s (target < 10 s)")
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("100\u202f000")
    # Confirmed, the import takes the large-table path (indicators/store/bulk.py) inside the server.
    page.get_by_role("button", name="Confirmer l'import").click()
    expect(page.get_by_text(re.compile("Import n°\\d+ enregistré : 100\u202f000 ajoutée"))).to_be_visible(
        timeout=60_000)
    shoot(page, "data-imported-100000")


WORDS = {"fr": {"name": "Votre nom (inscrit dans l'historique)", "password": "Mot de passe éditeur",
                "sign_in": "Se connecter", "confirm": "Confirmer l'import", "history": "Historique",
                "change": "Ce qui change (ancienne → nouvelle)", "flag": "rupture de série, provisoire",
                "viewer": "Vous pouvez vérifier un fichier"},
         "nl": {"name": "Uw naam (in de geschiedenis)", "password": "Redacteurswachtwoord",
                "sign_in": "Aanmelden", "confirm": "Import bevestigen", "history": "Geschiedenis",
                "change": "Wat verandert (oud → nieuw)", "flag": "breuk in de reeks, voorlopig",
                "viewer": "U kunt een bestand controleren"}}


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_problems_dry_run_and_history_read_in_the_planners_language(page, editor_app, tmp_path, lang):
    url, store = editor_app
    words = WORDS[lang]
    obs = __import__("indicators.store", fromlist=["read_table"]).read_table(open_store(f"sqlite:///{store}"),
                                                                            "observations")
    row = obs[obs.territory_id == "59350"].iloc[-1]
    page.goto(url + f"/data?lang={lang}")
    wait_for_app(page)
    expect(page.get_by_text(words["viewer"])).to_be_visible()          # a viewer may check a file
    bad = tmp_path / f"controle_{lang}.csv"
    bad.write_bytes(f"indicator_id;territory_id;period;value\n{row.indicator_id};5935;{row.period};abc\n".encode())
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(bad))
    wait_for_app(page)
    expect(page.get_by_test_id("stTable").first).to_be_visible()   # the problems, wrapped
    shoot(page, f"data-problems-{lang}")
    page.get_by_label(words["name"]).fill("Camille")
    page.get_by_label(words["password"]).fill(PASSWORD)
    page.get_by_role("button", name=words["sign_in"]).click()
    wait_for_app(page)
    change = tmp_path / f"maj_{lang}.csv"
    change.write_bytes(f"indicator_id;territory_id;period;value;flag\n{row.indicator_id};59350;{row.period};"
                       f"{'1234,5' if lang == 'fr' else '2345,5'};bp\n".encode())   # new in each run: a change
    remove = page.get_by_role("button", name=re.compile("Remove|Supprimer|Delete|Verwijderen"))
    if remove.count():                        # the checked file stays in the uploader: take it out first
        remove.first.click()
        wait_for_app(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(change))
    wait_for_app(page)
    expect(page.get_by_role("button", name=words["confirm"])).to_be_visible()
    grid = page.locator("[data-testid='stDataFrame']:visible").last   # the history tab's tables are hidden
    expect(grid).to_be_visible()
    body = page.locator("[data-testid='stMain']").inner_text()
    assert "value_old" not in body and "flag_old" not in body and "None" not in body   # no schema names
    shoot(page, f"data-dry-run-{lang}")
    page.get_by_role("button", name=words["confirm"]).click()
    wait_for_app(page)
    page.get_by_role("tab", name=words["history"]).click()
    wait_for_app(page)
    # right after the import the history shows that import and what it replaced, read, not JSON
    from indicators.i18n import t

    newest = int(list_batches(open_store(f"sqlite:///{store}")).iloc[0]["batch_id"])
    expect(page.get_by_text(t("rollback_confirm", lang, batch=newest))).to_be_visible()
    body = page.locator("[data-testid='stMain']").inner_text()
    assert "{" not in body and "None" not in body
    shoot(page, f"data-history-{lang}")
    batches = list_batches(open_store(f"sqlite:///{store}"))
    assert batches.iloc[0]["files"] == f"maj_{lang}.csv"
