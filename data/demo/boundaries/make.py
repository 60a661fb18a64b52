"""Derive the demo's shipped boundaries from the public files in /work/shared/fixtures/boundaries/.

Reproducible: `python3 data/demo/boundaries/make.py [SOURCE_DIR]`. Keeps the communes of the Nord
département, the municipalities of West Flanders, Hainaut and Brussels, and the NUTS 3 regions within
a box around the Eurometropolis (neighbours are kept so the state border and the country tints close);
simplifies each set as one coverage with shapely (shared edges stay shared) and rounds coordinates to
5 decimals (about 1 m). NUTS 3 regions made of shipped communes are drawn as their union
(nuts_from_communes). Provenance and licences: data/demo/README.md.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import shapely
from shapely.geometry import box, mapping, shape

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = Path("/work/shared/fixtures/boundaries")
AREA = box(1.5, 49.6, 5.0, 51.5)          # the Euroregion and a margin around it (lon/lat)

# output name -> (source file, code property kept, name properties kept, tolerance in degrees)
SETS = {
    "communes-nord.geojson": ("communes-59-nord.geojson", "code", {"nom": "name"}, 0.0008),
    "communes-be.geojson": ("belgium-municipalities_WVL_HAINAUT_BRU.derived.geojson", "nis",
                            {"name_fr": "name_fr", "name_nl": "name_nl"}, 0.0008),
    "nuts3.geojson": ("NUTS_RG_60M_2021_4326_LEVL_3.geojson", "NUTS_ID", {"NAME_LATN": "name"}, 0.002),
}


def _rounded(coords):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], 5), round(coords[1], 5)]
    return [_rounded(c) for c in coords]


def derive(source: Path, code_prop: str, names: dict, tolerance: float) -> dict:
    doc = json.loads(source.read_text(encoding="utf-8"))
    kept = [(f["properties"], shape(f["geometry"])) for f in doc["features"]]
    kept = [(p, g) for p, g in kept if g.intersects(AREA)]
    geoms = shapely.coverage_simplify([g for _, g in kept], tolerance)
    features = []
    for (props, _), geom in zip(kept, geoms):
        out = {"code": str(props[code_prop])} | {new: props.get(old) for old, new in names.items()}
        geometry = mapping(geom)
        features.append({"type": "Feature", "properties": out,
                         "geometry": {"type": geometry["type"], "coordinates": _rounded(geometry["coordinates"])}})
    return {"type": "FeatureCollection", "features": features}


# The French départements whose communes the demo ships, by the code their communes start with.
FR_DEPARTMENTS = {"59": "Nord"}


# Arrondissements (by their NIS code's first two digits) whose communes are those of NUTS 2021: Brussels,
# West Flanders and Tournai-Mouscron. Hainaut's others were redrawn in 2019 (La Louvière was made of
# communes of Soignies, Charleroi and Thuin) while the Statbel file still groups them the old way: they
# keep GISCO's shape.
SAME_SINCE_2019 = {"21", "31", "32", "33", "34", "35", "36", "37", "38", "57"}


def _plain(name: str) -> str:
    """An arrondissement's name without its title: "Arrondissement de Tournai-Mouscron" (Statbel) and
    "Arr. Tournai-Mouscron" (GISCO) are both "tournai-mouscron"."""
    name = name.strip().lower()
    for title in ("arrondissement de ", "arrondissement d'", "arrondissement ", "arr. de ", "arr. d'", "arr. "):
        if name.startswith(title):
            return name[len(title):].strip()
    return name


def nuts_from_communes(nuts: dict, communes_fr: Path, communes_be: Path, source_be: Path) -> dict:
    """NUTS 3 regions drawn from the communes they are made of, where the demo ships them: GISCO's 1:60M
    shapes have 5 to 12 points per region (Kortrijk covered Mouscron, and its edge crossed the state
    border drawn from the communes). A region is the union of its communes (the Belgian ones by their
    arrondissement, the French ones by their département), so it shares the communes' edges exactly.
    Regions with no communes here (Pas-de-Calais, inland Belgium) keep GISCO's shape, cut where it
    overlaps a region drawn from communes."""
    be = json.loads(communes_be.read_text(encoding="utf-8"))["features"]      # the shipped (simplified) shapes
    fr = json.loads(communes_fr.read_text(encoding="utf-8"))["features"]
    arrondissement = {str(f["properties"]["nis"]): f["properties"]                # names from Statbel's file
                      for f in json.loads(source_be.read_text(encoding="utf-8"))["features"]}
    groups: dict[str, list] = {}
    for f in be:
        p = arrondissement.get(str(f["properties"]["code"]), {})
        if str(p.get("arr_nis", ""))[:2] not in SAME_SINCE_2019:
            continue
        for key in ("arr_fr", "arr_nl"):
            if p.get(key):
                groups.setdefault(_plain(p[key]), []).append(shape(f["geometry"]))
    for f in fr:
        department = FR_DEPARTMENTS.get(str(f["properties"]["code"])[:2])
        if department:
            groups.setdefault(_plain(department), []).append(shape(f["geometry"]))
    drawn, kept = {}, []
    for f in nuts["features"]:
        names = [_plain(n) for n in str(f["properties"].get("name") or "").split("/")]
        parts = next((groups[n] for n in names if n in groups), None)
        if parts:
            drawn[f["properties"]["code"]] = shapely.union_all(parts)
        kept.append(f)
    covered = shapely.union_all(list(drawn.values())) if drawn else None
    land = shapely.union_all([shape(f["geometry"]) for f in kept])
    for f in kept:
        code = f["properties"]["code"]
        if code in drawn:
            geom = drawn[code]
        elif covered is not None:
            geom = shape(f["geometry"]).difference(covered)
        else:
            continue
        # polygons only (a cut may leave slivers of lines or points), none at all: the region is dropped
        polygons = [g for g in shapely.get_parts(shapely.make_valid(geom)) if g.geom_type in ("Polygon", "MultiPolygon")]
        geom = shapely.union_all(polygons) if polygons else None
        if geom is None or geom.is_empty or geom.area < 1e-6:
            f["geometry"] = None
            continue
        f["geometry"] = geom
    kept = [f for f in kept if f["geometry"] is not None]
    _fill_gaps(kept, land, set(drawn))
    for f in kept:
        geometry = mapping(f["geometry"])
        f["geometry"] = {"type": geometry["type"], "coordinates": _rounded(geometry["coordinates"])}
    return {"type": "FeatureCollection", "features": kept}


def _fill_gaps(features: list[dict], land, drawn: set[str]) -> None:
    """Land that GISCO gave a region but that its communes do not cover (a coarse edge ran past the
    true one) goes to the coarse neighbour it shares the most edge with, so the map shows no holes."""
    if not drawn:
        return
    gaps = land.difference(shapely.union_all([f["geometry"] for f in features]))
    coarse = [f for f in features if f["properties"]["code"] not in drawn]
    for gap in shapely.get_parts(gaps):
        if gap.geom_type != "Polygon" or gap.area < 1e-7:
            continue
        shared = [(gap.boundary.intersection(f["geometry"].buffer(1e-5)).length, k) for k, f in enumerate(coarse)]
        length, k = max(shared, default=(0, None))
        if length > 0:
            coarse[k]["geometry"] = shapely.make_valid(coarse[k]["geometry"].union(gap))


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    for out, (src, code_prop, names, tol) in SETS.items():
        collection = derive(source / src, code_prop, names, tol)
        if out == "nuts3.geojson":
            collection = nuts_from_communes(collection, HERE / "communes-nord.geojson", HERE / "communes-be.geojson",
                                            source / SETS["communes-be.geojson"][0])
        text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
        (HERE / out).write_text(text, encoding="utf-8")
        print(f"{out}: {len(collection['features'])} features, {len(text.encode()) / 1e3:.0f} kB")


if __name__ == "__main__":
    main()
