"""What every page shares: the store, cached data, the language and the global filters.

Not a page itself (app.py lists the pages). Cached loaders are keyed on the
store's data version and file, so an import anywhere shows on every page at once,
and a restored backup or another file put in its place is never shown from a cache.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from indicators import countries
from indicators import filters as F
from indicators import i18n
from indicators.i18n import LANG_NAMES, LANGS, t
from pages.safe_markdown import error_said, md_code

BOXED_NOTICES = ("notice_territory_other_level",)   # filters.Parsed.said shown in a box, not a toast
NAMES_SAID = 5   # territories named in one notice, the others counted ("and 3 more")
NOTICE_CHARS = 60   # a dropped value longer than this is cut: a long toast folds behind Streamlit's English "view more"
KEYS = {"lang": "f_lang", "level": "f_level", "theme": "f_theme", "action": "f_action",
        "territory": "f_territory", "years": "f_years", "method": "f_method"}


@dataclass
class View:
    engine: object
    version: tuple
    lang: str
    framework: dict
    filters: F.Filters
    notices: list
    filters_read: bool = False   # the sidebar's widgets were read this run (run_page then writes the link)


# ---------------------------------------------------------------- cached data

@st.cache_resource(show_spinner=False)
def _engine(url: str):
    from indicators.store import open_default

    return open_default(url)


def engine():
    """The engine on the file now at the store's path (one stat per rerun): another file there is opened
    again (its schema may be older); none there raises StoreError, which `start` says."""
    from indicators.store import database_url, same_file

    url = database_url()
    current = _engine(url)
    if not same_file(current):
        current.dispose()   # its connections still hold the file that was replaced
        _engine.clear()
        current = _engine(url)
    return current


def data_version() -> tuple:
    """(store URL, store file, data version): the key of every cached read, checked cheaply on each rerun;
    never the same for two contents, a restored backup's included (indicators.store.data_version)."""
    from indicators.store import data_version as version
    from indicators.store import file_identity, sqlite_file

    current = engine()
    path = sqlite_file(current.url)
    return str(current.url), file_identity(path) if path else None, version(current)


# The store's tables and statuses are shared by every session (cache_resource), not copied into each
# call as cache_data does: unpickling 1.5 million observations took 1.2 s per call on the large store.
# They are read-only: no page may change them in place (tests/test_shared_data.py checks it).

@st.cache_resource(show_spinner=False, max_entries=4)
def framework(version: tuple) -> dict[str, pd.DataFrame]:
    from indicators.queries import load_framework

    return load_framework(engine())


@st.cache_resource(show_spinner=False, max_entries=2)
def observations(version: tuple) -> pd.DataFrame:
    from indicators.queries import load_observations

    return load_observations(engine())


@st.cache_resource(show_spinner=False, max_entries=4)
def geography(version: tuple):
    """The saved boundary sets merged (indicators.maps.Geography): the Map page's shapes and the report's."""
    from indicators.boundaries import build_geography
    from indicators.store import load_boundaries

    return build_geography(load_boundaries(engine()), framework(version)["territories"])


@st.cache_resource(show_spinner=False, max_entries=2)
def flows(version: tuple) -> pd.DataFrame:
    from indicators.queries import load_flows

    return load_flows(engine())


@st.cache_data(show_spinner=False, max_entries=8)
def flow_indicators(version: tuple) -> frozenset[str]:
    """Indicators whose values are flows between territories (shown on the Map page)."""
    frame = flows(version)
    return frozenset(frame["indicator_id"].astype(str)) if len(frame) else frozenset()


def is_flow(version: tuple, indicator_id: str) -> bool:
    return str(indicator_id) in flow_indicators(version)


@st.cache_resource(show_spinner=False, max_entries=4)
def assessment(version: tuple, method: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(indicator × territory statuses, action roll-up) for the whole store."""
    from indicators.progress import assess_all, rollup_actions

    fw = framework(version)
    assessed = assess_all(observations(version), fw["indicators"], fw["targets"], method=method)
    actions = rollup_actions(assessed, fw["indicators"], fw["actions"])
    return assessed, actions


@st.cache_resource(show_spinner=False, max_entries=16)   # shared, read-only
def scoped_assessment(version: tuple, method: str, territories: tuple[str, ...] = (),
                      period_from: str | None = None,
                      period_to: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(indicator × territory statuses, action roll-up) from the observations of the chosen
    territories and period, the same for every page and the report (`overview.assess_in_scope`):
    the Overview, the Strategic actions page and the report never disagree for one view. Without a
    territory or period filter, the whole store's statuses (`assessment`, cached per data version)."""
    if not territories and not period_from and not period_to:
        return assessment(version, method)
    from indicators.overview import assess_in_scope

    scope = F.Filters(territories=tuple(territories), period_from=period_from, period_to=period_to, method=method)
    _, assessed, roll = assess_in_scope(framework(version), observations(version), scope)
    return assessed, roll


@st.cache_data(show_spinner=False, max_entries=4)
def batches(version: tuple) -> pd.DataFrame:
    from indicators.store import list_batches

    return list_batches(engine())


# ---------------------------------------------------------------- start and filters

def _query() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params.keys()}


def no_nagle() -> int:
    """Turn off Nagle's algorithm on the process's TCP sockets; the number of sockets changed.

    Streamlit 1.67 binds its listening socket with protocol 0, so asyncio's check for TCP sockets
    fails and the websockets keep Nagle on. The page's last messages then wait for the browser's
    delayed acknowledgement: 40 ms on Linux, up to 200 ms on Windows, on every page load (bench/
    load.py showed the wait). Linux copies the option from the listening socket to every connection
    it accepts, so setting it once there and on the open connections covers them all."""
    import socket

    changed = 0
    try:
        fds = [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:   # not Linux: leave the sockets as they are
        return 0
    for fd in fds:
        try:
            sock = socket.socket(fileno=fd)   # borrows the descriptor: detached below, never closed
        except OSError:                         # not a socket
            continue
        try:
            if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                changed += 1
        except OSError:
            pass
        finally:
            sock.detach()
    return changed


@st.cache_resource(show_spinner=False)
def _no_nagle_once() -> int:
    return no_nagle()


def start() -> View:
    """Open the store, read the URL once per session, and settle the language."""
    _no_nagle_once()
    from indicators.store import StoreError

    try:
        version = data_version()
        fw = framework(version)
    except Exception as exc:  # the store is unreachable, or its file gone: say so plainly, never a traceback
        lang = i18n.pick_lang(st.query_params.get("lang"), st.context.locale)
        if isinstance(exc, StoreError):   # its file deleted or replaced: the page comes back with a file
            st.error(error_said(exc, lang), icon=":material/error:")
            _watch_store(GONE)
        else:
            st.error(t("store_error", lang))
            _engine.clear()
        st.stop()
    notices: list[str] = []
    query = _query()
    # Back, Forward or an edited address: the URL is none this session wrote or linked to, and it leads
    # (read once per session, Back after a filter change left the page as it was, one press wasted).
    ours = st.session_state.get("_ours")
    moved = ours is not None and _frozen(query) not in ours
    if "_url_read" not in st.session_state or moved:
        lang = i18n.pick_lang((query.get("lang") or [None])[0], st.context.locale)
        parsed = F.parse_query(query, fw, lang)
        _filters_to_widgets(parsed.filters, fw, whole=moved)
        notices = parsed.dropped
        st.session_state["_url_read"] = True
        st.session_state["_notices"] = notices
        st.session_state["_notice_nearest"] = parsed.nearest   # the code an unknown one likely meant
        st.session_state["_notices_said"] = parsed.said        # a territory outside the level, a period read
    # A click on the chosen language deselects it: keep the language (set before its widget exists).
    drawn_in = st.session_state.get("_lang")
    lang = st.session_state.get(KEYS["lang"]) or drawn_in or "fr"
    if drawn_in and drawn_in != lang:
        _relabelled()
    st.session_state[KEYS["lang"]] = st.session_state["_lang"] = lang
    view = View(engine(), version, lang, fw, F.Filters(lang=lang), st.session_state.get("_notices", []))
    st.session_state["_view"] = view
    return view


# Choice lists whose labels are words of the page's language. Streamlit 1.67's browser sends such a
# widget's choice back as its label: after a language switch the next click sent the old language's
# label, which matched no option, and the widget fell back to its first choice (the level, theme and
# action filters, the Explorer's and the Map's indicator were lost, and a label reached the URL).
RELABELLED = (KEYS["level"], KEYS["theme"], KEYS["action"], KEYS["method"], "f_indicator", "actions_detail",
              "partner_pick", "map_period", "map_kind", "map_colour", "map_classes", "map_palette", "typed_territory")


def _relabelled() -> None:
    """Set each of those choices again, before its widget is drawn: Streamlit then sends the widget its
    value with the new label, which the browser keeps (tests/browser/test_language_switch.py)."""
    ss = st.session_state
    for key in RELABELLED:
        if key in ss:
            ss[key] = ss[key]


@st.cache_data(show_spinner=False, max_entries=8)
def _slider_range(current, last, years: list[int]) -> tuple[int, int]:
    """The period slider's range for this run. `last` is (range chosen, data's bounds) of the run before.

    The slider comes back as one value after a page switch (its id names the page, and the old one's
    range is read as a single choice) or a relabelling: the range chosen last then stands (a link's
    from= was lost at the first page switch). A full range follows new data."""
    bounds = (years[0], years[-1])
    chosen, was = last or (bounds, bounds)
    if not (isinstance(current, (tuple, list)) and len(current) == 2):
        current = chosen
    current = (max(years[0], min(current[0], years[-1])), min(years[-1], max(current[1], years[0])))
    return bounds if tuple(current) == tuple(was) and bounds != tuple(was) else current


@st.cache_data(show_spinner=False, max_entries=4)
def _years(version: tuple) -> list[int]:
    """The years of the period slider: every rerun needs them, so once per data version (the distinct
    periods of 1.5 million observations took 46 % of the large store's Explorer run, uncached)."""
    obs = observations(version)
    if obs.empty:
        return []
    years = [int(str(p)[:4]) for p in pd.unique(obs["period"])]
    return list(range(min(years), max(years) + 1))


def _frozen(query: dict) -> tuple:
    """A query as a comparable value: its parameters in order, each with its list of values."""
    return tuple(sorted((k, tuple(v if isinstance(v, (list, tuple)) else [v])) for k, v in query.items()))


def _filters_to_widgets(filters: F.Filters, fw, whole: bool = False) -> None:
    """Set the sidebar's widgets to `filters` (before they are drawn). `whole`: the URL replaces the
    session's filters (Back to an earlier URL), a period it leaves out included: the whole range."""
    ss = st.session_state
    ss[KEYS["lang"]] = filters.lang
    ss[KEYS["level"]] = filters.level or ""
    ss[KEYS["theme"]] = filters.theme or ""
    ss[KEYS["action"]] = filters.action or ""
    ss[KEYS["territory"]] = list(filters.territories)
    ss[KEYS["method"]] = filters.method
    if filters.period_from or filters.period_to or whole:
        ss["_years_wanted"] = (filters.period_from, filters.period_to)
    if filters.indicator:
        ss["f_indicator"] = filters.indicator


def _clear_filters(lang: str, fw) -> None:
    ss = st.session_state
    _filters_to_widgets(F.Filters(lang=lang, method=ss.get(KEYS["method"], "opensdg")), fw)
    ss.pop(KEYS["years"], None)
    # the Explorer's and the Map's indicator is the page's choice, not a filter: it stays (and stays in the
    # link); with every filter cleared, every indicator is within them. It was dropped, and BRK became ACH.
    ss["_matrix_clicked"] = None


def _follow_clicks() -> None:
    """A click on the Overview's matrix sets the level and theme filters.

    Read here, before the sidebar's widgets exist, from the chart's own state:
    widget values may be set only before their widget is drawn, and no extra
    rerun is needed.
    """
    from indicators.overview import cell_from_selection

    ss = st.session_state
    cell = cell_from_selection(ss.get("matrix"))
    if cell and cell != ss.get("_matrix_clicked"):
        ss["_matrix_clicked"] = cell
        ss[KEYS["level"]], ss[KEYS["theme"]], ss[KEYS["action"]] = cell[0], cell[1], ""
    elif not cell:
        ss.pop("_matrix_clicked", None)


def _follow_map_clicks() -> None:
    """A click on a territory of the Map page selects it in the territory filter.

    Read like `_follow_clicks`, from the map's own selection state, before the sidebar's
    widgets exist. The map keeps showing every territory; the selected ones are outlined.
    """
    from indicators.maps import territory_from_selection

    ss = st.session_state
    code = territory_from_selection(ss.get("map_chart"))
    if code and code != ss.get("_map_clicked"):
        ss["_map_clicked"] = code
        ss[KEYS["territory"]] = [code]
    elif not code:
        ss.pop("_map_clicked", None)


def _label(frame: pd.DataFrame, key: str, field: str, lang: str) -> dict[str, str]:
    return {row[key]: i18n.name(row, field, lang) or row[key] for row in frame.to_dict("records")}


@st.cache_resource(show_spinner=False, max_entries=16)   # shared, read-only: drawn on every run
def _sidebar_labels(version: tuple, lang: str) -> dict[str, dict[str, str]]:
    """The sidebar's options in display order and their labels in `lang`: levels, themes, actions,
    territories (grouped by country, France and Belgium first, named in `lang`, then by name)."""
    fw = framework(version)
    levels = fw["levels"].sort_values("order") if "order" in fw["levels"] else fw["levels"]
    themes = fw["themes"].sort_values("order") if "order" in fw["themes"] else fw["themes"]
    territories = fw["territories"].assign(
        label=lambda d: [i18n.name(r, "name", lang) for r in d.to_dict("records")]
    )
    side = {c: i for i, c in enumerate(sorted(set(territories["country"]), key=countries.rank))}
    territories = territories.assign(_side=territories["country"].map(side),
                                     _key=territories["label"].map(i18n.sort_key)).sort_values(["_side", "_key"])
    return {"levels": _label(levels, "level_id", "name", lang), "themes": _label(themes, "theme_id", "name", lang),
            "actions": _label(fw["actions"], "action_id", "title", lang),
            "territories": {r.territory_id: f"{countries.name(r.country, lang)} · {r.label}"
                            for r in territories.itertuples()}}


def sidebar_filters(view: View, defer_notices: bool = False) -> F.Filters:
    fw, lang, ss = view.framework, view.lang, st.session_state
    _follow_clicks()
    _follow_map_clicks()
    labels = _sidebar_labels(view.version, lang)
    with st.sidebar:
        st.segmented_control(t("language", lang), LANGS, key=KEYS["lang"], format_func=LANG_NAMES.get,
                             selection_mode="single", default=None)
        st.subheader(t("filters", lang), anchor=False)
        level_names = labels["levels"]
        st.selectbox(t("level", lang), ["", *level_names], key=KEYS["level"],
                     format_func=lambda c: level_names.get(c, c) if c else t("all", lang))
        theme_names = labels["themes"]
        st.selectbox(t("theme", lang), ["", *theme_names], key=KEYS["theme"],
                     format_func=lambda c: theme_names.get(c, c) if c else t("all", lang))
        actions = F.selected_actions(fw, F.Filters(level=ss.get(KEYS["level"]) or None,
                                                   theme=ss.get(KEYS["theme"]) or None))
        action_names = {code: labels["actions"][code] for code in actions["action_id"]}
        if ss.get(KEYS["action"]) not in ("", *action_names):
            ss[KEYS["action"]] = ""
        st.selectbox(t("action", lang), ["", *action_names], key=KEYS["action"],
                     format_func=lambda c: f"{c} · {action_names.get(c, c)}" if c else t("all", lang))
        ter_names = labels["territories"]
        ss[KEYS["territory"]] = [c for c in ss.get(KEYS["territory"], []) if c in ter_names]
        # no "Select all" entry: Streamlit writes it in English, and all territories is no filter at all
        st.multiselect(t("territories", lang), list(ter_names), key=KEYS["territory"], select_all=False,
                       format_func=lambda c: ter_names.get(c, c), placeholder=t("all", lang))
        years = _years(view.version)
        period = (None, None)
        if len(years) >= 2:
            wanted = ss.pop("_years_wanted", None)
            if wanted or KEYS["years"] not in ss:
                lo = int(wanted[0]) if wanted and wanted[0] else years[0]
                hi = int(wanted[1]) if wanted and wanted[1] else years[-1]
                ss[KEYS["years"]] = (max(years[0], min(lo, years[-1])), min(years[-1], max(hi, years[0])))
                if wanted and tuple(ss[KEYS["years"]]) != (lo, hi):   # a link's years beyond the data: said
                    ss["_period_clamped"] = (f"{wanted[0] or ''}–{wanted[1] or ''}",
                                             f"{ss[KEYS['years']][0]}–{ss[KEYS['years']][1]}")
            ss[KEYS["years"]] = _slider_range(ss.get(KEYS["years"]), ss.get("_years_last"), years)
            # value= makes it a range widget for Streamlit's reading of the browser's answer: without it,
            # the two ends sent back were read as one value, refused, and the slider snapped back
            # (the period could be set only in the address); the value shown is the session state's.
            chosen = st.select_slider(t("period_range", lang), options=years, value=(years[0], years[-1]),
                                      key=KEYS["years"])
            if not (isinstance(chosen, (tuple, list)) and len(chosen) == 2):
                chosen = (years[0], years[-1])
            ss["_years_last"] = (tuple(chosen), (years[0], years[-1]))
            period = (str(chosen[0]) if chosen[0] != years[0] else None,
                      str(chosen[1]) if chosen[1] != years[-1] else None)
        st.radio(t("method", lang), ("opensdg", "eurostat"), key=KEYS["method"],
                 format_func=lambda m: t(f"method_{m}", lang), horizontal=False)
        # In a callback: it runs before the next run draws the widgets, the only moment their values
        # may be set (after, Streamlit raises StreamlitWidgetAlreadyInstantiatedError).
        st.button(t("clear_filters", lang), icon=":material/filter_alt_off:", on_click=_clear_filters,
                  args=(lang, fw), key="clear_filters")
        st.caption(t("share_link", lang))
    filters = F.Filters(lang=lang, level=ss.get(KEYS["level"]) or None, theme=ss.get(KEYS["theme"]) or None,
                        action=ss.get(KEYS["action"]) or None, territories=tuple(ss.get(KEYS["territory"], [])),
                        period_from=period[0], period_to=period[1], method=ss.get(KEYS["method"]) or "opensdg",
                        indicator=ss.get("f_indicator"))
    view.filters, view.filters_read = filters, True
    ss["_version_just_read"] = True   # this run read it: the watcher's first call need not ask again
    with st.sidebar:
        _watch_store(view.version)
    if defer_notices:   # the page switches at once (/overview): its notices are shown after the switch
        return filters
    zone = i18n.bad_time_zone()   # the server's INDICATORS_TIME_ZONE names no zone: said once, Brussels time shown
    if zone is not None and not ss.get("_zone_said"):
        ss["_zone_said"] = True
        # a box above the page, not a toast: a toast folds its third line behind Streamlit's English "view more"
        st.warning(t("notice_time_zone_bad", lang, setting=md_code(f"{i18n.TIME_ZONE_VAR}={zone}", limit=NOTICE_CHARS)),
                   icon=":material/schedule:")
    for item in view.notices:
        # The dropped value comes from the URL: shown as inline code, so no link or image it holds renders.
        # a language is not a filter: said as what it is, with the language the page took instead
        key = "notice_lang_unknown" if item.startswith("lang=") else "notice_dropped"
        near = ss.get("_notice_nearest", {}).get(item)   # as the import says it: "Did you mean 07211000?"
        key = "notice_dropped_nearest" if near and key == "notice_dropped" else key
        st.toast(t(key, lang, what=md_code(item, limit=NOTICE_CHARS), code=md_code(near or "", limit=NOTICE_CHARS)),
                 icon=":material/info:")
    clamped = ss.pop("_period_clamped", None)
    if clamped:
        st.toast(t("notice_period_clamped", lang, asked=clamped[0], shown=clamped[1]), icon=":material/info:")
    # after the clamped period: Streamlit stacks the newest toast on top, so the swap is read first
    for key, params in ss.pop("_notices_said", []):
        # a territory and a level by their names (long ones in a store's words): a box above the page, as a
        # toast folds its third line behind Streamlit's English "view more"
        say = st.info if key in BOXED_NOTICES else st.toast
        say(_said_notice(key, params, fw, lang), icon=":material/info:")
    ss["_notices"] = []
    view.notices = []
    return filters


def _said_notice(key: str, params: dict, fw, lang: str) -> str:
    """A notice of filters.parse_query's own (`Parsed.said`) in `lang`: territories by their names and codes,
    a level by its name (the store's words, shown as written), the link's text as inline code."""
    from pages.safe_markdown import literal

    shown = dict(params)
    if "territories" in shown:   # "Province de Flandre-Occidentale (BE25), …", the first few named
        codes = list(shown["territories"])
        ter = fw["territories"]
        names = {r["territory_id"]: i18n.name(r, "name", lang)
                 for r in ter[ter["territory_id"].isin(codes)].to_dict("records")}
        named = [literal(f"{names[c]} ({c})" if names.get(c) else c) for c in codes[:NAMES_SAID]]
        more = len(codes) - len(named)
        shown["territories"] = ", ".join(named) + (f" {t('and_more', lang, n=more)}" if more > 0 else "")
        shown["n"] = len(codes)
    if "level" in shown:
        shown["level"] = literal(_label(fw["levels"], "level_id", "name", lang).get(shown["level"], shown["level"]))
    if "what" in shown:
        shown["what"] = md_code(shown["what"], limit=NOTICE_CHARS)
    return t(key, lang, **shown)


REFRESH_SECONDS = 5
GONE = "gone"   # what the watcher saw when the store's file was not there (or not to be read)


@st.fragment(run_every=REFRESH_SECONDS)
def _watch_store(seen) -> None:
    """Rerun the whole page when another session or replica wrote to the store, or its file went or came.

    One cheap query every few seconds per open page: an import through any
    replica shows on every other one without a reload.
    """
    from indicators.store import StoreError

    if st.session_state.pop("_version_just_read", False):   # called by the full run, which just read it
        return
    try:
        now = data_version()
    except StoreError:   # the file is gone: the page says so (the full run's message)
        now = GONE
    except Exception:  # the store is briefly unreachable: the next full run says so
        return
    if now != seen:
        st.rerun(scope="app")


def current() -> View:
    """The view app.py settled for this run (pages run only through app.py: see run_through_shell)."""
    return st.session_state["_view"]


def run_through_shell() -> None:
    """Run again through app.py, on the same URL.

    Until st.navigation has run once, Streamlit treats a `pages/` folder as its legacy navigation
    and runs a page's file by itself, without the shell: a deep link as the very first request of a
    fresh server does that. Each page module calls this when run as a file. Tell Streamlit the app
    uses st.navigation, then rerun.
    """
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
    st.rerun()


def guarded(lang: str, render, *args) -> None:
    """Run a part of the page; a failure is said in words (st.rerun/st.stop are not Exceptions): a
    store's refusal in its own words (another import writing, a full disk), anything else by its kind."""
    from indicators.store import StoreError

    try:
        render(*args)
    except StoreError as exc:
        st.error(error_said(exc, lang), icon=":material/error:")
    except Exception as exc:
        st.error(t("page_error", lang, detail=type(exc).__name__), icon=":material/error:")
        if os.environ.get("INDICATORS_DEBUG"):
            st.exception(exc)


def set_indicator(code: str | None) -> None:
    st.session_state["f_indicator"] = code


# The pages and their links live in pages/navigation.py; their names are read here too (app.py, the pages).
from pages.navigation import HOME_PATH, LINK_PATH, navigation_links, navigation_pages, page_query, run_page  # noqa: E402,F401,E501
