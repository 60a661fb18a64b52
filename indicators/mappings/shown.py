"""What the Data page's mapping step says of a mapped file, in the page's words: what became of every row
of the file (each step's rows left out, the rows kept and the cells they hold, the observations made,
the cells without a value, the cells left out for a problem), counts that add up, and the observations
previewed as they will be stored (the number in the page's format, the flag in words, names beside codes).
Plain data in, text and a DataFrame out (no Streamlit)."""
from __future__ import annotations

import pandas as pd

from ..i18n import t
from ..parsing import parse_numbers
from .spec import MappedSource


def counts_said(mapped: MappedSource, lang: str, code=str) -> tuple[str, list[tuple[int, str]]] | None:
    """(the title, its lines as (depth, text)): every row read, left out by a step or kept; the kept rows'
    cells, read as observations, without a value or left out for a problem. The counts add up: the steps'
    rows and the rows kept make the rows read; the observations, the empty cells and the cells left out make
    the cells. `code(text)` shows a text of the file or the mapping (a column, a filter's value) as the page
    shows such text. None when the mapping stopped before reading the rows (a column it names is missing)."""
    if mapped.steps is None:
        return None
    s = mapped.summary
    lines: list[tuple[int, str]] = []
    for step in mapped.steps:
        if step["rows"]:
            lines.append((0, _step_said(step, lang, code)))
    kept = s["rows"] - sum(step["rows"] for step in mapped.steps)
    lines.append((0, t("mapping_step_kept", lang, n=kept,
                       columns=t("mapping_value_columns", lang, n=mapped.value_columns),
                       cells=t("mapping_cells", lang, n=s["cells"]))))
    refused = s["cells"] - s["missing"] - s["observations"]
    for key, n in (("mapping_cells_observations", s["observations"]), ("mapping_cells_empty", s["missing"]),
                   ("mapping_cells_refused", refused)):
        if n or key == "mapping_cells_observations":
            lines.append((1, t(key, lang, n=n)))
    return t("mapping_counts_title", lang, rows=t("mapping_rows", lang, n=s["rows"])), lines


def _step_said(step: dict, lang: str, code) -> str:
    n = step["rows"]
    kind = step["step"]
    if kind == "comment":
        return t("mapping_step_comment", lang, n=n, text=code(step["text"]))
    if kind == "filter":
        if "equals" in step:
            rule = f"{code(step['column'])} = {code(step['equals'])}"
        elif "in" in step:
            rule = t("mapping_rule_in", lang, column=code(step["column"]),
                     values=", ".join(code(v) for v in step["in"]))
        else:
            rule = t("mapping_rule_pattern", lang, column=code(step["column"]), pattern=code(step["pattern"]))
        return t("mapping_step_filter", lang, n=n, rule=rule)
    if kind in ("pattern", "exclude"):
        return t(f"mapping_step_{kind}", lang, n=n, column=code(step["column"]), pattern=code(step["pattern"]))
    return t("mapping_step_not_listed" if step.get("listed") else "mapping_step_outside", lang, n=n,
             column=code(step["column"]))


def preview_said(mapped: MappedSource, framework: dict, lang: str, limit: int = 20) -> pd.DataFrame:
    """The first `limit` observations as they will be stored, in the page's words: the file's row and
    column, the indicator and the territory with their names, the period, the value as a number in the
    page's format (`90 458,97`, the flag written after it in the file read apart) and its flag in words."""
    from ..changes import cell_text, code_names, flag_words

    preview = mapped.preview().head(limit)
    if preview.empty:
        return pd.DataFrame()
    sheet = mapped.sheet
    # as the import reads them: `12,5 %` of an indicator in % is 12.5 (a sign that is not the unit is a problem)
    values = parse_numbers(preview["value"].astype(str), sheet.decimal if sheet is not None else ".", units=True)[0]
    names = {c: code_names(framework, c, lang) for c in ("indicator_id", "territory_id")}

    def named(column: str, code: str) -> str:
        name = names[column].get(code)
        return f"{code} · {name}" if name else code

    return pd.DataFrame({
        t("row", lang): [str(int(r)) for r in preview["row"]],
        t("column", lang): preview["column"].astype(str).tolist(),
        t("indicator", lang): [named("indicator_id", c) for c in preview["indicator_id"].astype(str)],
        t("territory", lang): [named("territory_id", c) for c in preview["territory_id"].astype(str)],
        t("period", lang): preview["period"].astype(str).tolist(),
        t("value", lang): [cell_text("value", v, lang) for v in values],
        t("flag", lang): [flag_words(f, lang) for f in preview["flag"]],
    })
