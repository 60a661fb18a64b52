"""The Partners page's list of what is due, as the tests read it: the files its download buttons hand the
browser, the page opened on a partner, and a due CSV read back as the import reads it (shared by
test_partners_due_round_trip.py and test_submit_flows.py)."""
from __future__ import annotations

import io

import pandas as pd
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from .conftest import ROOT, switch_page


@pytest.fixture
def downloads(monkeypatch):
    """Every file a download button hands the browser: {file name: bytes}."""
    seen = {}
    keep = MemoryMediaFileStorage.load_and_get_id

    def recording(self, path_or_data, mimetype, kind, filename=None):
        seen[filename] = path_or_data
        return keep(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", recording)
    return seen


def partners_page(lang: str, partner: str):
    """An AppTest of the Partners page in `lang`, `partner` chosen (its download buttons drawn)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.context = {"locale": f"{lang}-BE"}
    at.query_params["lang"] = lang
    at.run()
    switch_page(at, "pages/partners.py").run()
    at.selectbox(key="partner_pick").set_value(partner).run()
    assert not at.exception, at.exception
    return at


def read_due_csv(raw: bytes) -> pd.DataFrame:
    """A downloaded due CSV (French Excel's: `;`, UTF-8 with its BOM), every cell as written."""
    return pd.read_csv(io.BytesIO(raw), sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
