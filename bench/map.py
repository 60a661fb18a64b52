"""Benchmark of the map builders: the size of the deck sent to the browser, and the time to a rendered map.

Three maps, built with the same functions as the Map page, each with its place names:

- a choropleth of the 648 Nord communes and the 152 Belgian municipalities of the fixtures
  (`../shared/fixtures/boundaries/`), every one with a value, simplified, with the border;
- 2,000 flows between random pairs of those communes (seeded numpy generator), ends named first;
- the Map page's first view of a fresh demo store: the boundaries shipped in data/demo/boundaries,
  the default indicator.

Printed: the time to read, join and simplify the boundary files, the time to build each deck, the
size of each deck's JSON (what `st.pydeck_chart` sends), and, with `--browser` (Debian's Chromium
through Playwright, software WebGL), the time from opening the page to the map drawn, on a warm
server (median of `--repeat` loads).

"Drawn" is judged on what is on screen, because MapLibre (the base map and, offline, the
choropleth's colours) loads its style and shapes after the deck's canvas exists: the map's
screenshot is taken again and again until it has not changed for a second; the map was drawn when
that final picture first appeared. The final picture must show what the map is for (the class
colours, the arcs, or the base map's outlines), else the load counts as failed.

Target: under 3 MB and under 1.5 seconds to a rendered map in Chromium. The time is counted
beyond the same page with a blank map (the background-only style, no deck layer: Streamlit's own
start and the map libraries' loading, which no map can shorten), so the boundaries drawn by the
base map count as part of the map. Also printed: the page with the base map alone (boundaries and
border, no deck layer).

    python bench/map.py [--browser] [--repeat 3]
"""
from __future__ import annotations

import argparse
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from indicators import boundaries, map_classes, map_flows, map_labels, maps  # noqa: E402
from tests.fixtures_dir import fixtures_dir  # noqa: E402

BOUNDARIES = fixtures_dir() / "boundaries"
FILES = (("communes-59-nord.geojson", "code", "FR"), ("belgium-municipalities_WVL_HAINAUT_BRU.derived.geojson",
                                                      "nis", "BE"))
TARGET_BYTES = 3_000_000
MAP_WIDTH, MAP_HEIGHT = 640, 560      # the Map page's map (pages/map.py)
TARGET_SECONDS = 1.5
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def build(n_flows: int = 2000, seed: int = 20240611):
    t0 = time.perf_counter()
    rows, files = [], []
    for name, prop, country in FILES:
        bfile = boundaries.read_boundary_file((BOUNDARIES / name).read_bytes(), name)
        files.append((bfile, prop))
        for props, _, geom in bfile.features:
            point = geom.representative_point()
            rows.append({"territory_id": str(props[prop]), "name_fr": str(props.get("nom") or props.get("name_fr")),
                         "country": country, "kind": "commune", "lat": point.y, "lon": point.x})
    territories = pd.DataFrame(rows)
    sets = []
    for bfile, prop in files:
        prepared = boundaries.prepare_boundaries(bfile, prop, territories)
        sets.append({"name": bfile.name, "code_property": prop, "geojson": prepared.geojson})
    geography = boundaries.build_geography(sets, territories)
    # As the Map page: the base map's files where the app serves them (content-addressed, shared).
    base = maps.write_base_map(ROOT / "static" / "map" / "cache", geography)
    t_boundaries = time.perf_counter() - t0

    rng = np.random.default_rng(seed)
    values = territories.assign(value=rng.lognormal(8, 1.2, len(territories)).round(0), period="2024",
                                status=rng.choice(["on_track", "limited_progress", "deterioration"], len(territories)))
    map_classes.classify([1.0, 2.0], "natural_breaks")          # import mapclassify outside the timing
    t0 = time.perf_counter()
    classes = map_classes.classify(values["value"], "natural_breaks", 5)
    choropleth = maps.values_deck(values, "fr", classes=classes, geography=geography, unit="habitants",
                                  decimals=0, base=base, width=MAP_WIDTH, height=MAP_HEIGHT)
    # the place names, as the Map page adds them
    choropleth.layers.append(map_labels.names_layer(territories, choropleth.initial_view_state, "fr",
                                                    MAP_WIDTH, MAP_HEIGHT))
    t_choropleth = time.perf_counter() - t0

    ids = territories["territory_id"].to_numpy()
    pairs = rng.choice(len(ids), size=(n_flows, 2))
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    flows = pd.DataFrame({"indicator_id": "F", "origin_id": ids[pairs[:, 0]], "destination_id": ids[pairs[:, 1]],
                          "period": "2024", "value": rng.lognormal(4, 1.5, len(pairs)).round(0)})
    t0 = time.perf_counter()
    frame = map_flows.flows_frame(flows, territories, "F")
    arcs = map_flows.flows_deck(frame, "fr", geography=geography, unit="personnes", base=base,
                                width=MAP_WIDTH, height=MAP_HEIGHT)
    ends = map_flows.named_ends(frame)
    arcs.layers.append(map_labels.names_layer(territories, arcs.initial_view_state, "fr", MAP_WIDTH, MAP_HEIGHT,
                                              ends, map_labels.LARGE_TOWN))
    t_flows = time.perf_counter() - t0
    demo, demo_classes, t_demo = demo_first_view()
    return {"territories": len(territories), "flows": len(frame), "geography": geography, "base": base,
            "colours": {"choropleth": classes.colors, "flows": [], "demo": demo_classes.colors},
            "times": {"boundaries": t_boundaries, "choropleth": t_choropleth, "flows": t_flows, "demo": t_demo},
            "decks": {"choropleth": choropleth, "flows": arcs, "demo": demo}}


def demo_first_view():
    """The Map page's first view of a fresh demo store: the shipped boundaries (data/demo/boundaries),
    the default indicator, the names; (deck, classes, seconds to build)."""
    from indicators.queries import load_flows, load_framework, load_observations
    from indicators.store import load_boundaries, load_demo, open_store

    with tempfile.TemporaryDirectory() as tmp:
        engine = open_store(f"sqlite:///{tmp}/demo.sqlite")
        load_demo(engine)
        fw, obs, sets = load_framework(engine), load_observations(engine), load_boundaries(engine)
        load_flows(engine)
        engine.dispose()
    t0 = time.perf_counter()
    geography = boundaries.build_geography(sets, fw["territories"])
    base = maps.write_base_map(ROOT / "static" / "map" / "cache", geography)
    code = map_classes.default_indicator(fw["indicators"], obs)
    kind = map_classes.kinds_with_values(obs, fw["territories"], code)[0][0]
    values = map_classes.values_frame(obs, fw["territories"], code, None, kind).assign(status="on_track")
    classes = map_classes.classify(values["value"], "quantiles", 5)
    deck = maps.values_deck(values, "fr", classes=classes, geography=geography, base=base,
                            width=MAP_WIDTH, height=MAP_HEIGHT)
    deck.layers.append(map_labels.names_layer(fw["territories"], deck.initial_view_state, "fr", MAP_WIDTH,
                                              MAP_HEIGHT))
    return deck, classes, time.perf_counter() - t0


APP = """
import pickle, sys
sys.path.insert(0, {root!r})
import streamlit as st
st.set_page_config(layout="wide")
deck = pickle.load(open({path!r}, "rb"))
st.pydeck_chart(deck, height=560)
"""


SETTLED = 1.0          # seconds without a change on screen before the map counts as drawn


def _pixels(png: bytes) -> np.ndarray:
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    return np.asarray(image.resize((image.width // 2, image.height // 2)), dtype=np.int16)


def shows(kind: str, pixels: np.ndarray, colours: list[str]) -> bool:
    """Whether a picture of the map shows what it is for (not a blank or half-loaded map)."""
    flat = pixels.reshape(-1, 3)
    if kind in ("choropleth", "demo"):   # the class colours on a twentieth of the picture (a blank map: none);
        near = np.zeros(len(flat), bool)  # the demo's first view colours 14 communes: a two-hundredth
        for colour in colours:
            near |= np.abs(flat - np.array(maps.rgba(colour)[:3])).sum(axis=1) < 24
        return near.mean() > (0.005 if kind == "demo" else 0.05)
    background = np.abs(flat - np.array(maps.rgba(maps.BACKGROUND)[:3])).sum(axis=1) < 6   # the base map
    outlines = (np.ptp(flat, axis=1) < 16) & (flat.max(axis=1) < 225)
    if kind == "blank":
        return background.mean() > 0.5
    if kind == "empty":
        return background.mean() > 0.2 and outlines.mean() > 0.01
    saturated = np.ptp(flat, axis=1) > 80                                                   # the arcs
    return background.mean() > 0.1 and saturated.mean() > 0.01


def browser_seconds(deck, repeat: int, kind: str, colours: list[str] = ()) -> list[float]:
    """Seconds from opening a page holding only this deck to the map drawn (warm server); None if never."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        deck_path = Path(tmp) / "deck.pickle"
        deck_path.write_bytes(pickle.dumps(deck))
        (Path(tmp) / "app.py").write_text(APP.format(root=str(ROOT), path=str(deck_path)))
        # The app's own settings and static files, so that the offline base-map style the decks name
        # (/app/static/map/...) is served as on the Map page, not a 404.
        (Path(tmp) / ".streamlit").mkdir()
        shutil.copy(ROOT / ".streamlit" / "config.toml", Path(tmp) / ".streamlit" / "config.toml")
        (Path(tmp) / "static").symlink_to(ROOT / "static")
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                                 "--server.port", str(port), "--server.address", "127.0.0.1",
                                 "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
                                cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                try:
                    if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                        break
                except OSError:
                    time.sleep(0.2)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
                    "--no-sandbox", "--use-gl=swiftshader", "--enable-unsafe-swiftshader",
                    "--disable-background-networking", "--disable-component-update"])
                times = []
                for i in range(repeat + 1):           # the first load warms the server up
                    page = browser.new_page(viewport={"width": 1400, "height": 900})
                    t0 = time.perf_counter()
                    page.goto(url)
                    chart = page.locator("[data-testid='stDeckGlJsonChart']").first
                    chart.locator("canvas").first.wait_for(timeout=60_000)
                    last, changed_at = None, time.perf_counter()
                    while time.perf_counter() - t0 < 60:
                        now = time.perf_counter()
                        pixels = _pixels(chart.screenshot(animations="allow"))
                        if last is None or np.abs(pixels - last).mean() > 0.3:
                            last, changed_at = pixels, now
                        elif now - changed_at >= SETTLED:
                            break
                    drawn = changed_at - t0 if shows(kind, last, list(colours)) else None
                    if i:
                        times.append(drawn)
                    page.close()
                browser.close()
        finally:
            proc.terminate()
            proc.wait(10)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browser", action="store_true", help="also time the rendering in Chromium")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--flows", type=int, default=2000)
    args = parser.parse_args()
    result = build(args.flows)
    times = result["times"]
    print(f"{result['territories']} communes with boundaries, {result['flows']} flows")
    print(f"read + join + simplify the two boundary files: {times['boundaries']:.2f} s")
    ok = True
    baseline = None
    if args.browser:  # the same page with a blank map: Streamlit's own start and the map libraries
        view = result["decks"]["choropleth"].initial_view_state
        for kind, style, what in (("blank", "/app/static/map/style.json", "a blank map (the baseline)"),
                                  ("empty", result["base"].style_url, "the base map alone (boundaries, border)")):
            seconds = browser_seconds(maps.CompactDeck(layers=[], map_provider="maplibre", map_style=style,
                                                       initial_view_state=view), args.repeat, kind)
            if None in seconds:
                print(f"page with {what}: never drawn")
                return 1
            print(f"page with {what}: {statistics.median(seconds):.2f} s")
            baseline = statistics.median(seconds) if kind == "blank" else baseline
    for name, deck in result["decks"].items():
        size = len(deck.to_json().encode())
        line = f"{name:<10} deck built in {times[name]:.2f} s, {size / 1e6:.2f} MB"
        if args.browser:
            seconds = browser_seconds(deck, args.repeat, name, result["colours"][name])
            if None in seconds:
                print(f"{line}: the map was not drawn in {seconds.count(None)} of {len(seconds)} loads")
                ok = False
                continue
            median = statistics.median(seconds)
            line += (f", rendered in Chromium in {median:.2f} s (median of {len(seconds)}), "
                     f"{median - baseline:.2f} s more than the blank map")
            ok &= median - baseline < TARGET_SECONDS
        ok &= size < TARGET_BYTES
        print(line)
    print(f"target: under {TARGET_BYTES / 1e6:.0f} MB and under {TARGET_SECONDS} s: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
