"""The progress report: as data, as self-contained HTML, as an A4 PDF (text extracted), by command line.

The HTML is opened in headless Chromium in tests/browser/test_report.py.
"""
from __future__ import annotations

import io
import re
import subprocess
import sys
from datetime import datetime

import pytest
from pypdf import PdfReader

from indicators import filters as F
from indicators import i18n
from indicators import report as R
from indicators.progress import STATUSES

from .conftest import ROOT

SCOPES = {"strategy": {}, "action": {"action": "A02"}}
LANGS = ("fr", "nl", "en")
WHEN = datetime(2026, 11, 25, 9, 30)


def normal(text: str) -> str:
    """Spaces as one plain space (no-break spaces, line ends), for comparisons with extracted text."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


@pytest.fixture(scope="module")
def demo(demo_tables, demo_module_url):
    """The demo's tables, and a copy of its store for the command line (in this module and
    browser/test_report.py, `demo` is this, not conftest's engine)."""
    return {**demo_tables, "url": demo_module_url}


_CACHE: dict = {}


def made(demo, scope: str, lang: str, method: str = "opensdg", pdf: bool = True):
    """(report, html, pdf bytes or None) of a scope in a language, built once per test session."""
    key = (scope, lang, method)
    if key not in _CACHE:
        flt = F.Filters(lang=lang, method=method, **SCOPES[scope])
        report = R.build(demo["framework"], demo["observations"], flt, flows=demo["flows"],
                         data_as_of=demo["as_of"], created=WHEN)
        _CACHE[key] = [report, R.render_html(report), None]
    entry = _CACHE[key]
    if pdf and entry[2] is None:
        entry[2] = R.render_pdf(entry[0], entry[1])
    return tuple(entry)


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, normal(" ".join(page.extract_text() for page in reader.pages))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("scope", list(SCOPES))
def test_pdf_holds_every_action_status_and_the_filter_summary(demo, scope, lang):
    report, _, pdf = made(demo, scope, lang)
    assert pdf.startswith(b"%PDF")
    reader, text = pdf_text(pdf)
    expected_actions = sorted(F.selected_actions(demo["framework"], report.filters)["action_id"])
    assert report.action_ids() == expected_actions
    for aid in expected_actions:
        assert re.search(rf"\b{aid} · ", text), aid
    words = report.status_words()
    assert words, "no status at all"
    for word in words:
        assert normal(word) in text, word
    assert normal(report.scope) in text                  # the cover's heading: level, theme, action
    for label, value in report.filter_summary:            # and the other filters below it
        assert normal(value) in text and (normal(label) in text or label == i18n.t("report_scope", lang)), label
    assert normal(i18n.t("report_title", lang)) in text
    assert normal(i18n.t(f"method_{report.method}", lang)) in text
    # A4 pages, numbered "Page n / N" in the footer, the date on the cover
    assert len(reader.pages) >= 3
    box = reader.pages[0].mediabox
    assert round(float(box.width)) == 595 and round(float(box.height)) == 842
    n = len(reader.pages)
    page_word = normal(i18n.t("report_page", lang))
    assert f"{page_word} 1 / {n}" in text and f"{page_word} {n} / {n}" in text
    assert normal(R.long_date(WHEN, lang)) in text
    # the closing pages: method and data health
    assert normal(i18n.t("report_method_title", lang)) in text
    assert normal(i18n.t("page_health", lang)) in text


@pytest.mark.parametrize("lang", LANGS)
def test_numbers_follow_the_language(demo, lang):
    report, _, pdf = made(demo, "action", lang)
    _, text = pdf_text(pdf)
    entry = report.sections[0].indicators[0]          # MOB06, departures a day in the hundreds
    assert normal(entry.latest) in text
    score = report.sections[0].score
    written = i18n.number(score, lang, 1)
    assert ("," in written) == (lang in ("fr", "nl"))
    assert normal(f"{written} / 5") in text


def test_whole_strategy_summary_matches_the_rollup(demo):
    from indicators.progress import assess_all, rollup_actions

    report, _, _ = made(demo, "strategy", "en")
    fw = demo["framework"]
    roll = rollup_actions(assess_all(demo["observations"], fw["indicators"], fw["targets"]), fw["indicators"],
                          fw["actions"])
    counts = roll["status"].value_counts()
    assert report.action_counts == {s: int(counts.get(s, 0)) for s in STATUSES}
    assert sum(report.indicator_counts.values()) == len(fw["indicators"])
    assert {s.action_id: s.status for s in report.sections} == dict(zip(roll["action_id"], roll["status"]))
    assert report.matrix is not None and len(report.attention) <= R.ATTENTION
    assert [a["score"] for a in report.attention] == sorted(a["score"] for a in report.attention)
    # every indicator has its section entry; those with values have a chart
    entries = [i for s in report.sections for i in s.indicators]
    assert len(entries) == len(fw["indicators"])
    with_values = set(demo["observations"]["indicator_id"])
    assert all((i.figure is not None) == (i.indicator_id in with_values) for i in entries)
    assert all(len({t.meta["territory_id"] for t in i.figure.data if (t.meta or {}).get("role") == "observed"})
               <= R.CHART_TERRITORIES for i in entries if i.figure is not None)


@pytest.mark.parametrize("scope", list(SCOPES))
def test_html_is_self_contained(demo, scope):
    report, html, _ = made(demo, scope, "fr", pdf=False)
    from plotly.offline import get_plotlyjs

    library = get_plotlyjs()
    assert html.count(library) == 1                       # the library once, inline
    rest = html.replace(library, "")
    assert "<script src" not in rest and "<link" not in rest and "@import" not in rest
    assert "http://" not in rest and "https://" not in rest   # nothing to fetch: it opens offline
    figures = len(re.findall(r'<div class="plot" data-fig="fig-\d+"', html))
    islands = len(re.findall(r'<script type="application/json" id="fig-\d+">', html))
    expected = sum(i.figure is not None for s in report.sections for i in s.indicators) \
        + (report.matrix is not None) + len(report.health_figures)
    assert figures == islands == expected > 0
    if report.matrix is not None:      # the matrix's scores are explained beside it
        assert "de -5 (s'éloigne nettement de la cible) à +5 (cible atteinte, ou bien en avance" in html.replace("&#x27;", "'")
    text = normal(re.sub(r"<[^>]+>", " ", html.split("<script", 1)[0] + html.split("</style>", 1)[1]))
    for aid in report.action_ids():
        assert aid in text


def test_the_report_escapes_user_text(demo):
    fw = {k: v.copy() for k, v in demo["framework"].items()}
    actions = fw["actions"]
    actions.loc[actions["action_id"] == "A02", "title_en"] = "<script>alert('title')</script> & Co"
    actions.loc[actions["action_id"] == "A02", "lead"] = "<img src=x onerror=alert('lead')>"
    inds = fw["indicators"]
    inds.loc[inds["indicator_id"] == "MOB06", "source"] = "<b onmouseover=alert(1)>source</b>"
    targets = fw["targets"]
    targets.loc[targets["indicator_id"] == "MOB06", "note"] = "</script><script>alert('note')</script>"
    ter = fw["territories"]
    ter.loc[ter["territory_id"] == "EMLKT", "name_en"] = "</script><script>alert('territory')</script>"
    report = R.build(fw, demo["observations"], F.Filters(lang="en", action="A02"), flows=demo["flows"])
    html = R.render_html(report, plotly_js="/* plotly */")
    for raw in ("<script>alert(", "<img src=x", "<b onmouseover", "</script><script>alert"):
        assert raw not in html, raw
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; &amp; Co" in html
    assert "&lt;img src=x onerror=alert(&#x27;lead&#x27;)&gt;" in html
    assert "&lt;/script&gt;&lt;script&gt;alert(&#x27;note&#x27;)" in html
    # the chart's territory name travels inside the figure's JSON, with "<" written as \u003c
    assert "\\u003cscript\\u003ealert('territory')" in html


def test_eurostat_words_for_indicators_without_target(demo):
    report, html, _ = made(demo, "strategy", "en", "eurostat", pdf=False)
    words = report.status_words()
    eurostat = {"Significant progress", "Moderate progress", "Moderate movement away", "Significant movement away"}
    assert words & eurostat, words
    for word in words & eurostat:
        assert word in html
    assert "Eurostat SDG" in html


def test_filters_choose_the_actions(demo):
    fw = demo["framework"]
    for flt in (F.Filters(lang="fr", level="border"), F.Filters(lang="nl", theme="mobility"),
                F.Filters(lang="en", level="metropolis", theme="climate")):
        report = R.build(fw, demo["observations"], flt, flows=demo["flows"])
        assert report.action_ids() == sorted(F.selected_actions(fw, flt)["action_id"])
        assert all(i.indicator_id in set(F.selected_indicators(fw, flt)["indicator_id"])
                   for s in report.sections for i in s.indicators)
    scope, items = R.filter_summary(fw, F.Filters(lang="nl", theme="mobility"))
    assert scope == "Thema: Mobiliteit"
    assert ("Thema", "Mobiliteit") in items and ("Voortgangsmethode", "Open SDG (Statistics Canada)") in items
    with pytest.raises(R.ReportError, match="rapport serait vide"):
        R.build(fw, demo["observations"], F.Filters(lang="fr", level="border", theme="nonexistent"))


def test_territory_and_period_filters_reach_the_charts(demo):
    fw = demo["framework"]
    flt = F.Filters(lang="fr", action="A01", territories=("59350",), period_from="2018", period_to="2022")
    report = R.build(fw, demo["observations"], flt, flows=demo["flows"])
    assert any(label == "Période" and value == "2018–2022" for label, value in report.filter_summary)
    for entry in report.sections[0].indicators:
        if entry.figure is None:
            continue
        xs = [x for tr in entry.figure.data if (tr.meta or {}).get("role") == "observed" for x in tr.x]
        ids = {tr.meta["territory_id"] for tr in entry.figure.data if (tr.meta or {}).get("role") == "observed"}
        assert ids <= {"59350"} and all(2018 <= x < 2023 for x in xs)


def test_file_name_is_in_the_report_language(demo):
    day = datetime(2026, 11, 25).date()
    fw = demo["framework"]
    assert R.file_name(F.Filters(lang="fr", theme="mobility"), "pdf", day, fw) == \
        "rapport-avancement-mobilite-2026-11-25.pdf"
    assert R.file_name(F.Filters(lang="nl", theme="mobility", action="A01"), "pdf", day, fw) == \
        "voortgangsrapport-mobiliteit-a01-2026-11-25.pdf"
    assert R.file_name(F.Filters(lang="fr"), "html", day, fw) == "rapport-avancement-strategie-2026-11-25.html"
    assert R.file_name(F.Filters(lang="en"), "html", datetime(2026, 1, 2).date()) == \
        "progress-report-strategy-2026-01-02.html"


def test_missing_chromium_is_a_clear_error(demo, monkeypatch):
    monkeypatch.setattr(R.as_pdf, "CHROMIUM", "/nonexistent/chromium")
    assert "Chromium was not found at /nonexistent/chromium" in R.pdf_problem()
    report = R.build(demo["framework"], demo["observations"], F.Filters(lang="fr", action="A01"))
    with pytest.raises(R.ReportError, match="apt-get install chromium"):
        R.render_pdf(report)


# ------------------------------------------------------------------ command line

def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([sys.executable, "-m", "indicators", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})})


def test_cli_report_pdf_in_dutch_for_a_theme(demo, tmp_path):
    out = tmp_path / "rapport.pdf"
    done = cli("report", str(out), "--theme", "mobility", "--lang", "nl", "--db", demo["url"])
    assert done.returncode == 0, done.stderr
    assert "Rapport geschreven naar" in done.stdout   # the command line speaks --lang
    _, text = pdf_text(out.read_bytes())
    assert "Voortgangsrapport" in text and "Thema: Mobiliteit" in text
    fw = demo["framework"]
    for aid in F.selected_actions(fw, F.Filters(theme="mobility"))["action_id"]:
        assert f"{aid} · " in text


def test_cli_report_html_and_usage_errors(demo, tmp_path):
    out = tmp_path / "a01.html"
    done = cli("report", str(out), "--action", "A01", "--lang", "fr", "--method", "eurostat", "--db", demo["url"])
    assert done.returncode == 0, done.stderr
    html = out.read_text(encoding="utf-8")
    assert "A01 · Relier les itinéraires cyclables transfrontaliers" in html and "Eurostat ODD" in html
    # the file's size as a French reader writes it (`312 ko`, `6,4 Mo`), never a bare count of kilobytes
    assert re.search(r", \d+(,\d)?[\u00a0\u202f](ko|Mo)\.$", done.stdout.strip()), done.stdout
    assert cli("report", str(tmp_path / "x.docx"), "--db", demo["url"]).returncode == 2
    bad = cli("report", str(tmp_path / "x.pdf"), "--level", "atlantis", "--db", demo["url"])
    assert bad.returncode == 2 and "Unknown level 'atlantis'" in bad.stderr and "border" in bad.stderr
    empty = cli("report", str(tmp_path / "x.pdf"), "--level", "border", "--action", "A23", "--db", demo["url"])
    assert empty.returncode == 2 and "No action matches" in empty.stderr
    assert cli("report", "--db", demo["url"]).returncode == 2                    # OUT is required
    missing = cli("report", str(tmp_path / "y.pdf"), "--action", "A01", "--db", demo["url"],
                  env={"CHROMIUM": "/nonexistent/chromium"})
    assert missing.returncode == 1 and "Chromium was not found" in missing.stderr
    assert not (tmp_path / "y.pdf").exists()


@pytest.mark.parametrize("lang", LANGS)
def test_an_indicator_with_no_value_yet_is_reported_not_a_crash(demo, lang):
    fw = {k: v.copy() for k, v in demo["framework"].items()}
    import pandas as pd

    new = fw["indicators"][fw["indicators"]["action_id"] == "A02"].head(1).copy()
    new["indicator_id"] = "NEW99"
    new["name_fr"] = new["name_nl"] = new["name_en"] = "Sans valeur encore"
    fw["indicators"] = pd.concat([fw["indicators"], new], ignore_index=True)
    report = R.build(fw, demo["observations"], F.Filters(lang=lang, action="A02"), flows=demo["flows"])
    html = R.render_html(report, plotly_js="/* plotly */")
    card = html[html.index("Sans valeur encore"):][:4000]
    assert "nan" not in card.lower().split("sans valeur encore")[1][:2000]
    assert "–" in card   # no period yet, shown as a dash


def test_the_report_maps_the_chosen_indicator_on_the_saved_boundaries(demo_url):
    """The committee report carries the map of one indicator (issue 18): the dashboard's chosen one, else
    the Map page's first view; static, offline, names and legend in the report's language."""
    from indicators.store import open_store

    engine = open_store(demo_url)
    fr = R.from_store(engine, F.Filters(lang="fr"))
    nl = R.from_store(engine, F.Filters(lang="nl"), map_indicator="MOB04")
    assert fr.map is not None and fr.map.indicator_id == "ECO07"          # the Map page's first view
    assert nl.map.indicator_id == "MOB04" and nl.map.title == "Aangelegde grensoverschrijdende fietsroutes (km)"
    roles = [trace.meta["role"] for trace in fr.map.figure.data]
    assert roles.count("class") >= 2 and "border" in roles and "names" in roles
    classes = [trace for trace in fr.map.figure.data if trace.meta["role"] == "class"]
    assert sum(trace.meta["count"] for trace in classes) == 14             # every commune with a value, once
    assert all("," in trace.name and "." not in trace.name for trace in classes)   # French numbers
    names = {trace.meta["role"]: list(trace.text) for trace in fr.map.figure.data if trace.meta["role"] == "names"}
    assert "Courtrai" in names["names"] and "Lille" in names["names"]
    nl_names = [list(tr.text) for tr in nl.map.figure.data if tr.meta["role"] == "names"][0]
    assert "Kortrijk" in nl_names and "Rijsel" in nl_names
    page = R.render_html(nl, plotly_js="")
    assert "Kaart: Aangelegde grensoverschrijdende fietsroutes (km)" in page
    assert "Getoonde gebieden" in page
    # the names keep a white outline in print (plotly's text shadow is lost in Chromium's PDF)
    import re
    rule = re.search(r"\.report-map \.textpoint text \{([^}]*)\}", page)
    assert rule and "paint-order: stroke" in rule.group(1) and "stroke: #FFFFFF" in rule.group(1)
    # without boundaries (a store where none is saved, or a report built from files) there is no map
    assert R.build(load_framework_of(engine), read_observations(engine), F.Filters(lang="fr")).map is None


def load_framework_of(engine):
    from indicators.queries import load_framework

    return load_framework(engine)


def read_observations(engine):
    from indicators.queries import load_observations

    return load_observations(engine)


def test_the_report_map_names_the_shipped_boundaries_sources_in_its_language(demo_url):
    """The shipped sets' licences (GISCO's EuroGeographics line, IGN, Statbel) ask for their sources
    wherever the map is shown: the report's map says them under it, as the Map page does; a store whose
    editor replaced them does not."""
    from indicators.demo_boundaries import DEMO_SETS
    from indicators.store import open_store

    engine = open_store(demo_url)
    for lang, line in (("fr", "EuroGeographics pour les limites"), ("nl", "EuroGeographics voor de administratieve")):
        report = R.from_store(engine, F.Filters(lang=lang))
        assert line in report.map.note and "IGN Admin Express" in report.map.note
        assert line in R.render_html(report, plotly_js="")
    fw = load_framework_of(engine)
    from indicators.boundaries import build_geography
    from indicators.store import load_boundaries

    renamed = [{**s, "name": f"upload-{s['name']}", "user": "editor"} for s in load_boundaries(engine)]
    assert all(s["name"] not in DEMO_SETS for s in renamed)
    report = R.build(fw, read_observations(engine), F.Filters(lang="fr"), geography=build_geography(renamed, fw["territories"]))
    assert report.map is not None and "EuroGeographics" not in report.map.note
