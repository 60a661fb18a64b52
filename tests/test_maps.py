"""Maps: boundary files (the real ones in ../shared/fixtures/boundaries), classes, legends, decks,
the click → filter rule, and the Map page under AppTest (upload, bad files, flows, statuses)."""
from __future__ import annotations

import json
import math
import re

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators import boundaries, i18n, map_classes, map_flows, map_labels, maps
from indicators.style import STATUS_COLORS

from .conftest import DEMO, FIXTURES, ROOT, switch_page

APP = str(ROOT / "app.py")
BOUNDARIES = FIXTURES / "boundaries"
NORD = BOUNDARIES / "communes-59-nord.geojson"
BELGIUM = BOUNDARIES / "belgium-municipalities_WVL_HAINAUT_BRU.derived.geojson"
NUTS3 = BOUNDARIES / "NUTS_RG_60M_2021_4326_LEVL_3.geojson"
NNBSP = "\u202f"
TERRITORIES = pd.read_csv(DEMO / "territories.csv", dtype={"territory_id": str, "parent_id": str,
                                                         "replaced_by": str})
OBSERVATIONS = pd.read_csv(DEMO / "observations.csv", dtype={"indicator_id": str, "territory_id": str,
                                                            "period": str})
FLOWS = pd.read_csv(DEMO / "flows.csv", dtype={"indicator_id": str, "origin_id": str, "destination_id": str,
                                              "period": str})


def demo_codes(country: str, kind: str) -> set[str]:
    t = TERRITORIES
    keep = (t["country"] == country) & (t["kind"] == kind) & t["replaced_by"].isna()
    return set(t.loc[keep, "territory_id"])


def read(path, name: str | None = None) -> boundaries.BoundaryFile:
    return boundaries.read_boundary_file(path.read_bytes(), name or path.name)


def reprojected(path, epsg: int, declare: bool = True) -> bytes:
    """A fixture reprojected from WGS84 to a projected CRS with pyproj, as a GeoJSON file's bytes."""
    from pyproj import Transformer

    doc = json.loads(path.read_text(encoding="utf-8"))
    forward = Transformer.from_crs("EPSG:4326", f"EPSG:{epsg}", always_xy=True)

    def walk(c):
        if c and isinstance(c[0], (int, float)):
            x, y = forward.transform(c[0], c[1])
            return [round(x, 2), round(y, 2)]
        return [walk(x) for x in c]

    for feature in doc["features"]:
        feature["geometry"]["coordinates"] = walk(feature["geometry"]["coordinates"])
    doc.pop("crs", None)
    if declare:
        doc["crs"] = {"type": "name", "properties": {"name": f"urn:ogc:def:crs:EPSG::{epsg}"}}
    return json.dumps(doc).encode()


# ---------------------------------------------------------------- the real boundary files

def test_nord_communes_join_the_french_demo_communes_on_code():
    bfile = read(NORD)
    assert len(bfile.features) == 648 and bfile.crs is None and bfile.notices == []
    best = boundaries.code_properties(bfile, TERRITORIES["territory_id"])[0]
    assert best["property"] == "code"
    prepared = boundaries.prepare_boundaries(bfile, "code", TERRITORIES)
    french = demo_codes("FR", "commune")
    assert set(prepared.matched) == french and len(french) == 26
    assert len(prepared.unknown) == 648 - 26                   # listed, and kept as background
    assert "59054" in set(prepared.unknown["code"])            # Bavinchove: no demo territory
    assert prepared.features_kept == 648
    # Territories left without a shape: the Belgian municipalities (another file), never the old codes.
    assert set(prepared.missing["territory_id"]) == demo_codes("BE", "commune")
    assert not {"54007", "54010"} & set(prepared.missing["territory_id"])
    # Simplified: fewer points, light enough for the browser, every code a string, WGS84 kept.
    assert prepared.vertices_after < prepared.vertices_before * 0.8
    assert prepared.size_bytes < 450_000
    lille = [f for f in prepared.geojson["features"] if f["properties"]["code"] == "59350"]
    assert len(lille) == 1 and lille[0]["properties"]["name"] == "Lille"
    west, south, east, north = maps._geometry_bounds([lille[0]["geometry"]])
    assert 2.9 < west < east < 3.2 and 50.5 < south < north < 50.7


def test_belgian_municipalities_join_on_nis():
    bfile = read(BELGIUM)
    assert len(bfile.features) == 152
    candidates = boundaries.code_properties(bfile, TERRITORIES["territory_id"])
    assert candidates[0]["property"] == "nis"
    prepared = boundaries.prepare_boundaries(bfile, "nis", TERRITORIES)
    assert set(prepared.matched) == demo_codes("BE", "commune")
    assert {"34022", "57096", "57097", "57081", "21004"} <= set(prepared.matched)
    assert len(prepared.unknown) == 152 - len(prepared.matched)
    assert prepared.geojson["source"]["code_property"] == "nis"


def test_nuts3_file_joins_on_nuts_id_and_keeps_only_the_area_around():
    bfile = read(NUTS3)
    assert bfile.crs is None                        # declares EPSG:4326: nothing to reproject
    assert not [k for k, _ in bfile.notices if k == "map_note_reprojected"]
    props = [c["property"] for c in boundaries.code_properties(bfile, TERRITORIES["territory_id"])]
    assert props[0] in ("NUTS_ID", "FID", "id") and "NUTS_ID" in props
    prepared = boundaries.prepare_boundaries(bfile, "NUTS_ID", TERRITORIES)
    assert set(prepared.matched) == {"FRE11", "FRE12", "BE251", "BE253", "BE254", "BE255", "BE256", "BE258",
                                     "BE328", "BE100"}
    assert prepared.features_in_file == 1514
    assert 10 < prepared.features_kept < 400        # neighbours kept, not the whole of Europe
    assert len(prepared.unknown) == 1514 - 10


# ---------------------------------------------------------------- projected files

@pytest.mark.parametrize("epsg,path,prop", [(3812, BELGIUM, "nis"), (2154, NORD, "code"), (3035, NORD, "code")])
def test_a_declared_projected_crs_is_reprojected_to_wgs84(epsg, path, prop):
    raw = reprojected(path, epsg)
    bfile = boundaries.read_boundary_file(raw, f"projected-{epsg}.geojson")
    assert bfile.crs == f"EPSG:{epsg}"
    texts = bfile.notice_texts("en")
    assert any(f"EPSG:{epsg}" in text and "reprojected to WGS84" in text for text in texts)
    original = read(path)
    assert np.allclose(boundaries._bounds([g for _, _, g in bfile.features]),
                       boundaries._bounds([g for _, _, g in original.features]), atol=1e-4)
    prepared = boundaries.prepare_boundaries(bfile, prop, TERRITORIES)
    assert set(prepared.matched) == set(boundaries.prepare_boundaries(original, prop, TERRITORIES).matched)


@pytest.mark.parametrize("epsg", [2154, 3812])
def test_an_undeclared_projected_crs_is_recognised_from_its_coordinates(epsg):
    raw = reprojected(BELGIUM if epsg == 3812 else NORD, epsg, declare=False)
    bfile = boundaries.read_boundary_file(raw, "no-crs.geojson")
    assert bfile.crs == f"EPSG:{epsg}"
    assert any("does not declare" in text for text in bfile.notice_texts("en"))
    west, south, east, north = boundaries._bounds([g for _, _, g in bfile.features])
    assert 2 < west < east < 5 and 49.5 < south < north < 51.5


def test_unrecognisable_projected_coordinates_are_refused_with_a_clear_message():
    square = [[[9.0e6, 9.0e6], [9.1e6, 9.0e6], [9.1e6, 9.1e6], [9.0e6, 9.0e6]]]
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": "59350"}, "geometry": {"type": "Polygon", "coordinates": square}}]}
    with pytest.raises(boundaries.BoundaryError) as caught:
        boundaries.read_boundary_file(json.dumps(doc).encode(), "lambert-sans-crs.geojson")
    assert caught.value.key == "map_err_crs_missing"
    for lang in ("fr", "nl", "en"):
        assert "lambert-sans-crs.geojson" in caught.value.message(lang)
    assert "EPSG:4326" in caught.value.message("en")


def test_an_unknown_declared_crs_is_refused():
    doc = json.loads(NORD.read_text(encoding="utf-8"))
    doc["crs"] = {"type": "name", "properties": {"name": "EPSG:999999"}}
    with pytest.raises(boundaries.BoundaryError) as caught:
        boundaries.read_boundary_file(json.dumps(doc).encode(), "odd-crs.geojson")
    assert caught.value.key == "map_err_crs_unknown"
    assert "odd-crs.geojson" in caught.value.message("fr") and "EPSG:999999" in caught.value.message("fr")


# ---------------------------------------------------------------- bad files

def test_a_file_with_no_matching_codes_is_refused_naming_the_file_and_codes():
    bfile = read(NORD, "communes.geojson")
    with pytest.raises(boundaries.BoundaryError) as caught:
        boundaries.prepare_boundaries(bfile, "nom", TERRITORIES)
    message = caught.value.message("en")
    assert caught.value.key == "map_err_no_match"
    assert "communes.geojson" in message and "“nom”" in message and "Abancourt" in message
    # With no known territory at all, every candidate property matches nothing.
    nobody = TERRITORIES.assign(territory_id=lambda d: "X" + d["territory_id"])
    assert all(c["matches"] == 0 for c in boundaries.code_properties(bfile, nobody["territory_id"]))
    with pytest.raises(boundaries.BoundaryError):
        boundaries.prepare_boundaries(bfile, "code", nobody)


def test_a_single_feature_is_accepted_as_a_collection_of_one():
    doc = json.loads(NORD.read_text(encoding="utf-8"))
    lille = next(f for f in doc["features"] if f["properties"]["code"] == "59350")
    bfile = boundaries.read_boundary_file(json.dumps(lille).encode(), "lille.geojson")
    assert len(bfile.features) == 1
    assert [k for k, _ in bfile.notices] == ["map_note_single_feature"]
    assert "lille.geojson" in bfile.notice_texts("fr")[0]
    prepared = boundaries.prepare_boundaries(bfile, "code", TERRITORIES)
    assert prepared.matched == ["59350"]


def test_invalid_json_is_refused_with_line_and_column():
    raw = NORD.read_bytes()[:5000]
    with pytest.raises(boundaries.BoundaryError) as caught:
        boundaries.read_boundary_file(raw, "cut.geojson")
    assert caught.value.key == "map_err_json"
    for lang in ("fr", "nl", "en"):
        assert "cut.geojson" in caught.value.message(lang)
    assert caught.value.params["line"] == 1 and caught.value.params["column"] > 4000


def test_a_50_mb_file_is_refused_before_it_is_parsed():
    raw = b'{"type": "FeatureCollection", "features": []}' + b" " * (50 * 1024 * 1024)
    with pytest.raises(boundaries.BoundaryError) as caught:
        boundaries.read_boundary_file(raw, "france-entiere.geojson")
    assert caught.value.key == "map_err_too_big"
    assert caught.value.message("en").startswith("“france-entiere.geojson” is 50.0 MB")
    assert "pèse 50,0 Mo" in caught.value.message("fr") and f"limités à {boundaries.MAX_MB} Mo" in caught.value.message("fr")


@pytest.mark.parametrize("raw,key", [
    (b"", "map_err_empty"),
    (b"[1, 2, 3]", "map_err_not_geojson"),
    (b'{"type": "Polygon", "coordinates": [[[3, 50], [3.1, 50], [3.1, 50.1], [3, 50]]]}', "map_err_bare_geometry"),
    (b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"code": "59350"}, '
     b'"geometry": {"type": "Point", "coordinates": [3.06, 50.63]}}]}', "map_err_no_polygons"),
    (b'{"type": "Topology", "objects": {"x": {"type": "GeometryCollection", "geometries": '
     b'[{"type": "Polygon", "arcs": [[7]]}]}}, "arcs": []}', "map_err_topojson"),
])
def test_other_bad_files_get_a_message_naming_the_file(raw, key):
    with pytest.raises(boundaries.BoundaryError) as caught:
        boundaries.read_boundary_file(raw, "bad.json")
    assert caught.value.key == key
    assert all("bad.json" in caught.value.message(lang) for lang in ("fr", "nl", "en"))


def to_topojson(doc: dict, scale: float = 1e-5) -> dict:
    """A minimal TopoJSON encoder for the test: one quantised, delta-encoded arc per ring, every
    other ring stored reversed and referenced as ~index."""
    arcs, x0, y0 = [], 2.0, 49.0

    def encode(ring):
        q = [(round((x - x0) / scale), round((y - y0) / scale)) for x, y in ring]
        return [list(q[0])] + [[b[0] - a[0], b[1] - a[1]] for a, b in zip(q, q[1:])]

    def ring_ref(ring):
        if len(arcs) % 2:
            arcs.append(encode(ring[::-1]))
            return ~(len(arcs) - 1)
        arcs.append(encode(ring))
        return len(arcs) - 1

    geometries = []
    for f in doc["features"]:
        g = f["geometry"]
        if g["type"] == "Polygon":
            refs = [[ring_ref(r)] for r in g["coordinates"]]
        else:
            refs = [[[ring_ref(r)] for r in p] for p in g["coordinates"]]
        geometries.append({"type": g["type"], "arcs": refs, "properties": f["properties"]})
    return {"type": "Topology", "transform": {"scale": [scale, scale], "translate": [x0, y0]},
            "objects": {"municipalities": {"type": "GeometryCollection", "geometries": geometries},
                        "points": {"type": "GeometryCollection", "geometries": []}},
            "arcs": arcs}


def test_topojson_is_decoded_like_the_geojson_it_came_from():
    doc = json.loads(BELGIUM.read_text(encoding="utf-8"))
    raw = json.dumps(to_topojson(doc)).encode()
    bfile = boundaries.read_boundary_file(raw, "belgium.topojson")
    original = read(BELGIUM)
    assert bfile.source_type == "topojson" and len(bfile.features) == len(original.features)
    assert np.allclose(boundaries._bounds([g for _, _, g in bfile.features]),
                       boundaries._bounds([g for _, _, g in original.features]), atol=1e-4)
    areas = [g.area for _, _, g in bfile.features]
    assert np.allclose(areas, [g.area for _, _, g in original.features], rtol=1e-3)
    assert any("municipalities" in text for text in bfile.notice_texts("en"))
    assert boundaries.code_properties(bfile, TERRITORIES["territory_id"])[0]["property"] == "nis"


def test_numeric_codes_are_read_as_text_and_zero_padded_when_that_is_known():
    assert boundaries._code(34022) == "34022"
    assert boundaries._code(34022.0) == "34022"
    assert boundaries._code(1001, {"01001"}) == "01001"
    assert boundaries._code(" fre11 ", {"FRE11"}) == "FRE11"
    assert boundaries._code(None) is None and boundaries._code(float("nan")) is None


# ---------------------------------------------------------------- merged sets, border, offline style

@pytest.fixture(scope="module")
def geography() -> boundaries.Geography:
    sets = []
    for path, prop in ((NORD, "code"), (BELGIUM, "nis"), (NUTS3, "NUTS_ID")):
        prepared = boundaries.prepare_boundaries(read(path), prop, TERRITORIES)
        sets.append({"name": path.stem, "code_property": prop, "geojson": prepared.geojson, "saved_at": "",
                     "user": "test"})
    return boundaries.build_geography(sets, TERRITORIES)


def test_geography_merges_the_sets_and_draws_the_border(geography):
    assert {"59350", "34022", "57081", "FRE11", "BE254"} <= set(geography.shapes)
    assert len(geography.base_layers) == 3
    sizes = [len(layer["features"]) for layer in geography.base_layers]
    assert sizes[-1] == 648                      # the finest set (communes) is drawn last, on top
    points = np.array([p for path in geography.border for p in path])
    assert len(points) > 50
    # The border passes between Halluin (FR) and Menen (BE), and near Wattrelos / Estaimpuis.
    for lon, lat in ((3.125, 50.775), (3.24, 50.70)):
        assert np.min(np.hypot(points[:, 0] - lon, points[:, 1] - lat)) < 0.03
    # …but not through Lille or Kortrijk.
    for lon, lat in ((3.0586, 50.633), (3.2649, 50.828)):
        assert np.min(np.hypot(points[:, 0] - lon, points[:, 1] - lat)) > 0.03


def test_the_base_style_has_only_a_background_the_boundaries_and_the_border(geography, tmp_path):
    base = maps.write_base_map(tmp_path, geography, "/app/static/map/cache")
    url = base.style_url
    assert url.startswith("/app/static/map/cache/") and url.endswith(".json")
    style = json.loads((tmp_path / url.rsplit("/", 1)[1]).read_text())
    assert style == base.style
    assert [layer["type"] for layer in style["layers"]][0] == "background"
    assert {layer["type"] for layer in style["layers"]} == {"background", "fill", "line"}
    assert [layer["id"] for layer in style["layers"]][-2:] == ["border-casing", "border"]   # the border on top
    border = style["sources"].pop("border")["data"]["features"]
    assert [f["geometry"]["coordinates"] for f in border] == geography.border
    assert all(s["type"] == "geojson" and s["data"].startswith("/app/static/map/cache/")
               for s in style["sources"].values())
    assert "glyphs" not in style and "sprite" not in style and "http" not in json.dumps(style)
    # Three boundary sets and one file of every territory's shapes, named by their code only.
    assert len(list(tmp_path.glob("*.geojson"))) == 4
    shapes = json.loads((tmp_path / base.territories_url.rsplit("/", 1)[1]).read_text())
    assert {f["properties"]["code"] for f in shapes["features"]} == set(geography.shapes)
    assert all(set(f["properties"]) == {"code"} for f in shapes["features"])
    assert maps.write_base_map(tmp_path, geography, "/app/static/map/cache") == base     # content-addressed
    shipped = json.loads((ROOT / "static" / "map" / "style.json").read_text())
    assert shipped["sources"] == {} and [layer["type"] for layer in shipped["layers"]] == ["background"]


# ---------------------------------------------------------------- classes and legends

@pytest.mark.filterwarnings("ignore:Numba")
def test_classes_come_from_mapclassify():
    import mapclassify

    values = map_classes.values_frame(OBSERVATIONS, TERRITORIES, "QOL05")["value"].astype(float)
    assert len(values) < map_classes.JENKS_SAMPLE
    for method, scheme in (("quantiles", mapclassify.Quantiles), ("equal_interval", mapclassify.EqualInterval),
                           ("natural_breaks", mapclassify.FisherJenks)):
        classes = map_classes.classify(values, method, 5)
        assert classes.bins == pytest.approx(list(scheme(values.to_numpy(), k=5).bins))
        assert sum(classes.counts) == len(values) and len(classes.colors) == 5
    assert map_classes.classify([], "quantiles") is None
    few = map_classes.classify([1, 1, 2, 2], "quantiles", 5)
    assert few.bins == [1, 2] and few.counts == [2, 2]
    assert map_classes.classify([3.0], "natural_breaks", 5).counts == [1]
    # Many values: natural breaks on a deterministic sample, every value still in a class.
    many = np.random.default_rng(3).lognormal(8, 1, 2000)
    a, b = map_classes.classify(many, "natural_breaks", 5), map_classes.classify(many, "natural_breaks", 5)
    assert a.bins == b.bins and sum(a.counts) == 2000 and a.bins[-1] == many.max()


def test_legend_shows_class_bounds_in_the_users_number_format_and_a_no_data_class():
    classes = map_classes.classify([1234.5, 2000, 5000.25, 9999.9], "equal_interval", 2)
    fr, nl, en = (map_classes.legend(classes, lang, 1, no_data=3) for lang in ("fr", "nl", "en"))
    assert fr[0]["label"] == f"1{NNBSP}234,5 – 5{NNBSP}617,2"
    assert nl[0]["label"] == "1.234,5 – 5.617,2"
    assert en[1]["label"] == "5,617.2 – 9,999.9"
    assert fr[-1] == {"color": map_classes.NO_DATA_COLOR, "label": "Pas de donnée", "count": 3}
    assert en[-1]["label"] == "No data" and nl[-1]["label"] == "Geen gegevens"
    # Bounds that would read the same once rounded get more decimals.
    close = map_classes.classify([0.11, 0.12, 0.13, 0.14], "quantiles", 4)
    labels = [r["label"] for r in map_classes.legend(close, "en", 0)[:-1]]
    assert len(set(labels)) == len(labels) and "0.12" in labels[1]


def test_fewer_values_than_classes_give_one_label_per_value_with_no_shared_bound():
    """Two territories with a value (1 979 and 2 167): the classes read "1 979" and "1 979 – 2 167", as if
    1 979 were in both; each class holds one value, and its label is that value."""
    classes = map_classes.classify([1979, 2167], "quantiles", 5)
    labels = [r["label"] for r in map_classes.legend(classes, "fr", 0)[:-1]]
    assert labels == [f"1{NNBSP}979", f"2{NNBSP}167"]
    assert [r["count"] for r in map_classes.legend(classes, "fr", 0)[:-1]] == [1, 1]
    many = map_classes.classify(range(1, 11), "quantiles", 2)        # ranges stay ranges
    assert " – " in map_classes.legend(many, "en", 0)[1]["label"]


def test_palettes_are_colour_blind_safe_and_diverging_follows_the_desired_direction():
    values = list(range(1, 11))
    up = map_classes.classify(values, "quantiles", 5, "sunset", higher_is_better=True)
    down = map_classes.classify(values, "quantiles", 5, "sunset", higher_is_better=False)
    blue, red = map_classes.PALETTES["sunset"][0], map_classes.PALETTES["sunset"][-1]

    def near(a, b):
        return sum(abs(int(a[i:i + 2], 16) - int(b[i:i + 2], 16)) for i in (1, 3, 5)) < 60

    assert near(up.colors[-1], blue) and near(up.colors[0], red)      # higher is better: high = blue
    assert near(down.colors[-1], red) and near(down.colors[0], blue)
    seq = map_classes.classify(values, "quantiles", 5, "ylorbr")
    assert seq.colors[0] != map_classes.PALETTES["ylorbr"][0]                # the near-white end is left out
    assert len(set(seq.colors)) == 5 and map_classes.NO_DATA_COLOR not in seq.colors
    legend = map_classes.status_legend(["on_track", "on_track", "deterioration"], "en")
    # the icon and word of every other page (style.STATUS_ICONS, i18n.status_label)
    assert legend[0] == {"color": STATUS_COLORS["on_track"], "label": "▲ On track", "count": 2}


# ---------------------------------------------------------------- decks

def qol05(kind="commune"):
    return map_classes.values_frame(OBSERVATIONS, TERRITORIES, "QOL05", None, kind).assign(status="on_track")


def deck_json(deck) -> dict:
    text = deck.to_json()
    assert "\n" not in text                       # compact: pydeck's indentation triples shapes
    return json.loads(text)


def test_without_boundaries_the_territories_are_proportional_circles_offline():
    frame = qol05()
    assert {"59350", "57096"} <= set(frame["territory_id"]) and "54007" not in set(frame["territory_id"])
    classes = map_classes.classify(frame["value"], "quantiles", 5)
    spec = deck_json(maps.values_deck(frame, "fr", classes=classes, selected=["59350"], unit="inhabitants",
                                      decimals=0))
    assert spec["mapProvider"] == "maplibre" and spec["mapStyle"] == "/app/static/map/style.json"
    (layer,) = spec["layers"]
    assert layer["@@type"] == "ScatterplotLayer" and layer["id"] == "points" and layer["pickable"]
    rows = {r["territory_id"]: r for r in layer["data"]}
    assert len(rows) == len(frame)
    lille, menen = rows["59350"], rows["34027"]
    ratio = frame.set_index("territory_id").loc["59350", "value"] / frame.set_index("territory_id").loc["34027",
                                                                                                          "value"]
    assert lille["radius"] / menen["radius"] == pytest.approx(math.sqrt(ratio), rel=0.01)   # area ∝ value
    assert lille["value_fmt"].endswith("\u00a0inhabitants") and NNBSP in lille["value_fmt"]
    assert lille["lw"] > menen["lw"]                  # the selected territory is outlined
    tooltip = maps.tooltip("fr")["html"]
    assert "{value_fmt}" in tooltip and "Valeur" in tooltip
    online = deck_json(maps.values_deck(frame, "en", classes=classes, online=True))
    assert online["mapProvider"] == "carto" and "cartocdn" in online["mapStyle"]


def test_columns_instead_of_circles():
    frame = qol05()
    spec = deck_json(maps.values_deck(frame, "en", classes=map_classes.classify(frame["value"]), symbol="columns"))
    (layer,) = spec["layers"]
    assert layer["@@type"] == "ColumnLayer" and layer["extruded"] and spec["initialViewState"]["pitch"] == 45


def style_of(spec: dict) -> dict:
    """The MapLibre style a deck carries inline (a percent-encoded `data:` URL)."""
    from urllib.parse import unquote

    prefix = "data:application/json,"
    assert spec["mapStyle"].startswith(prefix)
    return json.loads(unquote(spec["mapStyle"][len(prefix):]))


def style_colours(style: dict) -> dict[str, str]:
    """territory code → fill colour, read back from the choropleth's `match` expression."""
    (fill,) = [layer for layer in style["layers"] if layer["id"] == "territories-fill"]
    expression = fill["paint"]["fill-color"]
    assert expression[:2] == ["match", ["get", "code"]]
    pairs = expression[2:-1]
    return {code: colour for codes, colour in zip(pairs[::2], pairs[1::2]) for code in codes}


def test_offline_maplibre_fills_the_shapes_and_the_deck_keeps_them_for_clicks(geography, tmp_path):
    frame = map_classes.values_frame(OBSERVATIONS, TERRITORIES, "QOL05", "2020", None)
    frame = frame[frame["kind"].isin(["commune", "epci"])].assign(status="not_assessed")
    classes = map_classes.classify(frame["value"], "natural_breaks", 4, "iridescent")
    base = maps.write_base_map(tmp_path, geography)
    spec = deck_json(maps.values_deck(frame, "nl", classes=classes, geography=geography, base=base,
                                      selected=["59350"]))
    layers = {layer["id"]: layer for layer in spec["layers"]}
    assert set(layers) == {"territories", "points"}            # the border is in the style
    shown = set(frame["territory_id"]) & set(geography.shapes)
    features = layers["territories"]["data"]["features"]
    assert {f["properties"]["territory_id"] for f in features} == shown
    assert all(f["properties"]["fill"][3] == 0 for f in features)    # invisible, but pickable
    assert layers["territories"]["pickable"] and not layers["territories"]["stroked"]
    style = style_of(spec)
    colours = style_colours(style)
    assert set(colours) == shown
    values = frame.set_index("territory_id")["value"]
    for code in ("59350", "34022", "57081"):
        assert colours[code] == classes.color(values[code]).upper()
    ids = [layer["id"] for layer in style["layers"]]
    assert ids.index("territories-fill") < ids.index("border") < ids.index("territories-selected")
    selected = next(layer for layer in style["layers"] if layer["id"] == "territories-selected")
    assert selected["filter"] == ["in", ["get", "code"], ["literal", ["59350"]]]
    assert style["sources"]["territories"]["data"] == base.territories_url
    assert "mapbox" not in spec["mapStyle"] and "cartocdn" not in spec["mapStyle"]
    # Status colouring: the same shapes, in the status colours.
    status = frame.assign(status=np.where(frame["country"] == "FR", "on_track", "deterioration"))
    colours = style_colours(style_of(deck_json(maps.values_deck(status, "en", colouring="status",
                                                                  geography=geography, base=base))))
    assert colours["59350"] == STATUS_COLORS["on_track"].upper()
    assert colours["57081"] == STATUS_COLORS["deterioration"].upper()
    # Online, the deck fills the shapes itself over the online basemap, and draws the border.
    online = deck_json(maps.values_deck(frame, "nl", classes=classes, geography=geography, base=base,
                                        online=True))
    layers = {layer["id"]: layer for layer in online["layers"]}
    assert {"territories", "border"} <= set(layers) and "cartocdn" in online["mapStyle"]
    assert all(f["properties"]["fill"][3] > 0 for f in layers["territories"]["data"]["features"])


def test_with_boundaries_a_choropleth_the_border_and_circles_for_territories_without_shape(geography):
    frame = map_classes.values_frame(OBSERVATIONS, TERRITORIES, "QOL05", "2020", None)
    frame = frame[frame["kind"].isin(["commune", "epci"])].assign(status="not_assessed")
    classes = map_classes.classify(frame["value"], "natural_breaks", 4, "iridescent")
    # No base map (a read-only app folder): the deck draws the shapes and the border itself.
    spec = deck_json(maps.values_deck(frame, "nl", classes=classes, geography=geography))
    layers = {layer["id"]: layer for layer in spec["layers"]}
    assert set(layers) == {"territories", "border_casing", "border", "points"}
    features = layers["territories"]["data"]["features"]
    codes = {f["properties"]["territory_id"] for f in features}
    assert codes == set(frame["territory_id"]) & set(geography.shapes)
    assert {p["territory_id"] for p in layers["points"]["data"]} == {"200093201", "245900428", "200040947"}
    lille = next(f for f in features if f["properties"]["territory_id"] == "59350")
    assert lille["properties"]["period"] == "2020" and lille["properties"]["name"] == "Rijsel"
    assert lille["properties"]["fill"][:3] == maps.rgba(classes.color(frame.set_index("territory_id")
                                                                        .loc["59350", "value"]))[:3]
    assert spec["mapStyle"] == "/app/static/map/style.json"
    assert spec["layers"][-1]["id"] == "points"       # circles on top of the shapes


def test_status_colouring_uses_the_status_palette(geography):
    frame = qol05().assign(status=lambda d: np.where(d["country"] == "FR", "on_track", "deterioration"))
    spec = deck_json(maps.values_deck(frame, "en", colouring="status", geography=geography))
    features = spec["layers"][0]["data"]["features"]
    colours = {f["properties"]["status_label"]: tuple(f["properties"]["fill"][:3]) for f in features}
    assert colours["▲ On track"] == tuple(maps.rgba(STATUS_COLORS["on_track"])[:3])
    assert colours["✖ Deterioration"] == tuple(maps.rgba(STATUS_COLORS["deterioration"])[:3])


def test_700_communes_with_boundaries_stay_light(tmp_path):
    """Every Nord commune and Belgian municipality with a value: the deck stays well under 3 MB."""
    sets, rows = [], []
    for path, prop, country in ((NORD, "code", "FR"), (BELGIUM, "nis", "BE")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        codes = [str(f["properties"][prop]) for f in doc["features"]]
        rows += [{"territory_id": c, "name_fr": c, "country": country, "kind": "commune", "lat": None,
                  "lon": None} for c in codes]
    territories = pd.DataFrame(rows)
    for path, prop in ((NORD, "code"), (BELGIUM, "nis")):
        prepared = boundaries.prepare_boundaries(read(path), prop, territories)
        sets.append({"name": path.stem, "code_property": prop, "geojson": prepared.geojson})
    geography = boundaries.build_geography(sets, territories)
    rng = np.random.default_rng(7)
    frame = territories.assign(value=rng.uniform(100, 100_000, len(territories)), period="2024",
                               status="on_track")
    for base in (None, maps.write_base_map(tmp_path, geography)):
        deck = maps.values_deck(frame, "fr", classes=map_classes.classify(frame["value"]), geography=geography, base=base)
        size = len(deck.to_json().encode())
        assert len(deck_json(deck)["layers"][0]["data"]["features"]) == 800
        assert size < 3_000_000, size


def _dots(layers: dict) -> list[dict]:
    return [g for g in layers["flow_ends"]["data"] if g["label"] == map_flows.DOT_GLYPH]


def _cosine(a, b) -> float:
    return (a[0] * b[0] + a[1] * b[1]) / (math.hypot(*a) * math.hypot(*b))


def test_an_arc_seen_from_above_leans_left_of_its_way_and_meets_both_ends():
    source, target = (0.0, 100.0), (0.0, 0.0)                    # going up the screen
    assert map_flows.arc_point(source, target, 0) == source and map_flows.arc_point(source, target, 1) == target
    middle = map_flows.arc_point(source, target, 0.5)
    assert middle[1] == 50 and middle[0] < -5                    # left of "up" is west


def test_flows_are_arcs_whose_width_follows_the_value_and_whose_direction_shows(geography):
    frame = map_flows.flows_frame(FLOWS, TERRITORIES, "MOB10")
    assert set(frame["period"]) == {"2023"} and len(frame) == 6
    deck = map_flows.flows_deck(frame, "fr", geography=geography, unit="persons", selected=["BE25"])
    spec = deck_json(deck)
    layers = {layer["id"]: layer for layer in spec["layers"]}
    arcs = layers["flows"]["data"]
    assert layers["flows"]["numSegments"] == map_flows.ARC_SEGMENTS
    assert layers["flows"]["@@type"] == "ArcLayer" and layers["flows"]["getTilt"] == 28
    top = frame["value"].max()
    for arc in arcs:
        value = frame[(frame["origin_id"] == arc["origin_id"]) & (frame["destination_id"] == arc["destination_id"])]
        assert arc["width"] == pytest.approx(max(1.0, map_flows.MAX_FLOW_WIDTH * value["value"].iloc[0] / top), abs=0.01)
        assert arc["source_color"][:3] == maps.rgba(maps.FLOW_ORIGIN)[:3]
        assert arc["target_color"][:3] == maps.rgba(maps.FLOW_DESTINATION)[:3]
    fre_be25 = next(a for a in arcs if a["origin_id"] == "FRE" and a["destination_id"] == "BE25")
    assert fre_be25["target_color"][3] == 255          # it touches the selected territory: not faded
    assert next(a for a in arcs if "BE25" not in (a["origin_id"], a["destination_id"]))["target_color"][3] < 255
    assert {e["territory_id"] for e in _dots(layers)} == {"FRE", "BE25", "BE32", "BE100"}
    # The deck's one tooltip reads each object's own text: an arc's or an end's, never a bare "{field}"
    fields = set(re.findall(r"{(\w+)}", deck._tooltip["html"]))   # what st.pydeck_chart hands to the browser
    assert fields and all(fields <= set(obj) for obj in arcs + layers["flow_ends"]["data"])
    assert (fre_be25["tip_title"], fre_be25["tip_detail"]) == (
        "Hauts-de-France → Province de Flandre-Occidentale", f"Valeur\u202f: 16{NNBSP}180\u00a0persons (2023) ⚑\u00a0provisoire\u00a0(p)")
    tips = {e["territory_id"]: (e["tip_title"], e["tip_detail"]) for e in _dots(layers)}
    assert tips["FRE"] == ("Hauts-de-France", "France")
    assert "border" in layers
    # The direction reads without the colours: one arrowhead per arc, at its destination, pointing along it.
    heads = [g for g in layers["flow_ends"]["data"] if g["label"] == map_flows.HEAD_GLYPH]
    assert [(h["origin_id"], h["destination_id"]) for h in heads] == [(a["origin_id"], a["destination_id"])
                                                                       for a in arcs]
    order = [layer["id"] for layer in spec["layers"]]
    assert order.index("flows") < order.index("flow_ends")
    glyphs = [g["label"] for g in layers["flow_ends"]["data"]]
    assert glyphs == sorted(glyphs, key=lambda g: g != map_flows.HEAD_GLYPH)      # the dots over the tips
    zoom = spec["initialViewState"]["zoom"]
    for head, arc in zip(heads, arcs):
        assert [head["lon"], head["lat"]] == arc["target"] and "territory_id" not in head   # a click: no territory
        assert head["color"] == arc["target_color"]
        # ▲ turned by `angle` (anticlockwise, degrees) points where the drawn arc arrives: along its
        # last stretch (a tilted arc arrives across its chord) and never back towards the origin.
        angle = math.radians(head["angle"])
        pointing = (-math.sin(angle), -math.cos(angle))                 # screen pixels, y down
        source, target = (map_flows.world_pixels(*arc[k], zoom) for k in ("source", "target"))
        last = map_flows.arc_point(source, target, 1 - 1 / map_flows.ARC_SEGMENTS)
        arriving = (target[0] - last[0], target[1] - last[1])
        chord = (target[0] - source[0], target[1] - source[1])
        assert _cosine(pointing, arriving) > 0.9 and _cosine(pointing, chord) > 0
        # Moved back from the destination's centre along the arc, by the dot's radius and half the head.
        back = math.hypot(*head["offset"])
        size = head["size"] * map_flows.GLYPH_EM
        assert _cosine(head["offset"], pointing) < -0.95
        assert back == pytest.approx(map_flows.END_RADIUS + size / 2, abs=0.2)
    # One layer for heads and dots, drawn in Streamlit's web font: each layer costs the browser 0.3–0.6 s
    # in software WebGL (bench/map.py), and a system font's ▲ sits elsewhere from one system to the next
    glyph_layer = layers["flow_ends"]
    assert glyph_layer["@@type"] == "TextLayer" and glyph_layer["fontFamily"] == "Source Sans, sans-serif"
    assert glyph_layer["pickable"] and len(glyph_layer["data"]) == len(heads) + 4
    dots = {e["territory_id"]: e for e in _dots(layers)}
    assert dots["BE25"]["size"] > dots["FRE"]["size"]                   # the selected territory
    legend = map_flows.flow_legend(frame, "en", "persons")
    assert legend[0]["width"] == map_flows.MAX_FLOW_WIDTH and legend[1]["label"].endswith("persons")
    earlier = map_flows.flows_frame(FLOWS, TERRITORIES, "MOB10", "2017")
    assert earlier["value"].sum() == pytest.approx(
        FLOWS[(FLOWS["indicator_id"] == "MOB10") & (FLOWS["period"] == "2017")]["value"].sum())


# ---------------------------------------------------------------- click → territory filter

@pytest.mark.parametrize("state,code", [
    ({"selection": {"indices": {"points": [3]}, "objects": {"points": [{"territory_id": "59350"}]}}}, "59350"),
    ({"selection": {"indices": {"territories": [0]},
                    "objects": {"territories": [{"type": "Feature", "properties": {"territory_id": "57081"}}]}}},
     "57081"),
    ({"selection": {"indices": {"flow_ends": [1]}, "objects": {"flow_ends": [{"territory_id": "BE25"}]}}}, "BE25"),
    ({"selection": {"indices": {"flow_ends": [0]}, "objects": {"flow_ends": [{"origin_id": "FRE"}]}}}, None),
    ({"selection": {"indices": {"flows": [1]}, "objects": {"flows": [{"origin_id": "FRE"}]}}}, None),
    ({"selection": {"indices": {}, "objects": {}}}, None),
    (None, None),
    ({}, None),
])
def test_a_click_is_read_as_a_territory_code(state, code):
    assert maps.territory_from_selection(state) == code


def test_a_map_click_sets_the_global_territory_filter():
    def script():
        import streamlit as st

        from pages import common

        common._follow_map_clicks()
        st.write(st.session_state.get(common.KEYS["territory"]))
        st.write(st.session_state.get("_map_clicked"))

    at = AppTest.from_function(script, default_timeout=30)
    at.session_state["f_territory"] = ["59350", "34022"]
    at.session_state["map_chart"] = {"selection": {"indices": {"points": [0]},
                                                   "objects": {"points": [{"territory_id": "57081"}]}}}
    at.run()
    assert not at.exception
    assert at.session_state["f_territory"] == ["57081"]
    # The same selection on the next rerun does not undo a filter changed since in the sidebar.
    at.session_state["f_territory"] = ["59350"]
    at.run()
    assert at.session_state["f_territory"] == ["59350"]
    # A click on empty space clears the selection but keeps the filter.
    at.session_state["map_chart"] = {"selection": {"indices": {}, "objects": {}}}
    at.run()
    assert at.session_state["f_territory"] == ["59350"] and "_map_clicked" not in at.session_state


# ---------------------------------------------------------------- the Map page (AppTest)

@pytest.fixture
def store(demo_url):
    """The app's store for this test: a fresh copy of the demo (tests/conftest.py)."""
    return demo_url


def remove_boundaries(url: str) -> None:
    """Delete every saved set, the demo's included, as an editor can."""
    from indicators.store import delete_boundaries, load_boundaries, open_store

    engine = open_store(url)
    for item in load_boundaries(engine):
        delete_boundaries(engine, item["name"])
    engine.dispose()


def save_fixture_boundaries(url: str, files=((NORD, "code"), (BELGIUM, "nis"))) -> None:
    from indicators.store import open_store, save_boundaries

    remove_boundaries(url)           # the fixture's sets replace the demo's
    engine = open_store(url)
    for path, prop in files:
        prepared = boundaries.prepare_boundaries(read(path), prop, TERRITORIES)
        save_boundaries(engine, path.stem, prepared.geojson, prop, "test")
    engine.dispose()


def open_map(query: dict | None = None, editor: str | None = None) -> AppTest:
    """The Map page; for an editor, with its boundaries section open (drawn only when open)."""
    at = AppTest.from_file(APP, default_timeout=90)
    at.context = {"locale": "fr-FR", "timezone": "Europe/Paris"}
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if editor:
        at.session_state["_editor"] = editor
        at.session_state["map_boundaries"] = True
    at.run()
    assert not at.exception, at.exception
    switch_page(at, "pages/map.py").run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def page_deck(at: AppTest) -> dict:
    (chart,) = at.get("deck_gl_json_chart")
    return json.loads(chart.proto.json)


def page_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    parts += [s.value for s in at.success] + [s.value for s in at.subheader]
    return "\n".join(str(p) for p in parts)


def test_map_page_shows_circles_when_no_boundaries_were_uploaded(store):
    remove_boundaries(store)
    at = open_map({"lang": "en", "indicator": "QOL05"})
    spec = page_deck(at)
    assert [layer["id"] for layer in spec["layers"]] == ["points", "place-names"]
    assert spec["mapProvider"] == "maplibre" and spec["mapStyle"].startswith("/app/static/map/")
    assert at.selectbox(key="f_indicator").value == "QOL05"
    assert "No boundaries uploaded" in page_text(at)
    assert "1,063" in page_text(at)                    # the legend, in English number format


def test_the_first_view_shows_an_indicator_the_strategy_acts_on_in_the_pages_units(store):
    """Not a context indicator (the population), and its unit in the page's language."""
    from indicators.units import unit_of

    at = open_map({"lang": "nl"})
    chosen = at.selectbox(key="f_indicator").value
    indicators = pd.read_csv(DEMO / "indicators.csv", dtype=str).set_index("indicator_id")
    assert indicators.at[chosen, "type"] != "context"
    unit = unit_of(indicators.loc[chosen].to_dict(), "nl")
    assert f"({unit})" in page_text(at) + "".join(str(m.value) for m in at.get("markdown"))
    at = open_map({"lang": "nl", "indicator": "QOL05"})   # a context indicator stays reachable, in Dutch units
    assert "(inwoners)" in "".join(str(m.value) for m in at.get("markdown")) + page_text(at)


def test_map_page_draws_a_choropleth_and_the_border_with_saved_boundaries(store):
    save_fixture_boundaries(store)
    at = open_map({"lang": "fr", "territory": "59350", "indicator": "QOL05"})
    spec = page_deck(at)
    layers = {layer["id"]: layer for layer in spec["layers"]}
    assert "territories" in layers and "border" not in layers        # MapLibre draws the border
    assert len(layers["territories"]["data"]["features"]) == 51
    style = style_of(spec)
    assert {"border", "territories"} <= set(style["sources"])
    assert len(style_colours(style)) == 51
    files = [s["data"] for s in style["sources"].values() if isinstance(s["data"], str)]
    assert len(files) == 3 and all((ROOT / "static" / "map" / "cache" / f.rsplit("/", 1)[1]).exists()
                                   for f in files)
    assert "1\u202f063" in page_text(at)               # the legend, in French number format
    # The chosen territory's card: name, latest values, link to the explorer.
    assert "Lille" in [s.value for s in at.subheader]
    assert any(m.label.startswith("Population (habitants, 20") for m in at.metric)   # the unit in French
    # and beside the number, which a long name's cut label would hide
    assert any(m.label.startswith("Population (") and m.value.endswith("habitants") for m in at.metric)


def test_map_page_shows_flows_of_a_flow_indicator(store):
    at = open_map({"lang": "en", "indicator": "MOB11"})
    spec = page_deck(at)
    layers = {layer["id"]: layer for layer in spec["layers"]}
    assert layers["flows"]["@@type"] == "ArcLayer" and len(layers["flows"]["data"]) == 12
    assert "12 flows in 2023" in page_text(at)
    # Each end is named, in the page's language, whatever its kind (communes, arrondissements, regions).
    ends = {e["territory_id"]: e["name"] for e in _dots(layers)}
    named = {n["territory_id"]: n["label"] for n in layers["place-names"]["data"]}
    assert ends and {tid: named.get(tid) for tid in ends} == {tid: map_labels.short_name(n) for tid, n in ends.items()}
    nl = {layer["id"]: layer for layer in page_deck(open_map({"lang": "nl", "indicator": "MOB11"}))["layers"]}
    nl_names = {n["territory_id"]: n["label"] for n in nl["place-names"]["data"]}
    assert {tid: nl_names.get(tid) for tid in ends} == {e["territory_id"]: map_labels.short_name(e["name"])
                                                        for e in _dots(nl)}
    assert (named["BE254"], nl_names["BE254"]) == ("Arrondissement of Kortrijk", "Arrondissement Kortrijk")
    assert named["200040947"] == "Cœur de Flandre agglo"     # a long name's bracketed note is left out


def test_map_page_colours_by_status(store):
    at = open_map({"lang": "en", "indicator": "ECO06"})
    at.button_group(key="map_colour").set_value("status").run()
    assert not at.exception
    layers = {layer["id"]: layer for layer in page_deck(at)["layers"]}
    fills = {tuple(f["properties"]["fill"][:3]) for f in layers["territories"]["data"]["features"]}
    fills |= {tuple(p["fill"][:3]) for p in layers.get("points", {"data": []})["data"]}
    assert fills <= {tuple(maps.rgba(c)[:3]) for c in STATUS_COLORS.values()}
    assert "Progress status" in page_text(at)


def test_the_boundaries_section_is_drawn_only_when_open(store):
    """Closed (as the page opens), the boundary sets' tables and uploader are not sent at all."""
    at = open_map({"lang": "en"})
    assert not at.get("file_uploader") and not at.dataframe
    assert at.get("deck_gl_json_chart")
    at.session_state["map_boundaries"] = True
    at.session_state["_editor"] = "Alice"
    at.run()
    assert not at.exception
    assert [u.key for u in at.get("file_uploader")] == ["map_upload_0"]
    assert any("demo-nuts3" in d.value.to_string() for d in at.dataframe)


def test_an_editor_uploads_checks_and_saves_boundaries(store):
    from indicators.store import load_boundaries, open_store

    at = open_map({"lang": "en"}, editor="Alice")
    at.file_uploader(key="map_upload_0").set_value((BELGIUM.name, BELGIUM.read_bytes(), "application/geo+json"))
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.selectbox(key="map_code_prop_0").value == "nis"
    text = page_text(at)
    assert "25 territories matched out of 152 shapes" in text
    at.button(key="map_save_0").click().run()
    assert not at.exception
    saved = load_boundaries(open_store(store))
    uploaded = [s for s in saved if s["user"] == "Alice"]       # beside the demo's sets
    assert [s["code_property"] for s in uploaded] == ["nis"] and len(uploaded[0]["geojson"]["features"]) == 152
    assert {s["name"] for s in saved if s["user"] == "demo"} == {"demo-nuts3", "demo-communes-nord",
                                                                "demo-communes-be"}
    assert any("Boundaries “belgium" in s.value for s in at.success)
    assert "territories" in {layer["id"] for layer in page_deck(open_map({"lang": "en"}))["layers"]}


@pytest.mark.parametrize("name,raw,expected", [
    ("broken.geojson", b'{"type": "FeatureCollection", "features": [', "“broken.geojson” is not valid JSON"),
    ("huge.geojson", b"{}" + b" " * (50 * 1024 * 1024), "“huge.geojson” is 50.0 MB"),
    ("points.geojson", b'{"type": "FeatureCollection", "features": []}', "“points.geojson” holds no polygon"),
])
def test_bad_uploads_get_a_message_naming_the_file_never_a_traceback(store, name, raw, expected):
    at = open_map({"lang": "en"}, editor="Alice")
    at.file_uploader(key="map_upload_0").set_value((name, raw, "application/json"))
    at.run()
    assert not at.exception
    assert any(e.value.startswith(expected) for e in at.error), [e.value for e in at.error]


def test_a_file_whose_codes_match_nothing_is_not_saved(store):
    from indicators.store import load_boundaries, open_store

    doc = json.loads(NORD.read_text(encoding="utf-8"))
    for f in doc["features"]:
        f["properties"] = {"insee": "X" + f["properties"]["code"], "nom": f["properties"]["nom"]}
    at = open_map({"lang": "fr"}, editor="Alice")
    at.file_uploader(key="map_upload_0").set_value(("autre.geojson", json.dumps(doc).encode(), "application/json"))
    at.run()
    assert not at.exception
    assert any("« autre.geojson »" in e.value and "aucun code" in e.value for e in at.error)
    assert not [b for b in at.button if b.key == "map_save_0"]
    assert {s["user"] for s in load_boundaries(open_store(store))} == {"demo"}    # nothing of Alice's saved


def test_map_texts_exist_in_three_languages():
    keys = [k for k in i18n.TEXTS if k.startswith("map_")]
    assert len(keys) > 60
    assert all(i18n.TEXTS[k].get(lang) for k in keys for lang in ("fr", "nl", "en"))


def test_a_code_given_to_two_shapes_is_named_with_both_features():
    def square(x, code, name):
        ring = [[x, 50.6], [x + 0.05, 50.6], [x + 0.05, 50.65], [x, 50.65], [x, 50.6]]
        return {"type": "Feature", "properties": {"code": code, "nom": name},
                "geometry": {"type": "Polygon", "coordinates": [ring]}}

    doc = {"type": "FeatureCollection", "features": [square(3.0, "59350", "Lille"), square(3.1, "59512", "Roubaix"),
                                                     square(3.2, "59350", "Lille-Hellemmes")]}
    territories = pd.read_csv(DEMO / "territories.csv", dtype=str)
    bfile = boundaries.read_boundary_file(json.dumps(doc).encode(), "doublons.geojson")
    prepared = boundaries.prepare_boundaries(bfile, "code", territories)
    assert prepared.duplicates == [{"code": "59350", "features": "#1 Lille, #3 Lille-Hellemmes"}]
    said = i18n.t("map_duplicate_codes", "fr", list="59350 (#1 Lille, #3 Lille-Hellemmes)")
    assert "59350" in said and "plusieurs contours" in said


def test_the_shipped_boundaries_name_their_sources_under_the_map(store):
    from indicators.demo_boundaries import attribution

    at = open_map({"lang": "fr"})
    said = attribution("fr")            # GISCO's copyright line in the page's language
    assert said.startswith("Contours : ") and "EuroGeographics pour" in said and said in page_text(at)
    remove_boundaries(store)                      # an editor replaced or deleted them: no attribution
    at = open_map({"lang": "fr"})
    assert "Contours :" not in page_text(at)


def test_an_uploaded_set_replaces_the_demo_shapes_it_shares_codes_with():
    """Whatever the names sort like ('zz' after 'demo-…'), an editor's upload wins over a shipped set,
    and of two uploads the newer wins."""
    from indicators.demo_boundaries import DEMO_USER

    def square(x: float) -> dict:
        return {"type": "Polygon", "coordinates": [[[x, 50.6], [x + 0.01, 50.6], [x + 0.01, 50.61], [x, 50.6]]]}

    def one(name: str, x: float, user: str, saved_at: str) -> dict:
        feature = {"type": "Feature", "properties": {"code": "59350"}, "geometry": square(x)}
        return {"name": name, "code_property": "code", "user": user, "saved_at": saved_at,
                "geojson": {"type": "FeatureCollection", "features": [feature]}}

    demo = one("demo-communes-nord", 3.0, DEMO_USER, "2026-01-01T00:00:00")
    old = one("aa-old-upload", 3.1, "editor", "2026-02-01T00:00:00")
    new = one("zz-new-upload", 3.2, "editor", "2026-03-01T00:00:00")
    for sets in ([demo, new], [new, demo], [demo, old, new], [old, new, demo]):
        geography = boundaries.build_geography(sets, TERRITORIES)
        assert geography.shapes["59350"] == [square(3.2)]
    assert boundaries.build_geography([demo], TERRITORIES).shapes["59350"] == [square(3.0)]


def test_only_the_ends_of_the_widest_flows_are_named_first():
    frame = pd.DataFrame({"origin_id": [f"O{i}" for i in range(100)], "destination_id": [f"D{i}" for i in range(100)],
                          "value": [float(i) for i in range(100)]})
    named = map_flows.named_ends(frame, limit=3)
    assert named == {"O99", "D99", "O98", "D98", "O97", "D97"}
    assert map_flows.named_ends(frame.iloc[:0]) == set()


def test_a_legend_with_fewer_classes_than_chosen_says_why():
    """Five quantile classes asked of values with ties give four bounds: the map says so, in words,
    rather than leave a '5' above a legend of four rows."""
    from indicators.map_classes import classify, fewer_classes_note

    tied = [92.0, 92.3, 93.1, 94.5, 94.5, 96.1, 96.4, 96.5, 96.7, 97.0, 97.2, 99.6, 99.6, 99.6, 99.6]   # the demo's ECO07
    classes = classify(tied, "quantiles", 5)
    assert len(classes.bins) < 5
    assert fewer_classes_note(classes, 5, "fr") == f"{len(classes.bins)} classes au lieu de 5 : trop peu de " \
                                                   "valeurs différentes pour en faire plus."
    # one class is one, in each language's plural
    one = classify([5.0, 5.0, 5.0], "quantiles", 5)
    assert len(one.bins) == 1
    assert fewer_classes_note(one, 5, "fr").startswith("1 classe au lieu de 5")
    assert fewer_classes_note(one, 5, "en").startswith("1 class instead of 5")
    assert fewer_classes_note(classify(list(range(20)), "quantiles", 5), 5, "nl") is None


def test_the_legend_says_the_period_its_values_come_from(store):
    """'La plus récente' above a legend of values gave no year: one period shown, the legend's title
    ends with it; the demo's first map also says why it has fewer classes than chosen."""
    at = open_map({"indicator": "ECO07"})
    titles = [m.value for m in at.markdown if m.value.startswith("**Couverture en très haut débit")]
    assert len(titles) == 1 and re.search(r" · 20\d\d\*\*$", titles[0]), titles
    assert any("classes au lieu de 5" in str(c.value) for c in at.caption) or \
        any("classes au lieu de 5" in m.value for m in at.markdown)


def test_another_indicator_opens_on_its_latest_period(store):
    """A period chosen for one indicator (an old year of a flows indicator) was kept for the next one,
    which opened on one territory and '1 classes'."""
    at = open_map({"indicator": "CIT01"})
    periods = at.selectbox(key="map_period").options
    assert len(periods) > 2
    at.selectbox(key="map_period").select_index(2).run()
    assert at.selectbox(key="map_period").value != ""
    at.selectbox(key="f_indicator").set_value("ECO07").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="map_period").value == ""   # "La plus récente"
