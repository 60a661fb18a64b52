"""The progress report for the steering committee: as data (`content`), as self-contained HTML
(`as_html`), as PDF (`as_pdf`)."""
from .as_html import long_date, render_html
from .as_pdf import pdf_problem, render, render_pdf, write
from .content import (ATTENTION, CHART_TERRITORIES, ActionSection, IndicatorEntry, Report, ReportError,
                      build, file_name, filter_summary, from_store)

__all__ = ["ATTENTION", "CHART_TERRITORIES", "ActionSection", "IndicatorEntry", "Report", "ReportError",
           "build", "file_name", "filter_summary", "from_store", "long_date", "pdf_problem", "render",
           "render_html", "render_pdf", "write"]
