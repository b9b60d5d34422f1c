"""Drawing in slices (desklaunch/assets/js/pace.js), on its own in real Chromium: a flood
of commands marks the output busy until the last is drawn, in order and each once, and a
click waiting meanwhile is handled between two slices, not after the flood.

The console's flood story cannot show the slices for certain: how many commands a flood
arrives as depends on the run. Here each command takes a known time to draw."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import BrowserContext, expect

import desklaunch

PACE = (Path(desklaunch.__file__).parent / "assets" / "js" / "pace.js").read_text()
COMMANDS = 3000
FLOOD = """
window.drawn = [];
window.clicked = [];
const region = document.getElementById("output");
const pacer = new Pacer({
  region,
  trim() {},
  draw(commands, until) {  // each command takes a millisecond to draw
    let count = 0;
    while (count < commands.length && (count === 0 || performance.now() < until)) {
      const end = performance.now() + 1;
      while (performance.now() < end) {}
      window.drawn.push(commands[count]);
      count += 1;
    }
    return count;
  },
});
document.getElementById("stop").addEventListener("click", () => {
  window.clicked.push(window.drawn.length);
});
pacer.add(Array.from({ length: COMMANDS }, (_, index) => index));
window.busyAtOnce = region.getAttribute("aria-busy");
pacer.whenDrawn(() => { window.done = true; });
""".replace("COMMANDS", str(COMMANDS))


def test_a_flood_is_drawn_in_slices_and_a_click_gets_in_between(context: BrowserContext
                                                                ) -> None:
    page = context.new_page()
    page.set_content('<div id="output"></div><button id="stop">Stop</button>')
    page.add_script_tag(content=PACE.replace("export class", "class") + FLOOD)
    assert page.evaluate("window.busyAtOnce") == "true"  # one slice could not draw it all
    page.get_by_role("button", name="Stop").click()
    page.wait_for_function("window.done === true")
    assert page.evaluate("window.drawn") == list(range(COMMANDS))
    (drawn_before_click,) = page.evaluate("window.clicked")
    assert drawn_before_click < COMMANDS
    expect(page.locator("#output")).not_to_have_attribute("aria-busy", "true")
