"""How long the kit waits for a script that never stops working (a polling loop).

The kit cannot tell such a script is done with an action: it waits the settle limit, once.
Reading the screen again waits no more until the next action or until the work shows more
(PyWebIO's gomoku demo polls with `time.sleep(0.2)`: each read took the whole limit
before). The same in process and in Chromium."""

from __future__ import annotations

import time

from desklaunch.ui import put_buttons, put_text


def polling() -> None:
    put_buttons(["Move"], onclick=lambda _: put_text("moved"))
    while True:  # waits for another player, as gomoku does
        time.sleep(0.05)


def test_work_that_outlasts_the_settle_limit_is_waited_for_once_per_action(
        desklaunch_app, mode) -> None:
    app = desklaunch_app(polling, browser=mode, settle=0.3)
    for _ in range(5):
        assert app.find_all("button")[0].name == "Move"
        assert "moved" not in app.text
    assert "note: 1 time(s) the script was still working" in app.screen()
    app.click("Move")
    assert "moved" in app.text
    assert app.toasts == [] and app.popup is None
    assert "note: 2 time(s) the script was still working" in app.screen()
    app.find("button", "Move").click()  # an element's click settles at the next read
    assert app.text.count("moved") == 2


def test_an_index_of_apps_is_a_script_waiting_for_the_person(desklaunch_app, mode) -> None:
    """run_apps' index waits for a pick, as a form does: no settle limit is waited out."""
    from desklaunch.ui import run_apps

    def main() -> None:
        run_apps({"first": lambda: put_text("in the first"),
                  "second": lambda: put_text("in the second")})

    app = desklaunch_app(main, browser=mode, settle=3)
    app.find("link", "second").click()
    assert "in the second" in app.text
    assert "still working" not in app.screen()
