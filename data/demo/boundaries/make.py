"""Derive the demo's shipped boundaries from the public files in /work/shared/fixtures/boundaries/.

Reproducible: `python3 data/demo/boundaries/make.py [SOURCE_DIR]`. Keeps the communes of the Nord
département, the municipalities of West Flanders, Hainaut and Brussels, and the NUTS 3 regions within
a box around the Eurometropolis (neighbours are kept so the state border and the country tints close);
simplifies each set as one coverage with shapely (shared edges stay shared) and rounds coordinates to
5 decimals (about 1 m). Provenance and licences: data/demo/README.md.
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


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    for out, (src, code_prop, names, tol) in SETS.items():
        collection = derive(source / src, code_prop, names, tol)
        text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
        (HERE / out).write_text(text, encoding="utf-8")
        print(f"{out}: {len(collection['features'])} features, {len(text.encode()) / 1e3:.0f} kB")


if __name__ == "__main__":
    main()
