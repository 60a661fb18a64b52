"""Which territories a time series draws when there are too many to read (indicators/charts): the
targets' first, then each country's side in turn."""
from __future__ import annotations

import pandas as pd

from .. import countries
from ..wording import side_of


def chart_territories(obs: pd.DataFrame, targets: pd.DataFrame | None, territories: pd.DataFrame | None,
                      limit: int = 12, first=()) -> list[str]:
    """The territories a time series shows when there are too many to read: the targets'
    territories first, then those of `first` (the headline territory, whose status the page gives, when it
    has no target), then, taking each country's side in turn (France, Belgium, the others, the
    cross-border bodies), those with the most values and the largest latest value."""
    ids = list(dict.fromkeys(str(x) for x in obs["territory_id"]))
    if len(ids) <= limit:
        return ids
    wanted = [str(x) for x in (targets["territory_id"] if targets is not None and len(targets) else [])]
    chosen = [x for x in dict.fromkeys(wanted + [str(x) for x in first if x is not None]) if x in ids][:limit]
    data = obs.assign(_v=pd.to_numeric(obs["value"], errors="coerce"), territory_id=obs["territory_id"].astype(str))
    data = data[data["_v"].notna()]
    stats = data.sort_values("period").groupby("territory_id").agg(n=("_v", "size"), last=("_v", "last"))
    stats = stats.sort_values(["n", "last"], ascending=[False, False])
    sides = side_of(stats.index, territories)
    queues = {}
    for tid in stats.index:
        queues.setdefault(sides.get(tid, ""), []).append(tid)
    order = [q for _, q in sorted(queues.items(), key=lambda kv: countries.rank(kv[0]))]
    while len(chosen) < limit and any(order):
        for queue in order:
            while queue and queue[0] in chosen:
                queue.pop(0)
            if queue and len(chosen) < limit:
                chosen.append(queue.pop(0))
    return chosen
