"""The Map page's place names on its first view (the demo, ECO07 by commune) are readable: no two names
touch (names 1-2 px apart, "Mouscron" over "Tourcoing", "Dunkerque" beside "Grande-Synthe", read as drawn on
top of each other), each has a halo that reads over a dark polygon or a border (deck.gl drew ~0.6 px around a
12 px name), and a chosen territory is named whatever its size (it was dropped like any small place)."""
from __future__ import annotations

import itertools
import json

import pytest

from indicators import map_labels

from .conftest import open_page

GAP = 6           # pixels at least between two names
HALO_PX = 1.4     # pixels of halo at least around the smallest name


def _names(query: dict) -> tuple[dict, dict]:
    at = open_page("pages/map.py", query)
    (chart,) = at.get("deck_gl_json_chart")
    deck = json.loads(chart.proto.json)
    (layer,) = [layer for layer in deck["layers"] if layer.get("id") == "place-names"]
    return deck["initialViewState"], layer


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_no_two_names_of_the_first_view_touch(demo_url, lang):
    view, layer = _names({"lang": lang})
    boxes = [(p["label"], map_labels.label_box(p, view["zoom"])) for p in layer["data"]]
    assert len(boxes) >= 12, [b[0] for b in boxes]              # the map still names its towns
    assert {"Lille", "Roubaix", "Tourcoing"} <= {b[0] for b in boxes} or lang != "fr"
    for (a, ba), (b, bb) in itertools.combinations(boxes, 2):
        apart = max(bb[0] - ba[2], ba[0] - bb[2], bb[1] - ba[3], ba[1] - bb[3])
        assert apart >= GAP, (lang, a, b, round(apart, 1))


def test_each_name_has_a_halo_that_reads_over_a_polygon(demo_url):
    _, layer = _names({"lang": "fr"})
    settings = layer["fontSettings"]
    atlas = settings.get("fontSize", 64)                           # deck.gl's glyphs are drawn at 64 px
    smallest = min(p["size"] for p in layer["data"])
    assert layer["outlineWidth"] * smallest / atlas >= HALO_PX, (layer["outlineWidth"], settings)
    # the outline must fit in the glyphs' padding and distance field, or it is cut
    assert settings.get("buffer", 4) >= layer["outlineWidth"] and settings.get("radius", 12) >= layer["outlineWidth"]
    assert layer["outlineColor"][3] == 255


@pytest.mark.parametrize("code, name", [("59426", "Neuville-en-Ferrain"), ("59650", "Wattrelos")])
def test_a_chosen_territory_is_named(demo_url, code, name):
    view, layer = _names({"lang": "fr", "territory": code})
    chosen = [p for p in layer["data"] if p["territory_id"] == code]
    assert [p["label"] for p in chosen] == [name], sorted(p["label"] for p in layer["data"])
    boxes = [map_labels.label_box(p, view["zoom"]) for p in layer["data"]]
    mine = map_labels.label_box(chosen[0], view["zoom"])
    assert sum(map_labels._free(mine, [b]) is False for b in boxes) == 1   # over no other name
