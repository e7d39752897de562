import pandas as pd

from cnkz import load
from cnkz.display import pages


def test_bibliography_lists_only_cited_sources_grouped_by_kind(valid_package):
    sources = load("sources", valid_package).assign(
        title=["Report A", "Story B"],
        url=["https://a.example/x?y=1&z=2", "https://b.example"],
        kind=["wire", "press"],
        licence=["terms", "terms"],
    )
    page = pages.bibliography(sources, {"wire-a"})
    html, markdown = page._repr_html_(), page._repr_markdown_()
    assert 'id="src-wire-a"' in html and "paper-b" not in html
    assert "<h3>Wire (1)</h3>" in html
    assert "&amp;z=2" in html  # addresses are escaped
    assert "17 May 2024" in html
    assert "**Wire (1)**" in markdown and "Story B" not in markdown
    assert "[Report A](<https://a.example/x?y=1&z=2>)" in markdown and "`wire-a`" in markdown
    assert " (17 May 2024). [Report A]" in markdown  # a space between publisher and date, as on the website


def test_cited_ids_reads_single_and_listed_sources():
    listed = pd.DataFrame({"source_ids": ["y;z", None]})
    listed.attrs["table"] = "glossary"  # the descriptor declares its list separator
    tables = {"a": pd.DataFrame({"source_id": ["x", "y"]}), "b": listed}
    assert pages.cited_ids(tables) == {"x", "y", "z"}


def test_glossary_marks_each_language():
    terms = pd.DataFrame(
        {
            "term": ["Astana"],
            "description": ["Capital."],
            "kazakh": ["Астана"],
            "russian": ["Астана"],
            "chinese": [None],
            "source_ids": ["s1;s2"],
        }
    )
    terms.attrs["table"] = "glossary"
    page = pages.glossary(terms)
    html = page._repr_html_()
    assert '<td lang="kk">Астана</td>' in html and '<td lang="zh"></td>' in html
    assert 'id="term-astana"' in html and '<a href="references.html#src-s2"><code>s2</code></a>' in html
    assert page._repr_markdown_().splitlines()[2] == "| Astana | Capital. | Астана | Астана |  | s1, s2 |"
