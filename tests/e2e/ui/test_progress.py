"""Progress bars a script moves (even a thousand times a second) and loading spinners."""

from __future__ import annotations

import threading
import time

from playwright.sync_api import expect

from desklaunch.ui import (
    put_buttons,
    put_loading,
    put_progressbar,
    put_text,
    set_progressbar,
    use_scope,
)

UPDATES = 1000
COUNT_DRAWS = """bar => {
  window.draws = 0;
  new MutationObserver(records => { window.draws += records.length; })
    .observe(bar, {attributes: true, attributeFilter: ["aria-valuenow"]});
}"""


def test_a_progress_bar_moves_and_shows_its_label(pilot) -> None:
    step = threading.Event()

    def script() -> None:
        put_progressbar("copy", label="Copying…")
        put_progressbar("other", init=0.25)
        put_buttons(["Next"], onclick=lambda _: step.set())
        step.wait()
        set_progressbar("copy", 0.5)
        set_progressbar("other", 1, label="All done")
        put_text("moved")

    app = pilot(script)
    bar = app.page.get_by_role("progressbar", name="copy")
    expect(bar).to_have_attribute("aria-valuenow", "0")
    expect(bar).to_contain_text("Copying…")
    expect(app.page.get_by_role("progressbar", name="other")).to_have_attribute(
        "aria-valuenow", "25")
    app.click("Next")
    app.expect_text("moved")
    expect(bar).to_have_attribute("aria-valuenow", "50")
    expect(bar).to_contain_text("50%")
    other = app.page.get_by_role("progressbar", name="other")
    expect(other).to_have_attribute("aria-valuenow", "100")
    expect(other).to_contain_text("All done")


def test_a_thousand_updates_a_second_are_coalesced_and_end_on_the_last_value(pilot) -> None:
    start = threading.Event()

    def script() -> None:
        put_progressbar("work")
        put_buttons(["Start"], onclick=lambda _: start.set())
        start.wait()
        for n in range(1, UPDATES + 1):
            set_progressbar("work", n / UPDATES)
            if n % 10 == 0:
                time.sleep(0.01)  # the workload: about 1,000 updates a second
        put_text("all updates sent")

    app = pilot(script)
    bar = app.page.get_by_role("progressbar", name="work")
    bar.evaluate(COUNT_DRAWS)
    app.click("Start")
    app.expect_text("all updates sent")
    expect(bar).to_have_attribute("aria-valuenow", "100")
    expect(bar).to_contain_text("100%")
    draws = app.page.evaluate("window.draws")
    print(f"{draws} redraws for {UPDATES} updates")
    assert 1 <= draws < UPDATES / 4, f"{draws} redraws for {UPDATES} updates"


def test_auto_close_removes_the_bar_when_it_is_full(pilot) -> None:
    def script() -> None:
        put_progressbar("once", auto_close=True)
        put_buttons(["Finish"], onclick=lambda _: set_progressbar("once", 1))

    app = pilot(script)
    expect(app.page.get_by_role("progressbar", name="once")).to_be_visible()
    app.click("Finish")
    expect(app.page.get_by_role("progressbar")).to_have_count(0)


def test_a_progress_bar_keeps_its_value_over_a_reload(pilot) -> None:
    def script() -> None:
        put_progressbar("job")
        for n in range(1, 101):
            set_progressbar("job", n / 200)
        put_text("half way")

    app = pilot(script)
    app.expect_text("half way")
    app.reload()
    bar = app.page.get_by_role("progressbar", name="job")
    expect(bar).to_have_attribute("aria-valuenow", "50")
    expect(bar).to_have_count(1)


def test_put_loading_spins_while_the_work_runs_and_goes_away_after(pilot) -> None:
    go_on = threading.Event()

    def script() -> None:
        put_buttons(["Done"], onclick=lambda _: go_on.set())
        with put_loading(color="primary"):
            put_text("Fetching data…")
            go_on.wait()
        put_text("Fetched")
        put_loading(shape="grow")

    app = pilot(script)
    spinner = app.page.get_by_role("status").filter(has_text="Loading")
    expect(spinner).to_have_count(1)
    app.expect_text("Fetching data…")
    app.click("Done")
    app.expect_text("Fetched")
    app.expect_no_text("Fetching data…")
    expect(spinner).to_have_count(1)  # the second, left in place on purpose


def test_a_bar_made_again_under_the_same_name_starts_afresh_after_a_reload(pilot) -> None:
    def script() -> None:
        with use_scope("job", clear=True):
            put_progressbar("copy")
        set_progressbar("copy", 0.9)
        with use_scope("job", clear=True):
            put_progressbar("copy", init=0.1)
        put_text("second bar shown")

    app = pilot(script)
    app.expect_text("second bar shown")
    app.reload()
    bar = app.page.get_by_role("progressbar", name="copy")
    expect(bar).to_have_count(1)
    expect(bar).to_have_attribute("aria-valuenow", "10")
