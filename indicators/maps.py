"""Maps: boundary files, classes and legends, and the pydeck decks of the Map page.

Pure functions, no Streamlit: plain data (bytes, DataFrames, GeoJSON dicts) in, pydeck decks,
GeoJSON and plain lists out, so that everything is tested without a browser.

- **Boundaries are the user's.** `read_boundary_file` reads GeoJSON or TopoJSON bytes (a single
  Feature is accepted as a collection of one), reprojects a projected file (Lambert 93, Belgian
  Lambert 2008, LAEA Europe… declared in `crs`, or recognised from its coordinates) to WGS84, or
  refuses it with a `BoundaryError` whose message names the file. `prepare_boundaries` joins the
  features to the territories on the chosen code property, lists the features whose code is
  unknown and the territories left without a shape, and simplifies the shapes as a coverage
  (shared edges stay shared) so that 700 communes stay light.
- **Offline base map.** `base_style` is a MapLibre style whose only layers are a background, the
  uploaded boundaries and the border; the page serves it (and the boundaries) as static files,
  content addressed (`write_base_map`), so the map needs no tile server. On that base map MapLibre
  itself draws the choropleth (`view_style`: one `match` expression from territory code to class
  colour, passed inline as a `data:` URL), because deck.gl tessellating and stroking 800 polygons in
  software WebGL took seconds; deck.gl keeps a transparent copy of the shapes for tooltips and clicks.
  An online basemap is used only when the user turns it on, and then deck.gl draws the colours.
- **Classes** come from mapclassify (quantiles, equal intervals, natural breaks by Fisher-Jenks),
  colours from Paul Tol's colour-blind-safe schemes; `legend` gives the class bounds in the
  user's number format and a "no data" class.
- **Decks**: `values_deck` (choropleth where shapes exist, proportional circles or columns at the
  territories' coordinates elsewhere), `flows_deck` (arcs whose width follows the value, coloured
  from origin to destination). Both draw the border computed from the boundaries.
- `territory_from_selection` reads a map click (the chart's selection state) as a territory code.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
import pydeck as pdk

from . import i18n, limits
from .i18n import t
from .style import COUNTRY_COLORS, STATUS_COLORS, STATUS_ICONS, STATUS_ORDER, rgb

# ---------------------------------------------------------------- limits and constants

MAX_MB = 25                        # boundary files above this are refused (simplify them first)
MAX_BYTES = MAX_MB * 1024 * 1024
MAX_FEATURES = 50_000
REPAIR_VERTICES = 20_000           # an invalid feature larger than this is skipped, not repaired
COORD_DIGITS = 5                   # 1e-5 degree: about a metre, far below the simplification
LAYER_IDS = ("territories", "points", "columns", "flow_ends")   # layers whose objects are territories
# Projected systems tried, in this order, when a file declares none (see `_guess_crs`).
GUESSED_CRS = ("EPSG:2154", "EPSG:3812", "EPSG:31370", "EPSG:3035")
KIND_ORDER = ("commune", "epci", "arrondissement", "nuts3", "department", "province", "region", "custom")
CLASS_METHODS = ("quantiles", "equal_interval", "natural_breaks")
JENKS_SAMPLE = 300                 # values above which natural breaks run on a sample

# Paul Tol's colour-blind-safe schemes (personal.sron.nl/~pault): two sequential, two diverging.
PALETTES: dict[str, tuple[str, ...]] = {
    "ylorbr": ("#FFFFE5", "#FFF7BC", "#FEE391", "#FEC44F", "#FB9A29", "#EC7014", "#CC4C02", "#993404",
               "#662506"),
    "iridescent": ("#FEFBE9", "#FCF7D5", "#F5F3C1", "#EAF0B5", "#DDECBF", "#D0E7CA", "#C2E3D2", "#B5DDD8",
                   "#A8D8DC", "#9BD2E1", "#8DCBE4", "#81C4E7", "#7BBCE7", "#7EB2E4", "#88A5DD", "#9398D2",
                   "#9B8AC4", "#9D7DB2", "#9A709E", "#906388", "#805770", "#684957", "#46353A"),
    "sunset": ("#364B9A", "#4A7BB7", "#6EA6CD", "#98CAE1", "#C2E4EF", "#EAECCC", "#FEDA8B", "#FDB366",
               "#F67E4B", "#DD3D2D", "#A50026"),
    "prgn": ("#762A83", "#9970AB", "#C2A5CF", "#E7D4E8", "#F7F7F7", "#D9F0D3", "#ACD39E", "#5AAE61",
             "#1B7837"),
}
DIVERGING = ("sunset", "prgn")
NO_DATA_COLOR = "#888888"          # Tol's "bad data" grey for the sequential schemes
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


class BoundaryError(ValueError):
    """A boundary file that cannot be used; `message(lang)` says why, naming the file."""

    def __init__(self, key: str, **params: Any):
        self.key, self.params = key, params
        super().__init__(f"{key}: {params}")

    def message(self, lang: str) -> str:
        """The message in `lang`; numbers in the language's format (`50,0 Mo`, `50.0 MB`)."""
        params = {k: (i18n.number(v, lang, 1) if isinstance(v, float) else
                      i18n.number(v, lang, 0) if isinstance(v, int) and not isinstance(v, bool) and v >= 10_000
                      else v) for k, v in self.params.items()}
        return t(self.key, lang, **params)


@dataclass
class BoundaryFile:
    """A boundary file read and in WGS84: one (properties, id, shapely geometry) per area feature."""
    name: str
    features: list[tuple[dict, Any, Any]]
    size: int
    source_type: str = "geojson"          # geojson | topojson
    crs: str | None = None                # the CRS the file was in, when not WGS84 lon/lat
    notices: list[tuple[str, dict]] = field(default_factory=list)   # (i18n key, params)

    def notice_texts(self, lang: str) -> list[str]:
        return [t(key, lang, **params) for key, params in self.notices]


@dataclass
class Prepared:
    """An uploaded file joined to the territories, simplified, ready to save."""
    geojson: dict                          # FeatureCollection: properties {code, name}, WGS84
    code_property: str
    matched: list[str]                     # territory codes that got a shape
    unknown: pd.DataFrame                  # features whose code is no territory: code, name
    missing: pd.DataFrame                  # territories of the matched kinds without a shape
    features_in_file: int
    features_kept: int
    vertices_before: int
    vertices_after: int
    size_bytes: int
    duplicates: list[dict] = field(default_factory=list)   # {code, features}: one code on several features


@dataclass
class Geography:
    """Every saved boundary set, merged: shapes by territory code, the base map, the border."""
    shapes: dict[str, list[dict]]          # territory code -> GeoJSON geometries
    base_layers: list[dict]                # one FeatureCollection per set, coarsest first (base style)
    border: list[list[list[float]]]        # paths [[lon, lat], ...] of the national borders
    bounds: tuple[float, float, float, float] | None
    sets: list[dict]                       # name, code_property, features, matched, saved_at, user

    @property
    def empty(self) -> bool:
        return not self.shapes

    def territories_collection(self) -> dict:
        """Every territory's shapes as one FeatureCollection whose only property is the code."""
        return {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"code": code}, "geometry": geometry}
            for code, geometries in sorted(self.shapes.items()) for geometry in geometries]}


@dataclass(frozen=True)
class BaseMap:
    """The offline base map as served: its style (sources by URL) and where the territories' shapes are."""
    style_url: str                         # the base style file: background, boundaries, border
    style: dict                            # the same style, which `view_style` extends for one view
    territories_url: str | None            # every territory's shapes, property `code`; None without shapes


# ---------------------------------------------------------------- reading boundary files

def read_boundary_file(raw: bytes, filename: str, max_bytes: int = MAX_BYTES) -> BoundaryFile:
    """GeoJSON or TopoJSON bytes → area features in WGS84, or a `BoundaryError` naming the file."""
    size = len(raw)
    if size > max_bytes:
        raise BoundaryError("map_err_too_big", file=filename, size=_mb(size), limit=max_bytes // (1024 * 1024))
    if not raw.strip():
        raise BoundaryError("map_err_empty", file=filename)
    notices: list[tuple[str, dict]] = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        notices.append(("map_note_encoding", {"file": filename}))
    try:
        if not limits.json_depth_ok(text):
            raise RecursionError
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BoundaryError("map_err_json", file=filename, line=exc.lineno, column=exc.colno,
                            detail=exc.msg) from None
    except RecursionError:
        raise BoundaryError("map_err_json", file=filename, line="?", column="?", detail="nesting") from None
    if not isinstance(doc, dict) or "type" not in doc:
        raise BoundaryError("map_err_not_geojson", file=filename)
    kind = doc.get("type")
    source_type = "geojson"
    if kind == "Topology":
        features, object_name, others = _topojson_features(doc, filename)
        source_type = "topojson"
        if others:
            notices.append(("map_note_topo_object", {"file": filename, "name": object_name,
                                                     "others": ", ".join(others)}))
    elif kind == "FeatureCollection":
        features = doc.get("features")
        if not isinstance(features, list):
            raise BoundaryError("map_err_not_geojson", file=filename)
    elif kind == "Feature":
        features = [doc]
        notices.append(("map_note_single_feature", {"file": filename}))
    elif kind in ("Polygon", "MultiPolygon", "GeometryCollection"):
        raise BoundaryError("map_err_bare_geometry", file=filename, type=kind)
    else:
        raise BoundaryError("map_err_not_geojson", file=filename)
    if len(features) > MAX_FEATURES:
        raise BoundaryError("map_err_too_many", file=filename, n=len(features), limit=MAX_FEATURES)

    areas, skipped_null, skipped_other = [], 0, 0
    import shapely
    from shapely.geometry import shape

    vertices, max_vertices = 0, limits.get("MAX_VERTICES")
    for feature in features:
        if not isinstance(feature, dict):
            skipped_other += 1
            continue
        geometry = feature.get("geometry")
        if not geometry:
            skipped_null += 1
            continue
        if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon",
                                                                          "GeometryCollection"):
            skipped_other += 1
            continue
        try:
            geom = shape(geometry)
        except Exception:  # malformed coordinates: the feature is skipped and counted
            skipped_other += 1
            continue
        vertices += shapely.get_num_coordinates(geom)
        if vertices > max_vertices:
            raise BoundaryError("map_err_too_complex", file=filename, limit=max_vertices)
        geom = _polygonal(geom)
        if geom is None:
            skipped_other += 1
            continue
        props = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
        areas.append((props, feature.get("id"), geom))
    if skipped_null or skipped_other:
        notices.append(("map_note_skipped", {"file": filename, "n": skipped_null + skipped_other}))
    if not areas:
        raise BoundaryError("map_err_no_polygons", file=filename)

    crs = _declared_crs(doc, filename)
    geoms = [g for _, _, g in areas]
    if crs is None and not _looks_like_lonlat(geoms):
        crs = _guess_crs(geoms, filename)
        notices.append(("map_note_crs_guessed", {"file": filename, "crs": crs}))
    if crs is not None:
        geoms = _reproject(geoms, crs, filename)
        if crs not in ("EPSG:4326", "OGC:CRS84"):
            notices.append(("map_note_reprojected", {"file": filename, "crs": crs}))
        areas = [(p, i, g) for (p, i, _), g in zip(areas, geoms)]
    if not _looks_like_lonlat([g for _, _, g in areas]):
        raise BoundaryError("map_err_coordinates", file=filename)
    return BoundaryFile(filename, areas, size, source_type, crs if crs not in ("EPSG:4326", "OGC:CRS84") else None,
                        notices)


def _mb(n: int) -> float:
    return round(n / 1024 / 1024, 1)


def _polygonal(geom):
    """Only the areas of a geometry, made valid; None when nothing is left."""
    import shapely
    from shapely.geometry import MultiPolygon, Polygon

    if geom.is_empty:
        return None
    if not geom.is_valid:
        if shapely.get_num_coordinates(geom) > REPAIR_VERTICES:
            # Repairing a large self-intersecting shape costs GEOS gigabytes (a 200,000-point zigzag
            # exhausts memory): such a feature is skipped and counted, never repaired.
            return None
        geom = shapely.make_valid(geom)
    if isinstance(geom, (Polygon, MultiPolygon)):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if isinstance(g, (Polygon, MultiPolygon))]
    polys = [p for g in parts for p in (g.geoms if isinstance(g, MultiPolygon) else [g])]
    return MultiPolygon(polys) if polys else None


def _topojson_features(doc: dict, filename: str) -> tuple[list[dict], str, list[str]]:
    """TopoJSON → GeoJSON features of its largest object (spec: github.com/topojson/topojson-specification)."""
    objects = doc.get("objects")
    arcs_in = doc.get("arcs")
    if not isinstance(objects, dict) or not objects or not isinstance(arcs_in, list):
        raise BoundaryError("map_err_not_geojson", file=filename)
    transform = doc.get("transform") or None
    budget = [limits.get("MAX_VERTICES")]   # points once arcs are expanded: one arc reused 400,000 times counts each time
    try:
        arcs = []
        for arc in arcs_in:
            points = np.asarray(arc, dtype=float)[:, :2]
            if transform:
                points = np.cumsum(points, axis=0) * np.asarray(transform["scale"], dtype=float) \
                    + np.asarray(transform["translate"], dtype=float)
            arcs.append(points)

        def ring(indices):
            out: list[np.ndarray] = []
            for index in indices:
                points = arcs[index] if index >= 0 else arcs[~index][::-1]
                budget[0] -= len(points)
                if budget[0] < 0:
                    raise BoundaryError("map_err_too_complex", file=filename, limit=limits.get("MAX_VERTICES"))
                out.append(points if not out else points[1:])
            return np.concatenate(out).tolist() if out else []

        def geometry(obj):
            kind = obj.get("type")
            if kind == "Polygon":
                return {"type": "Polygon", "coordinates": [ring(r) for r in obj["arcs"]]}
            if kind == "MultiPolygon":
                return {"type": "MultiPolygon", "coordinates": [[ring(r) for r in p] for p in obj["arcs"]]}
            if kind == "GeometryCollection":
                return {"type": "GeometryCollection", "geometries": [g for g in map(geometry, obj.get("geometries", []))
                                                                     if g]}
            return {"type": kind} if kind else None      # points and lines are skipped later

        def polygons(obj) -> int:
            return sum(1 for g in obj.get("geometries", [obj]) if g.get("type") in ("Polygon", "MultiPolygon"))

        names = sorted(objects, key=lambda n: -polygons(objects[n]))
        name = names[0]
        top = objects[name]
        members = top.get("geometries", []) if top.get("type") == "GeometryCollection" else [top]
        features = [{"type": "Feature", "id": m.get("id"), "properties": m.get("properties") or {},
                     "geometry": geometry(m) if m.get("type") else None} for m in members]
    except BoundaryError:
        raise
    except (KeyError, IndexError, TypeError, ValueError, RecursionError):
        raise BoundaryError("map_err_topojson", file=filename) from None
    except MemoryError:   # the limits should stop a file first; if not, still a report, never a crash
        raise BoundaryError("map_err_too_complex", file=filename, limit=limits.get("MAX_VERTICES")) from None
    return features, name, names[1:]


def _declared_crs(doc: dict, filename: str) -> str | None:
    """The CRS a file declares in its (pre-2016 GeoJSON) `crs` member, as 'EPSG:n'; None if none."""
    member = doc.get("crs")
    if not member:
        return None
    props = member.get("properties", {}) if isinstance(member, dict) else {}
    text = props.get("name") or props.get("code") or props.get("href") or ""
    if isinstance(member, dict) and member.get("type", "").upper() == "EPSG" and props.get("code"):
        text = f"EPSG:{props['code']}"
    text = str(text).strip()
    if re.search(r"CRS84$", text, re.I):
        return "OGC:CRS84"
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    try:
        crs = CRS.from_user_input(text)
    except CRSError:
        raise BoundaryError("map_err_crs_unknown", file=filename, crs=text or str(member)) from None
    epsg = crs.to_epsg()
    return f"EPSG:{epsg}" if epsg else crs.to_string()


def _bounds(geoms) -> tuple[float, float, float, float]:
    import shapely

    return tuple(float(v) for v in shapely.total_bounds(np.asarray(geoms, dtype=object)))


def _looks_like_lonlat(geoms) -> bool:
    west, south, east, north = _bounds(geoms)
    return all(math.isfinite(v) for v in (west, south, east, north)) and \
        -180 <= west <= east <= 180 and -90 <= south <= north <= 90


def _guess_crs(geoms, filename: str) -> str:
    """A projected file without `crs`: the one system of `GUESSED_CRS` whose area holds it, or refuse."""
    from pyproj import CRS, Transformer

    west, south, east, north = _bounds(geoms)
    fits = []
    for code in GUESSED_CRS:
        crs = CRS.from_user_input(code)
        area = crs.area_of_use
        transformer = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
        xs, ys = transformer.transform([west, east, west, east], [south, south, north, north])
        if not all(math.isfinite(v) for v in (*xs, *ys)):
            continue
        margin = 0.5
        if area and min(xs) >= area.west - margin and max(xs) <= area.east + margin \
                and min(ys) >= area.south - margin and max(ys) <= area.north + margin:
            fits.append(code)
    if len(fits) != 1:
        raise BoundaryError("map_err_crs_missing", file=filename,
                            bounds=f"{west:.0f}, {south:.0f}, {east:.0f}, {north:.0f}")
    return fits[0]


def _reproject(geoms, crs: str, filename: str):
    import shapely
    from pyproj import Transformer

    if crs in ("EPSG:4326", "OGC:CRS84"):
        return geoms
    try:
        transformer = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
        out = shapely.transform(np.asarray(geoms, dtype=object), lambda xy: np.column_stack(
            transformer.transform(xy[:, 0], xy[:, 1])))
    except Exception:
        raise BoundaryError("map_err_crs_unknown", file=filename, crs=crs) from None
    if not _looks_like_lonlat(out):
        raise BoundaryError("map_err_coordinates", file=filename)
    return [_polygonal(g) or g for g in out]


# ---------------------------------------------------------------- codes and joining

def _code(value: Any, known: set[str] | None = None) -> str | None:
    """A property value as a territory code: 34022.0 → '34022'; 1001 → '01001' when that is known."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        value = int(value) if value.is_integer() else value
    text = str(value).strip()
    if not text:
        return None
    if known is not None and text not in known:
        for candidate in (text.upper(), text.zfill(5), text.zfill(6), text.zfill(9)):
            if candidate in known:
                return candidate
    return text


def feature_code(props: Mapping, fid: Any, prop: str, known: set[str] | None = None) -> str | None:
    if prop in props:
        return _code(props.get(prop), known)
    if prop == "id":
        return _code(fid, known)
    return None


def code_properties(bfile: BoundaryFile, territory_ids: Iterable[str]) -> list[dict]:
    """The properties that could hold the territory code, best first: property, matches, example."""
    known = {str(c) for c in territory_ids}
    names: list[str] = []
    for props, _, _ in bfile.features[:500]:
        names += [k for k in props if k not in names]
    if any(fid is not None for _, fid, _ in bfile.features) and "id" not in names:
        names.append("id")
    out = []
    for name in names:
        values = [feature_code(p, i, name, known) for p, i, _ in bfile.features]
        present = [v for v in values if v]
        if not present:
            continue
        matches = len({v for v in present if v in known})
        distinct = len(set(present))
        out.append({"property": name, "matches": matches, "distinct": distinct, "example": present[0]})
    out.sort(key=lambda c: (-c["matches"], -(c["distinct"] == len(bfile.features)), names.index(c["property"])))
    return out


NAME_PROPERTIES = ("nom", "name", "name_fr", "NAME_LATN", "NUTS_NAME", "libelle", "LIBELLE", "NOM", "NAME",
                   "name_nl", "naam", "NAAM", "name_en", "nom_com", "NOM_COM", "libgeo", "LIBGEO")


def name_property(bfile: BoundaryFile, code_property: str) -> str | None:
    keys = {k for p, _, _ in bfile.features[:50] for k in p}
    for name in NAME_PROPERTIES:
        if name in keys and name != code_property:
            return name
    return None


def prepare_boundaries(bfile: BoundaryFile, code_property: str, territories: pd.DataFrame,
                       tolerance: float | None = None) -> Prepared:
    """Join on `code_property`, keep the area around the matches, simplify; refuse if nothing matches."""
    import shapely
    from shapely.geometry import mapping

    known = set(territories["territory_id"].astype(str))
    name_prop = name_property(bfile, code_property)
    rows = []
    for props, fid, geom in bfile.features:
        code = feature_code(props, fid, code_property, known)
        name = props.get(name_prop) if name_prop else None
        rows.append((code, None if name is None else str(name), geom))
    matched_rows = [r for r in rows if r[0] in known]
    if not matched_rows:
        examples = ", ".join(sorted({r[0] for r in rows if r[0]})[:5]) or "–"
        raise BoundaryError("map_err_no_match", file=bfile.name, prop=code_property, examples=examples,
                            known=", ".join(sorted(known)[:5]))
    # Keep the matched features and their neighbours (the area around them), not a whole continent.
    west, south, east, north = _bounds([r[2] for r in matched_rows])
    pad_x, pad_y = max(east - west, 1.0), max(north - south, 1.0)
    area = shapely.box(west - pad_x, south - pad_y, east + pad_x, north + pad_y)
    kept = [r for r in rows if r[0] in known or r[2].intersects(area)]
    geoms = np.asarray([r[2] for r in kept], dtype=object)
    before = int(shapely.get_num_coordinates(geoms).sum())
    if tolerance is None:
        kw, ks, ke, kn = _bounds(geoms)
        tolerance = min(max(ke - kw, kn - ks) / 1000, 0.005)
    simplified = simplify_coverage(geoms, tolerance)
    features = []
    for (code, name, _), geom in zip(kept, simplified):
        if geom is None or geom.is_empty:
            continue
        props = {"code": code, "name": name}
        features.append({"type": "Feature", "properties": props, "geometry": _rounded(mapping(geom))})
    collection = {"type": "FeatureCollection", "features": features,
                  "source": {"file": bfile.name, "code_property": code_property, "crs": bfile.crs or "EPSG:4326",
                             "features_in_file": len(bfile.features), "tolerance": tolerance}}
    after = int(shapely.get_num_coordinates(np.asarray([g for g in simplified if g is not None],
                                                       dtype=object)).sum())
    matched = sorted({r[0] for r in matched_rows})
    unknown = pd.DataFrame([(r[0] or "", r[1] or "") for r in rows if r[0] not in known],
                           columns=["code", "name"]).drop_duplicates()
    missing = territories_without_shape(territories, matched)
    size = len(json.dumps(collection, separators=(",", ":")))
    return Prepared(collection, code_property, matched, unknown.reset_index(drop=True), missing,
                    len(bfile.features), len(features), before, after, size, duplicate_codes(rows))


def duplicate_codes(rows: Sequence[tuple]) -> list[dict]:
    """Codes given to more than one feature, with those features (position in the file from 1, and name):
    they would be drawn under one value, so the user is told which ones."""
    seen: dict[str, list[str]] = {}
    for position, (code, name, _) in enumerate(rows, start=1):
        if code:
            seen.setdefault(code, []).append(f"#{position}" + (f" {name}" if name else ""))
    return [{"code": code, "features": ", ".join(features)} for code, features in seen.items() if len(features) > 1]


def simplify_coverage(geoms, tolerance: float):
    """Simplify polygons sharing edges without opening gaps between them (GEOS coverage simplification)."""
    import shapely

    geoms = np.asarray(geoms, dtype=object)
    if tolerance <= 0 or len(geoms) == 0:
        return list(geoms)
    try:
        out = shapely.coverage_simplify(geoms, tolerance)
    except Exception:  # not a clean coverage (overlaps): simplify each shape on its own
        out = shapely.simplify(geoms, tolerance / 4, preserve_topology=True)
    out = shapely.set_precision(out, 10 ** -COORD_DIGITS)
    return [(_polygonal(g) if g is not None and not g.is_empty else None) for g in out]


def _rounded(geometry: dict) -> dict:
    def walk(c):
        if isinstance(c, (list, tuple)) and c and isinstance(c[0], (int, float)):
            return [round(float(v), COORD_DIGITS) for v in c[:2]]
        return [walk(x) for x in c]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def territories_without_shape(territories: pd.DataFrame, with_shape: Iterable[str],
                              kinds: Iterable[str] | None = None) -> pd.DataFrame:
    """Territories of the same kinds as those that have a shape (or of `kinds`), still without one."""
    have = set(with_shape)
    frame = territories.copy()
    frame["territory_id"] = frame["territory_id"].astype(str)
    if kinds is None:
        kinds = set(frame.loc[frame["territory_id"].isin(have), "kind"].dropna())
    out = frame[frame["kind"].isin(set(kinds)) & ~frame["territory_id"].isin(have)]
    if "replaced_by" in out:
        out = out[out["replaced_by"].isna() | (out["replaced_by"].astype(str).str.strip() == "")]
    cols = [c for c in ("territory_id", "name_fr", "name_nl", "name_en", "country", "kind") if c in out]
    return out[cols].sort_values(["country", "territory_id"]).reset_index(drop=True)


# ---------------------------------------------------------------- the saved sets, merged

def build_geography(sets: Sequence[Mapping], territories: pd.DataFrame) -> Geography:
    """Merge the saved boundary sets: shapes by code (first set wins), base map, border.

    Sets an editor saved come first, the newest first, then the sets shipped with the demo: an upload
    that shares codes with a demo set replaces its shapes, whatever the names sort like."""
    from shapely.geometry import shape

    from .demo_boundaries import DEMO_USER

    sets = sorted(sets, key=lambda s: str(s.get("saved_at") or ""), reverse=True)
    sets = sorted(sets, key=lambda s: s.get("user") == DEMO_USER)   # stable: the newest first within each

    known = set(territories["territory_id"].astype(str))
    country_of = dict(zip(territories["territory_id"].astype(str), territories["country"].astype(str)))
    shapes: dict[str, list[dict]] = {}
    base_layers, summaries = [], []
    per_set_country: list[dict[str, list]] = []
    for item in sets:
        collection = item.get("geojson") or {}
        features = collection.get("features", []) if isinstance(collection, dict) else []
        mine: dict[str, list[dict]] = {}
        layer = []
        for feature in features:
            code = str((feature.get("properties") or {}).get("code") or "")
            geometry = feature.get("geometry")
            if not geometry:
                continue
            layer.append({"type": "Feature", "properties": {}, "geometry": geometry})
            if code in known:
                mine.setdefault(code, []).append(geometry)
        for code, geometries in mine.items():
            shapes.setdefault(code, geometries)
        if layer:
            area = sum(shape(f["geometry"]).area for f in layer) / len(layer)
            base_layers.append((area, {"type": "FeatureCollection", "features": layer}))
        summaries.append({"name": item.get("name"), "code_property": item.get("code_property"),
                          "features": len(features), "matched": len(mine), "saved_at": item.get("saved_at"),
                          "user": item.get("user")})
        # Each feature's country: its territory's, else the set's one country, else its code's prefix.
        countries = {country_of[c] for c in mine}
        single = next(iter(countries)) if len(countries) == 1 else None
        by_country: dict[str, list] = {}
        for feature in features:
            code = str((feature.get("properties") or {}).get("code") or "")
            country = country_of.get(code) or single or (code[:2].upper() if code[:2].isalpha() else None)
            if country and feature.get("geometry"):
                by_country.setdefault(country, []).append(shape(feature["geometry"]))
        per_set_country.append(by_country)
    bounds = None
    if shapes:
        geoms = [shape(g) for gs in shapes.values() for g in gs]
        bounds = _bounds(geoms)
    border = national_borders(per_set_country, [c for c in COUNTRY_COLORS])
    base_layers.sort(key=lambda item: -item[0])
    return Geography(shapes, [layer for _, layer in base_layers], border, bounds, summaries)


def national_borders(per_set_country: Sequence[Mapping[str, list]], countries: Sequence[str],
                     tolerance: float = 0.012) -> list[list[list[float]]]:
    """The border between each pair of countries, from the finest set of each side.

    Two files from two producers never share their edges exactly, so the border is the part of
    one side's outline that lies within `tolerance` degrees (about a kilometre) of the other side.
    """
    import shapely
    from shapely.geometry import LineString, MultiLineString

    finest: dict[str, list] = {}
    for by_country in per_set_country:
        for country, geoms in by_country.items():
            if len(geoms) > len(finest.get(country, [])):
                finest[country] = geoms
    paths: list[list[list[float]]] = []
    present = [c for c in countries if c in finest]
    for i, a in enumerate(present):
        for b in present[i + 1:]:
            try:
                side_a = shapely.union_all(np.asarray(finest[a], dtype=object), grid_size=1e-5)
                side_b = shapely.union_all(np.asarray(finest[b], dtype=object), grid_size=1e-5)
                line = side_a.boundary.intersection(side_b.buffer(tolerance))
                line = shapely.line_merge(line) if not line.is_empty else line
                line = line.simplify(0.0005)
            except Exception:  # a broken geometry: no border rather than no map
                continue
            parts = line.geoms if hasattr(line, "geoms") else [line]
            for part in parts:
                if isinstance(part, (LineString,)) and part.length > 0.005:
                    paths.append([[round(x, COORD_DIGITS), round(y, COORD_DIGITS)] for x, y in part.coords])
                elif isinstance(part, MultiLineString):
                    paths += [[[round(x, 5), round(y, 5)] for x, y in p.coords] for p in part.geoms]
    return paths


# ---------------------------------------------------------------- the offline base map

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


# ---------------------------------------------------------------- values, classes, legend

def territory_counts(obs: pd.DataFrame) -> pd.Series:
    """How many territories have a value, per indicator (indicators with none are left out)."""
    return obs[obs["value"].notna()].groupby("indicator_id")["territory_id"].nunique()


def default_indicator(indicators: pd.DataFrame, obs: pd.DataFrame | None = None,
                      counts: pd.Series | None = None) -> str | None:
    """The Map page's first view: an indicator the strategy acts on (not a context one), known in the
    most territories (`counts`: territory_counts(obs), when the caller keeps it)."""
    counts = territory_counts(obs) if counts is None else counts
    rows = indicators[indicators["indicator_id"].isin(counts.index)]
    if rows.empty:
        return None
    codes = rows["indicator_id"].astype(str).tolist()
    kinds = dict(zip(rows["indicator_id"].astype(str), rows.get("type", pd.Series([None] * len(rows))).astype(str)))
    return max(codes, key=lambda c: (kinds.get(c) != "context", int(counts.get(c, 0)), -codes.index(c)))


def kinds_with_values(obs: pd.DataFrame, territories: pd.DataFrame, indicator_id: str) -> list[tuple[str, int]]:
    """(kind, territories with a value) for an indicator, the kind with most territories first."""
    counts = values_frame(obs, territories, indicator_id)["kind"].fillna("custom").value_counts()
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    return sorted(((str(k), int(n)) for k, n in counts.items()), key=lambda kn: (-kn[1], order.get(kn[0], 99)))


def values_frame(obs: pd.DataFrame, territories: pd.DataFrame, indicator_id: str, period: str | None = None,
                 kind: str | None = None) -> pd.DataFrame:
    """The latest value (or the value of `period`) of each territory, with the territory's columns.

    A territory whose code was replaced is left out when its successor has a value, so that the
    old and new codes of one place are not drawn on top of each other.
    """
    o = obs[(obs["indicator_id"] == indicator_id) & obs["value"].notna()]
    if period:
        o = o[o["period"].astype(str) == str(period)]
    cols = ["territory_id", "period", "value"] + (["flag"] if "flag" in o else [])
    latest = o.sort_values("period").groupby("territory_id", as_index=False).last()[cols]
    ter = territories.copy()
    ter["territory_id"] = ter["territory_id"].astype(str)
    frame = latest.merge(ter, on="territory_id", how="inner")
    if kind:
        frame = frame[frame["kind"].fillna("custom") == kind]
    if "replaced_by" in frame:
        successor = frame["replaced_by"].fillna("").astype(str)
        frame = frame[~successor.isin(set(frame["territory_id"]))]
    return frame.reset_index(drop=True)


@dataclass
class Classes:
    method: str
    bins: list[float]              # upper bound of each class (inclusive)
    lower: float                   # the smallest value
    colors: list[str]
    counts: list[int]

    def index(self, value) -> int | None:
        if value is None or not _finite(value):
            return None
        i = int(np.searchsorted(np.asarray(self.bins), float(value), side="left"))
        return min(i, len(self.bins) - 1)

    def color(self, value) -> str:
        i = self.index(value)
        return NO_DATA_COLOR if i is None else self.colors[i]


def _finite(value) -> bool:
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def classify(values: Iterable, method: str = "quantiles", k: int = 5, palette: str = "ylorbr",
             higher_is_better: bool = True) -> Classes | None:
    """Class bounds by mapclassify, and one colour per class; None without any value.

    Natural breaks are Fisher-Jenks (exact and deterministic). Fewer distinct values than
    classes give one class per value. A diverging palette is centred on the median, and runs
    from the worse side to the better side of the indicator's desired direction.
    """
    import warnings

    with warnings.catch_warnings():   # "Numba not installed": the pure Python path is fast enough here
        warnings.simplefilter("ignore")
        import mapclassify

    v = np.asarray([float(x) for x in values if _finite(x)], dtype=float)
    if v.size == 0:
        return None
    if method not in CLASS_METHODS:
        raise ValueError(f"unknown classification method {method!r}")
    distinct = np.unique(v)
    k = int(max(1, min(k, distinct.size)))
    if distinct.size <= k:
        bins = distinct.tolist()
    else:
        scheme = {"quantiles": mapclassify.Quantiles, "equal_interval": mapclassify.EqualInterval,
                  "natural_breaks": mapclassify.FisherJenks}[method]
        sample = v
        if method == "natural_breaks" and v.size > JENKS_SAMPLE:
            # Fisher-Jenks is quadratic (slow without numba): run it on evenly spaced order
            # statistics, a deterministic sample that keeps the distribution's shape.
            sample = np.quantile(v, np.linspace(0, 1, JENKS_SAMPLE))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            bins = [float(b) for b in scheme(sample, k=k).bins]
        bins = sorted(set(bins))
    bins[-1] = max(bins[-1], float(v.max()))
    idx = np.minimum(np.searchsorted(np.asarray(bins), v, side="left"), len(bins) - 1)
    counts = np.bincount(idx, minlength=len(bins)).tolist()
    colors = class_colors(palette, bins, float(v.min()), float(np.median(v)), higher_is_better)
    return Classes(method, bins, float(v.min()), colors, counts)


def _interpolate(scheme: Sequence[str], position: float) -> str:
    position = min(max(position, 0.0), 1.0) * (len(scheme) - 1)
    i = int(math.floor(position))
    j = min(i + 1, len(scheme) - 1)
    share = position - i
    a = [int(scheme[i][n:n + 2], 16) for n in (1, 3, 5)]
    b = [int(scheme[j][n:n + 2], 16) for n in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02X}" for x, y in zip(a, b))


def class_colors(palette: str, bins: Sequence[float], lower: float, center: float,
                 higher_is_better: bool = True) -> list[str]:
    scheme = PALETTES.get(palette, PALETTES["ylorbr"])
    n = len(bins)
    if palette not in DIVERGING:
        if n == 1:
            return [_interpolate(scheme, 0.6)]
        # Leave the palest end out: it would read as "no data" on the white land.
        return [_interpolate(scheme, 0.12 + 0.88 * i / (n - 1)) for i in range(n)]
    # Diverging: the palettes run blue/purple → red/green; the better side gets the cold (blue) end
    # for sunset, and green for PRGn.
    cold_is_better = palette == "sunset"
    mids, low = [], lower
    for b in bins:
        mids.append((low + b) / 2)
        low = b
    spread = max(abs(m - center) for m in mids) or 1.0
    colors = []
    for m in mids:
        p = (m - center) / spread            # -1 … +1, + is higher
        better = p if higher_is_better else -p
        position = 0.5 - better / 2 if cold_is_better else 0.5 + better / 2
        colors.append(_interpolate(scheme, 0.5 + (position - 0.5) * 0.92))
    return colors


def label_decimals(bins: Sequence[float], lower: float, decimals: int | None) -> int:
    """Enough decimals for the class bounds to differ once formatted (at most three more)."""
    digits = 1 if decimals is None else int(decimals)
    bounds = [lower, *bins]
    for extra in range(4):
        rounded = [round(b, digits + extra) for b in bounds]
        if len(set(rounded)) == len(set(bounds)):
            return digits + extra
    return digits + 3


def fmt(value, lang: str, decimals: int | None = 1, unit: str | None = None) -> str:
    if not _finite(value):
        return "–"
    text = i18n.number(float(value), lang, 1 if decimals is None else int(decimals))
    unit = (unit or "").strip()
    return f"{text}\u00a0{unit}" if unit else text


def legend(classes: Classes | None, lang: str, decimals: int | None = 1, no_data: int = 0) -> list[dict]:
    """Legend rows: colour, label (class bounds in the user's number format), count; then "no data"."""
    rows = []
    if classes is not None:
        digits = label_decimals(classes.bins, classes.lower, decimals)
        low = classes.lower
        for i, (upper, color, count) in enumerate(zip(classes.bins, classes.colors, classes.counts)):
            a, b = i18n.number(low, lang, digits), i18n.number(upper, lang, digits)
            label = a if a == b else f"{a} – {b}"
            rows.append({"color": color, "label": label, "count": int(count)})
            low = upper
    rows.append({"color": NO_DATA_COLOR, "label": t("map_no_data", lang), "count": int(no_data)})
    return rows


def status_legend(statuses: Iterable[str], lang: str, method: str = "opensdg", no_data: int = 0) -> list[dict]:
    counts = pd.Series(list(statuses), dtype=object).value_counts()
    # the same icon and word as every other page's status
    rows = [{"color": STATUS_COLORS[s], "label": f"{STATUS_ICONS[s]} {i18n.status_label(s, lang, method)}",
             "count": int(counts.get(s, 0))}
            for s in STATUS_ORDER if counts.get(s, 0)]
    rows.append({"color": NO_DATA_COLOR, "label": t("map_no_data", lang), "count": int(no_data)})
    return rows


def legend_html(rows: Sequence[Mapping], title: str = "") -> str:
    """The legend as small HTML (swatch, label, count); escaped."""
    from html import escape

    items = "".join(
        f'<div style="display:flex;align-items:center;gap:.5rem;margin:.15rem 0">'
        f'<span style="display:inline-block;width:1.6rem;height:1rem;background:{escape(r["color"])};'
        f'border:1px solid #555"></span><span>{escape(str(r["label"]))}</span>'
        f'<span style="color:#555;margin-left:auto">{int(r.get("count", 0))}</span></div>'
        for r in rows)
    head = f'<div style="font-weight:600;margin-bottom:.3rem">{escape(title)}</div>' if title else ""
    return f'<div style="font-size:0.95rem;line-height:1.3">{head}{items}</div>'


# ---------------------------------------------------------------- decks

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


def _label_fields(frame: pd.DataFrame, lang: str, unit: str | None, decimals: int | None,
                  method: str) -> pd.DataFrame:
    out = frame.copy()
    recs = out.to_dict("records")
    out["name"] = [territory_name(r, lang) for r in recs]
    out["country_name"] = [t(f"country_{r.get('country')}", lang) if f"country_{r.get('country')}" in i18n.TEXTS
                           else str(r.get("country") or "") for r in recs]
    out["value_fmt"] = [fmt(r.get("value"), lang, decimals, unit) for r in recs]
    out["period"] = [str(r.get("period")) if r.get("period") is not None and not pd.isna(r.get("period")) else "–"
                     for r in recs]
    statuses = out["status"] if "status" in out else pd.Series(["not_assessed"] * len(out), index=out.index)
    out["status"] = statuses.fillna("not_assessed")
    out["status_label"] = [f"{STATUS_ICONS.get(s, '')} {i18n.status_label(s, lang, method)}" for s in out["status"]]
    return out


def tooltip(lang: str, kind: str = "values") -> dict:
    c = i18n.colon(lang)
    if kind == "flows":
        # One template for the deck, two kinds of objects under the pointer (an arc, a flow's end): each
        # carries its own two lines (map_flows.flow_tip, end_tip); a field it lacked would show as
        # "{field}". Plain text: Streamlit escapes what it puts in the template.
        html = "<b>{tip_title}</b><br/>{tip_detail}"
    else:
        html = (f"<b>{{name}}</b> · {{country_name}}<br/>{t('value', lang)}{c} <b>{{value_fmt}}</b> ({{period}})"
                f"<br/>{t('status', lang)}{c} {{status_label}}")
    return {"html": html, "style": {"backgroundColor": "#FFFFFF", "color": "#1A1A1A", "fontSize": "14px",
                                    "border": "1px solid #888", "padding": "6px 8px"}}


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
                     "status_label": row["status_label"]}
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
    if not points.empty:
        extent_m = _extent_m(bounds)
        magnitude = points["value"].astype(float).abs()
        top = float(magnitude.max()) or 1.0
        records = points.assign(magnitude=magnitude).sort_values("magnitude", ascending=False)
        cols = ["territory_id", "name", "country_name", "value_fmt", "period", "status_label", "fill", "lon", "lat"]
        out = records[cols].copy()
        out["lon"], out["lat"] = out["lon"].astype(float).round(5), out["lat"].astype(float).round(5)
        out["line"] = [rgba(SELECTED_LINE) if s else [77, 77, 77, 255] for s in records["selected"]]
        out["lw"] = [3.5 if s else 1 for s in records["selected"]]
        if symbol == "columns":
            out["elevation"] = (records["magnitude"] / top * extent_m / 3).round(1).values
            layers.append(pdk.Layer("ColumnLayer", data=out.to_dict("records"), id="columns",
                                    get_position=["lon", "lat"], get_elevation="elevation", elevation_scale=1,
                                    radius=max(extent_m / 90, 300), disk_resolution=16, extruded=True,
                                    get_fill_color="fill", get_line_color="line", pickable=True,
                                    auto_highlight=True))
        else:
            out["radius"] = (np.sqrt(records["magnitude"] / top) * extent_m / 22).round(1).values
            layers.append(pdk.Layer("ScatterplotLayer", data=out.to_dict("records"), id="points",
                                    get_position=["lon", "lat"], get_radius="radius", radius_min_pixels=4,
                                    get_fill_color="fill", get_line_color="line", get_line_width="lw",
                                    line_width_units='"pixels"', stroked=True, filled=True, pickable=True,
                                    auto_highlight=True))
    pitch = 45 if symbol == "columns" and not points.empty and not has_shape.any() else 0
    view = fit_view(bounds, width, height, padding=0.1 if not points.empty else 0.07, pitch=pitch)   # room for edge names
    return CompactDeck(layers=layers, initial_view_state=view, tooltip=tooltip(lang),
                       **_base(base, online, style_url))


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


# ---------------------------------------------------------------- clicks

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
