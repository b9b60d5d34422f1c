"""What one `desklaunch build` will make: the script, the app's name, and PyInstaller's inputs.

The build command fills a `Plan` from its command line; the spec and desktop-entry writers
read it. It lives apart from both so neither imports the other.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Plan:
    """Everything one build needs, checked: what `main()` turns the command line into."""

    script: Path
    name: str
    module: str | None = None
    """`build -m`: the module run as `desklaunch -m` runs it; `script` is its file, and
    its top package travels whole (`module_source`)."""
    module_source: Path | None = None
    """`build -m`: the top package's folder (or the module's file) bundled at the app's root."""
    title: str | None = None
    onefile: bool = False
    windowed: bool = True
    icon: Path | None = None
    datas: list[tuple[str, str]] = field(default_factory=list)
    hidden_imports: list[str] = field(default_factory=list)
    needed_at_start: list[str] = field(default_factory=list)
    """The modules the script imports as it starts, outside functions, `try`s that catch
    ImportError and platform branches: the ones whose absence the build warns of."""
    left_out: list[str] = field(default_factory=list)
    """`--exclude`: packages left out although bundled code imports them (in a function)."""
    not_installed: list[str] = field(default_factory=list)
    """The modules the script imports that the building Python could not import (warned
    of); the app's note for one that is then missing says so."""
    dist: Path = Path("dist")
    work: Path = Path("build")
    gui: str | None = None
    """The one window backend bundled ("qt" or "gtk"; None: the platform's own)."""
    system_gtk: bool = False
    """GTK builds: use the target's own GTK, GLib and WebKitGTK instead of bundled copies."""
    installer: str | None = None
    """The installer to make of the built app: "deb", "rpm", "nsis" or "dmg" (None: none)."""
    package: str | None = None
    """`--package-name`: the Linux installer's package and command on PATH (None: made from
    `name`, packagenames.linux_package)."""
    version: str = "1.0.0"
    maintainer: str = "desklaunch app <nobody@example.invalid>"
    languages: list[str] = field(default_factory=list)
    """The translations kept (GTK's, Chromium's in Qt); empty: English only."""
    metadata: list[str] = field(default_factory=lambda: ["desklaunch"])
    """The distributions whose installed records the app carries (what the script asks
    `importlib.metadata` about, and desklaunch's own)."""

    @property
    def app_path(self) -> Path:
        """Where the result lands: a folder (onedir), one file, or an .app on macOS."""
        if sys.platform == "darwin" and self.windowed:
            return self.dist / f"{self.name}.app"
        suffix = ".exe" if sys.platform == "win32" else ""
        return self.dist / (self.name + suffix if self.onefile else self.name)
