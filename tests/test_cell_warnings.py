"""Values a planner would question (helper E of stop 31): a spreadsheet's error values (`#N/A`, `#DIV/0!`,
`#VALEUR!`, `#DEEL/0!`…, as text in a CSV or as an error cell in an XLSX) and observations dated in the
future. An `#N/A` read as no value is said, never stored; an error where a code, a period or a flag goes is
refused as a formula's error, not as an unknown code or flag; a future period is a notice, the import
proceeds and the progress method is unchanged."""
from __future__ import annotations

import datetime
import io
import json

import pytest
from openpyxl import Workbook

from indicators.cli import main
from indicators.cross_checks import future_problems
from indicators.importing import import_files, validate_files
from indicators.schema import TABLES
from indicators.store import open_store, read_table

from .helpers import store_with_framework, write

OBS = ["indicator_id", "territory_id", "period", "value", "flag"]
# Excel's error values in English, French and Dutch; #N/A (#N/B in Dutch, #N/D) is its "not available".
ERRORS = ["#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#VALEUR!", "#NOM?", "#NOMBRE!", "#NUL!",
          "#DEEL/0!", "#WAARDE!", "#VERW!", "#NAAM?", "#GETAL!", "#LEEG!"]
NOT_AVAILABLE = ["#N/A", "#N/B", "#N/D"]
FUTURE = datetime.date.today().year + 4


@pytest.fixture
def url(sqlite_url):
    store_with_framework(sqlite_url).dispose()
    return sqlite_url


def store_with_framework_engine(url: str):
    """An engine on the store `url` (the framework already imported)."""
    return open_store(url)


def run(capsys, *args: str) -> tuple[int, dict]:
    """The exit code of a command and its JSON report."""
    capsys.readouterr()
    code = main(list(args))
    return code, json.loads(capsys.readouterr().out)


def workbook(rows: list[dict], errors: set[tuple[int, str]] = frozenset(), columns=OBS) -> bytes:
    """An XLSX of an observations sheet; the cells of `errors` ((row index, column)) saved as Excel saves a
    formula's error (openpyxl's data type 'e')."""
    book = Workbook()
    sheet = book.active
    sheet.title = "observations"
    sheet.append(columns)
    for i, row in enumerate(rows):
        sheet.append([row.get(c) for c in columns])
        for column in columns:
            if (i, column) in errors:
                sheet.cell(sheet.max_row, columns.index(column) + 1).data_type = "e"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# ------------------------------------------------------------------ #N/A in a value column: no value, said

def test_na_in_a_value_column_is_no_value_said_with_file_rows_column_and_cell(url, tmp_path, capsys):
    path = write(tmp_path, "calc.csv", "indicateur;territoire;période;valeur\n"
                                       "MOB01;59350;2019;12,5\n"
                                       "MOB01;59350;2020;#N/A\n"
                                       "MOB01;59350;2021;13\n"
                                       "MOB01;59350;2022;#N/B\n")
    for lang, words in (("en", ("formula's error", "no value", "Rows: 3, 5")),
                        ("fr", ("erreur de formule", "absence de valeur", "Lignes : 3, 5")),
                        ("nl", ("formulefout", "geen waarde", "Rijen: 3, 5"))):
        code, report = run(capsys, "validate", "--db", url, "--format", "json", "--lang", lang, str(path))
        assert code == 0 and report["ok"] is True and report["problems"] == []
        said = [n for n in report["notices"] if n["value"] == "#N/A, #N/B"]
        assert len(said) == 1, report["notices"]
        assert (said[0]["file"], said[0]["column"]) == ("calc.csv", "valeur")
        for word in words:
            assert word in said[0]["message"], (lang, said[0]["message"])
        assert {"en": "Check the formula in the spreadsheet", "fr": "Vérifiez la formule dans le tableur",
                "nl": "Controleer de formule in het rekenblad"}[lang] in said[0]["suggestion"]
    code, report = run(capsys, "import", "--db", url, "--format", "json", str(path))
    assert code == 0 and report["counts"]["added"] == 2
    stored = read_table(store_with_framework_engine(url), "observations")
    assert sorted(zip(stored["period"], stored["value"])) == [("2019", 12.5), ("2021", 13.0)]   # never 0


def test_error_cells_of_an_xlsx_value_column_na_said_the_others_refused(url, capsys, tmp_path):
    rows = [{"indicator_id": "MOB01", "territory_id": "59350", "period": 2000 + i, "value": text}
            for i, text in enumerate(["#N/A", "#N/B", *ERRORS])]
    path = write(tmp_path, "book.xlsx", workbook(rows, {(i, "value") for i in range(len(rows))}))
    code, report = run(capsys, "validate", "--db", url, "--format", "json", str(path))
    assert code == 1
    assert [(p["row"], p["column"], p["value"]) for p in report["problems"]] == [
        (i + 4, "value", text) for i, text in enumerate(ERRORS)]
    said = [n for n in report["notices"] if n["value"] == "#N/A, #N/B"]
    assert len(said) == 1 and "Rows: 2, 3." in said[0]["message"], report["notices"]


# ------------------------------------------------------------------ errors where a code, period, flag goes

@pytest.mark.parametrize("column", ["flag", "period", "territory_id", "indicator_id"])
@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_an_error_in_a_code_period_or_flag_column_is_refused_as_a_formulas_error(url, column, form):
    texts = NOT_AVAILABLE + ERRORS
    rows = []
    for i, text in enumerate(texts):
        row = {"indicator_id": "MOB01", "territory_id": "59350", "period": str(2000 + i), "value": "5", "flag": "p"}
        row[column] = text
        rows.append(row)
    if form == "csv":
        data = ("\n".join([";".join(OBS)] + [";".join(r[c] for c in OBS) for r in rows]) + "\n").encode()
    else:
        data = workbook(rows, {(i, column) for i in range(len(rows))})
    checked = validate_files(store_with_framework_engine(url), [(f"errs.{form}", data)])
    refused = [p for p in checked.problems if p.severity == "error"]
    # One problem a cell, the cell as written: not an unknown code with a "nearest" one, a bad period or flag.
    assert [(p.row, p.column, p.value) for p in refused] == [(i + 2, column, t) for i, t in enumerate(texts)]
    for p in refused:
        assert p.message("en").startswith(f"{p.value} is a formula's error in the spreadsheet"), p.message("en")
        assert "erreur de formule du tableur" in p.message("fr") and "formulefout" in p.message("nl")
        assert p.suggestion_text("en").startswith("Check the formula in the spreadsheet")


def test_cli_refuses_a_lookup_error_in_the_territory_column_and_skips_it_when_asked(url, tmp_path, capsys):
    path = write(tmp_path, "lookup.csv", "indicator_id,territory_id,period,value\n"
                                         "MOB01,59350,2020,5\n"
                                         "MOB01,#N/A,2020,6\n"
                                         "MOB01,#REF!,2021,7\n")
    code, report = run(capsys, "validate", "--db", url, "--format", "json", "--lang", "fr", str(path))
    assert code == 1
    assert [(p["row"], p["column"], p["value"]) for p in report["problems"]] == [
        (3, "territory_id", "#N/A"), (4, "territory_id", "#REF!")]
    assert all("Vous vouliez dire" not in (p["suggestion"] or "") for p in report["problems"])
    assert report["problems"][0]["message"].startswith("#N/A est une erreur de formule du tableur")
    code, report = run(capsys, "import", "--db", url, "--format", "json", "--skip-invalid-rows", str(path))
    assert code == 0 and report["counts"]["added"] == 1 and report["counts"]["rejected"] == 2


# ------------------------------------------------------------------ other tables

def test_na_where_a_target_needs_a_number_is_refused_not_called_empty(url):
    raw = ("indicator_id,territory_id,baseline_period,baseline_value,target_period,target_value,note\n"
           "MOB01,59350,2019,#N/A,2030,20,\n"
           "MOB02,59350,2019,10,2030,#DIV/0!,\n"
           "MOB01,59512,2019,10,2030,20,#REF!\n"
           "MOB02,59512,2019,10,2030,20,#Merci!\n")   # a note that only looks like one: plain text
    engine = store_with_framework_engine(url)
    checked = validate_files(engine, [("targets.csv", raw.encode())])
    assert [(p.row, p.column, p.value, p.code) for p in checked.problems if p.severity == "error"] == [
        (2, "baseline_value", "#N/A", "formula_error_cell"), (3, "target_value", "#DIV/0!", "formula_error")]
    note = [p for p in checked.problems if p.column == "note"]
    assert [(p.severity, p.value) for p in note] == [("notice", "#REF!")] and "Rows: 4." in note[0].message("en")


def test_a_name_computed_to_an_error_is_refused_and_a_population_na_is_said(url):
    raw = ("territory_id,name_fr,country,population\n"
           "T1,#REF!,FR,1000\n"
           "T2,Tourcoing,FR,#N/A\n")
    engine = store_with_framework_engine(url)
    checked = validate_files(engine, [("terr.csv", raw.encode())])
    assert [(p.row, p.column, p.value) for p in checked.problems if p.severity == "error"] == [(2, "name_fr", "#REF!")]
    said = [p for p in checked.problems if p.column == "population"]
    assert [(p.severity, p.value, p.params["rows"]) for p in said] == [("notice", "#N/A", "3")]
    assert import_files(engine, [("terr.csv", raw.encode())], user="test").result is None   # nothing stored
    assert "T1" not in set(read_table(engine, "territories")["territory_id"])


# ------------------------------------------------------------------ periods in the future

def test_a_future_observation_is_a_notice_the_import_proceeds_and_progress_reads_it(url, tmp_path, capsys):
    path = write(tmp_path, "fc.csv", "indicator_id,territory_id,period,value,flag\n"
                                     "MOB02,59350,2019,100,\n"
                                     "MOB02,59350,2021,104,\n"
                                     f"MOB02,59350,{FUTURE},150,\n"
                                     f"MOB02,59512,{FUTURE},150,f\n")   # a forecast that says so: no word
    for lang, word in (("en", "measured values"), ("fr", "valeurs mesurées"), ("nl", "gemeten waarden")):
        code, report = run(capsys, "validate", "--db", url, "--format", "json", "--lang", lang, str(path))
        assert code == 0 and report["ok"] and report["problems"] == []
        future = [n for n in report["notices"] if n["column"] == "period"]
        assert [(n["file"], n["row"], n["value"]) for n in future] == [("fc.csv", 4, str(FUTURE))]
        assert str(FUTURE) in future[0]["message"] and word in future[0]["suggestion"]
        assert " f" in future[0]["suggestion"]
    code, report = run(capsys, "import", "--db", url, "--format", "json", str(path))
    assert code == 0 and report["counts"]["added"] == 4
    code, progress = run(capsys, "progress", "--db", url, "--format", "json")
    entry = next(e for e in progress["indicators"] if (e["indicator_id"], e["territory_id"]) == ("MOB02", "59350"))
    assert (entry["latest_period"], entry["latest_value"]) == (str(FUTURE), 150)   # the method is unchanged


def test_future_is_judged_against_the_engines_today_and_never_for_targets():
    import pandas as pd

    frame = pd.DataFrame({"indicator_id": "MOB01", "territory_id": "59350",
                          "period": ["2030", "2030-06", "2030-07", "2030-Q3", "2031", "2031"],
                          "value": 1.0, "flag": [None, None, None, None, "pf", None],
                          "_file": "f.csv", "_row": range(2, 8)})
    today = datetime.date(2030, 6, 15)
    found = future_problems(frame, TABLES["observations"], {}, today=today)
    assert [(p.row, p.value, p.severity) for p in found] == [(4, "2030-07", "notice"), (5, "2030-Q3", "notice"),
                                                           (7, "2031", "notice")]
    assert "15 Jun 2030" in found[0].message("en")
    assert "mesurées" in found[0].suggestion_text("fr") and "gemeten" in found[0].suggestion_text("nl")
    assert future_problems(frame, TABLES["targets"], {}, today=today) == []
