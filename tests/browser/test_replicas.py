"""Two replicas of the dashboard on one PostgreSQL store: an import through one shows on the other."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from indicators.auth import hash_password
from indicators.store import load_demo, open_store

from ..conftest import new_pg_database
from .conftest import start_app, stop_app, wait_for_app

PASSWORD = "replica-test-password"


@pytest.fixture(scope="module")
def replicas(postgres_server, tmp_path_factory):
    url = new_pg_database(postgres_server)
    engine = open_store(url)
    load_demo(engine)
    engine.dispose()
    secrets = tmp_path_factory.mktemp("replicas") / "secrets.toml"
    secrets.write_text(f'[editors]\npassword_hash = "{hash_password(PASSWORD, iterations=1000)}"\n')
    apps = [start_app(None, "--secrets.files", str(secrets), env_url=url) for _ in range(2)]
    yield [u for _, u in apps]
    for proc, _ in apps:
        stop_app(proc)


def test_import_on_one_replica_is_visible_on_the_other_without_reload(browser, replicas, tmp_path):
    a_url, b_url = replicas
    viewer = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-FR").new_page()
    viewer.goto(b_url + "/?lang=fr")
    wait_for_app(viewer)
    latest = viewer.get_by_test_id("stMetricValue").nth(3)
    expect(latest).to_have_text("2025")

    editor = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-FR").new_page()
    editor.goto(a_url + "/data?lang=fr")
    wait_for_app(editor)
    editor.get_by_label("Votre nom (inscrit dans l'historique)").fill("Replica A")
    editor.get_by_label("Mot de passe éditeur").fill(PASSWORD)
    editor.get_by_role("button", name="Se connecter").click()
    wait_for_app(editor)
    new = tmp_path / "nouveau.csv"
    new.write_bytes("indicateur;territoire;période;valeur\nMOB04;59350;2026;12,5\n".encode("cp1252"))
    editor.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(new))
    wait_for_app(editor)
    editor.get_by_role("button", name="Confirmer l'import").click()
    wait_for_app(editor)
    expect(editor.get_by_text(re.compile(r"Import n°\d+ enregistré"))).to_be_visible()

    # Replica B notices the new data version by itself within a few seconds (no reload, no click).
    expect(latest).to_have_text("2026", timeout=20_000)
