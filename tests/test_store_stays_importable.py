"""What an import lets into the store, the store's own export imports again (outside tester's finding D2 of
session 28): a unit changed to % while values or targets stored for the indicator lie outside 0..100 is
refused, naming the indicator, the unit, some of those values and how many; a `parent_id` loop closed
across two imports is refused, as a `replaced_by` loop already was."""
from __future__ import annotations

from indicators.exporting import export_frames, to_xlsx_bytes
from indicators.importing import import_files, validate_files
from indicators.store import open_store

from .helpers import write


MOB04_AS_PERCENT = ("indicator_id,action_id,name_fr,unit,direction\n"
                    "MOB04,A01,Longueur des pistes cyclables transfrontalières,%,increase\n")


def restores(engine, tmp_path) -> bool:
    """Whether `export all.xlsx` of the store imports into an empty store."""
    raw = to_xlsx_bytes(export_frames(engine))
    empty = open_store(f"sqlite:///{tmp_path / 'empty.sqlite'}")
    return import_files(empty, [("all.xlsx", raw)], user="test").ok


def test_a_unit_changed_to_percent_is_checked_against_the_stored_values(demo, tmp_path):
    checked = validate_files(demo, [write(tmp_path, "unit.csv", MOB04_AS_PERCENT)])
    refused = [p for p in checked.problems if p.severity == "error"]
    assert [(p.file, p.row, p.column, p.value, p.code) for p in refused] == [
        ("unit.csv", 2, "unit", "%", "unit_leaves_values")]
    for lang in ("fr", "nl", "en"):
        message = refused[0].message(lang)
        # the indicator, the new unit, stored values out of range (the 2025 value, the target, the milestone)
        assert all(w in message for w in ("MOB04", "%", "104", "120", "102.6")), (lang, message)
    assert refused[0].params["count"] == 3
    assert not import_files(demo, [write(tmp_path, "unit.csv", MOB04_AS_PERCENT)], user="test").ok
    assert restores(demo, tmp_path)


def test_a_unit_change_whose_file_also_corrects_the_values_passes(demo, tmp_path):
    """The stored values the same import replaces are judged as the file writes them, not as stored."""
    from indicators.store import read_table

    obs = read_table(demo, "observations")
    targets = read_table(demo, "targets")
    mine = obs[(obs["indicator_id"] == "MOB04") & (obs["value"] > 100)]
    rows = "".join(f"MOB04,{t},{p},50\n" for t, p in zip(mine["territory_id"], mine["period"]))
    tg = targets[targets["indicator_id"] == "MOB04"]
    target_rows = "".join(f"MOB04,{t},{bp},10,{tp},60\n" for t, bp, tp in
                          zip(tg["territory_id"], tg["baseline_period"], tg["target_period"]))
    files = [write(tmp_path, "unit.csv", MOB04_AS_PERCENT),
             write(tmp_path, "obs.csv", "indicator_id,territory_id,period,value\n" + rows),
             write(tmp_path, "tg.csv", "indicator_id,territory_id,baseline_period,baseline_value,target_period,"
                                       "target_value\n" + target_rows)]
    checked = validate_files(demo, files)
    assert "unit_leaves_values" not in {p.code for p in checked.problems}


def test_a_unit_kept_or_changed_to_an_unbounded_one_is_not_judged(demo, tmp_path):
    same = MOB04_AS_PERCENT.replace(",%,", ",km,")
    other = MOB04_AS_PERCENT.replace(",%,", ",m,")
    for text in (same, other):
        checked = validate_files(demo, [write(tmp_path, "unit.csv", text)])
        assert checked.ok, [p.as_dict() for p in checked.problems]


T_A = "territory_id,name_fr,country,kind,parent_id\nZZ1,A,FR,custom,FRE\nZZ2,B,FR,custom,ZZ1\n"
T_B = "territory_id,name_fr,country,kind,parent_id\nZZ1,A,FR,custom,ZZ2\n"


def test_a_parent_loop_closed_across_two_imports_is_refused(demo, tmp_path):
    assert import_files(demo, [write(tmp_path, "t_a.csv", T_A)], user="test").ok
    outcome = import_files(demo, [write(tmp_path, "t_b.csv", T_B)], user="test")
    assert not outcome.ok
    refused = [p for p in outcome.checked.problems if p.severity == "error"]
    assert [(p.file, p.row, p.column, p.value, p.code) for p in refused] == [("t_b.csv", 2, "parent_id", "ZZ2", "cycle")]
    for lang in ("fr", "nl", "en"):
        assert "ZZ1 → ZZ2 → ZZ1" in refused[0].message(lang)
    assert restores(demo, tmp_path)


def test_a_file_that_clears_a_stored_parent_closes_no_loop(demo, tmp_path):
    """The file's row replaces the stored one: ZZ1's stored parent is not followed once the file moves it."""
    assert import_files(demo, [write(tmp_path, "t_a.csv", T_A)], user="test").ok
    moved = "territory_id,name_fr,country,kind,parent_id\nZZ2,B,FR,custom,\nZZ1,A,FR,custom,ZZ2\n"
    checked = validate_files(demo, [write(tmp_path, "moved.csv", moved)])
    assert checked.ok, [p.as_dict() for p in checked.problems]
