"""PyWebIO's `config()`: page settings for one app (as a decorator) or for all (called alone).

    config(title="My tools")                 # every app: applied to the page now
    @config(css_style="* { color: red }")    # this app only: applied when it starts
    def main(): ...

Settings: `title` (the window title; without one, an app's docstring's first line),
`theme` ("dark" forces desklaunch's dark look; "default" and PyWebIO's Bootstrap themes
keep desklaunch's look, which follows the system; the `PYWEBIO_THEME` environment variable
wins, as in PyWebIO), `js_code`, `js_file`, `css_style`, `css_file` (loaded into the page as
same-origin resources: see desklaunch/ui/page.py). `description` and `manifest` are for
web pages and change nothing in a window.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import os
from typing import Any

from desklaunch.core.session import current_session
from desklaunch.errors import NoSessionError, SessionClosed
from desklaunch.ui.page import THEMES, configure_page

_PAGE_KEYS = ("title", "theme", "js_code", "js_file", "css_style", "css_file")
_outside: dict[str, Any] = {}
"""Global settings made where no session runs (rare: a script's code runs in its session)."""


def global_settings() -> dict[str, Any]:
    """The global settings: kept with the session, as each launch runs one script."""
    try:
        session = current_session()
    except NoSessionError:
        return _outside
    found: dict[str, Any] = session.data.setdefault("pywebio_config", {})
    return found


class _Config:
    """What `config()` returns: a decorator, or (never used as one) the global settings."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings
        self.used = False

    def __call__(self, app: Any) -> Any:
        self.used = True
        if inspect.iscoroutinefunction(app):
            @functools.wraps(app)
            async def wrapper(*args: Any, **kwargs: Any) -> Any:
                _apply_when_called_directly(wrapper)
                return await app(*args, **kwargs)
        else:
            @functools.wraps(app)
            def wrapper(*args: Any, **kwargs: Any) -> Any:
                _apply_when_called_directly(wrapper)
                return app(*args, **kwargs)
        # A new function each time: one app function configured several ways (PyWebIO's
        # theme demo) gives several apps.
        wrapper._pywebio_config = {**app_settings(app), **self.settings}  # type: ignore[attr-defined]
        return wrapper

    def __del__(self) -> None:
        if self.used:
            return
        settings = global_settings()
        settings.update(self.settings)
        # A script calling config() while it runs: its page gets the settings now.
        with contextlib.suppress(NoSessionError, SessionClosed):
            configure_page(**_page_settings(settings))


def config(*, title: str | None = None, description: str | None = None,
           theme: str | None = None, js_code: str | None = None, js_file: Any = (),
           css_style: str | None = None, css_file: Any = (), manifest: Any = True) -> Any:
    """PyWebIO's app settings (see the module's docstring); a decorator or a plain call."""
    if theme is not None and theme not in THEMES:
        raise ValueError(f"theme must be one of {', '.join(THEMES)}")
    given = {"title": title, "description": description, "theme": theme, "js_code": js_code,
             "js_file": js_file, "css_style": css_style, "css_file": css_file}
    return _Config({key: value for key, value in given.items() if value})


def app_settings(app: Any) -> dict[str, Any]:
    """The settings `@config` gave `app` (empty when none)."""
    return dict(getattr(app, "_pywebio_config", {}))


def apply_app_config(app: Any) -> None:
    """Give the page what `app` needs before it runs: the global settings, then its own,
    with its docstring's first line as the title when none is set."""
    with contextlib.suppress(NoSessionError):
        current_session().data["pywebio_applied"] = app
    settings = {**global_settings(), **app_settings(app)}
    if "title" not in settings:
        doc = inspect.getdoc(app)
        if doc:
            settings["title"] = doc.strip().split("\n\n", 1)[0].strip()
    configure_page(**_page_settings(settings))


def _apply_when_called_directly(app: Any) -> None:
    """A `@config` app that desklaunch calls itself (a file of `path_deploy`'s kind, whose
    `main()` nothing in it calls, or `app.py:main`) gets its settings as `start_server`
    gives them; once per session, so `start_server`'s own call does not send them twice,
    and not for an app an applied one wraps (`config(theme="dark")(page)` where `page` has a
    `@config` of its own: the outer one's settings, which hold the inner's, are the page's)."""
    try:
        session = current_session()
    except NoSessionError:
        return
    applied = session.data.get("pywebio_applied")
    while applied is not None and applied is not app:
        applied = getattr(applied, "__wrapped__", None)
    if applied is None:
        apply_app_config(app)


def _page_settings(settings: dict[str, Any]) -> dict[str, Any]:
    page = {key: settings[key] for key in _PAGE_KEYS if key in settings}
    theme = os.environ.get("PYWEBIO_THEME") or page.get("theme")
    if theme:
        page["theme"] = theme
    return page
