"""Templates and the column reference, derived from the schema.

`template(table)` is a one-row example file a planner can fill in; its example row says in one of its
cells that it is one, and the import leaves that row out (`leave_out_examples`): a planner who fills the
template below it, or leaves it in, never stores the example as data.
`column_reference()` writes the Markdown tables of docs/data-format.md, so the
documentation cannot drift from what the reader accepts (a test checks it).
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .schema import COUNTRIES, FLAGS, INTEGER, MISSING_MARKERS, NUMBER, PERIOD, TABLES, Table


# The header of a template's notes sheet, in each language (is_notes_sheet recognises it on upload).
NOTES_HEAD = {"fr": ("colonne", "statut", "valeurs admises", "explication"),
              "nl": ("kolom", "status", "toegestane waarden", "uitleg"),
              "en": ("column", "status", "allowed values", "explanation")}


def is_notes_sheet(sheet: str | None, columns: list) -> bool:
    """True for a workbook sheet whose header is a template's notes header, in any language."""
    found = tuple(str(c).strip().lower() for c in columns)
    return sheet is not None and found in NOTES_HEAD.values()


# The column of each table's example row that says, in the planner's language, that the row is an example
# ("Exemple : remplacez ou supprimez cette ligne"): an optional text column the example leaves empty. Real
# data never holds that text, so the row is recognised on import even where its values are a plausible
# real row (a partner MEL, a level `border`), and an export of stored rows is never mistaken for it.
EXAMPLE_MARK = {"levels": "name_en", "themes": "name_en", "partners": "name_en", "actions": "description_en",
                "indicators": "definition_en", "territories": "name_en", "targets": "note",
                "observations": "note", "flows": "note", "action_updates": "next_steps"}
# A template downloaded before its example row carried that text is recognised by its values alone where
# they fill this many cells or more (observations, targets, territories…: no real row is all of them);
# the example of a level, a theme or a partner (3 or 4 cells) may be a real row, and is not.
UNMARKED_CELLS = 5


def template(table: str, typed: bool = False, lang: str = "fr") -> pd.DataFrame:
    """The table's columns with one example row: as text written the French way (`2,1`) for a CSV, or
    `typed` with numbers as numbers for a workbook, where a text `50,633` would read as fifty thousand.
    The example row says in `lang` that it is one (EXAMPLE_MARK)."""
    from .i18n import t as text

    t = TABLES[table]
    row = {c.name: _typed(c.example, c.kind) if typed else c.example for c in t.columns}
    row[EXAMPLE_MARK[table]] = text("template_example_mark", lang)
    return pd.DataFrame([row], columns=t.names)


def _marks() -> list[str]:
    from .i18n import LANGS, t as text

    return [text("template_example_mark", lang) for lang in LANGS]


def _said(value) -> str | None:
    """A cell compared with the example's: numbers as numbers, text trimmed, in any case and spacing."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, (int, float, np.number)):
        return repr(float(value))
    text = re.sub(r"\s+", " ", str(value)).strip().casefold()
    return text or None


def _example(table: Table) -> dict[str, str | None]:
    """The example row as the import reads it (`2,1` is 2.1, a flag `p`), each cell as `_said` says it."""
    from .parsing import parse_period

    out = {}
    for c in table.columns:
        value = c.example
        if c.kind in (NUMBER, INTEGER) and value:
            value = float(value.replace(",", "."))
        elif c.kind == PERIOD and value:
            value = parse_period(value) or value
        out[c.name] = _said(value)
    return out


def leave_out_examples(frame: pd.DataFrame, table: Table, columns, label: str, written: dict[str, str]):
    """(frame, problems): the parsed rows of a sheet without the template's example rows, each said by a
    notice naming its row ("the template's example row, left out"). An example row is one whose mark cell
    holds the example's text (in any language) and whose other cells, of the columns the file has, are the
    example's; or, in a file with every column of the table and no mark, one that is the example in every
    cell where the example fills UNMARKED_CELLS or more (a template downloaded before the mark). A row with
    the mark and other values is the planner's own row written over the example: it is kept, the mark is
    not stored. `columns` are the canonical columns the file has, `written` their headers as written."""
    from .problems import Problem, capped

    mark = EXAMPLE_MARK[table.name]
    present = [c for c in table.names if c in set(columns) and c in frame.columns]
    if not len(frame) or not present:
        return frame, []
    example = _example(table)
    # The rows that may be the example, found without a Python step per row (a file of a million rows):
    # those holding the mark as the template writes it, and, for a template without the mark, those
    # whose first key is the example's.
    marked = np.zeros(len(frame), bool)
    if mark in present:
        # Only the filled mark cells are looked up: most rows leave the note empty, and hashing a million
        # empty cells cost 0.05 s of bench/ingest.py's validation.
        filled = np.flatnonzero(frame[mark].notna().to_numpy(dtype=bool))
        marked[filled] = frame[mark].iloc[filled].isin(_marks()).to_numpy(dtype=bool)
    old = set(table.names) <= set(present) and sum(v is not None for v in example.values()) >= UNMARKED_CELLS
    first = table.key[0]
    maybe = marked | ((frame[first].to_numpy(dtype=object) == table.column(first).example)
                      & frame[mark].isna().to_numpy(dtype=bool) if old else False)
    at = np.flatnonzero(maybe)
    same = np.zeros(len(frame), dtype=bool)
    same[at] = [all(_said(frame[c].iat[i]) == example[c] for c in present if c != mark) for i in at]
    unmarked = same & ~marked if old else np.zeros(len(frame), dtype=bool)
    left_out = (same & marked) | unmarked
    kept_mark = marked & ~same
    rows = frame["_row"].to_numpy(dtype=np.int64)
    said = ", ".join(table.column(c).example for c in table.key if table.column(c).example)
    problems = capped(label, None, "template_example_row", rows[left_out], lambda i, at=rows[left_out]: Problem(
        label, int(at[i]), None, None, "template_example_row", {"row": int(at[i]), "example": said},
        severity="notice"), severity="notice")
    if kept_mark.any():
        at = rows[kept_mark]
        where = written.get(mark, mark)
        cells = frame[mark].to_numpy(dtype=object)[kept_mark]
        problems += capped(label, where, "template_example_mark", at, lambda i: Problem(
            label, int(at[i]), where, str(cells[i]), "template_example_mark",
            {"row": int(at[i]), "column": where, "mark": str(cells[i])}, severity="notice"), severity="notice")
        frame = frame.copy()
        frame.loc[kept_mark, mark] = None
    if left_out.any():
        frame = frame[~left_out].reset_index(drop=True)
    return frame, problems


def _typed(example: str, kind: str):
    if kind not in (NUMBER, INTEGER) or not example:
        return example
    number = float(example.replace(",", "."))
    return int(number) if kind == INTEGER or number.is_integer() else number


# The country column takes 251 codes: said as what they are, with the usual ones.
COUNTRY_EXAMPLES = ("FR", "BE", "DE", "LU", "NL", "CH")


def allowed_said(col, code=str) -> str:
    """A column's allowed values as a notes sheet or the docs list them (`code` writes one)."""
    if col.allowed is COUNTRIES:
        return f"ISO 3166-1 alpha-2 ({', '.join(code(c) for c in COUNTRY_EXAMPLES)}…), {code('EU')}"
    return ", ".join(code(a) for a in col.allowed or ())


def notes(table: str, lang: str) -> list[tuple[str, str, str, str]]:
    """(column, required?, allowed values, explanation) in the user's language, for a notes sheet."""
    t = TABLES[table]
    word = {"fr": ("obligatoire", "facultative"), "nl": ("verplicht", "optioneel"), "en": ("required", "optional")}[lang]
    rows = [NOTES_HEAD[lang]]
    for c in t.columns:
        rows.append((c.name, word[0] if c.required else word[1], allowed_said(c), t.help(c.name, lang)))
    return rows


def column_reference() -> str:
    """Markdown: one section per table with every column, its kind, aliases and an example."""
    out = []
    for t in TABLES.values():
        out.append(f"### `{t.name}` ({t.label_fr} / {t.label_nl})\n")
        out.append(f"Key: {', '.join(f'`{k}`' for k in t.key)}.\n")
        out.append("| column | required | kind | French and Dutch aliases | allowed values | example | meaning |")
        out.append("|---|---|---|---|---|---|---|")
        for c in t.columns:
            aliases = ", ".join(f"`{a}`" for a in c.aliases) or "–"
            allowed = allowed_said(c, lambda a: f"`{a}`") if c.allowed else (
                ("the flags below, letters combined (`bp`)" if c.pattern_problem == "bad_flag"
                 else "`YYYY-S1`, `YYYY-S2` or `YYYY`" if c.pattern_problem == "bad_semester" else "–")
                if c.pattern else "–")
            out.append(f"| `{c.name}` | {'yes' if c.required else 'no'} | {c.kind} | {aliases} | {allowed} | "
                       f"{c.example or '–'} | {c.help_en} |")
        out.append("")
    out.append("### Flags\n")
    out.append("| flag | English | français | Nederlands |")
    out.append("|---|---|---|---|")
    for code, words in FLAGS.items():
        out.append(f"| `{code}` | {words['en']} | {words['fr']} | {words['nl']} |")
    out.append("")
    out.append("Cells meaning *no value* (never stored as zero): "
               + ", ".join(f"`{m}`" if m else "empty" for m in MISSING_MARKERS) + ".\n")
    return "\n".join(out)


# ---------------------------------------------------------------- the flows a partner owes

def due_flow_ids(due: pd.DataFrame, observations: pd.DataFrame, targets: pd.DataFrame | None,
                 flows: pd.DataFrame | None) -> list[str]:
    """The indicators of a partner's list of what is due (`partners.due`) measured only as flows, origin ->
    destination: they go in a flows table (`due_flows`), not in the observations one (`partners.due_download`)."""
    from .partners import apart

    wanted = {i for i in due["indicator_id"] if isinstance(i, str)}
    return [i for i in apart(due, observations, targets, flows) if i in wanted]


def due_flows(due: pd.DataFrame, lang: str, framework: dict[str, pd.DataFrame], observations: pd.DataFrame,
              flows: pd.DataFrame | None) -> pd.DataFrame:
    """The flows a partner owes as a flows table to fill in and send back, as its observations are (DESIGN:
    every download is in the import format, codes first): one row per due flow indicator (`due_flow_ids`),
    origin -> destination pair it has flows for and period due, `value` empty. Then, in `lang`, in extra
    columns the import ignores with a notice: the names of the indicator and of both ends, the value's unit,
    the periodicity, the latest period held, how far behind and the state. Rows left empty are "no value"
    rows, skipped with a notice; a contributor sends the file on the Contributions page."""
    from .i18n import name as local_name
    from .i18n import t
    from .units import unit_of

    ids = set(due_flow_ids(due, observations, framework.get("targets"), flows))
    wanted = due[due["indicator_id"].map(lambda i: isinstance(i, str) and i in ids)]
    pairs: dict[str, list[tuple[str, str]]] = {}
    if flows is not None and len(flows):
        part = flows[flows["indicator_id"].astype(str).isin(ids)]
        ends = zip(part["indicator_id"].astype(str), part["origin_id"], part["destination_id"])
        for iid, origin, destination in ends:
            pairs.setdefault(iid, []).append((str(origin), str(destination)))
    places = framework.get("territories")
    place_names = {str(r["territory_id"]): local_name(r, "name", lang)
                   for r in (places.to_dict("records") if places is not None else [])}
    units = {str(r["indicator_id"]): unit_of(r, lang) for r in framework["indicators"].to_dict("records")}
    rows = []
    for r in wanted.to_dict("records"):
        iid = str(r["indicator_id"])
        behind = r.get("periods_behind")
        for period in r.get("periods_due") or [None]:             # a period's pairs together, as a planner
            for origin, destination in sorted(set(pairs.get(iid, []))):   # fills in one year's table
                rows.append({
                    "indicator_id": iid, "origin_id": origin, "destination_id": destination, "period": period,
                    "value": None, "flag": None, "note": None,
                    t("download_indicator_name", lang): r.get("name") or "",
                    t("download_origin_name", lang): place_names.get(origin, ""),
                    t("download_destination_name", lang): place_names.get(destination, ""),
                    t("partner_due_unit", lang): units.get(iid, ""),
                    t("periodicity_label", lang): t(f"periodicity_{r['periodicity']}", lang)
                    if isinstance(r.get("periodicity"), str) and r["periodicity"] else "",
                    t("partner_latest_period", lang): r.get("latest_period") or "",
                    t("partner_periods_behind", lang): "" if behind is None or pd.isna(behind) else int(behind),
                    t("partner_state", lang): t(f"fresh_{r['state']}", lang),
                })
    columns = ["indicator_id", "origin_id", "destination_id", "period", "value", "flag", "note",
               *(t(k, lang) for k in ("download_indicator_name", "download_origin_name", "download_destination_name",
                                      "partner_due_unit", "periodicity_label", "partner_latest_period",
                                      "partner_periods_behind", "partner_state"))]
    return pd.DataFrame(rows, columns=columns)


def due_flows_file_name(partner_id: str, lang: str) -> str:
    """The flows CSV's name: the list's own (`partners.due_file_name`) with the table's word in `lang`."""
    from .i18n import t
    from .partners import due_file_name

    return due_file_name(partner_id, lang, "csv")[:-len(".csv")] + f"_{t('partner_due_flows_file', lang)}.csv"


def due_workbook(sheets: dict[str, pd.DataFrame]) -> bytes:
    """A workbook of the sheets that hold rows (the first one when none does), each named as its table and
    written as downloads.to_xlsx writes one: a file mixing observations and flows imports as two tables."""
    from .downloads import to_workbook

    return to_workbook({name: frame for name, frame in sheets.items() if len(frame)} or dict(list(sheets.items())[:1]))
