"""Checking the CSS a script attaches to its outputs with `style()` / `Output.style()`.

The page applies it through the CSSOM (never as markup), so it cannot break out of the
style; this check refuses what could still run code or fetch something: script URLs,
`expression()`, `@import`, bindings.
"""

from __future__ import annotations

import re

_DANGEROUS = re.compile(
    r"javascript:|vbscript:|expression\(|@import|-moz-binding|behavior:|url\((?!data:image/)"
)
_NOISE = re.compile(r"\\|/\*.*?\*/|\s", re.DOTALL)


def check_css(css: str) -> str:
    """`css` unchanged when it is safe to apply as inline style; ValueError otherwise."""
    if not isinstance(css, str):
        raise TypeError(f"a style must be a string of CSS declarations, not {type(css).__name__}")
    squeezed = _NOISE.sub("", css).lower().replace("'", "").replace('"', "")
    if "<" in css or _DANGEROUS.search(squeezed):
        raise ValueError(f"this style is not allowed (script URLs, url() other than "
                         f"data:image, expression() and @import are refused): {css!r}")
    return css.strip().strip(";").strip()
