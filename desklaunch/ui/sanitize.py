"""HTML from outside the script made safe to show (`put_markdown`'s default, and
`put_html(..., sanitize=True)`), as PyWebIO's page cleans it before showing it.

The cleaning is nh3's (the Rust ammonia sanitizer): only the tags and attributes listed
here stay, links only to web and mail addresses, pictures also inline (`data:`), and of a
`style` only the
properties that change how text and boxes look (colour, size, alignment, spacing), never
where they sit: no `position`, so nothing can be drawn over the app. What such HTML is
usually made of stays: `<div align="center"><font size="6">Title</font></div>`, `<b>`,
`<br>`, `<details>`, `<img>`, `<span style="color: red">`, a task list's box and its label
(any `<input>` becomes a box that cannot be changed). Scripts, event handlers, forms,
frames and style sheets go.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_ALIGNED = ("div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "center", "img", "table",
            "td", "th", "tr", "caption")
_STYLE = frozenset({
    "color", "background-color", "font-size", "font-weight", "font-style", "font-family",
    "font-variant", "text-align", "text-decoration", "text-transform", "text-indent",
    "letter-spacing", "line-height", "white-space", "vertical-align", "margin", "margin-top",
    "margin-right", "margin-bottom", "margin-left", "padding", "padding-top", "padding-right",
    "padding-bottom", "padding-left", "border", "border-top", "border-right", "border-bottom",
    "border-left", "border-color", "border-style", "border-width", "border-radius",
    "border-collapse", "width", "max-width", "min-width", "height", "max-height",
    "min-height", "display", "list-style-type", "opacity"})
"""Style properties that change how a part looks, never where it sits on the screen."""
_LANGUAGE = re.compile(r"language-[\w+#.-]{1,40}")


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    import nh3  # only a script that shows such HTML pays for it

    tags = set(nh3.ALLOWED_TAGS) | {"font", "section", "main", "input", "label"}
    attributes = {tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
    attributes["*"] = {"title", "lang", "dir", "style"}
    for tag in _ALIGNED:
        attributes.setdefault(tag, set()).add("align")
    attributes["font"] = {"color", "size", "face"}
    attributes["details"] = {"open"}
    attributes["code"] = {"class"}  # a fence's language: `_inline` keeps only that
    attributes.setdefault("img", set()).update({"title", "loading"})
    attributes["input"] = {"checked"}
    return {"tags": tags, "attributes": attributes, "filter_style_properties": set(_STYLE),
            # a Markdown task list's box, shown ticked or not: never a field to type in
            "set_tag_attribute_values": {"input": {"type": "checkbox", "disabled": "disabled"}},
            "url_schemes": {"http", "https", "mailto", "data"}, "attribute_filter": _inline}


def _inline(tag: str, attribute: str, value: str) -> str | None:
    """A `data:` address only as a picture's source (a link to one could be a page); of a
    code element's classes, only the language of a Markdown fence (`language-python`),
    which the page names the block by."""
    if value.lstrip().lower().startswith("data:") and (tag, attribute) != ("img", "src"):
        return None
    if attribute == "class":
        return " ".join(name for name in value.split() if _LANGUAGE.fullmatch(name)) or None
    return value


def sanitized(html: str) -> str:
    """`html` with only what is safe to show left in it."""
    import nh3

    return str(nh3.clean(html, **_rules()))
