"""Partners: a framework table like the others (import, validate, export, template derive from the
schema), names on actions and indicators, what each partner leads, owns and has not updated."""
from __future__ import annotations

import pandas as pd

from indicators import partners as P
from indicators.exporting import export_frames
from indicators.importing import import_files, validate_files
from indicators.queries import load_flows, load_framework, load_observations
from indicators.store import DEMO_DIR
from indicators.templates import template

from .helpers import store_with_framework, write

FRENCH_PARTNERS = ("Code partenaire;Nom;Pays;Nature\r\n"
                   "MEL;Métropole Européenne de Lille;FR;metropolis\r\n"
                   "PROV_WVL;Province de Flandre-Occidentale;BE;Province\r\n"
                   "EMLKT;Eurométropole;EU;EGTC\r\n")


def test_a_french_excel_partners_file_imports_and_exports_as_it_came(store_url, tmp_path):
    engine = store_with_framework(store_url)
    path = write(tmp_path, "partenaires.csv", FRENCH_PARTNERS, encoding="cp1252")
    outcome = import_files(engine, [path], user="test")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems]
    assert outcome.checked.files[0]["kind"] == "partners"
    stored = export_frames(engine)["partners"].set_index("partner_id")
    assert stored.loc["PROV_WVL", "name_fr"] == "Province de Flandre-Occidentale"
    assert stored.loc["PROV_WVL", "kind"] == "province"      # case-insensitive enumeration
    assert stored.loc["EMLKT", "kind"] == "egtc"
    assert list(stored.reset_index().columns[:3]) == ["partner_id", "name_fr", "name_nl"]


def test_a_bad_partner_row_is_reported_by_row_column_and_value(tmp_path):
    path = write(tmp_path, "partners.csv", "partner_id,name_fr,country,kind\nX,Nom,FR,ministry\nY,,BE,agency\n")
    checked = validate_files(None, [path])
    problems = {(p.row, p.column, str(p.value)) for p in checked.problems if p.severity == "error"}
    assert (2, "kind", "ministry") in problems
    assert any(row == 3 and column == "name_fr" for row, column, _ in problems)


def test_the_partners_template_validates(tmp_path):
    frame = template("partners")
    frame.loc[1] = {**frame.iloc[0].to_dict(), "partner_id": "ADULM", "name_en": ""}   # a partner below the example
    raw = frame.to_csv(index=False).encode("utf-8")
    checked = validate_files(None, [("partners_template.csv", raw)])
    assert checked.files[0]["kind"] == "partners"
    assert not [p for p in checked.problems if p.severity == "error"]
    assert list(checked.tables["partners"]["partner_id"]) == ["ADULM"]   # the example row is left out


def test_lead_and_owner_codes_read_as_names_in_each_language():
    partners = pd.DataFrame({"partner_id": ["MEL", "PROV_WVL"], "name_fr": ["MEL", "Province de Flandre-Occidentale"],
                             "name_nl": [None, "Provincie West-Vlaanderen"], "name_en": [None, None]})
    assert P.label("MEL|PROV_WVL", partners, "nl") == "MEL, Provincie West-Vlaanderen"
    assert P.label("PROV_WVL", partners, "en") == "Province de Flandre-Occidentale"   # French when no English
    assert P.label("MEL, De Lijn", partners, "fr") == "MEL, De Lijn"                  # free text as written
    assert P.label(None, partners, "fr") == ""


def test_demo_partners_lead_every_action_and_own_every_indicator_on_both_sides(demo):
    fw = load_framework(demo)
    ids = set(fw["partners"]["partner_id"])
    assert {"FR", "BE", "EU"} <= set(fw["partners"]["country"])
    for cell in list(fw["actions"]["lead"]) + list(fw["indicators"]["owner"]):
        assert P.codes(cell) and set(P.codes(cell)) <= ids, cell


def test_responsibilities_follow_the_tables_and_late_follows_new_values(demo, tmp_path):
    fw = load_framework(demo)
    obs = load_observations(demo)
    resp = P.responsibilities(fw["partners"], fw["actions"], fw["indicators"], obs, load_flows(demo))
    demo_actions = pd.read_csv(DEMO_DIR / "actions.csv", dtype=str)
    wvl = resp.set_index("partner_id").loc["PROV_WVL"]
    assert wvl["leads"] == [a for a, lead in zip(demo_actions["action_id"], demo_actions["lead"])
                            if "PROV_WVL" in lead.split("|")]
    # a partner's late indicator is no longer due once its latest period is sent
    late_partner = next(r for r in resp.to_dict("records") if r["late"])
    due = P.due(late_partner["partner_id"], fw["indicators"], obs, "fr")
    assert set(due["indicator_id"]) == set(late_partner["late"])
    iid = due["indicator_id"].iloc[0]
    latest = max(obs["period"].astype(str))
    territory = obs[obs["indicator_id"] == iid]["territory_id"].iloc[0] if (obs["indicator_id"] == iid).any() \
        else fw["territories"]["territory_id"].iloc[0]
    path = write(tmp_path, "obs.csv", f"indicator_id,territory_id,period,value\n{iid},{territory},{latest},1\n")
    assert import_files(demo, [path], user="test").ok
    after = P.due(late_partner["partner_id"], fw["indicators"], load_observations(demo), "fr")
    assert iid not in set(after["indicator_id"])


def test_a_partners_indicators_to_chase_are_those_the_data_health_page_asks_it_for(demo):
    """One rule for late: the Partners table marks overdue and empty indicators (⚠, ∅) exactly where
    the Data health page lists whom to chase, and the due ones (◷) nowhere there."""
    from indicators.health import assess_health

    fw = load_framework(demo)
    obs, flows = load_observations(demo), load_flows(demo)
    resp = P.responsibilities(fw["partners"], fw["actions"], fw["indicators"], obs, flows)
    asked = assess_health(fw["indicators"], obs, flows).to_ask()
    marked = 0
    for row in resp.to_dict("records"):
        chase = {i for i, s in zip(row["late"], row["late_state"]) if s in ("overdue", "no_data")}
        expected = {i for owner, ids in zip(asked["owner"], asked["indicator_ids"]) if row["partner_id"] in P.codes(owner)
                    for i in ids}
        assert chase == expected, row["partner_id"]
        assert len(row["late"]) == len(row["late_state"]) and set(row["late_state"]) <= {"overdue", "no_data", "due"}
        marked += len(chase)
    assert marked and any("due" in r for r in resp["late_state"])   # the demo has both kinds


def test_the_partners_table_shows_what_to_update_with_its_signs_before_the_wide_columns(demo_url):
    from streamlit.testing.v1 import AppTest

    from .conftest import ROOT, switch_page

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["lang"] = "fr"
    at.run()
    switch_page(at, "pages/partners.py").run()
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    assert list(table.columns[:3]) == ["Partenaire", "Pays", "Indicateurs à mettre à jour"]
    cells = " ".join(table["Indicateurs à mettre à jour"])
    assert "⚠ " in cells and "◷ " in cells
    key = " ".join(c.value for c in at.caption)
    assert "⚠ en retard" in key and "◷ attendue" in key and "« Santé des données »" in key
