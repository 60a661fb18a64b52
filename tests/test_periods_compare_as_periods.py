"""Periods of different lengths compare as the stretches of time they cover (parsing.period_span), not as
text: a target comes after its baseline when it starts once the baseline is over; a milestone lies after
the baseline in that sense and ends when the target does or before (docs/data-format.md, "Periods")."""
from __future__ import annotations

import pytest

from indicators import charts, health
from indicators.importing import validate_files
from indicators.parsing import period_span

from .helpers import write


@pytest.mark.parametrize("period, span", [
    ("2030", (2030.0, 2031.0)), ("2030-Q1", (2030.0, 2030.25)), ("2030-Q3", (2030.5, 2030.75)),
    ("2030-S2", (2030.5, 2031.0)), ("2030-03", (2030 + 2 / 12, 2030.25)), ("2030-12", (2030 + 11 / 12, 2031.0)),
    ("2030-13", None), ("2030-S3", None), ("n.d.", None), (None, None), ("", None)])
def test_a_period_spans_its_months(period, span):
    assert period_span(period) == span


def test_the_end_of_a_period_is_the_start_of_the_next_whatever_their_lengths():
    assert period_span("2030-03")[1] == period_span("2030-Q2")[0] == period_span("2030-04")[0]
    assert period_span("2030-Q2")[1] == period_span("2030-S2")[0] == period_span("2030-07")[0]
    assert period_span("2030-12")[1] == period_span("2030-Q4")[1] == period_span("2031")[0]


def test_charts_and_data_health_read_periods_as_the_checks_do():
    for p in ("2024", "2024-Q2", "2024-06", "2024-S2"):
        assert charts.period_x(p) == period_span(p)[0] and health.period_end(p) == period_span(p)[1]


def _codes(tmp_path, rows: list[str]) -> list[tuple[int, str]]:
    head = "indicator_id,territory_id,baseline_period,baseline_value,target_period,target_value," \
           "milestone_period,milestone_value\n"
    text = head + "".join(f"MOB0{i},59350,{r}\n" for i, r in enumerate(rows, start=1))
    checked = validate_files(None, [write(tmp_path, "targets.csv", text)])
    return sorted((p.row, p.code) for p in checked.problems
                  if p.code in ("target_order", "milestone_before_baseline", "milestone_after_target"))


def test_a_target_comes_after_its_baseline_when_it_starts_once_the_baseline_is_over(tmp_path):
    assert _codes(tmp_path, [
        "2030-03,1,2030-Q1,2,,",    # row 2: the quarter holds March (as text, Q1 came after 03)
        "2030-Q1,1,2030-04,2,,",    # row 3: April starts when Q1 ends (as text, 04 came before Q1)
        "2030,1,2030-12,2,,",       # row 4: December 2030 is within the baseline year
        "2030-Q1,1,2030,2,,",       # row 5: the year holds the baseline quarter
        "2029,1,2030-Q1,2,,",       # row 6: fine
        "2030-12,1,2031,2,,",       # row 7: fine
    ]) == [(2, "target_order"), (4, "target_order"), (5, "target_order")]


def test_a_milestone_lies_after_the_baseline_and_within_the_target(tmp_path):
    assert _codes(tmp_path, [
        "2020,1,2030,2,2030-Q1,1.5",     # row 2: within the target year (as text, after it)
        "2020,1,2030-Q3,2,2030-12,1.5",  # row 3: December ends after the third quarter
        "2020,1,2030-06,2,2030,1.5",     # row 4: the year ends half a year after June
        "2020,1,2030,2,2020-06,1.5",     # row 5: June 2020 is within the baseline year
        "2020-Q4,1,2030,2,2021-01,1.5",  # row 6: fine
        "2020,1,2030,2,2030,1.5",        # row 7: the target's own period: fine
    ]) == [(3, "milestone_after_target"), (4, "milestone_after_target"), (5, "milestone_before_baseline")]
