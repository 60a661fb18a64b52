"""The store, the same tests on SQLite and on a real PostgreSQL server."""
from __future__ import annotations

import pandas as pd
import pytest

from indicators.exporting import export
from indicators.importing import import_files
from indicators.store import StoreError, batch_changes, list_batches, open_store, read_table, rollback

from .helpers import FRAMEWORK, snapshot, store_with_framework, write

OBS = "indicator_id,territory_id,period,value,flag,note\n"


def test_import_counts_and_batch(store_url, tmp_path):
    engine = store_with_framework(store_url)
    f = write(tmp_path, "obs.csv", OBS + "MOB01,59350,2018,2.1,,\nMOB01,59350,2019,2.4,,\nMOB01,34022,2019,5.5,p,\n")
    outcome = import_files(engine, [f], user="alice")
    assert outcome.result.summary() == {"added": 3, "updated": 0, "unchanged": 0, "rejected": 0}
    batch = list_batches(engine).iloc[0]
    assert batch["user"] == "alice" and batch["files"] == "obs.csv" and len(batch["sha256"]) == 64
    assert (batch["added"], batch["updated"], batch["unchanged"]) == (3, 0, 0)
    obs = read_table(engine, "observations")
    assert obs.loc[obs.territory_id == "34022", "flag"].item() == "p"


def test_update_keeps_previous_version_and_rollback_restores_exactly(store_url, tmp_path):
    engine = store_with_framework(store_url)
    first = write(tmp_path, "v1.csv", OBS + "MOB01,59350,2018,2.1,,first\nMOB01,59350,2019,2.4,p,\n")
    import_files(engine, [first], user="alice")
    before = snapshot(engine)
    second = write(tmp_path, "v2.csv", OBS + "MOB01,59350,2018,2.1,,first\nMOB01,59350,2019,2.6,,\n"
                                            "MOB01,59350,2020,2.9,,\n")
    outcome = import_files(engine, [second], user="bob")
    assert outcome.result.summary() == {"added": 1, "updated": 1, "unchanged": 1, "rejected": 0}
    change = outcome.result.changes["observations"].iloc[0]
    assert (change["value_old"], change["value"]) == (2.4, 2.6)
    assert change["flag_old"] == "p" and pd.isna(change["flag"])
    history = batch_changes(engine, outcome.result.batch_id)
    assert len(history) == 1 and '"value": 2.4' in history.iloc[0]["row"]
    assert snapshot(engine) != before
    counts = rollback(engine, outcome.result.batch_id, user="carol")
    assert counts == {"removed": 1, "restored": 1}
    assert snapshot(engine) == before
    batches = list_batches(engine)
    rolled = batches[batches.batch_id == outcome.result.batch_id].iloc[0]
    assert rolled["status"] == "rolled_back" and rolled["rolled_back_by"] == "carol"
    with pytest.raises(StoreError, match="already rolled back"):
        rollback(engine, outcome.result.batch_id)


def test_rollback_refuses_when_a_later_batch_changed_the_same_values(store_url, tmp_path):
    engine = store_with_framework(store_url)
    b1 = import_files(engine, [write(tmp_path, "a.csv", OBS + "MOB01,59350,2019,2.4,,\n")], user="a").result
    b2 = import_files(engine, [write(tmp_path, "b.csv", OBS + "MOB01,59350,2019,2.5,,\n")], user="b").result
    with pytest.raises(StoreError, match=f"Roll back {b2.batch_id} first"):
        rollback(engine, b1.batch_id)
    rollback(engine, b2.batch_id)
    rollback(engine, b1.batch_id)
    assert read_table(engine, "observations").empty


def test_rollback_of_one_batch_leaves_another_alone(store_url, tmp_path):
    engine = store_with_framework(store_url)
    b1 = import_files(engine, [write(tmp_path, "a.csv", OBS + "MOB01,59350,2019,2.4,,\n")], user="a").result
    import_files(engine, [write(tmp_path, "b.csv", OBS + "MOB01,59512,2019,1.4,,\n")], user="b")
    rollback(engine, b1.batch_id)
    obs = read_table(engine, "observations")
    assert obs[["territory_id", "value"]].values.tolist() == [["59512", 1.4]]


def test_several_files_are_one_transaction(store_url, tmp_path):
    engine = store_with_framework(store_url)
    before = snapshot(engine)
    good = write(tmp_path, "good.csv", OBS + "MOB01,59350,2019,2.4,,\n")
    bad = write(tmp_path, "bad.csv", OBS + "MOB01,59350,2020,lots,,\n")
    assert not import_files(engine, [good, bad], user="a").ok
    assert snapshot(engine) == before
    third = write(tmp_path, "t.csv", "territory_id,name_fr,country\n59599,Tourcoing,FR\n")
    obs = write(tmp_path, "o.csv", OBS + "MOB01,59599,2019,2.4,,\n")
    outcome = import_files(engine, [obs, third], user="a")   # references resolve across files
    assert outcome.ok and outcome.result.summary()["added"] == 2
    assert len(list_batches(engine)) == 2


def test_dry_run_writes_nothing(store_url, tmp_path):
    engine = store_with_framework(store_url)
    before = snapshot(engine)
    outcome = import_files(engine, [write(tmp_path, "a.csv", OBS + "MOB01,59350,2019,2.4,,\n")], dry_run=True)
    assert outcome.result.summary()["added"] == 1 and outcome.result.batch_id is None
    assert snapshot(engine) == before and len(list_batches(engine)) == 1


def test_file_without_optional_column_keeps_stored_notes(store_url, tmp_path):
    engine = store_with_framework(store_url)
    import_files(engine, [write(tmp_path, "a.csv", OBS + "MOB01,59350,2019,2.4,,checked by ADULM\n")])
    outcome = import_files(engine, [write(tmp_path, "b.csv", "indicator_id,territory_id,period,value\n"
                                                             "MOB01,59350,2019,2.4\n")])
    assert outcome.result.summary()["unchanged"] == 1
    assert read_table(engine, "observations")["note"].item() == "checked by ADULM"


def test_replaced_territory_kept_or_attached_to_successor(store_url, tmp_path):
    engine = store_with_framework(store_url)
    terr = read_table(engine, "territories").set_index("territory_id")
    assert terr.loc["54007", "replaced_by"] == "57096" and terr.loc["54007", "valid_to"] == 2018
    f = write(tmp_path, "old.csv", OBS + "MOB02,54007,2017,1200,,\nMOB02,54007,2018,1250,,\n")
    outcome = import_files(engine, [f])
    notices = [p for p in outcome.checked.problems if p.code == "replaced_code"]
    assert len(notices) == 2 and "57096" in notices[0].message("en")
    assert set(read_table(engine, "observations")["territory_id"]) == {"54007"}
    rollback(engine, outcome.result.batch_id)
    import_files(engine, [f], attach_to_successor=True)
    assert set(read_table(engine, "observations")["territory_id"]) == {"57096"}


def test_a_long_chain_of_successors_is_followed_to_its_end(store_url, tmp_path):
    # Each code replaced by the next, 3,000 deep: the walk to the last code was recursive and a chain
    # longer than Python's recursion limit ended the import with a traceback.
    engine = store_with_framework(store_url)
    n = 3000
    rows = "".join(f"X{i},Commune {i},FR,X{i + 1}\n" for i in range(n)) + f"X{n},Commune {n},FR,\n"
    territories = write(tmp_path, "t.csv", "territory_id,name_fr,country,replaced_by\n" + rows)
    old = write(tmp_path, "old.csv", OBS + "MOB02,X0,2017,1200,,\n")
    outcome = import_files(engine, [territories, old], attach_to_successor=True)
    assert outcome.ok
    notices = [p for p in outcome.checked.problems if p.code == "replaced_code_attached"]
    assert [p.params["successor"] for p in notices] == [f"X{n}"]
    assert read_table(engine, "observations").query("indicator_id == 'MOB02'")["territory_id"].tolist() == [f"X{n}"]


def test_a_territories_file_that_clears_a_successor_keeps_the_values_under_their_code(store_url, tmp_path):
    # The file's empty replaced_by cell clears the stored link: the values stay where the file puts them
    # (they went to no territory: "another import wrote the same values", nothing written).
    engine = store_with_framework(store_url)
    territories = write(tmp_path, "t.csv", "territory_id,name_fr,country,replaced_by\n54007,Ancienne commune,FR,\n")
    old = write(tmp_path, "old.csv", OBS + "MOB02,54007,2017,1200,,\n")
    outcome = import_files(engine, [territories, old], attach_to_successor=True)
    assert outcome.ok
    assert not [p for p in outcome.checked.problems if p.code.startswith("replaced_code")]
    assert read_table(engine, "territories").set_index("territory_id").loc["54007", "replaced_by"] in (None, "")
    assert read_table(engine, "observations").query("indicator_id == 'MOB02'")["territory_id"].tolist() == ["54007"]


def test_html_and_formulas_are_stored_as_written(store_url, tmp_path):
    engine = store_with_framework(store_url)
    text = ('indicator_id,action_id,name_fr,unit,direction,definition_fr\n'
            'MOB09,A01,"<script>alert(1)</script>",km,increase,"=HYPERLINK(""http://x"",""y"")"\n'
            'MOB10,A01,"<img src=x onerror=alert(1)>",km,increase,+33 1 23\n')
    assert import_files(engine, [write(tmp_path, "i.csv", text)]).ok
    ind = read_table(engine, "indicators").set_index("indicator_id")
    assert ind.loc["MOB09", "name_fr"] == "<script>alert(1)</script>"
    assert ind.loc["MOB09", "definition_fr"] == '=HYPERLINK("http://x","y")'
    assert ind.loc["MOB10", "definition_fr"] == "+33 1 23"
    out = tmp_path / "all.xlsx"
    export(engine, out)
    from openpyxl import load_workbook

    ws = load_workbook(out)["indicators"]
    # guarded as a CSV cell is (a leading '), which the import removes again: Excel runs nothing, even
    # once the cell is edited (F2, Enter), and export then import gives the text back
    cells = [c for row in ws.iter_rows() for c in row if c.value == '\'=HYPERLINK("http://x","y")']
    assert cells and cells[0].data_type == "s"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_into_empty_store_round_trips(store_url, tmp_path, suffix, demo_files):
    engine = open_store(store_url)
    assert import_files(engine, demo_files, user="demo").ok
    out = tmp_path / f"export{suffix}"
    written = export(engine, out)
    other = open_store(f"sqlite:///{tmp_path / 'other.sqlite'}")
    outcome = import_files(other, written, user="roundtrip")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems[:5]]
    assert snapshot(other) == snapshot(engine)
    summary = outcome.result.summary()   # every row read was added, the targets' earlier versions too
    assert summary["added"] == sum(len(read_table(engine, t)) for t in snapshot(engine)) + summary.get("earlier_versions", 0)


def test_reimport_of_same_file_changes_nothing(store_url, demo_files):
    engine = open_store(store_url)
    import_files(engine, demo_files, user="demo")
    before = snapshot(engine)
    again = import_files(engine, demo_files, user="demo")
    s = again.result.summary()
    assert s["added"] == 0 and s["updated"] == 0 and s["unchanged"] > 1000
    assert snapshot(engine) == before


def test_read_only_sqlite_file_gives_clear_message(tmp_path):
    import os

    path = tmp_path / "ro.sqlite"
    engine = store_with_framework(f"sqlite:///{path}")
    engine.dispose()
    os.chmod(path, 0o444)
    os.chmod(tmp_path, 0o555)
    try:
        engine = open_store(f"sqlite:///{path}", create=False)
        f = tmp_path.parent / "ro-obs.csv"
        f.write_text(OBS + "MOB01,59350,2019,2.4,,\n")
        if os.access(path, os.W_OK):  # root ignores file modes: check through SQLite's own read-only mode
            engine = open_store(f"sqlite:///file:{path}?mode=ro&uri=true", create=False)
        with pytest.raises(StoreError, match="read-only"):
            import_files(engine, [f])
    finally:
        os.chmod(tmp_path, 0o755)
        os.chmod(path, 0o644)


def test_csv_export_neutralises_formulas_and_still_round_trips(tmp_path):
    engine = store_with_framework(f"sqlite:///{tmp_path / 'a.sqlite'}")
    text = ('indicator_id,action_id,name_fr,unit,direction,definition_fr,source\n'
            'MOB09,A01,"=HYPERLINK(""http://x"",""y"")",km,increase,"@SUM(A1)","\'quoted"\n'
            'MOB10,A01,-3,km,increase,+33 1 23,-\n')
    assert import_files(engine, [write(tmp_path, "i.csv", text)]).ok
    out = tmp_path / "ind.csv"
    export(engine, out, table="indicators")
    raw = out.read_text()
    assert "'=HYPERLINK" in raw and "'@SUM(A1)" in raw and "''quoted" in raw and "'+33 1 23" in raw
    assert ",-3," in raw                               # a number-like text stays as it is
    other = open_store(f"sqlite:///{tmp_path / 'b.sqlite'}")
    assert import_files(other, [f for f in FRAMEWORK if f.name != "indicators.csv"] + [out]).ok
    back = read_table(other, "indicators").set_index("indicator_id")
    assert back.loc["MOB09", "name_fr"] == '=HYPERLINK("http://x","y")'
    assert back.loc["MOB09", "definition_fr"] == "@SUM(A1)" and back.loc["MOB09", "source"] == "'quoted"
    assert back.loc["MOB10", "definition_fr"] == "+33 1 23"
