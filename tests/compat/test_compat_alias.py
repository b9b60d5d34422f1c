"""The PyWebIO stand-in modules: what they provide, and what they refuse, by name."""

from __future__ import annotations

import importlib
import subprocess
import sys
import types

import pytest

import desklaunch.ui
from desklaunch.compat import MODULES, install_pywebio_alias, remove_pywebio_alias


def test_every_pywebio_module_imports_and_forwards_to_desklaunch_ui(alias) -> None:
    import pywebio.input
    import pywebio.output
    import pywebio.pin
    import pywebio.session

    for suffix in MODULES:
        module = importlib.import_module("pywebio" + suffix)
        assert module.__name__ == "desklaunch.compat.pywebio" + suffix
    assert pywebio.output.put_text is desklaunch.ui.put_text
    assert pywebio.input.input is desklaunch.ui.input
    assert pywebio.pin.pin is desklaunch.ui.pin
    assert pywebio.session.set_env is desklaunch.ui.set_env
    assert pywebio.output.PopupSize.LARGE == "large"


def test_the_alias_imports_the_stand_ins_only_when_a_script_imports_pywebio() -> None:
    probe = """
import sys
from desklaunch.compat import install_pywebio_alias
install_pywebio_alias()
before = sorted(m for m in sys.modules if m.startswith(("desklaunch.ui", "desklaunch.compat.")))
from pywebio.output import put_text
print(before, put_text.__module__)
"""
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert result.stdout.split() == ["[]", "desklaunch.ui.outputs"]


def test_finding_the_alias_imports_nothing_under_pythons_import_lock() -> None:
    """Python 3.11 runs a finder under its global import lock: a stand-in imported there
    deadlocked with another thread importing a module both needed (`mimetypes`). The
    stand-in is imported when the module is made, under that module's lock only."""
    probe = """
import importlib.util, sys
from desklaunch.compat import install_pywebio_alias
install_pywebio_alias()
spec = importlib.util.find_spec("pywebio")
print("desklaunch.ui" in sys.modules, spec.submodule_search_locations is not None)
from pywebio.platform import start_server
print(sys.modules["pywebio.platform"].__spec__.name, "desklaunch.ui" in sys.modules)
"""
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert result.stdout.split() == ["False", "True", "desklaunch.compat.pywebio.platform",
                                     "True"]


def test_star_imports_give_every_name(alias) -> None:
    for module in ("pywebio.input", "pywebio.output", "pywebio.pin", "pywebio.session"):
        namespace: dict[str, object] = {}
        exec(f"from {module} import *", namespace)  # what scripts do
        assert set(sys.modules[module].__all__) <= set(namespace)


@pytest.mark.parametrize(("module", "name"), [
    ("pywebio.platform.flask", "webio_view"), ("pywebio.platform", "run_event_loop"),
])
def test_an_unsupported_call_raises_naming_itself(alias, module: str, name: str) -> None:
    """A view for another web server raises when that server serves it, not when made."""
    __import__(module)
    call = getattr(sys.modules[module], name)
    if name == "webio_view":
        call = call(lambda: None)
    with pytest.raises(NotImplementedError, match=rf"^{module}\.{name}\(\) is not supported"):
        call()


def test_unknown_names_are_attribute_errors(alias) -> None:
    import pywebio.output

    with pytest.raises(AttributeError):
        pywebio.output.no_such_call  # noqa: B018


def test_config_as_a_decorator_makes_a_configured_app_each_time(alias) -> None:
    import inspect

    from pywebio import config

    from desklaunch.compat.pywebio.appconfig import app_settings

    async def page() -> None:
        """Theme preview"""

    dark = config(theme="dark", css_style="p {}")(page)
    minty = config(theme="minty", title="Minty")(page)
    assert app_settings(dark) == {"theme": "dark", "css_style": "p {}"}
    assert app_settings(minty) == {"theme": "minty", "title": "Minty"}
    assert app_settings(page) == {}
    assert inspect.iscoroutinefunction(dark) and dark.__doc__ == "Theme preview"
    with pytest.raises(ValueError, match="theme must be one of"):
        config(theme="neon")


def test_several_apps_are_named_as_pywebio_names_them(alias) -> None:
    from desklaunch.compat.pywebio.platform.deploy import applications

    def first() -> None:
        """First app

        What it does.
        """

    def second() -> None:
        pass

    apps = applications([first, second])
    assert list(apps) == ["first", "second"]
    assert (apps["first"].title, apps["first"].description) == ("First app", "What it does.")
    assert apps["second"].title == "second"
    with pytest.raises(ValueError, match="two apps are named 'first'"):
        applications([first, first])
    with pytest.raises(TypeError, match="'x' is not a function"):
        applications({"x": 3})


def test_an_installed_pywebio_is_left_alone_unless_forced(monkeypatch) -> None:
    real = types.ModuleType("pywebio")
    monkeypatch.setitem(sys.modules, "pywebio", real)
    assert not install_pywebio_alias()
    assert sys.modules["pywebio"] is real
    assert install_pywebio_alias(force=True)
    import pywebio

    assert pywebio is not real
    assert pywebio.__name__ == "desklaunch.compat.pywebio"
    remove_pywebio_alias()


def test_the_desklaunch_command_runs_a_pywebio_script(tmp_path) -> None:
    from test_cli import run_attached, write

    script = write(tmp_path, "app.py", """
        import sys
        from pywebio.output import put_text
        from pywebio.platform.tornado import start_server

        def main():
            put_text("hello")
            sys.exit(7 if put_text.__module__.startswith("desklaunch.") else 1)

        if __name__ == "__main__":
            start_server(main, port=8080)
    """)
    result = run_attached(tmp_path, script)
    assert result.returncode == 7, result.stderr
