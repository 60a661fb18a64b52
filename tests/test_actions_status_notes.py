"""The Actions page's tables say what qualifies a status in the status itself: the note column lies past
the page's edge, and a planner read "Population: limited progress" as a verdict on the action."""
from __future__ import annotations

import pytest

from indicators import wording
from indicators.i18n import t

from .test_pages_actions_explorer import open_page


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_context_indicators_and_unassessed_actions_say_why_in_their_status(demo_url, lang):
    at = open_page("pages/actions.py", {"lang": lang, "level": "metropolis", "theme": "mobility"})
    actions, indicators = at.dataframe[0].value, at.dataframe[1].value
    status = {row["indicator"].split(" · ")[0]: row["status_text"][0] for _, row in indicators.iterrows()}
    context = t("context_status", lang)
    assert status["QOL05"].endswith(f" · {context}") and status["MOB02"].endswith(f" · {context}")
    assert not status["MOB03"].endswith(f" · {context}")                       # a result indicator
    assert status["MOB09"] == wording.status_text("not_assessed", lang)     # its reason: in the note column
    a28 = next(row["status_text"][0] for _, row in actions.iterrows() if row["action"].startswith("A28 "))
    assert a28 == f'{wording.status_text("not_assessed", lang)} · {context}'   # only context indicators
    # a context status is grey, as a status that judges nothing
    import json

    from indicators.style import STATUS_PILL_COLORS

    colours = {o["value"]: o["color"] for o in
               json.loads(at.dataframe[1].proto.columns)["status_text"]["type_config"]["options"]}
    assert colours[status["QOL05"]] == STATUS_PILL_COLORS["not_assessed"]
    assert colours[status["MOB03"]] != STATUS_PILL_COLORS["not_assessed"]
