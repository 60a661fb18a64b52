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


def in_use(sets) -> bool:
    """Whether a set shipped with the demo is still saved (an editor may have replaced or deleted it):
    its licence then asks for its sources to be named wherever the map is shown."""
    return any(s.get("name") in DEMO_SETS for s in sets)


def attribution(lang: str) -> str:
    """The line naming the shipped sets' sources, in `lang`: GISCO's terms ask for the EuroGeographics
    copyright line, which the sources list writes in English, not for English."""
    from .i18n import t

    sources = " · ".join(t("map_gisco_copyright", lang) if part.startswith("© EuroGeographics") else part
                         for part in ATTRIBUTION.split(" · "))
    return t("map_attribution", lang, sources=sources)


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
