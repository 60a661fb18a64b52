"""A number column whose every number is written like 1.250 (one mark, three digits) is read by the
documented rule (a `;` file with no decimal shown has a decimal comma, so 1.250 is 1250) and says so in a
notice naming the column, an example as written, what it was read as and what to do if the mark was
decimal (outside tester's finding D6 of session 27). The mirror case (`1,250` in a file with a decimal
point) says the same; one number that shows the mark, and no notice."""
from __future__ import annotations

import pytest

from indicators.importing import validate_files
from indicators.reading import read_file

from .helpers import store_with_framework, workbook, write

HEAD = "indicator_id;territory_id;period;value\n"


@pytest.fixture(scope="module")
def framework_store(tmp_path_factory):
    return store_with_framework(f"sqlite:///{tmp_path_factory.mktemp('thousands') / 'store.sqlite'}")


def _notices(result):
    return [p for p in result.problems if p.code == "read_as_thousands"]


def test_a_semicolon_file_of_points_and_three_decimals_is_read_as_thousands_with_a_notice(tmp_path, framework_store):
    path = write(tmp_path, "d6.csv", HEAD + "MOB02;59350;2021;1.250\nMOB02;59350;2022;2.375\nMOB02;59350;2023;3.125\n")
    checked = validate_files(framework_store, [path])
    assert checked.ok and checked.tables["observations"]["value"].tolist() == [1250, 2375, 3125]   # the rule kept
    (notice,) = [p for p in checked.problems if p.code == "read_as_thousands"]
    assert (notice.severity, notice.file, notice.row, notice.column, notice.value) == ("notice", "d6.csv", 2, "value", "1.250")
    for lang, words in (("en", ("value", "1.250", "1250", "1.25", "1,25")),
                        ("fr", ("value", "1.250", "1250", "séparateur décimal", "1,25")),
                        ("nl", ("value", "1.250", "1250", "decimaalteken", "1,25"))):
        message = notice.message(lang)
        assert all(w in message for w in words), (lang, message)
    assert notice in checked.problems and notice.as_dict()["value"] == "1.250"
    assert any(n["message"] == notice.message("en") for n in checked.report("en")["notices"])


@pytest.mark.parametrize("text", ['indicator_id,territory_id,period,value\nMOB02,59350,2021,"1,250"\nMOB02,59350,2022,"12,500 p"\n',
                                  'indicator_id|territory_id|period|value\nMOB02|59350|2021|1,250\n'])
def test_the_mirror_case_a_comma_read_as_thousands_beside_a_decimal_point_is_said_too(text):
    result = read_file(text.encode(), "mirror.csv")
    (sheet,) = result.sheets
    assert sheet.decimal == "."
    (notice,) = _notices(result)
    assert (notice.row, notice.column, notice.value) == (2, "value", "1,250")
    assert "1250" in notice.message("en") and "1.25" in notice.message("en")


@pytest.mark.parametrize("cells", [["1.250", "0.375"],    # 0.375 shows a decimal point
                                   ["1.250", "2,5"],      # 2,5 shows a decimal comma
                                   ["1.250", "12"],       # 12 is written otherwise
                                   ["1.250.000", "2.375.500"],   # two groups: thousands beyond doubt
                                   ["1250", "2375"]])
def test_no_notice_when_one_number_is_written_otherwise(cells):
    text = HEAD + "".join(f"MOB02;59350;{2020 + i};{c}\n" for i, c in enumerate(cells))
    assert _notices(read_file(text.encode(), "plain.csv")) == []


def test_empty_and_no_value_cells_do_not_count_and_the_example_is_the_first_number():
    text = HEAD + "MOB02;59350;2020;:\nMOB02;59350;2021;\nMOB02;59350;2022;4.500 p\nMOB02;59350;2023;2.375\n"
    (notice,) = _notices(read_file(text.encode(), "gaps.csv"))
    assert (notice.row, notice.value, notice.params["read_as"]) == (4, "4.500 p", "4500")


def test_a_workbook_text_column_of_such_numbers_says_it_too():
    raw = workbook({"observations": [["indicator_id", "territory_id", "period", "value"],
                                     ["MOB02", "59350", 2021, "1,250"], ["MOB02", "59350", 2022, "2,375"]]})
    result = read_file(raw, "t.xlsx")
    (notice,) = _notices(result)
    assert (notice.file, notice.row, notice.column, notice.value) == ("t.xlsx [observations]", 2, "value", "1,250")
