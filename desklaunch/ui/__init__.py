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
from desklaunch.ui.inputs import FLOAT, NUMBER, PASSWORD, TEXT, input, select
from desklaunch.ui.outputs import Output, put_buttons, put_html, put_markdown, put_text, toast
from desklaunch.ui.scopes import clear, use_scope

__all__ = [
    "FLOAT", "NUMBER", "PASSWORD", "TEXT", "Output", "SessionClosed", "clear", "input",
    "put_buttons", "put_html", "put_markdown", "put_text", "register_thread", "select",
    "toast", "use_scope",
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
