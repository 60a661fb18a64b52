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


# What Markdown reads as markup anywhere in a line (emphasis, code, strike-through, links, images, HTML,
# entities, mathematics, tables), and at a line's start (a heading, a list, a quote, a rule).
_INLINE = r"([\\`*_~\[\]<>&$|])"
_LINE_START = r"^([#+\-=>]|\d+(?=[.)]))"


def literal(value) -> str:
    """User or file words (a name, an e-mail, a file name, a note, a code) shown exactly as written inside
    the pages' Markdown (st.markdown, st.error, st.caption…): a backslash before each mark Markdown would
    read (CommonMark shows an escaped mark as itself), so that `_ana_`, `*x*`, `[a](b)`, `<b>`, `$x$` or
    Streamlit's `:red[x]` are never emphasis, a link, HTML, mathematics or a colour; `http://`, `www.` and
    `:smile:`, which Streamlit turns into a link or an emoji whatever the escapes, hold a zero-width space
    (as plain_markdown does for addresses); line breaks as spaces (a line break would start a list or a
    heading). An e-mail address stays one (Streamlit links it, as written). For stored Markdown meant to be
    formatted, plain_markdown."""
    import re

    text = " ".join(str(value).split()) if isinstance(value, str) else str(value)
    text = re.sub(_INLINE, r"\\\1", text)
    text = text.replace("://", ":\u200b//").replace("www.", "www\u200b.")
    text = re.sub(r":(?=[\w+\-/]+:)", ":\u200b", text)        # :smile:, :material/home:
    text = re.sub(r":(?=[A-Za-z])", r"\\:", text)                 # :red[…], :blue-background[…]
    return re.sub(_LINE_START, lambda m: "\\" + m.group(1) if not m.group(1).isdigit() else m.group(1) + "\\",
                  text)


def literal_params(params: dict, lang: str) -> dict:
    """A text's parameters for Markdown: every piece of text `literal` (a moment, `when`, first in the
    reader's words: i18n.moment), numbers as they are (a plural's `n` stays a number)."""
    from indicators.i18n import moment

    out = {}
    for key, value in params.items():
        if key == "when":
            value = moment(value, lang)
        out[key] = literal(value) if isinstance(value, str) else value
    return out


def said(key: str, lang: str, **params) -> str:
    """`t(key, lang, **params)` for a page's Markdown, its parameters shown as written (`literal_params`)."""
    from indicators.i18n import t

    return t(key, lang, **literal_params(params, lang))


def error_said(exc, lang: str) -> str:
    """A refusal of the engine (StoreError: a rollback refused naming submissions, e-mails and batches; an
    import refused; an account that exists) in the page's Markdown, the names, e-mails, files and codes it
    holds shown as written (`literal`), said by its own `text` (a role, a state, a partner in words, as the
    command line says them: `t` alone would show their codes)."""
    import copy

    from indicators.i18n import TEXTS

    if getattr(exc, "key", None) not in TEXTS:
        return literal(str(exc))
    shown = copy.copy(exc)
    shown.params = literal_params(getattr(exc, "params", {}), lang)
    return shown.text(lang)


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
    """Untrusted words (a user's name, a note) for a Markdown table cell: no link, image or HTML, and no
    emphasis, strike-through, code or mathematics either (`_ana_`, `*x*`, `$x$` shown as written)."""
    import re

    if not isinstance(value, str):
        return md_cell(value)
    return md_cell(re.sub(r"([\\*_~`$])", r"\\\1", plain_markdown(value)))


def md_cell(value) -> str:
    """User text made safe for one cell of a Markdown table: a "|" or a line break would end it."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "–"
    return " ".join(str(value).replace("|", "\\|").split()) or "–"
