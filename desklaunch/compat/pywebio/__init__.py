"""desklaunch's stand-in for the `pywebio` package (see desklaunch/compat/__init__.py).

    from pywebio import start_server
    from pywebio.input import input
    from pywebio.output import put_text
"""

from __future__ import annotations

from desklaunch.compat.pywebio import exceptions, input, output, pin, platform, session
from desklaunch.compat.pywebio.platform import config, start_server

__version__ = "1.8.3"
"""The PyWebIO version whose API this stand-in follows."""
STATIC_PATH = ""

__all__ = ["config", "exceptions", "input", "output", "pin", "platform", "session",
           "start_server"]
