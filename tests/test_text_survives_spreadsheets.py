"""Text that a spreadsheet would run (`=1+1`, `+cmd|…`, `@SUM`, `-2+3`, a tab or a carriage return first)
leaves the product guarded, in every file it offers (CLI export, the dashboard's downloads, templates),
and comes back exactly as stored when that file is imported again, CSV and XLSX alike.

Stored text is what an import can store: the reader trims each cell, so no text ends with white space,
none holds an invisible format character, and only a guarded one (`'\\t=1` in a file) starts with a tab or a carriage return."""
from __future__ import annotations

import csv
import io
import unicodedata

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators import downloads
from indicators.exporting import export, to_csv_bytes, to_xlsx_bytes
from indicators.importing import import_files, validate_files
from indicators.store import open_store, read_table
from indicators.templates import notes, template

from .helpers import FRAMEWORK, store_with_framework, write

RISKY = ["'=1+1", "=1+1", "+cmd|' /C calc'!A0", "@SUM(A1)", "-2+3", "\t=1", "\r=1", "''=x", "'", "'a",
         "''", "=", "-", "+", "@", "'\t=1", "' =1", "a\rb", "x\ny", "-3,5", "=HYPERLINK(\"http://x\",\"y\")"]


def _frame(texts: list[str]) -> pd.DataFrame:
    n = len(texts)
    return pd.DataFrame({"indicator_id": ["MOB01"] * n, "territory_id": ["59350"] * n,
                         "period": [str(1900 + i) for i in range(n)], "value": [1.5] * n,
                         "note": texts, "source": list(reversed(texts))})


FILES = {
    "cli.csv": lambda f: to_csv_bytes(f),
    "cli.xlsx": lambda f: to_xlsx_bytes({"observations": f}),
    "page.csv": lambda f: downloads.to_excel_csv(f, reversible=True),
    "page.xlsx": lambda f: downloads.to_xlsx(f, "observations"),
}


def _read_back(name: str, raw: bytes) -> pd.DataFrame:
    checked = validate_files(None, [(name, raw)])
    table = checked.tables["observations"].sort_values("period").reset_index(drop=True)
    return table


def _cells(name: str, raw: bytes) -> list:
    """Every cell of the file as a spreadsheet gets it (formulas as formulas)."""
    if name.endswith(".csv"):
        text = raw.decode("utf-8-sig")
        return [c for row in csv.reader(io.StringIO(text), delimiter=";" if name == "page.csv" else ",")
                for c in row]
    book = openpyxl.load_workbook(io.BytesIO(raw))
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    return [c.value for c in cells]


def _stored(text: str) -> bool:
    # the reader also takes out invisible format characters (Unicode Cf: a soft hyphen, a zero-width space),
    # naming them when inside a cell (reading_text.trim_invisible): no stored text holds one
    return bool(text) and text == text.rstrip() and (text == text.lstrip() or text[0] in "\t\r") and \
        not any(unicodedata.category(c) == "Cf" for c in text)


@pytest.mark.parametrize("name", FILES)
def test_risky_texts_come_back_exactly_and_never_run(name):
    raw = FILES[name](_frame(RISKY))
    back = _read_back(name, raw)
    assert back["note"].tolist() == RISKY
    assert back["source"].tolist() == list(reversed(RISKY))
    assert not [c for c in _cells(name, raw) if downloads.is_formula(c)]


TEXT = st.text(alphabet=st.sampled_from(list("'=+-@ \t\r\n,;\"|aZé09._%x")) | st.characters(
    blacklist_categories=("Cs",), blacklist_characters="\x00\x0b\x0c\ufffe\uffff" + "".join(map(chr, range(1, 9)))
    + "".join(map(chr, range(14, 32))) + "\x7f"), min_size=1, max_size=10).filter(_stored)
# DEL is left out with the other control characters: three in a small file make it binary
# (reading_text.is_binary), a rule of its own with its own tests.


# derandomize: the same examples on every run, so that CI does not meet a new one by chance
@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(TEXT, min_size=1, max_size=8))
def test_every_stored_text_comes_back_exactly_from_every_download(texts):
    for name, make in FILES.items():
        raw = make(_frame(texts))
        back = _read_back(name, raw)
        assert back["note"].tolist() == texts, name
        assert not [c for c in _cells(name, raw) if downloads.is_formula(c)], name


def test_cli_xlsx_export_then_import_gives_the_stored_text_back(tmp_path):
    """`python -m indicators export out.xlsx`, imported into another store: the notes as stored (a stored
    `'=1+1` came back `=1+1`: the reader removes the guard's quote, and the workbook was written unguarded)."""
    engine = store_with_framework(f"sqlite:///{tmp_path / 'a.sqlite'}")
    notes_written = ["''=1+1", "'=1+1", "'+cmd", "''", "'@SUM(A1)", "'-2+3", "''x"]
    rows = "".join(f'MOB01,59350,{2000 + i},1,"{n}"\n' for i, n in enumerate(notes_written))
    assert import_files(engine, [write(tmp_path, "o.csv", "indicator_id,territory_id,period,value,note\n" + rows)]).ok
    stored = read_table(engine, "observations").sort_values("period")["note"].tolist()
    assert stored == ["'=1+1", "=1+1", "+cmd", "'", "@SUM(A1)", "-2+3", "'x"]
    out = tmp_path / "out.xlsx"
    export(engine, out)
    other = open_store(f"sqlite:///{tmp_path / 'b.sqlite'}")
    assert import_files(other, [out]).ok
    assert read_table(other, "observations").sort_values("period")["note"].tolist() == stored
    assert not [c for c in _cells("out.xlsx", out.read_bytes()) if downloads.is_formula(c)]


def test_a_carriage_return_in_a_text_survives_a_workbook():
    """XML reads a bare carriage return as a line feed: written as `&#13;` it stays one."""
    for name in ("cli.xlsx", "page.xlsx"):
        back = _read_back(name, FILES[name](_frame(["a\rb", "\r=1", "a\r\nb"])))
        assert back["note"].tolist() == ["a\rb", "\r=1", "a\r\nb"]


def test_a_character_xml_cannot_hold_is_written_as_excel_writes_it():
    """A vertical tab pasted from Word made the whole XLSX export fail (IllegalCharacterError)."""
    for name in ("cli.xlsx", "page.xlsx"):
        raw = FILES[name](_frame(["a\x0bb"]))
        assert "a_x000B_b" in _cells(name, raw)


@pytest.mark.parametrize("table", ["observations", "targets", "indicators", "action_updates"])
def test_templates_hold_no_formula(table):
    for lang in ("fr", "nl", "en"):
        # A translated explanation may start like a formula (`- 12 %`): the notes sheet is guarded too.
        lines = notes(table, lang) + [("-", "=1+1", "@SUM(A1)", "- 12 %")]
        raw = to_xlsx_bytes({table: template(table, typed=True)}, notes={"notes": lines})
        assert not [c for c in _cells("t.xlsx", raw) if downloads.is_formula(c)]
    assert not [c for c in _cells("cli.csv", to_csv_bytes(template(table))) if downloads.is_formula(c)]
