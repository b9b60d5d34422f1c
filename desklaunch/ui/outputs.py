"""Outputs: calls that show something in the page and return at once.

Each `put_*` sends its widget straight away and returns an `Output` handle. Text is always
shown as text (escaped); only `put_html` inserts HTML, the script's own. Names and
arguments follow PyWebIO's `pywebio.output` where they overlap.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from desklaunch.messages import Widget
from desklaunch.session import current_session
from desklaunch.ui.scopes import target_scope

BUTTON_COLORS = ("primary", "secondary", "success", "danger", "warning", "info", "light",
                 "dark")
TOAST_COLORS = {"info": "info", "success": "success", "warn": "warn", "warning": "warn",
                "error": "error", "danger": "error"}


class Output:
    """What a `put_*` call showed; `widget` is its description as sent to the page."""

    def __init__(self, widget: Widget) -> None:
        self.widget = widget

    def __repr__(self) -> str:
        return f"<Output {self.widget['type']}>"


def _put(widget: Widget, scope: str | None, position: int) -> Output:
    session = current_session()
    session.send({"cmd": "output", "scope": target_scope(scope), "position": int(position),
                  "widget": widget})
    return Output(widget)


def put_text(*texts: Any, sep: str = " ", inline: bool = False, scope: str | None = None,
             position: int = -1) -> Output:
    """Show text, as `print` would join it; `inline=True` keeps it on the current line.

        put_text("Total:", 42)
    """
    return _put({"type": "text", "text": sep.join(str(t) for t in texts), "inline": inline},
                scope, position)


def put_markdown(mdcontent: str, lstrip: bool = True, scope: str | None = None,
                 position: int = -1) -> Output:
    """Show Markdown (CommonMark with tables and strikethrough; raw HTML is shown as text).

        put_markdown("# Report\\n\\n**Done** in *3* steps.")
    """
    text = textwrap.dedent(mdcontent) if lstrip else mdcontent
    return _put({"type": "html", "html": _markdown().render(text)}, scope, position)


def put_html(html: Any, scope: str | None = None, position: int = -1) -> Output:
    """Show HTML exactly as given: the script's own, trusted content.

    Objects with a `_repr_html_` method (a pandas DataFrame, say) are shown through it.

        put_html("<b>bold</b> move")
    """
    if hasattr(html, "_repr_html_"):
        html = html._repr_html_()
    return _put({"type": "html", "html": str(html)}, scope, position)


def put_buttons(buttons: Sequence[Any], onclick: Callable[[Any], Any] | Sequence[Callable[[], Any]],
                small: bool | None = None, scope: str | None = None,
                position: int = -1) -> Output:
    """Show a row of buttons; a click calls `onclick(value)` with that button's value.

    Buttons are labels, `(label, value)` tuples, or dicts with `label`, `value`, `color`
    and `disabled`. `onclick` may also be a list of no-argument callables, one per button.

        put_buttons(["Again"], onclick=lambda label: put_text("Clicked " + label))
    """
    specs = [_button(item) for item in buttons]
    values = [value for value, _ in specs]
    if callable(onclick):
        def on_index(index: int) -> Any:
            return onclick(values[index])
    else:
        actions = list(onclick)
        if len(actions) != len(specs):
            raise ValueError("put_buttons() needs one onclick callable per button")

        def on_index(index: int) -> Any:
            return actions[index]()

    def dispatch(index: Any) -> Any:
        if type(index) is int and 0 <= index < len(specs):
            return on_index(index)
        return None

    callback_id = current_session().register_callback(dispatch)
    widget = {"type": "buttons", "id": callback_id, "small": bool(small),
              "buttons": [spec for _, spec in specs]}
    return _put(widget, scope, position)


def toast(content: Any, duration: float = 2, color: str = "info") -> None:
    """Show a short notice that goes away by itself after `duration` seconds (0: on click).

        toast("Saved", color="success")
    """
    if color not in TOAST_COLORS:
        raise ValueError(f"toast color must be one of {', '.join(TOAST_COLORS)}")
    current_session().send({"cmd": "toast", "text": str(content), "duration": duration,
                            "color": TOAST_COLORS[color]})


def _button(item: Any) -> tuple[Any, dict[str, Any]]:
    if isinstance(item, dict):
        label = str(item["label"])
        value, color, disabled = item.get("value", item["label"]), item.get("color"), \
            item.get("disabled", False)
    elif isinstance(item, (tuple, list)):
        label, value = str(item[0]), item[1]
        color, disabled = None, False
    else:
        label, value, color, disabled = str(item), item, None, False
    if color is not None and color not in BUTTON_COLORS:
        raise ValueError(f"button color must be one of {', '.join(BUTTON_COLORS)}")
    return value, {"label": label, "color": color or "primary", "disabled": bool(disabled)}


@lru_cache(maxsize=1)
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
