"""`--skip-invalid-rows` with one key given two different values: nothing says which is right, so both
rows are left out and each is listed (the first was kept and its value stored). A key repeated with the
same data still keeps its first row."""
from __future__ import annotations

from indicators.importing import import_files
from indicators.store import read_table


def _listed(outcome) -> set[tuple[str, int]]:
    return {(p.file, p.row) for p in outcome.checked.problems if p.code == "conflicting_key"}


def test_two_values_for_one_observation_both_left_out(demo):
    raw = ("indicator_id;territory_id;period;value\n"
           "MOB04;59350;2041;12,5\nMOB04;59350;2041;99\nMOB04;59350;2042;13\n"
           "MOB04;59350;2043;7\nMOB04;59350;2043;7\n").encode()
    refused = import_files(demo, [("dupskip.csv", raw)], user="a")   # without skipping: as before
    assert not refused.ok and _listed(refused) == {("dupskip.csv", 3)}
    outcome = import_files(demo, [("dupskip.csv", raw)], user="a", skip_invalid_rows=True)
    assert outcome.ok
    assert _listed(outcome) == {("dupskip.csv", 2), ("dupskip.csv", 3)}
    first = next(p for p in outcome.checked.problems if p.code == "conflicting_key" and p.row == 2)
    assert "row 3" in first.message("en") and first.value == "12,5"
    assert outcome.result.summary()["rejected"] == 3   # both sides, and the plain repeat of 2043
    obs = read_table(demo, "observations")
    mine = obs[(obs.indicator_id == "MOB04") & (obs.territory_id == "59350") & (obs.period >= "2041")]
    assert sorted(zip(mine.period, mine.value)) == [("2042", 13.0), ("2043", 7.0)]


def test_two_targets_for_one_decision_both_left_out_across_files(demo):
    head = "indicator_id,territory_id,baseline_period,baseline_value,target_period,target_value,decided_on\n"
    a = (head + "MOB04,59350,2019,10,2030,40,2024-01-01\n").encode()
    b = (head + "MOB04,59350,2019,10,2030,45,2024-01-01\nMOB04,59350,2019,10,2030,50,2025-01-01\n").encode()
    outcome = import_files(demo, [("a.csv", a), ("b.csv", b)], user="a", skip_invalid_rows=True)
    assert outcome.ok
    assert _listed(outcome) == {("a.csv", 2), ("b.csv", 2)}
    targets = read_table(demo, "targets")
    mine = targets[(targets.indicator_id == "MOB04") & (targets.territory_id == "59350")]
    assert mine["target_value"].tolist() == [50.0]   # the other decision, alone on its day, comes in

