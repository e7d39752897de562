"""The chapters in the browser: each chapter opened from its "Run in the browser" link in JupyterLite,
every cell run in Pyodide with every request off the local server blocked, no error output."""

import pytest

from cnkz_build.lite import LITE_OUTPUT
from cnkz_build.lite_session import CODE_CELLS, add_cell_below, run_chapter
from conftest import HTML

# The theme chapters and the data chapter: each ends with an interactive chart or reads every table.
CHAPTERS = ["history", "security", "energy", "trade", "osce", "society", "data"]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_chapter_runs_to_the_end_in_the_browser_offline(server, browser, chapter):
    run = run_chapter(browser, server, chapter)
    assert run.foreign == [], "requests left the local server"
    assert run.errors == []
    assert run.cells >= 5
    # the prose shows its numbers (the app's MyST extension), not the roles that compute them
    assert run.prose and not [text for text in run.prose if "{eval}" in text]
    # Pyodide 0.27.7's versions, not the lock's: the chapter ran in the browser's Python.
    assert run.versions == "versions 3.12.7 2.0.2 2.2.3 3.8.4"


def test_a_failing_cell_ends_the_run_and_its_traceback_is_reported(server, browser):
    def add_failing_cell(page):
        add_cell_below(page, page.locator(CODE_CELLS).first, "1 / 0")

    run = run_chapter(browser, server, "glossary", edit=add_failing_cell)
    assert len(run.errors) == 1
    assert "Traceback" in run.errors[0] and "ZeroDivisionError" in run.errors[0]


def test_the_chapter_pages_do_not_load_the_app(server, browser):
    context = browser.new_context()
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{server}/book/history.html", wait_until="networkidle")
    context.close()
    assert [url for url in requested if "/lite/" in url] == []


def test_the_built_app_names_no_pyodide_but_its_own():
    configs = sorted((HTML / LITE_OUTPUT).rglob("jupyter-lite.json"))
    assert configs
    for config in configs:
        text = config.read_text(encoding="utf-8")
        assert "cdn.jsdelivr" not in text and "pypi.org" not in text, config
