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
                    "size": 12 if population >= LARGE_TOWN else 10,
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
    width = 0.53 * label["size"] * len(label["label"]) + 6
    height = 1.3 * label["size"] + 2
    anchor, baseline, (dx, dy) = label.get("anchor", "middle"), label.get("baseline", "bottom"), label.get(
        "offset", [0, -6])
    left = {"middle": x + dx - width / 2, "start": x + dx, "end": x + dx - width}[anchor]
    top = {"bottom": y + dy - height, "top": y + dy, "center": y + dy - height / 2}[baseline]
    return (left, top, left + width, top + height)


def declutter(labels: list[Mapping], zoom: float) -> list[dict]:
    """The labels, most important first, each placed around its point where it overlaps no kept one."""
    kept: list[dict] = []
    boxes: list[tuple[float, float, float, float]] = []
    for label in sorted(labels, key=lambda p: -p["priority"]):
        for anchor, baseline, offset in PLACEMENTS:
            placed = dict(label, anchor=anchor, baseline=baseline, offset=offset)
            box = label_box(placed, zoom)
            if all(box[2] <= b[0] or b[2] <= box[0] or box[3] <= b[1] or b[3] <= box[1] for b in boxes):
                kept.append(placed)
                boxes.append(box)
                break
    return kept


def _short(name: str) -> str:
    """'Comines (France)' stays; a bracketed note after a long name is dropped for the map."""
    return name.split(" (code")[0]


def _number(value) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0
