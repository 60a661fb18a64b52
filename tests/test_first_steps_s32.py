"""A new store's first steps (outside tester V, stop 32, findings 4 and 5), on a store made by `init` without
the demo:

- Overview, Strategic actions, Explorer and Map said one sentence, "importez des fichiers depuis la page
  Données", with no link and no first step: now the same short list on each (the templates, then the
  framework's files, then the observations; who creates the editor's account), and a link to the Data page
  that keeps the language;
- the Data page's mapping step offered a form whose indicator chooser had nothing to choose ("choisir…"), and
  never said the store has no indicator yet: now it says so, and what to import first."""
from __future__ import annotations

import re

import pytest

from indicators import cli
from indicators.i18n import t

from .conftest import FIXTURES, open_page
from .test_data_page import HASH, data_page, sign_in, upload

LANGS = ("fr", "nl", "en")
PAGES = ("pages/overview.py", "pages/actions.py", "pages/explorer.py", "pages/map.py")
STATBEL = FIXTURES / "csv" / "statbel_bevolking_per_gemeente_2020.csv"
# The framework's tables as the Data page's templates tab names them, in the language's list
FRAMEWORK = {"fr": "niveaux, thématiques, actions stratégiques, indicateurs et territoires",
             "nl": "niveaus, thema's, strategische acties, indicatoren en gebieden",
             "en": "levels, themes, strategic actions, indicators and territories"}
STEPS = {"fr": ("page Données, onglet « Modèles »", "observations", "administrateur de l'application"),
         "nl": ("pagina Gegevens, tabblad 'Sjablonen'", "waarnemingen", "beheerder van de toepassing"),
         "en": ("Data page, 'Templates' tab", "observations", "application's administrator")}
JARGON = ("JSON", "--mapping", "docs/", "python -m", '"values"', "choisir…", "kiezen…", "choose…")


@pytest.fixture
def empty_store(tmp_path, monkeypatch):
    """A store made as a new region makes it: `python -m indicators init`, without the demo."""
    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    assert cli.main(["--db", url, "init"]) == 0
    monkeypatch.setenv("INDICATORS_DB_URL", url)
    return url


def _open(page: str, lang: str):
    """app.py opened in `lang`, switched to `page`, without an exception or an error box."""
    return open_page(page, {"lang": lang}, locale=f"{lang}-BE")


def _steps(at) -> str:
    boxes = [i.value for i in at.main.info if "1. " in i.value]
    assert len(boxes) == 1, [i.value for i in at.main.info]
    return boxes[0]


@pytest.mark.parametrize("lang", LANGS)
def test_every_empty_page_gives_the_same_first_steps_and_a_link_to_the_data_page(empty_store, lang):
    shown = {}
    for page in PAGES:
        at = _open(page, lang)
        text = _steps(at)
        templates, observations, admin = STEPS[lang]
        numbered = re.findall(r"^(\d)\. (.+)$", text, re.M)
        assert [n for n, _ in numbered] == ["1", "2", "3"], text          # one short list, in order
        assert templates in numbered[0][1]                                   # first the templates
        assert FRAMEWORK[lang] in numbered[1][1]                             # then the framework's files
        assert observations in numbered[2][1]                                # then the observations
        assert admin in text                                                 # who creates the editor's account
        links = at.main.get("page_link")
        assert [link.proto.label for link in links] == [t("first_steps_open", lang, page=t("page_data", lang))]
        assert links[0].proto.page == "data" and "lang=" + lang in links[0].proto.query_string, links[0].proto
        # whoever installed it: the demo data are one command away (a store named by INDICATORS_DB_URL starts empty)
        assert t("first_steps_demo", lang) in [c.value for c in at.main.caption]
        shown[page] = text
    assert len(set(shown.values())) == 1, shown   # the same words on every page


@pytest.mark.parametrize("lang", LANGS)
def test_the_mapping_step_of_an_empty_store_says_to_import_the_framework_first(empty_store, lang):
    at = sign_in(data_page({"editors": {"password_hash": HASH}}, lang=lang))
    upload(at, (STATBEL.name, STATBEL.read_bytes()))
    said = [i.value for i in at.info if STATBEL.name in i.value]
    assert len(said) == 1, [i.value for i in at.info]
    assert FRAMEWORK[lang] in said[0] and t("tab_templates", lang) in said[0], said[0]
    assert said[0] == f"**{STATBEL.name}** · " + t("mapping_no_indicators", lang, tab=t("tab_templates", lang),
                                                   tables=FRAMEWORK[lang])
    # no form that can only lead to a dead end: no chooser of columns, no grid of indicators to choose
    assert not any(s.key and s.key.startswith("map_") for s in at.selectbox), [s.key for s in at.selectbox]
    assert not any(d.proto.id.endswith(f"map_values_{STATBEL.name}") for d in at.dataframe)
    mapping_step = "\n".join([*said, *(w.value for w in at.warning), *(e.label for e in at.expander)])
    assert not [word for word in JARGON if word in mapping_step], mapping_step
