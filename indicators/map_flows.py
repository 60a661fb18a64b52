"""Flows on the map: arcs from origin to destination whose width follows the value, an arrowhead at
each destination so that the direction reads without the colour legend, the widest flows on top,
and the legend of widths in the page's units and number format. Pure functions, no Streamlit.
"""
from __future__ import annotations

import math
from typing import Iterable, Mapping, Sequence

import pandas as pd
import pydeck as pdk

from . import i18n
from .i18n import t
from .maps import (DEFAULT_HEIGHT, DEFAULT_WIDTH, FLOW_DESTINATION, FLOW_ORIGIN, SELECTED_LINE, BaseMap,
                   CompactDeck, Geography, _base, _border_layers, _finite, fit_view, fmt, rgba, tooltip)

def flows_frame(flows: pd.DataFrame, territories: pd.DataFrame, indicator_id: str,
                period: str | None = None) -> pd.DataFrame:
    """One row per origin → destination for the period (the latest one by default), with coordinates."""
    f = flows[(flows["indicator_id"] == indicator_id) & flows["value"].notna()]
    if f.empty:
        return f.assign(origin_lat=[], origin_lon=[], destination_lat=[], destination_lon=[])
    chosen = str(period) if period else str(f["period"].astype(str).max())
    f = f[f["period"].astype(str) == chosen]
    f = f.groupby(["origin_id", "destination_id", "period"], as_index=False)["value"].sum()
    ter = territories.copy()
    ter["territory_id"] = ter["territory_id"].astype(str)
    cols = [c for c in ("territory_id", "name_fr", "name_nl", "name_en", "country", "lat", "lon") if c in ter]
    side = ter[cols]
    f = f.merge(side.add_prefix("origin_"), left_on="origin_id", right_on="origin_territory_id") \
         .merge(side.add_prefix("destination_"), left_on="destination_id", right_on="destination_territory_id")
    f = f.dropna(subset=["origin_lat", "origin_lon", "destination_lat", "destination_lon"])
    return f.drop(columns=["origin_territory_id", "destination_territory_id"]).reset_index(drop=True)


MAX_FLOW_WIDTH = 18.0              # pixels, for the largest flow
MIN_FLOW_WIDTH = 1.0
ARC_SEGMENTS = 16                  # deck.gl's 50 cost a second for 2,000 arcs in software WebGL; 16 still look round


def flow_width(value: float, top: float) -> float:
    """Arc width in pixels, proportional to the value (never thinner than MIN_FLOW_WIDTH)."""
    if not top or not _finite(value):
        return MIN_FLOW_WIDTH
    return round(max(MIN_FLOW_WIDTH, MAX_FLOW_WIDTH * abs(float(value)) / abs(top)), 2)


def flows_deck(frame: pd.DataFrame, lang: str, *, geography: Geography | None = None, selected: Iterable[str] = (),
               unit: str | None = None, decimals: int | None = 0, base: BaseMap | None = None,
               online: bool = False, width: int = DEFAULT_WIDTH, height: int = DEFAULT_HEIGHT) -> pdk.Deck:
    """Arcs from origin (dark end) to destination (orange end), width proportional to the value.

    Arcs lean to one side of their direction (`tilt`), so A → B and B → A never hide each other.
    Each destination carries an arrowhead ("flow_heads"); each end is a territory ("flow_ends"
    layer, clickable), named by the page's place-name layer (map_labels, `first`).
    """
    selected = set(map(str, selected))
    layers: list[pdk.Layer] = list(_border_layers(geography, base, online))
    if frame.empty:
        return CompactDeck(layers=layers, initial_view_state=fit_view(geography.bounds if geography else None),
                           tooltip=tooltip(lang, "flows"), **_base(base, online))
    top = float(frame["value"].abs().max())
    arcs = []
    for r in frame.to_dict("records"):
        arcs.append({
            "source": [round(float(r["origin_lon"]), 5), round(float(r["origin_lat"]), 5)],
            "target": [round(float(r["destination_lon"]), 5), round(float(r["destination_lat"]), 5)],
            "origin_id": str(r["origin_id"]), "destination_id": str(r["destination_id"]),
            "origin_name": i18n.name({k[7:]: v for k, v in r.items() if k.startswith("origin_")}, "name", lang)
            or r["origin_id"],
            "destination_name": i18n.name({k[12:]: v for k, v in r.items() if k.startswith("destination_")}, "name",
                                          lang) or r["destination_id"],
            "value_fmt": fmt(r["value"], lang, decimals, unit), "period": str(r["period"]),
            "width": flow_width(r["value"], top),
            "alpha": 255 if not selected or {str(r["origin_id"]), str(r["destination_id"])} & selected else 70,
        })
    arcs.sort(key=lambda a: a["width"])           # the widest flows drawn last, on top
    for a in arcs:
        a["source_color"] = rgba(FLOW_ORIGIN, a["alpha"])
        a["target_color"] = rgba(FLOW_DESTINATION, a["alpha"])
    layers.append(pdk.Layer("ArcLayer", data=arcs, id="flows", get_source_position="source",
                            get_target_position="target", get_width="width", width_units='"pixels"',
                            get_source_color="source_color", get_target_color="target_color", get_tilt=28,
                            get_height=0.5, pickable=True, auto_highlight=True,
                            num_segments=ARC_SEGMENTS))
    ends: dict[str, dict] = {}
    for r in frame.to_dict("records"):
        for side in ("origin", "destination"):
            code = str(r[f"{side}_id"])
            if code in ends:
                continue
            row = {k[len(side) + 1:]: v for k, v in r.items() if k.startswith(side + "_")}
            country = row.get("country")
            ends[code] = {"territory_id": code, "name": i18n.name(row, "name", lang) or code,
                          "country_name": t(f"country_{country}", lang) if f"country_{country}" in i18n.TEXTS
                          else str(country or ""),
                          "lon": round(float(row["lon"]), 5), "lat": round(float(row["lat"]), 5),
                          "fill": [64, 64, 64, 235],
                          "line": rgba(SELECTED_LINE) if code in selected else [255, 255, 255, 255],
                          "lw": 3 if code in selected else 1.5}
    lons = [e["lon"] for e in ends.values()]
    lats = [e["lat"] for e in ends.values()]
    bounds = (min(lons), min(lats), max(lons), max(lats))
    # Seen from above: the names are placed (map_labels.declutter) in the flat map's pixels; the tilt
    # still bends each arc, so A → B and B → A stay apart.
    view = fit_view(bounds, width, height, padding=0.12, pitch=0)
    # Under the end dots (drawn next), so that each head's tip meets its destination's dot.
    heads = [h for a in arcs if (h := arrowhead(a, float(view.zoom))) is not None]
    layers.append(pdk.Layer("PolygonLayer", data=heads, id="flow_heads", get_polygon="polygon",
                            get_fill_color="color", stroked=False, filled=True, pickable=False))
    layers.append(pdk.Layer("ScatterplotLayer", data=list(ends.values()), id="flow_ends",
                            get_position=["lon", "lat"], get_radius=1, radius_min_pixels=6, radius_max_pixels=6,
                            billboard=True,
                            get_fill_color="fill", get_line_color="line", get_line_width="lw",
                            line_width_units='"pixels"', stroked=True, pickable=True, auto_highlight=True))
    return CompactDeck(layers=layers, initial_view_state=view, tooltip=tooltip(lang, "flows"),
                       **_base(base, online))


END_RADIUS = 6          # pixels: the dot at each end of a flow
NAMED_FLOWS = 40        # flows whose two ends are named before any place (the widest)


def named_ends(frame: pd.DataFrame, limit: int = NAMED_FLOWS) -> set[str]:
    """The ends of the `limit` widest flows: named first on the map (a few dozen names read; the
    ends of 2,000 flows would be a thousand names fighting for room)."""
    if frame.empty:
        return set()
    top = frame.assign(_abs=frame["value"].abs()).nlargest(limit, "_abs")
    return set(top["origin_id"].astype(str)) | set(top["destination_id"].astype(str))


def metres_per_pixel(lat: float, zoom: float) -> float:
    """Web Mercator's ground resolution at a latitude and zoom (512-pixel tiles, as deck.gl)."""
    return 2 * math.pi * 6_378_137 * math.cos(math.radians(lat)) / (512 * 2 ** zoom)


def arrowhead(arc: Mapping, zoom: float) -> dict | None:
    """A triangle on the ground at the arc's destination, pointing from origin to destination, its tip
    at the edge of the destination's dot and its size following the arc's width, in pixels of the
    first view. None for an arc whose two ends are one point."""
    (lon1, lat1), (lon2, lat2) = arc["source"], arc["target"]
    kx, ky = 111_320 * math.cos(math.radians(lat2)), 110_540.0
    dx, dy = (lon2 - lon1) * kx, (lat2 - lat1) * ky
    length = math.hypot(dx, dy)
    if length == 0:
        return None
    ux, uy = dx / length, dy / length
    px = metres_per_pixel(lat2, zoom)
    back = END_RADIUS * px                         # the tip touches the dot
    size = (9 + 0.8 * float(arc["width"])) * px    # from the tip to the base
    half = 0.6 * size
    tip = (-ux * back, -uy * back)
    base = (tip[0] - ux * size, tip[1] - uy * size)
    corners = [tip, (base[0] - uy * half, base[1] + ux * half), (base[0] + uy * half, base[1] - ux * half)]
    return {"polygon": [[round(lon2 + x / kx, 6), round(lat2 + y / ky, 6)] for x, y in corners],
            "color": arc["target_color"], "origin_id": arc["origin_id"], "destination_id": arc["destination_id"]}


def flow_legend(frame: pd.DataFrame, lang: str, unit: str | None = None, decimals: int | None = 0) -> list[dict]:
    """Two or three reference widths: value and width in pixels (the largest flow first)."""
    if frame.empty:
        return []
    top = float(frame["value"].abs().max())
    values = [top]
    for share in (0.5, 0.1):
        nice = _nice(top * share)
        if MAX_FLOW_WIDTH * nice / top >= MIN_FLOW_WIDTH and nice < values[-1]:
            values.append(nice)
    return [{"label": fmt(v, lang, decimals, unit), "width": flow_width(v, top)} for v in values]


def _nice(x: float) -> float:
    """The largest 1, 2 or 5 × 10^n not above x."""
    if x <= 0:
        return 0.0
    power = 10 ** math.floor(math.log10(x))
    for step in (5, 2, 1):
        if step * power <= x:
            return float(step * power)
    return float(power)


def flow_legend_html(rows: Sequence[Mapping], lang: str) -> str:
    from html import escape

    gradient = (f'<div style="display:flex;align-items:center;gap:.5rem;margin:.2rem 0 .5rem">'
                f'<span style="display:inline-block;width:4.5rem;height:.6rem;border-radius:.3rem;'
                f'background:linear-gradient(90deg,{FLOW_ORIGIN},{FLOW_DESTINATION})"></span>'
                f'<span>{escape(t("map_flow_direction", lang))}</span></div>')
    widths = "".join(
        f'<div style="display:flex;align-items:center;gap:.5rem;margin:.15rem 0">'
        f'<span style="display:inline-block;width:4.5rem;height:{r["width"]}px;background:#555"></span>'
        f'<span>{escape(r["label"])}</span></div>' for r in rows)
    return f'<div style="font-size:0.95rem;line-height:1.3">{gradient}{widths}</div>'
