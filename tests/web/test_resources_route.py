"""The script's own code and styles as resources: per session, gone with it, behind the gate.

Raw requests against the real server (rawhttp), as any local process could send them.
"""

from __future__ import annotations

from rawhttp import Launch, assert_refused

from desklaunch.ui import configure_page, input, run_js


def page_code() -> None:
    configure_page(css_style="p { color: red }", js_code="window.pageCode = 1;")
    run_js("window.ran = n;", n=1)
    input("Wait")


def resources(launch: Launch) -> tuple[str, str, dict[str, str]]:
    """A new session's page style sheet, page script and run_js script paths."""
    session, view = launch.open_session()
    env, ack = launch.wait_for(session, view, "env")
    while "page" not in env:
        env, ack = launch.wait_for(session, view, "env", ack)
    run, _ = launch.wait_for(session, view, "run_js", ack)
    assert run["args"] == [1]
    return session, view, {"style": env["page"]["styles"][0],
                           "script": env["page"]["scripts"][0], "run": run["src"]}


def test_a_session_serves_its_code_and_styles_on_every_load(new_launch) -> None:
    launch = new_launch(page_code)
    _, _, paths = resources(launch)
    style = launch.request("GET", paths["style"])
    assert style.status == 200 and style.body == b"p { color: red }"
    assert style.header("Content-Type").startswith("text/css")
    assert launch.request("GET", paths["style"]).status == 200  # a reload loads it again
    script = launch.request("GET", paths["script"])
    assert script.body == b"window.pageCode = 1;"
    assert script.header("Content-Type").startswith("text/javascript")
    csp = script.header("Content-Security-Policy") or ""
    assert "script-src 'self';" in csp and "unsafe-eval" not in csp
    run = launch.request("GET", paths["run"])
    assert run.status == 200 and b"window.ran = n;" in run.body
    assert b"function (n)" in run.body  # the arguments are data beside the code
    assert launch.request("GET", paths["run"]).status == 200  # each call may need it


def test_another_sessions_key_and_an_ended_session_find_nothing(new_launch) -> None:
    launch = new_launch(page_code)
    _, _, first = resources(launch)
    _, _, second = resources(launch)
    first_key, first_name = first["style"].split("/")[2:]
    second_key = second["style"].split("/")[2]
    assert first_key != second_key
    assert_refused(launch.request("GET", f"/res/{second_key}/{first_name}"), 404)
    assert launch.request("GET", f"/res/{first_key}/{first_name}").status == 200
    for session in launch.app.handler.sessions():
        if session.resources.key == first_key:
            launch.app.end_session(session)
    assert_refused(launch.request("GET", first["style"]), 404)
    assert launch.request("GET", second["style"]).status == 200


def test_without_the_launch_cookie_or_from_another_host_it_is_refused(new_launch) -> None:
    launch = new_launch(page_code)
    _, _, paths = resources(launch)
    assert_refused(launch.request("GET", paths["style"], cookie=False), 403)
    assert_refused(launch.request("GET", paths["style"], host="attacker.example"), 403)
    assert_refused(launch.request("GET", paths["style"],
                                  headers={"Sec-Fetch-Site": "cross-site"}), 403)


def test_made_up_names_find_nothing(new_launch) -> None:
    launch = new_launch(page_code)
    _, _, paths = resources(launch)
    key = paths["style"].split("/")[2]
    for target in (f"/res/{key}/nothing", f"/res/{key}/", "/res/x/y", f"/res/{key}/../x",
                   f"/res/{key}/{'a' * 5000}"):
        answer = launch.request("GET", target)
        assert answer.status in (400, 404, 431), target
