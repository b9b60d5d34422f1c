"""`POST /api/upload` over a raw socket, as a hostile page could send it.

Every refusal is a short 4xx with the sentence a person would see; a name never becomes a
path; nothing staged reaches the script unless its form submits the token.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pytest
from rawhttp import Launch, Response, assert_refused

from desklaunch.ui import file_upload, put_text


def ask_for_a_document() -> None:
    doc = file_upload("Document", max_size="1K")
    put_text(f"Got {doc['filename']!r} with {len(doc['content'])} bytes")


@pytest.fixture
def form(new_launch) -> tuple[Launch, str, str, str]:
    """A launched app showing the file field: (launch, session, view, form id)."""
    launch = new_launch(ask_for_a_document)
    session, view = launch.open_session()
    command, _ = launch.wait_for(session, view, "input")
    return launch, session, view, command["form"]["id"]


def upload(launch: Launch, session: str, view: str, params: dict[str, Any], body: bytes,
           content_type: str = "application/octet-stream") -> Response:
    return launch.request("POST", "/api/upload?" + urlencode(params), {
        "X-Desklaunch-Session": session, "X-Desklaunch-View": view,
        "Content-Type": content_type, "Origin": launch.origin,
        "Content-Length": str(len(body))}, body)


def test_a_file_in_chunks_reaches_the_script_under_its_base_name_only(form) -> None:
    launch, session, view, form_id = form
    start = {"form": form_id, "field": "value", "name": "../../etc/passwd", "size": 10}
    first = upload(launch, session, view, start, b"hello")
    assert first.status == 200, first.text
    token = first.json()["upload"]
    assert first.json() == {"upload": token, "received": 5, "size": 10}
    again = upload(launch, session, view, {"upload": token, "offset": 0}, b"hello")
    assert again.json()["received"] == 5  # a resent chunk changes nothing
    last = upload(launch, session, view, {"upload": token, "offset": 5}, b"world")
    assert last.json()["received"] == 10
    launch.post_events(session, view, [{"seq": 1, "type": "submit", "id": form_id,
                                        "value": {"value": [token]}}])
    command, _ = launch.wait_for(session, view, "output")
    assert command["widget"]["text"] == "Got 'passwd' with 10 bytes"


def test_what_a_page_should_never_send_is_refused(form) -> None:
    launch, session, view, form_id = form
    start = {"form": form_id, "field": "value", "name": "a.txt", "size": 4}
    too_big = upload(launch, session, view, {**start, "size": 5000}, b"x")
    assert_refused(too_big, 413)
    assert too_big.json()["error"] == "a.txt is larger than 1 KB, the most this field accepts"
    assert_refused(upload(launch, session, view, {**start, "form": "f999"}, b"abcd"), 409)
    assert_refused(upload(launch, session, view, {**start, "field": "other"}, b"abcd"), 409)
    assert_refused(upload(launch, session, view, {**start, "size": "-1"}, b"abcd"), 400)
    assert_refused(upload(launch, session, view, {**start, "size": 2}, b"abcd"), 413)
    assert_refused(upload(launch, session, view, start, b"abcd", "application/json"), 415)
    token = upload(launch, session, view, start, b"ab").json()["upload"]
    assert_refused(upload(launch, session, view, {"upload": token, "offset": 3}, b"c"), 409)
    assert_refused(upload(launch, session, view, {"upload": token, "offset": 2}, b"cde"), 413)
    assert_refused(upload(launch, session, view, {"upload": "u999", "offset": 0}, b"c"), 409)
    no_session = upload(launch, "nope", view, start, b"abcd")
    assert no_session.json() == {"closed": True, "reason": "unknown"}


def test_an_unfinished_or_foreign_token_is_not_a_file(form) -> None:
    launch, session, view, form_id = form
    start = {"form": form_id, "field": "value", "name": "a.txt", "size": 4}
    token = upload(launch, session, view, start, b"ab").json()["upload"]
    launch.post_events(session, view, [{"seq": 1, "type": "submit", "id": form_id,
                                        "value": {"value": [token]}}])
    error, ack = launch.wait_for(session, view, "input_error")
    assert error["message"] == "The file has not finished uploading yet"
    launch.post_events(session, view, [{"seq": 2, "type": "submit", "id": form_id,
                                        "value": {"value": ["u1", "u1"]}}])
    error, _ = launch.wait_for(session, view, "input_error", ack)
    assert error["message"] == "Please choose the file again"
