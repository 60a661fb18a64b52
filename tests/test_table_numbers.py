"""Every table of the pages, opened in French and Dutch by an en-US browser: no number left to the browser.

A float column must show labels in the page's format (indicators/tables.py) or an integer printf
format (a share as `68 %`): never "localized", which follows the browser, never a decimal point.
"""
from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from indicators.tables import labels

from .test_pages_actions_explorer import open_page, store  # noqa: F401  (the fixture)

FORMAT = {"fr": r"-?\d{1,3}(\u202f\d{3})*(,\d+)?", "nl": r"-?\d{1,3}(\.\d{3})*(,\d+)?"}


def float_columns_in_page_format(at, lang: str) -> int:
    checked = 0
    for frame in at.dataframe:
        data = frame.value
        config = json.loads(frame.proto.columns or "{}")
        for column in data.columns:
            if not pd.api.types.is_float_dtype(data[column]) or data[column].dropna().empty:
                continue
            kind = (config.get(column) or {}).get("type_config", {})
            assert kind.get("format") != "localized", (column, kind)
            if kind.get("type") == "selectbox":
                shown = [o["label"].lstrip("\u2007") for o in kind["options"]]
                assert all(re.fullmatch(FORMAT[lang], s) for s in shown), (column, shown[:5])
            else:
                assert kind.get("type") == "progress" and re.fullmatch(r"%\.0f ?%%", kind.get("format", "")), \
                    (column, kind)
            checked += 1
    return checked


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize("page", ["pages/actions.py", "pages/explorer.py", "pages/overview.py", "pages/health.py"])
def test_no_table_number_follows_the_browser(store, page, lang):
    at = open_page(page, {"lang": lang}, locale="en-US")
    checked = float_columns_in_page_format(at, lang)   # asserts every number column it finds
    # The pages whose tables hold numbers must show at least one such column in the page's format.
    assert checked >= (1 if page in ("pages/actions.py", "pages/explorer.py") else 0), (page, checked)


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_explorer_values_of_a_large_indicator(store, lang):
    from .conftest import DEMO

    obs = pd.read_csv(DEMO / "observations.csv", dtype={"value": float, "period": str, "territory_id": str})
    big = obs[obs["value"] >= 10_000]["indicator_id"].iloc[0]
    at = open_page("pages/explorer.py", {"lang": lang, "indicator": big}, locale="en-US")
    assert float_columns_in_page_format(at, lang) >= 1


def test_labels_sort_as_their_values():
    values = [1186.0, 5.0, 0.0, 12.25, 999.0, 1234567.5, float("nan")]
    for lang in ("fr", "nl", "en"):
        written = labels(values, lang, 1)
        assert len(written) == 6                           # no value is left out, not written "nan"
        texts = [written[v].replace("\u2007", " ") for v in sorted(written)]
        assert sorted(texts) == texts and len({len(s) for s in texts}) == 1, texts
    assert labels([1186.0], "fr", 1)[1186.0] == "1\u202f186,0"
    assert labels([1186.0], "nl", 0)[1186.0] == "1.186"
