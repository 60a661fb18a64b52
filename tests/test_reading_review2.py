"""Review 2 of the file reader: decimal marks guessed from the number columns only (never from a period
or a note, never reading 0.125 as a thousands group), numbers typed as text in a workbook read as a
CSV's are, lines ended by a bare CR, formulas read for the value Excel saved, and a small gzip file
that may not unpack to much more than its size."""
from __future__ import annotations

import gzip
import io
import random
import re
import zipfile

import pandas as pd
import pytest

from indicators import limits, reading_rows
from indicators.parsing import parse_number_cell, parse_numbers
from indicators.reading import read_file
from indicators.reading_decimal import detect_decimal
from indicators.reading_rows import check_lines
from indicators.validation import check

OBS = "indicator_id;territory_id;period;value"


def _values(raw: bytes, name: str) -> list[float]:
    checked = check([read_file(raw, name)])
    return [float(v) for v in checked.tables["observations"]["value"]]


# ---------------------------------------------------------------- decimal mark (finding 2)

def test_point_decimals_of_three_digits_in_a_semicolon_file_are_not_thousands():
    raw = f"{OBS}\nECO06;59350;2031;0.125\nECO06;59512;2031;0.250\nECO06;59599;2031;2.375\n".encode()
    sheet = read_file(raw, "semi_point3.csv").sheets[0]
    assert (sheet.decimal, sheet.decimal_detected) == (".", True)
    assert _values(raw, "semi_point3.csv") == [0.125, 0.25, 2.375]


@pytest.mark.parametrize("cell, decimal", [("0.125", ","), ("0,125", "."), ("-0.250", ","), ("0,750 p", ".")])
def test_a_leading_zero_group_is_never_a_thousands_group(cell, decimal):
    expected = float(re.sub(r"[ a-z]", "", cell).replace(",", "."))
    assert parse_number_cell(cell, decimal)[0] == expected
    values, _, problems = parse_numbers(pd.Series([cell] * 3, dtype="str"), decimal)   # the vectorised path
    assert list(values) == [expected] * 3 and problems.isna().all()


@pytest.mark.parametrize("period, note", [("2020.0", ""), ("2020", "2.5"), ("2020.0", "taux 0.5")])
def test_other_columns_do_not_sway_the_decimal_mark_of_the_values(period, note):
    """Belgian thousands (1.234) read the same whatever the period or note columns hold."""
    raw = ("indicateur;territoire;période;valeur;note\n"
           f"ECO06;34022;{period};1.234;{note}\nECO06;34023;{period};2.500;{note}\n").encode()
    assert _values(raw, "be.csv") == [1234.0, 2500.0]


def test_a_table_no_schema_names_counts_its_number_columns_only():
    """A file read through a mapping (Eurostat-like, Statbel-like): a column of years written 2020.0
    and a text column say nothing; the values column decides."""
    frame = pd.DataFrame({"geo": ["BE1", "BE2"], "year": ["2020.0", "2021.0"], "label": ["v 1.5", "v 2.5"],
                          "amount": ["1.234", "12.345.678"]})
    assert detect_decimal(frame, ";") == (",", True)
    frame = frame.assign(amount=["0.125", "2.375"])
    assert detect_decimal(frame, ";") == (".", True)


# ---------------------------------------------------------------- numbers typed as text in XLSX (finding 3)

def _xlsx(rows: list[list], title: str = "observations") -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_xlsx_numbers_typed_as_text_use_the_decimal_mark_their_cells_show():
    head = ["indicator_id", "territory_id", "period", "value"]
    raw = _xlsx([head] + [["ECO06", t, "2031", v] for t, v in
                          [("59350", "0,125"), ("59512", "12,5"), ("59599", "2,750"), ("59009", "1.234,5")]])
    sheet = read_file(raw, "text_fr.xlsx").sheets[0]
    assert (sheet.decimal, sheet.decimal_detected) == (",", True)
    assert _values(raw, "text_fr.xlsx") == [0.125, 12.5, 2.75, 1234.5]


def test_xlsx_numbers_typed_as_numbers_keep_their_value_beside_text_with_a_comma():
    head = ["indicator_id", "territory_id", "period", "value", "note"]
    raw = _xlsx([head, ["ECO06", "59350", 2031, 2.375, "ok"], ["ECO06", "59512", 2031, "0,125", 2.5],
                 ["ECO06", "59599", 2031, 1234.5, ""], ["ECO06", "59009", 2031, 7, ""]])
    assert _values(raw, "mixed.xlsx") == [2.375, 0.125, 1234.5, 7.0]


# ---------------------------------------------------------------- bare CR line ends (finding 5)

def test_a_file_with_lines_ended_by_a_bare_cr_is_read_past_a_few_hundred_rows():
    rows = ["indicateur;territoire;période;valeur"] + [f"ECO06;59350;{y};{y},5" for y in range(1700, 2100)]
    raw = ("\r".join(rows) + "\r").encode()
    result = read_file(raw, "cr_only_400.csv")
    assert result.problems == [] and len(result.sheets[0].frame) == 400
    assert list(result.sheets[0].rows[:2]) == [2, 3]
    assert _values(raw, "cr_only_400.csv")[:2] == [1700.5, 1701.5]


def test_a_cr_only_file_with_blank_lines_keeps_spreadsheet_rows():
    raw = f"{OBS}\rECO06;59350;2031;1,5\r\r;;;\rECO06;59512;2031;2,5\r".replace("\n", "\r").encode()
    sheet = read_file(raw, "cr_blank.csv").sheets[0]
    assert list(sheet.rows) == [2, 5]
    assert list(sheet.frame["value"]) == ["1,5", "2,5"]


def _lines_reference(data: bytes) -> tuple[int, int]:
    """Lines end at LF and at a CR that no LF follows (the CR of a CR LF counts in its line's length)."""
    lines = re.split(rb"\n|\r(?!\n)", data)
    return len(lines), max(len(line) for line in lines)


@pytest.mark.parametrize("seed", range(6))
def test_line_ends_and_lengths_are_counted_alike_across_blocks(monkeypatch, seed):
    """check_lines reads the text block by block: a CR LF cut between two blocks is one line end."""
    rng = random.Random(seed)
    data = bytes(rng.choice(b"ab;\r\n\n\r") for _ in range(3000))
    monkeypatch.setattr(reading_rows, "_CHECK_BLOCK", rng.choice([1, 2, 7, 64, 1000]), raising=False)
    count, longest = _lines_reference(data)
    monkeypatch.setenv("MONITOR_MAX_LINE_BYTES", str(longest))
    monkeypatch.setenv("MONITOR_MAX_FIELDS_PER_ROW", "1000000")
    assert check_lines(data)[0] == count
    monkeypatch.setenv("MONITOR_MAX_LINE_BYTES", str(longest - 1))
    with pytest.raises(limits.LimitExceeded):
        check_lines(data)


@pytest.mark.parametrize("block", [5, 1 << 20])
def test_fields_of_one_line_are_bounded_whatever_ends_the_lines(monkeypatch, block):
    monkeypatch.setattr(reading_rows, "_CHECK_BLOCK", block, raising=False)
    monkeypatch.setenv("MONITOR_MAX_FIELDS_PER_ROW", "6")
    for end in ("\r", "\n", "\r\n"):
        many = end.join(["a;b;c;d;e;f"] * 200).encode()      # 6 fields a line, 1000 separators in all
        assert check_lines(many)[0] == 200, end
        wide = end.join(["a;b;c;d;e;f"] * 100 + ["a;b;c;d;e;f;g"] + ["a;b"] * 10).encode()
        with pytest.raises(limits.LimitExceeded) as found:
            check_lines(wide)
        assert found.value.what == "MAX_FIELDS_PER_ROW"


# ---------------------------------------------------------------- formulas (finding 7)

def _with_cached(raw: bytes, cached: dict[bytes, bytes]) -> bytes:
    """The workbook with the value Excel saves beside each formula (openpyxl writes none)."""
    source, out = zipfile.ZipFile(io.BytesIO(raw)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.endswith("sheet1.xml"):
                for formula, value in cached.items():
                    assert f"<f>{formula.decode()}</f><v />".encode() in data
                    data = data.replace(f"<f>{formula.decode()}</f><v />".encode(),
                                        f"<f>{formula.decode()}</f><v>{value.decode()}</v>".encode())
            target.writestr(info, data)
    return out.getvalue()


def test_formula_cells_read_the_value_excel_saved_and_one_without_it_is_reported():
    head = ["indicator_id", "territory_id", "period", "value", "base"]
    raw = _xlsx([head, ["ECO06", "59350", 2031, "=E2/4", 10], ["ECO06", "59512", 2031, "=E3/4", 20],
                 ["ECO06", "59599", 2031, "=E4/4", 30]])
    raw = _with_cached(raw, {b"E2/4": b"2.5", b"E3/4": b"5"})   # E4/4: never computed
    checked = check([read_file(raw, "formula.xlsx")])
    frame = checked.tables["observations"]
    values = dict(zip(frame["territory_id"], frame["value"]))
    assert (values["59350"], values["59512"]) == (2.5, 5.0)
    bad = [(p.file, p.row, p.column, p.value, p.code) for p in checked.problems if p.severity == "error"
           and p.code != "unknown_code"]
    assert bad == [("formula.xlsx [observations]", 4, "value", "=E4/4", "not_a_number")]
    # said for what it is: a formula whose result the file does not keep (it read "holds letters (E)")
    (formula,) = [p for p in checked.problems if p.value == "=E4/4"]
    assert "LibreOffice" in formula.suggestion_text("en") and "formule" in formula.suggestion_text("fr")


def test_a_formula_excel_computed_to_empty_text_is_a_row_without_value():
    """=IF(E2=0;"";E2) saved by Excel: `<c t="str"><f>…</f><v></v></c>`, no value, not a formula left
    uncomputed (the row is skipped with the no-value notice)."""
    head = ["indicator_id", "territory_id", "period", "value", "base"]
    raw = _xlsx([head, ["ECO06", "59350", 2031, '=IF(E2=0,"",E2)', 0], ["ECO06", "59512", 2031, 5, 1]])
    source, out = zipfile.ZipFile(io.BytesIO(raw)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.endswith("sheet1.xml"):
                data, n = re.subn(rb'<c r="D2"><f>([^<]*)</f><v ?/>', rb'<c r="D2" t="str"><f>\1</f><v></v>', data)
                assert n == 1
            target.writestr(info, data)
    checked = check([read_file(out.getvalue(), "empty_text.xlsx")])
    assert [p.code for p in checked.problems if p.severity == "error" and p.code != "unknown_code"] == []
    assert [(p.code, p.params["rows"]) for p in checked.problems if p.code == "no_value_rows"] == [("no_value_rows", "2")]
    assert list(checked.tables["observations"]["value"]) == [5.0]


def test_a_workbook_of_cached_formulas_is_read_once(monkeypatch):
    import openpyxl

    loads = []
    original = openpyxl.load_workbook
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: loads.append(k.get("data_only")) or original(*a, **k))
    raw = _with_cached(_xlsx([["indicator_id", "territory_id", "period", "value", "base"],
                              ["ECO06", "59350", 2031, "=E2/4", 10]]), {b"E2/4": b"2.5"})
    sheet = read_file(raw, "cached.xlsx").sheets[0]
    assert list(sheet.frame["value"]) == ["2.5"] and loads == [True]


# ---------------------------------------------------------------- gzip under limits (finding 10)

def test_a_small_gzip_file_may_not_unpack_to_much_more_than_its_size(monkeypatch):
    monkeypatch.setenv("MONITOR_FREE_UNPACKED_BYTES", str(1024 * 1024))
    rows = ("indicator_id,territory_id,period,value,note\n" + ("ECO06,59350,2031,1," + "x" * 140 + "\n") * 40_000)
    packed = gzip.compress(rows.encode(), 9)
    assert len(rows) > 100 * len(packed)
    result = read_file(packed, "bignotes.csv.gz")
    assert not result.sheets
    [problem] = result.problems
    assert (problem.file, problem.code, problem.params["what"]) == ("bignotes.csv.gz", "too_large_file",
                                                                    "MAX_UNPACKED_BYTES")
    assert problem.params["limit"] == limits.unpacked_limit(len(packed)) == limits.get("MAX_UNPACK_RATIO") * len(packed)
    assert problem.params["limit"] < len(rows) // 2
    assert problem.params["found"] <= problem.params["limit"] + 1024 * 1024   # stopped while unpacking
    # A real table packs a few times: read as ever.
    real = "indicator_id,territory_id,period,value\n" + "".join(
        f"ECO{i % 97:02d},{59000 + i * 7 % 1000},{2000 + i % 25},{i * 1.37:.2f}\n" for i in range(60_000))
    packed = gzip.compress(real.encode(), 9)
    assert len(real) > 1024 * 1024 and not read_file(packed, "real.csv.gz").problems


def test_unpacked_limit_grows_with_the_packed_size_up_to_the_absolute_limit():
    free, ratio, top = (limits.get(n) for n in ("FREE_UNPACKED_BYTES", "MAX_UNPACK_RATIO", "MAX_UNPACKED_BYTES"))
    assert limits.unpacked_limit(1000) == free
    assert limits.unpacked_limit(free // ratio * 3) == free // ratio * 3 * ratio
    assert limits.unpacked_limit(top) == top
