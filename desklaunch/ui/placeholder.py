"""`output()`: a placeholder to put anywhere an output goes, and to change afterwards.

PyWebIO's older way to update part of a page (`put_scope` and `use_scope` are the newer):

    hobby = output("Coding")
    put_table([["Name", "Hobbies"], ["Wang", hobby]])
    hobby.reset("Movie")                      # now shows Movie
    hobby.append("Music", put_text("Drama"))  # Movie, Music, Drama
    hobby.insert(0, put_markdown("**Coding**"))

Unlike a `put_*` call, `output()` shows nothing until it is placed in a container.
"""

from __future__ import annotations

from typing import Any

from desklaunch.core.session import current_session
from desklaunch.ui.outputs import Output, as_widgets, put_text, send_output
from desklaunch.ui.scope_stack import current_scope
from desklaunch.ui.scopes import clear, known_scopes


class OutputHandle(Output):
    """What `output()` returns: an Output whose content can be reset, added to, inserted into."""

    def reset(self, *contents: Any) -> None:
        """Replace what it shows with `contents` (outputs or text)."""
        clear(self.scope)
        self.append(*contents)

    def append(self, *contents: Any) -> None:
        """Add `contents` after what it shows."""
        for content in contents:
            _place(content, self.scope, -1)

    def insert(self, idx: int, *contents: Any) -> None:
        """Insert `contents` before item `idx` (from 0), or after item `idx` when negative."""
        direction = 1 if idx >= 0 else -1
        for offset, content in enumerate(contents):
            _place(content, self.scope, idx + direction * offset)

    @property
    def scope(self) -> str:
        assert self.inner is not None
        return self.inner


def output(*contents: Any) -> OutputHandle:
    """A placeholder holding `contents`, to pass where an output goes and change later.

        status = output("Idle"); put_row([put_text("Status:"), status]); status.reset("Busy")
    """
    session = current_session()
    name = session.new_id("output-")
    known_scopes(session)[name] = current_scope()
    widget = {"type": "scope", "name": name, "children": as_widgets(list(contents))}
    return OutputHandle(widget, inner=name)


def _place(content: Any, scope: str, position: int) -> None:
    if not isinstance(content, Output):
        put_text(content, scope=scope, position=position)
    elif content.oid is None:
        send_output(content.widget, scope, position)
    else:
        # Shown once already (at the end of the current scope): sent again here, the page
        # moves it, as an output shows once, where it was put last.
        current_session().send({"cmd": "output", "scope": scope, "position": position,
                                "widget": content.widget})
