"""A break in series (flag `b`) in a view with a period (`from`/`to`), on every surface.

DESIGN.md (Progress method): "when an observation after the base carries the flag `b`, the series is
assessed from the latest such observation onward (it becomes the base, and with a target the required
path runs from it to the target) … Every place that shows such a status says so."

An outside tester's indicator BRK (target 2015: 1 000 → 2030: 2 000, a `b` in 2020) read "acceleration
needed · break in series 2020" without a period and "limited progress" with the period 2024–2024: the
period filter dropped the 2020 observation while the base stayed the target's 2015 baseline, so the
series was judged straight across its break. The charts drew the target path from the 2015 baseline
while the status, the expected value and the progress bar used the path from the break, and the
committee report never said that the status was judged since the break.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from indicators import charts, overview
from indicators import filters as F
from indicators import report as R
from indicators.progress import assess, assess_all

YEARS = [str(y) for y in range(2015, 2025)]
BRK_VALUES = [1000, 1050, 1100, 1150, 1200, 900, 950, 1000, 1060, 1120]      # 2020: a new count, lower
BRK_FLAGS = [None] * 5 + ["b"] + [None] * 4


def _obs(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["indicator_id", "territory_id", "period", "value", "flag"])


def _brk(indicator="BRK", territory="59350", flags=BRK_FLAGS, values=BRK_VALUES) -> list[tuple]:
    return [(indicator, territory, p, v, f) for p, v, f in zip(YEARS, values, flags)]


INDICATORS = pd.DataFrame({"indicator_id": ["BRK", "NOT"], "action_id": ["A1", "A1"],
                           "direction": ["increase", "increase"], "type": ["result", "result"]})
TARGETS = pd.DataFrame({"indicator_id": ["BRK"], "territory_id": ["59350"], "baseline_period": ["2015"],
                        "baseline_value": [1000.0], "target_period": ["2030"], "target_value": [2000.0]})
FRAMEWORK = {"indicators": INDICATORS, "targets": TARGETS,
             "actions": pd.DataFrame({"action_id": ["A1"], "level_id": ["border"], "theme_id": ["mobility"]})}
SAME = ["status", "score", "ratio", "base_period", "base_value", "expected_value", "break_period"]


def _row(frame: pd.DataFrame, indicator: str = "BRK") -> dict:
    return frame[frame["indicator_id"] == indicator].iloc[0].to_dict()


# ------------------------------------------------------------------ 1. the engine, in a view's period

@pytest.mark.parametrize("period", [("2024", "2024"), ("2021", None), ("2023", "2024")])
def test_a_period_starting_after_the_break_still_judges_the_series_from_the_break(period):
    obs = _obs(_brk())
    whole = _row(overview.assess_in_scope(FRAMEWORK, obs, F.Filters())[1])
    assert (whole["status"], whole["break_period"], whole["base_period"]) == ("acceleration_needed", "2020", "2020")
    shown, assessed, actions = overview.assess_in_scope(FRAMEWORK, obs, F.Filters(period_from=period[0],
                                                                                   period_to=period[1]))
    row = _row(assessed)
    for column in SAME:
        assert row[column] == pytest.approx(whole[column]) if isinstance(whole[column], float) \
            else row[column] == whole[column], column
    assert row["latest_period"] == "2024" and row["latest_value"] == 1120
    assert actions.set_index("action_id").at["A1", "score"] == pytest.approx(whole["score"])
    # the observations shown stay those of the period: the break's value is the base, not a value shown
    assert sorted(shown["period"]) == [y for y in YEARS if y >= period[0] and (period[1] is None or y <= period[1])]


def test_a_break_after_the_end_of_the_period_does_not_count():
    """A period 2015–2019 sees no break: the series up to 2019 is judged from its 2015 baseline."""
    obs = _obs(_brk())
    row = _row(overview.assess_in_scope(FRAMEWORK, obs, F.Filters(period_from="2016", period_to="2019"))[1])
    assert row["break_period"] is None and row["base_period"] == "2015" and row["latest_period"] == "2019"
    assert row["status"] == "on_track"


def test_a_break_too_recent_in_the_period_is_not_assessed_with_its_reason():
    obs = _obs(_brk(flags=[None] * 9 + ["b"]))
    row = _row(assess_all(obs, INDICATORS, TARGETS, period_from="2024", period_to="2024"))
    assert (row["status"], row["reason"], row["break_period"]) == ("not_assessed", "break_in_series", "2024")


def test_without_a_target_a_break_before_the_first_value_of_the_period_is_before_the_base():
    """The base is the first value of the period: a break before it does not count (nothing is judged
    across it), a break after it does."""
    obs = _obs(_brk(indicator="NOT"))
    row = _row(assess_all(obs, INDICATORS, None, period_from="2021"), "NOT")
    assert row["break_period"] is None and row["base_period"] == "2021" and row["base_value"] == 950
    after = _row(assess_all(obs, INDICATORS, None, period_from="2018"), "NOT")
    assert after["break_period"] == "2020" and after["base_period"] == "2020" and after["base_value"] == 900


def test_a_series_without_a_value_in_the_period_is_left_out_and_the_headline_stays_in_the_period():
    """Only the series with a row in the period come back, even when a break before `from` would
    bring its base along: a territory without a value in the period never becomes the headline."""
    rows = _brk() + [("BRK", "59512", p, v, f) for p, v, f in zip(YEARS[:6], BRK_VALUES[:6], BRK_FLAGS[:6])]
    targets = pd.concat([TARGETS.assign(territory_id="59512"), TARGETS])     # 59512's target comes first
    frame = assess_all(_obs(rows), INDICATORS, targets, period_from="2022")
    assert list(frame["territory_id"]) == ["59350"] and bool(frame["headline"].iloc[0])


def test_quarters_of_the_break_year_make_the_base_and_later_quarters_outside_the_period_are_not_seen():
    quarters = [("BRK", "59350", f"{y}-Q{q}", 100.0 + 10 * (y - 2015) + q, "b" if (y, q) == (2020, 3) else None)
                for y in range(2015, 2025) for q in range(1, 5)]
    obs = _obs(quarters)
    row = _row(assess_all(obs, INDICATORS, TARGETS.assign(baseline_value=100.0, target_value=400.0),
                          period_from="2023", period_to="2024"))
    assert row["break_period"] == "2020-Q3" and row["base_period"] == "2020"
    assert row["base_value"] == pytest.approx(np.mean([150.0 + q for q in range(1, 5)]))   # the year's mean
    assert row["latest_period"] == "2024"


def _random_store(seed: int):
    rng = np.random.default_rng(seed)
    rows, targets = [], []
    for i in range(12):
        for t in range(4):
            years = sorted(rng.choice(np.arange(2010, 2026), size=int(rng.integers(1, 10)), replace=False))
            for year in years:
                period = str(year) if rng.random() < 0.75 else f"{year}-Q{int(rng.integers(1, 5))}"
                value = float(rng.choice([50.0, 100.0, rng.normal(100, 30), -4.0]))
                flag = rng.choice(["b", "bp", "p", None, None, None, None])
                rows.append((f"I{i}", f"T{t}", period, value if rng.random() > 0.08 else np.nan, flag))
            if rng.random() < 0.6:
                targets.append({"indicator_id": f"I{i}", "territory_id": f"T{t}",
                                "baseline_period": str(int(rng.integers(2008, 2020))),
                                "baseline_value": float(rng.choice([80.0, 100.0, 0.0])),
                                "target_period": str(int(rng.integers(2018, 2035))),
                                "target_value": float(rng.choice([150.0, 60.0, 120.0])),
                                "milestone_period": "2025" if rng.random() < 0.4 else None,
                                "milestone_value": 130.0})
    obs = _obs(rows)
    ind = pd.DataFrame({"indicator_id": [f"I{i}" for i in range(12)], "action_id": "A",
                        "direction": ["increase" if i % 3 else "decrease" for i in range(12)]})
    return obs, ind, pd.DataFrame(targets)


def _same(want, got) -> bool:
    if isinstance(got, float) and math.isnan(got):
        got = None
    if want is None or got is None:
        return want is None and got is None
    if isinstance(want, float) or isinstance(got, float):
        return math.isclose(want, got, rel_tol=1e-7, abs_tol=1e-6)
    return want == got


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("period", [(None, None), ("2016", None), (None, "2021"), ("2019", "2022"), ("2024", "2025")])
def test_the_vectorised_engine_and_the_reference_agree_on_breaks_in_a_period(seed, period):
    """`assess_all` (numpy) and `assess` (one series, plain Python) give the same status, base, break…
    for every series of a random store with flags `b`, with and without a period."""
    obs, ind, targets = _random_store(seed)
    frame = assess_all(obs, ind, targets, period_from=period[0], period_to=period[1])
    directions = dict(zip(ind["indicator_id"], ind["direction"]))
    first = {}
    for rec in targets.to_dict("records"):
        first.setdefault((rec["indicator_id"], rec["territory_id"]), rec)
    seen = F.in_period(obs, F.Filters(period_from=period[0], period_to=period[1]))
    assert len(frame) == seen.groupby(["indicator_id", "territory_id"]).ngroups
    broken = before_from = 0
    for rec in frame.to_dict("records"):
        part = obs[(obs["indicator_id"] == rec["indicator_id"]) & (obs["territory_id"] == rec["territory_id"])]
        ref = assess(list(part["period"]), list(part["value"]), directions[rec["indicator_id"]],
                     first.get((rec["indicator_id"], rec["territory_id"])), flags=list(part["flag"]),
                     period_from=period[0], period_to=period[1])
        for field in ("status", "score", "ratio", "cagr", "required_cagr", "growth", "base_period", "base_value",
                      "latest_period", "latest_value", "target_value", "projected_value", "expected_value",
                      "milestone_status", "reason"):
            assert _same(getattr(ref, field), rec[field]), (field, getattr(ref, field), rec[field], rec)
        # the break's year (two flagged quarters of one year: either may name it)
        want = ref.break_period[:4] if ref.break_period else None
        got = rec["break_period"][:4] if isinstance(rec["break_period"], str) else None
        assert want == got, (ref.break_period, rec["break_period"], rec)
        broken += want is not None
        before_from += want is not None and period[0] is not None and want < period[0]
    assert broken >= 3                          # the store does exercise breaks
    if period[0] == "2024":
        assert before_from >= 3                 # and breaks before `from` that still count


# ------------------------------------------------------------------ 2. the chart draws the path judged on

def test_after_a_break_the_chart_draws_the_target_path_from_the_break_and_marks_it():
    obs = _obs(_brk())
    rows = assess_all(obs, INDICATORS, TARGETS)
    row = _row(rows)
    fig = charts.indicator_chart(obs, TARGETS, rows, None, "fr", 0, "personnes")
    path = next(tr for tr in fig.data if (tr.meta or {}).get("role") == "target_path")
    assert (path.x[0], path.y[0]) == (2020.0, 900.0)                 # from the break, not from 2015 / 1 000
    assert path.x[-1] == 2030.0 and path.y[-1] == 2000.0
    at_latest = float(np.interp(2024.0, path.x, path.y))
    assert at_latest == pytest.approx(row["expected_value"], rel=2e-3)   # "expected on the path" is on it
    assert "rupture de série en 2020" in path.hovertext[0]
    mark = [tr for tr in fig.data if (tr.meta or {}).get("role") == "break"]
    assert len(mark) == 1 and list(mark[0].x) == [2020.0, 2020.0] and mark[0].name == "Rupture de série en 2020"
    # the projection starts at the break as well
    projection = next(tr for tr in fig.data if (tr.meta or {}).get("role") == "projection")
    assert projection.x[0] == 2020.0


def test_without_a_break_the_chart_keeps_the_target_baseline_and_draws_no_break():
    obs = _obs(_brk(flags=[None] * 10))
    rows = assess_all(obs, INDICATORS, TARGETS)
    fig = charts.indicator_chart(obs, TARGETS, rows, None, "nl", 0, "personen")
    path = next(tr for tr in fig.data if (tr.meta or {}).get("role") == "target_path")
    assert (path.x[0], path.y[0]) == (2015.0, 1000.0)
    assert not [tr for tr in fig.data if (tr.meta or {}).get("role") == "break"]


# ------------------------------------------------------------------ 3. the committee report says it

@pytest.fixture(scope="module")
def broken_demo(demo_tables):
    """The demo with a break in series (2021) in CIT04's headline series (EMLKT, baseline 2019)."""
    obs = demo_tables["observations"].copy()
    obs["flag"] = obs["flag"].astype(object)
    at = (obs["indicator_id"] == "CIT04") & (obs["territory_id"] == "EMLKT") & (obs["period"] == "2021")
    assert at.sum() == 1
    obs.loc[at, "flag"] = "b"
    return demo_tables["framework"], obs


SAID = {"fr": "évalué depuis la rupture de série de 2021", "nl": "beoordeeld sinds de breuk in de reeks in 2021",
        "en": "assessed since the break in series of 2021"}


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_report_says_beside_the_status_that_it_is_judged_since_the_break(broken_demo, lang):
    framework, obs = broken_demo
    action = framework["indicators"].set_index("indicator_id").at["CIT04", "action_id"]
    report = R.build(framework, obs, F.Filters(lang=lang, action=action, period_from="2023"))
    entry = next(i for s in report.sections for i in s.indicators if i.indicator_id == "CIT04")
    assert entry.status != "not_assessed" and entry.since_break == SAID[lang]
    html = R.render_html(report, plotly_js="")
    article = html[html.index('<article class="indicator" id="CIT04"'):]
    article = article[:article.index("</article>")]
    title = article[:article.index('<div class="body">')]
    assert SAID[lang] in title                     # where the status is shown, beside its chip
    others = [i for s in report.sections for i in s.indicators if i.indicator_id != "CIT04"]
    assert all(i.since_break is None for i in others)
