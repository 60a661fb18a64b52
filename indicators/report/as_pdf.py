"""The report as an A4 PDF: its HTML printed by headless Chromium (Python playwright), with page
numbers, date and scope in the footer; and `write`, which picks the format from a file's name."""
from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from .. import i18n
from ..i18n import t
from .as_html import e, render_html
from .content import FORMATS, Report, ReportError

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
PDF_TIMEOUT_MS = 180_000

def pdf_problem() -> str | None:
    """Why a PDF cannot be produced here (None when it can): Chromium or playwright missing."""
    if not Path(CHROMIUM).exists():
        return (f"Chromium was not found at {CHROMIUM}. Install Debian's package (apt-get install chromium) "
                "or set the CHROMIUM environment variable to its path.")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "The Python package playwright is not installed (pip install -r requirements.txt)."
    return None


def _footer(report: Report) -> str:
    lang = report.lang
    left = e(f"{report.title} · {report.scope}")
    if len(left) > 110:
        left = left[:108] + "…"
    return (f'<div style="font-size:7.5pt;font-family:\'DejaVu Sans\',Arial,sans-serif;color:#555;width:100%;'
            f'margin:0 14mm;display:flex;justify-content:space-between;gap:8mm">'
            f"<span>{left}</span><span>{e(i18n.when(report.created.date(), lang))}</span>"
            f'<span style="white-space:nowrap">{e(t("report_page", lang))} <span class="pageNumber"></span> / '
            f'<span class="totalPages"></span></span></div>')


def _print(html_text: str, footer: str) -> bytes:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="report-") as tmp:
        path = Path(tmp) / "report.html"
        path.write_text(html_text, encoding="utf-8")
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                try:
                    context = browser.new_context(viewport={"width": 794, "height": 1123})
                    # nothing leaves the machine: the file and nothing else
                    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                                  else route.abort())
                    page = context.new_page()
                    page.goto(path.as_uri(), wait_until="load", timeout=PDF_TIMEOUT_MS)
                    page.wait_for_function("document.body.getAttribute('data-ready') !== null",
                                           timeout=PDF_TIMEOUT_MS)
                    if page.evaluate("document.body.getAttribute('data-ready')") != "1":
                        raise ReportError("The charts of the report could not be drawn.")
                    page.emulate_media(media="print")
                    return page.pdf(format="A4", print_background=True, display_header_footer=True,
                                    header_template="<div></div>", footer_template=footer,
                                    margin={"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
                                    prefer_css_page_size=True)
                finally:
                    browser.close()
        except PlaywrightError as exc:
            raise ReportError(f"Chromium could not print the report ({str(exc).splitlines()[0]}).") from exc


def render_pdf(report: Report, html_text: str | None = None) -> bytes:
    """The report as an A4 PDF: the HTML printed by headless Chromium.

    Playwright's synchronous API refuses to run in a thread that has an asyncio loop (a
    server's), so the printing runs in a thread of its own."""
    problem = pdf_problem()
    if problem:
        raise ReportError(problem)
    html_text = html_text if html_text is not None else render_html(report)
    footer = _footer(report)
    result: dict[str, Any] = {}

    def work():
        try:
            result["pdf"] = _print(html_text, footer)
        except BaseException as exc:  # handed to the caller's thread
            result["error"] = exc

    worker = threading.Thread(target=work, name="report-pdf", daemon=True)
    worker.start()
    worker.join()
    if "error" in result:
        error = result["error"]
        raise error if isinstance(error, ReportError) else ReportError(
            f"The PDF could not be produced ({type(error).__name__}: {error}).") from error
    return result["pdf"]


def render(report: Report, fmt: str) -> bytes:
    """The report in a format: `html` or `pdf`, as bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; expected html or pdf")
    return render_pdf(report) if fmt == "pdf" else render_html(report).encode("utf-8")


def write(report: Report, out: str | os.PathLike) -> Path:
    """Write the report to `out`; its extension (.pdf, .html, .htm) decides the format."""
    path = Path(out)
    suffix = path.suffix.lower()
    fmt = {".pdf": "pdf", ".html": "html", ".htm": "html"}.get(suffix)
    if fmt is None:
        raise ValueError(f"{path.name}: the report is written as .pdf or .html")
    data = render(report, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
