"""Rows, columns, grids, collapsible and scrollable areas, tabs and `style`."""

from __future__ import annotations

import threading
import warnings

import pytest
from playwright.sync_api import expect

from desklaunch.ui import (
    put_buttons,
    put_checkbox,
    put_code,
    put_collapse,
    put_column,
    put_grid,
    put_html,
    put_input,
    put_markdown,
    put_row,
    put_scope,
    put_scrollable,
    put_table,
    put_tabs,
    put_text,
    put_textarea,
    run_js,
    span,
    style,
)


def box(app, text: str) -> dict[str, float]:
    found = app.text(text).bounding_box()
    assert found is not None, f"{text!r} is not shown"
    return found


def test_a_row_puts_outputs_side_by_side_with_the_sizes_given(pilot) -> None:
    def script() -> None:
        put_row([put_text("Left"), None, put_text("Right")], size="100px 10px 1fr")
        put_row(["Equal A", "Equal B"])

    app = pilot(script)
    left, right = box(app, "Left"), box(app, "Right")
    assert left["y"] == right["y"]
    assert 105 <= right["x"] - left["x"] <= 115  # 100px + the 10px gap
    a, b = box(app, "Equal A"), box(app, "Equal B")
    assert a["y"] == b["y"] and b["x"] > a["x"]
    app.expect_text("Left", count=1)


@pytest.mark.parametrize("size", [None, "1fr 10px 1fr"], ids=["default", "shares-given"])
def test_a_row_gives_wide_content_the_room_it_needs_instead_of_covering_its_neighbour(
        pilot, size) -> None:
    """As in PyWebIO: the shares are equal while the outputs fit, and a table that cannot
    shrink to its share takes more, its neighbour less; neither is drawn over the other.
    A code block still scrolls within its share. Shares given (`"1fr 10px 1fr"`) mean
    what they mean in PyWebIO, the default's."""
    def script() -> None:
        heads = "".join(f"<th>Column{n}</th>" for n in range(6))
        cells = "".join(f"<td>cell{n}</td>" for n in range(6))
        put_row([put_html(f"<table><tr>{heads}</tr><tr>{cells}</tr></table>"), None,
                 put_table([["Subject", "Code"], ["Operating Systems", "OS2"]])], size=size)
        put_row([put_text("Short"), None, put_text("A little longer")], size=size)
        put_row([put_code("x = " + "1 + " * 200 + "1"), None, put_text("Beside code")],
                size=size)
        put_row([put_markdown("| " + " | ".join(f"Heading{n}" for n in range(9)) + " |\n"
                              + "|---" * 9 + "|\n"), None, put_text("Beside a Markdown table")],
                size=size)
        put_row([put_markdown("```\nx = " + "1 + " * 200 + "1\n```"), None,
                 put_text("Beside a Markdown code block")], size=size)

    app = pilot(script)
    app.page.set_viewport_size({"width": 700, "height": 600})
    wide = app.page.get_by_role("table").first.bounding_box()
    narrow = app.page.get_by_role("table").nth(1).bounding_box()
    assert wide is not None and narrow is not None
    assert wide["x"] + wide["width"] <= narrow["x"]  # side by side, not one over the other
    short, longer = box(app, "Short"), box(app, "A little longer")
    assert abs((longer["x"] - short["x"]) - (narrow["x"] - wide["x"])) > 20  # shares moved
    row = app.text("Short").locator("xpath=ancestor::div[contains(@class,'dl-row')][1]")
    width = row.bounding_box()["width"]
    assert abs((longer["x"] - short["x"]) - (width + 10) / 2) <= 2  # equal while all fits
    for text in ("Beside code", "Beside a Markdown table", "Beside a Markdown code block"):
        beside = box(app, text)
        assert beside["x"] + beside["width"] <= 700 and beside["width"] > 100


def test_a_rows_outputs_are_as_tall_as_the_row_and_its_fields_fill_their_shares(
        pilot) -> None:
    """As in PyWebIO: two bordered cards side by side are the same height, a button keeps
    its own height at the top, and a search field fills the share given to it."""
    def script() -> None:
        card = "border: 1px solid gray"
        put_row([put_scope("first", [put_text("One"), put_text("Two"), put_text("Three")])
                 .style(card), None, put_scope("second", [put_text("Only one")]).style(card),
                 None, put_buttons(["Go"], onclick=lambda _: None)])
        put_row([put_input("query", label="Search"),
                 put_buttons(["Find"], onclick=lambda _: None)], size="1fr auto")

    app = pilot(script)
    app.page.set_viewport_size({"width": 1000, "height": 600})
    first = app.page.locator("#pywebio-scope-first").bounding_box()
    second = app.page.locator("#pywebio-scope-second").bounding_box()
    go = app.page.get_by_role("button", name="Go").bounding_box()
    assert first is not None and second is not None and go is not None
    assert second["height"] == first["height"] > 2 * go["height"]
    assert abs(go["y"] - first["y"]) <= 10  # at the top, its own height
    field = app.page.get_by_label("Search").bounding_box()
    find = app.page.get_by_role("button", name="Find").bounding_box()
    assert field is not None and find is not None
    assert 0 <= find["x"] - (field["x"] + field["width"]) <= 30  # no gap before the button


def test_pin_fields_side_by_side_keep_to_the_top_and_a_button_lines_up_with_them(
        pilot) -> None:
    """As in PyWebIO, a checkbox group beside a tall textarea starts at the same height;
    a button beside a field lines up with the field, not with its label."""
    def script() -> None:
        put_row([put_textarea("notes", label="Notes", rows=5),
                 put_checkbox("options", label="Options", options=["Alpha", "Beta"])])
        put_row([put_input("city", label="City"),
                 put_buttons(["Look up"], onclick=lambda _: None)], size="1fr auto")

    app = pilot(script)
    notes, options = box(app, "Notes"), box(app, "Options")
    assert abs(notes["y"] - options["y"]) <= 2
    field = app.page.get_by_label("City").bounding_box()
    button = app.page.get_by_role("button", name="Look up").bounding_box()
    assert field is not None and button is not None
    assert abs((field["y"] + field["height"]) - (button["y"] + button["height"])) <= 2


def test_a_column_stacks_outputs(pilot) -> None:
    def script() -> None:
        put_column([put_text("Top"), None, put_text("Bottom")], size="50px 10px 50px")

    app = pilot(script)
    top, bottom = box(app, "Top"), box(app, "Bottom")
    assert top["x"] == bottom["x"]
    assert 55 <= bottom["y"] - top["y"] <= 65


def test_a_grid_lays_out_cells_and_spans(pilot) -> None:
    def script() -> None:
        put_grid([[put_text("A"), put_text("B"), put_text("C")],
                  [span(put_text("Wide"), col=2), put_text("D")]], cell_width="120px")

    app = pilot(script)
    a, b, c, d, wide = (box(app, t) for t in ("A", "B", "C", "D", "Wide"))
    assert a["y"] == b["y"] == c["y"] and a["x"] < b["x"] < c["x"]
    assert wide["y"] > a["y"] and wide["x"] == a["x"]
    assert d["x"] == c["x"] and d["y"] == wide["y"]


def test_a_collapse_opens_and_closes_and_can_be_written_into(pilot) -> None:
    def script() -> None:
        put_collapse("Details", [put_text("Hidden at first")])
        with put_collapse("Log", open=True):
            put_text("written inside")

    app = pilot(script)
    expect(app.text("Hidden at first")).to_be_hidden()
    expect(app.text("written inside")).to_be_visible()
    app.text("Details").click()
    expect(app.text("Hidden at first")).to_be_visible()
    app.text("Details").press("Enter")
    expect(app.text("Hidden at first")).to_be_hidden()


def test_a_scrollable_log_follows_new_lines_unless_scrolled_up(pilot) -> None:
    more = threading.Event()

    def script() -> None:
        put_scrollable(put_scope("log"), height=120, keep_bottom=True)
        for n in range(1, 51):
            put_text(f"log line {n}", scope="log")
        put_buttons(["More"], onclick=lambda _: more.set())
        more.wait()
        for n in range(51, 101):
            put_text(f"log line {n}", scope="log")
        put_text("all logged")

    app = pilot(script)
    area = app.page.get_by_role("region", name="Scrollable area")
    expect(app.text("log line 50")).to_be_in_viewport()
    assert area.bounding_box()["height"] <= 121
    expect(app.text("log line 1")).not_to_be_in_viewport()
    area.evaluate("el => { el.scrollTop = 0; }")  # the person scrolls up to read
    expect(app.text("log line 1")).to_be_in_viewport()
    app.click("More")
    app.expect_text("all logged")
    expect(app.text("log line 100")).to_be_attached()
    expect(app.text("log line 1")).to_be_in_viewport()  # still where they were reading
    area.evaluate("el => { el.scrollTop = el.scrollHeight; }")
    expect(app.text("log line 100")).to_be_in_viewport()


def test_tabs_show_one_panel_and_follow_clicks_and_arrow_keys(pilot) -> None:
    def script() -> None:
        put_tabs([
            {"title": "Text", "content": "Hello from the first tab"},
            {"title": "Table", "content": put_table([["k", "v"], ["a", 1]])},
            {"title": "More", "content": [put_text("one"), put_text("two")]},
        ])

    app = pilot(script)
    tabs = app.page.get_by_role("tab")
    expect(tabs).to_have_text(["Text", "Table", "More"])
    expect(app.page.get_by_role("tab", name="Text")).to_have_attribute("aria-selected", "true")
    expect(app.page.get_by_role("tabpanel")).to_have_text("Hello from the first tab")
    title = app.page.get_by_role("tab", name="Text").evaluate(
        "tab => { const r = document.createRange(); r.selectNodeContents(tab);"
        " return r.getBoundingClientRect().x; }")
    assert abs(box(app, "Hello from the first tab")["x"] - title) <= 2  # under its title
    app.page.get_by_role("tab", name="Table").click()
    panel = app.page.get_by_role("tabpanel", name="Table")
    expect(panel.get_by_role("table")).to_be_visible()
    expect(app.text("Hello from the first tab")).to_be_hidden()
    app.page.keyboard.press("ArrowRight")
    expect(app.page.get_by_role("tab", name="More")).to_be_focused()
    expect(app.page.get_by_role("tabpanel", name="More")).to_contain_text("two")
    app.page.keyboard.press("ArrowRight")
    expect(app.page.get_by_role("tab", name="Text")).to_have_attribute("aria-selected", "true")


def test_style_changes_the_look_of_outputs_and_refuses_script_urls(pilot) -> None:
    refused: list[str] = []

    def script() -> None:
        put_table([["Check", "Result"],
                   ["Status", style(put_text("failed"), "color: rgb(200, 0, 0)")]])
        style([put_text("big one"), put_text("big two")], "font-size: 30px")
        later = put_text("styled later")
        put_buttons(["Bold"], onclick=lambda _: later.style("font-weight: 700"))
        try:
            put_text("x").style("background: url(javascript:alert(1))")
        except ValueError as exc:
            refused.append(str(exc))

    app = pilot(script)
    css = "(el, name) => getComputedStyle(el)[name]"
    expect(app.page.get_by_role("cell", name="failed")).to_be_visible()
    assert app.text("failed").evaluate(css, "color") == "rgb(200, 0, 0)"
    assert app.text("big two").evaluate(css, "fontSize") == "30px"
    app.click("Bold")
    expect(app.text("styled later")).to_have_css("font-weight", "700")
    app.reload()
    expect(app.text("styled later")).to_have_css("font-weight", "700")
    assert app.text("failed").evaluate(css, "color") == "rgb(200, 0, 0)"
    assert refused


def test_a_wide_tables_words_stay_whole(pilot) -> None:
    """A table wider than the page wraps between words, never inside one ("Temper|ature")."""
    def script() -> None:
        put_table([["Name", "Temperature", "Humidity", "Description", "Recommendation",
                    "Visibility", "Pressure"],
                   ["Lisbon", "21", "60", "A long description of the weather that goes on "
                    "and on for several words", "Take an umbrella with you today please",
                    "10 km", "1013"]])

    app = pilot(script)
    expect(app.page.get_by_role("columnheader")).to_have_count(7)  # drawn (a busy machine)
    lines = app.page.locator("th").evaluate_all("""(cells) => cells.map((cell) => {
        const range = document.createRange(); range.selectNodeContents(cell);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size; })""")
    assert lines == [1] * 7


def test_a_log_box_whose_script_would_follow_it_follows_it(pilot) -> None:
    """pywebio_battery's `put_logbox` is a `<pre><code id="webio-logbox-NAME">` with a
    script that keeps it at its end as `logbox_append` (run_js) adds lines. The page runs
    no script in put_html; its own code follows the box instead, and no note shows."""
    def script() -> None:
        put_html('<pre style="height:120px" tabindex="0"><code id="webio-logbox-build">'
                 '</code></pre><script>(function () { new MutationObserver(function () {})'
                 '.observe(document.body, {childList: true}); })();</script>')
        for n in range(1, 51):
            run_js("document.getElementById('webio-logbox-build').append(text)",
                   text=f"build step {n}\n")
        put_text("built")

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "a <script> in put_html() does not run"
        app = pilot(script)
        app.expect_text("built")
    box = app.page.get_by_role("group", name="Code")
    expect(box).to_contain_text("build step 50")
    assert box.bounding_box()["height"] <= 121
    # at its end: the last line in view, the first scrolled away above
    app.page.wait_for_function("""() => {
        const box = document.getElementById("webio-logbox-build").parentElement;
        return box.scrollTop > 0 && box.scrollHeight - box.scrollTop - box.clientHeight <= 8;
    }""")
    expect(app.page.get_by_role("note")).to_have_count(0)
