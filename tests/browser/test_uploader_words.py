"""The file uploader speaks the page's language: Streamlit writes "Upload", "100MB per file" and each
file's size in English (streamlit#13500), and pages/widgets.file_uploader writes ours in their place."""
from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from .conftest import shoot, start_app, stop_app, wait_for_app

WORDS = {   # (button, the limit line), as the reader sees them
    "fr": ("Parcourir", "CSV, TSV, TXT, XLSX, GZ · 100 Mo au plus par fichier"),
    "nl": ("Bladeren", "CSV, TSV, TXT, XLSX, GZ · hoogstens 100 MB per bestand"),
    "en": ("Browse files", "CSV, TSV, TXT, XLSX, GZ · 100 MB at most per file"),
}

SHOWN = """(el, pseudo) => {
    const style = getComputedStyle(el, pseudo);
    return {content: style.content, size: parseFloat(style.fontSize), display: style.display};
}"""


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_uploader_says_its_words_in_the_page_language(page, app_url, lang, tmp_path):
    page.goto(f"{app_url}/data?lang={lang}")
    wait_for_app(page)
    zone = page.get_by_test_id("stFileUploaderDropzone")
    expect(zone).to_be_visible()
    button, limit = WORDS[lang]
    label = zone.locator("button[kind='secondary'] p")
    line = page.get_by_test_id("stFileUploaderDropzoneInstructions").locator("span").first
    for element, english, ours in ((label, "Upload", button), (line, "per file", limit)):
        assert english in element.inner_text()                 # Streamlit's own words are there...
        assert element.evaluate(SHOWN, None)["size"] == 0      # ...but take no room and show nothing
        after = element.evaluate(SHOWN, "::after")
        assert after["content"] == f'"{ours}"' and after["size"] > 10, after
    shoot(page, f"uploader-{lang}")
    sample = tmp_path / "releve.csv"
    sample.write_text("indicator_id;territory_id;period;value\nMOB04;59350;2026;12,5\n")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(sample))
    wait_for_app(page)
    chip = page.get_by_test_id("stFileChip").first
    expect(chip).to_contain_text("releve.csv")
    size = chip.get_by_test_id("stFileChipName").locator("xpath=following-sibling::div").first
    assert size.inner_text().endswith("B")                      # Streamlit's "58.0B"...
    assert size.evaluate(SHOWN, None)["display"] == "none"      # ...not shown


REFUSED = {"fr": "Fichier non envoyé : 1 Mo au plus par fichier.",
           "nl": "Bestand niet verzonden: hoogstens 1 MB per bestand.",
           "en": "File not sent: 1 MB at most per file."}


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_a_file_over_the_limit_is_said_refused_in_the_page_language(demo_store_file, tmp_path, browser,
                                                                    monkeypatch, lang):
    """The browser refuses a file over the uploader's size before sending it: Streamlit only reddens its
    chip and says "File must be 1.0MB or smaller." in English, in a tooltip. Ours is written under the
    chips and in that tooltip (MONITOR_MAX_FILE_BYTES makes the limit 1 MB for this server)."""
    monkeypatch.setenv("MONITOR_MAX_FILE_BYTES", str(1024 * 1024))
    store = tmp_path / "app.sqlite"
    shutil.copy(demo_store_file, store)
    proc, url = start_app(store)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{url}/data?lang={lang}")
        wait_for_app(page)
        big = tmp_path / "gros.csv"
        big.write_text("indicator_id;territory_id;period;value\n" + "MOB04;59350;2026;12,5\n" * 60_000)
        assert big.stat().st_size > 1024 * 1024
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(big))
        chip = page.locator("[data-testid='stFileChip'][aria-invalid='true']")
        expect(chip).to_contain_text("gros.csv")
        chips = page.get_by_test_id("stFileChips")
        assert chips.evaluate(SHOWN, "::after")["content"] == f'"{REFUSED[lang]}"'
        chip.hover()
        tip = page.get_by_test_id("stTooltipErrorContent")
        expect(tip).to_be_visible()
        assert "File must be" in tip.inner_text()                  # Streamlit's words are there...
        assert tip.evaluate(SHOWN, None)["size"] == 0               # ...but show nothing
        assert tip.evaluate(SHOWN, "::after")["content"] == f'"{REFUSED[lang]}"'
        shoot(page, f"uploader-refused-{lang}")
    finally:
        page.close()
        stop_app(proc)
