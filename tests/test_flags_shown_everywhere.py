"""Every place a value is shown carries its flag, as the Explorer's table, chart and ranking do
(outside tester X, stop 31, findings 1 and 8): the Map's tooltip, the territory card's figure and its
list of latest values, and the Explorer's "Latest value" header. A value without a flag says none, even
after a flagged one (a groupby's `last()` carried 2020's `p` to 2021)."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators import maps
from indicators.importing import import_files
from indicators.queries import load_observations
from indicators.store import open_store

from .conftest import open_page

NBSP = "\u00a0"
WORDS = {"fr": "provisoire", "nl": "voorlopig", "en": "provisional"}
NAMES = {"fr": "PIB par habitant", "nl": "Bbp per inwoner", "en": "GDP per inhabitant"}


def plain(text) -> str:
    return str(text or "").replace(NBSP, " ")


def drawn_records(at: AppTest) -> dict[str, dict]:
    """territory_id -> the fields its tooltip reads, for every territory the map draws (shape or circle)."""
    (chart,) = at.get("deck_gl_json_chart")
    spec = json.loads(chart.proto.json)
    spec["tooltip"] = json.loads(chart.proto.tooltip)        # st.pydeck_chart sends it beside the deck
    out = {}
    for layer in spec["layers"]:
        if layer.get("id") == "territories":
            out.update({f["properties"]["territory_id"]: f["properties"] for f in layer["data"]["features"]})
        elif layer.get("id") in ("points", "columns"):
            out.update({r["territory_id"]: r for r in layer["data"]})
    return out, spec


def latest_flags(url: str, indicator: str) -> dict[str, str | None]:
    """territory_id -> the flag of its latest row, read from the store."""
    engine = open_store(url)
    try:
        obs = load_observations(engine)
    finally:
        engine.dispose()
    mine = obs[(obs["indicator_id"] == indicator) & obs["value"].notna()].sort_values("period", kind="stable")
    last = mine.groupby("territory_id").tail(1)
    return {str(t): (f if isinstance(f, str) and f else None) for t, f in zip(last["territory_id"], last["flag"])}


def test_flag_note_says_the_flag_in_words_in_each_language():
    assert plain(maps.flag_note("p", "fr")) == "⚑ provisoire (p)"
    assert plain(maps.flag_note("p", "nl")) == "⚑ voorlopig (p)"
    assert plain(maps.flag_note("e", "en")) == "⚑ estimated (e)"
    assert plain(maps.flag_note("bp", "fr")) == "⚑ rupture de série, provisoire (bp)"
    assert maps.flag_note(None, "fr") == maps.flag_note("", "fr") == maps.flag_note(float("nan"), "fr") == ""


def test_every_flag_of_eurostats_list_has_words_in_every_language():
    """The Explorer's table, chart and ranking say a flag in words (wording.flag_word): `d`, `f`, `n`, `r`,
    `s` and `z` were shown as bare letters."""
    from indicators import wording
    from indicators.schema import FLAGS

    bare = [(code, lang) for code in FLAGS for lang in ("fr", "nl", "en")
            if wording.flag_word(code, lang) != FLAGS[code][lang]]
    assert bare == []


def test_the_tooltip_template_has_a_line_for_the_flag():
    frame = pd.DataFrame({"territory_id": ["A", "B"], "name_fr": ["Aa", "Bb"], "country": ["FR", "BE"],
                          "lat": [50.6, 50.8], "lon": [3.0, 3.3], "value": [10.0, 20.0], "period": ["2021", "2021"],
                          "flag": ["p", None]})
    deck = maps.values_deck(frame, "fr")
    assert "{flag_note}" in deck._tooltip["html"]
    (points,) = [layer for layer in deck.layers if layer.id == "points"]
    notes = {r["territory_id"]: plain(r["flag_note"]) for r in points.data}
    assert notes == {"A": "⚑ provisoire (p)", "B": ""}


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_map_tooltip_and_card_carry_the_flag(demo_url, lang):
    at = open_page("pages/map.py", {"lang": lang, "indicator": "ECO06", "territory": "BE253"})
    records, spec = drawn_records(at)
    assert "{flag_note}" in spec["tooltip"]["html"]
    expected = latest_flags(demo_url, "ECO06")
    assert expected["BE253"] == "p"                          # Eurostat marks Ypres' 2021 value `p`
    shown = {tid: plain(r["flag_note"]) for tid, r in records.items()}
    assert shown == {tid: plain(maps.flag_note(expected.get(tid), lang)) for tid in records}
    assert shown["BE253"] == f"⚑ {WORDS[lang]} (p)"
    # the card: its figure, then the flag under it
    (figure,) = [m for m in at.metric if m.label.startswith(NAMES[lang])]
    assert plain(figure.proto.delta) == f"⚑ {WORDS[lang]} (p)"
    # and its list of latest values: the flag beside the value, before the status
    listing = next(m.value for m in at.markdown if f"**ECO06 · {NAMES[lang]}**" in m.value)
    item = plain(listing.split(f"**ECO06 · {NAMES[lang]}**", 1)[1].split("\n- ", 1)[0])
    assert f"(2021) ⚑ {WORDS[lang]} (p)" in item


def test_a_value_without_a_flag_after_a_flagged_one_shows_none(demo_url, tmp_path):
    newer = tmp_path / "newer.csv"
    newer.write_text("indicator_id,territory_id,period,value\nECO06,BE253,2022,39000\n", encoding="utf-8")
    engine = open_store(demo_url)
    try:
        assert import_files(engine, [newer], user="test").ok
    finally:
        engine.dispose()
    at = open_page("pages/map.py", {"lang": "fr", "indicator": "ECO06", "territory": "BE253"})
    records, _ = drawn_records(at)
    assert records["BE253"]["period"] == "2022" and records["BE253"]["flag_note"] == ""
    (figure,) = [m for m in at.metric if m.label.startswith(NAMES["fr"])]
    assert "2022" in figure.label and not figure.proto.delta
    listing = next(m.value for m in at.markdown if f"**ECO06 · {NAMES['fr']}**" in m.value)
    item = listing.split(f"**ECO06 · {NAMES['fr']}**", 1)[1].split("\n- ", 1)[0]
    assert "(2022)" in item and "⚑" not in item


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_explorer_header_says_the_latest_value_is_flagged(demo_url, lang):
    at = open_page("pages/explorer.py", {"lang": lang, "indicator": "ECO06", "territory": "BE253"})
    labels = {"fr": "Dernière valeur", "nl": "Laatste waarde", "en": "Latest value"}
    latest = next(m for m in at.metric if m.label == labels[lang])
    assert latest.value.endswith("⚑")                        # on the number, as the ranking marks it
    assert plain(latest.proto.delta).endswith(f"2021 · ⚑ {WORDS[lang]} (p)")
    assert f"{WORDS[lang]} (p)" in plain(latest.proto.help)


def test_the_explorer_header_of_an_unflagged_value_has_no_flag(demo_url, tmp_path):
    newer = tmp_path / "newer.csv"
    newer.write_text("indicator_id,territory_id,period,value\nECO06,BE253,2022,39000\n", encoding="utf-8")
    engine = open_store(demo_url)
    try:
        assert import_files(engine, [newer], user="test").ok
    finally:
        engine.dispose()
    at = open_page("pages/explorer.py", {"lang": "fr", "indicator": "ECO06", "territory": "BE253"})
    latest = next(m for m in at.metric if m.label == "Dernière valeur")
    assert "⚑" not in latest.value and "⚑" not in (latest.proto.delta or "")
    assert "2022" in latest.proto.delta


@pytest.mark.parametrize("value,unit", [(4056.31, "millions d'EUR"), (26704.0, "locaux/gebouwen/premises"),
                                        (37900.0, "EUR/habitant"), (51.6, "%"), (1102.0, "personen")])
def test_the_cards_figure_fits_its_240_pixels(value, unit):
    """Finding 9: "4 056,31 milli…". Each line of the figure, at its size, within the card (a character
    at most half the font's size wide); a long unit on a line of its own, never split."""
    text, size = maps.card_figure(value, "fr", 2, unit, 240)
    lines = text.split(" ") if " " in text else [text]
    assert all(len(line) * maps.CARD_CHAR_EM * size <= 240 for line in lines), (text, size)
    assert 16 <= size <= 36
    assert plain(text).endswith(unit)


def test_a_short_figure_stays_on_one_line_at_full_size():
    assert maps.card_figure(1102, "nl", 0, "personen", 240) == ("1.102\u00a0personen", 34)


def test_the_tooltip_wraps_and_is_centred_under_the_pointer():
    style = maps.tooltip("fr")["style"]
    assert style["maxWidth"] == f"{maps.TOOLTIP_WIDTH}px" and style["whiteSpace"] == "normal"
    assert style["translate"].startswith("-50%")
