"""The dashboard shell and the Overview page, run headless with Streamlit's AppTest."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators.i18n import t as t_

from .conftest import ROOT, switch_page

APP = str(ROOT / "app.py")


def run(query: dict | None = None, locale: str = "fr-FR") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.context = {"locale": locale, "timezone": "Europe/Paris"}
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [t.value for t in at.title] + [c.value for c in at.caption]
    parts += [s.value for s in at.subheader] + [m.label for m in at.metric] + [m.value for m in at.metric]
    return "\n".join(str(p) for p in parts)


def test_overview_opens_in_french_with_the_demo(demo_url):
    at = run()
    assert at.title[0].value == "Observatoire de la coopération transfrontalière"
    labels = {m.label: m.value for m in at.metric}
    assert labels["Actions suivies"] == "30" or int(labels["Actions suivies"]) >= 24
    assert int(labels["Indicateurs"]) >= 60
    assert labels["Actions en bonne voie"].endswith("%")
    assert not at.error
    specs = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    matrix = specs[0]["data"]
    cells = sum(len(trace["x"]) for trace in matrix)
    assert cells >= 16                       # level × theme cells that hold actions
    assert any("Cible atteinte" in trace["name"] for trace in matrix)


@pytest.mark.parametrize("query,locale,title", [
    ({"lang": "nl"}, "fr-FR", "Monitor grensoverschrijdende samenwerking"),
    ({"lang": "en"}, "fr-FR", "Cross-Border Cooperation Monitor"),
    ({}, "nl-BE", "Monitor grensoverschrijdende samenwerking"),
    ({}, "de-DE", "Observatoire de la coopération transfrontalière"),
])
def test_language_from_url_else_browser_else_french(demo_url, query, locale, title):
    at = run(query, locale)
    assert at.title[0].value == title


def test_filters_from_url_are_applied(demo_url):
    at = run({"level": "border", "theme": "mobility"})
    assert at.sidebar.selectbox(key="f_level").value == "border"
    assert at.sidebar.selectbox(key="f_theme").value == "mobility"
    figures = {m.label: m.value for m in at.metric}
    assert 1 <= int(figures["Actions suivies"]) < 10


def test_unknown_codes_and_bad_periods_are_dropped_with_a_notice(demo_url):
    at = run({"level": "nowhere", "from": "20x5", "territory": ["59350", "99999"], "method": "magic"})
    assert not at.error
    assert at.sidebar.selectbox(key="f_level").value == ""
    assert at.sidebar.multiselect(key="f_territory").value == ["59350"]
    notices = " ".join(t.value for t in at.toast)
    for item in ("level=nowhere", "from=20x5", "territory=99999", "method=magic"):
        assert item in notices


def test_a_link_s_years_beyond_the_data_are_narrowed_with_a_notice(demo_url):
    """`from=2030&to=2010`: `from` was said, `to=2010` silently became the data's first year. Since stop 34
    the reversed pair is swapped (said), and both ends narrowed alike (tests/test_link_filters_n34.py)."""
    at = run({"from": "2030", "to": "2010", "lang": "en"})
    assert not at.error
    lo, hi = at.sidebar.select_slider(key="f_years").value
    notices = " ".join(t.value for t in at.toast)
    assert "reversed" in notices and f"(2010–2030) narrowed to the years with data: {lo}–{hi}" in notices, notices


def test_matrix_click_is_read_from_the_chart_selection():
    from indicators.overview import cell_from_selection

    event = {"selection": {"points": [{"customdata": ["metropolis", "economy"], "x": "Économie"}],
                           "point_indices": [0], "box": [], "lasso": []}}
    assert cell_from_selection(event) == ("metropolis", "economy")
    assert cell_from_selection({"selection": {"points": []}}) is None
    assert cell_from_selection(None) is None


def test_empty_filters_say_what_to_do(demo_url):
    at = run({"level": "brussels", "theme": "climate"})
    body = texts(at) + " ".join(w.value for w in at.warning)
    assert ("effacez le filtre" in body) or int({m.label: m.value for m in at.metric}["Actions suivies"]) >= 1


def test_a_level_with_no_action_says_so_on_every_page(demo_url):
    """A level the framework names but no action has yet: the Overview and every page say what to do,
    none fails (the Overview's cached tables are never asked of an empty selection)."""
    from indicators.importing import import_files
    from indicators.store import open_store

    engine = open_store(demo_url)
    levels = pd.read_csv(ROOT / "data" / "demo" / "levels.csv", dtype=str)
    extra = pd.concat([levels, pd.DataFrame([{"level_id": "vide", "name_fr": "Niveau sans action"}])])
    assert import_files(engine, [("levels.csv", extra.to_csv(index=False).encode())], user="test").ok
    engine.dispose()
    at = run({"level": "vide"})
    assert not at.error, [e.value for e in at.error]
    assert any("effacez le filtre" in w.value or "niveau" in w.value.lower() for w in at.warning), \
        [w.value for w in at.warning]
    assert not at.get("plotly_chart")
    for page in ("pages/actions.py", "pages/explorer.py", "pages/health.py", "pages/map.py"):
        switch_page(at, page).run()
        assert not at.exception, (page, at.exception)
        assert not at.error, (page, [e.value for e in at.error])


def test_every_page_renders_without_error(demo_url):
    at = run()
    for page in ("pages/actions.py", "pages/explorer.py", "pages/map.py", "pages/data.py", "pages/methodology.py"):
        switch_page(at, page).run()
        assert not at.exception, (page, at.exception)
        assert not at.error, (page, [e.value for e in at.error])


def test_methodology_page_shows_the_method_in_each_language(demo_url):
    for lang, word in (("en", "▲ On track"), ("fr", "▲ En bonne voie"), ("nl", "▲ Op koers")):
        at = run({"lang": lang})
        switch_page(at, "pages/methodology.py").run()
        shown = "\n".join(m.value for m in at.markdown)
        assert word in shown and "on_track" not in shown      # for planners: the words, not the code
        assert "increase-no-target" not in shown and "target-achieved" not in shown   # examples by their number
        assert len(at.get("plotly_chart")) == 1                # the statuses pictured
        # the page's title is its only first-level heading; the pictures and the document's sections below it
        assert not any(line.startswith("# ") for line in shown.splitlines()), lang
        assert at.header[0].value and any(line.startswith("## ") for line in shown.splitlines())


def test_empty_store_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("INDICATORS_DB_URL", f"sqlite:///{tmp_path / 'empty.sqlite'}")
    at = run()
    assert "importez des fichiers" in " ".join(i.value for i in at.info)


def test_unreachable_store_gives_a_message_not_a_traceback(monkeypatch):
    monkeypatch.setenv("INDICATORS_DB_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert "base de données ne répond pas" in at.error[0].value


def test_no_page_relies_on_magic():
    """Magic is off (.streamlit/config.toml): a bare value on its own line would show nothing."""
    import ast

    from streamlit import config

    assert config.get_option("runner.magicEnabled") is False
    bare = []
    for path in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Expr) and not isinstance(node.value, (ast.Call, ast.Await)) and not (
                    isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
                bare.append(f"{path.name}:{node.lineno}")
    assert bare == []


def test_the_served_app_does_not_watch_its_source_files():
    """The product's own config (what `make run` serves) turns the file watcher off: it cost a fifth of
    a first open on the demo (.streamlit/config.toml says how it was measured)."""
    from streamlit import config

    assert config.get_option("server.fileWatcherType") == "none"


@pytest.mark.parametrize("query", [{"theme": "mobility"}, {"action": "A29"}, {"action": "A22"},
                                   {"theme": "climate", "territory": "59350"}, {"from": "2015", "to": "2019"}])
def test_latest_data_figure_is_the_latest_period_with_a_value_within_the_filters(demo_url, query):
    import pandas as pd

    from .conftest import DEMO

    at = run({"lang": "fr", **query})
    shown = {m.label: m.value for m in at.metric}["Dernière période"]
    obs = pd.read_csv(DEMO / "observations.csv", dtype=str)
    indicators = pd.read_csv(DEMO / "indicators.csv", dtype=str)
    actions = pd.read_csv(DEMO / "actions.csv", dtype=str)
    keep = actions
    for key, column in (("theme", "theme_id"), ("level", "level_id"), ("action", "action_id")):
        if key in query:
            keep = keep[keep[column] == query[key]]
    ids = set(indicators.loc[indicators["action_id"].isin(keep["action_id"]), "indicator_id"])
    obs = obs[obs["indicator_id"].isin(ids) & obs["value"].notna() & (obs["value"].str.strip() != "")]
    if "territory" in query:
        obs = obs[obs["territory_id"] == query["territory"]]
    if "from" in query:
        year = obs["period"].str.slice(0, 4)
        obs = obs[(year >= query["from"]) & (year <= query["to"])]
    assert shown == obs["period"].max()
    if query.get("action") == "A29":
        assert shown == "2021"                    # older than the store's latest: the filter counts


def test_actions_needing_attention_are_one_table_worst_first(demo_url):
    """The Overview lists the worst-scored actions as one Markdown table, in the page's language."""
    from indicators import overview as O
    from indicators.progress import assess_all, rollup_actions
    from indicators.queries import load_framework, load_observations
    from pages import common, widgets

    fw = load_framework(common.engine())
    rollup = rollup_actions(assess_all(load_observations(common.engine()), fw["indicators"], fw["targets"]),
                            fw["indicators"], fw["actions"])
    worst = O.attention(rollup, fw["actions"])
    assert len(worst) >= 3
    for lang, header in (("fr", "| Action stratégique | Pilote | Statut | Score |"),
                         ("nl", "| Strategische actie | Trekker |")):
        at = run({"lang": lang})
        tables = [m.value for m in at.markdown if m.value.startswith(header)]
        assert len(tables) == 1, [m.value[:60] for m in at.markdown]
        rows = tables[0].splitlines()[2:]
        assert [r.split("**")[1] for r in rows] == list(worst["action_id"])
        assert all(r.count(" | ") == 3 for r in rows), rows
    assert f"| {widgets.status_badge(worst['status'].iloc[0], 'nl')} |" in rows[0]


def test_user_text_keeps_to_its_table_cell():
    from pages import widgets
    from pages.overview import _attention_table

    worst = pd.DataFrame([{"action_id": "A01", "title_fr": "Vélo | train\nsur deux lignes", "lead": "MEL | VMM",
                           "status": "deterioration", "score": -2.5},
                          {"action_id": "A02", "title_fr": "Bus", "lead": float("nan"),
                           "status": "limited_progress", "score": -0.25}])
    table = _attention_table(worst, "fr", "opensdg").splitlines()
    # the lead holds partner codes separated by "|" (DESIGN.md): read as a list, unknown codes as written
    assert table[2] == ("| **A01** · Vélo \\| train sur deux lignes | MEL, VMM | "
                        f"{widgets.status_badge('deterioration', 'fr')} | **-2,5** |")
    assert table[3].split(" | ")[1] == "–"            # no lead: a dash, not "nan"
    assert len(table) == 4


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/actions.py", "pages/explorer.py", "pages/map.py",
                                  "pages/data.py", "pages/health.py", "pages/methodology.py"])
def test_clear_filters_resets_every_filter_on_every_page(demo_url, page):
    at = run({"level": "border", "theme": "mobility", "territory": "59350", "from": "2016", "lang": "nl"})
    switch_page(at, page)
    assert not at.exception, at.exception
    assert at.sidebar.selectbox(key="f_level").value == "border"
    at.sidebar.button(key="clear_filters").click().run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.sidebar.selectbox(key="f_level").value == ""
    assert at.sidebar.selectbox(key="f_theme").value == ""
    assert at.sidebar.multiselect(key="f_territory").value == []
    assert at.query_params.get("lang") in ("nl", ["nl"])          # the language is not a filter: it stays
    for key in ("level", "theme", "territory", "from"):
        assert key not in at.query_params, key


def test_markdown_in_a_shared_link_is_shown_as_text(demo_url):
    at = run({"theme": "[sign in again](http://evil.example)", "level": "![x](http://evil.example/x.png)"})
    shown = [t.proto.body for t in at.get("toast")]
    assert len(shown) == 2
    for body in shown:
        assert "`" in body and "evil.example" in body   # inside a code span: literal, not a link or image


def test_an_unknown_language_is_said_as_a_language_and_a_long_value_is_cut(demo_url):
    """`lang=de` was said as "Filter ignored (unknown or malformed code)": a language is not a filter. A
    5 000-character value made a toast that folds behind Streamlit's English "view more": cut, with "…"."""
    at = run({"lang": "de", "territory": "X" * 5000})
    notices = [t.value for t in at.toast]
    lang = "fr"        # no browser locale under AppTest: the page takes French
    assert any(n.startswith(t_("notice_lang_unknown", lang, what="").split(":")[0]) and "lang=de" in n
               for n in notices), notices
    long = [n for n in notices if "territory=XXX" in n]
    assert long and all(len(n) < 150 for n in long) and "…" in long[0], notices
