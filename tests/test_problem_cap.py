"""A file with a mistake on every row: the first problems of each kind are listed one by one, the
others counted in one problem that names their rows; skipping bad rows still leaves all of them out."""
from __future__ import annotations

from indicators import limits
from indicators.importing import import_files, validate_files
from indicators.cross_checks import _cycles

from .helpers import snapshot, store_with_framework, write

OBS = "indicator_id,territory_id,period,value\n"


def _file(tmp_path, bad: int, good: int, blank: int = 0):
    lines = [f"MOB02,T{i},2020,x\n" for i in range(bad)]
    lines += [f"MOB02,59512,{1901 + i},{i}\n" for i in range(good)]
    lines += [f"MOB02,59350,{1901 + i},\n" for i in range(blank)]
    return write(tmp_path, "many.csv", OBS + "".join(lines))


def test_problems_past_the_cap_are_counted_with_their_rows(tmp_path, monkeypatch):
    monkeypatch.setenv("MONITOR_MAX_PROBLEMS_LISTED", "50")
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    checked = validate_files(engine, [_file(tmp_path, bad=120, good=30, blank=5)])
    by_column = {}
    for p in checked.problems:
        by_column.setdefault((p.column, p.code), []).append(p)
    # Unknown territory codes T0..T119 and values "x": 50 listed each, the other 70 counted.
    for column, code in (("territory_id", "unknown_code"), ("value", "not_a_number")):
        assert len(by_column[(column, code)]) == 50
        (more,) = by_column[(column, "more_same")]
        assert more.params["count"] == 70 and more.more_rows == tuple(range(52, 122))
        assert more.row == 52 and more.severity == "error"
        assert "70 more cells" in more.message("en") and "70 autres cellules" in more.message("fr")
        assert "rows 52, 53," in more.message("en") and "lignes 52, 53," in more.message("fr")
    # Bad values past the cap are not mistaken for rows without a value: only the 5 blanks are.
    (notice,) = [p for p in checked.problems if p.code == "no_value_rows"]
    assert notice.params["count"] == 5


def test_skipping_bad_rows_leaves_out_the_counted_ones_too(tmp_path, monkeypatch):
    monkeypatch.setenv("MONITOR_MAX_PROBLEMS_LISTED", "50")
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    outcome = import_files(engine, [_file(tmp_path, bad=120, good=30)], user="a", skip_invalid_rows=True)
    assert outcome.ok and outcome.result.rejected == 120
    stored = snapshot(engine)["observations"].decode()
    assert "T119" not in stored and stored.count("MOB02,59512,19") == 30


def test_the_cap_is_a_limit_with_a_default():
    assert limits.DEFAULTS["MAX_PROBLEMS_LISTED"] == limits.get("MAX_PROBLEMS_LISTED") > 0


def test_loops_are_found_in_one_walk_whatever_the_chain():
    chain = {f"T{i}": f"T{i + 1}" for i in range(200_000)}       # a long chain, no loop
    assert _cycles(chain) == {}
    chain["T200000"] = "T100000"                                   # its tail loops back
    loops = _cycles(chain)
    assert set(loops) == {f"T{i}" for i in range(100_000, 200_001)}
    assert "T99999" not in loops and loops["T100000"][0] == "T100000"
    assert _cycles({"A": "A"}) == {"A": ["A"]}
