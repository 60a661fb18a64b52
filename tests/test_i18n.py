"""Every interface string exists in French, Dutch and English; numbers follow each language."""
from __future__ import annotations

import re

import pytest

from indicators import i18n
from indicators.problem_messages import MESSAGES, SUGGESTIONS

from .conftest import ROOT

SOURCES = [*ROOT.joinpath("pages").glob("*.py"), ROOT / "app.py", *ROOT.joinpath("indicators").glob("*.py")]
CALL = re.compile(r"""\bt\(\s*["']([a-z0-9_]+)["']\s*[,)]""")


@pytest.mark.parametrize("catalog", [i18n.TEXTS, i18n.STATUS_TEXTS, i18n.EUROSTAT_TEXTS, MESSAGES, SUGGESTIONS],
                         ids=["interface", "statuses", "eurostat", "problems", "suggestions"])
def test_every_string_has_three_languages(catalog):
    missing = [(key, lang) for key, entry in catalog.items() for lang in ("fr", "nl", "en")
               if not str(entry.get(lang, "")).strip()]
    assert not missing


def test_every_key_used_in_the_code_exists():
    used = {key for path in SOURCES for key in CALL.findall(path.read_text(encoding="utf-8"))}
    assert used, "no t() call found: the scan is broken"
    assert sorted(used - set(i18n.TEXTS)) == []


def test_placeholders_agree_across_languages():
    for catalog in (i18n.TEXTS, MESSAGES):
        for key, entry in catalog.items():
            names = {lang: set(re.findall(r"{(\w+)}", text)) for lang, text in entry.items()}
            assert names["fr"] == names["nl"] == names["en"], key


@pytest.mark.parametrize("lang,expected", [("fr", "1\u202f234,5"), ("nl", "1.234,5"), ("en", "1,234.5")])
def test_number_formats(lang, expected):
    assert i18n.number(1234.5, lang, 1) == expected
    assert i18n.number(float("nan"), lang) == "–"


def test_language_choice():
    assert i18n.pick_lang("nl", "fr-FR") == "nl"
    assert i18n.pick_lang(None, "nl-BE") == "nl"
    assert i18n.pick_lang("xx", "de-DE") == "fr"


def test_eurostat_words_only_without_target():
    assert i18n.status_label("on_track", "en", "eurostat", has_target=False) == "Significant progress"
    assert i18n.status_label("on_track", "en", "eurostat", has_target=True) == "On track"


def test_counts_follow_each_language_plural_rule():
    from indicators import i18n

    assert [i18n.count(n, "action_one", "actions", "fr") for n in (0, 1, 2)] == ["0 action", "1 action", "2 actions"]
    assert [i18n.count(n, "action_one", "actions", "nl") for n in (0, 1, 2)] == ["0 acties", "1 actie", "2 acties"]
    assert [i18n.count(n, "action_one", "actions", "en") for n in (0, 1, 2)] == ["0 actions", "1 action", "2 actions"]
    # counts in the language's grouping, like every other number
    assert [i18n.count(1001, "notice_word_one", "notice_word_other", lang) for lang in ("fr", "nl", "en")] == [
        "1\u202f001 remarques", "1.001 opmerkingen", "1,001 notices"]


def test_counts_take_the_languages_plural_not_a_bracket():
    from indicators import i18n

    assert i18n.count(1, "territory", "territories", "fr") == "1 territoire"
    assert i18n.count(2, "territory", "territories", "fr") == "2 territoires"
    assert i18n.count(2, "territory", "territories", "nl") == "2 gebieden"
    assert i18n.count(1, "notice_word_one", "notice_word_other", "en") == "1 notice"
    assert i18n.count(3, "notice_word_one", "notice_word_other", "nl") == "3 opmerkingen"
    assert all("(" not in i18n.count(n, "territory", "territories", lang) for n in (0, 1, 5) for lang in i18n.LANGS)


def test_a_percentage_is_written_as_each_language_writes_it():
    """57 % in French (a no-break space before the sign), 57% in Dutch and English (CLDR): an English
    page wrote '57 %'. A value whose unit is % and a share read alike on one page."""
    from indicators.i18n import percent
    from indicators.wording import format_value

    assert [percent(0.573, lang) for lang in ("fr", "nl", "en")] == ["57\u00a0%", "57%", "57%"]
    assert [format_value(8.0, lang, 1, "%") for lang in ("fr", "nl", "en")] == ["8,0\u00a0%", "8,0%", "8.0%"]
    assert format_value(1234.5, "en", 1, "km") == "1,234.5\u00a0km"     # other units after a no-break space


def test_names_sort_as_a_reader_looks_them_up():
    from indicators.i18n import sort_key

    names = ["Arrondissement d'Ypres", "Écaussinnes", "arrondissement de Courtrai", "Estaimpuis",
             "Arrondissement d'Ostende", "Arrondissement de Bruges", "Anvers"]
    assert sorted(names, key=sort_key) == ["Anvers", "Arrondissement de Bruges", "arrondissement de Courtrai",
                                           "Arrondissement d'Ostende", "Arrondissement d'Ypres", "Écaussinnes",
                                           "Estaimpuis"]


def test_the_territory_filter_lists_names_in_reading_order_without_an_english_select_all(demo_url):
    from streamlit.testing.v1 import AppTest

    from indicators.i18n import sort_key

    from .conftest import ROOT

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["lang"] = "fr"
    at.run()
    box = at.multiselect(key="f_territory")
    assert box.proto.select_all == 0   # Streamlit writes that entry in English
    options = list(box.options)
    for country in ("France", "Belgique"):      # countries named in the page's language, France first
        names = [o.split(" · ", 1)[1] for o in options if o.startswith(country + " · ")]
        assert len(names) > 5 and names == sorted(names, key=sort_key), names
    assert options[0].startswith("France · ")
    belgian = [o for o in options if o.startswith("Belgique · Arrondissement")]
    assert belgian.index("Belgique · Arrondissement de Bruges") < belgian.index("Belgique · Arrondissement d'Ostende")
