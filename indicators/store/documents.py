"""Named documents kept in the store (saved mappings of foreign layouts, boundary sets), and the demo."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..schema import TABLES

from .tables import (
    DEMO_DIR, StoreError, _bump_version, boundaries, mappings, read_table)
from .writing import (
    ImportResult, _now)

# ---------------------------------------------------------------- named documents (mappings, boundaries)

def save_mapping(engine: Engine, name: str, spec: dict, user: str) -> None:
    """Save (or replace) a named mapping of a foreign layout; `spec` is plain JSON data."""
    with engine.begin() as conn:
        conn.execute(mappings.delete().where(mappings.c.name == name))
        conn.execute(mappings.insert().values(name=name, spec=json.dumps(spec, ensure_ascii=False, sort_keys=True),
                                              saved_at=_now(), user=user or "unknown"))
        _bump_version(conn)


def get_mapping(engine: Engine, name: str) -> dict | None:
    with engine.connect() as conn:
        spec = conn.execute(sa.select(mappings.c.spec).where(mappings.c.name == name)).scalar()
    return json.loads(spec) if spec else None


def list_mappings(engine: Engine) -> pd.DataFrame:
    with engine.connect() as conn:
        result = conn.execute(sa.select(mappings.c.name, mappings.c.saved_at, mappings.c.user)
                              .order_by(mappings.c.name))
        return pd.DataFrame(list(map(tuple, result.fetchall())), columns=["name", "saved_at", "user"])


def save_boundaries(engine: Engine, name: str, geojson: dict, code_property: str, user: str) -> None:
    """Save (or replace) a named boundary set, already in WGS84 and simplified."""
    with engine.begin() as conn:
        conn.execute(boundaries.delete().where(boundaries.c.name == name))
        conn.execute(boundaries.insert().values(name=name, code_property=code_property,
                                                geojson=json.dumps(geojson, separators=(",", ":")),
                                                saved_at=_now(), user=user or "unknown"))
        _bump_version(conn)


def load_boundaries(engine: Engine) -> list[dict]:
    """Every saved boundary set: name, code_property, geojson (dict), saved_at, user."""
    with engine.connect() as conn:
        rows = conn.execute(sa.select(boundaries).order_by(boundaries.c.name)).mappings().all()
    return [{**dict(r), "geojson": json.loads(r["geojson"])} for r in rows]


def delete_boundaries(engine: Engine, name: str) -> None:
    with engine.begin() as conn:
        conn.execute(boundaries.delete().where(boundaries.c.name == name))
        _bump_version(conn)


# ---------------------------------------------------------------- demo

def demo_files() -> list[Path]:
    return [DEMO_DIR / f"{name}.csv" for name in TABLES if (DEMO_DIR / f"{name}.csv").exists()]


def load_demo(engine: Engine, user: str = "demo") -> ImportResult:
    from ..importing import import_files

    outcome = import_files(engine, demo_files(), user=user)
    if not outcome.checked.ok:
        first = outcome.checked.problems[0]
        raise StoreError(f"The demo data does not validate: {first.file} row {first.row}: {first.message('en')}")
    from ..demo_boundaries import seed_demo_boundaries
    from ..demo_workflow import seed   # partners' accounts and submissions waiting for review

    # The map reads on first open: the shipped boundaries saved as an editor's upload would be.
    seed_demo_boundaries(engine, read_table(engine, "territories"))
    seed(engine)
    _mark_demo(engine, outcome.result.batch_id)
    return outcome.result


def _mark_demo(engine: Engine, batch_id: int | None) -> None:
    """The store holds the demo (its pages say the figures are illustrative) and names Lille's strategy,
    the demo's, unless it was named already: no other store shows either (identity.py)."""
    from ..i18n import t
    from .identity import LANGS, mark_demo

    with engine.begin() as conn:
        mark_demo(conn, batch_id, {lang: t("demo_strategy_name", lang) for lang in LANGS})
        _bump_version(conn)
