"""Target versions are never lost, never mixed (DESIGN.md: "a target row for an indicator and territory
that already has one is a revision; every earlier version is kept and shown, never overwritten").

- A revision without a decision date is the newest: it is in force, the version it replaces is kept,
  and every earlier version stays in the export (so in a backup) and on the charts.
- A new version holds what its row says: it takes no milestone, note or reason of the version it
  replaces; a row kept as an earlier version never takes a later decision's milestone.
- The import counts account for every row read.
"""
from __future__ import annotations

import pandas as pd

from indicators import revisions
from indicators.exporting import export, export_frames
from indicators.importing import import_files
from indicators.queries import load_framework
from indicators.store import earlier_versions, open_store, read_table, rollback

from .helpers import write

HEAD = "indicator_id,territory_id,baseline_period,baseline_value,target_period,target_value"
DATED = HEAD + ",decided_on,reason"


def _current(engine, iid="INT02", tid="EMLKT") -> dict:
    targets = read_table(engine, "targets")
    return targets[(targets.indicator_id == iid) & (targets.territory_id == tid)].iloc[0].to_dict()


def _earlier(engine, iid="INT02", tid="EMLKT") -> pd.DataFrame:
    frame = earlier_versions(engine)
    return frame[(frame.indicator_id == iid) & (frame.territory_id == tid)].reset_index(drop=True)


def _exported(engine, iid="INT02", tid="EMLKT") -> pd.DataFrame:
    frame = export_frames(engine, "targets")["targets"]
    return frame[(frame.indicator_id == iid) & (frame.territory_id == tid)].reset_index(drop=True)


def _import(engine, tmp_path, text: str, name="t.csv"):
    outcome = import_files(engine, [write(tmp_path, name, text)], user="planner")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems]
    return outcome


def _restored(engine, tmp_path, form="backup.xlsx"):
    restored = open_store(f"sqlite:///{tmp_path / ('restored-' + form + '.sqlite')}")
    outcome = import_files(restored, export(engine, tmp_path / form), user="restore")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems if p.severity == "error"]
    return restored


def _same_targets(a, b):
    key = ["indicator_id", "territory_id"]
    pd.testing.assert_frame_equal(read_table(a, "targets").sort_values(key).reset_index(drop=True),
                                  read_table(b, "targets").sort_values(key).reset_index(drop=True))
    versions = lambda e: earlier_versions(e).drop(columns="replaced_at").reset_index(drop=True)  # noqa: E731
    pd.testing.assert_frame_equal(versions(a), versions(b))


def test_an_undated_revision_is_in_force_and_keeps_every_earlier_version_in_the_export(demo, tmp_path):
    """Finding 1: INT02/EMLKT (2021 → 30, 2023 → 50) corrected in a spreadsheet with no date column."""
    assert list(_earlier(demo)["target_value"]) == [30.0]
    outcome = _import(demo, tmp_path, HEAD + "\nINT02,EMLKT,2021,3,2030,60\n")
    current = _current(demo)
    assert current["target_value"] == 60.0 and current["decided_on"] is None
    earlier = _earlier(demo)
    assert list(earlier["target_value"]) == [30.0, 50.0]
    assert list(earlier["decided_on"]) == ["2021-06-24", "2023-06-22"]
    # every version in the export, oldest first, the one in force last
    assert list(_exported(demo)["target_value"]) == [30.0, 50.0, 60.0]
    # and a backup gives them all back, the undated correction in force
    for form in ("backup.xlsx", "backup.csv"):
        restored = _restored(demo, tmp_path, form)
        _same_targets(restored, demo)
        assert _current(restored)["target_value"] == 60.0
    # the import said the revision has no decision date, naming the target, in each language
    summary = outcome.result.summary()
    assert summary["updated"] == 1 and summary["undated_revisions"] == 1
    assert outcome.result.undated == ["INT02 / EMLKT"]
    assert revisions.undated_notice(outcome.result.undated, "fr").startswith(
        "Cibles révisées sans date de décision : 1 (INT02 / EMLKT).")
    assert "(INT02 / EMLKT)" in revisions.undated_notice(outcome.result.undated, "nl")


def test_an_undated_revision_is_shown_with_the_day_it_was_recorded(demo, tmp_path):
    _import(demo, tmp_path, HEAD + "\nINT02,EMLKT,2021,3,2030,60\n")
    fw = load_framework(demo)
    targets = fw["targets"][(fw["targets"].indicator_id == "INT02") & (fw["targets"].territory_id == "EMLKT")]
    [text] = revisions.notes(fw["earlier_targets"], targets, "en", 0)
    assert text.startswith("Target revised (recorded on ") and "60 by 2030; previously 50 by 2030" in text
    assert "Older revisions, drawn faintly on the chart: 1." in text
    drawn = revisions.for_frame(fw["earlier_targets"], targets)
    assert [v["target_value"] for v in drawn] == [30.0, 50.0]


def test_a_revision_takes_no_milestone_note_or_reason_of_the_version_it_replaces(demo, tmp_path):
    """Finding 2: the undated 60 got the replaced version's milestone 2027 = 35 and its note."""
    before = _current(demo)
    assert before["milestone_value"] == 35.0 and before["note"]
    _import(demo, tmp_path, HEAD + "\nINT02,EMLKT,2021,3,2030,60\n")
    current = _current(demo)
    assert current["milestone_period"] is None and pd.isna(current["milestone_value"])
    assert current["note"] is None and current["reason"] is None
    # the version it replaced keeps its own
    replaced = _earlier(demo).iloc[-1]
    assert (replaced["milestone_value"], replaced["note"]) == (35.0, before["note"])


def test_a_row_kept_as_an_earlier_version_never_takes_a_later_decisions_milestone(demo, tmp_path):
    """Finding 2: a 2020 decision for MOB04/EMLKT (in force: 120, milestone 2027 = 102.6, decided 2026)."""
    _import(demo, tmp_path, "indicateur;territoire;periode_reference;valeur_reference;periode_cible;valeur_cible;"
                            "date_decision;motif\nMOB04;EMLKT;2019;67,6;2030;90;01/01/2020;Very old\n")
    current = _current(demo, "MOB04")
    assert (current["target_value"], current["milestone_value"], current["decided_on"]) == (120.0, 102.6, "2026-03-19")
    earlier = _earlier(demo, "MOB04")
    old = earlier[earlier.decided_on == "2020-01-01"].iloc[0]
    assert old["target_value"] == 90.0 and old["milestone_period"] is None and pd.isna(old["milestone_value"])
    # versions oldest first: the one the 2026 decision replaced is still the last before it
    assert list(earlier["decided_on"]) == ["2020-01-01", "2021-06-24"]
    _same_targets(_restored(demo, tmp_path), demo)


def test_a_file_without_milestone_columns_and_the_same_numbers_changes_nothing(demo, tmp_path):
    """The same version again (a file that carries fewer columns) is not a revision: the stored milestone,
    note and decision stay; only a row that differs is a new version holding its own row."""
    outcome = _import(demo, tmp_path, HEAD + "\nINT02,EMLKT,2021,3,2030,50\n")
    assert outcome.result.summary()["updated"] == 0
    current = _current(demo)
    assert (current["milestone_value"], current["decided_on"]) == (35.0, "2023-06-22")


def test_a_revision_with_its_own_milestone_keeps_it(demo, tmp_path):
    _import(demo, tmp_path, HEAD + ",milestone_period,milestone_value,decided_on\n"
                                   "INT02,EMLKT,2021,3,2030,70,2027,55,2026-01-15\n")
    current = _current(demo)
    assert (current["target_value"], current["milestone_value"], current["decided_on"]) == (70.0, 55.0, "2026-01-15")
    assert current["note"] is None and current["reason"] is None


def test_other_tables_keep_a_stored_column_the_file_does_not_carry(demo, tmp_path):
    """The general rule stays for tables without versions: a territories file without `name_nl`."""
    territories = read_table(demo, "territories")
    row = territories[territories.territory_id == "EMLKT"].iloc[0]
    assert row["name_nl"]
    _import(demo, tmp_path, f"territory_id,name_fr,country\nEMLKT,Eurométropole renommée,{row['country']}\n")
    after = read_table(demo, "territories")
    assert after[after.territory_id == "EMLKT"].iloc[0]["name_nl"] == row["name_nl"]


def test_a_dated_decision_before_an_undated_revision_is_kept_as_an_earlier_version(demo, tmp_path):
    """An undated revision replaced the 2023 decision: a 2022 decision coming later is an earlier
    version, a 2025 decision replaces the undated one; each export restores the same versions."""
    _import(demo, tmp_path, HEAD + "\nINT02,EMLKT,2021,3,2030,60\n")
    outcome = _import(demo, tmp_path, DATED + "\nINT02,EMLKT,2021,3,2030,40,2022-01-10,Mid-term\n", "old.csv")
    assert outcome.result.summary()["earlier_versions"] == 1 and outcome.result.summary()["updated"] == 0
    assert _current(demo)["target_value"] == 60.0
    assert list(_earlier(demo)["target_value"]) == [30.0, 40.0, 50.0]
    assert list(_exported(demo)["target_value"]) == [30.0, 40.0, 50.0, 60.0]
    _same_targets(_restored(demo, tmp_path, "one.xlsx"), demo)
    _import(demo, tmp_path, DATED + "\nINT02,EMLKT,2021,3,2030,80,2025-02-01,Review\n", "new.csv")
    assert _current(demo)["target_value"] == 80.0
    assert list(_earlier(demo)["target_value"]) == [30.0, 40.0, 50.0, 60.0]
    assert list(_exported(demo)["target_value"]) == [30.0, 40.0, 50.0, 60.0, 80.0]
    _same_targets(_restored(demo, tmp_path, "two.xlsx"), demo)


def test_in_one_file_an_undated_row_comes_after_the_decisions_listed_above_it(sqlite_url, tmp_path):
    from .helpers import store_with_framework

    engine = store_with_framework(sqlite_url)
    _import(engine, tmp_path, DATED + "\nMOB01,59350,2019,2.1,2030,6,2021-06-24,Strategy\n"
                                      "MOB01,59350,2019,2.1,2030,7,,\n"
                                      "MOB01,34022,2019,2.1,2030,5,,\n"
                                      "MOB01,34022,2019,2.1,2030,9,2024-03-15,Plan\n")
    assert _current(engine, "MOB01", "59350")["target_value"] == 7.0    # below the 2021 decision: after it
    assert _current(engine, "MOB01", "34022")["target_value"] == 9.0    # above the 2024 decision: before it
    assert list(_earlier(engine, "MOB01", "59350")["target_value"]) == [6.0]
    assert list(_earlier(engine, "MOB01", "34022")["target_value"]) == [5.0]


def test_rolling_back_an_undated_revision_restores_the_decision_in_force(demo, tmp_path):
    outcome = _import(demo, tmp_path, HEAD + "\nINT02,EMLKT,2021,3,2030,60\n")
    rollback(demo, outcome.result.batch_id, user="editor")
    current = _current(demo)
    assert (current["target_value"], current["milestone_value"], current["decided_on"]) == (50.0, 35.0, "2023-06-22")
    assert list(_earlier(demo)["target_value"]) == [30.0]


def test_import_counts_account_for_every_row_read(demo, tmp_path):
    """Finding 7: the store's own export imported again, and into an empty store."""
    written = export(demo, tmp_path / "targets.csv", table="targets")
    rows = len(pd.read_csv(written[0]))
    assert rows == 55
    again = import_files(demo, written, user="again", dry_run=True).result.summary()
    assert again["unchanged"] == rows and again["added"] == again["updated"] == 0
    assert "earlier_versions" not in again
    empty = open_store(f"sqlite:///{tmp_path / 'empty.sqlite'}")
    # the framework first, then the targets file alone
    frames = export(demo, tmp_path / "all")
    assert import_files(empty, [p for p in frames if p.name != "targets.csv" and p.name != "observations.csv"
                                and p.name != "flows.csv" and p.name != "action_updates.csv"], user="r").ok
    fresh = import_files(empty, written, user="restore").result.summary()
    # an earlier version written is a row added: the four counts add up to the rows read, both times
    assert fresh["added"] + fresh["updated"] + fresh["unchanged"] == rows
    assert fresh["earlier_versions"] == 2


def test_an_older_decision_imported_twice_is_counted_unchanged_the_second_time(demo, tmp_path):
    text = DATED + "\nMOB04,EMLKT,2019,67.6,2030,90,2020-01-01,Very old\n"
    first = _import(demo, tmp_path, text).result.summary()
    assert first["earlier_versions"] == 1 and first["unchanged"] == 0
    second = _import(demo, tmp_path, text, "again.csv").result.summary()
    assert second["unchanged"] == 1 and "earlier_versions" not in second
    assert len(_earlier(demo, "MOB04")) == 2


def test_the_original_file_imported_again_leaves_the_undated_revision_in_force(demo, tmp_path):
    """The demo's own targets file after an undated correction: its 2023 decision is the one the
    correction replaced (kept already), not a newer one; every row is unchanged."""
    from pathlib import Path

    _import(demo, tmp_path, HEAD + "\nINT02,EMLKT,2021,3,2030,60\n")
    original = Path(__file__).parent.parent / "data" / "demo" / "targets.csv"
    summary = import_files(demo, [original], user="again").result.summary()
    assert summary["unchanged"] == len(pd.read_csv(original)) and summary["updated"] == 0
    assert _current(demo)["target_value"] == 60.0
    assert list(_earlier(demo)["target_value"]) == [30.0, 50.0]
