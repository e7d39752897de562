"""Rewrite the chapters' markdown into the forms JupyterLab's MyST extension renders as the book does.

Deterministic and idempotent (see `cnkz_build.lab`): re-run it after merging edits
to the chapters, then `make format` and `make execute` (which stores the values
of the prose's inline expressions for JupyterLab).

    .venv/bin/python tools/lab_markdown.py [NOTEBOOK ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

from cnkz_build.lab import convert
from cnkz_build.sphinxext import chapter_notebooks


def main(paths: list[Path]) -> None:
    for path in paths:
        notebook = nbformat.read(path, as_version=4)
        before = nbformat.writes(notebook)
        try:
            convert(notebook)
        except ValueError as error:
            raise SystemExit(f"{path}: {error}") from None
        if nbformat.writes(notebook) != before:
            nbformat.write(notebook, path)
            print(f"rewrote {path}")


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or chapter_notebooks(Path("book")))
