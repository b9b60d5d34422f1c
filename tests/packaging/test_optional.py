"""What a build says about packages only imports inside functions bring in.

The import graphs are PyInstaller's own (its modulegraph, as its analysis builds them) of
small libraries written here; whole builds are in tests/packaging/test_frozen.py.
"""

from __future__ import annotations

import importlib.metadata
import sys
from pathlib import Path

import pytest

from desklaunch.packaging.optional import (
    REPORT_NAME,
    OptionalPackage,
    advice,
    optional_packages,
    read_report,
)

modulegraph = pytest.importorskip("PyInstaller.lib.modulegraph.modulegraph")


def write(path: Path, text: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def graph_of(script: Path, libraries: Path):
    graph = modulegraph.ModuleGraph(path=[str(libraries), *sys.path])
    graph.add_script(str(script))
    return graph


@pytest.fixture
def libraries(tmp_path: Path) -> Path:
    """`progress` imports `plotting` in a function and `colours` at its top; `plotting`
    brings `arrays`; `config` is imported in a top-level `try`."""
    lib = tmp_path / "site"
    write(lib / "progress" / "__init__.py",
          "from . import colours\ntry:\n    import config\nexcept ImportError:\n"
          "    config = None\n\ndef show():\n    import plotting\n")
    write(lib / "progress" / "colours.py")
    write(lib / "config.py")
    write(lib / "plotting" / "__init__.py", "import arrays\n")
    write(lib / "arrays.py")
    return lib


def test_a_package_a_library_imports_in_a_function_is_named_with_its_importer(
        tmp_path: Path, libraries: Path) -> None:
    script = write(tmp_path / "app.py", "import progress\n")
    found = optional_packages(graph_of(script, libraries), [], {})
    assert {(p.name, p.importer) for p in found} == {("plotting", "progress"),
                                                     ("arrays", "plotting")}


def test_what_the_script_imports_itself_even_in_a_function_is_never_optional(
        tmp_path: Path, libraries: Path) -> None:
    script = write(tmp_path / "app.py", "import progress\n\ndef chart():\n    import plotting\n")
    assert optional_packages(graph_of(script, libraries), [], {}) == []


def test_the_authors_own_modules_imports_in_functions_are_used(tmp_path: Path,
                                                               libraries: Path) -> None:
    """`charts.py` beside the script is the author's code; a project's own virtual
    environment, kept in the same folder, holds installed packages all the same."""
    project = tmp_path / "project"
    site = project / ".venv" / "lib" / "python3.11" / "site-packages"
    write(site / "progress.py", "def show():\n    import plotting\n")
    write(site / "plotting.py")
    write(project / "charts.py", "def draw():\n    import arrays\n")
    script = write(project / "app.py", "import charts, progress\n")
    graph = modulegraph.ModuleGraph(path=[str(project), str(site), str(libraries), *sys.path])
    graph.add_script(str(script))
    found = optional_packages(graph, [], {}, own=[str(project)])
    assert [(p.name, p.importer) for p in found] == [("plotting", "progress")]


def test_the_apps_runtime_imports_in_functions_are_how_it_starts(tmp_path: Path) -> None:
    """pywebview imports its window backend in a function; that is never optional."""
    lib = tmp_path / "site"
    write(lib / "webview" / "__init__.py", "def start():\n    import toolkit\n")
    write(lib / "toolkit.py")
    script = write(tmp_path / "app.py", "import webview\n")
    assert optional_packages(graph_of(script, lib), [], {}) == []


def test_sizes_count_archived_modules_and_the_files_under_the_packages_folders(
        tmp_path: Path, libraries: Path) -> None:
    """Pillow's import name is PIL; its vendored libraries and records go by `pillow`."""
    write(libraries / "PIL" / "__init__.py")
    write(libraries / "progress" / "__init__.py", "def show():\n    import PIL\n")
    script = write(tmp_path / "app.py", "import progress\n")
    blob = write(tmp_path / "blob", "x" * 1000)
    version = importlib.metadata.version("pillow")
    files = [("PIL/_imaging.so", str(blob), "EXTENSION"),
             ("pillow.libs/libjpeg.so", str(blob), "BINARY"),
             (f"pillow-{version}.dist-info/METADATA", str(blob), "DATA"),
             ("progress/data.txt", str(blob), "DATA")]
    archived = {"PIL": 300, "PIL.Image": 200, "progress": 50}
    found = optional_packages(graph_of(script, libraries), files, archived)
    assert found == [OptionalPackage("PIL", 3500, "progress")]


def test_the_build_names_the_large_ones_and_the_command_that_leaves_them_out() -> None:
    found = [OptionalPackage("numpy", 43_400_000, "matplotlib.pyplot"),
             OptionalPackage("matplotlib", 17_000_000, "tqdm.gui"),
             OptionalPackage("cycler", 16_000, "matplotlib.pyplot")]
    lines = advice(found, "desklaunch build tq.py --console")
    assert lines == [
        "60 MB of the app is packages imported only inside functions, which load them only "
        "if the app calls them:",
        "  numpy 43.4 MB (imported by matplotlib.pyplot)",
        "  matplotlib 17.0 MB (imported by tqdm.gui)",
        "if the app never uses them, build it without them: desklaunch build tq.py --console "
        "--exclude numpy --exclude matplotlib",
    ]
    assert advice(found[2:], "desklaunch build tq.py") == []


def test_the_report_is_read_largest_first_and_a_missing_one_is_empty(tmp_path: Path) -> None:
    assert read_report(tmp_path) == []
    write(tmp_path / REPORT_NAME, '[{"name": "a", "size": 1, "importer": "x"}, '
                                  '{"name": "b", "size": 9, "importer": "y"}]')
    assert [p.name for p in read_report(tmp_path)] == ["b", "a"]
    write(tmp_path / REPORT_NAME, "not json")
    assert read_report(tmp_path) == []
