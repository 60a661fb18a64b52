"""Tables that say what they hide, a ranking whose axis and reference can be read, and a Partners table
of names (tester V, stop 32, findings 2, 6, 7 and 10).

- Strategic actions at 1024 px (sidebar open, tables 564 px wide): the status was cut ("Acceleratio",
  "Limited pr") behind pinned names 400 and 475 px wide, and the line under each table named a fixed list
  written for 1280 px (no score, progress or latest value). The names and the status now fit the narrowest
  table, the status column as wide as its longest pill, and the line names every column after the status.
- Explorer ranking: the value axis had no numbers, and the reference line was never drawn (plotly.js
  3.8 stops drawing shapes at one of layer "between"), leaving its label floating.
- Partners: bare codes ("⚠ ECO06, A11, A28") where every page writes "CODE · name", the partner's name cut
  at 330 px, the download buttons in two fixed halves.
"""
from __future__ import annotations

import json

import pandas as pd
import pytest

from indicators.i18n import t

from .conftest import open_page

LANGS = ("fr", "nl", "en")
# The narrowest layout's table (1024 px, sidebar open), as tests/browser/test_tables_fit_browser_r32.py
# measures it, less the grid's vertical scroll bar: what the columns up to the status must fit in.
NARROWEST_ROOM = 564 - 16


def _columns(table) -> list[tuple[str, dict]]:
    """(column, its config) of a drawn table, in the order drawn."""
    config = json.loads(table.proto.columns)
    return [(c, config.get(c, {})) for c in table.value.columns]


def _px(width) -> int:
    """A column's width in pixels (Streamlit's named widths as its data grid draws them)."""
    return {"small": 75, "medium": 200, "large": 400}.get(width, width) if width is not None else 150


def _pill_need(texts) -> float:
    """What the longest status pill needs: its words, the pill's and the cell's padding."""
    from indicators import indicator_tables as IT
    from indicators.style import text_px

    return max(text_px(x) for x in texts) + 2 * IT.PILL_PADDING + 2 * IT.CELL_PADDING


@pytest.mark.parametrize("lang", LANGS)
def test_the_status_shows_whole_beside_the_names_at_1024_px_and_the_line_below_names_the_rest(demo_url, lang):
    at = open_page("pages/actions.py", {"lang": lang})
    tables = at.dataframe[:2]
    captions = {c.value for c in at.caption}
    for table in tables:
        columns = _columns(table)
        names = [c for c, _ in columns]
        status_at = names.index("status_text")
        before = columns[:status_at + 1]
        # every column up to the status (the pinned code and name, then the status) in the narrowest table
        used = sum(_px(config.get("width")) for _, config in before)
        assert used <= NARROWEST_ROOM, (lang, [(c, k.get("width")) for c, k in before])
        assert all(config.get("pinned") for _, config in before[:-1]), before
        # the status column as wide as its longest pill
        pills = [x for cell in table.value["status_text"] for x in cell]
        assert _px(columns[status_at][1]["width"]) >= _pill_need(pills), (lang, columns[status_at][1]["width"])
        # the line under the table names every column after the status, in the order drawn
        after = [config["label"].lower() for _, config in columns[status_at + 1:]]
        line = [c for c in captions if all(a in c for a in after)]
        assert line, (lang, after, captions)
        positions = [line[0].index(a) for a in after]
        assert positions == sorted(positions), line[0]


@pytest.mark.parametrize("lang", LANGS)
def test_status_widths_follow_each_languages_longest_words(lang):
    """The engine's widths: the longest status of the language (with a context note) whole, a name column
    never wider than what leaves it room, never narrower than SMALLEST_NAME."""
    from indicators import indicator_tables as IT
    from indicators.wording import status_text

    assert IT.NARROWEST_TABLE - IT.SCROLLBAR == NARROWEST_ROOM

    texts = [status_text(s, lang) + f" · {t('context_status', lang)}" for s in
             ("achieved", "on_track", "acceleration_needed", "limited_progress", "deterioration", "not_assessed")]
    wide = IT.status_width(texts, t("status", lang))
    assert wide >= _pill_need(texts)
    names = ["A07 · " + "x" * 200]
    assert IT.name_width(names, wide) == IT.NARROWEST_TABLE - IT.SCROLLBAR - wide
    assert IT.name_width(["A01 · Vélo"], wide) < 150                 # no wider than its words
    assert IT.name_width(names, IT.NARROWEST_TABLE) == IT.SMALLEST_NAME


# ------------------------------------------------------------------ the Explorer's ranking

def _ranking(lang: str):
    from indicators.ranking import ranking_chart

    territories = pd.DataFrame({"territory_id": ["EMLKT", "59350", "BE254", "59009"],
                                "name_fr": ["Eurométropole", "Lille", "Courtrai", "Villeneuve-d'Ascq"],
                                "country": ["EU", "FR", "BE", "FR"],
                                "kind": ["custom", "commune", "commune", "commune"],
                                "parent_id": [None, None, None, None]})
    latest = pd.DataFrame({"territory_id": ["EMLKT", "59350", "BE254", "59009"],
                           "value": [2100.0, 1900.0, 700.0, 500.0], "period": ["2024"] * 4})
    return ranking_chart(latest, lang, 0, "persons", territories)


@pytest.mark.parametrize("lang", LANGS)
def test_the_ranking_axis_has_numbers_in_the_pages_format(lang):
    from indicators.charts.look import SEPARATORS

    fig = _ranking(lang)
    assert fig.layout.xaxis.showticklabels is not False
    assert fig.layout.xaxis.tickformat == ",~f" and fig.layout.separators == SEPARATORS[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_the_ranking_reference_is_a_drawn_line_with_its_label_on_it(lang):
    fig = _ranking(lang)
    lines = [s for s in fig.layout.shapes if s.x0 == 2100.0 and s.x1 == 2100.0]
    assert len(lines) == 1
    line = lines[0]
    # a layer plotly.js 3.8 (Streamlit's) draws: "between" stopped it drawing shapes at all
    assert line.layer in ("below", "above") and line.line.dash == "dash" and (line.y0, line.y1) == (0, 1)
    label, = [a for a in fig.layout.annotations if "Eurométropole" in a.text]
    # the label sits on the line's top, tied to it by a stem (a headless arrow) that ends where it ends
    assert label.x == 2100.0 and label.y == 1 and label.yref == "paper" and label.showarrow
    assert label.ax == 0 and label.ay < 0 and label.arrowhead == 0
    assert label.xanchor in ("left", "right") and label.arrowcolor == line.line.color


def test_stacked_reference_labels_are_crossed_by_the_fewest_stems():
    """Three labels above the plot: the one whose words span the others' lines goes on top."""
    from indicators.ranking import label_levels

    xs, right = [200_000.0, 280_000.0, 300_000.0], [True, True, True]
    texts = ["Arrondissement de Courtrai : 298 806 habitants"] * 3
    levels = label_levels(xs, right, texts, [0.0, 380_000.0])
    assert levels == [0, 1, 2]          # right-anchored labels: the rightmost highest
    levels = label_levels(list(reversed(xs)), right, texts, [0.0, 380_000.0])
    assert levels == [2, 1, 0]


# ------------------------------------------------------------------ the Partners page

def test_a_partners_cell_holds_what_shows_whole_then_says_how_many_more():
    from indicators import partners as P

    items = [f"ECO0{i} · Produit intérieur brut par habitant" for i in range(8)]
    text = P.fitted(items, 300, lambda n: f"et {n} de plus")
    assert text.endswith("de plus") and P.line_count(text, 300) <= P.CELL_LINES
    shown = text.count("·")
    assert 1 <= shown < 8 and text.endswith(f"et {8 - shown} de plus")
    assert P.fitted(items[:1], 300, str) == items[0] and P.fitted([], 300, str) == "–"
    assert P.line_count("a " * 3, 300) == 1 and P.line_count("mot " * 80, 300) >= 4


@pytest.mark.parametrize("lang", LANGS)
def test_the_partners_table_writes_names_beside_codes_and_fits_its_first_columns(demo_url, lang):
    from indicators.i18n import name
    from indicators.queries import load_framework

    from indicators.store import open_store

    engine = open_store(demo_url)
    try:
        fw = load_framework(engine)
    finally:
        engine.dispose()
    at = open_page("pages/partners.py", {"lang": lang})
    table = at.dataframe[0]
    frame = table.value
    columns = _columns(table)
    widths = {column: config.get("width") for column, config in columns}
    # names beside codes: every indicator and action listed as "CODE · name" in the page's language
    indicator_names = {r["indicator_id"]: name(r, "name", lang) for r in fw["indicators"].to_dict("records")}
    action_names = {r["action_id"]: name(r, "title", lang) for r in fw["actions"].to_dict("records")}
    owns = " ".join(frame[t("partner_owns", lang)])
    leads = " ".join(frame[t("partner_leads", lang)])
    late = " ".join(frame[t("partner_late", lang)])
    assert "ECO01 · " + indicator_names["ECO01"] in owns
    assert "A11 · " + action_names["A11"] in leads
    assert any(f"{code} · {indicator_names[code]}" in late for code in indicator_names)
    # the first three columns in the narrowest table, in rows tall enough for Streamlit to wrap the words
    first = [widths[t(k, lang)] for k in ("partner", "partner_country", "partner_late")]
    assert sum(_px(w) for w in first) <= NARROWEST_ROOM, first
    assert table.proto.row_height > 64
    from indicators import partners as P

    for cell in frame[t("partner_owns", lang)]:    # each cell: what shows whole, then how many more
        if cell != "–":
            assert P.line_count(cell, _px(widths[t("partner_owns", lang)])) <= P.CELL_LINES, cell
    # the partner's name whole, in the cell's lines
    partner = widths[t("partner", lang)]
    assert all(P.line_count(n, partner) <= P.CELL_LINES for n in frame[t("partner", lang)])
    # the chosen partner's own lists, every one named
    own = [m.value for m in at.markdown if m.value.startswith(f"**{t('partner_leads', lang)}**")]
    assert own and " · " in own[0], own


@pytest.mark.parametrize("lang", LANGS)
def test_the_partners_download_buttons_share_one_row(demo_url, lang):
    at = open_page("pages/partners.py", {"lang": lang})
    at.selectbox(key="partner_pick").set_value("ADULM").run()
    assert not at.exception, at.exception
    buttons = list(at.get("download_button"))
    labels = {t(k, lang) for k in ("partner_download_due", "partner_download_due_xlsx", "partner_download_due_flows")}
    mine = [b for b in buttons if b.proto.label in labels]
    assert len(mine) == 3
    parents = {_parent_path(at, b) for b in mine}
    assert len(parents) == 1, parents      # one horizontal row, not two fixed columns


def _parent_path(at, element) -> tuple:
    """The path of the block holding `element` in the app's tree."""
    def walk(node, path):
        for key, child in getattr(node, "children", {}).items():
            if child is element:
                return path
            found = walk(child, path + (key,))
            if found is not None:
                return found
        return None

    return walk(at._tree, ())
