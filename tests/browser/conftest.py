"""Browser tests: the real app under `streamlit run`, driven by Playwright in Debian's Chromium.

Like Streamlit's own e2e harness: start the server on a free port, wait for
/_stcore/health, and wait on the app's own state (script not running), not on sleeps.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest

from ..conftest import ROOT, _free_port

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--use-gl=swiftshader", "--enable-unsafe-swiftshader"]
SHOTS = ROOT / "docs" / "screenshots"


def start_app(store, *extra: str, env_url: str | None = None):
    """Start `streamlit run app.py` on a free port on the given SQLite file (or URL); (process, url)."""
    port = _free_port()
    env = {**os.environ, "INDICATORS_DB_URL": env_url or f"sqlite:///{store}"}
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                             "--server.port", str(port), "--server.address", "127.0.0.1",
                             "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false", *extra],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    pytest.fail("streamlit did not start: " + proc.stdout.read().decode(errors="replace")[-2000:])


def stop_app(proc) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def app_url(demo_store_file, tmp_path_factory):
    store = tmp_path_factory.mktemp("browser") / "app.sqlite"
    shutil.copy(demo_store_file, store)
    proc, url = start_app(store)
    yield url
    stop_app(proc)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run the README's test command (make test).")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-FR")
    pg = context.new_page()
    yield pg
    context.close()


def wait_for_app(page, timeout: int = 60_000) -> None:
    """Wait until the app is connected and its script has finished running."""
    page.wait_for_timeout(250)  # widgets debounce ~200 ms before a rerun starts
    page.locator("[data-testid='stApp'][data-test-connection-state='CONNECTED']").wait_for(
        state="attached", timeout=timeout)
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(
        state="attached", timeout=timeout)
    page.get_by_test_id("stSkeleton").first.wait_for(state="detached", timeout=timeout) \
        if page.get_by_test_id("stSkeleton").count() else None


PASSWORD = "browser-test-password"   # every local account the browser tests sign in with


def start_with_accounts(demo_store_file, folder, *accounts):
    """The app started on a copy of the demo store in `folder` that holds these local accounts, each
    (e-mail, role, partner or None, name), all with PASSWORD: (process, url, store file)."""
    from indicators import accounts as A
    from indicators.store import open_store

    store = folder / "app.sqlite"
    shutil.copy(demo_store_file, store)
    engine = open_store(f"sqlite:///{store}")
    try:
        for email, role, partner, name in accounts:
            A.add_account(engine, A.OPERATOR, email, role, partner, PASSWORD, name)
    finally:
        engine.dispose()
    proc, url = start_app(store)
    return proc, url, store


def sign_in(page, url: str, email: str, lang: str) -> None:
    """Sign in with a local account (PASSWORD) on the Contributions page, in `lang`."""
    from indicators.i18n import t

    page.goto(f"{url}/review?lang={lang}")
    wait_for_app(page)
    page.get_by_label(t("account_email", lang), exact=True).fill(email)
    page.get_by_label(t("account_password", lang), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=t("sign_in", lang), exact=True).click()
    wait_for_app(page)


def shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
