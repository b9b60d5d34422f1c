"""Page settings a script gives for its whole page: its own style sheets and scripts, and a
theme (what PyWebIO's `config(js_code=, js_file=, css_style=, css_file=, theme=)` sets).

Every piece reaches the page as a same-origin resource of the session
(desklaunch/core/resources.py), never as inline code; a file named by an http(s) address is
fetched by the app when the page asks for it (desklaunch/web/remote.py). A reloaded page loads
them again; each piece is loaded once per page however often it is configured.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from desklaunch.core.resources import Resource, ResourceKind
from desklaunch.core.session import Session, current_session

THEMES = ("default", "dark", "light", "sketchy", "minty", "yeti")
"""Themes accepted: "dark" and "light" force desklaunch's dark or light look; the others
(PyWebIO's Bootstrap themes) keep desklaunch's own look, following the system."""


def configure_page(*, title: str | None = None, theme: str | None = None,
                   js_code: str | None = None, js_file: str | Iterable[str] = (),
                   css_style: str | None = None, css_file: str | Iterable[str] = ()) -> None:
    """Give the page the script's own styles and scripts, a theme and a title.

    `js_file` / `css_file` are http(s) addresses (fetched by the app) or local files;
    style sheets load first, then scripts in order (`js_file` before `js_code`), each run
    once per page in the page's global scope.

        configure_page(css_style=".dl-text { letter-spacing: .05em }", theme="dark")
    """
    if theme is not None and theme not in THEMES:
        raise ValueError(f"theme must be one of {', '.join(THEMES)}")
    session = current_session()
    styles = [_add(session, "css", item) for item in _files(css_file)]
    if css_style:
        styles.append(_text(session, "css", str(css_style)))
    scripts = [_add(session, "js", item) for item in _files(js_file)]
    if js_code:
        scripts.append(_text(session, "js", str(js_code)))
    command: dict[str, Any] = {"cmd": "env", "page": {
        "styles": styles, "scripts": scripts, "theme": "" if theme in (None, "default") else theme}}
    if title is not None:
        command["title"] = str(title)
    session.send(command)


def add_page_scripts(files: Iterable[Path]) -> None:
    """Load the local script files `files` into the page's global scope, in order, once per
    page, the theme and the script's own settings left as they are: a library that later
    `run_library_js` calls or the page's own code use (the charts of compat/bokehcharts.py
    and ui/plotlycharts.py). No PyWebIO page globals (`$`, `WebIO`) are made for it: a
    library takes a `$` for jQuery."""
    session = current_session()
    scripts = [_text(session, "js", Path(file).read_text(encoding="utf-8")) for file in files]
    session.send({"cmd": "env", "page": {"scripts": scripts, "library": True}})


def _files(given: str | Iterable[str]) -> list[str]:
    items = [given] if isinstance(given, (str, Path)) else list(given or ())
    return [str(item) for item in items if item]


def _known(session: Session) -> dict[tuple[str, str, str], str]:
    """Paths already made for a piece in this session, so configuring twice loads it once."""
    return session.data.setdefault("page_resources", {})  # type: ignore[no-any-return]


def _text(session: Session, kind: ResourceKind, text: str) -> str:
    known = _known(session)
    key = (kind, "text", text)
    if key not in known:
        known[key] = session.resources.add(Resource(kind, text=text))
    return known[key]


def _add(session: Session, kind: ResourceKind, item: str) -> str:
    lowered = item.lower()
    if lowered.startswith(("http://", "https://")):
        known = _known(session)
        key = (kind, "url", item)
        if key not in known:
            known[key] = session.resources.add(Resource(kind, url=item))
        return known[key]
    path = Path(item)
    if not path.is_file():
        raise ValueError(f"{'js_file' if kind == 'js' else 'css_file'} must be an http(s) "
                         f"address or a file, not {item!r}")
    return _text(session, kind, path.read_text(encoding="utf-8"))
