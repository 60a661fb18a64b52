"""Boundary files: reading GeoJSON and TopoJSON, reprojecting to WGS84, joining features to the
territories, simplifying them as a coverage, and merging the saved sets into one geography.

Pure functions, no Streamlit. `read_boundary_file` reads the bytes (a single Feature is accepted
as a collection of one), reprojects a projected file (Lambert 93, Belgian Lambert 2008, LAEA
Europe… declared in `crs`, or recognised from its coordinates), or refuses it with a
`BoundaryError` whose message names the file. `prepare_boundaries` joins the features to the
territories on the chosen code property, lists the features whose code is unknown and the
territories left without a shape, and simplifies the shapes as a coverage (shared edges stay
shared) so that 700 communes stay light. `build_geography` merges the saved sets.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from . import i18n, limits
from .i18n import t
from .countries import of_territories

MAX_MB = 25                        # boundary files above this are refused (simplify them first)
MAX_BYTES = MAX_MB * 1024 * 1024
MAX_FEATURES = 50_000
REPAIR_VERTICES = 20_000           # an invalid feature larger than this is skipped, not repaired
COORD_DIGITS = 5                   # 1e-5 degree: about a metre, far below the simplification
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
    border = national_borders(per_set_country, of_territories(territories))   # every pair of the region's countries
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
