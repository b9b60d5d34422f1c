"""A PyWebIO script that serves its app from another web server (Flask's `webio_view(tool)`
then `app.run()`) would leave the window empty: desklaunch runs no such server, and the
person would never learn why. Once the script has gone a moment without `start_server`,
the window says which command shows the app instead (`desklaunch app.py:tool`).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Mapping
from typing import Any

from desklaunch.core.session import Session, bound_session

DELAY = 1.0
"""How long after the server's view is made the note waits for a `start_server` call: a
script may build its Flask view as it is imported and run `start_server` under `__main__`."""
SCOPE = "dl-served-note"
_KEY = "pywebio_served"


def tell_later(qualname: str, applications: Any) -> None:
    """The script made `qualname`'s view of `applications`: say, unless it goes on to call
    `start_server` within `DELAY`, that this window shows the app only when run directly."""
    session = bound_session()
    if session is None or not _run_as_script():
        return  # `desklaunch app.py:tool` runs the app itself
    names = _names(applications)
    state = session.data.setdefault(_KEY, {"names": [], "timer": None, "shown": False,
                                           "withdrawn": False, "via": qualname})
    state["names"] += [name for name in names if name not in state["names"]]
    if len(names) > 1:  # several apps switch among themselves only as start_server runs them
        state["names"] = []
    if state["timer"] is not None or state["withdrawn"]:
        return
    timer = threading.Timer(DELAY, session.call_soon, args=(lambda _: _show(session), None))
    timer.name = f"desklaunch-served-note-{session.number}"
    timer.daemon = True
    state["timer"] = timer
    session.defer(timer.cancel)
    timer.start()


def withdraw() -> None:
    """`start_server` runs the app here after all: no note, or none left standing."""
    session = bound_session()
    state = session.data.get(_KEY) if session is not None else None
    if state is None or state["withdrawn"]:
        return
    state["withdrawn"] = True
    if state["timer"] is not None:
        state["timer"].cancel()
    if state["shown"]:
        from desklaunch.ui import remove

        remove(SCOPE)


def _show(session: Session) -> None:
    state = session.data[_KEY]
    if state["withdrawn"] or state["shown"]:
        return
    from desklaunch.ui import put_scope, put_warning

    script = _script_path()
    commands = " or ".join(f"desklaunch {script}:{name}" for name in state["names"])
    how = (f"run: {commands} (it skips the file's if __name__ == \"__main__\": block, where "
           f"the server should start)" if commands else
           "give the app (its function, or the dict of several) to start_server() under "
           "if __name__ == \"__main__\": and run the file with desklaunch")
    state["shown"] = True
    put_scope(SCOPE, [put_warning(
        f"This script serves its PyWebIO app from another web server "
        f"({state['via']}), which desklaunch does not run. To show the app in this "
        f"window, {how}.")], position=0)


def _script_path() -> str:
    """The script as the person typed it, or as short a path to it from here."""
    given = sys.argv[0] if sys.argv and sys.argv[0] else "app.py"
    if os.path.isabs(given):
        try:
            relative = os.path.relpath(given)
        except ValueError:  # another drive (Windows)
            return given
        return relative if not relative.startswith("..") else given
    return given


def _run_as_script() -> bool:
    """Whether the script runs top to bottom as `__main__` (its module's code is among the
    callers), not loaded as a module for `FILE:FUNCTION`."""
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == "<module>" and frame.f_globals.get("__name__") == "__main__":
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


def _names(applications: Any) -> list[str]:
    """The names of the app functions given, as `desklaunch FILE:NAME` would reach them."""
    if isinstance(applications, Mapping):
        found = list(applications.values())
    elif isinstance(applications, (list, tuple)):
        found = list(applications)
    else:
        found = [applications]
    # Only a function of the file's own top level can be named as `app.py:NAME` (not a
    # lambda, a `functools.partial`, or a function made inside another).
    return [name for app in found if callable(app)
            and (name := getattr(app, "__name__", "")).isidentifier()
            and getattr(app, "__qualname__", None) == name]
