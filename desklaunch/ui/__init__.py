"""The script-facing API: ask with `input()`, show with `put_*()`.

    from desklaunch.ui import input, put_text
    name = input("Your name")
    put_text(f"Hello, {name}!")

Run the script with `desklaunch script.py`. Every call here belongs to the session of the
window it was made for; a thread the script starts itself can join with `register_thread`.
"""

from __future__ import annotations

import threading

from desklaunch.errors import SessionClosed
from desklaunch.session import bind_current, current_session
from desklaunch.ui.downloads import download, put_file
from desklaunch.ui.images import put_image
from desklaunch.ui.inputs import FLOAT, NUMBER, PASSWORD, TEXT, input
from desklaunch.ui.layout import (
    put_collapse,
    put_column,
    put_grid,
    put_row,
    put_scrollable,
    put_tabs,
    style,
)
from desklaunch.ui.outputs import (
    Output,
    put_button,
    put_buttons,
    put_code,
    put_error,
    put_html,
    put_info,
    put_link,
    put_markdown,
    put_success,
    put_text,
    put_warning,
    toast,
)
from desklaunch.ui.progress import (
    put_loading,
    put_processbar,
    put_progressbar,
    set_processbar,
    set_progressbar,
)
from desklaunch.ui.scopes import clear, put_scope, remove, scroll_to, use_scope
from desklaunch.ui.table import put_table, span

__all__ = [
    "FLOAT",
    "NUMBER",
    "PASSWORD",
    "TEXT",
    "Output",
    "SessionClosed",
    "clear",
    # outputs and layout
    "download",
    "input",
    "put_button",
    "put_buttons",
    "put_code",
    "put_collapse",
    "put_column",
    "put_error",
    "put_file",
    "put_grid",
    "put_html",
    "put_image",
    "put_info",
    "put_link",
    "put_loading",
    "put_markdown",
    "put_processbar",
    "put_progressbar",
    "put_row",
    "put_scope",
    "put_scrollable",
    "put_success",
    "put_table",
    "put_tabs",
    "put_text",
    "put_warning",
    "register_thread",
    "remove",
    "scroll_to",

    "set_processbar",
    "set_progressbar",
    "span",
    "style",
    "toast",
    "use_scope",
]


def register_thread(thread: threading.Thread) -> None:
    """Make a thread the script is about to start belong to the calling code's session.

        t = threading.Thread(target=ticker); register_thread(t); t.start()
    """
    session = current_session()
    run = thread.run

    def run_in_session() -> None:
        bind_current(session)
        run()

    thread.run = run_in_session  # type: ignore[method-assign]
