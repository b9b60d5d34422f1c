"""Images from the web inside trusted HTML (`put_html`, Markdown), fetched by the app.

The page loads nothing from other sites (its CSP allows only the app's own images), so an
`<img src="https://…">` in a script's HTML or a Markdown `![logo](https://…)` showed
nothing, where a browser on PyWebIO's page loads it. Each such address becomes a resource
of the session, as `put_image(url)`'s does: fetched when the page asks for it, with the same
limits and type check (desklaunch/web/remote.py), served from the app's own origin.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from desklaunch.core.resources import Resource
from desklaunch.core.session import current_session
from desklaunch.ui.urls import scheme


class _ImageTags(HTMLParser):
    """The start tags of the `<img>`s whose `src` is an http(s) address, as written."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        """(the tag as written, its src) for each such image, in order."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "img":
            return
        src = dict(attrs).get("src") or ""
        written = self.get_starttag_text()
        if written and scheme(src.strip()) in ("http", "https"):
            self.found.append((written, src.strip()))

    handle_startendtag = handle_starttag


def fetched_images(markup: str) -> str:
    """`markup` with each http(s) image address pointed at the app's fetched copy."""
    if "<img" not in markup.lower():
        return markup
    reader = _ImageTags()
    reader.feed(markup)
    reader.close()
    if not reader.found:
        return markup
    resources = current_session().resources
    done: list[str] = []
    rest = markup
    for written, src in reader.found:
        at = rest.find(written)
        if at < 0:
            continue
        local = resources.add(Resource("image", url=src))
        done.append(rest[:at] + _with_src(written, local))
        rest = rest[at + len(written):]
    return "".join(done) + rest


def _with_src(tag: str, local: str) -> str:
    """`tag` (an `<img …>` as written) with its src replaced by `local`, its other
    attributes as they were."""
    reader = _Attributes()
    reader.feed(tag)
    reader.close()
    attributes = [(name, local if name == "src" else value) for name, value in reader.attrs]
    written = "".join(f' {name}="{html.escape(value, quote=True)}"' if value is not None
                      else f" {name}" for name, value in attributes)
    return f"<img{written}>"


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs = attrs

    handle_startendtag = handle_starttag
