"""plotly's charts in `put_html`: the HTML that plotly's `to_html()` makes, PyWebIO's
documented way to show one, is drawn as the chart it describes.

Its scripts are not run: the page runs no script that comes in HTML (docs/security.md).
The figure's data, layout, config and animation frames are read out of them as JSON
values, and the page's own few lines draw them with plotly.js. That file comes from the
plotly package the script runs with, loaded as the page's own script from the app's origin:
PyWebIO's page takes it from plotly's site, and nothing here comes from another site. So
whichever way the HTML was made to find plotly.js (`include_plotlyjs=True`, "cdn",
"require", "directory", False), the chart draws, offline too. The charts travel with the
HTML's output (assets/js/charts.js draws them wherever the output is built: put into a
row, a popup, a tab). Code of the script's own in them (`post_script`) is not run,
LaTeX in labels shows as written (MathJax comes from another site), and a map is a note:
plotly.js draws one on files it fetches from the web.
"""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"""\bsrc\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_CALL = re.compile(r"\bPlotly\.(newPlot|addFrames|animate)\(")
_LIBRARY_HEAD = 400
"""How far into an inline script plotly.js's own banner ("plotly.js v2.35.2") is looked for."""
_DECODER = json.JSONDecoder()
MAPS = frozenset({"scattergeo", "choropleth", "scattermap", "choroplethmap", "densitymap",
                  "scattermapbox", "choroplethmapbox", "densitymapbox"})
"""plotly's map traces: drawn on land outlines (geo) or tiles that plotly.js fetches from the
web, which the page's CSP does not let it; such a chart is a note instead."""


@dataclass
class Chart:
    """One `Plotly.newPlot` call: its element's id and the JSON values it was given."""

    id: str
    data: Any
    layout: Any = None
    config: Any = None
    frames: Any = None
    animate: Any = None

    @property
    def is_map(self) -> bool:
        return isinstance(self.data, list) and any(
            isinstance(trace, dict) and trace.get("type") in MAPS for trace in self.data)

    def as_json(self) -> dict[str, Any]:
        if self.is_map:
            return {"id": self.id, "map": True}
        return {"id": self.id, "data": self.data, "layout": self.layout or {},
                "config": self.config or {}, "frames": self.frames,
                "animate": self.animate}


@dataclass
class Found:
    """`markup` without plotly's scripts, and the charts those scripts would draw;
    `dropped` is True when they held code of the script's own (`post_script`), which
    is not run."""

    markup: str
    charts: list[Chart] = field(default_factory=list)
    dropped: bool = False


def plotly_js() -> Path | None:
    """The plotly.js file of the plotly package the script runs with (None without one).
    plotly is found, not imported: a build would otherwise bundle it into every app."""
    try:
        spec = importlib.util.find_spec("plotly")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "package_data" / "plotly.min.js"
        if path.is_file():
            return path
    return None


def find_charts(markup: str) -> Found:
    """Take plotly's scripts out of `markup` and read the charts they would draw; any
    other script stays where it is. Nothing is taken out when the drawing calls cannot be
    read as plotly writes them."""
    charts: dict[str, Chart] = {}
    kept: list[str] = []
    last = 0
    dropped = False
    for script in _SCRIPT.finditer(markup):
        attributes, text = script.group(1), script.group(2)
        plotlys = _plotlys(attributes, text, charts)
        if plotlys is None:
            continue
        dropped = dropped or plotlys
        kept.append(markup[last:script.start()])
        last = script.end()
    if not charts:
        return Found(markup)
    kept.append(markup[last:])
    return Found("".join(kept), list(charts.values()), dropped)


def _plotlys(attributes: str, text: str, charts: dict[str, Chart]) -> bool | None:
    """None when this script is not plotly's own (its library, its settings, MathJax's
    for its labels, its drawing calls); else whether it also holds code of the script's
    own. What the drawing calls draw is noted in `charts`."""
    source = _SRC.search(attributes)
    if source is not None:
        name = source.group(1).rsplit("/", 1)[-1].lower()
        return False if "plotly" in name or name.startswith("tex-") else None
    if "plotly.js v" in text[:_LIBRARY_HEAD] or ("require.config" in text and "plotly" in text):
        return False
    if text.strip().startswith(("window.PlotlyConfig", "if (window.MathJax")):
        return False
    calls = _calls(text)
    if not calls:
        return None
    for name, args in calls:
        if name == "newPlot" and len(args) >= 2:
            charts[args[0]] = Chart(args[0], args[1], *args[2:4])
        elif args[0] in charts and name == "addFrames" and len(args) == 2:
            charts[args[0]].frames = args[1]
        elif args[0] in charts and name == "animate":
            charts[args[0]].animate = args[2] if len(args) > 2 else {}
    return text.count(".then(") > sum(name != "newPlot" for name, _ in calls)


def _calls(text: str) -> list[tuple[str, list[Any]]] | None:
    """Each plotly call in `text` with its arguments, or None when one cannot be read."""
    calls = []
    for call in _CALL.finditer(text):
        args = _arguments(text, call.end())
        if not args or not isinstance(args[0], str):
            return None
        calls.append((call.group(1), args))
    return calls or None


def _arguments(text: str, at: int) -> list[Any] | None:
    """The JSON values (or a '…'-quoted id) from `at` up to the call's `)`."""
    args: list[Any] = []
    while True:
        at = _skip_space(text, at)
        if at >= len(text):
            return None
        if text[at] == ")" and not args:
            return args
        if text[at] == "'":
            end = text.find("'", at + 1)
            if end < 0:
                return None
            args.append(text[at + 1:end])
            at = end + 1
        else:
            try:
                value, at = _DECODER.raw_decode(text, at)
            except ValueError:
                return None
            args.append(value)
        at = _skip_space(text, at)
        if at < len(text) and text[at] == ")":
            return args
        if at >= len(text) or text[at] != ",":
            return None
        at += 1


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def load_plotly_js() -> None:
    """plotly.js into the page, once a session, before the first chart that needs it."""
    from desklaunch.core.session import current_session
    from desklaunch.ui.page import add_page_scripts

    session = current_session()
    if not session.data.get("plotlyjs"):
        library = plotly_js()
        if library is not None:
            add_page_scripts([library])
        session.data["plotlyjs"] = True
