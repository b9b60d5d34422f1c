"""Every kit test that makes sense both ways runs twice: in process and in Chromium."""

from __future__ import annotations

import pytest


@pytest.fixture(params=["in process", "browser"])
def mode(request: pytest.FixtureRequest) -> bool:
    """True for the real page in Chromium (pass it as `browser=`)."""
    return request.param == "browser"
