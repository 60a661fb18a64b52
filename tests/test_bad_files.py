"""Every bad file gets a clear report and leaves the store exactly as it was."""
from __future__ import annotations

import pytest

from indicators.importing import import_files, validate_files
from indicators.store import list_batches

from .helpers import CORPUS, snapshot, store_with_framework

BAD = CORPUS / "bad"

# file -> (row, column as written, words the English message must contain, expected table or None)
EXPECTED = {
    "empty.csv": (None, None, "empty", None),
    "blank_lines_only.csv": (None, None, "empty", None),
    "binary.csv": (None, None, "binary", None),
    "empty.xlsx": (None, None, "empty", None),
    "corrupt.xlsx": (None, None, "cannot be opened", None),
    "header_only.csv": (1, None, "no data row", None),
    "missing_value_column.csv": (1, None, "Missing required column for the Observations table: value", None),
    "unknown_columns.csv": (1, None, "match no table", None),
    "territories_given_as_observations.csv": (1, None, "holds the Territories table, not the Observations table", "observations"),
    "unknown_indicator.csv": (3, "indicator_id", "Unknown indicator code", None),
    "unknown_territory.csv": (2, "territory_id", "Unknown territory code", None),
    "unknown_action.csv": (2, "action_id", "Unknown action code", None),
    "unknown_level.csv": (2, "level_id", "Unknown level code", None),
    "unknown_theme.csv": (2, "theme_id", "Unknown theme code", None),
    "duplicate_key.csv": (4, "period", "same row appears again (first at row 2)", None),
    "conflicting_values.csv": (3, "value", "Two different values for MOB01 / 59350 / 2020", None),
    "bad_period.csv": (2, "period", "Not a period", None),
    "non_numeric.csv": (2, "valeur", "Not a number", None),
    "percent_over_100.csv": (2, "value", "percentage must be between 0 and 100", None),
    "percent_negative.csv": (2, "value", "percentage must be between 0 and 100", None),
    "too_large.csv": (2, "value", "too large to store", None),
    "bad_flag.csv": (2, "value", "Unknown flag", None),
    "bad_direction.csv": (2, "direction", "Not an allowed value. Allowed: increase, decrease", None),
    "missing_required_cell.csv": (2, "indicator_id", "value is required", None),
    "target_before_baseline.csv": (2, "target_period", "must come after the baseline", None),
    "flow_same_place.csv": (2, "destination_id", "same territory", None),
    "too_many_fields.csv": (3, "column E", "more cells than the header", None),   # the extra cell's column
    "bad_country.csv": (2, "country", "Not a country code", None),
    "latitude_out_of_range.csv": (2, "lat", "between -90 and 90", None),
    "decimals_not_integer.csv": (2, "decimals", "Not a whole number", None),
    "unknown_parent.csv": (2, "parent_id", "Unknown territory code", None),
    "bad_values.xlsx": (3, "territory_id", "Unknown territory code", None),
}

SUGGESTED = {
    "unknown_indicator.csv": "Did you mean MOB01?",
    "unknown_territory.csv": "Did you mean 59350?",
    "unknown_action.csv": "Did you mean A01?",
    "unknown_level.csv": "Did you mean border?",
    "unknown_theme.csv": "Did you mean mobility?",
    "bad_direction.csv": None,
}


def test_corpus_is_complete():
    on_disk = {p.name for p in BAD.iterdir()}
    assert on_disk == set(EXPECTED), on_disk ^ set(EXPECTED)
    assert len(EXPECTED) >= 25


@pytest.fixture(scope="module")
def framework_store(tmp_path_factory):
    return store_with_framework(f"sqlite:///{tmp_path_factory.mktemp('bad') / 'store.sqlite'}")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_is_reported_and_store_unchanged(framework_store, name):
    row, column, words, expected_kind = EXPECTED[name]
    path = BAD / name
    checked = validate_files(framework_store, [path], expected_kind=expected_kind)
    report = checked.report("en")
    assert report["ok"] is False
    problems = report["problems"]
    match = [p for p in problems if words in p["message"] and p["row"] == row and p["column"] == column]
    assert match, problems
    assert all(p["file"].startswith(name) for p in problems)
    if column is not None:
        assert match[0]["value"] is not None
    if name in SUGGESTED and SUGGESTED[name]:
        assert match[0]["suggestion"] == SUGGESTED[name]
    # French messages exist for the same problems, and differ from the English ones.
    french = checked.report("fr")["problems"]
    assert len(french) == len(problems)
    assert all(f["message"] and f["message"] != e["message"] for f, e in zip(french, problems))

    before = snapshot(framework_store)
    batches_before = len(list_batches(framework_store))
    outcome = import_files(framework_store, [path], user="test", expected_kind=expected_kind)
    assert not outcome.ok
    assert snapshot(framework_store) == before
    assert len(list_batches(framework_store)) == batches_before


def test_all_problems_at_once(framework_store):
    checked = validate_files(framework_store, [BAD / "bad_period.csv", BAD / "non_numeric.csv",
                                               BAD / "unknown_indicator.csv"])
    rows = {(p.file, p.row) for p in checked.problems if p.severity == "error"}
    assert rows == {("bad_period.csv", 2), ("bad_period.csv", 3), ("bad_period.csv", 4),
                    ("non_numeric.csv", 2), ("non_numeric.csv", 3), ("unknown_indicator.csv", 3)}


def test_one_bad_file_blocks_the_whole_import(framework_store, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("indicator_id,territory_id,period,value\nMOB01,59350,2019,2.5\n")
    before = snapshot(framework_store)
    outcome = import_files(framework_store, [good, BAD / "conflicting_values.csv"], user="test")
    assert not outcome.ok
    assert snapshot(framework_store) == before


def test_skip_invalid_rows_imports_the_rest(tmp_path):
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    outcome = import_files(engine, [BAD / "unknown_indicator.csv"], user="test", skip_invalid_rows=True)
    assert outcome.ok
    assert outcome.result.summary() == {"added": 1, "updated": 0, "unchanged": 0, "rejected": 1}


def test_nearest_code_prefers_lost_zeros_then_common_prefix():
    from indicators.cross_checks import nearest_code

    codes = ["01001", "59350", "59352", "MOB04", "MOB14", "57096"]
    assert nearest_code("1001", codes) == "01001"
    assert nearest_code("MOB4", codes) == "MOB04"
    assert nearest_code("mob04", codes) == "MOB04"
    assert nearest_code("5935", codes) == "59350"
    assert nearest_code("57069", codes) == "57096"
    assert nearest_code("zzzzzz", codes) is None


def test_nearest_code_reads_letters_typed_for_lookalike_digits():
    from indicators.cross_checks import nearest_code

    codes = ["MOB01", "MOB06", "59350", "59352"]
    assert nearest_code("MOB0l", codes) == "MOB01"   # l for 1, not the equally close MOB06
    assert nearest_code("5935O", codes) == "59350"   # O for 0


def test_rows_missing_the_same_key_cell_are_not_called_duplicates(tmp_path):
    """Two rows without a territory are each refused for it, not reported as one repeating the other;
    a real repeat in the same file still is."""
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    raw = ("indicator_id,territory_id,period,value\nMOB02,,2020,1\nMOB02,,2020,1\n"
           "MOB02,59350,2020,3\nMOB02,59350,2020,3\n").encode()
    checked = validate_files(engine, [("keys.csv", raw)])
    found = sorted((p.row, p.code) for p in checked.problems)
    assert [r for r, code in found if code == "required"] == [2, 3]
    assert [r for r, code in found if code.startswith("duplicate")] == [5]


def test_a_number_in_a_message_reads_as_its_file_writes_it(framework_store, tmp_path):
    """A conflict or a percentage out of range names the cell with the file's decimal mark and in full:
    '11,25' for a French file (it said '11.25'), 1234567,5 not '1.23457e+06'."""
    french = tmp_path / "fr.csv"
    french.write_text("indicator_id;territory_id;period;value\nMOB01;59350;2024;10,5\n"
                      "MOB01;59350;2024;1234567,5\n", encoding="utf-8")
    english = tmp_path / "en.csv"
    english.write_text("indicator_id,territory_id,period,value\nMOB01,59350,2023,10.5\nMOB01,59350,2023,11.25\n",
                       encoding="utf-8")
    checked = validate_files(framework_store, [french, english, BAD / "percent_over_100.csv"])
    said = {(p.file, p.code): p.value for p in checked.problems}
    assert said[("fr.csv", "conflicting_key")] == "1234567,5"
    assert said[("en.csv", "conflicting_key")] == "11.25"
    assert said[("percent_over_100.csv", "percent_over_100")] == "112,5"
    targets = tmp_path / "targets.csv"     # a later row's empty cell is said empty, not 'nan'
    targets.write_text("indicator_id,territory_id,baseline_period,baseline_value,target_period,target_value\n"
                       "MOB01,59350,2019,10,2030,12.5\nMOB01,59350,2019,10,2030,\n", encoding="utf-8")
    conflicts = [p for p in validate_files(framework_store, [targets]).problems if p.code == "conflicting_key"]
    assert [(p.row, p.value) for p in conflicts] == [(3, None)]


def test_two_files_named_alike_are_told_apart_in_reports_skipped_rows_and_digests(tmp_path):
    """d1/obs.csv and d2/obs.csv: a bad row of one skipped the other's row of the same number, and a
    file's digest was the one of any file whose name began like it (obs.csv for obs.csv.gz)."""
    import gzip
    import hashlib

    from indicators.store import read_table


    (tmp_path / "d1").mkdir()
    (tmp_path / "d2").mkdir()
    first = tmp_path / "d1" / "obs.csv"
    first.write_text("indicator_id,territory_id,period,value\nMOB02,59350,2020,1\nMOB02,59512,2020,5\n")
    second = tmp_path / "d2" / "obs.csv"
    second.write_text("indicator_id,territory_id,period,value\nMOB02,59350,2021,2\nMOB02,59512,2021,x\n")
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    outcome = import_files(engine, [first, second], user="test", skip_invalid_rows=True)
    assert [(p.file, p.row) for p in outcome.checked.problems if p.severity == "error"] == [("d2/obs.csv", 3)]
    stored = read_table(engine, "observations")
    assert sorted(zip(stored["territory_id"], stored["period"])) == [("59350", "2020"), ("59350", "2021"),
                                                                     ("59512", "2020")]   # d1's row 3 kept
    packed = tmp_path / "obs.csv.gz"
    packed.write_bytes(gzip.compress(b"indicator_id,territory_id,period,value\nMOB02,59350,2019,3\n"))
    plain = tmp_path / "obs.csv"
    plain.write_text("indicator_id,territory_id,period,value\nMOB02,59512,2019,4\n")
    assert import_files(engine, [plain, packed], user="test").ok
    batch = list_batches(engine).iloc[0]
    assert batch["sha256"].split(", ") == [hashlib.sha256(plain.read_bytes()).hexdigest(),
                                           hashlib.sha256(packed.read_bytes()).hexdigest()]


def test_two_headers_naming_one_column_are_refused_as_a_repeated_column(tmp_path):
    """`value` and `valeur` side by side: the second was ignored as a label column, while `value,value`
    was refused; a planner who added `valeur` with new figures had them thrown away."""
    from .helpers import write

    path = write(tmp_path, "obs.csv", "indicator_id,territory_id,period,value,valeur\nMOB02,59350,2020,1,2\n")
    checked = validate_files(None, [path])
    (problem,) = [p for p in checked.problems if p.severity == "error"]
    assert (problem.code, problem.column, problem.value) == ("repeated_header", "value", "value / valeur")
    assert "(colonnes D, E)" in problem.message("fr")
