"""Partners: the institutions that lead actions and own indicators, and what each has to send.

`actions.lead` and `indicators.owner` hold partner codes separated by `|` (DESIGN.md). A code that
is not in the partners table (older files wrote free text such as "MEL, De Lijn") is shown as written.
"""
from __future__ import annotations

import pandas as pd

from .health import FRESHNESS, assess_health


def codes(text) -> list[str]:
    """The partner codes of a lead or owner cell: `MEL|LEIEDAL` -> ['MEL', 'LEIEDAL']."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return []
    return [part.strip() for part in str(text).split("|") if part.strip()]


def names(partners: pd.DataFrame | None, lang: str) -> dict[str, str]:
    """Partner code -> its name in `lang` (French when that language has none)."""
    if partners is None or partners.empty:
        return {}
    # zipped columns, not to_dict("records"): pages call this for every row they label, and the
    # records cost 0.45 ms a call (the Overview's two tables: 9 ms a run, py-spy on bench/load.py)
    local = partners[f"name_{lang}"] if f"name_{lang}" in partners else partners["name_fr"]
    return {str(pid): str(name) if isinstance(name, str) and name.strip() else str(fr)
            for pid, name, fr in zip(partners["partner_id"], local, partners["name_fr"])}


def label(text, partners: pd.DataFrame | None, lang: str) -> str:
    """A lead or owner cell for people: the partners' names, unknown codes as written."""
    known = names(partners, lang)
    return ", ".join(known.get(code, code) for code in codes(text))


def responsibilities(partners: pd.DataFrame, actions: pd.DataFrame, indicators: pd.DataFrame,
                     observations: pd.DataFrame, flows: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per partner: the actions it leads, the indicators it owns, and those of its indicators
    whose latest value is a period or more behind their periodicity or that have no value at all
    (the data health page's freshness: one rule for "late"), worst first, with their freshness state
    in `late_state` (the data health page asks for the `overdue` and `no_data` ones)."""
    health = assess_health(indicators, observations, flows)
    late = health.freshness[health.freshness["state"] != "up_to_date"]
    late = late.assign(_rank=late["state"].map(FRESHNESS.index)).sort_values(["_rank", "indicator_id"], kind="stable")
    state = dict(zip(late["indicator_id"], late["state"]))
    rows = []
    for p in partners.to_dict("records"):
        pid = str(p["partner_id"])
        leads = [str(a) for a, lead in zip(actions["action_id"], actions["lead"]) if pid in codes(lead)]
        owns = [str(i) for i, own in zip(indicators["indicator_id"], indicators["owner"]) if pid in codes(own)]
        overdue = [i for i in late["indicator_id"] if i in set(owns)]
        rows.append({"partner_id": pid, "country": p.get("country"), "kind": p.get("kind"),
                     "leads": leads, "owns": owns, "late": overdue, "late_state": [state[i] for i in overdue]})
    return pd.DataFrame(rows, columns=["partner_id", "country", "kind", "leads", "owns", "late", "late_state"])


def due(partner_id: str, indicators: pd.DataFrame, observations: pd.DataFrame, lang: str,
        flows: pd.DataFrame | None = None, actions: pd.DataFrame | None = None,
        updates: pd.DataFrame | None = None) -> pd.DataFrame:
    """What a partner has to send: its indicators that are due, overdue or have no value, with the
    latest period held, and the running actions it leads with no progress update for the latest
    semester any action was updated for (state `no_update`); a list to send by mail, codes first."""
    out = _due_indicators(partner_id, indicators, observations, lang, flows)
    if actions is None or updates is None or updates.empty:
        return out
    from .updates import latest, without_update

    semester = max((p for p in updates["period"].astype(str) if "-S" in p), default=None)
    if semester is None:
        return out
    led = actions[[partner_id in codes(lead) for lead in actions["lead"]]]
    last = dict(zip(latest(updates)["action_id"].astype(str), latest(updates)["period"]))
    titles = {str(r["action_id"]): (r.get(f"title_{lang}") if isinstance(r.get(f"title_{lang}"), str)
                                    else r["title_fr"]) for r in led.to_dict("records")}
    rows = [{"partner_id": partner_id, "indicator_id": None, "action_id": a, "name": titles[a],
             "periodicity": "semester", "latest_period": last.get(a), "periods_behind": None, "state": "no_update",
             "periods_due": []}
            for a in without_update(led, updates, semester)]
    return pd.concat([out, pd.DataFrame(rows, columns=out.columns)], ignore_index=True) if rows else out


def _due_indicators(partner_id: str, indicators: pd.DataFrame, observations: pd.DataFrame, lang: str,
                    flows: pd.DataFrame | None) -> pd.DataFrame:
    own = indicators[[partner_id in codes(o) for o in indicators["owner"]]]
    health = assess_health(own, observations, flows)
    fresh = health.freshness
    fresh = fresh[fresh["state"] != "up_to_date"]
    name = own.set_index("indicator_id").apply(
        lambda r: r.get(f"name_{lang}") if isinstance(r.get(f"name_{lang}"), str) else r["name_fr"], axis=1)
    out = fresh.assign(partner_id=partner_id, name=fresh["indicator_id"].map(name))
    out["periods_due"] = [periods_due(latest, behind, periodicity, health.reference_period)
                          for latest, behind, periodicity in zip(out["latest_period"], out["periods_behind"],
                                                                 out["periodicity"])]
    return out[["partner_id", "indicator_id", "action_id", "name", "periodicity", "latest_period",
                "periods_behind", "state", "periods_due"]].reset_index(drop=True)


# The periods a due indicator's values are expected for, in months: a period's length, and the grid its
# periods start on (a multiannual indicator's periods are years, three apart).
STEP_MONTHS = {"annual": 12, "quarterly": 3, "monthly": 1, "multiannual": 36}
GRID_MONTHS = {"annual": 12, "quarterly": 3, "monthly": 1, "multiannual": 12}
MAX_PERIODS_DUE = 12   # the latest ones: an indicator ten years late asks for its recent values first


def _period_text(start: int, periodicity: str) -> str:
    year, month = divmod(start, 12)
    if periodicity == "quarterly":
        return f"{year}-Q{month // 3 + 1}"
    if periodicity == "monthly":
        return f"{year}-{month + 1:02d}"
    return str(year)


def periods_due(latest, behind, periodicity, reference) -> list[str]:
    """The periods of `periodicity` a partner owes after `latest` (the indicator's latest period with a
    value), `behind` of them (Data health's count), the last `MAX_PERIODS_DUE`: `2022`, 2, annual ->
    ['2023', '2024']. With no value at all, the period that ends with `reference` (the store's latest)."""
    from .health import periodicity_of
    from .parsing import period_span

    code = periodicity_of(periodicity)
    step, grid = STEP_MONTHS[code], GRID_MONTHS[code]
    if isinstance(latest, str) and period_span(latest):
        if code == "multiannual":                      # a cycle of years after the latest one's year
            start = int(latest[:4]) * 12 + step
        else:                                          # the first period on the grid after the latest one
            end = round(period_span(latest)[1] * 12)
            start = -(-end // grid) * grid
        count = 0 if behind is None or pd.isna(behind) else int(behind)
        starts = [start + k * step for k in range(max(count - MAX_PERIODS_DUE, 0), count)]
    elif isinstance(reference, str) and period_span(reference):
        end = round(period_span(reference)[1] * 12)
        starts = [(end // grid) * grid - grid]        # the period ending where the reference ends
    else:
        return []
    return [_period_text(s, code) for s in starts]


def due_territories(indicator_ids, observations: pd.DataFrame, targets: pd.DataFrame | None) -> dict[str, list[str]]:
    """Indicator -> the territories a value is expected for: those it already has values or a target for,
    by code."""
    wanted = {str(i) for i in indicator_ids}
    found: dict[str, set[str]] = {i: set() for i in wanted}
    for frame in (observations, targets):
        if frame is None or not len(frame):
            continue
        part = frame[frame["indicator_id"].astype(str).isin(wanted)]
        for iid, tid in zip(part["indicator_id"].astype(str), part["territory_id"]):
            if isinstance(tid, str) and tid.strip():
                found[iid].add(tid)
    return {i: sorted(found[i]) for i in found}


def apart(due: pd.DataFrame, observations: pd.DataFrame, targets: pd.DataFrame | None,
          flows: pd.DataFrame | None = None) -> list[str]:
    """What `due` asks for that the observations file cannot hold: the actions awaiting a progress update
    (an `action_updates` table) and the indicators measured only as flows, origin -> destination (a
    `flows` table, which an editor imports)."""
    flow_ids = set(flows["indicator_id"].astype(str)) if flows is not None and len(flows) else set()
    territories = due_territories(due["indicator_id"].dropna(), observations, targets)
    out = []
    for iid, aid in zip(due["indicator_id"], due["action_id"]):
        if not isinstance(iid, str):
            out.append(str(aid))
        elif iid in flow_ids and not territories.get(iid):
            out.append(iid)
    return out


def due_download(due: pd.DataFrame, lang: str, framework: dict[str, pd.DataFrame], observations: pd.DataFrame,
                 flows: pd.DataFrame | None = None) -> pd.DataFrame:
    """`due`'s list as a table of observations to fill in and send back (DESIGN: every download is in the
    import format, codes first): one row per due indicator, territory and period due (`periods_due`), the
    territories those the indicator has values or a target for (none known: the territory left to fill
    in), `value` empty. Then, in `lang`, in extra columns the import ignores with a notice: the indicator's
    and the territory's names, the value's unit, the periodicity, the latest period held, how far behind
    and the state. Filled in, it is sent as is on the Contributions page; rows left empty are "no value"
    rows, skipped with a notice. What the file cannot hold (`apart`) is left out."""
    from .i18n import name as local_name
    from .i18n import t
    from .units import unit_of

    targets = framework.get("targets")
    left_out = set(apart(due, observations, targets, flows))
    wanted = due[due["indicator_id"].map(lambda i: isinstance(i, str) and i not in left_out)]
    territories = due_territories(wanted["indicator_id"], observations, targets)
    places = framework.get("territories")
    place_names = {str(r["territory_id"]): local_name(r, "name", lang)
                   for r in (places.to_dict("records") if places is not None else [])}
    units = {str(r["indicator_id"]): unit_of(r, lang) for r in framework["indicators"].to_dict("records")}

    def periodicity(code) -> str:
        return t(f"periodicity_{code}", lang) if isinstance(code, str) and code else ""

    rows = []
    for r in wanted.to_dict("records"):
        iid = str(r["indicator_id"])
        behind = r.get("periods_behind")
        for period in r.get("periods_due") or [None]:          # a period's territories together, as a
            for territory in territories.get(iid) or [None]:     # planner fills in one year's table
                rows.append({
                    "indicator_id": iid, "territory_id": territory, "period": period, "value": None, "flag": None,
                    "note": None, "source": None,
                    t("download_indicator_name", lang): r.get("name") or "",
                    t("download_territory_name", lang): place_names.get(territory or "", ""),
                    t("partner_due_unit", lang): units.get(iid, ""),
                    t("periodicity_label", lang): periodicity(r.get("periodicity")),
                    t("partner_latest_period", lang): r.get("latest_period") or "",
                    t("partner_periods_behind", lang): "" if behind is None or pd.isna(behind) else int(behind),
                    t("partner_state", lang): t(f"fresh_{r['state']}", lang),
                })
    columns = ["indicator_id", "territory_id", "period", "value", "flag", "note", "source",
               *(t(k, lang) for k in ("download_indicator_name", "download_territory_name", "partner_due_unit",
                                      "periodicity_label", "partner_latest_period", "partner_periods_behind",
                                      "partner_state"))]
    return pd.DataFrame(rows, columns=columns)


def due_file_name(partner_id: str, lang: str, extension: str) -> str:
    """The due list's file name in `lang`, the partner's code kept to letters, digits, `-` and `_`."""
    import re

    from .i18n import t

    return f"{t('partner_due_file', lang)}_{re.sub(r'[^A-Za-z0-9_-]+', '_', str(partner_id))}.{extension}"
