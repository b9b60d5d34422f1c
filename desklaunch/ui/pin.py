"""Pin widgets: input fields shown among the outputs, whose values the script reads live.

    put_input("city", label="City")
    put_text("You typed", pin.city)      # read at any time, without blocking
    pin.city = "Paris"                   # and set
    change = pin_wait_change("city")     # or wait for the person to change it

The values live on the server (`PinBoard`, one per session): the page reports each change
as a `pin_change` event (the text typed, or the indexes of the options picked), the board
converts it with the field's own rules and keeps it, so a read never asks the page, and a
reloaded page shows the newest values again. A widget taken off the page (its scope
cleared, its popup closed) reads None, as in PyWebIO: the board follows the commands that
take it off (pin_places.py). Names and arguments follow `pywebio.pin`.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from typing import Any, cast

from desklaunch.core.mailbox import Mailbox
from desklaunch.core.messages import Command, Event
from desklaunch.core.session import Session, current_session
from desklaunch.errors import SessionClosed
from desklaunch.ui.fields import Field, InputError, text_of
from desklaunch.ui.flow import _on_event_loop
from desklaunch.ui.pin_places import FOLLOWED, PinPlaces
from desklaunch.ui.scopes import known_scopes
from desklaunch.ui.textfield import TextField

ToWire = Callable[[Any], Any]
_UNSET: Any = object()
"""Turns a value the script sets into what the page's control shows (text, index(es))."""

_boards_lock = threading.Lock()


class PinWidget:
    """One shown pin widget: its field (spec + conversion) and how to show a set value."""

    def __init__(self, wid: str, field: Field[Any], to_wire: ToWire) -> None:
        self.wid = wid
        self.name = field.name
        self.field = field
        self.to_wire = to_wire

    def current(self) -> Any:
        """The value the options marked selected in the field's spec stand for."""
        marks = [i for i, option in enumerate(self.field.spec.get("options", ()))
                 if option["selected"]]
        several = self.field.kind == "checkbox" or bool(self.field.spec.get("multiple"))
        return self.convert(marks if several else marks[0] if marks else None)

    def convert(self, raw: Any) -> Any:
        """The script's value for what the page sent; None when it cannot be one (yet)."""
        value, error = self.field.check(raw)
        return None if error is not None else value

    def shows(self, raw: Any, by_person: bool) -> Any:
        """The value of the control once it shows `raw` (set by the script, or changed by
        the person). A text field keeps it as its text: a read-only one answers with its
        own text, not the page's, so that must be the text shown last."""
        field = self.field
        if isinstance(field, TextField) and not (by_person and field.spec.get("readonly")):
            with contextlib.suppress(InputError):  # not text: refused by `convert` too
                field.spec["value"] = text_of(raw)
        return self.convert(raw)


class _Waiter:
    """One `pin_wait_change` call: the names it waits for and, once set, the change."""

    def __init__(self, names: AbstractSet[str], loop: asyncio.AbstractEventLoop | None) -> None:
        self.names = names
        self.result: dict[str, Any] | None = None
        self.loop = loop
        self.future: asyncio.Future[None] | None = loop.create_future() if loop else None


class PinBoard(Mailbox):
    """A session's pin values, kept on the server; receives every pin widget's events."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._lock = threading.RLock()  # taken directly: see core/interrupt.py
        self._changed = threading.Condition(self._lock)
        self._widgets: dict[str, PinWidget] = {}  # widget id → widget
        self._current: dict[str, PinWidget] = {}  # name → its newest widget
        self._values: dict[str, Any] = {}
        self._waiters: list[_Waiter] = []
        self._on_change: dict[str, list[Callable[[Any], Any]]] = {}
        self._watched: AbstractSet[str] = frozenset()  # what the last pin_wait_change waited for
        self._missed: dict[str, Any] = {}  # name → newest value changed since, oldest first
        self._places = PinPlaces(lambda: known_scopes(session))
        self._shut = False

    @classmethod
    def of(cls, session: Session) -> PinBoard:
        with _boards_lock:
            board = session.data.get("pin_board")
            if board is None:
                board = session.data["pin_board"] = cls(session)
                session.open_mailbox(session.new_id("pins-"), board)  # closed with the session
                session.watch_sent(board._follow)
            return cast("PinBoard", board)

    # -- the script's side ------------------------------------------------------------------

    def add(self, widget: PinWidget, raw: Any) -> None:
        """A new widget is about to be shown with `raw` in its control."""
        with self._lock:
            self._widgets[widget.wid] = widget
            self._current[widget.name] = widget
            self._values[widget.name] = widget.convert(raw)
        self.session.open_mailbox(widget.wid, self)

    def _follow(self, command: Command) -> None:
        """A command the session sends: it may put pin widgets on the page or take them off."""
        if command.get("cmd") in FOLLOWED:
            with self._lock:
                self._places.follow(command)

    def _shown(self, name: str) -> bool:
        """Whether the newest widget called `name` is on the page (lock held)."""
        widget = self._current.get(name)
        return widget is not None and self._places.on_page(widget.wid)

    def value(self, name: str) -> Any:
        """The value of the newest widget called `name`; None if none is on the page."""
        with self._lock:
            return self._values.get(name) if self._shown(name) else None

    def set(self, name: str, value: Any) -> None:
        """Show `value` in the newest widget called `name` (nothing happens for an unknown name)."""
        with self._lock:
            widget = self._current.get(name)
        if widget is None:
            return
        raw = widget.to_wire(value)
        with self._lock:
            self._values[name] = widget.shows(raw, by_person=False)
        self._show(widget, raw, echo=False)

    def values(self, names: Sequence[str]) -> dict[str, Any]:
        with self._lock:
            return {name: self._values.get(name) for name in names if self._shown(name)}

    def widget(self, name: str) -> PinWidget | None:
        with self._lock:
            return self._current.get(name)

    def on_change(self, name: str, callback: Callable[[Any], Any] | None, clear: bool) -> None:
        with self._lock:
            callbacks = self._on_change.setdefault(name, [])
            if clear:
                callbacks.clear()
            if callback is not None:
                callbacks.append(callback)

    def wait(self, names: AbstractSet[str], timeout: float | None) -> dict[str, Any] | None:
        waiter = _Waiter(names, None)
        self.session.reactions.script_waits()  # the script is done with what it was given
        with self._lock:
            missed = self._take_missed(names)
            if missed is not None:
                return missed
            self._waiters.append(waiter)
            try:
                self._changed.wait_for(lambda: waiter.result is not None or self._shut, timeout)
            finally:
                self._waiters.remove(waiter)
            return self._outcome(waiter)

    async def wait_async(self, names: AbstractSet[str], timeout: float | None
                         ) -> dict[str, Any] | None:
        waiter = _Waiter(names, asyncio.get_running_loop())
        assert waiter.future is not None
        self.session.reactions.script_waits()
        with self._lock:
            if self._shut:
                raise SessionClosed
            missed = self._take_missed(names)
            if missed is not None:
                return missed
            self._waiters.append(waiter)
        try:
            await asyncio.wait_for(asyncio.shield(waiter.future), timeout)
        except asyncio.TimeoutError:
            pass
        finally:
            with self._lock:
                self._waiters.remove(waiter)
        with self._lock:
            return self._outcome(waiter)

    def _outcome(self, waiter: _Waiter) -> dict[str, Any] | None:
        if waiter.result is None and self._shut:
            raise SessionClosed
        return waiter.result

    def _take_missed(self, names: AbstractSet[str]) -> dict[str, Any] | None:
        """A change made while the script was busy with the one its last wait returned:
        the next wait reports it at once (the newest value; the oldest such pin first), so
        a loop redrawing on each change ends showing what the person last typed (lock held)."""
        name = next((name for name in self._missed if name in names), None)
        if name is None:
            self._watched, self._missed = names, {}
            return None
        value = self._missed.pop(name)
        self._watched = names
        self.session.reactions.start(by_script=True)  # its work counts until the next wait
        return {"name": name, "value": value}

    # -- the page's side (Mailbox) ------------------------------------------------------------

    def put(self, event: Event) -> bool:
        """A `pin_change` from the page: keep the value, wake waiters, run callbacks.

        True when it woke the script in `pin_wait_change` (its work is then tracked until
        it waits again, like a form's answer); callbacks are tracked by `call_soon`.
        """
        if event["type"] != "pin_change":
            return False
        raw = event.get("value")
        woke = False
        with self._lock:
            widget = self._widgets.get(event["id"])
            if widget is None or self._shut:
                return False
            value = widget.shows(raw, by_person=True)
            self._values[widget.name] = value
            for waiter in self._waiters:
                if waiter.result is None and widget.name in waiter.names:
                    waiter.result = {"name": widget.name, "value": value}
                    _wake(waiter)
                    woke = True
            if not woke and widget.name in self._watched:
                self._missed.pop(widget.name, None)
                self._missed[widget.name] = value
            self._changed.notify_all()
            callbacks = list(self._on_change.get(widget.name, ()))
        self._show(widget, raw, echo=True)
        for callback in callbacks:
            self.session.call_soon(callback, value)
        return woke

    def nudge(self) -> None:
        super().nudge()
        with self._lock:
            self._changed.notify_all()  # a blocked pin_wait_change looks again

    def close(self) -> None:
        with self._lock:
            if self._shut:
                return
            self._shut = True
            for waiter in self._waiters:
                _wake(waiter)
            self._changed.notify_all()

    def _show(self, widget: PinWidget, raw: Any, echo: bool) -> None:
        """Tell the page (and any later replay) the widget's newest value.

        An echo of the person's own change is applied only by a page that has not sent
        changes of its own for the widget (a reloaded page): a live page already shows it,
        and applying a late echo would undo what was typed since.
        """
        with contextlib.suppress(SessionClosed):  # closing meanwhile: nothing to show it on
            self.session.send({"cmd": "pin_value", "id": widget.wid, "value": raw,
                               "echo": echo, "coalesce": f"pin:{widget.wid}"})


def _wake(waiter: _Waiter) -> None:
    if waiter.loop is not None and waiter.future is not None:
        waiter.loop.call_soon_threadsafe(_resolve, waiter.future)


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


# -- reading and setting: the `pin` object -----------------------------------------------------


class Pin:
    """The values of the pin widgets by name: `pin.name` / `pin["name"]`, read and set.

    Reading a name no widget on the page has returns None: as in PyWebIO, a widget is gone
    once its scope is cleared or removed or its popup closed (put it again to read it).
    Setting shows the value in the newest widget of that name (it does not run
    `pin_on_change` callbacks: those follow the person). In a coroutine of a script written
    for PyWebIO, a read is awaited, as PyWebIO's are there (`await pin.name`).

        put_input("city"); ...; print(pin.city); pin.city = "Paris"
    """

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        session = current_session()
        return _as_pywebio_reads(session, PinBoard.of(session).value(name))

    def __setattr__(self, name: str, value: Any) -> None:
        PinBoard.of(current_session()).set(name, value)

    def __getitem__(self, name: str) -> Any:
        return self.__getattr__(name)

    def __setitem__(self, name: str, value: Any) -> None:
        self.__setattr__(name, value)

    def use_strict(self) -> None:
        """PyWebIO's switch to plain reads; reads here are always plain values."""


pin = Pin()


def get_pin_values(names: Sequence[str]) -> Any:
    """The values of several pin widgets at once, `{name: value}`; a name no widget on the
    page has is left out (PyWebIO 1.8.4's call; each read is local here, so it is as quick
    as `pin`).

        values = get_pin_values(["width", "height"])
    """
    if isinstance(names, str):
        names = [names]
    session = current_session()
    return _as_pywebio_reads(session, PinBoard.of(session).values(list(names)))


def _as_pywebio_reads(session: Session, value: Any) -> Any:
    """`value`, or, read by a PyWebIO script's coroutine, a coroutine giving it: PyWebIO's
    reads are awaited there (`await pin.name`)."""
    if not session.pywebio_way:
        return value
    try:
        in_task = asyncio.current_task() is not None
    except RuntimeError:  # no event loop runs in this thread
        in_task = False
    return _ready(value) if in_task else value


async def _ready(value: Any) -> Any:
    return value


def pin_wait_change(*names: str | Sequence[str], timeout: float | None = None) -> Any:
    """Wait until the person changes one of the named pin widgets; return
    `{"name": name, "value": value}`, or None after `timeout` seconds.

        change = pin_wait_change("a", "b"); put_text(change["name"], "is now", change["value"])

    Only the person's changes count (a value the script sets does not). Changes made before
    the first call are not reported; one made while the script was busy with the change
    the last call returned is reported at once by the next call (with the newest value), so
    a loop that redraws on each change never ends behind the person's typing. Awaitable in
    an `async def` script.
    """
    wanted: set[str] = set()
    for item in names:
        wanted.update([item] if isinstance(item, str) else item)
    if not wanted:
        raise ValueError("pin_wait_change() needs at least one pin name")
    board = PinBoard.of(current_session())
    if _on_event_loop():
        return board.wait_async(wanted, timeout)
    return board.wait(wanted, timeout)


def pin_on_change(name: str | Sequence[str], onchange: Callable[[Any], Any] | None = None,
                  clear: bool = False, init_run: bool = False, **callback_options: Any) -> None:
    """Call `onchange(value)` every time the person changes pin widget `name` (a list of
    names: any of them, as PyWebIO's own demo passes `["foo"]`).

        pin_on_change("celsius", lambda c: pin.__setattr__("fahrenheit", c * 9 / 5 + 32))

    Callbacks run in the background like button callbacks (one at a time, in order), and
    may be `async def` in an `async def` script. `clear=True` drops the earlier callbacks
    first; `init_run=True` also calls it once now with the current value. PyWebIO's
    `serial_mode` and other callback options are accepted and change nothing.
    """
    session = current_session()
    board = PinBoard.of(session)
    for one in [name] if isinstance(name, str) else list(name):
        board.on_change(str(one), onchange, clear)
        if init_run and onchange is not None:
            session.call_soon(onchange, board.value(str(one)))


_FEEDBACK = ("valid_status", "valid_feedback", "invalid_feedback")


def _feedback(field_spec: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    """PyWebIO's verdict under a field: `valid_status=True` shows `valid_feedback` (in
    green), False shows `invalid_feedback` (as an error), None or 0 shows neither."""
    given = {key: spec.pop(key) for key in _FEEDBACK if key in spec}
    if not given:
        return {}
    for key in ("valid_feedback", "invalid_feedback"):
        if key in given:
            field_spec[key] = "" if given[key] is None else str(given[key])
    status = given.get("valid_status", field_spec.get("valid_status"))
    cleared = status is None or (status == 0 and not isinstance(status, bool))
    field_spec["valid_status"] = None if cleared else bool(status)
    return {"valid_status": field_spec["valid_status"],
            "valid_feedback": field_spec.get("valid_feedback", ""),
            "invalid_feedback": field_spec.get("invalid_feedback", "")}


def pin_update(name: str, **spec: Any) -> None:
    """Change a pin widget after it is shown: its `value`, `label`, `help_text`,
    `placeholder`, `readonly`, or (select, checkbox, radio) its `options`; PyWebIO's
    `valid_status` (True, False or None) with `valid_feedback` / `invalid_feedback` shows a
    verdict under it.

        pin_update("city", value="Paris", help_text="Where you live")

    New options keep the options marked selected in them (or `value=` given alongside);
    the pin's value follows. Difference from PyWebIO: other attributes cannot be changed;
    put the widget again with the same name instead (the newest widget of a name is read).
    """
    board = PinBoard.of(current_session())
    widget = board.widget(name)
    if widget is None:
        return
    allowed = {"value", "readonly"} | set(widget.field.UPDATABLE) | set(_FEEDBACK)
    unknown = sorted(set(spec) - allowed)
    if unknown:
        raise NotImplementedError(f"pin_update({unknown[0]}=...) is not supported for a "
                                  f"{widget.field.kind} pin; put the widget again instead")
    value = spec.pop("value", _UNSET)
    changes: dict[str, Any] = {}
    if "readonly" in spec:
        changes["readonly"] = widget.field.spec["readonly"] = bool(spec.pop("readonly"))
    changes.update(_feedback(widget.field.spec, spec))
    if spec:
        changes.update(widget.field.update(spec))
    if changes:
        board.session.send({"cmd": "pin_update", "id": widget.wid, "changes": changes})
    if value is not _UNSET:
        board.set(name, value)
    elif "options" in changes:
        board.set(name, widget.current())
