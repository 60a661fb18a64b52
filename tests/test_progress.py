"""Unit tests of the progress engine (indicators/progress/), against DESIGN.md "Progress method"."""
from __future__ import annotations

import dataclasses
import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from indicators import progress as P
from indicators.progress import (
    EUROSTAT_LABELS,
    STATUSES,
    Assessment,
    assess,
    assess_all,
    cagr,
    progress_json,
    rollup_actions,
    rollup_groups,
    score_from_growth,
    score_from_ratio,
    status_from_growth,
    status_from_ratio,
    status_from_score,
)

ROOT = Path(__file__).resolve().parents[1]


def target(bp, bv, tp, tv, mp=None, mv=None):
    return {"baseline_period": bp, "baseline_value": bv, "target_period": tp, "target_value": tv,
            "milestone_period": mp, "milestone_value": mv}


# --------------------------------------------------------------------------- constants

def test_statuses_are_the_design_words_in_order():
    assert STATUSES == ("achieved", "on_track", "acceleration_needed", "limited_progress",
                        "deterioration", "not_assessed")


def test_eurostat_labels():
    assert EUROSTAT_LABELS == {
        "on_track": "significant progress",
        "acceleration_needed": "moderate progress",
        "limited_progress": "moderate movement away",
        "deterioration": "significant movement away",
    }


def test_engine_does_not_import_streamlit():
    code = "import sys, indicators.progress; assert 'streamlit' not in sys.modules; print('ok')"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr
    for module in (ROOT / "indicators" / "progress").glob("*.py"):
        assert "import streamlit" not in module.read_text(encoding="utf-8"), module.name


# --------------------------------------------------------------------------- thresholds

@pytest.mark.parametrize("method", ["opensdg", "eurostat"])
@pytest.mark.parametrize("ratio, status", [
    (2.0, "on_track"), (0.95, "on_track"), (0.9499, "acceleration_needed"),
    (0.60, "acceleration_needed"), (0.5999, "limited_progress"), (0.0, "limited_progress"),
    (-0.0001, "deterioration"), (-3.0, "deterioration"), (None, "not_assessed"),
    (math.nan, "not_assessed"),
])
def test_status_from_ratio_edges(ratio, status, method):
    assert status_from_ratio(ratio, method) == status


@pytest.mark.parametrize("growth, opensdg, eurostat", [
    (0.05, "on_track", "on_track"),
    (0.015, "on_track", "on_track"),
    (0.0149, "acceleration_needed", "on_track"),
    (0.01, "acceleration_needed", "on_track"),
    (0.0099, "acceleration_needed", "acceleration_needed"),
    (0.005, "acceleration_needed", "acceleration_needed"),
    (0.0049, "limited_progress", "acceleration_needed"),
    (0.0, "limited_progress", "acceleration_needed"),
    (-0.0001, "deterioration", "limited_progress"),
    (-0.01, "deterioration", "limited_progress"),
    (-0.0101, "deterioration", "deterioration"),
    (None, "not_assessed", "not_assessed"),
])
def test_status_from_growth_edges(growth, opensdg, eurostat):
    assert status_from_growth(growth) == opensdg
    assert status_from_growth(growth, "opensdg") == opensdg
    assert status_from_growth(growth, "eurostat") == eurostat


def test_unknown_method_is_refused():
    with pytest.raises(ValueError):
        status_from_growth(0.1, "oecd")
    with pytest.raises(ValueError):
        assess(["2015", "2016"], [1, 2], "increase", method="oecd")
    with pytest.raises(ValueError):
        assess_all(pd.DataFrame({"indicator_id": ["I"], "territory_id": ["T"], "period": ["2015"],
                                 "value": [1.0]}), pd.DataFrame(columns=["indicator_id", "action_id",
                                                                         "direction"]), None, "oecd")


@pytest.mark.parametrize("score, status", [
    (5, "on_track"), (2.5, "on_track"), (2.4999, "acceleration_needed"), (0, "acceleration_needed"),
    (-0.0001, "limited_progress"), (-2.5, "limited_progress"), (-2.5001, "deterioration"),
    (-5, "deterioration"), (None, "not_assessed"),
])
def test_status_from_score_edges(score, status):
    assert status_from_score(score) == status


@pytest.mark.parametrize("ratio, score", [
    (-5.0, -5.0), (-0.60, -5.0), (-0.30, -3.75), (0.0, -2.5), (0.30, -1.25), (0.60, 0.0),
    (0.775, 1.25), (0.95, 2.5), (1.125, 3.75), (1.30, 5.0), (9.0, 5.0), (math.inf, 5.0),
])
def test_score_from_ratio_breakpoints(ratio, score):
    assert score_from_ratio(ratio) == pytest.approx(score)


@pytest.mark.parametrize("growth, score", [
    (-1.0, -5.0), (-0.02, -5.0), (-0.01, -3.75), (0.0, -2.5), (0.0025, -1.25), (0.005, 0.0),
    (0.01, 1.25), (0.015, 2.5), (0.0175, 3.75), (0.02, 5.0), (4.0, 5.0),
])
def test_score_from_growth_breakpoints(growth, score):
    assert score_from_growth(growth) == pytest.approx(score)


def test_scores_of_nothing_are_none():
    assert score_from_ratio(None) is None and score_from_growth(None) is None
    assert score_from_growth(math.nan) is None


def test_cagr_formula():
    assert cagr(121, 100, 2022, 2020) == pytest.approx(0.1)
    assert cagr(50, 100, 2021, 2020) == pytest.approx(-0.5)
    assert math.isnan(cagr(1, 1, 2020, 2020))
    assert math.isnan(cagr(-1, 1, 2021, 2020))
    assert math.isnan(cagr(1, 0, 2021, 2020))


# --------------------------------------------------------------------------- thresholds through assess

@pytest.mark.parametrize("latest, method, status", [
    (101.5, "opensdg", "on_track"),            # g = 1.5 % exactly
    (101.49, "opensdg", "acceleration_needed"),
    (100.5, "opensdg", "acceleration_needed"),  # g = 0.5 %: 100.5/100 − 1 is 0.0049999… in binary
    (100.49, "opensdg", "limited_progress"),
    (100.0, "opensdg", "limited_progress"),     # g = 0
    (99.99, "opensdg", "deterioration"),
    (101.0, "eurostat", "on_track"),            # g = 1 %
    (100.99, "eurostat", "acceleration_needed"),
    (100.0, "eurostat", "acceleration_needed"),  # g = 0
    (99.99, "eurostat", "limited_progress"),
    (99.0, "eurostat", "limited_progress"),     # g = −1 %
    (98.99, "eurostat", "deterioration"),
])
def test_growth_thresholds_through_assess(latest, method, status):
    result = assess(["2020", "2021"], [100.0, latest], "increase", method=method)
    assert result.status == status
    assert result.reason is None
    assert result.growth == pytest.approx(latest / 100 - 1)


@pytest.mark.parametrize("latest, status, score", [
    (195.0, "on_track", 2.5),               # R = 0.95 exactly
    (194.9, "acceleration_needed", None),
    (160.0, "acceleration_needed", 0.0),    # R = 0.60
    (159.9, "limited_progress", None),
    (100.0, "limited_progress", -2.5),      # R = 0
    (99.9, "deterioration", None),
])
def test_ratio_thresholds_through_assess(latest, status, score):
    # Required growth 100 → 200 in one year is +100 %, so R = latest/100 − 1.
    result = assess(["2020", "2021"], [100.0, latest], "increase", target("2020", 100, "2021", 200))
    assert result.status == status
    assert result.ratio == pytest.approx(latest / 100 - 1)
    assert result.required_cagr == pytest.approx(1.0)
    if score is not None:
        assert result.score == pytest.approx(score, abs=1e-9)


# --------------------------------------------------------------------------- the method

def test_increase_with_target_all_fields():
    r = assess(["2015", "2017", "2020"], [100, 108, 120], "increase",
               target("2015", 100, "2030", 200, "2025", 150))
    assert isinstance(r, Assessment)
    assert r.status == "acceleration_needed"
    assert r.cagr == pytest.approx(1.2 ** 0.2 - 1)
    assert r.required_cagr == pytest.approx(2 ** (1 / 15) - 1)
    assert r.ratio == pytest.approx((1.2 ** 0.2 - 1) / (2 ** (1 / 15) - 1))
    assert r.score == pytest.approx((r.ratio - 0.6) / 0.35 * 2.5)
    assert (r.base_period, r.base_value, r.latest_period, r.latest_value) == ("2015", 100, "2020", 120)
    assert (r.target_period, r.target_value) == ("2030", 200)
    assert r.projected_value == pytest.approx(160)
    assert r.trend_slope == pytest.approx(4) and r.trend_at_base == pytest.approx(100)
    assert r.expected_value == pytest.approx(100 * 2 ** (5 / 15))
    assert r.milestone_status == "acceleration_needed"
    assert r.reason is None and r.method == "opensdg"


def test_assessment_is_frozen():
    r = assess(["2015", "2016"], [1, 2], "increase")
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.status = "achieved"


def test_decrease_direction_reverses_growth():
    up = assess(["2015", "2020"], [100, 120], "increase")
    down = assess(["2015", "2020"], [100, 120], "decrease")
    assert up.status == "on_track" and down.status == "deterioration"
    assert down.growth == pytest.approx(-up.growth)
    assert down.cagr == pytest.approx(up.cagr)


def test_decrease_with_target():
    r = assess(["2018", "2020", "2023"], [60, 59, 56], "decrease", target("2018", 60, "2030", 45))
    assert r.status == "limited_progress"
    assert r.ratio == pytest.approx(-1 * ((56 / 60) ** 0.2 - 1) / abs((45 / 60) ** (1 / 12) - 1))


def test_achieved_when_at_target_and_past_it():
    t = target("2018", 20, "2030", 30)
    for last in (30, 31, 100):
        r = assess(["2018", "2022"], [20, last], "increase", t)
        assert r.status == "achieved" and r.score == 5 and r.reason is None
    assert assess(["2018", "2022"], [20, 29.99], "increase", t).status != "achieved"
    td = target("2018", 60, "2030", 45)
    assert assess(["2018", "2022"], [60, 45], "decrease", td).status == "achieved"
    assert assess(["2018", "2022"], [60, 45.01], "decrease", td).status != "achieved"


def test_achieved_takes_precedence_even_with_one_value():
    r = assess(["2023"], [35], "increase", target("2018", 20, "2030", 30))
    assert r.status == "achieved" and r.score == 5


# --------------------------------------------------------------------------- edge cases

@pytest.mark.parametrize("periods, values", [([], []), (["2015", "2016"], [None, math.nan])])
def test_no_data(periods, values):
    r = assess(periods, values, "increase", target("2015", 1, "2030", 2, "2025", 1.5))
    assert (r.status, r.reason, r.score) == ("not_assessed", "no_data", None)
    assert r.latest_value is None and r.milestone_status == "not_assessed"


def test_one_point_is_too_few_years():
    r = assess(["2020"], [5.0], "increase")
    assert (r.status, r.reason, r.score, r.cagr) == ("not_assessed", "too_few_years", None, None)
    assert (r.latest_period, r.latest_value) == ("2020", 5.0)


def test_one_point_at_the_baseline_year_is_too_few_years():
    r = assess(["2020"], [5.0], "increase", target("2020", 4, "2030", 10))
    assert (r.status, r.reason) == ("not_assessed", "too_few_years")


def test_gaps_use_first_and_last_year():
    r = assess(["2015", "2018", "2023"], [100, None, 200], "increase")
    assert r.cagr == pytest.approx(2 ** (1 / 8) - 1)
    assert (r.base_period, r.latest_period) == ("2015", "2023")


def test_all_values_equal():
    r = assess(["2015", "2016", "2017"], [7, 7, 7], "increase")
    assert (r.status, r.growth, r.score) == ("limited_progress", 0.0, -2.5)
    r = assess(["2015", "2016", "2017"], [7, 7, 7], "decrease", target("2015", 7, "2030", 5))
    assert r.status == "limited_progress" and r.ratio == pytest.approx(0.0) and r.score == pytest.approx(-2.5)


def test_negative_values_follow_the_open_sdg_sign():
    rising = assess(["2015", "2020"], [-200, -150], "increase")
    assert rising.status == "on_track" and rising.growth > 0 and rising.cagr < 0
    falling = assess(["2015", "2020"], [-150, -200], "increase")
    assert falling.status == "deterioration"
    assert assess(["2015", "2020"], [-150, -200], "decrease").status == "on_track"
    with_target = assess(["2015", "2020"], [-200, -150], "increase", target("2015", -200, "2030", -50))
    assert with_target.ratio > 0 and with_target.status in ("on_track", "acceleration_needed")


def test_opposite_signs_are_not_assessed():
    r = assess(["2015", "2022"], [-120, 35], "increase")
    assert (r.status, r.reason) == ("not_assessed", "opposite_signs")


def test_latest_value_zero_is_assessed():
    r = assess(["2015", "2020"], [10, 0], "decrease")
    assert r.status == "on_track" and r.cagr == pytest.approx(-1.0)


def test_zero_base_is_replaced():
    r = assess(["2019", "2023"], [0, 12], "increase")
    assert r.status == "on_track" and r.base_value == 0
    assert r.cagr == pytest.approx((12 / 0.001) ** 0.25 - 1)


def test_zero_target_is_replaced_and_achieved_at_zero():
    r = assess(["2015", "2020"], [10, 5], "decrease", target("2015", 10, "2030", 0))
    assert r.required_cagr == pytest.approx((0.001 / 10) ** (1 / 15) - 1)
    assert r.status in STATUSES[1:5] and r.ratio > 0
    assert assess(["2015", "2020"], [10, 0], "decrease", target("2015", 10, "2030", 0)).status == "achieved"


def test_base_equal_to_target():
    t = target("2015", 50, "2030", 50)
    worse = assess(["2015", "2020"], [50, 45], "increase", t)
    assert (worse.status, worse.score, worse.ratio) == ("deterioration", -5.0, None)
    assert worse.required_cagr == 0
    assert assess(["2015", "2020"], [50, 50], "increase", t).status == "achieved"
    assert assess(["2015", "2020"], [50, 55], "increase", t).status == "achieved"


def test_latest_before_base():
    r = assess(["2016", "2018"], [10, 11], "increase", target("2020", 12, "2030", 20))
    assert (r.status, r.reason, r.base_period, r.latest_period) == (
        "not_assessed", "latest_before_base", "2020", "2018")


def test_target_wrong_side():
    r = assess(["2018", "2022"], [100, 85], "increase", target("2018", 100, "2030", 90))
    assert (r.status, r.reason, r.ratio, r.score) == ("not_assessed", "target_wrong_side", None, None)
    r = assess(["2018", "2022"], [100, 120], "decrease", target("2018", 100, "2030", 110))
    assert (r.status, r.reason) == ("not_assessed", "target_wrong_side")


def test_target_before_base_and_of_opposite_sign():
    r = assess(["2018", "2022"], [100, 105], "increase", target("2018", 100, "2017", 120))
    assert (r.status, r.reason) == ("not_assessed", "target_before_base")
    r = assess(["2018", "2022"], [-100, -90], "increase", target("2018", -100, "2030", 50))
    assert (r.status, r.reason) == ("not_assessed", "target_opposite_sign")


def test_duplicate_periods_are_averaged():
    r = assess(["2015", "2015", "2016"], [100, 110, 115.5], "increase")
    assert r.base_value == pytest.approx(105)
    assert r.cagr == pytest.approx(0.1)


def test_quarterly_and_monthly_series_use_annual_averages():
    q = assess(["2015-Q1", "2015-Q2", "2015-Q3", "2015-Q4", "2016-Q1", "2016-Q2"],
               [90, 100, 110, 100, 110, 110], "increase")
    assert (q.base_period, q.base_value, q.latest_period, q.latest_value) == ("2015", 100, "2016", 110)
    m = assess(["2020-01", "2020-02", "2021-01"], [1, 3, 4], "increase")
    assert (m.base_value, m.latest_value) == (2, 4) and m.cagr == pytest.approx(1.0)
    # Duplicates inside a period are averaged before the periods of the year.
    d = assess(["2020-Q1", "2020-Q1", "2020-Q2", "2021-Q1"], [0, 4, 8, 10], "increase")
    assert d.base_value == pytest.approx(5)


def test_unordered_input_and_integer_periods():
    a = assess(["2020", "2015", "2018"], [120, 100, 110], "increase")
    b = assess([2015, 2018, 2020], [100, 110, 120], "increase")
    assert a == b and a.base_period == "2015"


def test_no_direction():
    r = assess(["2015", "2020"], [1, 2], "sideways")
    assert (r.status, r.reason, r.score) == ("not_assessed", "no_direction", None)
    assert assess(["2015", "2020"], [1, 2], " Increase ").status == "on_track"


def test_target_as_a_pandas_row_with_missing_milestone():
    row = pd.Series({"indicator_id": "I", "territory_id": "T", "baseline_period": "2015",
                     "baseline_value": 100.0, "target_period": "2030", "target_value": 200.0,
                     "milestone_period": None, "milestone_value": np.nan})
    r = assess(["2015", "2020"], [100, 120], "increase", row)
    assert r.milestone_status is None and r.ratio is not None


def test_target_without_value_uses_the_baseline_but_no_target():
    r = assess(["2014", "2015", "2020"], [90, 100, 120], "increase",
               {"baseline_period": "2015", "baseline_value": 100, "target_period": "2030",
                "target_value": None})
    assert r.ratio is None and r.target_value is None and r.projected_value is None
    assert r.base_period == "2015" and r.cagr == pytest.approx(1.2 ** 0.2 - 1)


def test_baseline_value_differs_from_observation():
    r = assess(["2015", "2020"], [100, 120], "increase", target("2015", 80, "2030", 200))
    assert r.base_value == 80 and r.cagr == pytest.approx(1.5 ** 0.2 - 1)


def test_projection_and_expected_value():
    r = assess(["2015", "2016", "2017"], [10, 12, 14], "increase", target("2015", 10, "2025", 40))
    assert r.projected_value == pytest.approx(30)
    assert r.expected_value == pytest.approx(10 * 4 ** (2 / 10))
    no_target = assess(["2015", "2016", "2017"], [10, 12, 14], "increase")
    assert no_target.projected_value is None and no_target.expected_value is None
    assert no_target.trend_slope == pytest.approx(2)
    single = assess(["2015"], [10], "increase", target("2015", 10, "2025", 40))
    assert single.projected_value is None


def test_projection_uses_only_the_base_point_and_later_years():
    # The value of 2014 comes before the baseline (2015) and is left out of the line.
    r = assess(["2014", "2016", "2017"], [1000, 12, 14], "increase", target("2015", 10, "2025", 40))
    assert r.projected_value == pytest.approx(10 + 2 * 10)


def test_milestone_status_is_a_second_assessment():
    r = assess(["2015", "2020"], [100, 120], "increase", target("2015", 100, "2030", 300, "2020", 110))
    assert r.milestone_status == "achieved" and r.status != "achieved"
    r = assess(["2015", "2020"], [100, 120], "increase", target("2015", 100, "2030", 130, "2025", 300))
    assert r.status == "on_track" and r.milestone_status in ("limited_progress", "acceleration_needed")


# --------------------------------------------------------------------------- assess_all

INDICATORS = pd.DataFrame({
    "indicator_id": ["UP", "DOWN", "Q"],
    "action_id": ["A1", "A1", "A2"],
    "direction": ["increase", "decrease", "increase"],
    "name_fr": ["x", "y", "z"],
})


def _obs(rows):
    return pd.DataFrame(rows, columns=["indicator_id", "territory_id", "period", "value"])


def _compare(frame: pd.DataFrame, observations: pd.DataFrame, indicators: pd.DataFrame,
             targets: pd.DataFrame | None, method="opensdg"):
    """Every row of assess_all equals assess on the same series."""
    directions = dict(zip(indicators["indicator_id"].astype(str), indicators["direction"]))
    rows = {}
    if targets is not None and len(targets):
        for row in targets.to_dict("records"):
            rows.setdefault((str(row["indicator_id"]), str(row["territory_id"])), row)
    assert len(frame) == len(observations.groupby(["indicator_id", "territory_id"]))
    for rec in frame.to_dict("records"):
        part = observations[(observations["indicator_id"].astype(str) == rec["indicator_id"])
                            & (observations["territory_id"].astype(str) == rec["territory_id"])]
        ref = assess(list(part["period"]), list(part["value"]), directions.get(rec["indicator_id"], "?"),
                     rows.get((rec["indicator_id"], rec["territory_id"])), method)
        for field in dataclasses.fields(Assessment):
            if field.name == "method":
                continue
            want, got = getattr(ref, field.name), rec[field.name]
            if isinstance(want, float) or isinstance(got, float):
                if want is None:
                    assert got is None or math.isnan(got), (field.name, rec)
                else:
                    assert got == pytest.approx(want, rel=1e-9, abs=1e-9), (field.name, rec, ref)
            else:
                assert got == want, (field.name, got, want, rec)


def test_assess_all_matches_assess_on_mixed_cases():
    obs = _obs([
        ("UP", "T1", "2015", 100), ("UP", "T1", "2020", 120),
        ("UP", "T2", "2015", 100), ("UP", "T2", "2015", 110), ("UP", "T2", "2017", 90),
        ("UP", "T3", "2018", 5),
        ("UP", "T4", "2016", None), ("UP", "T4", "2017", np.nan),
        ("DOWN", "T1", "2015", -5), ("DOWN", "T1", "2019", 3),
        ("DOWN", "T2", "2015", 0), ("DOWN", "T2", "2019", 0),
        ("DOWN", "T3", "2016", 10), ("DOWN", "T3", "2018", 11),
        ("Q", "T1", "2015-Q1", 10), ("Q", "T1", "2015-Q3", 14), ("Q", "T1", "2016-Q2", 13),
        ("Q", "T1", "2016-Q2", 15), ("Q", "T2", "2019-05", 2), ("Q", "T2", "2021", 3),
        ("NOPE", "T1", "2015", 1), ("NOPE", "T1", "2016", 2),
    ])
    targets = pd.DataFrame([
        target("2015", 100, "2030", 150, "2025", 130) | {"indicator_id": "UP", "territory_id": "T1"},
        target("2015", 100, "2030", 80) | {"indicator_id": "UP", "territory_id": "T2"},
        target("2020", 12, "2030", 5) | {"indicator_id": "DOWN", "territory_id": "T3"},
        target("2015", 0, "2030", 0) | {"indicator_id": "DOWN", "territory_id": "T2"},
        target("2015", 999, "2030", 1) | {"indicator_id": "UP", "territory_id": "T1"},  # second row ignored
        target("2015", 1, "2030", 2) | {"indicator_id": "GHOST", "territory_id": "T1"},
    ])
    for method in ("opensdg", "eurostat"):
        frame = assess_all(obs, INDICATORS, targets, method)
        _compare(frame, obs, INDICATORS, targets, method)
    assert set(frame.columns) >= {"indicator_id", "territory_id", "headline", "status", "score", "ratio",
                                  "cagr", "base_period", "latest_period", "latest_value", "target_value",
                                  "projected_value", "reason", "action_id", "expected_value",
                                  "milestone_status"}
    by_key = frame.set_index(["indicator_id", "territory_id"])
    assert by_key.loc[("UP", "T4"), "reason"] == "no_data"
    assert by_key.loc[("NOPE", "T1"), "reason"] == "no_direction"
    assert pd.isna(by_key.loc[("NOPE", "T1"), "action_id"])
    assert by_key.loc[("UP", "T1"), "action_id"] == "A1"
    assert by_key.loc[("DOWN", "T3"), "reason"] == "latest_before_base"


def test_assess_all_random_store_matches_assess():
    rng = np.random.default_rng(7)
    rows, targets = [], []
    for i in range(30):
        for t in range(5):
            for _ in range(int(rng.integers(0, 7))):
                year = 2010 + int(rng.integers(0, 12))
                period = str(year) if rng.random() < 0.7 else f"{year}-Q{int(rng.integers(1, 5))}"
                value = float(rng.choice([0.0, -5.0, 10.0, 100.0, rng.normal(100, 40)]))
                rows.append((f"I{i}", f"T{t}", period, value if rng.random() > 0.1 else np.nan))
            if rng.random() < 0.5:
                targets.append(target(str(2010 + int(rng.integers(0, 8))), float(rng.choice([0, 50, 100, -3])),
                                      str(2010 + int(rng.integers(0, 25))), float(rng.choice([0, 80, 150, -1])),
                                      "2025" if rng.random() < 0.5 else None, 120.0)
                               | {"indicator_id": f"I{i}", "territory_id": f"T{t}"})
    obs = _obs(rows)
    ind = pd.DataFrame({"indicator_id": [f"I{i}" for i in range(30)], "action_id": "A",
                        "direction": ["increase" if i % 3 else "decrease" for i in range(30)]})
    tg = pd.DataFrame(targets)
    frame = assess_all(obs, ind, tg)
    _compare(frame, obs, ind, tg)
    assert frame["status"].nunique() >= 4 and frame["reason"].nunique() >= 4


def test_assess_all_is_independent_of_row_order_and_dtypes():
    obs = _obs([("UP", "T1", "2015", 100), ("UP", "T1", "2020", 120), ("UP", "T2", "2016", 3),
                ("UP", "T2", "2019", 2), ("DOWN", "T1", "2015", 9), ("DOWN", "T1", "2017", 8)])
    a = assess_all(obs, INDICATORS, None)
    shuffled = obs.sample(frac=1.0, random_state=3).reset_index(drop=True)
    b = assess_all(shuffled, INDICATORS, pd.DataFrame())
    categorical = obs.astype({"indicator_id": "category", "territory_id": "category", "period": "category"})
    c = assess_all(categorical, INDICATORS, None)
    key = ["indicator_id", "territory_id"]
    for other in (b, c):
        pd.testing.assert_frame_equal(a.sort_values(key).reset_index(drop=True),
                                      other.sort_values(key).reset_index(drop=True))


def test_assess_all_of_nothing():
    empty = assess_all(_obs([]), INDICATORS, None)
    assert len(empty) == 0 and "status" in empty.columns
    assert rollup_actions(empty, INDICATORS)["status"].tolist() == ["not_assessed", "not_assessed"]


def test_headline_is_the_target_territory():
    obs = _obs([("UP", t, y, v) for t in ("T1", "T2", "T3") for y, v in (("2015", 1), ("2016", 2))]
               + [("UP", "T3", "2017", 3)])
    tg = pd.DataFrame([target("2015", 1, "2030", 5) | {"indicator_id": "UP", "territory_id": "T2"},
                       target("2015", 1, "2030", 5) | {"indicator_id": "UP", "territory_id": "T1"}])
    frame = assess_all(obs, INDICATORS, tg)
    assert frame.loc[frame["headline"], "territory_id"].tolist() == ["T2"]   # the first target row


def test_headline_skips_target_rows_without_values():
    obs = _obs([("UP", "T1", "2015", 1), ("UP", "T1", "2016", 2), ("UP", "T3", "2015", 1),
                ("UP", "T3", "2016", 2), ("UP", "T3", "2017", 2), ("UP", "T9", "2015", None)])
    tg = pd.DataFrame([target("2015", 1, "2030", 5) | {"indicator_id": "UP", "territory_id": t}
                       for t in ("T0", "T9", "T1")])
    frame = assess_all(obs, INDICATORS, tg)
    assert frame.loc[frame["headline"], "territory_id"].tolist() == ["T1"]


def test_no_headline_when_no_target_territory_has_values():
    obs = _obs([("UP", "T1", "2015", 1), ("UP", "T1", "2016", 2)])
    tg = pd.DataFrame([target("2015", 1, "2030", 5) | {"indicator_id": "UP", "territory_id": "T0"}])
    frame = assess_all(obs, INDICATORS, tg)
    assert not frame["headline"].any()
    rolled = rollup_actions(frame, INDICATORS)
    assert rolled.set_index("action_id").loc["A1", "status"] == "not_assessed"


def test_headline_without_target_is_the_territory_with_most_values_ties_to_smallest_code():
    obs = _obs([("UP", "B", "2015", 1), ("UP", "B", "2016", 2), ("UP", "B", "2017", 2),
                ("UP", "A", "2015", 1), ("UP", "A", "2016", 2), ("UP", "A", "2016", 3),
                ("UP", "C", "2015", 1), ("UP", "C", "2016", None), ("UP", "C", "2017", None),
                ("UP", "C", "2018", None),
                ("DOWN", "Z", "2015", 1), ("DOWN", "Y", "2015", 1)])
    frame = assess_all(obs, INDICATORS, None)
    heads = dict(frame.loc[frame["headline"], ["indicator_id", "territory_id"]].to_numpy())
    assert heads == {"UP": "A", "DOWN": "Y"}
    assert frame.groupby("indicator_id")["headline"].sum().max() == 1


def test_assess_all_is_fast_enough_on_a_medium_store():
    rng = np.random.default_rng(0)
    n_ind, n_ter, years = 50, 200, np.arange(2010, 2025)
    obs = pd.DataFrame({
        "indicator_id": np.repeat([f"I{i}" for i in range(n_ind)], n_ter * len(years)),
        "territory_id": np.tile(np.repeat([f"T{t}" for t in range(n_ter)], len(years)), n_ind),
        "period": np.tile(years.astype(str), n_ind * n_ter),
        "value": rng.lognormal(3, 1, n_ind * n_ter * len(years)),
    })
    ind = pd.DataFrame({"indicator_id": [f"I{i}" for i in range(n_ind)], "action_id": "A",
                        "direction": "increase"})
    import time
    start = time.perf_counter()
    frame = assess_all(obs, ind, None)
    assert len(frame) == n_ind * n_ter
    assert time.perf_counter() - start < 2.0   # 150 000 observations; the bench checks 1.5 M < 1 s


# --------------------------------------------------------------------------- roll-ups

def _assessed(entries):
    """entries: (indicator_id, status, score[, headline])."""
    rows = []
    for e in entries:
        ind, status, score = e[:3]
        rows.append({"indicator_id": ind, "territory_id": "T", "headline": e[3] if len(e) > 3 else True,
                     "status": status, "score": score})
    return pd.DataFrame(rows)


def _indicators(mapping):
    return pd.DataFrame({"indicator_id": list(mapping), "action_id": list(mapping.values()),
                         "direction": "increase"})


@pytest.mark.parametrize("scores, status", [
    ([2.5, 2.5], "on_track"), ([2.4, 2.6], "on_track"), ([2.0, 2.9], "acceleration_needed"),
    ([0.0], "acceleration_needed"), ([1.0, -1.0], "acceleration_needed"), ([-0.1], "limited_progress"),
    ([-2.5], "limited_progress"), ([-2.6], "deterioration"), ([-5, 0], "limited_progress"),
])
def test_action_status_from_mean_score(scores, status):
    entries = [(f"I{k}", "on_track" if s >= 2.5 else "limited_progress", s) for k, s in enumerate(scores)]
    rolled = rollup_actions(_assessed(entries), _indicators({f"I{k}": "A" for k in range(len(scores))}))
    row = rolled.iloc[0]
    assert row["status"] == status
    assert row["score"] == pytest.approx(np.mean(scores))
    assert row["indicators"] == [f"I{k}" for k in range(len(scores))]


def test_action_uses_only_headline_and_assessed_entries():
    assessed = _assessed([("I1", "on_track", 5.0), ("I1", "deterioration", -5.0, False),
                          ("I2", "not_assessed", None), ("I3", "deterioration", -3.0)])
    rolled = rollup_actions(assessed, _indicators({"I1": "A", "I2": "A", "I3": "A", "I4": "A"}))
    row = rolled.iloc[0]
    assert row["score"] == pytest.approx(1.0) and row["status"] == "acceleration_needed"
    assert sorted(row["indicators"]) == ["I1", "I3"]
    assert (row["n_on_track"], row["n_deterioration"], row["n_not_assessed"], row["n_indicators"]) == (1, 1, 2, 4)


def test_action_achieved_only_when_every_indicator_is():
    both = rollup_actions(_assessed([("I1", "achieved", 5.0), ("I2", "achieved", 5.0)]),
                          _indicators({"I1": "A", "I2": "A"}))
    assert both.iloc[0]["status"] == "achieved"
    one = rollup_actions(_assessed([("I1", "achieved", 5.0), ("I2", "on_track", 3.0)]),
                         _indicators({"I1": "A", "I2": "A"}))
    assert one.iloc[0]["status"] == "on_track"
    missing = rollup_actions(_assessed([("I1", "achieved", 5.0)]), _indicators({"I1": "A", "I2": "A"}))
    assert missing.iloc[0]["status"] == "on_track"


def test_action_without_assessed_indicator_and_actions_frame():
    actions = pd.DataFrame({"action_id": ["A", "B", "C"], "level_id": "border", "theme_id": "mobility"})
    rolled = rollup_actions(_assessed([("I1", "not_assessed", None)]), _indicators({"I1": "A"}), actions)
    assert rolled["action_id"].tolist() == ["A", "B", "C"]
    assert rolled["status"].tolist() == ["not_assessed"] * 3
    assert rolled["score"].isna().all() and rolled["indicators"].tolist() == [[], [], []]
    assert rolled.set_index("action_id").loc["A", "n_not_assessed"] == 1
    without = rollup_actions(_assessed([("I1", "not_assessed", None)]), _indicators({"I1": "A"}))
    assert without["action_id"].tolist() == ["A"]


def test_context_indicators_never_move_an_action():
    """DESIGN.md: context indicators keep their own status beside the action, never rolled in."""
    ind = _indicators({"I1": "A", "I2": "A", "I3": "B"}).assign(type=["context", "result", "context"])
    assessed = _assessed([("I1", "on_track", 5.0), ("I2", "deterioration", -4.0), ("I3", "achieved", 5.0)])
    rolled = rollup_actions(assessed, ind).set_index("action_id")
    assert rolled.at["A", "score"] == pytest.approx(-4.0) and rolled.at["A", "indicators"] == ["I2"]
    assert rolled.at["A", "status"] == "deterioration" and rolled.at["A", "context"] == ["I1"]
    assert rolled.at["A", "n_on_track"] == 0                          # the context status is not counted
    assert rolled.at["B", "status"] == "not_assessed" and rolled.at["B", "indicators"] == []
    assert rolled.at["B", "reason"] == "only_context_indicators" and pd.isna(rolled.at["A", "reason"])
    document = progress_json(assessed.assign(territory_id="T", ratio=None, cagr=None, base_period=None,
                                             latest_period=None, latest_value=None, target_value=None,
                                             projected_value=None, reason=None), rollup_actions(assessed, ind))
    by_id = {a["action_id"]: a for a in document["actions"]}
    assert by_id["B"]["reason"] == "only_context_indicators" and by_id["A"]["indicators"] == ["I2"]


def test_a_break_in_series_restarts_the_series():
    """A census change (flag b) after the base: judged from the break on; too short since: not assessed."""
    periods, values = ["2015", "2017", "2019", "2021", "2023"], [100, 102, 104, 150, 148]   # the new count is higher
    flags = [None, None, None, "bp", None]
    assert assess(periods, values, "increase").status == "on_track"            # the break read as growth
    broken = assess(periods, values, "increase", flags=flags)
    assert broken.status == "deterioration" and broken.base_period == "2021"
    short = assess(periods[:4], values[:4], "increase", flags=flags[:4])
    assert short.status == "not_assessed" and short.reason == "break_in_series"
    obs = pd.DataFrame({"indicator_id": "X", "territory_id": "T", "period": periods, "value": values, "flag": flags})
    ind = pd.DataFrame({"indicator_id": ["X"], "action_id": ["A"], "direction": ["increase"]})
    target = pd.DataFrame({"indicator_id": ["X"], "territory_id": ["T"], "baseline_period": ["2015"],
                           "baseline_value": [100], "target_period": ["2030"], "target_value": [200]})
    row = assess_all(obs, ind, target).iloc[0]
    assert (row["status"], row["base_period"], row["base_value"], row["break_period"]) == \
        ("deterioration", "2021", 150.0, "2021")
    assert assess(periods, values, "increase", target.iloc[0].to_dict(), flags=flags).status == row["status"]
    row = assess_all(obs.iloc[:4], ind, target).iloc[0]
    assert (row["status"], row["reason"]) == ("not_assessed", "break_in_series")
    before = target.assign(baseline_period="2021", baseline_value=150)     # a break at or before the base: no effect
    assert assess_all(obs, ind, before).iloc[0]["break_period"] is None


ACTIONS = pd.DataFrame({"action_id": ["A", "B", "C", "D"], "level_id": ["border", "border", "brussels", "brussels"],
                        "theme_id": ["mobility", "economy", "mobility", "mobility"]})


def test_rollup_groups_by_theme_level_and_cell():
    assessed = _assessed([("I1", "on_track", 4.0), ("I2", "deterioration", -4.0), ("I3", "achieved", 5.0),
                          ("I4", "limited_progress", -1.0), ("I5", "not_assessed", None)])
    ind = _indicators({"I1": "A", "I2": "A", "I3": "B", "I4": "C", "I5": "D"})
    by_action = rollup_actions(assessed, ind, ACTIONS)
    themes = rollup_groups(by_action, ACTIONS, by=("theme_id",)).set_index("theme_id")
    assert themes.loc["economy", "status"] == "achieved" and themes.loc["economy", "n_actions"] == 1
    mob = themes.loc["mobility"]
    assert mob["score"] == pytest.approx((0.0 + -1.0) / 2)       # actions A (0) and C (−1); D not assessed
    assert mob["status"] == "limited_progress"
    assert (mob["n_actions"], mob["n_actions_assessed"]) == (3, 2)
    assert (mob["n_on_track"], mob["n_deterioration"], mob["n_limited_progress"], mob["n_not_assessed"]) == (1, 1, 1, 1)
    levels = rollup_groups(by_action, ACTIONS, by="level_id").set_index("level_id")
    assert levels.loc["border", "score"] == pytest.approx((0.0 + 5.0) / 2)
    assert levels.loc["border", "status"] == "on_track"
    cells = rollup_groups(by_action, ACTIONS, by=("level_id", "theme_id"))
    assert len(cells) == 3
    cell = cells.set_index(["level_id", "theme_id"]).loc[("brussels", "mobility")]
    assert cell["score"] == pytest.approx(-1.0) and cell["n_actions"] == 2


def test_rollup_groups_not_assessed_when_no_action_is():
    by_action = rollup_actions(_assessed([]).reindex(columns=["indicator_id", "territory_id", "headline",
                                                              "status", "score"]),
                               _indicators({"I1": "A"}), ACTIONS)
    groups = rollup_groups(by_action, ACTIONS, by=("theme_id",))
    assert set(groups["status"]) == {"not_assessed"} and groups["score"].isna().all()


# --------------------------------------------------------------------------- JSON

def test_progress_json_shape():
    obs = _obs([("UP", "T1", "2015", 100), ("UP", "T1", "2020", 120), ("UP", "T2", "2020", 1),
                ("DOWN", "T1", "2015", 10), ("DOWN", "T1", "2020", 9)])
    tg = pd.DataFrame([target("2015", 100, "2030", 200) | {"indicator_id": "UP", "territory_id": "T1"}])
    assessed = assess_all(obs, INDICATORS, tg)
    by_action = rollup_actions(assessed, INDICATORS)
    doc = progress_json(assessed, by_action, "eurostat")
    text = json.dumps(doc, allow_nan=False)          # plain JSON: no NaN
    assert json.loads(text) == doc
    assert list(doc) == ["method", "indicators", "actions"] and doc["method"] == "eurostat"
    assert len(doc["indicators"]) == 3
    for entry in doc["indicators"]:
        assert list(entry) == ["indicator_id", "territory_id", "headline", "status", "score", "ratio", "cagr",
                               "base_period", "latest_period", "latest_value", "target_value",
                               "projected_value", "reason"]
        assert isinstance(entry["headline"], bool)
        for key in ("score", "ratio", "cagr", "latest_value", "target_value", "projected_value"):
            assert entry[key] is None or type(entry[key]) is float
    up1 = next(e for e in doc["indicators"] if (e["indicator_id"], e["territory_id"]) == ("UP", "T1"))
    assert up1["headline"] is True and up1["target_value"] == 200.0 and up1["base_period"] == "2015"
    assert up1["projected_value"] == pytest.approx(160.0) and up1["reason"] is None
    up2 = next(e for e in doc["indicators"] if (e["indicator_id"], e["territory_id"]) == ("UP", "T2"))
    assert (up2["headline"], up2["status"], up2["reason"], up2["score"]) == (False, "not_assessed",
                                                                              "too_few_years", None)
    assert [a["action_id"] for a in doc["actions"]] == ["A1", "A2"]
    a1 = doc["actions"][0]
    assert list(a1) == ["action_id", "status", "score", "indicators", "reason"]
    assert sorted(a1["indicators"]) == ["DOWN", "UP"] and type(a1["score"]) is float
    assert doc["actions"][1] == {"action_id": "A2", "status": "not_assessed", "score": None, "indicators": [],
                                   "reason": doc["actions"][1]["reason"]}
    assert doc["actions"][1]["reason"] in ("no_assessed_indicator", "no_indicators")


def test_progress_json_of_nothing():
    empty = assess_all(_obs([]), INDICATORS, None)
    doc = progress_json(empty, rollup_actions(empty, INDICATORS))
    assert doc["method"] == "opensdg" and doc["indicators"] == []
    assert all(a["status"] == "not_assessed" for a in doc["actions"])


def test_reasons_are_listed():
    assert set(P.REASONS) >= {"no_data", "too_few_years", "opposite_signs", "target_wrong_side",
                              "latest_before_base"}


def test_assess_all_treats_codes_equal_as_text_as_one_and_skips_rows_without_key():
    obs = pd.DataFrame({"indicator_id": ["UP", None, "UP", "UP", "UP"],
                        "territory_id": [59350, "59350", "59350", None, 59350],
                        "period": [2015, "2016", "2017-Q1", 2018, "2015"],
                        "value": [1, 2, "3", None, 3]}, dtype=object)
    frame = assess_all(obs, INDICATORS, None)
    assert frame["territory_id"].tolist() == ["59350"]
    row = frame.iloc[0]
    ref = assess([2015, "2017-Q1", "2015"], [1, 3, 3], "increase")
    assert (row["base_value"], row["latest_value"], row["status"]) == (ref.base_value, ref.latest_value, ref.status)
    assert row["n_observations"] == 3 and row["base_period"] == "2015"
    floats = pd.DataFrame({"indicator_id": ["UP"] * 3, "territory_id": ["x"] * 3,
                           "period": [2015.0, 2016.0, np.nan], "value": [1.0, 2.0, 3.0]})
    assert assess_all(floats, INDICATORS, None)[["base_period", "latest_period"]].iloc[0].tolist() == ["2015", "2016"]


def test_undefined_numbers_are_none_never_nan():
    # 2 / 1e-308 overflows: CAGR and required CAGR are inf, and inf / inf would be NaN.
    r = assess(["2000", "2001"], [1.1125369292536007e-308, 2.0], "increase",
               {"baseline_period": "2000", "baseline_value": math.nan, "target_period": "2001",
                "target_value": 2.0})
    assert r.status == "achieved" and r.ratio is None and r.cagr == math.inf
    assert not any(isinstance(v, float) and math.isnan(v) for v in dataclasses.astuple(r))
