"""plotly's `fig.show()` in a desklaunch app: the chart is drawn in the page, where the
script's output is, as matplotlib's `plt.show()` is (figures.py).

Run as a plain script, plotly's `show()` opens the system's web browser on a page of its
own; in an app, the chart in its window is what the person is after. desklaunch's renderer
is added to plotly's and made the default as plotly's renderers module loads, unless
`PLOTLY_RENDERER` names another, so `fig.show(renderer="browser")` still opens the browser.
A console program (a terminal program run by desklaunch) keeps the renderer plotly chose
itself: its window is a terminal's, and from a terminal the chart opens in the browser, or,
where plotly found none, shows nowhere. So does a `show()` outside any session.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType
from typing import Any

from desklaunch.compat.afterimport import AfterImport

RENDERERS = "plotly.io._renderers"
NAME = "desklaunch"
"""The renderer's name among plotly's (`pio.renderers.default`)."""


def _renderer(base: type, fallback: str) -> Any:
    """desklaunch's renderer, made on plotly's base class for renderers that draw elsewhere
    than a notebook (plotly tells them apart by class); `fallback` names the renderers
    plotly chose itself, for a figure shown where there is no page."""

    class PageRenderer(base):  # type: ignore[misc]
        """Draws a figure into the page with `put_html`."""

        def __init__(self, config: dict[str, Any] | None = None, auto_play: bool = False,
                     animation_opts: dict[str, Any] | None = None) -> None:
            self.config = config
            self.auto_play = auto_play
            self.animation_opts = animation_opts

        def render(self, fig_dict: dict[str, Any]) -> None:
            from desklaunch.core.session import current_session
            from desklaunch.errors import NoSessionError
            from desklaunch.ui.outputs import put_html

            try:
                session = current_session()
            except NoSessionError:
                session = None
            if session is None or session.data.get("console") is not None:
                if fallback:  # none where plotly found no browser: it shows nothing then
                    importlib.import_module("plotly.io").show(
                        fig_dict, renderer=fallback, validate=False, config=self.config,
                        auto_play=self.auto_play, animation_opts=self.animation_opts)
                return
            to_html = importlib.import_module("plotly.io").to_html
            put_html(to_html(fig_dict, config=self.config, auto_play=self.auto_play,
                             animation_opts=self.animation_opts, include_plotlyjs=False,
                             full_html=False))

    return PageRenderer()


def install_renderer(module: ModuleType) -> None:
    """Add desklaunch's renderer to plotly's renderers module (loaded), and make it the
    default unless `PLOTLY_RENDERER` chose one."""
    base = importlib.import_module("plotly.io.base_renderers").ExternalRenderer
    chosen = module.renderers.default
    module.renderers[NAME] = _renderer(base, "" if chosen == NAME else str(chosen or ""))
    if not os.environ.get("PLOTLY_RENDERER"):
        module.renderers.default = NAME


_FINDER = AfterImport(RENDERERS, install_renderer)


def watch() -> None:
    """Install the renderer as plotly's renderers module loads (at once, if it has)."""
    _FINDER.watch()


def unwatch() -> None:
    """Stop watching (for tests)."""
    _FINDER.unwatch()
