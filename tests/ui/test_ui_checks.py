"""What the output calls refuse before anything reaches the page: script URLs in links and
images, code in styles, and image sources that are not images."""

from __future__ import annotations

import pytest

from desklaunch.ui.images import image_bytes, image_url
from desklaunch.ui.style import check_css
from desklaunch.ui.urls import check_link_url


@pytest.mark.parametrize("url", ["https://example.org/a?b=1", "http://x", "mailto:a@b.c",
                                 "/docs", "page.html", "#top", "?q=1"])
def test_links_may_be_web_mail_or_relative(url: str) -> None:
    assert check_link_url(url) == url


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:alert(1)",
                                 "java\tscript:alert(1)", "vbscript:x", "data:text/html,<b>",
                                 "file:///etc/passwd"])
def test_links_never_carry_script_or_local_urls(url: str) -> None:
    with pytest.raises(ValueError, match="links may be"):
        check_link_url(url)


@pytest.mark.parametrize("css", ["color: red", "font-weight: bold; margin: 0 4px",
                                 "background: url(data:image/png;base64,AAAA)"])
def test_plain_styles_pass_unchanged(css: str) -> None:
    assert check_css(css + ";") == css


@pytest.mark.parametrize("css", ["background: url(https://evil.example/x.png)",
                                 "background: u\\rl(https://x)", "width: expression(alert(1))",
                                 "@import 'x.css'", "color: red</style><script>",
                                 "background: url( 'javascript:alert(1)' )",
                                 "behavior: url(x.htc)", "-moz-binding: url(x)",
                                 "background: /* */ url(//x)"])
def test_styles_that_could_run_code_or_fetch_are_refused(css: str) -> None:
    with pytest.raises(ValueError, match="not allowed"):
        check_css(css)


def test_image_bytes_are_recognised_by_their_content() -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 8
    assert image_bytes(png) == (png, "image/png")
    assert image_bytes(b"\xff\xd8\xff\xe0rest")[1] == "image/jpeg"
    assert image_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'/>")[1] == "image/svg+xml"
    assert image_url(png).startswith("data:image/png;base64,iVBORw0KGgo")


def test_image_sources_that_are_not_images_are_refused(tmp_path) -> None:
    with pytest.raises(ValueError, match=r"shown by put_image\(url\) itself"):
        image_bytes("https://example.org/cat.png")
    with pytest.raises(ValueError, match="javascript"):
        image_bytes("javascript:alert(1)")
    with pytest.raises(TypeError, match="cannot show a dict"):
        image_bytes({"not": "an image"})
    with pytest.raises(ValueError, match="unknown image format"):
        image_bytes(b"x", format="exe")
    with pytest.raises(FileNotFoundError):
        image_bytes(tmp_path / "missing.png")
