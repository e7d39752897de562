"""Run a chapter in the site's JupyterLite as a reader would, in a Playwright browser (site tests and bench).

It takes a Playwright `Browser` (it imports nothing of Playwright itself): a new
context has a cold cache, every request off the local server is blocked and
recorded, the chapter's page is opened and its "Run in the browser" link
followed, then Run > Run All Cells. It records the seconds from the click to
the first output and to the last cell's end, and the error outputs.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from urllib.parse import urlparse

from .lite import LINK_TEXT

CODE_CELLS = ".jp-Notebook .jp-CodeCell"
CELL_PROMPTS = f"{CODE_CELLS} .jp-InputPrompt"
OUTPUTS = ".jp-Notebook .jp-OutputArea-output"
PROSE = ".jp-Notebook .jp-MarkdownCell .jp-InputArea"  # the rendered text (innerText skips the hidden editor)
# A traceback, or an exception's one-line form; stderr also carries harmless notes
# ("Matplotlib is building the font cache"). The pattern is read by Python and by the page's JavaScript.
ERROR_TEXT = re.compile(r"Traceback|^\w*(Error|Exception)\b", re.MULTILINE)
ERRORS = '.jp-Notebook .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
KERNEL_STATUS = ".jp-Notebook-ExecutionIndicator"
KERNEL_NAME = ".jp-Toolbar-kernelName"
KERNEL_DISPLAY_NAME = "Python (Pyodide)"
# From the page's first moment, what the toolbar shows (kernel name, status) each time it changes. The
# notebook shows "idle" before any kernel exists ("No Kernel"), so the kernel is ready only once it is
# the Pyodide kernel, idle, after having been seen in another state (starting).
WATCH_KERNEL = f"""
window.cnkzKernelStatuses = [];
window.cnkzKernelReady = false;
const cnkzKernelWatch = new MutationObserver(() => {{
    const name = document.querySelector('{KERNEL_NAME}');
    const status = document.querySelector('{KERNEL_STATUS}');
    const now = [name ? name.textContent.trim() : '', status ? status.getAttribute('data-status') : ''];
    const seen = window.cnkzKernelStatuses;
    const last = seen[seen.length - 1];
    if (last && last[0] === now[0] && last[1] === now[1]) return;
    seen.push(now);
    const pyodide = {json.dumps(KERNEL_DISPLAY_NAME)};
    const started = seen.some(([kernel, state]) => kernel === pyodide && state !== 'idle');
    if (started && now[0] === pyodide && now[1] === 'idle') {{
        window.cnkzKernelReady = true;
        cnkzKernelWatch.disconnect();
    }}
}});
cnkzKernelWatch.observe(document, {{subtree: true, childList: true, characterData: true, attributes: true,
                                    attributeFilter: ['data-status']}});
"""


@dataclass
class LiteRun:
    first_output_s: float = 0.0
    whole_chapter_s: float = 0.0
    cells: int = 0
    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    versions: str = ""
    prose: list[str] = field(default_factory=list)  # the rendered text of the markdown cells, after the run


def run_chapter(browser, server: str, chapter: str, timeout_s: float = 240, edit=None) -> LiteRun:
    """Open book/<chapter>.html, press the link, run every cell; what happened.

    `edit(page)`, if given, changes the notebook once the kernel is ready, as a reader would, before
    the cells run (the tests add a failing cell).
    """
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
    context.add_init_script(WATCH_KERNEL)
    try:
        page = context.new_page()
        page.goto(f"{server}/book/{chapter}.html")
        start = time.perf_counter()
        page.get_by_role("link", name=LINK_TEXT).click()
        page.wait_for_selector(CODE_CELLS, timeout=timeout_s * 1000)
        wait_for_kernel(page, timeout_s)
        if edit is not None:
            edit(page)
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.locator('[data-command="runmenu:run-all"]').click()
        page.wait_for_selector(OUTPUTS, state="attached", timeout=timeout_s * 1000)
        result.first_output_s = time.perf_counter() - start
        result.cells = wait_until_all_ran(page, timeout_s)
        result.whole_chapter_s = time.perf_counter() - start
        result.errors = [text for text in _stderr_outputs(page) if ERROR_TEXT.search(text)]
        result.prose = page.eval_on_selector_all(PROSE, "nodes => nodes.map(n => n.innerText)")
        result.versions = _versions(page, timeout_s)
    finally:
        context.close()
    return result


def _stderr_outputs(page) -> list[str]:
    return page.eval_on_selector_all(ERRORS, "nodes => nodes.map(n => n.innerText.slice(0, 2000))")


def wait_for_kernel(page, timeout_s: float) -> None:
    """Until the Pyodide kernel, seen starting, is idle (`WATCH_KERNEL`, which the page must run from its start)."""
    page.wait_for_function("() => window.cnkzKernelReady === true", timeout=timeout_s * 1000, polling=200)


def wait_until_all_ran(page, timeout_s: float) -> int:
    """Until every code cell has run, or an error shows with no cell waiting (the run stopped there; the
    toolbar may still say "busy"); the number of code cells.

    A folded cell (an exercise's solution: its code hidden) shows no prompt at all, so the run is over
    when every prompt shown is numbered and the toolbar says "idle".
    """
    page.wait_for_function(
        f"""(errorText) => {{
            const prompts = [...document.querySelectorAll('{CELL_PROMPTS}')].map(p => p.textContent.trim());
            const shown = prompts.filter(p => p !== '');
            const queued = shown.some(p => p.includes('*'));
            const idle = document.querySelector('{KERNEL_STATUS}[data-status="idle"]') !== null;
            const done = shown.length > 0 && shown.every(p => /\\[\\d+\\]/.test(p)) && idle;
            const failed = [...document.querySelectorAll('{ERRORS}')]
                .some(output => new RegExp(errorText, 'm').test(output.innerText));
            return done || (!queued && failed);
        }}""",
        arg=ERROR_TEXT.pattern,
        timeout=timeout_s * 1000,
        polling=500,
    )
    return page.locator(CELL_PROMPTS).count()


def add_cell_below(page, cell, source: str) -> None:
    """A new code cell holding `source` below `cell` (a locator), selected and not yet run."""
    cell.click()
    page.keyboard.press("Escape")
    page.keyboard.press("b")
    page.keyboard.press("Enter")
    page.keyboard.type(source)
    page.keyboard.press("Escape")


def _versions(page, timeout_s: float) -> str:
    """Run one more cell that prints the versions, in the same kernel; its output."""
    add_cell_below(
        page,
        page.locator(CODE_CELLS).last,
        "import sys, numpy, pandas, matplotlib; "
        "print('versions', sys.version.split()[0], numpy.__version__, pandas.__version__, matplotlib.__version__)",
    )
    page.keyboard.press("Shift+Enter")
    found = page.get_by_text("versions 3.", exact=False)
    found.first.wait_for(timeout=timeout_s * 1000)
    return found.first.inner_text().strip()
