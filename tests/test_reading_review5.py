"""Review 5 of the file reader: the text encoding in its own module (reading_text.py), records longer
than the header read by one mechanism as row problems that "skip invalid rows" leaves out, and a small
Eurostat TSV read as tab-separated."""
from __future__ import annotations

import inspect
import json

import pytest
from sqlalchemy import text as sql

from indicators import reading, reading_rows, reading_text
from indicators.cli import main
from indicators.importing import import_files, validate_files
from indicators.mappings import apply_mapping
from indicators.reading import read_file
from indicators.reading_header import sniff
from indicators.reading_text import decode

from .fixtures_dir import fixtures_dir
from .helpers import snapshot, store_with_framework, write

EUROSTAT = fixtures_dir() / "csv" / "eurostat_nama_10r_3gdp_BE_FR.tsv"
OBS = "indicator_id,territory_id,period,value,note\n"


def _errors(problems):
    return [p for p in problems if p.severity == "error"]


@pytest.fixture()
def store(tmp_path):
    return store_with_framework(f"sqlite:///{tmp_path / 'store.sqlite'}")


def _stored(engine) -> dict:
    with engine.connect() as conn:
        return {(t, p): v for t, p, v in conn.execute(sql(
            "SELECT territory_id, period, value FROM observations WHERE indicator_id = 'MOB02'")).all()}


# ---------------------------------------------------------------- 1. bytes to text, in reading_text.py

def test_the_encoding_is_reading_texts_concern_and_reading_py_defines_none_of_it():
    for name in ("decode", "has_mojibake", "repair_mixed", "mixed_encoding", "invalid_byte_problems"):
        assert getattr(reading_text, name).__module__ == "indicators.reading_text"
        # reading.py calls them; none is defined, nor re-exported under another name, there
        assert getattr(reading, name, reading_text.decode).__module__ == "indicators.reading_text"
    for name in ("_decode", "_mostly_utf8", "_has_mojibake", "_as_utf8", "INVALID_BYTE", "_MOJIBAKE", "_HIGH_BYTES"):
        assert not hasattr(reading, name), name
    assert "cp1252" not in inspect.getsource(reading)


def test_decode_says_the_text_its_encoding_and_whether_foreign_bytes_were_found():
    assert decode(b"\xef\xbb\xbf" + "Liège".encode()) == ("Liège", "utf-8-sig", False)
    assert decode("Liège €".encode("cp1252")) == ("Liège €", "cp1252", False)
    mixed = ("é" * 20).encode() + b" \xe9"
    assert decode(mixed) == ("é" * 20 + " \\xe9", "utf-8", True)
    assert decode(b"\x00\x01" * 100) is None


# ---------------------------------------------------------------- 2 and 3. records longer than the header

WIDE = (OBS + "MOB02,59350,2031,1,a\n"
        "MOB02,59512,2031,43,300,b\n"           # 43,300 unquoted in a comma file: F holds "b"
        "MOB02,34022,2031,3,c,,\n"              # empty extra cells: no problem
        "MOB02,57096,2031,4,d,,late\n")         # G holds "late"


@pytest.mark.parametrize("quoted", [False, True], ids=["plain", "quoted"])
def test_longer_records_are_row_problems_and_the_table_keeps_the_headers_width(quoted):
    text = WIDE.replace("a\n", '"a, b"\n') if quoted else WIDE
    result = read_file(text.encode(), "wide.csv")
    assert [(p.code, p.row, p.column, p.value, p.params["letter"]) for p in _errors(result.problems)] == [
        ("too_many_fields", 3, "column F", "b", "F"), ("too_many_fields", 5, "column G", "late", "G")]
    (sheet,) = result.sheets
    assert list(sheet.frame.columns) == ["indicator_id", "territory_id", "period", "value", "note"]
    assert sheet.frame["territory_id"].tolist() == ["59350", "59512", "34022", "57096"]
    assert sheet.frame["value"].tolist() == ["1", "43", "3", "4"] and sheet.rows.tolist() == [2, 3, 4, 5]
    for lang, word in (("en", "column F"), ("fr", "colonne F"), ("nl", "kolom F")):
        assert word in _errors(result.problems)[0].message(lang)


def test_longer_records_block_an_import_and_are_skipped_when_asked(store, tmp_path):
    path = write(tmp_path, "wide.csv", WIDE)
    before = snapshot(store)
    refused = import_files(store, [path], user="test")
    assert not refused.ok and snapshot(store) == before
    outcome = import_files(store, [path], user="test", skip_invalid_rows=True)
    assert outcome.ok, outcome.report("en")["problems"]
    assert outcome.result.summary()["added"] == 2 and outcome.result.summary()["rejected"] == 2
    assert _stored(store) == {("59350", "2031"): 1.0, ("34022", "2031"): 3.0}


def test_more_longer_records_than_are_listed_are_all_skipped(store, tmp_path, monkeypatch):
    monkeypatch.setenv("MONITOR_MAX_PROBLEMS_LISTED", "2")
    text = OBS + "".join(f"MOB02,59350,20{y},1,a,extra{y}\n" for y in range(10, 16)) + "MOB02,59512,2016,7,ok\n"
    path = write(tmp_path, "many.csv", text)
    checked = validate_files(store, [path])
    assert [(p.code, p.row, p.column) for p in _errors(checked.problems)] == [
        ("too_many_fields", 2, "column F"), ("too_many_fields", 3, "column F"), ("more_same", 4, "column F")]
    outcome = import_files(store, [path], user="test", skip_invalid_rows=True)
    assert outcome.ok and outcome.result.summary()["rejected"] == 6
    assert _stored(store) == {("59512", "2016"): 7.0}


def test_the_command_line_skips_longer_records_too(store, tmp_path, capsys):
    url = str(store.url)
    path = write(tmp_path, "wide.csv", WIDE)
    assert main(["import", "--db", url, "--format", "json", str(path)]) == 1
    capsys.readouterr()
    assert main(["import", "--db", url, "--format", "json", "--skip-invalid-rows", str(path)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["counts"]["added"] == 2 and report["counts"]["rejected"] == 2


def test_a_record_spanning_lines_with_more_fields_than_any_line_is_found():
    # The record of row 3 holds 7 fields over two lines of 4: room is made when pandas meets it.
    text = OBS + 'MOB02,59350,2031,1,a\nMOB02,59512,"2031\n",2,b,,x\nMOB02,34022,2031,3,c\n'
    result = read_file(text.encode(), "span.csv")
    assert [(p.code, p.row, p.column, p.value) for p in _errors(result.problems)] == [
        ("too_many_fields", 3, "column G", "x")]
    (sheet,) = result.sheets
    # a quoted line break stays in its row, as a spreadsheet shows it
    assert sheet.frame["territory_id"].tolist() == ["59350", "59512", "34022"] and sheet.rows.tolist() == [2, 3, 4]


def test_a_long_file_is_read_in_blocks_with_its_row_numbers(monkeypatch):
    # At most MAX_CELLS cells at once: records of 10 fields are read 17 at a time (a table of 33 records).
    monkeypatch.setenv("MONITOR_MAX_CELLS", "170")
    taken = []
    monkeypatch.setattr(reading_rows, "_wide_csv", lambda *args: taken.append(args))
    text = "Title\n" + OBS + "".join(f"MOB02,59350,{2000 + k},{k},n{k}," + ("x" if k % 7 == 3 else "") + ",,,,\n"
                                     for k in range(32))
    result = read_file(text.encode(), "blocks.csv")
    assert not taken   # pandas read it
    assert [(p.row, p.column, p.value) for p in _errors(result.problems)] == [
        (3 + k, "column F", "x") for k in range(32) if k % 7 == 3]
    (sheet,) = result.sheets
    assert sheet.frame["value"].tolist() == [str(k) for k in range(32)]
    assert sheet.rows.tolist() == [3 + k for k in range(32)] and sheet.header_row == 2


def test_one_very_long_line_among_short_ones_is_read_record_by_record():
    # 200 fields on one line would make pandas pad every record to 200 cells: the csv module reads it.
    text = OBS + "MOB02,59350,2031,1,a\n" + "MOB02,59512,2031,2,b" + "," * 190 + "far\n" + "MOB02,34022,2031,3,c\n"
    result = read_file(text.encode(), "far.csv")
    assert [(p.code, p.row, p.column, p.value, p.params["letter"]) for p in _errors(result.problems)] == [
        ("too_many_fields", 3, "column GM", "far", "GM")]
    (sheet,) = result.sheets
    assert sheet.frame["value"].tolist() == ["1", "2", "3"] and sheet.rows.tolist() == [2, 3, 4]


def test_a_quote_left_open_after_a_very_long_line_is_named_at_its_row():
    text = (OBS + "MOB02,59350,2031,1,a\n" + "MOB02,59512,2031,2,b" + "," * 190 + "far\n"
            + 'MOB02,34022,2031,3,"c\nd"\nMOB02,57096,2031,4,"open\n' + "a,b,c,d,e\n" * 5)
    assert [(p.code, p.row) for p in read_file(text.encode(), "open.csv").problems] == [("unclosed_quote", 5)]


@pytest.mark.parametrize("text", [
    WIDE,
    "Note\n\n" + WIDE.replace("\n", "\r\n"),
    WIDE.replace("\n", "\r"),
    WIDE.replace("a\n", '"a\n, b"\n') + "\nMOB02,59350,2032,5,e,\n",
], ids=["lf", "lines-above-crlf", "cr", "quoted-blank"])
def test_both_readers_give_the_same_table_rows_and_values(text):
    data = text.encode()
    sep, skip = sniff(text)
    pandas_way = reading_rows._wide_pandas(text, sep, skip, 5, 7)
    csv_way = reading_rows._wide_csv(text, sep, skip, 5)
    assert pandas_way[0].equals(csv_way[0])
    for ours, theirs in zip(pandas_way[1:3], csv_way[1:3]):
        assert ours.tolist() == theirs.tolist()
    assert pandas_way[3] == csv_way[3] and sorted(csv_way[3]) == csv_way[1].tolist() and len(csv_way[1]) == 2
    assert reading_rows._most_fields(data, sep) == 7


# ---------------------------------------------------------------- 4. a small Eurostat TSV

TWO_YEARS = ("freq,unit,geo\\TIME_PERIOD\t2019 \t2020 \nA,PC,BE251\t12.5 \t13.1 p\nA,PC,BE254\t11.0 \t: \n"
             "A,PC,FRE11\t9.5 \t9.9 e\n")
ONE_YEAR = "freq,unit,geo\\TIME_PERIOD\t2020 \nA,PC,BE251\t13.1 p\nA,PC,BE254\t: \nA,PC,FRE11\t9.9 e\n"


def _years(raw: str, count: int) -> str:
    """The Eurostat file cut to its first `count` year columns."""
    return "".join("\t".join(line.split("\t")[:count + 1]) + "\n" for line in raw.splitlines())


@pytest.mark.parametrize("text, header", [
    (TWO_YEARS, ["freq,unit,geo\\TIME_PERIOD", "2019", "2020"]),
    (ONE_YEAR, ["freq,unit,geo\\TIME_PERIOD", "2020"]),
    (_years(EUROSTAT.read_text(), 1), ["unit,geo\\time", "2021"]),
], ids=["2-years", "1-year", "real-1-year"])
def test_a_small_eurostat_tsv_is_read_as_tab_separated(text, header):
    assert sniff(text) == ("\t", 0)
    (sheet,) = read_file(text.encode(), "estat.tsv").sheets
    assert sheet.separator == "\t" and list(sheet.frame.columns) == header
    assert sheet.frame.iloc[0, 0] in ("A,PC,BE251", "EUR_HAB,BE")


def test_tab_wins_only_where_a_comma_would_leave_tabs_inside_cells():
    # A line ending with a tab is a comma file still; one year of Eurostat is a tab file.
    assert sniff("a,b,c\t\n1,2,3\t\n4,5,6\t\n")[0] == ","
    assert sniff("territory,note\n59350,x\ty\n59512,z\n")[0] == ","
    assert sniff(ONE_YEAR)[0] == "\t"


def test_the_eurostat_mapping_reads_the_real_file_cut_to_one_year_or_two():
    raw = EUROSTAT.read_text()
    spec = {"split": [{"column": "unit,geo\\time", "separator": ",", "into": ["unit", "geo"]}],
            "filters": [{"column": "unit", "equals": "EUR_HAB"}],
            "territory": {"column": "geo", "keep": ["BE254", "FRE11"]},
            "years_in_columns": {"indicator": "GDP_HAB"}}
    columns = ["row", "territory_id", "period", "value", "flag"]
    full = apply_mapping(("estat.tsv", raw.encode()), spec).preview()
    for years in (1, 2):
        cut = apply_mapping(("estat.tsv", _years(raw, years).encode()), spec)
        assert _errors(cut.result.problems) == [] and cut.sheet.separator == "\t"
        expected = full[full["period"].isin(["2021", "2020"][:years])]
        assert len(expected) == 2 * years
        assert sorted(map(tuple, cut.preview()[columns].values.tolist())) == \
            sorted(map(tuple, expected[columns].values.tolist()))
