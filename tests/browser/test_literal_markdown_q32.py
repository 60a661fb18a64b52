"""Words shown as written in Streamlit's own Markdown (helper Q, stop 32, finding 2): what
`pages.safe_markdown.literal` and `said` make of names, e-mails, file names and codes, drawn by the real
frontend in Chromium. Streamlit reads some marks after CommonMark's escapes (`:red[…]` colours, `:smile:`
emojis, `www.` links), which only its page shows; tests/test_words_q32.py checks the pages' sources."""
from __future__ import annotations

import subprocess
import sys

import pytest

from ..conftest import ROOT, _free_port

WORDS = ["_ana_*x*[1]<b>@w.test", "**bold** [site](http://x.example) <img src=x> $x^2$ ~~no~~ `code`",
         ":red[red] :blue-background[b] :smile: :material/home: 14:05", "# heading", "- item", "12. item",
         "> quote", "a\\_b &lt; www.x.be", "outside-python 7 déc. 2026 à 15:28"]
CELL = "_ana_ *x* $y$ ~~s~~ `c` a|b [site](http://x.example)"   # a Markdown table's cell (md_text)
MARKUP = ("<a ", "<em", "<strong", "<h1", "<h2", "<h3", "<li", "<blockquote", "<code", "<del", "katex",
          "ColoredText", "Material Symbols", "<img", "<b>", "<table")

SCRIPT = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
import streamlit as st
from pages.safe_markdown import literal, md_table, md_text, said
st.markdown(md_table(["who", "n"], [[md_text({CELL!r}), "1"]], "lr"))
for words in {WORDS!r}:
    st.error(literal(words))
st.error(said("rollback_rests_on", "fr", batch=2, subs="5", who={WORDS[0]!r}, batches="3"))
st.caption(said("rollback_already_by", "nl", batch=2, when="2026-12-07T13:05:00+00:00", who={WORDS[1]!r}))
"""


@pytest.fixture(scope="module")
def words_page(tmp_path_factory):
    script = tmp_path_factory.mktemp("literal") / "words.py"
    script.write_text(SCRIPT, encoding="utf-8")
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
                             "--server.port", str(port), "--server.address", "127.0.0.1",
                             "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in proc.stdout:   # the server says when it listens
        if f":{port}" in line:
            break
    else:
        pytest.fail("streamlit did not start")
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(10)


def test_names_emails_and_codes_are_drawn_as_written_never_as_markup(words_page, browser):
    from indicators.i18n import t

    page = browser.new_page()
    try:
        page.goto(words_page)
        page.locator('[data-testid="stCaptionContainer"]').wait_for()
        errors = page.locator('[data-testid="stAlertContentError"]')
        assert errors.count() == len(WORDS) + 1
        for k, words in enumerate(WORDS):
            box = errors.nth(k)
            assert box.inner_text().replace("\u200b", "") == words
            assert not [tag for tag in MARKUP if tag in box.inner_html()], box.inner_html()
        refusal = errors.nth(len(WORDS))
        assert refusal.inner_text() == t("rollback_rests_on", "fr", batch=2, subs=5, who=WORDS[0], batches=3)
        assert not [tag for tag in MARKUP if tag in refusal.inner_html()]
        cell = page.locator("table td").first
        assert cell.inner_text().replace("\u200b", "") == "_ana_ *x* $y$ ~~s~~ `c` a|b site"   # the link's words
        assert not [tag for tag in MARKUP if tag != "<table" and tag in cell.inner_html()], cell.inner_html()
        caption = page.locator('[data-testid="stCaptionContainer"]')
        assert caption.inner_text().replace("\u200b", "") == t("rollback_already_by", "nl", batch=2,
                                                               when="7 dec 2026 om 14:05", who=WORDS[1])
        assert not [tag for tag in MARKUP if tag in caption.inner_html()]
    finally:
        page.close()
