"""docs/methodology.fr.md and docs/methodology.nl.md follow docs/methodology.md.

The translations keep the English file's structure: the same fenced blocks (the ```example and
```rollup blocks byte for byte, since readers compare them with the English page), the same
headings, and the dashboard's words for the six statuses.
"""
from __future__ import annotations

import re

import pytest

from indicators.docs import methodology_path

from .conftest import ROOT

DOCS = ROOT / "docs"
ENGLISH = (DOCS / "methodology.md").read_text(encoding="utf-8")

FENCE_RE = re.compile(r"^```[^\n]*\n.*?^```[ \t]*$", re.M | re.S)
MACHINE_RE = re.compile(r"^```(example|rollup) name=([\w-]+)[ \t]*\n.*?^```[ \t]*$", re.M | re.S)
HEADING_RE = re.compile(r"^(#{1,3}) \S", re.M)

STATUS_WORDS = {
    "fr": ("cible atteinte", "en bonne voie", "accélération nécessaire", "progrès limité", "dégradation",
           "non évalué"),
    "nl": ("streefwaarde bereikt", "op koers", "versnelling nodig", "beperkte vooruitgang", "achteruitgang",
           "niet beoordeeld"),
}
LANGS = sorted(STATUS_WORDS)


def _text(lang: str) -> str:
    return (DOCS / f"methodology.{lang}.md").read_text(encoding="utf-8")


def _headings(text: str) -> dict[int, int]:
    outside = FENCE_RE.sub("", text)
    counts = {1: 0, 2: 0, 3: 0}
    for m in HEADING_RE.finditer(outside):
        counts[len(m.group(1))] += 1
    return counts


@pytest.mark.parametrize("lang", LANGS)
def test_the_translation_exists_and_is_the_one_the_dashboard_loads(lang):
    path = DOCS / f"methodology.{lang}.md"
    assert path.is_file()
    assert methodology_path(lang) == path


@pytest.mark.parametrize("lang", LANGS)
def test_the_translation_has_the_same_fenced_blocks(lang):
    text = _text(lang)
    assert len(FENCE_RE.findall(text)) == len(FENCE_RE.findall(ENGLISH))
    english = [(m.group(2), m.group(0)) for m in MACHINE_RE.finditer(ENGLISH)]
    translated = [(m.group(2), m.group(0)) for m in MACHINE_RE.finditer(text)]
    assert english, "the English file has no example block"
    assert [name for name, _ in translated] == [name for name, _ in english]
    for (name, block), (_, copy) in zip(english, translated):
        assert copy == block, f"{lang}: block {name} differs from the English one"


@pytest.mark.parametrize("lang", LANGS)
def test_the_translation_has_the_same_headings(lang):
    assert _headings(_text(lang)) == _headings(ENGLISH)


@pytest.mark.parametrize("lang", LANGS)
def test_the_translation_names_the_six_statuses_in_its_language(lang):
    text = _text(lang).casefold()
    missing = [word for word in STATUS_WORDS[lang] if word.casefold() not in text]
    assert not missing, f"{lang}: status words missing: {missing}"
