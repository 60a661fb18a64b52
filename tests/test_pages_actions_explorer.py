"""Strategic actions and Indicator explorer pages, run headless with Streamlit's AppTest on the demo."""
from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators.style import COUNTRY_COLORS

from .conftest import DEMO, open_page, switch_page

NNBSP = "\u202f"
ACTIONS = pd.read_csv(DEMO / "actions.csv", dtype=str)
INDICATORS = pd.read_csv(DEMO / "indicators.csv", dtype=str)


@pytest.fixture
def store(demo_url):
    """The app's store for this test: a fresh copy of the demo (tests/conftest.py)."""
    return demo_url


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    parts += [t.value for t in at.title] + [s.value for s in at.subheader]
    return "\n".join(str(p) for p in parts)


def plotly_specs(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def roles(spec: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for trace in spec["data"]:
        out.setdefault((trace.get("meta") or {}).get("role"), []).append(trace)
    return out


# ------------------------------------------------------------------ Strategic actions

def statuses(table: pd.DataFrame) -> list[str]:
    """The status words of a table: each cell holds one pill."""
    cells = [list(cell) for cell in table["status_text"]]
    assert all(len(cell) == 1 for cell in cells), cells[:3]
    return [cell[0] for cell in cells]


def test_actions_page_lists_the_actions_of_the_filtered_theme(store):
    at = open_page("pages/actions.py", {"theme": "mobility"})
    assert at.title[0].value == "Actions stratégiques"
    expected = ACTIONS[ACTIONS["theme_id"] == "mobility"]
    table = at.dataframe[0].value
    shown = [label.split(" · ")[0] for label in table["action"]]
    assert shown == sorted(expected["action_id"])
    first = expected.sort_values("action_id").iloc[0]
    assert table["action"].iloc[0] == f"{first['action_id']} · {first['title_fr']}"
    assert not set(ACTIONS.loc[ACTIONS["theme_id"] != "mobility", "action_id"]) & set(shown)
    words = {"Cible atteinte", "En bonne voie", "Accélération nécessaire", "Progrès limité", "Dégradation",
             "Non évalué"}
    assert all(text.split(" ", 1)[1].split(" · ")[0] in words for text in statuses(table))
    assert set(table["implementation"]) <= {"prévue", "en cours", "réalisée", "retardée", "annulée", "–"}
    assert f"**{len(expected)} actions**" in texts(at)
    labels = [b.proto.label for b in at.get("download_button")]
    assert {"Télécharger (CSV pour Excel)", "Télécharger (XLSX)"} <= set(labels), labels   # import format


def test_indicator_table_has_progress_to_target_sparklines_and_milestones(store):
    at = open_page("pages/actions.py", {"theme": "mobility"})
    table = at.dataframe[1].value
    mobility = INDICATORS[INDICATORS["action_id"].isin(ACTIONS.loc[ACTIONS["theme_id"] == "mobility", "action_id"])]
    assert sorted(table["action_id"].unique()) == sorted(mobility["action_id"].unique())
    progress = pd.to_numeric(table["progress"], errors="coerce").dropna()
    assert len(progress) >= 3 and progress.between(0, 100).all()
    assert any(len(list(trend)) >= 5 for trend in table["trend"])
    milestones = [m for m in table["milestone"] if m]
    assert milestones and all("(20" in m for m in milestones)
    assert any("," in m for m in milestones)                   # French decimal comma
    config = json.loads(at.dataframe[1].proto.columns)
    assert config["progress"]["type_config"]["type"] == "progress"
    assert config["progress"]["type_config"]["max_value"] == 100.0
    assert config["progress"]["label"] == "Avancement vers la cible"
    assert config["trend"]["type_config"]["type"] == "line_chart"
    assert config["milestone"]["label"] == "Jalon"


def test_action_detail_shows_each_indicator_with_target_path_projection_and_both_sides(store):
    at = open_page("pages/actions.py", {"theme": "mobility"})
    detail = at.selectbox(key="actions_detail")
    codes = sorted(ACTIONS.loc[ACTIONS["theme_id"] == "mobility", "action_id"])
    assert detail.options == [f"{c} · {ACTIONS.set_index('action_id').at[c, 'title_fr']}" for c in codes]
    detail.set_value("A01").run()
    assert not at.exception and not at.error
    assert at.session_state["actions_detail"] == "A01"
    body = texts(at)
    for indicator in INDICATORS.loc[INDICATORS["action_id"] == "A01", "indicator_id"]:
        assert f"#### {indicator} · " in body
    specs = plotly_specs(at)
    assert len(specs) == 1   # the first indicator: one chart, its cross-border bodies above its two sides
    # The two sides are the lower panels of that chart, titled, the French first; the bodies above them
    (spec,) = specs
    assert [a["text"] for a in spec["layout"]["annotations"]] == [
        "<b>Territoires transfrontaliers et autres</b>", "<b>France</b>", "<b>Belgique</b>"]
    axis = {trace["meta"]["country"]: trace.get("xaxis", "x") for trace in roles(spec)["observed"]}
    assert axis == {"EU": "x", "FR": "x2", "BE": "x3"}
    all_roles = [roles(spec) for spec in specs]
    assert any("target_path" in r and "projection" in r and "milestone" in r for r in all_roles)
    target = next(r for r in all_roles if "target_path" in r)
    assert target["target_path"][0]["name"] == "Trajectoire cible"
    sides = {trace["meta"]["country"]: trace["line"] for r in all_roles for trace in r.get("observed", [])}
    assert sides["FR"]["dash"] != sides["BE"]["dash"]
    colours_fr = {trace["line"]["color"] for r in all_roles for trace in r.get("observed", [])
                  if trace["meta"]["country"] == "FR"}
    assert COUNTRY_COLORS["FR"] in colours_fr and COUNTRY_COLORS["BE"] not in colours_fr
    assert all(spec["layout"]["separators"] == ", " for spec in specs)


def test_statuses_by_territory_are_built_when_their_expander_is_opened(store):
    at = open_page("pages/actions.py", {"action": "A01"})
    assert len(at.dataframe) == 2                                      # actions, indicators: no status table
    first = sorted(INDICATORS.loc[INDICATORS["action_id"] == "A01", "indicator_id"])[0]
    at.session_state[f"statuses-{first}"] = True                       # the planner opens the expander
    at.run()
    assert not at.exception and not at.error
    assert len(at.dataframe) == 3
    table = at.dataframe[2].value
    table = table.data if hasattr(table, "data") else table
    assert {"territory", "country", "status_text"} <= set(table.columns) and len(table) >= 2
    # French side first, countries named in the page's language
    assert list(table["country"]).index("Belgique") > list(table["country"]).index("France")


def test_territory_filter_assesses_the_chosen_territories(store):
    at = open_page("pages/actions.py", {"theme": "mobility", "territory": "59350"})
    indicators = at.dataframe[1].value
    assert set(indicators["territory"]) <= {"Lille", "–"} and "Lille" in set(indicators["territory"])
    assessed = indicators[[not text.endswith("Non évalué") for text in statuses(indicators)]]
    assert len(assessed) >= 1                       # Lille stands in for the target territories left out
    assert "1 territoire ·" in texts(at)


def test_detail_choice_follows_the_action_filter(store):
    at = open_page("pages/actions.py", {"action": "A02"})
    assert at.selectbox(key="actions_detail").value == "A02"
    assert [label.split(" · ")[0] for label in at.dataframe[0].value["action"]] == ["A02"]


def test_status_words_follow_the_eurostat_method_without_target(store):
    at = open_page("pages/actions.py", {"method": "eurostat"})
    table = at.dataframe[1].value
    without_target = table[table["target"].str.endswith(" Pas de cible", na=False)]   # a sort key, then its words
    assert len(without_target)
    eurostat = {"Progrès significatif", "Progrès modéré", "Éloignement modéré", "Éloignement significatif",
                "Non évalué"}
    assert all(text.split(" ", 1)[1].split(" · ")[0] in eurostat for text in statuses(without_target))


def test_empty_state_says_which_filter_to_clear(store, tmp_path):
    from indicators.importing import import_files
    from indicators.store import open_store

    csv = tmp_path / "levels.csv"          # a level that no action belongs to yet
    csv.write_text("level_id,name_fr,name_nl,name_en,order\ncoast,Littoral,Kust,Coast,9\n", encoding="utf-8")
    assert import_files(open_store(store), [csv], user="test").ok
    at = open_page("pages/actions.py", {"level": "coast"})
    assert "effacez le filtre niveau" in " ".join(i.value for i in at.info)
    assert not at.dataframe and not at.get("plotly_chart")
    switch_page(at, "pages/explorer.py").run()
    assert not at.exception
    assert "effacez le filtre niveau" in " ".join(i.value for i in at.info)


# ------------------------------------------------------------------ Indicator explorer

def test_explorer_opens_the_indicator_of_the_url_with_its_metadata(store):
    at = open_page("pages/explorer.py", {"indicator": "MOB03"})
    assert at.title[0].value == "Explorateur d'indicateurs"
    box = at.selectbox(key="f_indicator")
    assert box.value == "MOB03"
    row = INDICATORS.set_index("indicator_id").loc["MOB03"]
    assert box.format_func("MOB03") == f"MOB03 · {row['name_fr']}"
    body = texts(at)
    assert row["definition_fr"][:60] in body
    assert f"**Unité**{NNBSP}: {row['unit']}" in body
    assert f"**Source**{NNBSP}: {row['source']}" in body
    owner = pd.read_csv(DEMO / "partners.csv", dtype=str).set_index("partner_id").loc[row["owner"], "name_fr"]
    assert f"**Référent**{NNBSP}: {owner}" in body          # the partner's name, not its code
    word = {"harmonised": "harmonisée", "partial": "partielle", "not_comparable": "non comparable"}[row["comparability"]]
    assert f"**Comparabilité transfrontalière**{NNBSP}: {word}" in body
    assert f"**Type**{NNBSP}: " in body and "**Code Interreg**" in body


def test_explorer_time_series_ranking_and_table_of_values(store):
    at = open_page("pages/explorer.py", {"indicator": "MOB03"})
    series, ranking = plotly_specs(at)[:2]
    observed = roles(series)["observed"]
    obs = pd.read_csv(DEMO / "observations.csv", dtype=str)
    mob03 = obs[obs["indicator_id"] == "MOB03"]
    assert sorted(t["meta"]["territory_id"] for t in observed) == sorted(mob03["territory_id"].unique())
    assert {t["meta"]["country"] for t in observed} >= {"FR", "BE"}
    assert "target_path" in roles(series) and "projection" in roles(series)
    assert series["layout"]["separators"] == ", "
    assert {t["meta"]["country"] for t in ranking["data"]} >= {"FR", "BE"}
    assert all(t["orientation"] == "h" for t in ranking["data"])
    values = at.dataframe[0].value
    assert len(values) == len(mob03)
    assert "Qualité" in values.columns
    flagged = set(mob03["flag"].dropna())
    words = {"p": "provisoire", "e": "estimé", "b": "rupture de série"}
    assert {words[f] for f in flagged if f in words} <= set(values["Qualité"])
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Télécharger (CSV pour Excel)", "Télécharger (XLSX)"]


def test_explorer_numbers_are_in_the_french_format(store):
    obs = pd.read_csv(DEMO / "observations.csv", dtype={"value": float, "period": str, "territory_id": str})
    big = obs[obs["value"] >= 10_000]["indicator_id"].iloc[0]
    at = open_page("pages/explorer.py", {"indicator": big})
    latest = next(m.value for m in at.metric if m.label.startswith("Dernière valeur"))
    digits = re.match(r"-?[\d\u202f]+(,\d+)?", latest).group()   # before the unit or a flag's ⚑
    assert re.fullmatch(r"-?\d{1,3}(\u202f\d{3})+(,\d+)?", digits), latest      # 36 000 or 36 000,5
    # the table shows each value in the page's format, whatever the browser's locale, and sorts by
    # value: whole numbers as numbers with a French grouping, decimals as rank keys (indicators/table_numbers.py)
    table = at.dataframe[0].value
    expected = obs.loc[obs["indicator_id"] == big, "value"]
    value = json.loads(at.dataframe[0].proto.columns)["Valeur"]["type_config"]
    decimals = int(INDICATORS.set_index("indicator_id").at[big, "decimals"])
    if value.get("type") == "number":
        assert value["format"] == "%'\u202f,d"
        assert sorted(table["Valeur"].dropna()) == sorted(expected.dropna().round(0))
    else:
        shown = {o["value"]: o["label"] for o in value["options"]}
        assert sorted(map(float, [s.replace("\u202f", "").replace(",", ".") for s in shown.values()])) == \
            sorted(expected.dropna().astype(float).round(decimals).unique())
        french = r"-?\d{1,3}(\u202f\d{3})*" + (rf",\d{{{decimals}}}" if decimals else "")
        assert all(re.fullmatch(french, label) for label in shown.values()), shown
        keys = list(shown)
        assert sorted(keys) == keys and set(table["Valeur"].dropna()) <= set(keys)  # text order = value order
    english = open_page("pages/explorer.py", {"indicator": big, "lang": "en"})
    latest_en = next(m.value for m in english.metric if m.label.startswith("Latest value"))
    assert re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", re.match(r"-?[\d,]+(\.\d+)?", latest_en).group()), latest_en


def test_explorer_context_indicator_carries_the_context_note(store):
    context = INDICATORS[INDICATORS["type"] == "context"]["indicator_id"].iloc[0]
    at = open_page("pages/explorer.py", {"indicator": context})
    assert any(i.value.startswith("Indicateur de contexte") for i in at.info)
    assert f"**Type**{NNBSP}: contexte" in texts(at)


def test_explorer_options_follow_the_filters_and_a_foreign_indicator_is_said(store):
    at = open_page("pages/explorer.py", {"theme": "climate", "indicator": "MOB03"})
    climate = INDICATORS[INDICATORS["action_id"].isin(ACTIONS.loc[ACTIONS["theme_id"] == "climate", "action_id"])]
    box = at.selectbox(key="f_indicator")
    assert box.options == [f"{c} · {n}" for c, n in zip(climate["indicator_id"], climate["name_fr"])]
    assert box.value == climate["indicator_id"].iloc[0]
    assert any("MOB03" in i.value for i in at.info)
    assert at.query_params["indicator"] in (box.value, [box.value])   # the URL names the indicator shown, not the old one


def test_explorer_in_dutch(store):
    at = open_page("pages/explorer.py", {"indicator": "MOB03", "lang": "nl"})
    assert at.title[0].value == "Indicatorverkenner"
    assert "**Definitie**:" in texts(at)
    assert plotly_specs(at)[0]["layout"]["separators"] == ",."
    assert plotly_specs(at)[0]["layout"]["xaxis"]["title"]["text"] == "Periode"


def test_territory_filter_limits_the_series(store):
    at = open_page("pages/explorer.py", {"indicator": "MOB03", "territory": ["59350", "34022"]})
    observed = roles(plotly_specs(at)[0])["observed"]
    assert sorted(t["meta"]["territory_id"] for t in observed) == ["34022", "59350"]
    assert set(at.dataframe[0].value["Code territoire"]) == {"34022", "59350"}


def test_status_colours_are_the_one_palette(store):
    """Each status is a pill in its palette colour, lightened where the palette writes dark text."""
    from indicators.i18n import status_label
    from indicators.style import STATUS_ICONS, STATUS_PILL_COLORS

    at = open_page("pages/actions.py", {"theme": "mobility"})
    for table in at.dataframe[:2]:
        config = json.loads(table.proto.columns)["status_text"]["type_config"]
        assert config["type"] == "multiselect"
        colours = {o["value"]: o["color"] for o in config["options"]}
        assert set(statuses(table.value)) <= set(colours)
        for status, pill in STATUS_PILL_COLORS.items():
            text = f"{STATUS_ICONS[status]} {status_label(status, 'fr')}"
            if text in colours:
                assert colours[text] == pill, (text, colours[text])
    assert len(colours) >= 3


def test_a_status_judged_after_a_break_in_series_says_so(store):
    """The demo's MOB01 has a census break (flag b) in 2021 in some territories: their status says so."""
    obs = pd.read_csv(DEMO / "observations.csv", dtype=str, keep_default_na=False)
    broken = obs[(obs["indicator_id"] == "MOB01") & obs["flag"].str.contains("b")]
    assert len(broken)
    territory, period = broken.iloc[0]["territory_id"], broken.iloc[0]["period"]
    at = open_page("pages/explorer.py", {"indicator": "MOB01", "territory": territory})
    assert f"· *rupture de série en {period}*" in texts(at)
    plain = open_page("pages/explorer.py", {"indicator": "MOB01"})
    # without a territory chosen, the headline territory's status: the break said when its series has one
    from indicators.queries import progress_report
    from indicators.store import open_store

    headline = next(e["territory_id"] for e in progress_report(open_store(store))["indicators"]
                    if e["indicator_id"] == "MOB01" and e["headline"])
    assert ("· *rupture de série en" in texts(plain)) == (headline in set(broken["territory_id"]))


def test_an_action_draws_the_charts_of_its_first_indicators_and_the_others_on_demand(store):
    from pages.actions import EAGER_INDICATORS

    counts = INDICATORS.groupby("action_id").size()
    action = counts[counts > EAGER_INDICATORS].index[0]
    at = open_page("pages/actions.py", {"action": action})
    assert not at.exception and not at.error
    ids = INDICATORS.loc[INDICATORS["action_id"] == action, "indicator_id"].tolist()
    body = texts(at)
    assert all(f"#### {iid} · " in body for iid in ids)   # every indicator is announced with its status
    before = len(plotly_specs(at))
    assert before >= 1
    at.session_state[f"charts-{ids[EAGER_INDICATORS]}"] = True   # the planner opens a later one's charts
    at.run()
    assert not at.exception and not at.error
    assert len(plotly_specs(at)) > before


def test_action_detail_names_its_progress_updates_once(store):
    from indicators.i18n import t

    for lang in ("fr", "nl"):
        at = open_page("pages/actions.py", {"lang": lang})
        title = t("updates_title", lang)
        said = [e for e in at.expander if e.label == title] + [m for m in at.markdown if title in m.value]
        assert len(said) == 1, (lang, len(said))


def test_ranking_of_both_sides_warns_when_the_indicator_is_not_comparable(store):
    """CIT01 (pupils) is "not comparable" across the border: its ranking of French and Belgian territories says
    not to compare them; a harmonised indicator's ranking says nothing of the kind."""
    from indicators.i18n import t

    code = INDICATORS.set_index("indicator_id")["comparability"]
    at = open_page("pages/explorer.py", {"lang": "nl", "indicator": "CIT01"})
    assert code["CIT01"] == "not_comparable"
    assert f'{t("health_caution_not_comparable", "nl")} {t("ranking_by_side", "nl")}' in [w.value for w in at.warning]
    series = plotly_specs(at)[0]   # a panel for each side, and no cross-border total adding them up in them;
    observed = [tr for tr in series["data"] if tr["meta"]["role"] == "observed"]   # the headline's body above
    assert {tr.get("xaxis", "x") for tr in observed} == {"x", "x2", "x3"}
    assert {tr["meta"]["territory_id"] for tr in observed if tr.get("xaxis", "x") == "x"} == {"EMLKT"}
    assert not any("(EU)" in tr["name"] for tr in observed if tr.get("xaxis", "x") != "x")
    assert any(c.value.startswith(t("series_by_side_above", "nl", name="")[:40]) for c in at.caption)
    ranking = plotly_specs(at)[1]
    assert {tr["meta"]["role"] for tr in ranking["data"]} == {"ranking"}
    assert any(s["y0"] == s["y1"] for s in ranking["layout"]["shapes"])   # the line between the two blocks
    harmonised = next(i for i, c in code.items() if c == "harmonised")
    at = open_page("pages/explorer.py", {"lang": "nl", "indicator": harmonised})
    assert not any("vergelijk" in w.value for w in at.warning)
    assert {tr.get("xaxis", "x") for tr in plotly_specs(at)[0]["data"]} == {"x"}   # one panel


def test_the_explorers_figures_say_when_they_stand_and_their_long_unit_beneath(store):
    """'Dernière valeur 32 800' gave no year (the value was four years old) and a long unit cut the label
    ('Dernière valeur (EUR/habit…'): the period, and a long unit, are written under each figure."""
    at = open_page("pages/explorer.py", {"indicator": "ECO06"})
    latest = next(m for m in at.metric if m.label == "Dernière valeur")
    # (the demo's 2021 value is an estimate: the flag stands beside the number and is said beneath)
    assert latest.proto.delta == "EUR/habitant · 2021 · ⚑\u00a0estimé\u00a0(e)" \
        and latest.value.replace("\u202f", " ") == "32 800 ⚑"
    at = open_page("pages/explorer.py", {"indicator": "MOB04", "lang": "en"})
    shown = {m.label: (m.value, m.proto.delta) for m in at.metric}
    assert shown["Latest value"] == ("104.0\u00a0km ⚑", "2025 · ⚑\u00a0provisional\u00a0(p)") and shown["Target"][1] == "2030"


@pytest.mark.parametrize("lang,sign", [("fr", "\u00a0%%"), ("nl", "%%"), ("en", "%%")])
def test_the_actions_progress_column_writes_its_percent_as_every_other_number(store, lang, sign):
    at = open_page("pages/actions.py", {"lang": lang})
    config = json.loads(at.dataframe[0].proto.columns)   # the actions' table
    progress = next(v for v in config.values() if v.get("type_config", {}).get("type") == "progress")
    assert progress["type_config"]["format"] == "%.0f" + sign


def test_a_flows_indicator_links_to_its_map(store):
    at = open_page("pages/explorer.py", {"lang": "fr", "indicator": "MOB10"})
    assert any("page Carte" in i.value for i in at.info)
    links = at.main.get("page_link")                              # the page's own, not the sidebar's list
    assert len(links) == 1 and links[0].proto.label == "Voir ses flux sur la carte"
    assert "indicator=MOB10" in links[0].proto.query_string and "lang=fr" in links[0].proto.query_string
    assert not any("Non évalué" in m.value for m in at.markdown)   # no status badge for arcs


def test_an_action_not_assessed_says_why_beside_its_status(store):
    """A28 has only context indicators: its detail said '– Non évalué · Score : – / 5' with the reason
    only in the table's last column, off screen at 1280 px."""
    from indicators.i18n import t

    at = open_page("pages/actions.py", {"lang": "fr", "action": "A28"})
    header = next(m.value for m in at.markdown if "/ 5" in m.value)
    assert t("reason_only_context_indicators", "fr") in header, header


def test_the_map_cautions_against_comparing_sides_it_colours_on_one_scale(store):
    """QOL03 is not comparable across the border: the Explorer said so above its ranking, the Map
    coloured French and Belgian communes on one scale without a word."""
    at = open_page("pages/map.py", {"lang": "fr", "indicator": "QOL03"})
    assert any("ne pas comparer les valeurs françaises et belges" in w.value for w in at.warning)
    harmonised = open_page("pages/map.py", {"lang": "fr", "indicator": "ECO06"})   # harmonised (Eurostat)
    assert not any("comparer" in w.value for w in harmonised.warning)
    partial = open_page("pages/map.py", {"lang": "fr", "indicator": "ECO07"})          # partly comparable:
    assert not partial.warning and "avec prudence" in texts(partial)                # said under the map


def test_explorer_card_says_a_shares_projection_as_its_chart_draws_it(store):
    """ECO07 (very-high-speed coverage, %): the card said "Projection 132,2 %" beside a chart whose
    projection stops at 100 %; it says 100 % and about when the trend gets there."""
    at = open_page("pages/explorer.py", {"indicator": "ECO07"})
    card = next(m for m in at.metric if m.label.startswith("Projection"))
    assert card.value == "100,0\u00a0%"   # the demo's trend passes 100 % before the target period (2030)
    # its line passes 100 % in 2024, before the 2025 value (96,1 %): no past year, the target period
    assert str(card.proto.delta) == "2030", card.proto.delta


def test_the_statuses_by_territory_say_a_break_in_series(store):
    """MOB01's census break (flag b, demo): the Actions page's table of statuses by territory says it
    beside the territories whose status is judged from it, as the Explorer does."""
    obs = pd.read_csv(DEMO / "observations.csv", dtype=str, keep_default_na=False)
    broken = obs[(obs["indicator_id"] == "MOB01") & obs["flag"].str.contains("b")]
    action = INDICATORS.loc[INDICATORS["indicator_id"] == "MOB01", "action_id"].iloc[0]
    at = open_page("pages/actions.py", {"action": action})
    at.session_state["statuses-MOB01"] = True
    at.run()
    assert not at.exception and not at.error
    table = next(d.value for d in at.dataframe if "country" in getattr(d.value, "columns", []))
    said = table[table["note"].str.contains("rupture de série en", na=False)]
    assert len(said) >= 1 and len(said) < len(table)
    assert all(f"rupture de série en {p}" in n for p, n in zip(sorted(set(broken["period"])) * len(said),
                                                                  said["note"]))


def test_the_map_card_of_a_territory_says_a_break_in_series(store):
    """The Map's card of a territory whose MOB01 status is judged after the census break says it, under
    the status and in the table of latest values."""
    obs = pd.read_csv(DEMO / "observations.csv", dtype=str, keep_default_na=False)
    broken = obs[(obs["indicator_id"] == "MOB01") & obs["flag"].str.contains("b")].iloc[0]
    at = open_page("pages/map.py", {"indicator": "MOB01", "territory": broken["territory_id"]})
    assert not at.exception and not at.error
    said = f"rupture de série en {broken['period']}"
    assert said in texts(at)
    listing = next(m.value for m in at.markdown if "**MOB01 ·" in m.value)
    assert any(item.startswith("**MOB01 ·") and said in item for item in listing.lstrip("- ").split("\n- "))
