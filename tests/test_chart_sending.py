"""A cached figure reaches the browser as Streamlit would send it, and its dict is made once
(pages/widgets.plotly_chart): the deep copy Streamlit asks of every figure on every run is skipped."""
from __future__ import annotations

import json

import plotly.graph_objects as go
import plotly.io as pio
from streamlit.testing.v1 import AppTest


def script():
    import plotly.graph_objects as go
    import streamlit as st

    from pages import widgets

    @st.cache_resource
    def shared():
        fig = go.Figure(go.Scatter(x=[2020, 2021, 2022], y=[1.5, None, 3.25], name="Lille – Kortrijk"))
        fig.update_layout(title="Titre · é", height=320, meta={"shown": 3})
        return fig

    widgets.plotly_chart(shared(), key="sent", config={"displayModeBar": False}, theme=None)
    st.plotly_chart(shared(), key="plain", config={"displayModeBar": False}, theme=None)


def _specs(at) -> dict[str, dict]:
    return {("sent" if "sent" in c.proto.id else "plain"): json.loads(c.proto.spec) for c in at.get("plotly_chart")}


def test_the_sent_spec_is_streamlits_own(monkeypatch):
    calls = []
    to_dict = go.Figure.to_dict

    def counted(self):
        calls.append(1)
        return to_dict(self)

    monkeypatch.setattr(go.Figure, "to_dict", counted)
    at = AppTest.from_function(script, default_timeout=30)
    at.run()
    assert not at.exception
    first = _specs(at)
    assert first["sent"] == first["plain"]                     # the same JSON as st.plotly_chart's
    assert first["sent"]["layout"]["title"]["text"] == "Titre · é"
    assert first["sent"]["data"][0]["name"] == "Lille – Kortrijk"
    made = len(calls)            # the plain chart asks once; the shared one once, on its first run
    at.run()
    assert not at.exception
    assert _specs(at) == first
    assert len(calls) == made + 1, "the shared figure's dict was made again on the second run"


def fresh_script():
    import plotly.graph_objects as go
    import streamlit as st

    from pages import widgets

    n = st.session_state.get("n", 1)
    widgets.plotly_chart(go.Figure(go.Bar(x=["a", "b"], y=[n, n * 2])), key="fresh")


def test_a_figure_built_on_every_run_is_sent_as_built():
    at = AppTest.from_function(fresh_script, default_timeout=30)
    at.run()
    first = json.loads(at.get("plotly_chart")[0].proto.spec)
    at.session_state["n"] = 5
    at.run()
    assert not at.exception
    second = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert first["data"][0]["y"] != second["data"][0]["y"]
    assert json.loads(pio.to_json(go.Figure(go.Bar(x=["a", "b"], y=[5, 10])), validate=False))["data"] == \
        second["data"]
