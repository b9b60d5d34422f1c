"""Programs written the PyWebIO way run unchanged on the alias, in a real browser.

Each script under scripts/ is what a PyWebIO user writes (PyWebIO is not installed here:
`import pywebio` gives desklaunch's stand-ins). The tests do what a person does and check
what a person sees; the security checks say that text a person typed never runs.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import expect

from desklaunch.web.gate import CSP

SCRIPTS = Path(__file__).parent / "scripts"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201d2ad5b0e0000000049454e44ae426082"
)
HOSTILE = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>"


def _computed(app, selector: str, prop: str) -> str:
    return app.page.locator(selector).first.evaluate(
        f"(el) => getComputedStyle(el).getPropertyValue({prop!r})")


def test_page_code_styles_scopes_and_javascript(pilot, alias) -> None:
    app = pilot(SCRIPTS / "pywebio_dashboard.py", title="Dashboard")
    page = app.page
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    app.expect_text("Everything below is live.\nEach line stays a line.")  # no code block
    # config(css_style=, theme="dark"): the script's style sheet and desklaunch's dark look
    expect(page.locator("#pywebio-scope-status")).to_have_css("border-top-color",
                                                             "rgb(200, 0, 0)")
    background = _computed(app, "body", "background-color")
    assert sum(int(v) for v in re.findall(r"\d+", background)[:3]) < 200, background
    app.expect_text("inside inner, entered from ROOT")
    # eval_js: values come back, a Promise is awaited, broken code gives None
    app.expect_text("width is a number: True")
    app.expect_text("promise: twelve ms")
    app.expect_text("broken code gives None")
    app.expect_text("second")
    app.expect_no_text("first")  # @use_scope("log", clear=True) replaced it
    # output(): reset, append, insert
    cell = page.get_by_role("cell", name=re.compile("Coding"))
    expect(cell).to_be_visible()
    app.click("Reset")
    app.click("Append")
    app.click("Insert")
    expect(page.get_by_role("row").nth(1)).to_have_text(re.compile(r"Ada\s*Poetry\s*Chess\s*"
                                                                   r"Music\s*Drama"))
    # run_js, with js_code's function and an argument; PyWebIO users' jQuery calls work
    expect(app.button("Shout")).to_have_css("background-color", "rgb(106, 170, 100)")
    app.click("Shout")
    expect(page.locator("#pywebio-scope-status")).to_have_text("BUSY!")
    # Text a person typed, echoed through every kind of output, never runs
    app.answer("Say something", HOSTILE)
    app.expect_text("hijacked: False")
    expect(page.get_by_text(HOSTILE, exact=True).first).to_be_visible()
    assert page.evaluate("() => typeof window.pwned") == "undefined"
    assert page.evaluate("() => document.body.dataset.echo") == HOSTILE
    expect(page.get_by_role("columnheader", name=HOSTILE)).to_be_visible()
    # The page's policy is what it was: no unsafe-eval, no inline script
    assert "'unsafe-eval'" not in CSP and "script-src 'self';" in CSP
    # A reloaded page starts a PyWebIO script over, as PyWebIO does: the page code and
    # styles load again, and the script's run reaches its broken eval_js again
    app.reload()
    app.expect_text("broken code gives None")
    expect(page.locator("#pywebio-scope-status")).to_have_css("border-top-color",
                                                             "rgb(200, 0, 0)")
    expect(page.locator("#pywebio-scope-status")).to_have_text("Idle")
    background = _computed(app, "body", "background-color")
    assert sum(int(v) for v in re.findall(r"\d+", background)[:3]) < 200, background
    assert page.evaluate("() => shout('again')") == "AGAIN!"
    # The broken eval_js logged its failure, and the picture put_markdown kept, cleaned of
    # its handler as PyWebIO keeps it, was not found; nothing else went wrong in the page
    assert all("no_such_name" in problem or "404 (Not Found)" in problem
               for problem in app.page_errors), app.page_errors
    app.page_errors.clear()


def test_a_board_game_with_a_background_clock(pilot, alias) -> None:
    app = pilot(SCRIPTS / "pywebio_board.py", title="Tic-tac-toe")
    app.expect_text("on a pc: True, browser: HeadlessChrome")
    app.expect_text(re.compile(r"^tick \d+$"))
    empty = app.page.get_by_role("table").get_by_role("button")
    # X down the left column, O beside it: the n-th empty cell, in reading order
    for left, nth in enumerate((0, 0, 1, 1, 2)):
        expect(empty).to_have_count(9 - left)
        empty.nth(nth).click()
    app.expect_text("X wins after 5 moves; clock stopped: False")
    expect(app.page.get_by_role("table")).to_have_text(re.compile(r"^X\s*O\s*X\s*O\s*X"))
    app.click("Stop clock")
    app.expect_text("clock closed: True")
    app.page.wait_for_timeout(200)  # a tick already under way when it closed may still land
    stopped = app.page.get_by_text(re.compile(r"^tick \d+$")).inner_text()
    app.page.wait_for_timeout(300)
    assert app.page.get_by_text(re.compile(r"^tick \d+$")).inner_text() == stopped


SITE_FILES = {
    "/logo.png": ("image/png", PNG),
    "/app.js": ("application/javascript", b"function greet(who) { return 'Hello, ' + who; }"),
    "/style.css": ("text/css", b"p.dl-text { text-transform: uppercase; }"),
}


class _Logo(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        kind, body = SITE_FILES.get(self.path, ("text/plain", b"missing"))
        self.send_response(200 if self.path in SITE_FILES else 404)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Logo)
    thread = threading.Thread(target=server.serve_forever, name="test-site")
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_looser_habits_images_from_the_web_and_offline(pilot, alias, site, monkeypatch
                                                       ) -> None:
    monkeypatch.setenv("IMAGE_URL", f"{site}/logo.png")
    monkeypatch.setenv("OFFLINE_URL", "http://127.0.0.1:9/logo.png")  # nothing listens there
    app = pilot(SCRIPTS / "pywebio_habits.py", title="pywebio_habits")
    page = app.page
    expect(page.get_by_role("heading", name="Sign-up")).to_be_visible()
    logo = page.get_by_role("img", name="Logo from the web")
    expect(logo).to_be_visible()
    assert logo.evaluate("(img) => img.naturalWidth") == 1
    assert logo.get_attribute("src").startswith("/res/")  # served from the app's origin
    # the image's onclick goes with the note that took its place: a button, by its text
    unreachable = page.get_by_role("button", name=re.compile("^Image not shown"))
    expect(unreachable).to_have_text(re.compile(
        r"^Image not shown: http://127\.0\.0\.1:9/logo\.png \(the site cannot be reached"))
    unreachable.click()
    expect(app.toast("You clicked the image")).to_be_visible()
    table = page.get_by_role("table")
    expect(table.get_by_role("cell", name="3")).to_be_visible()
    assert table.evaluate("(t) => t.getBoundingClientRect().height") > 60
    name = app.field("Name")
    expect(name).to_have_attribute("placeholder", "Ada Lovelace")
    app.answer("Name", "Ada")
    expect(app.field("Size")).to_have_attribute("style", "min-width: 9em")
    app.submit()
    app.expect_text("Ada wears M")
    # The unreachable image's 502 is the only thing the page complained about.
    assert all("502" in problem for problem in app.page_errors), app.page_errors
    app.page_errors.clear()


def test_config_called_alone_applies_to_the_page_of_a_script_without_start_server(
        pilot, alias) -> None:
    def script() -> None:
        from pywebio import config
        from pywebio.output import put_text

        config(title="Global settings", css_style="p.dl-text { letter-spacing: 4px; }")
        put_text("spaced out")

    app = pilot(script, title="Global settings")
    expect(app.text("spaced out")).to_have_css("letter-spacing", "4px")


def test_script_and_style_files_from_the_web_are_fetched_by_the_app(pilot, alias, site
                                                                    ) -> None:
    def script() -> None:
        from pywebio import config
        from pywebio.output import put_text
        from pywebio.session import eval_js

        config(js_file=f"{site}/app.js", css_file=[f"{site}/style.css"])
        put_text(eval_js("greet(name)", name="Ada"))

    app = pilot(script)
    expect(app.text("Hello, Ada")).to_have_css("text-transform", "uppercase")
    sources = app.page.evaluate(
        "() => [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.href)")
    assert all("/res/" in href and site not in href for href in sources), sources


def test_the_pywebio_session_object(pilot, alias) -> None:
    def script() -> None:
        from pywebio.output import put_text
        from pywebio.session import get_current_session, get_current_task_id, get_info, local

        session = get_current_session()
        assert session is get_current_session()
        session.push_scope("ROOT")
        put_text(f"scope {session.get_scope_name(-1)}, closed {session.closed()}")
        session.pop_scope()
        local["count"] = 2
        put_text(f"saved {session.save['count']}, language {bool(get_info().user_language)}")
        put_text(f"task {get_current_task_id().startswith('desklaunch-script')}")

    app = pilot(script)
    app.expect_text("scope ROOT, closed False")
    app.expect_text("saved 2, language True")
    app.expect_text("task True")


def test_images_from_the_web_in_html_and_markdown_are_fetched_by_the_app(pilot, alias, site
                                                                         ) -> None:
    """PyWebIO's page loads them from their site; this page, which loads nothing from other
    sites, shows the app's fetched copies."""
    def script() -> None:
        from pywebio.output import put_html, put_markdown

        put_html(f'<p>Made with <img src="{site}/logo.png" alt="Logo in HTML" width="20"></p>')
        put_markdown(f"Our chart: ![Chart in Markdown]({site}/logo.png)")

    app = pilot(script)
    for name in ("Logo in HTML", "Chart in Markdown"):
        image = app.page.get_by_role("img", name=name)
        expect(image).to_be_visible()
        expect(image).to_have_js_property("naturalWidth", 1)
        assert image.get_attribute("src").startswith("/res/")
    assert app.page.get_by_role("img", name="Logo in HTML").get_attribute("width") == "20"


def test_a_coroutine_app_and_all_it_sets_off_run_on_the_thread_that_imported_it(pilot, alias
                                                                                ) -> None:
    """As PyWebIO runs them: a SQLite connection made as the script was imported works in
    the app's coroutine, in `run_async`'s and in both kinds of callback."""
    app = pilot(SCRIPTS / "pywebio_async_sqlite.py", title="pywebio_async_sqlite")
    app.expect_text("main: 0 visits, on the importing thread")
    app.expect_text("later: 0 visits, on the importing thread")
    app.click("Add")
    app.expect_text("added: 1 visits, on the importing thread")
    app.click("Add later")
    app.expect_text("added: 2 visits, on the importing thread")
