"""Building the PyWebIO stand-in modules: names looked up in `desklaunch.ui` when first
used, and stubs that raise `NotImplementedError` for the calls desklaunch leaves out."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import Any, NoReturn, TypeVar

_Stub = TypeVar("_Stub", bound=Callable[..., Any])


def unsupported(qualname: str, why: str = "") -> Callable[..., NoReturn]:
    """A stand-in for `qualname` ("pywebio.platform.flask.webio_view") that raises when
    called; `why` says why and what to use instead, in one line. The stub carries
    `desklaunch_unsupported = (qualname, why)`, which docs/api.md's list is made from."""

    def stub(*args: Any, **kwargs: Any) -> NoReturn:
        raise NotImplementedError(f"{qualname}() is not supported by desklaunch"
                                  + (f": {why}" if why else ""))

    return _marked(stub, qualname, why,
                   f"Not supported by desklaunch; calling it raises NotImplementedError. {why}")


def unsupported_when_served(qualname: str, why: str, *, routes: bool = False
                            ) -> Callable[..., Any]:
    """A stand-in for a call that puts the app in another web server (Flask's
    `webio_view(main)`): the call itself works, so a script that builds its view at import
    and then calls `start_server(main)` runs; what it returns raises `NotImplementedError`
    when that server would use it. `routes`: the call gives a list of routes (an empty one
    here). Marked as `unsupported` marks its stubs, for docs/api.md's list."""
    raising = unsupported(qualname, why)

    def factory(*args: Any, **kwargs: Any) -> Any:
        from desklaunch.compat.pywebio import served

        served.tell_later(qualname, args[0] if args else kwargs.get("applications"))
        return [] if routes else raising

    factory.desklaunch_when_served = True  # type: ignore[attr-defined]
    return _marked(factory, qualname, why, f"Not supported by desklaunch: calling it works, "
                   f"what it returns raises NotImplementedError when served. {why}")


def _marked(stub: _Stub, qualname: str, why: str, doc: str) -> _Stub:
    """`stub` named as the PyWebIO call it stands for, and marked for docs/api.md's list."""
    stub.desklaunch_unsupported = (qualname, why)  # type: ignore[attr-defined]
    stub.__name__ = qualname.rsplit(".", 1)[-1]
    stub.__qualname__ = stub.__name__
    stub.__doc__ = doc
    return stub


def forwarder(module: str, names: Iterable[str], missing: dict[str, str] | None = None,
              source: str = "desklaunch.ui") -> Callable[[str], Any]:
    """A module `__getattr__` for `module` (a PyWebIO name such as "pywebio.output").

    A name in `names` (or `missing`) comes from `source` when it has it (looked up at first
    use, so the stand-in follows what desklaunch offers), else it is a stub that raises
    NotImplementedError, saying why when `missing` gives a reason.
    """
    wanted = set(names)
    reasons = dict(missing or {})

    def __getattr__(name: str) -> Any:  # noqa: N807 - a module's own __getattr__
        if name not in wanted and name not in reasons:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        found = getattr(importlib.import_module(source), name, None)
        if found is None:
            return unsupported(f"{module}.{name}", reasons.get(name, ""))
        return found

    return __getattr__
