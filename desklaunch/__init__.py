"""desklaunch: run a Python script as a desktop app.

Scripts use `desklaunch.ui`; programs that embed desklaunch call `launch()`. Nothing heavy
(pywebview, Qt, the server) is imported until a launch needs it.

PYTEST_DONT_REWRITE: pytest marks the package of each installed plugin (ours is the test
kit's) for assertion rewriting, and warns when it is imported already, as it always is when
desklaunch runs pytest as a console program (`desklaunch -m pytest`); with this mark it does
not, and a project whose warnings are errors runs its tests there as in a terminal.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from desklaunch.version import __version__

__all__ = ["__version__", "launch"]


def launch(
    target: Callable[[], Any] | str,
    *,
    title: str | None = None,
    width: int = 900,
    height: int = 700,
    browser: bool = False,
    close_on_exit: bool = False,
) -> int:
    """Show `target` (a function, or a script path like the command takes) and return its exit code.

        if __name__ == "__main__":
            raise SystemExit(desklaunch.launch(main, title="Converter"))

    It works the same frozen or not (see desklaunch.startup): `DESKLAUNCH_<OPTION>`
    variables override the arguments, the log goes to the user's log folder, and a
    failure to start is logged and shown before it is raised.
    """
    from desklaunch.startup import find_script, prepare, reported_failures, with_environment

    prepare()
    with reported_failures(reraise=True):
        from desklaunch.compat import show_charts_in_page
        from desklaunch.desktop.options import Options
        from desklaunch.launcher import run

        if isinstance(target, str):
            from desklaunch.core.target import resolve

            resolved = resolve(find_script(target))
            main, kind, default_title = resolved.runner(), resolved.kind, resolved.title
        else:
            main = target
            kind = "coroutine" if inspect.iscoroutinefunction(target) else "thread"
            default_title = getattr(target, "__name__", "desklaunch")
        show_charts_in_page()  # plt.show() and fig.show() into the page
        options = with_environment(Options(
            mode="browser" if browser else "window", title=title or default_title,
            width=width, height=height, close_on_exit=close_on_exit))
        return run(main, kind, options)
