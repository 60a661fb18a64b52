"""Counts in sentences take the language's plural: "1 action", never "1 actions"."""
from __future__ import annotations

import pytest

from .test_pages_actions_explorer import open_page, store  # noqa: F401 (the demo store fixture)


@pytest.mark.parametrize("lang,one,many", [("fr", "1 action", "indicateurs"), ("nl", "1 actie", "indicatoren"),
                                           ("en", "1 action", "indicators")])
def test_one_action_is_said_in_the_singular(store, lang, one, many):
    at = open_page("pages/actions.py", {"lang": lang, "action": "A28"})
    summary = next(m.value for m in at.markdown if "**" in m.value and many in m.value)
    assert summary.startswith(f"**{one}** ") and "actions**" not in summary and "acties**" not in summary, summary
