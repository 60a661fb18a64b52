"""A rolled-back import brought nothing: the Overview's "Latest data received" and the day under "Latest
period" leave it out, and so does the report's "latest data" date (they listed it with its counts while
Data → History said "rolled back" for the same batch)."""
from __future__ import annotations

import pandas as pd

from indicators import filters as F
from indicators import overview as O
from indicators.i18n import t
from indicators.importing import import_files
from indicators.report import content as R
from indicators.store import list_batches, open_store, rollback
from indicators.store.tables import batches as batches_table

from .helpers import markdown_table
from .test_pages_actions_explorer import open_page, store  # noqa: F401  (the fixture)

FILE = "wvl_rolled_back.csv"


def _import_then_roll_back(url: str) -> tuple[dict, dict]:
    """(the demo's batch, the rolled-back batch), the latter dated a day later so that the dates differ."""
    engine = open_store(url)
    text = "indicator_id;territory_id;period;value\r\nECO09;BE25;2031;71,5\r\nECO08;BE25;2031;163\r\n"
    outcome = import_files(engine, [(FILE, text.encode())], user="jan@west-vlaanderen.be")
    assert outcome.ok and outcome.result.summary()["added"] == 2
    batch_id = outcome.result.batch_id
    with engine.begin() as conn:
        conn.execute(batches_table.update().where(batches_table.c.batch_id == batch_id)
                     .values(created_at="2031-03-04T10:00:00+00:00"))
    rollback(engine, batch_id, user="editeur@mel.fr")
    rows = list_batches(engine).to_dict("records")
    engine.dispose()
    gone = next(b for b in rows if b["batch_id"] == batch_id)
    kept = next(b for b in rows if b["batch_id"] != batch_id)
    assert isinstance(gone["rolled_back_at"], str) and not isinstance(kept["rolled_back_at"], str)
    return kept, gone


def test_the_overview_does_not_list_a_rolled_back_import(store):
    kept, gone = _import_then_roll_back(store)
    at = open_page("pages/overview.py", {"lang": "fr"})
    received = markdown_table(at, t("files", "fr"))
    files = " ".join(received[t("files", "fr")])
    assert FILE not in files, files                      # the rolled-back import is not "received"
    assert kept["files"].split(",")[0].strip() in files   # the demo's import still is
    assert len(received) == 1
    # the day under "Latest period" is the day of the import in force, not of the rolled-back one
    latest = next(m for m in at.metric if m.label == t("kpi_latest_period", "fr"))
    assert "2031" not in str(latest.delta), latest.delta


def test_the_reports_latest_data_date_leaves_a_rolled_back_import_out(store):
    kept, gone = _import_then_roll_back(store)
    engine = open_store(store)
    report = R.from_store(engine, F.Filters(lang="en"))
    engine.dispose()
    assert report.data_as_of == kept["created_at"] != gone["created_at"]


def test_in_force_keeps_the_batches_not_rolled_back_newest_first():
    frame = pd.DataFrame({"batch_id": [5, 4, 3, 2], "created_at": ["d", "c", "b", "a"],
                          "status": ["active", "rolled_back", "active", "active"],
                          "rolled_back_at": [None, "2026-12-07T04:55:15+00:00", None, None]})
    assert O.in_force(frame)["batch_id"].tolist() == [5, 3, 2]
    assert O.in_force(frame, limit=2)["batch_id"].tolist() == [5, 3]
    assert O.in_force(frame.iloc[1:2]).empty
