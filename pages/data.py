"""Data: upload, check, import, undo; history; templates. Importing and rollback are for editors."""
from __future__ import annotations

import hashlib
import json

import pandas as pd
import streamlit as st

from indicators import downloads, i18n, limits, revisions
from indicators import submissions as S
from indicators.i18n import t
from indicators.schema import TABLES
from pages import common, editors, widgets

def _dry_run(view, editor: str | None, files: list, skip: bool, attach: bool, specs: dict):
    """The dry run of these uploads, kept for the session so reruns do not re-check big files."""
    lang = view.lang
    from indicators.importing import import_files

    key = (tuple(hashlib.sha256(raw).hexdigest() for _, raw in _raw(files)), skip, attach, view.version,
           json.dumps(specs, sort_keys=True))
    cached = st.session_state.get("_dry_run")
    if cached and cached[0] == key:
        return cached[1]
    with st.status(t("checking", lang), expanded=False) as status:
        outcome = import_files(view.engine, files, user=editor or "-", dry_run=True, skip_invalid_rows=skip,
                               attach_to_successor=attach)
        status.update(label=t("checked", lang), state="complete")
    st.session_state["_dry_run"] = (key, outcome)
    return outcome


def _raw(files: list) -> list[tuple[str, bytes]]:
    return [f if isinstance(f, tuple) else (f.name, f.sha256.encode()) for f in files]


def _foreign(files: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The uploads whose columns match no table: candidates for the mapping step."""
    from indicators.reading import read_file
    from indicators.schema import TABLES, recognise

    def fits(columns) -> bool:
        kind, mapping = recognise(list(columns))
        return kind is not None and set(TABLES[kind].required) <= set(mapping.values())

    out = []
    for name, raw in files:
        result = read_file(raw, name)
        if result.sheets and not any(fits(sh.frame.columns) for sh in result.sheets):
            out.append((name, raw))
    return out


def _mapping_step(view, editor: str | None, name: str, raw: bytes):
    """Say how a foreign layout maps to observations; returns the mapped source, or None."""
    lang = view.lang
    from indicators.mappings import (MappingError, apply_mapping, filter_choices, known_for_mapping, load_mapping,
                                     mapping_names, save_mapping_spec, suggest_mapping)
    from indicators.mappings.saved import json_error_text
    from indicators.reading import read_file

    known = known_for_mapping(view.engine)
    saved = mapping_names(view.engine)
    st.markdown(f"**{name}** · {t('mapping_intro', lang)}")
    choice = st.selectbox(t("mapping_choose", lang), ["", *saved], key=f"map_choice_{name}",
                          format_func=lambda c: c or t("mapping_new", lang))
    if choice:
        try:
            spec = load_mapping(view.engine, choice)
        except MappingError as exc:   # deleted by another editor since the list was drawn
            st.warning(exc.text(lang), icon=":material/edit_note:")
            return None, None
    else:
        result = read_file(raw, name)
        spec = suggest_mapping(result, known)
        columns = list(result.sheets[0].frame.columns)
        indicators = sorted(view.framework["indicators"]["indicator_id"])
        c1, c2 = st.columns(2)
        d1, d2 = st.columns(2)
        territory = spec.get("territory", {}).get("column")
        # The parts of a split column (Eurostat's `unit,geo\time` → geo) are columns the mapping names too.
        parts = [n for s in spec.get("split", []) for n in s.get("into", []) if n not in columns]
        choices = [*parts, *columns]
        spec.setdefault("territory", {})["column"] = c1.selectbox(
            t("mapping_territory", lang), choices, key=f"map_ter_{name}",
            index=choices.index(territory) if territory in choices else 0)
        if "years_in_columns" in spec:
            spec["years_in_columns"]["indicator"] = c2.selectbox(
                t("mapping_indicator", lang), ["", *indicators], key=f"map_years_ind_{name}")
        else:
            _period_form(spec, columns, name, lang, c2, d1)
        _flag_form(spec, columns, name, lang, d2)
        _filters_form(spec, filter_choices(result, spec), name, lang)
        if "years_in_columns" not in spec:
            table = pd.DataFrame({"column": list(spec.get("values", {})),
                                  "indicator": [v or None for v in spec.get("values", {}).values()]})
            if table.empty:   # an empty grid says "empty" in English, and has no row to fill: say what to do
                st.caption(t("mapping_no_value_columns", lang))
            else:
                # The placeholder fills an indicator not chosen yet (Streamlit writes "None" there).
                edited = st.data_editor(table, key=f"map_values_{name}", hide_index=True, width="stretch",
                                        disabled=["column"], placeholder=t("mapping_choose_indicator", lang),
                                        column_config={
                                            "column": st.column_config.TextColumn(t("column", lang)),
                                            "indicator": st.column_config.SelectboxColumn(
                                                t("indicator", lang), options=indicators)})
                spec["values"] = {r["column"]: r["indicator"] for r in edited.to_dict("records")
                                  if r["indicator"]}
    generated = json.dumps(spec, ensure_ascii=False, indent=1)
    with st.expander(t("mapping_advanced", lang)):
        # Keyed on the generated text: the form above refills it; an edit here wins until the form changes.
        text = st.text_area("JSON", generated, height=200,
                            key=f"map_json_{name}_{hashlib.sha256(generated.encode()).hexdigest()[:12]}")
    detail = None
    try:
        spec = limits.load_json(text)
    except (ValueError, limits.LimitExceeded) as exc:   # the JSON as edited above, said in words
        detail = json_error_text(exc, lang)
    if detail is None:
        try:
            mapped = apply_mapping((name, raw), spec, name, known=known, mapping_name=choice or None)
        except MappingError as exc:   # says what to change, in the page's language
            detail = exc.text(lang)
        except limits.LimitExceeded as exc:   # the limit in words, as a file's reading says it
            from indicators.reading import limit_problem

            detail = limit_problem(name, exc).message(lang)
        except ValueError:   # never a library's English words on the page
            detail = t("mapping_cannot_apply", lang)
    if detail is not None:
        st.warning(t("mapping_incomplete", lang, detail=detail), icon=":material/edit_note:")
        return None, None
    for p in mapped.problems:   # EUR_HAB beside MIO_EUR: said here, where the filter that keeps one is chosen
        if p.code == "mixed_units":
            st.warning(f"{p.message(lang)} {p.suggestion_text(lang)}", icon=":material/warning:")
    summary = mapped.summary
    st.caption(t("mapping_summary", lang, rows=t("mapping_rows", lang, n=summary.get("rows", 0)),
                 observations=t("mapping_observations", lang, n=summary.get("observations", 0))))
    preview = mapped.preview().head(20)
    if len(preview):   # an empty grid says "empty" in English; the caption above says 0 observations
        # A dash for a cell without a value (a flag not given), as in the problems table, not "None".
        st.dataframe(preview, hide_index=True, width="stretch", placeholder="–")
    c1, c2 = st.columns([3, 1])
    new_name = c1.text_input(t("mapping_save_as", lang), choice, key=f"map_name_{name}")
    if c2.button(t("mapping_save", lang), key=f"map_save_{name}", disabled=not new_name.strip() or not editor):
        save_mapping_spec(view.engine, new_name.strip(), spec, user=editor)
        st.toast(t("mapping_saved", lang, name=new_name.strip()), icon=":material/save:")
    return mapped, spec


def _period_form(spec: dict, columns: list[str], name: str, lang: str, slot, below) -> None:
    """The period, from the suggestion (`suggest_mapping`: SDMX's TIME_PERIOD, ARCEP's date read as a year):
    a column of the file, read as written or as the year, quarter or month of its dates, or a fixed period."""
    from indicators.mappings import PERIOD_KINDS

    suggested = spec.get("period") or {}
    options = ["", *columns]
    column = slot.selectbox(t("mapping_period_column", lang), options, key=f"map_period_col_{name}",
                            index=options.index(suggested["column"]) if suggested.get("column") in columns else 0,
                            format_func=lambda c: c or t("mapping_period_fixed", lang))
    if column:
        kinds = ["", *PERIOD_KINDS]
        read_as = below.selectbox(t("mapping_period_as", lang), kinds, key=f"map_period_as_{name}",
                                  index=kinds.index(suggested.get("as") or ""),
                                  format_func=lambda k: t(f"mapping_period_as_{k or 'written'}", lang))
        spec["period"] = {"column": column, **({"as": read_as} if read_as else {})}
    else:
        spec["period"] = {"value": below.text_input(t("mapping_period", lang), suggested.get("value", ""),
                                                    key=f"map_period_{name}")}


def _flag_form(spec: dict, columns: list[str], name: str, lang: str, slot) -> None:
    """The column of flags (SDMX's OBS_FLAG: `p`, `e`), the suggestion's first, or none."""
    options = ["", *columns]
    suggested = (spec.get("flag") or {}).get("column") if isinstance(spec.get("flag"), dict) else None
    chosen = slot.selectbox(t("mapping_flag_column", lang), options, key=f"map_flag_{name}",
                            index=options.index(suggested) if suggested in columns else 0,
                            format_func=lambda c: c or t("mapping_flag_none", lang))
    if chosen:
        spec["flag"] = {"column": chosen}
    else:
        spec.pop("flag", None)


def _filters_form(spec: dict, choices: dict[str, list[str]], name: str, lang: str) -> None:
    """Each filter keeping one value of a column (SDMX's `unit`: EUR_HAB or MIO_EUR), the suggestion's
    value first; every row when none is chosen (apply_mapping then warns when units are mixed)."""
    kept = []
    for f in spec.get("filters", []):
        values = choices.get(f.get("column"))
        if "equals" not in f or not values:
            kept.append(f)
            continue
        options = ["", *values]
        value = st.selectbox(t("mapping_filter", lang, column=f["column"]), options,
                             key=f"map_filter_{name}_{f['column']}",
                             index=options.index(f["equals"]) if f["equals"] in values else 0,
                             format_func=lambda v: v or t("mapping_filter_all", lang))
        if value:
            kept.append({**f, "equals": value})
    if kept:
        spec["filters"] = kept
    else:
        spec.pop("filters", None)


def _problems_frame(problems, lang: str) -> pd.DataFrame:
    return pd.DataFrame([{
        t("file", lang): p.file, t("row", lang): p.row, t("column", lang): p.column_said(lang), t("value", lang): p.shown_value(lang),
        t("problem", lang): p.message(lang), t("suggestion", lang): p.suggestion_text(lang),
    } for p in problems])


WRAPPED_PROBLEMS = 50   # up to this many problems, a table whose text wraps; beyond, a scrolling grid


def _cell_text(v) -> str:
    """A problem table's cell as text: a dash for none, a row number as the spreadsheet writes it (3, not
    3.0 nor a grouped 1,234)."""
    if v is None or (isinstance(v, float) and v != v):
        return "–"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return v if isinstance(v, str) else str(v)


def show_problems(problems, lang: str, key: str | None = None) -> pd.DataFrame:
    """The problems as a table (a dash where a problem has no row, value or suggestion, not "None");
    the frame shown, for its download. A grid cuts long text at the page's edge, and the problem and
    its suggestion are the longest cells: up to WRAPPED_PROBLEMS they are shown whole, wrapped."""
    frame = _problems_frame(problems, lang)
    if len(frame) <= WRAPPED_PROBLEMS:
        shown = frame.astype(object).map(_cell_text)
        st.table(shown, hide_index=True)
    else:
        st.dataframe(frame, hide_index=True, width="stretch", key=key, placeholder="–")
    return frame


def show_detected(files: list[dict], lang: str) -> None:
    """What was read of each file; its row count in the page's grouping (60 480, not 60480)."""
    from indicators import table_numbers

    st.dataframe(_detected(files, lang), hide_index=True, width="stretch", placeholder="–",
                 column_config={t("rows", lang): st.column_config.NumberColumn(format=table_numbers.integer_format(lang))})


def _detected(files: list[dict], lang: str) -> pd.DataFrame:
    return pd.DataFrame([{
        t("file", lang): f["file"], t("table", lang): _table_label(f.get("kind"), lang),
        t("encoding", lang): i18n.encoding_name(f.get("encoding")), t("separator", lang): _sep(f.get("separator")),
        t("decimal_mark", lang): f.get("decimal"), t("rows", lang): f.get("rows"),
    } for f in files])


def _table_label(kind: str | None, lang: str) -> str:
    """The kind of data in the planner's words (Waarnemingen), its schema name beside for the templates."""
    from indicators.schema import TABLES

    return f"{getattr(TABLES[kind], f'label_{lang}')} ({kind})" if kind in TABLES else t("cli_unrecognised", lang)


def _sep(sep: str | None) -> str:
    return {";": ";", ",": ",", "\t": "tab", "|": "|"}.get(sep, "–") if sep else "–"


def import_tab(view, editor: str | None) -> None:
    lang = view.lang
    from indicators.importing import import_files
    from indicators.problems import count, errors

    if not editor:
        st.caption(t("viewer_check", lang))
    # A new key after each import empties the uploader: the page does not check the same file again.
    uploads = widgets.file_uploader(t("upload_label", lang), lang, types=["csv", "tsv", "txt", "xlsx", "gz"],
                                   key=f"uploads_{st.session_state.get('_uploads_round', 0)}",
                                   limit_bytes=limits.get("MAX_FILE_BYTES"), accept_multiple_files=True,
                                   help=t("upload_help", lang))
    if not uploads:
        st.caption(t("upload_hint", lang))
        return
    files = [(u.name, u.getvalue()) for u in uploads]
    specs = {}
    foreign = _foreign(files)
    if foreign:   # files in another layout (INSEE, Statbel, Eurostat…): say which column holds what
        st.subheader(t("mapping_title", lang))
        for name, raw in foreign:
            mapped, spec = _mapping_step(view, editor, name, raw)
            if mapped is not None:
                files = [mapped if f[0] == name else f for f in files]
                specs[name] = spec
    c1, c2 = st.columns(2)
    skip = c1.toggle(t("skip_bad_rows", lang), key="skip_bad_rows", help=t("skip_bad_rows_help", lang))
    attach = c2.toggle(t("attach_successor", lang), key="attach_successor", help=t("attach_successor_help", lang))
    outcome = _dry_run(view, editor, files, skip, attach, specs)

    st.subheader(t("detected", lang))
    show_detected(outcome.checked.files, lang)
    problems = errors(outcome.checked.problems)
    notices = [p for p in outcome.checked.problems if p.severity != "error"]
    if problems:
        st.error(t("problems_found", lang, n=i18n.count(count(problems), "problem_one", "problem_other", lang)), icon=":material/error:")
        frame = show_problems(problems, lang, key="problems_table")
        st.download_button(t("download_problems", lang), data=downloads.to_excel_csv(frame),
                           file_name="problems.csv", mime="text/csv", on_click="ignore",
                           icon=":material/download:")
    if notices:
        with st.expander(i18n.count(len(notices), "notice_word_one", "notice_word_other", lang)):
            show_problems(notices, lang)
    if outcome.result is None:
        st.info(t("fix_then_retry" if editor else "fix_then_retry_viewer", lang), icon=":material/build:")
        return

    st.subheader(t("dry_run", lang))
    s = outcome.result.summary()
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(t("added", lang), i18n.number(s["added"], lang, 0))
    m2.metric(t("updated", lang), i18n.number(s["updated"], lang, 0))
    m3.metric(t("unchanged", lang), i18n.number(s["unchanged"], lang, 0))
    m4.metric(t("rejected", lang), i18n.number(s["rejected"], lang, 0))
    if s.get("earlier_versions"):
        st.caption(t("earlier_versions_kept", lang, n=i18n.number(s["earlier_versions"], lang, 0)))
    undated = revisions.undated_notice(outcome.result.undated, lang)
    if undated:
        st.caption(undated)
    from indicators.changes import readable_changes

    for table, changes in outcome.result.changes.items():
        st.caption(t("changes_in", lang, table=getattr(TABLES[table], f"label_{lang}")))
        st.dataframe(readable_changes(changes.head(1000), table, view.framework, lang), hide_index=True,
                     width="stretch")
    if s["added"] + s["updated"] == 0:
        st.info(t("nothing_to_import", lang), icon=":material/check:")
        return
    if not editor:
        return
    if st.button(t("confirm_import", lang), type="primary", icon=":material/upload:", key="confirm_import"):
        from indicators.store import StoreError

        try:
            done = import_files(view.engine, files, user=editor, skip_invalid_rows=skip, attach_to_successor=attach)
        except StoreError as exc:   # another import at the same moment, a full disk: nothing was written
            st.session_state.pop("_dry_run", None)
            st.error(exc.text(lang), icon=":material/error:")
            return
        st.session_state.pop("_dry_run", None)
        if done.result is None:
            st.error(t("import_failed", lang), icon=":material/error:")
            return
        st.session_state["_imported"] = (done.result.batch_id, done.result.summary())
        st.session_state["_uploads_round"] = st.session_state.get("_uploads_round", 0) + 1
        st.rerun()


def history_tab(view, editor: str | None) -> None:
    lang = view.lang
    from indicators.schema import TABLES
    from indicators.store import StoreError, batch_changes, rollback

    batches = common.batches(view.version)
    if batches.empty:
        st.caption(t("no_batch", lang))
        return
    # The state beside the date and the long file list last: at 1280 px the state showed half cut at the
    # right edge, behind the file names that the batch chooser below spells out in full anyway.
    table = pd.DataFrame({
        "#": batches["batch_id"], t("when", lang): [i18n.when(v, lang) for v in batches["created_at"]],
        t("state", lang): [t("state_active", lang) if s == "active" else t("state_rolled_back", lang)
                           for s in batches["status"]],
        t("user", lang): [S.batch_user(u, lang) for u in batches["user"]],
        t("added", lang): batches["added"], t("updated", lang): batches["updated"],
        t("unchanged", lang): batches["unchanged"], t("rejected", lang): batches["rejected"],
        t("kept_to_undo", lang): [i18n.size(b, lang) if b else "–" for b in batches["kept_bytes"]],
        t("files", lang): batches["files"],
    })
    from indicators import table_numbers

    # Counts in the page's grouping (4 001, not the browser's 4,001 or 4001), sortable as numbers; the
    # file list narrow enough that every column shows at 1280 px.
    count = st.column_config.NumberColumn(format=table_numbers.integer_format(lang))
    config = {t(c, lang): count for c in ("added", "updated", "unchanged", "rejected")}
    config["#"] = st.column_config.NumberColumn(format="%d", width=40)
    config[t("files", lang)] = st.column_config.TextColumn(width="large")
    st.dataframe(table, hide_index=True, width="stretch", column_config=config)
    newest = batches["batch_id"].iloc[0]
    if st.session_state.get("_history_newest") != newest:
        # a new import (or rollback) since the list was last drawn: show it, not the batch kept from before
        st.session_state["_history_newest"] = newest
        st.session_state["history_batch"] = newest
    chosen = st.selectbox(t("batch", lang), list(batches["batch_id"]), key="history_batch",
                          format_func=lambda b: f"#{b} · {batches.set_index('batch_id').loc[b, 'files']}")
    changes = batch_changes(view.engine, int(chosen))
    updates = changes[changes["op"] == "update"]
    if updates.empty:
        st.caption(t("batch_only_added", lang))
    else:
        from indicators.changes import readable_history

        st.caption(t("batch_previous_values", lang))
        st.dataframe(readable_history(updates, view.framework, lang), hide_index=True, width="stretch")
        for table, frame in downloads.previous_values(updates).items():
            label = getattr(TABLES[table], f"label_{lang}")
            st.download_button(t("download_previous_values", lang, table=label),
                               data=downloads.to_excel_csv(frame, reversible=True),
                               file_name=f"{table}_batch{chosen}_previous.csv", mime="text/csv", on_click="ignore",
                               icon=":material/download:", key=f"previous_{chosen}_{table}",
                               help=t("download_previous_values_help", lang))
    row = batches.set_index("batch_id").loc[chosen]
    if not editor or row["status"] != "active":
        return
    confirm = st.checkbox(t("rollback_confirm", lang, batch=chosen), key=f"confirm_rollback_{chosen}")
    if st.button(t("rollback", lang), disabled=not confirm, icon=":material/undo:", key="rollback_button"):
        try:
            counts = rollback(view.engine, int(chosen), user=editor)
        except StoreError as exc:
            st.error(exc.text(lang), icon=":material/error:")
            return
        st.session_state["_rolled_back"] = (int(chosen), counts)
        st.rerun()


def templates_tab(lang: str) -> None:
    from indicators.exporting import to_csv_bytes, to_xlsx_bytes
    from indicators.schema import TABLES
    from indicators.templates import notes, template

    st.caption(t("templates_help", lang))
    for name, table in TABLES.items():
        label = getattr(table, f"label_{lang}")
        a, b, c = st.columns([3, 1, 1])
        a.markdown(f"**{label}** · `{name}`  \n" + ", ".join(f"`{col}`" for col in table.required))
        # Built when clicked, not on every run: writing the nine workbooks was a third of the page's time.
        b.download_button("CSV", data=lambda name=name: to_csv_bytes(template(name, lang=lang), sep=";", decimal=",",
                                                                     encoding="utf-8-sig"),
                          file_name=f"{name}.csv", mime="text/csv", on_click="ignore", key=f"tpl_csv_{name}",
                          icon=":material/download:")
        c.download_button("XLSX", data=lambda name=name: to_xlsx_bytes({name: template(name, typed=True, lang=lang)},
                                                                       notes={t("notes_sheet", lang): notes(name, lang)}),
                          file_name=f"{name}.xlsx", key=f"tpl_xlsx_{name}", on_click="ignore",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          icon=":material/download:")



TABS = ("tab_import", "tab_history", "tab_templates")


def _counts(counts: dict[str, int], key: str, lang: str) -> dict[str, str]:
    """Each count of the message `key` as its plural text `<key>_<name>`: "1 ajoutée", "1 001 ajoutées"."""
    return {name: t(f"{key}_{name}", lang, n=value) for name, value in counts.items() if f"{key}_{name}" in i18n.TEXTS}


def main() -> None:
    view = common.current()
    lang = view.lang
    st.title(t("page_data", lang))
    editor = editors.editor_gate(lang)
    done = st.session_state.pop("_imported", None)
    # Counts in the page's grouping (100 000 in French), as the dry run's figures were.
    if done:
        st.success(t("imported", lang, batch=done[0], **_counts(done[1], "imported", lang)),
                   icon=":material/check_circle:")
    rolled = st.session_state.pop("_rolled_back", None)
    if rolled:
        st.success(t("rolled_back", lang, batch=rolled[0], **_counts(rolled[1], "rolled_back", lang)),
                   icon=":material/undo:")
    # Only the open tab's content is drawn, but for the import: its uploader keeps its files while the
    # planner looks at the history. The hidden history and templates held a data grid and 19 download
    # buttons: a returning user's page 1.18 -> 0.98 s, a first visit 1.37 -> 1.04 s (7 loads, A/B).
    tabs = widgets.lazy_tabs(TABS, "data_tab", lang)
    with tabs[0]:
        common.guarded(lang, import_tab, view, editor)
    if tabs[1].open:
        with tabs[1]:
            common.guarded(lang, history_tab, view, editor)
    if tabs[2].open:
        with tabs[2]:
            common.guarded(lang, templates_tab, lang)

if __name__ == "__main__":   # run as a file, by Streamlit's legacy pages/ folder mode
    common.run_through_shell()
