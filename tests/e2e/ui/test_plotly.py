"""plotly's charts drawn in the page: the HTML PyWebIO's docs put there (ui/plotlycharts.py),
and a desklaunch script's `fig.show()` (compat/plotlyshow.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import plotly.io
import pytest
from playwright.sync_api import expect

from desklaunch.compat import plotlyshow

SCRIPTS = Path(__file__).parent / "scripts"
FRAMES = "element => element._transitionData ? element._transitionData._frames.length : -1"


@pytest.fixture
def page_renderer() -> Iterator[None]:
    """What the `desklaunch` command does before running a script: plotly's `show()` draws
    in the page."""
    before = plotly.io.renderers.default
    plotlyshow.watch()
    yield
    plotlyshow.unwatch()
    plotly.io.renderers.default = before


def test_plotly_charts_put_as_pywebio_puts_them_are_drawn(pilot, alias) -> None:
    app = pilot(SCRIPTS / "pywebio_plotly_chart.py", title="pywebio_plotly_chart")
    app.expect_text("After the charts")
    charts = app.page.locator(".plotly-graph-div")
    expect(charts).to_have_count(3)
    sold, weather, moving = charts.all()
    expect(sold.locator(".gtitle")).to_have_text("Fruit sold")
    expect(sold.locator(".bars path")).to_have_count(3)
    expect(sold.locator(".xtick text")).to_have_text(["Mango", "Kiwi", "Plum"])
    expect(weather.locator(".gtitle")).to_have_text("Afternoons")
    expect(weather.locator(".scatterlayer .js-line")).to_have_count(1)
    expect(moving.locator(".gtitle")).to_have_text("Moving")
    assert moving.evaluate(FRAMES) == 4, "the animation's frames were not given to plotly"
    expect(app.page.get_by_text("Not shown", exact=False)).to_have_count(0)


def test_fig_show_draws_the_chart_in_the_page(pilot, page_renderer) -> None:
    app = pilot(SCRIPTS / "plotly_show.py", title="plotly_show")
    app.expect_text("After the chart")
    chart = app.page.locator(".plotly-graph-div")
    expect(chart.locator(".gtitle")).to_have_text("Where it went")
    expect(chart.locator("g.slice")).to_have_count(3)
    expect(chart.locator(".legendtext")).to_have_text(["Rent", "Food", "Books"])


def test_charts_put_in_rows_columns_tabs_and_popups_are_drawn_there(pilot, alias) -> None:
    app = pilot(SCRIPTS / "pywebio_plotly_places.py", title="pywebio_plotly_places")
    app.expect_text("plotly.js is object")
    app.expect_text("After the charts")

    def chart(title: str):
        return app.page.locator(".plotly-graph-div", has=app.page.locator(".gtitle",
                                                                        has_text=title))

    left, right = chart("Left").bounding_box(), chart("Right").bounding_box()
    assert left and right and right["x"] >= left["x"] + left["width"] - 1, "not side by side"
    expect(chart("Left").locator(".bars path")).to_have_count(3)
    column = chart("In a column")
    expect(column.locator(".bars path")).to_have_count(3)
    box = column.bounding_box()
    assert box and box["height"] >= 300, f"the column's chart is {box} high"
    cell = chart("In a cell").bounding_box()
    assert cell and cell["width"] >= 300, f"the cell's chart is {cell} wide"
    app.page.get_by_role("tab", name="Chart").click()
    in_tab = chart("In a tab")
    expect(in_tab.locator(".bars path")).to_have_count(3)
    tab = app.page.get_by_role("tabpanel", name="Chart").bounding_box()
    app.page.wait_for_function(  # drawn while its tab was closed: it takes the tab's width
        "([chart, width]) => Math.abs(chart.getBoundingClientRect().width - width) < 40",
        arg=[in_tab.element_handle(), tab["width"] if tab else 0])
    expect(app.page.get_by_role("note")).to_have_text(re.compile(
        r"^Not shown: a map \(plotly draws one on land outlines or tiles from the web"))
    app.click("Open the chart")
    dialog = app.page.get_by_role("dialog", name="Sales")
    expect(dialog.locator(".gtitle")).to_have_text("In a popup")
    expect(dialog.locator(".bars path")).to_have_count(3)
