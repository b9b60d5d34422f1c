"""desklaunch's stand-in for the `pywebio` package (see desklaunch/compat/__init__.py).

    from pywebio import start_server
    from pywebio.input import input
    from pywebio.output import put_text
"""

from __future__ import annotations

import logging
import sys

from desklaunch.compat.pywebio import exceptions, input, output, pin, platform, session
from desklaunch.compat.pywebio.exceptions import (
    SessionClosedException,
    SessionException,
    SessionNotFoundException,
)
from desklaunch.compat.pywebio.platform import config, start_server

__version__ = "1.8.3"
"""The PyWebIO version whose API this stand-in follows."""
STATIC_PATH = ""



def enable_debug(level: int | None = None) -> None:
    """PyWebIO's switch for its log messages: desklaunch's own go to stderr at `level`
    (DEBUG by default), as `desklaunch --debug` does."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("desklaunch %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("desklaunch")
    logger.handlers = [handler]
    logger.setLevel(level or logging.DEBUG)
    logger.propagate = False


__all__ = ["STATIC_PATH", "SessionClosedException", "SessionException",
           "SessionNotFoundException", "config", "enable_debug", "exceptions", "input",
           "output", "pin", "platform", "session", "start_server"]
