"""Boundary files placed where their territories are, and refusals said in words (outside tester L of
session 30, findings 8 and 5's Map-page part).

- a file whose coordinates are written latitude first, or whose `crs` names a system its coordinates
  are not in, matches its codes but draws far away: the Map page says which shapes lie far from their
  territory's point (and, for swapped coordinates, that they would fit swapped) before Save;
- `"crs": "EPSG:4326"` (a plain text) is read, not refused as an unknown system named EPSG:4326;
- a refusal never carries the JSON parser's English words, Python's writing of a list, or an
  exception's name."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from indicators import boundaries

from .conftest import DEMO, FIXTURES

BOUNDARIES = FIXTURES / "boundaries"
TERRITORIES = pd.read_csv(DEMO / "territories.csv", dtype={"territory_id": str, "parent_id": str,
                                                           "replaced_by": str})
LILLE = [[3.0, 50.6], [3.1, 50.6], [3.1, 50.7], [3.0, 50.7], [3.0, 50.6]]   # around 59350's point (3.06 E, 50.63 N)
ROUBAIX = [[3.15, 50.67], [3.2, 50.67], [3.2, 50.72], [3.15, 50.72], [3.15, 50.67]]


def _file(rings: dict[str, list], crs=None) -> bytes:
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": code}, "geometry": {"type": "Polygon", "coordinates": [ring]}}
        for code, ring in rings.items()]}
    if crs is not None:
        doc["crs"] = crs
    return json.dumps(doc).encode()


def _prepared(raw: bytes, name: str = "f.geojson") -> boundaries.Prepared:
    return boundaries.prepare_boundaries(boundaries.read_boundary_file(raw, name), "code", TERRITORIES)


def test_territories_carry_the_points_the_check_uses():
    points = TERRITORIES.set_index("territory_id")[["lat", "lon"]]
    assert 50.6 < points.loc["59350", "lat"] < 50.7 and 3.0 < points.loc["59350", "lon"] < 3.1
    assert 50.65 < points.loc["59512", "lat"] < 50.72 and 3.15 < points.loc["59512", "lon"] < 3.2


def test_shapes_where_their_territories_are_raise_nothing():
    prepared = _prepared(_file({"59350": LILLE, "59512": ROUBAIX}))
    assert prepared.matched == ["59350", "59512"] and prepared.misplaced == [] and not prepared.swapped


@pytest.mark.parametrize("name,prop", [("communes-59-nord.geojson", "code"), ("NUTS_RG_60M_2021_4326_LEVL_3.geojson", "NUTS_ID"),
                                       ("belgium-municipalities_WVL_HAINAUT_BRU.derived.geojson", "nis")])
def test_real_files_raise_no_false_alarm(name, prop):
    """Coarse 1:60M regions miss their coasts by a few kilometres: still placed."""
    prepared = boundaries.prepare_boundaries(boundaries.read_boundary_file((BOUNDARIES / name).read_bytes(), name),
                                             prop, TERRITORIES)
    assert prepared.matched and prepared.misplaced == []


def test_latitude_written_first_is_said_naming_the_codes_and_the_swap():
    swapped = {code: [[y, x] for x, y in ring] for code, ring in (("59350", LILLE), ("59512", ROUBAIX))}
    prepared = _prepared(_file(swapped), "latlon.geojson")
    assert prepared.matched == ["59350", "59512"]                # the codes match: only the place is wrong
    assert [m["code"] for m in prepared.misplaced] and {m["code"] for m in prepared.misplaced} == {"59350", "59512"}
    assert all(m["km"] > 4000 for m in prepared.misplaced)       # the Indian Ocean
    assert prepared.swapped


def test_degrees_declared_as_lambert_93_are_said_far_away():
    prepared = _prepared(_file({"59350": LILLE}, crs={"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}}))
    (far,) = prepared.misplaced
    assert far["code"] == "59350" and far["km"] > 1000 and not prepared.swapped


def test_one_misplaced_shape_among_placed_ones_is_named_alone():
    away = [[x + 1.0, y] for x, y in ROUBAIX]                    # a degree east: ~70 km
    prepared = _prepared(_file({"59350": LILLE, "59512": away}))
    assert [m["code"] for m in prepared.misplaced] == ["59512"] and 40 < prepared.misplaced[0]["km"] < 100
    assert not prepared.swapped


def test_a_territory_without_a_point_is_not_judged():
    no_point = TERRITORIES.assign(lat=lambda d: d["lat"].where(d["territory_id"] != "59350"))
    swapped = [[y, x] for x, y in LILLE]
    bfile = boundaries.read_boundary_file(_file({"59350": swapped}), "f.geojson")
    assert boundaries.prepare_boundaries(bfile, "code", no_point).misplaced == []
    assert [m["code"] for m in boundaries.prepare_boundaries(bfile, "code", TERRITORIES).misplaced] == ["59350"]


# ---------------------------------------------------------------- the crs member

def test_a_crs_written_as_plain_text_is_read():
    bfile = boundaries.read_boundary_file(_file({"59350": LILLE}, crs="EPSG:4326"), "plain.geojson")
    assert bfile.crs is None and len(bfile.features) == 1
    from pyproj import Transformer

    to_lambert = Transformer.from_crs("EPSG:4326", "EPSG:2154", always_xy=True)
    lambert = [list(to_lambert.transform(x, y)) for x, y in LILLE]
    bfile = boundaries.read_boundary_file(_file({"59350": lambert}, crs="EPSG:2154"), "lambert.geojson")
    assert bfile.crs == "EPSG:2154"
    west, south, east, north = boundaries._bounds([g for _, _, g in bfile.features])
    assert 2.99 < west < 3.01 and 50.69 < north < 50.71
    assert _prepared(_file({"59350": lambert}, crs="EPSG:2154")).misplaced == []


@pytest.mark.parametrize("crs", [{"type": "name", "properties": {"name": ["x"]}}, ["EPSG:2154"], 4326,
                                 {"type": "name", "properties": "EPSG:2154"}, {"type": ["name"], "properties": {}}])
def test_a_crs_in_a_form_not_read_is_said_without_pythons_writing(crs):
    with pytest.raises(boundaries.BoundaryError) as caught:
        boundaries.read_boundary_file(_file({"59350": LILLE}, crs=crs), "odd.geojson")
    assert caught.value.key == "map_err_crs_form"
    for lang, word in (("fr", "crs"), ("nl", "crs"), ("en", "crs")):
        message = caught.value.message(lang)
        assert "odd.geojson" in message and word in message
        assert "['" not in message and "{'" not in message and "4326)" not in message.split("WGS84")[0]


# ---------------------------------------------------------------- refusals in words

@pytest.mark.parametrize("raw,key", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "map_err_json"),
    (b'{"type": "FeatureCollection", "features": [', "map_err_json"),
    (b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon",'
     b'"coordinates":' + b"[" * 70 + b"3,50" + b"]" * 70 + b"}}]}", "map_err_json_deep"),
    (_file({"59350": [[3.0, 50.6], [3.1, 50.6], [3.1, 50.7], [3.0, 50.7], [3.0, 50.6]]}).replace(b"50.7]", b"50.7 3]", 1),
     "map_err_json"),
])
def test_a_file_that_is_no_json_is_said_without_the_parsers_words(raw, key):
    with pytest.raises(boundaries.BoundaryError) as caught:
        boundaries.read_boundary_file(raw, "bad.geojson")
    assert caught.value.key == key
    for lang in ("fr", "nl", "en"):
        message = caught.value.message(lang)
        assert "bad.geojson" in message and "{" not in message
        for english in ("Expecting", "nesting", "delimiter", "Unterminated", "char "):
            assert english not in message, message
    if key == "map_err_json":
        assert isinstance(caught.value.params["line"], int) and isinstance(caught.value.params["column"], int)
    else:
        assert "64" in caught.value.message("en")


def test_a_json_error_inside_coordinates_is_placed_in_the_whole_file():
    """The coordinates are read apart from the rest (indicators/boundary_coordinates.py): an error in them is
    still said at its line and column in the file."""
    good = json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": "59512"}, "geometry": {"type": "Polygon", "coordinates": [ROUBAIX]}},
        {"type": "Feature", "properties": {"code": "59350"}, "geometry": {"type": "Polygon", "coordinates": [LILLE]}}]},
        indent=1)
    bad = good.replace("50.7\n", "50.7 3\n", 1)
    assert bad != good
    position = bad.index("50.7 3") + len("50.7 ")
    with pytest.raises(boundaries.BoundaryError) as caught:
        boundaries.read_boundary_file(bad.encode(), "bad.geojson")
    line = bad.count("\n", 0, position) + 1
    assert (caught.value.params["line"], caught.value.params["column"]) == (line, position - bad.rfind("\n", 0, position))


def test_a_shape_with_an_infinite_coordinate_is_skipped_not_a_crash():
    """`1e999` is JSON, and infinite: GEOS refused it with an exception the page showed by its name."""
    raw = _file({"59350": LILLE, "59512": ROUBAIX}).replace(b"3.2, 50.67", b"1e999, 50.67", 1)
    assert b"1e999" in raw
    bfile = boundaries.read_boundary_file(raw, "inf.geojson")
    assert [p["code"] for p, _, _ in bfile.features] == ["59350"]
    assert [key for key, _ in bfile.notices] == ["map_note_skipped"]


# ---------------------------------------------------------------- the Map page

@pytest.fixture
def store(demo_url):
    return demo_url


def test_the_map_page_says_misplaced_shapes_before_save(store):
    from .test_maps import open_map

    swapped = {"59350": [[y, x] for x, y in LILLE]}
    at = open_map({"lang": "fr"}, editor="Alice")
    at.file_uploader(key="map_upload_0").set_value(("latlon.geojson", _file(swapped), "application/json"))
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    (warning,) = [w.value for w in at.warning if "loin du point" in w.value]
    assert "59350 (Lille)" in warning and "km" in warning and "inversées" in warning
    assert [b for b in at.button if b.key == "map_save_0"]       # the editor may still save, told


def test_an_unexpected_failure_on_the_map_page_names_no_exception(store, monkeypatch):
    from .test_maps import open_map

    def broken(*args, **kwargs):
        raise KeyError("geometry")

    monkeypatch.setattr(boundaries, "prepare_boundaries", broken)
    at = open_map({"lang": "en"}, editor="Alice")
    at.file_uploader(key="map_upload_0").set_value(("ok.geojson", _file({"59350": LILLE}), "application/json"))
    at.run()
    assert not at.exception
    (error,) = [e.value for e in at.error]
    assert error.startswith("“ok.geojson” could not be read") and "KeyError" not in error and "geometry" not in error
