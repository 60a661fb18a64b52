"""Who may edit: the signed-in editor (an organisation's OIDC login, or the local password) and the
sign-in form a viewer gets on the pages that change the store."""
from __future__ import annotations

import streamlit as st

from indicators.i18n import t
from pages.safe_markdown import said


def _secrets_section(name: str) -> dict:
    try:
        return dict(st.secrets.get(name, {}))
    except Exception:  # no secrets.toml at all: no editor configured
        return {}


def signed_in_account(engine=None):
    """The account signed in for this browser session, looked up in the store on every run (only the
    e-mail is kept in the session): single sign-on's e-mail, or the Contributions page's local sign-in;
    the viewer otherwise. `engine`: the store (this run's when not given)."""
    from indicators import accounts as A

    if _secrets_section("auth"):
        user = st.user
        email = user.get("email") if getattr(user, "is_logged_in", False) else None
    else:
        email = st.session_state.get("_account")
    if not email:
        st.session_state.pop("_account_seen", None)
        return A.VIEWER
    if engine is None:
        from pages import common

        engine = common.engine()
    found = A.find(engine, email)
    _note_rights(email, found)
    return found or A.VIEWER


def _note_rights(email: str, found) -> None:
    """Remember the role this session's account had on the run before; when an admin removed the account or
    took the editor's rights from it meanwhile, keep that for `rights_lost` to say (once)."""
    from indicators import accounts as A

    role = found.role if found else None
    seen = st.session_state.get("_account_seen")
    if seen and seen[0] == email and A.can(A.Account(email, seen[1]), "import") \
            and not (found and A.can(found, "import")):
        st.session_state["_rights_lost"] = (email, role)
    st.session_state["_account_seen"] = (email, role)


def rights_lost(lang: str) -> str | None:
    """Why this session's account no longer holds the editor's rights it had on the run before (its role
    now, or its removal), in words, once; None when nothing was lost."""
    lost = st.session_state.pop("_rights_lost", None)
    if not lost:
        return None
    email, role = lost
    if role is None:
        return said("rights_lost_removed", lang, email=email)
    return said("rights_lost_role", lang, email=email, role=t(f"role_{role}", lang))


def editor_name(engine=None) -> str | None:
    """The signed-in editor's name, or None for a viewer. One sign-in per person: an account holding the
    editor's rights (DESIGN.md "People and rights": an editor imports directly and rolls back), signed in
    on the Contributions page or by single sign-on, is an editor here too, besides `editors.emails` and
    the shared `[editors]` password."""
    from indicators import accounts as A
    from indicators.auth import is_allowed

    if _secrets_section("auth"):
        user = st.user
        if getattr(user, "is_logged_in", False) and is_allowed(user.get("email"),
                                                               _secrets_section("editors").get("emails")):
            return user.get("name") or user.get("email")
    elif st.session_state.get("_editor"):
        return st.session_state["_editor"]
    account = signed_in_account(engine)
    return account.label if A.can(account, "import") else None


def _local_editor_access() -> bool:
    """Whether the store has a local editor (or admin) account with a password (`account add … --role
    editor --password-stdin`): then editor access is set up, whatever secrets.toml holds."""
    from indicators.store.identity import editor_access
    from pages import common

    return editor_access(common.engine())


def editor_gate(lang: str) -> str | None:
    """The editor's name, or a sign-in form (and None) for a viewer."""
    from indicators.auth import verify_password

    name = editor_name()
    if name:
        left, right = st.columns([4, 1])
        left.caption(said("signed_in_as", lang, name=name))
        if right.button(t("sign_out", lang), key="sign_out"):
            if _secrets_section("auth"):
                st.logout()
            st.session_state.pop("_editor", None)
            st.session_state.pop("_account", None)   # one sign-in per person: signed out of Contributions too
            st.rerun()
        return name
    lost = rights_lost(lang)
    if lost:   # demoted or removed between two clicks: what was clicked was not done, said so
        st.error(t("rights_lost_page", lang, why=lost), icon=":material/block:")
    st.info(t("editor_only", lang), icon=":material/lock:")
    if _secrets_section("auth"):  # deployments: the organisation's OIDC login
        user = st.user
        if getattr(user, "is_logged_in", False):
            st.warning(said("not_an_editor", lang, email=user.get("email") or ""))
        else:
            st.button(t("sign_in_oidc", lang), on_click=st.login, key="oidc_login")
        return None
    # An editor's own account signs in on the Contributions page, and counts here from then on.
    st.caption(t("editor_account_hint", lang, page=t("page_review", lang)))
    stored = _secrets_section("editors").get("password_hash")
    if not stored:   # the set-up is the administrator's business: folded, not a warning to every visitor
        if not _local_editor_access():   # an editor's account signs in on the Contributions page (above)
            with st.expander(t("for_administrator", lang), icon=":material/key_off:"):
                st.markdown(t("no_password_set", lang, page=t("page_review", lang)))
        return None
    with st.form("editor_login"):
        who = st.text_input(t("editor_name", lang), key="editor_login_name")
        password = st.text_input(t("editor_password", lang), type="password", key="editor_login_password")
        if st.form_submit_button(t("sign_in", lang)):
            if verify_password(password, stored) and who.strip():
                st.session_state["_editor"] = who.strip()
                st.rerun()
            st.error(t("wrong_password", lang) if not verify_password(password, stored)
                     else t("editor_name", lang))
    return None
