"""Values written for readers."""

from __future__ import annotations

import pandas as pd


def show_date(date: pd.Timestamp, precision: str) -> str:
    """A date written only as precisely as its source knows it ('4 July 2005', 'July 2005', '2005')."""
    return {"day": f"{date.day} {date:%B %Y}", "month": f"{date:%B %Y}"}.get(precision, f"{date:%Y}")
