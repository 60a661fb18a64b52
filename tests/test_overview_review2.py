"""Review 2 (UI), findings 3, 4 and 6: the Overview's statuses follow the territory and period filters
as the Strategic actions page and the report do; the matrix marks a level or theme chosen alone; a score
is never written on the other side of a status cut; count axes have whole ticks.

The statuses of one view are checked three ways on the demo: the Overview (key figures, matrix, actions
needing attention), the Strategic actions page (its table) and the committee report, and against an
assessment computed here from the filtered observations; with no filter, against
`python -m indicators progress --format json`.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pandas as pd
import pytest

from indicators import i18n, wording
from indicators import overview as O
from indicators.filters import Filters
from indicators.i18n import t
from indicators.progress import rollup_groups, status_from_score
from indicators.style import STATUS_ICONS, STATUS_ORDER

from .conftest import ROOT, switch_page
from .test_pages_actions_explorer import open_page, store  # noqa: F401  (the fixture)

LANG = "fr"
MEL = "200093201"            # Métropole Européenne de Lille
VIEWS = {                    # query → Filters of the same view
    "territory": ({"territory": MEL}, dict(territories=(MEL,))),
    "period": ({"from": "2016", "to": "2020"}, dict(period_from="2016", period_to="2020")),
    "both": ({"territory": MEL, "from": "2016", "to": "2020"},
             dict(territories=(MEL,), period_from="2016", period_to="2020")),
}


# ------------------------------------------------------------------ reading the pages

def _open(page: str, query: dict):
    """`open_page` keeping the period of the URL: AppTest's second run (the page switch) lost the
    sidebar slider's range that the first run set from `from`/`to` (a browser keeps it), so the shell's
    own "period wanted" is given again before the switch, as the first run gave it."""
    if "from" not in query and "to" not in query:
        return open_page(page, query)
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.context = {"locale": "fr-FR", "timezone": "Europe/Paris"}
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    at.session_state["_years_wanted"] = (query.get("from"), query.get("to"))
    switch_page(at, page).run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def _specs(at) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def _trace_status(name: str, lang: str = LANG, method: str = "opensdg") -> str:
    by_name = {f"{STATUS_ICONS[s]} {i18n.status_label(s, lang, method)}": s for s in STATUS_ORDER}
    return by_name[name]


def _matrix_cells(spec: dict) -> dict[tuple[str, str], dict]:
    """{(level, theme): {status, text, width}} of the Overview's matrix figure."""
    cells = {}
    for trace in spec["data"]:
        status = _trace_status(trace["name"])
        widths = trace["marker"]["line"]["width"]
        widths = widths if isinstance(widths, list) else [widths] * len(trace["customdata"])
        for (level, theme), text, width in zip(trace["customdata"], trace["text"], widths):
            cells[(level, theme)] = {"status": status, "text": text, "width": width}
    return cells


def _number(text: str) -> float:
    """A number as the French page writes it (decimal comma, hyphen or minus sign)."""
    return float(text.replace("\u2212", "-").replace("\u202f", "").replace("\u00a0", "").replace(",", "."))


def _cell_score(text: str) -> float | None:
    head = text.split("<br>")[0]
    found = re.search(r"[-\u2212]?\d+(?:,\d+)?", head)
    return _number(found.group(0)) if found else None


def _attention(at) -> list[tuple[str, str, str]]:
    """(action, status badge, score text) of the Overview's "actions needing attention" table."""
    title = t("attention", LANG)
    heads = [s.value for s in at.subheader]
    assert title in heads
    for block in (m.value for m in at.markdown):
        lines = block.splitlines()
        if len(lines) > 2 and lines[0].startswith("| ") and t("action", LANG) in lines[0] \
                and t("lead", LANG) in lines[0]:
            rows = []
            for line in lines[2:]:
                cells = [c.strip() for c in line.strip("|").split(" | ")]
                rows.append((re.match(r"\*\*([^*]+)\*\*", cells[0]).group(1), cells[2], cells[3].strip("*")))
            return rows
    return []


def _kpi(at) -> tuple[int, int]:
    """(actions on track, actions assessed) of the Overview's key figure."""
    metric = next(m for m in at.metric if m.label == t("kpi_on_track", LANG))
    on_track, assessed = (int(x) for x in str(metric.proto.delta).split("/"))
    return on_track, assessed


def _actions_page_statuses(at) -> dict[str, str]:
    words = {wording.status_text(s, LANG): s for s in STATUS_ORDER}
    table = at.dataframe[0].value
    return {row["action"].split(" · ")[0]: words[list(row["status_text"])[0].split(" · ")[0]] for row in table.to_dict("records")}


# ------------------------------------------------------------------ the truth of one view

def _store_tables(url: str):
    from indicators.queries import load_framework, load_observations
    from indicators.store import open_store

    engine = open_store(url)
    try:
        return load_framework(engine), load_observations(engine)
    finally:
        engine.dispose()


def _computed_here(fw: dict, obs: pd.DataFrame, flt: Filters) -> pd.DataFrame:
    """The action roll-up from the filtered observations, written out here (as the Actions page did
    before the three places shared one function): the reference the pages are held to."""
    from indicators.indicator_tables import fill_headlines
    from indicators.progress import assess_all, rollup_actions

    kept = obs
    if flt.territories:
        kept = kept[kept["territory_id"].isin(flt.territories)]
    years = kept["period"].astype(str).str[:4]
    if flt.period_from:
        kept = kept[years >= flt.period_from]
        years = kept["period"].astype(str).str[:4]
    if flt.period_to:
        kept = kept[years <= flt.period_to]
    assessed = fill_headlines(assess_all(kept, fw["indicators"], fw["targets"], method=flt.method))
    return rollup_actions(assessed, fw["indicators"], fw["actions"])


def _report(url: str, flt: Filters):
    from indicators.report import from_store
    from indicators.store import open_store

    engine = open_store(url)
    try:
        return from_store(engine, flt)
    finally:
        engine.dispose()


def _check_overview(at, roll: pd.DataFrame, actions: pd.DataFrame) -> None:
    """Every status the Overview shows is the roll-up's: key figure, matrix cells, actions needing attention."""
    roll = roll.assign(action_id=roll["action_id"].astype(str))
    by_id = roll.set_index("action_id")
    assessed = roll[roll["status"] != "not_assessed"]
    assert _kpi(at) == (int(assessed["status"].isin(["achieved", "on_track"]).sum()), len(assessed))

    cells = _matrix_cells(_specs(at)[0])
    want = rollup_groups(roll, actions, by=("level_id", "theme_id"))
    assert len(cells) == len(want)
    for row in want.to_dict("records"):
        cell = cells[(row["level_id"], row["theme_id"])]
        assert cell["status"] == row["status"], (row, cell)
        if row["status"] != "not_assessed":
            assert cell["text"].split("<br>")[0].endswith(O.score_text(row["score"], LANG)), (row, cell)

    worst = O.attention(roll, actions)
    shown = _attention(at)
    assert [a for a, _, _ in shown] == list(worst["action_id"]), (shown, list(worst["action_id"]))
    for aid, badge, score in shown:
        status = by_id.at[aid, "status"]
        assert i18n.status_label(status, LANG) in badge, (aid, badge, status)
        assert score == O.score_text(by_id.at[aid, "score"], LANG), (aid, score)


@pytest.mark.parametrize("view", list(VIEWS))
def test_overview_actions_page_and_report_agree_for_territory_and_period(store, view):
    """Finding 3: with ?territory=200093201 the Overview read A02 "Dégradation" where the Actions page and
    the report read "Accélération nécessaire"; with ?from=2016&to=2020 it kept the whole store's 57 %."""
    query, scope = VIEWS[view]
    flt = Filters(lang=LANG, **scope)
    fw, obs = _store_tables(store)
    truth = _computed_here(fw, obs, flt)
    whole = _computed_here(fw, obs, Filters(lang=LANG))
    statuses = dict(zip(truth["action_id"].astype(str), truth["status"]))
    assert statuses != dict(zip(whole["action_id"].astype(str), whole["status"])), \
        "the view must change some status, or the test proves nothing"

    overview = _open("pages/overview.py", {"lang": LANG, **query})
    _check_overview(overview, truth, fw["actions"])
    scope_words = [c.value for c in overview.caption]
    if flt.territories:
        assert any("1 territoire" in c for c in scope_words), scope_words       # the page says so
    if flt.period_from:
        assert any("2016–2020" in c for c in scope_words), scope_words

    actions_page = _open("pages/actions.py", {"lang": LANG, **query})
    if flt.period_from:
        assert any("2016–2020" in c.value for c in actions_page.caption)
    assert _actions_page_statuses(actions_page) == statuses

    report = _report(store, flt)
    assert {s.action_id: s.status for s in report.sections} == statuses


def test_overview_without_filters_says_what_the_progress_json_says(store):
    """The no-filter Overview against the command line (`progress --format json`)."""
    out = subprocess.run([sys.executable, "-m", "indicators", "progress", "--format", "json", "--db", store],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    truth = pd.DataFrame(json.loads(out.stdout)["actions"])
    fw, _ = _store_tables(store)
    overview = open_page("pages/overview.py", {"lang": LANG})
    _check_overview(overview, truth, fw["actions"])


def test_a_level_filter_on_the_overview_still_follows_the_territory(store):
    """Filters combine: a level and a territory give the level's actions with the territory's statuses."""
    flt = Filters(lang=LANG, level="metropolis", territories=(MEL,))
    fw, obs = _store_tables(store)
    truth = _computed_here(fw, obs, flt)
    mine = fw["actions"][fw["actions"]["level_id"] == "metropolis"]
    at = open_page("pages/overview.py", {"lang": LANG, "level": "metropolis", "territory": MEL})
    roll = truth[truth["action_id"].astype(str).isin(mine["action_id"].astype(str))]
    assessed = roll[roll["status"] != "not_assessed"]
    assert _kpi(at) == (int(assessed["status"].isin(["achieved", "on_track"]).sum()), len(assessed))
    cells = _matrix_cells(_specs(at)[0])
    want = rollup_groups(truth, fw["actions"], by=("level_id", "theme_id"))
    for row in want.to_dict("records"):
        assert cells[(row["level_id"], row["theme_id"])]["status"] == row["status"], row


# ------------------------------------------------------------------ finding 4: the matrix

def test_a_level_or_theme_alone_marks_its_row_or_column(store):
    """Finding 4a: ?level=brussels left the matrix unmarked (a cell was outlined only with both filters)."""
    levels = pd.DataFrame({"level_id": ["border", "brussels"], "name_fr": ["Frontière", "Bruxelles"], "order": [1, 2]})
    themes = pd.DataFrame({"theme_id": ["mobility", "climate"], "name_fr": ["Mobilité", "Climat"], "order": [1, 2]})
    cells = pd.DataFrame({"level_id": ["border", "border", "brussels", "brussels"],
                          "theme_id": ["mobility", "climate", "mobility", "climate"],
                          "status": ["on_track", "deterioration", "on_track", "limited_progress"],
                          "score": [3.0, -3.0, 2.6, -1.0], "n_actions": [1, 1, 1, 1]})

    def marks(selected):
        """(cells outlined, the band's row or column as (x0, x1, y0, y1), the figure)."""
        fig = O.matrix_figure(cells, levels, themes, LANG, selected=selected)
        thick = {tuple(c) for trace in fig.data for c, w in zip(trace.customdata, trace.marker.line.width) if w > 1}
        bands = [(s.x0, s.x1, s.y0, s.y1) for s in fig.layout.shapes]
        return thick, bands, fig

    thick, bands, fig = marks(("brussels", None))
    assert bands == [("Mobilité", "Climat", "<b>Bruxelles</b>", "<b>Bruxelles</b>")] and not thick
    assert "<b>Bruxelles</b>" in fig.layout.yaxis.categoryarray and "<b>Frontière</b>" not in fig.layout.yaxis.categoryarray
    assert all(w == 1 for trace in fig.data for w in trace.marker.line.width)      # the legend stays thin
    thick, bands, fig = marks((None, "climate"))
    assert bands == [("<b>Climat</b>", "<b>Climat</b>", "Bruxelles", "Frontière")] and not thick
    assert "<b>Climat</b>" in fig.layout.xaxis.categoryarray
    thick, bands, _ = marks(("brussels", "climate"))
    assert thick == {("brussels", "climate")} and not bands
    thick, bands, fig = marks((None, None))
    assert not thick and not bands and not any("<b>" in str(c) for c in fig.layout.yaxis.categoryarray)

    at = open_page("pages/overview.py", {"lang": LANG, "level": "brussels"})
    spec = _specs(at)[0]
    assert len(spec["layout"]["shapes"]) == 1
    row = spec["layout"]["shapes"][0]["y0"]
    assert row == spec["layout"]["shapes"][0]["y1"] and row.startswith("<b>") and "Bruxelles" in row


@pytest.mark.parametrize(("score", "text"), [
    (2.4527, "2,45"), (2.529, "2,5"), (2.5, "2,5"), (2.4999, "2,49"), (-0.04, "-0,04"), (-0.004, "-0,01"),
    (-2.5001, "-2,51"), (-2.45, "-2,5"), (1.234, "1,2"), (0.0, "0,0"), (5.0, "5,0"), (None, "–"),
    (float("nan"), "–"),
])
def test_a_score_is_never_written_across_a_status_cut(score, text):
    """Finding 4b: 2.4527 (acceleration needed) was written "2,5", the first score "on track"."""
    assert O.score_text(score, LANG) == text
    if score is not None and score == score:
        assert status_from_score(_number(text)) == status_from_score(score)


def test_scores_on_the_pages_agree_with_their_statuses(store):
    """Every matrix cell (unfiltered demo: "Communes frontalières × Mobilité" 2.4527 read "► 2,5"), every
    row of the actions needing attention and of the Strategic actions table: the number written lies on
    its status's side of the cuts."""
    at = open_page("pages/overview.py", {"lang": LANG})
    checked = 0
    for cell in _matrix_cells(_specs(at)[0]).values():
        if cell["status"] in ("achieved", "not_assessed"):
            continue
        assert status_from_score(_cell_score(cell["text"])) == cell["status"], cell
        checked += 1
    assert checked
    words = {i18n.status_label(s, LANG): s for s in STATUS_ORDER}
    for aid, badge, score in _attention(at):
        status = next(s for w, s in words.items() if w in badge)
        assert status_from_score(_number(score)) == status, (aid, badge, score)

    actions_page = open_page("pages/actions.py", {"lang": LANG})
    table = actions_page.dataframe[0].value
    config = json.loads(actions_page.dataframe[0].proto.columns)["score"]["type_config"]
    labels = {o["value"]: o["label"] for o in config.get("options", [])}
    statuses = _actions_page_statuses(actions_page)
    for row in table.to_dict("records"):
        aid = row["action"].split(" · ")[0]
        if statuses[aid] in ("achieved", "not_assessed") or pd.isna(row["score"]):
            continue
        shown = labels.get(row["score"], row["score"])
        assert status_from_score(_number(str(shown))) == statuses[aid], (aid, shown, statuses[aid])
        assert str(row["score"]).endswith(str(shown))           # a copied cell says the same number


# ------------------------------------------------------------------ finding 6: whole ticks

def test_count_axes_have_whole_ticks(store):
    """Finding 6: ?level=brussels drew the theme bars' axis "0 1 1" (ticks at 0.5 steps written "d")."""
    at = open_page("pages/overview.py", {"lang": LANG, "level": "brussels"})
    for bars in _specs(at)[1:3]:
        axis = bars["layout"]["xaxis"]
        assert axis.get("dtick") == 1 and axis.get("tick0") == 0, axis
    groups = pd.DataFrame({"theme_id": ["mobility", "climate"], "n_on_track": [17, 9], "n_deterioration": [6, 0],
                           **{c: [0, 0] for c in ("n_achieved", "n_acceleration_needed", "n_limited_progress",
                                                  "n_not_assessed")}})
    fig = O.status_bars_figure(groups, "theme_id", {}, LANG)
    step = fig.layout.xaxis.dtick
    assert float(step).is_integer() and 23 / step <= 10, step
    assert [O.count_step(n) for n in (0, 1, 10, 11, 23, 60, 250)] == [1, 1, 1, 2, 5, 10, 50]
