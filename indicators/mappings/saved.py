"""Mappings saved in the store by name, and the first guess the Data page offers for a new layout."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..parsing import parse_numbers, parse_period
from ..reading import ReadResult, Sheet
from ..schema import normalise_header
from ..store import get_mapping, list_mappings

from .spec import (
    INSEE_HEADERS, MappedSource, MappingError, NIS_HEADERS, PERIOD_HEADERS, SPEC_VERSION, TERRITORY_HEADERS,
    _split_names, upgrade_spec, validate_spec)
from .apply import (
    _known_parts, apply_mapping, known_for_mapping)
from .layouts import eurostat_key

# ---------------------------------------------------------------- saved mappings

def mapping_names(engine) -> list[str]:
    return list(list_mappings(engine)["name"])


def load_mapping(engine, name: str) -> dict:
    """A saved spec by name, in the current version (`upgrade_spec`: the mapping step shows its columns
    as the reader names them); `MappingError` naming the saved ones when there is none by that name."""
    spec = get_mapping(engine, name)
    if spec is None:
        names = mapping_names(engine)
        if names:
            raise MappingError(f"There is no saved mapping named '{name}'. Saved mappings: {', '.join(names)}.",
                               key="mapping_not_found", name=name, names=", ".join(names))
        raise MappingError(f"There is no saved mapping named '{name}'. No mapping is saved yet: save one with "
                           "`python -m indicators save-mapping NAME FILE.json` or from the Data page.",
                           key="mapping_none_saved", name=name)
    return upgrade_spec(spec)


def save_mapping_spec(engine, name: str, spec: dict, user: str = "unknown") -> dict:
    """Check a spec and save it under `name` (replacing one of that name); the saved form is returned."""
    from ..store import save_mapping

    if not str(name or "").strip():
        raise MappingError("Mapping: give the mapping a name.", key="mapping_spec_name_missing")
    clean = validate_spec(spec)
    save_mapping(engine, name.strip(), clean, user)
    return clean


def apply_saved_mapping(engine, name: str, path, *, file_name: str | None = None) -> MappedSource:
    """Read `path` (or (name, bytes)) with the mapping saved as `name`, against the store's codes."""
    spec = load_mapping(engine, name)
    return apply_mapping(path, spec, file_name, known=known_for_mapping(engine), mapping_name=name)


# ---------------------------------------------------------------- a first guess for the Data page

def _looks_numeric(series: pd.Series, decimal: str) -> bool:
    sample = series.head(500).astype(str).str.strip()
    sample = sample[sample != ""]
    if sample.empty:
        return False
    values, _, problems = parse_numbers(sample, decimal)
    return bool(problems.isna().mean() >= 0.9 and np.isfinite(values).sum() >= 0.5 * len(sample))


def suggest_mapping(sheet: Sheet | ReadResult, known=None) -> dict:
    """A first spec proposed from the columns, to prefill the mapping step of the Data page.

    Guesses the territory column (CODGEO, DEPCOM, code_insee, NIS code, geo…), a Eurostat
    combined key (`unit,geo\\time`: split, and a filter on the first unit), years as columns
    when most headers are periods, the period column or a year in the file name, and lists
    the numeric columns in `values` with an empty indicator (or the indicator of the same
    code when `known` is given) for the user to fill. Always valid for `validate_spec` once
    an indicator is chosen.
    """
    if isinstance(sheet, ReadResult):
        if not sheet.sheets:
            return {"version": SPEC_VERSION}
        sheet = sheet.sheets[0]
    frame = sheet.frame
    headers = [str(c) for c in frame.columns]
    spec: dict = {"version": SPEC_VERSION}
    names: dict[str, pd.Series] = {}
    key_cols: list[str] = []

    # Eurostat's key column: "unit,geo\time" is split into its dimensions, "geo\time" is the territory.
    key = eurostat_key(headers)
    if key is not None and "," in key.split("\\")[0]:
        into = _split_names(key, ",")
        spec["split"] = [{"column": key, "separator": ",", "into": into}]
        parts = frame[key].astype(str).str.split(",", n=len(into) - 1, expand=True, regex=False)
        for k, n in enumerate(into):
            names[n] = parts[k].fillna("").str.strip() if k in parts.columns else pd.Series(dtype=str)
        key_cols.append(key)
    for h in headers:
        if h not in key_cols:
            names.setdefault(h, frame[h])

    periods = [h for h in headers if h not in key_cols and parse_period(h)]
    # Eurostat's other columns are periods whatever their number (a file of one year has one).
    years_mode = bool(periods) and (key is not None or len(periods) >= max(2, (len(headers) - len(key_cols)) / 2))

    def rank(h: str) -> int:
        n = normalise_header(h)
        return TERRITORY_HEADERS.index(n) if n in TERRITORY_HEADERS else len(TERRITORY_HEADERS)

    candidates = sorted((h for h in names if h not in key_cols and h not in periods), key=rank)
    territory_col = candidates[0] if candidates and rank(candidates[0]) < len(TERRITORY_HEADERS) else None
    if territory_col is None:   # the first column of codes (digits or NUTS-like)
        for h in candidates:
            sample = names[h].head(200).astype(str).str.strip()
            if len(sample) and sample.str.fullmatch(r"[0-9A-Z]{2,9}").mean() > 0.9:
                territory_col = h
                break
    if territory_col is None and candidates:
        territory_col = candidates[0]
    territory: dict = {"column": territory_col or "", "keep": "known"}
    if territory_col is not None:
        codes = names[territory_col].astype(str).str.strip()
        digits = codes[codes.str.fullmatch(r"\d+")]
        if len(digits) and digits.str.len().max() <= 5 and digits.str.len().min() < 5 and (
                normalise_header(territory_col) not in ("dep", "code_dep")):
            territory["pad"] = 5
        # French INSEE and Belgian NIS codes overlap (34022 is Baillargues and Kortrijk): say which.
        if normalise_header(territory_col) in INSEE_HEADERS:
            territory["country"] = "FR"
        elif normalise_header(territory_col) in NIS_HEADERS:
            territory["country"] = "BE"
        if normalise_header(territory_col) in NIS_HEADERS and codes.str.fullmatch(r"\d{2}000").any():
            territory["pattern"] = r"\d{5}"
            territory["exclude"] = r"\d{2}000|2000[12]"   # country, regions, provinces, arrondissements
    spec["territory"] = territory

    if "split" in spec:
        others = [n for n in spec["split"][0]["into"] if n != territory_col]
        for n in others:
            first = names[n].astype(str).str.strip()
            first = first[first != ""]
            if len(first):
                spec.setdefault("filters", []).append({"column": n, "equals": str(first.iloc[0])})

    numeric = [h for h in headers if h not in key_cols and h != territory_col and h not in periods
               and _looks_numeric(frame[h], sheet.decimal)]
    _, known_indicators, _ = _known_parts(known)
    if years_mode:
        spec["years_in_columns"] = {"indicator": ""}
    else:
        period_col = next((h for h in headers if normalise_header(h) in PERIOD_HEADERS), None)
        if period_col is not None:
            sample = frame[period_col].head(50).astype(str).str.strip()
            sample = sample[sample != ""]
            spec["period"] = {"column": period_col}
            if len(sample) and not sample.map(lambda t: parse_period(t) is not None).all():
                spec["period"]["as"] = "year"
            numeric = [h for h in numeric if h != period_col]
        else:
            year = re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", sheet.file)
            spec["period"] = {"value": year[-1]} if year else {"value": ""}
        by_code = {normalise_header(i): i for i in (known_indicators or {})}
        spec["values"] = {h: by_code.get(normalise_header(h), "") for h in numeric}
    if sheet.decimal_detected:
        spec["decimal"] = sheet.decimal
    return spec
