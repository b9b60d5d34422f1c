"""put_widget: PyWebIO's template widgets, with live outputs inside, in a real browser."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from desklaunch.compat import install_pywebio_alias, pywebio_installed, remove_pywebio_alias

TEMPLATE = """
<details {{#open}}open{{/open}}>
    <summary>{{title}}</summary>
    {{#contents}}
        {{& pywebio_output_parse}}
    {{/contents}}
</details>
"""


@pytest.fixture
def alias() -> Iterator[None]:
    assert not pywebio_installed(), "these tests need PyWebIO not to be installed"
    assert install_pywebio_alias()
    yield
    remove_pywebio_alias()


def widget_script() -> None:
    from pywebio.output import put_buttons, put_table, put_text, put_widget

    put_widget(TEMPLATE, {
        "open": True,
        "title": "More <content>",
        "contents": [
            "plain <b>text</b>",
            put_table([["Commodity", "Price"], ["Apple", "5.5"]]),
            put_buttons(["Order"], onclick=lambda _: put_text("ordered")),
        ],
    })


def test_a_template_widget_shows_its_data_and_live_outputs(pilot, alias) -> None:
    app = pilot(widget_script)
    page = app.page
    expect(page.locator("summary")).to_have_text("More <content>")
    app.expect_text("plain <b>text</b>")
    expect(page.get_by_role("row", name="Apple 5.5")).to_be_visible()
    expect(page.get_by_role("table")).to_have_count(1)  # moved into the widget, shown once
    app.click("Order")
    app.expect_text("ordered")
