"""What the kit's simulated page shows: a tree of elements with roles, names and text.

Each element stands for what a person (or a screen reader) meets on the real page: a
`button` named by its text, a `textbox` named by its label, a `heading`, a `paragraph`...
The roles are the page's own ARIA roles (docs/protocol.md), so a test that finds things by
role and name here finds the same things in a real browser. No CSS class or element id of
the page ever appears: a redesign of the page does not break a test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from desklaunch.testing.errors import ActionError, asked, behind_popup, describe_query, only

FIELD_ROLES = frozenset({"textbox", "spinbutton", "combobox", "listbox", "checkbox", "radio",
                         "slider", "file"})
"""Roles of the controls a label names (what `fill`, `choose`, `check` and `upload` act on)."""
NAMED_BY_TEXT = frozenset({"row", "cell", "gridcell", "columnheader", "alert", "status"})
"""Roles the kit names by their text (runs of white space as one space), unless labelled:
a row is its cells' text a space apart ("Jul edit delete"), an alert its message. Browsers
leave some of it out (a cell's buttons, an alert's text), so the kit names them itself,
the same way in process and in Chromium."""


class Element:
    """One thing on the simulated page.

    `role` is its ARIA role ("button", "textbox", "heading", "paragraph", "group", ...;
    "generic" for a plain container, "text" for a run of inline text); `name` is its
    accessible name (a button's text, a field's label, a dialog's title); `text` is what
    it reads, children included. Controls also have a `value`, `checked` or `selected`.
    """

    def __init__(self, role: str = "generic", name: str = "", own: str = "", *,
                 inline: bool = False, children: list[Element] | None = None) -> None:
        self.role = role
        self._name = name
        self.own = own
        """Text this element shows itself (before its children)."""
        self.inline = inline
        self.children: list[Element] = []
        self.parent: Element | None = None
        self.hidden = False
        self.disabled = False
        self._value: Any = None
        self.checked: bool | None = None
        self.selected: bool | None = None
        self.oid: str | None = None
        self.scope: str | None = None
        """The scope name whose outputs go in here (`put_scope`, a container's inner area)."""
        self.on_click: Callable[[], None] | None = None
        self.owner: Any = None
        """What acts for this element (a field's model, a form) — the kit's own business."""
        self.covered_by: Callable[[], str | None] | None = None
        """Asked before a click: the name of the open popup that covers this element, if one
        does (set by the simulated page for what a test finds)."""
        for child in children or ():
            self.append(child)

    @property
    def name(self) -> str:
        """Its accessible name: a label, or for the roles named by text, what it reads."""
        if not self._name and self.role in NAMED_BY_TEXT:
            return norm(self.text)
        return self._name

    @name.setter
    def name(self, name: str) -> None:
        self._name = name

    @property
    def value(self) -> Any:
        """A text field's text, a slider's number; a list's chosen option (its text), or
        for a multiple choice list, the chosen options; None for what holds no value."""
        if self.role in ("combobox", "listbox"):
            chosen = [c.name for c in self.children if c.role == "option" and c.selected]
            if self.role == "listbox":
                return chosen
            return chosen[0] if chosen else self._value
        return self._value

    @value.setter
    def value(self, value: Any) -> None:
        self._value = value

    def __repr__(self) -> str:
        label = f" {self.name!r}" if self.name else ""
        text = self.text
        shown = f": {text[:40]!r}" if text and text != self.name else ""
        return f"<{self.role}{label}{shown}>"

    # -- the tree --------------------------------------------------------------------------

    def append(self, child: Element) -> Element:
        return self.insert(len(self.children), child)

    def insert(self, index: int, child: Element) -> Element:
        child.detach()
        child.parent = self
        self.children.insert(index, child)
        return child

    def detach(self) -> None:
        if self.parent is not None:
            self.parent.children.remove(self)
            self.parent = None

    def clear(self) -> None:
        for child in self.children:
            child.parent = None
        self.children.clear()

    def walk(self, *, visible: bool = True) -> Iterator[Element]:
        """This element and everything inside it, in document order (hidden parts left out)."""
        if visible and self.hidden:
            return
        stack = [self]
        while stack:
            element = stack.pop()
            yield element
            stack.extend(c for c in reversed(element.children) if not (visible and c.hidden))

    @property
    def shown(self) -> bool:
        """Whether it is on the page and not inside anything hidden."""
        element: Element | None = self
        while element is not None:
            if element.hidden:
                return False
            if element.parent is None:
                return element.role == "document"
            element = element.parent
        return False

    # -- reading ---------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """What it reads, as lines: block elements start a line, inline ones continue it."""
        if self.role == "log":  # a console's lines, laid out as printed: indents are kept
            return "\n".join(line.rstrip() for line in self.own.split("\n")).strip("\n")
        lines: list[str] = []
        self._read(lines)
        return "\n".join(line.strip() for line in "".join(lines).split("\n") if line.strip())

    def _read(self, out: list[str]) -> None:
        if self.hidden:
            return
        if self.role == "log":  # its lines, whose links and pictures are in them already
            out.append(f"\n{self.text}\n")
            return
        if self.role == "row":  # a table row reads as one line of cells, tab apart
            cells = [" ".join(c.text.split()) for c in self.children
                     if not c.hidden and c.role in ("cell", "gridcell", "columnheader")]
            out.append("\n" + "\t".join(cells) + "\n")
            return
        if not self.inline:
            out.append("\n")
        if self.own:
            out.append(self.own)
        for child in self.children:
            child._read(out)
        if not self.inline:
            out.append("\n")

    def matches(self, role: str | None, name: str | None, text: str | None) -> bool:
        if role is not None and self.role != role:
            return False
        if name is not None and norm(self.name) != norm(name):
            return False
        return text is None or norm(self.text) == norm(text)

    def find_all(self, role: str | None = None, name: str | None = None,
                 text: str | None = None) -> list[Element]:
        """The visible elements inside this one with that role, exact name and exact text.
        By text alone, the innermost element reading it, not the ones wrapped around it (as
        a browser's text search finds it)."""
        asked("find_all", role, name, text)
        found = [e for e in self.walk() if e is not self and e.matches(role, name, text)]
        if role is None and name is None and text is not None and len(found) > 1:
            inner = set(map(id, found))
            found = [e for e in found if not any(id(d) in inner for d in e.walk() if d is not e)]
        return found

    def find(self, role: str | None = None, name: str | None = None, *,
             text: str | None = None) -> Element:
        """The one visible element inside this one with that role, name and/or text, as
        `AppTest.find` finds it on the screen (what is inside is shown already: no wait)."""
        asked("find", role, name, text)
        return only(self.find_all(role, name, text), describe_query(role, name, text), self)

    def click(self) -> None:
        """Press it, as a person clicks it (a button, a tab, a clickable output)."""
        if self.on_click is None:
            raise ActionError(f"{self!r} cannot be clicked")
        if not self.shown:  # a person cannot press what a redraw took away
            raise ActionError(f"the {self.role} {self.name!r} found earlier is no longer on "
                              "the screen (the page was redrawn): find it again")
        if self.disabled:
            raise ActionError(f"the {self.role} {self.name!r} is disabled")
        popup = self.covered_by() if self.covered_by is not None else None
        if popup is not None:
            raise ActionError(behind_popup(self.role, self.name, popup))
        self.on_click()


def marked(label: str, required: Any) -> str:
    """A field's label as the page shows it: a required one with its `*` beside it."""
    return f"{label} *" if required else label


def norm(text: str) -> str:
    """Whitespace as a reader sees it: runs of it count as one space, none at the ends."""
    return " ".join(text.split())
