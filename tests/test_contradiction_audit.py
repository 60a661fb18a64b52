"""Contradiction audit: every status the product shows agrees with `python -m indicators progress --format json`.

On the demo and on a large store (bench/pages.py's generator, with a fifth of its indicators made
context indicators and some series given a break in series `b`), for every action and indicator:
the Actions page (status pill word and icon, score, progress bar) and the committee report (status,
score) say what the progress JSON says; an action never rolls up a context indicator; a progress bar
never contradicts its status (not assessed: no bar; achieved: full; deterioration with a target: empty).
"""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators import i18n, wording
from indicators.overview import score_text
from indicators.filters import Filters

from .conftest import ROOT, switch_page

LANG = "fr"


def _large(path) -> str:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_pages", ROOT / "bench" / "pages.py")
    bench = importlib.util.module_from_spec(spec)      # (the app has its own `pages` package)
    spec.loader.exec_module(bench)
    url, _ = bench.large_store(path, 150, 40, 12)
    with sqlite3.connect(path) as db:     # the rules under audit need context indicators and breaks
        db.execute("UPDATE indicators SET type = 'context' WHERE CAST(substr(indicator_id, -1) AS INTEGER) IN (0, 5)")
        db.execute("UPDATE observations SET flag = 'b' WHERE period = '2019' AND abs(random()) % 4 = 0")
    return url


@pytest.fixture(scope="module", params=["demo", "large"])
def audited(request, demo_store_file, tmp_path_factory):
    path = tmp_path_factory.mktemp(request.param) / "store.sqlite"
    if request.param == "demo":
        shutil.copy(demo_store_file, path)
        url = f"sqlite:///{path}"
    else:
        url = _large(path)
    out = subprocess.run([sys.executable, "-m", "indicators", "progress", "--format", "json", "--db", url],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    return url, json.loads(out.stdout)


def _framework(url: str) -> dict:
    from indicators.queries import load_framework
    from indicators.store import open_store

    engine = open_store(url)
    try:
        return load_framework(engine)
    finally:
        engine.dispose()


def _actions_page(url: str, monkeypatch) -> AppTest:
    monkeypatch.setenv("INDICATORS_DB_URL", url)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.context = {"locale": "en-US", "timezone": "Europe/Paris"}
    at.query_params["lang"] = LANG
    at.run()
    switch_page(at, "pages/actions.py").run()
    assert not at.exception, at.exception
    return at


def test_the_json_follows_the_rules(audited):
    url, truth = audited
    fw = _framework(url)
    kinds = dict(zip(fw["indicators"]["indicator_id"].astype(str),
                     fw["indicators"]["type"].fillna("result").astype(str).str.lower()))
    context = {i for i, k in kinds.items() if k == "context"}
    assert context, "the audit needs context indicators"
    for action in truth["actions"]:
        assert not set(action["indicators"]) & context, action           # never rolled in
        mine = fw["indicators"][fw["indicators"]["action_id"].astype(str) == action["action_id"]]
        if len(mine) and set(mine["indicator_id"].astype(str)) <= context:
            assert (action["status"], action["reason"]) == ("not_assessed", "only_context_indicators"), action
        assert (action["status"] == "not_assessed") == (action["score"] is None), action


def test_actions_page_and_report_say_what_the_json_says(audited, monkeypatch):
    url, truth = audited
    actions = {a["action_id"]: a for a in truth["actions"]}
    head = {e["indicator_id"]: e for e in truth["indicators"] if e["headline"]}
    at = _actions_page(url, monkeypatch)
    action_table, indicator_table = at.dataframe[0].value, at.dataframe[1].value
    # decimal scores are rank keys shown by their labels; whole ones stay numbers (indicators/table_numbers.py)
    score_config = json.loads(at.dataframe[0].proto.columns)["score"]["type_config"]
    score_labels = {o["value"]: o["label"] for o in score_config.get("options", [])}
    checked = 0
    for row in action_table.to_dict("records"):
        aid = row["action"].split(" · ")[0]
        want = actions[aid]
        assert [s.split(" · ")[0] for s in row["status_text"]] == [wording.status_text(want["status"], LANG)], (aid, row, want)
        if want["score"] is None:
            assert pd.isna(row["score"]), (aid, row)
        elif score_labels:
            assert score_labels[row["score"]] == score_text(want["score"], LANG), (aid, row, want)
        else:
            assert row["score"] == want["score"], (aid, row, want)
        if want["status"] == "not_assessed":
            assert pd.isna(row["progress"]), (aid, row)
        checked += 1
    assert checked == len(action_table) > 0
    for row in indicator_table.to_dict("records"):
        iid = row["indicator"].split(" · ")[0]
        status = head[iid]["status"] if iid in head else "not_assessed"
        assert [s.split(" · ")[0] for s in row["status_text"]] == [wording.status_text(status, LANG)], (iid, row["status_text"], status)
        bar = row["progress"]
        if status == "not_assessed":
            assert pd.isna(bar), (iid, status, bar)
        elif status == "achieved" and not pd.isna(bar):
            assert bar == pytest.approx(100.0), (iid, bar)
        elif status == "deterioration" and not pd.isna(bar):
            assert bar == pytest.approx(0.0), (iid, bar)
        elif not pd.isna(bar):
            assert 0.0 <= bar < 100.0 + 1e-9, (iid, status, bar)

    from indicators.report import from_store
    from indicators.store import open_store

    engine = open_store(url)
    try:
        report = from_store(engine, Filters(lang=LANG))
    finally:
        engine.dispose()
    for section in report.sections:
        want = actions[section.action_id]
        assert section.status == want["status"], (section.action_id, section.status, want)
        assert (section.score is None) == (want["score"] is None)
        if want["score"] is not None:
            assert section.score == pytest.approx(want["score"]), section.action_id
        for entry in section.indicators:
            status = head[entry.indicator_id]["status"] if entry.indicator_id in head else "not_assessed"
            assert entry.status == status, (entry.indicator_id, entry.status, status)


def _sections_of(html_text: str) -> dict[str, str]:
    """{action id: the HTML of its section} in the rendered report."""
    import re

    starts = [(m.group(1), m.start()) for m in re.finditer(r'<section class="action" id="([^"]+)">', html_text)]
    return {aid: html_text[start:html_text.find("</section>", start)] for aid, start in starts}


def test_report_html_says_what_the_json_says_and_keeps_context_beside(audited):
    """The report as a committee reads it (HTML): each action's chip and count agree with the JSON; its
    context indicators come after its own, under the heading saying they do not count."""
    import html
    import re

    from indicators.report import from_store, render_html
    from indicators.store import open_store

    url, truth = audited
    actions = {a["action_id"]: a for a in truth["actions"]}
    engine = open_store(url)
    try:
        report = from_store(engine, Filters(lang=LANG))
    finally:
        engine.dispose()
    fw = _framework(url)
    context = set(fw["indicators"].loc[fw["indicators"]["type"].astype(str) == "context", "indicator_id"].astype(str))
    own = fw["indicators"][~fw["indicators"]["indicator_id"].astype(str).isin(context)]
    page = render_html(report, plotly_js="")
    sections = _sections_of(page)
    heading = html.escape(i18n.t("context_beside", LANG), quote=True)
    assert set(sections) == set(actions)
    with_context = 0
    for aid, part in sections.items():
        want = actions[aid]
        head = part[:part.find('<article class="indicator"')] if '<article' in part else part
        chip = re.search(r'class="chip st-([a-z_]+)"[^>]*>([^<]*)</span>', head)
        assert chip and chip.group(1) == want["status"], (aid, chip and chip.groups(), want["status"])
        assert html.unescape(chip.group(2)) == wording.status_text(want["status"], LANG, "opensdg", True)
        cards = re.findall(r'<article class="indicator" id="([^"]+)"', part)
        mine_context = [c for c in cards if c in context]
        if mine_context:
            with_context += 1
            cut = part.find(heading)
            assert cut > 0, (aid, "context shown without its heading")
            # every own indicator before the heading, every context one after
            assert all(part.find(f'id="{c}"') > cut for c in mine_context), aid
            assert all(part.find(f'id="{c}"') < cut for c in cards if c not in context), aid
        else:
            assert heading not in part, aid
    assert with_context > 0                                # the audit saw context indicators in the report
    # the overview table counts an action's own indicators only
    counts = own.groupby(own["action_id"].astype(str)).size().to_dict()
    for row in report.overview:
        assert row["indicators"] == counts.get(row["action_id"], 0), row
        assert row["indicators"] + row["context"] == len(report.sections[[s.action_id for s in report.sections]
                                                                          .index(row["action_id"])].indicators)
