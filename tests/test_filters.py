"""Filters read from the URL: codes kept, unknown ones dropped with a notice."""
from __future__ import annotations

import pandas as pd

from indicators.filters import QUERY_KEYS, Filters, empty_hint, in_period, parse_query, selected_indicators

FW = {
    "levels": pd.DataFrame({"level_id": ["border", "metropolis"]}),
    "themes": pd.DataFrame({"theme_id": ["mobility", "climate"]}),
    "actions": pd.DataFrame({"action_id": ["A01", "A02"], "level_id": ["border", "metropolis"],
                             "theme_id": ["mobility", "climate"]}),
    "indicators": pd.DataFrame({"indicator_id": ["MOB01", "CLI01"], "action_id": ["A01", "A02"]}),
    "territories": pd.DataFrame({"territory_id": ["59350", "34022"]}),
}


def test_round_trip_through_the_url():
    f = Filters(lang="nl", level="border", theme="mobility", territories=("59350", "34022"),
                period_from="2016", period_to="2024", method="eurostat", indicator="MOB01")
    query = {k: v if isinstance(v, list) else [v] for k, v in f.to_query().items()}
    assert parse_query(query, FW, "nl").filters == f


def test_unknown_and_malformed_dropped():
    # (a reversed pair, from=2030&to=2020, is swapped and said since stop 34: tests/test_link_filters_n34.py)
    parsed = parse_query({"level": ["x"], "territory": ["59350", "1"], "from": ["20x0"], "to": ["2020"],
                          "method": ["y"]}, FW, "fr")
    assert parsed.filters == Filters(lang="fr", territories=("59350",), period_to="2020")
    assert set(parsed.dropped) == {"level=x", "territory=1", "from=20x0", "method=y"}


def test_a_link_s_unknown_parameter_and_an_action_outside_its_level_are_said():
    """`territories=1,2,3` (a typo of `territory`) and `action=A02` under `level=border` were dropped
    without a word; Streamlit's own parameters and tracking ones pass quietly."""
    parsed = parse_query({"territories": ["59350,34022"], "level": ["border"], "action": ["A02"],
                          "embed": ["true"], "utm_source": ["mail"]}, FW, "fr")
    assert parsed.filters == Filters(lang="fr", level="border")
    assert set(parsed.dropped) == {"territories=59350,34022", "action=A02"}
    inside = parse_query({"level": ["border"], "action": ["A01"]}, FW, "fr")
    assert inside.filters.action == "A01" and not inside.dropped
    assert set(Filters(lang="nl", level="border", action="A01", territories=("1",), period_from="2016",
                       period_to="2020", method="eurostat", indicator="MOB01").to_query()) <= set(QUERY_KEYS)


def test_selection_and_hint():
    f = Filters(theme="climate")
    assert selected_indicators(FW, f)["indicator_id"].tolist() == ["CLI01"]
    obs = pd.DataFrame({"period": ["2015", "2020-Q1", "2024"]})
    assert in_period(obs, Filters(period_from="2016", period_to="2023"))["period"].tolist() == ["2020-Q1"]
    assert empty_hint(Filters(level="border", theme="climate")) == "theme"
    assert empty_hint(Filters()) is None


def test_a_link_s_unknown_language_is_said():
    """`lang=de` fell back to the browser's language without a word."""
    parsed = parse_query({"lang": ["de"], "level": ["border"]}, FW, "en")
    assert parsed.dropped == ["lang=de"] and parsed.filters.lang == "en" and parsed.filters.level == "border"
    assert parse_query({"lang": ["nl"]}, FW, "nl").dropped == []
