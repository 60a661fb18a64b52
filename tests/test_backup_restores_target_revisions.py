"""The export is a backup of the data: imported into an empty store it gives back every target with
its earlier versions (decision date, reason), not only the one in force (docs/deployment.md)."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

from indicators.exporting import export, export_frames
from indicators.importing import import_files
from indicators.store import earlier_versions, open_store, read_table

KEY = ["indicator_id", "territory_id", "decided_on"]


def _versions(engine) -> pd.DataFrame:
    return (earlier_versions(engine).drop(columns="replaced_at")
            .sort_values(KEY, na_position="first").reset_index(drop=True))


def _targets(engine) -> pd.DataFrame:
    return read_table(engine, "targets").sort_values(KEY[:2]).reset_index(drop=True)


@pytest.mark.parametrize("form", ["all.xlsx", "all.csv"])
def test_demo_export_restores_its_target_revisions(demo_store_file, tmp_path, form):
    demo = open_store(f"sqlite:///{demo_store_file}")
    assert len(_versions(demo)) >= 2   # the demo's 2021 decisions, revised since
    written = export(demo, tmp_path / form)
    empty = open_store(f"sqlite:///{tmp_path / 'restored.sqlite'}")
    outcome = import_files(empty, written, user="restore")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems if p.severity == "error"]
    pd.testing.assert_frame_equal(_versions(empty), _versions(demo))
    pd.testing.assert_frame_equal(_targets(empty), _targets(demo))


def test_every_dated_revision_comes_back_in_force_order(sqlite_url, demo_store_file, tmp_path):
    """Three decisions imported one at a time, the latest in force: the export lists all three, and the
    restore keeps the latest in force and the two before it as earlier versions."""
    path = tmp_path / "store.sqlite"
    shutil.copy(demo_store_file, path)
    engine = open_store(f"sqlite:///{path}")
    head = "indicator_id,territory_id,baseline_period,baseline_value,target_period,target_value,decided_on,reason\n"
    for value, day in ((40, "2020-01-10"), (45, "2022-05-01"), (55, "2025-02-03")):
        raw = (head + f"MOB04,59350,2019,10,2030,{value},{day},decision {day}\n").encode()
        assert import_files(engine, [("t.csv", raw)], user="a").ok
    frame = export_frames(engine, "targets")["targets"]
    mine = frame[(frame.indicator_id == "MOB04") & (frame.territory_id == "59350")]
    assert mine["decided_on"].tolist() == ["2020-01-10", "2022-05-01", "2025-02-03"]
    restored = open_store(sqlite_url)
    assert import_files(restored, export(engine, tmp_path / "backup.xlsx"), user="restore").ok
    pd.testing.assert_frame_equal(_versions(restored), _versions(engine))
    now = _targets(restored)
    assert now[(now.indicator_id == "MOB04") & (now.territory_id == "59350")]["target_value"].tolist() == [55.0]


def test_a_same_day_correction_is_left_out_not_a_refused_backup(demo_store_file, tmp_path):
    """A target corrected with the same decision date keeps its old numbers as an earlier version, which
    the import format cannot tell from the one in force: the backup leaves it out (the database file
    keeps it) and still imports whole."""
    path = tmp_path / "store.sqlite"
    shutil.copy(demo_store_file, path)
    engine = open_store(f"sqlite:///{path}")
    head = "indicator_id,territory_id,baseline_period,baseline_value,target_period,target_value,decided_on\n"
    for value, day in ((30, "2020-01-01"), (40, "2024-01-01"), (41, "2024-01-01")):
        assert import_files(engine, [("t.csv", (head + f"MOB04,59350,2019,10,2030,{value},{day}\n").encode())],
                            user="a").ok
    frame = export_frames(engine, "targets")["targets"]
    mine = frame[(frame.indicator_id == "MOB04") & (frame.territory_id == "59350")]
    assert mine["target_value"].tolist() == [30.0, 41.0]   # the 2020 decision kept, the corrected 40 not
    restored = open_store(f"sqlite:///{tmp_path / 'restored.sqlite'}")
    assert import_files(restored, export(engine, tmp_path / "backup.xlsx"), user="restore").ok


@pytest.mark.parametrize("form", ["again.xlsx", "again.csv"])
def test_an_export_imported_again_into_its_own_store_adds_no_earlier_version(demo_store_file, tmp_path, form):
    """Export, edit nothing, import again (a planner's round trip): the earlier versions it carries are
    those the store keeps; none is kept a second time, and the import reports none."""
    import sqlalchemy as sa

    path = tmp_path / "store.sqlite"
    shutil.copy(demo_store_file, path)
    engine = open_store(f"sqlite:///{path}")

    def kept() -> int:
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT count(*) FROM history WHERE table_name = 'targets'")).scalar()

    before = kept()
    assert before >= 2
    for _ in range(2):
        outcome = import_files(engine, export(engine, tmp_path / form), user="again")
        assert outcome.ok
        assert "earlier_versions" not in outcome.result.counts.get("targets", {})
    assert kept() == before
    assert len(_versions(engine)) == before
