"""The shared timeline over time: events per year, gaps between dates."""

from __future__ import annotations

import pandas as pd


def per_year(events: pd.DataFrame, by: str = "theme") -> pd.DataFrame:
    """Distinct events per calendar year and `by` (an event dated by two sources counts once)."""
    first = events.sort_values("date").drop_duplicates("event_id")
    table = first.groupby([first["date"].dt.year.rename("year"), by]).size().unstack(by, fill_value=0)
    years = range(int(table.index.min()), int(table.index.max()) + 1)
    return table.reindex(years, fill_value=0)


def years_since_previous(dates: pd.Series) -> pd.Series:
    """Years (one decimal) from each date to the one before it in the series' order."""
    return (dates.diff().dt.days / 365.25).round(1)
