"""Reference pages generated from the data: the bibliography and the glossary.

Each is a `printable.Page`: HTML for the website, Markdown for the PDF.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from ..datapackage import allowed_values, items
from .printable import Page
from .printable import escape as md
from .text import show_date


def cited_ids(tables: dict[str, pd.DataFrame]) -> set[str]:
    """Every source id that some row of `tables` cites (in source_id or source_ids)."""
    ids: set[str] = set()
    for frame in tables.values():
        if "source_id" in frame:
            ids |= set(frame["source_id"].dropna())
        if "source_ids" in frame:
            ids |= {item for listed in items(frame, "source_ids") for item in listed}
    return ids


def bibliography(sources: pd.DataFrame, cited: set[str]) -> Page:
    """The sources the book cites, grouped by kind, as a list with a stable anchor per source."""
    used = sources[sources["id"].isin(cited)].copy()
    used["kind"] = pd.Categorical(used["kind"], allowed_values("sources", "kind"), ordered=True)
    html, markdown = [], []
    for kind, group in used.sort_values(["kind", "publisher", "title"]).groupby("kind", observed=True):
        heading = f"{str(kind).capitalize()} ({len(group)})"
        html.append(
            f"<h3>{escape(heading)}</h3><ul>{''.join(_entry_html(row) for _, row in group.iterrows())}</ul>"
        )
        markdown.append(
            f"**{md(heading)}**\n\n" + "\n".join(_entry_markdown(row) for _, row in group.iterrows())
        )
    return Page("".join(html), "\n\n".join(markdown))


def _date(row: pd.Series) -> str:
    return (
        "" if pd.isna(row["published"]) else f" ({show_date(row['published'], row['published_precision'])})"
    )


def _entry_html(row: pd.Series) -> str:
    return (
        f'<li id="src-{escape(row["id"])}">{escape(row["publisher"])}{_date(row)}. '
        f'<a href="{escape(row["url"], quote=True)}">{escape(row["title"])}</a>. '
        f"<code>{escape(row['id'])}</code>; {escape(row['licence'])}.</li>"
    )


def _entry_markdown(row: pd.Series) -> str:
    return (
        f"- {md(row['publisher'])}{' ' + md(_date(row)) if _date(row) else ''}. [{md(row['title'])}](<{row['url']}>). "
        f"`{row['id']}`; {md(row['licence'])}."
    )


GLOSSARY_COLUMNS = ["Term", "What it is", "Kazakh", "Russian", "Chinese", "Sources"]


def glossary(terms: pd.DataFrame) -> Page:
    """The glossary as a table: term, what it is, and its Kazakh, Russian and Chinese forms."""
    ordered = terms.sort_values("term", key=lambda s: s.str.casefold())
    return Page(_glossary_html(ordered), _glossary_markdown(ordered))


def _glossary_markdown(terms: pd.DataFrame) -> str:
    lines = ["| " + " | ".join(GLOSSARY_COLUMNS) + " |", "|" + "---|" * len(GLOSSARY_COLUMNS)]
    for (_, row), sources in zip(terms.iterrows(), items(terms, "source_ids")):
        cells = [md(row["term"]), md(row["description"])]
        cells += [md(_text(row[column])) for column in ("kazakh", "russian", "chinese")]
        cells.append(", ".join(md(i) for i in sources))  # plain text: hyphens can break
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _glossary_html(terms: pd.DataFrame) -> str:
    head = "".join(f'<th scope="col">{label}</th>' for label in GLOSSARY_COLUMNS)
    rows = []
    for (_, row), sources in zip(terms.iterrows(), items(terms, "source_ids")):
        cells = [
            f'<th scope="row" id="term-{escape(_slug(row["term"]))}">{escape(row["term"])}</th>',
            f"<td>{escape(row['description'])}</td>",
        ]
        cells += [
            f'<td lang="{lang}">{escape(_text(row[column]))}</td>'
            for column, lang in [("kazakh", "kk"), ("russian", "ru"), ("chinese", "zh")]
        ]
        # each source links to its entry in the bibliography (a page beside this one)
        cells.append(
            "<td>"
            + ", ".join(
                f'<a href="references.html#src-{escape(i)}"><code>{escape(i)}</code></a>' for i in sources
            )
            + "</td>"
        )
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f'<table class="glossary"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _text(value) -> str:
    return "" if pd.isna(value) else str(value)


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")
