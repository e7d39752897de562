"""Run a chapter in the site's JupyterLite as a reader would, in a Playwright browser (site tests and bench).

It takes a Playwright `Browser` (it imports nothing of Playwright itself): a new
context has a cold cache, every request off the local server is blocked and
recorded, the chapter's page is opened and its "Run in the browser" link
followed, then Run > Run All Cells. It records the seconds from the click to
the first output and to the last cell's end, and the error outputs.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from urllib.parse import urlparse

from .lite import LINK_TEXT

CELL_PROMPTS = ".jp-Notebook .jp-CodeCell .jp-InputPrompt"
OUTPUTS = ".jp-Notebook .jp-OutputArea-output"
# A traceback, or an exception's one-line form; stderr also carries harmless notes
# ("Matplotlib is building the font cache").
ERROR_TEXT = re.compile(r"Traceback|^\w*(Error|Exception)\b", re.MULTILINE)
ERRORS = '.jp-Notebook .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'


@dataclass
class LiteRun:
    first_output_s: float = 0.0
    whole_chapter_s: float = 0.0
    cells: int = 0
    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    versions: str = ""


def run_chapter(browser, server: str, chapter: str, timeout_s: float = 240) -> LiteRun:
    """Open book/<chapter>.html, press the link, run every cell; what happened."""
    result = LiteRun()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    local = urlparse(server).netloc

    def guard(route):
        if urlparse(route.request.url).netloc in ("", local) or route.request.url.startswith(
            ("data:", "blob:")
        ):
            route.continue_()
        else:
            result.foreign.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    try:
        page = context.new_page()
        page.goto(f"{server}/book/{chapter}.html")
        start = time.perf_counter()
        page.get_by_role("link", name=LINK_TEXT).click()
        page.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=timeout_s * 1000)
        _wait_for_kernel(page, timeout_s)
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.locator('[data-command="runmenu:run-all"]').click()
        page.wait_for_selector(OUTPUTS, state="attached", timeout=timeout_s * 1000)
        result.first_output_s = time.perf_counter() - start
        result.cells = _wait_until_all_ran(page, timeout_s)
        result.whole_chapter_s = time.perf_counter() - start
        result.errors = [text for text in _stderr_outputs(page) if ERROR_TEXT.search(text)]
        result.versions = _versions(page, timeout_s)
    finally:
        context.close()
    return result


def _stderr_outputs(page) -> list[str]:
    return page.eval_on_selector_all(ERRORS, "nodes => nodes.map(n => n.innerText.slice(0, 2000))")


def _wait_for_kernel(page, timeout_s: float) -> None:
    page.wait_for_function(
        """() => {
            const status = document.querySelector('.jp-Notebook-ExecutionIndicator');
            return status && status.getAttribute('data-status') === 'idle';
        }""",
        timeout=timeout_s * 1000,
    )


def _wait_until_all_ran(page, timeout_s: float) -> int:
    """Every code cell numbered (or the run stopped at an error); the number of code cells."""
    page.wait_for_function(
        f"""() => {{
            const prompts = [...document.querySelectorAll('{CELL_PROMPTS}')].map(p => p.innerText.trim());
            const busy = prompts.some(p => p.includes('*'));
            const done = prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p));
            const idle = document.querySelector('.jp-Notebook-ExecutionIndicator[data-status="idle"]');
            return done || (!busy && idle && document.querySelector('{ERRORS}'));
        }}""",
        timeout=timeout_s * 1000,
        polling=500,
    )
    return page.locator(CELL_PROMPTS).count()


def _versions(page, timeout_s: float) -> str:
    """Run one more cell that prints the versions, in the same kernel; its output."""
    page.locator(".jp-Notebook .jp-CodeCell").last.click()
    page.keyboard.press("Escape")
    page.keyboard.press("b")  # a new cell below
    page.keyboard.press("Enter")
    page.keyboard.type(
        "import sys, numpy, pandas, matplotlib; "
        "print('versions', sys.version.split()[0], numpy.__version__, pandas.__version__, matplotlib.__version__)"
    )
    page.keyboard.press("Shift+Enter")
    found = page.get_by_text("versions 3.", exact=False)
    found.first.wait_for(timeout=timeout_s * 1000)
    return found.first.inner_text().strip()
