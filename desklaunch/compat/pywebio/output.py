"""Stand-in for `pywebio.output`, backed by desklaunch.ui (see desklaunch/compat)."""

from __future__ import annotations

from typing import Any

from desklaunch.compat.forward import forwarder
from desklaunch.ui.content import _put_message as _message
from desklaunch.ui.outputs import Output as Output
from desklaunch.ui.scripts import JSFunction as JSFunction


class Position:
    """Where `scroll_to` puts a scope in the window."""

    TOP = "top"
    MIDDLE = "middle"
    BOTTOM = "bottom"


class OutputPosition:
    """Where a `put_*` call puts its output in the scope."""

    TOP = 0
    BOTTOM = -1


_NAMES = ("JSFunction", "OutputPosition", "PopupSize", "Position", "clear", "close_popup",
           "get_scope", "datatable_insert", "datatable_remove", "datatable_update", "output",
           "popup",
           "put_button", "put_buttons", "put_code", "put_collapse", "put_column",
           "put_datatable", "put_error", "put_file", "put_grid", "put_html", "put_image",
           "put_info", "put_link", "put_loading", "put_markdown", "put_processbar",
           "put_progressbar", "put_row", "put_scope", "put_scrollable", "put_success",
           "put_table", "put_tabs", "put_text", "put_warning", "put_widget", "remove",
           "scroll_to", "set_processbar", "set_progressbar", "set_scope", "span", "style",
           "toast", "use_scope")
__all__ = [*_NAMES]

__getattr__ = forwarder(__name__.replace("desklaunch.compat.", ""), _NAMES, {
})


def _put_message(color: str, contents: Any, closable: bool = False, scope: str | None = None,
                 position: int = OutputPosition.BOTTOM) -> Output:
    """PyWebIO's internal message box behind `put_info` and the others, which add-ons call
    with a colour of their own ("secondary": grey); `contents` is a list of outputs."""
    items = tuple(contents) if isinstance(contents, list | tuple) else (contents,)
    return _message(str(color), items, closable, scope, position)


class OutputList(list):  # type: ignore[type-arg]
    """PyWebIO's list of outputs (what several `put_*` give), for the apps that name it."""


def clear_scope(scope: str | None = None) -> None:
    """PyWebIO's older name of `clear`, which 1.8 still answers to."""
    __getattr__("clear")(scope)


def download(name: str, content: bytes) -> None:
    """`pywebio.session.download`, which `pywebio.output` imports too (apps import it
    from there)."""
    from desklaunch.ui.downloads import download as offer

    offer(name, content)


def put_scrolable(*args: object, **kwargs: object) -> object:
    """PyWebIO's old spelling of `put_scrollable`."""
    return __getattr__("put_scrollable")(*args, **kwargs)
