"""Session utilities: page settings (`set_env`), facts about the page (`info`), cleanups
(`defer_call`), waiting for the window to close (`hold`), and per-session storage (`local`).

Names follow PyWebIO's `pywebio.session` (`run_js` and `eval_js` are in scripts.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

from desklaunch.core.session import current_session
from desklaunch.errors import SessionClosed
from desklaunch.ui.flow import _on_event_loop
from desklaunch.ui.useragent import PyWebIOUserAgent, UserAgent

_IGNORED_ENV = ("http_pull_interval", "input_panel_fixed", "input_panel_min_height",
                "input_panel_init_height", "input_auto_focus")
_INFO_MAX = 2_000


def set_env(*, title: str | None = None, output_animation: bool | None = None,
            output_max_width: str | None = None, auto_scroll_bottom: bool | None = None,
            **other: Any) -> None:
    """Change page settings: the window `title`, `output_animation=False` (no animations
    at all), `output_max_width` (a CSS length such as "1200px" or "90%"), and
    `auto_scroll_bottom`: whether new output scrolls the page down to it while the view is
    at the bottom (on by default; a script written for PyWebIO, one that imports it, starts
    with it off, as in PyWebIO, and a question's form is brought into view either way).

        set_env(title="Unit converter", output_max_width="600px")

    PyWebIO's `http_pull_interval` and input panel settings are accepted and change
    nothing: desklaunch answers at once instead of polling at an interval, and shows forms
    below the output.
    """
    unknown = sorted(set(other) - set(_IGNORED_ENV))
    if unknown:
        raise TypeError(f"set_env() got an unknown setting {unknown[0]!r}")
    command: dict[str, Any] = {"cmd": "env"}
    if title is not None:
        command["title"] = str(title)
    if output_animation is not None:
        command["output_animation"] = bool(output_animation)
    if output_max_width is not None:
        command["output_max_width"] = str(output_max_width)
    if auto_scroll_bottom is not None:
        command["auto_scroll_bottom"] = bool(auto_scroll_bottom)
    if len(command) > 1:
        current_session().send(command)


class ClientInfo:
    """What the page knows about itself, as `info.<name>`: `user_agent` (the browser's
    User-Agent text), `user_language` ("en-GB"), `origin`, `server_host`, `timezone`,
    `width` / `height` (the window's inner size in CSS pixels), `pixel_ratio`, `dark`
    (whether the system uses a dark theme), and PyWebIO's `user_ip`, `backend`, `protocol`.

        put_text("Your language:", info.user_language)

    The first read in a session asks the page once (one round trip; in an `async def`
    script that briefly holds up the event loop) and later reads use the answer.
    `user_agent` is the browser's User-Agent text with PyWebIO's parsed attributes
    (`is_mobile`, `is_pc`, `browser.family`, `os.family`, `device.family`, …; see
    useragent.py). `str(info.user_agent)` is the text itself (`.summary()` gives PyWebIO's
    "PC / Linux / Chrome 120"); in a script written for PyWebIO it is that summary, as
    there. Unlike PyWebIO, `request` is None (the script never sees HTTP).
    """

    _FIXED: ClassVar[dict[str, Any]] = {
        "user_ip": "127.0.0.1", "backend": "desklaunch", "protocol": "http", "request": None}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._FIXED:
            return self._FIXED[name]
        facts = self._facts()
        if name not in facts:
            raise AttributeError(f"info has no {name!r}")
        return facts[name]

    def __getitem__(self, name: str) -> Any:
        return self.__getattr__(name)

    @staticmethod
    def _facts() -> dict[str, Any]:
        session = current_session()
        facts = session.data.get("client_info")
        if facts is not None:
            return facts  # type: ignore[no-any-return]
        key = session.new_id("info")
        box = session.open_mailbox(key)
        try:
            session.send({"cmd": "client_info", "id": key})
            while True:
                event = box.get()
                if event["type"] == "client_info" and isinstance(event.get("value"), dict):
                    break
        finally:
            session.drop_mailbox(key)
        facts = {str(k)[:64]: _fact(v) for k, v in event["value"].items()}
        agent = PyWebIOUserAgent if session.pywebio_way else UserAgent
        facts["user_agent"] = agent(str(facts.get("user_agent") or ""))
        session.data["client_info"] = facts
        return facts


def _fact(value: Any) -> Any:
    """A value the page reported, kept only if it is a plain short scalar."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return value
    return str(value)[:_INFO_MAX]


info = ClientInfo()


def pixel_ratio() -> float:
    """The page's device pixels per CSS pixel (2 on most HiDPI screens), from 1 to 4: what a
    picture drawn here (a figure) is drawn at to look sharp. Asks the page as `info` does."""
    try:
        value = float(info.pixel_ratio)
    except (AttributeError, TypeError, ValueError):
        return 1.0
    return round(min(max(value, 1.0), 4.0), 2) if math.isfinite(value) else 1.0


def defer_call(func: Callable[[], Any]) -> Callable[[], Any]:
    """Run `func()` when the session closes (the window closes); the last registered runs
    first. Returns `func`, so it also works as a decorator.

        defer_call(lambda: db.close())
    """
    current_session().defer(func)
    return func


def hold() -> Any:
    """Block until the window closes (then `SessionClosed` ends the script).

        put_buttons(["Ping"], onclick=lambda _: toast("pong")); hold()

    Rarely needed: the window stays open, buttons working, after the script's last line.
    Awaitable in an `async def` script.
    """
    session = current_session()
    box = session.open_mailbox(session.new_id("hold"))
    if _on_event_loop():
        return box.aget()
    box.get()
    raise SessionClosed  # get() only returns for an event, and nothing is sent to this box


class _Local:
    """Attributes kept per session: `local.count = 1` in one window is not seen in another.

        local.clicks = (local.clicks or 0) + 1

    As in PyWebIO, a missing attribute reads as None, `local["key"]` works too, `in` and
    iteration see the names set, and `local._dict` is the underlying dict.
    """

    def _store(self) -> dict[Any, Any]:
        return current_session().data.setdefault("local", {})  # type: ignore[no-any-return]

    def __getattr__(self, name: str) -> Any:
        if name == "_dict":
            return self._store()
        if name.startswith("__"):
            raise AttributeError(name)
        return self._store().get(name)

    def __setattr__(self, name: str, value: Any) -> None:
        self._store()[name] = value

    def __delattr__(self, name: str) -> None:
        self._store().pop(name, None)

    def __getitem__(self, key: Any) -> Any:
        return self._store().get(key)

    def __setitem__(self, key: Any, value: Any) -> None:
        self._store()[key] = value

    def __delitem__(self, key: Any) -> None:
        self._store().pop(key, None)

    def __contains__(self, name: object) -> bool:
        return name in self._store()

    def __iter__(self) -> Iterator[Any]:
        return iter(list(self._store()))

    def __len__(self) -> int:
        return len(self._store())


local = _Local()
