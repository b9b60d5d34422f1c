"""The floor: a static page and the standard library's threaded HTTP server, nothing more.

    python floor_app.py PORT SCENARIO [waitress]

Each button does one `fetch` round trip and appends the answer; a push is one long-poll
GET that a timer thread answers. No design that talks to a local server can do less, so
its numbers are the limit on this machine.

With `waitress`, the same page and answers come from a bare WSGI function on waitress
(desklaunch's server): what is left between desklaunch and that is desklaunch's own.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PORT, SCENARIO = int(sys.argv[1]), sys.argv[2]
SERVER = sys.argv[3] if len(sys.argv) > 3 else "stdlib"

SCRIPT = """
const out = document.getElementById("out");
const show = (lines) => {
  const frag = document.createDocumentFragment();
  for (const line of lines) {
    const p = document.createElement("p");
    p.textContent = line;
    frag.append(p);
  }
  out.append(frag);
};
const call = async (url, body) => {
  const r = await fetch(url, {method: body === undefined ? "GET" : "POST", body});
  show(await r.json());
};
for (const b of document.querySelectorAll("button[data-url]")) {
  b.addEventListener("click", () => call(b.dataset.url, ""));
}
const form = document.querySelector("form");
if (form) form.addEventListener("submit", (e) => {
  e.preventDefault();
  const field = form.querySelector("input");
  call("/input", field.value).then(() => { field.value = ""; });
});
if (document.body.dataset.push) (async () => { for (;;) await call("/push"); })();
"""

BODIES = {
    "hello": '<p>hello world</p>',
    "click": '<button data-url="/click">Click</button><p>ready</p>',
    "input": ('<p>ready</p><form><label for="v">Value</label><input id="v">'
              '<button type="submit">Submit</button></form>'),
    "push": '<p>ready</p>',
    "throughput": ('<button data-url="/lines/1000">Go 1000</button>'
                   '<button data-url="/lines/10000">Go 10000</button><p>ready</p>'),
}

PAGE = ('<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head>'
        '<body{push}><div id="out">{body}</div><script>{script}</script></body></html>')


class State:
    clicks = 0
    lock = threading.Lock()
    tick = threading.Condition()
    stamp = ""


def answer(method: str, path: str, body: str) -> tuple[bytes, str] | None:
    """The body and content type for a request; None for a 404."""
    if method == "GET" and path == "/":
        page = PAGE.format(push=' data-push="1"' if SCENARIO == "push" else "",
                           body=BODIES[SCENARIO], script=SCRIPT)
        return page.encode(), "text/html; charset=utf-8"
    if method == "GET" and path == "/push":
        with State.tick:
            State.tick.wait()
            stamp = State.stamp
        return _lines([stamp])
    if method == "POST" and path == "/click":
        with State.lock:
            State.clicks += 1
            return _lines([f"clicked {State.clicks}"])
    if method == "POST" and path == "/input":
        return _lines([f"got {body}"])
    if method == "POST" and path.startswith("/lines/"):
        count = int(path.rsplit("/", 1)[1])
        return _lines([f"line {i} of {count}" for i in range(count)])
    return None


def _lines(lines: list[str]) -> tuple[bytes, str]:
    return json.dumps(lines).encode(), "application/json"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # as every real server does (waitress, tornado)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass

    def _answer(self, body: str = "") -> None:
        found = answer(self.command, self.path, body)
        if found is None:
            self.send_error(404)
            return
        content, content_type = found
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(content)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(content)

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer(self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode())


def wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
    """The same answers as `Handler`, as a WSGI application."""
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length).decode() if length else ""
    found = answer(environ["REQUEST_METHOD"], environ["PATH_INFO"], body)
    if found is None:
        start_response("404 Not Found", [("Content-Length", "0")])
        return [b""]
    content, content_type = found
    start_response("200 OK", [("Content-Type", content_type),
                              ("Content-Length", str(len(content))),
                              ("Cache-Control", "no-store")])
    return [content]


def pushes() -> None:
    while True:
        time.sleep(0.2)
        with State.tick:
            State.stamp = f"push {time.time() * 1000:.3f}"
            State.tick.notify_all()


if __name__ == "__main__":
    if SCENARIO == "push":
        threading.Thread(target=pushes, name="floor-push", daemon=True).start()
    if SERVER == "waitress":
        import waitress

        waitress.serve(wsgi, host="127.0.0.1", port=PORT, threads=8, _quiet=True)
    else:
        server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
        server.daemon_threads = True
        server.serve_forever()
