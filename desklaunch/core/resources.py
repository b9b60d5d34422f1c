"""What a session's page loads besides desklaunch's own files.

The script's own JavaScript and CSS (PyWebIO's `run_js`, `eval_js`, `config(js_code=,
css_style=)`) and files the app fetches from the web for it (`put_image("https://…")`,
`config(js_file=, css_file=)`) reach the page as same-origin resources, so the page's
Content-Security-Policy never needs `unsafe-eval` or inline scripts.

Each session keeps its own store under a random key; each item gets a random name. The page
loads `/res/<key>/<name>`: a name is found only under the key of the session that made it,
and nothing is found once the session has closed. An item made for one run (`once=True`) is
forgotten as soon as it has been served; a shared one (`share`: the code of a `run_js`,
called again and again with other arguments) keeps one name for equal text, and is the last
to go.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Literal

RESOURCE_PREFIX = "/res/"
"""Where the page finds a session's resources: `/res/<key>/<name>`."""
MAX_ITEMS = 5_000
"""Items kept per session; past it the oldest one-run items go first, then the oldest."""

ResourceKind = Literal["js", "css", "image"]


@dataclass(frozen=True)
class Resource:
    """One item: the script's own `text`, or a `url` the app fetches when the page asks."""

    kind: ResourceKind
    text: str | None = None
    url: str | None = None
    once: bool = False


class Resources:
    """One session's resources, named by unguessable tokens, dropped when it closes."""

    def __init__(self) -> None:
        self.key = secrets.token_urlsafe(18)
        self._items: OrderedDict[str, Resource] = OrderedDict()
        self._shared: dict[Resource, str] = {}  # a shared item → its name
        self._lock = threading.Lock()
        self._closed = False

    def add(self, resource: Resource) -> str:
        """Keep `resource`; return the path the page loads it from."""
        name = secrets.token_urlsafe(18)
        with self._lock:
            if not self._closed:
                self._items[name] = resource
                if len(self._items) > MAX_ITEMS:
                    self._evict()
        return f"{RESOURCE_PREFIX}{self.key}/{name}"

    def share(self, resource: Resource) -> str:
        """Keep `resource` once however often it is shared; the same path each time. Each
        share makes it the newest, so items in use are evicted last."""
        with self._lock:
            name = self._shared.get(resource)
            if name is not None and name in self._items:
                self._items.move_to_end(name)
                return f"{RESOURCE_PREFIX}{self.key}/{name}"
        path = self.add(resource)
        with self._lock:
            if not self._closed:
                self._shared[resource] = path.rsplit("/", 1)[1]
        return path

    def take(self, name: str) -> Resource | None:
        """The item called `name` (a one-run item is forgotten now), or None."""
        with self._lock:
            resource = self._items.get(name)
            if resource is not None and resource.once:
                del self._items[name]
            return resource

    def close(self) -> None:
        """Forget every item; later `add`s keep nothing."""
        with self._lock:
            self._closed = True
            self._items.clear()
            self._shared.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def _evict(self) -> None:
        for name, item in self._items.items():
            if item.once:
                del self._items[name]
                return
        _, item = self._items.popitem(last=False)
        self._shared.pop(item, None)
