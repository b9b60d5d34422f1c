"""The page and its files are answered without Bottle (web/front.py), exactly as the Bottle
routes answer them; Bottle is imported only after the page is out."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
from collections.abc import Callable
from typing import Any

import pytest

from desklaunch.core.protocol import PollingHandler
from desklaunch.web.front import Front
from desklaunch.web.routes import build_app
from desklaunch.web.static import StaticFiles


def _call(app: Callable[..., Any], method: str, path: str) -> tuple[str, list[Any], bytes]:
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": "",
               "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "1", "SERVER_PROTOCOL": "HTTP/1.1",
               "HTTP_HOST": "127.0.0.1:1", "wsgi.input": io.BytesIO(),
               "wsgi.url_scheme": "http", "wsgi.errors": io.StringIO()}
    answer: dict[str, Any] = {}

    def start_response(status: str, headers: list[Any], exc_info: Any = None) -> None:
        answer.update(status=status, headers=headers)

    body = b"".join(app(environ, start_response))
    return answer["status"], answer["headers"], body


@pytest.mark.parametrize(("method", "path"), [
    ("GET", "/"), ("GET", "/assets/bundle.js"), ("GET", "/assets/js/main.js"),
    ("GET", "/assets/css/app.css"), ("HEAD", "/assets/js/main.js"),
    ("GET", "/assets/missing.js"), ("GET", "/assets/"), ("GET", "/assets/../index.html"),
    ("GET", "/api/nothing"), ("POST", "/"),
])
def test_the_front_answers_as_the_bottle_routes_do(method: str, path: str) -> None:
    handler = PollingHandler(lambda sink: None)  # type: ignore[arg-type, return-value]
    static = StaticFiles()
    assert _call(Front(handler, static), method, path) == \
        _call(build_app(handler, static), method, path)


def test_the_page_is_answered_before_bottle_is_imported() -> None:
    """In a fresh interpreter: the page goes out with Bottle not imported; the routes are
    then built off the request path, once, and answer the API."""
    program = textwrap.dedent("""
        import io, sys
        from desklaunch.core.protocol import PollingHandler
        from desklaunch.web.front import Front
        from desklaunch.web.static import StaticFiles

        later = []
        front = Front(PollingHandler(lambda sink: None), StaticFiles(), schedule=later.append)
        def get(path):
            environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "",
                       "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "1",
                       "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.input": io.BytesIO(),
                       "wsgi.url_scheme": "http", "wsgi.errors": io.StringIO()}
            status = []
            b"".join(front(environ, lambda s, h, e=None: status.append(s)))
            return status[0].split()[0]
        print(get("/"), get("/assets/bundle.js"), "bottle" in sys.modules, len(later))
        get("/")
        later[0]()
        print(len(later), "bottle" in sys.modules, get("/api/nothing"))
    """)
    proc = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          timeout=60)
    assert proc.stdout.split() == ["200", "200", "False", "1", "1", "True", "404"], \
        proc.stderr[-2000:]
