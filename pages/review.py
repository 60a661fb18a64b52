"""Contributions: partners submit their data, editors review it, admins manage accounts.

Who is signed in is read again from the store on every run (only the e-mail is kept in the session),
and every action goes through the engine's rights (indicators/accounts.py, indicators/submissions.py):
a hidden button is a courtesy, the refusal happens in the engine.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators import accounts as A
from indicators import i18n
from indicators import submissions as S
from indicators.i18n import t
from indicators.problems import count, errors
from indicators.store import StoreError
from pages import common, editors, widgets
from pages.safe_markdown import error_said, literal, said


def signed_in(view) -> A.Account:
    """The acting account: single sign-on's e-mail or the local sign-in's, looked up in the store (the
    Data and Map pages ask the same function: one sign-in per person)."""
    return editors.signed_in_account(view.engine)


def sign_in_box(view, account: A.Account) -> None:
    lang = view.lang
    if account.role != "viewer":
        left, right = st.columns([4, 1])
        # A name and a partner's name are stored text: shown as written, never as a link or an image.
        partner = (f" · {literal(widgets.partner_label(account.partner_id, lang))}"
                   if account.partner_id else "")
        left.caption(said("account_signed_in", lang, who=account.label, role=t(f"role_{account.role}", lang))
                     + partner)
        if right.button(t("sign_out", lang), key="account_sign_out"):
            _sign_out()
        return
    if account.email:   # signed in with a viewer's account: it may read, not send; said, with a way out
        left, right = st.columns([4, 1])
        left.caption(said("account_signed_in", lang, who=account.label, role=t("role_viewer", lang)))
        st.warning(t("account_may_not_send", lang, role=t("role_viewer", lang)), icon=":material/block:")
        if right.button(t("sign_out", lang), key="account_sign_out"):
            _sign_out()
        return
    if editors._secrets_section("auth"):
        email = st.user.get("email") if getattr(st.user, "is_logged_in", False) else None
        if email:   # signed in by single sign-on, but no account holds that e-mail: said, with a way out
            left, right = st.columns([4, 1])
            left.warning(said("account_sso_unknown", lang, email=email), icon=":material/person_off:")
            if right.button(t("sign_out", lang), key="account_sign_out"):
                _sign_out()
            return
        st.caption(t("review_sign_in_hint", lang))
        st.button(t("sign_in_oidc", lang), on_click=st.login, key="account_oidc")
        return
    st.caption(t("review_sign_in_hint", lang))
    with st.form("account_login"):
        email = st.text_input(t("account_email", lang), key="account_login_email")
        password = st.text_input(t("account_password", lang), type="password", key="account_login_password")
        if st.form_submit_button(t("sign_in", lang)):
            found = A.sign_in(view.engine, email, password)
            if found is None:
                st.error(t("account_wrong", lang), icon=":material/error:")
            else:
                st.session_state["_account"] = found.email
                st.rerun()


def _sign_out() -> None:
    if editors._secrets_section("auth"):
        st.logout()
    st.session_state.pop("_account", None)
    st.session_state.pop("_editor", None)   # one sign-in per person: signed out of the Data page too
    st.rerun()


def _report(checked, lang: str, key: str = "submission_problems") -> None:
    from pages.data import show_detected, show_problems

    show_detected(checked.files, lang)
    problems = errors(checked.problems)
    if problems:
        st.error(t("problems_found", lang, n=i18n.count(count(problems), "problem_one", "problem_other", lang)), icon=":material/error:")
        show_problems(problems, lang, key=key)
    _notices(checked, lang)


def _notices(checked, lang: str) -> None:
    """The file's notices (a period after today, rows without a value, columns left aside…) as the Data
    page lists an import's, open: the contributor reads them once sent, the reviewer before approving."""
    from pages.data import show_problems

    notices = [p for p in checked.problems if p.severity != "error"]
    if notices:
        with st.expander(i18n.count(len(notices), "notice_word_one", "notice_word_other", lang), expanded=True,
                         icon=":material/info:"):
            show_problems(notices, lang)


def _carried(carried, lang: str) -> None:
    """The rows of the returned submission a correction carries (submissions.carried_rows), row by row."""
    if carried is None:
        return
    # the file's codes: shown as written
    st.info(S.carried_words(carried, lang, literal), icon=":material/move_down:")


def _attempt(lang: str, action, *args) -> tuple[bool, object]:
    """Run an engine action: (done, its result); a refusal or a store problem is said in the user's
    language (a file over the size limit too)."""
    from indicators.limits import LimitExceeded

    try:
        return True, action(*args)
    except StoreError as exc:   # it may quote the file (its name, a cell), e-mails: shown as written
        st.error(error_said(exc, lang), icon=":material/block:")
    except LimitExceeded as exc:
        st.error(t("submission_too_large", lang, limit=i18n.number(exc.limit / 1e6, lang, 0)), icon=":material/block:")
    return False, None


def _status(status: str, lang: str) -> str:
    return t(f"submission_{status}", lang)


def _pin(name: str, value) -> None:
    """A button's on_click: the value the page showed when the button was drawn (the rerun the click
    starts reads the store again, where another tab may have changed what the page would show now)."""
    st.session_state[name] = value


def contributor_view(view, account: A.Account) -> None:
    lang = view.lang
    st.subheader(t("submit_title", lang), anchor=False)
    st.caption(said("submit_help", lang, partner=widgets.partner_label(account.partner_id, lang)))
    # What was just sent, above the tabs: seen whichever tab is open (the boxes below change once sent). In
    # a container drawn on every run, empty or not: the tabs keep their place. The browser places what a run
    # sends by position; drawn in the page, the confirmation took the tabs' place and the tabs were built
    # anew further down (a slow browser showed the first tab, or none, for seconds after a send).
    with st.container(key="submit_sent"):
        _sent_flash(st.session_state.pop("_submit_flash", None), lang)
    mine = S.listing(view.engine, account)
    returned = [s for s in mine if s["status"] == S.RETURNED]
    # One container whatever it holds: the tabs below keep their place in the page, and the open tab
    # stays open when the returned boxes go away.
    with st.container(key="submit_notes"):
        for r in returned:   # what to correct, where the contributor looks first
            # The reviewer's words, the file's name and the reviewer's address are stored text: shown as
            # written, no link, image or HTML of theirs renders (a contributor trusts this box).
            st.warning(said("submission_returned_note", lang, id=r["submission_id"], file=r["file_name"],
                            reviewer=r["reviewer"] or "–", comment=r["comment"] or ""), icon=":material/undo:")
        _rolled_back_notes(mine, lang)
        replaces = _replaces_box(mine, returned, lang)
    by_file, by_form = st.tabs([t("submit_tab_file", lang), t("submit_tab_form", lang)], key="submit_tabs")
    with by_form:
        typed_form(view, account, replaces)
    with by_file:
        # Streamlit's own "Limit … per file" then states the submissions' limit (20 MB), not the server's 200 MB.
        _upload(view, account, replaces)
    _listing(mine, lang, "my_submissions")


def _replaces_box(mine: list[dict], returned: list[dict], lang: str):
    """The returned submission the contributor corrects (None: a new submission). One it chose that was
    corrected meanwhile from elsewhere (another tab, a colleague) stays chosen, with a note naming that
    correction: sending is then refused by the engine, not sent as a new submission unseen."""
    options = [None] + [s["submission_id"] for s in returned]
    chosen = st.session_state.get("submit_replaces")
    if chosen in st.session_state.get("_corrected", ()) and chosen not in options:
        st.session_state["submit_replaces"] = chosen = None   # corrected from this tab: back to "–", shown so
    stale = chosen is not None and chosen not in options
    if stale:
        options.append(chosen)
    if len(options) == 1:
        return None
    replaces = st.selectbox(t("submit_replaces", lang), options, key="submit_replaces",
                            format_func=lambda i: "–" if i is None else f"#{i}")
    if replaces is not None and replaces not in [s["submission_id"] for s in returned]:
        by = max((s["submission_id"] for s in mine if s["replaces"] == replaces), default="?")
        st.warning(t("submission_corrected_meanwhile", lang, id=replaces, by=by), icon=":material/sync_problem:")
    return replaces


def _rolled_back_notes(mine: list[dict], lang: str) -> None:
    """An approved submission whose import was rolled back, until the partner sends something again: its
    values are no longer on the dashboard."""
    for r in mine:
        if S.state(r) != S.ROLLED_BACK:
            continue
        sent_since = any(s["submission_id"] > r["submission_id"] and str(s["created_at"]) >= str(r["rolled_back_at"])
                         for s in mine)
        if not sent_since:
            st.warning(said("submission_rolled_back_note", lang, id=r["submission_id"], file=r["file_name"],
                            batch=r["batch_id"], when=i18n.when(r["rolled_back_at"], lang),
                            who=r["rolled_back_by"] or "–"), icon=":material/history:")


def _sent_flash(flash, lang: str) -> None:
    """The confirmation of the submission sent on the run before: the file's report, or the typed values."""
    if not flash:
        return
    how, what, submission_id, checked, carried = flash
    if how == "file":
        _report(checked, lang, key="sent_problems")
    else:   # typed values: what was sent, and the import's notices (the file's detection means nothing here)
        _sent_table(what, lang)
        _notices(checked, lang)
    _carried(carried, lang)
    st.success(t("cli_submitted", lang, id=submission_id), icon=":material/outbox:")


def _sent(flash: tuple, replaces) -> None:
    """Kept for the next run: the confirmation, and the returned submission this tab corrected (its own
    correction is no news to it)."""
    st.session_state["_submit_flash"] = flash
    if replaces is not None:
        st.session_state["_corrected"] = {*st.session_state.get("_corrected", ()), replaces}


def _upload(view, account: A.Account, replaces) -> None:
    from indicators import limits

    lang = view.lang
    upload = widgets.file_uploader(t("submit_upload_label", lang), lang, types=["csv", "tsv", "txt", "xlsx", "gz"],
                                   key="submit_upload", limit_bytes=limits.get("MAX_SUBMISSION_BYTES"))
    if upload is None:
        return
    sent_as = st.session_state.get("_submit_sent_file", {}).get(upload.file_id)
    if sent_as is not None:   # this very upload was sent: no second submission of it by a second click
        st.caption(t("submit_file_sent", lang, id=sent_as))
        return
    # The correction the page showed when the button was drawn, not the one the click's rerun would pick.
    if st.button(t("submit_send", lang), type="primary", key="submit_send", on_click=_pin,
                 args=("_submit_replaces", replaces)):
        pinned = st.session_state.pop("_submit_replaces", replaces)
        ok, sent = _attempt(lang, S.submit, view.engine, account, upload.name, upload.getvalue(), pinned)
        if ok:
            if sent.submission_id is None:   # nothing was kept; no "import without the rows in error" here
                _report(sent.checked, lang)
                if errors(sent.checked.problems):
                    st.info(t("submit_fix_then_retry", lang), icon=":material/build:")
                else:   # every row without a value (the list of what is due sent back unfilled)
                    st.warning(t("submit_nothing_to_review", lang), icon=":material/edit_note:")
                return
            st.session_state.setdefault("_submit_sent_file", {})[upload.file_id] = sent.submission_id
            _sent(("file", None, sent.submission_id, sent.checked, sent.carried), pinned)
            st.rerun()   # the page again from the store: the corrected submission's box goes


EXAMPLE = {"fr": "1 234,5", "nl": "1.234,5", "en": "1,234.5"}
FORM_FLAGS = ("", "p", "e", "b", "c", "u")


def typed_form(view, account: A.Account, replaces) -> bool:
    """The latest values of the partner's own indicators, typed; sent as a file would be (the page then
    runs again, the confirmation above the tabs)."""
    from indicators import typed_values as TV
    from indicators.units import unit_of

    lang = view.lang
    partner = literal(widgets.partner_label(account.partner_id, lang))
    indicators = TV.owned(view.framework.get("indicators"), account.partner_id)
    if indicators.empty:
        st.info(t("typed_none_owned", lang, partner=partner), icon=":material/info:")
        return False
    st.caption(t("typed_help", lang, partner=partner, example=EXAMPLE[lang]))
    if st.session_state.pop("_typed_clear", False):   # sent on the run before: emptied, not sent twice
        for i in indicators["indicator_id"]:   # set before the boxes are drawn: the browser's values give way
            for key in ("typed_value_", "typed_flag_", "typed_note_"):
                st.session_state[f"{key}{i}"] = ""
    obs = common.observations(view.version)
    ids = list(indicators["indicator_id"])
    names = dict(zip(view.framework["territories"]["territory_id"],
                     [i18n.name(r, "name", lang) for r in view.framework["territories"].to_dict("records")]))
    places = TV.territories(obs, ids, list(names))
    offered, proposed = TV.periods(obs, ids)
    left, right = st.columns(2)
    territory = left.selectbox(t("typed_territory", lang), places, key="typed_territory",
                               format_func=lambda c: f"{names.get(c, c)} ({c})")
    period = right.selectbox(t("typed_period", lang), offered, index=offered.index(proposed), key="typed_period")
    last = TV.latest(obs, ids, territory)
    widths = [4, 2, 2, 3]
    typed, flags, notes = {}, {}, {}
    # a unit typed beside a number (`71,25%`) is judged as in a file: against the indicator's stored unit
    units = {r["indicator_id"]: r["unit"] for r in indicators.to_dict("records") if isinstance(r.get("unit"), str)}
    shown_units = {r["indicator_id"]: unit_of(r, lang) for r in indicators.to_dict("records")}
    with st.form("typed_form"):
        for col, key in zip(st.columns(widths), ("indicator", "typed_value", "typed_flag", "typed_note")):
            col.markdown(f"**{t(key, lang)}**")
        for row in indicators.to_dict("records"):
            i = row["indicator_id"]
            unit = unit_of(row, lang)
            known = last.get(i)
            latest = said("typed_latest", lang, period=known[0],
                       value=i18n.number(known[1], lang, row.get("decimals") and int(row["decimals"]))) \
                if known else t("typed_no_latest", lang)
            name, value, flag, note = st.columns(widths, vertical_alignment="center")
            name.markdown(f"**{literal(i)}** · {literal(i18n.name(row, 'name', lang))}"
                          + (f" ({literal(unit)})" if unit else "") + f"  \n:gray[{latest}]")
            typed[i] = value.text_input(f"{t('typed_value', lang)} {i}", key=f"typed_value_{i}",
                                        placeholder=EXAMPLE[lang], label_visibility="collapsed")
            flags[i] = flag.selectbox(f"{t('typed_flag', lang)} {i}", FORM_FLAGS, key=f"typed_flag_{i}",
                                      format_func=lambda f: f"{f} · {t('flag_' + f, lang)}" if f
                                      else t("typed_flag_none", lang), label_visibility="collapsed")
            notes[i] = note.text_input(f"{t('typed_note', lang)} {i}", key=f"typed_note_{i}",
                                       label_visibility="collapsed")
        # The correction the page showed when the button was drawn (see _upload).
        sent_now = st.form_submit_button(t("typed_send", lang), type="primary", on_click=_pin,
                                         args=("_typed_replaces", replaces))
    if not sent_now:
        return False
    replaces = st.session_state.pop("_typed_replaces", replaces)
    ok, result = _attempt(lang, TV.submit, view.engine, account, typed, territory, period, lang, flags, notes,
                          replaces, units)
    if not ok:
        return False
    found, sent = result
    if sent is None:
        st.error(t("typed_problems", lang), icon=":material/error:")
        st.markdown("\n".join("- " + said(key, lang, indicator=i, text=text, example=EXAMPLE[lang],
                                            unit=shown_units.get(i) or "–") for i, text, key in found.problems))
        st.caption(t("typed_kept", lang))   # the other values stay in their boxes: correct, then send again
        return False
    # The file's technical detection (encoding, separator) means nothing for typed values; the import's
    # problems do.
    problems = errors(sent.checked.problems)
    if problems:
        from pages.data import show_problems

        _sent_table(found.frame, lang)
        st.error(t("problems_found", lang, n=i18n.count(count(problems), "problem_one", "problem_other", lang)), icon=":material/error:")
        show_problems(problems, lang, key="typed_problems")
        return False
    if sent.submission_id is None:   # every typed cell left without a value: nothing to review
        st.warning(t("submit_nothing_to_review", lang), icon=":material/edit_note:")
        return False
    st.session_state["_typed_clear"] = True
    _sent(("form", found.frame, sent.submission_id, sent.checked, sent.carried), replaces)
    st.rerun()
    return True


def _sent_table(frame, lang: str) -> None:
    """What was sent, in the page's number format with the decimals typed."""
    from indicators import typed_values as TV

    shown = frame.assign(value=[i18n.number(float(v), lang, TV.decimals_of(v)) for v in frame["value"]])
    st.dataframe(shown.rename(columns={"indicator_id": t("indicator", lang), "territory_id": t("typed_territory", lang),
                                       "period": t("typed_period", lang), "value": t("typed_value", lang),
                                       "flag": t("typed_flag", lang), "note": t("typed_note", lang)}),
                 hide_index=True, width="stretch", key="typed_sent")


def _state(row: dict, lang: str) -> str:
    """Where a submission stands, in words; an approval whose import was rolled back says so and when."""
    state = S.state(row)
    if state == S.ROLLED_BACK:
        return t("submission_rolled_back", lang, when=i18n.when(row["rolled_back_at"], lang))
    return _status(state, lang)


def _sender(row: dict, lang: str) -> str:
    """Who sent a submission; "(no account)" when the account was removed since."""
    gone = f" ({t('submission_no_account', lang)})" if row.get("contributor_gone") else ""
    return f"{row['contributor']}{gone}"


def _listing(rows: list[dict], lang: str, key: str) -> None:
    if not rows:
        st.caption(t("submissions_none", lang))
        return
    st.dataframe(pd.DataFrame({
        "#": [r["submission_id"] for r in rows],
        t("submission_state", lang): [_state(r, lang) for r in rows],
        t("file", lang): [r["file_name"] for r in rows],
        t("partner", lang): [widgets.partner_label(r["partner_id"], lang) for r in rows],
        t("submission_by", lang): [_sender(r, lang) for r in rows],
        t("submission_comment", lang): [r["comment"] or "" for r in rows],
        t("submission_reviewer", lang): [r["reviewer"] or "" for r in rows],
        # whole numbers or empty, one type: Arrow reads the column without a fallback (and a log line)
        t("batch", lang): pd.array([r["batch_id"] for r in rows], dtype="Int64"),
    }), hide_index=True, width="stretch", key=key)


def editor_view(view, account: A.Account, asked=None) -> None:
    """The review queue. `asked`: the button clicked on the run before, with the id of the submission
    the page showed then (the engine refuses one that is no longer pending)."""
    lang = view.lang
    st.subheader(t("review_title", lang), anchor=False)
    if asked:
        _act(view, account, *asked)
    everything = S.listing(view.engine, account)
    pending = [s for s in everything if s["status"] == S.PENDING]
    if asked and asked[1] not in [s["submission_id"] for s in pending]:
        # dealt with (here, or refused as done elsewhere): the next one, set so that the browser shows it too
        if pending:
            st.session_state["review_pick"] = pending[0]["submission_id"]
        else:
            st.session_state.pop("review_pick", None)
    # The submission this tab shows, dealt with meanwhile elsewhere (another tab, another editor): it stays
    # chosen, said so, with no button, until another is chosen; never silently swapped for the next one.
    chosen = st.session_state.get("review_pick")
    gone = next((s for s in everything if s["submission_id"] == chosen and s["status"] != S.PENDING), None)
    if gone:
        st.warning(t("review_gone", lang, id=chosen, state=_state(gone, lang)), icon=":material/sync_problem:")
    shown = ([gone] if gone else []) + pending
    if not pending:
        st.success(t("review_none", lang), icon=":material/done_all:")
    else:
        pick = st.selectbox(t("review_pick", lang), [s["submission_id"] for s in shown], key="review_pick",
                            format_func=lambda i: next(f"#{i} · {s['file_name']} · {_sender(s, lang)}"
                                                       for s in shown if s["submission_id"] == i))
        if not (gone and pick == gone["submission_id"]):
            _review_one(view, account, pick, next((s for s in shown if s["submission_id"] == pick), None))
    with st.expander(t("review_all", lang)):
        _listing(everything, lang, "all_submissions")


def _review_one(view, account: A.Account, pick: int, sub: dict | None = None) -> None:
    """A pending submission (`sub`: its row of the listing): its dry run, the rows approving writes, the file
    sent, the comment and the buttons; no buttons for the editor's own submission (four eyes)."""
    lang = view.lang
    if sub and sub.get("contributor_gone"):   # approving stays possible: the batch names the sender
        st.info(said("review_contributor_gone", lang, email=sub["contributor"]),
                icon=":material/person_off:")
    ok, outcome = _attempt(lang, S.preview, view.engine, account, pick)
    if ok:
        _report(outcome.checked, lang)
        if sub and sub.get("replaces") is not None:
            _carried(_attempt(lang, S.carried_rows, view.engine, account, pick)[1], lang)
        if outcome.result is not None:
            s = outcome.result.summary()
            cols = st.columns(4)
            for col, what in zip(cols, ("added", "updated", "unchanged", "rejected")):
                col.metric(t(what, lang), i18n.number(s[what], lang, 0))
            _to_approve(view, outcome)
        _sent_file(view, account, pick)
    if sub and str(sub["contributor"]).lower() == account.email.lower():   # four eyes (the engine refuses it too)
        st.info(t("review_own_note", lang), icon=":material/group:")
        return
    # One comment box per submission: words typed for one never go with another.
    st.text_area(t("submission_comment", lang), key=f"review_comment_{pick}")
    left, right = st.columns(2)
    # Each button carries the id of the submission shown with it: the click's rerun acts on that one (a
    # stale tab whose submission another tab dealt with is told so), never on whatever comes first now.
    left.button(t("review_approve", lang), type="primary", key="review_approve", on_click=_pin,
                args=("_review_ask", ("approve", pick)))
    right.button(t("review_return", lang), key="review_return", on_click=_pin,
                 args=("_review_ask", ("return", pick)))


def _act(view, account: A.Account, action: str, submission_id: int) -> None:
    """Approve or return the submission a button was drawn with; the outcome said above the queue."""
    lang = view.lang
    if action == "approve":
        ok, done = _attempt(lang, S.approve, view.engine, account, submission_id)
        if ok and done.ok:
            st.success(t("cli_imported", lang, batch=done.result.batch_id), icon=":material/check_circle:")
        elif ok:   # the store changed since the dry run: it waits, with today's report
            _report(done.checked, lang, key="approve_problems")
        return
    comment = st.session_state.get(f"review_comment_{submission_id}", "")
    if _attempt(lang, S.send_back, view.engine, account, submission_id, comment)[0]:
        st.success(t("cli_returned", lang, id=submission_id), icon=":material/check_circle:")


def _to_approve(view, outcome) -> None:
    """The rows approving writes, before the approve button: the changed ones, then the added ones (the
    first S.SHOWN_ROWS of each kind of data, and how many more)."""
    from indicators.schema import TABLES

    lang = view.lang
    for item in S.to_approve(view.engine, outcome):
        label = getattr(TABLES[item.table], f"label_{lang}")
        st.caption(t("review_rows_in", lang, table=label, n=i18n.number(item.total, lang, 0)))
        st.dataframe(S.readable_to_approve(item, view.framework, lang), hide_index=True, width="stretch",
                     key=f"review_rows_{item.table}")
        if item.total > len(item.rows):
            st.caption(t("review_rows_more", lang, shown=i18n.number(len(item.rows), lang, 0),
                         total=i18n.number(item.total, lang, 0)))


MIME = {"csv": "text/csv", "tsv": "text/tab-separated-values", "txt": "text/plain",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _sent_file(view, account: A.Account, submission_id: int) -> None:
    """The submitted file as its contributor sent it (the bytes the submission keeps), under its own name
    without any folder or character a file system refuses."""
    import re

    ok, sub = _attempt(view.lang, S.get, view.engine, account, submission_id)
    if not ok:
        return
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", str(sub["file_name"])).strip(" .")
    name = name or f"submission_{submission_id}"
    st.download_button(t("review_download", view.lang), data=bytes(sub["content"]), file_name=name,
                       mime=MIME.get(name.rsplit(".", 1)[-1].lower(), "application/octet-stream"),
                       help=t("review_download_help", view.lang), icon=":material/download:",
                       key="review_download")


def admin_view(view, account: A.Account) -> None:
    lang = view.lang
    with st.expander(t("accounts_title", lang)):
        rows = A.list_accounts(view.engine, account)
        st.dataframe(pd.DataFrame({
            t("account_email", lang): [r["email"] for r in rows],
            t("account_role", lang): [t(f"role_{r['role']}", lang) for r in rows],
            t("partner", lang): [widgets.partner_label(r["partner_id"], lang) for r in rows],
            t("account_sign_in_by", lang): [t("account_local" if r["local"] else "account_sso", lang) for r in rows],
        }), hide_index=True, width="stretch", key="accounts_table")
        with st.form("account_add"):
            email = st.text_input(t("account_email", lang), key="account_add_email")
            role = st.selectbox(t("account_role", lang), A.ROLES, format_func=lambda r: t(f"role_{r}", lang),
                                key="account_add_role")
            partners = list(view.framework["partners"]["partner_id"])
            partner = st.selectbox(t("partner", lang), [None] + partners, key="account_add_partner",
                                   format_func=lambda p: "–" if p is None else widgets.partner_label(p, lang))
            password = st.text_input(t("account_password", lang), type="password", key="account_add_password",
                                     help=t("account_password_help", lang, n=A.MIN_PASSWORD))
            change = st.checkbox(t("account_change", lang), key="account_add_change",
                                 help=t("account_change_help", lang))
            if st.form_submit_button(t("account_save", lang)):
                _save_account(view, account, email, role, partner, password or None, change)


def _save_account(view, account: A.Account, email: str, role: str, partner, password, change: bool) -> None:
    """An address that has an account is refused unless the box to change it is ticked (the engine's rule;
    the page says which box)."""
    lang = view.lang
    try:
        saved = A.add_account(view.engine, account, email, role, partner, password, change=change)
    except A.AccountExists as exc:
        st.error(f"{error_said(exc, lang)} {t('account_exists_page_hint', lang, change=t('account_change', lang))}",
                 icon=":material/block:")
        return
    except StoreError as exc:
        st.error(error_said(exc, lang), icon=":material/block:")
        return
    st.success(t("cli_account_saved", lang, email=literal(saved.email), role=t(f"role_{saved.role}", lang),
                 partner=f" ({literal(saved.partner_id)})" if saved.partner_id else ""))


def main() -> None:
    view = common.current()
    lang = view.lang
    st.title(t("page_review", lang), anchor="page-review")
    st.caption(t("review_intro", lang))
    account = signed_in(view)
    sign_in_box(view, account)
    asked = st.session_state.pop("_review_ask", None)   # a review button's click, acted on below
    lost = editors.rights_lost(lang)   # demoted or removed by an admin since the page was drawn
    if lost and asked and asked[0] in ("approve", "return") and not A.can(account, "review"):
        st.error(t(f"rights_lost_{asked[0]}", lang, why=lost, id=asked[1]), icon=":material/block:")
    elif lost:
        st.error(t("rights_lost_page", lang, why=lost), icon=":material/block:")
    if A.can(account, "review"):
        editor_view(view, account, asked)
    elif account.role == "contributor":
        contributor_view(view, account)
    if A.can(account, "manage_accounts"):
        admin_view(view, account)


if __name__ == "__main__":   # run as a file, by Streamlit's legacy pages/ folder mode
    common.run_through_shell()
