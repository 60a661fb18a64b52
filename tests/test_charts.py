"""Chart builders (indicators/charts/, indicators/ranking.py), the pages' tables (indicators/indicator_tables.py)
and downloads (indicators/downloads.py), without a browser."""
from __future__ import annotations

import io
import math

import openpyxl
import pandas as pd
import pytest

from indicators import charts, downloads, indicator_tables, ranking
from indicators.progress import assess_all
from indicators.style import COUNTRY_COLORS, COUNTRY_DASH

from .helpers import CORPUS

TERRITORIES = pd.read_csv(CORPUS / "framework" / "territories.csv", dtype=str)
NNBSP = "\u202f"   # babel's French grouping separator


def _obs() -> pd.DataFrame:
    rows = []
    for year, value in zip(range(2018, 2024), (2.0, 2.4, 2.9, 3.1, 3.6, 4.1)):
        rows.append(("MOB01", "59350", str(year), value, "p" if year == 2023 else None))      # Lille, FR
    for year, value in zip(range(2018, 2024), (1234.5, 1300.0, 1350.0, 1400.0, 1480.0, 1500.0)):
        rows.append(("MOB01", "34022", str(year), value, "e" if year == 2021 else "b" if year == 2022 else None))
    return pd.DataFrame(rows, columns=["indicator_id", "territory_id", "period", "value", "flag"])


TARGET = {"indicator_id": "MOB01", "territory_id": "59350", "baseline_period": "2018", "baseline_value": 2.0,
          "target_period": "2030", "target_value": 8.0, "milestone_period": "2027", "milestone_value": 5.0}
INDICATORS = pd.DataFrame([{"indicator_id": "MOB01", "action_id": "A01", "direction": "increase"}])


def _assessed(obs=None) -> pd.DataFrame:
    return assess_all(obs if obs is not None else _obs(), INDICATORS, pd.DataFrame([TARGET]))


def _figure(lang="fr", **kw):
    return charts.indicator_chart(_obs(), TARGET, _assessed(), TERRITORIES, lang, 1, "%", **kw)


def _role(fig, role):
    return [tr for tr in fig.data if (tr.meta or {}).get("role") == role]


# ------------------------------------------------------------------ indicator chart

def test_indicator_chart_has_one_trace_per_territory_and_the_target_elements():
    fig = _figure()
    observed = _role(fig, "observed")
    assert sorted(tr.meta["territory_id"] for tr in observed) == ["34022", "59350"]
    assert [tr.name for tr in observed] == ["Lille (FR)", "Courtrai (BE)"]          # French side first
    assert len(_role(fig, "target_path")) == 1
    assert _role(fig, "target_path")[0].name == "Trajectoire cible"
    milestone = _role(fig, "milestone")
    assert len(milestone) == 1 and milestone[0].x == (2027.0,) and milestone[0].y == (5.0,)
    projection = _role(fig, "projection")
    assert len(projection) == 1
    assert projection[0].line.dash == "dash" and projection[0].line.color == charts.PROJECTION_COLOR
    assert projection[0].x == (2018.0, 2030.0)
    lille = _assessed().set_index("territory_id").loc["59350"]
    assert projection[0].y[-1] == pytest.approx(lille["projected_value"])
    assert projection[0].y[0] == pytest.approx(lille["trend_at_base"])


def test_target_path_follows_the_required_growth_rate_from_baseline_to_target():
    path = _role(_figure(), "target_path")[0]
    assert path.x[0] == 2018.0 and path.y[0] == pytest.approx(2.0)
    assert path.x[-1] == 2030.0 and path.y[-1] == pytest.approx(8.0)
    middle = path.x.index(2024.0)
    assert path.y[middle] == pytest.approx(4.0)          # 2 × (8/2)^(6/12): a CAGR curve, not a line (5.0)
    assert path.marker.symbol[0] == "square" and path.marker.symbol[-1] == "star"
    # base and target of opposite signs: no growth rate, a straight line
    xs, ys = charts.target_path_points("2020", -2.0, "2030", 8.0)
    assert ys[len(ys) // 2] == pytest.approx(3.0)


def test_french_and_belgian_sides_differ_in_colour_dash_and_marker():
    fr, be = _role(_figure(), "observed")
    assert fr.meta["country"] == "FR" and be.meta["country"] == "BE"
    assert fr.line.color == COUNTRY_COLORS["FR"] and be.line.color == COUNTRY_COLORS["BE"]
    assert fr.line.color != be.line.color
    assert fr.line.dash == COUNTRY_DASH["FR"] != be.line.dash == COUNTRY_DASH["BE"]
    assert fr.marker.symbol != be.marker.symbol


def test_several_territories_of_one_side_get_shades_of_the_side_colour():
    obs = _obs()
    roubaix = obs[obs["territory_id"] == "59350"].assign(territory_id="59512", value=lambda d: d["value"] + 1)
    fig = charts.indicator_chart(pd.concat([obs, roubaix]), None, None, TERRITORIES, "fr", 1, "%")
    french = [tr for tr in _role(fig, "observed") if tr.meta["country"] == "FR"]
    assert len(french) == 2
    assert french[0].line.color != french[1].line.color
    assert {tr.line.dash for tr in french} == {"solid"}


def test_flagged_values_have_their_own_marker_and_the_flag_word_in_the_hover():
    fig = _figure()
    flagged = _role(fig, "flagged")
    assert len(flagged) == 1
    assert flagged[0].marker.symbol == charts.FLAG_SYMBOL
    assert flagged[0].marker.symbol not in {tr.marker.symbol for tr in _role(fig, "observed")}
    assert sorted(flagged[0].x) == [2021.0, 2022.0, 2023.0]
    # the legend's key is neutral, not the first flagged territory's colour; one click hides both
    key = _role(fig, "flagged_key")
    assert len(key) == 1 and key[0].marker.color == charts.NEUTRAL_MARK and key[0].marker.symbol == charts.FLAG_SYMBOL
    assert flagged[0].showlegend is False and key[0].legendgroup == flagged[0].legendgroup
    hover = " ".join(flagged[0].hovertext)
    assert "provisoire (p)" in hover and "estimé (e)" in hover and "rupture de série (b)" in hover
    lille = _role(fig, "observed")[0]
    assert "provisoire" in lille.hovertext[-1] and "provisoire" not in lille.hovertext[0]
    english = _role(_figure("en"), "flagged")[0]
    assert "provisional (p)" in " ".join(english.hovertext)


@pytest.mark.parametrize("lang,separators,x_title,y_title,number", [
    ("fr", ", ", "Période", "Valeur (%)", f"1{NNBSP}234,5"),
    ("nl", ",.", "Periode", "Waarde (%)", "1.234,5"),
    ("en", ".,", "Period", "Value (%)", "1,234.5"),
])
def test_numbers_and_axis_titles_follow_the_language(lang, separators, x_title, y_title, number):
    fig = _figure(lang)
    assert fig.layout.separators == separators
    assert fig.layout.xaxis.title.text == x_title
    assert fig.layout.yaxis.title.text == y_title
    courtrai = _role(fig, "observed")[1]
    assert number in courtrai.hovertext[0]


def test_chart_is_readable_on_a_projector():
    fig = _figure()
    assert fig.layout.font.size >= 16
    assert fig.layout.legend.font.size >= 14
    assert fig.layout.xaxis.tickfont.size >= 14 and fig.layout.yaxis.tickfont.size >= 14
    assert all(tr.line.width >= 2.5 for tr in _role(fig, "observed") + _role(fig, "target_path"))


def test_chart_without_data_says_so():
    fig = charts.indicator_chart(None, None, None, TERRITORIES, "fr", 1, "%")
    assert fig.layout.annotations[0].text == "Aucune valeur à afficher"
    assert not fig.data


def test_aligned_side_charts_share_their_axes():
    obs = _obs()
    fr = charts.indicator_chart(obs[obs["territory_id"] == "59350"], TARGET, _assessed(), TERRITORIES, "fr", 1, "%")
    be = charts.indicator_chart(obs[obs["territory_id"] == "34022"], None, None, TERRITORIES, "fr", 1, "%")
    charts.align_axes(fr, be)
    assert fr.layout.yaxis.range == be.layout.yaxis.range
    assert fr.layout.yaxis.range[0] < 2.0 and fr.layout.yaxis.range[1] > 1500.0
    assert fr.layout.xaxis.range == be.layout.xaxis.range


def test_the_two_sides_are_the_panels_of_one_chart_sharing_their_value_axis_and_legend():
    obs = _obs()
    fr = charts.indicator_chart(obs[obs["territory_id"] == "59350"], TARGET, _assessed(), TERRITORIES, "fr", 1, "%")
    be = charts.indicator_chart(obs[obs["territory_id"] == "34022"], dict(TARGET, territory_id="34022"), None,
                                TERRITORIES, "fr", 1, "%")
    charts.align_axes(fr, be)
    both = charts.side_by_side([("France", fr), ("Belgique", be)])
    assert len(both.data) == len(fr.data) + len(be.data)
    assert [a.text for a in both.layout.annotations] == ["<b>France</b>", "<b>Belgique</b>"]
    on = {tr.meta["territory_id"]: tr.xaxis for tr in both.data if tr.meta["role"] == "observed"}
    assert on == {"59350": "x", "34022": "x2"}
    assert both.layout.yaxis2.matches == "y" and both.layout.yaxis.range == fr.layout.yaxis.range
    assert both.layout.separators == fr.layout.separators and both.layout.yaxis.title.text == "Valeur (%)"
    # a series of both sides (the target path) is listed once, and toggles on both sides together
    paths = [tr for tr in both.data if tr.meta["role"] == "target_path"]
    assert len(paths) == 2 and [tr.showlegend for tr in paths].count(False) == 1
    assert len({tr.legendgroup for tr in paths}) == 1
    # the figures drawn alone elsewhere are left as they were
    assert all(tr.xaxis in (None, "x") for tr in be.data)


# ------------------------------------------------------------------ ranking

def test_ranking_bars_are_coloured_by_side_with_the_best_value_on_top():
    latest = pd.DataFrame({"territory_id": ["59350", "34022", "59512", "57096"], "period": ["2023"] * 4,
                           "value": [4.1, 12.5, 7.25, 3.0], "flag": [None, "p", None, None]})
    fig = ranking.ranking_chart(latest, "fr", 1, "%", TERRITORIES, "increase")
    by_side = {tr.meta["country"]: tr for tr in fig.data}
    assert set(by_side) == {"FR", "BE"}
    assert by_side["FR"].marker.color == COUNTRY_COLORS["FR"] and by_side["BE"].marker.color == COUNTRY_COLORS["BE"]
    assert by_side["BE"].marker.pattern.shape == "/" and by_side["FR"].marker.pattern.shape == ""
    assert all(tr.orientation == "h" for tr in fig.data)
    order = list(fig.layout.yaxis.categoryarray)
    assert order[-1] == "Belgique · Courtrai" and order[0] == "Belgique · Mouscron"      # plotly draws the last on top
    assert "12,5\u00a0% ⚑" in by_side["BE"].text
    assert "provisoire" in " ".join(by_side["BE"].hovertext)
    assert fig.layout.separators == ", "
    lower_is_better = ranking.ranking_chart(latest, "fr", 1, "%", TERRITORIES, "decrease")
    assert list(lower_is_better.layout.yaxis.categoryarray)[-1] == "Belgique · Mouscron"


def test_a_ranking_by_side_ranks_each_country_in_its_own_block_france_on_top():
    latest = pd.DataFrame({"territory_id": ["59350", "34022", "59512", "57096"], "period": ["2023"] * 4,
                           "value": [4.1, 12.5, 7.25, 3.0]})
    fig = ranking.ranking_chart(latest, "fr", 1, "%", TERRITORIES, "increase", by_side=True)
    order = list(fig.layout.yaxis.categoryarray)   # bottom to top
    sides = [label.split(" · ")[0] for label in order]
    assert sides == ["Belgique", "Belgique", "France", "France"]
    values = {tr.meta["country"]: list(tr.x) for tr in fig.data}
    assert values["FR"] == sorted(values["FR"]) and values["BE"] == sorted(values["BE"])   # best on top of each
    # Courtrai (Belgium, 12.5) is no longer above the French bars it must not be compared with
    assert order.index("Belgique · Courtrai") < min(i for i, s in enumerate(sides) if s == "France")
    lines = [shape for shape in fig.layout.shapes if shape.type == "line" and shape.y0 == shape.y1]
    assert [shape.y0 for shape in lines] == [1.5]   # one line, between the two blocks
    mixed = ranking.ranking_chart(latest, "fr", 1, "%", TERRITORIES, "increase")
    assert list(mixed.layout.yaxis.categoryarray)[-1] == "Belgique · Courtrai" and not mixed.layout.shapes


def test_latest_year_values_keep_one_row_per_territory_of_the_latest_year():
    obs = _obs()
    obs = pd.concat([obs, pd.DataFrame([("MOB01", "57096", "2020", 9.0, None)], columns=obs.columns)])
    year, latest = ranking.latest_year_values(obs)
    assert year == "2023"
    assert sorted(latest["territory_id"]) == ["34022", "59350"]


# ------------------------------------------------------------------ tables

def test_sparkline_values_are_annual_and_in_order():
    obs = pd.DataFrame({"period": ["2021-Q2", "2020", "2021-Q1", "2022", "2023"],
                        "value": [3.0, 1.0, 1.0, float("nan"), 5.0]})
    assert indicator_tables.sparkline_values(obs) == [1.0, 2.0, 5.0]
    assert indicator_tables.sparkline_values(obs.iloc[:0]) == []


@pytest.mark.parametrize("base,latest,target,share", [
    (2.0, 5.0, 8.0, 0.5),
    (2.0, 9.0, 8.0, 1.0),       # past the target: clipped
    (2.0, 1.0, 8.0, 0.0),       # moving away: clipped
    (30.0, 25.0, 20.0, 0.5),    # a target below the baseline (decrease)
    (2.0, None, 8.0, None),
    (2.0, 3.0, 2.0, None),      # target equal to the baseline and missed
])
def test_progress_share_is_the_way_covered_from_baseline_to_target(base, latest, target, share):
    result = indicator_tables.progress_share(base, latest, target)
    assert result == (pytest.approx(share) if share is not None else None)


def test_indicator_table_gives_progress_trend_and_milestone_for_the_headline():
    indicators = pd.DataFrame([{"indicator_id": "MOB01", "action_id": "A01", "name_fr": "Part modale du vélo",
                                "unit": "%", "decimals": 1, "direction": "increase"}])
    table = indicator_tables.indicator_table(indicators, _assessed(), _obs(), pd.DataFrame([TARGET]), TERRITORIES, "fr")
    row = table.iloc[0]
    assert row["territory"] == "Lille"
    assert row["progress"] == pytest.approx((4.1 - 2.0) / (8.0 - 2.0))
    assert row["trend"] == [2.0, 2.4, 2.9, 3.1, 3.6, 4.1]
    assert row["milestone"].startswith("5,0\u00a0% (2027) · ")
    assert row["latest"] == "4,1\u00a0% (2023) ⚑\u00a0provisoire\u00a0(p)" and row["target"] == "8,0\u00a0% (2030)"
    assert row["status_text"].split(" ", 1)[1] in {"En bonne voie", "Accélération nécessaire", "Progrès limité",
                                                   "Dégradation", "Cible atteinte"}


def test_values_table_shows_flags_as_words_with_headers_in_the_language():
    indicator = {"indicator_id": "MOB01", "name_fr": "Part", "unit": "%"}
    table = indicator_tables.values_table(_obs(), indicator, TERRITORIES, "fr")
    assert {"Qualité", "Valeur", "Territoire", "Pays", "Période"} <= set(table.columns)
    assert list(table["Pays"].unique()) == ["FR", "BE"]
    assert set(table["Qualité"]) == {"", "provisoire", "estimé", "rupture de série"}
    assert table["Valeur"].dtype == "float64"
    dutch = indicator_tables.values_table(_obs(), indicator, TERRITORIES, "nl")
    assert "voorlopig" in set(dutch["Kwaliteit"])


# ------------------------------------------------------------------ downloads

def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "Territoire": ["Lille", "=HYPERLINK(\"http://x\")", "+33 6 12", "@SUM(A1)", "-2+3", "-3,5"],
        "Valeur": [-3.5, 1234.5, 0.1 + 0.2, 2.0, float("nan"), 10.0],
        "Note": ["été", None, "\tcmd", "ok", "", "x"],
    })


def test_csv_for_french_excel_has_bom_semicolons_and_decimal_commas():
    raw = downloads.to_excel_csv(_frame())
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[0] == "Territoire;Valeur;Note"
    assert lines[1] == "Lille;-3,5;été"                 # a negative number stays a number
    assert "1234,5" in lines[2] and "0,3;" in lines[3]
    back = pd.read_csv(io.BytesIO(raw), sep=";", decimal=",", encoding="utf-8-sig", keep_default_na=False,
                       na_values=[""])
    assert back["Valeur"].dtype == "float64"
    assert back["Valeur"].iloc[0] == -3.5


def test_csv_neutralises_formula_cells():
    text = downloads.to_excel_csv(_frame()).decode("utf-8-sig")
    back = pd.read_csv(io.StringIO(text), sep=";", decimal=",", dtype=str, keep_default_na=False)
    assert back["Territoire"].tolist() == ["Lille", "'=HYPERLINK(\"http://x\")", "'+33 6 12", "'@SUM(A1)", "'-2+3",
                                           "-3,5"]                          # text that is only a number stays
    assert back["Note"].iloc[2] == "'\tcmd"
    assert not any(cell.startswith(("=", "+", "@")) for cell in back["Territoire"])


def test_xlsx_keeps_numbers_numeric_and_formulas_inert():
    raw = downloads.to_xlsx(_frame(), "MOB01: vélo/[part]")
    book = openpyxl.load_workbook(io.BytesIO(raw))
    sheet = book.active
    assert sheet.title == "MOB01_ vélo__part_"
    assert [c.value for c in sheet[1]] == ["Territoire", "Valeur", "Note"]
    assert sheet["B2"].value == -3.5 and sheet["B2"].data_type == "n"
    assert sheet["A3"].value.startswith("'=") and sheet["A3"].data_type == "s"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert sheet.freeze_panes == "A2"
    assert sheet["B6"].value is None                                          # no value stays empty


def test_neutralise_leaves_numbers_alone():
    assert downloads.neutralise(-3.5) == -3.5
    assert downloads.neutralise("-3,5") == "-3,5"
    assert downloads.neutralise("-1 234,5") == "-1 234,5"
    assert downloads.neutralise("-") == "'-"
    assert downloads.neutralise("=1+1") == "'=1+1"
    assert math.isnan(downloads.neutralise(float("nan")))


def test_fill_headlines_lets_a_filtered_territory_stand_in_for_the_target_territory():
    obs = _obs()
    courtrai = obs[obs["territory_id"] == "34022"]
    assessed = assess_all(courtrai, INDICATORS, pd.DataFrame([TARGET]))     # the target is Lille's
    assert not assessed["headline"].astype(bool).any()
    filled = indicator_tables.fill_headlines(assessed)
    assert filled.loc[filled["headline"], "territory_id"].tolist() == ["34022"]
    both = _assessed()
    assert indicator_tables.fill_headlines(both)["headline"].tolist() == both["headline"].tolist()   # kept when present


def test_status_pills_keep_the_palette_text_colour_and_a_readable_contrast():
    """Streamlit writes black text on a pill lighter than 0.5 relative luminance, white otherwise:
    every pill gets the text colour the palette gives its status, at WCAG AA contrast or better."""
    from indicators.style import STATUS_COLORS, STATUS_PILL_COLORS, STATUS_TEXT_COLORS, relative_luminance

    assert relative_luminance("#FFFFFF") == 1 and relative_luminance("#000000") == 0
    for status, pill in STATUS_PILL_COLORS.items():
        fill = relative_luminance(pill)
        dark_text = fill > 0.5                                   # Streamlit's rule for the text colour
        assert dark_text == (STATUS_TEXT_COLORS[status] != "#FFFFFF"), status
        contrast = (fill + 0.05) / 0.05 if dark_text else 1.05 / (fill + 0.05)
        assert contrast >= 4.5, (status, pill, contrast)
        if pill != STATUS_COLORS[status]:                        # lightened: the same hue, paler
            assert fill > relative_luminance(STATUS_COLORS[status])
    assert STATUS_PILL_COLORS["achieved"] == STATUS_COLORS["achieved"]


def test_an_aggregate_is_a_reference_line_not_ranked_among_its_parts():
    """The Eurometropolis (kind custom) beside its communes and arrondissements: a dashed line, not a bar."""
    from indicators.ranking import ranking_chart

    territories = pd.DataFrame({"territory_id": ["EMLKT", "59350", "BE254", "59009"],
                                "name_fr": ["Eurométropole", "Lille", "Kortrijk", "Villeneuve-d'Ascq"],
                                "country": ["EU", "FR", "BE", "FR"], "kind": ["custom", "commune", "commune", "commune"],
                                "parent_id": [None, None, None, None]})
    latest = pd.DataFrame({"territory_id": ["EMLKT", "59350", "BE254", "59009"], "value": [2100.0, 900.0, 700.0, 500.0],
                           "period": ["2024"] * 4})
    fig = ranking_chart(latest, "fr", 0, "persons", territories)
    bars = [label for trace in fig.data for label in trace.y]
    assert len(bars) == 3 and not any("Eurométropole" in b for b in bars), bars
    lines = [s for s in fig.layout.shapes if s.x0 == 2100.0]
    assert len(lines) == 1 and any("Eurométropole" in a.text and "2\u202f100" in a.text for a in fig.layout.annotations)
    assert lines[0].layer == "below"   # "between" made Streamlit's plotly stop drawing shapes (stop 32)
    alone = ranking_chart(latest[latest["territory_id"] != "EMLKT"], "fr", 0, "persons", territories)
    assert not alone.layout.shapes and sum(len(t.y) for t in alone.data) == 3


def test_many_territories_with_targets_share_one_legend_entry_per_element():
    """Eight communes with their own target made a legend of 24 entries above the chart (the large
    store's Actions page): past two, one entry stands for all the target paths, one for the milestones,
    one for the projections, and each hover still names its territory."""
    ids = TERRITORIES["territory_id"].head(5).tolist()
    obs = pd.DataFrame([("MOB01", tid, str(y), 10.0 + k + y - 2018, None)
                        for k, tid in enumerate(ids) for y in range(2018, 2024)],
                       columns=["indicator_id", "territory_id", "period", "value", "flag"])
    targets = pd.DataFrame([dict(TARGET, territory_id=tid, baseline_value=10.0 + k, target_value=30.0 + k)
                            for k, tid in enumerate(ids)])
    assessed = assess_all(obs, INDICATORS, targets)
    fig = charts.indicator_chart(obs, targets, assessed, TERRITORIES, "fr", 1, "%")
    names = {TERRITORIES.set_index("territory_id").loc[tid, "name_fr"] for tid in ids}
    for role in ("target_path", "milestone", "projection"):
        # one trace for all five (the browser draws each trace apart), its lines broken between territories
        (trace,) = _role(fig, role)
        assert trace.showlegend is not False and "·" not in trace.name, (role, trace.name)
        assert sorted(trace.meta["territory_ids"]) == sorted(ids), role
        hovers = [h for h in trace.hovertext if h]
        assert all(any(name in h for h in hovers) for name in names), role
        assert len(trace.x) == len(trace.y) == len(trace.hovertext) == len(trace.marker.size)
    path = _role(fig, "target_path")[0]
    gaps = [i for i, x in enumerate(path.x) if x is None]
    assert len(gaps) == 4 and all(path.y[i] is None for i in gaps)
    # each territory's path keeps its baseline square and target star
    assert list(path.marker.symbol).count("star") == 5 and list(path.marker.symbol).count("square") == 5
    # two territories keep one entry each, named
    two = charts.indicator_chart(obs, targets.head(2), assess_all(obs, INDICATORS, targets.head(2)),
                                 TERRITORIES, "fr", 1, "%")
    assert [tr.showlegend for tr in _role(two, "target_path")] == [None, None]
    assert all("·" in tr.name for tr in _role(two, "target_path"))


def test_totals_far_above_the_bars_are_said_in_words_not_drawn():
    """A population ranking of communes beside fifteen totals (provinces, regions) drew fifteen lines and
    their words over the plot, the bars squashed into a strip: lines only for the few totals on the bars'
    scale, the widest territory first; the others listed in the figure's meta for the page's caption."""
    from indicators.ranking import REFERENCE_LINES, ranking_chart

    communes = [(f"5900{i}", f"Commune {i}", "commune", None, 9000.0 + 500 * i) for i in range(6)]
    totals = [("EMLKT", "Eurométropole", "custom", None, 12000.0), ("BE25", "Flandre-Occidentale", "province", None,
                                                                    11000.0),
              ("FRE", "Hauts-de-France", "region", None, 5999158.0), ("FRE11", "Nord", "department", None, 2614058.0)]
    totals += [(f"A{i}", f"Arrondissement {i}", "arrondissement", None, 10000.0 + i) for i in range(4)]
    rows = communes + totals
    territories = pd.DataFrame(rows, columns=["territory_id", "name_fr", "kind", "parent_id", "v"]).assign(
        country="FR").drop(columns="v")
    latest = pd.DataFrame({"territory_id": [r[0] for r in rows], "value": [r[4] for r in rows], "period": "2024"})
    fig = ranking_chart(latest, "fr", 0, "persons", territories)
    drawn = [a.text for a in fig.layout.annotations]
    assert len(fig.layout.shapes) == len(drawn) == REFERENCE_LINES
    assert drawn[0].startswith("Eurométropole")                       # the widest territory first
    assert not any("Hauts-de-France" in d or "Nord" in d for d in drawn)
    assert fig.layout.xaxis.range[1] < 20000                           # the bars keep the width
    words = fig.layout.meta["off_scale"]
    assert len(words) == len(totals) - REFERENCE_LINES
    assert any(w.startswith("Hauts-de-France") and "5\u202f999\u202f158" in w for w in words)


def test_the_two_sides_label_the_same_years():
    """France's panel ran to 2030 labelled every second year (crammed), Belgium's every fourth: aligned
    panels share their range and their labelled years, six or so."""
    import plotly.graph_objects as go

    from indicators.charts.panels import align_axes, side_by_side

    france = go.Figure(go.Scatter(x=[2014, 2020, 2030], y=[1, 2, 3]))
    belgium = go.Figure(go.Scatter(x=[2016, 2024], y=[2, 4]))
    align_axes(france, belgium)
    both = side_by_side([("France", france), ("Belgique", belgium)])
    axes = [both.layout.xaxis, both.layout.xaxis2]
    assert axes[0].dtick == axes[1].dtick and axes[0].tick0 == axes[1].tick0 == 2014
    assert (2030 - 2014) / axes[0].dtick <= 6 and list(axes[0].range) == list(axes[1].range)


def test_the_lines_of_one_side_differ_by_their_markers_too():
    """Eight Belgian lines in close shades of orange could not be told apart: within a side the marker's
    shape stays the side's, its filling changes from one line to the next."""
    ids = TERRITORIES["territory_id"].head(4).tolist()
    obs = pd.DataFrame([("MOB01", tid, str(y), 10.0 + k + y - 2018, None)
                        for k, tid in enumerate(ids) for y in range(2018, 2023)],
                       columns=["indicator_id", "territory_id", "period", "value", "flag"])
    fig = charts.indicator_chart(obs, pd.DataFrame(), None, TERRITORIES, "fr", 1, "%")
    by_side: dict[str, list[str]] = {}
    for trace in _role(fig, "observed"):
        by_side.setdefault(trace.meta["country"], []).append(trace.marker.symbol)
    assert sorted(by_side) == ["BE", "FR"] and all(len(v) == 2 for v in by_side.values())
    for side, symbols in by_side.items():
        assert len(set(symbols)) == len(symbols), (side, symbols)
        assert all(s.startswith(charts.COUNTRY_SYMBOLS.get(side, charts.OTHER_SYMBOL)) for s in symbols)


def test_a_shares_projection_stops_at_100_percent_where_its_trend_reaches_it():
    """ECO07 (very-high-speed coverage, %) was projected at 132 % on a chart whose axis ran to 120 %."""
    obs = pd.DataFrame({"indicator_id": "ECO07", "territory_id": "59350", "period": ["2019", "2021", "2023"],
                        "value": [60.0, 80.0, 100.0], "flag": None})
    assessed = [{"territory_id": "59350", "base_period": "2019", "base_value": 60.0, "trend_at_base": 60.0,
                 "trend_slope": 10.0, "target_period": "2027", "projected_value": 140.0}]
    for unit, end in (("%", (2023.0, 100.0)), ("EUR/hab", (2027.0, 140.0))):   # +10 a year from 60 in 2019
        fig = charts.indicator_chart(obs, None, assessed, TERRITORIES, "fr", 1, unit)
        (line,) = _role(fig, "projection")
        assert (line.x[-1], line.y[-1]) == end, unit
    fig = charts.indicator_chart(obs, None, assessed, TERRITORIES, "fr", 1, "%")
    assert "atteint 100,0\u00a0% vers 2023" in _role(fig, "projection")[0].hovertext[-1]


def test_every_page_says_a_shares_projection_as_the_chart_draws_it():
    """The Explorer's card said "Projection 132,2 %" for ECO07 (coverage, %) under a chart whose projection
    stopped at 100 % in 2026: the card, the Actions table and the report read one function."""
    from indicators import wording
    from indicators.progress.series import assess

    a = assess(["2019", "2021", "2023"], [60.0, 80.0, 100.0], "increase",
               {"target_period": "2030", "target_value": 95.0})
    row = {**a.__dict__}
    assert row["projected_value"] > 100   # the trend line itself goes on
    assert wording.projection(row, "%") == (100.0, 2023.0)
    assert wording.projection_text(row, "fr", 1, "%") == "atteint 100,0\u00a0% vers 2023"
    assert wording.projection_text(row, "nl", 1, "%") == "bereikt 100,0% rond 2023"
    value, year = wording.projection(row, "EUR/hab")   # not a share: the line goes on to the target period
    assert year is None and value == pytest.approx(row["projected_value"])
    assert wording.projection_text(row, "en", 1, "EUR/hab", period=True).endswith("(2030)")


def test_a_trend_past_its_bound_before_the_latest_value_names_no_year_in_words():
    """ECO07's card said "100,0 % · vers 2024" beside a 2025 value of 96,1 %: the least-squares line of a
    saturating series passes 100 % before the data does. Words give the bound without a past year; the
    chart still stops its line where the line reaches 100 %."""
    from indicators import wording
    from indicators.progress.series import assess

    periods = ["2016", "2018", "2020", "2022", "2023", "2024", "2025"]
    values = [50.0, 70.0, 85.0, 92.0, 94.0, 95.5, 96.1]
    row = {**assess(periods, values, "increase", {"target_period": "2030", "target_value": 100.0}).__dict__}
    value, drawn = wording.projection(row, "%", drawn=True)
    assert value == 100.0 and 2024 <= drawn < 2025           # the line itself reaches 100 % in 2024
    assert wording.projection(row, "%") == (100.0, None)     # said without that year
    for lang in ("fr", "nl", "en"):
        text = wording.projection_text(row, lang, 1, "%", period=True)
        assert "2024" not in text and text.endswith("(2030)"), text
    obs = pd.DataFrame({"indicator_id": "ECO07", "territory_id": "59350", "period": periods,
                        "value": values, "flag": None})
    fig = charts.indicator_chart(obs, None, [{**row, "territory_id": "59350"}], TERRITORIES, "fr", 1, "%")
    (line,) = _role(fig, "projection")
    assert line.x[-1] == pytest.approx(drawn) and line.y[-1] == 100.0 and "2024" not in line.hovertext[-1]


def test_the_cross_border_bodies_are_the_upper_panel_of_the_same_chart():
    """An indicator of the Actions page drew two plotly charts (cross-border bodies, then the two sides):
    one chart of three panels now, the upper one on its own value axis, one legend."""
    obs = _obs()
    fr = charts.indicator_chart(obs[obs["territory_id"] == "59350"], TARGET, _assessed(), TERRITORIES, "fr", 1, "%")
    be = charts.indicator_chart(obs[obs["territory_id"] == "34022"], dict(TARGET, territory_id="34022"), None,
                                TERRITORIES, "fr", 1, "%")
    above = charts.indicator_chart(obs[obs["territory_id"] == "34022"].assign(territory_id="EMLKT"), None, None,
                                   TERRITORIES, "fr", 1, "%")
    charts.align_axes(fr, be)
    all3 = charts.side_by_side([("France", fr), ("Belgique", be)], above=("Transfrontalier", above))
    assert len(all3.data) == len(above.data) + len(fr.data) + len(be.data)
    assert [a.text for a in all3.layout.annotations] == ["<b>Transfrontalier</b>", "<b>France</b>", "<b>Belgique</b>"]
    on = {tr.meta["territory_id"]: tr.xaxis for tr in all3.data if tr.meta["role"] == "observed"}
    assert on == {"EMLKT": "x", "59350": "x2", "34022": "x3"}
    assert all3.layout.yaxis3.matches == "y2" and all3.layout.yaxis.matches is None   # sides share theirs
    assert all3.layout.yaxis2.domain[1] < all3.layout.yaxis.domain[0]                  # the bodies above
    assert all3.layout.yaxis.title.text == all3.layout.yaxis2.title.text == "Valeur (%)"
    assert all3.layout.xaxis.title.text is None and all3.layout.xaxis2.title.text      # years said once below
    assert all3.layout.height > charts.side_by_side([("France", fr), ("Belgique", be)]).layout.height
