"""A value dated after today (a typo, 2052 for 2025, that would become the latest value progress judges) is
kept but said, row by row, unless its flag says it is a forecast (outside tester's finding D3 of session 28)."""
from __future__ import annotations

import datetime

from indicators.importing import validate_files

from .helpers import write

NEXT = datetime.date.today().year + 1
THIS = datetime.date.today().year


def test_a_future_period_gets_a_notice_naming_its_row(demo, tmp_path):
    text = ("indicator_id;territory_id;period;value;flag\n"
            f"MOB04;EMLKT;{THIS - 1};104;\n"
            f"MOB04;EMLKT;2052;104;\n"
            f"MOB04;EMLKT;{NEXT};110;f\n"          # a forecast says so: no word
            f"MOB04;EMLKT;{NEXT}-Q1;110;pf\n"
            f"MOB04;EMLKT;{NEXT}-03;110;p\n")
    checked = validate_files(demo, [write(tmp_path, "fut.csv", text)])
    assert checked.ok                                    # a notice, nothing refused
    found = [p for p in checked.problems if p.code == "future_period"]
    assert [(p.file, p.row, p.column, p.value, p.severity) for p in found] == [
        ("fut.csv", 3, "period", "2052", "notice"), ("fut.csv", 6, "period", f"{NEXT}-03", "notice")]
    for lang in ("fr", "nl", "en"):
        assert "2052" in found[0].message(lang)
        assert " f" in found[0].suggestion_text(lang)


def test_a_future_flow_is_said_too_and_targets_are_not(demo, tmp_path):
    flows = write(tmp_path, "fl.csv", "indicator_id,origin_id,destination_id,period,value\n"
                                      "MOB01,59350,BE251,2052,5\n")
    checked = validate_files(demo, [flows])
    assert [(p.row, p.column) for p in checked.problems if p.code == "future_period"] == [(2, "period")]
    targets = write(tmp_path, "tg.csv", "indicator_id,territory_id,baseline_period,baseline_value,target_period,"
                                        "target_value\nMOB04,EMLKT,2020,10,2040,60\n")
    assert not [p for p in validate_files(demo, [targets]).problems if p.code == "future_period"]
