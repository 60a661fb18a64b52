"""The values a map shows, their classes and legends.

Classes come from mapclassify (quantiles, equal intervals, natural breaks by Fisher-Jenks), colours
from Paul Tol's colour-blind-safe schemes; `legend` gives the class bounds in the user's number
format and a "no data" class. Pure functions, no Streamlit.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from . import i18n
from .i18n import t
from .style import STATUS_COLORS, STATUS_ICONS, STATUS_ORDER
from .wording import format_value

KIND_ORDER = ("commune", "epci", "arrondissement", "nuts3", "department", "province", "region", "custom")
CLASS_METHODS = ("quantiles", "equal_interval", "natural_breaks")
JENKS_SAMPLE = 300                 # values above which natural breaks run on a sample

# Paul Tol's colour-blind-safe schemes (personal.sron.nl/~pault): two sequential, two diverging.
PALETTES: dict[str, tuple[str, ...]] = {
    "ylorbr": ("#FFFFE5", "#FFF7BC", "#FEE391", "#FEC44F", "#FB9A29", "#EC7014", "#CC4C02", "#993404",
               "#662506"),
    "iridescent": ("#FEFBE9", "#FCF7D5", "#F5F3C1", "#EAF0B5", "#DDECBF", "#D0E7CA", "#C2E3D2", "#B5DDD8",
                   "#A8D8DC", "#9BD2E1", "#8DCBE4", "#81C4E7", "#7BBCE7", "#7EB2E4", "#88A5DD", "#9398D2",
                   "#9B8AC4", "#9D7DB2", "#9A709E", "#906388", "#805770", "#684957", "#46353A"),
    "sunset": ("#364B9A", "#4A7BB7", "#6EA6CD", "#98CAE1", "#C2E4EF", "#EAECCC", "#FEDA8B", "#FDB366",
               "#F67E4B", "#DD3D2D", "#A50026"),
    "prgn": ("#762A83", "#9970AB", "#C2A5CF", "#E7D4E8", "#F7F7F7", "#D9F0D3", "#ACD39E", "#5AAE61",
             "#1B7837"),
}
DIVERGING = ("sunset", "prgn")
NO_DATA_COLOR = "#888888"          # Tol's "bad data" grey for the sequential schemes


def territory_counts(obs: pd.DataFrame) -> pd.Series:
    """How many territories have a value, per indicator (indicators with none are left out)."""
    return obs[obs["value"].notna()].groupby("indicator_id")["territory_id"].nunique()


def default_indicator(indicators: pd.DataFrame, obs: pd.DataFrame | None = None,
                      counts: pd.Series | None = None) -> str | None:
    """The Map page's first view: an indicator the strategy acts on (not a context one), known in the
    most territories (`counts`: territory_counts(obs), when the caller keeps it)."""
    counts = territory_counts(obs) if counts is None else counts
    rows = indicators[indicators["indicator_id"].isin(counts.index)]
    if rows.empty:
        return None
    codes = rows["indicator_id"].astype(str).tolist()
    kinds = dict(zip(rows["indicator_id"].astype(str), rows.get("type", pd.Series([None] * len(rows))).astype(str)))
    return max(codes, key=lambda c: (kinds.get(c) != "context", int(counts.get(c, 0)), -codes.index(c)))


def kinds_with_values(obs: pd.DataFrame, territories: pd.DataFrame, indicator_id: str) -> list[tuple[str, int]]:
    """(kind, territories with a value) for an indicator, the kind with most territories first."""
    counts = values_frame(obs, territories, indicator_id)["kind"].fillna("custom").value_counts()
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    return sorted(((str(k), int(n)) for k, n in counts.items()), key=lambda kn: (-kn[1], order.get(kn[0], 99)))


def values_frame(obs: pd.DataFrame, territories: pd.DataFrame, indicator_id: str, period: str | None = None,
                 kind: str | None = None) -> pd.DataFrame:
    """The latest value (or the value of `period`) of each territory, with the territory's columns.

    A territory whose code was replaced is left out when its successor has a value, so that the
    old and new codes of one place are not drawn on top of each other.
    """
    o = obs[(obs["indicator_id"] == indicator_id) & obs["value"].notna()]
    if period:
        o = o[o["period"].astype(str) == str(period)]
    cols = ["territory_id", "period", "value"] + (["flag"] if "flag" in o else [])
    # the latest row itself, its flag with it: a groupby's `last()` took the last flag *given* in the series
    # (a 2021 value without a flag showed 2020's `p`)
    latest = (o.sort_values("period", kind="stable").drop_duplicates("territory_id", keep="last")
              .sort_values("territory_id", kind="stable")[cols])
    ter = territories.copy()
    ter["territory_id"] = ter["territory_id"].astype(str)
    frame = latest.merge(ter, on="territory_id", how="inner")
    if kind:
        frame = frame[frame["kind"].fillna("custom") == kind]
    if "replaced_by" in frame:
        successor = frame["replaced_by"].fillna("").astype(str)
        frame = frame[~successor.isin(set(frame["territory_id"]))]
    return frame.reset_index(drop=True)


@dataclass
class Classes:
    method: str
    bins: list[float]              # upper bound of each class (inclusive)
    lower: float                   # the smallest value
    colors: list[str]
    counts: list[int]
    per_value: bool = False        # fewer distinct values than classes: one class per value

    def index(self, value) -> int | None:
        if value is None or not _finite(value):
            return None
        i = int(np.searchsorted(np.asarray(self.bins), float(value), side="left"))
        return min(i, len(self.bins) - 1)

    def color(self, value) -> str:
        i = self.index(value)
        return NO_DATA_COLOR if i is None else self.colors[i]


def _finite(value) -> bool:
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def classify(values: Iterable, method: str = "quantiles", k: int = 5, palette: str = "ylorbr",
             higher_is_better: bool = True) -> Classes | None:
    """Class bounds by mapclassify, and one colour per class; None without any value.

    Natural breaks are Fisher-Jenks (exact and deterministic). Fewer distinct values than
    classes give one class per value. A diverging palette is centred on the median, and runs
    from the worse side to the better side of the indicator's desired direction.
    """
    import warnings

    with warnings.catch_warnings():   # "Numba not installed": the pure Python path is fast enough here
        warnings.simplefilter("ignore")
        import mapclassify

    v = np.asarray([float(x) for x in values if _finite(x)], dtype=float)
    if v.size == 0:
        return None
    if method not in CLASS_METHODS:
        raise ValueError(f"unknown classification method {method!r}")
    distinct = np.unique(v)
    k = int(max(1, min(k, distinct.size)))
    if distinct.size <= k:
        bins = distinct.tolist()
    else:
        scheme = {"quantiles": mapclassify.Quantiles, "equal_interval": mapclassify.EqualInterval,
                  "natural_breaks": mapclassify.FisherJenks}[method]
        sample = v
        if method == "natural_breaks" and v.size > JENKS_SAMPLE:
            # Fisher-Jenks is quadratic (slow without numba): run it on evenly spaced order
            # statistics, a deterministic sample that keeps the distribution's shape.
            sample = np.quantile(v, np.linspace(0, 1, JENKS_SAMPLE))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            bins = [float(b) for b in scheme(sample, k=k).bins]
        bins = sorted(set(bins))
    bins[-1] = max(bins[-1], float(v.max()))
    idx = np.minimum(np.searchsorted(np.asarray(bins), v, side="left"), len(bins) - 1)
    counts = np.bincount(idx, minlength=len(bins)).tolist()
    colors = class_colors(palette, bins, float(v.min()), float(np.median(v)), higher_is_better)
    return Classes(method, bins, float(v.min()), colors, counts, per_value=distinct.size <= k)


def _interpolate(scheme: Sequence[str], position: float) -> str:
    position = min(max(position, 0.0), 1.0) * (len(scheme) - 1)
    i = int(math.floor(position))
    j = min(i + 1, len(scheme) - 1)
    share = position - i
    a = [int(scheme[i][n:n + 2], 16) for n in (1, 3, 5)]
    b = [int(scheme[j][n:n + 2], 16) for n in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02X}" for x, y in zip(a, b))


def class_colors(palette: str, bins: Sequence[float], lower: float, center: float,
                 higher_is_better: bool = True) -> list[str]:
    scheme = PALETTES.get(palette, PALETTES["ylorbr"])
    n = len(bins)
    if palette not in DIVERGING:
        if n == 1:
            return [_interpolate(scheme, 0.6)]
        # Leave the palest end out: it would read as "no data" on the white land.
        return [_interpolate(scheme, 0.12 + 0.88 * i / (n - 1)) for i in range(n)]
    # Diverging: the palettes run blue/purple → red/green; the better side gets the cold (blue) end
    # for sunset, and green for PRGn.
    cold_is_better = palette == "sunset"
    mids, low = [], lower
    for b in bins:
        mids.append((low + b) / 2)
        low = b
    spread = max(abs(m - center) for m in mids) or 1.0
    colors = []
    for m in mids:
        p = (m - center) / spread            # -1 … +1, + is higher
        better = p if higher_is_better else -p
        position = 0.5 - better / 2 if cold_is_better else 0.5 + better / 2
        colors.append(_interpolate(scheme, 0.5 + (position - 0.5) * 0.92))
    return colors


def label_decimals(bins: Sequence[float], lower: float, decimals: int | None) -> int:
    """Enough decimals for the class bounds to differ once formatted (at most three more)."""
    digits = 1 if decimals is None else int(decimals)
    bounds = [lower, *bins]
    for extra in range(4):
        rounded = [round(b, digits + extra) for b in bounds]
        if len(set(rounded)) == len(set(bounds)):
            return digits + extra
    return digits + 3


def fmt(value, lang: str, decimals: int | None = 1, unit: str | None = None) -> str:
    """A value and its unit as every page writes them."""
    return format_value(value, lang, decimals, unit)


def fewer_classes_note(classes: Classes | None, k: int, lang: str) -> str | None:
    """Why the legend has fewer classes than the planner chose (equal values share a bound), or None."""
    if classes is None or len(classes.bins) >= k:
        return None
    return t("map_fewer_classes", lang, classes=i18n.count(len(classes.bins), "class_one", "class_other", lang), k=k)


def legend(classes: Classes | None, lang: str, decimals: int | None = 1, no_data: int = 0) -> list[dict]:
    """Legend rows: colour, label (class bounds in the user's number format), count; then "no data"."""
    rows = []
    if classes is not None:
        digits = label_decimals(classes.bins, classes.lower, decimals)
        low = classes.lower
        for i, (upper, color, count) in enumerate(zip(classes.bins, classes.colors, classes.counts)):
            # one class per value: the value alone (from the previous value, "1 979" then "1 979 – 2 167"
            # read as if 1 979 were in both classes)
            low = upper if classes.per_value else low
            a, b = i18n.number(low, lang, digits), i18n.number(upper, lang, digits)
            label = a if a == b else f"{a} – {b}"
            rows.append({"color": color, "label": label, "count": int(count)})
            low = upper
    rows.append({"color": NO_DATA_COLOR, "label": t("map_no_data", lang), "count": int(no_data)})
    return rows


def status_legend(statuses: Iterable[str], lang: str, method: str = "opensdg", no_data: int = 0,
                  has_target: Iterable[bool] | None = None) -> list[dict]:
    """A row per status shown, with the same icon and word as every other page's status: with the Eurostat
    method, Eurostat's own name for series without a target (`has_target`, per status given), both names
    where some of that status have a target and some none."""
    statuses = list(statuses)
    targets = list(has_target) if has_target is not None else [True] * len(statuses)
    counts = pd.Series(statuses, dtype=object).value_counts()

    def label(s: str) -> str:
        kinds = sorted({bool(h) for st, h in zip(statuses, targets) if st == s}, reverse=True) or [True]
        words = dict.fromkeys(i18n.status_label(s, lang, method, h) for h in kinds)
        return f"{STATUS_ICONS[s]} {' / '.join(words)}"

    rows = [{"color": STATUS_COLORS[s], "label": label(s), "count": int(counts.get(s, 0))}
            for s in STATUS_ORDER if counts.get(s, 0)]
    rows.append({"color": NO_DATA_COLOR, "label": t("map_no_data", lang), "count": int(no_data)})
    return rows


def legend_html(rows: Sequence[Mapping], title: str = "") -> str:
    """The legend as small HTML (swatch, label, count); escaped."""
    from html import escape

    items = "".join(
        f'<div style="display:flex;align-items:center;gap:.5rem;margin:.15rem 0">'
        f'<span style="display:inline-block;width:1.6rem;height:1rem;background:{escape(r["color"])};'
        f'border:1px solid #555"></span><span>{escape(str(r["label"]))}</span>'
        f'<span style="color:#555;margin-left:auto">{int(r.get("count", 0))}</span></div>'
        for r in rows)
    head = f'<div style="font-weight:600;margin-bottom:.3rem">{escape(title)}</div>' if title else ""
    return f'<div style="font-size:0.95rem;line-height:1.3">{head}{items}</div>'
