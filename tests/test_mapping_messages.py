"""A mapping's refusals in the user's language: every `MappingError` raise site of mappings/spec.py and
mappings/saved.py carries a text key, and the Data page and the command line say it in French and Dutch
(JSON keys, the offending value and the file's column names as written)."""
from __future__ import annotations

import ast
import json
import re
import subprocess
import sys

import pytest

from indicators.i18n import TEXTS, t
from indicators.mappings import MappingError, load_mapping, save_mapping_spec, validate_spec
from indicators.store import open_store
from indicators.texts import mappings as mapping_texts

from .conftest import FIXTURES, ROOT
from .test_data_page import all_text, data_page, upload

STATBEL = FIXTURES / "csv" / "statbel_bevolking_per_gemeente_2020.csv"

B = {"territory": "CODGEO", "period": "2020", "values": {"A": "X"}}   # a usable spec, spoiled one key at a time
YEARS = {"territory": "geo"}

# (spec, the text key it is refused with, a word of the message naming the offending key or value)
BAD_SPECS = [
    ([], "mapping_spec_not_object", "JSON"),
    ({**B, "colour": "red"}, "mapping_spec_unknown_keys", "colour"),
    ({**B, "version": 3}, "mapping_spec_version", "3"),
    ({**B, "header_row": 0}, "mapping_spec_header_row", "header_row"),
    ({**B, "header_row": 10**6}, "mapping_spec_header_row_max", "header_row"),
    ({**B, "decimal": ";"}, "mapping_spec_decimal", "decimal"),
    ({**B, "split": [{"separator": ","}]}, "mapping_spec_split", "split"),
    ({**B, "split": {"column": "k", "separator": ""}}, "mapping_spec_split_separator", "separator"),
    ({**B, "split": {"column": "k", "into": "ab"}}, "mapping_spec_split_into", "into"),
    ({**B, "filters": {"column": "unit"}}, "mapping_spec_filter", "equals"),
    ({**B, "filters": {"column": "unit", "in": "NR"}}, "mapping_spec_filter_in", "'in'"),
    ({**B, "filters": {"column": "unit", "pattern": "N" * 500}}, "mapping_spec_pattern_long", "filters.pattern"),
    ({**B, "filters": {"column": "unit", "pattern": "(?=N)R"}}, "mapping_spec_pattern_invalid", "(?=N)R"),
    ({**B, "territory": {"column": "C", "exclude": r"(\d)\1"}}, "mapping_spec_pattern_invalid", "territory.exclude"),
    ({"period": "2020", "values": {"A": "X"}}, "mapping_spec_territory_missing", '"territory"'),
    ({**B, "territory": {"column": "C", "colour": 1}}, "mapping_spec_territory_keys", "colour"),
    ({**B, "territory": {"column": "C", "pad": "5"}}, "mapping_spec_pad", "'pad'"),
    ({**B, "territory": {"column": "C", "keep": "some"}}, "mapping_spec_keep", "'keep'"),
    ({**B, "territory": {"column": "C", "country": "France"}}, "mapping_spec_country", "France"),
    ({**B, "values": ["A"]}, "mapping_spec_values_form", "'values'"),
    ({**YEARS, "years_in_columns": {"indicator": "X"}, "values": {"A": "X"}}, "mapping_spec_values_and_years",
     "years_in_columns"),
    ({**YEARS, "years_in_columns": {"columns": ["2020"]}}, "mapping_spec_years_indicator", "years_in_columns"),
    ({**YEARS, "years_in_columns": {"indicator": "X", "colour": 1}}, "mapping_spec_years_keys", "colour"),
    ({**YEARS, "years_in_columns": {"indicator": "X", "columns": "2020"}}, "mapping_spec_years_columns",
     "years_in_columns.columns"),
    ({**YEARS, "years_in_columns": {"indicator": "X", "from": "20x0"}}, "mapping_spec_years_bound", "20x0"),
    ({**YEARS, "years_in_columns": "X", "period": "2020"}, "mapping_spec_years_period", "'period'"),
    ({"territory": "CODGEO", "period": "2020"}, "mapping_spec_values_missing", '"values"'),
    ({"territory": "CODGEO", "values": {"A": "X"}}, "mapping_spec_period_missing", '"period"'),
    ({**B, "period": {"value": "20x0"}}, "mapping_spec_period_value", "20x0"),
    ({**B, "period": {"column": "DATE", "as": "week"}}, "mapping_spec_period_as", "week"),
    ({**B, "flag": "quasi"}, "mapping_spec_flag", "quasi"),
    ({**B, "source": {"column": ""}}, "mapping_spec_part_empty", "source"),
    ({**B, "note": 5}, "mapping_spec_part_form", "note"),
]


def _raise_sites() -> set[str]:
    """The text keys of every MappingError raise site: `_fail("key", ...)` in spec.py, `key="..."` in saved.py."""
    keys: set[str] = set()
    for name in ("spec.py", "saved.py"):
        tree = ast.parse((ROOT / "indicators" / "mappings" / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            if node.func.id == "_fail":
                assert isinstance(node.args[0], ast.Constant), f"{name}:{node.lineno}: _fail without a text key"
                keys.add(node.args[0].value)
            elif node.func.id == "MappingError":
                key = next((k.value for k in node.keywords if k.arg == "key"), None)
                if isinstance(key, ast.Name) and key.id == "key":   # `_fail` itself, counted at its callers
                    continue
                assert isinstance(key, ast.Constant), f"{name}:{node.lineno}: a MappingError without a text key"
                keys.add(key.value)
    return keys


def _english_runs(key: str) -> list[str]:
    """Each three words in a row of the English text, its parameters, JSON snippets, quoted keys and commands
    left out: none of them may be found in the French or Dutch message."""
    text = re.sub(r"(\w)'s\b", r"\1s", TEXTS[key]["en"])             # column's, split's
    text = re.sub(r"\{\{.*?\}\}|\{[^{}]*\}", "|", text)                 # {param}, {"column": NAME}
    text = re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`", "|", text)             # 'header_row', "values", `a command`
    runs = []
    for part in re.split(r"[^A-Za-z ]+", text):
        words = part.split()
        runs += [" ".join(words[i:i + 3]) for i in range(len(words) - 2)]
    return runs


def _refusal(call) -> MappingError:
    with pytest.raises(MappingError) as caught:
        call()
    return caught.value


def _said_in_their_language(exc: MappingError, key: str, named: str) -> dict[str, str]:
    """The refusal in French and Dutch, once checked: its key, every parameter filled in, no English."""
    assert exc.key == key, (exc.key, str(exc))
    if key.startswith("mapping_spec_"):   # the English message, as the engine's callers read it
        assert str(exc) == f"Mapping: {t(key, 'en', **exc.params)}"
    for lang in ("fr", "nl"):
        said = exc.text(lang)
        assert said == t(key, lang, **exc.params) and said != exc.text("en"), (lang, said)
        assert named in said, (lang, named, said)
        assert not re.search(r"\{\w*\}|\{\{|Mapping:", said), (lang, said)   # every parameter filled in
        english = [run for run in _english_runs(key) if re.search(rf"\b{re.escape(run)}\b", said, re.I)]
        assert not english, (lang, english, said)
    return {lang: exc.text(lang) for lang in ("fr", "nl")}


@pytest.mark.parametrize("spec, key, named", BAD_SPECS, ids=[f"{k}-{i}" for i, (_, k, _) in enumerate(BAD_SPECS)])
def test_every_refusal_of_a_spec_is_said_in_french_and_dutch(spec, key, named):
    said = _said_in_their_language(_refusal(lambda: validate_spec(spec)), key, named)
    assert said["fr"] != said["nl"]


def test_a_saved_mapping_refused_by_name_is_said_in_french_and_dutch(sqlite_url):
    engine = open_store(sqlite_url)
    _said_in_their_language(_refusal(lambda: save_mapping_spec(engine, "  ", B)), "mapping_spec_name_missing",
                            "")
    _said_in_their_language(_refusal(lambda: load_mapping(engine, "insee-2020")), "mapping_none_saved",
                            "insee-2020")
    save_mapping_spec(engine, "statbel-2020", B)
    said = _said_in_their_language(_refusal(lambda: load_mapping(engine, "insee-2020")), "mapping_not_found",
                                   "statbel-2020")
    assert all("insee-2020" in text for text in said.values())   # the name asked for, beside the saved ones


def test_the_cases_above_reach_every_raise_site():
    """A new `_fail` or `MappingError` in spec.py or saved.py needs its texts and a case here."""
    reached = {key for _, key, _ in BAD_SPECS} | {"mapping_spec_name_missing", "mapping_none_saved",
                                                   "mapping_not_found"}
    assert _raise_sites() == reached


# ---------------------------------------------------------------- the Data page and the command line

def _english_sentence_of(text: str) -> list[str]:
    return [run for key in mapping_texts.TEXTS if key.startswith("mapping_spec_")
            for run in _english_runs(key) if re.search(rf"\b{re.escape(run)}\b", text, re.I)]


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_a_statbel_file_on_the_data_page_is_asked_for_in_the_pages_language(demo_url, lang):
    """The planner's first sight of a foreign layout (findings C27 §1): the warning and the value grid speak fr/nl."""
    at = data_page(lang=lang)
    upload(at, (STATBEL.name, STATBEL.read_bytes()))
    warnings = [w.value for w in at.warning]
    # the page form (i18n.on_page): the form's grid named, not the JSON the command line asks for (V32 #4)
    expected = t("mapping_incomplete", lang, detail=t("mapping_spec_values_missing_on_page", lang))
    assert expected in warnings, warnings
    assert not any("Mapping:" in w or _english_sentence_of(w) for w in warnings), warnings
    grid = next(d for d in at.dataframe if d.proto.id.endswith(f"map_values_{STATBEL.name}"))
    assert list(grid.value["column"]) == ["Mannen", "Vrouwen", "Totaal"]   # the file's columns, as written
    assert grid.proto.placeholder == t("mapping_choose_indicator", lang)    # not Streamlit's "None"


def test_unreadable_json_in_the_full_mapping_is_said_in_french(demo_url):
    at = data_page(lang="fr")
    upload(at, (STATBEL.name, STATBEL.read_bytes()))
    box = next(a for a in at.text_area if a.label == "JSON")
    box.input('{"territory": "NIS code",\n "values": {"Totaal" "DEM01"}}').run()
    warnings = [w.value for w in at.warning]
    assert t("mapping_incomplete", "fr", detail=t("mapping_json_invalid", "fr", line=2, column=22)) in warnings, \
        warnings
    assert not any("Expecting" in w for w in warnings), warnings


def test_a_file_without_a_column_of_numbers_gets_a_sentence_not_an_empty_grid(demo_url):
    at = data_page(lang="nl")
    upload(at, ("namen.csv", "CODGEO;LIBGEO\n59350;Lille\n59512;Roubaix\n".encode()))
    assert t("mapping_no_value_columns", "nl") in all_text(at)
    assert not any(d.proto.id.endswith("map_values_namen.csv") for d in at.dataframe)


def test_the_command_line_says_a_refused_mapping_in_the_chosen_language(tmp_path, sqlite_url):
    def cli(*args):
        return subprocess.run([sys.executable, "-m", "indicators", "--db", sqlite_url, *map(str, args)], cwd=ROOT,
                              capture_output=True, text=True, timeout=300)

    assert cli("init").returncode == 0
    spec = tmp_path / "statbel.json"
    spec.write_text(json.dumps({"territory": "NIS code", "period": "2020"}), encoding="utf-8")
    for lang, prefix in (("nl", "Koppeling: "), ("fr", "Correspondance : "), ("en", "Mapping: ")):
        out = cli("save-mapping", "--lang", lang, "statbel", spec)
        assert out.returncode == 1
        assert out.stderr.strip() == prefix + t("mapping_spec_values_missing", lang), out.stderr
    out = cli("import", "--lang", "nl", STATBEL, "--mapping", "statbel")
    assert out.returncode == 1 and out.stderr.strip() == "Koppeling: " + t(
        "mapping_none_saved", "nl", name="statbel"), out.stderr
