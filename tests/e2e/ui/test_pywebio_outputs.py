"""PyWebIO outputs beyond the basics: put_widget templates with live outputs inside, toasts
placed and coloured as PyWebIO places and colours them, in a real browser."""

from __future__ import annotations

from playwright.sync_api import expect

TEMPLATE = """
<details {{#open}}open{{/open}}>
    <summary>{{title}}</summary>
    {{#contents}}
        {{& pywebio_output_parse}}
    {{/contents}}
</details>
"""


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


def toasts_script() -> None:
    from pywebio.output import toast

    toast("Saved", position="left", color="#2b8a3e", duration=0)
    toast("Plain", duration=0)
    toast("Careful", position="right", color="warn", duration=0)


def test_toasts_take_pywebio_s_positions_and_any_css_colour(pilot, alias) -> None:
    app = pilot(toasts_script)
    saved, plain, careful = app.toast("Saved"), app.toast("Plain"), app.toast("Careful")
    for toast in (saved, plain, careful):
        expect(toast).to_be_visible()
    left = [t.bounding_box()["x"] for t in (saved, plain, careful)]  # type: ignore[index]
    assert left[0] < left[1] < left[2]  # left, centre (the default), right
    colour = saved.evaluate("el => getComputedStyle(el.closest('.dl-toast')).borderLeftColor")
    assert colour == "rgb(43, 138, 62)"
