"""The gate every request passes before any route: Host pin, launch secret, origin, limits.

It is plain WSGI middleware so it wraps every route the same way, the page and its assets
included, and so that a raw-socket test exercises exactly what a window's requests meet.
The order of checks follows DESIGN.md; SECURITY.md lists the attacks each one stops.
"""

from __future__ import annotations

import hmac
import secrets
import threading
from collections.abc import Callable, Iterable
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlencode

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

SECRET_PARAM = "launch"
UPLOAD_PATH = "/api/upload"
"""The one route whose POST body is `application/octet-stream` (a chunk of a file)."""
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; media-src 'self' data: blob:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Cache-Control", "no-store"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
)
"""No `Cross-Origin-Opener-Policy`: no other site can hold a working reference to the page
(the per-launch secret and the SameSite=Strict cookie turn its `window.open` of the app into
a 403 page; the launcher opens the tab without an opener; the page's links to other sites
open without one), so the policy protects nothing here, while Chromium and WebKitGTK move a
page that sets it into a new process on every load (measured: ~40 ms more before first
content in Chromium, ~0.2 s in WebKitGTK; BENCHMARKS.md 2026-12-02)."""
_ALLOWED_FETCH_SITES = frozenset({"same-origin", "none"})


class Gate:
    """Refuse every request that is not from this launch's own window or tab."""

    def __init__(self, app: WSGIApp, *, port: int, secret: str, body_limit: int) -> None:
        self.app = app
        self.headers = SECURITY_HEADERS
        self.host = f"127.0.0.1:{port}"
        self.origin = f"http://{self.host}"
        self.cookie_name = f"desklaunch-{port}"
        self.body_limit = body_limit
        self._secret = secret
        self._cookie_value = secrets.token_urlsafe(32)
        self._secret_used = False
        self._lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]
                 ) -> Iterable[bytes]:
        refusal = self._refusal(environ)
        if refusal is not None:
            return refusal(start_response, self.headers)

        def secure_start(status: str, headers: list[tuple[str, str]], exc_info: Any = None
                         ) -> Any:
            return start_response(status, [*headers, *self.headers], exc_info)

        return self.app(environ, secure_start)

    def _refusal(self, environ: dict[str, Any]) -> _Answer | None:
        if environ.get("HTTP_HOST") != self.host:
            return _Answer(403, "wrong host")
        if environ.get("HTTP_SEC_FETCH_SITE", "same-origin") not in _ALLOWED_FETCH_SITES:
            return _Answer(403, "cross-site request")
        method = environ.get("REQUEST_METHOD", "")
        if method not in ("GET", "HEAD", "POST"):
            return _Answer(405, "method not allowed", [("Allow", "GET, HEAD, POST")])
        query = environ.get("QUERY_STRING", "")
        offered = _query_value(query, SECRET_PARAM)
        if not self._has_cookie(environ):
            if method == "GET" and offered is not None and self._take_secret(offered):
                return self._trade_secret(environ, query)
            return _Answer(403, "this page belongs to another launch")
        if offered is not None:
            return _Answer.redirect(_without_secret(environ, query))
        path = environ.get("PATH_INFO", "")
        if path.startswith("/api/") and environ.get("HTTP_X_DESKLAUNCH") != "1":
            return _Answer(403, "missing X-Desklaunch header")
        if method == "POST":
            return self._post_refusal(environ)
        return None

    def _post_refusal(self, environ: dict[str, Any]) -> _Answer | None:
        origin = environ.get("HTTP_ORIGIN")
        if origin is not None and origin != self.origin:
            return _Answer(403, "wrong origin")
        media_type = environ.get("CONTENT_TYPE", "").split(";", 1)[0].strip().lower()
        # File chunks travel as raw bytes, to their own route only; everything else is JSON.
        wanted = ("application/octet-stream" if environ.get("PATH_INFO") == UPLOAD_PATH
                  else "application/json")
        if media_type != wanted:
            return _Answer(415, f"the body must be {wanted}")
        length = environ.get("CONTENT_LENGTH") or "0"
        if not length.isdigit() or not length.isascii():
            return _Answer(400, "bad Content-Length")
        if int(length) > self.body_limit:
            return _Answer(413, "the body is too large")
        return None

    def _has_cookie(self, environ: dict[str, Any]) -> bool:
        value = _cookie_value(environ.get("HTTP_COOKIE", ""), self.cookie_name)
        return value is not None and hmac.compare_digest(
            value.encode("latin-1", "replace"), self._cookie_value.encode()
        )

    def _take_secret(self, offered: str) -> bool:
        """The launch secret opens the door once; a second use is refused."""
        matches = hmac.compare_digest(offered.encode("utf-8", "replace"), self._secret.encode())
        with self._lock:
            if not matches or self._secret_used:
                return False
            self._secret_used = True
            return True

    def _trade_secret(self, environ: dict[str, Any], query: str) -> _Answer:
        cookie = (f"{self.cookie_name}={self._cookie_value}; HttpOnly; SameSite=Strict; "
                  "Path=/")
        return _Answer.redirect(_without_secret(environ, query), [("Set-Cookie", cookie)])


class _Answer:
    """A short plain-text answer the gate gives instead of calling the app."""

    _REASONS: ClassVar[dict[int, str]] = {303: "See Other", 400: "Bad Request", 403: "Forbidden",
                405: "Method Not Allowed", 413: "Content Too Large",
                415: "Unsupported Media Type"}

    def __init__(self, status: int, text: str,
                 headers: list[tuple[str, str]] | None = None) -> None:
        self.status = status
        self.body = f"{status} {self._REASONS[status]}: {text}\n".encode()
        self.headers = headers or []

    @classmethod
    def redirect(cls, location: str, headers: list[tuple[str, str]] | None = None) -> _Answer:
        return cls(303, "continuing", [("Location", location), *(headers or [])])

    def __call__(self, start_response: Callable[..., Any],
                 security: tuple[tuple[str, str], ...] = SECURITY_HEADERS) -> list[bytes]:
        start_response(f"{self.status} {self._REASONS[self.status]}", [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(self.body))),
            *self.headers,
            *security,
        ])
        return [self.body]


def _query_value(query: str, name: str) -> str | None:
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key == name:
            return value
    return None


def _without_secret(environ: dict[str, Any], query: str) -> str:
    rest = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != SECRET_PARAM]
    path = environ.get("PATH_INFO", "/") or "/"
    if not path.startswith("/") or path.startswith("//"):
        path = "/"
    return path + ("?" + urlencode(rest) if rest else "")


def _cookie_value(header: str, name: str) -> str | None:
    for part in header.split(";"):
        key, sep, value = part.strip().partition("=")
        if sep and key == name:
            return value
    return None
