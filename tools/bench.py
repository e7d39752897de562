"""`make bench`: time what users wait for, median of several runs, in one table.

Measures: environment set-up into an empty venv, cold build, no-change
rebuild, rebuild after a change to one data file, the full test suite,
execution of each notebook, the size of the site and of its heaviest page,
and, as a reference, the cold build of Jupyter Book's own template book.
Prints a Markdown table for the README's Performance section.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

import build_book as book
from cnkz_build.kernels import use_private_sockets
from cnkz_build.lite import LITE_OUTPUT
from cnkz_build.settings import REPO, execution_timeout

BIN = Path(sys.executable).parent
RUNS = 3


def run(command: list[str], **kwargs) -> None:
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)


def median_seconds(action, prepare=None, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        if prepare:
            prepare()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def build(path_output: Path, source: Path = REPO, prewarm: bool = True) -> None:
    """What `make book` does (tools/build_book.py), into `path_output`."""
    book.build(source, path_output, prewarm=prewarm, quiet=True)


def rebuild_after_edit(out: Path, path: Path, old: bytes, new) -> float:
    """Median rebuild time after a different edit of `path` each run (old -> new(n)); restores the file."""
    original = path.read_bytes()
    assert old in original, f"{path}: {old!r} not found"
    changes = iter(range(1, 1 + RUNS))

    def edit():
        path.write_bytes(original.replace(old, new(next(changes)), 1))

    try:
        return median_seconds(lambda: build(out), prepare=edit)
    finally:
        path.write_bytes(original)
        build(out)  # leave the cache matching the inputs again


def setup_env(target: Path) -> None:
    """What `make env` does for a new user, into an empty venv at `target`."""
    shutil.rmtree(target, ignore_errors=True)
    run(["make", "-C", str(REPO), "env", f"VENV={target}"])


def pages(html: Path) -> list[Path]:
    return [
        p
        for p in html.rglob("*.html")
        if p.name not in {"genindex.html", "search.html"}
        and "_static" not in p.parts
        and p.relative_to(html).parts[0] != LITE_OUTPUT  # the in-browser app's own pages
    ]


def page_weight(page: Path, html: Path) -> int:
    """Bytes of a page's HTML plus the images it shows from _images."""
    text = page.read_text(encoding="utf-8")
    images = set(re.findall(r'src="(?:\.\./)*(_images/[^"]+)"', text))
    return page.stat().st_size + sum((html / image).stat().st_size for image in images)


def page_files(page: Path, html: Path) -> set[Path]:
    """The scripts and style sheets a page loads from _static."""
    text = page.read_text(encoding="utf-8")
    return {
        html / name for name in re.findall(r'(?:src|href)="(?:\.\./)*(_static/[^"?#]+\.(?:js|css))', text)
    }


def weight_with_own_files(pages_: list[Path], html: Path) -> tuple[Path, int, int]:
    """The heaviest page counting its HTML, images and the files only some pages load (the charts'
    scripts), and the bytes of the files every page loads (the theme's), which a reader fetches once."""
    loaded = {page: page_files(page, html) for page in pages_}
    shared = set.intersection(*(files for files in loaded.values() if files))  # not the root's redirect

    def weight(page: Path) -> int:
        return page_weight(page, html) + sum(path.stat().st_size for path in loaded[page] - shared)

    heaviest = max(pages_, key=weight)
    return heaviest, weight(heaviest), sum(path.stat().st_size for path in shared)


def execute_notebook(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook,
        timeout=execution_timeout(),
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()


def bench_lite(
    html: Path, chapters: tuple[str, ...] = ("history", "energy", "security")
) -> list[tuple[str, str]]:
    """The chapters in the browser: from pressing "Run in the browser" (cold cache, offline) to the
    first output and to the last cell, in Debian's Chromium; and the in-browser app's share of the site."""
    from cnkz_build.lite_session import run_chapter
    from cnkz_build.site_check import headless_chromium, served

    rows = []
    with served(html) as server, headless_chromium() as browser:
        for chapter in chapters:
            runs = [run_chapter(browser, server, chapter) for _ in range(RUNS)]
            first = statistics.median(run.first_output_s for run in runs)
            whole = statistics.median(run.whole_chapter_s for run in runs)
            rows.append(
                (f"In the browser, book/{chapter}.ipynb: first output (cold cache)", f"{first:.1f} s")
            )
            rows.append((f"In the browser, book/{chapter}.ipynb: whole chapter", f"{whole:.1f} s"))
    lite = sum(p.stat().st_size for p in (html / LITE_OUTPUT).rglob("*") if p.is_file())
    site = sum(p.stat().st_size for p in html.rglob("*") if p.is_file())
    rows.append(
        (
            f"In-browser app (_build/html/{LITE_OUTPUT}), share of the site",
            f"{lite / 1e6:.1f} MB, {100 * lite / site:.0f} %",
        )
    )
    return rows


def main() -> None:
    use_private_sockets()
    rows: list[tuple[str, str]] = []
    scratch = Path(tempfile.mkdtemp(prefix="cnkz-bench-"))
    out = scratch / "book"

    rows.append(
        (
            "Environment set-up into an empty venv (uv, warm package cache)",
            f"{median_seconds(lambda: setup_env(scratch / 'venv')):.1f} s",
        )
    )

    cold = median_seconds(lambda: build(out), prepare=lambda: shutil.rmtree(out, ignore_errors=True))
    rows.append(("Cold book build (strict)", f"{cold:.1f} s"))
    rows.append(("Rebuild, nothing changed (jupyter-book)", f"{median_seconds(lambda: build(out)):.1f} s"))

    edits = [
        (
            "Rebuild after a change to data/sources.csv (every chapter cites it: all re-run)",
            REPO / "data" / "sources.csv",
            b"facts cited",
            lambda n: b"facts" + b" " * n + b"cited",
        ),
        (
            "Rebuild after a change to one value of data/osce_budget.csv (OSCE, data and references re-run)",
            REPO / "data" / "osce_budget.csv",
            b"2002,177500000,",
            lambda n: f"2002,17750000{n},".encode(),
        ),
        (
            "Rebuild after an edit to src/cnkz_build/sphinxext.py (build-only: no notebook re-runs)",
            REPO / "src" / "cnkz_build" / "sphinxext.py",
            b"STAMP = ",
            lambda n: b"#" * n + b"\nSTAMP = ",
        ),
    ]
    for label, path, old, new in edits:
        rows.append((label, f"{rebuild_after_edit(out, path, old, new):.1f} s"))

    tests = median_seconds(lambda: run(["make", "-C", str(REPO), "test"]))
    rows.append(("Full test suite (make test)", f"{tests:.1f} s"))

    for notebook in sorted((REPO / "book").glob("*.ipynb")):
        seconds = median_seconds(lambda notebook=notebook: execute_notebook(notebook))
        rows.append((f"Execute {notebook.relative_to(REPO)}", f"{seconds:.1f} s"))

    html = out / "_build" / "html"
    size = sum(p.stat().st_size for p in html.rglob("*") if p.is_file())
    heaviest = max(pages(html), key=lambda page: page_weight(page, html))
    rows.append(("Size of _build/html", f"{size / 1e6:.1f} MB"))
    rows.append(
        (
            f"Heaviest page ({heaviest.relative_to(html)}, HTML + images)",
            f"{page_weight(heaviest, html) / 1e3:.0f} kB",
        )
    )

    heaviest, weight, shared = weight_with_own_files(pages(html), html)
    rows.append(
        (
            f"Heaviest page with its own scripts ({heaviest.relative_to(html)}: HTML, images, chart scripts)",
            f"{weight / 1e3:.0f} kB",
        )
    )
    rows.append(("Scripts and style sheets every page loads (fetched once)", f"{shared / 1e3:.0f} kB"))

    rows += bench_lite(html)

    template = scratch / "template"
    run([str(BIN / "jupyter-book"), "create", str(template)])
    template_out = scratch / "template-out"
    template_cold = median_seconds(
        lambda: build(template_out, template, prewarm=False),
        prepare=lambda: shutil.rmtree(template_out, ignore_errors=True),
    )
    ours_per_page = cold / len(pages(html))
    template_per_page = template_cold / len(pages(template_out / "_build" / "html"))
    rows.append(("Template book (jupyter-book create), cold build", f"{template_cold:.1f} s"))
    rows.append(
        (
            "Cold build per page: this book / template book",
            f"{ours_per_page:.1f} s / {template_per_page:.1f} s = {ours_per_page / template_per_page:.2f}x",
        )
    )

    shutil.rmtree(scratch, ignore_errors=True)
    print(f"\nMedians of {RUNS} runs; {sys.platform}, Python {sys.version.split()[0]}.\n")
    print("| What | Time or size |\n|---|---|")
    for what, value in rows:
        print(f"| {what} | {value} |")


if __name__ == "__main__":
    main()
