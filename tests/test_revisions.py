"""Target revisions (DESIGN.md): a later target row for the same indicator and territory is a revision
with a decision date and a reason; every earlier version is kept, shown and rolled back exactly.
The store tests run on SQLite and on a real PostgreSQL server."""
from __future__ import annotations

from datetime import date

import pandas as pd

from indicators import charts, revisions
from indicators import filters as F
from indicators import report as R
from indicators.importing import import_files, validate_files
from indicators.queries import load_framework
from indicators.store import earlier_versions, read_table, rollback

from .helpers import store_with_framework, write

HEAD = "indicateur;territoire;periode_reference;valeur_reference;periode_cible;valeur_cible;date_decision;motif\n"


def _current(engine, iid="MOB01", tid="59350") -> dict:
    targets = read_table(engine, "targets")
    return targets[(targets.indicator_id == iid) & (targets.territory_id == tid)].iloc[0].to_dict()


def test_two_versions_in_one_file_keep_the_latest_decision_in_force(store_url, tmp_path):
    engine = store_with_framework(store_url)
    # listed newest first, French dates: the order of the rows does not decide, the dates do
    f = write(tmp_path, "cibles.csv", HEAD + "MOB01;59350;2019;2,1;2030;8;15/03/2024;Plan vélo 2024\n"
                                             "MOB01;59350;2019;2,1;2030;6;24/06/2021;Adoptée avec la stratégie\n")
    outcome = import_files(engine, [f], user="alice")
    assert outcome.ok, [p.as_dict() for p in outcome.checked.problems]
    current = _current(engine)
    assert (current["target_value"], current["decided_on"], current["reason"]) == (8.0, "2024-03-15", "Plan vélo 2024")
    earlier = earlier_versions(engine)
    assert list(earlier["target_value"]) == [6.0] and list(earlier["decided_on"]) == ["2021-06-24"]
    assert outcome.result.counts["targets"]["earlier_versions"] == 1
    # importing the same file again changes nothing and does not duplicate the earlier version
    again = import_files(engine, [f], user="alice")
    assert again.result.summary()["updated"] == 0
    assert len(earlier_versions(engine)) == 1


def test_a_later_row_alone_is_a_revision_and_rollback_restores_the_earlier_target(store_url, tmp_path):
    engine = store_with_framework(store_url)
    import_files(engine, [write(tmp_path, "v1.csv", HEAD + "MOB01;59350;2019;2,1;2030;6;24/06/2021;Stratégie\n")],
                 user="alice")
    second = import_files(engine, [write(tmp_path, "v2.csv", "indicator_id,territory_id,baseline_period,"
                                         "baseline_value,target_period,target_value\nMOB01,59350,2019,2.1,2030,9\n")],
                          user="bob")
    current = _current(engine)
    # the new version does not inherit the earlier decision's date and reason
    assert current["target_value"] == 9.0 and current["decided_on"] is None and current["reason"] is None
    earlier = earlier_versions(engine)
    assert list(earlier["target_value"]) == [6.0] and list(earlier["reason"]) == ["Stratégie"]
    rollback(engine, second.result.batch_id, user="carol")
    assert _current(engine)["target_value"] == 6.0 and _current(engine)["reason"] == "Stratégie"
    assert earlier_versions(engine).empty


def test_a_row_decided_before_the_stored_one_never_replaces_it(store_url, tmp_path):
    engine = store_with_framework(store_url)
    import_files(engine, [write(tmp_path, "new.csv", HEAD + "MOB01;59350;2019;2,1;2030;8;15/03/2024;Révision\n")],
                 user="alice")
    outcome = import_files(engine, [write(tmp_path, "old.csv", HEAD + "MOB01;59350;2019;2,1;2030;6;24/06/2021;"
                                          "Stratégie\n")], user="bob")
    assert outcome.ok
    assert _current(engine)["target_value"] == 8.0
    assert list(earlier_versions(engine)["target_value"]) == [6.0]


def test_same_decision_twice_with_other_numbers_is_a_conflict_and_a_bad_date_is_named(tmp_path, sqlite_url):
    engine = store_with_framework(sqlite_url)
    f = write(tmp_path, "cibles.csv", HEAD + "MOB01;59350;2019;2,1;2030;8;15/03/2024;A\n"
                                             "MOB01;59350;2019;2,1;2030;9;15/03/2024;B\n"
                                             "MOB01;34022;2019;2,1;2030;9;31/02/2024;C\n")
    checked = validate_files(engine, [f])
    problems = {(p.row, p.column, p.code) for p in checked.problems}
    assert (3, "valeur_cible", "conflicting_key") in problems
    bad = [p for p in checked.problems if p.code == "bad_date"]
    assert [(b.row, b.column, b.value) for b in bad] == [(4, "date_decision", "31/02/2024")]
    assert "15/03/2024" in bad[0].message("fr") and "jour d'abord" in bad[0].message("fr")


def test_charts_and_notes_show_the_earlier_version_in_the_page_language(sqlite_url, tmp_path):
    engine = store_with_framework(sqlite_url)
    import_files(engine, [write(tmp_path, "c.csv", HEAD + "MOB01;59350;2019;2,1;2030;6,5;24/06/2021;Stratégie\n"
                                                        "MOB01;59350;2019;2,1;2030;8;15/03/2024;Plan vélo\n")],
                 user="alice")
    fw = load_framework(engine)
    targets = fw["targets"]
    versions = revisions.for_frame(fw["earlier_targets"], targets)
    fig = charts.indicator_chart(None, targets, None, fw["territories"], "fr", 1, "%", earlier_targets=versions)
    roles = [trace.meta["role"] for trace in fig.data]
    assert roles.index("earlier_target") < roles.index("target_path")      # drawn under the current path
    faint = fig.data[roles.index("earlier_target")]
    assert faint.y[-1] == 6.5 and "24 juin 2021" in faint.name
    fr = revisions.notes(fw["earlier_targets"], targets, "fr", 1, "%")
    nl = revisions.notes(fw["earlier_targets"], targets, "nl", 1, "%")
    assert fr == ["Cible révisée (décision du 15 mars 2024) : 8,0\xa0% en 2030 ; auparavant 6,5\xa0% en 2030. "
                  "Motif, tel que saisi : «\xa0Plan vélo\xa0»"]
    assert nl[0].startswith("Streefwaarde herzien (besluit van 15 mrt 2024): 8,0% in 2030; voorheen 6,5% in 2030.")   # CLDR: no space


def test_the_demo_and_its_report_list_the_revisions_of_the_past_year(demo_url):
    from indicators.store import open_store

    engine = open_store(demo_url)
    earlier = earlier_versions(engine)
    assert sorted(earlier["indicator_id"]) == ["INT02", "MOB04"]
    fw = load_framework(engine)
    obs = read_table(engine, "observations")
    report = R.build(fw, obs, F.Filters(lang="fr"), created=pd.Timestamp("2026-12-05").to_pydatetime())
    assert report.revisions_since == date(2025, 12, 5)
    assert [(v["indicator_id"], v["decided_on"]) for v in report.revisions] == [("MOB04", "19 mars 2026")]
    older = R.build(fw, obs, F.Filters(lang="nl"), revisions_since=date(2023, 1, 1))
    assert [v["indicator_id"] for v in older.revisions] == ["MOB04", "INT02"]
    html = R.render_html(older, plotly_js="")
    assert "Streefwaarden herzien sinds 1 januari 2023" in html and "100,0\xa0km in 2030" in html
    entry = next(i for s in older.sections for i in s.indicators if i.indicator_id == "INT02")
    assert entry.revisions and "voorheen 30\xa0evenementen in 2030" in entry.revisions[0]


def test_thousands_of_versions_are_picked_in_one_pass_and_a_chart_draws_the_latest_few():
    """A target decided anew thousands of times (an outside tester's file: 20 000 versions) made every
    chart and the report compare each version with every one kept before it: 4 000 versions took 40 s.
    Each version is now looked up in a set; a chart draws the latest few, and the note counts them all."""
    from indicators import revisions

    n = 3000
    earlier = pd.DataFrame({"indicator_id": "MOB04", "territory_id": "EMLKT", "baseline_period": "2014",
                            "baseline_value": 10.0, "target_period": "2030",
                            "target_value": [float(i % 1500) for i in range(n)],        # each one twice
                            "milestone_period": None, "milestone_value": None,
                            "decided_on": [f"20{10 + i % 1500 // 100:02d}-01-01" for i in range(n)]})
    current = {"indicator_id": "MOB04", "territory_id": "EMLKT", "baseline_period": "2014", "baseline_value": 10.0,
               "target_period": "2030", "target_value": 7.0, "milestone_period": None, "milestone_value": None,
               "decided_on": "2026-01-01"}
    picked = revisions.for_target(earlier, current, "MOB04", "EMLKT")
    assert len(picked) == 1499                                   # each (numbers, date) once, the current left out
    assert [r["target_value"] for r in picked[:3]] == [0.0, 1.0, 2.0]
    drawn = revisions.for_frame(earlier, pd.DataFrame([current]))
    assert [r["target_value"] for r in drawn] == [r["target_value"] for r in picked[-revisions.DRAWN_PER_TARGET:]]
    note = revisions.notes(earlier, pd.DataFrame([current]), "en")[0]
    assert "1,498" in note or "1498" in note, note                # the note counts every earlier version
