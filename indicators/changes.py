"""What an import would change, or what a batch changed, in a planner's words.

The store speaks in schema columns (`value_old`, `flag_old`) and JSON rows; a planner reads
indicator and territory names beside their codes, old → new in the page's number format, and
flags as words. Plain data in, a DataFrame with translated headers out.
"""
from __future__ import annotations

import json
import math

import pandas as pd

from . import i18n
from .i18n import t
from .schema import FLAGS, NUMBER, TABLES

# Columns whose codes get a name beside them, and the framework table that names them.
NAMED = {"indicator_id": ("indicators", "indicator_id", "name"), "territory_id": ("territories", "territory_id", "name"),
         "origin_id": ("territories", "territory_id", "name"), "destination_id": ("territories", "territory_id", "name"),
         "action_id": ("actions", "action_id", "title"), "level_id": ("levels", "level_id", "name"),
         "theme_id": ("themes", "theme_id", "name")}


def is_missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value == ""


def flag_words(flag, lang: str) -> str:
    """`bp` → "break in series, provisional"; no flag → "–"."""
    if is_missing(flag):
        return "–"
    return ", ".join(FLAGS[c][lang] if c in FLAGS else c for c in str(flag))


def cell_text(column: str, value, lang: str, decimals: int | None = None) -> str:
    """One stored cell as a planner reads it."""
    if is_missing(value):
        return "–"
    table_column = next((c for tb in TABLES.values() for c in tb.columns if c.name == column), None)
    if column == "flag":
        return flag_words(value, lang)
    if table_column is not None and table_column.kind == NUMBER:
        try:
            number = float(value)
        except (TypeError, ValueError):
            return str(value)
        digits = decimals if decimals is not None else (0 if number.is_integer() else min(6, _digits(number)))
        return i18n.number(number, lang, digits)
    return str(value)


def _digits(number: float) -> int:
    text = f"{number:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def code_names(framework: dict, column: str, lang: str) -> dict[str, str]:
    table, key, field = NAMED[column]
    frame = framework.get(table)
    if frame is None or frame.empty:
        return {}
    return {str(r[key]): i18n.name(r, field, lang) for r in frame.to_dict("records")}


def column_label(column: str, lang: str) -> str:
    key = {"indicator_id": "indicator", "territory_id": "territory", "period": "period", "value": "value",
           "flag": "flag", "note": "note", "source": "source", "origin_id": "origin", "destination_id": "destination",
           "action_id": "action", "level_id": "level", "theme_id": "theme"}.get(column)
    return t(key, lang) if key and key in i18n.TEXTS else column


def readable_changes(changes: pd.DataFrame, table: str, framework: dict, lang: str) -> pd.DataFrame:
    """A dry run's changes (key columns, then `col_old`, `col` pairs) as one row per changed record:
    codes with their names, and one "what changes" cell listing `column: old → new` for the
    columns that differ."""
    spec = TABLES[table]
    key = list(spec.key)
    data = [c for c in spec.names if c not in key and f"{c}_old" in changes]
    names = {c: code_names(framework, c, lang) for c in key if c in NAMED}
    rows = []
    for record in changes.to_dict("records"):
        row = {}
        for c in key:
            code = "" if is_missing(record.get(c)) else str(record[c])
            row[column_label(c, lang)] = code
            if c in names:
                row[f"{column_label(c, lang)} ({t('name_col', lang)})"] = names[c].get(code, "–")
        diffs = []
        for c in data:
            old, new = record.get(f"{c}_old"), record.get(c)
            if is_missing(old) and is_missing(new) or (not is_missing(old) and not is_missing(new) and old == new):
                continue
            diffs.append(f"{column_label(c, lang)} : {cell_text(c, old, lang)} → {cell_text(c, new, lang)}"
                         if lang == "fr" else
                         f"{column_label(c, lang)}: {cell_text(c, old, lang)} → {cell_text(c, new, lang)}")
        row[t("change_col", lang)] = " ; ".join(diffs) if lang == "fr" else "; ".join(diffs)
        rows.append(row)
    return pd.DataFrame(rows)


def readable_history(rows: pd.DataFrame, framework: dict, lang: str) -> pd.DataFrame:
    """A batch's previous versions (store.batch_changes: table_name, row_key, row as JSON) as a table:
    the kind of data, its codes with names, and the previous value in the page's format."""
    out = []
    for record in rows.to_dict("records"):
        table = record["table_name"]
        try:
            previous = json.loads(record["row"]) if isinstance(record["row"], str) else dict(record["row"])
        except (TypeError, ValueError):
            previous = {}
        spec = TABLES.get(table)
        row = {t("table", lang): _table_label(table, lang)}
        for c in (spec.key if spec else ()):
            code = "" if is_missing(previous.get(c)) else str(previous[c])
            label = column_label(c, lang)
            row[label] = code if c not in NAMED else f"{code} · {code_names(framework, c, lang).get(code, '–')}"
        shown = [c for c in ("value", "flag", "baseline_value", "target_value", "name_fr", "title_fr")
                 if spec is not None and c in spec.names]
        colon, sep = (" :", " ; ") if lang == "fr" else (":", "; ")   # as the dry run writes them
        row[t("previous", lang)] = sep.join(f"{column_label(c, lang)}{colon} {cell_text(c, previous.get(c), lang)}"
                                            for c in shown)
        out.append(row)
    frame = pd.DataFrame(out)
    return frame.fillna("–") if not frame.empty else frame


def _table_label(table: str, lang: str) -> str:
    spec = TABLES.get(table)
    return getattr(spec, f"label_{lang}") if spec else table
