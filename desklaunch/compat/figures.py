"""matplotlib's backend in a desklaunch app: `plt.show()` shows the figures in the page.

In a terminal, `plt.show()` opens a window per figure and waits until they are closed. Here
each figure is drawn as a picture where the script's output is (a console program's: on a
line of the console between its text), and the script goes on at once; the figures are then
closed, as closing their windows would. A figure shown again without being closed
(`plt.pause` in a loop, `fig.show()`, `plt.show(block=False)`) replaces its picture in place,
as its window would be redrawn.

`desklaunch script.py` and the test kit set `MPLBACKEND` to `module://desklaunch.compat.figures`
(unless it is set), and matplotlib imports this module when the script first uses pyplot.
It names no matplotlib module in an import statement, so that a frozen app's analysis does
not bundle matplotlib into every app.
"""

from __future__ import annotations

import importlib
import itertools
import warnings
import weakref
from collections.abc import Callable
from typing import Any

from desklaunch.core.session import current_session
from desklaunch.errors import NoSessionError

_agg = importlib.import_module("matplotlib.backends.backend_agg")
_bases = importlib.import_module("matplotlib.backend_bases")
_figures = importlib.import_module("matplotlib._pylab_helpers").Gcf
_matplotlib = importlib.import_module("matplotlib")
_numbers = itertools.count(1)

backend_version = "desklaunch"


class FigureManagerPage(_bases.FigureManagerBase):  # type: ignore[misc, name-defined]
    """A figure's place in the page, where a terminal would give it a window."""

    def __init__(self, canvas: Any, num: Any) -> None:
        super().__init__(canvas, num)
        self.key = f"dl-figure-{next(_numbers)}"
        self.shown = False
        # pyplot's figures belong to the process, which here outlives a run: a figure ends
        # with the session or console run that made it, as it would with its process.
        try:
            session = current_session()
        except NoSessionError:
            return
        close = _closer(weakref.ref(self))  # a closed figure is not kept for this
        console = session.data.get("console")
        if console is not None:
            console.exit_handlers.register(close)
        session.defer(close)

    def show(self) -> None:
        """Draw the figure into the page: in its place, if it was shown before."""
        from desklaunch.ui.images import image_url

        try:
            session = current_session()
        except NoSessionError as exc:
            warnings.warn(f"plt.show() cannot show the figure: {exc}", stacklevel=3)
            return
        src = image_url(self.canvas.figure, "png")
        alt = describe(self.canvas.figure, self.get_window_title())
        console = session.data.get("console")
        if console is not None:
            console.show_image(self.key, src, alt, again=self.shown)
        else:
            _show_in_scope(self.key, src, alt)
        self.shown = True

    @classmethod
    def pyplot_show(cls, *, block: bool | None = None) -> None:
        """`plt.show()`: every open figure into the page; unless interactive or
        `block=False`, the figures are then closed, as a terminal's are once their windows
        are (the script does not wait for that here)."""
        for manager in _figures.get_all_fig_managers():
            manager.show()
        if block is None:
            block = not _matplotlib.is_interactive()
        if block:
            _figures.destroy_all()


class FigureCanvasPage(_agg.FigureCanvasAgg):  # type: ignore[misc, name-defined]
    """matplotlib's Agg drawing, with a place in the page instead of a window."""

    manager_class = FigureManagerPage


FigureCanvas = FigureCanvasPage
FigureManager = FigureManagerPage


def _closer(manager: weakref.ref[FigureManagerPage]) -> Callable[[], None]:
    def close() -> None:
        if (alive := manager()) is not None:
            _figures.destroy(alive)

    return close


def describe(figure: Any, title: str) -> str:
    """The picture's text alternative: its window's title ("Figure 1"), then the titles
    drawn in it ("Figure 1: Sales; By month")."""
    get_suptitle = getattr(figure, "get_suptitle", lambda: "")  # matplotlib 3.8 on
    texts = [get_suptitle(), *(axes.get_title() for axes in figure.get_axes())]
    drawn = [text for text in dict.fromkeys(text.strip() for text in texts) if text]
    return f"{title}: {'; '.join(drawn)}" if drawn else title


def _show_in_scope(name: str, src: str, alt: str) -> None:
    """The picture in a scope of its own, so that showing the figure again replaces it."""
    from desklaunch.ui.images import put_image
    from desklaunch.ui.scopes import clear, known_scopes, put_scope

    if name in known_scopes(current_session()):
        clear(name)
        put_image(src, title=alt, scope=name)
    else:
        put_scope(name, put_image(src, title=alt))
