"""Every latest value carries its flag, on the surfaces the first pass left (helper J, stop 31): the flag's
note lives with the flag words (`wording.flag_note`); a combined flag (`bp`) is spelled out letter by letter
in the Explorer's table, hover and ranking; the flows map's tooltip, the Actions page's latest value (its
indicators' table and its statuses by territory) and the committee report's latest value carry the flag;
and the map's values are each territory's latest row whole (a groupby's `last()` gave a 2021 value without
a flag 2020's `p`)."""
from __future__ import annotations

import itertools
import json
from html import escape

import pandas as pd
import pytest

from indicators import charts, indicator_tables, map_classes, map_flows, maps, ranking
from indicators import filters as F
from indicators import report as R
from indicators.i18n import t
from indicators.progress import assess_all
from indicators.queries import assessed as assessed_store
from indicators.queries import load_observations
from indicators.schema import FLAGS
from indicators.store import open_store

from .conftest import DEMO, open_page
from .helpers import CORPUS

NBSP = "\u00a0"
LANGS = ("fr", "nl", "en")
TERRITORIES = pd.read_csv(CORPUS / "framework" / "territories.csv", dtype=str)
DEMO_TERRITORIES = pd.read_csv(DEMO / "territories.csv", dtype={"territory_id": str, "parent_id": str,
                                                               "replaced_by": str})
DEMO_FLOWS = pd.read_csv(DEMO / "flows.csv", dtype={"indicator_id": str, "origin_id": str, "destination_id": str,
                                                    "period": str})
INDICATORS = pd.DataFrame([{"indicator_id": "MOB01", "action_id": "A01", "direction": "increase", "decimals": 1,
                            "unit": "%"}])
TARGET = {"indicator_id": "MOB01", "territory_id": "59350", "baseline_period": "2018", "baseline_value": 2.0,
          "target_period": "2030", "target_value": 8.0}


def plain(text) -> str:
    """No-break spaces (of the flag's note, of French numbers and colons) as plain ones."""
    return str(text or "").replace(NBSP, " ").replace("\u202f", " ")


def note(code: str, lang: str) -> str:
    """The flag's note as the test expects it, from Eurostat's list (indicators/schema.py)."""
    return f"⚑ {', '.join(FLAGS[c][lang] for c in code)} ({code})"


def series(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["indicator_id", "territory_id", "period", "value", "flag"])


# ------------------------------------------------------------------ one flag note, with the flag words

@pytest.mark.parametrize("lang", LANGS)
def test_the_flag_note_lives_with_the_flag_words(lang):
    from indicators import wording

    assert plain(wording.flag_note("bp", lang)) == note("bp", lang)
    assert plain(wording.flag_note(" P ", lang)) == note("p", lang)
    assert wording.flag_note(None, lang) == wording.flag_note("", lang) == wording.flag_note(float("nan"), lang) == ""
    assert NBSP in wording.flag_note("p", lang)                   # "(p)" never alone at a line's start
    assert maps.flag_note("bp", lang) == wording.flag_note("bp", lang)   # the map's name still answers


@pytest.mark.parametrize("lang", LANGS)
def test_a_combined_flag_is_spelled_out_letter_by_letter(lang):
    """`wording.flag_word("bp")` was "bp": every pair of Eurostat's letters, in every language."""
    from indicators import wording

    wrong = [(a + b, wording.flag_word(a + b, lang)) for a, b in itertools.permutations(FLAGS, 2)
             if wording.flag_word(a + b, lang) != f"{FLAGS[a][lang]}, {FLAGS[b][lang]}"]
    assert wrong == []
    assert wording.flag_word("BP ", lang) == f"{FLAGS['b'][lang]}, {FLAGS['p'][lang]}"
    assert wording.flag_word("bpe", lang) == ", ".join(FLAGS[c][lang] for c in "bpe")


@pytest.mark.parametrize("lang", LANGS)
def test_the_explorers_table_hover_and_ranking_spell_out_a_combined_flag(lang):
    obs = series([("MOB01", "59350", str(y), v, "bp" if y == 2023 else None)
                  for y, v in zip(range(2019, 2024), (2.0, 2.4, 2.9, 3.1, 3.6))]
                 + [("MOB01", "34022", str(y), v, None) for y, v in zip(range(2019, 2024), (1.0, 1.2, 1.3, 1.5, 1.6))])
    words = ", ".join(FLAGS[c][lang] for c in "bp")
    table = indicator_tables.values_table(obs, INDICATORS.iloc[0].to_dict(), TERRITORIES, lang)
    flags = table[t("flag", lang)].tolist()
    assert flags.count(words) == 1 and set(flags) == {words, ""}
    assessed = assess_all(obs, INDICATORS, pd.DataFrame([TARGET]))
    chart = charts.indicator_chart(obs, TARGET, assessed, TERRITORIES, lang, 1, "%")
    hovers = " ".join(h for tr in chart.data if tr.hovertext is not None for h in tr.hovertext if isinstance(h, str))
    assert note("bp", lang) in plain(hovers) and "(bp)" in hovers
    latest = obs[obs["period"] == "2023"]
    bars = ranking.ranking_chart(latest, lang, 1, "%", TERRITORIES)
    hovers = " ".join(h for tr in bars.data if tr.hovertext is not None for h in tr.hovertext)
    assert note("bp", lang) in plain(hovers)


# ------------------------------------------------------------------ the map's values: the latest row whole

def test_the_maps_values_are_each_territorys_latest_row_with_its_own_flag():
    obs = series([("ECO06", "BE253", "2020", 38000.0, "p"), ("ECO06", "BE253", "2021", 39000.0, None),
                  ("ECO06", "BE254", "2020", 30000.0, None), ("ECO06", "BE254", "2021", 31000.0, "e"),
                  ("ECO06", "BE255", "2021", 32000.0, None), ("ECO06", "BE255", "2020", 31500.0, "p")])
    frame = map_classes.values_frame(obs, DEMO_TERRITORIES, "ECO06")
    got = {tid: (period, value, flag if isinstance(flag, str) else None)
           for tid, period, value, flag in zip(frame["territory_id"], frame["period"], frame["value"], frame["flag"])}
    assert got == {"BE253": ("2021", 39000.0, None), "BE254": ("2021", 31000.0, "e"),
                   "BE255": ("2021", 32000.0, None)}
    # the map's tooltip reads it: no `p` on a value the file gave no flag
    deck = maps.values_deck(frame.assign(status="on_track"), "fr")
    (points,) = [layer for layer in deck.layers if layer.id == "points"]
    assert {r["territory_id"]: plain(r["flag_note"]) for r in points.data} == {
        "BE253": "", "BE254": note("e", "fr"), "BE255": ""}
    assert not hasattr(maps, "own_flags")            # the map page's workaround is gone: values_frame is right


# ------------------------------------------------------------------ the flows map's tooltip

@pytest.mark.parametrize("lang", LANGS)
def test_the_flows_tooltip_carries_the_flag(lang):
    """MOB10's 2021 commuting flows from France carry Eurostat's `b` (demo), those towards France none."""
    frame = map_flows.flows_frame(DEMO_FLOWS, DEMO_TERRITORIES, "MOB10", "2021")
    deck = map_flows.flows_deck(frame, lang)
    spec = json.loads(deck.to_json())
    layers = {layer["id"]: layer for layer in spec["layers"]}
    arcs = {(a["origin_id"], a["destination_id"]): plain(a["tip_detail"]) for a in layers["flows"]["data"]}
    source = DEMO_FLOWS[(DEMO_FLOWS["indicator_id"] == "MOB10") & (DEMO_FLOWS["period"] == "2021")]
    expected = {(o, d): f if isinstance(f, str) else None
                for o, d, f in zip(source["origin_id"], source["destination_id"], source["flag"])}
    assert set(arcs) == set(expected) and "b" in expected.values() and None in expected.values()
    for key, tip in arcs.items():
        if expected[key]:
            assert tip.endswith(f"(2021) {note(expected[key], lang)}"), (key, tip)
        else:
            assert "⚑" not in tip and tip.endswith("(2021)"), (key, tip)
    # the arrowhead at the destination says the same as its arc
    heads = {(g["origin_id"], g["destination_id"]): plain(g["tip_detail"])
             for g in layers["flow_ends"]["data"] if "origin_id" in g}
    assert heads and all(heads[k] == arcs[k] for k in heads)


def test_flows_summed_into_one_arc_carry_the_letters_of_their_flags():
    flows = pd.DataFrame({"indicator_id": ["F"] * 3, "origin_id": ["FRE", "FRE", "BE25"],
                          "destination_id": ["BE25", "BE25", "FRE"], "period": ["2023"] * 3,
                          "value": [100.0, 50.0, 80.0], "flag": ["p", "e", None]})
    frame = map_flows.flows_frame(flows, DEMO_TERRITORIES, "F")
    (arcs,) = [layer for layer in json.loads(map_flows.flows_deck(frame, "en").to_json())["layers"]
               if layer["id"] == "flows"]
    tips = {(a["origin_id"], a["destination_id"]): plain(a["tip_detail"]) for a in arcs["data"]}
    assert tips[("FRE", "BE25")].endswith(f"150 (2023) {note('pe', 'en')}")
    assert "⚑" not in tips[("BE25", "FRE")]


def test_the_map_page_draws_the_flows_tooltips_with_their_flags(demo_url):
    at = open_page("pages/map.py", {"lang": "nl", "indicator": "MOB10"})
    (chart,) = at.get("deck_gl_json_chart")
    spec = json.loads(chart.proto.json)
    (flows,) = [layer for layer in spec["layers"] if layer.get("id") == "flows"]
    latest = DEMO_FLOWS[DEMO_FLOWS["indicator_id"] == "MOB10"]
    latest = latest[latest["period"] == latest["period"].max()]
    flagged = {(o, d): f for o, d, f in zip(latest["origin_id"], latest["destination_id"], latest["flag"])
               if isinstance(f, str)}
    assert flagged
    for arc in flows["data"]:
        key = (arc["origin_id"], arc["destination_id"])
        assert (note(flagged[key], "nl") in plain(arc["tip_detail"])) if key in flagged \
            else "⚑" not in arc["tip_detail"]


# ------------------------------------------------------------------ the Actions page's latest values

def test_the_indicator_tables_latest_value_carries_its_flag():
    def latest(rows) -> str:
        obs = series(rows)
        table = indicator_tables.indicator_table(INDICATORS, assess_all(obs, INDICATORS, pd.DataFrame([TARGET])),
                                                 obs, pd.DataFrame([TARGET]), TERRITORIES, "fr")
        return plain(table.iloc[0]["latest"])

    yearly = [("MOB01", "59350", str(y), v, None) for y, v in zip(range(2018, 2023), (2.0, 2.4, 2.9, 3.1, 3.6))]
    assert latest(yearly + [("MOB01", "59350", "2023", 4.1, "p")]).endswith("(2023) ⚑ provisoire (p)")
    assert latest(yearly + [("MOB01", "59350", "2023", 4.1, "bp")]).endswith(f"(2023) {note('bp', 'fr')}")
    # a value without a flag after a flagged one says none
    assert "⚑" not in latest(yearly[:-1] + [("MOB01", "59350", "2022", 3.6, "p"), ("MOB01", "59350", "2023", 4.1, None)])
    # a year's mean of its months carries the flags of the months averaged
    months = [("MOB01", "59350", f"2023-{m:02d}", 4.0 + m / 10, "e" if m == 11 else None) for m in range(1, 13)]
    assert latest(yearly + months).endswith("⚑ estimé (e)")


def latest_year_flags(obs: pd.DataFrame, iid: str, tid: str, year) -> str | None:
    """The letters of the flags of a series' rows in its latest year (the year's value is their mean)."""
    rows = obs[(obs["indicator_id"] == iid) & (obs["territory_id"].astype(str) == str(tid))
               & (obs["period"].astype(str).str[:4] == str(year)[:4]) & obs["value"].notna()]
    letters = "".join(dict.fromkeys("".join(f.strip().lower() for f in rows["flag"] if isinstance(f, str))))
    return letters or None


def flagged_headline(url: str) -> tuple[str, str, pd.DataFrame, pd.DataFrame]:
    """(action, indicator whose headline latest value is flagged, assessments, observations) of the store."""
    engine = open_store(url)
    try:
        frame, _ = assessed_store(engine)
        obs = load_observations(engine)
    finally:
        engine.dispose()
    head = frame[frame["headline"].astype(bool)]
    for iid, tid, year in zip(head["indicator_id"], head["territory_id"], head["latest_period"]):
        if latest_year_flags(obs, iid, tid, year) == "p":
            from indicators.queries import load_framework

            engine = open_store(url)
            try:
                indicators = load_framework(engine)["indicators"]
            finally:
                engine.dispose()
            action = indicators.loc[indicators["indicator_id"] == iid, "action_id"].iloc[0]
            return str(action), str(iid), frame, obs
    raise AssertionError("the demo has no headline whose latest value is provisional")


def cell_words(cell) -> str:
    """A labelled number cell's words (table_numbers.labelled_keys: `<rank> <words>`)."""
    return plain(str(cell).split(" ", 1)[1]) if cell else ""


def test_the_actions_page_latest_values_carry_their_flag(demo_url):
    action, iid, frame, obs = flagged_headline(demo_url)
    at = open_page("pages/actions.py", {"action": action})
    table = next(d.value for d in at.dataframe if "indicator" in getattr(d.value, "columns", []))
    head = frame[frame["headline"].astype(bool)].set_index("indicator_id")
    checked = 0
    for indicator, cell in zip(table["indicator"], table["latest"]):
        code = indicator.split(" · ", 1)[0]
        if code not in head.index or not cell:
            continue
        flag = latest_year_flags(obs, code, head.at[code, "territory_id"], head.at[code, "latest_period"])
        words = cell_words(cell)
        assert words.endswith(note(flag, "fr")) if flag else "⚑" not in words, (code, words)
        checked += 1
    assert checked >= 1 and any(i.startswith(f"{iid} · ") for i in table["indicator"])


def test_the_actions_statuses_by_territory_carry_each_latest_values_flag(demo_url):
    action, iid, frame, obs = flagged_headline(demo_url)
    at = open_page("pages/actions.py", {"action": action})
    at.session_state[f"statuses-{iid}"] = True            # the planner opens the expander
    at.run()
    assert not at.exception and not at.error
    statuses = next(d.value for d in at.dataframe if "country" in getattr(d.value, "columns", []))
    mine = frame[frame["indicator_id"] == iid]
    names = dict(zip(DEMO_TERRITORIES["territory_id"], DEMO_TERRITORIES["name_fr"]))
    by_name = {names.get(str(tid), str(tid)): (tid, year) for tid, year in zip(mine["territory_id"], mine["latest_period"])}
    flags = []
    for territory, cell in zip(statuses["territory"], statuses["latest"]):
        tid, year = by_name[territory]
        flag = latest_year_flags(obs, iid, tid, year)
        flags.append(flag)
        assert plain(cell).endswith(note(flag, "fr")) if flag else "⚑" not in cell, (territory, cell)
    assert "p" in flags


# ------------------------------------------------------------------ the committee report

@pytest.mark.parametrize("lang", LANGS)
def test_the_reports_latest_value_carries_its_flag(demo_tables, demo_url, lang):
    action, iid, frame, obs = flagged_headline(demo_url)
    report = R.build(demo_tables["framework"], demo_tables["observations"], F.Filters(lang=lang, action=action),
                     flows=demo_tables["flows"])
    entries = {i.indicator_id: i for s in report.sections for i in s.indicators}
    assert plain(entries[iid].latest).endswith(note("p", lang))
    page = plain(R.render_html(report, plotly_js=""))
    colon = " : " if lang == "fr" else ": "
    assert f"{escape(t('latest_value', lang))}{colon}<b>{escape(plain(entries[iid].latest))}</b>" in page
    head = frame[frame["headline"].astype(bool)].set_index("indicator_id")
    for code, entry in entries.items():
        if code in head.index and entry.latest != "–":
            flag = latest_year_flags(obs, code, head.at[code, "territory_id"], head.at[code, "latest_period"])
            assert plain(entry.latest).endswith(note(flag, lang)) if flag else "⚑" not in entry.latest, code


def test_the_reports_pdf_prints_the_latest_values_flag(demo_tables, demo_url):
    """The PDF is the HTML printed: the flag's note under "Latest value", its ⚑ in a font that has it."""
    import io
    import re

    from pypdf import PdfReader

    action, iid, _, _ = flagged_headline(demo_url)
    report = R.build(demo_tables["framework"], demo_tables["observations"], F.Filters(lang="fr", action=action),
                     flows=demo_tables["flows"])
    entry = next(i for s in report.sections for i in s.indicators if i.indicator_id == iid)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(R.render_pdf(report))).pages)
    text = re.sub(r"\s+", " ", plain(text))
    assert re.sub(r"\s+", " ", plain(entry.latest)) in text and "⚑ provisoire (p)" in text
