"""Benchmark of the progress report: the whole demo strategy, in both formats.

Loads the demo into a temporary SQLite store, then times, for each language asked:

- building the report as data (statuses, roll-ups, one chart per indicator, data health),
- rendering the self-contained HTML (plotly.js inline once, one div per figure),
- printing the PDF with headless Chromium (A4, page numbers),
- the whole: what `python -m indicators report OUT` does for both formats (one build, two renders).

Target: the whole strategy in both formats under 20 seconds.

    python bench/report.py [--lang fr] [--lang nl] [--method opensdg] [--keep DIR]
"""
from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from indicators import filters as F  # noqa: E402
from indicators import report as R  # noqa: E402
from indicators.store import load_demo, open_store  # noqa: E402

TARGET_SECONDS = 20.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", action="append", choices=("fr", "nl", "en"),
                        help="language(s) of the report (default: fr)")
    parser.add_argument("--method", choices=("opensdg", "eurostat"), default="opensdg")
    parser.add_argument("--keep", metavar="DIR", help="write the reports there")
    args = parser.parse_args(argv)
    langs = args.lang or ["fr"]
    problem = R.pdf_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_store(f"sqlite:///{Path(tmp) / 'demo.sqlite'}")
        load_demo(engine)
        worst = 0.0
        for lang in langs:
            start = time.perf_counter()
            report = R.from_store(engine, F.Filters(lang=lang, method=args.method))
            built = time.perf_counter()
            html = R.render_html(report)
            rendered = time.perf_counter()
            pdf = R.render_pdf(report, html)
            printed = time.perf_counter()
            try:                                  # pypdf is a test dependency: count pages when present
                from pypdf import PdfReader

                pages = len(PdfReader(io.BytesIO(pdf)).pages)
            except ImportError:
                pages = "?"
            total = printed - start
            worst = max(worst, total)
            charts = sum(i.figure is not None for s in report.sections for i in s.indicators)
            print(f"[{lang}] whole demo strategy: {len(report.sections)} actions, "
                  f"{sum(len(s.indicators) for s in report.sections)} indicators, {charts} charts")
            print(f"  build report data      {built - start:6.2f} s")
            print(f"  render HTML            {rendered - built:6.2f} s   ({len(html.encode()) / 1e6:.1f} MB)")
            print(f"  print PDF (Chromium)   {printed - rendered:6.2f} s   ({len(pdf) / 1e6:.1f} MB, {pages} A4 pages)")
            print(f"  both formats           {total:6.2f} s   (target < {TARGET_SECONDS:.0f} s)")
            if args.keep:
                out = Path(args.keep)
                out.mkdir(parents=True, exist_ok=True)
                (out / f"report-{lang}.html").write_text(html, encoding="utf-8")
                (out / f"report-{lang}.pdf").write_bytes(pdf)
        engine.dispose()
    verdict = "OK" if worst < TARGET_SECONDS else "TOO SLOW"
    print(f"{verdict}: the whole strategy in both formats in {worst:.2f} s at worst (target < {TARGET_SECONDS:.0f} s)")
    return 0 if worst < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
