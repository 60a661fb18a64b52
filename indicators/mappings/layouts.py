"""Whose layout a file in none of our formats follows: the layouts a mapping reads (docs/data-format.md,
"Foreign layouts (mappings)"). Told by the headers the mapping spec already lists (spec.NIS_HEADERS,
spec.INSEE_HEADERS, which also guide the Data page's first mapping), so there is one list of each."""
from __future__ import annotations

from ..schema import normalise_header
from . import spec


def foreign_layout(headers: list) -> str | None:
    """`Eurostat` (`unit,geo\\time`, `freq,unit,geo\\TIME_PERIOD`, or its SDMX-CSV with `TIME_PERIOD` and
    `OBS_VALUE`), `Statbel` (a NIS code column), `INSEE` (CODGEO, DEPCOM…), or None. The validator names
    it when a table matches none of ours, pointing the user to a mapping rather than to renaming."""
    names = [normalise_header(h) for h in headers]
    if eurostat_key(headers) is not None or ("time_period" in names and "obs_value" in names):
        return "Eurostat"
    if any(n in spec.NIS_HEADERS for n in names):
        return "Statbel"
    if any(n in spec.INSEE_HEADERS for n in names):
        return "INSEE"
    return None


def eurostat_key(headers: list) -> str | None:
    """Eurostat's key column (`unit,geo\\time`, `freq,unit,geo\\TIME_PERIOD`, `geo\\time`), or None:
    Eurostat names the dimension of its other columns, the periods, after a backslash
    (spec._split_names)."""
    return next((str(h) for h in headers if "\\time" in str(h).lower()), None)
