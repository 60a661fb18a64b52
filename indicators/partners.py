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
             "periodicity": "semester", "latest_period": last.get(a), "periods_behind": None, "state": "no_update"}
            for a in without_update(led, updates, semester)]
    return pd.concat([out, pd.DataFrame(rows, columns=out.columns)], ignore_index=True) if rows else out


def _due_indicators(partner_id: str, indicators: pd.DataFrame, observations: pd.DataFrame, lang: str,
                    flows: pd.DataFrame | None) -> pd.DataFrame:
    own = indicators[[partner_id in codes(o) for o in indicators["owner"]]]
    fresh = assess_health(own, observations, flows).freshness
    fresh = fresh[fresh["state"] != "up_to_date"]
    name = own.set_index("indicator_id").apply(
        lambda r: r.get(f"name_{lang}") if isinstance(r.get(f"name_{lang}"), str) else r["name_fr"], axis=1)
    out = fresh.assign(partner_id=partner_id, name=fresh["indicator_id"].map(name))
    return out[["partner_id", "indicator_id", "action_id", "name", "periodicity", "latest_period",
                "periods_behind", "state"]].reset_index(drop=True)


def due_download(due: pd.DataFrame, lang: str, partner_names: dict[str, str] | None = None) -> pd.DataFrame:
    """`due`'s list as the partner reads it, in `lang`: translated column titles, the periodicity and the
    state in words, the partner's name beside its code. Codes stay codes (the partner sends values for
    them); the spreadsheet guard is downloads.py's, applied by its writers."""
    from .i18n import t

    def periodicity(code) -> str:
        return t(f"periodicity_{code}", lang) if isinstance(code, str) and code else "–"

    def state(code) -> str:
        return t("partner_no_update_state", lang) if code == "no_update" else t(f"fresh_{code}", lang)

    names = partner_names or {}
    behind = pd.to_numeric(due["periods_behind"], errors="coerce").round().astype("Int64")
    return pd.DataFrame({
        t("partner", lang): [names.get(p, p) for p in due["partner_id"]],
        t("indicator", lang): due["indicator_id"].where(due["indicator_id"].notna(), ""),
        t("action", lang): due["action_id"].where(due["action_id"].notna(), ""),
        t("partner_due_name", lang): due["name"].where(due["name"].notna(), ""),
        t("periodicity_label", lang): [periodicity(p) for p in due["periodicity"]],
        t("partner_latest_period", lang): due["latest_period"].where(due["latest_period"].notna(), ""),
        t("partner_periods_behind", lang): behind,
        t("partner_state", lang): [state(s) for s in due["state"]],
    })


def due_file_name(partner_id: str, lang: str, extension: str) -> str:
    """The due list's file name in `lang`, the partner's code kept to letters, digits, `-` and `_`."""
    import re

    from .i18n import t

    return f"{t('partner_due_file', lang)}_{re.sub(r'[^A-Za-z0-9_-]+', '_', str(partner_id))}.{extension}"
