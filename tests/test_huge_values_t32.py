"""Any value the import accepts is shown on every surface (finding Z#1, stop 32): babel's quantize failed
from about 1e27 on (`decimal.InvalidOperation`), so `progress` (table) and `report` crashed half-way with
exit 1 ("invalid data") on values the import had just accepted, and so did every page writing them. A
number from 1e15 on is written in scientific notation in the reader's language (1,5E300, 1.5E300); a tiny
one (1e-300) rounds as any number; negative ones keep their sign."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from indicators import i18n
from indicators.importing import import_files

from .conftest import ROOT, open_page
from .helpers import write

LANGS = ("fr", "nl", "en")
HUGE = (1e27, 1e28, 1.5e300, -2e300, 1.7976931348623157e308, -1e30)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("value", HUGE)
def test_every_finite_number_is_written(value, lang):
    for decimals in (0, 1, 2, None):
        text = i18n.number(value, lang, decimals)
        assert "E" in text and text.startswith("-") == (value < 0), text
        mantissa = text.lstrip("-").split("E")[0]
        sep = "." if lang == "en" else ","
        assert sep in mantissa and float(mantissa.replace(",", ".")) == pytest.approx(abs(value) / 10 ** int(text.split("E")[1]), rel=1e-3)
    assert "E" in i18n.percent(value, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_the_scientific_form_rounds_into_the_next_power(lang):
    # 9.9996E20 rounds to 10.000: said 1.0E21, never "10,0E20"
    assert i18n.number(9.9996e20, lang, 1).replace(",", ".") == "1.0E21"
    assert i18n.number(-9.99999e15, lang, 0).replace(",", ".") == "-1.0E16"


@pytest.mark.parametrize("lang", LANGS)
def test_tiny_and_ordinary_numbers_keep_their_form(lang):
    assert i18n.number(1e-300, lang, 1) == i18n.number(0, lang, 1) == i18n.number(-1e-300, lang, 1)
    assert "E" not in i18n.number(999_999_999_999_999, lang, 0)
    assert i18n.number(1234.5, lang, 1) == {"fr": "1\u202f234,5", "nl": "1.234,5", "en": "1,234.5"}[lang]
    assert i18n.number(float("inf"), lang) == "∞"


INDICATORS = """indicator_id,action_id,name_fr,unit,direction,type,decimals
BIG,A28,Très grand,persons,increase,result,0
NEG,A28,Très négatif,persons,decrease,result,1
TINY,A28,Minuscule,persons,increase,result,2
"""
OBSERVATIONS = """indicator_id,territory_id,period,value
BIG,FRE,2018,5e299
BIG,FRE,2022,1e300
BIG,200093201,2019,1e28
BIG,200093201,2023,3e28
NEG,FRE,2018,-5e299
NEG,FRE,2022,-1e300
TINY,FRE,2018,1e-300
TINY,FRE,2022,3e-300
"""
TARGETS = """indicator_id,territory_id,baseline_period,baseline_value,target_period,target_value
BIG,FRE,2018,5e299,2030,1e300
"""


@pytest.fixture
def huge_url(demo_url, tmp_path):
    from indicators.store import open_store

    engine = open_store(demo_url)
    outcome = import_files(engine, [write(tmp_path, "ind.csv", INDICATORS), write(tmp_path, "obs.csv", OBSERVATIONS),
                                    write(tmp_path, "tg.csv", TARGETS)], user="test")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems]
    engine.dispose()
    return demo_url


def _cli(url, *args):
    return subprocess.run([sys.executable, "-m", "indicators", "--db", url, *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_progress_table_and_report_show_huge_values(huge_url, tmp_path):
    done = _cli(huge_url, "--lang", "en", "progress")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Unexpected error" not in done.stdout + done.stderr
    assert "1.0E300" in done.stdout and "-1.0E300" in done.stdout and "3.0E-300" in done.stdout
    as_json = _cli(huge_url, "progress", "--format", "json")
    assert as_json.returncode == 0
    latest = {(e["indicator_id"], e["territory_id"]): e["latest_value"] for e in json.loads(as_json.stdout)["indicators"]}
    assert latest[("BIG", "FRE")] == 1e300 and latest[("TINY", "FRE")] == 3e-300
    for name in ("r.html", "r.pdf"):
        out = tmp_path / name
        made = _cli(huge_url, "--lang", "fr", "report", str(out))
        assert made.returncode == 0, made.stdout + made.stderr
        assert out.stat().st_size > 0
    assert "1,0E300" in (tmp_path / "r.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("page, query", [
    ("pages/overview.py", {"lang": "fr"}),
    ("pages/actions.py", {"lang": "nl", "action": "A28"}),
    ("pages/explorer.py", {"lang": "en", "indicator": "BIG"}),
    ("pages/explorer.py", {"lang": "fr", "indicator": "NEG"}),
    ("pages/explorer.py", {"lang": "fr", "indicator": "TINY"}),
    ("pages/map.py", {"lang": "fr", "indicator": "BIG"}),
    ("pages/map.py", {"lang": "en", "indicator": "NEG"}),
    ("pages/health.py", {"lang": "en"}),
])
def test_every_page_shows_huge_values(huge_url, page, query):
    at = open_page(page, query)   # asserts no exception and no error box
    shown = " ".join(str(getattr(e, "value", "")) for e in list(at.markdown) + list(at.caption))
    assert "Unexpected" not in shown and "Traceback" not in shown


def test_a_whole_number_past_1e15_is_not_given_to_the_grids_printf():
    """The grid's `%d` reads "1e+21" as 1 (JavaScript's parseInt): such a column goes to the labelled path."""
    from indicators.table_numbers import shown_whole

    assert shown_whole([1.0, 2.0, 3e14], None) and shown_whole([1.5], 0)
    assert not shown_whole([1.0, 1e21], None) and not shown_whole([1e21], 0)
