"""The per-cell NUL and length checks are skipped only when the text cannot hold what they look for
(reading.Sheet.nul_cells, longest_cell): a code longer than its column still found when every line is
short but a quoted cell spans lines, a NUL still found in a file of short lines."""
from __future__ import annotations

from indicators.importing import validate_files
from indicators.reading import read_csv_bytes
from indicators.schema import CODE_LENGTH


def problems(tmp_path, text: str) -> set[tuple]:
    path = tmp_path / "observations.csv"
    path.write_bytes(text.encode("utf-8"))
    return {(p.row, p.column, p.code) for p in validate_files(None, [path]).problems}


def test_a_long_code_in_a_quoted_cell_of_short_lines_is_still_too_long(tmp_path):
    piece = "A" * 20
    long_code = "\n".join([piece] * (CODE_LENGTH // 20 + 2))      # > CODE_LENGTH characters, lines of 20
    text = f'indicator_id;territory_id;period;value\nMOB01;"{long_code}";2020;1,5\n'
    assert max(len(line) for line in text.split("\n")) < CODE_LENGTH
    sheet = read_csv_bytes(text.encode(), "observations.csv").sheets[0]
    assert sheet.longest_cell is None          # a quote: a cell may span lines, its length is not known
    assert (2, "territory_id", "too_long") in problems(tmp_path, text)


def test_short_lines_without_quotes_say_how_long_a_cell_can_be_and_nothing_is_too_long(tmp_path):
    text = "indicator_id;territory_id;period;value\nMOB01;59350;2020;1,5\n"
    sheet = read_csv_bytes(text.encode(), "observations.csv").sheets[0]
    assert sheet.longest_cell is not None and sheet.longest_cell < CODE_LENGTH
    assert not sheet.nul_cells
    assert not {p for p in problems(tmp_path, text) if p[2] in ("too_long", "nul_byte")}


def test_a_nul_in_a_short_line_is_still_found(tmp_path):
    text = "indicator_id;territory_id;period;value\nMOB01;593\x0050;2020;1,5\n"
    assert read_csv_bytes(text.encode(), "observations.csv").sheets[0].nul_cells
    assert (2, "territory_id", "nul_byte") in problems(tmp_path, text)


def test_a_long_code_on_a_long_line_is_too_long(tmp_path):
    text = f"indicator_id;territory_id;period;value\nMOB01;{'B' * (CODE_LENGTH + 1)};2020;1,5\n"
    assert (2, "territory_id", "too_long") in problems(tmp_path, text)
