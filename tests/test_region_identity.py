"""A border region's own store is its own dashboard, not Lille's demo (tester C, stop 29, findings 1-4, 11):
the strategy's name is the store's (set by `strategy-name`, Lille's only with the demo), the "demo data"
line only on a store holding the demo, the administrator's note only while no editor access exists,
action updates in any language, and a link's unknown code told with the nearest known one."""
from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from indicators.cli import main
from indicators.i18n import t

from .conftest import ROOT, switch_page

APP = str(ROOT / "app.py")
LANGS = ("fr", "nl", "en")
LILLE = {"fr": "Stratégie de coopération transfrontalière de la Métropole Européenne de Lille",
         "nl": "Strategie voor grensoverschrijdende samenwerking van de Metropool Rijsel",
         "en": "Cross-border cooperation strategy of the Lille European Metropolis"}
OWN = {"fr": "Stratégie de coopération de la Grande Région", "nl": "Samenwerkingsstrategie van de Grote Regio",
       "en": "Greater Region cooperation strategy"}

# A small Greater Region framework (German keys with their leading zero), no demo anywhere.
REGION = {
    "levels.csv": "level_id;name_fr;name_nl;name_en\nagglo;Agglomérations;Agglomeraties;Conurbations\n",
    "themes.csv": "theme_id;name_fr;name_nl;name_en\nmobility;Mobilité;Mobiliteit;Mobility\n",
    "partners.csv": "partner_id;name_fr;country;kind\nSAAR;Land de Sarre;DE;Region\nLUX;Grand-Duché de Luxembourg;LU;State\n",
    "actions.csv": "action_id;level_id;theme_id;title_fr;title_en;lead\nGR-M2;agglo;mobility;Bus transfrontaliers;"
                   "Cross-border buses;SAAR\n",
    "indicators.csv": "indicator_id;action_id;name_fr;name_en;unit;direction;type;owner\nM2-BUS;GR-M2;Voyageurs;"
                      "Passengers;persons;increase;result;SAAR\n",
    "territories.csv": "territory_id;name_fr;country;kind;lat;lon\n07211000;Trèves;DE;commune;49.75;6.64\n"
                       "10041100;Sarrebruck;DE;commune;49.23;6.99\nLU000;Luxembourg;LU;nuts3;49.61;6.13\n",
    "observations.csv": "indicator_id;territory_id;period;value\nM2-BUS;07211000;2021;1000\nM2-BUS;07211000;2022;1100\n"
                        "M2-BUS;07211000;2023;1250\nM2-BUS;10041100;2023;900\n",
}


def cli(*args: str) -> int:
    return main(list(args))


@pytest.fixture
def region_url(tmp_path, monkeypatch):
    """A store made with `init` (no demo) holding a region's own framework and data: the app's store."""
    folder = tmp_path / "files"
    folder.mkdir()
    for name, text in REGION.items():
        (folder / name).write_text(text, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'region.sqlite'}"
    assert cli("--db", url, "init") == 0
    assert cli("--db", url, "import", *sorted(str(p) for p in folder.iterdir())) == 0
    monkeypatch.setenv("INDICATORS_DB_URL", url)
    return url


def app(lang: str, page: str | None = None, query: dict | None = None, secrets: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.context = {"locale": f"{lang}-BE", "timezone": "Europe/Brussels"}
    at.query_params["lang"] = lang
    for key, value in (query or {}).items():
        at.query_params[key] = value
    for key, value in (secrets or {}).items():
        at.secrets[key] = value
    at.run()
    if page:
        switch_page(at, page).run()
    assert not at.exception, at.exception
    return at


def captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


# ---------------------------------------------------------------- 1. the strategy's name is the store's

def test_an_empty_store_shows_no_strategy_name_and_no_demo_line_in_any_language(sqlite_url, monkeypatch):
    assert cli("--db", sqlite_url, "init") == 0
    monkeypatch.setenv("INDICATORS_DB_URL", sqlite_url)
    for lang in LANGS:
        at = app(lang)
        shown = "\n".join(captions(at))
        assert at.title[0].value == t("app_title", lang)
        assert not any(name in shown for name in LILLE.values()), shown
        assert "Lille" not in shown and "Rijsel" not in shown
        assert t("demo_notice", lang) not in shown


def test_a_region_s_store_names_its_own_strategy_set_by_the_command(region_url, capsys):
    from indicators.store import open_store
    from indicators.store.identity import strategy_name

    engine = open_store(region_url)
    assert all(strategy_name(engine, lang) is None for lang in LANGS)
    assert cli("--db", region_url, "--lang", "fr", "strategy-name", OWN["fr"]) == 0
    assert cli("--db", region_url, "strategy-name", "--nl", OWN["nl"], "--en", OWN["en"]) == 0
    assert {lang: strategy_name(engine, lang) for lang in LANGS} == OWN
    capsys.readouterr()
    assert cli("--db", region_url, "strategy-name") == 0      # without a name: the names, one a line
    assert capsys.readouterr().out.splitlines() == [f"{lang}\t{OWN[lang]}" for lang in LANGS]
    for lang in LANGS:
        at = app(lang)
        assert OWN[lang] in captions(at)
        assert not any(name in "\n".join(captions(at)) for name in LILLE.values())
    # one language's name removed: that page shows another language's name rather than none
    assert cli("--db", region_url, "strategy-name", "--en", "") == 0
    assert strategy_name(engine, "en") == OWN["fr"]
    assert cli("--db", region_url, "strategy-name", "--clear") == 0
    assert all(strategy_name(engine, lang) is None for lang in LANGS)
    engine.dispose()


def test_a_name_too_long_is_refused_whole_never_cut(region_url, capsys):
    from indicators.store import open_store
    from indicators.store.identity import NAME_LENGTH, strategy_name

    assert cli("--db", region_url, "--lang", "en", "strategy-name", OWN["en"]) == 0
    capsys.readouterr()
    long_name = "Stratégie " + "x" * NAME_LENGTH
    assert cli("--db", region_url, "--lang", "fr", "strategy-name", "--fr", long_name, "--nl", OWN["nl"]) == 1
    err = capsys.readouterr().err
    assert f"{len(long_name)} caractères" in err and str(NAME_LENGTH) in err and "--fr" in err
    engine = open_store(region_url)
    assert strategy_name(engine, "nl") == OWN["en"]   # nothing saved: not even the valid Dutch name
    engine.dispose()


def test_the_report_s_cover_names_the_store_s_strategy_never_lille_s(region_url, tmp_path):
    out = tmp_path / "report.html"
    assert cli("--db", region_url, "--lang", "fr", "report", str(out)) == 0
    page = out.read_text(encoding="utf-8")
    assert '<div class="strategy"></div>' in page
    assert not any(name in page for name in LILLE.values())
    assert cli("--db", region_url, "strategy-name", "--fr", OWN["fr"], "--nl", OWN["nl"]) == 0
    for lang in ("fr", "nl"):
        assert cli("--db", region_url, "--lang", lang, "report", str(out)) == 0
        assert f'<div class="strategy">{OWN[lang]}</div>' in out.read_text(encoding="utf-8")


def test_the_demo_names_lille_s_strategy_and_says_its_figures_are_illustrative(tmp_path, monkeypatch):
    from indicators.store import open_store
    from indicators.store.identity import holds_demo, strategy_name

    url = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    assert cli("--db", url, "init", "--demo") == 0
    engine = open_store(url)
    assert {lang: strategy_name(engine, lang) for lang in LANGS} == LILLE
    assert holds_demo(engine)
    monkeypatch.setenv("INDICATORS_DB_URL", url)
    for lang in LANGS:
        shown = captions(app(lang))
        assert LILLE[lang] in shown and t("demo_notice", lang) in shown
    # the demo rolled back: its figures are gone, and so is the line that says they are illustrative
    assert cli("--db", url, "rollback", "1") == 0
    assert not holds_demo(engine)
    engine.dispose()


def test_the_default_store_s_first_start_names_the_demo_s_strategy(tmp_path, monkeypatch):
    """The default file is seeded with the demo on first start (open_default): marked as the demo."""
    from indicators.store import tables
    from indicators.store.identity import holds_demo, strategy_name

    path = tmp_path / "monitor.sqlite"
    monkeypatch.setattr(tables, "DEFAULT_DB_PATH", path)
    monkeypatch.delenv("INDICATORS_DB_URL")
    engine = tables.open_default()
    assert holds_demo(engine) and strategy_name(engine, "nl") == LILLE["nl"]
    engine.dispose()


# ---------------------------------------------------------------- 2. the demo line only with the demo

@pytest.mark.parametrize("page", [None, "pages/health.py", "pages/partners.py"])
def test_a_region_s_own_figures_are_not_called_illustrative(region_url, page):
    for lang in LANGS:
        at = app(lang, page)
        assert at.title, "the page drew nothing"
        assert t("demo_notice", lang) not in captions(at)


def test_the_demo_pages_still_say_their_figures_are_illustrative(demo_url):
    for page in (None, "pages/health.py", "pages/partners.py"):
        assert t("demo_notice", "en") in captions(app("en", page)), page


# ---------------------------------------------------------------- 3. the administrator's note

def _admin_notes(at: AppTest, lang: str) -> list:
    return [e for e in at.expander if e.label == t("for_administrator", lang)]


def test_no_administrator_note_once_an_editor_account_with_a_password_exists(region_url, monkeypatch):
    import io

    for lang in LANGS:
        at = app(lang, "pages/data.py")
        notes = _admin_notes(at, lang)
        assert len(notes) == 1
        text = "\n".join(m.value for m in notes[0].markdown)
        # both ways to set editors up: a local account, and the shared password's hash
        assert "python -m indicators account add" in text and "--role editor" in text
        assert "python -m indicators hash-password" in text and t("page_review", lang) in text
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
    assert cli("--db", region_url, "account", "add", "planung@grossregion.lu", "--role", "editor",
               "--password-stdin") == 0
    for lang in LANGS:
        at = app(lang, "pages/data.py")
        assert _admin_notes(at, lang) == []
        # the way in is still said: the Contributions page's sign-in
        assert t("editor_account_hint", lang, page=t("page_review", lang)) in captions(at)


def test_an_editor_account_without_a_password_is_no_editor_access(region_url):
    """Single sign-on only (or the demo's coordination account): nobody signs in locally with it."""
    assert cli("--db", region_url, "account", "add", "sso@grossregion.lu", "--role", "editor") == 0
    assert len(_admin_notes(app("fr", "pages/data.py"), "fr")) == 1


# ---------------------------------------------------------------- 4. updates in any language

def test_an_update_written_in_german_is_stored_as_written(region_url, tmp_path, capsys):
    from indicators.store import open_store, read_table

    updates = tmp_path / "aktualisierungen.csv"
    updates.write_text("action_id;period;implementation;text;lang\n"
                       "GR-M2;2025-S1;ongoing;Zwei neue Linien zwischen Trier und Luxemburg.;de\n"
                       "GR-M2;2025-S2;ongoing;Lëtzebuergesch Text.;LB\n", encoding="utf-8")
    assert cli("--db", region_url, "import", str(updates)) == 0
    stored = read_table(open_store(region_url), "action_updates")
    assert list(stored["lang"]) == ["de", "lb"]
    assert list(stored["text"])[0] == "Zwei neue Linien zwischen Trier und Luxemburg."


@pytest.mark.parametrize("lang", LANGS)
def test_a_value_that_is_no_language_code_is_said_without_a_far_fetched_suggestion(region_url, tmp_path, capsys,
                                                                                    lang):
    bad = tmp_path / "updates.csv"
    bad.write_text("action_id;period;implementation;text;lang\nGR-M2;2025-S1;ongoing;Text;xx\n"
                   "GR-M2;2025-S2;ongoing;Text;deutsch\n", encoding="utf-8")
    capsys.readouterr()
    assert cli("--db", region_url, "--lang", lang, "validate", str(bad), "--format", "json") == 1
    report = json.loads(capsys.readouterr().out)
    problems = [(p["row"], p["column"], p["value"]) for p in report["problems"]]
    assert problems == [(2, "lang", "xx"), (3, "lang", "deutsch")]
    for p in report["problems"]:
        assert p["suggestion"] is None
        assert "ISO 639-1" in p["message"] and "fr, nl, en" in p["message"]


# ---------------------------------------------------------------- 5. a link's unknown code

def test_a_link_s_code_that_lost_its_leading_zero_names_the_nearest_code(region_url):
    from indicators import filters as F
    from indicators.queries import load_framework
    from indicators.store import open_store

    parsed = F.parse_query({"territory": ["7211000", "10041100"], "action": ["GR-M3"]},
                           load_framework(open_store(region_url)), "en")
    assert parsed.filters.territories == ("10041100",)
    assert parsed.dropped == ["action=GR-M3", "territory=7211000"]
    assert parsed.nearest == {"territory=7211000": "07211000", "action=GR-M3": "GR-M2"}
    for lang, said in (("en", "Did you mean ` 07211000 `?"), ("fr", "Vouliez-vous dire ` 07211000 ` ?"),
                       ("nl", "Bedoelde u ` 07211000 `?")):
        at = app(lang, None, {"level": "agglo", "territory": "7211000"})
        notices = [n.value for n in at.toast]
        assert any("territory=7211000" in n and said in n for n in notices), notices


def test_a_code_near_nothing_known_gets_the_plain_notice(region_url):
    at = app("en", None, {"territory": "ZZZZZZZZZZ"})
    notices = [n.value for n in at.toast]
    assert notices == [t("notice_dropped", "en", what="` territory=ZZZZZZZZZZ `")]
