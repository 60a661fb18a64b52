"""Mappings saved in the store by name, and the first guess the Data page offers for a new layout."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..parsing import parse_numbers, parse_period
from ..reading import ReadResult, Sheet
from ..schema import is_flag, normalise_header
from ..store import get_mapping, list_mappings

from .cells import date_period
from .spec import (
    INSEE_HEADERS, MappedSource, MappingError, NIS_HEADERS, PERIOD_HEADERS, PERIOD_KINDS, SPEC_VERSION,
    TERRITORY_HEADERS,
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


def unknown_indicators_said(engine, spec: dict, lang: str = "en") -> str | None:
    """What saving a spec says of the indicators it names that the store does not have (`unknown_indicators`),
    in `lang`; None when it has them all. The command line's save-mapping and the Data page's save say this
    one text: the mapping is saved all the same (the indicators may be added next), but an import with it
    would refuse their values."""
    from ..i18n import t

    unknown = unknown_indicators(engine, spec)
    if not unknown:
        return None
    return t("cli_mapping_unknown_indicators", lang, n=len(unknown), names=", ".join(unknown))


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
    when most headers are periods, the period column or a year in the file name, a filter on each
    column of categories (`sexe`: 0, 1, 2 beside a territory and a day, whatever its name:
    _category_columns), and lists the other numeric columns in `values` with an empty indicator
    (or the indicator of the same code when `known` is given) for the user to fill. Always valid
    for `validate_spec` once an indicator is chosen.
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
    period_col = None if years_mode else next((h for h in headers if normalise_header(h) in PERIOD_HEADERS), None)
    # `sexe` (0, 1, 2) beside a territory and a day: a category, kept by a filter, never a value column.
    taken = {territory_col, period_col, flag_col, *key_cols, *periods,
             *(f["column"] for f in spec.get("filters", []))}
    kept_one = [f["column"] for f in spec.get("filters", []) if f["column"] in names]   # (`unit`: EUR_HAB)
    categories = _category_columns(names, [c for c in (territory_col, period_col, *kept_one) if c is not None],
                                   [h for h in names if h not in taken], sheet.decimal)
    for h in categories:
        spec.setdefault("filters", []).extend(_first_value_filter(h, names[h]))
    numeric = [h for h in headers if h not in key_cols and h != territory_col and h not in periods
               and h != flag_col and h not in categories and _looks_numeric(frame[h], sheet.decimal)]
    _, known_indicators, _ = _known_parts(known)
    if years_mode:
        spec["years_in_columns"] = {"indicator": ""}
    else:
        if period_col is not None:
            by = names[territory_col] if territory_col is not None else None
            spec["period"] = _period_part(frame, period_col, by)
            spec["filters"] = spec.get("filters", []) + _one_day(frame, period_col, spec["period"], by)
            if not spec["filters"]:
                del spec["filters"]
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
        if column == (spec.get("period") or {}).get("column"):   # days (`_one_day`): the latest first
            values = days_first(values) or values
        out[column] = values[:limit] + ([f["equals"]] if f["equals"] in values[limit:] else [])
    return out


CATEGORY_VALUES = 20      # at most this many distinct values in a column of categories (`sexe`, an age class)
CATEGORY_ROWS = 20000     # rows looked at


def _category_columns(names: dict[str, pd.Series], key: list[str], candidates: list[str], decimal: str) -> list[str]:
    """The columns of categories among `candidates`, whatever their names and whether their values are
    words or numbers (`sexe`: 0, 1, 2 in Santé publique France's files): where several rows share one
    territory and period (`key`, with the columns already filtered), a column taking the same few values
    (2 to CATEGORY_VALUES) in most of those groups of rows, two at least, tells them apart. Read as a value column, its codes were imported as numbers and
    the rows it tells apart as conflicting values; the Data page offers its values to keep one
    (filter_choices). A measure (`hosp`) takes other values in each group, a label (a region's name) one.
    Words are taken before numbers, and a column only while rows of one territory and period remain."""
    if not key or not candidates:
        return []
    part = {h: names[h].head(CATEGORY_ROWS).astype(str).str.strip().reset_index(drop=True)
            for h in {*key, *candidates}}
    group = pd.MultiIndex.from_arrays([part[h] for h in key]).factorize()[0]
    if not (np.bincount(group) > 1).any():   # one row per territory and period: nothing to tell apart
        return []
    found, shared = [], np.bincount(group)[group] > 1
    for h in candidates:
        cells = part[h][shared]
        if not 2 <= cells[cells != ""].nunique() <= CATEGORY_VALUES:
            continue
        common = cells.groupby(group[shared]).agg(lambda v: frozenset(v[v != ""])).value_counts()
        if len(common.index[0]) >= 2 and common.iloc[0] >= max(2, 0.8 * common.sum()):
            found.append(h)
    out = []
    for h in sorted(found, key=lambda h: _looks_numeric(part[h], decimal)):   # words first (stable)
        if not (np.bincount(group) > 1).any():
            break
        finer = pd.MultiIndex.from_arrays([group, part[h]]).factorize()[0]
        if finer.max() > group.max():   # it tells some rows apart
            out.append(h)
            group = finer
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


def _period_part(frame: pd.DataFrame, column: str, by: pd.Series | None = None) -> dict:
    """`{"column": NAME}`, with `"as"` when its cells are dates rather than periods: the year, else the
    quarter, else the month, the first in which no territory (`by`, its column) has two dates in one period
    (a monthly file's `2019-01-31` read as 2019 made twelve values of one year). A column of days gets
    "year": one day is then kept by a filter (`_one_day`)."""
    cells = frame[column].astype(str).str.strip()
    sample = cells.head(50)
    sample = sample[sample != ""]
    part = {"column": column}
    if len(sample) and not sample.map(lambda t: parse_period(t) is not None).all():
        part["as"] = next((kind for kind in PERIOD_KINDS if _dates_fit(cells, by, kind)), "year")
    return part


def _dates_fit(cells: pd.Series, by: pd.Series | None, kind: str) -> bool:
    """Whether no territory (`by`) has two different dates in one period read as `kind`."""
    pairs = pd.DataFrame({"by": (by.astype(str).str.strip().to_numpy() if by is not None else ""),
                          "date": cells.to_numpy()}).drop_duplicates()
    pairs = pairs[pairs["date"] != ""]
    period_of = {d: date_period(d, kind) for d in pd.unique(pairs["date"])}
    return not pairs.assign(date=pairs["date"].map(period_of)).duplicated().any()


_DAY = re.compile(r"^(?:(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}))(?:[ T].*)?$")


def _day(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a cell written as a day (`2020-03-18`, `18/03/2020`), else None."""
    m = _DAY.match(str(text).strip())
    if not m:
        return None
    return (int(m[1]), int(m[2]), int(m[3])) if m[1] else (int(m[6]), int(m[5]), int(m[4]))


def days_first(cells) -> list[str] | None:
    """The distinct cells of a column of days, the latest first; None when they are not all days."""
    distinct = [c for c in pd.unique(pd.Series(cells, dtype=object).astype(str).str.strip()) if c]
    keys = [_day(c) for c in distinct]
    if not distinct or any(k is None for k in keys):
        return None
    return [c for _, c in sorted(zip(keys, distinct), reverse=True)]


def _one_day(frame: pd.DataFrame, column: str, part: dict, by: pd.Series | None = None) -> list[dict]:
    """A filter keeping the latest day, when the period column holds days several of which fall in one
    period (`jour` of Santé publique France, one row a day): a mapping stores one value per territory and
    period and sums nothing, so read as their year the days were conflicting values. The Data page offers
    the other days (filter_choices, the latest first) and says why (docs/data-format.md)."""
    if not part.get("as"):
        return []
    days = days_first(frame[column])
    if days is None or _dates_fit(frame[column].astype(str).str.strip(), by, part["as"]):
        return []
    return [{"column": column, "equals": days[0]}]


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
    by = frame[territory_col] if territory_col else None
    spec["period"] = _period_part(frame, sdmx["period"], by)
    spec.setdefault("filters", []).extend(_one_day(frame, sdmx["period"], spec["period"], by))
    if not spec["filters"]:
        del spec["filters"]
    spec["values"] = {sdmx["value"]: ""}
    if sdmx["flag"]:
        spec["flag"] = {"column": sdmx["flag"]}
    if sheet.decimal_detected:
        spec["decimal"] = sheet.decimal
    return spec

