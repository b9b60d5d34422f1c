"""The simulated page: applies the app's commands the way assets/js/render.js does.

`Page` keeps what a person would see — the output area with its scopes, the forms, the
end-of-script line, the popup, the toasts — as a tree of `Element`s, and queues the events
the page would send back (`send`). It knows nothing of how commands arrive or events
leave; the in-process driver feeds it from the protocol core.
"""

from __future__ import annotations

import time
import urllib.parse
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desklaunch.testing.console import ConsoleView
from desklaunch.testing.datatable import DataTable
from desklaunch.testing.elements import Element
from desklaunch.testing.forms import FieldModel, FormModel
from desklaunch.testing.widgets import build, make_clickable, set_progress

ROOT = "ROOT"
_HERE = "http://127.0.0.1/"
"""The page's own address, which links are relative to."""
ERROR_HEADING = "The script stopped with an error"
USER_AGENT = "desklaunch.testing"


@dataclass
class Toast:
    """A short notice: its text, colour and, for `toast(onclick=...)`, its button."""

    text: str
    color: str
    element: Element
    until: float | None
    close: str | None = None


@dataclass
class Download:
    """A file the app offered (`put_file`'s button pressed, or `download()`)."""

    name: str
    content: bytes


@dataclass
class Outcome:
    """The end-of-script state the page shows (`state` command)."""

    state: str = "running"
    code: int | None = None
    traceback: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class Page:
    """Everything shown, rebuilt from commands; `outbox` holds the events to send."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.outbox: list[dict[str, Any]] = []
        self.title = ""
        self.downloads: list[Download] = []
        self.document = Element("document")
        self.main = self.document.append(Element("main"))
        self.output = self.main.append(Element("generic"))
        self.inputs = self.main.append(Element("generic"))
        self.state_area = self.main.append(Element("generic"))
        self.toast_area = self.document.append(Element("status"))
        self.toast_area.hidden = True  # empty, it takes no room: a browser finds nothing
        self.apps_bar = self.main.insert(0, Element("navigation", "Apps"))
        self.apps_bar.hidden = True
        self.apps: dict[str, Any] | None = None
        """The window's apps (`run_apps`, PyWebIO's `start_server({...})`): id and names."""
        self.dialog: Element | None = None
        self.dialog_id: str | None = None
        self.toast_list: list[Toast] = []
        self._reset_state()

    def _reset_state(self) -> None:
        self.output.clear()
        self.inputs.clear()
        self.state_area.clear()
        self.output.scope = ROOT
        self.scopes: dict[str, Element] = {ROOT: self.output}
        self.placed: dict[str, Element] = {}
        self.forms: dict[str, FormModel] = {}
        self.pins: dict[str, FieldModel] = {}
        self.progress: dict[str, Element] = {}
        self.warned_js = False
        self.unrun_js = 0
        """How many of the script's `run_js` calls did not run (in process none does)."""
        self.datatables: dict[str, DataTable] = {}
        self.console: ConsoleView | None = None
        self.outcome = Outcome()
        self.ended = False
        self.close_dialog(by_person=False)

    # -- what the page sends ----------------------------------------------------------------

    def send(self, event: dict[str, Any]) -> None:
        """Queue an event for the app (the driver numbers and posts it)."""
        self.outbox.append(event)

    def take_events(self) -> list[dict[str, Any]]:
        events, self.outbox = self.outbox, []
        return events

    def save(self, name: str, content: bytes) -> None:
        self.downloads.append(Download(name, content))

    # -- applying commands -------------------------------------------------------------------

    def reset(self) -> None:
        """A reset answer: forget everything shown before its replay."""
        self._reset_state()

    def apply(self, commands: list[dict[str, Any]]) -> None:
        for command in commands:
            handler = getattr(self, "_cmd_" + _text(command.get("cmd")), None)
            if handler is not None:
                handler(command)
        if self.ended:
            self._disable_all()

    def _cmd_output(self, command: dict[str, Any]) -> None:
        element = build(command.get("widget"), self)
        if element is None:
            return
        parent = self.scope(command.get("scope"), fallback=True)
        assert parent is not None
        position = command.get("position")
        if position is None or position == -1:
            parent.append(element)
            return
        count = len(parent.children)
        index = int(position)
        index = count + index + 1 if index < 0 else index
        parent.insert(min(max(index, 0), count), element)

    def _cmd_clear(self, command: dict[str, Any]) -> None:
        element = self.scope(command.get("scope"), fallback=False)
        if element is not None:
            element.clear()

    def _cmd_remove(self, command: dict[str, Any]) -> None:
        name = _text(command.get("scope"))
        element = self.scope(name, fallback=False)
        if element is not None and element is not self.output:
            element.detach()
        self.scopes.pop(name, None)

    def _cmd_input(self, command: dict[str, Any]) -> None:
        form = FormModel(command.get("form") or {}, self.send)
        old = self.forms.get(form.id)
        if old is not None:
            form.element.hidden = old.element.hidden
            old.element.detach()
        else:  # on top of a form still waiting, which comes back once this one is done
            for beneath in self.forms.values():
                beneath.element.hidden = True
        self.forms[form.id] = form
        self.inputs.append(form.element)

    def _cmd_input_error(self, command: dict[str, Any]) -> None:
        form = self.forms.get(_text(command.get("id")))
        if command.get("only"):
            if form is not None:
                form.checked(_text(command.get("field")), _text(command.get("message")))
            return
        errors = command.get("errors")
        if not isinstance(errors, list) or not errors:
            errors = [[command.get("field"), command.get("message")]]
        if form is not None:
            form.show_errors([(_text(e[0]), _text(e[1])) for e in errors if isinstance(e, list)
                              and len(e) == 2])

    def _cmd_field_update(self, command: dict[str, Any]) -> None:
        form = self.forms.get(_text(command.get("id")))
        field = form.field(_text(command.get("field"))) if form is not None else None
        if field is not None and isinstance(command.get("changes"), dict):
            field.update(command["changes"])

    def _cmd_input_done(self, command: dict[str, Any]) -> None:
        form = self.forms.pop(_text(command.get("id")), None)
        if form is not None:
            form.element.detach()
            if self.forms:
                list(self.forms.values())[-1].element.hidden = False

    def _cmd_toast(self, command: dict[str, Any]) -> None:
        text = _text(command.get("text"))
        element = Element("generic", own=text)
        key, close = command.get("id"), command.get("close")
        toast = Toast(text, _text(command.get("color")) or "info", element, None,
                      close if isinstance(close, str) and close else None)
        if isinstance(key, str) and key:
            element.role, element.name = "button", text

            def clicked() -> None:
                self._drop_toast(toast)
                self.send({"type": "click", "id": key, "value": 0})

            element.on_click = clicked
        try:
            seconds = float(command.get("duration", 2))
        except (TypeError, ValueError):
            seconds = 2.0
        if seconds > 0:
            toast.until = self.clock() + seconds
        dismiss = Element("button", "Dismiss", "\u00d7", inline=True)
        dismiss.on_click = lambda: self.dismiss_toast(toast)
        self.toast_area.append(Element("generic", children=[element, dismiss]))
        self.toast_area.hidden = False
        self.toast_list.append(toast)

    def expire_toasts(self) -> None:
        """Toasts whose time is up go away, as the page's timers make them."""
        now = self.clock()
        for toast in [t for t in self.toast_list if t.until is not None and t.until <= now]:
            self.dismiss_toast(toast)

    def dismiss_toast(self, toast: Toast) -> None:
        if self._drop_toast(toast) and toast.close is not None:
            self.send({"type": "toast_close", "id": toast.close})

    def _drop_toast(self, toast: Toast) -> bool:
        if toast not in self.toast_list:
            return False
        self.toast_list.remove(toast)
        if toast.element.parent is not None:
            toast.element.parent.detach()
        self.toast_area.hidden = not self.toast_area.children
        return True

    def _cmd_env(self, command: dict[str, Any]) -> None:
        if isinstance(command.get("title"), str):
            self.title = command["title"]

    def _cmd_style(self, command: dict[str, Any]) -> None:
        """Styles change looks, not what is read or found."""

    def _cmd_scroll_to(self, command: dict[str, Any]) -> None:
        """Scrolling changes nothing a test reads."""

    def _cmd_onclick(self, command: dict[str, Any]) -> None:
        element = self.placed.get(_text(command.get("oid")))
        if element is not None and isinstance(command.get("id"), str):
            make_clickable(element, command["id"], self)

    def _cmd_close_output(self, command: dict[str, Any]) -> None:
        element = self.placed.pop(_text(command.get("oid")), None)
        if element is not None:
            element.detach()

    def _cmd_progress(self, command: dict[str, Any]) -> None:
        bar = self.progress.get(_text(command.get("name")))
        if bar is not None and bar.parent is not None:
            set_progress(bar, command.get("value"), command.get("label"))

    def _cmd_datatable_rows(self, command: dict[str, Any]) -> None:
        table = self.datatables.get(_text(command.get("id")))
        if table is not None and isinstance(command.get("rows"), list):
            table.replace_rows(command["rows"])

    def _cmd_download(self, command: dict[str, Any]) -> None:
        import base64

        self.save(_text(command.get("name")) or "download",
                  base64.b64decode(_text(command.get("data"))))

    def _cmd_apps(self, command: dict[str, Any]) -> None:
        """The bar back to the apps' index, shown while another app is (apps.js)."""
        names = command.get("names")
        if not isinstance(command.get("id"), str) or not isinstance(names, list):
            return
        self.apps = {"id": command["id"], "names": [_text(n) for n in names]}
        self.apps_bar.clear()
        self.apps_bar.hidden = command.get("current") == command.get("home")
        if not self.apps_bar.hidden:
            label = _text(command.get("back")) or "All apps"
            back = self.apps_bar.append(Element("button", label, label))
            back.on_click = lambda: self._pick(command.get("home"))

    def _pick(self, index: Any) -> None:
        if self.apps is not None and isinstance(index, int) and index >= 0:
            self.send({"type": "click", "id": self.apps["id"], "value": index})

    def follow(self, href: str) -> None:
        """A click on a link: one to another of the window's apps (`?app=NAME`, `./NAME`)
        switches to it, as the page does; the browser would open any other in a window of
        its own, which leaves this page as it is."""
        url = urllib.parse.urlsplit(urllib.parse.urljoin(_HERE, href))
        if self.apps is None or (url.scheme, url.netloc) != ("http", "127.0.0.1"):
            return
        names = self.apps["names"]
        named = urllib.parse.parse_qs(url.query).get("app")
        path = urllib.parse.unquote(url.path).strip("/").removesuffix(".py")
        wanted = named[0] if named else path
        if wanted in names:
            self._pick(names.index(wanted))

    def _cmd_pin_value(self, command: dict[str, Any]) -> None:
        field = self.pins.get(_text(command.get("id")))
        if field is not None and not (command.get("echo") and field.sent):
            field.show(command.get("value"))

    def _cmd_pin_update(self, command: dict[str, Any]) -> None:
        field = self.pins.get(_text(command.get("id")))
        if field is not None and isinstance(command.get("changes"), dict):
            field.update(command["changes"])
            if "valid_status" in command["changes"]:
                field.verdict(command["changes"])

    def _cmd_popup(self, command: dict[str, Any]) -> None:
        self.close_dialog(by_person=False)
        title = _text(command.get("title"))
        dialog = Element("dialog", title)
        dialog.append(Element("heading", title, title))
        popup_id = _text(command.get("id"))
        if command.get("closable") is not False:
            close = dialog.append(Element("button", "Close", "\u00d7", inline=True))
            close.on_click = lambda: self.close_dialog(by_person=True)
        content = dialog.append(Element("generic"))
        if isinstance(command.get("inner"), str) and command["inner"]:
            self.register_scope(command["inner"], content)
        for widget in command.get("children") or []:
            child = build(widget, self)
            if child is not None:
                content.append(child)
        self.document.append(dialog)
        self.dialog, self.dialog_id = dialog, popup_id

    def _cmd_close_popup(self, command: dict[str, Any]) -> None:
        wanted = command.get("id")
        if self.dialog is None or (isinstance(wanted, str) and wanted and
                                   wanted != self.dialog_id):
            return
        self.close_dialog(by_person=False)

    def close_dialog(self, *, by_person: bool) -> None:
        if self.dialog is None:
            return
        self.dialog.detach()
        popup_id, self.dialog, self.dialog_id = self.dialog_id, None, None
        if by_person:
            self.send({"type": "popup_close", "id": popup_id})

    def _cmd_client_info(self, command: dict[str, Any]) -> None:
        self.send({"type": "client_info", "id": _text(command.get("id")), "value": {
            "user_agent": USER_AGENT, "user_language": "en-US", "origin": "",
            "server_host": "", "timezone": "UTC", "width": 900, "height": 700,
            "pixel_ratio": 1, "dark": False}})

    def _cmd_run_js(self, command: dict[str, Any]) -> None:
        """No JavaScript runs in process: `eval_js` gets None, as when code fails in the page
        (a test that needs the value runs with `browser=True`); a failure report counts
        the `run_js` calls that did not run, so a test failing for want of them says so."""
        if command.get("id") is None:
            if not command.get("library"):  # desklaunch's own (a chart's library) aside
                self.unrun_js += 1
            return
        self.send({"type": "js_result", "id": _text(command.get("id")), "value": None})
        if not self.warned_js:  # once: a test passing for the wrong reason is worse
            self.warned_js = True
            warnings.warn("the script's eval_js() got None: in process no page runs "
                          "JavaScript; AppTest(..., browser=True) runs it in Chromium",
                          stacklevel=1)

    def _cmd_state(self, command: dict[str, Any]) -> None:
        state = _text(command.get("state"))
        code = command.get("code") if isinstance(command.get("code"), int) else None
        self.outcome = Outcome(state, code, command.get("traceback"))
        area = self.state_area
        if state == "finished":
            note = f" (exit code {code})" if code else ""
            area.clear()
            if command.get("live") is not True:  # its buttons still answer: nothing said
                area.append(Element("paragraph", own=f"Finished{note}"))
        elif state == "error":
            area.clear()
            box = area.append(Element("region", ERROR_HEADING))
            box.append(Element("heading", ERROR_HEADING, ERROR_HEADING))
            if command.get("traceback"):
                box.append(Element("generic", "Traceback", _text(command["traceback"])))
            elif code is not None:
                box.append(Element("paragraph", own=f"Exit code {code}"))
            if command.get("log"):
                box.append(Element("paragraph",
                                   own=f"Details are saved in the log file: {command['log']}"))
        elif state == "closed":
            kept = [c for c in area.children if c.role == "region"]
            area.clear()
            for child in kept:
                area.append(child)
            area.append(Element("paragraph", own="This app has ended."))
            self.ended = True
        else:
            area.clear()

    # -- console mode ------------------------------------------------------------------------

    def console_view(self) -> ConsoleView:
        self.console = ConsoleView(self.send)
        return self.console

    def _cmd_console_write(self, command: dict[str, Any]) -> None:
        if self.console is not None:
            self.console.write(command.get("chunks"))

    def _cmd_console_image(self, command: dict[str, Any]) -> None:
        if self.console is not None:
            self.console.image(command)

    def _cmd_console_run(self, command: dict[str, Any]) -> None:
        if self.console is not None:
            self.console.run(command)

    def _cmd_console_input(self, command: dict[str, Any]) -> None:
        if self.console is not None:
            self.console.ask(command)

    def _cmd_console_complete(self, command: dict[str, Any]) -> None:
        if self.console is not None:
            self.console.completed(command)

    def _cmd_console_status(self, command: dict[str, Any]) -> None:
        if self.console is not None:
            self.console.status(command)

    def _cmd_console_args(self, command: dict[str, Any]) -> None:
        if self.console is not None:
            self.console.form.show(command)

    def _cmd_console_args_fill(self, command: dict[str, Any]) -> None:
        if self.console is not None:
            self.console.form.fill(command)

    # -- scopes and outputs -----------------------------------------------------------------

    def register_scope(self, name: str, element: Element) -> None:
        element.scope = name
        self.scopes[name] = element

    def scope(self, name: Any, *, fallback: bool) -> Element | None:
        """The element of scope `name`; the output area for an unknown one with `fallback`."""
        key = _text(name) if name is not None else ROOT
        element = self.scopes.get(key)
        if element is not None and element is not self.output and not self._attached(element):
            element = next((e for e in self.document.walk(visible=False) if e.scope == key),
                           None)
            if element is None:
                self.scopes.pop(key, None)
            else:
                self.scopes[key] = element
        if element is None and fallback:
            return self.output
        return element

    def _attached(self, element: Element) -> bool:
        node: Element | None = element
        while node is not None and node is not self.document:
            node = node.parent
        return node is self.document

    def adopt(self, oid: str, element: Element) -> None:
        """An output shown again (inside a container) leaves its earlier place."""
        earlier = self.placed.get(oid)
        if earlier is not None and earlier is not element:
            earlier.detach()
        element.oid = oid
        self.placed[oid] = element

    def _disable_all(self) -> None:
        for element in self.output.walk(visible=False):
            if element.role == "button":
                element.disabled = True
        for form in self.forms.values():
            form.disable()

    # -- reading ----------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """What the page reads: the output, the forms, the end-of-script line, the popup."""
        parts = [self.main.text]
        if self.dialog is not None:
            parts.append(self.dialog.text)
        return "\n".join(p for p in parts if p)
