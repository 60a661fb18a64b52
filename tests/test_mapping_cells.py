"""A file imported through a mapping reads its cells as a direct import reads them (mappings/cells.py):
the same values and the same notices, in French, Dutch and English, at the file's row, column and value.

Each test writes one table twice, once in the import format and once in a foreign layout read by a
mapping, with the same file name, the same spreadsheet rows and the same column names where the two
layouts share them, and compares what the engine says of both (validate_files, as the Data page's dry
run and the command line check them; apply_mapping, as both reshape a foreign file)."""
from __future__ import annotations

import pytest

from indicators import cli
from indicators.importing import import_files, validate_files
from indicators.mappings import apply_mapping, known_for_mapping
from indicators.reading import read_file
from indicators.store import open_store, read_table
from indicators.validation import drop_rows, rows_with_errors

LANGS = ("fr", "nl", "en")
SPEC = {"territory": {"column": "code"}, "period": {"column": "period"}, "values": {"value": "MOB10"}}


def _said(checked, lang: str) -> list[tuple]:
    """Every problem and notice as the report shows it (the columns the direct file has and the foreign one
    lacks, `indicator_id`, are said of the direct file only: `ignored_columns` of the foreign one's `code`)."""
    return [(p.severity, p.code, p.row, p.column_said(lang), p.shown_value(lang), p.message(lang),
             p.suggestion_text(lang)) for p in checked.problems if p.code != "ignored_columns"]


def _stored(checked) -> list[tuple]:
    """The rows an import would store: (row, period, value, flag)."""
    frame = drop_rows(checked, rows_with_errors(checked)).get("observations")
    if frame is None:
        return []
    return [(int(r), p, float(v), f if isinstance(f, str) and f else None)
            for r, p, v, f in zip(frame["_row"], frame["period"], frame["value"], frame["flag"])]


def _both(engine, cells: list[tuple[str, str]], encoding: str = "utf-8", indicator: str = "MOB10"):
    """(direct, mapped): the checks of `cells` ((period, value) per row) written in the import format and
    in a foreign layout (`code;period;value`) read by a mapping."""
    direct = "indicator_id;territory_id;period;value\n" + "".join(
        f"{indicator};59350;{period};{value}\n" for period, value in cells)
    foreign = "code;period;value\n" + "".join(f"59350;{period};{value}\n" for period, value in cells)
    spec = {**SPEC, "values": {"value": indicator}}
    mapped = apply_mapping(("cells.csv", foreign.encode(encoding)), spec, known=known_for_mapping(engine))
    return (validate_files(engine, [("cells.csv", direct.encode(encoding))]), validate_files(engine, [mapped]))


@pytest.fixture
def engine(demo_url):
    return open_store(demo_url)


@pytest.mark.parametrize("lang", LANGS)
def test_excel_months_and_a_day_in_a_mapped_period_column_read_as_directly(engine, lang):
    """`mars-24`, `janv.-24`, `mrt-24`, `Mar-24`, `03/2024` are 2024-03 (2024-01), said by one notice; a day
    is refused naming its year and month. The mapped path refused the months as "not a period"."""
    cells = [("mars-24", "1"), ("janv.-24", "2"), ("mrt-24", "3"), ("Mar-24", "3"), ("03/2024", "3"),
             ("31/12/2020", "4"), ("2020", "5")]
    direct, mapped = _both(engine, cells)
    assert _stored(mapped) == _stored(direct) == [
        (2, "2024-03", 1.0, None), (3, "2024-01", 2.0, None), (8, "2020", 5.0, None)]
    assert _said(mapped, lang) == _said(direct, lang)
    notice = next(p for p in mapped.problems if p.code == "months_read")
    assert (notice.severity, notice.row, notice.column, notice.params["rows"]) == ("notice", 2, "period",
                                                                                   "2, 3, 4, 5, 6")
    assert "mars-24" in notice.message(lang) and "2024-03" in notice.message(lang)
    day = next(p for p in mapped.problems if p.code == "bad_period")
    assert (day.row, day.value) == (7, "31/12/2020")
    assert "2020-12" in day.suggestion_text(lang)   # period_is_date: the year and the month it holds


@pytest.mark.parametrize("lang", LANGS)
def test_a_lost_thousands_space_in_a_windows_1252_mapped_file_is_read_with_a_notice(engine, lang):
    """`236?710`: French Excel's narrow no-break space, which Windows-1252 cannot hold; read in the strict
    shape only (`1?23` stays not a number), as the direct import reads it. The mapped path refused it."""
    cells = [("2020", "236?710"), ("2021", "28?900 p"), ("2022", "1?23"), ("2023", "7")]
    direct, mapped = _both(engine, cells, encoding="cp1252")
    assert _stored(mapped) == _stored(direct) == [
        (2, "2020", 236710.0, None), (3, "2021", 28900.0, "p"), (5, "2023", 7.0, None)]
    assert _said(mapped, lang) == _said(direct, lang)
    assert [(p.code, p.row, p.column, p.value) for p in mapped.problems if p.code != "ignored_columns"] == [
        ("lost_thousands_read", 2, "value", "236?710"), ("not_a_number", 4, "value", "1?23")]


@pytest.mark.parametrize("lang", LANGS)
def test_flags_no_values_signs_units_and_separators_read_alike(engine, lang):
    """Every other way a value cell is written: a flag after the number (`12,5 p`, `12 x`), no-value
    tokens (`:`, `-`, `n.d.`, `NA`, `: c`), negative signs (`−5`, `(12)`, `- 4`, `5-`), units (`12 %`,
    `12 km`), thousands (`1 234,5`, `1.234,5`, `1,234.5`), a formula error, a number too large. The notice
    of the cells without a value named no column in the mapped report (the direct one names it)."""
    cells = list(zip([str(y) for y in range(2001, 2021)], [
        "12,5 p", "12 x", ": c", "-", "\u22125", "(12)", "1 234,5", "1.234,5", "1,234.5", "12 %", "12 km",
        "n.d.", "#DIV/0!", "NA", "1e400", "\u2212 3", "12,5p", "- 4", "+5", "5-"]))
    direct, mapped = _both(engine, cells)
    assert _stored(mapped) == _stored(direct)
    assert _said(mapped, lang) == _said(direct, lang)
    (notice,) = [p for p in mapped.problems if p.code == "no_value_rows"]
    assert (notice.column, notice.params["rows"]) == ("value", "4, 5, 13, 15")


@pytest.mark.parametrize("lang", LANGS)
def test_percent_signs_and_nul_characters_read_alike(engine, lang):
    """`150 %` of a percentage, `12,5 % p`, a narrow-space thousands, and a NUL character in a value and in
    a period: the mapped path called the NUL cell not a number and echoed the NUL in its message."""
    cells = [("2001", "150 %"), ("2002", "12 %"), ("2003", "-5"), ("2004", "12,5 % p"), ("2005", "1\u202f234"),
             ("2006", "0,5"), ("2007", "1\x002"), ("20\x0008", "3")]
    direct, mapped = _both(engine, cells, indicator="MOB03")
    assert _stored(mapped) == _stored(direct)
    assert _said(mapped, lang) == _said(direct, lang)
    nul = [(p.row, p.column, p.value) for p in mapped.problems if p.code == "nul_byte"]
    assert nul == [(8, "value", "1\\02"), (9, "period", "20\\008")]
    assert not any("\x00" in p.message(lang) + str(p.suggestion_text(lang)) for p in mapped.problems)


@pytest.mark.parametrize("lang", LANGS)
def test_a_nul_in_a_code_a_flag_or_a_source_is_said_at_the_files_column_without_the_nul(engine, lang):
    """The direct import says `nul_byte` for any cell; the mapped path said an unknown code or a bad flag,
    the NUL itself in its message, or `nul_byte` under the reshaped table's `source`."""
    body = "".join(f"59350;{1950 + i};{i};;\n" for i in range(30))
    spec = {"territory": {"column": "code"}, "period": {"column": "annee"}, "values": {"valeur": "MOB10"},
            "flag": {"column": "drapeau"}, "source": {"column": "origine"}}
    for bad, column, shown in (("593\x0050;2020;1;;\n", "code", "593\\050"),
                               ("59350;2020;1;p\x00;\n", "drapeau", "p\\0"),
                               ("59350;2020;1;;ab\x00c\n", "origine", "ab\\0c")):
        raw = ("code;annee;valeur;drapeau;origine\n" + bad + body).encode()
        checked = validate_files(engine, [apply_mapping(("f.csv", raw), spec, known=known_for_mapping(engine))])
        (p,) = [p for p in checked.problems if p.severity == "error"]
        assert (p.code, p.row, p.column_said(lang), p.shown_value(lang)) == ("nul_byte", 2, column, shown)
        assert "NUL" in p.message(lang) and "\x00" not in p.message(lang)
        assert len(_stored(checked)) == 30


def test_a_part_of_a_split_column_is_read_as_a_value_column(engine):
    """A value column made by `split` (`59350|236?710`): read and said like any other; the mapped path
    looked it up among the file's own columns and stopped on a KeyError."""
    raw = "k;annee\n59350|236?710;2020\n59512|5;2021\n".encode("cp1252")
    spec = {"split": [{"column": "k", "separator": "|", "into": ["code", "v"]}], "territory": {"column": "code"},
            "period": {"column": "annee"}, "values": {"v": "MOB10"}}
    mapped = apply_mapping(("f.csv", raw), spec, known=known_for_mapping(engine))
    assert [(p.code, p.row, p.column, p.value) for p in mapped.problems] == [
        ("lost_thousands_read", 2, "v", "236?710")]
    checked = validate_files(engine, [mapped])
    assert checked.ok and _stored(checked) == [(2, "2020", 236710.0, None), (3, "2021", 5.0, None)]


@pytest.mark.parametrize("lang", LANGS)
def test_a_year_out_of_range_is_said_at_the_files_own_period_column(engine, lang):
    """`1850`, or a date of 1850 read as its year: refused at the file's column (`annee`), where the
    validator said it under the reshaped table's `period`, a column the file does not have."""
    raw = "code;annee;valeur\n59350;1850;1\n59350;2020;2\n".encode()
    spec = {"territory": {"column": "code"}, "period": {"column": "annee"}, "values": {"valeur": "MOB10"}}
    known = known_for_mapping(engine)
    dated = "code;annee;valeur\n59350;1850-06-30;1\n59350;2020-06-30;2\n".encode()
    for source, period in ((raw, spec["period"]), (dated, {"column": "annee", "as": "year"})):
        checked = validate_files(engine, [apply_mapping(("f.csv", source), {**spec, "period": period}, known=known)])
        (p,) = [p for p in checked.problems if p.severity == "error"]
        assert (p.code, p.row, p.column_said(lang)) == ("period_out_of_range", 2, "annee")
        assert "1900" in p.message(lang) and "2100" in p.message(lang)
        assert _stored(checked) == [(3, "2020", 2.0, None)]


@pytest.mark.parametrize("given", ["bytes", "read"])
def test_invisible_characters_under_a_header_on_another_row_are_removed_and_said_at_its_columns(engine, given):
    """A header on row 3 (`header_row`) of a CSV whose first row looks like a header: a zero-width space
    inside a value and a period is removed, with a notice naming the cell's column under that header,
    whether the CSV is read again from its bytes or its first reading is taken (`reading.ReadResult`).
    Read again, it kept them (`12\u200b34` not a number); either way the notices named the first row's
    cells (`1`, `x`)."""
    raw = "Tableau;1;x\nSource;b;c\ncode;annee;valeur\n59350;2020;12\u200b34\n59350;20\u200b21;5\n".encode()
    source = ("f.csv", raw) if given == "bytes" else read_file(raw, "f.csv")
    spec = {"territory": {"column": "code"}, "period": {"column": "annee"}, "values": {"valeur": "MOB10"},
            "header_row": 3}
    mapped = apply_mapping(source, spec, known=known_for_mapping(engine))
    said = sorted((p.severity, p.code, p.row, p.column, p.value) for p in mapped.problems)
    assert said == [("notice", "invisible_inside", 4, "valeur", "1234"),
                    ("notice", "invisible_inside", 5, "annee", "2021")]
    preview = mapped.preview()
    assert preview[["row", "period", "value"]].values.tolist() == [[4, "2020", "1234"], [5, "2021", "5"]]
    assert "U+200B" in next(p for p in mapped.problems if p.row == 4).message("fr")


def test_the_command_line_imports_a_mapped_file_as_it_imports_the_same_file_directly(demo_url, tmp_path, capsys):
    """`import --mapping`: Excel's months and a lost thousands space are stored and said (exit 0); a year
    out of range is refused at the file's column, nothing written (exit 1)."""
    spec = tmp_path / "spec.json"
    spec.write_text('{"territory": {"column": "code"}, "period": {"column": "annee"}, '
                    '"values": {"valeur": "MOB10"}}', encoding="utf-8")
    assert cli.main(["save-mapping", "--db", demo_url, "--lang", "fr", "mois", str(spec)]) == 0
    good = tmp_path / "mois.csv"
    good.write_bytes("code;annee;valeur\n59350;mars-24;236?710\n59350;janv.-24;12\n".encode("cp1252"))
    capsys.readouterr()
    assert cli.main(["import", "--db", demo_url, "--lang", "fr", "--mapping", "mois", str(good)]) == 0
    out = capsys.readouterr()
    text = out.out + out.err
    assert "colonne annee" in text and "Les mois écrits comme Excel affiche une date" in text
    assert "colonne valeur" in text and "236?710 : 236710" in text
    stored = read_table(open_store(demo_url), "observations")
    got = stored[(stored.indicator_id == "MOB10") & (stored.territory_id == "59350")]
    assert {"2024-03": 236710.0, "2024-01": 12.0}.items() <= dict(zip(got["period"], got["value"])).items()
    bad = tmp_path / "vieux.csv"
    bad.write_bytes("code;annee;valeur\n59350;1850;1\n".encode())
    before = len(read_table(open_store(demo_url), "observations"))
    assert cli.main(["import", "--db", demo_url, "--lang", "nl", "--mapping", "mois", str(bad)]) == 1
    out = capsys.readouterr()
    assert "annee" in out.out + out.err and "Het jaar moet tussen 1900 en 2100 liggen." in out.out + out.err
    assert len(read_table(open_store(demo_url), "observations")) == before


def test_the_data_pages_dry_run_of_a_mapped_file_reads_months_and_lost_spaces(engine):
    """The Data page checks a mapped upload with import_files(dry_run=True): the values read, nothing
    refused, the notices in the page's language."""
    raw = "code;annee;valeur\n59350;mrt-24;236?710\n".encode("cp1252")
    spec = {"territory": {"column": "code"}, "period": {"column": "annee"}, "values": {"valeur": "MOB10"}}
    mapped = apply_mapping(("f.csv", raw), spec, "f.csv", known=known_for_mapping(engine))
    outcome = import_files(engine, [mapped], user="-", dry_run=True)
    assert outcome.ok and outcome.result is not None and outcome.result.summary()["added"] == 1
    found = {p.code: p for p in outcome.checked.problems if p.severity == "notice"}
    notices = {code: p.message("nl") for code, p in found.items()}
    assert found["months_read"].column == "annee" and "2024-03" in notices["months_read"]
    assert found["lost_thousands_read"].column == "valeur" and "236710" in notices["lost_thousands_read"]
