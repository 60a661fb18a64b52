"""Reading real and synthetic files: encodings, separators, decimals, row numbers."""
from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from indicators.parsing import parse_numbers, parse_period
from indicators.reading import read_file
from indicators.validation import check

from .conftest import FIXTURES

# The real files of ../shared/fixtures/csv and what the reader must report for each.
REAL = {
    "cnaf_data_DEMO_2020_V1_COM.csv": ("utf-8", ";", ",", "CODGEO", 1),
    "eurostat_nama_10r_3gdp_BE_FR.tsv": ("utf-8", "\t", ".", "unit,geo\\time", 1),
    "insee_poplegales_Communes.csv": ("utf-8", ";", ",", "DEPCOM", 1),
    "spf_donnees-hospitalieres-covid19-2020-10-16_dep59.csv": ("utf-8", ";", ",", "dep", 1),
    "statbel_NIS_ZIP_MNTY.csv": ("cp1252", ";", ",", "NIS_CODE", 31),
    "statbel_bevolking_per_gemeente_2020.csv": ("utf-8-sig", ",", ".", "NIS code", 1),
    "thd_commune-debit-beta_dep59.csv": ("utf-8", ";", ",", "code_insee", 2),
}


def test_every_real_file_is_covered():
    assert {p.name for p in (FIXTURES / "csv").iterdir()} == set(REAL)


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_file_detection(name):
    encoding, sep, decimal, first_column, header_row = REAL[name]
    result = read_file(FIXTURES / "csv" / name)
    assert result.problems == []
    (sheet,) = result.sheets
    assert (sheet.encoding, sheet.separator, sheet.decimal) == (encoding, sep, decimal)
    assert sheet.frame.columns[0] == first_column
    assert sheet.header_row == header_row
    assert sheet.rows[0] == header_row + 1
    assert len(sheet.frame) > 100


def test_real_files_keep_codes_as_strings():
    insee = read_file(FIXTURES / "csv" / "insee_poplegales_Communes.csv").sheets[0].frame
    assert insee["DEPCOM"].iloc[0] == "01001"
    assert "2A004" in set(insee["DEPCOM"])
    cnaf = read_file(FIXTURES / "csv" / "cnaf_data_DEMO_2020_V1_COM.csv").sheets[0]
    values, _, problems = parse_numbers(cnaf.frame["TX_F"], cnaf.decimal)
    assert values[0] == 51.6 and problems.isna().all()


def test_real_statbel_accents_decoded():
    sheet = read_file(FIXTURES / "csv" / "statbel_NIS_ZIP_MNTY.csv").sheets[0]
    names = set(sheet.frame["DESC_FR"])
    assert any("è" in n or "é" in n for n in names)


def test_real_eurostat_flags_and_missing_markers():
    sheet = read_file(FIXTURES / "csv" / "eurostat_nama_10r_3gdp_BE_FR.tsv").sheets[0]
    cells = sheet.frame["2021"]
    values, flags, problems = parse_numbers(cells, sheet.decimal)
    be = int(np.flatnonzero((sheet.frame["unit,geo\\time"] == "EUR_HAB,BE").to_numpy())[0])
    assert values[be] == 43300 and flags.iloc[be] == "p"
    old = sheet.frame["2000"]
    values, _, problems = parse_numbers(old, sheet.decimal)
    missing = np.flatnonzero(old.str.strip().eq(":").to_numpy())
    assert len(missing) > 10 and np.isnan(values[missing]).all() and problems.iloc[missing].isna().all()


OBS_HEADER = ["indicator_id", "territory_id", "period", "value"]


def _read(raw: bytes, name="f.csv"):
    result = read_file(raw, name)
    assert result.problems == []
    return result.sheets[0]


@pytest.mark.parametrize("encoding,expected", [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"),
                                               ("cp1252", "cp1252"), ("utf-16", "utf-16")])
def test_encodings(encoding, expected):
    text = "indicator_id;territory_id;period;value;note\nMOB01;59350;2020;12,5;Coût 5 € – œuvre\n"
    sheet = _read(text.encode(encoding))
    assert sheet.encoding == expected
    assert sheet.frame["note"].iloc[0] == "Coût 5 € – œuvre"


@pytest.mark.parametrize("sep", [",", ";", "\t", "|"])
def test_separators(sep):
    text = sep.join(OBS_HEADER) + "\n" + sep.join(["MOB01", "01001", "2020", "3"]) + "\n"
    sheet = _read(text.encode())
    assert sheet.separator == sep and sheet.frame["territory_id"].iloc[0] == "01001"


@pytest.mark.parametrize("cell,decimal,expected", [
    ("1 234,5", ",", 1234.5), ("1\u00a0234,5", ",", 1234.5), ("1\u202f234,5", ",", 1234.5),
    ("1.234,5", ",", 1234.5), ("1.234", ",", 1234.0), ("12,5", ",", 12.5), ("-0,5", ",", -0.5),
    ("1,234.5", ".", 1234.5), ("1234.5", ".", 1234.5), ("12,5", ".", 12.5), ("3.05858", ".", 3.05858),
    ("43300 p", ".", 43300.0), ("12,5 e", ",", 12.5), ("1 234 567", ",", 1234567.0),
])
def test_numbers(cell, decimal, expected):
    import pandas as pd

    values, _, problems = parse_numbers(pd.Series([cell], dtype="str"), decimal)
    assert values[0] == expected and problems.isna().all()


def _cell(value):
    return None if pd.isna(value) else value


@pytest.mark.parametrize("decimal", [",", "."])
def test_a_column_reads_as_its_cells_do_one_by_one(decimal):
    # A column of plain numbers is read by one cast, which also reads "inf" and "nan": those, and every
    # cell the cast cannot read, must come out as the careful parser reads them alone.
    import pandas as pd

    from indicators.parsing import parse_number_cell

    cells = ["12", "1\u00a0234,5", "0,5", "-3", "1.234", "1,5", "inf", "-Infinity", "NaN", "nan", "1e400",
             "", ":", "12 p", "12,5 e", "1e5", "+.5", "5.", "abc", "1 234", "0x10", "1_000", " 7 "]
    values, flags, problems = parse_numbers(pd.Series(cells * 3, dtype="str"), decimal)
    for i, cell in enumerate(cells * 3):
        value, flag, problem = parse_number_cell(cell, decimal)
        assert (np.isnan(values[i]) if value is None else values[i] == value), (cell, values[i], value)
        assert _cell(flags.iloc[i]) == (flag.lower() if flag else None), cell
        assert _cell(problems.iloc[i]) == problem, (cell, problems.iloc[i], problem)
    assert problems.iloc[cells.index("inf")] == "not_a_number" and problems.iloc[cells.index("1e400")] == "too_large"


@pytest.mark.parametrize("cell", ["", ":", "..", "-", "NA", "n.d.", ": c"])
def test_missing_markers_are_no_value_not_zero(cell):
    import pandas as pd

    values, _, problems = parse_numbers(pd.Series([cell], dtype="str"), ",")
    assert np.isnan(values[0]) and problems.isna().all()


@pytest.mark.parametrize("text,expected", [("2024", "2024"), ("2024-Q1", "2024-Q1"), ("2024T2", "2024-Q2"),
                                           ("2024M03", "2024-03"), ("2024-3", "2024-03"), ("2024.0", "2024"),
                                           ("2024-13", None), ("2024-Q5", None), ("24", None),
                                           ("202403", "2024-03"), ("20244", None), ("2024-01-05", None)])
def test_periods(text, expected):
    assert parse_period(text) == expected


def test_quoted_newlines_mixed_line_endings_and_blank_lines_keep_spreadsheet_rows():
    raw = (b'indicator_id,territory_id,period,value,note\r\n'
           b'MOB01,59350,2019,1.5,"two\nlines"\r\n'
           b'\r\n'
           b'MOB01,59350,2020,1.6,\n'
           b'MOB01,59350,2021,1.7,\r\n')
    sheet = _read(raw)
    assert sheet.frame["note"].iloc[0] == "two\nlines"
    assert sheet.rows.tolist() == [2, 4, 5]


def test_note_and_comment_lines_above_header():
    raw = "# exported 2024-01-02\n# source: ADULM\nindicator_id;territory_id;period;value\nMOB01;59350;2020;1,5\n"
    sheet = _read(raw.encode())
    assert sheet.header_row == 3 and sheet.rows.tolist() == [4]


def test_xlsx_one_sheet_per_table_with_real_row_numbers():
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "observations"
    ws.append(["Note: figures of 2024"])
    ws.append(OBS_HEADER)
    ws.append(["MOB01", "01001", 2020, 12.5])
    ws.append([None, None, None, None])
    ws.append(["MOB01", "01001", 2021, "43300 p"])
    other = book.create_sheet("territories")
    other.append(["territory_id", "name_fr", "country"])
    other.append(["01001", "L'Abergement", "FR"])
    buf = io.BytesIO()
    book.save(buf)
    result = read_file(buf.getvalue(), "book.xlsx")
    by_sheet = {s.sheet: s for s in result.sheets}
    obs = by_sheet["observations"]
    assert obs.header_row == 2 and obs.rows.tolist() == [3, 5]
    assert obs.frame["period"].tolist() == ["2020", "2021"]
    checked = check([result])
    assert checked.tables["observations"]["value"].tolist() == [12.5, 43300.0]
    assert checked.tables["observations"]["flag"].tolist() == [None, "p"]
    assert {f["kind"] for f in checked.files} == {"observations", "territories"}


def test_french_and_dutch_column_names_are_aliases():
    fr = "Indicateur;Territoire;Période;Valeur\nMOB01;59350;2020;1,5\n".encode("cp1252")
    nl = "indicator;gebied;jaar;waarde\nMOB01;34022;2020;1,5\n".encode()
    checked = check([read_file(fr, "fr.csv"), read_file(nl, "nl.csv")])
    assert [f["kind"] for f in checked.files] == ["observations", "observations"]
    assert checked.tables["observations"]["territory_id"].tolist() == ["59350", "34022"]


def test_a_repeated_header_is_a_problem_naming_its_columns_in_a_plain_file():
    from indicators.validation import check

    raw = "indicator_id;territory_id;period;value;value\nMOB01;59350;2020;1;2\n".encode()
    checked = check([read_file(raw, "voix.csv")])
    assert not checked.ok and "observations" not in checked.tables
    problem = next(p for p in checked.problems if p.code == "repeated_header")
    assert (problem.row, problem.column) == (1, "value")
    assert "2 times (columns D, E)" in problem.message("en")
    assert "value.1" not in " ".join(p.message("en") for p in checked.problems)


def test_a_mapping_names_which_repeated_column_it_means_by_letter():
    from indicators.mappings import apply_mapping

    raw = ("CODGEO;Libellé;Voix;Voix;Voix\n59350;Lille;10;20;30\n59512;Roubaix;11;21;31\n").encode()
    vague = apply_mapping(("elections.csv", raw), {"territory": "CODGEO", "period": "2020",
                                                   "values": {"Voix": "MOB01"}}, "elections.csv")
    said = " ".join(p.message("en") for p in vague.problems)
    assert "Voix (C), Voix (D), Voix (E)" in said
    assert not vague.result.sheets or vague.result.sheets[0].frame.empty   # nothing taken silently
    chosen = apply_mapping(("elections.csv", raw), {"territory": "CODGEO", "period": "2020",
                                                    "values": {"Voix (D)": "MOB01"}}, "elections.csv")
    frame = chosen.result.sheets[0].frame
    assert sorted(frame["value"].astype(str).tolist()) == ["20", "21"]


def test_cells_right_of_an_xlsx_table_are_named_in_a_notice(tmp_path):
    """A total or a comment typed right of the table is not read: the user is told which cells."""
    import openpyxl

    from indicators.reading import read_file

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator_id", "territory_id", "period", "value"])
    sheet.append(["MOB02", "59350", "2020", 43300])
    sheet.append(["MOB02", "59350", "2021", 44000, None, "total 87300"])
    sheet.append(["MOB02", "59512", "2021", 1200])
    path = tmp_path / "obs.xlsx"
    book.save(path)
    result = read_file(path)
    (notice,) = [p for p in result.problems if p.code == "cells_outside_table"]
    assert notice.severity == "notice" and notice.row == 3 and "F3" in notice.message("en")
    assert "F3" in notice.message("fr") and list(result.sheets[0].frame.columns) == [
        "indicator_id", "territory_id", "period", "value"]
