"""Letters after a number where no flag is kept (a target's `100 p`, an indicator's decimals): the number is
read and the letters are said not kept, in the user's language, with the rows; they were dropped unsaid."""
from __future__ import annotations

import pytest

from indicators.importing import validate_files
from indicators.store import open_store


@pytest.mark.parametrize("lang, words", [("fr", "ne sont pas gardées"), ("nl", "niet bewaard"), ("en", "not kept")])
def test_a_flag_on_a_target_number_is_said_not_kept(demo_url, lang, words):
    raw = (b"indicator_id,territory_id,baseline_period,baseline_value,target_period,target_value\n"
           b"MOB05,59350,2019,100 p,2030,3800 e\nMOB05,59009,2019,90,2030,200\n")
    checked = validate_files(open_store(demo_url), [("cibles.csv", raw)])
    assert checked.ok
    kept = [p for p in checked.problems if p.code == "flag_not_kept"]
    assert sorted(p.column for p in kept) == ["baseline_value", "target_value"]
    assert all(p.severity == "notice" and p.row == 2 and words in p.message(lang) for p in kept)
    targets = checked.tables["targets"]
    assert targets["baseline_value"].tolist() == [100.0, 90.0] and targets["target_value"].tolist() == [3800.0, 200.0]


def test_an_observation_keeps_its_flag_without_that_notice(demo_url):
    raw = b"indicator_id,territory_id,period,value\nMOB05,59350,2024,100 p\n"
    checked = validate_files(open_store(demo_url), [("obs.csv", raw)])
    assert checked.tables["observations"]["flag"].tolist() == ["p"]
    assert not [p for p in checked.problems if p.code == "flag_not_kept"]
