"""DESIGN.md's "no value" rule, flags as the file says, gzip files: real-world shapes of files
(Eurostat extracts with `:` cells and combined flags, XLSX with empty cells, Belgian exports with
comment lines), each checked against the exact values stored."""
from __future__ import annotations

import gzip
import io

import pytest

from indicators.importing import import_files
from indicators.store import read_table

from .helpers import store_with_framework, write

OBS = "indicator_id,territory_id,period,value\n"


def stored(engine, indicator="MOB01", territory="59350") -> dict[str, tuple]:
    obs = read_table(engine, "observations")
    obs = obs[(obs.indicator_id == indicator) & (obs.territory_id == territory)]
    return {r.period: (r.value, r.flag) for r in obs.itertuples()}


def imported(engine, name: str, raw: bytes):
    outcome = import_files(engine, [(name, raw)], user="test")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems if p.severity == "error"]
    return outcome


def test_rows_without_a_value_are_skipped_counted_and_leave_stored_values(tmp_path):
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    imported(engine, "first.csv", (OBS + "MOB01,59350,2019,7.5\n").encode())
    raw = (OBS + "MOB01,59350,2019,:\nMOB01,59350,2020,: c\nMOB01,59350,2021,..\nMOB01,59350,2022,12.5 bp\n"
           "MOB01,59350,2023,NA\nMOB01,59350,2024,n.d.\nMOB01,59350,2025,-\nMOB01,59350,2026,\n").encode()
    outcome = imported(engine, "eurostat.csv", raw)
    assert stored(engine) == {"2019": (7.5, None), "2022": (12.5, "bp")}   # 2019 untouched, never a zero
    notice = next(p for p in outcome.checked.problems if p.code == "no_value_rows")
    assert notice.severity == "notice" and notice.params["count"] == 7
    assert notice.params["rows"].startswith("2, 3, 4, 6")


def test_a_files_flag_replaces_the_stored_one_even_when_it_has_none(tmp_path):
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    imported(engine, "provisional.csv", ("indicator_id,territory_id,period,value,flag\n"
                                         "MOB01,59350,2023,10,p\nMOB01,59350,2024,11,p\n").encode())
    assert stored(engine) == {"2023": (10.0, "p"), "2024": (11.0, "p")}
    imported(engine, "final.csv", (OBS + "MOB01,59350,2023,10\nMOB01,59350,2024,11.5\n").encode())
    assert stored(engine) == {"2023": (10.0, None), "2024": (11.5, None)}


@pytest.mark.parametrize("flag", ["d", "r", "f", "n", "s", "z", "bp", "ep"])
def test_every_eurostat_flag_and_combinations(tmp_path, flag):
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    imported(engine, "flags.csv", (OBS + f"MOB01,59350,2020,3 {flag}\n").encode())
    assert stored(engine) == {"2020": (3.0, flag)}


@pytest.mark.parametrize("name, sep", [("eurostat.tsv.gz", "\t"), ("releve.csv.gz", ";")])
def test_gzip_files_read_as_their_inner_file(tmp_path, name, sep):
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    text = sep.join(["indicator_id", "territory_id", "period", "value"]) + "\n" + \
        sep.join(["MOB01", "59350", "2021", "4 p"]) + "\n" + sep.join(["MOB01", "59350", "2022", ":"]) + "\n"
    path = write(tmp_path, name, gzip.compress(text.encode()))
    outcome = import_files(engine, [path], user="test")
    assert outcome.ok
    assert stored(engine) == {"2021": (4.0, "p")}


def test_xlsx_with_empty_value_cells(tmp_path):
    from openpyxl import Workbook

    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    book = Workbook()
    ws = book.active
    ws.title = "observations"
    for row in (["indicator_id", "territory_id", "period", "value"], ["MOB01", "59350", 2019, 1.25],
                ["MOB01", "59350", 2020, None], ["MOB01", "59350", 2021, ":"], ["MOB01", "59350", 2022, 3]):
        ws.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    imported(engine, "gaps.xlsx", buffer.getvalue())
    assert stored(engine) == {"2019": (1.25, None), "2022": (3.0, None)}


def test_belgian_export_with_comment_lines(tmp_path):
    engine = store_with_framework(f"sqlite:///{tmp_path / 's.sqlite'}")
    raw = ("# Bron: Statbel, bevolking op 1 januari\n# Verwerkt door de Eurometropool\n"
           "indicator;gebied;jaar;waarde;vlag\nMOB02;59350;2020;1.234,5;\nMOB02;59350;2021;..;\n"
           "MOB02;59350;2022;1.300,25;e\n").encode("cp1252")
    imported(engine, "statbel.csv", raw)
    assert stored(engine, "MOB02") == {"2020": (1234.5, None), "2022": (1300.25, "e")}
