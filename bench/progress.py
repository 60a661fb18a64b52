"""Benchmark of the progress engine on a large store.

200 indicators × 500 territories × 15 years = 1.5 million observations, generated in memory
with a seeded numpy generator, with a target row for every indicator (on its first territory)
and for a tenth of the other indicator × territory pairs. Times:

- computing the status of every indicator × territory (`assess_all`),
- the roll-ups per action, theme, level and level × theme (`rollup_actions`, `rollup_groups`),
- loading those observations from a temporary SQLite store (`queries.load_observations`).

Target: under 1 second for status + roll-ups.

    python bench/progress.py [--indicators 200] [--territories 500] [--years 15] [--repeat 3]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from indicators.progress import assess_all, rollup_actions, rollup_groups  # noqa: E402

LEVELS = ("border", "metropolis", "euroregion", "brussels")
THEMES = ("mobility", "citizenship", "economy", "climate", "quality_of_life")
TARGET_SECONDS = 1.0


def generate(n_ind: int = 200, n_ter: int = 500, n_years: int = 15, seed: int = 20240601):
    """Framework, observations and targets of a synthetic store (plain DataFrames)."""
    rng = np.random.default_rng(seed)
    n_act = max(n_ind // 4, 1)
    actions = pd.DataFrame({
        "action_id": [f"A{a:03d}" for a in range(n_act)],
        "level_id": [LEVELS[a % len(LEVELS)] for a in range(n_act)],
        "theme_id": [THEMES[(a // len(LEVELS)) % len(THEMES)] for a in range(n_act)],
    })
    ind_ids = np.array([f"IND{i:03d}" for i in range(n_ind)], dtype=object)
    indicators = pd.DataFrame({
        "indicator_id": ind_ids,
        "action_id": [f"A{i % n_act:03d}" for i in range(n_ind)],
        "direction": np.where(rng.random(n_ind) < 0.7, "increase", "decrease"),
    })
    ter_ids = np.array([f"{59000 + t:05d}" for t in range(n_ter)], dtype=object)
    years = np.arange(2010, 2010 + n_years)

    # Each series: a level, a yearly growth rate and noise.
    level = rng.lognormal(4.0, 1.0, size=(n_ind, n_ter, 1))
    growth = rng.normal(0.01, 0.03, size=(n_ind, n_ter, 1))
    noise = rng.normal(0.0, 0.02, size=(n_ind, n_ter, n_years))
    values = level * (1.0 + growth) ** (years - years[0]) * (1.0 + noise)
    values[rng.random(values.shape) < 0.02] = np.nan         # some missing values
    observations = pd.DataFrame({
        "indicator_id": np.repeat(ind_ids, n_ter * n_years),
        "territory_id": np.tile(np.repeat(ter_ids, n_years), n_ind),
        "period": np.tile(years.astype(str), n_ind * n_ter),
        "value": values.ravel(),
    })

    # Targets: every indicator on its first territory, plus 10 % of the other pairs.
    pairs = rng.random((n_ind, n_ter)) < 0.10
    pairs[:, 0] = True
    ii, tt = np.nonzero(pairs)
    base = level[ii, tt, 0]
    d = np.where(indicators["direction"].to_numpy()[ii] == "increase", 1.0, -1.0)
    targets = pd.DataFrame({
        "indicator_id": ind_ids[ii],
        "territory_id": ter_ids[tt],
        "baseline_period": str(years[0]),
        "baseline_value": base,
        "target_period": "2030",
        "target_value": base * (1.0 + d * rng.uniform(0.05, 0.6, size=len(ii))),
        "milestone_period": "2027",
        "milestone_value": base * (1.0 + d * 0.03),
    })
    return actions, indicators, observations, targets


def time_compute(actions, indicators, observations, targets, repeat: int):
    best = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        assessed = assess_all(observations, indicators, targets)
        t1 = time.perf_counter()
        by_action = rollup_actions(assessed, indicators, actions)
        groups = {by: rollup_groups(by_action, actions, by=by)
                  for by in (("theme_id",), ("level_id",), ("level_id", "theme_id"))}
        t2 = time.perf_counter()
        run = (t1 - t0, t2 - t1)
        if best is None or sum(run) < sum(best):
            best = run
    return best, assessed, by_action, groups


def time_store(observations: pd.DataFrame) -> str:
    """Write the observations into a temporary SQLite store, then time reading them back."""
    from indicators.queries import load_observations
    from indicators.store import open_store

    cols = ["indicator_id", "territory_id", "period", "value"]
    frame = observations.dropna(subset=["value"])[cols]
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_store(f"sqlite:///{os.path.join(tmp, 'bench.sqlite')}")
        t0 = time.perf_counter()
        with engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO observations (indicator_id, territory_id, period, value) "
                                 "VALUES (?, ?, ?, ?)", list(zip(*(frame[c].tolist() for c in cols))))
        written = time.perf_counter() - t0
        t0 = time.perf_counter()
        loaded = load_observations(engine)
        seconds = time.perf_counter() - t0
        engine.dispose()
    return (f"store loading (queries.load_observations, SQLite): {seconds:.3f} s for {len(loaded):,} observations "
            f"(writing them took {written:.1f} s, not part of the target)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indicators", type=int, default=200)
    parser.add_argument("--territories", type=int, default=500)
    parser.add_argument("--years", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    actions, indicators, observations, targets = generate(args.indicators, args.territories, args.years)
    gen = time.perf_counter() - t0
    print(f"store: {args.indicators} indicators × {args.territories} territories × {args.years} years = "
          f"{len(observations):,} observations ({int(observations['value'].notna().sum()):,} with a value), "
          f"{len(targets):,} target rows, {len(actions)} actions (generated in {gen:.2f} s)")

    (t_status, t_rollup), assessed, by_action, groups = time_compute(
        actions, indicators, observations, targets, args.repeat)
    total = t_status + t_rollup
    print(f"status of every indicator × territory (assess_all): {t_status:.3f} s "
          f"for {len(assessed):,} series")
    print(f"roll-ups (actions, themes, levels, level × theme): {t_rollup:.3f} s")
    print(f"status + roll-ups: {total:.3f} s (target < {TARGET_SECONDS:.1f} s: "
          f"{'met' if total < TARGET_SECONDS else 'NOT met'}; best of {args.repeat})")
    print(time_store(observations))

    print("series by status:", assessed["status"].value_counts().to_dict())
    print("headline series:", int(assessed["headline"].sum()),
          "| actions by status:", by_action["status"].value_counts().to_dict())
    print("themes:", dict(zip(groups[("theme_id",)]["theme_id"], groups[("theme_id",)]["status"])))
    return 0 if total < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
