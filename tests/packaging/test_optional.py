"""What a build says about packages that only imports the app may never run bring in.

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
    LeftOut,
    OptionalPackage,
    Report,
    advice,
    examine,
    read_report,
)

modulegraph = pytest.importorskip("PyInstaller.lib.modulegraph.modulegraph")


def write(path: Path, text: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def graph_of(script: Path, *paths: Path, excludes: tuple[str, ...] = ()):
    graph = modulegraph.ModuleGraph(path=[*map(str, paths), *sys.path], excludes=excludes)
    graph.add_script(str(script))
    return graph


def named(report: Report) -> set[tuple[str, str, bool]]:
    return {(p.name, p.importer, p.comes_with) for p in report.optional}


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
    """`arrays` only comes with `plotting`: leaving `plotting` out leaves it out too."""
    script = write(tmp_path / "app.py", "import progress\n")
    report = examine(graph_of(script, libraries), [], {})
    assert named(report) == {("plotting", "progress", False), ("arrays", "plotting", True)}
    assert report.left_out == []


def test_imports_for_type_checkers_and_a_main_block_never_run_as_a_module_loads(
        tmp_path: Path, libraries: Path) -> None:
    """Pillow's `PIL._typing` names numpy under `if TYPE_CHECKING:`; rich's `segment`
    imports its syntax module (and so pygments) under `if __name__ == "__main__":`."""
    write(libraries / "progress" / "colours.py",
          "from typing import TYPE_CHECKING\nimport sys\nif TYPE_CHECKING:\n"
          "    from plotting import Axes\nif __name__ == '__main__':\n    import arrays\n"
          "if sys.version_info >= (3, 8):\n    import config\n")
    script = write(tmp_path / "app.py", "import progress\n")
    report = examine(graph_of(script, libraries), [], {})
    assert {p.name for p in report.optional} == {"plotting", "arrays"}  # config is loaded
    assert ("plotting", "progress", False) in named(report)


def test_what_the_script_imports_itself_even_in_a_function_is_never_optional(
        tmp_path: Path, libraries: Path) -> None:
    script = write(tmp_path / "app.py", "import progress\n\ndef chart():\n    import plotting\n")
    assert examine(graph_of(script, libraries), [], {}).optional == []


def test_an_importer_the_script_imports_itself_is_said(tmp_path: Path,
                                                       libraries: Path) -> None:
    """tqdm.gui imports matplotlib in a function; a script that imports tqdm.gui itself
    most likely calls it."""
    write(libraries / "progress" / "gui.py", "def bar():\n    import plotting\n")
    script = write(tmp_path / "app.py", "from progress.gui import bar\n")
    report = examine(graph_of(script, libraries), [], {})
    assert [(p.name, p.importer, p.direct) for p in report.optional if not p.comes_with] == [
        ("plotting", "progress.gui", True)]


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
    report = examine(graph_of(script, project, site, libraries), [], {}, own=[str(project)])
    assert named(report) == {("plotting", "progress", False)}


def test_the_apps_runtime_imports_in_functions_are_how_it_starts(tmp_path: Path) -> None:
    """pywebview imports its window backend in a function; that is never optional."""
    lib = tmp_path / "site"
    write(lib / "webview" / "__init__.py", "def start():\n    import toolkit\n")
    write(lib / "toolkit.py")
    script = write(tmp_path / "app.py", "import webview\n")
    assert examine(graph_of(script, lib), [], {}).optional == []


def test_a_package_left_out_is_said_with_the_module_that_imports_it(
        tmp_path: Path, libraries: Path) -> None:
    """Built with `--exclude arrays --exclude shapes` but not `plotting`: loading plotting
    would fail. (A submodule of a left-out package is a missing module named in quotes.)"""
    write(libraries / "plotting" / "__init__.py", "import arrays\nfrom shapes.circle import r\n")
    write(libraries / "shapes" / "__init__.py")
    write(libraries / "shapes" / "circle.py", "r = 1\n")
    write(libraries / "progress" / "colours.py", "import shapes\n")
    script = write(tmp_path / "app.py", "import progress\n")
    report = examine(graph_of(script, libraries, excludes=("arrays", "shapes")), [], {})
    assert sorted(report.left_out, key=lambda gone: gone.name) == [
        LeftOut("arrays", "plotting", at_load=True),
        LeftOut("shapes", "progress.colours", at_load=True, at_start=True)]


def test_a_package_left_out_that_a_kept_module_names_only_for_type_checkers_is_no_danger(
        tmp_path: Path, libraries: Path) -> None:
    """Pillow's `PIL._typing` imports `numpy.typing` under `if TYPE_CHECKING:`: with
    `--exclude numpy` nothing fails as PIL loads, so no warning may say it does."""
    write(libraries / "progress" / "colours.py",
          "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
          "    import arrays.typing\n    from arrays import Array\n")
    write(libraries / "arrays" / "__init__.py", "Array = list\n")
    write(libraries / "arrays" / "typing.py")
    (libraries / "arrays.py").unlink()
    write(libraries / "plotting" / "__init__.py")  # nothing else imports arrays
    script = write(tmp_path / "app.py", "import progress\n")
    report = examine(graph_of(script, libraries, excludes=("arrays",)), [], {})
    assert [gone for gone in report.left_out if gone.name == "arrays"] == [
        LeftOut("arrays", "progress.colours", at_load=False, at_start=True)]
    assert not [line for line in advice(report, "build", ["arrays"]) if "warning" in line]


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
    report = examine(graph_of(script, libraries), files, archived)
    assert report.optional == [OptionalPackage("PIL", 3500, "progress", direct=True)]


TQDM = Report(optional=[OptionalPackage("numpy", 43_400_000, "matplotlib", comes_with=True),
                        OptionalPackage("matplotlib", 17_000_000, "tqdm.gui"),
                        OptionalPackage("cycler", 16_000, "matplotlib", comes_with=True)])


def test_the_build_names_the_large_ones_and_the_command_that_leaves_them_out() -> None:
    assert advice(TQDM, "desklaunch build tq.py --console") == [
        "60 MB of the app is packages imported only where the app may never go (in a "
        "function, say):",
        "  numpy 43.4 MB (comes with matplotlib)",
        "  matplotlib 17.0 MB (imported by tqdm.gui)",
        "if the app never uses them, build it without them: desklaunch build tq.py --console "
        "--exclude matplotlib",
    ]
    small = Report(optional=TQDM.optional[2:])
    assert advice(small, "desklaunch build tq.py") == []


def test_large_packages_that_come_with_a_small_one_are_left_out_by_leaving_it_out() -> None:
    """Debian's python3-mako (0.1 MB, which Bottle imports in a function) brings Pygments,
    and Pygments Pillow and numpy: the command names mako, though it is too small to list."""
    report = Report(optional=[
        OptionalPackage("numpy", 43_400_000, "PIL", comes_with=True),
        OptionalPackage("PIL", 16_000_000, "pygments", comes_with=True),
        OptionalPackage("pygments", 1_600_000, "mako", comes_with=True),
        OptionalPackage("mako", 130_000, "bottle")])
    assert advice(report, "desklaunch build greet.py")[-1] == (
        "if the app never uses them, build it without them: desklaunch build greet.py "
        "--exclude mako")
    kept = Report(optional=[OptionalPackage("numpy", 43_400_000, "PIL", comes_with=True)])
    assert advice(kept, "desklaunch build greet.py")[-1].startswith("  numpy 43.4 MB")


def test_a_one_file_app_says_its_sizes_are_unpacked() -> None:
    assert "60 MB of the app (unpacked; the one file holds them compressed) is" in advice(
        TQDM, "desklaunch build tq.py --onefile", onefile=True)[0]


def test_an_exclude_that_breaks_a_kept_module_or_changes_nothing_is_said() -> None:
    report = Report(left_out=[LeftOut("numpy", "matplotlib.cbook", at_load=True),
                              LeftOut("PIL", "matplotlib.image", at_load=True),
                              LeftOut("yaml", "settings", at_load=True, at_start=True),
                              LeftOut("tkinter", "PIL.ImageTk", at_load=True)])
    assert advice(report, "desklaunch build tq.py", ["numpy", "yaml", "matplotlb"]) == [
        "warning: --exclude numpy: matplotlib.cbook, which the app keeps, imports it as it "
        "loads, so the app fails if it ever loads matplotlib.cbook",
        "warning: --exclude yaml: settings, which the app keeps, imports it as it loads, so "
        "the app fails as it starts",
        "note: --exclude matplotlb changed nothing: nothing in the app imports it"]


def test_the_report_is_read_largest_first_and_a_missing_one_is_empty(tmp_path: Path) -> None:
    assert read_report(tmp_path) == Report()
    write(tmp_path / REPORT_NAME, '{"optional": [{"name": "a", "size": 1, "importer": "x"}, '
                                  '{"name": "b", "size": 9, "importer": "y"}], '
                                  '"left_out": []}')
    assert [p.name for p in read_report(tmp_path).optional] == ["b", "a"]
    write(tmp_path / REPORT_NAME, "not json")
    assert read_report(tmp_path) == Report()
