"""Stand-in for `pywebio.platform.django`: `start_server` runs the app in the desklaunch
window; embedding in a web framework is not supported (desklaunch is not a web server)."""

from __future__ import annotations

from desklaunch.compat.pywebio.platform import framework_stubs, start_server

_NAMES = ("webio_view", "wsgi_app")
globals().update(framework_stubs("pywebio.platform.django", _NAMES))

__all__ = ["start_server", *_NAMES]
