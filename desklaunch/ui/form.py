"""One form of fields, shown and answered: the engine behind every input call, and
`input_group`, its public face. Every form has a Submit button (and Cancel when it is
cancelable). Unlike PyWebIO's, it has no Reset button, whose one stray click empties a
filled-in form; an `actions` button of type "reset" gives a form one.

A `Form` gathers fields, sends them as one `input` command, checks each submit field by
field (every error at once, each under its own field), then runs the group's `validate`,
and finally returns a dict of values by name (or the one value of a one-field form).
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal, overload

from desklaunch.ui.fields import Field
from desklaunch.ui.flow import FieldError, FormHooks, ask

if TYPE_CHECKING:
    from desklaunch.core.messages import Event
    from desklaunch.core.session import Session

GroupValidator = Callable[[dict[str, Any]], "tuple[str, str] | None"]

_changing: contextvars.ContextVar[tuple[Form, Field[Any]] | None] = contextvars.ContextVar(
    "desklaunch_changing", default=None)
"""The form and field whose `onchange` is running: what `input_update` changes."""


class Form(FormHooks):
    """Fields shown together; `run()` blocks (or is awaited) until they are answered."""

    def __init__(self, fields: Sequence[Field[Any]], *, label: str = "",
                 validate: GroupValidator | None = None, cancelable: bool = False,
                 single: bool = False) -> None:
        self.fields = list(fields)
        names = [f.name for f in self.fields]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"two fields of one form share the name {duplicates[0]!r}")
        self.label = label
        self.validate = validate
        self.single = single
        last = self.fields[-1] if self.fields else None
        own_buttons = last is not None and last.kind == "actions" and (
            single or any(b["type"] == "submit" for b in last.spec["buttons"]))
        self.cancelable = cancelable or any(
            b["type"] == "cancel" for f in self.fields if f.kind == "actions"
            for b in f.spec["buttons"])
        self._wire: dict[str, Any] = {
            "label": label, "fields": [], "submit_label": "Submit",
            # An `actions` field last in the form brings its own buttons (PyWebIO's rule).
            "buttons": not own_buttons, "cancelable": cancelable and not own_buttons,
        }
        self._session: Session | None = None
        self._form_id: str | None = None

    def run(self) -> Any:
        """The answer: a dict by field name, the single value, or None when cancelled."""
        return ask(self._wire, self.check, self)

    # -- FormHooks ---------------------------------------------------------------------------

    def opened(self, session: Session, form_id: str) -> None:
        self._session, self._form_id = session, form_id
        for field in self.fields:
            field.opened(session, form_id)
        self._wire["fields"] = [field.wire() for field in self.fields]

    def handle(self, event: Event) -> None:
        if event["type"] == "file_choose":
            for field in self.fields:
                if field.name == event.get("value"):
                    field.handle(event)
        elif event["type"] == "field_change" and isinstance(event.get("value"), dict):
            self._changed(event["value"].get("name"), event["value"].get("value"))
        elif event["type"] == "field_leave" and isinstance(event.get("value"), dict):
            self._left(event["value"].get("name"), event["value"].get("value"))

    def _left(self, name: object, raw: object) -> None:
        """The person left a field with a `validate`: its message under it now, or none."""
        field = self.field(name)
        if field is None or self._session is None or self._form_id is None:
            return
        message = field.check_on_leaving(raw)
        self._session.send({"cmd": "input_error", "id": self._form_id, "field": field.name,
                            "message": message or "", "only": True})

    def _changed(self, name: object, raw: object) -> None:
        """A field changed on the page: run its `onchange` with the value it now holds."""
        field = self.field(name)
        if field is None or field.onchange is None:
            return
        ok, value = field.preview(raw)
        if not ok:
            return  # half typed ("-" in a number field): nothing to report yet
        token = _changing.set((self, field))
        try:
            field.onchange(value)
        finally:
            _changing.reset(token)

    def field(self, name: object) -> Field[Any] | None:
        return next((f for f in self.fields if f.name == name), None)

    def update(self, name: str, changes: dict[str, Any]) -> None:
        """`input_update`: change field `name` of this form while it is shown."""
        field = self.field(name)
        if field is None:
            raise ValueError(f"input_update(): this form has no field named {name!r}")
        wire = field.update(changes)
        if self._session is not None and self._form_id is not None and wire:
            self._session.send({"cmd": "field_update", "id": self._form_id, "field": name,
                                "changes": wire})

    def closed(self) -> None:
        for field in self.fields:
            field.closed()
        if self._session is not None and self._form_id is not None:
            self._session.uploads.close(self._form_id)

    # -- checking a submit -------------------------------------------------------------------

    def check(self, submitted: Any) -> tuple[Any, list[FieldError] | FieldError | None]:
        raw = submitted if isinstance(submitted, dict) else {}
        values: dict[str, Any] = {}
        errors: list[FieldError] = []
        for field in self.fields:
            value, error = field.check(raw.get(field.name))
            if error is not None:
                errors.append((field.name, error))
            else:
                values[field.name] = value
        if errors:
            return None, errors
        if self.validate is not None:
            problem = self.validate(values)
            if problem:
                return None, self._group_error(problem)
        if self.single:
            return values[self.fields[0].name], None
        return values, None

    def _group_error(self, problem: Any) -> FieldError:
        if isinstance(problem, (tuple, list)) and len(problem) == 2:
            name, message = problem
            known = any(f.name == name for f in self.fields)
            return (str(name) if known else "", str(message))
        return ("", str(problem))


def input_update(name: str | None = None, **spec: Any) -> None:
    """Change a field of the form being filled in, from an `onchange` callback.

    `name` is the field to change (by default the one whose `onchange` runs). What can
    change: `label`, `help_text`, `placeholder`; `value` and `readonly` of a text field (fill
    one field from another); `options` and `value` of select, checkbox and radio; `value`
    of a slider.

        def pick_country(country):
            input_update("city", options=CITIES[country])

        input_group("Where", [select("Country", list(CITIES), name="country",
                                     onchange=pick_country),
                              select("City", CITIES["France"], name="city")])

    Difference from PyWebIO: fewer attributes can change (the others raise TypeError).
    """
    current = _changing.get()
    if current is None:
        raise RuntimeError("input_update() works only inside an onchange callback of a form")
    form, field = current
    form.update(field.name if name is None else name, spec)


def ask_one(field: Field[Any]) -> Any:
    """Show `field` alone and return its value (an awaitable on an event loop)."""
    return Form([field], single=True).run()


@overload
def input_group(label: str = "", inputs: Sequence[Field[Any]] | None = None,
                validate: GroupValidator | None = None,
                cancelable: Literal[False] = False) -> dict[str, Any]: ...
@overload
def input_group(label: str = "", inputs: Sequence[Field[Any]] | None = None,
                validate: GroupValidator | None = None,
                cancelable: bool = False) -> dict[str, Any] | None: ...


def input_group(label: str = "", inputs: Sequence[Field[Any]] | None = None,
                validate: GroupValidator | None = None,
                cancelable: bool = False) -> dict[str, Any] | None:
    """Ask several fields in one form; return a dict of their values by name.

    Build each field with `name=` (a field call with a name returns the field, unshown).
    `validate(data)` checks the whole answer and returns `(name, message)` to show the
    message under field `name` (or under the form when no field has that name), or None.
    With `cancelable=True` a Cancel button ends the form and the call returns None; so
    does an `actions` button of type "cancel".

        who = input_group("Who", [input("Name", name="name"),
                                  input("Age", name="age", type=NUMBER)])

    Differences from PyWebIO: the field labels stay on their fields; an exception raised
    by `validate` ends the script with its traceback instead of showing a generic message.
    """
    items = list(inputs or ())
    if not items:
        raise ValueError("input_group() needs at least one field")
    for item in items:
        if not isinstance(item, Field):
            raise TypeError(
                f"input_group() takes fields built with name=, like "
                f"input('Age', name='age'); got {item!r} (was name= forgotten?)")
    return Form(items, label=str(label), validate=validate,  # type: ignore[no-any-return]
                cancelable=cancelable).run()
