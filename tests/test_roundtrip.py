"""Every download the product offers comes back in: uploaded unchanged it brings nothing new, uploaded
with one edited value it brings exactly that update (DESIGN.md, file formats)."""
from __future__ import annotations

import io
import shutil

import pandas as pd
import pytest

from indicators import charts, downloads, i18n
from indicators.exporting import export_frames, to_csv_bytes, to_xlsx_bytes
from indicators.importing import import_files
from indicators.queries import load_framework, load_observations
from indicators.store import open_store, read_table

LANGS = ("fr", "nl", "en")


@pytest.fixture()
def demo(demo_store_file, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_store_file, path)
    return open_store(f"sqlite:///{path}")


def explorer_download(engine, code: str, lang: str) -> pd.DataFrame:
    """What the Explorer's download buttons hand out for one indicator (pages/explorer.py)."""
    fw = load_framework(engine)
    obs = load_observations(engine)
    obs = obs[obs["indicator_id"] == code]
    ind = fw["indicators"][fw["indicators"]["indicator_id"] == code].iloc[0].to_dict()
    labels = charts.territory_labels(fw["territories"], lang)
    names = {"indicator": {code: i18n.name(ind, "name", lang)},
             "territory": {c: v[0] for c, v in labels.items()}, "country": {c: v[1] for c, v in labels.items()}}
    return downloads.observations_download(obs, names, lang)


def counts(outcome) -> dict:
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems if p.severity == "error"]
    return outcome.result.summary()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_explorer_download_comes_back_in(demo, lang, form):
    frame = explorer_download(demo, "MOB04", lang)
    assert list(frame.columns[:4]) == ["indicator_id", "territory_id", "period", "value"]
    raw = downloads.to_excel_csv(frame, reversible=True) if form == "csv" else downloads.to_xlsx(frame, "observations")
    name = f"MOB04_{lang}.{form}"
    same = import_files(demo, [(name, raw)], user="test", dry_run=True)
    got = counts(same)
    assert (got["added"], got["updated"]) == (0, 0) and got["unchanged"] == len(frame)
    notices = " ".join(p.message(lang) for p in same.checked.problems if p.severity == "notice")
    assert i18n.t("download_territory_name", lang) in notices          # names ride along, ignored with a word
    edited = frame.copy()
    edited.loc[edited.index[0], "value"] = 123456.5
    raw = downloads.to_excel_csv(edited, reversible=True) if form == "csv" else downloads.to_xlsx(edited, "observations")
    got = counts(import_files(demo, [(name, raw)], user="test"))
    assert (got["added"], got["updated"], got["unchanged"]) == (0, 1, len(frame) - 1)
    obs = read_table(demo, "observations")
    row = edited.iloc[0]
    stored = obs[(obs.indicator_id == "MOB04") & (obs.territory_id == row.territory_id) & (obs.period == row.period)]
    assert stored["value"].tolist() == [123456.5]


@pytest.mark.parametrize("table", ["observations", "targets", "indicators", "territories"])
def test_export_of_every_table_comes_back_in_csv_and_xlsx(demo, table):
    frame = export_frames(demo, table)[table]
    for raw, name in ((to_csv_bytes(frame), f"{table}.csv"), (to_xlsx_bytes({table: frame}), f"{table}.xlsx")):
        got = counts(import_files(demo, [(name, raw)], user="test", dry_run=True))
        assert (got["added"], got["updated"]) == (0, 0), name
