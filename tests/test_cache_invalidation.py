"""A change in the chapters' inputs (data, cnkz) re-executes the notebooks; no change keeps the cache.

Builds a one-notebook Sphinx project with myst-nb in cache mode and
cnkz.sphinxext, whose notebook prints a value read from an input file.
"""

import subprocess
import sys

import nbformat
from jupyter_cache import get_cache

from cnkz.sphinxext import inputs_digest, refresh_cache


def make_project(root):
    (root / "inputs").mkdir()
    (root / "inputs" / "value.txt").write_text("value-41")
    (root / "src").mkdir()
    (root / "src" / "conf.py").write_text(
        "extensions = ['myst_nb', 'cnkz.sphinxext']\n"
        "nb_execution_mode = 'cache'\n"
        f"nb_execution_cache_path = {str(root / 'cache')!r}\n"
        f"cnkz_inputs = [{str(root / 'inputs')!r}]\n"
    )
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Probe"),
        nbformat.v4.new_code_cell(f"print(open({str(root / 'inputs' / 'value.txt')!r}).read())"),
    ]
    nbformat.write(notebook, root / "src" / "index.ipynb")


def build(root) -> str:
    subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", str(root / "src"), str(root / "out")],
                   check=True, capture_output=True, text=True)
    return (root / "out" / "index.html").read_text()


def records(root):
    return [(record.pk, record.created) for record in get_cache(str(root / "cache")).list_cache_records()]


def test_input_change_reexecutes_the_notebook(tmp_path):
    make_project(tmp_path)
    assert "value-41" in build(tmp_path)
    first = records(tmp_path)
    assert len(first) == 1

    (tmp_path / "inputs" / "value.txt").write_text("value-42")
    html = build(tmp_path)
    assert "value-42" in html and "value-41" not in html
    assert records(tmp_path) != first


def test_unchanged_inputs_keep_the_cache_and_changed_ones_empty_it(tmp_path):
    cache = tmp_path / "cache"
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "table.csv").write_text("a\n1\n")
    digest = inputs_digest([inputs])
    assert refresh_cache(cache, digest) is True  # no stamp yet: a first build
    (cache / "executed.db").write_text("outputs")
    assert refresh_cache(cache, inputs_digest([inputs])) is False
    assert (cache / "executed.db").exists()
    (inputs / "table.csv").write_text("a\n2\n")
    assert refresh_cache(cache, inputs_digest([inputs])) is True
    assert not (cache / "executed.db").exists()


def test_digest_ignores_bytecode_caches(tmp_path):
    (tmp_path / "m.py").write_text("x = 1\n")
    before = inputs_digest([tmp_path])
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "m.pyc").write_bytes(b"compiled")
    assert inputs_digest([tmp_path]) == before
