"""Reading a browser's User-Agent text the way PyWebIO's `info.user_agent` presents it.

    info.user_agent.is_mobile, info.user_agent.browser.family   # False, "Chrome"
    str(info.user_agent)                                         # the text itself

A few rules for the browsers and systems a desktop app meets (Chromium-based browsers and
windows, Firefox, Safari, phones and tablets), not a full database: anything else reads as
family "Other".
"""

from __future__ import annotations

import re
from typing import NamedTuple

_BROWSERS = (
    ("Edge", r"Edg(?:e|A|iOS)?/([\d.]+)"),
    ("Opera", r"OPR/([\d.]+)"),
    ("HeadlessChrome", r"HeadlessChrome/([\d.]+)"),
    ("Chrome Mobile", r"Chrome/([\d.]+).*Mobile"),
    ("Chrome", r"(?:Chrome|CriOS)/([\d.]+)"),
    ("Firefox", r"(?:Firefox|FxiOS)/([\d.]+)"),
    ("Mobile Safari", r"Version/([\d.]+).*Mobile.*Safari/"),
    ("Safari", r"Version/([\d.]+).*Safari/"),
    ("WebKit", r"AppleWebKit/([\d.]+)"),
)
_SYSTEMS = (
    ("iOS", r"(?:iPhone|CPU) OS ([\d_]+)"),
    ("Android", r"Android ([\d.]+)"),
    ("Windows", r"Windows NT ([\d.]+)"),
    ("Mac OS X", r"Mac OS X ([\d_.]+)"),
    ("Chrome OS", r"CrOS \S+ ([\d.]+)"),
    ("Linux", r"(Linux)"),
)
_WINDOWS_NAMES = {"10.0": "10", "6.3": "8.1", "6.2": "8", "6.1": "7"}
_BOT = re.compile(r"bot|crawl|spider|slurp", re.I)


class Version(NamedTuple):
    """A browser's or system's name and version, as PyWebIO shows them."""

    family: str
    version: tuple[int, ...]
    version_string: str


class Device(NamedTuple):
    family: str
    brand: str | None
    model: str | None


class UserAgent(str):
    """The User-Agent text (it is a `str`), with PyWebIO's parsed attributes."""

    browser: Version
    os: Version
    device: Device
    is_mobile: bool
    is_tablet: bool
    is_pc: bool
    is_touch_capable: bool
    is_bot: bool

    def __new__(cls, text: str) -> UserAgent:
        agent = super().__new__(cls, text)
        agent.browser = _first(_BROWSERS, text)
        system = _first(_SYSTEMS, text)
        if system.family == "Windows":
            name = _WINDOWS_NAMES.get(system.version_string, system.version_string)
            system = Version("Windows", _numbers(name), name)
        elif system.family == "Linux":
            system = Version("Linux", (), "")
        agent.os = system
        agent.device = _device(text)
        agent.is_tablet = "iPad" in text or ("Android" in text and "Mobile" not in text)
        agent.is_mobile = not agent.is_tablet and bool(re.search(r"Mobi|iPhone|Android", text))
        agent.is_touch_capable = agent.is_mobile or agent.is_tablet
        agent.is_bot = bool(_BOT.search(text))
        agent.is_pc = not (agent.is_touch_capable or agent.is_bot) and system.family in (
            "Windows", "Mac OS X", "Linux", "Chrome OS")
        return agent

    @property
    def ua_string(self) -> str:
        return str.__str__(self)

    def summary(self) -> str:
        """"PC / Linux / Chrome 120.0.0": what PyWebIO's `str(info.user_agent)` shows."""
        kind = "Mobile" if self.is_mobile else "Tablet" if self.is_tablet else \
            "PC" if self.is_pc else "Other"
        browser = f"{self.browser.family} {self.browser.version_string}".strip()
        system = f"{self.os.family} {self.os.version_string}".strip()
        return f"{kind} / {system} / {browser}"


class PyWebIOUserAgent(UserAgent):
    """What a script written for PyWebIO gets: printed or formatted, the agent is PyWebIO's
    summary ("PC / Linux / Chrome 120.0.0"), as its parsed object prints; `ua_string` and
    everything else as `UserAgent`."""

    def __str__(self) -> str:
        return self.summary()

    def __format__(self, spec: str) -> str:
        return format(self.summary(), spec)


def _first(rules: tuple[tuple[str, str], ...], text: str) -> Version:
    for family, pattern in rules:
        found = re.search(pattern, text)
        if found:
            version = found.group(1).replace("_", ".") if found.group(1) != family else ""
            numbers = _numbers(version)  # at most three, as PyWebIO's parser keeps
            shown = ".".join(map(str, numbers)) if numbers else version
            return Version(family, numbers, shown)
    return Version("Other", (), "")


def _numbers(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split(".")[:3] if part.isdigit())


def _device(text: str) -> Device:
    for name in ("iPhone", "iPad", "iPod"):
        if name in text:
            return Device(name, "Apple", name)
    if "Android" in text:
        return Device("Generic Smartphone" if "Mobile" in text else "Generic Tablet",
                      "Generic", "Smartphone" if "Mobile" in text else "Tablet")
    if "Macintosh" in text:
        return Device("Mac", "Apple", "Mac")
    return Device("Other", None, None)
