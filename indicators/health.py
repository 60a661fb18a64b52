"""The health of the data: what is missing, what is late, whom to ask, what compares.

Plain data in, plain data (and plotly figures) out; no Streamlit. Used by the
Data health page and by the closing page of the progress report.

- **Completeness by year**: for each indicator and year, how many of the territories the
  indicator covers have a value that year. An indicator *covers* the territories it has a value
  for in any year (its series); flows count their origin → destination pairs.
- **Completeness by territory**: for one year (the latest by default), each indicator × covered
  territory is `value`, `flagged` (a value with a flag: provisional, estimated…) or `missing`.
- **Freshness**: how many periods of its periodicity an indicator's latest value is behind the
  reference period (the latest period any indicator of the store has a value for, as on the
  Overview): 0 `up_to_date`, 1 `due` (the usual publication lag), 2 or more `overdue`, no value
  at all `no_data`. A yearly indicator with no value for two years is overdue; a quarterly one
  after two quarters, a monthly one after two months; a multiannual one (census-like) after
  two cycles of `MULTIANNUAL_YEARS` years. A missing periodicity is read as annual.
- **Comparability** across the border (`harmonised`, `partial`, `not_comparable`, or `unknown`
  when not given) with the sides the indicator is measured on, and a caution when values of
  two countries or more exist and are not harmonised (`comparability_caution`: one rule for Data health, the
  Explorer's ranking, the Map and the report).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import countries, i18n
from .i18n import t
from .parsing import period_span

FRESHNESS = ("overdue", "no_data", "due", "up_to_date")          # worst first
COMPARABILITY = ("harmonised", "partial", "not_comparable", "unknown")
CELL_STATES = ("value", "flagged", "missing")
PERIODICITIES = ("annual", "quarterly", "monthly", "multiannual")
MULTIANNUAL_YEARS = 3
STEP_YEARS = {"annual": 1.0, "quarterly": 0.25, "monthly": 1 / 12, "multiannual": float(MULTIANNUAL_YEARS)}

FRESHNESS_COLORS = {"up_to_date": "#44AA99", "due": "#DDCC77", "overdue": "#CC6677", "no_data": "#BBBBBB"}
# Not the progress statuses' icons: "✖ overdue" beside an indicator "▲ on track" read as a
# contradiction (DESIGN.md: one icon per status).
FRESHNESS_ICONS = {"up_to_date": "✓", "due": "◷", "overdue": "⚠", "no_data": "∅"}
COMPARABILITY_ICONS = {"harmonised": "=", "partial": "≈", "not_comparable": "≠", "unknown": "?"}
CELL_COLORS = {"value": "#1F5FA8", "flagged": "#88CCEE", "missing": "#CC6677"}
CELL_MARKS = {"value": "✓", "flagged": "⚑", "missing": "✗"}
FONT = dict(family="Source Sans Pro, DejaVu Sans, Arial, sans-serif", size=14, color="#1A1A1A")


# ------------------------------------------------------------------ periods

def period_end(period) -> float | None:
    """The end of a period on a time axis in years: `2024` → 2025.0, `2024-Q2` → 2024.5,
    `2024-07` → 2024.583…; None for what is not a period."""
    span = period_span(period)   # the one reading of periods (parsing)
    if span is not None:
        return span[1]
    text = "" if period is None else str(period).strip()
    return int(text[:4]) + 1.0 if len(text) >= 4 and text[:4].isdigit() else None


def _text(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def periodicity_of(value) -> str:
    code = _text(value).lower()
    return code if code in STEP_YEARS else "annual"


# ------------------------------------------------------------------ series

def _text_array(series: pd.Series) -> np.ndarray:
    """The cells as Python strings: codes are stored as text already, so convert only what is not."""
    if series.dtype == object:
        return series.to_numpy(dtype=object)
    return series.astype(str).to_numpy(dtype=object)


def _numeric(series: pd.Series) -> pd.Series:
    return series if series.dtype.kind == "f" else pd.to_numeric(series, errors="coerce")


def _series(observations: pd.DataFrame, flows: pd.DataFrame | None) -> pd.DataFrame:
    """indicator_id, series (territory or origin→destination), territory_id (None for flows),
    period, year, flag, end: every stored value that is a number."""
    parts = []
    if observations is not None and len(observations):
        obs = observations[_numeric(observations["value"]).notna()]
        territories = _text_array(obs["territory_id"])
        parts.append(pd.DataFrame({
            "indicator_id": _text_array(obs["indicator_id"]),
            "series": territories,
            "territory_id": territories,
            "period": _text_array(obs["period"]),
            "flag": (obs["flag"] if "flag" in obs else pd.Series([None] * len(obs))).to_numpy(dtype=object),
        }))
    if flows is not None and len(flows):
        fl = flows[_numeric(flows["value"]).notna()]
        parts.append(pd.DataFrame({
            "indicator_id": _text_array(fl["indicator_id"]),
            "series": (fl["origin_id"].astype(str) + "→" + fl["destination_id"].astype(str)).to_numpy(dtype=object),
            "territory_id": np.full(len(fl), None, dtype=object),
            "period": _text_array(fl["period"]),
            "flag": (fl["flag"] if "flag" in fl else pd.Series([None] * len(fl))).to_numpy(dtype=object),
        }))
    if not parts:
        return pd.DataFrame(columns=["indicator_id", "series", "territory_id", "period", "flag", "year", "end"])
    data = pd.concat(parts, ignore_index=True)
    # a store holds few distinct periods: read each once, not once per value
    codes, periods = pd.factorize(data["period"])
    years = np.array([int(p[:4]) if p[:4].isdigit() else np.nan for p in periods] + [np.nan], dtype="float64")
    ends = np.array([period_end(p) for p in periods] + [None], dtype="float64")
    data["year"] = years[codes]   # code -1 (a missing period) reads the trailing NaN
    data["end"] = ends[codes]
    return data[data["year"].notna() & data["end"].notna()].assign(year=lambda d: d["year"].astype(int))


def _latest_period(*frames: pd.DataFrame | None) -> str | None:
    """The period that ends last among the values that are numbers."""
    periods: set[str] = set()
    for frame in frames:
        if frame is not None and len(frame):
            periods.update(str(p) for p in pd.unique(frame.loc[_numeric(frame["value"]).notna(), "period"]))
    ends = {p: period_end(p) for p in periods}
    ends = {p: e for p, e in ends.items() if e is not None}
    return max(ends, key=lambda p: (ends[p], p)) if ends else None


# ------------------------------------------------------------------ the health of a scope

@dataclass
class Health:
    """The health of the data of a set of indicators."""

    indicators: pd.DataFrame                       # the indicators in scope (framework rows)
    reference_period: str | None                   # latest period with a value in the store
    years: list[int]                               # the years of the completeness matrix
    by_year: pd.DataFrame                          # indicator_id, year, n, expected, share
    territory_year: int | None                     # the year of the territory matrix
    by_territory: pd.DataFrame                     # indicator_id, territory_id, state
    freshness: pd.DataFrame                        # one row per indicator (see `freshness`)
    comparability: pd.DataFrame                    # one row per indicator (see `comparability`)
    flow_indicators: frozenset = field(default_factory=frozenset)

    def year_matrix(self) -> pd.DataFrame:
        """indicator_id × year: share of covered territories with a value (NaN: not covered)."""
        ids = list(self.indicators["indicator_id"].astype(str))
        if not len(self.by_year):
            return pd.DataFrame(index=pd.Index(ids, name="indicator_id"), columns=self.years, dtype=float)
        pivot = self.by_year.pivot(index="indicator_id", columns="year", values="share")
        return pivot.reindex(index=ids, columns=self.years)

    def territory_matrix(self) -> pd.DataFrame:
        """indicator_id × territory_id: `value`, `flagged`, `missing` (None: not covered)."""
        ids = list(self.indicators["indicator_id"].astype(str))
        if not len(self.by_territory):
            return pd.DataFrame(index=pd.Index(ids, name="indicator_id"))
        pivot = self.by_territory.pivot(index="indicator_id", columns="territory_id", values="state")
        return pivot.reindex(index=ids)

    def summary(self) -> dict:
        """Key figures: indicators, counts by freshness, completeness of the latest year,
        counts by comparability."""
        states = self.freshness["state"].value_counts() if len(self.freshness) else pd.Series(dtype=int)
        comp = self.comparability["comparability"].value_counts() if len(self.comparability) \
            else pd.Series(dtype=int)
        latest = self.by_year[self.by_year["year"] == self.years[-1]] if self.years and len(self.by_year) \
            else self.by_year.iloc[0:0]
        expected = int(latest["expected"].sum()) if len(latest) else 0
        cells = self.by_territory
        return {
            "indicators": int(len(self.indicators)),
            **{f"n_{s}": int(states.get(s, 0)) for s in FRESHNESS},
            **{f"n_{c}": int(comp.get(c, 0)) for c in COMPARABILITY},
            "latest_year": self.years[-1] if self.years else None,
            "latest_values": int(latest["n"].sum()) if len(latest) else 0,
            "latest_expected": expected,
            "latest_share": (float(latest["n"].sum()) / expected) if expected else math.nan,
            "territory_cells": int(len(cells)),
            "territory_missing": int((cells["state"] == "missing").sum()) if len(cells) else 0,
            "territory_flagged": int((cells["state"] == "flagged").sum()) if len(cells) else 0,
            "caution": int(self.comparability["caution"].notna().sum()) if len(self.comparability) else 0,
        }

    def to_ask(self) -> pd.DataFrame:
        """Owner → the indicators to ask them for (overdue or without data), worst first."""
        late = self.freshness[self.freshness["state"].isin(["overdue", "no_data"])]
        if not len(late):
            return pd.DataFrame(columns=["owner", "indicator_ids", "n"])
        late = late.assign(owner=late["owner"].where(late["owner"].astype(str).str.strip() != "", None))
        rows = []
        for owner, part in late.groupby(late["owner"].fillna(""), sort=True):
            part = part.sort_values(["periods_behind", "indicator_id"], ascending=[False, True], na_position="first")
            rows.append({"owner": owner, "indicator_ids": list(part["indicator_id"]), "n": len(part)})
        out = pd.DataFrame(rows, columns=["owner", "indicator_ids", "n"])
        # the owner with most to send first; indicators without owner last
        out["_blank"] = out["owner"] == ""
        return out.sort_values(["_blank", "n", "owner"], ascending=[True, False, True]).drop(columns="_blank") \
            .reset_index(drop=True)


def assess_health(indicators: pd.DataFrame, observations: pd.DataFrame, flows: pd.DataFrame | None = None,
                  territories: pd.DataFrame | None = None, reference: str | None = None,
                  year: int | None = None, store_observations: pd.DataFrame | None = None,
                  store_flows: pd.DataFrame | None = None) -> Health:
    """The health of `indicators` from the stored values.

    observations / flows: the values of those indicators (others are ignored).
    reference: the reference period of freshness; default the latest period with a value in
    `store_observations` / `store_flows` (the whole store) or, without them, in the values given.
    year: the year of the territory matrix; default the reference year.
    """
    ind = indicators.drop_duplicates("indicator_id").copy()
    ind["indicator_id"] = ind["indicator_id"].astype(str)
    wanted = set(ind["indicator_id"])
    data = _series(observations, flows)
    data = data[data["indicator_id"].isin(wanted)]
    flow_ids = frozenset(flows["indicator_id"].astype(str)) & wanted if flows is not None and len(flows) \
        else frozenset()

    if reference is None:
        reference = _latest_period(store_observations if store_observations is not None else observations,
                                   store_flows if store_flows is not None else flows)
    ref_end = period_end(reference) if reference else None
    ref_year = int(str(reference)[:4]) if reference else None

    first_year = int(data["year"].min()) if len(data) else ref_year
    years = list(range(first_year, ref_year + 1)) if first_year is not None and ref_year is not None else []

    # completeness by year
    if len(data):
        coverage = data.groupby("indicator_id")["series"].nunique()
        per_year = data.groupby(["indicator_id", "year"])["series"].nunique().rename("n").reset_index()
        grid = pd.MultiIndex.from_product([sorted(coverage.index), years], names=["indicator_id", "year"])
        by_year = per_year.set_index(["indicator_id", "year"]).reindex(grid, fill_value=0).reset_index()
        # before an indicator's first value it did not exist yet: nothing is expected
        started = data.groupby("indicator_id")["year"].min()
        by_year["expected"] = by_year["indicator_id"].map(coverage).astype(int)
        by_year.loc[by_year["year"] < by_year["indicator_id"].map(started), "expected"] = 0
        by_year["share"] = (by_year["n"] / by_year["expected"]).where(by_year["expected"] > 0)
    else:
        by_year = pd.DataFrame(columns=["indicator_id", "year", "n", "expected", "share"])

    # completeness by territory, for one year
    territory_year = year if year is not None else ref_year
    obs_only = data[data["territory_id"].notna()]
    if len(obs_only) and territory_year is not None:
        covered = obs_only[["indicator_id", "territory_id"]].drop_duplicates()
        that = obs_only[obs_only["year"] == territory_year].copy()
        that["_flagged"] = [bool(_text(f)) for f in that["flag"]]
        flagged = that.groupby(["indicator_id", "territory_id"])["_flagged"].all()
        cells = covered.merge(flagged.rename("_f").reset_index(), on=["indicator_id", "territory_id"], how="left")
        cells["state"] = np.where(cells["_f"].isna(), "missing", np.where(cells["_f"] == True, "flagged", "value"))  # noqa: E712
        by_territory = cells[["indicator_id", "territory_id", "state"]]
        if territories is not None and len(territories):
            order = _territory_order(territories)
            by_territory = by_territory.assign(_o=by_territory["territory_id"].map(order).fillna(len(order)))
            by_territory = by_territory.sort_values(["indicator_id", "_o", "territory_id"]).drop(columns="_o")
        by_territory = by_territory.reset_index(drop=True)
    else:
        by_territory = pd.DataFrame(columns=["indicator_id", "territory_id", "state"])

    return Health(indicators=ind.reset_index(drop=True), reference_period=reference, years=years,
                  by_year=by_year, territory_year=territory_year, by_territory=by_territory,
                  freshness=freshness(ind, data, ref_end, reference),
                  comparability=comparability(ind, data, territories), flow_indicators=flow_ids)


def _country_ranks(column: pd.Series) -> list[int]:
    """Each cell's country as a number in `countries.rank` order."""
    codes = [countries.code_of(c) for c in column]
    place = {c: i for i, c in enumerate(sorted(set(codes), key=countries.rank))}
    return [place[c] for c in codes]


def _territory_order(territories: pd.DataFrame) -> dict[str, int]:
    """French side first, then Belgian, then the other countries, then cross-border bodies
    (`countries.rank`); larger kinds first, then by code."""
    kinds = ["region", "department", "province", "nuts3", "arrondissement", "epci", "commune", "custom"]
    frame = territories.assign(
        _c=_country_ranks(territories["country"]),
        _k=territories["kind"].map({k: i for i, k in enumerate(kinds)}).fillna(len(kinds))
        if "kind" in territories else 0)
    frame = frame.sort_values(["_c", "_k", "territory_id"])
    return {str(tid): i for i, tid in enumerate(frame["territory_id"])}


def freshness(indicators: pd.DataFrame, data: pd.DataFrame, ref_end: float | None,
              reference: str | None) -> pd.DataFrame:
    """indicator_id, action_id, periodicity, periodicity_given, latest_period, periods_behind,
    state, owner; worst first."""
    latest = {}
    if len(data):
        idx = data.groupby("indicator_id")["end"].idxmax()
        latest = {iid: (data.at[i, "period"], data.at[i, "end"]) for iid, i in idx.items()}
    rows = []
    for r in indicators.to_dict("records"):
        iid = str(r["indicator_id"])
        given = _text(r.get("periodicity")).lower()
        periodicity = periodicity_of(given)
        period, end = latest.get(iid, (None, None))
        if end is None or ref_end is None:
            behind, state = None, "no_data"
        else:
            behind = max(0, int(math.floor((ref_end - end) / STEP_YEARS[periodicity] + 1e-9)))
            state = "up_to_date" if behind == 0 else "due" if behind == 1 else "overdue"
        rows.append({"indicator_id": iid, "action_id": _text(r.get("action_id")), "periodicity": periodicity,
                     "periodicity_given": given in STEP_YEARS, "latest_period": period, "periods_behind": behind,
                     "state": state, "owner": _text(r.get("owner"))})
    out = pd.DataFrame(rows, columns=["indicator_id", "action_id", "periodicity", "periodicity_given",
                                      "latest_period", "periods_behind", "state", "owner"])
    out["periods_behind"] = out["periods_behind"].astype("Int64")
    rank = {s: i for i, s in enumerate(FRESHNESS)}
    out["_r"] = out["state"].map(rank)
    out["_b"] = -out["periods_behind"].astype("Float64").fillna(0)
    return out.sort_values(["_r", "_b", "indicator_id"]).drop(columns=["_r", "_b"]).reset_index(drop=True)


def _countries(territories: pd.DataFrame | None) -> dict[str, str]:
    """territory_id -> country code."""
    if territories is None or not len(territories):
        return {}
    return dict(zip(territories["territory_id"].astype(str), territories["country"].astype(str)))


# What each comparability code says when values of both sides of the border are shown together (a
# ranking, one colour scale, a table of both): only `not_comparable` is an alarm; `partial` and a code
# not given are quiet notes, so that a planner is neither silent nor alarmed about the same indicator
# from one page to the next.
CAUTIONS = {"not_comparable": "health_caution_not_comparable", "partial": "health_caution_partial",
            "unknown": "health_caution_unknown"}
ALARMS = frozenset({"health_caution_not_comparable"})


def comparability_code(value) -> str:
    """The comparability code as written in any case and spacing, `unknown` when not given (or not a code)."""
    code = _text(value).lower()
    return code if code in COMPARABILITY else "unknown"


def _caution(code: str, sides) -> str | None:
    """The caution when values come from two countries or more (a cross-border body coded EU is none)."""
    return CAUTIONS.get(code) if len(countries.ordered(sides)) >= 2 else None


def comparability(indicators: pd.DataFrame, data: pd.DataFrame,
                  territories: pd.DataFrame | None) -> pd.DataFrame:
    """indicator_id, comparability (code; `unknown` when not given), sides (sorted country codes
    with values), caution (its text key when values of both sides are not harmonised, else None:
    the rule of `comparability_caution`)."""
    country = _countries(territories)
    sides: dict[str, set[str]] = {}
    if len(data):
        for iid, series in data.groupby("indicator_id")["series"].unique().items():
            found = set()
            for s in series:
                for code in str(s).split("→"):
                    if country.get(code):
                        found.add(country[code])
            sides[iid] = found
    rows = []
    for r in indicators.to_dict("records"):
        iid = str(r["indicator_id"])
        code = comparability_code(r.get("comparability"))
        found = sides.get(iid, set())
        order = sorted(found, key=countries.rank)
        rows.append({"indicator_id": iid, "comparability": code, "sides": order, "caution": _caution(code, found)})
    out = pd.DataFrame(rows, columns=["indicator_id", "comparability", "sides", "caution"])
    out["caution"] = pd.Series([r["caution"] for r in rows], index=out.index, dtype=object)   # None, not NaN
    return out


def comparability_caution(comparability, territory_ids, territories: pd.DataFrame | None) -> str | None:
    """The text key of the caution (`CAUTIONS`) when the values shown (`territory_ids`) come from two
    countries or more (sides of a border; a cross-border body coded EU is none) and the indicator's `comparability` code says they are not harmonised across
    it, a code not given included; None otherwise. `is_alarm` tells a warning from a quiet note."""
    if territory_ids is None:
        return None
    country = _countries(territories)
    return _caution(comparability_code(comparability), {country.get(str(x)) for x in territory_ids})


def is_alarm(caution: str | None) -> bool:
    """True for a caution said as a warning (values not comparable), False for a quiet note or none."""
    return caution in ALARMS


# ------------------------------------------------------------------ words

def freshness_label(state: str, lang: str) -> str:
    return f"{FRESHNESS_ICONS.get(state, '')} {t('fresh_' + state, lang)}"


def comparability_label(code: str, lang: str) -> str:
    word = t(f"comparability_{code}", lang) if code != "unknown" else t("not_given", lang)
    return f"{COMPARABILITY_ICONS.get(code, '?')} {word}"


def periodicity_label(code: str, lang: str) -> str:
    key = f"periodicity_{code}"
    return t(key, lang) if key in i18n.TEXTS else code


def behind_text(row, lang: str) -> str:
    """`2 ans de retard`, `1 an de retard`, `0 an de retard` (the language's plural) from a freshness row."""
    behind = row.get("periods_behind")
    if behind is None or behind is pd.NA or row.get("state") == "no_data":
        return "–"
    return t(f"behind_{row.get('periodicity', 'annual')}", lang, n=int(behind))


# ------------------------------------------------------------------ figures

def _indicator_labels(indicators: pd.DataFrame, lang: str, width: int = 46) -> dict[str, str]:
    out = {}
    for r in indicators.to_dict("records"):
        name = i18n.name(r, "name", lang) or str(r["indicator_id"])
        if len(name) > width:
            name = name[: width - 1].rstrip() + "…"
        out[str(r["indicator_id"])] = f"{r['indicator_id']} · {name}"
    return out


def year_heatmap(health: Health, lang: str, row_height: int = 22, font_size: int = 13,
                 label_width: int = 46) -> go.Figure:
    """Indicators × years: the share of covered territories with a value, written in each cell."""
    matrix = health.year_matrix()
    labels = _indicator_labels(health.indicators, lang, label_width)
    y = [labels.get(i, i) for i in matrix.index]
    x = [str(c) for c in matrix.columns]
    z = matrix.to_numpy(dtype=float) if matrix.size else np.zeros((len(y), 0))
    counts = {(r.indicator_id, int(r.year)): (int(r.n), int(r.expected)) for r in health.by_year.itertuples()}
    text, hover = [], []
    for iid, label in zip(matrix.index, y):
        row_t, row_h = [], []
        for year in matrix.columns:
            n, expected = counts.get((iid, int(year)), (0, 0))
            if not expected:
                row_t.append("")
                row_h.append(f"{label}<br>{year}{i18n.colon(lang)} {t('health_not_covered', lang)}")
                continue
            row_t.append(i18n.number(100 * n / expected, lang, 0))   # "100 %" did not fit a year's cell: % in the caption
            row_h.append(f"{label}<br>{year}{i18n.colon(lang)} {t('health_cell', lang, n=n, expected=expected)}")
        text.append(row_t)
        hover.append(row_h)
    fig = go.Figure(go.Heatmap(
        z=z, x=x, y=y, zmin=0, zmax=1, text=text, texttemplate="%{text}", hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>", xgap=1, ygap=1,
        colorscale=[[0, "#CC6677"], [0.5, "#F4E3A1"], [1, "#44AA99"]], showscale=False,
        textfont=dict(size=max(8, font_size - 3)),
    ))
    fig.update_yaxes(autorange="reversed", tickfont=dict(size=font_size), automargin=True, type="category")
    fig.update_xaxes(side="top", tickfont=dict(size=max(8, font_size - 2)), tickangle=0, type="category")
    fig.update_layout(height=70 + row_height * max(1, len(y)), margin=dict(l=10, r=10, t=40, b=10),
                      font=dict(FONT, size=font_size), plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF")
    return fig


MAX_TERRITORIES = 30   # columns of the territory matrix: at 1280 px, more made cells of 2 px, their marks unseen


def territory_heatmap(health: Health, territories: pd.DataFrame | None, lang: str, row_height: int = 22,
                      font_size: int = 13, max_territories: int = MAX_TERRITORIES) -> go.Figure:
    """Indicators × territories for one year: a value, a flagged value, or missing (blank when the
    indicator does not cover the territory). Mark and colour both say the state.

    With more than `max_territories` territories, those with the most missing values are shown (the
    gaps are what the matrix is for); `layout.meta` says how many are shown of how many."""
    matrix = health.territory_matrix()
    total = matrix.shape[1]
    if total > max_territories:
        missing = (matrix == "missing").sum(axis=0)
        flagged = (matrix == "flagged").sum(axis=0)
        rank = pd.DataFrame({"missing": missing, "flagged": flagged}).sort_values(
            ["missing", "flagged"], ascending=False, kind="stable")
        matrix = matrix[rank.index[:max_territories]]
    labels = _indicator_labels(health.indicators, lang, 28)   # short names: the columns get the width (full on hover)
    names = {}
    if territories is not None and len(territories):
        for r in territories.to_dict("records"):
            names[str(r["territory_id"])] = (i18n.name(r, "name", lang) or str(r["territory_id"]),
                                             str(r.get("country") or ""))
    columns = [c for c in (matrix.columns if matrix.size else [])]
    if territories is not None and len(territories) and columns:
        order = _territory_order(territories)
        columns = sorted(columns, key=lambda c: (order.get(c, len(order)), c))
    matrix = matrix.reindex(columns=columns)
    code = {s: i for i, s in enumerate(CELL_STATES)}
    z, text, hover = [], [], []
    def short(text: str, width: int = 24) -> str:
        return text if len(text) <= width else text[: width - 1].rstrip() + "…"

    x = [f"{names[c][1]} · {short(names[c][0])}" if c in names else c for c in columns]
    if len(set(x)) < len(x):                    # two territories of the same short name: add the code
        x = [f"{label} ({c})" for label, c in zip(x, columns)]
    for iid in matrix.index:
        row_z, row_t, row_h = [], [], []
        for c, label in zip(columns, x):
            state = matrix.at[iid, c]
            if not isinstance(state, str):
                row_z.append(None)
                row_t.append("")
                row_h.append(f"{labels.get(iid, iid)}<br>{label}{i18n.colon(lang)} {t('health_not_covered', lang)}")
                continue
            row_z.append(code[state])
            row_t.append(CELL_MARKS[state])
            row_h.append(f"{labels.get(iid, iid)}<br>{label}<br>{health.territory_year}{i18n.colon(lang)} "
                         f"{t('cell_' + state, lang)}")
        z.append(row_z)
        text.append(row_t)
        hover.append(row_h)
    scale = [[0, CELL_COLORS["value"]], [0.333, CELL_COLORS["value"]], [0.334, CELL_COLORS["flagged"]],
             [0.666, CELL_COLORS["flagged"]], [0.667, CELL_COLORS["missing"]], [1, CELL_COLORS["missing"]]]
    fig = go.Figure(go.Heatmap(
        z=z, x=x, y=[labels.get(i, i) for i in matrix.index], zmin=0, zmax=2, colorscale=scale, showscale=False,
        text=text, texttemplate="%{text}", hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
        xgap=1, ygap=1, textfont=dict(size=max(8, font_size - 2), color="#FFFFFF"),
    ))
    fig.update_yaxes(autorange="reversed", tickfont=dict(size=font_size), automargin=True, type="category")
    fig.update_xaxes(side="top", tickangle=-60, tickfont=dict(size=max(10, font_size - 2)), type="category",
                     automargin=True)
    # the last column's slanted name runs past the plot on the right: room for it
    fig.update_layout(height=200 + row_height * max(1, len(matrix.index)), margin=dict(l=10, r=90, t=10, b=10),
                      font=dict(FONT, size=font_size), plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF",
                      meta={"shown": len(columns), "total": total})
    return fig


