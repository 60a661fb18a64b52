"""Boundary files: joining a file's features to the territories, simplifying them as a coverage, and
merging the saved sets into one geography (reading the file itself, GeoJSON or TopoJSON reprojected to
WGS84, is indicators/boundary_reading.py's; its names are also this module's).

Pure functions, no Streamlit. `prepare_boundaries` joins the features to the territories on the chosen
code property, lists the features whose code is unknown and the territories left without a shape,
says the shapes that lie far from their territory's point (indicators/boundary_placement.py), and
simplifies the shapes as a coverage (shared edges stay shared) so that 700 communes stay light.
`build_geography` merges the saved sets.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from .boundary_reading import (  # noqa: F401 - the reading's names, as the pages and tests use them
    GUESSED_CRS, MAX_BYTES, MAX_FEATURES, MAX_MB, REPAIR_VERTICES, BoundaryError, BoundaryFile, _bounds,
    _looks_like_lonlat, _mb, _polygonal, read_boundary_file)
from .boundary_placement import misplaced
from .countries import of_territories

COORD_DIGITS = 5                   # 1e-5 degree: about a metre, far below the simplification


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
    # Matched shapes far from their territory's point, farthest first: {code, km} (boundary_placement), and
    # whether they would fit with longitude and latitude swapped.
    misplaced: list[dict] = field(default_factory=list)
    swapped: bool = False


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
    far, swapped = misplaced(matched_rows, territories)
    return Prepared(collection, code_property, matched, unknown.reset_index(drop=True), missing,
                    len(bfile.features), len(features), before, after, size, duplicate_codes(rows), far, swapped)


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
