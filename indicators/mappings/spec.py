"""A mapping's JSON spec: its keys and their checks (`validate_spec`), the accepted headers, and the
`MappedSource` a mapping produces. The format is documented in docs/data-format.md."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from ..parsing import parse_period
from ..problems import Problem
from .. import limits
from ..reading import ReadResult, Sheet
from ..reading_header import unnamed
from ..schema import FLAGS, is_flag
from ..store import StoreError

# 2: a column with an empty header is named by its letter, `column D` (version 1: `Unnamed: 3`); see upgrade_spec.
SPEC_VERSION = 2
SPEC_KEYS = ("version", "sheet", "header_row", "comment", "decimal", "split", "filters", "territory", "period",
             "values", "years_in_columns", "flag", "source", "note")
TERRITORY_KEYS = ("column", "strip_prefix", "pad", "pattern", "exclude", "keep", "country")
PERIOD_KINDS = ("year", "quarter", "month")
YEARS_KEYS = ("indicator", "columns", "from", "to")

# Headers that usually hold a territory code, best first (normalised, see schema.normalise_header).
TERRITORY_HEADERS = (
    "territory_id", "codgeo", "code_geo", "depcom", "code_insee", "codeinsee", "insee", "code_commune",
    "codecommune", "com", "nis_code", "code_nis", "nis", "niscode", "cd_refnis", "refnis", "cd_munty_refnis",
    "code_ins", "ins", "geo", "nuts_id", "nuts", "nuts_code", "code_nuts", "dep", "code_dep", "territoire",
    "gebied", "code",
)
PERIOD_HEADERS = ("period", "periode", "annee", "year", "jaar", "time_period", "time", "date", "datum", "jour",
                  "mois", "month", "maand", "trimestre", "quarter", "kwartaal")
INSEE_HEADERS = ("codgeo", "code_geo", "depcom", "code_insee", "codeinsee", "insee", "code_commune", "codecommune",
                 "com")
NIS_HEADERS = ("nis_code", "code_nis", "nis", "niscode", "cd_refnis", "refnis", "cd_munty_refnis", "code_ins",
               "ins")


class MappingError(StoreError):
    """A mapping that cannot be used as written; the message says what to change."""


@dataclass
class MappedSource:
    """A foreign file reshaped into observations, accepted by `import_files` like a file.

    `result` holds one observations sheet (or none when the file could not be
    used) whose `rows` are the original spreadsheet rows; `columns` names, for
    each observation, the original column its value came from.
    """

    name: str                      # the original file name
    sha256: str                    # of the original bytes ("" when they were not available)
    result: ReadResult
    spec: dict
    mapping_name: str | None = None
    summary: dict = field(default_factory=dict)
    columns: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))
    headers: dict = field(default_factory=dict)   # canonical column -> original column (or columns)
    # What became of the file's rows, in order (apply._leave_out): each step's rows left out (a comment
    # line, each filter, the territory code filters, the territories outside the framework); None when
    # the mapping stopped before (a column it names is missing). With `value_columns` the rows kept make
    # the cells read (`summary["cells"]`): the Data page says them, adding up (mappings/shown.py).
    steps: list | None = None
    value_columns: int = 0

    @property
    def sheet(self) -> Sheet | None:
        return self.result.sheets[0] if self.result.sheets else None

    @property
    def problems(self) -> list[Problem]:
        return self.result.problems

    def preview(self) -> pd.DataFrame:
        """The reshaped observations with the row and column each value came from."""
        sheet = self.sheet
        if sheet is None:
            return pd.DataFrame(columns=["row", "column", "indicator_id", "territory_id", "period", "value", "flag"])
        frame = sheet.frame.rename(columns={self.headers.get("territory_header", "territory_id"): "territory_id"})
        out = pd.DataFrame({"row": sheet.rows, "column": self.columns})
        return pd.concat([out, frame.reset_index(drop=True)], axis=1)

    def at_file_columns(self, problems: list[Problem]) -> list[Problem]:
        """The validator's problems of the reshaped table said at the file's own columns: a future period
        under `annee` (or the year column `2030` of a table with years as columns), a source too long under
        `origine`, a value under the column it came from. A part given as a constant by the mapping (a
        fixed period, a source for every value) stays named as the mapping's part."""
        sheet = self.sheet
        if sheet is None:
            return problems
        found: dict = {}   # (row, part, cell as written) -> the file's column, built for the first problem

        def cells_at(part: str) -> dict:
            if part not in found:
                texts = sheet.frame[part].astype(str).to_numpy() if part in sheet.frame else ()
                found[part] = {}
                for row, text, column in zip(sheet.rows, texts, self.columns):
                    found[part].setdefault((int(row), text), column)
            return found[part]

        def column_of(p: Problem) -> str | None:
            if p.column in ("flag", "source", "note") or (p.column == "period" and self.headers.get("period")):
                return self.headers.get(p.column)
            by_cell = p.column == "value" or (p.column == "period" and "years_in_columns" in self.spec)
            if by_cell and p.row is not None:
                return cells_at(p.column).get((p.row, str(p.value)))
            return None

        out = []
        for p in problems:
            column = column_of(p) if p.file == sheet.label and p.column is not None else None
            if column is None or column == p.column:
                out.append(p)
                continue
            params = {k: (column if k == "column" and v == p.column else v) for k, v in p.params.items()}
            out.append(replace(p, column=column, params=params))
        return out


# ---------------------------------------------------------------- the spec

def _fail(key: str, **params):
    """Raise the `MappingError` of interface text `key` (indicators/texts/mappings.py): its message is the
    English text, `text(lang)` says it in the user's language (the Data page, the command line)."""
    from ..i18n import t

    raise MappingError(f"Mapping: {t(key, 'en', **params)}", key=key, **params)


def _column_or_constant(value, what: str) -> dict | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return {"value": value}
    if isinstance(value, dict) and set(value) <= {"column", "value"} and len(value) == 1:
        if not isinstance(next(iter(value.values())), str) or not next(iter(value.values())).strip():
            _fail("mapping_spec_part_empty", what=what)
        return dict(value)
    _fail("mapping_spec_part_form", what=what)


def validate_spec(spec) -> dict:
    """The spec in its complete form; `MappingError` saying what to fix when it cannot be used."""
    if not isinstance(spec, dict):
        _fail("mapping_spec_not_object")
    spec = upgrade_spec(spec)
    unknown = sorted(set(spec) - set(SPEC_KEYS))
    if unknown:
        _fail("mapping_spec_unknown_keys", unknown=", ".join(unknown), n=len(unknown), keys=", ".join(SPEC_KEYS))
    version = spec.get("version", SPEC_VERSION)
    if version != SPEC_VERSION:
        _fail("mapping_spec_version", version=version, latest=SPEC_VERSION)
    out: dict = {"version": SPEC_VERSION}

    # Reading.
    if spec.get("sheet") not in (None, ""):
        out["sheet"] = str(spec["sheet"])
    header_row = spec.get("header_row")
    if header_row not in (None, ""):
        if isinstance(header_row, bool) or not isinstance(header_row, int) or header_row < 1:
            _fail("mapping_spec_header_row")
        if header_row > limits.get("MAX_HEADER_ROW"):
            _fail("mapping_spec_header_row_max", limit=limits.get("MAX_HEADER_ROW"))
        out["header_row"] = header_row
    if spec.get("comment") not in (None, ""):
        out["comment"] = str(spec["comment"])
    if spec.get("decimal") not in (None, ""):
        if spec["decimal"] not in (",", "."):
            _fail("mapping_spec_decimal")
        out["decimal"] = spec["decimal"]

    # Combined columns such as Eurostat's "unit,geo\time".
    splits = spec.get("split") or []
    if isinstance(splits, dict):
        splits = [splits]
    out["split"] = []
    for s in splits:
        if not isinstance(s, dict) or not s.get("column"):
            _fail("mapping_spec_split")
        sep = s.get("separator", ",")
        if not isinstance(sep, str) or not sep:
            _fail("mapping_spec_split_separator")
        into = s.get("into")
        if into is not None and (not isinstance(into, list) or not all(isinstance(n, str) and n for n in into)):
            _fail("mapping_spec_split_into")
        out["split"].append({"column": str(s["column"]), "separator": sep, "into": into or _split_names(
            str(s["column"]), sep)})

    # Rows kept.
    filters = spec.get("filters") or []
    if isinstance(filters, dict):
        filters = [filters]
    out["filters"] = []
    for f in filters:
        if not isinstance(f, dict) or not f.get("column") or len(set(f) & {"equals", "in", "pattern"}) != 1:
            _fail("mapping_spec_filter")
        if "in" in f and not isinstance(f["in"], list):
            _fail("mapping_spec_filter_in")
        if "pattern" in f:
            _regex(f["pattern"], "filters.pattern")
        out["filters"].append({k: (v if k == "in" else str(v)) for k, v in f.items()})

    # Territory.
    territory = spec.get("territory")
    if isinstance(territory, str):
        territory = {"column": territory}
    if not isinstance(territory, dict) or not territory.get("column"):
        _fail("mapping_spec_territory_missing")
    bad = sorted(set(territory) - set(TERRITORY_KEYS))
    if bad:
        _fail("mapping_spec_territory_keys", bad=", ".join(bad), n=len(bad), keys=", ".join(TERRITORY_KEYS))
    t = {"column": str(territory["column"])}
    if territory.get("strip_prefix"):
        t["strip_prefix"] = str(territory["strip_prefix"])
    if territory.get("pad") not in (None, "", 0):
        pad = territory["pad"]
        if isinstance(pad, bool) or not isinstance(pad, int) or not 1 <= pad <= 12:
            _fail("mapping_spec_pad")
        t["pad"] = pad
    for key in ("pattern", "exclude"):
        if territory.get(key):
            _regex(territory[key], f"territory.{key}")
            t[key] = str(territory[key])
    keep = territory.get("keep", "all")
    if keep not in ("all", "known") and not (isinstance(keep, list) and all(isinstance(k, str) for k in keep)):
        _fail("mapping_spec_keep")
    t["keep"] = keep
    if territory.get("country"):
        country = str(territory["country"]).strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", country):
            _fail("mapping_spec_country", value=territory["country"])
        t["country"] = country
    out["territory"] = t

    # Values and period.
    values = spec.get("values") or {}
    years = spec.get("years_in_columns")
    if not isinstance(values, dict):
        _fail("mapping_spec_values_form")
    values = {str(k): str(v).strip() for k, v in values.items() if v not in (None, "") and str(v).strip()}
    if years and values:
        _fail("mapping_spec_values_and_years")
    if years:
        if isinstance(years, str):
            years = {"indicator": years}
        if not isinstance(years, dict) or not str(years.get("indicator") or "").strip():
            _fail("mapping_spec_years_indicator")
        bad = sorted(set(years) - set(YEARS_KEYS))
        if bad:
            _fail("mapping_spec_years_keys", bad=", ".join(bad), n=len(bad), keys=", ".join(YEARS_KEYS))
        y = {"indicator": str(years["indicator"]).strip()}
        if years.get("columns"):
            if not isinstance(years["columns"], list):
                _fail("mapping_spec_years_columns")
            y["columns"] = [str(c) for c in years["columns"]]
        for key in ("from", "to"):
            if years.get(key) not in (None, ""):
                period = parse_period(str(years[key]))
                if period is None:
                    _fail("mapping_spec_years_bound", bound=key, value=years[key])
                y[key] = period
        if spec.get("period") not in (None, "", {}):
            _fail("mapping_spec_years_period")
        out["years_in_columns"] = y
    else:
        if not values:
            _fail("mapping_spec_values_missing")
        out["values"] = values
        period = spec.get("period")
        if isinstance(period, (str, int)) and not isinstance(period, bool):
            text = str(period)
            period = {"value": text} if parse_period(text) else {"column": text}
        if not isinstance(period, dict) or len(set(period) & {"value", "column"}) != 1:
            _fail("mapping_spec_period_missing")
        if "value" in period:
            parsed = parse_period(str(period["value"]))
            if parsed is None:
                _fail("mapping_spec_period_value", value=period["value"])
            out["period"] = {"value": parsed}
        else:
            p = {"column": str(period["column"])}
            if period.get("as") not in (None, ""):
                if period["as"] not in PERIOD_KINDS:
                    _fail("mapping_spec_period_as", kinds=", ".join(PERIOD_KINDS), value=period["as"])
                p["as"] = period["as"]
            out["period"] = p

    flag = spec.get("flag")
    if isinstance(flag, str) and flag:
        if not is_flag(flag):
            _fail("mapping_spec_flag", flags=", ".join(FLAGS), value=flag)
        flag = flag.strip().lower()
    for key, value in (("flag", flag), ("source", spec.get("source")), ("note", spec.get("note"))):
        parsed = _column_or_constant(value, key)
        if parsed:
            out[key] = parsed
    return out


_OLD_UNNAMED = re.compile(r"Unnamed: (\d+)")   # pandas' name for the empty header cell at 0-based position k


def upgrade_spec(spec):
    """A spec written for an earlier version, in this version's terms; any other value as it is.

    Saved mappings outlive a release, so they are translated when read (`load_mapping`, `validate_spec`),
    and stored in the current version only when the user saves them again. Version 1 named a column with
    an empty header as pandas does, `Unnamed: 3` (its position counted from 0); the readers now name it
    by its letter, `column D` (`reading_header.unnamed`), so every column a version-1 spec names is translated.
    """
    if not isinstance(spec, dict) or spec.get("version") != 1:
        return spec

    def name(column):
        found = _OLD_UNNAMED.fullmatch(column.strip()) if isinstance(column, str) else None
        if found is None:
            return column
        try:
            return unnamed(int(found.group(1)) + 1)
        except ValueError:   # past a spreadsheet's last column (XFD): no file has it, left as written
            return column

    def named(part):
        """A {"column": NAME, ...} part with its column translated; anything else unchanged."""
        return {**part, "column": name(part["column"])} if isinstance(part, dict) and "column" in part else part

    out = dict(spec, version=SPEC_VERSION)
    for key in ("split", "filters"):
        if isinstance(out.get(key), list):
            out[key] = [named(part) for part in out[key]]
        elif isinstance(out.get(key), dict):
            out[key] = named(out[key])
    for key in ("territory", "period"):   # a text alone names a column here (no period reads `Unnamed: 3`)
        if key in out:
            out[key] = name(out[key]) if isinstance(out[key], str) else named(out[key])
    for key in ("flag", "source", "note"):   # a text alone is a constant here, not a column
        if key in out:
            out[key] = named(out[key])
    if isinstance(out.get("values"), dict):
        out["values"] = {name(column): indicator for column, indicator in out["values"].items()}
    years = out.get("years_in_columns")
    if isinstance(years, dict) and isinstance(years.get("columns"), list):
        out["years_in_columns"] = {**years, "columns": [name(c) for c in years["columns"]]}
    return out


def _regex(pattern, what: str):
    """A saved pattern compiled by RE2, which matches in linear time: a catastrophic pattern such as
    `(a+)+$` cannot stall an import, and constructs RE2 lacks (lookarounds, backreferences) are
    refused with the reason when the mapping is saved."""
    import re2

    text = str(pattern)
    if len(text) > limits.get("MAX_PATTERN_CHARS"):
        _fail("mapping_spec_pattern_long", what=what, limit=limits.get("MAX_PATTERN_CHARS"))
    options = re2.Options()
    options.log_errors = False
    try:
        return re2.compile(text, options)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else ""   # RE2 gives its reason as bytes: b'invalid perl operator: (?='
        reason = reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)
        _fail("mapping_spec_pattern_invalid", what=what, pattern=text, detail=reason)


def _fullmatch(cells: pd.Series, pattern: str) -> np.ndarray:
    compiled = _regex(pattern, "pattern")
    return np.fromiter((compiled.fullmatch(c) is not None for c in cells.astype(str)), dtype=bool, count=len(cells))


def _split_names(header: str, sep: str) -> list[str]:
    """`unit,geo\\time` → ["unit", "geo"] (Eurostat names the column dimension after a backslash)."""
    return [part.strip() for part in header.split("\\")[0].split(sep)]


