"""The health of the data: completeness, freshness against periodicity, owners, comparability."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from indicators import health as H
from indicators import overview as O

from .helpers import markdown_table

TERRITORIES = pd.DataFrame({
    "territory_id": ["F1", "F2", "B1", "EU"], "name_fr": ["Lille", "Roubaix", "Kortrijk", "Eurométropole"],
    "country": ["FR", "FR", "BE", "EU"], "kind": ["commune", "commune", "commune", "custom"]})


def indicators(*rows) -> pd.DataFrame:
    columns = ["indicator_id", "action_id", "name_fr", "periodicity", "owner", "comparability"]
    return pd.DataFrame([dict(zip(columns, r)) for r in rows], columns=columns)


def obs(*rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["indicator_id", "territory_id", "period", "value", "flag"])


def test_period_end():
    assert H.period_end("2024") == 2025.0
    assert H.period_end("2024-Q2") == 2024.5
    assert H.period_end("2024-06") == 2024.5
    assert H.period_end("n.d.") is None and H.period_end(None) is None


def test_a_yearly_indicator_without_value_for_two_years_is_overdue():
    ind = indicators(("Y0", "A1", "up to date", "annual", "ADULM", "harmonised"),
                     ("Y1", "A1", "one year late", "annual", "MEL", "partial"),
                     ("Y2", "A1", "two years late", "annual", "MEL", None),
                     ("Y3", "A1", "no value", None, "", "not_comparable"),
                     ("Q2", "A1", "two quarters late", "quarterly", "MEL", "harmonised"),
                     ("M1", "A1", "one month late", "monthly", "MEL", "harmonised"),
                     ("C5", "A1", "census five years ago", "multiannual", "INSEE", "harmonised"))
    values = obs(("Y0", "F1", "2023", 1, None), ("Y0", "F1", "2025", 1, None),
                 ("Y1", "F1", "2024", 1, None),
                 ("Y2", "F1", "2023", 1, None), ("Y2", "B1", "2022", 1, None),
                 ("Q2", "F1", "2025-Q2", 1, None),
                 ("M1", "F1", "2025-11", 1, None),
                 ("C5", "F1", "2020", 1, None))
    health = H.assess_health(ind, values, territories=TERRITORIES)
    assert health.reference_period == "2025"            # the latest period of the store
    fresh = health.freshness.set_index("indicator_id")
    assert fresh.at["Y0", "state"] == "up_to_date" and fresh.at["Y0", "periods_behind"] == 0
    assert fresh.at["Y1", "state"] == "due" and fresh.at["Y1", "periods_behind"] == 1
    assert fresh.at["Y2", "state"] == "overdue" and fresh.at["Y2", "periods_behind"] == 2
    assert fresh.at["Y2", "latest_period"] == "2023"
    assert fresh.at["Y3", "state"] == "no_data" and pd.isna(fresh.at["Y3", "periods_behind"])
    assert fresh.at["Y3", "periodicity"] == "annual" and not fresh.at["Y3", "periodicity_given"]
    assert fresh.at["Q2", "state"] == "overdue" and fresh.at["Q2", "periods_behind"] == 2   # Q3, Q4 missing
    assert fresh.at["M1", "state"] == "due"                                                 # December missing
    assert fresh.at["C5", "state"] == "due"               # 5 years behind = one 3-year cycle
    # worst first: overdue, then no data, then due, then up to date
    assert list(health.freshness["state"]) == sorted(health.freshness["state"], key=H.FRESHNESS.index)
    # whom to ask: MEL has two indicators overdue, the one without owner is last
    ask = health.to_ask()
    assert list(ask["owner"]) == ["MEL", ""]
    assert ask.iloc[0]["indicator_ids"] == ["Q2", "Y2"]     # as late as each other: by code
    assert ask.iloc[1]["indicator_ids"] == ["Y3"]


def test_completeness_by_year_counts_the_territories_an_indicator_covers():
    ind = indicators(("I1", "A1", "x", "annual", "MEL", "harmonised"),
                     ("I2", "A1", "started late", "annual", "MEL", "harmonised"))
    values = obs(("I1", "F1", "2022", 1, None), ("I1", "F2", "2022", 2, None), ("I1", "B1", "2022", 3, None),
                 ("I1", "F1", "2023", 1, "p"), ("I1", "B1", "2023", None, None),      # an empty value is missing
                 ("I2", "F1", "2023", 5, None))
    health = H.assess_health(ind, values, territories=TERRITORIES)
    assert health.years == [2022, 2023]
    matrix = health.year_matrix()
    assert matrix.at["I1", 2022] == 1.0
    assert matrix.at["I1", 2023] == pytest.approx(1 / 3)
    assert math.isnan(matrix.at["I2", 2022])            # did not exist yet: nothing expected
    assert matrix.at["I2", 2023] == 1.0
    cells = health.territory_matrix()
    assert health.territory_year == 2023
    assert cells.at["I1", "F1"] == "flagged" and cells.at["I1", "F2"] == "missing"
    assert cells.at["I1", "B1"] == "missing" and cells.at["I2", "F1"] == "value"
    assert pd.isna(cells.at["I2", "B1"])                # I2 does not cover Kortrijk
    s = health.summary()
    assert (s["latest_values"], s["latest_expected"]) == (2, 4)
    assert s["territory_missing"] == 2 and s["territory_flagged"] == 1
    earlier = H.assess_health(ind, values, territories=TERRITORIES, year=2022).territory_matrix()
    assert earlier.at["I1", "F2"] == "value"


def test_comparability_and_caution():
    ind = indicators(("H", "A1", "x", "annual", "", "harmonised"), ("P", "A1", "x", "annual", "", "partial"),
                     ("N", "A1", "x", "annual", "", "not_comparable"), ("U", "A1", "x", "annual", "", None),
                     ("F", "A1", "french only", "annual", "", "not_comparable"))
    values = obs(*[(i, t, "2024", 1, None) for i in "HPNU" for t in ("F1", "B1")], ("F", "F1", "2024", 1, None),
                 ("H", "EU", "2024", 1, None))
    comp = H.assess_health(ind, values, territories=TERRITORIES).comparability.set_index("indicator_id")
    assert comp.at["H", "sides"] == ["FR", "BE", "EU"] and not comp.at["H", "caution"]
    assert comp.at["P", "caution"] and comp.at["N", "caution"]
    assert comp.at["U", "comparability"] == "unknown" and comp.at["U", "caution"]
    assert comp.at["F", "sides"] == ["FR"] and not comp.at["F", "caution"]   # nothing to compare
    assert H.comparability_label("unknown", "fr") == "? non renseigné"
    assert H.comparability_label("not_comparable", "nl") == "≠ niet vergelijkbaar"


def test_flows_count_by_pair():
    ind = indicators(("FL", "A1", "flows", "annual", "ADULM", "partial"))
    flows = pd.DataFrame({"indicator_id": ["FL"] * 3, "origin_id": ["F1", "F1", "F1"],
                          "destination_id": ["B1", "B1", "EU"], "period": ["2023", "2024", "2023"],
                          "value": [10.0, 12.0, 3.0]})
    health = H.assess_health(ind, obs(), flows, TERRITORIES)
    assert health.flow_indicators == {"FL"}
    assert health.year_matrix().at["FL", 2024] == 0.5
    assert health.freshness.iloc[0]["state"] == "up_to_date"
    assert health.comparability.iloc[0]["sides"] == ["FR", "BE", "EU"]


def test_demo_freshness_agrees_with_the_overview(demo_tables):
    fw, observations, flows = demo_tables["framework"], demo_tables["observations"], demo_tables["flows"]
    health = H.assess_health(fw["indicators"], observations, flows, fw["territories"])
    stale = O.staleness(observations, fw["indicators"]).set_index("indicator_id")["stale"]
    fresh = health.freshness.set_index("indicator_id")
    with_obs = set(observations["indicator_id"])
    for iid in with_obs:   # annual indicators with observations: the Overview's stale list
        assert bool(stale[iid]) == (fresh.at[iid, "state"] in ("overdue", "no_data")), iid
    s = health.summary()
    assert s["indicators"] == len(fw["indicators"]) and s["n_overdue"] > 0
    assert s["n_harmonised"] + s["n_partial"] + s["n_not_comparable"] + s["n_unknown"] == s["indicators"]
    ask = health.to_ask()
    overdue = set(fresh.index[fresh["state"].isin(["overdue", "no_data"])])
    assert {i for ids in ask["indicator_ids"] for i in ids} == overdue
    assert all(o for o in ask["owner"])   # every demo indicator names its owner


def test_heatmaps_are_readable(demo_tables):
    fw, observations, flows = demo_tables["framework"], demo_tables["observations"], demo_tables["flows"]
    some = fw["indicators"][fw["indicators"]["action_id"].isin(["A01", "A02"])]
    health = H.assess_health(some, observations, None, fw["territories"])
    years = H.year_heatmap(health, "fr")
    trace = years.data[0]
    assert len(trace.y) == len(some) and trace.x[-1] == health.reference_period
    # a whole share in each cell, the % said in the caption: "100 %" was wider than a year's cell
    shares = [int(cell) for row in trace.text for cell in row if cell]
    assert shares and all(0 <= v <= 100 for v in shares) and 100 in shares
    assert {m for row in H.territory_heatmap(health, fw["territories"], "en").data[0].text for m in row} \
        >= {"⚑"}                                          # the latest year's values are provisional
    health = H.assess_health(some, observations, None, fw["territories"], year=2023)
    cells = H.territory_heatmap(health, fw["territories"], "en")
    marks = {m for row in cells.data[0].text for m in row}
    assert marks <= {"", "✓", "⚑", "✗"} and "✓" in marks
    assert all(" · " in x for x in cells.data[0].x)     # "FR · Halluin": side and name
    assert cells.data[0].x[0].startswith("FR")           # French side first


def test_a_wide_territory_matrix_keeps_the_territories_with_most_gaps(demo_tables):
    fw, observations, flows = demo_tables["framework"], demo_tables["observations"], demo_tables["flows"]
    health = H.assess_health(fw["indicators"], observations, None, fw["territories"])
    matrix = health.territory_matrix()
    gaps = (matrix == "missing").sum(axis=0)
    assert matrix.shape[1] > 10 and gaps.nunique() > 1
    fig = H.territory_heatmap(health, fw["territories"], "en", max_territories=10)
    assert fig.layout.meta == {"shown": 10, "total": matrix.shape[1]} and len(fig.data[0].x) == 10
    missing = H.CELL_STATES.index("missing")
    shown = sorted(sum(row[j] == missing for row in fig.data[0].z) for j in range(10))
    assert shown == sorted(gaps.sort_values(ascending=False).iloc[:10])   # the ten with most gaps
    full = H.territory_heatmap(health, fw["territories"], "en", max_territories=matrix.shape[1])
    assert full.layout.meta["shown"] == full.layout.meta["total"] == matrix.shape[1]
    # by default no more columns than can be read at 1280 px (the demo's 70 were 2 px slivers)
    assert H.territory_heatmap(health, fw["territories"], "en").layout.meta["shown"] == H.MAX_TERRITORIES < 70


# ------------------------------------------------------------------ the page, headless (AppTest)

def open_health(query: dict):
    from streamlit.testing.v1 import AppTest

    from .conftest import ROOT, switch_page

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.context = {"locale": "fr-FR", "timezone": "Europe/Paris"}
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    switch_page(at, "pages/health.py").run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def test_health_page_in_dutch_for_a_theme(demo_url):
    at = open_health({"lang": "nl", "theme": "mobility"})
    assert at.title[0].value == "Gezondheid van de gegevens"
    assert "Rapport voor het stuurcomité" in [s.value for s in at.subheader]
    assert any("Thema: Mobiliteit" in c.value for c in at.caption)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Achterstallig of leeg"] == "5"           # MOB01, MOB02, MOB10, MOB11, MOB17
    assert metrics["Niet vergelijkbaar"] == "0"
    # whom to ask opens first: a short Markdown table; the other tabs run only when opened
    assert not at.dataframe and not at.get("plotly_chart")
    ask = markdown_table(at, "Op te vragen indicatoren")
    from .conftest import ROOT

    partners = pd.read_csv(ROOT / "data" / "demo" / "partners.csv").set_index("partner_id")["name_nl"]
    assert list(ask["Contactpersoon"]) == [partners["ADULM"], partners["MEL"]]    # names, not codes
    assert ask.iloc[0]["Op te vragen indicatoren"] == "MOB01, MOB02, MOB10, MOB11"
    assert any("tabblad 'Actualiteit'" in c.value for c in at.caption)           # where the rest is
    from indicators.i18n import t

    at.session_state["health_tab"] = t("health_tab_freshness", "nl")             # every indicator's freshness
    at.run()
    assert not at.exception, at.exception
    frames = [d.value for d in at.dataframe]
    assert len(frames) == 1
    fresh = frames[0]
    fresh = fresh.data if hasattr(fresh, "data") else fresh
    assert fresh.iloc[0]["Indicator"].startswith("MOB17") and "achterstallig" in fresh.iloc[0]["Toestand"]
    labels = [b.proto.label for b in at.get("download_button")]
    assert {"Downloaden (CSV voor Excel)", "Downloaden (XLSX)"} <= set(labels), labels   # import format
    for tab, key in (("health_by_year", "health_years"), ("health_tab_territory", "health_territories")):
        at.session_state["health_tab"] = t(tab, "nl")
        at.run()
        assert not at.exception, at.exception
        charts = at.get("plotly_chart")
        assert len(charts) == 1 and key in charts[0].proto.id    # one completeness matrix per tab
    at.session_state["health_tab"] = t("comparability", "nl")
    at.run()
    assert any(code.startswith("MOB01") for code in at.dataframe[-1].value["Indicator"])


def test_health_page_of_one_action_in_french(demo_url):
    at = open_health({"lang": "fr", "action": "A13"})
    assert at.title[0].value == "Santé des données"
    assert any("Action stratégique : A13" in c.value.replace("\u202f", " ") for c in at.caption)
    assert any("rien à réclamer" in s.value for s in at.success)   # A13: every value on time
    at.session_state["health_tab"] = "Comparabilité transfrontalière"
    at.run()
    comparability = at.dataframe[-1].value
    assert set(comparability["Indicateur"].str.slice(0, 5)) == {"CLI01", "CLI02", "CLI03"}



def test_freshness_icons_are_not_progress_status_icons():
    """A late indicator's mark ("⚠ en retard") never borrows a progress status's icon: "✖" beside an
    indicator "▲ en bonne voie" read as a contradiction."""
    from indicators.health import FRESHNESS_ICONS
    from indicators.style import STATUS_ICONS

    assert set(FRESHNESS_ICONS) == {"up_to_date", "due", "overdue", "no_data"}
    assert not set(FRESHNESS_ICONS.values()) & set(STATUS_ICONS.values())
    assert len(set(FRESHNESS_ICONS.values())) == len(FRESHNESS_ICONS)
