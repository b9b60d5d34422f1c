"""The script-facing API: ask with `input()`, show with `put_*()`.

    from desklaunch.ui import input, put_text
    name = input("Your name")
    put_text(f"Hello, {name}!")

Run the script with `desklaunch script.py`. Every call here belongs to the session of the
window it was made for; a thread the script starts itself can join with `register_thread`.
"""

from __future__ import annotations

import contextlib
import threading

from desklaunch.core.session import bind_current, current_session
from desklaunch.errors import SessionClosed
from desklaunch.ui.apps import go_app, run_apps
from desklaunch.ui.choices import checkbox, radio, select
from desklaunch.ui.content import put_code, put_error, put_info, put_link, put_success, put_warning
from desklaunch.ui.controls import actions, slider
from desklaunch.ui.datatable import (
    datatable_insert,
    datatable_remove,
    datatable_update,
    put_datatable,
)
from desklaunch.ui.downloads import download, put_file
from desklaunch.ui.env import defer_call, hold, info, local, set_env
from desklaunch.ui.files import file_upload
from desklaunch.ui.form import input_group, input_update
from desklaunch.ui.images import put_image
from desklaunch.ui.inputs import (
    COLOR,
    DATE,
    DATETIME,
    FLOAT,
    NUMBER,
    PASSWORD,
    TEXT,
    TIME,
    URL,
    input,
    textarea,
)
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
    put_html,
    put_markdown,
    put_text,
    toast,
)
from desklaunch.ui.page import configure_page
from desklaunch.ui.pin import get_pin_values, pin, pin_on_change, pin_update, pin_wait_change
from desklaunch.ui.pin_actions import put_actions
from desklaunch.ui.pin_files import put_file_upload
from desklaunch.ui.pin_widgets import (
    put_checkbox,
    put_input,
    put_radio,
    put_select,
    put_slider,
    put_textarea,
)
from desklaunch.ui.placeholder import output
from desklaunch.ui.popup import PopupSize, close_popup, popup
from desklaunch.ui.progress import (
    put_loading,
    put_processbar,
    put_progressbar,
    set_processbar,
    set_progressbar,
)
from desklaunch.ui.scopes import (
    clear,
    get_scope,
    put_scope,
    remove,
    scroll_to,
    set_scope,
    use_scope,
)
from desklaunch.ui.scripts import JSFunction, eval_js, run_js
from desklaunch.ui.table import put_table, span
from desklaunch.ui.tasks import TaskHandle, run_async, run_asyncio_coroutine
from desklaunch.ui.widget_template import put_widget

__all__ = [
    "COLOR",
    "DATE",
    "DATETIME",
    "FLOAT",
    "NUMBER",
    "PASSWORD",
    "TEXT",
    "TIME",
    "URL",
    "JSFunction",
    "Output",
    "PopupSize",
    "SessionClosed",
    "TaskHandle",
    "actions",
    "checkbox",
    "clear",
    "close_popup",
    "configure_page",
    "datatable_insert",
    "datatable_remove",
    "datatable_update",
    "defer_call",
    # outputs and layout
    "download",
    "eval_js",
    "file_upload",
    "get_pin_values",
    "get_scope",
    "go_app",
    "hold",
    "info",
    "input",
    "input_group",
    "input_update",
    "local",
    "output",
    "pin",
    "pin_on_change",
    "pin_update",
    "pin_wait_change",
    "popup",
    "put_actions",
    "put_button",
    "put_buttons",
    "put_checkbox",
    "put_code",
    "put_collapse",
    "put_column",
    "put_datatable",
    "put_error",
    "put_file",
    "put_file_upload",
    "put_grid",
    "put_html",
    "put_image",
    "put_info",
    "put_input",
    "put_link",
    "put_loading",
    "put_markdown",
    "put_processbar",
    "put_progressbar",
    "put_radio",
    "put_row",
    "put_scope",
    "put_scrollable",
    "put_select",
    "put_slider",
    "put_success",
    "put_table",
    "put_tabs",
    "put_text",
    "put_textarea",
    "put_warning",
    "put_widget",
    "radio",
    "register_thread",
    "remove",
    "run_apps",
    "run_async",
    "run_asyncio_coroutine",
    "run_js",
    "scroll_to",
    "select",
    "set_env",
    "set_processbar",
    "set_progressbar",
    "set_scope",
    "slider",
    "span",
    "style",
    "textarea",
    "toast",
    "use_scope",
]


def register_thread(thread: threading.Thread) -> None:
    """Make a thread the script is about to start belong to the calling code's session.

        t = threading.Thread(target=ticker); register_thread(t); t.start()

    When the window closes, the thread's next UI call (or `time.sleep`) ends it quietly,
    as it ends the script: closing is not an error to report.
    """
    session = current_session()
    run = thread.run

    def run_in_session() -> None:
        bind_current(session)
        with contextlib.suppress(SessionClosed):
            run()

    thread.run = run_in_session  # type: ignore[method-assign]
