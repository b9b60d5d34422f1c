"""Every kind of script the `desklaunch` command runs, tested with the kit both ways:
a file, a `file:function`, a function of the test's own, an `async def`, a PyWebIO script
(through the alias) and a console script."""

from __future__ import annotations

import os
import signal
import warnings
from pathlib import Path

import pytest

from desklaunch.testing import AppTest
from desklaunch.ui import input, put_text

SCRIPTS = Path(__file__).parent / "scripts"
HELLO = Path(__file__).parents[2] / "examples" / "hello.py"


def greet(app) -> None:
    app.fill("Your name", "Ada")
    app.submit()


def test_a_script_file(desklaunch_app, mode) -> None:
    app = desklaunch_app(HELLO, browser=mode)
    greet(app)
    assert "Hello, Ada!" in app.text
    app.click("Again")
    assert "Clicked Again" in app.text
    assert app.exit_code == 0


def test_a_function_in_a_file(desklaunch_app, mode) -> None:
    app = desklaunch_app(f"{SCRIPTS / 'greet_function.py'}:main", browser=mode)
    greet(app)
    assert "Hi, Ada!" in app.text
    assert app.title == "Greet function"


def test_an_async_function_in_a_file(desklaunch_app, mode) -> None:
    app = desklaunch_app(f"{SCRIPTS / 'greet_function.py'}:amain", browser=mode)
    greet(app)
    assert "Hi, Ada!" in app.text
    assert app.exit_code == 0


def test_a_function_of_the_test(desklaunch_app, mode) -> None:
    def ask_twice(greeting: str) -> None:
        first = input("First name")
        last = input("Last name")
        put_text(f"{greeting}, {first} {last}")

    app = desklaunch_app(ask_twice, args=["Welcome"], browser=mode)
    app.fill("First name", "Ada")
    app.submit()
    app.fill("Last name", "Lovelace")
    app.submit()
    assert "Welcome, Ada Lovelace" in app.text
    assert app.title == "ask_twice"


def test_an_async_function_of_the_test(desklaunch_app, mode) -> None:
    async def main() -> None:
        put_text(f"Hi, {await input('Your name')}!")

    app = desklaunch_app(main, browser=mode)
    greet(app)
    assert "Hi, Ada!" in app.text


def test_a_pywebio_script(desklaunch_app, mode) -> None:
    app = desklaunch_app(SCRIPTS / "pywebio_greet.py", browser=mode)
    greet(app)
    assert "Hi, Ada!" in app.text
    assert app.exit_code == 0


def test_a_console_script(desklaunch_app, mode) -> None:
    app = desklaunch_app(SCRIPTS / "console_greet.py", browser=mode)
    app.fill("Your name:", "Ada")  # the prompt labels the field, as the script wrote it
    app.submit()
    app.wait_for("Exited with code 3")
    output = app.find("log", "Output").text
    assert "Hi, Ada!" in output and "something went wrong" in output
    assert app.exit_code == 3
    app.click("Run again")
    assert app.find("textbox", "Your name:").value == ""


def test_stop_is_done_once_the_program_has_ended(desklaunch_app, mode) -> None:
    """Stop, like every verb, settles: the program has met its Ctrl+C and ended when the
    click returns, as a person sees it end before looking."""
    app = desklaunch_app(SCRIPTS / "console_greet.py", browser=mode)
    app.click("Stop")
    assert app.exit_code == 130
    assert "Exited with code 130" in app.text


def test_what_the_test_prints_stays_out_of_a_console_apps_log(desklaunch_app, mode,
                                                               capsys) -> None:
    app = desklaunch_app(SCRIPTS / "console_greet.py", browser=mode)
    print("a note from the test")
    app.fill("Your name:", "Ada")
    app.submit()
    app.wait_for("Exited with code 3")
    assert "a note from the test" not in app.find("log", "Output").text
    assert "a note from the test" in capsys.readouterr().out


def test_page_javascript_runs_only_in_the_browser(desklaunch_app, mode) -> None:
    """In process no JavaScript runs: `eval_js` answers None, as code that fails in the page
    does; with `browser=True` the page computes the value."""

    def script() -> None:
        from desklaunch.ui import eval_js, run_js

        run_js("document.body.dataset.touched = 'yes'")
        put_text(f"sum: {eval_js('1 + 2')}")

    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        app = desklaunch_app(script, browser=mode)
        app.wait_for("sum:")
    assert ("sum: 3" if mode else "sum: None") in app.text
    said = [str(w.message) for w in warned if "eval_js" in str(w.message)]
    assert said == ([] if mode else ["the script's eval_js() got None: in process no page runs "
                                     "JavaScript; AppTest(..., browser=True) runs it in "
                                     "Chromium"])


def test_a_terminal_programs_function_runs_in_its_console(desklaunch_app, tmp_path) -> None:
    """`tool.py:main` of an argparse program: its form, its output, its exit code, as the
    whole file run in console mode would give (before, a window with only "Finished")."""
    tool = tmp_path / "tool.py"
    tool.write_text(
        "import argparse\n\n"
        "def main():\n"
        "    parser = argparse.ArgumentParser(prog='tool')\n"
        "    parser.add_argument('name')\n"
        "    print(f'Hello, {parser.parse_args().name}!')\n"
        "    raise SystemExit(3)\n\n"
        "if __name__ == '__main__':\n"
        "    print('the __main__ block does not run')\n", encoding="utf-8")
    app = desklaunch_app(f"{tool}:main")
    app.fill("Name", "Ada")
    app.click("Run")
    app.wait_for("Exited with code 3")
    assert "Hello, Ada!" in app.find("log").text
    assert "__main__ block" not in app.text


def test_a_script_that_changes_folder_leaves_the_test_in_its_own(tmp_path) -> None:
    """Later tests open files by relative paths: the folder is the test's again at close."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = tmp_path / "wander.py"
    script.write_text(f"import os\nos.chdir({str(elsewhere)!r})\nprint(os.getcwd())\n",
                      encoding="utf-8")
    before = os.getcwd()
    with AppTest.from_file(script) as app:
        app.wait_for(str(elsewhere))
    assert os.getcwd() == before


def test_an_asyncio_terminal_program_runs_in_its_console(desklaunch_app, tmp_path) -> None:
    """`asyncio.run(main())` under the `__main__` block, after the block's own argparse:
    the block runs, in console mode (its output went to the terminal, `input()` got EOF)."""
    tool = tmp_path / "fetcher.py"
    tool.write_text(
        "import argparse, asyncio\n\n"
        "async def main(times):\n"
        "    await asyncio.sleep(0)\n"
        "    name = input('Name: ')\n"
        "    print(f'hi {name} ' * times)\n\n"
        "if __name__ == '__main__':\n"
        "    parser = argparse.ArgumentParser()\n"
        "    parser.add_argument('--times', type=int, default=1)\n"
        "    asyncio.run(main(parser.parse_args().times))\n", encoding="utf-8")
    app = desklaunch_app(tool, args=["--times", "2"])
    app.fill("Name:", "Ada")
    app.submit()
    app.wait_for("Exited with code 0")
    assert "hi Ada hi Ada" in app.find("log").text


def test_an_async_function_of_a_terminal_program_runs_in_its_console(desklaunch_app,
                                                                     tmp_path) -> None:
    tool = tmp_path / "funcs.py"
    tool.write_text("async def amain():\n    print('from amain')\n", encoding="utf-8")
    app = desklaunch_app(f"{tool}:amain")
    app.wait_for("Exited with code 0")
    assert "from amain" in app.find("log").text


@pytest.mark.parametrize("source", [
    "import os\nprint('bye')\nos._exit(3)\n",  # a terminal program
    "import os\nfrom desklaunch.ui import put_text\nput_text('bye')\nos._exit(3)\n",
])
def test_a_script_calling_os_exit_ends_with_its_code_not_the_test_run(tmp_path,
                                                                      source) -> None:
    """In a terminal `os._exit(3)` ends the program; in the test's process it ended pytest
    itself, with no report."""
    script = tmp_path / "quits.py"
    script.write_text(source, encoding="utf-8")
    with AppTest.from_file(script) as app:
        app.wait_for("bye")
        assert app.exit_code == 3


def test_an_alarm_a_console_program_sets_reaches_it_not_the_test_process(tmp_path: Path) -> None:
    script = tmp_path / "quiz.py"
    script.write_text(
        "import signal, time\n"
        "def too_slow(signum, frame):\n"
        "    raise TimeoutError\n"
        "signal.signal(signal.SIGALRM, too_slow)\n"
        "signal.setitimer(signal.ITIMER_REAL, 0.2)\n"
        "try:\n"
        "    time.sleep(20)\n"
        "except TimeoutError:\n"
        "    print('too slow!')\n")
    with AppTest.from_file(script) as app:
        app.wait_for("too slow!")
        app.wait_for("Exited with code 0")
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL  # the test process's own again
