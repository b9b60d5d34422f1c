"""A script written for PyWebIO runs unchanged, on desklaunch's stand-in modules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from access import audit
from playwright.sync_api import expect

SCRIPT = Path(__file__).parent / "scripts" / "pywebio_bmi.py"


def test_a_pywebio_script_runs_unchanged(pilot, alias) -> None:
    app = pilot(SCRIPT, title="BMI calculator")
    expect(app.page.get_by_role("heading", name="Body Mass Index")).to_be_visible()
    app.fill("Height (cm)", "180")
    app.fill("Weight (kg)", "81")
    app.submit()
    table = app.page.get_by_role("table")
    expect(table.get_by_role("row", name="25.0 Overweight")).to_be_visible()
    app.expect_text("units read back: metric")
    expect(app.page.locator("body")).to_have_attribute("data-bmi", "25.0")
    expect(app.page.get_by_text("Your BMI, 25.0: read the table above")).to_be_visible()
    app.choose("Units", "imperial")
    expect(app.toast("Units: imperial")).to_be_visible()
    app.click("Explain")
    dialog = app.page.get_by_role("dialog", name="About BMI")
    expect(dialog.get_by_text("Weight over height squared.")).to_be_visible()
    app.expect_no_text(re.compile("^Finished"))  # its buttons still answer, as in PyWebIO




def test_pywebio_internals_that_add_ons_use_work(pilot, alias) -> None:
    """pywebio_battery (PyWebIO's add-on, used by its doc demos) imports these."""
    app = pilot(SCRIPT.with_name("pywebio_addon_internals.py"))
    box = app.page.locator(".dl-message.secondary")
    expect(box.get_by_text("Folder: /home")).to_be_visible()
    expect(box.get_by_text("opened notes.txt (17 characters of name)")).to_be_visible()
    app.expect_text("a pin's name, as add-ons read it: nick")


def expect_at_its_top(page, heading: str) -> None:
    """The page's 120 lines are drawn, and the view is still at its top."""
    expect(page.get_by_text("line 119", exact=True)).to_be_attached()
    page.evaluate("() => new Promise(done => requestAnimationFrame("
                  "() => requestAnimationFrame(done)))")  # a scroll down would be done now
    expect(page.get_by_role("heading", name=heading)).to_be_in_viewport()
    expect(page.get_by_text("line 119", exact=True)).not_to_be_in_viewport()


def test_a_long_pywebio_page_opens_at_its_top_until_it_asks_to_follow(pilot, alias) -> None:
    app = pilot(SCRIPT.with_name("pywebio_long_page.py"))
    page = app.page
    expect_at_its_top(page, "Top of the page")
    app.click("Follow")  # at the page's end: the view is at the bottom, and follows
    expect(page.get_by_text("more 119", exact=True)).to_be_in_viewport()


def test_add_ons_scroll_the_page_and_their_boxes_with_jquery(pilot, alias) -> None:
    app = pilot(SCRIPT.with_name("pywebio_addon_scrolling.py"))
    page = app.page
    app.expect_text("the log box is 60 pixels high")
    log = page.locator("#log")
    expect(log).to_contain_text("log line 29")
    # the box followed its lines to the end
    expect(log).to_have_js_property("scrollTop", log.evaluate("el => el.scrollHeight - "
                                                              "el.clientHeight"))
    expect(page.get_by_text("long text 149")).to_be_attached()
    app.expect_no_text("reached the bottom")  # the script waits for the person
    page.mouse.move(400, 300)
    page.mouse.wheel(0, 100_000)
    app.expect_text("reached the bottom after scrolling")


def test_a_long_pywebio_script_opens_at_its_top_too(pilot, alias) -> None:
    app = pilot(SCRIPT.with_name("pywebio_long_script.py"))
    expect_at_its_top(app.page, "Top of the script")


def test_habits_of_other_peoples_pywebio_apps(pilot, alias) -> None:
    app = pilot(SCRIPT.with_name("pywebio_other_apps.py"))
    page = app.page
    expect(app.text("turns red once the page is ready")).to_have_css("color", "rgb(255, 0, 0)")
    hovered = app.text("hover here")
    hovered.hover()
    expect(hovered).to_have_css("font-weight", "700")
    page.mouse.move(0, 0)
    expect(hovered).to_have_css("font-weight", "400")
    app.text("enter here").hover()
    expect(app.text("entered")).to_be_visible()
    table = page.get_by_role("table")
    expect(table).to_have_js_property("offsetWidth", table.evaluate(
        "el => el.parentElement.clientWidth"))  # the style went to the table itself
    app.click("Edit")
    app.expect_text("chose edit")
    app.click("Save,all")
    app.expect_text("chose save")
    for name in ("Go", "Search"):  # in a narrow share of the row: one line, not "Se/ar/ch"
        button = page.get_by_role("button", name=name, exact=True)
        lines = button.evaluate("""(b) => { const range = document.createRange();
            range.selectNodeContents(b); return new Set([...range.getClientRects()]
              .map((r) => Math.round(r.top))).size; }""")
        assert lines == 1, name
        box, row = button.bounding_box(), page.locator(".dl-row").last.bounding_box()
        assert box is not None and row is not None
        assert box["x"] + box["width"] <= row["x"] + row["width"]  # inside the page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_bootstraps_common_classes_in_a_scripts_html_are_drawn(pilot, alias, scheme) -> None:
    """PyWebIO's page ships Bootstrap, so HTML written for it uses its classes."""
    def script() -> None:
        from pywebio.output import put_html

        put_html('<h1 class="text-center">Title</h1>')
        put_html('<div class="text-muted font-italic">muted italic</div>')
        put_html('<div class="alert alert-info">info box</div>')
        put_html('<span class="badge badge-success">ok</span>')

    app = pilot(script)
    page = app.page
    page.emulate_media(color_scheme=scheme)
    expect(page.get_by_role("heading", name="Title")).to_have_css("text-align", "center")
    expect(page.get_by_text("muted italic")).to_have_css("font-style", "italic")
    assert page.get_by_text("info box").evaluate(
        "el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"
    expect(page.get_by_text("ok", exact=True)).to_have_css("color", "rgb(255, 255, 255)")
    assert audit(page) == []  # the badge's and the alert's colours read well


INKED = """canvas => {
    const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i]) inked += 1;
    return inked;
}"""


def test_a_bokeh_chart_shown_as_pywebio_shows_it_is_drawn(pilot, alias) -> None:
    app = pilot(Path(__file__).parent / "scripts" / "pywebio_bokeh_chart.py",
                title="pywebio_bokeh_chart")
    app.expect_text("After the chart")
    app.expect_text(re.compile(r"^Not shown: a bokeh server app"))
    canvas = app.page.locator("canvas").first  # in bokeh's own (open) shadow roots
    expect(canvas).to_be_visible()
    inked = 0
    for _ in range(100):  # drawn a frame or two after it shows
        inked = canvas.evaluate(INKED)
        if inked > 2000:
            break
        app.page.wait_for_timeout(50)
    assert inked > 2000, "the chart's canvas stayed blank"
    expect(app.page.get_by_text("Mango", exact=True)).to_be_visible()  # bokeh's own table
    expect(app.text("Weekly sales")).to_have_css("font-weight", "700")


def test_a_bokeh_chart_shown_without_output_notebook_is_drawn_in_the_page(pilot, alias
                                                                           ) -> None:
    """PyWebIO would write `threading.html` into Python's folder and show nothing."""
    app = pilot(Path(__file__).parent / "scripts" / "pywebio_bokeh_plain_show.py",
                title="pywebio_bokeh_plain_show")
    app.expect_text("After the chart")
    canvas = app.page.locator("canvas").first
    expect(canvas).to_be_visible()


def test_jquery_events_a_script_triggers_reach_its_handlers_with_their_data(pilot, alias
                                                                           ) -> None:
    """plotly.js 2 (plotly 5's) sends each chart event through a global jQuery when there
    is one, and failed on the page's stand-in without `trigger`."""
    def script() -> None:
        from pywebio.output import put_text
        from pywebio.session import eval_js, run_js

        run_js("$('body').on('picked', function (e, a, b) { this.dataset.picked = a + b; });"
               "$(document).on('picked', function () { document.body.dataset.up = 'yes'; });"
               "$(document).on('asked', function () { document.body.dataset.up = 'no'; });"
               "$('body').trigger('picked', ['x', 2]);")
        answer = eval_js("$('body').on('asked', function (e, n) { return n * 7; })"
                         ".triggerHandler('asked', 6)")
        put_text(f"the handler answered {answer}")

    app = pilot(script, title="script")
    app.expect_text("the handler answered 42")
    expect(app.page.locator("#pywebio-scope-ROOT")).to_contain_text("answered 42")  # as there
    expect(app.page.locator("body")).to_have_attribute("data-picked", "x2")
    expect(app.page.locator("body")).to_have_attribute("data-up", "yes")
