"""Stand-in for `pywebio.platform`: `start_server` runs the app right here, in the
desklaunch window, instead of starting a web server.

    if __name__ == "__main__":
        start_server(main, port=8080)      # under desklaunch: runs main() in the window

The server options (port, host, cdn, ...) are accepted and change nothing. `config` gives
the page its title, theme, styles and scripts (desklaunch/compat/pywebio/appconfig.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desklaunch.compat.forward import unsupported
from desklaunch.compat.pywebio.appconfig import config
from desklaunch.compat.pywebio.running import run_app


def _pick(applications: Any) -> Callable[[], Any]:
    if callable(applications):
        return applications  # type: ignore[no-any-return]
    apps = list(applications.values()) if isinstance(applications, dict) else list(applications)
    if len(apps) != 1 or not callable(apps[0]):
        raise NotImplementedError(
            "pywebio start_server() with several applications is not supported by "
            "desklaunch: it runs one app per window")
    return apps[0]  # type: ignore[no-any-return]


def start_server(applications: Any, port: int = 0, host: str = "", **server_options: Any) -> Any:
    """Run the application function now, in this desklaunch window (returns its result)."""
    return run_app(_pick(applications))


def seo(title: str, description: str | None = None, app: Any = None) -> Any:
    """PyWebIO's page title and description: the title becomes the window title."""
    decorate = config(title=title, description=description)
    return decorate(app) if app is not None else decorate


path_deploy = unsupported("pywebio.platform.path_deploy", "run each script with desklaunch")
path_deploy_http = unsupported("pywebio.platform.path_deploy_http",
                               "run each script with desklaunch")
run_event_loop = unsupported("pywebio.platform.run_event_loop",
                             "desklaunch runs its own event loop")


def framework_stubs(module: str, names: tuple[str, ...]) -> dict[str, Any]:
    """The calls of a web-framework module (`pywebio.platform.flask`, ...) that put an app in
    someone else's server: each raises, since desklaunch shows the app in its own window."""
    return {name: unsupported(f"{module}.{name}", "desklaunch shows the app in its own window")
            for name in names}

__all__ = ["config", "path_deploy", "path_deploy_http", "run_event_loop", "seo",
           "start_server"]
