"""PyWebIO's parsed `info.user_agent`, from the User-Agent texts a desktop app meets."""

from __future__ import annotations

from desklaunch.ui.useragent import UserAgent

CHROME_LINUX = ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                "Chrome/120.0.6099.224 Safari/537.36")
QT_WINDOW = ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
             "QtWebEngine/6.6.1 Chrome/112.0.5615.213 Safari/537.36")
EDGE_WINDOWS = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
                "Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91")
SAFARI_MAC = ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, "
              "like Gecko) Version/17.2 Safari/605.1.15")
IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 "
          "(KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1")
ANDROID_TABLET = ("Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like "
                  "Gecko) Chrome/120.0.0.0 Safari/537.36")
FIREFOX = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0"


def test_a_desktop_chromium_is_a_pc() -> None:
    agent = UserAgent(CHROME_LINUX)
    assert agent == CHROME_LINUX and agent.ua_string == CHROME_LINUX  # still the text
    assert agent.browser.family == "Chrome" and agent.browser.version[:2] == (120, 0)
    assert agent.os.family == "Linux"
    assert agent.is_pc and not agent.is_mobile and not agent.is_tablet and not agent.is_bot
    assert agent.summary() == "PC / Linux / Chrome 120.0.6099"  # as `user_agents` says it
    assert UserAgent(QT_WINDOW).browser.family == "Chrome"


def test_other_browsers_and_systems() -> None:
    edge = UserAgent(EDGE_WINDOWS)
    assert (edge.browser.family, edge.os.family, edge.os.version_string) == (
        "Edge", "Windows", "10")
    safari = UserAgent(SAFARI_MAC)
    assert (safari.browser.family, safari.browser.version_string) == ("Safari", "17.2")
    assert safari.os == ("Mac OS X", (10, 15, 7), "10.15.7") and safari.device.brand == "Apple"
    assert UserAgent(FIREFOX).browser.family == "Firefox" and UserAgent(FIREFOX).is_pc


def test_phones_and_tablets() -> None:
    phone = UserAgent(IPHONE)
    assert phone.is_mobile and phone.is_touch_capable and not phone.is_pc
    assert (phone.os.family, phone.browser.family, phone.device.family) == (
        "iOS", "Mobile Safari", "iPhone")
    tablet = UserAgent(ANDROID_TABLET)
    assert tablet.is_tablet and not tablet.is_mobile and tablet.os.family == "Android"


def test_an_empty_or_unknown_text() -> None:
    agent = UserAgent("")
    assert agent.browser.family == "Other" and not agent.is_pc and agent.summary() == \
        "Other / Other / Other"
