"""Chapters that JupyterLab (with jupyterlab-myst) shows as the book does.

- Prose numbers are MyST inline expressions, {eval}`name`. The book pastes the
  value glued under that name (`cnkz.display.inline.glue`; see the `eval` role in
  `sphinxext`); JupyterLab shows the result stored in the markdown cell's
  `user_expressions` metadata, filled here from the same glued outputs.
- A literal dollar is written `\\$`: JupyterLab's MyST reads `$...$` as maths.
- A gated solution (`solution-start` ... `solution-end`) spans several cells,
  which JupyterLab renders one at a time; the cells between the two fences are
  stored folded (`jupyter.source_hidden`), so a student opens them by clicking.

`tools/lab_markdown.py` applies `convert` to the chapters; `tools/execute_notebooks.py`
calls `store_user_expressions` after each run (the values exist only then).
"""

from __future__ import annotations

import ast
import copy
import re

import nbformat

from cnkz.display.inline import inline_name

GLUE_ROLE = re.compile(r"\{glue(?::text)?\}`([^`]+)`")
EVAL_ROLE = re.compile(r"\{eval\}`([^`]+)`")
INLINE_CODE = re.compile(r"((`+).*?\2)")  # a code span; split() keeps it and its backticks
UNESCAPED_DOLLAR = re.compile(r"(?<!\\)\$")
SOLUTION_START = re.compile(r"^```\{solution-start\}.*?^```[ \t]*$", re.M | re.S)
SOLUTION_END = re.compile(r"^```\{solution-end\}[ \t]*\n```[ \t]*$", re.M)
GLUE_MIME = "application/papermill.record/"


def to_inline_expressions(markdown: str) -> str:
    """{glue:text}`key` becomes {eval}`name`, the key written as a Python name."""

    def replace(match: re.Match) -> str:
        key = match.group(1)
        if ":" in key:
            raise ValueError(
                f"{match.group(0)}: glue from another notebook or with a format has no inline form"
            )
        return f"{{eval}}`{inline_name(key)}`"

    return GLUE_ROLE.sub(replace, markdown)


def escape_dollars(markdown: str) -> str:
    """Every literal `$` outside code and fences becomes `\\$`, the same character in the book."""
    lines = []
    for line in markdown.split("\n"):
        if not line.lstrip().startswith("```"):
            pieces = INLINE_CODE.split(line)  # text, code span, its backticks, text, ...
            line = "".join(
                UNESCAPED_DOLLAR.sub(r"\\$", piece) if i % 3 == 0 else piece
                for i, piece in enumerate(pieces)
                if i % 3 != 2
            )
        lines.append(line)
    return "\n".join(lines)


def split_at_solutions(cells: list) -> list:
    """Markdown cells cut so that a solution's start fence ends a cell and its end fence begins one."""
    result = []
    for cell in cells:
        pieces = _pieces(cell.source) if cell.cell_type == "markdown" else [cell.source]
        cell.source = pieces[0]
        result.append(cell)
        result.extend(_markdown_like(cell, piece, number) for number, piece in enumerate(pieces[1:], 1))
    return result


def _pieces(source: str) -> list[str]:
    cuts = {0, len(source)}
    cuts.update(match.end() for match in SOLUTION_START.finditer(source))
    cuts.update(match.start() for match in SOLUTION_END.finditer(source))
    bounds = sorted(cuts)
    pieces = [source[a:b].strip("\n") for a, b in zip(bounds, bounds[1:])]
    return [piece for piece in pieces if piece.strip()] or [source]


def _markdown_like(cell, source: str, number: int):
    """A markdown cell cut from `cell`: its metadata, and its id with a number (stable across runs)."""
    piece = nbformat.v4.new_markdown_cell(source, metadata=copy.deepcopy(cell.metadata))
    if "id" in cell:
        piece["id"] = f"{cell['id']}-{number}"
    else:
        del piece["id"]
    return piece


def fold_solutions(cells: list) -> None:
    """Store the cells between each solution's start and end folded; unfold every other cell."""
    inside = False
    for cell in cells:
        source = cell.source
        if cell.cell_type == "markdown" and SOLUTION_END.search(source):
            inside = False
        _set_folded(cell, inside)
        if cell.cell_type == "markdown" and SOLUTION_START.search(source):
            inside = True


def _set_folded(cell, folded: bool) -> None:
    flags = cell.metadata.get("jupyter", {})
    for key in ("source_hidden", "outputs_hidden"):
        flags.pop(key, None)
    if folded:
        flags["source_hidden"] = True
        if cell.cell_type == "code":
            flags["outputs_hidden"] = True
        elif not cell.source.startswith("\n"):
            # a folded cell shows its first line: let that be empty, not the answer
            cell.source = "\n" + cell.source
    elif cell.cell_type == "markdown":
        cell.source = cell.source.lstrip("\n")
    if flags:
        cell.metadata["jupyter"] = flags
    else:
        cell.metadata.pop("jupyter", None)


def glued_outputs(notebook) -> dict[str, dict]:
    """Each glued name's mime bundle, as MyST-NB's glue stored it in the outputs."""
    glued = {}
    for cell in notebook.cells:
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            if name is not None:
                glued[name] = {
                    mime.removeprefix(GLUE_MIME): value
                    for mime, value in output["data"].items()
                    if mime.startswith(GLUE_MIME)
                }
    return glued


def store_user_expressions(notebook) -> None:
    """Each markdown cell's {eval} results, in the metadata JupyterLab's MyST extension reads."""
    glued = glued_outputs(notebook)
    for number, cell in enumerate(notebook.cells):
        if cell.cell_type != "markdown":
            continue
        names = list(dict.fromkeys(EVAL_ROLE.findall(cell.source)))
        if not names:
            cell.metadata.pop("user_expressions", None)
            continue
        missing = [name for name in names if name not in glued]
        if missing:
            raise ValueError(f"cell {number}: {{eval}} of names no cell glues: {', '.join(missing)}")
        cell.metadata["user_expressions"] = [
            {"expression": name, "result": {"status": "ok", "data": glued[name], "metadata": {}}}
            for name in names
        ]


def _python_of(cell) -> ast.Module:
    """The cell's code without its shell and magic lines."""
    lines = cell.source.splitlines()
    return ast.parse("\n".join(line for line in lines if not line.lstrip().startswith(("!", "%"))))


def _assigned_names(code_cells: list) -> set[str]:
    """Every name the notebook's code assigns."""
    names = set()
    for cell in code_cells:
        for node in ast.walk(_python_of(cell)):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names.add(node.name)
    return names


def _shadowing_glues(code_cells: list) -> set[str]:
    """Names glued with another value than the notebook's own variable of that name."""
    assigned = _assigned_names(code_cells)
    shadowing = set()
    for cell in code_cells:
        for node in ast.walk(_python_of(cell)):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "glue"
                and len(node.args) >= 2
                and isinstance(node.args[0], ast.Constant)
                and node.args[0].value in assigned
                and not (isinstance(node.args[1], ast.Name) and node.args[1].id == node.args[0].value)
            ):
                shadowing.add(node.args[0].value)
    return shadowing


def rename_shadowing_glues(notebook) -> None:
    """A glued name that is also a variable becomes `name_shown`, in the code and in the prose.

    `glue` binds the glued value to its name for JupyterLab, so it must not replace a variable.
    """
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    for name in sorted(_shadowing_glues(code_cells)):
        glued = re.compile(rf'(glue\(\s*)"{re.escape(name)}"')
        shown = re.compile(rf"\{{eval\}}`{re.escape(name)}`")
        for cell in notebook.cells:
            if cell.cell_type == "code":
                cell.source = glued.sub(rf'\1"{name}_shown"', cell.source)
            else:
                cell.source = shown.sub(f"{{eval}}`{name}_shown`", cell.source)


def convert(notebook) -> None:
    """The chapter's markdown in the forms both the book and JupyterLab render (idempotent)."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = escape_dollars(to_inline_expressions(cell.source))
        elif cell.cell_type == "code":
            cell.source = cell.source.replace(
                "from myst_nb import glue", "from cnkz.display.inline import glue"
            )
    rename_shadowing_glues(notebook)
    notebook.cells = split_at_solutions(notebook.cells)
    fold_solutions(notebook.cells)
