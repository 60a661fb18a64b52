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
from pages import common, editors, safe_markdown, widgets


def signed_in(view) -> A.Account:
    """The acting account: single sign-on's e-mail or the local sign-in's, looked up in the store (the
    Data and Map pages ask the same function: one sign-in per person)."""
    return editors.signed_in_account(view.engine)


def sign_in_box(view, account: A.Account) -> None:
    lang = view.lang
    if account.role != "viewer":
        left, right = st.columns([4, 1])
        # A name and a partner's name are stored text: shown as written, never as a link or an image.
        partner = (f" · {safe_markdown.plain_markdown(widgets.partner_label(account.partner_id, lang))}"
                   if account.partner_id else "")
        left.caption(t("account_signed_in", lang, who=safe_markdown.plain_markdown(account.label),
                       role=t(f"role_{account.role}", lang)) + partner)
        if right.button(t("sign_out", lang), key="account_sign_out"):
            if editors._secrets_section("auth"):
                st.logout()
            st.session_state.pop("_account", None)
            st.session_state.pop("_editor", None)   # one sign-in per person: signed out of the Data page too
            st.rerun()
        return
    st.caption(t("review_sign_in_hint", lang))
    if editors._secrets_section("auth"):
        st.button(t("sign_in_oidc", lang), on_click=st.login, key="account_oidc")
        return
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


def _report(checked, lang: str) -> None:
    from pages.data import show_detected, show_problems

    show_detected(checked.files, lang)
    problems = errors(checked.problems)
    if problems:
        st.error(t("problems_found", lang, n=i18n.count(count(problems), "problem_one", "problem_other", lang)), icon=":material/error:")
        show_problems(problems, lang, key="submission_problems")


def _attempt(lang: str, action, *args) -> tuple[bool, object]:
    """Run an engine action: (done, its result); a refusal or a store problem is said in the user's
    language (a file over the size limit too)."""
    from indicators.limits import LimitExceeded

    try:
        return True, action(*args)
    except StoreError as exc:
        st.error(exc.text(lang), icon=":material/block:")
    except LimitExceeded as exc:
        st.error(t("submission_too_large", lang, limit=i18n.number(exc.limit / 1e6, lang, 0)), icon=":material/block:")
    return False, None


def _status(status: str, lang: str) -> str:
    return t(f"submission_{status}", lang)


def contributor_view(view, account: A.Account) -> None:
    lang = view.lang
    st.subheader(t("submit_title", lang), anchor=False)
    partner = safe_markdown.plain_markdown(widgets.partner_label(account.partner_id, lang))
    st.caption(t("submit_help", lang, partner=partner))
    mine = S.listing(view.engine, account)
    returned = [s for s in mine if s["status"] == S.RETURNED]
    for r in returned:   # what to correct, where the contributor looks first
        # The reviewer's words, the file's name and the reviewer's address are stored text: shown as
        # written, no link, image or HTML of theirs renders (a contributor trusts this box).
        st.warning(t("submission_returned_note", lang, id=r["submission_id"],
                     file=safe_markdown.plain_markdown(r["file_name"]),
                     reviewer=safe_markdown.plain_markdown(r["reviewer"] or "–"),
                     comment=safe_markdown.plain_markdown(r["comment"] or "")), icon=":material/undo:")
    replaces = None
    if returned:
        replaces = st.selectbox(t("submit_replaces", lang), [None] + [s["submission_id"] for s in returned],
                                format_func=lambda i: "–" if i is None else f"#{i}", key="submit_replaces")
    by_file, by_form = st.tabs([t("submit_tab_file", lang), t("submit_tab_form", lang)])
    with by_form:
        if typed_form(view, account, replaces):
            mine = S.listing(view.engine, account)
    with by_file:
        # Streamlit's own "Limit … per file" then states the submissions' limit (20 MB), not the server's 200 MB.
        mine = _upload(view, account, replaces, mine)
    _listing(mine, lang, "my_submissions")


def _upload(view, account: A.Account, replaces, mine: list[dict]) -> list[dict]:
    from indicators import limits

    lang = view.lang
    upload = widgets.file_uploader(t("upload_label", lang), lang, types=["csv", "tsv", "txt", "xlsx"], key="submit_upload",
                                  limit_bytes=limits.get("MAX_SUBMISSION_BYTES"))
    if upload is not None and st.button(t("submit_send", lang), type="primary", key="submit_send"):
        ok, sent = _attempt(lang, S.submit, view.engine, account, upload.name, upload.getvalue(), replaces)
        if ok:
            _report(sent.checked, lang)
            if sent.submission_id is None:   # nothing was kept; no "import without the rows in error" here
                st.info(t("submit_fix_then_retry", lang), icon=":material/build:")
            else:
                st.success(t("cli_submitted", lang, id=sent.submission_id), icon=":material/outbox:")
                mine = S.listing(view.engine, account)
    return mine


EXAMPLE = {"fr": "1 234,5", "nl": "1.234,5", "en": "1,234.5"}
FORM_FLAGS = ("", "p", "e", "b", "c", "u")


def typed_form(view, account: A.Account, replaces) -> bool:
    """The latest values of the partner's own indicators, typed; sent as a file would be. True when
    a submission was kept."""
    from indicators import typed_values as TV
    from indicators.units import unit_of

    lang = view.lang
    partner = safe_markdown.plain_markdown(widgets.partner_label(account.partner_id, lang))
    indicators = TV.owned(view.framework.get("indicators"), account.partner_id)
    if indicators.empty:
        st.info(t("typed_none_owned", lang, partner=partner), icon=":material/info:")
        return False
    st.caption(t("typed_help", lang, partner=partner, example=EXAMPLE[lang]))
    flash = st.session_state.pop("_typed_sent", None)
    if flash:   # sent on the run before: what was sent, and the boxes emptied so it is not sent twice
        frame, submission_id = flash
        for i in indicators["indicator_id"]:   # set before the boxes are drawn: the browser's values give way
            for key in ("typed_value_", "typed_flag_", "typed_note_"):
                st.session_state[f"{key}{i}"] = ""
        _sent_table(frame, lang)
        st.success(t("cli_submitted", lang, id=submission_id), icon=":material/outbox:")
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
    with st.form("typed_form"):
        for col, key in zip(st.columns(widths), ("indicator", "typed_value", "typed_flag", "typed_note")):
            col.markdown(f"**{t(key, lang)}**")
        for row in indicators.to_dict("records"):
            i = row["indicator_id"]
            unit = unit_of(row, lang)
            known = last.get(i)
            latest = t("typed_latest", lang, period=known[0],
                       value=i18n.number(known[1], lang, row.get("decimals") and int(row["decimals"]))) \
                if known else t("typed_no_latest", lang)
            name, value, flag, note = st.columns(widths, vertical_alignment="center")
            name.markdown(f"**{i}** · {safe_markdown.plain_markdown(i18n.name(row, 'name', lang))}"
                          + (f" ({safe_markdown.plain_markdown(unit)})" if unit else "") + f"  \n:gray[{latest}]")
            typed[i] = value.text_input(f"{t('typed_value', lang)} {i}", key=f"typed_value_{i}",
                                        placeholder=EXAMPLE[lang], label_visibility="collapsed")
            flags[i] = flag.selectbox(f"{t('typed_flag', lang)} {i}", FORM_FLAGS, key=f"typed_flag_{i}",
                                      format_func=lambda f: f"{f} · {t('flag_' + f, lang)}" if f
                                      else t("typed_flag_none", lang), label_visibility="collapsed")
            notes[i] = note.text_input(f"{t('typed_note', lang)} {i}", key=f"typed_note_{i}",
                                       label_visibility="collapsed")
        sent_now = st.form_submit_button(t("typed_send", lang), type="primary")
    if not sent_now:
        return False
    ok, result = _attempt(lang, TV.submit, view.engine, account, typed, territory, period, lang, flags, notes,
                          replaces)
    if not ok:
        return False
    found, sent = result
    if sent is None:
        st.error(t("typed_problems", lang), icon=":material/error:")
        st.markdown("\n".join(f"- {safe_markdown.plain_markdown(t(key, lang, indicator=i, text=text, example=EXAMPLE[lang]))}"
                               for i, text, key in found.problems))
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
    st.session_state["_typed_sent"] = (found.frame, sent.submission_id)
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


def _listing(rows: list[dict], lang: str, key: str) -> None:
    if not rows:
        st.caption(t("submissions_none", lang))
        return
    st.dataframe(pd.DataFrame({
        "#": [r["submission_id"] for r in rows],
        t("submission_state", lang): [_status(r["status"], lang) for r in rows],
        t("file", lang): [r["file_name"] for r in rows],
        t("partner", lang): [widgets.partner_label(r["partner_id"], lang) for r in rows],
        t("submission_by", lang): [r["contributor"] for r in rows],
        t("submission_comment", lang): [r["comment"] or "" for r in rows],
        t("submission_reviewer", lang): [r["reviewer"] or "" for r in rows],
        t("batch", lang): [r["batch_id"] or "" for r in rows],
    }), hide_index=True, width="stretch", key=key)


def editor_view(view, account: A.Account) -> None:
    lang = view.lang
    st.subheader(t("review_title", lang), anchor=False)
    everything = S.listing(view.engine, account)
    pending = [s for s in everything if s["status"] == S.PENDING]
    if not pending:
        st.success(t("review_none", lang), icon=":material/done_all:")
    else:
        pick = st.selectbox(t("review_pick", lang), [s["submission_id"] for s in pending], key="review_pick",
                            format_func=lambda i: next(f"#{i} · {s['file_name']} · {s['contributor']}"
                                                       for s in pending if s["submission_id"] == i))
        ok, outcome = _attempt(lang, S.preview, view.engine, account, pick)
        if ok:
            _report(outcome.checked, lang)
            if outcome.result is not None:
                s = outcome.result.summary()
                cols = st.columns(4)
                for col, what in zip(cols, ("added", "updated", "unchanged", "rejected")):
                    col.metric(t(what, lang), i18n.number(s[what], lang, 0))
                _to_approve(view, outcome)
            _sent_file(view, account, pick)
        comment = st.text_area(t("submission_comment", lang), key="review_comment")
        left, right = st.columns(2)
        if left.button(t("review_approve", lang), type="primary", key="review_approve"):
            ok, done = _attempt(lang, S.approve, view.engine, account, pick)
            if ok and done.ok:
                st.session_state["_review_done"] = t("cli_imported", lang, batch=done.result.batch_id)
                st.rerun()
        if right.button(t("review_return", lang), key="review_return"):
            if _attempt(lang, S.send_back, view.engine, account, pick, comment)[0]:
                st.session_state["_review_done"] = t("cli_returned", lang, id=pick)
                st.rerun()
    with st.expander(t("review_all", lang)):
        _listing(everything, lang, "all_submissions")


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
            password = st.text_input(t("account_password", lang), type="password", key="account_add_password")
            if st.form_submit_button(t("account_save", lang)):
                ok, saved = _attempt(lang, A.add_account, view.engine, account, email, role, partner,
                                     password or None)
                if ok:
                    st.success(t("cli_account_saved", lang, email=safe_markdown.plain_markdown(saved.email),
                                 role=t(f"role_{saved.role}", lang),
                                 partner=f" ({saved.partner_id})" if saved.partner_id else ""))


def main() -> None:
    view = common.current()
    lang = view.lang
    st.title(t("page_review", lang))
    st.caption(t("review_intro", lang))
    account = signed_in(view)
    sign_in_box(view, account)
    done = st.session_state.pop("_review_done", None)
    if done:
        st.success(done, icon=":material/check_circle:")
    if A.can(account, "review"):
        editor_view(view, account)
    elif account.role == "contributor":
        contributor_view(view, account)
    if A.can(account, "manage_accounts"):
        admin_view(view, account)


if __name__ == "__main__":   # run as a file, by Streamlit's legacy pages/ folder mode
    common.run_through_shell()
