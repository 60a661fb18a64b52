"""What the Explorer, the report, Data health, Partners and Data pages show (stop 34, findings F7-F11).

- F7: the Explorer of a `not_comparable` indicator (CIT01) drew France and Belgium in their panels but left out
  the headline territory, a cross-border body (the Eurometropolis), so no series, target path, milestone or
  projection of what the status is judged on, while its caption said the chart showed "the target's" territory.
  The comparability rule is kept: no other cross-border total adding up the two sides is drawn.
- F8: the report said "the chart shows 4 (the target's first)" of indicators without a target.
- F9: Data health's four figures' titles ended in "…" at 1024 px in Dutch.
- F10: the Partners page wrote countries as codes (FR, BE, EU).
- F11: "No value on the Belgium side"; the Data page's "Ce qui change" pushed past the table's edge.
"""
from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from indicators import charts
from indicators import countries
from indicators import filters as F
from indicators import report as R
from indicators.i18n import t

from .conftest import open_page

LANGS = ("fr", "nl", "en")
NAMES = {"fr": "Eurométropole Lille-Kortrijk-Tournai", "nl": "Eurometropool Lille-Kortrijk-Tournai",
         "en": "Eurometropolis Lille-Kortrijk-Tournai"}


def _specs(at) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def _captions(at) -> list[str]:
    return [str(c.value) for c in at.caption]


# ------------------------------------------------------------------ F7: the Explorer of CIT01

@pytest.mark.parametrize("lang", LANGS)
def test_the_headline_cross_border_body_is_drawn_above_the_sides_with_its_target_path(demo_url, lang):
    at = open_page("pages/explorer.py", {"lang": lang, "indicator": "CIT01"})
    series = _specs(at)[0]
    titles = [a["text"] for a in series["layout"]["annotations"]]
    assert titles == [f"<b>{NAMES[lang]}</b>", f"<b>{countries.name('FR', lang)}</b>",
                      f"<b>{countries.name('BE', lang)}</b>"]
    by_axis: dict[str, set] = {}
    for trace in series["data"]:
        meta = trace.get("meta") or {}
        by_axis.setdefault(trace.get("xaxis", "x"), set()).add((meta.get("role"), meta.get("territory_id")))
    # the status is judged on EMLKT: its values, target path, milestone and projection, above the panels
    assert {("observed", "EMLKT"), ("target_path", "EMLKT"), ("milestone", "EMLKT"),
            ("projection", "EMLKT")} <= by_axis["x"]
    # the sides' panels: their own territories only, no cross-border total adding them up
    for axis in ("x2", "x3"):
        assert not any(tid == "EMLKT" for _, tid in by_axis[axis]), by_axis[axis]
    assert {tid for role, tid in by_axis["x2"] if role == "observed"} == {"200093201"}
    assert {tid for role, tid in by_axis["x3"] if role == "observed"} == {"BE254", "BE328"}
    # the cross-border body on its own value axis: the sides share theirs, not its
    layout = series["layout"]
    assert layout["yaxis2"].get("matches") in (None, "y2") and layout["yaxis3"].get("matches") != "y"
    said = _captions(at)
    assert t("series_by_side_above", lang, name=NAMES[lang]) in said
    # every territory is drawn: no caption claiming the target's territory among those shown
    assert not any(c.startswith("4 ") for c in said), said


@pytest.fixture
def second_cross_border_body(demo_url):
    """The demo with a second cross-border body (an EGTC, country EU) with CIT01 values: a total of both
    sides that has no target."""
    from indicators.importing import import_files
    from indicators.store import open_store

    territories = ("territory_id,name_fr,country,kind\n"
                   "GECT2,GECT de démonstration,EU,custom\n").encode()
    values = "indicator_id,territory_id,period,value\n" + "".join(
        f"CIT01,GECT2,{year},{4000 + 100 * k}\n" for k, year in enumerate(range(2016, 2025)))
    engine = open_store(demo_url)
    try:
        outcome = import_files(engine, [("territories.csv", territories), ("observations.csv", values.encode())],
                               user="test")
        assert outcome.ok, outcome
    finally:
        engine.dispose()
    return demo_url


def test_other_cross_border_totals_stay_out_of_the_chart_and_in_the_table(second_cross_border_body):
    at = open_page("pages/explorer.py", {"lang": "en", "indicator": "CIT01"})
    series = _specs(at)[0]
    drawn = {(tr.get("meta") or {}).get("territory_id") for tr in series["data"]}
    assert "EMLKT" in drawn and "GECT2" not in drawn
    assert t("series_by_side_above", "en", name=NAMES["en"]) in _captions(at)
    column = t("territory_code", "en")
    (table,) = [d.value for d in at.dataframe if column in d.value.columns]
    assert "GECT2" in set(table[column].astype(str))


def test_a_chosen_side_of_a_not_comparable_indicator_says_nothing_of_a_body_above(demo_url):
    """With French and Belgian territories chosen and no cross-border body, the panels only, and the caption
    that says cross-border totals are not drawn."""
    at = open_page("pages/explorer.py", {"lang": "fr", "indicator": "CIT01",
                                         "territory": ["200093201", "BE254"]})
    series = _specs(at)[0]
    assert [a["text"] for a in series["layout"]["annotations"]] == ["<b>France</b>", "<b>Belgique</b>"]
    said = _captions(at)
    assert t("series_by_side", "fr") in said
    assert not any(NAMES["fr"] in c for c in said), said


# ------------------------------------------------------------------ F8: which territories a chart draws

def _obs(counts: dict[str, int]) -> pd.DataFrame:
    return pd.DataFrame([{"territory_id": tid, "period": str(2010 + k), "value": 10.0 + k}
                         for tid, n in counts.items() for k in range(n)])


def test_the_headline_territory_is_drawn_first_without_a_target():
    territories = pd.DataFrame({"territory_id": ["F1", "F2", "F3", "B1", "B2", "B3"],
                                "country": ["FR", "FR", "FR", "BE", "BE", "BE"]})
    obs = _obs({"F1": 9, "F2": 8, "F3": 7, "B1": 9, "B2": 8, "B3": 2})
    # B3, with few values, is the headline asked for (a filter's or a caller's): drawn whatever the others
    assert "B3" not in charts.chart_territories(obs, None, territories, limit=3)
    keep = charts.chart_territories(obs, None, territories, limit=3, first=["B3"])
    assert keep[0] == "B3" and len(keep) == 3
    # the target's territory still comes first
    targets = pd.DataFrame({"territory_id": ["F3"]})
    assert charts.chart_territories(obs, targets, territories, limit=3, first=["B3"])[:2] == ["F3", "B3"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_report_says_which_territories_a_chart_without_a_target_draws(demo_tables, lang):
    """A28's MOB01 (commuters, no target, 5 territories) said "the target's first"."""
    framework = demo_tables["framework"]
    report = R.build(framework, demo_tables["observations"], F.Filters(lang=lang, action="A28"),
                     flows=demo_tables["flows"])
    entries = [e for s in report.sections for e in s.indicators]
    targets = set(framework["targets"]["indicator_id"].astype(str))
    limited = [e for e in entries if e.chart_note]
    assert any(e.indicator_id not in targets for e in limited), [e.indicator_id for e in limited]
    for entry in limited:
        key = "report_chart_limited" if entry.indicator_id in targets else "report_chart_limited_no_target"
        total, shown = re.findall(r"\d+", entry.chart_note)[:2]
        assert entry.chart_note == t(key, lang, total=total, shown=shown), (entry.indicator_id, entry.chart_note)
        # the headline territory, whose status the chapter gives, is among the series drawn
        assert any(str(tr.name or "").startswith(entry.territory) for tr in entry.figure.data), entry.territory


# ------------------------------------------------------------------ F9, F10, F11: the other pages

@pytest.mark.parametrize("lang", LANGS)
def test_data_health_titles_wrap_rather_than_end_in_an_ellipsis(demo_url, lang):
    at = open_page("pages/health.py", {"lang": lang})
    styles = [str(h.proto.body) for h in at.get("html")]
    rule = next((s for s in styles if ".st-key-health_kpis [data-testid='stMetricLabel']" in s), None)
    assert rule and "white-space: normal" in rule and "text-overflow: clip" in rule
    labels = [m.label for m in at.metric]
    assert t("health_m_overdue", lang) in labels and t("health_m_not_comparable", lang) in labels


@pytest.mark.parametrize("lang", LANGS)
def test_the_partners_table_names_each_country_in_the_page_language(demo_url, lang):
    at = open_page("pages/partners.py", {"lang": lang})
    column = at.dataframe[0].value[t("partner_country", lang)]
    shown = set(column)
    assert countries.name("FR", lang) in shown and countries.name("BE", lang) in shown
    assert countries.name("EU", lang) in shown            # the cross-border bodies, as the other pages say it
    assert not shown & {"FR", "BE", "EU"}, shown


def test_no_value_on_a_side_is_said_of_the_country_in_every_language():
    for lang in LANGS:
        for code in ("FR", "BE", "DE", "LU"):
            said = t("no_data_side", lang, side=countries.name(code, lang))
            assert countries.name(code, lang) in said
            assert "Belgium side" not in said and "kant België" not in said
    assert t("no_data_side", "en", side="Belgium") == "No value for Belgium with these filters."
    assert t("no_data_side", "nl", side="België") == "Geen waarde voor België met deze filters."


@pytest.mark.parametrize("lang", LANGS)
def test_the_dry_run_shows_what_changes_right_after_the_codes(lang):
    from indicators.changes import readable_changes
    from pages.data import changes_shown

    framework = {"indicators": pd.DataFrame({"indicator_id": ["MOB04"], "name_fr": ["Itinéraires cyclables "
                                             "transfrontaliers aménagés"]}),
                 "territories": pd.DataFrame({"territory_id": ["EMLKT"], "name_fr": [NAMES["fr"]]})}
    changes = pd.DataFrame({"indicator_id": ["MOB04"], "territory_id": ["EMLKT"], "period": ["2025"],
                            "value_old": [104.0], "value": [52.0], "flag_old": [None], "flag": ["p"]})
    frame = readable_changes(changes, "observations", framework, lang)
    shown, config = changes_shown(frame, lang)
    change = t("change_col", lang)
    columns = list(shown.columns)
    named = [c for c in columns if c.endswith(f"({t('name_col', lang)})")]
    assert len(named) == 2 and set(columns) == set(frame.columns)
    assert columns.index(change) == len(columns) - len(named) - 1      # after the codes, before the names
    assert config[change]["width"] == "large"
    assert "104" in shown[change].iloc[0] and "52" in shown[change].iloc[0]
