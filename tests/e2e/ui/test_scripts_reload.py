"""An eval_js in flight when the page reloads still gets an answer: no script hangs. And
run_js called thousands of times with the same code (a log box's lines) shows every call."""

from __future__ import annotations

from playwright.sync_api import expect

from desklaunch.ui import eval_js, put_html, put_text, run_js


def test_a_reload_while_eval_js_waits_answers_it(pilot) -> None:
    def script() -> None:
        put_text("asking")
        value = eval_js("new Promise((done) => setTimeout(() => done(42), 1500))")
        put_text(f"got {value}")

    app = pilot(script)
    app.expect_text("asking")
    app.reload()  # the question's promise is still pending in the page that went away
    # The reloaded page is asked again, loads the question's code anew and answers it.
    app.expect_text("got 42")
    assert app.page_errors == []


def test_thousands_of_run_js_calls_of_the_same_code_all_run_in_order(pilot) -> None:
    """pywebio_battery's log box gets each line through run_js: a long command's output is
    thousands of calls, each of which must run, in order (6,000 here: past what a session
    keeps of one-run files)."""
    def script() -> None:
        put_html('<pre id="log"></pre>')
        for number in range(1, 6001):
            run_js("document.getElementById('log').append(line)", line=f"line {number}\n")
        put_text("all sent")

    app = pilot(script)
    app.expect_text("all sent")
    log = app.page.locator("#log")
    expect(log).to_contain_text("line 6000", timeout=60_000)
    lines = log.inner_text().splitlines()
    assert lines == [f"line {number}" for number in range(1, 6001)]
