"""Files the script offers the person: `put_file` (a button) and `download` (at once).

In a window, the bytes never travel to the page: the button (or `download`) opens the
system's save dialog through `session.native.save_file()`, writes the file there, and a
toast says where. In a browser, the bytes travel inside the page's command, base64-encoded,
and the page hands them to the browser's own download (a blob URL it makes on click), so
they are best kept to a few tens of MiB.
"""

from __future__ import annotations

import asyncio
import base64
from pathlib import Path, PurePath
from typing import Any

from desklaunch.core.session import Session, current_session
from desklaunch.ui.flow import _on_event_loop
from desklaunch.ui.outputs import Output, send_output


def put_file(name: str, content: bytes | str, label: str | None = None,
             scope: str | None = None, position: int = -1) -> Output:
    """Show a button that saves `content` as a file named `name` (text is saved as UTF-8).

    In a window the button opens the system's save dialog; in a browser it downloads.

        put_file("report.csv", csv_text.encode(), label="Save the report")
    """
    name, data = _file(name, content)
    session = current_session()
    widget: dict[str, Any] = {"type": "file", "name": name,
                              "label": name if label is None else str(label)}
    if session.native is not None:
        def save(_: Any) -> Any:
            if _on_event_loop():  # a coroutine session: keep the event loop free
                return asyncio.to_thread(save_natively, session, name, data)
            return save_natively(session, name, data)

        widget["id"] = session.register_callback(save)
    else:
        widget["data"] = base64.b64encode(data).decode("ascii")
    return send_output(widget, scope, position)


def download(name: str, content: bytes | str) -> Any:
    """Offer `content` as a file named `name` right now: the save dialog in a window, the
    browser's download otherwise. In a window it returns when the person has answered.

    On an event loop (an `async def` script) it returns an awaitable, already running.

        download("notes.txt", text)
    """
    name, data = _file(name, content)
    session = current_session()
    if session.native is None:
        session.send({"cmd": "download", "name": name,
                      "data": base64.b64encode(data).decode("ascii")})
        if _on_event_loop():
            return asyncio.ensure_future(asyncio.sleep(0))
        return None
    if _on_event_loop():
        return asyncio.ensure_future(asyncio.to_thread(save_natively, session, name, data))
    save_natively(session, name, data)
    return None


def save_natively(session: Session, name: str, data: bytes) -> str | None:
    """Ask where to save through the system dialog, write there, say so; the path or None."""
    assert session.native is not None
    chosen = session.native.save_file(name)
    if not chosen or session.closed:
        return None
    try:
        Path(chosen).write_bytes(data)
    except OSError as exc:
        session.send({"cmd": "toast", "text": f"Could not save {name}: {exc.strerror or exc}",
                      "duration": 0, "color": "error"})
        return None
    session.send({"cmd": "toast", "text": f"Saved to {chosen}", "duration": 4,
                  "color": "success"})
    return chosen


def _file(name: str, content: bytes | str) -> tuple[str, bytes]:
    if isinstance(content, str):
        content = content.encode("utf-8")
    if not isinstance(content, (bytes, bytearray, memoryview)):
        raise TypeError(f"file content must be bytes or str, not {type(content).__name__}")
    base = PurePath(str(name).replace("\\", "/")).name
    if not base or base in (".", ".."):
        raise ValueError(f"{name!r} is not a file name")
    return base, bytes(content)
