"""The Explorer and the Map judge a series in a chosen period as the engine does (tests/test_break_in_view.py):
a break in series before `from` still makes the base; both pages called the engine with the period's rows
only, so with `from=2024` the series was judged across its 2020 break, unsaid."""
from __future__ import annotations

import pandas as pd
from streamlit.testing.v1 import AppTest

from indicators.importing import import_files
from indicators.store import open_store

from .conftest import ROOT, switch_page

APP = str(ROOT / "app.py")
VALUES = [1000, 1050, 1100, 1150, 1200, 900, 950, 1000, 1060, 1120]


def _store_with_a_break(url: str, tmp_path) -> None:
    ind = tmp_path / "indicators.csv"
    ind.write_text("indicator_id,action_id,name_fr,unit,direction,type\nBRK,A28,Série rompue,persons,increase,result\n")
    tg = tmp_path / "targets.csv"
    tg.write_text("indicator_id,territory_id,baseline_period,baseline_value,target_period,target_value\n"
                  "BRK,59350,2015,1000,2030,2000\n")
    obs = tmp_path / "observations.csv"
    obs.write_text("indicator_id,territory_id,period,value,flag\n" + "".join(
        f"BRK,59350,{2015 + i},{v},{'b' if 2015 + i == 2020 else ''}\n" for i, v in enumerate(VALUES)))
    assert import_files(open_store(url), [ind, tg, obs], user="test").ok


def _texts(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    for frame in at.dataframe:
        parts.append(frame.value.to_string())
    return "\n".join(parts)


def test_the_explorer_judges_a_period_after_a_break_from_the_break(demo_url, tmp_path):
    _store_with_a_break(demo_url, tmp_path)
    shown = {}
    for query in ({}, {"from": "2024", "to": "2024"}):
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in {"lang": "en", "indicator": "BRK", **query}.items():
            at.query_params[key] = value
        at.run()
        switch_page(at, "pages/explorer.py").run()
        assert not at.exception, at.exception
        shown[bool(query)] = _texts(at)
    assert "break in series in 2020" in shown[False]
    assert "break in series in 2020" in shown[True], shown[True][:2000]


def test_the_map_colours_a_period_after_a_break_by_the_status_judged_from_the_break(demo_url, tmp_path):
    from pages import map as map_page
    from indicators.progress import assess_all
    from indicators.store import read_table

    _store_with_a_break(demo_url, tmp_path)
    engine = open_store(demo_url)
    obs, ind, tg = (read_table(engine, name) for name in ("observations", "indicators", "targets"))
    whole = assess_all(obs[obs["indicator_id"] == "BRK"], ind[ind["indicator_id"] == "BRK"],
                       tg[tg["indicator_id"] == "BRK"])
    # the page's own cached function, outside a script run (Streamlit's caches work bare)
    rows = map_page.statuses(map_page.common.data_version(), "opensdg", "BRK", "2024", "2024")
    assert whole.iloc[0]["status"] == "acceleration_needed"
    assert rows.set_index("territory_id").at["59350", "status"] == whole.iloc[0]["status"]
