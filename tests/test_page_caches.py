"""Every page function that reads the store's data (its first parameter the data `version`) is cached per
version, or only calls cached ones: the period slider's years, uncached, re-read 1.5 million periods on
every rerun and took 46 % of the large store's Explorer run (py-spy, stop 32)."""
from __future__ import annotations

import importlib
import inspect

PAGES = ("actions", "common", "explorer", "health", "map", "overview", "partners", "updates", "widgets")
# Uncached on purpose: each only calls cached functions, or is called from one (named beside it).
DELEGATES = {
    "common.is_flow": "flow_indicators",
    "explorer._inputs": "observations_of, assessment_of (called by drawn, cached)",
    "map._names_layer": "_names_in_view",
    "overview._stale": "stale_indicators (called by figures_of, cached)",
}


def per_version_functions() -> dict[str, bool]:
    """{page.function: cached} for every module-level function of the pages whose first parameter is `version`."""
    found = {}
    for name in PAGES:
        module = importlib.import_module(f"pages.{name}")
        for attr, value in vars(module).items():
            func = getattr(value, "__wrapped__", value)
            if inspect.isfunction(func) and func.__module__ == module.__name__:
                params = list(inspect.signature(func).parameters)
                if params[:1] == ["version"]:
                    found[f"{name}.{attr}"] = hasattr(value, "clear")   # st.cache_data / cache_resource
    return found


def test_the_check_tells_a_cached_function_from_an_uncached_one():
    found = per_version_functions()
    assert found["common._years"] is True and found["common.is_flow"] is False
    assert len(found) >= 30


def test_every_function_reading_the_store_is_cached_per_version():
    uncached = sorted(name for name, cached in per_version_functions().items() if not cached)
    assert uncached == sorted(DELEGATES)
