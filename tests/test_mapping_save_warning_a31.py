"""Saving a mapping that names indicators the store lacks warns, in the user's language, from the command
line's save-mapping and from the Data page's JSON box alike (mappings.unknown_indicators_said): the page
saved it without a word, and the import with it then refused every value."""
from __future__ import annotations

import json

import pytest

from indicators import cli
from indicators.i18n import t
from indicators.mappings import load_mapping, unknown_indicators_said
from indicators.store import open_store

from .test_data_page import HASH, all_text, data_page, sign_in, upload

LANGS = ("fr", "nl", "en")
SPEC = {"territory": {"column": "CODGEO"}, "period": {"value": "2024"},
        "values": {"P_MUN": "MOB04", "P_NEW": "NEW01", "P_OLD": "OLD02"}}


@pytest.mark.parametrize("lang", LANGS)
def test_the_engine_names_the_indicators_the_store_lacks_in_each_language(demo_url, lang):
    engine = open_store(demo_url)
    said = unknown_indicators_said(engine, SPEC, lang)
    assert said == t("cli_mapping_unknown_indicators", lang, n=2, names="NEW01, OLD02")
    assert "NEW01, OLD02" in said and "MOB04" not in said
    assert unknown_indicators_said(engine, {**SPEC, "values": {"P_MUN": "MOB04"}}, lang) is None


@pytest.mark.parametrize("lang", LANGS)
def test_the_command_line_says_the_same_words(demo_url, tmp_path, capsys, lang):
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(SPEC), encoding="utf-8")
    assert cli.main(["save-mapping", "--db", demo_url, "--lang", lang, "insee", str(path)]) == 0
    assert unknown_indicators_said(open_store(demo_url), SPEC, lang) in capsys.readouterr().err


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_saving_from_the_data_pages_json_box_warns_in_the_pages_language(demo_url, lang):
    """The planner writes the mapping in the JSON box (Advanced), names an indicator the store lacks, and
    saves it: saved, and the page says which indicator the store lacks, as save-mapping says it."""
    at = sign_in(data_page({"editors": {"password_hash": HASH}}, lang=lang))
    raw = "CODGEO;LIBGEO;P_MUN\n59350;Lille;12,5\n59512;Roubaix;9,5\n".encode("cp1252")
    upload(at, ("insee.csv", raw))
    box = next(a for a in at.text_area if a.key.startswith("map_json_insee.csv"))
    spec = {"territory": {"column": "CODGEO"}, "period": {"value": "2024"}, "values": {"P_MUN": "NEW01"}}
    box.input(json.dumps(spec)).run()
    assert not at.exception, at.exception
    at.text_input(key="map_name_insee.csv").input("insee-new").run()
    at.button(key="map_save_insee.csv").click().run()
    assert not at.exception, at.exception
    assert load_mapping(open_store(demo_url), "insee-new")["values"] == {"P_MUN": "NEW01"}
    expected = t("cli_mapping_unknown_indicators", lang, n=1, names="NEW01")
    assert expected in [w.value for w in at.warning], all_text(at)
