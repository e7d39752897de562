"""The book's repository address and the Colab set-up cell that depends on it.

`repository.url` in `_config.yml` is the one setting: Jupyter Book turns it
into the Binder and Colab buttons of every notebook page. Colab, unlike
Binder, opens a single notebook without the rest of the repository, so each
notebook starts with a set-up cell that clones the book there. That cell has
to name the address too; `set_repository` writes both from one value, and
`tests/test_launch.py` fails if they drift apart. While the address is empty
the build leaves the launch buttons out (`without_unusable_launch_buttons`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

CELL_ID = "colab-setup"
GITHUB_REPOSITORY = re.compile(r"https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
BRANCH = re.compile(r"[A-Za-z0-9_./-]+")
_REPOSITORY_BLOCK = re.compile(r"^repository:\n(?:[ \t]+.*\n|[ \t]*\n)*", re.MULTILINE)
_SETTING = r"^(?P<indent>[ \t]+){key}:[ \t]*(?P<value>.*?)[ \t]*(?:#.*)?$"


def colab_cell_source(url: str, branch: str) -> str:
    """The first code cell of every notebook: a no-op anywhere but on Colab."""
    return (
        "# Colab opens this notebook without the rest of the book. There, and only\n"
        "# there, this cell fetches the book's code and data and installs its packages.\n"
        f"BOOK_REPOSITORY = {json.dumps(url)}  # set by `python -m cnkz_build repository`\n"
        f"BOOK_BRANCH = {json.dumps(branch)}\n"  # double quotes, as the formatter writes them
        'if "google.colab" in str(get_ipython()):\n'
        "    if not BOOK_REPOSITORY:\n"
        "        raise RuntimeError(\"This copy of the book names no repository; see the README, 'Launch buttons'.\")\n"
        "    !test -d /content/book || git clone --quiet --depth 1 --branch {BOOK_BRANCH} {BOOK_REPOSITORY} /content/book\n"
        "    %run /content/book/tools/colab_setup.py"
    )


def check_address(url: str, branch: str) -> None:
    """Colab opens notebooks from GitHub only, so the address must be a GitHub repository (or empty)."""
    if url and not GITHUB_REPOSITORY.fullmatch(url):
        raise ValueError(f"repository url {url!r} is not of the form https://github.com/OWNER/REPOSITORY")
    if not BRANCH.fullmatch(branch):
        raise ValueError(f"branch {branch!r} is not a plain branch name")


def _repository_block(config_text: str) -> re.Match:
    block = _REPOSITORY_BLOCK.search(config_text)
    if block is None:
        raise ValueError("_config.yml has no top-level 'repository:' section")
    return block


def _setting(block: str, key: str) -> re.Match:
    found = re.search(_SETTING.format(key=key), block, re.MULTILINE)
    if found is None:
        raise ValueError(f"_config.yml: the 'repository:' section has no '{key}:' line")
    return found


def read_repository(config_text: str) -> tuple[str, str]:
    """(url, branch) from the text of `_config.yml`."""
    block = _repository_block(config_text).group(0)
    url, branch = (_setting(block, key).group("value").strip("\"'") for key in ("url", "branch"))
    return url, branch


def write_repository(config_text: str, url: str, branch: str) -> str:
    """`_config.yml` with a new url and branch; every other line unchanged."""
    check_address(url, branch)
    match = _repository_block(config_text)
    block = match.group(0)
    for key, value in (("url", f'"{url}"'), ("branch", branch)):
        line = _setting(block, key)
        block = block[: line.start("value")] + value + block[line.end("value") :]
    return config_text[: match.start()] + block + config_text[match.end() :]


def without_unusable_launch_buttons(theme_options: dict) -> dict:
    """The theme options, minus the launch buttons if no repository is set."""
    if theme_options.get("repository_url"):
        return theme_options
    return {key: value for key, value in theme_options.items() if key != "launch_buttons"}


def notebook_cell(notebook):
    """The notebook's Colab set-up cell, or None."""
    return next((cell for cell in notebook.cells if cell.get("id") == CELL_ID), None)


def with_colab_cell(notebook, url: str, branch: str):
    """The notebook with its set-up cell (re)written, placed before the first code cell if new."""
    import nbformat  # imported here: the Sphinx extension imports this module on every build

    source = colab_cell_source(url, branch)
    cell = notebook_cell(notebook)
    if cell is None:
        cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["remove-cell"]})
        cell["id"] = CELL_ID
        first_code = next(i for i, c in enumerate(notebook.cells) if c.cell_type == "code")
        notebook.cells.insert(first_code, cell)
    cell.source = source
    return notebook


def set_repository(root: Path, url: str, branch: str = "main") -> list[Path]:
    """Write the address into `_config.yml` and every notebook in `book/`; the files written."""
    import nbformat

    check_address(url, branch)
    config = root / "_config.yml"
    config.write_text(write_repository(config.read_text(encoding="utf-8"), url, branch), encoding="utf-8")
    written = [config]
    for path in sorted((root / "book").glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        nbformat.write(with_colab_cell(notebook, url, branch), path)
        written.append(path)
    return written
