"""What the PDF (LaTeX) build needs beyond Sphinx's defaults: Chinese characters and table widths.

XeTeX has no font fallback, and switching fonts at the edges of a Chinese run
(ucharclasses) breaks when the run ends a link's text. So each Chinese
character the data use is made to set itself in a CJK font
(`\\newunicodechar`), a self-contained switch wherever it stands.

Tables from Markdown have no column widths: LaTeX prints long ones in `l`
columns, which never wrap and run off the page, and squeezes short ones
column by column. Each gets widths from its content instead, and wraps
within the page.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

CJK_FONT = "Droid Sans Fallback"  # Debian's fonts-droid-fallback; `make pdf` installs it
# CJK radicals, symbols and punctuation, kana, unified ideographs, compatibility forms, fullwidth forms
CJK_CHARACTER = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")


def cjk_characters(paths: list[str | Path]) -> list[str]:
    """Every CJK character in the text files under `paths`, sorted."""
    found: set[str] = set()
    for root in map(Path, paths):
        for path in [root] if root.is_file() else root.rglob("*"):
            if path.is_file() and path.suffix in (".csv", ".json", ".md", ".ipynb"):
                found |= set(CJK_CHARACTER.findall(path.read_text(encoding="utf-8")))
    return sorted(found)


def cjk_preamble(characters: list[str]) -> str:
    """LaTeX preamble lines that set each character in the CJK font, with a line-break point after it."""
    lines = ["\\usepackage{newunicodechar}", f"\\newfontfamily\\cjkfont{{{CJK_FONT}}}"]
    # \char, not the character itself, which inside its own definition would recurse
    lines += [f"\\newunicodechar{{{c}}}{{{{\\cjkfont\\char{ord(c)} }}\\hspace{{0pt}}}}" for c in characters]
    return "\n".join(lines) + "\n"


MIN_WEIGHT, MAX_WEIGHT = 20, 100  # so that no column vanishes or takes the page
WORD_WEIGHT = 2.5  # per character of a column's longest word, which cannot wrap


def column_widths(rows: list[list[str]]) -> list[int]:
    """Relative column widths: ten times the square root of the mean length of a column's non-empty
    cells, or more if its longest word (often an identifier) needs it; CJK characters count double,
    as they print twice as wide. The root narrows the gap between a column of long descriptions and
    one of short names, so that both stay readable."""

    def printed(text: str) -> int:
        return len(text) + len(CJK_CHARACTER.findall(text))

    widths = []
    for column in zip(*rows):
        cells = [cell for cell in column if cell.strip()] or [""]
        mean = sum(map(printed, cells)) / len(cells)
        longest_word = max(printed(word) for cell in cells for word in cell.split() or [""])
        weight = max(10 * math.sqrt(mean), WORD_WEIGHT * longest_word)
        widths.append(round(min(max(weight, MIN_WEIGHT), MAX_WEIGHT)))
    return widths


def set_table_widths(doctree) -> None:
    """Give every Markdown table (no widths of its own) column widths from its content."""
    from docutils import nodes

    for table in doctree.findall(nodes.table):
        if "colwidths-auto" not in table["classes"]:
            continue
        colspecs = list(table.findall(nodes.colspec))
        rows = [[entry.astext() for entry in row.findall(nodes.entry)] for row in table.findall(nodes.row)]
        rows = [row for row in rows if len(row) == len(colspecs)]  # a spanning row says nothing of widths
        if not rows:
            continue
        for colspec, width in zip(colspecs, column_widths(rows)):
            colspec["colwidth"] = width
        table["classes"] = [c for c in table["classes"] if c != "colwidths-auto"] + ["colwidths-given"]


def exercise_label_aliases(doctree, docname: str | None = None) -> None:
    """Give each exercise the LaTeX label a reference from another page points to.

    sphinx-exercise labels an exercise `exercise:<label>` in LaTeX and rewrites
    references within its page to match; a reference from another page (the
    teaching guide's) points to `<page>:<label>` and printed "??". A second
    label, placed where the exercise starts, lets both resolve.

    With `docname` the doctree is one page (as read); without it, it is the
    whole book as the LaTeX builder assembles it, where each page sits in a
    `start_of_file` node that names it. The second form is needed because a
    PDF build after an HTML build reuses the pages read for HTML, so the
    first form never ran on them. An exercise is given its alias once.
    """
    from docutils import nodes

    exercises = [n for n in doctree.findall(nodes.Element) if type(n).__name__ in EXERCISE_NODES]
    pages = {id(n): docname for n in exercises} if docname else _pages_of(doctree)
    for node in exercises:
        label, page = node.get("label"), pages.get(id(node))
        first = node.children[0] if node.children else None
        if not label or not page or (isinstance(first, nodes.Element) and ALIAS_CLASS in first["classes"]):
            continue
        alias = nodes.raw("", rf"\phantomsection\label{{\detokenize{{{page}:{label}}}}}", format="latex")
        alias["classes"].append(ALIAS_CLASS)
        node.insert(0, alias)


def _pages_of(book) -> dict[int, str]:
    """For each exercise in an assembled book, the page it came from (its innermost `start_of_file`).

    Searched from the top down: the assembled tree's parent links are not
    reliable after the LaTeX extensions move pages into parts.
    """
    pages = {}
    for start in book.findall(lambda n: type(n).__name__ == "start_of_file"):  # outer pages first
        for node in start.findall(lambda n: type(n).__name__ in EXERCISE_NODES):
            pages[id(node)] = start.get("docname")  # an inner page overrides its part
    return pages


ALIAS_CLASS = "cnkz-exercise-alias"
EXERCISE_NODES = {"exercise_node", "exercise_enumerable_node"}
