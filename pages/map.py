"""Map: the chosen indicator's values (or progress statuses) by territory, or its flows as arcs.

A choropleth where boundaries were uploaded, proportional circles or columns at the territories'
coordinates elsewhere; the border drawn from the boundaries; an offline base map served from
static files. A click on a territory selects it in the global territory filter (read by
`common._follow_map_clicks` before the sidebar is drawn) and shows its card. Editors upload,
check and save boundary files in the section at the bottom.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pydeck as pdk
import streamlit as st

from indicators import filters as F
from indicators import i18n
from indicators import boundaries, downloads, health, map_classes, map_flows, map_labels, maps, wording
from indicators.i18n import t
from indicators.units import unit_of
from pages import common, editors, safe_markdown, widgets

STATIC_CACHE = Path(__file__).resolve().parent.parent / "static" / "map" / "cache"
CHART_KEY = "map_chart"            # read by pages/common.py (_follow_map_clicks)
CARD_KEY = "map_card"              # the territory's card beside the map (its figure's style is scoped to it)
INDICATOR_KEY = "f_indicator"      # shared with the explorer, written to the URL as `indicator`
MAP_HEIGHT = 560
# The map's frame has this fixed width, whatever the screen, and its first view fits the territories with a
# value, and places its names, in exactly that frame: a frame as wide as its column was 390 px at 1024 px
# (sidebar open) and 1040 px at 1920 px, and a view fitted to one width cut the Belgian communes off at the
# other (deck.gl's fitBounds is not reachable through pydeck's JSON). With the legend's column beside it, it
# fits a 1280-px screen; at 1024 px the legend goes under it.
MAP_WIDTH = 540
LEGEND_WIDTH = 240
NAMES_LIMIT = 8
TOOLTIP_STYLE = (f"<style>.st-key-{CHART_KEY} [data-testid='stDeckGlJsonChart'] > div, "
                 f".st-key-{CHART_KEY} .deck-widgets-root > div {{overflow: visible !important}}</style>")
CONTROLS = [1.1, 1.1, 1.6]         # territories shown, period, colour by: each whole at 1024 px
CLASS_CONTROLS = [1.5, 0.9, 1.9]   # classes, their number, the colours


# ---------------------------------------------------------------- cached reads

def _url_prefix() -> str:
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/app/static/map/cache" if base else "/app/static/map/cache"


@st.cache_resource(show_spinner=False, max_entries=4)
def geography(version: tuple) -> tuple[boundaries.Geography, maps.BaseMap | None]:
    """The saved boundary sets merged, and the offline base map (static files) that draws them."""
    geo = common.geography(version)
    try:
        base = maps.write_base_map(STATIC_CACHE, geo, _url_prefix())
    except OSError:  # a read-only app folder: the background-only style shipped in static/map/
        base = None
    return geo, base


@st.cache_data(show_spinner=False, max_entries=4)
def demo_boundaries(version: tuple) -> bool:
    """Whether a boundary set shipped with the demo is still saved (an editor may have replaced it)."""
    from indicators.demo_boundaries import in_use
    from indicators.store import load_boundaries

    return in_use(load_boundaries(common.engine()))


@st.cache_data(show_spinner=False, max_entries=32)
def statuses(version: tuple, method: str, indicator_id: str, period_from: str | None,
             period_to: str | None) -> pd.DataFrame:
    """territory_id → status of the indicator's series within the period filter."""
    if not period_from and not period_to:
        assessed, _ = common.assessment(version, method)
        rows = assessed[assessed["indicator_id"] == indicator_id]
    else:
        from indicators.progress import assess_all

        fw = common.framework(version)
        obs = common.observations(version)
        # the period goes to the engine, not as filtered rows: a break before `from` still counts (DESIGN)
        rows = assess_all(obs[obs["indicator_id"] == indicator_id],
                          fw["indicators"][fw["indicators"]["indicator_id"] == indicator_id],
                          fw["targets"][fw["targets"]["indicator_id"] == indicator_id], method=method,
                          period_from=period_from, period_to=period_to)
    # the year each status is judged at: the status legend says it (not the period the values are drawn for);
    # the break in series a status is judged from: the tooltip and the note under the map say it (DESIGN)
    rows = rows if "break_period" in rows else rows.assign(break_period=None)
    # with the Eurostat method a series without a target has Eurostat's own names (DESIGN): which ones do
    rows = rows.assign(has_target=rows["target_value"].notna() if "target_value" in rows else True)
    return (rows[["territory_id", "status", "latest_period", "break_period", "has_target"]]
            .drop_duplicates("territory_id").reset_index(drop=True))


@st.cache_resource(show_spinner=False, max_entries=2)
def read_upload(digest: str, name: str, _raw: bytes) -> boundaries.BoundaryFile:
    return boundaries.read_boundary_file(_raw, name)


# ---------------------------------------------------------------- pieces

def _names(frame: pd.DataFrame, lang: str) -> str:
    names = [maps.territory_name(r, lang) for r in frame.head(NAMES_LIMIT).to_dict("records")]
    more = len(frame) - len(names)
    return ", ".join(names) + (f" {t('and_more', lang, n=more)}" if more > 0 else "")


@st.cache_data(show_spinner=False, max_entries=8)
def _territory_counts(version: tuple, period_from: str | None, period_to: str | None) -> pd.Series:
    # Scanning the observations for the indicators with values cost 0.5 s per run on the large store.
    flt = F.Filters(period_from=period_from, period_to=period_to)
    return map_classes.territory_counts(F.in_period(common.observations(version), flt))


def _indicator_choice(lang: str, indicators: pd.DataFrame, counts: pd.Series, flows: pd.DataFrame):
    with_values = set(counts.index)
    with_flows = set(flows.loc[flows["value"].notna(), "indicator_id"]) if not flows.empty else set()
    rows = indicators[indicators["indicator_id"].isin(with_values | with_flows)]
    if rows.empty:
        return None, None, with_flows
    codes = rows["indicator_id"].astype(str).tolist()
    names = {r["indicator_id"]: i18n.name(r, "name", lang) or r["indicator_id"] for r in rows.to_dict("records")}
    ss = st.session_state
    if ss.get(INDICATOR_KEY) not in codes:
        # First visit: an indicator the strategy acts on (DESIGN.md: a context indicator such as the
        # population is shown beside actions, never first), the one known in the most territories.
        ss[INDICATOR_KEY] = map_classes.default_indicator(rows, counts=counts) or codes[0]

    def label(code: str) -> str:
        tag = f" · ⇄ {t('map_flows_tag', lang)}" if code in with_flows else ""
        return f"{code} · {names.get(code, code)}{tag}"

    code = st.selectbox(t("choose_indicator", lang), codes, key=INDICATOR_KEY, format_func=label,
                        persist_state="session")
    return code, rows[rows["indicator_id"] == code].iloc[0].to_dict(), with_flows


def _reset_if_missing(key: str, options: list, default=None) -> None:
    if st.session_state.get(key) not in options:
        st.session_state[key] = default if default in options else options[0]


def _panel(view, code: str | None, indicator: dict, lang: str) -> None:
    """The card of the selected territory: name, country, latest values, statuses, link to the explorer."""
    fw, flt = view.framework, view.filters
    if not code:
        st.caption(t("map_panel_empty", lang))
        return
    ter = fw["territories"][fw["territories"]["territory_id"].astype(str) == code]
    if ter.empty:
        return
    row = ter.iloc[0].to_dict()
    st.subheader(maps.territory_name(row, lang), anchor="territory")
    kind = str(row.get("kind") or "custom")
    kind_key = f"map_kind_{kind}"
    country_key = f"country_{row.get('country')}"
    st.caption(" · ".join([t(country_key, lang) if country_key in i18n.TEXTS else str(row.get("country") or ""),
                           t(kind_key, lang) if kind_key in i18n.TEXTS else kind, code]))
    in_scope = F.selected_indicators(fw, flt)
    obs = F.in_period(common.observations(view.version), flt)
    obs = obs[(obs["territory_id"].astype(str) == code) & obs["value"].notna()
              & obs["indicator_id"].isin(in_scope["indicator_id"])]
    if obs.empty:
        st.caption(t("no_data_indicator", lang))
    else:
        # each indicator's last row whole: a groupby's last() took the last flag *given* (2020's `p` on 2021)
        latest = obs.sort_values("period", kind="stable").groupby("indicator_id", as_index=False).tail(1)
        if "flag" not in latest:
            latest = latest.assign(flag=None)
        # the statuses of the period shown, as the map's colours and the other pages say them
        assessed, _ = common.scoped_assessment(view.version, flt.method, (), flt.period_from, flt.period_to)
        here = assessed[assessed["territory_id"].astype(str) == code].set_index("indicator_id")
        status = here["status"]
        # a status judged after a break in series says so, here as everywhere (DESIGN)
        breaks = {c: t("break_since", lang, period=b) for c, b in
                  (here["break_period"].items() if "break_period" in here else ()) if isinstance(b, str)}
        info = in_scope.set_index("indicator_id")
        targets = fw["targets"][fw["targets"]["territory_id"].astype(str) == code]
        with_target = set(targets["indicator_id"].astype(str))
        iid = indicator["indicator_id"]
        current = latest[latest["indicator_id"] == iid]
        if not current.empty:
            r = current.iloc[0]
            unit, dec = unit_of(indicator, lang), indicator.get("decimals")
            label = i18n.name(indicator, "name", lang) or iid
            # the period's own value, labelled with its own period (2024-12), as the map draws it
            # the unit beside the number too: a long name cuts the label before its unit (240 px card); the
            # figure sized to be whole in the card, the unit under it when too long (maps.card_figure)
            figure, size = maps.card_figure(r["value"], lang, dec, unit, LEGEND_WIDTH)
            st.html(maps.card_figure_style(CARD_KEY, size))
            # the value's flag under it, as the Explorer's chart, ranking and table give it
            flag = wording.flag_note(r.get("flag"), lang)
            st.metric(f"{label} ({unit}, {r['period']})" if unit else f"{label} ({r['period']})", figure,
                      flag or None, help=f"{label} ({r['period']})", delta_color="off", delta_arrow="off")
            if iid in status.index:
                st.markdown(widgets.status_badge(status[iid], lang, flt.method, iid in with_target))
                a = here.loc[iid].to_dict()
                own = obs.loc[obs["indicator_id"] == iid, "period"].astype(str).tolist()
                notes = []
                if wording.sub_annual(own, a.get("latest_period")):
                    # the status is judged on the year's mean of its quarters or months: that value, named so
                    # with the flags of the periods it is the mean of (`p` if one month is provisional)
                    year = obs[(obs["indicator_id"] == iid) & (obs["period"].astype(str).str[:4]
                                                                == str(a.get("latest_period"))[:4])]
                    flags = wording.flag_note(wording.flag_letters(year["flag"] if "flag" in year else ()), lang)
                    notes.append(t("status_judged_on", lang, when=wording.latest_when(a, own, lang),
                                   value=map_classes.fmt(a.get("latest_value"), lang, dec, unit))
                                 + (f" · {flags}" if flags else ""))
                # with a milestone, its own status in the words of the Actions page and the Explorer
                trow = targets[targets["indicator_id"].astype(str) == str(iid)]
                milestone = wording.milestone_text(trow.iloc[0].to_dict() if len(trow) else None, a, lang, dec,
                                                   unit, flt.method)
                if milestone:
                    notes.append(f"{t('milestone', lang)}{i18n.colon(lang)} {milestone}")
                if iid in breaks:
                    notes.append(breaks[iid])
                for note in notes:
                    st.caption(note)
        # one item per indicator, its value and period, then its status: a table of four columns was cut
        # at its period column in the card's width
        lines = []
        for c, period, value, flag in zip(latest["indicator_id"], latest["period"].astype(str), latest["value"],
                                          latest["flag"]):
            row = info.loc[c].to_dict()
            note = wording.flag_note(flag, lang)   # the flag beside its value, as the Explorer's table gives it
            words = [f"{map_classes.fmt(value, lang, row.get('decimals'), unit_of(row, lang))} ({period})"
                     + (f" {note}" if note else ""),
                     # the icon kept with its word at a line's end ("►" alone, "Acceleration needed" below)
                     wording.status_text(status.get(c, "not_assessed"), lang, flt.method,
                                         str(c) in with_target).replace(" ", "\u00a0", 1)]
            if c in breaks:
                words.append(breaks[c])
            name = safe_markdown.md_text(f"{c} · {i18n.name(row, 'name', lang) or c}")
            said = safe_markdown.plain_markdown(" · ".join(words)).replace("\n", " ")   # no-break spaces kept
            lines.append(f"- **{name}**  \n  {said}")
        st.markdown(f"**{t('map_latest_values', lang)}**")
        # a long list scrolls in a framed box (the frame says there is more below)
        box = st.container(height=min(70 * len(lines) + 20, 360), border=True) if len(lines) > 4 else st.container()
        box.markdown("\n".join(lines))
    query = {**{k: v for k, v in flt.to_query().items() if k != "territory"}, "indicator": indicator["indicator_id"],
             "territory": code}
    st.page_link(common.navigation_pages(lang)["explorer"], label=t("map_open_explorer", lang),
                 icon=":material/query_stats:", query_params=query)


def _boundaries_section(view, geo: boundaries.Geography, lang: str) -> None:
    from indicators.store import delete_boundaries, save_boundaries

    fw, ss = view.framework, st.session_state
    for message in ss.pop("_map_messages", []):
        st.success(message, icon=":material/check_circle:")
    if geo.sets:
        st.dataframe(pd.DataFrame({
            t("map_col_set", lang): [s["name"] for s in geo.sets],
            t("map_col_property", lang): [s["code_property"] for s in geo.sets],
            t("map_col_features", lang): [s["features"] for s in geo.sets],
            t("map_col_matched", lang): [s["matched"] for s in geo.sets],
            t("map_col_saved", lang): [i18n.when(s["saved_at"], lang) for s in geo.sets],
            t("user", lang): [s["user"] for s in geo.sets],
        }), hide_index=True)
        missing = boundaries.territories_without_shape(fw["territories"], geo.shapes)
        if not missing.empty:
            with st.expander(t("map_missing_all", lang, n=len(missing))):
                st.dataframe(_territory_table(missing, lang), hide_index=True)
    else:
        st.caption(t("map_sets_none", lang))
    editor = editors.editor_gate(lang)
    if not editor:
        return
    if geo.sets:
        left, right = st.columns([3, 1], vertical_alignment="bottom")
        chosen = left.selectbox(t("map_delete_set", lang), [s["name"] for s in geo.sets], key="map_delete_choice")
        if right.button(t("map_delete", lang), key="map_delete", icon=":material/delete:"):
            delete_boundaries(common.engine(), chosen)
            ss["_map_messages"] = [t("map_deleted", lang, name=chosen)]
            st.rerun()
    round_ = ss.get("_map_upload_round", 0)
    upload = widgets.file_uploader(t("map_upload", lang, limit=boundaries.MAX_MB), lang,
                                  types=["geojson", "json", "topojson"], key=f"map_upload_{round_}",
                                  limit_bytes=boundaries.MAX_BYTES)
    if upload is None:
        return
    if upload.size > boundaries.MAX_BYTES:  # refused before reading a byte of it
        st.error(boundaries.BoundaryError("map_err_too_big", file=upload.name, size=boundaries._mb(upload.size),
                                          limit=boundaries.MAX_MB).message(lang), icon=":material/error:")
        return
    raw = upload.getvalue()
    try:
        bfile = read_upload(hashlib.sha256(raw).hexdigest(), upload.name, raw)
    except boundaries.BoundaryError as exc:
        st.error(exc.message(lang), icon=":material/error:")
        return
    except Exception:  # never a traceback, nor an exception's name: the file, and what to do
        st.error(t("map_err_read", lang, file=upload.name), icon=":material/error:")
        return
    for note in bfile.notice_texts(lang):
        st.info(note, icon=":material/info:")
    candidates = boundaries.code_properties(bfile, fw["territories"]["territory_id"])
    if not candidates:
        st.error(t("map_err_no_properties", lang, file=upload.name), icon=":material/error:")
        return
    options = {c["property"]: c for c in candidates}
    prop_key = f"map_code_prop_{round_}"
    _reset_if_missing(prop_key, list(options))
    prop = st.selectbox(t("map_code_property", lang), list(options), key=prop_key,
                        format_func=lambda p: t("map_code_option", lang, prop=p, n=options[p]["matches"],
                                                example=options[p]["example"]))
    try:
        prepared = boundaries.prepare_boundaries(bfile, prop, fw["territories"])
    except boundaries.BoundaryError as exc:
        st.error(exc.message(lang), icon=":material/error:")
        return
    except Exception:
        st.error(t("map_err_read", lang, file=upload.name), icon=":material/error:")
        return
    st.info(t("map_preview", lang, file=upload.name, matched=t("map_preview_matched", lang, n=len(prepared.matched)),
              features=t("map_preview_features", lang, n=prepared.features_in_file),
              unknown=t("map_preview_unknown", lang, n=len(prepared.unknown)),
              before=i18n.number(prepared.vertices_before, lang, 0),
              after=i18n.number(prepared.vertices_after, lang, 0),
              size=i18n.number(prepared.size_bytes / 1024, lang, 0)), icon=":material/map:")
    if prepared.duplicates:
        st.warning(t("map_duplicate_codes", lang, list="; ".join(f"{d['code']} ({d['features']})"
                                                                 for d in prepared.duplicates[:20])),
                   icon=":material/content_copy:")
    if prepared.misplaced:   # lat/lon swapped, a wrong `crs`: said before Save (boundary_placement)
        names = dict(zip(fw["territories"]["territory_id"].astype(str),
                         (maps.territory_name(r, lang) for r in fw["territories"].to_dict("records"))))
        listed = "; ".join(t("map_misplaced_item", lang, code=m["code"], name=names.get(m["code"], m["code"]),
                             km=i18n.number(m["km"], lang, 0)) for m in prepared.misplaced[:20])
        st.warning(t("map_misplaced", lang, list=listed + ("; …" if len(prepared.misplaced) > 20 else ""))
                   + (" " + t("map_misplaced_swapped", lang) if prepared.swapped else ""),
                   icon=":material/wrong_location:")
    if not prepared.unknown.empty:
        with st.expander(t("map_unknown_title", lang, n=len(prepared.unknown))):
            st.dataframe(prepared.unknown.rename(columns={"code": t("code", lang), "name": t("territory", lang)}),
                         hide_index=True)
    if not prepared.missing.empty:
        with st.expander(t("map_missing_title", lang, n=len(prepared.missing))):
            st.dataframe(_territory_table(prepared.missing, lang), hide_index=True)
    name = st.text_input(t("map_set_name", lang), value=Path(upload.name).stem, key=f"map_set_name_{round_}")
    if st.button(t("map_save", lang), type="primary", key=f"map_save_{round_}", icon=":material/save:"):
        set_name = (name or "").strip() or Path(upload.name).stem
        save_boundaries(common.engine(), set_name, prepared.geojson, prop, editor)
        ss["_map_upload_round"] = round_ + 1
        ss["_map_messages"] = [t("map_saved", lang, name=set_name, n=len(prepared.matched))]
        st.rerun()


def _territory_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    records = frame.to_dict("records")
    return pd.DataFrame({
        t("code", lang): [r["territory_id"] for r in records],
        t("territory", lang): [maps.territory_name(r, lang) for r in records],
        t("country", lang): [r.get("country") for r in records],
        t("map_kind", lang): [t(f"map_kind_{r.get('kind')}", lang) if f"map_kind_{r.get('kind')}" in i18n.TEXTS
                              else r.get("kind") for r in records],
    })


# ---------------------------------------------------------------- the page

def main() -> None:
    view = common.current()
    lang, fw, flt = view.lang, view.framework, view.filters
    ss = st.session_state
    st.title(t("page_map", lang), anchor="page-map")
    st.caption(t("map_intro", lang))
    geo, base = geography(view.version)

    indicators = F.selected_indicators(fw, flt)
    obs = F.in_period(common.observations(view.version), flt)
    flows_all = common.flows(view.version)
    flows = F.in_period(flows_all, flt) if not flows_all.empty else flows_all
    code, indicator, with_flows = None, None, set()
    if not fw["indicators"].empty and not indicators.empty:
        # The indicator alone on its row, the other controls three by three below it: beside two others its
        # name, "Municipalities (14)" and "Most recent" were cut at 1024 px.
        code, indicator, with_flows = _indicator_choice(
            lang, indicators, _territory_counts(view.version, flt.period_from, flt.period_to), flows)
    if code is None:
        if F.empty_hint(flt) or not fw["indicators"].empty:
            st.info(t("map_no_values", lang), icon=":material/filter_alt_off:")
        else:   # no framework yet: the first steps, said the same way on every page
            from pages import first_steps

            first_steps.empty_store(view)
        _boundaries(view, geo, lang, expanded=geo.empty)
        return
    if ss.get("_map_period_of") != code:   # another indicator opens on its latest period, not the last one's
        ss["_map_period_of"] = code
        ss["map_period"] = ""
    unit, decimals = unit_of(indicator, lang), indicator.get("decimals")   # the unit in the page's language
    decimals = None if decimals is None or pd.isna(decimals) else int(decimals)
    selected = list(flt.territories)
    clicked = ss.get("_map_clicked")
    focus = clicked if clicked in selected else (selected[0] if selected else None)
    is_flow = code in with_flows

    if is_flow:
        f = flows[flows["indicator_id"] == code]
        periods = sorted(f["period"].astype(str).unique(), reverse=True)
        with st.columns(CONTROLS, vertical_alignment="bottom")[0]:
            _reset_if_missing("map_period", ["", *periods], "")
            period = st.selectbox(t("map_period", lang), ["", *periods], key="map_period",
                                  format_func=lambda p: p or t("map_latest_option", lang))
        online = bool(st.session_state.get("map_online"))
        frame = map_flows.flows_frame(f, fw["territories"], code, period or None)
        deck = map_flows.flows_deck(frame, lang, geography=geo if not geo.empty else None, selected=selected, unit=unit,
                               decimals=decimals, base=base, online=online, width=MAP_WIDTH,
                               height=MAP_HEIGHT)
        ends = map_flows.named_ends(frame)
        # each end named, and only the large towns around them
        deck.layers.append(_names_layer(view.version, deck, lang, first=ends, min_population=map_labels.LARGE_TOWN,
                                        selected=selected))
        legend = map_flows.flow_legend_html(map_flows.flow_legend(frame, lang, unit, decimals), lang)
        flows = i18n.count(len(frame), "map_flow_one", "map_flows_tag", lang)   # 1 flow, 12 flows
        caption = (t("map_flows_caption", lang, n=flows, period=frame["period"].iloc[0]) if not frame.empty
                   else t("map_no_flows", lang))
        legend_title = f"{i18n.name(indicator, 'name', lang)} ({unit})" if unit else i18n.name(indicator, "name", lang)
        _draw(deck, legend_title, legend, caption, view, focus, indicator, lang, symbols=False)
        shown = f[f["period"].astype(str).isin(set(frame["period"].astype(str)))]
        if not shown.empty:
            _downloads(lambda: downloads.flows_download(shown, _download_names(fw, indicator, code, lang), lang),
                       "flows", f"{code}_{lang}_map", lang)
    else:
        kinds = map_classes.kinds_with_values(obs, fw["territories"], code)
        kind_codes = [k for k, _ in kinds]
        ind_obs = obs[(obs["indicator_id"] == code) & obs["value"].notna()]
        periods = sorted(ind_obs["period"].astype(str).unique(), reverse=True)
        top = st.columns(CONTROLS, vertical_alignment="bottom")
        with top[0]:
            _reset_if_missing("map_kind", kind_codes)
            kind = st.selectbox(t("map_kind", lang), kind_codes, key="map_kind",
                                help=t("map_kind_help", lang) if "nuts3" in kind_codes else None,
                                format_func=lambda k: f"{t(f'map_kind_{k}', lang) if f'map_kind_{k}' in i18n.TEXTS else k}"
                                                      f" ({dict(kinds)[k]})")
        with top[1]:
            _reset_if_missing("map_period", ["", *periods], "")
            period = st.selectbox(t("map_period", lang), ["", *periods], key="map_period",
                                  format_func=lambda p: p or t("map_latest_option", lang))
        colouring = top[2].segmented_control(t("map_colour_by", lang), ["value", "status"], key="map_colour",
                                             default="value", format_func=lambda c: t(f"map_colour_{c}", lang)) \
            or "value"
        row = st.columns(CLASS_CONTROLS, vertical_alignment="bottom")
        method = row[0].selectbox(t("map_classes", lang), list(map_classes.CLASS_METHODS), key="map_classes",
                                  format_func=lambda m: t(f"map_method_{m}", lang), disabled=colouring == "status")
        k = row[1].selectbox(t("map_k", lang), [3, 4, 5, 6, 7], index=2, key="map_k",
                             disabled=colouring == "status")
        palette = row[2].selectbox(t("map_palette", lang), list(map_classes.PALETTES), key="map_palette",
                                   format_func=lambda p: t(f"map_palette_{p}", lang),
                                   help=t("map_palette_help", lang), disabled=colouring == "status")
        symbol = st.session_state.get("map_symbol") or "circles"
        online = bool(st.session_state.get("map_online"))
        frame = map_classes.values_frame(ind_obs, fw["territories"], code, period or None, kind)
        stat = statuses(view.version, flt.method, code, flt.period_from, flt.period_to)
        frame = frame.merge(stat[["territory_id", "status", "break_period", "has_target"]], on="territory_id",
                            how="left")
        frame["status"] = frame["status"].fillna("not_assessed")
        frame["has_target"] = frame["has_target"].fillna(True).astype(bool)
        higher = str(indicator.get("direction") or "increase") != "decrease"
        classes = map_classes.classify(frame["value"], method, int(k), palette, higher)
        deck = maps.values_deck(frame, lang, colouring=colouring, classes=classes,
                                geography=geo if not geo.empty else None, symbol=symbol, selected=selected,
                                unit=unit, decimals=decimals, method=flt.method, base=base,
                                online=online, width=MAP_WIDTH, height=MAP_HEIGHT)
        # each circle named beside it; no other place's name on a circle (maps.drawn_symbols, map_labels)
        deck.layers.append(_names_layer(view.version, deck, lang, symbols=maps.drawn_symbols(deck),
                                        shown=frame["territory_id"], selected=selected))
        if colouring == "status":
            rows = map_classes.status_legend(frame["status"], lang, flt.method, has_target=frame["has_target"])
            legend_title = t("map_legend_status", lang)
        else:
            rows = map_classes.legend(classes, lang, decimals)
            legend_title = f"{i18n.name(indicator, 'name', lang)}" + (f" ({unit})" if unit else "")
        rows = [r for r in rows if r["count"] or r["color"] != map_classes.NO_DATA_COLOR]
        if colouring == "status":   # statuses are judged on annual values: a quarterly or monthly series'
            drawn = stat["territory_id"].astype(str).isin(frame["territory_id"].astype(str))
            judged = stat.loc[drawn, "latest_period"].dropna().astype(str).unique()
            if len(judged) == 1:     # year is the mean of its periods, and the legend says so (not "2024-12")
                legend_title += f" · {wording.year_text(judged[0], lang, wording.sub_annual(ind_obs['period'], judged[0]))}"
        elif not frame.empty and frame["period"].nunique() == 1:   # the legend says when ("la plus récente" does not)
            legend_title += f" · {frame['period'].iloc[0]}"
        notes = []
        fewer = map_classes.fewer_classes_note(classes, int(k), lang) if colouring == "value" else None
        if fewer:   # the legend has fewer rows than the number chosen above it
            notes.append(fewer)
        broke = frame[frame["break_period"].notna()]
        if colouring == "status" and len(broke):   # statuses judged from a break in series: said (DESIGN)
            notes.append(t("map_status_breaks", lang, n=len(broke), names=_names(broke, lang),
                           periods=", ".join(sorted(set(broke["break_period"])))))
        if not frame.empty and not period and frame["period"].nunique() > 1:
            notes.append(t("map_mixed_periods", lang, first=frame["period"].min(), last=frame["period"].max()))
        if geo.empty:
            notes.append(t("map_no_boundaries", lang))
        else:
            no_shape = frame[~frame["territory_id"].astype(str).isin(set(geo.shapes))]
            if not no_shape.empty:
                notes.append(t("map_without_shape", lang, n=len(no_shape), names=_names(no_shape, lang)))
        caution = (health.comparability_caution(indicator.get("comparability"), frame["territory_id"], fw["territories"])
                   if colouring == "value" else None)
        if health.is_alarm(caution):   # one colour scale across the border invites
            st.warning(t(caution, lang), icon=":material/compare_arrows:")   # the comparison the sources forbid
        elif caution:   # partly comparable or not given: said under the map, with its other notes
            notes.append(t(caution, lang))
        _draw(deck, legend_title, map_classes.legend_html(rows), " ".join(notes), view, focus, indicator, lang,
              symbols=geo.empty or bool(len(frame) and not frame["territory_id"].astype(str).isin(
                  set(geo.shapes)).all()))

        def values() -> pd.DataFrame:
            names = _download_names(fw, indicator, code, lang)
            return downloads.observations_download(downloads.shown_observations(ind_obs, frame, code), names, lang)

        if not frame.empty:
            _downloads(values, "observations", f"{code}_{lang}_map", lang)

    _boundaries(view, geo, lang, expanded=False)


def _download_names(fw, indicator: dict, code: str, lang: str) -> dict[str, dict[str, str]]:
    places = wording.territory_labels(fw["territories"], lang)
    return {"indicator": {code: i18n.name(indicator, "name", lang) or code},
            "territory": {c: v[0] for c, v in places.items()}, "country": {c: v[1] for c, v in places.items()}}


def _downloads(make_frame, table: str, stem: str, lang: str) -> None:
    """The values the map draws, in the import format (a planner's table for the map's period); the
    frame is built only when a button is clicked."""
    st.caption(t("map_download_caption", lang))
    widgets.import_format_downloads(make_frame, table, stem, "map_download", lang)


def _boundaries(view, geo: boundaries.Geography, lang: str, expanded: bool) -> None:
    """The boundary sets, drawn only when their section is open: closed, its tables, login form and
    uploader cost a returning user's map 0.28 s (1.76 -> 1.48 s, 7 loads of each, alternated)."""
    section = st.expander(t("map_boundaries", lang), expanded=expanded, key="map_boundaries", on_change="rerun")
    if section.open:
        with section:
            _boundaries_section(view, geo, lang)


def _names_layer(version: tuple, deck, lang: str, first=(), min_population: float = 0, symbols: tuple = (),
                 shown=(), selected=()):
    v = deck.initial_view_state
    return _names_in_view(version, lang, float(v.longitude), float(v.latitude), float(v.zoom),
                          tuple(sorted(map(str, first))), min_population, tuple(symbols),
                          tuple(sorted(map(str, shown))) if len(symbols) else (), tuple(sorted(map(str, selected))))


@st.cache_resource(show_spinner=False, max_entries=32)   # shared, read-only: appended to each run's deck
def _names_in_view(version: tuple, lang: str, longitude: float, latitude: float, zoom: float, first: tuple,
                   min_population: float, symbols: tuple = (), shown: tuple = (), selected: tuple = ()):
    # Placing 500 communes' names without overlap takes 0.3 s; the same view is drawn again on every rerun.
    view = pdk.ViewState(longitude=longitude, latitude=latitude, zoom=zoom)
    return map_labels.names_layer(common.framework(version)["territories"], view, lang, MAP_WIDTH, MAP_HEIGHT,
                                  first, min_population, symbols, shown, selected)


def _draw(deck, legend_title: str, legend_html: str, caption: str, view, focus, indicator, lang: str,
          symbols: bool) -> None:
    row = st.container(horizontal=True, gap="medium")     # wraps: the legend under the map when narrow
    left, right = row.container(width=MAP_WIDTH), row.container(width=LEGEND_WIDTH)
    with left:
        # the tooltip free to pass the map's edge, over the legend beside it: clipped there, the period of
        # a territory near the right edge was cut ("14 350,27 millions d'EUR (20…"); style only, drawn nowhere
        st.html(TOOLTIP_STYLE)
        st.pydeck_chart(deck, on_select="rerun", selection_mode="single-object", key=CHART_KEY, height=MAP_HEIGHT,
                        width=MAP_WIDTH)
        if caption:
            st.caption(caption)
        if demo_boundaries(view.version):   # the shipped sets' licences ask for their sources to be named
            from indicators.demo_boundaries import attribution

            st.caption(attribution(lang))
        # one under the other: side by side in the map's column, the toggle's label was cut at 1024 px
        if symbols:  # how to draw the territories that have no shape
            st.segmented_control(t("map_symbol", lang), ["circles", "columns"], key="map_symbol",
                                 default="circles", format_func=lambda s: t(f"map_symbol_{s}", lang))
        st.toggle(t("map_online", lang), key="map_online", help=t("map_online_help", lang))
    with right:
        st.markdown(f"**{legend_title}**")
        st.markdown(legend_html, unsafe_allow_html=True)
        st.divider()
        with st.container(key=CARD_KEY):
            _panel(view, focus, indicator, lang)


if __name__ == "__main__":   # run as a file, by Streamlit's legacy pages/ folder mode
    common.run_through_shell()
