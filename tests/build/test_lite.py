"""The in-browser copy of the book: the wheels made from src/, the lock served, the no-CDN check, the link."""

import ast
import hashlib
import importlib
import importlib.util
import io
import json
import sys
import zipfile

import nbformat
import pytest

from cnkz_build import lite


def test_a_wheel_made_twice_is_the_same_bytes_and_imports(tmp_path, monkeypatch):
    files = {"demo_pkg/__init__.py": b"ANSWER = 42\n"}
    name, data = lite.wheel("demo_pkg", "1.0", files)
    assert (name, data) == lite.wheel("demo_pkg", "1.0", dict(files))
    assert name == "demo_pkg-1.0-py3-none-any.whl"
    path = tmp_path / name
    path.write_bytes(data)
    with zipfile.ZipFile(path) as archive:
        record = archive.read("demo_pkg-1.0.dist-info/RECORD").decode()
    assert "demo_pkg/__init__.py,sha256=" in record and "demo_pkg-1.0.dist-info/WHEEL,sha256=" in record
    monkeypatch.syspath_prepend(str(path))
    monkeypatch.delitem(sys.modules, "demo_pkg", raising=False)
    assert importlib.import_module("demo_pkg").ANSWER == 42


def test_the_cnkz_wheel_holds_the_whole_package_and_no_caches():
    wheels = lite.book_wheels()
    file_name, data, depends = wheels["cnkz"]
    assert file_name.startswith("cnkz-") and depends == ["pandas", "matplotlib", "myst-nb"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
    assert "cnkz/datapackage/descriptor.py" in names and "cnkz/analysis/__init__.py" in names
    assert not [name for name in names if "__pycache__" in name]
    assert wheels["myst-nb"][0] == "myst_nb-0+cnkz-py3-none-any.whl"


def test_the_served_lock_lists_what_is_shipped_and_the_book_wheels():
    official = {
        "info": {"version": "9"},
        "packages": {name: {"name": name, "file_name": f"{name}.whl"} for name in ("pandas", "scipy")},
    }
    lock = lite.served_lock(official, ["pandas"], {"myst-nb": ("myst_nb-0+cnkz-py3-none-any.whl", b"w", [])})
    assert sorted(lock["packages"]) == ["myst-nb", "pandas"]
    added = lock["packages"]["myst-nb"]
    assert added["sha256"] == hashlib.sha256(b"w").hexdigest()
    assert added["imports"] == ["myst_nb"] and added["version"] == "0+cnkz"


def _app(tmp_path, settings: dict) -> None:
    config = tmp_path / "notebooks" / "jupyter-lite.json"
    config.parent.mkdir(parents=True)
    data = {"jupyter-config-data": {"litePluginSettings": {lite.KERNEL_PLUGIN: settings}}}
    config.write_text(json.dumps(data))
    (tmp_path / "static" / "pyodide").mkdir(parents=True)
    (tmp_path / "static" / "pyodide" / "pyodide.js").write_text("//")


def test_a_site_pointing_at_its_own_pyodide_passes(tmp_path):
    _app(tmp_path, {"pyodideUrl": "../static/pyodide/pyodide.js"})
    lite.check_local_pyodide(tmp_path)


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"pyodideUrl": "https://cdn.jsdelivr.net/pyodide/v0.27.6/full/pyodide.js"}, "not on this site"),
        ({"pyodideUrl": "//cdn.example/pyodide.js"}, "not on this site"),
        ({"pyodideUrl": "../static/pyodide/missing.js"}, "names no file"),
        ({}, "no pyodideUrl set"),  # what a stale .jupyterlite.doit.db left: the app's default, a CDN
    ],
)
def test_a_site_that_would_load_pyodide_elsewhere_fails_the_build(tmp_path, settings, message):
    _app(tmp_path, settings)
    with pytest.raises(RuntimeError, match=message):
        lite.check_local_pyodide(tmp_path)


def test_the_run_link_is_relative_to_the_page():
    assert lite.run_link("book/history") == "../lite/notebooks/index.html?path=book/history.ipynb"
    assert lite.run_link("book/teaching/x") == "../../lite/notebooks/index.html?path=book/teaching/x.ipynb"


def test_the_browser_glue_shows_a_value_unless_told_not_to(monkeypatch):
    spec = importlib.util.spec_from_file_location("browser_myst_nb", lite.SHIM)
    shim = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shim)
    shown = []
    monkeypatch.setattr(shim, "_display", shown.append)
    shim.glue("share", 0.25)
    shim.glue("hidden", 0.5, display=False)
    assert shown == [0.25]


def _imported_top_level_modules(package) -> set[str]:
    names = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names


def test_every_package_cnkz_imports_is_loaded_with_it_in_the_browser():
    """Pyodide loads a wheel's `depends` with it; a module cnkz imports but the lock does not name stays missing."""
    lock = lite.served_lock({"info": {}, "packages": {}}, [], lite.book_wheels())
    depends = set(lock["packages"]["cnkz"]["depends"])
    provided_by = {module: name for name, entry in lock["packages"].items() for module in entry["imports"]}
    provided_by |= {
        "pandas": "pandas",
        "matplotlib": "matplotlib",
        "numpy": "pandas",
    }  # numpy comes with pandas
    package = lite.REPO / "src" / "cnkz"
    third_party = {
        module
        for module in _imported_top_level_modules(package)
        if module not in sys.stdlib_module_names and module not in {"cnkz", "IPython"}
    }
    missing = {module for module in third_party if provided_by.get(module) not in depends}
    assert missing == set(), f"cnkz imports {sorted(missing)}, which its browser lock entry does not load"


def test_the_browser_copy_has_no_outputs_and_keeps_the_values_the_prose_shows(tmp_path):
    book, data = tmp_path / "book", tmp_path / "data"
    book.mkdir()
    prose = nbformat.v4.new_markdown_cell("Trade was US${eval}`total` billion.")
    shown = [{"expression": "total", "result": {"status": "ok", "data": {"text/plain": "1"}}}]
    prose.metadata["user_expressions"] = shown
    code = nbformat.v4.new_code_cell(
        "total = 1", execution_count=1, outputs=[nbformat.v4.new_output("stream")]
    )
    nbformat.write(nbformat.v4.new_notebook(cells=[code, prose]), book / "chapter.ipynb")
    lite.stage_contents(tmp_path / "out", [book / "chapter.ipynb"], book, data)
    staged = nbformat.read(tmp_path / "out" / "book" / "chapter.ipynb", as_version=4)
    assert [cell.source for cell in staged.cells] == ["total = 1", prose.source]
    assert staged.cells[0].outputs == [] and staged.cells[0].execution_count is None
    # what the app's MyST extension shows before the student runs the chapter
    assert staged.cells[1].metadata["user_expressions"] == shown
