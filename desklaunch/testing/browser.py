"""The kit's verbs against the real page: the app's server, and Chromium driven by Playwright.

`AppTest(..., browser=True)` lands here. The app runs as `desklaunch --no-open` runs it
(an `App` with its waitress server on 127.0.0.1), the page opens in a headless Chromium,
and every verb finds its element with Playwright's `get_by_label` / `get_by_role` /
`get_by_text` — the same label, role and text the simulated page uses (browserelement.py).
Playwright is imported only here and in chromium.py: the in-process kit never needs it.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from desklaunch.testing.audit import AccessibilityProblem, Scheme, audit, in_scheme
from desklaunch.testing.browserelement import (
    CONTROL_NAME,
    POPUP_OVER,
    READ_TEXT,
    TITLE_HEADING,
    BrowserElement,
    by_name,
    exactly,
    shown,
)
from desklaunch.testing.chromium import shared_browser
from desklaunch.testing.elements import NAMED_BY_TEXT
from desklaunch.testing.errors import (
    ActionError,
    KitError,
    WaitTimeoutError,
    behind_popup,
    buttons_hint,
    completes_nothing,
    describe_query,
    enter_in_pin,
    labels_hint,
    not_offered,
    other_kind,
    read_only,
    several,
    slider_number,
)
from desklaunch.testing.page import Download
from desklaunch.testing.program import Program
from desklaunch.web.api import EVENTS_PATH

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page
    from playwright.sync_api import Download as PlaywrightDownload

    from desklaunch.app import App
    from desklaunch.core.session import Session

_FIELD_LABELS = (
    "() => [...document.querySelectorAll('input, textarea, select')].map(el =>"
    " el.getAttribute('aria-label') || [...(el.labels || [])].map(l => l.innerText).join(' '))")
_CONSOLE_LINE = "el => el.tagName === 'INPUT' && !!el.closest('.dl-console')"
"""A console's input line, which takes several lines only as a paste (a text field drops
line breaks)."""
_PASTE = ("(el, text) => { const data = new DataTransfer(); data.setData('text/plain', text); "
          "el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, "
          "cancelable: true})); }")
_FIELDKIND = (
    "el => el.matches('select') ? 'list' : el.matches('input[type=file]') ? 'file'"
    " : el.matches('input[type=range]') ? 'slider'"
    " : el.matches('input[type=checkbox], [role=checkbox]') ? 'box'"
    " : el.matches('input[type=radio], [role=radio]') ? 'round button'"
    " : el.matches('input, textarea') ? 'text'"
    " : el.querySelector('input[type=radio], [role=radio]') ? 'round buttons'"
    " : el.querySelector('input[type=checkbox], [role=checkbox]') ? 'boxes'"
    " : el.querySelector('input, textarea') ? 'fields'"
    " : el.querySelector('button') ? 'buttons' : ''")
"""What sort of field an element is, by the words errors use for it (errors.FIELDKINDS)."""
_COMPLETES = ("el => el.type === 'text' && el.form?.dataset.completes !== undefined && "
              "el.dataset.sent === undefined && el.value.trim() !== ''")
"""Whether Tab in a console's line asks the program's completer (console-input.js)."""
_TYPED = "textarea, input:not([type=checkbox], [type=radio], [type=file], [type=button], " \
         "[type=submit], [type=reset], [type=image])"
"""The fields `fill` types in (a slider too: it is set to the number)."""
_COUNT_CHANGES = (
    "addEventListener('DOMContentLoaded', () => { window.__dlKitChanges = 0;"
    " new MutationObserver(records => { window.__dlKitChanges += records.length; })"
    ".observe(document.body, {childList: true, characterData: true, subtree: true}); });"
    " window.__dlKitPosting = 0; const __dlFetch = window.fetch;"
    " window.fetch = function (input, init) {"
    " const url = typeof input === 'string' ? input : (input && input.url) || '';"
    " if (!(init && init.method === 'POST' && url.includes('" + EVENTS_PATH + "')))"
    " return __dlFetch.apply(this, arguments);"
    " window.__dlKitPosting += 1;"
    " return __dlFetch.apply(this, arguments).finally(() => { window.__dlKitPosting -= 1; });"
    " };")
"""Counts the page's changes of content, so `settle` can tell when work it gave up on
shows more; and its event posts not yet answered, counted as the page makes them (the
browser's report of a request can come after a busy machine ran the step's next line)."""
_POSTS_ANSWERED = (
    "limit => new Promise(done => { const start = performance.now();"
    " const look = () => { if (!window.__dlKitPosting || performance.now() - start > limit)"
    " done(window.__dlKitChanges || 0); else setTimeout(look, 5); };"
    " setTimeout(look, 0); })")
"""Once the posts the last action made have started: wait (up to `limit` ms) until the page
has its answers; the count of changes then."""
DOWNLOAD_WAIT = 1.0
"""After a click, how long `downloads` waits for the browser to report a download."""
POLL_MS = 10
"""How often `settle` looks whether the page's event posts were answered."""
START_TIMEOUT = 30.0
"""How long the page may take to open (a cold Chromium on a busy machine is slow)."""



class BrowserScreen:
    """The verbs of `AppTest` for an app served for real and shown in Chromium."""

    def __init__(self, program: Program, *, browser: Browser | None, timeout: float,
                 settle: float, on_error: Callable[[BaseException], None],
                 check: Callable[[], None]) -> None:
        from desklaunch.app import App

        self.browser = browser if browser is not None else shared_browser()
        self.program = program
        self.timeout = timeout
        self.settle_limit = settle
        self._check = check
        self.app: App = App(program.main, kind=program.kind, title=program.title)
        self.app.on_error = on_error
        self.app.on_session_start = self._started
        self._running = threading.Event()
        self.context = self.browser.new_context(accept_downloads=True)
        self.context.set_default_timeout(timeout * 1000)
        self.page = self.context.new_page()
        self.page_errors: list[str] = []
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        self._downloads: list[PlaywrightDownload] = []
        self._downloads_seen = 0
        self._clicked = False
        self.page.on("download", lambda download: self._downloads.append(download))
        self._posting = 0  # the page's event posts not yet answered
        self._posted = 0  # and every one sent
        self.page.add_init_script(_COUNT_CHANGES)
        self._gave_up_at: tuple[int, int] | None = None
        """(posts sent, page changes) when settling last gave up on work still going."""
        self.page.on("request", lambda request: self._count_post(request, 1))
        self.page.on("requestfinished", lambda request: self._count_post(request, -1))
        self.page.on("requestfailed", lambda request: self._count_post(request, -1))
        self._last: Locator | None = None
        self.busy = 0
        """How many times the work an action set off was still going when settling gave up."""
        self.unrun_js = 0  # Chromium runs them all

    @property
    def session(self) -> Session | None:
        return self.app.first_session

    def _started(self, session: Session) -> None:
        """The script is about to run: its work counts until it first waits or ends."""
        session.reactions.start(by_script=True)
        self._running.set()

    def start(self) -> None:
        from playwright.sync_api import expect

        url = self.app.start()
        limit = max(self.timeout, START_TIMEOUT)
        with self._waiting("the page to show the app", limit):
            self.page.goto(url, timeout=limit * 1000)
            expect(self.page.get_by_role("main")).to_be_attached(timeout=limit * 1000)
        if not self._running.wait(limit):  # the page's first long poll starts the script
            self._check()
            raise WaitTimeoutError(f"waited {limit:g} s for the page to start the script; "
                                   + self.describe())
        self.settle()

    # -- waiting ---------------------------------------------------------------------------

    def _count_post(self, request: Any, change: int) -> None:
        if request.method == "POST" and urlsplit(request.url).path == EVENTS_PATH:
            self._posting += change
            self._posted += max(change, 0)

    def settle(self) -> None:
        """Wait for the work the last action set off, then for the page to draw it; work
        that outlasted the settle limit is waited for once, as in process.

        The action's event travels on its own: the page posts it once its handlers have
        run, and a busy machine may take longer than a frame to get it to the server."""
        # An event's post is answered within moments (the server answers it once the work
        # it set off is done or its answer wait has passed): waited for each time.
        changes = self._evaluate_with(_POSTS_ANSWERED, self.settle_limit * 1000)
        if self._gave_up_at not in (None, (self._posted, changes)):
            self._gave_up_at = None  # an action since, or the work showed more
        limit = 0.0 if self._gave_up_at is not None else self.settle_limit
        deadline = time.monotonic() + limit
        while self._posting > 0 and time.monotonic() < deadline:
            self.page.wait_for_timeout(POLL_MS)  # Playwright reports the answers meanwhile
        session = self.session
        gave_up = session is not None and not session.closed \
            and not session.reactions.wait_idle(limit)
        if gave_up and self._gave_up_at is None:
            self.busy += 1
        for _ in range(2):  # the answer arrives, then the frame it is drawn in
            self._evaluate("() => new Promise(done => requestAnimationFrame("
                           "() => setTimeout(done, 0)))")
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        # A large answer is drawn in slices; the output region is aria-busy until the last.
        with contextlib.suppress(PlaywrightTimeout):  # settling has a limit, as above
            self.page.wait_for_function(
                "() => !document.getElementById('pywebio-scope-ROOT')?.hasAttribute('aria-busy')",
                timeout=max(self.settle_limit, 1.0) * 1000)
        # Work that outlasted the limit is not waited for again until the next action or
        # until it shows more (a polling loop would otherwise cost the limit at every read).
        self._gave_up_at = (self._posted, int(self._evaluate(
            "() => window.__dlKitChanges || 0"))) if gave_up else None

    def _evaluate(self, script: str) -> Any:
        """`page.evaluate`, again on the new page when the script had the page loaded anew
        (`run_js("location.reload()")`) while it ran."""
        return self._evaluate_with(script, None)

    def _evaluate_with(self, script: str, arg: Any) -> Any:
        from playwright.sync_api import Error as PlaywrightError

        for _ in range(3):
            try:
                return self.page.evaluate(script, arg)
            except PlaywrightError as exc:
                if "context was destroyed" not in str(exc) and "navigat" not in str(exc):
                    raise
                self.page.wait_for_load_state()
        return self.page.evaluate(script, arg)

    @contextmanager
    def _waiting(self, what: str, timeout: float | None = None) -> Iterator[None]:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            yield
        except (PlaywrightTimeout, AssertionError) as exc:
            # Playwright's `expect` fails with an AssertionError that says its timeout.
            if isinstance(exc, KitError) or "timeout" not in str(exc).lower():
                raise
            self._check()
            limit = self.timeout if timeout is None else timeout
            raise WaitTimeoutError(f"waited {limit:g} s for {what}; {self.describe()}") from None

    def describe(self) -> str:
        try:
            text = self._read()
        except Exception:  # noqa: BLE001 - the page may be gone
            text = ""
        shown = "\n".join("    " + line for line in text.splitlines()) if text else "    (nothing)"
        return f"the screen shows:\n{shown}"

    # -- finding ---------------------------------------------------------------------------

    def _locator(self, role: str | None, name: str | None, text: str | None) -> Locator:
        page = self.page
        if role is not None:
            any_role: Any = role  # Playwright types roles as a Literal; ours are plain text
            locator = page.get_by_role(any_role, name=name, exact=True) \
                if name is not None and role not in NAMED_BY_TEXT else page.get_by_role(any_role)
            if text is not None:
                locator = locator.filter(has_text=exactly(text))
        elif name is not None:
            locator = page.get_by_label(name, exact=True).or_(
                page.get_by_role("button", name=name, exact=True))
        else:
            locator = page.get_by_text(exactly(text or ""))
        return locator.and_(page.locator(f":not(#{TITLE_HEADING})"))  # see within()

    def find(self, role: str | None, name: str | None, text: str | None,
             timeout: float | None) -> BrowserElement:
        locator = self._locator(role, name, text)
        what = describe_query(role, name, text)
        limit = self.timeout if timeout is None else timeout
        if role in NAMED_BY_TEXT and name is not None:  # the kit's name: look until it shows
            deadline = time.monotonic() + limit
            while not (found := shown(locator, role, name)):
                if time.monotonic() >= deadline:
                    self._check()
                    raise WaitTimeoutError(f"waited {limit:g} s for {what}; {self.describe()}")
                self.page.wait_for_timeout(POLL_MS * 5)
            if len(found) > 1:
                raise ActionError(several(
                    [BrowserElement(item, role, name) for item in found], what))
            return BrowserElement(found[0], role, name, self.settle)
        locator = _visible(locator)
        with self._waiting(what, timeout):
            locator.first.wait_for(timeout=limit * 1000)
        if locator.count() > 1:
            raise ActionError(several(
                [BrowserElement(item, role, name) for item in locator.all()], what))
        return BrowserElement(locator, role, name, self.settle)

    def find_all(self, role: str | None = None, name: str | None = None,
                 text: str | None = None) -> list[BrowserElement]:
        self.settle()
        return [BrowserElement(item, role, name, self.settle)
                for item in shown(self._locator(role, name, text), role, name)]

    def wait_for_text(self, text: str | re.Pattern[str], timeout: float | None) -> None:
        self._wait_text(text, timeout, shown=True)

    def wait_until_gone(self, text: str | re.Pattern[str], timeout: float | None) -> None:
        self._wait_text(text, timeout, shown=False)

    def _wait_text(self, text: str | re.Pattern[str], timeout: float | None, *,
                   shown: bool) -> None:
        """Wait until the page reads `text` (runs of white space as any), or no longer does;
        a pattern is searched in what `text` reads, as in process."""
        from playwright.sync_api import expect

        limit = self.timeout if timeout is None else timeout
        if isinstance(text, re.Pattern):
            what = f"the pattern {text.pattern!r}" + ("" if shown else " to go")
            deadline = time.monotonic() + limit
            while (text.search(self._read()) is not None) != shown:
                self._check()  # the script failed: say so now, not after the wait
                if time.monotonic() >= deadline:
                    raise WaitTimeoutError(f"waited {limit:g} s for {what}; {self.describe()}")
                self.page.wait_for_timeout(POLL_MS * 5)
            return
        pattern = re.compile(re.escape(" ".join(text.split())).replace(r"\ ", r"\s+"))
        body = expect(self.page.locator("body"))
        with self._waiting(f"the text {text!r}" + ("" if shown else " to go"), timeout):
            if shown:
                body.to_contain_text(pattern, timeout=limit * 1000)
            else:
                body.not_to_contain_text(pattern, timeout=limit * 1000)

    def _one(self, locator: Locator, what: str, index: int | None = None) -> Locator:
        with self._waiting(what):
            _visible(locator).first.wait_for()
        visible = [item for item in locator.all() if item.is_visible()] or locator.all()
        return _pick(visible, what, index)

    def _reachable(self) -> Page | Locator:
        """Where a person can act: inside the open popup, whose page behind is inert (as in
        process: a button of the same name behind it is not one more to choose from)."""
        dialog = self.page.locator("dialog[open][aria-modal=true]")
        return dialog.first if dialog.count() else self.page

    def _behind_popup(self, name: str) -> str:
        """After a wait in vain for a button: "; it is behind the open popup ..." when a
        button of that name is there, behind the popup open over it."""
        if self.page.is_closed() or self._reachable() is self.page:
            return ""
        behind = self.page.get_by_role("button", name=name, exact=True, include_hidden=True)
        for button in behind.all():
            popup = button.evaluate(POPUP_OVER)
            if popup is not None:
                return f"; {behind_popup('button', name, str(popup))}"
        return ""

    def _field(self, label: str, verb: str, kinds: str, index: int | None = None) -> Locator:
        """The field labelled `label` among those `kinds` (a CSS selector of tags) select."""
        fields = self._reachable().get_by_label(label, exact=True).and_(self.page.locator(kinds))
        if not self.page.is_closed() and fields.count() == 0:
            self._other_kind(label, verb)  # shown already, but of another kind: say so now
        try:
            return self._one(fields, f"a field labelled {label!r} (to {verb})", index)
        except WaitTimeoutError as missed:
            self._other_kind_after_wait(label, verb)
            shown = self.page.evaluate(_FIELD_LABELS) if not self.page.is_closed() else []
            raise WaitTimeoutError(f"{missed}{labels_hint(label, shown)}") from None

    def _other_kind_after_wait(self, label: str, verb: str) -> None:
        """`_other_kind`, for a field that came while the wait went on: its own message."""
        try:
            self._other_kind(label, verb)
        except ActionError as problem:
            raise problem from None

    def _other_kind(self, label: str, verb: str) -> None:
        """After a wait in vain: a field shown with exactly this label is of another kind."""
        if self.page.is_closed():
            return
        page = self._reachable()
        labelled = page.get_by_label(label, exact=True).or_(
            page.get_by_role("group", name=label, exact=True)).or_(
            page.get_by_role("radiogroup", name=label, exact=True))
        shown = [item for item in labelled.all() if item.is_visible()]
        if shown:
            raise ActionError(other_kind(label, str(shown[0].evaluate(_FIELDKIND)), verb))

    # -- acting ----------------------------------------------------------------------------

    def fill(self, label: str, value: Any, index: int | None = None) -> None:
        field = self._field(label, "fill it", _TYPED, index)
        if field.evaluate("el => el.readOnly === true"):
            raise ActionError(read_only(label))
        text = "" if value is None else str(value)
        if field.get_attribute("type") == "range":
            number = slider_number(label, value, field.get_attribute("min") or 0,
                                   field.get_attribute("max") or 100,
                                   field.get_attribute("step"))
            field.evaluate("(el, v) => { el.value = v; el.dispatchEvent(new Event('input', "
                           "{bubbles: true})); el.dispatchEvent(new Event('change', "
                           "{bubbles: true})); }", str(number))
        elif "\n" in text and field.evaluate(_CONSOLE_LINE):
            field.fill("")  # lines into the console's one-line field: pasted, as a person would
            field.evaluate(_PASTE, text)
        else:
            field.fill(text)
        self._last = field
        self.settle()

    def complete(self, label: str, index: int | None = None) -> None:
        field = self._field(label, "complete in it", "input", index)
        if not field.evaluate(_COMPLETES):
            raise ActionError(completes_nothing(label))
        field.press("End")
        field.press("Tab")
        self.settle()

    def submit(self) -> None:
        last = self._last
        self._last = None
        if last is not None and last.count() == 0:
            last = None  # its form was answered since (a click on its Submit): not this one
        if last is not None and last.evaluate("el => !el.closest('form, .dl-console')"):
            raise ActionError(enter_in_pin(str(last.evaluate(CONTROL_NAME))))
        if last is not None and last.is_visible() and last.is_enabled():
            multiline = last.evaluate("el => el.tagName === 'TEXTAREA'")
            last.press("Control+Enter" if multiline else "Enter")
        else:
            # a form's button, the argument form's Run, or the console's own input line
            buttons = self.page.get_by_role("button", name="Submit", exact=True).or_(
                self.page.get_by_role("button", name="Run", exact=True)).or_(
                self.page.get_by_role("region", name="Console").get_by_role(
                    "button", name="Enter", exact=True))
            self._one(buttons, "a form to submit", -1).click()
        self.settle()

    def _download_in_flight(self) -> None:
        """A click that starts a download: the browser reports it a moment after drawing."""
        if len(self._downloads) == self._downloads_seen:
            with contextlib.suppress(Exception):  # no download came: there is none to list
                self.page.wait_for_event("download", timeout=DOWNLOAD_WAIT * 1000)

    def click(self, name: str, index: int | None) -> None:
        page = self._reachable()
        self._last = None  # Enter after a click is in no field filled before it
        locator = page.get_by_role("button", name=name, exact=True).or_(
            page.get_by_role("tab", name=name, exact=True))
        what = f"a button named {name!r}"
        if page is not self.page and not locator.count():
            covered = self._behind_popup(name)
            if covered:  # there, but a person cannot press it: no wait makes it pressable
                raise ActionError(covered.removeprefix("; "))
        try:
            with self._waiting(what):
                _visible(locator.or_(page.get_by_text(exactly(name)))).first.wait_for()
        except WaitTimeoutError as missed:
            self._check()
            shown = [] if self.page.is_closed() else page.get_by_role("button").all_inner_texts()
            raise WaitTimeoutError(f"{missed}{self._behind_popup(name)}"
                                   f"{buttons_hint(name, shown)}") from None
        finally:
            self._check()
        if not locator.count():
            locator = page.get_by_text(exactly(name))
        target = self._one(locator, what, index)
        if target.is_disabled():
            raise ActionError(f"the button {name!r} is disabled")
        self._downloads_seen = len(self._downloads)
        self._clicked = True
        # Behind an open popup it is inert, as the simulated page does not offer it at all.
        with self._waiting(f"{what} that a person can press (not behind a popup)"):
            target.click()
        self.settle()

    def choose(self, label: str, options: Sequence[str], index: int | None = None) -> None:
        page = self._reachable()
        lists = _visible(page.get_by_role("combobox", name=label, exact=True).or_(
            page.get_by_role("listbox", name=label, exact=True)).and_(page.locator("select")))
        group = _visible(page.get_by_role("group", name=label, exact=True).or_(
            page.get_by_role("radiogroup", name=label, exact=True)))
        what = f"a list labelled {label!r}"
        if lists.or_(group).count() == 0:
            self._other_kind(label, "choose from it")  # shown, but of another kind: say so now
        try:
            chosen = self._one(lists.or_(group), what, index)
        except WaitTimeoutError:
            self._other_kind_after_wait(label, "choose from it")
            raise
        if chosen.evaluate("el => el.tagName === 'SELECT'"):
            offered = chosen.evaluate("el => [...el.options].map(o => [o.label, o.disabled])")
            _offers(label, options, {" ".join(str(text).split()): bool(off)
                                     for text, off in offered})
            chosen.select_option(label=[" ".join(o.split()) for o in options])
        else:
            radios = by_name(chosen.get_by_role("radio"))
            _offers(label, options, {name: box.is_disabled() for name, box in radios.items()})
            for option in options:
                radios[" ".join(option.split())].check()
        self.settle()

    def check(self, label: str, options: Sequence[str], on: bool,
              index: int | None = None) -> None:
        page = self._reachable()
        either = _visible(page.get_by_role("group", name=label, exact=True).or_(
            page.get_by_role("checkbox", name=label, exact=True)))
        what = f"boxes labelled {label!r}"
        if either.count() == 0:
            self._other_kind(label, "tick it")  # shown, but of another kind: say so now
        try:
            with self._waiting(what):
                either.first.wait_for()
        except WaitTimeoutError:
            self._other_kind_after_wait(label, "tick it")
            raise
        found = [item for item in either.all() if item.is_visible()]
        groups = [item for item in found if not item.evaluate(_IS_BOX)]
        # A group of one box named as the group is (`checkbox("Urgent", ["Urgent"])`) is one
        # thing to tick: the group stands for the box inside it, as in process.
        found = [item for item in found if item in groups or not any(
            group.evaluate("(g, box) => g.contains(box)", item.element_handle())
            for group in groups)]
        if options:  # they name boxes of a group: a single box of that name is not meant
            found = [item for item in found if item in groups] or found
        chosen = _pick(found, what, index)
        if chosen in groups:
            named = by_name(chosen.get_by_role("checkbox"))
            _offers(label, options, {name: item.is_disabled() for name, item in named.items()})
            wanted = [" ".join(o.split()) for o in options] or list(named)
            for name in wanted:
                named[name].set_checked(on)
        else:
            if options:
                raise ActionError(f"{label!r} is a single box: check({label!r}) takes no options")
            if chosen.is_disabled():
                raise ActionError(f"the box {label!r} is disabled")
            chosen.set_checked(on)
        self.settle()

    def upload(self, label: str, paths: Sequence[str | os.PathLike[str]],
               index: int | None = None) -> None:
        self._field(label, "send files with it", "input[type=file]", index).set_input_files(
            [os.fspath(p) for p in paths])
        self.settle()

    def set_pin(self, name: str, value: Any) -> None:
        from desklaunch.ui.pin import PinBoard

        deadline = time.monotonic() + self.timeout
        while True:  # as in process: a pin the script has yet to show is waited for
            session = self.session
            board = session.data.get("pin_board") if session is not None else None
            widget = board.widget(name) if isinstance(board, PinBoard) else None
            if widget is not None:
                break
            if time.monotonic() >= deadline:
                self._check()
                raise WaitTimeoutError(f"waited {self.timeout:g} s for a pin widget named "
                                       f"{name!r}; {self.describe()}")
            self.page.wait_for_timeout(POLL_MS * 5)
        label = str(widget.field.spec.get("label") or name)
        kind = widget.field.kind
        labels = [str(v) for v in (value if isinstance(value, (list, tuple)) else [value])]
        if kind == "actions":  # buttons: pressing one by its text is the change
            offered = [str(b.get("label")) for b in widget.field.spec.get("buttons") or []]
            if " ".join(str(value).split()) not in offered:
                raise ActionError(not_offered(name, str(value), offered))
            self.click(str(value), None)
        elif kind in ("select", "radio"):
            self.choose(label, labels)
        elif kind == "checkbox":
            group = self.page.get_by_role("group", name=label, exact=True).first
            for box in group.get_by_role("checkbox").all():
                box.set_checked(box.get_attribute("aria-label") in labels or
                                " ".join(box.evaluate("el => el.labels[0]?.innerText || ''")
                                         .split()) in labels)
            self.settle()
        else:
            self.fill(label, value)

    def close_popup(self) -> None:
        dialog = self.page.get_by_role("dialog")
        self._one(dialog.get_by_role("button", name="Close", exact=True),
                  "a popup's Close button").click()
        self.settle()

    # -- reading ---------------------------------------------------------------------------

    def _read(self) -> str:
        # The page's first heading names the app for screen readers only: not on the screen.
        parts = [str(self.page.get_by_role("main").evaluate(
            f"main => {{ const read = {READ_TEXT}; const text = read(main);"
            " const heading = main.querySelector(':scope > h1.dl-visually-hidden');"
            # hidden when the script shows a first heading of its own: then not in the text
            " const hidden = heading && heading.getClientRects().length ? heading.innerText : '';"
            " return hidden && text.startsWith(hidden) ? text.slice(hidden.length) : text; }",
            timeout=1000))]
        dialog = self.page.get_by_role("dialog")
        if dialog.count() and dialog.first.is_visible():
            parts.append(str(dialog.first.evaluate(READ_TEXT)))
        lines = "\n".join(parts).splitlines()
        return "\n".join(line.strip() for line in lines if line.strip())

    @property
    def text(self) -> str:
        self.settle()
        return self._read()

    @property
    def toasts(self) -> list[str]:
        self.settle()
        found = self.page.evaluate(
            "() => Array.from(document.querySelectorAll("
            " '#dl-toasts-polite > *, #dl-toasts-urgent > *'),"
            " t => t.firstChild?.textContent ?? '')")
        return [str(text) for text in found]

    @property
    def popup(self) -> BrowserElement | None:
        self.settle()
        dialog = self.page.get_by_role("dialog")
        if not dialog.count() or not dialog.first.is_visible():
            return None
        heading = dialog.first.get_by_role("heading").first.inner_text()
        return BrowserElement(dialog.first, "dialog", heading, self.settle)

    @property
    def title(self) -> str:
        self.settle()
        return self.page.title()

    @property
    def downloads(self) -> list[Download]:
        self.settle()
        if self._clicked:
            self._clicked = False
            self._download_in_flight()
        return [Download(d.suggested_filename, Path(d.path()).read_bytes())
                for d in self._downloads]

    def accessibility_problems(self, scheme: Scheme | None) -> list[AccessibilityProblem]:
        self.settle()
        return audit(self.page, scheme)

    def screenshot(self, path: Path, scheme: Scheme | None, full_page: bool) -> Path:
        with in_scheme(self.page, scheme):
            self.settle()
            # Written here: given the path, Playwright writes on a thread pool of its own.
            picture = self.page.screenshot(full_page=full_page, animations="disabled",
                                           caret="hide")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(picture)
        return path

    def close(self) -> bool:
        try:
            self.page.close()
            self.context.close()
        finally:
            stopped = self.app.close()
        return stopped


_IS_BOX = "el => el.matches('input[type=checkbox], [role=checkbox]')"


def _pick(found: list[Locator], what: str, index: int | None) -> Locator:
    """The one of `found` meant: `index` (0 first, -1 last), else the only one."""
    if index is not None:
        if not -len(found) <= index < len(found):
            raise ActionError(f"index={index}, but {len(found)} things fit {what}")
        return found[index]
    if len(found) > 1:
        raise ActionError(f"{len(found)} things fit {what}; pass index= or use find_all()")
    return found[0]


def _visible(locator: Locator) -> Locator:
    """Only what `locator` finds that is shown: a button of the same name in a tab not
    chosen, or a popup's closed twin, is not what a person clicks."""
    return locator.locator("visible=true")


def _offers(label: str, options: Sequence[str], offered: dict[str, bool]) -> None:
    """Refuse, as the simulated page does, a choice that is not there or is disabled."""
    for option in options:
        wanted = " ".join(option.split())
        if wanted not in offered:
            raise ActionError(not_offered(label, option, list(offered)))
        if offered[wanted]:
            raise ActionError(f"the choice {option!r} of {label!r} is disabled")


