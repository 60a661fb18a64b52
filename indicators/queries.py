"""Read-side queries the pages, the reports and the command line share."""
from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from .store import SQL_TABLES, read_table

FRAMEWORK = ("levels", "themes", "partners", "actions", "indicators", "territories", "targets",
             "action_updates")


def load_framework(engine: Engine) -> dict[str, pd.DataFrame]:
    """The framework's tables, with `earlier_targets`: the targets' earlier versions (revisions.py)."""
    from .store import earlier_versions

    tables = {name: read_table(engine, name) for name in FRAMEWORK}
    tables["earlier_targets"] = earlier_versions(engine, "targets")
    return tables


def load_observations(engine: Engine, indicator_ids: list[str] | None = None) -> pd.DataFrame:
    table = SQL_TABLES["observations"]
    where = table.c.indicator_id.in_(list(indicator_ids)) if indicator_ids is not None else None
    return read_table(engine, "observations", where=where)


def load_flows(engine: Engine) -> pd.DataFrame:
    return read_table(engine, "flows")


def assessed(engine: Engine, method: str = "opensdg"):
    """(indicator × territory assessments, action roll-up) for the whole store."""
    from .progress import assess_all, rollup_actions

    framework = load_framework(engine)
    observations = load_observations(engine)
    frame = assess_all(observations, framework["indicators"], framework["targets"], method=method)
    actions = rollup_actions(frame, framework["indicators"], framework["actions"])
    return frame, actions


def progress_report(engine: Engine, method: str = "opensdg", milestones: bool = False) -> dict:
    from .progress import progress_json

    frame, actions = assessed(engine, method)
    return progress_json(frame, actions, method, milestones=milestones)


def latest_batch_time(engine: Engine) -> str | None:
    batches = sa.Table("batches", sa.MetaData(), autoload_with=engine)
    with engine.connect() as conn:
        return conn.execute(sa.select(sa.func.max(batches.c.created_at))).scalar()
