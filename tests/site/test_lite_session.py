"""The JupyterLite driver's waits (cnkz_build.lite_session), on a page that plays the notebook toolbar's
and cells' states in the order JupyterLite shows them, with no kernel behind it."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from cnkz_build.lite_session import WATCH_KERNEL, wait_for_kernel, wait_until_all_ran

PAGE = "http://notebook.test/"
# Before the kernel exists the toolbar says "No Kernel" and "idle"; then the Pyodide kernel starts.
KERNEL_STARTS = """
<button class="jp-Toolbar-kernelName"><span>No Kernel</span></button>
<div class="jp-Notebook-ExecutionIndicator" data-status="idle"></div>
<script>
  const name = document.querySelector('.jp-Toolbar-kernelName span');
  const status = document.querySelector('.jp-Notebook-ExecutionIndicator');
  setTimeout(() => { name.textContent = 'Python (Pyodide)'; status.dataset.status = 'starting'; }, 1000);
  setTimeout(() => { status.dataset.status = 'idle'; window.kernelIdle = true; }, 2000);
</script>
"""


def cells(prompts: list[str], stderr: str, status: str) -> str:
    """A notebook of code cells with these prompts; the first cell printed `stderr`."""
    output = (
        f'<div class="jp-OutputArea-output" data-mime-type="application/vnd.jupyter.stderr">{stderr}</div>'
    )
    cells = "".join(
        f'<div class="jp-CodeCell"><div class="jp-InputPrompt">{prompt}</div>{output if i == 0 else ""}</div>'
        for i, prompt in enumerate(prompts)
    )
    return f'<div class="jp-Notebook-ExecutionIndicator" data-status="{status}"></div><div class="jp-Notebook">{cells}</div>'


@pytest.fixture
def page(browser):
    context = browser.new_context()
    context.add_init_script(WATCH_KERNEL)
    page = context.new_page()

    def show(html: str) -> None:
        context.route(PAGE, lambda route: route.fulfill(content_type="text/html", body=html))
        page.goto(PAGE)

    page.show = show
    yield page
    context.close()


def test_the_kernel_wait_ends_when_pyodide_is_idle_not_at_the_empty_notebooks_idle(page):
    page.show(KERNEL_STARTS)
    wait_for_kernel(page, timeout_s=10)
    assert page.evaluate("window.kernelIdle") is True


TRACEBACK = "Traceback (most recent call last):\nZeroDivisionError: division by zero"


def test_an_error_with_no_cell_waiting_ends_the_run_though_the_toolbar_still_says_busy(page):
    page.show(cells(["[1]:", "[2]:", "[ ]:"], TRACEBACK, status="busy"))
    assert wait_until_all_ran(page, timeout_s=5) == 3


def test_a_run_with_folded_cells_ends_when_every_prompt_shown_is_numbered_and_the_toolbar_is_idle(page):
    page.show(cells(["[1]:", "", "[3]:"], "Matplotlib is building the font cache", status="idle"))
    assert wait_until_all_ran(page, timeout_s=5) == 3


@pytest.mark.parametrize(
    ("prompts", "stderr"),
    [
        (["[1]:", "[*]:", "[*]:"], TRACEBACK),  # cells still waiting to run
        (["[1]:", "[ ]:", "[ ]:"], "Matplotlib is building the font cache"),  # a note, not an error
        (["[1]:", "[2]:", ""], "Matplotlib is building the font cache"),  # a folded last cell runs
    ],
)
def test_the_run_goes_on_while_cells_wait_or_stderr_holds_only_a_note(page, prompts, stderr):
    page.show(cells(prompts, stderr, status="busy"))
    with pytest.raises(PlaywrightTimeout):
        wait_until_all_ran(page, timeout_s=2)
