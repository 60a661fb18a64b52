"""Seed a fresh store with the demo's shipped boundaries, through the same path as an editor's upload.

The files in data/demo/boundaries/ are derived by data/demo/boundaries/make.py from open-licence
sources (see data/demo/README.md). Each is read by boundaries.read_boundary_file, joined and simplified by
boundaries.prepare_boundaries and saved by store.save_boundaries, so an editor can replace or delete them
like any uploaded set.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine

BOUNDARIES_DIR = Path(__file__).resolve().parent.parent / "data" / "demo" / "boundaries"
DEMO_USER = "demo"

# saved set name -> shipped file (the code property is always "code")
DEMO_SETS = {
    "demo-nuts3": "nuts3.geojson",
    "demo-communes-nord": "communes-nord.geojson",
    "demo-communes-be": "communes-be.geojson",
}
ATTRIBUTION = ("© IGN Admin Express (Licence Ouverte) · Statbel / arneh61 (CC0) · "
               "© EuroGeographics for the administrative boundaries (Eurostat GISCO)")


def seed_demo_boundaries(engine: Engine, territories) -> list[str]:
    """Save every shipped set whose codes match the territories; return the names saved."""
    from .boundaries import prepare_boundaries, read_boundary_file
    from .store import save_boundaries

    saved = []
    for name, filename in DEMO_SETS.items():
        path = BOUNDARIES_DIR / filename
        bfile = read_boundary_file(path.read_bytes(), filename)
        prepared = prepare_boundaries(bfile, "code", territories)
        save_boundaries(engine, name, prepared.geojson, "code", DEMO_USER)
        saved.append(name)
    return saved
