"""User text made safe for the pages' Markdown: shown as written, never as a link, an image, HTML or
a broken table. Plain strings in and out (no Streamlit)."""
from __future__ import annotations

import pandas as pd


def md_code(value, limit: int = 200) -> str:
    """Untrusted text as a Markdown code span: shown literally, never as a link, an image or emphasis;
    cut to `limit` characters (an ellipsis says it was)."""
    import re

    text = " ".join(str(value).split())
    text = text if len(text) <= limit else text[:limit - 1] + "…"
    fence = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    return f"{fence} {text} {fence}"


def plain_markdown(text: str) -> str:
    """Stored Markdown (descriptions, definitions) without images or links: an image would make every
    reader's browser fetch a remote address, a link could mimic the app's own notices. Their words stay."""
    import re

    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", str(text))          # ![alt](url) -> alt
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)               # [words](url) -> words
    text = re.sub(r"^\s*\[[^\]]+\]:\s*\S+.*$", "", text, flags=re.M)   # reference definitions
    text = re.sub(r"<(https?://[^>]*)>", r"\1", text)                    # <http://…> autolinks
    # Bare addresses would be linked by GitHub-flavoured Markdown: a zero-width space keeps them text.
    text = text.replace("://", ":\u200b//").replace("www.", "www\u200b.")
    return text.replace("<", "&lt;")


def md_table(header: list[str], rows: list[list[str]], align: str) -> str:
    """A Markdown table: `header` and `rows` of cells already made safe (md_cell, md_code or badges),
    `align` one letter per column (l, r). A short table drawn as Markdown costs the browser one text
    element; as a dataframe it loads and starts the data grid: the demo Overview's two short tables as
    dataframes cost a returning user 0.14 s and a first visit 0.25 s (2.29 against 2.16 s, 2.53 against
    2.28 s, medians of 7 loads of each variant, alternated)."""
    rule = {"l": ":--", "r": "--:"}
    lines = ["| " + " | ".join(md_cell(h) for h in header) + " |", "|" + "|".join(rule[a] for a in align) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def md_text(value) -> str:
    """Untrusted words (a user's name, a note) for a Markdown table cell: no link, image or HTML."""
    return md_cell(plain_markdown(value)) if isinstance(value, str) else md_cell(value)


def md_cell(value) -> str:
    """User text made safe for one cell of a Markdown table: a "|" or a line break would end it."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "–"
    return " ".join(str(value).replace("|", "\\|").split()) or "–"
