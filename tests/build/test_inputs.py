"""A change to a table re-runs only the notebooks that read it; build-only edits re-run none.

The integration tests build a two-notebook Sphinx project with myst-nb in
cache mode and cnkz_build.sphinxext: one notebook reads table `a`, the other
table `b`. The unit tests check what the dependency scan sees.
"""

import json
import subprocess
import sys
import textwrap

import nbformat
from jupyter_cache import get_cache

from cnkz_build.inputs import EVERY_TABLE, closure, notebook_digest, scan, tables_with_references
from cnkz_build.sphinxext import refresh_cache

DESCRIPTOR = {
    "resources": [
        {"name": "a", "path": "a.csv", "schema": {"fields": [{"name": "v"}]}},
        {
            "name": "b",
            "path": "b.csv",
            "schema": {
                "fields": [{"name": "v"}],
                "foreignKeys": [{"fields": ["v"], "reference": {"resource": "a"}}],
            },
        },
    ]
}


def write_notebook(path, code):
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells = [nbformat.v4.new_markdown_cell(f"# {path.stem}"), nbformat.v4.new_code_cell(code)]
    nbformat.write(notebook, path)


def make_project(root):
    data = root / "data"
    data.mkdir()
    (data / "datapackage.json").write_text(json.dumps(DESCRIPTOR))
    (data / "a.csv").write_text("v\nvalue-a1\n")
    (data / "b.csv").write_text("v\nvalue-b1\n")
    src = root / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        textwrap.dedent(f"""\
        extensions = ['myst_nb', 'cnkz_build.sphinxext']
        nb_execution_mode = 'cache'
        nb_execution_cache_path = {str(root / "cache")!r}
        cnkz_book_dir = '.'
        cnkz_data_dir = {str(data)!r}
        cnkz_package_dir = {str(root / "no-package")!r}
        exclude_patterns = ['_build']
        """)
    )
    loader = f"def load(name):\n    return open({str(data)!r} + '/' + name + '.csv').read().split()[1]\n"
    write_notebook(src / "one.ipynb", loader + 'print(load("a"))')
    write_notebook(src / "two.ipynb", loader + 'print(load("b"))')
    (src / "index.md").write_text("```{toctree}\none\ntwo\n```\n")


def build(root) -> dict[str, str]:
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", str(root / "src"), str(root / "out")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return {name: (root / "out" / f"{name}.html").read_text() for name in ("one", "two")}


def records(root) -> dict[str, tuple]:
    cache = get_cache(str(root / "cache"))
    return {
        record.uri.rsplit("/", 1)[-1]: (record.pk, record.created) for record in cache.list_cache_records()
    }


def test_a_table_edit_reruns_only_the_notebook_that_reads_it(tmp_path):
    make_project(tmp_path)
    pages = build(tmp_path)
    assert "value-a1" in pages["one"] and "value-b1" in pages["two"]
    first = records(tmp_path)

    (tmp_path / "data" / "b.csv").write_text("v\nvalue-b2\n")
    pages = build(tmp_path)
    assert "value-b2" in pages["two"] and "value-b1" not in pages["two"]
    second = records(tmp_path)
    assert second["one.ipynb"] == first["one.ipynb"]  # `one` does not read b: kept
    assert second["two.ipynb"] != first["two.ipynb"]

    (tmp_path / "data" / "a.csv").write_text("v\nvalue-a2\n")  # b references a: both re-run
    pages = build(tmp_path)
    assert "value-a2" in pages["one"]
    third = records(tmp_path)
    assert third["one.ipynb"] != second["one.ipynb"] and third["two.ipynb"] != second["two.ipynb"]


def test_nothing_changed_keeps_every_cached_result(tmp_path):
    make_project(tmp_path)
    build(tmp_path)
    first = records(tmp_path)
    build(tmp_path)
    assert records(tmp_path) == first


def test_the_scan_sees_literal_loads_and_treats_a_computed_name_as_every_table():
    assert scan('import cnkz\nx = cnkz.load("events")\ny = load("trade", d)').tables == {"events", "trade"}
    assert scan("for name in names:\n    cnkz.load(name)").tables == {EVERY_TABLE}
    assert scan("import json\njson.load(handle)").tables == set()  # another library's load


def test_the_scan_follows_imports_through_the_package(tmp_path):
    package = tmp_path / "cnkz"
    (package / "analysis").mkdir(parents=True)
    (package / "__init__.py").write_text("from .loading import load\n")
    (package / "loading.py").write_text("def load(name):\n    pass\n")
    (package / "analysis" / "__init__.py").write_text("")
    (package / "analysis" / "osce.py").write_text("from ..loading import load\nB = load('osce_budget')\n")
    (package / "analysis" / "trade.py").write_text("X = 1\n")
    reads = closure(scan("from cnkz.analysis import osce"), package)
    assert reads.modules == {"cnkz", "cnkz.loading", "cnkz.analysis", "cnkz.analysis.osce"}
    assert reads.tables == {"osce_budget"}


def test_referenced_tables_count_as_read():
    assert tables_with_references({"b"}, DESCRIPTOR) == {"a", "b"}
    assert tables_with_references({EVERY_TABLE}, DESCRIPTOR) == {"a", "b"}


def test_a_module_edit_changes_the_digest_of_its_importers_only(tmp_path):
    package = tmp_path / "cnkz"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "osce.py").write_text("X = 1\n")
    (package / "trade.py").write_text("Y = 1\n")
    data = tmp_path / "data"
    data.mkdir()
    osce_nb, trade_nb = tmp_path / "osce.ipynb", tmp_path / "trade.ipynb"
    write_notebook(osce_nb, "from cnkz import osce")
    write_notebook(trade_nb, "from cnkz import trade")
    before = [notebook_digest(nb, data, package) for nb in (osce_nb, trade_nb)]
    (package / "osce.py").write_text("X = 2\n")
    after = [notebook_digest(nb, data, package) for nb in (osce_nb, trade_nb)]
    assert after[0] != before[0] and after[1] == before[1]


def test_refresh_reports_only_changed_notebooks(tmp_path):
    cache = tmp_path / "cache"
    assert refresh_cache(cache, tmp_path, {"book/a.ipynb": "1", "book/b.ipynb": "1"}) == [
        "book/a.ipynb",
        "book/b.ipynb",
    ]
    assert refresh_cache(cache, tmp_path, {"book/a.ipynb": "1", "book/b.ipynb": "2"}) == ["book/b.ipynb"]
    assert refresh_cache(cache, tmp_path, {"book/a.ipynb": "1", "book/b.ipynb": "2"}) == []
