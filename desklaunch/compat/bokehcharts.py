"""bokeh's charts in a script written for PyWebIO: `output_notebook(notebook_type="pywebio")`,
then `show(figure)`, draws the chart in the page, as PyWebIO's own hook does. So does a
`show(figure)` with no `output_notebook` first: in PyWebIO that writes an HTML file named
after the thread's first frame (`threading.html`, in Python's own folder) and shows nothing;
in an app, the chart in its window is what the person is after. An `output_file()` the
script asks for is written as well.

PyWebIO installs a bokeh "notebook hook" named "pywebio" as it is imported (and so imports
bokeh with it). Here the hook is installed when bokeh's notebook module loads, while the
PyWebIO alias is in place: a script that never uses bokeh never imports it. The chart's
JavaScript (BokehJS) comes from the bokeh package the script runs with, loaded into the page
as its own scripts from the app's origin (PyWebIO's page takes it from bokeh's site; this
page loads nothing from other sites); each chart is its element (`put_html`) and the code
that draws into it (`run_js`), as bokeh's `components()` gives them. A bokeh server app
(`show(app)`) needs a Tornado server of its own: a line says so in its place, and the script
goes on, as PyWebIO's page says so in its other servers. bokeh's code runs without
PyWebIO's page globals (`run_library_js`): its tables took the page's `$` stand-in for
jQuery and drew nothing.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType
from typing import Any

from desklaunch.compat.afterimport import AfterImport

NOTEBOOK = "bokeh.io.notebook"
BOKEHJS = ("bokeh", "bokeh-gl", "bokeh-widgets", "bokeh-tables")
"""BokehJS's parts a figure, its widgets and its tables need, in load order."""


def _load(*_args: Any, **_kwargs: Any) -> None:
    """`output_notebook(notebook_type="pywebio")`: BokehJS into the page, once a session."""
    from desklaunch.core.session import current_session
    from desklaunch.ui.page import add_page_scripts

    session = current_session()
    if session.data.get("bokehjs"):
        return
    # bokeh is named in no import statement: a build would bundle it into every app
    folder = Path(importlib.import_module("bokeh.util.paths").bokehjs_path()) / "js"
    add_page_scripts(path for name in BOKEHJS if (path := folder / f"{name}.min.js").is_file())
    session.data["bokehjs"] = True


def _show_doc(obj: Any, _state: Any, _notebook_handle: Any = None) -> None:
    """`show(figure)` (or a layout): its element, then the code that draws it."""
    from desklaunch.ui import put_html
    from desklaunch.ui.scripts import run_library_js

    _load()
    components = importlib.import_module("bokeh.embed").components
    script, div = components(obj, wrap_script=False)
    if isinstance(div, dict):
        div = "\n".join(div.values())
    elif isinstance(div, (list, tuple)):
        div = "\n".join(div)
    put_html(div)
    run_library_js(script)


def _show_app(*_args: Any, **_kwargs: Any) -> None:
    """`show(app)`: said in its place, and the script goes on, as PyWebIO does where it
    cannot serve one."""
    from desklaunch.ui import put_text

    put_text("Not shown: a bokeh server app (show(app)) needs a server of its own, which "
             "desklaunch does not run; a figure or a layout of figures is drawn here.")


def install_hook(module: ModuleType) -> None:
    """Give bokeh's notebook module (loaded) the "pywebio" hook, and make it where `show()`
    draws until the script says otherwise."""
    module.install_notebook_hook("pywebio", _load, _show_doc, _show_app, overwrite=True)
    state = importlib.import_module("bokeh.io.state").curstate()
    if not state.notebook:
        state.output_notebook("pywebio")


_FINDER = AfterImport(NOTEBOOK, install_hook)


def watch() -> None:
    """Install the hook as bokeh's notebook module loads (at once, if it has)."""
    _FINDER.watch()


def unwatch() -> None:
    """Stop watching (the alias removed)."""
    _FINDER.unwatch()
