"""An XLSX date cell shown as a day, in a period column, named as the cell displays it.

A Belgian or Dutch planner types `31/12/2020` as a period; Excel stores a date, which every reader of
a date cell reads as `2020-12-31`. A day is no period and is refused, but the report should show the
value as the planner sees it in the sheet, `31/12/2020`: reading_xlsx keeps such a cell (its number
format a `DayFormat`) as a `Day`, its ISO text, which a date column reads as before, and
`periods_as_shown` writes those of the period columns as they display.
"""
from __future__ import annotations

import re

import pandas as pd

from .schema import PERIOD, TABLES, normalise_header

# A day's format as the cell displays it: day, month, year in one of three orders with one separator.
_DAY_FORMATS = re.compile(r"^(d{1,2}|m{1,2}|y{2}|y{4})([/.\- ])(d{1,2}|m{1,2})\2(d{1,2}|y{2}|y{4})$")


class DayFormat(str):
    """A number format showing a day (`dd/mm/yyyy`; lower case, without literals): reading_xlsx's kind of
    such a cell, a text apart from its other kinds ("month", "percent"…)."""


class Day(str):
    """A date cell shown as a day: its ISO day, `2020-12-31`, and in `shown` the text the cell displays."""

    shown = ""

    @classmethod
    def of(cls, value, kind):
        """The cell's value as read: a `Day` for a date at midnight under a `DayFormat`, else `value`."""
        if not isinstance(kind, DayFormat) or not hasattr(value, "hour") or (
                value.hour, value.minute, value.second, value.microsecond) != (0, 0, 0, 0):
            return value
        day = cls(f"{value.year:04d}-{value.month:02d}-{value.day:02d}")
        day.shown = day_shown(value, str(kind))
        return day


def day_shown(value, code: str) -> str:
    """`value` (a date) as a day format `code` (lower case, without literals) displays it: `dd/mm/yyyy`
    31/12/2020, `yyyy-mm-dd` 2020-12-31, `d.m.yy` 31.12.20. Excel's built-in short date (`mm-dd-yy`,
    format 14) follows the computer's language, day first in France and Belgium: 31/12/2020, as is any
    format not of these shapes."""
    m = _DAY_FORMATS.match(code)
    if code == "mm-dd-yy" or not m or len({m.group(1)[0], m.group(3)[0], m.group(4)[0]}) != 3:
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    parts = {"d": value.day, "m": value.month, "y": value.year}
    said = [f"{parts['y'] % 100:02d}" if token == "yy" else f"{parts[token[0]]:0{len(token)}d}"
            for token in (m.group(1), m.group(3), m.group(4))]
    return m.group(2).join(said)


def periods_as_shown(frame: pd.DataFrame, kinds) -> pd.DataFrame:
    """The frame with each period column's days (`Day`) written as they display, `31/12/2020`; other
    columns as read. Nothing is looked at unless a cell's format was a day's (`kinds`, the sheet's)."""
    if not any(isinstance(kind, DayFormat) for kind in kinds):
        return frame
    periods = {normalise_header(n) for t in TABLES.values() for c in t.columns if c.kind == PERIOD
               for n in (c.name, *c.aliases)}   # `period`, `période`, `baseline_period`…
    for column in [c for c in frame.columns if normalise_header(c) in periods]:
        frame[column] = frame[column].map(lambda v: v.shown if isinstance(v, Day) else v)
    return frame
