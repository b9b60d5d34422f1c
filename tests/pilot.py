"""A pilot for the real UI: run a script in a real App, drive its page in real Chromium.

In the spirit of Textual's `Pilot` and Starlette's `TestClient`: the test says what a person
does and sees, the pilot does it through the page's labels, roles and texts.

    def test_greets(pilot):
        app = pilot(HELLO)                   # a script file, or a function to run as one
        app.answer("Your name", "Ada")       # fill the labelled field, press Enter
        app.expect_text("Hello, Ada!")
        app.click("Again")

A script that raises fails the test at teardown with its traceback, unless the test started
it with `expect_error=True` (and then reads it with `script_error()` or `expect_crash()`).
Uncaught errors in the page's own JavaScript fail the test the same way.
"""

from __future__ import annotations

import contextlib
import inspect
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from playwright.sync_api import ConsoleMessage, Error, Locator, Page, expect

from desklaunch.app import App
from desklaunch.core.session import Session
from desklaunch.core.target import resolve

ScriptTarget = Callable[[], Any] | str | Path
"""What to run: a script file (path), or a function (plain or `async def`) run as the script."""

ERROR_HEADING = "The script stopped with an error"
CALLBACK_ERROR = re.compile(r"^Error in a callback")
FINISHED = re.compile(r"^Finished")


def build_app(target: ScriptTarget, title: str | None = None) -> App:
    """A not-yet-started App for a script file or a function, as `desklaunch` would make it."""
    if isinstance(target, (str, Path)):
        resolved = resolve(str(target))
        return App(resolved.runner(), kind=resolved.kind, title=title or resolved.title)
    kind = "coroutine" if inspect.iscoroutinefunction(target) else "thread"
    return App(target, kind=kind, title=title or target.__name__)


def eventually(condition: Callable[[], bool], limit: float = 10) -> None:
    """Wait until `condition()` holds: for what the page tells the app in the background
    (a removed file, a toast gone), which nothing on the page shows."""
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, "the app never heard it"
        time.sleep(0.02)


def type_with_input_method(page: Page, draft: str, word: str, *, key: str = "Enter") -> None:
    """Type `word` as a Chinese or Japanese input method makes it, in the focused field:
    `draft` (the reading) is composed, `key` is pressed to pick (Enter) or browse (Up,
    Down) the candidates — the input method takes it, so the page sees key code 229 — and
    `word` is committed. Through Chromium's DevTools input, as the system would send it."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.imeSetComposition",
             {"text": draft, "selectionStart": len(draft), "selectionEnd": len(draft)})
    cdp.send("Input.dispatchKeyEvent", {"type": "rawKeyDown", "key": key, "code": key,
                                        "windowsVirtualKeyCode": 229})
    cdp.send("Input.insertText", {"text": word})
    cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": key, "code": key})
    cdp.detach()


class Pilot:
    """One running app and the browser page showing it."""

    def __init__(self, app: App, page: Page, *, expect_error: bool = False) -> None:
        self.app = app
        self.page = page
        self.expect_error = expect_error
        self.page_errors: list[str] = []
        page.on("pageerror", lambda error: self.page_errors.append(f"page error: {error}"))
        page.on("console", self._on_console)
        self._url = app.start()
        page.goto(self._url)
        expect(page, "the page never heard from the app").to_have_title(app.title)

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.page_errors.append(f"console error: {message.text}")

    # -- what a person does ----------------------------------------------------------------

    def field(self, label: str) -> Locator:
        """The form control labelled `label`."""
        return self.page.get_by_label(label, exact=True)

    def fill(self, label: str, value: str) -> None:
        """Type `value` into the field labelled `label` (replacing what is there)."""
        self.field(label).fill(value)

    def answer(self, label: str, value: str) -> None:
        """Type `value` into the field labelled `label` and press Enter."""
        field = self.field(label)
        field.fill(value)
        field.press("Enter")

    def choose(self, label: str, *options: str) -> None:
        """Pick the options shown as `options` in the list labelled `label`."""
        self.field(label).select_option(label=list(options))

    def submit(self, name: str = "Submit") -> None:
        """Press the form's submit button."""
        self.button(name).click()

    def button(self, name: str) -> Locator:
        return self.page.get_by_role("button", name=name, exact=True)

    def click(self, name: str) -> None:
        """Click the button labelled `name`."""
        self.button(name).click()

    def reload(self) -> None:
        """Reload the page; it re-attaches to the same running script (a script written
        for PyWebIO starts over, as under PyWebIO)."""
        self.page.reload()
        expect(self.page).to_have_title(self.app.title)

    # -- what a person sees ----------------------------------------------------------------

    def text(self, text: str | re.Pattern[str]) -> Locator:
        """Elements showing exactly `text` (or matching the pattern)."""
        return self.page.get_by_text(text, exact=True)

    def expect_text(self, text: str | re.Pattern[str], *, count: int | None = None) -> None:
        """`text` is on the page (exactly `count` times, when given)."""
        if count is None:
            expect(self.text(text).first).to_be_visible()
        else:
            expect(self.text(text)).to_have_count(count)

    def expect_no_text(self, text: str | re.Pattern[str]) -> None:
        expect(self.text(text)).to_have_count(0)

    def expect_lines(self, pattern: str | re.Pattern[str], lines: Sequence[str]) -> None:
        """The texts matching `pattern` are exactly `lines`, in this order."""
        expect(self.text(re.compile(pattern))).to_have_text(list(lines))

    def expect_finished(self) -> None:
        """The quiet "Finished" line the page shows once the script's last line ran."""
        expect(self.text(FINISHED)).to_be_visible()

    def expect_crash(self) -> str:
        """The error box is shown; returns the traceback text it shows."""
        expect(self.page.get_by_role("heading", name=ERROR_HEADING)).to_be_visible()
        traceback = self.page.get_by_label("Traceback")
        expect(traceback).to_be_visible()
        return traceback.inner_text()

    def alert(self) -> Locator:
        """The error message shown for a field (an ARIA alert)."""
        return self.page.get_by_role("alert")

    def toast(self, text: str) -> Locator:
        """The transient notice showing `text` (an error toast is in an alert region)."""
        regions = self.page.get_by_role("status").or_(self.page.get_by_role("alert"))
        return regions.get_by_text(text, exact=True)

    # -- what the script did ---------------------------------------------------------------

    @property
    def session(self) -> Session:
        session = self.app.first_session
        assert session is not None, "the page never started a session"
        return session

    def script_error(self) -> str | None:
        """The traceback the script ended with, or None (still running, or ended well)."""
        outcome = self.session.outcome
        return outcome.traceback if outcome is not None and outcome.state == "error" else None

    # -- stopping --------------------------------------------------------------------------

    def close_window(self) -> bool:
        """Close the window as its close button does: the page goes, then the app stops.
        True when every thread of the app ended. (Stopping the app under an open page
        would leave the page polling a server that is gone.)"""
        with contextlib.suppress(Error):
            self.page.close()
        return self.app.close()

    def stop(self) -> list[str]:
        """Close the page and the app; return what went wrong that the test did not expect."""
        problems: list[str] = []
        if not self.expect_error:
            error = self.app.first_session and self.script_error()
            if error:
                problems.append(f"the script raised:\n{error}")
            if not self.page.is_closed() and self.text(CALLBACK_ERROR).count():
                problems.append("a callback raised: " + self.text(CALLBACK_ERROR).first
                                .inner_text())
        problems.extend(self.page_errors)
        if not self.close_window():  # the browser itself may have gone; the app must stop
            problems.append("the script did not stop when the app closed")
        return problems
