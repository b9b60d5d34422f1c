"""The page, its files and the protocol's poll and events are answered without Bottle
(web/front.py, web/api.py), exactly as the Bottle routes answer them; Bottle is imported only
after the page's script is out, and the first poll does not wait for it. The page and its
files go out before the app behind the front exists; everything else waits for it."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from typing import Any

import pytest

from desklaunch.core.protocol import PollingHandler
from desklaunch.web.front import Front
from desklaunch.web.routes import build_app
from desklaunch.web.static import StaticFiles


def _call(app: Callable[..., Any], method: str, path: str, body: bytes = b""
          ) -> tuple[str, list[Any], bytes]:
    path, _, query = path.partition("?")
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query,
               "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "1", "SERVER_PROTOCOL": "HTTP/1.1",
               "HTTP_HOST": "127.0.0.1:1", "wsgi.input": io.BytesIO(body),
               "CONTENT_LENGTH": str(len(body)), "CONTENT_TYPE": "application/json",
               "HTTP_X_DESKLAUNCH_SESSION": "unknown-session", "HTTP_X_DESKLAUNCH_VIEW": "v",
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
    ("GET", "/api/poll?ack=7"), ("GET", "/api/poll?ack=-1"), ("GET", "/api/poll?ack=1&ack=x"),
    ("HEAD", "/api/poll?ack=0"), ("POST", "/api/poll"), ("GET", "/api/events"),
    ("POST", "/api/events"), ("POST", "/api/events?ack=2"), ("POST", "/api/events?ack=no"),
])
@pytest.mark.parametrize("body", [b"", b'{"events": [{"seq": 1, "type": "click", "id": "b"}]}',
                                  b"{not json"])
def test_the_front_answers_as_the_bottle_routes_do(method: str, path: str, body: bytes) -> None:
    handler = PollingHandler(lambda sink: None)  # type: ignore[arg-type, return-value]
    static = StaticFiles()
    front = Front(static)
    front.connect(handler)
    assert _call(front, method, path, body) == _call(build_app(handler, static), method, path, body)


def test_the_page_is_answered_before_bottle_is_imported() -> None:
    """In a fresh interpreter: the page, its script and a first poll go out with Bottle not
    imported; once the page polls with its view the routes are built off the request path,
    once, and answer the rest."""
    program = textwrap.dedent("""
        import io, sys
        from desklaunch.core.protocol import PollingHandler
        from desklaunch.web.front import Front
        from desklaunch.web.static import StaticFiles

        later = []
        front = Front(StaticFiles())
        front.connect(PollingHandler(lambda sink: None), schedule=later.append)
        def get(path, view=None):
            path, _, query = path.partition("?")
            environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query,
                       "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "1",
                       "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.input": io.BytesIO(),
                       "wsgi.url_scheme": "http", "wsgi.errors": io.StringIO()}
            if view:
                environ["HTTP_X_DESKLAUNCH_VIEW"] = view
            status = []
            body = front(environ, lambda s, h, e=None: status.append(s))
            b"".join(body)
            getattr(body, "close", lambda: None)()  # as a WSGI server does once it is sent
            return status[0].split()[0]
        print(get("/"), len(later), get("/assets/bundle.js"), get("/api/poll?ack=x"),
              "bottle" in sys.modules, len(later))
        print(get("/api/poll?ack=x", view="v"), len(later))
        get("/api/poll?ack=x", view="v")
        later[0]()
        print(len(later), "bottle" in sys.modules, get("/api/nothing"))
    """)
    proc = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          timeout=60)
    assert proc.stdout.split() == ["200", "0", "200", "400", "False", "0", "400", "1",
                                   "1", "True", "404"], proc.stderr[-2000:]


def test_the_page_and_its_script_go_out_before_the_app_is_even_imported() -> None:
    """In a fresh interpreter: a server on a front answers the page and its script with
    neither the protocol's core nor asyncio imported; a poll waits for the app's handler
    and is answered once it is connected."""
    program = textwrap.dedent("""
        import http.client, sys, threading
        from desklaunch.web.front import Serving

        serving = Serving()
        serving.start()
        host = f"127.0.0.1:{serving.server.port}"
        def get(path, session=None):
            conn = http.client.HTTPConnection("127.0.0.1", serving.server.port, timeout=30)
            headers = {"Host": host, "Sec-Fetch-Site": "same-origin", "X-Desklaunch": "1"}
            if session:
                headers["Cookie"] = session
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            return response
        launch = get(serving.server.endpoint.url.split(host, 1)[1])
        cookie = launch.getheader("Set-Cookie").split(";")[0]
        print(launch.status, get("/", cookie).status, get("/assets/bundle.js", cookie).status,
              "asyncio" in sys.modules, "desklaunch.core.protocol" in sys.modules)
        polled = []  # a poll the protocol refuses (400), once there is a protocol to ask
        poll = threading.Thread(target=lambda: polled.append(get("/api/poll?ack=x", cookie)))
        poll.start()
        poll.join(0.5)
        print(len(polled))
        from desklaunch.core.protocol import PollingHandler
        serving.front.connect(PollingHandler(lambda sink: None))
        poll.join(30)
        print(polled[0].status)
        serving.close()
    """)
    proc = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          timeout=60)
    assert proc.stdout.split() == ["303", "200", "200", "False", "False", "0", "400"], \
        proc.stderr[-2000:]


def test_requests_waiting_for_an_app_that_never_comes_get_a_503() -> None:
    front = Front(StaticFiles())
    answers: list[str] = []
    waiting = threading.Thread(target=lambda: answers.append(_call(front, "GET", "/api/poll")[0]))
    waiting.start()
    waiting.join(0.2)
    assert answers == []
    front.close()
    waiting.join(5)
    assert answers == ["503 Service Unavailable"]
    assert _call(front, "GET", "/")[0] == "200 OK"


def test_a_script_sent_before_the_app_connects_is_told_when_it_does() -> None:
    front = Front(StaticFiles())
    assert _call(front, "GET", "/assets/bundle.js")[0] == "200 OK"
    told: list[str] = []
    front.connect(PollingHandler(lambda sink: None),  # type: ignore[arg-type, return-value]
                  on_script=lambda: told.append("script"))
    assert told == ["script"]
    _call(front, "GET", "/assets/bundle.js")
    assert told == ["script", "script"]
