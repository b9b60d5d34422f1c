"""Files the app fetches from the web for the page, against a real local HTTP server."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from desklaunch.web import remote
from desklaunch.web.remote import FetchError, RemoteFiles

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201d2ad5b0e0000000049454e44ae426082"
)


class _Site(BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}

    def do_GET(self) -> None:
        _Site.hits[self.path] = _Site.hits.get(self.path, 0) + 1
        routes = {
            "/logo.png": (200, "image/png", PNG),
            "/lying.png": (200, "image/png", b"<!doctype html><p>not an image</p>"),
            "/app.js": (200, "application/javascript", b"window.loaded = 1;"),
            "/page.css": (200, "text/html", b"<html></html>"),
            "/style.css": (200, "text/css", b"p { color: red }"),
        }
        if self.path == "/%E5%9B%BE.png?text=%E5%9B%BE%20a":  # /图.png?text=图 a, as sent
            self._answer(200, "image/png", PNG)
        elif self.path in routes:
            status, kind, body = routes[self.path]
            self._answer(status, kind, body)
        elif self.path == "/big.png":
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
        elif self.path == "/endless.png":
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(PNG)
            for _ in range(64):
                self.wfile.write(b"\0" * 4096)
        elif self.path == "/to-ftp":
            self._redirect("ftp://127.0.0.1/logo.png")
        elif self.path == "/to-logo":
            self._redirect("/logo.png")
        elif self.path == "/slow.png":
            time.sleep(3)
            self._answer(200, "image/png", PNG)
        else:
            self._answer(404, "text/plain", b"no")

    def _answer(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass

    def handle(self) -> None:
        # The client stops reading on purpose (a size cap, a time limit).
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, name="test-site")
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_an_image_is_fetched_and_its_type_read_from_its_bytes(site: str) -> None:
    fetched = RemoteFiles().get(f"{site}/logo.png", "image")
    assert fetched.body == PNG and fetched.content_type == "image/png"


def test_an_address_with_other_letters_is_sent_as_a_browser_sends_it(site: str) -> None:
    """`put_image("https://…/图.png?text=图")` works as in the page: the path and query go
    percent-encoded; a host name in other letters goes in its ASCII form."""
    assert RemoteFiles().get(f"{site}/图.png?text=图 a", "image").body == PNG
    assert remote.as_browsers_send("https://bücher.example/a%20b?q=1#top") == \
        "https://xn--bcher-kva.example/a%20b?q=1"
    assert remote.as_browsers_send("http://user:pw@[::1]:8080/x") == "http://user:pw@[::1]:8080/x"


def test_a_same_scheme_redirect_is_followed_another_scheme_is_not(site: str) -> None:
    files = RemoteFiles()
    assert files.get(f"{site}/to-logo", "image").body == PNG
    with pytest.raises(FetchError, match=r"redirects from http: to another scheme \(ftp:\)"):
        files.get(f"{site}/to-ftp", "image")


@pytest.mark.parametrize(("path", "kind", "message"), [
    ("/lying.png", "image", r"not an image \(it is image/png\)"),
    ("/page.css", "css", r"not a style sheet \(it is text/html\)"),
    ("/big.png", "image", "larger than 10 MiB"),
    ("/missing.png", "image", "answered 404"),
])
def test_what_is_refused_says_why(site: str, path: str, kind: str, message: str) -> None:
    with pytest.raises(FetchError, match=message):
        RemoteFiles().get(site + path, kind)


def test_scripts_and_style_sheets_of_their_type_are_served_as_ours(site: str) -> None:
    files = RemoteFiles()
    assert files.get(f"{site}/app.js", "js").content_type.startswith("text/javascript")
    assert files.get(f"{site}/style.css", "css").body == b"p { color: red }"


def test_a_stream_past_the_cap_is_cut(site: str, monkeypatch) -> None:
    monkeypatch.setitem(remote.SIZE_LIMITS, "image", 64 * 1024)
    with pytest.raises(FetchError, match="larger than"):
        RemoteFiles().get(f"{site}/endless.png", "image")


def test_a_slow_site_and_an_unreachable_one(site: str) -> None:
    with pytest.raises(FetchError, match="no answer"):
        RemoteFiles(timeout=0.3).get(f"{site}/slow.png", "image")
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there now
    with pytest.raises(FetchError, match="cannot be reached"):
        RemoteFiles().get(f"http://127.0.0.1:{port}/logo.png", "image")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x.png",
                                 "javascript:alert(1)", "/relative.png"])
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        RemoteFiles().get(url, "image")


def test_answers_are_kept_failures_only_briefly(site: str) -> None:
    files = RemoteFiles(failure_ttl=0.2)
    before = _Site.hits.get("/logo.png", 0)
    files.get(f"{site}/logo.png", "image")
    files.get(f"{site}/logo.png", "image")
    assert _Site.hits["/logo.png"] == before + 1
    for _ in range(2):
        with pytest.raises(FetchError):
            files.get(f"{site}/missing.png", "image")
    misses = _Site.hits["/missing.png"]
    time.sleep(0.3)
    with pytest.raises(FetchError):
        files.get(f"{site}/missing.png", "image")
    assert _Site.hits["/missing.png"] == misses + 1
