"""Stand-in for `pywebio.platform`: `start_server` runs the app right here, in the
desklaunch window, instead of starting a web server.

    if __name__ == "__main__":
        start_server(main, port=8080)      # under desklaunch: runs main() in the window

The server options (port, host, cdn, ...) are accepted and change nothing. `config` gives
the page its title, theme, styles and scripts (desklaunch/compat/pywebio/appconfig.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from desklaunch.compat.forward import unsupported, unsupported_when_served
from desklaunch.compat.pywebio.appconfig import config
from desklaunch.compat.pywebio.running import run_app


def _single(applications: Any) -> Callable[[], Any] | None:
    """The one app to run directly, or None when there are several (an index then)."""
    if callable(applications) and not isinstance(applications, Mapping):
        return applications  # type: ignore[no-any-return]
    if not isinstance(applications, Mapping) and not isinstance(applications, (list, tuple)):
        # `start_server(main())` ran the app and passes what it returned (None)
        raise TypeError(f"start_server() takes the app function (or a dict or list of "
                        f"them), not {applications!r}: pass main, not main()")
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
    from desklaunch.compat.pywebio import served

    served.withdraw()  # a Flask view made first is not what this window shows
    app = _single(applications)
    if app is None:
        from desklaunch.compat.pywebio.platform.deploy import serve_several

        return serve_several(applications)
    return run_app(app)


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
    someone else's server. desklaunch shows the app in its own window, so what each returns
    raises when served; the call itself works, since scripts build their view at import
    and still call `start_server(main)` (the PyWebIO-on-Heroku layout)."""
    why = ("desklaunch shows the app in its own window, not inside another web server (what "
           "it returns raises when served); run `desklaunch app.py:main`, or call "
           "start_server(main) and run the script with desklaunch. A script that serves its "
           "app only this way is told so in the window")
    return {name: unsupported_when_served(f"{module}.{name}", why,
                                          routes=name.endswith("_routes"))
            for name in names}

__all__ = ["config", "path_deploy", "path_deploy_http", "run_event_loop", "seo",
           "start_server"]

_SUBMODULES = frozenset({"aiohttp", "django", "fastapi", "flask", "page", "tornado",
                         "tornado_http"})


def __getattr__(name: str) -> Any:
    """`pywebio.platform.tornado` and the like after `import pywebio`, as PyWebIO's package
    imports them itself; loaded when first used, so a start pays for none of them."""
    if name in _SUBMODULES:
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

