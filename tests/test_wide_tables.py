"""A table wider than the page says which columns go on past its edge (Streamlit shows a table's scroll
bar only under the pointer). The Strategic actions page's first table, every action, was wider than a
1280-px window with no cue, while the indicators table under it named its hidden columns."""
from __future__ import annotations

import json

import pytest

from indicators.i18n import t

from .test_pages_actions_explorer import open_page


def flat(node):
    """The page's elements in the order they are drawn."""
    children = getattr(node, "children", None)
    if children is None:
        yield node
        return
    for key in sorted(children):
        yield from flat(children[key])


def headers(table) -> list[str]:
    """The table's column headers, in order (the column config's labels)."""
    config = json.loads(table.proto.columns)
    return [c["label"] for c in config.values() if c.get("label")]


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_each_table_of_the_actions_page_names_its_columns_past_the_edge(demo_url, lang):
    from pages import actions, widgets

    at = open_page("pages/actions.py", {"lang": lang})
    drawn = list(flat(at.main))
    tables = [i for i, el in enumerate(drawn) if el.type == "dataframe"][:2]
    assert len(tables) == 2
    # Every action: in view at 1280 px, the action, status, score and progress; the rest is named.
    under = drawn[tables[0] + 1]
    assert under.type == "caption", (lang, under.type)
    for key in ("lead", "action_status", "calendar", "indicators", "note"):
        assert t(key, lang).lower() in under.value, (key, under.value)
    assert t("mean_progress", lang).lower() in under.value   # hidden at 1024 px: named (stop 32)
    for i, past in zip(tables, (actions.ACTION_COLUMNS_PAST_EDGE, actions.INDICATOR_COLUMNS_PAST_EDGE)):
        under = drawn[i + 1]
        # one sentence for both tables (widgets.more_columns_note), naming headers the table has
        assert under.value == widgets.more_columns_note(past, lang)
        shown = [h.lower() for h in headers(drawn[i])]
        assert all(t(key, lang).lower() in shown for key in past), (past, shown)
        assert shown[0] not in under.value   # the pinned first column is always in view
