"""The store's tables and statuses are cached once per process and shared by every session
(`st.cache_resource` in pages/common.py), so no page may change them in place. Every page is run
here with filters, then the shared objects are compared with a fresh read of the store."""
from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from .conftest import ROOT, switch_page

APP = str(ROOT / "app.py")
PAGES = ["overview", "actions", "explorer", "map", "data", "health", "methodology"]
QUERIES = [{"lang": "fr"},
           {"lang": "en", "theme": "mobility", "territory": ["59350", "57081"], "from": "2016", "to": "2023",
            "method": "eurostat", "indicator": "MOB04"}]


def test_no_page_changes_the_shared_tables(demo_url, monkeypatch):
    from indicators import queries
    from indicators.progress import assess_all, rollup_actions
    from indicators.queries import load_flows, load_framework, load_observations
    from pages import common

    for query in QUERIES:
        for page in PAGES:
            at = AppTest.from_file(APP, default_timeout=90)
            for key, value in query.items():
                at.query_params[key] = value
            at.run()
            if page != "overview":
                switch_page(at, f"pages/{page}.py").run()
            assert not at.exception, (page, query, at.exception)

    version = common.data_version()
    engine = common.engine()

    def not_cached(*args, **kwargs):
        raise AssertionError("read again: the pages did not fill the shared cache under this version")

    with monkeypatch.context() as m:   # what the pages cached, not a fresh read
        for name in ("load_observations", "load_flows", "load_framework"):
            m.setattr(queries, name, not_cached)
        shared, flows, framework = common.observations(version), common.flows(version), common.framework(version)
    assert shared is common.observations(version)             # one object, shared, not a copy
    pd.testing.assert_frame_equal(shared, load_observations(engine))
    pd.testing.assert_frame_equal(flows, load_flows(engine))
    fresh = load_framework(engine)
    assert set(framework) == set(fresh)
    for name, table in fresh.items():
        pd.testing.assert_frame_equal(framework[name], table, obj=name)
    for method in ("opensdg", "eurostat"):
        assessed, actions = common.assessment(version, method)
        expected = assess_all(load_observations(engine), fresh["indicators"], fresh["targets"], method=method)
        pd.testing.assert_frame_equal(assessed, expected)
        pd.testing.assert_frame_equal(actions, rollup_actions(expected, fresh["indicators"], fresh["actions"]))


def test_a_change_in_place_would_be_seen(demo_url):
    """The check above can fail: a frame changed in place no longer equals a fresh read."""
    from indicators.queries import load_observations
    from pages import common

    version = common.data_version()
    shared = common.observations(version)
    shared.loc[shared.index[0], "value"] = -1.0
    try:
        with pytest.raises(AssertionError):
            pd.testing.assert_frame_equal(common.observations(version), load_observations(common.engine()))
    finally:
        common.observations.clear()
