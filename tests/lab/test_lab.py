"""A student opens a chapter in JupyterLab: it reads as the book does, with the solutions folded.

The expected values are the ones stored in the chapter itself (the glued
outputs, which nbval checks against a fresh run), so the test checks what
JupyterLab shows, not how the values were computed.
"""

import ast
import re

import nbformat
import pytest

from cnkz_build.lab import EVAL_ROLE
from conftest import REPO, offline_page

RAW_MYST = ["{glue", "{eval", "{exercise", "{solution", "```"]
CHAPTERS = ["trade.ipynb", "history.ipynb"]


@pytest.fixture(scope="module", params=CHAPTERS)
def opened(request, browser, lab):
    """(page, notebook): the chapter open in JupyterLab, once for all the checks below."""
    url, token = lab
    page = offline_page(browser, url)
    notebook = open_chapter(page, url, token, request.param)
    yield page, notebook
    page.close()


def open_chapter(page, url: str, token: str, chapter: str):
    page.goto(f"{url}/lab/tree/{chapter}?reset&token={token}")
    notebook = nbformat.read(REPO / "book" / chapter, as_version=4)
    cell_at(page, len(notebook.cells) - 1).wait_for(timeout=60_000)
    # wait until every unfolded markdown cell is drawn, by jupyterlab-myst (`.myst`) or without it
    page.wait_for_function(
        "n => document.querySelectorAll('.jp-MarkdownCell :is(.myst, .jp-RenderedMarkdown)').length >= n",
        arg=sum(cell.cell_type == "markdown" and not is_folded(cell) for cell in notebook.cells),
        timeout=60_000,
    )
    return notebook


def is_folded(cell) -> bool:
    return bool(cell.metadata.get("jupyter", {}).get("source_hidden"))


def cell_at(page, index: int):
    return page.locator(f".jp-Notebook .jp-Cell[data-windowed-list-index='{index}']")


def shown_values(cell) -> list[str]:
    """The values of the cell's inline expressions, as text (strings without their quotes)."""
    values = []
    for expression in cell.metadata["user_expressions"]:
        text = expression["result"]["data"]["text/plain"]
        value = ast.literal_eval(text) if text[:1] in "'\"" else text
        values.append(" ".join(str(value).split()))
    return values


def visible_text(locator) -> str:
    return " ".join(locator.inner_text().split())


def test_chapter_shows_no_raw_myst(opened):
    page, notebook = opened
    text = page.locator(".jp-Notebook").inner_text()
    assert [raw for raw in RAW_MYST if raw in text] == []
    assert page.blocked == []


def test_prose_shows_the_glued_numbers(opened):
    page, notebook = opened
    checked = 0
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown" and EVAL_ROLE.search(cell.source) and not is_folded(cell):
            text = visible_text(cell_at(page, index))
            assert [value for value in shown_values(cell) if value not in text] == [], cell.source
            checked += 1
    assert checked > 5


def test_exercises_and_admonitions_are_rendered(opened):
    page, notebook = opened
    markdown = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    exercise_titles = page.locator(".jp-Notebook aside.myst-exercise .myst-exercise-title")
    exercises = exercise_titles.filter(has_text=re.compile(r"^Exercise\s\d+$"))
    assert exercises.count() == markdown.count("```{exercise}")
    titles = re.findall(r"^```\{admonition\} (.+)$", markdown, re.M)
    text = visible_text(page.locator(".jp-Notebook"))
    assert (
        titles and [title for title in titles if " ".join(title.split()) not in text.replace("’", "'")] == []
    )


def test_solutions_stay_folded_until_opened(opened):
    page, notebook = opened
    folded = [index for index, cell in enumerate(notebook.cells) if is_folded(cell)]
    assert len(folded) >= notebook_solutions(notebook)
    for index in folded:
        cell = cell_at(page, index)
        assert cell.locator(".jp-InputPlaceholder").is_visible()
        assert not cell.locator(".jp-Cell-inputArea").is_visible()
        assert not cell.locator(".jp-OutputArea").is_visible()
    # the student opens one: its prose is there, with its numbers if it has any
    index = next(i for i in folded if notebook.cells[i].cell_type == "markdown")
    cell = cell_at(page, index)
    assert not cell.locator(".myst").is_visible()
    cell.locator(".jp-InputPlaceholder").click()
    cell.locator(".myst").wait_for()
    values = (
        shown_values(notebook.cells[index]) if "user_expressions" in notebook.cells[index].metadata else []
    )
    assert [value for value in values if value not in visible_text(cell)] == []


def notebook_solutions(notebook) -> int:
    return sum(
        cell.source.count("```{solution-start}") for cell in notebook.cells if cell.cell_type == "markdown"
    )
