"""A score reads the same in the actions table as in the action's detail and the Overview: "5,0", never
"5" in one place and "5,0 / 5" in the other (the table dropped the decimal when every score was whole)."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest

from .conftest import ROOT, switch_page


def test_a_whole_score_keeps_its_decimal_in_the_actions_table(demo_url):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in {"lang": "fr", "action": "A01"}.items():
        at.query_params[key] = value
    at.run()
    switch_page(at, "pages/actions.py").run()
    assert not at.exception, at.exception
    table = next(d.value for d in at.dataframe if "score" in getattr(d.value, "columns", []))
    cells = [str(c) for c in table["score"].dropna()]
    assert cells and all(c.split(" ")[-1] == "5,0" for c in cells), cells
    assert any("5,0" in m.value and "/ 5" in m.value for m in at.markdown)
