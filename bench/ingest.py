"""Ingest benchmark: 1 million observations in the French Excel dialect.

Generates an observations CSV of N rows (`;`, decimal comma, Windows-1252,
non-breaking-space thousands in part of the values), then times in one run:
the bare `pandas.read_csv` of that file, validation, the import into an
empty SQLite store, the import of the same file again (all unchanged: the store recognises it, see
indicators/store/bulk.py) and of a copy with 1 % of its values revised (compared row by row).
Prints the figures as ratios to the physical floor of the same run (issue 20):
the bare `pandas.read_csv` plus SQLite's bare `executemany` of the same rows
into an in-memory table with no key, which no import into SQLite can beat; and
the peak memory of the measured steps (the file is generated in a child
process, so that the generator's own memory is not counted). It also prints
the same rows written by the same bare executemany into the store's own keyed
table: what writing through Python's driver would cost before any reading or
check. A large import goes around that driver (Arrow columns through ADBC's
bulk ingest, then SQLite's own INSERT ... SELECT: indicators/store/bulk.py).

Each figure is the median of --repeats repeats within the run (3 by default): on this VM the same step
took 2.6 s in one minute and 3.8 s in the next, the floor as much.

    python bench/ingest.py [--rows 1000000] [--repeats 3]
"""
from __future__ import annotations

import argparse
import multiprocessing
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from indicators.importing import import_files, validate_files  # noqa: E402
from indicators.store import open_store  # noqa: E402


CHANGED = 0.01   # share of the values the revised file changes


def make_files(folder: Path, rows: int) -> tuple[list[Path], Path]:
    years = 10
    n_ind = 200
    n_ter = max(1, rows // (n_ind * years))
    rng = np.random.default_rng(7)
    (folder / "levels.csv").write_text("level_id,name_fr\nborder,Frontière\n")
    (folder / "themes.csv").write_text("theme_id,name_fr\nmobility,Mobilité\n")
    (folder / "actions.csv").write_text("action_id,level_id,theme_id,title_fr\nA01,border,mobility,Action\n")
    ind = pd.DataFrame({"indicator_id": [f"I{i:03d}" for i in range(n_ind)], "action_id": "A01",
                        "name_fr": "Indicateur", "unit": "persons", "direction": "increase"})
    ind.to_csv(folder / "indicators.csv", index=False)
    ter = pd.DataFrame({"territory_id": [f"{59000 + t:05d}" for t in range(n_ter)], "name_fr": "Commune",
                        "country": "FR"})
    ter.to_csv(folder / "territories.csv", index=False)
    framework = [folder / f"{n}.csv" for n in ("levels", "themes", "actions", "indicators", "territories")]
    i, t, y = np.meshgrid(np.arange(n_ind), np.arange(n_ter), np.arange(years), indexing="ij")
    i, t, y = i.ravel()[:rows], t.ravel()[:rows], y.ravel()[:rows]
    values = rng.gamma(2.0, 2000.0, len(i)).round(1)
    text = pd.Series(values).map(lambda v: f"{v:.1f}".replace(".", ","))
    big = values >= 1000
    text[big] = pd.Series(values[big]).map(lambda v: f"{v:,.1f}".replace(",", "\u00a0").replace(".", ",")).to_numpy()
    frame = pd.DataFrame({"indicator_id": np.array([f"I{k:03d}" for k in range(n_ind)])[i],
                          "territory_id": np.array([f"{59000 + k:05d}" for k in range(n_ter)])[t],
                          "period": (2015 + y).astype(str), "value": text,
                          "note": np.where(rng.random(len(i)) < 0.01, "Donnée révisée – œuvre", "")})
    path = folder / "observations.csv"
    frame.to_csv(path, sep=";", index=False, encoding="cp1252")
    # The same file with one value in a hundred revised: a re-import that must compare row by row.
    revised = rng.random(len(frame)) < CHANGED
    frame.loc[revised, "value"] = pd.Series(values[revised] + 0.5).map(lambda v: f"{v:.1f}".replace(".", ",")).to_numpy()
    frame.to_csv(folder / "observations_revised.csv", sep=";", index=False, encoding="cp1252")
    return framework, path


def _generate(folder: str, rows: int, out) -> None:
    framework, path = make_files(Path(folder), rows)
    out.put(([str(p) for p in framework], str(path)))


def generate(folder: Path, rows: int) -> tuple[list[Path], Path]:
    """make_files in a child process: its memory is not the import's."""
    queue = multiprocessing.get_context("fork").Queue()
    child = multiprocessing.get_context("fork").Process(target=_generate, args=(str(folder), rows, queue))
    child.start()
    framework, path = queue.get()
    child.join()
    return [Path(p) for p in framework], Path(path)


def sqlite_floor(frame: pd.DataFrame) -> float:
    """SQLite's own cost of taking these rows, with nothing of ours around it."""
    rows = list(frame.itertuples(index=False, name=None))
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE TABLE t ({', '.join(f'c{i}' for i in range(frame.shape[1]))})")
    start = time.perf_counter()
    conn.executemany(f"INSERT INTO t VALUES ({', '.join('?' * frame.shape[1])})", rows)
    conn.commit()
    seconds = time.perf_counter() - start
    conn.close()
    return seconds


def store_floor(frame: pd.DataFrame, folder: Path) -> float:
    """The same rows written by the same bare executemany into the store's own observations table
    (its key, its column types, its WAL file and pragmas), with the batch id every stored row carries:
    what the storage itself costs, with nothing of the import around it. Printed, not a target: it
    says how much of the 2x the database takes before any reading or checking."""
    engine = open_store(f"sqlite:///{folder / 'floor.sqlite'}")
    rows = list(zip(frame["indicator_id"].astype(str), frame["territory_id"].astype(str),
                    frame["period"].astype(str), frame["value"].astype(float),
                    frame["note"].where(frame["note"].notna(), None), [1] * len(frame)))
    with engine.begin() as conn:
        start = time.perf_counter()
        conn.exec_driver_sql("INSERT INTO observations (indicator_id, territory_id, period, value, note, batch_id) "
                             "VALUES (?, ?, ?, ?, ?, ?)", rows)
    seconds = time.perf_counter() - start
    engine.dispose()
    return seconds


def timed(label: str, fn, repeats: int = 1):
    """fn's value and its median time over `repeats` calls (each figure is printed)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - start)
    seconds = statistics.median(times)
    print(f"{label:<44} {seconds:8.2f} s" + (f"   (each: {', '.join(f'{t:.2f}' for t in times)})" if repeats > 1 else ""))
    return value, seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3,
                        help="each step's figure is the median of this many repeats within the run (this VM's "
                             "speed drifts from one minute to the next; the floor as much as the import)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        framework, path = generate(folder, args.rows)
        print(f"file: {path.stat().st_size / 1e6:.1f} MB, {args.rows:,} rows, ';' decimal comma, cp1252; "
              f"median of {args.repeats} repeats")
        stores = iter(range(args.repeats))

        def fresh_store():
            engine = open_store(f"sqlite:///{folder / f'store{next(stores)}.sqlite'}")
            assert import_files(engine, framework, user="bench").ok
            return engine

        engine = fresh_store()
        _, bare = timed("pandas.read_csv (sep=';', decimal=',')",
                        lambda: pd.read_csv(path, sep=";", decimal=",", encoding="cp1252"), args.repeats)
        checked, t_validate = timed("validate", lambda: validate_files(engine, [path]))
        assert checked.ok, [p.as_dict() for p in checked.problems[:3]]
        del checked   # each step's result goes before the next, as in the app and the CLI
        imports, agains, reviseds = [], [], []
        for i in range(args.repeats):   # an import needs an empty store: one per repeat
            engine = engine if i == 0 else fresh_store()
            start = time.perf_counter()
            outcome = import_files(engine, [path])
            imports.append(time.perf_counter() - start)
            assert outcome.result.summary()["added"] == args.rows
            del outcome
            start = time.perf_counter()
            again = import_files(engine, [path])
            agains.append(time.perf_counter() - start)
            assert again.result.summary()["unchanged"] == args.rows
            del again
            start = time.perf_counter()
            revised = import_files(engine, [path.with_name("observations_revised.csv")])
            reviseds.append(time.perf_counter() - start)
            assert 0 < revised.result.summary()["updated"] < args.rows * CHANGED * 1.2
            del revised
            engine.dispose()
        t_import, t_again, t_revised = (statistics.median(x) for x in (imports, agains, reviseds))
        print(f"{'validate + import into empty store':<44} {t_import:8.2f} s   (each: {', '.join(f'{t:.2f}' for t in imports)})")
        print(f"{'validate + import again (all unchanged)':<44} {t_again:8.2f} s   (each: {', '.join(f'{t:.2f}' for t in agains)})")
        print(f"{'validate + import, 1 % of values revised':<44} {t_revised:8.2f} s   (each: {', '.join(f'{t:.2f}' for t in reviseds)})")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        frame = pd.read_csv(path, sep=";", decimal=",", encoding="cp1252")
        floor_sql = statistics.median([sqlite_floor(frame) for _ in range(args.repeats)])   # after the peak
        floor = bare + floor_sql
        frame = pd.read_csv(path, sep=";", encoding="cp1252", dtype=str)   # then values as the store holds them
        frame["value"] = pd.to_numeric(frame["value"].str.replace("\u00a0", "").str.replace(",", "."))
        storage = store_floor(frame, folder)
        print(f"physical floor: read_csv {bare:.2f} s + SQLite's bare executemany of the same {args.rows:,} rows "
              f"(in-memory table, no key) {floor_sql:.2f} s = {floor:.2f} s")
        print(f"the same rows into the store's own keyed table (WAL file), bare executemany: {storage:.2f} s "
              f"= {(bare + storage) / floor:.2f}x the floor with read_csv, before any check")
        print(f"validate + import / floor: {t_import / floor:.2f}x   (target <= 2x)")
        print(f"re-import / floor: {t_again / floor:.2f}x   (target <= 1.5x; the store recognises the unchanged file)")
        print(f"re-import with 1 % of values revised / floor: {t_revised / floor:.2f}x   (no target: compared row by row)")
        print(f"validate alone / read_csv: {t_validate / bare:.2f}x")
        print(f"peak memory: {peak:.0f} MB   (target <= 1000 MB)")


if __name__ == "__main__":
    main()
