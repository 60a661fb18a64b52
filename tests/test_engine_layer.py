"""Logic that pages and the cell parser held, in the engine beside what it describes (no Streamlit).

`foreign_layout` (whose layout a file of unknown columns follows) sits in indicators/mappings, told by
the mapping spec's header lists; `comparability_caution` (the caution above the Explorer's ranking and
on the Map) with Data health's comparability. Both take and give plain data.
"""
from __future__ import annotations

import pandas as pd
import pytest

from indicators import health as H
from indicators import parsing
from indicators.mappings import spec
from indicators.mappings.layouts import foreign_layout
from indicators.mappings.spec import INSEE_HEADERS, NIS_HEADERS


@pytest.mark.parametrize("headers, layout", [
    (["freq", "unit", "geo\\TIME_PERIOD", "2021 ", "2020 "], "Eurostat"),          # TSV, combined key split
    (["unit,geo\\time", "2019 ", "2018 "], "Eurostat"),                           # the older TSV
    (["DATAFLOW", "freq", "geo", "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG"], "Eurostat"),   # SDMX-CSV
    (["NIS code", "Woonplaats", "Mannen"], "Statbel"),
    (["CD_REFNIS", "TX_DESCR_NL", "MS_POPULATION"], "Statbel"),
    (["CODGEO", "LIBGEO", "P20_POP"], "INSEE"),
    (["Code INSEE", "Commune", "Population"], "INSEE"),
    (["dep", "sexe", "jour", "hosp"], None),                                       # no layout a mapping names
    (["TIME_PERIOD", "valeur"], None),                                             # SDMX needs both columns
])
def test_the_layout_of_a_foreign_file_is_named_by_the_mapping_spec(headers, layout):
    assert foreign_layout(headers) == layout


def test_the_layouts_are_told_by_the_spec_s_own_header_lists(monkeypatch):
    """One list of what a Statbel or INSEE header looks like: a header added to the spec's list (which
    also makes the Data page's first mapping guess it) is a layout here too."""
    assert foreign_layout(["Refnis 2024", "Inwoners"]) is None
    monkeypatch.setattr(spec, "NIS_HEADERS", (*NIS_HEADERS, "refnis_2024"))
    monkeypatch.setattr(spec, "INSEE_HEADERS", (*INSEE_HEADERS, "code_commune_2024"))
    assert foreign_layout(["Refnis 2024", "Inwoners"]) == "Statbel"
    assert foreign_layout(["Code commune 2024", "Habitants"]) == "INSEE"
    assert not hasattr(parsing, "foreign_layout")   # the cell parser reads cells, not layouts


TERRITORIES = pd.DataFrame({"territory_id": ["F1", "F2", "B1", "EU"], "country": ["FR", "FR", "BE", "EU"]})


@pytest.mark.parametrize("comparability, shown, caution", [
    ("not_comparable", ["F1", "B1"], "health_caution_not_comparable"),
    ("partial", ("F2", "B1", "EU"), "health_caution_partial"),
    (" Not_Comparable ", ["F1", "B1"], "health_caution_not_comparable"),   # as a spreadsheet may write it
    ("harmonised", ["F1", "B1"], None),
    (None, ["F1", "B1"], "health_caution_unknown"),   # not given: a quiet note, as on Data health
    (float("nan"), ["F1", "B1"], "health_caution_unknown"),
    ("not_comparable", ["F1", "F2"], None),   # one side only: nothing to compare
    ("not_comparable", ["B1", "EU"], None),
    ("not_comparable", [], None),
    ("partial", pd.Series([], dtype=object), None),
    ("partial", pd.Series(["F1", "B1"]), "health_caution_partial"),
])
def test_the_comparability_caution_is_plain_data_in_and_out(comparability, shown, caution):
    assert H.comparability_caution(comparability, shown, TERRITORIES) == caution


def test_the_comparability_caution_reads_codes_as_text_and_survives_no_territories():
    numeric = pd.DataFrame({"territory_id": [59350, 34022], "country": ["FR", "BE"]})
    assert H.comparability_caution("partial", ["59350", "34022"], numeric) == "health_caution_partial"
    assert H.comparability_caution("partial", ["59350", "34022"], None) is None
    assert H.comparability_caution("partial", None, TERRITORIES) is None

