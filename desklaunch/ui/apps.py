"""Several apps in one window: an index of apps, `go_app(name)` to switch, a way back.

PyWebIO serves several app functions from one server (`start_server({"a": f, "b": g})`,
`path_deploy(folder)`), each at its own address, and `go_app(name)` navigates there. A
desktop app has one window, so here the apps take turns in it:

    run_apps({"a": f, "b": g})      # in the script: shows the index, runs what is picked

`run_apps` runs in the script's thread. It shows the index (the app named "index", or a
list of the apps made from their titles and docstrings, as PyWebIO's), runs the app the
person picks, and puts a bar above the output that leads back to the index. Links to
`?app=NAME` (and, for a folder of apps, `./NAME`) switch apps too.

Switching ends the running app the way PyWebIO's navigation ends its session: from the
app's own thread `go_app` raises `AppSwitch` at once; from a button's callback the app is
stopped where it is (`AppSwitch` is raised in its thread, and a UI call it is blocked in
wakes to raise it). `AppSwitch` is a `BaseException`, so the app's `finally` blocks run
and its `except Exception` does not swallow it. The next app starts on a clean page.
"""

from __future__ import annotations

import html
import inspect
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from desklaunch.core.hostloop import run_hosting
from desklaunch.core.mailbox import Mailbox
from desklaunch.core.messages import Event
from desklaunch.core.outcome import script_traceback
from desklaunch.core.session import Session, current_session
from desklaunch.errors import SessionClosed

STOP_RETRY_EVERY = 0.1
STOP_RETRIES = 50
"""A stop raised into a busy app is asked again this often, this many times, until the app
has stopped: CPython drops an exception raised into a thread that is inside a weakref
callback or a `__del__` (run by the garbage collector at any allocation)."""
INDEX = "index"
HEADING = "Applications index"
_KEY = "apps"


class AppSwitch(BaseException):
    """Raised in a running app when another app takes the window (see `go_app`)."""


@dataclass(frozen=True)
class AppEntry:
    """One app of a multi-app window: its name (its `?app=` key), function and labels."""

    name: str
    run: Callable[[], Any]
    title: str
    description: str = ""


def describe(name: str, func: Callable[[], Any], title: str | None = None,
             description: str | None = None) -> AppEntry:
    """An entry for `func`: the title and description given, else PyWebIO's rule (the
    docstring's first paragraph is the title, the rest the description), else the name."""
    doc = inspect.cleandoc(getattr(func, "__doc__", None) or "")
    head, _, rest = doc.partition("\n\n")
    return AppEntry(name, func, title or head.strip() or name,
                    description if description is not None else rest.strip())


class Switcher(Mailbox):
    """The apps of one session's window: which runs, which is asked for next.

    As a mailbox it receives the page's switch requests (the bar's button, a link to
    `?app=NAME`) while the script is busy in an app; they are handled as they arrive.
    """

    def __init__(self, session: Session, apps: Mapping[str, AppEntry], home: str,
                 title: str | None) -> None:
        super().__init__()
        self.session = session
        self.apps = dict(apps)
        self.names = list(self.apps)
        self.home = home
        self.title = title
        self.key = session.new_id("apps")
        self._lock = threading.RLock()  # taken directly: see core/interrupt.py
        self._state = threading.Condition(self._lock)
        self._pending: str | None = None
        self._busy = False  # an app runs in the script's thread and may be stopped
        self._run = 0  # counts the apps started
        self._ended = 0  # the last run that has ended (returned, failed or was stopped)
        self._shut = False
        self._script = threading.get_ident()

    # -- switch requests, from anywhere -----------------------------------------------------

    def request(self, name: str) -> None:
        """Show app `name` next; stop the running one (see the module's docstring). In a
        script written for PyWebIO a name no app has shows the index, as PyWebIO's server
        answers `?app=` with its index app for a name it does not know."""
        if name not in self.apps and self.session.pywebio_way:
            name = self.home
        if name not in self.apps:
            raise ValueError(f"go_app(): no app named {name!r} (the apps: "
                             f"{', '.join(self.names)})")
        if threading.get_ident() == self._script:
            with self._lock:
                self._pending = name
                self._busy = False
            raise AppSwitch(name)
        with self._lock:
            self._pending = name
            self._state.notify_all()
            if not self._busy:
                return
            self._busy = False  # one stop per run: a second request only changes the name
            run = self._run
            self.session.raise_in_script(AppSwitch)
            for _ in range(STOP_RETRIES):
                if self._state.wait_for(lambda: self._ended >= run or self._shut,
                                        STOP_RETRY_EVERY):
                    return
                # Still the same run (the lock is held, so it cannot move on meanwhile): the
                # stop was lost, or lands as the app's thread waits for this lock, where
                # `_stopped` takes a second one.
                self.session.raise_in_script(AppSwitch)

    def put(self, event: Event) -> bool:
        """A click on the bar or on an app link: the page names the app by its position.
        True when the script takes it (its work is done once the script waits again)."""
        value = event.get("value")
        if event["type"] == "click" and type(value) is int and 0 <= value < len(self.names):
            try:
                self.request(self.names[value])
            except ValueError:
                return False
            return True
        return False

    def close(self) -> None:
        super().close()
        with self._lock:
            self._shut = True
            self._state.notify_all()

    # -- the script's thread ----------------------------------------------------------------

    def run(self, first: str) -> None:
        """Run apps until the session closes: `first`, then whatever is asked for."""
        name = first
        while True:
            try:
                self._show(name)
                with self._lock:
                    self._pending = None
                    self._run += 1
                    self._busy = True
                try:
                    _call(self.apps[name].run)
                except (Exception, SystemExit) as exc:  # noqa: BLE001 - the other apps go on
                    self._stopped()
                    _show_failure(name, exc)
                finally:
                    self._stopped()
                name = self._next()
            except AppSwitch:
                name = self._stopped() or self.home

    def _stopped(self) -> str | None:
        """Mark the running app ended; the app asked for next, if any. A second stop that
        lands meanwhile (see `request`) is taken here, and one not yet landed is withdrawn:
        an app that ended on its own just as it was asked to stop would otherwise pass the
        stop on to the app shown next."""
        while True:
            try:
                with self._lock:
                    self._busy = False
                    self._ended = self._run
                    self.session.withdraw_raise_in_script()
                    self._state.notify_all()
                    return self._pending
            except AppSwitch:
                continue

    def _next(self) -> str:
        """Wait, after an app ended, for the person (or a callback) to pick the next one."""
        with self._lock:
            if self._pending is None and not self._shut:
                self.session.reactions.script_waits()  # the index shows: done with the click
            while self._pending is None and not self._shut:
                self._state.wait()
            if self._pending is None:
                raise SessionClosed
            return self._pending

    def _show(self, name: str) -> None:
        """A clean page for app `name`: the old output, popup and forms gone, its title."""
        from desklaunch.ui.env import set_env
        from desklaunch.ui.popup import close_popup
        from desklaunch.ui.scopes import clear

        close_popup()
        clear("ROOT")
        entry = self.apps[name]
        self.session.send({"cmd": "apps", "id": self.key, "names": self.names,
                           "home": self.names.index(self.home),
                           "current": self.names.index(name),
                           "back": "All apps", "coalesce": "apps", "frame": True})
        set_env(title=self.title if name == self.home and self.title else entry.title)


def _show_failure(name: str, exc: BaseException) -> None:
    """An app that raised (or called sys.exit with an error) ends; the window goes on, as
    PyWebIO's server goes on when one session's app fails."""
    from desklaunch.ui.content import put_code, put_error

    if isinstance(exc, SystemExit):
        if exc.code in (None, 0):
            return
        put_error(f"The app {name!r} exited with {exc.code!r}.")
        return
    text = script_traceback(exc)
    if sys.stderr is not None:
        sys.stderr.write(text)
    put_error(f"The app {name!r} stopped with an error:", put_code(text))



def _call(run: Callable[[], Any]) -> Any:
    result = run()
    if inspect.iscoroutine(result):  # an `async def` app: on a loop of this thread's own
        return run_hosting(current_session(), result)
    return result


def run_apps(apps: Mapping[str, Callable[[], Any]] | Mapping[str, AppEntry],
             *, first: str | None = None, title: str | None = None) -> None:
    """Run several apps in this window, one at a time: the index first, then the app the
    person picks; `go_app(name)` switches. Returns only when the window closes.

        run_apps({"convert": converter, "notes": notes})

    Without an app named "index", the index lists the apps by title (a docstring's first
    paragraph) with their descriptions.
    """
    entries = {name: app if isinstance(app, AppEntry) else describe(name, app)
               for name, app in apps.items()}
    if INDEX not in entries:
        entries[INDEX] = AppEntry(INDEX, lambda: show_index(entries), title or HEADING)
    session = current_session()
    if session.data.get(_KEY) is not None:
        raise RuntimeError("run_apps() is already running in this window")
    switcher = Switcher(session, entries, INDEX, title)
    session.data[_KEY] = switcher
    session.open_mailbox(switcher.key, switcher)
    start = first if first in entries else INDEX
    switcher.run(start)


def go_app(name: str, new_window: bool = True) -> None:
    """Switch this window to app `name` of `run_apps` (PyWebIO's `start_server` with
    several apps, `path_deploy`, or `desklaunch FOLDER/`).

        put_buttons(["Settings"], onclick=lambda _: go_app("settings"))

    The running app stops (see desklaunch/ui/apps.py). `new_window` is accepted and changes
    nothing: a desktop app has one window, so the app always opens in it. In a script
    written for PyWebIO that runs one app, `go_app` starts it afresh, as PyWebIO's page does.
    """
    session = current_session()
    switcher = session.data.get(_KEY)
    if switcher is None and session.pywebio_way:
        # PyWebIO's page goes to `?app=NAME`, which a one-app server answers with its one
        # app, started afresh: here the page is loaded again, which does the same.
        from desklaunch.ui.scripts import run_js

        run_js("location.reload()")
        return
    if switcher is None:
        raise RuntimeError("go_app() switches between the apps of start_server({...}) or "
                           "a folder of apps; this window runs a single app")
    switcher.request(str(name))


def show_index(entries: Mapping[str, AppEntry], heading: str = HEADING) -> None:
    """PyWebIO's default index: a heading and a list of links to the apps, each described
    in Markdown as there (`put_image()` usage)."""
    from desklaunch.ui.outputs import inline_markdown, put_html

    items = "".join(
        f'<li><a href="?app={html.escape(name, quote=True)}">{html.escape(entry.title)}</a>'
        + (f": {inline_markdown(entry.description)}" if entry.description else "") + "</li>"
        for name, entry in entries.items() if name != INDEX)
    put_html(f"<h1>{html.escape(heading)}</h1><ul>{items}</ul>")
