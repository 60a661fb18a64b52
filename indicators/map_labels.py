"""Place names on the map, offline: a deck.gl TextLayer fed from the territories' own names.

Names come from the framework (name_fr / name_nl / name_en), so the page's language picks
Courtrai / Kortrijk, Tournai / Doornik, Lille / Rijsel. deck.gl's CollisionFilterExtension (in
Streamlit's bundle) hides a name that would overlap a more important one; importance is the
population, so the larger towns always show and the others appear as one zooms in.
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
                    "size": 15 if population >= LARGE_TOWN else 12,
                    # deck.gl wants the priority within [-1000, 1000]: log-scaled population
                    "priority": round(min(1000.0, 100 * math.log10(max(population, 1.0))), 1)})
    return sorted(out, key=lambda p: -p["priority"])


def label_layer(labels: list[Mapping]) -> pdk.Layer:
    """The names, above every other layer, never overlapping one another."""
    return pdk.Layer("TextLayer", data=list(labels), id="place-names", get_position=["lon", "lat"],
                     get_text="label", get_size="size", size_units='"pixels"', get_color=TEXT_COLOR,
                     font_weight=600, character_set='"auto"', font_settings={"sdf": True},
                     outline_width=3, outline_color=HALO_COLOR, get_text_anchor='"middle"',
                     get_alignment_baseline='"bottom"', get_pixel_offset=[0, -6], billboard=True,
                     pickable=False, extensions=[{"@@type": "CollisionFilterExtension"}],
                     get_collision_priority="priority", collision_group='"place-names"')


def _short(name: str) -> str:
    """'Comines (France)' stays; a bracketed note after a long name is dropped for the map."""
    return name.split(" (code")[0]


def _number(value) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0
