"""The Data page says what its "attach to successor" option does, as the command line does (stop 29, #3):
ticked, the notice of an old territory code says the value is recorded under the successor."""
from __future__ import annotations

from .test_data_page import data_page, upload

OLD_CODE = b"indicator_id,territory_id,period,value\nCLI01,54007,2013,15.1\nCLI01,54007,2019,11.7\n"


def _notices(at) -> str:
    cells = []
    for table in (*at.table, *at.dataframe):
        frame = table.value
        cells.extend(str(v) for column in frame.columns for v in frame[column].tolist())
    return "\n".join(cells)


def test_the_attach_option_changes_the_notice_to_where_the_value_goes(demo_url):
    at = upload(data_page(lang="en"), ("succ.csv", OLD_CODE))
    shown = _notices(at)
    assert "Territory 54007 was replaced by 57096; the value is kept under 54007." in shown
    assert "recorded under 57096." not in shown
    at.toggle(key="attach_successor").set_value(True).run()
    assert not at.exception, at.exception
    shown = _notices(at)
    assert "Territory 54007 was replaced by 57096; the value is recorded under 57096." in shown
    assert "kept under 54007" not in shown and "Import with 'attach to successor'" not in shown
