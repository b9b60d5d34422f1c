"""A session's resources: found only under its own key, one-run items once, shared ones under
one name, none after close."""

from __future__ import annotations

from desklaunch.core import resources
from desklaunch.core.resources import RESOURCE_PREFIX, Resource, Resources


def _name(path: str, store: Resources) -> str:
    prefix = f"{RESOURCE_PREFIX}{store.key}/"
    assert path.startswith(prefix)
    return path[len(prefix):]


def test_an_item_is_named_under_its_session_key_and_kept_until_close() -> None:
    store = Resources()
    name = _name(store.add(Resource("css", text="p {}")), store)
    assert store.take(name) == Resource("css", text="p {}")
    assert store.take(name) is not None  # a page setting: every (re)load gets it
    store.close()
    assert store.take(name) is None
    store.add(Resource("js", text="1"))
    assert len(store) == 0


def test_a_one_run_item_is_served_once() -> None:
    store = Resources()
    name = _name(store.add(Resource("js", text="run()", once=True)), store)
    assert store.take(name) is not None
    assert store.take(name) is None


def test_names_and_keys_are_unguessable_and_unshared() -> None:
    first, second = Resources(), Resources()
    assert first.key != second.key and len(first.key) >= 24
    path = first.add(Resource("js", text="1"))
    assert second.take(_name(path, first)) is None


def test_a_store_stays_bounded_dropping_one_run_items_first(monkeypatch) -> None:
    monkeypatch.setattr(resources, "MAX_ITEMS", 3)
    store = Resources()
    kept = _name(store.add(Resource("css", text="kept")), store)
    once = [_name(store.add(Resource("js", text=str(i), once=True)), store) for i in range(4)]
    assert len(store) == 3
    assert store.take(kept) is not None
    assert store.take(once[0]) is None and store.take(once[-1]) is not None


def test_a_shared_item_is_kept_once_under_one_name_and_goes_last(monkeypatch) -> None:
    """run_js's code, called again and again with other arguments: one file for the page
    to load, the newest in use kept longest."""
    monkeypatch.setattr(resources, "MAX_ITEMS", 3)
    store = Resources()
    code = Resource("js", text="function (line) { log(line); }")
    path = store.share(code)
    for text in ("a", "b"):
        store.add(Resource("css", text=text))
    assert store.share(Resource("js", text="function (line) { log(line); }")) == path
    store.add(Resource("css", text="c"))  # the oldest goes: "a", not the code just shared
    assert len(store) == 3 and store.take(_name(path, store)) == code
    assert store.take(_name(path, store)) == code  # not a one-run item
    for text in ("d", "e", "f"):
        store.add(Resource("css", text=text))
    assert store.take(_name(path, store)) is None
    assert store.share(code) != path  # evicted, then shared anew under a new name
