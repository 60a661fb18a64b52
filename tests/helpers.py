"""Small helpers shared by the tests."""
from __future__ import annotations

import io
import re
import string
import zipfile
from pathlib import Path

from indicators.exporting import export_frames, to_csv_bytes
from indicators.importing import import_files
from indicators.store import open_store

CORPUS = Path(__file__).parent / "corpus"
FRAMEWORK = sorted((CORPUS / "framework").glob("*.csv"))


def store_with_framework(url: str):
    engine = open_store(url)
    outcome = import_files(engine, FRAMEWORK, user="test")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems]
    return engine


def snapshot(engine) -> dict[str, bytes]:
    """Every table exported as CSV bytes: two equal snapshots mean an unchanged store."""
    return {name: to_csv_bytes(frame) for name, frame in export_frames(engine).items()}


def write(tmp_path: Path, name: str, text: str | bytes, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
    return path


def markdown_table(at, column: str):
    """The page's Markdown table (an AppTest run) that has `column`, as a frame of its cells."""
    import pandas as pd

    for element in at.markdown:
        lines = [line for line in element.value.splitlines() if line.startswith("|")]
        if len(lines) > 2 and f"| {column} |" in lines[0] + " |":
            cells = [[c.strip() for c in line.strip("|").split(" | ")] for line in lines]
            return pd.DataFrame(cells[2:], columns=cells[0])
    raise AssertionError(f"no table with a column {column!r}")


def workbook(sheets: dict[str, list[list]], formats: dict[tuple[str, str], str] | None = None) -> bytes:
    """The bytes of an XLSX of `sheets` (title -> rows; None an empty cell), the cells of `formats`
    ((title, "A2") -> number format) formatted."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    for (title, at), fmt in (formats or {}).items():
        book[title][at].number_format = fmt
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def zip_of(members: dict[str, str]) -> bytes:
    """The bytes of a ZIP archive holding `members` (name -> text)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def rendered(md: str) -> str:
    """The text a CommonMark reader (Streamlit's Markdown) shows for `md`, for what user text holds: a backslash
    before an ASCII punctuation mark shows the mark itself, a zero-width space shows nothing; an unescaped `*`,
    `_`, `` ` ``, `[`, `]`, `<`, `>`, `$`, `~`, `&`, `://` or `:` before a letter would be read as markup
    (emphasis, a link, HTML, mathematics, an entity, an address turned into a link, Streamlit's `:red[…]`):
    refused. (tests/browser/test_literal_markdown_q32.py checks the same in Streamlit's own page.)"""
    out, i = [], 0
    while i < len(md):
        if md[i] == "\\" and i + 1 < len(md) and md[i + 1] in string.punctuation:
            out.append(md[i + 1])
            i += 2
            continue
        assert md[i] not in "*_`[]<>$~&" and md[i:i + 3] != "://" and not re.match(r":[A-Za-z]", md[i:i + 2]), \
            f"{md[i]!r} would be Markdown at {i}: {md}"
        out.append(md[i])
        i += 1
    return "".join(out).replace("\u200b", "")
