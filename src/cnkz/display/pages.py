"""Reference pages generated from the data: the bibliography and the glossary.

Each is a `printable.Page`: HTML for the website, Markdown for the PDF. Also a chapter's
Further-reading list (`reading_list`), as Markdown.
"""

from __future__ import annotations

import re
from html import escape

import pandas as pd
from IPython.display import Markdown

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


def reading_list(
    sources: pd.DataFrame,
    ids: list[str],
    notes: dict[str, str] | None = None,
    authors: dict[str, str] | None = None,
) -> Markdown:
    """A chapter's Further reading: one line per work, in the order of `ids`.

    Each line reads "Authors (year). *Title*. Container. What the work argues." The `publisher`
    of a scholarly work holds its authors and then, after a comma, where it appeared; the two are
    split, so neither is printed twice. `authors` gives the author part for a work whose split
    would be ambiguous. The closing sentence is `notes[id]` if given, otherwise the source's own
    `note` without its working details ("By ...", "Bibliographic details read at ...").
    """
    works = sources.set_index("id").loc[list(ids)]
    lines = []
    for key, row in works.iterrows():
        who, container = _authors_and_container(row["publisher"], (authors or {}).get(key))
        year = "n.d." if pd.isna(row["published"]) else str(row["published"].year)
        line = f"- {md(who)} ({year}). *{md(row['title'])}*{_stop(row['title'])}"
        if container:
            line += f" {md(container)}{_stop(container)}"
        about = (notes or {}).get(key) or _argument(row["note"])
        if about:
            line += f" {md(about)}"
        lines.append(line)
    return Markdown("\n".join(lines))


# names joined by commas and a final "and", each name a few words without digits or "and"
_NAME = r"(?:(?! and )[^,\d]){1,40}?"
_NAMES = re.compile(rf"^((?:{_NAME}, )*?{_NAME} and {_NAME}), (.+)$")
_UNREAD = re.compile(
    r"^(?:Subject \(the argument itself was not read\)|Describes the report's subject more than its argument): "
)


def _authors_and_container(publisher: str, authors: str | None) -> tuple[str, str | None]:
    """Split a `publisher` such as "A and B, Journal 7: 1-9, Press" into ("A and B", "Journal 7: 1-9, Press")."""
    if authors is None:
        listed = _NAMES.match(publisher)
        authors = listed.group(1) if listed else publisher.split(", ", 1)[0]
    if publisher == authors or not publisher.startswith(authors + ", "):
        return publisher, None
    container = publisher[len(authors) + 2 :]
    return authors, "In " + container[3:] if container.startswith("in ") else container


def _argument(note) -> str:
    """The note's first part, which says what the work argues (or, marked, what it covers)."""
    if pd.isna(note):
        return ""
    text = re.split(r" By |\s*Bibliographic (?:details|page) read", str(note), maxsplit=1)[0].strip()
    unread = _UNREAD.match(text)
    if unread:
        rest = text[unread.end() :]
        text = "Covers: " + (rest[0].lower() + rest[1:] if rest[1:2].islower() else rest)
    return text


def _stop(text: str) -> str:
    """A full stop after `text` unless it already ends in one (or in ? or !)."""
    return "" if str(text).rstrip().endswith((".", "?", "!")) else "."


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
