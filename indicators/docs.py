"""The user documentation shown in the dashboard, in the chosen language.

docs/methodology.md is the English text (its worked examples are tests);
docs/methodology.fr.md and docs/methodology.nl.md are its translations.
"""
from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"
_EXAMPLE = re.compile(r"```example[^\n]*\n(.*?)```", re.S)


def methodology_path(lang: str) -> Path:
    translated = DOCS / f"methodology.{lang}.md"
    return translated if lang != "en" and translated.exists() else DOCS / "methodology.md"


def methodology_text(lang: str) -> str:
    text = methodology_path(lang).read_text(encoding="utf-8")
    # The machine-readable example blocks read as plain code blocks on screen.
    return _EXAMPLE.sub(lambda m: "```text\n" + m.group(1) + "```", text)
