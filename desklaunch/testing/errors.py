"""What the kit reports about the app under test, as test failures.

    AssertionError
     └── KitError              the app did not do what the test expected
          ├── WaitTimeoutError  what was awaited never showed: says what, and the screen
          ├── ScriptError       the script (or a callback) raised; chained from its own
          │                     exception, so the report shows the script's traceback
          └── ActionError       the action cannot be done as asked: a name that fits several
                                things, a disabled button, an option that is not offered

They derive from `AssertionError` so a test runner counts them as failures of the test,
not as errors of the kit.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


class KitError(AssertionError):
    """Something the app under test did (or did not do) that fails the test."""


class WaitTimeoutError(KitError):
    """What the test waited for did not show within the time allowed."""


class ScriptError(KitError):
    """The script or one of its callbacks raised; `__cause__` is the exception itself."""


class ActionError(KitError):
    """A person could not do this on the screen as it is (ambiguous, disabled, unknown)."""


def asked(call: str, role: str | None, name: str | None, text: str | None) -> None:
    """Refuse a `find()` or `find_all()` that names nothing to look for: "every element"
    has no meaning a person shares (the page's wrappers differ between the two kinds)."""
    if role is None and name is None and text is None:
        raise TypeError(f"{call}() needs a role, a name or a text to look for, e.g. "
                        f"{call}(\"button\"), {call}(name=\"Save\") or {call}(text=\"Done\")")


def describe_query(role: str | None, name: str | None, text: str | None) -> str:
    """What a `find()` looked for, in words, for the errors both page kinds raise."""
    parts = [f"role {role!r}" if role else "an element"]
    if name is not None:
        parts.append(f"named {name!r}")
    if text is not None:
        parts.append(f"reading {text!r}")
    return " ".join(parts)


def only(found: Sequence[T], what: str, inside: object) -> T:
    """The one element `Element.find` found inside `inside`, or why there is not one (both
    page kinds)."""
    if not found:
        raise KitError(f"nothing inside {inside!r} fits {what}")
    if len(found) > 1:
        raise ActionError(f"{len(found)} things inside {inside!r} fit {what}; use find_all()")
    return found[0]


FIELD_KINDS = {"text": "a text field", "list": "a list to choose from", "slider": "a slider",
               "file": "a file field", "box": "a box", "round button": "a round button",
               "boxes": "a group of boxes", "round buttons": "a group of round buttons",
               "fields": "a group of fields", "buttons": "a row of buttons"}
"""What each kind of field is called in an error (both page kinds name kinds this way)."""
WANTED = {"fill it": "a field to fill", "choose from it": "a list to choose from",
          "tick it": "a box to tick", "send files with it": "a file field"}
"""What each verb acts on, by the words it waits with ("a field labelled 'Age' (to fill it)")."""


def other_kind(label: str, kind: str, verb: str) -> str:
    """The error for a verb on a field that is there, exactly so labelled, but of another
    kind ("'Age' is a text field, not a file field"): a hint of near labels would only
    repeat the label given."""
    return (f"{label!r} is {FIELD_KINDS.get(kind, 'a field of another kind')}, "
            f"not {WANTED.get(verb, 'the field wanted')}")


def labels_hint(wanted: str, shown: list[str], intro: str = "The fields shown are labelled"
                ) -> str:
    """The fields' labels shown, for a wait for a field that never showed (a prompt's colon,
    "Choose one, or none"): the nearest first, as a line to add to the error."""
    labels = list(dict.fromkeys(" ".join(label.split()) for label in shown if label.strip()))
    if not labels:
        return ""
    near = difflib.get_close_matches(wanted, labels, n=1, cutoff=0.6)
    guess = f" Did you mean {near[0]!r}?" if near else ""
    listed = ", ".join(repr(label) for label in labels[:10])
    return f"\n{intro} {listed}.{guess}"


def buttons_hint(wanted: str, shown: list[str]) -> str:
    """The buttons' names shown, for a wait for a button that never showed."""
    return labels_hint(wanted, shown, "The buttons shown are named")


def not_offered(label: str, option: str, offered: list[str]) -> str:
    """The error for a choice a list or a group of boxes does not have (both page kinds)."""
    return (f"{label!r} offers no choice {option!r}; it offers: "
            + ", ".join(repr(o) for o in offered))


def slider_number(label: str, value: object, low: object, high: object, step: object
                  ) -> float:
    """The number a slider stops at when set to `value`: the nearest of its steps (the
    higher of two as near, as a browser's range does), or the ActionError saying why it
    cannot be set there (a slider moves between its ends and shows numbers only)."""
    try:
        number = float(str(value))
        start, end = float(str(low)), float(str(high))
        every = float(str(step or 1))
    except ValueError:
        raise ActionError(f"the slider {label!r} takes a number, not {value!r}") from None
    if not start <= number <= end:
        raise ActionError(f"the slider {label!r} goes from {start:g} to {end:g}, "
                          f"not to {number:g}")
    if every > 0:
        steps = math.floor((number - start) / every + 0.5)
        number = min(end, start + steps * every)
        number = round(number, 10)  # 0.1 + 0.2, as a person reads it
    return int(number) if number.is_integer() else number


def enter_in_pin(name: str) -> str:
    """The error for `submit()` after filling a pin widget (both page kinds)."""
    return (f"submit() after filling the pin widget {name!r}: Enter there sends nothing (the "
            "script reads the pin when it likes); press a button with click() instead")


def behind_popup(role: str, name: str, popup: str) -> str:
    """The error for clicking what an open popup covers (both page kinds): the rest of the
    page is inert while a popup is open, for a person as for a test."""
    shown = f" {name!r}" if name else ""
    return (f"the {role or 'element'}{shown} is behind the open popup {popup!r}: close the "
            "popup first (close_popup(), or a button in it), as a person must")


def completes_nothing(label: str) -> str:
    """The error for `complete()` in a field whose Tab completes nothing (both page kinds)."""
    return (f"Tab in the field labelled {label!r} completes nothing: complete() is for a "
            "terminal program's line whose program set a completer (a cmd shell, pdb, a "
            "prompt_toolkit session) and that holds text to complete")


def read_only(label: str) -> str:
    """The error for filling a read-only field (both page kinds)."""
    return f"the field labelled {label!r} is read-only"


def several(found: Sequence[object], what: str,
            hint: str = "give its role or name, or use find_all()") -> str:
    """The error for one element asked for where several fit (both page kinds): the first
    few named, so the test's author sees which."""
    listed = ", ".join(repr(element) for element in found[:5])
    more = f" and {len(found) - 5} more" if len(found) > 5 else ""
    return f"{len(found)} things fit {what}: {listed}{more}; {hint}"

