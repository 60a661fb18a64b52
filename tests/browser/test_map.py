"""The Map page in a real browser (headless Chromium, software WebGL): circles without boundaries,
a choropleth and the border with boundaries, flows; a click on a territory sets the territory
filter (the URL gets territory=...) and opens its card. Everything offline: no request leaves
the machine. Screenshots go to docs/screenshots/map-*.png.
"""
from __future__ import annotations

import json
import math
import os
import re
import shutil
from io import BytesIO
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from ..conftest import FIXTURES, ROOT, switch_page
from ..test_maps import style_colours, style_of
from .conftest import shoot, start_app, stop_app, wait_for_app

BOUNDARIES = FIXTURES / "boundaries"
SETS = (("communes-59-nord.geojson", "code"), ("belgium-municipalities_WVL_HAINAUT_BRU.derived.geojson", "nis"))


def _save_boundaries(store_path) -> None:
    from indicators import boundaries
    from indicators.queries import load_framework
    from indicators.store import open_store, save_boundaries

    engine = open_store(f"sqlite:///{store_path}")
    territories = load_framework(engine)["territories"]
    for name, prop in SETS:
        bfile = boundaries.read_boundary_file((BOUNDARIES / name).read_bytes(), name)
        save_boundaries(engine, name.split(".")[0], boundaries.prepare_boundaries(bfile, prop, territories).geojson,
                        prop, "test")
    engine.dispose()


@pytest.fixture(scope="module")
def store_with_boundaries(demo_store_file, tmp_path_factory):
    path = tmp_path_factory.mktemp("map-browser") / "app.sqlite"
    shutil.copy(demo_store_file, path)
    _save_boundaries(path)
    return path


@pytest.fixture(scope="module")
def store_without_boundaries(demo_store_file, tmp_path_factory):
    """A copy of the demo store whose shipped boundaries an editor deleted."""
    from indicators.store import delete_boundaries, load_boundaries, open_store

    path = tmp_path_factory.mktemp("map-bare") / "app.sqlite"
    shutil.copy(demo_store_file, path)
    engine = open_store(f"sqlite:///{path}")
    for item in load_boundaries(engine):
        delete_boundaries(engine, item["name"])
    engine.dispose()
    return path


@pytest.fixture(scope="module")
def bare_url(store_without_boundaries):
    proc, url = start_app(store_without_boundaries)
    yield url
    stop_app(proc)


@pytest.fixture(scope="module")
def boundaries_url(store_with_boundaries):
    """The app on a copy of the demo store into which the Nord and Belgian boundaries were saved."""
    proc, url = start_app(store_with_boundaries)
    yield url
    stop_app(proc)


def first_view(store_path, query: dict) -> dict:
    """The deck the Map page sends for this store and URL, read with AppTest (same code, same data)."""
    from streamlit.testing.v1 import AppTest

    previous = os.environ.get("INDICATORS_DB_URL")
    os.environ["INDICATORS_DB_URL"] = f"sqlite:///{store_path}"
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        switch_page(at, "pages/map.py").run()
        (chart,) = at.get("deck_gl_json_chart")
        return json.loads(chart.proto.json)
    finally:
        if previous is None:
            os.environ.pop("INDICATORS_DB_URL", None)
        else:
            os.environ["INDICATORS_DB_URL"] = previous


def screen_point(page, view: dict, lon: float, lat: float) -> tuple[float, float]:
    """Where (lon, lat) is drawn on the map: Web Mercator, a 512-pixel world at zoom 0 (deck.gl)."""
    box = page.get_by_test_id("stDeckGlJsonChart").locator("canvas").first.bounding_box()
    scale = 512 * 2 ** view["zoom"] / (2 * math.pi)

    def merc(phi):
        return math.log(math.tan(math.pi / 4 + math.radians(phi) / 2))

    x = scale * (math.radians(lon) - math.radians(view["longitude"]))
    y = scale * (merc(view["latitude"]) - merc(lat))
    return box["x"] + box["width"] / 2 + x, box["y"] + box["height"] / 2 + y


def query(page) -> dict:
    return parse_qs(urlparse(page.url).query)


def no_error(page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.locator("[data-testid='stAlertContentError']")).to_have_count(0)


def track_requests(page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    return seen


def outside(requests: list[str]) -> list[str]:
    return [u for u in requests if urlparse(u).hostname not in ("127.0.0.1", "localhost") and
            not u.startswith(("data:", "blob:"))]


def open_map(page, url: str, query_string: str) -> None:
    page.goto(f"{url}/map?{query_string}")
    wait_for_app(page)
    page.get_by_test_id("stDeckGlJsonChart").locator("canvas").first.wait_for(state="visible")
    page.wait_for_timeout(1500)          # deck.gl draws on the next animation frames


def map_colours(page) -> int:
    """Distinct colours drawn in the map: a blank or single-colour canvas has almost none."""
    from PIL import Image

    image = Image.open(BytesIO(page.get_by_test_id("stDeckGlJsonChart").screenshot())).convert("RGB")
    return len(set(image.resize((200, 160)).getdata()))


def colours_on_screen(page, colours) -> set[str]:
    """Which of these "#RRGGBB" colours cover at least 0.2 % of the map's picture."""
    from PIL import Image

    image = Image.open(BytesIO(page.get_by_test_id("stDeckGlJsonChart").screenshot())).convert("RGB")
    pixels = list(image.resize((300, 200)).getdata())
    found = set()
    for colour in colours:
        rgb = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
        near = sum(1 for p in pixels if sum(abs(a - b) for a, b in zip(p, rgb)) < 12)
        if near >= 0.002 * len(pixels):
            found.add(colour)
    return found


PLACES = {"fr": ["Lille", "Courtrai", "Tournai", "Mouscron", "Dunkerque"],
          "nl": ["Rijsel", "Kortrijk", "Doornik", "Moeskroen", "Duinkerke"]}


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_a_fresh_store_shows_the_demo_boundaries_the_border_and_place_names(page, app_url, demo_store_file, lang):
    requests = track_requests(page)
    open_map(page, app_url, f"lang={lang}")
    page.wait_for_timeout(2500)          # the offline base map loads its boundaries (static files)
    no_error(page)
    shoot(page, f"map-fresh-{lang}")
    expect(page.get_by_text("Aucun contour chargé")).to_have_count(0)
    static = [u for u in requests if "/app/static/map/cache/" in u and u.endswith(".geojson")]
    assert len(static) >= 3, static      # the shipped boundaries, served to the offline base map
    spec = first_view(demo_store_file, {"lang": lang})
    style = style_of(spec)
    assert "border" in style["sources"] and any(layer["source"] == "border" for layer in style["layers"]
                                                if "source" in layer)
    layers = {layer["id"]: layer for layer in spec["layers"]}
    names = [p["label"] for p in layers["place-names"]["data"]]
    # Mouscron sits 4 km from Tourcoing: at the first (regional) view its name cannot fit without
    # overlapping a larger town's, so it is left out there (see report of issue 18)
    assert set(PLACES[lang]) - {PLACES[lang][3]} <= set(names), names
    # the shapes are drawn: the view's class colours cover the map
    assert len(colours_on_screen(page, set(style_colours(style).values()))) >= 3
    assert outside(requests) == [], outside(requests)


def test_without_boundaries_the_map_shows_circles_and_a_click_sets_the_filter(page, bare_url,
                                                                             store_without_boundaries):
    requests = track_requests(page)
    open_map(page, bare_url, "lang=fr")
    expect(page.get_by_role("heading", name="Carte", exact=True)).to_be_visible()
    expect(page.get_by_text("Aucun contour chargé")).to_be_visible()
    no_error(page)
    assert map_colours(page) > 40
    shoot(page, "map-circles-fr")
    # Lille's circle: the largest commune, drawn at its coordinates.
    view = first_view(store_without_boundaries, {"lang": "fr"})["initialViewState"]
    x, y = screen_point(page, view, 3.05858, 50.63297)
    page.mouse.click(x, y)
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"territory=59350"), timeout=15_000)
    expect(page.get_by_role("heading", name="Lille", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Voir dans l'explorateur")).to_be_visible()
    assert query(page)["territory"] == ["59350"]
    no_error(page)
    page.wait_for_timeout(800)
    shoot(page, "map-circles-click-fr")
    assert outside(requests) == [], outside(requests)          # offline: no tile server, no CDN


def test_with_boundaries_a_choropleth_the_border_and_a_click_on_a_shape(page, boundaries_url, store_with_boundaries):
    requests = track_requests(page)
    open_map(page, boundaries_url, "lang=en&indicator=QOL05")
    page.wait_for_timeout(2500)          # the offline base map loads its boundaries (static files)
    no_error(page)
    expect(page.get_by_text("Population (inhabitants)")).to_be_visible()
    assert map_colours(page) > 60
    static = [u for u in requests if "/app/static/map/cache/" in u]
    assert len([u for u in static if u.endswith(".geojson")]) >= 3     # boundaries and territories' shapes
    # MapLibre fills the shapes: the class colours of the view's style are on screen.
    spec = first_view(store_with_boundaries, {"lang": "en", "indicator": "QOL05"})
    colours = set(style_colours(style_of(spec)).values())
    assert len(colours) >= 3
    assert len(colours_on_screen(page, colours)) >= 3, colours
    shoot(page, "map-choropleth-en")
    # Tournai: a click inside its shape selects it.
    from shapely.geometry import shape

    doc = json.loads((BOUNDARIES / SETS[1][0]).read_text(encoding="utf-8"))
    tournai = shape(next(f for f in doc["features"] if f["properties"]["nis"] == "57081")["geometry"])
    point = tournai.representative_point()
    view = spec["initialViewState"]
    page.mouse.click(*screen_point(page, view, point.x, point.y))
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"territory=57081"), timeout=15_000)
    expect(page.get_by_role("heading", name="Tournai", exact=True)).to_be_visible()
    no_error(page)
    page.wait_for_timeout(800)
    shoot(page, "map-choropleth-click-en")
    assert outside(requests) == [], outside(requests)


def test_flows_are_drawn_as_arcs_over_the_boundaries(page, boundaries_url):
    open_map(page, boundaries_url, "lang=nl&indicator=MOB11")
    page.wait_for_timeout(2500)
    no_error(page)
    expect(page.get_by_text("12 stromen in 2023")).to_be_visible()
    assert query(page).get("indicator") == ["MOB11"]
    assert map_colours(page) > 40
    shoot(page, "map-flows-nl")


def test_status_colouring_in_the_browser(page, boundaries_url):
    open_map(page, boundaries_url, "lang=fr&indicator=ECO07")
    page.get_by_test_id("stButtonGroup").get_by_text("Statut de progrès").click()
    wait_for_app(page)
    page.wait_for_timeout(2500)
    no_error(page)
    expect(page.get_by_text("Statut de progrès").last).to_be_visible()
    shoot(page, "map-status-fr")
