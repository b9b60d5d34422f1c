"""Which of the world's common scripts this Linux machine has no font for, so that text in
them shows as empty boxes in the window; and the packages that bring one.

The window's page takes its fonts from the system (fontconfig). A minimal install (a
container, WSL, a server turned desktop) often has only Latin ones: Chinese, Japanese,
Korean, Hindi or Thai text then shows as boxes, whatever the app does. `desklaunch doctor`
says so, with the command that fixes it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

SCRIPTS = (("Chinese", "zh-cn"), ("Japanese", "ja"), ("Korean", "ko"), ("Arabic", "ar"),
           ("Hebrew", "he"), ("Hindi", "hi"), ("Thai", "th"))
"""The languages checked, by their fontconfig names: the most spoken ones in scripts of
their own."""
CJK = frozenset({"Chinese", "Japanese", "Korean"})
APT_CJK, APT_OTHERS = "fonts-noto-cjk", "fonts-noto-core"
"""Debian's: the CJK fonts, and one package with the other scripts' fonts."""
DNF = {"Arabic": "google-noto-sans-arabic-fonts", "Hebrew": "google-noto-sans-hebrew-fonts",
       "Hindi": "google-noto-sans-devanagari-fonts", "Thai": "google-noto-sans-thai-fonts"}
DNF_CJK = "google-noto-sans-cjk-fonts"
"""Fedora's: a package a script."""


def missing() -> list[str] | None:
    """The languages of `SCRIPTS` no installed font covers; None when that cannot be told
    (not Linux, or no fontconfig)."""
    if not sys.platform.startswith("linux") or shutil.which("fc-list") is None:
        return None
    lacking = []
    for name, code in SCRIPTS:
        try:
            found = subprocess.run(["fc-list", f":lang={code}", "family"], capture_output=True,
                                   text=True, timeout=10, check=False).stdout
        except (OSError, subprocess.TimeoutExpired):
            return None
        if not found.strip():
            lacking.append(name)
    return lacking


def advice(lacking: list[str]) -> str:
    """One line: which text shows as boxes, and the packages that give it a font."""
    cjk, others = CJK & set(lacking), [name for name in lacking if name not in CJK]
    apt = " ".join([APT_CJK] * bool(cjk) + [APT_OTHERS] * bool(others))
    dnf = " ".join([DNF_CJK] * bool(cjk) + [DNF[name] for name in others])
    return (f"no font here for {', '.join(lacking)} text, which shows as empty boxes: "
            f"Debian/Ubuntu: sudo apt-get install -y {apt}; Fedora: sudo dnf install -y {dnf}")
