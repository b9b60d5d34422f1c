#!/usr/bin/env bash
# scripts/setup.sh [--browser] — make this checkout ready to run desklaunch and its tests.
#
# What it does, each step only when needed (a second run takes a fraction of a second and
# never touches the network):
#   1. apt: the system libraries that PyQt6 / QtWebEngine wheels from PyPI link against but a
#      bare Debian 12 image lacks, a font, Xvfb for tests that want a real X server, GTK's
#      WebKit2GTK and what PyGObject builds against, the installer tools the tests use
#      (lintian, rpm, nsis), and with --browser the Chromium that Playwright drives.
#   2. .venv: a virtual environment with `pip install -e ".[qt,test]"`, redone only when
#      pyproject.toml changed since the last successful install (hash kept in .venv), and
#      PyGObject, so the window tests run with GTK as well as Qt.
# Why: a fresh clone on a fresh machine must reach `make demo` / `make test` with no manual step.
# Env: PYTHON (interpreter that creates .venv, default python3).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

with_browser=0
for arg in "$@"; do
    case "$arg" in
        --browser) with_browser=1 ;;
        -h | --help)
            sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "setup: unknown argument '$arg' (usage: scripts/setup.sh [--browser])" >&2
            exit 2
            ;;
    esac
done

# --- 1. system packages ------------------------------------------------------------------

# Libraries the PyQt6 / PyQt6-WebEngine wheels link against directly (DT_NEEDED of QtCore,
# QtGui, QtWidgets, QtNetwork, QtWebEngineCore, QtWebEngineProcess, and the offscreen and xcb
# platform plugins). libc6, libstdc++6, libgcc-s1, zlib1g and libzstd1 are part of every
# Debian image and are left out. Software OpenGL (Mesa's llvmpipe, used under Xvfb and
# probed offscreen) comes in through the Depends of libegl1 and libgl1.
qt_packages=(
    libglib2.0-0 libdbus-1-3 libudev1 libexpat1 libbrotli1 libgssapi-krb5-2 # QtCore/Network
    libfontconfig1 libfreetype6 libxkbcommon0 libegl1 libgl1 libgbm1        # QtGui, rendering
    libnss3 libnspr4 libasound2 libxkbfile1                                 # QtWebEngineCore
    libx11-6 libx11-xcb1 libxext6 libxfixes3 libxrandr2 libxtst6             # X11 (WebEngine,
    libxcomposite1 libxdamage1 libxkbcommon-x11-0                           #  xcb plugin)
    libxcb1 libxcb-cursor0 libxcb-dri3-0 libxcb-glx0 libxcb-icccm4 libxcb-image0
    libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0
    libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1
    fonts-dejavu-core # without any font, pages render text as empty boxes
)
# A real X server for the tests that need one (GTK has no offscreen mode): `xvfb-run` needs
# xauth too; x11-utils' `xwininfo` reads the class a window goes by (its menu entry's).
x_packages=(xvfb xauth x11-utils)
# pywebview's GTK backend: WebKit2GTK's typelib (it brings GTK 3 and python3-gi's GObject
# data), and what `pip install "PyGObject<3.51"` builds against in .venv (Debian 12 lacks the
# girepository-2.0 that later PyGObject releases need).
gtk_packages=(python3-gi gir1.2-webkit2-4.1 libgirepository1.0-dev libcairo2-dev pkg-config)
# The installer tests: lintian checks the .deb; rpmbuild (with rpm2archive) builds and reads
# back the .rpm; makensis compiles the generated NSIS script into a Windows setup.exe;
# patchelf clears the build Python's library path (pyenv's) from the packaged app;
# binutils: PyInstaller strips the app's binaries and the frozen tests read them (readelf).
installer_packages=(lintian rpm nsis patchelf binutils)
# The browser the tests drive through Playwright; Playwright's bundled node driver links
# libatomic.so.1, which bare images lack.
browser_packages=(chromium libatomic1)

wanted=("${qt_packages[@]}" "${x_packages[@]}" "${gtk_packages[@]}" "${installer_packages[@]}")
((with_browser)) && wanted+=("${browser_packages[@]}")

PYTHON="${PYTHON:-python3}"
if ! command -v "$PYTHON" >/dev/null; then
    echo "setup: '$PYTHON' not found; install Python >= 3.10 (Debian: apt-get install python3 python3-venv)" >&2
    exit 1
fi
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
    echo "setup: $("$PYTHON" -V 2>&1) is too old; desklaunch needs Python >= 3.10 (set PYTHON=...)" >&2
    exit 1
fi
# Debian's own python3 can only make a venv with python3-venv (ensurepip) installed.
if [[ ! -x .venv/bin/python ]] && ! "$PYTHON" -c 'import ensurepip' 2>/dev/null; then
    wanted+=(python3-venv)
fi

# One dpkg-query call for all packages; the ones not reported "installed" are missing.
declare -A installed=()
while read -r pkg; do
    installed[$pkg]=1
done < <(dpkg-query -W -f='${Package} ${Status}\n' "${wanted[@]}" 2>/dev/null |
    awk '$NF == "installed" { print $1 }')
missing=()
for pkg in "${wanted[@]}"; do
    [[ -n "${installed[$pkg]:-}" ]] || missing+=("$pkg")
done

if ((${#missing[@]})); then
    if ((EUID == 0)); then
        sudo=()
    elif command -v sudo >/dev/null; then
        sudo=(sudo)
    else
        echo "setup: missing system packages; as root run: apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
        exit 1
    fi
    echo "setup: installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Wait for another apt/dpkg run to finish instead of failing on its lock.
    apt_opts=(-qq -o DPkg::Lock::Timeout=600)
    apt_log=$(mktemp)
    if ! "${sudo[@]}" apt-get "${apt_opts[@]}" update >"$apt_log" 2>&1 ||
        ! "${sudo[@]}" apt-get "${apt_opts[@]}" install -y --no-install-recommends \
            "${missing[@]}" >>"$apt_log" 2>&1; then
        tail -n 30 "$apt_log" >&2
        rm -f "$apt_log"
        echo "setup: apt-get failed (output above)" >&2
        exit 1
    fi
    rm -f "$apt_log"
fi

# --- 2. virtual environment --------------------------------------------------------------

# A .venv whose interpreter no longer runs (moved checkout, removed Python) is rebuilt.
if [[ -e .venv ]] && ! .venv/bin/python -c '' 2>/dev/null; then
    echo "setup: .venv is broken; recreating it"
    rm -rf .venv
fi
if [[ ! -x .venv/bin/python ]]; then
    echo "setup: creating .venv with $("$PYTHON" -V 2>&1)"
    "$PYTHON" -m venv .venv
fi

stamp=.venv/.desklaunch-installed
want_hash=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [[ "$(cat "$stamp" 2>/dev/null)" != "$want_hash" ]]; then
    echo "setup: installing Python packages (pip install -e \".[qt,test]\")"
    pip_log=.venv/pip-install.log
    if ! .venv/bin/python -m pip install --disable-pip-version-check -q -e ".[qt,test]" \
        >"$pip_log" 2>&1; then
        grep -v 'is ignored: it is neither a file nor a directory' "$pip_log" | tail -n 40 >&2
        echo "setup: pip install failed (full log: $pip_log)" >&2
        exit 1
    fi
    echo "$want_hash" >"$stamp"
fi

# PyGObject for the GTK window tests: built once from source (pip keeps the wheel it built).
if ! .venv/bin/python -c 'import gi' 2>/dev/null; then
    echo "setup: installing PyGObject for the GTK backend (pip install \"PyGObject<3.51\")"
    pip_log=.venv/pip-gtk.log
    if ! .venv/bin/python -m pip install --disable-pip-version-check -q "PyGObject<3.51" \
        >"$pip_log" 2>&1; then
        grep -v 'is ignored: it is neither a file nor a directory' "$pip_log" | tail -n 40 >&2
        echo "setup: pip install PyGObject failed (full log: $pip_log)" >&2
        exit 1
    fi
fi

# --- done --------------------------------------------------------------------------------

summary="$(.venv/bin/python -V 2>&1) in .venv"
((with_browser)) && summary+=", chromium at $(command -v chromium || echo '?')"
echo "setup: ready ($summary)"
