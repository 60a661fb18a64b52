"""A currency-formatted XLSX cell (`#,##0 "€"`, `[$€-40C] #,##0.00`, `#,##0 €`) carries its sign to the
unit check, as a CSV cell `1 234 €` does: taken for an indicator in EUR, refused for one in another unit
(outside tester's finding D5 of session 27, its currency part)."""
from __future__ import annotations

import pytest

from indicators.importing import validate_files
from indicators.reading import read_file

from .helpers import store_with_framework, workbook, write

FORMATS = ['#,##0 "€"', '[$€-40C] #,##0.00', '#,##0 €', '_-* #,##0.00\\ "€"_-', '$#,##0']


@pytest.fixture(scope="module")
def framework_store(tmp_path_factory):
    return store_with_framework(f"sqlite:///{tmp_path_factory.mktemp('money') / 'store.sqlite'}")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_currency_cell_reads_with_its_sign_as_a_csv_would_hold_it(fmt):
    raw = workbook({"observations": [["indicator_id", "territory_id", "period", "value"],
                                     ["MOB02", "59350", 2021, 1234.5], ["MOB02", "59350", 2022, 1200]]},
                   {("observations", "D2"): fmt, ("observations", "D3"): fmt})
    (sheet,) = read_file(raw, "money.xlsx").sheets
    sign = "$" if "$#" in fmt else "€"
    assert sheet.frame["value"].tolist() == [f"1234.5 {sign}", f"1200 {sign}"]


def test_a_currency_cell_is_judged_by_the_unit_of_its_indicator(tmp_path, framework_store):
    indicators = write(tmp_path, "indicators.csv", "indicator_id,action_id,name_fr,unit,direction\n"
                                                   "ECO06,A01,Dépense par habitant,EUR/inhabitant,increase\n")
    path = tmp_path / "money.xlsx"
    path.write_bytes(workbook({"observations": [["indicator_id", "territory_id", "period", "value"],
                                                ["MOB02", "59350", 2023, 1234.5],    # persons: refused
                                                ["ECO06", "59350", 2023, 1234.5]]},  # EUR: 1234.5
                              {("observations", "D2"): '#,##0.00 "€"', ("observations", "D3"): '#,##0.00 "€"'}))
    checked = validate_files(framework_store, [indicators, path])
    refused = [(p.row, p.code, p.value) for p in checked.problems if p.severity == "error"]
    assert refused == [(2, "unit_mismatch", "1234.5 €")]
    obs = checked.tables["observations"]
    assert obs.loc[obs["indicator_id"] == "ECO06", "value"].tolist() == [1234.5]


@pytest.mark.parametrize("fmt", ["[$-40C]#,##0.00", '0 "km"', "#,##0.00", "General"])
def test_formats_without_a_currency_leave_the_number_alone(fmt):
    raw = workbook({"observations": [["indicator_id", "territory_id", "period", "value"], ["MOB02", "59350", 2021, 1234.5]]},
                   {("observations", "D2"): fmt})
    (sheet,) = read_file(raw, "plain.xlsx").sheets
    assert sheet.frame["value"].tolist() == ["1234.5"]
