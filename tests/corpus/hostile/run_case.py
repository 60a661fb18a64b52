"""Run one hostile case in this process under a memory and CPU limit; print the verdict as JSON.

    python -m tests.corpus.hostile.run_case CASE WORKDIR

The file is generated first, then the address space is capped (1.5 GB by default,
`HOSTILE_MAX_AS_BYTES`) and the CPU time too (60 s, `HOSTILE_MAX_CPU_SECONDS`), so that a regression
ends this process (MemoryError, or killed by the kernel) instead of freezing the machine running the
tests. The last line printed is a JSON object:

    outcome    "refused" (a report, nothing written), "read" (imported / accepted) or "crashed"
    report     the English report (problems, or the error text a user would read)
    unchanged  whether the store's export is byte for byte what it was (a refused case must keep it)
    others     for imports: whether a good file checked alongside was still read and reported
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import sys
import traceback
from pathlib import Path

from .cases import ALL, GOOD

AS_LIMIT = int(os.environ.get("HOSTILE_MAX_AS_BYTES", 1536 * 1024 * 1024))
CPU_LIMIT = int(os.environ.get("HOSTILE_MAX_CPU_SECONDS", 60))


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (AS_LIMIT, AS_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT + 5))


def _unexpected(text: str) -> bool:
    from indicators.i18n import t

    marker = t("cli_unexpected", "en", detail="").strip().rstrip("():").strip()
    return marker.lower() in text.lower() or "traceback" in text.lower()


def _import(case, path: Path, engine, work: Path) -> dict:
    from indicators.importing import import_files, validate_files

    good = work / "good.csv"
    good.write_text(GOOD)
    checked = validate_files(engine, [path, good])
    problems = [p.as_dict("en") for p in checked.problems]   # notices too: they must name the file
    text = "\n".join(f"{p['file']} row {p['row']} column {p['column']}: {p['message']}" for p in problems)
    others = (any(f["file"] == "good.csv" and f.get("rows") == 1 for f in checked.files)
              and not any(p["file"].startswith("good.csv") for p in problems))
    outcome = import_files(engine, [path])
    named = all(p["file"].startswith(case.file) for p in problems)
    if outcome.ok:
        return {"outcome": "read", "report": text, "others": others, "named": named}
    return {"outcome": "refused", "report": text, "others": others, "named": named and bool(problems)}


def _mapping(case, path: Path, engine, work: Path) -> dict:
    from indicators import cli

    err, out = io.StringIO(), io.StringIO()
    url = str(engine.url.render_as_string(hide_password=False))
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        code = cli.main(["save-mapping", "hostile", str(path), "--db", url])
    text = err.getvalue() + out.getvalue()
    return {"outcome": "read" if code == 0 else "refused", "report": text, "named": True}


def _apply(case, path: Path, engine, work: Path) -> dict:
    from indicators.importing import import_files
    from indicators.mappings import apply_mapping, known_for_mapping

    mapped = apply_mapping(path, case.spec, case.file, known=known_for_mapping(engine))
    outcome = import_files(engine, [mapped])
    problems = outcome.report("en")["problems"]
    text = "\n".join(f"{p['file']} row {p['row']}: {p['message']}" for p in problems)
    return {"outcome": "read" if outcome.ok else "refused", "report": text, "named": True,
            "counts": outcome.report("en").get("counts")}


def _boundary(case, path: Path, engine, work: Path) -> dict:
    from indicators.exporting import export_frames
    from indicators.boundaries import BoundaryError, prepare_boundaries, read_boundary_file

    try:
        bfile = read_boundary_file(path.read_bytes(), case.file)
        prepared = prepare_boundaries(bfile, "code", export_frames(engine)["territories"])
    except BoundaryError as exc:
        message = exc.message("en")
        return {"outcome": "refused", "report": message, "named": case.file in message}
    text = json.dumps({"matched": prepared.matched, "duplicates": prepared.duplicates,
                       "features_kept": prepared.features_kept, "notices": bfile.notices}, default=str)
    return {"outcome": "read", "report": text, "named": True}


PATHS = {"import": _import, "mapping": _mapping, "apply": _apply, "boundary": _boundary}


def main(argv: list[str]) -> int:
    name, work = argv[0], Path(argv[1])
    case = ALL[name]
    path = work / case.file
    case.make(path)
    _limit()
    from tests.helpers import snapshot, store_with_framework

    engine = store_with_framework(f"sqlite:///{work / 'store.sqlite'}")
    before = snapshot(engine)
    try:
        verdict = PATHS[case.path](case, path, engine, work)
    except Exception as exc:  # any exception is a failure: the user would have seen it
        verdict = {"outcome": "crashed", "report": "".join(traceback.format_exception(exc))[-4000:]}
    verdict["unchanged"] = snapshot(engine) == before
    verdict["unexpected"] = _unexpected(verdict.get("report", ""))
    verdict["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    verdict["cpu_s"] = round(sum(resource.getrusage(resource.RUSAGE_SELF)[:2]), 1)
    print(json.dumps(verdict, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
