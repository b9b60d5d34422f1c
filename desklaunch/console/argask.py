"""Asking the person for a program's arguments, in the form made from its parser.

`ArgsAsker.ask(parser)` is what argcatch.py calls when the program parses its command line,
`ask_click(command, prog)` what clickhook.py calls for a click command or typer app, and
`ask_form(form)` what the runner calls with the "Arguments" line (argline.py). Each shows
the form (argform.py, clickform.py, argline.py) filled with the values used last time,
opens the window's file and folder choosers for the fields that have a Browse… button,
refuses an answer with the parser's own message until it is accepted, remembers it, and
returns its words.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from desklaunch.console.argform import ArgForm
from desklaunch.core.session import Session

log = logging.getLogger(__name__)

SETTINGS_SECTION = "console-arguments"


class Form(Protocol):
    """What a form of the arguments offers: argform.py's, clickform.py's, argline.py's."""

    fields: Any
    secrets: frozenset[str]
    """Words of the last accepted answer that were typed hidden (a password): never echoed."""

    def wire(self, remembered: dict[str, Any] | None = None) -> dict[str, Any]: ...

    def build_argv(self, answer: Any) -> tuple[list[str], dict[str, str], dict[str, Any]]: ...


class ArgsAsker:
    """The arguments form of one console session; `remembered` loads and `keep` stores
    the values to start from (the app's settings, or memory alone)."""

    def __init__(self, session: Session, *, remembered: Callable[[], dict[str, Any]],
                 keep: Callable[[dict[str, Any]], None],
                 status: Callable[[dict[str, Any]], None], program: str | None = None) -> None:
        self._session = session
        self._program = program
        """How the person names the program (`python -m tool`, a built app's name), for a
        form argparse would title with the script's file name."""
        self._remembered = remembered
        self._keep = keep
        self._status = status
        self.secrets: frozenset[str] = frozenset()
        """The hidden words of the last form answered (`Form.secrets`), for the run's echo."""
        self.asked = False
        """Whether a parser's or command's form was shown (then Run again shows it again;
        otherwise a program that read its arguments gets the "Arguments" line)."""

    def ask(self, parser: argparse.ArgumentParser, *, leftovers: bool = False) -> list[str]:
        """Show the form for `parser` and wait for words it accepts; with `leftovers`, the
        form also takes words the parser does not know (`parse_known_args`)."""
        self.asked = True
        form = ArgForm(parser, choosers=self._session.native is not None, leftovers=leftovers)
        if self._program is not None and form.title == os.path.basename(sys.argv[0]):
            form.title = self._program  # not argparse's `__main__.py`
        return [] if _asks_nothing(form) else self.ask_form(form)

    def ask_click(self, command: Any, prog: str) -> list[str] | None:
        """Show the form for a click command or typer app; None (go on with the words as
        they are) for a command unlike any click this knows."""
        from desklaunch.console.clickform import ClickForm  # only click programs

        try:
            form = ClickForm(command, prog, choosers=self._session.native is not None)
        except Exception:  # a command unlike any click we know
            log.warning("no form for this click command", exc_info=True)
            return None  # it runs as it is; the Arguments line comes after
        self.asked = True
        return [] if _asks_nothing(form) else self.ask_form(form)

    def ask_form(self, form: Form, status: dict[str, Any] | None = None) -> list[str]:
        """Show `form` (with `status` in the status bar, "form" by default) and wait for
        words it accepts."""
        session = self._session
        key = session.new_id("f")
        box = session.open_mailbox(key)
        wire = form.wire(self._remembered())
        self._status(status or {"state": "form"})
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
                self.secrets = form.secrets
                return argv
        finally:
            session.drop_mailbox(key)
            if not session.closed:
                session.send({"cmd": "console_args", "id": None, "coalesce": "console-args"})

    def _choose(self, form_id: str, form: Form, value: Any) -> None:
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


def _chooser(arg: Any, part: Any) -> str:
    if isinstance(part, int) and not isinstance(part, bool):
        parts = arg.wire.get("part_choosers") or []
        return str(parts[part]) if 0 <= part < len(parts) else ""
    return str(arg.wire.get("chooser") or "")


def _asks_nothing(form: Any) -> bool:
    """Whether `form` has nothing to fill in: a parser with no arguments but `--help`
    (`--version`), a click command with no parameters. Such a program runs at once, as a
    terminal runs it with no words; Run again runs it again."""
    return not form.fields and not form.root.commands and not getattr(form, "choices", None)
