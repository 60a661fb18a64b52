"""A chart draws nothing where the source has no value (outside tester X, stop 31, finding 2).

Eurostat writes `:` for Tournai-Mouscron's (BE328) regional GDP in 2009–2016: those cells are "no
value" (DESIGN.md), never stored, and the line must not run straight from 2008 to 2017 as if the
source had published eight years of steady growth. The values on both sides keep their markers."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators import charts
from indicators.importing import import_files
from indicators.parsing import parse_number_cell
from indicators.store import open_store

from .conftest import FIXTURES, ROOT, switch_page

APP = str(ROOT / "app.py")
EUROSTAT = FIXTURES / "csv" / "eurostat_nama_10r_3gdp_BE_FR.tsv"


def eurostat_rows(geos=("BE328", "BE254"), unit="MIO_EUR") -> pd.DataFrame:
    """The fixture's values for these regions as observations (indicator GDP_MIO), `:` cells left out,
    flags after the numbers kept, read with the product's own cell reader."""
    raw = pd.read_csv(EUROSTAT, sep="\t", dtype=str, keep_default_na=False)
    first = raw.columns[0]
    raw[["unit", "geo"]] = raw[first].str.split(",", expand=True)
    rows = []
    for record in raw[(raw["unit"] == unit) & raw["geo"].isin(geos)].to_dict("records"):
        for column, cell in record.items():
            if column.strip().isdigit():
                value, flag, problem = parse_number_cell(cell.strip(), ".")
                assert problem is None, (record["geo"], column, cell)
                if value is not None:
                    rows.append({"indicator_id": "GDP_MIO", "territory_id": record["geo"],
                                 "period": column.strip(), "value": value, "flag": flag})
    return pd.DataFrame(rows).sort_values(["territory_id", "period"]).reset_index(drop=True)


def observed(fig) -> dict[str, tuple[list, list]]:
    return {tr.meta["territory_id"]: (list(tr.x), list(tr.y)) for tr in fig.data
            if isinstance(tr.meta, dict) and tr.meta.get("role") == "observed"}


def segments(xs: list) -> list[tuple[float, float]]:
    """The line's segments: each pair of points next to each other with no gap between them."""
    return [(a, b) for a, b in zip(xs, xs[1:]) if a is not None and b is not None]


def test_the_fixture_has_no_value_for_tournai_mouscron_in_2009_2016():
    obs = eurostat_rows()
    periods = set(obs.loc[obs["territory_id"] == "BE328", "period"])
    assert periods == {str(y) for y in [*range(2003, 2009), *range(2017, 2022)]}
    assert len(obs[obs["territory_id"] == "BE254"]) == 19


def test_the_line_breaks_where_the_source_has_no_value():
    fig = charts.indicator_chart(eurostat_rows(), lang="fr", decimals=2, unit="millions d'EUR")
    lines = observed(fig)
    xs, ys = lines["BE328"]
    assert (2008.0, 2017.0) not in segments(xs)
    assert max(b - a for a, b in segments(xs)) == 1.0
    i = xs.index(None)                                      # one gap, between 2008 and 2017
    assert xs[i - 1] == 2008.0 and xs[i + 1] == 2017.0 and ys[i] is None and xs.count(None) == 1
    assert [x for x in xs if x is not None] == [float(y) for y in [*range(2003, 2009), *range(2017, 2022)]]
    assert None not in lines["BE254"][0]                    # a whole series is one line


def test_a_series_published_every_five_years_is_one_line():
    obs = pd.DataFrame({"territory_id": ["59350"] * 3, "period": ["2010", "2015", "2020"], "value": [1.0, 2.0, 3.0]})
    xs, _ = observed(charts.indicator_chart(obs))["59350"]
    assert xs == [2010.0, 2015.0, 2020.0]


def test_a_missing_quarter_or_month_breaks_the_line():
    obs = pd.DataFrame({"territory_id": ["Q"] * 4 + ["M"] * 4,
                        "period": ["2023-Q1", "2023-Q2", "2023-Q4", "2024-Q1",
                                   "2024-01", "2024-02", "2024-05", "2024-06"],
                        "value": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]})
    lines = observed(charts.indicator_chart(obs))
    assert lines["Q"][0] == [2023.0, 2023.25, None, 2023.75, 2024.0]
    xs = lines["M"][0]
    assert xs.count(None) == 1 and xs.index(None) == 2


@pytest.fixture
def store_with_gdp(demo_url, tmp_path):
    """The demo with a GDP indicator and the fixture's values for Courtrai and Tournai-Mouscron."""
    ind = tmp_path / "indicators.csv"
    ind.write_text("indicator_id,action_id,name_fr,unit,unit_fr,direction,type,decimals\n"
                   "GDP_MIO,A11,PIB régional,million EUR,millions d'EUR,increase,context,2\n", encoding="utf-8")
    obs = tmp_path / "observations.csv"
    obs.write_bytes(eurostat_rows().to_csv(index=False).encode())
    engine = open_store(demo_url)
    try:
        outcome = import_files(engine, [ind, obs], user="test")
        assert outcome.ok, [p.as_dict() for p in outcome.checked.problems if p.severity == "error"]
    finally:
        engine.dispose()
    return demo_url


def test_the_explorer_draws_the_gap(store_with_gdp):
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in {"lang": "fr", "indicator": "GDP_MIO", "territory": ["BE328", "BE254"], "from": "2000"}.items():
        at.query_params[key] = value
    at.run()
    switch_page(at, "pages/explorer.py").run()
    assert not at.exception, at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    lines = {tr["meta"]["territory_id"]: tr for tr in spec["data"] if tr.get("meta", {}).get("role") == "observed"}
    xs = lines["BE328"]["x"]
    assert (2008.0, 2017.0) not in segments(xs) and None in xs
    assert lines["BE328"].get("connectgaps") in (None, False)
    assert None not in lines["BE254"]["x"]
