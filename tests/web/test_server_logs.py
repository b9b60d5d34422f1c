"""The launch secret, the cookie and session ids never reach a log, at any level."""

from __future__ import annotations

import json
import logging

from rawhttp import Connection, request_bytes


def test_no_secret_or_id_is_ever_logged(new_launch, caplog, capfd) -> None:
    caplog.set_level(logging.DEBUG)
    launch = new_launch()
    launch.enter()
    secrets = {launch.secret, (launch.cookie or "").partition("=")[2]}
    for _ in range(3):
        session, view = launch.open_session()
        secrets |= {session, view}
        command, ack = launch.wait_for(session, view, "input")
        form = command["form"]
        launch.post_events(session, view, [
            {"seq": 1, "type": "submit", "id": form["id"],
             "value": {form["fields"][0]["name"]: "Ada"}},
            {"seq": 2, "type": "click", "id": "c-unknown"}])
        _, ack = launch.wait_for(session, view, "output", ack)
        launch.post_events(session, view, [{"seq": 3, "type": "click", "id": "c1"}])
        launch.request("GET", f"/api/poll?ack={ack}", {"X-Desklaunch-Session": session,
                                                      "X-Desklaunch-View": "stale"})
        launch.request("POST", "/api/events", {"X-Desklaunch-Session": session,
                                               "X-Desklaunch-View": view,
                                               "Content-Type": "application/json"}, b"{bad")
        launch.request("GET", f"/?launch={launch.secret}", host="evil.example")
        launch.request("GET", f"/?launch={launch.secret}", cookie=False)
        launch.request("GET", "/api/poll?ack=-1", {"X-Desklaunch-Session": session})
        launch.request("GET", "/nope", {"X-Desklaunch-Session": session})
    with Connection(launch.port) as conn:
        conn.send(request_bytes("GET", f"/?launch={launch.secret}" + "x" * 70_000,
                                [("Host", launch.host), ("Cookie", launch.cookie or "")]))
        conn.read()
    body = json.dumps({"events": [{"seq": 1, "type": "click", "id": "c1"}]}).encode()
    launch.send(request_bytes("POST", "/api/events", [
        ("Host", launch.host), ("Cookie", launch.cookie or ""), ("X-Desklaunch", "1"),
        ("X-Desklaunch-Session", session), ("Content-Type", "application/json"),
        ("Transfer-Encoding", "chunked")], b"zz\r\n" + body))
    assert launch.close()
    logged = caplog.text + "".join(
        f"{record.args!r} {record.exc_text or ''}" for record in caplog.records)
    assert "event for unknown id dropped" in caplog.text  # DEBUG records were captured
    err = capfd.readouterr().err
    for secret in secrets:
        assert secret and secret not in logged
        assert secret not in err
