"""Every table of the pages, opened in French and Dutch by an en-US browser: no number left to the browser.

A float column must show labels in the page's format (indicators/table_numbers.py) or an integer printf
format (a share as `68 %`): never "localized", which follows the browser, never a decimal point.
"""
from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from indicators import i18n
from indicators.table_numbers import integer_format, labels, shown_whole, sort_keys

from .test_pages_actions_explorer import open_page, store  # noqa: F401  (the fixture)

FORMAT = {"fr": r"-?\d{1,3}(\u202f\d{3})*(,\d+)?", "nl": r"-?\d{1,3}(\.\d{3})*(,\d+)?"}


PRINTF = {"fr": "%'\u202f,d", "nl": "%'.,d"}


def float_columns_in_page_format(at, lang: str) -> int:
    """Asserts every number column of the page's tables; returns how many it checked."""
    checked = 0
    for frame in at.dataframe:
        data = frame.value
        config = json.loads(frame.proto.columns or "{}")
        for column in data.columns:
            kind = (config.get(column) or {}).get("type_config", {})
            if kind.get("type") == "selectbox" and kind.get("options"):
                shown = [o["label"] for o in kind["options"]]
                # a number alone, or a number then its unit (after a no-break space) or its period: `7 162
                # élèves (2024)`, and the value's flag in words after it (`⚑ provisoire (p)`); or words without a
                # digit (`Pas de cible`)
                assert all(re.fullmatch(FORMAT[lang] + r"(\u00a0[^\d\s][^(]*|%)?( \(\d{4}(-\w+)?\))?"
                                        r"( ⚑\u00a0[^\d]+\u00a0\([a-z]+\))?", s)
                           or not re.search(r"\d", s) for s in shown), (column, shown[:5])
                assert any(re.match(FORMAT[lang], s) for s in shown), (column, shown[:5])
                keys = [o["value"] for o in kind["options"]]
                assert sorted(keys) == keys, (column, keys[:5])       # the keys' text order is the value order
            elif pd.api.types.is_numeric_dtype(data[column]) and not pd.api.types.is_bool_dtype(data[column]) \
                    and not data[column].dropna().empty:
                assert kind.get("format") != "localized", (column, kind)
                if kind.get("type") == "progress":
                    assert re.fullmatch(r"%\.0f(\u00a0)?%%", kind.get("format", "")), (column, kind)
                else:   # whole numbers: a printf format grouping as the page's language does
                    # "%d" only where no value needs grouping
                    assert kind.get("format") == PRINTF[lang] or (
                        kind.get("format") == "%d" and data[column].abs().max() < 1000), (column, kind)
                    assert (data[column].dropna() % 1 == 0).all(), column
            else:
                continue
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


def test_keys_sort_as_their_values_negatives_included():
    values = [1186.0, 5.0, 0.0, 12.25, 999.0, 1234567.5, float("nan"), -5.0, -0.5, -12.3, None]
    for lang in ("fr", "nl", "en"):
        keys, written = sort_keys(values, lang, 1)
        assert len(keys) == 9                               # no value is left out, not written "nan"
        by_value = [keys[v] for v in sorted(keys)]
        assert sorted(by_value) == by_value and len({len(k.split(" ")[0]) for k in by_value}) == 1, by_value
        assert all(written[k] == i18n.number(v, lang, 1) for v, k in keys.items())
        assert all(k.endswith(" " + written[k]) for k in written)         # a copied key carries the label
    keys, written = sort_keys([-5.0, 1186.0], "fr", 1)
    assert [written[keys[-5.0]], written[keys[1186.0]]] == ["-5,0", "1\u202f186,0"]
    assert labels([1186.0], "nl", 0)[1186.0] == "1.186"


def test_whole_numbers_stay_numbers_with_the_pages_grouping():
    assert shown_whole([2.0, -5.0, float("nan")], 1) and shown_whole([2.4], 0) and not shown_whole([2.5, 1.0], 1)
    assert integer_format("fr") == "%'\u202f,d" and integer_format("nl") == "%'.,d" and integer_format("en") == "%,d"


def test_words_around_a_number_sort_by_the_number():
    """The Actions page's latest value and target: each row its own unit and decimals, sorted by value."""
    from indicators.table_numbers import labelled_keys

    values = [1186.0, 5.5, None, -12.0, 7162.0, None, 5.5]
    texts = ["1\u202f186\u00a0km (2024)", "5,5\u00a0% (2023)", "Pas de cible", "-12\u00a0t (2024)",
             "7\u202f162\u00a0élèves (2024)", "–", "5,5\u00a0% (2023)"]
    cells, written = labelled_keys(values, texts)
    assert cells[5] is None and cells[1] == cells[6]               # no value: the placeholder; equal rows: one key
    assert [written[k] for k in sorted(written)] == [texts[3], texts[1], texts[0], texts[4], texts[2]]
    assert all(k.endswith(" " + label) for k, label in written.items())


def test_actions_indicator_table_sorts_latest_value_and_target_by_value(store):
    at = open_page("pages/actions.py", {"lang": "fr"}, locale="en-US")
    frame = at.dataframe[1]
    config = json.loads(frame.proto.columns or "{}")
    for column in ("latest", "target"):
        kind = config[column]["type_config"]
        assert kind["type"] == "selectbox", (column, kind)
        labels_ = [o["label"] for o in kind["options"]]
        numbers = [float(re.match(FORMAT["fr"], s).group(0).replace("\u202f", "").replace(",", "."))
                   for s in labels_ if re.match(FORMAT["fr"], s)]
        assert len(numbers) > 10 and numbers == sorted(numbers), (column, labels_[:8])
        assert not any("." in s.split("\u00a0")[0] for s in labels_), labels_   # no decimal point in French
        cells = frame.value[column].dropna()
        assert set(cells) <= {o["value"] for o in kind["options"]} and len(cells) > 10
