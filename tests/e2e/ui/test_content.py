"""Text, code, message boxes, links and buttons, as a person sees and uses them."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from desklaunch.ui import (
    put_button,
    put_buttons,
    put_code,
    put_error,
    put_info,
    put_link,
    put_markdown,
    put_row,
    put_success,
    put_text,
    put_warning,
)


def test_put_text_joins_with_sep_and_inline_text_stays_on_the_line(pilot) -> None:
    def script() -> None:
        put_text("a", "b", "c", sep="-")
        put_text("Status:", inline=True)
        put_text("ready", inline=True)
        put_text("Next line")

    app = pilot(script)
    app.expect_text("a-b-c")
    status, ready, below = (app.text(t) for t in ("Status:", "ready", "Next line"))
    expect(below).to_be_visible()
    top = status.bounding_box()
    assert top is not None
    assert ready.bounding_box()["y"] == top["y"]  # same line
    assert ready.bounding_box()["x"] > top["x"]
    assert below.bounding_box()["y"] > top["y"]  # a block starts a new line


def test_put_code_shows_the_code_as_typed_with_its_language(pilot) -> None:
    source = "def f(x):\n    return x < 1 and '<b>'\n"

    def script() -> None:
        put_code(source, language="python")
        put_code("\n".join(f"line {n}" for n in range(100)), rows=5)

    app = pilot(script)
    block = app.page.get_by_label("python code")
    expect(block).to_have_text(source)
    expect(app.text("python")).to_be_visible()
    long = app.page.get_by_label("Code", exact=True)
    expect(long).to_contain_text("line 99")
    height = long.evaluate("el => [el.clientHeight, el.scrollHeight]")
    assert height[0] < height[1] / 5  # 5 of 100 lines show; the rest scroll


def test_code_is_nine_tenths_of_the_texts_size_in_a_block_as_in_markdown(pilot) -> None:
    """A `<code>` left with the browser's lone `monospace` shrank to 13/16 of its block
    (10.6 px beside 14.5 px text); in Markdown, a fenced block's code shrank twice."""
    def script() -> None:
        put_text("Some text")
        put_code("block = 1", language="python")
        put_markdown("```\nfenced = 2\n```\n\nand `inline = 3` in a sentence")

    app = pilot(script)
    expect(app.page.get_by_text("inline = 3")).to_be_visible()
    size = "el => parseFloat(getComputedStyle(el).fontSize)"
    text = app.text("Some text").evaluate(size)
    for code in ("block = 1", "fenced = 2", "inline = 3"):
        shown = app.page.get_by_text(code, exact=True).evaluate(size)
        assert 0.85 * text <= shown <= 0.95 * text, (code, shown, text)


def test_message_boxes_hold_text_and_outputs_and_close(pilot) -> None:
    def script() -> None:
        put_info("Nothing to do yet.", closable=True)
        put_success("Saved 3 files.")
        put_warning("Disk almost full.", put_link("Free space", "https://example.org/"))
        put_error("Could not read data.csv", put_code("FileNotFoundError"))

    app = pilot(script)
    expect(app.page.get_by_role("status").filter(has_text="Nothing to do yet.")).to_be_visible()
    expect(app.page.get_by_role("status").filter(has_text="Saved 3 files.")).to_be_visible()
    warning = app.page.get_by_role("alert").filter(has_text="Disk almost full.")
    expect(warning.get_by_role("link", name="Free space")).to_be_visible()
    error = app.page.get_by_role("alert").filter(has_text="Could not read data.csv")
    expect(error.get_by_label("Code")).to_have_text("FileNotFoundError")
    expect(app.page.get_by_role("button", name="Close")).to_have_count(1)  # only closable
    app.click("Close")
    app.expect_no_text("Nothing to do yet.")
    app.expect_text("Saved 3 files.")


def test_closed_message_boxes_stay_closed_after_a_reload(pilot) -> None:
    def script() -> None:
        put_info("Welcome back.", closable=True)
        put_row([put_warning("Unsaved changes.", closable=True), put_text("Beside it")])
        put_buttons(["Next"], onclick=lambda _: put_text("Moved on"))

    app = pilot(script)
    app.page.get_by_role("status").filter(has_text="Welcome back.").get_by_role(
        "button", name="Close").click()
    app.page.get_by_role("alert").filter(has_text="Unsaved changes.").get_by_role(
        "button", name="Close").click()
    app.click("Next")  # its answer comes after the closings reached the app
    app.expect_text("Moved on")
    app.reload()
    app.expect_text("Moved on")
    app.expect_text("Beside it")
    app.expect_no_text("Welcome back.")
    app.expect_no_text("Unsaved changes.")


def test_message_colors_differ(pilot) -> None:
    def script() -> None:
        put_info("I")
        put_success("S")
        put_warning("W")
        put_error("E")

    app = pilot(script)
    app.expect_text("E")
    colors = {t: app.text(t).evaluate(
        "el => getComputedStyle(el.closest('[role]')).backgroundColor") for t in "ISWE"}
    assert len(set(colors.values())) == 4, colors


def test_links_open_other_sites_in_a_new_window_and_refuse_script_urls(pilot) -> None:
    errors: list[str] = []

    def script() -> None:
        put_link("Docs", "https://docs.python.org/3/", new_window=True)
        put_link("Home", "/")
        put_link("Write", "mailto:ada@example.org")
        try:
            put_link("Evil", "javascript:alert(1)")
        except ValueError as exc:
            errors.append(str(exc))
        put_text("done")

    app = pilot(script)
    app.expect_text("done")
    expect(app.page.get_by_role("link", name="Docs")).to_have_attribute(
        "href", "https://docs.python.org/3/")
    expect(app.page.get_by_role("link", name="Docs")).to_have_attribute("target", "_blank")
    expect(app.page.get_by_role("link", name="Home")).not_to_have_attribute("target", "_blank")
    expect(app.page.get_by_role("link", name="Write")).to_have_attribute(
        "href", "mailto:ada@example.org")
    expect(app.page.get_by_role("link", name="Evil")).to_have_count(0)
    assert errors and "javascript" in errors[0]


def test_put_button_colors_disabled_and_small(pilot) -> None:
    def script() -> None:
        put_button("Delete", onclick=lambda: put_text("deleted"), color="danger")
        put_button("Keep", onclick=lambda: put_text("kept"))
        put_button("Locked", onclick=lambda: put_text("should not happen"), disabled=True)
        put_buttons(["Tiny"], onclick=lambda _: put_text("tiny"), small=True)
        put_buttons([dict(label="Go", value="go", color="success"),
                     dict(label="Off", value="off", disabled=True)],
                    onclick=lambda value: put_text(f"chose {value}"))

    app = pilot(script)
    expect(app.button("Locked")).to_be_disabled()
    expect(app.button("Off")).to_be_disabled()
    background = "el => getComputedStyle(el).backgroundColor"
    assert app.button("Delete").evaluate(background) != app.button("Keep").evaluate(background)
    assert app.button("Go").evaluate(background) != app.button("Keep").evaluate(background)
    assert app.button("Tiny").bounding_box()["height"] < app.button("Keep").bounding_box()["height"]
    app.click("Delete")
    app.expect_text("deleted")
    app.click("Go")
    app.expect_text("chose go")
    app.button("Locked").click(force=True)
    app.click("Keep")
    app.expect_text("kept")
    app.expect_no_text("should not happen")
    expect(app.text(re.compile("^(deleted|chose go|kept)$"))).to_have_count(3)


def test_button_group_is_labelled_as_a_group(pilot) -> None:
    def script() -> None:
        put_buttons(["Yes", "No"], onclick=lambda v: put_text(f"answer {v}"))

    app = pilot(script)
    group = app.page.get_by_role("group")
    expect(group.get_by_role("button")).to_have_text(["Yes", "No"])
    app.button("No").focus()
    app.page.keyboard.press("Enter")
    app.expect_text("answer No")


def test_any_output_can_be_made_clickable(pilot) -> None:
    def script() -> None:
        put_text("Show details").onclick(lambda: put_text("Details shown"))
        put_code("x = 1").onclick(lambda: put_text("code clicked"))

    app = pilot(script)
    details = app.page.get_by_role("button", name="Show details")
    details.click()
    app.expect_text("Details shown")
    details.focus()
    app.page.keyboard.press("Enter")
    app.expect_text("Details shown", count=2)
    app.reload()
    app.page.get_by_role("button", name="Show details").click()
    app.expect_text("Details shown", count=3)
    app.text("x = 1").click()
    app.expect_text("code clicked")
