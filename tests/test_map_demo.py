"""The map reads on first open: shipped demo boundaries seeded as an upload, place names, flows on top."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from indicators import boundaries, demo_boundaries, map_flows, map_labels, maps
from indicators.store import load_boundaries, load_demo, open_store, read_table

from .fixtures_dir import fixtures_dir

PLACES = {"fr": {"Lille", "Courtrai", "Tournai", "Mouscron", "Dunkerque"},
          "nl": {"Rijsel", "Kortrijk", "Doornik", "Moeskroen", "Duinkerke"}}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    engine = open_store(f"sqlite:///{tmp_path_factory.mktemp('fresh') / 'store.db'}")
    load_demo(engine)
    return engine


def test_a_fresh_store_holds_the_demo_boundaries_as_saved_sets_with_a_border(fresh):
    sets = {s["name"]: s for s in load_boundaries(fresh)}
    assert set(sets) == set(demo_boundaries.DEMO_SETS)
    assert {s["user"] for s in sets.values()} == {"demo"} and {s["code_property"] for s in sets.values()} == {"code"}
    geo = boundaries.build_geography(list(sets.values()), read_table(fresh, "territories"))
    # both sides of the border: communes, municipalities and NUTS 3 regions of the demo
    for code in ("59350", "59183", "34022", "57081", "57096", "21004", "FRE11", "BE254", "BE328"):
        assert code in geo.shapes, code
    assert geo.border and sum(len(path) for path in geo.border) > 20
    west, south, east, north = geo.bounds
    assert 1.5 <= west < 3.0 and 50.0 < north <= 51.6


def test_the_shipped_boundaries_are_light_and_reproducible_from_their_sources():
    files = list(demo_boundaries.BOUNDARIES_DIR.glob("*.geojson"))
    assert sorted(f.name for f in files) == sorted(demo_boundaries.DEMO_SETS.values())
    assert sum(f.stat().st_size for f in files) < 3_000_000
    import importlib.util
    spec = importlib.util.spec_from_file_location("make", demo_boundaries.BOUNDARIES_DIR / "make.py")
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    src, prop, names, tol = make.SETS["nuts3.geojson"]
    here = demo_boundaries.BOUNDARIES_DIR
    derived = make.nuts_from_communes(make.derive(fixtures_dir() / "boundaries" / src, prop, names, tol),
                                      here / "communes-nord.geojson", here / "communes-be.geojson",
                                      fixtures_dir() / "boundaries" / make.SETS["communes-be.geojson"][0])
    shipped = json.loads((here / "nuts3.geojson").read_text(encoding="utf-8"))
    assert derived == shipped


def test_nuts3_regions_of_shipped_communes_are_drawn_with_their_communes_edges():
    """GISCO's 1:60M Kortrijk covered Mouscron and crossed the state border: the regions the demo has
    communes for are their communes' union, and the coarse ones around them leave no hole."""
    import shapely
    from shapely.geometry import shape

    def shapes(name):
        doc = json.loads((demo_boundaries.BOUNDARIES_DIR / name).read_text(encoding="utf-8"))
        return {f["properties"]["code"]: shape(f["geometry"]) for f in doc["features"]}

    nuts, be, fr = shapes("nuts3.geojson"), shapes("communes-be.geojson"), shapes("communes-nord.geojson")
    inside = {code: [k for k, g in nuts.items() if g.contains(c.representative_point())] for code, c in be.items()}
    assert inside["57096"] == ["BE328"] and inside["34022"] == ["BE254"]       # Mouscron, Kortrijk
    assert inside["57097"] == ["BE328"]                                        # Comines-Warneton, an exclave
    kortrijk = shapely.union_all([g for code, g in be.items() if code.startswith("34")])
    assert nuts["BE254"].symmetric_difference(kortrijk).area < 1e-6
    nord = shapely.union_all(list(fr.values()))
    assert nuts["FRE11"].symmetric_difference(nord).area < 1e-6
    assert nuts["FRE12"].intersection(nord).area < 1e-6                       # Pas-de-Calais cut at Nord's edge


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_place_names_are_in_the_page_language_and_never_overlap(fresh, lang):
    labels = map_labels.place_labels(read_table(fresh, "territories"), lang)
    names = {p["label"] for p in labels}
    assert PLACES[lang] <= names
    other = PLACES["nl" if lang == "fr" else "fr"] - {"Lille", "Tournai", "Mouscron"} - PLACES[lang]
    assert not (other & names)
    # the larger towns come first, with a larger size, and win every collision
    lille = next(p for p in labels if p["territory_id"] == "59350")
    wervik = next(p for p in labels if p["territory_id"] == "33029")
    assert lille["priority"] > wervik["priority"] and lille["size"] > wervik["size"]
    assert all(-1000 <= p["priority"] <= 1000 for p in labels)
    # at a regional view only some names fit; none overlaps another and the largest towns stay
    for zoom in (7.5, 8.5, 10):
        kept = map_labels.declutter(labels, zoom)
        boxes = [map_labels.label_box(p, zoom) for p in kept]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
        assert kept[0]["territory_id"] == "59350"
    assert len(map_labels.declutter(labels, 7.5)) < len(map_labels.declutter(labels, 10)) <= len(labels)
    layer = json.loads(maps.CompactDeck(layers=[map_labels.label_layer(labels)]).to_json())["layers"][0]
    assert layer["@@type"] == "TextLayer" and layer["characterSet"] == "auto"


def test_merged_places_get_no_name_on_todays_map():
    territories = pd.DataFrame([
        {"territory_id": "54007", "name_fr": "Mouscron", "kind": "commune", "lat": 50.7, "lon": 3.2,
         "population": 50000, "valid_to": "2018-12-31"},
        {"territory_id": "57096", "name_fr": "Mouscron", "kind": "commune", "lat": 50.7, "lon": 3.2,
         "population": 59000, "valid_to": None}])
    assert [p["territory_id"] for p in map_labels.place_labels(territories, "fr")] == ["57096"]


def test_the_widest_flows_are_drawn_last_on_top(fresh):
    flows = read_table(fresh, "flows")
    code = flows["indicator_id"].iloc[0]
    frame = map_flows.flows_frame(flows, read_table(fresh, "territories"), code)
    spec = json.loads(map_flows.flows_deck(frame, "fr").to_json())
    widths = [a["width"] for a in next(l for l in spec["layers"] if l["id"] == "flows")["data"]]
    assert len(widths) > 1 and widths == sorted(widths) and widths[-1] > widths[0]


@pytest.mark.parametrize("lang,names", [("fr", ["Lille", "Courtrai", "Tournai", "Mouscron", "Dunkerque"]),
                                        ("nl", ["Rijsel", "Kortrijk", "Doornik", "Moeskroen", "Duinkerke"])])
def test_the_main_towns_keep_their_names_and_no_two_names_touch_at_any_first_view_zoom(lang, names):
    """From the whole Euroregion (zoom 8.2) to the conurbation (9.4): a large town's name that finds no
    room moves a kept one (Mouscron beside Tourcoing), and no two kept boxes overlap."""
    import pandas as pd

    from indicators import map_labels as L

    territories = pd.read_csv(demo_boundaries.BOUNDARIES_DIR.parent / "territories.csv", dtype=str)
    for zoom in (8.2, 8.6, 9.0, 9.4):
        kept = L.declutter(L.place_labels(territories, lang), zoom)
        assert set(names) <= {k["label"] for k in kept}, zoom
        boxes = [L.label_box(k, zoom) for k in kept]
        assert all(L._free(boxes[i], boxes[:i]) for i in range(len(boxes))), zoom


def test_declutter_tries_only_the_neighbours_for_room_and_keeps_the_same_names(monkeypatch):
    """Making room for a large town moves only a name whose box meets the town's placements; trying
    every kept name (what it did, 2 s for 500 communes) keeps exactly the same names in the same places."""
    import numpy as np

    from indicators import map_labels as L

    def exhaustive(label, kept, boxes, zoom, view=None):
        for i, other in enumerate(kept):
            rest = boxes[:i] + boxes[i + 1:]
            for moved in L._candidates(dict(other)):
                if moved["size"] != other["size"]:
                    continue
                moved_box = L.label_box(moved, zoom)
                if not (L._inside(moved_box, view) and L._free(moved_box, rest)):
                    continue
                found = L._place(label, rest + [moved_box], zoom, view)
                if found is not None:
                    kept[i], boxes[i] = moved, moved_box
                    return found
        return None

    rng = np.random.default_rng(3)
    labels = [{"territory_id": str(k), "label": f"Commune {k}", "lon": 3.1 + rng.normal(0, 0.3),
               "lat": 50.6 + rng.normal(0, 0.2), "size": L.LARGE_SIZE, "anchor": "middle", "baseline": "bottom",
               "offset": [0, -6], "priority": float(rng.integers(0, 900))} for k in range(150)]
    view = L.view_box(3.1, 50.6, 9.0, 640, 560)
    fast = L.declutter(labels, 9.0, view)
    monkeypatch.setattr(L, "_make_room", exhaustive)
    slow = L.declutter(labels, 9.0, view)
    assert len(fast) > 20 and fast == slow
