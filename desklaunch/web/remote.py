"""Files fetched from the web for the page, served from the app's own origin.

The page loads nothing from other sites (its CSP allows only its own origin), so a script's
`put_image("https://…")` or `config(js_file="https://…")` is fetched here, when the page
asks for it, and answered as a same-origin resource. The rules: http and https only; a
redirect may not change the scheme; a time limit for the whole fetch; a size cap per kind;
the answer's type checked (an image by its first bytes, a script or a style sheet by its
declared type). A failure is a `FetchError` with one line a person can read.
"""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from desklaunch.core.imagetypes import sniff_image

SIZE_LIMITS = {"image": 10 * 1024 * 1024, "js": 8 * 1024 * 1024, "css": 2 * 1024 * 1024}
"""The largest file accepted, per kind of resource."""
_TEXT_TYPES = {"js": ("javascript", "ecmascript", "text/plain"), "css": ("text/css", "text/plain")}
_CONTENT_TYPES = {"js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8"}
_CHUNK = 64 * 1024
_USER_AGENT = "Mozilla/5.0 (compatible; desklaunch)"


class FetchError(Exception):
    """A file could not be fetched; `str()` says why in one line."""


@dataclass(frozen=True)
class Fetched:
    body: bytes
    content_type: str


class _SameSchemeRedirects(urllib.request.HTTPRedirectHandler):
    """Follow at most 5 redirects, each to the scheme the request already had."""

    max_redirections = 5

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str,
                         headers: Any, newurl: str) -> urllib.request.Request | None:
        old, new = urlsplit(req.full_url).scheme, urlsplit(newurl).scheme.lower()
        if new != old:
            fp.close()
            raise FetchError(f"it redirects from {old}: to another scheme ({new or 'none'}:)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class RemoteFiles:
    """Fetches with limits, and keeps recent answers (and, briefly, failures) in memory."""

    def __init__(self, *, timeout: float = 10.0, cache_bytes: int = 64 * 1024 * 1024,
                 failure_ttl: float = 15.0) -> None:
        self.timeout = timeout
        self.cache_bytes = cache_bytes
        self.failure_ttl = failure_ttl
        self._opener = urllib.request.build_opener(_SameSchemeRedirects)
        self._cache: OrderedDict[tuple[str, str], tuple[Fetched | FetchError, float]] = \
            OrderedDict()
        self._cached_bytes = 0
        self._lock = threading.Lock()

    def get(self, url: str, kind: str) -> Fetched:
        """The file at `url` as a resource of `kind` ("image", "js", "css"); FetchError if not."""
        key = (url, kind)
        with self._lock:
            found = self._cache.get(key)
            if found is not None and found[1] > time.monotonic():
                self._cache.move_to_end(key)
                if isinstance(found[0], FetchError):
                    raise found[0]
                return found[0]
        try:
            fetched = self._fetch(url, kind)
        except FetchError as exc:
            self._keep(key, exc, time.monotonic() + self.failure_ttl, 0)
            raise
        self._keep(key, fetched, float("inf"), len(fetched.body))
        return fetched

    def _keep(self, key: tuple[str, str], value: Fetched | FetchError, until: float,
              size: int) -> None:
        with self._lock:
            old = self._cache.pop(key, None)
            if old is not None and isinstance(old[0], Fetched):
                self._cached_bytes -= len(old[0].body)
            if size > self.cache_bytes:
                return
            self._cache[key] = (value, until)
            self._cached_bytes += size
            while self._cached_bytes > self.cache_bytes:
                _, (dropped, _) = self._cache.popitem(last=False)
                if isinstance(dropped, Fetched):
                    self._cached_bytes -= len(dropped.body)

    def _fetch(self, url: str, kind: str) -> Fetched:
        scheme = urlsplit(url).scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(f"only http and https addresses can be fetched, not {scheme or url!r}")
        limit = SIZE_LIMITS[kind]
        deadline = time.monotonic() + self.timeout
        try:
            sent = as_browsers_send(url)
        except UnicodeError:
            raise FetchError(f"the address's host name is not valid: {url!r}") from None
        request = urllib.request.Request(sent, headers={"User-Agent": _USER_AGENT})
        try:
            with self._opener.open(request, timeout=self.timeout) as answer:
                declared = answer.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > limit:
                    raise FetchError(f"the file is larger than {limit // (1024 * 1024)} MiB")
                body = _read(answer, limit, deadline, self.timeout)
                media_type = answer.headers.get_content_type()
        except FetchError:
            raise
        except urllib.error.HTTPError as exc:
            exc.close()
            raise FetchError(f"the site answered {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            raise FetchError(_reason(exc.reason)) from None
        except TimeoutError:
            raise FetchError(f"no answer within {self.timeout:g} s") from None
        except OSError as exc:
            raise FetchError(_reason(exc)) from None
        except ValueError as exc:
            raise FetchError(f"the address is not valid: {exc}") from None
        return Fetched(body, _checked_type(kind, body, media_type))


def as_browsers_send(url: str) -> str:
    """`url` as a browser sends it: the host in ASCII (IDNA), the path and query with what
    is not ASCII (or is a space) percent-encoded as UTF-8; what is encoded already stays."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = host.encode("idna").decode("ascii") if not host.isascii() else host
    if ":" in netloc:
        netloc = f"[{netloc}]"  # an IPv6 address
    if parts.port is not None:
        netloc = f"{netloc}:{parts.port}"
    if "@" in parts.netloc:
        netloc = f"{parts.netloc.rsplit('@', 1)[0]}@{netloc}"
    path = quote(parts.path, safe="/%:@!$&'()*+,;=-._~")
    query = quote(parts.query, safe="/?%:@!$&'()*+,;=-._~")
    return urlunsplit((parts.scheme, netloc, path, query, ""))


def _read(answer: Any, limit: int, deadline: float, timeout: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := answer.read(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise FetchError(f"the file is larger than {limit // (1024 * 1024)} MiB")
        if time.monotonic() > deadline:
            raise FetchError(f"no answer within {timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _checked_type(kind: str, body: bytes, media_type: str) -> str:
    if kind == "image":
        sniffed = sniff_image(body)
        if sniffed is None:
            raise FetchError(f"the answer is not an image (it is {media_type})")
        return sniffed
    head = body[:200].lstrip().lower()
    if not any(wanted in media_type for wanted in _TEXT_TYPES[kind]) or \
            head.startswith((b"<!doctype", b"<html")):
        raise FetchError(f"the answer is not a {'script' if kind == 'js' else 'style sheet'} "
                         f"(it is {media_type})")
    return _CONTENT_TYPES[kind]


def _reason(reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return "no answer in time"
    text = str(getattr(reason, "strerror", None) or reason)
    return f"the site cannot be reached (offline?): {text}"
