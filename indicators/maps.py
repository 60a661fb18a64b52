"""Maps: the offline base map and the pydeck decks of the Map page.

Pure functions, no Streamlit: plain data (DataFrames, GeoJSON dicts) in, pydeck decks, styles and
plain lists out, so that everything is tested without a browser. Boundary files are read and joined
in `boundaries`, values classed and legends written in `map_classes`, flows drawn in `map_flows`,
place names chosen in `map_labels`.

- **Offline base map.** `base_style` is a MapLibre style whose only layers are a background, the
  uploaded boundaries and the border; the page serves it (and the boundaries) as static files,
  content addressed (`write_base_map`), so the map needs no tile server. On that base map MapLibre
  itself draws the choropleth (`view_style`: one `match` expression from territory code to class
  colour, passed inline as a `data:` URL), because deck.gl tessellating and stroking 800 polygons in
  software WebGL took seconds; deck.gl keeps a transparent copy of the shapes for tooltips and clicks.
  An online basemap is used only when the user turns it on, and then deck.gl draws the colours.
- **Decks**: `values_deck` (choropleth where shapes exist, proportional circles or columns at the
  territories' coordinates elsewhere); both it and `map_flows.flows_deck` draw the border computed
  from the boundaries.
- `territory_from_selection` reads a map click (the chart's selection state) as a territory code.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
import pydeck as pdk

from . import i18n
from .boundaries import Geography
from .i18n import t
from .map_classes import NO_DATA_COLOR, Classes, fmt
from .style import STATUS_COLORS, STATUS_ICONS, rgb
from .wording import flag_note   # a value's flag in words (kept here too: maps.flag_note)

LAYER_IDS = ("territories", "points", "columns", "flow_ends")   # layers whose objects are territories
BACKGROUND = "#EEF1F4"
LAND = "#FFFFFF"
BASE_LINE = "#B8BFC9"
BORDER_COLOR = "#1A1A1A"
SELECTED_LINE = "#1A1A1A"
FLOW_ORIGIN = "#332288"            # Tol's indigo: the arc starts dark…
FLOW_DESTINATION = "#EE7733"       # …and ends orange (Tol's vibrant orange)
OTHER_COUNTRY = "#7B3294"
ONLINE_STYLE = pdk.map_styles.CARTO_LIGHT
DEFAULT_WIDTH, DEFAULT_HEIGHT = 900, 560   # the map's size in pixels, for fitting the view
TOOLTIP_WIDTH = 240                # pixels: a tooltip's lines wrap within this width


@dataclass(frozen=True)
class BaseMap:
    """The offline base map as served: its style (sources by URL) and where the territories' shapes are."""
    style_url: str                         # the base style file: background, boundaries, border
    style: dict                            # the same style, which `view_style` extends for one view
    territories_url: str | None            # every territory's shapes, property `code`; None without shapes


def base_style(boundaries_urls: Sequence[str] | str | None = None,
               border: Sequence[Sequence[Sequence[float]]] = ()) -> dict:
    """A MapLibre style: a background, the uploaded boundaries and the border. No tiles, no glyphs.

    One source per boundary set, the coarsest first, so that the white land of a fine set (communes)
    covers the outlines of a coarse one (NUTS 3) drawn under it. The border (a few paths) is inline.
    """
    style: dict[str, Any] = {"version": 8, "name": "Cross-border monitor, offline", "sources": {},
                             "layers": [{"id": "background", "type": "background",
                                         "paint": {"background-color": BACKGROUND}}]}
    urls = [boundaries_urls] if isinstance(boundaries_urls, str) else list(boundaries_urls or [])
    for i, url in enumerate(urls):
        source = f"boundaries-{i}"
        style["sources"][source] = {"type": "geojson", "data": url}
        style["layers"] += [
            {"id": f"{source}-fill", "type": "fill", "source": source, "paint": {"fill-color": LAND}},
            {"id": f"{source}-line", "type": "line", "source": source,
             "paint": {"line-color": BASE_LINE, "line-width": 0.6}},
        ]
    if border:
        style["sources"]["border"] = {"type": "geojson", "data": {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": path}}
            for path in border]}}
        style["layers"] += [
            {"id": "border-casing", "type": "line", "source": "border", "layout": {"line-join": "round"},
             "paint": {"line-color": "#FFFFFF", "line-width": 6, "line-opacity": 0.86}},
            {"id": "border", "type": "line", "source": "border", "layout": {"line-join": "round"},
             "paint": {"line-color": BORDER_COLOR, "line-width": 2.5}},
        ]
    return style


def write_base_map(directory: Path, geography: Geography | None,
                   url_prefix: str = "/app/static/map/cache") -> BaseMap:
    """Write the base map's style, boundaries and territories' shapes as content-addressed files.

    The files are named by a hash of their content, so any number of app processes (or stores) can
    share the folder, and a browser may cache them for good. Files unused for a week are removed.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)

    def write(doc: dict, suffix: str) -> str:
        data = json.dumps(doc, separators=(",", ":"), sort_keys=True).encode()
        return f"{url_prefix}/{_write_once(directory, data, suffix)}"

    urls = [write(layer, ".geojson") for layer in (geography.base_layers if geography is not None else [])]
    territories_url = (write(geography.territories_collection(), ".geojson")
                       if geography is not None and not geography.empty else None)
    style = base_style(urls, geography.border if geography is not None else ())
    style_url = write(style, ".json")
    _prune(directory)
    return BaseMap(style_url, style, territories_url)


def view_style(base: BaseMap, colours: Mapping[str, str], selected: Iterable[str] = ()) -> dict:
    """The base style plus one view's choropleth: each territory code filled with its colour.

    `colours`: territory code → "#RRGGBB"; only those territories are filled and outlined (the others
    stay the base map's white land). The selected territories get a thick outline. The border stays on
    top of the colours.
    """
    style = json.loads(json.dumps(base.style))
    if not colours or not base.territories_url:
        return style
    by_colour: dict[str, list[str]] = {}
    for code, colour in colours.items():
        by_colour.setdefault(colour.upper(), []).append(str(code))
    fill: list[Any] = ["match", ["get", "code"]]
    for colour, codes in sorted(by_colour.items()):
        fill += [sorted(codes), colour]
    fill.append(NO_DATA_COLOR)
    shown = ["in", ["get", "code"], ["literal", sorted(map(str, colours))]]
    chosen = ["in", ["get", "code"], ["literal", sorted(map(str, selected))]]
    style["sources"]["territories"] = {"type": "geojson", "data": base.territories_url}
    layers = [
        {"id": "territories-fill", "type": "fill", "source": "territories", "filter": shown,
         "paint": {"fill-color": fill}},
        {"id": "territories-line", "type": "line", "source": "territories", "filter": shown,
         "paint": {"line-color": "#5A6069", "line-width": 0.8}},
        {"id": "territories-selected", "type": "line", "source": "territories", "filter": chosen,
         "layout": {"line-join": "round"}, "paint": {"line-color": SELECTED_LINE, "line-width": 3}},
    ]
    ids = [layer["id"] for layer in style["layers"]]
    at = ids.index("border-casing") if "border-casing" in ids else len(ids)
    style["layers"][at:at] = layers[:2]
    style["layers"].append(layers[2])          # the selected outline above the border
    return style


def style_data_url(style: Mapping) -> str:
    """A style inlined as a `data:` URL (percent-encoded JSON, never base64, so the chart's check for
    "mapbox" or "cartocdn" in the style URL cannot be fooled by chance)."""
    from urllib.parse import quote

    return "data:application/json," + quote(json.dumps(style, separators=(",", ":")), safe="")


def _write_once(directory: Path, data: bytes, suffix: str) -> str:
    name = hashlib.sha256(data).hexdigest()[:20] + suffix
    path = directory / name
    if path.exists():
        os.utime(path)
        return name
    tmp = directory / f".{name}.{os.getpid()}.tmp"
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return name


def _prune(directory: Path, max_age: float = 7 * 24 * 3600) -> None:
    now = time.time()
    for path in directory.iterdir():
        if path.suffix in (".json", ".geojson") and now - path.stat().st_mtime > max_age:
            try:
                path.unlink()
            except OSError:
                pass


def rgba(color: str, alpha: int = 255) -> list[int]:
    return rgb(color) + [int(alpha)]


class CompactDeck(pdk.Deck):
    """A pydeck Deck whose JSON is compact: pydeck indents it, which triples the size of shapes."""

    def to_json(self):
        from pydeck.bindings.json_tools import default_serialize

        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def fit_view(bounds: Sequence[float] | None, width: int = DEFAULT_WIDTH, height: int = DEFAULT_HEIGHT,
             padding: float = 0.06, pitch: float = 0, max_zoom: float = 12) -> pdk.ViewState:
    """The view (Web Mercator, 512-pixel world at zoom 0) that shows `bounds` in width × height pixels."""
    if not bounds:
        return pdk.ViewState(latitude=50.7, longitude=3.2, zoom=8, pitch=pitch)
    west, south, east, north = bounds

    def merc(lat):
        lat = max(min(lat, 85), -85)
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    dx = max((east - west) / 360, 1e-6)
    dy = max((merc(north) - merc(south)) / (2 * math.pi), 1e-6)
    zoom = math.log2(min(width * (1 - 2 * padding) / (512 * dx), height * (1 - 2 * padding) / (512 * dy)))
    mid = (merc(north) + merc(south)) / 2
    lat = math.degrees(2 * math.atan(math.exp(mid)) - math.pi / 2)
    return pdk.ViewState(latitude=round(lat, 5), longitude=round((west + east) / 2, 5),
                         zoom=round(min(zoom, max_zoom), 3), pitch=pitch, bearing=0)


def _base(base: BaseMap | None, online: bool, style_url: str | None = None) -> dict:
    if online:
        return {"map_provider": "carto", "map_style": ONLINE_STYLE}
    return {"map_provider": "maplibre",
            "map_style": style_url or (base.style_url if base is not None else "/app/static/map/style.json")}


def _border_layers(geography: Geography | None, base: BaseMap | None, online: bool) -> list[pdk.Layer]:
    """The border as deck layers, only when the base style does not draw it (online, or no base map)."""
    if geography is None or not geography.border or (base is not None and not online):
        return []
    data = [{"path": p} for p in geography.border]
    return [pdk.Layer("PathLayer", data=data, id="border_casing", get_path="path", get_color=[255, 255, 255, 220],
                      width_units='"pixels"', get_width=6, pickable=False),
            pdk.Layer("PathLayer", data=data, id="border", get_path="path", get_color=rgba(BORDER_COLOR),
                      width_units='"pixels"', get_width=2.5, pickable=False)]


def territory_name(row: Mapping, lang: str) -> str:
    return i18n.name(row, "name", lang) or str(row.get("territory_id", ""))


CARD_CHAR_EM = 0.5                 # a character's width in the card's figure, as a share of its size (at most)
CARD_FIGURE_PX = (16, 24, 36)      # the figure's smallest size, smallest on one line, and Streamlit's own


def card_figure(value: Any, lang: str, decimals: Any, unit: str | None, width: int) -> tuple[str, int]:
    """(text, font size in pixels) of a territory card's figure, whole in `width` pixels: the number and
    its unit on one line, smaller as they grow longer (`4 056,31 millions d'EUR` was cut to `4 056,31
    milli…` in the 240-pixel card); a unit too long for that goes on a line of its own under the number
    (a plain space before it, none within it), the size then fitted to the longer of the two lines."""
    smallest, one_line, largest = CARD_FIGURE_PX
    text = fmt(value, lang, decimals, unit)
    fits = int(width / (CARD_CHAR_EM * max(len(text), 1)))
    if fits >= one_line or not (unit or "").strip() or str(unit).strip() == "%":
        return text, max(smallest, min(largest, fits))
    number = fmt(value, lang, decimals, None)
    unit = str(unit).strip().replace(" ", "\u00a0")
    longest = max(len(number), len(unit))
    return f"{number} {unit}", max(smallest, min(largest, int(width / (CARD_CHAR_EM * longest))))


def card_figure_style(scope: str, size: int) -> str:
    """The style of the card's figure (`card_figure`): its size, and it and its label free to wrap rather
    than be cut with an ellipsis (Streamlit's metric keeps one line and cuts it: "GDP per inhabitant
    (EUR/inhabitant, 20…" lost its period)."""
    value, label = f".st-key-{scope} [data-testid='stMetricValue']", f".st-key-{scope} [data-testid='stMetricLabel']"
    return (f"<style>{value} {{font-size: {int(size)}px; line-height: 1.2}}"
            f"{value}, {value} *, {label} * {{white-space: normal !important; overflow: visible !important; "
            f"text-overflow: clip !important; overflow-wrap: anywhere}}</style>")


def _label_fields(frame: pd.DataFrame, lang: str, unit: str | None, decimals: int | None,
                  method: str) -> pd.DataFrame:
    out = frame.copy()
    recs = out.to_dict("records")
    out["name"] = [territory_name(r, lang) for r in recs]
    out["country_name"] = [t(f"country_{r.get('country')}", lang) if f"country_{r.get('country')}" in i18n.TEXTS
                           else str(r.get("country") or "") for r in recs]
    out["value_fmt"] = [fmt(r.get("value"), lang, decimals, unit) for r in recs]
    out["flag_note"] = [flag_note(r.get("flag"), lang) for r in recs]      # the value's flag, as the Explorer says it
    out["period"] = [str(r.get("period")) if r.get("period") is not None and not pd.isna(r.get("period")) else "–"
                     for r in recs]
    statuses = out["status"] if "status" in out else pd.Series(["not_assessed"] * len(out), index=out.index)
    out["status"] = statuses.fillna("not_assessed")
    # a status judged from a break in series says so, as the side card and every other page (DESIGN)
    breaks = out["break_period"] if "break_period" in out else [None] * len(out)
    targets = out["has_target"] if "has_target" in out else [True] * len(out)   # Eurostat's names without one
    out["status_label"] = [f"{STATUS_ICONS.get(s, '')} {i18n.status_label(s, lang, method, bool(h))}"
                           + (f" · {t('break_since', lang, period=b)}" if isinstance(b, str) else "")
                           for s, b, h in zip(out["status"], breaks, targets)]
    return out


def tooltip(lang: str, kind: str = "values") -> dict:
    c = i18n.colon(lang)
    if kind == "flows":
        # One template for the deck, two kinds of objects under the pointer (an arc, a flow's end): each
        # carries its own two lines (map_flows.flow_tip, end_tip); a field it lacked would show as
        # "{field}". Plain text: Streamlit escapes what it puts in the template.
        html = "<b>{tip_title}</b><br/>{tip_detail}"
    else:
        # One line per fact, each free to wrap in a tooltip no wider than TOOLTIP_WIDTH: on one line, a long
        # name and unit ran past the map's right edge and the period was cut. The flag's line is empty, and
        # takes no room, for a value without a flag.
        html = (f"<div><b>{{name}}</b> · {{country_name}}</div>"
                f"<div>{t('value', lang)}{c} <b>{{value_fmt}}</b> ({{period}})</div>"
                f"<div>{{flag_note}}</div>"
                f"<div>{t('status', lang)}{c} {{status_label}}</div>")
    return {"html": html, "style": {"backgroundColor": "#FFFFFF", "color": "#1A1A1A", "fontSize": "14px",
                                    "border": "1px solid #888", "padding": "6px 8px",
                                    "maxWidth": f"{TOOLTIP_WIDTH}px", "whiteSpace": "normal",
                                    "overflowWrap": "break-word", "lineHeight": "1.35",
                                    # centred under the pointer (deck.gl puts its top-left corner there): a
                                    # territory near the map's right edge kept its tooltip on the screen
                                    "translate": "-50% 16px"}}


def values_deck(frame: pd.DataFrame, lang: str, *, colouring: str = "value", classes: Classes | None = None,
                geography: Geography | None = None, symbol: str = "circles", selected: Iterable[str] = (),
                unit: str | None = None, decimals: int | None = 1, method: str = "opensdg",
                base: BaseMap | None = None, online: bool = False,
                width: int = DEFAULT_WIDTH, height: int = DEFAULT_HEIGHT) -> pdk.Deck:
    """The map of one indicator's values per territory.

    `frame`: one row per territory (territory_id, names, country, lat, lon, value, period, and
    `status` for the status colouring). Territories with a shape in `geography` are drawn as a
    choropleth; the others as proportional circles ("points") or columns ("columns") at their
    coordinates, sized by the value, coloured like the choropleth.

    On the offline base map (`base`, with the territories' shapes) MapLibre fills the shapes
    (`view_style`, inlined as the deck's style) and the deck's "territories" layer is a transparent
    copy for tooltips and clicks. Online, or without a base map, the deck fills them itself.
    """
    selected = set(map(str, selected))
    data = _label_fields(frame, lang, unit, decimals, method)
    if colouring == "status":
        colors = [STATUS_COLORS.get(s, NO_DATA_COLOR) for s in data["status"]]
    else:
        colors = [classes.color(v) if classes is not None else NO_DATA_COLOR for v in data["value"]]
    data["colour"] = colors
    data["fill"] = [rgba(c, 225) for c in colors]
    data["selected"] = data["territory_id"].astype(str).isin(selected)
    shapes = geography.shapes if geography is not None else {}
    has_shape = data["territory_id"].astype(str).isin(set(shapes))
    layers: list[pdk.Layer] = []
    bounds_geoms: list[tuple[float, float, float, float]] = []
    by_style = not online and base is not None and base.territories_url is not None
    style_url = None

    if has_shape.any():
        shown = data[has_shape]
        if by_style:  # MapLibre fills; the deck keeps the shapes, invisible, for tooltips and clicks
            style_url = style_data_url(view_style(base, dict(zip(shown["territory_id"].astype(str),
                                                                 shown["colour"])), selected))
        features = []
        for row in shown.to_dict("records"):
            props = {"territory_id": str(row["territory_id"]), "name": row["name"],
                     "country_name": row["country_name"], "value_fmt": row["value_fmt"], "period": row["period"],
                     "flag_note": row["flag_note"], "status_label": row["status_label"]}
            if by_style:   # transparent; the chart itself draws a selected one opaque
                props["fill"] = row["fill"][:3] + [0]
            else:
                props.update(fill=row["fill"], line=rgba(SELECTED_LINE) if row["selected"] else [90, 96, 105, 255],
                             lw=3 if row["selected"] else 0.8)
            features += [{"type": "Feature", "geometry": geometry, "properties": props}
                         for geometry in shapes[str(row["territory_id"])]]
        layers.append(pdk.Layer("GeoJsonLayer", data={"type": "FeatureCollection", "features": features},
                                id="territories", pickable=True, stroked=not by_style, filled=True,
                                auto_highlight=True, highlight_color=[255, 255, 255, 90],
                                get_fill_color="properties.fill",
                                **({} if by_style else {"get_line_color": "properties.line",
                                                        "get_line_width": "properties.lw",
                                                        "line_width_units": '"pixels"',
                                                        "line_width_min_pixels": 0.5})))
        bounds_geoms.append(_geometry_bounds(f["geometry"] for f in features))

    points = data[~has_shape & data["lat"].notna() & data["lon"].notna()].copy()
    layers += _border_layers(geography, base, online)
    if not points.empty:
        lats, lons = points["lat"].astype(float), points["lon"].astype(float)
        bounds_geoms.append((float(lons.min()), float(lats.min()), float(lons.max()), float(lats.max())))
    bounds = _union_bounds(bounds_geoms)
    view_bounds = [bounds]
    if not points.empty:
        extent_m = _extent_m(bounds)
        magnitude = points["value"].astype(float).abs()
        top = float(magnitude.max()) or 1.0
        records = points.assign(magnitude=magnitude).sort_values("magnitude", ascending=False)
        cols = ["territory_id", "name", "country_name", "value_fmt", "period", "flag_note", "status_label", "fill",
                "lon", "lat"]
        out = records[cols].copy()
        out["lon"], out["lat"] = out["lon"].astype(float).round(5), out["lat"].astype(float).round(5)
        out["line"] = [rgba(SELECTED_LINE) if s else [77, 77, 77, 255] for s in records["selected"]]
        out["lw"] = [3.5 if s else 1 for s in records["selected"]]
        if symbol == "columns":
            out["elevation"] = (records["magnitude"] / top * extent_m / 3).round(1).values
            out["radius"] = round(max(extent_m / 90, 300), 1)     # the layer's radius, kept for the names
            layers.append(pdk.Layer("ColumnLayer", data=out.to_dict("records"), id="columns",
                                    get_position=["lon", "lat"], get_elevation="elevation", elevation_scale=1,
                                    radius=float(out["radius"].iloc[0]), disk_resolution=16, extruded=True,
                                    get_fill_color="fill", get_line_color="line", pickable=True,
                                    auto_highlight=True))
        else:
            out["radius"] = (np.sqrt(records["magnitude"] / top) * extent_m / 22).round(1).values
            layers.append(pdk.Layer("ScatterplotLayer", data=out.to_dict("records"), id="points",
                                    get_position=["lon", "lat"], get_radius="radius", radius_min_pixels=4,
                                    get_fill_color="fill", get_line_color="line", get_line_width="lw",
                                    line_width_units='"pixels"', stroked=True, filled=True, pickable=True,
                                    auto_highlight=True))
        # the view fits the circles, not only their centres: the largest one was cut by the map's edge
        view_bounds.append(_circles_bounds(out))
    pitch = 45 if symbol == "columns" and not points.empty and not has_shape.any() else 0
    view = fit_view(_union_bounds(view_bounds), width, height, padding=0.1 if not points.empty else 0.07,
                    pitch=pitch)   # room for edge names
    return CompactDeck(layers=layers, initial_view_state=view, tooltip=tooltip(lang),
                       **_base(base, online, style_url))


def _circles_bounds(points: pd.DataFrame) -> tuple[float, float, float, float] | None:
    """The box holding every circle whole: each centre widened by its radius (metres) in degrees."""
    if points.empty:
        return None
    lat = points["lat"].astype(float)
    radius = points["radius"].astype(float)
    dlon = radius / (111_320 * np.cos(np.radians(lat)).clip(lower=0.01))
    dlat = radius / 110_540
    lon = points["lon"].astype(float)
    return (float((lon - dlon).min()), float((lat - dlat).min()), float((lon + dlon).max()), float((lat + dlat).max()))


def drawn_symbols(deck: pdk.Deck) -> tuple[tuple[str, float, float, float], ...]:
    """(territory_id, lon, lat, radius in metres) of every circle or column `values_deck` drew: the territories
    without a shape, which `map_labels.names_layer` names beside their symbols."""
    out = []
    for layer in deck.layers:
        if getattr(layer, "id", None) in ("points", "columns") and isinstance(layer.data, list):
            out += [(str(r["territory_id"]), float(r["lon"]), float(r["lat"]), float(r["radius"])) for r in layer.data]
    return tuple(out)


def _geometry_bounds(geometries: Iterable[dict]) -> tuple[float, float, float, float] | None:
    xs, ys = [], []

    def walk(c):
        if c and isinstance(c[0], (int, float)):
            xs.append(c[0])
            ys.append(c[1])
        else:
            for x in c:
                walk(x)

    for geometry in geometries:
        walk(geometry.get("coordinates") or [])
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def _union_bounds(items) -> tuple[float, float, float, float] | None:
    items = [b for b in items if b]
    if not items:
        return None
    return (min(b[0] for b in items), min(b[1] for b in items), max(b[2] for b in items), max(b[3] for b in items))


def _extent_m(bounds) -> float:
    if not bounds:
        return 50_000.0
    west, south, east, north = bounds
    lat = math.radians((south + north) / 2)
    dx = (east - west) * 111_320 * math.cos(lat)
    dy = (north - south) * 110_540
    return max(dx, dy, 20_000.0)


def territory_from_selection(state: Any) -> str | None:
    """The territory code of a map click, from the chart's selection state (object or plain dict)."""
    if not state:
        return None
    try:
        selection = state["selection"]
        objects = selection["objects"] or {}
    except (KeyError, TypeError):
        return None
    for layer in LAYER_IDS:
        for obj in objects.get(layer) or []:
            if not isinstance(obj, Mapping):
                continue
            code = obj.get("territory_id") or (obj.get("properties") or {}).get("territory_id")
            if code:
                return str(code)
    return None
