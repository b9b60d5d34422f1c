"""The name a Linux installer gives its package and its command on PATH, and whether that
name is free on the building machine.

A package named like one of the distribution's (`bc.py` would make `bc`, `hello.py` would
make `hello`) replaces it when installed, or is replaced by it at the next upgrade, whose
version is higher; a command named like one already in /usr/bin makes the install fail. So
such a name is refused before the build starts, wherever this machine's package manager
knows of it, and `--package-name` names the package without renaming the app.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from desklaunch.errors import UsageError

if TYPE_CHECKING:
    from desklaunch.packaging.plan import Plan

PACKAGE_NAME = re.compile(r"[a-z0-9][a-z0-9+.-]+")
OURS = "made with desklaunch"
"""In the description of every package desklaunch makes (installfiles.summary): a package of
that name is an earlier build of the app, which the new one is meant to replace."""
COMMANDS = Path("/usr/bin")
"""Where the package puts its command (installfiles.stage_linux_files)."""
QUERY_GUARD = 30.0
"""Seconds a package manager may take to answer (apt reads its lists on a cold cache)."""

_LATIN = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe",
                        "Œ": "OE", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th",
                        "Þ": "Th", "\u0131": "i"})  # the last: Turkish dotless i


def package_name(app_name: str) -> str:
    """A package name from the app's name: its Latin letters without their accents
    ("Grüße App" is grusse-app), lower case, dashes for the rest (valid for Debian and rpm
    alike)."""
    plain = "".join(char for char in unicodedata.normalize("NFKD", app_name.translate(_LATIN))
                    if not unicodedata.combining(char))
    name = re.sub(r"[^a-z0-9+.-]+", "-", plain.lower()).strip("-.+")
    if not PACKAGE_NAME.fullmatch(name):
        raise UsageError(f"{app_name!r} has no Latin letters or digits, which Debian and rpm "
                         "package names are made of; name the package with --package-name "
                         "(the app keeps its name in the menu)")
    return name


def chosen_package(app_name: str, requested: str | None) -> str:
    """The package's name: `--package-name` as given, checked, or one made from the app's."""
    if requested is None:
        return package_name(app_name)
    if not PACKAGE_NAME.fullmatch(requested):
        raise UsageError(f"--package-name {requested!r}: a package name is two or more of a-z, "
                         "0-9, '+', '-' and '.', starting with a letter or digit")
    return requested


def bundle_identifier(app_name: str, package: str | None = None) -> str:
    """The macOS bundle identifier: `org.desklaunch.` and the package's name, or the app's
    name, in what Apple allows there (Latin letters, digits, '-' and '.'); a name with no
    Latin letter or digit ("计算器") gets one made from it, the same at every build and its
    own."""
    plain = "".join(char for char in unicodedata.normalize("NFKD", app_name.translate(_LATIN))
                    if not unicodedata.combining(char))
    name = re.sub(r"[^A-Za-z0-9.-]+", "-", package or plain).strip("-.")
    if not name:
        name = "app-" + hashlib.sha256(app_name.encode()).hexdigest()[:10]
    return f"org.desklaunch.{name}"


def linux_package(plan: Plan) -> str:
    """The name of the .deb or .rpm made of `plan`'s app, and of its command on PATH."""
    return chosen_package(plan.name, plan.package)


def check_free(package: str, app_name: str) -> None:
    """Refuse `package` in one line when this machine knows it as another package's name
    or its command as another program's; an earlier build of the app itself is fine."""
    taken = _taken(package)
    if taken is None:
        return
    raise UsageError(f"{package!r} is {taken}; name the app's package with --package-name "
                     f"(the app keeps {app_name!r} as its name in the menu)")


def _taken(package: str) -> str | None:
    """What already goes by `package` here, in words; None when nothing does."""
    installed = _run(["dpkg-query", "-W", "-f", "${db:Status-Abbrev}\t${Version}\t"
                      "${binary:Summary}\t${Description}", package])
    if installed:
        status, version, summary, description = [*installed.split("\t", 3), "", "", ""][:4]
        if status[1:2] not in ("n", "") and OURS not in description:
            return (f"the name of a package installed here ({package} {version}: {summary}), "
                    "which installing the app would replace")
    known = _run(["apt-cache", "show", "--no-all-versions", package])
    if known and f"Package: {package}\n" in known + "\n" and OURS not in known:
        fields = dict(re.findall(r"^([\w-]+): (.*)$", known, re.M))
        return (f"the name of a package of this machine's distribution ({package} "
                f"{fields.get('Version', '')}: {fields.get('Description', '')}), which an "
                "upgrade would install over the app")
    rpm = _run(["rpm", "-q", "--qf", "%{VERSION}\t%{SUMMARY}\t%{DESCRIPTION}", package])
    if rpm and OURS not in rpm:
        version, summary = [*rpm.split("\t"), ""][:2]
        return (f"the name of a package installed here ({package} {version}: {summary}), "
                "which installing the app would replace")
    command = COMMANDS / package
    if command.exists() and not _our_command(command, package):
        owner = next((found for path in (command, Path("/bin") / package)  # merged /usr
                      if (found := _run(["dpkg-query", "-S", str(path)]))), None)
        owner = owner or _run(["rpm", "-qf", "--qf", "%{NAME}:", str(command)])
        source = f", from {owner.split(':')[0]}" if owner and ":" in owner else ""
        return (f"already a command here ({command}{source}), which the app's command "
                "would clash with")
    return None


def _our_command(command: Path, package: str) -> bool:
    """Whether `command` is the two-line script an earlier install of the app put there."""
    try:
        return f"/opt/{package}/" in command.read_text(encoding="utf-8", errors="replace")[:500]
    except OSError:
        return False


def _run(command: list[str]) -> str | None:
    """A package manager's answer, or None when it has none (or is not on this machine)."""
    if shutil.which(command[0]) is None:
        return None
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=QUERY_GUARD)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else None
