"""`python -m indicators export` writes numbers as the source and the Explorer's download write them:
a whole number without a decimal part (`77109`, never `77109.0`), any other exactly, and export then
import stays a round trip (DESIGN.md, "export"). Outside tester X, stop 31, finding 4."""
from __future__ import annotations

import csv
import io
import re
import shutil

import openpyxl
import pandas as pd

from indicators import downloads
from indicators.cli import main
from indicators.exporting import export_frames, to_csv_bytes
from indicators.importing import import_files
from indicators.queries import load_observations
from indicators.store import open_store, read_table


WHOLE_AS_FLOAT = re.compile(r"^-?\d+\.0$")


def copy_of_demo(demo_store_file, folder) -> str:
    path = folder / "demo.sqlite"
    shutil.copy(demo_store_file, path)
    return f"sqlite:///{path}"


def rows_of(raw: bytes, sep: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=sep))


def test_cli_export_writes_the_numbers_the_explorer_download_writes(demo_store_file, tmp_path):
    url = copy_of_demo(demo_store_file, tmp_path)
    out = tmp_path / "exp.csv"
    assert main(["export", "--db", url, str(out), "--table", "observations"]) == 0
    exported = rows_of(out.read_bytes())
    by_key = {(r["indicator_id"], r["territory_id"], r["period"]): r["value"] for r in exported}
    # Statbel writes 77109 inhabitants for Menen (34022) in 2020; the demo holds that figure
    assert by_key[("QOL05", "34022", "2020")] == "77109"
    assert not [v for v in by_key.values() if WHOLE_AS_FLOAT.match(v)]
    # every value as the Explorer's CSV download writes it (its decimal comma aside)
    engine = open_store(url)
    try:
        obs = load_observations(engine)
    finally:
        engine.dispose()
    shown = rows_of(downloads.to_excel_csv(downloads.observations_download(obs, {}, "fr"), reversible=True), ";")
    assert len(shown) == len(exported)
    differ = [(key, by_key[key], r["value"]) for r in shown
              if by_key[(key := (r["indicator_id"], r["territory_id"], r["period"]))] != r["value"].replace(",", ".")]
    assert differ == []


def test_every_table_exported_without_whole_numbers_as_floats(demo_store_file, tmp_path):
    url = copy_of_demo(demo_store_file, tmp_path)
    folder = tmp_path / "all"
    assert main(["export", "--db", url, str(folder)]) == 0
    seen = {}
    for path in sorted(folder.glob("*.csv")):
        for row in rows_of(path.read_bytes()):
            for column, text in row.items():
                if text and WHOLE_AS_FLOAT.match(text):
                    seen.setdefault(f"{path.stem}.{column}", text)
    assert seen == {}
    targets = rows_of((folder / "targets.csv").read_bytes())
    assert {r["target_value"] for r in targets if r["indicator_id"] == "CIT01"} == {"9300"}
    territories = {r["territory_id"]: r for r in rows_of((folder / "territories.csv").read_bytes())}
    assert territories["200093201"]["population"] == "1174273"
    assert territories["200093201"]["lat"] == "50.64"


def test_export_then_import_is_a_round_trip_to_the_last_digit(sqlite_url, tmp_path, demo_files):
    engine = open_store(sqlite_url)
    assert import_files(engine, demo_files, user="test").ok
    odd = tmp_path / "odd.csv"
    # a provisional value, a zero, a value that needs 17 digits, a negative whole number, a tiny one
    odd.write_text("indicator_id,territory_id,period,value,flag\n"
                   "QOL05,34022,2031,14350.27,p\nQOL05,59350,2031,0,\nQOL05,59009,2031,0.30000000000000004,\n"
                   "QOL05,59183,2031,-12,\nQOL05,59599,2031,1.5e-07,\n", encoding="utf-8")
    outcome = import_files(engine, [odd], user="test")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems]
    first = to_csv_bytes(export_frames(engine, "observations")["observations"])
    lines = {tuple(line.split(",")[:4]): line for line in first.decode().splitlines()}
    assert lines[("QOL05", "34022", "2031", "14350.27")].endswith(",p,,")
    assert ("QOL05", "59350", "2031", "0") in lines and ("QOL05", "59183", "2031", "-12") in lines
    assert ("QOL05", "59009", "2031", "0.30000000000000004") in lines
    before = read_table(engine, "observations")
    again = open_store(f"sqlite:///{tmp_path / 'again.sqlite'}")
    try:
        assert import_files(again, demo_files, user="test").ok
        back = import_files(again, [("observations.csv", first)], user="test")
        assert back.ok, [p.as_dict() for p in back.checked.problems if p.severity == "error"]
        after = read_table(again, "observations")
        key = ["indicator_id", "territory_id", "period"]
        both = before.merge(after, on=key, suffixes=("_a", "_b"))
        assert len(both) == len(before) == len(after)
        assert (both["value_a"] == both["value_b"]).all()
        assert to_csv_bytes(export_frames(again, "observations")["observations"]) == first
    finally:
        again.dispose()
        engine.dispose()


def test_xlsx_export_keeps_whole_numbers_whole(demo_store_file, tmp_path):
    url = copy_of_demo(demo_store_file, tmp_path)
    out = tmp_path / "all.xlsx"
    assert main(["export", "--db", url, str(out)]) == 0
    sheet = openpyxl.load_workbook(out, read_only=True)["observations"]
    rows = sheet.iter_rows(values_only=True)
    header = list(next(rows))
    at = {name: header.index(name) for name in ("indicator_id", "territory_id", "period", "value")}
    key = ("QOL05", "34022", "2020")
    value = next(r[at["value"]] for r in rows
                 if (r[at["indicator_id"]], str(r[at["territory_id"]]), str(r[at["period"]])) == key)
    assert value == 77109 and isinstance(value, int)


def test_a_template_with_a_decimal_comma_writes_its_numbers_with_it():
    frame = pd.DataFrame({"indicator_id": ["MOB01", "MOB01"], "value": [12.5, 8.0]})
    text = to_csv_bytes(frame, sep=";", decimal=",").decode()
    assert text.splitlines()[1:] == ["MOB01;12,5", "MOB01;8"]
