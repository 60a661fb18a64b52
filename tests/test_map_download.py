"""The Map's values leave in the import format: what the map draws (its indicator, period and kind of
territory), flags and notes included; imported again into the store they come from, nothing changes."""
from __future__ import annotations

import io

import pandas as pd
from streamlit.testing.v1 import AppTest

from indicators import downloads, map_classes
from indicators.importing import import_files
from indicators.store import open_store, read_table

from .conftest import ROOT, switch_page

APP = str(ROOT / "app.py")


def _names():
    return {"indicator": {}, "territory": {}, "country": {}}


def test_the_map_s_values_are_the_stored_rows_it_draws(demo_url):
    engine = open_store(demo_url)
    obs, ter = read_table(engine, "observations"), read_table(engine, "territories")
    code = "MOB01"
    frame = map_classes.values_frame(obs, ter, code)            # the latest value of each territory
    rows = downloads.shown_observations(obs, frame, code)
    assert len(rows) == len(frame) and set(rows["indicator_id"]) == {code}
    drawn = dict(zip(frame["territory_id"].astype(str), frame["value"]))
    assert dict(zip(rows["territory_id"].astype(str), rows["value"])) == drawn
    older = downloads.shown_observations(obs, map_classes.values_frame(obs, ter, code, period="2019"), code)
    assert set(older["period"].astype(str)) == {"2019"}


def test_the_map_s_downloads_import_back_unchanged(demo_url, tmp_path):
    engine = open_store(demo_url)
    obs, ter, flows = (read_table(engine, name) for name in ("observations", "territories", "flows"))
    values = downloads.observations_download(
        downloads.shown_observations(obs, map_classes.values_frame(obs, ter, "MOB01"), "MOB01"), _names(), "fr")
    assert not flows.empty
    moved = downloads.flows_download(flows[flows["indicator_id"] == flows["indicator_id"].iloc[0]],
                                     {"territory": {"59350": "Lille"}}, "nl")
    assert list(moved.columns[:7]) == ["indicator_id", "origin_id", "destination_id", "period", "value", "flag", "note"]
    assert {"Herkomst", "Bestemming"} <= set(moved.columns)
    files = []
    for name, frame in (("values.csv", values), ("flows.csv", moved)):
        path = tmp_path / name
        path.write_bytes(downloads.to_excel_csv(frame, reversible=True))
        files.append(path)
    outcome = import_files(engine, files, dry_run=True)
    assert outcome.ok, [p.message("en") for p in outcome.checked.problems]
    summary = outcome.result.summary()
    assert summary["unchanged"] == len(values) + len(moved) and summary["added"] == summary["updated"] == 0


def test_the_map_page_offers_its_values_for_download(demo_url):
    for query, table in (({"lang": "en", "indicator": "MOB01"}, "observations"),
                         ({"lang": "en", "indicator": "MOB10"}, "flows")):
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        switch_page(at, "pages/map.py").run()
        assert not at.exception, at.exception
        labels = [b.proto.label for b in at.get("download_button")]
        assert "Download (CSV: semicolons, decimal comma)" in labels and "Download (XLSX)" in labels, (table, labels)
        assert "The map's values, in the import format:" in [c.value for c in at.caption]
