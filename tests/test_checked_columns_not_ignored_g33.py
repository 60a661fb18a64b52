"""A column the import reads and checks, though it does not store it, is not "ignored": the notice "Columns the
import ignores" listed an observations, targets or flows file's `unit` column (`unit`, `unité`, `eenheid`, any
case or spacing), which is judged against the indicator's unit (a mismatch is refused), and a second code
column holding codes (`indicateur` beside `indicator_id`), a row where it differs being refused. The list is
now what validation.check neither stores nor checks; the JSON's `ignored_columns` says the same."""
from __future__ import annotations

import json

import pytest

from indicators.cli import main
from indicators.importing import validate_files

from .helpers import store_with_framework, write

UNIT_HEADERS = ["unit", "Unité", " UNITE ", "eenheid", "Eenheid ", "unit "]


@pytest.fixture(scope="module")
def framework_store(tmp_path_factory):
    return store_with_framework(f"sqlite:///{tmp_path_factory.mktemp('g33') / 'store.sqlite'}")


def _notices(checked) -> list[str]:
    return [p.message(lang) for p in checked.problems if p.code == "ignored_columns" for lang in ("fr", "nl", "en")]


@pytest.mark.parametrize("header", UNIT_HEADERS)
def test_a_unit_column_of_observations_is_not_listed_as_ignored(tmp_path, framework_store, header):
    text = f"indicator_id;territory_id;period;value;{header};Nom\nMOB02;59350;2021;12;persons;Lille\n"
    checked = validate_files(framework_store, [write(tmp_path, "obs.csv", text)])
    assert checked.ok, [p.as_dict() for p in checked.problems]
    notices = _notices(checked)
    assert len(notices) == 3 and all("Nom" in n and header.strip() not in n for n in notices), notices
    assert checked.files[0]["ignored_columns"] == ["Nom"]


@pytest.mark.parametrize("header", UNIT_HEADERS[:3])
def test_a_unit_column_alone_gives_no_ignored_notice_and_is_still_checked(tmp_path, framework_store, header):
    good = f"indicator_id;territory_id;period;value;{header}\nMOB02;59350;2021;12;persons\n"
    checked = validate_files(framework_store, [write(tmp_path, "good.csv", good)])
    assert checked.ok and not checked.problems, [p.as_dict() for p in checked.problems]
    assert checked.files[0]["ignored_columns"] == []
    bad = f"indicator_id;territory_id;period;value;{header}\nMOB02;59350;2021;12;%\n"
    refused = validate_files(framework_store, [write(tmp_path, "bad.csv", bad)])
    assert [(p.code, p.row, p.column) for p in refused.problems] == [("unit_column_mismatch", 2, header.strip())]


@pytest.mark.parametrize("name, text", [
    ("targets.csv", "indicator_id;territory_id;baseline_period;baseline_value;target_period;target_value;unité;note\n"
                    "MOB02;59350;2014;0;2030;100;persons;x\n"),
    ("flows.csv", "indicator_id;origin_id;destination_id;period;value;Eenheid\nMOB02;59350;34022;2021;100;persons\n"),
])
def test_targets_and_flows_unit_columns_are_not_listed_either(tmp_path, framework_store, name, text):
    checked = validate_files(framework_store, [write(tmp_path, name, text)])
    unit = [h for h in text.splitlines()[0].split(";") if h.lower() in ("unité", "eenheid")][0]
    assert unit not in checked.files[0]["ignored_columns"]
    assert not any(unit in n for n in _notices(checked)), _notices(checked)


def test_a_second_code_column_that_is_compared_is_not_listed(tmp_path, framework_store):
    text = "indicateur;indicator_id;territory_id;period;value;Libellé\nMOB02;MOB02;59350;2021;1;Frontaliers\n"
    checked = validate_files(framework_store, [write(tmp_path, "two.csv", text)])
    assert checked.ok
    assert checked.files[0]["ignored_columns"] == ["Libellé"]
    assert all("indicator_id" not in n.split(":")[-1] for n in _notices(checked)), _notices(checked)


def test_the_json_report_lists_only_what_is_ignored(demo_url, tmp_path, capsys):
    path = write(tmp_path, "obs.csv", "indicator_id,territory_id,period,value,Unité,Territoire (nom)\n"
                                      "MOB04,59350,2021,12.5,km,Lille\n")
    code = main(["validate", str(path), "--db", demo_url, "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["files"][0]["ignored_columns"] == ["Territoire (nom)"], report
