"""The kit's verbs on the simulated page: find by label, role and text, then act as a
person does (type, pick, tick, press), and let the app answer.

Every verb waits (up to the kit's timeout) for what it acts on to be shown, as a person
waits for a field to appear; then it acts, sends what the page would send, and settles.
"""

from __future__ import annotations

import functools
import mimetypes
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desklaunch.core.uploads import too_large
from desklaunch.errors import ProtocolError
from desklaunch.testing.audit import AccessibilityProblem, Scheme
from desklaunch.testing.console import AnswerBoxes, ConsoleView
from desklaunch.testing.consoleargs import NOT_GIVEN, ArgChoice, ArgField
from desklaunch.testing.elements import FIELD_ROLES, Element, norm
from desklaunch.testing.errors import (
    ActionError,
    WaitTimeoutError,
    behind_popup,
    buttons_hint,
    completes_nothing,
    describe_query,
    enter_in_pin,
    labels_hint,
    not_offered,
    other_kind,
    read_only,
    several,
    slider_number,
)
from desklaunch.testing.forms import TEXT_TYPES, FieldModel, FormModel
from desklaunch.testing.inprocess import InProcess
from desklaunch.testing.page import Download, Page

CLICKABLE = ("button", "tab", "link")
GROUP_ROLES = frozenset({"group", "radiogroup"})
"""Roles of the sets of boxes, round buttons or fields a label names as one."""
GROUP_KINDS = ("round buttons", "boxes", "fields", "buttons", "")
"""What a group holds (`_kind`): `choose` and `check` take any group, and say what it lacks."""


class SimulatedScreen:
    """The verbs of `AppTest` for an app run in process."""

    def __init__(self, driver: InProcess, check: Callable[[], None]) -> None:
        self.driver = driver
        self.page: Page = driver.page
        self._check = check
        self._last_field: Element | None = None
        self._focused: FieldModel | None = None
        """The form field the person is in (the last one changed), checked as they leave."""

    # -- finding ---------------------------------------------------------------------------

    def _scope(self) -> Element:
        """Where a person can act: inside the popup while one is open (the rest is inert)."""
        return self.page.dialog if self.page.dialog is not None else self.page.document

    def find_all(self, role: str | None = None, name: str | None = None,
                 text: str | None = None) -> list[Element]:
        self.driver.settle()
        return self._armed(self.page.document.find_all(role, name, text))

    def find(self, role: str | None, name: str | None, text: str | None,
             timeout: float | None) -> Element:
        what = describe_query(role, name, text)
        found = self.driver.wait(what, lambda: self.page.document.find_all(role, name, text),
                                 timeout, self._check)
        return self._armed([_one(found, what, hint="give its role or name, or use "
                                      "find_all()")])[0]

    def _armed(self, found: list[Element]) -> list[Element]:
        """`found`, with the boxes and round buttons in it clickable as a person clicks them
        (also those a test finds later inside it: `popup.find("checkbox", ...)`)."""
        for outer in found:
            for element in outer.walk():
                if element.role in ("checkbox", "radio") and element.on_click is None:
                    element.on_click = functools.partial(self._press_box, element)
                element.covered_by = functools.partial(self._popup_over, element)
        return found

    def _behind_popup(self, name: str) -> str:
        """After a wait in vain for a button: "; it is behind the open popup ..." when a
        button of that name is there, behind the popup open over it."""
        for element in self.page.document.walk():
            if element.role == "button" and element.name == name \
                    and (popup := self._popup_over(element)) is not None:
                return f"; {behind_popup('button', name, popup)}"
        return ""

    def _popup_over(self, element: Element) -> str | None:
        """The name of the open popup `element` is behind; None when none covers it."""
        dialog = self.page.dialog
        if dialog is None:
            return None
        inside: Element | None = element
        while inside is not None and inside is not dialog:
            inside = inside.parent
        return None if inside is dialog else dialog.name

    def _press_box(self, box: Element) -> None:
        """A click on a box ticks or unticks it; on a round button, picks it."""
        if box.role == "radio":
            siblings = box.parent.children if box.parent is not None else [box]
            for other in siblings:
                if other.role == "radio":
                    other.checked = other is box
        else:
            box.checked = not box.checked
        owner = box.owner
        if isinstance(owner, FieldModel):
            self._changed(owner)
        elif isinstance(owner, AnswerBoxes):
            owner.changed()
        elif isinstance(owner, ArgChoice):
            owner.show()

    def wait_for_text(self, text: str | re.Pattern[str], timeout: float | None) -> None:
        self._wait_text(text, timeout, shown=True)

    def wait_until_gone(self, text: str | re.Pattern[str], timeout: float | None) -> None:
        self._wait_text(text, timeout, shown=False)

    def _wait_text(self, text: str | re.Pattern[str], timeout: float | None, *,
                   shown: bool) -> None:
        if isinstance(text, re.Pattern):
            pattern = text
            what = f"the pattern {text.pattern!r}"

            def reads() -> bool:
                return pattern.search(self.page.text) is not None
        else:
            wanted = norm(text)
            what = f"the text {text!r}"

            def reads() -> bool:
                return wanted in norm(self.page.text)
        # What the app shows in the background: look, and wait for news, without settling.
        self.driver.wait(what + ("" if shown else " to go"),
                         lambda: reads() == shown or None, timeout, self._check, settle=0)

    def _field(self, label: str, kinds: Sequence[str], verb: str,
               index: int | None = None) -> Element:
        def labelled() -> list[Element]:
            return [e for e in self._scope().walk() if e.owner is not None
                    and e.role in FIELD_ROLES | GROUP_ROLES and norm(e.name) == norm(label)]

        def look() -> list[Element]:
            there = labelled()
            right = [e for e in there if _kind(e) in kinds]
            if there and not right:  # there, but not for this verb: say so at once
                raise ActionError(other_kind(label, _kind(there[0]), verb))
            # A group of one box named as the group is (`checkbox("Urgent", ["Urgent"])`)
            # is one thing to tick: the group stands for the box inside it.
            return [e for e in right if not any(_inside(e, other) for other in right)]

        what = f"a field labelled {label!r} (to {verb})"
        try:
            return _one(self.driver.wait(what, look, None, self._check), what, index)
        except WaitTimeoutError as missed:
            # Every field's label, as in the browser: the one meant may be of another kind.
            shown = [e.name for e in self._scope().walk() if e.role in FIELD_ROLES and e.owner]
            raise WaitTimeoutError(f"{missed}{labels_hint(label, shown)}") from None

    def _clickable(self, name: str, index: int | None) -> Element:
        wanted = norm(name)

        def look() -> list[Element]:
            shown = [e for e in self._scope().walk() if e.on_click is not None]
            for roles in (("button",), ("tab",)):
                named = [e for e in shown if e.role in roles and norm(e.name) == wanted]
                if named:
                    return named
            found = [e for e in shown if norm(e.text) == wanted]
            covered = "" if found else self._behind_popup(name)
            if covered:  # there, but a person cannot press it: no wait makes it pressable
                raise ActionError(covered.removeprefix("; "))
            return found

        what = f"a button named {name!r}"
        try:
            found = self.driver.wait(what, look, None, self._check)
        except WaitTimeoutError as missed:
            shown = [e.name for e in self._scope().walk()
                     if e.on_click is not None and e.role in ("button", "tab")]
            raise WaitTimeoutError(f"{missed}{self._behind_popup(name)}"
                                   f"{buttons_hint(name, shown)}") from None
        if index is not None:
            if not -len(found) <= index < len(found):
                raise ActionError(f"index={index}, but {len(found)} buttons are named {name!r}")
            return found[index]
        return _one(found, what)

    # -- acting ----------------------------------------------------------------------------

    def fill(self, label: str, value: Any, index: int | None = None) -> None:
        control = self._field(label, ("text", "slider"), "fill it", index)
        owner = control.owner
        if isinstance(owner, FieldModel):
            if owner.readonly:
                raise ActionError(read_only(label))
            if owner.kind == "slider":
                owner.show(_slider_stop(owner, label, value))
            else:
                control.value = "" if value is None else str(value)
            self._changed(owner)
        elif isinstance(owner, ConsoleView) and "\n" in str(value or ""):
            owner.paste(control, str(value))  # lines into the console's line: pasted
        else:
            control.value = "" if value is None else str(value)
        self._last_field = control
        self.driver.settle()

    def complete(self, label: str, index: int | None = None) -> None:
        control = self._field(label, ("text",), "complete in it", index)
        owner = control.owner
        if not isinstance(owner, ConsoleView) or not owner.completes(control):
            raise ActionError(completes_nothing(label))
        owner.tab(control)
        self.driver.settle()

    def submit(self) -> None:
        """Enter in the field last filled: its form (or console line) is submitted."""
        target = self._submit_target()
        target()
        self._last_field = None
        self.driver.settle()

    def _submit_target(self) -> Callable[[], None]:
        last = self._last_field
        if last is not None and isinstance(last.owner, FieldModel) \
                and last.owner.pin_id is not None:
            raise ActionError(enter_in_pin(last.name))

        def look() -> Callable[[], None] | None:
            if last is not None and last.shown:
                action = self._enter_for(last)
                if action is not None:
                    return action
            console = self.page.console
            if console is not None:
                line = console.input_host.children[0] if console.input_host.children else None
                if line is not None and isinstance(line.owner, Element) and not line.owner.disabled:
                    return line.owner.click
                if console.form.element is not None and console.form.element.shown:
                    return console.form.submit
            forms = [f for f in self.page.forms.values() if f.element.shown and not f.waiting]
            return forms[-1].enter if forms else None

        return self.driver.wait("a form to submit", look, None, self._check)

    def _enter_for(self, control: Element) -> Callable[[], None] | None:
        owner = control.owner
        if isinstance(owner, FieldModel) and owner.form is not None:
            return owner.form.enter
        if isinstance(owner, ConsoleView):
            return lambda: owner.enter(control)
        if isinstance(owner, ArgField) and self.page.console is not None:
            return self.page.console.form.submit
        return None

    def click(self, name: str, index: int | None) -> None:
        element = self._clickable(name, index)
        if element.disabled:
            raise ActionError(f"the button {name!r} is disabled")
        self._leave(None)
        element.click()
        self.driver.settle()

    def choose(self, label: str, options: Sequence[str], index: int | None = None) -> None:
        control = self._field(label, ("list", *GROUP_KINDS), "choose from it", index)
        owner = control.owner
        if isinstance(owner, ArgChoice):
            self._pick(control, "radio", options, single=True)
            owner.show()
        elif isinstance(owner, ArgField) and owner.kind == "choices":
            self._pick(control, "checkbox", options, single=False)
        elif isinstance(owner, ArgField):
            self._pick(control, "option", options, single=True)
            control.value = options[0] if options and options[0] != NOT_GIVEN else ""
        elif isinstance(owner, FieldModel) and owner.kind in ("select", "radio"):
            single = owner.kind == "radio" or not owner.spec.get("multiple")
            self._pick(control, "option" if owner.kind == "select" else "radio", options,
                       single=single)
            self._changed(owner)
        else:
            raise ActionError(f"the field labelled {label!r} is not a list or a set of round "
                              "buttons: use check() for boxes, fill() for text")
        self.driver.settle()

    def check(self, label: str, options: Sequence[str], on: bool,
              index: int | None = None) -> None:
        # Options name boxes of a group: a single box of that name elsewhere is not meant.
        grouped = options and any(
            e.owner is not None and e.role in GROUP_ROLES and norm(e.name) == norm(label)
            for e in self._scope().walk())
        kinds = GROUP_KINDS if grouped else ("box", *GROUP_KINDS)
        control = self._field(label, kinds, "tick it", index)
        owner = control.owner
        if control.role == "checkbox":  # one box, named by its own label
            if options:
                raise ActionError(f"{label!r} is a single box: check({label!r}) takes no options")
            if control.disabled:
                raise ActionError(f"the box {label!r} is disabled")
            control.checked = on
            if isinstance(owner, FieldModel):
                self._changed(owner)
        elif isinstance(owner, AnswerBoxes) or (
                isinstance(owner, FieldModel) and owner.kind == "checkbox") or (
                isinstance(owner, ArgField) and owner.kind == "choices"):
            boxes = {norm(b.name): b for b in owner.options()}
            for option in options or [b.name for b in owner.options()]:
                box = boxes.get(norm(option))
                if box is None:
                    raise ActionError(not_offered(label, option, list(boxes)))
                if box.disabled:
                    raise ActionError(f"the box {option!r} of {label!r} is disabled")
                box.checked = on
            if isinstance(owner, AnswerBoxes):
                owner.changed()
            elif isinstance(owner, FieldModel):
                self._changed(owner)  # an argument form's boxes are read when it is run
        else:
            raise ActionError(f"the field labelled {label!r} has no boxes to tick")
        self.driver.settle()

    def _pick(self, control: Element, role: str, options: Sequence[str], *, single: bool
              ) -> None:
        items = [c for c in control.children if c.role == role]
        names = [norm(c.name) for c in items]
        if single and len(options) != 1:
            raise ActionError(f"{control.name!r} takes one choice, not {len(options)}")
        wanted = [norm(o) for o in options]
        for option in wanted:
            if option not in names:
                raise ActionError(not_offered(control.name, option, names))
            if items[names.index(option)].disabled:
                raise ActionError(f"the choice {option!r} of {control.name!r} is disabled")
        for item, name in zip(items, names, strict=True):
            if role == "option":
                item.selected = name in wanted
            else:
                item.checked = name in wanted

    def upload(self, label: str, paths: Sequence[str | os.PathLike[str]],
               index: int | None = None) -> None:
        control = self._field(label, ("file",), "send files with it", index)
        field = control.owner
        assert isinstance(field, FieldModel)
        slot = field.form.id if field.form is not None else field.pin_id  # a pin's own id
        assert slot is not None
        multiple = bool(field.spec.get("multiple"))
        if len(paths) > 1 and not multiple:
            raise ActionError(f"the field labelled {label!r} takes one file")
        field.set_error(None)
        limit = int(field.spec.get("max_size") or 0)
        before = field.raw()
        for raw in paths:
            path = Path(raw)
            data = path.read_bytes()
            if limit > 0 and len(data) > limit:
                refusal = too_large(path.name, limit)  # said before a byte is sent
                field.set_error(refusal)
                field.add_file(path.name, len(data), None, refusal)
                continue
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            try:
                token = self.driver.upload(slot, field.name, path.name, data, mime,
                                           path.stat().st_mtime)
            except ProtocolError as refused:
                field.set_error(refused.message)
                continue
            field.add_file(path.name, len(data), token)
        if field.pin_id is not None and field.raw() != before:  # files arrived: the pin's value
            self._changed(field)
        self.driver.settle()

    def set_pin(self, name: str, value: Any) -> None:
        def look() -> FieldModel | None:
            shown = [f for f in self.page.pins.values() if f.name == name and f.control.shown]
            return shown[-1] if shown else None

        field = self.driver.wait(f"a pin widget named {name!r}", look, None, self._check)
        if field.kind == "actions":  # buttons: pressing one by its text is the change
            pressable = {norm(b.name): b for b in field.buttons}
            button = pressable.get(norm(str(value)))
            if button is None:
                raise ActionError(not_offered(name, str(value), list(pressable)))
            button.click()  # refuses a disabled one
            self.driver.settle()
            return
        if field.kind in TEXT_TYPES:
            field.control.value = "" if value is None else str(value)
        elif field.kind == "slider":
            field.show(_slider_stop(field, name, value))
        else:
            labels = value if isinstance(value, (list, tuple)) else [value]
            role = "option" if field.kind == "select" else field.kind
            if field.kind == "checkbox":
                names = [norm(b.name) for b in field.options()]
                for item in labels:
                    if norm(str(item)) not in names:
                        raise ActionError(not_offered(name, str(item), names))
                for box in field.options():
                    box.checked = norm(box.name) in {norm(str(v)) for v in labels}
            else:
                self._pick(field.control, role, [str(v) for v in labels],
                           single=field.kind == "radio" or not field.spec.get("multiple"))
        self._changed(field)
        self.driver.settle()

    def _leave(self, to: FieldModel | None) -> None:
        """The focus goes to field `to` (None: a button): the field it leaves is checked, if
        it has a `validate`, as forms.js asks as the person leaves it."""
        left, self._focused = self._focused, to
        if left is None or left is to or left.form is None or not left.spec.get("validate"):
            return
        if left.form.waiting or not left.form.element.shown:
            return
        self.page.send({"type": "field_leave", "id": left.form.id,
                        "value": {"name": left.name, "value": left.raw()}})

    def _changed(self, field: FieldModel) -> None:
        """What the page reports when a control changes: a pin's value, a form's onchange."""
        self._leave(field)
        if field.pin_id is not None:
            field.sent = True
            self.page.send({"type": "pin_change", "id": field.pin_id, "value": field.raw()})
        elif (field.form is not None and field.spec.get("onchange")
              and not field.form.waiting):
            self.page.send({"type": "field_change", "id": field.form.id,
                            "value": {"name": field.name, "value": field.raw()}})

    def close_popup(self) -> None:
        dialog = self.driver.wait("a popup", lambda: self.page.dialog, None, self._check)
        close = [e for e in dialog.children if e.role == "button" and e.name == "Close"]
        if not close:
            raise ActionError(f"the popup {dialog.name!r} cannot be closed by the person")
        close[0].click()
        self.driver.settle()

    # -- reading ---------------------------------------------------------------------------

    @property
    def text(self) -> str:
        self.driver.settle()
        return self.page.text

    @property
    def toasts(self) -> list[str]:
        self.driver.settle()
        return [t.text for t in self.page.toast_list]

    @property
    def popup(self) -> Element | None:
        self.driver.settle()
        dialog = self.page.dialog
        return None if dialog is None else self._armed([dialog])[0]

    @property
    def title(self) -> str:
        self.driver.settle()
        return self.page.title

    @property
    def busy(self) -> int:
        return self.driver.busy

    @property
    def unrun_js(self) -> int:
        return self.driver.page.unrun_js

    @property
    def downloads(self) -> list[Download]:
        self.driver.settle()
        return list(self.page.downloads)

    def accessibility_problems(self, scheme: Scheme | None) -> list[AccessibilityProblem]:
        raise RuntimeError("accessibility_problems() audits the real page, which the "
                           "simulated one is not: start the app with browser=True")

    def screenshot(self, path: Path, scheme: Scheme | None, full_page: bool) -> Path:
        raise RuntimeError("screenshot() draws the real page, which the simulated one is "
                           "not: start the app with browser=True")

    def forms(self) -> list[FormModel]:
        return list(self.page.forms.values())


def _slider_stop(field: FieldModel, label: str, value: Any) -> float:
    """Where the slider `field` stops when a person sets it to `value` (or why it cannot)."""
    spec = field.spec
    return slider_number(label, value, spec.get("min", 0), spec.get("max", 100),
                         spec.get("step"))


def _kind(control: Element) -> str:
    """What sort of field `control` is, by the words errors use for it (errors.FIELD_KINDS)."""
    if control.role in GROUP_ROLES:
        inside = {e.role for e in control.walk()}
        return next((kind for kind, role in (("round buttons", "radio"), ("boxes", "checkbox"),
                                             ("fields", "textbox"), ("buttons", "button"))
                     if role in inside), "")
    if control.role in ("combobox", "listbox"):  # a list, or a text field with suggestions
        owner = control.owner
        typed = isinstance(owner, ConsoleView) or (
            isinstance(owner, FieldModel) and owner.kind in TEXT_TYPES)
        return "text" if typed else "list"
    return {"textbox": "text", "spinbutton": "text", "slider": "slider", "file": "file",
            "checkbox": "box", "radio": "round button"}.get(control.role, "")


def _inside(element: Element, other: Element) -> bool:
    """Whether `element` lies inside `other` (not `other` itself)."""
    parent = element.parent
    while parent is not None:
        if parent is other:
            return True
        parent = parent.parent
    return False


def _one(found: list[Element], what: str, index: int | None = None,
         hint: str = "pass index= or use find_all()") -> Element:
    if index is not None:
        if not -len(found) <= index < len(found):
            raise ActionError(f"index={index}, but {len(found)} things fit {what}")
        return found[index]
    if len(found) > 1:
        raise ActionError(several(found, what, hint))
    return found[0]



__all__ = ["CLICKABLE", "FIELD_ROLES", "SimulatedScreen"]
