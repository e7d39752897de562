"""JupyterLab's `.ipynb_checkpoints` copies of the chapters are never tested (nbval) nor built."""

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import yaml
from sphinx.util.matching import get_matching_files

ROOT = Path(__file__).resolve().parents[2]
CHECKPOINT = "book/.ipynb_checkpoints/trade-checkpoint.ipynb"


def a_chapter_and_its_checkpoint(root: Path) -> None:
    for path in ["book/trade.ipynb", CHECKPOINT]:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]), root / path)


def test_pytest_collects_a_chapter_but_not_its_checkpoint(tmp_path):
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    a_chapter_and_its_checkpoint(tmp_path)
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:xdist", "--nbval", "book"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    ).stdout
    assert "book/trade.ipynb::Cell 0" in collected
    assert ".ipynb_checkpoints" not in collected


def test_jupyter_book_leaves_checkpoints_out(tmp_path):
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    a_chapter_and_its_checkpoint(tmp_path)
    found = list(get_matching_files(tmp_path, exclude_patterns=config["exclude_patterns"]))
    assert found == ["book/trade.ipynb"]
