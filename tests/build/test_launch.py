"""Launch buttons: one repository setting in _config.yml drives the Binder and
Colab links and the Colab set-up cell of every notebook."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from cnkz_build import launch
from cnkz_build.__main__ import main

ROOT = Path(__file__).resolve().parents[2]
CONFIG = (ROOT / "_config.yml").read_text(encoding="utf-8")
NOTEBOOKS = sorted((ROOT / "book").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_notebook_opens_with_the_colab_cell_for_the_configured_repository(path):
    notebook = nbformat.read(path, as_version=4)
    first_code = next(cell for cell in notebook.cells if cell.cell_type == "code")
    assert first_code.get("id") == launch.CELL_ID
    assert first_code.source == launch.colab_cell_source(*launch.read_repository(CONFIG)), (
        f"{path.name}: the Colab cell names another repository than _config.yml; "
        "run `python -m cnkz_build repository URL`"
    )
    assert "remove-cell" in first_code.metadata["tags"]


def test_the_configured_repository_is_a_github_address_or_empty():
    url, branch = launch.read_repository(CONFIG)
    launch.check_address(url, branch)


def test_writing_the_repository_changes_only_its_two_lines():
    url = "https://github.com/example-org/china-kazakhstan"
    written = launch.write_repository(CONFIG, url, "teaching")
    assert launch.read_repository(written) == (url, "teaching")
    changed = [(old, new) for old, new in zip(CONFIG.splitlines(), written.splitlines()) if old != new]
    assert [new.strip() for _, new in changed] == [f'url: "{url}"', "branch: teaching"]
    assert len(written.splitlines()) == len(CONFIG.splitlines())


@pytest.mark.parametrize(
    "url",
    [
        "http://github.com/a/b",
        "https://gitlab.com/a/b",
        "https://github.com/a",
        "https://github.com/a/b; rm -rf ~",
        "https://github.com/a/b/tree/main",
    ],
)
def test_addresses_colab_cannot_open_are_refused(url):
    with pytest.raises(ValueError, match="https://github.com/OWNER/REPOSITORY"):
        launch.check_address(url, "main")


def test_a_branch_with_shell_characters_is_refused():
    with pytest.raises(ValueError, match="branch"):
        launch.check_address("https://github.com/a/b", "main && curl x")


def book_copy(tmp_path: Path) -> Path:
    """The configuration and notebooks in a scratch folder, so a command under test never touches the book."""
    (tmp_path / "book").mkdir()
    shutil.copy(ROOT / "_config.yml", tmp_path / "_config.yml")
    for path in NOTEBOOKS:
        shutil.copy(path, tmp_path / "book" / path.name)
    return tmp_path


def test_the_command_refuses_a_bad_address_and_writes_nothing(tmp_path, capsys):
    root = book_copy(tmp_path)
    files = [root / "_config.yml", *sorted((root / "book").glob("*.ipynb"))]
    before = {path: path.read_bytes() for path in files}
    assert main(["repository", "https://example.org/book", "--root", str(root)]) == 2
    assert "https://github.com/OWNER/REPOSITORY" in capsys.readouterr().err
    assert {path: path.read_bytes() for path in files} == before


def test_the_command_writes_a_good_address_into_the_config_and_every_notebook(tmp_path):
    root = book_copy(tmp_path)
    url = "https://github.com/example-org/china-kazakhstan"
    assert main(["repository", url, "--root", str(root)]) == 0
    assert launch.read_repository((root / "_config.yml").read_text(encoding="utf-8")) == (url, "main")
    for path in sorted((root / "book").glob("*.ipynb")):
        cell = next(c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        assert cell.source == launch.colab_cell_source(url, "main"), path.name


def test_the_cell_goes_before_the_first_code_cell_once():
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# Title"),
            nbformat.v4.new_code_cell("import cnkz"),
        ]
    )
    launch.with_colab_cell(notebook, "", "main")
    launch.with_colab_cell(notebook, "https://github.com/a/b", "main")
    assert [cell.get("id") for cell in notebook.cells].count(launch.CELL_ID) == 1
    assert [cell.cell_type for cell in notebook.cells] == ["markdown", "code", "code"]
    assert notebook.cells[1].source == launch.colab_cell_source("https://github.com/a/b", "main")
    assert notebook.cells[2].source == "import cnkz"


def test_a_config_without_a_repository_section_is_reported():
    with pytest.raises(ValueError, match="no top-level 'repository:' section"):
        launch.read_repository("title: A book\n")


def test_launch_buttons_are_left_out_only_while_no_repository_is_set():
    buttons = {"binderhub_url": "https://mybinder.org"}
    assert launch.without_unusable_launch_buttons(
        {"repository_url": "", "launch_buttons": buttons, "x": 1}
    ) == {"repository_url": "", "x": 1}
    configured = {"repository_url": "https://github.com/a/b", "launch_buttons": buttons}
    assert launch.without_unusable_launch_buttons(configured) == configured


def build_probe_book(root: Path, url: str) -> str:
    """Build a one-notebook book with the real _config.yml and the given address; its page's HTML."""
    (root / "_config.yml").write_text(launch.write_repository(CONFIG, url, "main"), encoding="utf-8")
    (root / "_toc.yml").write_text("format: jb-book\nroot: book/probe\n", encoding="utf-8")
    shutil.copytree(ROOT / "book" / "_extra", root / "book" / "_extra")
    shutil.copy(ROOT / "book" / "favicon.png", root / "book" / "favicon.png")
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# Probe"),
            nbformat.v4.new_code_cell("1 + 1"),
        ]
    )
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, root / "book" / "probe.ipynb")
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    subprocess.run(
        [str(jupyter_book), "build", "--warningiserror", "--quiet", str(root)],
        check=True,
        capture_output=True,
        text=True,
    )
    return (root / "_build" / "html" / "book" / "probe.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def probe_pages(tmp_path_factory):
    """The probe page built once with a repository address and once without."""
    pages = {}
    for name, url in (("configured", "https://github.com/example-org/china-kazakhstan"), ("empty", "")):
        root = tmp_path_factory.mktemp(name)
        (root / "book").mkdir()
        pages[name] = build_probe_book(root, url)
    return pages


def test_without_an_address_the_page_builds_with_a_download_link_and_no_launch_links(probe_pages):
    links = set(re.findall(r'href="([^"]+)"', probe_pages["empty"]))
    assert "../_sources/book/probe.ipynb" in links
    assert not [link for link in links if "mybinder" in link or "colab" in link]


def test_a_configured_address_gives_binder_colab_and_download_links(probe_pages):
    html = probe_pages["configured"]
    links = set(re.findall(r'href="([^"]+)"', html))
    assert (
        "https://mybinder.org/v2/gh/example-org/china-kazakhstan/main?urlpath=lab/tree/book/probe.ipynb"
    ) in links
    assert (
        "https://colab.research.google.com/github/example-org/china-kazakhstan/blob/main/book/probe.ipynb"
    ) in links
    assert "../_sources/book/probe.ipynb" in links
