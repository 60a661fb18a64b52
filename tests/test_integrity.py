"""What no store may hold: rows pointing at codes that a rollback removed, loops of successors or
parents, and values one database takes while the other refuses them (SQLite and PostgreSQL check
the same, before any write, so an export from one always loads into the other)."""
from __future__ import annotations

import pytest

from indicators.exporting import export
from indicators.importing import import_files
from indicators.store import StoreError, list_batches, open_store, rollback

from .helpers import snapshot, store_with_framework, write

OBS = "indicator_id,territory_id,period,value\n"


def test_rollback_of_a_batch_whose_codes_later_data_uses_is_refused(store_url, tmp_path):
    engine = store_with_framework(store_url)
    new = write(tmp_path, "territories.csv", "territory_id,name_fr,country\n59999,Nouvelle commune,FR\n")
    assert import_files(engine, [new], user="a").ok
    created = int(list_batches(engine).iloc[0]["batch_id"])
    assert import_files(engine, [write(tmp_path, "obs.csv", OBS + "MOB02,59999,2020,10\n")], user="b").ok
    before = snapshot(engine)
    with pytest.raises(StoreError) as refused:
        rollback(engine, created, user="c")
    assert "59999" in str(refused.value) and "observations.territory_id" in str(refused.value)
    assert "59999" in refused.value.text("fr") and "rien n'a été modifié" in refused.value.text("fr")
    assert snapshot(engine) == before
    # once the data that uses it is rolled back, the territory can go too
    rollback(engine, int(list_batches(engine).iloc[0]["batch_id"]), user="c")
    rollback(engine, created, user="c")
    assert "59999" not in snapshot(engine)["territories"].decode()


def test_loops_of_successors_and_parents_are_refused(tmp_path):
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    before = snapshot(engine)
    bad = write(tmp_path, "territories.csv", "territory_id,name_fr,country,parent_id,replaced_by\n"
                                             "T1,Un,FR,T1,\nT2,Deux,FR,,T3\nT3,Trois,FR,,T2\n")
    outcome = import_files(engine, [bad], user="a")
    assert not outcome.ok
    loops = {(p.row, p.column) for p in outcome.checked.problems if p.code == "cycle"}
    assert loops == {(2, "parent_id"), (3, "replaced_by"), (4, "replaced_by")}
    assert "T2 → T3 → T2" in next(p.message("en") for p in outcome.checked.problems if p.row == 3)
    assert snapshot(engine) == before


def test_nul_bytes_and_overlong_codes_are_refused_alike_on_both_databases(store_url, tmp_path):
    engine = store_with_framework(store_url)
    before = snapshot(engine)
    raw = ("indicator_id,territory_id,period,value,note\nMOB02,59350,2020,1,a\x00b\n"
           f"MOB02,{'5' * 65},2021,2,\n").encode()
    outcome = import_files(engine, [("bad.csv", raw)], user="a")
    assert not outcome.ok
    found = {(p.row, p.column, p.code) for p in outcome.checked.problems}
    assert {(2, "note", "nul_byte"), (3, "territory_id", "too_long")} <= found
    assert snapshot(engine) == before



def test_spaces_around_a_code_do_not_make_it_too_long(tmp_path):
    """The length limit is on the code itself: cells padded past it by spaces (a fixed-width export)
    are read, while a code really past it is refused."""
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    raw = ("indicator_id,territory_id,period,value\n"
           f"MOB02,{' ' * 70}59350{' ' * 70},2020,1\nMOB02,{'5' * 65},2021,2\n").encode()
    outcome = import_files(engine, [("padded.csv", raw)], user="a", skip_invalid_rows=True)
    assert [(p.row, p.code) for p in outcome.checked.problems if p.code == "too_long"] == [(3, "too_long")]
    assert outcome.result.summary()["added"] == 1

def test_a_sqlite_export_loads_into_postgresql(tmp_path, store_url_pg):
    lite = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    assert import_files(lite, [("obs.csv", (OBS + "MOB02,59350,2020,1.5\nMOB02,59350,2021,2\n").encode())],
                        user="a").ok
    paths = export(lite, tmp_path / "all.xlsx")
    pg = open_store(store_url_pg)
    outcome = import_files(pg, paths, user="b")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems if p.severity == "error"]
    assert snapshot(pg) == snapshot(lite)
