"""Reading a boundary file: GeoJSON or TopoJSON bytes to area features in WGS84, or a refusal naming the
file (`BoundaryError`). Preparing the shapes for the map (joining them to the territories, simplifying
them) is indicators/boundaries.py's.

`read_boundary_file` reads the bytes (a single Feature is accepted as a collection of one), reprojects a
projected file (Lambert 93, Belgian Lambert 2008, LAEA Europe… declared in `crs`, or recognised from its
coordinates), or refuses it. A GeoJSON's coordinates are read into numpy arrays, never Python lists
(indicators/boundary_coordinates.py), under a count of points its size pays for (limits.affordable).
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import boundary_coordinates, i18n, limits
from .i18n import t

MAX_MB = 25                        # boundary files above this are refused (simplify them first)
MAX_BYTES = MAX_MB * 1024 * 1024
MAX_FEATURES = 50_000
REPAIR_VERTICES = 20_000           # an invalid feature larger than this is skipped, not repaired

# Projected systems tried, in this order, when a file declares none (see `_guess_crs`).
GUESSED_CRS = ("EPSG:2154", "EPSG:3812", "EPSG:31370", "EPSG:3035")


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
    pieces = None
    try:
        if not limits.json_depth_ok(text):
            raise RecursionError
        # The coordinates arrays are kept out of the JSON parse, read into numpy arrays feature by feature.
        pieces = boundary_coordinates.cut(text)
        doc = json.loads(pieces.text)
    except json.JSONDecodeError:
        raise _json_error(filename, text) from None
    except RecursionError:
        raise BoundaryError("map_err_json_deep", file=filename, limit=limits.get("MAX_JSON_DEPTH")) from None
    if not isinstance(doc, dict) or "type" not in doc:
        raise BoundaryError("map_err_not_geojson", file=filename)
    kind = doc.get("type")
    source_type = "geojson"
    if kind == "Topology":
        features, object_name, others = _topojson_features(doc, filename,
                                                           limits.affordable("MAX_VERTICES", size, "topo_vertex"))
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

    # As many points as the file's size pays for (limits.budget), MAX_VERTICES at most: counted before
    # each feature's coordinates are read.
    max_vertices = limits.affordable("MAX_VERTICES", size, "topo_vertex" if source_type == "topojson" else "vertex")
    vertices = [0]

    def count(points: int) -> None:
        vertices[0] += points
        if vertices[0] > max_vertices:
            raise BoundaryError("map_err_too_complex", file=filename, limit=max_vertices)

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
            geom = _polygonal(_shape(geometry, pieces, count))
        except BoundaryError:
            raise
        except json.JSONDecodeError:   # an array of the coordinates that is no JSON
            raise _json_error(filename, text) from None
        except Exception:  # malformed coordinates (GEOS refusing infinite ones too): skipped and counted
            skipped_other += 1
            continue
        if geom is None:
            skipped_other += 1
            continue
        props = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
        areas.append((_restored(props, pieces), feature.get("id"), geom))
    if pieces is not None and pieces.unused_invalid():   # a skipped feature's coordinates that are no JSON
        raise _json_error(filename, text)
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


def _json_error(filename: str, text: str) -> BoundaryError:
    """Not JSON: said at the line and column of its first error in the file (the whole text parsed again,
    as before its coordinates were read apart: only a file refused pays for it), never with the parser's
    English words."""
    try:
        json.loads(text)
        position = 0
    except json.JSONDecodeError as exc:
        position = exc.pos
    except RecursionError:
        position = 0
    line = text.count("\n", 0, position) + 1
    return BoundaryError("map_err_json", file=filename, line=line, column=position - text.rfind("\n", 0, position))


def _shape(geometry: dict, pieces, count):
    """A GeoJSON geometry as shapely's: its coordinates read from the text by numpy when they were cut
    out (boundary_coordinates), else as JSON gave them (shapely's `shape`). `count(points)` is told each
    geometry's points before they are read. Raises on malformed coordinates (the feature is skipped)."""
    import shapely
    from shapely.geometry import shape

    kind = geometry.get("type")
    if kind == "GeometryCollection":
        members = geometry.get("geometries")
        if not isinstance(members, list):
            raise ValueError("geometries")
        parts = np.empty(len(members), dtype=object)
        parts[:] = [_shape(member, pieces, count) for member in members]
        return shapely.geometrycollections(parts)
    coordinates = pieces.coordinates(geometry.get("coordinates")) if pieces is not None else None
    if coordinates is None:
        geom = shape(geometry)
        count(int(shapely.get_num_coordinates(geom)))
        return geom
    count(coordinates.points())
    # A small array is read as JSON (numpy's fixed cost per array is more than its lists); a large one
    # into numpy arrays, never lists.
    geom = coordinates.geometry(kind) if coordinates.end - coordinates.start > boundary_coordinates.SMALL else None
    if geom is None:   # small, or not a polygon's array of numbers: read as JSON, as any other
        geom = shape({"type": kind, "coordinates": coordinates.as_json()})
    return geom


def _restored(props: dict, pieces) -> dict:
    """A feature's properties with a `coordinates` property read back as JSON (it was cut out too)."""
    if pieces is None or not pieces.spans or not any(isinstance(v, str) and v.startswith(pieces.token)
                                                       for v in props.values()):
        return props
    out = {}
    for key, value in props.items():
        found = pieces.coordinates(value)
        out[key] = value if found is None else found.as_json()
    return out


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


def _topojson_features(doc: dict, filename: str, max_vertices: int) -> tuple[list[dict], str, list[str]]:
    """TopoJSON → GeoJSON features of its largest object (spec: github.com/topojson/topojson-specification)."""
    objects = doc.get("objects")
    arcs_in = doc.get("arcs")
    if not isinstance(objects, dict) or not objects or not isinstance(arcs_in, list):
        raise BoundaryError("map_err_not_geojson", file=filename)
    transform = doc.get("transform") or None
    budget = [max_vertices]   # points once arcs are expanded: one arc reused 400,000 times counts each time
    try:
        arcs = []
        for arc in arcs_in:
            points = np.asarray(arc, dtype=float)[:, :2]
            if transform:
                points = np.cumsum(points, axis=0) * np.asarray(transform["scale"], dtype=float) \
                    + np.asarray(transform["translate"], dtype=float)
            arcs.append(points)
        arcs_in[:] = []   # the arcs' JSON lists (170 bytes a point) go: their arrays hold them now

        def ring(indices):
            out: list[np.ndarray] = []
            for index in indices:
                points = arcs[index] if index >= 0 else arcs[~index][::-1]
                budget[0] -= len(points)
                if budget[0] < 0:
                    raise BoundaryError("map_err_too_complex", file=filename, limit=max_vertices)
                out.append(points if not out else points[1:])
            return np.concatenate(out) if out else []   # an array: shapely reads it without lists

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
        raise BoundaryError("map_err_too_complex", file=filename, limit=max_vertices) from None
    return features, name, names[1:]


def _declared_crs(doc: dict, filename: str) -> str | None:
    """The CRS a file declares in its (pre-2016 GeoJSON) `crs` member, as 'EPSG:n'; None if none.

    The member as the 2008 specification writes it (`{"type": "name", "properties": {"name": ...}}`, or
    type "EPSG" with a code), or as a plain text some programs write (`"crs": "EPSG:4326"`). Anything
    else is refused as a form this does not read, never shown as Python writes it."""
    member = doc.get("crs")
    if not member:
        return None
    if isinstance(member, str):
        found: Any = member
    elif isinstance(member, dict):
        props = member.get("properties") or {}
        if not isinstance(props, dict):
            raise BoundaryError("map_err_crs_form", file=filename)
        found = props.get("name") or props.get("code") or props.get("href") or ""
        if str(member.get("type", "")).upper() == "EPSG" and props.get("code"):
            found = f"EPSG:{props['code']}"
    else:
        found = None
    if not isinstance(found, (str, int)) or isinstance(found, bool) or not str(found).strip():
        raise BoundaryError("map_err_crs_form", file=filename)
    text = str(found).strip()
    if re.search(r"CRS84$", text, re.I):
        return "OGC:CRS84"
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    try:
        crs = CRS.from_user_input(text)
    except (CRSError, ValueError, TypeError):
        raise BoundaryError("map_err_crs_unknown", file=filename,
                            crs=text if len(text) <= 80 else text[:80] + "…") from None
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
                            bounds=", ".join(f"{v:.0f}" if abs(v) < 1e12 else f"{v:.3g}"
                                             for v in (west, south, east, north)))
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

