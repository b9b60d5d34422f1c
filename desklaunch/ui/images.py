"""Images: `put_image` from bytes, a file, a web address, a PIL image or a matplotlib figure.

A local image reaches the page as a `data:` URL built here, on the Python side; an image
from the web is fetched by the app when the page asks for it and served from the app's own
origin (desklaunch/web/remote.py). The page never loads a file (`file:` URL) or anything
from another site (its CSP allows only the app's own images and `data:`), and a script
needs no extra import.
"""

from __future__ import annotations

import base64
import io
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from desklaunch.core.imagetypes import sniff_image
from desklaunch.core.resources import Resource
from desklaunch.core.session import current_session
from desklaunch.ui.env import pixel_ratio
from desklaunch.ui.outputs import Output, send_output
from desklaunch.ui.urls import is_image_data_url, scheme

MIME_TYPES = {
    "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
    "webp": "image/webp", "svg": "image/svg+xml", "bmp": "image/bmp", "ico": "image/x-icon",
    "avif": "image/avif",
}
_LENGTH = re.compile(r"^\d+(\.\d+)?(px|%|em|rem|vw|vh|ch)?$")
_WINDOWS_PATH = re.compile(r"^[A-Za-z]:[\\/]")


def put_image(src: Any, format: str | None = None, title: str = "",  # noqa: A002 - PyWebIO's
              width: str | int | None = None, height: str | int | None = None,
              scope: str | None = None, position: int = -1) -> Output:
    """Show an image: bytes, a file path (str or Path), an http(s) address, a PIL image, a
    matplotlib figure (or `pyplot` itself, for the current figure), or a `data:image/…` URL.

    `title` is the image's text alternative; `width`/`height` are CSS lengths ("200px",
    "50%") or pixels. Images put one after another sit side by side, as PyWebIO's do. An
    image from the web is fetched by the app when the page shows it (with a time limit and
    a 10 MiB cap, its type checked) and served from the app's own origin, as the page loads
    nothing from other sites; when it cannot be fetched (offline, say) the page says so in
    its place. A figure without a `width` or `height` is drawn with a HiDPI screen's pixels,
    shown at its own size. Unlike PyWebIO, another string is a file path (in a script
    written for PyWebIO, one naming no file is said in the image's place and the script goes
    on, as PyWebIO shows a broken image), and a PIL image without a format of its own is
    sent as PNG rather than JPEG.

        fig, ax = plt.subplots(); ax.plot(xs, ys); put_image(fig, title="Sales by month")
        put_image("https://www.python.org/static/img/python-logo.png")
    """
    widget: dict[str, Any] = {"type": "image", "alt": str(title or ""),
                              "width": _length(width, "width"),
                              "height": _length(height, "height")}
    if isinstance(src, str) and scheme(src) in ("http", "https"):
        session = current_session()
        widget["src"] = session.resources.add(Resource("image", url=src))
        widget["remote"] = src
    elif _is_figure(src) and width is None and height is None and format in (None, "png"):
        widget["src"], widget["width"] = _sharp_figure(src)
    elif isinstance(src, str) and _missing_in_pywebio_script(src):
        # PyWebIO takes any string for an address: one it cannot load shows a broken
        # image and the app goes on. Said in its place here, and the app goes on too.
        widget["missing"] = f"{src} (no such file)"
    else:
        widget["src"] = image_url(src, format)
    return send_output(widget, scope, position)


def _missing_in_pywebio_script(src: str) -> bool:
    """A string naming no file, in a script written for PyWebIO (where it would be an
    address relative to its server: nothing desklaunch serves)."""
    if not current_session().pywebio_way or is_image_data_url(src):
        return False
    if not _WINDOWS_PATH.match(src) and scheme(src):
        return False  # an address of its own kind: as a desklaunch script's
    return not Path(src).is_file()


def _sharp_figure(src: Any) -> tuple[str, str | None]:
    """A matplotlib figure drawn at the page's pixel ratio, as a `data:` URL, and its width
    in CSS pixels when that is not its width in pixels (a HiDPI screen)."""
    figure = _figure_of(src)
    # savefig's own default: the figure's resolution before any screen multiplied it
    dpi = getattr(figure, "_original_dpi", None) or getattr(figure, "dpi", None)
    ratio = pixel_ratio()
    if ratio == 1 or not isinstance(dpi, (int, float)):
        return image_url(figure, "png"), None
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight", dpi=dpi * ratio)
    data = buffer.getvalue()
    return _data_url(data, "image/png"), f"{int.from_bytes(data[16:20], 'big') / ratio:g}px"


def image_url(src: Any, format: str | None = None) -> str:  # noqa: A002
    """The `data:` URL that shows `src` (see `put_image` for what it may be)."""
    if isinstance(src, str) and is_image_data_url(src):
        return src
    return _data_url(*image_bytes(src, format))


def _data_url(data: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def image_bytes(src: Any, format: str | None = None) -> tuple[bytes, str]:  # noqa: A002
    """The encoded image and its MIME type."""
    fmt = format.lower().lstrip(".") if format else None
    if fmt is not None and fmt not in MIME_TYPES:
        raise ValueError(f"unknown image format {format!r}; use one of {', '.join(MIME_TYPES)}")
    if isinstance(src, (bytes, bytearray, memoryview)):
        data = bytes(src)
    elif isinstance(src, (str, os.PathLike)):
        data = _read(src)
        fmt = fmt or Path(os.fspath(src)).suffix.lower().lstrip(".") or None
    elif _is_figure(src):
        fmt = fmt or "png"
        buffer = io.BytesIO()
        _figure_of(src).savefig(buffer, format=fmt, bbox_inches="tight")
        data = buffer.getvalue()
    elif hasattr(src, "save") and hasattr(src, "mode") and hasattr(src, "size"):  # PIL
        fmt = fmt or (src.format or "png").lower()
        buffer = io.BytesIO()
        src.save(buffer, format="JPEG" if fmt == "jpg" else fmt.upper())
        data = buffer.getvalue()
    elif hasattr(src, "_repr_png_"):
        data, fmt = src._repr_png_(), "png"
    else:
        raise TypeError(f"put_image() cannot show a {type(src).__name__}: pass bytes, a file "
                        "path, a PIL image or a matplotlib figure")
    return data, sniff_image(data) or MIME_TYPES.get(fmt or "", "image/png")


def _is_figure(src: Any) -> bool:
    """A matplotlib Figure, `pyplot` itself, or an Axes (by what they have, not by import)."""
    return hasattr(src, "savefig") or hasattr(getattr(src, "figure", None), "savefig")


def _figure_of(src: Any) -> Any:
    """The figure a Figure, an Axes or `pyplot` (its current figure) stands for."""
    figure = src if hasattr(src, "savefig") else src.figure
    return figure.gcf() if hasattr(figure, "gcf") else figure


def _read(src: str | os.PathLike[str]) -> bytes:
    if isinstance(src, str) and not _WINDOWS_PATH.match(src):
        kind = scheme(src)
        if kind == "file":
            src = unquote(urlparse(src).path)
        elif kind in ("http", "https"):
            raise ValueError("an image from the web is shown by put_image(url) itself")
        elif kind:
            raise ValueError(f"put_image() takes bytes or a file path, not a {kind}: URL")
    return Path(src).read_bytes()


def _length(value: str | int | None, what: str) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    if not _LENGTH.match(text):
        raise ValueError(f"{what} must be a CSS length like '200px' or '50%', not {value!r}")
    return text + "px" if text[-1].isdigit() else text
