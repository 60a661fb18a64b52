"""XLSX text escapes (OOXML's `_xHHHH_`): Excel writes a character XML cannot hold as `_xHHHH_` (a
carriage return in a cell is `_x000D_`) and a text `_xHHHH_` as `_x005F_xHHHH_`. The reader gives the
text Excel shows; the export escapes stored text so that export then import gives it back exactly."""
from __future__ import annotations

import io

import openpyxl
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.exporting import to_xlsx_bytes
from indicators.reading_xlsx import read_xlsx
from indicators.validation import check


def _workbook(cells: list[str]) -> bytes:
    """A workbook whose shared strings hold `cells` exactly as written (openpyxl escapes nothing):
    what Excel writes for the texts they stand for."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["theme_id", "name_fr"])
    for i, cell in enumerate(cells):
        sheet.append([f"t{i}", cell])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _names(raw: bytes) -> list[str]:
    """The texts as the import stores them (the export's formula guard `'` removed by the check)."""
    checked = check([read_xlsx(raw, "themes.xlsx")], None)
    assert not [p for p in checked.problems if p.severity == "error"]
    return list(checked.tables["themes"]["name_fr"])


def test_excel_escapes_are_read_as_the_text_excel_shows():
    raw = _workbook(["Ligne 1_x000D__x000A_Ligne 2", "_x005F_x000D_ écrit tel quel", "a_x0009_b", "x005F_ seul"])
    assert _names(raw) == ["Ligne 1\r\nLigne 2", "_x000D_ écrit tel quel", "a\tb", "x005F_ seul"]


# Text made of the pieces that matter: escapes and near-escapes, characters XML cannot hold, line ends.
_PIECES = st.sampled_from(["_x000D_", "_x005F_", "_x0041_", "_x00", "_x", "x005F_", "_X000d_", "_", "x",
                           "\r", "\n", "\x0b", "\x01", "a", "é", " ", "0", "=", "'"])
_TEXT = st.lists(_PIECES, min_size=1, max_size=8).map("".join).filter(lambda t: t.strip() == t and t.strip())


@settings(max_examples=60, deadline=None, derandomize=True)   # the same examples on every run (CI)
@given(st.lists(_TEXT, min_size=1, max_size=5))
def test_export_then_read_gives_the_stored_text_back(texts):
    frame = pd.DataFrame({"theme_id": [f"t{i}" for i in range(len(texts))], "name_fr": texts})
    assert _names(to_xlsx_bytes({"themes": frame})) == texts
