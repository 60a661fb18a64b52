"""The mapping step says what became of every row of a real file, with counts that add up and the right
noun (outside tester X, stop 31, finding 3): Eurostat's 1 439 rows = 1 230 left out by the `unit` filter
+ 196 of territories outside the framework + 13 kept; the 13 rows × 22 year columns = 286 cells = 248
observations + 38 cells without a value. The notice of those 38 called them rows. A file of days
(Santé publique France's `jour`) was read as its year, so each day was a conflicting value of one year."""
from __future__ import annotations

import re

import pytest

from indicators.mappings import apply_mapping, filter_choices, known_for_mapping, suggest_mapping
from indicators.reading import read_file
from indicators.store import open_store

from .fixtures_dir import fixtures_dir

CSV = fixtures_dir() / "csv"
EUROSTAT = CSV / "eurostat_nama_10r_3gdp_BE_FR.tsv"
CNAF = CSV / "cnaf_data_DEMO_2020_V1_COM.csv"
STATBEL = CSV / "statbel_bevolking_per_gemeente_2020.csv"
SPF = CSV / "spf_donnees-hospitalieres-covid19-2020-10-16_dep59.csv"


@pytest.fixture(scope="module")
def known(demo_read_only):
    return known_for_mapping(demo_read_only)


def _eurostat(known):
    raw = EUROSTAT.read_bytes()
    spec = suggest_mapping(read_file(raw, EUROSTAT.name), known)
    spec["years_in_columns"]["indicator"] = "ECO06"
    spec["filters"] = [{"column": "unit", "equals": "MIO_EUR"}]   # as the tester chose it in the form
    return apply_mapping((EUROSTAT.name, raw), spec, known=known)


def _numbers(text: str) -> list[int]:
    """The counts a line says, read back from the page's grouping (1 439, 1.439, 1,439)."""
    return [int(re.sub(r"[\s\u202f\u00a0.,]", "", n)) for n in re.findall(r"\d[\d\s\u202f\u00a0.,]*\d|\d", text)]


def counts_said(mapped, lang: str):
    from indicators.mappings.shown import counts_said   # (new with the counts: each test fails on its own before)

    return counts_said(mapped, lang)


def _adds_up(mapped, lang: str) -> list[tuple[int, str]]:
    """The lines said, once checked to add up: the steps' rows and the rows kept make the rows read, the
    kept rows' cells are the observations, the empty cells and the cells left out."""
    title, lines = counts_said(mapped, lang)
    (rows,) = _numbers(title)
    tops = [_numbers(text) for depth, text in lines if depth == 0]
    kept, columns, cells = tops[-1]
    assert sum(n[0] for n in tops[:-1]) + kept == rows == mapped.summary["rows"]
    assert kept * columns == cells == mapped.summary["cells"]
    assert sum(_numbers(text)[0] for depth, text in lines if depth == 1) == cells
    return lines


@pytest.mark.parametrize("lang, words", [
    ("fr", ["Ce que la correspondance fait des 1\u202f439 lignes du fichier :",
            "1\u202f230 lignes écartées par le filtre unit = MIO_EUR",
            "196 lignes écartées : leur territoire (geo) n'est pas dans la base",
            "13 lignes gardées, lues dans 22 colonnes de valeurs : 286 cellules",
            "248 cellules lues comme observations",
            "38 cellules sans valeur (vides, « : », « NA »…), non enregistrées"]),
    ("nl", ["Wat de koppeling doet met de 1.439 rijen van het bestand:",
            "1.230 rijen weggelaten door de filter unit = MIO_EUR",
            "196 rijen weggelaten: hun gebied (geo) staat niet in de database",
            "13 rijen behouden, gelezen in 22 kolommen met waarden: 286 cellen",
            "248 cellen gelezen als waarnemingen", "38 cellen zonder waarde"]),
    ("en", ["What the mapping does with the file's 1,439 rows:", "1,230 rows left out by the filter unit = MIO_EUR",
            "196 rows left out: their territory (geo) is not in the framework",
            "13 rows kept, read in 22 columns of values: 286 cells", "248 cells read as observations",
            "38 cells without a value"]),
])
def test_eurostat_rows_and_cells_are_all_said_and_add_up(known, lang, words):
    mapped = _eurostat(known)
    lines = _adds_up(mapped, lang)
    said = counts_said(mapped, lang)[0] + "\n" + "\n".join(text for _, text in lines)
    for w in words:
        assert w in said, said
    # 248 + 38 = 286 cells of 13 rows; no cell left out for a problem, so none is said
    assert len(lines) == 5 and [d for d, _ in lines] == [0, 0, 0, 1, 1]


def test_the_empty_cells_of_several_value_columns_are_called_cells_with_the_rows_that_hold_them(known):
    mapped = _eurostat(known)
    (notice,) = [p for p in mapped.problems if p.code.startswith("no_value")]
    assert notice.code == "no_value_cells" and notice.params["count"] == 38 and notice.params["listed"] == 10
    fr, nl = notice.message("fr"), notice.message("nl")
    assert fr.startswith("Cellules sans valeur") and "ignorées : 38" in fr and "Lignes concernées (10) : 411," in fr
    assert nl.startswith("Cellen zonder waarde") and "(10): 411," in nl
    assert "Lignes sans valeur" not in fr


def test_cnaf_communes_outside_the_framework_are_counted(known):
    raw = CNAF.read_bytes()
    spec = suggest_mapping(read_file(raw, CNAF.name), known)
    spec["values"] = {"TX_F": "ECO01", "A_ETUD": "QOL05"}
    mapped = apply_mapping((CNAF.name, raw), spec, known=known)
    lines = _adds_up(mapped, "fr")
    texts = [text for _, text in lines]
    assert texts[0] == "780 lignes écartées : leur territoire (CODGEO) n'est pas dans la base"
    assert texts[1] == "11 lignes gardées, lues dans 2 colonnes de valeurs : 22 cellules"
    assert texts[2] == "22 cellules lues comme observations"


def test_each_filter_and_code_rule_says_its_own_rows(known):
    """Statbel: the country, regions, provinces and arrondissements left out by the code rules, each rule
    with its rows; a filter on a column too; with a cell left out for a problem (a percentage over 100)."""
    raw = STATBEL.read_bytes()
    spec = {"territory": {"column": "NIS code", "country": "BE", "pattern": r"[1-4]\d{4}", "exclude": r"\d{2}000|2000[12]",
                          "keep": "known"},
            "filters": [{"column": "Woonplaats", "pattern": "[A-K].*"}],
            "period": {"value": "2020"}, "values": {"Totaal": "QOL05", "Mannen": "MOB03"}}
    mapped = apply_mapping((STATBEL.name, raw), spec, known=known)
    steps = {s["step"]: s["rows"] for s in mapped.steps}
    assert set(steps) == {"filter", "pattern", "exclude", "outside"} and all(steps.values())
    lines = _adds_up(mapped, "en")
    texts = "\n".join(text for _, text in lines)
    assert "left out by the filter Woonplaats matching [A-K].*" in texts
    assert "their territory code (NIS code) matches the excluded \\d{2}000|2000[12]" in texts
    # Mannen read for a percentage: every value over 100 is left out for its problem, and said so
    refused = [text for depth, text in lines if depth == 1 and "problem listed below" in text]
    assert refused and _numbers(refused[0])[0] == mapped.summary["cells"] - mapped.summary["observations"]


def test_a_mapping_that_keeps_nothing_says_why_in_the_users_language(known):
    raw = EUROSTAT.read_bytes()
    spec = {"split": [{"column": "unit,geo\\time", "separator": ",", "into": ["unit", "geo"]}],
            "filters": [{"column": "unit", "equals": "NONE"}], "territory": {"column": "geo", "keep": "known"},
            "years_in_columns": {"indicator": "ECO06"}}
    mapped = apply_mapping((EUROSTAT.name, raw), spec, known=known)
    (problem,) = [p for p in mapped.problems if p.severity == "error"]
    assert problem.message("fr").startswith("La correspondance ne garde aucune valeur des 1\u202f439 lignes du fichier")
    assert problem.message("nl").startswith("De koppeling behoudt geen enkele waarde van de 1.439 rijen")
    for lang in ("fr", "nl"):
        assert "the mapping kept no value" not in problem.message(lang) + str(problem.suggestion_text(lang))


def test_a_column_of_days_is_suggested_with_one_day_kept_not_as_conflicting_years():
    """SPF: one row a day (and a sex) per department. Read as their year, the days conflicted."""
    raw = SPF.read_bytes()
    result = read_file(raw, SPF.name)
    spec = suggest_mapping(result)
    assert spec["period"] == {"column": "jour", "as": "year"}
    day = [f for f in spec["filters"] if f["column"] == "jour"]
    assert day == [{"column": "jour", "equals": "2020-10-16"}]   # the latest day
    offered = filter_choices(result, spec)["jour"]
    # the latest first (the file writes its days `2020-10-16` and, for a month, `29/06/2020`)
    day = [tuple(map(int, d.split("-"))) if "-" in d else tuple(map(int, reversed(d.split("/")))) for d in offered]
    assert offered[0] == "2020-10-16" and day == sorted(day, reverse=True) and "29/06/2020" in offered
    spec["territory"]["keep"] = ["59"]
    spec["values"] = {"hosp": "MOB10"}
    mapped = apply_mapping((SPF.name, raw), spec)
    assert not [p for p in mapped.problems if p.code in ("conflicting_key", "duplicate_key")]
    assert mapped.summary["observations"] == 1
    # its line 635: "59";0;"2020-10-16";622
    assert mapped.preview()[["territory_id", "period", "value"]].values.tolist() == [["59", "2020", "622"]]


def test_dates_of_one_month_each_are_read_as_months_not_as_conflicting_years():
    raw = "code;date;valeur\n" + "".join(f"59350;2019-{m:02d}-28;{m}\n" for m in range(1, 13))
    spec = suggest_mapping(read_file(raw.encode(), "mois.csv"))
    assert spec["period"] == {"column": "date", "as": "month"} and "filters" not in spec
