"""The floor: a static page and the standard library's threaded HTTP server, nothing more.

    python floor_app.py PORT SCENARIO

Each button does one `fetch` round trip and appends the answer; a push is one long-poll
GET that a timer thread answers. No design that talks to a local server can do less, so
its numbers are the limit on this machine.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, SCENARIO = int(sys.argv[1]), sys.argv[2]

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


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # as every real server does (waitress, tornado)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass

    def answer(self, body: bytes, content_type: str = "application/json") -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def lines(self, lines: list[str]) -> None:
        self.answer(json.dumps(lines).encode())

    def do_GET(self) -> None:
        if self.path == "/":
            page = PAGE.format(push=' data-push="1"' if SCENARIO == "push" else "",
                               body=BODIES[SCENARIO], script=SCRIPT)
            self.answer(page.encode(), "text/html; charset=utf-8")
        elif self.path == "/push":
            with State.tick:
                State.tick.wait()
                stamp = State.stamp
            self.lines([stamp])
        else:
            self.send_error(404)

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        if self.path == "/click":
            with State.lock:
                State.clicks += 1
                self.lines([f"clicked {State.clicks}"])
        elif self.path == "/input":
            self.lines([f"got {body}"])
        elif self.path.startswith("/lines/"):
            count = int(self.path.rsplit("/", 1)[1])
            self.lines([f"line {i} of {count}" for i in range(count)])
        else:
            self.send_error(404)


def pushes() -> None:
    while True:
        time.sleep(0.2)
        with State.tick:
            State.stamp = f"push {time.time() * 1000:.3f}"
            State.tick.notify_all()


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
    server.daemon_threads = True
    if SCENARIO == "push":
        threading.Thread(target=pushes, name="floor-push", daemon=True).start()
    server.serve_forever()
