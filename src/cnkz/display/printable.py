"""Tables that print: a Markdown form of every table output, for the PDF.

The web page shows a notebook's tables as HTML. The PDF (LaTeX) builder
cannot use HTML and falls back to the plain-text repr, which wraps wide
tables into unreadable lines, and shows `<IPython.core.display.HTML object>`
for HTML-only outputs. It does use Markdown, which becomes a real LaTeX
table. So every DataFrame, and the book's HTML pages (glossary,
bibliography), also carry a Markdown form; the website is unchanged.
"""

from __future__ import annotations

import re

import pandas as pd

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!$])")


def escape(text: str) -> str:
    """Text that Markdown prints as is: punctuation it would read as markup is backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _formatted_column(column: pd.Series) -> list[str]:
    """Each value as pandas prints it (same precision and missing-value marks as the HTML table)."""
    if column.empty:
        return []
    lines = column.to_string(index=False, header=False).split("\n")
    if len(lines) != len(column):  # a value with a line break: fall back to str()
        return [str(value) for value in column]
    return [line.strip() for line in lines]


def _shown_rows(frame: pd.DataFrame) -> tuple[pd.DataFrame, bool]:
    """The rows pandas would show, following display.max_rows and display.min_rows; True if cut."""
    max_rows = pd.get_option("display.max_rows")
    if max_rows is None or len(frame) <= max_rows:
        return frame, False
    half = max(pd.get_option("display.min_rows") or max_rows, 2) // 2
    return pd.concat([frame.head(half), frame.tail(half)]), True


def _label(value) -> str:
    return " / ".join(map(str, value)) if isinstance(value, tuple) else str(value)


def dataframe_markdown(frame: pd.DataFrame) -> str:
    """A Markdown (pipe) table of `frame`, with its index unless that is the default 0, 1, 2, ..."""
    shown, cut = _shown_rows(frame)
    show_index = not isinstance(frame.index, pd.RangeIndex) or frame.index.name is not None
    columns = [_formatted_column(shown.iloc[:, position]) for position in range(shown.shape[1])]
    headers = [_label(name) for name in shown.columns]
    if show_index:
        columns.insert(0, [_label(value) for value in shown.index])
        headers.insert(0, _label(shown.index.name) if shown.index.name is not None else "")
    rows = [list(values) for values in zip(*columns)] if columns else []
    if cut:
        rows.insert(len(rows) // 2, ["…"] * len(headers))
    lines = ["| " + " | ".join(escape(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(escape(value) for value in row) + " |" for row in rows]
    if cut:
        lines.append(f"\n{len(frame)} rows × {frame.shape[1]} columns")
    return "\n".join(lines)


class Page:
    """An HTML fragment with a Markdown twin: the notebook stores both, each builder takes its own."""

    def __init__(self, html: str, markdown: str):
        self.html = html
        self.markdown = markdown

    def _repr_html_(self) -> str:
        return self.html

    def _repr_markdown_(self) -> str:
        return self.markdown

    def __repr__(self) -> str:  # stable, unlike the default's memory address, which changed on every run
        return f"<Page: {len(self.markdown.splitlines())} lines of Markdown>"


def print_tables_as_markdown(shell=None) -> None:
    """From now on, every DataFrame output in this notebook also carries its Markdown table."""
    format_dataframes("text/markdown", dataframe_markdown, shell)


def format_dataframes(mime: str, formatter, shell=None) -> None:
    """From now on, `formatter` writes the `mime` form of every DataFrame output (outside IPython, nothing)."""
    if shell is None:
        try:
            shell = get_ipython()  # noqa: F821 (defined inside IPython only)
        except NameError:
            return
    shell.display_formatter.formatters[mime].for_type(pd.DataFrame, formatter)
