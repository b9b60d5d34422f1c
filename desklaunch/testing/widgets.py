"""The widgets of `output` commands as elements of the simulated page.

One builder per widget type of docs/protocol.md ("Widgets"), each giving the element the
page's own builder makes, with the same role, name and text (assets/js/widgets.js,
content.js, layout.js, table.js, tabs.js, media.js, progress.js, pin.js).
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from desklaunch.testing.datatable import DataTable
from desklaunch.testing.elements import Element
from desklaunch.testing.forms import FieldModel
from desklaunch.testing.htmltext import html_elements

if TYPE_CHECKING:
    from desklaunch.testing.console import ConsoleView


class Page(Protocol):
    """What the builders need of the page they build for (desklaunch/testing/page.py)."""

    progress: dict[str, Element]
    pins: dict[str, FieldModel]
    datatables: dict[str, DataTable]

    def send(self, event: dict[str, Any]) -> None: ...
    def save(self, name: str, content: bytes) -> None: ...
    def adopt(self, oid: str, element: Element) -> None: ...
    def register_scope(self, name: str, element: Element) -> None: ...
    def scope(self, name: Any, *, fallback: bool) -> Element | None: ...
    def console_view(self) -> ConsoleView: ...
    def follow(self, href: str) -> None: ...


Builder = Callable[[dict[str, Any], Page], Element]


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def build(widget: Any, page: Page) -> Element | None:
    """The element for `widget`; None for what the page would not show."""
    if not isinstance(widget, dict):
        return None
    builder = BUILDERS.get(_text(widget.get("type")))
    if builder is None:
        return None
    element = builder(widget, page)
    if isinstance(widget.get("onclick"), str) and widget["onclick"]:
        make_clickable(element, widget["onclick"], page)
    oid = widget.get("oid")
    if isinstance(oid, str) and oid:
        page.adopt(oid, element)
    return element


def make_clickable(element: Element, callback: str, page: Page) -> None:
    """`Output.onclick`: a click sends `click` (value 0); a role-less output becomes a button."""
    if element.role in ("generic", "paragraph", "text"):
        element.role = "button"
        element.name = element.name or " ".join(element.text.split())
    element.on_click = lambda: page.send({"type": "click", "id": callback, "value": 0})


def _children(container: Element, widgets: Any, page: Page) -> Element:
    for widget in widgets if isinstance(widgets, list) else ():
        child = build(widget, page)
        if child is not None:
            container.append(child)
    return container


def _inner(content: Element, widget: dict[str, Any], page: Page) -> Element:
    """A container's content area: the scope `inner` names, where entered outputs go."""
    if isinstance(widget.get("inner"), str) and widget["inner"]:
        page.register_scope(widget["inner"], content)
    return content


def text(widget: dict[str, Any], page: Page) -> Element:
    inline = bool(widget.get("inline"))
    return Element("text" if inline else "paragraph", own=_text(widget.get("text")),
                   inline=inline)


SCRIPTS_NOT_RUN = ("Not shown: what the scripts in this HTML would draw (desklaunch runs no "
                   "script inside put_html; plotly's, bokeh's and matplotlib's charts are "
                   "drawn)")
"""The note under HTML with scripts, as assets/js/widgets.js says it."""


def html(widget: dict[str, Any], page: Page) -> Element:
    content = html_elements(_text(widget.get("html")))
    if widget.get("scripts"):
        content.append(Element("note", own=SCRIPTS_NOT_RUN))
    for found in content.walk():
        if found.role == "link":
            _followed(found, page)
    return content


def template(widget: dict[str, Any], page: Page) -> Element:
    """`put_widget`: the filled-in template, each slot's output where its marker is."""
    given = widget.get("slots")
    slots: list[Any] = given if isinstance(given, list) else []
    content = html_elements(_text(widget.get("html")),
                            lambda n: build(slots[n], page) if n < len(slots) else None)
    for found in content.walk():
        if found.role == "link":
            _followed(found, page)
    return content


def _followed(link: Element, page: Page) -> Element:
    """A link a click follows, as the page does: to another of the window's apps."""
    link.on_click = lambda: page.follow(_text(link.value))
    return link


def buttons(widget: dict[str, Any], page: Page) -> Element:
    group = Element("group")
    callback = _text(widget.get("id"))
    for index, spec in enumerate(widget.get("buttons") or []):
        label = _text(spec.get("label"))
        button = Element("button", label, label)
        button.disabled = bool(spec.get("disabled"))
        button.on_click = (lambda i=index: page.send({"type": "click", "id": callback,
                                                        "value": i}))
        group.append(button)
    return group


def scope(widget: dict[str, Any], page: Page) -> Element:
    element = Element("generic")
    name, oid = _text(widget.get("name")), widget.get("oid")
    shown = page.scope(name, fallback=False)
    if shown is not None and isinstance(oid, str) and getattr(shown, "oid", None) != oid:
        # as PyWebIO shows it, and widgets.js: the first scope of that name stays, and what
        # this one holds goes unshown (built, so that its outputs leave their earlier place)
        _children(Element("generic"), widget.get("children"), page)
        return Element("paragraph", own="Error: The name of this scope is duplicated with "
                       f"the previous one! ({name})")
    page.register_scope(name, element)
    return _children(element, widget.get("children"), page)


def code(widget: dict[str, Any], page: Page) -> Element:
    language = _text(widget.get("language"))
    figure = Element("figure", f"{language} code" if language else "Code")
    if language:
        figure.append(Element("generic", own=language))
    figure.append(Element("code", figure.name, _text(widget.get("text"))))
    return figure


def message(widget: dict[str, Any], page: Page) -> Element:
    color = _text(widget.get("color"))
    box = Element("alert" if color in ("danger", "warning") else "status")
    body = _inner(_children(Element("generic"), widget.get("children"), page), widget, page)
    box.append(body)
    if widget.get("closable"):
        close = Element("button", "Close", "\u00d7", inline=True)
        oid = widget.get("oid")

        def closed() -> None:
            box.detach()
            if isinstance(oid, str):
                page.send({"type": "output_close", "id": oid})

        close.on_click = closed
        box.append(close)
    return box


def link(widget: dict[str, Any], page: Page) -> Element:
    label = _text(widget.get("text"))
    element = Element("link", label, label, inline=True)
    element.value = _text(widget.get("href"))
    return _followed(element, page)


def _cell(role: str, spec: Any, page: Page) -> Element:
    cell = Element(role)
    if isinstance(spec, dict) and spec.get("type") == "cell":
        spec = spec.get("content")
    if isinstance(spec, dict):
        child = build(spec, page)
        if child is not None:
            cell.append(child)
    else:
        cell.own = _text(spec)
    return cell  # named by its text, as it reads now (elements.NAMED_BY_TEXT)


def table(widget: dict[str, Any], page: Page) -> Element:
    element = Element("table")
    header = widget.get("header")
    rows = [[_cell("columnheader", c, page) for c in header]] if isinstance(header, list) \
        and header else []
    rows += [[_cell("cell", c, page) for c in row] for row in widget.get("rows") or []
             if isinstance(row, list)]
    for cells in rows:
        # A row is named by its cells' text, a space apart ("Jul 205"): NAMED_BY_TEXT.
        element.append(Element("row", children=cells))
    return element


def image(widget: dict[str, Any], page: Page) -> Element:
    if widget.get("missing"):  # media.js: said in the image's place
        return Element("note", own=f"Image not shown: {_text(widget['missing'])}")
    alt = _text(widget.get("alt"))
    element = Element("img" if alt else "presentation", alt, inline=True)
    element.value = _text(widget.get("src"))
    return element


def file(widget: dict[str, Any], page: Page) -> Element:
    label = _text(widget.get("label"))
    button = Element("button", label, children=[Element("generic", own="⤓"),  # an icon
                                                Element("generic", own=label)])
    name = _text(widget.get("name")) or "download"
    if isinstance(widget.get("id"), str):
        button.on_click = lambda: page.send({"type": "click", "id": widget["id"], "value": 0})
    else:
        data = _text(widget.get("data"))
        button.on_click = lambda: page.save(name, base64.b64decode(data))
    return Element("group", children=[button])


def progress(widget: dict[str, Any], page: Page) -> Element:
    name = _text(widget.get("name"))
    bar = Element("progressbar", name)
    bar.owner = bool(widget.get("auto_close"))
    page.progress[name] = bar
    set_progress(bar, widget.get("value"), widget.get("label"))
    return bar


def set_progress(bar: Element, value: Any, label: Any) -> None:
    try:
        fraction = min(1.0, max(0.0, float(value)))
    except (TypeError, ValueError):
        fraction = 0.0
    percent = round(fraction * 1000) / 10
    bar.value = int(percent) if percent.is_integer() else percent
    bar.own = label if isinstance(label, str) else f"{percent:g}%"
    if fraction >= 1 and bar.owner is True:
        bar.detach()


def loading(widget: dict[str, Any], page: Page) -> Element:
    box = Element("generic")
    box.append(Element("status", own="Loading\u2026"))
    return _inner(box, widget, page)


def row(widget: dict[str, Any], page: Page) -> Element:
    return _inner(_children(Element("generic"), widget.get("children"), page), widget, page)


def grid(widget: dict[str, Any], page: Page) -> Element:
    element = Element("generic")
    for cell in widget.get("cells") or []:
        holder = Element("generic")
        content = cell.get("content") if isinstance(cell, dict) else None
        child = build(content, page) if content else None
        if child is not None:
            holder.append(child)
        element.append(holder)
    return element


def collapse(widget: dict[str, Any], page: Page) -> Element:
    title = _text(widget.get("title"))
    details = Element("group", title)
    summary = Element("generic", own=title)
    body = _inner(_children(Element("generic"), widget.get("children"), page), widget, page)
    body.hidden = not widget.get("open")

    def toggle() -> None:
        body.hidden = not body.hidden

    summary.on_click = toggle
    details.append(summary)
    details.append(body)
    return details


def scrollable(widget: dict[str, Any], page: Page) -> Element:
    box = Element("region", "Scrollable area")
    box.append(_inner(_children(Element("generic"), widget.get("children"), page), widget, page))
    return box


def tabs(widget: dict[str, Any], page: Page) -> Element:
    box = Element("generic")
    tablist = box.append(Element("tablist"))
    panels: list[Element] = []
    tab_elements: list[Element] = []
    for spec in widget.get("tabs") or []:
        title = _text(spec.get("title")) if isinstance(spec, dict) else ""
        tab = tablist.append(Element("tab", title, title))
        panel = box.append(Element("tabpanel", title))
        _children(panel, spec.get("children") if isinstance(spec, dict) else None, page)
        tab_elements.append(tab)
        panels.append(panel)

    def select(index: int) -> None:
        for i, (tab, panel) in enumerate(zip(tab_elements, panels, strict=True)):
            tab.selected = i == index
            panel.hidden = i != index

    for index, tab in enumerate(tab_elements):
        tab.on_click = (lambda i=index: select(i))
    if tab_elements:
        select(0)
    return box


def pin(widget: dict[str, Any], page: Page) -> Element:
    raw = widget.get("field")
    spec: dict[str, Any] = raw if isinstance(raw, dict) else {}

    def press(index: int) -> None:
        """A button of `put_actions`: its index is the pin's value, sent at each press."""
        field.pressed = index
        field.sent = True
        page.send({"type": "pin_change", "id": field.pin_id, "value": index})

    field = FieldModel(dict(spec), on_action=press)
    field.pin_id = _text(widget.get("id"))
    page.pins[field.pin_id] = field
    return Element("generic", children=[field.wrap])


def datatable(widget: dict[str, Any], page: Page) -> Element:
    table = DataTable(widget, page.send)
    page.datatables[_text(widget.get("id"))] = table
    return table.element


def console(widget: dict[str, Any], page: Page) -> Element:
    return page.console_view().element


BUILDERS: dict[str, Builder] = {
    "text": text, "html": html, "buttons": buttons, "scope": scope, "code": code,
    "message": message, "link": link, "table": table, "image": image, "file": file,
    "progress": progress, "loading": loading, "row": row, "column": row, "grid": grid,
    "collapse": collapse, "scrollable": scrollable, "tabs": tabs, "pin": pin,
    "console": console, "template": template, "datatable": datatable,
}
