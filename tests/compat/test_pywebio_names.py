"""Every public name of PyWebIO 1.8 exists under the `pywebio` alias, by name.

The lists are PyWebIO 1.8.4's `__all__` of `pywebio.input`, `.output`, `.pin` and
`.session`, and the public names of `pywebio`, `pywebio.platform` and `pywebio.exceptions`
(which have no `__all__`), written out here from PyWebIO's source. A call desklaunch does
not offer raises NotImplementedError with one line saying why and what to use instead, and
docs/api.md lists it.
"""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest

PYWEBIO_1_8 = {
    "pywebio": [
        "STATIC_PATH", "SessionClosedException", "SessionException", "SessionNotFoundException",
        "config", "enable_debug", "exceptions", "input", "output", "pin", "platform",
        "session", "start_server",
    ],
    "pywebio.input": [
        "TEXT", "NUMBER", "FLOAT", "PASSWORD", "URL", "DATE", "TIME", "COLOR",
        "DATETIME_LOCAL", "DATETIME", "input", "textarea", "select", "checkbox", "radio",
        "actions", "file_upload", "slider", "input_group", "input_update",
    ],
    "pywebio.output": [
        "Position", "OutputPosition", "remove", "scroll_to", "put_tabs", "put_scope",
        "put_text", "put_html", "put_code", "put_markdown", "use_scope", "set_scope", "clear",
        "put_table", "put_buttons", "put_image", "put_file", "PopupSize", "popup",
        "put_button", "close_popup", "put_widget", "put_collapse", "put_link",
        "put_scrollable", "style", "put_column", "put_row", "put_grid", "span",
        "put_progressbar", "set_progressbar", "put_processbar", "set_processbar",
        "put_loading", "output", "toast", "get_scope", "put_info", "put_error", "put_warning",
        "put_success", "put_datatable", "datatable_update", "datatable_insert",
        "datatable_remove", "JSFunction",
    ],
    "pywebio.pin": [
        "put_input", "put_textarea", "put_select", "put_checkbox", "put_radio", "put_slider",
        "put_actions", "put_file_upload", "pin", "pin_update", "pin_wait_change",
        "pin_on_change", "get_pin_values",
    ],
    "pywebio.session": [
        "run_async", "run_asyncio_coroutine", "register_thread", "hold", "defer_call", "data",
        "get_info", "run_js", "eval_js", "download", "set_env", "go_app", "local", "info",
    ],
    "pywebio.platform": [
        "config", "path_deploy", "path_deploy_http", "run_event_loop", "seo", "start_server",
    ],
    "pywebio.platform.page": ["config", "seo"],
    "pywebio.exceptions": [
        "PyWebIOWarning", "SessionClosedException", "SessionException",
        "SessionNotFoundException",
    ],
}
"""PyWebIO 1.8.4's public names, module by module."""

API_DOCS = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def _pairs() -> list[tuple[str, str]]:
    return [(module, name) for module, names in PYWEBIO_1_8.items() for name in names]


@pytest.mark.parametrize("module", sorted(PYWEBIO_1_8))
def test_a_star_import_gives_every_public_name(alias, module: str) -> None:
    namespace: dict[str, object] = {}
    exec(f"from {module} import *", namespace)  # what scripts do
    missing = sorted(set(PYWEBIO_1_8[module]) - set(namespace))
    assert not missing, f"{module} lacks {missing}"


def test_names_pywebio_keeps_outside_its_all_are_there_too(alias) -> None:
    """Importable from PyWebIO 1.8.4, though not in its `__all__`, and imported by apps found
    on GitHub (a multi-page app's `clear_scope`, log dashboards' session classes)."""
    from pywebio.output import OutputList, clear_scope, download, put_text, use_scope
    from pywebio.session import (
        CoroutineBasedSession,
        ThreadBasedSession,
        get_current_session,
        get_session_implement,
    )

    assert callable(clear_scope) and callable(download) and issubclass(OutputList, list)
    assert ThreadBasedSession is CoroutineBasedSession is get_session_implement()
    assert callable(put_text) and callable(use_scope) and callable(get_current_session)


def test_old_names_work_as_pywebio_s_in_a_running_app(alias) -> None:
    from desklaunch.testing import AppTest

    def app() -> None:
        from pywebio.output import clear_scope, download, put_text, use_scope
        from pywebio.session import ThreadBasedSession, get_current_session

        with use_scope("news"):
            put_text("old news")
        clear_scope("news")
        put_text("current" if isinstance(get_current_session(), ThreadBasedSession)
                 else "not a session")
        put_text(repr(ThreadBasedSession.get_current_session() is get_current_session()))
        download("notes.txt", b"kept")

    with AppTest.from_function(app) as running:
        assert running.text.splitlines()[:2] == ["current", "True"]
        assert [(d.name, d.content) for d in running.downloads] == [("notes.txt", b"kept")]


def test_every_name_is_an_attribute_too(alias) -> None:
    missing = [f"{module}.{name}" for module, name in _pairs()
               if not hasattr(importlib.import_module(module), name)]
    assert not missing


def _unsupported() -> list[tuple[str, str, object]]:
    found = []
    for module, name in _pairs():
        value = getattr(importlib.import_module(module), name)
        if inspect.isfunction(value) and getattr(value, "desklaunch_unsupported", None):
            found.append((module, name, value))
    return found


def test_a_call_desklaunch_leaves_out_says_why_in_one_line_and_is_listed(alias) -> None:
    unsupported = _unsupported()
    assert ("pywebio.platform", "run_event_loop") in [(m, n) for m, n, _ in unsupported]
    documented = API_DOCS.read_text(encoding="utf-8")
    for module, name, stub in unsupported:
        if getattr(stub, "desklaunch_when_served", False):  # a view for another server
            stub = stub(lambda: None)  # type: ignore[operator]
            if isinstance(stub, list):  # routes: none
                assert stub == []
                continue
        with pytest.raises(NotImplementedError) as raised:
            stub()  # type: ignore[operator]
        message = str(raised.value)
        assert message.startswith(f"{module}.{name}() is not supported by desklaunch: ")
        assert "\n" not in message and len(message.split(": ", 1)[1]) > 10, message
        assert f"`{module}.{name}`" in documented, f"docs/api.md does not list {module}.{name}"


def test_the_data_types_behave_as_pywebio_s(alias) -> None:
    import pywebio
    import pywebio.exceptions
    import pywebio.input

    assert pywebio.input.DATETIME_LOCAL == pywebio.input.DATETIME == "datetime-local"
    assert issubclass(pywebio.exceptions.PyWebIOWarning, UserWarning)
    assert pywebio.SessionException is pywebio.exceptions.SessionException
