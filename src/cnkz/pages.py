"""Reference pages generated from the data: the bibliography and the glossary."""

from __future__ import annotations

from html import escape

import pandas as pd
from IPython.display import HTML

from .timeline import show_date

KIND_ORDER = ["official", "wire", "press", "analysis", "dataset", "encyclopedia"]


def cited_ids(tables: dict[str, pd.DataFrame]) -> set[str]:
    """Every source id that some row of `tables` cites (in source_id or source_ids)."""
    ids: set[str] = set()
    for frame in tables.values():
        if "source_id" in frame:
            ids |= set(frame["source_id"].dropna())
        if "source_ids" in frame:
            ids |= {item for value in frame["source_ids"].dropna() for item in value.split(";") if item}
    return ids


def bibliography(sources: pd.DataFrame, cited: set[str]) -> HTML:
    """The sources the book cites, grouped by kind, as an HTML list with a stable anchor per source."""
    used = sources[sources["id"].isin(cited)].copy()
    used["kind"] = pd.Categorical(used["kind"], KIND_ORDER, ordered=True)
    parts = []
    for kind, group in used.sort_values(["kind", "publisher", "title"]).groupby("kind", observed=True):
        items = "".join(_entry(row) for _, row in group.iterrows())
        parts.append(f"<h3>{escape(str(kind).capitalize())} ({len(group)})</h3><ul>{items}</ul>")
    return HTML("".join(parts))


def _entry(row: pd.Series) -> str:
    date = "" if pd.isna(row["published"]) else f" ({show_date(row['published'], row['published_precision'])})"
    return (f'<li id="src-{escape(row["id"])}">{escape(row["publisher"])}{date}. '
            f'<a href="{escape(row["url"], quote=True)}">{escape(row["title"])}</a>. '
            f'<code>{escape(row["id"])}</code>; {escape(row["licence"])}.</li>')


def glossary(terms: pd.DataFrame) -> HTML:
    """The glossary as an HTML table: term, what it is, and its Kazakh, Russian and Chinese forms."""
    head = "".join(f'<th scope="col">{label}</th>' for label in
                   ["Term", "What it is", "Kazakh", "Russian", "Chinese", "Sources"])
    rows = []
    for _, row in terms.sort_values("term", key=lambda s: s.str.casefold()).iterrows():
        cells = [f'<th scope="row" id="term-{escape(_slug(row["term"]))}">{escape(row["term"])}</th>',
                 f"<td>{escape(row['description'])}</td>"]
        cells += [f'<td lang="{lang}">{escape(_text(row[column]))}</td>'
                  for column, lang in [("kazakh", "kk"), ("russian", "ru"), ("chinese", "zh")]]
        cells.append("<td>" + ", ".join(f"<code>{escape(i)}</code>" for i in row["source_ids"].split(";")) + "</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return HTML(f'<table class="glossary"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


def _text(value) -> str:
    return "" if pd.isna(value) else str(value)


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")
