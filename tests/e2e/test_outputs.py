"""What the script shows: text, Markdown, HTML, buttons, scopes and toasts, as rendered."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from desklaunch.ui import (
    clear,
    put_buttons,
    put_column,
    put_html,
    put_markdown,
    put_table,
    put_text,
    toast,
    use_scope,
)

REPORT = """
    # Quarterly report

    | Fruit  | Count |
    |--------|------:|
    | Apples | 12    |
    | Pears  | 7     |

    ```python
    print("hi")
    ```

    Raw <b>bold</b>, <font color="red">red</font> and <script>window.injected = true</script>
    <span onmouseover="window.injected = 1">hover</span> <a href="javascript:void 0">no</a>

    Read [the docs](https://docs.python.org/3/) or go [home](/).
"""


def test_markdown_renders_a_heading_a_table_and_a_code_block(pilot) -> None:
    def script() -> None:
        put_markdown(REPORT)

    app = pilot(script)
    expect(app.page.get_by_role("heading", name="Quarterly report", level=1)).to_be_visible()
    table = app.page.get_by_role("table")
    expect(table.get_by_role("columnheader")).to_have_text(["Fruit", "Count"])
    expect(table.get_by_role("row", name="Apples 12")).to_be_visible()
    expect(table.get_by_role("row", name="Pears 7")).to_be_visible()
    expect(app.page.get_by_role("code")).to_have_text('print("hi")')


def test_html_in_markdown_is_shown_cleaned_as_pywebio_shows_it(pilot) -> None:
    def script() -> None:
        put_markdown(REPORT)

    app = pilot(script)
    expect(app.page.locator("main b")).to_have_text("bold")
    expect(app.page.locator("main font")).to_have_text("red")
    expect(app.page.get_by_text("hover", exact=True)).not_to_have_attribute("onmouseover",
                                                                            re.compile(""))
    expect(app.page.get_by_text("no", exact=True)).not_to_have_attribute("href", re.compile(""))
    expect(app.page.get_by_text("window.injected")).to_have_count(0)
    assert app.page.evaluate("window.injected") is None


def test_markdown_task_lists_and_bare_addresses_read_as_on_github(pilot) -> None:
    def script() -> None:
        put_markdown("""
            - [x] Write the report
            - [ ] Send it

            Details at https://example.org/report and www.python.org.

            A field someone slipped in: <input type="text" value="typed">
        """)

    app = pilot(script)
    expect(app.page.get_by_role("checkbox", name="Write the report")).to_be_checked()
    expect(app.page.get_by_role("checkbox", name="Write the report")).to_be_disabled()
    expect(app.page.get_by_role("checkbox", name="Send it")).not_to_be_checked()
    expect(app.page.get_by_role("link", name="https://example.org/report")).to_have_attribute(
        "href", "https://example.org/report")
    expect(app.page.get_by_role("link", name="www.python.org")).to_have_attribute(
        "href", "http://www.python.org")
    expect(app.page.get_by_role("textbox")).to_have_count(0)
    expect(app.page.get_by_role("checkbox")).to_have_count(3)


def _text_side(locator) -> str:
    """Which side of its box a line of text starts from, as the eye finds it."""
    return locator.evaluate("""el => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const text = range.getBoundingClientRect(), box = el.getBoundingClientRect();
        return text.left - box.left > box.right - text.right ? "right" : "left";
    }""")


def test_arabic_and_hebrew_read_right_to_left_beside_english(pilot) -> None:
    def script() -> None:
        put_text("مرحبا بالعالم.")
        put_text("Hello, world.")
        put_markdown("שלום עולם!\n\n| المدينة | Count |\n|---|---|\n| القاهرة | 2 |")
        put_table([["الاسم", "Name"], ["سارة", "Sara"]])

    app = pilot(script)
    assert _text_side(app.text("مرحبا بالعالم.")) == "right"
    assert _text_side(app.text("Hello, world.")) == "left"
    assert _text_side(app.text("שלום עולם!")) == "right"
    assert _text_side(app.page.get_by_role("cell", name="القاهرة")) == "right"
    assert _text_side(app.page.get_by_role("cell", name="2")) == "left"
    assert _text_side(app.page.get_by_role("cell", name="سارة")) == "right"
    assert _text_side(app.page.get_by_role("cell", name="Sara")) == "left"


def test_markdown_the_script_marks_as_trusted_shows_its_html(pilot) -> None:
    def script() -> None:
        put_markdown("Some <b>bold</b> and X<sup>2</sup> <u class='mine'>mine</u>",
                     sanitize=False)
        put_markdown("Cleaned <i class='mine'>by default</i>")

    app = pilot(script)
    expect(app.page.locator("main b")).to_have_text("bold")
    expect(app.page.locator("main sup")).to_have_text("2")
    expect(app.page.locator("main u")).to_have_class("mine")
    expect(app.page.locator("main i")).to_have_text("by default")
    expect(app.page.locator("main i")).not_to_have_attribute("class", re.compile(""))


def test_an_external_link_opens_in_a_new_window_and_an_own_link_does_not(pilot) -> None:
    def script() -> None:
        put_markdown(REPORT)
        put_html('<a href="https://example.org/">Example</a>')

    app = pilot(script)
    for name in ("the docs", "Example"):
        link = app.page.get_by_role("link", name=name)
        expect(link).to_have_attribute("target", "_blank")
        expect(link).to_have_attribute("rel", "noopener noreferrer")
    expect(app.page.get_by_role("link", name="home")).not_to_have_attribute("target", "_blank")


def test_put_text_shows_markup_as_typed(pilot) -> None:
    def script() -> None:
        put_text("<b>x</b>")
        put_text("Total:", 42)
        put_text("two\nlines")

    app = pilot(script)
    app.expect_text("<b>x</b>")
    expect(app.page.locator("main b")).to_have_count(0)
    app.expect_text("Total: 42")
    expect(app.page.get_by_role("paragraph").filter(has_text="two")).to_have_text("two\nlines")


def test_put_html_renders_the_scripts_own_html(pilot) -> None:
    def script() -> None:
        put_html("<h2>Status</h2><ul><li>disk ok</li><li>net ok</li></ul>")

    app = pilot(script)
    expect(app.page.get_by_role("heading", name="Status", level=2)).to_be_visible()
    expect(app.page.get_by_role("listitem")).to_have_text(["disk ok", "net ok"])


def test_scopes_as_context_manager_and_decorator_and_clear(pilot) -> None:
    def script() -> None:
        with use_scope("log"):
            put_text("log: first")
        clicks = 0

        @use_scope("status", clear=True)
        def show_status() -> None:
            put_text(f"Clicked {clicks} times")

        def bump() -> None:
            nonlocal clicks
            clicks += 1
            show_status()

        show_status()
        put_buttons(["Bump", "Clear log"], onclick=[bump, lambda: clear("log")])
        with use_scope("log"):
            put_text("log: second")  # goes into "log", above the status and the buttons

    app = pilot(script)
    app.expect_lines(r"^(log: |Clicked )", ["log: first", "log: second", "Clicked 0 times"])
    app.click("Bump")
    app.click("Bump")
    app.expect_text("Clicked 2 times")
    app.expect_text("Clicked 0 times", count=0)
    app.expect_text("Clicked 1 times", count=0)
    app.click("Clear log")
    app.expect_lines(r"^(log: |Clicked )", ["Clicked 2 times"])
    expect(app.button("Bump")).to_be_visible()


def test_a_toast_shows_its_text(pilot) -> None:
    def script() -> None:
        put_buttons(["Save"], onclick=lambda _: toast("Saved!", duration=0, color="success"))

    app = pilot(script)
    app.click("Save")
    expect(app.toast("Saved!")).to_be_visible()
    app.toast("Saved!").click()
    expect(app.toast("Saved!")).to_have_count(0)


def test_a_toast_goes_away_by_itself(pilot) -> None:
    def script() -> None:
        toast("Hello there", duration=0.5)

    app = pilot(script)
    expect(app.toast("Hello there")).to_be_visible()
    expect(app.toast("Hello there")).to_have_count(0)


def test_two_thousand_lines_all_arrive_in_order(pilot) -> None:
    def script() -> None:
        for n in range(1, 2001):
            put_text(f"Line {n}")

    app = pilot(script)
    app.expect_finished()
    app.expect_text("Line 1")
    app.expect_text("Line 2000")
    app.expect_lines(r"^Line \d+$", [f"Line {n}" for n in range(1, 2001)])


def test_a_style_that_centres_a_table_or_a_row_of_buttons_centres_them(pilot) -> None:
    """As in PyWebIO (a word game's letter grid and keyboard, say)."""
    def script() -> None:
        put_table([["A", "B"], ["C", "D"]]).style("text-align: center; width: 300px")
        put_buttons(["Q", "W"], onclick=print).style("text-align: center")
        put_column([put_buttons(["X", "Y"], onclick=print)]).style("text-align: center")
        put_buttons(["Left"], onclick=print)

    app = pilot(script)

    def centre(locator) -> float:
        box = locator.bounding_box()
        return box["x"] + box["width"] / 2

    cell = app.page.get_by_role("cell", name="C")
    expect(cell).to_have_css("text-align", "center")
    output = app.page.locator("#pywebio-scope-ROOT")
    middle = centre(output)
    for left, right in (("Q", "W"), ("X", "Y")):
        between = (centre(app.page.get_by_role("button", name=left))
                   + centre(app.page.get_by_role("button", name=right))) / 2
        assert abs(between - middle) < 30, (left, between, middle)
    assert centre(app.page.get_by_role("button", name="Left")) < middle - 100
