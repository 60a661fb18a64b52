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
from .boundaries import Geography
from .map_classes import _finite, fmt
from .wording import flag_letters, with_flag
from .maps import (DEFAULT_HEIGHT, DEFAULT_WIDTH, FLOW_DESTINATION, FLOW_ORIGIN, SELECTED_LINE, BaseMap, CompactDeck,
                   _base, _border_layers, fit_view, rgba, tooltip)

def flows_frame(flows: pd.DataFrame, territories: pd.DataFrame, indicator_id: str,
                period: str | None = None) -> pd.DataFrame:
    """One row per origin → destination for the period (the latest one by default), with coordinates."""
    f = flows[(flows["indicator_id"] == indicator_id) & flows["value"].notna()]
    if f.empty:
        return f.assign(origin_lat=[], origin_lon=[], destination_lat=[], destination_lon=[])
    chosen = str(period) if period else str(f["period"].astype(str).max())
    f = f[f["period"].astype(str) == chosen]
    if "flag" not in f:
        f = f.assign(flag=None)
    # the flag with its value (the letters of each row summed, each once), for the arc's tooltip
    f = f.groupby(["origin_id", "destination_id", "period"], as_index=False).agg(
        value=("value", "sum"), flag=("flag", lambda flags: flag_letters(flags)))
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
ARC_TILT = 28                      # degrees: A → B and B → A lean to opposite sides
ARC_HEIGHT = 0.5                   # deck.gl's arc height, as a share of the arc's length
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
    Each destination carries an arrowhead; each end is a dot (a territory: clickable). Both are glyphs
    of the "flow_ends" layer; the page's place-name layer names the ends (map_labels, `first`).
    """
    selected = set(map(str, selected))
    layers: list[pdk.Layer] = list(_border_layers(geography, base, online))
    if frame.empty:
        return CompactDeck(layers=layers, initial_view_state=fit_view(geography.bounds if geography else None),
                           tooltip=tooltip(lang, "flows"), **_base(base, online))
    top = float(frame["value"].abs().max())
    arcs = []
    for r in frame.to_dict("records"):
        alpha = 255 if not selected or {str(r["origin_id"]), str(r["destination_id"])} & selected else 70
        # Names and value only in the tooltip's lines: 2,000 arcs carrying them twice weighed 0.3 MB
        origin = i18n.name({k[7:]: v for k, v in r.items() if k.startswith("origin_")}, "name", lang) or r["origin_id"]
        destination = i18n.name({k[12:]: v for k, v in r.items() if k.startswith("destination_")}, "name",
                                lang) or r["destination_id"]
        arcs.append({
            "source": [round(float(r["origin_lon"]), 5), round(float(r["origin_lat"]), 5)],
            "target": [round(float(r["destination_lon"]), 5), round(float(r["destination_lat"]), 5)],
            "origin_id": str(r["origin_id"]), "destination_id": str(r["destination_id"]),
            "width": flow_width(r["value"], top),
            "source_color": rgba(FLOW_ORIGIN, alpha), "target_color": rgba(FLOW_DESTINATION, alpha),
            **flow_tip(origin, destination, fmt(r["value"], lang, decimals, unit), str(r["period"]), lang,
                       r.get("flag")),
        })
    arcs.sort(key=lambda a: a["width"])           # the widest flows drawn last, on top
    layers.append(pdk.Layer("ArcLayer", data=arcs, id="flows", get_source_position="source",
                            get_target_position="target", get_width="width", width_units='"pixels"',
                            get_source_color="source_color", get_target_color="target_color", get_tilt=ARC_TILT,
                            get_height=ARC_HEIGHT, pickable=True, auto_highlight=True,
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
                          "lon": round(float(row["lon"]), 5), "lat": round(float(row["lat"]), 5)}
            ends[code].update(end_tip(ends[code]))
    lons = [e["lon"] for e in ends.values()]
    lats = [e["lat"] for e in ends.values()]
    bounds = (min(lons), min(lats), max(lons), max(lats))
    # Seen from above: the names are placed (map_labels.declutter) in the flat map's pixels; the tilt
    # still bends each arc, so A → B and B → A stay apart.
    view = fit_view(bounds, width, height, padding=0.12, pitch=0)
    # Heads and dots are glyphs of one text layer: each deck.gl layer costs the browser 0.3–0.6 s in
    # software WebGL, and a polygon layer for the heads and a scatterplot layer for the dots kept the
    # 2,000-flow map 0.5 s over its budget (bench/map.py). Heads first: the dots cover the tips.
    heads = [h for a in arcs if (h := arrowhead(a, float(view.zoom))) is not None]
    dots = [end_dot(e, e["territory_id"] in selected) for e in ends.values()]
    layers.append(glyph_layer(heads + dots))
    return CompactDeck(layers=layers, initial_view_state=view, tooltip=tooltip(lang, "flows"),
                       **_base(base, online))


def flow_tip(origin: str, destination: str, value: str, period: str, lang: str, flag=None) -> dict:
    """The hover text of an arc: its two ends, then its value and period, and its flag (`⚑ provisoire (p)`)
    as the Explorer and the values' map give it."""
    return {"tip_title": f"{origin} → {destination}",
            "tip_detail": with_flag(f"{t('value', lang)}{i18n.colon(lang)} {value} ({period})", flag, lang)}


def end_tip(end: Mapping) -> dict:
    """The hover text of a flow's end: the territory, then its country."""
    return {"tip_title": str(end["name"]), "tip_detail": str(end["country_name"])}


END_RADIUS = 6          # pixels: the dot at each end of a flow
NAMED_FLOWS = 40        # flows whose two ends are named before any place (the widest)


def named_ends(frame: pd.DataFrame, limit: int = NAMED_FLOWS) -> set[str]:
    """The ends of the `limit` widest flows: named first on the map (a few dozen names read; the
    ends of 2,000 flows would be a thousand names fighting for room)."""
    if frame.empty:
        return set()
    top = frame.assign(_abs=frame["value"].abs()).nlargest(limit, "_abs")
    return set(top["origin_id"].astype(str)) | set(top["destination_id"].astype(str))


HEAD_GLYPH = "\u25b2"     # ▲, pointing up before its turn
DOT_GLYPH = "\u25cf"      # ●
# Drawn in Streamlit's own web font, so that every browser draws the same glyphs (a system font's ▲
# sits elsewhere in its box from one system to the next). In Source Sans at weight 600 both fill 0.45
# of the font size and are centred on their anchor within 0.05 of it (measured in Chromium).
GLYPH_FONT = '"Source Sans, sans-serif"'
GLYPH_EM = 0.45


def glyph_layer(data: list[dict]) -> pdk.Layer:
    """The arrowheads and end dots (`arrowhead`, `end_dot`): glyphs in pixels, turned and moved."""
    return pdk.Layer("TextLayer", data=data, id="flow_ends", get_position=["lon", "lat"], get_text="label",
                     get_size="size", size_units='"pixels"', get_color="color", get_angle="angle",
                     get_pixel_offset="offset", get_text_anchor='"middle"', get_alignment_baseline='"center"',
                     character_set='"auto"', font_settings={"sdf": True}, font_weight=600, font_family=GLYPH_FONT,
                     outline_width=2, outline_color=[255, 255, 255, 255], billboard=True, pickable=True,
                     auto_highlight=True, parameters={"depthTest": False})


def _glyph(label: str, size: float, color, angle: float = 0, offset=(0, 0)) -> dict:
    return {"label": label, "size": round(size / GLYPH_EM, 1), "color": color, "angle": round(angle, 1),
            "offset": [round(v, 1) for v in offset]}


def end_dot(end: Mapping, selected: bool) -> dict:
    """One end of flows: a dark dot 2 × END_RADIUS pixels wide (black and larger when selected)."""
    size = 2 * END_RADIUS + (4 if selected else 0)
    color = rgba(SELECTED_LINE) if selected else [64, 64, 64, 235]
    return {**end, **_glyph(DOT_GLYPH, size, color)}


def world_pixels(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    """Web Mercator pixels at `zoom` (512-pixel world, as deck.gl), y growing downwards as on screen."""
    scale = 512 * 2 ** zoom
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return (lon + 180) / 360 * scale, (1 - y / math.pi) / 2 * scale


def arc_point(source: tuple[float, float], target: tuple[float, float], ratio: float) -> tuple[float, float]:
    """A point of deck.gl's ArcLayer seen from above, in the pixels of `source` and `target`: the arc
    rises as sqrt(r (1 − r)) × height × length, and the tilt turns that height to the left of its way."""
    (x1, y1), (x2, y2) = source, target
    dx, dy = x2 - x1, y2 - y1
    rise = math.sin(math.radians(ARC_TILT)) * ARC_HEIGHT * math.sqrt(max(ratio * (1 - ratio), 0.0))
    return x1 + ratio * dx + rise * dy, y1 + ratio * dy - rise * dx       # left of (dx, dy), y down


def arrowhead(arc: Mapping, zoom: float) -> dict | None:
    """An arrowhead at the arc's destination, along the arc where it arrives (seen from above at the
    first view's zoom), its tip at the edge of the destination's dot and its size following the arc's
    width, in pixels. None for an arc whose two ends are one point."""
    source, target = world_pixels(*arc["source"], zoom), world_pixels(*arc["target"], zoom)
    if math.dist(source, target) < 1e-6:
        return None
    size = 9 + 0.8 * float(arc["width"])           # from the tip to the base, in pixels
    back = END_RADIUS + size / 2                   # the head's centre, so that its tip touches the dot
    # The drawn arc's vertex (ARC_SEGMENTS of them) about one head-length back gives the direction
    # in which it arrives: a tilted arc ends across its chord, not along it.
    behind = source
    for i in range(ARC_SEGMENTS - 1, 0, -1):
        behind = arc_point(source, target, i / ARC_SEGMENTS)
        if math.dist(behind, target) >= END_RADIUS + size:
            break
    ux, uy = target[0] - behind[0], target[1] - behind[1]
    length = math.hypot(ux, uy)
    ux, uy = ux / length, uy / length
    angle = math.degrees(math.atan2(-uy, ux)) - 90          # ▲ points up; deck.gl turns anticlockwise
    return {"lon": arc["target"][0], "lat": arc["target"][1], "origin_id": arc["origin_id"],
            "destination_id": arc["destination_id"], "tip_title": arc["tip_title"], "tip_detail": arc["tip_detail"],
            **_glyph(HEAD_GLYPH, size, arc["target_color"], angle, (-ux * back, -uy * back))}


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
