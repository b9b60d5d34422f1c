"""An element of the real page, found and read as a person finds and reads it: by role,
name and text, with the same names and roles the simulated page gives (elements.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desklaunch.testing.elements import NAMED_BY_TEXT, norm
from desklaunch.testing.errors import ActionError, asked, behind_popup, describe_query, only

if TYPE_CHECKING:
    from playwright.sync_api import Locator

TITLE_HEADING = "dl-title"
"""The id of the page's visually hidden first heading (index.html)."""
POPUP_OVER = (
    "(el) => { const d = document.querySelector('dialog[open]');"
    " if (!d || d.contains(el)) return null;"
    " const title = document.getElementById(d.getAttribute('aria-labelledby') || '');"
    " return (title ? title.textContent : d.getAttribute('aria-label')) || ''; }")
"""The name of the open popup that covers an element, or null."""
READ_TEXT = (
    "(el) => { const all = document.createElement('style');"
    " all.textContent = '* { content-visibility: visible !important; }';"
    " document.head.append(all); try { let text = el.innerText;"
    " for (const tr of [...(el.matches('tr') ? [el] : []), ...el.querySelectorAll('tr')]) {"
    "  const raw = tr.innerText.trim();"
    "  if (!raw.includes('\\n') || tr.querySelector('table')) continue;"
    "  text = text.replace(raw, [...tr.cells].map("
    "   (cell) => cell.innerText.split(/\\s+/).join(' ').trim()).join('\\t')); }"
    " return text; } finally { all.remove(); } }")
"""An element's text as the page lays it out, the parts out of view included: Chromium's
`innerText` leaves out what `content-visibility: auto` has not drawn (the lines of a long
console log above the view), which a person scrolls to. A table row is one line of its
cells, tab apart, as in process, also when a cell holds a paragraph or buttons (which
`innerText` puts on lines of their own), the row itself as the rows inside an element."""
CONTROL_NAME = ("el => el.getAttribute('aria-label') || (el.getAttribute('aria-labelledby')"
                 " || '').split(/\\s+/).map(id => document.getElementById(id)?.innerText ?? '')"
                 ".join(' ').trim() || (el.matches('img') && el.alt)"
                 " || [...(el.labels || [])].map(l => l.innerText).join(' ')"
                 " || (() => { const bare = el.cloneNode(true);"
                 " bare.querySelectorAll('[aria-hidden=true]').forEach(n => n.remove());"
                 " return el.matches('input, select, textarea') ? '' : bare.textContent; })()")
"""An element's name as a person reads it: a control's label, an image's text alternative,
else its text without the icons and marks that are only drawn (aria-hidden)."""
KIND = ("el => { if (el.matches('select')) return 'select';"
         " if (el.matches('input[type=range]')) return 'range';"
         " if (el.matches('input[type=checkbox], input[type=radio]')) return 'checkbox';"
         " if (el.matches('textarea, input:not([type=button], [type=submit], [type=file])'))"
         " return 'text'; if (el.matches('a[href]')) return 'link';"
         " if (el.matches('img')) return 'img';"
         " const role = el.getAttribute('role');"
         " return role === 'checkbox' || role === 'radio' ? 'checkbox'"
         " : role === 'progressbar' ? 'progressbar' : ''; }")
"""What an element holds: 'text', 'range', 'select', 'checkbox' (a box or round button),
'progressbar', 'link', 'img', or '' for nothing a test reads as a value."""
ROLE = (
    "el => { const role = (el.getAttribute('role') || '').split(/\\s+/)[0];"
    " if (role) return role; const tag = el.tagName.toLowerCase();"
    " if (tag === 'input') { const type = el.type;"
    " if (type === 'checkbox' || type === 'radio' || type === 'file') return type;"
    " if (type === 'range') return 'slider'; if (type === 'number') return 'spinbutton';"
    " if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';"
    " return el.hasAttribute('list') ? 'combobox' : type === 'search' ? 'searchbox' : 'textbox'; }"
    " if (tag === 'select') return el.multiple || el.size > 1 ? 'listbox' : 'combobox';"
    " if (tag === 'a') return el.hasAttribute('href') ? 'link' : 'generic';"
    " if (tag === 'img') return el.alt ? 'img' : 'presentation';"
    " if (/^h[1-6]$/.test(tag)) return 'heading';"
    " return ({textarea: 'textbox', button: 'button', p: 'paragraph', table: 'table',"
    " tr: 'row', td: 'cell', th: 'columnheader', ul: 'list', ol: 'list', li: 'listitem',"
    " dialog: 'dialog', progress: 'progressbar', main: 'main', nav: 'navigation',"
    " figure: 'figure', hr: 'separator', code: 'code', blockquote: 'blockquote',"
    " article: 'article', details: 'group', fieldset: 'group', output: 'status'})[tag]"
    " || 'generic'; }")
"""An element's ARIA role, as the simulated page names it: its `role`, else its tag's
(an input with suggestions, `list=`, is a combobox; a file field is 'file', as in process)."""
TEXT_NAME = f"el => el.getAttribute('aria-label') || ({READ_TEXT})(el)"
"""The name of an element of a role the kit names by its text (`NAMED_BY_TEXT`)."""
CHOSEN = ("el => el.multiple ? [...el.selectedOptions].map(o => o.label)"
           " : (el.selectedOptions[0]?.label ?? null)")
LOG_LINES = "el => [...el.querySelectorAll('.dl-line')].map(l => l.textContent).join('\\n')"
"""A console log's lines, each as printed (an empty one too, which `innerText` leaves out)."""


class BrowserElement:
    """An element of the real page found by role, name or text."""

    def __init__(self, locator: Locator, role: str | None, name: str | None,
                 settle: Callable[[], None] | None = None) -> None:
        self.locator = locator
        self._role = role
        self._name = name
        self._settle = settle
        """Waits for what a click set off, as `app.click` does (the screen's `settle`)."""

    def __repr__(self) -> str:
        return f"<{self.role} {self.name!r} in the browser>"

    @property
    def role(self) -> str:
        return self._role or str(self.locator.evaluate(ROLE))

    @property
    def name(self) -> str:
        if self._name is not None:
            return self._name
        if self.role in NAMED_BY_TEXT:
            return norm(str(self.locator.evaluate(TEXT_NAME)))
        named = " ".join(str(self.locator.evaluate(CONTROL_NAME)).split())
        return named or " ".join(self.text.split())

    @property
    def text(self) -> str:
        role = self.role
        if role in ("checkbox", "radio"):  # the words beside it, as in process
            return " ".join(str(self.locator.evaluate(CONTROL_NAME)).split())
        if role == "slider":  # the number shown with it
            return self.locator.input_value()
        if role == "log":  # a console's lines as printed: indents and blank lines kept
            text = str(self.locator.evaluate(LOG_LINES))
            return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
        text = str(self.locator.evaluate(READ_TEXT))
        return "\n".join(line.strip() for line in text.splitlines() if line.strip())

    @property
    def value(self) -> Any:
        kind = self.locator.evaluate(KIND)
        if kind == "select":
            return self.locator.evaluate(CHOSEN)
        if kind in ("text", "range", "progressbar"):
            text = self.locator.get_attribute("aria-valuenow") if kind == "progressbar" \
                else self.locator.input_value(timeout=100)
            if kind == "text":
                return text
            number = float(text or 0)
            return int(number) if number.is_integer() else number
        if kind in ("link", "img"):
            return self.locator.get_attribute("href" if kind == "link" else "src")
        return None  # a box says `checked`; buttons and the rest hold no value

    @property
    def checked(self) -> bool | None:
        if self.locator.evaluate(KIND) != "checkbox":
            return None
        return self.locator.is_checked()

    @property
    def disabled(self) -> bool:
        return self.locator.is_disabled()

    def click(self) -> None:
        from playwright.sync_api import Error

        try:
            if self.locator.is_disabled():
                raise ActionError(f"the {self.role} {self.name!r} is disabled")
            popup = self.locator.evaluate(POPUP_OVER)
            if popup is not None:
                raise ActionError(behind_popup(self.role, self.name, str(popup)))
            self.locator.click()
        except Error as exc:
            if "strict mode violation" not in str(exc):
                raise
            raise ActionError(
                f"the {self.role or 'element'} {self.name or ''!r} found earlier is no longer "
                "one thing on the screen (the page was redrawn and several now fit): find it "
                "again, or use find_all()") from None
        if self._settle is not None:
            self._settle()

    def find_all(self, role: str | None = None, name: str | None = None,
                 text: str | None = None) -> list[BrowserElement]:
        """The visible elements inside this one with that role, exact name and exact text."""
        asked("find_all", role, name, text)
        return [BrowserElement(item, role, name, self._settle)
                for item in shown(within(self.locator, role, name, text), role, name)]

    def find(self, role: str | None = None, name: str | None = None, *,
             text: str | None = None) -> BrowserElement:
        """The one visible element inside this one with that role, name and/or text, as
        `AppTest.find` finds it on the screen (what is inside is shown already: no wait)."""
        asked("find", role, name, text)
        return only(self.find_all(role, name, text), describe_query(role, name, text), self)


def by_name(items: Locator) -> dict[str, Locator]:
    """Round buttons or boxes by the name a person reads beside each."""
    return {" ".join(str(item.evaluate(CONTROL_NAME)).split()): item for item in items.all()}


def shown(found: Locator, role: str | None, name: str | None) -> list[Locator]:
    """The visible elements of `found`; of a role the kit names by text, those so named
    (`found` then has them all: Playwright's names leave out part of their text)."""
    if role not in NAMED_BY_TEXT or name is None:
        return [item for item in found.all() if item.is_visible()]
    names = found.evaluate_all(f"els => els.map(el => el.checkVisibility({{visibilityProperty:"
                               f" true}})"
                               f" ? ({TEXT_NAME})(el) : null)")
    return [found.nth(index) for index, named in enumerate(names)
            if named is not None and norm(str(named)) == norm(name)]


def within(scope: Locator, role: str | None, name: str | None, text: str | None
            ) -> Locator:
    """Elements inside `scope` by role (and name, unless the kit names the role), then by
    exact text; never the page's own title heading, there for screen readers only (the
    app's name when it shows no heading of its own), which `text` leaves out too."""
    if role is not None:
        any_role: Any = role
        found = scope.get_by_role(any_role, name=name, exact=True) \
            if name is not None and role not in NAMED_BY_TEXT else scope.get_by_role(any_role)
        if text is not None:
            found = found.filter(has_text=exactly(text))
    elif name is not None:
        found = scope.get_by_label(name, exact=True)
    else:
        found = scope.get_by_text(exactly(text or ""))
    return found.and_(scope.locator(f":not(#{TITLE_HEADING})"))


def exactly(text: str) -> re.Pattern[str]:
    """Matches `text` whole, however its whitespace is laid out."""
    words = [re.escape(word) for word in text.split()]
    return re.compile(r"^\s*" + r"\s+".join(words) + r"\s*$")

