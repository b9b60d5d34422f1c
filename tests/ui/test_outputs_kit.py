"""Buttons, scopes and per-session values, with the test kit in process (their rendering is
tested in a real browser in tests/e2e/)."""

from __future__ import annotations

import pytest

from desklaunch.ui import local, put_buttons, put_html, put_scope, put_text, remove


def test_buttons_with_values_hand_the_value_to_the_callback(desklaunch_app) -> None:
    def script() -> None:
        put_buttons([("One", 1), ("Half", 0.5), ("Nothing", None)],
                    onclick=lambda value: put_text(f"got {value!r}"))

    app = desklaunch_app(script)
    app.click("Half")
    app.click("Nothing")
    app.click("One")
    assert [line for line in app.text.splitlines() if line.startswith("got ")] == [
        "got 0.5", "got None", "got 1"]


def test_buttons_with_one_callable_each(desklaunch_app) -> None:
    def script() -> None:
        put_buttons(["Start", "Stop"], onclick=[lambda: put_text("started"),
                                                 lambda: put_text("stopped")])

    app = desklaunch_app(script)
    app.click("Stop")
    app.click("Start")
    assert app.text.splitlines()[-3:-1] == ["stopped", "started"]


def test_put_scope_fills_later_and_remove_takes_it_away(desklaunch_app) -> None:
    def script() -> None:
        put_scope("status", put_text("Idle"))
        put_text("below the status")
        put_text("Busy", scope="status")
        put_text("first in status", scope="status", position=0)
        put_buttons(["Drop"], onclick=lambda _: remove("status"))

    app = desklaunch_app(script)
    assert app.text.splitlines()[:4] == ["first in status", "Idle", "Busy", "below the status"]
    app.click("Drop")
    assert app.text.splitlines()[:2] == ["below the status", "Drop"]


@pytest.mark.parametrize("mode", [False, True], ids=["in-process", "browser"])
def test_a_scope_may_be_named_as_pywebio_allows(desklaunch_app, mode) -> None:
    """A grid's cells named "1-2", as scripts written for PyWebIO name them."""
    def script() -> None:
        put_scope("1-2", put_text("cell"))
        put_text("filled", scope="1-2")
        with pytest.raises(ValueError, match="must hold only letters, digits, _ and -"):
            put_scope("a b")
        put_text("checked")

    app = desklaunch_app(script, browser=mode)
    assert app.text.splitlines()[:3] == ["cell", "filled", "checked"]


@pytest.mark.parametrize("mode", [False, True], ids=["in-process", "browser"])
def test_a_script_in_put_html_does_not_run_and_the_page_says_so(desklaunch_app, mode) -> None:
    """A chart library's HTML (pyecharts') shows a note where its drawing would be, not a
    blank space, naming the charts that are drawn; the warning goes to the script's author
    on stderr."""
    def script() -> None:
        with pytest.warns(UserWarning, match=r"a <script> in put_html\(\) does not run"):
            put_html('<p id="x">shown</p><script>document.title = "ran"</script>')
        put_html("<p>no script here</p>")
        put_text("warned")

    app = desklaunch_app(script, browser=mode)
    assert app.text.splitlines()[:4] == [
        "shown", "Not shown: what the scripts in this HTML would draw (desklaunch runs no "
        "script inside put_html; plotly's, bokeh's and matplotlib's charts are drawn)",
        "no script here", "warned"]
    assert app.find("note").text.startswith("Not shown")


def test_local_keeps_values_per_session(desklaunch_app) -> None:
    def script() -> None:
        def count(_: object) -> None:
            local.clicks = (local.clicks or 0) + 1
            put_text(f"clicks: {local.clicks}")

        put_buttons(["Count"], onclick=count)

    app = desklaunch_app(script)
    app.click("Count")
    app.click("Count")
    assert "clicks: 2" in app.text


def test_web_images_in_html_point_at_the_apps_copies_and_nothing_else_changes(
        desklaunch_app) -> None:
    def script() -> None:
        put_html("<p><IMG SRC='https://example.com/a.png?x=1&amp;y=2' alt=\"Logo\">"
                 '<img src="data:image/png;base64,iVBO" alt="Inline"/>'
                 '<img src="pic.png" alt="Relative"> <b>bold</b> &lt;img src="https://no"&gt;</p>')

    app = desklaunch_app(script)
    assert app.find("img", "Inline").value == "data:image/png;base64,iVBO"
    assert app.find("img", "Relative").value == "pic.png"
    assert 'src="https://no"' in app.text  # text that looks like a tag is text
    assert app.find("img", "Logo").value.startswith("/res/")  # the app fetches it


@pytest.mark.parametrize("mode", [False, True], ids=["in-process", "browser"])
def test_html_from_elsewhere_is_shown_cleaned_as_pywebio_shows_it(desklaunch_app, mode
                                                                  ) -> None:
    """A downloader's title in Markdown, and a web page's text given to put_html to clean."""
    def script() -> None:
        from desklaunch.ui import put_markdown

        put_markdown("<div align='center'><font size='20'>Video Downloader</font></div>\n\n"
                     "Paste a link <img src='data:image/png;base64,iVBO' alt='Arrow'>")
        put_html("<p style='color: red; position: fixed'>Fetched <b>news</b></p>"
                 "<script>document.title = 'ran'</script>"
                 "<a href='javascript:alert(1)'>Open</a><form><button>Send</button></form>",
                 sanitize=True)

    app = desklaunch_app(script, browser=mode)
    assert app.text.splitlines()[:3] == ["Video Downloader", "Paste a link", "Fetched news"]
    assert app.find("img", "Arrow").value == "data:image/png;base64,iVBO"
    assert app.find_all("button") == [] and app.find_all("link") == []  # their text stays
    assert app.title == "script"  # its script never ran
