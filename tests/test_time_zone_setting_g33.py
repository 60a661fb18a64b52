"""INDICATORS_TIME_ZONE set to no zone zoneinfo knows is said, as a mistyped MONITOR_* limit is: the command
line stops with exit 2 naming the variable and its value (cut when long) in the user's language; the
dashboard says it once per session, in the page's language, and shows Brussels time. It used to fall back
to Brussels without a word."""
from __future__ import annotations

from datetime import datetime

import pytest

from indicators import i18n
from indicators.cli import main
from indicators.i18n import LANGS, t

from .conftest import ROOT

VAR = "INDICATORS_TIME_ZONE"
LONG = "Europe/" + "x" * 5000
BAD = ["Mars/Olympus", "../../etc/passwd", LONG, "Europe/Brusels", "Europe", "/etc/localtime"]
MOMENT = datetime(2026, 12, 7, 13, 5)   # UTC: 14:05 in Brussels
BRUSSELS = {"fr": "7 déc. 2026 à 14:05", "nl": "7 dec 2026 om 14:05", "en": "7 Dec 2026 at 14:05"}


@pytest.mark.parametrize("value", BAD, ids=["mars", "path", "long", "typo", "folder", "absolute"])
def test_an_unknown_zone_is_found_by_zoneinfo_and_brussels_time_is_shown(monkeypatch, value):
    monkeypatch.setenv(VAR, value)
    assert i18n.bad_time_zone() == value
    assert i18n.when(MOMENT, "en") == BRUSSELS["en"]


@pytest.mark.parametrize("value, said", [("UTC", "13:05"), ("Asia/Tokyo", "22:05"), (" America/New_York ", "08:05")])
def test_a_known_zone_is_used(monkeypatch, value, said):
    monkeypatch.setenv(VAR, value)
    assert i18n.bad_time_zone() is None
    assert i18n.when(MOMENT, "en") == f"7 Dec 2026 at {said}"


def test_unset_is_brussels(monkeypatch):
    monkeypatch.delenv(VAR, raising=False)
    assert i18n.bad_time_zone() is None and i18n.when(MOMENT, "nl") == BRUSSELS["nl"]


@pytest.mark.parametrize("value", ["", "   "])
def test_empty_is_unset_as_an_empty_limit_or_store_url_is(demo_url, monkeypatch, value):
    """`INDICATORS_TIME_ZONE=` in a deployment file is the variable left unset, as `MONITOR_*=` is."""
    monkeypatch.setenv(VAR, value)
    assert i18n.bad_time_zone() is None and i18n.when(MOMENT, "fr") == BRUSSELS["fr"]
    assert main(["history", "--db", demo_url, "--lang", "en"]) == 0


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("value", BAD[:4], ids=["mars", "path", "long", "typo"])
def test_every_command_stops_with_exit_2_naming_the_variable_and_its_value(demo_url, monkeypatch, capsys, lang, value):
    monkeypatch.setenv(VAR, value)
    code = main(["history", "--db", demo_url, "--lang", lang])
    out = capsys.readouterr()
    assert code == 2 and out.out == ""
    shown = value if len(value) <= 120 else value[:120] + "…"
    assert out.err.strip() == t("cli_time_zone_bad", lang, variable=VAR, value=shown, default="Europe/Brussels")
    assert f"{VAR}={shown}" in out.err and len(out.err) < 600
    assert "Traceback" not in out.err


def test_a_zone_with_a_control_character_is_written_escaped(demo_url, monkeypatch, capsys):
    monkeypatch.setenv(VAR, "Europe/Paris\x1b[2J\nforged line")
    assert main(["history", "--db", demo_url, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and err.count("\n") == 1 and "\\x1b[2J\\nforged line" in err


def test_a_known_zone_lets_the_command_run(demo_url, monkeypatch, capsys):
    monkeypatch.setenv(VAR, "America/New_York")
    assert main(["history", "--db", demo_url, "--lang", "en"]) == 0


@pytest.mark.parametrize("lang", LANGS)
def test_a_link_to_overview_says_it_on_the_page_it_leads_to(demo_url, monkeypatch, lang):
    """/overview switches to the home page at once: said there, not on the run the switch wipes."""
    from streamlit.testing.v1 import AppTest
    from streamlit.util import calc_hash

    from pages.common import LINK_PATH

    monkeypatch.setenv(VAR, "../../etc/passwd")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["lang"] = lang
    at.run()                                  # registers the pages
    del at.session_state["_zone_said"]        # as a new session whose first request is /overview
    at._page_hash = calc_hash(LINK_PATH)
    at.run()
    assert not at.exception and at.metric, "the home page is drawn"
    assert [w.value for w in at.warning if VAR in w.value] == [
        t("notice_time_zone_bad", lang, setting=f"` {VAR}=../../etc/passwd `")]


@pytest.mark.parametrize("lang", LANGS)
def test_the_dashboard_says_it_once_in_the_page_s_language_and_shows_the_page(demo_url, monkeypatch, lang):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv(VAR, "Mars/Olympus")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.context = {"locale": "fr-FR", "timezone": "Europe/Paris"}
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception and not at.error, (at.exception, [e.value for e in at.error])
    said = [n.value for n in at.warning if VAR in n.value]
    assert said == [t("notice_time_zone_bad", lang, setting=f"` {VAR}=Mars/Olympus `")], [n.value for n in at.warning]
    assert at.metric, "the page is drawn"
    at.run()   # the next run of the same session: not said again
    assert not at.exception and not [n.value for n in at.warning if VAR in n.value]
