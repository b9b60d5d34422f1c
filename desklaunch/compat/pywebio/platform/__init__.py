"""Stand-in for `pywebio.platform`: `start_server` runs the app right here, in the
desklaunch window, instead of starting a web server.

    if __name__ == "__main__":
        start_server(main, port=8080)      # under desklaunch: runs main() in the window

The server options (port, host, cdn, ...) are accepted and change nothing. `config` sets
the window title (`title=`); `theme` follows the system's light or dark setting.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Mapping
from typing import Any

from desklaunch.compat.forward import unsupported
from desklaunch.core.session import current_session

_settings: dict[str, Any] = {}


def _single(applications: Any) -> Callable[[], Any] | None:
    """The one app to run directly, or None when there are several (an index then)."""
    if callable(applications) and not isinstance(applications, Mapping):
        return applications  # type: ignore[no-any-return]
    apps = list(applications.values()) if isinstance(applications, Mapping) \
        else list(applications)
    if len(apps) == 1 and callable(apps[0]):
        return apps[0]  # type: ignore[no-any-return]
    return None


def start_server(applications: Any, port: int = 0, host: str = "", **server_options: Any) -> Any:
    """Run the application function now, in this desklaunch window (returns its result).

    Several apps (a dict of name → function, or a list of functions) take turns in the
    window: the index first (the app named "index", else a list of the apps), then the
    one picked; `go_app(name)` switches (desklaunch/ui/apps.py). One app runs directly.
    """
    current_session()  # a clear error when not run by desklaunch
    app = _single(applications)
    if app is None:
        from desklaunch.compat.pywebio.platform.deploy import serve_several

        return serve_several(applications, title=_settings.get("title"))
    title = getattr(app, "_pywebio_title", None) or _settings.get("title")
    if title:
        from desklaunch.ui import set_env

        set_env(title=str(title))
    result = app()
    if inspect.iscoroutine(result):
        return asyncio.run(result)
    return result


def config(title: str | None = None, description: str | None = None, theme: str | None = None,
           js_code: str | None = None, js_file: Any = (), css_style: str | None = None,
           css_file: Any = (), manifest: Any = True) -> Callable[[Any], Any]:
    """PyWebIO's page settings: `title` becomes the window title; `description`, `theme`
    and `manifest` change nothing. Script or style code (`js_code`, `js_file`,
    `css_style`, `css_file`) is not supported. Works as a decorator and called alone."""
    for option, given in (("js_code", js_code), ("js_file", js_file),
                          ("css_style", css_style), ("css_file", css_file)):
        if given:
            raise NotImplementedError(
                f"pywebio config({option}=...) is not supported by desklaunch: the page "
                "runs only its own code and styles (use style() or put_html for looks)")
    if title is not None:
        _settings["title"] = title

    def decorate(app: Any) -> Any:
        if title is not None:
            app._pywebio_title = title
            if _settings.get("title") is title:  # a decorator: for this app only
                del _settings["title"]
        return app

    return decorate


def seo(title: str, description: str | None = None, app: Any = None) -> Any:
    """PyWebIO's page title and description: the title becomes the window title."""
    decorate = config(title=title, description=description)
    return decorate(app) if app is not None else decorate


def path_deploy(base: str, *args: Any, **kwargs: Any) -> None:
    """Run the apps of folder `base` in this window (see platform/deploy.py)."""
    from desklaunch.compat.pywebio.platform.deploy import path_deploy as deploy

    deploy(base, *args, **kwargs)


def path_deploy_http(base: str, *args: Any, **kwargs: Any) -> None:
    """`path_deploy` over HTTP: the same here."""
    from desklaunch.compat.pywebio.platform.deploy import path_deploy_http as deploy

    deploy(base, *args, **kwargs)


run_event_loop = unsupported(
    "pywebio.platform.run_event_loop",
    "desklaunch runs its own event loop; write `async def main()` and run the script with "
    "desklaunch")


def framework_stubs(module: str, names: tuple[str, ...]) -> dict[str, Any]:
    """The calls of a web-framework module (`pywebio.platform.flask`, ...) that put an app in
    someone else's server: each raises, since desklaunch shows the app in its own window."""
    why = ("desklaunch shows the app in its own window, not inside another web server; "
           "call start_server(main) and run the script with desklaunch")
    return {name: unsupported(f"{module}.{name}", why) for name in names}

__all__ = ["config", "path_deploy", "path_deploy_http", "run_event_loop", "seo",
           "start_server"]
