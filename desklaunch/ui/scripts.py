"""The script's own JavaScript in the page: `run_js` runs code, `eval_js` returns a value.

Code never travels as text for the page to evaluate (its Content-Security-Policy has no
`unsafe-eval` and no inline scripts). Each piece of code becomes a same-origin resource of
the session (desklaunch/core/resources.py), shared by every call with the same code, which
the page loads with a `<script src>` once, as a function; the keyword arguments of each
call travel beside it as JSON data, which the code reads as variables but which never
become code themselves. So a log box that gets 10,000 lines through 10,000 calls of the
same code loads one script, not 10,000. So text a person typed can reach the code only as a
value: `run_js("console.log(msg)", msg=typed)` is safe, while pasting `typed` into the
code string itself would not be (and is the script's own choice).
"""

from __future__ import annotations

import json
import re
from typing import Any

from desklaunch.core.messages import Event
from desklaunch.core.resources import Resource
from desklaunch.core.session import Session, current_session
from desklaunch.ui.flow import _on_event_loop

_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")
_RESERVED = frozenset((
    "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default",
    "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for",
    "function", "if", "implements", "import", "in", "instanceof", "interface", "let", "new",
    "null", "package", "private", "protected", "public", "return", "static", "super",
    "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with",
    "yield", "arguments", "eval"))
_TRAILING = re.compile(r"[\s;]+$")


class JSFunction:
    """A JavaScript function given as its parameters and body, for options that take one
    (PyWebIO's `put_datatable(grid_args=...)`): `JSFunction("a", "b", "return a + b")`."""

    def __init__(self, *params_and_body: str) -> None:
        if not params_and_body:
            raise ValueError("JSFunction needs at least a body")
        for param in params_and_body[:-1]:
            _check_name(param)
        self.params = params_and_body[:-1]
        self.body = params_and_body[-1]

    def __repr__(self) -> str:
        return f"JSFunction({', '.join(self.params)})"


def run_js(code_: str, **args: Any) -> None:
    """Run JavaScript `code_` in the page; `args` are variables it can read (JSON values).

        run_js("document.title = name + '!'", name="Ada")

    The code runs once, in order with the outputs around it, as the body of a function
    (`var` stays local, `this` is `window`); nothing waits for it. A reloaded page does not
    run it again. Pass what a person typed as an argument, never inside the code string:
    `run_js("show(text)", text=typed)` is safe, `run_js("show('" + typed + "')")` is not.
    What the code keeps in the page (`localStorage`, cookies) lasts while the app runs:
    each start serves the page from a new address, which starts with none.
    """
    session = current_session()
    src, values = _script(session, str(code_), args, expression=False)
    session.send({"cmd": "run_js", "src": src, "args": values})


def run_library_js(code: str) -> None:
    """Run `code`, a library's own (bokeh's chart embedding, compat/bokehcharts.py), as
    `run_js` does, without making PyWebIO's page globals for it first: a library takes a
    global `$` for the real jQuery, and breaks on the page's stand-in."""
    session = current_session()
    src, values = _script(session, str(code), {}, expression=False)
    session.send({"cmd": "run_js", "src": src, "args": values, "library": True})


def eval_js(expression_: str, **args: Any) -> Any:
    """The value of JavaScript `expression_` in the page (a Promise is awaited); None when
    it fails or is not JSON data. Awaitable in an `async def` script.

        width = eval_js("window.innerWidth")
        text = eval_js("navigator.clipboard.readText()")

    The text is one expression (a trailing `;` is fine); for several statements, wrap them
    in a function: `eval_js("(function () { var a = 1; return a + b; })()", b=2)`.
    """
    session = current_session()
    src, values = _script(session, str(expression_), args, expression=True)
    key = session.new_id("js")
    box = session.open_mailbox(key)

    def answer(event: Event) -> Any:
        return event.get("value") if event.get("type") == "js_result" else None

    try:
        session.send({"cmd": "run_js", "src": src, "args": values, "id": key})
    except BaseException:
        session.drop_mailbox(key)
        raise
    def done() -> None:
        session.drop_mailbox(key)
        # A reload replays the question until this (the page's answer may be lost with it).
        if not session.closed:
            session.send({"cmd": "js_done", "id": key})

    if _on_event_loop():
        async def wait() -> Any:
            try:
                return answer(await box.aget())
            finally:
                done()

        return wait()
    try:
        return answer(box.get())
    finally:
        done()


def _script(session: Session, code: str, args: dict[str, Any], *, expression: bool
            ) -> tuple[str, list[Any]]:
    """The wrapped code as the session's shared resource; its path and the argument values."""
    for name in args:
        _check_name(name)
    values = [json.loads(json.dumps(value, default=_not_json)) for value in args.values()]
    body = f"return (\n{_TRAILING.sub('', code)}\n);" if expression else code
    wrapped = _WRAPPER.format(params=", ".join(args), body=body)
    return session.resources.share(Resource("js", text=wrapped)), values


def _check_name(name: str) -> None:
    if not _IDENTIFIER.match(name) or name in _RESERVED:
        raise ValueError(f"{name!r} cannot be a JavaScript variable name")


def _not_json(value: Any) -> Any:
    raise TypeError(f"a {type(value).__name__} cannot be passed to JavaScript (JSON values only)")


# The code is a function body; loading the file hands the function to the page on its own
# <script> element (scripts.js keeps it and calls it with each call's arguments).
_WRAPPER = """document.currentScript.dispatchEvent(new CustomEvent("desklaunch-define", {{
  detail: function ({params}) {{
{body}
  }}
}}));
"""
