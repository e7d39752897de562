"""Questions about the shared timeline that several chapters ask."""

from __future__ import annotations

import pandas as pd


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


def per_year(events: pd.DataFrame, by: str = "theme") -> pd.DataFrame:
    """Distinct events per calendar year and `by` (an event dated by two sources counts once)."""
    first = events.sort_values("date").drop_duplicates("event_id")
    table = first.groupby([first["date"].dt.year.rename("year"), by]).size().unstack(by, fill_value=0)
    years = range(int(table.index.min()), int(table.index.max()) + 1)
    return table.reindex(years, fill_value=0)
