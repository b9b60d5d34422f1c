"""The page's own files: read once from the package, the only files the server ever sends.

A request names a file by its key in this manifest; nothing joins a request path onto a
folder, so `../`, encoded dots, symlinks and dotfiles can only miss.

The page loads its script as one file, `bundle.js` (written by `scripts/bundle_js.py`
from the modules in `js/`), when that file was made from exactly the modules beside it;
otherwise (a module edited and not bundled again) it loads the modules themselves.
"""

from __future__ import annotations

import hashlib
import logging
import re
import sys
from collections.abc import Mapping
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
}


log = logging.getLogger(__name__)

BUNDLE = "bundle.js"
"""The page's modules as one file, beside `js/` (`python scripts/bundle_js.py` writes it)."""
ENTRY = "main.js"
"""The module the page starts from, in `js/`."""

_STYLESHEET_LINK = re.compile(rb'<link rel="stylesheet" href="/assets/([^"]+)">')

FONT_SHEET = "css/app.css"
"""The style sheet that declares the page's font lists (`--font`, `--mono`)."""
LINUX_FONTS = {b"--font": b"system-ui, sans-serif", b"--mono": b"monospace, monospace"}
"""The font lists on Linux, in fontconfig's own names: `system-ui` is the desktop's interface
face (fontconfig prefers Cantarell, Noto Sans UI…), `sans-serif` and `monospace` its
defaults (named twice: a lone `monospace` makes browsers shrink relative sizes to 13/16,
so the console's text was 10.6 px beside the page's 14.5). The sheet's lists also name
other systems' faces (-apple-system, "Segoe UI", Roboto, "SF Mono"…), and WebKitGTK asks
fontconfig for every family named before one it has: some 10 ms of a GTK window's first
content (BENCHMARKS.md, 2026-12-02 12:17)."""


class StaticFiles:
    """A manifest of packaged assets: relative name → (bytes, content type)."""

    def __init__(self, package: str = "desklaunch.assets", platform: str = sys.platform
                 ) -> None:
        self._files: dict[str, tuple[bytes, str]] = {}
        self._collect(files(package), "")
        if platform.startswith("linux"):
            self._set_fonts(LINUX_FONTS)
        self._rewrite_page()

    def _collect(self, folder: Traversable, prefix: str) -> None:
        for entry in folder.iterdir():
            name = entry.name
            if name.startswith((".", "_")) or (isinstance(entry, Path) and entry.is_symlink()):
                continue
            if entry.is_dir():
                self._collect(entry, f"{prefix}{name}/")
                continue
            content_type = CONTENT_TYPES.get(Path(name).suffix)
            if content_type is not None and entry.is_file():
                self._files[prefix + name] = (entry.read_bytes(), content_type)

    def _set_fonts(self, fonts: Mapping[bytes, bytes]) -> None:
        """Declare each font list in `fonts` (custom property → value) in the font sheet."""
        sheet = self._files.get(FONT_SHEET)
        if sheet is None:
            return
        body, content_type = sheet
        for name, value in fonts.items():
            body = re.sub(re.escape(name) + rb":[^;]*;", name + b": " + value + b";", body,
                          count=1)
        self._files[FONT_SHEET] = (body, content_type)

    def _rewrite_page(self) -> None:
        """Make the page cheap to load: its style sheets inline (five fewer requests; the
        CSP allows inline styles, scripts stay files), and its script one file, the bundle
        (one request instead of two dozen); without a current bundle, every module named
        in its head, so the browser fetches them all at once instead of import by import."""
        page = self._files.get("index.html")
        if page is None:
            return
        body, content_type = page

        def inline(link: re.Match[bytes]) -> bytes:
            sheet = self._files.get(link.group(1).decode())
            if sheet is None or b"</style" in sheet[0].lower():
                return link.group(0)
            return b"<style>\n" + sheet[0] + b"</style>"

        body = _STYLESHEET_LINK.sub(inline, body)
        if self.bundle_is_current():
            body = body.replace(f'src="/assets/js/{ENTRY}"'.encode(),
                                f'src="/assets/{BUNDLE}"'.encode(), 1)
        else:
            links = "".join(f'<link rel="modulepreload" href="/assets/{name}">\n'
                            for name in self.names() if name.startswith("js/"))
            body = body.replace(b"</head>", links.encode() + b"</head>", 1)
        self._files["index.html"] = (body, content_type)

    def bundle_is_current(self) -> bool:
        """Whether `bundle.js` was made from exactly the modules shipped beside it."""
        bundle = self._files.get(BUNDLE)
        if bundle is None:
            return False
        modules = {name[len("js/"):]: body for name, (body, _) in self._files.items()
                   if name.startswith("js/") and name.endswith(".js")}
        mark = f"\n// sources: {sources_digest(modules)}\n".encode()
        if mark in bundle[0][:512]:
            return True
        log.debug("%s was not made from these modules: the page loads the modules", BUNDLE)
        return False

    def get(self, name: str) -> tuple[bytes, str] | None:
        return self._files.get(name)

    def names(self) -> list[str]:
        return sorted(self._files)


def sources_digest(modules: Mapping[str, bytes]) -> str:
    """A fingerprint of the page's modules (file name → contents), kept in the bundle."""
    digest = hashlib.sha256()
    for name in sorted(modules):
        digest.update(name.encode() + b"\0" + modules[name] + b"\0")
    return f"sha256:{digest.hexdigest()}"
