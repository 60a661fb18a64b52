"""Templates and the column reference, derived from the schema.

`template(table)` is a one-row example file a planner can fill in;
`column_reference()` writes the Markdown tables of docs/data-format.md, so the
documentation cannot drift from what the reader accepts (a test checks it).
"""
from __future__ import annotations

import pandas as pd

from .schema import COUNTRIES, FLAGS, INTEGER, MISSING_MARKERS, NUMBER, TABLES


# The header of a template's notes sheet, in each language (is_notes_sheet recognises it on upload).
NOTES_HEAD = {"fr": ("colonne", "statut", "valeurs admises", "explication"),
              "nl": ("kolom", "status", "toegestane waarden", "uitleg"),
              "en": ("column", "status", "allowed values", "explanation")}


def is_notes_sheet(sheet: str | None, columns: list) -> bool:
    """True for a workbook sheet whose header is a template's notes header, in any language."""
    found = tuple(str(c).strip().lower() for c in columns)
    return sheet is not None and found in NOTES_HEAD.values()


def template(table: str, typed: bool = False) -> pd.DataFrame:
    """The table's columns with one example row: as text written the French way (`2,1`) for a CSV, or
    `typed` with numbers as numbers for a workbook, where a text `50,633` would read as fifty thousand."""
    t = TABLES[table]
    row = {c.name: _typed(c.example, c.kind) if typed else c.example for c in t.columns}
    return pd.DataFrame([row], columns=t.names)


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
