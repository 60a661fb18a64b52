"""User text is shown as text, never run as HTML or script, on every page."""
from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import expect

from indicators.importing import import_files
from indicators.store import open_store

from .conftest import start_app, stop_app, wait_for_app

SCRIPT = "<script>window.__xss = 'script'</script>"
IMG = "<img src=x onerror=\"window.__xss = 'img'\">"


@pytest.fixture(scope="module")
def hostile_app(demo_store_file, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    store = folder / "app.sqlite"
    shutil.copy(demo_store_file, store)
    ind = folder / "indicators.csv"
    ind.write_text("indicator_id,action_id,name_fr,name_en,unit,direction,definition_fr,definition_en,source,owner\n"
                   f'XSS01,A01,"{IMG.replace(chr(34), chr(34) * 2)} vélo","{SCRIPT} bike",%,increase,'
                   f'"{SCRIPT}","{IMG.replace(chr(34), chr(34) * 2)}","=HYPERLINK(""http://evil"")","{SCRIPT}"\n')
    obs = folder / "observations.csv"
    obs.write_text("indicator_id,territory_id,period,value,note\n"
                   f'XSS01,59350,2020,10,"{SCRIPT}"\nXSS01,59350,2024,20,"{IMG.replace(chr(34), chr(34) * 2)}"\n')
    engine = open_store(f"sqlite:///{store}")
    outcome = import_files(engine, [ind, obs], user="mallory")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems]
    engine.dispose()
    proc, url = start_app(store)
    yield url
    stop_app(proc)


@pytest.mark.parametrize("path", ["/?lang=fr", "/explorer?lang=fr&indicator=XSS01", "/explorer?lang=en&indicator=XSS01",
                                  "/actions?lang=fr&action=A01", "/data?lang=fr"])
def test_hostile_text_is_never_executed(page, hostile_app, path):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_app + path)
    wait_for_app(page)
    page.wait_for_timeout(500)
    assert page.evaluate("window.__xss") is None
    assert not dialogs
    assert page.locator("img[src='x']").count() == 0
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_hostile_names_are_shown_as_written(page, hostile_app):
    page.goto(hostile_app + "/explorer?lang=fr&indicator=XSS01")
    wait_for_app(page)
    expect(page.get_by_role("combobox", name="Indicateur")).to_have_value(re.compile("^XSS01 · <img src=x onerror"))
