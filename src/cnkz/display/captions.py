"""Source notes for figure captions, built from the sources registry."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..datapackage import load

MAX_PUBLISHERS = 6


def source_note(
    df: pd.DataFrame,
    data_dir: Path | str | None = None,
    column: str = "source_id",
    max_publishers: int = MAX_PUBLISHERS,
) -> str:
    """'Sources: Publisher (years); ...' for the sources cited by the rows of `df`.

    Publishers come in order of how many rows they back (then by name), each
    with the distinct publication years of the cited items; a source without
    a known date is named without a year. Past `max_publishers` the note ends
    with how many more publishers the registry lists, so a caption stays short.
    """
    if column not in df.columns:
        raise KeyError(f"source_note needs a {column!r} column; the frame has {list(df.columns)}")
    cited = df[column].dropna()
    if cited.empty:
        raise ValueError("source_note got no rows with a source: a figure must cite what it shows")
    sources = load("sources", data_dir).set_index("id")
    unknown = set(cited) - set(sources.index)
    if unknown:
        raise KeyError(f"source ids not in sources.csv: {sorted(unknown)}")

    rows = cited.map(sources["publisher"]).value_counts()
    order = sorted(rows.index, key=lambda publisher: (-rows[publisher], publisher.casefold()))
    used = sources.loc[sorted(set(cited))]
    parts = [_publisher_with_years(publisher, used) for publisher in order[:max_publishers]]
    rest = len(order) - max_publishers
    if rest > 0:
        parts.append(f"and {rest} more {'publisher' if rest == 1 else 'publishers'} in the sources registry")
    label = "Source" if len(order) == 1 else "Sources"
    return f"{label}: {'; '.join(parts)}."


def _publisher_with_years(publisher: str, used: pd.DataFrame) -> str:
    dates = used.loc[used["publisher"] == publisher, "published"].dropna()
    years = sorted({str(date.year) for date in dates})
    return f"{publisher} ({', '.join(years)})" if years else publisher
