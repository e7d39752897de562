"""The chapters' markdown in the forms JupyterLab's MyST renders as the book does (cnkz_build.lab)."""

from pathlib import Path

import nbformat
import pytest

from cnkz_build import lab
from cnkz_build.sphinxext import chapter_notebooks

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = chapter_notebooks(ROOT / "book")

EXERCISE = "```{exercise}\n:label: ex-a\nWhat?\n```"
START = "```{solution-start} ex-a\n:class: dropdown\n```"
END = "```{solution-end}\n```"


def glue_output(name: str, text: str):
    return nbformat.v4.new_output(
        "display_data",
        data={"application/papermill.record/text/plain": text},
        metadata={"scrapbook": {"name": name, "mime_prefix": "application/papermill.record/"}},
    )


def chapter(*cells):
    notebook = nbformat.v4.new_notebook(cells=list(cells))
    for number, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{number}"
    return notebook


def test_glue_roles_become_inline_expressions_with_python_names():
    assert (
        lab.to_inline_expressions("in {glue:text}`year`, {glue}`2012-a-b`")
        == "in {eval}`year`, {eval}`_2012_a_b`"
    )
    with pytest.raises(ValueError, match="no inline form"):
        lab.to_inline_expressions("{glue:text}`other.ipynb::year`")


def test_dollars_are_escaped_outside_code_and_fences_once():
    markdown = "US$5 and `US$` and \\$3\n```{admonition} US$ loans\nUS${eval}`x`\n```"
    escaped = lab.escape_dollars(markdown)
    assert escaped == "US\\$5 and `US$` and \\$3\n```{admonition} US$ loans\nUS\\${eval}`x`\n```"
    assert lab.escape_dollars(escaped) == escaped


def test_the_cells_between_a_solutions_fences_are_folded_and_nothing_else():
    notebook = chapter(
        nbformat.v4.new_markdown_cell(f"Intro.\n\n{EXERCISE}\n\n{START}\n\nThe answer is 42."),
        nbformat.v4.new_code_cell("answer = 42"),
        nbformat.v4.new_markdown_cell(f"So 42.\n\n{END}\n\nAfter."),
    )
    lab.convert(notebook)
    cells = notebook.cells
    assert [cell.source for cell in cells] == [
        f"Intro.\n\n{EXERCISE}\n\n{START}",
        "\nThe answer is 42.",  # a folded cell shows its first line: an empty one
        "answer = 42",
        "\nSo 42.",
        f"{END}\n\nAfter.",
    ]
    assert [cell.id for cell in cells] == ["cell-0", "cell-0-1", "cell-1", "cell-2", "cell-2-1"]
    folded = [cell.metadata.get("jupyter", {}) for cell in cells]
    assert folded == [
        {},
        {"source_hidden": True},
        {"source_hidden": True, "outputs_hidden": True},
        {"source_hidden": True},
        {},
    ]
    again = nbformat.writes(notebook)
    lab.convert(notebook)
    assert nbformat.writes(notebook) == again


def test_a_glued_name_that_is_also_a_variable_is_renamed_in_code_and_prose():
    notebook = chapter(
        nbformat.v4.new_code_cell('total = 41.97\nglue("total", f"{total:.0f}")\nglue("n", n)'),
        nbformat.v4.new_markdown_cell("{glue:text}`total` and {glue:text}`n`"),
    )
    lab.convert(notebook)
    assert notebook.cells[0].source == 'total = 41.97\nglue("total_shown", f"{total:.0f}")\nglue("n", n)'
    assert notebook.cells[1].source == "{eval}`total_shown` and {eval}`n`"


def test_inline_values_are_stored_from_the_glued_outputs():
    code = nbformat.v4.new_code_cell("", outputs=[glue_output("year", "2013"), glue_output("share", "'12%'")])
    prose = nbformat.v4.new_markdown_cell("In {eval}`year`, {eval}`share`; {eval}`year` again.")
    notebook = chapter(code, prose)
    lab.store_user_expressions(notebook)
    assert prose.metadata["user_expressions"] == [
        {"expression": "year", "result": {"status": "ok", "data": {"text/plain": "2013"}, "metadata": {}}},
        {"expression": "share", "result": {"status": "ok", "data": {"text/plain": "'12%'"}, "metadata": {}}},
    ]
    prose.source = "{eval}`missing`"
    with pytest.raises(ValueError, match="cell 1: .* no cell glues: missing"):
        lab.store_user_expressions(notebook)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.name)
def test_the_chapters_are_converted_and_store_their_current_inline_values(path):
    notebook = nbformat.read(path, as_version=4)
    stored = nbformat.writes(notebook)
    lab.convert(notebook)
    lab.store_user_expressions(notebook)
    assert nbformat.writes(notebook) == stored, "run tools/lab_markdown.py, then make format and make execute"
