"""Asking the person for a program's arguments, in the form made from its parser.

`ArgsAsker.ask(parser)` is what argcatch.py calls when the program parses its command line:
it shows the form (argform.py) filled with the values used last time, opens the window's
file and folder choosers for the fields that have a Browse… button, refuses an answer with
argparse's own message until the parser accepts it, remembers it, and returns its words.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desklaunch.console.argform import ArgField, ArgForm
from desklaunch.core.session import Session

log = logging.getLogger(__name__)

SETTINGS_SECTION = "console-arguments"


class ArgsAsker:
    """The arguments form of one console session; `remembered` loads and `keep` stores
    the values to start from (the app's settings, or memory alone)."""

    def __init__(self, session: Session, *, remembered: Callable[[], dict[str, Any]],
                 keep: Callable[[dict[str, Any]], None],
                 status: Callable[[dict[str, Any]], None]) -> None:
        self._session = session
        self._remembered = remembered
        self._keep = keep
        self._status = status
        self.asked = False
        """Whether a form was shown (then Run again shows it again)."""

    def ask(self, parser: argparse.ArgumentParser) -> list[str]:
        """Show the form for `parser` and wait for words it accepts."""
        session = self._session
        self.asked = True
        form = ArgForm(parser, choosers=session.native is not None)
        key = session.new_id("f")
        box = session.open_mailbox(key)
        wire = form.wire(self._remembered())
        self._status({"state": "form"})
        try:
            session.send({"cmd": "console_args", "id": key, "form": wire, "errors": {},
                          "coalesce": "console-args"})
            while True:
                event = box.get()
                if event["type"] == "file_choose":
                    self._choose(key, form, event.get("value"))
                    continue
                if event["type"] != "submit":
                    continue
                argv, errors, memory = form.build_argv(event.get("value"))
                if errors:
                    session.send({"cmd": "console_args", "id": key, "form": wire,
                                  "errors": errors, "coalesce": "console-args"})
                    continue
                self._keep(memory)
                return argv
        finally:
            session.drop_mailbox(key)
            if not session.closed:
                session.send({"cmd": "console_args", "id": None, "coalesce": "console-args"})

    def _choose(self, form_id: str, form: ArgForm, value: Any) -> None:
        """Open the chooser a Browse… button asks for; send the path(s) back to its field."""
        raw = value if isinstance(value, dict) else {"key": value}
        key = raw.get("key")
        arg = form.fields.get(key) if isinstance(key, str) else None
        part = raw.get("part")
        native = self._session.native
        if arg is None or native is None:
            return
        chooser = _chooser(arg, part)
        if not chooser:
            return
        try:
            if chooser == "folder":
                choose_folder = getattr(native, "choose_folder", None)
                folder = choose_folder() if choose_folder is not None else None
                paths = [] if folder is None else [folder]
            elif chooser == "save":
                current = arg.wire["value"] if isinstance(arg.wire["value"], str) else ""
                chosen = native.save_file(Path(current if current not in ("", "-")
                                               else "output").name)
                paths = [] if chosen is None else [chosen]
            else:
                paths = native.open_files(multiple=arg.kind == "list") or []
        except Exception as exc:  # noqa: BLE001 - a dialog that fails leaves the field as is
            log.warning("the chooser failed: %s", exc)
            return
        if paths:
            self._session.send({"cmd": "console_args_fill", "id": form_id, "key": arg.key,
                                "part": part if isinstance(part, int) else None,
                                "value": paths})


def _chooser(arg: ArgField, part: Any) -> str:
    if isinstance(part, int) and not isinstance(part, bool):
        parts = arg.wire.get("part_choosers") or []
        return str(parts[part]) if 0 <= part < len(parts) else ""
    return str(arg.wire.get("chooser") or "")
