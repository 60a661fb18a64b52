"""A map without boundaries draws circles at the territories' coordinates: each circle carries its
territory's name, the names of places without a value never sit on a circle (the commune of Trier read as
the name of the Trier *region*'s circle), and the first view holds every circle whole (Saarbrücken's was
cut by the map's edge). Tester C's finding 6 (stop 29), on a Greater Region store."""
from __future__ import annotations

import json
import math

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators import map_classes, map_labels, maps
from indicators.importing import import_files
from indicators.store import open_store

from .conftest import ROOT, switch_page
from .helpers import write

APP = str(ROOT / "app.py")
WIDTH, HEIGHT = 540, 560      # pages/map.py: MAP_WIDTH, MAP_HEIGHT
AIR = 10                      # pixels between a circle and the frame's edge

TERRITORIES = pd.DataFrame([
    # regions measured (circles), communes only for orientation
    ("DEC0", "Sarre", "Saarland", "Saarland", "DE", "region", 49.3964, 7.023, 992666),
    ("DEB2", "Trèves (région)", "Regio Trier", "Trier region", "DE", "region", 49.75, 6.64, 533000),
    ("FRF3", "Lorraine", "Lotharingen", "Lorraine", "FR", "region", 48.87, 6.21, 2300000),
    ("07211000", "Trèves", "Trier", "Trier", "DE", "commune", 49.7596, 6.6439, 110636),
    ("10041100", "Sarrebruck", "Saarbrücken", "Saarbrücken", "DE", "commune", 49.2354, 6.9969, 180374),
    ("57227", "Forbach", "Forbach", "Forbach", "FR", "commune", 49.1883, 6.8964, 21232),
    ("57672", "Thionville", "Thionville", "Thionville", "FR", "commune", 49.3579, 6.1681, 40778),
    ("81001", "Arlon", "Aarlen", "Arlon", "BE", "commune", 49.6833, 5.8167, 30574),
], columns=["territory_id", "name_fr", "name_nl", "name_en", "country", "kind", "lat", "lon", "population"])
UNEMPLOYMENT = {"DEC0": 6.0, "DEB2": 4.1, "FRF3": 7.6}
PASSENGERS = {"10041100": 470300, "57227": 66800}          # Saarbrücken and Forbach: 10 km apart


def frame(values: dict[str, float]) -> pd.DataFrame:
    rows = TERRITORIES[TERRITORIES["territory_id"].isin(list(values))].copy()
    rows["value"] = rows["territory_id"].map(values)
    rows["period"] = "2024"
    return rows.reset_index(drop=True)


def names_of(deck, lang: str) -> list[dict]:
    layer = map_labels.names_layer(TERRITORIES, deck.initial_view_state, lang, WIDTH, HEIGHT,
                                   symbols=maps.drawn_symbols(deck))
    return json.loads(maps.CompactDeck(layers=[layer]).to_json())["layers"][0]["data"]


def world(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    """Web Mercator, a 512-pixel world at zoom 0 (deck.gl's), y growing southward."""
    scale = 512 * 2 ** zoom / (2 * math.pi)
    return scale * math.radians(lon), -scale * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def on_screen(view: dict, lon: float, lat: float) -> tuple[float, float]:
    """A point's position in the map's frame (pixels from its top left corner) at the first view."""
    x, y = world(lon, lat, view["zoom"])
    cx, cy = world(view["longitude"], view["latitude"], view["zoom"])
    return x - cx + WIDTH / 2, y - cy + HEIGHT / 2


def drawn(spec: dict) -> list[tuple[str, float, float, float]]:
    """(territory, lon, lat, radius in metres) of the deck's circles or columns, from its JSON."""
    out = []
    for layer in spec["layers"]:
        if layer["id"] in ("points", "columns"):
            out += [(p["territory_id"], p["lon"], p["lat"], p.get("radius", layer.get("radius")))
                    for p in layer["data"]]
    return out


@pytest.mark.parametrize("lang,names", [("fr", ["Sarre", "Trèves (région)", "Lorraine"]),
                                        ("en", ["Saarland", "Trier region", "Lorraine"])])
def test_every_circle_carries_its_territorys_name_and_no_other_name_sits_on_a_circle(lang, names):
    data = frame(UNEMPLOYMENT)
    deck = maps.values_deck(data, lang, classes=map_classes.classify(data["value"]), width=WIDTH, height=HEIGHT)
    symbols = maps.drawn_symbols(deck)
    assert sorted(s[0] for s in symbols) == sorted(UNEMPLOYMENT)
    labels = names_of(deck, lang)
    named = {p["territory_id"]: p for p in labels}
    assert [named[tid]["label"] for tid in ("DEC0", "DEB2", "FRF3")] == names
    # the Trier commune lies under the Trier region's circle: its name would read as the circle's
    assert "07211000" not in named
    view = json.loads(deck.to_json())["initialViewState"]
    zoom = view["zoom"]
    discs = {s[0]: map_labels.disc(*s, zoom=zoom) for s in symbols}
    for label in labels:
        box = map_labels.label_box(label, zoom)
        for tid, d in discs.items():
            nearest_x = min(max(d.x, box[0]), box[2])
            nearest_y = min(max(d.y, box[1]), box[3])
            gap = ((nearest_x - d.x) ** 2 + (nearest_y - d.y) ** 2) ** 0.5
            if label["territory_id"] == tid:          # its own name: just beside its edge
                assert d.radius <= gap <= d.radius + 8, (label["label"], gap, d.radius)
            else:                                      # no name over another territory's circle
                assert gap >= 0.9 * d.radius, (label["label"], tid)
    # the names of what the map shows in the text colour; places for orientation in grey
    assert {tuple(named[tid]["color"]) for tid in UNEMPLOYMENT} == {tuple(map_labels.TEXT_COLOR)}
    others = [p for p in labels if p["territory_id"] not in UNEMPLOYMENT]
    assert others and {tuple(p["color"]) for p in others} == {tuple(map_labels.ORIENTATION_COLOR)}


def test_a_place_with_a_value_drawn_as_a_shape_keeps_the_text_colour_beside_circles():
    """A map of shapes and circles (territories without a shape): the shapes' names are of territories
    the map shows, not orientation."""
    data = frame(UNEMPLOYMENT)
    deck = maps.values_deck(data, "fr", classes=map_classes.classify(data["value"]), width=WIDTH, height=HEIGHT)
    layer = map_labels.names_layer(TERRITORIES, deck.initial_view_state, "fr", WIDTH, HEIGHT,
                                   symbols=maps.drawn_symbols(deck), shown=[*UNEMPLOYMENT, "57672"])
    colour = {p["territory_id"]: tuple(p["color"]) for p in layer.data}
    assert colour["57672"] == tuple(map_labels.TEXT_COLOR)                       # Thionville: a shape with a value
    assert colour["81001"] == tuple(map_labels.ORIENTATION_COLOR)                # Arlon: no value


@pytest.mark.parametrize("symbol", ["circles", "columns"])
def test_the_first_view_holds_every_circle_whole(symbol):
    """Two towns 10 km apart: the larger circle's edge lay past the frame's edge."""
    data = frame(PASSENGERS)
    deck = maps.values_deck(data, "fr", classes=map_classes.classify(data["value"]), symbol=symbol,
                            width=WIDTH, height=HEIGHT)
    spec = json.loads(deck.to_json())
    view = spec["initialViewState"]
    symbols = drawn(spec)
    assert sorted(s[0] for s in symbols) == sorted(PASSENGERS)
    for tid, lon, lat, radius in symbols:
        x, y = on_screen(view, lon, lat)
        r = max(radius / (40_075_016.686 * math.cos(math.radians(lat)) / (512 * 2 ** view["zoom"])), 4)
        # whole, with air around it (its outline, a frame a pixel narrower): it touched the edge, and was cut
        assert AIR <= x - r and x + r <= WIDTH - AIR and AIR <= y - r and y + r <= HEIGHT - AIR, (tid, x, y, r)
    if symbol == "circles":     # and the circles' names too
        view_state = deck.initial_view_state
        box = map_labels.view_box(float(view_state.longitude), float(view_state.latitude), float(view_state.zoom),
                                  WIDTH, HEIGHT)
        labels = names_of(deck, "fr")
        assert {p["label"] for p in labels if p["territory_id"] in PASSENGERS} == {"Sarrebruck", "Forbach"}
        assert all(map_labels._inside(map_labels.label_box(p, view["zoom"]), box) for p in labels)


FILES = {
    "levels.csv": "level_id,name_fr,name_en\nregion,Grande Région,Greater Region\n",
    "themes.csv": "theme_id,name_fr,name_en\neconomy,Emploi,Jobs\n",
    "actions.csv": "action_id,level_id,theme_id,title_fr,title_en\nGR-A1,region,economy,Travail frontalier,Work\n",
    "indicators.csv": ("indicator_id,action_id,name_fr,name_en,unit,direction,type,decimals\n"
                       "A1-CHOM,GR-A1,Taux de chômage,Unemployment rate,%,decrease,result,1\n"),
    "observations.csv": "indicator_id,territory_id,period,value\n" + "".join(
        f"A1-CHOM,{tid},{year},{value + (2024 - year) * 0.3:.1f}\n" for tid, value in UNEMPLOYMENT.items()
        for year in (2020, 2024)),
}


def test_the_map_page_names_each_circle(tmp_path, monkeypatch):
    """The page hands the circles it draws to the names (pages/map.py): Saarland, Trier region,
    Lorraine on the map, the commune of Trier not."""
    territories = TERRITORIES.assign(levels="region")
    paths = [write(tmp_path, "territories.csv", territories.to_csv(index=False))]
    paths += [write(tmp_path, name, text) for name, text in FILES.items()]
    url = f"sqlite:///{tmp_path / 'gr.sqlite'}"
    engine = open_store(url)
    outcome = import_files(engine, paths, user="test")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems]
    engine.dispose()
    monkeypatch.setenv("INDICATORS_DB_URL", url)
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = "en"
    at.query_params["indicator"] = "A1-CHOM"
    at.run()
    switch_page(at, "pages/map.py").run()
    assert not at.exception, at.exception
    (chart,) = at.get("deck_gl_json_chart")
    layers = {layer["id"]: layer for layer in json.loads(chart.proto.json)["layers"]}
    assert sorted(p["territory_id"] for p in layers["points"]["data"]) == sorted(UNEMPLOYMENT)
    named = {p["territory_id"]: p["label"] for p in layers["place-names"]["data"]}
    assert {tid: named.get(tid) for tid in UNEMPLOYMENT} == {"DEC0": "Saarland", "DEB2": "Trier region",
                                                            "FRF3": "Lorraine"}
    assert "07211000" not in named
