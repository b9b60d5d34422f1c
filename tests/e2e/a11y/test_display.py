"""Zoom, narrow windows, forced colours, reduced motion and the person's font size, in the
real browser. (Text contrast in both colour schemes is axe's color-contrast rule, run on
every screen by test_axe.py.)"""

from __future__ import annotations

from collections.abc import Iterator

import a11y_screens as screens
import pytest
from access import Keys
from pilot import Pilot, build_app
from playwright.sync_api import Browser, BrowserContext, expect

from desklaunch.ui import hold, input, input_group, put_progressbar, put_row, put_text

# Everything a person must be able to see and reach: no part of these may stick out of the
# window sideways (scrollable boxes such as tables and code may scroll inside themselves).
SEEN = "button, input:not([type=file]), select, textarea, label, .dl-text, .dl-tab"
OUTSIDE = """(selector) => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  if (document.documentElement.scrollWidth > width + 1) {
    problems.push(`the page is ${document.documentElement.scrollWidth}px wide in ${width}px`);
  }
  for (const el of document.querySelectorAll(selector)) {
    const box = el.getBoundingClientRect();
    const inside = el.closest(".dl-table-wrap, .dl-scrollable, .dl-code");
    if (!box.width || inside) continue;
    if (box.left < -1 || box.right > width + 1) problems.push(el.outerHTML.slice(0, 100));
  }
  return problems;
}"""


@pytest.fixture(params=[(640, 400), (320, 640)], ids=["zoom-200%", "320px"])
def narrow(browser: Browser, request: pytest.FixtureRequest) -> Iterator[BrowserContext]:
    """A window of 1280x800 at 200 % zoom (640x400 CSS px), and one 320 CSS px wide (WCAG's
    reflow width: 1280 px at 400 %)."""
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height})
    yield context
    context.close()


def test_nothing_is_cut_off_when_zoomed_or_narrow(narrow: BrowserContext) -> None:
    for script, shown in ((screens.outputs, "Click me"), (screens.layout, "In a scope"),
                          (screens.pins, "Pin slider"), (screens.text_fields, "Notes"),
                          (screens.choice_fields, "Level")):
        app = build_app(script)
        page = narrow.new_page()
        try:
            page.goto(app.start())
            expect(page.get_by_text(shown, exact=True).first).to_be_visible()
            assert page.evaluate(OUTSIDE, SEEN) == [], script.__name__
        finally:
            page.close()
            assert app.close()


def test_forced_colours_keep_focus_rings_and_edges(pilot) -> None:
    def script() -> None:
        put_progressbar("half", 0.5)
        input_group("Form", [input("Name", name="name")])

    app = pilot(script)
    app.page.emulate_media(forced_colors="active")
    keys = Keys(app.page)
    keys.focused(app.field("Name"))
    keys.ring()  # an outline, which forced colours keep (a box-shadow ring would vanish)
    keys.tab_to(app.button("Submit"))
    edges = app.page.evaluate("""() => {
      const look = (selector, property) =>
        getComputedStyle(document.querySelector(selector))[property];
      return {
        field: look("input.dl-control", "borderTopStyle"),
        button: look(".dl-btn", "borderTopStyle"),
        fill: look(".dl-progress-fill", "backgroundColor"),
        page: look("body", "backgroundColor"),
      };
    }""")
    assert edges["field"] == "solid" and edges["button"] == "solid", edges
    assert edges["fill"] != edges["page"], "the progress bar's fill must stay visible"


def test_reduced_motion_turns_animations_off(pilot) -> None:
    app = pilot(screens.outputs)
    app.page.emulate_media(reduced_motion="reduce")
    app.expect_text("Click me")
    running = app.page.evaluate("() => document.getAnimations().length")
    assert running == 0
    transition = app.page.evaluate(
        "() => getComputedStyle(document.querySelector('.dl-btn')).transitionDuration")
    assert transition == "0s"


def test_the_page_follows_the_font_size_setting(pilot) -> None:
    def script() -> None:
        put_row([put_text("Some text"), put_text("More text")])
        hold()

    app: Pilot = pilot(script)
    app.expect_text("Some text")
    size = "() => parseFloat(getComputedStyle(document.querySelector('.dl-text')).fontSize)"
    normal = app.page.evaluate(size)
    session = app.page.context.new_cdp_session(app.page)
    # What the person's "font size" setting changes: the browser's default font size.
    session.send("Page.setFontSizes", {"fontSizes": {"standard": 24, "fixed": 20}})
    session.detach()
    assert app.page.evaluate(size) == pytest.approx(normal * 24 / 16)
