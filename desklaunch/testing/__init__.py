"""desklaunch.testing: test a desklaunch app in milliseconds, as a person uses it.

    from desklaunch.testing import AppTest

    app = AppTest.from_file("hello.py")
    app.fill("Your name", "Ada")
    app.submit()
    assert "Hello, Ada!" in app.text

`AppTest` runs the app in the test's process on a simulated page, or with `browser=True`
in Chromium against the real server. Elements are found the way a person finds them —
by label, role and text — never by the page's CSS classes or ids. The pytest plugin
(`desklaunch_app` fixture) is in `desklaunch.testing.plugin`; docs/testing.md has more.
"""

from __future__ import annotations

from desklaunch.testing.apptest import DEFAULT_TIMEOUT, AppTest, Found, use_browser_by_default
from desklaunch.testing.audit import AccessibilityProblem
from desklaunch.testing.errors import ActionError, KitError, ScriptError, WaitTimeoutError
from desklaunch.testing.program import Module

__all__ = ["DEFAULT_TIMEOUT", "AccessibilityProblem", "ActionError", "AppTest", "Found",
           "KitError", "Module", "ScriptError", "WaitTimeoutError", "use_browser_by_default"]
