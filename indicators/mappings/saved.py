"""Mappings saved in the store by name, and the first guess the Data page offers for a new layout."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..parsing import parse_numbers, parse_period
from ..reading import ReadResult, Sheet
from ..schema import is_flag, normalise_header
from ..store import get_mapping, list_mappings

from .spec import (
    INSEE_HEADERS, MappedSource, MappingError, NIS_HEADERS, PERIOD_HEADERS, SPEC_VERSION, TERRITORY_HEADERS,
    _split_names, upgrade_spec, validate_spec)
from .apply import (
    _known_parts, apply_mapping, known_for_mapping)
from .layouts import FLAG_HEADERS, UNIT_HEADERS, eurostat_key, sdmx_columns

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


def json_error_text(exc: Exception, lang: str) -> str:
    """Why a mapping's JSON text was not read, in the user's language: never the JSON library's own
    words ("Expecting ',' delimiter", "Exceeds the limit (4300 digits)"), which reached users in English."""
    import json

    from ..i18n import t

    if isinstance(exc, json.JSONDecodeError):
        return t("mapping_json_invalid", lang, line=exc.lineno, column=exc.colno)
    if isinstance(exc, UnicodeDecodeError):
        return t("mapping_json_not_text", lang)
    return t("mapping_json_unreadable", lang)   # past limits.load_json's size or depth, a huge integer


def unknown_indicators(engine, spec: dict) -> list[str]:
    """The indicators a (checked) spec names that the store does not have, in the spec's order."""
    from ..store import known_codes

    named = list(spec.get("values", {}).values()) + [spec.get("years_in_columns", {}).get("indicator", "")]
    have = known_codes(engine).indicators
    return [i for i in dict.fromkeys(named) if i and i not in have]


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
    sdmx = sdmx_columns(headers)
    if sdmx is not None:   # Eurostat's SDMX-CSV: one row per observation
        return _suggest_sdmx(sheet, sdmx)
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

    # A column of units with several (`unit`: EUR_HAB, MIO_EUR): one is kept, the page says which.
    filtered = {f["column"] for f in spec.get("filters", [])}
    for h in headers:
        if normalise_header(h) in UNIT_HEADERS and h != territory_col and h not in filtered:
            spec.setdefault("filters", []).extend(_first_value_filter(h, frame[h]))
    flag_col = _flag_column(frame, [h for h in headers if h not in key_cols and h != territory_col])
    if flag_col is not None:
        spec["flag"] = {"column": flag_col}
    numeric = [h for h in headers if h not in key_cols and h != territory_col and h not in periods
               and h != flag_col and _looks_numeric(frame[h], sheet.decimal)]
    _, known_indicators, _ = _known_parts(known)
    if years_mode:
        spec["years_in_columns"] = {"indicator": ""}
    else:
        period_col = next((h for h in headers if normalise_header(h) in PERIOD_HEADERS), None)
        if period_col is not None:
            spec["period"] = _period_part(frame, period_col)
            numeric = [h for h in numeric if h != period_col]
        else:
            year = re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", sheet.file)
            spec["period"] = {"value": year[-1]} if year else {"value": ""}
        by_code = {normalise_header(i): i for i in (known_indicators or {})}
        spec["values"] = {h: by_code.get(normalise_header(h), "") for h in numeric}
    if sheet.decimal_detected:
        spec["decimal"] = sheet.decimal
    return spec


def filter_choices(sheet: Sheet | ReadResult, spec: dict, limit: int = 200) -> dict[str, list[str]]:
    """For each `equals` filter of a spec, the values its column holds (a part of a split column too),
    in the file's order, at most `limit`: what the Data page offers to keep (`unit`: EUR_HAB, MIO_EUR)."""
    if isinstance(sheet, ReadResult):
        if not sheet.sheets:
            return {}
        sheet = sheet.sheets[0]
    frame = sheet.frame
    named: dict[str, pd.Series] = {}
    for s in spec.get("split") or []:
        if s.get("column") in frame.columns and s.get("into"):
            into, sep = s["into"], s.get("separator", ",")
            parts = frame[s["column"]].astype(str).str.split(sep, n=len(into) - 1, expand=True, regex=False)
            named.update({n: parts[k] for k, n in enumerate(into) if k in parts.columns})
    out: dict[str, list[str]] = {}
    for f in spec.get("filters") or []:
        column = f.get("column")
        cells = named.get(column, frame[column] if column in frame.columns else None)
        if "equals" not in f or cells is None:
            continue
        values = [v for v in pd.unique(cells.fillna("").astype(str).str.strip()) if v]
        out[column] = values[:limit]
    return out


def _first_value_filter(column: str, cells: pd.Series) -> list[dict]:
    """A filter keeping the rows of the column's first value, when it holds several (none otherwise)."""
    values = pd.unique(cells.astype(str).str.strip())
    values = [v for v in values if v]
    return [{"column": column, "equals": str(values[0])}] if len(values) > 1 else []


def _flag_column(frame: pd.DataFrame, headers: list[str]) -> str | None:
    """The column named as a flag column (`flag`, `OBS_FLAG`, `drapeau`) whose cells are flags or empty."""
    for h in headers:
        if normalise_header(h) in FLAG_HEADERS:
            cells = frame[h].head(5000).astype(str).str.strip()
            if all(is_flag(c) for c in pd.unique(cells) if c):
                return h
    return None


def _period_part(frame: pd.DataFrame, column: str) -> dict:
    """`{"column": NAME}`, with `"as": "year"` when its cells are dates rather than periods."""
    sample = frame[column].head(50).astype(str).str.strip()
    sample = sample[sample != ""]
    part = {"column": column}
    if len(sample) and not sample.map(lambda t: parse_period(t) is not None).all():
        part["as"] = "year"
    return part


def _suggest_sdmx(sheet: Sheet, sdmx: dict) -> dict:
    """SDMX-CSV (`layouts.sdmx_columns`): the territory among its dimensions (`geo`), the period from
    TIME_PERIOD, the value from OBS_VALUE, the flag from OBS_FLAG, and a filter on each other dimension
    that holds several codes (`unit`: EUR_HAB and MIO_EUR), keeping its first, so that a territory and a
    period have one value. A file downloaded with its labels (`BE254:Arr. Kortrijk`) has its territory
    split from the label."""
    frame = sheet.frame
    dimensions = sdmx["dimensions"]

    def rank(h: str) -> int:
        n = normalise_header(h)
        return TERRITORY_HEADERS.index(n) if n in TERRITORY_HEADERS else len(TERRITORY_HEADERS)

    named = sorted(dimensions, key=rank)
    territory_col = named[0] if named and rank(named[0]) < len(TERRITORY_HEADERS) else (
        dimensions[-1] if dimensions else "")
    spec: dict = {"version": SPEC_VERSION}
    territory: dict = {"column": territory_col, "keep": "known"}
    if territory_col:
        codes = frame[territory_col].head(500).astype(str).str.strip()
        codes = codes[codes != ""]
        if len(codes) and codes.str.fullmatch(r"[^:\s]+:.+").mean() > 0.9:   # BE254:Arr. Kortrijk
            code, label = f"{territory_col}_code", f"{territory_col}_label"
            spec["split"] = [{"column": territory_col, "separator": ":", "into": [code, label]}]
            territory["column"] = code
    spec["territory"] = territory
    filters = [f for d in dimensions if d != territory_col for f in _first_value_filter(d, frame[d])]
    if filters:
        spec["filters"] = filters
    spec["period"] = _period_part(frame, sdmx["period"])
    spec["values"] = {sdmx["value"]: ""}
    if sdmx["flag"]:
        spec["flag"] = {"column": sdmx["flag"]}
    if sheet.decimal_detected:
        spec["decimal"] = sheet.decimal
    return spec

