"""Units in three languages (DESIGN.md): the indicator's own unit_<lang>, else the product's list, else as written."""
from __future__ import annotations

import pandas as pd

from indicators.schema import TABLES
from indicators.units import KNOWN, unit_of

from .conftest import DEMO


def test_an_indicator_unit_reads_in_each_language():
    own = {"unit": "cyclists/day", "unit_fr": "cyclistes/jour", "unit_nl": "fietsers/dag", "unit_en": None}
    assert [unit_of(own, lang) for lang in ("fr", "nl", "en")] == ["cyclistes/jour", "fietsers/dag", "cyclists/day"]
    listed = {"unit": "persons", "unit_fr": float("nan")}
    assert [unit_of(listed, lang) for lang in ("fr", "nl", "en")] == ["personnes", "personen", "persons"]
    assert unit_of({"unit": "Persons"}, "nl") == "personen"          # the list is read case-insensitively
    assert unit_of({"unit": "furlongs"}, "fr") == "furlongs"         # unknown: as written, never dropped


def test_the_schema_and_the_demo_carry_the_unit_columns():
    names = TABLES["indicators"].names
    assert {"unit_fr", "unit_nl", "unit_en"} <= set(names)
    demo = pd.read_csv(DEMO / "indicators.csv", dtype=str, keep_default_na=False)
    for row in demo.to_dict("records"):
        known = row["unit"].strip().lower() in KNOWN
        given = all(row[f"unit_{lang}"] for lang in ("fr", "nl", "en"))
        assert known or given, f"{row['indicator_id']}: unit {row['unit']!r} has no French/Dutch form"
    french = {unit_of(r, "fr") for r in demo.to_dict("records")}
    assert "persons" not in french and "pupils" not in french and "cyclists/day" not in french, french


def test_a_store_made_before_the_unit_columns_gets_them(tmp_path):
    """An existing store (SQLite here) opens after the schema grew: the new optional columns are added, empty."""
    import sqlalchemy as sa

    from indicators.store import load_demo, open_store

    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = open_store(url)
    load_demo(engine)
    with engine.begin() as conn:
        for lang in ("fr", "nl", "en"):
            conn.exec_driver_sql(f"ALTER TABLE indicators DROP COLUMN unit_{lang}")
    engine.dispose()
    engine = open_store(url)
    with engine.connect() as conn:
        columns = {c["name"] for c in sa.inspect(conn).get_columns("indicators")}
        count = conn.exec_driver_sql("SELECT count(*) FROM indicators").scalar()
    engine.dispose()
    assert {"unit_fr", "unit_nl", "unit_en"} <= columns and count == len(pd.read_csv(DEMO / "indicators.csv"))
