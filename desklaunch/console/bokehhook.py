"""bokeh's `show()` in a terminal program writes its page beside the script, as in a terminal.

Without `output_file`, bokeh names the HTML it writes after the outermost frame of the
stack, which is the script's own in a terminal (`plot.py` → `plot.html` beside it). A
console run's script runs on a thread, whose outermost frame is the threading module's:
bokeh wrote `threading.html` into Python's own folder, or a temporary file where it cannot
write. While a console run is on (loadhook.py), the frame asked for is the script's
(`__name__ == "__main__"`), as in a terminal.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from types import ModuleType

from desklaunch.console import loadhook

WATCHED = ("bokeh.io.util",)


def _script_file(original: Callable[[], str | None]) -> Callable[[], str | None]:
    def detect_current_filename() -> str | None:
        frame = inspect.currentframe()
        try:
            while frame is not None:
                if frame.f_globals.get("__name__") == "__main__" and "__file__" in frame.f_globals:
                    return str(frame.f_globals["__file__"])
                frame = frame.f_back
        finally:
            del frame
        return original()

    detect_current_filename.__wrapped__ = original  # type: ignore[attr-defined]
    return detect_current_filename


def adjust(module: ModuleType) -> None:
    """Name bokeh's default output file after the script, as in a terminal."""
    loadhook.replace(module, "detect_current_filename", _script_file)
