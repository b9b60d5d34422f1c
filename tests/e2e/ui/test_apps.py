"""Several apps in one window: PyWebIO's start_server({...}), go_app, path_deploy."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

SCRIPTS = Path(__file__).parent / "scripts"


def test_an_index_lists_the_apps_and_each_runs_in_the_window(pilot, alias) -> None:
    app = pilot(SCRIPTS / "pywebio_apps.py", title="Applications index")
    page = app.page
    expect(page.get_by_role("heading", name="Applications index")).to_be_visible()
    listing = page.get_by_role("listitem")
    # Described in Markdown, as PyWebIO's index does; its HTML stays text.
    described = listing.filter(has_text="Adds two numbers you type, with input() <b>twice</b>.")
    expect(described.locator("code")).to_have_text("input()")
    page.get_by_role("link", name="Add numbers").click()
    expect(page).to_have_title("Add numbers")
    app.answer("First number", "2")
    app.answer("Second number", "3")
    app.expect_text("2 + 3 = 5")
    # go_app from a button's callback, while the app has ended
    app.click("Go to greeter")
    expect(page).to_have_title("Say hello")
    app.expect_no_text("2 + 3 = 5")
    # go_app from a callback while the app waits in input(): the form goes, adder starts
    expect(app.field("Your name")).to_be_visible()
    app.click("Go to adder")
    expect(app.field("First number")).to_be_visible()
    expect(app.field("Your name")).to_have_count(0)
    # the bar leads back to the index, from the middle of a question too; its arrow is
    # drawn, and is neither in its name nor in its text
    back = page.get_by_role("button", name="All apps", exact=True)
    expect(back).to_have_text("All apps")
    assert "\u2039" in back.evaluate("el => getComputedStyle(el, '::before').content")
    app.click("All apps")
    expect(page.get_by_role("heading", name="Applications index")).to_be_visible()
    expect(app.field("First number")).to_have_count(0)
    expect(app.button("All apps")).to_be_hidden()
    page.get_by_role("link", name="Say hello").click()
    app.answer("Your name", "Ada")
    app.expect_text("Hello, Ada!")


def test_a_reload_keeps_the_app_shown(pilot, alias) -> None:
    app = pilot(SCRIPTS / "pywebio_apps.py", title="Applications index")
    app.page.get_by_role("link", name="Say hello").click()
    expect(app.field("Your name")).to_be_visible()
    app.page.reload()
    expect(app.page).to_have_title("Say hello")
    expect(app.field("Your name")).to_be_visible()
    app.click("All apps")
    expect(app.page.get_by_role("heading", name="Applications index")).to_be_visible()


def path_deploy_folder(folder: Path, heading: str) -> Path:
    """A folder written for PyWebIO's `path_deploy`: its files only define `main()`; the
    index's page links to an app that imports a helper module beside it."""
    folder.mkdir()
    (folder / "index.py").write_text(
        "from pywebio.output import put_markdown\n"
        "def main():\n"
        f"    put_markdown('# {heading}\\n\\n- [Shout](./shout)')\n")
    (folder / "shout.py").write_text(
        '"""Shout what you type."""\n'
        "from pywebio.input import input\n"
        "from pywebio.output import put_text\n"
        "from helpers import loud\n"
        "def main():\n"
        "    put_text(loud(input('Say something')))\n")
    (folder / "helpers.py").write_text("def loud(text):\n    return text.upper() + '!'\n")
    return folder


def test_path_deploy_runs_a_folder_of_apps_with_its_own_index(pilot, alias, tmp_path) -> None:
    folder = path_deploy_folder(tmp_path / "apps", "My tools")
    (folder / "_private.py").write_text("def main():\n    pass\n")
    script = tmp_path / "deploy.py"
    script.write_text("from pywebio.platform import path_deploy\n"
                      f"path_deploy({str(folder)!r}, port=8080)\n")
    app = pilot(script, title="index")
    page = app.page
    expect(page.get_by_role("heading", name="My tools")).to_be_visible()
    page.get_by_role("link", name="Shout").click()
    app.answer("Say something", "hello")
    app.expect_text("HELLO!")


def test_desklaunch_folder_shows_a_menu_of_its_scripts(pilot, alias, tmp_path) -> None:
    from desklaunch.folder import folder_main

    folder = tmp_path / "my_tools"
    folder.mkdir()

    (folder / "greet.py").write_text(
        '"""Greets you by name."""\n'
        "from desklaunch.ui import input, put_text\n"
        "put_text('Hello, ' + input('Your name') + '!')\n")
    (folder / "tip_calculator.py").write_text(
        "from pywebio import start_server\n"
        "from pywebio.input import FLOAT, input\n"
        "from pywebio.output import put_text\n"
        "def main():\n"
        "    put_text('Tip: %.2f' % (input('Bill', type=FLOAT) * 0.1))\n"
        "if __name__ == '__main__':\n"
        "    start_server(main, port=8080)\n")
    (folder / "broken.py").write_text("from desklaunch.ui import put_text\n1 / 0\n")
    (folder / "count.py").write_text("print(sum(range(10)))\n")
    app = pilot(folder_main(folder), title="My tools")
    page = app.page
    expect(page.get_by_role("link", name="Greet")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="Greets you by name.")).to_have_count(1)
    terminal = page.get_by_role("paragraph").filter(has_text="Terminal scripts")
    expect(terminal).to_contain_text("count.py")
    page.get_by_role("link", name="Tip calculator").click()
    app.answer("Bill", "50")
    app.expect_text("Tip: 5.00")
    app.click("All apps")
    page.get_by_role("link", name="Broken").click()
    app.expect_text("The app 'broken' stopped with an error:")
    expect(app.alert()).to_contain_text("ZeroDivisionError: division by zero")
    app.click("All apps")
    page.get_by_role("link", name="Greet").click()
    app.answer("Your name", "Ada")
    app.expect_text("Hello, Ada!")


def test_desklaunch_folder_of_path_deploy_files_uses_their_index(pilot, alias, tmp_path) -> None:
    """A folder written for PyWebIO's `path_deploy`: its files only define `main()`, and
    `desklaunch FOLDER/` shows its index.py's page and runs the app its link names."""
    from desklaunch.folder import folder_main

    folder = path_deploy_folder(tmp_path / "demos", "Demos")
    app = pilot(folder_main(folder), title="Demos")
    page = app.page
    expect(page.get_by_role("heading", name="Demos")).to_be_visible()
    page.get_by_role("link", name="Shout").click()
    app.answer("Say something", "hello")
    app.expect_text("HELLO!")


def address_apps() -> None:
    from pywebio.output import put_buttons, put_text
    from pywebio.platform import start_server
    from pywebio.session import eval_js, go_app

    def index() -> None:
        """Index"""
        put_buttons(["Dark"], onclick=lambda _: go_app("dark", new_window=False))

    def dark() -> None:
        """Dark"""
        shown = eval_js("new URLSearchParams(window.location.search).get('app')")
        put_text(f"the address names: {shown}")

    start_server({"index": index, "dark": dark})


def test_the_address_names_the_app_shown(pilot, alias) -> None:
    """As under PyWebIO, `?app=NAME` names the app shown: PyWebIO's theme demo reads it to
    know which theme it is showing."""
    app = pilot(address_apps, title="Index")
    app.click("Dark")
    app.expect_text("the address names: dark")
    expect(app.page).to_have_url(re.compile(r"/\?app=dark$"))
    app.click("All apps")
    expect(app.button("Dark")).to_be_visible()
    expect(app.page).to_have_url(re.compile(r"/$"))


def test_back_and_forward_switch_apps_and_a_link_opens_its_app(pilot, alias) -> None:
    """Each app shown is an entry of the browser's history, and a page opened on
    `?app=NAME` opens that app, as with PyWebIO's server."""
    app = pilot(address_apps, title="Index")
    page = app.page
    app.click("Dark")
    app.expect_text("the address names: dark")
    page.go_back()
    expect(app.button("Dark")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/$"))
    page.go_forward()
    app.expect_text("the address names: dark")
    linked = page.context.new_page()
    linked.goto(page.url.split("?")[0] + "?app=dark")
    expect(linked.get_by_text("the address names: dark")).to_be_visible()
    linked.close()


def async_apps() -> None:
    from pywebio.input import input
    from pywebio.output import put_buttons, put_text
    from pywebio.platform import start_server
    from pywebio.session import go_app

    async def asker() -> None:
        """Asker"""
        put_buttons(["Leave"], onclick=lambda _: go_app("other"))
        name = await input("Your name")
        put_text(f"hi {name}")

    def other() -> None:
        """Other"""
        put_text("other here")

    start_server({"asker": asker, "other": other})


def test_an_async_app_is_stopped_and_started_again_too(pilot, alias) -> None:
    app = pilot(async_apps, title="Applications index")
    app.page.get_by_role("link", name="Asker").click()
    expect(app.field("Your name")).to_be_visible()
    app.click("Leave")
    app.expect_text("other here")
    expect(app.field("Your name")).to_have_count(0)
    app.click("All apps")
    app.page.get_by_role("link", name="Asker").click()
    app.answer("Your name", "Ada")
    app.expect_text("hi Ada")


def test_a_coroutine_app_among_several_keeps_to_the_thread_that_imported_it(pilot, alias
                                                                           ) -> None:
    """Its callback and the coroutine it leaves running use the script's database, which
    keeps to the thread that opened it: PyWebIO runs them all there."""
    app = pilot(SCRIPTS / "pywebio_async_apps.py", title="Applications index")
    app.page.get_by_role("link", name="Notes").click()
    app.expect_text("ticked: 1 notes")
    app.click("Note")
    app.expect_text("noted: 2 notes")
    app.click("All apps")
    app.page.get_by_role("link", name="About").click()
    app.expect_text("Notes keeps notes.")
    app.click("All apps")
    app.page.get_by_role("link", name="Notes").click()
    app.expect_text("ticked: 3 notes")
    app.click("Note")
    app.expect_text("noted: 4 notes")
