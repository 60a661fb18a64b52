"""The report says which language a partner's update is written in, as the Actions page does (outside tester V,
stop 32, finding 3): the nl report showed "Laatste voortgangsrapport: 2025-S2 · Cahier des charges en
préparation…" in French with no "in het Frans geschreven", which the Actions page writes beside the same update.
One engine function (i18n.written_in) says it for both, for any language a partner may write in."""
from __future__ import annotations

import pandas as pd
import pytest

import indicators.report as R
from indicators import filters as F
from indicators import i18n

WRITTEN = {"fr": None, "nl": "in het Frans geschreven", "en": "written in French"}


def _section(report, action_id: str):
    return next(s for s in report.sections if s.action_id == action_id)


def test_the_engine_names_the_language_of_a_text_in_the_readers_words():
    assert [i18n.written_in("fr", lang) for lang in ("fr", "nl", "en")] == [None, "in het Frans geschreven",
                                                                            "written in French"]
    assert i18n.written_in("nl", "fr") == "rédigé en néerlandais" and i18n.written_in("NL", "en") == "written in Dutch"
    # any ISO 639-1 language a partner may write in (languages.py), in the reader's words
    assert [i18n.written_in("de", lang) for lang in ("fr", "nl", "en")] == [
        "rédigé en allemand", "in het Duits geschreven", "written in German"]
    assert i18n.written_in(None, "nl") is None and i18n.written_in(float("nan"), "nl") is None
    assert i18n.written_in("", "nl") is None and i18n.written_in("xx", "nl") is None


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_reports_latest_update_says_it_is_written_in_french(demo_tables, lang):
    demo = demo_tables
    report = R.build(demo["framework"], demo["observations"], F.Filters(lang=lang), flows=demo["flows"])
    update = _section(report, "A01").update
    assert update.startswith("2025-S2 · ") and "Mise en œuvre conforme au calendrier" in update, update
    if WRITTEN[lang] is None:   # in the reader's own language: nothing to say
        assert "rédigé en" not in update, update
    else:   # said once, before the text, its next steps and its risks (all in the update's language)
        assert update.startswith(f"2025-S2 · {WRITTEN[lang]} · Mise en œuvre"), update
        assert update.count(WRITTEN[lang]) == 1
    html = R.render_html(report)   # the HTML, and the PDF printed from it
    if WRITTEN[lang] is None:
        assert "rédigé en français" not in html
    else:
        assert WRITTEN[lang] in html


def test_a_dutch_update_in_the_french_report_and_a_german_one_in_the_dutch_report(demo_tables):
    demo = demo_tables
    framework = dict(demo["framework"])
    updates = framework["action_updates"].copy()
    updates["lang"] = updates["lang"].astype(object)
    updates.loc[(updates["action_id"] == "A01") & (updates["period"] == "2025-S2"), "lang"] = "nl"
    updates.loc[(updates["action_id"] == "A02") & (updates["period"] == "2025-S2"), "lang"] = "de"
    updates.loc[(updates["action_id"] == "A03") & (updates["period"] == "2025-S2"), "lang"] = pd.NA   # not given
    framework["action_updates"] = updates
    fr = R.build(framework, demo["observations"], F.Filters(lang="fr"), flows=demo["flows"])
    assert _section(fr, "A01").update.startswith("2025-S2 · rédigé en néerlandais · ")
    assert _section(fr, "A02").update.startswith("2025-S2 · rédigé en allemand · ")
    assert "rédigé en" not in _section(fr, "A03").update
    nl = R.build(framework, demo["observations"], F.Filters(lang="nl"), flows=demo["flows"])
    assert "geschreven" not in _section(nl, "A01").update   # Dutch, read in Dutch
    assert _section(nl, "A02").update.startswith("2025-S2 · in het Duits geschreven · ")
    a02 = _section(nl, "A02").update   # its next steps and risks follow, in the update's language, labelled once
    assert "Volgende stappen: " in a02 and "Risico's: " in a02 and a02.count("geschreven") == 1, a02
    assert "in het Duits geschreven" in R.render_html(nl)


def test_the_dutch_pdf_says_it_too(demo_tables):
    """The PDF is printed from the HTML (chromium): the words reach the printed page."""
    from pypdf import PdfReader
    import io

    demo = demo_tables
    report = R.build(demo["framework"], demo["observations"], F.Filters(lang="nl", action="A01"), flows=demo["flows"])
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(R.render_pdf(report))).pages)
    assert "in het Frans geschreven" in " ".join(text.split()), text[:2000]


def test_the_actions_page_and_the_report_say_it_in_the_same_words(demo_url, demo_tables):
    from streamlit.testing.v1 import AppTest

    from .conftest import ROOT, switch_page

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["lang"], at.query_params["action"] = "nl", "A01"
    at.run()
    switch_page(at, "pages/actions.py").run()
    assert not at.exception, at.exception
    timeline = [m.value for m in at.markdown if "**2025-S2**" in m.value]
    assert timeline and f" · {i18n.written_in('fr', 'nl')}" in timeline[0], timeline
    demo = demo_tables
    report = R.build(demo["framework"], demo["observations"], F.Filters(lang="nl", action="A01"), flows=demo["flows"])
    assert i18n.written_in("fr", "nl") in _section(report, "A01").update
