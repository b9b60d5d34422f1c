"""desklaunch/assets/bundle.js is generated from the page's modules by scripts/bundle_js.py;
the committed one must be up to date, and the page falls back to the modules when not."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from desklaunch.web.static import BUNDLE, StaticFiles, sources_digest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "bundle_js.py"


def _bundler() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bundle_js", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bundle_js"] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


bundle_js = _bundler()


def test_the_committed_bundle_matches_the_modules() -> None:
    proc = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True,
                          text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr


def test_a_stale_bundle_fails_the_check_naming_the_command_that_makes_it_again(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sources, target = tmp_path / "js", tmp_path / BUNDLE
    sources.mkdir()
    (sources / "main.js").write_text('console.log("one");\n', encoding="utf-8")
    assert bundle_js.main([], sources, target) == 0
    assert bundle_js.main(["--check"], sources, target) == 0
    (sources / "main.js").write_text('console.log("two");\n', encoding="utf-8")
    assert bundle_js.main(["--check"], sources, target) == 1
    assert "run `python scripts/bundle_js.py`" in capsys.readouterr().err
    assert bundle_js.main([], sources, target) == 0
    assert 'console.log("two");' in target.read_text(encoding="utf-8")


def _package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str,
             bundle: str | None) -> Path:
    """A package of page assets named `name`: a page and two modules (and `bundle`)."""
    package = tmp_path / name
    (package / "js").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "index.html").write_text(
        '<html><head><script type="module" src="/assets/js/main.js"></script></head></html>',
        encoding="utf-8")
    modules = {"main.js": b'import { hello } from "./words.js";\nhello();\n',
               "words.js": b'export function hello() {}\n'}
    for name, body in modules.items():
        (package / "js" / name).write_bytes(body)
    if bundle is not None:
        (package / BUNDLE).write_text(bundle, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    return package


def test_the_page_loads_a_current_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                         ) -> None:
    package = _package(tmp_path, monkeypatch, "current_assets", None)
    (package / BUNDLE).write_text(bundle_js.bundle(package / "js"), encoding="utf-8")
    page = StaticFiles("current_assets").get("index.html")[0].decode()  # type: ignore[index]
    assert 'src="/assets/bundle.js"' in page and "modulepreload" not in page


def test_the_page_loads_the_modules_when_the_bundle_is_stale(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stale = bundle_js.bundle(ROOT / "desklaunch" / "assets" / "js")  # other modules' bundle
    _package(tmp_path, monkeypatch, "stale_assets", stale)
    page = StaticFiles("stale_assets").get("index.html")[0].decode()  # type: ignore[index]
    assert 'src="/assets/js/main.js"' in page
    assert '<link rel="modulepreload" href="/assets/js/words.js">' in page


def test_modules_run_in_the_browser_s_order_each_in_a_block_of_its_own(tmp_path: Path
                                                                      ) -> None:
    sources = {
        "main.js": 'import "./b.js";\nimport { one as first, two } from "./a.js";\n'
                   "const local = 1;\nfirst(two);\n",
        "a.js": 'import { shared } from "./c.js";\nconst local = 2;\n'
                "export function one(x) {\n  return shared + x;\n}\n"
                "export const two = 2;\n",
        "b.js": 'import { shared } from "./c.js";\nexport { shared as again };\n',
        "c.js": "export const shared = `a\n  template line`;\n",
        "unused.js": "export const nobody = 0;\n",
    }
    for name, text in sources.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    text = bundle_js.bundle(tmp_path)
    blocks = [line[len("// ---- "):] for line in text.splitlines() if line.startswith("// ---- ")]
    assert blocks == ["c.js", "b.js", "a.js", "main.js"]
    assert "left out: unused.js" in text
    assert 'const { one: first, two } = $$modules.get("a.js");' in text
    assert '$$modules.set("b.js", { again: shared });' in text
    assert "`a\n  template line`" in text  # bodies are copied as they are
    assert "\nfunction one(x) {\n" in text and "export" not in text.split("$$modules = ")[1]
    assert text.count("const local") == 2
    digest = sources_digest({n: t.encode() for n, t in sources.items()})
    assert f"// sources: {digest}\n" in text


@pytest.mark.parametrize(("source", "complaint"), [
    ('import * as all from "./a.js";\n', "x.js:1: only `import { ... }"),
    ('import thing from "./a.js";\n', "x.js:1: only `import { ... }"),
    ('import { a } from "https://cdn.example/a.js";\n', "x.js:1: only `import { ... }"),
    ("export default 1;\n", "x.js:1: export a function, class or const"),
    ("export let counter = 0;\n", "x.js:1: export a function, class or const"),
    ('const later = import("./a.js");\n', "x.js:1: imports and exports start a line"),
    ("const here = import.meta.url;\n", "x.js:1: imports and exports start a line"),
])
def test_module_forms_it_cannot_bundle_are_named_with_file_and_line(
        source: str, complaint: str) -> None:
    with pytest.raises(bundle_js.BundleError) as caught:
        bundle_js.parse("x.js", source)
    assert complaint in str(caught.value)


def test_a_circle_of_imports_is_refused_with_its_path(tmp_path: Path) -> None:
    (tmp_path / "main.js").write_text('import "./a.js";\n', encoding="utf-8")
    (tmp_path / "a.js").write_text('import "./b.js";\n', encoding="utf-8")
    (tmp_path / "b.js").write_text('import "./a.js";\n', encoding="utf-8")
    with pytest.raises(bundle_js.BundleError, match=re.escape("a.js → b.js → a.js")):
        bundle_js.bundle(tmp_path)


def test_an_import_of_a_name_nobody_exports_is_refused(tmp_path: Path) -> None:
    (tmp_path / "main.js").write_text('import { missing } from "./a.js";\n', encoding="utf-8")
    (tmp_path / "a.js").write_text("export const present = 1;\n", encoding="utf-8")
    with pytest.raises(bundle_js.BundleError, match=re.escape("imports missing from ./a.js")):
        bundle_js.bundle(tmp_path)
