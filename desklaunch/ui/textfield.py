"""The field behind `input` and `textarea`: text the person types, which the script (or an
`action` button beside the field) can also fill, even with a Python object.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desklaunch.ui.fields import Field, Validator, text_of

Action = tuple[str, Callable[[Callable[..., None]], Any]]
"""`(button label, callback(set_value))`: a button beside the field that fills it."""

_UNSET: Any = object()


class TextField(Field[Any]):
    """A field whose value the person types: `input` of any type, and `textarea`.

    It knows its current text on the server, so a read-only field answers with that text
    (not with whatever the page sends), and an `action` can fill it with `set_value`.
    """

    def __init__(self, spec: dict[str, Any], parse: Callable[[str], Any],
                 validate: Validator | None, action: Action | None) -> None:
        super().__init__(spec, self._value, validate)
        self._parse = parse
        self._action = action
        self._action_id: str | None = None
        self._given: tuple[Any, str] | None = None  # set_value(value, label)

    def opened(self, session: Any, form_id: str) -> None:
        super().opened(session, form_id)
        if self._action is not None:
            label, callback = self._action
            self._action_id = session.register_callback(lambda _: callback(self.set_value))
            self.spec["action"] = {"label": str(label), "id": self._action_id}

    def closed(self) -> None:
        if self.session is not None and self._action_id is not None:
            self.session.forget_callback(self._action_id)
        super().closed()

    UPDATABLE = Field.UPDATABLE | {"value", "readonly"}

    def update(self, changes: dict[str, Any]) -> dict[str, Any]:
        wire = super().update({k: v for k, v in changes.items()
                               if k not in ("value", "readonly")})
        if "value" in changes:
            self._given = None
            self.spec["value"] = wire["value"] = "" if changes["value"] is None \
                else str(changes["value"])
        if "readonly" in changes:
            self.spec["readonly"] = wire["readonly"] = bool(changes["readonly"])
        return wire

    def set_value(self, value: Any, label: str = _UNSET) -> None:
        """Fill the field (what an action's callback is given, as PyWebIO's `set_value`).

        `set_value(v)` puts `str(v)` in the field. `set_value(v, label)` shows `label`, makes
        the field read-only, and the form then answers `v` itself, any Python object.
        """
        if label is _UNSET:
            self._given = None
            text, readonly = str(value), bool(self.spec.get("readonly"))
        else:
            text, readonly = str(label), True
            self._given = (value, text)
        self.spec.update(value=text, readonly=readonly)
        session, form_id = self.session, self.form_id
        if session is not None and form_id is not None:
            session.send({"cmd": "field_update", "id": form_id, "field": self.name,
                          "changes": {"value": text, "readonly": readonly}})

    def _value(self, raw: Any) -> Any:
        given = self._given
        text = str(self.spec["value"]) if self.spec.get("readonly") else text_of(raw)
        if given is not None and text == given[1]:
            return given[0]
        return self._parse(text)
