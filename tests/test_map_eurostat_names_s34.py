"""With the Eurostat method, a series without a target has Eurostat's own status names (DESIGN.md "Progress
method") on the Map too: its legend and tooltips said Open SDG's ("On track") beside a side card and an
Explorer saying "Significant progress" (finding J34 F12). ECO01 of the demo has no target (AppTest)."""
from __future__ import annotations

import pytest

from indicators import map_classes
from indicators.i18n import EUROSTAT_TEXTS, STATUS_TEXTS, status_label

from .conftest import open_page
from .test_break_said_n34 import tooltips


def test_the_legend_names_each_status_as_its_series_are_judged():
    rows = map_classes.status_legend(["on_track", "on_track", "deterioration"], "fr", "eurostat",
                                     has_target=[False, False, True])
    labels = [r["label"] for r in rows if r["count"]]
    assert EUROSTAT_TEXTS["on_track"]["fr"] in labels[0] and STATUS_TEXTS["on_track"]["fr"] not in labels[0]
    assert STATUS_TEXTS["deterioration"]["fr"] in labels[1]
    both = map_classes.status_legend(["on_track", "on_track"], "en", "eurostat", has_target=[True, False])
    assert both[0]["label"].endswith(f"{STATUS_TEXTS['on_track']['en']} / {EUROSTAT_TEXTS['on_track']['en']}")
    assert map_classes.status_legend(["on_track"], "en", "opensdg", has_target=[False])[0]["label"].endswith(
        STATUS_TEXTS["on_track"]["en"])


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_map_of_an_indicator_without_target_speaks_eurostat(demo_url, lang):
    at = open_page("pages/map.py", {"lang": lang, "indicator": "ECO01", "method": "eurostat"}, locale=f"{lang}-BE")
    at.session_state["map_colour"] = "status"
    at.run()
    assert not at.exception and not at.error
    lines = [line for line in tooltips(at).values() if line]
    assessed = [s for s in ("on_track", "acceleration_needed", "limited_progress", "deterioration")
                if any(status_label(s, lang, "eurostat", False) in line for line in lines)]
    assert assessed, lines
    assert not any(STATUS_TEXTS[s][lang] in line for s in assessed for line in lines
                   if STATUS_TEXTS[s][lang] != EUROSTAT_TEXTS[s][lang])
    legend = " ".join(str(m.value) for m in at.markdown)
    assert all(status_label(s, lang, "eurostat", False) in legend for s in assessed), legend[:500]
