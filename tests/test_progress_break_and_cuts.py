"""Progress as the command line reports it (stop 29): a status judged from a break in series says so in
the table and the JSON (#6), and a measure on a cut scores the cut's own score, not −5.3e-14 (#9)."""
from __future__ import annotations

import json

import pytest

from indicators.cli import main
from indicators.progress import assess, assess_all, progress_json, rollup_actions

from .helpers import write

FILES = {
    "levels.csv": "level_id,name_fr\nborder,Frontière\n",
    "themes.csv": "theme_id,name_fr\nmobility,Mobilité\n",
    "actions.csv": "action_id,level_id,theme_id,title_fr\nA1,border,mobility,Rupture\nA8,border,mobility,Ratio\n"
                   "A9,border,mobility,Seuil\n",
    "territories.csv": "territory_id,name_fr,country\nT1,Terr 1,FR\n",
    "indicators.csv": "indicator_id,action_id,name_fr,unit,direction,type\nB1,A1,rupture,persons,increase,result\n"
                      "R1,A8,ratio,persons,increase,result\nS1,A9,seuil,persons,increase,result\n",
    "targets.csv": "indicator_id,territory_id,baseline_period,baseline_value,target_period,target_value\n"
                   "R1,T1,2015,100,2016,130\n",
    "observations.csv": "indicator_id,territory_id,period,value,flag\n"
                        "B1,T1,2015,100,\nB1,T1,2018,120,\nB1,T1,2020,80,b\nB1,T1,2023,88,\n"
                        "R1,T1,2015,100,\nR1,T1,2016,118,\n"          # R = 0.06 / 0.10 = 0.6: 0.5999999999999998
                        "S1,T1,2015,100,\nS1,T1,2016,100.5,\n",      # g = 0.5 %: 0.004999999999999893
}


@pytest.fixture
def store(tmp_path, sqlite_url):
    paths = [write(tmp_path, name, text) for name, text in FILES.items()]
    assert main(["import", "--db", sqlite_url, *map(str, paths)]) == 0
    return sqlite_url


def _progress(capsys, url: str, *options: str) -> str:
    capsys.readouterr()
    assert main(["progress", "--db", url, *options]) == 0
    return capsys.readouterr().out


# --------------------------------------------------------------------------- #6 break in series

def test_the_json_says_a_status_is_judged_from_a_break_in_series(store, capsys):
    report = json.loads(_progress(capsys, store, "--format", "json"))
    entry = next(e for e in report["indicators"] if e["indicator_id"] == "B1")
    assert (entry["status"], entry["reason"], entry["base_period"]) == ("on_track", "break_in_series", "2020")
    assert entry["cagr"] == pytest.approx((88 / 80) ** (1 / 3) - 1)
    # DESIGN.md's keys, no other; an entry without a break keeps its reason empty
    assert list(entry) == ["indicator_id", "territory_id", "headline", "status", "score", "ratio", "cagr",
                           "base_period", "latest_period", "latest_value", "target_value", "projected_value",
                           "reason"]
    assert next(e for e in report["indicators"] if e["indicator_id"] == "S1")["reason"] is None


@pytest.mark.parametrize("lang, said", [("en", "assessed since the break in series of 2020"),
                                        ("fr", "évalué depuis la rupture de série de 2020"),
                                        ("nl", "beoordeeld sinds de breuk in de reeks in 2020")])
def test_the_table_says_a_status_is_judged_from_a_break_in_series(store, capsys, lang, said):
    line = next(l for l in _progress(capsys, store, "--lang", lang).splitlines() if l.startswith("B1 "))
    assert line.rstrip().endswith(said), line
    other = next(l for l in _progress(capsys, store, "--lang", lang).splitlines() if l.startswith("S1 "))
    assert "2020" not in other


def test_a_break_too_recent_keeps_its_not_assessed_reason(tmp_path, sqlite_url, capsys):
    files = dict(FILES, **{"observations.csv": "indicator_id,territory_id,period,value,flag\n"
                                               "B1,T1,2015,100,\nB1,T1,2018,120,\nB1,T1,2023,80,b\n"})
    paths = [write(tmp_path, name, text) for name, text in files.items()]
    assert main(["import", "--db", sqlite_url, *map(str, paths)]) == 0
    entry = next(e for e in json.loads(_progress(capsys, sqlite_url, "--format", "json"))["indicators"]
                 if e["indicator_id"] == "B1")
    assert (entry["status"], entry["reason"]) == ("not_assessed", "break_in_series")
    line = next(l for l in _progress(capsys, sqlite_url).splitlines() if l.startswith("B1 "))
    assert line.rstrip().endswith("break in series too recent (fewer than two years since)")


# --------------------------------------------------------------------------- #9 scores on a cut

@pytest.mark.parametrize("method", ["opensdg", "eurostat"])
def test_a_measure_on_a_cut_scores_the_cuts_score_in_the_json(store, capsys, method):
    report = json.loads(_progress(capsys, store, "--format", "json", "--method", method))
    by_id = {e["indicator_id"]: e for e in report["indicators"]}
    actions = {a["action_id"]: a for a in report["actions"]}
    assert by_id["S1"]["cagr"] == pytest.approx(0.005) and by_id["S1"]["score"] == 0.0
    assert by_id["R1"]["ratio"] == pytest.approx(0.6) and by_id["R1"]["score"] == 0.0
    assert by_id["R1"]["status"] == "acceleration_needed"
    assert (actions["A9"]["score"], actions["A8"]["score"]) == (0.0, 0.0)
    assert {actions["A9"]["status"], actions["A8"]["status"]} == {"acceleration_needed"}
    if method == "opensdg":
        assert by_id["S1"]["status"] == "acceleration_needed"


@pytest.mark.parametrize("latest, target, score", [
    (100.5, None, 0.0),      # g = 0.5 %
    (101.5, None, 2.5),      # g = 1.5 %
    (118, 130, 0.0),         # R = 0.60
    (109.5, 110, 2.5),       # R = 0.95: 0.9499999999999988
])
def test_both_implementations_score_a_cut_exactly(latest, target, score):
    import pandas as pd

    goal = None if target is None else {"baseline_period": "2015", "baseline_value": 100, "target_period": "2016",
                                        "target_value": target}
    assert assess(["2015", "2016"], [100, latest], "increase", goal).score == score
    obs = pd.DataFrame({"indicator_id": ["X", "X"], "territory_id": ["T", "T"], "period": ["2015", "2016"],
                        "value": [100.0, latest]})
    ind = pd.DataFrame({"indicator_id": ["X"], "action_id": ["A"], "direction": ["increase"], "type": ["result"]})
    tgt = None if goal is None else pd.DataFrame([{**goal, "indicator_id": "X", "territory_id": "T"}])
    frame = assess_all(obs, ind, tgt)
    assert frame["score"].tolist() == [score]
    rolled = rollup_actions(frame, ind)
    assert rolled["score"].tolist() == [score]
    assert progress_json(frame, rolled)["actions"][0]["score"] == score


def test_a_mean_score_within_a_billionth_of_a_cut_is_the_cut():
    import pandas as pd

    # 0.1 + 0.2 − 0.3 is 5.5e-17 in binary arithmetic: the mean of these three scores is 0, acceleration needed
    assessed = pd.DataFrame({"indicator_id": ["P", "Q", "R"], "territory_id": "T", "headline": True,
                             "status": "acceleration_needed", "score": [0.1, 0.2, -0.3]})
    ind = pd.DataFrame({"indicator_id": ["P", "Q", "R"], "action_id": "A", "type": "result"})
    rolled = rollup_actions(assessed, ind)
    assert rolled["score"].tolist() == [0.0] and rolled["status"].tolist() == ["acceleration_needed"]
