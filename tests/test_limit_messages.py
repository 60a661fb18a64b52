"""A limit's message says the limit and that reading stopped there ("more than 52 428 800 bytes once
unpacked"), not a count that reads like the file's size; one line past the line limit is said at its row
with advice about that line (outside tester's finding D15 of session 27)."""
from __future__ import annotations

import gzip

from indicators.reading import read_file


def test_a_gzip_bomb_is_said_by_the_limit_where_reading_stopped(monkeypatch):
    monkeypatch.setenv("MONITOR_MAX_UNPACKED_BYTES", "3000000")
    monkeypatch.setenv("MONITOR_FREE_UNPACKED_BYTES", "3000000")
    raw = gzip.compress(b"indicator_id;territory_id;period;value\n" + b"0" * 20_000_000)
    (problem,) = read_file(raw, "bomb.csv.gz").problems
    assert problem.code == "too_large_file" and problem.params["found"] > 3_000_000
    expected = {"en": "more than 3,000,000 bytes once unpacked", "fr": "octets une fois décompressé : plus de 3\u202f000\u202f000",
                "nl": "meer dan 3.000.000 bytes na uitpakken"}
    for lang, words in expected.items():
        message = problem.message(lang)
        assert words in message and f"{problem.params['found']:,}" not in message, (lang, message)
        assert "{" not in message


def test_one_long_line_is_said_at_its_row_with_advice_for_one_line(monkeypatch):
    monkeypatch.setenv("MONITOR_MAX_LINE_BYTES", "1000")
    text = "indicator_id;territory_id;period;value\nMOB02;59350;2021;1\nMOB02;59350;2022;" + "9" * 5000 + "\nMOB02;59350;2023;3\n"
    (problem,) = read_file(text.encode(), "long.csv").problems
    assert (problem.row, problem.params["what"], problem.params["limit"]) == (3, "MAX_LINE_BYTES", 1000)
    for lang, line_word in (("en", "line"), ("fr", "ligne"), ("nl", "regel")):
        message = problem.message(lang)
        assert line_word in message and "1" in message and "5000" not in message, (lang, message)
    assert "empty rows" not in problem.message("en") and "one record per line" in problem.message("en")


def test_a_long_line_after_lone_carriage_returns_is_counted_as_the_reader_counts_lines(monkeypatch):
    monkeypatch.setenv("MONITOR_MAX_LINE_BYTES", "100")
    text = "indicator_id;territory_id;period;value\rMOB02;59350;2021;1\r\nMOB02;59350;2022;2\r" + "x" * 300
    (problem,) = read_file(text.encode(), "cr.csv").problems
    assert problem.row == 4
