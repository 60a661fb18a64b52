"""Fixer M, stop 34: the progress method's headline territory, the milestone's status and the import counts.

- DESIGN.md "Progress method": "The indicator's headline territory is the territory of its target row (the
  first, if several)": the first row as written in the file, not the smallest territory code; an update or a
  revision keeps the row's place, a rollback too, an export writes the rows in that order (round trip), on
  SQLite and PostgreSQL alike; an old store's rows are numbered in key order.
- Without a target row, "the territory with the most observations": every value of the view's period counts,
  also those before a break in series (the series is assessed from the break, but its values are observations).
- "Milestone: ... always shown as the milestone's status": `progress` says it in a table column (the JSON
  document keeps DESIGN.md's keys).
- Import counts add up to the rows read when a file holds earlier versions of targets (written: added).
"""
from __future__ import annotations

import json

import pandas as pd
import pytest
import sqlalchemy as sa

from indicators.cli import main
from indicators.exporting import export, export_frames
from indicators.importing import import_files
from indicators.progress import assess_all, progress_json, rollup_actions
from indicators.queries import progress_report
from indicators.store import open_store, read_table, rollback

from .helpers import store_with_framework, write

HEAD = "indicator_id,territory_id,baseline_period,baseline_value,target_period,target_value"
# MOB01 (increase): 59512 grows fast (on track), 59350 hardly (limited progress); 59350 < 59512 as codes
OBSERVATIONS = ("indicator_id,territory_id,period,value\n"
                "MOB01,59512,2019,50\nMOB01,59512,2023,75\nMOB01,59350,2019,50\nMOB01,59350,2023,50.5\n")


def _imported(engine, tmp_path, name: str, text: str):
    outcome = import_files(engine, [write(tmp_path, name, text)], user="test")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems]
    return outcome


def _headline(engine, indicator="MOB01") -> str:
    entries = [e for e in progress_report(engine)["indicators"] if e["indicator_id"] == indicator and e["headline"]]
    assert len(entries) == 1
    return entries[0]["territory_id"]


def _order(engine) -> list[str]:
    targets = read_table(engine, "targets")
    return targets[targets.indicator_id == "MOB01"]["territory_id"].tolist()


# --------------------------------------------------------------------------- I#5: the first target row


def test_the_first_target_row_of_the_file_is_the_headline_and_keeps_its_place(store_url, tmp_path):
    engine = store_with_framework(store_url)
    _imported(engine, tmp_path, "observations.csv", OBSERVATIONS)
    _imported(engine, tmp_path, "targets.csv", HEAD + "\nMOB01,59512,2019,50,2030,100\nMOB01,59350,2019,50,2030,100\n")
    assert _order(engine) == ["59512", "59350"]
    assert _headline(engine) == "59512"

    # the same rows again in the other order, 59512 revised: each keeps the place it was first imported at
    revised = _imported(engine, tmp_path, "again.csv",
                        HEAD + "\nMOB01,59350,2019,50,2030,100\nMOB01,59512,2019,50,2030,90\n")
    assert revised.result.summary()["updated"] == 1
    assert _order(engine) == ["59512", "59350"] and _headline(engine) == "59512"
    # a new row comes after them
    _imported(engine, tmp_path, "more.csv", HEAD + "\nMOB01,34022,2019,50,2030,100\n")
    assert _order(engine) == ["59512", "59350", "34022"]

    # a rollback restores the earlier version at its place
    rollback(engine, revised.result.batch_id, user="test")
    assert _order(engine) == ["59512", "59350", "34022"] and _headline(engine) == "59512"
    targets = read_table(engine, "targets")
    assert targets[targets.territory_id == "59512"]["target_value"].tolist() == [100.0]

    # the export writes them in that order, and an export imported into another store keeps the headline
    written = export(engine, tmp_path / "out", table="targets")
    assert pd.read_csv(written[0], dtype=str)["territory_id"].tolist() == ["59512", "59350", "34022"]
    other = store_with_framework(f"sqlite:///{tmp_path / 'other.sqlite'}")
    _imported(other, tmp_path, "observations.csv", OBSERVATIONS)
    assert import_files(other, written, user="restore").ok
    assert _order(other) == ["59512", "59350", "34022"] and _headline(other) == "59512"


def test_a_revision_listed_in_the_file_keeps_the_place_of_the_rows_first_version(sqlite_url, tmp_path):
    engine = store_with_framework(sqlite_url)
    _imported(engine, tmp_path, "observations.csv", OBSERVATIONS)
    _imported(engine, tmp_path, "targets.csv", HEAD + ",decided_on,reason\n"
              "MOB01,59512,2019,50,2030,100,2021-01-10,Strategy\n"
              "MOB01,59350,2019,50,2030,100,2021-01-10,Strategy\n"
              "MOB01,59512,2019,50,2030,95,2024-05-02,Review\n")
    assert _order(engine) == ["59512", "59350"] and _headline(engine) == "59512"
    exported = export_frames(engine, "targets")["targets"]
    assert exported["territory_id"].tolist() == ["59512", "59512", "59350"]
    assert exported["target_value"].tolist() == [100.0, 95.0, 100.0]


def test_an_older_store_numbers_its_rows_in_key_order_when_opened(tmp_path):
    path = tmp_path / "old.sqlite"
    engine = store_with_framework(f"sqlite:///{path}")
    _imported(engine, tmp_path, "observations.csv", OBSERVATIONS)
    _imported(engine, tmp_path, "targets.csv", HEAD + "\nMOB01,59512,2019,50,2030,100\nMOB01,59350,2019,50,2030,100\n")
    with engine.begin() as conn:   # a store made before rows had positions
        conn.exec_driver_sql('ALTER TABLE "targets" DROP COLUMN "row_position"')
    engine.dispose()
    reopened = open_store(f"sqlite:///{path}")
    with reopened.connect() as conn:
        numbered = conn.exec_driver_sql('SELECT territory_id, row_position FROM targets ORDER BY row_position').all()
    assert [tuple(r) for r in numbered] == [("59350", 1), ("59512", 2)]
    assert _headline(reopened) == "59350"   # as it read before: by key
    _imported(reopened, tmp_path, "more.csv", HEAD + "\nMOB01,34022,2019,50,2030,100\n")
    assert _order(reopened) == ["59350", "59512", "34022"]


# --------------------------------------------------------------------------- J F5: most observations

INDICATORS = pd.DataFrame({"indicator_id": ["UP"], "action_id": ["A"], "direction": ["increase"]})


def _series(territory: str, years, flags=None) -> list[dict]:
    flags = flags or {}
    return [{"indicator_id": "UP", "territory_id": territory, "period": str(y), "value": 100.0 + y - 2000,
             "flag": flags.get(y)} for y in years]


def test_without_a_target_the_headline_counts_the_values_before_a_break_in_series():
    # Z: 12 values, a break in 2017 (assessed from it: 3 years); M: 8 values, no break
    obs = pd.DataFrame(_series("Z", range(2008, 2020), {2017: "b"}) + _series("M", range(2012, 2020)))
    frame = assess_all(obs, INDICATORS, None)
    z = frame[frame.territory_id == "Z"].iloc[0]
    assert z["break_period"] == "2017" and z["n_observations"] == 12
    assert frame.set_index("territory_id")["headline"].to_dict() == {"M": False, "Z": True}
    # in a view from 2016 each has 4 values of the view: the tie goes to the smallest code
    view = assess_all(obs, INDICATORS, None, period_from="2016")
    assert view.set_index("territory_id")["n_observations"].to_dict() == {"M": 4, "Z": 4}
    assert view.set_index("territory_id")["headline"].to_dict() == {"M": True, "Z": False}
    # up to 2013 Z has 6 values, M 2 (the break after the view's end does not trim)
    early = assess_all(obs, INDICATORS, None, period_to="2013")
    assert early.set_index("territory_id")["headline"].to_dict() == {"M": False, "Z": True}


def test_the_demo_headline_of_mob01_is_the_region_with_ten_values(demo_url, capsys):
    capsys.readouterr()
    assert main(["progress", "--db", demo_url, "--format", "json"]) == 0
    entries = [e for e in json.loads(capsys.readouterr().out)["indicators"] if e["indicator_id"] == "MOB01"]
    assert [e["territory_id"] for e in entries if e["headline"]] == ["FRE"]
    observations = pd.read_csv("data/demo/observations.csv", dtype=str)
    counts = observations[observations.indicator_id == "MOB01"].groupby("territory_id").size()
    assert counts.idxmax() == "FRE" and counts.max() == 10


# --------------------------------------------------------------------------- I#6: the milestone's status


MILESTONE = (HEAD + ",milestone_period,milestone_value\n"
             "MOB01,59350,2019,50,2030,100,2025,75\n"
             "MOB01,59512,2019,50,2030,100,,\n")
MILESTONE_OBS = ("indicator_id,territory_id,period,value\n"
                 "MOB01,59350,2019,50\nMOB01,59350,2023,64\nMOB01,59512,2019,50\nMOB01,59512,2023,75\n")


@pytest.fixture
def milestone_store(sqlite_url, tmp_path):
    engine = store_with_framework(sqlite_url)
    _imported(engine, tmp_path, "observations.csv", MILESTONE_OBS)
    _imported(engine, tmp_path, "targets.csv", MILESTONE)
    return sqlite_url


def test_the_report_says_the_milestones_status_period_and_value(milestone_store, capsys):
    """The table's source (progress_report with `milestones`); the JSON document keeps DESIGN.md's keys."""
    from indicators.progress import JSON_INDICATOR_FIELDS
    from indicators.queries import progress_report
    from indicators.store import open_store

    capsys.readouterr()
    assert main(["progress", "--db", milestone_store, "--format", "json"]) == 0
    assert all(tuple(e) == JSON_INDICATOR_FIELDS for e in json.loads(capsys.readouterr().out)["indicators"])
    entries = {e["territory_id"]: e for e in progress_report(open_store(milestone_store), milestones=True)["indicators"]}
    # R against the target 0.98 (on track); against the milestone 2025 = 75: 0.91, acceleration needed
    ms = entries["59350"]
    assert (ms["status"], ms["milestone_status"], ms["milestone_period"], ms["milestone_value"]) == \
        ("on_track", "acceleration_needed", "2025", 75.0)
    none = entries["59512"]
    assert (none["milestone_status"], none["milestone_period"], none["milestone_value"]) == (None, None, None)


@pytest.mark.parametrize("lang, header, said", [
    ("fr", "jalon", "2025 : Accélération nécessaire"),
    ("nl", "mijlpaal", "2025: Versnelling nodig"),
    ("en", "milestone", "2025: Acceleration needed")])
def test_the_table_has_a_column_for_the_milestones_status(milestone_store, capsys, lang, header, said):
    capsys.readouterr()
    assert main(["progress", "--db", milestone_store, "--lang", lang]) == 0
    lines = capsys.readouterr().out.splitlines()
    head = next(line for line in lines if line.split()[:1] == [{"fr": "indicateur", "nl": "indicator",
                                                                "en": "indicator"}[lang]])
    row = next(line for line in lines if line.startswith("MOB01"))
    assert row[head.index(header):].startswith(said)


def test_a_milestone_reached_is_said_as_the_milestones_never_as_the_target(tmp_path):
    obs = pd.DataFrame(_series("T", [2019, 2023]))
    targets = pd.DataFrame([{"indicator_id": "UP", "territory_id": "T", "baseline_period": "2019",
                             "baseline_value": 119.0, "target_period": "2030", "target_value": 200.0,
                             "milestone_period": "2022", "milestone_value": 120.0}])
    frame = assess_all(obs, INDICATORS, targets)
    doc = progress_json(frame, rollup_actions(frame, INDICATORS), milestones=True)
    entry = doc["indicators"][0]
    assert entry["milestone_status"] == "achieved" and entry["status"] != "achieved"


def test_the_table_says_milestone_reached(sqlite_url, tmp_path, capsys):
    engine = store_with_framework(sqlite_url)
    _imported(engine, tmp_path, "observations.csv", MILESTONE_OBS)
    _imported(engine, tmp_path, "targets.csv", HEAD + ",milestone_period,milestone_value\n"
              "MOB01,59350,2019,50,2030,100,2022,60\n")
    capsys.readouterr()
    assert main(["progress", "--db", sqlite_url, "--lang", "fr"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("MOB01"))
    assert "2022 : Jalon atteint" in row and "Cible atteinte" not in row


# --------------------------------------------------------------------------- I#12: import counts


def test_import_counts_add_up_to_the_rows_read_with_earlier_versions(demo, tmp_path):
    written = export(demo, tmp_path / "targets.csv", table="targets")
    rows = len(pd.read_csv(written[0]))
    empty = store_with_framework(f"sqlite:///{tmp_path / 'empty.sqlite'}")
    frames = export(demo, tmp_path / "all")
    framework = [p for p in frames if p.stem in ("levels", "themes", "partners", "actions", "indicators",
                                                 "territories")]
    assert import_files(empty, framework, user="r").ok
    first = import_files(empty, written, user="restore").result.summary()
    assert first["earlier_versions"] == 2
    assert first["added"] + first["updated"] + first["unchanged"] == rows and first["added"] == rows
    second = import_files(empty, written, user="again").result.summary()
    assert second["unchanged"] == rows and second["added"] == second["updated"] == 0
    with empty.connect() as conn:
        batch = conn.execute(sa.text("SELECT added FROM batches ORDER BY batch_id DESC LIMIT 1 OFFSET 1")).scalar()
    assert batch == rows


def test_init_demo_counts_every_row_of_its_files(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'd.sqlite'}"
    capsys.readouterr()
    assert main(["init", "--db", url, "--demo"]) == 0
    from indicators.store import demo_files
    rows = sum(len(pd.read_csv(f, dtype=str)) for f in demo_files() if f.suffix == ".csv")
    assert f"{rows} rows added" in capsys.readouterr().out


@pytest.fixture
def demo(demo_url):
    return open_store(demo_url)
