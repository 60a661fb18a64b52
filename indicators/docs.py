"""The user documentation shown in the dashboard, in the chosen language.

docs/methodology.md is the English text (its worked examples are tests);
docs/methodology.fr.md and docs/methodology.nl.md are its translations.
"""
from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"
_MACHINE_BLOCK = re.compile(r"```(?:example|rollup)[^\n]*\n(.*?)```", re.S)


def methodology_path(lang: str) -> Path:
    translated = DOCS / f"methodology.{lang}.md"
    return translated if lang != "en" and translated.exists() else DOCS / "methodology.md"


def methodology_text(lang: str) -> str:
    text = methodology_path(lang).read_text(encoding="utf-8")
    return _MACHINE_BLOCK.sub(lambda m: example_list(m.group(1)), text)


def example_list(block: str) -> str:
    """A worked example's `field: value` lines as a list with the values in inline code.

    Fenced code would read the same, but Streamlit draws fenced blocks with its syntax highlighter,
    whose chunk took 0.38 s of the Methodology page's 2 s in the browser (CDP profile)."""
    items = []
    for line in block.strip().splitlines():
        field, _, value = line.partition(":")
        items.append(f"- {field.strip()}: `{value.strip()}`" if value.strip() else f"- `{line.strip()}`")
    return "\n".join(items) + "\n"
