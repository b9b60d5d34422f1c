"""matplotlib's backend in a desklaunch app: `plt.show()` shows the figures in the page.

In a terminal, `plt.show()` opens a window per figure and waits until they are closed. Here
each figure is drawn as a picture where the script's output is (a console program's: on a
line of the console between its text), and the script goes on at once; the figures are then
closed, as closing their windows would. A figure shown again without being closed
(`plt.pause` in a loop, `fig.show()`, `plt.show(block=False)`) replaces its picture in place,
as its window would be redrawn. In interactive mode (`plt.ion()`), and for a figure shown
before, a change is drawn where a GUI toolkit's event loop would draw it: when the script
next waits for the person (`input()`, a form), pauses (`plt.pause`) or flushes the canvas's
events (`canvas.flush_events()`), so a burst of changes is drawn once. The picture is the
window's: the figure's own size and resolution, not `savefig`'s settings, and on a HiDPI
screen (the page's pixel ratio above 1) drawn with the screen's pixels, as a window's canvas.

A figure's timers (`FuncAnimation`) run while the script waits in `plt.show()` or
`plt.pause()`, as a window's event loop runs them (figuretimers.py): `plt.show()` plays the
animations, with a **Stop animation** button where a window has its close button, until the
person presses it or the last timer stops. A picture takes no clicks or keys: a handler given
`mpl_connect`, the widgets (Slider, Button) and `ginput` get a one-time warning saying so,
and a wait for a click that can never come (`waitforbuttonpress()`) ends at once.

`desklaunch script.py` and the test kit set `MPLBACKEND` to `module://desklaunch.compat.figures`
(unless it is set), and matplotlib imports this module when the script first uses pyplot.
It names no matplotlib module in an import statement, so that a frozen app's analysis does
not bundle matplotlib into every app.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import itertools
import sys
import threading
import warnings
import weakref
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

from desklaunch.compat import figuretimers
from desklaunch.core.session import Session, current_session
from desklaunch.errors import NoSessionError
from desklaunch.ui.env import pixel_ratio

_agg = importlib.import_module("matplotlib.backends.backend_agg")
_bases = importlib.import_module("matplotlib.backend_bases")
_figures = importlib.import_module("matplotlib._pylab_helpers").Gcf
_matplotlib = importlib.import_module("matplotlib")
_numbers = itertools.count(1)
PERSON_EVENTS = frozenset({"button_press_event", "button_release_event", "motion_notify_event",
                           "key_press_event", "key_release_event", "pick_event", "scroll_event",
                           "figure_enter_event", "figure_leave_event", "axes_enter_event",
                           "axes_leave_event"})
"""Events only a person makes, on a window: none reach a picture."""
WINDOWS_OWN = frozenset({"backend_bases.py", "_pylab_helpers.py"})
"""Where matplotlib connects the handlers every window has (its keys, the clicked figure
made the current one): those need no warning."""
NO_EVENTS = ("desklaunch shows a figure as a picture, which takes no clicks or keys: "
             "mpl_connect handlers, widgets (Slider, Button) and ginput get no events")
NO_TIMERS = ("desklaunch runs a figure's timers (FuncAnimation) while the script itself "
             "waits in plt.show() or plt.pause(), not in a callback or an async script: "
             "the animation does not play here")
STOP_LABEL = "Stop animation"
STOP_SCOPE = "dl-figures-stop"
NO_WAITING = ("desklaunch shows a figure as a picture, which takes no clicks or keys: "
              "not waiting for one")

backend_version = "desklaunch"


class FigureManagerPage(_bases.FigureManagerBase):  # type: ignore[misc, name-defined]
    """A figure's place in the page, where a terminal would give it a window."""

    def __init__(self, canvas: Any, num: Any) -> None:
        super().__init__(canvas, num)
        self.key = f"dl-figure-{next(_numbers)}"
        self.shown = False
        self.pending = False
        """Changed since its picture was drawn, to be drawn when the script next waits."""
        self._showing = False
        self.closed = False
        self.session: Session | None = None
        self.ratio = 1.0
        """The page's pixel ratio, which the figure is drawn at (`_match_screen`)."""
        # pyplot's figures belong to the process, which here outlives a run: a figure ends
        # with the session or console run that made it, as it would with its process.
        try:
            session = current_session()
        except NoSessionError:
            return
        self.session = session
        self.ratio = pixel_ratio()  # asked now: show() may run where the script waits
        close = _closer(weakref.ref(self))  # a closed figure is not kept for this
        console = session.data.get("console")
        if console is not None:
            console.exit_handlers.register(close)
        session.defer(close)
        if not session.data.get(_HOOKED):
            session.data[_HOOKED] = True
            session.before_waiting(_draw_pending)

    def show(self) -> None:
        """Draw the figure into the page: in its place, if it was shown before."""
        from desklaunch.ui.images import image_url

        try:
            session = current_session()
        except NoSessionError as exc:
            warnings.warn(f"plt.show() cannot show the figure: {exc}", stacklevel=3)
            return
        if self._showing:  # drawing it changed it (autoscaling), which asked for a redraw
            return
        self._showing = True
        try:
            self._match_screen()
            picture = io.BytesIO()
            if self.canvas.blitted and not self.canvas.figure.stale:
                # An animation blitted its frame onto the last drawing: a full draw would
                # leave out its animated artists.
                importlib.import_module("matplotlib.image").imsave(
                    picture, self.canvas.buffer_rgba(), format="png", dpi=self.canvas.figure.dpi)
            else:
                self.canvas.print_png(picture)  # the window's pixels: its size, dpi, colours
            self.canvas.drawn = self.canvas.blitted = self.pending = False
        finally:
            self._showing = False
        src = image_url(picture.getvalue())
        size = self.canvas.get_width_height()  # in CSS pixels, the picture's own / ratio
        alt = describe(self.canvas.figure, self.get_window_title())
        console = session.data.get("console")
        if console is not None:
            console.show_image(self.key, src, alt, size, again=self.shown)
        else:
            _show_in_scope(self.key, src, alt, size[0])
        self.shown = True

    def _match_screen(self) -> None:
        """Draw at the page's pixel ratio, as a window's canvas does on a HiDPI screen: the
        figure keeps its size in inches, `fig.dpi` is multiplied by the ratio (`savefig`
        keeps the figure's own), and the picture is shown at its size in CSS pixels."""
        set_ratio = getattr(self.canvas, "_set_device_pixel_ratio", None)  # matplotlib 3.5+
        if set_ratio is not None:
            set_ratio(self.ratio)

    def refresh(self) -> None:
        """Show the figure unless the page has its picture as it is now."""
        if not self.shown or self.pending or self.canvas.figure.stale or self.canvas.drawn:
            self.show()

    def destroy(self) -> None:
        """Closed (by `plt.close`, or once shown): its `close_event` handlers run, as when
        its window is closed."""
        if self.closed:
            return
        self.closed = True
        _bases.CloseEvent("close_event", self.canvas)._process()
        super().destroy()

    @classmethod
    def pyplot_show(cls, *, block: bool | None = None) -> None:
        """`plt.show()`: every open figure into the page; unless interactive or
        `block=False`, their animations play until they end or are stopped, and the figures
        are then closed, as a terminal's are once their windows are (a still figure's at
        once: nobody closes it here)."""
        with figuretimers.stop_as_ctrl_c():
            failed: Exception | None = None
            for manager in _figures.get_all_fig_managers():
                try:
                    manager.refresh()
                except Exception as exc:  # noqa: BLE001 - raised below, after the others
                    failed = failed or exc
            if failed is not None:
                raise failed
            if block is None:
                block = not _matplotlib.is_interactive()
            if block:
                _animate()
                _figures.destroy_all()


class FigureCanvasPage(_agg.FigureCanvasAgg):  # type: ignore[misc, name-defined]
    """matplotlib's Agg drawing, with a place in the page instead of a window."""

    manager_class = FigureManagerPage
    _timer_cls = figuretimers.PageTimer
    drawn = False
    """Drawn by the script (`canvas.draw()`) since the page's picture was."""
    blitted = False
    """An animation drew its frame onto the canvas (`blit=True`) since the picture was drawn."""

    def draw(self) -> None:
        super().draw()
        self.drawn = True

    def draw_idle(self, *args: Any, **kwargs: Any) -> None:
        """A figure shown, or any figure in interactive mode (`plt.ion()`): its picture is
        to be drawn again at the next pause, flush or wait for the person."""
        manager = self.manager
        if manager is not None and (manager.shown or _matplotlib.is_interactive()):
            manager.pending = True

    def flush_events(self) -> None:
        """`canvas.draw(); canvas.flush_events()` (a live plot's loop): what the script drew,
        shown."""
        manager = self.manager
        if manager is not None and (manager.pending or (manager.shown and self.drawn)):
            manager.show()

    def blit(self, bbox: Any = None) -> None:
        """An animation's frame drawn onto the canvas (`blit=True`): shown at the next draw."""
        manager = self.manager
        self.blitted = True
        if manager is not None:
            manager.pending = True

    def start_event_loop(self, timeout: float = 0) -> None:
        """`plt.pause` waits its time, running the figures' timers; a wait for a click or
        key with no time limit (`waitforbuttonpress()`, `ginput(timeout=0)`) ends at once,
        with a warning."""
        if timeout <= 0:
            _warn(NO_WAITING)
            return
        session = _timers_session()
        if session is None:
            super().start_event_loop(timeout)
            return
        self._looping = True  # stop_event_loop() ends the wait, as matplotlib's own loop does
        with figuretimers.stop_as_ctrl_c():
            figuretimers.run(session, _draw_pending, seconds=timeout,
                             over=lambda: not self._looping)

    def mpl_connect(self, s: str, func: Callable[..., Any]) -> int:
        caller = Path(sys._getframe(1).f_code.co_filename).name
        if s in PERSON_EVENTS and caller not in WINDOWS_OWN:
            _warn(NO_EVENTS)
        return int(super().mpl_connect(s, func))


FigureCanvas = FigureCanvasPage
FigureManager = FigureManagerPage


_HOOKED = "figures: drawn before waiting"
_MATPLOTLIB = str(Path(str(_matplotlib.__file__)).parent)


def _warn(message: str) -> None:
    """A warning at the script's own line, past matplotlib's and this module's frames."""
    frame: FrameType | None = sys._getframe(1)
    level = 2  # the caller's frame, as warnings counts them
    while frame is not None and (frame.f_code.co_filename.startswith(_MATPLOTLIB)
                                 or frame.f_code.co_filename == __file__):
        frame, level = frame.f_back, level + 1
    warnings.warn(message, stacklevel=level)


def _timers_session() -> Session | None:
    """The session whose timers the calling thread may run now: it has some, and the thread
    is its script's own (elsewhere a warning, once, that they cannot run)."""
    try:
        session = current_session()
    except NoSessionError:
        return None
    if not figuretimers.running(session):
        return None
    if not session.on_script_thread():
        _warn(NO_TIMERS)
        return None
    return session


def _animate() -> None:
    """A blocking `plt.show()` while timers run: they run until the person presses
    **Stop animation** (under the figures; in a console beside its Stop) or the last one
    stops, as a window's event loop would until the window is closed."""
    session = _timers_session()
    if session is None:
        return
    from desklaunch.ui.outputs import put_buttons
    from desklaunch.ui.scopes import put_scope, remove

    stopped = threading.Event()
    console = session.data.get("console")
    if console is not None:
        key = session.register_callback(lambda _: stopped.set())
        console.offer_action(STOP_LABEL, key)
    else:
        put_scope(STOP_SCOPE, put_buttons([STOP_LABEL], onclick=lambda _: stopped.set()))
    try:
        figuretimers.run(session, _draw_pending, seconds=None, over=stopped.is_set)
    finally:
        # A frame's error fails the script: no button is left that stops nothing.
        if console is not None:
            console.offer_action(None)
            session.forget_callback(key)
        elif not session.closed:
            remove(STOP_SCOPE)


def _draw_pending() -> None:
    """The script waits for the person: its figures' changes are drawn first, as a GUI
    toolkit draws its windows while `input()` waits."""
    session = current_session()
    for manager in _figures.get_all_fig_managers():
        if manager.pending and manager.session is session:
            manager.show()


def _closer(manager: weakref.ref[FigureManagerPage]) -> Callable[[], None]:
    def close() -> None:
        if (alive := manager()) is not None:  # destroy() does nothing the second time
            # A close_event handler may fail (one of a half-made animation): the window or
            # the run is gone, with nowhere left to say so.
            with contextlib.suppress(Exception):
                _figures.destroy(alive)

    return close


def describe(figure: Any, title: str) -> str:
    """The picture's text alternative: its window's title ("Figure 1"), then the titles
    drawn in it ("Figure 1: Sales; By month")."""
    get_suptitle = getattr(figure, "get_suptitle", lambda: "")  # matplotlib 3.8 on
    texts = [get_suptitle(), *(axes.get_title(loc) for axes in figure.get_axes()
                               for loc in ("left", "center", "right"))]
    drawn = [text for text in dict.fromkeys(text.strip() for text in texts) if text]
    return f"{title}: {'; '.join(drawn)}" if drawn else title


def _show_in_scope(name: str, src: str, alt: str, width: int) -> None:
    """The picture, `width` CSS pixels wide, in a scope of its own, so that showing the
    figure again replaces it."""
    from desklaunch.ui.images import put_image
    from desklaunch.ui.scopes import clear, known_scopes, put_scope

    if name in known_scopes(current_session()):
        clear(name)
        put_image(src, title=alt, width=width, scope=name).style(ON_WHITE)
    else:
        put_scope(name, put_image(src, title=alt, width=width).style(ON_WHITE))


ON_WHITE = "background: #fff"
"""matplotlib draws for a white window: a transparent figure stays readable on a dark page."""
