"""examples/chart.py with desklaunch.testing, in process: the chart switches and grows."""

from __future__ import annotations

from pathlib import Path

EXAMPLE = Path(__file__).parents[2] / "examples" / "chart.py"


def test_the_chart_switches_kind_and_grows_with_each_month(desklaunch_app) -> None:
    app = desklaunch_app(EXAMPLE)
    assert app.find("img", "Units sold per month, as line")
    assert len(app.find("table").find_all("row")) == 7
    app.click("Bars")
    assert [img.name for img in app.find_all("img")] == ["Units sold per month, as bars"]
    app.fill("Units sold in Jul", "-3")
    app.submit()
    assert app.find("alert").text == "Enter zero or more"
    app.fill("Units sold in Jul", "205")
    app.submit()
    assert app.find("row", "Jul 205")
    assert app.find("textbox", "Units sold in Aug")
