"""An app author's accessibility audit: `app.accessibility_problems()` on the real page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desklaunch.testing import AccessibilityProblem
from desklaunch.ui import input, put_buttons, put_html, put_markdown, put_text

SCRIPTS = Path(__file__).parent / "scripts"


def labelled() -> None:
    put_markdown("## Orders")
    put_buttons(["Refresh"], onclick=lambda _: put_text("Refreshed"))
    input("Customer")


def unlabelled() -> None:
    put_text("Search the orders")
    put_html('<input type="text"> <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">')
    input("Customer")


def test_a_screen_built_from_desklaunch_outputs_has_no_problem_in_either_scheme(
        desklaunch_app) -> None:
    app = desklaunch_app(labelled, browser=True)
    assert app.accessibility_problems() == []
    assert app.accessibility_problems(scheme="dark") == []
    app.click("Refresh")
    assert app.accessibility_problems() == []


def test_a_console_programs_buttons_and_boxes_have_no_problem_in_either_scheme(
        desklaunch_app) -> None:
    app = desklaunch_app(SCRIPTS / "console_questions.py", browser=True)  # questionary's
    app.find("button", "Large")
    assert app.accessibility_problems() == []
    assert app.accessibility_problems(scheme="dark") == []
    app.click("Large")
    app.find("checkbox", "Ham")
    assert app.accessibility_problems() == []
    assert app.accessibility_problems(scheme="dark") == []


def test_a_field_without_a_label_and_an_image_without_words_are_named(desklaunch_app) -> None:
    app = desklaunch_app(unlabelled, browser=True)
    problems = app.accessibility_problems()
    assert {problem.rule for problem in problems} == {"label", "image-alt"}
    field = next(problem for problem in problems if problem.rule == "label")
    assert isinstance(field, AccessibilityProblem)
    assert field.impact == "critical"
    assert field.element == '<input type="text">'
    assert "Element does not have an implicit (wrapped) <label>" in field.fix
    assert field.help_url.startswith("https://dequeuniversity.com/rules/axe/")
    # One line per problem, so a failing `assert problems == []` reads as a list of them.
    assert str(field) == repr(field)
    assert str(field).startswith('label (critical): <input type="text"> -- Fix any of the')
    assert "\n" not in str(field)
    assert "<label>; Element does not have an explicit <label>" in field.fix  # checks apart
    with pytest.raises(ValueError, match='scheme must be "light" or "dark", not \'blue\''):
        app.accessibility_problems(scheme="blue")  # type: ignore[arg-type]


def test_text_coloured_for_a_light_page_is_found_in_the_dark_scheme(desklaunch_app) -> None:
    def main() -> None:
        put_html('<p style="color: #444">Last order: today</p>')

    app = desklaunch_app(main, browser=True)
    assert app.accessibility_problems(scheme="light") == []
    problems = app.accessibility_problems(scheme="dark")
    assert [problem.rule for problem in problems] == ["color-contrast"]
    assert "Last order: today" in problems[0].element
    assert app.accessibility_problems() == []  # the page is back in its own scheme


def test_the_audit_leaves_the_page_as_it_was(desklaunch_app) -> None:
    app = desklaunch_app(unlabelled, browser=True)
    app.accessibility_problems()
    page = app._screen.page  # what the page's own scripts can see
    assert page.evaluate("typeof window.axe") == "undefined"
    app.fill("Customer", "Ada")
    app.submit()
    assert "Customer" not in app.text


def test_in_process_the_audit_says_it_needs_the_real_page(desklaunch_app) -> None:
    app = desklaunch_app(labelled)
    with pytest.raises(RuntimeError, match="start the app with browser=True"):
        app.accessibility_problems()


def test_without_axe_installed_the_audit_says_what_to_install(desklaunch_app, monkeypatch
                                                               ) -> None:
    app = desklaunch_app(labelled, browser=True)
    monkeypatch.setitem(sys.modules, "axe_playwright_python.base", None)  # not installed
    with pytest.raises(RuntimeError) as failure:
        app.accessibility_problems()
    assert str(failure.value) == ("the accessibility audit needs axe-core, which comes with "
                                  'the axe-playwright-python package: pip install '
                                  '"desklaunch[testing]"')


def test_without_playwright_browser_mode_says_what_to_install(tmp_path) -> None:
    script = tmp_path / "hello.py"
    script.write_text("from desklaunch.ui import put_text\nput_text('hi')\n")
    probe = ("import sys; sys.modules['playwright'] = None\n"
             "from desklaunch.testing import AppTest\n"
             f"AppTest.from_file({str(script)!r}, browser=True)\n")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 1
    assert run.stderr.strip().splitlines()[-1] == (
        'RuntimeError: browser=True needs Playwright: pip install "desklaunch[testing]"')
