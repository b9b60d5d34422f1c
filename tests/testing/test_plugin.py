"""The pytest plugin as a user meets it: a test run in a pytest of its own (pytester)."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

HELLO = """
from desklaunch.ui import input, put_text
put_text(f"Hello, {input('Your name')}!")
"""


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makefile(".py", hello=HELLO)
    return pytester


def test_a_passing_test_passes(project: pytest.Pytester) -> None:
    project.makepyfile(test_app="""
        def test_greets(desklaunch_app):
            app = desklaunch_app("hello.py")
            app.fill("Your name", "Ada")
            app.submit()
            assert "Hello, Ada!" in app.text
    """)
    project.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_an_app_the_test_never_closed_is_closed_so_pytest_ends(project: pytest.Pytester
                                                                 ) -> None:
    """The documentation's first example: a plain `AppTest`, neither closed nor in `with`."""
    project.makepyfile(test_app="""
        from desklaunch.testing import AppTest
        from desklaunch.ui import put_buttons, put_text

        def test_greets():
            app = AppTest.from_file("hello.py")
            app.fill("Your name", "Ada")
            app.submit()
            assert "Hello, Ada!" in app.text

        def test_clicks():
            def script():
                put_buttons(["Again"], onclick=lambda label: put_text(f"Clicked {label}"))
            app = AppTest.from_function(script)
            app.click("Again")
            assert "Clicked Again" in app.text
    """)
    # Left open, the script's threads kept the process from ending: the timeout is a hang
    # guard, which fails the test.
    result = project.runpytest_subprocess("-p", "no:cacheprovider", timeout=60)
    result.assert_outcomes(passed=2)


def test_a_browser_app_left_open_by_the_last_test_is_closed_before_the_browser(
        project: pytest.Pytester) -> None:
    """The session's browser goes with the last test's teardown: an app that test left
    open is closed before it, not after (that was "Event loop is closed!")."""
    project.makepyfile(test_app="""
        from desklaunch.testing import AppTest

        def test_with_the_fixture(desklaunch_app):
            desklaunch_app("hello.py", browser=True).fill("Your name", "Ada")

        def test_left_open():
            app = AppTest.from_file("hello.py", browser=True)
            app.fill("Your name", "Bo")
            app.submit()
            assert "Hello, Bo!" in app.text
    """)
    project.runpytest_subprocess("-p", "no:cacheprovider", timeout=120).assert_outcomes(
        passed=2)


def test_a_suites_own_browser_is_every_browser_apps_once_the_fixture_is_overridden(
        project: pytest.Pytester) -> None:
    """docs/testing.md: override `desklaunch_browser` to share the suite's own Playwright
    browser; an `AppTest(..., browser=True)` of the test's own then opens there too."""
    project.makeconftest("""
        import pytest
        from playwright.sync_api import sync_playwright
        from desklaunch.testing.chromium import launch

        @pytest.fixture(scope="session")
        def desklaunch_browser():
            with sync_playwright() as driver:
                browser = launch(driver)
                yield browser
                browser.close()
    """)
    project.makepyfile(test_app="""
        from desklaunch.testing import AppTest

        def test_with_the_fixture(desklaunch_app):
            app = desklaunch_app("hello.py", browser=True)
            app.fill("Your name", "Ada")
            app.submit()
            assert "Hello, Ada!" in app.text

        def test_of_its_own():
            with AppTest.from_file("hello.py", browser=True) as app:
                app.fill("Your name", "Bo")
                app.submit()
                assert "Hello, Bo!" in app.text
    """)
    project.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=2)


def test_the_ini_timeout_is_every_apps_not_only_the_fixtures(project: pytest.Pytester
                                                              ) -> None:
    project.makeini("[pytest]\ndesklaunch_timeout = 0.5\n")
    project.makepyfile(test_app="""
        from desklaunch.testing import AppTest

        def test_plain():
            app = AppTest.from_file("hello.py")
            assert app.timeout == 0.5
            app.click("Nope")
    """)
    result = project.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*waited 0.5 s for a button named 'Nope'*"])
    project.makeini("[pytest]\ndesklaunch_timeout = soon\n")
    result = project.runpytest_subprocess("-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*desklaunch_timeout must be a number of seconds, not 'soon'*"])


def test_a_failing_test_shows_the_screen(project: pytest.Pytester) -> None:
    project.makepyfile(test_app="""
        def test_greets(desklaunch_app):
            app = desklaunch_app("hello.py")
            app.fill("Your name", "Ada")
            app.submit()
            assert "Goodbye" in app.text
    """)
    result = project.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*desklaunch screen: <AppTest 'Hello' in process>*",
                                 "title: Hello", "Hello, Ada!", "Finished"])
    assert result.stdout.str().count("desklaunch screen:") == 1  # once, though a fixture's
    assert "note:" not in result.stdout.str()  # the script was waiting for the person


def test_a_thread_left_running_fails_the_test(project: pytest.Pytester) -> None:
    project.makepyfile(test_app="""
        import threading

        from desklaunch.ui import put_text

        def test_leaks(desklaunch_app):
            stop = threading.Event()

            def script():
                threading.Thread(target=stop.wait, args=(30,), name="forgotten").start()
                put_text("started a thread")

            app = desklaunch_app(script)
            assert "started a thread" in app.text
    """)
    result = project.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*a thread is still running after the test: forgotten*"])


def test_a_script_error_nobody_looked_at_fails_the_test(project: pytest.Pytester) -> None:
    project.makepyfile(test_app="""
        from desklaunch.ui import put_buttons

        def broken(_):
            raise KeyError("the missing key")

        def test_clicks(desklaunch_app):
            app = desklaunch_app(lambda: put_buttons(["Go"], onclick=broken))
            app._screen.click("Go", None)  # past the verb's own check: teardown must catch it
    """)
    result = project.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*raise KeyError(\"the missing key\")*",
                                 "*ScriptError: the script raised KeyError: 'the missing key'*"])


def test_desklaunch_browser_runs_apps_in_chromium(project: pytest.Pytester) -> None:
    project.makepyfile(test_app="""
        def test_greets(desklaunch_app):
            app = desklaunch_app("hello.py")
            assert app.browser
            app.fill("Your name", "Ada")
            app.submit()
            assert "Hello, Ada!" in app.text
    """)
    result = project.runpytest_subprocess("-p", "no:cacheprovider", "--desklaunch-browser")
    result.assert_outcomes(passed=1)


def test_desklaunch_browser_runs_a_plain_apptest_in_chromium_too(project: pytest.Pytester
                                                                    ) -> None:
    """The README's example as written, run with the option: the whole suite goes to the
    real page; an app that says `browser=False` stays in process."""
    project.makepyfile(test_app="""
        from desklaunch.testing import AppTest

        def test_greets():
            app = AppTest.from_file("hello.py")
            assert app.browser
            app.fill("Your name", "Ada")
            app.submit()
            assert "Hello, Ada!" in app.text

        def test_stays_in_process():
            assert not AppTest.from_file("hello.py", browser=False).browser
    """)
    result = project.runpytest_subprocess("-p", "no:cacheprovider", "--desklaunch-browser")
    result.assert_outcomes(passed=2)
    project.makepyfile(test_default="""
        from desklaunch.testing import AppTest

        def test_in_process_without_the_option():
            assert not AppTest.from_file("hello.py").browser
    """)
    project.runpytest_subprocess("-p", "no:cacheprovider", "test_default.py"
                                 ).assert_outcomes(passed=1)


def test_an_apptest_left_open_beside_the_fixture_is_not_called_a_leak(project: pytest.Pytester
                                                                      ) -> None:
    """A test that asks for the fixture but makes its app itself: the app it left open is
    closed before the fixture looks for threads left running."""
    project.makepyfile(test_app="""
        from desklaunch.testing import AppTest

        def test_greets(desklaunch_app):
            app = AppTest.from_file("hello.py")
            app.fill("Your name", "Ada")
            app.submit()
            assert "Hello, Ada!" in app.text
    """)
    project.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_a_failing_test_says_when_the_script_was_still_working(project: pytest.Pytester
                                                                ) -> None:
    project.makepyfile(test_busy="""
        import time

        from desklaunch.ui import put_text

        def test_busy(desklaunch_app):
            def main():
                put_text("start")
                while True:  # never waits for the person: the kit cannot tell it is done
                    time.sleep(0.01)

            app = desklaunch_app(main, settle=0.3)
            assert "never" in app.text
    """)
    result = project.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "note: 1 time(s) the script was still working when the kit stopped waiting for it "
        "(0.3 s each): a script that should be waiting for the person may be stuck in a "
        "loop; one that keeps working between its questions (a game polling for the other "
        "player, a long task showing its progress) is best started with a short settle=, "
        "e.g. settle=0.2"])


def test_a_failing_test_says_the_scripts_javascript_did_not_run(project: pytest.Pytester
                                                               ) -> None:
    project.makepyfile(test_js="""
        from desklaunch.ui import put_text, run_js

        def test_title(desklaunch_app):
            def main():
                run_js("document.title = 'Ready'")
                put_text("set")

            app = desklaunch_app(main)
            assert app.title == "Ready"
    """)
    result = project.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "note: the script called run_js 1 time(s); in process no JavaScript runs, so what it "
        "does to the page (a title, a class, a click) is not here: AppTest(..., "
        "browser=True) runs it in Chromium"])


def test_an_app_left_open_fails_its_test_for_an_error_nobody_looked_at(
        project: pytest.Pytester) -> None:
    project.makepyfile(test_app="""
        from desklaunch.testing import AppTest
        from desklaunch.ui import put_buttons, put_text

        def test_starts():
            def script():
                put_text("starting")
                raise KeyError("Again")
            AppTest.from_function(script)  # no step after it to report the error

        def test_expects_it():
            def script():
                raise ValueError("meant")
            app = AppTest.from_function(script, expect_error=True)
            assert "stopped with an error" in app.text
    """)
    result = project.runpytest_subprocess("-p", "no:cacheprovider", timeout=60)
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(["*ERROR at teardown of test_starts*",
                                 "*ScriptError: the script raised KeyError: 'Again'*"])


def test_a_script_that_never_stops_fails_its_test_and_the_run_still_ends(
        project: pytest.Pytester) -> None:
    project.makepyfile(test_app="""
        import threading

        from desklaunch.ui import put_text

        def test_waits_forever(desklaunch_app):
            def main():
                put_text("waiting")
                threading.Event().wait()  # no exception reaches it: it never stops
            app = desklaunch_app(main, settle=0.2)
            assert "waiting" in app.text
    """)
    # Without the plugin's end of run, Python waited for the thread forever: the timeout
    # is a hang guard, which fails the test.
    result = project.runpytest_subprocess("-p", "no:cacheprovider", timeout=60)
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*a thread is still running after the test: "
                                 "desklaunch-script-*"])
    result.stderr.fnmatch_lines(["desklaunch: ending the test run although a script's thread "
                                 "would not stop (desklaunch-script-*)"])
    assert result.ret == 1


def test_pytest_run_as_a_desklaunch_program_ends_as_in_a_terminal(tmp_path, monkeypatch
                                                                  ) -> None:
    """`desklaunch -m pytest`: pytest (and this plugin) run on the program's thread, in a
    process where an app, the one running pytest, was open before its session."""
    from desklaunch.testing import AppTest

    (tmp_path / "test_sums.py").write_text("def test_adds():\n    assert 1 + 1 == 2\n")
    monkeypatch.chdir(tmp_path)
    with AppTest.from_module("pytest", args=["-p", "no:cacheprovider", "test_sums.py"]) as app:
        app.wait_for("Exited with code 0")
        assert "1 passed" in app.text
        assert "Traceback" not in app.text  # not "cannot join current thread"
        app.click("Run again")  # the app is still open: its pytest closed only its own apps
        assert app.find("log", "Output").text.count("1 passed") == 2


def test_pytest_run_as_a_console_program_is_not_warned_about_desklaunch() -> None:
    """`desklaunch -m pytest`: pytest marks the package of each installed plugin for
    assertion rewriting and warns (an error where warnings are) when it is imported already,
    as desklaunch is there, unless its docstring asks not to be rewritten, the check here."""
    from _pytest.assertion.rewrite import AssertionRewriter

    import desklaunch

    assert AssertionRewriter.is_rewrite_disabled(desklaunch.__doc__ or "")
