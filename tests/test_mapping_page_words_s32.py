"""The Data page's mapping step in the page's words, the command line's in its own (outside tester V, stop 32,
finding 4): the form's warning said `"values": {"COLONNE": "INDICATEUR"}` under the very grid that chooses
them, its expander pointed to `docs/data-format.md`, the saved mapping's toast to `import --mapping`, and the
"keep one unit" advice to the mapping's JSON. A text may have a page form (`<key>_on_page`, i18n.on_page)
naming the page's own controls; the command line and the JSON report keep the text itself."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from indicators import cli, i18n
from indicators.i18n import t
from indicators.problem_messages import SUGGESTIONS
from indicators.problems import Problem

from .conftest import FIXTURES, ROOT
from .test_data_page import HASH, all_text, data_page, sign_in, upload

LANGS = ("fr", "nl", "en")
STATBEL = FIXTURES / "csv" / "statbel_bevolking_per_gemeente_2020.csv"
EUROSTAT = FIXTURES / "csv" / "eurostat_nama_10r_3gdp_BE_FR.tsv"
JARGON = ("JSON", "--mapping", "docs/", "python -m", "import FI", '"values"', '"filters"', '{"')


def _jargon(text: str) -> list[str]:
    return [word for word in JARGON if word in text]


def test_every_text_the_mapping_step_says_is_free_of_the_command_lines_words():
    """Each text pages/data_mapping.py says (and the page form of each refusal it may say) names no file format,
    flag, command or repository path: those belong to the command line's own texts."""
    source = (ROOT / "pages" / "data_mapping.py").read_text(encoding="utf-8")
    keys = set(re.findall(r"""\bt\(\s*["']([a-z0-9_]+)["']""", source))
    keys |= {key for key in i18n.TEXTS if key.endswith(i18n.PAGE_FORM)}
    assert {"mapping_advanced", "mapping_intro", "mapping_no_indicators"} <= keys, sorted(keys)
    found = {(key, lang): _jargon(str(t_) ) for key in keys for lang, t_ in i18n.TEXTS[key].items() if _jargon(str(t_))}
    assert found == {}
    saved = {lang: t("mapping_saved", lang, name="statbel-2020") for lang in LANGS}
    assert not any(_jargon(text) or "--" in text for text in saved.values()), saved


def test_a_text_has_a_page_form_the_command_line_never_says():
    assert i18n.on_page("mapping_spec_values_missing") == "mapping_spec_values_missing_on_page"
    assert i18n.on_page("mapping_spec_flag") == "mapping_spec_flag"          # none: the text itself
    assert i18n.on_page("keep_one_unit", SUGGESTIONS) == "keep_one_unit_on_page"
    problem = Problem("statbel.csv", 1, None, None, "unknown_table", {"found": "NIS code", "expected": "…"},
                      ("mapped_layout", {"layout": "Statbel"}))
    for lang in LANGS:
        # the command line and the JSON report: the flag and the documentation, as before
        assert "--mapping" in problem.suggestion_text(lang) and "docs/data-format.md" in problem.as_dict(lang)[
            "suggestion"]
        on_page = i18n.suggestion_on_page(problem, lang)
        assert not _jargon(on_page) and "Statbel" in on_page and t("mapping_title", lang) in on_page, on_page
    plain = Problem("x.csv", 2, "value", "12a", "bad_number", {}, ("write_number", {}))
    assert i18n.suggestion_on_page(plain, "fr") == plain.suggestion_text("fr")   # no page form: the same text


@pytest.mark.parametrize("lang", LANGS)
def test_the_forms_warning_names_the_grid_not_the_json(demo_url, lang):
    at = sign_in(data_page({"editors": {"password_hash": HASH}}, lang=lang))
    upload(at, (STATBEL.name, STATBEL.read_bytes()))
    warnings = [w.value for w in at.warning]
    expected = t("mapping_incomplete", lang, detail=t("mapping_spec_values_missing_on_page", lang))
    assert warnings.count(expected) == 1, warnings
    step = "\n".join([*(m.value for m in at.markdown), *warnings, *(c.value for c in at.caption),
                      *(e.label for e in at.expander)])
    assert t("mapping_advanced", lang) in step
    assert not _jargon(step), (_jargon(step), step)
    box = next(a for a in at.text_area if a.key.startswith(f"map_json_{STATBEL.name}"))
    assert box.proto.label_visibility.value == 2   # collapsed: the expander's title says what it holds


def test_the_mappings_own_text_edited_by_hand_is_answered_in_its_own_words(demo_url):
    """The text box holds the mapping as text: a refusal of what was typed there names its keys, as the
    command line does (nothing on the page chooses them)."""
    at = sign_in(data_page({"editors": {"password_hash": HASH}}, lang="fr"))
    upload(at, (STATBEL.name, STATBEL.read_bytes()))
    box = next(a for a in at.text_area if a.key.startswith(f"map_json_{STATBEL.name}"))
    box.input(json.dumps({"territory": "NIS code", "period": "2020"})).run()
    assert t("mapping_incomplete", "fr", detail=t("mapping_spec_values_missing", "fr")) in [w.value for w in at.warning]


@pytest.mark.parametrize("lang", LANGS)
def test_mixed_units_are_said_with_the_chooser_that_keeps_one(demo_url, lang):
    at = sign_in(data_page({"editors": {"password_hash": HASH}}, lang=lang))
    upload(at, (EUROSTAT.name, EUROSTAT.read_bytes()))
    at.selectbox(key=f"map_years_ind_{EUROSTAT.name}").select("ECO06").run()
    at.selectbox(key=f"map_filter_{EUROSTAT.name}_unit").select("").run()   # every unit: EUR_HAB beside MIO_EUR…
    assert not at.exception, at.exception
    said = [w.value for w in at.warning if "unit" in w.value]
    advice = SUGGESTIONS["keep_one_unit_on_page"][lang].format(column="unit", first="EUR_HAB")
    assert len(said) == 1 and said[0].endswith(advice), said
    assert t("mapping_filter", lang, column="unit") in said[0] and not _jargon(said[0]), said[0]


def test_the_command_line_keeps_its_own_words(demo_url, tmp_path, capsys):
    """save-mapping of a spec without values: the JSON to write, as a command-line user writes it."""
    spec = tmp_path / "statbel.json"
    spec.write_text(json.dumps({"territory": "NIS code", "period": "2020"}), encoding="utf-8")
    assert cli.main(["save-mapping", "--db", demo_url, "--lang", "fr", "statbel", str(spec)]) == 1
    err = capsys.readouterr().err
    assert '"values": {"COLONNE": "INDICATEUR"}' in err and "choisissez dans le tableau" not in err, err
