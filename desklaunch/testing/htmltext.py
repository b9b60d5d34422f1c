"""Trusted HTML (`put_html`, Markdown rendered by the app) read as elements with roles.

Only what a reader meets matters here: headings, paragraphs, links, lists, tables, images
(by their alt text), code; everything else is a plain container. Scripts and styles are
never shown, as in the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

from desklaunch.testing.elements import Element, norm

_ROLES = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading", "p": "paragraph", "ul": "list", "ol": "list", "li": "listitem",
    "table": "table", "tr": "row", "th": "columnheader", "td": "cell", "blockquote":
    "blockquote", "hr": "separator", "code": "code", "button": "button", "strong": "strong",
    "em": "emphasis", "nav": "navigation", "section": "region", "article": "article",
}
_INLINE = frozenset({"a", "span", "strong", "b", "em", "i", "u", "s", "code", "small", "sub",
                     "sup", "mark", "abbr", "kbd", "img", "label", "time", "q", "del", "ins",
                     "br", "button"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "area",
                   "col", "embed", "param", "track"})
_NAMED_BY_TEXT = frozenset({"heading", "link", "button", "columnheader", "cell", "row"})
_SKIPPED = frozenset({"script", "style", "template", "head", "title"})
_SPACES = re.compile(r"\s+")


class _Reader(HTMLParser):
    def __init__(self, root: Element, slot: Callable[[int], Element | None] | None) -> None:
        super().__init__(convert_charrefs=True)
        self.slot = slot
        self.stack: list[tuple[str, Element]] = [("", root)]
        self.shut: dict[int, Element] = {}
        """Each closed `<details>` (by id) and its `<summary>`: the rest of it is hidden."""
        self.skipping = 0
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
            return
        if self.skipping:
            return
        values = {k: v or "" for k, v in attrs}
        if self.slot is not None and values.get("data-dl-slot", "").isdigit():
            placed = self.slot(int(values["data-dl-slot"]))
            if placed is not None:
                self.stack[-1][1].append(placed)
        role = _ROLES.get(tag, "generic")
        if tag == "a" and "href" in values:
            role = "link"  # its address is its value, as in the browser
        if values.get("role"):
            role = values["role"]
        element = Element(role, inline=tag in _INLINE)
        if role == "link":
            element.value = values["href"]
        if "hidden" in values:
            element.hidden = True
        if tag == "img":
            element.role = "img" if values.get("alt", "") else "presentation"
            element.name = values.get("alt", "")
            element.value = values.get("src")
        if values.get("aria-label"):
            element.name = values["aria-label"]
        if tag == "br":
            element.own = "\n"
            element.inline = True
        self.stack[-1][1].append(element)
        if tag == "pre":
            self.pre += 1
        if tag == "details" and "open" not in values:
            self.shut[id(element)] = element
        if tag == "summary" and id(self.stack[-1][1]) in self.shut:
            self.shut[id(self.stack[-1][1])] = element
        if tag not in _VOID:
            self.stack.append((tag, element))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            return
        if self.skipping or tag in _VOID:
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth][0] == tag:
                for _, element in self.stack[depth:]:
                    _close(element)
                    if id(element) in self.shut:
                        for child in element.children:
                            child.hidden = child is not self.shut[id(element)]
                del self.stack[depth:]
                break
        if tag == "pre":
            self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if self.skipping or not data:
            return
        if not self.pre:
            data = _SPACES.sub(" ", data)  # runs of white space read as one space
        self.stack[-1][1].append(Element("text", own=data, inline=True))

    def finish(self) -> None:
        self.close()
        for _, element in self.stack[1:]:
            _close(element)


def _close(element: Element) -> None:
    if element.role in _NAMED_BY_TEXT and not element.name:
        element.name = norm(element.text)


def html_elements(html: str, slot: Callable[[int], Element | None] | None = None) -> Element:
    """A container holding what `html` shows; `slot(n)` gives what stands in a
    `put_widget` template's marker `n` (`<span data-dl-slot="n">`)."""
    root = Element("generic")
    reader = _Reader(root, slot)
    reader.feed(html)
    reader.finish()
    return root
