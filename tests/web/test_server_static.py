"""Static files: only the packaged manifest is ever served, whatever the path says."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from rawhttp import Connection, Launch, assert_refused, request_bytes

from desklaunch.web.static import CONTENT_TYPES, StaticFiles

ESCAPES = [
    "/assets/../../../../../../etc/passwd", "/assets/../../../../../../etc/no-such-file",
    "/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/assets/%2E%2E/%2E%2E/etc/no-such-file",
    "/assets/..%2f..%2f..%2fetc%2fpasswd", "/assets/..%2f..%2f..%2fetc%2fno-such-file",
    "/assets/..%5c..%5cetc%5cpasswd", "/assets/..\\..\\etc\\passwd",
    "//etc/passwd", "/assets//etc/passwd", "/assets/%2fetc%2fpasswd", "/etc/passwd",
    "/assets/js/main.js%00", "/assets/js/main.js%00.png", "/assets/js/main.js/",
    "/assets/js/main.js/.", "/assets/js/./main.js", "/assets/js/../js/main.js",
    "/assets/js//main.js", "/assets/js\\main.js", "/assets/js%5cmain.js",
    "/assets/JS/MAIN.JS", "/assets/js/main.JS", "/assets/js/main.js.", "/assets/js/main.js%20",
    "/assets/.gitignore", "/assets/.hidden", "/assets/js/.eslintrc",
    "/assets/__init__.py", "/assets/__pycache__/__init__.cpython-311.pyc", "/assets/js",
    "/assets/js/", "/assets/", "/assets", "/assets/css", "/assets/jsx/main.js",
    "/assets/js2/main.js", "/assets-evil/js/main.js", "/index.html", "/main.js",
    "/assets/%C3%A9.js", "/assets/\u00e9.js", "/assets/js/main.js;x", "/desklaunch/app.py",
    "/assets/../app.py", "/assets/../../desklaunch/gate.py", "/assets/%252e%252e/etc/passwd",
    "/assets/\uff0e\uff0e/etc/passwd", "/assets/js/main.js\u0000",
]


def same_answer_shape(launch: Launch, target: str):
    answer = launch.send(request_bytes("GET", target, [
        ("Host", launch.host), ("Cookie", launch.cookie or "")]))
    assert_refused(answer, 400, 404)
    return answer.status, answer.body


@pytest.mark.parametrize("target", ESCAPES)
def test_paths_outside_the_manifest_are_not_found(launch: Launch, target: str) -> None:
    same_answer_shape(launch, target)


def test_a_file_that_exists_and_one_that_does_not_get_the_same_answer(launch: Launch) -> None:
    pairs = [(ESCAPES[i], ESCAPES[i + 1]) for i in range(0, 6, 2)]
    for exists, missing in pairs:
        assert same_answer_shape(launch, exists) == same_answer_shape(launch, missing)


def test_every_manifest_file_is_served_with_its_type(launch: Launch) -> None:
    static = StaticFiles()
    names = static.names()
    assert "index.html" in names and "js/main.js" in names
    for name in names:
        answer = launch.request("GET", f"/assets/{name}")
        assert answer.status == 200, name
        assert answer.header("Content-Type") == CONTENT_TYPES[Path(name).suffix]
        assert answer.body == static.get(name)[0]  # type: ignore[index]
        assert answer.header("X-Content-Type-Options") == "nosniff"
    assert all(launch.request("GET", f"/assets/{n}").header("Content-Type")
               == "text/javascript; charset=utf-8" for n in names if n.endswith(".js"))


def test_the_manifest_skips_dotfiles_symlinks_and_unknown_types(tmp_path: Path,
                                                                monkeypatch) -> None:
    package = tmp_path / "fakeassets"
    (package / "js").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "js" / "ok.js").write_text("ok")
    (package / ".secret.js").write_text("no")
    (package / "js" / ".hidden.js").write_text("no")
    (package / "notes.txt").write_text("no")
    (package / "run.py").write_text("no")
    outside = tmp_path / "outside.js"
    outside.write_text("no")
    (package / "js" / "link.js").symlink_to(outside)
    (package / "linked").symlink_to(tmp_path, target_is_directory=True)
    monkeypatch.syspath_prepend(str(tmp_path))
    sys.modules.pop("fakeassets", None)
    assert StaticFiles("fakeassets").names() == ["js/ok.js"]


def test_head_of_an_asset_sends_no_body(launch: Launch) -> None:
    with Connection(launch.port) as conn:
        conn.send(request_bytes("HEAD", "/assets/js/main.js", [
            ("Host", launch.host), ("Cookie", launch.cookie or "")]))
        answer = conn.read(head_only=True)
        assert answer.status == 200
        conn.send(request_bytes("GET", "/", [("Host", launch.host),
                                             ("Cookie", launch.cookie or "")]))
        assert conn.read().status == 200  # no stray body bytes were left on the connection


def test_the_page_comes_with_its_styles_inside_and_its_script_as_one_file(
        launch: Launch) -> None:
    page = launch.request("GET", "/").text
    assert 'rel="stylesheet"' not in page
    static = StaticFiles()
    sheets = [name for name in static.names() if name.endswith(".css")]
    assert sheets
    for name in sheets:
        assert static.get(name)[0].decode().strip() in page, f"{name} is not inline"  # type: ignore[index]
    assert page.count("<script") == 2 and 'src="/assets/bundle.js"' in page
    assert '<script async src="/assets/first-poll.js">' in page
    assert "modulepreload" not in page


def test_on_linux_the_page_asks_for_the_desktops_own_fonts() -> None:
    linux = StaticFiles(platform="linux").get("index.html")[0].decode()  # type: ignore[index]
    assert "--font: system-ui, sans-serif;" in linux and "--mono: monospace, monospace;" in linux
    assert "Segoe UI" not in linux and "SF Mono" not in linux
    mac = StaticFiles(platform="darwin").get("index.html")[0].decode()  # type: ignore[index]
    assert "-apple-system" in mac and "SF Mono" in mac
