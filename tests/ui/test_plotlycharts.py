"""plotly's HTML read as the charts it draws (ui/plotlycharts.py): whichever way plotly was
told to find plotly.js, its scripts are taken out and the figure's JSON is what is left to
draw; a script that is not plotly's stays, and so does one that cannot be read."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from desklaunch.ui.plotlycharts import find_charts, plotly_js


def _figure(**layout: object) -> object:
    return go.Figure(go.Bar(x=["Mango", "Kiwi"], y=[12, 7]), layout={"title": "Fruit", **layout})


@pytest.mark.parametrize("include", [True, "cdn", "require", "directory", False,
                                     "/static/plotly-2.35.2.min.js"])
@pytest.mark.parametrize("full_html", [False, True])
def test_each_way_of_finding_plotly_js_leaves_the_chart_and_no_script(include: object,
                                                                      full_html: bool) -> None:
    html = _figure().to_html(include_plotlyjs=include, full_html=full_html, div_id="sold")
    found = find_charts(html)
    assert "<script" not in found.markup.lower()
    assert 'id="sold"' in found.markup
    [chart] = found.charts
    assert chart.id == "sold"
    assert chart.data[0]["x"] == ["Mango", "Kiwi"]
    assert chart.layout["title"]["text"] == "Fruit"
    assert chart.config == {"responsive": True}


def test_an_animation_keeps_its_frames_and_its_play_settings() -> None:
    frames = [go.Frame(data=[go.Bar(y=[n, n + 1])], name=f"step {n}") for n in range(3)]
    figure = go.Figure(go.Bar(y=[0, 1]), frames=frames)
    chart = find_charts(figure.to_html(include_plotlyjs=False, auto_play=True,
                                       animation_opts={"frame": {"duration": 50}})).charts[0]
    assert [frame["name"] for frame in chart.frames] == ["step 0", "step 1", "step 2"]
    assert chart.animate == {"frame": {"duration": 50}}
    still = find_charts(figure.to_html(include_plotlyjs=False, auto_play=False)).charts[0]
    assert len(still.frames) == 3 and still.animate is None


def test_two_charts_in_one_piece_of_html_are_both_read() -> None:
    html = (_figure().to_html(include_plotlyjs="cdn", full_html=False, div_id="one")
            + _figure().to_html(include_plotlyjs=False, full_html=False, div_id="two"))
    assert [chart.id for chart in find_charts(html).charts] == ["one", "two"]


def test_a_script_that_is_not_plotlys_stays_for_the_note_to_name() -> None:
    html = (_figure().to_html(include_plotlyjs="cdn", full_html=False, div_id="sold")
            + "<script>alert('hi')</script>")
    found = find_charts(html)
    assert [chart.id for chart in found.charts] == ["sold"]
    assert found.markup.count("<script") == 1 and "alert('hi')" in found.markup


def test_a_drawing_call_that_cannot_be_read_is_left_as_it_is() -> None:
    html = '<div id="x"></div><script>Plotly.newPlot("x", data, layout)</script>'
    found = find_charts(html)
    assert found.charts == [] and found.markup == html


def test_the_plotly_js_is_the_installed_packages_own() -> None:
    library = plotly_js()
    assert library is not None and library.name == "plotly.min.js"
    assert "plotly.js v" in library.read_text(encoding="utf-8")[:400]


def test_the_mathjax_plotly_brings_goes_with_plotlys_own_scripts() -> None:
    """LaTeX labels stay as written (MathJax is on another site), and no note says that
    scripts did not run under a chart that is drawn."""
    found = find_charts(_figure().to_html(include_plotlyjs="cdn", include_mathjax="cdn",
                                          full_html=False))
    assert len(found.charts) == 1 and "<script" not in found.markup.lower()


def test_a_post_script_is_noted_as_code_left_out() -> None:
    with_code = _figure().to_html(include_plotlyjs=False, post_script="console.log('drawn')")
    assert find_charts(with_code).dropped
    assert not find_charts(_figure().to_html(include_plotlyjs=False)).dropped
