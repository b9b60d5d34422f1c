"""`put_widget`: the script's own HTML template (Mustache syntax) filled with its data.

PyWebIO renders these templates in the page with mustache.js; desklaunch renders them here,
in Python, with the part of Mustache templates use: `{{name}}` (escaped), `{{{name}}}` and
`{{& name}}` (as HTML), dotted names and `{{.}}`, sections `{{#name}}…{{/name}}` (once for
a true value or a dict, once per item of a list, not at all for a false or empty one),
inverted sections `{{^name}}…{{/name}}` and comments `{{! …}}`. PyWebIO's
`{{& pywebio_output_parse}}` shows the current item: an output (`put_markdown(...)`, a
button...) where it stands, live; a string as text.

The template is the script's own HTML, trusted as `put_html` is (the page's policy still
runs no inline script); the data's text is escaped unless the template says otherwise.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any

from desklaunch.core.messages import Widget
from desklaunch.ui.outputs import Output, as_widget, send_output

_TAG = re.compile(r"\{\{(\{)?\s*([#^/!&=]?)\s*(.*?)\s*(\})?\}\}", re.DOTALL)
PARSE = "pywebio_output_parse"
_MAX_DEPTH = 100


class TemplateError(ValueError):
    """A template put_widget cannot read (an unclosed section, a set-delimiter tag)."""


Node = tuple[str, Any]
"""("text", str) | ("var", (name, escaped)) | ("section", (name, inverted, [nodes]))."""


def parse(template: str) -> list[Node]:
    """The template as a tree of text, variables and sections."""
    root: list[Node] = []
    stack: list[tuple[str, list[Node]]] = [("", root)]
    at = 0
    for match in _TAG.finditer(template):
        if match.start() > at:
            stack[-1][1].append(("text", template[at:match.start()]))
        at = match.end()
        triple, sigil, name = match.group(1), match.group(2), match.group(3)
        if sigil == "!":
            continue
        if sigil == "=":
            raise TemplateError("put_widget() templates cannot change the {{ }} delimiters")
        if sigil in ("#", "^"):
            children: list[Node] = []
            stack[-1][1].append(("section", (name, sigil == "^", children)))
            stack.append((name, children))
            if len(stack) > _MAX_DEPTH:
                raise TemplateError("put_widget() template sections are nested too deeply")
        elif sigil == "/":
            if len(stack) == 1 or stack[-1][0] != name:
                raise TemplateError(f"put_widget() template closes {{{{/{name}}}}} "
                                    "that is not open")
            stack.pop()
        else:
            stack[-1][1].append(("var", (name, not (triple or sigil == "&"))))
    if len(stack) > 1:
        raise TemplateError(f"put_widget() template leaves {{{{#{stack[-1][0]}}}}} open")
    if at < len(template):
        root.append(("text", template[at:]))
    return root


_MISSING = object()


def _lookup(name: str, stack: list[Any]) -> Any:
    if name == ".":
        return stack[-1]
    first, *rest = name.split(".")
    value: Any = _MISSING
    for context in reversed(stack):
        if isinstance(context, Mapping) and first in context:
            value = context[first]
            break
    if value is _MISSING:
        return None
    for part in rest:
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def _text(value: Any) -> str:
    """A value as mustache.js prints it (booleans as JavaScript writes them)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class _Render:
    def __init__(self) -> None:
        self.slots: list[Widget] = []

    def slot(self, output: Any) -> str:
        self.slots.append(as_widget(output))
        return f'<span data-dl-slot="{len(self.slots) - 1}"></span>'

    def nodes(self, nodes: list[Node], stack: list[Any]) -> str:
        return "".join(self.node(node, stack) for node in nodes)

    def node(self, node: Node, stack: list[Any]) -> str:
        kind, body = node
        if kind == "text":
            return str(body)
        if kind == "var":
            name, escaped = body
            if name == PARSE:
                current = stack[-1]  # an output where it stands; anything else as a text
                return self.slot(current if isinstance(current, Output) else _text(current))
            value = _lookup(name, stack)
            if isinstance(value, Output):
                return self.slot(value)
            return html.escape(_text(value)) if escaped else _text(value)
        name, inverted, children = body
        value = _lookup(name, stack)
        empty = not value or (isinstance(value, Sequence) and not isinstance(value, str)
                              and len(value) == 0)
        if inverted:
            return "" if not empty else self.nodes(children, stack)
        if empty:
            return ""
        if isinstance(value, (list, tuple)):
            return "".join(self.nodes(children, [*stack, item]) for item in value)
        if isinstance(value, (Mapping, Output)) or not isinstance(value, (bool, int, float)):
            return self.nodes(children, [*stack, value])
        return self.nodes(children, stack)


def render(template: str, data: Mapping[str, Any]) -> tuple[str, list[Widget]]:
    """The HTML of `template` filled with `data`, and the outputs placed in it (slots)."""
    renderer = _Render()
    text = renderer.nodes(parse(template), [dict(data)])
    return text, renderer.slots


def put_widget(template: str, data: Mapping[str, Any], scope: str | None = None,
               position: int = -1) -> Output:
    """Show the script's own HTML template filled with `data` (Mustache syntax, as in
    PyWebIO). Outputs in `data` show live where `{{& pywebio_output_parse}}` stands.

        put_widget('<details {{#open}}open{{/open}}><summary>{{title}}</summary>'
                   '{{#contents}}{{& pywebio_output_parse}}{{/contents}}</details>',
                   {"open": True, "title": "More", "contents": ["text", put_code("x = 1")]})

    The template is trusted like `put_html`; text from `data` is escaped unless the
    template writes it with `{{{name}}}` or `{{& name}}`. Difference from PyWebIO: the
    template is rendered by desklaunch (the common Mustache tags; no partials, no
    delimiter changes).
    """
    if not isinstance(template, str):
        raise TypeError("put_widget() needs the template as a string")
    if not isinstance(data, Mapping):
        raise TypeError("put_widget() needs the data as a dict")
    text, slots = render(template, data)
    return send_output({"type": "template", "html": text, "slots": slots}, scope, position)
