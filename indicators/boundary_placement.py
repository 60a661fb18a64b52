"""Whether a boundary file's shapes lie where their territories are.

A file whose coordinates are written latitude first (Lille's square drawn in the Indian Ocean), or
declared in a system they are not in (WGS84 degrees read as Lambert 93 metres, 1.36° W 5.98° S), is
still valid GeoJSON, and its codes match: only the place is wrong. The territories carry a point
(`lat`, `lon`): a matched shape lying far from its territory's point is said, naming the codes, before
the file is saved (`misplaced`), and so is a file whose shapes would surround their points with longitude
and latitude swapped.
"""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np
import pandas as pd

FAR_KM = 25.0          # a point this far outside its shape is misplaced (coarse 1:60M shapes miss coasts by a few km)
KM_PER_DEGREE = 111.2  # along a meridian


def misplaced(rows: Sequence[tuple], territories: pd.DataFrame) -> tuple[list[dict], bool]:
    """The matched shapes far from their territory's point, farthest first, as {code, km}, and whether
    most of them would fit with longitude and latitude swapped.

    `rows` are (code, name, shapely geometry in WGS84) of the matched features; a code given to several
    shapes is placed when one of them is near. A territory without a point is not checked. The distance
    is a lower bound (degrees of longitude counted at the point's latitude), so only a shape surely far
    is said."""
    import shapely

    if "lat" not in territories or "lon" not in territories or not len(rows):
        return [], False
    frame = territories[["territory_id", "lat", "lon"]].copy()
    frame["lat"] = pd.to_numeric(frame["lat"], errors="coerce")
    frame["lon"] = pd.to_numeric(frame["lon"], errors="coerce")
    points = {str(c): (float(lon), float(lat)) for c, lat, lon in frame.itertuples(index=False)
              if math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180}
    checked = [(code, geom) for code, _, geom in rows if code in points and geom is not None and not geom.is_empty]
    if not checked:
        return [], False
    geoms = np.empty(len(checked), dtype=object)
    geoms[:] = [geom for _, geom in checked]
    lon, lat = (np.array([points[code][i] for code, _ in checked]) for i in (0, 1))
    scale = np.maximum(np.cos(np.radians(lat)), 0.05)   # a degree of longitude at that latitude, at least
    degrees = shapely.distance(geoms, shapely.points(lon, lat))
    swapped = shapely.distance(geoms, shapely.points(lat, lon))
    nearest: dict[str, tuple[float, float]] = {}
    for (code, _), d, s, k in zip(checked, degrees, swapped, scale):
        km, km_swapped = d * KM_PER_DEGREE * k, s * KM_PER_DEGREE * k
        best = nearest.get(code)
        if best is None or km < best[0]:
            nearest[code] = (km, km_swapped)
    far = sorted(((code, km, km_swapped) for code, (km, km_swapped) in nearest.items() if km > FAR_KM),
                 key=lambda item: (-item[1], item[0]))
    would_fit = sum(1 for _, _, km_swapped in far if km_swapped <= FAR_KM)
    return [{"code": code, "km": int(round(km))} for code, km, _ in far], bool(far) and would_fit * 2 > len(far)
