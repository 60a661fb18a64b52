"""The latest year's ranking of territories on the Indicator explorer: which year it shows
(`latest_year_values`), which territories are totals drawn as reference lines rather than ranked
(`split_references`), and its bar chart (`ranking_chart`). Plotly figures from plain data, no Streamlit.
"""
from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from . import countries, i18n
from .charts.look import SMALL_FONT, base_layout, value_axis_title
from .wording import flag_word, format_value, territory_labels, year_text


def latest_year_values(obs: pd.DataFrame, min_share: float = 0.5) -> tuple[str | None, pd.DataFrame]:
    """(year, one row per territory for that year: territory_id, period, value, flag, mean_of, partial).

    The year is the most recent one in which at least `min_share` of the territories that have
    values have one, so that a single early figure does not make a one-bar "ranking".

    A territory's value for the year is its annual value as progress reads it (`progress.annual_series`):
    the year's own value, or the mean of its quarters or months (`period` is then the year, `mean_of`
    the first and last periods averaged, `partial` True when some quarters or months are missing). A
    December's value ranked under "2024" was a second latest value beside the page's annual mean."""
    from .progress import annual_series

    columns = ["territory_id", "period", "value", "flag", "mean_of", "partial"]
    empty = pd.DataFrame(columns=columns)
    if obs is None or len(obs) == 0:
        return None, empty
    data = obs.copy()
    data["_v"] = pd.to_numeric(data["value"], errors="coerce")
    data = data[data["_v"].notna()]
    if not len(data):
        return None, empty
    data["period"] = data["period"].astype(str)
    data["_year"] = data["period"].str.slice(0, 4)
    coverage = data.groupby("_year")["territory_id"].nunique().sort_index(ascending=False)
    enough = coverage[coverage >= min_share * data["territory_id"].nunique()]
    year = str(enough.index[0] if len(enough) else coverage.index[0])
    part = data[data["_year"] == year].sort_values("period", kind="stable")
    if "flag" not in part:
        part = part.assign(flag=None)
    rows = []
    for tid, group in part.groupby("territory_id", sort=True):
        periods = group["period"].tolist()
        sub = [p for p in periods if "-" in p]
        if not sub:   # the year's own value (the last, as before, if a file gave it twice)
            last = group.iloc[-1]
            rows.append((tid, year, last["value"], last["flag"], None, False))
            continue
        (_, mean), = annual_series(periods, group["_v"].tolist())
        letters = "".join(dict.fromkeys("".join(str(f).strip() for f in group["flag"]
                                                 if isinstance(f, str) and f.strip())))
        first, last = min(sub), max(sub)
        full = 4 if "Q" in last.upper() else 12
        rows.append((tid, year, mean, letters or None, first if first == last else f"{first} – {last}",
                     len(set(sub)) < full))
    return year, pd.DataFrame(rows, columns=columns)


def ranking_chart(latest_by_territory: pd.DataFrame, lang: str = "fr", decimals: Any = 1,
                  unit: str | None = None, territories: pd.DataFrame | None = None,
                  direction: str | None = None, by_side: bool = False) -> go.Figure:
    """Horizontal bars of one value per territory, coloured by country (`countries.looks`: France and
    Belgium as always, Belgium hatched; every other country a colour of its own), named in `lang`.

    latest_by_territory: territory_id, value, optional period, flag, name, country. Names and
    countries come from `territories` when the frame does not carry them. The best value in the
    indicator's direction is at the top. `by_side` (an indicator not comparable across the border):
    each country is ranked in a block of its own, France above Belgium above the others, a line between.
    """
    labels = territory_labels(territories, lang)
    frame = latest_by_territory.copy()
    frame["_v"] = pd.to_numeric(frame["value"], errors="coerce")
    frame = frame[frame["_v"].notna()]
    frame["territory_id"] = frame["territory_id"].astype(str)
    if "name" not in frame:
        frame["name"] = [labels.get(tid, (tid, ""))[0] for tid in frame["territory_id"]]
    if "country" not in frame:
        frame["country"] = [labels.get(tid, (tid, ""))[1] for tid in frame["territory_id"]]
    frame["country"] = frame["country"].fillna("").astype(str)
    frame, references = split_references(frame, territories)
    # plotly draws the first category at the bottom: put the best value last
    ascending = str(direction or "increase").strip().lower() != "decrease"
    frame = frame.sort_values("_v", ascending=ascending, kind="stable")
    order = sorted(frame["country"].unique(), key=countries.rank)     # France, Belgium, the others, EU
    if by_side:   # the first block drawn is the bottom one: the last country's, France's on top
        frame["_side"] = frame["country"].map({c: i for i, c in enumerate(order)})
        frame = frame.sort_values("_side", ascending=False, kind="stable")
    # the country's name, as the sidebar's territory filter writes it ("France · Lille"), never its code
    frame["_label"] = [f"{countries.name(c, lang)} · {n}" if c else str(n)
                       for c, n in zip(frame["country"], frame["name"])]
    # two territories of the same name stay two bars
    dup = frame["_label"].duplicated(keep=False)
    frame.loc[dup, "_label"] = frame.loc[dup, "_label"] + " (" + frame.loc[dup, "territory_id"] + ")"
    periods = frame["period"].astype(str) if "period" in frame else pd.Series("", index=frame.index)
    top_period = periods.max() if len(periods) else ""
    fig = go.Figure()
    region = countries.of_territories(territories) + order
    for country in order:
        part = frame[frame["country"] == country]
        texts, hovers = [], []
        bar_unit = unit if unit and len(str(unit)) <= 3 else None      # a long unit is on the axis title
        for row, period in zip(part.to_dict("records"), periods.loc[part.index]):
            text = format_value(row["_v"], lang, decimals, bar_unit)
            word = flag_word(row.get("flag"), lang)
            mean_of = row.get("mean_of") if isinstance(row.get("mean_of"), str) else None
            # a mean of quarters or months says so, and which (latest_year_values)
            when = year_text(period, lang, mean=True) + f" ({mean_of})" if mean_of else period
            hover = (f"<b>{row['name']}</b> ({countries.name(country, lang) if country else '?'})<br>{when}"
                     f"{i18n.colon(lang)} <b>{format_value(row['_v'], lang, decimals, unit)}</b>")
            if period and period != top_period:
                text += f" ({period})"
            elif mean_of and row.get("partial") is True:   # some quarters or months missing: which ones are in
                text += f" ({mean_of})"
            if word:
                text += " ⚑"
                hover += f"<br>⚑ {word} ({str(row['flag']).strip()})"
            texts.append(text)
            hovers.append(hover)
        fig.add_trace(go.Bar(
            x=part["_v"].tolist(), y=part["_label"].tolist(), orientation="h", name=countries.name(country, lang),
            marker=dict(color=countries.look(country, region).color,
                        pattern=dict(shape="/" if country == "BE" else "", fgcolor="#FFFFFF", size=8,
                                     solidity=0.25, fillmode="overlay"),
                        line=dict(width=0)),
            text=texts, textposition="outside", cliponaxis=False, textfont=dict(size=SMALL_FONT),
            hovertext=hovers, hovertemplate="%{hovertext}<extra></extra>",
            meta={"role": "ranking", "country": country},
        ))
    height = max(260, (34 if len(frame) <= 15 else 24) * len(frame) + 110)
    base_layout(fig, lang, "", None, height=height)
    fig.update_layout(barmode="relative", bargap=0.25,
                      legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0,
                                  font=dict(size=SMALL_FONT)),
                      margin=dict(l=10, r=30, t=40, b=10))
    fig.update_xaxes(title=dict(text=value_axis_title(lang, unit), font=dict(size=SMALL_FONT + 1)),
                     tickfont=dict(size=SMALL_FONT), tickformat=",~f", gridcolor="#E3E6EA",
                     # its numbers in the page's format (base_layout's separators): the bars carry their own
                     # values, the axis lets them be read against each other and against a reference line
                     zerolinecolor="#B0B5BB", automargin=True, showticklabels=True)
    fig.update_yaxes(title=None, tickfont=dict(size=SMALL_FONT), type="category",
                     categoryorder="array", categoryarray=frame["_label"].tolist(), gridcolor="rgba(0,0,0,0)")
    if by_side:
        sides = frame["_side"].tolist()
        for k in range(1, len(sides)):
            if sides[k] != sides[k - 1]:   # between two blocks (a category axis counts its bars from 0)
                fig.add_hline(y=k - 0.5, line=dict(color="#4A4F55", width=1))
    drawn, off_scale = lines_and_words(frame["_v"], references, territories)
    values = pd.concat([frame["_v"], drawn["_v"]])
    span = None
    if len(values):
        lo, hi = float(values.min()), float(values.max())
        pad = (max(hi, 0) - min(lo, 0)) * 0.28 or 1.0
        span = [min(lo, 0) - (pad if lo < 0 else 0), max(hi, 0) + pad]
        fig.update_xaxes(range=span)
    # a total above the parts (the Eurometropolis among its communes) is a reference line, not a rank; its
    # words in a band of their own above the bars (never over a bar or cut by the figure's edge), on the
    # side of the line where the plot has room, the legend above them. A few lines at most, and only
    # those on the bars' scale: the sums of a count (a region's population beside its communes') would
    # squash the bars into a strip; those are said in words under the chart (layout.meta["off_scale"]).
    rows = drawn.to_dict("records")
    texts = [f"{row['name']}{i18n.colon(lang)} {format_value(row['_v'], lang, decimals, unit)}" for row in rows]
    sides = [span is not None and row["_v"] > (span[0] + span[1]) / 2 for row in rows]
    levels = label_levels([row["_v"] for row in rows], sides, texts, span)
    # the highest label first: each lower one, on a white ground, is drawn over the stems rising past it
    for row, text, right, i in sorted(zip(rows, texts, sides, levels), key=lambda x: -x[3]):
        # under the bars (it crossed the figures it passed: "9¦3,1 %"). Not layer "between": plotly.js 3.8
        # (Streamlit's) stops drawing the figure's shapes at one ("reading 'append'"), which left the
        # label floating with no line
        fig.add_shape(type="line", xref="x", yref="paper", x0=row["_v"], x1=row["_v"], y0=0, y1=1, layer="below",
                      line=dict(color=REFERENCE_COLOR, width=2, dash="dash"), name=f"reference-{i}")
        # its words above the plot, tied to the line's top by a stem that goes on from it (the annotation's
        # arrow, headless), ending (or starting) on it: one mark, one label
        fig.add_annotation(x=row["_v"], xref="x", y=1, yref="paper", ax=0, ay=-(LABEL_RISE + 18 * i + 9),
                           showarrow=True, arrowhead=0, arrowwidth=2, arrowcolor=REFERENCE_COLOR, standoff=0,
                           xanchor="right" if right else "left", yanchor="middle", font=dict(size=SMALL_FONT),
                           bgcolor="#FFFFFF", borderpad=1,
                           text=text)
    if len(drawn):
        fig.update_layout(margin=dict(t=40 + 18 * len(drawn)),
                          legend=dict(y=1, yref="container", yanchor="top"))
    if len(off_scale):
        fig.update_layout(meta={"off_scale": [f"{row['name']}{i18n.colon(lang)} "
                                              f"{format_value(row['_v'], lang, decimals, unit)}"
                                              for row in off_scale.to_dict("records")]})
    return fig


def label_levels(xs: list[float], right: list[bool], texts: list[str], span: list[float] | None) -> list[int]:
    """Each reference label's row above the plot (0 the lowest): the order whose stems cross the fewest
    other labels' words (a stem rises from its line through the rows under its own), the references'
    order (the widest territory first) among equals. A label ends on its line (`right`) or starts there;
    its width is estimated for a plot of PLOT_PX pixels."""
    from itertools import permutations

    from .style import text_px

    if span is None or len(xs) < 2:
        return list(range(len(xs)))
    per_px = (span[1] - span[0]) / PLOT_PX
    extents = [(x - w, x) if r else (x, x + w)
               for x, r, w in zip(xs, right, (text_px(t) * CHART_FONT_SCALE * per_px for t in texts))]

    def crossings(levels) -> int:
        return sum(1 for i in range(len(xs)) for j in range(len(xs))
                   if levels[i] > levels[j] and extents[j][0] < xs[i] < extents[j][1])

    return list(min(permutations(range(len(xs))), key=crossings))


PLOT_PX = 480           # the ranking's plot width at 1400 px, about (the label rows' estimate)
CHART_FONT_SCALE = 1.2  # the charts' font beside the tables' (style.text_px) at one size
REFERENCE_COLOR = "#4A4F55"   # a reference line and its stem: dark grey, apart from the sides' colours
LABEL_RISE = 2          # pixels between the plot's top and a reference's first label
REFERENCE_LINES = 3     # reference lines drawn at most: their words stack above the bars, one line each
REFERENCE_SCALE = 3     # a reference beyond this many times the largest bar is said in words (bars keep ~1/4 of the width)


def lines_and_words(ranked: pd.Series, references: pd.DataFrame,
                    territories: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the references drawn as lines, those said in words): the widest territories first (the
    Eurometropolis before a province), at most REFERENCE_LINES lines, each on the bars' scale."""
    if not len(references):
        return references, references
    kinds = references["territory_id"].map(
        dict(zip(territories["territory_id"].astype(str), territories["kind"].astype(str).str.lower()))
        if territories is not None and "kind" in territories else {}).map(KIND_RANK).fillna(-1)
    ordered = references.assign(_rank=kinds).sort_values(["_rank", "_v"], ascending=[False, False], kind="stable")
    largest = float(ranked.abs().max()) if len(ranked) else 0.0
    on_scale = ordered["_v"].abs() <= REFERENCE_SCALE * largest
    drawn = ordered[on_scale].head(REFERENCE_LINES)
    words = ordered[~ordered.index.isin(drawn.index)].sort_values("_v", kind="stable")
    return drawn.drop(columns="_rank"), words.drop(columns="_rank")


# Territory kinds from the smallest up; `custom` (a cooperation area such as the Eurometropolis) is above all.
KIND_RANK = {"commune": 0, "epci": 1, "arrondissement": 2, "nuts3": 3, "department": 3, "province": 4,
             "region": 5, "custom": 6}


def split_references(frame: pd.DataFrame, territories: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the parts to rank, the aggregates to show as references): an aggregate is a territory of a kind
    above the most common kind of the others, or the parent of another territory of the frame."""
    if territories is None or not len(frame) or "kind" not in territories:
        return frame, frame.iloc[0:0]
    info = territories.assign(territory_id=territories["territory_id"].astype(str)).set_index("territory_id")
    kinds = frame["territory_id"].map(info["kind"]).fillna("").astype(str).str.lower()
    ranks = kinds.map(KIND_RANK).fillna(-1)
    common_rank = ranks.mode().min() if len(ranks) else -1
    parents = set(frame["territory_id"].map(info["parent_id"]).dropna().astype(str)) if "parent_id" in info else set()
    above = (ranks > common_rank) | frame["territory_id"].isin(parents)
    if above.all():      # nothing left to rank: rank them all
        return frame, frame.iloc[0:0]
    return frame[~above], frame[above]
