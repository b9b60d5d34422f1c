"""The Linux libraries an app leaves to the target system, and the packages that provide them.

A frozen app runs on other distributions than the one it was built on. Some system libraries
must then be the target's own: the graphics stack (it has to match the target's Mesa or
NVIDIA driver), X11's client libraries (Mesa's drivers link the system's libxcb), ALSA (it
reads the target's sound configuration and plugins), the font libraries (they read the
target's font configuration and cache) and the C/C++ runtimes (a system library loaded into
the app, a Mesa driver for one, needs the target's libstdc++, never an older copy). Each
is on every Linux desktop. The AppImage community's excludelist (pkg2appimage) argues the
same list from reported breakage; ours keeps the entries that matter for what desklaunch
bundles. As that list does, we keep NSS, GLib, OpenSSL and Kerberos bundled (their sonames
or plugins differ between distributions, or a newer system copy breaks the bundled rest).

The build drops BASE from the app (the spec's `left_to_the_target`); the .deb's `Depends:`
and the .rpm's `Requires:` name each library's package (tests check it on real builds).
"""

from __future__ import annotations

from typing import NamedTuple


class SystemLibrary(NamedTuple):
    soname: str
    debian: str
    """Debian 12's package (`dpkg -S`)."""
    fedora: str
    why: str


BASE = (
    # The graphics driver stack: libglvnd dispatches to the target's driver; a bundled copy
    # loads the wrong driver or none (PyInstaller already leaves most of these out).
    SystemLibrary("libGL.so.1", "libgl1", "libglvnd-glx", "graphics driver (libglvnd)"),
    SystemLibrary("libEGL.so.1", "libegl1", "libglvnd-egl", "graphics driver (libglvnd)"),
    SystemLibrary("libGLX.so.0", "libglx0", "libglvnd-glx", "graphics driver (libglvnd)"),
    SystemLibrary("libGLdispatch.so.0", "libglvnd0", "libglvnd", "graphics driver (libglvnd)"),
    SystemLibrary("libOpenGL.so.0", "libopengl0", "libglvnd-opengl",
                  "graphics driver (libglvnd)"),
    SystemLibrary("libgbm.so.1", "libgbm1", "mesa-libgbm", "Mesa's: must match its drivers"),
    SystemLibrary("libglapi.so.0", "libglapi-mesa", "mesa-libglapi",
                  "Mesa's: must match its drivers"),
    SystemLibrary("libdrm.so.2", "libdrm2", "libdrm", "kernel graphics API: Mesa's drivers "
                  "need the target's"),
    SystemLibrary("libxcb-dri2.so.0", "libxcb-dri2-0", "libxcb", "Mesa's X11 link"),
    SystemLibrary("libxcb-dri3.so.0", "libxcb-dri3-0", "libxcb", "Mesa's X11 link"),
    SystemLibrary("libwayland-client.so.0", "libwayland-client0", "libwayland-client",
                  "Mesa's Wayland link"),
    # X11's client libraries: the target's Mesa links the target's libxcb; an older bundled
    # libxcb or libX11 lacks symbols it calls (xcb_send_fd, xcb_wait_for_reply64).
    SystemLibrary("libxcb.so.1", "libxcb1", "libxcb", "Mesa's drivers call the target's"),
    SystemLibrary("libX11.so.6", "libx11-6", "libX11", "must match the target's libxcb"),
    SystemLibrary("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb",
                  "must match the target's libxcb"),
    # Sound: reads /etc/asound.conf and loads the target's plugins (PipeWire, PulseAudio).
    SystemLibrary("libasound.so.2", "libasound2", "alsa-lib", "reads the target's sound "
                  "configuration and plugins"),
    # Fonts: the configuration and caches are the target's; a bundled fontconfig stalls on
    # them or finds no fonts; freetype/harfbuzz/fribidi go with the target's Pango.
    SystemLibrary("libfontconfig.so.1", "libfontconfig1", "fontconfig",
                  "reads the target's font configuration and caches"),
    SystemLibrary("libfreetype.so.6", "libfreetype6", "freetype", "goes with fontconfig"),
    SystemLibrary("libharfbuzz.so.0", "libharfbuzz0b", "harfbuzz", "goes with freetype"),
    SystemLibrary("libfribidi.so.0", "libfribidi0", "fribidi", "goes with the target's Pango"),
    # The C++ and C runtime helpers: the first copy loaded wins, and the target's own
    # libraries (a Mesa driver with LLVM) need the target's, never an older one.
    SystemLibrary("libstdc++.so.6", "libstdc++6", "libstdc++", "the target's C++ runtime"),
    SystemLibrary("libgcc_s.so.1", "libgcc-s1", "libgcc", "the target's C runtime helpers"),
    # The base system: on every installation (Debian's essential dpkg and util-linux need
    # zlib and libuuid), ABI-stable for decades; a bundled older copy
    # breaks the target's libraries loaded beside it (fontconfig, gcrypt, gnutls).
    SystemLibrary("libexpat.so.1", "libexpat1", "expat", "base system (fontconfig's)"),
    SystemLibrary("libz.so.1", "zlib1g", "zlib", "base system (dpkg needs it)"),
    SystemLibrary("libuuid.so.1", "libuuid1", "libuuid", "base system (util-linux)"),
    SystemLibrary("libgpg-error.so.0", "libgpg-error0", "libgpg-error",
                  "base system (the target's libgcrypt needs its own)"),
    SystemLibrary("libcom_err.so.2", "libcom-err2", "libcom_err", "base system (e2fsprogs)"),
    SystemLibrary("libgmp.so.10", "libgmp10", "gmp", "base system (the target's gnutls "
                  "needs its own)"),
)
"""What a Linux app never bundles (in every mode; --system-gtk leaves out more)."""

OTHER = (
    # The C library: PyInstaller never bundles it.
    *(SystemLibrary(name, "libc6", "glibc", "the C library") for name in (
        "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1",
        "libresolv.so.2", "libutil.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1")),
    # Wayland's other client libraries (PyInstaller leaves them out).
    SystemLibrary("libwayland-cursor.so.0", "libwayland-cursor0", "libwayland-cursor",
                  "Wayland"),
    SystemLibrary("libwayland-egl.so.1", "libwayland-egl1", "libwayland-egl", "Wayland"),
    SystemLibrary("libwayland-server.so.0", "libwayland-server0", "libwayland-server",
                  "Wayland"),
    # What the target's WebKitGTK brings and bundled GTK takes from it (FROM_WEBKITS_TARGET).
    SystemLibrary("libxml2.so.2", "libxml2", "libxml2", "WebKitGTK's"),
    # --system-gtk: GTK and PyGObject's libraries, and Python's own.
    SystemLibrary("libgtk-3.so.0", "libgtk-3-0", "gtk3", "--system-gtk"),
    SystemLibrary("libglib-2.0.so.0", "libglib2.0-0", "glib2", "--system-gtk"),
    SystemLibrary("libgobject-2.0.so.0", "libglib2.0-0", "glib2", "--system-gtk"),
    SystemLibrary("libgirepository-1.0.so.1", "libgirepository-1.0-1",
                  "gobject-introspection", "--system-gtk"),
    SystemLibrary("libcairo.so.2", "libcairo2", "cairo", "--system-gtk"),
    SystemLibrary("libcairo-gobject.so.2", "libcairo-gobject2", "cairo-gobject", "--system-gtk"),
    SystemLibrary("libffi.so.8", "libffi8", "libffi", "--system-gtk: Python's"),
    SystemLibrary("libssl.so.3", "libssl3", "openssl-libs", "--system-gtk: Python's"),
    SystemLibrary("libcrypto.so.3", "libssl3", "openssl-libs", "--system-gtk: Python's"),
    SystemLibrary("libsqlite3.so.0", "libsqlite3-0", "sqlite-libs", "--system-gtk: Python's"),
    SystemLibrary("liblzma.so.5", "liblzma5", "xz-libs", "--system-gtk: Python's"),
    SystemLibrary("libbz2.so.1.0", "libbz2-1.0", "bzip2-libs", "--system-gtk: Python's"),
    SystemLibrary("libreadline.so.8", "libreadline8", "readline", "--system-gtk: Python's"),
    SystemLibrary("libncursesw.so.6", "libncursesw6", "ncurses-libs", "--system-gtk: Python's"),
    SystemLibrary("libtinfo.so.6", "libtinfo6", "ncurses-libs", "--system-gtk: Python's"),
    SystemLibrary("libcrypt.so.1", "libcrypt1", "libxcrypt", "--system-gtk: Python's"),
)
"""Other libraries an app takes from the target, for the packages' dependencies."""

BASE_SONAMES = tuple(library.soname for library in BASE)
"""What the spec leaves out of every Linux app, by soname."""


def package_of(soname: str, distribution: str = "debian") -> str | None:
    """The package that provides `soname` on the target ("debian" or "fedora"), or None."""
    for library in (*BASE, *OTHER):
        if library.soname == soname:
            return library.debian if distribution == "debian" else library.fedora
    return None
