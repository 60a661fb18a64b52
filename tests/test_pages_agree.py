"""Two pages of the same store never say two things about one indicator: the Overview's stale table and
Data health's freshness table name the same indicators, the same latest period and the same delay (the
Overview said "aucune donnée" for the commuter flows that Data health showed two years late)."""
from __future__ import annotations

from .helpers import markdown_table
from .test_pages_actions_explorer import open_page, store  # noqa: F401  (the fixture)


def _table(at, column: str):
    return markdown_table(at, column)


def test_overview_stale_table_agrees_with_data_health(store):
    from indicators.i18n import t

    for lang in ("fr", "nl"):
        overview = _table(open_page("pages/overview.py", {"lang": lang}), t("health_behind", lang))
        health = open_page("pages/health.py", {"lang": lang})
        health.session_state["health_tab"] = t("health_tab_freshness", lang)    # every indicator's freshness
        health.run()
        fresh = next(d.value for d in health.dataframe if t("health_behind", lang) in d.value.columns
                     and t("latest_period", lang) in d.value.columns)
        key = t("indicator", lang)
        columns = [key, t("latest_period", lang), t("health_behind", lang)]
        late = fresh[fresh[t("health_behind", lang)].astype(str).str.contains(r"\d", regex=True)
                     | fresh[t("latest_period", lang)].isna()]
        shown = overview[columns].set_index(key)
        assert len(shown) >= 3
        for name, row in shown.iterrows():
            other = fresh[fresh[key] == name]
            assert len(other) == 1, name
            other = other.iloc[0]
            no_data = t("fresh_no_data", lang)
            assert (row[t("latest_period", lang)] == no_data) == (other[t("latest_period", lang)] in (None, "", "–")
                                                                   or other[t("latest_period", lang)] != other[t("latest_period", lang)]), (name, row, other)
            if row[t("latest_period", lang)] != no_data:
                assert row[t("latest_period", lang)] == str(other[t("latest_period", lang)]), (name, row, other)
                assert row[t("health_behind", lang)] == other[t("health_behind", lang)], (name, row, other)
        assert len(late) >= len(shown)
