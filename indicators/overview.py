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
from .progress import COUNT_COLUMNS, NOT_ASSESSED, STATUSES, rollup_groups
from .style import STATUS_COLORS, STATUS_ICONS, STATUS_ORDER, STATUS_TEXT_COLORS

SEPARATORS = {"fr": ", ", "nl": ",.", "en": ".,"}   # plotly: decimal mark, then thousands mark
FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=15, color="#1A1A1A")


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
    """
    level_ids, theme_ids = _ordered(levels, "level_id"), _ordered(themes, "theme_id")
    level_names = {r["level_id"]: wrap(i18n.name(r, "name", lang), 26) for r in levels.to_dict("records")}
    theme_names = {r["theme_id"]: wrap(i18n.name(r, "name", lang), 14) for r in themes.to_dict("records")}
    fig = go.Figure()
    for status in STATUS_ORDER:
        part = cells[cells["status"] == status]
        if part.empty:
            continue
        label = i18n.status_label(status, lang, method)
        # a cell without a score shows the icon alone (it read "– –")
        text = [f"{STATUS_ICONS[status]}{'' if _score(s, lang) == '–' else ' ' + _score(s, lang)}<br><sub>{i18n.count(int(n), 'action_one', 'actions', lang)}</sub>"
                for s, n in zip(part["score"], part["n_actions"])]
        hover = [f"<b>{level_names.get(lv, lv)}<br>× {theme_names.get(th, th)}</b><br>{label}"
                 f"<br>{i18n.t('score', lang)}{i18n.colon(lang)} {_score(s, lang)}<br>{i18n.count(int(n), 'action_one', 'actions', lang)}"
                 for lv, th, s, n in zip(part["level_id"], part["theme_id"], part["score"], part["n_actions"])]
        line_width = [4 if (lv, th) == selected else 1 for lv, th in zip(part["level_id"], part["theme_id"])]
        fig.add_trace(go.Scatter(
            x=[theme_names.get(c, c) for c in part["theme_id"]],
            y=[level_names.get(c, c) for c in part["level_id"]],
            mode="markers+text", name=f"{STATUS_ICONS[status]} {label}",
            marker=dict(symbol="square", size=74, color=STATUS_COLORS[status],
                        line=dict(color="#1A1A1A", width=line_width)),
            text=text, textfont=dict(color=STATUS_TEXT_COLORS[status], size=15),
            customdata=list(zip(part["level_id"], part["theme_id"])),
            hovertext=hover, hoverinfo="text",
        ))
    fig.update_xaxes(categoryorder="array", categoryarray=[theme_names.get(c, c) for c in theme_ids],
                     side="top", showgrid=False, zeroline=False, tickfont=dict(size=15))
    fig.update_yaxes(categoryorder="array", categoryarray=[level_names.get(c, c) for c in reversed(level_ids)],
                     showgrid=False, zeroline=False, tickfont=dict(size=15))
    fig.update_layout(height=150 + 90 * len(level_ids), margin=dict(l=10, r=10, t=60, b=10),
                      plot_bgcolor="#F7F7F7", font=FONT, separators=SEPARATORS[lang], clickmode="event+select",
                      dragmode=False, legend=dict(orientation="h", y=-0.05, yanchor="top", x=0))
    return fig




def _score(value, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return i18n.number(value, lang, 1)


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
    fig = go.Figure()
    if order is not None:
        rank = {code: i for i, code in enumerate(order)}
        groups = groups.sort_values(key, key=lambda s: s.map(rank).fillna(len(rank)), kind="stable")
    labels = [wrap(names.get(c, c), 24) for c in groups[key]]
    for status, column in zip(STATUSES, COUNT_COLUMNS):
        values = groups[column].tolist()
        if not any(values):
            continue
        label = f"{STATUS_ICONS[status]} {i18n.status_label(status, lang, method)}"
        fig.add_trace(go.Bar(y=labels, x=values, name=label, orientation="h",
                             marker=dict(color=STATUS_COLORS[status], line=dict(color="#FFFFFF", width=1)),
                             text=[v if v else "" for v in values], textposition="inside",
                             textfont=dict(color=STATUS_TEXT_COLORS[status]),
                             hovertemplate=f"%{{y}}<br>{label}{i18n.colon(lang)} %{{x}}<extra></extra>"))
    fig.update_layout(barmode="stack", height=230 + 52 * len(labels), margin=dict(l=10, r=10, t=10, b=130),
                      font=FONT, separators=SEPARATORS[lang], plot_bgcolor="#FFFFFF",
                      xaxis=dict(gridcolor="#E5E5E5", title=dict(text=t("axis_actions_count", lang)),
                                 tickformat="d"),
                      yaxis=dict(autorange="reversed", title=dict(text=axis_title) if axis_title else None),
                      # the legend at the container's foot, below the axis title (never over it)
                      legend=dict(orientation="h", yref="container", y=0, yanchor="bottom", x=0,
                                  font=dict(size=13), traceorder="normal"))
    return fig


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
