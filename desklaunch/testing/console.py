"""Console mode on the simulated page: the output log, the input line and the status bar
(docs/protocol.md, "Console mode"; assets/js/console*.js). The argument form is consoleargs.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from desklaunch.testing.consoleargs import ArgsForm, Send, text_of
from desklaunch.testing.elements import Element

_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Z0-9]"
                      r"|\x1b[=>]")
_SILENT = re.compile(r"[\x00-\x07\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f]")
"""Control characters a terminal does not print (readline's \x01 and \x02 markers, a bell)."""
_MOVES = re.compile(r"(\n|\r|\x1b\[[0-9;]*[A-HJKf]|\x1b[c78]|\x1b\[[su]"
                    r"|\x1b\[\?(?:1049|1047|47)[hl])")
_ALT_SCREEN = re.compile(r"\x1b\[\?(?:1049|1047|47)([hl])")
_MOVE = re.compile(r"\x1b\[([0-9;]*)([A-HJKf])")
MAX_LINES = 10_000
MAX_ROWS = 100
SCREEN_ROWS, SCREEN_COLUMNS = 24, 80
"""The screen a program is told the console has (console/streams.py)."""
_URL = re.compile(r"\bhttps?://[^\s<>\"'`\\^{|}]+")
_URL_END = ".,;:!?*"
_BRACKETS = {")": "(", "]": "["}


def web_addresses(text: str) -> list[str]:
    """The web addresses in `text` that the log makes links, as console-lines.js `linkUrls`: the
    punctuation that ends one is the sentence's, a bracket it did not open too."""
    found = []
    for match in _URL.finditer(text) if "://" in text else ():
        url = match.group()
        while url and (url[-1] in _URL_END or (
                url[-1] in _BRACKETS and url.count(_BRACKETS[url[-1]]) < url.count(url[-1]))):
            url = url[:-1]
        if len(url) > url.index("://") + 3:
            found.append(url)
    return found


def _printable(part: str) -> str:
    """`part` as a terminal shows it: a backspace moves back over the character before it,
    which the next one overwrites (pydoc's bold is `N\bN`), as console-colours.js `printable`."""
    if "\b" not in part:
        return part
    cells: list[str] = []
    at = 0
    for char in part:
        if char == "\b":
            at = max(0, at - 1)
        elif at < len(cells):
            cells[at] = char
            at += 1
        else:
            cells.append(char)
            at += 1
    return "".join(cells)


def _flags(answer: list[Any]) -> dict[str, Any]:
    """An offered answer's flags: `[label, line, {"disabled":, "checked":}]`."""
    return answer[2] if len(answer) > 2 and isinstance(answer[2], dict) else {}


class AnswerBoxes:
    """A question's boxes (questionary's checkbox), named by the question, as on the page:
    the lines of the ticked ones fill the input `field`, joined with ", "."""

    def __init__(self, name: str, field: Element, offered: list[list[Any]]) -> None:
        self.field = field
        self.group = Element("group", name)
        self.group.owner = self
        self.boxes: list[Element] = []
        self._lines: list[str] = []
        for answer in offered:
            title = text_of(answer[0]) or answer[1]
            box = self.group.append(Element("checkbox", title, title, inline=False))
            box.checked = bool(_flags(answer).get("checked"))
            box.disabled = bool(_flags(answer).get("disabled"))
            box.owner = self
            self.boxes.append(box)
            self._lines.append(answer[1])

    def options(self) -> list[Element]:
        return self.boxes

    def changed(self) -> None:
        """A box was ticked or unticked: the field holds the ticked ones' lines."""
        self.field.value = ", ".join(line for box, line in zip(self.boxes, self._lines,
                                                                 strict=True) if box.checked)


class OfferingField(Element):
    """A console field with answers offered (a shell's commands, questionary's
    autocomplete): a list to choose from (a combobox) while it is empty, a text field once
    it holds text, as on the page (console-screen.js)."""

    @property
    def role(self) -> str:
        return "textbox" if getattr(self, "_value", None) else "combobox"

    @role.setter
    def role(self, role: str) -> None:
        """Set by `Element` as it is made; its role follows its text instead."""


class ConsoleView:
    """The console widget and what its commands do to it."""

    def __init__(self, send: Send) -> None:
        self.send = send
        self.lines: list[str] = []
        self._open: dict[str, bool] = {}  # stream → its last line is still open
        self._rewrite: dict[str, bool] = {}
        self._last: dict[str, int] = {}  # stream → index of its open line
        self._rows: dict[str, list[int]] = {}  # stream → its last MAX_ROWS lines' indexes
        self._column: dict[str, int] = {}  # stream → its cursor's column, once moved mid-line
        self._up_down: dict[str, int] = {}  # stream → the column an up or down move kept
        self._saved: dict[str, tuple[int, int]] = {}  # stream → (line, column) kept by ESC 7
        self._alt_mark: int | None = None  # the last line before the alternate screen
        self.element = Element("region", "Console")
        tools = self.element.append(Element("generic"))
        wrap = tools.append(Element("checkbox", "Wrap long lines", "Wrap long lines"))
        wrap.checked, wrap.owner = False, self  # a matter of layout: the program never hears
        self.log = self.element.append(Element("log", "Output"))
        self.input_host = self.element.append(Element("generic"))
        self.args_host = self.element.append(Element("generic"))
        self.status_host = self.element.append(Element("generic"))
        self.form = ArgsForm(self.args_host, send)
        self._runs: dict[int, int] = {}  # run → index of its command line
        self._sent: Element | None = None  # the answered field, open for typing ahead
        self._completes: tuple[str, Element] | None = None  # the question Tab completes in
        self._ahead = ""  # typed ahead, for the next text field
        self._images: dict[str, Element] = {}  # a figure's key → its picture
        self._run_images: list[str] = []  # the pictures the run being shown showed

    # -- output ----------------------------------------------------------------------------

    def write(self, chunks: Any) -> None:
        for chunk in chunks if isinstance(chunks, list) else ():
            if isinstance(chunk, list) and len(chunk) == 2 and isinstance(chunk[1], str):
                self._write("err" if chunk[0] in ("err", "in-err") else "out", chunk[1])
        del self.lines[:-MAX_LINES]
        self._show()

    def run(self, command: dict[str, Any]) -> None:
        """`console_run`: the run's command line starts a new line; sent again for the same
        run (the form was answered), it changes that line."""
        run, text = command.get("run"), text_of(command.get("command"))
        if not isinstance(run, int):
            return
        index = self._runs.get(run)
        if index is not None and index < len(self.lines):
            self.lines[index] = text
        else:
            self._open.clear()
            self._rows.clear()
            self._column.clear()
            self._up_down.clear()
            self._saved.clear()
            self._run_images.clear()
            self.lines.append(text)
            self._runs[run] = len(self.lines) - 1
        del self.lines[:-MAX_LINES]
        self._show()

    def _show(self) -> None:
        """The log reads the lines; each web address on them is a link (to the browser)."""
        self.log.own = "\n".join(self.lines)
        for old in [c for c in self.log.children if c.role == "link"]:
            old.detach()
        for url in web_addresses(self.log.own):
            link = self.log.append(Element("link", url, url, inline=True))
            link.value, link.on_click = url, lambda: None  # the system browser's, not the app's

    def image(self, command: dict[str, Any]) -> None:
        """`console_image`: a picture in the log (a figure); the same key replaces it."""
        key, alt, src = command.get("key"), text_of(command.get("alt")), command.get("src")
        if not isinstance(key, str) or not str(src).startswith("data:image/png;base64,"):
            return
        picture = self._images.get(key)
        if picture is None:
            picture = self._images[key] = self.log.append(Element("img", inline=True))
            self._run_images.append(key)
        picture.role, picture.name, picture.value = "img" if alt else "presentation", alt, src

    def _write(self, key: str, text: str) -> None:
        own = key
        for part in _MOVES.split(text.replace("\r\n", "\n")):
            key = self._breaking(own) if part == "\n" else own
            if part in ("\n", "\r"):
                self._up_down.pop(own, None)
            if part == "\n":
                if not self._open.get(key):
                    self._new_line(key, "")
                self._open[key] = False
                rows, last = self._rows.get(key, []), self._last.get(key)
                if rows and last != rows[-1] and last in rows:  # the cursor was moved up:
                    column = self._column.get(key)
                    self._to_row(key, rows[rows.index(last) + 1])  # down to the next line
                    if column is not None:  # drawing on a screen: from the line's start
                        self._rewrite[key], self._column[key] = False, 0
                else:
                    self._column.pop(key, None)
            elif part == "\r":
                if key in self._column:
                    self._column[key] = 0
                else:
                    self._rewrite[key] = True
            elif part in ("\x1b7", "\x1b[s"):  # the cursor's place; a new line's start if none
                if not self._open.get(key):
                    self._new_line(key, "")
                index = self._last[key]
                self._saved[key] = (index, self._column.get(
                    key, 0 if self._rewrite.get(key) else len(self.lines[index])))
            elif part in ("\x1b8", "\x1b[u") and key in self._saved:
                index, column = self._saved[key]
                if index < len(self.lines):
                    self._last[key], self._open[key], self._rewrite[key] = index, True, False
                    self._column[key] = column
            elif part == "\x1bc":
                self._clear_run()
            elif alt := _ALT_SCREEN.fullmatch(part):
                self._alt_screen(alt[1] == "h")
            elif move := _MOVE.fullmatch(part):
                params, code = move.group(1), move.group(2)
                if code in "Hf":
                    self._go_to(key, params)
                elif code == "J":
                    self._erase_screen(key, int(params.split(";")[0] or 0))
                else:
                    self._move(key, code, int(params.split(";")[0] or 0))
            elif part:
                back = len(part) - len(part.lstrip("\b"))  # a spinner's "\b/" and the like
                if back and self._open.get(key) and key not in self._column:
                    index = self._last[key]
                    self.lines[index] = self.lines[index][:-back]
                part = _printable(_SILENT.sub("", _ESCAPES.sub("", part[back:])))
                if not part and not self._open.get(key):
                    continue  # only colours: no line opened for them, as console-screen.js does
                if not self._open.get(key):
                    self._take_cleared(key)
                if key in self._up_down:  # moved up or down from that column: on from there
                    if not self._open.get(key):
                        self._new_line(key, "")
                    self._rewrite[key], self._column[key] = False, self._up_down.pop(key)
                if key in self._column and self._open.get(key):
                    self._overwrite(key, part)
                elif self._open.get(key) and self._last.get(key, -1) < len(self.lines):
                    index = self._last[key]
                    before = len(self.lines[index].rstrip())  # blanks show as nothing
                    if self._rewrite.get(key) and len(part) < before <= SCREEN_COLUMNS:
                        self._column[key] = 0  # the cells from the start, the rest kept
                        self._overwrite(key, part)
                    else:
                        self.lines[index] = part if self._rewrite.get(key) \
                            else self.lines[index] + part
                else:
                    self._new_line(key, part)
                self._rewrite[key] = False

    def _alt_screen(self, on: bool) -> None:
        """The alternate screen: what a program drew there goes when it switches back, as
        console-screen.js does (a terminal shows the screen it had again). It starts blank:
        its cursor moves reach only its own lines."""
        if on:
            if self._alt_mark is None:
                self._alt_mark = len(self.lines) - 1
                for state in (self._open, self._rows, self._column, self._up_down,
                              self._saved):
                    state.clear()
            return
        mark, self._alt_mark = self._alt_mark, None
        if mark is None or mark < 0:  # no line to keep to, or cleared since
            return
        self._remove_lines(set(range(mark + 1, len(self.lines))))
        for state in (self._open, self._rows, self._column, self._saved):
            state.clear()

    def _breaking(self, key: str) -> str:
        """The stream whose line a line break on `key` ends: its own, or, with none open, the
        other's open last line, where a terminal's one cursor is (as console-screen.js does)."""
        other = "err" if key == "out" else "out"
        if (self._open.get(key) or not self._open.get(other) or other in self._column
                or self._last.get(other) != len(self.lines) - 1):
            return key
        return other

    def _new_line(self, key: str, text: str) -> None:
        self.lines.append(text)
        self._last[key] = len(self.lines) - 1
        self._open[key] = True
        rows = self._rows.setdefault(key, [])
        rows.append(len(self.lines) - 1)
        del rows[:-MAX_ROWS]

    def _take_cleared(self, key: str) -> None:
        """Text on `key`, the other stream's last line blanked and returned to: it goes on
        that line, as console-screen.js does (one cursor for both streams, as in a terminal)."""
        other = "err" if key == "out" else "out"
        theirs, index = self._rows.get(other, []), self._last.get(other)
        if (not self._open.get(other) or not self._rewrite.get(other) or not theirs
                or theirs[-1] != index or index >= len(self.lines) or self.lines[index].strip()):
            return
        theirs.pop()
        self._open[other] = False
        rows = self._rows.setdefault(key, [])
        rows.append(index)
        del rows[:-MAX_ROWS]
        self._to_row(key, index)

    def _to_row(self, key: str, index: int) -> None:
        """Put `key`'s cursor on line `index`, whose text the next write replaces."""
        self._last[key] = index
        self._open[key] = True
        self._rewrite[key] = True
        self._column.pop(key, None)

    def _overwrite(self, key: str, text: str) -> None:
        """Text over the line's characters from the cursor's column on; past the screen's
        last column, on from the next row's start, as console-screen.js (and a terminal) wrap."""
        while True:
            index, column = self._last[key], self._column[key]
            fits = max(0, SCREEN_COLUMNS - column)
            line = self.lines[index].ljust(column)
            self.lines[index] = line[:column] + text[:fits] + line[column + len(text[:fits]):]
            self._column[key] = column + len(text[:fits])
            if len(text) <= fits:
                return
            text = text[fits:]
            self._write(key, "\n")
            if not self._open.get(key):
                self._new_line(key, "")
            self._column[key], self._rewrite[key] = 0, False

    def _go_to(self, key: str, params: str) -> None:
        """`ESC[row;colH`: the cursor to a cell of the screen, the run's last 24 lines of
        `key` (blank lines added below as needed), writing over what is there."""
        row, column = ([max(1, int(n or 1)) for n in params.split(";")] + [1, 1])[:2]
        if not self._open.get(key):  # after a line break: the new line, a terminal's last row
            self._new_line(key, "")
        rows = [index for index in self._rows.get(key, []) if index < len(self.lines)]
        target = max(0, len(rows) - SCREEN_ROWS) + min(row, SCREEN_ROWS) - 1
        while len(rows) <= target:
            self._new_line(key, "")
            rows.append(len(self.lines) - 1)
        self._last[key], self._open[key], self._rewrite[key] = rows[target], True, False
        self._column[key] = column - 1

    def _erase_screen(self, key: str, mode: int) -> None:
        """`ESC[J`: from the cursor on (0), or the whole screen (2, 3), as console-screen.js."""
        if mode in (2, 3):
            self._clear_run()
            return
        rows = [index for index in self._rows.get(key, []) if index < len(self.lines)]
        index = self._last.get(key)
        if mode != 0 or not self._open.get(key) or index not in rows:
            return
        column = self._column.get(key, 0 if self._rewrite.get(key) else len(self.lines[index]))
        self.lines[index] = self.lines[index][:column]
        self._remove_lines(set(rows[rows.index(index) + 1:]))

    def _clear_run(self) -> None:
        """The run's output taken off the log (a program clearing its terminal); on the
        alternate screen only its own lines, as console-screen.js does."""
        mark = self._alt_mark
        alt = mark is not None and mark >= 0
        start = mark if mark is not None and mark >= 0 else max(self._runs.values(), default=-1)
        self._remove_lines(set(range(start + 1, len(self.lines))))
        for key in [] if alt else self._run_images:
            if (picture := self._images.pop(key, None)) is not None:
                picture.detach()
        if not alt:
            self._run_images.clear()
        self._open.clear()
        self._rows.clear()
        self._column.clear()
        self._up_down.clear()
        self._saved.clear()

    def _remove_lines(self, indexes: set[int]) -> None:
        """Take lines out, keeping every index held elsewhere pointing at its line."""
        if not indexes:
            return
        self._saved.clear()
        kept = [i for i in range(len(self.lines)) if i not in indexes]
        moved = {old: new for new, old in enumerate(kept)}
        self.lines = [self.lines[i] for i in kept]
        self._runs = {run: moved[i] for run, i in self._runs.items() if i in moved}
        self._rows = {key: [moved[i] for i in rows if i in moved]
                      for key, rows in self._rows.items()}
        if self._alt_mark is not None and self._alt_mark >= 0:
            self._alt_mark = moved.get(self._alt_mark, -2)  # gone: nothing to go back to
        for key, index in list(self._last.items()):
            if index in moved:
                self._last[key] = moved[index]
            else:
                del self._last[key]
                self._open[key] = False

    def _move(self, key: str, code: str, count: int) -> None:
        """A cursor move or erase (`ESC[nA` …), as console-screen.js does it."""
        rows = [row for row in self._rows.get(key, []) if row < len(self.lines)]
        is_open = bool(self._open.get(key)) and self._last.get(key) in rows
        at = rows.index(self._last[key]) if is_open else len(rows)
        column = self._column.get(key, self._up_down.get(key, 0 if self._rewrite.get(key)
                                                         else len(self.lines[self._last[key]]))
                                  ) if is_open else self._up_down.get(key, 0)
        self._up_down.pop(key, None)

        def keep_column() -> None:  # up and down (A, B): for the next text, unless "\r"
            if column > 0 and code in "AB":
                self._up_down[key] = column

        if code in "AF" and rows:
            target = rows[max(0, at - max(1, count))]
            if not is_open or target != self._last[key]:
                self._to_row(key, target)
                keep_column()
        elif code in "BE" and is_open and at + max(1, count) < len(rows):
            self._to_row(key, rows[at + max(1, count)])
            keep_column()
        elif code in "BE" and is_open:  # below the last line: where its line break would go
            self._last[key], self._open[key], self._rewrite[key] = rows[-1], False, False
            self._column.pop(key, None)
            keep_column()
        elif code in "CD" and (is_open or code == "C"):  # a spinner's `ESC[1D` and the like
            if not is_open:
                self._new_line(key, "")
            index = self._last[key]
            start = self._column.get(key, 0 if self._rewrite.get(key) else len(self.lines[index]))
            self._rewrite[key] = False
            by = max(1, count)
            self._column[key] = start + by if code == "C" else max(0, start - by)
        elif code == "G" and is_open and (key in self._column or count > 1):
            self._column[key] = max(0, count - 1)
        elif code == "G" and is_open:
            self._rewrite[key] = True
        elif code == "K" and is_open and key in self._column:
            index, column = self._last[key], self._column[key]
            line = self.lines[index]
            self.lines[index] = {0: line[:column], 1: " " * (column + 1) + line[column + 1:]}.get(
                count, "")
        elif code == "K" and is_open:
            index = self._last[key]
            column = 0 if self._rewrite.get(key) else len(self.lines[index])
            if count == 0 and column:
                return
            self.lines[index] = " " * (0 if count == 0 else column)
            self._rewrite[key] = False

    # -- the input line and the status bar ---------------------------------------------------

    def ask(self, command: dict[str, Any]) -> None:
        key = command.get("id")
        if not isinstance(key, str):  # between two reads an answered field stays open
            if self._sent is None:
                self.input_host.clear()
            return
        self._ahead += self._typed_ahead()
        self.input_host.clear()
        prompt = text_of(command.get("prompt")) or "Input"
        line = self.input_host.append(Element("generic"))
        line.append(Element("generic", own=prompt))
        field = line.append(OfferingField("combobox", prompt) if command.get("suggestions")
                            else Element("textbox", prompt))
        field.value = ""
        prefilled: str | None = None  # the program's, not typed: End input does not send it
        lines_ahead: str | None = None  # whole lines typed ahead: this question's answer
        if command.get("password") and command.get("flush") is not False:  # getpass's
            self._ahead = self._ahead[self._ahead.rfind("\n") + 1:]
        cut = self._ahead.rfind("\n")
        if cut >= 0:
            lines_ahead = self._ahead[:cut]
        field.value, self._ahead = self._ahead[cut + 1:], ""
        if not field.value and lines_ahead is None and isinstance(command.get("value"), str) \
                and not command.get("password"):
            field.value = prefilled = command["value"]  # a default, a choice already made
        field.owner = self
        self._completes = (key, field) if command.get("complete") and \
            not command.get("password") else None
        enter = Element("button", "Enter", "Enter")  # after the offered answers, as on the page
        end = Element("button", "End input", "End input")

        controls = [enter, end]

        def done(event: dict[str, Any]) -> None:
            # As on the page: the field stays open for what is typed before the next question.
            for control in controls:
                control.disabled = True
            field.value = ""  # a password's too: the field stays open, plain and empty
            self._sent = field
            self.send(event)

        enter.on_click = lambda: done({"type": "submit", "id": key, "value": field.value})
        end.on_click = lambda: done(
            {"type": "cancel", "id": key, "value": field.value}
            if field.value and field.value != prefilled and not command.get("password")
            else {"type": "cancel", "id": key})
        offered = [a for a in command.get("answers") or []
                   if isinstance(a, list) and len(a) >= 2 and isinstance(a[1], str)]
        if command.get("many"):  # questionary's checkbox: ticks fill the field
            boxes = AnswerBoxes(prompt, field, offered)
            line.append(boxes.group)
            controls.extend(boxes.boxes)
        for answer in [] if command.get("many") else offered:  # click.confirm's Yes, No, ...
            name = text_of(answer[0]) or answer[1]
            button = line.append(Element("button", name, name))
            button.disabled = bool(_flags(answer).get("disabled"))
            controls.append(button)
            button.on_click = (lambda text=answer[1]:
                               done({"type": "submit", "id": key, "value": text}))
        line.append(enter)
        line.append(end)
        line.owner = enter
        if lines_ahead is not None:
            rest, field.value = field.value, lines_ahead
            enter.click()
            field.value = rest  # for the question after

    def completes(self, field: Element) -> bool:
        """Whether Tab in `field` asks the program's completer (console-input.js)."""
        return self._completes is not None and self._completes[1] is field \
            and field is not self._sent and bool((field.value or "").strip())

    def tab(self, field: Element) -> None:
        """Tab at the end of the line in `field`, as console-input.js sends it."""
        if self._completes is not None and self.completes(field):
            line = field.value or ""
            self.send({"type": "complete", "id": self._completes[0],
                       "value": {"line": line, "cursor": len(line)}})

    def completed(self, command: dict[str, Any]) -> None:
        """Tab's answer: the completed line in the field, or the matches listed under it."""
        if self._completes is None or command.get("id") != self._completes[0]:
            return
        field = self._completes[1]
        line, was = command.get("line"), command.get("from")
        if field.value != was or not isinstance(line, str) or field.parent is None:
            return
        for shown in field.parent.find_all("paragraph"):
            shown.detach()
        if line != was:
            field.value = line
            return
        matches = [text_of(match) for match in command.get("matches") or []]
        listed = "  ".join(matches[:200]) + ("  …" if command.get("more") or
                                              len(matches) > 200 else "")
        field.parent.append(Element("paragraph", own=listed or "No completions"))

    def enter(self, field: Element) -> None:
        """Enter in the input line, as console-input.js takes it: the line is sent, or, pressed
        before the program asks again, kept for its next question."""
        line = field.parent
        enter = line.owner if line is not None else None
        if not isinstance(enter, Element):
            return
        if enter.disabled and field is self._sent:
            self._ahead += f"{field.value or ''}\n"
            field.value = ""
            return
        enter.click()

    def paste(self, field: Element, text: str) -> None:
        """Lines pasted into the input line, as console-input.js takes them: the whole lines are
        entered at once, the last part waits in the field; before the program asks, all of
        it waits for the question."""
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        line = field.parent
        enter = line.owner if line is not None else None
        if not isinstance(enter, Element) or enter.disabled:
            self._ahead += text
            field.value = ""
            return
        cut = text.rfind("\n")
        field.value = text[:cut]
        enter.click()
        field.value = text[cut + 1:]

    def _forget_typed_ahead(self) -> None:
        """As console-input.js's forgetTypedAhead: what was typed and not yet read goes."""
        self._ahead = ""
        if self._sent is not None:
            self._sent.value = ""

    def _typed_ahead(self) -> str:
        sent, self._sent = self._sent, None
        return str(sent.value or "") if sent is not None else ""

    def status(self, command: dict[str, Any]) -> None:
        self.status_host.clear()
        state = command.get("state")
        if state == "ended":  # nothing reads any more, nor will the next run what was typed
            self._forget_typed_ahead()
            self.input_host.clear()
            self._sent = None
        if state == "running" and isinstance(command.get("stop"), str):
            note = command.get("note")
            self.status_host.append(Element("text", own=note if isinstance(note, str)
                                            else "Running\u2026"))
            action = command.get("action")
            if isinstance(action, list) and len(action) == 2 and isinstance(action[1], str):
                label = text_of(action[0])
                offered = self.status_host.append(Element("button", label, label))
                offered.on_click = self._clicker(action[1])
            stop = self.status_host.append(Element("button", "Stop", "Stop"))
            clicked = self._clicker(command["stop"])

            def stop_run() -> None:  # Ctrl+C throws away what was typed ahead
                self._forget_typed_ahead()
                clicked()
            stop.on_click = stop_run
        elif state == "ended":
            self.status_host.append(Element("text", own=text_of(command.get("text"))))
            if isinstance(command.get("again"), str):
                again = self.status_host.append(
                    Element("button", "Run again", "Run again"))
                again.on_click = self._clicker(command["again"], again)

    def _clicker(self, key: str, button: Element | None = None) -> Callable[[], None]:
        def click() -> None:
            if button is not None:
                button.disabled = True
            self.send({"type": "click", "id": key, "value": 0})
        return click
