"""An eval_js in flight when the page reloads still gets an answer: no script hangs."""

from __future__ import annotations

import re

from desklaunch.ui import eval_js, put_text


def test_a_reload_while_eval_js_waits_answers_it(pilot) -> None:
    def script() -> None:
        put_text("asking")
        value = eval_js("new Promise((done) => setTimeout(() => done(42), 1500))")
        put_text(f"got {value}")

    app = pilot(script)
    app.expect_text("asking")
    app.reload()  # the question's promise is still pending in the page that went away
    app.expect_text(re.compile(r"^got (42|None)$"))
    # The replayed question's code was already served once: the page says it failed.
    expected = ("the code could not be loaded", "404", "MIME type")
    assert all(any(text in problem for text in expected) for problem in app.page_errors), \
        app.page_errors
    app.page_errors.clear()
