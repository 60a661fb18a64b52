"""Every heading a page draws names its anchor (or has none).

Without one, Streamlit's frontend makes the anchor itself from the heading's text, with a transliteration
that walks ~1,000 replacements for every heading of every rerun: ~20 ms of the browser's main thread each,
0.23 s of the Overview's 1.0 s of JavaScript per load (a CDP profile, stop 32); with anchors, 0.03 s.
An anchor also stays the same link in French, Dutch and English.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADINGS = {"title", "header", "subheader"}


def heading_calls(path: Path) -> list[tuple[int, bool]]:
    """(line, has an `anchor` keyword) of every `<something>.title/header/subheader(...)` call."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in HEADINGS:
            owner = node.func.value
            # st.title(...), st.sidebar.subheader(...), a column's `left.header(...)`; not str.title()
            if isinstance(owner, ast.Name) and owner.id in {"str"} or isinstance(owner, ast.Constant):
                continue
            if node.args or any(k.arg == "body" for k in node.keywords):
                found.append((node.lineno, any(k.arg == "anchor" for k in node.keywords)))
    return found


def test_the_check_sees_a_heading_without_its_anchor(tmp_path):
    page = tmp_path / "page.py"
    page.write_text('import streamlit as st\nst.subheader("Carte")\nst.title("x", anchor="x")\n"abc".title()\n')
    assert heading_calls(page) == [(2, False), (3, True)]


def test_every_heading_of_every_page_names_its_anchor():
    files = sorted((ROOT / "pages").glob("*.py")) + [ROOT / "app.py"]
    calls = {f.name: heading_calls(f) for f in files}
    assert sum(len(c) for c in calls.values()) >= 20   # the pages' headings are seen at all
    missing = [f"{name}:{line}" for name, found in calls.items() for line, anchored in found if not anchored]
    assert missing == []
