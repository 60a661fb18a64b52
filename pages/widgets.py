"""What several pages draw the same way: number columns in the page's language, lazy tabs, shared
plotly figures, status badges, partners' names, import-format downloads and the file uploader."""
from __future__ import annotations

import functools

import pandas as pd
import streamlit as st

from indicators import i18n
from indicators.i18n import LANGS, t


def more_columns_note(keys: tuple[str, ...], lang: str) -> str:
    """The line under a table wider than the page: Streamlit shows a table's scroll bar only under the
    pointer, so the columns past the page's edge are named (`keys`: their headers' text keys, in order)."""
    return t("table_more_columns", lang, columns=", ".join(t(key, lang).lower() for key in keys))


def number_column(frame: pd.DataFrame, column: str, label: str, lang: str, decimals: int | None = 1,
                  **options) -> tuple[pd.DataFrame, object]:
    """(frame, column config) showing `column`'s numbers in the page's language, not the browser's, and
    sorted by value when its header is clicked (indicators/table_numbers.py says how)."""
    from indicators import table_numbers

    values = pd.to_numeric(frame[column], errors="coerce")
    if table_numbers.shown_whole(values, decimals):
        # rounded as every number of the pages is, a half away from zero (i18n.rounded: 142,5 → 143)
        whole = values.map(lambda v: float(i18n.rounded(v, 0)) if pd.notna(v) else v)
        return (frame.assign(**{column: whole}),
                st.column_config.NumberColumn(label, format=table_numbers.integer_format(lang), **options))
    keys, written = table_numbers.sort_keys(values, lang, decimals)
    cells = values.map(lambda v: None if pd.isna(v) else keys[float(v)])
    return (frame.assign(**{column: cells.astype(object)}),
            st.column_config.SelectboxColumn(label, options=list(written), format_func=written.get,
                                             disabled=True, **options))


def labelled_number_column(frame: pd.DataFrame, column: str, numbers: str, label: str,
                           **options) -> tuple[pd.DataFrame, object]:
    """(frame, column config) showing `column`'s words (a number in the page's format with its unit and
    period) and sorted by the numbers of the `numbers` column when its header is clicked."""
    from indicators import table_numbers

    cells, written = table_numbers.labelled_keys(frame[numbers].tolist(), frame[column].tolist())
    return (frame.assign(**{column: pd.Series(cells, index=frame.index, dtype=object)}),
            st.column_config.SelectboxColumn(label, options=list(written), format_func=written.get,
                                             disabled=True, **options))


def lazy_tabs(codes: tuple[str, ...], key: str, lang: str):
    """Tabs of which only the open one runs and is sent (`.open`): a page opens without drawing, or
    loading the browser code of, what its hidden tabs hold. The open tab is remembered by its label:
    after a language switch, the same tab's label in the new language, so the planner stays on it."""
    ss = st.session_state
    label = ss.get(key)
    for code in codes:
        if label in {t(code, other) for other in LANGS} and label != t(code, lang):
            ss[key] = t(code, lang)
            break
    return st.tabs([t(code, lang) for code in codes], key=key, on_change="rerun")


@functools.cache
def _sent_figure():
    """A figure as Streamlit reads it, its dict and nothing else (plotly imported on first use)."""
    from plotly.basedatatypes import BaseFigure

    class SentFigure(BaseFigure):
        def __init__(self, spec: dict):   # not BaseFigure's: the figure was validated when built
            self._spec = spec

        def to_dict(self) -> dict:
            return self._spec

    return SentFigure


def plotly_chart(fig, **options):
    """st.plotly_chart of a figure the caches share (built once, never changed after): Streamlit asks
    every figure for its dict on every run, a deep copy and a base64 pass that took a tenth of the
    server's time in a user's walk (py-spy on bench/load.py); the dict is made once per figure."""
    spec = getattr(fig, "_sent_spec", None)
    if spec is None:
        spec = fig.to_dict()
        fig._sent_spec = spec   # private names are free on a plotly figure
    return st.plotly_chart(_sent_figure()(spec), **options)


def status_badge(status: str, lang: str, method: str = "opensdg", has_target: bool = True) -> str:
    """A status as icon + word (Markdown), in the one status palette's colours (indicators/style.py)."""
    from indicators import style

    return style.status_badge(status, lang, method, has_target)


def partner_label(text, lang: str, partners: pd.DataFrame | None = None) -> str:
    """A lead or owner cell as the partners' names in `lang` (codes not in the partners table as written);
    the partners are this run's unless given (a cached function passes its own)."""
    from indicators.partners import label

    if partners is None:
        view = st.session_state.get("_view")   # none outside a page run (a renderer called by itself)
        partners = view.framework.get("partners") if view else None
    return label(text, partners, lang) or "–"


@st.cache_data(show_spinner=False, max_entries=4)
def store_identity(version: tuple) -> dict:
    """The store's own words about itself (store/identity.py): the strategy's names, whether it holds the
    demo. Read once per data version: setting a name or loading the demo changes it."""
    from indicators.store.identity import describe
    from pages import common

    return describe(common.engine())


def strategy_caption(view) -> None:
    """The strategy's name under a page's title, as the store names it; none on a store that names none
    (a region's own store before `python -m indicators strategy-name`): never the demo's on its data."""
    from indicators.store.identity import shown_name

    name = shown_name(store_identity(view.version)["names"], view.lang)
    if name:
        st.caption(name)


def demo_caption(view) -> None:
    """The line "Demo data: illustrative figures", only on a store that holds the demo (init --demo, or the
    default store's first start): a region's own figures are not illustrative."""
    if store_identity(view.version)["demo"]:
        st.caption(t("demo_notice", view.lang))


def import_format_downloads(make_frame, sheet: str, stem: str, key: str, lang: str) -> None:
    """CSV (French Excel) and XLSX buttons for a frame in the import format: edited and uploaded again
    on the Data page, it imports. `make_frame()` builds the frame, and only when a button is clicked:
    built on every run, the Actions page's took 2 ms and the Explorer's 4 ms (py-spy, bench/load.py)."""
    from indicators import downloads

    # a row as wide as its buttons' words, wrapping when the page is narrow: fixed columns clipped
    # "Downloaden (CSV voor Excel)" at 1280 px
    row = st.container(horizontal=True, gap="small")
    left = right = row
    left.download_button(t("download_csv", lang), data=lambda: downloads.to_excel_csv(make_frame(), reversible=True),
                         file_name=f"{stem}.csv", mime="text/csv", on_click="ignore", icon=":material/download:",
                         key=f"{key}_csv", help=t("download_import_format_help", lang))
    right.download_button(t("download_xlsx", lang), data=lambda: downloads.to_xlsx(make_frame(), sheet),
                          file_name=f"{stem}.xlsx",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          on_click="ignore", icon=":material/download:", key=f"{key}_xlsx",
                          help=t("download_import_format_help", lang))


def file_uploader(label: str, lang: str, *, key: str, types: list[str], limit_bytes: int, **options):
    """st.file_uploader with its own words in the page's language. Streamlit writes "Upload",
    "100MB per file" and each file's size in English, and nothing in its API changes them
    (streamlit#13500): a style scoped to this widget's key hides them and writes ours in their place
    (tests/browser/test_uploader_words.py reads them back).

    `types` are the formats the hint names; the browser is not told to refuse the others: it would say
    "application/gzip files are not allowed." in English with nothing of what to do, where the page's
    reader says what any file is and what to do, in the page's language (an ODS workbook, a PDF…)."""
    st.html(_uploader_style(key, lang, types, limit_bytes, several=bool(options.get("accept_multiple_files"))))
    return st.file_uploader(label, type=None, key=key, max_upload_size=max(1, limit_bytes // (1024 * 1024)),
                            **options)


def _uploader_style(key: str, lang: str, types: list[str], limit_bytes: int, several: bool = False) -> str:
    def css_text(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'

    button = t("upload_button", lang)
    size = i18n.number(limit_bytes / (1024 * 1024), lang, decimals=0)   # in Mo, as the limits' own messages
    limit = t("upload_limit", lang, types=", ".join(x.upper() for x in types), size=size)
    refused = t("upload_refused_many" if several else "upload_refused_one", lang, size=size)
    scope = f".st-key-{key} [data-testid='stFileUploader']"
    return ("<style>"
            f"{scope} [data-testid='stFileUploaderDropzone'] button[kind='secondary'] p {{font-size: 0}}"
            f"{scope} [data-testid='stFileUploaderDropzone'] button[kind='secondary'] p::after "
            f"{{content: {css_text(button)}; font-size: 0.875rem}}"
            f"{scope} [data-testid='stFileUploaderDropzoneInstructions'] span {{font-size: 0}}"
            f"{scope} [data-testid='stFileUploaderDropzoneInstructions'] span::after "
            f"{{content: {css_text(limit)}; font-size: 0.875rem}}"
            # the files' sizes ("8.5KB"): the page says what matters of each file (its rows) in its own words
            f"{scope} [data-testid='stFileChipName'] + div {{display: none}}"
            # A file the browser refused (too large; a second file on a one-file uploader): Streamlit only
            # reddens its chip and says why in English in a tooltip. Ours is written under the chips, and in
            # the tooltip (drawn outside the widget: one uploader per page, so this page's words).
            f"{scope}:has([data-testid='stFileChip'][aria-invalid='true']) [data-testid='stFileChips']::after "
            f"{{content: {css_text(refused)}; flex-basis: 100%; color: #B42318; font-size: 0.875rem;"
            " padding: 0.25rem 0.5rem}"
            f"body:has({scope} [data-testid='stFileChip'][aria-invalid='true']) "
            "[data-testid='stTooltipErrorContent'] {font-size: 0}"
            f"body:has({scope} [data-testid='stFileChip'][aria-invalid='true']) "
            f"[data-testid='stTooltipErrorContent']::after {{content: {css_text(refused)}; font-size: 0.875rem}}"
            "</style>")
