"""Action progress updates: a table like the others, submitted by the lead partner and reviewed like
data; the timeline, the counts by implementation state and the due lists follow the stored updates."""
from __future__ import annotations

import pandas as pd
import pytest

from indicators import accounts as A
from indicators import partners as P
from indicators import submissions as S
from indicators import updates as U
from indicators.importing import validate_files
from indicators.queries import load_framework, load_observations
from indicators.store import DEMO_DIR, open_store

UPDATE = ("action;semestre;avancement;texte;langue;prochaines étapes\r\n"
          "{action};{period};{state};Tronçon de la Lys ouvert, pose de la signalétique;fr;Inauguration\r\n")


def _raw(action: str, period: str = "2026-s1", state: str = "Ongoing") -> bytes:
    return UPDATE.format(action=action, period=period, state=state).encode("cp1252")


def test_an_update_file_in_french_is_recognised_and_semesters_are_checked():
    checked = validate_files(None, [("avancement.csv", _raw("A01"))])
    assert checked.files[0]["kind"] == "action_updates"
    row = checked.tables["action_updates"].iloc[0]
    assert (row["period"], row["implementation"], row["next_steps"]) == ("2026-S1", "ongoing", "Inauguration")
    bad = validate_files(None, [("x.csv", _raw("A01", "2026-S3", "finished"))])
    found = {(p.row, p.column, p.value, p.code) for p in bad.problems if p.severity == "error"}
    assert (2, "semestre", "2026-S3", "bad_semester") in found
    assert (2, "avancement", "finished", "not_allowed") in found
    assert "AAAA-S1" in next(p for p in bad.problems if p.code == "bad_semester").message("fr")


@pytest.fixture
def people(demo_url):
    engine = open_store(demo_url)
    return engine, {
        "editor": A.add_account(engine, A.OPERATOR, "editor@mel.fr", "editor"),
        "wvl": A.add_account(engine, A.OPERATOR, "data@west-vlaanderen.be", "contributor", partner_id="PROV_WVL"),
    }


def _led_by(engine, partner: str) -> list[str]:
    actions = load_framework(engine)["actions"]
    return [a for a, lead in zip(actions["action_id"], actions["lead"]) if partner in P.codes(lead)]


def test_the_lead_partner_submits_an_update_an_editor_approves_it_and_the_timeline_shows_it(people):
    engine, who = people
    mine = _led_by(engine, "PROV_WVL")[0]
    other = next(a for a in load_framework(engine)["actions"]["action_id"] if a not in _led_by(engine, "PROV_WVL"))
    with pytest.raises(A.Refused) as refused:
        S.submit(engine, who["wvl"], "other.csv", _raw(other))
    assert other in refused.value.text("fr")
    sent = S.submit(engine, who["wvl"], "avancement.csv", _raw(mine, state="delayed"))
    assert sent.submission_id is not None
    assert U.timeline(load_framework(engine)["action_updates"], mine)["period"].iloc[0] != "2026-S1"  # not yet
    assert S.approve(engine, who["editor"], sent.submission_id).ok
    updates = load_framework(engine)["action_updates"]
    line = U.timeline(updates, mine)
    assert (line["period"].iloc[0], line["implementation"].iloc[0]) == ("2026-S1", "delayed")
    assert list(line["period"]) == sorted(line["period"], key=U._order, reverse=True)
    assert U.latest(updates).set_index("action_id").loc[mine, "implementation"] == "delayed"


def test_counts_by_implementation_follow_the_latest_update(people):
    engine, _ = people
    fw = load_framework(engine)
    counts = U.implementation_counts(fw["actions"], fw["action_updates"])
    assert sum(counts.values()) == len(fw["actions"])
    demo = pd.read_csv(DEMO_DIR / "action_updates.csv", dtype=str)
    last = demo.assign(_o=demo["period"].map(U._order)).sort_values("_o").groupby("action_id").tail(1)
    assert counts["delayed"] == (last["implementation"] == "delayed").sum()


def test_a_partner_sees_its_actions_with_no_update_for_the_latest_semester_in_its_due_list(people):
    engine, _ = people
    fw = load_framework(engine)
    demo = pd.read_csv(DEMO_DIR / "action_updates.csv", dtype=str)
    semester = max(demo["period"])
    running = fw["actions"][~fw["actions"]["status"].isin(["done", "cancelled"])]
    missing = sorted(set(running["action_id"]) - set(demo[demo["period"] == semester]["action_id"]))
    assert missing, "the demo leaves some updates out"
    action = missing[0]
    partner = P.codes(fw["actions"].set_index("action_id").loc[action, "lead"])[0]
    due = P.due(partner, fw["indicators"], load_observations(engine), "nl", None, fw["actions"], fw["action_updates"])
    row = due[due["action_id"] == action]
    assert row["state"].tolist() == ["no_update"] and row["indicator_id"].isna().all()


def test_the_committee_report_carries_each_actions_latest_update(people):
    from indicators import filters as F
    from indicators import report as R

    engine, _ = people
    fw = load_framework(engine)
    last = U.latest(fw["action_updates"]).set_index("action_id")
    report = R.build(fw, load_observations(engine), F.Filters(lang="nl", theme="mobility"))
    section = report.sections[0]
    update = last.loc[section.action_id]
    # a French update in the Dutch report says so before its text, as the Actions page does (i18n.written_in)
    from indicators.i18n import written_in

    written = written_in(update.get("lang"), "nl")
    said = f" · {written}" if written else ""
    assert section.update.startswith(f"{update['period']}{said} · {update['text']}"), section.update
    html = R.render_html(report, plotly_js="")
    assert "Laatste voortgangsrapport" in html


def test_a_contributor_signs_an_update_only_as_its_own_partner(people):
    engine, who = people
    mine = _led_by(engine, "PROV_WVL")[0]
    other_partner = next(p for p in load_framework(engine)["partners"]["partner_id"] if p != "PROV_WVL")
    signed = ("action_id;period;implementation;text;partner_id\r\n"
              f"{mine};2026-S1;ongoing;Chantier en cours;{{partner}}\r\n")
    before = len(S.listing(engine, who["wvl"]))
    with pytest.raises(A.Refused) as refused:
        S.submit(engine, who["wvl"], "signed.csv", signed.format(partner=other_partner).encode())
    assert other_partner in refused.value.text("nl") and "PROV_WVL" in refused.value.text("nl")
    assert len(S.listing(engine, who["wvl"])) == before
    assert S.submit(engine, who["wvl"], "own.csv", signed.format(partner="PROV_WVL").encode()).submission_id
    assert S.submit(engine, who["wvl"], "empty.csv", signed.format(partner="").encode()).submission_id


def test_a_file_of_no_value_rows_only_is_not_kept_for_review(people):
    """The partner's list of what is due sent back without a value: nothing to review, said as such."""
    engine, who = people
    indicator = next(i for i, owner in zip(load_framework(engine)["indicators"]["indicator_id"],
                                           load_framework(engine)["indicators"]["owner"])
                     if "PROV_WVL" in P.codes(owner))
    before = len(S.listing(engine, who["wvl"]))
    raw = f"indicator_id;territory_id;period;value\r\n{indicator};BE25;2026;\r\n{indicator};BE25;2025;n.d.\r\n".encode()
    sent = S.submit(engine, who["wvl"], "due.csv", raw)
    assert sent.submission_id is None
    assert any(p.code == "no_value_rows" for p in sent.checked.problems), [p.code for p in sent.checked.problems]
    assert len(S.listing(engine, who["wvl"])) == before
