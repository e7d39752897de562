"""Markdown twins of the book's tables, which the PDF builder prints as real tables."""

import pandas as pd
from IPython.core.interactiveshell import InteractiveShell

from cnkz.display import printable


def table_lines(markdown: str) -> list[list[str]]:
    return [line.strip("| ").split(" | ") for line in markdown.splitlines() if line.startswith("|")]


def test_values_print_as_pandas_prints_them_and_markup_is_escaped():
    frame = pd.DataFrame(
        {"value": [1.5, None, 3.25], "note": ["a|b", "<b>", "*x*"]},
        index=pd.Index([2001, 2002, 2003], name="year"),
    )
    lines = table_lines(printable.dataframe_markdown(frame))
    assert lines[0] == ["year", "value", "note"]
    assert lines[2:] == [["2001", "1.50", "a\\|b"], ["2002", "NaN", "\\<b\\>"], ["2003", "3.25", "\\*x\\*"]]


def test_a_default_index_is_left_out_and_a_long_table_is_cut_like_the_html_one():
    frame = pd.DataFrame({"n": range(100)})
    with pd.option_context("display.max_rows", 60, "display.min_rows", 10):
        markdown = printable.dataframe_markdown(frame)
    rows = table_lines(markdown)[2:]
    assert [row[0] for row in rows] == ["0", "1", "2", "3", "4", "…", "95", "96", "97", "98", "99"]
    assert markdown.endswith("100 rows × 1 columns")


def test_multiindex_columns_are_joined():
    frame = pd.DataFrame([[1, 2]], columns=pd.MultiIndex.from_tuples([("trade", "CHN"), ("trade", "KAZ")]))
    assert table_lines(printable.dataframe_markdown(frame))[0] == ["trade / CHN", "trade / KAZ"]


def test_after_the_call_a_dataframe_output_carries_markdown_as_well_as_html():
    shell = InteractiveShell.instance()
    frame = pd.DataFrame({"a": [1]})
    before, _ = shell.display_formatter.format(frame)
    printable.print_tables_as_markdown(shell)
    after, _ = shell.display_formatter.format(frame)
    assert "text/markdown" not in before
    assert after["text/markdown"] == printable.dataframe_markdown(frame)
    assert after["text/html"] == before["text/html"]


def test_a_page_offers_html_to_the_website_and_markdown_to_the_pdf():
    page = printable.Page("<p>web</p>", "print")
    assert (page._repr_html_(), page._repr_markdown_()) == ("<p>web</p>", "print")
    assert repr(page) == repr(printable.Page("<p>other</p>", "print")) == "<Page: 1 lines of Markdown>"
