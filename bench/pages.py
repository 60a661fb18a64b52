"""Page benchmark: every page against the floor of the same stack, in headless Chromium (issue 20).

Each page is timed from navigation to fully rendered: the app is connected, Streamlit's script state
is back to `notRunning`, no `stSkeleton` placeholder is left, and on pages that draw charts the first
chart is visible (a plotly SVG, or the map's canvas). The time is read in the page itself
(`performance.now()`, whose origin is the navigation start), polled on every animation frame.

The floor of a page is a Streamlit app with the same kinds of sidebar widgets (a segmented control,
selectboxes, a multiselect, a select slider, a radio, a button) and one plotly chart (for the chart
pages: Overview, Actions, Explorer), one pydeck map (for the Map page) or no chart (the other pages),
in a two-page `st.navigation` like the dashboard's. A page opened by its own path (/data) is compared
with its floor opened at /page: for any multipage app, Streamlit's frontend first asks
/<page>/_stcore/health and host-config (404) and then the root, ~0.1 s that a floor opened at / never
pays (seen in Chromium's resource timings); the Overview, at /, with its floor at /.
Whatever a page costs beyond its floor is ours to remove. All servers run at once and are measured
in the same run, interleaved, so that a busy machine weighs on all of them alike:

- the dashboard on the demo store,
- the dashboard on a large store: 200 indicators × 500 territories × 15 years (1.5 million
  observations, generated with bench/progress.py's `generate()`), built in a temporary SQLite file,
- the three floor apps.

Printed, each as seconds and as a ratio to its floor (medians of `--repeat` loads after one warm-up):
- first open with a cold browser profile (a new browser context for every load: a first visit) and a
  warm one (one context that has loaded the page before: a returning user). Targets: ≤ 1.3× the
  floor with the demo, ≤ 2× with the large store.
- in-app navigation (a click on a page in the sidebar of an open tab): ≤ 0.4 s with the demo, ≤ 1 s
  with the large store, on every page.
- a filter change (a theme chosen in the Overview's sidebar) against the chart floor's rerun (its
  sidebar button): ≤ the floor's rerun + 300 ms.

    python bench/pages.py [--repeat 3] [--indicators 200] [--territories 500] [--years 15] [--no-large]
"""
from __future__ import annotations

import argparse
import math
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import numpy as np
import pandas as pd
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from progress import LEVELS, THEMES, generate  # noqa: E402  (bench/progress.py)

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--use-gl=swiftshader", "--enable-unsafe-swiftshader"]
PLOTLY = "[data-testid='stPlotlyChart'] svg.main-svg"
DECK = "[data-testid='stDeckGlJsonChart'] canvas"
# page -> (url path, the first chart that must be visible, or None for a page without a chart on show)
PAGES = {
    "overview": ("", PLOTLY),
    "actions": ("actions", PLOTLY),
    "explorer": ("explorer", PLOTLY),
    "map": ("map", DECK),
    "data": ("data", None),
    "health": ("health", None),        # its charts wait in tabs that are not shown first
    "methodology": ("methodology", PLOTLY),   # its pictures of each status are plotly charts
}
FLOOR_OF = {PLOTLY: "floor_chart", DECK: "floor_map", None: "floor_plain"}
AT_PAGE = "@page"     # a floor opened at its second page's path, /page
DEMO_TARGET, LARGE_TARGET, RERUN_EXTRA = 1.3, 2.0, 0.300
NAV_TARGETS = {"demo": 0.4, "large": 1.0}
FLOOR_APP = """import pandas as pd
import streamlit as st

st.set_page_config(page_title="Floor", layout="wide")


def floor():
    with st.sidebar:
        st.segmented_control("Langue", ["fr", "nl", "en"], key="lang", default="fr")
        st.selectbox("Niveau", ["", "Communes frontalières", "Métropole"], key="level")
        st.selectbox("Thématique", ["", "Mobilité", "Climat"], key="theme")
        st.selectbox("Action", ["", "A01", "A02"], key="action")
        st.multiselect("Territoires", ["Lille", "Kortrijk", "Tournai"], key="territories")
        st.select_slider("Période", options=list(range(2010, 2025)), value=(2015, 2024), key="years")
        st.radio("Méthode", ["opensdg", "eurostat"], key="method")
        st.session_state.runs = st.session_state.get("runs", 0) + 1
        st.button(f"rerun {st.session_state.runs}", key="rerun")
    st.title("Floor")
    frame = pd.DataFrame({"year": range(2010, 2025), "value": [float(v * v) for v in range(15)],
                          "lat": [50.6 + v / 100 for v in range(15)], "lon": [3.0 + v / 50 for v in range(15)]})
    KIND = "{kind}"
    if KIND == "chart":
        import plotly.express as px

        st.plotly_chart(px.line(frame, x="year", y="value", labels={"year": "Année", "value": "Valeur"}))
    elif KIND == "map":
        import pydeck as pdk

        layer = pdk.Layer("ScatterplotLayer", frame, get_position=["lon", "lat"], get_radius=800,
                          get_fill_color=[0, 114, 178])
        st.pydeck_chart(pdk.Deck(layers=[layer], initial_view_state=pdk.ViewState(latitude=50.65, longitude=3.1,
                                                                                    zoom=8), map_style=None))
    else:
        st.write("hello")


# A multipage app like the dashboard: opened at a page's own path (/page), Streamlit's frontend first
# probes /page/_stcore/health and host-config (404) before the root, as it does for /data or /map.
st.navigation([st.Page(floor, title="Floor", url_path="floor", default=True),
               st.Page(lambda: floor(), title="Page", url_path="page")]).run()
"""
BARE_NAV_APP = """import streamlit as st

st.navigation([st.Page(lambda: st.write("hello"), title="A", url_path="a", default=True),
               st.Page(lambda: st.write("world"), title="B", url_path="b")]).run()
"""
NAV_ORDER = ["actions", "explorer", "map", "data", "health", "methodology", "overview"]

# Recorded in every page from its first byte: when a rerun was asked (a pointer down after arming),
# whether the script left `notRunning` since (rerunRequested, running…), and when the script first
# finished after the navigation.
INIT = """
window.__t0 = null; window.__armed = false; window.__left = false; window.__scriptDone = null;
document.addEventListener('pointerdown', () => {
  if (window.__armed && window.__t0 === null) window.__t0 = performance.now();
}, true);
new MutationObserver((records) => {
  for (const r of records) {
    const now = r.target.getAttribute('data-test-script-state');
    // Left `notRunning` after the click: either now, or in between (the change came from elsewhere).
    if (window.__armed && window.__t0 !== null && (r.oldValue !== 'notRunning' || now !== 'notRunning'))
      window.__left = true;
    if (window.__scriptDone === null && now === 'notRunning') window.__scriptDone = performance.now();
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-test-script-state'],
                      attributeOldValue: true});
"""
DONE = """([chart, afterRerun, sign]) => {
  const app = document.querySelector("[data-testid='stApp']");
  if (!app || app.dataset.testScriptState !== 'notRunning' || app.dataset.testConnectionState !== 'CONNECTED')
    return false;
  if (afterRerun && !window.__left) return false;
  if (sign && !eval(sign)) return false;
  if (document.querySelector("[data-testid='stSkeleton']")) return false;
  if (chart) {
    const el = document.querySelector(chart);
    if (!el) return false;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
  }
  return performance.now();
}"""


# ---------------------------------------------------------------- servers

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(script: str, cwd: Path, db_url: str | None = None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ}
    if db_url:
        env["INDICATORS_DB_URL"] = db_url
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
                             "--server.port", str(port), "--server.address", "127.0.0.1",
                             "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"],
                            cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"streamlit did not start: {script}")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


# ---------------------------------------------------------------- stores

def demo_store(path: Path) -> str:
    from indicators.store import load_demo, open_store

    engine = open_store(f"sqlite:///{path}")
    load_demo(engine)
    engine.dispose()
    return f"sqlite:///{path}"


def large_store(path: Path, n_ind: int, n_ter: int, n_years: int) -> tuple[str, str]:
    """A store of generate()'s frames: framework and targets imported as one batch, observations inserted."""
    from indicators.store import apply_import, open_store

    t0 = time.perf_counter()
    actions, indicators, observations, targets = generate(n_ind, n_ter, n_years)
    rng = np.random.default_rng(7)
    names = {"fr": "Niveau", "nl": "Niveau", "en": "Level"}
    levels = pd.DataFrame({"level_id": list(LEVELS), "order": range(1, len(LEVELS) + 1),
                           **{f"name_{lang}": [f"{word} {c}" for c in LEVELS] for lang, word in names.items()}})
    theme_names = {"fr": "Thème", "nl": "Thema", "en": "Theme"}
    themes = pd.DataFrame({"theme_id": list(THEMES), "order": range(1, len(THEMES) + 1),
                           "color": ["#0072B2", "#CC79A7", "#E69F00", "#009E73", "#56B4E9"][:len(THEMES)],
                           **{f"name_{lang}": [f"{word} {c}" for c in THEMES] for lang, word in theme_names.items()}})
    actions = actions.assign(**{f"title_{lang}": [f"{word} {a}" for a in actions["action_id"]]
                                for lang, word in {"fr": "Action", "nl": "Actie", "en": "Action"}.items()},
                             lead="Bench", status="ongoing", start_year=2010, end_year=2030)
    indicators = indicators.assign(**{f"name_{lang}": [f"{word} {i}" for i in indicators["indicator_id"]]
                                      for lang, word in {"fr": "Indicateur", "nl": "Indicator",
                                                         "en": "Indicator"}.items()},
                                   unit="u", type="result", aggregation="sum", decimals=1, source="bench",
                                   comparability="harmonised", owner="Bench", periodicity="annual")
    ter_ids = sorted(observations["territory_id"].unique())
    half = len(ter_ids) // 2
    territories = pd.DataFrame({
        "territory_id": ter_ids,
        **{f"name_{lang}": [f"Commune {t}" for t in ter_ids] for lang in ("fr", "nl", "en")},
        "country": ["FR"] * half + ["BE"] * (len(ter_ids) - half),
        "kind": "commune", "levels": "border|metropolis",
        "lat": np.round(50.6 + rng.normal(0, 0.25, len(ter_ids)), 4),
        "lon": np.round(3.1 + rng.normal(0, 0.4, len(ter_ids)), 4),
        "population": rng.integers(500, 200_000, len(ter_ids)),
    })
    from indicators.schema import TABLES

    def full(frame: pd.DataFrame, name: str) -> pd.DataFrame:
        return frame.reindex(columns=TABLES[name].names)

    tables = {"levels": full(levels, "levels"), "themes": full(themes, "themes"),
              "actions": full(actions, "actions"), "indicators": full(indicators, "indicators"),
              "territories": full(territories, "territories"), "targets": full(targets, "targets")}
    engine = open_store(f"sqlite:///{path}")
    apply_import(engine, tables, user="bench", files=[{"file": "bench/pages.py (generated)"}])
    cols = ["indicator_id", "territory_id", "period", "value"]
    frame = observations.dropna(subset=["value"])[cols]
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO observations (indicator_id, territory_id, period, value) "
                             "VALUES (?, ?, ?, ?)", list(zip(*(frame[c].tolist() for c in cols))))
    engine.dispose()
    return (f"sqlite:///{path}",
            f"{n_ind} indicators × {n_ter} territories × {n_years} years: {len(frame):,} observations, "
            f"{len(targets):,} target rows, {len(actions)} actions (built in {time.perf_counter() - t0:.0f} s)")


def theme_labels(db_url: str) -> list[tuple[str, str]]:
    """(code, French name) of the themes, in the sidebar's order."""
    from indicators.queries import load_framework
    from indicators.store import open_store

    engine = open_store(db_url)
    themes = load_framework(engine)["themes"]
    engine.dispose()
    if "order" in themes:
        themes = themes.sort_values("order")
    return list(zip(themes["theme_id"], themes["name_fr"]))


# ---------------------------------------------------------------- measures

TIMEOUT_S = 180          # a page slower than this counts as infinitely slow: a missed target
RERUN_TIMEOUT_S = 60     # the same for a rerun


def load(context, url: str, chart: str | None, browser=None) -> tuple[float, float]:
    """Seconds from navigation to a fully rendered page, in a fresh tab (a fresh Streamlit session),
    and, for the record, to the script's first finish. With `browser`, the tab opens in a new
    browser context (an empty cache: a first visit) instead of `context` (a returning user)."""
    cold = browser is not None
    if cold:
        context = new_context(browser)
    page = context.new_page()
    try:
        page.goto(url, wait_until="commit")
        done = page.wait_for_function(DONE, arg=[chart, False, None], polling="raf",
                                      timeout=TIMEOUT_S * 1000).json_value()
        return done / 1000, page.evaluate("() => window.__scriptDone") / 1000
    except PlaywrightTimeout:
        return math.inf, math.inf
    finally:
        page.close()
        if cold:
            context.close()


def new_context(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-FR")
    context.add_init_script(INIT)
    return context


def rerun(page, click, chart: str | None, sign: str, seen_leaving: bool) -> float:
    """Seconds from the pointer going down in `click()` to the rerun fully rendered: `sign` (a JS
    expression) shows the rerun's output, and with `seen_leaving` the script state must have left
    `notRunning` after the click (a reliable sign only for runs long enough to be drawn)."""
    page.evaluate("() => { window.__t0 = null; window.__left = false; window.__armed = true; }")
    click()
    try:
        done = page.wait_for_function(DONE, arg=[chart, seen_leaving, sign], polling="raf",
                                      timeout=RERUN_TIMEOUT_S * 1000).json_value()
    except PlaywrightTimeout:
        return math.inf
    t0 = page.evaluate("() => { window.__armed = false; return window.__t0; }")
    if t0 is None:
        raise RuntimeError("the click was not seen by the page")
    return (done - t0) / 1000


def open_ready(context, url: str, chart: str | None):
    page = context.new_page()
    page.goto(url, wait_until="commit")
    page.wait_for_function(DONE, arg=[chart, False, None], polling="raf", timeout=TIMEOUT_S * 1000)
    return page


def choose_theme(page, label: str):
    """Open the sidebar's theme list; the returned click chooses `label` (the timed part)."""
    box = page.get_by_role("combobox", name="Thématique")
    box.click()
    option = page.get_by_role("option", name=label, exact=True)
    option.wait_for()
    return option.click


def navigate(page, path: str, chart: str | None, text: str | None = None, title: str | None = None) -> float:
    """Seconds from a click on the sidebar's link to `path` ("" for the home page) to that page fully
    rendered, in the same tab (no reload: the app switches pages over its websocket). `text`: what the
    bare app's page writes; `title`: the page's heading. Either is the sign that the new page is drawn:
    a run too quick to be seen running (the script state may go running and back between two frames,
    leaving no trace in the DOM) must not be waited for, nor an old page's elements taken for the new."""
    # Streamlit's own list (the floors) or the dashboard's links, which carry the page's query
    links = page.locator("[data-testid='stSidebarNavLink'], [data-testid='stPageLink-NavLink']")
    # hrefs are absolute in Streamlit's list (…/actions), relative in st.page_link's (actions?lang=fr…)
    link = links.first if not path else links.and_(page.locator(
        f"[href='{path}'], [href^='{path}?'], [href$='/{path}'], [href*='/{path}?']"))
    sign = (f"location.pathname.endsWith('/{path}')" if path else
            "!/\\/[a-z]+$/.test(location.pathname)")
    if text:
        sign += (" && [...document.querySelectorAll(\"[data-testid='stMarkdownContainer']\")]"
                 f".some(e => e.innerText.trim() === {text!r})")
    if title:
        sign += (f" && (document.querySelector('h1') || {{}}).innerText === {title!r}"
                 " && !document.querySelector(\"[data-stale='true']\")")
    return rerun(page, link.click, chart, sign, seen_leaving=not (text or title))


def page_titles(context, url: str) -> dict[str, str]:
    """Each page's heading, read from the page opened on its own (the sign of navigate())."""
    titles = {}
    for name, (path, chart) in PAGES.items():
        page = open_ready(context, f"{url}/{path}?lang=fr", chart)
        titles[name] = page.evaluate("() => (document.querySelector('h1') || {}).innerText")
        page.close()
    return titles


def navigation_table(contexts, servers, stores, repeat: int) -> list[str]:
    """In-app navigation: every page reached by a sidebar click in one open tab, per store."""
    times: dict[tuple[str, str], list[float]] = {}
    page = open_ready(contexts["bare_nav"], servers["bare_nav"] + "/", None)
    for i in range(repeat * 2 + 1):
        value = navigate(page, "b", None, "world") if i % 2 == 0 else navigate(page, "", None, "hello")
        if i:
            times.setdefault(("bare", "nav"), []).append(value)
    page.close()
    for store in stores:
        titles = page_titles(contexts[store], servers[store])
        page = open_ready(contexts[store], f"{servers[store]}/?lang=fr", PLOTLY)
        for cycle in range(repeat + 1):
            for name in NAV_ORDER:
                path, chart = PAGES[name]
                value = navigate(page, path, chart, title=titles[name])
                if cycle:
                    times.setdefault((store, name), []).append(value)
        page.close()
    misses = []
    print(f"In-app navigation: a click on a page in the sidebar of an open tab to that page fully rendered "
          f"(median of {repeat}), seconds")
    print(f"{'bare two-page app (for the record)':<36}{seconds(statistics.median(times[('bare', 'nav')]), 8)}")
    print(f"{'page':<13}" + "".join(f"{store + ' s':>10}{'':<8}" for store in stores))
    for name in NAV_ORDER:
        line = f"{name:<13}"
        for store in stores:
            value = statistics.median(times[(store, name)])
            ok = value <= NAV_TARGETS[store]
            line += f"{seconds(value, 10)}  {'ok' if ok else 'MISSED':<6}"
            if not ok:
                misses.append(f"navigation to {name} with the {store} store: {value:.2f} s "
                              f"(target ≤ {NAV_TARGETS[store]:g} s)")
        print(line)
    print("targets: " + ", ".join(f"≤ {v:g} s with the {k} store" for k, v in NAV_TARGETS.items() if k in stores))
    print(flush=True)
    return misses


def seconds(value: float, width: int, digits: int = 2) -> str:
    return f"{value:>{width}.{digits}f}" if math.isfinite(value) else f"{'>' + str(TIMEOUT_S):>{width}}"


def load_table(stores, times, script) -> list[str]:
    """First open, cold and warm, each page as a ratio to its floor."""
    misses = []
    targets = {"demo": DEMO_TARGET, "large": LARGE_TARGET}
    print(f"First open: navigation to a fully rendered page (median of {len(times[('floor_plain', 'cold')])} "
          "after one warm-up), seconds and ratio to the page's floor;")
    print("cold: a new browser profile for each load (first visit); warm: a profile that loaded it before")
    print("'script' (warm) is when Streamlit's script first finished (the rest is the browser: skeletons, charts)")
    print("a page opened at its own path (/actions…) is compared with its floor opened at /page, the Overview (/)")
    print("with its floor at /: Streamlit probes /<page>/_stcore/health before the root for any multipage app")
    for floor in ("floor_chart", "floor_map", "floor_plain"):
        for at in ("", AT_PAGE):
            print(f"  {floor + at:<17} cold {seconds(statistics.median(times[(floor + at, 'cold')]), 6)} s   "
                  f"warm {seconds(statistics.median(times[(floor + at, 'warm')]), 6)} s")
    head = f"{'page':<13}"
    for store in stores:
        head += f"| {store + ' cold':>11}{'×floor':>7}{'':<7}{store + ' warm':>11}{'×floor':>7}{'':<7}{'script':>7} "
    print(head)
    for name, (path, chart) in PAGES.items():
        floor = FLOOR_OF[chart] + (AT_PAGE if path else "")
        line = f"{name:<13}"
        for store in stores:
            line += "| "
            for profile in ("cold", "warm"):
                value = statistics.median(times[((store, name), profile)])
                ratio = value / statistics.median(times[(floor, profile)])
                ok = ratio <= targets[store]
                line += f"{seconds(value, 11)}{ratio:>7.2f}  {'ok' if ok else 'MISSED':<5}"
                if not ok:
                    misses.append(f"{name}, {store} store, {profile} profile: {ratio:.2f}× its floor "
                                  f"(target ≤ {targets[store]:g}×)")
            line += f"{seconds(statistics.median(script[((store, name), 'warm')]), 7)} "
        print(line)
    print("targets: " + ", ".join(f"≤ {targets[k]:g}× the floor with the {k} store" for k in stores))
    return misses


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--indicators", type=int, default=200)
    parser.add_argument("--territories", type=int, default=500)
    parser.add_argument("--years", type=int, default=15)
    parser.add_argument("--no-large", action="store_true", help="skip the large store")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    procs = []
    started = time.perf_counter()
    misses: list[str] = []
    try:
        (tmp / "floor").mkdir()
        for kind in ("chart", "map", "plain"):
            (tmp / "floor" / f"floor_{kind}.py").write_text(FLOOR_APP.replace("{kind}", kind))
        (tmp / "floor" / "bare_nav.py").write_text(BARE_NAV_APP)
        if (ROOT / ".streamlit" / "config.toml").exists():   # same theme and client settings as the app
            (tmp / "floor" / ".streamlit").mkdir()
            shutil.copy(ROOT / ".streamlit" / "config.toml", tmp / "floor" / ".streamlit" / "config.toml")
        stores = {"demo": demo_store(tmp / "demo.sqlite")}
        print(f"demo store: data/demo; cores: {os.cpu_count()}; load average at start: "
              f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
        if not args.no_large:
            stores["large"], what = large_store(tmp / "large.sqlite", args.indicators, args.territories, args.years)
            print(f"large store: {what}", flush=True)
        servers = {}
        for name in ("floor_chart", "floor_map", "floor_plain", "bare_nav"):
            proc, servers[name] = start(f"{name}.py", tmp / "floor")
            procs.append(proc)
        for name, db_url in stores.items():
            proc, servers[name] = start("app.py", ROOT, db_url)
            procs.append(proc)

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            contexts = {name: new_context(browser) for name in servers}
            targets = [(floor, floor + at, servers[floor] + "/" + at.lstrip("@"), chart)
                       for chart, floor in FLOOR_OF.items() for at in ("", AT_PAGE)]
            for store in stores:
                targets += [(store, (store, page), f"{servers[store]}/{path}?lang=fr", chart)
                            for page, (path, chart) in PAGES.items()]
            # Warm-up: one load of everything (the large store's first load reads and assesses it all),
            # then the measured loads, interleaved so that the machine's load weighs on every page alike.
            for server, name, url, chart in targets:
                load(contexts[server], url, chart)
            times: dict[tuple, list[float]] = {}
            script: dict[tuple, list[float]] = {}
            for _ in range(args.repeat):
                for server, name, url, chart in targets:
                    for profile in ("cold", "warm"):
                        rendered, ran = load(contexts[server], url, chart, browser if profile == "cold" else None)
                        times.setdefault((name, profile), []).append(rendered)
                        script.setdefault((name, profile), []).append(ran)
            print()
            misses += load_table(stores, times, script)
            print(flush=True)

            # Reruns: the chart floor's sidebar button, then a theme chosen on the Overview (one warm-up each).
            reruns: dict[str, list[float]] = {}
            page = open_ready(contexts["floor_chart"], servers["floor_chart"] + "/", PLOTLY)
            button = page.get_by_role("button", name=re.compile(r"^rerun \d+$"))
            for i in range(args.repeat + 1):
                runs = int(button.inner_text().split()[-1])
                sign = f"[...document.querySelectorAll('button')].some(b => b.innerText.trim() === 'rerun {runs + 1}')"
                value = rerun(page, button.click, PLOTLY, sign, seen_leaving=False)
                if i:
                    reruns.setdefault("floor", []).append(value)
            page.close()
            for store in stores:
                labels = theme_labels(stores[store])
                page = open_ready(contexts[store], f"{servers[store]}/?lang=fr", PLOTLY)
                for i in range(args.repeat + 1):
                    code, label = labels[i % len(labels)]
                    # The script writes the theme into the URL as it runs; DONE then waits for its end.
                    sign = (f"new URLSearchParams(location.search).get('theme') === {code!r}"
                            " && !document.querySelector(\"[data-stale='true']\")")
                    value = rerun(page, choose_theme(page, label), PLOTLY, sign, seen_leaving=False)
                    if i:
                        reruns.setdefault(store, []).append(value)
                page.close()
            misses += navigation_table(contexts, servers, stores, args.repeat)
            browser.close()
    finally:
        for proc in procs:
            stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)

    floor_rerun = statistics.median(reruns["floor"])
    print(f"Rerun after a click (median of {args.repeat} after one warm-up), seconds")
    print(f"{'chart floor, sidebar button':<34}{seconds(floor_rerun, 7, 3)}   "
          f"(each: {', '.join(seconds(v, 0, 3) for v in reruns['floor'])})")
    for store in stores:
        value = statistics.median(reruns[store])
        extra = value - floor_rerun
        ok = math.isfinite(floor_rerun) and extra <= RERUN_EXTRA
        over = (f"{extra * 1000:+.0f} ms over the floor's rerun" if math.isfinite(extra)
                else "not comparable (a rerun did not finish)")
        print(f"{'Overview, theme filter, ' + store:<34}{seconds(value, 7, 3)}   {over} "
              f"(target ≤ +{RERUN_EXTRA * 1000:.0f} ms): {'ok' if ok else 'MISSED'}   "
              f"(each: {', '.join(seconds(v, 0, 2) for v in reruns[store])})")
        if not ok:
            misses.append(f"theme filter change with the {store} store: {over} "
                          f"(target ≤ +{RERUN_EXTRA * 1000:.0f} ms)")
    print()
    print(f"whole run: {time.perf_counter() - started:.0f} s; load average at the end: "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} (other processes slow every figure alike)")
    if misses:
        print(f"{len(misses)} target(s) NOT met:")
        for miss in misses:
            print(f"  - {miss}")
        return 1
    print("every target met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
