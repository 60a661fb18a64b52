"""The editor's review shows what approving writes, before the approve button: the rows a submission
changes AND adds (the dry run kept only the changed ones: a submission of new values showed counts and
no row), in a planner's words and the page's number format, bounded for a large submission; and the
submitted file can be downloaded as it was sent."""
from __future__ import annotations

import pandas as pd
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from indicators import accounts as A
from indicators import i18n
from indicators import submissions as S
from indicators.i18n import t
from indicators.store import open_store, read_table

from .conftest import ROOT
from .test_review_page import signed_in

CONTRIBUTOR = "data@west-vlaanderen.be"
EDITOR = "relecture@demo.test"


def _setup(demo_url):
    engine = open_store(demo_url)
    A.add_account(engine, A.OPERATOR, EDITOR, "editor", None, "pw-1234567")
    A.add_account(engine, A.OPERATOR, CONTRIBUTOR, "contributor", "PROV_WVL", "pw-1234567")
    return engine


def _owned_row(engine) -> dict:
    """A stored observation of an indicator PROV_WVL owns, with a value."""
    owned = set(pd.read_csv(ROOT / "data" / "demo" / "indicators.csv", dtype=str)
                .query("owner == 'PROV_WVL'")["indicator_id"])
    obs = read_table(engine, "observations")
    return obs[obs["indicator_id"].isin(owned) & obs["value"].notna()].iloc[0].to_dict()


def _submit(engine, lines: list[str], name: str = "west.csv") -> tuple[int, bytes]:
    content = ("indicator_id;territory_id;period;value;flag\n" + "".join(f"{line}\n" for line in lines)).encode()
    sent = S.submit(engine, A.find(engine, CONTRIBUTOR), name, content)
    assert sent.submission_id is not None, [p.as_dict() for p in sent.checked.problems]
    return sent.submission_id, content


def _framework(engine) -> dict:
    return {name: read_table(engine, name) for name in ("indicators", "territories")}


def test_the_rows_to_add_are_listed_with_the_changed_ones_in_the_planners_words(demo_url):
    engine = _setup(demo_url)
    row = _owned_row(engine)
    i, place = row["indicator_id"], row["territory_id"]
    new_value = float(row["value"]) + 1234.5
    sid, _ = _submit(engine, [f"{i};{place};{row['period']};{new_value:.1f};",   # changes a stored value
                              f"{i};{place};2031;1234,5;p", f"{i};{place};2032;7;"])   # two new ones
    outcome = S.preview(engine, A.find(engine, EDITOR), sid)
    assert outcome.result.summary()["added"] == 2 and outcome.result.summary()["updated"] == 1
    (item,) = S.to_approve(engine, outcome)
    assert item.table == "observations" and item.total == 3
    assert list(item.rows["change"]) == ["updated", "added", "added"]
    assert list(item.rows["period"]) == [row["period"], "2031", "2032"]

    fw = _framework(engine)
    shown = S.readable_to_approve(item, fw, "fr")
    indicator = fw["indicators"].set_index("indicator_id").loc[i]
    unit = indicator["unit_fr"] if isinstance(indicator.get("unit_fr"), str) else indicator["unit"]
    place_name = fw["territories"].set_index("territory_id").loc[place, "name_fr"]
    assert list(shown.columns[:4]) == ["Changement", "Indicateur", "Territoire", "Période"]
    assert list(shown["Changement"]) == ["modification", "ajout", "ajout"]
    assert set(shown["Indicateur"]) == {f"{i} · {indicator['name_fr']}"}
    assert set(shown["Territoire"]) == {f"{place} · {place_name}"}
    from indicators.units import unit_of

    with_unit = lambda text: i18n.with_unit(text, unit_of(indicator.to_dict(), "fr"), "fr")  # noqa: E731
    assert shown["Valeur"].iloc[1] == with_unit(i18n.number(1234.5, "fr", 1))     # 1 234,5 with its unit
    assert "→" in shown["Valeur"].iloc[0] and shown["Valeur"].iloc[0].endswith(with_unit(i18n.number(new_value, "fr", 1)))
    assert shown[t("flag", "fr")].tolist()[1] == "provisoire" and unit


def test_a_large_submission_lists_its_first_rows_and_says_how_many_more(demo_url):
    engine = _setup(demo_url)
    row = _owned_row(engine)
    lines = [f"{row['indicator_id']};{row['territory_id']};{year};{year - 2000};" for year in range(2040, 2052)]
    sid, _ = _submit(engine, lines)
    outcome = S.preview(engine, A.find(engine, EDITOR), sid)
    (item,) = S.to_approve(engine, outcome, limit=5)
    assert item.total == 12 and len(item.rows) == 5
    assert list(item.rows["period"]) == ["2040", "2041", "2042", "2043", "2044"]   # the file's first rows


@pytest.fixture
def downloads(monkeypatch):
    """Every file a download button hands the browser: (file name, bytes)."""
    seen = []
    keep = MemoryMediaFileStorage.load_and_get_id

    def recording(self, path_or_data, mimetype, kind, filename=None):
        seen.append((filename, path_or_data))
        return keep(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", recording)
    return seen


def test_the_editor_sees_the_new_values_before_approving_and_downloads_the_file_sent(demo_url, downloads,
                                                                                    monkeypatch):
    engine = _setup(demo_url)
    row = _owned_row(engine)
    i, place = row["indicator_id"], row["territory_id"]
    sid, content = _submit(engine, [f"{i};{place};{year};{year - 2000},5;" for year in range(2031, 2035)],
                           name="west flanders 2031.csv")
    monkeypatch.setattr(S, "SHOWN_ROWS", 3, raising=False)
    at = signed_in({"lang": "fr"}, EDITOR, "pw-1234567")
    at.selectbox(key="review_pick").set_value(sid).run()
    assert not at.exception, at.exception
    table = _rows(at).value
    assert list(table["Période"]) == ["2031", "2032", "2033"] and set(table["Changement"]) == {"ajout"}
    assert list(table["Valeur"].str.split("\u00a0").str[0]) == [i18n.number(v, "fr", 1) for v in (31.5, 32.5, 33.5)]
    more = t("review_rows_more", "fr", shown="3", total="4")
    assert more in [c.value for c in at.caption]
    # the rows come before the approve button, in the page's order
    order = [e for e in _walk(at.main) if getattr(e, "key", None) == "review_approve" or e is _rows(at)]
    assert order[0] is _rows(at) and order[1].key == "review_approve"
    assert ("west flanders 2031.csv", content) in downloads     # the file as it was sent, byte for byte


def _walk(node):
    """The page's elements in the order they are drawn."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def _rows(at):
    return next(d for d in at.dataframe if "Changement" in d.value.columns)
