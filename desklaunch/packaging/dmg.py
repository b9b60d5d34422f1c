"""`desklaunch build --installer dmg`: a macOS disk image holding the .app and a link to
/Applications, the way Mac apps are handed over (open it, drag the app onto the link).

hdiutil, which makes it, exists only on macOS; the build command offers the .dmg only there.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from desklaunch.errors import UsageError

if TYPE_CHECKING:
    from desklaunch.packaging.plan import Plan


def dmg_name(name: str, version: str) -> str:
    """The image's file name: `<App>-<version>.dmg`."""
    return f"{name}-{version}.dmg"


def hdiutil_command(volume: str, staging: Path, out: Path) -> list[str]:
    """hdiutil's command line: a compressed (UDZO) image of `staging`, replacing `out`."""
    return ["hdiutil", "create", "-volname", volume, "-srcfolder", str(staging), "-ov",
            "-format", "UDZO", str(out)]


def make_dmg(app: Path, volume: str, staging: Path, out: Path) -> Path:
    """Copy `app` (an .app bundle) into `staging` beside an /Applications link and make the
    image `out` of it with hdiutil."""
    if app.suffix != ".app" or not app.is_dir():
        raise UsageError(f"{app} is no .app bundle (a .dmg holds a windowed macOS build)")
    if shutil.which("hdiutil") is None:
        raise UsageError("a .dmg needs macOS's hdiutil, which is not here")
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    shutil.copytree(app, staging / app.name, symlinks=True)
    (staging / "Applications").symlink_to("/Applications")
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(hdiutil_command(volume, staging, out), check=True, capture_output=True,
                   text=True)
    return out


def build_dmg(plan: Plan) -> Path:
    """macOS: `<App>-<version>.dmg` in plan.dist from the built .app."""
    return make_dmg(plan.app_path, plan.name, plan.work / plan.name / "dmg",
                    plan.dist / dmg_name(plan.name, plan.version))
