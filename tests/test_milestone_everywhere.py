"""The milestone's status on every surface that shows the target's (tester M, stop 30, finding 6).

DESIGN: "with a milestone, a second status is judged … it is always shown as the milestone's status".
The Actions page and the report said "Jalon : 20,0 % (2025) · ▲ Jalon : En bonne voie"; the Explorer's
header and the Map's territory card showed the target's status alone. Both now say it, in the same
words (`wording.milestone_text`, the function the Actions page uses), in each language.
"""
from __future__ import annotations

import pytest

from indicators import wording
from indicators.i18n import colon, t

from .test_latest_value_one_truth import open_page, periods_store_file, periods_url  # noqa: F401  (fixtures)

# MS in Lille: baseline 10 % (2018), milestone 20 % (2025), target 30 % (2030); 19 % in 2024: on track for both
WORDS = {"fr": "Jalon\u202f: 20,0\u00a0% (2025) · ▲ Jalon\u202f: En bonne voie",
         "nl": "Mijlpaal: 20,0% (2025) · ▲ Mijlpaal: Op koers",
         "en": "Milestone: 20.0% (2025) · ▲ Milestone: On track"}


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_words_are_the_actions_pages(lang):
    target = {"milestone_period": "2025", "milestone_value": 20.0}
    text = wording.milestone_text(target, {"milestone_status": "on_track"}, lang, 1, "%")
    assert f"{t('milestone', lang)}{colon(lang)} {text}" == WORDS[lang]


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_explorer_header_shows_the_milestone_and_its_status(periods_url, lang):
    at = open_page("pages/explorer.py", {"lang": lang, "indicator": "MS"})
    header = next(m.value for m in at.markdown if t("headline_territory", lang) in m.value)
    assert WORDS[lang] in header, header


def test_an_indicator_without_a_milestone_says_none(periods_url):
    at = open_page("pages/explorer.py", {"lang": "fr", "indicator": "BRK"})
    header = next(m.value for m in at.markdown if t("headline_territory", "fr") in m.value)
    assert "Jalon" not in header


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_map_card_shows_the_milestone_and_its_status(periods_url, lang):
    at = open_page("pages/map.py", {"lang": lang, "indicator": "MS", "territory": "59350"})
    captions = [c.value for c in at.caption]
    assert WORDS[lang] in captions, captions
