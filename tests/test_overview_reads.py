"""The Overview reads right: scores explained on the first screen, titled axes, the matrix's order, plurals."""
from __future__ import annotations

import json

import pandas as pd

from indicators import health as H
from indicators.i18n import t

from .conftest import DEMO
from .test_pages_actions_explorer import open_page, store  # noqa: F401  (the fixture)


def test_overview_explains_scores_titles_axes_and_keeps_the_matrix_order(store):
    at = open_page("pages/overview.py", {"lang": "nl"})
    captions = [c.value for c in at.caption]
    assert t("matrix_score_key", "nl") in captions
    specs = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    matrix, by_theme, by_level = specs[0], specs[1], specs[2]
    for bars in (by_theme, by_level):
        assert bars["layout"]["xaxis"]["title"]["text"] == "Aantal acties"
        assert bars["layout"]["yaxis"]["title"]["text"] in (t("theme", "nl"), t("level", "nl"))
    levels = pd.read_csv(DEMO / "levels.csv").sort_values("order")
    def plain(label: str) -> str:     # labels are wrapped with <br>
        return "".join(label.replace("<br>", "").split())

    names = [plain(n) for n in levels["name_nl"]]
    bar_rows = [plain(y) for y in by_level["data"][0]["y"]]
    assert bar_rows == names[:len(bar_rows)] and len(bar_rows) == len(names)
    matrix_rows = [plain(y) for y in reversed(matrix["layout"]["yaxis"]["categoryarray"])]
    assert matrix_rows == bar_rows                          # the same order in both


def test_plurals_follow_the_language():
    row = {"periods_behind": 1, "state": "overdue", "periodicity": "annual"}
    assert H.behind_text(row, "fr") == "1 an de retard"
    assert H.behind_text({**row, "periods_behind": 2}, "fr") == "2 ans de retard"
    assert H.behind_text({**row, "periods_behind": 0}, "fr") == "0 an de retard"      # French: 0 is singular
    assert H.behind_text({**row, "periods_behind": 1}, "en") == "1 year behind"
    assert H.behind_text({**row, "periods_behind": 3, "periodicity": "quarterly"}, "nl") == "3 kwartalen achter"


def test_status_bars_count_actions_as_their_axis_says(store):
    """The bars per theme and per level add up to the theme's (level's) actions, and all of them to the
    "Actions followed" figure: they counted indicators under an axis titled "Number of actions"."""
    at = open_page("pages/overview.py", {"lang": "fr"})
    specs = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    actions = pd.read_csv(DEMO / "actions.csv", dtype=str)
    followed = int(next(m.value for m in at.metric if m.label == t("kpi_actions", "fr")))
    for bars, column in ((specs[1], "theme_id"), (specs[2], "level_id")):
        totals = {}
        for trace in bars["data"]:
            for label, n in zip(trace["y"], trace["x"]):
                totals[label] = totals.get(label, 0) + (n or 0)
        assert sum(totals.values()) == followed == len(actions), (column, totals)
        assert sorted(totals.values()) == sorted(actions[column].value_counts().tolist()), (column, totals)


def test_matrix_cells_and_hovers_read_in_the_pages_language():
    """A cell with no score shows its icon once (it read "– –"); hovers put a space before the colon in
    French only ("Score : 2,5", "Score: 2.5")."""
    from indicators.overview import matrix_figure, status_bars_figure

    cells = pd.DataFrame({"level_id": ["border", "border"], "theme_id": ["mobility", "climate"],
                          "status": ["not_assessed", "on_track"], "score": [float("nan"), 2.75], "n_actions": [1, 2]})
    levels = pd.DataFrame({"level_id": ["border"], "name_fr": ["Frontière"], "order": [1]})
    themes = pd.DataFrame({"theme_id": ["mobility", "climate"], "name_fr": ["Mobilité", "Climat"], "order": [1, 2]})
    names = (None, {"mobility": "Mobilité"})
    for lang, colon in (("fr", "\u202f:"), ("nl", ":"), ("en", ":")):
        fig = matrix_figure(cells, levels, themes, lang)
        texts = [x for trace in fig.data for x in (trace.text or [])]
        assert not any("– –" in x for x in texts), texts
        hovers = [h for trace in fig.data for h in (trace.hovertext or [])]
        assert all(f"{t('score', lang)}{colon} " in h for h in hovers), hovers
        assert lang == "fr" or not any(" : " in h for h in hovers), hovers
        groups = pd.DataFrame({"theme_id": ["mobility"], **{c: [1] for c in
                               ("n_achieved", "n_on_track", "n_acceleration_needed", "n_limited_progress",
                                "n_deterioration", "n_not_assessed")}})
        bars = status_bars_figure(groups, "theme_id", names[1], lang)
        assert all(f"{colon} %{{x}}" in tr.hovertemplate and (" : " not in tr.hovertemplate) for tr in bars.data)


def test_overview_tables_are_markdown_that_user_text_cannot_break():
    """The latest imports and the stale indicators are Markdown tables (no data grid to load): a user's
    name or a file name with "|", a link or HTML stays one cell of plain words, and past ten stale
    indicators the rest are counted, not listed."""
    from pages import overview as P

    batches = pd.DataFrame([{"created_at": "2026-12-05T10:00:00+00:00", "user": "x | [site](http://evil.example)",
                             "files": "a|b.csv, <img src=x>.csv", "added": 4001, "updated": 0}])
    received = P._received_table(batches, "fr").splitlines()
    assert len(received) == 3 and received[2].count(" | ") == 4, received
    cells = received[2].split(" | ")
    assert "http://evil" not in cells[1] and "site" in cells[1]          # the link's words, not the link
    assert cells[2].startswith("` ") and cells[2].endswith(" `")          # file names shown literally
    assert "4\u202f001" in received[2] or "4 001" in received[2] or "4\u00a0001" in received[2]
    stale = pd.DataFrame([{"indicator_id": f"MOB{i:02d}", "name_fr": f"Indicateur {i}", "latest_period": "2021",
                           "state": "overdue", "behind": 3, "expected": "2024", "owner": None} for i in range(12)])
    lines = P._stale_table(stale, "fr").splitlines()
    assert len(lines) == 2 + P.STALE_SHOWN
    assert lines[0] == "| " + " | ".join(t(k, "fr") for k in ("indicator", "latest_period", "health_behind", "owner")) + " |"
    assert "MOB00 · Indicateur 0" in lines[2]


def test_no_action_assessed_is_not_said_as_good_news(store):
    """A territory with no value for its level's actions: the key figures say 0 / 0 assessed, and the
    attention list said "On track" in a green box. It now says that nothing could be assessed, in the
    neutral style; with assessed actions and none behind, it says how many were assessed."""
    for lang in ("fr", "nl"):
        at = open_page("pages/overview.py", {"lang": lang, "level": "brussels", "territory": "31005"})
        assert t("attention_none_assessed", lang) in [i.value for i in at.info]
        assert not [s.value for s in at.success if s.value == t("on_track", lang)]
    at = open_page("pages/overview.py", {"lang": "fr", "action": "A01"})
    assert "Aucune action en retard : les actions évaluées (1) sont toutes en bonne voie ou à leur cible." \
        in [s.value for s in at.success]


def test_actions_without_values_name_the_filter_that_emptied_them(store):
    """Bruges under the Brussels level: the actions and indicators are listed, none has a value. The page
    said "no indicator matches: clear the level filter" under the list; it now says the values are missing
    for the chosen territories, and does not blame the level or the theme."""
    for lang in ("fr", "nl", "en"):
        at = open_page("pages/actions.py", {"lang": lang, "level": "brussels", "territory": "31005"})
        infos = [i.value for i in at.info]
        assert t("no_values_filters", lang, what=t("no_values_territory", lang)) in infos, infos
        assert not [i for i in infos if i.startswith(t("empty_filters", lang, what="").split(":")[0])], infos
    at = open_page("pages/actions.py", {"lang": "fr", "territory": "54010", "from": "2020"})
    assert t("no_values_filters", "fr", what=t("no_values_both", "fr")) in [i.value for i in at.info]
