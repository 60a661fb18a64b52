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
    actions = folder / "actions.csv"    # A22, the worst action: first in the Overview's attention table
    actions.write_text("action_id,level_id,theme_id,title_fr,title_nl,title_en,description_fr,description_nl,"
                       "description_en,lead,status,start_year,end_year\n"
                       f'A22,euroregion,climate,"{IMG.replace(chr(34), chr(34) * 2)} eaux | Lys",eaux,waters,'
                       f'd,d,d,"{SCRIPT} | VMM",ongoing,2016,2027\n')
    engine = open_store(f"sqlite:///{store}")
    outcome = import_files(engine, [ind, obs, actions], user="mallory")
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


def test_hostile_action_title_and_lead_keep_to_their_table_cells(page, hostile_app):
    """The Overview's attention table is Markdown: a "|" in user text would have split its row."""
    page.goto(hostile_app + "/?lang=fr")
    wait_for_app(page)
    row = page.locator("table tr", has_text="A22")
    expect(row).to_have_count(1)
    cells = row.locator("td")
    expect(cells).to_have_count(4)
    expect(cells.nth(0)).to_have_text(re.compile(r"A22 · <img src=x onerror=.* eaux \| Lys"))
    # the lead holds partner codes separated by "|": the unknown one is shown as written, VMM by its name
    expect(cells.nth(1)).to_have_text(re.compile(r"<script>window.__xss = 'script'</script>, .*\(VMM\)"))
