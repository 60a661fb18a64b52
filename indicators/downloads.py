"""Downloads of the data a page shows: CSV for French Excel and XLSX; and the one guard of every
cell that leaves the product for a spreadsheet (exports, templates, problem lists, views).

Pure functions, bytes out. Text cells that a spreadsheet would run as a formula (they start
with `=`, `+`, `-`, `@`, a tab or a carriage return) are neutralised with a leading single
quote (OWASP "CSV injection"); numbers stay numbers, negative ones included, and so does text
that is only a number (`-3,5`), which a spreadsheet reads as a number, not a formula.
"""
from __future__ import annotations

import io
import re

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?((\d+|\d{1,3}([ \u00a0\u202f]\d{3})+)([.,]\d+)?|[.,]\d+)([eE][+-]?\d+)?$")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def neutralise(value):
    """The value itself, or text prefixed with `'` when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def neutralise_reversibly(value):
    """Like `neutralise`, and text already starting with `'` gets one more, so reading undoes it exactly."""
    if isinstance(value, str) and (value.startswith("'") or neutralise(value) is not value):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame, reversible: bool = False) -> pd.DataFrame:
    """A copy whose text cells, codes included, are neutralised; numeric columns are left as they are.

    `reversible`: for files meant to be imported again, a text that already starts with `'` gets one
    more, so that the reader's `parsing.restore_text` gives back exactly what was stored.
    """
    guard = neutralise_reversibly if reversible else neutralise
    out = frame.copy()
    for col in out.columns:
        series = out[col]
        if pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
            continue
        if pd.api.types.is_datetime64_any_dtype(series):
            continue
        out[col] = series.astype(object).map(lambda v: guard(v) if isinstance(v, str) else v)
    out.columns = [neutralise(str(c)) for c in out.columns]
    return out


# Characters XML 1.0 cannot hold at all (a vertical tab pasted from Word, a stray control byte): a
# workbook writes them as OOXML does, `_x000B_`, which Excel and LibreOffice show as the character;
# openpyxl refused the whole export instead (IllegalCharacterError).
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# A text that reads as such a character (`_x000D_`): its `_` written `_x005F_`, as Excel does, so that it
# comes back as the text (reading_xlsx decodes both).
_XML_ESCAPE_LIKE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")


def xml_safe(value):
    """Text with the characters XML cannot hold written `_xHHHH_`, and a text `_xHHHH_` `_x005F_xHHHH_`;
    anything else as it is."""
    if isinstance(value, str) and "_x" in value:
        value = _XML_ESCAPE_LIKE.sub("_x005F_", value)
    if isinstance(value, str) and _XML_ILLEGAL.search(value):
        return _XML_ILLEGAL.sub(lambda m: f"_x{ord(m.group(0)):04X}_", value)
    return value


def workbook_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """`safe_frame(frame, reversible=True)` for a workbook (`xml_safe` text): the text read back from it
    is the text stored (`parsing.restore_text` removes the guard's quote, as it does for a CSV)."""
    out = safe_frame(frame, reversible=True)
    for col in out.columns:
        series = out[col]
        if not (pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series)
                or pd.api.types.is_datetime64_any_dtype(series)):
            out[col] = series.astype(object).map(xml_safe)
    out.columns = [xml_safe(c) for c in out.columns]
    return out


def keep_carriage_returns(raw: bytes) -> bytes:
    """The workbook `raw` with each carriage return inside a text written `&#13;`: a bare one is read back
    as a line feed by every XML parser (XML's end-of-line rule), so `a\rb` came back `a\nb`, and a
    stored text starting with one lost its guard on the way back. The XML openpyxl writes holds no
    carriage return of its own (no indentation), so every one found is a cell's."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(raw))
    if not any(b"\r" in source.read(info) for info in source.infolist() if info.filename.endswith(".xml")):
        return raw
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith(".xml"):
                data = data.replace(b"\r", b"&#13;")
            target.writestr(info, data)
    return out.getvalue()


def is_formula(value) -> bool:
    """Whether a spreadsheet would run this cell as a formula."""
    return isinstance(value, str) and neutralise(value) is not value


def formula_mask(cells: pd.Series) -> pd.Series:
    """`is_formula` for a column of text, vectorised: only cells starting like a formula are looked at
    one by one (a million codes go through in a blink)."""
    text = cells.astype("str")
    starts = text.str.slice(0, 1).isin(FORMULA_STARTS)
    if not starts.any():
        return starts
    out = starts.copy()
    out[starts] = text[starts].map(is_formula).astype(bool)
    return out


def to_excel_csv(frame: pd.DataFrame, reversible: bool = False) -> bytes:
    """CSV that French Excel opens cleanly: UTF-8 with BOM, `;` separator, decimal comma. Numbers keep
    15 significant digits: every value read from a file comes back as written (0.1 + 0.2 shows 0,3)."""
    text = safe_frame(frame, reversible=reversible).to_csv(index=False, sep=";", decimal=",", float_format="%.15g",
                                                           lineterminator="\r\n")
    return text.encode("utf-8-sig")


def observations_download(obs: pd.DataFrame, names: dict[str, dict[str, str]], lang: str) -> pd.DataFrame:
    """Observations in the import format (DESIGN.md): codes first under their own names, the flag as
    its letters, then the names a reader wants in extra columns, which the import ignores with a
    notice. `names`: {"indicator": {code: name}, "territory": {code: name}, "country": {code: country}}."""
    from .i18n import t
    from .schema import FLAGS

    columns = ["indicator_id", "territory_id", "period", "value", "flag", "note", "source"]
    out = pd.DataFrame({c: (obs[c] if c in obs else None) for c in columns})
    out["period"] = out["period"].astype(str)
    out["value"] = pd.to_numeric(out["value"], errors="coerce")
    extra = {
        t("download_indicator_name", lang): out["indicator_id"].map(names.get("indicator", {})),
        t("download_territory_name", lang): out["territory_id"].astype(str).map(names.get("territory", {})),
        t("download_country", lang): out["territory_id"].astype(str).map(names.get("country", {})),
        t("download_flag_meaning", lang): out["flag"].map(
            lambda f: ", ".join(FLAGS[c][lang] for c in str(f) if c in FLAGS) if isinstance(f, str) and f else ""),
    }
    for header, values in extra.items():
        out[header] = values.fillna("")
    return out


def shown_observations(obs: pd.DataFrame, shown: pd.DataFrame, indicator_id: str) -> pd.DataFrame:
    """The stored rows of the values a map draws (`shown`: a territory and a period per row), for its
    download: flag, note and source included, as the Explorer's download gives them."""
    mine = obs[obs["indicator_id"].astype(str) == str(indicator_id)]
    pairs = set(zip(shown["territory_id"].astype(str), shown["period"].astype(str)))
    keep = [pair in pairs for pair in zip(mine["territory_id"].astype(str), mine["period"].astype(str))]
    return mine[keep].sort_values(["territory_id", "period"], kind="stable")


def flows_download(flows: pd.DataFrame, names: dict[str, dict[str, str]], lang: str) -> pd.DataFrame:
    """Flows in the import format (codes first), each end's name beside it in extra columns.
    `names`: {"indicator": {code: name}, "territory": {code: name}}."""
    from .i18n import t

    columns = ["indicator_id", "origin_id", "destination_id", "period", "value", "flag", "note"]
    out = pd.DataFrame({c: (flows[c] if c in flows else None) for c in columns}).reset_index(drop=True)
    out["period"] = out["period"].astype(str)
    out["value"] = pd.to_numeric(out["value"], errors="coerce")
    places = names.get("territory", {})
    out[t("download_indicator_name", lang)] = out["indicator_id"].map(names.get("indicator", {})).fillna("")
    out[t("download_origin_name", lang)] = out["origin_id"].astype(str).map(places).fillna("")
    out[t("download_destination_name", lang)] = out["destination_id"].astype(str).map(places).fillna("")
    return out


def actions_download(actions: pd.DataFrame, per_action: pd.DataFrame, names: dict[str, dict[str, str]],
                     lang: str) -> pd.DataFrame:
    """Actions in the import format: the schema's columns first, as stored, then what the Actions
    page adds (level and theme names, progress status in words, score as the page writes it, mean
    progress, number of indicators without context, number of context indicators) in extra columns the
    import ignores with a notice. `per_action`: the page's table (action_id, status_text, score, progress,
    indicators, context_indicators); `names`: {"level": {code: name}, "theme": {code: name}}."""
    from .i18n import rounded, t
    from .overview import shown_score
    from .schema import TABLES

    columns = TABLES["actions"].names
    out = pd.DataFrame({c: (actions[c] if c in actions else None) for c in columns}).reset_index(drop=True)
    out["action_id"] = out["action_id"].astype(str)
    for year in ("start_year", "end_year"):   # whole years, never 2020.0 (the reader wants an integer)
        out[year] = pd.to_numeric(out[year], errors="coerce").astype("Int64")
    page = per_action.set_index(per_action["action_id"].astype(str)) if len(per_action) else None

    def of(column: str):
        if page is None or column not in page:
            return pd.Series([None] * len(out))
        return out["action_id"].map(page[column])

    extra = {
        t("download_level_name", lang): out["level_id"].astype(str).map(names.get("level", {})),
        t("download_theme_name", lang): out["theme_id"].astype(str).map(names.get("theme", {})),
        t("download_action_status", lang): of("status_text"),
        # the number the page, the report and the CLI show, rounded by the same rule (never across a status cut)
        t("score", lang): pd.to_numeric(of("score"), errors="coerce").map(
            lambda v: (shown_score(v) or (None,))[0]).astype("float64"),
        t("download_action_progress", lang): pd.to_numeric(of("progress"), errors="coerce").map(
            lambda v: float(rounded(v, 1)) if pd.notna(v) else None).astype("float64"),
        # context indicators stand beside an action, never in its count (DESIGN): the header says so
        t("download_action_indicators", lang): of("indicators"),
        t("download_action_context", lang): of("context_indicators"),
    }
    for header, values in extra.items():
        out[header] = values.fillna("") if values.dtype == object else values
    return out


def indicators_download(indicators: pd.DataFrame, freshness: pd.DataFrame, words: dict[str, list], lang: str
                        ) -> pd.DataFrame:
    """Data health's download: the indicators in the import format (schema columns first, as stored),
    then the page's freshness words in extra columns the import ignores with a notice. `words`:
    {header: values in the order of `freshness`'s rows (indicator_id)}. An owner or a periodicity
    corrected in the file and uploaded again is exactly that update."""
    from .schema import TABLES

    columns = TABLES["indicators"].names
    keys = freshness["indicator_id"].astype(str).tolist()
    shown = indicators[indicators["indicator_id"].astype(str).isin(keys)]   # the table's rows, filters kept
    out = pd.DataFrame({c: (shown[c] if c in shown else None) for c in columns}).reset_index(drop=True)
    out["indicator_id"] = out["indicator_id"].astype(str)
    out["decimals"] = pd.to_numeric(out["decimals"], errors="coerce").astype("Int64")
    for header, values in words.items():
        out[header] = out["indicator_id"].map(dict(zip(keys, values))).fillna("")
    return out


def previous_values(changes: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """A batch's previous versions (store.batch_changes) in the import format, one frame per table:
    uploaded again, they restore exactly those values (an undo a planner can edit first)."""
    import json

    from .schema import TABLES

    out = {}
    updates = changes[changes["op"] == "update"] if "op" in changes else changes.iloc[0:0]
    for table, part in updates.groupby("table_name", sort=False):
        if table not in TABLES:
            continue
        rows = [json.loads(r) if isinstance(r, str) else dict(r) for r in part["row"]]
        frame = pd.DataFrame(rows)
        columns = TABLES[table].names
        frame = pd.DataFrame({c: (frame[c] if c in frame else None) for c in columns})
        for c in TABLES[table].columns:   # whole numbers stay whole (2020, not 2020.0)
            if c.kind == "integer":
                frame[c.name] = pd.to_numeric(frame[c.name], errors="coerce").astype("Int64")
        out[str(table)] = frame
    return out


def level_theme_names(fw: dict, lang: str) -> dict[str, dict[str, str]]:
    """{"level": {code: name}, "theme": {code: name}} in the user's language, for actions_download."""
    from .i18n import name

    return {kind: {str(r[f"{kind}_id"]): name(r, "name", lang) or str(r[f"{kind}_id"])
                   for r in fw[f"{kind}s"].to_dict("records")} for kind in ("level", "theme")}


def sheet_name(name: str) -> str:
    """A valid Excel sheet name: no `[]:*?/\\`, at most 31 characters, never empty."""
    cleaned = _SHEET_FORBIDDEN.sub("_", str(name or "")).strip().strip("'")
    return (cleaned or "data")[:31]


def to_xlsx(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    """An XLSX workbook of one sheet: bold frozen header, readable column widths, numbers as numbers."""
    return to_workbook({sheet: frame})


def to_workbook(sheets: dict[str, pd.DataFrame]) -> bytes:
    """An XLSX workbook of one sheet per frame, each as to_xlsx writes one (named after its key)."""
    from openpyxl.styles import Font

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for sheet, frame in sheets.items():
            safe = workbook_frame(frame)   # uploaded again, the reader gives back the text exactly
            name = sheet_name(sheet)
            safe.to_excel(writer, sheet_name=name, index=False)
            ws = writer.sheets[name]
            ws.freeze_panes = "A2"
            for cell in ws[1]:
                cell.font = Font(bold=True)
            for i, col in enumerate(safe.columns, start=1):
                values = [str(col)] + [str(v) for v in safe[col].head(500).tolist() if v is not None]
                width = min(60, max(8, max(len(v) for v in values) + 2))
                ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = width
            exact_numbers(ws)
    return keep_carriage_returns(buffer.getvalue())


def exact_numbers(ws) -> None:
    """Each decimal number of the sheet written with the digits that read back as exactly that number.
    openpyxl writes 16 significant digits ("%.16g"), one short of what a double may need: 0.30000000000000004
    was saved as 0.3, 1234.5678901234567 as 1234.567890123457, and export then import updated those values.
    Python's repr is the shortest text that reads back exactly (Excel shows 15 digits of it, as of any
    number); openpyxl writes a number cell's text as it is given."""
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            value = cell.value
            if isinstance(value, float) and value == value and abs(value) != float("inf") \
                    and float("%.16g" % value) != value:   # (77109.0 stays 77109: only a number 16 digits miss)
                cell._value = repr(value)   # still a number cell (data_type "n"): only its written digits
