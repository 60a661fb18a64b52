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


@pytest.mark.parametrize("lang", ["en", *LANGS])
def test_the_page_shows_each_block_as_a_list_of_its_fields(lang):
    """The dashboard shows the blocks' fields as a list, and the formulas are inline code: a code
    block loads Streamlit's syntax highlighter, half a second in the browser (CDP profile of the
    Methodology page). Every field and value is still there."""
    from indicators.docs import methodology_text

    shown = methodology_text(lang)
    assert "```" not in shown
    lines = shown.splitlines()
    indented_code = [b for a, b in zip(lines, lines[1:]) if not a.strip() and re.match(r"( {4}| {7})\S", b)]
    assert not indented_code, "an indented code block loads the syntax highlighter too"
    from indicators.docs import example_value
    from indicators.i18n import TEXTS
    from indicators.i18n import t
    from indicators.methodology_view import field_name, planner_text

    for block in MACHINE_RE.finditer(_text(lang) if lang != "en" else ENGLISH):
        for line in block.group(0).splitlines()[1:-1]:
            field, _, value = line.partition(":")
            if field.strip() == "indicators":   # an action's indicators: the examples by their number
                names = re.findall(r"```example name=(\S+)", _text(lang) if lang != "en" else ENGLISH)
                value = ", ".join(t("example_number", lang, n=names.index(x.strip()) + 1) for x in value.split(","))
            # the field in the page's words, its value in the page's format (a status in words)
            item = planner_text(f"- {field_name(field.strip(), lang)}: `{example_value(field.strip(), value, lang)}`",
                                lang)
            assert item in shown, (line, item)
            assert f"field_{field.strip()}" in TEXTS, f"no {lang} name for the field {field.strip()!r}"


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_page_names_no_code_and_writes_numbers_in_its_language(lang):
    """For planners: no status or reason code (`on_track`…), and in French and Dutch no decimal point."""
    from indicators.docs import methodology_text
    from indicators.progress import REASONS, STATUSES

    shown = methodology_text(lang)
    for code in (*STATUSES, *REASONS):
        if "_" in code:
            assert not re.search(rf"(?<![\w-]){code}(?![\w-])", shown), code
    if lang != "en":
        spans = re.findall(r"`([^`]+)`", shown)
        assert spans and not [s for s in spans if re.search(r"\d\.\d", s)], spans[:5]
        assert "0,0147" in shown       # a worked example's growth, written the page's way


def test_each_pictured_series_has_the_status_it_illustrates():
    """The Methodology page's pictures: each made-up series is judged by the product, not labelled by hand."""
    from indicators.methodology_view import PICTURED, pictured_status, status_pictures

    assert {status: pictured_status(status) for status in PICTURED} == {s: s for s in PICTURED}
    fig = status_pictures("fr")
    assert [a.text.replace("<br>", " ") for a in fig.layout.annotations][:len(PICTURED)] == [
        "✔ Cible atteinte", "▲ En bonne voie", "► Accélération nécessaire", "▼ Progrès limité", "✖ Dégradation"]
    assert fig.layout.separators == ", " and fig.layout.yaxis.title.text == "Valeur (base 100)"


def test_the_pictures_year_labels_fit_their_small_panels():
    """Five panels side by side: at a laptop's width each holds ~90 px of axis, where three year labels
    (2015, 2020, 2025) ran into each other; the panels carry as many labels as fit one of them."""
    from indicators.charts.look import NARROW_CHART_PX, YEAR_LABEL_PX
    from indicators.methodology_view import PICTURED, status_pictures

    fig = status_pictures("nl")
    axes = [fig.layout[f"xaxis{i if i > 1 else ''}"] for i in range(1, len(PICTURED) + 1)]
    panel = NARROW_CHART_PX / len(PICTURED)
    for axis in axes:
        ticks = list(axis.tickvals)
        assert 2 <= len(ticks) and len(ticks) * YEAR_LABEL_PX <= panel, ticks
        assert ticks[0] >= axis.range[0] and ticks[-1] <= axis.range[1]
    for title in fig.layout.annotations[:len(PICTURED)]:   # nor their titles over each other
        assert max(len(line) for line in title.text.split("<br>")) * 7 <= panel, title.text


@pytest.mark.parametrize("lang", ["en", *LANGS])
def test_the_text_itself_is_written_for_planners(lang):
    """Outside the worked examples' data blocks (the tests' input, shown as lists in words), the text a
    planner reads names statuses, reasons and directions in words, and writes its formulas with the
    language's decimal sign: no code name to translate in the reader's head."""
    from indicators.progress import REASONS, STATUSES

    path = DOCS / ("methodology.md" if lang == "en" else f"methodology.{lang}.md")
    prose = MACHINE_RE.sub("", path.read_text(encoding="utf-8"))
    codes = [c for c in (*STATUSES, *REASONS) if "_" in c] + ["opensdg", "method=", "--method"]
    found = [c for c in codes if c in prose]
    assert not found, f"{lang}: code names in the text: {found}"
    spans = re.findall(r"`([^`\n]+)`", prose)
    assert not [s for s in spans if s.strip() in (*STATUSES, *REASONS, "increase", "decrease")], lang
    if lang != "en":
        points = [s for s in spans if re.search(r"\d\.\d", s)]
        assert not points, f"{lang}: decimal points in formulas: {points[:3]}"


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_page_leaves_out_what_only_the_files_say_of_their_blocks(lang):
    """The files' blocks stay in code words ('none', English field names) and the files say so; the page
    lists them in its own words, so those sentences (marked docs-only) are not on it: the French page
    said 'Les blocs restent en anglais' above blocks in French."""
    from indicators.docs import methodology_path, methodology_text

    source = methodology_path(lang).read_text(encoding="utf-8")
    hidden = re.findall(r"<!-- docs-only -->(.*?)<!-- /docs-only -->", source, flags=re.S)
    assert hidden and any("none" in h for h in hidden)
    shown = methodology_text(lang)
    assert "docs-only" not in shown
    for part in hidden:
        assert part.strip()[:30] not in shown, part
