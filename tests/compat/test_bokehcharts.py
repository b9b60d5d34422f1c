"""PyWebIO's bokeh hook (compat/bokehcharts.py): installed as bokeh's notebook module loads
once a script has imported `pywebio`, whichever of the two it imports first; never imported
for a script that does not use bokeh."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

PYWEBIO_FIRST = "import pywebio\nfrom bokeh.io import output_notebook\n"
BOKEH_FIRST = "from bokeh.io import output_notebook\nimport pywebio\n"


def _run(source: str) -> str:
    code = textwrap.dedent("""
        import sys
        from desklaunch.compat import install_pywebio_alias
        assert install_pywebio_alias()
    """) + source
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120).stdout


@pytest.mark.parametrize("order", [PYWEBIO_FIRST, BOKEH_FIRST], ids=["pywebio-first",
                                                                     "bokeh-first"])
def test_the_pywebio_notebook_type_is_there_whichever_comes_first(order: str) -> None:
    said = _run(order + "\nfrom bokeh.io.notebook import _HOOKS\nprint(sorted(_HOOKS))\n")
    assert "'pywebio'" in said


def test_a_pywebio_script_without_bokeh_never_imports_it() -> None:
    said = _run("import pywebio.output\nprint('bokeh' in sys.modules)\n")
    assert said.strip() == "False"
