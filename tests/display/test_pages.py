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


def test_reading_list_prints_authors_and_container_once():
    sources = pd.DataFrame(
        {
            "id": ["sch-a", "sch-b", "sch-c"],
            "publisher": [
                "Ann Bo, Cy Do and Ed Fu, Journal of Law and Society 7(2): 1-9, Press",
                "Think Tank and Foundation (City)",
                "Gil Ho, in IFSH (ed.), Yearbook 2011",
            ],
            "title": ["Work A", "Work B?", "Work C"],
            "published": pd.to_datetime(["2020-01-01", "2017-01-01", None]),
            "note": [
                "Argues that A holds. By Ann Bo; Cy Do; Ed Fu (2020); in Journal of Law and Society 7(2): 1-9. "
                "Bibliographic details read at https://example.org/a.",
                "Subject (the argument itself was not read): Weighs B against C.",
                None,
            ],
        }
    )
    text = pages.reading_list(sources, ["sch-b", "sch-a", "sch-c"], notes={"sch-c": "Own words on C."}).data
    assert text.splitlines() == [
        "- Think Tank and Foundation (City) (2017). *Work B?* Covers: weighs B against C.",
        "- Ann Bo, Cy Do and Ed Fu (2020). *Work A*. Journal of Law and Society 7(2): 1-9, Press. "
        "Argues that A holds.",
        "- Gil Ho (n.d.). *Work C*. In IFSH (ed.), Yearbook 2011. Own words on C.",
    ]
    # an author part the caller names is split off as given
    named = pages.reading_list(sources, ["sch-a"], authors={"sch-a": "Ann Bo, Cy Do and Ed Fu"}).data
    assert named.count("Ann Bo") == 1 and "(2020). *Work A*. Journal of Law" in named
