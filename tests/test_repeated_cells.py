"""A column that repeats a few cells (territories, indicators, periods over many rows) is read once per
distinct cell and the results spread back by position: every problem must still name its own rows."""
from __future__ import annotations

from indicators.importing import validate_files

from .helpers import store_with_framework, write


def test_problems_in_repeated_columns_name_each_of_their_rows(tmp_path):
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    lines = ["indicator_id;territory_id;period;value;flag"]
    bad = {7: ("MOB02", "=cmd()", "2020", "1,5", ""), 12: ("MOB02", "59350", "20x1", "2", ""),
           21: ("MOB02", "59350", "2021", "3", "xq"), 30: ("MOB02", "=cmd()", "2022", "4", ""),
           33: ("MOB02", "59350", "1700", "5", "")}
    for row in range(2, 42):                 # row 1 is the header
        cells = bad.get(row, ("MOB02", "59350", str(2000 + row % 5), f"{row},25", "p" if row % 3 else ""))
        lines.append(";".join(cells))
    path = write(tmp_path, "repeated.csv", "\n".join(lines) + "\n")
    checked = validate_files(engine, [path])
    codes = {"formula_code", "bad_period", "bad_flag", "period_out_of_range"}   # (rows share keys: conflicts too)
    found = sorted((p.row, p.column, p.value, p.code) for p in checked.problems if p.code in codes)
    assert found == [(7, "territory_id", "=cmd()", "formula_code"), (12, "period", "20x1", "bad_period"),
                     (21, "flag", "xq", "bad_flag"), (30, "territory_id", "=cmd()", "formula_code"),
                     (33, "period", "1700", "period_out_of_range")], found


def test_schema_checks_of_repeated_columns_name_each_of_their_rows(tmp_path):
    # Columns of few distinct cells are checked as categories (validation._parse_sheet): a required
    # cell left empty and a value outside the allowed list must still be found at their own rows.
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    lines = ["territory_id;name_fr;country"]
    for row in range(2, 42):
        country = {9: "", 17: "ZZ", 25: "be"}.get(row, "FR" if row % 2 else "BE")
        lines.append(f"T{row:03d};Commune {row};{country}")
    path = write(tmp_path, "territories.csv", "\n".join(lines) + "\n")
    checked = validate_files(engine, [path])
    found = sorted((p.row, p.column, p.value, p.code) for p in checked.problems if p.severity == "error")
    assert found == [(9, "country", "", "required"), (17, "country", "ZZ", "not_country")], found
    assert checked.tables["territories"]["country"].tolist()[23] == "BE"   # row 25: "be", case aside
