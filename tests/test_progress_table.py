"""`progress` as a table speaks the chosen language: the reason a series is not assessed in the words the
pages use (`reason_…`), numbers as the language writes them (2 129 108, 9,6, -1,04; never 2.12911e+06),
and columns as wide as their widest cell, the header's included. The JSON format stays as DESIGN.md
fixes it: plain numbers and codes."""
from __future__ import annotations

import json

import pytest

from indicators.cli import main
from indicators.i18n import number, status_label, t
from indicators.progress.rules import REASONS


def _run(capsys, *args) -> str:
    capsys.readouterr()
    assert main(list(args)) == 0
    return capsys.readouterr().out


def _json(capsys, url: str, lang: str) -> dict:
    return json.loads(_run(capsys, "progress", "--db", url, "--lang", lang, "--format", "json"))


def _tables(out: str) -> tuple[list[str], list[str]]:
    """The actions' lines and the indicators' lines, each headed by its header line."""
    lines = out.splitlines()[1:]   # after "Méthode : opensdg"
    blank = lines.index("")
    return lines[:blank], lines[blank + 1:]


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_table_says_reasons_and_numbers_in_the_language_with_aligned_columns(demo_url, capsys, lang):
    report = _json(capsys, demo_url, lang)
    actions, indicators = _tables(_run(capsys, "progress", "--db", demo_url, "--lang", lang))
    rows = {tuple(line.split()[:2]): line for line in indicators[1:]}
    headline = [i for i in report["indicators"] if i["headline"]]
    assert len(indicators) == len(headline) + 1

    # the reason: the pages' words, never the code
    unassessed = [i for i in headline if i["reason"]]
    assert unassessed
    for i in unassessed:
        line = rows[(i["indicator_id"], i["territory_id"])]
        # assessed from a break in series: since when (the status is one); otherwise why not assessed
        said = (t("reason_assessed_since_break", lang, period=i["base_period"])
                if i["reason"] == "break_in_series" and i["status"] != "not_assessed" else t(f"reason_{i['reason']}", lang))
        assert line.endswith("  " + said) and i["reason"] not in line

    # numbers: a large value with its digits grouped, decimals with a comma, no exponent
    large = max(headline, key=lambda i: i["latest_value"] or 0)
    assert large["latest_value"] >= 1e6 and large["latest_value"] == int(large["latest_value"])
    assert f"  {number(large['latest_value'], lang, 0)}" in rows[(large["indicator_id"], large["territory_id"])]
    assert "e+" not in "\n".join(indicators)
    decimal = next(i for i in headline if i["latest_value"] and round(i["latest_value"], 1) != int(i["latest_value"])
                   and i["latest_value"] == round(i["latest_value"], 1))
    assert f"  {number(decimal['latest_value'], lang, 1)}" in rows[(decimal["indicator_id"], decimal["territory_id"])]
    scored = next(i for i in headline if i["score"] is not None and i["score"] < 0)
    assert f"  {number(scored['score'], lang, 2)}  " in rows[(scored["indicator_id"], scored["territory_id"])]
    assert "," in number(scored["score"], lang, 2)

    # alignment: every cell starts (text) or ends (numbers) where its header does, the header measured too
    header = indicators[0]
    status, reason = t("cli_col_status", lang), t("cli_col_reason", lang)
    latest_end = header.index(t("cli_col_latest", lang)) + len(t("cli_col_latest", lang))
    for i in headline:
        line = rows[(i["indicator_id"], i["territory_id"])]
        assert line[header.index(status):].startswith(status_label(i["status"], lang))
        assert line[header.index(status) - 2:header.index(status)] == "  "
        if i["latest_value"] is not None:
            assert line[latest_end - 1].isdigit() and line[latest_end:latest_end + 2] in ("", "  ")
        if i["reason"]:
            assert line[header.index(reason):] == (
                t("reason_assessed_since_break", lang, period=i["base_period"])
                if i["reason"] == "break_in_series" and i["status"] != "not_assessed" else t(f"reason_{i['reason']}", lang))
    action_status = actions[0].index(t("cli_col_status", lang))
    assert action_status > len(t("action", lang))   # "action stratégique" is wider than an action code
    for a, line in zip(report["actions"], actions[1:]):
        assert line.startswith(a["action_id"]) and line[action_status:].startswith(status_label(a["status"], lang))


    # the JSON format unchanged (DESIGN.md): the same in every language, codes and plain numbers
    assert report == _json(capsys, demo_url, "en")
    assert {i["reason"] for i in unassessed} <= set(REASONS)
    assert isinstance(large["latest_value"], float) and isinstance(scored["score"], float)


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_with_the_eurostat_method_a_series_without_target_reads_in_eurostats_words(demo_url, capsys, lang):
    """As the pages say it (status_badge with has_target): "Progrès significatif", not "En bonne voie",
    for a trend judged without a target under the Eurostat method."""
    from indicators.i18n import EUROSTAT_TEXTS

    report = json.loads(_run(capsys, "progress", "--db", demo_url, "--lang", lang, "--format", "json",
                             "--method", "eurostat"))
    _, indicators = _tables(_run(capsys, "progress", "--db", demo_url, "--lang", lang, "--method", "eurostat"))
    rows = {tuple(line.split()[:2]): line for line in indicators[1:]}
    untargeted = [i for i in report["indicators"] if i["headline"] and i["target_value"] is None
                  and i["status"] in EUROSTAT_TEXTS]
    assert untargeted
    for i in untargeted:
        line = rows[(i["indicator_id"], i["territory_id"])]
        assert EUROSTAT_TEXTS[i["status"]][lang] in line and status_label(i["status"], lang) not in line
