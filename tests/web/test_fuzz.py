"""Property-based fuzzing of the real server: random requests and random event batches.

Whatever arrives, the answer is a well-formed HTTP response below 500, no traceback, and
the window's page is still served afterwards. CI runs a few hundred examples; the long
mode sends 100,000 requests:

    DESKLAUNCH_FUZZ_LONG=1 make test ARGS="tests/server/test_fuzz.py -s"

(`DESKLAUNCH_FUZZ_REQUESTS=n` / `DESKLAUNCH_FUZZ_BATCHES=n` set the counts by hand.)
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rawhttp import Launch, Response, request_bytes, start

from desklaunch.core.messages import EVENT_TYPES

LONG = os.environ.get("DESKLAUNCH_FUZZ_LONG") == "1"
REQUESTS = int(os.environ.get("DESKLAUNCH_FUZZ_REQUESTS", 100_000 if LONG else 300))
BATCHES = int(os.environ.get("DESKLAUNCH_FUZZ_BATCHES", 20_000 if LONG else 150))


def fuzz(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, database=None, derandomize=not LONG,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


class Failures(logging.Handler):
    """Collects every ERROR record (a 500 logs "request failed") while fuzzing."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module")
def target() -> Iterator[dict[str, Any]]:
    failures = Failures()
    logging.getLogger().addHandler(failures)
    launch = start()
    launch.enter()
    session, view = launch.open_session()
    launch.wait_for(session, view, "input")
    state = {"launch": launch, "session": session, "view": view, "statuses": {}}
    yield state
    assert launch.page_is_served(), "the server no longer serves its window"
    print(f"fuzz answers by status: {dict(sorted(state['statuses'].items()))}")
    # The fuzz got past the gate as well as into it: answered, refused, and rejected bodies.
    assert {200, 400, 403} <= set(state["statuses"]), state["statuses"]
    logging.getLogger().removeHandler(failures)
    assert launch.close()
    assert not failures.records, [r.getMessage() for r in failures.records]


header_text = st.text(st.characters(blacklist_categories=("Cc", "Cs"), max_codepoint=0x2FFF),
                      max_size=40)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=20)
events = st.fixed_dictionaries(
    {"seq": st.integers(-3, 2**70) | st.floats() | st.text(max_size=3) | st.booleans(),
     "type": st.sampled_from(sorted(EVENT_TYPES)) | st.text(max_size=10),
     "id": st.sampled_from(["f1", "c1", "c2", ""]) | st.text(max_size=70)},
    optional={"value": json_values})
bodies = (
    st.builds(lambda evs: json.dumps({"events": evs}).encode(), st.lists(events, max_size=8))
    | st.builds(lambda v: json.dumps(v).encode(), json_values)
    | st.binary(max_size=300)
)


def check(state: dict[str, Any], answer: Response) -> None:
    state["statuses"][answer.status] = state["statuses"].get(answer.status, 0) + 1
    assert 200 <= answer.status < 500, f"{answer.status} {answer.text!r}"
    assert b"Traceback" not in answer.body


@fuzz(REQUESTS)
@given(
    method=st.sampled_from(["GET", "POST", "HEAD", "OPTIONS", "PUT", "get", "POST "]),
    path=st.sampled_from(["/", "/api/poll", "/api/events", "/api/upload", "/assets/js/main.js",
                          "/assets/../x", "/%00", "/api/", "//"]) | st.builds(
        lambda s: "/" + s, st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E),
                                   max_size=30)),
    query=st.sampled_from(["", "?ack=0", "?ack=-1", "?ack=99999999", "?launch=x", "?ack=1e9"])
    | st.builds(lambda s: "?" + s, st.text(st.characters(min_codepoint=0x21,
                                                         max_codepoint=0x7E), max_size=20)),
    host=st.sampled_from(["right", "right", "localhost", "none"]) | header_text,
    cookie=st.sampled_from(["right", "right", "none"]) | header_text,
    api=st.booleans(),
    session=st.sampled_from(["right", "none", "wrong"]) | header_text,
    view=st.sampled_from(["right", "none"]) | header_text,
    content_type=st.sampled_from(["application/json", "text/plain", "none",
                                  "application/octet-stream"]) | header_text,
    origin=st.sampled_from(["none", "right", "null"]) | header_text,
    extra=st.lists(st.tuples(st.from_regex(r"\A[A-Za-z][A-Za-z0-9-]{0,15}\Z"), header_text),
                   max_size=3),
    body=bodies,
)
def test_random_requests_never_get_a_server_error(target: dict[str, Any], method: str,
                                                  path: str, query: str, host: str,
                                                  cookie: str, api: bool, session: str,
                                                  view: str, content_type: str, origin: str,
                                                  extra: list[tuple[str, str]],
                                                  body: bytes) -> None:
    launch: Launch = target["launch"]
    pick = {"right": None, "none": None}
    headers: list[tuple[str, str]] = []
    if host != "none":
        headers.append(("Host", launch.host if host == "right" else host))
    if cookie != "none":
        headers.append(("Cookie", launch.cookie if cookie == "right" else cookie))
    if api:
        headers.append(("X-Desklaunch", "1"))
    if session != "none":
        headers.append(("X-Desklaunch-Session", target["session"] if session == "right"
                        else pick.get(session) or session))
    if view != "none":
        headers.append(("X-Desklaunch-View", target["view"] if view == "right" else view))
    if content_type != "none":
        headers.append(("Content-Type", content_type))
    if origin != "none":
        headers.append(("Origin", launch.origin if origin == "right" else origin))
    headers += extra
    with_body = method.strip().upper() in ("POST", "PUT")
    data = request_bytes(method, path + query, headers, body if with_body else b"")
    check(target, launch.send(data, head_only=method == "HEAD"))


@fuzz(BATCHES)
@given(batch=st.lists(events, max_size=12), raw=st.booleans(), value=json_values)
def test_random_event_batches_never_get_a_server_error(target: dict[str, Any],
                                                       batch: list[dict[str, Any]], raw: bool,
                                                       value: Any) -> None:
    launch: Launch = target["launch"]
    if raw:  # a well-formed batch carrying an arbitrary value, seq numbers fresh
        target["seq"] = seq = target.get("seq", 0) + 1
        batch = [{"seq": 1_000_000 + seq, "type": "click", "id": "c1", "value": value}]
    answer = launch.post_events(target["session"], target["view"], batch)
    check(target, answer)
    assert answer.status in (200, 400, 413), answer
