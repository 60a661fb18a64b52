"""A valid file as large as the limits allow, imported under the memory limit of the hostile cases.

    python -m tests.corpus.hostile.big_valid WORKDIR ROWS

The framework and a file of ROWS observations (four columns: ROWS x 4 cells, at most MAX_CELLS) are
written first, then the address space is capped (1.5 GB, `HOSTILE_MAX_AS_BYTES`) and the file imported,
then imported again (every row unchanged), then a copy with one value in ten revised. Prints one JSON line: each outcome, its report's first
problem if any, the rows stored and the peak memory.
"""
from __future__ import annotations

import json
import resource
import sys
from pathlib import Path

from .run_case import AS_LIMIT

REVISED = 10   # the revised copy changes every tenth value: compared row by row, its changes kept to undo


def make(work: Path, rows: int) -> list[Path]:
    import numpy as np

    (work / "levels.csv").write_text("level_id,name_fr\nborder,Frontière\n")
    (work / "themes.csv").write_text("theme_id,name_fr\nmobility,Mobilité\n")
    (work / "actions.csv").write_text("action_id,level_id,theme_id,title_fr\nA01,border,mobility,Action\n")
    (work / "indicators.csv").write_text("indicator_id,action_id,name_fr,unit,direction\n"
                                         + "".join(f"I{i:03d},A01,Indicateur,u,increase\n" for i in range(200)))
    (work / "territories.csv").write_text("territory_id,name_fr,country\n"
                                          + "".join(f"T{t:04d},Commune,FR\n" for t in range(1000)))
    at = np.arange(rows)
    ind, ter, year = at // 12_000, (at // 12) % 1000, 2000 + at % 12
    for name, revised in (("big.csv", 0), ("big_revised.csv", REVISED)):   # one value in REVISED changed
        with (work / name).open("w") as out:
            out.write("indicator_id,territory_id,period,value\n")
            for start in range(0, rows, 200_000):
                out.write("".join(f"I{ind[i]:03d},T{ter[i]:04d},{year[i]},{i / 2 + (revised and i % revised == 0)}\n"
                                  for i in range(start, min(rows, start + 200_000))))
    return [work / f"{n}.csv" for n in ("levels", "themes", "actions", "indicators", "territories")]


def main(argv: list[str]) -> int:
    work, rows = Path(argv[0]), int(argv[1])
    framework = make(work, rows)
    from indicators.importing import import_files
    from indicators.store import open_store

    engine = open_store(f"sqlite:///{work / 'store.sqlite'}")
    assert import_files(engine, framework, user="test").ok
    resource.setrlimit(resource.RLIMIT_AS, (AS_LIMIT, AS_LIMIT))
    verdict = {}
    for step, name in (("first", "big.csv"), ("again", "big.csv"), ("revised", "big_revised.csv")):
        outcome = import_files(engine, [work / name], user="test")
        problems = outcome.report("en")["problems"]
        verdict[step] = {"ok": outcome.ok, "counts": outcome.report("en").get("counts"),
                         "problem": problems[0]["message"] if problems else None}
        del outcome
    # Counted by the database: reading 2.4 million rows back into pandas is not part of an import, and
    # after one the process has less address space left under the cap (ADBC's library and threads).
    with engine.connect() as conn:
        verdict["stored"] = conn.exec_driver_sql("SELECT count(*) FROM observations").scalar()
    verdict["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(json.dumps(verdict))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
