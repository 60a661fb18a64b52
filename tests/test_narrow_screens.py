"""The Overview and the Map at 1024 px (a meeting-room projector, sidebar open), without a browser:
the matrix's squares sized for the narrowest content column and its legend listing every band, the note
on two-decimal scores, the map's frame of one width and its first view fitted to it, and the boundaries'
copyright line in the page's language. tests/browser/test_narrow_screens.py looks at the same pages
in Chromium."""
from __future__ import annotations

import math

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators import i18n
from indicators import overview as O
from indicators.i18n import t
from indicators.style import STATUS_ICONS, STATUS_ORDER

from .conftest import DEMO, ROOT, switch_page
from .test_maps import open_map, page_deck, page_text, style_colours, style_of

CONTENT_AT_1024 = 564            # the page's content column at 1024 px, sidebar open (measured in Chromium)


@pytest.fixture
def store(demo_url):
    return demo_url


def _matrix(lang: str = "fr", statuses=("on_track", "acceleration_needed"), n_themes: int = 5):
    themes = pd.DataFrame({"theme_id": [f"t{i}" for i in range(n_themes)],
                           "name_fr": [f"Thème {i}" for i in range(n_themes)], "order": range(n_themes)})
    levels = pd.DataFrame({"level_id": ["border"], "name_fr": ["Frontière"], "order": [1]})
    cells = pd.DataFrame({"level_id": ["border"] * len(statuses), "theme_id": themes["theme_id"][:len(statuses)],
                          "status": list(statuses), "score": [3.0, 2.4527][:len(statuses)],
                          "n_actions": [1] * len(statuses)})
    return O.matrix_figure(cells, levels, themes, lang)


def test_the_squares_fit_side_by_side_in_the_narrowest_column():
    """Squares of 74 px, five abreast, overlapped at 1024 px (564 px of content): their side now leaves a
    gap in a column of that width, whatever the number of themes, and the axes hold one unit per column."""
    for n in (1, 3, 5, 8, 12):
        size = O.cell_size(n)
        column = (O.NARROWEST_COLUMN - O.LEVEL_LABELS) / n
        assert size <= 0.85 * column + 1e-9 or size == 24, (n, size, column)
    fig = _matrix()
    sizes = {trace.marker.size for trace in fig.data}
    assert sizes == {O.cell_size(5)} and O.cell_size(5) < 74
    assert tuple(fig.layout.xaxis.range) == (-0.5, 4.5) and fig.layout.xaxis.tickangle == 0


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_matrix_legend_lists_every_band_even_one_no_square_is_in(lang):
    fig = _matrix(lang)
    names = [trace.name for trace in fig.data if trace.showlegend is not False]
    assert names == [f"{STATUS_ICONS[s]} {i18n.status_label(s, lang)}" for s in STATUS_ORDER]
    # the bands without a square draw nothing and cannot be clicked
    empty = [trace for trace in fig.data if not trace.customdata]
    assert len(empty) == len(STATUS_ORDER) - 2
    assert all(list(trace.x) == [None] and trace.hoverinfo == "skip" for trace in empty)


def test_two_decimal_scores_are_explained_under_the_matrix(store):
    """The demo's "Communes frontalières × Mobilité" reads "2,45" (overview.shown_score): a caption says why."""
    cells = pd.DataFrame({"score": [3.0, 2.4527, None]})
    assert O.two_decimals(cells) and not O.two_decimals(cells.iloc[[0, 2]])
    for lang in ("fr", "nl", "en"):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
        at.query_params["lang"] = lang
        at.run()
        captions = [c.value for c in at.caption]
        note = t("matrix_two_decimals", lang)
        assert note in captions, captions
        # between the matrix's key and its click help, that is under the figure
        assert captions.index(t("matrix_score_key", lang)) < captions.index(note) < captions.index(t("matrix_help", lang))


def _project(view: dict, lon: float, lat: float, size) -> tuple[float, float]:
    """(x, y) of a point in a frame of `size` pixels centred on the view (Web Mercator, deck.gl)."""
    scale = 512 * 2 ** view["zoom"] / (2 * math.pi)

    def merc(phi):
        return math.log(math.tan(math.pi / 4 + math.radians(phi) / 2))

    return (size[0] / 2 + scale * (math.radians(lon) - math.radians(view["longitude"])),
            size[1] / 2 + scale * (merc(view["latitude"]) - merc(lat)))


def _inside(point, size) -> bool:
    return 0 <= point[0] <= size[0] and 0 <= point[1] <= size[1]


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_first_view_shows_every_coloured_territory_in_the_maps_frame(store, lang):
    """Fitted to the 580-px frame of 1280 px, Dunkerque and Courtrai, Zwevegem, Menin, Estaimpuis were cut
    off in the 391-px frame of 1024 px. The map's frame now has one width, which a 1024-px screen holds, and
    every territory the map colours, its whole shape, projects inside it."""
    from pages.map import MAP_HEIGHT, MAP_WIDTH

    frame = (MAP_WIDTH, MAP_HEIGHT)
    assert MAP_WIDTH <= CONTENT_AT_1024
    spec = page_deck(open_map({"lang": lang}))
    view = spec["initialViewState"]
    coloured = set(style_colours(style_of(spec)))
    assert len(coloured) >= 10
    territories = pd.read_csv(DEMO / "territories.csv", dtype={"territory_id": str}).set_index("territory_id")
    outside = [code for code in coloured
               if not _inside(_project(view, float(territories.at[code, "lon"]), float(territories.at[code, "lat"]),
                                       frame), frame)]
    assert not outside, outside
    (shapes,) = [layer for layer in spec["layers"] if layer["id"] == "territories"]
    corners = []

    def walk(c):
        if c and isinstance(c[0], (int, float)):
            corners.append(c)
        else:
            for x in c:
                walk(x)

    for feature in shapes["data"]["features"]:
        walk(feature["geometry"]["coordinates"])
    assert corners and all(_inside(_project(view, lon, lat, frame), frame) for lon, lat in corners)
    # the names are placed in that frame too: none is cut by its edge
    (names,) = [layer for layer in spec["layers"] if layer["id"] == "place-names"]
    assert all(_inside(_project(view, p["lon"], p["lat"], frame), frame) for p in names["data"])


@pytest.mark.parametrize("lang,line", [
    ("fr", "© EuroGeographics pour les limites administratives"),
    ("nl", "© EuroGeographics voor de administratieve grenzen"),
    ("en", "© EuroGeographics for the administrative boundaries"),
])
def test_the_boundaries_copyright_line_is_in_the_pages_language(store, lang, line):
    from indicators.demo_boundaries import ATTRIBUTION, attribution

    text = page_text(open_map({"lang": lang}))
    assert line in text
    assert (lang == "en") == ("for the administrative boundaries" in text)
    # the other sources are kept as written, in their order
    others = [p for p in ATTRIBUTION.split(" · ") if not p.startswith("© EuroGeographics")]
    said = attribution(lang)
    assert [said.index(p) for p in others] == sorted(said.index(p) for p in others) and said.index(line) > said.index(others[-1])
