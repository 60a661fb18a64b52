"""Who may edit: the signed-in editor (an organisation's OIDC login, or the local password) and the
sign-in form a viewer gets on the pages that change the store."""
from __future__ import annotations

import streamlit as st

from indicators.i18n import t


def _secrets_section(name: str) -> dict:
    try:
        return dict(st.secrets.get(name, {}))
    except Exception:  # no secrets.toml at all: no editor configured
        return {}


def editor_name() -> str | None:
    """The signed-in editor's name, or None for a viewer."""
    from indicators.auth import is_allowed

    if _secrets_section("auth"):
        user = st.user
        if getattr(user, "is_logged_in", False) and is_allowed(user.get("email"),
                                                               _secrets_section("editors").get("emails")):
            return user.get("name") or user.get("email")
        return None
    return st.session_state.get("_editor")


def editor_gate(lang: str) -> str | None:
    """The editor's name, or a sign-in form (and None) for a viewer."""
    from indicators.auth import verify_password

    name = editor_name()
    if name:
        left, right = st.columns([4, 1])
        left.caption(t("signed_in_as", lang, name=name))
        if right.button(t("sign_out", lang), key="sign_out"):
            if _secrets_section("auth"):
                st.logout()
            st.session_state.pop("_editor", None)
            st.rerun()
        return name
    st.info(t("editor_only", lang), icon=":material/lock:")
    if _secrets_section("auth"):  # deployments: the organisation's OIDC login
        user = st.user
        if getattr(user, "is_logged_in", False):
            st.warning(t("not_an_editor", lang, email=user.get("email")))
        else:
            st.button(t("sign_in_oidc", lang), on_click=st.login, key="oidc_login")
        return None
    stored = _secrets_section("editors").get("password_hash")
    if not stored:   # the set-up is the administrator's business: folded, not a warning to every visitor
        with st.expander(t("for_administrator", lang), icon=":material/key_off:"):
            st.markdown(t("no_password_set", lang))
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
