"""Stand-in for `pywebio.platform.aiohttp`: `start_server` runs the app in the desklaunch
window; embedding in a web framework is not supported (desklaunch is not a web server)."""

from __future__ import annotations

from desklaunch.compat.forward import unsupported
from desklaunch.compat.pywebio.platform import start_server

_NAMES = ("webio_handler", "static_routes",)
for _name in _NAMES:
    globals()[_name] = unsupported(f"pywebio.platform.aiohttp.{_name}",
                                   "desklaunch shows the app in its own window")

__all__ = ["start_server", *_NAMES]
