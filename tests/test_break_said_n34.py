"""A status judged from a break in series says so wherever it is shown (DESIGN.md "Break in series";
finding J34 F2): the Map's tooltip (coloured by status or by value) and a note under the map coloured by
status, in the page's language, with the words the side card and the other pages use (`break_since`);
the Actions page's "Status by territory" gives the break beside the status, where the table opens (at its
right end it was past the table's edge). MOB01's census break of 2021 in the demo (AppTest, real store)."""
from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from indicators.i18n import t
from indicators.progress import assess_all

from .conftest import open_page

NBSP = "\u00a0"


def broken_statuses(demo_tables) -> dict[str, str]:
    """territory_id -> the break period MOB01's status is judged from, as the engine gives it."""
    fw, obs = demo_tables["framework"], demo_tables["observations"]
    rows = assess_all(obs[obs["indicator_id"] == "MOB01"], fw["indicators"][fw["indicators"]["indicator_id"] == "MOB01"],
                      fw["targets"][fw["targets"]["indicator_id"] == "MOB01"])
    return {str(r["territory_id"]): r["break_period"] for r in rows.to_dict("records")
            if isinstance(r["break_period"], str)}


def tooltips(at: AppTest) -> dict[str, str]:
    """territory_id -> the status line its tooltip shows, for every territory the map draws."""
    (chart,) = at.get("deck_gl_json_chart")
    spec = json.loads(chart.proto.json)
    out = {}
    for layer in spec["layers"]:
        if layer.get("id") == "territories":
            out.update({f["properties"]["territory_id"]: f["properties"]["status_label"]
                        for f in layer["data"]["features"]})
        elif layer.get("id") in ("points", "columns"):
            out.update({r["territory_id"]: r["status_label"] for r in layer["data"]})
    assert "{status_label}" in json.loads(chart.proto.tooltip)["html"]
    return out


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_map_tooltip_and_a_note_say_a_status_judged_from_a_break(demo_url, demo_tables, lang):
    broken = broken_statuses(demo_tables)
    assert "200093201" in broken and len(set(broken.values())) == 1   # the Lille Metropolis, the 2021 census
    (period,) = set(broken.values())
    said = t("break_since", lang, period=period)
    at = open_page("pages/map.py", {"lang": lang, "indicator": "MOB01", "territory": "FRE"}, locale=f"{lang}-BE")
    at.session_state["map_colour"] = "status"
    at.run()
    assert not at.exception and not at.error
    lines = tooltips(at)
    drawn_broken = [c for c in lines if c in broken]
    assert drawn_broken, lines
    for code, line in lines.items():
        assert (said in line) == (code in broken), (code, line)
    note = t("map_status_breaks", lang, n=len(drawn_broken), names="", periods=period).split(":")[0]
    assert any(note in c.value for c in at.caption), [c.value for c in at.caption]
    at.session_state["map_colour"] = "value"   # coloured by value, the tooltip's status line says it too
    at.run()
    assert all(said in tooltips(at)[c] for c in drawn_broken)
    assert not any(note in c.value for c in at.caption)   # the note goes with the colours by status


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_actions_statuses_by_territory_give_the_break_beside_the_status(demo_url, demo_tables, lang):
    broken = broken_statuses(demo_tables)
    action = demo_tables["framework"]["indicators"].set_index("indicator_id").loc["MOB01", "action_id"]
    at = open_page("pages/actions.py", {"lang": lang, "action": action}, locale=f"{lang}-BE")
    at.session_state["statuses-MOB01"] = True
    at.run()
    assert not at.exception and not at.error
    table = next(d.value for d in at.dataframe if "country" in getattr(d.value, "columns", []))
    columns = list(table.columns)
    assert columns.index("note") == columns.index("status_text") + 1, columns   # beside the status
    (period,) = set(broken.values())
    said = table[table["note"] == t("break_since", lang, period=period)]
    assert len(said) == len([c for c in broken]) and len(said) < len(table), table
