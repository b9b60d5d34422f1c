"""Forms and fields on the simulated page: what `input` commands show, what a submit sends.

Mirrors the page's own forms (assets/js/forms.js, fields.js) as docs/protocol.md states
them: every field is a labelled control; choices travel as indexes; a submit sends each
field's value by name; `input_error` shows messages under fields, `field_update` changes
them, `input_done` removes the form. Pin widgets reuse the same fields outside a form.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desklaunch.core.uploads import human_size
from desklaunch.testing.elements import Element, marked

Send = Callable[[dict[str, Any]], None]

TEXT_TYPES = frozenset({"text", "password", "number", "float", "url", "date", "time",
                        "datetime-local", "color", "textarea"})


def _text(value: Any) -> str:
    return "" if value is None else str(value)


@dataclass(frozen=True, eq=False)
class ListedFile:
    """A file a file field lists: sent (its token) or refused before sending (why)."""

    name: str
    size: str
    token: str | None
    refusal: str | None


class FieldModel:
    """One field: its spec, its control on the simulated page and the value it holds."""

    def __init__(self, spec: dict[str, Any], *, on_action: Callable[[int], None] | None = None
                 ) -> None:
        self.spec = spec
        self.kind = str(spec.get("type") or "text")
        self.name = _text(spec.get("name"))
        self.label = _text(spec.get("label"))
        self.form: FormModel | None = None
        self.pin_id: str | None = None
        """A pin widget's id (a pin widget is a field shown among the outputs, in no form)."""
        self.sent = False
        """A pin widget: the person changed it since it was shown."""
        self.files: list[ListedFile] = []
        """A file field's files, listed in the order chosen (files.js)."""
        self.file_list: Element | None = None
        self.pressed: int | None = None
        self.buttons: list[Element] = []
        """An `actions` field's buttons."""
        self.button_kinds: list[str] = []
        """What each of them does: "submit", "reset" or "cancel"."""
        self.wrap = Element("generic")
        self.control = self._build(on_action)
        self.control.owner = self
        if not self.label:  # as the page names it (fields.js nameUnlabelled)
            self.control.name = self.unlabelled_name
        self.help = Element("paragraph", own=_text(spec.get("help_text")))
        self.help.hidden = not spec.get("help_text")
        self.error = Element("alert")
        self.error.hidden = True
        self.valid = Element("paragraph")
        self.valid.hidden = True
        self.wrap.append(self.help)
        self.wrap.append(self.error)
        self.wrap.append(self.valid)
        self.default = self.raw()

    @property
    def unlabelled_name(self) -> str:
        """What names a field without a label: its placeholder, else its `name=` (not for a
        row of buttons: each button has its own name, and `name=` is only its answer's key)."""
        if self.kind == "actions":
            return ""
        return _text(self.spec.get("placeholder")) or self.name

    # -- building --------------------------------------------------------------------------

    def _build(self, on_action: Callable[[int], None] | None) -> Element:
        spec, label = self.spec, self.label
        if self.kind in ("checkbox", "radio"):
            group = Element("group", label)
            group.append(Element("generic", own=marked(label, spec.get("required"))))
            self.wrap.append(group)
            self._fill_boxes(group, spec.get("options") or [])
            return group
        if self.kind == "actions":
            group = Element("group", label)
            if label:
                group.append(Element("paragraph", own=label))
            for index, button in enumerate(spec.get("buttons") or []):
                element = Element("button", _text(button.get("label")), _text(button.get("label")))
                element.disabled = bool(button.get("disabled"))
                self.button_kinds.append(str(button.get("type") or "submit"))
                if on_action is not None:
                    element.on_click = (lambda i=index: on_action(i))
                self.buttons.append(element)
                group.append(element)
            self.wrap.append(group)
            return group
        self.wrap.append(Element("generic", own=marked(label, spec.get("required"))))
        if self.kind == "select":
            control = Element("listbox" if spec.get("multiple") else "combobox", label)
            self._fill_options(control, spec.get("options") or [])
        elif self.kind == "slider":
            control = Element("slider", label)
            control.value = spec.get("value")
            control.own = _text(spec.get("value"))  # the number shown beside the track
        elif self.kind == "file":
            control = Element("file", label)
            control.append(Element("button", own=_text(spec.get("placeholder")) or "Choose file"))
            control.append(Element("generic", own="or drop files here" if spec.get("multiple")
                                   else "or drop a file here"))
            self.file_list = Element("list", f"Files for {label or self.unlabelled_name}")
            self.wrap.append(control)
            self.wrap.append(self.file_list)
            return control
        else:  # a field with suggestions (`datalist`) is a combobox, as in a browser
            control = Element("combobox" if spec.get("datalist") else "textbox", label)
            control.value = _text(spec.get("value"))
        self.wrap.append(control)
        action = spec.get("action")
        if isinstance(action, dict) and on_action is not None:
            button = Element("button", _text(action.get("label")), _text(action.get("label")))
            button.on_click = lambda: on_action(-1)
            self.wrap.append(button)
        return control

    def _fill_options(self, control: Element, options: list[dict[str, Any]]) -> None:
        control.clear()
        for option in options:
            element = Element("option", _text(option.get("label")), _text(option.get("label")))
            element.selected = bool(option.get("selected"))
            element.disabled = bool(option.get("disabled"))
            control.append(element)  # a list reads as its options, as a browser reads it

    def _fill_boxes(self, group: Element, options: list[dict[str, Any]]) -> None:
        for box in [c for c in group.children if c.role in ("checkbox", "radio")]:
            box.detach()
        for option in options:
            box = Element(self.kind, _text(option.get("label")), _text(option.get("label")),
                          inline=False)
            box.checked = bool(option.get("selected"))
            box.disabled = bool(option.get("disabled"))
            box.owner = self
            group.append(box)

    @property
    def readonly(self) -> bool:
        return bool(self.spec.get("readonly"))

    def options(self) -> list[Element]:
        role = "option" if self.kind == "select" else self.kind
        return [c for c in self.control.children if c.role == role]

    # -- value -----------------------------------------------------------------------------

    def raw(self) -> Any:
        """The value as the page sends it in a submit (docs/protocol.md, field values)."""
        if self.kind in TEXT_TYPES:
            return _text(self.control.value)
        if self.kind == "select":
            picked = [i for i, o in enumerate(self.options()) if o.selected]
            if self.spec.get("multiple"):
                return picked
            return picked[0] if picked else None
        if self.kind == "checkbox":
            return [i for i, o in enumerate(self.options()) if o.checked]
        if self.kind == "radio":
            picked = [i for i, o in enumerate(self.options()) if o.checked]
            return picked[0] if picked else None
        if self.kind == "slider":
            return self.control.value
        if self.kind == "actions":
            return self.pressed
        if self.kind == "file":
            return [f.token for f in self.files if f.token is not None]
        return _text(self.control.value)

    def refusal(self) -> str | None:
        """Why the form cannot be sent as it is: a listed file too large to send."""
        return next((f.refusal for f in self.files if f.refusal), None)

    def add_file(self, name: str, size: int | None, token: str | None,
                 refusal: str | None = None) -> None:
        """List a chosen file: sent (its token) or refused (why), as files.js lists it."""
        if not self.spec.get("multiple"):
            self.files.clear()
        self.files.append(ListedFile(name, human_size(size) if size is not None else "",
                                     token, refusal))
        self._list_files()

    def _list_files(self) -> None:
        if self.file_list is None:
            return
        self.file_list.clear()
        for listed in self.files:
            item = self.file_list.append(Element("listitem"))
            item.append(Element("generic", own=listed.name))
            item.append(Element("generic", own=listed.size))
            if listed.refusal:
                item.append(Element("generic", own="too large, not sent"))
            button = item.append(Element("button", f"Remove {listed.name}", "Remove"))
            button.on_click = functools.partial(self._remove, listed)

    def _remove(self, listed: ListedFile) -> None:
        self.files.remove(listed)
        if listed.refusal and self.refusal() is None:
            self.set_error(None)
        self._list_files()

    def show(self, raw: Any) -> None:
        """Put a value the app sent (`pin_value`, `field_update` value) in the control."""
        if self.kind in ("select", "checkbox", "radio"):
            wanted = set(raw) if isinstance(raw, list) else {raw}
            for index, option in enumerate(self.options()):
                if self.kind == "select":
                    option.selected = index in wanted
                else:
                    option.checked = index in wanted
        elif self.kind == "slider":
            self.control.value = raw
            self.control.own = _text(raw)
        elif self.kind != "file":
            self.control.value = _text(raw)

    def reset(self) -> None:
        self.show(self.default)
        if self.kind == "file":
            self.files.clear()
            self._list_files()

    def update(self, changes: dict[str, Any]) -> None:
        """`field_update` / `pin_update`: a new label, help, options, value or files."""
        if "label" in changes:
            self.label = _text(changes["label"])
            self.control.name = self.label or self.unlabelled_name
            for child in self.wrap.children + self.control.children:
                if child.role == "generic" and not child.children:
                    child.own = self.label
                    break
        if "help_text" in changes:
            self.help.own = _text(changes["help_text"])
            self.help.hidden = not changes["help_text"]
        if "placeholder" in changes:
            self.spec["placeholder"] = changes["placeholder"]
        if isinstance(changes.get("options"), list):
            if self.kind == "select":
                self._fill_options(self.control, changes["options"])
            else:
                self._fill_boxes(self.control, changes["options"])
        if "readonly" in changes:
            self.spec["readonly"] = bool(changes["readonly"])
        if "value" in changes:
            self.show(changes["value"])
        for listed in changes.get("add_files") or []:
            size = listed.get("size")
            self.add_file(_text(listed.get("name")), size if isinstance(size, int) else None,
                          _text(listed.get("token")))

    def verdict(self, changes: dict[str, Any]) -> None:
        """A pin's `pin_update(valid_status=...)`: its valid feedback as text under it, its
        invalid feedback as an alert, or neither (pin.js)."""
        status = changes.get("valid_status")
        feedback = _text(changes.get("valid_feedback" if status is True else "invalid_feedback"))
        self.valid.own = feedback if status is True else ""
        self.valid.hidden = not self.valid.own
        self.set_error(feedback if status is False else None)

    def set_error(self, message: str | None) -> None:
        self.error.own = message or ""
        self.error.hidden = not message


class FormModel:
    """One shown form (`input` command): its element, fields and buttons."""

    def __init__(self, spec: dict[str, Any], send: Send) -> None:
        self.spec = spec
        self.id = _text(spec.get("id"))
        self.send = send
        self.waiting = False
        label = _text(spec.get("label"))
        self.element = Element("form" if label else "generic", label)
        self.element.owner = self
        if label:
            self.element.append(Element("heading", label, label))
        self.fields: list[FieldModel] = []
        for raw in spec.get("fields") or []:
            field = FieldModel(raw, on_action=self._action_for(len(self.fields)))
            field.form = self
            self.fields.append(field)
            self.element.append(field.wrap)
        self.error = Element("alert")
        self.error.hidden = True
        self.element.append(self.error)
        self.submit_button: Element | None = None
        self.buttons: list[Element] = []
        if spec.get("buttons") is not False:
            text = _text(spec.get("submit_label")) or "Submit"
            self.submit_button = Element("button", text, text)
            self.submit_button.on_click = self.submit
            self.buttons.append(self.submit_button)
            if spec.get("cancelable"):
                cancel = Element("button", "Cancel", "Cancel")
                cancel.on_click = self.cancel
                self.buttons.append(cancel)
            self.element.append(Element("group", children=self.buttons))

    def _action_for(self, index: int) -> Callable[[int], None]:
        def act(button: int) -> None:
            field = self.fields[index]
            if button < 0:  # the button beside a text field (`action=`)
                self.send({"type": "click", "id": _text(field.spec["action"].get("id")),
                           "value": 0})
                return
            kind = (field.spec.get("buttons") or [{}])[button].get("type") or "submit"
            if kind == "reset":
                self.reset()
            elif kind == "cancel":
                self.cancel()
            else:
                field.pressed = button
                try:
                    self.submit()
                finally:
                    field.pressed = None
        return act

    def field(self, name: str) -> FieldModel | None:
        return next((f for f in self.fields if f.name == name), None)

    def values(self) -> dict[str, Any]:
        return {field.name: field.raw() for field in self.fields}

    def submit(self) -> None:
        if self.waiting:
            return
        refused = next((f for f in self.fields if f.refusal()), None)
        if refused is not None:  # as the page: not sent without the file, unnoticed
            refused.set_error(refused.refusal())
            return
        self.waiting = True
        self._lock_buttons(True)
        self.send({"type": "submit", "id": self.id, "value": self.values()})

    def enter(self) -> None:
        """What Enter in a single-line field does: Submit, or the first submit action."""
        if self.submit_button is not None:
            self.submit()
            return
        for field in self.fields:
            if field.kind != "actions":
                continue
            for button, kind in zip(field.buttons, field.button_kinds, strict=True):
                if kind == "submit" and not button.disabled:
                    button.click()
                    return
        raise RuntimeError("this form has no button that submits it")

    def cancel(self) -> None:
        if self.waiting:
            return
        self.waiting = True
        self._lock_buttons(True)
        self.send({"type": "cancel", "id": self.id})

    def reset(self) -> None:
        self.show_errors([])
        for field in self.fields:
            field.reset()

    def checked(self, name: str, message: str) -> None:
        """`input_error` with `only`: a field's own check as the person left it ("" clears
        it); the other fields' messages stay, and the form goes on waiting or not."""
        target = self.field(name)
        if target is not None:
            target.set_error(message or None)

    def show_errors(self, errors: list[tuple[str, str]]) -> None:
        """`input_error`: the messages under their fields ("" or unknown: the form's)."""
        for field in self.fields:
            field.set_error(None)
        self.error.own, self.error.hidden = "", True
        for name, message in errors:
            target = self.field(name)
            if target is None:
                self.error.own, self.error.hidden = message, False
            else:
                target.set_error(message)
        self.waiting = False
        self._lock_buttons(False)

    def disable(self) -> None:
        for element in self.element.walk(visible=False):
            if element.role in ("button", "textbox", "combobox", "listbox", "checkbox",
                                "radio", "slider", "file"):
                element.disabled = True

    def _lock_buttons(self, waiting: bool) -> None:
        for field in self.fields:
            if field.kind == "actions":
                specs = field.spec.get("buttons") or []
                for button, spec in zip(field.buttons, specs, strict=False):
                    button.disabled = waiting or bool(spec.get("disabled"))
        for button in self.buttons:
            button.disabled = waiting
