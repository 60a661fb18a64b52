"""Clearing the filters keeps the indicator the page shows (tester M, stop 30, finding 7).

The Explorer's and the Map's indicator is the page's choice, not a filter: "Filters wissen" on the
Explorer showing BRK opened ACH, the first indicator, and the link lost `indicator=BRK`.
"""
from __future__ import annotations

import pytest

from .test_latest_value_one_truth import open_page, periods_store_file, periods_url  # noqa: F401  (fixtures)


def _indicator_in_link(at) -> str | None:
    value = at.query_params.get("indicator")
    return value[0] if isinstance(value, list) else value


@pytest.mark.parametrize("page", ["pages/explorer.py", "pages/map.py"])
def test_clear_filters_keeps_the_pages_indicator(periods_url, page):
    at = open_page(page, {"lang": "nl", "level": "border", "theme": "mobility", "territory": "59350",
                          "from": "2019", "to": "2023", "method": "eurostat", "indicator": "BRK"})
    assert at.session_state["f_indicator"] == "BRK"
    at.sidebar.button(key="clear_filters").click().run()
    assert not at.exception, at.exception
    assert at.sidebar.selectbox(key="f_level").value == ""          # the filters are cleared …
    assert at.sidebar.multiselect(key="f_territory").value == []
    for key in ("level", "theme", "territory", "from", "to"):
        assert key not in at.query_params, key
    assert at.session_state["f_indicator"] == "BRK"                  # … the indicator stays, in the link too
    assert at.selectbox(key="f_indicator").value == "BRK"
    assert _indicator_in_link(at) == "BRK"
    assert at.query_params.get("method") in ("eurostat", ["eurostat"])
