"""The committee report's map: one indicator's latest values by territory, as a static plotly figure.

Drawn from the saved boundaries (the Map page's shapes) in Web Mercator pixels, offline: no tile
server, so the report opens and prints anywhere. Territories are filled by value class (the Map
page's quantiles and colour-blind-safe palette), the state border drawn over them, the large towns
named without overlap (map_labels), the legend's classes in the report's number format with the
unit in its language.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from .. import boundaries, demo_boundaries, i18n, map_classes, map_labels, maps
from ..i18n import t
from ..units import unit_of

WIDTH, HEIGHT = 680, 600          # px: the page's width; the legend beside the map
MAP_SHARE = 0.72                  # of the width for the map; the legend takes the rest
OUTLINE = "#FFFFFF"
CONTEXT_FILL = "#F1F3F5"          # territories of the view without a value
BORDER = "#1A1A1A"
HALO = "0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff"      # names stay readable over dark classes
# map_labels' placement of a name around its point, as plotly's text positions
POSITIONS = {("middle", "bottom"): "top center", ("middle", "top"): "bottom center",
             ("start", "center"): "middle right", ("end", "center"): "middle left",
             ("start", "bottom"): "top right", ("end", "bottom"): "top left",
             ("start", "top"): "bottom right", ("end", "top"): "bottom left"}


@dataclass
class ReportMap:
    indicator_id: str
    title: str                    # the indicator's name and unit
    figure: go.Figure
    note: str                     # the period(s) shown, the territories' kind, the territories left out


def _xy(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    box = map_labels.label_box({"lon": lon, "lat": lat, "label": "", "size": 0, "anchor": "start",
                                "baseline": "top", "offset": [0, 0]}, zoom)
    return box[0], -box[1]          # plotly's y grows upwards


def _rings(geometries: list[dict]) -> list[list[list[float]]]:
    out = []
    for g in geometries:
        if g.get("type") == "Polygon":
            out += g["coordinates"][:1]
        elif g.get("type") == "MultiPolygon":
            out += [p[0] for p in g["coordinates"]]
    return out


def _path(rings, zoom: float) -> tuple[list, list]:
    xs, ys = [], []
    for ring in rings:
        for lon, lat, *_ in ring:
            x, y = _xy(lon, lat, zoom)
            xs.append(round(x, 1))
            ys.append(round(y, 1))
        xs.append(None)
        ys.append(None)
    return xs, ys


def _bounds(rings) -> tuple[float, float, float, float]:
    lons = [p[0] for r in rings for p in r]
    lats = [p[1] for r in rings for p in r]
    return min(lons), min(lats), max(lons), max(lats)


def indicator_map(geo: boundaries.Geography, indicator: dict, obs: pd.DataFrame, territories: pd.DataFrame,
                  lang: str) -> ReportMap | None:
    """The map of `indicator`'s latest values on the kind of territory with the most values that has
    shapes; None without boundaries or without any value on a shape."""
    if geo is None or geo.empty:
        return None
    code = str(indicator["indicator_id"])
    frame = pd.DataFrame()
    for kind, _n in map_classes.kinds_with_values(obs, territories, code):
        candidate = map_classes.values_frame(obs, territories, code, None, kind)
        candidate = candidate[candidate["territory_id"].astype(str).isin(set(geo.shapes))]
        if len(candidate) > len(frame):
            frame = candidate
    if frame.empty:
        return None
    decimals, unit = indicator.get("decimals"), unit_of(indicator, lang)
    decimals = None if decimals is None or pd.isna(decimals) else int(decimals)
    higher = str(indicator.get("direction") or "increase") != "decrease"
    classes = map_classes.classify(frame["value"], "quantiles", 5, "ylorbr", higher)
    rows = map_classes.legend(classes, lang, decimals)[:-1]

    mine = {str(tid): _rings(geo.shapes[str(tid)]) for tid in frame["territory_id"]}
    west, south, east, north = _bounds([r for rings in mine.values() for r in rings])
    pad_x, pad_y = 0.08 * (east - west), 0.08 * (north - south)
    view = (west - pad_x, south - pad_y, east + pad_x, north + pad_y)
    zoom = float(maps.fit_view(view, int(WIDTH * MAP_SHARE), HEIGHT, padding=0.0).zoom)

    fig = go.Figure()
    # The territories of the same kind around them, in grey: other kinds (departments over communes)
    # would overlap them.
    kind_of = dict(zip(territories["territory_id"].astype(str), territories["kind"].fillna("custom").astype(str)))
    kind = kind_of.get(str(frame["territory_id"].iloc[0]), "custom")
    around = [r for tid, shapes in geo.shapes.items() if tid not in mine and kind_of.get(tid) == kind
              for r in _rings(shapes) if _overlaps(_bounds([r]), view)]
    xs, ys = _path(around, zoom)
    fig.add_trace(go.Scatter(x=xs, y=ys, fill="toself", fillcolor=CONTEXT_FILL, mode="lines",
                             line=dict(color="#C9CED6", width=0.4), hoverinfo="skip", showlegend=False,
                             meta={"role": "context"}))
    by_class: dict[int, list] = {}
    for r in frame.to_dict("records"):
        by_class.setdefault(classes.index(r["value"]), []).extend(mine[str(r["territory_id"])])
    for i, row in enumerate(rows):
        xs, ys = _path(by_class.get(i, []), zoom)
        fig.add_trace(go.Scatter(x=xs or [None], y=ys or [None], fill="toself", fillcolor=row["color"],
                                 mode="lines", line=dict(color=OUTLINE, width=0.6), name=row["label"],
                                 hoverinfo="skip", legendrank=i, meta={"role": "class", "count": row["count"]}))
    for path in geo.border:
        xs, ys = _path([path], zoom)
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(color=BORDER, width=1.6), hoverinfo="skip",
                                 showlegend=False, meta={"role": "border"}))
    # The large towns named, none overlapping another, all inside the map
    (x0, y0), (x1, y1) = _xy(view[0], view[3], zoom), _xy(view[2], view[1], zoom)
    box = (x0, -y0, x1, -y1)
    labels = map_labels.declutter(map_labels.place_labels(territories, lang, min_population=map_labels.LARGE_TOWN),
                                  zoom, box)
    if labels:
        points = [_xy(lab["lon"], lab["lat"], zoom) for lab in labels]
        fig.add_trace(go.Scatter(x=[p[0] for p in points], y=[p[1] for p in points], mode="markers+text",
                                 text=[lab["label"] for lab in labels],
                                 textposition=[POSITIONS.get((lab["anchor"], lab["baseline"]), "top center")
                                               for lab in labels],
                                 textfont=dict(size=10, color="#212529", shadow=HALO),
                                 marker=dict(size=4, color="#212529"),
                                 hoverinfo="skip", showlegend=False, meta={"role": "names"}))
    name = i18n.name(indicator, "name", lang) or code
    title = f"{name} ({unit})" if unit else name
    fig.update_layout(
        width=WIDTH, height=HEIGHT, margin=dict(l=0, r=0, t=4, b=4), paper_bgcolor="#FFFFFF",
        plot_bgcolor="#FFFFFF", showlegend=True, dragmode=False,
        legend=dict(title=dict(text=unit or "", font=dict(size=10)), x=MAP_SHARE + 0.02, xanchor="left", y=0.98,
                    yanchor="top", font=dict(size=10), traceorder="normal"),
        xaxis=dict(visible=False, range=[x0, x1], domain=[0, MAP_SHARE]),
        yaxis=dict(visible=False, range=[y1, y0], scaleanchor="x", scaleratio=1))
    periods = sorted(frame["period"].astype(str).unique())
    shown = periods[0] if len(periods) == 1 else f"{periods[0]}–{periods[-1]}"
    kind = str(frame["kind"].iloc[0]) if "kind" in frame and frame["kind"].notna().any() else "custom"
    kind_text = t(f"map_kind_{kind}", lang) if f"map_kind_{kind}" in i18n.TEXTS else kind
    note = t("report_map_note", lang, period=shown, kind=kind_text.lower(), n=len(frame))
    if demo_boundaries.in_use(geo.sets):   # their licences ask for the sources wherever the map is shown
        note += " " + demo_boundaries.attribution(lang)
    return ReportMap(indicator_id=code, title=title, figure=fig, note=note)


def _overlaps(a, b) -> bool:
    return not (a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1])


def choose(framework: dict, obs: pd.DataFrame, indicator_ids, wanted: str | None = None) -> dict | None:
    """The indicator to map: `wanted` (the dashboard's chosen one) when it is in the report, else the
    Map page's default among the report's indicators."""
    indicators = framework["indicators"][framework["indicators"]["indicator_id"].isin(list(indicator_ids))]
    mine = obs[obs["indicator_id"].isin(indicators["indicator_id"])]
    code = wanted if wanted in set(mine.loc[mine["value"].notna(), "indicator_id"]) else \
        map_classes.default_indicator(indicators, mine)
    if code is None:
        return None
    return indicators[indicators["indicator_id"] == code].iloc[0].to_dict()

