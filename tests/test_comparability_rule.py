"""One rule for the comparability caution (indicators/health.py): the Data health page, the Explorer's
ranking, the Map and the progress report say the same thing of the same indicator. Data health said
"compare with care" of an indicator whose comparability was not given while the Explorer and the Map
said nothing of it; the report's indicator page said nothing of a partly comparable one. A code not
given is now a quiet note everywhere ("check with the owner"), `not_comparable` the only alarm.
"""
from __future__ import annotations

import sqlite3

import pandas as pd
import pytest

from indicators import filters as F
from indicators import health as H
from indicators import report as R
from indicators.i18n import t

from .test_pages_actions_explorer import open_page, texts

TERRITORIES = pd.DataFrame({"territory_id": ["F1", "F2", "B1", "EU"], "country": ["FR", "FR", "BE", "EU"]})
CODES = ["harmonised", "partial", "not_comparable", None, float("nan"), " Partial ", "NOT_COMPARABLE", "", "nonsense"]
UNKNOWN = "ECO06"   # harmonised in the demo, with French and Belgian values in its latest year: made "not given"


# ------------------------------------------------------------------ the engine

@pytest.mark.parametrize("shown", [["F1", "B1"], ["F1", "F2"], ["B1", "EU"], ["F2", "B1", "EU"]])
def test_data_health_and_the_pages_caution_by_the_same_rule(shown):
    """The Data health table's caution of each indicator is the one the Explorer and the Map compute
    for the same territories."""
    ind = pd.DataFrame({"indicator_id": [f"I{n}" for n in range(len(CODES))], "action_id": "A1",
                        "name_fr": "x", "comparability": CODES})
    values = pd.DataFrame([{"indicator_id": i, "territory_id": ter, "period": "2024", "value": 1.0, "flag": None}
                           for i in ind["indicator_id"] for ter in shown])
    comp = H.assess_health(ind, values, territories=TERRITORIES).comparability
    for code, caution in zip(CODES, comp["caution"]):
        assert caution == H.comparability_caution(code, shown, TERRITORIES), (code, shown, caution)


@pytest.mark.parametrize("code, caution, alarm", [
    ("not_comparable", "health_caution_not_comparable", True),
    ("partial", "health_caution_partial", False),
    (None, "health_caution_unknown", False),          # not given: a quiet note, not silence, not "partial"
    (float("nan"), "health_caution_unknown", False),  # an empty spreadsheet cell
    ("  ", "health_caution_unknown", False),
    ("harmonised", None, False),
])
def test_each_code_has_one_caution_and_only_not_comparable_is_an_alarm(code, caution, alarm):
    assert H.comparability_caution(code, ["F1", "B1"], TERRITORIES) == caution
    assert H.comparability_caution(code, ["F1", "F2"], TERRITORIES) is None   # one side: nothing to compare
    assert H.is_alarm(caution) is alarm


def test_the_note_of_a_code_not_given_is_quiet_in_every_language():
    for lang in ("fr", "nl", "en"):
        note = t("health_caution_unknown", lang)
        assert note and note != t("health_caution_partial", lang)
        assert t("comparability_not_comparable", lang) not in note.lower()   # says nothing is wrong
    assert "référent" in t("health_caution_unknown", "fr")   # whom to ask, as Data health's owners list


def test_the_summary_counts_the_cautions_it_lists():
    ind = pd.DataFrame({"indicator_id": ["H", "P", "U", "F"], "action_id": "A1", "name_fr": "x",
                        "comparability": ["harmonised", "partial", None, "not_comparable"]})
    values = pd.DataFrame([{"indicator_id": i, "territory_id": ter, "period": "2024", "value": 1.0, "flag": None}
                           for i in "HPU" for ter in ("F1", "B1")]
                          + [{"indicator_id": "F", "territory_id": "F1", "period": "2024", "value": 1.0, "flag": None}])
    health = H.assess_health(ind, values, territories=TERRITORIES)
    assert health.summary()["caution"] == 2   # P and U; F stands on one side only
    assert list(health.comparability["caution"]) == [None, "health_caution_partial", "health_caution_unknown", None]


# ------------------------------------------------------------------ the report

def _article(html: str, indicator_id: str) -> str:
    start = html.index(f'<article class="indicator" id="{indicator_id}">')
    return html[start:html.index("</article>", start)]


def test_the_report_says_of_each_indicator_what_the_pages_say(demo_tables):
    """The report's indicator page said nothing of a partly comparable indicator, and its closing page
    said "compare with care" (partial's words) of one whose comparability was not given."""
    from html import escape

    framework = dict(demo_tables["framework"])
    ind = framework["indicators"].copy()
    ind.loc[ind["indicator_id"] == UNKNOWN, "comparability"] = None
    framework["indicators"] = ind
    ter = framework["territories"]
    both = [ter.loc[ter["country"] == side, "territory_id"].iloc[0] for side in ("FR", "BE")]
    for lang in ("fr", "nl"):
        unknown, partial = escape(t("health_caution_unknown", lang)), escape(t("health_caution_partial", lang))
        made = {}
        # ECO07: partly comparable, QOL03: not comparable, both with values on both sides
        for action, iid in (("A11", UNKNOWN), ("A16", "ECO07"), ("A15", "QOL03")):
            report = R.build(framework, demo_tables["observations"], F.Filters(lang=lang, action=action),
                             flows=demo_tables["flows"])
            made[iid] = R.render_html(report)
            entry = next(e for s in report.sections for e in s.indicators if e.indicator_id == iid)
            assert entry.caution == H.comparability_caution(ind.set_index("indicator_id").at[iid, "comparability"],
                                                            both, ter)
        assert unknown in _article(made[UNKNOWN], UNKNOWN) and partial not in _article(made[UNKNOWN], UNKNOWN)
        assert partial in _article(made["ECO07"], "ECO07")
        assert 'class="caution"' not in _article(made["ECO07"], "ECO07")   # a note, not the alarm's colour
        assert f'<span class="caution">{escape(t("health_caution_not_comparable", lang))}' in \
            _article(made["QOL03"], "QOL03")
        # the closing page's row of the indicators not given: its own note, not partial's words
        row = made[UNKNOWN][made[UNKNOWN].index(escape(H.comparability_label("unknown", lang))):]
        row = row[:row.index("</tr>")]
        assert unknown in row and partial not in row


# ------------------------------------------------------------------ the pages (AppTest)

@pytest.fixture
def store(demo_url):
    """A copy of the demo in which UNKNOWN's comparability is not given (an empty cell)."""
    path = demo_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        assert conn.execute("UPDATE indicators SET comparability = NULL WHERE indicator_id = ?",
                            (UNKNOWN,)).rowcount == 1
    return demo_url


def test_the_explorer_notes_a_comparability_not_given_quietly_above_its_ranking(store):
    at = open_page("pages/explorer.py", {"lang": "fr", "indicator": UNKNOWN})
    note = t("health_caution_unknown", "fr")
    assert note in [c.value for c in at.caption]          # said, and said as a note
    assert not any("compar" in w.value for w in at.warning)
    partial = open_page("pages/explorer.py", {"lang": "fr", "indicator": "ECO07"})
    assert t("health_caution_partial", "fr") in [c.value for c in partial.caption]   # a note, as on the Map
    assert not any("compar" in w.value for w in partial.warning)


def test_the_map_notes_a_comparability_not_given_under_the_map(store):
    at = open_page("pages/map.py", {"lang": "nl", "indicator": UNKNOWN})
    assert t("health_caution_unknown", "nl") in texts(at)
    assert not any("vergelijk" in w.value for w in at.warning)


def test_data_health_says_of_a_comparability_not_given_what_the_other_pages_say(store):
    at = open_page("pages/health.py", {"lang": "en", "action": "A11"})
    at.session_state["health_tab"] = t("comparability", "en")
    at.run()
    assert not at.exception, at.exception
    table = at.dataframe[-1].value
    row = table[table["Indicator"].str.startswith(UNKNOWN)].iloc[0]
    assert row["Note"] == t("health_caution_unknown", "en")   # was partial's "Compare … with care"


# ------------------------------------------------------------------ the Partners page's wide table

@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_partners_table_names_its_columns_past_the_edge_as_the_actions_page_does(demo_url, lang):
    """One sentence for every wide table (widgets.more_columns_note), naming the table's last columns."""
    from pages import partners, widgets

    at = open_page("pages/partners.py", {"lang": lang})
    note = widgets.more_columns_note(partners.PARTNER_COLUMNS_PAST_EDGE, lang)
    assert any(c.value.split("  \n")[-1] == note for c in at.caption), [c.value for c in at.caption]
    last = list(at.dataframe[0].value.columns)[-len(partners.PARTNER_COLUMNS_PAST_EDGE):]
    assert last == [t(key, lang) for key in partners.PARTNER_COLUMNS_PAST_EDGE]
