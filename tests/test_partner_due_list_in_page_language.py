"""The Partners page's list to send to a partner speaks the page's language: column titles, the
periodicity and the state in words, and the file's name; as CSV and XLSX, both through downloads.py's
spreadsheet guard (a name starting like a formula stays text)."""
from __future__ import annotations

import io

import pandas as pd
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from indicators import partners as P
from indicators.i18n import t

from .conftest import ROOT, switch_page

APP = str(ROOT / "app.py")


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


def partners_page(lang: str, partner: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.context = {"locale": f"{lang}-BE"}
    at.query_params["lang"] = lang
    at.run()
    switch_page(at, "pages/partners.py").run()
    at.selectbox(key="partner_pick").set_value(partner).run()
    assert not at.exception, at.exception
    return at


def _csv(raw: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(raw), sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)


@pytest.mark.parametrize("lang, file, titles, words", [
    ("nl", "aan_te_leveren_ATMO_HDF", ["Partner", "Indicator", "Periodiciteit", "Laatste periode",
                                       "Achterstand (periodes)", "Toestand"], {"jaarlijks"}),
    ("fr", "a_envoyer_ATMO_HDF", ["Partenaire", "Indicateur", "Périodicité", "Dernière période",
                                  "Retard (périodes)", "État"], {"annuelle"}),
])
def test_the_list_to_send_is_in_the_pages_language(demo_url, downloads, lang, file, titles, words):
    partners_page(lang, "ATMO_HDF")
    sent = _csv(downloads[f"{file}.csv"])
    assert all(title in sent.columns for title in titles), list(sent.columns)
    for code_word in ("partner_id", "indicator_id", "periodicity", "state", "periods_behind"):
        assert code_word not in sent.columns
    values = set(sent.to_numpy().ravel())
    assert words <= values and not {"annual", "overdue", "due", "no_data", "no_update"} & values
    states = {t(f"fresh_{s}", lang) for s in ("overdue", "due", "no_data")} | {t("partner_no_update_state", lang)}
    assert set(sent[t("partner_state", lang)]) <= states and len(sent)
    partners = pd.read_csv(ROOT / "data" / "demo" / "partners.csv", dtype=str)
    assert set(sent[t("partner", lang)]) == {P.names(partners, lang)["ATMO_HDF"]}   # its name, not its code
    book = pd.read_excel(io.BytesIO(downloads[f"{file}.xlsx"]), dtype=str).fillna("")
    assert list(book.columns) == list(sent.columns) and set(book.to_numpy().ravel()) >= words


def test_the_list_keeps_a_formula_like_name_as_text():
    due = pd.DataFrame([{"partner_id": "X", "indicator_id": "I1", "action_id": "A1", "name": "=HYPERLINK(\"x\")",
                         "periodicity": "quarterly", "latest_period": "2024-Q1", "periods_behind": 3,
                         "state": "overdue"},
                        {"partner_id": "X", "indicator_id": None, "action_id": "A2", "name": "Suivi",
                         "periodicity": "semester", "latest_period": None, "periods_behind": None,
                         "state": "no_update"}])
    from indicators import downloads as D

    sent = _csv(D.to_excel_csv(P.due_download(due, "en", {"X": "Partner X"})))
    assert sent["Name"].tolist() == ["'=HYPERLINK(\"x\")", "Suivi"]
    assert sent["Periodicity"].tolist() == ["quarterly", "half-yearly"]
    assert sent["State"].tolist() == ["overdue", t("partner_no_update_state", "en")]
    assert sent["Behind (periods)"].tolist() == ["3", ""] and sent["Partner"].tolist() == ["Partner X"] * 2
    assert P.due_file_name("A/B..", "fr", "csv") == "a_envoyer_A_B_.csv"
