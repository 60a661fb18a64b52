"""A workbook whose list of sheets names a sheet it does not hold (its part missing, or pointing outside the
archive) is damaged, said so as other damaged workbooks are: it was reported "empty", which sent the user
looking for data that Excel shows. A workbook that really holds nothing is still empty."""
from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest

from indicators.problem_messages import MESSAGES
from indicators.reading import read_file


def _book() -> bytes:
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as xl:
        pd.DataFrame({"indicator_id": ["MOB04"], "territory_id": ["59350"], "period": ["2024"],
                      "value": [12.5]}).to_excel(xl, sheet_name="observations", index=False)
    return out.getvalue()


def _rewritten(raw: bytes, change) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(raw)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = change(info.filename, source.read(info))
            if data is not None:
                target.writestr(info.filename, data)
    return out.getvalue()


def _sheet_missing(name: str, data: bytes):
    return None if name == "xl/worksheets/sheet1.xml" else data


def _sheet_outside(name: str, data: bytes):
    if name == "xl/_rels/workbook.xml.rels":
        assert b'Target="/xl/worksheets/sheet1.xml"' in data
        return data.replace(b'Target="/xl/worksheets/sheet1.xml"',
                            b'Target="http://example.org/sheet1.xml" TargetMode="External"')
    return data


@pytest.mark.parametrize("change", [_sheet_missing, _sheet_outside], ids=["part-missing", "part-external"])
@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_a_workbook_naming_a_sheet_it_lacks_is_said_damaged(change, lang):
    result = read_file(_rewritten(_book(), change), "releve.xlsx")
    assert not result.sheets
    assert [p.code for p in result.problems] == ["damaged_xlsx"]
    assert result.problems[0].message(lang) == MESSAGES["damaged_xlsx"][lang]


def test_the_unchanged_workbook_is_read():
    result = read_file(_book(), "releve.xlsx")
    assert [s.sheet for s in result.sheets] == ["observations"] and not result.problems
