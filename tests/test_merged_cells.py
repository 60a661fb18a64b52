"""A required cell left empty by a merged range of an XLSX (A2:A3 merged on the indicator column) is said
as merged, naming the range and what to do; nothing is filled down (outside tester's finding D15 of
session 27). Read-only workbooks give no merged ranges: they are read from the sheet's XML."""
from __future__ import annotations

import io

import openpyxl
import pytest

from indicators.importing import validate_files
from indicators.reading import read_file

from .helpers import store_with_framework


@pytest.fixture(scope="module")
def framework_store(tmp_path_factory):
    return store_with_framework(f"sqlite:///{tmp_path_factory.mktemp('merged') / 'store.sqlite'}")


def _merged_book(*ranges: str) -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "observations"
    ws.append(["indicator_id", "territory_id", "period", "value"])
    ws.append(["MOB02", "59350", 2021, 10])
    ws.append([None, "59350", 2022, 11])
    ws.append([None, "59512", 2022, 12])
    ws.append(["MOB02", "59512", 2023, 13])
    for r in ranges:
        ws.merge_cells(r)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_empty_required_cell_of_a_merged_range_names_the_range_and_what_to_do(tmp_path, framework_store):
    path = tmp_path / "merged.xlsx"
    path.write_bytes(_merged_book("A2:A4"))
    checked = validate_files(framework_store, [path])
    assert not checked.ok
    refused = [p for p in checked.problems if p.severity == "error"]
    assert [(p.row, p.column, p.code) for p in refused] == [(3, "indicator_id", "required_merged"),
                                                          (4, "indicator_id", "required_merged")]
    for lang, words in (("en", ("A2:A4", "A2", "merged", "Unmerge", "fill")),
                        ("fr", ("A2:A4", "fusionnée", "Annulez la fusion", "recopiez")),
                        ("nl", ("A2:A4", "samengevoegd", "ongedaan", "vul"))):
        assert all(w in refused[0].message(lang) for w in words), (lang, refused[0].message(lang))


def test_nothing_is_filled_down_and_an_unmerged_empty_cell_stays_a_plain_required_one(tmp_path, framework_store):
    path = tmp_path / "plain.xlsx"
    path.write_bytes(_merged_book())
    checked = validate_files(framework_store, [path])
    assert sorted(p.code for p in checked.problems if p.severity == "error") == ["required", "required"]
    (sheet,) = read_file(_merged_book("A2:A4"), "m.xlsx").sheets
    assert sheet.frame["indicator_id"].tolist() == ["MOB02", "", "", "MOB02"]
    assert sheet.merged[(3, 1)] == ("A2:A4", "A2") and (2, 1) not in sheet.merged


def _with_merges(raw: bytes, refs: list[str]) -> bytes:
    """The workbook with these merged ranges written into its sheet's XML (openpyxl would make a cell
    object for each cell of A2:XFD1048576)."""
    import zipfile

    source, out = zipfile.ZipFile(io.BytesIO(raw)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                merges = "".join(f'<mergeCell ref="{r}"/>' for r in refs)
                data = data.replace(b"</sheetData>", f'</sheetData><mergeCells count="{len(refs)}">{merges}</mergeCells>'.encode())
            target.writestr(info, data)
    return out.getvalue()


def test_a_merged_range_over_the_whole_sheet_costs_no_more_than_the_table():
    (sheet,) = read_file(_with_merges(_merged_book(), ["A2:XFD1048576"] * 5000), "huge.xlsx").sheets
    assert len(sheet.merged) == 4 * 4 - 1   # the table's cells, its first one apart
