"""How the text typed in an `input` or `textarea` becomes the script's value.

One parser per field: it converts (`NUMBER` → int, `FLOAT` → float), checks the format
of URLs, dates, times and colours, and the length and range limits, raising `InputError` with
the message the person sees under the field.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from desklaunch.ui.fields import InputError

_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
_DECIMAL_COMMA = re.compile(r"([-+]?\d+),(\d{1,2}|\d{4,})")
"""A number written with a decimal comma, as much of Europe writes it ("3,5"); never one
with three digits after its comma, which in English groups thousands ("1,000")."""


def parser(kind: str, required: bool, attrs: dict[str, Any], *,
           whole_is_int: bool = False) -> Callable[[str], Any]:
    """How the text typed becomes the value of a field of type `kind`, or `InputError`.

    `whole_is_int`: a whole `FLOAT` is an int, as PyWebIO's page sends it (`parseFloat("3")`
    is 3 in JSON), for scripts written for PyWebIO, which print "9", not "9.0"."""

    def parse(text: str) -> Any:
        if kind == "number":
            number: float = _number(text, int, "Please enter a whole number")
        elif kind == "float":
            number = _number(text, float, "Please enter a number")
        elif not text:
            if required:
                raise InputError("Please fill in this field")
            return text
        else:
            _check_text(kind, text, attrs)
            return text.lower() if kind == "color" else text
        if "min" in attrs and number < float(attrs["min"]):
            raise InputError(f"Please enter at least {attrs['min']}")
        if "max" in attrs and number > float(attrs["max"]):
            raise InputError(f"Please enter at most {attrs['max']}")
        if whole_is_int and kind == "float" and float(number).is_integer():
            return int(number)
        return number

    return parse



def _number(text: str, kind: Callable[[str], float], message: str) -> float:
    text = text.strip()
    if kind is float and (comma := _DECIMAL_COMMA.fullmatch(text)):
        text = f"{comma[1]}.{comma[2]}"
    try:
        number = kind(text)
    except ValueError:
        raise InputError(message) from None
    if not math.isfinite(number):
        raise InputError(message)
    return number


_FORMATS: dict[str, tuple[Callable[[str], object], str]] = {
    "date": (datetime.date.fromisoformat, "Please enter a date"),
    "time": (datetime.time.fromisoformat, "Please enter a time"),
    "datetime-local": (datetime.datetime.fromisoformat, "Please enter a date and time"),
}


def _check_text(kind: str, text: str, attrs: dict[str, Any]) -> None:
    if "maxlength" in attrs and len(text) > int(attrs["maxlength"]):
        raise InputError(f"Please use at most {attrs['maxlength']} characters")
    if "minlength" in attrs and len(text) < int(attrs["minlength"]):
        raise InputError(f"Please use at least {attrs['minlength']} characters")
    if kind == "url":
        parts = urlsplit(text.strip())
        if not (parts.scheme and parts.netloc):
            raise InputError("Please enter a web address, like https://example.org")
    elif kind == "color" and not _COLOR.fullmatch(text):
        raise InputError("Please choose a colour")
    elif kind in _FORMATS:
        parse, message = _FORMATS[kind]
        try:
            parse(text)
        except ValueError:
            raise InputError(message) from None
