"""examples/chart.py: a matplotlib chart that grows as the person adds months."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from playwright.sync_api import expect

EXAMPLE = Path(__file__).parents[2] / "examples" / "chart.py"


def test_the_chart_switches_kind_and_grows_with_each_month(pilot) -> None:
    if importlib.util.find_spec("matplotlib") is None:
        pytest.skip("matplotlib is not installed (the `test` extra has it): the chart example "
                    "needs it")
    app = pilot(EXAMPLE)
    chart = app.page.get_by_role("img", name="Units sold per month, as line")
    expect(chart).to_be_visible()
    width = chart.evaluate("el => el.decode().then(() => el.naturalWidth)")
    assert width > 300
    expect(app.page.get_by_role("table").get_by_role("row")).to_have_count(7)
    app.click("Bars")
    expect(app.page.get_by_role("img", name="Units sold per month, as bars")).to_be_visible()
    expect(app.page.get_by_role("img")).to_have_count(1)
    app.answer("Units sold in Jul", "-3")
    expect(app.alert()).to_have_text("Enter zero or more")
    app.answer("Units sold in Jul", "205")
    expect(app.page.get_by_role("row", name="Jul 205")).to_be_visible()
    expect(app.page.get_by_role("img", name="Units sold per month, as bars")).to_be_visible()
    expect(app.field("Units sold in Aug")).to_be_focused()
