"""The window tests run with each Linux backend: `gui` is "qt" (offscreen) or "gtk" (Xvfb)."""

from __future__ import annotations

import pytest
from windowrun import BACKENDS


@pytest.fixture(params=BACKENDS)
def gui(request: pytest.FixtureRequest) -> str:
    """The pywebview backend a parametrized window test runs with."""
    return str(request.param)
