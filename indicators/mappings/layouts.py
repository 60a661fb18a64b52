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
    if eurostat_key(headers) is not None or sdmx_columns(headers) is not None:
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


# Headers of a column of flags (`p`, `e`) and of a column of units, normalised (schema.normalise_header):
# the first guess takes the flags from the one, and a mapping keeps one unit of the other (apply.py).
FLAG_HEADERS = ("flag", "flags", "obs_flag", "drapeau", "vlag", "indicateur_qualite", "statut")
UNIT_HEADERS = ("unit", "unite", "units", "unit_measure", "unit_of_measure", "eenheid", "einheit")

# SDMX-CSV (Eurostat's download "SDMX-CSV 1.0" and its API's 2.0): a header of columns that say which
# data set the row is (1.0: DATAFLOW, LAST UPDATE; 2.0: STRUCTURE, STRUCTURE_ID, ACTION), one column per
# dimension (freq, unit, geo, …), then TIME_PERIOD, OBS_VALUE and attributes (OBS_FLAG, CONF_STATUS).
SDMX_HEADERS = ("dataflow", "last_update", "structure", "structure_id", "structure_name", "action")
SDMX_ATTRIBUTES = ("obs_flag", "conf_status", "obs_status", "obs_conf")


def sdmx_columns(headers: list) -> dict | None:
    """An SDMX-CSV file's columns as written: `period` (TIME_PERIOD), `value` (OBS_VALUE), `flag`
    (OBS_FLAG, or None) and its `dimensions` (freq, unit, geo…: the columns that are neither the data
    set's, nor the period, value or an attribute); None for any other header."""
    named = {normalise_header(h): str(h) for h in headers}
    if "time_period" not in named or "obs_value" not in named:
        return None
    skipped = {"time_period", "obs_value", *SDMX_HEADERS, *SDMX_ATTRIBUTES}
    return {"period": named["time_period"], "value": named["obs_value"], "flag": named.get("obs_flag"),
            "dimensions": [str(h) for h in headers if normalise_header(h) not in skipped]}
