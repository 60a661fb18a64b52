"""Place names on the map, offline: a deck.gl TextLayer fed from the territories' own names.

Names come from the framework (name_fr / name_nl / name_en), so the page's language picks
Courtrai / Kortrijk, Tournai / Doornik, Lille / Rijsel. Names are kept by importance (population)
so that none overlaps another at the map's first view (`declutter`): the larger towns always show.
deck.gl's CollisionFilterExtension would do this per zoom level, but it drew no text at all in
headless Chromium's software WebGL (tried), so the choice is made here, for the first view.
"""
from __future__ import annotations

import math
from typing import Mapping

import pandas as pd
import pydeck as pdk

from . import i18n

LABEL_KINDS = ("commune",)          # places; groupings (EPCI, arrondissements) are read from their shapes
LARGE_TOWN = 50_000                 # population from which a name is drawn larger
SMALLEST = 10                       # pixels: a large town's name may shrink to this size to find room
LARGE_SIZE = 12                     # pixels: the names of large towns
TEXT_COLOR = [33, 37, 41, 255]
HALO_COLOR = [255, 255, 255, 230]


def place_labels(territories: pd.DataFrame, lang: str) -> list[dict]:
    """One record per place with coordinates: name in `lang`, position, size and priority."""
    if territories.empty:
        return []
    rows = territories[territories["kind"].astype(str).isin(LABEL_KINDS)
                       & territories["lat"].notna() & territories["lon"].notna()]
    if "valid_to" in rows:           # a place merged away keeps its history, not a name on today's map
        rows = rows[rows["valid_to"].isna() | (rows["valid_to"].astype(str) == "")]
    out = []
    for r in rows.to_dict("records"):
        population = _number(r.get("population"))
        name = i18n.name(r, "name", lang) or str(r["territory_id"])
        out.append({"territory_id": str(r["territory_id"]), "label": _short(name),
                    "lon": round(float(r["lon"]), 5), "lat": round(float(r["lat"]), 5),
                    "size": LARGE_SIZE if population >= LARGE_TOWN else 10,
                    # deck.gl wants the priority within [-1000, 1000]: log-scaled population
                    "anchor": "middle", "baseline": "bottom", "offset": [0, -6],
                    "priority": round(min(1000.0, 100 * math.log10(max(population, 1.0))), 1)})
    return sorted(out, key=lambda p: -p["priority"])


def label_layer(labels: list[Mapping]) -> pdk.Layer:
    """The names, above every other layer, never overlapping one another."""
    return pdk.Layer("TextLayer", data=list(labels), id="place-names", get_position=["lon", "lat"],
                     get_text="label", get_size="size", size_units='"pixels"', get_color=TEXT_COLOR,
                     font_weight=600, character_set='"auto"', font_settings={"sdf": True},
                     outline_width=3, outline_color=HALO_COLOR, get_text_anchor="anchor",
                     get_alignment_baseline="baseline", get_pixel_offset="offset", billboard=True,
                     font_family='"Source Sans Pro, Helvetica, Arial, sans-serif"', pickable=False)


# Where a name may sit around its point: (anchor, baseline, pixel offset), tried in this order.
PLACEMENTS = (("middle", "bottom", [0, -6]), ("middle", "top", [0, 6]),
              ("start", "center", [8, 0]), ("end", "center", [-8, 0]),
              ("start", "bottom", [5, -4]), ("end", "bottom", [-5, -4]),
              ("start", "top", [5, 4]), ("end", "top", [-5, 4]))


def label_box(label: Mapping, zoom: float) -> tuple[float, float, float, float]:
    """The label's box in world pixels at `zoom` (Web Mercator, 512 px world at zoom 0)."""
    scale = 512 * 2 ** zoom / (2 * math.pi)
    x = scale * math.radians(label["lon"])
    y = -scale * math.log(math.tan(math.pi / 4 + math.radians(label["lat"]) / 2))
    # Semi-bold glyphs are ~0.55 em wide in the page font, and the 3-pixel halo widens every side: with
    # 0.5 em and no halo, "Komen (Frankrijk)" and "Komen-Waasten" still touched on the first view.
    width = 0.56 * label["size"] * len(label["label"]) + 8
    height = 1.3 * label["size"] + 5
    anchor, baseline, (dx, dy) = label.get("anchor", "middle"), label.get("baseline", "bottom"), label.get(
        "offset", [0, -6])
    left = {"middle": x + dx - width / 2, "start": x + dx, "end": x + dx - width}[anchor]
    top = {"bottom": y + dy - height, "top": y + dy, "center": y + dy - height / 2}[baseline]
    return (left, top, left + width, top + height)


def declutter(labels: list[Mapping], zoom: float) -> list[dict]:
    """The labels, most important first, each placed around its point where it overlaps no kept one.

    A large town's name that finds no room may move one name already kept to another of its
    placements: two towns 4 km apart (Mouscron and Tourcoing) can both be named if one name sits
    above its point and the other below, which a single greedy pass does not find."""
    kept: list[dict] = []
    boxes: list[tuple[float, float, float, float]] = []
    for label in sorted(labels, key=lambda p: -p["priority"]):
        found = _place(label, boxes, zoom)
        if found is None and label["size"] >= LARGE_SIZE:
            found = _make_room(label, kept, boxes, zoom)
        if found is not None:
            kept.append(found[0])
            boxes.append(found[1])
    return kept


def _candidates(label: Mapping):
    # A name that fits nowhere at its size tries a smaller one before it gives way.
    sizes = [label["size"]] + ([label["size"] - 2] if label["size"] - 2 >= SMALLEST else [])
    for size in sizes:
        for anchor, baseline, offset in PLACEMENTS:
            yield dict(label, size=size, anchor=anchor, baseline=baseline, offset=offset)


def _free(box, boxes) -> bool:
    return all(box[2] <= b[0] or b[2] <= box[0] or box[3] <= b[1] or b[3] <= box[1] for b in boxes)


def _place(label: Mapping, boxes: list, zoom: float):
    for placed in _candidates(label):
        box = label_box(placed, zoom)
        if _free(box, boxes):
            return placed, box
    return None


def _make_room(label: Mapping, kept: list[dict], boxes: list, zoom: float):
    """Move one kept name to another of its placements so that `label` fits too (kept and boxes are
    updated in place); None when no single move does it."""
    for i, other in enumerate(kept):
        rest = boxes[:i] + boxes[i + 1:]
        for moved in _candidates(dict(other, size=other["size"])):
            if moved["size"] != other["size"]:
                continue   # the kept name keeps its size
            moved_box = label_box(moved, zoom)
            if not _free(moved_box, rest):
                continue
            found = _place(label, rest + [moved_box], zoom)
            if found is not None:
                kept[i], boxes[i] = moved, moved_box
                return found
    return None


def _short(name: str) -> str:
    """'Comines (France)' stays; a bracketed note after a long name is dropped for the map."""
    return name.split(" (code")[0]


def _number(value) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0
