"""Data: upload, check, import, undo; history; templates. Importing and rollback are for editors."""
from __future__ import annotations

import hashlib
import json
import threading
import uuid

import pandas as pd
import streamlit as st

from indicators import downloads, i18n, limits, revisions
from indicators import submissions as S
from indicators.i18n import t
from indicators.schema import TABLES
from pages import common, data_mapping, editors, widgets
from pages.safe_markdown import error_said, literal, said

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


def _confirmation() -> tuple[str, str]:
    """(this session, the token of its next import): one import per token, and one at a time (`_confirm`)."""
    session = st.session_state.setdefault("_session_id", uuid.uuid4().hex)
    return session, f"{session}:{st.session_state.get('_import_attempt', 0)}"


def _raw(files: list) -> list[tuple[str, bytes]]:
    return [f if isinstance(f, tuple) else (f.name, f.sha256.encode()) for f in files]


def _problems_frame(problems, lang: str) -> pd.DataFrame:
    return pd.DataFrame([{
        t("file", lang): p.file, t("row", lang): p.row, t("column", lang): p.column_said(lang), t("value", lang): p.shown_value(lang),
        t("problem", lang): p.message(lang), t("suggestion", lang): i18n.suggestion_on_page(p, lang),
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
    from indicators.problems import count, errors

    if _settle(_confirmation()[0]):   # an import ended in a run that could not say it (`_confirm`)
        st.rerun()
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
    foreign = data_mapping.foreign_files(files)
    if foreign:   # files in another layout (INSEE, Statbel, Eurostat…): say which column holds what
        st.subheader(t("mapping_title", lang), anchor="mapping-title")
        waiting = False
        for name, raw in foreign:
            mapped, spec = data_mapping.mapping_step(view, editor, name, raw)
            if mapped is None:   # the step said what it lacks, or why it cannot be done yet: once, there
                waiting = True
                continue
            files = [mapped if isinstance(f, tuple) and f[0] == name else f for f in files]
            specs[name] = spec
        if waiting:   # nothing is checked nor imported before every file in another layout is read
            return
    c1, c2 = st.columns(2)
    skip = c1.toggle(t("skip_bad_rows", lang), key="skip_bad_rows", help=t("skip_bad_rows_help", lang))
    attach = c2.toggle(t("attach_successor", lang), key="attach_successor", help=t("attach_successor_help", lang))
    outcome = _dry_run(view, editor, files, skip, attach, specs)

    st.subheader(t("detected", lang), anchor="detected")
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

    st.subheader(t("dry_run", lang), anchor="dry-run")
    s = outcome.result.summary()
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(t("added", lang), i18n.number(s["added"], lang, 0))
    m2.metric(t("updated", lang), i18n.number(s["updated"], lang, 0))
    m3.metric(t("unchanged", lang), i18n.number(s["unchanged"], lang, 0))
    m4.metric(t("rejected", lang), i18n.number(s["rejected"], lang, 0))
    if s.get("earlier_versions"):
        st.caption(t("earlier_versions_kept", lang, n=i18n.number(s["earlier_versions"], lang, 0)))
    undated = revisions.undated_notice([literal(x) for x in outcome.result.undated], lang)   # the file's codes
    if undated:
        st.caption(undated)
    from indicators.changes import readable_changes

    for table, changes in outcome.result.changes.items():
        st.caption(t("changes_in", lang, table=getattr(TABLES[table], f"label_{lang}")))
        frame, config = changes_shown(readable_changes(changes.head(1000), table, view.framework, lang), lang)
        st.dataframe(frame, hide_index=True, width="stretch", column_config=config)
    if s["added"] + s["updated"] == 0:
        st.info(t("nothing_to_import", lang), icon=":material/check:")
        return
    if not editor:
        return
    _confirm(view, editor, files, skip, attach)


def changes_shown(frame: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, dict]:
    """A dry run's changes as the editor reads them: the codes, then what changes, whole and wide, then the
    codes' names. The names first pushed "Ce qui change" past the table's edge at 1280 px ("Valeur : 104 → 5…"),
    the one column an editor must read before confirming."""
    change = t("change_col", lang)
    if change not in frame:
        return frame, {}
    named = [c for c in frame.columns if str(c).endswith(f"({t('name_col', lang)})")]
    order = [c for c in frame.columns if c != change and c not in named] + [change] + named
    return frame[order], {change: st.column_config.TextColumn(width="large")}


# One click, one import. Streamlit starts a new run of the page at each click while the run before it may
# still be writing (runner.fastReruns), and stops that run at its next element or session-state access: a
# second click while an import waited for the store imported the same upload twice. A session imports one
# thing at a time, each attempt under its own token, claimed once; the run that claims it imports, others
# wait for it, and whichever run comes next says the outcome. By session, for every session of the server:
RUNNING: dict[str, threading.Event] = {}   # an import being written
OUTCOMES: dict[str, tuple] = {}             # (token, "imported", batch, counts) or (token, "refused", text)
_CLAIMS = threading.Lock()


def claim(session: str, token: str, done: set) -> threading.Event | None:
    """The event to set once this run's import ends (`release`); None while another run of the session
    imports, and for a token claimed already (`done`: the session's claimed tokens)."""
    with _CLAIMS:
        if session in RUNNING or token in done:
            return None
        done.add(token)
        RUNNING[session] = threading.Event()
        return RUNNING[session]


def release(session: str, outcome: tuple) -> None:
    """The import's end, kept for the next run (no session state here: this run may be stopping)."""
    with _CLAIMS:
        OUTCOMES[session] = outcome
        event = RUNNING.pop(session, None)
    if event is not None:
        event.set()


def _settle(session: str) -> bool:
    """The outcome of the session's last import into its session state, once: True when there was one."""
    with _CLAIMS:
        outcome = OUTCOMES.pop(session, None)
    if outcome is None:
        return False
    ss = st.session_state
    ss.pop("_dry_run", None)
    ss["_import_attempt"] = int(outcome[0].rsplit(":", 1)[1]) + 1
    if outcome[1] == "imported":
        ss["_imported"] = outcome[2:]
        ss["_uploads_round"] = ss.get("_uploads_round", 0) + 1
    elif outcome[1] == "refused":
        ss["_import_refused"] = outcome[2]
    return True


def _ask_import(token: str) -> None:
    st.session_state["_import_asked"] = token


def _write(view, editor: str, files: list, skip: bool, attach: bool, token: str) -> tuple:
    from indicators.importing import import_files
    from indicators.store import StoreError

    try:
        done = import_files(view.engine, files, user=editor, skip_invalid_rows=skip, attach_to_successor=attach)
    except StoreError as exc:   # another import at the same moment, a full disk: nothing was written
        return token, "refused", error_said(exc, view.lang)
    except Exception as exc:   # said in words, and the next click is a new attempt
        return token, "refused", t("page_error", view.lang, detail=type(exc).__name__)
    if done.result is None:
        return token, "refused", t("import_failed", view.lang)
    return token, "imported", done.result.batch_id, done.result.summary()


def _confirm(view, editor: str, files: list, skip: bool, attach: bool) -> None:
    """The confirmation button, disabled while the session's import is written, which a spinner says (it
    may wait up to 30 s for another import to end)."""
    lang, ss = view.lang, st.session_state
    session, token = _confirmation()
    refused = ss.pop("_import_refused", None)   # the last try's refusal (nothing was written)
    if refused:
        st.error(refused, icon=":material/error:")
    asked = ss.pop("_import_asked", None) == token
    running = RUNNING.get(session)
    st.button(t("confirm_import", lang), type="primary", icon=":material/upload:", key="confirm_import",
              disabled=asked or running is not None, on_click=_ask_import, args=(token,))
    if running is not None:   # an earlier run of this session writes: its outcome is said after
        with st.spinner(t("import_running", lang)):
            running.wait()
        st.rerun()
    if not asked:
        return
    if claim(session, token, ss.setdefault("_imports_claimed", set())) is None:   # another run has it
        st.rerun()
    outcome = (token, "stopped")   # stopped before writing anything: the next click is a new attempt
    try:
        with st.spinner(t("import_running", lang)):
            outcome = _write(view, editor, files, skip, attach, token)
    finally:
        release(session, outcome)
    _settle(session)
    st.rerun()


def history_tab(view, editor: str | None) -> None:
    lang = view.lang
    from indicators.schema import TABLES
    from indicators.store import batch_changes

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
    # A restored store numbers its batches again, and its new #2 may carry the same second as the #2 the restore
    # removed: the store's version (a counter and a token drawn with every write) tells them apart.
    seen = (int(newest), batches["created_at"].iloc[0], view.version)
    if st.session_state.get("_history_newest") != seen:
        # a new import (or rollback) since the list was last drawn: show it, not the batch kept from before,
        # and no tick given to another batch of its number stands
        st.session_state["_history_newest"] = seen
        st.session_state["history_batch"] = newest
        st.session_state.pop(f"confirm_rollback_{newest}", None)
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
    asked = st.session_state.pop("_rollback_asked", None)
    if asked is not None and editor:   # the click's rollback, even when the batch is no longer active
        _roll_back(view, editor, asked, batches)
    if not editor or row["status"] != "active":
        return
    confirm = st.checkbox(t("rollback_confirm", lang, batch=chosen), key=f"confirm_rollback_{chosen}")
    st.button(t("rollback", lang), disabled=not confirm, icon=":material/undo:", key="rollback_button",
              on_click=_ask_rollback, args=(int(chosen),))


def _ask_rollback(batch: int) -> None:
    st.session_state["_rollback_asked"] = batch


def _roll_back(view, editor: str, batch: int, batches: pd.DataFrame) -> None:
    """Roll back the batch the editor confirmed. Someone else rolled it back since the page was drawn
    (another tab, the command line): said, with when and by whom (the click was lost without a word). A
    refusal's names, e-mails, files and codes are shown as written (safe_markdown.said), its time in words."""
    from indicators.store import StoreError, rollback

    lang = view.lang
    try:
        counts = rollback(view.engine, batch, user=editor)
    except StoreError as exc:
        row = batches[batches["batch_id"] == batch]
        if len(row) and row.iloc[0]["status"] != "active":
            row = row.iloc[0]
            st.error(said("rollback_already_by", lang, batch=batch, when=row["rolled_back_at"],
                          who=S.batch_user(row["rolled_back_by"], lang)), icon=":material/error:")
        else:   # refused: later batches, later approved submissions (their senders' e-mails), codes still used
            st.error(error_said(exc, lang), icon=":material/error:")
        return
    st.session_state["_rolled_back"] = (batch, counts)
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
    st.title(t("page_data", lang), anchor="page-data")
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
