"""Any border, any countries (stop 29, findings C5, C9, C10): a region's territories and partners carry
any ISO 3166-1 country code, countries are named in the page's language, each drawn in a look of its own,
the charts' sides and the comparability caution follow the countries that have values."""
from __future__ import annotations

import pandas as pd
import pytest

from indicators import charts, countries, health, i18n, maps, ranking
from indicators.i18n import t
from indicators.importing import validate_files
from indicators.schema import COUNTRIES, TABLES
from indicators.style import COUNTRY_COLORS, COUNTRY_DASH

from .helpers import write

# The Greater Region (tester C's files): Saarland, Trier, Luxembourg, Lorraine, Wallonia, and the region.
GREATER_REGION = pd.DataFrame({
    "territory_id": ["DEC0", "DEB2", "LU000", "FRF3", "BE34", "GR"],
    "name_fr": ["Sarre", "Région de Trèves", "Luxembourg", "Lorraine", "Province de Luxembourg", "Grande Région"],
    "country": ["DE", "DE", "LU", "FR", "BE", "EU"],
    "kind": ["region", "region", "nuts3", "region", "province", "custom"]})


def _obs(ids, indicator="A1-CHOM") -> pd.DataFrame:
    return pd.DataFrame([(indicator, tid, str(year), 5.0 + k + (year - 2020) * 0.3, None)
                         for k, tid in enumerate(ids) for year in range(2020, 2025)],
                        columns=["indicator_id", "territory_id", "period", "value", "flag"])


def _observed(fig):
    return [tr for tr in fig.data if (tr.meta or {}).get("role") == "observed"]


# ------------------------------------------------------------------ C10: every country code

def test_a_swiss_territory_and_partner_validate_with_their_iso_code_in_any_case(tmp_path):
    """Upper Rhine: Basel (BFS 2701, country CH) was refused, "Allowed: FR, BE, NL, LU, DE, EU"."""
    territories = write(tmp_path, "swiss.csv", "territory_id;name_fr;name_nl;country;kind;lat;lon;population\n"
                                               "2701;Bâle;Basel;CH;commune;47,5596;7,5886;173552\n"
                                               "2703;Riehen;Riehen;ch;commune;47,58;7,65;21000\n")
    partners = write(tmp_path, "partners.csv", "partner_id,name_fr,country,kind\nBS,Canton de Bâle-Ville,CH,region\n"
                                               "ES,Generalitat,es,region\nPL,Województwo lubuskie,PL,region\n")
    checked = validate_files(None, [territories, partners])
    errors = [p.as_dict("fr") for p in checked.problems if p.severity == "error"]
    assert checked.ok and not errors, errors
    assert set(checked.tables["territories"]["country"]) == {"CH"}            # `ch` stored as CH
    assert list(checked.tables["partners"]["country"]) == ["CH", "ES", "PL"]


def test_every_iso_country_is_allowed_in_one_list_and_a_non_country_is_not():
    allowed = set(TABLES["territories"].column("country").allowed)
    assert TABLES["partners"].column("country").allowed is TABLES["territories"].column("country").allowed
    assert {"FR", "BE", "NL", "LU", "DE", "EU", "CH", "IT", "ES", "PL", "AT", "CZ", "DK", "XK"} <= allowed
    assert len(COUNTRIES) == len(allowed) == 251              # the 249 of ISO 3166-1, EU and Kosovo's XK
    assert not {"ZZ", "UN", "EZ", "QO", "001", "150"} & allowed
    assert COUNTRIES[:6] == ("FR", "BE", "NL", "LU", "DE", "EU")


def test_an_unknown_country_is_still_refused(tmp_path):
    path = write(tmp_path, "territories.csv", "territory_id,name_fr,country\nX1,Nulle part,ZZ\n")
    checked = validate_files(None, [path])
    assert [(p.row, p.column, p.value) for p in checked.problems if p.severity == "error"] == [(2, "country", "ZZ")]
    assert not checked.ok


@pytest.mark.parametrize("written,code", [("ch", "CH"), ("Suisse", "CH"), ("Zwitserland", "CH"),
                                          ("Switzerland", "CH"), ("Schweiz", "CH"), ("Deutschland", "DE"),
                                          ("Allemagne", "DE"), ("Lëtzebuerg", "LU"), ("België", "BE"),
                                          ("DEU", "DE"), ("EL", "GR"), ("UK", "GB"), ("Italia", "IT")])
def test_a_country_written_as_a_name_is_matched_to_its_code(written, code):
    assert countries.code_for(written) == code


def test_a_cell_that_names_no_country_has_no_code():
    assert countries.code_for("Grande Région") is None and countries.code_for("") is None


# ------------------------------------------------------------------ C9: names in the page's language

@pytest.mark.parametrize("lang,names", [("fr", ("France", "Belgique", "Allemagne", "Luxembourg", "Suisse")),
                                        ("nl", ("Frankrijk", "België", "Duitsland", "Luxemburg", "Zwitserland")),
                                        ("en", ("France", "Belgium", "Germany", "Luxembourg", "Switzerland"))])
def test_every_country_is_named_in_the_page_language(lang, names):
    assert tuple(t(f"country_{c}", lang) for c in ("FR", "BE", "DE", "LU", "CH")) == names
    assert tuple(countries.name(c, lang) for c in ("FR", "BE", "DE", "LU", "CH")) == names
    assert all(f"country_{code}" in i18n.TEXTS for code in COUNTRIES)


def test_a_cross_border_territory_is_said_cross_border_not_european_union():
    assert [countries.name("EU", lang) for lang in ("fr", "nl", "en")] == [
        "Transfrontalier", "Grensoverschrijdend", "Cross-border"]


def test_the_ranking_legend_names_germany_and_luxembourg_in_the_page_language():
    """Explorer, A1-CHOM: the legend read "France, Belgique, DE, LU"."""
    latest = pd.DataFrame({"territory_id": ["DEC0", "LU000", "FRF3", "BE34"], "period": "2024",
                           "value": [5.5, 5.8, 7.9, 8.4]})
    for lang, words in (("fr", ["France", "Belgique", "Allemagne", "Luxembourg"]),
                        ("nl", ["Frankrijk", "België", "Duitsland", "Luxemburg"])):
        fig = ranking.ranking_chart(latest, lang, 1, "%", GREATER_REGION, "decrease")
        assert [tr.name for tr in fig.data] == words


def test_the_map_tooltip_names_the_country_in_the_page_language():
    frame = GREATER_REGION.assign(value=[5.5, 6.0, 5.8, 7.9, 8.4, 6.6], period="2024")
    fields = maps._label_fields(frame, "nl", "%", 1, "opensdg")
    assert list(fields["country_name"]) == ["Duitsland", "Duitsland", "Luxemburg", "Frankrijk", "België",
                                            "Grensoverschrijdend"]


# ------------------------------------------------------------------ C9: a look of its own per country

def test_each_country_has_its_own_colour_dash_and_marker_france_and_belgium_keeping_theirs():
    fig = charts.indicator_chart(_obs(["DEC0", "LU000", "FRF3", "BE34", "GR"]), None, None, GREATER_REGION, "fr", 1, "%")
    by_country = {tr.meta["country"]: tr for tr in _observed(fig)}
    assert set(by_country) == {"DE", "LU", "FR", "BE", "EU"}
    colours = {c: tr.line.color for c, tr in by_country.items()}
    symbols = {c: tr.marker.symbol for c, tr in by_country.items()}
    dashes = {c: tr.line.dash for c, tr in by_country.items()}
    assert len(set(colours.values())) == 5 and len(set(symbols.values())) == 5, (colours, symbols)
    assert len(set(dashes.values())) == 5, dashes
    assert colours["FR"] == COUNTRY_COLORS["FR"] and colours["BE"] == COUNTRY_COLORS["BE"]
    assert dashes["FR"] == COUNTRY_DASH["FR"] and dashes["BE"] == COUNTRY_DASH["BE"]
    assert symbols["FR"] == "circle" and symbols["BE"] == "square"
    assert colours["EU"] == charts.OTHER_SIDE_COLOR and symbols["EU"] == charts.OTHER_SYMBOL
    # French side first, then Belgian, then the other countries, the cross-border body last
    assert [tr.meta["country"] for tr in _observed(fig)] == ["FR", "BE", "DE", "LU", "EU"]


def test_a_country_keeps_its_look_on_every_chart_of_the_store():
    """Luxembourg drawn alone is drawn as beside Germany: the look follows the store's countries."""
    alone = charts.indicator_chart(_obs(["LU000"]), None, None, GREATER_REGION, "fr", 1, "%")
    beside = charts.indicator_chart(_obs(["DEC0", "LU000"]), None, None, GREATER_REGION, "fr", 1, "%")
    lux = [tr for tr in _observed(beside) if tr.meta["country"] == "LU"][0]
    (only,) = _observed(alone)
    assert (only.line.color, only.line.dash, only.marker.symbol) == (lux.line.color, lux.line.dash, lux.marker.symbol)


def test_the_palette_is_in_one_place_and_every_look_differs():
    looks = countries.looks(COUNTRIES[:12])
    assert looks["FR"] == countries.Look(COUNTRY_COLORS["FR"], "solid", "circle")
    assert looks["BE"] == countries.Look(COUNTRY_COLORS["BE"], "dash", "square")
    colours = [lk.color for lk in looks.values()]
    assert len(set(colours[:len(countries.PALETTE) + 2])) == len(countries.PALETTE) + 2
    assert countries.OTHER_COLOR not in colours and "EU" not in looks


# ------------------------------------------------------------------ C5: the sides drawn are the data's

def test_the_sides_are_the_countries_with_values():
    sides = countries.sides_of(["DEC0", "DEB2", "LU000", "GR"], GREATER_REGION)
    assert sides.drawn == {"DE": ["DEC0", "DEB2"], "LU": ["LU000"]}
    assert sides.others == ["GR"] and sides.missing == ["FR", "BE"]


def test_an_indicator_of_the_whole_region_has_no_country_panel():
    """GR-U1 (U1-CO2, territory GR) drew two empty panels, "France" and "Belgique"."""
    sides = countries.sides_of(["GR"], GREATER_REGION)
    assert sides.drawn == {} and sides.others == ["GR"]


def test_lille_keeps_its_two_sides_france_first():
    lille = pd.DataFrame({"territory_id": ["34022", "59350", "EMLKT"], "country": ["BE", "FR", "EU"]})
    sides = countries.sides_of(["34022", "59350", "EMLKT"], lille)
    assert sides.countries == ["FR", "BE"] and sides.others == ["EMLKT"] and sides.missing == []


def test_four_countries_are_four_panels_on_two_rows_sharing_one_value_axis():
    figs = [(countries.name(c, "fr"), charts.indicator_chart(_obs([tid]), None, None, GREATER_REGION, "fr", 1, "%"))
            for c, tid in (("FR", "FRF3"), ("BE", "BE34"), ("DE", "DEC0"), ("LU", "LU000"))]
    charts.align_axes(*[f for _, f in figs])
    above = charts.indicator_chart(_obs(["GR"]), None, None, GREATER_REGION, "fr", 1, "%")
    both = charts.side_by_side(figs, above=("Territoires transfrontaliers et autres", above))
    assert [a.text for a in both.layout.annotations] == [
        "<b>Territoires transfrontaliers et autres</b>", "<b>France</b>", "<b>Belgique</b>", "<b>Allemagne</b>",
        "<b>Luxembourg</b>"]
    axes = {tr.meta["territory_id"]: (tr.xaxis, tr.yaxis) for tr in _observed(both)}
    assert axes["GR"] == ("x", "y")
    lower = [axes[tid] for tid in ("FRF3", "BE34", "DEC0", "LU000")]
    assert len({x for x, _ in lower}) == 4
    # two rows of two, below the upper panel: France and Belgium above Germany and Luxembourg
    dom = {tid: both.layout[f"yaxis{axes[tid][1][1:]}"].domain for tid in ("FRF3", "BE34", "DEC0", "LU000")}
    assert dom["FRF3"] == dom["BE34"] and dom["DEC0"] == dom["LU000"] and dom["DEC0"][1] < dom["FRF3"][0]
    assert both.layout[f"yaxis{axes['GR'][1][1:]}"].domain[0] > dom["FRF3"][1]
    first = axes["FRF3"][1]
    assert all(both.layout[f"yaxis{y[1:]}"].matches == first for _, y in lower[1:])   # one value axis
    assert both.layout.height > charts.side_by_side(figs[:2], above=("", above)).layout.height


def test_two_sides_stay_one_row_as_before():
    figs = [(c, charts.indicator_chart(_obs([tid]), None, None, GREATER_REGION, "fr", 1, "%"))
            for c, tid in (("France", "FRF3"), ("Belgique", "BE34"))]
    both = charts.side_by_side(figs)
    assert both.layout.yaxis.domain == both.layout.yaxis2.domain and both.layout.yaxis2.matches == "y"


def test_the_report_can_say_how_each_side_present_is_drawn():
    """The report said "côté français en trait plein et ronds, côté belge en tirets et carrés" of a region
    measured in Germany and Luxembourg: `side_looks_text` says what is drawn."""
    text = countries.side_looks_text(GREATER_REGION, "fr", ["DEC0", "LU000", "GR"])
    assert text.replace("\u202f", " ") == (
        "Allemagne : longs tirets et triangles pointe en bas ; Luxembourg : longs tirets-points et pentagones ; "
        "Territoires transfrontaliers et autres : tirets-points et triangles")
    lille = pd.DataFrame({"territory_id": ["59350", "34022"], "country": ["FR", "BE"]})
    assert countries.side_looks_text(lille, "en") == "France: solid line and circles; Belgium: dashes and squares"
    looks = charts.side_looks(GREATER_REGION, "nl")
    assert [e["country"] for e in looks] == ["FR", "BE", "DE", "LU", None]
    assert looks[2]["text"] == "Duitsland: lange streepjes en omgekeerde driehoeken"


# ------------------------------------------------------------------ C5: the comparability caution

@pytest.mark.parametrize("shown,caution", [(["DEC0", "LU000"], "health_caution_partial"),
                                           (["DEC0", "DEB2"], None),
                                           (["DEC0", "GR"], None),
                                           (["FRF3", "BE34"], "health_caution_partial")])
def test_the_caution_fires_when_values_come_from_two_countries(shown, caution):
    assert health.comparability_caution("partial", shown, GREATER_REGION) == caution


def test_data_health_cautions_an_indicator_measured_in_germany_and_luxembourg():
    ind = pd.DataFrame([{"indicator_id": "S1-BILING", "action_id": "GR-S1", "name_fr": "Bilingues",
                         "periodicity": "annual", "owner": "", "comparability": "partial"}])
    got = health.assess_health(ind, _obs(["DEC0", "LU000", "GR"], "S1-BILING"), None, GREATER_REGION)
    row = got.comparability.iloc[0]
    assert row["sides"] == ["DE", "LU", "EU"] and row["caution"] == "health_caution_partial"
