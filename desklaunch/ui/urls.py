"""Which URLs the page may render: links and images never carry script URLs.

Links may be http(s), mailto or relative (resolved against the app's own page); images
may be relative or `data:image/…`. Everything else (`javascript:`, `file:`, `vbscript:`,
`data:` of other kinds) is refused with a ValueError naming the URL's scheme.
"""

from __future__ import annotations

import re

LINK_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def scheme(url: str) -> str | None:
    """The URL's scheme in lower case ('' for none), as a browser would read it."""
    found = _SCHEME.match(_CONTROL.sub("", url))
    return found.group(1).lower() if found else ""


def check_link_url(url: str) -> str:
    """`url` unchanged when a link may point there."""
    if not isinstance(url, str):
        raise TypeError(f"a link's url must be a string, not {type(url).__name__}")
    kind = scheme(url)
    if kind and kind not in LINK_SCHEMES:
        raise ValueError(f"links may be http(s), mailto or relative, not {kind}: URLs")
    return url


def is_image_data_url(url: str) -> bool:
    return _CONTROL.sub("", url).lower().startswith("data:image/")
