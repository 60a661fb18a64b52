"""The timeline of an action's progress updates (shown in the action's detail; not a page itself)."""
from __future__ import annotations

import streamlit as st

from indicators import i18n
from indicators import updates as U
from indicators.i18n import t
from pages import common, safe_markdown, widgets

IMPL_COLOURS = {"planned": "gray", "ongoing": "blue", "done": "green", "delayed": "orange", "cancelled": "red"}


@st.cache_resource(show_spinner=False, max_entries=64)   # shared, read-only: read on every run of the page
def _updates_of(version: tuple, action_id: str) -> list[dict]:
    """An action's updates, newest first, as records (a filter, a sort and records: 2 ms a run)."""
    updates = common.framework(version).get("action_updates")
    return [] if updates is None else U.timeline(updates, action_id).to_dict("records")


def timeline(view, action_id: str) -> None:
    lang = view.lang
    rows = _updates_of(view.version, action_id)
    st.markdown(f"**{t('updates_title', lang)}**")
    if not rows:
        st.caption(t("updates_none", lang))
        return
    for r in rows:
        state = r["implementation"]
        badge = f":{IMPL_COLOURS.get(state, 'gray')}-badge[{t(f'impl_{state}', lang)}]"
        who = widgets.partner_label(r.get("partner_id") or r.get("author"), lang)
        written = i18n.written_in(r.get("lang"), lang)   # as the report says it: "in het Frans geschreven"
        written = f" · {written}" if written else ""
        lines = [f"{badge} **{r['period']}** · {safe_markdown.md_cell(who)}{written}", "",
                 safe_markdown.plain_markdown(str(r["text"]))]
        for field, key in (("next_steps", "updates_next"), ("risks", "updates_risks")):
            if isinstance(r.get(field), str) and r[field].strip():
                lines.append(f"\n*{t(key, lang)}*{i18n.colon(lang)} {safe_markdown.plain_markdown(r[field])}")
        st.markdown("\n".join(lines))
