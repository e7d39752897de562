"""One value from several sources: the rules chapters share when sources disagree."""

from __future__ import annotations

import pandas as pd

from ..datapackage import PRECISIONS


def date_disagreements(events: pd.DataFrame) -> pd.DataFrame:
    """Events that two or more sources date differently: one row per (event, source).

    Adds `spread_days`, the gap between the earliest and latest date given
    for the event, so the widest disagreements sort first.
    """
    dates = events.groupby("event_id")["date"]
    spread = (dates.transform("max") - dates.transform("min")).dt.days
    disputed = events.assign(spread_days=spread)[spread > 0]
    columns = ["event_id", "title", "date", "date_precision", "source_id", "spread_days"]
    return disputed.sort_values(["spread_days", "event_id", "date"], ascending=[False, True, True])[columns]


PRECISION_RANK = {precision: rank for rank, precision in enumerate(PRECISIONS)}


def agreed_dates(
    rows: pd.DataFrame,
    key: str | list[str],
    date: str = "date",
    precision: str = "date_precision",
    tie_break: str = "earliest",
) -> pd.DataFrame:
    """One date per `key` from rows that several sources date, by a stated rule.

    The rule: take the most precise dates; among them the date most sources
    give; if that still ties, the earliest. The result keeps the chosen row
    and adds `n_sources` (rows for the key) and `n_dates` (distinct dates
    given), so a reader sees how much the sources agreed.
    """
    keys = [key] if isinstance(key, str) else list(key)
    if tie_break not in ("earliest", "latest"):
        raise ValueError(f"tie_break must be 'earliest' or 'latest', not {tie_break!r}")
    ranked = rows.assign(
        _rank=rows[precision].map(PRECISION_RANK),
        _votes=rows.groupby(keys + [date])[date].transform("size"),
    )
    ranked = ranked.sort_values(
        keys + ["_rank", "_votes", date],
        ascending=[True] * len(keys) + [True, False, tie_break == "earliest"],
    )
    chosen = ranked.drop_duplicates(keys).drop(columns=["_rank", "_votes"]).set_index(keys)
    grouped = rows.groupby(keys)
    chosen["n_sources"] = grouped.size()
    chosen["n_dates"] = grouped[date].nunique()
    return chosen.reset_index()


def source_spread(
    rows: pd.DataFrame, keys: str | list[str], value: str, low: str = "lowest", high: str = "highest"
) -> pd.DataFrame:
    """For each key, how many sources give `value`, the lowest and highest they give, and high ÷ low."""
    given = rows.dropna(subset=[value])
    table = given.groupby(keys).agg(
        sources=("source_id", "size"), **{low: (value, "min"), high: (value, "max")}
    )
    table[f"{high}_over_{low}"] = (table[high] / table[low]).round(2)
    return table.reset_index()
