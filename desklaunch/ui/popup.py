"""Popups: a modal dialog over the page, holding outputs, closed by the script or the person.

    popup("Saved", "Your file was saved.")
    with popup("Details", size=PopupSize.LARGE):
        put_table(rows)

One popup shows at a time (a new one replaces the old). The person closes it with its
close button or Esc (when `closable`), or by clicking beside it (with `implicit_close`);
the page reports that, so a reloaded page does not show it again. Names and arguments
follow PyWebIO's `popup` / `close_popup`.
"""

from __future__ import annotations

import contextvars
from typing import Any

from desklaunch.core.session import current_session
from desklaunch.ui.closing import record_close
from desklaunch.ui.outputs import as_widgets
from desklaunch.ui.scope_stack import enter_scope, leave_scope


class PopupSize:
    """The widths a popup can have."""

    LARGE = "large"
    NORMAL = "normal"
    SMALL = "small"


SIZES = (PopupSize.SMALL, PopupSize.NORMAL, PopupSize.LARGE)


class Popup:
    """The popup `popup()` showed; `with` it to send outputs into it."""

    def __init__(self, pid: str, inner: str) -> None:
        self.id = pid
        self.inner = inner
        """The scope name of the popup's content, for `put_*(scope=...)`."""
        self._tokens: list[contextvars.Token[tuple[str, ...]]] = []

    def __enter__(self) -> str:
        self._tokens.append(enter_scope(self.inner))
        return self.inner

    def __exit__(self, *exc_info: object) -> None:
        leave_scope(self._tokens.pop())

    def close(self) -> None:
        """Close this popup (if it is still the one shown)."""
        current_session().send({"cmd": "close_popup", "id": self.id})


def popup(title: str, content: Any = None, size: str = PopupSize.NORMAL,
          implicit_close: bool = True, closable: bool = True) -> Popup:
    """Show a modal dialog titled `title` holding `content` (text, outputs, or a list).

        popup("About", [put_markdown("**Notes** 1.0"),
                        put_buttons(["OK"], lambda _: close_popup())])

    `size` is "small", "normal" or "large" (a script written for PyWebIO may give any, as
    PyWebIO takes any: the normal size). With `closable=False` only the script closes
    it (`close_popup()`). Difference from PyWebIO: Esc closes any closable popup (PyWebIO
    ties Esc to `implicit_close`, which here only means "a click beside it closes it").
    """
    session = current_session()
    if size not in SIZES:
        if not session.pywebio_way:
            raise ValueError(f"popup size must be one of {', '.join(SIZES)}, not {size!r}")
        size = PopupSize.NORMAL  # PyWebIO's page takes any size, and shows the others so
    pid = session.new_id("popup")
    inner = f"@{pid}"
    children = [] if content is None else as_widgets(content)
    if closable:
        record_close(session, pid, "popup_close", {"cmd": "close_popup", "id": pid})
    session.send({"cmd": "popup", "id": pid, "title": str(title), "size": size,
                  "implicit_close": bool(implicit_close) and bool(closable),
                  "closable": bool(closable), "inner": inner, "children": children})
    return Popup(pid, inner)


def close_popup() -> None:
    """Close the popup shown, if any.

        put_buttons(["OK"], onclick=lambda _: close_popup())
    """
    current_session().send({"cmd": "close_popup"})
