"""Scopes a script fills, removes and scrolls to; outputs moving into containers; reload."""

from __future__ import annotations

import threading

from playwright.sync_api import expect

from desklaunch.ui import (
    put_buttons,
    put_collapse,
    put_error,
    put_file,
    put_image,
    put_progressbar,
    put_row,
    put_scope,
    put_scrollable,
    put_table,
    put_tabs,
    put_text,
    scroll_to,
    set_progressbar,
    use_scope,
)

PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201d2ad5b0e0000000049454e44ae426082"
)


def test_scroll_to_brings_a_scope_into_view(pilot) -> None:
    def script() -> None:
        put_scope("top", put_text("At the very top"))
        for n in range(200):
            put_text(f"filler {n}")
        put_buttons(["Back to top"], onclick=lambda _: scroll_to("top"))

    app = pilot(script)
    app.expect_text("filler 199")
    expect(app.text("At the very top")).not_to_be_in_viewport()
    app.click("Back to top")
    expect(app.text("At the very top")).to_be_in_viewport()


def test_an_output_passed_to_a_container_shows_once_inside_it(pilot) -> None:
    def script() -> None:
        hello = put_text("adopted text")
        put_row([hello, put_text("neighbour")])
        put_collapse("Box", put_buttons(["Inside"], onclick=lambda _: put_text("clicked")),
                     open=True)

    app = pilot(script)
    app.expect_text("adopted text", count=1)
    assert app.text("adopted text").bounding_box()["y"] == app.text("neighbour").bounding_box()["y"]
    expect(app.button("Inside")).to_have_count(1)
    expect(app.page.get_by_role("group", name="Box").get_by_role("button")).to_have_text("Inside")
    app.click("Inside")
    app.expect_text("clicked")
    app.reload()
    app.expect_text("adopted text", count=1)
    expect(app.button("Inside")).to_have_count(1)


def test_a_reload_shows_every_kind_of_output_once_and_they_still_work(pilot) -> None:
    step = threading.Event()

    def script() -> None:
        put_table([["Name", "Tool"], ["Ada", put_buttons(["Use"], onclick=lambda _: step.set())]])
        put_tabs([{"title": "One", "content": "first panel"},
                  {"title": "Two", "content": put_text("second panel")}])
        put_scrollable([put_text("scrolled line")], height=80)
        put_image(PIXEL, title="A dot")
        put_file("a.txt", "hello", label="Save a.txt")
        put_progressbar("p")
        put_error("Broken", closable=True)
        with use_scope("later"):
            put_text("scoped line")
        step.wait()
        set_progressbar("p", 0.75)
        put_text("after the click", scope="later")

    app = pilot(script)
    app.click("Use")
    app.expect_text("after the click")
    app.reload()
    page = app.page
    expect(page.get_by_role("table").get_by_role("button", name="Use")).to_have_count(1)
    expect(page.get_by_role("tab")).to_have_text(["One", "Two"])
    page.get_by_role("tab", name="Two").click()
    app.expect_text("second panel", count=1)
    app.expect_text("scrolled line", count=1)
    expect(page.get_by_role("img", name="A dot")).to_have_count(1)
    expect(page.get_by_role("progressbar", name="p")).to_have_attribute("aria-valuenow", "75")
    expect(page.get_by_role("alert").filter(has_text="Broken")).to_have_count(1)
    app.expect_lines(r"^(scoped line|after the click)$", ["scoped line", "after the click"])
    with page.expect_download() as info:
        app.click("Save a.txt")
    assert info.value.suggested_filename == "a.txt"


def test_a_region_redrawn_many_times_reloads_with_its_last_drawing(pilot) -> None:
    def script() -> None:
        put_text("Dashboard")
        for n in range(1, 301):
            with use_scope("panel", clear=True):
                put_row([put_text(f"reading {n}"), put_progressbar(f"bar{n}", n / 300)])
        put_text("end")

    app = pilot(script)
    app.expect_text("end")
    app.reload()
    app.expect_lines(r"^(Dashboard|reading \d+|end)$", ["Dashboard", "reading 300", "end"])
    expect(app.page.get_by_role("progressbar")).to_have_count(1)
    expect(app.page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "100")
