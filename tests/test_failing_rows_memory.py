"""Failing rows must not cost memory (finding L4, stop 31): a CSV of 700,000 short rows that all fail cost
470 MB to validate, over its budget, because every failing row was kept as a Python int (a tuple in
`Problem.more_rows`) and each file label and code read as a Python string. The rows counted past the cap
are now `problems.Rows`: numbers, equal to the tuple they replace, ordered as it.

Memory is asserted only as ratios measured in the same run (tracemalloc), never in absolute bytes or seconds.
"""
from __future__ import annotations

import copy
import gc
import pickle
import random
import tracemalloc
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from indicators import limits
from indicators.cross_checks import _first_of_key, partner_problems, per_file
from indicators.importing import validate_files
from indicators.problems import Problem, Rows, capped, count, problem_rows_of, rows_of

from .helpers import store_with_framework, write

OBS = "indicator_id,territory_id,period,value\n"


def _shapes() -> dict[str, list[int]]:
    rng = random.Random(31)
    return {
        "empty": [],
        "one": [7],
        "two": [7, 8],
        "run": list(range(1002, 5002)),
        "every other": list(range(2, 4000, 2)),
        "runs": [r for start in range(10, 5000, 100) for r in range(start, start + 40)],
        "repeated (a mapped row holds several cells)": [5, 5, 6, 7, 8, 9, 10, 3, 3],
        "shuffled": rng.sample(range(2, 3000), 2000),
        "descending": list(range(900, 2, -1)),
        "past a block": list(range(2, 2 + Rows.BLOCK * 2 + 5)) + [1, 2, 3],
    }


@pytest.mark.parametrize("name", list(_shapes()))
def test_rows_behave_as_the_tuple_of_the_same_rows(name):
    as_tuple = tuple(_shapes()[name])
    rows = Rows(np.asarray(as_tuple, dtype=np.int64))
    assert rows == as_tuple and as_tuple == rows and not rows != as_tuple
    assert rows == Rows(list(as_tuple)) == Rows(rows) and hash(rows) == hash(as_tuple)
    assert list(rows) == list(as_tuple) and all(type(r) is int for r in rows)
    assert len(rows) == len(as_tuple) and bool(rows) == bool(as_tuple)
    assert np.array_equal(rows.array(), np.asarray(as_tuple, dtype=np.int64))
    assert np.array_equal(np.asarray(rows), np.asarray(as_tuple, dtype=np.int64))
    if as_tuple:
        assert (rows[0], rows[-1], rows[len(rows) // 2]) == (as_tuple[0], as_tuple[-1], as_tuple[len(as_tuple) // 2])
        assert rows[1:4] == as_tuple[1:4] and min(rows) == min(as_tuple) and max(rows) == max(as_tuple)
        assert as_tuple[-1] in rows and -1 not in rows and max(as_tuple) + 1 not in rows
        assert float(as_tuple[0]) in rows and None not in rows and "2" not in rows
        with pytest.raises(IndexError):
            rows[len(as_tuple)]
    # Ordered as tuples are, never element-wise as arrays: a longer, a shorter, a changed tuple.
    for other in (as_tuple + (1,), as_tuple[:-1], as_tuple[:-1] + (10**9,), (0,) + as_tuple, as_tuple):
        assert (rows < other, rows <= other, rows > other, rows >= other, rows == other) == \
               (as_tuple < other, as_tuple <= other, as_tuple > other, as_tuple >= other, as_tuple == other)
        assert (rows < Rows(other), rows == Rows(other)) == (as_tuple < other, as_tuple == other)
    assert rows != list(as_tuple) and rows != as_tuple + (1,) and rows != as_tuple[:-1] + (0,)
    for again in (pickle.loads(pickle.dumps(rows)), copy.deepcopy(rows), copy.copy(rows)):
        assert again == rows and type(again) is Rows
    with pytest.raises(AttributeError):
        rows._data = None


def test_runs_of_rows_hold_two_numbers_others_one_each():
    every_row = Rows(np.arange(1002, 700_002))
    assert len(every_row) == 699_000 and every_row[698_999] == 700_001
    assert every_row.array().nbytes == 699_000 * 8
    assert repr(every_row).endswith("…: 699000 rows)") and repr(Rows([5, 6])) == "Rows(5, 6)"
    assert every_row == Rows(range(1002, 700_002)) and every_row != Rows(range(1002, 700_001))


def test_problems_with_counted_rows_compare_as_before(monkeypatch):
    monkeypatch.setenv("MONITOR_MAX_PROBLEMS_LISTED", "3")
    rows = np.arange(2, 12)

    def made(given):
        return capped("f.csv", "value", "not_a_number", given, lambda i: Problem(
            "f.csv", int(rows[i]), "value", "x", "not_a_number", {}, ("write_number", {})))

    from_array, from_list = made(rows), made([int(r) for r in rows])
    # `==` on problems is one bool, not an array (a previous attempt kept arrays in a compared field).
    assert (from_array == from_list) is True and from_array[-1] == from_list[-1]
    more = from_array[-1]
    assert more.code == "more_same" and more.more_rows == (5, 6, 7, 8, 9, 10, 11)
    assert more.params == {"count": 7, "first": 2, "rows": "5, 6, 7, 8, 9, 10, 11", "listed": 3}
    assert problem_rows_of(more) == (5, 6, 7, 8, 9, 10, 11) and problem_rows_of(from_array[0]) == (2,)
    assert count(from_array) == 10
    assert np.array_equal(rows_of(from_array), np.arange(2, 12)) and rows_of([]).dtype == np.int64
    # The rows are never compared, as before: a problem with other counted rows is the same problem.
    assert replace(more, more_rows=Rows([1])) == more and hash(more.more_rows) == hash(tuple(range(5, 12)))
    assert sorted(from_array + from_list, key=lambda p: (p.row, p.code)) == \
        sorted(from_list + from_array, key=lambda p: (p.row, p.code))
    # More than ten distinct rows, or the same few repeated: said as before.
    assert made(np.array([2, 3, 4] + [5] * 20))[-1].params["rows"] == "5"
    assert made(np.array([2, 3, 4] + [5] * 1000 + [6]))[-1].params["rows"] == "5, …"


def _measured(make):
    """(what `make()` keeps, its peak), in bytes over what was held before, and its result."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        out = make()
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return held - before, peak - before, out


def _capped_every_row(rows: np.ndarray):
    return capped("f.csv", "indicator_id", "unknown_code", rows, lambda i: Problem(
        "f.csv", int(rows[i]), "indicator_id", "C", "unknown_code", {"kind": "indicators"}, ("add_it", {})))


def test_problems_of_every_row_failing_stay_flat_past_the_cap():
    small, large = np.arange(2, 200_002), np.arange(2, 400_002)
    held_small, peak_small, _ = _measured(lambda: _capped_every_row(small))
    held_large, peak_large, out = _measured(lambda: _capped_every_row(large))
    assert out[-1].params["count"] == 399_000 and out[-1].more_rows[-1] == 400_001
    assert held_large < 1.3 * held_small and peak_large < 1.3 * peak_small


def test_interleaved_failing_rows_cost_one_number_each():
    rows = np.arange(2, 800_002, 2)   # every other row fails: no runs to keep
    held, peak, out = _measured(lambda: _capped_every_row(rows))
    listed_only, _, _ = _measured(lambda: _capped_every_row(rows[:limits.get("MAX_PROBLEMS_LISTED")]))
    counted = out[-1].params["count"]
    assert counted == len(rows) - limits.get("MAX_PROBLEMS_LISTED")
    # As a tuple the rows cost 36 bytes each (4.5 times an int64), and once more as a set while counting.
    assert held - listed_only < 1.3 * counted * rows.itemsize
    assert peak - listed_only < 1.5 * counted * rows.itemsize


def test_problems_of_a_table_name_files_without_a_string_a_row():
    n = 300_000
    frame = pd.DataFrame({"indicator_id": pd.array(["C"] * n, dtype="str"),
                          "_file": pd.array(["f.csv"] * n, dtype="str"), "_row": np.arange(2, n + 2)})
    at = np.arange(n, dtype=np.int64)
    make = lambda pos, file, where: Problem(file, int(frame["_row"].iat[pos]), where, "C", "unknown_code")  # noqa: E731
    held, peak, out = _measured(lambda: per_file(frame, at, "indicator_id", "unknown_code", make, {}))
    assert out[-1].params["count"] == n - limits.get("MAX_PROBLEMS_LISTED")
    # `_file` read as Python strings cost 8 bytes a row for the array and ~50 for each string.
    assert peak < 5 * at.nbytes and held < 0.5 * at.nbytes


def test_unknown_partners_on_every_row_make_no_problem_a_row(monkeypatch):
    monkeypatch.setenv("MONITOR_MAX_PROBLEMS_LISTED", "50")   # the listed problems are not what is measured
    n = 15_000

    def tables(owner: str):
        return {"indicators": pd.DataFrame({"owner": pd.array([owner] * n, dtype="str"),
                                            "_file": pd.array(["ind.csv"] * n, dtype="str"),
                                            "_row": np.arange(2, n + 2)})}

    known, unknown = tables("MEL"), tables("ZZZ9")
    _, peak_known, none = _measured(lambda: partner_problems(known, {"MEL", "ADULM"}, {}))
    held, peak_unknown, found = _measured(lambda: partner_problems(unknown, {"MEL", "ADULM"}, {}))
    assert none == [] and [p.code for p in found[-2:]] == ["unknown_partner", "more_same"]
    assert found[-1].params["count"] == n - limits.get("MAX_PROBLEMS_LISTED") and found[-1].severity == "notice"
    assert found[-1].more_rows == tuple(range(limits.get("MAX_PROBLEMS_LISTED") + 2, n + 2))
    # A Problem (and a search for the nearest code) a row cost many times what reading the column costs.
    assert peak_unknown < 1.5 * peak_known


def test_each_rows_key_points_at_its_first_row_as_duplicated_says():
    frame = pd.DataFrame({"a": ["x", "y", "x", None, "y", None, "z", "x"],
                          "b": pd.array(["1", "1", "1", "2", "1", "2", "1", "2"], dtype="str")})
    first = _first_of_key(frame, ["a", "b"])
    assert first.tolist() == [0, 1, 0, 3, 1, 3, 6, 7]
    assert np.array_equal(first != np.arange(len(frame)), frame.duplicated(["a", "b"]).to_numpy())
    assert _first_of_key(frame.iloc[:0], ["a", "b"]).tolist() == []


SHAPES = {   # every row fails the same way (the tester's short rows: an unknown indicator and territory, repeated)
    "short rows": lambda i: "C,2,2014,1\n",
    "unknown indicator": lambda i: f"ZZZ,59350,{1900 + i % 200}-{1 + (i // 200) % 12:02d},{i}\n",
    "bad number": lambda i: f"MOB02,59350,{1900 + i % 200}-{1 + (i // 200) % 12:02d},x{i % 5}\n",
    "bad period": lambda i: f"MOB02,59350,20x{i % 5},{i}\n",
    "missing territory": lambda i: f"MOB02,,{1900 + i % 200}-{1 + (i // 200) % 12:02d},{i}\n",
}


def _held_by_problems(engine, path):
    """What the problems of validating `path` hold: the traced memory before and after they are let go."""
    gc.collect()
    tracemalloc.start()
    try:
        checked = validate_files(engine, [str(path)])
        gc.collect()
        with_problems = tracemalloc.get_traced_memory()[0]
        problems = checked.problems
        checked.problems = []
        counted = count(problems)
        del problems
        gc.collect()
        held = with_problems - tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return held, counted


@pytest.mark.parametrize("shape", list(SHAPES))
def test_validating_a_file_failing_on_every_row_holds_problems_flat(tmp_path, shape):
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    line = SHAPES[shape]
    small = write(tmp_path, "small.csv", OBS + "".join(line(i) for i in range(60_000)))
    large = write(tmp_path, "large.csv", OBS + "".join(line(i) for i in range(120_000)))
    held_small, counted_small = _held_by_problems(engine, small)
    held_large, counted_large = _held_by_problems(engine, large)
    assert counted_large >= 120_000 and counted_small >= 60_000
    assert held_large < 1.3 * held_small
