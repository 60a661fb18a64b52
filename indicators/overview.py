"""What the Overview page shows, as plain data and plotly figures (no Streamlit).

Key figures, the level × theme matrix, status counts per theme and level,
the actions needing attention first, and which data is stale.
"""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from . import i18n
from .i18n import t
from .progress import COUNT_COLUMNS, NOT_ASSESSED, STATUSES, rollup_groups, status_from_score
from .style import STATUS_COLORS, STATUS_ICONS, STATUS_ORDER, STATUS_TEXT_COLORS

SEPARATORS = {"fr": ", ", "nl": ",.", "en": ".,"}   # plotly: decimal mark, then thousands mark
FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=15, color="#1A1A1A")


def assess_in_scope(framework: dict[str, pd.DataFrame], observations: pd.DataFrame, filters) -> tuple[
        pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(observations in the filters' territories and period, indicator × territory statuses, action
    roll-up): the one way every page and the report assess a view, so that a status never differs
    between them for the same filters (the Overview once assessed the whole store while the Strategic
    actions page and the report kept the chosen territories and period).

    Only the territory and period filters (and the method) change a status; the level, theme and
    action filters only choose which statuses are shown. When a territory filter leaves an
    indicator's headline territory out, the filtered territory with the most values stands in for it
    (`indicator_tables.fill_headlines`). Without a territory or period filter, the whole store.

    The period is given to the engine with the territories' rows, not applied to them first: a break in
    series after a target's baseline counts even before `from` (`progress.window`); filtered out
    beforehand, a filter from 2024 judged a series straight across its 2020 break."""
    from . import filters as F
    from . import indicator_tables
    from .progress import assess_all, rollup_actions

    method = getattr(filters, "method", None) or "opensdg"
    if getattr(filters, "territories", None) or getattr(filters, "period_from", None) \
            or getattr(filters, "period_to", None):
        scoped = F.in_territories(observations, filters)
        obs = F.in_period(scoped, filters)
        assessed = indicator_tables.fill_headlines(assess_all(
            scoped, framework["indicators"], framework["targets"], method=method,
            period_from=getattr(filters, "period_from", None), period_to=getattr(filters, "period_to", None)))
    else:
        obs = observations
        assessed = assess_all(observations, framework["indicators"], framework["targets"], method=method)
    return obs, assessed, rollup_actions(assessed, framework["indicators"], framework["actions"])


def key_figures(actions: pd.DataFrame, action_rollup: pd.DataFrame, indicators: pd.DataFrame) -> dict:
    """Counts of the filtered strategy: actions, indicators, share of assessed actions on track."""
    roll = action_rollup[action_rollup["action_id"].isin(actions["action_id"])]
    assessed = roll[roll["status"] != "not_assessed"]
    good = assessed["status"].isin(["achieved", "on_track"]).sum()
    return {
        "actions": int(len(actions)),
        "indicators": int(len(indicators)),
        "assessed": int(len(assessed)),
        "on_track": int(good),
        "share_on_track": (good / len(assessed)) if len(assessed) else math.nan,
    }


def matrix(action_rollup: pd.DataFrame, actions: pd.DataFrame, levels: pd.DataFrame,
           themes: pd.DataFrame) -> pd.DataFrame:
    """One row per level × theme cell that has actions: status, score, counts."""
    cells = rollup_groups(action_rollup, actions, by=("level_id", "theme_id"))
    order_l = {c: i for i, c in enumerate(_ordered(levels, "level_id"))}
    order_t = {c: i for i, c in enumerate(_ordered(themes, "theme_id"))}
    cells = cells.assign(_l=cells["level_id"].map(order_l), _t=cells["theme_id"].map(order_t))
    return cells.sort_values(["_l", "_t"]).drop(columns=["_l", "_t"]).reset_index(drop=True)


def wrap(text: str, width: int = 22) -> str:
    """Long framework names on several lines (plotly axis labels do not wrap by themselves)."""
    import textwrap

    return "<br>".join(textwrap.wrap(str(text), width, break_long_words=False)) or str(text)


# The matrix is drawn for the narrowest content column the pages support (a 1024-px screen, sidebar open):
# plotly sizes its squares in pixels, whatever the column's width, so squares sized for 1366 px
# overlapped their neighbours at 1024 px, and the theme names turned vertical.
NARROWEST_COLUMN = 564      # pixels: the page's content column at 1024 px, sidebar open
LEVEL_WRAP = 18             # characters per line of a level's name (the rows' labels, ~140 px at 14 px)
THEME_WRAP = 11             # characters per line of a theme's name (the columns' labels, as wide as a column)
LEVEL_LABELS = 150          # pixels: the rows' labels and the figure's side margins at that width
LARGEST_CELL = 74           # pixels: the squares' side where there is room


def cell_size(n_themes: int, column: int = NARROWEST_COLUMN) -> int:
    """The squares' side in pixels, so that `n_themes` columns of them fit side by side in a content
    column `column` pixels wide, each square 85 % of its column (the axes' ranges are set to one unit
    per column, so plotly adds no padding of its own)."""
    return max(min(LARGEST_CELL, int(0.85 * (column - LEVEL_LABELS) / max(int(n_themes), 1))), 24)


def _ordered(frame: pd.DataFrame, key: str) -> list[str]:
    if "order" in frame and frame["order"].notna().any():
        frame = frame.sort_values("order", na_position="last")
    return list(frame[key])


def ordered_codes(frame: pd.DataFrame, key: str) -> list[str]:
    """The codes of levels or themes in the framework's order: the matrix's and the bar charts' alike."""
    return _ordered(frame, key)


def matrix_figure(cells: pd.DataFrame, levels: pd.DataFrame, themes: pd.DataFrame, lang: str,
                  method: str = "opensdg", selected: tuple[str | None, str | None] = (None, None)) -> go.Figure:
    """The level × theme matrix: a square per cell, its status colour, icon, word and score.

    Drawn as a scatter of large squares so that a click selects a cell (plotly
    selections work on points, not on heatmap cells).

    `selected` (level, theme) marks the filtered part of the matrix: the cell (thick outline) when both
    are set, a band behind the level's row with a level alone, behind the theme's column with a theme
    alone; the chosen row's or column's name in bold. The matrix never looks unfiltered.
    """
    level_ids, theme_ids = _ordered(levels, "level_id"), _ordered(themes, "theme_id")
    sel_level, sel_theme = (tuple(selected) + (None, None))[:2] if selected else (None, None)

    def bold(code, text: str, chosen) -> str:
        return f"<b>{text}</b>" if chosen is not None and str(code) == str(chosen) else text

    level_names = {r["level_id"]: bold(r["level_id"], wrap(i18n.name(r, "name", lang), LEVEL_WRAP), sel_level)
                   for r in levels.to_dict("records")}
    theme_names = {r["theme_id"]: bold(r["theme_id"], wrap(i18n.name(r, "name", lang), THEME_WRAP), sel_theme)
                   for r in themes.to_dict("records")}
    size = cell_size(len(theme_ids))

    def marked(lv, th) -> bool:   # the one cell of a level and a theme both chosen
        return sel_level is not None and sel_theme is not None and (str(lv), str(th)) == (str(sel_level), str(sel_theme))
    traces = []
    for status in STATUS_ORDER:   # a trace per band, in the bands' order, so that the legend lists every band
        part = cells[cells["status"] == status]
        label = i18n.status_label(status, lang, method)
        if part.empty:   # plotly leaves a trace without points out of the legend: one point at no place
            traces.append(dict(type="scatter", x=[None], y=[None], mode="markers",
                               name=f"{STATUS_ICONS[status]} {label}",
                               marker=dict(symbol="square", size=size, color=STATUS_COLORS[status],
                                           line=dict(color="#1A1A1A", width=[1])),
                               customdata=[], text=[], hoverinfo="skip"))
            continue
        # a cell without a score shows the icon alone (it read "– –")
        text = [f"{STATUS_ICONS[status]}{'' if score_text(s, lang) == '–' else ' ' + score_text(s, lang)}<br><sub>{i18n.count(int(n), 'action_one', 'actions', lang)}</sub>"
                for s, n in zip(part["score"], part["n_actions"])]
        hover = [f"<b>{level_names.get(lv, lv)}<br>× {theme_names.get(th, th)}</b><br>{label}"
                 f"<br>{i18n.t('score', lang)}{i18n.colon(lang)} {score_text(s, lang)}<br>{i18n.count(int(n), 'action_one', 'actions', lang)}"
                 for lv, th, s, n in zip(part["level_id"], part["theme_id"], part["score"], part["n_actions"])]
        line_width = [4 if marked(lv, th) else 1 for lv, th in zip(part["level_id"], part["theme_id"])]
        traces.append(dict(
            type="scatter",
            x=[theme_names.get(c, c) for c in part["theme_id"]],
            y=[level_names.get(c, c) for c in part["level_id"]],
            mode="markers+text", name=f"{STATUS_ICONS[status]} {label}",
            marker=dict(symbol="square", size=size, color=STATUS_COLORS[status],
                        line=dict(color="#1A1A1A", width=line_width)),
            text=text, textfont=dict(color=STATUS_TEXT_COLORS[status], size=15 if size >= 64 else 13),
            customdata=list(zip(part["level_id"], part["theme_id"])),
            hovertext=hover, hoverinfo="text",
        ))
    band = _band(cells, level_ids, theme_ids, level_names, theme_names, sel_level, sel_theme)
    # Categories said outright: plotly types an axis from its first trace's values, and a first band
    # without cells (the placeholder's None, when no cell is "achieved") made both axes numeric and
    # left the matrix empty.
    layout = dict(
        xaxis=dict(type="category", categoryorder="array", categoryarray=[theme_names.get(c, c) for c in theme_ids],
                   side="top", showgrid=False, zeroline=False, tickfont=dict(size=13), tickangle=0,
                   range=[-0.5, len(theme_ids) - 0.5]),
        yaxis=dict(type="category", categoryorder="array",
                   categoryarray=[level_names.get(c, c) for c in reversed(level_ids)],
                   showgrid=False, zeroline=False, tickfont=dict(size=14), range=[-0.5, len(level_ids) - 0.5]),
        height=190 + 90 * len(level_ids), margin=dict(l=10, r=10, t=60, b=10),
        plot_bgcolor="#F7F7F7", font=FONT, separators=SEPARATORS[lang], clickmode="event+select",
        dragmode=False, legend=dict(orientation="h", y=-0.05, yanchor="top", x=0),
        shapes=[band] if band else [])
    # built in one go, as status_bars_figure (a third of the cost of a trace and an update at a time)
    return go.Figure(data=traces, layout=layout)




def _band(cells: pd.DataFrame, level_ids: list, theme_ids: list, level_names: dict, theme_names: dict, level,
          theme) -> dict | None:
    """A level chosen alone: a band behind its row; a theme alone: behind its column (a shape, so the
    legend's squares keep their thin outline, which a thick outline on every cell of the row changed).
    None when there is no band to draw."""
    if (level is None) == (theme is None):
        return None
    present_levels = [c for c in level_ids if (cells["level_id"].astype(str) == str(c)).any()]
    present_themes = [c for c in theme_ids if (cells["theme_id"].astype(str) == str(c)).any()]
    if not present_levels or not present_themes:
        return None
    if level is not None:
        if str(level) not in map(str, present_levels):
            return None
        name = level_names.get(level, level)
        x0, x1 = theme_names.get(present_themes[0]), theme_names.get(present_themes[-1])
        box = dict(x0=x0, x1=x1, x0shift=-0.5, x1shift=0.5, y0=name, y1=name, y0shift=-0.5, y1shift=0.5)
    else:
        if str(theme) not in map(str, present_themes):
            return None
        name = theme_names.get(theme, theme)
        # the y axis runs from the last level at the bottom to the first at the top
        y0, y1 = level_names.get(present_levels[-1]), level_names.get(present_levels[0])
        box = dict(x0=name, x1=name, x0shift=-0.5, x1shift=0.5, y0=y0, y1=y1, y0shift=-0.5, y1shift=0.5)
    return dict(type="rect", xref="x", yref="y", layer="below", fillcolor="rgba(26, 26, 26, 0.10)",
                line=dict(color="#1A1A1A", width=2), **box)


def shown_score(value) -> tuple[float, int] | None:
    """(the number to write for a score, its decimals): one decimal, unless rounding to one decimal
    would carry the score across a status cut (−2.5, 0, 2.5), so that the number never contradicts
    the status beside it: a mean of 2.4527 (acceleration needed) read "2,5", the first score of "on
    track". Then two decimals (2,45), and where even two cross a cut (2.4999, −0.004) the nearest
    two-decimal number on the score's own side (2,49, −0,01). None for no score."""
    if value is None:
        return None
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    if math.isnan(value):
        return None
    band = status_from_score(value)
    for digits in (1, 2):
        shown = float(i18n.rounded(value, digits))    # a half away from zero, as every number (2.25: 2,3)
        if status_from_score(shown) == band:
            return shown, digits
    shown = math.floor(value * 100) / 100 if shown > value else math.ceil(value * 100) / 100
    return shown + 0.0, 2


def score_text(value, lang: str) -> str:
    """A score as the page writes it (`shown_score`'s rule), an en dash for no score."""
    shown = shown_score(value)
    return "–" if shown is None else i18n.number(shown[0], lang, shown[1])


def two_decimals(cells: pd.DataFrame) -> bool:
    """Whether a matrix cell writes its score with two decimals (`shown_score`): the page then says why."""
    if cells is None or "score" not in cells:
        return False
    return any(shown is not None and shown[1] == 2 for shown in map(shown_score, cells["score"]))


def _score(value, lang: str) -> str:
    return score_text(value, lang)


def cell_from_selection(event) -> tuple[str, str] | None:
    """(level, theme) of the clicked matrix cell, from st.plotly_chart's selection (dict or object)."""
    if not event:
        return None
    selection = event["selection"] if isinstance(event, dict) else getattr(event, "selection", None)
    if not selection:
        return None
    points = selection["points"] if isinstance(selection, dict) else getattr(selection, "points", [])
    for point in points or []:
        data = point.get("customdata") if hasattr(point, "get") else None
        if data and len(data) == 2:
            return str(data[0]), str(data[1])
    return None


def status_counts(action_rollup: pd.DataFrame, actions: pd.DataFrame, by: str) -> pd.DataFrame:
    """Actions by their status, per theme or per level (`by`, then one `n_<status>` column per status): the
    bars drawn from it say "number of actions", and their sums are the matrix's action counts. (They
    counted the group's indicators, so Mobility showed 14 "actions" beside a matrix column of 8.)"""
    acts = actions.drop_duplicates("action_id")
    status = dict(zip(action_rollup["action_id"].astype(str), action_rollup["status"])) if len(action_rollup) else {}
    frame = pd.DataFrame({by: acts[by].astype(str).to_numpy(dtype=object),
                          "status": [status.get(str(a)) if isinstance(status.get(str(a)), str) else NOT_ASSESSED
                                     for a in acts["action_id"]]})
    rows = []
    for key, part in frame.groupby(by, sort=True):
        counts = part["status"].value_counts()
        rows.append({by: key, **{f"n_{s}": int(counts.get(s, 0)) for s in STATUSES}, "n_actions": len(part)})
    return pd.DataFrame(rows, columns=[by, *(f"n_{s}" for s in STATUSES), "n_actions"])


def status_bars_figure(groups: pd.DataFrame, key: str, names: dict[str, str], lang: str,
                       method: str = "opensdg", order: list[str] | None = None,
                       axis_title: str | None = None) -> go.Figure:
    """Actions by status, one bar per level or theme, in `order` (the matrix's rows or columns)."""
    traces = []
    if order is not None:
        rank = {code: i for i, code in enumerate(order)}
        groups = groups.sort_values(key, key=lambda s: s.map(rank).fillna(len(rank)), kind="stable")
    # Half the column at 1024 px: short names (themes) on lines of 16 characters leave the bars room (at 24 the
    # axis title was cut); long ones (levels) keep 24, or their lines overran the next bar's.
    texts = [str(names.get(c, c)) for c in groups[key]]
    width = 16 if all(len(x) <= 32 for x in texts) else 24
    labels = [wrap(x, width) for x in texts]
    for status, column in zip(STATUSES, COUNT_COLUMNS):
        values = groups[column].tolist()
        if not any(values):
            continue
        label = f"{STATUS_ICONS[status]} {i18n.status_label(status, lang, method)}"
        traces.append(dict(type="bar", y=labels, x=values, name=label, orientation="h",
                           marker=dict(color=STATUS_COLORS[status], line=dict(color="#FFFFFF", width=1)),
                           text=[v if v else "" for v in values], textposition="inside",
                           textfont=dict(color=STATUS_TEXT_COLORS[status]),
                           hovertemplate=f"%{{y}}<br>{label}{i18n.colon(lang)} %{{x}}<extra></extra>"))
    layout = dict(barmode="stack", height=230 + 52 * len(labels), margin=dict(l=10, r=10, t=10, b=130),
                  font=FONT, separators=SEPARATORS[lang], plot_bgcolor="#FFFFFF",
                  # counts of actions: whole ticks only (with 0.5 steps "d" wrote "0 1 1")
                  xaxis=dict(gridcolor="#E5E5E5", title=dict(text=t("axis_actions_count", lang)),
                             tickformat="d", tick0=0, dtick=count_step(_largest_total(groups)), rangemode="tozero"),
                  yaxis=dict(autorange="reversed", title=dict(text=axis_title) if axis_title else None),
                  # the legend at the container's foot, below the axis title (never over it)
                  legend=dict(orientation="h", yref="container", y=0, yanchor="bottom", x=0,
                              font=dict(size=13), traceorder="normal"))
    # built in one go: traces added and the layout updated one call at a time cost 4x as much (plotly checks
    # the figure at each call: 15 ms of the 100 ms a filter change costs the Overview's server)
    return go.Figure(data=traces, layout=layout)


def count_step(largest: float) -> int:
    """A whole tick step for an axis of counts up to `largest`: 1 up to 10, then 2, 5, 10, 20, 50…
    so that about 5 to 10 ticks show and never a fraction (plotly's own steps go to 0.5 or 0.2)."""
    if not largest or largest != largest or largest <= 10:
        return 1
    step = 1
    while True:
        for factor in (1, 2, 5):
            if largest / (step * factor) <= 10:
                return step * factor
        step *= 10


def _largest_total(groups: pd.DataFrame) -> float:
    """The longest bar of a status bars figure: a group's actions, all statuses stacked."""
    if groups is None or not len(groups):
        return 0
    columns = [c for c in COUNT_COLUMNS if c in groups]
    totals = groups[columns].sum(axis=1) if columns else groups.get("n_actions", pd.Series(dtype=float))
    return float(totals.max()) if len(totals) else 0


def attention(action_rollup: pd.DataFrame, actions: pd.DataFrame, limit: int = 8) -> pd.DataFrame:
    """The assessed actions with the lowest scores, worst first."""
    roll = action_rollup.merge(actions.rename(columns={"status": "implementation"}), on="action_id", how="inner")
    roll = roll[roll["status"].isin(["deterioration", "limited_progress", "acceleration_needed"])]
    return roll.sort_values(["score", "action_id"]).head(limit).reset_index(drop=True)


def staleness(observations: pd.DataFrame, indicators: pd.DataFrame, reference_year: int | None = None) -> pd.DataFrame:
    """Per indicator: latest period with a value and how many years are missing since.

    The reference is the latest year any indicator has a value for (or the one
    given): an annual indicator whose last value is two years or more behind it
    is stale.
    """
    obs = observations[observations["value"].notna()]
    if obs.empty:
        return pd.DataFrame(columns=["indicator_id", "latest_period", "periods_missing", "stale"])
    years = obs["period"].str.slice(0, 4).astype(int)
    ref = reference_year or int(years.max())
    latest = obs.assign(_y=years).groupby("indicator_id")["_y"].max()
    out = indicators[["indicator_id"]].copy()
    out["latest_year"] = out["indicator_id"].map(latest)
    out["periods_missing"] = (ref - out["latest_year"]).where(out["latest_year"].notna())
    out["stale"] = out["periods_missing"].isna() | (out["periods_missing"] >= 2)
    out["latest_period"] = out["latest_year"].map(lambda y: "–" if pd.isna(y) else str(int(y)))
    return out.sort_values(["stale", "periods_missing"], ascending=[False, False]).reset_index(drop=True)


def in_force(batches: pd.DataFrame, limit: int | None = None) -> pd.DataFrame:
    """The import batches still in force, newest first (`limit` of them): a rolled-back batch brought
    nothing, so the Overview's "Latest data received" and the day under "Latest period", and the
    report's "latest data", leave it out (they listed it with its counts while Data → History said
    "rolled back" for the same batch)."""
    if batches is None or not len(batches):
        return batches
    live = batches
    if "rolled_back_at" in live:
        live = live[live["rolled_back_at"].isna() | (live["rolled_back_at"].astype(str).str.strip() == "")]
    if "status" in live:
        live = live[live["status"].astype(str) != "rolled_back"]
    return live if limit is None else live.head(limit)
