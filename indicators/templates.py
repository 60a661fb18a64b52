"""Templates and the column reference, derived from the schema.

`template(table)` is a one-row example file a planner can fill in;
`column_reference()` writes the Markdown tables of docs/data-format.md, so the
documentation cannot drift from what the reader accepts (a test checks it).
"""
from __future__ import annotations

import pandas as pd

from .schema import FLAGS, MISSING_MARKERS, TABLES


def template(table: str) -> pd.DataFrame:
    """The table's columns with one example row."""
    t = TABLES[table]
    return pd.DataFrame([{c.name: c.example for c in t.columns}], columns=t.names)


def notes(table: str, lang: str) -> list[tuple[str, str, str, str]]:
    """(column, required?, allowed values, explanation) in the user's language, for a notes sheet."""
    t = TABLES[table]
    word = {"fr": ("obligatoire", "facultative"), "nl": ("verplicht", "optioneel"), "en": ("required", "optional")}[lang]
    head = {"fr": ("colonne", "statut", "valeurs admises", "explication"),
            "nl": ("kolom", "status", "toegestane waarden", "uitleg"),
            "en": ("column", "status", "allowed values", "explanation")}[lang]
    rows = [head]
    for c in t.columns:
        rows.append((c.name, word[0] if c.required else word[1], ", ".join(c.allowed or ()), t.help(c.name, lang)))
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
            allowed = ", ".join(f"`{a}`" for a in c.allowed) if c.allowed else (
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
