"""Arrow's CSV reader takes plain tables (reading.read_plain_table); pandas' careful reader takes the
rest. Whichever reads a file, the planner must get the same cells, row numbers and problems: every
real file, every bad file of the corpus and a set of tricky ones read both ways and compared."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from indicators import reading
from indicators.reading import read_file

from .conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent
OBS = "indicator_id;territory_id;period;value\n"

TRICKY = {
    "crlf.csv": (OBS + "MOB01;59350;2020;3,1\r\nMOB01;59350;2021;3,4\r\n").replace("\n", "\r\n").encode(),
    "lone_cr.csv": (OBS + "MOB01;59350;2020;3,1\n").replace("\n", "\r").encode(),
    "no_final_newline.csv": (OBS + "MOB01;59350;2020;3,1").encode(),
    "quoted_newline.csv": (OBS + 'MOB01;59350;2020;"3,1"\nMOB01;"59\n350";2021;4\n').encode(),
    "doubled_quote.csv": (OBS + 'MOB01;"59""350";2020;3,1\n').encode(),
    "quote_inside_field.csv": (OBS + 'MOB01;59"350;2020;3,1\n').encode(),
    "empty_cells.csv": (OBS + "MOB01;;2020;\n;;;\nMOB01;59350;2021;  \n").encode(),
    "fewer_fields.csv": (OBS + "MOB01;59350;2020\nMOB01;59350;2021;4\n").encode(),
    "more_fields.csv": (OBS + "MOB01;59350;2020;3;9\n").encode(),
    "unclosed_quote.csv": (OBS + 'MOB01;"59350;2020;3\nMOB01;59350;2021;4\n').encode(),
    "quote_open_at_end.csv": (OBS + 'MOB01;59350;2020;"3\n' + "a;b;c;d\n" * 5).encode(),
    "literal_then_open_quote.csv": (OBS + 'MOB01;59"350;2020;"3').encode(),
    "blank_line.csv": (OBS + "MOB01;59350;2020;3\n\nMOB01;59350;2021;4\n").encode(),
    "preamble.csv": ("Source : INSEE\nExtrait le 3/4/2024\n" + OBS + "MOB01;59350;2020;3\n").encode(),
    "quoted_preamble.csv": ('"Note ; sur\ndeux lignes"\n' + OBS + "MOB01;59350;2020;3\n").encode(),
    "quote_in_preamble.csv": ('Note "provisoire"\nExtrait le 3/4/2024\n' + OBS
                              + "".join(f"MOB01;59350;{y};3\n" for y in range(2015, 2022))).encode(),
    "bom.csv": ("\ufeff" + OBS + "MOB01;59350;2020;3\n").encode(),
    "cp1252.csv": (OBS + "MOB01;59350;2020;3\u00a0100,5\n").encode("cp1252"),
    "utf16.csv": (OBS + "MOB01;59350;2020;3\n").encode("utf-16"),
    "repeated_header.csv": ("Voix;Voix;Voix\n1;2;3\n").encode(),
    "empty_header_cell.csv": ("a;;c\n1;2;3\n").encode(),
    "trailing_separator.csv": ("level_id,name_fr,\nborder,Frontière,\n").encode(),
    "nul_byte.csv": (OBS + "MOB01;59\x00350;2020;3\n").encode(),
    "header_only.csv": OBS.encode(),
}


def _files() -> dict[str, bytes]:
    files = dict(TRICKY)
    folders = [FIXTURES / "csv", ROOT / "tests" / "corpus" / "bad", ROOT / "tests" / "corpus" / "framework",
               ROOT / "data" / "demo"]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() in (".csv", ".tsv", ".gz"):
                files[f"{folder.name}/{path.name}"] = path.read_bytes()
    return files


FILES = _files()


def _read_both(monkeypatch, name: str, data: bytes):
    fast = read_file(data, name)
    with monkeypatch.context() as patched:
        patched.setattr(reading, "read_plain_table", lambda *args, **kwargs: None)
        careful = read_file(data, name)
    return fast, careful


@pytest.mark.parametrize("name", sorted(FILES))
def test_both_readers_give_the_same_sheet(monkeypatch, name):
    fast, careful = _read_both(monkeypatch, name, FILES[name])
    assert [p.as_dict() for p in fast.problems] == [p.as_dict() for p in careful.problems]
    assert len(fast.sheets) == len(careful.sheets)
    for a, b in zip(fast.sheets, careful.sheets):
        assert a.describe() == b.describe()
        assert (a.header_row, a.repeated, a.decimal_detected) == (b.header_row, b.repeated, b.decimal_detected)
        assert list(a.rows) == list(b.rows)
        pd.testing.assert_frame_equal(a.frame, b.frame)


def test_plain_tables_take_the_fast_reader(monkeypatch):
    """The comparison above means something only if Arrow does read most files."""
    taken = []
    original = reading.read_plain_table

    def spy(*args, **kwargs):
        frame = original(*args, **kwargs)
        taken.append(frame is not None)
        return frame

    monkeypatch.setattr(reading, "read_plain_table", spy)
    for name in ("crlf.csv", "lone_cr.csv", "preamble.csv", "cp1252.csv", "csv/insee_poplegales_Communes.csv"):
        read_file(FILES[name], name)
    assert taken == [True] * 5
    taken.clear()
    for name in ("more_fields.csv", "quote_open_at_end.csv", "quoted_newline.csv", "fewer_fields.csv"):
        read_file(FILES[name], name)
    assert taken == [False] * 4
