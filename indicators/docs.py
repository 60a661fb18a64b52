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


_DOCS_ONLY = re.compile(r"<!-- docs-only -->.*?<!-- /docs-only -->", re.S)


def methodology_text(lang: str) -> str:
    """The page's text: the worked examples as lists in the page's words, no code names (see
    indicators/methodology_view.py), numbers in the page's format."""
    from .i18n import t
    from .methodology_view import planner_text

    text = methodology_path(lang).read_text(encoding="utf-8")
    # what only the file's reader needs (its example blocks stay in code words; the page lists them in
    # the page's words): `<!-- docs-only -->…<!-- /docs-only -->` is left out of the page
    text = _DOCS_ONLY.sub("", text)
    # an action's example names its indicators' examples by the page's numbers, not their code names
    number = {name: i + 1 for i, name in enumerate(re.findall(r"```example name=(\S+)", text))}

    def listed(m: re.Match) -> str:
        block = re.sub(r"^(indicators:)(.*)$", lambda f: f[1] + " " + ", ".join(
            t("example_number", lang, n=number[x.strip()]) if x.strip() in number else x.strip()
            for x in f[2].split(",")), m.group(1), flags=re.M)
        return example_list(block, lang)

    return planner_text(_MACHINE_BLOCK.sub(listed, text), lang)


def example_value(field: str, value: str, lang: str) -> str:
    """A worked example's value as the page shows it (a status or direction in words, `none` as a dash)."""
    from .i18n import TEXTS, t
    from .methodology_view import _words

    value = value.strip()
    if value == "none":
        return "–"
    if f"direction_{value}" in TEXTS and field == "direction":
        return t(f"direction_{value}", lang)
    return _words(value, lang) or value


def example_list(block: str, lang: str = "en") -> str:
    """A worked example's `field: value` lines as a list: the field named in the page's language, the value
    in inline code (statuses and directions in words).

    Fenced code would read the same, but Streamlit draws fenced blocks with its syntax highlighter,
    whose chunk took 0.38 s of the Methodology page's 2 s in the browser (CDP profile)."""
    from .methodology_view import field_name

    items = []
    for line in block.strip().splitlines():
        field, _, value = line.partition(":")
        if value.strip():
            items.append(f"- {field_name(field.strip(), lang)}: `{example_value(field.strip(), value, lang)}`")
        else:
            items.append(f"- `{line.strip()}`")
    return "\n".join(items) + "\n"
