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


# ---------------------------------------------------------------- the Partners page's table

# Its cells wrap (a Streamlit table wraps words in rows taller than 4 rem): each list of "CODE · name"
# holds what shows whole in CELL_LINES lines, then says how many more (`fitted`); the partner's own lists
# below the table give them all. The partner, its country and what it has to update fit in the narrowest
# table (indicator_tables.NARROWEST_TABLE, 1024 px with the sidebar open).
CELL_LINES = 3
LINE_PX = 18.5          # a wrapped line of the table's 14-px words
ROW_HEIGHT = 72         # CELL_LINES lines and the cell's padding: more than 4 rem, so that words wrap
ROWS_SHOWN = 8          # rows in view at once (the table scrolls): 72-px rows showed five by default
NAME_WIDTHS = range(160, 341, 10)   # the partner column's widths tried, narrowest first


def item_label(code: str, name: str | None) -> str:
    """`ECO06 · PIB par habitant`, as every other page writes an indicator or an action; the code alone
    when it has no name."""
    return f"{code} · {name}" if name else str(code)


def line_count(text: str, width: float) -> int:
    """How many lines `text` takes in a table cell `width` pixels wide, its words wrapped at spaces (a
    word wider than the cell is broken)."""
    from .indicator_tables import CELL_PADDING
    from .style import text_px

    room = width - 2 * CELL_PADDING
    lines, used, space = 1, 0.0, text_px(" ")
    for word in str(text).split(" "):
        w = text_px(word)
        if used and used + space + w > room:
            lines, used = lines + 1, 0.0
        elif used:
            used += space
        while w > room:        # broken across lines
            lines, w = lines + 1, w - room
        used += w
    return lines


def fitted(items: list[str], width: float, more, lines: int = CELL_LINES) -> str:
    """`items` joined by commas, as many as show whole in `lines` lines of a cell `width` pixels wide, then
    `more(n)` for the n left out ("and 12 more"); "–" for none."""
    if not items:
        return "–"
    for shown in range(len(items), 0, -1):
        text = ", ".join(items[:shown])
        if shown < len(items):
            text += f", {more(len(items) - shown)}"
        if line_count(text, width) <= lines:
            return text
    return f"{items[0]}, {more(len(items) - 1)}" if len(items) > 1 else items[0]


def name_column_width(names, lines: int = CELL_LINES) -> int:
    """The partner column's width: the narrowest of NAME_WIDTHS that shows every name whole in `lines`
    lines (the widest tried otherwise)."""
    for width in NAME_WIDTHS:
        if all(line_count(n, width) <= lines for n in names if isinstance(n, str)):
            return width
    return NAME_WIDTHS[-1]


def item_labels(framework: dict[str, pd.DataFrame], lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """(indicator code -> "CODE · name", action code -> "CODE · title") in `lang`, as every page writes them."""
    from .i18n import name as local

    indicators = {str(r["indicator_id"]): item_label(r["indicator_id"], local(r, "name", lang))
                  for r in framework["indicators"].to_dict("records")}
    actions = {str(r["action_id"]): item_label(r["action_id"], local(r, "title", lang))
               for r in framework["actions"].to_dict("records")}
    return indicators, actions


def table(framework: dict[str, pd.DataFrame], resp: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, dict[str, int]]:
    """The Partners page's table of `responsibilities` (rows in `resp`'s order), headers in `lang`, and its
    columns' widths in pixels. What a planner scans for comes first: the partner, its country, what it has
    to update (each with the data health page's freshness sign), then its actions, its indicators and its
    kind; every indicator and action "CODE · name", each list as much as its cell shows whole and "and 12
    more" (the page gives the chosen partner's lists whole). The partner's name is whole in CELL_LINES
    lines, and the first three columns fit the narrowest table (1024 px, sidebar open)."""
    from .health import FRESHNESS_ICONS
    from .i18n import t
    from .indicator_tables import NARROWEST_TABLE, SCROLLBAR, text_column_width

    name = names(framework["partners"], lang)
    indicators, actions = item_labels(framework, lang)
    out = pd.DataFrame({
        t("partner", lang): resp["partner_id"].map(name),
        t("partner_country", lang): resp["country"],
        t("partner_kind", lang): [t(f"partner_kind_{k}", lang) if isinstance(k, str) else "–" for k in resp["kind"]],
    })
    partner = name_column_width(out[t("partner", lang)])
    country = text_column_width(out[t("partner_country", lang)], t("partner_country", lang))
    widths = {"partner": partner, "country": country,
              "lists": max(200, NARROWEST_TABLE - SCROLLBAR - partner - country),
              "kind": text_column_width(out[t("partner_kind", lang)], t("partner_kind", lang))}

    def listed(items: list[str]) -> str:
        return fitted(items, widths["lists"], lambda n: t("partner_more", lang, n=n))

    out.insert(2, t("partner_late", lang), [listed([f"{FRESHNESS_ICONS[s]} {indicators.get(i, i)}"
                                                    for i, s in zip(ids, states)])
                                            for ids, states in zip(resp["late"], resp["late_state"])])
    out.insert(3, t("partner_leads", lang), [listed([actions.get(a, a) for a in x]) for x in resp["leads"]])
    out.insert(4, t("partner_owns", lang), [listed([indicators.get(i, i) for i in x]) for x in resp["owns"]])
    return out, widths
