"""The committee report lists every revision of a target decided since `--since`, not only the latest.

docs/data-format.md: "every earlier version is kept, drawn faintly on the charts, listed in the
committee report". An outside tester's target REV (decided 2021: 150, revised 2023: 180 "Première
révision", 2025: 200 "Deuxième révision") appeared once in "Targets revised since 1 January 2020"
(200 ← 180): the 2023 decision, its value and its reason were nowhere in the report.
"""
from __future__ import annotations

from datetime import date

import pandas as pd

from indicators import filters as F
from indicators import report as R
from indicators import revisions


def _version(value: float, decided: str | None, reason: str, replaced_at: str | None = "2026-01-01T00:00:00+00:00"):
    return {"indicator_id": "REV", "territory_id": "57096", "baseline_period": "2018", "baseline_value": 100.0,
            "target_period": "2030", "target_value": value, "milestone_period": None, "milestone_value": None,
            "note": None, "decided_on": decided, "reason": reason, "replaced_at": replaced_at}


CURRENT = pd.DataFrame([_version(200.0, "2025-01-10", "Deuxième révision", None)]).drop(columns="replaced_at")


def test_a_target_revised_twice_since_the_day_is_listed_twice_newest_first():
    earlier = pd.DataFrame([_version(150.0, "2021-06-24", "Adoptée avec la stratégie"),
                            _version(180.0, "2023-03-19", "Première révision")])
    listed = revisions.since(CURRENT, earlier, date(2020, 1, 1))
    assert [(r["decided_on"], r["previous"]["target_value"], r["current"]["target_value"], r["current"]["reason"])
            for r in listed] == [("2025-01-10", 180.0, 200.0, "Deuxième révision"),
                                 ("2023-03-19", 150.0, 180.0, "Première révision")]
    # a day between the two decisions: the later one only; after both: none
    assert [r["decided_on"] for r in revisions.since(CURRENT, earlier, date(2024, 1, 1))] == ["2025-01-10"]
    assert revisions.since(CURRENT, earlier, date(2025, 6, 1)) == []


def test_the_version_replaced_is_the_one_decided_just_before_even_when_it_was_imported_later():
    """A decision imported after a later one is stored after it: the chain follows the decision dates."""
    earlier = pd.DataFrame([_version(180.0, "2023-03-19", "Première révision"),
                            _version(150.0, "2021-06-24", "Adoptée avec la stratégie")])
    listed = revisions.since(CURRENT, earlier, date(2020, 1, 1))
    assert [(r["previous"]["target_value"], r["current"]["target_value"]) for r in listed] == [(180.0, 200.0),
                                                                                                (150.0, 180.0)]


def test_a_version_that_changed_no_number_is_no_revision():
    earlier = pd.DataFrame([_version(150.0, "2021-06-24", "Adoptée"), _version(150.0, "2022-02-01", "Date ajoutée"),
                            _version(180.0, "2023-03-19", "Première révision")])
    listed = revisions.since(CURRENT, earlier, date(2020, 1, 1))
    assert [r["decided_on"] for r in listed] == ["2025-01-10", "2023-03-19"]
    assert listed[1]["previous"]["decided_on"] == "2022-02-01"


def test_the_report_lists_each_revision_with_its_values_date_and_reason(demo_tables):
    """The demo's MOB04 (2021: 100 km, revised 2026: 120 km) gets a revision in between (2024: 110 km):
    a report since 2023 lists both decisions of MOB04, each with the target before and after and its reason."""
    framework = dict(demo_tables["framework"])
    earlier = framework["earlier_targets"]
    first = earlier[earlier["indicator_id"] == "MOB04"].iloc[0].to_dict()
    middle = {**first, "target_value": 110.0, "decided_on": "2024-05-02", "reason": "Revue intermédiaire"}
    framework["earlier_targets"] = pd.concat([earlier, pd.DataFrame([middle])], ignore_index=True)
    report = R.build(framework, demo_tables["observations"], F.Filters(lang="fr"),
                     revisions_since=date(2023, 1, 1))
    mob = [v for v in report.revisions if v["indicator_id"] == "MOB04"]
    assert [(v["decided_on"], v["previous"], v["new"], v["reason"]) for v in mob] == [
        ("19 mars 2026", "110,0\u00a0km en 2030 (jalon : 88,0\u00a0km en 2027)", mob[0]["new"], mob[0]["reason"]),
        ("2 mai 2024", "100,0\u00a0km en 2030 (jalon : 88,0\u00a0km en 2027)",
         "110,0\u00a0km en 2030 (jalon : 88,0\u00a0km en 2027)", "Revue intermédiaire")]
    assert mob[0]["new"].startswith("120,0\u00a0km en 2030") and mob[0]["reason"]
    html = R.render_html(report, plotly_js="")
    table = html[html.index('<table class="revisions">'):]
    table = table[:table.index("</table>")]
    assert table.count("MOB04") >= 2 and "Revue intermédiaire" in table and "2 mai 2024" in table
