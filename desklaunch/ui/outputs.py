"""Outputs: calls that show something in the page and return at once.

Each `put_*` sends its widget straight away and returns an `Output` handle. Text is always
shown as text (escaped); only `put_html` inserts HTML, the script's own. Names and
arguments follow PyWebIO's `pywebio.output` where they overlap.
"""

from __future__ import annotations

import re
import textwrap
import warnings
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from desklaunch.core.messages import Widget
from desklaunch.core.session import current_session
from desklaunch.ui.closing import record_close, when_closed
from desklaunch.ui.plotlycharts import find_charts, load_plotly_js, plotly_js
from desklaunch.ui.sanitize import sanitized
from desklaunch.ui.scope_stack import enter_scope, leave_scope, target_scope
from desklaunch.ui.style import check_css
from desklaunch.ui.webimages import fetched_images

BUTTON_COLORS = ("primary", "secondary", "success", "danger", "warning", "info", "light",
                 "dark")
_SCRIPT_TAG = re.compile(r"<script[\s>/]", re.IGNORECASE)
_LOG_BOX = re.compile(
    r'(<pre[^>]*><code id="(webio-logbox-[^"<>]*)"></code></pre>)\s*'
    r"<script>(?:(?!</script>).)*MutationObserver(?:(?!</script>).)*</script>\s*", re.S)
"""pywebio_battery's `put_logbox(keep_bottom=True)`: a box, and a script that keeps it at
its end, which the page does with its own code instead."""
_CSS_COLOR = re.compile(
    r"#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,30}|(rgb|rgba|hsl|hsla)\([0-9.,%\s/]{1,60}\)")
"""A CSS colour a toast may take: hex, a colour's name, rgb()/hsl()."""
TOAST_COLORS = {"info": "info", "success": "success", "warn": "warn", "warning": "warn",
                "error": "error", "danger": "error"}


class Output:
    """What a `put_*` call showed: a handle to style it, nest it, or write into it.

    `widget` is its description as sent to the page; its `"oid"` names it there. Passing an
    Output to a container (`put_table`, `put_row`, `popup`, ...) moves it into the container
    (it shows there only, once). A container's Output can be entered to send outputs into
    it: `with put_collapse("Details"): put_text("inside")`.

        put_text("Careful").style("color: var(--danger-fg)")
    """

    def __init__(self, widget: Widget, inner: str | None = None,
                 on_exit: Callable[[], Any] | None = None) -> None:
        self.widget = widget
        self.inner = inner
        """The scope name of a container's content area (None for a leaf output)."""
        self._on_exit = on_exit
        self._tokens: list[Any] = []

    @property
    def oid(self) -> str | None:
        """The output's id in the page, or None for a widget that was never sent."""
        return self.widget.get("oid")

    @property
    def spec(self) -> dict[str, Any]:
        """The widget described as PyWebIO's own Output describes it, as far as add-ons
        read it: a pin widget's name is `spec["input"]["name"]` (pywebio_battery's
        popup_input finds its fields so)."""
        spec = dict(self.widget)
        if spec.get("type") == "pin":
            spec["input"] = {"name": spec.get("name")}
        return spec

    def style(self, css_style: str) -> Output:
        """Add inline CSS to this output (and wherever it moves); returns the same Output.

            put_text("Total: 42").style("font-weight: bold")
        """
        css = check_css(css_style)
        combined = ";".join(part for part in (self.widget.get("style", ""), css) if part)
        self.widget = {**self.widget, "style": combined}  # a new dict: the sent one stays as sent
        if self.oid is not None:
            current_session().send({"cmd": "style", "oid": self.oid, "style": combined})
        return self

    def onclick(self, callback: Callable[[], Any]) -> Output:
        """Call `callback()` when the person clicks this output (or focuses it and presses
        Enter); returns the same Output.

            put_text("Show details").onclick(lambda: put_text("Details…"))
        """
        if self.oid is None:
            raise TypeError(f"{self!r} was never shown, so it cannot be clicked")
        session = current_session()
        callback_id = session.register_callback(lambda _value: callback())
        self.widget = {**self.widget, "onclick": callback_id}
        session.send({"cmd": "onclick", "oid": self.oid, "id": callback_id})
        return self

    def __enter__(self) -> Output:
        if self.inner is None:
            raise TypeError(f"{self!r} holds no other outputs, so it cannot be used in `with`")
        self._tokens.append(enter_scope(self.inner))
        return self

    def __exit__(self, *exc_info: object) -> None:
        leave_scope(self._tokens.pop())
        if self._on_exit is not None:
            self._on_exit()

    def __repr__(self) -> str:
        return f"<Output {self.widget['type']}>"


def send_output(widget: Widget, scope: str | None = None, position: int = -1,
               container: bool = False, on_exit: Callable[[], Any] | None = None,
               closable: bool = False) -> Output:
    """Send `widget` as a new output and return its handle (the building block of `put_*`).

    The widget gets an output id (`"oid"`). With `container=True` its content area is a
    scope of its own (`"inner"`), so the Output can be entered with `with`. With
    `closable=True` the page's `output_close` for it is recorded as a `close_output`, so a
    reloaded page does not show it again.
    """
    session = current_session()
    oid = session.new_id("o")
    widget = {**widget, "oid": oid}
    inner = None
    if container:
        inner = widget["inner"] = f"@{oid}"
    if closable:
        record_close(session, oid, "output_close", {"cmd": "close_output", "oid": oid})
    session.send({"cmd": "output", "scope": target_scope(scope), "position": int(position),
                  "widget": widget})
    return Output(widget, inner, on_exit)


def _put(widget: Widget, scope: str | None, position: int) -> Output:
    return send_output(widget, scope, position)


def as_widget(content: Any) -> Widget:
    """How `content` shows inside a container: an Output's own widget (it moves there), or
    the text of anything else (`None` is an empty text)."""
    if isinstance(content, Output):
        return content.widget
    return {"type": "text", "text": "" if content is None else str(content), "inline": False}


def as_widgets(content: Any) -> list[Widget]:
    """`as_widget` for one item or each item of a list or tuple."""
    if isinstance(content, (list, tuple)):
        return [as_widget(item) for item in content]
    return [as_widget(content)]


def put_text(*texts: Any, sep: str = " ", inline: bool = False, scope: str | None = None,
             position: int = -1) -> Output:
    """Show text, as `print` would join it; `inline=True` keeps it on the current line.

        put_text("Total:", 42)
    """
    return _put({"type": "text", "text": sep.join(str(t) for t in texts), "inline": inline},
                scope, position)


def put_markdown(mdcontent: str, lstrip: bool = True, options: dict[str, Any] | None = None,
                 sanitize: bool = True, scope: str | None = None, position: int = -1,
                 strip_indent: int | None = None) -> Output:
    """Show Markdown: CommonMark with GitHub's tables, strikethrough, task lists (`- [ ]
    to do`) and bare web addresses as links, a line break wherever the text has one, and
    `**bold**` beside Chinese, Japanese or Korean punctuation (as PyWebIO shows them all).
    HTML in it is shown cleaned, as PyWebIO cleans it:
    what only presents text stays (`<b>`, `<br>`, `<font size="6">`, `<div
    align="center">`, a `style` with colours and sizes), scripts, event handlers and forms
    go; `sanitize=False` says the text is the script's own, trusted as `put_html` trusts it.

    `lstrip` removes the indentation a triple-quoted string takes from the code around it
    (the first line may start right after the quotes). PyWebIO's `options` (marked.js
    settings there) change nothing; its older `strip_indent=` is accepted and left to
    `lstrip`.

        put_markdown('''# Report
            **Done** in *3* steps.
            ''')
    """
    text = strip_indentation(mdcontent) if lstrip else mdcontent
    html = _markdown(html=True).render(text)
    html = sanitized(html) if sanitize else html
    # A Markdown table scrolls sideways in a box of its own, as on PyWebIO's page (GitHub's
    # style): in a row it keeps to its share rather than squeezing its neighbour.
    html = html.replace("<table>", '<div class="dl-table-wrap"><table>').replace(
        "</table>", "</table></div>")
    return _put({"type": "html", "html": fetched_images(html)}, scope, position)


def strip_indentation(text: str) -> str:
    """`text` without the indentation its lines after the first share (blank lines aside):
    how a triple-quoted string written inside indented code is meant to read."""
    first, newline, rest = str(text).partition("\n")
    if not newline:
        return first
    return first + "\n" + textwrap.dedent(rest)


def put_html(html: Any, sanitize: bool = False, scope: str | None = None,
             position: int = -1) -> Output:
    """Show HTML exactly as given: the script's own, trusted content. Its `<script>`s do
    not run (a note under it says so, and a warning): the page runs only the code given to
    `run_js`. plotly's HTML (`fig.to_html()`), or a plotly figure itself, is drawn as its
    chart, with the plotly.js of the installed plotly package (plotlycharts.py). With
    `sanitize=True`, HTML from elsewhere (a web page, a person) is shown
    cleaned as `put_markdown` cleans it: what only presents text stays.

    Objects with an `__html__` or `_repr_html_` method (a pandas DataFrame, say) are shown
    through it.

        put_html("<b>bold</b> move")
    """
    if _is_plotly_figure(html):
        html = html.to_html(include_plotlyjs=False, full_html=False)
    elif hasattr(html, "__html__"):
        html = html.__html__()
    elif hasattr(html, "_repr_html_"):
        html = html._repr_html_()
    markup = fetched_images(sanitized(str(html)) if sanitize else str(html))
    widget: dict[str, Any] = {"type": "html", "html": markup}
    if _SCRIPT_TAG.search(markup) and "Plotly" in markup and plotly_js() is not None:
        found = find_charts(markup)
        if found.charts:
            load_plotly_js()
            widget.update(html=found.markup, charts=[chart.as_json() for chart in found.charts])
            markup = found.markup
        if found.dropped:
            warnings.warn("a plotly chart's post_script does not run: the page runs only "
                          "the code a script gives run_js() (docs/security.md)", stacklevel=2)
        if any(chart.is_map for chart in found.charts):
            warnings.warn("a plotly map is not drawn: plotly.js draws it on land outlines or "
                          "tiles from the web, which the page does not load (docs/security.md)",
                          stacklevel=2)
    log_box = _LOG_BOX.fullmatch(markup)
    if log_box is not None:  # follows its newest line as in PyWebIO: no script, no note
        widget.update(html=log_box.group(1), follow=log_box.group(2))
    elif _SCRIPT_TAG.search(markup):
        widget["scripts"] = True  # the page says, in its place, that they do not run
        warnings.warn(
            "a <script> in put_html() does not run: the page runs only the code a script "
            "gives run_js() or config(js_code=, js_file=), so text shown as HTML can never "
            "run (docs/security.md); a chart library's HTML other than plotly's (pyecharts, "
            "say) shows no chart", stacklevel=2)
    return _put(widget, scope, position)


def _is_plotly_figure(value: Any) -> bool:
    return type(value).__module__.startswith("plotly.") and hasattr(value, "to_html")


def put_buttons(buttons: Sequence[Any], onclick: Callable[[Any], Any] | Sequence[Callable[[], Any]],
                small: bool | None = None, link_style: bool = False, outline: bool = False,
                group: bool = False, scope: str | None = None, position: int = -1,
                **callback_options: Any) -> Output:
    """Show a row of buttons; a click calls `onclick(value)` with that button's value.

    Buttons are labels, `(label, value)` tuples, or dicts with `label`, `value`, `color`
    (primary, secondary, success, danger, warning, info, light, dark) and `disabled`.
    `onclick` may also be a list of no-argument callables, one per button. `small`,
    `link_style` (look like links), `outline` and `group` (joined together) change the look.
    A session's callbacks run one at a time, in order, on one thread; in a script written
    for PyWebIO each runs on a thread of its own, as there, unless `serial_mode=True`
    (`serial_mode=False` runs it apart here too). PyWebIO's `mutex_mode` changes nothing.

        put_buttons(["Again"], onclick=lambda label: put_text("Clicked " + label))
    """
    specs = [_button(item) for item in buttons]
    values = [value for value, _ in specs]
    if onclick is Ellipsis:  # type: ignore[comparison-overlap]
        # PyWebIO's docs' placeholder (`onclick=...`): the buttons show; a click says so.
        def on_index(index: int) -> Any:
            raise TypeError("this button's onclick is ..., a placeholder, not a function")
    elif callable(onclick):
        def on_index(index: int) -> Any:
            return onclick(values[index])
    else:
        actions = list(onclick)
        if len(actions) != len(specs):
            raise ValueError("put_buttons() needs one onclick callable per button")

        def on_index(index: int) -> Any:
            return actions[index]()

    def dispatch(index: Any) -> Any:
        if type(index) is int and 0 <= index < len(specs) and not specs[index][1]["disabled"]:
            return on_index(index)
        return None

    callback_id = current_session().register_callback(
        dispatch, serial=callback_options.get("serial_mode"))
    widget = {"type": "buttons", "id": callback_id, "small": bool(small),
              "link": bool(link_style), "outline": bool(outline), "group": bool(group),
              "buttons": [spec for _, spec in specs]}
    return _put(widget, scope, position)


def put_button(label: str, onclick: Callable[[], Any], color: str | None = None,
               small: bool | None = None, link_style: bool = False, outline: bool = False,
               disabled: bool = False, scope: str | None = None, position: int = -1) -> Output:
    """Show one button; a click calls `onclick()`.

        put_button("Refresh", onclick=refresh, color="success", outline=True)
    """
    spec = {"label": label, "value": None, "color": color or "primary", "disabled": disabled}
    return put_buttons([spec], onclick=[onclick], small=small, link_style=link_style,
                       outline=outline, scope=scope, position=position)


def toast(content: Any, duration: float = 2, position: str = "center", color: str = "info",
          onclick: Callable[[], Any] | None = None) -> None:
    """Show a short notice that goes away by itself after `duration` seconds (0: on click).
    With `onclick`, clicking the notice's text calls `onclick()` and closes it.

        toast("Saved. Click to undo", color="success", onclick=undo)

    `position` is "left", "center" or "right" (at the top of the window); `color` is
    "info", "success", "warning" or "error", or any CSS colour ("#2b8a3e", "teal",
    "rgb(0, 90, 180)"), as in PyWebIO.
    """
    css = None
    if color not in TOAST_COLORS:
        if not isinstance(color, str) or not _CSS_COLOR.fullmatch(color.strip()):
            raise ValueError(f"toast color must be one of {', '.join(TOAST_COLORS)} or a "
                             f"CSS colour, not {color!r}")
        css = color.strip()
    if position not in ("left", "center", "right"):
        raise ValueError("toast position must be one of left, center, right")
    session = current_session()
    command = {"cmd": "toast", "text": str(content), "duration": duration,
               "color": TOAST_COLORS.get(color, "info"), "position": position}
    if css is not None:
        command["css_color"] = css
    if onclick is not None:
        # A toast is clicked at most once, or it goes away unclicked (`toast_close` for
        # `close`): either way the app forgets both ids, so toasts do not pile up.
        close_id = session.new_id("t")

        def clicked(_: Any) -> Any:
            session.forget_callback(str(command["id"]))
            session.drop_mailbox(close_id)
            return onclick()

        command["id"] = session.register_callback(clicked)
        command["close"] = close_id
        when_closed(session, close_id, "toast_close",
                    lambda: session.forget_callback(str(command["id"])))
    session.send(command)


def _label_text(label: Any) -> str:
    """A button's label as PyWebIO's page shows it: a list as JavaScript writes one
    (`["Edit"]` is "Edit", `["a", "b"]` is "a,b"), anything else as `str` gives it."""
    if isinstance(label, (list, tuple)):
        return ",".join(_label_text(part) for part in label)
    return str(label)


def _button(item: Any) -> tuple[Any, dict[str, Any]]:
    if isinstance(item, dict):
        label = _label_text(item["label"])
        value, color, disabled = item.get("value", item["label"]), item.get("color"), \
            item.get("disabled", False)
    elif isinstance(item, (tuple, list)):
        label, value = _label_text(item[0]), item[1]
        color, disabled = None, False
    else:
        label, value, color, disabled = str(item), item, None, False
    if color is not None and color not in BUTTON_COLORS:
        raise ValueError(f"button color must be one of {', '.join(BUTTON_COLORS)}")
    return value, {"label": label, "color": color or "primary", "disabled": bool(disabled)}


def inline_markdown(text: str) -> str:
    """`text` as the HTML of one line of Markdown (`code`, *emphasis*, links), its own
    HTML shown as text: a description written the way PyWebIO's index shows it."""
    return str(_markdown(html=False).renderInline(text))


@lru_cache(maxsize=2)
def _markdown(*, html: bool) -> Any:
    """GitHub's Markdown as PyWebIO's page reads it: tables, strikethrough, task lists
    (`- [x] done`), bare web addresses as links, and emphasis beside Chinese, Japanese and
    Korean text (markdown_cjk.py)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.tasklists import tasklists_plugin

    from desklaunch.ui.markdown_cjk import cjk_friendly

    return MarkdownIt("commonmark", {"html": html, "breaks": True, "linkify": True}).enable(
        ["table", "strikethrough", "linkify"]).use(tasklists_plugin, label=True).use(
        cjk_friendly)
