"""Stand-in for `pywebio.platform.aiohttp`: `start_server` runs the app in the desklaunch
window; embedding in a web framework is not supported (desklaunch is not a web server)."""

from __future__ import annotations

from desklaunch.compat.pywebio.platform import framework_stubs, start_server

_NAMES = ("webio_handler", "static_routes")
globals().update(framework_stubs("pywebio.platform.aiohttp", _NAMES))

__all__ = ["start_server", *_NAMES]
