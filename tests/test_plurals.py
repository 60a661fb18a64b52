"""Counts in sentences take the language's plural: "1 action", never "1 actions"; "1 territoire",
"2 territoires", never "territoire(s)".

A text whose words follow a count gives, per language, its CLDR plural forms ({"one": …, "other": …});
`t` picks the form for its `n` (babel's rule: French 0 and 1 are "one", Dutch and English only 1) and
writes `n` in the language's grouping (1 001, 1.001, 1,001)."""
from __future__ import annotations

import re

import pytest

from indicators import i18n
from indicators.i18n import t

from .test_pages_actions_explorer import open_page, store  # noqa: F401 (the demo store fixture)


@pytest.mark.parametrize("lang,one,many", [("fr", "1 action", "indicateurs"), ("nl", "1 actie", "indicatoren"),
                                           ("en", "1 action", "indicators")])
def test_one_action_is_said_in_the_singular(store, lang, one, many):
    at = open_page("pages/actions.py", {"lang": lang, "action": "A28"})
    summary = next(m.value for m in at.markdown if "**" in m.value and many in m.value)
    assert summary.startswith(f"**{one}** ") and "actions**" not in summary and "acties**" not in summary, summary


# A word with a bracketed ending: territoire(s), gebied(en), territory(ies), herkend(e), kwarta(a)l; and
# the Dutch "cyclus/cycli" that wrote both forms at once.
BRACKETED = re.compile(r"[^\W\d_]\((?:s|en|ies|e|es|x|a)\)|\((?:s|en|ies|e|es)\)[^\W\d_]|cyclus/cycli")


def _forms(text) -> list[str]:
    """Every form of a text: a plural text's forms, else the text."""
    return list(getattr(text, "forms", {}).values()) or [str(text)]


def test_no_text_writes_a_bracketed_plural():
    found = [(key, lang, form) for key, entry in i18n.TEXTS.items() for lang, text in entry.items()
             for form in _forms(text) if BRACKETED.search(form)]
    assert not found
    # the pattern itself catches what the pages used to say
    assert all(BRACKETED.search(s) for s in ("3 territoire(s)", "1 remarque(s)", "2 gebied(en)",
                                             "territory(ies)", "herkend(e)", "kwarta(a)l(en)", "cyclus/cycli"))


def test_no_problem_message_writes_a_bracketed_plural():
    from indicators.problem_messages import MESSAGES, SUGGESTIONS

    found = [(key, lang, form) for table in (MESSAGES, SUGGESTIONS) for key, entry in table.items()
             for lang, text in entry.items() for form in _forms(text) if BRACKETED.search(form)]
    assert not found


def test_a_problem_says_one_missing_column_or_several_in_each_language():
    from indicators.problems import Problem

    def said(missing, lang):
        return Problem("f.csv", 1, None, None, "missing_columns",
                       {"kind": "observations", "missing": missing, "found": "a"}).message(lang)

    assert said("value", "fr").startswith("Colonne obligatoire manquante")
    assert said("period, value", "fr").startswith("Colonnes obligatoires manquantes")
    assert said("value", "nl").startswith("Verplichte kolom ontbreekt")
    assert said("period, value", "en").startswith("Missing required columns")


def test_every_form_of_a_plural_text_has_the_placeholders_of_the_others():
    plural = {key: entry for key, entry in i18n.TEXTS.items() if any(hasattr(v, "forms") for v in entry.values())}
    assert len(plural) >= 15, sorted(plural)
    for key, entry in plural.items():
        names = {(lang, form): set(re.findall(r"{(\w+)}", form)) for lang, text in entry.items()
                 for form in _forms(text)}
        assert len({frozenset(v) for v in names.values()}) == 1, (key, names)
        assert all("other" in text.forms for text in entry.values()), key


GROUPED = {"fr": "1\u202f001", "nl": "1.001", "en": "1,001"}
EXPECTED = {   # (key, extra params) -> {lang: [0, 1, 2, 1001]}
    ("n_territories", ()): {
        "fr": ["0 territoire", "1 territoire", "2 territoires", f"{GROUPED['fr']} territoires"],
        "nl": ["0 gebieden", "1 gebied", "2 gebieden", f"{GROUPED['nl']} gebieden"],
        "en": ["0 territories", "1 territory", "2 territories", f"{GROUPED['en']} territories"]},
    ("map_without_shape", (("names", "Ypres"),)): {
        "fr": ["0 territoire avec une valeur mais sans contour, montré en cercle : Ypres.",
               "1 territoire avec une valeur mais sans contour, montré en cercle : Ypres.",
               "2 territoires avec une valeur mais sans contour, montrés en cercles : Ypres.",
               f"{GROUPED['fr']} territoires avec une valeur mais sans contour, montrés en cercles : Ypres."],
        "nl": ["0 gebieden met een waarde maar zonder grens, getoond als cirkels: Ypres.",
               "1 gebied met een waarde maar zonder grens, getoond als cirkel: Ypres.",
               "2 gebieden met een waarde maar zonder grens, getoond als cirkels: Ypres.",
               f"{GROUPED['nl']} gebieden met een waarde maar zonder grens, getoond als cirkels: Ypres."],
        "en": ["0 territories with a value but no shape, shown as circles: Ypres.",
               "1 territory with a value but no shape, shown as a circle: Ypres.",
               "2 territories with a value but no shape, shown as circles: Ypres.",
               f"{GROUPED['en']} territories with a value but no shape, shown as circles: Ypres."]},
    ("behind_quarterly", ()): {
        "fr": ["0 trimestre de retard", "1 trimestre de retard", "2 trimestres de retard",
               f"{GROUPED['fr']} trimestres de retard"],
        "nl": ["0 kwartalen achter", "1 kwartaal achter", "2 kwartalen achter", f"{GROUPED['nl']} kwartalen achter"],
        "en": ["0 quarters behind", "1 quarter behind", "2 quarters behind", f"{GROUPED['en']} quarters behind"]},
    ("health_cell", (("expected", 5),)): {
        "fr": ["0 territoire sur 5", "1 territoire sur 5", "2 territoires sur 5", f"{GROUPED['fr']} territoires sur 5"],
        "nl": ["0 gebieden van de 5", "1 gebied van de 5", "2 gebieden van de 5",
               f"{GROUPED['nl']} gebieden van de 5"],
        "en": ["0 territories out of 5", "1 territory out of 5", "2 territories out of 5",
               f"{GROUPED['en']} territories out of 5"]},
}


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
@pytest.mark.parametrize("key, extra", list(EXPECTED), ids=[k for k, _ in EXPECTED])
def test_a_count_takes_the_languages_plural(key, extra, lang):
    said = [t(key, lang, n=n, **dict(extra)) for n in (0, 1, 2, 1001)]
    assert said == EXPECTED[(key, extra)][lang]


def test_several_counts_in_one_sentence_each_take_their_own_form():
    fr = t("rolled_back", "fr", batch=3, removed=t("rolled_back_removed", "fr", n=1),
           restored=t("rolled_back_restored", "fr", n=2))
    assert fr == "Import n°3 annulé : 1 ligne retirée, 2 restaurées."
    en = t("mapping_summary", "en", observations=t("mapping_observations", "en", n=1001),
           rows=t("mapping_rows", "en", n=1))
    assert en == "1,001 observations from 1 row. Preview:"
    nl = t("map_preview_matched", "nl", n=1), t("map_preview_matched", "nl", n=25)
    assert nl == ("1 herkend gebied", "25 herkende gebieden")


def test_a_refusal_naming_one_key_says_key_and_several_keys_say_keys():
    from indicators.mappings import MappingError, validate_spec

    spec = {"territory": "CODGEO", "period": "2020", "values": {"A": "X"}}
    with pytest.raises(MappingError) as one:
        validate_spec({**spec, "colour": "red"})
    with pytest.raises(MappingError) as two:
        validate_spec({**spec, "colour": "red", "size": 3})
    assert one.value.text("fr").startswith("clé inconnue : colour ;"), one.value.text("fr")
    assert two.value.text("fr").startswith("clés inconnues : colour, size ;"), two.value.text("fr")
    assert str(one.value).startswith("Mapping: unknown key colour;") and "unknown keys colour, size;" in str(two.value)


def test_the_map_page_counts_its_territories_without_a_shape_in_french(store):
    """The caption under the demo's MOB01 map said "… territoire(s) avec une valeur mais sans contour"."""
    at = open_page("pages/map.py", {"lang": "fr", "indicator": "MOB01"})
    captions = [c.value for c in at.caption]
    said = [c for c in captions if "avec une valeur mais sans contour" in c]
    assert said, captions
    match = re.search(r"(\d[\d\u202f]*) (territoires?) avec une valeur mais sans contour, (montrés? en cercles?)",
                      said[0])
    assert match, said[0]
    n = int(match.group(1).replace("\u202f", ""))
    plural = n > 1
    assert match.group(2) == ("territoires" if plural else "territoire"), said[0]
    assert match.group(3) == ("montrés en cercles" if plural else "montré en cercle"), said[0]
    assert "(s)" not in said[0]
